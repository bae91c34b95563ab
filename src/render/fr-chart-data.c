/* fr-chart-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-chart-data.h"
#include "fr-error.h"
#include "fr-format.h"
#include "fr-sensitivity.h"
#include "fr-stakeholders.h"

int
fr_chart_method_decimals (FrMethod method)
{
  /* Weighted sums are read against weights in whole percent; closeness
   * and net flows separate close options only in the third decimal. */
  return method == FR_METHOD_WSM ? 2 : 3;
}

const char *
fr_chart_method_label (FrMethod method)
{
  switch (method)
    {
    case FR_METHOD_TOPSIS:
      return _("TOPSIS");
    case FR_METHOD_PROMETHEE:
      return _("PROMETHEE II");
    case FR_METHOD_WSM:
    case FR_N_METHODS:
    default:
      return _("weighted sum");
    }
}

FrColor
fr_chart_option_color (const FrModel *model,
                       const char    *option_id)
{
  guint index = 0;

  for (guint i = 0; model != NULL && i < model->options->len; i++)
    {
      const FrOption *option = g_ptr_array_index (model->options, i);
      FrColor color;

      if (g_strcmp0 (option->id, option_id) != 0)
        continue;
      if (fr_color_parse (option->color, &color))
        return color;
      index = i;
      break;
    }
  return fr_theme_option_color (index);
}

FrColor
fr_chart_stakeholder_color (const FrModel       *model,
                            const FrStakeholder *stakeholder)
{
  FrColor color;
  guint index = 0;

  if (stakeholder != NULL && fr_color_parse (stakeholder->color, &color))
    return color;
  if (model != NULL && stakeholder != NULL)
    g_ptr_array_find (model->stakeholders, stakeholder, &index);
  /* Offset from the options' first colours so a stakeholder without a
   * colour does not look like the first option. */
  return fr_theme_option_color (index + 5);
}

static const FrModel *
analysis_model (FrAnalysis    *analysis,
                const FrModel *model)
{
  return model != NULL ? model : fr_document_get_model (fr_analysis_get_document (analysis));
}

static gboolean
check_analysis (FrAnalysis  *analysis,
                GError     **error)
{
  if (fr_analysis_get_scores (analysis) != NULL)
    return TRUE;
  if (fr_analysis_get_error (analysis) != NULL)
    g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID, fr_analysis_get_error (analysis)->message);
  else
    g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID, _("The document cannot be ranked."));
  return FALSE;
}

static const FrStakeholder *
analysis_stakeholder (FrAnalysis    *analysis,
                      const FrModel *model)
{
  return fr_model_find_stakeholder (model, fr_analysis_get_stakeholder (analysis));
}

FrRankingChartData *
fr_ranking_chart_data_from_analysis (FrAnalysis     *analysis,
                                     const FrModel  *model,
                                     GError        **error)
{
  const FrMatrix *matrix;
  const FrStakeholder *stakeholder;
  FrRankingChartData *data;
  FrMethod method;
  guint n, m;

  g_return_val_if_fail (FR_IS_ANALYSIS (analysis), NULL);

  if (!check_analysis (analysis, error))
    return NULL;
  model = analysis_model (analysis, model);
  matrix = fr_analysis_get_matrix (analysis);
  method = fr_analysis_get_method (analysis);
  stakeholder = analysis_stakeholder (analysis, model);
  n = matrix->n_options;
  m = method == FR_METHOD_WSM ? matrix->n_criteria : 0;

  data = fr_ranking_chart_data_new (n, m);
  data->kind = method == FR_METHOD_WSM ? FR_RANKING_CHART_STACKED
             : method == FR_METHOD_PROMETHEE ? FR_RANKING_CHART_NET_FLOW : FR_RANKING_CHART_SCORE;
  data->decimals = fr_chart_method_decimals (method);
  if (stakeholder != NULL)
    /* Translators: "Ranking by weighted sum for Ukraine". */
    data->title = g_strdup_printf (_("Ranking by %s for %s"), fr_chart_method_label (method), stakeholder->name);
  else
    /* Translators: "Ranking by weighted sum with equal weights". */
    data->title = g_strdup_printf (_("Ranking by %s with equal weights"), fr_chart_method_label (method));
  switch (method)
    {
    case FR_METHOD_TOPSIS:
      data->subtitle = g_strdup (_("Closeness to the ideal option, 0 to 1"));
      break;
    case FR_METHOD_PROMETHEE:
      data->subtitle = g_strdup (_("Net outranking flow, −1 to 1"));
      break;
    case FR_METHOD_WSM:
    case FR_N_METHODS:
    default:
      data->subtitle = g_strdup (_("Each bar is the sum of the criteria’s weighted values"));
      break;
    }

  memcpy (data->scores, fr_analysis_get_scores (analysis), n * sizeof (double));
  memcpy (data->order, fr_analysis_get_order (analysis), n * sizeof (guint));
  if (m > 0)
    memcpy (data->contributions, fr_analysis_get_contributions (analysis), (gsize) n * m * sizeof (double));
  for (guint o = 0; o < n; o++)
    {
      data->option_names[o] = g_strdup (matrix->option_names[o]);
      data->option_colors[o] = fr_chart_option_color (model, matrix->option_ids[o]);
    }
  for (guint c = 0; c < m; c++)
    {
      data->criterion_names[c] = g_strdup (matrix->criteria[c].name);
      data->criterion_colors[c] = fr_chart_criterion_color (NULL, c);
    }
  return data;
}

FrProfileChartData *
fr_profile_chart_data_from_analysis (FrAnalysis     *analysis,
                                     const FrModel  *model,
                                     GError        **error)
{
  const FrMatrix *matrix;
  FrProfileChartData *data;

  g_return_val_if_fail (FR_IS_ANALYSIS (analysis), NULL);

  if (!check_analysis (analysis, error))
    return NULL;
  model = analysis_model (analysis, model);
  matrix = fr_analysis_get_matrix (analysis);
  data = fr_profile_chart_data_new (matrix->n_options, matrix->n_criteria);
  data->title = g_strdup (_("Profile of the options"));
  data->subtitle = g_strdup (_("Value on each criterion, from 0 (worst) at the centre to 1 (best)"));
  fr_matrix_value_table (matrix, data->values);
  for (guint o = 0; o < matrix->n_options; o++)
    {
      data->option_names[o] = g_strdup (matrix->option_names[o]);
      data->option_colors[o] = fr_chart_option_color (model, matrix->option_ids[o]);
    }
  for (guint c = 0; c < matrix->n_criteria; c++)
    data->criterion_names[c] = g_strdup (matrix->criteria[c].name);
  return data;
}

FrSensitivityChartData *
fr_sensitivity_chart_data_from_analysis (FrAnalysis     *analysis,
                                         const FrModel  *model,
                                         int             option,
                                         double          change,
                                         GError        **error)
{
  const FrMatrix *matrix;
  const FrStakeholder *stakeholder;
  const double *weights;
  FrSensitivityChartData *data;
  g_autofree double *values = NULL;
  g_autofree FrStability *stability = NULL;
  g_autofree FrTornadoBar *bars = NULL;
  guint n, m, leader, target;

  g_return_val_if_fail (FR_IS_ANALYSIS (analysis), NULL);

  if (!check_analysis (analysis, error))
    return NULL;
  model = analysis_model (analysis, model);
  matrix = fr_analysis_get_matrix (analysis);
  weights = fr_analysis_get_weights (analysis);
  stakeholder = analysis_stakeholder (analysis, model);
  n = matrix->n_options;
  m = matrix->n_criteria;
  if (option >= (int) n)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID, _("There is no option %d."), option);
      return NULL;
    }

  values = g_new (double, (gsize) n * m);
  fr_matrix_value_table (matrix, values);
  stability = g_new0 (FrStability, m);
  bars = g_new0 (FrTornadoBar, m);
  leader = fr_sensitivity_stability (values, n, m, weights, stability);
  target = option < 0 ? leader : (guint) option;
  fr_sensitivity_tornado (values, n, m, weights, target, change, bars);

  data = fr_sensitivity_chart_data_new (m);
  data->decimals = fr_chart_method_decimals (FR_METHOD_WSM);
  data->option_name = g_strdup (matrix->option_names[target]);
  data->option_color = fr_chart_option_color (model, matrix->option_ids[target]);
  data->leader_name = g_strdup (matrix->option_names[leader]);
  data->score = m > 0 ? bars[0].score : 0.0;
  if (stakeholder != NULL)
    /* Translators: "Sensitivity to Ukraine’s weights". */
    data->title = g_strdup_printf (_("Sensitivity to %s’s weights"), stakeholder->name);
  else
    data->title = g_strdup (_("Sensitivity to the weights"));
  if (isinf (change))
    data->subtitle = g_strdup (_("Weighted sum; each weight swept from 0 to 100 %, the others keeping their proportions"));
  else
    {
      g_autofree char *amount = fr_format_weight (change);
      /* Translators: %s is a share such as "50.0 %". */
      data->subtitle = g_strdup_printf (_("Weighted sum; each weight moved by ±%s of itself, the others keeping their proportions"),
                                        amount);
    }
  for (guint c = 0; c < m; c++)
    {
      const FrTornadoBar *bar = &bars[c];

      data->criterion_names[c] = g_strdup (matrix->criteria[c].name);
      data->weight[bar->criterion] = bar->weight;
      data->weight_low[bar->criterion] = bar->weight_low;
      data->weight_high[bar->criterion] = bar->weight_high;
      data->score_low[bar->criterion] = bar->score_low;
      data->score_high[bar->criterion] = bar->score_high;
      data->stable_low[c] = stability[c].low;
      data->stable_high[c] = stability[c].high;
      if (stability[c].low_rival >= 0)
        data->low_rival[c] = g_strdup (matrix->option_names[stability[c].low_rival]);
      if (stability[c].high_rival >= 0)
        data->high_rival[c] = g_strdup (matrix->option_names[stability[c].high_rival]);
    }
  return data;
}

typedef struct {
  const FrSmaa *smaa;
  guint n;
} SmaaOrder;

static int
compare_acceptability (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const SmaaOrder *order = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  /* Lexicographic on the rank acceptabilities: most often first, then
   * most often second… */
  for (guint r = 0; r < order->n; r++)
    {
      double x = fr_smaa_get_acceptability (order->smaa, i, r);
      double y = fr_smaa_get_acceptability (order->smaa, j, r);
      if (fabs (x - y) > 1e-12)
        return x > y ? -1 : 1;
    }
  return (i > j) - (i < j);
}

FrSmaaChartData *
fr_smaa_chart_data_from_smaa (const FrSmaa        *smaa,
                              const FrMatrix      *matrix,
                              const FrModel       *model,
                              const FrStakeholder *stakeholder)
{
  FrSmaaChartData *data;
  SmaaOrder order;
  guint n;

  g_return_val_if_fail (smaa != NULL && matrix != NULL, NULL);

  n = MIN (fr_smaa_get_n_options (smaa), matrix->n_options);
  data = fr_smaa_chart_data_new (n);
  data->title = g_strdup (_("Rank acceptability (SMAA-2)"));
  if (stakeholder != NULL)
    /* Translators: the SMAA chart's subtitle; %s is a stakeholder. */
    data->subtitle = g_strdup_printf (_("Share of samples in which each option takes each rank, weights within %s’s intervals"),
                                      stakeholder->name);
  else
    data->subtitle = g_strdup (_("Share of samples in which each option takes each rank, any weights"));
  for (guint o = 0; o < n; o++)
    {
      data->option_names[o] = g_strdup (matrix->option_names[o]);
      data->option_colors[o] = fr_chart_option_color (model, matrix->option_ids[o]);
      data->confidence[o] = fr_smaa_get_confidence (smaa, o);
      for (guint r = 0; r < n; r++)
        data->acceptability[(gsize) o * n + r] = fr_smaa_get_acceptability (smaa, o, r);
    }
  order.smaa = smaa;
  order.n = n;
  g_qsort_with_data (data->order, (gint) n, sizeof (guint), compare_acceptability, &order);
  data->n_samples = fr_smaa_get_n_samples (smaa);
  data->progress = fr_smaa_is_done (smaa) ? 1.0 : MIN (fr_smaa_get_progress (smaa), 0.999);
  return data;
}

FrStakeholderChartData *
fr_stakeholder_chart_data_from_model (const FrModel  *model,
                                      const FrMatrix *matrix)
{
  g_autoptr(FrAgreement) agreement = NULL;
  FrStakeholderChartData *data;
  guint ns, n;

  g_return_val_if_fail (model != NULL && matrix != NULL, NULL);

  agreement = fr_agreement_new_from_model (model, matrix);
  ns = agreement->n_stakeholders;
  n = agreement->n_options;
  data = fr_stakeholder_chart_data_new (ns, n);
  data->title = g_strdup (_("Utilities for every stakeholder"));
  data->subtitle = g_strdup (_("Weighted sum with each stakeholder’s own weights; pale bars fall below its reservation level"));
  data->decimals = fr_chart_method_decimals (FR_METHOD_WSM);
  for (guint s = 0; s < ns; s++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);
      data->stakeholder_names[s] = g_strdup (stakeholder->name);
      data->stakeholder_colors[s] = fr_chart_stakeholder_color (model, stakeholder);
      data->reservation[s] = agreement->reservation[s];
    }
  for (guint o = 0; o < n; o++)
    {
      data->option_names[o] = g_strdup (matrix->option_names[o]);
      data->option_colors[o] = fr_chart_option_color (model, matrix->option_ids[o]);
      data->in_zopa[o] = agreement->in_zopa[o];
    }
  memcpy (data->utility, agreement->utility, (gsize) ns * n * sizeof (double));
  data->nash = agreement->nash;
  return data;
}

FrScatterChartData *
fr_scatter_chart_data_from_model (const FrModel   *model,
                                  const FrMatrix  *matrix,
                                  const char      *x_id,
                                  const char      *y_id,
                                  GError         **error)
{
  const FrStakeholder *sx = NULL, *sy = NULL;
  g_autoptr(FrAgreement) agreement = NULL;
  g_autofree double *utility = NULL;
  double reservation[2];
  FrScatterChartData *data;
  guint n;

  g_return_val_if_fail (model != NULL && matrix != NULL, NULL);

  if (model->stakeholders->len < 2)
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Comparing two stakeholders needs a document with at least two."));
      return NULL;
    }
  if (x_id != NULL && (sx = fr_model_find_stakeholder (model, x_id)) == NULL)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID, _("There is no stakeholder “%s”."), x_id);
      return NULL;
    }
  if (y_id != NULL && (sy = fr_model_find_stakeholder (model, y_id)) == NULL)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID, _("There is no stakeholder “%s”."), y_id);
      return NULL;
    }
  for (guint s = 0; s < model->stakeholders->len && (sx == NULL || sy == NULL); s++)
    {
      const FrStakeholder *candidate = g_ptr_array_index (model->stakeholders, s);
      if (sx == NULL && candidate != sy)
        sx = candidate;
      else if (sy == NULL && candidate != sx)
        sy = candidate;
    }
  if (sx == sy)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID, _("Compare “%s” with another stakeholder, not with itself."),
                   sx->id);
      return NULL;
    }

  n = matrix->n_options;
  utility = g_new0 (double, MAX (2 * (gsize) n, 1));
  fr_stakeholder_utilities (matrix, sx, utility);
  fr_stakeholder_utilities (matrix, sy, utility + n);
  reservation[0] = sx->reservation;
  reservation[1] = sy->reservation;
  agreement = fr_agreement_new (2, n, utility, reservation);

  data = fr_scatter_chart_data_new (n);
  /* Translators: title of the two-stakeholder scatter: "Ukraine and Russia". */
  data->title = g_strdup_printf (_("%s and %s"), sx->name, sy->name);
  data->subtitle = g_strdup (_("Each option’s utility for both; the shaded corner is acceptable to both"));
  data->decimals = fr_chart_method_decimals (FR_METHOD_WSM);
  data->x_name = g_strdup (sx->name);
  data->y_name = g_strdup (sy->name);
  data->x_color = fr_chart_stakeholder_color (model, sx);
  data->y_color = fr_chart_stakeholder_color (model, sy);
  data->x_reservation = sx->reservation;
  data->y_reservation = sy->reservation;
  for (guint o = 0; o < n; o++)
    {
      data->option_names[o] = g_strdup (matrix->option_names[o]);
      data->option_colors[o] = fr_chart_option_color (model, matrix->option_ids[o]);
      data->x[o] = utility[o];
      data->y[o] = utility[n + o];
      data->pareto[o] = agreement->pareto[o];
    }
  data->nash = agreement->nash;
  return data;
}
