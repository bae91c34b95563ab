/* app-bench.c — start-up and live-update figures of the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display (Xvfb is fine):
 *   app-bench startup     time to the first painted frame, Frontier with
 *                         the bundled scenario against a bare GtkWindow,
 *                         each measured in a fresh process from main()
 *   app-bench map N       a change of date on the Map & Timeline page at
 *                         1920×1080 (Finland 3 ↔ 4 April 2023) until the next
 *                         frame is painted
 *   app-bench live N      a weight change through win.set-weight until the
 *                         next frame is painted with the Analysis page
 *                         showing at 1920×1080: the work (the action, then
 *                         the frame's layout and paint) and the latency
 * Prints medians; the figures go to BENCHMARKS.md.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "fr-application.h"
#include "fr-window.h"

static gint64 process_start;
static gint64 first_paint;
static gint64 layout_start;
static gint64 paint_end;
static gboolean painted;

static void
on_layout (GdkFrameClock *clock,
           gpointer       user_data)
{
  if (layout_start == 0)
    layout_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  paint_end = g_get_monotonic_time ();
  if (first_paint == 0)
    first_paint = paint_end;
  painted = TRUE;
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  watch_frames (window);
}

static void
wait_for_paint (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  painted = FALSE;
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets start-up settle: the first frame, then a second of idle main loop. */
static void
settle (void)
{
  gint64 until;

  wait_for_paint ();
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static int
startup_child (const char *what)
{
  double ms;

  if (g_str_equal (what, "minimal"))
    {
      GtkWidget *window;

      gtk_init ();
      window = gtk_window_new ();
      g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    {
      FrApplication *app = fr_application_new ();
      GtkWindow *window;

      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, NULL);
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      watch_frames (GTK_WIDGET (window));
    }
  while (first_paint == 0)
    g_main_context_iteration (NULL, TRUE);
  ms = (first_paint - process_start) / 1000.0;
  printf ("%.3f\n", ms);
  return 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
spawn_startup (const char *self_path,
               const char *what)
{
  const char *argv[] = { self_path, "startup-child", what, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, NULL, &error))
    g_error ("%s", error->message);
  return g_ascii_strtod (out, NULL);
}

static int
startup (const char *self_path)
{
  enum { RUNS = 7 };
  double minimal[RUNS], frontier[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      minimal[i] = spawn_startup (self_path, "minimal");
      frontier[i] = spawn_startup (self_path, "frontier");
    }
  printf ("first frame, bare GtkWindow:            %8.1f ms (median of %d)\n", median (minimal, RUNS), RUNS);
  printf ("first frame, Frontier with the scenario: %8.1f ms (median of %d)\n", median (frontier, RUNS), RUNS);
  printf ("difference:                              %8.1f ms\n", median (frontier, RUNS) - median (minimal, RUNS));
  return 0;
}

static int
live (guint n)
{
  FrApplication *app = fr_application_new ();
  GtkWindow *window;
  g_autofree double *work = g_new (double, n);
  g_autofree double *action = g_new (double, n);
  g_autofree double *latency = g_new (double, n);
  const char *criterion = "deterrence";

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1920, 1080);
  watch_frames (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "analysis");
  settle ();

  for (guint i = 0; i < n; i++)
    {
      gint64 start, after_action;

      layout_start = 0;
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)", criterion,
                                  i % 2 ? 0.18 : 0.30);
      after_action = g_get_monotonic_time ();
      wait_for_paint ();
      action[i] = (after_action - start) / 1000.0;
      work[i] = action[i] + (paint_end - MAX (layout_start, after_action)) / 1000.0;
      latency[i] = (paint_end - start) / 1000.0;
    }
  printf ("weight change, action (recompute and chart data): %7.2f ms (median of %u)\n", median (action, n), n);
  printf ("weight change, work until painted at 1920x1080:   %7.2f ms\n", median (work, n));
  printf ("weight change, latency to the painted frame:      %7.2f ms\n", median (latency, n));
  fr_document_set_modified (fr_window_get_document (FR_WINDOW (window)), FALSE);
  gtk_window_destroy (window);
  return 0;
}

static int
map_dates (guint n)
{
  FrApplication *app = fr_application_new ();
  GtkWindow *window;
  g_autofree double *work = g_new (double, n);
  gint32 days[2] = { 738613, 738614 };   /* 2023-04-03 and 2023-04-04 */
  GtkWidget *timeline;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1920, 1080);
  watch_frames (GTK_WIDGET (window));
  settle ();
  timeline = GTK_WIDGET (g_object_get_data (G_OBJECT (window), "fr-timeline-view"));
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();

      layout_start = 0;
      g_object_set (timeline, "day", days[i % 2], NULL);
      wait_for_paint ();
      work[i] = (paint_end - start) / 1000.0;
    }
  printf ("change of date, until the map is painted at 1920x1080: %7.2f ms (median of %u)\n", median (work, n), n);
  gtk_window_destroy (window);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  process_start = g_get_monotonic_time ();
  if (argc >= 3 && g_str_equal (argv[1], "startup-child"))
    return startup_child (argv[2]);
  if (argc >= 2 && g_str_equal (argv[1], "startup"))
    return startup (argv[0]);
  if (argc >= 2 && g_str_equal (argv[1], "map"))
    {
      gtk_init ();
      adw_init ();
      return map_dates (argc >= 3 ? (guint) atoi (argv[2]) : 60);
    }
  if (argc >= 2 && g_str_equal (argv[1], "live"))
    {
      gtk_init ();
      adw_init ();
      return live (argc >= 3 ? (guint) atoi (argv[2]) : 60);
    }
  fprintf (stderr, "usage: app-bench startup | map [N] | live [N]\n");
  return 2;
}
