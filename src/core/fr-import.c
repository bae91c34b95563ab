/* fr-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-import.h"

char *
fr_make_id (const char *name,
            const char *fallback,
            GHashTable *taken)
{
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  g_autofree char *base = NULL;
  char *unique;

  for (const char *p = ascii; *p != '\0' && id->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  /* XML ids may not start with a digit. */
  if (id->len == 0 || g_ascii_isdigit (id->str[0]))
    g_string_prepend (id, id->len == 0 ? fallback : "x-");

  base = g_string_free (g_steal_pointer (&id), FALSE);
  unique = g_strdup (base);
  for (guint n = 2; taken != NULL && g_hash_table_contains (taken, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", base, n);
    }
  if (taken != NULL)
    g_hash_table_add (taken, g_strdup (unique));
  return unique;
}

FrModel *
fr_model_new_from_matrix (const FrMatrix *matrix,
                          const char     *title,
                          const char     *source_name)
{
  FrModel *model = fr_model_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) criterion_ids = g_ptr_array_new ();
  FrStakeholder *analyst;
  FrSource *source;

  g_return_val_if_fail (matrix != NULL, model);

  model->title = g_strdup (title);
  model->description = g_strdup (_("Imported from a decision matrix. Set each criterion’s direction, scale and "
                                   "description, and add stakeholders with their own weights."));
  source = fr_source_new ("imported-matrix", source_name ? source_name : _("Imported matrix"));
  g_hash_table_add (taken, g_strdup (source->id));
  g_ptr_array_add (model->sources, source);

  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      const FrMatrixCriterion *column = &matrix->criteria[c];
      g_autofree char *id = fr_make_id (column->name, "criterion", taken);
      FrCriterion *criterion = fr_criterion_new (id, column->name);

      criterion->direction = column->direction;
      criterion->has_scale = column->has_scale;
      criterion->scale_min = column->scale_min;
      criterion->scale_max = column->scale_max;
      criterion->preference = column->preference;
      g_ptr_array_add (model->criteria, criterion);
      g_ptr_array_add (criterion_ids, criterion->id);
    }

  for (guint o = 0; o < matrix->n_options; o++)
    {
      g_autofree char *id = fr_make_id (matrix->option_names[o], "option", taken);
      FrOption *option = fr_option_new (id, matrix->option_names[o]);

      for (guint c = 0; c < matrix->n_criteria; c++)
        {
          gsize cell = (gsize) o * matrix->n_criteria + c;
          FrScore *score = fr_score_new (matrix->values[cell]);

          if (matrix->low != NULL && matrix->high != NULL &&
              (matrix->low[cell] != matrix->values[cell] || matrix->high[cell] != matrix->values[cell]))
            {
              score->has_range = TRUE;
              score->low = matrix->low[cell];
              score->high = matrix->high[cell];
            }
          score->source_id = g_strdup (source->id);
          g_hash_table_insert (option->scores, g_strdup (g_ptr_array_index (criterion_ids, c)), score);
        }
      g_ptr_array_add (model->options, option);
    }

  analyst = fr_stakeholder_new ("analyst", _("Analyst"));
  analyst->reservation = 0.5;
  analyst->rationale = g_strdup (_("Equal weights until the analyst sets them."));
  for (guint c = 0; c < criterion_ids->len; c++)
    g_hash_table_insert (analyst->weights, g_strdup (g_ptr_array_index (criterion_ids, c)),
                         fr_weight_new (1.0 / MAX (criterion_ids->len, 1)));
  g_ptr_array_add (model->stakeholders, analyst);
  return model;
}
