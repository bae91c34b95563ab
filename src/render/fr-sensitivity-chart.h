/* fr-sensitivity-chart.h — tornado and weight stability intervals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per criterion, the criteria whose weight moves the score most
 * first. Left: the tornado, an option's score as the criterion's weight
 * swings down (pale) and up (full colour) around the current score. Right:
 * the weight's stability interval, the weights over which the leader stays
 * first, with the current weight marked. Both come from fr-sensitivity.h.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-chart-common.h"
#include "fr-theme.h"

G_BEGIN_DECLS

typedef struct {
  char *title;
  char *subtitle;              /* nullable */
  char *option_name;           /* whose score the tornado sweeps */
  FrColor option_color;
  char *leader_name;           /* whose lead the stability intervals keep */
  int decimals;
  double score;                /* the option's score at the current weights */
  guint n_criteria;
  char **criterion_names;      /* n_criteria */
  double *weight;              /* current weights (shares summing to one) */
  double *weight_low;          /* the swing of each weight */
  double *weight_high;
  double *score_low;           /* the option's score at weight_low */
  double *score_high;          /* … and at weight_high */
  double *stable_low;          /* stability interval of each weight */
  double *stable_high;
  char **low_rival;            /* who leads below stable_low; NULL entries for none */
  char **high_rival;           /* … above stable_high */
} FrSensitivityChartData;

FrSensitivityChartData *fr_sensitivity_chart_data_new  (guint                   n_criteria);
void                    fr_sensitivity_chart_data_free (FrSensitivityChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrSensitivityChartData, fr_sensitivity_chart_data_free)
/* TRUE when @a and @b would draw the same chart (numbers compared bit
 * for bit); either may be NULL. */
gboolean fr_sensitivity_chart_data_equal (const FrSensitivityChartData *a,
                                          const FrSensitivityChartData *b);

typedef enum {
  FR_SENSITIVITY_CHART_TORNADO,
  FR_SENSITIVITY_CHART_STABILITY,
} FrSensitivityChartPart;

void     fr_sensitivity_chart_render    (cairo_t                      *cr,
                                         const FrSensitivityChartData *data,
                                         double                        width,
                                         double                        height,
                                         const FrTheme                *theme);
/* A tornado bar or row label gives CRITERION, a stability bar STABILITY. */
gboolean fr_sensitivity_chart_hit_test  (const FrSensitivityChartData *data,
                                         double                        width,
                                         double                        height,
                                         const FrTheme                *theme,
                                         double                        x,
                                         double                        y,
                                         FrChartHit                   *hit);
/* Where @criterion's tornado bar (score_low..score_high) or stability bar
 * (stable_low..stable_high) is drawn. */
gboolean fr_sensitivity_chart_bar_rect  (const FrSensitivityChartData *data,
                                         double                        width,
                                         double                        height,
                                         const FrTheme                *theme,
                                         FrSensitivityChartPart        part,
                                         guint                         criterion,
                                         FrChartRect                  *rect);
/* Criterion indices by decreasing swing |score_high − score_low|, as the
 * rows are drawn; ties keep criterion order. Free with g_free(). */
guint   *fr_sensitivity_chart_row_order (const FrSensitivityChartData *data);
char    *fr_sensitivity_chart_describe  (const FrSensitivityChartData *data);

G_END_DECLS
