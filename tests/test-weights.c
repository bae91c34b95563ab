/* test-weights.c — slider arithmetic: proportional rescaling and locks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fr-model.h"
#include "fr-weights.h"

/* security: deterrence 0.4, escalation 0.2; cost 0.3; time 0.1 */
static FrModel *
build_model (FrStakeholder **out)
{
  FrModel *model = fr_model_new ();
  FrCriterion *group = fr_criterion_new ("security", "Security");
  const char *leaves[] = { "deterrence", "escalation", "cost", "time" };
  const double values[] = { 0.4, 0.2, 0.3, 0.1 };
  FrStakeholder *stakeholder = fr_stakeholder_new ("ua", "Ukraine");

  group->is_group = TRUE;
  g_ptr_array_add (model->criteria, group);
  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    {
      FrCriterion *leaf = fr_criterion_new (leaves[i], leaves[i]);
      if (i < 2)
        leaf->parent_id = g_strdup ("security");
      g_ptr_array_add (model->criteria, leaf);
      g_hash_table_insert (stakeholder->weights, g_strdup (leaves[i]), fr_weight_new (values[i]));
    }
  g_ptr_array_add (model->stakeholders, stakeholder);
  *out = stakeholder;
  return model;
}

static double
w (FrStakeholder *stakeholder,
   const char    *id)
{
  return ((FrWeight *) g_hash_table_lookup (stakeholder->weights, id))->value;
}

static void
test_leaf_rescales_others (void)
{
  FrStakeholder *ua;
  g_autoptr(FrModel) model = build_model (&ua);

  /* Raising deterrence to 0.7 leaves 0.3 for the others, in the old
   * proportions 0.2 : 0.3 : 0.1. */
  g_assert_true (fr_weights_set (model, ua, "deterrence", 0.7, NULL));
  g_assert_cmpfloat_with_epsilon (w (ua, "deterrence"), 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "escalation"), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "cost"), 0.15, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "time"), 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (fr_weights_total (model, ua), 1.0, 1e-12);
}

static void
test_group_scales_children (void)
{
  FrStakeholder *ua;
  g_autoptr(FrModel) model = build_model (&ua);

  g_assert_true (fr_weights_set (model, ua, "security", 0.3, NULL));
  g_assert_cmpfloat_with_epsilon (w (ua, "deterrence"), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "escalation"), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "cost"), 0.525, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "time"), 0.175, 1e-12);
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, ua, "security"), 0.3, 1e-12);
}

static void
test_locks (void)
{
  FrStakeholder *ua;
  g_autoptr(FrModel) model = build_model (&ua);
  g_autoptr(GHashTable) locked = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (locked, (gpointer) "cost");
  g_assert_true (fr_weights_set (model, ua, "deterrence", 0.9, locked));
  /* Cost keeps 0.3, so deterrence can reach 0.7 at most. */
  g_assert_cmpfloat_with_epsilon (w (ua, "cost"), 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "deterrence"), 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (w (ua, "escalation"), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (fr_weights_total (model, ua), 1.0, 1e-12);

  /* A locked criterion cannot be moved at all. */
  g_assert_false (fr_weights_set (model, ua, "cost", 0.5, locked));
  g_assert_false (fr_weights_set (model, ua, "missing", 0.5, locked));
}

static void
test_normalise_and_intervals (void)
{
  FrStakeholder *ua;
  g_autoptr(FrModel) model = build_model (&ua);
  FrWeight *deterrence = g_hash_table_lookup (ua->weights, "deterrence");

  deterrence->has_interval = TRUE;
  deterrence->low = 0.3;
  deterrence->high = 0.5;
  g_assert_true (fr_weights_set (model, ua, "deterrence", 0.8, NULL));
  g_assert_cmpfloat (deterrence->low, <=, deterrence->value);
  g_assert_cmpfloat (deterrence->high, >=, deterrence->value);
  g_assert_cmpfloat_with_epsilon (deterrence->high, 0.8, 1e-12);

  for (guint i = 0; i < 4; i++)
    ((FrWeight *) g_hash_table_lookup (ua->weights, (const char *[]) { "deterrence", "escalation", "cost", "time" }[i]))->value = 2.0;
  fr_weights_normalise (model, ua);
  g_assert_cmpfloat_with_epsilon (w (ua, "time"), 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (fr_weights_total (model, ua), 1.0, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/weights/leaf", test_leaf_rescales_others);
  g_test_add_func ("/core/weights/group", test_group_scales_children);
  g_test_add_func ("/core/weights/locks", test_locks);
  g_test_add_func ("/core/weights/normalise-intervals", test_normalise_and_intervals);
  return g_test_run ();
}
