/* fr-stakeholder-chart.h — where the stakeholders' utilities meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pictures of fr-stakeholders.h's results:
 *   the matrix: options down, stakeholders across, each cell a bar of the
 *     option's utility for that stakeholder with the stakeholder's
 *     reservation level marked; rows in the zone of possible agreement
 *     are highlighted and the Nash bargaining choice is ringed;
 *   the scatter: two stakeholders' utilities as x and y, options as dots
 *     in their colours, both reservation levels as lines, the Pareto front
 *     connected and the Nash choice ringed.
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
  int decimals;
  guint n_stakeholders;
  guint n_options;
  char **stakeholder_names;    /* n_stakeholders */
  FrColor *stakeholder_colors; /* n_stakeholders */
  double *reservation;         /* n_stakeholders */
  char **option_names;         /* n_options */
  FrColor *option_colors;      /* n_options */
  double *utility;             /* n_stakeholders × n_options, stakeholder-major */
  gboolean *in_zopa;           /* n_options */
  int nash;                    /* option, −1 for none */
} FrStakeholderChartData;

FrStakeholderChartData *fr_stakeholder_chart_data_new  (guint                   n_stakeholders,
                                                        guint                   n_options);
void                    fr_stakeholder_chart_data_free (FrStakeholderChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrStakeholderChartData, fr_stakeholder_chart_data_free)
/* TRUE when @a and @b would draw the same chart (numbers compared bit
 * for bit); either may be NULL. */
gboolean fr_stakeholder_chart_data_equal (const FrStakeholderChartData *a,
                                          const FrStakeholderChartData *b);

void     fr_stakeholder_chart_render    (cairo_t                      *cr,
                                         const FrStakeholderChartData *data,
                                         double                        width,
                                         double                        height,
                                         const FrTheme                *theme);
/* A cell gives UTILITY (stakeholder, option), a column header
 * STAKEHOLDER, a row label OPTION. */
gboolean fr_stakeholder_chart_hit_test  (const FrStakeholderChartData *data,
                                         double                        width,
                                         double                        height,
                                         const FrTheme                *theme,
                                         double                        x,
                                         double                        y,
                                         FrChartHit                   *hit);
/* Where the bar of @option's utility for @stakeholder is drawn (from the
 * cell's zero to the utility). */
gboolean fr_stakeholder_chart_bar_rect  (const FrStakeholderChartData *data,
                                         double                        width,
                                         double                        height,
                                         const FrTheme                *theme,
                                         guint                         stakeholder,
                                         guint                         option,
                                         FrChartRect                  *rect);
char    *fr_stakeholder_chart_describe  (const FrStakeholderChartData *data);

typedef struct {
  char *title;
  char *subtitle;              /* nullable */
  int decimals;
  char *x_name;                /* stakeholder along x */
  char *y_name;                /* stakeholder along y */
  FrColor x_color;
  FrColor y_color;
  double x_reservation;
  double y_reservation;
  guint n_options;
  char **option_names;         /* n_options */
  FrColor *option_colors;      /* n_options */
  double *x;                   /* n_options: x stakeholder's utilities */
  double *y;                   /* n_options: y stakeholder's utilities */
  gboolean *pareto;            /* n_options: on the two stakeholders' front */
  int nash;                    /* the two stakeholders' Nash choice, −1 for none */
} FrScatterChartData;

FrScatterChartData *fr_scatter_chart_data_new  (guint               n_options);
void                fr_scatter_chart_data_free (FrScatterChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrScatterChartData, fr_scatter_chart_data_free)
/* TRUE when @a and @b would draw the same chart (numbers compared bit
 * for bit); either may be NULL. */
gboolean fr_scatter_chart_data_equal (const FrScatterChartData *a,
                                      const FrScatterChartData *b);

void     fr_scatter_chart_render    (cairo_t                  *cr,
                                     const FrScatterChartData *data,
                                     double                    width,
                                     double                    height,
                                     const FrTheme            *theme);
/* The nearest dot within reach, or a legend entry, gives OPTION. */
gboolean fr_scatter_chart_hit_test  (const FrScatterChartData *data,
                                     double                    width,
                                     double                    height,
                                     const FrTheme            *theme,
                                     double                    x,
                                     double                    y,
                                     FrChartHit               *hit);
/* Where @option's dot is drawn, and its radius. */
gboolean fr_scatter_chart_point     (const FrScatterChartData *data,
                                     double                    width,
                                     double                    height,
                                     const FrTheme            *theme,
                                     guint                     option,
                                     double                   *x,
                                     double                   *y,
                                     double                   *radius);
char    *fr_scatter_chart_describe  (const FrScatterChartData *data);

G_END_DECLS
