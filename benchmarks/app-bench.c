/* app-bench.c — start-up and live-update figures of the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display (Xvfb is fine):
 *   app-bench startup [N] time to the first painted frame, Frontier with
 *                         the bundled scenario against a bare GtkWindow and
 *                         an empty AdwApplicationWindow, each measured in a
 *                         fresh process from main()
 *   app-bench memory      resident memory of the same three, settled, and
 *                         of Frontier with its Analysis page shown
 *   app-bench map N       a change of date on the Map & Timeline page at
 *                         1920×1080 (Finland 3 ↔ 4 April 2023) until the next
 *                         frame is painted
 *   app-bench live N [FILE]
 *                         a weight change through win.set-weight until the
 *                         next frame is painted with the Analysis page
 *                         showing at 1920×1080: the work (the action, then
 *                         the frame's layout and paint) and the latency,
 *                         during a drag and on a drag's first tick (which
 *                         records an undo step); then each chart on the
 *                         page drawn alone at its size; on the bundled
 *                         scenario, or on FILE
 * Prints medians; the figures go to BENCHMARKS.md.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-common.h"
#include "fr-application.h"
#include "fr-chart-view.h"
#include "fr-window.h"

static gint64 process_start;
static gint64 first_paint;
static double first_paint_cpu;
static gint64 frame_start;
static gint64 paint_end;
static double paint_end_cpu;
static gboolean painted;


/* The first phase of every frame, whether or not anything is laid out. */
static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  if (frame_start == 0)
    frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  paint_end = g_get_monotonic_time ();
  paint_end_cpu = bench_cpu_ms ();
  if (first_paint == 0)
    {
      first_paint = paint_end;
      first_paint_cpu = paint_end_cpu;
    }
  painted = TRUE;
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
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

/* Frontier started as a user starts it, on the bundled scenario, its
 * window's frames watched. */
static GtkWindow *
start_frontier (void)
{
  FrApplication *app = fr_application_new ();
  GtkWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  watch_frames (GTK_WIDGET (window));
  return window;
}

static gboolean measure_memory;

/* VmRSS of this process, in MB. */
static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static int
startup_child (const char *what)
{
  GtkWidget *window = NULL;
  double ms;

  if (g_str_equal (what, "minimal"))
    {
      gtk_init ();
      window = gtk_window_new ();
      g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_str_equal (what, "adwaita"))
    {
      /* What any libadwaita application pays before its own work: the
       * application registered on the bus, libadwaita's style sheet, an
       * empty AdwApplicationWindow. */
      AdwApplication *app = adw_application_new ("io.github.frontierdesk.Bare", G_APPLICATION_NON_UNIQUE);

      g_application_register (G_APPLICATION (app), NULL, NULL);
      window = adw_application_window_new (GTK_APPLICATION (app));
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      watch_frames (window);
    }
  else
    window = GTK_WIDGET (start_frontier ());
  while (first_paint == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Where policy staff spend their day: the charts drawn and kept. */
  if (g_str_equal (what, "frontier-analysis"))
    gtk_widget_activate_action (window, "win.show-view", "s", "analysis");
  if (measure_memory)
    {
      /* Settled: the map has arrived and been drawn, nothing is pending. */
      gint64 until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      printf ("%.1f\n", resident_mb ());
      return 0;
    }
  ms = (first_paint - process_start) / 1000.0;
  /* Then the main thread's own CPU time to the same point: steadier than
   * the wall clock where other processes share the machine. */
  printf ("%.3f %.3f\n", ms, first_paint_cpu);
  return 0;
}

static double
spawn_startup (const char *self_path,
               const char *what,
               double     *cpu)
{
  const char *argv[] = { self_path, "startup-child", what, measure_memory ? "memory" : NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  double wall;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, NULL, &error))
    g_error ("%s", error->message);
  /* "wall cpu" for start-up, the resident size alone for memory. */
  wall = g_ascii_strtod (out, &end);
  if (cpu != NULL)
    *cpu = g_ascii_strtod (end, NULL);
  return wall;
}

static int
startup (const char *self_path,
         guint       runs)
{
  g_autofree double *minimal = g_new (double, runs), *adwaita = g_new (double, runs), *frontier = g_new (double, runs);
  g_autofree double *minimal_cpu = g_new (double, runs), *adwaita_cpu = g_new (double, runs);
  g_autofree double *frontier_cpu = g_new (double, runs);
  g_autofree double *difference = g_new (double, runs), *difference_cpu = g_new (double, runs);

  /* In a random order each round: a process started right after another
   * reaches its first frame sooner, so a fixed order flatters one of them. */
  for (guint i = 0; i < runs; i++)
    {
      guint order[3] = { 0, 1, 2 };

      for (guint j = 2; j > 0; j--)
        {
          guint k = (guint) g_random_int_range (0, (gint32) j + 1);
          guint swap = order[j];

          order[j] = order[k];
          order[k] = swap;
        }
      for (guint j = 0; j < 3; j++)
        switch (order[j])
          {
          case 0: minimal[i] = spawn_startup (self_path, "minimal", &minimal_cpu[i]); break;
          case 1: adwaita[i] = spawn_startup (self_path, "adwaita", &adwaita_cpu[i]); break;
          default: frontier[i] = spawn_startup (self_path, "frontier", &frontier_cpu[i]); break;
          }
      /* Within a round, so that the machine's slow and quick minutes
       * weigh on both sides alike. */
      difference[i] = frontier[i] - minimal[i];
      difference_cpu[i] = frontier_cpu[i] - minimal_cpu[i];
    }
  printf ("first frame (median of %u)                   wall    main-thread CPU\n", runs);
  printf ("  bare GtkWindow:                         %8.1f ms %8.1f ms\n", bench_median (minimal, runs),
          bench_median (minimal_cpu, runs));
  printf ("  empty AdwApplicationWindow:             %8.1f ms %8.1f ms\n", bench_median (adwaita, runs),
          bench_median (adwaita_cpu, runs));
  printf ("  Frontier with the scenario:             %8.1f ms %8.1f ms\n", bench_median (frontier, runs),
          bench_median (frontier_cpu, runs));
  printf ("  Frontier − bare, in the same round:     %8.1f ms %8.1f ms\n",
          bench_median (difference, runs), bench_median (difference_cpu, runs));
  return 0;
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *charts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (FR_IS_CHART_VIEW (widget))
    g_ptr_array_add (charts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_charts (child, charts);
}

static double
time_draw (FrChartView *view,
           int          width,
           int          height,
           gboolean     cold,
           guint        n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_autofree double *times = g_new (double, n);
  double result;

  for (guint r = 0; r < n; r++)
    {
      double start;
      cairo_t *cr;

      if (cold)
        fr_chart_text_cache_clear ();
      start = bench_cpu_ms ();
      cr = cairo_create (surface);
      fr_chart_view_draw (view, cr, width, height, fr_theme_get (FR_THEME_LIGHT));
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[r] = bench_cpu_ms () - start;
    }
  cairo_surface_destroy (surface);
  result = bench_median (times, n);
  return result;
}

/* Each chart on the page, drawn at its size onto an image as the widget
 * draws it: with every label shaped afresh, and with the labels of the
 * last draw kept (a weight change brings new numbers, not new names). A
 * chart scrolled out of view is not drawn until it comes into view. This
 * splits the frame's figure between the charts and the rest. */
static void
chart_split (GtkWidget *window,
             guint      n)
{
  static const char *const names[] = {
    [FR_CHART_NONE] = "none", [FR_CHART_RANKING] = "ranking", [FR_CHART_PROFILE] = "profile",
    [FR_CHART_SENSITIVITY] = "sensitivity", [FR_CHART_SMAA] = "smaa",
    [FR_CHART_STAKEHOLDERS] = "stakeholders", [FR_CHART_SCATTER] = "scatter",
  };
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  graphene_rect_t window_rect;
  double cold_sum = 0, warm_sum = 0;

  graphene_rect_init (&window_rect, 0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  collect_charts (window, charts);
  printf ("charts on the page, each drawn alone onto an image (thread CPU time, median of %u):\n", n);
  printf ("  %-14s %11s %14s %14s\n", "chart", "size", "text shaped", "text kept");
  for (guint i = 0; i < charts->len; i++)
    {
      FrChartView *view = g_ptr_array_index (charts, i);
      int width = gtk_widget_get_width (GTK_WIDGET (view));
      int height = gtk_widget_get_height (GTK_WIDGET (view));
      double cold = time_draw (view, width, height, TRUE, n);
      double warm = time_draw (view, width, height, FALSE, n);
      graphene_rect_t bounds;
      gboolean in_view = gtk_widget_compute_bounds (GTK_WIDGET (view), window, &bounds) &&
                         graphene_rect_intersection (&bounds, &window_rect, NULL);

      if (in_view)
        {
          cold_sum += cold;
          warm_sum += warm;
        }
      printf ("  %-14s %4d × %-4d %11.2f ms %11.2f ms%s\n", names[fr_chart_view_get_kind (view)], width, height, cold,
              warm, in_view ? "" : "   (out of view)");
    }
  printf ("  %-14s %11s %11.2f ms %11.2f ms\n", "all in view", "", cold_sum, warm_sum);
}

/* Frontier's window on the bundled scenario at 1920 × 1080, its frames
 * watched. */
static GtkWindow *
open_window (void)
{
  GtkWindow *window = start_frontier ();

  gtk_window_set_default_size (window, 1920, 1080);
  return window;
}

typedef struct {
  double action;    /* the action: recompute and chart data */
  double work;      /* the action, then the frame from its first phase to painted */
  double latency;   /* from the action to the painted frame */
  double cpu;       /* main-thread CPU time over the same */
} Tick;

/* Moves @criteria[i % n_criteria] to alternate values @n times, each until
 * the next frame is painted. Not inlined, so that profilers can name it
 * (valgrind --toggle-collect=weight_ticks). */
static G_GNUC_NO_INLINE void
weight_ticks (GtkWindow         *window,
              const char *const *criteria,
              guint              n_criteria,
              guint              n,
              Tick              *ticks)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 start, after_action;
      double start_cpu;

      frame_start = 0;
      start_cpu = bench_cpu_ms ();
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)", criteria[i % n_criteria],
                                  (i / n_criteria) % 2 ? 0.18 : 0.30);
      after_action = g_get_monotonic_time ();
      wait_for_paint ();
      ticks[i].action = (after_action - start) / 1000.0;
      ticks[i].work = ticks[i].action + (paint_end - MAX (frame_start, after_action)) / 1000.0;
      ticks[i].latency = (paint_end - start) / 1000.0;
      ticks[i].cpu = paint_end_cpu - start_cpu;
    }
}

static double
tick_median (const Tick *ticks,
             guint       n,
             gsize       field)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &ticks[i], field);
  return bench_median (values, n);
}

static void
print_ticks (const char *what,
             const Tick *ticks,
             guint       n)
{
  printf ("%s (median of %u):\n", what, n);
  printf ("  action (recompute and chart data):  %7.2f ms\n", tick_median (ticks, n, G_STRUCT_OFFSET (Tick, action)));
  printf ("  work until painted at 1920x1080:    %7.2f ms\n", tick_median (ticks, n, G_STRUCT_OFFSET (Tick, work)));
  printf ("  latency to the painted frame:       %7.2f ms\n", tick_median (ticks, n, G_STRUCT_OFFSET (Tick, latency)));
  /* What this process's main thread spent on it, whatever else the
   * machine runs meanwhile (the X server's share is not in it). */
  printf ("  main thread CPU until painted:      %7.2f ms\n", tick_median (ticks, n, G_STRUCT_OFFSET (Tick, cpu)));
}

/* The machine's speed swings by a third for seconds at a time, mostly in
 * memory traffic (other work on the host): copying a frame-sized buffer,
 * timed next to the figures, says which way. */
static double
reference_ms (void)
{
  gsize size = 1920 * 1080 * 4;
  g_autofree guchar *from = g_malloc (size);
  g_autofree guchar *to = g_malloc (size);
  double best = G_MAXDOUBLE;

  memset (from, 1, size);
  memset (to, 2, size);
  for (int run = 0; run < 5; run++)
    {
      double start = bench_cpu_ms ();

      for (int i = 0; i < 8; i++)
        memcpy (i % 2 ? from : to, i % 2 ? to : from, size);
      best = MIN (best, bench_cpu_ms () - start);
    }
  return best;
}

/* The first two leaf criteria of the window's document: the one a drag
 * moves, and a second one that makes every tick a new undo step. */
static gboolean
pick_criteria (GtkWindow   *window,
               const char **first,
               const char **second)
{
  FrModel *model = fr_document_get_model (fr_window_get_document (FR_WINDOW (window)));

  *first = *second = NULL;
  for (guint i = 0; i < model->criteria->len && *second == NULL; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);

      if (criterion->is_group)
        continue;
      if (*first == NULL)
        *first = criterion->id;
      else
        *second = criterion->id;
    }
  if (*second == NULL)
    *second = *first;
  return *first != NULL;
}

static int
live (guint       n,
      const char *path)
{
  GtkWindow *window = open_window ();
  g_autofree Tick *ticks = g_new0 (Tick, n);
  const char *drag[1];
  /* A different criterion each time: every tick starts a new undo step,
   * as the first tick of a drag does. */
  const char *starts[2];

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      if (!fr_window_open_file (FR_WINDOW (window), file))
        {
          fprintf (stderr, "app-bench: cannot open %s\n", path);
          return 1;
        }
    }
  if (!pick_criteria (window, &starts[0], &starts[1]))
    {
      fprintf (stderr, "app-bench: the document has no criteria to weigh\n");
      return 1;
    }
  drag[0] = starts[0];
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "analysis");
  settle ();

  printf ("weights moved: %s (and %s)\n", starts[0], starts[1]);
  printf ("reference: 8 frame-sized copies before: %.2f ms (compare runs by it)\n", reference_ms ());
  weight_ticks (window, drag, G_N_ELEMENTS (drag), n, ticks);
  print_ticks ("weight change during a drag", ticks, n);
  weight_ticks (window, starts, G_N_ELEMENTS (starts), n, ticks);
  print_ticks ("first tick of a drag (records an undo step)", ticks, n);
  printf ("reference: 8 frame-sized copies after:  %.2f ms\n", reference_ms ());
  chart_split (GTK_WIDGET (window), n);
  fr_document_set_modified (fr_window_get_document (FR_WINDOW (window)), FALSE);
  gtk_window_destroy (window);
  return 0;
}

static int
map_dates (guint n)
{
  GtkWindow *window = open_window ();
  g_autofree double *work = g_new (double, n);
  gint32 days[2] = { 738613, 738614 };   /* 2023-04-03 and 2023-04-04 */
  GtkWidget *timeline;

  settle ();
  timeline = GTK_WIDGET (g_object_get_data (G_OBJECT (window), "fr-timeline-view"));
  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();

      frame_start = 0;
      g_object_set (timeline, "day", days[i % 2], NULL);
      wait_for_paint ();
      work[i] = (paint_end - start) / 1000.0;
    }
  printf ("change of date, until the map is painted at 1920x1080: %7.2f ms (median of %u)\n", bench_median (work, n), n);
  gtk_window_destroy (window);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  process_start = g_get_monotonic_time ();
  if (argc >= 3 && g_str_equal (argv[1], "startup-child"))
    {
      measure_memory = argc >= 4 && g_str_equal (argv[3], "memory");
      return startup_child (argv[2]);
    }
  if (argc >= 2 && g_str_equal (argv[1], "startup"))
    return startup (argv[0], argc >= 3 ? (guint) MAX (atoi (argv[2]), 1) : 7);
  if (argc >= 2 && g_str_equal (argv[1], "memory"))
    {
      double minimal, adwaita, frontier, analysis;

      measure_memory = TRUE;
      minimal = spawn_startup (argv[0], "minimal", NULL);
      adwaita = spawn_startup (argv[0], "adwaita", NULL);
      frontier = spawn_startup (argv[0], "frontier", NULL);
      analysis = spawn_startup (argv[0], "frontier-analysis", NULL);
      printf ("resident memory (VmRSS) 3 s after the first frame:\n");
      printf ("  bare GtkWindow:                %6.1f MB\n", minimal);
      printf ("  empty AdwApplicationWindow:    %6.1f MB\n", adwaita);
      printf ("  Frontier with the scenario:    %6.1f MB\n", frontier);
      printf ("  … the Analysis page shown:     %6.1f MB\n", analysis);
      return 0;
    }
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
      return live (argc >= 3 ? (guint) atoi (argv[2]) : 60, argc >= 4 ? argv[3] : NULL);
    }
  fprintf (stderr, "usage: app-bench startup [N] | memory | map [N] | live [N [FILE]]\n");
  return 2;
}
