/* fr-wsm.c — weighted sum over value functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "fr-wsm.h"

void
fr_wsm_scores_from_values (const double *values,
                           guint         n_options,
                           guint         n_criteria,
                           const double *weights,
                           double       *scores,
                           double       *contributions)
{
  if (n_options == 0)
    return;
  g_return_if_fail (scores != NULL);
  g_return_if_fail (n_criteria == 0 || (values != NULL && weights != NULL));

  for (guint o = 0; o < n_options; o++)
    {
      const double *row = values + (gsize) o * n_criteria;
      double sum = 0.0;

      if (contributions != NULL)
        {
          double *out = contributions + (gsize) o * n_criteria;
          for (guint c = 0; c < n_criteria; c++)
            {
              out[c] = weights[c] * row[c];
              sum += out[c];
            }
        }
      else
        {
          for (guint c = 0; c < n_criteria; c++)
            sum += weights[c] * row[c];
        }
      scores[o] = sum;
    }
}

void
fr_wsm_scores (const FrMatrix *matrix,
               const double   *weights,
               double         *scores,
               double         *contributions)
{
  g_autofree double *values = NULL;

  g_return_if_fail (matrix != NULL);

  values = g_new (double, MAX ((gsize) matrix->n_options * matrix->n_criteria, 1));
  fr_matrix_value_table (matrix, values);
  fr_wsm_scores_from_values (values, matrix->n_options, matrix->n_criteria,
                             weights, scores, contributions);
}
