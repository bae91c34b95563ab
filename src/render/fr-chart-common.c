/* fr-chart-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "fr-chart-common.h"
#include "fr-export.h"
#include "fr-format.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

#define MIN_EM 7.0

void
fr_chart_hit_clear (FrChartHit *hit)
{
  hit->kind = FR_CHART_HIT_NONE;
  hit->option = hit->criterion = hit->rank = hit->stakeholder = -1;
}

gboolean
fr_chart_rect_contains (const FrChartRect *rect,
                        double             x,
                        double             y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

gboolean
fr_chart_strings_equal (char * const *a,
                        char * const *b,
                        guint         n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

/* ---- shaped text, kept across draws --------------------------------- */

/* The Analysis page's six charts show some 300 labels. */
#define MAX_LAYOUTS 512
/* Targets (screen, slides, exports) a thread draws on in turn. */
#define MAX_TARGETS 4
/* Layouts not used by the last this many charts go first. */
#define KEEP_CHARTS 16

typedef struct {
  guint hash;
  int size;                   /* absolute, Pango units */
  int weight;
  int width;                  /* Pango units, −1 for no ellipsis */
  const char *family;
  const char *text;
} LayoutKey;

/* A label's glyphs rasterised into an alpha mask, for drawing it again
 * on an image at the same scale and the same fraction of a pixel. */
typedef struct {
  cairo_surface_t *mask;      /* A8, NULL while unused */
  double scale_x, scale_y;    /* device pixels per unit */
  double phase_x, phase_y;    /* the origin's fraction of a device pixel */
  int x, y;                   /* the mask's corner from the origin's whole pixel */
} TextMask;

/* Two places a label is drawn at in turn (a legend and an axis, say). */
#define MASKS_PER_LABEL 2
/* Larger text (a long title at a large size) is drawn as glyphs each time. */
#define MAX_MASK_PIXELS (512 * 512)

typedef struct {
  LayoutKey key;              /* family and text point into strings */
  PangoLayout *layout;
  PangoRectangle logical;     /* pixel extents */
  guint64 used;               /* chart serial of the last use */
  guint draws;                /* how often it was drawn on an image */
  guint next_mask;
  TextMask masks[MASKS_PER_LABEL];
  char strings[];
} Shaped;

/* The layouts shaped for one kind of target. Pango shapes for a context
 * that follows the target's font options and the linear part of the
 * transformation; a layout is only reused on a target where both match,
 * so it draws exactly as one made for that target would. */
struct _FrChartText {
  gatomicrefcount ref;
  PangoContext *context;
  cairo_font_options_t *options;
  cairo_matrix_t matrix;
  GHashTable *layouts;        /* Shaped → itself */
};

typedef struct {
  GPtrArray *targets;         /* FrChartText, most recently used first */
  guint64 serial;             /* one per chart initialised */
} TextCache;

static guint
layout_key_hash (gconstpointer key)
{
  return ((const LayoutKey *) key)->hash;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->hash == y->hash && x->size == y->size && x->weight == y->weight && x->width == y->width &&
         strcmp (x->text, y->text) == 0 && strcmp (x->family, y->family) == 0;
}

static void
shaped_free (gpointer data)
{
  Shaped *shaped = data;

  for (guint i = 0; i < MASKS_PER_LABEL; i++)
    g_clear_pointer (&shaped->masks[i].mask, cairo_surface_destroy);
  g_object_unref (shaped->layout);
  g_free (shaped);
}

static FrChartText *
chart_text_ref (FrChartText *text)
{
  g_atomic_ref_count_inc (&text->ref);
  return text;
}

static void
chart_text_unref (FrChartText *text)
{
  if (!g_atomic_ref_count_dec (&text->ref))
    return;
  g_hash_table_unref (text->layouts);
  cairo_font_options_destroy (text->options);
  g_object_unref (text->context);
  g_free (text);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_ptr_array_unref (cache->targets);
  g_free (cache);
}

/* Pango objects belong to one thread (as does pango-cairo's default font
 * map), so each thread has its own cache. */
static GPrivate text_cache_key = G_PRIVATE_INIT (text_cache_free);

static TextCache *
text_cache_get (gboolean create)
{
  TextCache *cache = g_private_get (&text_cache_key);

  if (cache == NULL && create)
    {
      cache = g_new0 (TextCache, 1);
      cache->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_text_unref);
      g_private_set (&text_cache_key, cache);
    }
  return cache;
}

/* The font options pango-cairo shapes with on @cr: the target's, with
 * those set on the context on top. */
static cairo_font_options_t *
target_font_options (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *own = cairo_font_options_create ();

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, own);
  cairo_font_options_merge (options, own);
  cairo_font_options_destroy (own);
  return options;
}

static FrChartText *
text_for_target (cairo_t *cr)
{
  TextCache *cache = text_cache_get (TRUE);
  cairo_font_options_t *options = target_font_options (cr);
  cairo_matrix_t matrix;
  FrChartText *text;

  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  for (guint i = 0; i < cache->targets->len; i++)
    {
      text = g_ptr_array_index (cache->targets, i);
      if (text->matrix.xx == matrix.xx && text->matrix.yx == matrix.yx && text->matrix.xy == matrix.xy &&
          text->matrix.yy == matrix.yy && cairo_font_options_equal (text->options, options))
        {
          cairo_font_options_destroy (options);
          if (i > 0)
            {
              /* Most recently used first. */
              g_ptr_array_steal_index (cache->targets, i);
              g_ptr_array_insert (cache->targets, 0, text);
            }
          return chart_text_ref (text);
        }
    }
  text = g_new0 (FrChartText, 1);
  g_atomic_ref_count_init (&text->ref);
  text->context = pango_cairo_create_context (cr);
  text->options = options;
  text->matrix = matrix;
  text->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, shaped_free, NULL);
  if (cache->targets->len >= MAX_TARGETS)
    g_ptr_array_remove_index (cache->targets, cache->targets->len - 1);
  g_ptr_array_insert (cache->targets, 0, text);
  return chart_text_ref (text);
}

static gboolean
shaped_is_stale (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  const Shaped *shaped = value;
  guint64 serial = *(const guint64 *) user_data;

  return shaped->used + KEEP_CHARTS < serial;
}

/* The shaped layout of @text in @style, made or found. The numbers along
 * an axis change with every weight change, the names rarely: when the
 * table is full, labels no recent chart used make room. */
static Shaped *
shape (FrChart          *chart,
       FrChartTextStyle  style,
       const char       *text,
       double            max_width)
{
  TextCache *cache = text_cache_get (TRUE);
  const PangoFontDescription *font = chart->fonts[style];
  GHashTable *layouts = chart->text->layouts;
  LayoutKey key;
  Shaped *shaped;
  gsize family_len, text_len;

  if (text == NULL)
    text = "";
  key.size = pango_font_description_get_size (font);
  key.weight = pango_font_description_get_weight (font);
  key.width = max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1;
  key.family = pango_font_description_get_family (font);
  key.text = text;
  if (key.family == NULL)
    key.family = "";
  key.hash = g_str_hash (text) ^ (guint) key.size * 31u ^ (guint) key.weight * 131u ^ (guint) key.width * 8191u ^
             g_str_hash (key.family) * 17u;

  shaped = g_hash_table_lookup (layouts, &key);
  if (shaped != NULL)
    {
      shaped->used = cache->serial;
      return shaped;
    }

  if (g_hash_table_size (layouts) >= MAX_LAYOUTS)
    {
      g_hash_table_foreach_remove (layouts, shaped_is_stale, &cache->serial);
      if (g_hash_table_size (layouts) >= MAX_LAYOUTS * 3 / 4)
        g_hash_table_remove_all (layouts);
    }

  family_len = strlen (key.family);
  text_len = strlen (text);
  shaped = g_malloc (sizeof (Shaped) + family_len + text_len + 2);
  memcpy (shaped->strings, key.family, family_len + 1);
  memcpy (shaped->strings + family_len + 1, text, text_len + 1);
  shaped->key = key;
  shaped->key.family = shaped->strings;
  shaped->key.text = shaped->strings + family_len + 1;
  shaped->used = cache->serial;
  shaped->draws = 0;
  shaped->next_mask = 0;
  memset (shaped->masks, 0, sizeof shaped->masks);
  shaped->layout = pango_layout_new (chart->text->context);
  pango_layout_set_font_description (shaped->layout, font);
  pango_layout_set_text (shaped->layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (shaped->layout, key.width);
      pango_layout_set_ellipsize (shaped->layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_extents (shaped->layout, NULL, &shaped->logical);
  g_hash_table_add (layouts, shaped);
  return shaped;
}

guint
fr_chart_text_cache_clear (void)
{
  TextCache *cache = text_cache_get (FALSE);
  guint n = fr_chart_text_cache_size ();

  if (cache != NULL)
    g_ptr_array_set_size (cache->targets, 0);
  return n;
}

guint
fr_chart_text_mask_count (void)
{
  TextCache *cache = text_cache_get (FALSE);
  guint n = 0;

  for (guint i = 0; cache != NULL && i < cache->targets->len; i++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, ((FrChartText *) g_ptr_array_index (cache->targets, i))->layouts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        for (guint m = 0; m < MASKS_PER_LABEL; m++)
          n += ((const Shaped *) key)->masks[m].mask != NULL;
    }
  return n;
}

guint
fr_chart_text_cache_size (void)
{
  TextCache *cache = text_cache_get (FALSE);
  guint n = 0;

  for (guint i = 0; cache != NULL && i < cache->targets->len; i++)
    n += g_hash_table_size (((FrChartText *) g_ptr_array_index (cache->targets, i))->layouts);
  return n;
}

static void
update_fonts (FrChart *chart)
{
  static const struct {
    double size;
    PangoWeight weight;
  } styles[FR_CHART_N_TEXT_STYLES] = {
    [FR_CHART_TEXT_TITLE] = { 1.35, PANGO_WEIGHT_BOLD },
    [FR_CHART_TEXT_BODY] = { 1.0, PANGO_WEIGHT_NORMAL },
    [FR_CHART_TEXT_BOLD] = { 1.0, PANGO_WEIGHT_BOLD },
    [FR_CHART_TEXT_SMALL] = { 0.85, PANGO_WEIGHT_NORMAL },
  };

  for (guint i = 0; i < FR_CHART_N_TEXT_STYLES; i++)
    {
      double em = i == FR_CHART_TEXT_TITLE ? chart->title_em : chart->em;

      if (chart->fonts[i] == NULL)
        chart->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (chart->fonts[i], chart->theme->font_family);
      pango_font_description_set_absolute_size (chart->fonts[i], styles[i].size * em * PANGO_SCALE);
      pango_font_description_set_weight (chart->fonts[i], styles[i].weight);
    }
}

void
fr_chart_init (FrChart       *chart,
               cairo_t       *cr,
               double         width,
               double         height,
               const FrTheme *theme)
{
  double factor;

  memset (chart, 0, sizeof *chart);
  if (theme == NULL)
    theme = fr_theme_get (FR_THEME_LIGHT);
  if (cr == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (surface);
      cairo_surface_destroy (surface);
      chart->owns_cr = TRUE;
    }
  chart->cr = cr;
  chart->theme = theme;
  chart->width = MAX (width, 1.0);
  chart->height = MAX (height, 1.0);
  chart->text = text_for_target (cr);
  text_cache_get (TRUE)->serial++;
  /* Text grows a little with the picture (an exported 1920 × 1080 chart
   * is read from further away) but stays legible on a small one. */
  factor = CLAMP (MIN (chart->width / 720.0, chart->height / 480.0), 0.85, 1.6);
  chart->em = MAX (12.0 * theme->font_scale * factor, MIN_EM);
  chart->title_em = chart->em;
  update_fonts (chart);
}

void
fr_chart_clear (FrChart *chart)
{
  for (guint i = 0; i < FR_CHART_N_TEXT_STYLES; i++)
    g_clear_pointer (&chart->fonts[i], pango_font_description_free);
  g_clear_pointer (&chart->text, chart_text_unref);
  if (chart->owns_cr)
    cairo_destroy (chart->cr);
  chart->cr = NULL;
}

void
fr_chart_set_em (FrChart *chart,
                 double   em)
{
  em = MAX (em, MIN_EM);
  if (fabs (em - chart->em) < 0.01)
    return;
  chart->em = em;
  update_fonts (chart);
}

void
fr_chart_fit_rows (FrChart *chart,
                   double   row_height)
{
  double needed = fr_chart_line_height (chart, FR_CHART_TEXT_BODY) * 1.15;

  if (row_height < needed)
    fr_chart_set_em (chart, chart->em * row_height / needed);
}

void
fr_chart_text_size (FrChart          *chart,
                    FrChartTextStyle  style,
                    const char       *text,
                    double            max_width,
                    double           *width,
                    double           *height)
{
  const Shaped *shaped = shape (chart, style, text, max_width);

  if (width != NULL)
    *width = shaped->logical.width;
  if (height != NULL)
    *height = shaped->logical.height;
}

double
fr_chart_line_height (FrChart          *chart,
                      FrChartTextStyle  style)
{
  double height;

  fr_chart_text_size (chart, style, "Ag", -1, NULL, &height);
  return height;
}

/* Rasterises @shaped's glyphs as they would land with the layout's origin
 * at a device point whose fraction is @phase_x, @phase_y: image surfaces
 * round each glyph to a whole device pixel, so the mask drawn at the
 * point's whole pixel gives the same pixels as the glyphs themselves. */
static gboolean
text_mask_make (TextMask       *mask,
                const Shaped   *shaped,
                cairo_t        *cr,
                const cairo_matrix_t *matrix,
                double          phase_x,
                double          phase_y)
{
  cairo_font_options_t *options;
  cairo_matrix_t placed;
  PangoRectangle ink;
  cairo_t *mask_cr;
  double x0, y0, x1, y1;
  int width, height;

  pango_layout_get_extents (shaped->layout, &ink, NULL);
  x0 = phase_x + matrix->xx * ink.x / PANGO_SCALE;
  y0 = phase_y + matrix->yy * ink.y / PANGO_SCALE;
  x1 = phase_x + matrix->xx * (ink.x + ink.width) / PANGO_SCALE;
  y1 = phase_y + matrix->yy * (ink.y + ink.height) / PANGO_SCALE;
  /* A pixel of room each side for antialiasing. */
  mask->x = (int) floor (x0) - 1;
  mask->y = (int) floor (y0) - 1;
  width = (int) ceil (x1) + 1 - mask->x;
  height = (int) ceil (y1) + 1 - mask->y;
  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_MASK_PIXELS)
    return FALSE;

  mask->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  mask_cr = cairo_create (mask->mask);
  options = cairo_font_options_create ();
  cairo_get_font_options (cr, options);
  cairo_set_font_options (mask_cr, options);
  cairo_font_options_destroy (options);
  cairo_matrix_init (&placed, matrix->xx, 0, 0, matrix->yy, phase_x - mask->x, phase_y - mask->y);
  cairo_set_matrix (mask_cr, &placed);
  cairo_move_to (mask_cr, 0, 0);
  pango_cairo_show_layout (mask_cr, shaped->layout);
  cairo_destroy (mask_cr);
  if (cairo_surface_status (mask->mask) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&mask->mask, cairo_surface_destroy);
      return FALSE;
    }
  mask->scale_x = matrix->xx;
  mask->scale_y = matrix->yy;
  mask->phase_x = phase_x;
  mask->phase_y = phase_y;
  return TRUE;
}

/* Draws @shaped at the current point from a mask of its glyphs where the
 * target is an image (the screen's charts and PNG exports; vector exports
 * keep their text as text). Pango lays out and cairo rasterises and
 * composites every glyph on each draw; most labels are drawn again in the
 * same place on every tick of a weight drag, and one composite of a mask
 * costs a fraction of that. A label is only rasterised on its second
 * draw: numbers that change with every weight are drawn once. */
static gboolean
show_from_mask (cairo_t *cr,
                Shaped  *shaped)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double scale_x = 1, scale_y = 1, offset_x = 0, offset_y = 0, x, y, whole_x, whole_y;
  const TextMask *found = NULL;
  cairo_matrix_t matrix;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER || !cairo_has_current_point (cr))
    return FALSE;
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  cairo_get_matrix (cr, &matrix);
  if (scale_x != 1 || scale_y != 1 || offset_x != 0 || offset_y != 0 ||
      matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.yy <= 0)
    return FALSE;

  cairo_get_current_point (cr, &x, &y);
  cairo_user_to_device (cr, &x, &y);
  whole_x = floor (x);
  whole_y = floor (y);
  for (guint i = 0; i < MASKS_PER_LABEL && found == NULL; i++)
    {
      const TextMask *mask = &shaped->masks[i];

      if (mask->mask != NULL && mask->scale_x == matrix.xx && mask->scale_y == matrix.yy &&
          mask->phase_x == x - whole_x && mask->phase_y == y - whole_y)
        found = mask;
    }
  if (found == NULL)
    {
      TextMask *mask = &shaped->masks[shaped->next_mask];

      if (shaped->draws++ == 0)
        return FALSE;
      g_clear_pointer (&mask->mask, cairo_surface_destroy);
      if (!text_mask_make (mask, shaped, cr, &matrix, x - whole_x, y - whole_y))
        return FALSE;
      shaped->next_mask = (shaped->next_mask + 1) % MASKS_PER_LABEL;
      found = mask;
    }

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_mask_surface (cr, found->mask, whole_x + found->x, whole_y + found->y);
  cairo_restore (cr);
  return TRUE;
}

void
fr_chart_draw_text (FrChart          *chart,
                    FrChartTextStyle  style,
                    const char       *text,
                    double            x,
                    double            y,
                    double            xalign,
                    double            yalign,
                    double            max_width,
                    FrColor           color)
{
  Shaped *shaped;

  if (text == NULL || text[0] == '\0')
    return;
  shaped = shape (chart, style, text, max_width);
  fr_color_set_source (chart->cr, color);
  cairo_move_to (chart->cr, x - shaped->logical.x - shaped->logical.width * xalign,
                 y - shaped->logical.y - shaped->logical.height * yalign);
  if (!show_from_mask (chart->cr, shaped))
    fr_export_show_layout (chart->cr, shaped->layout);
  cairo_new_path (chart->cr);
}

void
fr_chart_draw_message (FrChart    *chart,
                       const char *text)
{
  fr_chart_draw_text (chart, FR_CHART_TEXT_BODY, text, chart->width / 2, chart->height / 2, 0.5, 0.5,
                      chart->width * 0.9, chart->theme->muted);
}

char *
fr_chart_join (GPtrArray  *items,
               const char *separator)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, g_ptr_array_index (items, i));
    }
  return g_string_free (text, FALSE);
}

double
fr_chart_margin (FrChart *chart)
{
  return round (chart->em * 0.9);
}

double
fr_chart_title_height (FrChart    *chart,
                       const char *title,
                       const char *subtitle)
{
  double margin = fr_chart_margin (chart);
  double height = margin;
  double h;

  if (title != NULL && title[0] != '\0')
    {
      fr_chart_text_size (chart, FR_CHART_TEXT_TITLE, title, chart->width - 2 * margin, NULL, &h);
      height += h;
    }
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, subtitle, chart->width - 2 * margin, NULL, &h);
      height += h;
    }
  return height + margin * 0.6;
}

void
fr_chart_draw_title (FrChart    *chart,
                     const char *title,
                     const char *subtitle)
{
  double margin = fr_chart_margin (chart);
  double y = margin;
  double h = 0;

  if (title != NULL && title[0] != '\0')
    {
      fr_chart_draw_text (chart, FR_CHART_TEXT_TITLE, title, margin, y, 0, 0,
                          chart->width - 2 * margin, chart->theme->foreground);
      fr_chart_text_size (chart, FR_CHART_TEXT_TITLE, title, chart->width - 2 * margin, NULL, &h);
      y += h;
    }
  if (subtitle != NULL && subtitle[0] != '\0')
    fr_chart_draw_text (chart, FR_CHART_TEXT_SMALL, subtitle, margin, y, 0, 0,
                        chart->width - 2 * margin, chart->theme->muted);
}

void
fr_chart_draw_background (FrChart *chart)
{
  fr_color_set_source (chart->cr, chart->theme->background);
  cairo_rectangle (chart->cr, 0, 0, chart->width, chart->height);
  cairo_fill (chart->cr);
}

guint
fr_chart_nice_ticks (double *low,
                     double *high,
                     guint   max_ticks,
                     double *ticks,
                     double *step_out)
{
  double span, raw, magnitude, step = 1, start, end;
  static const double factors[] = { 1, 2, 2.5, 5, 10 };
  guint n = 0;

  max_ticks = CLAMP (max_ticks, 2, 32);
  if (!isfinite (*low) || !isfinite (*high))
    *low = 0, *high = 1;
  if (*high < *low)
    {
      double t = *low;
      *low = *high;
      *high = t;
    }
  if (*high - *low < 1e-12)
    {
      double pad = fabs (*low) > 1e-12 ? fabs (*low) * 0.1 : 1.0;
      *low -= pad;
      *high += pad;
    }
  span = *high - *low;
  raw = span / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      step = factors[i] * magnitude;
      if (ceil (*high / step - 1e-9) - floor (*low / step + 1e-9) + 1 <= max_ticks)
        break;
    }
  start = floor (*low / step + 1e-9) * step;
  end = ceil (*high / step - 1e-9) * step;
  for (double v = start; v <= end + step * 1e-6 && n < 32; v = start + n * step)
    ticks[n++] = fabs (v) < step * 1e-9 ? 0.0 : v;
  *low = start;
  *high = end;
  if (step_out != NULL)
    *step_out = step;
  return n;
}

char *
fr_chart_format_tick (double           value,
                      double           step,
                      FrChartValueKind kind)
{
  int decimals;

  if (fabs (value) < fabs (step) * 1e-9)
    value = 0.0;
  if (kind == FR_CHART_VALUE_SHARE)
    return fr_format_weight (value);
  decimals = step > 0 ? (int) ceil (-log10 (step) - 1e-9) : 2;
  /* 2.5 × 10^k steps need one decimal more than their magnitude. */
  if (step > 0 && fabs (step / pow (10, -decimals) - round (step / pow (10, -decimals))) > 1e-6)
    decimals++;
  return fr_format_score (value, CLAMP (decimals, 0, 6));
}

char *
fr_chart_format_count (guint64 count)
{
  const struct lconv *conventions = localeconv ();
  const char *separator = conventions->thousands_sep;
  char digits[32];
  GString *grouped = g_string_new (NULL);
  gsize n;

  if (separator == NULL || separator[0] == '\0')
    separator = ",";
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (grouped, separator);
      g_string_append_c (grouped, digits[i]);
    }
  return g_string_free (grouped, FALSE);
}

void
fr_chart_draw_x_axis (FrChart          *chart,
                      double            x0,
                      double            x1,
                      double            y_top,
                      double            y_axis,
                      double            low,
                      double            high,
                      const double     *ticks,
                      guint             n_ticks,
                      double            step,
                      FrChartValueKind  kind)
{
  cairo_t *cr = chart->cr;
  double gap = chart->em * 0.3;
  double last_right = -G_MAXDOUBLE;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  fr_color_set_source (cr, chart->theme->grid);
  for (guint i = 0; i < n_ticks; i++)
    {
      double x = x0 + (ticks[i] - low) / (high - low) * (x1 - x0);
      x = round (x) + 0.5;
      cairo_move_to (cr, x, y_top);
      cairo_line_to (cr, x, y_axis);
    }
  cairo_stroke (cr);
  fr_color_set_source (cr, chart->theme->muted);
  cairo_move_to (cr, x0, round (y_axis) + 0.5);
  cairo_line_to (cr, x1, round (y_axis) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < n_ticks; i++)
    {
      double x = x0 + (ticks[i] - low) / (high - low) * (x1 - x0);
      g_autofree char *label = fr_chart_format_tick (ticks[i], step, kind);
      double w;

      double left;

      fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, label, -1, &w, NULL);
      /* The outer labels stay over the plot, so two plots side by side
       * never share a label's room. */
      left = CLAMP (x - w / 2, x0, MAX (x0, x1 - w));
      /* Skip a label that would run into the previous one. */
      if (left < last_right + gap)
        continue;
      fr_chart_draw_text (chart, FR_CHART_TEXT_SMALL, label, left, y_axis + gap, 0, 0, -1,
                          chart->theme->muted);
      last_right = left + w;
    }
}

double
fr_chart_legend_layout (FrChart                 *chart,
                        const FrChartLegendItem *items,
                        guint                    n_items,
                        double                   x,
                        double                   y,
                        double                   max_width,
                        FrChartRect             *rects)
{
  double line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double swatch = line * 0.8, gap = chart->em * 0.35, spacing = chart->em * 1.1;
  double row_height = line * 1.25;
  guint row_start = 0;
  double row_width = 0, top = y;

  if (n_items == 0)
    return 0;
  for (guint i = 0; i <= n_items; i++)
    {
      double w = 0;

      if (i < n_items)
        {
          fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, items[i].label, max_width - swatch - gap, &w, NULL);
          w += swatch + gap;
        }
      if (i == n_items || (i > row_start && row_width + spacing + w > max_width))
        {
          /* Close the row, centred. */
          double cx = x + (max_width - row_width) / 2;
          for (guint j = row_start; j < i; j++)
            {
              rects[j].x = cx;
              rects[j].y = y;
              cx += rects[j].width + spacing;
            }
          if (i == n_items)
            break;
          y += row_height;
          row_start = i;
          row_width = 0;
        }
      rects[i].width = w;
      rects[i].height = row_height;
      row_width += (i > row_start ? spacing : 0) + w;
    }
  return y + row_height - top;
}

void
fr_chart_draw_swatch (FrChart       *chart,
                      FrChartSwatch  swatch,
                      FrColor        color,
                      double         x,
                      double         y,
                      double         size)
{
  cairo_t *cr = chart->cr;

  cairo_save (cr);
  fr_color_set_source (cr, color);
  switch (swatch)
    {
    case FR_CHART_SWATCH_LINE:
    case FR_CHART_SWATCH_DASHED_LINE:
      cairo_set_line_width (cr, MAX (1.5, size / 6));
      if (swatch == FR_CHART_SWATCH_DASHED_LINE)
        {
          double dash = MAX (2.0, size / 4);
          cairo_set_dash (cr, &dash, 1, 0);
        }
      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + size, y + size / 2);
      cairo_stroke (cr);
      break;
    case FR_CHART_SWATCH_DOT:
      cairo_arc (cr, x + size / 2, y + size / 2, size * 0.32, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case FR_CHART_SWATCH_RING:
      cairo_set_line_width (cr, MAX (1.5, size / 8));
      cairo_arc (cr, x + size / 2, y + size / 2, size * 0.4, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case FR_CHART_SWATCH_BOX:
    default:
      cairo_rectangle (cr, x, y, size, size);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

void
fr_chart_draw_legend (FrChart                 *chart,
                      const FrChartLegendItem *items,
                      guint                    n_items,
                      const FrChartRect       *rects)
{
  double line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double swatch = line * 0.8, gap = chart->em * 0.35;

  for (guint i = 0; i < n_items; i++)
    {
      double cy = rects[i].y + rects[i].height / 2;

      fr_chart_draw_swatch (chart, items[i].swatch, items[i].color, rects[i].x, cy - swatch / 2, swatch);
      fr_chart_draw_text (chart, FR_CHART_TEXT_SMALL, items[i].label, rects[i].x + swatch + gap, cy, 0, 0.5,
                          rects[i].width - swatch - gap + 1, chart->theme->foreground);
    }
}

gboolean
fr_chart_theme_is_dark (const FrTheme *theme)
{
  return theme != NULL && fr_chart_luminance (theme->background) < 0.4;
}

FrColor
fr_chart_criterion_color (const FrTheme *theme,
                          guint          index)
{
  static const FrColor palette[] = {
    RGB (0x77aadd), RGB (0xee8866), RGB (0xeedd88), RGB (0xffaabb),
    RGB (0x99ddff), RGB (0x44bb99), RGB (0xbbcc33), RGB (0xaaaa00),
    RGB (0xc2a5cf), RGB (0xdddddd), RGB (0xd9b38c), RGB (0x88ccaa),
  };
  FrColor color = palette[index % G_N_ELEMENTS (palette)];

  /* Pale tones glare on a dark background: darken them there. */
  if (fr_chart_theme_is_dark (theme))
    color = fr_chart_mix (color, (FrColor) { 0, 0, 0, 1 }, 0.3);
  return color;
}

FrColor
fr_chart_mix (FrColor a,
              FrColor b,
              double  t)
{
  FrColor c;

  t = CLAMP (t, 0.0, 1.0);
  c.r = a.r + (b.r - a.r) * t;
  c.g = a.g + (b.g - a.g) * t;
  c.b = a.b + (b.b - a.b) * t;
  c.a = a.a + (b.a - a.a) * t;
  return c;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
fr_chart_luminance (FrColor color)
{
  return 0.2126 * linear_channel (color.r) + 0.7152 * linear_channel (color.g) +
         0.0722 * linear_channel (color.b);
}

static double
contrast (FrColor a,
          FrColor b)
{
  double la = fr_chart_luminance (a), lb = fr_chart_luminance (b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

FrColor
fr_chart_legible (const FrTheme *theme,
                  FrColor        color)
{
  FrColor result = color;

  if (theme == NULL)
    return color;
  for (double t = 0.15; contrast (result, theme->background) < 3.0 && t <= 1.0; t += 0.15)
    result = fr_chart_mix (color, theme->foreground, t);
  return result;
}

FrColor
fr_chart_text_on (FrColor background)
{
  /* The WCAG contrast against black and against white, whichever wins. */
  double l = fr_chart_luminance (background);
  if ((l + 0.05) / 0.05 >= 1.05 / (l + 0.05))
    return (FrColor) { 0, 0, 0, 1 };
  return (FrColor) { 1, 1, 1, 1 };
}

FrColor
fr_chart_heat_color (const FrTheme *theme,
                     double         t)
{
  /* ColorBrewer "Blues" ends: light themes run from near white to a deep
   * blue, dark themes from near black to a pale blue. */
  static const FrColor light_low = RGB (0xf7fbff), light_high = RGB (0x08306b);
  static const FrColor dark_low = RGB (0x1a1d24), dark_high = RGB (0xc6dbef);

  if (!isfinite (t))
    t = 0;
  if (theme != NULL && theme->kind == FR_THEME_HIGH_CONTRAST)
    return fr_chart_mix ((FrColor) { 1, 1, 1, 1 }, (FrColor) { 0, 0, 0.35, 1 }, t);
  if (fr_chart_theme_is_dark (theme))
    return fr_chart_mix (dark_low, dark_high, t);
  return fr_chart_mix (light_low, light_high, t);
}
