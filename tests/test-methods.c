/* test-methods.c — the decision methods against published worked examples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every published number below was also recomputed from the definitions by
 * the numpy scripts in tests/fixtures/methods/ (topsis_ahp_check.py,
 * promethee_brans1986.py, promethee_examples.py), which print the
 * full-precision values.
 */
#include <math.h>
#include <string.h>

#include "fr-ahp.h"
#include "fr-error.h"
#include "fr-matrix.h"
#include "fr-model.h"
#include "fr-promethee.h"
#include "fr-topsis.h"
#include "fr-wsm.h"

/* Builds a matrix of @n options × @m criteria from row-major @values;
 * @cost lists the cost criteria (nullable). */
static FrMatrix *
matrix_from (guint           n,
             guint           m,
             const double   *values,
             const gboolean *cost)
{
  FrMatrix *matrix = fr_matrix_new (n, m);

  for (guint c = 0; c < m; c++)
    {
      matrix->criteria[c].id = g_strdup_printf ("c%u", c + 1);
      matrix->criteria[c].name = g_strdup_printf ("C%u", c + 1);
      matrix->criteria[c].direction = cost != NULL && cost[c] ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
    }
  for (guint o = 0; o < n; o++)
    {
      matrix->option_ids[o] = g_strdup_printf ("a%u", o + 1);
      matrix->option_names[o] = g_strdup_printf ("A%u", o + 1);
    }
  memcpy (matrix->values, values, sizeof (double) * n * m);
  memcpy (matrix->low, values, sizeof (double) * n * m);
  memcpy (matrix->high, values, sizeof (double) * n * m);
  return matrix;
}

/* ---------------------------------------------------------------- matrix */

static FrModel *
small_model (void)
{
  FrModel *model = fr_model_new ();
  FrCriterion *group = fr_criterion_new ("security", "Security");
  FrCriterion *deterrence = fr_criterion_new ("deterrence", "Deterrence");
  FrCriterion *escalation = fr_criterion_new ("escalation", "Escalation risk");
  FrCriterion *cost = fr_criterion_new ("cost", "Cost");
  FrOption *nato = fr_option_new ("nato", "NATO membership");
  FrOption *neutral = fr_option_new ("neutral", "Armed neutrality");
  FrScore *score;

  group->is_group = TRUE;
  deterrence->parent_id = g_strdup ("security");
  deterrence->has_scale = TRUE;
  deterrence->scale_min = 0;
  deterrence->scale_max = 10;
  escalation->parent_id = g_strdup ("security");
  escalation->direction = FR_DIRECTION_COST;
  cost->direction = FR_DIRECTION_COST;
  cost->preference.kind = FR_PREF_LINEAR;
  cost->preference.q = 5;
  cost->preference.p = 50;
  g_ptr_array_add (model->criteria, group);
  g_ptr_array_add (model->criteria, deterrence);
  g_ptr_array_add (model->criteria, escalation);
  g_ptr_array_add (model->criteria, cost);

  g_hash_table_insert (nato->scores, g_strdup ("deterrence"), fr_score_new (9));
  g_hash_table_insert (nato->scores, g_strdup ("escalation"), fr_score_new (8));
  score = fr_score_new (120);
  score->has_range = TRUE;
  score->low = 80;
  score->high = 200;
  g_hash_table_insert (nato->scores, g_strdup ("cost"), score);
  g_hash_table_insert (neutral->scores, g_strdup ("deterrence"), fr_score_new (6));
  g_hash_table_insert (neutral->scores, g_strdup ("escalation"), fr_score_new (3));
  g_hash_table_insert (neutral->scores, g_strdup ("cost"), fr_score_new (150));
  g_ptr_array_add (model->options, nato);
  g_ptr_array_add (model->options, neutral);
  return model;
}

static void
test_matrix_from_model (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  FrOption *neutral;

  matrix = fr_matrix_new_from_model (model, &error);
  g_assert_no_error (error);
  g_assert_nonnull (matrix);
  /* Leaves only, in tree order; the group is not a column. */
  g_assert_cmpuint (matrix->n_criteria, ==, 3);
  g_assert_cmpuint (matrix->n_options, ==, 2);
  g_assert_cmpstr (matrix->criteria[0].id, ==, "deterrence");
  g_assert_cmpstr (matrix->criteria[1].id, ==, "escalation");
  g_assert_cmpstr (matrix->criteria[2].id, ==, "cost");
  g_assert_cmpint (matrix->criteria[1].direction, ==, FR_DIRECTION_COST);
  g_assert_true (matrix->criteria[0].has_scale);
  g_assert_cmpint (matrix->criteria[2].preference.kind, ==, FR_PREF_LINEAR);
  g_assert_cmpfloat (matrix->criteria[2].preference.p, ==, 50);
  g_assert_cmpstr (matrix->option_ids[1], ==, "neutral");
  g_assert_cmpstr (matrix->option_names[0], ==, "NATO membership");
  g_assert_null (matrix->option_ids[2]);
  g_assert_cmpfloat (FR_MATRIX_AT (matrix, 0, 2), ==, 120);
  g_assert_cmpfloat (matrix->low[2], ==, 80);
  g_assert_cmpfloat (matrix->high[2], ==, 200);
  /* Without a range, low = high = value. */
  g_assert_cmpfloat (matrix->low[3], ==, 6);
  g_assert_cmpfloat (matrix->high[3], ==, 6);

  /* A missing score names both the option and the criterion. */
  neutral = fr_model_find_option (model, "neutral");
  g_hash_table_remove (neutral->scores, "escalation");
  g_clear_pointer (&matrix, fr_matrix_free);
  matrix = fr_matrix_new_from_model (model, &error);
  g_assert_null (matrix);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Armed neutrality"));
  g_assert_nonnull (strstr (error->message, "Escalation risk"));
  g_clear_error (&error);

  g_hash_table_insert (neutral->scores, g_strdup ("escalation"), fr_score_new (NAN));
  matrix = fr_matrix_new_from_model (model, &error);
  g_assert_null (matrix);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
}

static void
test_matrix_weights (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(FrMatrix) matrix = fr_matrix_new_from_model (model, NULL);
  FrStakeholder *ua = fr_stakeholder_new ("ua", "Ukraine");
  g_autofree double *equal = NULL;
  g_autofree double *w = NULL;
  g_autofree double *zero = NULL;

  equal = fr_matrix_stakeholder_weights (matrix, NULL);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat_with_epsilon (equal[c], 1.0 / 3.0, 1e-15);

  /* All zero (or none given) also falls back to equal weights. */
  zero = fr_matrix_stakeholder_weights (matrix, ua);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat_with_epsilon (zero[c], 1.0 / 3.0, 1e-15);

  g_hash_table_insert (ua->weights, g_strdup ("deterrence"), fr_weight_new (6));
  g_hash_table_insert (ua->weights, g_strdup ("cost"), fr_weight_new (2));
  g_hash_table_insert (ua->weights, g_strdup ("escalation"), fr_weight_new (-5));
  w = fr_matrix_stakeholder_weights (matrix, ua);
  g_assert_cmpfloat_with_epsilon (w[0], 0.75, 1e-15);
  g_assert_cmpfloat (w[1], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (w[2], 0.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (w[0] + w[1] + w[2], 1.0, 1e-15);
  fr_stakeholder_free (ua);
}

static void
test_matrix_value (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(FrMatrix) matrix = fr_matrix_new_from_model (model, NULL);
  FrValuePoint points[] = { { 0, 0 }, { 5, 0.7 }, { 10, 1 } };
  double table[6];
  double lo, hi;

  /* Declared scale 0..10, benefit. */
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 0, 9), 0.9, 1e-15);
  g_assert_cmpfloat (fr_matrix_value (matrix, 0, 12), ==, 1.0);
  g_assert_cmpfloat (fr_matrix_value (matrix, 0, -1), ==, 0.0);
  /* No scale: the data's range 3..8, reversed for a cost criterion. */
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 1, 3), 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 1, 8), 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 1, 4), 0.8, 1e-15);
  /* The range envelope 80..200 sets the scale of the cost column. */
  fr_matrix_scale (matrix, 2, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 80);
  g_assert_cmpfloat (hi, ==, 200);
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 2, 150), 50.0 / 120.0, 1e-15);

  fr_matrix_value_table (matrix, table);
  for (guint o = 0; o < 2; o++)
    for (guint c = 0; c < 3; c++)
      g_assert_cmpfloat (table[o * 3 + c], ==, fr_matrix_value (matrix, c, FR_MATRIX_AT (matrix, o, c)));

  /* The piecewise-linear function of docs/format.md; it is not reversed
   * again for a cost criterion because it states the preference itself. */
  matrix->criteria[1].value_function = g_array_new (FALSE, FALSE, sizeof (FrValuePoint));
  g_array_append_vals (matrix->criteria[1].value_function, points, G_N_ELEMENTS (points));
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 1, 2.5), 0.35, 1e-15);
  g_assert_cmpfloat_with_epsilon (fr_matrix_value (matrix, 1, 7.5), 0.85, 1e-15);
  g_assert_cmpfloat (fr_matrix_value (matrix, 1, 5), ==, 0.7);
  g_assert_cmpfloat (fr_matrix_value (matrix, 1, -3), ==, 0.0);
  g_assert_cmpfloat (fr_matrix_value (matrix, 1, 30), ==, 1.0);

  /* Every option alike: nobody gains or loses on that criterion. */
  FR_MATRIX_AT (matrix, 0, 2) = FR_MATRIX_AT (matrix, 1, 2) = 100;
  matrix->low[2] = matrix->high[2] = matrix->low[5] = matrix->high[5] = 100;
  g_assert_cmpfloat (fr_matrix_value (matrix, 2, 100), ==, 1.0);
}

static void
test_rank_order (void)
{
  double scores[] = { 0.2, 0.5, NAN, 0.5, 0.9, -1 };
  guint order[6];
  guint expected[] = { 4, 1, 3, 0, 5, 2 };

  fr_rank_order (scores, 6, order);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (order[i], ==, expected[i]);
}

/* ------------------------------------------------------------------- WSM */

/* Triantaphyllou, E. (2000) Multi-Criteria Decision Making Methods: A
 * Comparative Study, Kluwer, ch. 2 (the WSM example also used in the
 * "Weighted sum model" article): weights 0.20, 0.15, 0.40, 0.25; scores
 * A1 = 21.50, A2 = 22.00, A3 = 22.00. A linear value over a declared 0..100
 * scale is the raw score divided by 100. */
static void
test_wsm_triantaphyllou (void)
{
  const double values[] = { 25, 20, 15, 30,
                            10, 30, 20, 30,
                            30, 10, 30, 10 };
  const double weights[] = { 0.20, 0.15, 0.40, 0.25 };
  g_autoptr(FrMatrix) matrix = matrix_from (3, 4, values, NULL);
  double scores[3], contributions[12];
  guint order[3];

  for (guint c = 0; c < 4; c++)
    {
      matrix->criteria[c].has_scale = TRUE;
      matrix->criteria[c].scale_min = 0;
      matrix->criteria[c].scale_max = 100;
    }
  fr_wsm_scores (matrix, weights, scores, contributions);
  g_assert_cmpfloat_with_epsilon (100 * scores[0], 21.50, 5e-3);
  g_assert_cmpfloat_with_epsilon (100 * scores[1], 22.00, 5e-3);
  g_assert_cmpfloat_with_epsilon (100 * scores[2], 22.00, 5e-3);
  for (guint o = 0; o < 3; o++)
    {
      double sum = 0;
      for (guint c = 0; c < 4; c++)
        sum += contributions[o * 4 + c];
      g_assert_cmpfloat_with_epsilon (sum, scores[o], 1e-15);
    }
  g_assert_cmpfloat_with_epsilon (contributions[2], 0.40 * 0.15, 1e-15);

  /* A2 and A3 tie: input order decides. */
  fr_rank_order (scores, 3, order);
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 2);
  g_assert_cmpuint (order[2], ==, 0);
}

/* Goodwin, P. and Wright, G. (2004) Decision Analysis for Management
 * Judgment, 3rd ed., Wiley, ch. 3 (SMART, the office location problem):
 * Addison Square has values 100, 60, 100, 75, 0, 90 on closeness to
 * customers, visibility, image, size, comfort and car parking, swing
 * weights 32, 26, 23, 10, 6, 3 (sum 100), and an aggregate value of 80.8.
 * The other row only checks that a declared scale makes a score
 * independent of the other options. */
static void
test_wsm_goodwin_wright (void)
{
  const double values[] = { 100, 60, 100, 75, 0, 90,
                            0, 100, 10, 30, 100, 0 };
  const double raw_weights[] = { 32, 26, 23, 10, 6, 3 };
  g_autoptr(FrMatrix) matrix = matrix_from (2, 6, values, NULL);
  FrStakeholder *owner = fr_stakeholder_new ("owner", "Owner");
  g_autofree double *weights = NULL;
  double scores[2];

  for (guint c = 0; c < 6; c++)
    {
      matrix->criteria[c].has_scale = TRUE;
      matrix->criteria[c].scale_max = 100;
      g_hash_table_insert (owner->weights, g_strdup (matrix->criteria[c].id),
                           fr_weight_new (raw_weights[c]));
    }
  weights = fr_matrix_stakeholder_weights (matrix, owner);
  fr_stakeholder_free (owner);
  fr_wsm_scores (matrix, weights, scores, NULL);
  g_assert_cmpfloat_with_epsilon (100 * scores[0], 80.8, 1e-9);
}

static void
random_matrix (GRand    *rand,
               FrMatrix *matrix)
{
  for (gsize i = 0; i < (gsize) matrix->n_options * matrix->n_criteria; i++)
    matrix->values[i] = matrix->low[i] = matrix->high[i] = g_rand_double_range (rand, -5, 20);
}

static void
random_weights (GRand  *rand,
                double *weights,
                guint   m)
{
  double sum = 0;
  for (guint c = 0; c < m; c++)
    sum += weights[c] = g_rand_double (rand) + 0.01;
  for (guint c = 0; c < m; c++)
    weights[c] /= sum;
}

/* Properties every method must have, checked on random matrices: a
 * dominating option never scores below the one it dominates, reordering
 * options permutes the scores, and flipping a criterion's direction while
 * mirroring its column (x → −x) changes nothing. */
typedef void (*ScoreFunc) (const FrMatrix *matrix,
                           const double   *weights,
                           double         *scores);

static void
score_wsm (const FrMatrix *matrix, const double *weights, double *scores)
{
  fr_wsm_scores (matrix, weights, scores, NULL);
}

static void
score_topsis_vector (const FrMatrix *matrix, const double *weights, double *scores)
{
  fr_topsis (matrix, weights, FR_TOPSIS_VECTOR, scores, NULL, NULL);
}

static void
score_topsis_minmax (const FrMatrix *matrix, const double *weights, double *scores)
{
  fr_topsis (matrix, weights, FR_TOPSIS_MINMAX, scores, NULL, NULL);
}

static void
score_promethee (const FrMatrix *matrix, const double *weights, double *scores)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (fr_promethee_flows (matrix, weights, NULL, NULL, scores, &error));
  g_assert_no_error (error);
}

static void
check_properties (gconstpointer data)
{
  ScoreFunc score = (ScoreFunc) data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250107);

  for (guint trial = 0; trial < 50; trial++)
    {
      guint n = g_rand_int_range (rand, 2, 12);
      guint m = g_rand_int_range (rand, 1, 7);
      g_autoptr(FrMatrix) matrix = fr_matrix_new (n, m);
      g_autoptr(FrMatrix) shuffled = fr_matrix_new (n, m);
      g_autoptr(FrMatrix) mirrored = fr_matrix_new (n, m);
      g_autofree double *weights = g_new (double, m);
      g_autofree double *scores = g_new (double, n);
      g_autofree double *other = g_new (double, n);
      g_autofree guint *perm = g_new (guint, n);
      guint flip = g_rand_int_range (rand, 0, m);
      gboolean is_promethee = score == score_promethee;

      random_matrix (rand, matrix);
      random_weights (rand, weights, m);
      for (guint c = 0; c < m; c++)
        {
          matrix->criteria[c].direction = g_rand_boolean (rand) ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
          if (is_promethee)
            {
              matrix->criteria[c].preference.kind = c % 6;
              matrix->criteria[c].preference.q = 1;
              matrix->criteria[c].preference.p = 6;
              matrix->criteria[c].preference.s = 3;
            }
        }

      /* Dominance: option 0 made at least as good as option 1 everywhere,
       * strictly better on one criterion. */
      for (guint c = 0; c < m; c++)
        {
          double a = FR_MATRIX_AT (matrix, 0, c), b = FR_MATRIX_AT (matrix, 1, c);
          gboolean cost = matrix->criteria[c].direction == FR_DIRECTION_COST;
          double best = cost ? MIN (a, b) : MAX (a, b);
          double worst = cost ? MAX (a, b) : MIN (a, b);
          if (c == 0 && best == worst)
            best += cost ? -1 : 1;
          FR_MATRIX_AT (matrix, 0, c) = matrix->low[c] = matrix->high[c] = best;
          FR_MATRIX_AT (matrix, 1, c) = matrix->low[m + c] = matrix->high[m + c] = worst;
        }
      score (matrix, weights, scores);
      g_assert_cmpfloat (scores[0], >=, scores[1] - 1e-12);

      /* Option order. */
      for (guint o = 0; o < n; o++)
        perm[o] = o;
      for (guint o = n - 1; o > 0; o--)
        {
          guint k = g_rand_int_range (rand, 0, o + 1);
          guint t = perm[o];
          perm[o] = perm[k];
          perm[k] = t;
        }
      for (guint c = 0; c < m; c++)
        {
          shuffled->criteria[c].direction = matrix->criteria[c].direction;
          shuffled->criteria[c].preference = matrix->criteria[c].preference;
          mirrored->criteria[c] = (FrMatrixCriterion) { NULL, NULL, matrix->criteria[c].direction, FALSE, 0, 0, NULL, matrix->criteria[c].preference };
        }
      for (guint o = 0; o < n; o++)
        for (guint c = 0; c < m; c++)
          {
            gsize to = (gsize) o * m + c, from = (gsize) perm[o] * m + c;
            shuffled->values[to] = shuffled->low[to] = shuffled->high[to] = matrix->values[from];
            mirrored->values[to] = mirrored->low[to] = mirrored->high[to] =
              c == flip ? -matrix->values[to] : matrix->values[to];
          }
      score (shuffled, weights, other);
      for (guint o = 0; o < n; o++)
        g_assert_cmpfloat_with_epsilon (other[o], scores[perm[o]], 1e-12);

      /* Cost/benefit mirror. TOPSIS with vector normalisation is the
       * exception by construction (‖x‖ is not shift-free, but x → −x keeps
       * it), so it is included too. */
      mirrored->criteria[flip].direction =
        matrix->criteria[flip].direction == FR_DIRECTION_COST ? FR_DIRECTION_BENEFIT : FR_DIRECTION_COST;
      score (mirrored, weights, other);
      for (guint o = 0; o < n; o++)
        g_assert_cmpfloat_with_epsilon (other[o], scores[o], 1e-12);
    }
}

/* ---------------------------------------------------------------- TOPSIS */

/* Hwang, C.-L. and Yoon, K. (1981) Multiple Attribute Decision Making,
 * Springer, pp. 131–134: four fighter aircraft on maximum speed, ferry
 * range, maximum payload, acquisition cost (cost), reliability and
 * manoeuvrability, weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Published:
 * S* = 0.0545, 0.1197, 0.0580, 0.1009; S⁻ = 0.0983, 0.0439, 0.0920, 0.0458;
 * C* = 0.643, 0.268, 0.613, 0.312 (the book rounds its intermediate
 * values, so A3's exact 0.6135 prints as 0.613 there and S⁻ of A1,
 * 0.09838, as 0.0983: hence a tolerance of one unit in the last place). */
static const double aircraft[] = { 2.0, 1500, 20000, 5.5, 5, 9,
                                   2.5, 2700, 18000, 6.5, 3, 5,
                                   1.8, 2000, 21000, 4.5, 7, 7,
                                   2.2, 1800, 20000, 5.0, 5, 5 };
static const gboolean aircraft_cost[] = { FALSE, FALSE, FALSE, TRUE, FALSE, FALSE };
static const double aircraft_weights[] = { 0.2, 0.1, 0.1, 0.1, 0.2, 0.3 };

static void
test_topsis_hwang_yoon (void)
{
  g_autoptr(FrMatrix) matrix = matrix_from (4, 6, aircraft, aircraft_cost);
  const double closeness[] = { 0.643, 0.268, 0.613, 0.312 };
  const double best[] = { 0.0545, 0.1197, 0.0580, 0.1009 };
  const double worst[] = { 0.0983, 0.0439, 0.0920, 0.0458 };
  const double published_r[] = { 0.4671, 0.3662, 0.5056, 0.5063, 0.4811, 0.6708,
                                 0.5839, 0.6591, 0.4550, 0.5983, 0.2887, 0.3727,
                                 0.4204, 0.4882, 0.5308, 0.4143, 0.6736, 0.5217,
                                 0.5139, 0.4392, 0.5056, 0.4603, 0.4811, 0.3727 };
  double c[4], dp[4], dm[4], normalized[24];
  guint order[4];

  fr_topsis (matrix, aircraft_weights, FR_TOPSIS_VECTOR, c, dp, dm);
  for (guint o = 0; o < 4; o++)
    {
      g_assert_cmpfloat_with_epsilon (c[o], closeness[o], 6e-4);
      g_assert_cmpfloat_with_epsilon (dp[o], best[o], 1e-4);
      g_assert_cmpfloat_with_epsilon (dm[o], worst[o], 1e-4);
    }
  fr_rank_order (c, 4, order);
  g_assert_cmpuint (order[0], ==, 0);
  g_assert_cmpuint (order[1], ==, 2);
  g_assert_cmpuint (order[2], ==, 3);
  g_assert_cmpuint (order[3], ==, 1);

  /* The book's normalised decision matrix (pp. 132–133), to four
   * decimals; our cost column is negated so that larger is better. The
   * book divided by rounded norms (10.864 for the cost column's √117.75 =
   * 10.851), so its entries are off by up to 0.0007. */
  fr_topsis_normalize (matrix, FR_TOPSIS_VECTOR, normalized);
  for (guint i = 0; i < 24; i++)
    g_assert_cmpfloat_with_epsilon (fabs (normalized[i]), published_r[i], 8e-4);
  g_assert_cmpfloat (normalized[3], <, 0);
}

/* Min-max normalisation on the same data: the values printed by
 * tests/fixtures/methods/topsis_ahp_check.py (0.612748, 0.366025, 0.530642,
 * 0.351690). A2's D⁺ = √0.15 exactly: it is worst on four criteria. */
static void
test_topsis_minmax (void)
{
  g_autoptr(FrMatrix) matrix = matrix_from (4, 6, aircraft, aircraft_cost);
  const double expected[] = { 0.612748, 0.366025, 0.530642, 0.351690 };
  double c[4], dp[4];

  fr_topsis (matrix, aircraft_weights, FR_TOPSIS_MINMAX, c, dp, NULL);
  for (guint o = 0; o < 4; o++)
    g_assert_cmpfloat_with_epsilon (c[o], expected[o], 1e-6);
  g_assert_cmpfloat_with_epsilon (dp[1], sqrt (0.15), 1e-12);
}

/* Opricovic, S. and Tzeng, G.-H. (2004) "Compromise solution by MCDM
 * methods: A comparative analysis of VIKOR and TOPSIS", EJOR 156(2),
 * 445–455, §5: three mountain-climbing routes on risk (1 … 5, a cost) and
 * altitude (m above sea level), weights 0.5 and 0.5 (Tables 1–2, problem
 * f); the same routes with risk shifted to 6 … 10 and altitude in km above
 * the foothill (problem φ, a linear change of units). Table 3 prints
 * TOPSIS's D*, D⁻ and C* to three decimals:
 *   f: D* 0.114, 0.108, 0.365; D⁻ 0.365, 0.280, 0.114; C* 0.762, 0.722, 0.238
 *   φ: D* 0.154, 0.085, 0.147; D⁻ 0.147, 0.134, 0.154; C* 0.489, 0.612, 0.511
 * (numpy, vector normalisation: C* 0.762141, 0.722178, 0.237859 and
 * 0.488941, 0.612086, 0.511059). The paper's point, which the test keeps:
 * vector normalisation is not invariant under a shift of origin, so the
 * ranking turns from A1 > A2 > A3 into A2 > A3 > A1. */
static void
check_opricovic_tzeng (const double   *values,
                       const double   *best,
                       const double   *worst,
                       const double   *closeness,
                       const guint    *ranking)
{
  const gboolean cost[] = { TRUE, FALSE };
  const double w[] = { 0.5, 0.5 };
  g_autoptr(FrMatrix) matrix = matrix_from (3, 2, values, cost);
  double c[3], dp[3], dm[3];
  guint order[3];

  fr_topsis (matrix, w, FR_TOPSIS_VECTOR, c, dp, dm);
  for (guint o = 0; o < 3; o++)
    {
      /* Half a unit in the third decimal, the paper's rounding. */
      g_assert_cmpfloat_with_epsilon (dp[o], best[o], 5e-4);
      g_assert_cmpfloat_with_epsilon (dm[o], worst[o], 5e-4);
      g_assert_cmpfloat_with_epsilon (c[o], closeness[o], 5e-4);
    }
  fr_rank_order (c, 3, order);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (order[i], ==, ranking[i]);
}

static void
test_topsis_opricovic_tzeng (void)
{
  const double f[] = { 1, 3000,
                       2, 3750,
                       5, 4500 };
  const double phi[] = { 6, 2.0,
                         7, 2.75,
                         10, 3.5 };
  const double f_best[] = { 0.114, 0.108, 0.365 };
  const double f_worst[] = { 0.365, 0.280, 0.114 };
  const double f_closeness[] = { 0.762, 0.722, 0.238 };
  const guint f_ranking[] = { 0, 1, 2 };
  const double phi_best[] = { 0.154, 0.085, 0.147 };
  const double phi_worst[] = { 0.147, 0.134, 0.154 };
  const double phi_closeness[] = { 0.489, 0.612, 0.511 };
  const guint phi_ranking[] = { 1, 2, 0 };

  check_opricovic_tzeng (f, f_best, f_worst, f_closeness, f_ranking);
  check_opricovic_tzeng (phi, phi_best, phi_worst, phi_closeness, phi_ranking);
}

static void
test_topsis_degenerate (void)
{
  const double same[] = { 3, 3, 3, 3 };
  g_autoptr(FrMatrix) matrix = matrix_from (2, 2, same, NULL);
  const double w[] = { 0.5, 0.5 };
  double c[2];

  /* All options alike: each sits at the ideal. */
  fr_topsis (matrix, w, FR_TOPSIS_VECTOR, c, NULL, NULL);
  g_assert_cmpfloat (c[0], ==, 1.0);
  g_assert_cmpfloat (c[1], ==, 1.0);
  fr_topsis (matrix, w, FR_TOPSIS_MINMAX, c, NULL, NULL);
  g_assert_cmpfloat (c[0], ==, 1.0);
}

/* ------------------------------------------------------------------- AHP */

static void
test_ahp_random_index (void)
{
  /* Saaty (1980): the average consistency index of random reciprocal
   * matrices of order n. */
  const double ri[] = { 0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 };
  for (guint n = 0; n < G_N_ELEMENTS (ri); n++)
    g_assert_cmpfloat (fr_ahp_random_index (n), ==, ri[n]);
  g_assert_true (isnan (fr_ahp_random_index (11)));
}

/* Saaty, T. L. (1980) The Analytic Hierarchy Process, McGraw-Hill (after
 * Saaty & Khouja 1976): the relative wealth of nations, US, USSR,
 * China, France, UK, Japan, West Germany. Published eigenvector 0.427,
 * 0.230, 0.021, 0.052, 0.052, 0.123, 0.094 and λmax = 7.61. */
static void
test_ahp_wealth (void)
{
  const double a[] = {
    1,     4,     9, 6,     6,     5,     5,
    1./4,  1,     7, 5,     5,     3,     4,
    1./9,  1./7,  1, 1./5,  1./5,  1./7,  1./5,
    1./6,  1./5,  5, 1,     1,     1./3,  1./3,
    1./6,  1./5,  5, 1,     1,     1./3,  1./3,
    1./5,  1./3,  7, 3,     3,     1,     2,
    1./5,  1./4,  5, 3,     3,     1./2,  1,
  };
  const double published[] = { 0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094 };
  g_autoptr(GError) error = NULL;
  FrAhpResult result;
  double sum = 0;

  g_assert_true (fr_ahp_analyse (a, 7, NULL, &result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpfloat_with_epsilon (result.priorities[i], published[i], 5e-4);
      sum += result.priorities[i];
    }
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-14);
  g_assert_cmpfloat_with_epsilon (result.lambda_max, 7.61, 5e-3);
  g_assert_cmpfloat_with_epsilon (result.ci, (result.lambda_max - 7) / 6, 1e-15);
  g_assert_cmpfloat_with_epsilon (result.cr, result.ci / 1.32, 1e-15);
  /* numpy (topsis_ahp_check.py): λmax = 7.607720, CR = 0.076732; the
   * judgement furthest from the priorities is US over China (9, where the
   * priorities imply 20.5). */
  g_assert_cmpfloat_with_epsilon (result.lambda_max, 7.607720, 1e-6);
  g_assert_cmpfloat_with_epsilon (result.cr, 0.076732, 1e-6);
  g_assert_cmpuint (result.worst_i, ==, 0);
  g_assert_cmpuint (result.worst_j, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.suggested, 20.4965, 1e-4);
  g_assert_cmpfloat_with_epsilon (result.worst_epsilon, 9 / result.suggested, 1e-12);
  fr_ahp_result_clear (&result);
}

/* Saaty, T. L. (1990) "How to make a decision: The analytic hierarchy
 * process", EJOR 48, 9–26, the house example: eight criteria for buying one
 * (size, transportation, neighbourhood, age, yard, modern facilities,
 * general condition, financing). Published priorities 0.173, 0.054, 0.188,
 * 0.018, 0.031, 0.036, 0.167, 0.333; λmax = 9.669, CI = 0.238, CR = 0.169,
 * an inconsistent matrix Saaty asks to revise. */
static void
test_ahp_house (void)
{
  const double a[] = {
    1,    5,    3,    7, 6,    6,    1./3, 1./4,
    1./5, 1,    1./3, 5, 3,    3,    1./5, 1./7,
    1./3, 3,    1,    6, 3,    4,    6,    1./5,
    1./7, 1./5, 1./6, 1, 1./3, 1./4, 1./7, 1./8,
    1./6, 1./3, 1./3, 3, 1,    1./2, 1./5, 1./6,
    1./6, 1./3, 1./4, 4, 2,    1,    1./5, 1./6,
    3,    5,    1./6, 7, 5,    5,    1,    1./2,
    4,    7,    5,    8, 6,    6,    2,    1,
  };
  const double published[] = { 0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333 };
  FrAhpResult result;

  g_assert_true (fr_ahp_analyse (a, 8, NULL, &result, NULL));
  for (guint i = 0; i < 8; i++)
    g_assert_cmpfloat_with_epsilon (result.priorities[i], published[i], 5e-4);
  g_assert_cmpfloat_with_epsilon (result.lambda_max, 9.669, 5e-4);
  g_assert_cmpfloat_with_epsilon (result.ci, 0.238, 5e-4);
  g_assert_cmpfloat_with_epsilon (result.cr, 0.169, 5e-4);
  g_assert_cmpfloat (result.ri, ==, 1.41);
  /* The judgement to revise: neighbourhood over general condition was
   * given as 6 where the priorities imply 1.13 (numpy: ε = 5.321357). */
  g_assert_cmpuint (result.worst_i, ==, 2);
  g_assert_cmpuint (result.worst_j, ==, 6);
  g_assert_cmpfloat_with_epsilon (result.worst_epsilon, 5.321357, 1e-6);
  g_assert_cmpfloat_with_epsilon (result.suggested, 1.127532, 1e-6);
  fr_ahp_result_clear (&result);
}

static void
test_ahp_consistent (void)
{
  /* a_ij = w_i / w_j: the eigenvector is w and λmax = n exactly. */
  const double w[] = { 0.5, 0.25, 0.125, 0.125 };
  double a[16];
  FrAhpResult result;

  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 4; j++)
      a[i * 4 + j] = w[i] / w[j];
  g_assert_true (fr_ahp_analyse (a, 4, NULL, &result, NULL));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (result.priorities[i], w[i], 1e-14);
  g_assert_cmpfloat_with_epsilon (result.lambda_max, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (result.cr, 0.0, 1e-12);
  fr_ahp_result_clear (&result);

  /* Orders 1 and 2 are consistent by definition. */
  a[0] = 1;
  g_assert_true (fr_ahp_analyse (a, 1, NULL, &result, NULL));
  g_assert_cmpfloat (result.priorities[0], ==, 1.0);
  g_assert_cmpfloat (result.cr, ==, 0.0);
  fr_ahp_result_clear (&result);
  {
    const double two[] = { 1, 3, 1. / 3, 1 };
    g_assert_true (fr_ahp_analyse (two, 2, NULL, &result, NULL));
    g_assert_cmpfloat_with_epsilon (result.priorities[0], 0.75, 1e-15);
    g_assert_cmpfloat (result.cr, ==, 0.0);
    fr_ahp_result_clear (&result);
  }
}

static void
test_ahp_errors (void)
{
  const char *names[] = { "Deterrence", "Cost", "Escalation", NULL };
  const double not_reciprocal[] = { 1, 3, 2,
                                    1. / 3, 1, 4,
                                    2, 1. / 4, 1 };
  const double negative[] = { 1, -3, 1, -1. / 3 };
  g_autoptr(GError) error = NULL;
  FrAhpResult result;

  g_assert_false (fr_ahp_analyse (not_reciprocal, 3, names, &result, &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Deterrence"));
  g_assert_nonnull (strstr (error->message, "Escalation"));
  g_assert_null (result.priorities);
  g_clear_error (&error);

  g_assert_false (fr_ahp_analyse (negative, 2, NULL, &result, &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (fr_ahp_analyse (NULL, 0, NULL, &result, &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
}

static void
test_ahp_pairwise_csv (void)
{
  /* A 4×4 matrix with fractions, cells left empty for their mirror, CRLF. */
  const char *text = "item,A,B,C,D\r\n"
                     "A,1,5,6,7\r\n"
                     "B,,1,4,6\r\n"
                     "C,,1/4,,4\r\n"
                     "D,1/7,,,1\r\n";
  g_autoptr(FrAhpPairwise) pairwise = NULL;
  g_autoptr(GError) error = NULL;

  pairwise = fr_ahp_pairwise_parse_csv (text, strlen (text), "pairwise.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairwise->n, ==, 4);
  g_assert_cmpstr (pairwise->names[3], ==, "D");
  g_assert_cmpfloat (pairwise->matrix[1 * 4 + 0], ==, 1.0 / 5);
  g_assert_cmpfloat (pairwise->matrix[2 * 4 + 1], ==, 0.25);
  g_assert_cmpfloat (pairwise->matrix[3 * 4 + 0], ==, 1.0 / 7);
  g_assert_cmpfloat (pairwise->matrix[2 * 4 + 2], ==, 1.0);
  g_assert_cmpfloat (pairwise->matrix[3 * 4 + 2], ==, 0.25);
}

static void
check_pairwise_error (const char *text,
                      const char *expected)
{
  g_autoptr(FrAhpPairwise) pairwise = NULL;
  g_autoptr(GError) error = NULL;

  pairwise = fr_ahp_pairwise_parse_csv (text, strlen (text), "p.csv", &error);
  g_assert_null (pairwise);
  g_assert_nonnull (error);
  g_assert_true (error->domain == FR_ERROR);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected “%s…”, got “%s”", expected, error->message);
}

static void
test_ahp_pairwise_csv_errors (void)
{
  /* Not reciprocal: 3 at line 2, column 5 but 2 at line 3, column 3. */
  check_pairwise_error ("x,A,B\nA,1,3\nB,2,1\n", "p.csv:3:3: not reciprocal");
  check_pairwise_error ("x,A,B\nA,1,3\n", "p.csv:2:1: the matrix is not square");
  check_pairwise_error ("x,A,B\nB,1,3\nA,1/3,1\n", "p.csv:2:1: row “B” should be “A”");
  check_pairwise_error ("x,A,B\nA,1,3/0\nB,,1\n", "p.csv:2:7: a fraction with a zero denominator");
  check_pairwise_error ("x,A,B\nA,1,-3\nB,,1\n", "p.csv:2:5: a judgement must be a positive number");
  check_pairwise_error ("x,A,B\nA,2,3\nB,,1\n", "p.csv:2:3: “A” compared with itself must be 1");
  check_pairwise_error ("x,A,B\nA,1,\nB,,1\n", "p.csv:2:5: no judgement between “A” and “B”");
  check_pairwise_error ("x,A,B\nA,1,three\nB,,1\n", "p.csv:2:5: “three” is not a decimal number");
  check_pairwise_error ("x,A,A\nA,1,1\nA,1,1\n", "p.csv:1:5: item “A” appears twice");
}

static void
test_ahp_apply_to_group (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) fr_weight_free);
  const char *top[] = { "security", "cost" };
  const char *inner[] = { "deterrence", "escalation" };
  const double top_priorities[] = { 0.75, 0.25 };
  const double inner_priorities[] = { 0.6, 0.2 };
  g_autoptr(GError) error = NULL;
  FrWeight *w;

  /* No weights yet: the top level shares a total of 1, and the security
   * group splits its share equally between its two leaves. */
  g_assert_true (fr_ahp_apply_to_group (model, NULL, top, top_priorities, 2, weights, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (((FrWeight *) g_hash_table_lookup (weights, "cost"))->value, 0.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (((FrWeight *) g_hash_table_lookup (weights, "deterrence"))->value, 0.375, 1e-15);
  g_assert_cmpfloat_with_epsilon (((FrWeight *) g_hash_table_lookup (weights, "escalation"))->value, 0.375, 1e-15);

  /* Within the group the total 0.75 is kept; priorities need not sum to 1. */
  w = g_hash_table_lookup (weights, "deterrence");
  w->has_interval = TRUE;
  w->low = 0.25;
  w->high = 0.5;
  g_assert_true (fr_ahp_apply_to_group (model, "security", inner, inner_priorities, 2, weights, &error));
  g_assert_cmpfloat_with_epsilon (w->value, 0.5625, 1e-15);
  g_assert_cmpfloat_with_epsilon (w->low, 0.25 * 0.5625 / 0.375, 1e-15);
  g_assert_cmpfloat_with_epsilon (((FrWeight *) g_hash_table_lookup (weights, "escalation"))->value, 0.1875, 1e-15);
  g_assert_cmpfloat_with_epsilon (((FrWeight *) g_hash_table_lookup (weights, "cost"))->value, 0.25, 1e-15);

  g_assert_false (fr_ahp_apply_to_group (model, "security", top, top_priorities, 2, weights, &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
}

/* ------------------------------------------------------------- PROMETHEE */

/* Brans, J. P., Vincke, Ph. and Mareschal, B. (1986) "How to select and how
 * to rank projects: The PROMETHEE method", EJOR 24, 228–238: six sites for
 * a hydroelectric power station on manpower (min), power (max),
 * construction cost (min), maintenance cost (min), villages to evacuate
 * (min) and security (max), with one generalised criterion of each type:
 * I U-shape q = 10, II V-shape p = 30, III linear q = 50 p = 500, IV level
 * q = 1 p = 6, V usual, VI Gaussian s = 5, equal weights. The paper
 * tabulates π(a, b) to three decimals; its flows are the row and column
 * sums of that table (divided by n − 1 = 5 here). */
static const double sites[] = { 80, 90, 600, 5.4, 8, 5,
                                65, 58, 200, 9.7, 1, 1,
                                83, 60, 400, 7.2, 4, 7,
                                40, 80, 1000, 7.5, 7, 10,
                                52, 72, 600, 2.0, 3, 8,
                                94, 96, 700, 3.6, 5, 6 };
static const gboolean sites_cost[] = { TRUE, FALSE, TRUE, TRUE, TRUE, FALSE };
static const double sites_pi[] = {
  0.000, 0.296, 0.250, 0.269, 0.100, 0.185,
  0.463, 0.000, 0.389, 0.333, 0.296, 0.500,
  0.235, 0.180, 0.000, 0.333, 0.056, 0.429,
  0.399, 0.506, 0.305, 0.000, 0.224, 0.212,
  0.444, 0.515, 0.487, 0.380, 0.000, 0.448,
  0.287, 0.399, 0.250, 0.431, 0.133, 0.000,
};

static FrMatrix *
sites_matrix (void)
{
  FrMatrix *matrix = matrix_from (6, 6, sites, sites_cost);
  matrix->criteria[0].preference = (FrPreference) { FR_PREF_USHAPE, 10, 0, 0 };
  matrix->criteria[1].preference = (FrPreference) { FR_PREF_VSHAPE, 0, 30, 0 };
  matrix->criteria[2].preference = (FrPreference) { FR_PREF_LINEAR, 50, 500, 0 };
  matrix->criteria[3].preference = (FrPreference) { FR_PREF_LEVEL, 1, 6, 0 };
  matrix->criteria[4].preference = (FrPreference) { FR_PREF_USUAL, 0, 0, 0 };
  matrix->criteria[5].preference = (FrPreference) { FR_PREF_GAUSSIAN, 0, 0, 5 };
  return matrix;
}

static void
test_promethee_brans (void)
{
  g_autoptr(FrMatrix) matrix = sites_matrix ();
  const double w[] = { 1, 1, 1, 1, 1, 1 };
  /* Full-precision flows from promethee_brans1986.py. */
  const double net[] = { -0.145664, 0.017162, -0.089524, -0.020003, 0.292900, -0.054872 };
  g_autoptr(GError) error = NULL;
  double pos[6], neg[6], phi[6];
  guint order[6];
  const guint ranking[] = { 4, 1, 3, 5, 2, 0 };

  for (guint a = 0; a < 6; a++)
    for (guint b = 0; b < 6; b++)
      g_assert_cmpfloat_with_epsilon (fr_promethee_pi (matrix, w, a, b), sites_pi[a * 6 + b], 5e-4);

  g_assert_true (fr_promethee_flows (matrix, w, pos, neg, phi, &error));
  g_assert_no_error (error);
  for (guint a = 0; a < 6; a++)
    {
      double row = 0, column = 0;
      for (guint b = 0; b < 6; b++)
        {
          row += sites_pi[a * 6 + b];
          column += sites_pi[b * 6 + a];
        }
      /* Five rounded entries: at most 5 × 0.0005 off, over n − 1. */
      g_assert_cmpfloat_with_epsilon (pos[a], row / 5, 5e-4);
      g_assert_cmpfloat_with_epsilon (neg[a], column / 5, 5e-4);
      g_assert_cmpfloat_with_epsilon (phi[a], net[a], 1e-6);
      g_assert_cmpfloat_with_epsilon (phi[a], pos[a] - neg[a], 1e-15);
    }

  /* PROMETHEE II: a5 > a2 > a4 > a6 > a3 > a1. */
  fr_rank_order (phi, 6, order);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (order[i], ==, ranking[i]);

  /* PROMETHEE I: a5 beats everything on both flows; a2 and a4 are
   * incomparable (a2 has the larger φ⁺ but also the larger φ⁻). */
  for (guint b = 0; b < 6; b++)
    if (b != 4)
      g_assert_cmpint (fr_promethee_relation (pos, neg, 4, b, 1e-12), ==, FR_PROMETHEE_PREFERRED);
  g_assert_cmpint (fr_promethee_relation (pos, neg, 1, 3, 1e-12), ==, FR_PROMETHEE_INCOMPARABLE);
  g_assert_cmpint (fr_promethee_relation (pos, neg, 0, 4, 1e-12), ==, FR_PROMETHEE_DOMINATED);
  g_assert_cmpint (fr_promethee_relation (pos, neg, 2, 2, 1e-12), ==, FR_PROMETHEE_INDIFFERENT);
}

/* Papathanasiou, J. and Ploskas, N. (2018) "PROMETHEE", ch. 3 of Multiple
 * Criteria Decision Aid: Methods, Examples and Python Implementations,
 * Springer Optimization and Its Applications 136, pp. 57–89
 * (doi:10.1007/978-3-319-91648-4_3), worked example: six alternatives on
 * four benefit criteria, weights 0.4, 0.3, 0.1, 0.2, every criterion of
 * type V (linear) with q = 1 and p = 2. Published net flows, two decimals:
 * −0.26, −0.52, −0.22, 0.36, 0.70, −0.06, which are exact: on integer
 * scores the differences are 0, 1 (= q, no preference), 2 (= p, full
 * preference) or more, so every π is a multiple of 0.1. The integer
 * differences landing exactly on both thresholds are what this example
 * adds to the Brans case. φ⁺ and φ⁻ are from promethee_examples.py. */
static void
test_promethee_papathanasiou_ploskas (void)
{
  const double values[] = { 8, 7, 2, 1,
                            5, 3, 7, 5,
                            7, 5, 6, 4,
                            9, 9, 7, 3,
                            11, 10, 3, 7,
                            6, 9, 5, 4 };
  const double w[] = { 0.4, 0.3, 0.1, 0.2 };
  const double net[] = { -0.26, -0.52, -0.22, 0.36, 0.70, -0.06 };
  const double positive[] = { 0.28, 0.14, 0.22, 0.52, 0.78, 0.26 };
  const double negative[] = { 0.54, 0.66, 0.44, 0.16, 0.08, 0.32 };
  const guint ranking[] = { 4, 3, 5, 2, 0, 1 };
  g_autoptr(FrMatrix) matrix = matrix_from (6, 4, values, NULL);
  g_autoptr(GError) error = NULL;
  double pos[6], neg[6], phi[6];
  guint order[6];

  for (guint c = 0; c < 4; c++)
    matrix->criteria[c].preference = (FrPreference) { FR_PREF_LINEAR, 1, 2, 0 };
  g_assert_true (fr_promethee_flows (matrix, w, pos, neg, phi, &error));
  g_assert_no_error (error);
  for (guint a = 0; a < 6; a++)
    {
      g_assert_cmpfloat_with_epsilon (phi[a], net[a], 1e-12);
      g_assert_cmpfloat_with_epsilon (pos[a], positive[a], 1e-12);
      g_assert_cmpfloat_with_epsilon (neg[a], negative[a], 1e-12);
    }
  fr_rank_order (phi, 6, order);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (order[i], ==, ranking[i]);
}

/* Zhao, H., Peng, Y. and Li, W. (2013) "Revised PROMETHEE II for improving
 * efficiency in emergency response", Procedia Computer Science 17,
 * 181–188, numerical example: three alternatives on three benefit
 * criteria, weights 0.5, 0.3, 0.2, the usual criterion throughout.
 * Published net flows 0.1, −0.3, 0.2 (exact: π takes the values 0.2, 0.3,
 * 0.5, 0.7, 0.8). */
static void
test_promethee_zhao_peng_li (void)
{
  const double values[] = { 4, 3, 2,
                            3, 2, 4,
                            5, 1, 3 };
  const double w[] = { 0.5, 0.3, 0.2 };
  const double net[] = { 0.1, -0.3, 0.2 };
  const double pi[] = { 0.0, 0.8, 0.3,
                        0.2, 0.0, 0.5,
                        0.7, 0.5, 0.0 };
  g_autoptr(FrMatrix) matrix = matrix_from (3, 3, values, NULL);
  double pos[3], neg[3], phi[3];

  g_assert_true (fr_promethee_flows (matrix, w, pos, neg, phi, NULL));
  for (guint a = 0; a < 3; a++)
    {
      g_assert_cmpfloat_with_epsilon (phi[a], net[a], 1e-12);
      for (guint b = 0; b < 3; b++)
        g_assert_cmpfloat_with_epsilon (fr_promethee_pi (matrix, w, a, b), pi[a * 3 + b], 1e-12);
    }
  /* PROMETHEE I: a3 beats a1 on both flows (φ⁺ 0.60 > 0.55, φ⁻ 0.40 <
   * 0.45); a1 and a3 both beat a2. */
  g_assert_cmpint (fr_promethee_relation (pos, neg, 2, 0, 1e-12), ==, FR_PROMETHEE_PREFERRED);
  g_assert_cmpint (fr_promethee_relation (pos, neg, 0, 1, 1e-12), ==, FR_PROMETHEE_PREFERRED);
  g_assert_cmpint (fr_promethee_relation (pos, neg, 1, 2, 1e-12), ==, FR_PROMETHEE_DOMINATED);
}

/* The sorted-column flows must equal the pairwise definition, including
 * differences that land exactly on a threshold (integer data and integer
 * thresholds make many ties). */
static void
test_promethee_matches_definition (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1986);

  for (guint trial = 0; trial < 200; trial++)
    {
      guint n = g_rand_int_range (rand, 1, 30);
      guint m = g_rand_int_range (rand, 1, 8);
      g_autoptr(FrMatrix) matrix = fr_matrix_new (n, m);
      g_autofree double *w = g_new (double, m);
      g_autofree double *pos = g_new (double, n);
      g_autofree double *neg = g_new (double, n);
      gboolean integers = trial % 2 == 0;

      for (guint c = 0; c < m; c++)
        {
          FrPreference *f = &matrix->criteria[c].preference;
          f->kind = g_rand_int_range (rand, 0, 6);
          f->q = integers ? g_rand_int_range (rand, 0, 4) : g_rand_double_range (rand, 0, 3);
          f->p = f->q + (integers ? g_rand_int_range (rand, 1, 5) : g_rand_double_range (rand, 0.1, 4));
          f->s = g_rand_double_range (rand, 0.5, 4);
          matrix->criteria[c].direction = g_rand_boolean (rand) ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
          w[c] = g_rand_double (rand);
        }
      for (gsize i = 0; i < (gsize) n * m; i++)
        matrix->values[i] = integers ? g_rand_int_range (rand, 0, 10) : g_rand_double_range (rand, 1e3, 1e3 + 10);

      g_assert_true (fr_promethee_flows (matrix, w, pos, neg, NULL, NULL));
      for (guint a = 0; a < n; a++)
        {
          double p = 0, q = 0;
          for (guint b = 0; b < n; b++)
            {
              p += fr_promethee_pi (matrix, w, a, b);
              q += fr_promethee_pi (matrix, w, b, a);
            }
          if (n > 1)
            {
              p /= n - 1;
              q /= n - 1;
            }
          g_assert_cmpfloat_with_epsilon (pos[a], p, 1e-11);
          g_assert_cmpfloat_with_epsilon (neg[a], q, 1e-11);
        }
    }
}

/* The Gaussian flows come from a vectorised exponential on sorted columns;
 * they must match the definition (libm's expm1 per pair) to 1e-13 on
 * columns long enough to use every vector lane and the scalar tail, with
 * ties, differences far below s and differences so far above it that the
 * preference is 1 to double precision. */
static void
test_promethee_gaussian (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2005);
  const guint sizes[] = { 2, 3, 5, 8, 63, 257 };

  for (guint t = 0; t < G_N_ELEMENTS (sizes); t++)
    {
      guint n = sizes[t], m = 4;
      g_autoptr(FrMatrix) matrix = fr_matrix_new (n, m);
      g_autofree double *pos = g_new (double, (gsize) n * m);
      g_autofree double *neg = g_new (double, (gsize) n * m);
      const double s[] = { 1.0, 1e-3, 50.0, 0.7 };

      for (guint c = 0; c < m; c++)
        {
          matrix->criteria[c].preference = (FrPreference) { FR_PREF_GAUSSIAN, 0, 0, s[c] };
          matrix->criteria[c].direction = c == 3 ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
        }
      for (guint o = 0; o < n; o++)
        {
          double *row = matrix->values + (gsize) o * m;
          row[0] = g_rand_double_range (rand, 0, 10);
          row[1] = g_rand_int_range (rand, 0, 5) * 1e-3;            /* ties */
          row[2] = g_rand_double_range (rand, -1e4, 1e4);            /* d ≫ s */
          row[3] = 1e6 + g_rand_double_range (rand, 0, 3);
        }
      g_assert_true (fr_promethee_unicriterion_flows (matrix, pos, neg, NULL));
      for (guint c = 0; c < m; c++)
        for (guint a = 0; a < n; a++)
          {
            double p = 0, q = 0;
            for (guint b = 0; b < n; b++)
              {
                double d = matrix->values[(gsize) a * m + c] - matrix->values[(gsize) b * m + c];
                if (c == 3)
                  d = -d;
                p += fr_promethee_preference (&matrix->criteria[c].preference, d);
                q += fr_promethee_preference (&matrix->criteria[c].preference, -d);
              }
            g_assert_cmpfloat_with_epsilon (pos[(gsize) a * m + c], p / (n - 1), 1e-13);
            g_assert_cmpfloat_with_epsilon (neg[(gsize) a * m + c], q / (n - 1), 1e-13);
          }
    }
}

static void
test_promethee_preference (void)
{
  FrPreference usual = { FR_PREF_USUAL, 0, 0, 0 };
  FrPreference ushape = { FR_PREF_USHAPE, 2, 0, 0 };
  FrPreference vshape = { FR_PREF_VSHAPE, 0, 4, 0 };
  FrPreference level = { FR_PREF_LEVEL, 1, 3, 0 };
  FrPreference linear = { FR_PREF_LINEAR, 1, 3, 0 };
  FrPreference gaussian = { FR_PREF_GAUSSIAN, 0, 0, 2 };
  FrPreference bad = { FR_PREF_LINEAR, 3, 3, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (fr_promethee_preference (&usual, 0), ==, 0);
  g_assert_cmpfloat (fr_promethee_preference (&usual, 1e-9), ==, 1);
  g_assert_cmpfloat (fr_promethee_preference (&ushape, 2), ==, 0);
  g_assert_cmpfloat (fr_promethee_preference (&ushape, 2.5), ==, 1);
  g_assert_cmpfloat (fr_promethee_preference (&vshape, 1), ==, 0.25);
  g_assert_cmpfloat (fr_promethee_preference (&vshape, 4), ==, 1);
  g_assert_cmpfloat (fr_promethee_preference (&level, 1), ==, 0);
  g_assert_cmpfloat (fr_promethee_preference (&level, 3), ==, 0.5);
  g_assert_cmpfloat (fr_promethee_preference (&level, 3.1), ==, 1);
  g_assert_cmpfloat (fr_promethee_preference (&linear, 2), ==, 0.5);
  g_assert_cmpfloat (fr_promethee_preference (&linear, -2), ==, 0);
  /* Type VI at d = s: 1 − e^(−1/2). */
  g_assert_cmpfloat_with_epsilon (fr_promethee_preference (&gaussian, 2), 1 - exp (-0.5), 1e-15);

  g_assert_false (fr_promethee_check_preference (&bad, "Cost", &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Cost"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/matrix/from-model", test_matrix_from_model);
  g_test_add_func ("/core/matrix/stakeholder-weights", test_matrix_weights);
  g_test_add_func ("/core/matrix/value", test_matrix_value);
  g_test_add_func ("/core/matrix/rank-order", test_rank_order);
  g_test_add_func ("/core/wsm/triantaphyllou", test_wsm_triantaphyllou);
  g_test_add_func ("/core/wsm/goodwin-wright", test_wsm_goodwin_wright);
  g_test_add_data_func ("/core/wsm/properties", (gconstpointer) score_wsm, check_properties);
  g_test_add_func ("/core/topsis/hwang-yoon", test_topsis_hwang_yoon);
  g_test_add_func ("/core/topsis/opricovic-tzeng", test_topsis_opricovic_tzeng);
  g_test_add_func ("/core/topsis/minmax", test_topsis_minmax);
  g_test_add_func ("/core/topsis/degenerate", test_topsis_degenerate);
  g_test_add_data_func ("/core/topsis/properties-vector", (gconstpointer) score_topsis_vector, check_properties);
  g_test_add_data_func ("/core/topsis/properties-minmax", (gconstpointer) score_topsis_minmax, check_properties);
  g_test_add_func ("/core/ahp/random-index", test_ahp_random_index);
  g_test_add_func ("/core/ahp/wealth-of-nations", test_ahp_wealth);
  g_test_add_func ("/core/ahp/house", test_ahp_house);
  g_test_add_func ("/core/ahp/consistent", test_ahp_consistent);
  g_test_add_func ("/core/ahp/errors", test_ahp_errors);
  g_test_add_func ("/core/ahp/pairwise-csv", test_ahp_pairwise_csv);
  g_test_add_func ("/core/ahp/pairwise-csv-errors", test_ahp_pairwise_csv_errors);
  g_test_add_func ("/core/ahp/apply-to-group", test_ahp_apply_to_group);
  g_test_add_func ("/core/promethee/preference", test_promethee_preference);
  g_test_add_func ("/core/promethee/brans-vincke-mareschal", test_promethee_brans);
  g_test_add_func ("/core/promethee/papathanasiou-ploskas", test_promethee_papathanasiou_ploskas);
  g_test_add_func ("/core/promethee/zhao-peng-li", test_promethee_zhao_peng_li);
  g_test_add_func ("/core/promethee/matches-definition", test_promethee_matches_definition);
  g_test_add_func ("/core/promethee/gaussian", test_promethee_gaussian);
  g_test_add_data_func ("/core/promethee/properties", (gconstpointer) score_promethee, check_properties);

  return g_test_run ();
}
