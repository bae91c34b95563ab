/* fr-map-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin widget over fr_map_render(): it keeps the view (centre and scale),
 * the timeline state for the current day and the render cache, and turns
 * pointer and keyboard input into changes of those few numbers.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fr-date.h"
#include "fr-memory.h"
#include "fr-style.h"
#include "fr-export.h"
#include "fr-format.h"
#include "fr-frontier.h"
#include "fr-kml.h"
#include "fr-map-render.h"
#include "fr-image-node.h"
#include "fr-map-view.h"
#include "fr-timeline.h"

#define MIN_METRES_PER_PIXEL 50.0
#define MAX_METRES_PER_PIXEL 20000.0

struct _FrMapView
{
  GtkWidget parent_instance;

  const FrModel *model;
  FrTimeline *timeline;
  FrTimelineState *state;
  FrFrontier *frontier;
  FrMapCache *cache;
  /* The surfaces frames are drawn into: one GTK no longer holds is drawn
   * again where the map changed, not whole. */
  cairo_surface_t *frames[3];
  GPtrArray *layers;           /* FrKmlDocument*, the model's visible layers */
  gint32 day;
  char *option_id;
  char *selected_region;
  char *hovered_region;

  double center_x;
  double center_y;
  double metres_per_pixel;     /* <= 0: fit the default extent on the next frame */
  double drag_start_x;
  double drag_start_y;
  double zoom_start_scale;
  gboolean interactive;        /* a gesture runs: move the cached picture, sharpen after */
  gboolean placeholder_shown;  /* the first frame, drawn without the map */
  guint settle_source;
  double pointer_x;            /* last pointer position, where scrolling zooms */
  double pointer_y;
};

G_DEFINE_FINAL_TYPE (FrMapView, fr_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_SELECTED_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_MAP_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The 1:10m basemap is read and projected in a thread that the first map
 * view starts, so that the window shows at once and the map follows. The
 * shared state is touched on the main thread only: the thread hands its
 * result back through g_thread_join(). */
typedef struct {
  FrBasemap *basemap;
  FrMapCache *cache;          /* projected for the default view */
  char *error;
} BasemapLoad;

static FrBasemap *shared_basemap;
static char *shared_basemap_error;
static FrMapCache *prepared_cache;
static GThread *basemap_thread;
static GSList *all_views;

static gboolean
on_basemap_loaded (gpointer data)
{
  fr_map_view_finish_loading ();
  return G_SOURCE_REMOVE;
}

static gpointer
load_basemap_in_thread (gpointer data)
{
  BasemapLoad *load = g_new0 (BasemapLoad, 1);
  g_autoptr(GError) error = NULL;

  load->basemap = fr_basemap_load_default (FR_BASEMAP_DETAIL_10M, &error);
  if (load->basemap != NULL)
    {
      load->cache = fr_map_cache_new ();
      fr_map_cache_prepare (load->cache, load->basemap, NULL);
    }
  else
    load->error = g_strdup (error->message);
  g_idle_add_full (G_PRIORITY_DEFAULT, on_basemap_loaded, NULL, NULL);
  return load;
}

static void map_view_basemap_arrived (FrMapView *self);
static void drop_frame_surfaces (FrMapView *self);

void
fr_map_view_finish_loading (void)
{
  BasemapLoad *load;

  if (basemap_thread == NULL)
    return;
  load = g_thread_join (g_steal_pointer (&basemap_thread));
  shared_basemap = load->basemap;
  shared_basemap_error = load->error;
  prepared_cache = load->cache;
  g_free (load);
  for (GSList *l = all_views; l != NULL; l = l->next)
    map_view_basemap_arrived (l->data);
  /* The thread's parsing left its arena full of freed memory. */
  fr_memory_trim_soon ();
}

static void
start_loading (void)
{
  if (shared_basemap == NULL && shared_basemap_error == NULL && basemap_thread == NULL)
    basemap_thread = g_thread_new ("frontier-basemap", load_basemap_in_thread, NULL);
}

/* The basemap once it has arrived; NULL before, without waiting. */
static const FrBasemap *
get_basemap (void)
{
  return shared_basemap;
}

const FrBasemap *
fr_map_view_get_basemap (FrMapView *self)
{
  start_loading ();
  fr_map_view_finish_loading ();
  return shared_basemap;
}

static void
refresh_state (FrMapView *self)
{
  g_clear_pointer (&self->frontier, fr_frontier_free);
  if (self->timeline == NULL)
    {
      g_clear_pointer (&self->state, fr_timeline_state_free);
      return;
    }
  if (self->state == NULL)
    self->state = fr_timeline_get_state (self->timeline, self->day, self->option_id);
  else
    fr_timeline_state_update (self->state, self->day, self->option_id);
  if (get_basemap () != NULL)
    self->frontier = fr_frontier_compute (get_basemap (), self->state);
}

static void
map_view_basemap_arrived (FrMapView *self)
{
  if (prepared_cache != NULL)
    {
      /* The first view takes the geometry the thread projected. */
      fr_map_cache_free (self->cache);
      self->cache = g_steal_pointer (&prepared_cache);
    }
  drop_frame_surfaces (self);
  refresh_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_MAP_READY], 0);
}

static void
fill_scene (FrMapView  *self,
            FrMapScene *scene)
{
  fr_map_scene_init (scene, get_basemap (), self->state);
  scene->frontier = self->frontier;
  scene->selected_region = self->selected_region;
  scene->hovered_region = self->hovered_region;
  scene->cache = self->cache;
  scene->layers = self->layers;
  scene->interactive = self->interactive;
  if (self->metres_per_pixel > 0)
    {
      scene->center_x = self->center_x;
      scene->center_y = self->center_y;
      scene->metres_per_unit = self->metres_per_pixel;
    }
}

static void
ensure_fitted (FrMapView *self,
               double     width,
               double     height)
{
  static const double extent[4] = {
    FR_MAP_DEFAULT_LON_MIN, FR_MAP_DEFAULT_LAT_MIN,
    FR_MAP_DEFAULT_LON_MAX, FR_MAP_DEFAULT_LAT_MAX,
  };
  FrMapScene scene;

  if (self->metres_per_pixel > 0 || width <= 0 || height <= 0)
    return;
  fill_scene (self, &scene);
  fr_map_scene_fit (&scene, extent, width, height);
  self->center_x = scene.center_x;
  self->center_y = scene.center_y;
  self->metres_per_pixel = scene.metres_per_unit;
}

static gboolean
draw_map_next (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

/* A frame surface of the given size that no texture uses any more, its
 * earlier frame intact; a new one when all are in use. Owned by the
 * caller. */
static cairo_surface_t *
take_frame_surface (FrMapView *self,
                    int        pixel_width,
                    int        pixel_height)
{
  cairo_surface_t *surface;

  for (guint i = 0; i < G_N_ELEMENTS (self->frames); i++)
    {
      cairo_surface_t *frame = self->frames[i];

      if (frame == NULL || cairo_surface_get_reference_count (frame) > 1)
        continue;
      if (cairo_image_surface_get_width (frame) == pixel_width &&
          cairo_image_surface_get_height (frame) == pixel_height)
        return cairo_surface_reference (frame);
      g_clear_pointer (&self->frames[i], cairo_surface_destroy);
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  for (guint i = 0; i < G_N_ELEMENTS (self->frames); i++)
    if (self->frames[i] == NULL)
      {
        self->frames[i] = cairo_surface_reference (surface);
        break;
      }
  return surface;
}

static void
drop_frame_surfaces (FrMapView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->frames); i++)
    g_clear_pointer (&self->frames[i], cairo_surface_destroy);
}

/* The map is drawn into image surfaces of our own and handed to GTK in
 * the kind of node its renderer draws best: the render layer keeps its
 * cached base layer only for image targets, and patches a surface that
 * still holds one of its recent frames, so a date change repaints the
 * changed regions instead of the whole map. A surface is drawn again only once GTK has let go of what
 * it made from it. */
static void
fr_map_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  FrMapView *self = FR_MAP_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int pixel_width, pixel_height;
  cairo_surface_t *surface;
  GskRenderNode *node;
  cairo_t *cr;
  FrMapScene scene;

  if (width <= 0 || height <= 0)
    return;
  if (get_basemap () == NULL || !self->placeholder_shown)
    {
      /* The window's first frame goes out without waiting for the 1:10m
       * map to be drawn; the map follows in the next one. A colour node,
       * not a cairo one: that would be recorded, then replayed into a
       * fresh map-sized image before being copied to the window. */
      GdkRGBA sea = fr_style_rgba (fr_style_current_theme ()->sea);

      gtk_snapshot_append_color (snapshot, &sea, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (!self->placeholder_shown && get_basemap () != NULL)
        gtk_widget_add_tick_callback (widget, draw_map_next, NULL, NULL);
      self->placeholder_shown = TRUE;
      return;
    }
  pixel_width = (int) ceil (width * scale);
  pixel_height = (int) ceil (height * scale);
  surface = take_frame_surface (self, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ensure_fitted (self, width, height);
  fill_scene (self, &scene);
  scene.retained_target = TRUE;
  fr_map_render (cr, &scene, width, height, fr_style_current_theme ());
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  node = fr_picture_node_new (widget, surface, 0, 0, scale);
  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
  cairo_surface_destroy (surface);
}

static void
set_hovered (FrMapView  *self,
             const char *code)
{
  if (g_strcmp0 (self->hovered_region, code) == 0)
    return;
  g_free (self->hovered_region);
  self->hovered_region = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
region_at (FrMapView *self,
           double     x,
           double     y)
{
  FrMapScene scene;

  if (get_basemap () == NULL)
    return NULL;
  ensure_fitted (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  fill_scene (self, &scene);
  return fr_map_hit_test (&scene, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           FrMapView                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hovered (self, region_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          FrMapView                *self)
{
  set_hovered (self, NULL);
}

static const char *
alignment_label (FrAlignment alignment)
{
  switch (alignment)
    {
    case FR_ALIGNMENT_NATO: return _("NATO member");
    case FR_ALIGNMENT_NEUTRAL: return _("Neutral or non-aligned");
    case FR_ALIGNMENT_RUSSIA_ALIGNED: return _("Aligned with Russia");
    case FR_ALIGNMENT_RUSSIA: return _("Russia");
    case FR_ALIGNMENT_OCCUPIED: return _("Occupied by Russia");
    case FR_ALIGNMENT_WARSAW_PACT: return _("Warsaw Pact");
    case FR_ALIGNMENT_NONE:
    case FR_ALIGNMENT_UNCHANGED:
    case FR_N_ALIGNMENTS:
    default:
      return _("No data");
    }
}

static const char *
eu_label (FrEuStatus eu)
{
  switch (eu)
    {
    case FR_EU_MEMBER: return _("EU member");
    case FR_EU_CANDIDATE: return _("EU candidate");
    case FR_EU_NONE:
    case FR_EU_UNCHANGED:
    case FR_N_EU_STATUSES:
    default:
      return _("Not in the EU");
    }
}

char *
fr_map_view_dup_region_summary (FrMapView  *self,
                                const char *code)
{
  const FrBasemap *basemap = get_basemap ();
  FrRegion *region = basemap ? fr_basemap_find (basemap, code) : NULL;
  const char *name = fr_region_display_name (code, region ? region->name : NULL);
  g_autofree char *date = fr_format_day (self->day);
  FrAlignment alignment = FR_ALIGNMENT_NONE;
  FrEuStatus eu = FR_EU_NONE;
  gboolean projected = FALSE;

  if (self->state != NULL)
    {
      alignment = fr_timeline_state_get_alignment (self->state, code);
      eu = fr_timeline_state_get_eu (self->state, code);
      projected = fr_timeline_state_is_projected (self->state, code);
    }
  if (projected)
    /* Translators: tooltip: region, date, alignment and EU status of a projection */
    return g_strdup_printf (_("%s on %s (projection)\n%s · %s"), name, date,
                            alignment_label (alignment), eu_label (eu));
  /* Translators: tooltip: region, date, alignment and EU status */
  return g_strdup_printf (_("%s on %s\n%s · %s"), name, date, alignment_label (alignment), eu_label (eu));
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FrMapView *self = FR_MAP_VIEW (widget);
  const char *code = keyboard ? self->selected_region : region_at (self, x, y);
  g_autofree char *text = NULL;

  if (code == NULL)
    return FALSE;
  text = fr_map_view_dup_region_summary (self, code);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          FrMapView       *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  fr_map_view_select_region (self, region_at (self, x, y));
}

static void
set_interactive (FrMapView *self,
                 gboolean   interactive)
{
  if (self->interactive == interactive)
    return;
  self->interactive = interactive;
  /* The sharp redraw once a gesture ends. */
  if (!interactive)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
settle_timeout (gpointer user_data)
{
  FrMapView *self = user_data;

  self->settle_source = 0;
  set_interactive (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Scroll wheels send no end of gesture: it ends when the wheel rests. */
static void
interactive_for_a_moment (FrMapView *self)
{
  set_interactive (self, TRUE);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (150, settle_timeout, self);
}

static void
on_gesture_end (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                FrMapView        *self)
{
  set_interactive (self, FALSE);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               FrMapView      *self)
{
  self->drag_start_x = self->center_x;
  self->drag_start_y = self->center_y;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                FrMapView      *self)
{
  if (self->metres_per_pixel <= 0)
    return;
  if (dx * dx + dy * dy > 4)
    set_interactive (self, TRUE);
  /* Projected y grows northwards while the picture's grows downwards. */
  self->center_x = self->drag_start_x - dx * self->metres_per_pixel;
  self->center_y = self->drag_start_y + dy * self->metres_per_pixel;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_at (FrMapView *self,
         double     factor,
         double     x,
         double     y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double old_scale, new_scale, px, py;

  ensure_fitted (self, width, height);
  if (self->metres_per_pixel <= 0 || factor <= 0)
    return;
  old_scale = self->metres_per_pixel;
  new_scale = CLAMP (old_scale / factor, MIN_METRES_PER_PIXEL, MAX_METRES_PER_PIXEL);
  /* Keep the point under the pointer where it is. */
  px = self->center_x + (x - width / 2) * old_scale;
  py = self->center_y - (y - height / 2) * old_scale;
  self->center_x = px - (x - width / 2) * new_scale;
  self->center_y = py + (y - height / 2) * new_scale;
  self->metres_per_pixel = new_scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           FrMapView                *self)
{
  interactive_for_a_moment (self);
  zoom_at (self, pow (1.2, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               FrMapView        *self)
{
  self->zoom_start_scale = self->metres_per_pixel;
  set_interactive (self, TRUE);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       FrMapView      *self)
{
  double x, y;

  if (self->zoom_start_scale <= 0 || scale <= 0)
    return;
  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  zoom_at (self, self->metres_per_pixel / (self->zoom_start_scale / scale), x, y);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FrMapView             *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      fr_map_view_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      fr_map_view_zoom (self, 0.8);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      fr_map_view_reset_view (self);
      return TRUE;
    case GDK_KEY_Left:
      fr_map_view_pan (self, width / 10, 0);
      return TRUE;
    case GDK_KEY_Right:
      fr_map_view_pan (self, -width / 10, 0);
      return TRUE;
    case GDK_KEY_Up:
      fr_map_view_pan (self, 0, height / 10);
      return TRUE;
    case GDK_KEY_Down:
      fr_map_view_pan (self, 0, -height / 10);
      return TRUE;
    case GDK_KEY_Escape:
      fr_map_view_select_region (self, NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_style_changed (FrMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fr_map_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FrMapView *self = FR_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_map_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FrMapView *self = FR_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY:
      fr_map_view_set_day (self, g_value_get_int (value));
      break;
    case PROP_SELECTED_REGION:
      fr_map_view_select_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_map_view_finalize (GObject *object)
{
  FrMapView *self = FR_MAP_VIEW (object);

  g_clear_handle_id (&self->settle_source, g_source_remove);
  g_clear_pointer (&self->frontier, fr_frontier_free);
  g_clear_pointer (&self->state, fr_timeline_state_free);
  g_clear_pointer (&self->timeline, fr_timeline_unref);
  all_views = g_slist_remove (all_views, self);
  g_clear_pointer (&self->cache, fr_map_cache_free);
  drop_frame_surfaces (self);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_free (self->option_id);
  g_free (self->selected_region);
  g_free (self->hovered_region);

  G_OBJECT_CLASS (fr_map_view_parent_class)->finalize (object);
}

static void
fr_map_view_class_init (FrMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fr_map_view_finalize;
  object_class->get_property = fr_map_view_get_property;
  object_class->set_property = fr_map_view_set_property;
  widget_class->snapshot = fr_map_view_snapshot;

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, 1, G_MAXINT32, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The basemap arrived and the map shows; the frontier is known. */
  signals[SIGNAL_MAP_READY] =
    g_signal_new ("map-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "frmapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fr_map_view_init (FrMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->day = fr_day_today ();
  self->cache = fr_map_cache_new ();
  all_views = g_slist_prepend (all_views, self);
  start_loading ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 200, 150);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the frontier states"), -1);

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
  g_signal_connect (gesture, "end", G_CALLBACK (on_gesture_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  g_signal_connect (gesture, "end", G_CALLBACK (on_gesture_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fr_map_view_new (void)
{
  return g_object_new (FR_TYPE_MAP_VIEW, NULL);
}

void
fr_map_view_set_model (FrMapView     *self,
                       const FrModel *model)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  self->model = model;
  fr_map_view_model_changed (self);
}

void
fr_map_view_model_changed (FrMapView *self)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  g_clear_pointer (&self->frontier, fr_frontier_free);
  g_clear_pointer (&self->state, fr_timeline_state_free);
  g_clear_pointer (&self->timeline, fr_timeline_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  if (self->model != NULL)
    {
      self->timeline = fr_timeline_new (self->model);
      self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_kml_document_free);
      for (guint i = 0; i < self->model->layers->len; i++)
        {
          const FrLayer *layer = g_ptr_array_index (self->model->layers, i);
          g_autoptr(GError) error = NULL;
          FrKmlDocument *kml;

          if (!layer->visible || layer->kml == NULL)
            continue;
          /* Layers were checked when they were imported; one that no longer
           * parses is left off the map rather than stopping it. */
          kml = fr_kml_parse (layer->kml, strlen (layer->kml), layer->name, &error);
          if (kml != NULL)
            g_ptr_array_add (self->layers, kml);
          else
            g_debug ("layer %s: %s", layer->id, error->message);
        }
    }
  refresh_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fr_map_view_set_day (FrMapView *self,
                     gint32     day)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  if (self->day == day || day < 1)
    return;
  self->day = day;
  refresh_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

gint32
fr_map_view_get_day (FrMapView *self)
{
  g_return_val_if_fail (FR_IS_MAP_VIEW (self), 0);
  return self->day;
}

void
fr_map_view_set_option (FrMapView  *self,
                        const char *option_id)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->option_id, option_id) == 0)
    return;
  g_free (self->option_id);
  self->option_id = g_strdup (option_id);
  refresh_state (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
fr_map_view_get_selected_region (FrMapView *self)
{
  g_return_val_if_fail (FR_IS_MAP_VIEW (self), NULL);
  return self->selected_region;
}

void
fr_map_view_select_region (FrMapView  *self,
                           const char *code)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->selected_region, code) == 0)
    return;
  g_free (self->selected_region);
  self->selected_region = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

void
fr_map_view_reset_view (FrMapView *self)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  self->metres_per_pixel = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
fr_map_view_zoom (FrMapView *self,
                  double     factor)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  zoom_at (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
fr_map_view_pan (FrMapView *self,
                 double     dx,
                 double     dy)
{
  g_return_if_fail (FR_IS_MAP_VIEW (self));

  ensure_fitted (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  if (self->metres_per_pixel <= 0)
    return;
  self->center_x -= dx * self->metres_per_pixel;
  self->center_y += dy * self->metres_per_pixel;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
fr_map_view_get_scale (FrMapView *self)
{
  g_return_val_if_fail (FR_IS_MAP_VIEW (self), 0);
  return self->metres_per_pixel;
}

double
fr_map_view_get_frontier_km (FrMapView *self)
{
  g_return_val_if_fail (FR_IS_MAP_VIEW (self), 0);
  return self->frontier ? self->frontier->official_km : 0;
}

const FrFrontier *
fr_map_view_get_frontier (FrMapView *self)
{
  g_return_val_if_fail (FR_IS_MAP_VIEW (self), NULL);
  return self->frontier;
}

gboolean
fr_map_view_get_extent (FrMapView *self,
                        double     extent[4])
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const double corners[4][2] = { { 0, 0 }, { width, 0 }, { 0, height }, { width, height } };
  FrMapScene scene;

  g_return_val_if_fail (FR_IS_MAP_VIEW (self), FALSE);

  if (fr_map_view_get_basemap (self) == NULL || width <= 0 || height <= 0)
    return FALSE;
  ensure_fitted (self, width, height);
  fill_scene (self, &scene);
  extent[0] = extent[1] = G_MAXDOUBLE;
  extent[2] = extent[3] = -G_MAXDOUBLE;
  /* The box around the four corners: the conic's meridians converge, so
   * the picture is not a lon/lat rectangle. */
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double lon, lat;
      if (!fr_map_unproject (&scene, width, height, corners[i][0], corners[i][1], &lon, &lat))
        return FALSE;
      extent[0] = MIN (extent[0], lon);
      extent[1] = MIN (extent[1], lat);
      extent[2] = MAX (extent[2], lon);
      extent[3] = MAX (extent[3], lat);
    }
  return TRUE;
}

void
fr_map_view_set_extent (FrMapView    *self,
                        const double  extent[4])
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  FrMapScene scene;

  g_return_if_fail (FR_IS_MAP_VIEW (self));

  if (fr_map_view_get_basemap (self) == NULL || width <= 0 || height <= 0)
    return;
  fill_scene (self, &scene);
  fr_map_scene_fit (&scene, extent, width, height);
  self->center_x = scene.center_x;
  self->center_y = scene.center_y;
  self->metres_per_pixel = scene.metres_per_unit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_export (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  FrMapView *self = user_data;
  double extent[4];
  gboolean has_extent = fr_map_view_get_extent (self, extent);
  FrMapScene scene;

  fill_scene (self, &scene);
  /* No cache, no gesture: exports get a full, sharp picture of what the
   * screen shows, fitted to the file's own size. */
  scene.cache = NULL;
  scene.interactive = FALSE;
  scene.hovered_region = NULL;
  if (has_extent)
    fr_map_scene_fit (&scene, extent, width, height);
  fr_map_render (cr, &scene, width, height, fr_theme_get (FR_THEME_LIGHT));
}

gboolean
fr_map_view_export (FrMapView   *self,
                    const char  *path,
                    double       width,
                    double       height,
                    double       scale,
                    GError     **error)
{
  g_return_val_if_fail (FR_IS_MAP_VIEW (self), FALSE);

  if (fr_map_view_get_basemap (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           shared_basemap_error ? shared_basemap_error : "no basemap");
      return FALSE;
    }
  return fr_export_to_file (path, width, height, scale, draw_export, self, error);
}
