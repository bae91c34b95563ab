/* map-bench.c — how fast the frontier map redraws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures fr_map_render() at 1920×1080 on an image surface with the 1:10m
 * basemap and the bundled scenario (or a small built-in history when the
 * scenario is missing):
 *   cold      no cache: projection of every vertex, full draw
 *   first     with a cache, first frame (projects and keeps the geometry)
 *   recolour  the date toggles across 4 April 2023 (Finland joins NATO):
 *             timeline state update, frontier, render; once painting the
 *             whole frame, once into a target that keeps its frames (as
 *             the map view's), where only what changed is painted
 *   pan       the centre moves 7 px per frame, during a gesture
 *             (scene.interactive: the cached base layer is moved)
 *   zoom      the zoom changes by 2 % per frame, during a gesture
 *   settled   pan and zoom frames drawn sharp (not interactive): the
 *             full redraw of the 1:10m map at a new view
 * Each figure is the median of the runs, in milliseconds of this thread's
 * CPU time (CLOCK_THREAD_CPUTIME_ID), so that other processes on a shared
 * machine do not count; wall-clock time is printed beside it.
 * Usage: map-bench [RUNS] [50m|10m]
 */
#define G_LOG_DOMAIN "frontier-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-common.h"
#include "fr-basemap.h"
#include "fr-date.h"
#include "fr-frontier.h"
#include "fr-map-render.h"
#include "fr-paths.h"
#include "fr-timeline.h"
#include "fr-xml.h"

#define WIDTH 1920
#define HEIGHT 1080

typedef struct {
  double *cpu;
  double *wall;
  int n;
  double cpu_start;
  gint64 wall_start;
} Timer;

static void
timer_begin (Timer *timer)
{
  timer->cpu_start = bench_cpu_ms ();
  timer->wall_start = g_get_monotonic_time ();
}

static void
timer_end (Timer *timer)
{
  timer->cpu[timer->n] = bench_cpu_ms () - timer->cpu_start;
  timer->wall[timer->n] = (g_get_monotonic_time () - timer->wall_start) / 1000.0;
  timer->n++;
}

static void
report (Timer      *timer,
        const char *label,
        const char *note)
{
  double cpu = bench_median (timer->cpu, timer->n);
  double wall = bench_median (timer->wall, timer->n);

  printf ("%-24s %9.3f ms cpu %9.3f ms wall  %s\n", label, cpu, wall, note);
  timer->n = 0;
}

static FrModel *
fallback_model (void)
{
  static const struct { const char *date, *region; FrAlignment alignment; } history[] = {
    { "1945-05-08", "RU", FR_ALIGNMENT_RUSSIA }, { "1945-05-08", "FI", FR_ALIGNMENT_NEUTRAL },
    { "1945-05-08", "SE", FR_ALIGNMENT_NEUTRAL }, { "1949-04-04", "NO", FR_ALIGNMENT_NATO },
    { "1991-08-24", "UA", FR_ALIGNMENT_NEUTRAL }, { "1991-08-25", "BY", FR_ALIGNMENT_RUSSIA_ALIGNED },
    { "1999-03-12", "PL", FR_ALIGNMENT_NATO }, { "2004-03-29", "EE", FR_ALIGNMENT_NATO },
    { "2004-03-29", "LV", FR_ALIGNMENT_NATO }, { "2004-03-29", "LT", FR_ALIGNMENT_NATO },
    { "2014-03-18", "UA-43", FR_ALIGNMENT_OCCUPIED }, { "2023-04-04", "FI", FR_ALIGNMENT_NATO },
  };
  FrModel *model = fr_model_new ();

  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      gint32 day = 0;
      FrEvent *event;

      fr_day_parse (history[i].date, &day);
      event = fr_event_new (history[i].region, day, history[i].region);
      g_ptr_array_add (event->changes, fr_status_change_new (history[i].region, history[i].alignment, FR_EU_UNCHANGED));
      g_ptr_array_add (model->events, event);
    }
  return model;
}

int
main (int    argc,
      char **argv)
{
  int runs = argc > 1 ? atoi (argv[1]) : 200;
  FrBasemapDetail detail = argc > 2 && g_str_equal (argv[2], "50m") ? FR_BASEMAP_DETAIL_50M : FR_BASEMAP_DETAIL_10M;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrBasemap) basemap = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrTimeline) timeline = NULL;
  g_autoptr(FrTimelineState) state = NULL;
  g_autoptr(FrMapCache) cache = fr_map_cache_new ();
  g_autofree char *scenario = fr_scenario_path ();
  static const double extent[4] = {
    FR_MAP_DEFAULT_LON_MIN, FR_MAP_DEFAULT_LAT_MIN, FR_MAP_DEFAULT_LON_MAX, FR_MAP_DEFAULT_LAT_MAX,
  };
  gint32 before = fr_day_from_ymd (2023, 4, 3), after = fr_day_from_ymd (2023, 4, 4);
  cairo_surface_t *surface;
  cairo_t *cr;
  FrMapScene scene;
  Timer timer = { 0 };
  int settled_runs;

  runs = CLAMP (runs, 3, 100000);
  settled_runs = MIN (runs, 20);
  timer.cpu = g_new (double, runs);
  timer.wall = g_new (double, runs);

  timer_begin (&timer);
  basemap = fr_basemap_load_default (detail, &error);
  if (basemap == NULL)
    {
      fprintf (stderr, "map-bench: %s\n", error->message);
      return 1;
    }
  timer_end (&timer);
  report (&timer, detail == FR_BASEMAP_DETAIL_10M ? "basemap load (1:10m)" : "basemap load (1:50m)", "");

  model = fr_xml_load_file (scenario, NULL);
  if (model == NULL)
    model = fallback_model ();
  timeline = fr_timeline_new (model);
  state = fr_timeline_get_state (timeline, before, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  fr_map_scene_init (&scene, basemap, state);
  fr_map_scene_fit (&scene, extent, WIDTH, HEIGHT);

  for (int i = 0; i < settled_runs / 2 + 1; i++)
    {
      timer_begin (&timer);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "cold full draw", "no cache: projects every vertex");

  scene.cache = cache;
  timer_begin (&timer);
  fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
  timer_end (&timer);
  report (&timer, "first frame, cached", "projects the geometry and its levels once");

  for (int i = 0; i < runs; i++)
    {
      timer_begin (&timer);
      fr_timeline_state_update (state, i % 2 ? before : after, NULL);
      timer_end (&timer);
    }
  report (&timer, "timeline state update", "");

  for (int i = 0; i < runs; i++)
    {
      timer_begin (&timer);
      fr_timeline_state_update (state, i % 2 ? before : after, NULL);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "recolour (date), new frame", "the whole frame painted");

  scene.retained_target = TRUE;
  for (int i = 0; i < runs; i++)
    {
      timer_begin (&timer);
      fr_timeline_state_update (state, i % 2 ? before : after, NULL);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "recolour (date)", "target < 2 ms; Finland 3 ↔ 4 April 2023; what changed repainted");
  scene.retained_target = FALSE;

  scene.interactive = TRUE;
  for (int i = 0; i < runs; i++)
    {
      scene.center_x += 7 * scene.metres_per_unit * (i % 40 < 20 ? 1 : -1);
      timer_begin (&timer);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "pan, gesture", "target < 8 ms; cached base moved");

  for (int i = 0; i < runs; i++)
    {
      scene.metres_per_unit *= i % 40 < 20 ? 0.98 : 1 / 0.98;
      timer_begin (&timer);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "zoom, gesture", "target < 8 ms; cached base scaled");

  scene.interactive = FALSE;
  for (int i = 0; i < settled_runs; i++)
    {
      scene.center_x += 7 * scene.metres_per_unit * (i % 40 < 20 ? 1 : -1);
      timer_begin (&timer);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "pan, settled", "sharp redraw of the 1:10m map at a new view");
  for (int i = 0; i < settled_runs; i++)
    {
      scene.metres_per_unit *= i % 40 < 20 ? 0.98 : 1 / 0.98;
      timer_begin (&timer);
      fr_map_render (cr, &scene, WIDTH, HEIGHT, NULL);
      timer_end (&timer);
    }
  report (&timer, "zoom, settled", "sharp redraw at a new zoom");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_free (timer.cpu);
  g_free (timer.wall);
  return 0;
}
