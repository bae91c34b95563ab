/* fr-chart-view.h — any analysis chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fr-chart-common.h"
#include "fr-theme.h"

G_BEGIN_DECLS

typedef enum {
  FR_CHART_NONE,
  FR_CHART_RANKING,      /* FrRankingChartData */
  FR_CHART_PROFILE,      /* FrProfileChartData */
  FR_CHART_SENSITIVITY,  /* FrSensitivityChartData */
  FR_CHART_SMAA,         /* FrSmaaChartData */
  FR_CHART_STAKEHOLDERS, /* FrStakeholderChartData */
  FR_CHART_SCATTER,      /* FrScatterChartData */
} FrChartKind;

#define FR_TYPE_CHART_VIEW (fr_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (FrChartView, fr_chart_view, FR, CHART_VIEW, GtkWidget)

/* Text for the tooltip over @hit, newly allocated, or NULL for none. */
typedef char *(*FrChartTooltipFunc) (FrChartView      *view,
                                     const FrChartHit *hit,
                                     gpointer          user_data);

GtkWidget    *fr_chart_view_new              (void);
/* Takes ownership of @data, which must be of the type @kind names; the
 * accessible description becomes the chart's text description. Data
 * equal to the chart's own are freed and change nothing, so the widget
 * is not drawn again. */
void          fr_chart_view_set_chart        (FrChartView        *self,
                                              FrChartKind         kind,
                                              gpointer            data);
FrChartKind   fr_chart_view_get_kind         (FrChartView        *self);
gconstpointer fr_chart_view_get_data         (FrChartView        *self);
/* The chart in words, as screen readers get it; newly allocated. */
char         *fr_chart_view_dup_description  (FrChartView        *self);
void          fr_chart_view_set_tooltip_func (FrChartView        *self,
                                              FrChartTooltipFunc  func,
                                              gpointer            user_data);
/* Draws the current chart: the one function screen and export share. */
/* The keyboard cursor: a position among the chart's options (criteria for
 * the sensitivity chart) in the order drawn, −1 for none; the text is what
 * the item under it shows, NULL with no cursor. */
void          fr_chart_view_set_cursor       (FrChartView        *self,
                                              int                 position);
int           fr_chart_view_get_cursor       (FrChartView        *self);
char         *fr_chart_view_dup_cursor_text  (FrChartView        *self);
void          fr_chart_view_draw             (FrChartView        *self,
                                              cairo_t            *cr,
                                              double              width,
                                              double              height,
                                              const FrTheme      *theme);

G_END_DECLS
