/* fr-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fr-chart-view.h"
#include "fr-style.h"
#include "fr-profile-chart.h"
#include "fr-ranking-chart.h"
#include "fr-sensitivity-chart.h"
#include "fr-smaa-chart.h"
#include "fr-stakeholder-chart.h"

/* Rows of the chart's picture, in logical pixels, that GTK repaints as
 * one piece when any pixel in them changes. */
#define BAND_HEIGHT 24

/* A strip of the chart as last drawn, with its own render node: a redraw
 * hands GTK new nodes only for the strips whose pixels changed, so the
 * frame repaints those and the rest of the page stays as it was. */
typedef struct {
  cairo_surface_t *image;     /* device pixels */
  GskRenderNode *node;
} Band;

struct _FrChartView
{
  GtkWidget parent_instance;

  FrChartKind kind;
  gpointer data;
  FrChartTooltipFunc tooltip_func;
  gpointer tooltip_data;

  /* The picture as last drawn, valid while nothing it depends on changed. */
  GArray *bands;              /* Band, top first */
  GskRenderNode *node;        /* the bands' nodes together; NULL once stale */
  int drawn_width;
  int drawn_height;
  int drawn_scale;
  const FrTheme *drawn_theme;

  /* A chart scrolled out of sight is drawn when it comes into view. */
  GtkAdjustment *scroll;
  gboolean deferred;
};

G_DEFINE_FINAL_TYPE (FrChartView, fr_chart_view, GTK_TYPE_WIDGET)

static void
band_clear (gpointer data)
{
  Band *band = data;

  g_clear_pointer (&band->image, cairo_surface_destroy);
  g_clear_pointer (&band->node, gsk_render_node_unref);
}

/* Forgets the picture (but not its bands, which the next draw compares
 * with): the data, the theme or the size changed. */
static void
invalidate (FrChartView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
}

static void
drop_picture (FrChartView *self)
{
  invalidate (self);
  g_array_set_size (self->bands, 0);
}

static gboolean
data_equal (FrChartKind   kind,
            gconstpointer a,
            gconstpointer b)
{
  switch (kind)
    {
    case FR_CHART_RANKING: return fr_ranking_chart_data_equal (a, b);
    case FR_CHART_PROFILE: return fr_profile_chart_data_equal (a, b);
    case FR_CHART_SENSITIVITY: return fr_sensitivity_chart_data_equal (a, b);
    case FR_CHART_SMAA: return fr_smaa_chart_data_equal (a, b);
    case FR_CHART_STAKEHOLDERS: return fr_stakeholder_chart_data_equal (a, b);
    case FR_CHART_SCATTER: return fr_scatter_chart_data_equal (a, b);
    case FR_CHART_NONE:
    default:
      return a == b;
    }
}

static void
free_data (FrChartKind kind,
           gpointer    data)
{
  if (data == NULL)
    return;
  switch (kind)
    {
    case FR_CHART_RANKING: fr_ranking_chart_data_free (data); break;
    case FR_CHART_PROFILE: fr_profile_chart_data_free (data); break;
    case FR_CHART_SENSITIVITY: fr_sensitivity_chart_data_free (data); break;
    case FR_CHART_SMAA: fr_smaa_chart_data_free (data); break;
    case FR_CHART_STAKEHOLDERS: fr_stakeholder_chart_data_free (data); break;
    case FR_CHART_SCATTER: fr_scatter_chart_data_free (data); break;
    case FR_CHART_NONE:
    default:
      break;
    }
}

void
fr_chart_view_draw (FrChartView   *self,
                    cairo_t       *cr,
                    double         width,
                    double         height,
                    const FrTheme *theme)
{
  g_return_if_fail (FR_IS_CHART_VIEW (self));

  if (self->data == NULL)
    {
      fr_color_set_source (cr, theme->background);
      cairo_paint (cr);
      return;
    }
  switch (self->kind)
    {
    case FR_CHART_RANKING: fr_ranking_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_PROFILE: fr_profile_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_SENSITIVITY: fr_sensitivity_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_SMAA: fr_smaa_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_STAKEHOLDERS: fr_stakeholder_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_SCATTER: fr_scatter_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_NONE:
    default:
      break;
    }
}

static gboolean
hit_test (FrChartView *self,
          double       x,
          double       y,
          FrChartHit  *hit)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const FrTheme *theme = fr_style_current_theme ();

  if (self->data == NULL)
    return FALSE;
  switch (self->kind)
    {
    case FR_CHART_RANKING: return fr_ranking_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_PROFILE: return fr_profile_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_SENSITIVITY: return fr_sensitivity_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_SMAA: return fr_smaa_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_STAKEHOLDERS: return fr_stakeholder_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_SCATTER: return fr_scatter_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_NONE:
    default:
      return FALSE;
    }
}

char *
fr_chart_view_dup_description (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), NULL);

  if (self->data == NULL)
    return g_strdup ("");
  switch (self->kind)
    {
    case FR_CHART_RANKING: return fr_ranking_chart_describe (self->data);
    case FR_CHART_PROFILE: return fr_profile_chart_describe (self->data);
    case FR_CHART_SENSITIVITY: return fr_sensitivity_chart_describe (self->data);
    case FR_CHART_SMAA: return fr_smaa_chart_describe (self->data);
    case FR_CHART_STAKEHOLDERS: return fr_stakeholder_chart_describe (self->data);
    case FR_CHART_SCATTER: return fr_scatter_chart_describe (self->data);
    case FR_CHART_NONE:
    default:
      return g_strdup ("");
    }
}

/* A band showing rows @y0 to @y1 (device pixels) of @image, with its own
 * copy of them: bands outlive the image and are compared with the next. */
static Band
band_new (cairo_surface_t *image,
          int              y0,
          int              y1,
          int              scale)
{
  int width = cairo_image_surface_get_width (image);
  int stride = cairo_image_surface_get_stride (image);
  Band band;
  cairo_t *cr;

  band.image = cairo_image_surface_create (cairo_image_surface_get_format (image), width, y1 - y0);
  cairo_surface_flush (band.image);
  /* Same width and format: the same stride. */
  memcpy (cairo_image_surface_get_data (band.image), cairo_image_surface_get_data (image) + (gsize) y0 * stride,
          (gsize) stride * (y1 - y0));
  cairo_surface_mark_dirty (band.image);
  band.node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, (float) y0 / scale, (float) width / scale,
                                                       (float) (y1 - y0) / scale));
  cr = gsk_cairo_node_get_draw_context (band.node);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, band.image, 0, y0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return band;
}

static gboolean
band_unchanged (const Band      *band,
                cairo_surface_t *image,
                int              y0,
                int              y1)
{
  int stride = cairo_image_surface_get_stride (image);

  if (band->image == NULL || cairo_image_surface_get_height (band->image) != y1 - y0 ||
      cairo_image_surface_get_width (band->image) != cairo_image_surface_get_width (image) ||
      cairo_image_surface_get_format (band->image) != cairo_image_surface_get_format (image))
    return FALSE;
  return memcmp (cairo_image_surface_get_data (band->image), cairo_image_surface_get_data (image) + (gsize) y0 * stride,
                 (gsize) stride * (y1 - y0)) == 0;
}

/* Draws the chart into an image and cuts it into bands, keeping the
 * earlier band (and its node) wherever the pixels came out the same. */
static void
update_picture (FrChartView   *self,
                int            width,
                int            height,
                int            scale,
                const FrTheme *theme)
{
  /* The charts paint an opaque background: without an alpha channel
   * the bands are copied rather than blended. */
  cairo_format_t format = theme->background.a >= 1.0 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
  cairo_surface_t *image = cairo_image_surface_create (format, width * scale, height * scale);
  int band_rows = BAND_HEIGHT * scale;
  guint n_bands = (guint) ((height * scale + band_rows - 1) / band_rows);
  g_autofree GskRenderNode **nodes = g_new (GskRenderNode *, n_bands);
  cairo_t *cr;

  cr = cairo_create (image);
  cairo_scale (cr, scale, scale);
  fr_chart_view_draw (self, cr, width, height, theme);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  if (width != self->drawn_width || height != self->drawn_height || scale != self->drawn_scale)
    g_array_set_size (self->bands, 0);
  g_array_set_size (self->bands, n_bands);
  for (guint i = 0; i < n_bands; i++)
    {
      Band *band = &g_array_index (self->bands, Band, i);
      int y0 = (int) i * band_rows;
      /* One row more, under the next band: where GTK draws the chart at a
       * fractional offset or scale (a transition), the seam samples the
       * chart, not the transparency around a band. */
      int y1 = MIN (y0 + band_rows + 1, height * scale);

      if (!band_unchanged (band, image, y0, y1))
        {
          band_clear (band);
          *band = band_new (image, y0, y1, scale);
        }
      nodes[i] = band->node;
    }
  cairo_surface_destroy (image);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  self->node = gsk_container_node_new (nodes, n_bands);
  self->drawn_width = width;
  self->drawn_height = height;
  self->drawn_scale = scale;
  self->drawn_theme = theme;
}

static void
on_scrolled (FrChartView *self)
{
  if (self->deferred)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* FALSE when the chart lies wholly outside the scrolled window it is in;
 * watches that window's scrolling and resizing from then on. */
static gboolean
in_view (FrChartView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *scroll;
  graphene_rect_t bounds, view;

  if (scrolled == NULL)
    return TRUE;
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (scroll != self->scroll)
    {
      if (self->scroll != NULL)
        g_signal_handlers_disconnect_by_data (self->scroll, self);
      g_set_object (&self->scroll, scroll);
      g_signal_connect_swapped (scroll, "value-changed", G_CALLBACK (on_scrolled), self);
      g_signal_connect_swapped (scroll, "changed", G_CALLBACK (on_scrolled), self);
    }
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self), scrolled, &bounds))
    return TRUE;
  graphene_rect_init (&view, 0, 0, gtk_widget_get_width (scrolled), gtk_widget_get_height (scrolled));
  return graphene_rect_intersection (&bounds, &view, NULL);
}

static void
fr_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FrChartView *self = FR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const FrTheme *theme = fr_style_current_theme ();

  if (width <= 0 || height <= 0)
    return;
  if (self->node == NULL || width != self->drawn_width || height != self->drawn_height ||
      scale != self->drawn_scale || theme != self->drawn_theme)
    {
      /* Below the fold during a slider drag, say: nobody sees it. What
       * was drawn before stays in its place, out of sight. */
      self->deferred = !in_view (self);
      if (self->deferred)
        {
          if (self->node != NULL)
            gtk_snapshot_append_node (snapshot, self->node);
          return;
        }
      update_picture (self, width, height, scale, theme);
    }
  gtk_snapshot_append_node (snapshot, self->node);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FrChartView *self = FR_CHART_VIEW (widget);
  FrChartHit hit;
  g_autofree char *text = NULL;

  if (self->tooltip_func == NULL)
    return FALSE;
  fr_chart_hit_clear (&hit);
  if (keyboard || !hit_test (self, x, y, &hit))
    return FALSE;
  text = self->tooltip_func (self, &hit, self->tooltip_data);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_style_changed (FrChartView *self)
{
  invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A hidden chart keeps no picture: the Analysis page's would otherwise
 * hold a few megabytes while other pages show. */
static void
fr_chart_view_unmap (GtkWidget *widget)
{
  FrChartView *self = FR_CHART_VIEW (widget);

  drop_picture (self);
  if (self->scroll != NULL)
    g_signal_handlers_disconnect_by_data (self->scroll, self);
  g_clear_object (&self->scroll);
  GTK_WIDGET_CLASS (fr_chart_view_parent_class)->unmap (widget);
}

static void
fr_chart_view_finalize (GObject *object)
{
  FrChartView *self = FR_CHART_VIEW (object);

  free_data (self->kind, self->data);
  drop_picture (self);
  g_array_unref (self->bands);
  if (self->scroll != NULL)
    g_signal_handlers_disconnect_by_data (self->scroll, self);
  g_clear_object (&self->scroll);

  G_OBJECT_CLASS (fr_chart_view_parent_class)->finalize (object);
}

static void
fr_chart_view_class_init (FrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fr_chart_view_finalize;
  widget_class->snapshot = fr_chart_view_snapshot;
  widget_class->unmap = fr_chart_view_unmap;
  gtk_widget_class_set_css_name (widget_class, "frchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fr_chart_view_init (FrChartView *self)
{
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  g_array_set_clear_func (self->bands, band_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, 200);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fr_chart_view_new (void)
{
  return g_object_new (FR_TYPE_CHART_VIEW, NULL);
}

void
fr_chart_view_set_chart (FrChartView *self,
                         FrChartKind  kind,
                         gpointer     data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FR_IS_CHART_VIEW (self));

  /* During a slider drag most charts are rebuilt with what they already
   * show: nothing to draw then. */
  if (kind == self->kind && data_equal (kind, data, self->data))
    {
      if (data != self->data)
        free_data (kind, data);
      return;
    }
  free_data (self->kind, self->data);
  self->kind = kind;
  self->data = data;
  invalidate (self);
  description = fr_chart_view_dup_description (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

FrChartKind
fr_chart_view_get_kind (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), FR_CHART_NONE);
  return self->kind;
}

gconstpointer
fr_chart_view_get_data (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), NULL);
  return self->data;
}

void
fr_chart_view_set_tooltip_func (FrChartView        *self,
                                FrChartTooltipFunc  func,
                                gpointer            user_data)
{
  g_return_if_fail (FR_IS_CHART_VIEW (self));
  self->tooltip_func = func;
  self->tooltip_data = user_data;
}
