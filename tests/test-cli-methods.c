/* test-cli-methods.c — `frontier-cli rank` and `frontier-cli ahp`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary ($FRONTIER_CLI) on the fixtures in
 * tests/fixtures/methods/ and checks stdout, stderr and the exit status.
 */
#include <string.h>

#include <glib.h>

#include "test-cli-common.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "methods", name, NULL);
}

/* Runs frontier-cli with the NULL-terminated arguments after the
 * subcommand; fixture names starting with "@" are expanded to paths. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, arg[0] == '@' ? fixture (arg + 1) : g_strdup (arg));
  va_end (ap);
  run_cli_args (run, args);
}

static void
assert_success (const Run  *run,
                const char *expected_out)
{
  if (run->status != 0)
    g_error ("exit status %d, stderr: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
  if (expected_out != NULL)
    g_assert_cmpstr (run->out, ==, expected_out);
}

/* Errors go to stderr with a non-zero status, and nothing to stdout. */
static void
assert_failure (const Run  *run,
                int         status,
                const char *in_message)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "frontier-cli: "));
  if (strstr (run->err, in_message) == NULL)
    g_error ("expected “%s” in stderr: %s", in_message, run->err);
}

/* Hwang & Yoon (1981), the fighter aircraft: closeness 0.643, 0.268,
 * 0.613 (0.6135), 0.312 (see test-methods.c), so A1 > A3 > A4 > A2. The
 * weights are given unnormalised on purpose. */
static void
test_rank_topsis (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "--method", "topsis", "--csv", "@topsis-aircraft.csv",
           "--weights", "2,1,1,1,2,3", "--directions", "max,max,max,min,max,max", NULL);
  assert_success (&run,
                  "rank\toption\tscore\n"
                  "1\tA1\t0.643277\n"
                  "2\tA3\t0.613542\n"
                  "3\tA4\t0.312291\n"
                  "4\tA2\t0.268384\n");
}

static void
test_rank_topsis_minmax_json (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "-m", "topsis", "--normalization", "minmax", "--json",
           "--csv", "@topsis-aircraft.csv", "--weights", "0.2,0.1,0.1,0.1,0.2,0.3",
           "--directions", "max,max,max,min,max,max", NULL);
  assert_success (&run, NULL);
  g_assert_true (g_str_has_prefix (run.out, "{\n  \"method\": \"topsis\",\n  \"normalization\": \"minmax\",\n"));
  /* A2's distance to the ideal is √0.15 (test-methods.c). */
  g_assert_nonnull (strstr (run.out, "\"distance_best\": 0.3872983346207417"));
  g_assert_nonnull (strstr (run.out, "\"weight\": 0.3\n"));
  g_assert_true (g_str_has_suffix (run.out, "  ]\n}\n"));
}

/* The data of Triantaphyllou's WSM example without a declared scale: each
 * criterion is valued min→max over the data (C1 10..30, C2 10..30, C3
 * 15..30, C4 10..30), so A1 = .2·.75 + .15·.5 + .25·1 = 0.475, A2 = .15·1 +
 * .4·(1/3) + .25·1 = 0.533333, A3 = .2·1 + .4·1 = 0.6. */
static void
test_rank_wsm (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "--csv", "@wsm-triantaphyllou.csv", "--weights", "0.20,0.15,0.40,0.25",
           "--directions", "max,max,max,max", NULL);
  assert_success (&run,
                  "rank\toption\tscore\n"
                  "1\tA3\t0.600000\n"
                  "2\tA2\t0.533333\n"
                  "3\tA1\t0.475000\n");

  run_cli (&run, "rank", "--json", "--csv", "@wsm-triantaphyllou.csv", "--weights", "1,1,1,1",
           "--directions", "max,min,max,max", NULL);
  assert_success (&run, NULL);
  g_assert_nonnull (strstr (run.out, "\"contributions\": {\n        \"C1\": "));
}

/* Brans, Vincke & Mareschal (1986), the six sites with the six types of
 * generalised criterion; net flows from promethee_brans1986.py. The CSV
 * uses semicolons and decimal commas. */
static void
test_rank_promethee (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "--method", "promethee", "--csv", "@promethee-sites.csv",
           "--weights", "1,1,1,1,1,1", "--directions", "min,max,min,min,min,max",
           "--preference", "ushape:10,vshape:30,linear:50:500,level:1:6,usual,gaussian:5", NULL);
  assert_success (&run,
                  "rank\toption\tscore\n"
                  "1\ta5\t0.292900\n"
                  "2\ta2\t0.017162\n"
                  "3\ta4\t-0.020003\n"
                  "4\ta6\t-0.054872\n"
                  "5\ta3\t-0.089524\n"
                  "6\ta1\t-0.145664\n");

  run_cli (&run, "rank", "--method", "promethee", "--json", "--csv", "@promethee-sites.csv",
           "--weights", "1,1,1,1,1,1", "--directions", "min,max,min,min,min,max",
           "--preference", "ushape:10,vshape:30,linear:50:500,level:1:6,usual,gaussian:5", NULL);
  assert_success (&run, NULL);
  /* PROMETHEE I: a2 and a4 are incomparable; a5 outranks a2. */
  g_assert_nonnull (strstr (run.out, "\"a\": \"a2\",\n      \"b\": \"a4\",\n      \"relation\": \"incomparable\""));
  g_assert_nonnull (strstr (run.out, "\"a\": \"a5\",\n      \"b\": \"a2\",\n      \"relation\": \"outranks\""));
  g_assert_nonnull (strstr (run.out, "\"function\": \"level\",\n        \"q\": 1,\n        \"p\": 6\n"));
  g_assert_nonnull (strstr (run.out, "\"positive_flow\": "));

  /* One preference function for all criteria. */
  run_cli (&run, "rank", "-m", "promethee", "--csv", "@promethee-sites.csv", "-w", "1,1,1,1,1,1",
           "-d", "min,max,min,min,min,max", "-p", "usual", NULL);
  assert_success (&run, NULL);
  g_assert_true (g_str_has_prefix (run.out, "rank\toption\tscore\n1\t"));
}

/* tests/fixtures/methods/ranking.frontier: linear values on declared
 * scales. Ukraine (0.6, 0.1, 0.3): nato .9·.6+.2·.1+.25·.3 = 0.635,
 * guarantees .5·.6+.6·.1+.75·.3 = 0.585, neutral .6·.6+.7·.1+.5·.3 = 0.58.
 * Russia (0, 1, 1 → 0, .5, .5) and equal weights likewise by hand. */
static void
test_rank_document (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "@ranking.frontier", "--stakeholder", "ua", NULL);
  assert_success (&run,
                  "rank\toption\tscore\n"
                  "1\tnato\t0.635000\n"
                  "2\tguarantees\t0.585000\n"
                  "3\tneutral\t0.580000\n");
  run_cli (&run, "rank", "@ranking.frontier", "-s", "ru", NULL);
  assert_success (&run,
                  "rank\toption\tscore\n"
                  "1\tguarantees\t0.675000\n"
                  "2\tneutral\t0.600000\n"
                  "3\tnato\t0.225000\n");
  run_cli (&run, "rank", "@ranking.frontier", NULL);
  assert_success (&run,
                  "rank\toption\tscore\n"
                  "1\tguarantees\t0.616667\n"
                  "2\tneutral\t0.600000\n"
                  "3\tnato\t0.450000\n");
  run_cli (&run, "rank", "@ranking.frontier", "-s", "ua", "--json", NULL);
  assert_success (&run, NULL);
  g_assert_nonnull (strstr (run.out, "\"stakeholder\": \"ua\""));
  g_assert_nonnull (strstr (run.out, "\"name\": \"Bilateral guarantees\""));
  g_assert_nonnull (strstr (run.out, "\"deterrence\": 0.54"));

  run_cli (&run, "rank", "@ranking.frontier", "-s", "us", NULL);
  assert_failure (&run, 1, "no stakeholder “us” (the document has: ua, ru)");
}

static void
test_rank_json_escaping (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "--json", "--csv", "@matrix-bom-semicolon.csv", "--weights", "1,1",
           "--directions", "max,min", NULL);
  assert_success (&run, NULL);
  g_assert_nonnull (strstr (run.out, "\"name\": \"NATO\\nmembership\""));
  g_assert_nonnull (strstr (run.out, "\"id\": \"Cost \\\"bn\\\"\""));
  g_assert_nonnull (strstr (run.out, "\"name\": \"Deterrence; credible\""));

  /* The tab-separated form keeps one option per line. */
  run_cli (&run, "rank", "--csv", "@matrix-bom-semicolon.csv", "--weights", "1,1",
           "--directions", "max,min", NULL);
  assert_success (&run, NULL);
  g_assert_nonnull (strstr (run.out, "\tNATO membership\t"));
}

static void
test_rank_errors (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "rank", "--csv", "@wsm-triantaphyllou.csv", "--directions", "max,max,max,max", NULL);
  assert_failure (&run, 2, "--csv needs --weights and --directions");
  run_cli (&run, "rank", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1", "-d", "max,max,max,max", NULL);
  assert_failure (&run, 2, "--weights lists 2 values but the matrix has 4 criteria");
  run_cli (&run, "rank", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,nan,1,1", "-d", "max,max,max,max", NULL);
  assert_failure (&run, 2, "“nan” (value 2) is not a non-negative number");
  run_cli (&run, "rank", "--csv", "@wsm-triantaphyllou.csv", "-w", "0,0,0,0", "-d", "max,max,max,max", NULL);
  assert_failure (&run, 2, "must not all be zero");
  run_cli (&run, "rank", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1,1,1", "-d", "max,up,max,max", NULL);
  assert_failure (&run, 2, "“up” (value 2) is neither “max” nor “min”");
  run_cli (&run, "rank", "-m", "electre", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1,1,1", "-d", "max,max,max,max", NULL);
  assert_failure (&run, 2, "unknown method “electre”");
  run_cli (&run, "rank", "--normalization", "minmax", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1,1,1", "-d", "max,max,max,max", NULL);
  assert_failure (&run, 2, "--normalization applies to --method topsis only");
  run_cli (&run, "rank", "-m", "promethee", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1,1,1",
           "-d", "max,max,max,max", "-p", "linear:3:1", NULL);
  assert_failure (&run, 2, "the preference threshold p must be a number greater than q");
  run_cli (&run, "rank", "-m", "promethee", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1,1,1",
           "-d", "max,max,max,max", "-p", "usual,usual", NULL);
  assert_failure (&run, 2, "--preference lists 2 functions");
  run_cli (&run, "rank", "-m", "promethee", "--csv", "@wsm-triantaphyllou.csv", "-w", "1,1,1,1",
           "-d", "max,max,max,max", "-p", "sigmoid:2", NULL);
  assert_failure (&run, 2, "unknown function “sigmoid”");
  run_cli (&run, "rank", "@ranking.frontier", "--csv", "@wsm-triantaphyllou.csv", NULL);
  assert_failure (&run, 2, "give either a document or --csv MATRIX.csv");
  run_cli (&run, "rank", NULL);
  assert_failure (&run, 2, "give either a document or --csv MATRIX.csv");
  run_cli (&run, "rank", "@ranking.frontier", "-w", "1,1,1", NULL);
  assert_failure (&run, 2, "go with --csv");
  run_cli (&run, "rank", "--bogus", NULL);
  assert_failure (&run, 2, "--bogus");

  /* Bad files fail with status 1 and the place of the fault. */
  run_cli (&run, "rank", "--csv", "@matrix-ragged.csv", "-w", "1,1", "-d", "max,min", NULL);
  assert_failure (&run, 1, "matrix-ragged.csv:3:9: this row has 2 fields but the header has 3");
  run_cli (&run, "rank", "--csv", "@matrix-invalid-utf8.csv", "-w", "1,1", "-d", "max,min", NULL);
  assert_failure (&run, 1, "matrix-invalid-utf8.csv:3:11: invalid UTF-8");
  run_cli (&run, "rank", "--csv", "@no-such-file.csv", "-w", "1,1", "-d", "max,min", NULL);
  assert_failure (&run, 1, "no-such-file.csv");
  run_cli (&run, "rank", "@no-such-file.frontier", NULL);
  assert_failure (&run, 1, "no-such-file.frontier");
}

/* A three-criterion judgement matrix; priorities by the eigenvector. For
 * n = 3 the eigenvector equals the normalised row geometric means, which
 * gives the figures by hand: (3·1/5)^(1/3) = 0.843433, (1/3·1/7)^(1/3) =
 * 0.362460, (5·7)^(1/3) = 3.271066, over their sum 4.476959. */
static void
test_ahp (void)
{
  g_auto(Run) run = { NULL, NULL, 0 };

  run_cli (&run, "ahp", "--csv", "@pairwise-ahp.csv", NULL);
  assert_success (&run,
                  "item\tpriority\n"
                  "Deterrence\t0.188394\n"
                  "Cost\t0.080961\n"
                  "Escalation\t0.730645\n"
                  "lambda_max\t3.064888\n"
                  "ci\t0.032444\n"
                  "cr\t0.055938\n"
                  "most_inconsistent\tCost\tEscalation\t0.142857\t0.110808\n");

  run_cli (&run, "ahp", "--csv", "@pairwise-ahp.csv", "--json", NULL);
  assert_success (&run, NULL);
  g_assert_nonnull (strstr (run.out, "\"ri\": 0.58,\n  \"cr\": 0.05593756885587"));
  g_assert_nonnull (strstr (run.out, "\"acceptable\": true"));
  g_assert_nonnull (strstr (run.out, "\"most_inconsistent\": {\n    \"row\": \"Cost\",\n    \"column\": \"Escalation\""));

  run_cli (&run, "ahp", "--csv", "@pairwise-not-reciprocal.csv", NULL);
  assert_failure (&run, 1, "pairwise-not-reciprocal.csv:3:3: not reciprocal: “B” over “A” is 2, but “A” over “B” (line 2, column 5) is 3");
  run_cli (&run, "ahp", NULL);
  assert_failure (&run, 2, "--csv PAIRWISE.csv");
  run_cli (&run, "ahp", "--csv", "@pairwise-ahp.csv", "extra", NULL);
  assert_failure (&run, 2, "unexpected argument “extra”");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/rank/topsis", test_rank_topsis);
  g_test_add_func ("/cli/rank/topsis-minmax-json", test_rank_topsis_minmax_json);
  g_test_add_func ("/cli/rank/wsm", test_rank_wsm);
  g_test_add_func ("/cli/rank/promethee", test_rank_promethee);
  g_test_add_func ("/cli/rank/document", test_rank_document);
  g_test_add_func ("/cli/rank/json-escaping", test_rank_json_escaping);
  g_test_add_func ("/cli/rank/errors", test_rank_errors);
  g_test_add_func ("/cli/ahp", test_ahp);

  return g_test_run ();
}
