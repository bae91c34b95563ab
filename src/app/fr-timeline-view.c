/* fr-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "fr-date.h"
#include "fr-style.h"
#include "fr-export.h"
#include "fr-format.h"
#include "fr-timeline-render.h"
#include "fr-timeline-view.h"

/* Playing shows two years of history a second. */
#define PLAY_DAYS_PER_SECOND 730.0

struct _FrTimelineView
{
  GtkWidget parent_instance;

  const FrModel *model;
  gint32 day;
  char *option_id;
  double start_year;
  double end_year;
  char *hovered_event;
  char *selected_event;
  double pointer_x;

  guint tick_id;
  gint64 last_frame_time;
  double play_remainder;
};

G_DEFINE_FINAL_TYPE (FrTimelineView, fr_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_PLAYING,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fill_scene (FrTimelineView  *self,
            FrTimelineScene *scene)
{
  fr_timeline_scene_init (scene, self->model);
  scene->start_year = self->start_year;
  scene->end_year = self->end_year;
  scene->current_day = self->day;
  scene->option_id = self->option_id;
  scene->hovered_event = self->hovered_event;
  scene->selected_event = self->selected_event;
}

static void
fr_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;
  FrTimelineScene scene;

  if (width <= 0 || height <= 0 || self->model == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fill_scene (self, &scene);
  fr_timeline_render (cr, &scene, width, height, fr_style_current_theme ());
  cairo_destroy (cr);
}

static const FrEvent *
event_at (FrTimelineView *self,
          double          x,
          double          y)
{
  FrTimelineScene scene;

  if (self->model == NULL)
    return NULL;
  fill_scene (self, &scene);
  return fr_timeline_hit_test (&scene, gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static gint32
day_at (FrTimelineView *self,
        double          x)
{
  FrTimelineScene scene;

  fill_scene (self, &scene);
  return fr_timeline_day_at_x (&scene, gtk_widget_get_width (GTK_WIDGET (self)), x);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FrTimelineView           *self)
{
  const FrEvent *event = event_at (self, x, y);

  self->pointer_x = x;
  if (g_strcmp0 (self->hovered_event, event ? event->id : NULL) != 0)
    {
      set_string (&self->hovered_event, event ? event->id : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          FrTimelineView           *self)
{
  if (self->hovered_event != NULL)
    {
      set_string (&self->hovered_event, NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (widget);
  const FrEvent *event = event_at (self, x, y);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (event == NULL)
    return FALSE;
  date = fr_format_day (event->day);
  text = g_strdup_printf ("%s\n%s", date, event->title);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FrTimelineView  *self)
{
  const FrEvent *event = event_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (event != NULL)
    {
      fr_timeline_view_select_event (self, event);
      g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FrTimelineView *self)
{
  /* A press on a marker selects the event (on release); anywhere else the
   * strip is a scrubber. */
  if (event_at (self, x, y) == NULL)
    fr_timeline_view_set_day (self, day_at (self, x));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FrTimelineView *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y) && fabs (dx) > 2)
    fr_timeline_view_set_day (self, day_at (self, x + dx));
}

static void
zoom_around (FrTimelineView *self,
             double          factor,
             double          anchor_year)
{
  double span = (self->end_year - self->start_year) / factor;
  double left = (anchor_year - self->start_year) / (self->end_year - self->start_year);

  fr_timeline_view_set_range (self, anchor_year - left * span, anchor_year + (1 - left) * span);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           FrTimelineView           *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double anchor;

  if (width <= 0)
    return FALSE;
  if (dx != 0)
    {
      double shift = dx * (self->end_year - self->start_year) / 20;
      fr_timeline_view_set_range (self, self->start_year + shift, self->end_year + shift);
    }
  anchor = self->start_year + (self->end_year - self->start_year) * self->pointer_x / width;
  if (dy != 0)
    zoom_around (self, pow (1.2, -dy), anchor);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FrTimelineView        *self)
{
  gboolean coarse = (state & GDK_SHIFT_MASK) != 0;
  int y, m, d;

  fr_day_to_ymd (self->day, &y, &m, &d);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      fr_timeline_view_set_day (self, coarse ? fr_day_from_ymd (y - 1, m, MIN (d, 28)) : self->day - 30);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      fr_timeline_view_set_day (self, coarse ? fr_day_from_ymd (y + 1, m, MIN (d, 28)) : self->day + 30);
      return TRUE;
    case GDK_KEY_Page_Up:
      fr_timeline_view_set_day (self, fr_day_from_ymd (y - 10, m, MIN (d, 28)));
      return TRUE;
    case GDK_KEY_Page_Down:
      fr_timeline_view_set_day (self, fr_day_from_ymd (y + 10, m, MIN (d, 28)));
      return TRUE;
    case GDK_KEY_Home:
      fr_timeline_view_set_day (self, fr_day_from_year (self->start_year));
      return TRUE;
    case GDK_KEY_End:
      fr_timeline_view_set_day (self, fr_day_from_year (self->end_year) - 1);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      fr_timeline_view_zoom (self, 1.5);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      fr_timeline_view_zoom (self, 1 / 1.5);
      return TRUE;
    case GDK_KEY_space:
      fr_timeline_view_set_playing (self, self->tick_id == 0);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
play_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double days;
  gint32 end = fr_day_from_year (self->end_year);

  if (self->last_frame_time == 0)
    self->last_frame_time = now;
  days = PLAY_DAYS_PER_SECOND * (now - self->last_frame_time) / (double) G_USEC_PER_SEC + self->play_remainder;
  self->last_frame_time = now;
  self->play_remainder = days - floor (days);
  if (self->day + (gint32) floor (days) >= end)
    {
      fr_timeline_view_set_day (self, end - 1);
      self->tick_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return G_SOURCE_REMOVE;
    }
  fr_timeline_view_set_day (self, self->day + (gint32) floor (days));
  return G_SOURCE_CONTINUE;
}

static void
fr_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->tick_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY:
      fr_timeline_view_set_day (self, g_value_get_int (value));
      break;
    case PROP_PLAYING:
      fr_timeline_view_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_timeline_view_dispose (GObject *object)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  G_OBJECT_CLASS (fr_timeline_view_parent_class)->dispose (object);
}

static void
fr_timeline_view_finalize (GObject *object)
{
  FrTimelineView *self = FR_TIMELINE_VIEW (object);

  g_free (self->option_id);
  g_free (self->hovered_event);
  g_free (self->selected_event);

  G_OBJECT_CLASS (fr_timeline_view_parent_class)->finalize (object);
}

static void
fr_timeline_view_class_init (FrTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fr_timeline_view_dispose;
  object_class->finalize = fr_timeline_view_finalize;
  object_class->get_property = fr_timeline_view_get_property;
  object_class->set_property = fr_timeline_view_set_property;
  widget_class->snapshot = fr_timeline_view_snapshot;

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, 1, G_MAXINT32, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FrTimelineView::event-activated:
   * @event: the #FrEvent the user picked (borrowed from the model)
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_css_name (widget_class, "frtimelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
fr_timeline_view_init (FrTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->day = fr_day_today ();
  self->start_year = FR_TIMELINE_DEFAULT_START_YEAR;
  self->end_year = FR_TIMELINE_DEFAULT_END_YEAR;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timeline"), -1);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

GtkWidget *
fr_timeline_view_new (void)
{
  return g_object_new (FR_TYPE_TIMELINE_VIEW, NULL);
}

void
fr_timeline_view_set_model (FrTimelineView *self,
                            const FrModel  *model)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  self->model = model;
  set_string (&self->hovered_event, NULL);
  set_string (&self->selected_event, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_value (FrTimelineView *self)
{
  g_autofree char *text = fr_format_day (self->day);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, self->start_year,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->end_year,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, fr_day_to_year (self->day),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

void
fr_timeline_view_set_day (FrTimelineView *self,
                          gint32          day)
{
  gint32 first = fr_day_from_ymd (1900, 1, 1);
  gint32 last = fr_day_from_ymd (2100, 12, 31);

  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  day = CLAMP (day, first, last);
  if (self->day == day)
    return;
  self->day = day;
  update_accessible_value (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

gint32
fr_timeline_view_get_day (FrTimelineView *self)
{
  g_return_val_if_fail (FR_IS_TIMELINE_VIEW (self), 0);
  return self->day;
}

void
fr_timeline_view_set_option (FrTimelineView *self,
                             const char     *option_id)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  set_string (&self->option_id, option_id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fr_timeline_view_set_range (FrTimelineView *self,
                            double          start_year,
                            double          end_year)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  if (end_year - start_year < 1.0)
    {
      double middle = (start_year + end_year) / 2;
      start_year = middle - 0.5;
      end_year = middle + 0.5;
    }
  if (start_year < 1900)
    {
      end_year += 1900 - start_year;
      start_year = 1900;
    }
  if (end_year > 2100)
    {
      start_year -= end_year - 2100;
      end_year = 2100;
    }
  self->start_year = MAX (start_year, 1900);
  self->end_year = end_year;
  update_accessible_value (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fr_timeline_view_get_range (FrTimelineView *self,
                            double         *start_year,
                            double         *end_year)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  if (start_year)
    *start_year = self->start_year;
  if (end_year)
    *end_year = self->end_year;
}

void
fr_timeline_view_zoom (FrTimelineView *self,
                       double          factor)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  zoom_around (self, factor, fr_day_to_year (self->day));
}

void
fr_timeline_view_set_playing (FrTimelineView *self,
                              gboolean        playing)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  if (playing == (self->tick_id != 0))
    return;
  if (playing)
    {
      /* Playing from the end starts again from the beginning. */
      if (self->day >= fr_day_from_year (self->end_year) - 1)
        fr_timeline_view_set_day (self, fr_day_from_year (self->start_year));
      self->last_frame_time = 0;
      self->play_remainder = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), play_tick, NULL, NULL);
    }
  else
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
fr_timeline_view_get_playing (FrTimelineView *self)
{
  g_return_val_if_fail (FR_IS_TIMELINE_VIEW (self), FALSE);
  return self->tick_id != 0;
}

const FrEvent *
fr_timeline_view_get_selected_event (FrTimelineView *self)
{
  g_return_val_if_fail (FR_IS_TIMELINE_VIEW (self), NULL);

  if (self->model == NULL || self->selected_event == NULL)
    return NULL;
  for (guint i = 0; i < self->model->events->len; i++)
    {
      const FrEvent *event = g_ptr_array_index (self->model->events, i);
      if (g_strcmp0 (event->id, self->selected_event) == 0)
        return event;
    }
  return NULL;
}

void
fr_timeline_view_select_event (FrTimelineView *self,
                               const FrEvent  *event)
{
  g_return_if_fail (FR_IS_TIMELINE_VIEW (self));

  set_string (&self->selected_event, event ? event->id : NULL);
  if (event != NULL)
    fr_timeline_view_set_day (self, event->day);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_export (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  FrTimelineView *self = user_data;
  FrTimelineScene scene;

  fill_scene (self, &scene);
  scene.hovered_event = NULL;
  fr_timeline_render (cr, &scene, width, height, fr_theme_get (FR_THEME_LIGHT));
}

gboolean
fr_timeline_view_export (FrTimelineView  *self,
                         const char      *path,
                         double           width,
                         double           height,
                         double           scale,
                         GError         **error)
{
  g_return_val_if_fail (FR_IS_TIMELINE_VIEW (self), FALSE);

  if (self->model == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no timeline to export."));
      return FALSE;
    }
  return fr_export_to_file (path, width, height, scale, draw_export, self, error);
}
