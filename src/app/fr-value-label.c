/* fr-value-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short number that changes many times a second, such as a weight or a
 * score while a slider is dragged. A GtkLabel asks the whole window to
 * measure and allocate itself again whenever its text changes; this label
 * is as wide as a sample text given once, so a new value is only drawn
 * again. With a score and a weight per row, that was about a quarter of
 * the main thread's time on each tick of a weight drag.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <math.h>

#include "fr-value-label.h"

struct _FrValueLabel
{
  GtkWidget parent_instance;

  char *text;
  char *sample;         /* the widest text expected, for the width */
  PangoLayout *layout;  /* the text */
  int sample_width;     /* in Pango units; -1 until measured */
};

G_DEFINE_FINAL_TYPE (FrValueLabel, fr_value_label, GTK_TYPE_WIDGET)

static void
ensure_layout (FrValueLabel *self)
{
  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
}

static void
fr_value_label_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  FrValueLabel *self = FR_VALUE_LABEL (widget);

  ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->sample_width < 0)
        {
          PangoLayout *sample = gtk_widget_create_pango_layout (widget, self->sample);

          pango_layout_get_size (sample, &self->sample_width, NULL);
          g_object_unref (sample);
        }
      *minimum = *natural = PANGO_PIXELS_CEIL (self->sample_width);
    }
  else
    {
      PangoRectangle logical;

      pango_layout_get_extents (self->layout, NULL, &logical);
      *minimum = *natural = PANGO_PIXELS_CEIL (logical.height);
      *minimum_baseline = *natural_baseline = PANGO_PIXELS (pango_layout_get_baseline (self->layout));
    }
}

static void
fr_value_label_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  FrValueLabel *self = FR_VALUE_LABEL (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA color;
  int text_width, text_height;
  float x, y;

  ensure_layout (self);
  gtk_style_context_get_color (style, &color);
  pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
  /* At the end of the line, as numbers in a column are. */
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 0 : gtk_widget_get_width (widget) - text_width;
  /* Centred in a taller allocation, as a GtkLabel is. */
  y = floorf ((gtk_widget_get_height (widget) - text_height) / 2.0f);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A new font or size: the layouts and the width follow. */
static void
fr_value_label_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  FrValueLabel *self = FR_VALUE_LABEL (widget);

  GTK_WIDGET_CLASS (fr_value_label_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);
  self->sample_width = -1;
  gtk_widget_queue_resize (widget);
}

static void
fr_value_label_finalize (GObject *object)
{
  FrValueLabel *self = FR_VALUE_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  g_free (self->sample);

  G_OBJECT_CLASS (fr_value_label_parent_class)->finalize (object);
}

static void
fr_value_label_class_init (FrValueLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fr_value_label_finalize;
  widget_class->measure = fr_value_label_measure;
  widget_class->snapshot = fr_value_label_snapshot;
  widget_class->css_changed = fr_value_label_css_changed;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
fr_value_label_init (FrValueLabel *self)
{
  self->text = g_strdup ("");
  self->sample_width = -1;
}

/* Sets *@slot to a copy of @value ("" for NULL); FALSE when it held that
 * already. */
static gboolean
replace_text (char       **slot,
              const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* @sample is the widest text the label will show: it sets the width. */
GtkWidget *
fr_value_label_new (const char *sample)
{
  FrValueLabel *self = g_object_new (FR_TYPE_VALUE_LABEL, NULL);

  fr_value_label_set_sample (self, sample);
  return GTK_WIDGET (self);
}

void
fr_value_label_set_sample (FrValueLabel *self,
                           const char   *sample)
{
  g_return_if_fail (FR_IS_VALUE_LABEL (self));

  if (!replace_text (&self->sample, sample))
    return;
  self->sample_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
fr_value_label_set_text (FrValueLabel *self,
                         const char   *text)
{
  g_return_if_fail (FR_IS_VALUE_LABEL (self));

  if (!replace_text (&self->text, text))
    return;
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
fr_value_label_get_text (FrValueLabel *self)
{
  g_return_val_if_fail (FR_IS_VALUE_LABEL (self), NULL);
  return self->text;
}
