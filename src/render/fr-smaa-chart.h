/* fr-smaa-chart.h — rank acceptability heatmap (SMAA-2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Options down, ranks across; each cell shaded by the share of samples in
 * which the option takes that rank, the percentage printed in it; the
 * confidence factor in a last column. A caption gives the number of
 * samples and says so while the run is still refining.
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
  guint n_options;
  char **option_names;         /* n_options */
  FrColor *option_colors;      /* n_options */
  double *acceptability;       /* n_options × n_options: [option × n + rank] */
  double *confidence;          /* n_options; NaN while not yet estimated */
  guint *order;                /* rows, top first */
  guint64 n_samples;           /* drawn so far */
  double progress;             /* 0..1; below 1 the figures are partial */
} FrSmaaChartData;

FrSmaaChartData *fr_smaa_chart_data_new  (guint            n_options);
void             fr_smaa_chart_data_free (FrSmaaChartData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrSmaaChartData, fr_smaa_chart_data_free)
/* TRUE when @a and @b would draw the same chart (numbers compared bit
 * for bit); either may be NULL. */
gboolean fr_smaa_chart_data_equal (const FrSmaaChartData *a,
                                   const FrSmaaChartData *b);

void     fr_smaa_chart_render     (cairo_t               *cr,
                                   const FrSmaaChartData *data,
                                   double                 width,
                                   double                 height,
                                   const FrTheme         *theme);
/* A cell gives CELL (option, rank), the last column CONFIDENCE, a row
 * label OPTION. */
gboolean fr_smaa_chart_hit_test   (const FrSmaaChartData *data,
                                   double                 width,
                                   double                 height,
                                   const FrTheme         *theme,
                                   double                 x,
                                   double                 y,
                                   FrChartHit            *hit);
/* Where @option's cell for @rank is drawn; @rank = n_options is the
 * confidence column. */
gboolean fr_smaa_chart_cell_rect  (const FrSmaaChartData *data,
                                   double                 width,
                                   double                 height,
                                   const FrTheme         *theme,
                                   guint                  option,
                                   guint                  rank,
                                   FrChartRect           *rect);
/* "12,345 samples" or "Partial result: 2,500 samples so far (25.0 % done)". */
char    *fr_smaa_chart_caption    (const FrSmaaChartData *data);
char    *fr_smaa_chart_describe   (const FrSmaaChartData *data);

G_END_DECLS
