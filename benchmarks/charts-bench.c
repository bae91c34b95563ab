/* charts-bench.c — how fast the analysis charts redraw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md's live bar: after a weight change every visible chart is
 * redrawn at 1920×1080 within one 60 Hz frame on one core. This draws
 * each analysis chart of 10 options × 12 criteria (5 stakeholders for the
 * stakeholder charts) on a 1920×1080 ARGB32 image surface, as the widgets
 * and exports do, and prints the median of the runs of this thread's CPU
 * time (CLOCK_THREAD_CPUTIME_ID) per chart, after a warm-up draw that
 * loads the fonts: once with every label shaped afresh (the shaped text
 * the charts keep across draws let go of before each run, as for a chart
 * whose labels all changed) and once with the labels of the previous draw
 * kept (a chart drawn again, as when a weight changes: then mostly the
 * numbers are new). The hit test (one layout pass, no drawing) is timed
 * too, since hovering runs it on every pointer motion.
 * Usage: charts-bench [RUNS]
 */
#define G_LOG_DOMAIN "frontier-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-common.h"
#include "fr-chart-common.h"
#include "fr-profile-chart.h"
#include "fr-ranking-chart.h"
#include "fr-sensitivity-chart.h"
#include "fr-smaa-chart.h"
#include "fr-stakeholder-chart.h"

#define WIDTH 1920
#define HEIGHT 1080
#define N_OPTIONS 10
#define N_CRITERIA 12
#define N_STAKEHOLDERS 5

static guint runs = 100;

static guint64 state = 88172645463325252u;

static double
uniform (void)
{
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (double) (state >> 11) * 0x1.0p-53;
}

typedef void (*RenderFunc) (cairo_t *cr, gconstpointer data, double width, double height, const FrTheme *theme);
typedef gboolean (*HitFunc) (gconstpointer data, double width, double height, const FrTheme *theme,
                             double x, double y, FrChartHit *hit);

/* Thin adapters so every chart fits one timing loop. */
#define ADAPT(name, type)                                                                          \
  static void name##_draw (cairo_t *cr, gconstpointer data, double w, double h, const FrTheme *t)  \
  { fr_##name##_chart_render (cr, (const type *) data, w, h, t); }                                 \
  static gboolean name##_hit (gconstpointer data, double w, double h, const FrTheme *t, double x,   \
                              double y, FrChartHit *hit)                                           \
  { return fr_##name##_chart_hit_test ((const type *) data, w, h, t, x, y, hit); }

ADAPT (ranking, FrRankingChartData)
ADAPT (profile, FrProfileChartData)
ADAPT (sensitivity, FrSensitivityChartData)
ADAPT (smaa, FrSmaaChartData)
ADAPT (stakeholder, FrStakeholderChartData)
ADAPT (scatter, FrScatterChartData)

static double
time_render (RenderFunc     render,
             gconstpointer  data,
             const FrTheme *theme,
             gboolean       cold)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  double *times = g_new (double, runs);
  double result;
  cairo_t *cr;

  cr = cairo_create (surface);
  render (cr, data, WIDTH, HEIGHT, theme);
  cairo_destroy (cr);
  for (guint r = 0; r < runs; r++)
    {
      double start;

      if (cold)
        fr_chart_text_cache_clear ();
      start = bench_cpu_ms ();
      cr = cairo_create (surface);
      render (cr, data, WIDTH, HEIGHT, theme);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[r] = bench_cpu_ms () - start;
    }
  result = bench_median (times, runs);
  cairo_surface_destroy (surface);
  g_free (times);
  return result;
}

static double
time_hit (HitFunc        hit_test,
          gconstpointer  data,
          const FrTheme *theme)
{
  double *times = g_new (double, runs);
  double result;
  FrChartHit hit;

  for (guint r = 0; r < runs; r++)
    {
      double start = bench_cpu_ms ();
      hit_test (data, WIDTH, HEIGHT, theme, WIDTH * 0.5, HEIGHT * 0.4, &hit);
      times[r] = bench_cpu_ms () - start;
    }
  result = bench_median (times, runs);
  g_free (times);
  return result;
}

static char *
name (const char *kind,
      guint       i)
{
  return g_strdup_printf ("%s %u with a name of some length", kind, i + 1);
}

int
main (int    argc,
      char **argv)
{
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  g_autoptr(FrRankingChartData) ranking = fr_ranking_chart_data_new (N_OPTIONS, N_CRITERIA);
  g_autoptr(FrProfileChartData) profile = fr_profile_chart_data_new (N_OPTIONS, N_CRITERIA);
  g_autoptr(FrSensitivityChartData) sensitivity = fr_sensitivity_chart_data_new (N_CRITERIA);
  g_autoptr(FrSmaaChartData) smaa = fr_smaa_chart_data_new (N_OPTIONS);
  g_autoptr(FrStakeholderChartData) stakeholders = fr_stakeholder_chart_data_new (N_STAKEHOLDERS, N_OPTIONS);
  g_autoptr(FrScatterChartData) scatter = fr_scatter_chart_data_new (N_OPTIONS);
  struct {
    const char *label;
    RenderFunc render;
    HitFunc hit;
    gconstpointer data;
  } charts[] = {
    { "ranking (stacked, 10 × 12)", ranking_draw, ranking_hit, ranking },
    { "profile (radar)", profile_draw, profile_hit, profile },
    { "sensitivity (tornado + stability)", sensitivity_draw, sensitivity_hit, sensitivity },
    { "smaa (heatmap 10 × 10)", smaa_draw, smaa_hit, smaa },
    { "stakeholders (5 × 10 matrix)", stakeholder_draw, stakeholder_hit, stakeholders },
    { "scatter (two stakeholders)", scatter_draw, scatter_hit, scatter },
  };
  double weights[N_CRITERIA], total = 0, sum = 0, cold_sum = 0;

  if (argc > 1)
    runs = (guint) CLAMP (atoi (argv[1]), 1, 100000);

  for (guint c = 0; c < N_CRITERIA; c++)
    total += weights[c] = 0.2 + uniform ();
  for (guint o = 0; o < N_OPTIONS; o++)
    {
      double score = 0;
      for (guint c = 0; c < N_CRITERIA; c++)
        {
          double v = uniform ();
          ranking->contributions[o * N_CRITERIA + c] = weights[c] / total * v;
          profile->values[o * N_CRITERIA + c] = v;
          score += weights[c] / total * v;
        }
      ranking->scores[o] = score;
      ranking->option_names[o] = name ("Option", o);
      ranking->option_colors[o] = fr_theme_option_color (o);
      profile->option_names[o] = name ("Option", o);
      profile->option_colors[o] = fr_theme_option_color (o);
      smaa->option_names[o] = name ("Option", o);
      smaa->option_colors[o] = fr_theme_option_color (o);
      smaa->confidence[o] = uniform ();
      for (guint r = 0; r < N_OPTIONS; r++)
        smaa->acceptability[o * N_OPTIONS + r] = uniform () / N_OPTIONS;
      stakeholders->option_names[o] = name ("Option", o);
      stakeholders->option_colors[o] = fr_theme_option_color (o);
      stakeholders->in_zopa[o] = o % 3 == 0;
      scatter->option_names[o] = name ("Option", o);
      scatter->option_colors[o] = fr_theme_option_color (o);
      scatter->x[o] = uniform ();
      scatter->y[o] = uniform ();
      scatter->pareto[o] = o % 2 == 0;
    }
  for (guint i = 0; i < N_OPTIONS; i++)
    ranking->order[i] = i;
  smaa->n_samples = 10000;
  ranking->title = g_strdup ("Ranking by weighted sum for Ukraine");
  profile->title = g_strdup ("Profile of the options");
  sensitivity->title = g_strdup ("Sensitivity to Ukraine’s weights");
  smaa->title = g_strdup ("Rank acceptability (SMAA-2)");
  stakeholders->title = g_strdup ("Utilities for every stakeholder");
  scatter->title = g_strdup ("Ukraine and Russia");
  scatter->x_name = g_strdup ("Ukraine");
  scatter->y_name = g_strdup ("Russia");
  scatter->x_reservation = scatter->y_reservation = 0.5;
  scatter->nash = 0;
  stakeholders->nash = 0;
  sensitivity->option_name = g_strdup ("Option 1");
  sensitivity->leader_name = g_strdup ("Option 1");
  sensitivity->option_color = fr_theme_option_color (0);
  sensitivity->score = 0.5;
  for (guint c = 0; c < N_CRITERIA; c++)
    {
      ranking->criterion_names[c] = name ("Criterion", c);
      ranking->criterion_colors[c] = fr_chart_criterion_color (NULL, c);
      profile->criterion_names[c] = name ("Criterion", c);
      sensitivity->criterion_names[c] = name ("Criterion", c);
      sensitivity->weight[c] = weights[c] / total;
      sensitivity->score_low[c] = 0.5 - uniform () * 0.1;
      sensitivity->score_high[c] = 0.5 + uniform () * 0.1;
      sensitivity->stable_low[c] = sensitivity->weight[c] * uniform ();
      sensitivity->stable_high[c] = sensitivity->weight[c] + (1 - sensitivity->weight[c]) * uniform ();
    }
  for (guint s = 0; s < N_STAKEHOLDERS; s++)
    {
      stakeholders->stakeholder_names[s] = name ("Stakeholder", s);
      stakeholders->stakeholder_colors[s] = fr_theme_option_color (s + 5);
      stakeholders->reservation[s] = 0.4;
      for (guint o = 0; o < N_OPTIONS; o++)
        stakeholders->utility[s * N_OPTIONS + o] = uniform ();
    }

  printf ("Analysis charts at %d×%d, ARGB32 image surface, median of %u runs, thread CPU time:\n", WIDTH, HEIGHT,
          runs);
  printf ("  %-36s %12s %12s %12s\n", "", "text shaped", "text kept", "hit test");
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      double cold = time_render (charts[i].render, charts[i].data, theme, TRUE);
      double ms = time_render (charts[i].render, charts[i].data, theme, FALSE);
      double hit = time_hit (charts[i].hit, charts[i].data, theme);
      printf ("  %-36s %9.3f ms %9.3f ms %9.3f ms\n", charts[i].label, cold, ms, hit);
      sum += ms;
      cold_sum += cold;
    }
  printf ("  %-36s %9.3f ms %9.3f ms   (one frame at 60 Hz: 16.7 ms; aim: 8 ms)\n", "all six, one after the other",
          cold_sum, sum);
  return 0;
}
