/* fr-ranking-chart.h — the ranking as horizontal bars, best first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the weighted sum each bar is the stack of the criteria's weighted
 * contributions (in the criteria palette), so the chart shows why an
 * option leads; the option's own colour marks its row label. TOPSIS
 * closeness is not additive and is drawn as one bar in the option's
 * colour; PROMETHEE II net flows run left or right of a zero axis.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-chart-common.h"
#include "fr-theme.h"

G_BEGIN_DECLS

typedef enum {
  FR_RANKING_CHART_STACKED,    /* additive: contributions stacked */
  FR_RANKING_CHART_SCORE,      /* one bar from zero in the option's colour */
  FR_RANKING_CHART_NET_FLOW,   /* signed, around a zero axis */
} FrRankingChartKind;

typedef struct {
  char *title;                 /* "Ranking by weighted sum for Ukraine" */
  char *subtitle;              /* nullable */
  FrRankingChartKind kind;
  int decimals;                /* of the scores shown */
  guint n_options;
  guint n_criteria;            /* 0 unless STACKED */
  char **option_names;         /* n_options */
  FrColor *option_colors;      /* n_options */
  char **criterion_names;      /* n_criteria */
  FrColor *criterion_colors;   /* n_criteria */
  double *scores;              /* n_options */
  double *contributions;       /* n_options × n_criteria, row-major; STACKED only */
  guint *order;                /* n_options option indices, best first */
  int highlighted;             /* option drawn emphasised, −1 for none */
} FrRankingChartData;

/* Every array allocated (zeroed) for the sizes, order the identity,
 * strings NULL; free with fr_ranking_chart_data_free(). */
FrRankingChartData *fr_ranking_chart_data_new  (guint                      n_options,
                                                guint                      n_criteria);
void                fr_ranking_chart_data_free (FrRankingChartData        *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrRankingChartData, fr_ranking_chart_data_free)
/* TRUE when @a and @b would draw the same chart (numbers compared bit
 * for bit); either may be NULL. */
gboolean fr_ranking_chart_data_equal (const FrRankingChartData *a,
                                      const FrRankingChartData *b);

void     fr_ranking_chart_render      (cairo_t                  *cr,
                                       const FrRankingChartData *data,
                                       double                    width,
                                       double                    height,
                                       const FrTheme            *theme);
/* The option (and for stacked bars the criterion) under (@x, @y); legend
 * entries give their criterion. Returns FALSE (hit kind NONE) elsewhere. */
gboolean fr_ranking_chart_hit_test    (const FrRankingChartData *data,
                                       double                    width,
                                       double                    height,
                                       const FrTheme            *theme,
                                       double                    x,
                                       double                    y,
                                       FrChartHit               *hit);
/* Where the bar of the option ranked @rank (0 = best) is drawn. */
gboolean fr_ranking_chart_bar_rect    (const FrRankingChartData *data,
                                       double                    width,
                                       double                    height,
                                       const FrTheme            *theme,
                                       guint                     rank,
                                       FrChartRect              *rect);
/* "Ranking by weighted sum for Ukraine: 1. Armed neutrality 0.62, 2. …" */
char    *fr_ranking_chart_describe    (const FrRankingChartData *data);

G_END_DECLS
