/* fr-score-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <math.h>

#include "fr-image-node.h"
#include "fr-pill-image.h"
#include "fr-score-bar.h"

/* libadwaita's horizontal level bar. */
#define BAR_HEIGHT 8

struct _FrScoreBar
{
  GtkWidget parent_instance;

  double  fraction;
  GdkRGBA color;
  /* Both bars at full width, the fill shown as long as the score. */
  FrPillImage trough;
  FrPillImage fill;
};

G_DEFINE_FINAL_TYPE (FrScoreBar, fr_score_bar, GTK_TYPE_WIDGET)

static void
fr_score_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 2 * BAR_HEIGHT : BAR_HEIGHT;
}

/* A round-ended bar as GTK's own nodes, which the GL renderers draw as
 * they are; the cairo renderer clips to its curved outline on every
 * frame, hence the images there. */
static void
append_bar (GtkSnapshot   *snapshot,
            int            width,
            int            height,
            const GdkRGBA *color)
{
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, color, &outline.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
fr_score_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FrScoreBar *self = FR_SCORE_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int filled = (int) round (width * self->fraction);
  GdkRGBA trough;

  if (width <= 0 || height <= 0)
    return;
  /* The trough in the text colour, faint, as the level bar's empty block. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &trough);
  trough.alpha *= 0.15f;
  if (!fr_widget_draws_with_cairo (widget))
    {
      append_bar (snapshot, width, height, &trough);
      if (filled > 0)
        append_bar (snapshot, MAX (filled, height), height, &self->color);
      return;
    }
  fr_pill_image_prepare (&self->trough, width, height, scale, &trough, NULL);
  fr_pill_image_append (&self->trough, snapshot, 0, 0);
  /* Shorter than it is tall, the fill keeps its round ends. */
  if (filled > 0)
    {
      fr_pill_image_prepare (&self->fill, width, height, scale, &self->color, NULL);
      fr_pill_image_append_span (&self->fill, snapshot, 0, 0, 0, MAX (filled, height));
    }
}

static void
fr_score_bar_finalize (GObject *object)
{
  FrScoreBar *self = FR_SCORE_BAR (object);

  fr_pill_image_clear (&self->trough);
  fr_pill_image_clear (&self->fill);

  G_OBJECT_CLASS (fr_score_bar_parent_class)->finalize (object);
}

static void
fr_score_bar_class_init (FrScoreBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fr_score_bar_finalize;
  widget_class->measure = fr_score_bar_measure;
  widget_class->snapshot = fr_score_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "scorebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
fr_score_bar_init (FrScoreBar *self)
{
  self->color = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.0f };
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  -1);
}

GtkWidget *
fr_score_bar_new (void)
{
  return g_object_new (FR_TYPE_SCORE_BAR, NULL);
}

void
fr_score_bar_set_fraction (FrScoreBar *self,
                           double      fraction)
{
  g_return_if_fail (FR_IS_SCORE_BAR (self));

  fraction = isnan (fraction) ? 0.0 : CLAMP (fraction, 0.0, 1.0);
  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, fraction, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
fr_score_bar_get_fraction (FrScoreBar *self)
{
  g_return_val_if_fail (FR_IS_SCORE_BAR (self), 0.0);
  return self->fraction;
}

void
fr_score_bar_set_color (FrScoreBar    *self,
                        const GdkRGBA *color)
{
  g_return_if_fail (FR_IS_SCORE_BAR (self));
  g_return_if_fail (color != NULL);

  if (gdk_rgba_equal (color, &self->color))
    return;
  self->color = *color;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
