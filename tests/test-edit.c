/* test-edit.c — structural edits keep the scenario a valid document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fr-edit.h"
#include "fr-paths.h"
#include "fr-weights.h"
#include "fr-xml.h"

static FrModel *
load_scenario (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fr_scenario_path ();
  FrModel *model = fr_xml_load_file (path, &error);

  g_assert_no_error (error);
  return model;
}

/* Whatever the edit, the model must write and read back. */
static void
assert_round_trips (const FrModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fr_xml_save_bytes (model, &error);
  g_autoptr(FrModel) back = NULL;

  g_assert_no_error (error);
  back = fr_xml_load_bytes (bytes, "edited", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
}

static void
test_criteria (void)
{
  g_autoptr(FrModel) model = fr_model_new ();
  g_autoptr(FrModel) scenario = load_scenario ();
  guint n_criteria = scenario->criteria->len;
  FrOption *option = g_ptr_array_index (scenario->options, 0);
  FrStakeholder *ukraine = fr_model_find_stakeholder (scenario, "ukraine");
  const char *added, *copy;

  added = fr_edit_add (scenario, FR_EDIT_CRITERION, "Public support in the EU");
  g_assert_cmpstr (added, ==, "public-support-in-the-eu");
  g_assert_cmpuint (scenario->criteria->len, ==, n_criteria + 1);
  g_assert_nonnull (g_hash_table_lookup (option->scores, added));
  g_assert_cmpfloat (((FrScore *) g_hash_table_lookup (option->scores, added))->value, ==, 5.0);
  g_assert_cmpfloat (((FrWeight *) g_hash_table_lookup (ukraine->weights, added))->value, ==, 0.0);
  assert_round_trips (scenario);

  g_assert_true (fr_edit_rename (scenario, FR_EDIT_CRITERION, added, "EU public support"));
  g_assert_cmpstr (fr_model_find_criterion (scenario, added)->name, ==, "EU public support");
  g_assert_false (fr_edit_rename (scenario, FR_EDIT_CRITERION, "missing", "x"));
  g_assert_false (fr_edit_rename (scenario, FR_EDIT_CRITERION, added, ""));

  copy = fr_edit_duplicate (scenario, FR_EDIT_CRITERION, "deterrence");
  g_assert_cmpstr (copy, ==, "deterrence-2");
  g_assert_cmpfloat (((FrScore *) g_hash_table_lookup (option->scores, copy))->value, ==,
                     ((FrScore *) g_hash_table_lookup (option->scores, "deterrence"))->value);
  g_assert_cmpstr (fr_model_find_criterion (scenario, copy)->parent_id, ==,
                   fr_model_find_criterion (scenario, "deterrence")->parent_id);
  assert_round_trips (scenario);

  /* Deleting a group takes its leaves, their scores, weights and effects. */
  {
    const char *group = fr_model_find_criterion (scenario, "deterrence")->parent_id;
    g_autofree char *group_id = g_strdup (group);

    g_assert_true (fr_edit_delete (scenario, FR_EDIT_CRITERION, group_id));
    g_assert_null (fr_model_find_criterion (scenario, group_id));
    g_assert_null (fr_model_find_criterion (scenario, "deterrence"));
    g_assert_null (fr_model_find_criterion (scenario, "deterrence-2"));
    g_assert_null (g_hash_table_lookup (option->scores, "deterrence"));
    g_assert_null (g_hash_table_lookup (ukraine->weights, "deterrence"));
    for (guint i = 0; i < scenario->elements->len; i++)
      {
        FrElement *element = g_ptr_array_index (scenario->elements, i);
        for (guint e = 0; e < element->effects->len; e++)
          g_assert_cmpstr (((FrEffect *) g_ptr_array_index (element->effects, e))->criterion_id, !=, "deterrence");
      }
    fr_weights_normalise (scenario, ukraine);
    assert_round_trips (scenario);
  }

  g_assert_nonnull (fr_edit_add (model, FR_EDIT_CRITERION, "Cost"));
  g_assert_false (fr_edit_delete (model, FR_EDIT_CRITERION, "missing"));
}

static void
test_move_keeps_tree_order (void)
{
  g_autoptr(FrModel) scenario = load_scenario ();
  FrCriterion *first_group = NULL;
  guint index_before, index_after;

  for (guint i = 0; i < scenario->criteria->len && first_group == NULL; i++)
    if (((FrCriterion *) g_ptr_array_index (scenario->criteria, i))->is_group)
      first_group = g_ptr_array_index (scenario->criteria, i);
  g_assert_nonnull (first_group);
  g_assert_true (g_ptr_array_find (scenario->criteria, first_group, &index_before));

  /* The first group moves past the next group, children and all. */
  g_assert_true (fr_edit_move (scenario, FR_EDIT_CRITERION, first_group->id, 1));
  g_assert_true (g_ptr_array_find (scenario->criteria, first_group, &index_after));
  g_assert_cmpuint (index_after, >, index_before);
  /* Every child still follows its parent. */
  for (guint i = 0; i < scenario->criteria->len; i++)
    {
      FrCriterion *c = g_ptr_array_index (scenario->criteria, i);
      guint parent_index;
      if (c->parent_id == NULL)
        continue;
      g_assert_true (g_ptr_array_find (scenario->criteria, fr_model_find_criterion (scenario, c->parent_id), &parent_index));
      g_assert_cmpuint (parent_index, <, i);
    }
  g_assert_false (fr_edit_move (scenario, FR_EDIT_CRITERION, first_group->id, 100));
  assert_round_trips (scenario);
}

static void
test_elements_and_stakeholders (void)
{
  g_autoptr(FrModel) scenario = load_scenario ();
  guint n_stakeholders = scenario->stakeholders->len;
  const char *added, *copy;

  /* Deleting an element takes it out of options and other elements' rules. */
  g_assert_true (fr_edit_delete (scenario, FR_EDIT_ELEMENT, "nato-membership"));
  g_assert_null (fr_model_find_element (scenario, "nato-membership"));
  for (guint i = 0; i < scenario->options->len; i++)
    {
      FrOption *option = g_ptr_array_index (scenario->options, i);
      for (guint e = 0; e < option->element_ids->len; e++)
        g_assert_cmpstr (g_ptr_array_index (option->element_ids, e), !=, "nato-membership");
    }
  for (guint i = 0; i < scenario->elements->len; i++)
    {
      FrElement *element = g_ptr_array_index (scenario->elements, i);
      for (guint e = 0; e < element->excludes->len; e++)
        g_assert_cmpstr (g_ptr_array_index (element->excludes, e), !=, "nato-membership");
      for (guint e = 0; e < element->requires->len; e++)
        g_assert_cmpstr (g_ptr_array_index (element->requires, e), !=, "nato-membership");
    }
  assert_round_trips (scenario);

  added = fr_edit_add (scenario, FR_EDIT_ELEMENT, "Joint arms production");
  g_assert_nonnull (fr_model_find_element (scenario, added));
  copy = fr_edit_duplicate (scenario, FR_EDIT_ELEMENT, "non-bloc");
  g_assert_cmpuint (fr_model_find_element (scenario, copy)->effects->len, ==,
                    fr_model_find_element (scenario, "non-bloc")->effects->len);
  g_assert_true (fr_edit_move (scenario, FR_EDIT_ELEMENT, added, -1));
  assert_round_trips (scenario);

  added = fr_edit_add (scenario, FR_EDIT_STAKEHOLDER, "China");
  g_assert_cmpuint (scenario->stakeholders->len, ==, n_stakeholders + 1);
  g_assert_cmpfloat_with_epsilon (fr_weights_total (scenario, fr_model_find_stakeholder (scenario, added)), 1.0, 1e-12);
  copy = fr_edit_duplicate (scenario, FR_EDIT_STAKEHOLDER, "russia");
  g_assert_cmpfloat (fr_model_find_stakeholder (scenario, copy)->reservation, ==,
                     fr_model_find_stakeholder (scenario, "russia")->reservation);
  assert_round_trips (scenario);

  /* Views lose a deleted stakeholder rather than naming a missing one. */
  g_assert_true (fr_edit_delete (scenario, FR_EDIT_STAKEHOLDER, "ukraine"));
  for (guint i = 0; i < scenario->views->len; i++)
    g_assert_cmpstr (((FrView *) g_ptr_array_index (scenario->views, i))->stakeholder_id, !=, "ukraine");
  assert_round_trips (scenario);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/edit/criteria", test_criteria);
  g_test_add_func ("/core/edit/move-tree-order", test_move_keeps_tree_order);
  g_test_add_func ("/core/edit/elements-stakeholders", test_elements_and_stakeholders);
  return g_test_run ();
}
