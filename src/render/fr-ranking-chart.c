/* fr-ranking-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-format.h"
#include "fr-ranking-chart.h"

FrRankingChartData *
fr_ranking_chart_data_new (guint n_options,
                           guint n_criteria)
{
  FrRankingChartData *data = g_new0 (FrRankingChartData, 1);

  data->kind = n_criteria > 0 ? FR_RANKING_CHART_STACKED : FR_RANKING_CHART_SCORE;
  data->decimals = 2;
  data->n_options = n_options;
  data->n_criteria = n_criteria;
  data->option_names = g_new0 (char *, n_options + 1);
  data->option_colors = g_new0 (FrColor, MAX (n_options, 1));
  data->criterion_names = g_new0 (char *, n_criteria + 1);
  data->criterion_colors = g_new0 (FrColor, MAX (n_criteria, 1));
  data->scores = g_new0 (double, MAX (n_options, 1));
  data->contributions = g_new0 (double, MAX ((gsize) n_options * n_criteria, 1));
  data->order = g_new0 (guint, MAX (n_options, 1));
  for (guint i = 0; i < n_options; i++)
    data->order[i] = i;
  data->highlighted = -1;
  return data;
}

void
fr_ranking_chart_data_free (FrRankingChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_strfreev (data->option_names);
  g_strfreev (data->criterion_names);
  g_free (data->option_colors);
  g_free (data->criterion_colors);
  g_free (data->scores);
  g_free (data->contributions);
  g_free (data->order);
  g_free (data);
}

gboolean
fr_ranking_chart_data_equal (const FrRankingChartData *a,
                             const FrRankingChartData *b)
{
  gsize no, nc;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->kind != b->kind || a->decimals != b->decimals || a->n_options != b->n_options ||
      a->n_criteria != b->n_criteria || a->highlighted != b->highlighted || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->subtitle, b->subtitle) != 0)
    return FALSE;
  no = a->n_options;
  nc = a->n_criteria;
  return fr_chart_strings_equal (a->option_names, b->option_names, no) &&
         fr_chart_strings_equal (a->criterion_names, b->criterion_names, nc) &&
         memcmp (a->option_colors, b->option_colors, no * sizeof (FrColor)) == 0 &&
         memcmp (a->criterion_colors, b->criterion_colors, nc * sizeof (FrColor)) == 0 &&
         memcmp (a->scores, b->scores, no * sizeof (double)) == 0 &&
         memcmp (a->contributions, b->contributions, no * nc * sizeof (double)) == 0 &&
         memcmp (a->order, b->order, no * sizeof (guint)) == 0;
}

typedef struct {
  double title_height;
  double top, bottom;           /* of the rows */
  double row_height, bar_height;
  double label_x, label_width, chip;
  double x0, x1;                /* the value axis */
  double score_width, gap;
  double low, high, step;
  double ticks[32];
  guint n_ticks;
  double axis_y;
  guint n_legend;
  FrChartLegendItem *legend;
  FrChartRect *legend_rects;
} Layout;

static double
value_x (const Layout *l,
         double        value)
{
  return l->x0 + (value - l->low) / (l->high - l->low) * (l->x1 - l->x0);
}

/* The option at @rank; an order that names no option falls back to the
 * rank itself rather than reading out of bounds. */
static guint
option_at (const FrRankingChartData *data,
           guint                     rank)
{
  guint o = data->order[rank];
  return o < data->n_options ? o : rank;
}

static char *
rank_label (const FrRankingChartData *data,
            guint                     rank)
{
  const char *name = data->option_names[option_at (data, rank)];
  /* Translators: a row of the ranking chart: rank, then the option name. */
  return g_strdup_printf (_("%u. %s"), rank + 1, name != NULL ? name : "");
}

static gboolean
is_stacked (const FrRankingChartData *data)
{
  return data->kind == FR_RANKING_CHART_STACKED && data->n_criteria > 0 && data->contributions != NULL;
}

static void
layout_once (FrChart                  *chart,
             const FrRankingChartData *data,
             Layout                   *l)
{
  double margin = fr_chart_margin (chart);
  double small_line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double body_line = fr_chart_line_height (chart, FR_CHART_TEXT_BODY);
  double legend_height = 0, max_label = 0, max_score = 0, data_low = 0, data_high = 0, label_room;
  guint n = MAX (data->n_options, 1);
  guint max_ticks;

  l->gap = round (chart->em * 0.4);
  l->title_height = fr_chart_title_height (chart, data->title, data->subtitle);
  l->top = l->title_height;

  l->n_legend = 0;
  if (is_stacked (data))
    {
      for (guint c = 0; c < data->n_criteria; c++)
        {
          l->legend[c].label = data->criterion_names[c] != NULL ? data->criterion_names[c] : "";
          l->legend[c].color = data->criterion_colors[c];
          l->legend[c].swatch = FR_CHART_SWATCH_BOX;
        }
      legend_height = fr_chart_legend_layout (chart, l->legend, data->n_criteria, margin, 0,
                                              chart->width - 2 * margin, l->legend_rects);
      /* A legend that would crowd out the bars is left to the hover. */
      if (legend_height <= chart->height * 0.3)
        {
          for (guint c = 0; c < data->n_criteria; c++)
            l->legend_rects[c].y += chart->height - margin * 0.7 - legend_height;
          l->n_legend = data->n_criteria;
        }
      else
        legend_height = 0;
    }

  l->axis_y = chart->height - margin * 0.7 - (legend_height > 0 ? legend_height + margin * 0.5 : 0)
              - small_line - l->gap;
  l->bottom = l->axis_y - l->gap;
  l->row_height = MAX (l->bottom - l->top, 1.0) / n;
  l->bar_height = round (l->row_height * 0.68);

  /* The row labels: colour chip, "1. Name", ellipsized past a share of
   * the width. */
  l->chip = round (body_line * 0.7);
  label_room = chart->width * 0.38;
  for (guint r = 0; r < data->n_options; r++)
    {
      g_autofree char *label = rank_label (data, r);
      double w;

      fr_chart_text_size (chart, FR_CHART_TEXT_BODY, label, -1, &w, NULL);
      max_label = MAX (max_label, w);
    }
  l->label_x = margin;
  l->label_width = MIN (max_label, label_room - l->chip - l->gap);
  l->label_width = MAX (l->label_width, 0);

  for (guint i = 0; i < data->n_options; i++)
    {
      g_autofree char *text = fr_format_score (data->scores[i], data->decimals);
      double w;

      fr_chart_text_size (chart, FR_CHART_TEXT_BOLD, text, -1, &w, NULL);
      max_score = MAX (max_score, w);
      if (isfinite (data->scores[i]))
        {
          data_low = MIN (data_low, data->scores[i]);
          data_high = MAX (data_high, data->scores[i]);
        }
    }
  l->score_width = max_score;

  l->x0 = l->label_x + l->chip + l->gap + l->label_width + l->gap * 2;
  l->x1 = chart->width - margin - l->score_width - l->gap;
  if (data->kind == FR_RANKING_CHART_NET_FLOW)
    {
      double extent = MAX (fabs (data_low), fabs (data_high));
      l->x0 += l->score_width + l->gap;
      l->low = -extent;
      l->high = extent;
    }
  else
    {
      /* Weighted sums and closeness live in 0..1: a fixed scale keeps bars
       * comparable while a slider moves. */
      l->low = MIN (0.0, data_low);
      l->high = MAX (1.0, data_high);
    }
  if (l->x1 < l->x0 + 1)
    l->x1 = l->x0 + 1;
  max_ticks = (guint) CLAMP ((l->x1 - l->x0) / (chart->em * 4.5), 2, 11);
  l->n_ticks = fr_chart_nice_ticks (&l->low, &l->high, max_ticks, l->ticks, &l->step);
}

static void
layout (FrChart                  *chart,
        const FrRankingChartData *data,
        Layout                   *l)
{
  memset (l, 0, sizeof *l);
  l->legend = g_new0 (FrChartLegendItem, MAX (data->n_criteria, 1));
  l->legend_rects = g_new0 (FrChartRect, MAX (data->n_criteria, 1));
  layout_once (chart, data, l);
  /* Many options on a small picture: shrink the type to the rows, then
   * lay out again with the smaller title and legend. */
  if (l->row_height < fr_chart_line_height (chart, FR_CHART_TEXT_BODY) * 1.15)
    {
      fr_chart_fit_rows (chart, l->row_height);
      layout_once (chart, data, l);
    }
}

static void
layout_clear (Layout *l)
{
  g_free (l->legend);
  g_free (l->legend_rects);
}

static double
row_y (const Layout *l,
       guint         rank)
{
  return l->top + rank * l->row_height;
}

static void
bar_path (cairo_t *cr,
                  double   x0,
                  double   x1,
                  double   y,
                  double   h)
{
  if (x1 < x0)
    {
      double t = x0;
      x0 = x1;
      x1 = t;
    }
  cairo_rectangle (cr, round (x0), y, round (x1) - round (x0), h);
}

void
fr_ranking_chart_render (cairo_t                  *cr,
                         const FrRankingChartData *data,
                         double                    width,
                         double                    height,
                         const FrTheme            *theme)
{
  FrChart chart;
  Layout l;
  double zero;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  fr_chart_init (&chart, cr, width, height, theme);
  theme = chart.theme;
  layout (&chart, data, &l);
  fr_chart_draw_background (&chart);
  fr_chart_draw_title (&chart, data->title, data->subtitle);

  if (data->n_options == 0)
    {
      fr_chart_draw_message (&chart, _("No options to rank."));
      goto out;
    }

  fr_chart_draw_x_axis (&chart, l.x0, l.x1, l.top, l.axis_y, l.low, l.high, l.ticks, l.n_ticks, l.step,
                        FR_CHART_VALUE_SCORE);
  zero = value_x (&l, 0.0);

  for (guint r = 0; r < data->n_options; r++)
    {
      guint o = option_at (data, r);
      double y = row_y (&l, r);
      double bar_y = round (y + (l.row_height - l.bar_height) / 2);
      double cy = y + l.row_height / 2;
      double score = isfinite (data->scores[o]) ? data->scores[o] : 0.0;
      double end = value_x (&l, score);
      g_autofree char *label = rank_label (data, r);
      g_autofree char *value = fr_format_score (data->scores[o], data->decimals);

      if (data->highlighted == (int) o)
        {
          fr_color_set_source (cr, fr_color_with_alpha (theme->accent, 0.14));
          cairo_rectangle (cr, 0, y, chart.width, l.row_height);
          cairo_fill (cr);
        }

      fr_color_set_source (cr, data->option_colors[o]);
      cairo_rectangle (cr, l.label_x, round (cy - l.chip / 2), l.chip, l.chip);
      cairo_fill (cr);
      fr_chart_draw_text (&chart, r == 0 ? FR_CHART_TEXT_BOLD : FR_CHART_TEXT_BODY, label,
                          l.label_x + l.chip + l.gap, cy, 0, 0.5, l.label_width + 1, theme->foreground);

      if (is_stacked (data))
        {
          double x = zero;
          for (guint c = 0; c < data->n_criteria; c++)
            {
              double v = data->contributions[(gsize) o * data->n_criteria + c];
              double next;

              if (!isfinite (v) || v <= 0)
                continue;
              next = x + v / (l.high - l.low) * (l.x1 - l.x0);
              fr_color_set_source (cr, data->criterion_colors[c]);
              /* Whole pixels: crisp segment edges, and cairo fills them
               * without compositing an antialiased mask. */
              cairo_rectangle (cr, round (x), bar_y, round (next) - round (x), l.bar_height);
              cairo_fill (cr);
              /* A hairline between segments so equal colours never merge. */
              if (next - x >= 3)
                {
                  fr_color_set_source (cr, theme->background);
                  cairo_rectangle (cr, round (next), bar_y, 1, l.bar_height);
                  cairo_fill (cr);
                }
              x = next;
            }
          /* The option's colour closes the bar as a thin cap. */
          fr_color_set_source (cr, data->option_colors[o]);
          cairo_rectangle (cr, round (end) - 2, bar_y, 3, l.bar_height);
          cairo_fill (cr);
        }
      else
        {
          fr_color_set_source (cr, data->option_colors[o]);
          bar_path (cr, zero, end, bar_y, l.bar_height);
          cairo_fill (cr);
        }

      if (score < 0)
        fr_chart_draw_text (&chart, FR_CHART_TEXT_BOLD, value, MIN (end, zero) - l.gap, cy, 1, 0.5, -1,
                            theme->foreground);
      else
        fr_chart_draw_text (&chart, FR_CHART_TEXT_BOLD, value, MAX (end, zero) + l.gap, cy, 0, 0.5, -1,
                            theme->foreground);
    }

  if (data->kind == FR_RANKING_CHART_NET_FLOW)
    {
      fr_color_set_source (cr, theme->foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, round (zero) + 0.5, l.top);
      cairo_line_to (cr, round (zero) + 0.5, l.axis_y);
      cairo_stroke (cr);
    }

  fr_chart_draw_legend (&chart, l.legend, l.n_legend, l.legend_rects);

out:
  layout_clear (&l);
  fr_chart_clear (&chart);
  cairo_restore (cr);
}

gboolean
fr_ranking_chart_hit_test (const FrRankingChartData *data,
                           double                    width,
                           double                    height,
                           const FrTheme            *theme,
                           double                    x,
                           double                    y,
                           FrChartHit               *hit)
{
  FrChart chart;
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  fr_chart_hit_clear (hit);
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);

  for (guint c = 0; c < l.n_legend; c++)
    if (fr_chart_rect_contains (&l.legend_rects[c], x, y))
      {
        hit->kind = FR_CHART_HIT_CRITERION;
        hit->criterion = (int) c;
      }

  if (hit->kind == FR_CHART_HIT_NONE && data->n_options > 0 && y >= l.top && y < l.top + data->n_options * l.row_height &&
      x >= l.label_x && x < chart.width - fr_chart_margin (&chart) * 0.5)
    {
      guint r = MIN ((guint) ((y - l.top) / l.row_height), data->n_options - 1);
      guint o = option_at (data, r);
      double bar_y = round (row_y (&l, r) + (l.row_height - l.bar_height) / 2);

      hit->kind = FR_CHART_HIT_OPTION;
      hit->option = (int) o;
      hit->rank = (int) r;
      if (is_stacked (data) && y >= bar_y && y < bar_y + l.bar_height)
        {
          double left = value_x (&l, 0.0);
          for (guint c = 0; c < data->n_criteria; c++)
            {
              double v = data->contributions[(gsize) o * data->n_criteria + c];
              double right;

              if (!isfinite (v) || v <= 0)
                continue;
              right = left + v / (l.high - l.low) * (l.x1 - l.x0);
              if (x >= left && x < right)
                {
                  hit->kind = FR_CHART_HIT_SEGMENT;
                  hit->criterion = (int) c;
                  break;
                }
              left = right;
            }
        }
    }

  layout_clear (&l);
  fr_chart_clear (&chart);
  return hit->kind != FR_CHART_HIT_NONE;
}

gboolean
fr_ranking_chart_bar_rect (const FrRankingChartData *data,
                           double                    width,
                           double                    height,
                           const FrTheme            *theme,
                           guint                     rank,
                           FrChartRect              *rect)
{
  FrChart chart;
  Layout l;
  double zero, end, score;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (rank >= data->n_options)
    return FALSE;
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);
  score = data->scores[option_at (data, rank)];
  zero = value_x (&l, 0.0);
  end = value_x (&l, isfinite (score) ? score : 0.0);
  rect->x = MIN (zero, end);
  rect->width = fabs (end - zero);
  rect->y = round (row_y (&l, rank) + (l.row_height - l.bar_height) / 2);
  rect->height = l.bar_height;
  layout_clear (&l);
  fr_chart_clear (&chart);
  return TRUE;
}

char *
fr_ranking_chart_describe (const FrRankingChartData *data)
{
  const char *title;
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL ? data->title : _("Ranking");
  if (data->n_options == 0)
    /* Translators: a chart's title, then why it is empty. */
    return g_strdup_printf (_("%s: no options to rank."), title);
  places = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < data->n_options; r++)
    {
      guint o = option_at (data, r);
      g_autofree char *score = fr_format_score (data->scores[o], data->decimals);

      /* Translators: one place in a spoken ranking: rank, option, score. */
      g_ptr_array_add (places, g_strdup_printf (_("%u. %s %s"), r + 1,
                                                data->option_names[o] != NULL ? data->option_names[o] : "", score));
    }
  /* Translators: separates the items of a list in a chart's description. */
  list = fr_chart_join (places, _(", "));
  /* Translators: a chart's title, then what it shows. */
  return g_strdup_printf (_("%s: %s."), title, list);
}
