/* fr-cli-sensitivity.c — `frontier-cli sensitivity`: weight stability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-sensitivity.h"

static void
write_tsv (const FrMatrix    *matrix,
           const FrStability *stability,
           GString           *out)
{
  g_string_append (out, "criterion\tweight\tlow\thigh\n");
  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      g_autofree char *id = fr_cli_tsv_field (matrix->criteria[c].id);
      g_autofree char *weight = fr_cli_format_number (stability[c].weight);
      g_autofree char *low = fr_cli_format_number (stability[c].low);
      g_autofree char *high = fr_cli_format_number (stability[c].high);

      g_string_append_printf (out, "%s\t%s\t%s\t%s\n", id, weight, low, high);
    }
}

static void
write_json (const FrMatrix     *matrix,
            const char         *stakeholder,
            guint               leader,
            const FrStability  *stability,
            const FrTornadoBar *bars,
            double              change,
            GString            *out)
{
  g_autoptr(FrJson) json = fr_json_new ();

  fr_json_begin_object (json, NULL);
  fr_json_string (json, "stakeholder", stakeholder);
  fr_json_string (json, "leader", matrix->option_ids[leader]);
  if (isinf (change))
    fr_json_string (json, "change", "full");
  else
    fr_json_number (json, "change", change);
  fr_json_begin_array (json, "criteria");
  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      const FrStability *s = &stability[c];

      fr_json_begin_object (json, NULL);
      fr_json_string (json, "id", matrix->criteria[c].id);
      fr_json_string (json, "name", matrix->criteria[c].name);
      fr_json_number (json, "weight", s->weight);
      fr_json_number (json, "low", s->low);
      fr_json_number (json, "high", s->high);
      fr_json_string (json, "low_rival", s->low_rival >= 0 ? matrix->option_ids[s->low_rival] : NULL);
      fr_json_string (json, "high_rival", s->high_rival >= 0 ? matrix->option_ids[s->high_rival] : NULL);
      fr_json_begin_object (json, "tornado");
      fr_json_number (json, "weight_low", bars[c].weight_low);
      fr_json_number (json, "weight_high", bars[c].weight_high);
      fr_json_number (json, "score_low", bars[c].score_low);
      fr_json_number (json, "score_high", bars[c].score_high);
      fr_json_end_object (json);
      fr_json_end_object (json);
    }
  fr_json_end_array (json);
  fr_json_end_object (json);
  g_string_append (out, fr_json_text (json));
}

int
fr_cli_sensitivity (int    argc,
                    char **argv)
{
  g_autofree char *stakeholder = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *weights_text = NULL;
  g_autofree char *directions_text = NULL;
  g_autofree char *change_text = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder,
      N_("Use this stakeholder’s weights (default: equal weights)"), N_("ID") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Read the decision matrix from CSV instead of a document"), N_("MATRIX.csv") },
    { "weights", 'w', 0, G_OPTION_ARG_STRING, &weights_text,
      N_("With --csv: one weight per criterion, normalised to sum to one"), N_("W1,W2,…") },
    { "directions", 'd', 0, G_OPTION_ARG_STRING, &directions_text,
      N_("With --csv: max or min per criterion"), N_("max,min,…") },
    { "change", 0, 0, G_OPTION_ARG_STRING, &change_text,
      N_("With --json: the tornado moves each weight by ± this percentage of itself (default 50; “full” sweeps 0–100 %)"),
      N_("PERCENT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object with the rivals and the leader’s tornado sweep"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, N_("DOCUMENT.frontier") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autofree double *weights = NULL;
  g_autofree double *values = NULL;
  g_autofree FrStability *stability = NULL;
  g_autofree FrTornadoBar *bars = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_documents, leader;
  double change = 0.5;

  context = g_option_context_new (_("[DOCUMENT.frontier] — how far each weight can move before the leader changes"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("For each criterion, the range of its weight over which the option leading\n"
      "the weighted sum stays first while the other weights keep their proportions.\n"
      "Prints “criterion”, “weight”, “low” and “high” separated by tabs; the bounds\n"
      "are exact crossings of the options’ scores."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("sensitivity", "%s", error->message);

  if (change_text != NULL)
    {
      char *end = NULL;

      if (g_str_equal (change_text, "full"))
        change = INFINITY;
      else
        {
          change = g_ascii_strtod (change_text, &end) / 100.0;
          if (end == change_text || *end != '\0' || !isfinite (change) || change < 0.0)
            return fr_cli_usage_error ("sensitivity", _("--change must be a non-negative percentage or “full”"));
        }
    }

  n_documents = documents != NULL ? g_strv_length (documents) : 0;
  if (n_documents > 1)
    return fr_cli_usage_error ("sensitivity", _("give one document, not %u"), n_documents);
  if ((n_documents == 1) == (csv != NULL))
    return fr_cli_usage_error ("sensitivity", _("give either a document or --csv MATRIX.csv"));
  if (csv != NULL)
    {
      g_autofree FrDirection *directions = NULL;

      if (stakeholder != NULL)
        return fr_cli_usage_error ("sensitivity", _("--stakeholder applies to documents, not to --csv"));
      if (weights_text == NULL || directions_text == NULL)
        return fr_cli_usage_error ("sensitivity", _("--csv needs --weights and --directions"));
      matrix = fr_cli_load_csv_matrix (csv, &error);
      if (matrix == NULL)
        return fr_cli_fail ("%s", error->message);
      weights = g_new (double, matrix->n_criteria);
      directions = g_new (FrDirection, matrix->n_criteria);
      if (!fr_cli_parse_weights (weights_text, matrix->n_criteria, weights, &error) ||
          !fr_cli_parse_directions (directions_text, matrix->n_criteria, directions, &error))
        return fr_cli_usage_error ("sensitivity", "%s", error->message);
      for (guint c = 0; c < matrix->n_criteria; c++)
        matrix->criteria[c].direction = directions[c];
    }
  else
    {
      if (weights_text != NULL || directions_text != NULL)
        return fr_cli_usage_error ("sensitivity", _("--weights and --directions go with --csv; a document carries its own"));
      matrix = fr_cli_load_document_matrix (documents[0], stakeholder, &weights, &error);
      if (matrix == NULL)
        return fr_cli_fail ("%s", error->message);
    }
  if (matrix->n_options == 0 || matrix->n_criteria == 0)
    return fr_cli_fail (_("%s: no options or no criteria to analyse"), csv != NULL ? csv : documents[0]);

  values = g_new (double, (gsize) matrix->n_options * matrix->n_criteria);
  fr_matrix_value_table (matrix, values);
  stability = g_new (FrStability, matrix->n_criteria);
  bars = g_new (FrTornadoBar, matrix->n_criteria);
  leader = fr_sensitivity_stability (values, matrix->n_options, matrix->n_criteria, weights, stability);
  fr_sensitivity_tornado (values, matrix->n_options, matrix->n_criteria, weights, leader, change, bars);

  if (json)
    write_json (matrix, stakeholder, leader, stability, bars, change, out);
  else
    write_tsv (matrix, stability, out);
  fputs (out->str, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}
