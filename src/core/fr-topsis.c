/* fr-topsis.c — closeness to the ideal solution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hwang, C.-L. and Yoon, K. (1981) Multiple Attribute Decision Making:
 * Methods and Applications. Springer, Lecture Notes in Economics and
 * Mathematical Systems 186, pp. 128–140.
 */
#define G_LOG_DOMAIN "frontier-core"

#include <math.h>

#include "fr-topsis.h"

void
fr_topsis_normalize (const FrMatrix        *matrix,
                     FrTopsisNormalization  normalization,
                     double                *normalized)
{
  guint n, m;

  g_return_if_fail (matrix != NULL);

  n = matrix->n_options;
  m = matrix->n_criteria;
  if (n == 0 || m == 0)
    return;
  g_return_if_fail (normalized != NULL);

  for (guint c = 0; c < m; c++)
    {
      gboolean cost = matrix->criteria[c].direction == FR_DIRECTION_COST;

      if (normalization == FR_TOPSIS_MINMAX)
        {
          double lo = HUGE_VAL, hi = -HUGE_VAL, range;

          for (guint o = 0; o < n; o++)
            {
              double x = matrix->values[(gsize) o * m + c];
              lo = MIN (lo, x);
              hi = MAX (hi, x);
            }
          range = hi - lo;
          for (guint o = 0; o < n; o++)
            {
              double x = matrix->values[(gsize) o * m + c];
              double r = range > 0.0 ? (cost ? hi - x : x - lo) / range : 1.0;
              normalized[(gsize) o * m + c] = r;
            }
        }
      else
        {
          double norm = 0.0;

          for (guint o = 0; o < n; o++)
            {
              double x = matrix->values[(gsize) o * m + c];
              norm += x * x;
            }
          norm = sqrt (norm);
          for (guint o = 0; o < n; o++)
            {
              double x = matrix->values[(gsize) o * m + c];
              double r = norm > 0.0 ? x / norm : 0.0;
              /* Negating a cost column turns "smallest is best" into the
               * same max-is-ideal rule without changing any distance. */
              normalized[(gsize) o * m + c] = cost ? -r : r;
            }
        }
    }
}

void
fr_topsis_from_normalized (const double *normalized,
                           guint         n_options,
                           guint         n_criteria,
                           const double *weights,
                           double       *closeness,
                           double       *distance_best,
                           double       *distance_worst)
{
  g_autofree double *best = NULL;
  g_autofree double *worst = NULL;
  guint n = n_options, m = n_criteria;

  if (n == 0)
    return;
  g_return_if_fail (closeness != NULL);
  g_return_if_fail (m == 0 || (normalized != NULL && weights != NULL));

  best = g_new (double, MAX (m, 1));
  worst = g_new (double, MAX (m, 1));
  for (guint c = 0; c < m; c++)
    {
      best[c] = -HUGE_VAL;
      worst[c] = HUGE_VAL;
    }
  for (guint o = 0; o < n; o++)
    {
      const double *row = normalized + (gsize) o * m;
      for (guint c = 0; c < m; c++)
        {
          best[c] = MAX (best[c], row[c]);
          worst[c] = MIN (worst[c], row[c]);
        }
    }

  for (guint o = 0; o < n; o++)
    {
      const double *row = normalized + (gsize) o * m;
      double dp = 0.0, dm = 0.0;

      for (guint c = 0; c < m; c++)
        {
          double a = weights[c] * (row[c] - best[c]);
          double b = weights[c] * (row[c] - worst[c]);
          dp += a * a;
          dm += b * b;
        }
      dp = sqrt (dp);
      dm = sqrt (dm);
      closeness[o] = dp > 0.0 ? dm / (dp + dm) : 1.0;
      if (distance_best != NULL)
        distance_best[o] = dp;
      if (distance_worst != NULL)
        distance_worst[o] = dm;
    }
}

void
fr_topsis (const FrMatrix        *matrix,
           const double          *weights,
           FrTopsisNormalization  normalization,
           double                *closeness,
           double                *distance_best,
           double                *distance_worst)
{
  g_autofree double *normalized = NULL;

  g_return_if_fail (matrix != NULL);

  normalized = g_new (double, MAX ((gsize) matrix->n_options * matrix->n_criteria, 1));
  fr_topsis_normalize (matrix, normalization, normalized);
  fr_topsis_from_normalized (normalized, matrix->n_options, matrix->n_criteria,
                             weights, closeness, distance_best, distance_worst);
}
