/* test-model.c — model bookkeeping and calendar days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fr-date.h"
#include "fr-format.h"
#include "fr-document.h"
#include "fr-model.h"

static void
test_day_parse (void)
{
  gint32 finland, eve;
  int y, m, d;

  g_assert_true (fr_day_parse ("2023-04-04", &finland));
  g_assert_true (fr_day_parse ("2023-04-03", &eve));
  g_assert_cmpint (finland - eve, ==, 1);
  fr_day_to_ymd (finland, &y, &m, &d);
  g_assert_cmpint (y, ==, 2023);
  g_assert_cmpint (m, ==, 4);
  g_assert_cmpint (d, ==, 4);
  g_autofree char *text = fr_day_format_iso (finland);
  g_assert_cmpstr (text, ==, "2023-04-04");

  g_assert_false (fr_day_parse ("2023-02-29", NULL));
  g_assert_true (fr_day_parse ("2024-02-29", NULL));
  g_assert_false (fr_day_parse ("2023-4-4", NULL));
  g_assert_false (fr_day_parse ("2023-04-04x", NULL));
  g_assert_false (fr_day_parse ("", NULL));
  g_assert_false (fr_day_parse (NULL, NULL));
  g_assert_false (fr_day_parse ("0000-01-01", NULL));

  g_assert_cmpfloat_with_epsilon (fr_day_to_year (fr_day_from_ymd (2000, 1, 1)), 2000.0, 1e-9);
  g_assert_cmpint (fr_day_from_year (fr_day_to_year (finland)), ==, finland);
}

static void
test_group_weights (void)
{
  g_autoptr(FrModel) model = fr_model_new ();
  FrCriterion *group = fr_criterion_new ("security", "Security");
  FrCriterion *a = fr_criterion_new ("deterrence", "Deterrence");
  FrCriterion *b = fr_criterion_new ("escalation", "Escalation risk");
  FrCriterion *c = fr_criterion_new ("cost", "Cost");
  FrStakeholder *ukraine = fr_stakeholder_new ("ua", "Ukraine");

  group->is_group = TRUE;
  a->parent_id = g_strdup ("security");
  b->parent_id = g_strdup ("security");
  g_ptr_array_add (model->criteria, group);
  g_ptr_array_add (model->criteria, a);
  g_ptr_array_add (model->criteria, b);
  g_ptr_array_add (model->criteria, c);
  g_hash_table_insert (ukraine->weights, g_strdup ("deterrence"), fr_weight_new (0.5));
  g_hash_table_insert (ukraine->weights, g_strdup ("escalation"), fr_weight_new (0.2));
  g_hash_table_insert (ukraine->weights, g_strdup ("cost"), fr_weight_new (0.3));
  g_ptr_array_add (model->stakeholders, ukraine);

  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  g_assert_cmpuint (leaves->len, ==, 3);
  g_assert_true (g_ptr_array_index (leaves, 0) == a);
  g_assert_true (fr_model_find_criterion (model, "cost") == c);
  g_assert_null (fr_model_find_criterion (model, "missing"));
  g_assert_true (fr_model_find_stakeholder (model, "ua") == ukraine);
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, ukraine, "security"), 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, ukraine, "cost"), 0.3, 1e-12);

  /* A parent cycle in a broken model must not hang the weight sum. */
  g_free (group->parent_id);
  group->parent_id = g_strdup ("deterrence");
  g_assert_cmpfloat (fr_model_criterion_weight (model, ukraine, "security"), >=, 0.0);
}

static void
test_strings_round_trip (void)
{
  for (int i = 0; i < FR_N_ALIGNMENTS; i++)
    {
      FrAlignment back;
      g_assert_true (fr_alignment_from_string (fr_alignment_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }
  for (int i = 0; i < FR_N_EU_STATUSES; i++)
    {
      FrEuStatus back;
      g_assert_true (fr_eu_status_from_string (fr_eu_status_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
    }
  FrAlignment unused;
  g_assert_false (fr_alignment_from_string ("NATO", &unused));
}

static void
on_changed (FrDocument *document,
            guint       what,
            guint      *seen)
{
  *seen |= what;
}

static void
test_document_signal (void)
{
  g_autoptr(FrDocument) document = fr_document_new ();
  guint seen = 0;

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &seen);
  g_assert_false (fr_document_get_modified (document));
  fr_document_changed (document, FR_CHANGE_WEIGHTS);
  g_assert_true (fr_document_get_modified (document));
  g_assert_cmpuint (seen, ==, FR_CHANGE_WEIGHTS);

  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/options.frontier");
  fr_document_set_file (document, file);
  g_autofree char *title = fr_document_dup_title (document);
  g_assert_cmpstr (title, ==, "options.frontier");
}

static void
test_format (void)
{
  g_autofree char *km = fr_format_km (2559.5);
  g_autofree char *small = fr_format_km (196);
  g_autofree char *million = fr_format_km (1234567);
  g_autofree char *weight = fr_format_weight (0.253);
  g_autofree char *score = fr_format_score (0.58349, 2);
  g_autofree char *home = g_build_filename (g_get_home_dir (), "Documents", NULL);
  g_autofree char *short_home = fr_format_home_path (home);

  /* The tests run in C.UTF-8, which has no grouping of its own. */
  g_assert_cmpstr (km, ==, "2,560 km");
  g_assert_cmpstr (small, ==, "196 km");
  g_assert_cmpstr (million, ==, "1,234,567 km");
  g_assert_cmpstr (weight, ==, "25.3 %");
  g_assert_cmpstr (score, ==, "0.58");
  g_assert_cmpstr (short_home, ==, "~/Documents");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/date/parse", test_day_parse);
  g_test_add_func ("/core/model/group-weights", test_group_weights);
  g_test_add_func ("/core/model/strings", test_strings_round_trip);
  g_test_add_func ("/core/document/changed", test_document_signal);
  g_test_add_func ("/core/format/numbers", test_format);
  return g_test_run ();
}
