/* fr-chart-data.h — chart data from the core's results, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts draw plain structs; these functions fill them from an
 * FrAnalysis, an FrSmaa run or a model and its matrix, with the document's
 * names and colours (an option without a colour takes the palette's by its
 * position), titles and the precision each method warrants. The window,
 * the slides, the PDF export and `frontier-cli chart` all build their
 * charts here, so every picture of the same state says the same.
 */
#pragma once

#include <glib.h>

#include "fr-analysis.h"
#include "fr-matrix.h"
#include "fr-model.h"
#include "fr-profile-chart.h"
#include "fr-ranking-chart.h"
#include "fr-sensitivity-chart.h"
#include "fr-smaa.h"
#include "fr-smaa-chart.h"
#include "fr-stakeholder-chart.h"

G_BEGIN_DECLS

/* Decimals a score of @method is shown with. */
int                     fr_chart_method_decimals              (FrMethod             method);
/* "weighted sum", "TOPSIS", "PROMETHEE II" (translated). */
const char             *fr_chart_method_label                 (FrMethod             method);
/* The colour of @model's option @option_id: its own, or the palette's. */
FrColor                 fr_chart_option_color                 (const FrModel       *model,
                                                               const char          *option_id);
FrColor                 fr_chart_stakeholder_color            (const FrModel       *model,
                                                               const FrStakeholder *stakeholder);

/* The analysis's ranking in its method and stakeholder. @model is the
 * analysis's document's model (NULL: looked up). NULL with @error set when
 * the document cannot be ranked. */
FrRankingChartData     *fr_ranking_chart_data_from_analysis   (FrAnalysis          *analysis,
                                                               const FrModel       *model,
                                                               GError             **error);
FrProfileChartData     *fr_profile_chart_data_from_analysis   (FrAnalysis          *analysis,
                                                               const FrModel       *model,
                                                               GError             **error);
/* The tornado of @option (−1: the leader) with every weight moved by
 * ±@change of itself (INFINITY: over 0..1), and the leader's stability
 * intervals, on the weighted sum with the analysis's weights. */
FrSensitivityChartData *fr_sensitivity_chart_data_from_analysis (FrAnalysis        *analysis,
                                                                 const FrModel     *model,
                                                                 int                option,
                                                                 double             change,
                                                                 GError           **error);
/* A run's results so far (partial while it refines). @stakeholder: whose
 * weight intervals were sampled, NULL for any weights. */
FrSmaaChartData        *fr_smaa_chart_data_from_smaa          (const FrSmaa        *smaa,
                                                               const FrMatrix      *matrix,
                                                               const FrModel       *model,
                                                               const FrStakeholder *stakeholder);
/* Every stakeholder's utilities on @matrix (built from @model). */
FrStakeholderChartData *fr_stakeholder_chart_data_from_model  (const FrModel       *model,
                                                               const FrMatrix      *matrix);
/* Stakeholder @x_id against @y_id (NULL: the first two), with the Pareto
 * front and Nash choice of those two. NULL with @error when the model has
 * fewer than two stakeholders or names an unknown one. */
FrScatterChartData     *fr_scatter_chart_data_from_model      (const FrModel       *model,
                                                               const FrMatrix      *matrix,
                                                               const char          *x_id,
                                                               const char          *y_id,
                                                               GError             **error);

G_END_DECLS
