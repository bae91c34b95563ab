/* frontier-bench.c — how fast the decision engine is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures for DESIGN.md's quality bars, on one core:
 *   full recompute (WSM, TOPSIS, PROMETHEE II, sensitivity) at 10 × 12 and
 *     200 × 50 options × criteria;
 *   SMAA-2 with 100 000 and 10 000 samples at 10 × 12 (weights uniform on
 *     the simplex, exact scores), beside a naive C loop (libc rand and log,
 *     normalised weights, qsort per sample) and an analyst's vectorised
 *     numpy version (benchmarks/smaa_numpy.py, one thread); and 10 000
 *     samples on the bundled scenario, whose scores have ranges;
 *   the bundle search over 2^16, 2^20 and 2^24 element sets (12 criteria,
 *     5 stakeholders, a few excludes/requires rules): a walk scoring every
 *     feasible set, the best 10 for one stakeholder under the others'
 *     reservation levels, and the Pareto front.
 * Every figure is the median over repeated runs of this thread's CPU time
 * (CLOCK_THREAD_CPUTIME_ID), so other processes on a shared machine do not
 * count. Fast operations are repeated inside a run and divided.
 * Usage: frontier-bench [RUNS]
 */
#define G_LOG_DOMAIN "frontier-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-common.h"
#include "fr-bundles.h"
#include "fr-matrix.h"
#include "fr-promethee.h"
#include "fr-sensitivity.h"
#include "fr-smaa.h"
#include "fr-topsis.h"
#include "fr-wsm.h"
#include "fr-xml.h"

static guint runs = 15;

/* A reproducible generator for the test data (not the SMAA one). */
static guint64 data_state = 88172645463325252u;

static double
data_uniform (void)
{
  data_state ^= data_state << 13;
  data_state ^= data_state >> 7;
  data_state ^= data_state << 17;
  return (double) (data_state >> 11) * 0x1.0p-53;
}

static FrMatrix *
make_matrix (guint n,
             guint m)
{
  FrMatrix *matrix = fr_matrix_new (n, m);

  for (guint c = 0; c < m; c++)
    {
      matrix->criteria[c].id = g_strdup_printf ("c%u", c);
      matrix->criteria[c].name = g_strdup_printf ("Criterion %u", c);
      matrix->criteria[c].direction = c % 4 == 3 ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
      matrix->criteria[c].has_scale = TRUE;
      matrix->criteria[c].scale_min = 0;
      matrix->criteria[c].scale_max = 10;
      matrix->criteria[c].preference.kind = (FrPreferenceKind) (c % 6);
      matrix->criteria[c].preference.q = 0.5;
      matrix->criteria[c].preference.p = 2.0;
      matrix->criteria[c].preference.s = 1.0;
    }
  for (guint o = 0; o < n; o++)
    {
      matrix->option_ids[o] = g_strdup_printf ("o%u", o);
      matrix->option_names[o] = g_strdup_printf ("Option %u", o);
      for (guint c = 0; c < m; c++)
        {
          gsize cell = (gsize) o * m + c;
          matrix->values[cell] = matrix->low[cell] = matrix->high[cell] = 10.0 * data_uniform ();
        }
    }
  return matrix;
}

/* ---- Full recompute ------------------------------------------------------ */

typedef enum {
  METHOD_WSM,
  METHOD_TOPSIS,
  METHOD_PROMETHEE,
  METHOD_SENSITIVITY,
  METHOD_ALL,
} Method;

static const char *method_names[] = { "WSM", "TOPSIS", "PROMETHEE II", "sensitivity", "all four" };

static void
recompute (const FrMatrix *matrix,
           const double   *weights,
           Method          method,
           double         *scratch,
           double         *values,
           FrStability    *stability,
           FrTornadoBar   *bars)
{
  guint n = matrix->n_options, m = matrix->n_criteria;
  double *a = scratch, *b = scratch + n, *c = scratch + 2 * n;

  if (method == METHOD_WSM || method == METHOD_ALL)
    fr_wsm_scores (matrix, weights, a, NULL);
  if (method == METHOD_TOPSIS || method == METHOD_ALL)
    fr_topsis (matrix, weights, FR_TOPSIS_VECTOR, a, b, c);
  if (method == METHOD_PROMETHEE || method == METHOD_ALL)
    fr_promethee_flows (matrix, weights, a, b, c, NULL);
  if (method == METHOD_SENSITIVITY || method == METHOD_ALL)
    {
      guint leader;

      /* A weight change does not change the value table, but a full
       * recompute includes it. */
      fr_matrix_value_table (matrix, values);
      leader = fr_sensitivity_stability (values, n, m, weights, stability);
      fr_sensitivity_tornado (values, n, m, weights, leader, 0.5, bars);
    }
}

static void
bench_methods (guint n,
               guint m)
{
  g_autoptr(FrMatrix) matrix = make_matrix (n, m);
  g_autofree double *weights = fr_matrix_stakeholder_weights (matrix, NULL);
  g_autofree double *scratch = g_new (double, 3 * n);
  g_autofree double *values = g_new (double, (gsize) n * m);
  g_autofree FrStability *stability = g_new (FrStability, m);
  g_autofree FrTornadoBar *bars = g_new (FrTornadoBar, m);
  g_autofree double *times = g_new (double, runs);

  for (Method method = METHOD_WSM; method <= METHOD_ALL; method++)
    {
      guint repeat = 1;
      double per_call;

      /* Enough calls per run to last about 2 ms. */
      for (;;)
        {
          double start = bench_cpu_ms (), elapsed;

          for (guint r = 0; r < repeat; r++)
            recompute (matrix, weights, method, scratch, values, stability, bars);
          elapsed = bench_cpu_ms () - start;
          if (elapsed >= 2.0 || repeat >= (1u << 24))
            break;
          repeat *= 2;
        }
      for (guint run = 0; run < runs; run++)
        {
          double start = bench_cpu_ms ();

          for (guint r = 0; r < repeat; r++)
            recompute (matrix, weights, method, scratch, values, stability, bars);
          times[run] = (bench_cpu_ms () - start) / repeat;
        }
      per_call = bench_median (times, runs);
      if (per_call < 0.1)
        printf ("%-28s %4u × %-3u %10.2f µs\n", method_names[method], n, m, per_call * 1000.0);
      else
        printf ("%-28s %4u × %-3u %10.3f ms\n", method_names[method], n, m, per_call);
    }
}

/* ---- SMAA-2 --------------------------------------------------------------- */

static const double *naive_utilities;

static int
naive_compare (const void *a,
               const void *b)
{
  double x = naive_utilities[*(const guint *) a], y = naive_utilities[*(const guint *) b];

  return (x < y) - (x > y);
}

/* What one writes first in C: libc's generator and log, weights
 * normalised, utilities option by option, a sort per sample. */
static void
naive_smaa (const double *values,
            guint         n,
            guint         m,
            guint         samples,
            double       *acceptability,
            double       *central)
{
  double *w = g_new (double, m);
  double *u = g_new (double, n);
  guint *order = g_new (guint, n);

  memset (acceptability, 0, (gsize) n * n * sizeof (double));
  memset (central, 0, (gsize) n * m * sizeof (double));
  srand (1);
  for (guint s = 0; s < samples; s++)
    {
      double total = 0.0;

      for (guint c = 0; c < m; c++)
        {
          w[c] = -log ((rand () + 1.0) / ((double) RAND_MAX + 2.0));
          total += w[c];
        }
      for (guint c = 0; c < m; c++)
        w[c] /= total;
      for (guint o = 0; o < n; o++)
        {
          u[o] = 0.0;
          for (guint c = 0; c < m; c++)
            u[o] += w[c] * values[(gsize) o * m + c];
          order[o] = o;
        }
      naive_utilities = u;
      qsort (order, n, sizeof (guint), naive_compare);
      for (guint r = 0; r < n; r++)
        acceptability[(gsize) order[r] * n + r] += 1.0 / samples;
      for (guint c = 0; c < m; c++)
        central[(gsize) order[0] * m + c] += w[c];
    }
  g_free (w);
  g_free (u);
  g_free (order);
}

static double
bench_smaa (const FrMatrix *matrix,
            guint           samples,
            double         *first)
{
  g_autofree double *times = g_new (double, runs);

  for (guint run = 0; run < runs; run++)
    {
      FrSmaaParams params;
      FrSmaa *smaa;
      double start;

      fr_smaa_params_init (&params);
      params.n_samples = samples;
      params.seed = run + 1;
      start = bench_cpu_ms ();
      smaa = fr_smaa_new (matrix, &params, NULL);
      fr_smaa_run (smaa, NULL, NULL);
      for (guint o = 0; o < matrix->n_options; o++)
        fr_smaa_get_confidence (smaa, o);
      times[run] = bench_cpu_ms () - start;
      if (first != NULL)
        for (guint o = 0; o < matrix->n_options; o++)
          first[o] = fr_smaa_get_acceptability (smaa, o, 0);
      fr_smaa_free (smaa);
    }
  return bench_median (times, runs);
}

static double
run_numpy (const double *values,
           guint         n,
           guint         m,
           guint         samples,
           double       *first)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) table = g_string_new (NULL);
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *runs_text = g_strdup_printf ("%u", MAX (runs / 2, 3));
  g_autofree char *samples_text = g_strdup_printf ("%u", samples);
  g_autofree char *script = g_build_filename (BENCH_SRCDIR, "smaa_numpy.py", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int fd, status = 0;
  double ms = NAN;
  char *argv[] = { (char *) "/usr/bin/python3", script, NULL, samples_text, runs_text, NULL };

  for (guint o = 0; o < n; o++)
    for (guint c = 0; c < m; c++)
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append (table, g_ascii_dtostr (buffer, sizeof buffer, values[(gsize) o * m + c]));
        g_string_append_c (table, c + 1 < m ? '\t' : '\n');
      }
  fd = g_file_open_tmp ("frontier-bench-XXXXXX.tsv", &path, &error);
  if (fd < 0)
    return NAN;
  close (fd);
  if (!g_file_set_contents (path, table->str, table->len, &error))
    return NAN;
  argv[2] = path;
  env = g_environ_setenv (env, "OPENBLAS_NUM_THREADS", "1", TRUE);
  env = g_environ_setenv (env, "OMP_NUM_THREADS", "1", TRUE);
  env = g_environ_setenv (env, "MKL_NUM_THREADS", "1", TRUE);
  if (g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors, &status, &error) &&
      g_spawn_check_wait_status (status, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "median_ms "))
          ms = g_ascii_strtod (lines[i] + 10, NULL);
        else if (g_str_has_prefix (lines[i], "first "))
          {
            g_auto(GStrv) fields = g_strsplit (lines[i] + 6, " ", -1);
            for (guint o = 0; o < n && fields[o] != NULL; o++)
              first[o] = g_ascii_strtod (fields[o], NULL);
          }
    }
  else
    fprintf (stderr, "numpy comparison not run: %s\n", error != NULL ? error->message : errors);
  g_unlink (path);
  return ms;
}

static void
bench_smaa_all (void)
{
  g_autoptr(FrMatrix) matrix = make_matrix (10, 12);
  g_autofree double *values = g_new (double, 120);
  double first[10], numpy_first[10], naive_acceptability[100], naive_central[120];
  double fast100k, fast10k, naive, numpy_ms, gap = 0.0;
  g_autofree double *times = g_new (double, runs);

  fr_matrix_value_table (matrix, values);
  fast100k = bench_smaa (matrix, 100000, first);
  fast10k = bench_smaa (matrix, 10000, NULL);
  for (guint run = 0; run < MAX (runs / 3, 3); run++)
    {
      double start = bench_cpu_ms ();
      naive_smaa (values, 10, 12, 100000, naive_acceptability, naive_central);
      times[run] = bench_cpu_ms () - start;
    }
  naive = bench_median (times, MAX (runs / 3, 3));
  numpy_ms = run_numpy (values, 10, 12, 100000, numpy_first);

  printf ("%-28s %4u × %-3u %10.3f ms\n", "SMAA-2, 100 000 samples", 10, 12, fast100k);
  printf ("%-28s %4u × %-3u %10.3f ms\n", "SMAA-2, 10 000 samples", 10, 12, fast10k);
  printf ("%-28s %4u × %-3u %10.3f ms   (%.1f× slower than ours)\n", "naive C loop, 100 000", 10, 12,
          naive, naive / fast100k);
  if (isnan (numpy_ms))
    printf ("%-28s %4u × %-3u %10s\n", "numpy SMAA-2, 100 000", 10, 12, "not run");
  else
    {
      for (guint o = 0; o < 10; o++)
        gap = MAX (gap, fabs (first[o] - numpy_first[o]));
      printf ("%-28s %4u × %-3u %10.3f ms   (%.1f× slower than ours; b¹ agree within %.4f)\n",
              "numpy SMAA-2, 100 000", 10, 12, numpy_ms, numpy_ms / fast100k, gap);
    }
}

/* The bundled scenario: every score has a range, read through value
 * functions, so each sample redraws the whole table; the confidence pass
 * runs as many samples again. */
static void
bench_scenario (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "scenarios", "ukraine-security-options.frontier", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = fr_xml_load_file (path, &error);
  g_autoptr(FrMatrix) matrix = NULL;
  guint ranged = 0;

  if (model == NULL || (matrix = fr_matrix_new_from_model (model, &error)) == NULL)
    {
      printf ("%-28s not run: %s\n", "SMAA-2, bundled scenario", error->message);
      return;
    }
  for (gsize i = 0; i < (gsize) matrix->n_options * matrix->n_criteria; i++)
    ranged += matrix->high[i] > matrix->low[i];
  printf ("%-28s %4u × %-3u %10.3f ms   (%u of %u scores with a range; with the confidence pass)\n",
          "SMAA-2 scenario, 10 000", matrix->n_options, matrix->n_criteria,
          bench_smaa (matrix, 10000, NULL), ranged, matrix->n_options * matrix->n_criteria);
}

/* ---- Bundles ------------------------------------------------------------- */

static FrModel *
bundle_model (guint n_elements)
{
  FrModel *model = fr_model_new ();
  const guint m = 12, s = 5;

  for (guint c = 0; c < m; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", c);
      FrCriterion *criterion = fr_criterion_new (id, id);
      double *base = g_new (double, 1);

      criterion->direction = c % 4 == 3 ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
      criterion->has_scale = TRUE;
      criterion->scale_min = 0;
      criterion->scale_max = 10;
      g_ptr_array_add (model->criteria, criterion);
      *base = 3 + 4 * data_uniform ();
      g_hash_table_insert (model->baseline, g_strdup (id), base);
    }
  {
    FrOption *option = fr_option_new ("status-quo", "Status quo");

    for (guint c = 0; c < m; c++)
      g_hash_table_insert (option->scores, g_strdup_printf ("c%u", c), fr_score_new (5));
    g_ptr_array_add (model->options, option);
  }
  for (guint e = 0; e < n_elements; e++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", e);
      FrElement *element = fr_element_new (id, id);

      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *c = g_strdup_printf ("c%u", (guint) (data_uniform () * m));
          g_ptr_array_add (element->effects, fr_effect_new (c, -3 + 6 * data_uniform ()));
        }
      /* A few rules, as in the scenario. */
      if (e % 7 == 3)
        g_ptr_array_add (element->excludes, g_strdup_printf ("e%u", e - 2));
      if (e % 9 == 5)
        g_ptr_array_add (element->requires, g_strdup_printf ("e%u", e - 4));
      g_ptr_array_add (model->elements, element);
    }
  for (guint t = 0; t < s; t++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", t);
      FrStakeholder *stakeholder = fr_stakeholder_new (id, id);

      for (guint c = 0; c < m; c++)
        g_hash_table_insert (stakeholder->weights, g_strdup_printf ("c%u", c), fr_weight_new (data_uniform ()));
      stakeholder->reservation = 0.45;
      g_ptr_array_add (model->stakeholders, stakeholder);
    }
  return model;
}

static void
bench_bundles (guint n_elements)
{
  g_autoptr(FrModel) model = bundle_model (n_elements);
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, NULL);
  g_autofree double *times = g_new (double, runs);
  guint64 leaves = 0, front = 0, front_leaves = 0;
  guint pareto_runs = n_elements > 16 ? 3 : runs;
  guint64 feasible = 0;
  double best_ms, pareto_ms, walk_ms;

  for (guint run = 0; run < runs; run++)
    {
      double start = bench_cpu_ms ();
      FrBundleList *list = fr_bundle_problem_best (problem, 0, 10, TRUE, NULL, NULL);

      times[run] = bench_cpu_ms () - start;
      leaves = list->n_leaves;
      fr_bundle_list_free (list);
    }
  best_ms = bench_median (times, runs);
  for (guint run = 0; run < pareto_runs; run++)
    {
      double start = bench_cpu_ms ();
      FrBundleList *list = fr_bundle_problem_pareto (problem, NULL, NULL);

      times[run] = bench_cpu_ms () - start;
      front = list->n_bundles;
      front_leaves = list->n_leaves;
      fr_bundle_list_free (list);
    }
  pareto_ms = bench_median (times, pareto_runs);
  for (guint run = 0; run < pareto_runs; run++)
    {
      double start = bench_cpu_ms ();

      feasible = fr_bundle_problem_count_feasible (problem, NULL, NULL);
      times[run] = bench_cpu_ms () - start;
    }
  walk_ms = bench_median (times, pareto_runs);
  printf ("%-28s 2^%-2u sets %9.3f ms   (%" G_GUINT64_FORMAT " feasible, each scored)\n",
          "bundles, walk without pruning", n_elements, walk_ms, feasible);
  printf ("%-28s 2^%-2u sets %9.3f ms   (%" G_GUINT64_FORMAT " complete bundles evaluated)\n",
          "bundles, best 10", n_elements, best_ms, leaves);
  printf ("%-28s 2^%-2u sets %9.3f ms   (%" G_GUINT64_FORMAT " bundles on the front, %"
          G_GUINT64_FORMAT " evaluated)\n",
          "bundles, Pareto front", n_elements, pareto_ms, front, front_leaves);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1)
    runs = (guint) CLAMP (atoi (argv[1]), 3, 1001);

  printf ("Frontier engine benchmark — median of %u runs, CPU time of one thread\n\n", runs);
  bench_methods (10, 12);
  bench_methods (200, 50);
  bench_smaa_all ();
  bench_scenario ();
  bench_bundles (16);
  bench_bundles (20);
  bench_bundles (24);
  return 0;
}
