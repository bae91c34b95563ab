/* fr-matrix.c — building the decision matrix and reading values off it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "fr-error.h"
#include "fr-matrix.h"

FrMatrix *
fr_matrix_new (guint n_options,
               guint n_criteria)
{
  FrMatrix *matrix = g_new0 (FrMatrix, 1);
  gsize cells = (gsize) n_options * n_criteria;

  matrix->n_options = n_options;
  matrix->n_criteria = n_criteria;
  /* One spare slot keeps the string vectors NULL-terminated. */
  matrix->option_ids = g_new0 (char *, (gsize) n_options + 1);
  matrix->option_names = g_new0 (char *, (gsize) n_options + 1);
  matrix->criteria = g_new0 (FrMatrixCriterion, MAX (n_criteria, 1));
  for (guint c = 0; c < n_criteria; c++)
    {
      matrix->criteria[c].direction = FR_DIRECTION_BENEFIT;
      matrix->criteria[c].preference.kind = FR_PREF_USUAL;
    }
  matrix->values = g_new0 (double, MAX (cells, 1));
  matrix->low = g_new0 (double, MAX (cells, 1));
  matrix->high = g_new0 (double, MAX (cells, 1));
  return matrix;
}

void
fr_matrix_free (FrMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_strfreev (matrix->option_ids);
  g_strfreev (matrix->option_names);
  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      g_free (matrix->criteria[c].id);
      g_free (matrix->criteria[c].name);
      g_clear_pointer (&matrix->criteria[c].value_function, g_array_unref);
    }
  g_free (matrix->criteria);
  g_free (matrix->values);
  g_free (matrix->low);
  g_free (matrix->high);
  g_free (matrix);
}

FrMatrix *
fr_matrix_new_from_model (const FrModel  *model,
                          GError        **error)
{
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(FrMatrix) matrix = NULL;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  leaves = fr_model_leaf_criteria (model);
  matrix = fr_matrix_new (model->options->len, leaves->len);

  for (guint c = 0; c < leaves->len; c++)
    {
      const FrCriterion *criterion = g_ptr_array_index (leaves, c);
      FrMatrixCriterion *column = &matrix->criteria[c];

      column->id = g_strdup (criterion->id);
      column->name = g_strdup (criterion->name != NULL ? criterion->name : criterion->id);
      column->direction = criterion->direction;
      column->has_scale = criterion->has_scale;
      column->scale_min = criterion->scale_min;
      column->scale_max = criterion->scale_max;
      if (criterion->value_function != NULL && criterion->value_function->len > 0)
        column->value_function = g_array_copy (criterion->value_function);
      column->preference = criterion->preference;
    }

  for (guint o = 0; o < model->options->len; o++)
    {
      const FrOption *option = g_ptr_array_index (model->options, o);
      const char *option_name = option->name != NULL ? option->name : option->id;

      matrix->option_ids[o] = g_strdup (option->id);
      matrix->option_names[o] = g_strdup (option_name);
      for (guint c = 0; c < leaves->len; c++)
        {
          const FrCriterion *criterion = g_ptr_array_index (leaves, c);
          const char *criterion_name = criterion->name != NULL ? criterion->name : criterion->id;
          const FrScore *score = g_hash_table_lookup (option->scores, criterion->id);
          gsize cell = (gsize) o * leaves->len + c;

          if (score == NULL)
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Option “%s” has no score on criterion “%s”"),
                           option_name, criterion_name);
              return NULL;
            }
          if (!isfinite (score->value) ||
              (score->has_range && (!isfinite (score->low) || !isfinite (score->high))))
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Option “%s” has a score on criterion “%s” that is not a finite number"),
                           option_name, criterion_name);
              return NULL;
            }
          matrix->values[cell] = score->value;
          if (score->has_range)
            {
              matrix->low[cell] = MIN (score->low, score->value);
              matrix->high[cell] = MAX (score->high, score->value);
            }
          else
            {
              matrix->low[cell] = score->value;
              matrix->high[cell] = score->value;
            }
        }
    }

  return g_steal_pointer (&matrix);
}

double *
fr_matrix_stakeholder_weights (const FrMatrix      *matrix,
                               const FrStakeholder *stakeholder)
{
  double *weights;
  double total = 0.0;

  g_return_val_if_fail (matrix != NULL, NULL);

  weights = g_new0 (double, MAX (matrix->n_criteria, 1));
  if (stakeholder != NULL && stakeholder->weights != NULL)
    {
      for (guint c = 0; c < matrix->n_criteria; c++)
        {
          const FrWeight *weight = g_hash_table_lookup (stakeholder->weights,
                                                        matrix->criteria[c].id);
          /* A negative or non-finite weight cannot be a share of importance;
           * it counts as zero rather than flipping a criterion's sense. */
          if (weight != NULL && isfinite (weight->value) && weight->value > 0.0)
            weights[c] = weight->value;
          total += weights[c];
        }
    }

  if (total > 0.0 && isfinite (total))
    {
      for (guint c = 0; c < matrix->n_criteria; c++)
        weights[c] /= total;
    }
  else
    {
      for (guint c = 0; c < matrix->n_criteria; c++)
        weights[c] = 1.0 / matrix->n_criteria;
    }
  return weights;
}

void
fr_matrix_scale (const FrMatrix *matrix,
                 guint           criterion,
                 double         *min,
                 double         *max)
{
  const FrMatrixCriterion *column;
  double lo = 0.0, hi = 0.0;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (criterion < matrix->n_criteria);

  column = &matrix->criteria[criterion];
  if (column->has_scale)
    {
      lo = column->scale_min;
      hi = column->scale_max;
    }
  else if (matrix->n_options > 0)
    {
      /* The envelope of the ranges, not only of the point scores, so that a
       * score sampled inside its range keeps the same scale. */
      lo = HUGE_VAL;
      hi = -HUGE_VAL;
      for (guint o = 0; o < matrix->n_options; o++)
        {
          gsize cell = (gsize) o * matrix->n_criteria + criterion;
          lo = MIN (lo, MIN (matrix->values[cell], matrix->low[cell]));
          hi = MAX (hi, MAX (matrix->values[cell], matrix->high[cell]));
        }
    }
  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
}

static double
clamp01 (double v)
{
  if (v > 1.0)
    return 1.0;
  if (v >= 0.0)
    return v;
  return 0.0;   /* also maps NaN to 0 */
}

static double
piecewise_value (const GArray *points,
                 double        x)
{
  const FrValuePoint *p = (const FrValuePoint *) (const void *) points->data;
  guint n = points->len;
  guint lo, hi;

  if (x <= p[0].x)
    return p[0].value;
  if (x >= p[n - 1].x)
    return p[n - 1].value;

  /* Invariant: p[lo].x < x < p[hi].x. */
  lo = 0;
  hi = n - 1;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;
      if (p[mid].x <= x)
        lo = mid;
      else
        hi = mid;
    }
  if (p[hi].x <= p[lo].x)
    return p[hi].value;
  return p[lo].value + (p[hi].value - p[lo].value) * (x - p[lo].x) / (p[hi].x - p[lo].x);
}

/* The value of @x for a linear criterion already knowing its scale. A
 * degenerate scale (every option alike) gives no one an advantage: all
 * values at or beyond it count as the best. */
static inline double
linear_value (FrDirection direction,
              double      lo,
              double      hi,
              double      x)
{
  double t;

  if (hi == lo)
    {
      if (direction == FR_DIRECTION_COST)
        return x > hi ? 0.0 : 1.0;
      return x < lo ? 0.0 : 1.0;
    }
  t = (x - lo) / (hi - lo);
  if (direction == FR_DIRECTION_COST)
    t = 1.0 - t;
  return clamp01 (t);
}

double
fr_matrix_value (const FrMatrix *matrix,
                 guint           criterion,
                 double          x)
{
  const FrMatrixCriterion *column;
  double lo, hi;

  g_return_val_if_fail (matrix != NULL, 0.0);
  g_return_val_if_fail (criterion < matrix->n_criteria, 0.0);

  column = &matrix->criteria[criterion];
  /* A value function states the preference outright (a cost criterion's
   * function falls), so the direction does not reverse it again. */
  if (column->value_function != NULL && column->value_function->len > 0)
    return clamp01 (piecewise_value (column->value_function, x));

  fr_matrix_scale (matrix, criterion, &lo, &hi);
  return linear_value (column->direction, lo, hi, x);
}

void
fr_matrix_value_table (const FrMatrix *matrix,
                       double         *out)
{
  guint m;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (out != NULL || matrix->n_options == 0 || matrix->n_criteria == 0);

  m = matrix->n_criteria;
  for (guint c = 0; c < m; c++)
    {
      const FrMatrixCriterion *column = &matrix->criteria[c];

      if (column->value_function != NULL && column->value_function->len > 0)
        {
          for (guint o = 0; o < matrix->n_options; o++)
            out[(gsize) o * m + c] =
              clamp01 (piecewise_value (column->value_function, matrix->values[(gsize) o * m + c]));
        }
      else
        {
          double lo, hi;

          /* The scale once per column, not once per cell. */
          fr_matrix_scale (matrix, c, &lo, &hi);
          for (guint o = 0; o < matrix->n_options; o++)
            out[(gsize) o * m + c] =
              linear_value (column->direction, lo, hi, matrix->values[(gsize) o * m + c]);
        }
    }
}

typedef struct {
  double score;
  guint index;
} RankEntry;

static int
rank_entry_compare (const void *a,
                    const void *b)
{
  const RankEntry *x = a;
  const RankEntry *y = b;
  gboolean x_nan = isnan (x->score);
  gboolean y_nan = isnan (y->score);

  if (x_nan != y_nan)
    return x_nan ? 1 : -1;
  if (!x_nan && x->score != y->score)
    return x->score > y->score ? -1 : 1;
  /* qsort is not stable; the index makes it so. */
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

void
fr_rank_order (const double *scores,
               guint         n,
               guint        *order)
{
  g_autofree RankEntry *entries = NULL;

  if (n == 0)
    return;
  g_return_if_fail (scores != NULL && order != NULL);

  entries = g_new (RankEntry, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].score = scores[i];
      entries[i].index = i;
    }
  qsort (entries, n, sizeof *entries, rank_entry_compare);
  for (guint i = 0; i < n; i++)
    order[i] = entries[i].index;
}
