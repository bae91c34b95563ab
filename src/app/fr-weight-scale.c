/* fr-weight-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fr-image-cache.h"
#include "fr-image-node.h"
#include "fr-pill-image.h"
#include "fr-weight-scale.h"

/* Room around the knob for its edge, shadow and focus ring, in units. */
#define KNOB_MARGIN 6

typedef struct {
  int size;                   /* the knob's width and height, in units */
  int scale;
  GdkRGBA fill;
  GdkRGBA focus;              /* transparent without a focus ring */
  gboolean high_contrast;
  gboolean shadow;
} KnobLook;

struct _FrWeightScale
{
  GtkScale parent_instance;

  FrPillImage trough;
  FrPillImage highlight;
  cairo_surface_t *knob;
  KnobLook knob_look;
};

G_DEFINE_FINAL_TYPE (FrWeightScale, fr_weight_scale, GTK_TYPE_SCALE)

static GtkWidget *
child_named (GtkWidget  *parent,
             const char *css_name)
{
  for (GtkWidget *child = parent != NULL ? gtk_widget_get_first_child (parent) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), css_name) == 0)
      return child;
  return NULL;
}

/* @part's box in @self's coordinates, if it is shown. */
static gboolean
part_box (GtkWidget       *self,
          GtkWidget       *part,
          graphene_rect_t *box)
{
  return part != NULL && gtk_widget_get_visible (part) && gtk_widget_compute_bounds (part, self, box) &&
         box->size.width >= 1 && box->size.height >= 1;
}

static GdkRGBA
named_color (GtkWidget  *widget,
             const char *name,
             GdkRGBA     fallback)
{
  GdkRGBA color;

  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    return color;
  return fallback;
}

static GdkRGBA
mix (GdkRGBA a,
     GdkRGBA b,
     float   amount)
{
  return (GdkRGBA) {
    a.red + (b.red - a.red) * amount, a.green + (b.green - a.green) * amount,
    a.blue + (b.blue - a.blue) * amount, a.alpha + (b.alpha - a.alpha) * amount,
  };
}

static void
knob_path (cairo_t *cr,
           double   centre,
           double   radius)
{
  cairo_new_path (cr);
  cairo_arc (cr, centre, centre, radius, 0, 2 * G_PI);
}

/* libadwaita's knob: a disc with a faint edge (strong in high contrast)
 * and a soft shadow below, and the focus ring around it. */
static cairo_surface_t *
knob_draw (gconstpointer key)
{
  const KnobLook *knob = key;
  double centre = KNOB_MARGIN + knob->size / 2.0, radius = knob->size / 2.0;
  int extent = knob->size + 2 * KNOB_MARGIN;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, extent * knob->scale,
                                                       extent * knob->scale);
  cairo_t *cr = cairo_create (image);

  cairo_scale (cr, knob->scale, knob->scale);
  if (knob->shadow)
    {
      /* "0 2px 4px rgba(0, 0, 0, 0.2)": a Gaussian blur of 4 px (σ 2 px)
       * across the edge, from 4 px inside to 4 px outside. */
      static const double falloff[] = { 0.195, 0.168, 0.1, 0.032, 0 };
      cairo_pattern_t *soft = cairo_pattern_create_radial (centre, centre + 2, MAX (radius - 4, 0),
                                                           centre, centre + 2, radius + 4);

      for (guint i = 0; i < G_N_ELEMENTS (falloff); i++)
        cairo_pattern_add_color_stop_rgba (soft, i / 4.0, 0, 0, 0, falloff[i]);
      cairo_set_source (cr, soft);
      knob_path (cr, centre, radius + 4);
      cairo_translate (cr, 0, 2);
      cairo_fill (cr);
      cairo_translate (cr, 0, -2);
      cairo_pattern_destroy (soft);
    }
  /* The edge: "0 0 0 1px", under the disc. */
  cairo_set_source_rgba (cr, 0, 0, 0, knob->high_contrast ? 0.35 : 0.1);
  knob_path (cr, centre, radius + 1);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, &knob->fill);
  knob_path (cr, centre, radius);
  cairo_fill (cr);
  if (knob->focus.alpha > 0)
    {
      /* "outline: 2px" at no offset. */
      gdk_cairo_set_source_rgba (cr, &knob->focus);
      cairo_set_line_width (cr, 2);
      knob_path (cr, centre, radius + 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  return image;
}

/* The knob that looks as @look says, drawn or shared: the sliders' knobs
 * look the same but for the one under the pointer or with the focus. */
static void
knob_prepare (FrWeightScale  *self,
              const KnobLook *look)
{
  static FrImageCache *shared;

  if (shared == NULL)
    shared = fr_image_cache_new (sizeof (KnobLook), 6, knob_draw);
  fr_image_cache_assign (shared, &self->knob, &self->knob_look, look);
}

static void
fr_weight_scale_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FrWeightScale *self = FR_WEIGHT_SCALE (widget);
  GtkWidget *trough = child_named (widget, "trough");
  GtkWidget *highlight = child_named (trough, "highlight");
  GtkWidget *slider = child_named (trough, "slider");
  GtkStateFlags state = gtk_widget_get_state_flags (widget);
  gboolean lit = (state & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE)) != 0;
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t trough_box, highlight_box, slider_box;
  GdkRGBA fg, trough_color, edge, accent, fill, focus = { 0, 0, 0, 0 };
  GskRenderNode *node;
  KnobLook knob;
  static const GdkRGBA white = { 1, 1, 1, 1 };

  /* The GL renderers draw rounded shapes cheaply, and a GtkRange of
   * another make (parts this does not know) is left to GTK. */
  if (!fr_widget_draws_with_cairo (widget) || gtk_range_get_show_fill_level (GTK_RANGE (widget)) ||
      gtk_scale_get_draw_value (GTK_SCALE (widget)) || !part_box (widget, trough, &trough_box) ||
      !part_box (widget, slider, &slider_box))
    {
      GTK_WIDGET_CLASS (fr_weight_scale_parent_class)->snapshot (widget, snapshot);
      return;
    }

  /* GTK asks again for a part to be drawn (a knob moved, the pointer came)
   * only once it has drawn it since the last time: the parts are
   * snapshot as usual, so that their changes reach this scale, and what
   * that gives is let go of. */
  {
    GtkSnapshot *unused = gtk_snapshot_new ();
    GskRenderNode *parts;

    gtk_widget_snapshot_child (widget, trough, unused);
    parts = gtk_snapshot_free_to_node (unused);
    g_clear_pointer (&parts, gsk_render_node_unref);
  }

  /* libadwaita's scale: the trough in the text colour at 15 % (20 % under
   * the pointer; in high contrast 30 and 40 %, with an edge at 50 %), the
   * highlight in the accent colour (a tenth lighter under the pointer),
   * the knob nearly white (white under the pointer), the focus ring in the
   * accent at half (80 % in high contrast). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  trough_color = fg;
  trough_color.alpha *= high_contrast ? (lit ? 0.4f : 0.3f) : (lit ? 0.2f : 0.15f);
  edge = fg;
  edge.alpha *= high_contrast ? 0.5f : 0.0f;
  accent = named_color (widget, "accent_bg_color", (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1 });
  if (lit)
    accent = mix (accent, named_color (widget, "accent_fg_color", white), 0.1f);
  fill = lit ? white : mix (white, named_color (widget, "view_bg_color", white), 0.2f);
  if (state & GTK_STATE_FLAG_FOCUS_VISIBLE)
    {
      focus = named_color (widget, "accent_color", accent);
      focus.alpha *= high_contrast ? 0.8f : 0.5f;
    }

  fr_pill_image_prepare (&self->trough, (int) trough_box.size.width, (int) trough_box.size.height, scale,
                         &trough_color, &edge);
  fr_pill_image_append (&self->trough, snapshot, trough_box.origin.x, trough_box.origin.y);
  if (part_box (widget, highlight, &highlight_box))
    {
      fr_pill_image_prepare (&self->highlight, (int) trough_box.size.width, (int) trough_box.size.height, scale,
                             &accent, NULL);
      fr_pill_image_append_span (&self->highlight, snapshot, trough_box.origin.x, trough_box.origin.y,
                                 (int) (highlight_box.origin.x - trough_box.origin.x),
                                 (int) highlight_box.size.width);
    }
  /* Zeroed whole: the key is compared byte for byte. */
  memset (&knob, 0, sizeof knob);
  knob.size = (int) MIN (slider_box.size.width, slider_box.size.height);
  knob.scale = scale;
  knob.fill = fill;
  knob.focus = focus;
  knob.high_contrast = high_contrast;
  knob.shadow = gtk_widget_is_sensitive (widget);
  knob_prepare (self, &knob);
  node = fr_image_node_new (self->knob, slider_box.origin.x - KNOB_MARGIN, slider_box.origin.y - KNOB_MARGIN, scale);
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
}

static void
fr_weight_scale_finalize (GObject *object)
{
  FrWeightScale *self = FR_WEIGHT_SCALE (object);

  fr_pill_image_clear (&self->trough);
  fr_pill_image_clear (&self->highlight);
  g_clear_pointer (&self->knob, cairo_surface_destroy);

  G_OBJECT_CLASS (fr_weight_scale_parent_class)->finalize (object);
}

static void
fr_weight_scale_class_init (FrWeightScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fr_weight_scale_finalize;
  widget_class->snapshot = fr_weight_scale_snapshot;
}

static void
fr_weight_scale_init (FrWeightScale *self)
{
}

GtkWidget *
fr_weight_scale_new (GtkAdjustment *adjustment)
{
  return g_object_new (FR_TYPE_WEIGHT_SCALE,
                       "orientation", GTK_ORIENTATION_HORIZONTAL,
                       "adjustment", adjustment,
                       "draw-value", FALSE,
                       NULL);
}
