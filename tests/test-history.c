/* test-history.c — undo and redo of document edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fr-history.h"
#include "fr-model.h"
#include "fr-paths.h"
#include "fr-weights.h"
#include "fr-xml.h"

static FrDocument *
load_scenario (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fr_scenario_path ();
  FrModel *model = fr_xml_load_file (path, &error);

  g_assert_no_error (error);
  return fr_document_new_for_model (model);
}

static double
weight_of (FrDocument *document,
           const char *stakeholder_id,
           const char *criterion_id)
{
  FrModel *model = fr_document_get_model (document);
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, stakeholder_id);
  FrWeight *weight = g_hash_table_lookup (stakeholder->weights, criterion_id);

  return weight ? weight->value : -1;
}

static void
set_weight (FrDocument *document,
            const char *stakeholder_id,
            const char *criterion_id,
            double      value)
{
  FrModel *model = fr_document_get_model (document);
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, stakeholder_id);

  g_assert_true (fr_weights_set (model, stakeholder, criterion_id, value, NULL));
  fr_document_changed (document, FR_CHANGE_WEIGHTS);
}

static const char *
first_stakeholder (FrDocument *document)
{
  return ((FrStakeholder *) g_ptr_array_index (fr_document_get_model (document)->stakeholders, 0))->id;
}

static const char *
first_leaf (FrDocument *document)
{
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (fr_document_get_model (document));
  return ((FrCriterion *) g_ptr_array_index (leaves, 0))->id;
}

static void
test_undo_redo (void)
{
  g_autoptr(FrDocument) document = load_scenario ();
  g_autoptr(FrHistory) history = fr_history_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *stakeholder = g_strdup (first_stakeholder (document));
  g_autofree char *criterion = g_strdup (first_leaf (document));
  double before = weight_of (document, stakeholder, criterion);

  g_assert_false (fr_history_can_undo (history));
  fr_history_checkpoint (history, "Change Weight", NULL);
  set_weight (document, stakeholder, criterion, 0.9);
  g_assert_true (fr_history_can_undo (history));
  g_assert_cmpstr (fr_history_get_undo_label (history), ==, "Change Weight");
  g_assert_true (fr_document_get_modified (document));

  g_assert_true (fr_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (weight_of (document, stakeholder, criterion), ==, before);
  g_assert_false (fr_document_get_modified (document));
  g_assert_true (fr_history_can_redo (history));

  g_assert_true (fr_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (weight_of (document, stakeholder, criterion), ==, 0.9);
  g_assert_true (fr_document_get_modified (document));
  g_assert_false (fr_history_redo (history, &error));

  /* A checkpoint taken back leaves no step behind. */
  fr_history_checkpoint (history, "Nothing", NULL);
  fr_history_discard_checkpoint (history);
  g_assert_cmpstr (fr_history_get_undo_label (history), ==, "Change Weight");

  /* A new edit after an undo drops what could have been redone. */
  g_assert_true (fr_history_undo (history, &error));
  fr_history_checkpoint (history, "Change Weight", NULL);
  set_weight (document, stakeholder, criterion, 0.1);
  g_assert_false (fr_history_can_redo (history));
}

static void
test_drag_merges (void)
{
  g_autoptr(FrDocument) document = load_scenario ();
  g_autoptr(FrHistory) history = fr_history_new (document);
  g_autofree char *stakeholder = g_strdup (first_stakeholder (document));
  g_autofree char *criterion = g_strdup (first_leaf (document));
  double before = weight_of (document, stakeholder, criterion);

  /* Twenty slider ticks under one merge key undo as one step. */
  for (int i = 1; i <= 20; i++)
    {
      fr_history_checkpoint (history, "Change Weight", "weight:drag");
      set_weight (document, stakeholder, criterion, i / 40.0);
    }
  g_assert_true (fr_history_undo (history, NULL));
  g_assert_cmpfloat (weight_of (document, stakeholder, criterion), ==, before);
  g_assert_false (fr_history_can_undo (history));
}

static void
test_saved_state (void)
{
  g_autoptr(FrDocument) document = load_scenario ();
  g_autoptr(FrHistory) history = fr_history_new (document);
  g_autofree char *stakeholder = g_strdup (first_stakeholder (document));
  g_autofree char *criterion = g_strdup (first_leaf (document));

  fr_history_checkpoint (history, "Change Weight", NULL);
  set_weight (document, stakeholder, criterion, 0.3);
  /* Saved here. */
  fr_document_set_modified (document, FALSE);
  fr_history_mark_saved (history);
  fr_history_checkpoint (history, "Change Weight", NULL);
  set_weight (document, stakeholder, criterion, 0.4);
  g_assert_true (fr_document_get_modified (document));

  g_assert_true (fr_history_undo (history, NULL));
  g_assert_false (fr_document_get_modified (document));
  g_assert_true (fr_history_undo (history, NULL));
  g_assert_true (fr_document_get_modified (document));
  g_assert_true (fr_history_redo (history, NULL));
  g_assert_false (fr_document_get_modified (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/history/undo-redo", test_undo_redo);
  g_test_add_func ("/core/history/drag-merges", test_drag_merges);
  g_test_add_func ("/core/history/saved-state", test_saved_state);
  return g_test_run ();
}
