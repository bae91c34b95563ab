/* fr-smaa-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-format.h"
#include "fr-smaa-chart.h"

FrSmaaChartData *
fr_smaa_chart_data_new (guint n_options)
{
  FrSmaaChartData *data = g_new0 (FrSmaaChartData, 1);
  gsize n = MAX (n_options, 1);

  data->n_options = n_options;
  data->option_names = g_new0 (char *, n_options + 1);
  data->option_colors = g_new0 (FrColor, n);
  data->acceptability = g_new0 (double, n * n);
  data->confidence = g_new (double, n);
  data->order = g_new (guint, n);
  for (guint i = 0; i < n_options; i++)
    {
      data->confidence[i] = NAN;
      data->order[i] = i;
    }
  data->progress = 1.0;
  return data;
}

void
fr_smaa_chart_data_free (FrSmaaChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_strfreev (data->option_names);
  g_free (data->option_colors);
  g_free (data->acceptability);
  g_free (data->confidence);
  g_free (data->order);
  g_free (data);
}

gboolean
fr_smaa_chart_data_equal (const FrSmaaChartData *a,
                          const FrSmaaChartData *b)
{
  gsize n;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_options != b->n_options || a->n_samples != b->n_samples ||
      memcmp (&a->progress, &b->progress, sizeof (double)) != 0 || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->subtitle, b->subtitle) != 0)
    return FALSE;
  n = a->n_options;
  return fr_chart_strings_equal (a->option_names, b->option_names, n) &&
         memcmp (a->option_colors, b->option_colors, n * sizeof (FrColor)) == 0 &&
         memcmp (a->acceptability, b->acceptability, n * n * sizeof (double)) == 0 &&
         memcmp (a->confidence, b->confidence, n * sizeof (double)) == 0 &&
         memcmp (a->order, b->order, n * sizeof (guint)) == 0;
}

typedef struct {
  double top, row_height, header_y;
  double label_x, label_width, chip, gap;
  double cells_x, cell_width, conf_x, conf_width;
  double caption_y;
  char *caption;
} Layout;

static double
acceptability (const FrSmaaChartData *data,
               guint                  option,
               guint                  rank)
{
  double v = data->acceptability[(gsize) option * data->n_options + rank];
  return isfinite (v) ? CLAMP (v, 0.0, 1.0) : 0.0;
}

/* The option on @row; an order that names no option falls back to the
 * row itself rather than reading out of bounds. */
static guint
option_on_row (const FrSmaaChartData *data,
               guint                  row)
{
  guint o = data->order[row];
  return o < data->n_options ? o : row;
}

char *
fr_smaa_chart_caption (const FrSmaaChartData *data)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  count = fr_chart_format_count (data->n_samples);
  if (data->progress >= 1.0)
    /* Translators: %s is a number of Monte Carlo samples, "12,345". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s sample", "%s samples",
                                         (gulong) MIN (data->n_samples, G_MAXULONG)),
                            count);
  else
    {
      g_autofree char *done = fr_format_weight (CLAMP (data->progress, 0.0, 1.0));
      /* Translators: a number of samples, then a percentage of the run. */
      return g_strdup_printf (_("Partial result: %s samples so far (%s done)"), count, done);
    }
}

static void
layout_once (FrChart               *chart,
             const FrSmaaChartData *data,
             Layout                *l)
{
  double margin = fr_chart_margin (chart);
  double small_line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double body_line = fr_chart_line_height (chart, FR_CHART_TEXT_BODY);
  double max_label = 0, conf_header, rest;
  guint n = MAX (data->n_options, 1);

  l->gap = round (chart->em * 0.4);
  g_clear_pointer (&l->caption, g_free);
  l->caption = fr_smaa_chart_caption (data);
  l->caption_y = chart->height - margin * 0.7 - small_line;
  l->header_y = fr_chart_title_height (chart, data->title, data->subtitle);
  l->top = l->header_y + small_line + l->gap;
  l->row_height = MAX (l->caption_y - l->gap - l->top, 1.0) / n;

  l->chip = round (body_line * 0.7);
  for (guint o = 0; o < data->n_options; o++)
    {
      double w;
      fr_chart_text_size (chart, FR_CHART_TEXT_BODY, data->option_names[o], -1, &w, NULL);
      max_label = MAX (max_label, w);
    }
  l->label_x = margin;
  l->label_width = MAX (MIN (max_label, chart->width * 0.3 - l->chip - l->gap), 0);
  fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, _("Confidence"), -1, &conf_header, NULL);
  l->cells_x = l->label_x + l->chip + l->gap + l->label_width + l->gap;
  rest = chart->width - margin - l->cells_x;
  /* The confidence column is as wide as its header, within reason, and
   * stands apart from the ranks. */
  l->conf_width = CLAMP (conf_header + l->gap, rest / (n + 2), rest * 0.25);
  l->cell_width = MAX ((rest - l->conf_width - l->gap * 2) / n, 1.0);
  l->conf_x = l->cells_x + l->cell_width * n + l->gap * 2;
}

static void
layout (FrChart               *chart,
        const FrSmaaChartData *data,
        Layout                *l)
{
  memset (l, 0, sizeof *l);
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
  g_free (l->caption);
}

static void
cell_rect (const Layout *l,
           guint         n_options,
           guint         row,
           guint         rank,
           FrChartRect  *rect)
{
  double pad = l->cell_width > 12 ? 1.0 : 0.0;

  if (rank >= n_options)
    {
      rect->x = l->conf_x + pad;
      rect->width = l->conf_width - 2 * pad;
    }
  else
    {
      rect->x = l->cells_x + rank * l->cell_width + pad;
      rect->width = l->cell_width - 2 * pad;
    }
  rect->y = l->top + row * l->row_height + pad;
  rect->height = l->row_height - 2 * pad;
  /* Whole pixels: crisp edges, and solid fills instead of compositing. */
  rect->width = round (rect->x + rect->width) - round (rect->x);
  rect->x = round (rect->x);
  rect->height = round (rect->y + rect->height) - round (rect->y);
  rect->y = round (rect->y);
}

static void
draw_cell_text (FrChart           *chart,
                const FrChartRect *rect,
                const char        *text,
                FrColor            fill)
{
  double w, h;

  fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, text, -1, &w, &h);
  if (w > rect->width - 2 || h > rect->height)
    return;
  fr_chart_draw_text (chart, FR_CHART_TEXT_SMALL, text, rect->x + rect->width / 2, rect->y + rect->height / 2,
                      0.5, 0.5, -1, fr_chart_text_on (fill));
}

void
fr_smaa_chart_render (cairo_t               *cr,
                      const FrSmaaChartData *data,
                      double                 width,
                      double                 height,
                      const FrTheme         *theme)
{
  FrChart chart;
  Layout l;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  fr_chart_init (&chart, cr, width, height, theme);
  theme = chart.theme;
  layout (&chart, data, &l);
  fr_chart_draw_background (&chart);
  fr_chart_draw_title (&chart, data->title, data->subtitle);
  n = data->n_options;

  if (n == 0)
    {
      fr_chart_draw_message (&chart, _("No options to rank."));
      goto out;
    }

  for (guint r = 0; r < n; r++)
    {
      char number[16];
      g_snprintf (number, sizeof number, "%u", r + 1);
      fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, number, l.cells_x + (r + 0.5) * l.cell_width,
                          l.top - l.gap, 0.5, 1, l.cell_width, theme->muted);
    }
  fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, _("Confidence"), l.conf_x + l.conf_width / 2,
                      l.top - l.gap, 0.5, 1, l.conf_width, theme->muted);

  for (guint row = 0; row < n; row++)
    {
      guint o = option_on_row (data, row);
      double cy = l.top + (row + 0.5) * l.row_height;
      FrChartRect rect;
      FrColor fill;

      fr_color_set_source (cr, data->option_colors[o]);
      cairo_rectangle (cr, l.label_x, round (cy - l.chip / 2), l.chip, l.chip);
      cairo_fill (cr);
      fr_chart_draw_text (&chart, FR_CHART_TEXT_BODY, data->option_names[o], l.label_x + l.chip + l.gap, cy, 0,
                          0.5, l.label_width + 1, theme->foreground);

      for (guint r = 0; r < n; r++)
        {
          double v = acceptability (data, o, r);
          g_autofree char *text = fr_format_weight (v);

          cell_rect (&l, n, row, r, &rect);
          fill = fr_chart_heat_color (theme, v);
          fr_color_set_source (cr, fill);
          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
          cairo_fill (cr);
          draw_cell_text (&chart, &rect, text, fill);
        }

      cell_rect (&l, n, row, n, &rect);
      if (isfinite (data->confidence[o]))
        {
          double v = CLAMP (data->confidence[o], 0.0, 1.0);
          g_autofree char *text = fr_format_weight (v);

          fill = fr_chart_heat_color (theme, v);
          fr_color_set_source (cr, fill);
          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
          cairo_fill (cr);
          draw_cell_text (&chart, &rect, text, fill);
        }
      else
        {
          /* Not estimated yet: an outline and an ellipsis, not a zero. */
          fr_color_set_source (cr, theme->grid);
          cairo_set_line_width (cr, 1.0);
          cairo_rectangle (cr, rect.x + 0.5, rect.y + 0.5, rect.width - 1, rect.height - 1);
          cairo_stroke (cr);
          fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, "…", rect.x + rect.width / 2, rect.y + rect.height / 2,
                              0.5, 0.5, -1, theme->muted);
        }
    }

  fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, l.caption, fr_chart_margin (&chart), l.caption_y, 0, 0,
                      chart.width - 2 * fr_chart_margin (&chart),
                      data->progress < 1.0 ? theme->accent : theme->muted);

out:
  layout_clear (&l);
  fr_chart_clear (&chart);
  cairo_restore (cr);
}

gboolean
fr_smaa_chart_hit_test (const FrSmaaChartData *data,
                        double                 width,
                        double                 height,
                        const FrTheme         *theme,
                        double                 x,
                        double                 y,
                        FrChartHit            *hit)
{
  FrChart chart;
  Layout l;
  guint n;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  fr_chart_hit_clear (hit);
  n = data->n_options;
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);
  if (n > 0 && y >= l.top && y < l.top + n * l.row_height)
    {
      guint row = MIN ((guint) ((y - l.top) / l.row_height), n - 1);
      guint o = option_on_row (data, row);

      if (x >= l.label_x && x < l.cells_x)
        hit->kind = FR_CHART_HIT_OPTION;
      else if (x >= l.cells_x && x < l.cells_x + n * l.cell_width)
        {
          hit->kind = FR_CHART_HIT_CELL;
          hit->rank = (int) MIN ((guint) ((x - l.cells_x) / l.cell_width), n - 1);
        }
      else if (x >= l.conf_x && x < l.conf_x + l.conf_width)
        hit->kind = FR_CHART_HIT_CONFIDENCE;
      if (hit->kind != FR_CHART_HIT_NONE)
        hit->option = (int) o;
    }
  layout_clear (&l);
  fr_chart_clear (&chart);
  return hit->kind != FR_CHART_HIT_NONE;
}

gboolean
fr_smaa_chart_cell_rect (const FrSmaaChartData *data,
                         double                 width,
                         double                 height,
                         const FrTheme         *theme,
                         guint                  option,
                         guint                  rank,
                         FrChartRect           *rect)
{
  FrChart chart;
  Layout l;
  guint row = 0;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (option >= data->n_options || rank > data->n_options)
    return FALSE;
  while (row < data->n_options && option_on_row (data, row) != option)
    row++;
  if (row == data->n_options)
    return FALSE;
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);
  cell_rect (&l, data->n_options, row, rank, rect);
  layout_clear (&l);
  fr_chart_clear (&chart);
  return TRUE;
}

char *
fr_smaa_chart_describe (const FrSmaaChartData *data)
{
  const char *title;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *list = NULL;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL ? data->title : _("Rank acceptability");
  if (data->n_options == 0)
    /* Translators: a chart's title, then why it is empty. */
    return g_strdup_printf (_("%s: no options to rank."), title);
  rows = g_ptr_array_new_with_free_func (g_free);
  for (guint row = 0; row < data->n_options; row++)
    {
      guint o = option_on_row (data, row);
      g_autoptr(GPtrArray) ranks = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *rank_list = NULL;
      char *item;

      for (guint r = 0; r < data->n_options; r++)
        {
          g_autofree char *share = fr_format_weight (acceptability (data, o, r));
          /* Translators: a rank and the share of samples with that rank. */
          g_ptr_array_add (ranks, g_strdup_printf (_("rank %u %s"), r + 1, share));
        }
      /* Translators: separates the items of a list in a chart's description. */
      rank_list = fr_chart_join (ranks, _(", "));
      /* Translators: an option, then its shares of each rank. */
      item = g_strdup_printf (_("%s: %s"), data->option_names[o] != NULL ? data->option_names[o] : "", rank_list);
      if (isfinite (data->confidence[o]))
        {
          g_autofree char *confidence = fr_format_weight (data->confidence[o]);
          g_autofree char *shares = item;

          /* Translators: an option's shares of each rank, then its
           * confidence factor, a percentage. */
          item = g_strdup_printf (_("%s, confidence %s"), shares, confidence);
        }
      g_ptr_array_add (rows, item);
    }
  /* Translators: separates longer items of a list in a chart's description. */
  list = fr_chart_join (rows, _("; "));
  caption = fr_smaa_chart_caption (data);
  /* Translators: the chart's title, each option's rank shares, then how
   * many samples they come from. */
  return g_strdup_printf (_("%s: %s. %s."), title, list, caption);
}
