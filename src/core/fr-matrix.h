/* fr-matrix.h — the dense decision matrix every method works on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Methods never look at the document model: they take an FrMatrix (options
 * × leaf criteria, row-major) and a weight vector. Building the matrix from
 * a model, a CSV file or a bundle of elements happens once per change, so the
 * methods' inner loops run over flat arrays.
 */
#pragma once

#include <glib.h>

#include "fr-model.h"

G_BEGIN_DECLS

typedef struct {
  char *id;
  char *name;
  FrDirection direction;
  gboolean has_scale;       /* FALSE: the data's own min and max are used */
  double scale_min;
  double scale_max;
  GArray *value_function;   /* FrValuePoint, nullable or empty = linear */
  FrPreference preference;
} FrMatrixCriterion;

typedef struct {
  guint n_options;
  guint n_criteria;
  char **option_ids;        /* n_options */
  char **option_names;      /* n_options */
  FrMatrixCriterion *criteria; /* n_criteria */
  double *values;           /* n_options × n_criteria, row-major */
  double *low;              /* same shape; equal to values where no range */
  double *high;
} FrMatrix;

FrMatrix *fr_matrix_new              (guint            n_options,
                                      guint            n_criteria);
void      fr_matrix_free             (FrMatrix        *matrix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrMatrix, fr_matrix_free)

#define FR_MATRIX_AT(m, option, criterion) ((m)->values[(gsize) (option) * (m)->n_criteria + (criterion)])

/* Leaf criteria in tree order; a missing score is an error naming the
 * option and criterion. */
FrMatrix *fr_matrix_new_from_model   (const FrModel   *model,
                                      GError         **error);

/* Weights of @stakeholder (or equal weights when NULL) in the matrix's
 * criterion order, normalised to sum to one. Returns a new array of
 * n_criteria doubles. */
double   *fr_matrix_stakeholder_weights (const FrMatrix      *matrix,
                                         const FrStakeholder *stakeholder);

/* The scale a linear criterion's values are read on: its declared
 * scale_min..scale_max, or without one the envelope of every option's score
 * and low..high range on it (so sampled scores share the scale). Computing
 * it scans the column; callers in a loop should call it once per column. */
void      fr_matrix_scale            (const FrMatrix  *matrix,
                                      guint            criterion,
                                      double          *min,
                                      double          *max);

/* The 0..1 value of @x on criterion @c: its piecewise-linear value function
 * if it has one, else linear over the declared scale (or the data's range),
 * reversed for cost criteria, clamped to 0..1. A value function is taken as
 * written (a cost criterion's function falls), so it is not reversed; flat
 * beyond its end points. When every option scores the same on a criterion
 * without a scale, they all get 1. */
double    fr_matrix_value            (const FrMatrix  *matrix,
                                      guint            criterion,
                                      double           x);
/* Fills @out (n_options × n_criteria) with fr_matrix_value of every cell. */
void      fr_matrix_value_table      (const FrMatrix  *matrix,
                                      double          *out);

/* Fills @order with option indices from the best (highest score) to the
 * worst; equal scores keep their input order, NaN sorts last. */
void      fr_rank_order              (const double    *scores,
                                      guint            n,
                                      guint           *order);

G_END_DECLS
