/* fr-slide.c — one saved view drawn as a slide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-analysis.h"
#include "fr-chart-common.h"
#include "fr-chart-data.h"
#include "fr-date.h"
#include "fr-document.h"
#include "fr-export.h"
#include "fr-format.h"
#include "fr-frontier.h"
#include "fr-kml.h"
#include "fr-map-render.h"
#include "fr-slide.h"
#include "fr-hash-private.h"
#include "fr-smaa.h"
#include "fr-timeline-render.h"
#include "fr-timeline.h"

/* A slide is laid out in a picture this many units high (and as wide as
 * its aspect asks) and scaled to the size asked for, so that it looks the
 * same on a projector, in a 640 × 360 thumbnail, on an A4 page and at a
 * printer's resolution; the charts and the map size their text in units,
 * not as a share of the picture. */
#define REFERENCE_HEIGHT 720.0

/* Sensitivity slides swing each weight by half of itself, as the
 * analysis page does. */
#define SENSITIVITY_CHANGE 0.5

struct _FrSlideContext {
  const FrModel *model;
  const FrBasemap *basemap;      /* borrowed */
  FrBasemap *own_basemap;        /* loaded on the first map slide */
  GError *basemap_error;
  gboolean basemap_tried;
  FrMapCache *map_cache;
  /* Parsed inline KML of the model's layers, keyed by the KML text. */
  GHashTable *layers;
  /* What map slides share until the model's timeline, projections or
   * layers change: the map cache keys its base layer on the timeline and
   * the layer array, so both must stay the same objects between frames. */
  FrTimeline *timeline;
  guint64 timeline_key;          /* fingerprint of what it indexed */
  GPtrArray *visible_layers;     /* FrKmlDocument*, borrowed from layers */
  guint64 layers_key;
  gboolean layers_ready;
  /* The last SMAA run and a hash of everything it was computed from, so
   * that redrawing an unchanged uncertainty slide does not sample again. */
  FrSmaa *smaa;
  guint64 smaa_key;
  guint page;
  guint n_pages;
};

typedef enum {
  KIND_RANKING,
  KIND_PROFILE,
  KIND_SENSITIVITY,
  KIND_SMAA,
  KIND_STAKEHOLDERS,
  KIND_SCATTER,
  KIND_MAP,
  KIND_TIMELINE,
  KIND_UNKNOWN,
} SlideKind;

static guint64
hash_changes (guint64          h,
              const GPtrArray *changes)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const FrStatusChange *change = g_ptr_array_index (changes, i);
      h = fr_hash_string (h, change->region);
      h = FR_HASH_VALUE (h, change->alignment);
      h = FR_HASH_VALUE (h, change->eu);
    }
  return h;
}

/* Everything an FrTimeline indexes, by content, so that a cached timeline
 * is dropped as soon as an event, a projection or an option changes
 * (even when the edit reuses freed memory). A few microseconds. */
static guint64
timeline_key (const FrModel *model)
{
  guint64 h = FR_HASH_INIT;

  h = FR_HASH_VALUE (h, model);
  h = FR_HASH_VALUE (h, model->ceasefire_day);
  for (guint i = 0; i < model->events->len; i++)
    {
      const FrEvent *event = g_ptr_array_index (model->events, i);
      h = FR_HASH_VALUE (h, event);
      h = FR_HASH_VALUE (h, event->day);
      h = hash_changes (h, event->changes);
    }
  for (guint i = 0; i < model->projections->len; i++)
    {
      const FrProjection *projection = g_ptr_array_index (model->projections, i);
      h = FR_HASH_VALUE (h, projection);
      h = fr_hash_string (h, projection->option_id);
      h = FR_HASH_VALUE (h, projection->day);
      h = hash_changes (h, projection->changes);
      for (guint z = 0; projection->zones != NULL && z < projection->zones->len; z++)
        {
          const FrZone *zone = g_ptr_array_index (projection->zones, z);
          h = FR_HASH_VALUE (h, zone);
          h = fr_hash_string (h, zone->id);
          h = fr_hash_string (h, zone->kind);
          if (zone->points != NULL)
            h = fr_hash_bytes (h, zone->points->data, zone->points->len * sizeof (FrLonLat));
        }
    }
  for (guint i = 0; i < model->options->len; i++)
    {
      const FrOption *option = g_ptr_array_index (model->options, i);
      h = FR_HASH_VALUE (h, option->id);
      h = fr_hash_string (h, option->id);
    }
  return h;
}

static guint64
layers_key (const FrModel *model)
{
  guint64 h = FR_HASH_INIT;

  for (guint i = 0; i < model->layers->len; i++)
    {
      const FrLayer *layer = g_ptr_array_index (model->layers, i);
      gsize length = layer->kml != NULL ? strlen (layer->kml) : 0;

      h = FR_HASH_VALUE (h, layer);
      h = FR_HASH_VALUE (h, layer->visible);
      h = FR_HASH_VALUE (h, layer->kml);
      h = FR_HASH_VALUE (h, length);
    }
  return h;
}

static SlideKind
slide_kind (const FrView *view)
{
  static const char *names[] = {
    [KIND_RANKING] = "ranking",
    [KIND_PROFILE] = "profile",
    [KIND_SENSITIVITY] = "sensitivity",
    [KIND_SMAA] = "smaa",
    [KIND_STAKEHOLDERS] = "stakeholders",
    [KIND_SCATTER] = "scatter",
    [KIND_MAP] = "map",
    [KIND_TIMELINE] = "timeline",
  };

  /* A view without a chart is the ranking, the picture every view shows
   * first. */
  if (view->chart == NULL || view->chart[0] == '\0')
    return KIND_RANKING;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (view->chart, names[i]))
      return (SlideKind) i;
  return KIND_UNKNOWN;
}

FrSlideContext *
fr_slide_context_new (const FrModel   *model,
                      const FrBasemap *basemap)
{
  FrSlideContext *context = g_new0 (FrSlideContext, 1);

  context->model = model;
  context->basemap = basemap;
  context->map_cache = fr_map_cache_new ();
  context->layers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) fr_kml_document_free);
  return context;
}

void
fr_slide_context_free (FrSlideContext *context)
{
  if (context == NULL)
    return;
  fr_map_cache_free (context->map_cache);
  g_clear_pointer (&context->timeline, fr_timeline_unref);
  g_clear_pointer (&context->visible_layers, g_ptr_array_unref);
  g_clear_pointer (&context->smaa, fr_smaa_free);
  g_clear_pointer (&context->own_basemap, fr_basemap_free);
  g_clear_error (&context->basemap_error);
  g_hash_table_unref (context->layers);
  g_free (context);
}

void
fr_slide_context_set_model (FrSlideContext *context,
                            const FrModel  *model)
{
  g_return_if_fail (context != NULL);
  /* Invalidate even for the same pointer: a new model may have been
   * allocated where the old one was, and the timeline kept refers to the
   * old one's events. */
  context->model = model;
  fr_slide_context_invalidate (context);
}

void
fr_slide_context_invalidate (FrSlideContext *context)
{
  g_return_if_fail (context != NULL);
  g_clear_pointer (&context->timeline, fr_timeline_unref);
  g_clear_pointer (&context->visible_layers, g_ptr_array_unref);
  context->layers_ready = FALSE;
  g_hash_table_remove_all (context->layers);
}

const FrModel *
fr_slide_context_get_model (const FrSlideContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);
  return context->model;
}

void
fr_slide_context_set_page (FrSlideContext *context,
                           guint           page,
                           guint           n_pages)
{
  g_return_if_fail (context != NULL);
  context->page = page;
  context->n_pages = n_pages;
}

const FrBasemap *
fr_slide_context_get_basemap (const FrSlideContext *context,
                              GError              **error)
{
  /* The basemap is a cache: loading it lazily does not change what the
   * context means, so it may happen through a const pointer. */
  FrSlideContext *self = (FrSlideContext *) context;

  g_return_val_if_fail (context != NULL, NULL);

  if (self->basemap != NULL)
    return self->basemap;
  if (!self->basemap_tried)
    {
      self->basemap_tried = TRUE;
      self->own_basemap = fr_basemap_load_default (FR_BASEMAP_DETAIL_10M, &self->basemap_error);
    }
  if (self->own_basemap == NULL && error != NULL && self->basemap_error != NULL)
    *error = g_error_copy (self->basemap_error);
  return self->own_basemap;
}

/* The analysis of a view. A view with weights of its own is ranked on a
 * shallow copy of the model: new arrays that borrow the caller's criteria,
 * options, sources and stakeholders, with the view's stakeholder replaced
 * by one holding the view's weights. Nothing of the caller's is written,
 * and no score or text is copied, so this costs microseconds. */
typedef struct {
  FrDocument *document;
  FrAnalysis *analysis;
  FrStakeholder *own_stakeholder;   /* the view's weights, or NULL */
  const FrModel *model;             /* the model the analysis reads */
} ViewAnalysis;

static GPtrArray *
borrow_array (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  return copy;
}

static void
view_analysis_init (ViewAnalysis  *va,
                    const FrModel *model,
                    const FrView  *view)
{
  FrModel *copy = fr_model_new ();
  const char *stakeholder_id = NULL;
  FrMethod method = FR_METHOD_WSM;

  memset (va, 0, sizeof *va);

  g_ptr_array_unref (copy->criteria);
  copy->criteria = borrow_array (model->criteria);
  g_ptr_array_unref (copy->options);
  copy->options = borrow_array (model->options);
  g_ptr_array_unref (copy->sources);
  copy->sources = borrow_array (model->sources);
  g_ptr_array_unref (copy->stakeholders);
  copy->stakeholders = borrow_array (model->stakeholders);
  copy->title = g_strdup (model->title);

  if (view->stakeholder_id != NULL && fr_model_find_stakeholder (model, view->stakeholder_id) != NULL)
    stakeholder_id = view->stakeholder_id;

  if (view->weights != NULL && g_hash_table_size (view->weights) > 0)
    {
      const FrStakeholder *original = fr_model_find_stakeholder (model, stakeholder_id);
      GHashTableIter iter;
      gpointer key, value;
      FrStakeholder *own;

      if (original != NULL)
        {
          own = fr_stakeholder_new (original->id, original->name);
          own->color = g_strdup (original->color);
          own->rationale = g_strdup (original->rationale);
          own->reservation = original->reservation;
        }
      else
        {
          /* An id no document can hold (ids are XML names). */
          own = fr_stakeholder_new (" view", _("The view’s weights"));
        }
      g_hash_table_iter_init (&iter, view->weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const FrWeight *weight = value;
          FrWeight *mine = fr_weight_new (weight->value);

          mine->has_interval = weight->has_interval;
          mine->low = weight->low;
          mine->high = weight->high;
          g_hash_table_insert (own->weights, g_strdup (key), mine);
        }
      if (original != NULL)
        {
          for (guint i = 0; i < copy->stakeholders->len; i++)
            if (g_ptr_array_index (copy->stakeholders, i) == original)
              copy->stakeholders->pdata[i] = own;
        }
      else
        g_ptr_array_add (copy->stakeholders, own);
      va->own_stakeholder = own;
      stakeholder_id = own->id;
    }

  va->model = copy;
  va->document = fr_document_new_for_model (copy);
  va->analysis = fr_analysis_new (va->document);
  if (view->method != NULL && !fr_method_from_string (view->method, &method))
    method = FR_METHOD_WSM;
  fr_analysis_set_method (va->analysis, method);
  fr_analysis_set_stakeholder (va->analysis, stakeholder_id);
}

static void
view_analysis_clear (ViewAnalysis *va)
{
  g_clear_object (&va->analysis);
  /* The document frees the shallow copy: its arrays own nothing. */
  g_clear_object (&va->document);
  g_clear_pointer (&va->own_stakeholder, fr_stakeholder_free);
}

static int
option_index (const FrMatrix *matrix,
              const char     *option_id)
{
  if (option_id == NULL)
    return -1;
  for (guint i = 0; i < matrix->n_options; i++)
    if (g_str_equal (matrix->option_ids[i], option_id))
      return (int) i;
  return -1;
}

/* Everything an SMAA run depends on. */
static guint64
smaa_key (const FrMatrix     *matrix,
          const FrSmaaParams *params)
{
  gsize cells = (gsize) matrix->n_options * matrix->n_criteria;
  guint64 h = FR_HASH_INIT;

  h = fr_hash_bytes (h, &matrix->n_options, sizeof matrix->n_options);
  h = fr_hash_bytes (h, &matrix->n_criteria, sizeof matrix->n_criteria);
  h = fr_hash_bytes (h, matrix->values, cells * sizeof (double));
  h = fr_hash_bytes (h, matrix->low, cells * sizeof (double));
  h = fr_hash_bytes (h, matrix->high, cells * sizeof (double));
  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      const FrMatrixCriterion *criterion = &matrix->criteria[c];

      h = fr_hash_bytes (h, &criterion->direction, sizeof criterion->direction);
      h = fr_hash_bytes (h, &criterion->has_scale, sizeof criterion->has_scale);
      h = fr_hash_bytes (h, &criterion->scale_min, sizeof criterion->scale_min);
      h = fr_hash_bytes (h, &criterion->scale_max, sizeof criterion->scale_max);
      if (criterion->value_function != NULL && criterion->value_function->len > 0)
        h = fr_hash_bytes (h, criterion->value_function->data,
                        criterion->value_function->len * sizeof (FrValuePoint));
    }
  h = fr_hash_bytes (h, &params->weights, sizeof params->weights);
  h = fr_hash_bytes (h, &params->scores, sizeof params->scores);
  h = fr_hash_bytes (h, &params->seed, sizeof params->seed);
  h = fr_hash_bytes (h, &params->n_samples, sizeof params->n_samples);
  if (params->weights == FR_SMAA_WEIGHTS_INTERVALS)
    {
      h = fr_hash_bytes (h, params->weight_low, matrix->n_criteria * sizeof (double));
      h = fr_hash_bytes (h, params->weight_high, matrix->n_criteria * sizeof (double));
    }
  return h;
}

static FrSmaaChartData *
smaa_chart_data (FrSlideContext  *context,
                 ViewAnalysis    *va,
                 const FrMatrix  *matrix,
                 GError         **error)
{
  const char *stakeholder_id = fr_analysis_get_stakeholder (va->analysis);
  const FrStakeholder *stakeholder = fr_model_find_stakeholder (va->model, stakeholder_id);
  g_autofree double *low = g_new0 (double, matrix->n_criteria);
  g_autofree double *high = g_new0 (double, matrix->n_criteria);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  guint64 key;

  fr_smaa_params_init (&params);
  params.seed = FR_SLIDE_SMAA_SEED;
  params.n_samples = FR_SLIDE_SMAA_SAMPLES;
  if (stakeholder != NULL)
    {
      fr_smaa_weight_intervals (matrix, stakeholder, low, high);
      params.weights = FR_SMAA_WEIGHTS_INTERVALS;
      params.weight_low = low;
      params.weight_high = high;
    }
  key = smaa_key (matrix, &params);
  if (context->smaa == NULL || context->smaa_key != key)
    {
      smaa = fr_smaa_new (matrix, &params, error);
      if (smaa == NULL || !fr_smaa_run (smaa, NULL, error))
        return NULL;
      g_clear_pointer (&context->smaa, fr_smaa_free);
      context->smaa = g_steal_pointer (&smaa);
      context->smaa_key = key;
    }
  return fr_smaa_chart_data_from_smaa (context->smaa, matrix, va->model, stakeholder);
}

/* A chart of the analysis kinds, built for @view. */
typedef struct {
  SlideKind kind;
  gpointer data;
} SlideChart;

static void
slide_chart_clear (SlideChart *chart)
{
  if (chart->data == NULL)
    return;
  switch (chart->kind)
    {
    case KIND_RANKING:
      fr_ranking_chart_data_free (chart->data);
      break;
    case KIND_PROFILE:
      fr_profile_chart_data_free (chart->data);
      break;
    case KIND_SENSITIVITY:
      fr_sensitivity_chart_data_free (chart->data);
      break;
    case KIND_SMAA:
      fr_smaa_chart_data_free (chart->data);
      break;
    case KIND_STAKEHOLDERS:
      fr_stakeholder_chart_data_free (chart->data);
      break;
    case KIND_SCATTER:
      fr_scatter_chart_data_free (chart->data);
      break;
    case KIND_MAP:
    case KIND_TIMELINE:
    case KIND_UNKNOWN:
    default:
      break;
    }
  chart->data = NULL;
}

static gboolean
slide_chart_build (SlideChart     *chart,
                   FrSlideContext *context,
                   const FrView   *view,
                   GError        **error)
{
  const FrModel *model = context->model;
  ViewAnalysis va;
  const FrMatrix *matrix;
  gboolean ok = FALSE;

  chart->kind = slide_kind (view);
  chart->data = NULL;

  view_analysis_init (&va, model, view);
  matrix = fr_analysis_get_matrix (va.analysis);
  if (matrix == NULL)
    {
      g_propagate_error (error, g_error_copy (fr_analysis_get_error (va.analysis)));
      view_analysis_clear (&va);
      return FALSE;
    }

  switch (chart->kind)
    {
    case KIND_RANKING:
      {
        FrRankingChartData *data = fr_ranking_chart_data_from_analysis (va.analysis, va.model, error);
        if (data != NULL)
          data->highlighted = option_index (matrix, view->option_id);
        chart->data = data;
      }
      break;
    case KIND_PROFILE:
      {
        FrProfileChartData *data = fr_profile_chart_data_from_analysis (va.analysis, va.model, error);
        if (data != NULL)
          data->highlighted = option_index (matrix, view->option_id);
        chart->data = data;
      }
      break;
    case KIND_SENSITIVITY:
      chart->data = fr_sensitivity_chart_data_from_analysis (va.analysis, va.model,
                                                             option_index (matrix, view->option_id),
                                                             SENSITIVITY_CHANGE, error);
      break;
    case KIND_SMAA:
      chart->data = smaa_chart_data (context, &va, matrix, error);
      break;
    case KIND_STAKEHOLDERS:
      chart->data = fr_stakeholder_chart_data_from_model (va.model, matrix);
      break;
    case KIND_SCATTER:
      chart->data = fr_scatter_chart_data_from_model (va.model, matrix,
                                                      fr_analysis_get_stakeholder (va.analysis),
                                                      NULL, error);
      break;
    case KIND_MAP:
    case KIND_TIMELINE:
    case KIND_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
  ok = chart->data != NULL;
  view_analysis_clear (&va);
  return ok;
}

static void
slide_chart_render (const SlideChart *chart,
                    cairo_t          *cr,
                    double            width,
                    double            height,
                    const FrTheme    *theme)
{
  switch (chart->kind)
    {
    case KIND_RANKING:
      fr_ranking_chart_render (cr, chart->data, width, height, theme);
      break;
    case KIND_PROFILE:
      fr_profile_chart_render (cr, chart->data, width, height, theme);
      break;
    case KIND_SENSITIVITY:
      fr_sensitivity_chart_render (cr, chart->data, width, height, theme);
      break;
    case KIND_SMAA:
      fr_smaa_chart_render (cr, chart->data, width, height, theme);
      break;
    case KIND_STAKEHOLDERS:
      fr_stakeholder_chart_render (cr, chart->data, width, height, theme);
      break;
    case KIND_SCATTER:
      fr_scatter_chart_render (cr, chart->data, width, height, theme);
      break;
    case KIND_MAP:
    case KIND_TIMELINE:
    case KIND_UNKNOWN:
    default:
      break;
    }
}

static char *
slide_chart_describe (const SlideChart *chart)
{
  switch (chart->kind)
    {
    case KIND_RANKING:
      return fr_ranking_chart_describe (chart->data);
    case KIND_PROFILE:
      return fr_profile_chart_describe (chart->data);
    case KIND_SENSITIVITY:
      return fr_sensitivity_chart_describe (chart->data);
    case KIND_SMAA:
      return fr_smaa_chart_describe (chart->data);
    case KIND_STAKEHOLDERS:
      return fr_stakeholder_chart_describe (chart->data);
    case KIND_SCATTER:
      return fr_scatter_chart_describe (chart->data);
    case KIND_MAP:
    case KIND_TIMELINE:
    case KIND_UNKNOWN:
    default:
      return g_strdup ("");
    }
}

/* The day a map or timeline slide shows: the view's, or today. */
static gint32
view_day (const FrView *view)
{
  return view->map_day > 0 ? view->map_day : fr_day_today ();
}

char *
fr_slide_dup_subtitle (const FrSlideContext *context,
                       const FrView         *view)
{
  const FrModel *model;
  const FrStakeholder *stakeholder;
  GString *text;
  SlideKind kind;
  FrMethod method = FR_METHOD_WSM;

  g_return_val_if_fail (context != NULL && view != NULL, NULL);

  text = g_string_new (NULL);
  model = context->model;
  kind = slide_kind (view);
  stakeholder = model != NULL ? fr_model_find_stakeholder (model, view->stakeholder_id) : NULL;
  if (view->method != NULL && !fr_method_from_string (view->method, &method))
    method = FR_METHOD_WSM;

  if (kind == KIND_MAP || kind == KIND_TIMELINE)
    {
      g_autofree char *day = fr_format_day (view_day (view));
      const FrOption *option = model != NULL ? fr_model_find_option (model, view->option_id) : NULL;

      g_string_append (text, day);
      if (option != NULL && model->ceasefire_day > 0 && view_day (view) >= model->ceasefire_day)
        /* Translators: on a map slide, after the date: the option whose
         * projection the map shows. */
        g_string_append_printf (text, _(" · projection: %s"), option->name);
    }
  else
    {
      if (stakeholder != NULL)
        g_string_append (text, stakeholder->name);
      else if (kind != KIND_STAKEHOLDERS)
        g_string_append (text, _("Equal weights"));
      else
        g_string_append (text, _("All stakeholders"));
      g_string_append (text, " · ");
      g_string_append (text, fr_chart_method_label (kind == KIND_RANKING ? method : FR_METHOD_WSM));
      if (view->weights != NULL && g_hash_table_size (view->weights) > 0)
        g_string_append (text, _(" · the view’s own weights"));
    }
  return g_string_free (text, FALSE);
}

/* Text for slides: sizes grow with the slide's height and the theme's
 * font scale. */
typedef struct {
  cairo_t *cr;
  const FrTheme *theme;
  double em;
  PangoLayout *layout;
} SlideText;

static void
slide_text_init (SlideText     *text,
                 cairo_t       *cr,
                 double         height,
                 const FrTheme *theme)
{
  text->cr = cr;
  text->theme = theme;
  text->em = MAX (height / REFERENCE_HEIGHT * 14.5 * theme->font_scale, 7.0);
  text->layout = pango_cairo_create_layout (cr);
}

static void
slide_text_clear (SlideText *text)
{
  g_clear_object (&text->layout);
}

/* Sets the layout to @str in @size × em, wrapped at @width and cut after
 * @max_lines lines with an ellipsis; returns its height. */
static double
slide_text_set (SlideText  *text,
                const char *str,
                double      size,
                gboolean    bold,
                double      width,
                int         max_lines)
{
  PangoFontDescription *desc = pango_font_description_new ();
  PangoRectangle logical;

  pango_font_description_set_family (desc, text->theme->font_family);
  pango_font_description_set_absolute_size (desc, size * text->em * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (text->layout, str != NULL ? str : "", -1);
  pango_layout_set_width (text->layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (text->layout, -MAX (max_lines, 1));
  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  return logical.height;
}

static void
slide_text_show (SlideText *text,
                 double     x,
                 double     y,
                 FrColor    color,
                 PangoAlignment alignment)
{
  pango_layout_set_alignment (text->layout, alignment);
  fr_color_set_source (text->cr, color);
  cairo_move_to (text->cr, x, y);
  fr_export_show_layout (text->cr, text->layout);
  cairo_new_path (text->cr);
}

/* A message in place of the picture: the reason a chart cannot be drawn,
 * or the name of a chart kind this version does not know. */
static void
draw_message (cairo_t       *cr,
              const char    *message,
              double         width,
              double         height,
              const FrTheme *theme)
{
  SlideText text;
  double h;

  slide_text_init (&text, cr, REFERENCE_HEIGHT, theme);
  cairo_save (cr);
  fr_color_set_source (cr, fr_color_with_alpha (theme->muted, 0.6));
  cairo_set_line_width (cr, MAX (1.0, text.em * 0.08));
  cairo_set_dash (cr, (double[]) { text.em * 0.4, text.em * 0.3 }, 2, 0);
  cairo_rectangle (cr, text.em * 0.5, text.em * 0.5, MAX (width - text.em, 1), MAX (height - text.em, 1));
  cairo_stroke (cr);
  cairo_restore (cr);
  h = slide_text_set (&text, message, 1.0, FALSE, width - 3 * text.em, 6);
  slide_text_show (&text, 1.5 * text.em, (height - h) / 2, theme->muted, PANGO_ALIGN_CENTER);
  slide_text_clear (&text);
}

static GPtrArray *
map_layers (FrSlideContext *context)
{
  const FrModel *model = context->model;
  GPtrArray *layers = NULL;
  guint64 key = layers_key (model);

  if (context->layers_ready && context->layers_key == key)
    return context->visible_layers;
  g_clear_pointer (&context->visible_layers, g_ptr_array_unref);
  /* Parse again what changed rather than keep every version ever seen. */
  g_hash_table_remove_all (context->layers);
  context->layers_key = key;

  for (guint i = 0; i < model->layers->len; i++)
    {
      const FrLayer *layer = g_ptr_array_index (model->layers, i);
      FrKmlDocument *kml;

      /* A layer named by reference is never opened here: slides draw what
       * the document holds. */
      if (!layer->visible || layer->kml == NULL || layer->kml[0] == '\0')
        continue;
      kml = g_hash_table_lookup (context->layers, layer->kml);
      if (kml == NULL && !g_hash_table_contains (context->layers, layer->kml))
        {
          kml = fr_kml_parse (layer->kml, strlen (layer->kml), layer->name, NULL);
          /* A layer that does not parse is remembered as NULL, so it is
           * not parsed again on every frame. */
          g_hash_table_insert (context->layers, g_strdup (layer->kml), kml);
        }
      if (kml == NULL)
        continue;
      if (layers == NULL)
        layers = g_ptr_array_new ();
      g_ptr_array_add (layers, kml);
    }
  context->visible_layers = layers;
  context->layers_ready = TRUE;
  return layers;
}

static FrTimeline *
context_timeline (FrSlideContext *context)
{
  guint64 key = timeline_key (context->model);

  if (context->timeline != NULL && context->timeline_key != key)
    g_clear_pointer (&context->timeline, fr_timeline_unref);
  if (context->timeline == NULL)
    {
      context->timeline = fr_timeline_new (context->model);
      context->timeline_key = key;
    }
  return context->timeline;
}

static void
render_map (cairo_t              *cr,
            const FrSlideContext *context,
            const FrView         *view,
            double                width,
            double                height,
            const FrTheme        *theme)
{
  FrSlideContext *self = (FrSlideContext *) context;
  g_autoptr(GError) error = NULL;
  const FrBasemap *basemap = fr_slide_context_get_basemap (context, &error);
  g_autoptr(FrTimelineState) state = NULL;
  FrMapScene scene;

  if (basemap == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The map cannot be drawn: %s"),
                                                  error != NULL ? error->message : _("no basemap"));
      draw_message (cr, message, width, height, theme);
      return;
    }
  state = fr_timeline_get_state (context_timeline (self), view_day (view), view->option_id);
  fr_map_scene_init (&scene, basemap, state);
  scene.cache = self->map_cache;
  scene.layers = map_layers (self);
  if (view->has_extent)
    fr_map_scene_fit (&scene, view->extent, width, height);
  fr_map_render (cr, &scene, width, height, theme);
}

static void
render_timeline (cairo_t              *cr,
                 const FrSlideContext *context,
                 const FrView         *view,
                 double                width,
                 double                height,
                 const FrTheme        *theme)
{
  FrTimelineScene scene;

  fr_timeline_scene_init (&scene, context->model);
  scene.current_day = view_day (view);
  scene.option_id = view->option_id;
  fr_timeline_render (cr, &scene, width, height, theme);
}

static char *
unknown_chart_message (const FrView *view)
{
  /* Translators: a saved view asks for a chart this version cannot draw
   * (from a newer Frontier); %s is its name as written in the file. */
  return g_strdup_printf (_("This version of Frontier cannot draw the chart “%s”."), view->chart);
}

static void
render_picture (cairo_t              *cr,
                const FrSlideContext *context,
                const FrView         *view,
                double                width,
                double                height,
                const FrTheme        *theme)
{
  SlideKind kind = slide_kind (view);

  if (kind == KIND_MAP)
    render_map (cr, context, view, width, height, theme);
  else if (kind == KIND_TIMELINE)
    render_timeline (cr, context, view, width, height, theme);
  else if (kind == KIND_UNKNOWN)
    {
      g_autofree char *message = unknown_chart_message (view);
      draw_message (cr, message, width, height, theme);
    }
  else
    {
      SlideChart chart;
      g_autoptr(GError) error = NULL;

      if (slide_chart_build (&chart, (FrSlideContext *) context, view, &error))
        {
          slide_chart_render (&chart, cr, width, height, theme);
          slide_chart_clear (&chart);
        }
      else
        draw_message (cr, error->message, width, height, theme);
    }
}

/* The line under the picture that says where its numbers come from. */
static char *
source_line (const FrSlideContext *context,
             const FrView         *view)
{
  SlideKind kind = slide_kind (view);

  if (kind == KIND_MAP)
    {
      const FrBasemap *basemap = fr_slide_context_get_basemap (context, NULL);
      if (basemap != NULL && basemap->source != NULL)
        return g_strdup_printf (_("Map: %s"), basemap->source);
      return g_strdup (_("Map: Natural Earth"));
    }
  if (kind == KIND_TIMELINE)
    return g_strdup (_("Events and their sources: see the document’s timeline"));
  /* Translators: footer of a chart slide; the deck's appendix lists every
   * score with its rationale and source. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Scores, weights and their %u source: see the appendix",
                                       "Scores, weights and their %u sources: see the appendix",
                                       context->model->sources->len),
                          context->model->sources->len);
}

void
fr_slide_render (cairo_t              *cr,
                 const FrSlideContext *context,
                 const FrView         *view,
                 double                width,
                 double                height,
                 const FrTheme        *theme)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *source = NULL;
  SlideText text;
  double margin, band, footer, title_h, subtitle_h, body_top, body_h, foot_h;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (context != NULL && context->model != NULL);
  g_return_if_fail (view != NULL);

  if (theme == NULL)
    theme = fr_theme_get (FR_THEME_PRESENTATION_LIGHT);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);

  cairo_save (cr);
  fr_color_set_source (cr, theme->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_scale (cr, height / REFERENCE_HEIGHT, height / REFERENCE_HEIGHT);
  width = width * REFERENCE_HEIGHT / height;
  height = REFERENCE_HEIGHT;

  slide_text_init (&text, cr, height, theme);
  margin = round (text.em * 1.1);
  subtitle = fr_slide_dup_subtitle (context, view);

  /* The title band: the view's title (two lines at most) and the
   * subtitle, on a tint of the accent with an accent rule beneath. */
  title_h = slide_text_set (&text, view->title, 1.55, TRUE, width - 2 * margin, 2);
  subtitle_h = slide_text_set (&text, subtitle, 0.85, FALSE, width - 2 * margin, 1);
  band = margin * 0.7 + title_h + subtitle_h * 1.1 + margin * 0.6;
  fr_color_set_source (cr, fr_chart_mix (theme->background, theme->accent, 0.08));
  cairo_rectangle (cr, 0, 0, width, band);
  cairo_fill (cr);
  fr_color_set_source (cr, theme->accent);
  cairo_rectangle (cr, 0, band - MAX (2.0, text.em * 0.12), width, MAX (2.0, text.em * 0.12));
  cairo_fill (cr);
  slide_text_set (&text, view->title, 1.55, TRUE, width - 2 * margin, 2);
  slide_text_show (&text, margin, margin * 0.7, theme->foreground, PANGO_ALIGN_LEFT);
  slide_text_set (&text, subtitle, 0.85, FALSE, width - 2 * margin, 1);
  slide_text_show (&text, margin, margin * 0.7 + title_h + subtitle_h * 0.1, theme->muted, PANGO_ALIGN_LEFT);

  /* The footer: document title left, the source line in the middle, the
   * page number right. */
  foot_h = slide_text_set (&text, "Ag", 0.6, FALSE, width, 1);
  footer = foot_h + margin * 0.8;
  fr_color_set_source (cr, theme->grid);
  cairo_rectangle (cr, margin, height - footer, width - 2 * margin, MAX (1.0, text.em * 0.04));
  cairo_fill (cr);
  {
    double y = height - footer + (footer - foot_h) / 2;
    double third = (width - 2 * margin) / 3;

    slide_text_set (&text, context->model->title, 0.6, FALSE, third * 0.95, 1);
    slide_text_show (&text, margin, y, theme->muted, PANGO_ALIGN_LEFT);
    source = source_line (context, view);
    if (context->n_pages > 0 && context->page > 0)
      {
        g_autofree char *page = g_strdup_printf ("%u / %u", context->page, context->n_pages);
        slide_text_set (&text, source, 0.6, FALSE, third * 1.5, 1);
        slide_text_show (&text, margin + third * 0.9, y, theme->muted, PANGO_ALIGN_CENTER);
        slide_text_set (&text, page, 0.6, FALSE, third * 0.5, 1);
        slide_text_show (&text, width - margin - third * 0.5, y, theme->muted, PANGO_ALIGN_RIGHT);
      }
    else
      {
        slide_text_set (&text, source, 0.6, FALSE, third * 2 * 0.97, 1);
        slide_text_show (&text, margin + third, y, theme->muted, PANGO_ALIGN_RIGHT);
      }
  }
  slide_text_clear (&text);

  /* The picture fills the rest. */
  body_top = band + margin * 0.4;
  body_h = height - footer - margin * 0.3 - body_top;
  if (body_h > 8 && width - 2 * margin > 8)
    {
      cairo_save (cr);
      cairo_translate (cr, margin * 0.5, body_top);
      cairo_rectangle (cr, 0, 0, width - margin, body_h);
      cairo_clip (cr);
      render_picture (cr, context, view, width - margin, body_h, theme);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

static char *
describe_map (const FrSlideContext *context,
              const FrView         *view)
{
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (context_timeline ((FrSlideContext *) context),
                                                            view_day (view), view->option_id);
  g_autoptr(FrFrontier) frontier = fr_frontier_compute (fr_slide_context_get_basemap (context, NULL), state);
  g_autofree char *day = fr_format_day (view_day (view));
  g_autofree char *km = fr_format_km (frontier->official_km);
  const char *option_id = fr_timeline_state_get_option (state);
  const FrOption *option = fr_model_find_option (context->model, option_id);
  GString *text = g_string_new (NULL);

  /* Translators: the description of a map slide; %s: a date, a length. */
  g_string_append_printf (text, _("Map of the frontier states on %s; NATO and Russia share a land border of %s."),
                          day, km);
  if (option != NULL && fr_timeline_state_is_projection (state))
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("The map shows the projection of “%s”."), option->name);
    }
  return g_string_free (text, FALSE);
}

char *
fr_slide_describe (const FrSlideContext *context,
                   const FrView         *view)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *body = NULL;
  SlideKind kind;

  g_return_val_if_fail (context != NULL && context->model != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  kind = slide_kind (view);
  subtitle = fr_slide_dup_subtitle (context, view);
  if (kind == KIND_MAP)
    body = describe_map (context, view);
  else if (kind == KIND_TIMELINE)
    {
      g_autofree char *day = fr_format_day (view_day (view));
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Timeline of %u event, at %s.",
                                           "Timeline of %u events, at %s.",
                                           context->model->events->len),
                              context->model->events->len, day);
    }
  else if (kind == KIND_UNKNOWN)
    body = unknown_chart_message (view);
  else
    {
      SlideChart chart;
      g_autoptr(GError) error = NULL;

      if (slide_chart_build (&chart, (FrSlideContext *) context, view, &error))
        {
          body = slide_chart_describe (&chart);
          slide_chart_clear (&chart);
        }
      else
        body = g_strdup (error->message);
    }
  return g_strdup_printf ("%s. %s. %s", view->title, subtitle, body);
}
