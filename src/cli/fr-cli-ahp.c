/* fr-cli-ahp.c — `frontier-cli ahp`: priorities from a pairwise matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "fr-ahp.h"
#include "fr-cli.h"
#include "fr-cli-common.h"

/* Saaty's rule of thumb: judgements with CR above 0.1 deserve a review. */
#define ACCEPTABLE_CR 0.1

static void
write_tsv (const FrAhpPairwise *pairwise,
           const FrAhpResult   *result,
           GString             *out)
{
  g_autofree char *lambda = fr_cli_format_number (result->lambda_max);
  g_autofree char *ci = fr_cli_format_number (result->ci);
  g_autofree char *cr = fr_cli_format_number (result->cr);

  g_string_append (out, "item\tpriority\n");
  for (guint i = 0; i < pairwise->n; i++)
    {
      g_autofree char *item = fr_cli_tsv_field (pairwise->names[i]);
      g_autofree char *priority = fr_cli_format_number (result->priorities[i]);
      g_string_append_printf (out, "%s\t%s\n", item, priority);
    }
  g_string_append_printf (out, "lambda_max\t%s\nci\t%s\ncr\t%s\n", lambda, ci, cr);
  if (result->worst_i < pairwise->n)
    {
      g_autofree char *row = fr_cli_tsv_field (pairwise->names[result->worst_i]);
      g_autofree char *column = fr_cli_tsv_field (pairwise->names[result->worst_j]);
      g_autofree char *given = fr_cli_format_number (pairwise->matrix[(gsize) result->worst_i * pairwise->n + result->worst_j]);
      g_autofree char *suggested = fr_cli_format_number (result->suggested);
      g_string_append_printf (out, "most_inconsistent\t%s\t%s\t%s\t%s\n", row, column, given, suggested);
    }
}

static void
write_json (const FrAhpPairwise *pairwise,
            const FrAhpResult   *result,
            GString             *out)
{
  g_autoptr(FrJson) json = fr_json_new ();

  fr_json_begin_object (json, NULL);
  fr_json_begin_array (json, "items");
  for (guint i = 0; i < pairwise->n; i++)
    {
      fr_json_begin_object (json, NULL);
      fr_json_string (json, "item", pairwise->names[i]);
      fr_json_number (json, "priority", result->priorities[i]);
      fr_json_end_object (json);
    }
  fr_json_end_array (json);
  fr_json_number (json, "lambda_max", result->lambda_max);
  fr_json_number (json, "ci", result->ci);
  fr_json_number (json, "ri", result->ri);
  fr_json_number (json, "cr", result->cr);
  if (isnan (result->cr))
    fr_json_null (json, "acceptable");
  else
    fr_json_bool (json, "acceptable", result->cr <= ACCEPTABLE_CR);
  fr_json_int (json, "iterations", result->iterations);
  if (result->worst_i < pairwise->n)
    {
      fr_json_begin_object (json, "most_inconsistent");
      fr_json_string (json, "row", pairwise->names[result->worst_i]);
      fr_json_string (json, "column", pairwise->names[result->worst_j]);
      fr_json_number (json, "judgement", pairwise->matrix[(gsize) result->worst_i * pairwise->n + result->worst_j]);
      fr_json_number (json, "epsilon", result->worst_epsilon);
      fr_json_number (json, "suggested", result->suggested);
      fr_json_end_object (json);
    }
  else
    fr_json_null (json, "most_inconsistent");
  fr_json_end_object (json);
  g_string_append (out, fr_json_text (json));
}

int
fr_cli_ahp (int    argc,
            char **argv)
{
  g_autofree char *csv = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("The pairwise comparison matrix (required)"), N_("PAIRWISE.csv") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object, with the random index and the iteration count"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrAhpPairwise) pairwise = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  FrAhpResult result;

  context = g_option_context_new (_("— priorities from pairwise comparisons"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads a square matrix of judgements a_ij on Saaty’s 1–9 scale (item names in\n"
      "the header row and the first column; numbers or fractions such as 1/3; an\n"
      "empty cell takes the reciprocal of its mirror). Prints each item’s priority\n"
      "(principal eigenvector), then lambda_max, ci and cr, then the judgement\n"
      "furthest from the priorities: row, column, given value and the consistent\n"
      "value w_row/w_column."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("ahp", "%s", error->message);
  if (rest != NULL && rest[0] != NULL)
    return fr_cli_usage_error ("ahp", _("unexpected argument “%s”"), rest[0]);
  if (csv == NULL)
    return fr_cli_usage_error ("ahp", _("give the pairwise matrix with --csv PAIRWISE.csv"));

  pairwise = fr_ahp_pairwise_load_csv (csv, &error);
  if (pairwise == NULL)
    return fr_cli_fail ("%s", error->message);
  if (!fr_ahp_analyse (pairwise->matrix, pairwise->n, (const char *const *) pairwise->names,
                       &result, &error))
    return fr_cli_fail ("%s: %s", csv, error->message);

  if (json)
    write_json (pairwise, &result, out);
  else
    write_tsv (pairwise, &result, out);
  fr_ahp_result_clear (&result);
  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("cannot write the result"));
}
