/* test-bundles.c — bundle search against brute force, rules explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "fr-bundles.h"
#include "fr-error.h"

static FrCriterion *
add_criterion (FrModel    *model,
               const char *id,
               FrDirection direction,
               double      min,
               double      max)
{
  FrCriterion *c = fr_criterion_new (id, id);

  c->direction = direction;
  c->has_scale = TRUE;
  c->scale_min = min;
  c->scale_max = max;
  g_ptr_array_add (model->criteria, c);
  return c;
}

static FrElement *
add_element (FrModel    *model,
             const char *id,
             const char *name)
{
  FrElement *e = fr_element_new (id, name);

  g_ptr_array_add (model->elements, e);
  return e;
}

static void
set_baseline (FrModel    *model,
              const char *criterion,
              double      value)
{
  double *v = g_new (double, 1);

  *v = value;
  g_hash_table_insert (model->baseline, g_strdup (criterion), v);
}

/* Deterrence 0..10 (benefit), escalation 0..10 (cost). Baseline (2, 4).
 *   reserve:  deterrence +3
 *   fortify:  deterrence +4, escalation +1
 *   nato:     deterrence +7, escalation +5, excludes non-bloc
 *   article5: deterrence +2, requires nato
 *   non-bloc: escalation −3
 * Ukraine weighs deterrence only; Russia escalation only (reservation
 * 0.5, i.e. escalation at most 5). */
static FrModel *
small_model (void)
{
  FrModel *model = fr_model_new ();
  FrElement *e;
  FrOption *option;
  FrStakeholder *ua, *ru;

  add_criterion (model, "deterrence", FR_DIRECTION_BENEFIT, 0, 10);
  add_criterion (model, "escalation", FR_DIRECTION_COST, 0, 10);
  set_baseline (model, "deterrence", 2);
  set_baseline (model, "escalation", 4);

  e = add_element (model, "reserve", "Large trained reserve");
  g_ptr_array_add (e->effects, fr_effect_new ("deterrence", 3));
  e = add_element (model, "fortify", "Fortified line");
  g_ptr_array_add (e->effects, fr_effect_new ("deterrence", 4));
  g_ptr_array_add (e->effects, fr_effect_new ("escalation", 1));
  e = add_element (model, "nato", "NATO membership");
  g_ptr_array_add (e->effects, fr_effect_new ("deterrence", 7));
  g_ptr_array_add (e->effects, fr_effect_new ("escalation", 5));
  g_ptr_array_add (e->excludes, g_strdup ("non-bloc"));
  e = add_element (model, "article5", "Article 5");
  g_ptr_array_add (e->effects, fr_effect_new ("deterrence", 2));
  g_ptr_array_add (e->requires, g_strdup ("nato"));
  e = add_element (model, "non-bloc", "Non-bloc status");
  g_ptr_array_add (e->effects, fr_effect_new ("escalation", -3));

  option = fr_option_new ("status-quo", "Status quo");
  g_hash_table_insert (option->scores, g_strdup ("deterrence"), fr_score_new (2));
  g_hash_table_insert (option->scores, g_strdup ("escalation"), fr_score_new (4));
  g_ptr_array_add (model->options, option);

  ua = fr_stakeholder_new ("ua", "Ukraine");
  g_hash_table_insert (ua->weights, g_strdup ("deterrence"), fr_weight_new (1));
  ua->reservation = 0.3;
  g_ptr_array_add (model->stakeholders, ua);
  ru = fr_stakeholder_new ("ru", "Russia");
  g_hash_table_insert (ru->weights, g_strdup ("escalation"), fr_weight_new (1));
  ru->reservation = 0.5;
  g_ptr_array_add (model->stakeholders, ru);
  return model;
}

static guint64
bundle_of (const FrBundleProblem *problem,
           const char            *first,
           ...)
{
  va_list args;
  guint64 set = 0;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    {
      int e = fr_bundle_problem_find_element (problem, id);

      g_assert_cmpint (e, >=, 0);
      set |= G_GUINT64_CONSTANT (1) << e;
    }
  va_end (args);
  return set;
}

static void
test_conflicts (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, &error);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_true (fr_bundle_problem_check (problem, 0, conflicts));
  g_assert_true (fr_bundle_problem_check (problem, bundle_of (problem, "nato", "article5", NULL), conflicts));
  g_assert_cmpuint (conflicts->len, ==, 0);

  g_assert_false (fr_bundle_problem_check (problem, bundle_of (problem, "article5", "non-bloc", NULL), conflicts));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==, "“Article 5” requires “NATO membership”");
  g_ptr_array_set_size (conflicts, 0);

  /* The rule is written on nato, and holds in both directions. */
  g_assert_false (fr_bundle_problem_check (problem, bundle_of (problem, "non-bloc", "nato", "reserve", NULL), conflicts));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==, "“NATO membership” excludes “Non-bloc status”");

  {
    g_autofree char *text = fr_bundle_problem_describe (problem, bundle_of (problem, "reserve", "nato", NULL));
    g_autofree char *none = fr_bundle_problem_describe (problem, 0);

    g_assert_cmpstr (text, ==, "Large trained reserve, NATO membership");
    g_assert_cmpstr (none, ==, "(none)");
  }
}

/* Scores clamp to the scale, so they do not add up: nato + reserve +
 * fortify + article5 reaches deterrence 2 + 3 + 4 + 7 + 2 = 18, clamped to
 * 10 (value 1); escalation 4 + 1 + 5 = 10 (Russia's value 0). */
static void
test_evaluate (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, NULL);
  double scores[2], utility[2];

  fr_bundle_problem_evaluate (problem, 0, scores, utility);
  g_assert_cmpfloat (scores[0], ==, 2);
  g_assert_cmpfloat (scores[1], ==, 4);
  g_assert_cmpfloat_with_epsilon (utility[0], 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (utility[1], 0.6, 1e-12);

  fr_bundle_problem_evaluate (problem, bundle_of (problem, "nato", "reserve", "fortify", "article5", NULL),
                              scores, utility);
  g_assert_cmpfloat (scores[0], ==, 10);
  g_assert_cmpfloat (scores[1], ==, 10);
  g_assert_cmpfloat_with_epsilon (utility[0], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (utility[1], 0.0, 1e-12);

  fr_bundle_problem_evaluate (problem, bundle_of (problem, "non-bloc", NULL), scores, utility);
  g_assert_cmpfloat (scores[1], ==, 1);
  g_assert_cmpfloat_with_epsilon (utility[1], 0.9, 1e-12);
}

/* For Ukraine under Russia's reservation (escalation at most 5): nato
 * alone brings escalation to 9, and non-bloc, which would offset it, is
 * excluded with nato, so nato is out. Best: reserve + fortify, deterrence
 * 9 (value 0.9) at escalation 5; adding non-bloc ties at 0.9, and ties go
 * to the smaller element bits, so {reserve, fortify} (bits 0, 1) comes
 * first and {reserve, fortify, non-bloc} second. Third: fortify alone,
 * deterrence 6 (0.6; {fortify, non-bloc} ties later). Without the
 * reservation nato + reserve reaches 10 (value 1). */
static void
test_best_small (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, NULL);
  g_autoptr(FrBundleList) best = fr_bundle_problem_best (problem, 0, 3, TRUE, NULL, NULL);
  g_autoptr(FrBundleList) free_best = fr_bundle_problem_best (problem, 0, 1, FALSE, NULL, NULL);

  g_assert_cmpuint (best->n_bundles, ==, 3);
  g_assert_cmpuint (best->elements[0], ==, bundle_of (problem, "reserve", "fortify", NULL));
  g_assert_cmpfloat_with_epsilon (best->utility[0], 0.9, 1e-12);
  g_assert_cmpuint (best->elements[1], ==, bundle_of (problem, "reserve", "fortify", "non-bloc", NULL));
  g_assert_cmpfloat_with_epsilon (best->utility[1 * 2], 0.9, 1e-12);
  g_assert_cmpuint (best->elements[2], ==, bundle_of (problem, "fortify", NULL));
  g_assert_cmpfloat_with_epsilon (best->utility[2 * 2], 0.6, 1e-12);
  for (guint i = 0; i < best->n_bundles; i++)
    g_assert_cmpfloat (best->utility[i * 2 + 1], >=, 0.5);

  g_assert_cmpuint (free_best->n_bundles, ==, 1);
  g_assert_cmpfloat_with_epsilon (free_best->utility[0], 1.0, 1e-12);
}

/* ---- Brute force on random models ------------------------------------- */

static FrModel *
random_model (GRand *rand,
              guint  n,
              guint  m,
              guint  s)
{
  FrModel *model = fr_model_new ();
  FrOption *option = fr_option_new ("o", "O");

  for (guint c = 0; c < m; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", c);
      FrCriterion *criterion = add_criterion (model, id,
                                              g_rand_boolean (rand) ? FR_DIRECTION_BENEFIT : FR_DIRECTION_COST,
                                              0, 10);

      if (g_rand_int_range (rand, 0, 3) == 0)
        criterion->has_scale = FALSE;
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          /* A non-monotone value function: best in the middle. */
          FrValuePoint points[] = { { 0, 0 }, { g_rand_double_range (rand, 2, 8), 1 }, { 10, 0.2 } };

          g_array_append_vals (criterion->value_function, points, 3);
        }
      set_baseline (model, id, g_rand_double_range (rand, 0, 10));
      g_hash_table_insert (option->scores, g_strdup (id), fr_score_new (g_rand_double_range (rand, 0, 10)));
    }
  {
    /* A second option stretches the data range of unscaled criteria. */
    FrOption *other = fr_option_new ("p", "P");

    for (guint c = 0; c < m; c++)
      g_hash_table_insert (other->scores, g_strdup_printf ("c%u", c), fr_score_new (g_rand_double_range (rand, 0, 10)));
    g_ptr_array_add (model->options, other);
  }
  g_ptr_array_add (model->options, option);

  for (guint e = 0; e < n; e++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", e);
      FrElement *element = add_element (model, id, id);
      guint effects = g_rand_int_range (rand, 0, 4);

      for (guint i = 0; i < effects; i++)
        {
          g_autofree char *c = g_strdup_printf ("c%u", g_rand_int_range (rand, 0, m));
          g_ptr_array_add (element->effects, fr_effect_new (c, g_rand_double_range (rand, -5, 5)));
        }
      if (e > 0 && g_rand_int_range (rand, 0, 4) == 0)
        g_ptr_array_add (element->excludes, g_strdup_printf ("e%u", g_rand_int_range (rand, 0, e)));
      if (e > 0 && g_rand_int_range (rand, 0, 5) == 0)
        g_ptr_array_add (element->requires, g_strdup_printf ("e%u", g_rand_int_range (rand, 0, n)));
    }
  for (guint t = 0; t < s; t++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", t);
      FrStakeholder *stakeholder = fr_stakeholder_new (id, id);

      for (guint c = 0; c < m; c++)
        g_hash_table_insert (stakeholder->weights, g_strdup_printf ("c%u", c),
                             fr_weight_new (g_rand_double_range (rand, 0, 1)));
      stakeholder->reservation = g_rand_double_range (rand, 0.2, 0.6);
      g_ptr_array_add (model->stakeholders, stakeholder);
    }
  return model;
}

typedef struct {
  guint64 elements;
  double *utility;
  guint target;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;
  double ux = x->utility[x->target], uy = y->utility[y->target];

  if (ux != uy)
    return ux > uy ? -1 : 1;
  return x->elements < y->elements ? -1 : (x->elements > y->elements);
}

static int
compare_bits (gconstpointer a,
              gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : (x > y);
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint round = 0; round < 60; round++)
    {
      guint n = g_rand_int_range (rand, 1, 11), m = g_rand_int_range (rand, 1, 5);
      guint s = g_rand_int_range (rand, 1, 4);
      g_autoptr(FrModel) model = random_model (rand, n, m, s);
      g_autoptr(GError) error = NULL;
      g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, &error);
      guint64 total = G_GUINT64_CONSTANT (1) << n;
      g_autofree double *utility = g_new (double, total * s);
      g_autofree gboolean *feasible = g_new0 (gboolean, total);
      g_autoptr(GArray) front = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_autoptr(FrBundleList) pareto = NULL;

      g_assert_no_error (error);
      for (guint64 set = 0; set < total; set++)
        {
          feasible[set] = fr_bundle_problem_check (problem, set, NULL);
          fr_bundle_problem_evaluate (problem, set, NULL, utility + set * s);
        }

      for (guint target = 0; target < s; target++)
        for (guint respect = 0; respect < 2; respect++)
          {
            g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
            guint k = g_rand_int_range (rand, 1, 6);
            g_autoptr(FrBundleList) best = fr_bundle_problem_best (problem, target, k, respect, NULL, &error);

            g_assert_no_error (error);
            for (guint64 set = 0; set < total; set++)
              {
                Candidate candidate = { set, utility + set * s, target };
                gboolean ok = feasible[set];

                for (guint t = 0; t < s && ok && respect; t++)
                  if (t != target && utility[set * s + t] < ((FrStakeholder *) g_ptr_array_index (model->stakeholders, t))->reservation)
                    ok = FALSE;
                if (ok)
                  g_array_append_val (candidates, candidate);
              }
            g_array_sort (candidates, compare_candidates);
            g_assert_cmpuint (best->n_bundles, ==, MIN (k, candidates->len));
            for (guint i = 0; i < best->n_bundles; i++)
              {
                const Candidate *c = &g_array_index (candidates, Candidate, i);

                g_assert_cmpuint (best->elements[i], ==, c->elements);
                for (guint t = 0; t < s; t++)
                  g_assert_cmpfloat (best->utility[i * s + t], ==, c->utility[t]);
              }
          }

      for (guint64 set = 0; set < total; set++)
        {
          gboolean dominated = FALSE;

          if (!feasible[set])
            continue;
          for (guint64 other = 0; other < total && !dominated; other++)
            if (feasible[other] && other != set)
              {
                gboolean ge = TRUE, gt = FALSE;

                for (guint t = 0; t < s; t++)
                  {
                    ge &= utility[other * s + t] >= utility[set * s + t];
                    gt |= utility[other * s + t] > utility[set * s + t];
                  }
                dominated = ge && gt;
              }
          if (!dominated)
            g_array_append_val (front, set);
        }
      {
        guint64 n_feasible = 0;

        for (guint64 set = 0; set < total; set++)
          n_feasible += feasible[set];
        g_assert_cmpuint (fr_bundle_problem_count_feasible (problem, NULL, &error), ==, n_feasible);
        g_assert_no_error (error);
      }
      pareto = fr_bundle_problem_pareto (problem, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pareto->n_bundles, ==, front->len);
      qsort (pareto->elements, pareto->n_bundles, sizeof (guint64), compare_bits);
      for (guint i = 0; i < front->len; i++)
        g_assert_cmpuint (pareto->elements[i], ==, g_array_index (front, guint64, i));
    }
}

/* Pruning must cut most of a large space: 20 elements of which the best
 * for one stakeholder is found well before visiting 2^20 bundles. */
static void
test_pruning (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(FrModel) model = random_model (rand, 20, 6, 3);
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, NULL);
  g_autoptr(FrBundleList) best = fr_bundle_problem_best (problem, 0, 1, FALSE, NULL, NULL);
  double utility[3];

  g_assert_cmpuint (best->n_bundles, ==, 1);
  g_assert_cmpuint (best->n_leaves, <, G_GUINT64_CONSTANT (1) << 20);
  fr_bundle_problem_evaluate (problem, best->elements[0], NULL, utility);
  g_assert_cmpfloat (utility[0], ==, best->utility[0]);
}

static void
test_cancel (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(FrModel) model = random_model (rand, 18, 4, 3);
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FrBundleList *list;

  g_cancellable_cancel (cancellable);
  list = fr_bundle_problem_pareto (problem, cancellable, &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_errors (void)
{
  g_autoptr(FrModel) model = small_model ();
  g_autoptr(GError) error = NULL;
  FrElement *e = g_ptr_array_index (model->elements, 0);
  FrBundleProblem *problem;

  g_ptr_array_add (e->requires, g_strdup ("unicorn"));
  problem = fr_bundle_problem_new (model, &error);
  g_assert_null (problem);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Element “Large trained reserve” requires “unicorn”, which is not an element");
  g_clear_error (&error);

  g_ptr_array_set_size (e->requires, 0);
  g_ptr_array_add (e->effects, fr_effect_new ("morale", 1));
  problem = fr_bundle_problem_new (model, &error);
  g_assert_null (problem);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "morale"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/bundles/conflicts", test_conflicts);
  g_test_add_func ("/core/bundles/evaluate", test_evaluate);
  g_test_add_func ("/core/bundles/best-small", test_best_small);
  g_test_add_func ("/core/bundles/brute-force", test_brute_force);
  g_test_add_func ("/core/bundles/pruning", test_pruning);
  g_test_add_func ("/core/bundles/cancel", test_cancel);
  g_test_add_func ("/core/bundles/errors", test_errors);

  return g_test_run ();
}
