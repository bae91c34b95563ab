/* test-install.c — what `meson install` lays out under a Flatpak-style /app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Configures a fresh build with --prefix=/app, installs it with --destdir
 * into a temporary folder, then checks the tree with the same validators the
 * Flatpak and software centres use.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static char *tmp_root;
static char *destdir;

static void
run_checked (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  g_test_message ("running %s", argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_error ("%s failed: %s\n%s\n%s", argv[0], error->message, out, err);
}

static char *
installed (const char *relative)
{
  return g_build_filename (destdir, "app", relative, NULL);
}

static void
assert_installed (const char *relative)
{
  g_autofree char *path = installed (relative);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("not installed: /app/%s", relative);
}

static void
install_once (void)
{
  const char *root = g_getenv ("FRONTIER_SOURCE_ROOT");
  g_autofree char *build = NULL;

  if (destdir != NULL)
    return;
  tmp_root = g_dir_make_tmp ("frontier-install-XXXXXX", NULL);
  build = g_build_filename (tmp_root, "build", NULL);
  destdir = g_build_filename (tmp_root, "dest", NULL);
  {
    const char *setup[] = { "meson", "setup", build, root, "--prefix=/app",
                            "--buildtype=plain", NULL };
    const char *install[] = { "meson", "install", "-C", build, "--destdir", destdir,
                              "--quiet", NULL };
    run_checked (setup);
    run_checked (install);
  }
}

static void
test_layout (void)
{
  install_once ();
  assert_installed ("bin/frontier");
  assert_installed ("bin/frontier-cli");
  assert_installed ("share/applications/" APP_ID ".desktop");
  assert_installed ("share/metainfo/" APP_ID ".metainfo.xml");
  assert_installed ("share/glib-2.0/schemas/" APP_ID ".gschema.xml");
  assert_installed ("share/mime/packages/" APP_ID ".xml");
  assert_installed ("share/icons/hicolor/scalable/apps/" APP_ID ".svg");
  assert_installed ("share/icons/hicolor/symbolic/apps/" APP_ID "-symbolic.svg");
  assert_installed ("share/icons/hicolor/scalable/mimetypes/" APP_ID "-document.svg");
  assert_installed ("share/locale/uk/LC_MESSAGES/frontier.mo");
  assert_installed ("share/frontier/scenarios/ukraine-security-options.frontier");
  assert_installed ("share/frontier/frontier.rng");
}

static void
test_desktop_file (void)
{
  g_autofree char *desktop = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name_uk = NULL;

  install_once ();
  desktop = installed ("share/applications/" APP_ID ".desktop");
  {
    const char *argv[] = { "desktop-file-validate", desktop, NULL };
    run_checked (argv);
  }
  g_assert_true (g_key_file_load_from_file (key_file, desktop, G_KEY_FILE_KEEP_TRANSLATIONS, &error));
  g_assert_no_error (error);
  g_autofree char *icon = g_key_file_get_string (key_file, "Desktop Entry", "Icon", NULL);
  g_assert_cmpstr (icon, ==, APP_ID);
  g_autofree char *mime = g_key_file_get_string (key_file, "Desktop Entry", "MimeType", NULL);
  g_assert_cmpstr (mime, ==, "application/x-frontier+xml;");
  /* Translated through the .po files by i18n.merge_file. */
  name_uk = g_key_file_get_locale_string (key_file, "Desktop Entry", "Comment", "uk", NULL);
  g_assert_nonnull (name_uk);
  g_assert_false (g_str_has_prefix (name_uk, "Weigh"));
}

static void
test_metainfo (void)
{
  g_autofree char *metainfo = NULL;
  g_autofree char *contents = NULL;

  install_once ();
  metainfo = installed ("share/metainfo/" APP_ID ".metainfo.xml");
  {
    const char *argv[] = { "appstreamcli", "validate", "--no-net", "--explain", metainfo, NULL };
    run_checked (argv);
  }
  g_assert_true (g_file_get_contents (metainfo, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<launchable type=\"desktop-id\">" APP_ID ".desktop</launchable>"));
  g_assert_nonnull (strstr (contents, "xml:lang=\"uk\""));
}

static void
test_schema (void)
{
  g_autofree char *schemas = NULL;
  g_autofree char *target = g_build_filename (tmp_root, "compiled", NULL);

  install_once ();
  schemas = installed ("share/glib-2.0/schemas");
  g_assert_cmpint (g_mkdir_with_parents (target, 0700), ==, 0);
  {
    g_autofree char *targetdir = g_strconcat ("--targetdir=", target, NULL);
    const char *argv[] = { "glib-compile-schemas", "--strict", targetdir, schemas, NULL };
    run_checked (argv);
  }
  g_autofree char *compiled = g_build_filename (target, "gschemas.compiled", NULL);
  g_assert_true (g_file_test (compiled, G_FILE_TEST_IS_REGULAR));
}

static void
test_mime (void)
{
  g_autofree char *mime = NULL;
  g_autofree char *contents = NULL;

  install_once ();
  mime = installed ("share/mime/packages/" APP_ID ".xml");
  g_assert_true (g_file_get_contents (mime, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "type=\"application/x-frontier+xml\""));
  g_assert_nonnull (strstr (contents, "pattern=\"*.frontier\""));
  {
    const char *argv[] = { "xmllint", "--noout", mime, NULL };
    run_checked (argv);
  }
}

static void
cleanup (void)
{
  if (tmp_root != NULL)
    {
      const char *argv[] = { "rm", "-rf", tmp_root, NULL };
      run_checked (argv);
    }
  g_clear_pointer (&tmp_root, g_free);
  g_clear_pointer (&destdir, g_free);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packaging/install/layout", test_layout);
  g_test_add_func ("/packaging/install/desktop-file", test_desktop_file);
  g_test_add_func ("/packaging/install/metainfo", test_metainfo);
  g_test_add_func ("/packaging/install/schema", test_schema);
  g_test_add_func ("/packaging/install/mime", test_mime);
  status = g_test_run ();
  cleanup ();
  return status;
}
