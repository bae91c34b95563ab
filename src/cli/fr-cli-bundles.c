/* fr-cli-bundles.c — `frontier-cli bundles`: the best element bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fr-bundles.h"
#include "fr-cli.h"
#include "fr-cli-common.h"

#define MAX_TOP 10000

static char *
element_ids (const FrBundleProblem *problem,
             guint64                elements)
{
  GString *text = g_string_new (NULL);

  for (guint e = 0; e < fr_bundle_problem_get_n_elements (problem); e++)
    if (elements & (G_GUINT64_CONSTANT (1) << e))
      {
        if (text->len > 0)
          g_string_append_c (text, ',');
        g_string_append (text, fr_bundle_problem_get_element_id (problem, e));
      }
  if (text->len == 0)
    g_string_append_c (text, '-');
  return g_string_free (text, FALSE);
}

static void
write_tsv (const FrBundleProblem *problem,
           const FrBundleList    *list,
           GString               *out)
{
  guint s = list->n_stakeholders;

  g_string_append (out, "rank");
  for (guint t = 0; t < s; t++)
    {
      g_autofree char *id = fr_cli_tsv_field (fr_bundle_problem_get_stakeholder_id (problem, t));
      g_string_append_printf (out, "\t%s", id);
    }
  g_string_append (out, "\telements\n");
  for (guint i = 0; i < list->n_bundles; i++)
    {
      g_autofree char *ids = element_ids (problem, list->elements[i]);
      g_autofree char *field = fr_cli_tsv_field (ids);

      g_string_append_printf (out, "%u", i + 1);
      for (guint t = 0; t < s; t++)
        {
          g_autofree char *u = fr_cli_format_number (list->utility[(gsize) i * s + t]);
          g_string_append_printf (out, "\t%s", u);
        }
      g_string_append_printf (out, "\t%s\n", field);
    }
}

static void
write_bundles (FrJson                *json,
               const char            *key,
               const FrBundleProblem *problem,
               const FrBundleList    *list)
{
  guint s = list->n_stakeholders;

  fr_json_begin_array (json, key);
  for (guint i = 0; i < list->n_bundles; i++)
    {
      fr_json_begin_object (json, NULL);
      fr_json_int (json, "rank", i + 1);
      fr_json_begin_array (json, "elements");
      for (guint e = 0; e < fr_bundle_problem_get_n_elements (problem); e++)
        if (list->elements[i] & (G_GUINT64_CONSTANT (1) << e))
          fr_json_string (json, NULL, fr_bundle_problem_get_element_id (problem, e));
      fr_json_end_array (json);
      {
        g_autofree char *names = fr_bundle_problem_describe (problem, list->elements[i]);
        fr_json_string (json, "description", names);
      }
      fr_json_begin_object (json, "utility");
      for (guint t = 0; t < s; t++)
        fr_json_number (json, fr_bundle_problem_get_stakeholder_id (problem, t), list->utility[(gsize) i * s + t]);
      fr_json_end_object (json);
      fr_json_end_object (json);
    }
  fr_json_end_array (json);
}

/* --check: one bundle, its scores and every broken rule. */
static int
check_bundle (const FrBundleProblem *problem,
              const FrModel         *model,
              const char            *list,
              gboolean               json)
{
  g_auto(GStrv) ids = g_strsplit (list, ",", -1);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree double *scores = g_new0 (double, MAX (fr_bundle_problem_get_n_criteria (problem), 1));
  g_autofree double *utility = g_new0 (double, MAX (fr_bundle_problem_get_n_stakeholders (problem), 1));
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  guint64 elements = 0;
  gboolean feasible;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_strstrip (ids[i]);
      int e;

      if (*id == '\0')
        continue;
      e = fr_bundle_problem_find_element (problem, id);
      if (e < 0)
        return fr_cli_usage_error ("bundles", _("no element “%s” in the document"), id);
      elements |= G_GUINT64_CONSTANT (1) << e;
    }
  feasible = fr_bundle_problem_check (problem, elements, conflicts);
  fr_bundle_problem_evaluate (problem, elements, scores, utility);

  if (json)
    {
      g_autoptr(FrJson) j = fr_json_new ();

      fr_json_begin_object (j, NULL);
      fr_json_bool (j, "feasible", feasible);
      fr_json_begin_array (j, "conflicts");
      for (guint i = 0; i < conflicts->len; i++)
        fr_json_string (j, NULL, g_ptr_array_index (conflicts, i));
      fr_json_end_array (j);
      fr_json_begin_object (j, "scores");
      for (guint c = 0; c < leaves->len; c++)
        fr_json_number (j, ((FrCriterion *) g_ptr_array_index (leaves, c))->id, scores[c]);
      fr_json_end_object (j);
      fr_json_begin_object (j, "utility");
      for (guint t = 0; t < fr_bundle_problem_get_n_stakeholders (problem); t++)
        fr_json_number (j, fr_bundle_problem_get_stakeholder_id (problem, t), utility[t]);
      fr_json_end_object (j);
      fr_json_end_object (j);
      g_string_append (out, fr_json_text (j));
    }
  else
    {
      g_string_append_printf (out, "feasible\t%s\n", feasible ? "yes" : "no");
      for (guint i = 0; i < conflicts->len; i++)
        {
          g_autofree char *field = fr_cli_tsv_field (g_ptr_array_index (conflicts, i));
          g_string_append_printf (out, "conflict\t%s\n", field);
        }
      for (guint c = 0; c < leaves->len; c++)
        {
          g_autofree char *id = fr_cli_tsv_field (((FrCriterion *) g_ptr_array_index (leaves, c))->id);
          g_autofree char *v = fr_cli_format_number (scores[c]);
          g_string_append_printf (out, "score\t%s\t%s\n", id, v);
        }
      for (guint t = 0; t < fr_bundle_problem_get_n_stakeholders (problem); t++)
        {
          g_autofree char *id = fr_cli_tsv_field (fr_bundle_problem_get_stakeholder_id (problem, t));
          g_autofree char *v = fr_cli_format_number (utility[t]);
          g_string_append_printf (out, "utility\t%s\t%s\n", id, v);
        }
    }
  fputs (out->str, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}

int
fr_cli_bundles (int    argc,
                char **argv)
{
  g_autofree char *target_id = NULL;
  g_autofree char *top_text = NULL;
  g_autofree char *check = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean json = FALSE;
  gboolean ignore_reservations = FALSE;
  const GOptionEntry entries[] = {
    { "for", 'f', 0, G_OPTION_ARG_STRING, &target_id,
      N_("Find the bundles this stakeholder values most"), N_("STAKEHOLDER") },
    { "top", 'k', 0, G_OPTION_ARG_STRING, &top_text,
      N_("How many bundles to list (default 10)"), N_("K") },
    { "ignore-reservations", 0, 0, G_OPTION_ARG_NONE, &ignore_reservations,
      N_("Do not require the other stakeholders’ reservation levels"), NULL },
    { "check", 'c', 0, G_OPTION_ARG_STRING, &check,
      N_("Instead of searching, score one bundle and explain every rule it breaks"), N_("ELEMENT,…") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object, with the Pareto front across stakeholders"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, N_("DOCUMENT.frontier") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrBundleProblem) problem = NULL;
  g_autoptr(FrBundleList) best = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 top = 10;
  int target;

  context = g_option_context_new (_("DOCUMENT.frontier — the best bundles of elements for a stakeholder"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Searches every feasible set of the document’s elements (respecting their\n"
      "excludes and requires rules), scores each like an option, and lists the best\n"
      "for one stakeholder among those every other stakeholder rates at or above its\n"
      "reservation level. Prints “rank”, each stakeholder’s utility and “elements”\n"
      "(element ids, “-” for none) separated by tabs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("bundles", "%s", error->message);

  if (documents == NULL || g_strv_length (documents) != 1)
    return fr_cli_usage_error ("bundles", _("give one document"));
  if (check == NULL && target_id == NULL)
    return fr_cli_usage_error ("bundles", _("--for STAKEHOLDER is required"));
  if (top_text != NULL && !g_ascii_string_to_unsigned (top_text, 10, 1, MAX_TOP, &top, NULL))
    return fr_cli_usage_error ("bundles", _("--top must be a whole number from 1 to %d"), MAX_TOP);

  model = fr_cli_load_model (documents[0], &error);
  if (model == NULL)
    return fr_cli_fail ("%s", error->message);
  problem = fr_bundle_problem_new (model, &error);
  if (problem == NULL)
    return fr_cli_fail ("%s: %s", documents[0], error->message);
  if (fr_bundle_problem_get_n_elements (problem) == 0)
    return fr_cli_fail (_("%s: the document has no elements to build bundles from"), documents[0]);

  if (check != NULL)
    return check_bundle (problem, model, check, json);

  if (fr_cli_find_stakeholder (model, documents[0], target_id, &error) == NULL)
    return fr_cli_fail ("%s", error->message);
  target = fr_bundle_problem_find_stakeholder (problem, target_id);

  best = fr_bundle_problem_best (problem, (guint) target, (guint) top, !ignore_reservations, NULL, &error);
  if (best == NULL)
    return fr_cli_fail ("%s", error->message);
  if (best->n_bundles == 0)
    fprintf (stderr, "%s\n", _("No feasible bundle meets every other stakeholder’s reservation level."));

  if (json)
    {
      g_autoptr(FrJson) j = fr_json_new ();
      g_autoptr(FrBundleList) pareto = fr_bundle_problem_pareto (problem, NULL, &error);

      if (pareto == NULL)
        return fr_cli_fail ("%s", error->message);
      fr_json_begin_object (j, NULL);
      fr_json_string (j, "for", target_id);
      fr_json_bool (j, "respect_reservations", !ignore_reservations);
      write_bundles (j, "bundles", problem, best);
      write_bundles (j, "pareto", problem, pareto);
      fr_json_end_object (j);
      g_string_append (out, fr_json_text (j));
    }
  else
    write_tsv (problem, best, out);
  fputs (out->str, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}
