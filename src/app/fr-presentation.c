/* fr-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <glib/gi18n.h>

#include "fr-presentation.h"
#include "fr-slide.h"
#include "fr-xml.h"

struct _FrPresentation
{
  GtkWindow parent_instance;

  FrDocument *document;
  FrHistory *history;
  FrSlideContext *context;
  GBytes *starting_state;     /* the document when the presentation began */
  GtkWidget *canvas;
  guint index;
  gboolean dark;
};

G_DEFINE_FINAL_TYPE (FrPresentation, fr_presentation, GTK_TYPE_WINDOW)

static FrModel *
model_of (FrPresentation *self)
{
  return fr_document_get_model (self->document);
}

guint
fr_presentation_get_n_slides (FrPresentation *self)
{
  g_return_val_if_fail (FR_IS_PRESENTATION (self), 0);
  return model_of (self)->views->len;
}

static const FrView *
current_view (FrPresentation *self)
{
  FrModel *model = model_of (self);

  if (model->views->len == 0)
    return NULL;
  return g_ptr_array_index (model->views, MIN (self->index, model->views->len - 1));
}

static const FrTheme *
theme_of (FrPresentation *self)
{
  return fr_theme_get (self->dark ? FR_THEME_PRESENTATION_DARK : FR_THEME_PRESENTATION_LIGHT);
}

static void
draw_slide (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  FrPresentation *self = user_data;
  const FrView *view = current_view (self);
  const FrTheme *theme = theme_of (self);

  if (view == NULL)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      int text_width, text_height;

      fr_color_set_source (cr, theme->background);
      cairo_paint (cr);
      pango_layout_set_text (layout, _("This document has no saved views to present."), -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      fr_color_set_source (cr, theme->foreground);
      cairo_move_to (cr, (width - text_width) / 2.0, (height - text_height) / 2.0);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      return;
    }
  fr_slide_context_set_page (self->context, self->index + 1, fr_presentation_get_n_slides (self));
  fr_slide_render (cr, self->context, view, width, height, theme);
}

char *
fr_presentation_dup_description (FrPresentation *self)
{
  const FrView *view;

  g_return_val_if_fail (FR_IS_PRESENTATION (self), NULL);
  view = current_view (self);
  if (view == NULL)
    return g_strdup (_("This document has no saved views to present."));
  return fr_slide_describe (self->context, view);
}

static void
slide_changed (FrPresentation *self)
{
  const FrView *view = current_view (self);
  g_autofree char *description = fr_presentation_dup_description (self);

  gtk_window_set_title (GTK_WINDOW (self), view ? view->title : _("Presentation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, view ? view->title : _("Presentation"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (self->canvas);
}

void
fr_presentation_go_to (FrPresentation *self,
                       guint           index)
{
  guint n;

  g_return_if_fail (FR_IS_PRESENTATION (self));

  n = fr_presentation_get_n_slides (self);
  index = n == 0 ? 0 : MIN (index, n - 1);
  if (self->index == index)
    return;
  self->index = index;
  slide_changed (self);
}

guint
fr_presentation_get_index (FrPresentation *self)
{
  g_return_val_if_fail (FR_IS_PRESENTATION (self), 0);
  return self->index;
}

gboolean
fr_presentation_get_dark (FrPresentation *self)
{
  g_return_val_if_fail (FR_IS_PRESENTATION (self), FALSE);
  return self->dark;
}

void
fr_presentation_set_dark (FrPresentation *self,
                          gboolean        dark)
{
  g_return_if_fail (FR_IS_PRESENTATION (self));
  self->dark = dark;
  gtk_widget_queue_draw (self->canvas);
}

gboolean
fr_presentation_restore (FrPresentation *self)
{
  g_autoptr(GBytes) now = NULL;
  FrModel *model;

  g_return_val_if_fail (FR_IS_PRESENTATION (self), FALSE);

  now = fr_xml_save_bytes (model_of (self), NULL);
  if (self->starting_state == NULL || (now != NULL && g_bytes_equal (now, self->starting_state)))
    return FALSE;
  model = fr_xml_load_bytes (self->starting_state, NULL, NULL);
  if (model == NULL)
    return FALSE;
  if (self->history != NULL)
    fr_history_checkpoint (self->history, _("Return to the Saved State"), NULL);
  fr_document_replace_model (self->document, model);
  return TRUE;
}

static void
on_document_changed (FrPresentation *self,
                     guint           what)
{
  /* A new model object (undo, restore): the context must follow it. */
  if (what == FR_CHANGE_ALL)
    fr_slide_context_set_model (self->context, model_of (self));
  if (self->index >= fr_presentation_get_n_slides (self) && self->index > 0)
    self->index = fr_presentation_get_n_slides (self) - 1;
  slide_changed (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FrPresentation        *self)
{
  guint n = fr_presentation_get_n_slides (self);

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Down:
      fr_presentation_go_to (self, self->index + 1 < n ? self->index + 1 : self->index);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
    case GDK_KEY_Up:
      fr_presentation_go_to (self, self->index > 0 ? self->index - 1 : 0);
      return TRUE;
    case GDK_KEY_Home:
      fr_presentation_go_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
      fr_presentation_go_to (self, n > 0 ? n - 1 : 0);
      return TRUE;
    case GDK_KEY_d:
    case GDK_KEY_D:
      fr_presentation_set_dark (self, !self->dark);
      return TRUE;
    case GDK_KEY_r:
    case GDK_KEY_R:
      fr_presentation_restore (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FrPresentation  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint n = fr_presentation_get_n_slides (self);

  if (button == GDK_BUTTON_SECONDARY)
    fr_presentation_go_to (self, self->index > 0 ? self->index - 1 : 0);
  else if (self->index + 1 < n)
    fr_presentation_go_to (self, self->index + 1);
}

static void
fr_presentation_dispose (GObject *object)
{
  FrPresentation *self = FR_PRESENTATION (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (fr_presentation_parent_class)->dispose (object);
}

static void
fr_presentation_finalize (GObject *object)
{
  FrPresentation *self = FR_PRESENTATION (object);

  g_clear_pointer (&self->context, fr_slide_context_free);
  g_clear_pointer (&self->starting_state, g_bytes_unref);

  G_OBJECT_CLASS (fr_presentation_parent_class)->finalize (object);
}

static void
fr_presentation_class_init (FrPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fr_presentation_dispose;
  object_class->finalize = fr_presentation_finalize;
}

static void
fr_presentation_init (FrPresentation *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->canvas = gtk_drawing_area_new ();
  gtk_widget_set_focusable (self->canvas, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presentation"), -1);
  gtk_window_set_child (GTK_WINDOW (self), self->canvas);
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (click));
}

FrPresentation *
fr_presentation_new (GtkWindow  *parent,
                     FrDocument *document,
                     FrHistory  *history,
                     guint       first)
{
  FrPresentation *self = g_object_new (FR_TYPE_PRESENTATION,
                                       "transient-for", parent,
                                       "application", parent ? gtk_window_get_application (parent) : NULL,
                                       NULL);

  self->document = g_object_ref (document);
  self->history = history ? g_object_ref (history) : NULL;
  self->context = fr_slide_context_new (fr_document_get_model (document), NULL);
  self->starting_state = fr_xml_save_bytes (fr_document_get_model (document), NULL);
  self->index = first;
  self->dark = TRUE;
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->canvas), draw_slide, self, NULL);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  if (first >= fr_presentation_get_n_slides (self))
    self->index = 0;
  slide_changed (self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}
