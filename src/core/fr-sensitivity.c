/* fr-sensitivity.c — exact weight stability intervals and tornado sweeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <math.h>

#include "fr-sensitivity.h"

guint
fr_sensitivity_leader (const double *values,
                       guint         n_options,
                       guint         n_criteria,
                       const double *weights)
{
  guint leader = 0;
  double best = -HUGE_VAL;

  g_return_val_if_fail (values != NULL || n_options == 0, 0);
  g_return_val_if_fail (weights != NULL || n_criteria == 0, 0);

  for (guint o = 0; o < n_options; o++)
    {
      double score = 0.0;

      for (guint c = 0; c < n_criteria; c++)
        score += weights[c] * values[(gsize) o * n_criteria + c];
      if (score > best)
        {
          best = score;
          leader = o;
        }
    }
  return leader;
}

/* R_a of the header: @option's score over the other criteria once their
 * weights are rescaled to sum to one. */
static double
rest_score (const double *values,
            guint         n_criteria,
            const double *weights,
            guint         criterion,
            guint         option)
{
  const double *row = values + (gsize) option * n_criteria;
  double others = 1.0 - weights[criterion];
  double sum = 0.0;

  if (n_criteria < 2)
    return 0.0;
  if (!(others > 1e-12))
    {
      for (guint c = 0; c < n_criteria; c++)
        if (c != criterion)
          sum += row[c];
      return sum / (n_criteria - 1);
    }
  for (guint c = 0; c < n_criteria; c++)
    if (c != criterion)
      sum += weights[c] * row[c];
  return sum / others;
}

void
fr_sensitivity_scores_at (const double *values,
                          guint         n_options,
                          guint         n_criteria,
                          const double *weights,
                          guint         criterion,
                          double        t,
                          double       *scores)
{
  g_return_if_fail (criterion < n_criteria);
  g_return_if_fail (values != NULL && weights != NULL && scores != NULL);

  for (guint o = 0; o < n_options; o++)
    scores[o] = t * values[(gsize) o * n_criteria + criterion] +
                (1.0 - t) * rest_score (values, n_criteria, weights, criterion, o);
}

guint
fr_sensitivity_stability (const double *values,
                          guint         n_options,
                          guint         n_criteria,
                          const double *weights,
                          FrStability  *intervals)
{
  guint leader;
  g_autofree double *rest = NULL;

  g_return_val_if_fail (values != NULL && weights != NULL, 0);
  g_return_val_if_fail (intervals != NULL || n_criteria == 0, 0);

  leader = fr_sensitivity_leader (values, n_options, n_criteria, weights);
  rest = g_new (double, MAX (n_options, 1));

  for (guint j = 0; j < n_criteria; j++)
    {
      FrStability *out = &intervals[j];
      double t0 = weights[j];
      double lead_value, lead_rest;

      out->weight = t0;
      out->low = 0.0;
      out->high = 1.0;
      out->low_rival = -1;
      out->high_rival = -1;

      for (guint o = 0; o < n_options; o++)
        rest[o] = rest_score (values, n_criteria, weights, j, o);
      lead_value = values[(gsize) leader * n_criteria + j];
      lead_rest = rest[leader];

      for (guint a = 0; a < n_options; a++)
        {
          /* D(t) = (1 − t)·d0 + t·d1: the leader's margin over a. */
          double d0 = lead_rest - rest[a];
          double d1 = lead_value - values[(gsize) a * n_criteria + j];
          double crossing;

          if (a == leader || (d0 >= 0.0 && d1 >= 0.0))
            continue;
          if (d0 < 0.0 && d1 < 0.0)
            {
              /* Behind everywhere: only rounding made it the leader, so
               * the interval shrinks to the current weight. */
              out->low = out->high = t0;
              out->low_rival = out->high_rival = (int) a;
              continue;
            }
          crossing = d0 / (d0 - d1);
          if (d0 < 0.0)
            {
              /* a is ahead at t = 0, behind from the crossing on. */
              if (crossing > out->low)
                {
                  out->low = crossing;
                  out->low_rival = (int) a;
                }
            }
          else if (crossing < out->high)
            {
              out->high = crossing;
              out->high_rival = (int) a;
            }
        }
      out->low = MIN (out->low, t0);
      out->high = MAX (out->high, t0);
    }
  return leader;
}

void
fr_sensitivity_tornado (const double *values,
                        guint         n_options,
                        guint         n_criteria,
                        const double *weights,
                        guint         option,
                        double        change,
                        FrTornadoBar *bars)
{
  double score = 0.0;

  g_return_if_fail (values != NULL && weights != NULL && bars != NULL);
  g_return_if_fail (option < n_options);

  for (guint c = 0; c < n_criteria; c++)
    score += weights[c] * values[(gsize) option * n_criteria + c];

  for (guint j = 0; j < n_criteria; j++)
    {
      FrTornadoBar *bar = &bars[j];
      double t0 = weights[j];
      double rest = rest_score (values, n_criteria, weights, j, option);
      double value = values[(gsize) option * n_criteria + j];

      bar->criterion = j;
      bar->weight = t0;
      if (isinf (change))
        {
          bar->weight_low = 0.0;
          bar->weight_high = 1.0;
        }
      else
        {
          bar->weight_low = CLAMP (t0 * (1.0 - change), 0.0, 1.0);
          bar->weight_high = CLAMP (t0 * (1.0 + change), 0.0, 1.0);
        }
      bar->score = score;
      bar->score_low = bar->weight_low * value + (1.0 - bar->weight_low) * rest;
      bar->score_high = bar->weight_high * value + (1.0 - bar->weight_high) * rest;
    }
}
