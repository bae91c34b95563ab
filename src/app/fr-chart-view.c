/* fr-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fr-chart-view.h"
#include "fr-format.h"
#include "fr-image-node.h"
#include "fr-picture-pieces.h"
#include "fr-style.h"
#include "fr-profile-chart.h"
#include "fr-ranking-chart.h"
#include "fr-sensitivity-chart.h"
#include "fr-smaa-chart.h"
#include "fr-stakeholder-chart.h"

/* Rows of the chart's picture, in logical pixels, that GTK repaints as
 * one piece when any pixel in them changes, and the columns a changed
 * band is cut at (see fr-picture-pieces.c). */
#define BAND_HEIGHT 24
#define COLUMN_WIDTH 32

#define DESCRIPTION_DELAY_MS 250
#define CANVAS_KEEP_MS 1000

struct _FrChartView
{
  GtkWidget parent_instance;

  FrChartKind kind;
  gpointer data;
  FrChartTooltipFunc tooltip_func;
  gpointer tooltip_data;

  /* The picture as last drawn, valid while nothing it depends on changed. */
  FrPicturePieces *pieces;
  GskRenderNode *node;        /* the pieces' nodes together; NULL once stale */
  int drawn_width;
  int drawn_height;
  int drawn_scale;
  const FrTheme *drawn_theme;
  /* What the chart is drawn into, kept between draws while it changes: a
   * fresh image is cleared first, which the chart's opaque background
   * makes wasted work. */
  guchar *canvas;
  gsize canvas_size;
  guint canvas_source;        /* lets go of the canvas once the chart is still */

  /* A chart scrolled out of sight is drawn when it comes into view. */
  GtkAdjustment *scroll;
  gboolean deferred;

  /* The keyboard cursor: a position among the chart's items (options, or
   * criteria for the sensitivity chart) in the order drawn; −1 for none. */
  int cursor;

  /* New figures reach the accessible description a moment later. */
  guint description_source;
};

G_DEFINE_FINAL_TYPE (FrChartView, fr_chart_view, GTK_TYPE_WIDGET)

static void     snapshot_cursor (FrChartView           *self,
                                 GtkSnapshot           *snapshot,
                                 int                    width,
                                 int                    height);
static gboolean on_key_pressed  (GtkEventControllerKey *controller,
                                 guint                  keyval,
                                 guint                  keycode,
                                 GdkModifierType        state,
                                 FrChartView           *self);
static void     on_focus_leave  (FrChartView           *self);
static void     on_released     (GtkGestureClick       *gesture,
                                 int                    n_press,
                                 double                 x,
                                 double                 y,
                                 FrChartView           *self);

/* Forgets the picture (but not its pieces, which the next draw compares
 * with): the data, the theme or the size changed. */
static void
invalidate (FrChartView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
}

static void
drop_canvas (FrChartView *self)
{
  g_clear_handle_id (&self->canvas_source, g_source_remove);
  g_clear_pointer (&self->canvas, g_free);
  self->canvas_size = 0;
}

static gboolean
drop_canvas_cb (gpointer data)
{
  FrChartView *self = data;

  self->canvas_source = 0;
  drop_canvas (self);
  return G_SOURCE_REMOVE;
}

static void
drop_picture (FrChartView *self)
{
  invalidate (self);
  fr_picture_pieces_forget (self->pieces);
  drop_canvas (self);
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

  /* Every chart paints its background first; the view relies on it. */
  if (self->data == NULL || self->kind == FR_CHART_NONE)
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

/* Draws the chart into an image and hands it to the pieces, which keep
 * their nodes wherever the pixels came out the same. */
static void
update_picture (FrChartView   *self,
                int            width,
                int            height,
                int            scale,
                const FrTheme *theme)
{
  /* The charts paint an opaque background: without an alpha channel
   * the pieces are copied rather than blended. Textures, for the GL
   * renderers, read the fourth byte as alpha whatever the format says. */
  gboolean opaque = theme->background.a >= 1.0;
  gboolean textures = !fr_widget_draws_with_cairo (GTK_WIDGET (self));
  cairo_format_t format = opaque && !textures ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
  int stride = cairo_format_stride_for_width (format, width * scale);
  gsize size = (gsize) stride * (gsize) (height * scale);
  cairo_surface_t *image;
  cairo_t *cr;

  if (size != self->canvas_size)
    {
      g_free (self->canvas);
      self->canvas = g_malloc (size);
      self->canvas_size = size;
    }
  /* Kept while the chart changes from frame to frame, as in a drag; let
   * go of once it has been still a moment: the pieces hold what is shown. */
  g_clear_handle_id (&self->canvas_source, g_source_remove);
  self->canvas_source = g_timeout_add (CANVAS_KEEP_MS, drop_canvas_cb, self);
  image = cairo_image_surface_create_for_data (self->canvas, format, width * scale, height * scale, stride);
  cr = cairo_create (image);
  if (!opaque)
    {
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  cairo_scale (cr, scale, scale);
  fr_chart_view_draw (self, cr, width, height, theme);
  cairo_destroy (cr);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  fr_picture_pieces_set_textures (self->pieces, textures);
  self->node = fr_picture_pieces_update (self->pieces, image, scale);
  cairo_surface_destroy (image);

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
  snapshot_cursor (self, snapshot, width, height);
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

  g_clear_handle_id (&self->description_source, g_source_remove);
  free_data (self->kind, self->data);
  drop_picture (self);
  fr_picture_pieces_free (self->pieces);
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
  GtkEventController *controller;

  self->pieces = fr_picture_pieces_new (BAND_HEIGHT, COLUMN_WIDTH);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, 200);
  self->cursor = -1;
  /* Tab reaches the chart; the arrow keys step through what it shows. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect (controller, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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

/* ---- Keyboard exploration ---------------------------------------------- */

/* How many items the keyboard steps through. */
static guint
item_count (FrChartKind   kind,
            gconstpointer data)
{
  if (data == NULL)
    return 0;
  switch (kind)
    {
    case FR_CHART_RANKING: return ((const FrRankingChartData *) data)->n_options;
    case FR_CHART_PROFILE: return ((const FrProfileChartData *) data)->n_options;
    case FR_CHART_SENSITIVITY: return ((const FrSensitivityChartData *) data)->n_criteria;
    case FR_CHART_SMAA: return ((const FrSmaaChartData *) data)->n_options;
    case FR_CHART_STAKEHOLDERS: return ((const FrStakeholderChartData *) data)->n_options;
    case FR_CHART_SCATTER: return ((const FrScatterChartData *) data)->n_options;
    case FR_CHART_NONE:
    default:
      return 0;
    }
}

/* The option (or criterion) at @position in the order the chart draws. */
static guint
item_at (FrChartKind   kind,
         gconstpointer data,
         guint         position)
{
  switch (kind)
    {
    case FR_CHART_RANKING:
      return ((const FrRankingChartData *) data)->order[position];
    case FR_CHART_SMAA:
      return ((const FrSmaaChartData *) data)->order[position];
    case FR_CHART_SENSITIVITY:
      {
        g_autofree guint *rows = fr_sensitivity_chart_row_order (data);
        return rows[position];
      }
    case FR_CHART_PROFILE:
    case FR_CHART_STAKEHOLDERS:
    case FR_CHART_SCATTER:
    case FR_CHART_NONE:
    default:
      return position;
    }
}

/* Emphasises the option under the cursor where the chart can show it. */
static void
apply_cursor (FrChartView *self,
              FrChartKind  kind,
              gpointer     data)
{
  int option = -1;

  if (self->cursor >= 0 && (guint) self->cursor < item_count (kind, data))
    option = (int) item_at (kind, data, (guint) self->cursor);
  if (kind == FR_CHART_RANKING)
    ((FrRankingChartData *) data)->highlighted = option;
  else if (kind == FR_CHART_PROFILE)
    ((FrProfileChartData *) data)->highlighted = option;
}

static void
append_value (GString    *text,
              const char *name,
              double      value,
              int         decimals)
{
  g_autofree char *number = fr_format_score (value, decimals);

  /* Translators: one figure in a list, "Ukraine 0.59" */
  g_string_append_printf (text, text->len > 0 ? _(", %s %s") : _("%s %s"), name, number);
}

/* What the item under the cursor shows, in words. */
static char *
item_readout (FrChartView *self)
{
  guint item = item_at (self->kind, self->data, (guint) self->cursor);
  g_autoptr(GString) list = g_string_new (NULL);

  switch (self->kind)
    {
    case FR_CHART_RANKING:
      {
        const FrRankingChartData *data = self->data;
        g_autofree char *score = fr_format_score (data->scores[item], data->decimals);

        /* Translators: keyboard readout of a ranking: "2. Armed neutrality: 0.58" */
        return g_strdup_printf (_("%d. %s: %s"), self->cursor + 1, data->option_names[item], score);
      }
    case FR_CHART_PROFILE:
      {
        const FrProfileChartData *data = self->data;

        for (guint c = 0; c < data->n_criteria; c++)
          append_value (list, data->criterion_names[c], data->values[(gsize) item * data->n_criteria + c], 2);
        /* Translators: keyboard readout: an option, then its values */
        return g_strdup_printf (_("%s: %s"), data->option_names[item], list->str);
      }
    case FR_CHART_SENSITIVITY:
      {
        const FrSensitivityChartData *data = self->data;
        g_autofree char *weight = fr_format_weight (data->weight[item]);
        g_autofree char *low = fr_format_weight (data->stable_low[item]);
        g_autofree char *high = fr_format_weight (data->stable_high[item]);

        /* Translators: keyboard readout of the sensitivity chart: criterion,
         * its weight, the leading option, the weight interval that keeps it first */
        return g_strdup_printf (_("%s: weight %s; %s stays first from %s to %s"), data->criterion_names[item],
                                weight, data->leader_name ? data->leader_name : "", low, high);
      }
    case FR_CHART_SMAA:
      {
        const FrSmaaChartData *data = self->data;
        g_autofree char *first = fr_format_weight (data->acceptability[(gsize) item * data->n_options]);

        if (isnan (data->confidence[item]))
          /* Translators: keyboard readout of the SMAA chart */
          return g_strdup_printf (_("%s: first in %s of the samples"), data->option_names[item], first);
        {
          g_autofree char *confidence = fr_format_weight (data->confidence[item]);
          /* Translators: keyboard readout of the SMAA chart */
          return g_strdup_printf (_("%s: first in %s of the samples, confidence %s"), data->option_names[item],
                                  first, confidence);
        }
      }
    case FR_CHART_STAKEHOLDERS:
      {
        const FrStakeholderChartData *data = self->data;

        for (guint k = 0; k < data->n_stakeholders; k++)
          append_value (list, data->stakeholder_names[k], data->utility[(gsize) k * data->n_options + item],
                        data->decimals);
        if (data->in_zopa[item])
          g_string_append_printf (list, "; %s", _("every stakeholder could accept it"));
        if (data->nash == (int) item)
          g_string_append_printf (list, "; %s", _("the Nash bargaining choice"));
        return g_strdup_printf (_("%s: %s"), data->option_names[item], list->str);
      }
    case FR_CHART_SCATTER:
      {
        const FrScatterChartData *data = self->data;

        append_value (list, data->x_name, data->x[item], data->decimals);
        append_value (list, data->y_name, data->y[item], data->decimals);
        if (data->pareto[item])
          g_string_append_printf (list, "; %s", _("on the Pareto front"));
        if (data->nash == (int) item)
          g_string_append_printf (list, "; %s", _("the Nash bargaining choice"));
        return g_strdup_printf (_("%s: %s"), data->option_names[item], list->str);
      }
    case FR_CHART_NONE:
    default:
      return NULL;
    }
}

char *
fr_chart_view_dup_cursor_text (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), NULL);

  if (self->cursor < 0 || (guint) self->cursor >= item_count (self->kind, self->data))
    return NULL;
  return item_readout (self);
}

int
fr_chart_view_get_cursor (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), -1);
  return self->cursor;
}

/* Screen readers hear the item under the cursor, or what the whole chart
 * shows when there is none. */
static void
update_description (FrChartView *self)
{
  g_autofree char *description = fr_chart_view_dup_cursor_text (self);

  if (description == NULL)
    description = fr_chart_view_dup_description (self);
  g_clear_handle_id (&self->description_source, g_source_remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static gboolean
update_description_later_cb (gpointer data)
{
  FrChartView *self = data;

  self->description_source = 0;
  update_description (self);
  return G_SOURCE_REMOVE;
}

/* Writing the chart out in words takes longer than drawing it changed,
 * and a slider drag changes it sixty times a second: the description
 * follows at most four times a second, the last figures always. */
static void
update_description_later (FrChartView *self)
{
  if (self->description_source == 0)
    self->description_source = g_timeout_add (DESCRIPTION_DELAY_MS, update_description_later_cb, self);
}

void
fr_chart_view_set_cursor (FrChartView *self,
                          int          position)
{
  guint n;

  g_return_if_fail (FR_IS_CHART_VIEW (self));

  n = item_count (self->kind, self->data);
  position = n == 0 ? -1 : CLAMP (position, -1, (int) n - 1);
  if (position == self->cursor)
    return;
  self->cursor = position;
  if (self->data != NULL)
    apply_cursor (self, self->kind, self->data);
  invalidate (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FrChartView           *self)
{
  int n = (int) item_count (self->kind, self->data);

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Down:
    case GDK_KEY_KP_Right:
      fr_chart_view_set_cursor (self, self->cursor < 0 ? 0 : MIN (self->cursor + 1, n - 1));
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Left:
      fr_chart_view_set_cursor (self, self->cursor < 0 ? n - 1 : MAX (self->cursor - 1, 0));
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      fr_chart_view_set_cursor (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      fr_chart_view_set_cursor (self, n - 1);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->cursor < 0)
        return FALSE;
      fr_chart_view_set_cursor (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave (FrChartView *self)
{
  fr_chart_view_set_cursor (self, -1);
}

/* A click takes the focus and puts the cursor on what it hit, so that the
 * arrow keys go on from there. */
static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             FrChartView     *self)
{
  FrChartHit hit;
  int item = -1;
  guint n = item_count (self->kind, self->data);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!hit_test (self, x, y, &hit))
    return;
  item = self->kind == FR_CHART_SENSITIVITY ? hit.criterion : hit.option;
  for (guint position = 0; item >= 0 && position < n; position++)
    if (item_at (self->kind, self->data, position) == (guint) item)
      {
        fr_chart_view_set_cursor (self, (int) position);
        return;
      }
}

/* The readout of the item under the cursor, in a small panel at the top of
 * the chart, and the focus ring. */
static void
snapshot_cursor (FrChartView *self,
                 GtkSnapshot *snapshot,
                 int          width,
                 int          height)
{
  g_autofree char *text = fr_chart_view_dup_cursor_text (self);
  GtkWidget *widget = GTK_WIDGET (self);
  const FrTheme *theme = fr_style_current_theme ();

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect ring;
      GdkRGBA accent = { theme->accent.r, theme->accent.g, theme->accent.b, 1.0 };

      gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &ring, (float[]) { 2, 2, 2, 2 },
                                  (GdkRGBA[]) { accent, accent, accent, accent });
    }
  if (text != NULL)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
      GdkRGBA background = { theme->background.r, theme->background.g, theme->background.b, 0.95 };
      GdkRGBA foreground = { theme->foreground.r, theme->foreground.g, theme->foreground.b, 1.0 };
      GdkRGBA border = { theme->accent.r, theme->accent.g, theme->accent.b, 1.0 };
      GskRoundedRect panel;
      int text_width, text_height;
      float x, y = 8;

      pango_layout_set_width (layout, MAX (width - 40, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      x = MAX (8, width - text_width - 28);
      gsk_rounded_rect_init_from_rect (&panel, &GRAPHENE_RECT_INIT (x, y, text_width + 20, text_height + 12), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &panel);
      gtk_snapshot_append_color (snapshot, &background, &panel.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &panel, (float[]) { 1, 1, 1, 1 },
                                  (GdkRGBA[]) { border, border, border, border });
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 10, y + 6));
      gtk_snapshot_append_layout (snapshot, layout, &foreground);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
    }
}

void
fr_chart_view_set_chart (FrChartView *self,
                         FrChartKind  kind,
                         gpointer     data)
{
  g_return_if_fail (FR_IS_CHART_VIEW (self));

  /* The cursor stays on its place as new figures arrive. */
  if (self->cursor >= 0 && (guint) self->cursor >= item_count (kind, data))
    self->cursor = -1;
  if (data != NULL)
    apply_cursor (self, kind, data);

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
  update_description_later (self);
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
