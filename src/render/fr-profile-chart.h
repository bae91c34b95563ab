/* fr-profile-chart.h — options across criteria as a radar (spider) chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One spoke per criterion, the 0..1 value (after the criterion's value
 * function, so outward is always better) along it, one polygon per option
 * in the option's colour.
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
  guint n_criteria;
  char **option_names;         /* n_options */
  FrColor *option_colors;      /* n_options */
  char **criterion_names;      /* n_criteria */
  double *values;              /* n_options × n_criteria, 0..1, row-major */
  int highlighted;             /* option drawn on top and stronger, −1 for none */
} FrProfileChartData;

FrProfileChartData *fr_profile_chart_data_new  (guint                      n_options,
                                                guint                      n_criteria);
void                fr_profile_chart_data_free (FrProfileChartData        *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrProfileChartData, fr_profile_chart_data_free)
/* TRUE when @a and @b would draw the same chart (numbers compared bit
 * for bit); either may be NULL. */
gboolean fr_profile_chart_data_equal (const FrProfileChartData *a,
                                      const FrProfileChartData *b);

void     fr_profile_chart_render    (cairo_t                  *cr,
                                     const FrProfileChartData *data,
                                     double                    width,
                                     double                    height,
                                     const FrTheme            *theme);
/* A vertex gives SEGMENT (option, criterion), a criterion label CRITERION,
 * a legend entry or the inside of a polygon OPTION (the topmost). */
gboolean fr_profile_chart_hit_test  (const FrProfileChartData *data,
                                     double                    width,
                                     double                    height,
                                     const FrTheme            *theme,
                                     double                    x,
                                     double                    y,
                                     FrChartHit               *hit);
/* Where @option's vertex on @criterion is drawn. */
gboolean fr_profile_chart_point     (const FrProfileChartData *data,
                                     double                    width,
                                     double                    height,
                                     const FrTheme            *theme,
                                     guint                     option,
                                     guint                     criterion,
                                     double                   *x,
                                     double                   *y);
char    *fr_profile_chart_describe  (const FrProfileChartData *data);

G_END_DECLS
