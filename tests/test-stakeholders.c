/* test-stakeholders.c — ZOPA, Pareto front and Nash choice by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fr-stakeholders.h"

/* Utilities (stakeholder 1, stakeholder 2) of four options:
 *   o0 (0.9, 0.3)  o1 (0.6, 0.6)  o2 (0.5, 0.55)  o3 (0.4, 0.7)
 * Reservation levels 0.45 and 0.5. ZOPA: o1 and o2 (o0 fails the second,
 * o3 the first). Nash products: o1 0.15·0.10 = 0.015, o2 0.05·0.05 =
 * 0.0025, so o1. Pareto: o2 is beaten by o1 on both; o0, o1, o3 are not
 * dominated. */
static void
test_small (void)
{
  static const double utility[] = { 0.9, 0.6, 0.5, 0.4,
                                    0.3, 0.6, 0.55, 0.7 };
  static const double reservation[] = { 0.45, 0.5 };
  g_autoptr(FrAgreement) a = fr_agreement_new (2, 4, utility, reservation);

  g_assert_false (a->in_zopa[0]);
  g_assert_true (a->in_zopa[1]);
  g_assert_true (a->in_zopa[2]);
  g_assert_false (a->in_zopa[3]);
  g_assert_cmpuint (a->n_zopa, ==, 2);
  g_assert_cmpint (a->nash, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->nash_product, 0.015, 1e-12);
  g_assert_true (a->pareto[0]);
  g_assert_true (a->pareto[1]);
  g_assert_false (a->pareto[2]);
  g_assert_true (a->pareto[3]);
}

/* Raising the first reservation to 0.95 empties the ZOPA: no Nash choice. */
static void
test_empty_zopa (void)
{
  static const double utility[] = { 0.9, 0.6, 0.5, 0.4,
                                    0.3, 0.6, 0.55, 0.7 };
  static const double reservation[] = { 0.95, 0.5 };
  g_autoptr(FrAgreement) a = fr_agreement_new (2, 4, utility, reservation);

  g_assert_cmpuint (a->n_zopa, ==, 0);
  g_assert_cmpint (a->nash, ==, -1);
  g_assert_cmpfloat (a->nash_product, ==, 0.0);
  for (guint o = 0; o < 4; o++)
    g_assert_false (a->in_zopa[o]);
}

/* An option exactly at a reservation level is acceptable (gain 0); when
 * every product is 0 the first option is the Nash choice. Equal utility
 * vectors do not dominate each other. */
static void
test_edges (void)
{
  static const double utility[] = { 0.5, 0.5, 0.7,
                                    0.6, 0.6, 0.6 };
  static const double reservation[] = { 0.5, 0.6 };
  g_autoptr(FrAgreement) a = fr_agreement_new (2, 3, utility, reservation);

  g_assert_cmpuint (a->n_zopa, ==, 3);
  g_assert_cmpint (a->nash, ==, 0);
  g_assert_cmpfloat (a->nash_product, ==, 0.0);
  g_assert_false (a->pareto[0]);
  g_assert_false (a->pareto[1]);
  g_assert_true (a->pareto[2]);

  {
    static const double twins[] = { 0.4, 0.4, 0.2, 0.2 };
    g_autoptr(FrAgreement) b = fr_agreement_new (2, 2, twins, reservation);

    g_assert_true (b->pareto[0]);
    g_assert_true (b->pareto[1]);
    g_assert_cmpuint (b->n_zopa, ==, 0);
  }
}

static void
add_criterion (FrModel    *model,
               const char *id,
               FrDirection direction)
{
  FrCriterion *c = fr_criterion_new (id, id);

  c->direction = direction;
  c->has_scale = TRUE;
  c->scale_min = 0;
  c->scale_max = 10;
  g_ptr_array_add (model->criteria, c);
}

static void
add_option (FrModel    *model,
            const char *id,
            double      a,
            double      b)
{
  FrOption *o = fr_option_new (id, id);

  g_hash_table_insert (o->scores, g_strdup ("security"), fr_score_new (a));
  g_hash_table_insert (o->scores, g_strdup ("cost"), fr_score_new (b));
  g_ptr_array_add (model->options, o);
}

static void
add_stakeholder (FrModel    *model,
                 const char *id,
                 double      security,
                 double      cost,
                 double      reservation)
{
  FrStakeholder *s = fr_stakeholder_new (id, id);

  g_hash_table_insert (s->weights, g_strdup ("security"), fr_weight_new (security));
  g_hash_table_insert (s->weights, g_strdup ("cost"), fr_weight_new (cost));
  s->reservation = reservation;
  g_ptr_array_add (model->stakeholders, s);
}

/* Security 0..10 (benefit), cost 0..10 (cost criterion, so value
 * 1 − x/10). Values: nato (0.9, 0.2), neutral (0.6, 0.7), war (0.1, 0.0).
 * Ukraine weights 3:1 → nato 0.725, neutral 0.625, war 0.075;
 * Russia weights 0:1 (only cost) → 0.2, 0.7, 0.0.
 * Reservations 0.6 and 0.5: only neutral is acceptable to both, so it is
 * the ZOPA and the Nash choice (0.025·0.2 = 0.005). */
static void
test_from_model (void)
{
  g_autoptr(FrModel) model = fr_model_new ();
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(FrAgreement) a = NULL;
  g_autoptr(GError) error = NULL;

  add_criterion (model, "security", FR_DIRECTION_BENEFIT);
  add_criterion (model, "cost", FR_DIRECTION_COST);
  add_option (model, "nato", 9, 8);
  add_option (model, "neutral", 6, 3);
  add_option (model, "war", 1, 10);
  add_stakeholder (model, "ua", 3, 1, 0.6);
  add_stakeholder (model, "ru", 0, 1, 0.5);

  matrix = fr_matrix_new_from_model (model, &error);
  g_assert_no_error (error);
  a = fr_agreement_new_from_model (model, matrix);
  g_assert_cmpuint (a->n_stakeholders, ==, 2);
  g_assert_cmpfloat_with_epsilon (a->utility[0], 0.725, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->utility[1], 0.625, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->utility[2], 0.075, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->utility[3], 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->utility[4], 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (a->utility[5], 0.0, 1e-12);
  g_assert_cmpuint (a->n_zopa, ==, 1);
  g_assert_true (a->in_zopa[1]);
  g_assert_cmpint (a->nash, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->nash_product, 0.005, 1e-12);
  g_assert_true (a->pareto[0]);
  g_assert_true (a->pareto[1]);
  g_assert_false (a->pareto[2]);
}

static void
test_no_stakeholders (void)
{
  static const double reservation[1] = { 0 };
  g_autoptr(FrAgreement) a = fr_agreement_new (0, 2, NULL, reservation);

  g_assert_cmpuint (a->n_zopa, ==, 2);
  g_assert_cmpint (a->nash, ==, -1);
  g_assert_true (a->pareto[0] && a->pareto[1]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/stakeholders/small", test_small);
  g_test_add_func ("/core/stakeholders/empty-zopa", test_empty_zopa);
  g_test_add_func ("/core/stakeholders/edges", test_edges);
  g_test_add_func ("/core/stakeholders/from-model", test_from_model);
  g_test_add_func ("/core/stakeholders/no-stakeholders", test_no_stakeholders);

  return g_test_run ();
}
