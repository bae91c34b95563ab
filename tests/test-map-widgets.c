/* test-map-widgets.c — the map and timeline widgets in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "test-app-common.h"
#include "fr-date.h"
#include "fr-map-view.h"
#include "fr-paths.h"
#include "fr-timeline-view.h"
#include "fr-xml.h"

typedef struct {
  FrModel *model;
  GtkWindow *window;
  FrMapView *map;
  FrTimelineView *timeline;
} Fixture;

static gboolean
mapped_and_drawn (gpointer data)
{
  Fixture *fixture = data;
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->map)) && fr_map_view_get_scale (fixture->map) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fr_scenario_path ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->model = fr_xml_load_file (path, &error);
  g_assert_no_error (error);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->map = FR_MAP_VIEW (fr_map_view_new ());
  fixture->timeline = FR_TIMELINE_VIEW (fr_timeline_view_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->map));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->timeline));
  gtk_window_set_child (fixture->window, box);
  fr_map_view_set_model (fixture->map, fixture->model);
  fr_timeline_view_set_model (fixture->timeline, fixture->model);
  g_object_bind_property (fixture->timeline, "day", fixture->map, "day", G_BINDING_SYNC_CREATE);
  gtk_window_present (fixture->window);
  iterate_until (mapped_and_drawn, fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fr_model_free (fixture->model);
}

static gboolean
send_key (GtkWidget *widget,
          guint      keyval,
          GdkModifierType state)
{
  GtkEventController *key = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        key = controller;
    }
  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static const char *
finland_alignment (Fixture *fixture)
{
  g_autofree char *summary = fr_map_view_dup_region_summary (fixture->map, "FI");
  static char text[256];

  g_strlcpy (text, summary, sizeof text);
  return text;
}

static void
test_scrubbing_recolours (Fixture       *fixture,
                          gconstpointer  user_data)
{
  gint32 eve = fr_day_from_ymd (2023, 4, 3);
  gint32 accession = fr_day_from_ymd (2023, 4, 4);
  double before_km, after_km;

  fr_timeline_view_set_day (fixture->timeline, eve);
  g_assert_cmpint (fr_map_view_get_day (fixture->map), ==, eve);
  g_assert_nonnull (strstr (finland_alignment (fixture), "Neutral or non-aligned"));
  before_km = fr_map_view_get_frontier_km (fixture->map);

  /* One day to the right with the keyboard: Finland joins NATO and the
   * frontier more than doubles (about 1,215 → 2,555 km in the cited
   * figures). */
  fr_timeline_view_set_day (fixture->timeline, accession - 30);
  g_assert_true (send_key (GTK_WIDGET (fixture->timeline), GDK_KEY_Right, 0));
  g_assert_cmpint (fr_map_view_get_day (fixture->map), ==, accession);
  g_assert_nonnull (strstr (finland_alignment (fixture), "NATO member"));
  after_km = fr_map_view_get_frontier_km (fixture->map);
  g_assert_cmpfloat (before_km, >, 1150);
  g_assert_cmpfloat (before_km, <, 1300);
  g_assert_cmpfloat (after_km, >, 2 * before_km);

  /* Home and End go to the ends of the visible range. */
  g_assert_true (send_key (GTK_WIDGET (fixture->timeline), GDK_KEY_Home, 0));
  g_assert_cmpint (fr_timeline_view_get_day (fixture->timeline), ==, fr_day_from_ymd (1945, 1, 1));
  g_assert_true (send_key (GTK_WIDGET (fixture->timeline), GDK_KEY_End, 0));
  g_assert_cmpint (fr_timeline_view_get_day (fixture->timeline), ==, fr_day_from_ymd (2034, 12, 31));
  g_assert_true (send_key (GTK_WIDGET (fixture->timeline), GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpint (fr_timeline_view_get_day (fixture->timeline), ==, fr_day_from_ymd (2033, 12, 28));
}

static void
test_event_selection_moves_scrubber (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  const FrEvent *event = NULL;

  for (guint i = 0; i < fixture->model->events->len; i++)
    {
      const FrEvent *candidate = g_ptr_array_index (fixture->model->events, i);
      if (candidate->day == fr_day_from_ymd (2024, 3, 7))
        event = candidate;
    }
  g_assert_nonnull (event);
  fr_timeline_view_select_event (fixture->timeline, event);
  g_assert_true (fr_timeline_view_get_selected_event (fixture->timeline) == event);
  g_assert_cmpint (fr_map_view_get_day (fixture->map), ==, event->day);
}

static void
test_zoom_and_pan (Fixture       *fixture,
                   gconstpointer  user_data)
{
  double fitted = fr_map_view_get_scale (fixture->map);
  double start, end;

  g_assert_cmpfloat (fitted, >, 0);
  g_assert_true (send_key (GTK_WIDGET (fixture->map), GDK_KEY_plus, 0));
  g_assert_cmpfloat_with_epsilon (fr_map_view_get_scale (fixture->map), fitted / 1.25, fitted * 1e-9);
  g_assert_true (send_key (GTK_WIDGET (fixture->map), GDK_KEY_minus, 0));
  g_assert_true (send_key (GTK_WIDGET (fixture->map), GDK_KEY_minus, 0));
  g_assert_cmpfloat (fr_map_view_get_scale (fixture->map), >, fitted);

  /* Reset fits the whole frontier again on the next frame. */
  g_assert_true (send_key (GTK_WIDGET (fixture->map), GDK_KEY_0, 0));
  iterate_until (mapped_and_drawn, fixture);
  g_assert_cmpfloat_with_epsilon (fr_map_view_get_scale (fixture->map), fitted, fitted * 1e-9);

  /* Selecting a region with the pointer's hit test, then Escape clears it. */
  fr_map_view_select_region (fixture->map, "UA");
  g_assert_cmpstr (fr_map_view_get_selected_region (fixture->map), ==, "UA");
  g_assert_true (send_key (GTK_WIDGET (fixture->map), GDK_KEY_Escape, 0));
  g_assert_null (fr_map_view_get_selected_region (fixture->map));

  /* The timeline zooms around the scrubber. */
  fr_timeline_view_set_day (fixture->timeline, fr_day_from_ymd (2000, 1, 1));
  fr_timeline_view_zoom (fixture->timeline, 3.0);
  fr_timeline_view_get_range (fixture->timeline, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 30.0, 1e-9);
  g_assert_cmpfloat (start, <, 2000.0);
  g_assert_cmpfloat (end, >, 2000.0);
}

static void
test_projection_option (Fixture       *fixture,
                        gconstpointer  user_data)
{
  FrOption *neutral = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < fixture->model->options->len; i++)
    {
      FrOption *option = g_ptr_array_index (fixture->model->options, i);
      if (strstr (option->id, "armed") != NULL)
        neutral = option;
    }
  g_assert_nonnull (neutral);
  fr_timeline_view_set_day (fixture->timeline, fixture->model->ceasefire_day + 400);
  fr_map_view_set_option (fixture->map, neutral->id);
  summary = fr_map_view_dup_region_summary (fixture->map, "UA");
  g_assert_nonnull (strstr (summary, "(projection)"));
}

int
main (int    argc,
      char **argv)
{
  app_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/app/map/scrubbing", Fixture, NULL, fixture_set_up, test_scrubbing_recolours, fixture_tear_down);
  g_test_add ("/app/map/event-selection", Fixture, NULL, fixture_set_up, test_event_selection_moves_scrubber, fixture_tear_down);
  g_test_add ("/app/map/zoom-and-pan", Fixture, NULL, fixture_set_up, test_zoom_and_pan, fixture_tear_down);
  g_test_add ("/app/map/projection", Fixture, NULL, fixture_set_up, test_projection_option, fixture_tear_down);
  return app_test_finish (g_test_run ());
}
