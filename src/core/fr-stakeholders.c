/* fr-stakeholders.c — ZOPA, Pareto front and Nash bargaining
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <string.h>

#include "fr-stakeholders.h"

gboolean
fr_pareto_dominates (const double *a,
                     const double *b,
                     guint         stride,
                     guint         n)
{
  gboolean better = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double x = a[(gsize) i * stride], y = b[(gsize) i * stride];

      if (x < y)
        return FALSE;
      if (x > y)
        better = TRUE;
    }
  return better;
}

FrAgreement *
fr_agreement_new (guint         n_stakeholders,
                  guint         n_options,
                  const double *utility,
                  const double *reservation)
{
  FrAgreement *agreement;
  gsize cells = (gsize) n_stakeholders * n_options;

  g_return_val_if_fail (utility != NULL || cells == 0, NULL);
  g_return_val_if_fail (reservation != NULL || n_stakeholders == 0, NULL);

  agreement = g_new0 (FrAgreement, 1);
  agreement->n_stakeholders = n_stakeholders;
  agreement->n_options = n_options;
  agreement->reservation = g_new0 (double, MAX (n_stakeholders, 1));
  agreement->utility = g_new0 (double, MAX (cells, 1));
  agreement->in_zopa = g_new0 (gboolean, MAX (n_options, 1));
  agreement->pareto = g_new0 (gboolean, MAX (n_options, 1));
  agreement->nash = -1;
  if (n_stakeholders > 0)
    memcpy (agreement->reservation, reservation, n_stakeholders * sizeof (double));
  if (cells > 0)
    memcpy (agreement->utility, utility, cells * sizeof (double));

  for (guint o = 0; o < n_options; o++)
    {
      gboolean acceptable = TRUE;
      double product = 1.0;

      for (guint s = 0; s < n_stakeholders; s++)
        {
          double gain = agreement->utility[(gsize) s * n_options + o] - agreement->reservation[s];

          if (!(gain >= 0.0))
            acceptable = FALSE;
          product *= gain;
        }
      agreement->in_zopa[o] = acceptable;
      if (!acceptable)
        continue;
      agreement->n_zopa++;
      if (n_stakeholders > 0 && (agreement->nash < 0 || product > agreement->nash_product))
        {
          agreement->nash = (int) o;
          agreement->nash_product = product;
        }
    }

  for (guint o = 0; o < n_options; o++)
    {
      gboolean dominated = FALSE;

      for (guint p = 0; p < n_options && !dominated; p++)
        dominated = p != o && fr_pareto_dominates (agreement->utility + p, agreement->utility + o,
                                                   n_options, n_stakeholders);
      agreement->pareto[o] = !dominated;
    }
  return agreement;
}

void
fr_stakeholder_utilities (const FrMatrix      *matrix,
                          const FrStakeholder *stakeholder,
                          double              *utility)
{
  g_autofree double *weights = NULL;
  g_autofree double *values = NULL;
  guint m;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (utility != NULL || matrix->n_options == 0);

  m = matrix->n_criteria;
  weights = fr_matrix_stakeholder_weights (matrix, stakeholder);
  values = g_new (double, MAX ((gsize) matrix->n_options * m, 1));
  fr_matrix_value_table (matrix, values);
  for (guint o = 0; o < matrix->n_options; o++)
    {
      double score = 0.0;

      for (guint c = 0; c < m; c++)
        score += weights[c] * values[(gsize) o * m + c];
      utility[o] = score;
    }
}

FrAgreement *
fr_agreement_new_from_model (const FrModel  *model,
                             const FrMatrix *matrix)
{
  guint n_stakeholders, n_options;
  g_autofree double *utility = NULL;
  g_autofree double *reservation = NULL;

  g_return_val_if_fail (model != NULL && matrix != NULL, NULL);

  n_stakeholders = model->stakeholders->len;
  n_options = matrix->n_options;
  utility = g_new0 (double, MAX ((gsize) n_stakeholders * n_options, 1));
  reservation = g_new0 (double, MAX (n_stakeholders, 1));
  for (guint s = 0; s < n_stakeholders; s++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);

      reservation[s] = stakeholder->reservation;
      fr_stakeholder_utilities (matrix, stakeholder, utility + (gsize) s * n_options);
    }
  return fr_agreement_new (n_stakeholders, n_options, utility, reservation);
}

void
fr_agreement_free (FrAgreement *agreement)
{
  if (agreement == NULL)
    return;
  g_free (agreement->reservation);
  g_free (agreement->utility);
  g_free (agreement->in_zopa);
  g_free (agreement->pareto);
  g_free (agreement);
}
