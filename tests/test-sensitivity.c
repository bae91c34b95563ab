/* test-sensitivity.c — exact stability intervals derived by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "fr-sensitivity.h"

/* Values A = (1, 0), B = (0, 1), C = (0.6, 0.6), weights (0.7, 0.3):
 * scores 0.7, 0.3, 0.6, A leads. With weight t on the first criterion the
 * scores are A = t, B = 1 − t, C = 0.6: A stays first for t ≥ 0.6 (C takes
 * over below). On the second, A = 1 − t, B = t, C = 0.6: A stays first for
 * t ≤ 0.4. */
static void
test_two_criteria (void)
{
  static const double values[] = { 1, 0,  0, 1,  0.6, 0.6 };
  static const double weights[] = { 0.7, 0.3 };
  FrStability s[2];
  guint leader = fr_sensitivity_stability (values, 3, 2, weights, s);

  g_assert_cmpuint (leader, ==, 0);
  g_assert_cmpfloat_with_epsilon (s[0].weight, 0.7, 1e-15);
  g_assert_cmpfloat_with_epsilon (s[0].low, 0.6, 1e-12);
  g_assert_cmpfloat (s[0].high, ==, 1.0);
  g_assert_cmpint (s[0].low_rival, ==, 2);
  g_assert_cmpint (s[0].high_rival, ==, -1);
  g_assert_cmpfloat (s[1].low, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (s[1].high, 0.4, 1e-12);
  g_assert_cmpint (s[1].low_rival, ==, -1);
  g_assert_cmpint (s[1].high_rival, ==, 2);
}

/* Three criteria, weights (0.5, 0.3, 0.2), A = (1, 0, 0.5), B = (0, 1, 1):
 * scores 0.6 and 0.5, A leads. Moving weight t on one criterion with the
 * others keeping their proportions (R = the score on the others):
 *   c0: R_A = 0.1/0.5 = 0.2, R_B = 0.5/0.5 = 1;
 *       t + 0.2(1 − t) = 1 − t  ⇒  t = 4/9: interval [4/9, 1].
 *   c1: R_A = 0.6/0.7 = 6/7, R_B = 0.2/0.7 = 2/7;
 *       (6/7)(1 − t) = t + (2/7)(1 − t)  ⇒  t = 4/11: interval [0, 4/11].
 *   c2: R_A = 0.5/0.8 = 0.625, R_B = 0.3/0.8 = 0.375;
 *       0.5t + 0.625(1 − t) = t + 0.375(1 − t)  ⇒  t = 1/3: [0, 1/3]. */
static void
test_proportional (void)
{
  static const double values[] = { 1, 0, 0.5,  0, 1, 1 };
  static const double weights[] = { 0.5, 0.3, 0.2 };
  FrStability s[3];
  double scores[2];

  g_assert_cmpuint (fr_sensitivity_stability (values, 2, 3, weights, s), ==, 0);
  g_assert_cmpfloat_with_epsilon (s[0].low, 4.0 / 9.0, 1e-12);
  g_assert_cmpfloat (s[0].high, ==, 1.0);
  g_assert_cmpint (s[0].low_rival, ==, 1);
  g_assert_cmpfloat (s[1].low, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (s[1].high, 4.0 / 11.0, 1e-12);
  g_assert_cmpint (s[1].high_rival, ==, 1);
  g_assert_cmpfloat (s[2].low, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (s[2].high, 1.0 / 3.0, 1e-12);

  /* At the crossing the two scores are equal; just inside, A still leads. */
  fr_sensitivity_scores_at (values, 2, 3, weights, 1, 4.0 / 11.0, scores);
  g_assert_cmpfloat_with_epsilon (scores[0], scores[1], 1e-12);
  fr_sensitivity_scores_at (values, 2, 3, weights, 1, 0.36, scores);
  g_assert_cmpfloat (scores[0], >, scores[1]);
  fr_sensitivity_scores_at (values, 2, 3, weights, 1, 0.37, scores);
  g_assert_cmpfloat (scores[0], <, scores[1]);
  /* At the current weight the scores are the weighted sums. */
  fr_sensitivity_scores_at (values, 2, 3, weights, 2, 0.2, scores);
  g_assert_cmpfloat_with_epsilon (scores[0], 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (scores[1], 0.5, 1e-12);
}

/* A leader that dominates keeps its place over the whole range. */
static void
test_dominant (void)
{
  static const double values[] = { 0.9, 0.8,  0.1, 0.2 };
  static const double weights[] = { 0.5, 0.5 };
  FrStability s[2];

  g_assert_cmpuint (fr_sensitivity_stability (values, 2, 2, weights, s), ==, 0);
  for (guint c = 0; c < 2; c++)
    {
      g_assert_cmpfloat (s[c].low, ==, 0.0);
      g_assert_cmpfloat (s[c].high, ==, 1.0);
      g_assert_cmpint (s[c].low_rival, ==, -1);
      g_assert_cmpint (s[c].high_rival, ==, -1);
    }
}

/* Weight 1 on one criterion: the others share the rest equally when it
 * falls. A = (1, 0, 0), B = (0.5, 1, 1): at t the scores are A = t,
 * B = 0.5t + (1 − t): A leads from t = 2/3. */
static void
test_full_weight (void)
{
  static const double values[] = { 1, 0, 0,  0.5, 1, 1 };
  static const double weights[] = { 1, 0, 0 };
  FrStability s[3];

  g_assert_cmpuint (fr_sensitivity_stability (values, 2, 3, weights, s), ==, 0);
  g_assert_cmpfloat_with_epsilon (s[0].low, 2.0 / 3.0, 1e-12);
  g_assert_cmpfloat (s[0].high, ==, 1.0);
}

/* Tornado for A in test_proportional's model, ±50 %: on c0 the weight
 * runs 0.25 → 0.75, A's score 0.25 + 0.75·0.2 = 0.4 → 0.75 + 0.25·0.2 =
 * 0.8. The full sweep on c1 (weight 0 → 1) runs from R_A = 6/7 to 0. */
static void
test_tornado (void)
{
  static const double values[] = { 1, 0, 0.5,  0, 1, 1 };
  static const double weights[] = { 0.5, 0.3, 0.2 };
  FrTornadoBar bars[3];

  fr_sensitivity_tornado (values, 2, 3, weights, 0, 0.5, bars);
  g_assert_cmpuint (bars[0].criterion, ==, 0);
  g_assert_cmpfloat_with_epsilon (bars[0].score, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (bars[0].weight_low, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (bars[0].weight_high, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (bars[0].score_low, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (bars[0].score_high, 0.8, 1e-12);

  fr_sensitivity_tornado (values, 2, 3, weights, 0, INFINITY, bars);
  g_assert_cmpfloat (bars[1].weight_low, ==, 0.0);
  g_assert_cmpfloat (bars[1].weight_high, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (bars[1].score_low, 6.0 / 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (bars[1].score_high, 0.0, 1e-12);

  /* A relative change cannot push a weight past 1. */
  fr_sensitivity_tornado (values, 2, 3, weights, 0, 3.0, bars);
  g_assert_cmpfloat (bars[0].weight_low, ==, 0.0);
  g_assert_cmpfloat (bars[0].weight_high, ==, 1.0);
}

/* Random models: inside each interval the leader is never beaten, and
 * just outside a finite bound the named rival beats it. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 2, 7), m = g_rand_int_range (rand, 2, 6);
      g_autofree double *values = g_new (double, n * m);
      g_autofree double *weights = g_new (double, m);
      g_autofree FrStability *s = g_new (FrStability, m);
      g_autofree double *scores = g_new (double, n);
      double total = 0.0;
      guint leader;

      for (guint i = 0; i < n * m; i++)
        values[i] = g_rand_double (rand);
      for (guint c = 0; c < m; c++)
        total += weights[c] = g_rand_double_range (rand, 0.01, 1);
      for (guint c = 0; c < m; c++)
        weights[c] /= total;
      leader = fr_sensitivity_stability (values, n, m, weights, s);

      for (guint c = 0; c < m; c++)
        {
          g_assert_cmpfloat (s[c].low, <=, weights[c]);
          g_assert_cmpfloat (s[c].high, >=, weights[c]);
          for (guint step = 0; step <= 20; step++)
            {
              double t = s[c].low + (s[c].high - s[c].low) * step / 20.0;

              fr_sensitivity_scores_at (values, n, m, weights, c, t, scores);
              for (guint o = 0; o < n; o++)
                g_assert_cmpfloat (scores[o], <=, scores[leader] + 1e-12);
            }
          if (s[c].low > 1e-6)
            {
              g_assert_cmpint (s[c].low_rival, >=, 0);
              fr_sensitivity_scores_at (values, n, m, weights, c, s[c].low - 1e-6, scores);
              g_assert_cmpfloat (scores[s[c].low_rival], >, scores[leader]);
            }
          if (s[c].high < 1 - 1e-6)
            {
              g_assert_cmpint (s[c].high_rival, >=, 0);
              fr_sensitivity_scores_at (values, n, m, weights, c, s[c].high + 1e-6, scores);
              g_assert_cmpfloat (scores[s[c].high_rival], >, scores[leader]);
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sensitivity/two-criteria", test_two_criteria);
  g_test_add_func ("/core/sensitivity/proportional", test_proportional);
  g_test_add_func ("/core/sensitivity/dominant", test_dominant);
  g_test_add_func ("/core/sensitivity/full-weight", test_full_weight);
  g_test_add_func ("/core/sensitivity/tornado", test_tornado);
  g_test_add_func ("/core/sensitivity/random", test_random);

  return g_test_run ();
}
