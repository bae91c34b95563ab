/* test-smaa.c — SMAA-2 against acceptabilities derived by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Published SMAA-2 studies report Monte Carlo estimates for models too
 * large to restate, so the expected numbers here are derived exactly for
 * small models (the derivations are in the comments) and compared within a
 * Monte Carlo tolerance of about five standard errors.
 */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "fr-error.h"
#include "fr-smaa.h"
#include "fr-value-private.h"

/* A matrix whose criteria have a 0..1 scale, so values equal scores. */
static FrMatrix *
unit_matrix (guint         n,
             guint         m,
             const double *scores)
{
  FrMatrix *matrix = fr_matrix_new (n, m);

  for (guint c = 0; c < m; c++)
    {
      matrix->criteria[c].id = g_strdup_printf ("c%u", c);
      matrix->criteria[c].name = g_strdup_printf ("Criterion %u", c);
      matrix->criteria[c].has_scale = TRUE;
      matrix->criteria[c].scale_min = 0.0;
      matrix->criteria[c].scale_max = 1.0;
    }
  for (guint o = 0; o < n; o++)
    {
      matrix->option_ids[o] = g_strdup_printf ("o%u", o);
      matrix->option_names[o] = g_strdup_printf ("Option %u", o);
    }
  for (gsize i = 0; i < (gsize) n * m; i++)
    matrix->values[i] = matrix->low[i] = matrix->high[i] = scores[i];
  return matrix;
}

static FrSmaa *
run_smaa (const FrMatrix     *matrix,
          const FrSmaaParams *params)
{
  g_autoptr(GError) error = NULL;
  FrSmaa *smaa = fr_smaa_new (matrix, params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (smaa);
  g_assert_true (fr_smaa_run (smaa, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fr_smaa_is_done (smaa));
  g_assert_cmpfloat (fr_smaa_get_progress (smaa), ==, 1.0);
  return smaa;
}

/* Two criteria, uniform weights: w = (t, 1 − t) with t ~ U(0, 1).
 * Utilities A = t, B = 1 − t, C = 0.6. A leads when t > 0.6 (p 0.4),
 * B when t < 0.4 (0.4), C in between (0.2). Second places: A when
 * 0.5 < t < 0.6 (0.1), B when 0.4 < t < 0.5 (0.1), C otherwise (0.8).
 * Central weights: A (0.8, 0.2), B (0.2, 0.8), C (0.5, 0.5). Scores are
 * exact, so each confidence factor is 1. */
static void
test_two_criteria (void)
{
  static const double scores[] = { 1, 0,  0, 1,  0.6, 0.6 };
  static const double expected[3][3] = {
    { 0.4, 0.1, 0.5 },
    { 0.4, 0.1, 0.5 },
    { 0.2, 0.8, 0.0 },
  };
  static const double central[3][2] = { { 0.8, 0.2 }, { 0.2, 0.8 }, { 0.5, 0.5 } };
  g_autoptr(FrMatrix) matrix = unit_matrix (3, 2, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  double w[2];

  fr_smaa_params_init (&params);
  params.n_samples = 200000;
  params.seed = 7;
  smaa = run_smaa (matrix, &params);
  g_assert_cmpuint (fr_smaa_get_n_samples (smaa), ==, 200000);
  for (guint o = 0; o < 3; o++)
    {
      double sum = 0.0;

      for (guint r = 0; r < 3; r++)
        {
          g_assert_cmpfloat_with_epsilon (fr_smaa_get_acceptability (smaa, o, r), expected[o][r], 0.006);
          sum += fr_smaa_get_acceptability (smaa, o, r);
        }
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
      g_assert_true (fr_smaa_get_central_weights (smaa, o, w));
      g_assert_cmpfloat_with_epsilon (w[0], central[o][0], 0.004);
      g_assert_cmpfloat_with_epsilon (w[0] + w[1], 1.0, 1e-9);
      g_assert_cmpfloat (fr_smaa_get_confidence (smaa, o), ==, 1.0);
    }
}

/* Three criteria, options on the corners: by symmetry each ranks at each
 * place with probability 1/3. An option leads when its weight is the
 * largest of three uniform spacings, whose mean is (1/3)(1 + 1/2 + 1/3) =
 * 11/18; the other two share the rest: 7/36 each. This checks that the
 * weights are uniform on the simplex, not merely positive and normalised. */
static void
test_simplex_uniform (void)
{
  static const double scores[] = { 1, 0, 0,  0, 1, 0,  0, 0, 1 };
  g_autoptr(FrMatrix) matrix = unit_matrix (3, 3, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  double w[3];

  fr_smaa_params_init (&params);
  params.n_samples = 300000;
  smaa = run_smaa (matrix, &params);
  for (guint o = 0; o < 3; o++)
    {
      for (guint r = 0; r < 3; r++)
        g_assert_cmpfloat_with_epsilon (fr_smaa_get_acceptability (smaa, o, r), 1.0 / 3.0, 0.005);
      g_assert_true (fr_smaa_get_central_weights (smaa, o, w));
      for (guint c = 0; c < 3; c++)
        g_assert_cmpfloat_with_epsilon (w[c], c == o ? 11.0 / 18.0 : 7.0 / 36.0, 0.003);
    }
}

/* w1 ∈ [0.2, 0.8] on two criteria: t ~ U(0.2, 0.8). In the model of
 * test_two_criteria A leads for t > 0.6 (1/3), B for t < 0.4 (1/3), C in
 * between (1/3); A's central weight is E[t | t > 0.6] = 0.7. */
static void
test_interval_weights (void)
{
  static const double scores[] = { 1, 0,  0, 1,  0.6, 0.6 };
  static const double low[] = { 0.2, 0.2 }, high[] = { 0.8, 0.8 };
  g_autoptr(FrMatrix) matrix = unit_matrix (3, 2, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  double w[2];

  fr_smaa_params_init (&params);
  params.weights = FR_SMAA_WEIGHTS_INTERVALS;
  params.weight_low = low;
  params.weight_high = high;
  params.n_samples = 200000;
  smaa = run_smaa (matrix, &params);
  for (guint o = 0; o < 3; o++)
    g_assert_cmpfloat_with_epsilon (fr_smaa_get_acceptability (smaa, o, 0), 1.0 / 3.0, 0.006);
  g_assert_true (fr_smaa_get_central_weights (smaa, 0, w));
  g_assert_cmpfloat_with_epsilon (w[0], 0.7, 0.002);
  g_assert_true (fr_smaa_get_central_weights (smaa, 1, w));
  g_assert_cmpfloat_with_epsilon (w[0], 0.3, 0.002);
}

/* With a single option the central weights are the mean of the sampled
 * weights, which pins down the sampling distribution.
 *
 * w1 ≤ 0.5, w2, w3 free: the region is the trapezoid 0 ≤ w1 ≤ 1/2,
 * 0 ≤ w2 ≤ 1 − w1, of area 3/8; E[w1] = ∫ w1 (1 − w1) / (3/8) = 2/9,
 * E[w2] = ∫ (1 − w1)²/2 / (3/8) = 7/18 = E[w3]. */
static void
test_interval_mean (void)
{
  static const double scores[] = { 1, 0, 0 };
  static const double low[] = { 0.0, 0.0, 0.0 }, high[] = { 0.5, 1.0, 1.0 };
  g_autoptr(FrMatrix) matrix = unit_matrix (1, 3, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  double w[3];

  fr_smaa_params_init (&params);
  params.weights = FR_SMAA_WEIGHTS_INTERVALS;
  params.weight_low = low;
  params.weight_high = high;
  params.n_samples = 200000;
  smaa = run_smaa (matrix, &params);
  g_assert_true (fr_smaa_get_central_weights (smaa, 0, w));
  g_assert_cmpfloat_with_epsilon (w[0], 2.0 / 9.0, 0.002);
  g_assert_cmpfloat_with_epsilon (w[1], 7.0 / 18.0, 0.002);
  g_assert_cmpfloat_with_epsilon (w[2], 7.0 / 18.0, 0.002);
}

/* Two narrow intervals [0.10, 0.15] and four wide ones [0, 1]: the
 * sampler then draws the narrow ones in their box and the wide ones on the
 * simplex left over, and must weight each draw by the size of that
 * simplex. The exact marginal density of the narrow pair (a, b) is
 * proportional to (1 − a − b)³, whose mean we integrate by a midpoint
 * rule; ignoring the weighting would give the middle, 0.125. */
static void
test_interval_mixed (void)
{
  static const double scores[] = { 1, 0, 0, 0, 0, 0 };
  static const double low[] = { 0.10, 0.10, 0, 0, 0, 0 };
  static const double high[] = { 0.15, 0.15, 1, 1, 1, 1 };
  g_autoptr(FrMatrix) matrix = unit_matrix (1, 6, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  double w[6];
  double mass = 0.0, first = 0.0;
  const int steps = 400;

  for (int i = 0; i < steps; i++)
    for (int j = 0; j < steps; j++)
      {
        double a = 0.10 + 0.05 * (i + 0.5) / steps;
        double b = 0.10 + 0.05 * (j + 0.5) / steps;
        double density = pow (1.0 - a - b, 3);

        mass += density;
        first += a * density;
      }
  g_assert_cmpfloat (fabs (first / mass - 0.125), >, 0.0005);

  fr_smaa_params_init (&params);
  params.weights = FR_SMAA_WEIGHTS_INTERVALS;
  params.weight_low = low;
  params.weight_high = high;
  params.n_samples = 200000;
  params.seed = 3;
  smaa = run_smaa (matrix, &params);
  g_assert_true (fr_smaa_get_central_weights (smaa, 0, w));
  for (guint c = 0; c < 2; c++)
    g_assert_cmpfloat_with_epsilon (w[c], first / mass, 0.00016);
  for (guint c = 2; c < 6; c++)
    g_assert_cmpfloat_with_epsilon (w[c], (1.0 - 2.0 * first / mass) / 4.0, 0.002);
}

static void
test_interval_errors (void)
{
  static const double scores[] = { 1, 0 };
  static const double low[] = { 0.6, 0.6 }, high[] = { 0.9, 0.9 };
  g_autoptr(FrMatrix) matrix = unit_matrix (1, 2, scores);
  g_autoptr(GError) error = NULL;
  FrSmaaParams params;
  FrSmaa *smaa;

  fr_smaa_params_init (&params);
  params.weights = FR_SMAA_WEIGHTS_INTERVALS;
  params.weight_low = low;
  params.weight_high = high;
  smaa = fr_smaa_new (matrix, &params, &error);
  g_assert_null (smaa);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "120.0%"));
}

/* Stakeholder intervals become shares of the stakeholder's total weight;
 * a weight without an interval is held. */
static void
test_stakeholder_intervals (void)
{
  static const double scores[] = { 1, 0, 0 };
  g_autoptr(FrMatrix) matrix = unit_matrix (1, 3, scores);
  FrStakeholder *stakeholder = fr_stakeholder_new ("ua", "Ukraine");
  FrWeight *weight;
  double low[3], high[3];

  g_hash_table_insert (stakeholder->weights, g_strdup ("c0"), fr_weight_new (50));
  g_hash_table_insert (stakeholder->weights, g_strdup ("c1"), fr_weight_new (30));
  g_hash_table_insert (stakeholder->weights, g_strdup ("c2"), fr_weight_new (20));
  g_assert_false (fr_smaa_weight_intervals (matrix, stakeholder, low, high));
  g_assert_cmpfloat_with_epsilon (low[0], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (high[2], 0.2, 1e-12);
  g_assert_false (fr_smaa_weight_intervals (matrix, NULL, low, high));
  g_assert_cmpfloat_with_epsilon (low[1], 1.0 / 3.0, 1e-12);

  weight = g_hash_table_lookup (stakeholder->weights, "c0");
  weight->has_interval = TRUE;
  weight->low = 40;
  weight->high = 60;
  g_assert_true (fr_smaa_weight_intervals (matrix, stakeholder, low, high));
  g_assert_cmpfloat_with_epsilon (low[0], 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (high[0], 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (low[1], 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (high[1], 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (low[2], 0.2, 1e-12);

  /* Two weights held at 0.3 and 0.2 leave exactly 0.5 for the first. */
  {
    g_autoptr(FrSmaa) smaa = NULL;
    FrSmaaParams params;
    double w[3];

    fr_smaa_params_init (&params);
    params.weights = FR_SMAA_WEIGHTS_INTERVALS;
    params.weight_low = low;
    params.weight_high = high;
    params.n_samples = 1000;
    smaa = run_smaa (matrix, &params);
    g_assert_true (fr_smaa_get_central_weights (smaa, 0, w));
    g_assert_cmpfloat_with_epsilon (w[0], 0.5, 1e-12);
    g_assert_cmpfloat_with_epsilon (w[1], 0.3, 1e-12);
  }
  fr_stakeholder_free (stakeholder);
}

/* One criterion scored 0..10. A is uncertain over its whole range, B sits
 * at 5: A ranks first when its sampled score exceeds 5. Uniform: 1/2.
 * Triangular with mode 8: 1 − F(5) = 1 − 5²/(10·8) = 0.6875. The central
 * weight of a single criterion is 1, so the confidence factor is the same
 * probability. */
static void
test_score_ranges (void)
{
  g_autoptr(FrMatrix) matrix = fr_matrix_new (2, 1);
  FrSmaaParams params;

  matrix->criteria[0].id = g_strdup ("x");
  matrix->criteria[0].name = g_strdup ("X");
  matrix->criteria[0].has_scale = TRUE;
  matrix->criteria[0].scale_min = 0;
  matrix->criteria[0].scale_max = 10;
  matrix->option_ids[0] = g_strdup ("a");
  matrix->option_ids[1] = g_strdup ("b");
  matrix->option_names[0] = g_strdup ("A");
  matrix->option_names[1] = g_strdup ("B");
  matrix->values[0] = 8;
  matrix->low[0] = 0;
  matrix->high[0] = 10;
  matrix->values[1] = matrix->low[1] = matrix->high[1] = 5;

  fr_smaa_params_init (&params);
  params.n_samples = 200000;
  {
    g_autoptr(FrSmaa) smaa = run_smaa (matrix, &params);

    g_assert_cmpfloat_with_epsilon (fr_smaa_get_acceptability (smaa, 0, 0), 0.5, 0.006);
    g_assert_cmpfloat_with_epsilon (fr_smaa_get_confidence (smaa, 0), 0.5, 0.006);
    g_assert_cmpfloat_with_epsilon (fr_smaa_get_confidence (smaa, 1), 0.5, 0.006);
  }
  params.scores = FR_SMAA_SCORES_TRIANGULAR;
  {
    g_autoptr(FrSmaa) smaa = run_smaa (matrix, &params);

    g_assert_cmpfloat_with_epsilon (fr_smaa_get_acceptability (smaa, 0, 0), 0.6875, 0.006);
    g_assert_cmpfloat_with_epsilon (fr_smaa_get_confidence (smaa, 0), 0.6875, 0.006);
  }
}

static double
first_with_value_function (const FrValuePoint *points,
                           guint               n_points,
                           double              b_score)
{
  g_autoptr(FrMatrix) matrix = fr_matrix_new (2, 1);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;

  matrix->criteria[0].id = g_strdup ("x");
  matrix->criteria[0].name = g_strdup ("X");
  matrix->criteria[0].value_function = g_array_new (FALSE, FALSE, sizeof (FrValuePoint));
  g_array_append_vals (matrix->criteria[0].value_function, points, n_points);
  matrix->option_ids[0] = g_strdup ("a");
  matrix->option_ids[1] = g_strdup ("b");
  matrix->option_names[0] = g_strdup ("A");
  matrix->option_names[1] = g_strdup ("B");
  matrix->values[0] = 5;
  matrix->low[0] = 2;
  matrix->high[0] = 9;
  matrix->values[1] = matrix->low[1] = matrix->high[1] = b_score;

  fr_smaa_params_init (&params);
  params.n_samples = 200000;
  smaa = run_smaa (matrix, &params);
  return fr_smaa_get_acceptability (smaa, 0, 0);
}

/* A's score is uniform on 2..9 and read through a value function.
 * A tent (0,0) (5,1) (10,0) against B at 3 (value 0.6): A leads where its
 * value exceeds 0.6, for 3 < x < 7: 4/7. A step (0,0) (4,0.3) (4,0.9)
 * (10,1) against B at 4.5 (value 0.9 + 0.1·0.5/6): A leads for x > 4.5:
 * 4.5/7. */
static void
test_value_functions (void)
{
  static const FrValuePoint tent[] = { { 0, 0 }, { 5, 1 }, { 10, 0 } };
  static const FrValuePoint step[] = { { 0, 0 }, { 4, 0.3 }, { 4, 0.9 }, { 10, 1 } };

  g_assert_cmpfloat_with_epsilon (first_with_value_function (tent, 3, 3.0), 4.0 / 7.0, 0.006);
  g_assert_cmpfloat_with_epsilon (first_with_value_function (step, 4, 4.5), 4.5 / 7.0, 0.006);
}

/* Without ranges, a confidence factor is exact: here the model of
 * test_two_criteria with a dominated fourth option that never leads. */
static void
test_confidence_exact (void)
{
  static const double scores[] = { 1, 0,  0, 1,  0.6, 0.6,  0.5, 0.5 };
  g_autoptr(FrMatrix) matrix = unit_matrix (4, 2, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;
  double w[2];

  fr_smaa_params_init (&params);
  params.n_samples = 20000;
  smaa = run_smaa (matrix, &params);
  g_assert_cmpfloat (fr_smaa_get_acceptability (smaa, 3, 0), ==, 0.0);
  g_assert_false (fr_smaa_get_central_weights (smaa, 3, w));
  g_assert_cmpfloat (w[0], ==, 0.0);
  g_assert_cmpfloat (fr_smaa_get_confidence (smaa, 3), ==, 0.0);
  g_assert_cmpfloat (fr_smaa_get_confidence (smaa, 2), ==, 1.0);
}

/* Identical options tie in every sample; the tie goes to the one listed
 * first, and the ranks still form a permutation. */
static void
test_ties (void)
{
  static const double scores[] = { 0.5, 0.5,  0.5, 0.5 };
  g_autoptr(FrMatrix) matrix = unit_matrix (2, 2, scores);
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams params;

  fr_smaa_params_init (&params);
  params.n_samples = 1000;
  smaa = run_smaa (matrix, &params);
  g_assert_cmpfloat (fr_smaa_get_acceptability (smaa, 0, 0), ==, 1.0);
  g_assert_cmpfloat (fr_smaa_get_acceptability (smaa, 1, 1), ==, 1.0);
}

static FrMatrix *
random_matrix (guint   n,
               guint   m,
               guint32 seed,
               gboolean ranges)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  FrMatrix *matrix = fr_matrix_new (n, m);

  for (guint c = 0; c < m; c++)
    {
      matrix->criteria[c].id = g_strdup_printf ("c%u", c);
      matrix->criteria[c].name = g_strdup_printf ("C%u", c);
      matrix->criteria[c].direction = c % 3 == 2 ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
    }
  for (guint o = 0; o < n; o++)
    {
      matrix->option_ids[o] = g_strdup_printf ("o%u", o);
      matrix->option_names[o] = g_strdup_printf ("O%u", o);
      for (guint c = 0; c < m; c++)
        {
          gsize cell = (gsize) o * m + c;
          double v = g_rand_double_range (rand, 0, 10);

          matrix->values[cell] = matrix->low[cell] = matrix->high[cell] = v;
          if (ranges && g_rand_boolean (rand))
            {
              matrix->low[cell] = v - g_rand_double (rand);
              matrix->high[cell] = v + g_rand_double (rand);
            }
        }
    }
  return matrix;
}

static void
assert_same_results (const FrSmaa *a,
                     const FrSmaa *b)
{
  guint n = fr_smaa_get_n_options (a), m = fr_smaa_get_n_criteria (a);
  g_autofree double *wa = g_new (double, m);
  g_autofree double *wb = g_new (double, m);

  for (guint o = 0; o < n; o++)
    {
      for (guint r = 0; r < n; r++)
        g_assert_cmpfloat (fr_smaa_get_acceptability (a, o, r), ==, fr_smaa_get_acceptability (b, o, r));
      fr_smaa_get_central_weights (a, o, wa);
      fr_smaa_get_central_weights (b, o, wb);
      for (guint c = 0; c < m; c++)
        g_assert_cmpfloat (wa[c], ==, wb[c]);
      g_assert_cmpfloat (fr_smaa_get_confidence (a, o), ==, fr_smaa_get_confidence (b, o));
    }
}

/* A seed fixes every number, whatever the chunk sizes. */
static void
test_determinism (void)
{
  g_autoptr(FrMatrix) matrix = random_matrix (6, 5, 11, TRUE);
  g_autoptr(FrSmaa) whole = NULL;
  g_autoptr(FrSmaa) pieces = NULL;
  g_autoptr(FrSmaa) other = NULL;
  FrSmaaParams params;
  gboolean differs = FALSE;

  fr_smaa_params_init (&params);
  params.n_samples = 20000;
  params.n_confidence_samples = 5000;
  params.seed = 12345;
  whole = run_smaa (matrix, &params);

  pieces = fr_smaa_new (matrix, &params, NULL);
  while (!fr_smaa_is_done (pieces))
    g_assert_true (fr_smaa_run_chunk (pieces, 777, NULL, NULL));
  assert_same_results (whole, pieces);

  {
    /* The copy for the UI holds the same numbers. */
    g_autoptr(FrSmaaResult) result = fr_smaa_get_result (whole);
    double w[5];

    g_assert_cmpuint (result->n_options, ==, 6);
    g_assert_cmpuint (result->n_criteria, ==, 5);
    g_assert_cmpuint (result->n_samples, ==, 20000);
    g_assert_cmpfloat (result->progress, ==, 1.0);
    for (guint o = 0; o < 6; o++)
      {
        for (guint r = 0; r < 6; r++)
          g_assert_cmpfloat (result->acceptability[o * 6 + r], ==, fr_smaa_get_acceptability (whole, o, r));
        fr_smaa_get_central_weights (whole, o, w);
        for (guint c = 0; c < 5; c++)
          g_assert_cmpfloat (result->central_weights[o * 5 + c], ==, w[c]);
        g_assert_cmpfloat (result->confidence[o], ==, fr_smaa_get_confidence (whole, o));
      }
  }

  params.seed = 54321;
  other = run_smaa (matrix, &params);
  for (guint o = 0; o < 6; o++)
    differs |= fr_smaa_get_acceptability (whole, o, 0) != fr_smaa_get_acceptability (other, o, 0);
  g_assert_true (differs);
}

/* The generator is our own xoshiro256** and ziggurat, free of libm and of
 * GLib's generator, so these counts are the same on every machine and in
 * both the SSE2 and the AVX2 loop; a change here changes every saved
 * analysis and must be deliberate. The first-rank acceptabilities of this
 * example, from 2·10⁷ samples with numpy, are 0.2681, 0.2952, 0.0720 and
 * 0.3648: each count is within four standard errors (about 180) of them. */
static void
test_golden (void)
{
  static const double scores[] = { 1, 0, 0.2,  0, 1, 0.3,  0.6, 0.6, 0.1,  0.3, 0.3, 0.9 };
  static const guint64 expected_first[] = { 2731, 3010, 716, 3543 };
  static const double reference[] = { 0.2681, 0.2952, 0.0720, 0.3648 };
  g_autoptr(FrMatrix) matrix = unit_matrix (4, 3, scores);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(FrSmaa) smaa = NULL;
      FrSmaaParams params;

      if (pass == 1)
        g_setenv ("FRONTIER_SMAA_GENERIC", "1", TRUE);
      fr_smaa_params_init (&params);
      params.n_samples = 10000;
      params.seed = 2025;
      smaa = run_smaa (matrix, &params);
      for (guint o = 0; o < 4; o++)
        {
          double first = fr_smaa_get_acceptability (smaa, o, 0);

          g_assert_cmpuint ((guint64) llround (first * 10000), ==, expected_first[o]);
          g_assert_cmpfloat (fabs (first - reference[o]), <, 4 * sqrt (reference[o] * (1 - reference[o]) / 10000));
        }
    }
  g_unsetenv ("FRONTIER_SMAA_GENERIC");
}

static void
test_chunks_progress_cancel (void)
{
  g_autoptr(FrMatrix) matrix = random_matrix (5, 4, 3, TRUE);
  g_autoptr(FrSmaa) smaa = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FrSmaaParams params;
  double total = 0.0;

  fr_smaa_params_init (&params);
  params.n_samples = 10000;
  params.n_confidence_samples = 10000;
  smaa = fr_smaa_new (matrix, &params, &error);
  g_assert_no_error (error);

  g_assert_cmpfloat (fr_smaa_get_progress (smaa), ==, 0.0);
  g_assert_cmpfloat (fr_smaa_get_acceptability (smaa, 0, 0), ==, 0.0);
  g_assert_true (isnan (fr_smaa_get_confidence (smaa, 0)));

  g_assert_true (fr_smaa_run_chunk (smaa, 5000, cancellable, &error));
  g_assert_cmpfloat (fr_smaa_get_progress (smaa), ==, 0.25);
  g_assert_cmpuint (fr_smaa_get_n_samples (smaa), ==, 5000);
  for (guint o = 0; o < 5; o++)
    total += fr_smaa_get_acceptability (smaa, o, 0);
  g_assert_cmpfloat_with_epsilon (total, 1.0, 1e-12);

  /* Scores have ranges: confidence waits for its own pass. */
  g_assert_true (fr_smaa_run_chunk (smaa, 5000, cancellable, &error));
  g_assert_cmpfloat (fr_smaa_get_progress (smaa), ==, 0.5);
  for (guint o = 0; o < 5; o++)
    if (fr_smaa_get_acceptability (smaa, o, 0) > 0.0)
      g_assert_true (isnan (fr_smaa_get_confidence (smaa, o)));
  g_assert_true (fr_smaa_run_chunk (smaa, 2500, cancellable, &error));
  g_assert_cmpfloat (fr_smaa_get_progress (smaa), ==, 0.625);
  for (guint o = 0; o < 5; o++)
    {
      double p = fr_smaa_get_confidence (smaa, o);
      g_assert_true (p >= 0.0 && p <= 1.0);
    }

  g_cancellable_cancel (cancellable);
  g_assert_false (fr_smaa_run_chunk (smaa, 5000, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (fr_smaa_get_progress (smaa), ==, 0.625);
  g_assert_false (fr_smaa_is_done (smaa));
  g_clear_error (&error);

  g_assert_true (fr_smaa_run (smaa, NULL, &error));
  g_assert_true (fr_smaa_is_done (smaa));
  /* Running a finished analysis does nothing. */
  g_assert_true (fr_smaa_run_chunk (smaa, 100, NULL, &error));
  g_assert_cmpuint (fr_smaa_get_n_samples (smaa), ==, 10000);
}

static void
test_empty (void)
{
  g_autoptr(FrMatrix) matrix = fr_matrix_new (0, 3);
  g_autoptr(GError) error = NULL;
  FrSmaa *smaa = fr_smaa_new (matrix, NULL, &error);

  g_assert_null (smaa);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
}

/* The cached value curve must agree bit for bit with fr_matrix_value. */
static void
test_value_curve (void)
{
  g_autoptr(FrMatrix) matrix = random_matrix (5, 6, 99, TRUE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  FrValuePoint points[] = { { 0, 0 }, { 4, 0.7 }, { 4, 0.8 }, { 10, 1 } };

  matrix->criteria[1].has_scale = TRUE;
  matrix->criteria[1].scale_min = 2;
  matrix->criteria[1].scale_max = 8;
  matrix->criteria[4].value_function = g_array_new (FALSE, FALSE, sizeof (FrValuePoint));
  g_array_append_vals (matrix->criteria[4].value_function, points, G_N_ELEMENTS (points));
  for (guint c = 0; c < 6; c++)
    {
      FrValueCurve curve;

      fr_value_curve_init (&curve, matrix, c);
      for (guint i = 0; i < 1000; i++)
        {
          double x = g_rand_double_range (rand, -3, 13);
          g_assert_cmpfloat (fr_value_curve_eval (&curve, x), ==, fr_matrix_value (matrix, c, x));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/smaa/two-criteria", test_two_criteria);
  g_test_add_func ("/core/smaa/simplex-uniform", test_simplex_uniform);
  g_test_add_func ("/core/smaa/interval-weights", test_interval_weights);
  g_test_add_func ("/core/smaa/interval-mean", test_interval_mean);
  g_test_add_func ("/core/smaa/interval-mixed", test_interval_mixed);
  g_test_add_func ("/core/smaa/interval-errors", test_interval_errors);
  g_test_add_func ("/core/smaa/stakeholder-intervals", test_stakeholder_intervals);
  g_test_add_func ("/core/smaa/score-ranges", test_score_ranges);
  g_test_add_func ("/core/smaa/value-functions", test_value_functions);
  g_test_add_func ("/core/smaa/confidence-exact", test_confidence_exact);
  g_test_add_func ("/core/smaa/ties", test_ties);
  g_test_add_func ("/core/smaa/determinism", test_determinism);
  g_test_add_func ("/core/smaa/golden", test_golden);
  g_test_add_func ("/core/smaa/chunks-progress-cancel", test_chunks_progress_cancel);
  g_test_add_func ("/core/smaa/empty", test_empty);
  g_test_add_func ("/core/smaa/value-curve", test_value_curve);

  return g_test_run ();
}
