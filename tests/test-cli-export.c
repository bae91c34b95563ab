/* test-cli-export.c — `frontier-cli export` on the bundled scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <sys/wait.h>

#include "fr-deck.h"
#include "fr-xml.h"

typedef struct {
  char *dir;
  char *scenario;
  FrModel *model;
} Fixture;

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("FRONTIER_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->scenario = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios", "ukraine-security-options.frontier", NULL);
  f->model = fr_xml_load_file (f->scenario, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->scenario);
  fr_model_free (f->model);
}

static void
test_all_pdf (Fixture       *f,
              gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (f->dir, "deck.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(FrDeck) deck = fr_deck_new (f->model, NULL, FR_DECK_A4_WIDTH, FR_DECK_A4_HEIGHT);
  guint pages;

  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--all", "--output", output, NULL },
                            &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  pages = pdf_pages (output);
  /* Title page, fifteen views and the appendix, as the deck lays it out. */
  g_assert_cmpuint (pages, ==, fr_deck_get_n_pages (deck));
  g_assert_cmpuint (pages, >, 1 + f->model->views->len);

  /* One view to PDF: one page. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_unlink (output);
  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--view", "v06-moscow",
                                               "--output", output, NULL },
                            &out, &err), ==, 0);
  g_assert_cmpuint (pdf_pages (output), ==, 1);
}

static void
test_view_png (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (f->dir, "slide.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *surface;

  /* By title, in another case. */
  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--view", "DOES THE METHOD MATTER?",
                                               "--output", output, "--size", "640x360", NULL },
                            &out, &err), ==, 0);
  surface = cairo_image_surface_create_from_png (output);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 360);
  cairo_surface_destroy (surface);
  g_unlink (output);

  /* The default size. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--view", "v10-method",
                                               "--output", output, NULL },
                            &out, &err), ==, 0);
  surface = cairo_image_surface_create_from_png (output);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  cairo_surface_destroy (surface);
}

static void
collect_text (xmlNode *node,
              GString *text,
              guint   *n_text)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) "text"))
        {
          xmlChar *content = xmlNodeGetContent (node);
          g_string_append (text, (const char *) content);
          g_string_append_c (text, '\n');
          xmlFree (content);
          (*n_text)++;
        }
      else
        collect_text (node->children, text, n_text);
    }
}

static void
test_view_svg (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (f->dir, "slide.svg", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const FrView *view = fr_model_find_view (f->model, "v11-agreement");
  xmlDoc *doc;
  guint n_text = 0;

  g_assert_nonnull (view);
  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--view", "v11-agreement",
                                               "--output", output, NULL },
                            &out, &err), ==, 0);
  doc = xmlReadFile (output, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  collect_text (xmlDocGetRootElement (doc), text, &n_text);
  xmlFreeDoc (doc);
  g_assert_cmpuint (n_text, >, 10);
  /* The title is one <text>, not glyph outlines. */
  g_assert_nonnull (strstr (text->str, "What every party can accept\n"));
  g_assert_nonnull (strstr (text->str, "Armed neutrality"));
}

static void
test_all_png (Fixture       *f,
              gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (f->dir, "slides.png", NULL);
  g_autofree char *first = g_build_filename (f->dir, "slides-01.png", NULL);
  g_autofree char *last = g_strdup_printf ("%s/slides-%02u.png", f->dir, f->model->views->len);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--all", "--output", output,
                                               "--size", "160x90", NULL },
                            &out, &err), ==, 0);
  g_assert_cmpuint (count_files (f->dir), ==, f->model->views->len);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (last, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_errors (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (f->dir, "none.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "none.png", NULL);
  g_autofree char *unwritable = g_build_filename (f->dir, "missing", "deck.pdf", NULL);
  char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--view", "no-such-view",
                                               "--output", output, NULL },
                            &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "no-such-view"));
  g_assert_nonnull (strstr (err, "v01-new-frontier"));
  g_free (out);
  g_free (err);

  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--view", "v06-moscow",
                                               "--output", png, "--size", "big", NULL },
                            &out, &err), ==, 2);
  g_free (out);
  g_free (err);

  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--output", output, NULL },
                            &out, &err), ==, 2);
  g_free (out);
  g_free (err);

  g_assert_cmpint (run_cli ((const char *[]) { "export", f->scenario, "--all", "--output", unwritable, NULL },
                            &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, unwritable));
  g_free (out);
  g_free (err);

  /* Nothing left behind by any of them. */
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/export/all-pdf", Fixture, NULL, fixture_set_up, test_all_pdf, fixture_tear_down);
  g_test_add ("/cli/export/view-png", Fixture, NULL, fixture_set_up, test_view_png, fixture_tear_down);
  g_test_add ("/cli/export/view-svg", Fixture, NULL, fixture_set_up, test_view_svg, fixture_tear_down);
  g_test_add ("/cli/export/all-png", Fixture, NULL, fixture_set_up, test_all_png, fixture_tear_down);
  g_test_add ("/cli/export/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  return g_test_run ();
}
