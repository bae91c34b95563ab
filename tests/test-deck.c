/* test-deck.c — slides and the deck of the bundled scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fr-analysis.h"
#include "fr-chart-data.h"
#include "fr-date.h"
#include "fr-deck.h"
#include "fr-document.h"
#include "fr-format.h"
#include "fr-slide.h"
#include "fr-theme.h"
#include "fr-xml.h"

static FrModel *
load_scenario (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios",
                                            "ukraine-security-options.frontier", NULL);
  g_autoptr(GError) error = NULL;
  FrModel *model = fr_xml_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* The basemap is the slow part of a map slide; load it once for all
 * tests. */
static FrBasemap *basemap;

static GBytes *
model_bytes (const FrModel *model)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = fr_xml_save_bytes (model, &error);

  g_assert_no_error (error);
  return bytes;
}

/* Runs a program and returns its standard output. */
static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Text with every run of ASCII white space made one space, so that words
 * a page wraps still read as one phrase. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("“%s” not found in the PDF's text", squeezed);
}

static void
test_deck_pages (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(FrDeck) deck = fr_deck_new (model, basemap, FR_DECK_A4_WIDTH, FR_DECK_A4_HEIGHT);
  guint n_views = model->views->len;
  guint n_appendix = fr_deck_get_n_appendix_pages (deck);
  const FrView *view = NULL;
  g_autoptr(FrDeck) small = NULL;

  g_assert_cmpuint (n_views, ==, 15);
  g_assert_cmpuint (n_appendix, >, 0);
  g_assert_cmpuint (fr_deck_get_n_pages (deck), ==, 1 + n_views + n_appendix);

  g_assert_cmpint (fr_deck_get_page_kind (deck, 0, &view), ==, FR_DECK_PAGE_TITLE);
  g_assert_null (view);
  for (guint i = 0; i < n_views; i++)
    {
      g_assert_cmpint (fr_deck_get_page_kind (deck, 1 + i, &view), ==, FR_DECK_PAGE_VIEW);
      g_assert_true (view == g_ptr_array_index (model->views, i));
    }
  g_assert_cmpint (fr_deck_get_page_kind (deck, 1 + n_views, &view), ==, FR_DECK_PAGE_APPENDIX);

  /* Text scales with the page: half the size both ways lays out the
   * same pages, while pages twice as high (the same text size) need fewer
   * of them, though still one at least per section: the count really
   * comes from the layout. */
  small = fr_deck_new (model, basemap, FR_DECK_A4_WIDTH / 2, FR_DECK_A4_HEIGHT / 2);
  g_assert_cmpuint (fr_deck_get_n_appendix_pages (small), ==, n_appendix);
  g_clear_pointer (&small, fr_deck_free);
  small = fr_deck_new (model, basemap, FR_DECK_A4_WIDTH, FR_DECK_A4_HEIGHT * 2);
  g_assert_cmpuint (fr_deck_get_n_appendix_pages (small), <, n_appendix);
  g_assert_cmpuint (fr_deck_get_n_appendix_pages (small), >=, 6);
}

static void
test_deck_pdf (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GBytes) before = model_bytes (model);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(FrDeck) deck = fr_deck_new (model, basemap, FR_DECK_A4_WIDTH, FR_DECK_A4_HEIGHT);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-deck-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const FrOption *first;
  const FrScore *score;
  const FrStakeholder *ukraine;
  const FrWeight *weight;
  g_autofree char *weight_text = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *snippet = NULL;
  double total = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "deck.pdf", NULL);
  g_assert_true (fr_deck_export_pdf (deck, path, &error));
  g_assert_no_error (error);

  info = run ((const char *[]) { "pdfinfo", path, NULL });
  {
    /* pdfinfo pads the count to a column; compare the number only. */
    const char *line = strstr (info, "\nPages:");
    g_assert_nonnull (line);
    g_assert_cmpuint ((guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10), ==,
                      fr_deck_get_n_pages (deck));
  }
  g_assert_nonnull (strstr (info, "Title:           Ukraine's post-war security options"));
  g_assert_nonnull (strstr (info, "Author:          Frontier scenario team"));

  raw = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  text = squeeze (raw);
  assert_contains (text, model->title);
  for (guint i = 0; i < model->views->len; i++)
    assert_contains (text, ((FrView *) g_ptr_array_index (model->views, i))->title);
  for (guint i = 0; i < model->options->len; i++)
    assert_contains (text, ((FrOption *) g_ptr_array_index (model->options, i))->name);

  /* A rationale: its first six words, which a table cell keeps together. */
  first = g_ptr_array_index (model->options, 0);
  score = g_hash_table_lookup (first->scores, "deterrence");
  g_assert_nonnull (score);
  g_assert_nonnull (score->rationale);
  words = g_strsplit (score->rationale, " ", 7);
  g_assert_cmpuint (g_strv_length (words), ==, 7);
  g_free (words[6]);
  words[6] = NULL;
  snippet = g_strjoinv (" ", words);
  assert_contains (text, snippet);

  /* Ukraine weighs deterrence at 0.18 of a total of 1. */
  ukraine = fr_model_find_stakeholder (model, "ukraine");
  g_assert_nonnull (ukraine);
  weight = g_hash_table_lookup (ukraine->weights, "deterrence");
  g_assert_nonnull (weight);
  for (guint i = 0; i < model->criteria->len; i++)
    {
      const FrCriterion *criterion = g_ptr_array_index (model->criteria, i);
      const FrWeight *w = criterion->is_group ? NULL : g_hash_table_lookup (ukraine->weights, criterion->id);
      if (w != NULL)
        total += w->value;
    }
  weight_text = fr_format_weight (weight->value / total);
  g_assert_cmpstr (weight_text, ==, "18.0 %");
  assert_contains (text, ukraine->name);
  {
    g_autofree char *row = g_strdup_printf ("Deterrence of renewed aggression %s", weight_text);
    assert_contains (text, row);
  }
  assert_contains (text, ((FrSource *) g_ptr_array_index (model->sources, 0))->title);
  /* The method's settings. */
  assert_contains (text, "10,000 samples, random seed 1");

  after = model_bytes (model);
  g_assert_true (g_bytes_equal (before, after));

  g_unlink (path);
  g_rmdir (dir);
}

static cairo_surface_t *
render_slide (const FrModel *model,
              const FrView  *view,
              int            width,
              int            height,
              const FrTheme *theme)
{
  g_autoptr(FrSlideContext) context = fr_slide_context_new (model, basemap);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  fr_slide_render (cr, context, view, width, height, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          int             *r,
          int             *g,
          int             *b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  *r = (pixel >> 16) & 0xff;
  *g = (pixel >> 8) & 0xff;
  *b = pixel & 0xff;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          FrColor          color,
          int              tolerance)
{
  int r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);
  return abs (r - (int) round (color.r * 255)) <= tolerance &&
         abs (g - (int) round (color.g * 255)) <= tolerance &&
         abs (b - (int) round (color.b * 255)) <= tolerance;
}

static guint
count_color (cairo_surface_t *surface,
             int              x0,
             int              y0,
             int              x1,
             int              y1,
             FrColor          color,
             int              tolerance)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (pixel_is (surface, x, y, color, tolerance))
        n++;
  return n;
}

/* The option the view's stakeholder ranks first, computed here without
 * the slide code. */
static char *
leader_of (const FrModel *model,
           const FrView  *view)
{
  g_autoptr(GBytes) bytes = model_bytes (model);
  g_autoptr(GError) error = NULL;
  FrModel *copy = fr_xml_load_bytes (bytes, NULL, &error);
  g_autoptr(FrDocument) document = NULL;
  g_autoptr(FrAnalysis) analysis = NULL;
  FrMethod method;
  const guint *order;

  g_assert_no_error (error);
  document = fr_document_new_for_model (copy);
  analysis = fr_analysis_new (document);
  g_assert_true (fr_method_from_string (view->method, &method));
  fr_analysis_set_method (analysis, method);
  fr_analysis_set_stakeholder (analysis, view->stakeholder_id);
  order = fr_analysis_get_order (analysis);
  g_assert_nonnull (order);
  return g_strdup (((FrOption *) g_ptr_array_index (copy->options, order[0]))->id);
}

static void
test_slide_ranking_pixels (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  const FrView *view = fr_model_find_view (model, "v06-moscow");
  const FrTheme *theme = fr_theme_get (FR_THEME_PRESENTATION_LIGHT);
  g_autofree char *leader = NULL;
  cairo_surface_t *surface;
  FrColor band, leader_color;
  guint dark = 0;

  g_assert_nonnull (view);
  g_assert_cmpstr (view->chart, ==, "ranking");
  surface = render_slide (model, view, 1280, 720, theme);

  /* The footer's corner is the theme's background; the band's corner its
   * tint of the accent. */
  g_assert_true (pixel_is (surface, 2, 717, theme->background, 1));
  band = fr_chart_mix (theme->background, theme->accent, 0.08);
  g_assert_true (pixel_is (surface, 2, 2, band, 1));
  g_assert_false (pixel_is (surface, 2, 2, theme->background, 1));
  /* The title is written in the band: dark pixels in its left half. */
  for (int y = 5; y < 60; y++)
    for (int x = 20; x < 640; x++)
      {
        int r, g, b;
        pixel_at (surface, x, y, &r, &g, &b);
        if (r + g + b < 200)
          dark++;
      }
  g_assert_cmpuint (dark, >, 500);

  /* The leader (capped neutrality for Russia) is marked in its colour. */
  leader = leader_of (model, view);
  g_assert_cmpstr (leader, ==, "capped-neutrality");
  leader_color = fr_chart_option_color (model, leader);
  g_assert_cmpuint (count_color (surface, 0, 100, 1280, 680, leader_color, 2), >, 50);
  cairo_surface_destroy (surface);
}

static void
test_slide_map_pixels (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  const FrView *view = fr_model_find_view (model, "v01-new-frontier");
  const FrTheme *theme = fr_theme_get (FR_THEME_PRESENTATION_DARK);
  g_autoptr(FrSlideContext) context = fr_slide_context_new (model, basemap);
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  cairo_surface_t *surface;

  g_assert_nonnull (view);
  g_assert_cmpstr (view->chart, ==, "map");
  surface = render_slide (model, view, 960, 540, theme);
  g_assert_true (pixel_is (surface, 2, 537, theme->background, 1));
  /* NATO members and Russia fill much of the map. */
  g_assert_cmpuint (count_color (surface, 0, 90, 960, 500,
                                 fr_theme_alignment_color (theme, FR_ALIGNMENT_NATO), 2), >, 5000);
  g_assert_cmpuint (count_color (surface, 0, 90, 960, 500,
                                 fr_theme_alignment_color (theme, FR_ALIGNMENT_RUSSIA), 2), >, 5000);
  cairo_surface_destroy (surface);

  /* The date is the view's, and so is the frontier in words. */
  subtitle = fr_slide_dup_subtitle (context, view);
  day = fr_format_day (view->map_day);
  g_assert_cmpstr (subtitle, ==, day);
  description = fr_slide_describe (context, view);
  g_assert_true (g_str_has_prefix (description, view->title));
  g_assert_nonnull (strstr (description, day));
  /* Before Finland's accession the official figure is 1,219.5 km, after
   * it 2,559.5 km (fr-frontier.h); 7 January 2025 is after. */
  g_assert_nonnull (strstr (description, "2,560 km"));
}

static void
test_slide_own_weights (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GBytes) before = model_bytes (model);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(FrSlideContext) context = fr_slide_context_new (model, basemap);
  const FrView *own = fr_model_find_view (model, "v09-without-feasibility");
  FrView *plain = NULL;
  g_autofree char *with_own = NULL;
  g_autofree char *with_plain = NULL;
  cairo_surface_t *surface;

  g_assert_nonnull (own);
  g_assert_nonnull (own->weights);
  g_assert_cmpuint (g_hash_table_size (own->weights), >, 0);

  /* The same view without weights of its own: the stakeholder's. */
  plain = fr_view_new ("plain", own->title);
  plain->stakeholder_id = g_strdup (own->stakeholder_id);
  plain->method = g_strdup (own->method);
  plain->chart = g_strdup (own->chart);

  with_own = fr_slide_describe (context, own);
  with_plain = fr_slide_describe (context, plain);
  g_assert_cmpstr (with_own, !=, with_plain);
  /* The view's notes: with feasibility set aside NATO membership leads
   * with 0.69, then bilateral guarantees (0.60) and armed neutrality
   * (0.59); with Ukraine's own weights 0.59, 0.58, 0.57. */
  g_assert_nonnull (strstr (with_own, "1. NATO membership with Article 5"));
  g_assert_nonnull (strstr (with_own, "0.69"));
  g_assert_nonnull (strstr (with_own, "2. Bilateral security guarantees"));
  g_assert_nonnull (strstr (with_plain, "0.59"));
  g_assert_null (strstr (with_plain, "0.69"));
  g_assert_nonnull (strstr (with_plain, "2. Armed neutrality"));

  surface = render_slide (model, own, 640, 360, fr_theme_get (FR_THEME_LIGHT));
  cairo_surface_destroy (surface);

  after = model_bytes (model);
  g_assert_true (g_bytes_equal (before, after));
  fr_view_free (plain);
}

static void
test_slide_unknown_chart (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(FrSlideContext) context = fr_slide_context_new (model, basemap);
  FrView *view = fr_view_new ("future", "From a newer Frontier");
  g_autofree char *description = NULL;
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  cairo_surface_t *surface;
  guint muted = 0;

  view->chart = g_strdup ("hologram");
  description = fr_slide_describe (context, view);
  g_assert_nonnull (strstr (description, "“hologram”"));

  /* The placeholder's text and dashed frame are in the muted colour. */
  surface = render_slide (model, view, 800, 450, theme);
  for (int y = 80; y < 420; y++)
    for (int x = 0; x < 800; x++)
      {
        int r, g, b;
        pixel_at (surface, x, y, &r, &g, &b);
        if (r + g + b < 3 * 200)
          muted++;
      }
  g_assert_cmpuint (muted, >, 200);
  cairo_surface_destroy (surface);
  fr_view_free (view);
}

static void
test_slide_every_view (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(FrSlideContext) context = fr_slide_context_new (model, basemap);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 180);
  cairo_t *cr = cairo_create (surface);

  /* Every saved view draws and describes itself without an error. */
  for (guint i = 0; i < model->views->len; i++)
    {
      const FrView *view = g_ptr_array_index (model->views, i);
      g_autofree char *description = fr_slide_describe (context, view);

      fr_slide_render (cr, context, view, 320, 180, fr_theme_get (FR_THEME_PRESENTATION_LIGHT));
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_str_has_prefix (description, view->title));
      g_assert_cmpuint (strlen (description), >, strlen (view->title) + 20);
    }

  /* Chart kinds the scenario's views do not use. */
  {
    FrView *timeline = fr_view_new ("timeline", "The frontier since 1945");
    FrView *scatter = fr_view_new ("scatter", "Ukraine against Russia");
    g_autofree char *timeline_text = NULL;
    g_autofree char *scatter_text = NULL;

    timeline->chart = g_strdup ("timeline");
    timeline->option_id = g_strdup ("armed-neutrality");
    timeline->map_day = fr_day_from_ymd (2023, 4, 4);
    scatter->chart = g_strdup ("scatter");
    scatter->stakeholder_id = g_strdup ("ukraine");
    fr_slide_render (cr, context, timeline, 320, 180, fr_theme_get (FR_THEME_LIGHT));
    fr_slide_render (cr, context, scatter, 320, 180, fr_theme_get (FR_THEME_LIGHT));
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    timeline_text = fr_slide_describe (context, timeline);
    scatter_text = fr_slide_describe (context, scatter);
    g_assert_nonnull (strstr (timeline_text, "4 April 2023"));
    g_assert_nonnull (strstr (scatter_text, "Ukraine"));
    g_assert_nonnull (strstr (scatter_text, "Russia"));
    fr_view_free (timeline);
    fr_view_free (scatter);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  basemap = fr_basemap_load_default (FR_BASEMAP_DETAIL_10M, &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/deck/pages", test_deck_pages);
  g_test_add_func ("/render/deck/pdf", test_deck_pdf);
  g_test_add_func ("/render/slide/ranking-pixels", test_slide_ranking_pixels);
  g_test_add_func ("/render/slide/map-pixels", test_slide_map_pixels);
  g_test_add_func ("/render/slide/own-weights", test_slide_own_weights);
  g_test_add_func ("/render/slide/unknown-chart", test_slide_unknown_chart);
  g_test_add_func ("/render/slide/every-view", test_slide_every_view);
  status = g_test_run ();
  fr_basemap_free (basemap);
  return status;
}
