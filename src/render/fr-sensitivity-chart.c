/* fr-sensitivity-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-format.h"
#include "fr-sensitivity-chart.h"

FrSensitivityChartData *
fr_sensitivity_chart_data_new (guint n_criteria)
{
  FrSensitivityChartData *data = g_new0 (FrSensitivityChartData, 1);
  gsize n = MAX (n_criteria, 1);

  data->decimals = 2;
  data->n_criteria = n_criteria;
  data->criterion_names = g_new0 (char *, n_criteria + 1);
  data->weight = g_new0 (double, n);
  data->weight_low = g_new0 (double, n);
  data->weight_high = g_new0 (double, n);
  data->score_low = g_new0 (double, n);
  data->score_high = g_new0 (double, n);
  data->stable_low = g_new0 (double, n);
  data->stable_high = g_new0 (double, n);
  data->low_rival = g_new0 (char *, n_criteria + 1);
  data->high_rival = g_new0 (char *, n_criteria + 1);
  return data;
}

void
fr_sensitivity_chart_data_free (FrSensitivityChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->option_name);
  g_free (data->leader_name);
  g_strfreev (data->criterion_names);
  g_free (data->weight);
  g_free (data->weight_low);
  g_free (data->weight_high);
  g_free (data->score_low);
  g_free (data->score_high);
  g_free (data->stable_low);
  g_free (data->stable_high);
  /* The rival arrays may hold NULL holes, so they are freed one by one. */
  for (guint c = 0; c < data->n_criteria; c++)
    {
      g_free (data->low_rival[c]);
      g_free (data->high_rival[c]);
    }
  g_free (data->low_rival);
  g_free (data->high_rival);
  g_free (data);
}

gboolean
fr_sensitivity_chart_data_equal (const FrSensitivityChartData *a,
                                 const FrSensitivityChartData *b)
{
  gsize n;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_criteria != b->n_criteria || a->decimals != b->decimals ||
      memcmp (&a->score, &b->score, sizeof (double)) != 0 ||
      memcmp (&a->option_color, &b->option_color, sizeof (FrColor)) != 0 || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->subtitle, b->subtitle) != 0 || g_strcmp0 (a->option_name, b->option_name) != 0 ||
      g_strcmp0 (a->leader_name, b->leader_name) != 0)
    return FALSE;
  n = a->n_criteria;
  return fr_chart_strings_equal (a->criterion_names, b->criterion_names, n) &&
         fr_chart_strings_equal (a->low_rival, b->low_rival, n) &&
         fr_chart_strings_equal (a->high_rival, b->high_rival, n) &&
         memcmp (a->weight, b->weight, n * sizeof (double)) == 0 &&
         memcmp (a->weight_low, b->weight_low, n * sizeof (double)) == 0 &&
         memcmp (a->weight_high, b->weight_high, n * sizeof (double)) == 0 &&
         memcmp (a->score_low, b->score_low, n * sizeof (double)) == 0 &&
         memcmp (a->score_high, b->score_high, n * sizeof (double)) == 0 &&
         memcmp (a->stable_low, b->stable_low, n * sizeof (double)) == 0 &&
         memcmp (a->stable_high, b->stable_high, n * sizeof (double)) == 0;
}

static double
swing (const FrSensitivityChartData *data,
       guint                         c)
{
  double s = fabs (data->score_high[c] - data->score_low[c]);
  return isfinite (s) ? s : 0.0;
}

guint *
fr_sensitivity_chart_row_order (const FrSensitivityChartData *data)
{
  guint *order;

  g_return_val_if_fail (data != NULL, NULL);

  order = g_new (guint, MAX (data->n_criteria, 1));
  for (guint i = 0; i < data->n_criteria; i++)
    order[i] = i;
  /* Insertion sort: stable, and a dozen criteria at most in practice. */
  for (guint i = 1; i < data->n_criteria; i++)
    {
      guint v = order[i];
      guint j = i;
      while (j > 0 && swing (data, order[j - 1]) < swing (data, v))
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = v;
    }
  return order;
}

typedef struct {
  guint *order;
  double top, row_height, bar_height;
  double label_x, label_width;
  double t_x0, t_x1, s_x0, s_x1;      /* tornado and stability plots */
  double axis_y, header_y, gap;
  double t_low, t_high, t_step, t_ticks[32];
  guint t_n_ticks;
  double s_low, s_high, s_step, s_ticks[32];
  guint s_n_ticks;
  FrChartLegendItem legend[4];
  FrChartRect legend_rects[4];
  guint n_legend;
  char *tornado_header;
  char *stability_header;
} Layout;

static double
t_x (const Layout *l,
     double        v)
{
  return l->t_x0 + (v - l->t_low) / (l->t_high - l->t_low) * (l->t_x1 - l->t_x0);
}

static double
s_x (const Layout *l,
     double        v)
{
  return l->s_x0 + (v - l->s_low) / (l->s_high - l->s_low) * (l->s_x1 - l->s_x0);
}

static FrColor
lowered_color (const FrSensitivityChartData *data,
               const FrTheme                *theme)
{
  return fr_chart_mix (data->option_color, theme->background, 0.55);
}

static FrColor
stability_color (const FrTheme *theme)
{
  /* Opaque, so the track under it does not show through. */
  return fr_chart_mix (theme->accent, theme->background, 0.35);
}

static void
layout_once (FrChart                      *chart,
             const FrSensitivityChartData *data,
             Layout                       *l)
{
  double margin = fr_chart_margin (chart);
  double small_line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double legend_height, max_label = 0, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, plots, bottom;
  guint n = MAX (data->n_criteria, 1);
  const char *who = data->option_name != NULL ? data->option_name : "";
  const char *leader = data->leader_name != NULL ? data->leader_name : who;

  l->gap = round (chart->em * 0.4);
  g_clear_pointer (&l->tornado_header, g_free);
  g_clear_pointer (&l->stability_header, g_free);
  /* Translators: header of the tornado half of the sensitivity chart. */
  l->tornado_header = g_strdup_printf (_("Score of %s as each weight swings"), who);
  /* Translators: header of the stability half of the sensitivity chart. */
  l->stability_header = g_strdup_printf (_("Weights over which %s stays first"), leader);

  l->legend[0] = (FrChartLegendItem) { _("Weight lowered"), lowered_color (data, chart->theme), FR_CHART_SWATCH_BOX };
  l->legend[1] = (FrChartLegendItem) { _("Weight raised"), data->option_color, FR_CHART_SWATCH_BOX };
  l->legend[2] = (FrChartLegendItem) { _("Stable weights"), stability_color (chart->theme), FR_CHART_SWATCH_BOX };
  l->legend[3] = (FrChartLegendItem) { _("Current score or weight"), chart->theme->foreground, FR_CHART_SWATCH_LINE };
  legend_height = fr_chart_legend_layout (chart, l->legend, 4, margin, 0, chart->width - 2 * margin, l->legend_rects);
  if (legend_height > chart->height * 0.25)
    legend_height = 0, l->n_legend = 0;
  else
    {
      l->n_legend = 4;
      for (guint i = 0; i < 4; i++)
        l->legend_rects[i].y += chart->height - margin * 0.7 - legend_height;
    }
  bottom = chart->height - margin * 0.7 - (legend_height > 0 ? legend_height + margin * 0.5 : 0);

  l->header_y = fr_chart_title_height (chart, data->title, data->subtitle);
  l->top = l->header_y + small_line * 1.3;
  l->axis_y = bottom - small_line - l->gap;
  l->row_height = MAX (l->axis_y - l->gap - l->top, 1.0) / n;
  l->bar_height = round (l->row_height * 0.62);

  for (guint c = 0; c < data->n_criteria; c++)
    {
      double w;
      fr_chart_text_size (chart, FR_CHART_TEXT_BODY, data->criterion_names[c], -1, &w, NULL);
      max_label = MAX (max_label, w);
    }
  l->label_x = margin;
  l->label_width = MIN (max_label, chart->width * 0.28);
  plots = chart->width - margin * 2 - l->label_width - l->gap * 2;
  /* The tornado gets the larger share: its scale is finer. */
  l->t_x0 = l->label_x + l->label_width + l->gap * 2;
  l->t_x1 = l->t_x0 + MAX (plots * 0.56 - margin * 0.5, 1.0);
  l->s_x0 = l->t_x1 + margin * 2;
  l->s_x1 = MAX (chart->width - margin, l->s_x0 + 1);

  for (guint c = 0; c < data->n_criteria; c++)
    {
      double v[2] = { data->score_low[c], data->score_high[c] };
      for (guint k = 0; k < 2; k++)
        if (isfinite (v[k]))
          lo = MIN (lo, v[k]), hi = MAX (hi, v[k]);
    }
  if (isfinite (data->score))
    lo = MIN (lo, data->score), hi = MAX (hi, data->score);
  if (lo > hi)
    lo = 0, hi = 1;
  l->t_low = lo;
  l->t_high = hi;
  l->t_n_ticks = fr_chart_nice_ticks (&l->t_low, &l->t_high,
                                      (guint) CLAMP ((l->t_x1 - l->t_x0) / (chart->em * 4), 2, 9),
                                      l->t_ticks, &l->t_step);
  l->s_low = 0;
  l->s_high = 1;
  l->s_n_ticks = fr_chart_nice_ticks (&l->s_low, &l->s_high,
                                      (l->s_x1 - l->s_x0) > chart->em * 16 ? 5 : 3, l->s_ticks, &l->s_step);
}

static void
layout (FrChart                      *chart,
        const FrSensitivityChartData *data,
        Layout                       *l)
{
  memset (l, 0, sizeof *l);
  l->order = fr_sensitivity_chart_row_order (data);
  layout_once (chart, data, l);
  if (l->row_height < fr_chart_line_height (chart, FR_CHART_TEXT_BODY) * 1.15)
    {
      fr_chart_fit_rows (chart, l->row_height);
      layout_once (chart, data, l);
    }
}

static void
layout_clear (Layout *l)
{
  g_free (l->order);
  g_free (l->tornado_header);
  g_free (l->stability_header);
}

static double
bar_top (const Layout *l,
         guint         row)
{
  return round (l->top + row * l->row_height + (l->row_height - l->bar_height) / 2);
}

void
fr_sensitivity_chart_render (cairo_t                      *cr,
                             const FrSensitivityChartData *data,
                             double                        width,
                             double                        height,
                             const FrTheme                *theme)
{
  FrChart chart;
  Layout l;
  FrColor lowered;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  fr_chart_init (&chart, cr, width, height, theme);
  theme = chart.theme;
  layout (&chart, data, &l);
  fr_chart_draw_background (&chart);
  fr_chart_draw_title (&chart, data->title, data->subtitle);

  if (data->n_criteria == 0)
    {
      fr_chart_draw_message (&chart, _("No criteria to weigh."));
      goto out;
    }

  fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, l.tornado_header, l.t_x0, l.header_y, 0, 0,
                      l.t_x1 - l.t_x0, theme->muted);
  fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, l.stability_header, l.s_x0, l.header_y, 0, 0,
                      l.s_x1 - l.s_x0, theme->muted);
  fr_chart_draw_x_axis (&chart, l.t_x0, l.t_x1, l.top, l.axis_y, l.t_low, l.t_high, l.t_ticks, l.t_n_ticks,
                        l.t_step, FR_CHART_VALUE_SCORE);
  fr_chart_draw_x_axis (&chart, l.s_x0, l.s_x1, l.top, l.axis_y, l.s_low, l.s_high, l.s_ticks, l.s_n_ticks,
                        l.s_step, FR_CHART_VALUE_SHARE);

  lowered = lowered_color (data, theme);
  for (guint row = 0; row < data->n_criteria; row++)
    {
      guint c = l.order[row];
      double y = bar_top (&l, row);
      double cy = l.top + (row + 0.5) * l.row_height;
      double mid = t_x (&l, isfinite (data->score) ? data->score : l.t_low);
      double lo = isfinite (data->stable_low[c]) ? CLAMP (data->stable_low[c], 0, 1) : 0;
      double hi = isfinite (data->stable_high[c]) ? CLAMP (data->stable_high[c], 0, 1) : 0;
      double w = isfinite (data->weight[c]) ? CLAMP (data->weight[c], 0, 1) : 0;

      fr_chart_draw_text (&chart, FR_CHART_TEXT_BODY, data->criterion_names[c], l.label_x, cy, 0, 0.5,
                          l.label_width + 1, theme->foreground);

      if (isfinite (data->score_low[c]))
        {
          double x = t_x (&l, data->score_low[c]);
          fr_color_set_source (cr, lowered);
          cairo_rectangle (cr, MIN (x, mid), y, fabs (x - mid), l.bar_height);
          cairo_fill (cr);
        }
      if (isfinite (data->score_high[c]))
        {
          double x = t_x (&l, data->score_high[c]);
          fr_color_set_source (cr, data->option_color);
          cairo_rectangle (cr, MIN (x, mid), y, fabs (x - mid), l.bar_height);
          cairo_fill (cr);
        }

      /* The whole weight range as a track, the stable part over it. */
      fr_color_set_source (cr, theme->grid);
      cairo_rectangle (cr, s_x (&l, 0), y + l.bar_height * 0.35, s_x (&l, 1) - s_x (&l, 0), l.bar_height * 0.3);
      cairo_fill (cr);
      fr_color_set_source (cr, stability_color (theme));
      cairo_rectangle (cr, s_x (&l, lo), y, MAX (s_x (&l, hi) - s_x (&l, lo), 1.0), l.bar_height);
      cairo_fill (cr);
      fr_color_set_source (cr, theme->foreground);
      cairo_rectangle (cr, round (s_x (&l, w)) - 1, y - l.bar_height * 0.15, 2, l.bar_height * 1.3);
      cairo_fill (cr);
    }

  /* The current score across every row of the tornado. */
  if (isfinite (data->score))
    {
      fr_color_set_source (cr, theme->foreground);
      cairo_rectangle (cr, round (t_x (&l, data->score)) - 1, l.top, 2, l.axis_y - l.top);
      cairo_fill (cr);
    }

  fr_chart_draw_legend (&chart, l.legend, l.n_legend, l.legend_rects);

out:
  layout_clear (&l);
  fr_chart_clear (&chart);
  cairo_restore (cr);
}

gboolean
fr_sensitivity_chart_hit_test (const FrSensitivityChartData *data,
                               double                        width,
                               double                        height,
                               const FrTheme                *theme,
                               double                        x,
                               double                        y,
                               FrChartHit                   *hit)
{
  FrChart chart;
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  fr_chart_hit_clear (hit);
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);
  if (data->n_criteria > 0 && y >= l.top && y < l.top + data->n_criteria * l.row_height)
    {
      guint row = MIN ((guint) ((y - l.top) / l.row_height), data->n_criteria - 1);

      if (x >= l.label_x && x < l.t_x1 + l.gap)
        hit->kind = FR_CHART_HIT_CRITERION;
      else if (x >= l.s_x0 - l.gap && x < l.s_x1 + l.gap)
        hit->kind = FR_CHART_HIT_STABILITY;
      if (hit->kind != FR_CHART_HIT_NONE)
        hit->criterion = (int) l.order[row];
    }
  layout_clear (&l);
  fr_chart_clear (&chart);
  return hit->kind != FR_CHART_HIT_NONE;
}

gboolean
fr_sensitivity_chart_bar_rect (const FrSensitivityChartData *data,
                               double                        width,
                               double                        height,
                               const FrTheme                *theme,
                               FrSensitivityChartPart        part,
                               guint                         criterion,
                               FrChartRect                  *rect)
{
  FrChart chart;
  Layout l;
  guint row = 0;
  double a, b;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (criterion >= data->n_criteria)
    return FALSE;
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);
  while (l.order[row] != criterion)
    row++;
  if (part == FR_SENSITIVITY_CHART_TORNADO)
    {
      a = t_x (&l, MIN (data->score_low[criterion], data->score_high[criterion]));
      b = t_x (&l, MAX (data->score_low[criterion], data->score_high[criterion]));
    }
  else
    {
      a = s_x (&l, CLAMP (data->stable_low[criterion], 0, 1));
      b = s_x (&l, CLAMP (data->stable_high[criterion], 0, 1));
    }
  rect->x = a;
  rect->width = b - a;
  rect->y = bar_top (&l, row);
  rect->height = l.bar_height;
  layout_clear (&l);
  fr_chart_clear (&chart);
  return TRUE;
}

char *
fr_sensitivity_chart_describe (const FrSensitivityChartData *data)
{
  const char *title, *who, *leader;
  g_autofree guint *order = NULL;
  g_autofree char *score = NULL;
  g_autoptr(GPtrArray) swings = NULL;
  g_autoptr(GPtrArray) ranges = NULL;
  g_autofree char *swing_list = NULL;
  g_autofree char *range_list = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL ? data->title : _("Sensitivity");
  if (data->n_criteria == 0)
    /* Translators: a chart's title, then why it is empty. */
    return g_strdup_printf (_("%s: no criteria to weigh."), title);
  who = data->option_name != NULL ? data->option_name : "";
  leader = data->leader_name != NULL ? data->leader_name : who;
  order = fr_sensitivity_chart_row_order (data);
  score = fr_format_score (data->score, data->decimals);
  swings = g_ptr_array_new_with_free_func (g_free);
  for (guint row = 0; row < data->n_criteria; row++)
    {
      guint c = order[row];
      g_autofree char *low = fr_format_score (data->score_low[c], data->decimals);
      g_autofree char *high = fr_format_score (data->score_high[c], data->decimals);

      /* Translators: criterion, then the score at the lowest and at the
       * highest weight of the swing. */
      g_ptr_array_add (swings, g_strdup_printf (_("%s (%s to %s)"),
                                                data->criterion_names[c] != NULL ? data->criterion_names[c] : "",
                                                low, high));
    }
  ranges = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < data->n_criteria; c++)
    {
      g_autofree char *low = fr_format_weight (data->stable_low[c]);
      g_autofree char *high = fr_format_weight (data->stable_high[c]);
      g_autofree char *now = fr_format_weight (data->weight[c]);
      g_autofree char *below = NULL;
      g_autofree char *above = NULL;

      if (data->low_rival[c] != NULL)
        /* Translators: who leads when the weight falls below the interval;
         * it follows the current weight inside the brackets. */
        below = g_strdup_printf (_("; below, %s leads"), data->low_rival[c]);
      if (data->high_rival[c] != NULL)
        /* Translators: who leads when the weight rises above the interval;
         * it follows the current weight inside the brackets. */
        above = g_strdup_printf (_("; above, %s leads"), data->high_rival[c]);
      /* Translators: criterion, lowest and highest stable weight, current
       * weight, then who leads below and above (each may be empty). */
      g_ptr_array_add (ranges, g_strdup_printf (_("%s is from %s to %s (now %s%s%s)"),
                                                data->criterion_names[c] != NULL ? data->criterion_names[c] : "",
                                                low, high, now, below != NULL ? below : "",
                                                above != NULL ? above : ""));
    }
  /* Translators: separates the criteria in the order their weight moves
   * the score most. */
  swing_list = fr_chart_join (swings, _(", then "));
  /* Translators: separates the items of a list in a chart's description. */
  range_list = fr_chart_join (ranges, _(", "));
  /* Translators: the sensitivity chart's title; the option, its score and
   * the criteria whose weights move it most; the leading option and the
   * weights over which it stays first. */
  return g_strdup_printf (_("%s: the score of %s (now %s) moves most with the weight of %s. "
                            "%s stays first while the weight of %s."),
                          title, who, score, swing_list, leader, range_list);
}
