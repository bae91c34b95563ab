/* test-smaa-cli.c — `frontier-cli smaa`, `sensitivity`, `agreement` and
 * `bundles` on a small document whose answers are derived by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary ($FRONTIER_CLI). The document has two criteria,
 * security (benefit, 0..10) and cost (cost, 0..10), so values are x/10 and
 * 1 − x/10:
 *   nato (9, 8) → (0.9, 0.2); neutral (6, 3) → (0.6, 0.7);
 *   war (1, 10) → (0.1, 0.0).
 * Ukraine weighs 3:1 (security 2..4, cost 0..2), reservation 0.6;
 * Russia 1:3, reservation 0.5.
 */
#include <glib.h>
#include <glib/gstdio.h>

#include "test-cli-common.h"
#include <string.h>

static const char document_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<frontier xmlns=\"https://frontierdesk.github.io/ns/frontier/1\" version=\"1\">\n"
  "  <criteria>\n"
  "    <criterion id=\"security\" name=\"Security\" direction=\"benefit\" min=\"0\" max=\"10\"/>\n"
  "    <criterion id=\"cost\" name=\"Cost\" direction=\"cost\" min=\"0\" max=\"10\"/>\n"
  "  </criteria>\n"
  "  <elements>\n"
  "    <baseline>\n"
  "      <value criterion=\"security\" value=\"2\"/>\n"
  "      <value criterion=\"cost\" value=\"5\"/>\n"
  "    </baseline>\n"
  "    <element id=\"reserve\" name=\"Large trained reserve\">\n"
  "      <effect criterion=\"security\" delta=\"3\"/>\n"
  "    </element>\n"
  "    <element id=\"nato-el\" name=\"NATO membership\">\n"
  "      <effect criterion=\"security\" delta=\"5\"/>\n"
  "      <effect criterion=\"cost\" delta=\"4\"/>\n"
  "      <excludes element=\"non-bloc\"/>\n"
  "    </element>\n"
  "    <element id=\"non-bloc\" name=\"Non-bloc status\">\n"
  "      <effect criterion=\"cost\" delta=\"-2\"/>\n"
  "    </element>\n"
  "    <element id=\"article5\" name=\"Article 5\">\n"
  "      <effect criterion=\"security\" delta=\"2\"/>\n"
  "      <requires element=\"nato-el\"/>\n"
  "    </element>\n"
  "  </elements>\n"
  "  <options>\n"
  "    <option id=\"nato\" name=\"NATO\">\n"
  "      <score criterion=\"security\" value=\"9\"/>\n"
  "      <score criterion=\"cost\" value=\"8\"/>\n"
  "    </option>\n"
  "    <option id=\"neutral\" name=\"Armed neutrality\">\n"
  "      <score criterion=\"security\" value=\"6\"/>\n"
  "      <score criterion=\"cost\" value=\"3\"/>\n"
  "    </option>\n"
  "    <option id=\"war\" name=\"Continued war\">\n"
  "      <score criterion=\"security\" value=\"1\"/>\n"
  "      <score criterion=\"cost\" value=\"10\"/>\n"
  "    </option>\n"
  "  </options>\n"
  "  <stakeholders>\n"
  "    <stakeholder id=\"ua\" name=\"Ukraine\" reservation=\"0.6\">\n"
  "      <weight criterion=\"security\" value=\"3\" low=\"2\" high=\"4\"/>\n"
  "      <weight criterion=\"cost\" value=\"1\" low=\"0\" high=\"2\"/>\n"
  "    </stakeholder>\n"
  "    <stakeholder id=\"ru\" name=\"Russia\" reservation=\"0.5\">\n"
  "      <weight criterion=\"security\" value=\"1\"/>\n"
  "      <weight criterion=\"cost\" value=\"3\"/>\n"
  "    </stakeholder>\n"
  "  </stakeholders>\n"
  "</frontier>\n";

static char *document;
static char *csv;

/* Arguments "@doc" and "@csv" stand for the test files. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_str_equal (arg, "@doc") ? document : g_str_equal (arg, "@csv") ? csv : (char *) arg);
  va_end (ap);
  run_cli_args (run, args);
}

static void
assert_success (const Run  *run,
                const char *expected_out)
{
  if (run->status != 0)
    g_error ("exit status %d, stderr: %s", run->status, run->err);
  if (expected_out != NULL)
    g_assert_cmpstr (run->out, ==, expected_out);
}

static void
assert_failure (const Run  *run,
                int         status,
                const char *in_message)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, in_message));
}

/* Parses the smaa TSV into rows of numbers (the option column dropped). */
static double
tsv_number (const char *text,
            guint       row,
            guint       column)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) fields = NULL;

  g_assert_cmpuint (g_strv_length (lines), >, row);
  fields = g_strsplit (lines[row], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), >, column);
  return g_ascii_strtod (fields[column], NULL);
}

/* Uniform weights w = (t, 1 − t): nato 0.7t + 0.2 beats neutral 0.7 − 0.1t
 * when t > 0.625, so b¹ = 0.375 for nato and 0.625 for neutral; war never
 * leads. Nato's central weight on security is E[t | t > 0.625] = 0.8125. */
static void
test_smaa_document (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) other = { 0 };

  run_cli (&run, "smaa", "@doc", "--samples", "100000", "--seed", "3", NULL);
  assert_success (&run, NULL);
  g_assert_true (g_str_has_prefix (run.out, "option\trank1\trank2\trank3\tconfidence\nnato\t"));
  g_assert_cmpfloat_with_epsilon (tsv_number (run.out, 1, 1), 0.375, 0.008);
  g_assert_cmpfloat_with_epsilon (tsv_number (run.out, 2, 1), 0.625, 0.008);
  g_assert_cmpfloat (tsv_number (run.out, 3, 1), ==, 0.0);
  g_assert_cmpfloat (tsv_number (run.out, 3, 3), ==, 1.0);
  g_assert_cmpfloat (tsv_number (run.out, 1, 4), ==, 1.0);
  g_assert_cmpfloat (tsv_number (run.out, 3, 4), ==, 0.0);

  run_cli (&again, "smaa", "@doc", "--samples", "100000", "--seed", "3", NULL);
  assert_success (&again, run.out);
  run_cli (&other, "smaa", "@doc", "--samples", "100000", "--seed", "4", NULL);
  assert_success (&other, NULL);
  g_assert_cmpstr (other.out, !=, run.out);
}

static void
test_smaa_json (void)
{
  g_auto(Run) run = { 0 };
  const char *central;

  run_cli (&run, "smaa", "@doc", "--samples", "100000", "--json", NULL);
  assert_success (&run, NULL);
  g_assert_nonnull (strstr (run.out, "\"method\": \"smaa-2\""));
  g_assert_nonnull (strstr (run.out, "\"samples\": 100000"));
  central = strstr (run.out, "\"central_weights\": {");
  g_assert_nonnull (central);
  central = strstr (central, "\"security\": ");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (central + strlen ("\"security\": "), NULL), 0.8125, 0.005);
  /* War never leads: it has no central weights. */
  g_assert_nonnull (strstr (run.out, "\"central_weights\": null"));
}

/* Ukraine's intervals as shares of its total 4: security 0.5..1, cost
 * 0..0.5, so t ~ U(0.5, 1) and nato leads when t > 0.625: 0.75. */
static void
test_smaa_stakeholder (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };

  run_cli (&run, "smaa", "@doc", "--stakeholder", "ua", "--samples", "100000", NULL);
  assert_success (&run, NULL);
  g_assert_cmpfloat_with_epsilon (tsv_number (run.out, 1, 1), 0.75, 0.008);

  run_cli (&missing, "smaa", "@doc", "--stakeholder", "nobody", NULL);
  assert_failure (&missing, 1, "no stakeholder “nobody” (the document has: ua, ru)");
}

/* The same scores from CSV, where no scale is declared: values run over
 * the data's range, security (x − 1)/8 and cost 1 − (x − 3)/7, so nato is
 * (1, 2/7), neutral (5/8, 1), war (0, 0). Nato beats neutral when
 * t + (2/7)(1 − t) > (5/8)t + (1 − t), i.e. t > 40/61. With security's
 * weight in 0.5..1 that happens with probability 2(1 − 40/61) = 42/61. */
static void
test_smaa_csv (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) no_directions = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) zero = { 0 };

  run_cli (&run, "smaa", "--csv", "@csv", "--directions", "max,min", "--weights", "0.5:1,0:0.5",
           "--samples", "100000", NULL);
  assert_success (&run, NULL);
  g_assert_cmpfloat_with_epsilon (tsv_number (run.out, 1, 1), 42.0 / 61.0, 0.008);

  run_cli (&no_directions, "smaa", "--csv", "@csv", NULL);
  assert_failure (&no_directions, 2, "--csv needs --directions");
  run_cli (&bad, "smaa", "--csv", "@csv", "--directions", "max,min", "--weights", "0.9:1,0.5:0.6", NULL);
  assert_failure (&bad, 1, "cannot add up to 100%");
  run_cli (&zero, "smaa", "@doc", "--samples", "0", NULL);
  assert_failure (&zero, 2, "--samples");
}

/* Ukraine's weights (0.75, 0.25), nato leads (0.725 against 0.625).
 * Security at t: nato 0.7t + 0.2, neutral 0.7 − 0.1t: equal at 0.625.
 * Cost at t: nato 0.9 − 0.7t, neutral 0.6 + 0.1t: equal at 0.375.
 * From CSV (values of test_smaa_csv) the crossings are 40/61 on security
 * and, on cost, 1 − (5/7)t = 5/8 + (3/8)t, t = 21/61. */
static void
test_sensitivity (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) csv_run = { 0 };
  g_auto(Run) json = { 0 };
  const char *expected =
    "criterion\tweight\tlow\thigh\n"
    "security\t0.750000\t0.625000\t1.000000\n"
    "cost\t0.250000\t0.000000\t0.375000\n";

  run_cli (&run, "sensitivity", "@doc", "--stakeholder", "ua", NULL);
  assert_success (&run, expected);
  run_cli (&csv_run, "sensitivity", "--csv", "@csv", "--weights", "3,1", "--directions", "max,min", NULL);
  assert_success (&csv_run,
                  "criterion\tweight\tlow\thigh\n"
                  "security\t0.750000\t0.655738\t1.000000\n"
                  "cost\t0.250000\t0.000000\t0.344262\n");
  run_cli (&json, "sensitivity", "@doc", "--stakeholder", "ua", "--json", NULL);
  assert_success (&json, NULL);
  g_assert_nonnull (strstr (json.out, "\"leader\": \"nato\""));
  g_assert_nonnull (strstr (json.out, "\"low_rival\": \"neutral\""));
}

/* Utilities: Ukraine nato 0.725, neutral 0.625, war 0.075; Russia 0.375,
 * 0.675, 0.025. Only neutral clears both reservations (0.6, 0.5): it is
 * the ZOPA and the Nash choice; war is dominated. */
static void
test_agreement (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };

  run_cli (&run, "agreement", "@doc", NULL);
  assert_success (&run,
                  "option\tua\tru\tzopa\tpareto\tnash\n"
                  "nato\t0.725000\t0.375000\tno\tyes\tno\n"
                  "neutral\t0.625000\t0.675000\tyes\tyes\tyes\n"
                  "war\t0.075000\t0.025000\tno\tno\tno\n");
  run_cli (&json, "agreement", "@doc", "--json", NULL);
  assert_success (&json, NULL);
  g_assert_nonnull (strstr (json.out, "\"nash\": \"neutral\""));
}

/* Feasible bundles for Ukraine with Russia's value at least 0.5 (baseline
 * security 2, cost 5): {reserve, non-bloc} (5, 3) → 0.55 / 0.65;
 * {reserve} (5, 5) → 0.5 / 0.5 (exactly at the reservation);
 * {non-bloc} (2, 3) → 0.325 / 0.575. Every bundle with NATO costs Russia
 * too much. Without the reservation, {reserve, nato-el} and {reserve,
 * nato-el, article5} both reach security 10 (clamped) at 0.775; the
 * smaller set comes first. */
static void
test_bundles (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) free_run = { 0 };
  g_auto(Run) json = { 0 };

  run_cli (&run, "bundles", "@doc", "--for", "ua", "--top", "3", NULL);
  assert_success (&run,
                  "rank\tua\tru\telements\n"
                  "1\t0.550000\t0.650000\treserve,non-bloc\n"
                  "2\t0.500000\t0.500000\treserve\n"
                  "3\t0.325000\t0.575000\tnon-bloc\n");
  run_cli (&free_run, "bundles", "@doc", "--for", "ua", "--top", "2", "--ignore-reservations", NULL);
  assert_success (&free_run,
                  "rank\tua\tru\telements\n"
                  "1\t0.775000\t0.325000\treserve,nato-el\n"
                  "2\t0.775000\t0.325000\treserve,nato-el,article5\n");
  run_cli (&json, "bundles", "@doc", "--for", "ru", "--json", NULL);
  assert_success (&json, NULL);
  g_assert_nonnull (strstr (json.out, "\"pareto\": ["));
  g_assert_nonnull (strstr (json.out, "\"description\": \"Large trained reserve, Non-bloc status\""));
}

static void
test_bundle_check (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) requires = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_target = { 0 };

  run_cli (&run, "bundles", "@doc", "--check", "nato-el,non-bloc,reserve", NULL);
  assert_success (&run, NULL);
  g_assert_true (g_str_has_prefix (run.out,
                                   "feasible\tno\n"
                                   "conflict\t“NATO membership” excludes “Non-bloc status”\n"
                                   "score\tsecurity\t10.000000\n"
                                   "score\tcost\t7.000000\n"));
  run_cli (&requires, "bundles", "@doc", "--check", "article5", NULL);
  assert_success (&requires, NULL);
  g_assert_nonnull (strstr (requires.out, "conflict\t“Article 5” requires “NATO membership”\n"));
  run_cli (&unknown, "bundles", "@doc", "--check", "unicorn", NULL);
  assert_failure (&unknown, 2, "no element “unicorn”");
  run_cli (&no_target, "bundles", "@doc", NULL);
  assert_failure (&no_target, 2, "--for");
}

static void
test_missing_file (void)
{
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run_cli (&a, "agreement", "/nonexistent/x.frontier", NULL);
  g_assert_cmpint (a.status, ==, 1);
  g_assert_cmpstr (a.out, ==, "");
  run_cli (&b, "bundles", "/nonexistent/x.frontier", "--for", "ua", NULL);
  g_assert_cmpint (b.status, ==, 1);
  g_assert_cmpstr (b.out, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("frontier-smaa-cli-XXXXXX", NULL);
  g_assert_nonnull (dir);
  document = g_build_filename (dir, "small.frontier", NULL);
  csv = g_build_filename (dir, "small.csv", NULL);
  g_assert_true (g_file_set_contents (document, document_text, -1, NULL));
  g_assert_true (g_file_set_contents (csv, "option,security,cost\nnato,9,8\nneutral,6,3\nwar,1,10\n", -1, NULL));

  g_test_add_func ("/cli/smaa/document", test_smaa_document);
  g_test_add_func ("/cli/smaa/json", test_smaa_json);
  g_test_add_func ("/cli/smaa/stakeholder", test_smaa_stakeholder);
  g_test_add_func ("/cli/smaa/csv", test_smaa_csv);
  g_test_add_func ("/cli/sensitivity/intervals", test_sensitivity);
  g_test_add_func ("/cli/agreement/small", test_agreement);
  g_test_add_func ("/cli/bundles/best", test_bundles);
  g_test_add_func ("/cli/bundles/check", test_bundle_check);
  g_test_add_func ("/cli/errors/missing-file", test_missing_file);

  status = g_test_run ();
  g_unlink (document);
  g_unlink (csv);
  g_rmdir (dir);
  g_free (document);
  g_free (csv);
  return status;
}
