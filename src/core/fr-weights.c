/* fr-weights.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <math.h>

#include "fr-weights.h"

#define EPSILON 1e-12

static FrWeight *
leaf_weight (FrStakeholder *stakeholder,
             const char    *criterion_id)
{
  FrWeight *weight = g_hash_table_lookup (stakeholder->weights, criterion_id);

  if (weight == NULL)
    {
      weight = fr_weight_new (0.0);
      g_hash_table_insert (stakeholder->weights, g_strdup (criterion_id), weight);
    }
  return weight;
}

static void
set_value (FrWeight *weight,
           double    value)
{
  weight->value = CLAMP (value, 0.0, 1.0);
  if (weight->has_interval)
    {
      weight->low = MIN (weight->low, weight->value);
      weight->high = MAX (weight->high, weight->value);
    }
  else
    weight->low = weight->high = weight->value;
}

/* Spreads @total over @weights in proportion to what they hold now, or
 * evenly when they hold nothing. */
static void
distribute (GPtrArray *weights,
            double     total)
{
  double sum = 0.0;

  for (guint i = 0; i < weights->len; i++)
    sum += ((FrWeight *) g_ptr_array_index (weights, i))->value;
  for (guint i = 0; i < weights->len; i++)
    {
      FrWeight *weight = g_ptr_array_index (weights, i);
      set_value (weight, sum > EPSILON ? weight->value * total / sum : total / weights->len);
    }
}

gboolean
fr_weights_set (const FrModel *model,
                FrStakeholder *stakeholder,
                const char    *criterion_id,
                double         value,
                GHashTable    *locked)
{
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  g_autoptr(GPtrArray) inside = g_ptr_array_new ();
  g_autoptr(GPtrArray) outside = g_ptr_array_new ();
  FrCriterion *target = fr_model_find_criterion (model, criterion_id);
  double fixed_inside = 0.0, fixed_outside = 0.0;

  g_return_val_if_fail (stakeholder != NULL, FALSE);
  if (target == NULL || !isfinite (value))
    return FALSE;

  for (guint i = 0; i < leaves->len; i++)
    {
      FrCriterion *leaf = g_ptr_array_index (leaves, i);
      FrWeight *weight = leaf_weight (stakeholder, leaf->id);
      gboolean in_target = fr_model_criterion_is_under (model, leaf, criterion_id);
      gboolean is_locked = locked != NULL && g_hash_table_contains (locked, leaf->id);

      if (is_locked)
        {
          if (in_target)
            fixed_inside += weight->value;
          else
            fixed_outside += weight->value;
        }
      else
        g_ptr_array_add (in_target ? inside : outside, weight);
    }

  if (inside->len == 0)
    return FALSE;
  value = CLAMP (value, fixed_inside, MAX (fixed_inside, 1.0 - fixed_outside));
  /* With nothing else free to give or take, the target takes the rest. */
  if (outside->len == 0)
    value = MAX (fixed_inside, 1.0 - fixed_outside);

  distribute (inside, value - fixed_inside);
  if (outside->len > 0)
    distribute (outside, MAX (0.0, 1.0 - value - fixed_outside));
  return TRUE;
}

double
fr_weights_total (const FrModel       *model,
                  const FrStakeholder *stakeholder)
{
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  double total = 0.0;

  for (guint i = 0; i < leaves->len; i++)
    {
      FrWeight *weight = g_hash_table_lookup (stakeholder->weights,
                                              ((FrCriterion *) g_ptr_array_index (leaves, i))->id);
      if (weight != NULL)
        total += weight->value;
    }
  return total;
}

void
fr_weights_normalise (const FrModel *model,
                      FrStakeholder *stakeholder)
{
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  g_autoptr(GPtrArray) weights = g_ptr_array_new ();

  for (guint i = 0; i < leaves->len; i++)
    g_ptr_array_add (weights, leaf_weight (stakeholder, ((FrCriterion *) g_ptr_array_index (leaves, i))->id));
  if (weights->len > 0)
    distribute (weights, 1.0);
}

void
fr_weights_copy (FrStakeholder       *stakeholder,
                 const FrStakeholder *profile)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (stakeholder != NULL && profile != NULL);
  if (stakeholder == profile)
    return;
  g_hash_table_remove_all (stakeholder->weights);
  g_hash_table_iter_init (&iter, profile->weights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FrWeight *copy = g_memdup2 (value, sizeof (FrWeight));
      g_hash_table_insert (stakeholder->weights, g_strdup (key), copy);
    }
}
