/* test-map-render.c — the map, the timeline strip, exports and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pixels are read back from image surfaces: a point inside Finland
 * (26°E 62.5°N, inland north of Helsinki) must change from the neutral to
 * the NATO colour across 4 April 2023, the day Finland joined (nato.int,
 * "Enlargement and Article 10"); a point in the Black Sea must be sea.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <sys/wait.h>

#include "fr-basemap.h"
#include "fr-error.h"
#include "fr-date.h"
#include "fr-export.h"
#include "fr-map-render.h"
#include "fr-theme.h"
#include "fr-timeline-render.h"
#include "fr-timeline.h"

static gint32
day (const char *iso)
{
  gint32 d = 0;
  g_assert_true (fr_day_parse (iso, &d));
  return d;
}

static void
add_change (FrModel     *model,
            const char  *id,
            const char  *date,
            const char  *category,
            const char  *region,
            FrAlignment  alignment)
{
  FrEvent *event = fr_event_new (id, day (date), id);
  event->category = g_strdup (category);
  g_ptr_array_add (event->changes, fr_status_change_new (region, alignment, FR_EU_UNCHANGED));
  g_ptr_array_add (model->events, event);
}

static FrModel *
build_model (void)
{
  FrModel *model = fr_model_new ();

  add_change (model, "ru", "1945-05-08", "war", "RU", FR_ALIGNMENT_RUSSIA);
  add_change (model, "fi-neutral", "1948-04-06", "treaty", "FI", FR_ALIGNMENT_NEUTRAL);
  add_change (model, "no-nato", "1949-04-04", "nato", "NO", FR_ALIGNMENT_NATO);
  add_change (model, "pl-nato", "1999-03-12", "nato", "PL", FR_ALIGNMENT_NATO);
  add_change (model, "crimea", "2014-03-18", "war", "UA-43", FR_ALIGNMENT_OCCUPIED);
  add_change (model, "fi-nato", "2023-04-04", "nato", "FI", FR_ALIGNMENT_NATO);
  return model;
}

static FrBasemap *
load_basemap (FrBasemapDetail detail)
{
  g_autoptr(GError) error = NULL;
  FrBasemap *basemap = fr_basemap_load_default (detail, &error);

  g_assert_no_error (error);
  return basemap;
}

/* The pixel at (x, y) as opaque colour channels 0..255. */
static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          int              rgb[3])
{
  const guint8 *data;
  guint32 value;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  memcpy (&value, data + (int) y * stride + (int) x * 4, 4);
  g_assert_cmpuint (value >> 24, ==, 0xff);
  rgb[0] = value >> 16 & 0xff;
  rgb[1] = value >> 8 & 0xff;
  rgb[2] = value & 0xff;
}

static void
assert_color (const int rgb[3],
              FrColor   expected)
{
  g_assert_cmpint (ABS (rgb[0] - (int) (expected.r * 255 + 0.5)), <=, 1);
  g_assert_cmpint (ABS (rgb[1] - (int) (expected.g * 255 + 0.5)), <=, 1);
  g_assert_cmpint (ABS (rgb[2] - (int) (expected.b * 255 + 0.5)), <=, 1);
}

static gboolean
same_color (const int rgb[3],
            FrColor   color)
{
  return ABS (rgb[0] - (int) (color.r * 255 + 0.5)) <= 1 &&
         ABS (rgb[1] - (int) (color.g * 255 + 0.5)) <= 1 &&
         ABS (rgb[2] - (int) (color.b * 255 + 0.5)) <= 1;
}

/* Largest difference of any channel between two same-sized images, and
 * how many pixels differ at all. */
static int
max_difference (cairo_surface_t *a,
                cairo_surface_t *b,
                int             *n_pixels)
{
  const guint8 *da, *db;
  int stride, worst = 0, count = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  stride = cairo_image_surface_get_stride (a);
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      {
        int pixel = 0;
        for (int c = 0; c < 4; c++)
          pixel = MAX (pixel, ABS ((int) da[y * stride + 4 * x + c] - (int) db[y * stride + 4 * x + c]));
        worst = MAX (worst, pixel);
        count += pixel > 0;
      }
  if (n_pixels != NULL)
    *n_pixels = count;
  return worst;
}

static int
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int count = 0;
  max_difference (a, b, &count);
  return count;
}

#define W 800
#define H 600

static void
render (cairo_surface_t  *surface,
        const FrMapScene *scene,
        const FrTheme    *theme)
{
  cairo_t *cr = cairo_create (surface);
  fr_map_render (cr, scene, W, H, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

static void
check_finland (FrBasemapDetail detail,
               FrThemeKind     kind)
{
  const FrTheme *theme = fr_theme_get (kind);
  g_autoptr(FrBasemap) basemap = load_basemap (detail);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (timeline, day ("2023-04-03"), NULL);
  g_autoptr(FrMapCache) cache = fr_map_cache_new ();
  cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  FrMapScene scene;
  double fx, fy, sx, sy;
  int rgb[3];

  fr_map_scene_init (&scene, basemap, state);
  scene.show_labels = FALSE;
  fr_map_project (&scene, W, H, 26.0, 62.5, &fx, &fy);
  fr_map_project (&scene, W, H, 34.0, 43.5, &sx, &sy);
  g_assert_cmpstr (fr_map_hit_test (&scene, W, H, fx, fy), ==, "FI");
  g_assert_null (fr_map_hit_test (&scene, W, H, sx, sy));
  {
    double lon, lat;
    g_assert_true (fr_map_unproject (&scene, W, H, fx, fy, &lon, &lat));
    g_assert_cmpfloat_with_epsilon (lon, 26.0, 1e-6);
    g_assert_cmpfloat_with_epsilon (lat, 62.5, 1e-6);
  }

  render (plain, &scene, theme);
  pixel_at (plain, fx, fy, rgb);
  assert_color (rgb, fr_theme_alignment_color (theme, FR_ALIGNMENT_NEUTRAL));
  pixel_at (plain, sx, sy, rgb);
  assert_color (rgb, theme->sea);

  /* The cached renderer draws the same picture, then patches it. */
  scene.cache = cache;
  render (cached, &scene, theme);
  pixel_at (cached, fx, fy, rgb);
  assert_color (rgb, fr_theme_alignment_color (theme, FR_ALIGNMENT_NEUTRAL));

  fr_timeline_state_update (state, day ("2023-04-04"), NULL);
  render (cached, &scene, theme);
  pixel_at (cached, fx, fy, rgb);
  assert_color (rgb, fr_theme_alignment_color (theme, FR_ALIGNMENT_NATO));
  pixel_at (cached, sx, sy, rgb);
  assert_color (rgb, theme->sea);

  /* A patched frame equals a frame drawn afresh, with or without a cache,
   * up to antialiasing rounding (at most a few levels, on a handful of
   * pixels where a clip edge or the cache's larger base layer cuts a
   * shape). */
  {
    g_autoptr(FrMapCache) fresh_cache = fr_map_cache_new ();
    cairo_surface_t *fresh = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);

    scene.cache = fresh_cache;
    render (fresh, &scene, theme);
    g_assert_cmpint (max_difference (fresh, cached, NULL), <=, 3);
    g_assert_cmpint (count_differences (fresh, cached), <, W * H / 1000);
    cairo_surface_destroy (fresh);

    /* Without a cache the legend, badge and scale bar are drawn straight
     * onto the map; a cache keeps them as images laid over it, which
     * rounds their translucent panels differently by a level or so. */
    scene.cache = NULL;
    render (plain, &scene, theme);
    g_assert_cmpint (max_difference (plain, cached, NULL), <=, 3);
    g_assert_cmpint (count_differences (plain, cached), <, W * H / 100);
  }

  /* And back: the patch undoes itself. */
  scene.cache = cache;
  fr_timeline_state_update (state, day ("2023-04-03"), NULL);
  render (cached, &scene, theme);
  pixel_at (cached, fx, fy, rgb);
  assert_color (rgb, fr_theme_alignment_color (theme, FR_ALIGNMENT_NEUTRAL));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (cached);
}

/* A target that keeps its frames is patched only where they differ, and
 * ends up exactly as a frame painted whole from the same cache, whatever
 * changed in between: the date, hover, selection, a gesture, an overlay,
 * and a target that fell too many frames behind. */
static void
test_retained_target (void)
{
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  g_autoptr(FrBasemap) basemap = load_basemap (FR_BASEMAP_DETAIL_50M);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (timeline, day ("2023-04-03"), NULL);
  g_autoptr(FrMapCache) cache = fr_map_cache_new ();
  cairo_surface_t *kept = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_surface_t *other = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  const guint32 marker = 0xff123456;
  FrMapScene scene;
  guint32 *corner;

  fr_map_scene_init (&scene, basemap, state);
  scene.cache = cache;

  for (guint step = 0; step < 10; step++)
    {
      cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);

      switch (step)
        {
        case 1:
          fr_timeline_state_update (state, day ("2023-04-04"), NULL);
          break;
        case 2:
          scene.hovered_region = "EE";
          break;
        case 3:
          scene.hovered_region = NULL;
          scene.selected_region = "FI";
          break;
        case 4:
          fr_timeline_state_update (state, day ("2014-03-19"), NULL);
          break;
        case 5:
          scene.interactive = TRUE;
          scene.center_x += 30 * scene.metres_per_unit;
          break;
        case 6:
          scene.interactive = FALSE;
          break;
        case 7:
          scene.show_legend = FALSE;
          break;
        case 8:
          /* The kept target falls behind by more than the cache remembers. */
          for (guint i = 0; i < 6; i++)
            {
              scene.hovered_region = i % 2 ? "PL" : "LT";
              render (other, &scene, theme);
            }
          break;
        case 9:
          scene.show_legend = TRUE;
          break;
        default:
          break;
        }
      scene.retained_target = TRUE;
      render (kept, &scene, theme);
      scene.retained_target = FALSE;
      render (whole, &scene, theme);
      g_assert_cmpint (max_difference (kept, whole, NULL), ==, 0);
      cairo_surface_destroy (whole);
    }

  /* Only what changed is painted: a mark far from Estonia survives a new
   * hover there, and is painted over when the target is not kept. */
  cairo_surface_flush (kept);
  corner = (guint32 *) (void *) (cairo_image_surface_get_data (kept) + 2 * cairo_image_surface_get_stride (kept));
  corner[2] = marker;
  cairo_surface_mark_dirty (kept);
  scene.hovered_region = "EE";
  scene.retained_target = TRUE;
  render (kept, &scene, theme);
  cairo_surface_flush (kept);
  g_assert_cmphex (corner[2], ==, marker);
  render (kept, &scene, theme);
  cairo_surface_flush (kept);
  g_assert_cmphex (corner[2], ==, marker);
  scene.retained_target = FALSE;
  render (kept, &scene, theme);
  cairo_surface_flush (kept);
  g_assert_cmphex (corner[2], !=, marker);

  cairo_surface_destroy (kept);
  cairo_surface_destroy (other);
}

static void
test_finland_50m (void)
{
  check_finland (FR_BASEMAP_DETAIL_50M, FR_THEME_LIGHT);
}

static void
test_finland_10m_dark (void)
{
  check_finland (FR_BASEMAP_DETAIL_10M, FR_THEME_DARK);
}

/* Crimea is occupied from 2014: its fill shows the occupied colour and its
 * hatch, and the legend lists it. */
static void
test_occupied_hatch (void)
{
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  g_autoptr(FrBasemap) basemap = load_basemap (FR_BASEMAP_DETAIL_50M);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimelineState) state = fr_timeline_state_at (model, day ("2015-01-01"), NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  FrColor occupied = fr_theme_alignment_color (theme, FR_ALIGNMENT_OCCUPIED);
  FrMapScene scene;
  double cx, cy;
  int fill = 0, other = 0;

  fr_map_scene_init (&scene, basemap, state);
  scene.show_labels = FALSE;
  scene.show_legend = FALSE;
  fr_map_project (&scene, W, H, 34.2, 45.3, &cx, &cy);
  render (surface, &scene, theme);
  for (int dy = -3; dy <= 3; dy++)
    for (int dx = -3; dx <= 3; dx++)
      {
        int rgb[3];
        pixel_at (surface, cx + dx, cy + dy, rgb);
        if (same_color (rgb, occupied))
          fill++;
        else
          other++;
      }
  /* Both the fill and the hatch lines show within a few pixels. */
  g_assert_cmpint (fill, >, 0);
  g_assert_cmpint (other, >, 0);
  cairo_surface_destroy (surface);
}

/* Odd views and sizes draw something sane and never fail. */
static void
test_odd_views (void)
{
  g_autoptr(FrBasemap) basemap = load_basemap (FR_BASEMAP_DETAIL_50M);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimelineState) state = fr_timeline_state_at (model, day ("2023-04-04"), NULL);
  g_autoptr(FrMapCache) cache = fr_map_cache_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  const double zooms[] = { 1e-9, 0.5, 20000.0, 1e12, NAN, -3 };
  FrMapScene scene;

  fr_map_scene_init (&scene, basemap, state);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      scene.metres_per_unit = zooms[i];
      scene.cache = i % 2 ? cache : NULL;
      render (surface, &scene, NULL);
    }
  scene.metres_per_unit = 0;
  scene.center_x = INFINITY;
  render (surface, &scene, NULL);
  {
    cairo_t *cr = cairo_create (surface);
    fr_map_render (cr, &scene, 0, 0, NULL);
    fr_map_render (cr, &scene, 3, 2, NULL);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
  }
  cairo_surface_destroy (surface);
}

typedef struct {
  FrMapScene *scene;
  const FrTheme *theme;
} Drawing;

static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  Drawing *drawing = user_data;
  fr_map_render (cr, drawing->scene, width, height, drawing->theme);
}

static gboolean
find_text (xmlNode    *node,
           const char *text)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) "text") == 0)
        {
          xmlChar *content = xmlNodeGetContent (node);
          gboolean match = content != NULL && g_strcmp0 ((const char *) content, text) == 0;
          xmlFree (content);
          if (match)
            return TRUE;
        }
      if (find_text (node->children, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_export (void)
{
  g_autoptr(FrBasemap) basemap = load_basemap (FR_BASEMAP_DETAIL_50M);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimelineState) state = fr_timeline_state_at (model, day ("2023-04-04"), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("frontier-map-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  cairo_surface_t *image;
  FrMapScene scene;
  Drawing drawing;
  xmlDoc *doc;

  g_assert_no_error (error);
  png = g_build_filename (dir, "map.png", NULL);
  svg = g_build_filename (dir, "map.svg", NULL);
  pdf = g_build_filename (dir, "map.pdf", NULL);
  fr_map_scene_init (&scene, basemap, state);
  drawing.scene = &scene;
  drawing.theme = fr_theme_get (FR_THEME_LIGHT);

  g_assert_true (fr_export_to_file (png, 640, 400, 1.0, draw_map, &drawing, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  cairo_surface_destroy (image);

  /* Twice the pixels at scale 2, same picture. */
  g_assert_true (fr_export_to_file (png, 320, 200, 2.0, draw_map, &drawing, &error));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  cairo_surface_destroy (image);

  g_assert_true (fr_export_to_file (svg, 640, 400, 1.0, draw_map, &drawing, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  doc = xmlReadMemory (contents, (int) length, "map.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  /* Labels are real text, not glyph outlines. */
  g_assert_true (find_text (xmlDocGetRootElement (doc), "Finland"));
  g_assert_true (find_text (xmlDocGetRootElement (doc), "Black Sea"));
  xmlFreeDoc (doc);
  g_clear_pointer (&contents, g_free);

  g_assert_true (fr_export_to_file (pdf, 640, 400, 1.0, draw_map, &drawing, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  {
    g_autofree char *gif = g_build_filename (dir, "map.gif", NULL);
    g_assert_false (fr_export_to_file (gif, 10, 10, 1, draw_map, &drawing, &error));
    g_assert_error (error, FR_ERROR, FR_ERROR_UNSUPPORTED);
    g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }
  g_assert_false (fr_export_format_for_path ("map.gif", NULL));
  g_assert_false (fr_export_to_bytes (FR_EXPORT_PNG, 0, 10, 1, draw_map, &drawing, &error) != NULL);
  g_assert_error (error, FR_ERROR, FR_ERROR_FAILED);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A marker's centre on a 900 × 140 strip: the middle of the heights at
 * which it is hit; -1 when it is nowhere. */
static double
marker_centre_y (const FrTimelineScene *scene,
                 const FrEvent         *event)
{
  double x = fr_timeline_x_for_day (scene, 900, event->day);
  double first = -1, last = -1;

  for (double y = 0; y < 140; y += 0.5)
    if (fr_timeline_hit_test (scene, 900, 140, x, y) == event)
      {
        if (first < 0)
          first = y;
        last = y;
      }
  return first < 0 ? -1 : (first + last) / 2;
}

static void
test_timeline_strip (void)
{
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  g_autoptr(FrModel) model = build_model ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 140);
  cairo_t *cr = cairo_create (surface);
  FrTimelineScene scene;
  const FrEvent *event;
  const FrEvent *fi = NULL;
  double x;
  int rgb[3];

  for (guint i = 0; i < model->events->len; i++)
    if (g_str_equal (((FrEvent *) g_ptr_array_index (model->events, i))->id, "fi-nato"))
      fi = g_ptr_array_index (model->events, i);
  g_assert_nonnull (fi);

  fr_timeline_scene_init (&scene, model);
  scene.current_day = day ("1990-10-03");
  scene.today = day ("2025-01-07");
  fr_timeline_render (cr, &scene, 900, 140, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Day ↔ x round trip, and 1945 and 2035 at the ends. */
  g_assert_cmpint (fr_timeline_day_at_x (&scene, 900, fr_timeline_x_for_day (&scene, 900, fi->day)), ==, fi->day);
  g_assert_cmpfloat_with_epsilon (fr_timeline_x_for_day (&scene, 900, day ("1945-01-01")), 10.0, 0.01);
  g_assert_cmpfloat_with_epsilon (fr_timeline_x_for_day (&scene, 900, day ("2035-01-01")), 890.0, 0.01);

  /* The scrubber is drawn in the accent colour at the current day. */
  x = fr_timeline_x_for_day (&scene, 900, scene.current_day);
  pixel_at (surface, x, 2, rgb);
  assert_color (rgb, theme->accent);

  /* The marker of Finland's accession is found where it is drawn, and
   * nothing is found in the empty top-left corner. */
  {
    double best_y = -1;
    for (double y = 0; y < 140; y += 1)
      if (fr_timeline_hit_test (&scene, 900, 140, fr_timeline_x_for_day (&scene, 900, fi->day), y) == fi)
        {
          best_y = y;
          break;
        }
    g_assert_cmpfloat (best_y, >=, 0);
  }
  event = fr_timeline_hit_test (&scene, 900, 140, 2, 139);
  g_assert_null (event);

  /* Norway's and Poland's markers share the NATO lane's colour, and the
   * lane between them stays empty: markers drawn as one path are separate
   * shapes, not joined by a line. */
  {
    const FrEvent *no = NULL, *pl = NULL;
    double no_y, pl_y;
    int no_rgb[3], pl_rgb[3], between[3];

    for (guint i = 0; i < model->events->len; i++)
      {
        FrEvent *e = g_ptr_array_index (model->events, i);
        if (g_str_equal (e->id, "no-nato"))
          no = e;
        else if (g_str_equal (e->id, "pl-nato"))
          pl = e;
      }
    g_assert_nonnull (no);
    g_assert_nonnull (pl);
    no_y = marker_centre_y (&scene, no);
    pl_y = marker_centre_y (&scene, pl);
    g_assert_cmpfloat (no_y, >, 0);
    g_assert_cmpfloat_with_epsilon (no_y, pl_y, 0.01);
    pixel_at (surface, fr_timeline_x_for_day (&scene, 900, no->day), no_y, no_rgb);
    pixel_at (surface, fr_timeline_x_for_day (&scene, 900, pl->day), pl_y, pl_rgb);
    pixel_at (surface, (fr_timeline_x_for_day (&scene, 900, no->day) + fr_timeline_x_for_day (&scene, 900, pl->day)) / 2 + 3,
              no_y, between);
    g_assert_cmpint (no_rgb[0], ==, pl_rgb[0]);
    g_assert_cmpint (no_rgb[1], ==, pl_rgb[1]);
    g_assert_cmpint (no_rgb[2], ==, pl_rgb[2]);
    g_assert_false (same_color (no_rgb, theme->background));
    assert_color (between, theme->background);
  }

  /* Zoomed to 2020–2026, the marker moves with the range. */
  scene.start_year = 2020;
  scene.end_year = 2026;
  g_assert_cmpfloat (fr_timeline_x_for_day (&scene, 900, fi->day), >, 400);
  g_assert_cmpfloat (fr_timeline_x_for_day (&scene, 900, fi->day), <, 500);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The strip keeps this many pixels under its lanes for the axis, its
 * years and the scrubber's badge (AXIS_HEIGHT in fr-timeline-render.c). */
#define TIMELINE_AXIS_HEIGHT 22

static cairo_surface_t *
render_strip (FrTimelineScene *scene)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 140);
  cairo_t *cr = cairo_create (surface);

  fr_timeline_render (cr, scene, 900, 140, fr_theme_get (FR_THEME_LIGHT));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels that differ between @a and @b in rows @y0 to @y1, columns @x0
 * to @x1. */
static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              x0,
                 int              x1,
                 int              y0,
                 int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = MAX (x0, 0); x < MIN (x1, 900); x++)
      {
        int pa[3], pb[3];

        pixel_at (a, x, y, pa);
        pixel_at (b, x, y, pb);
        n += pa[0] != pb[0] || pa[1] != pb[1] || pa[2] != pb[2];
      }
  return n;
}

/* Today's name sits under the axis by its line, not in the lanes among
 * the latest events; when the scrubber stands on today, its badge says
 * so instead. */
static void
test_timeline_today (void)
{
  g_autoptr(FrModel) model = build_model ();
  int axis = 140 - TIMELINE_AXIS_HEIGHT;
  FrTimelineScene scene;
  cairo_surface_t *with_today, *without_today, *on_today, *on_a_day;
  int x;

  fr_timeline_scene_init (&scene, model);
  scene.current_day = day ("1990-10-03");
  scene.today = day ("2025-01-07");
  x = (int) round (fr_timeline_x_for_day (&scene, 900, scene.today));
  with_today = render_strip (&scene);
  scene.today = 0;
  without_today = render_strip (&scene);
  /* In the lanes, today adds its line and nothing else… */
  g_assert_cmpuint (count_differing (with_today, without_today, 0, x - 1, 0, axis), ==, 0);
  g_assert_cmpuint (count_differing (with_today, without_today, x + 2, 900, 0, axis), ==, 0);
  g_assert_cmpuint (count_differing (with_today, without_today, x - 1, x + 2, 0, axis), >, 20);
  /* …and its name goes under the axis, just before the line. */
  g_assert_cmpuint (count_differing (with_today, without_today, x - 60, x - 2, axis, 140), >, 20);
  g_assert_cmpuint (count_differing (with_today, without_today, x + 2, 900, axis, 140), ==, 0);

  /* On today, the badge is longer ("Today, …") than on the same day
   * taken as any other. */
  scene.today = scene.current_day = day ("2025-01-07");
  on_today = render_strip (&scene);
  scene.today = 0;
  on_a_day = render_strip (&scene);
  g_assert_cmpuint (count_differing (on_today, on_a_day, 0, 900, 0, axis), ==,
                    count_differing (on_today, on_a_day, x - 1, x + 2, 0, axis));
  g_assert_cmpuint (count_differing (on_today, on_a_day, 0, 900, axis, 140), >, 100);

  /* Zoomed to years before it, today leaves no trace, not even at the
   * strip's end. */
  cairo_surface_destroy (with_today);
  cairo_surface_destroy (without_today);
  scene.current_day = day ("1990-10-03");
  scene.start_year = 1980;
  scene.end_year = 2024;
  scene.today = day ("2025-01-07");
  with_today = render_strip (&scene);
  scene.today = 0;
  without_today = render_strip (&scene);
  g_assert_cmpuint (count_differing (with_today, without_today, 0, 900, 0, 140), ==, 0);

  cairo_surface_destroy (with_today);
  cairo_surface_destroy (without_today);
  cairo_surface_destroy (on_today);
  cairo_surface_destroy (on_a_day);
}

/* Dark (text) pixels in columns @x0 to @x1 of the strip's top 14 rows. */
static guint
count_dark (cairo_surface_t *surface,
            int              x0,
            int              x1)
{
  guint n = 0;

  for (int y = 4; y < 18; y++)
    for (int x = x0; x < x1; x++)
      {
        int rgb[3];

        pixel_at (surface, x, y, rgb);
        n += rgb[0] + rgb[1] + rgb[2] < 250;
      }
  return n;
}

/* The projection after the ceasefire is named where its name fits, and
 * not cut down to "Projection: no…" where it does not. */
static void
test_timeline_projection_label (void)
{
  g_autoptr(FrModel) model = build_model ();
  FrTimelineScene scene;
  cairo_surface_t *surface;
  int x;

  model->ceasefire_day = day ("2030-01-01");
  fr_timeline_scene_init (&scene, model);
  scene.current_day = day ("1990-10-03");
  scene.today = 0;
  scene.option_id = NULL;

  /* 1945–2035: the hatched years are some 40 pixels wide. */
  x = (int) ceil (fr_timeline_x_for_day (&scene, 900, model->ceasefire_day));
  g_assert_cmpint (890 - x, <, 60);
  surface = render_strip (&scene);
  g_assert_cmpuint (count_dark (surface, x + 4, 890), ==, 0);
  cairo_surface_destroy (surface);

  /* 2020–2035: a third of the strip, room for the whole label. */
  scene.start_year = 2020;
  scene.end_year = 2035;
  x = (int) ceil (fr_timeline_x_for_day (&scene, 900, model->ceasefire_day));
  surface = render_strip (&scene);
  g_assert_cmpuint (count_dark (surface, x + 4, 890), >, 40);
  cairo_surface_destroy (surface);
}

/* --- frontier-cli status and map ---------------------------------------- */

static const char document_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<frontier xmlns=\"https://frontierdesk.github.io/ns/frontier/1\" version=\"1\">\n"
  "  <timeline>\n"
  "    <event id=\"ru\" date=\"1945-05-08\" category=\"war\"><title>End of the war</title>\n"
  "      <status region=\"RU\" alignment=\"russia\"/><status region=\"FI\" alignment=\"neutral\" eu=\"none\"/></event>\n"
  "    <event id=\"no\" date=\"1949-04-04\" category=\"nato\"><title>Norway</title><status region=\"NO\" alignment=\"nato\"/></event>\n"
  "    <event id=\"eu\" date=\"1995-01-01\" category=\"eu\"><title>EU</title><status region=\"FI\" eu=\"member\"/></event>\n"
  "    <event id=\"fi\" date=\"2023-04-04\" category=\"nato\"><title>Finland</title><status region=\"FI\" alignment=\"nato\"/></event>\n"
  "  </timeline>\n"
  "</frontier>\n";

static int
run_cli (const char *const *args,
         char              **out,
         char              **err)
{
  const char *cli = g_getenv ("FRONTIER_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
write_document (const char *dir)
{
  char *path = g_build_filename (dir, "small.frontier", NULL);
  g_assert_true (g_file_set_contents (path, document_text, -1, NULL));
  return path;
}

static void
test_cli_status (void)
{
  g_autofree char *dir = g_dir_make_tmp ("frontier-cli-XXXXXX", NULL);
  g_autofree char *doc = write_document (dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ((const char *[]) { "status", doc, "--date", "2023-04-03", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "FI\tneutral\tmember\nNO\tnato\tnone\nRU\trussia\tnone\nfrontier_km\t196\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "status", doc, "--date", "2023-04-04", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "FI\tnato\tmember\nNO\tnato\tnone\nRU\trussia\tnone\nfrontier_km\t1536\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: exit 2, nothing on stdout. */
  g_assert_cmpint (run_cli ((const char *[]) { "status", doc, "--date", "2023-02-29", NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "2023-02-29"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "status", NULL }, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Failures: exit 1, nothing on stdout. */
  g_assert_cmpint (run_cli ((const char *[]) { "status", doc, "--option", "nope", NULL }, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "nope"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_unlink (doc);
  g_rmdir (dir);
}

/* The bundled scenario: the facts of FACTS.md §2.2 and the official
 * frontier figures, 1,219.5 km before Finland and 2,559.5 km after. */
static void
test_cli_status_scenario (void)
{
  g_autofree char *scenario = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios",
                                                "ukraine-security-options.frontier", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli ((const char *[]) { "status", scenario, "--date", "2023-04-03", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\nFI\tneutral\t"));
  g_assert_nonnull (strstr (out, "\nSE\tneutral\t"));
  g_assert_true (g_str_has_suffix (out, "\nfrontier_km\t1219.5\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "status", scenario, "--date", "2023-04-04", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\nFI\tnato\t"));
  g_assert_nonnull (strstr (out, "\nSE\tneutral\t"));
  g_assert_true (g_str_has_suffix (out, "\nfrontier_km\t2559.5\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "status", scenario, "--date", "2024-03-07", NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\nSE\tnato\t"));
}

static void
test_cli_map (void)
{
  g_autofree char *dir = g_dir_make_tmp ("frontier-cli-XXXXXX", NULL);
  g_autofree char *doc = write_document (dir);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *gif = g_build_filename (dir, "map.gif", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (run_cli ((const char *[]) { "map", doc, "--date", "2023-04-04", "--output", png,
                                                "--size", "320x200", "--detail", "50m", NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 320);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 200);
  cairo_surface_destroy (image);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "map", doc, "--date", "2023-04-04", "--output", svg,
                                                "--theme", "dark", "--detail", "50m", NULL }, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ">Finland</text>"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli ((const char *[]) { "map", doc, "--output", gif, NULL }, &out, &err), ==, 2);
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "map", doc, "--date", "2023-04-04", NULL }, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "map", doc, "--output", png, "--size", "99", NULL }, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "map", doc, "--output", png, "--theme", "pink", NULL }, &out, &err), ==, 2);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (doc);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/map/finland-50m", test_finland_50m);
  g_test_add_func ("/render/map/finland-10m-dark", test_finland_10m_dark);
  g_test_add_func ("/render/map/occupied-hatch", test_occupied_hatch);
  g_test_add_func ("/render/map/retained-target", test_retained_target);
  g_test_add_func ("/render/map/export", test_export);
  g_test_add_func ("/render/map/odd-views", test_odd_views);
  g_test_add_func ("/render/timeline/strip", test_timeline_strip);
  g_test_add_func ("/render/timeline/today", test_timeline_today);
  g_test_add_func ("/render/timeline/projection-label", test_timeline_projection_label);
  g_test_add_func ("/cli/status", test_cli_status);
  g_test_add_func ("/cli/status/scenario", test_cli_status_scenario);
  g_test_add_func ("/cli/map", test_cli_map);
  return g_test_run ();
}
