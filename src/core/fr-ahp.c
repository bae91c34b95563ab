/* fr-ahp.c — priorities from pairwise comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saaty, T. L. (1980) The Analytic Hierarchy Process: Planning, Priority
 * Setting, Resource Allocation. McGraw-Hill, New York: the principal
 * eigenvector, λmax, CI = (λmax − n)/(n − 1), CR = CI/RI and the random
 * index table. The judgement to revise is the one whose Saaty ratio
 * ε_ij = a_ij w_j / w_i is furthest from 1 in the sense of |ln ε_ij|, which
 * treats a judgement twice too high and twice too low alike (ε_ji = 1/ε_ij
 * in a reciprocal matrix, so each pair is looked at once).
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-ahp.h"
#include "fr-csv.h"
#include "fr-error.h"
#include "fr-limits.h"

/* Power iteration converges geometrically for a positive matrix; this many
 * steps is far beyond what any pairwise matrix needs. */
#define MAX_ITERATIONS 100000

double
fr_ahp_random_index (guint n)
{
  /* Saaty (1980): the average CI of random reciprocal matrices of order n. */
  static const double ri[] = { 0.0, 0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 };

  if (n < G_N_ELEMENTS (ri))
    return ri[n];
  return NAN;
}

static char *
item_label (const char *const *names,
            guint              i)
{
  if (names != NULL && names[i] != NULL)
    return g_strdup (names[i]);
  return g_strdup_printf ("%u", i + 1);
}

gboolean
fr_ahp_check (const double       *matrix,
              guint               n,
              const char *const  *names,
              GError            **error)
{
  g_return_val_if_fail (matrix != NULL || n == 0, FALSE);

  if (n == 0)
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("A pairwise comparison needs at least one item"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double a = matrix[(gsize) i * n + j];
        double b = matrix[(gsize) j * n + i];
        g_autofree char *row = NULL;
        g_autofree char *column = NULL;

        if (isfinite (a) && a > 0.0 &&
            (i != j || fabs (a - 1.0) <= FR_AHP_RECIPROCAL_TOLERANCE) &&
            (!(isfinite (b) && b > 0.0) || fabs (a * b - 1.0) <= FR_AHP_RECIPROCAL_TOLERANCE))
          continue;

        row = item_label (names, i);
        column = item_label (names, j);
        if (!(isfinite (a) && a > 0.0))
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("The judgement of “%s” over “%s” must be a positive number"),
                       row, column);
        else if (i == j)
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("The judgement of “%s” over itself must be 1"), row);
        else
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("The judgements of “%s” over “%s” (%g) and back (%g) are not reciprocal"),
                       row, column, a, b);
        return FALSE;
      }
  return TRUE;
}

void
fr_ahp_result_clear (FrAhpResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->priorities, g_free);
  memset (result, 0, sizeof *result);
}

gboolean
fr_ahp_analyse (const double       *matrix,
                guint               n,
                const char *const  *names,
                FrAhpResult        *result,
                GError            **error)
{
  g_autofree double *a = NULL;
  g_autofree double *next = NULL;
  double *w;
  double lambda = 0.0, worst = -1.0;
  guint iteration;

  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!fr_ahp_check (matrix, n, names, error))
    return FALSE;

  a = g_new (double, (gsize) n * n);
  for (guint i = 0; i < n; i++)
    {
      a[(gsize) i * n + i] = 1.0;
      for (guint j = i + 1; j < n; j++)
        {
          double upper = matrix[(gsize) i * n + j];
          double lower = matrix[(gsize) j * n + i];
          if (upper >= 1.0)
            lower = 1.0 / upper;
          else
            upper = 1.0 / lower;
          a[(gsize) i * n + j] = upper;
          a[(gsize) j * n + i] = lower;
        }
    }

  /* Row geometric means start the iteration next to the answer (they are
   * the answer for a consistent matrix). */
  w = g_new (double, n);
  next = g_new (double, n);
  {
    double sum = 0.0;
    for (guint i = 0; i < n; i++)
      {
        double log_sum = 0.0;
        for (guint j = 0; j < n; j++)
          log_sum += log (a[(gsize) i * n + j]);
        w[i] = exp (log_sum / n);
        sum += w[i];
      }
    for (guint i = 0; i < n; i++)
      w[i] /= sum;
  }

  for (iteration = 1; iteration <= MAX_ITERATIONS; iteration++)
    {
      double sum = 0.0, change = 0.0;

      for (guint i = 0; i < n; i++)
        {
          const double *row = a + (gsize) i * n;
          double s = 0.0;
          for (guint j = 0; j < n; j++)
            s += row[j] * w[j];
          next[i] = s;
          sum += s;
        }
      for (guint i = 0; i < n; i++)
        {
          next[i] /= sum;
          change = MAX (change, fabs (next[i] - w[i]));
          w[i] = next[i];
        }
      if (change < FR_AHP_TOLERANCE)
        break;
    }

  /* With Σw = 1, Σ_i (Aw)_i is λ·Σw = λ. */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      lambda += a[(gsize) i * n + j] * w[j];

  result->n = n;
  result->priorities = w;
  result->iterations = MIN (iteration, MAX_ITERATIONS);
  result->lambda_max = lambda;
  result->ri = fr_ahp_random_index (n);
  if (n <= 2)
    {
      /* Every 1×1 and 2×2 reciprocal matrix is consistent. */
      result->lambda_max = n;
      result->ci = 0.0;
      result->cr = 0.0;
    }
  else
    {
      result->ci = (lambda - n) / (n - 1);
      result->cr = isnan (result->ri) ? NAN : result->ci / result->ri;
    }

  result->worst_i = result->worst_j = n;
  result->worst_epsilon = 1.0;
  result->suggested = 1.0;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double epsilon = a[(gsize) i * n + j] * w[j] / w[i];
        double deviation = fabs (log (epsilon));
        if (deviation > worst)
          {
            worst = deviation;
            result->worst_i = i;
            result->worst_j = j;
            result->worst_epsilon = epsilon;
            result->suggested = w[i] / w[j];
          }
      }
  return TRUE;
}

static gboolean
parse_judgement (const FrCsvTable  *table,
                 const FrCsvField  *field,
                 double            *value,
                 GError           **error)
{
  const char *slash = strchr (field->text, '/');
  double numerator, denominator;

  if (slash == NULL)
    {
      if (!fr_csv_field_to_double (table, field, value, error))
        return FALSE;
    }
  else
    {
      FrCsvField part = *field;
      g_autofree char *top = g_strndup (field->text, (gsize) (slash - field->text));
      g_autofree char *bottom = g_strdup (slash + 1);

      part.text = top;
      if (!fr_csv_field_to_double (table, &part, &numerator, error))
        return FALSE;
      part.text = bottom;
      part.column = field->column + (guint) g_utf8_strlen (field->text, slash - field->text) + 1;
      if (!fr_csv_field_to_double (table, &part, &denominator, error))
        return FALSE;
      if (denominator == 0.0)
        {
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, part.line, part.column,
                            _("a fraction with a zero denominator"));
          return FALSE;
        }
      *value = numerator / denominator;
    }
  if (!(*value > 0.0) || !isfinite (*value))
    {
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line, field->column,
                        _("a judgement must be a positive number such as 3 or 1/3"));
      return FALSE;
    }
  return TRUE;
}

void
fr_ahp_pairwise_free (FrAhpPairwise *pairwise)
{
  if (pairwise == NULL)
    return;
  g_strfreev (pairwise->names);
  g_free (pairwise->matrix);
  g_free (pairwise);
}

static gboolean
blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (*text != ' ' && *text != '\t')
      return FALSE;
  return TRUE;
}

FrAhpPairwise *
fr_ahp_pairwise_parse_csv (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(FrCsvTable) table = NULL;
  g_autoptr(FrAhpPairwise) pairwise = NULL;
  g_autofree char *message = NULL;
  const FrCsvField **cells = NULL;
  GArray *header;
  guint n;

  table = fr_csv_parse (data, length, display_name, error);
  if (table == NULL)
    return NULL;
  if (table->rows->len == 0)
    {
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, 1, 1,
                        _("the file is empty; expected a header row of item names"));
      return NULL;
    }
  header = g_ptr_array_index (table->rows, 0);
  if (header->len < 2)
    {
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, 1, 1,
                        _("the header needs a label cell and at least one item name"));
      return NULL;
    }
  n = header->len - 1;
  if (n > FR_XML_MAX_CRITERIA)
    {
      const FrCsvField *at = &g_array_index (header, FrCsvField, FR_XML_MAX_CRITERIA + 1);
      message = g_strdup_printf (_("more than %d items"), FR_XML_MAX_CRITERIA);
      fr_csv_set_error (error, FR_ERROR_TOO_LARGE, table->display_name, at->line, at->column, message);
      return NULL;
    }
  if (table->rows->len - 1 != n)
    {
      const FrCsvField *at = &g_array_index ((GArray *) g_ptr_array_index (table->rows, table->rows->len - 1),
                                             FrCsvField, 0);
      message = g_strdup_printf (_("the matrix is not square: %u items in the header but %u rows"),
                                 n, table->rows->len - 1);
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, at->line, at->column, message);
      return NULL;
    }

  pairwise = g_new0 (FrAhpPairwise, 1);
  pairwise->n = n;
  pairwise->names = g_new0 (char *, n + 1);
  pairwise->matrix = g_new (double, (gsize) n * n);
  for (guint i = 0; i < n; i++)
    {
      const FrCsvField *field = &g_array_index (header, FrCsvField, i + 1);
      pairwise->names[i] = g_strstrip (g_strdup (field->text));
      if (pairwise->names[i][0] == '\0')
        {
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                            field->column, _("an empty item name"));
          return NULL;
        }
      for (guint k = 0; k < i; k++)
        if (g_str_equal (pairwise->names[k], pairwise->names[i]))
          {
            message = g_strdup_printf (_("item “%s” appears twice"), pairwise->names[i]);
            fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                              field->column, message);
            return NULL;
          }
    }

  cells = g_new0 (const FrCsvField *, (gsize) n * n);
  for (guint i = 0; i < n; i++)
    {
      GArray *row = g_ptr_array_index (table->rows, i + 1);
      const FrCsvField *first = &g_array_index (row, FrCsvField, 0);
      g_autofree char *name = g_strstrip (g_strdup (first->text));

      if (row->len != n + 1)
        {
          const FrCsvField *at = row->len > n + 1 ? &g_array_index (row, FrCsvField, n + 1)
                                                  : &g_array_index (row, FrCsvField, row->len - 1);
          message = g_strdup_printf (_("this row has %u fields but the header has %u"),
                                     row->len, n + 1);
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, at->line, at->column, message);
          goto fail;
        }
      if (!g_str_equal (name, pairwise->names[i]))
        {
          message = g_strdup_printf (_("row “%s” should be “%s”: rows must list the items in the header’s order"),
                                     name, pairwise->names[i]);
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, first->line,
                            first->column, message);
          goto fail;
        }
      for (guint j = 0; j < n; j++)
        {
          const FrCsvField *field = &g_array_index (row, FrCsvField, j + 1);
          cells[(gsize) i * n + j] = field;
          if (blank (field->text))
            pairwise->matrix[(gsize) i * n + j] = NAN;
          else if (!parse_judgement (table, field, &pairwise->matrix[(gsize) i * n + j], error))
            goto fail;
        }
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i; j < n; j++)
      {
        double *a = &pairwise->matrix[(gsize) i * n + j];
        double *b = &pairwise->matrix[(gsize) j * n + i];
        const FrCsvField *field = cells[(gsize) i * n + j];

        if (i == j)
          {
            if (isnan (*a))
              *a = 1.0;
            else if (fabs (*a - 1.0) > FR_AHP_RECIPROCAL_TOLERANCE)
              {
                message = g_strdup_printf (_("“%s” compared with itself must be 1"), pairwise->names[i]);
                fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                                  field->column, message);
                goto fail;
              }
            continue;
          }
        if (isnan (*a) && isnan (*b))
          {
            message = g_strdup_printf (_("no judgement between “%s” and “%s”: fill this cell or its mirror"),
                                       pairwise->names[i], pairwise->names[j]);
            fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                              field->column, message);
            goto fail;
          }
        if (isnan (*a))
          *a = 1.0 / *b;
        else if (isnan (*b))
          *b = 1.0 / *a;
        else if (fabs (*a * *b - 1.0) > FR_AHP_RECIPROCAL_TOLERANCE)
          {
            const FrCsvField *mirror = cells[(gsize) j * n + i];
            g_autofree char *given = g_strstrip (g_strdup (field->text));
            g_autofree char *expected = NULL;
            const char *slash = strchr (given, '/');

            /* Suggest the reciprocal in the form the user wrote. */
            if (slash != NULL)
              {
                g_autofree char *top = g_strstrip (g_strndup (given, (gsize) (slash - given)));
                g_autofree char *bottom = g_strstrip (g_strdup (slash + 1));
                expected = g_strdup_printf ("%s/%s", bottom, top);
              }
            else
              expected = g_strdup_printf ("1/%s", given);
            message = g_strdup_printf (_("not reciprocal: “%s” over “%s” is %s, but “%s” over “%s” (line %u, column %u) is %s, so this cell should be %s"),
                                       pairwise->names[j], pairwise->names[i], g_strstrip (mirror->text),
                                       pairwise->names[i], pairwise->names[j], field->line, field->column,
                                       given, expected);
            fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, mirror->line,
                              mirror->column, message);
            goto fail;
          }
      }

  g_free (cells);
  return g_steal_pointer (&pairwise);

fail:
  g_free (cells);
  return NULL;
}

FrAhpPairwise *
fr_ahp_pairwise_load_csv (const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = fr_csv_read_file (path, error);
  const char *data;
  gsize length;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return fr_ahp_pairwise_parse_csv (data != NULL ? data : "", length, path, error);
}

static FrWeight *
ensure_weight (GHashTable *weights,
               const char *id)
{
  FrWeight *weight = g_hash_table_lookup (weights, id);
  if (weight == NULL)
    {
      weight = fr_weight_new (0.0);
      g_hash_table_insert (weights, g_strdup (id), weight);
    }
  return weight;
}

static void
set_weight (FrWeight *weight,
            double    value)
{
  if (weight->has_interval && weight->value > 0.0)
    {
      double factor = value / weight->value;
      weight->low *= factor;
      weight->high *= factor;
    }
  else
    {
      weight->has_interval = FALSE;
      weight->low = weight->high = value;
    }
  weight->value = value;
}

gboolean
fr_ahp_apply_to_group (const FrModel      *model,
                       const char         *group_id,
                       const char *const  *child_ids,
                       const double       *priorities,
                       guint               n,
                       GHashTable         *weights,
                       GError            **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  double total = 0.0, priority_sum = 0.0;

  g_return_val_if_fail (model != NULL && weights != NULL, FALSE);
  g_return_val_if_fail (n == 0 || (child_ids != NULL && priorities != NULL), FALSE);

  for (guint k = 0; k < n; k++)
    {
      FrCriterion *child = fr_model_find_criterion (model, child_ids[k]);

      if (child == NULL || g_strcmp0 (child->parent_id, group_id) != 0)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("“%s” is not a criterion directly under “%s”"),
                       child_ids[k], group_id != NULL ? group_id : _("the top level"));
          return FALSE;
        }
      for (guint l = 0; l < k; l++)
        if (g_ptr_array_index (children, l) == child)
          {
            g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                         _("Criterion “%s” is compared twice"), child_ids[k]);
            return FALSE;
          }
      if (!isfinite (priorities[k]) || priorities[k] < 0.0)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("The priority of “%s” is not a non-negative number"), child_ids[k]);
          return FALSE;
        }
      g_ptr_array_add (children, child);
      priority_sum += priorities[k];
    }
  if (n == 0)
    return TRUE;
  if (!(priority_sum > 0.0))
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID, _("All priorities are zero"));
      return FALSE;
    }

  for (guint i = 0; i < model->criteria->len; i++)
    {
      FrCriterion *leaf = g_ptr_array_index (model->criteria, i);
      FrWeight *weight;

      if (leaf->is_group)
        continue;
      weight = g_hash_table_lookup (weights, leaf->id);
      if (weight == NULL || !(weight->value > 0.0) || !isfinite (weight->value))
        continue;
      for (guint k = 0; k < n; k++)
        if (fr_model_criterion_is_under (model, leaf, child_ids[k]))
          {
            total += weight->value;
            break;
          }
    }
  if (!(total > 0.0))
    total = 1.0;

  for (guint k = 0; k < n; k++)
    {
      FrCriterion *child = g_ptr_array_index (children, k);
      double share = total * priorities[k] / priority_sum;
      double current = 0.0;
      guint count = 0;

      if (!child->is_group)
        {
          set_weight (ensure_weight (weights, child->id), share);
          continue;
        }
      for (guint i = 0; i < model->criteria->len; i++)
        {
          FrCriterion *leaf = g_ptr_array_index (model->criteria, i);
          FrWeight *weight;
          if (leaf->is_group || !fr_model_criterion_is_under (model, leaf, child->id))
            continue;
          weight = g_hash_table_lookup (weights, leaf->id);
          if (weight != NULL && weight->value > 0.0 && isfinite (weight->value))
            current += weight->value;
          count++;
        }
      for (guint i = 0; i < model->criteria->len; i++)
        {
          FrCriterion *leaf = g_ptr_array_index (model->criteria, i);
          FrWeight *weight;
          double old;
          if (leaf->is_group || !fr_model_criterion_is_under (model, leaf, child->id))
            continue;
          weight = ensure_weight (weights, leaf->id);
          old = weight->value > 0.0 && isfinite (weight->value) ? weight->value : 0.0;
          set_weight (weight, current > 0.0 ? share * old / current : share / count);
        }
    }
  return TRUE;
}
