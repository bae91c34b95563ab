/* test-cli-charts.c — `frontier-cli chart` on the bundled scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "fr-xml.h"

typedef struct {
  char *dir;
  char *scenario;
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

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-cli-charts-XXXXXX", &error);
  g_assert_no_error (error);
  f->scenario = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios", "ukraine-security-options.frontier", NULL);
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
}

/* Every chart kind writes a PNG of exactly the requested size, on the
 * theme's background. */
static void
test_png_sizes (Fixture       *f,
                gconstpointer  user_data)
{
  static const char *charts[] = { "ranking", "profile", "sensitivity", "smaa", "stakeholders", "scatter" };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.png", f->dir, charts[i]);
      const char *args[] = { "chart", f->scenario, "--chart", charts[i], "--stakeholder", "ukraine",
                             "--samples", "2000", "--size", i % 2 ? "333x222" : "640x400",
                             "--theme", "dark", "--output", path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      cairo_surface_t *surface;
      const unsigned char *data;
      guint32 corner;

      g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
      g_assert_cmpstr (out, ==, "");
      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, i % 2 ? 333 : 640);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, i % 2 ? 222 : 400);
      /* The dark theme's background, #242424, in the bottom right corner. */
      data = cairo_image_surface_get_data (surface);
      memcpy (&corner, data + (gsize) (cairo_image_surface_get_height (surface) - 1) * cairo_image_surface_get_stride (surface)
                         + (gsize) (cairo_image_surface_get_width (surface) - 1) * 4, 4);
      g_assert_cmphex (corner, ==, 0xff242424);
      cairo_surface_destroy (surface);
    }
}

/* The PDF's text holds the title and every option's name. */
static void
test_pdf_text (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "ranking.pdf", NULL);
  const char *args[] = { "chart", f->scenario, "--chart", "ranking", "--stakeholder", "ukraine",
                         "--size", "1600x900", "--output", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Ranking by weighted sum for Ukraine"));
  model = fr_xml_load_file (f->scenario, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (model->options->len, >, 2);
  for (guint i = 0; i < model->options->len; i++)
    {
      const FrOption *option = g_ptr_array_index (model->options, i);
      if (strstr (text, option->name) == NULL)
        g_error ("“%s” is not in the PDF text:\n%s", option->name, text);
    }
}

/* The scatter's PDF names both stakeholders; SVG keeps text as <text>. */
static void
test_scatter_pdf_svg (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "scatter.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "scatter.svg", NULL);
  const char *pdf_args[] = { "chart", f->scenario, "--chart", "scatter", "--stakeholder", "ukraine",
                             "--versus", "russia", "--output", pdf, NULL };
  const char *svg_args[] = { "chart", f->scenario, "--chart", "scatter", "--stakeholder", "ukraine",
                             "--versus", "russia", "--theme", "presentation", "--output", svg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (pdf_args, &out, &err), ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Ukraine and Russia"));
  g_assert_nonnull (strstr (text, "Utility for Russia"));
  g_assert_nonnull (strstr (text, "Nash bargaining choice"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (svg_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, ">Ukraine and Russia</text>"));
}

/* --describe prints the words a screen reader gets; the seed makes SMAA
 * reproducible to the byte. */
static void
test_describe_and_seed (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *a = g_build_filename (f->dir, "a.png", NULL);
  g_autofree char *b = g_build_filename (f->dir, "b.png", NULL);
  g_autofree char *c = g_build_filename (f->dir, "c.png", NULL);
  const char *rank_args[] = { "chart", f->scenario, "--chart", "ranking", "--method", "topsis", "--stakeholder",
                              "ukraine", "--describe", "--output", c, NULL };
  const char *args_a[] = { "chart", f->scenario, "--chart", "smaa", "--samples", "3000", "--seed", "7",
                           "--describe", "--size", "400x300", "--output", a, NULL };
  const char *args_b[] = { "chart", f->scenario, "--chart", "smaa", "--samples", "3000", "--seed", "7",
                           "--size", "400x300", "--output", b, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bytes_a = NULL;
  g_autofree char *bytes_b = NULL;
  gsize len_a = 0, len_b = 0;

  g_assert_cmpint (run_cli (rank_args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Ranking by TOPSIS for Ukraine: 1. "));
  g_assert_nonnull (strstr (out, ", 2. "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (args_a, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "3,000 samples."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (args_b, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (a, &bytes_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &bytes_b, &len_b, NULL));
  g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
}

/* Bad command lines exit 2, a bad stakeholder 1, and neither writes a
 * file. */
static void
test_errors (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "never.png", NULL);
  const char *unknown_chart[] = { "chart", f->scenario, "--chart", "pie", "--output", path, NULL };
  const char *no_output[] = { "chart", f->scenario, "--chart", "ranking", NULL };
  const char *bad_size[] = { "chart", f->scenario, "--chart", "ranking", "--size", "10x", "--output", path, NULL };
  const char *bad_format[] = { "chart", f->scenario, "--chart", "ranking", "--output", "chart.gif", NULL };
  const char *bad_theme[] = { "chart", f->scenario, "--chart", "ranking", "--theme", "sepia", "--output", path, NULL };
  const char *versus[] = { "chart", f->scenario, "--chart", "ranking", "--versus", "russia", "--output", path, NULL };
  const char *nobody[] = { "chart", f->scenario, "--chart", "ranking", "--stakeholder", "nobody", "--output", path, NULL };
  const char *missing[] = { "chart", "/nonexistent/x.frontier", "--chart", "ranking", "--output", path, NULL };
  const char *const *usage[] = { unknown_chart, no_output, bad_size, bad_format, bad_theme, versus };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_assert_cmpint (run_cli (usage[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "frontier-cli: "));
    }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_assert_cmpint (run_cli (nobody, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "nobody"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_assert_cmpint (run_cli (missing, &out, &err), ==, 1);
    g_assert_cmpstr (out, ==, "");
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/chart/png-sizes", Fixture, NULL, fixture_set_up, test_png_sizes, fixture_tear_down);
  g_test_add ("/cli/chart/pdf-text", Fixture, NULL, fixture_set_up, test_pdf_text, fixture_tear_down);
  g_test_add ("/cli/chart/scatter-pdf-svg", Fixture, NULL, fixture_set_up, test_scatter_pdf_svg, fixture_tear_down);
  g_test_add ("/cli/chart/describe-and-seed", Fixture, NULL, fixture_set_up, test_describe_and_seed,
              fixture_tear_down);
  g_test_add ("/cli/chart/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
