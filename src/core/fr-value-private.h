/* fr-value-private.h — fr_matrix_value without the per-call column scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SMAA and the bundle search read values millions of times. For a linear
 * criterion fr_matrix_value rescans the column to find its scale on every
 * call; this caches the scale once and then computes exactly what
 * fr_matrix_value computes (the same operations in the same order, so the
 * results are bit-identical). Criteria with a value function go straight to
 * fr_matrix_value, which is already cheap for them.
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

typedef struct {
  const FrMatrix *matrix;
  guint criterion;
  gboolean piecewise;
  FrDirection direction;
  double lo;
  double hi;
} FrValueCurve;

static inline void
fr_value_curve_init (FrValueCurve   *curve,
                     const FrMatrix *matrix,
                     guint           criterion)
{
  const FrMatrixCriterion *column = &matrix->criteria[criterion];

  curve->matrix = matrix;
  curve->criterion = criterion;
  curve->piecewise = column->value_function != NULL && column->value_function->len > 0;
  curve->direction = column->direction;
  curve->lo = 0.0;
  curve->hi = 0.0;
  if (!curve->piecewise)
    fr_matrix_scale (matrix, criterion, &curve->lo, &curve->hi);
}

static inline double
fr_value_curve_eval (const FrValueCurve *curve,
                     double              x)
{
  double t;

  if (curve->piecewise)
    return fr_matrix_value (curve->matrix, curve->criterion, x);
  if (curve->hi == curve->lo)
    {
      if (curve->direction == FR_DIRECTION_COST)
        return x > curve->hi ? 0.0 : 1.0;
      return x < curve->lo ? 0.0 : 1.0;
    }
  t = (x - curve->lo) / (curve->hi - curve->lo);
  if (curve->direction == FR_DIRECTION_COST)
    t = 1.0 - t;
  if (t > 1.0)
    return 1.0;
  if (t >= 0.0)
    return t;
  return 0.0;
}

G_END_DECLS
