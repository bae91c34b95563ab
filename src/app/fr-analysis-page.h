/* fr-analysis-page.h — the grid of live charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fr-analysis.h"
#include "fr-chart-view.h"

G_BEGIN_DECLS

#define FR_TYPE_ANALYSIS_PAGE (fr_analysis_page_get_type ())
G_DECLARE_FINAL_TYPE (FrAnalysisPage, fr_analysis_page, FR, ANALYSIS_PAGE, GtkBox)

GtkWidget   *fr_analysis_page_new          (void);
void         fr_analysis_page_set_analysis (FrAnalysisPage *self,
                                            FrAnalysis     *analysis);
FrChartView *fr_analysis_page_get_chart    (FrAnalysisPage *self,
                                            FrChartKind     kind);
/* Shows @kind alone over the whole page; FR_CHART_NONE returns to the grid. */
void         fr_analysis_page_enlarge      (FrAnalysisPage *self,
                                            FrChartKind     kind);
FrChartKind  fr_analysis_page_get_enlarged (FrAnalysisPage *self);
/* Draws @kind to a PNG, SVG or PDF file (by extension) of @width ×
 * @height, PNG pixels multiplied by @scale. */
gboolean     fr_analysis_page_export       (FrAnalysisPage *self,
                                            FrChartKind     kind,
                                            const char     *path,
                                            double          width,
                                            double          height,
                                            double          scale,
                                            GError        **error);
/* How many samples an SMAA run draws (the "smaa-samples" preference). */
void         fr_analysis_page_set_smaa_samples (FrAnalysisPage *self,
                                                guint64         n_samples);
/* Samples SMAA has drawn so far for the current inputs, and whether it is
 * finished. */
guint64      fr_analysis_page_get_smaa_samples (FrAnalysisPage *self,
                                                gboolean       *done);

G_END_DECLS
