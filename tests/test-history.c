/* test-history.c — undo and redo of document edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fr-error.h"
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

/* Every weight of @stakeholder_id, as text, to compare whole states. */
static char *
weights_text (FrDocument *document,
              const char *stakeholder_id)
{
  FrModel *model = fr_document_get_model (document);
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, stakeholder_id);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < model->criteria->len; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);
      FrWeight *weight = g_hash_table_lookup (stakeholder->weights, criterion->id);

      if (weight != NULL)
        g_string_append_printf (text, "%s=%.17g[%d %.17g %.17g] ", criterion->id, weight->value,
                                weight->has_interval, weight->low, weight->high);
    }
  return g_string_free (text, FALSE);
}

static void
assert_weights (FrDocument *document,
                const char *stakeholder_id,
                const char *expected)
{
  g_autofree char *text = weights_text (document, stakeholder_id);

  g_assert_cmpstr (text, ==, expected);
}

static void
on_changed (FrDocument *document,
            guint       what,
            guint      *seen)
{
  *seen |= what;
}

static void
test_weight_steps (void)
{
  g_autoptr(FrDocument) document = load_scenario ();
  g_autoptr(FrHistory) history = fr_history_new (document);
  g_autoptr(GError) error = NULL;
  FrModel *model = fr_document_get_model (document);
  g_autofree char *stakeholder = g_strdup (first_stakeholder (document));
  g_autofree char *criterion = g_strdup (first_leaf (document));
  g_autofree char *original = weights_text (document, stakeholder);
  g_autofree char *edited = NULL;
  g_autofree char *title = g_strdup (model->title);
  guint seen = 0;

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &seen);

  /* A weight step, then a whole-document step on top of it. */
  fr_history_checkpoint_weights (history, "Change Weight", stakeholder, "weight:x");
  set_weight (document, stakeholder, criterion, 0.7);
  edited = weights_text (document, stakeholder);
  g_assert_cmpstr (edited, !=, original);
  fr_history_checkpoint (history, "Rename", NULL);
  g_free (model->title);
  model->title = g_strdup ("Renamed");
  fr_document_changed (document, FR_CHANGE_META);

  /* Undo takes back the rename with the whole document… */
  g_assert_true (fr_history_undo (history, &error));
  g_assert_no_error (error);
  model = fr_document_get_model (document);
  g_assert_cmpstr (model->title, ==, title);
  assert_weights (document, stakeholder, edited);

  /* …and the weights alone, every one of them, saying only that. */
  seen = 0;
  g_assert_true (fr_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_true (model == fr_document_get_model (document));
  g_assert_cmpuint (seen, ==, FR_CHANGE_WEIGHTS);
  assert_weights (document, stakeholder, original);
  g_assert_false (fr_document_get_modified (document));
  g_assert_cmpstr (fr_history_get_redo_label (history), ==, "Change Weight");

  g_assert_true (fr_history_redo (history, &error));
  g_assert_no_error (error);
  assert_weights (document, stakeholder, edited);
  g_assert_true (fr_document_get_modified (document));
  g_assert_true (fr_history_redo (history, &error));
  g_assert_cmpstr (fr_document_get_model (document)->title, ==, "Renamed");

  /* A stakeholder the document does not have: the whole document is kept. */
  fr_history_checkpoint_weights (history, "Change Weight", "nobody", NULL);
  g_assert_cmpstr (fr_history_get_undo_label (history), ==, "Change Weight");
  g_assert_true (fr_history_undo (history, &error));
  g_assert_no_error (error);

  /* A stakeholder removed behind the history's back: a clear error, and
   * the step stays where it was. */
  fr_history_checkpoint_weights (history, "Change Weight", stakeholder, NULL);
  set_weight (document, stakeholder, criterion, 0.2);
  model = fr_document_get_model (document);
  for (guint i = 0; i < model->stakeholders->len; i++)
    if (g_str_equal (((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->id, stakeholder))
      g_ptr_array_remove_index (model->stakeholders, i);
  g_assert_false (fr_history_undo (history, &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, stakeholder));
  g_assert_true (fr_history_can_undo (history));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/history/undo-redo", test_undo_redo);
  g_test_add_func ("/core/history/drag-merges", test_drag_merges);
  g_test_add_func ("/core/history/saved-state", test_saved_state);
  g_test_add_func ("/core/history/weight-steps", test_weight_steps);
  return g_test_run ();
}
