/* fr-profile-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-format.h"
#include "fr-profile-chart.h"

FrProfileChartData *
fr_profile_chart_data_new (guint n_options,
                           guint n_criteria)
{
  FrProfileChartData *data = g_new0 (FrProfileChartData, 1);

  data->n_options = n_options;
  data->n_criteria = n_criteria;
  data->option_names = g_new0 (char *, n_options + 1);
  data->option_colors = g_new0 (FrColor, MAX (n_options, 1));
  data->criterion_names = g_new0 (char *, n_criteria + 1);
  data->values = g_new0 (double, MAX ((gsize) n_options * n_criteria, 1));
  data->highlighted = -1;
  return data;
}

void
fr_profile_chart_data_free (FrProfileChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_strfreev (data->option_names);
  g_strfreev (data->criterion_names);
  g_free (data->option_colors);
  g_free (data->values);
  g_free (data);
}

gboolean
fr_profile_chart_data_equal (const FrProfileChartData *a,
                             const FrProfileChartData *b)
{
  gsize no, nc;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_options != b->n_options || a->n_criteria != b->n_criteria ||
      a->highlighted != b->highlighted || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->subtitle, b->subtitle) != 0)
    return FALSE;
  no = a->n_options;
  nc = a->n_criteria;
  return fr_chart_strings_equal (a->option_names, b->option_names, no) &&
         fr_chart_strings_equal (a->criterion_names, b->criterion_names, nc) &&
         memcmp (a->option_colors, b->option_colors, no * sizeof (FrColor)) == 0 &&
         memcmp (a->values, b->values, no * nc * sizeof (double)) == 0;
}

typedef struct {
  double cx, cy, radius;
  double label_width, gap, dot;
  FrChartLegendItem *legend;
  FrChartRect *legend_rects;
  guint n_legend;
  FrChartRect *label_rects;     /* n_criteria */
} Layout;

static double
spoke_angle (guint criterion,
             guint n_criteria)
{
  /* The first criterion points up, the others follow clockwise. */
  return -G_PI / 2 + 2 * G_PI * criterion / MAX (n_criteria, 1);
}

static double
value_at (const FrProfileChartData *data,
          guint                     option,
          guint                     criterion)
{
  double v = data->values[(gsize) option * data->n_criteria + criterion];
  return isfinite (v) ? CLAMP (v, 0.0, 1.0) : 0.0;
}

static void
point_at (const Layout *l,
          guint         criterion,
          guint         n_criteria,
          double        value,
          double       *x,
          double       *y)
{
  double a = spoke_angle (criterion, n_criteria);
  *x = l->cx + cos (a) * l->radius * value;
  *y = l->cy + sin (a) * l->radius * value;
}

static void
label_anchor (const Layout *l,
              guint         criterion,
              guint         n_criteria,
              double       *x,
              double       *y,
              double       *xalign,
              double       *yalign)
{
  double a = spoke_angle (criterion, n_criteria);
  double c = cos (a), s = sin (a);

  *x = l->cx + c * (l->radius + l->gap);
  *y = l->cy + s * (l->radius + l->gap);
  /* Text grows away from the circle: left-aligned on the right side,
   * hanging below at the bottom. */
  *xalign = fabs (c) < 0.2 ? 0.5 : (c > 0 ? 0 : 1);
  *yalign = (1 - s) / 2;
}

/* Labels above and below the circle may spread sideways; those beside it
 * share the width left of and right of the circle. */
static double
label_max_width (const Layout *l,
                 guint         criterion,
                 guint         n_criteria)
{
  if (fabs (cos (spoke_angle (criterion, n_criteria))) < 0.2)
    return MAX (l->label_width, l->radius * 1.2);
  return l->label_width;
}

static void
layout (FrChart                  *chart,
        const FrProfileChartData *data,
        Layout                   *l)
{
  double margin = fr_chart_margin (chart);
  double top = fr_chart_title_height (chart, data->title, data->subtitle);
  double line = fr_chart_line_height (chart, FR_CHART_TEXT_SMALL);
  double legend_height, bottom, plot_w, plot_h, max_label = 0;

  memset (l, 0, sizeof *l);
  l->legend = g_new0 (FrChartLegendItem, MAX (data->n_options, 1));
  l->legend_rects = g_new0 (FrChartRect, MAX (data->n_options, 1));
  l->label_rects = g_new0 (FrChartRect, MAX (data->n_criteria, 1));
  l->gap = round (chart->em * 0.5);
  l->dot = MAX (2.5, chart->em * 0.25);

  for (guint o = 0; o < data->n_options; o++)
    {
      l->legend[o].label = data->option_names[o] != NULL ? data->option_names[o] : "";
      l->legend[o].color = data->option_colors[o];
      l->legend[o].swatch = FR_CHART_SWATCH_BOX;
    }
  legend_height = fr_chart_legend_layout (chart, l->legend, data->n_options, margin, 0,
                                          chart->width - 2 * margin, l->legend_rects);
  if (legend_height > chart->height * 0.3)
    legend_height = 0;
  else
    {
      l->n_legend = data->n_options;
      for (guint o = 0; o < data->n_options; o++)
        l->legend_rects[o].y += chart->height - margin * 0.7 - legend_height;
    }
  bottom = chart->height - margin * 0.7 - (legend_height > 0 ? legend_height + margin * 0.5 : 0);

  plot_w = chart->width - 2 * margin;
  plot_h = MAX (bottom - top, 1.0);
  for (guint c = 0; c < data->n_criteria; c++)
    {
      double w;
      fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, data->criterion_names[c], -1, &w, NULL);
      max_label = MAX (max_label, w);
    }
  /* Labels sit left and right of the circle: give them up to a fifth of
   * the width each, the circle the rest. */
  l->label_width = MIN (max_label, plot_w * 0.2);
  l->radius = MIN (plot_w / 2 - l->label_width - l->gap, plot_h / 2 - line * 1.2 - l->gap);
  l->radius = MAX (l->radius, 4.0);
  l->cx = margin + plot_w / 2;
  l->cy = top + plot_h / 2;

  for (guint c = 0; c < data->n_criteria; c++)
    {
      double x, y, xa, ya, w, h;

      label_anchor (l, c, data->n_criteria, &x, &y, &xa, &ya);
      fr_chart_text_size (chart, FR_CHART_TEXT_SMALL, data->criterion_names[c],
                          label_max_width (l, c, data->n_criteria) + 1, &w, &h);
      l->label_rects[c].x = x - w * xa;
      l->label_rects[c].y = y - h * ya;
      l->label_rects[c].width = w;
      l->label_rects[c].height = h;
    }
}

static void
layout_clear (Layout *l)
{
  g_free (l->legend);
  g_free (l->legend_rects);
  g_free (l->label_rects);
}

static void
polygon_path (cairo_t                  *cr,
              const Layout             *l,
              const FrProfileChartData *data,
              guint                     option)
{
  for (guint c = 0; c < data->n_criteria; c++)
    {
      double x, y;
      point_at (l, c, data->n_criteria, value_at (data, option, c), &x, &y);
      if (c == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

/* Drawing order: document order with the highlighted option last, so it is
 * on top; hit tests walk it backwards. */
static guint
draw_order (const FrProfileChartData *data,
            guint                     i)
{
  int h = data->highlighted;

  if (h < 0 || (guint) h >= data->n_options)
    return i;
  if (i == data->n_options - 1)
    return (guint) h;
  return i >= (guint) h ? i + 1 : i;
}

void
fr_profile_chart_render (cairo_t                  *cr,
                         const FrProfileChartData *data,
                         double                    width,
                         double                    height,
                         const FrTheme            *theme)
{
  FrChart chart;
  Layout l;
  double line_width;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  fr_chart_init (&chart, cr, width, height, theme);
  theme = chart.theme;
  layout (&chart, data, &l);
  fr_chart_draw_background (&chart);
  fr_chart_draw_title (&chart, data->title, data->subtitle);

  if (data->n_options == 0 || data->n_criteria == 0)
    {
      fr_chart_draw_message (&chart, _("No options or criteria to compare."));
      goto out;
    }

  /* Rings at quarters, spokes, then the ring values along the first spoke. */
  cairo_set_line_width (cr, 1.0);
  fr_color_set_source (cr, theme->grid);
  /* Short strokes, one segment at a time, for the reason given below. */
  for (guint ring = 1; ring <= 4; ring++)
    for (guint c = 0; c < data->n_criteria; c++)
      {
        double x0, y0, x1, y1;
        point_at (&l, c, data->n_criteria, ring / 4.0, &x0, &y0);
        point_at (&l, (c + 1) % data->n_criteria, data->n_criteria, ring / 4.0, &x1, &y1);
        cairo_move_to (cr, x0, y0);
        cairo_line_to (cr, x1, y1);
        cairo_stroke (cr);
      }
  fr_color_set_source (cr, theme->muted);
  for (guint c = 0; c < data->n_criteria; c++)
    {
      double x, y;
      point_at (&l, c, data->n_criteria, 1.0, &x, &y);
      cairo_move_to (cr, l.cx, l.cy);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
    }

  line_width = MAX (1.5, chart.em / 7);
  for (guint i = 0; i < data->n_options; i++)
    {
      guint o = draw_order (data, i);
      gboolean strong = data->highlighted == (int) o;

      polygon_path (cr, &l, data, o);
      /* Fill the highlighted polygon, or all of a few: many translucent
       * fills muddle into one colour (and cost a frame's worth of
       * compositing at full size). */
      if (strong || (data->highlighted < 0 && data->n_options <= 3))
        {
          fr_color_set_source (cr, fr_color_with_alpha (data->option_colors[o], strong ? 0.25 : 0.1));
          cairo_fill_preserve (cr);
        }
      cairo_new_path (cr);
      fr_color_set_source (cr, data->option_colors[o]);
      cairo_set_line_width (cr, strong ? line_width * 1.8 : line_width);
      /* Edge by edge: cairo's image backend rasterises a stroke over its
       * whole bounding box, which for a closed polygon is most of the
       * chart; short edges keep that small. The vertex dots cover the
       * joins. */
      for (guint c = 0; c < data->n_criteria; c++)
        {
          double x0, y0, x1, y1;
          guint next = (c + 1) % data->n_criteria;
          point_at (&l, c, data->n_criteria, value_at (data, o, c), &x0, &y0);
          point_at (&l, next, data->n_criteria, value_at (data, o, next), &x1, &y1);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
        }
      for (guint c = 0; c < data->n_criteria; c++)
        {
          double x, y;
          point_at (&l, c, data->n_criteria, value_at (data, o, c), &x, &y);
          cairo_arc (cr, x, y, l.dot, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* The outer ring needs no number: the subtitle gives the scale, and the
   * first criterion's label sits there. */
  for (guint ring = 1; ring <= 3 && l.radius > chart.em * 6; ring++)
    {
      g_autofree char *text = fr_format_score (ring / 4.0, 2);
      double x, y;
      point_at (&l, 0, data->n_criteria, ring / 4.0, &x, &y);
      fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, text, x + l.gap * 0.5, y, 0, 1, -1, theme->muted);
    }
  for (guint c = 0; c < data->n_criteria; c++)
    fr_chart_draw_text (&chart, FR_CHART_TEXT_SMALL, data->criterion_names[c], l.label_rects[c].x,
                        l.label_rects[c].y, 0, 0, label_max_width (&l, c, data->n_criteria) + 1, theme->foreground);

  fr_chart_draw_legend (&chart, l.legend, l.n_legend, l.legend_rects);

out:
  layout_clear (&l);
  fr_chart_clear (&chart);
  cairo_restore (cr);
}

gboolean
fr_profile_chart_hit_test (const FrProfileChartData *data,
                           double                    width,
                           double                    height,
                           const FrTheme            *theme,
                           double                    x,
                           double                    y,
                           FrChartHit               *hit)
{
  FrChart chart;
  Layout l;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  fr_chart_hit_clear (hit);
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);

  /* The nearest vertex within a finger's reach, topmost on ties. */
  for (guint i = data->n_options; i-- > 0;)
    {
      guint o = draw_order (data, i);
      for (guint c = 0; c < data->n_criteria; c++)
        {
          double px, py, d;
          point_at (&l, c, data->n_criteria, value_at (data, o, c), &px, &py);
          d = hypot (px - x, py - y);
          if (d <= MAX (l.dot * 2.5, 6.0) && d < best - 1e-9)
            {
              best = d;
              hit->kind = FR_CHART_HIT_SEGMENT;
              hit->option = (int) o;
              hit->criterion = (int) c;
            }
        }
    }
  for (guint o = 0; hit->kind == FR_CHART_HIT_NONE && o < l.n_legend; o++)
    if (fr_chart_rect_contains (&l.legend_rects[o], x, y))
      {
        hit->kind = FR_CHART_HIT_OPTION;
        hit->option = (int) o;
      }
  for (guint c = 0; hit->kind == FR_CHART_HIT_NONE && c < data->n_criteria; c++)
    if (fr_chart_rect_contains (&l.label_rects[c], x, y))
      {
        hit->kind = FR_CHART_HIT_CRITERION;
        hit->criterion = (int) c;
      }
  for (guint i = data->n_options; hit->kind == FR_CHART_HIT_NONE && data->n_criteria >= 3 && i-- > 0;)
    {
      guint o = draw_order (data, i);
      polygon_path (chart.cr, &l, data, o);
      if (cairo_in_fill (chart.cr, x, y))
        {
          hit->kind = FR_CHART_HIT_OPTION;
          hit->option = (int) o;
        }
      cairo_new_path (chart.cr);
    }

  layout_clear (&l);
  fr_chart_clear (&chart);
  return hit->kind != FR_CHART_HIT_NONE;
}

gboolean
fr_profile_chart_point (const FrProfileChartData *data,
                        double                    width,
                        double                    height,
                        const FrTheme            *theme,
                        guint                     option,
                        guint                     criterion,
                        double                   *x,
                        double                   *y)
{
  FrChart chart;
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);

  if (option >= data->n_options || criterion >= data->n_criteria)
    return FALSE;
  fr_chart_init (&chart, NULL, width, height, theme);
  layout (&chart, data, &l);
  point_at (&l, criterion, data->n_criteria, value_at (data, option, criterion), x, y);
  layout_clear (&l);
  fr_chart_clear (&chart);
  return TRUE;
}

char *
fr_profile_chart_describe (const FrProfileChartData *data)
{
  const char *title;
  g_autoptr(GPtrArray) clauses = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  title = data->title != NULL ? data->title : _("Profile");
  if (data->n_options == 0 || data->n_criteria == 0)
    /* Translators: a chart's title, then why it is empty. */
    return g_strdup_printf (_("%s: no options or criteria to compare."), title);
  clauses = g_ptr_array_new_with_free_func (g_free);
  for (guint o = 0; o < data->n_options; o++)
    {
      guint best = 0, worst = 0;
      g_autofree char *high = NULL;
      g_autofree char *low = NULL;

      for (guint c = 1; c < data->n_criteria; c++)
        {
          if (value_at (data, o, c) > value_at (data, o, best))
            best = c;
          if (value_at (data, o, c) < value_at (data, o, worst))
            worst = c;
        }
      high = fr_format_score (value_at (data, o, best), 2);
      low = fr_format_score (value_at (data, o, worst), 2);
      /* Translators: option, its best criterion and value, its worst
       * criterion and value. */
      g_ptr_array_add (clauses, g_strdup_printf (_("%s is strongest on %s (%s) and weakest on %s (%s)"),
                                                 data->option_names[o] != NULL ? data->option_names[o] : "",
                                                 data->criterion_names[best] != NULL ? data->criterion_names[best] : "",
                                                 high,
                                                 data->criterion_names[worst] != NULL ? data->criterion_names[worst] : "",
                                                 low));
    }
  /* Translators: separates longer items of a list in a chart's description. */
  list = fr_chart_join (clauses, _("; "));
  /* Translators: the profile chart's title, then one clause per option. */
  return g_strdup_printf (_("%s: values from 0 (worst) to 1 (best); %s."), title, list);
}
