/* test-xml-cli.c — `frontier-cli validate` and `frontier-cli info`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "test-cli-common.h"

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  run_cli_args (run, args);
}

static char *
fixture (const char *kind,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "documents", kind, name, NULL);
}

static void
test_validate (void)
{
  g_autofree char *full = fixture ("valid", "full.frontier");
  g_autofree char *utf16 = fixture ("valid", "utf16le.frontier");
  g_autofree char *bad = fixture ("invalid", "score-unknown-criterion.frontier");
  g_autofree char *hostile = g_test_build_filename (G_TEST_DIST, "hostile", "billion-laughs.frontier", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) mixed = { 0 };

  run_cli (&ok, "validate", full, utf16, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  expected = g_strdup_printf ("%s: valid\n%s: valid\n", full, utf16);
  g_assert_cmpstr (ok.out, ==, expected);
  g_assert_cmpstr (ok.err, ==, "");
  g_clear_pointer (&expected, g_free);

  run_cli (&mixed, "validate", full, bad, hostile, NULL);
  g_assert_cmpint (mixed.status, ==, 1);
  expected = g_strdup_printf ("%s: valid\n"
                              "%s: line 11: <score> names criterion “deterence”, which the document "
                              "does not define\n"
                              "%s: line 2: the document has a DOCTYPE declaration, which Frontier "
                              "refuses: it could define entities that expand without end or read "
                              "other files\n", full, bad, hostile);
  g_assert_cmpstr (mixed.out, ==, expected);
}

static void
test_validate_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) help = { 0 };

  run_cli (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_nonnull (strstr (none.err, "name at least one document to validate"));

  run_cli (&help, "validate", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "FILE: valid"));
}

static void
test_info (void)
{
  g_autofree char *full = fixture ("valid", "full.frontier");
  g_auto(Run) run = { 0 };

  run_cli (&run, "info", full, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* full.frontier: 3 single criteria in 1 group, 2 events… */
  g_assert_cmpstr (run.out, ==,
                   "options\t2\n"
                   "criteria\t3\n"
                   "elements\t3\n"
                   "stakeholders\t2\n"
                   "events\t2\n"
                   "views\t2\n"
                   "sources\t2\n"
                   "layers\t2\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_info_errors (void)
{
  g_autofree char *bad = fixture ("invalid", "duplicate-option-id.frontier");
  g_autofree char *full = fixture ("valid", "full.frontier");
  g_autofree char *expected = NULL;
  g_auto(Run) invalid = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) help = { 0 };

  run_cli (&invalid, "info", bad, NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_cmpstr (invalid.out, ==, "");
  expected = g_strdup_printf ("frontier-cli: %s: line 11: the id “o” is already used by another "
                              "option on line 10; ids must be unique\n", bad);
  g_assert_cmpstr (invalid.err, ==, expected);

  run_cli (&two, "info", full, full, NULL);
  g_assert_cmpint (two.status, ==, 2);
  g_assert_cmpstr (two.out, ==, "");

  run_cli (&help, "info", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "groups that organise them are not counted"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/files", test_validate);
  g_test_add_func ("/cli/validate/usage", test_validate_usage);
  g_test_add_func ("/cli/info/counts", test_info);
  g_test_add_func ("/cli/info/errors", test_info_errors);

  return g_test_run ();
}
