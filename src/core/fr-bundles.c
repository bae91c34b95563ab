/* fr-bundles.c — exact, pruned search over element bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-bundles.h"
#include "fr-error.h"
#include "fr-matrix.h"
#include "fr-stakeholders.h"
#include "fr-value-private.h"

#define CANCEL_CHECK_EVERY 65536
/* Bounds are compared with this much slack, so that rounding in the
 * incremental sums never prunes a bundle that exactly ties. */
#define BOUND_SLACK 1e-9

struct _FrBundleProblem {
  guint n;                  /* elements */
  guint m;                  /* criteria */
  guint s;                  /* stakeholders */
  char **element_ids;
  char **element_names;
  char **stakeholder_ids;
  FrMatrix *matrix;
  FrValueCurve *curves;     /* m */
  gboolean *clamped;        /* m: the criterion has a declared scale */
  double *scale_min;
  double *scale_max;
  double *baseline;         /* m, raw */
  double *baseline_value;   /* m, after clamp and value function */
  double *delta;            /* n × m */
  guint *touched;           /* n × m: criteria each element changes… */
  guint *n_touched;         /* …and how many */
  guint64 *excludes;        /* n, symmetric */
  guint64 *requires;        /* n */
  guint64 *required_by;     /* n */
  double *weights;          /* s × m, each row sums to one */
  double *reservation;      /* s */
  double *base_utility;     /* s: the empty bundle */
  /* gain[(e) × s + t]: the most element e can add to stakeholder t's
   * utility in any bundle; suffix[(d) × s + t] sums it over e ≥ d. */
  double *gain;
  double *suffix;
};

static inline double
criterion_value (const FrBundleProblem *problem,
                 guint                  c,
                 double                 raw)
{
  if (problem->clamped[c])
    raw = CLAMP (raw, problem->scale_min[c], problem->scale_max[c]);
  return fr_value_curve_eval (&problem->curves[c], raw);
}

/* sup over x of F(x + delta) − F(x), F = criterion_value: F is piecewise
 * linear (possibly with a step) with its breaks at @knots, so the
 * supremum is reached at, or right next to, a knot or a knot − delta. */
static double
max_gain (const FrBundleProblem *problem,
          guint                  c,
          double                 delta,
          const double          *knots,
          guint                  n_knots)
{
  double best = 0.0;

  for (guint k = 0; k < n_knots; k++)
    {
      double points[6];

      points[0] = knots[k];
      points[1] = knots[k] - delta;
      points[2] = nextafter (knots[k], -HUGE_VAL);
      points[3] = nextafter (knots[k], HUGE_VAL);
      points[4] = nextafter (knots[k] - delta, -HUGE_VAL);
      points[5] = nextafter (knots[k] - delta, HUGE_VAL);
      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        {
          double x = points[i];
          double g = criterion_value (problem, c, x + delta) - criterion_value (problem, c, x);

          best = MAX (best, g);
        }
    }
  return best;
}

static int
find_element_index (const FrModel *model,
                    const char    *id)
{
  for (guint e = 0; e < model->elements->len; e++)
    {
      const FrElement *element = g_ptr_array_index (model->elements, e);

      if (g_strcmp0 (element->id, id) == 0)
        return (int) e;
    }
  return -1;
}

static const char *
element_label (const FrElement *element)
{
  return element->name != NULL ? element->name : element->id;
}

FrBundleProblem *
fr_bundle_problem_new (const FrModel  *model,
                       GError        **error)
{
  g_autoptr(FrBundleProblem) problem = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autofree double *low = NULL;
  g_autofree double *high = NULL;
  guint n, m, s;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = model->elements->len;
  if (n > FR_BUNDLES_MAX_ELEMENTS)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                   _("The bundle search handles at most %d elements; this document has %u"),
                   FR_BUNDLES_MAX_ELEMENTS, n);
      return NULL;
    }
  matrix = fr_matrix_new_from_model (model, error);
  if (matrix == NULL)
    return NULL;

  m = matrix->n_criteria;
  s = model->stakeholders->len;
  problem = g_new0 (FrBundleProblem, 1);
  problem->n = n;
  problem->m = m;
  problem->s = s;
  problem->element_ids = g_new0 (char *, n + 1);
  problem->element_names = g_new0 (char *, n + 1);
  problem->stakeholder_ids = g_new0 (char *, s + 1);
  problem->curves = g_new0 (FrValueCurve, MAX (m, 1));
  problem->clamped = g_new0 (gboolean, MAX (m, 1));
  problem->scale_min = g_new0 (double, MAX (m, 1));
  problem->scale_max = g_new0 (double, MAX (m, 1));
  problem->baseline = g_new0 (double, MAX (m, 1));
  problem->baseline_value = g_new0 (double, MAX (m, 1));
  problem->delta = g_new0 (double, MAX ((gsize) n * m, 1));
  problem->touched = g_new0 (guint, MAX ((gsize) n * m, 1));
  problem->n_touched = g_new0 (guint, MAX (n, 1));
  problem->excludes = g_new0 (guint64, MAX (n, 1));
  problem->requires = g_new0 (guint64, MAX (n, 1));
  problem->required_by = g_new0 (guint64, MAX (n, 1));
  problem->weights = g_new0 (double, MAX ((gsize) s * m, 1));
  problem->reservation = g_new0 (double, MAX (s, 1));
  problem->base_utility = g_new0 (double, MAX (s, 1));
  problem->gain = g_new0 (double, MAX ((gsize) n * s, 1));
  problem->suffix = g_new0 (double, (gsize) (n + 1) * MAX (s, 1));

  for (guint e = 0; e < n; e++)
    {
      const FrElement *element = g_ptr_array_index (model->elements, e);

      problem->element_ids[e] = g_strdup (element->id);
      problem->element_names[e] = g_strdup (element_label (element));
      for (guint i = 0; element->effects != NULL && i < element->effects->len; i++)
        {
          const FrEffect *effect = g_ptr_array_index (element->effects, i);
          guint c;

          for (c = 0; c < m; c++)
            if (g_strcmp0 (matrix->criteria[c].id, effect->criterion_id) == 0)
              break;
          if (c == m)
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Element “%s” has an effect on “%s”, which is not a criterion"),
                           element_label (element), effect->criterion_id);
              return NULL;
            }
          if (!isfinite (effect->delta))
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Element “%s” has an effect on “%s” that is not a finite number"),
                           element_label (element), effect->criterion_id);
              return NULL;
            }
          problem->delta[(gsize) e * m + c] += effect->delta;
        }
      for (guint c = 0; c < m; c++)
        if (problem->delta[(gsize) e * m + c] != 0.0)
          problem->touched[(gsize) e * m + problem->n_touched[e]++] = c;

      for (guint i = 0; element->excludes != NULL && i < element->excludes->len; i++)
        {
          const char *other = g_ptr_array_index (element->excludes, i);
          int o = find_element_index (model, other);

          if (o < 0)
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Element “%s” excludes “%s”, which is not an element"),
                           element_label (element), other);
              return NULL;
            }
          problem->excludes[e] |= G_GUINT64_CONSTANT (1) << o;
          problem->excludes[o] |= G_GUINT64_CONSTANT (1) << e;
        }
      for (guint i = 0; element->requires != NULL && i < element->requires->len; i++)
        {
          const char *other = g_ptr_array_index (element->requires, i);
          int o = find_element_index (model, other);

          if (o < 0)
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Element “%s” requires “%s”, which is not an element"),
                           element_label (element), other);
              return NULL;
            }
          if ((guint) o == e)
            continue;
          problem->requires[e] |= G_GUINT64_CONSTANT (1) << o;
          problem->required_by[o] |= G_GUINT64_CONSTANT (1) << e;
        }
    }

  /* Without options there is no data range: criteria without a declared
   * scale are then read over the range bundles can reach. */
  low = g_new0 (double, MAX (m, 1));
  high = g_new0 (double, MAX (m, 1));
  for (guint c = 0; c < m; c++)
    {
      const FrMatrixCriterion *column = &matrix->criteria[c];
      const double *base = model->baseline != NULL ? g_hash_table_lookup (model->baseline, column->id) : NULL;

      /* A criterion the baseline leaves out starts at zero, inside its
       * scale when it has one. */
      problem->baseline[c] = base != NULL && isfinite (*base) ? *base : 0.0;
      problem->clamped[c] = column->has_scale;
      problem->scale_min[c] = MIN (column->scale_min, column->scale_max);
      problem->scale_max[c] = MAX (column->scale_min, column->scale_max);
      if (!column->has_scale && base == NULL)
        problem->baseline[c] = 0.0;
      low[c] = high[c] = problem->baseline[c];
      for (guint e = 0; e < n; e++)
        {
          double d = problem->delta[(gsize) e * m + c];

          if (d < 0.0)
            low[c] += d;
          else
            high[c] += d;
        }
    }
  problem->matrix = g_steal_pointer (&matrix);
  for (guint c = 0; c < m; c++)
    {
      fr_value_curve_init (&problem->curves[c], problem->matrix, c);
      if (!problem->curves[c].piecewise && !problem->clamped[c] && problem->matrix->n_options == 0)
        {
          problem->curves[c].lo = low[c];
          problem->curves[c].hi = high[c];
        }
      problem->baseline_value[c] = criterion_value (problem, c, problem->baseline[c]);
    }

  for (guint t = 0; t < s; t++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, t);
      g_autofree double *w = fr_matrix_stakeholder_weights (problem->matrix, stakeholder);

      problem->stakeholder_ids[t] = g_strdup (stakeholder->id);
      problem->reservation[t] = stakeholder->reservation;
      memcpy (problem->weights + (gsize) t * m, w, m * sizeof (double));
      for (guint c = 0; c < m; c++)
        problem->base_utility[t] += w[c] * problem->baseline_value[c];
    }

  /* Optimistic gains for the bounds. */
  for (guint c = 0; c < m; c++)
    {
      const FrValueCurve *curve = &problem->curves[c];
      g_autoptr(GArray) knots = g_array_new (FALSE, FALSE, sizeof (double));

      if (problem->clamped[c])
        {
          g_array_append_val (knots, problem->scale_min[c]);
          g_array_append_val (knots, problem->scale_max[c]);
        }
      if (curve->piecewise)
        {
          const GArray *points = problem->matrix->criteria[c].value_function;

          for (guint i = 0; i < points->len; i++)
            g_array_append_val (knots, g_array_index (points, FrValuePoint, i).x);
        }
      else
        {
          g_array_append_val (knots, curve->lo);
          g_array_append_val (knots, curve->hi);
        }
      for (guint e = 0; e < n; e++)
        {
          double d = problem->delta[(gsize) e * m + c];
          double g;

          if (d == 0.0)
            continue;
          g = max_gain (problem, c, d, (const double *) (const void *) knots->data, knots->len);
          for (guint t = 0; t < s; t++)
            problem->gain[(gsize) e * s + t] += problem->weights[(gsize) t * m + c] * g;
        }
    }
  for (guint d = n; d-- > 0;)
    for (guint t = 0; t < s; t++)
      problem->suffix[(gsize) d * s + t] = problem->suffix[(gsize) (d + 1) * s + t] +
                                           problem->gain[(gsize) d * s + t];

  return g_steal_pointer (&problem);
}

void
fr_bundle_problem_free (FrBundleProblem *problem)
{
  if (problem == NULL)
    return;
  g_strfreev (problem->element_ids);
  g_strfreev (problem->element_names);
  g_strfreev (problem->stakeholder_ids);
  fr_matrix_free (problem->matrix);
  g_free (problem->curves);
  g_free (problem->clamped);
  g_free (problem->scale_min);
  g_free (problem->scale_max);
  g_free (problem->baseline);
  g_free (problem->baseline_value);
  g_free (problem->delta);
  g_free (problem->touched);
  g_free (problem->n_touched);
  g_free (problem->excludes);
  g_free (problem->requires);
  g_free (problem->required_by);
  g_free (problem->weights);
  g_free (problem->reservation);
  g_free (problem->base_utility);
  g_free (problem->gain);
  g_free (problem->suffix);
  g_free (problem);
}

guint
fr_bundle_problem_get_n_elements (const FrBundleProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->n;
}

guint
fr_bundle_problem_get_n_criteria (const FrBundleProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->m;
}

guint
fr_bundle_problem_get_n_stakeholders (const FrBundleProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->s;
}

const char *
fr_bundle_problem_get_element_id (const FrBundleProblem *problem,
                                  guint                  element)
{
  g_return_val_if_fail (problem != NULL && element < problem->n, NULL);
  return problem->element_ids[element];
}

const char *
fr_bundle_problem_get_element_name (const FrBundleProblem *problem,
                                    guint                  element)
{
  g_return_val_if_fail (problem != NULL && element < problem->n, NULL);
  return problem->element_names[element];
}

const char *
fr_bundle_problem_get_stakeholder_id (const FrBundleProblem *problem,
                                      guint                  stakeholder)
{
  g_return_val_if_fail (problem != NULL && stakeholder < problem->s, NULL);
  return problem->stakeholder_ids[stakeholder];
}

int
fr_bundle_problem_find_element (const FrBundleProblem *problem,
                                const char            *id)
{
  g_return_val_if_fail (problem != NULL, -1);

  for (guint e = 0; e < problem->n; e++)
    if (g_strcmp0 (problem->element_ids[e], id) == 0)
      return (int) e;
  return -1;
}

int
fr_bundle_problem_find_stakeholder (const FrBundleProblem *problem,
                                    const char            *id)
{
  g_return_val_if_fail (problem != NULL, -1);

  for (guint t = 0; t < problem->s; t++)
    if (g_strcmp0 (problem->stakeholder_ids[t], id) == 0)
      return (int) t;
  return -1;
}

gboolean
fr_bundle_problem_check (const FrBundleProblem *problem,
                         guint64                elements,
                         GPtrArray             *conflicts)
{
  gboolean feasible = TRUE;

  g_return_val_if_fail (problem != NULL, FALSE);

  for (guint e = 0; e < problem->n; e++)
    {
      if (!(elements & (G_GUINT64_CONSTANT (1) << e)))
        continue;
      /* Each excluded pair once, from its first element. */
      for (guint o = e + 1; o < problem->n; o++)
        if ((elements & (G_GUINT64_CONSTANT (1) << o)) &&
            (problem->excludes[e] & (G_GUINT64_CONSTANT (1) << o)))
          {
            feasible = FALSE;
            if (conflicts != NULL)
              g_ptr_array_add (conflicts, g_strdup_printf (_("“%s” excludes “%s”"),
                                                           problem->element_names[e],
                                                           problem->element_names[o]));
          }
      if (problem->excludes[e] & (G_GUINT64_CONSTANT (1) << e))
        {
          feasible = FALSE;
          if (conflicts != NULL)
            g_ptr_array_add (conflicts, g_strdup_printf (_("“%s” excludes itself"),
                                                         problem->element_names[e]));
        }
      for (guint o = 0; o < problem->n; o++)
        if ((problem->requires[e] & (G_GUINT64_CONSTANT (1) << o)) &&
            !(elements & (G_GUINT64_CONSTANT (1) << o)))
          {
            feasible = FALSE;
            if (conflicts != NULL)
              g_ptr_array_add (conflicts, g_strdup_printf (_("“%s” requires “%s”"),
                                                           problem->element_names[e],
                                                           problem->element_names[o]));
          }
    }
  return feasible;
}

static void
evaluate_into (const FrBundleProblem *problem,
               guint64                elements,
               double                *raw,
               double                *value,
               double                *scores,
               double                *utility)
{
  const guint m = problem->m;

  memcpy (raw, problem->baseline, m * sizeof (double));
  /* Elements in index order, the order the search adds them in, so that
   * both give bit-identical scores. */
  for (guint e = 0; e < problem->n; e++)
    if (elements & (G_GUINT64_CONSTANT (1) << e))
      for (guint i = 0; i < problem->n_touched[e]; i++)
        {
          guint c = problem->touched[(gsize) e * m + i];

          raw[c] += problem->delta[(gsize) e * m + c];
        }
  for (guint c = 0; c < m; c++)
    {
      value[c] = criterion_value (problem, c, raw[c]);
      if (scores != NULL)
        scores[c] = problem->clamped[c] ? CLAMP (raw[c], problem->scale_min[c], problem->scale_max[c]) : raw[c];
    }
  if (utility != NULL)
    for (guint t = 0; t < problem->s; t++)
      {
        double sum = 0.0;

        for (guint c = 0; c < m; c++)
          sum += problem->weights[(gsize) t * m + c] * value[c];
        utility[t] = sum;
      }
}

void
fr_bundle_problem_evaluate (const FrBundleProblem *problem,
                            guint64                elements,
                            double                *scores,
                            double                *utility)
{
  g_autofree double *raw = NULL;
  g_autofree double *value = NULL;

  g_return_if_fail (problem != NULL);

  raw = g_new (double, MAX (problem->m, 1));
  value = g_new (double, MAX (problem->m, 1));
  evaluate_into (problem, elements, raw, value, scores, utility);
}

char *
fr_bundle_problem_describe (const FrBundleProblem *problem,
                            guint64                elements)
{
  GString *text;

  g_return_val_if_fail (problem != NULL, NULL);

  text = g_string_new (NULL);
  for (guint e = 0; e < problem->n; e++)
    if (elements & (G_GUINT64_CONSTANT (1) << e))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, problem->element_names[e]);
      }
  if (text->len == 0)
    g_string_append (text, _("(none)"));
  return g_string_free (text, FALSE);
}

/* ---- The search -------------------------------------------------------- */

typedef enum {
  SEARCH_BEST,
  SEARCH_PARETO,
  SEARCH_COUNT,
} SearchMode;

typedef struct {
  guint64 elements;
  double *utility;          /* s doubles in the pool */
} Entry;

typedef struct {
  const FrBundleProblem *problem;
  SearchMode mode;
  guint target;
  guint k;
  gboolean respect_reservations;
  GCancellable *cancellable;
  gboolean cancelled;

  double *raw;              /* m: the current bundle's raw sums */
  double *value;            /* m */
  double *stack;            /* (n + 1) × s: utilities along the path */
  double *saved;            /* n × m × 2: raw and value before an element */
  double *exact;            /* s: scratch */
  double *scratch;          /* 2 × m */

  /* Results: BEST keeps a sorted array of at most k entries (worst
   * last); PARETO keeps the archive of non-dominated bundles. */
  GArray *entries;          /* Entry */
  GArray *pool;             /* double: the entries' utilities */
  guint64 nodes;
  guint64 leaves;
} Search;

static gboolean
entry_better (const Search *search,
              double        utility,
              guint64       elements,
              const Entry  *than)
{
  double other = than->utility[search->target];

  if (utility != other)
    return utility > other;
  return elements < than->elements;
}

static void
store_entry (Search       *search,
             guint         index,
             guint64       elements,
             const double *utility)
{
  Entry *entry = &g_array_index (search->entries, Entry, index);

  entry->elements = elements;
  memcpy (entry->utility, utility, search->problem->s * sizeof (double));
}

static void
leaf_best (Search       *search,
           guint64       elements,
           const double *approx)
{
  const FrBundleProblem *problem = search->problem;
  GArray *entries = search->entries;
  double u;
  guint pos;

  /* Cheap test on the incremental sums first, then exactly. */
  if (search->respect_reservations)
    for (guint t = 0; t < problem->s; t++)
      if (t != search->target && approx[t] < problem->reservation[t] - BOUND_SLACK)
        return;
  if (entries->len == search->k &&
      approx[search->target] < g_array_index (entries, Entry, entries->len - 1).utility[search->target] - BOUND_SLACK)
    return;

  evaluate_into (problem, elements, search->scratch, search->scratch + problem->m, NULL, search->exact);
  if (search->respect_reservations)
    for (guint t = 0; t < problem->s; t++)
      if (t != search->target && search->exact[t] < problem->reservation[t])
        return;
  u = search->exact[search->target];
  if (entries->len == search->k &&
      !entry_better (search, u, elements, &g_array_index (entries, Entry, entries->len - 1)))
    return;

  pos = MIN (entries->len, search->k - 1);
  while (pos > 0 && entry_better (search, u, elements, &g_array_index (entries, Entry, pos - 1)))
    pos--;
  if (entries->len < search->k)
    {
      Entry fresh = { 0, NULL };

      fresh.utility = &g_array_index (search->pool, double, (gsize) entries->len * problem->s);
      g_array_append_val (entries, fresh);
    }
  /* Shift the worse ones down one place, reusing the last slot's storage. */
  {
    double *spare = g_array_index (entries, Entry, entries->len - 1).utility;

    for (guint i = entries->len - 1; i > pos; i--)
      g_array_index (entries, Entry, i) = g_array_index (entries, Entry, i - 1);
    g_array_index (entries, Entry, pos).utility = spare;
    store_entry (search, pos, elements, search->exact);
  }
}

static void
leaf_pareto (Search       *search,
             guint64       elements,
             const double *approx)
{
  const FrBundleProblem *problem = search->problem;
  const guint s = problem->s;
  GArray *entries = search->entries;
  guint kept = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      const double *a = g_array_index (entries, Entry, i).utility;
      gboolean covers = TRUE, better = FALSE;

      for (guint t = 0; t < s && covers; t++)
        {
          if (a[t] < approx[t] + BOUND_SLACK)
            covers = FALSE;
          else if (a[t] > approx[t] + BOUND_SLACK)
            better = TRUE;
        }
      if (covers && better)
        return;
    }
  evaluate_into (problem, elements, search->scratch, search->scratch + problem->m, NULL, search->exact);
  for (guint i = 0; i < entries->len; i++)
    if (fr_pareto_dominates (g_array_index (entries, Entry, i).utility, search->exact, 1, s))
      return;
  /* Drop what the newcomer dominates, compacting in place. */
  for (guint i = 0; i < entries->len; i++)
    {
      Entry entry = g_array_index (entries, Entry, i);

      if (fr_pareto_dominates (search->exact, entry.utility, 1, s))
        continue;
      if (kept != i)
        {
          Entry *to = &g_array_index (entries, Entry, kept);

          to->elements = entry.elements;
          memcpy (to->utility, entry.utility, s * sizeof (double));
        }
      kept++;
    }
  g_array_set_size (entries, kept);
  if (s * (gsize) (kept + 1) > search->pool->len)
    {
      /* The pool moves when it grows: repoint every entry. */
      g_array_set_size (search->pool, MAX (s * (gsize) (kept + 1), 2 * search->pool->len));
      for (guint i = 0; i < kept; i++)
        g_array_index (entries, Entry, i).utility = &g_array_index (search->pool, double, (gsize) i * s);
    }
  {
    Entry fresh = { elements, &g_array_index (search->pool, double, (gsize) kept * s) };

    g_array_append_val (entries, fresh);
    memcpy (fresh.utility, search->exact, s * sizeof (double));
  }
}

static gboolean
prune (Search       *search,
       guint         depth,
       const double *utility)
{
  const FrBundleProblem *problem = search->problem;
  const guint s = problem->s;
  const double *suffix = problem->suffix + (gsize) depth * s;
  GArray *entries = search->entries;

  if (search->mode == SEARCH_COUNT)
    return FALSE;
  if (search->mode == SEARCH_BEST)
    {
      if (search->respect_reservations)
        for (guint t = 0; t < s; t++)
          if (t != search->target && utility[t] + suffix[t] < problem->reservation[t] - BOUND_SLACK)
            return TRUE;
      return entries->len == search->k &&
             utility[search->target] + suffix[search->target] <
             g_array_index (entries, Entry, entries->len - 1).utility[search->target] - BOUND_SLACK;
    }

  /* Pareto: prune when some archived bundle beats the branch's optimistic
   * corner by more than the slack on every stakeholder it is not equal. */
  for (guint i = 0; i < entries->len; i++)
    {
      const double *a = g_array_index (entries, Entry, i).utility;
      gboolean covers = TRUE, better = FALSE;

      for (guint t = 0; t < s && covers; t++)
        {
          double bound = utility[t] + suffix[t] + BOUND_SLACK;

          if (a[t] < bound)
            covers = FALSE;
          else if (a[t] > bound)
            better = TRUE;
        }
      if (covers && better)
        return TRUE;
    }
  return FALSE;
}

static void
descend (Search  *search,
         guint    depth,
         guint64  elements)
{
  const FrBundleProblem *problem = search->problem;
  const guint s = problem->s, m = problem->m;
  const double *utility = search->stack + (gsize) depth * s;
  double *next = search->stack + (gsize) (depth + 1) * s;
  guint64 bit, below;

  if (search->cancelled)
    return;
  if ((++search->nodes % CANCEL_CHECK_EVERY) == 0 && g_cancellable_is_cancelled (search->cancellable))
    {
      search->cancelled = TRUE;
      return;
    }

  if (depth == problem->n)
    {
      search->leaves++;
      if (search->mode == SEARCH_BEST)
        leaf_best (search, elements, utility);
      else if (search->mode == SEARCH_PARETO)
        leaf_pareto (search, elements, utility);
      return;
    }
  if (prune (search, depth, utility))
    return;

  bit = G_GUINT64_CONSTANT (1) << depth;
  below = bit - 1;

  /* With the element: it must not clash with what is in, nor need what
   * was left out. */
  if (!(problem->excludes[depth] & (elements | bit)) &&
      !(problem->requires[depth] & below & ~elements))
    {
      const guint *touched = problem->touched + (gsize) depth * m;
      double *saved = search->saved + (gsize) depth * m * 2;

      memcpy (next, utility, s * sizeof (double));
      for (guint i = 0; i < problem->n_touched[depth]; i++)
        {
          guint c = touched[i];
          double before = search->value[c];

          saved[2 * i] = search->raw[c];
          saved[2 * i + 1] = before;
          search->raw[c] += problem->delta[(gsize) depth * m + c];
          search->value[c] = criterion_value (problem, c, search->raw[c]);
          for (guint t = 0; t < s; t++)
            next[t] += problem->weights[(gsize) t * m + c] * (search->value[c] - before);
        }
      descend (search, depth + 1, elements | bit);
      for (guint i = 0; i < problem->n_touched[depth]; i++)
        {
          guint c = touched[i];

          search->raw[c] = saved[2 * i];
          search->value[c] = saved[2 * i + 1];
        }
    }

  /* Without it: nothing already in may need it. */
  if (!(problem->required_by[depth] & elements))
    {
      memcpy (next, utility, s * sizeof (double));
      descend (search, depth + 1, elements);
    }
}

static FrBundleList *
run_search (Search   *search,
            GError  **error)
{
  const FrBundleProblem *problem = search->problem;
  const guint s = problem->s, m = problem->m, n = problem->n;
  FrBundleList *list;

  search->raw = g_new (double, MAX (m, 1));
  search->value = g_new (double, MAX (m, 1));
  search->stack = g_new (double, (gsize) (n + 1) * MAX (s, 1));
  search->saved = g_new (double, MAX ((gsize) n * m * 2, 1));
  search->exact = g_new (double, MAX (s, 1));
  search->scratch = g_new (double, MAX (2 * m, 1));
  search->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  search->pool = g_array_new (FALSE, TRUE, sizeof (double));
  /* The best-k list never grows past k, so its storage never moves. */
  g_array_set_size (search->pool, MAX (s, 1) * (search->mode == SEARCH_BEST ? MAX (search->k, 1) : 16));
  memcpy (search->raw, problem->baseline, m * sizeof (double));
  memcpy (search->value, problem->baseline_value, m * sizeof (double));
  memcpy (search->stack, problem->base_utility, s * sizeof (double));

  search->cancelled = g_cancellable_is_cancelled (search->cancellable);
  if (search->mode != SEARCH_BEST || search->k > 0)
    descend (search, 0, 0);

  list = NULL;
  if (search->cancelled)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The bundle search was cancelled"));
  else
    {
      GArray *entries = search->entries;
      g_autofree guint *order = g_new (guint, MAX (entries->len, 1));
      g_autofree double *total = g_new0 (double, MAX (entries->len, 1));

      for (guint i = 0; i < entries->len; i++)
        {
          order[i] = i;
          for (guint t = 0; t < s; t++)
            total[i] += g_array_index (entries, Entry, i).utility[t];
        }
      if (search->mode == SEARCH_PARETO)
        {
          /* Insertion sort by decreasing total, then by element bits. */
          for (guint i = 1; i < entries->len; i++)
            for (guint j = i; j > 0; j--)
              {
                guint a = order[j - 1], b = order[j];
                guint64 ea = g_array_index (entries, Entry, a).elements;
                guint64 eb = g_array_index (entries, Entry, b).elements;

                if (total[b] > total[a] || (total[b] == total[a] && eb < ea))
                  {
                    order[j - 1] = b;
                    order[j] = a;
                  }
                else
                  break;
              }
        }
      list = g_new0 (FrBundleList, 1);
      list->n_bundles = entries->len;
      list->n_stakeholders = s;
      list->elements = g_new0 (guint64, MAX (entries->len, 1));
      list->utility = g_new0 (double, MAX ((gsize) entries->len * s, 1));
      list->n_nodes = search->nodes;
      list->n_leaves = search->leaves;
      for (guint i = 0; i < entries->len; i++)
        {
          const Entry *entry = &g_array_index (entries, Entry, order[i]);

          list->elements[i] = entry->elements;
          memcpy (list->utility + (gsize) i * s, entry->utility, s * sizeof (double));
        }
    }

  g_free (search->raw);
  g_free (search->value);
  g_free (search->stack);
  g_free (search->saved);
  g_free (search->exact);
  g_free (search->scratch);
  g_array_unref (search->entries);
  g_array_unref (search->pool);
  return list;
}

FrBundleList *
fr_bundle_problem_best (const FrBundleProblem  *problem,
                        guint                   target,
                        guint                   k,
                        gboolean                respect_reservations,
                        GCancellable           *cancellable,
                        GError                **error)
{
  Search search = { 0 };

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (target < problem->s, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  search.problem = problem;
  search.mode = SEARCH_BEST;
  search.target = target;
  search.k = k;
  search.respect_reservations = respect_reservations;
  search.cancellable = cancellable;
  return run_search (&search, error);
}

FrBundleList *
fr_bundle_problem_pareto (const FrBundleProblem  *problem,
                          GCancellable           *cancellable,
                          GError                **error)
{
  Search search = { 0 };

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problem->s == 0)
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("The document has no stakeholders to compare bundles for"));
      return NULL;
    }
  search.problem = problem;
  search.mode = SEARCH_PARETO;
  search.cancellable = cancellable;
  return run_search (&search, error);
}

guint64
fr_bundle_problem_count_feasible (const FrBundleProblem  *problem,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  Search search = { 0 };
  g_autoptr(FrBundleList) list = NULL;

  g_return_val_if_fail (problem != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  search.problem = problem;
  search.mode = SEARCH_COUNT;
  search.cancellable = cancellable;
  list = run_search (&search, error);
  return list != NULL ? list->n_leaves : 0;
}

void
fr_bundle_list_free (FrBundleList *list)
{
  if (list == NULL)
    return;
  g_free (list->elements);
  g_free (list->utility);
  g_free (list);
}
