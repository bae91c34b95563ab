/* test-po.c — translations compile, and are complete for every string
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  char *err = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  if (*status != 0)
    g_test_message ("%s failed:\n%s%s", argv[0], out, err);
  g_free (out);
  return err;
}

static GStrv
linguas (const char *po_dir)
{
  g_autofree char *path = g_build_filename (po_dir, "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && lines[i][0] != '#')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static void
test_po_check (void)
{
  const char *root = g_getenv ("FRONTIER_SOURCE_ROOT");
  g_autofree char *po_dir = g_build_filename (root, "po", NULL);
  g_auto(GStrv) languages = linguas (po_dir);

  g_assert_cmpuint (g_strv_length (languages), >=, 1);
  g_assert_cmpstr (languages[0], ==, "uk");
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *po = g_strdup_printf ("%s/%s.po", po_dir, languages[i]);
      const char *argv[] = { "msgfmt", "--check", "-o", "/dev/null", po, NULL };
      int status;
      g_autofree char *err = run (argv, &status);
      g_assert_cmpint (status, ==, 0);
    }
}

/* Regenerates the template from POTFILES.in the way the build's
 * `frontier-pot` target does, then checks every language translates every
 * message of it, none fuzzy. */
static void
test_pot_and_completeness (void)
{
  const char *root = g_getenv ("FRONTIER_SOURCE_ROOT");
  g_autofree char *po_dir = g_build_filename (root, "po", NULL);
  g_autofree char *potfiles = g_build_filename (po_dir, "POTFILES.in", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("frontier-pot-XXXXXX", NULL);
  g_autofree char *pot = g_build_filename (tmp, "frontier.pot", NULL);
  g_auto(GStrv) languages = linguas (po_dir);
  const char *xgettext[] = {
    "xgettext", "--package-name=frontier", "-p", tmp, "-D", root,
    "-f", potfiles, "-o", "frontier.pot", "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
    NULL
  };
  int status;
  g_autofree char *err = run (xgettext, &status);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (pot, G_FILE_TEST_IS_REGULAR));

  /* A format macro glued to a translated message (… "%" G_GUINT64_FORMAT)
   * is cut off where xgettext extracts it, and the message as it runs never
   * matches its translation. */
  {
    g_autofree char *list = NULL;
    g_auto(GStrv) files = NULL;
    g_autoptr(GRegex) glued = g_regex_new ("_\\(\\s*\"[^\"]*\"\\s*G_G[A-Z0-9]*_FORMAT", 0, 0, NULL);

    g_assert_true (g_file_get_contents (potfiles, &list, NULL, NULL));
    files = g_strsplit (list, "\n", -1);
    for (guint f = 0; files[f] != NULL; f++)
      {
        g_autofree char *path = NULL;
        g_autofree char *source = NULL;
        g_autoptr(GMatchInfo) match = NULL;

        if (files[f][0] == '\0' || files[f][0] == '#' || !g_str_has_suffix (files[f], ".c"))
          continue;
        path = g_build_filename (root, files[f], NULL);
        g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
        if (g_regex_match (glued, source, 0, &match))
          {
            g_autofree char *found = g_match_info_fetch (match, 0);
            g_error ("%s: a translated message is glued to a format macro: %s", files[f], found);
          }
      }
  }

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *po = g_strdup_printf ("%s/%s.po", po_dir, languages[i]);
      g_autofree char *merged = g_strdup_printf ("%s/%s.po", tmp, languages[i]);
      const char *msgmerge[] = { "msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot, NULL };
      const char *statistics[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", merged, NULL };
      g_autofree char *merge_err = run (msgmerge, &status);
      g_assert_cmpint (status, ==, 0);
      g_autofree char *stats = run (statistics, &status);
      g_assert_cmpint (status, ==, 0);
      /* msgfmt says "N translated messages." and adds fuzzy or untranslated
       * counts only when there are any. */
      g_test_message ("%s: %s", languages[i], stats);
      if (strstr (stats, "untranslated") != NULL || strstr (stats, "fuzzy") != NULL)
        g_error ("%s.po is incomplete: %s", languages[i], stats);
      g_assert_nonnull (strstr (stats, "translated message"));
      g_unlink (merged);
    }
  g_unlink (pot);
  g_rmdir (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packaging/po/check", test_po_check);
  g_test_add_func ("/packaging/po/complete", test_pot_and_completeness);
  return g_test_run ();
}
