/* fr-stakeholder-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-format.h"
#include "fr-stakeholder-chart.h"

FrStakeholderChartData *
fr_stakeholder_chart_data_new (guint n_stakeholders,
                               guint n_options)
{
  FrStakeholderChartData *data = g_new0 (FrStakeholderChartData, 1);

  data->decimals = 2;
  data->n_stakeholders = n_stakeholders;
  data->n_options = n_options;
  data->stakeholder_names = g_new0 (char *, n_stakeholders + 1);
  data->stakeholder_colors = g_new0 (FrColor, MAX (n_stakeholders, 1));
  data->reservation = g_new0 (double, MAX (n_stakeholders, 1));
  data->option_names = g_new0 (char *, n_options + 1);
  data->option_colors = g_new0 (FrColor, MAX (n_options, 1));
  data->utility = g_new0 (double, MAX ((gsize) n_stakeholders * n_options, 1));
  data->in_zopa = g_new0 (gboolean, MAX (n_options, 1));
  data->nash = -1;
  return data;
}

void
fr_stakeholder_chart_data_free (FrStakeholderChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_strfreev (data->stakeholder_names);
  g_free (data->stakeholder_colors);
  g_free (data->reservation);
  g_strfreev (data->option_names);
  g_free (data->option_colors);
  g_free (data->utility);
  g_free (data->in_zopa);
  g_free (data);
}

gboolean
fr_stakeholder_chart_data_equal (const FrStakeholderChartData *a,
                                 const FrStakeholderChartData *b)
{
  gsize ns, no;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->decimals != b->decimals || a->n_stakeholders != b->n_stakeholders ||
      a->n_options != b->n_options || a->nash != b->nash || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->subtitle, b->subtitle) != 0)
    return FALSE;
  ns = a->n_stakeholders;
  no = a->n_options;
  return fr_chart_strings_equal (a->stakeholder_names, b->stakeholder_names, ns) &&
         fr_chart_strings_equal (a->option_names, b->option_names, no) &&
         memcmp (a->stakeholder_colors, b->stakeholder_colors, ns * sizeof (FrColor)) == 0 &&
         memcmp (a->option_colors, b->option_colors, no * sizeof (FrColor)) == 0 &&
         memcmp (a->reservation, b->reservation, ns * sizeof (double)) == 0 &&
         memcmp (a->utility, b->utility, ns * no * sizeof (double)) == 0 &&
         memcmp (a->in_zopa, b->in_zopa, no * sizeof (gboolean)) == 0;
}

FrScatterChartData *
fr_scatter_chart_data_new (guint n_options)
{
  FrScatterChartData *data = g_new0 (FrScatterChartData, 1);

  data->decimals = 2;
  data->n_options = n_options;
  data->option_names = g_new0 (char *, n_options + 1);
  data->option_colors = g_new0 (FrColor, MAX (n_options, 1));
  data->x = g_new0 (double, MAX (n_options, 1));
  data->y = g_new0 (double, MAX (n_options, 1));
  data->pareto = g_new0 (gboolean, MAX (n_options, 1));
  data->nash = -1;
  return data;
}

void
fr_scatter_chart_data_free (FrScatterChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->x_name);
  g_free (data->y_name);
  g_strfreev (data->option_names);
  g_free (data->option_colors);
  g_free (data->x);
  g_free (data->y);
  g_free (data->pareto);
  g_free (data);
}

gboolean
fr_scatter_chart_data_equal (const FrScatterChartData *a,
                             const FrScatterChartData *b)
{
  gsize n;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->decimals != b->decimals || a->n_options != b->n_options || a->nash != b->nash ||
      memcmp (&a->x_color, &b->x_color, sizeof (FrColor)) != 0 ||
      memcmp (&a->y_color, &b->y_color, sizeof (FrColor)) != 0 ||
      memcmp (&a->x_reservation, &b->x_reservation, sizeof (double)) != 0 ||
      memcmp (&a->y_reservation, &b->y_reservation, sizeof (double)) != 0 || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->subtitle, b->subtitle) != 0 || g_strcmp0 (a->x_name, b->x_name) != 0 ||
      g_strcmp0 (a->y_name, b->y_name) != 0)
    return FALSE;
  n = a->n_options;
  return fr_chart_strings_equal (a->option_names, b->option_names, n) &&
         memcmp (a->option_colors, b->option_colors, n * sizeof (FrColor)) == 0 &&
         memcmp (a->x, b->x, n * sizeof (double)) == 0 && memcmp (a->y, b->y, n * sizeof (double)) == 0 &&
         memcmp (a->pareto, b->pareto, n * sizeof (gboolean)) == 0;
}

static double
clamp01 (double v)
{
  return isfinite (v) ? CLAMP (v, 0.0, 1.0) : 0.0;
}

static const char *
name_or_empty (const char *name)
{
  return name != NULL ? name : "";
}

/* -------------------------------------------------------------------- */
/* The matrix                                                           */

typedef struct {
  double header_y, top, row_height, bar_height;
  double label_x, label_width, chip, gap;
  double cols_x, col_width, pad;
  FrChartLegendItem legend[3];
  FrChartRect legend_rects[3];
  guint n_legend;
} MatrixLayout;

static FrColor
zopa_color (const FrTheme *theme)
{
  return fr_color_with_alpha (theme->accent, 0.16);
}

static void
matrix_layout_once (FrChart                      *chart,
                    const FrStakeholderChartData *data,
                    MatrixLayout                 *l)
{
  double margin = fr_chart_margin (chart);
  double small_line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double body_line = fr_chart_line_height (chart, FR_CHART_TEXT_BODY);
  double legend_height, bottom, max_label = 0;
  guint n = MAX (data->n_options, 1);

  l->gap = round (chart->em * 0.4);
  l->legend[0] = (FrChartLegendItem) { _("Zone of possible agreement"), fr_color_with_alpha (chart->theme->accent, 0.4),
                                       FR_CHART_SWATCH_BOX };
  l->legend[1] = (FrChartLegendItem) { _("Reservation level"), chart->theme->muted, FR_CHART_SWATCH_DASHED_LINE };
  l->legend[2] = (FrChartLegendItem) { _("Nash bargaining choice"), chart->theme->foreground, FR_CHART_SWATCH_RING };
  legend_height = fr_chart_legend_layout (chart, l->legend, 3, margin, 0, chart->width - 2 * margin, l->legend_rects);
  if (legend_height > chart->height * 0.25)
    legend_height = 0, l->n_legend = 0;
  else
    {
      l->n_legend = 3;
      for (guint i = 0; i < 3; i++)
        l->legend_rects[i].y += chart->height - margin * 0.7 - legend_height;
    }
  bottom = chart->height - margin * 0.7 - (legend_height > 0 ? legend_height + margin * 0.5 : 0);

  l->header_y = fr_chart_title_height (chart, data->title, data->subtitle);
  l->top = l->header_y + small_line + l->gap;
  l->row_height = MAX (bottom - l->top, 1.0) / n;
  l->bar_height = round (l->row_height * 0.5);

  l->chip = round (body_line * 0.7);
  for (guint o = 0; o < data->n_options; o++)
    {
      double w;
      fr_chart_text_size (chart, FR_CHART_TEXT_BODY, data->option_names[o], -1, &w, NULL);
      max_label = MAX (max_label, w);
    }
  l->label_x = margin;
  l->label_width = MAX (MIN (max_label, chart->width * 0.3 - l->chip - l->gap * 1.5), 0);
  l->cols_x = l->label_x + l->chip + l->gap * 2.5 + l->label_width;
  l->col_width = MAX ((chart->width - margin - l->cols_x) / MAX (data->n_stakeholders, 1), 1.0);
  l->pad = MIN (l->gap, l->col_width * 0.1);
}

static void
matrix_layout (FrChart                      *chart,
               const FrStakeholderChartData *data,
               MatrixLayout                 *l)
{
  memset (l, 0, sizeof *l);
  matrix_layout_once (chart, data, l);
  if (l->row_height < fr_chart_line_height (chart, FR_CHART_TEXT_BODY) * 1.15)
    {
      fr_chart_fit_rows (chart, l->row_height);
      matrix_layout_once (chart, data, l);
    }
}

static double
cell_x (const MatrixLayout *l,
        guint               stakeholder,
        double              utility)
{
  double x0 = l->cols_x + stakeholder * l->col_width + l->pad;
  return x0 + clamp01 (utility) * (l->col_width - 2 * l->pad);
}

static double
matrix_bar_top (const MatrixLayout *l,
                guint               option)
{
  return round (l->top + option * l->row_height + (l->row_height - l->bar_height) / 2);
}

void
fr_stakeholder_chart_render (cairo_t                      *cr,
                             const FrStakeholderChartData *data,
                             double                        width,
                             double                        height,
                             const FrTheme                *theme)
{
  FrChart chart;
  MatrixLayout l;
  double dash;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  fr_chart_init (&chart, cr, width, height, theme);
  theme = chart.theme;
  matrix_layout (&chart, data, &l);
  fr_chart_draw_background (&chart);
  fr_chart_draw_title (&chart, data->title, data->subtitle);

  if (data->n_options == 0 || data->n_stakeholders == 0)
    {
      fr_chart_draw_message (&chart, _("No stakeholders or options to compare."));
      goto out;
    }

  for (guint o = 0; o < data->n_options; o++)
    if (data->in_zopa[o])
      {
        fr_color_set_source (cr, zopa_color (theme));
        cairo_rectangle (cr, l.label_x - l.gap, l.top + o * l.row_height, chart.width - l.label_x,
                         l.row_height);
        cairo_fill (cr);
      }

  for (guint s = 0; s < data->n_stakeholders; s++)
    {
      double x = l.cols_x + s * l.col_width;
      double chip = round (l.chip * 0.8);
      double w;

      fr_chart_text_size (&chart, FR_CHART_TEXT_SMALL, data->stakeholder_names[s], l.col_width - chip - l.gap * 1.5,
                          &w, NULL);
      fr_color_set_source (cr, data->stakeholder_colors[s]);
      cairo_rectangle (cr, x + l.pad, round (l.top - l.gap - chip), chip, chip);
      cairo_fill (cr);
      fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, data->stakeholder_names[s], x + l.pad + chip + l.gap * 0.5,
                          l.top - l.gap, 0, 1, l.col_width - chip - l.gap * 1.5, theme->foreground);
      /* Column rules and the track every bar runs along. */
      if (s > 0)
        {
          fr_color_set_source (cr, theme->grid);
          cairo_rectangle (cr, round (x), l.top, 1, data->n_options * l.row_height);
          cairo_fill (cr);
        }
    }

  for (guint o = 0; o < data->n_options; o++)
    {
      double cy = l.top + (o + 0.5) * l.row_height;
      double y = matrix_bar_top (&l, o);
      double chip_x = l.label_x, chip_y = round (cy - l.chip / 2);

      fr_color_set_source (cr, data->option_colors[o]);
      cairo_rectangle (cr, chip_x, chip_y, l.chip, l.chip);
      cairo_fill (cr);
      if (data->nash == (int) o)
        {
          fr_color_set_source (cr, theme->foreground);
          cairo_set_line_width (cr, MAX (1.5, chart.em / 8));
          cairo_arc (cr, chip_x + l.chip / 2, cy, l.chip * 0.85, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      fr_chart_draw_text (&chart, data->in_zopa[o] ? FR_CHART_TEXT_BOLD : FR_CHART_TEXT_BODY, data->option_names[o],
                          l.label_x + l.chip + l.gap * 1.5, cy, 0, 0.5, l.label_width + 1, theme->foreground);

      for (guint s = 0; s < data->n_stakeholders; s++)
        {
          double u = data->utility[(gsize) s * data->n_options + o];
          double x0 = cell_x (&l, s, 0), x1 = cell_x (&l, s, u);
          gboolean acceptable = isfinite (u) && u >= data->reservation[s];

          fr_color_set_source (cr, theme->grid);
          cairo_rectangle (cr, x0, round (cy) - 0.5, cell_x (&l, s, 1) - x0, 1);
          cairo_fill (cr);
          /* Below the reservation level the option is one this party
           * walks away from: the bar fades. */
          fr_color_set_source (cr, acceptable ? data->option_colors[o]
                                              : fr_chart_mix (data->option_colors[o], theme->background, 0.6));
          cairo_rectangle (cr, x0, y, x1 - x0, l.bar_height);
          cairo_fill (cr);

        }
    }

  /* The reservation levels over the bars, the values over everything. */
  dash = MAX (3.0, chart.em / 3);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_set_line_width (cr, MAX (1.5, chart.em / 8));
  for (guint s = 0; s < data->n_stakeholders; s++)
    {
      double x = round (cell_x (&l, s, data->reservation[s])) + 0.5;
      fr_color_set_source (cr, fr_chart_theme_is_dark (theme) ? theme->foreground : theme->muted);
      cairo_move_to (cr, x, l.top);
      cairo_line_to (cr, x, l.top + data->n_options * l.row_height);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint o = 0; o < data->n_options; o++)
    for (guint s = 0; s < data->n_stakeholders; s++)
      {
        double u = data->utility[(gsize) s * data->n_options + o];
        double x1 = cell_x (&l, s, u), cy = l.top + (o + 0.5) * l.row_height;
        gboolean acceptable = isfinite (u) && u >= data->reservation[s];
        g_autofree char *text = fr_format_score (u, data->decimals);
        double tw, th, rx = cell_x (&l, s, data->reservation[s]), tx = x1 + l.gap * 0.5;

        fr_chart_text_size (&chart, FR_CHART_TEXT_SMALL, text, -1, &tw, &th);
        /* Step over the reservation line rather than sit on it. */
        if (tx < rx + l.gap * 0.5 && tx + tw > rx - l.gap * 0.5)
          tx = rx + l.gap * 0.5;
        if (tx + tw < cell_x (&l, s, 1) + l.pad && th <= l.row_height)
          fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, text, tx, cy, 0, 0.5, -1,
                              acceptable ? theme->foreground : theme->muted);
      }

  fr_chart_draw_legend (&chart, l.legend, l.n_legend, l.legend_rects);

out:
  fr_chart_clear (&chart);
  cairo_restore (cr);
}

gboolean
fr_stakeholder_chart_hit_test (const FrStakeholderChartData *data,
                               double                        width,
                               double                        height,
                               const FrTheme                *theme,
                               double                        x,
                               double                        y,
                               FrChartHit                   *hit)
{
  FrChart chart;
  MatrixLayout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  fr_chart_hit_clear (hit);
  fr_chart_init (&chart, NULL, width, height, theme);
  matrix_layout (&chart, data, &l);
  if (data->n_stakeholders > 0 && data->n_options > 0)
    {
      double cols_end = l.cols_x + data->n_stakeholders * l.col_width;
      int s = x >= l.cols_x && x < cols_end ? (int) MIN ((guint) ((x - l.cols_x) / l.col_width),
                                                           data->n_stakeholders - 1) : -1;

      if (y >= l.top && y < l.top + data->n_options * l.row_height)
        {
          guint o = MIN ((guint) ((y - l.top) / l.row_height), data->n_options - 1);
          if (s >= 0)
            {
              hit->kind = FR_CHART_HIT_UTILITY;
              hit->stakeholder = s;
              hit->option = (int) o;
            }
          else if (x >= l.label_x && x < l.cols_x)
            {
              hit->kind = FR_CHART_HIT_OPTION;
              hit->option = (int) o;
            }
        }
      else if (s >= 0 && y >= l.header_y && y < l.top)
        {
          hit->kind = FR_CHART_HIT_STAKEHOLDER;
          hit->stakeholder = s;
        }
    }
  fr_chart_clear (&chart);
  return hit->kind != FR_CHART_HIT_NONE;
}

gboolean
fr_stakeholder_chart_bar_rect (const FrStakeholderChartData *data,
                               double                        width,
                               double                        height,
                               const FrTheme                *theme,
                               guint                         stakeholder,
                               guint                         option,
                               FrChartRect                  *rect)
{
  FrChart chart;
  MatrixLayout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (stakeholder >= data->n_stakeholders || option >= data->n_options)
    return FALSE;
  fr_chart_init (&chart, NULL, width, height, theme);
  matrix_layout (&chart, data, &l);
  rect->x = cell_x (&l, stakeholder, 0);
  rect->width = cell_x (&l, stakeholder, data->utility[(gsize) stakeholder * data->n_options + option]) - rect->x;
  rect->y = matrix_bar_top (&l, option);
  rect->height = l.bar_height;
  fr_chart_clear (&chart);
  return TRUE;
}

/* "Nash bargaining choice: X." or that there is none. */
static char *
describe_nash (int                nash,
               guint              n_options,
               const char *const *option_names)
{
  if (nash >= 0 && (guint) nash < n_options)
    return g_strdup_printf (_("Nash bargaining choice: %s."), name_or_empty (option_names[nash]));
  return g_strdup (_("There is no Nash bargaining choice."));
}

char *
fr_stakeholder_chart_describe (const FrStakeholderChartData *data)
{
  const char *title;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) agreed = NULL;
  g_autofree char *list = NULL;
  g_autofree char *agreement = NULL;
  g_autofree char *nash = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL ? data->title : _("Stakeholders");
  if (data->n_options == 0 || data->n_stakeholders == 0)
    /* Translators: a chart's title, then why it is empty. */
    return g_strdup_printf (_("%s: no stakeholders or options to compare."), title);
  stakeholders = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < data->n_stakeholders; s++)
    {
      g_autofree char *reservation = fr_format_score (data->reservation[s], data->decimals);
      g_autoptr(GPtrArray) utilities = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *utility_list = NULL;

      for (guint o = 0; o < data->n_options; o++)
        {
          g_autofree char *u = fr_format_score (data->utility[(gsize) s * data->n_options + o], data->decimals);
          /* Translators: an option and its utility. */
          g_ptr_array_add (utilities, g_strdup_printf (_("%s %s"), name_or_empty (data->option_names[o]), u));
        }
      /* Translators: separates the items of a list in a chart's description. */
      utility_list = fr_chart_join (utilities, _(", "));
      /* Translators: a stakeholder, its reservation level, then each
       * option with its utility. */
      g_ptr_array_add (stakeholders, g_strdup_printf (_("%s (reservation level %s): %s"),
                                                      name_or_empty (data->stakeholder_names[s]), reservation,
                                                      utility_list));
    }
  /* Translators: separates longer items of a list in a chart's description. */
  list = fr_chart_join (stakeholders, _("; "));
  agreed = g_ptr_array_new ();
  for (guint o = 0; o < data->n_options; o++)
    if (data->in_zopa[o])
      g_ptr_array_add (agreed, (gpointer) name_or_empty (data->option_names[o]));
  if (agreed->len > 0)
    {
      /* Translators: separates the items of a list in a chart's description. */
      g_autofree char *names = fr_chart_join (agreed, _(", "));
      agreement = g_strdup_printf (_("Acceptable to every stakeholder: %s."), names);
    }
  else
    agreement = g_strdup (_("No option is acceptable to every stakeholder."));
  nash = describe_nash (data->nash, data->n_options, (const char *const *) data->option_names);
  /* Translators: the chart's title and each stakeholder's utilities, then
   * two sentences: the options all accept, and the Nash bargaining choice. */
  return g_strdup_printf (_("%s: %s. %s %s"), title, list, agreement, nash);
}

/* -------------------------------------------------------------------- */
/* The scatter                                                          */

typedef struct {
  double x0, x1, y0, y1;        /* plot, y0 at the top */
  double x_low, x_high, y_low, y_high, x_step, y_step;
  double x_ticks[32], y_ticks[32];
  guint n_x_ticks, n_y_ticks;
  double dot, gap;
  double x_title_y, y_title_y;
  char *x_title, *y_title;
  FrChartLegendItem *legend;
  FrChartRect *legend_rects;
  guint n_legend;
} ScatterLayout;

static double
sx (const ScatterLayout *l,
    double               v)
{
  return l->x0 + (v - l->x_low) / (l->x_high - l->x_low) * (l->x1 - l->x0);
}

static double
sy (const ScatterLayout *l,
    double               v)
{
  return l->y1 - (v - l->y_low) / (l->y_high - l->y_low) * (l->y1 - l->y0);
}

static void
scatter_range (const double *values,
               guint         n,
               double        reservation,
               double       *low,
               double       *high)
{
  double lo = isfinite (reservation) ? reservation : 1.0;
  double hi = isfinite (reservation) ? reservation : 0.0;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      lo = MIN (lo, values[i]), hi = MAX (hi, values[i]);
  if (lo > hi)
    lo = 0, hi = 1;
  /* Some air around the outermost dots, never beyond the 0..1 scale. */
  *low = MAX (0.0, lo - 0.05);
  *high = MIN (1.0, hi + 0.05);
}

static void
scatter_layout (FrChart                  *chart,
                const FrScatterChartData *data,
                ScatterLayout            *l)
{
  double margin = fr_chart_margin (chart);
  double small_line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double legend_height, bottom, top, tick_w = 0;
  guint n_legend = data->n_options + 3;

  memset (l, 0, sizeof *l);
  l->gap = round (chart->em * 0.4);
  l->dot = MAX (3.0, chart->em * 0.42);
  /* Translators: an axis of the two-stakeholder scatter. */
  l->x_title = g_strdup_printf (_("Utility for %s"), name_or_empty (data->x_name));
  l->y_title = g_strdup_printf (_("Utility for %s"), name_or_empty (data->y_name));

  l->legend = g_new0 (FrChartLegendItem, n_legend);
  l->legend_rects = g_new0 (FrChartRect, n_legend);
  for (guint o = 0; o < data->n_options; o++)
    l->legend[o] = (FrChartLegendItem) { name_or_empty (data->option_names[o]), data->option_colors[o],
                                         FR_CHART_SWATCH_DOT };
  l->legend[data->n_options] = (FrChartLegendItem) { _("Pareto front"), chart->theme->foreground,
                                                     FR_CHART_SWATCH_LINE };
  l->legend[data->n_options + 1] = (FrChartLegendItem) { _("Reservation level"), chart->theme->muted,
                                                         FR_CHART_SWATCH_DASHED_LINE };
  l->legend[data->n_options + 2] = (FrChartLegendItem) { _("Nash bargaining choice"), chart->theme->foreground,
                                                         FR_CHART_SWATCH_RING };
  legend_height = fr_chart_legend_layout (chart, l->legend, n_legend, margin, 0, chart->width - 2 * margin,
                                          l->legend_rects);
  if (legend_height > chart->height * 0.3)
    legend_height = 0;
  else
    {
      l->n_legend = n_legend;
      for (guint i = 0; i < n_legend; i++)
        l->legend_rects[i].y += chart->height - margin * 0.7 - legend_height;
    }
  bottom = chart->height - margin * 0.7 - (legend_height > 0 ? legend_height + margin * 0.5 : 0);
  top = fr_chart_title_height (chart, data->title, data->subtitle);

  scatter_range (data->x, data->n_options, data->x_reservation, &l->x_low, &l->x_high);
  scatter_range (data->y, data->n_options, data->y_reservation, &l->y_low, &l->y_high);

  l->y_title_y = top;
  l->y0 = top + small_line + l->gap;
  l->x_title_y = bottom - small_line;
  l->y1 = l->x_title_y - small_line - l->gap * 2;
  l->n_y_ticks = fr_chart_nice_ticks (&l->y_low, &l->y_high,
                                      (guint) CLAMP ((l->y1 - l->y0) / (small_line * 2.5), 2, 11),
                                      l->y_ticks, &l->y_step);
  for (guint i = 0; i < l->n_y_ticks; i++)
    {
      g_autofree char *label = fr_chart_format_tick (l->y_ticks[i], l->y_step, FR_CHART_VALUE_SCORE);
      double w;
      fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, label, -1, &w, NULL);
      tick_w = MAX (tick_w, w);
    }
  l->x0 = margin + tick_w + l->gap;
  l->x1 = MAX (chart->width - margin, l->x0 + 1);
  l->y1 = MAX (l->y1, l->y0 + 1);
  l->n_x_ticks = fr_chart_nice_ticks (&l->x_low, &l->x_high,
                                      (guint) CLAMP ((l->x1 - l->x0) / (chart->em * 4), 2, 11),
                                      l->x_ticks, &l->x_step);
}

static void
scatter_layout_clear (ScatterLayout *l)
{
  g_free (l->x_title);
  g_free (l->y_title);
  g_free (l->legend);
  g_free (l->legend_rects);
}

static int
compare_x (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const FrScatterChartData *data = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (data->x[i] != data->x[j])
    return data->x[i] < data->x[j] ? -1 : 1;
  /* Equal x: the higher y first keeps the front a staircase. */
  if (data->y[i] != data->y[j])
    return data->y[i] > data->y[j] ? -1 : 1;
  return (i > j) - (i < j);
}

void
fr_scatter_chart_render (cairo_t                  *cr,
                         const FrScatterChartData *data,
                         double                    width,
                         double                    height,
                         const FrTheme            *theme)
{
  FrChart chart;
  ScatterLayout l;
  g_autofree guint *front = NULL;
  g_autoptr(GArray) placed = NULL;
  guint n_front = 0;
  double dash, rx, ry;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  fr_chart_init (&chart, cr, width, height, theme);
  theme = chart.theme;
  scatter_layout (&chart, data, &l);
  fr_chart_draw_background (&chart);
  fr_chart_draw_title (&chart, data->title, data->subtitle);

  /* Horizontal grid and y tick labels, then the x axis. */
  cairo_set_line_width (cr, 1.0);
  fr_color_set_source (cr, theme->grid);
  for (guint i = 0; i < l.n_y_ticks; i++)
    {
      double y = round (sy (&l, l.y_ticks[i])) + 0.5;
      cairo_move_to (cr, l.x0, y);
      cairo_line_to (cr, l.x1, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < l.n_y_ticks; i++)
    {
      g_autofree char *label = fr_chart_format_tick (l.y_ticks[i], l.y_step, FR_CHART_VALUE_SCORE);
      fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, label, l.x0 - l.gap, sy (&l, l.y_ticks[i]), 1, 0.5, -1,
                          theme->muted);
    }
  fr_chart_draw_x_axis (&chart, l.x0, l.x1, l.y0, l.y1, l.x_low, l.x_high, l.x_ticks, l.n_x_ticks, l.x_step,
                        FR_CHART_VALUE_SCORE);
  fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, l.x_title, l.x1, l.x_title_y, 1, 0, l.x1 - l.x0,
                      fr_chart_legible (theme, data->x_color));
  fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, l.y_title, l.x0, l.y_title_y, 0, 0, l.x1 - l.x0,
                      fr_chart_legible (theme, data->y_color));

  if (data->n_options == 0)
    goto legend;

  /* Where both would accept, and each one's reservation level. */
  rx = sx (&l, CLAMP (data->x_reservation, l.x_low, l.x_high));
  ry = sy (&l, CLAMP (data->y_reservation, l.y_low, l.y_high));
  fr_color_set_source (cr, zopa_color (theme));
  cairo_rectangle (cr, rx, l.y0, l.x1 - rx, ry - l.y0);
  cairo_fill (cr);
  dash = MAX (3.0, chart.em / 3);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_set_line_width (cr, MAX (1.5, chart.em / 8));
  fr_color_set_source (cr, fr_chart_legible (theme, data->x_color));
  cairo_move_to (cr, round (rx) + 0.5, l.y0);
  cairo_line_to (cr, round (rx) + 0.5, l.y1);
  cairo_stroke (cr);
  fr_color_set_source (cr, fr_chart_legible (theme, data->y_color));
  cairo_move_to (cr, l.x0, round (ry) + 0.5);
  cairo_line_to (cr, l.x1, round (ry) + 0.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  front = g_new (guint, data->n_options);
  for (guint o = 0; o < data->n_options; o++)
    if (data->pareto[o] && isfinite (data->x[o]) && isfinite (data->y[o]))
      front[n_front++] = o;
  g_qsort_with_data (front, (gint) n_front, sizeof (guint), compare_x, (gpointer) data);
  if (n_front > 1)
    {
      fr_color_set_source (cr, theme->foreground);
      cairo_set_line_width (cr, MAX (1.5, chart.em / 7));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n_front; i++)
        {
          if (i == 0)
            cairo_move_to (cr, sx (&l, data->x[front[i]]), sy (&l, data->y[front[i]]));
          else
            cairo_line_to (cr, sx (&l, data->x[front[i]]), sy (&l, data->y[front[i]]));
        }
      cairo_stroke (cr);
    }

  placed = g_array_new (FALSE, FALSE, sizeof (FrChartRect));
  for (guint o = 0; o < data->n_options; o++)
    {
      double x = sx (&l, data->x[o]), y = sy (&l, data->y[o]);
      if (!isfinite (data->x[o]) || !isfinite (data->y[o]))
        continue;
      cairo_arc (cr, x, y, l.dot, 0, 2 * G_PI);
      fr_color_set_source (cr, data->option_colors[o]);
      cairo_fill_preserve (cr);
      fr_color_set_source (cr, theme->background);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      {
        FrChartRect box = { x - l.dot, y - l.dot, 2 * l.dot, 2 * l.dot };
        g_array_append_val (placed, box);
      }
    }
  if (data->nash >= 0 && (guint) data->nash < data->n_options)
    {
      fr_color_set_source (cr, theme->foreground);
      cairo_set_line_width (cr, MAX (2.0, chart.em / 6));
      cairo_arc (cr, sx (&l, data->x[data->nash]), sy (&l, data->y[data->nash]), l.dot * 1.9, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  /* Names beside the dots where they fit without covering another. */
  for (guint o = 0; o < data->n_options; o++)
    {
      double x = sx (&l, data->x[o]), y = sy (&l, data->y[o]), w, h;
      FrChartRect box;
      gboolean free_spot = TRUE;

      if (!isfinite (data->x[o]) || !isfinite (data->y[o]))
        continue;
      fr_chart_text_size (&chart, FR_CHART_TEXT_SMALL, data->option_names[o], chart.width * 0.3, &w, &h);
      box = (FrChartRect) { x + l.dot * 2.2, y - h / 2, w, h };
      if (box.x + box.width > l.x1)
        box.x = x - l.dot * 2.2 - w;
      if (box.x < l.x0 || box.y < l.y0 || box.y + box.height > l.y1)
        continue;
      for (guint i = 0; i < placed->len && free_spot; i++)
        {
          const FrChartRect *other = &g_array_index (placed, FrChartRect, i);
          free_spot = box.x >= other->x + other->width || box.x + box.width <= other->x ||
                      box.y >= other->y + other->height || box.y + box.height <= other->y;
        }
      if (!free_spot)
        continue;
      g_array_append_val (placed, box);
      fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, data->option_names[o], box.x, box.y, 0, 0,
                          chart.width * 0.3, theme->foreground);
    }

legend:
  fr_chart_draw_legend (&chart, l.legend, l.n_legend, l.legend_rects);
  scatter_layout_clear (&l);
  fr_chart_clear (&chart);
  cairo_restore (cr);
}

gboolean
fr_scatter_chart_hit_test (const FrScatterChartData *data,
                           double                    width,
                           double                    height,
                           const FrTheme            *theme,
                           double                    x,
                           double                    y,
                           FrChartHit               *hit)
{
  FrChart chart;
  ScatterLayout l;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  fr_chart_hit_clear (hit);
  fr_chart_init (&chart, NULL, width, height, theme);
  scatter_layout (&chart, data, &l);
  for (guint o = 0; o < data->n_options; o++)
    {
      double d = hypot (sx (&l, data->x[o]) - x, sy (&l, data->y[o]) - y);
      if (isfinite (d) && d <= MAX (l.dot * 2, 8.0) && d < best)
        {
          best = d;
          hit->kind = FR_CHART_HIT_OPTION;
          hit->option = (int) o;
        }
    }
  for (guint o = 0; hit->kind == FR_CHART_HIT_NONE && o < MIN (l.n_legend, data->n_options); o++)
    if (fr_chart_rect_contains (&l.legend_rects[o], x, y))
      {
        hit->kind = FR_CHART_HIT_OPTION;
        hit->option = (int) o;
      }
  scatter_layout_clear (&l);
  fr_chart_clear (&chart);
  return hit->kind != FR_CHART_HIT_NONE;
}

gboolean
fr_scatter_chart_point (const FrScatterChartData *data,
                        double                    width,
                        double                    height,
                        const FrTheme            *theme,
                        guint                     option,
                        double                   *x,
                        double                   *y,
                        double                   *radius)
{
  FrChart chart;
  ScatterLayout l;

  g_return_val_if_fail (data != NULL, FALSE);

  if (option >= data->n_options)
    return FALSE;
  fr_chart_init (&chart, NULL, width, height, theme);
  scatter_layout (&chart, data, &l);
  if (x != NULL)
    *x = sx (&l, data->x[option]);
  if (y != NULL)
    *y = sy (&l, data->y[option]);
  if (radius != NULL)
    *radius = l.dot;
  scatter_layout_clear (&l);
  fr_chart_clear (&chart);
  return TRUE;
}

char *
fr_scatter_chart_describe (const FrScatterChartData *data)
{
  const char *title;
  g_autofree guint *front = NULL;
  guint n_front = 0;
  g_autofree char *rx = NULL;
  g_autofree char *ry = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autofree char *point_list = NULL;
  g_autofree char *pareto = NULL;
  g_autofree char *nash = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL ? data->title : _("Two stakeholders");
  rx = fr_format_score (data->x_reservation, data->decimals);
  ry = fr_format_score (data->y_reservation, data->decimals);
  points = g_ptr_array_new_with_free_func (g_free);
  for (guint o = 0; o < data->n_options; o++)
    {
      g_autofree char *x = fr_format_score (data->x[o], data->decimals);
      g_autofree char *y = fr_format_score (data->y[o], data->decimals);
      /* Translators: an option and its utilities for the two stakeholders. */
      g_ptr_array_add (points, g_strdup_printf (_("%s: %s and %s"), name_or_empty (data->option_names[o]), x, y));
    }
  /* Translators: separates longer items of a list in a chart's description. */
  point_list = fr_chart_join (points, _("; "));
  front = g_new (guint, MAX (data->n_options, 1));
  for (guint o = 0; o < data->n_options; o++)
    if (data->pareto[o])
      front[n_front++] = o;
  g_qsort_with_data (front, (gint) n_front, sizeof (guint), compare_x, (gpointer) data);
  if (n_front > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *name_list = NULL;

      for (guint i = 0; i < n_front; i++)
        g_ptr_array_add (names, (gpointer) name_or_empty (data->option_names[front[i]]));
      /* Translators: separates the items of a list in a chart's description. */
      name_list = fr_chart_join (names, _(", "));
      /* Translators: the options on the Pareto front, left to right;
       * another sentence follows. */
      pareto = g_strdup_printf (_("Pareto front: %s. "), name_list);
    }
  nash = describe_nash (data->nash, data->n_options, (const char *const *) data->option_names);
  /* Translators: the chart's title; the two stakeholders and their
   * reservation levels; each option's two utilities; then the Pareto
   * front (a sentence, or nothing) and the Nash bargaining choice. */
  return g_strdup_printf (_("%s: utility for %s across, reservation level %s; utility for %s up, reservation level %s. "
                            "%s. %s%s"),
                          title, name_or_empty (data->x_name), rx, name_or_empty (data->y_name), ry, point_list,
                          pareto != NULL ? pareto : "", nash);
}
