/* fr-cli-smaa.c — `frontier-cli smaa`: rank acceptabilities by SMAA-2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-error.h"
#include "fr-smaa.h"

#define MAX_SAMPLES G_GUINT64_CONSTANT (100000000)

/* "0.3,0.2:0.4,…": per criterion a share held fixed, or an interval
 * LOW:HIGH to sample in. Plain lists without intervals are normalised to
 * sum to one, like every other command's --weights. */
static gboolean
parse_weight_intervals (const char  *text,
                        guint        n,
                        double      *low,
                        double      *high,
                        GError     **error)
{
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  if (g_strv_length (items) != n)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("--weights has %u values but there are %u criteria"), g_strv_length (items), n);
      return FALSE;
    }
  if (strchr (text, ':') == NULL)
    {
      if (!fr_cli_parse_weights (text, n, low, error))
        return FALSE;
      memcpy (high, low, n * sizeof (double));
      return TRUE;
    }
  for (guint c = 0; c < n; c++)
    {
      g_auto(GStrv) bounds = g_strsplit (g_strstrip (items[c]), ":", -1);
      guint n_bounds = g_strv_length (bounds);
      double values[2];

      if (n_bounds < 1 || n_bounds > 2)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("--weights: “%s” is neither a share nor LOW:HIGH"), items[c]);
          return FALSE;
        }
      for (guint b = 0; b < n_bounds; b++)
        {
          char *end = NULL;
          const char *start = g_strstrip (bounds[b]);

          values[b] = g_ascii_strtod (start, &end);
          if (*start == '\0' || end == NULL || *end != '\0' || !isfinite (values[b]) || values[b] < 0.0)
            {
              g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                           _("--weights: “%s” is not a non-negative number"), bounds[b]);
              return FALSE;
            }
        }
      low[c] = values[0];
      high[c] = n_bounds == 2 ? values[1] : values[0];
      if (high[c] < low[c])
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("--weights: the interval “%s” runs backwards"), items[c]);
          return FALSE;
        }
    }
  return TRUE;
}

static void
write_tsv (const FrMatrix *matrix,
           const FrSmaa   *smaa,
           GString        *out)
{
  guint n = matrix->n_options;

  g_string_append (out, "option");
  for (guint r = 0; r < n; r++)
    g_string_append_printf (out, "\trank%u", r + 1);
  g_string_append (out, "\tconfidence\n");
  for (guint o = 0; o < n; o++)
    {
      g_autofree char *id = fr_cli_tsv_field (matrix->option_ids[o]);
      g_autofree char *confidence = fr_cli_format_number (fr_smaa_get_confidence (smaa, o));

      g_string_append (out, id);
      for (guint r = 0; r < n; r++)
        {
          g_autofree char *b = fr_cli_format_number (fr_smaa_get_acceptability (smaa, o, r));
          g_string_append_printf (out, "\t%s", b);
        }
      g_string_append_printf (out, "\t%s\n", confidence);
    }
}

static void
write_json (const FrMatrix *matrix,
            const FrSmaa   *smaa,
            guint64         seed,
            const char     *stakeholder,
            gboolean        intervals,
            const double   *low,
            const double   *high,
            GString        *out)
{
  g_autoptr(FrJson) json = fr_json_new ();
  g_autofree double *central = g_new (double, matrix->n_criteria);

  fr_json_begin_object (json, NULL);
  fr_json_string (json, "method", "smaa-2");
  fr_json_int (json, "samples", (gint64) fr_smaa_get_n_samples (smaa));
  fr_json_int (json, "seed", (gint64) seed);
  fr_json_string (json, "stakeholder", stakeholder);
  fr_json_string (json, "weights", intervals ? "intervals" : "simplex");
  fr_json_begin_array (json, "criteria");
  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      fr_json_begin_object (json, NULL);
      fr_json_string (json, "id", matrix->criteria[c].id);
      fr_json_string (json, "name", matrix->criteria[c].name);
      if (intervals)
        {
          fr_json_number (json, "weight_low", low[c]);
          fr_json_number (json, "weight_high", high[c]);
        }
      fr_json_end_object (json);
    }
  fr_json_end_array (json);

  fr_json_begin_array (json, "options");
  for (guint o = 0; o < matrix->n_options; o++)
    {
      fr_json_begin_object (json, NULL);
      fr_json_string (json, "id", matrix->option_ids[o]);
      fr_json_string (json, "name", matrix->option_names[o]);
      fr_json_begin_array (json, "acceptability");
      for (guint r = 0; r < matrix->n_options; r++)
        fr_json_number (json, NULL, fr_smaa_get_acceptability (smaa, o, r));
      fr_json_end_array (json);
      fr_json_number (json, "confidence", fr_smaa_get_confidence (smaa, o));
      if (fr_smaa_get_central_weights (smaa, o, central))
        {
          fr_json_begin_object (json, "central_weights");
          for (guint c = 0; c < matrix->n_criteria; c++)
            fr_json_number (json, matrix->criteria[c].id, central[c]);
          fr_json_end_object (json);
        }
      else
        fr_json_null (json, "central_weights");
      fr_json_end_object (json);
    }
  fr_json_end_array (json);
  fr_json_end_object (json);
  g_string_append (out, fr_json_text (json));
}

int
fr_cli_smaa (int    argc,
             char **argv)
{
  g_autofree char *stakeholder_id = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *weights_text = NULL;
  g_autofree char *directions_text = NULL;
  g_autofree char *scores_text = NULL;
  g_autofree char *samples_text = NULL;
  g_autofree char *seed_text = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder_id,
      N_("Sample this stakeholder’s weights inside their low–high intervals (weights without one are held); default: any weights"),
      N_("ID") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Read the decision matrix from CSV instead of a document"), N_("MATRIX.csv") },
    { "directions", 'd', 0, G_OPTION_ARG_STRING, &directions_text,
      N_("With --csv: max or min per criterion"), N_("max,min,…") },
    { "weights", 'w', 0, G_OPTION_ARG_STRING, &weights_text,
      N_("Per criterion a fixed weight or an interval LOW:HIGH of shares to sample in; default: any weights"),
      N_("W1,LOW:HIGH,…") },
    { "scores", 0, 0, G_OPTION_ARG_STRING, &scores_text,
      N_("How scores vary inside their ranges: uniform (default) or triangular (peaking at the score)"),
      N_("DISTRIBUTION") },
    { "samples", 'n', 0, G_OPTION_ARG_STRING, &samples_text,
      N_("Monte Carlo samples (default 10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Random seed: the same seed gives the same numbers on every machine (default 1)"), N_("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object, with the central weight vectors"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, N_("DOCUMENT.frontier") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(FrSmaa) smaa = NULL;
  g_autofree double *low = NULL;
  g_autofree double *high = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  FrSmaaParams params;
  guint n_documents;
  guint64 samples = 10000, seed = 1;
  gboolean intervals = FALSE;

  context = g_option_context_new (_("[DOCUMENT.frontier] — how often each option ranks first, second…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Stochastic multicriteria acceptability analysis (SMAA-2, Lahdelma & Salminen\n"
      "2001) over the weighted sum: draws weights (uniformly over all weights, or\n"
      "inside intervals) and scores (inside their low–high ranges) and counts how\n"
      "often each option takes each rank. Prints “option”, “rank1” … “rankN” (rank\n"
      "acceptability indices) and “confidence” (confidence factor) separated by tabs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("smaa", "%s", error->message);

  if (samples_text != NULL &&
      (!g_ascii_string_to_unsigned (samples_text, 10, 1, MAX_SAMPLES, &samples, NULL)))
    {
      /* The limit goes in as text: a format macro inside a message would
       * never match its translation. */
      g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, MAX_SAMPLES);
      /* Translators: %s is the largest number of samples */
      return fr_cli_usage_error ("smaa", _("--samples must be a whole number from 1 to %s"), limit);
    }
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return fr_cli_usage_error ("smaa", _("--seed must be a whole number"));

  fr_smaa_params_init (&params);
  if (scores_text != NULL)
    {
      if (g_str_equal (scores_text, "triangular"))
        params.scores = FR_SMAA_SCORES_TRIANGULAR;
      else if (!g_str_equal (scores_text, "uniform"))
        return fr_cli_usage_error ("smaa", _("unknown score distribution “%s”; use uniform or triangular"), scores_text);
    }

  n_documents = documents != NULL ? g_strv_length (documents) : 0;
  if (n_documents > 1)
    return fr_cli_usage_error ("smaa", _("give one document, not %u"), n_documents);
  if ((n_documents == 1) == (csv != NULL))
    return fr_cli_usage_error ("smaa", _("give either a document or --csv MATRIX.csv"));
  if (csv != NULL && stakeholder_id != NULL)
    return fr_cli_usage_error ("smaa", _("--stakeholder applies to documents, not to --csv"));
  if (csv != NULL && directions_text == NULL)
    return fr_cli_usage_error ("smaa", _("--csv needs --directions"));
  if (csv == NULL && directions_text != NULL)
    return fr_cli_usage_error ("smaa", _("--directions goes with --csv; a document carries its own"));
  if (stakeholder_id != NULL && weights_text != NULL)
    return fr_cli_usage_error ("smaa", _("give either --stakeholder or --weights, not both"));

  if (csv != NULL)
    {
      g_autofree FrDirection *directions = NULL;

      matrix = fr_cli_load_csv_matrix (csv, &error);
      if (matrix == NULL)
        return fr_cli_fail ("%s", error->message);
      directions = g_new (FrDirection, matrix->n_criteria);
      if (!fr_cli_parse_directions (directions_text, matrix->n_criteria, directions, &error))
        return fr_cli_usage_error ("smaa", "%s", error->message);
      for (guint c = 0; c < matrix->n_criteria; c++)
        matrix->criteria[c].direction = directions[c];
    }
  else
    {
      model = fr_cli_load_model (documents[0], &error);
      if (model == NULL)
        return fr_cli_fail ("%s", error->message);
      matrix = fr_matrix_new_from_model (model, &error);
      if (matrix == NULL)
        return fr_cli_fail ("%s: %s", documents[0], error->message);
    }
  if (matrix->n_options == 0 || matrix->n_criteria == 0)
    return fr_cli_fail (_("%s: no options or no criteria to analyse"), csv != NULL ? csv : documents[0]);

  low = g_new0 (double, matrix->n_criteria);
  high = g_new0 (double, matrix->n_criteria);
  if (stakeholder_id != NULL)
    {
      FrStakeholder *stakeholder = fr_cli_find_stakeholder (model, documents[0], stakeholder_id, &error);

      if (stakeholder == NULL)
        return fr_cli_fail ("%s", error->message);
      /* Without any interval the weights are all held: only the score
       * ranges then vary. */
      fr_smaa_weight_intervals (matrix, stakeholder, low, high);
      intervals = TRUE;
    }
  else if (weights_text != NULL)
    {
      if (!parse_weight_intervals (weights_text, matrix->n_criteria, low, high, &error))
        return fr_cli_usage_error ("smaa", "%s", error->message);
      intervals = TRUE;
    }

  params.seed = seed;
  params.n_samples = samples;
  if (intervals)
    {
      params.weights = FR_SMAA_WEIGHTS_INTERVALS;
      params.weight_low = low;
      params.weight_high = high;
    }
  smaa = fr_smaa_new (matrix, &params, &error);
  if (smaa == NULL || !fr_smaa_run (smaa, NULL, &error))
    return fr_cli_fail ("%s", error->message);

  if (json)
    write_json (matrix, smaa, seed, stakeholder_id, intervals, low, high, out);
  else
    write_tsv (matrix, smaa, out);
  fputs (out->str, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}
