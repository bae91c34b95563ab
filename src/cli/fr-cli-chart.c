/* fr-cli-chart.c — `frontier-cli chart`: an analysis chart, to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fr-analysis.h"
#include "fr-chart-data.h"
#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-export.h"
#include "fr-smaa.h"
#include "fr-theme.h"

#define MAX_SAMPLES G_GUINT64_CONSTANT (10000000)

typedef enum {
  CHART_RANKING,
  CHART_PROFILE,
  CHART_SENSITIVITY,
  CHART_SMAA,
  CHART_STAKEHOLDERS,
  CHART_SCATTER,
} ChartKind;

static const char *chart_names[] = { "ranking", "profile", "sensitivity", "smaa", "stakeholders", "scatter" };

typedef struct {
  ChartKind kind;
  gpointer data;
  const FrTheme *theme;
} Drawing;

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Drawing *drawing = user_data;

  switch (drawing->kind)
    {
    case CHART_RANKING:
      fr_ranking_chart_render (cr, drawing->data, width, height, drawing->theme);
      break;
    case CHART_PROFILE:
      fr_profile_chart_render (cr, drawing->data, width, height, drawing->theme);
      break;
    case CHART_SENSITIVITY:
      fr_sensitivity_chart_render (cr, drawing->data, width, height, drawing->theme);
      break;
    case CHART_SMAA:
      fr_smaa_chart_render (cr, drawing->data, width, height, drawing->theme);
      break;
    case CHART_STAKEHOLDERS:
      fr_stakeholder_chart_render (cr, drawing->data, width, height, drawing->theme);
      break;
    case CHART_SCATTER:
    default:
      fr_scatter_chart_render (cr, drawing->data, width, height, drawing->theme);
      break;
    }
}

static void
free_chart_data (ChartKind kind,
                 gpointer  data)
{
  switch (kind)
    {
    case CHART_RANKING:
      fr_ranking_chart_data_free (data);
      break;
    case CHART_PROFILE:
      fr_profile_chart_data_free (data);
      break;
    case CHART_SENSITIVITY:
      fr_sensitivity_chart_data_free (data);
      break;
    case CHART_SMAA:
      fr_smaa_chart_data_free (data);
      break;
    case CHART_STAKEHOLDERS:
      fr_stakeholder_chart_data_free (data);
      break;
    case CHART_SCATTER:
    default:
      fr_scatter_chart_data_free (data);
      break;
    }
}

static gpointer
build_smaa (const FrModel        *model,
            const FrMatrix       *matrix,
            const FrStakeholder  *stakeholder,
            guint64               samples,
            guint64               seed,
            GError              **error)
{
  g_autoptr(FrSmaa) smaa = NULL;
  g_autofree double *low = g_new0 (double, matrix->n_criteria);
  g_autofree double *high = g_new0 (double, matrix->n_criteria);
  FrSmaaParams params;

  fr_smaa_params_init (&params);
  params.seed = seed;
  params.n_samples = samples;
  /* As `frontier-cli smaa --stakeholder`: sample inside the stakeholder's
   * intervals, holding the weights it gives none. */
  if (stakeholder != NULL)
    {
      fr_smaa_weight_intervals (matrix, stakeholder, low, high);
      params.weights = FR_SMAA_WEIGHTS_INTERVALS;
      params.weight_low = low;
      params.weight_high = high;
    }
  smaa = fr_smaa_new (matrix, &params, error);
  if (smaa == NULL || !fr_smaa_run (smaa, NULL, error))
    return NULL;
  return fr_smaa_chart_data_from_smaa (smaa, matrix, model, stakeholder);
}

int
fr_cli_chart (int    argc,
              char **argv)
{
  g_autofree char *chart_text = NULL;
  g_autofree char *stakeholder_id = NULL;
  g_autofree char *versus_id = NULL;
  g_autofree char *method_text = NULL;
  g_autofree char *samples_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *theme_text = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean describe = FALSE;
  const GOptionEntry entries[] = {
    { "chart", 'c', 0, G_OPTION_ARG_STRING, &chart_text,
      N_("ranking, profile, sensitivity, smaa, stakeholders or scatter"), N_("CHART") },
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder_id,
      N_("Whose weights (default: equal weights); for scatter, the stakeholder across"), N_("ID") },
    { "versus", 0, 0, G_OPTION_ARG_STRING, &versus_id,
      N_("For scatter: the stakeholder up the side (default: the next one)"), N_("ID") },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method_text,
      N_("For ranking: wsm (default), topsis or promethee"), N_("METHOD") },
    { "samples", 'n', 0, G_OPTION_ARG_STRING, &samples_text,
      N_("For smaa: Monte Carlo samples (default 10000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("For smaa: random seed (default 1)"), N_("S") },
    { "change", 0, 0, G_OPTION_ARG_STRING, &change_text,
      N_("For sensitivity: how far each weight swings, a percentage of itself or “full” (default 50)"),
      N_("PERCENT") },
    { "output", 'O', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the chart here; .png, .svg or .pdf"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      N_("Picture size in pixels (PNG) or points (SVG, PDF); default 1200x800"), N_("WxH") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme_text,
      N_("light (default), dark, high-contrast, presentation or presentation-dark"), N_("THEME") },
    { "describe", 0, 0, G_OPTION_ARG_NONE, &describe,
      N_("Also print the chart’s description in words, as screen readers get it"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrDocument) document = NULL;
  g_autoptr(FrAnalysis) analysis = NULL;
  g_autofree char *description = NULL;
  FrModel *model;
  const FrMatrix *matrix;
  const FrStakeholder *stakeholder = NULL;
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  FrMethod method = FR_METHOD_WSM;
  FrExportFormat format;
  Drawing drawing = { 0 };
  guint64 samples = 10000, seed = 1;
  double change = 0.5;
  int width = 1200, height = 800;
  gboolean known = FALSE;

  context = g_option_context_new (_("DOCUMENT.frontier --chart CHART --output FILE — draw an analysis chart"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Draws one of the analysis charts to PNG, SVG or PDF: the ranking, the\n"
      "options’ profile across criteria, the sensitivity to the weights (tornado\n"
      "and stability intervals), the SMAA-2 rank acceptabilities, every\n"
      "stakeholder’s utilities with the zone of agreement, or two stakeholders\n"
      "against each other with the Pareto front and the Nash choice."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("chart", "%s", error->message);

  if (documents == NULL || g_strv_length (documents) != 1)
    return fr_cli_usage_error ("chart", _("give exactly one document"));
  if (chart_text == NULL)
    return fr_cli_usage_error ("chart", _("--chart is required"));
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    if (g_str_equal (chart_text, chart_names[i]))
      {
        drawing.kind = (ChartKind) i;
        known = TRUE;
      }
  if (!known)
    return fr_cli_usage_error ("chart", _("unknown chart “%s”; use ranking, profile, sensitivity, smaa, stakeholders or scatter"),
                               chart_text);
  if (output == NULL)
    return fr_cli_usage_error ("chart", _("--output is required"));
  if (!fr_export_format_for_path (output, &format))
    return fr_cli_usage_error ("chart", _("cannot tell the format of “%s”: use .png, .svg or .pdf"), output);
  if (size_text != NULL && !fr_cli_parse_size (size_text, &width, &height))
    return fr_cli_usage_error ("chart", _("“%s” is not a size such as 1200x800 (each side 16 to %d)"),
                               size_text, FR_CLI_MAX_SIDE);
  if (theme_text != NULL && !fr_cli_parse_theme (theme_text, &theme))
    return fr_cli_usage_error ("chart", _("unknown theme “%s”; use light, dark, high-contrast, presentation or presentation-dark"),
                               theme_text);
  if (method_text != NULL && !fr_method_from_string (method_text, &method))
    return fr_cli_usage_error ("chart", _("unknown method “%s”; use wsm, topsis or promethee"), method_text);
  if (samples_text != NULL &&
      !g_ascii_string_to_unsigned (samples_text, 10, 1, MAX_SAMPLES, &samples, NULL))
    {
      /* The limit goes in as text: a format macro inside a message would
       * never match its translation. */
      g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, MAX_SAMPLES);
      /* Translators: %s is the largest number of samples */
      return fr_cli_usage_error ("chart", _("--samples must be a whole number from 1 to %s"), limit);
    }
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    return fr_cli_usage_error ("chart", _("--seed must be a whole number"));
  if (change_text != NULL)
    {
      if (g_str_equal (change_text, "full"))
        change = INFINITY;
      else
        {
          char *end = NULL;
          change = g_ascii_strtod (change_text, &end) / 100.0;
          if (end == change_text || *end != '\0' || !isfinite (change) || change < 0.0)
            return fr_cli_usage_error ("chart", _("--change must be a non-negative percentage or “full”"));
        }
    }
  if (versus_id != NULL && drawing.kind != CHART_SCATTER)
    return fr_cli_usage_error ("chart", _("--versus goes with --chart scatter"));
  if (method_text != NULL && drawing.kind != CHART_RANKING)
    return fr_cli_usage_error ("chart", _("--method goes with --chart ranking"));

  model = fr_cli_load_model (documents[0], &error);
  if (model == NULL)
    return fr_cli_fail ("%s", error->message);
  document = fr_document_new_for_model (model);
  if (stakeholder_id != NULL)
    {
      stakeholder = fr_cli_find_stakeholder (model, documents[0], stakeholder_id, &error);
      if (stakeholder == NULL)
        return fr_cli_fail ("%s", error->message);
    }
  if (versus_id != NULL && fr_cli_find_stakeholder (model, documents[0], versus_id, &error) == NULL)
    return fr_cli_fail ("%s", error->message);

  analysis = fr_analysis_new (document);
  fr_analysis_set_method (analysis, method);
  fr_analysis_set_stakeholder (analysis, stakeholder_id);
  matrix = fr_analysis_get_matrix (analysis);
  if (matrix == NULL)
    return fr_cli_fail ("%s: %s", documents[0], fr_analysis_get_error (analysis)->message);

  switch (drawing.kind)
    {
    case CHART_RANKING:
      drawing.data = fr_ranking_chart_data_from_analysis (analysis, model, &error);
      break;
    case CHART_PROFILE:
      drawing.data = fr_profile_chart_data_from_analysis (analysis, model, &error);
      break;
    case CHART_SENSITIVITY:
      drawing.data = fr_sensitivity_chart_data_from_analysis (analysis, model, -1, change, &error);
      break;
    case CHART_SMAA:
      drawing.data = build_smaa (model, matrix, stakeholder, samples, seed, &error);
      break;
    case CHART_STAKEHOLDERS:
      drawing.data = fr_stakeholder_chart_data_from_model (model, matrix);
      break;
    case CHART_SCATTER:
    default:
      drawing.data = fr_scatter_chart_data_from_model (model, matrix, stakeholder_id, versus_id, &error);
      break;
    }
  if (drawing.data == NULL)
    return fr_cli_fail ("%s: %s", documents[0], error->message);

  drawing.theme = theme;
  if (!fr_export_to_file (output, width, height, 1.0, draw_chart, &drawing, &error))
    {
      free_chart_data (drawing.kind, drawing.data);
      return fr_cli_fail ("%s", error->message);
    }
  if (describe)
    {
      switch (drawing.kind)
        {
        case CHART_RANKING:
          description = fr_ranking_chart_describe (drawing.data);
          break;
        case CHART_PROFILE:
          description = fr_profile_chart_describe (drawing.data);
          break;
        case CHART_SENSITIVITY:
          description = fr_sensitivity_chart_describe (drawing.data);
          break;
        case CHART_SMAA:
          description = fr_smaa_chart_describe (drawing.data);
          break;
        case CHART_STAKEHOLDERS:
          description = fr_stakeholder_chart_describe (drawing.data);
          break;
        case CHART_SCATTER:
        default:
          description = fr_scatter_chart_describe (drawing.data);
          break;
        }
      printf ("%s\n", description);
    }
  free_chart_data (drawing.kind, drawing.data);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}
