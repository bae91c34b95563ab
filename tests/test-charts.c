/* test-charts.c — the analysis charts: pixels, hit tests, words, exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart is drawn on an ARGB32 image surface at two sizes in a light
 * and a dark theme, and the pixels where the chart's own geometry says a
 * bar, a cell or a dot lies must carry the colour the data gives it. Hit
 * tests at those places must name the same option, criterion or cell. The
 * descriptions for screen readers must list what the chart shows, in
 * order, with the numbers formatted as everywhere else.
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "fr-analysis.h"
#include "fr-chart-common.h"
#include "fr-chart-data.h"
#include "fr-document.h"
#include "fr-error.h"
#include "fr-export.h"
#include "fr-profile-chart.h"
#include "fr-ranking-chart.h"
#include "fr-sensitivity-chart.h"
#include "fr-smaa-chart.h"
#include "fr-stakeholder-chart.h"
#include "fr-xml.h"

#define RENDER(fn, data, w, h, theme)                                                  \
  ({                                                                                   \
    cairo_surface_t *s_ = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (w), (h));  \
    cairo_t *cr_ = cairo_create (s_);                                                  \
    fn (cr_, (data), (w), (h), (theme));                                               \
    g_assert_cmpint (cairo_status (cr_), ==, CAIRO_STATUS_SUCCESS);                    \
    cairo_destroy (cr_);                                                               \
    cairo_surface_flush (s_);                                                          \
    s_;                                                                                \
  })

static const struct {
  int width;
  int height;
} sizes[] = { { 320, 240 }, { 1280, 720 } };

static const FrThemeKind theme_kinds[] = { FR_THEME_LIGHT, FR_THEME_DARK };

static const FrColor red = { 0.8, 0.1, 0.1, 1 };
static const FrColor green = { 0.1, 0.6, 0.2, 1 };
static const FrColor blue = { 0.1, 0.2, 0.8, 1 };
static const FrColor orange = { 0.9, 0.6, 0.0, 1 };

static FrColor
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 p;
  FrColor c;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  memcpy (&p, data + (gsize) iy * stride + (gsize) ix * 4, 4);
  c.a = (p >> 24 & 0xff) / 255.0;
  /* Premultiplied; every chart paints an opaque background first. */
  g_assert_cmpfloat (c.a, ==, 1.0);
  c.r = (p >> 16 & 0xff) / 255.0;
  c.g = (p >> 8 & 0xff) / 255.0;
  c.b = (p & 0xff) / 255.0;
  return c;
}

static void
assert_color (FrColor     got,
              FrColor     want,
              const char *what)
{
  double d = fabs (got.r - want.r) + fabs (got.g - want.g) + fabs (got.b - want.b);

  if (d > 3 * 2.5 / 255.0)
    g_error ("%s: got #%02x%02x%02x, want #%02x%02x%02x", what, (int) round (got.r * 255),
             (int) round (got.g * 255), (int) round (got.b * 255), (int) round (want.r * 255),
             (int) round (want.g * 255), (int) round (want.b * 255));
}

static gboolean
same_color (FrColor a,
            FrColor b)
{
  return fabs (a.r - b.r) + fabs (a.g - b.g) + fabs (a.b - b.b) <= 3 * 2.5 / 255.0;
}

/* ------------------------------------------------------------------ */

static void
test_nice_ticks (void)
{
  double ticks[32], step, low = 0, high = 0.87;
  guint n = fr_chart_nice_ticks (&low, &high, 6, ticks, &step);
  g_autofree char *label = NULL;
  g_autofree char *count = fr_chart_format_count (1234567);

  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpfloat_with_epsilon (step, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (ticks[5], 1.0, 1e-12);
  g_assert_cmpfloat (high, ==, ticks[5]);
  label = fr_chart_format_tick (ticks[2], step, FR_CHART_VALUE_SCORE);
  g_assert_cmpstr (label, ==, "0.4");

  low = -0.23;
  high = 0.23;
  n = fr_chart_nice_ticks (&low, &high, 6, ticks, &step);
  g_assert_cmpfloat_with_epsilon (step, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (low, -0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (high, 0.3, 1e-12);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat (ticks[3], ==, 0.0);

  /* The C locale has no thousands separator: a comma, as for km. */
  g_assert_cmpstr (count, ==, "1,234,567");
}

/* ------------------------------------------------------------------ */
/* Ranking                                                            */

static FrRankingChartData *
make_ranking (FrRankingChartKind kind)
{
  /* Four options, three criteria; contributions sum to the scores. */
  static const double contributions[4][3] = {
    { 0.20, 0.20, 0.10 },  /* A 0.50 */
    { 0.30, 0.25, 0.15 },  /* B 0.70 */
    { 0.05, 0.10, 0.05 },  /* C 0.20 */
    { 0.15, 0.10, 0.10 },  /* D 0.35 */
  };
  static const char *names[] = { "Alpha", "Bravo", "Charlie", "Delta" };
  static const guint order[] = { 1, 0, 3, 2 };
  FrColor colors[] = { red, green, blue, orange };
  FrRankingChartData *data = fr_ranking_chart_data_new (4, kind == FR_RANKING_CHART_STACKED ? 3 : 0);

  data->kind = kind;
  data->title = g_strdup ("Ranking by weighted sum for Ukraine");
  for (guint o = 0; o < 4; o++)
    {
      data->option_names[o] = g_strdup (names[o]);
      data->option_colors[o] = colors[o];
      data->scores[o] = contributions[o][0] + contributions[o][1] + contributions[o][2];
      data->order[o] = order[o];
      for (guint c = 0; c < data->n_criteria; c++)
        data->contributions[o * 3 + c] = contributions[o][c];
    }
  for (guint c = 0; c < data->n_criteria; c++)
    {
      data->criterion_names[c] = g_strdup_printf ("Criterion %u", c + 1);
      data->criterion_colors[c] = fr_chart_criterion_color (NULL, c);
    }
  if (kind == FR_RANKING_CHART_NET_FLOW)
    {
      static const double flows[] = { 0.1, 0.4, -0.3, -0.2 };
      memcpy (data->scores, flows, sizeof flows);
    }
  return data;
}

static void
test_ranking_score (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_SCORE);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_ranking_chart_render, data, w, h, theme);
        FrChartRect first, second, last, none;
        FrChartHit hit;

        assert_color (pixel (surface, 1, 1), theme->background, "ranking background");
        g_assert_true (fr_ranking_chart_bar_rect (data, w, h, theme, 0, &first));
        g_assert_true (fr_ranking_chart_bar_rect (data, w, h, theme, 1, &second));
        g_assert_true (fr_ranking_chart_bar_rect (data, w, h, theme, 3, &last));
        g_assert_false (fr_ranking_chart_bar_rect (data, w, h, theme, 4, &none));
        /* Best first, from the top; bars start at the same zero and their
         * lengths are proportional to the scores (0.70, 0.50, 0.20). */
        g_assert_cmpfloat (first.y, <, second.y);
        g_assert_cmpfloat (second.y, <, last.y);
        g_assert_cmpfloat_with_epsilon (first.x, second.x, 1e-9);
        g_assert_cmpfloat_with_epsilon (first.width / second.width, 0.70 / 0.50, 1e-9);
        g_assert_cmpfloat_with_epsilon (last.width / first.width, 0.20 / 0.70, 1e-9);
        /* The best option's bar is drawn in its own colour (Bravo, green). */
        assert_color (pixel (surface, first.x + first.width / 2, first.y + first.height / 2), green, "first bar");
        assert_color (pixel (surface, last.x + last.width / 2, last.y + last.height / 2), blue, "last bar");

        g_assert_true (fr_ranking_chart_hit_test (data, w, h, theme, first.x + first.width / 2,
                                                  first.y + first.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_OPTION);
        g_assert_cmpint (hit.option, ==, 1);
        g_assert_cmpint (hit.rank, ==, 0);
        g_assert_true (fr_ranking_chart_hit_test (data, w, h, theme, last.x + 1, last.y + 1, &hit));
        g_assert_cmpint (hit.option, ==, 2);
        g_assert_false (fr_ranking_chart_hit_test (data, w, h, theme, w - 1, h - 1, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_NONE);
        cairo_surface_destroy (surface);
      }
}

static void
test_ranking_stacked (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_STACKED);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_ranking_chart_render, data, w, h, theme);
        FrChartRect first;
        double unit, x;
        FrChartHit hit;

        g_assert_true (fr_ranking_chart_bar_rect (data, w, h, theme, 0, &first));
        unit = first.width / 0.70;
        /* Bravo's segments: 0.30, 0.25, 0.15 in the criteria's colours. */
        x = first.x + unit * 0.15;
        assert_color (pixel (surface, x, first.y + first.height / 2), fr_chart_criterion_color (NULL, 0), "segment 1");
        x = first.x + unit * (0.30 + 0.125);
        assert_color (pixel (surface, x, first.y + first.height / 2), fr_chart_criterion_color (NULL, 1), "segment 2");
        x = first.x + unit * (0.55 + 0.05);
        assert_color (pixel (surface, x, first.y + first.height / 2), fr_chart_criterion_color (NULL, 2), "segment 3");

        g_assert_true (fr_ranking_chart_hit_test (data, w, h, theme, first.x + unit * (0.30 + 0.125),
                                                  first.y + first.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_SEGMENT);
        g_assert_cmpint (hit.option, ==, 1);
        g_assert_cmpint (hit.criterion, ==, 1);
        cairo_surface_destroy (surface);
      }
}

static void
test_ranking_net_flow (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_NET_FLOW);
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  cairo_surface_t *surface = RENDER (fr_ranking_chart_render, data, 800, 500, theme);
  FrChartRect best, worst;

  /* Order given: Bravo 0.4, Alpha 0.1, Delta −0.2, Charlie −0.3. */
  g_assert_true (fr_ranking_chart_bar_rect (data, 800, 500, theme, 0, &best));
  g_assert_true (fr_ranking_chart_bar_rect (data, 800, 500, theme, 3, &worst));
  /* Positive flows grow right of zero, negative ones left of it. */
  g_assert_cmpfloat_with_epsilon (best.x, worst.x + worst.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (worst.width / best.width, 0.3 / 0.4, 1e-9);
  assert_color (pixel (surface, best.x + best.width / 2, best.y + best.height / 2), green, "positive flow");
  assert_color (pixel (surface, worst.x + worst.width / 2, worst.y + worst.height / 2), blue, "negative flow");
  cairo_surface_destroy (surface);
}

static void
test_ranking_describe (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_STACKED);
  g_autofree char *text = fr_ranking_chart_describe (data);

  g_assert_cmpstr (text, ==,
                   "Ranking by weighted sum for Ukraine: 1. Bravo 0.70, 2. Alpha 0.50, 3. Delta 0.35, "
                   "4. Charlie 0.20.");
}

/* ------------------------------------------------------------------ */
/* Profile                                                            */

static FrProfileChartData *
make_profile (void)
{
  static const double values[3][4] = {
    { 1.0, 0.5, 0.5, 0.5 },
    { 0.2, 0.9, 0.3, 0.1 },
    { 0.4, 0.4, 0.8, 0.6 },
  };
  FrProfileChartData *data = fr_profile_chart_data_new (3, 4);
  FrColor colors[] = { red, green, blue };

  data->title = g_strdup ("Profile");
  for (guint o = 0; o < 3; o++)
    {
      data->option_names[o] = g_strdup_printf ("Option %u", o + 1);
      data->option_colors[o] = colors[o];
      memcpy (data->values + o * 4, values[o], sizeof values[o]);
    }
  for (guint c = 0; c < 4; c++)
    data->criterion_names[c] = g_strdup_printf ("Criterion %u", c + 1);
  return data;
}

static void
test_profile (void)
{
  g_autoptr(FrProfileChartData) data = make_profile ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_profile_chart_render, data, w, h, theme);
        double x0, y0, x1, y1, x2, y2, xc, yc;
        FrChartHit hit;

        /* Criterion 1 points straight up: option 1 at full value, option 2
         * at 0.2 of the same spoke; criterion 2 points right. */
        g_assert_true (fr_profile_chart_point (data, w, h, theme, 0, 0, &x0, &y0));
        g_assert_true (fr_profile_chart_point (data, w, h, theme, 1, 0, &x1, &y1));
        g_assert_true (fr_profile_chart_point (data, w, h, theme, 1, 1, &x2, &y2));
        g_assert_true (fr_profile_chart_point (data, w, h, theme, 0, 2, &xc, &yc));
        g_assert_cmpfloat_with_epsilon (x0, x1, 1e-9);
        g_assert_cmpfloat (y0, <, y1);
        /* Centre from criterion 3 (down) of option 1 at 0.5 and its
         * criterion 1 at 1.0: the radius is (yc − y0) / 1.5. */
        g_assert_cmpfloat_with_epsilon (x0, xc, 1e-9);
        g_assert_cmpfloat_with_epsilon ((y1 - y0) / (yc - y0), 0.8 / 1.5, 1e-9);
        g_assert_cmpfloat_with_epsilon (y2, y0 + (yc - y0) / 1.5, 1e-9);
        g_assert_cmpfloat (x2, >, x0);

        assert_color (pixel (surface, x0, y0), red, "vertex of option 1");
        assert_color (pixel (surface, x2, y2), green, "vertex of option 2");

        g_assert_true (fr_profile_chart_hit_test (data, w, h, theme, x2 + 1, y2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_SEGMENT);
        g_assert_cmpint (hit.option, ==, 1);
        g_assert_cmpint (hit.criterion, ==, 1);
        cairo_surface_destroy (surface);
      }
}

static void
test_profile_describe (void)
{
  g_autoptr(FrProfileChartData) data = make_profile ();
  g_autofree char *text = fr_profile_chart_describe (data);

  g_assert_nonnull (strstr (text, "Option 1 is strongest on Criterion 1 (1.00) and weakest on Criterion 2 (0.50)"));
  g_assert_nonnull (strstr (text, "Option 2 is strongest on Criterion 2 (0.90) and weakest on Criterion 4 (0.10)"));
}

/* ------------------------------------------------------------------ */
/* Sensitivity                                                        */

static FrSensitivityChartData *
make_sensitivity (void)
{
  FrSensitivityChartData *data = fr_sensitivity_chart_data_new (3);
  static const double low[] = { 0.55, 0.50, 0.58 };
  static const double high[] = { 0.65, 0.75, 0.61 };

  data->title = g_strdup ("Sensitivity");
  data->option_name = g_strdup ("Bravo");
  data->leader_name = g_strdup ("Bravo");
  data->option_color = green;
  data->score = 0.60;
  for (guint c = 0; c < 3; c++)
    {
      data->criterion_names[c] = g_strdup_printf ("Criterion %u", c + 1);
      data->weight[c] = 1 / 3.0;
      data->weight_low[c] = 1 / 6.0;
      data->weight_high[c] = 0.5;
      data->score_low[c] = low[c];
      data->score_high[c] = high[c];
      data->stable_low[c] = 0.1 * (c + 1);
      data->stable_high[c] = 0.6 + 0.1 * c;
    }
  data->high_rival[0] = g_strdup ("Alpha");
  return data;
}

static void
test_sensitivity (void)
{
  g_autoptr(FrSensitivityChartData) data = make_sensitivity ();
  g_autofree guint *order = fr_sensitivity_chart_row_order (data);

  /* Swings: 0.10, 0.25, 0.03. */
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 0);
  g_assert_cmpuint (order[2], ==, 2);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_sensitivity_chart_render, data, w, h, theme);
        FrChartRect top, bottom, stable;
        FrChartHit hit;
        double unit;

        g_assert_true (fr_sensitivity_chart_bar_rect (data, w, h, theme, FR_SENSITIVITY_CHART_TORNADO, 1, &top));
        g_assert_true (fr_sensitivity_chart_bar_rect (data, w, h, theme, FR_SENSITIVITY_CHART_TORNADO, 2, &bottom));
        g_assert_cmpfloat (top.y, <, bottom.y);
        g_assert_cmpfloat_with_epsilon (bottom.width / top.width, 0.03 / 0.25, 1e-9);
        /* Raising criterion 2's weight lifts the score to 0.75: that part
         * of the bar is in the option's colour, right of the score. */
        unit = top.width / 0.25;
        assert_color (pixel (surface, top.x + unit * 0.2, top.y + top.height / 2), green, "raised part");
        g_assert_false (same_color (pixel (surface, top.x + unit * 0.05, top.y + top.height / 2), green));

        g_assert_true (fr_sensitivity_chart_bar_rect (data, w, h, theme, FR_SENSITIVITY_CHART_STABILITY, 0, &stable));
        g_assert_cmpfloat (stable.x, >, top.x + top.width);
        g_assert_true (fr_sensitivity_chart_hit_test (data, w, h, theme, stable.x + stable.width * 0.25,
                                                      stable.y + stable.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_STABILITY);
        g_assert_cmpint (hit.criterion, ==, 0);
        g_assert_true (fr_sensitivity_chart_hit_test (data, w, h, theme, top.x + 1, top.y + 1, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_CRITERION);
        g_assert_cmpint (hit.criterion, ==, 1);
        cairo_surface_destroy (surface);
      }
}

static void
test_sensitivity_describe (void)
{
  g_autoptr(FrSensitivityChartData) data = make_sensitivity ();
  g_autofree char *text = fr_sensitivity_chart_describe (data);

  g_assert_nonnull (strstr (text, "the score of Bravo (now 0.60) moves most with the weight of "
                                  "Criterion 2 (0.50 to 0.75), then Criterion 1 (0.55 to 0.65), "
                                  "then Criterion 3 (0.58 to 0.61)"));
  g_assert_nonnull (strstr (text, "Criterion 1 is from 10.0 % to 60.0 % (now 33.3 %; above, Alpha leads), Criterion 2 is from 20.0 % to 70.0 % (now 33.3 %)"));
}

/* ------------------------------------------------------------------ */
/* SMAA                                                               */

static FrSmaaChartData *
make_smaa (double progress)
{
  static const double acceptability[3][3] = {
    { 0.15, 0.60, 0.25 },
    { 0.80, 0.15, 0.05 },
    { 0.05, 0.25, 0.70 },
  };
  static const double confidence[] = { 0.2, 0.9, 0.05 };
  FrSmaaChartData *data = fr_smaa_chart_data_new (3);
  FrColor colors[] = { red, green, blue };

  data->title = g_strdup ("Rank acceptability");
  for (guint o = 0; o < 3; o++)
    {
      data->option_names[o] = g_strdup_printf ("Option %u", o + 1);
      data->option_colors[o] = colors[o];
      memcpy (data->acceptability + o * 3, acceptability[o], sizeof acceptability[o]);
      data->confidence[o] = progress >= 1.0 ? confidence[o] : NAN;
    }
  data->order[0] = 1;
  data->order[1] = 0;
  data->order[2] = 2;
  data->progress = progress;
  data->n_samples = progress >= 1.0 ? 10000 : 2500;
  return data;
}

static void
test_smaa (void)
{
  g_autoptr(FrSmaaChartData) data = make_smaa (1.0);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        gboolean dark = theme_kinds[t] == FR_THEME_DARK;
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_smaa_chart_render, data, w, h, theme);
        double best_l = dark ? -1 : 2, strongest = 0;
        guint best_o = 0, best_r = 0;
        FrChartRect rect, top_left;
        FrChartHit hit;

        /* The highest acceptability (option 2 first, 80 %) is the darkest
         * cell on light, the brightest on dark; a corner of the cell, away
         * from its text. */
        for (guint o = 0; o < 3; o++)
          for (guint r = 0; r < 3; r++)
            {
              double l;
              g_assert_true (fr_smaa_chart_cell_rect (data, w, h, theme, o, r, &rect));
              l = fr_chart_luminance (pixel (surface, rect.x + 1, rect.y + 1));
              if (dark ? l > best_l : l < best_l)
                best_l = l, best_o = o, best_r = r;
              strongest = MAX (strongest, data->acceptability[o * 3 + r]);
            }
        g_assert_cmpfloat (strongest, ==, 0.80);
        g_assert_cmpuint (best_o, ==, 1);
        g_assert_cmpuint (best_r, ==, 0);

        /* Rows follow the given order: option 2 on top. */
        g_assert_true (fr_smaa_chart_cell_rect (data, w, h, theme, 1, 0, &top_left));
        g_assert_true (fr_smaa_chart_cell_rect (data, w, h, theme, 0, 0, &rect));
        g_assert_cmpfloat (top_left.y, <, rect.y);

        g_assert_true (fr_smaa_chart_hit_test (data, w, h, theme, rect.x + rect.width / 2,
                                               rect.y + rect.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_CELL);
        g_assert_cmpint (hit.option, ==, 0);
        g_assert_cmpint (hit.rank, ==, 0);
        g_assert_true (fr_smaa_chart_cell_rect (data, w, h, theme, 2, 3, &rect));
        g_assert_true (fr_smaa_chart_hit_test (data, w, h, theme, rect.x + rect.width / 2,
                                               rect.y + rect.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_CONFIDENCE);
        g_assert_cmpint (hit.option, ==, 2);
        cairo_surface_destroy (surface);
      }
}

static void
test_smaa_partial (void)
{
  g_autoptr(FrSmaaChartData) done = make_smaa (1.0);
  g_autoptr(FrSmaaChartData) partial = make_smaa (0.25);
  g_autofree char *caption = fr_smaa_chart_caption (partial);
  g_autofree char *full_caption = fr_smaa_chart_caption (done);
  g_autofree char *text = fr_smaa_chart_describe (done);
  g_autofree char *partial_text = fr_smaa_chart_describe (partial);

  g_assert_cmpstr (caption, ==, "Partial result: 2,500 samples so far (25.0 % done)");
  g_assert_cmpstr (full_caption, ==, "10,000 samples");
  g_assert_nonnull (strstr (text, "Option 2: rank 1 80.0 %, rank 2 15.0 %, rank 3 5.0 %, confidence 90.0 %; "
                                  "Option 1: rank 1 15.0 %"));
  g_assert_nonnull (strstr (partial_text, "Partial result"));
  g_assert_null (strstr (partial_text, "confidence"));
}

/* ------------------------------------------------------------------ */
/* Stakeholders                                                       */

/* The utilities of test-stakeholders.c: o0 (0.9, 0.3), o1 (0.6, 0.6),
 * o2 (0.5, 0.55), o3 (0.4, 0.7), reservations 0.45 and 0.5: ZOPA o1 and
 * o2, Nash o1, Pareto o0, o1, o3. */
static const double agreement_utility[] = { 0.9, 0.6, 0.5, 0.4,
                                            0.3, 0.6, 0.55, 0.7 };

static FrStakeholderChartData *
make_stakeholders (void)
{
  FrStakeholderChartData *data = fr_stakeholder_chart_data_new (2, 4);
  FrColor colors[] = { red, green, blue, orange };

  data->title = g_strdup ("Utilities");
  data->stakeholder_names[0] = g_strdup ("Ukraine");
  data->stakeholder_names[1] = g_strdup ("Russia");
  data->stakeholder_colors[0] = blue;
  data->stakeholder_colors[1] = red;
  data->reservation[0] = 0.45;
  data->reservation[1] = 0.5;
  memcpy (data->utility, agreement_utility, sizeof agreement_utility);
  for (guint o = 0; o < 4; o++)
    {
      data->option_names[o] = g_strdup_printf ("Option %u", o + 1);
      data->option_colors[o] = colors[o];
    }
  data->in_zopa[1] = data->in_zopa[2] = TRUE;
  data->nash = 1;
  return data;
}

static void
test_stakeholders (void)
{
  g_autoptr(FrStakeholderChartData) data = make_stakeholders ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_stakeholder_chart_render, data, w, h, theme);
        FrChartRect accepted, refused, other;
        FrChartHit hit;

        /* Option 1 for Ukraine (0.9 ≥ 0.45): full colour; for Russia
         * (0.3 < 0.5): faded. */
        g_assert_true (fr_stakeholder_chart_bar_rect (data, w, h, theme, 0, 0, &accepted));
        g_assert_true (fr_stakeholder_chart_bar_rect (data, w, h, theme, 1, 0, &refused));
        g_assert_true (fr_stakeholder_chart_bar_rect (data, w, h, theme, 0, 3, &other));
        g_assert_cmpfloat_with_epsilon (other.width / accepted.width, 0.4 / 0.9, 1e-9);
        g_assert_cmpfloat (refused.x, >, accepted.x + accepted.width);
        assert_color (pixel (surface, accepted.x + 2, accepted.y + accepted.height / 2), red, "accepted");
        g_assert_false (same_color (pixel (surface, refused.x + 2, refused.y + refused.height / 2), red));

        g_assert_true (fr_stakeholder_chart_hit_test (data, w, h, theme, refused.x + 1,
                                                      refused.y + refused.height / 2, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_UTILITY);
        g_assert_cmpint (hit.stakeholder, ==, 1);
        g_assert_cmpint (hit.option, ==, 0);
        cairo_surface_destroy (surface);
      }
}

static FrScatterChartData *
make_scatter (void)
{
  FrScatterChartData *data = fr_scatter_chart_data_new (4);
  FrColor colors[] = { red, green, blue, orange };

  data->title = g_strdup ("Ukraine and Russia");
  data->x_name = g_strdup ("Ukraine");
  data->y_name = g_strdup ("Russia");
  data->x_color = blue;
  data->y_color = red;
  data->x_reservation = 0.45;
  data->y_reservation = 0.5;
  for (guint o = 0; o < 4; o++)
    {
      data->option_names[o] = g_strdup_printf ("Option %u", o + 1);
      data->option_colors[o] = colors[o];
      data->x[o] = agreement_utility[o];
      data->y[o] = agreement_utility[4 + o];
    }
  data->pareto[0] = data->pareto[1] = data->pareto[3] = TRUE;
  data->nash = 1;
  return data;
}

static void
test_scatter (void)
{
  g_autoptr(FrScatterChartData) data = make_scatter ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint t = 0; t < G_N_ELEMENTS (theme_kinds); t++)
      {
        const FrTheme *theme = fr_theme_get (theme_kinds[t]);
        int w = sizes[s].width, h = sizes[s].height;
        cairo_surface_t *surface = RENDER (fr_scatter_chart_render, data, w, h, theme);
        double x[4], y[4], r;
        FrChartHit hit;

        for (guint o = 0; o < 4; o++)
          g_assert_true (fr_scatter_chart_point (data, w, h, theme, o, &x[o], &y[o], &r));
        /* The projection is affine: x grows with the first utility, y
         * falls (screen) as the second grows, at constant rates. */
        g_assert_cmpfloat_with_epsilon ((x[1] - x[0]) / (0.6 - 0.9), (x[3] - x[0]) / (0.4 - 0.9), 1e-6);
        g_assert_cmpfloat_with_epsilon ((y[1] - y[0]) / (0.6 - 0.3), (y[3] - y[0]) / (0.7 - 0.3), 1e-6);
        g_assert_cmpfloat (y[3], <, y[0]);
        g_assert_cmpfloat (x[0], >, x[3]);

        /* The Nash choice (option 2) is its colour at its place, ringed
         * in the foreground colour. */
        assert_color (pixel (surface, x[1], y[1]), green, "Nash dot");
        assert_color (pixel (surface, x[3], y[3]), orange, "another dot");
        g_assert_false (same_color (pixel (surface, x[1] + r * 1.4, y[1]), green));
        {
          gboolean ring = FALSE;
          for (double d = r * 1.6; d <= r * 2.2 && !ring; d += 0.5)
            ring = same_color (pixel (surface, x[1], y[1] - d), theme->foreground);
          g_assert_true (ring);
        }

        g_assert_true (fr_scatter_chart_hit_test (data, w, h, theme, x[2] + 1, y[2] - 1, &hit));
        g_assert_cmpint (hit.kind, ==, FR_CHART_HIT_OPTION);
        g_assert_cmpint (hit.option, ==, 2);
        cairo_surface_destroy (surface);
      }
}

static void
test_stakeholders_describe (void)
{
  g_autoptr(FrStakeholderChartData) data = make_stakeholders ();
  g_autoptr(FrScatterChartData) scatter = make_scatter ();
  g_autofree char *text = fr_stakeholder_chart_describe (data);
  g_autofree char *scatter_text = fr_scatter_chart_describe (scatter);

  g_assert_nonnull (strstr (text, "Ukraine (reservation level 0.45): Option 1 0.90, Option 2 0.60, Option 3 0.50, Option 4 0.40"));
  g_assert_nonnull (strstr (text, "Acceptable to every stakeholder: Option 2, Option 3."));
  g_assert_nonnull (strstr (text, "Nash bargaining choice: Option 2."));
  /* The front from left to right. */
  g_assert_nonnull (strstr (scatter_text, "Pareto front: Option 4, Option 2, Option 1."));
  g_assert_nonnull (strstr (scatter_text, "Option 1: 0.90 and 0.30"));
}

/* ------------------------------------------------------------------ */
/* Every chart in every theme at the extremes of its size             */

static void
test_every_theme (void)
{
  static const FrThemeKind kinds[] = {
    FR_THEME_LIGHT, FR_THEME_DARK, FR_THEME_HIGH_CONTRAST, FR_THEME_PRESENTATION_LIGHT, FR_THEME_PRESENTATION_DARK,
  };
  static const int extremes[][2] = { { 320, 240 }, { 1920, 1080 } };
  g_autoptr(FrRankingChartData) ranking = make_ranking (FR_RANKING_CHART_STACKED);
  g_autoptr(FrProfileChartData) profile = make_profile ();
  g_autoptr(FrSensitivityChartData) sensitivity = make_sensitivity ();
  g_autoptr(FrSmaaChartData) smaa = make_smaa (0.5);
  g_autoptr(FrStakeholderChartData) stakeholders = make_stakeholders ();
  g_autoptr(FrScatterChartData) scatter = make_scatter ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (extremes); s++)
      {
        const FrTheme *theme = fr_theme_get (kinds[k]);
        int w = extremes[s][0], h = extremes[s][1];
        cairo_surface_t *surfaces[6];
        FrChartRect bar;

        surfaces[0] = RENDER (fr_ranking_chart_render, ranking, w, h, theme);
        surfaces[1] = RENDER (fr_profile_chart_render, profile, w, h, theme);
        surfaces[2] = RENDER (fr_sensitivity_chart_render, sensitivity, w, h, theme);
        surfaces[3] = RENDER (fr_smaa_chart_render, smaa, w, h, theme);
        surfaces[4] = RENDER (fr_stakeholder_chart_render, stakeholders, w, h, theme);
        surfaces[5] = RENDER (fr_scatter_chart_render, scatter, w, h, theme);
        for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
          {
            /* The theme's background in the corner, and something drawn
             * in the title's place. */
            gboolean inked = FALSE;
            assert_color (pixel (surfaces[i], w - 1, h - 1), theme->background, "background");
            for (int y = 0; y < h / 8 && !inked; y++)
              for (int x = 0; x < w / 3 && !inked; x++)
                inked = !same_color (pixel (surfaces[i], x, y), theme->background);
            g_assert_true (inked);
            cairo_surface_destroy (surfaces[i]);
          }
        /* Bars keep a visible thickness even when large type crowds them. */
        g_assert_true (fr_ranking_chart_bar_rect (ranking, w, h, theme, 3, &bar));
        g_assert_cmpfloat (bar.height, >=, 8);
        g_assert_cmpfloat (bar.y + bar.height, <, h);
      }
}

/* ------------------------------------------------------------------ */
/* Shaped text kept across draws                                      */

enum { N_KINDS = 6 };

typedef struct {
  FrRankingChartData *ranking;
  FrProfileChartData *profile;
  FrSensitivityChartData *sensitivity;
  FrSmaaChartData *smaa;
  FrStakeholderChartData *stakeholders;
  FrScatterChartData *scatter;
} AllCharts;

static void
all_charts_init (AllCharts *all)
{
  all->ranking = make_ranking (FR_RANKING_CHART_STACKED);
  all->profile = make_profile ();
  all->sensitivity = make_sensitivity ();
  all->smaa = make_smaa (0.5);
  all->stakeholders = make_stakeholders ();
  all->scatter = make_scatter ();
}

static void
all_charts_clear (AllCharts *all)
{
  fr_ranking_chart_data_free (all->ranking);
  fr_profile_chart_data_free (all->profile);
  fr_sensitivity_chart_data_free (all->sensitivity);
  fr_smaa_chart_data_free (all->smaa);
  fr_stakeholder_chart_data_free (all->stakeholders);
  fr_scatter_chart_data_free (all->scatter);
}

static void
draw_kind (const AllCharts *all,
           guint            kind,
           cairo_t         *cr,
           double           width,
           double           height,
           const FrTheme   *theme)
{
  switch (kind)
    {
    case 0: fr_ranking_chart_render (cr, all->ranking, width, height, theme); break;
    case 1: fr_profile_chart_render (cr, all->profile, width, height, theme); break;
    case 2: fr_sensitivity_chart_render (cr, all->sensitivity, width, height, theme); break;
    case 3: fr_smaa_chart_render (cr, all->smaa, width, height, theme); break;
    case 4: fr_stakeholder_chart_render (cr, all->stakeholders, width, height, theme); break;
    case 5: fr_scatter_chart_render (cr, all->scatter, width, height, theme); break;
    default: g_assert_not_reached ();
    }
}

static gboolean
hit_kind (const AllCharts *all,
          guint            kind,
          double           width,
          double           height,
          double           x,
          double           y,
          FrChartHit      *hit)
{
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);

  switch (kind)
    {
    case 0: return fr_ranking_chart_hit_test (all->ranking, width, height, theme, x, y, hit);
    case 1: return fr_profile_chart_hit_test (all->profile, width, height, theme, x, y, hit);
    case 2: return fr_sensitivity_chart_hit_test (all->sensitivity, width, height, theme, x, y, hit);
    case 3: return fr_smaa_chart_hit_test (all->smaa, width, height, theme, x, y, hit);
    case 4: return fr_stakeholder_chart_hit_test (all->stakeholders, width, height, theme, x, y, hit);
    case 5: return fr_scatter_chart_hit_test (all->scatter, width, height, theme, x, y, hit);
    default: g_assert_not_reached ();
    }
}

typedef struct {
  int scale;                        /* device pixels per unit */
  cairo_antialias_t text_antialias; /* set on the context; DEFAULT leaves it */
  cairo_hint_metrics_t hint_metrics;
} Target;

/* The chart drawn as a widget or an export would: @scale times the size
 * in device pixels. */
static cairo_surface_t *
draw_on (const AllCharts *all,
         guint            kind,
         int              width,
         int              height,
         const FrTheme   *theme,
         Target           target)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * target.scale,
                                                         height * target.scale);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, target.scale, target.scale);
  if (target.text_antialias != CAIRO_ANTIALIAS_DEFAULT || target.hint_metrics != CAIRO_HINT_METRICS_DEFAULT)
    {
      cairo_font_options_t *options = cairo_font_options_create ();
      cairo_font_options_set_antialias (options, target.text_antialias);
      cairo_font_options_set_hint_metrics (options, target.hint_metrics);
      cairo_set_font_options (cr, options);
      cairo_font_options_destroy (options);
    }
  draw_kind (all, kind, cr, width, height, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Drawn with no shaped text kept. */
static cairo_surface_t *
draw_cold (const AllCharts *all,
           guint            kind,
           int              width,
           int              height,
           const FrTheme   *theme,
           Target           target)
{
  fr_chart_text_cache_clear ();
  g_assert_cmpuint (fr_chart_text_cache_size (), ==, 0);
  return draw_on (all, kind, width, height, theme, target);
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b) ||
      height != cairo_image_surface_get_height (b) || stride != cairo_image_surface_get_stride (b))
    return FALSE;
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) stride * height) == 0;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    const char      *what)
{
  if (!same_pixels (a, b))
    g_error ("%s: the pixels differ", what);
}

/* A chart drawn with the labels of earlier draws kept gives the very
 * pixels of one drawn from scratch: on plain images, on HiDPI ones and
 * with other font options, whichever target the text was shaped for. */
static void
test_text_cache_pixels (void)
{
  static const Target targets[] = {
    { 1, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_DEFAULT },
    { 2, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_DEFAULT },
    { 1, CAIRO_ANTIALIAS_NONE, CAIRO_HINT_METRICS_DEFAULT },
    { 1, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_ON },
    { 2, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_ON },
  };
  AllCharts all;

  all_charts_init (&all);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      {
        const FrTheme *theme = fr_theme_get (kind % 2 ? FR_THEME_DARK : FR_THEME_LIGHT);
        g_autofree char *what = g_strdup_printf ("chart %u, target %u", kind, t);
        cairo_surface_t *cold, *warm;

        /* The text of every other target first, then this one's. */
        fr_chart_text_cache_clear ();
        for (guint other = 0; other < G_N_ELEMENTS (targets); other++)
          if (other != t)
            cairo_surface_destroy (draw_on (&all, kind, 640, 400, theme, targets[other]));
        g_assert_cmpuint (fr_chart_text_cache_size (), >, 0);
        warm = draw_on (&all, kind, 640, 400, theme, targets[t]);
        /* And again, from its own text. */
        cold = draw_cold (&all, kind, 640, 400, theme, targets[t]);
        assert_same_pixels (cold, warm, what);
        cairo_surface_destroy (warm);
        /* The third draw takes its labels from masks of their glyphs. */
        warm = draw_on (&all, kind, 640, 400, theme, targets[t]);
        g_assert_cmpuint (fr_chart_text_mask_count (), >, 0);
        assert_same_pixels (cold, warm, what);
        cairo_surface_destroy (warm);
        /* And from the same masks again. */
        warm = draw_on (&all, kind, 640, 400, theme, targets[t]);
        assert_same_pixels (cold, warm, what);
        cairo_surface_destroy (warm);
        cairo_surface_destroy (cold);
      }

  /* Text without antialiasing does look different, so the comparisons
   * above mean something. */
  {
    cairo_surface_t *plain = draw_cold (&all, 0, 640, 400, NULL, targets[0]);
    cairo_surface_t *aliased = draw_cold (&all, 0, 640, 400, NULL, targets[2]);
    g_assert_false (same_pixels (plain, aliased));
    cairo_surface_destroy (plain);
    cairo_surface_destroy (aliased);
  }
  all_charts_clear (&all);
}

/* What changes between draws is drawn as it is now: other text, another
 * theme (its font size and family), another size. */
static void
test_text_cache_changes (void)
{
  const Target plain = { 1, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_DEFAULT };
  const FrTheme *light = fr_theme_get (FR_THEME_LIGHT);
  const FrTheme *presentation = fr_theme_get (FR_THEME_PRESENTATION_LIGHT);
  AllCharts all;
  cairo_surface_t *before, *after, *cold;

  all_charts_init (&all);

  /* Another title and another option name. */
  fr_chart_text_cache_clear ();
  before = draw_on (&all, 0, 640, 400, light, plain);
  g_free (all.ranking->title);
  all.ranking->title = g_strdup ("Ranking by TOPSIS for Ukraine");
  g_free (all.ranking->option_names[2]);
  all.ranking->option_names[2] = g_strdup ("Echo");
  after = draw_on (&all, 0, 640, 400, light, plain);
  cold = draw_cold (&all, 0, 640, 400, light, plain);
  g_assert_false (same_pixels (before, after));
  assert_same_pixels (after, cold, "changed text");
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (cold);

  /* A theme with larger type. */
  before = draw_on (&all, 0, 640, 400, light, plain);
  after = draw_on (&all, 0, 640, 400, presentation, plain);
  cold = draw_cold (&all, 0, 640, 400, presentation, plain);
  g_assert_false (same_pixels (before, after));
  assert_same_pixels (after, cold, "changed theme");
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (cold);

  /* Another size: the type grows and long names ellipsize elsewhere. */
  g_free (all.ranking->option_names[0]);
  all.ranking->option_names[0] = g_strdup ("Alpha, with a name far too long for a small chart to show whole");
  g_free (all.profile->criterion_names[1]);
  all.profile->criterion_names[1] = g_strdup ("A criterion with a name far too long for a small chart");
  g_free (all.smaa->option_names[0]);
  all.smaa->option_names[0] = g_strdup ("Alpha, with a name far too long for a small chart to show whole");
  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      /* Both heights give the same type size, so only the room differs. */
      cairo_surface_destroy (draw_on (&all, kind, 900, 400, light, plain));
      after = draw_on (&all, kind, 520, 400, light, plain);
      cold = draw_cold (&all, kind, 520, 400, light, plain);
      assert_same_pixels (after, cold, "changed width");
      cairo_surface_destroy (after);
      cairo_surface_destroy (cold);
      cairo_surface_destroy (draw_on (&all, kind, 1280, 720, light, plain));
      after = draw_on (&all, kind, 333, 222, light, plain);
      cold = draw_cold (&all, kind, 333, 222, light, plain);
      assert_same_pixels (after, cold, "changed size");
      cairo_surface_destroy (after);
      cairo_surface_destroy (cold);
    }
  all_charts_clear (&all);
}

/* Hit tests, which measure the same text without drawing, agree with and
 * without the shaped text kept. */
static void
test_text_cache_hits (void)
{
  AllCharts all;

  all_charts_init (&all);
  for (guint kind = 0; kind < N_KINDS; kind++)
    for (int y = 4; y < 400; y += 9)
      for (int x = 3; x < 640; x += 11)
        {
          FrChartHit cold, warm;
          gboolean hit_cold, hit_warm;

          fr_chart_text_cache_clear ();
          hit_cold = hit_kind (&all, kind, 640, 400, x, y, &cold);
          hit_warm = hit_kind (&all, kind, 640, 400, x, y, &warm);
          g_assert_cmpint (hit_cold, ==, hit_warm);
          g_assert_cmpmem (&cold, sizeof cold, &warm, sizeof warm);
        }
  all_charts_clear (&all);
}

/* An SVG export keeps its text as text, the same with the labels kept as
 * without. */
static void
draw_ranking_for_export (cairo_t  *cr,
                         double    width,
                         double    height,
                         gpointer  user_data)
{
  fr_ranking_chart_render (cr, user_data, width, height, NULL);
}

static void
test_text_cache_export (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_STACKED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cold = NULL;
  g_autoptr(GBytes) warm = NULL;
  g_autoptr(GRegex) surface_id = g_regex_new ("surface[0-9]+", 0, 0, NULL);
  g_autofree char *cold_text = NULL;
  g_autofree char *warm_text = NULL;
  cairo_surface_t *screen;

  fr_chart_text_cache_clear ();
  cold = fr_export_to_bytes (FR_EXPORT_SVG, 640, 360, 1.0, draw_ranking_for_export, data, &error);
  g_assert_no_error (error);
  /* The same labels shaped for the screen first, drawn there often enough
   * to be kept as masks of their glyphs, then the export again. */
  for (int i = 0; i < 3; i++)
    {
      screen = RENDER (fr_ranking_chart_render, data, 640, 360, NULL);
      cairo_surface_destroy (screen);
    }
  g_assert_cmpuint (fr_chart_text_mask_count (), >, 0);
  warm = fr_export_to_bytes (FR_EXPORT_SVG, 640, 360, 1.0, draw_ranking_for_export, data, &error);
  g_assert_no_error (error);
  /* Cairo numbers its SVG surfaces across the process. */
  cold_text = g_regex_replace_literal (surface_id, g_bytes_get_data (cold, NULL), (gssize) g_bytes_get_size (cold),
                                       0, "surface", 0, &error);
  g_assert_no_error (error);
  warm_text = g_regex_replace_literal (surface_id, g_bytes_get_data (warm, NULL), (gssize) g_bytes_get_size (warm),
                                       0, "surface", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cold_text, "Ranking by weighted sum for Ukraine"));
  g_assert_cmpstr (cold_text, ==, warm_text);
}

/* The kept text stays bounded however many labels go by (numbers change
 * with every weight change), and can be let go of. */
static void
test_text_cache_bounded (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_SCORE);
  const Target plain = { 1, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_DEFAULT };
  AllCharts all = { .ranking = data };
  guint peak = 0;

  fr_chart_text_cache_clear ();
  for (guint i = 0; i < 3000; i++)
    {
      g_free (data->title);
      data->title = g_strdup_printf ("Ranking number %u", i);
      data->scores[0] = i / 3000.0;
      cairo_surface_destroy (draw_on (&all, 0, 320, 240, NULL, plain));
      peak = MAX (peak, fr_chart_text_cache_size ());
    }
  g_assert_cmpuint (peak, >, 100);
  g_assert_cmpuint (peak, <=, 512);
  peak = fr_chart_text_cache_size ();
  g_assert_cmpuint (peak, >, 0);
  g_assert_cmpuint (fr_chart_text_cache_clear (), ==, peak);
  g_assert_cmpuint (fr_chart_text_cache_size (), ==, 0);
}

static gpointer
draw_in_thread (gpointer user_data)
{
  const Target plain = { 1, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_DEFAULT };

  return draw_cold (user_data, 4, 640, 400, NULL, plain);
}

/* Each thread keeps its own text (Pango's objects belong to one): a chart
 * drawn in another thread looks the same as here. */
static void
test_text_cache_threads (void)
{
  const Target plain = { 1, CAIRO_ANTIALIAS_DEFAULT, CAIRO_HINT_METRICS_DEFAULT };
  AllCharts all;
  cairo_surface_t *here, *there;
  guint kept;
  GThread *thread;

  all_charts_init (&all);
  here = draw_on (&all, 4, 640, 400, NULL, plain);
  kept = fr_chart_text_cache_size ();
  thread = g_thread_new ("chart", draw_in_thread, &all);
  there = g_thread_join (thread);
  assert_same_pixels (here, there, "another thread");
  /* The other thread's draw neither used nor dropped this thread's text. */
  g_assert_cmpuint (fr_chart_text_cache_size (), ==, kept);
  cairo_surface_destroy (here);
  cairo_surface_destroy (there);
  all_charts_clear (&all);
}

/* ------------------------------------------------------------------ */
/* Comparing chart data                                               */

/* Equal data draw the same chart, so a widget may keep its picture; any
 * field that shows makes them differ. */
static void
test_data_equal (void)
{
  AllCharts a, b;

  all_charts_init (&a);
  all_charts_init (&b);
  g_assert_true (fr_ranking_chart_data_equal (a.ranking, b.ranking));
  g_assert_true (fr_profile_chart_data_equal (a.profile, b.profile));
  g_assert_true (fr_sensitivity_chart_data_equal (a.sensitivity, b.sensitivity));
  g_assert_true (fr_smaa_chart_data_equal (a.smaa, b.smaa));
  g_assert_true (fr_stakeholder_chart_data_equal (a.stakeholders, b.stakeholders));
  g_assert_true (fr_scatter_chart_data_equal (a.scatter, b.scatter));
  g_assert_true (fr_ranking_chart_data_equal (NULL, NULL));
  g_assert_false (fr_ranking_chart_data_equal (a.ranking, NULL));
  g_assert_false (fr_scatter_chart_data_equal (NULL, b.scatter));

  b.ranking->contributions[5] += 0.01;
  g_assert_false (fr_ranking_chart_data_equal (a.ranking, b.ranking));
  b.ranking->contributions[5] = a.ranking->contributions[5];
  b.ranking->order[0] = a.ranking->order[1];
  g_assert_false (fr_ranking_chart_data_equal (a.ranking, b.ranking));
  b.ranking->order[0] = a.ranking->order[0];
  b.ranking->highlighted = 2;
  g_assert_false (fr_ranking_chart_data_equal (a.ranking, b.ranking));
  b.ranking->highlighted = a.ranking->highlighted;
  g_free (b.ranking->criterion_names[1]);
  b.ranking->criterion_names[1] = g_strdup ("Criterion two");
  g_assert_false (fr_ranking_chart_data_equal (a.ranking, b.ranking));

  b.profile->option_colors[1] = orange;
  g_assert_false (fr_profile_chart_data_equal (a.profile, b.profile));

  g_free (b.sensitivity->high_rival[0]);
  b.sensitivity->high_rival[0] = g_strdup ("Someone else");
  g_assert_false (fr_sensitivity_chart_data_equal (a.sensitivity, b.sensitivity));
  g_free (b.sensitivity->high_rival[0]);
  b.sensitivity->high_rival[0] = g_strdup (a.sensitivity->high_rival[0]);
  g_assert_true (fr_sensitivity_chart_data_equal (a.sensitivity, b.sensitivity));
  b.sensitivity->stable_high[1] *= 0.5;
  g_assert_false (fr_sensitivity_chart_data_equal (a.sensitivity, b.sensitivity));

  b.smaa->n_samples++;
  g_assert_false (fr_smaa_chart_data_equal (a.smaa, b.smaa));
  b.smaa->n_samples = a.smaa->n_samples;
  /* NaN (no estimate yet) equals itself. */
  b.smaa->confidence[0] = NAN;
  a.smaa->confidence[0] = NAN;
  g_assert_true (fr_smaa_chart_data_equal (a.smaa, b.smaa));

  b.stakeholders->utility[3] += 0.001;
  g_assert_false (fr_stakeholder_chart_data_equal (a.stakeholders, b.stakeholders));
  b.stakeholders->utility[3] = a.stakeholders->utility[3];
  b.stakeholders->in_zopa[0] = !a.stakeholders->in_zopa[0];
  g_assert_false (fr_stakeholder_chart_data_equal (a.stakeholders, b.stakeholders));

  g_free (b.scatter->y_name);
  b.scatter->y_name = g_strdup ("Belarus");
  g_assert_false (fr_scatter_chart_data_equal (a.scatter, b.scatter));

  all_charts_clear (&a);
  all_charts_clear (&b);
}

/* Nothing to show still draws a titled picture and says so in words. */
static void
test_empty (void)
{
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  g_autoptr(FrRankingChartData) ranking = fr_ranking_chart_data_new (0, 0);
  g_autoptr(FrProfileChartData) profile = fr_profile_chart_data_new (0, 0);
  g_autoptr(FrSensitivityChartData) sensitivity = fr_sensitivity_chart_data_new (0);
  g_autoptr(FrSmaaChartData) smaa = fr_smaa_chart_data_new (0);
  g_autoptr(FrStakeholderChartData) stakeholders = fr_stakeholder_chart_data_new (0, 0);
  g_autoptr(FrScatterChartData) scatter = fr_scatter_chart_data_new (0);
  cairo_surface_t *surfaces[6];
  char *words[6];
  FrChartHit hit;
  FrChartRect rect;

  surfaces[0] = RENDER (fr_ranking_chart_render, ranking, 320, 240, theme);
  surfaces[1] = RENDER (fr_profile_chart_render, profile, 320, 240, theme);
  surfaces[2] = RENDER (fr_sensitivity_chart_render, sensitivity, 320, 240, theme);
  surfaces[3] = RENDER (fr_smaa_chart_render, smaa, 320, 240, theme);
  surfaces[4] = RENDER (fr_stakeholder_chart_render, stakeholders, 320, 240, theme);
  surfaces[5] = RENDER (fr_scatter_chart_render, scatter, 320, 240, theme);
  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      assert_color (pixel (surfaces[i], 0, 0), theme->background, "empty chart");
      cairo_surface_destroy (surfaces[i]);
    }
  words[0] = fr_ranking_chart_describe (ranking);
  words[1] = fr_profile_chart_describe (profile);
  words[2] = fr_sensitivity_chart_describe (sensitivity);
  words[3] = fr_smaa_chart_describe (smaa);
  words[4] = fr_stakeholder_chart_describe (stakeholders);
  words[5] = fr_scatter_chart_describe (scatter);
  g_assert_cmpstr (words[0], ==, "Ranking: no options to rank.");
  g_assert_cmpstr (words[2], ==, "Sensitivity: no criteria to weigh.");
  g_assert_nonnull (strstr (words[5], "There is no Nash bargaining choice."));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_free (words[i]);
  g_assert_false (fr_ranking_chart_hit_test (ranking, 320, 240, theme, 160, 120, &hit));
  g_assert_false (fr_smaa_chart_hit_test (smaa, 320, 240, theme, 160, 120, &hit));
  g_assert_false (fr_ranking_chart_bar_rect (ranking, 320, 240, theme, 0, &rect));
  g_assert_false (fr_smaa_chart_cell_rect (smaa, 320, 240, theme, 0, 0, &rect));
}

/* ------------------------------------------------------------------ */
/* From the bundled scenario through FrAnalysis                       */

static FrAnalysis *
load_scenario (FrModel **model_out)
{
  g_autofree char *path = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios",
                                            "ukraine-security-options.frontier", NULL);
  g_autoptr(GError) error = NULL;
  FrModel *model = fr_xml_load_file (path, &error);
  g_autoptr(FrDocument) document = NULL;

  g_assert_no_error (error);
  *model_out = model;
  document = fr_document_new_for_model (model);
  return fr_analysis_new (document);
}

static void
test_data_from_analysis (void)
{
  FrModel *model = NULL;
  g_autoptr(FrAnalysis) analysis = load_scenario (&model);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrRankingChartData) ranking = NULL;
  g_autoptr(FrRankingChartData) promethee = NULL;
  g_autoptr(FrSensitivityChartData) sensitivity = NULL;
  g_autoptr(FrStakeholderChartData) stakeholders = NULL;
  g_autoptr(FrScatterChartData) scatter = NULL;
  const FrStakeholder *ukraine;
  const guint *order;
  const double *scores;

  fr_analysis_set_stakeholder (analysis, "ukraine");
  ukraine = fr_model_find_stakeholder (model, "ukraine");
  g_assert_nonnull (ukraine);
  ranking = fr_ranking_chart_data_from_analysis (analysis, model, &error);
  g_assert_no_error (error);
  order = fr_analysis_get_order (analysis);
  scores = fr_analysis_get_scores (analysis);
  g_assert_cmpuint (ranking->n_options, ==, model->options->len);
  g_assert_cmpint (ranking->kind, ==, FR_RANKING_CHART_STACKED);
  g_assert_true (g_str_has_suffix (ranking->title, ukraine->name));
  for (guint r = 0; r < ranking->n_options; r++)
    {
      guint o = ranking->order[r];
      double sum = 0;
      g_assert_cmpuint (o, ==, order[r]);
      g_assert_cmpfloat (ranking->scores[o], ==, scores[o]);
      for (guint c = 0; c < ranking->n_criteria; c++)
        sum += ranking->contributions[o * ranking->n_criteria + c];
      g_assert_cmpfloat_with_epsilon (sum, ranking->scores[o], 1e-9);
      /* The document's own colour for the option. */
      {
        const FrOption *option = fr_model_find_option (model, fr_analysis_get_matrix (analysis)->option_ids[o]);
        FrColor color;
        if (fr_color_parse (option->color, &color))
          assert_color (ranking->option_colors[o], color, "document colour");
      }
    }

  fr_analysis_set_method (analysis, FR_METHOD_PROMETHEE);
  promethee = fr_ranking_chart_data_from_analysis (analysis, model, &error);
  g_assert_no_error (error);
  g_assert_cmpint (promethee->kind, ==, FR_RANKING_CHART_NET_FLOW);
  g_assert_cmpuint (promethee->n_criteria, ==, 0);
  g_assert_cmpint (promethee->decimals, ==, 3);
  {
    /* Net flows sum to zero over the options. */
    double sum = 0;
    for (guint o = 0; o < promethee->n_options; o++)
      sum += promethee->scores[o];
    g_assert_cmpfloat_with_epsilon (sum, 0.0, 1e-9);
  }

  sensitivity = fr_sensitivity_chart_data_from_analysis (analysis, model, -1, 0.5, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < sensitivity->n_criteria; c++)
    {
      g_assert_cmpfloat (sensitivity->stable_low[c], <=, sensitivity->weight[c] + 1e-12);
      g_assert_cmpfloat (sensitivity->stable_high[c], >=, sensitivity->weight[c] - 1e-12);
      g_assert_cmpfloat_with_epsilon (sensitivity->weight_high[c], MIN (1.0, sensitivity->weight[c] * 1.5), 1e-12);
    }

  stakeholders = fr_stakeholder_chart_data_from_model (model, fr_analysis_get_matrix (analysis));
  g_assert_cmpuint (stakeholders->n_stakeholders, ==, model->stakeholders->len);
  for (guint s = 0; s < stakeholders->n_stakeholders; s++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);
      g_assert_cmpfloat (stakeholders->reservation[s], ==, stakeholder->reservation);
    }
  if (stakeholders->nash >= 0)
    g_assert_true (stakeholders->in_zopa[stakeholders->nash]);

  scatter = fr_scatter_chart_data_from_model (model, fr_analysis_get_matrix (analysis), "ukraine", "russia", &error);
  g_assert_no_error (error);
  for (guint o = 0; o < scatter->n_options; o++)
    g_assert_cmpfloat (scatter->x[o], ==, stakeholders->utility[o]);
  g_assert_null (fr_scatter_chart_data_from_model (model, fr_analysis_get_matrix (analysis), "ukraine", "nobody",
                                                   &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
}

/* ------------------------------------------------------------------ */
/* Export                                                             */

static void
draw_ranking (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  fr_ranking_chart_render (cr, user_data, width, height, fr_theme_get (FR_THEME_LIGHT));
}

static gboolean
svg_has_text (xmlNode    *node,
              const char *text)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) "text"))
        {
          xmlChar *content = xmlNodeGetContent (node);
          gboolean found = g_strcmp0 ((const char *) content, text) == 0;
          xmlFree (content);
          if (found)
            return TRUE;
        }
      if (svg_has_text (node->children, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_export (void)
{
  g_autoptr(FrRankingChartData) data = make_ranking (FR_RANKING_CHART_STACKED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-charts-XXXXXX", &error);
  g_autofree char *pdf_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const guint8 *bytes;
  gsize size;
  xmlDoc *doc;
  int status = -1;

  g_assert_no_error (error);

  /* PNG of the requested size: IHDR width and height, big-endian. */
  png = fr_export_to_bytes (FR_EXPORT_PNG, 640, 360, 1.0, draw_ranking, data, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (bytes, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint ((guint) bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19], ==, 640);
  g_assert_cmpuint ((guint) bytes[20] << 24 | bytes[21] << 16 | bytes[22] << 8 | bytes[23], ==, 360);

  /* SVG keeps the text as <text>, through fr_export_show_layout(). */
  svg = fr_export_to_bytes (FR_EXPORT_SVG, 640, 360, 1.0, draw_ranking, data, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (svg, &size);
  doc = xmlReadMemory ((const char *) bytes, (int) size, "chart.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_true (svg_has_text (xmlDocGetRootElement (doc), "Ranking by weighted sum for Ukraine"));
  g_assert_true (svg_has_text (xmlDocGetRootElement (doc), "1. Bravo"));
  xmlFreeDoc (doc);

  /* PDF text as pdftotext reads it. */
  pdf_path = g_build_filename (dir, "chart.pdf", NULL);
  g_assert_true (fr_export_to_file (pdf_path, 640, 360, 1.0, draw_ranking, data, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", pdf_path, "-", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Ranking by weighted sum for Ukraine"));
  g_assert_nonnull (strstr (out, "Bravo"));
  g_assert_nonnull (strstr (out, "Charlie"));
  g_assert_nonnull (strstr (out, "0.70"));

  g_unlink (pdf_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/charts/nice-ticks", test_nice_ticks);
  g_test_add_func ("/render/charts/ranking/score", test_ranking_score);
  g_test_add_func ("/render/charts/ranking/stacked", test_ranking_stacked);
  g_test_add_func ("/render/charts/ranking/net-flow", test_ranking_net_flow);
  g_test_add_func ("/render/charts/ranking/describe", test_ranking_describe);
  g_test_add_func ("/render/charts/profile", test_profile);
  g_test_add_func ("/render/charts/profile/describe", test_profile_describe);
  g_test_add_func ("/render/charts/sensitivity", test_sensitivity);
  g_test_add_func ("/render/charts/sensitivity/describe", test_sensitivity_describe);
  g_test_add_func ("/render/charts/smaa", test_smaa);
  g_test_add_func ("/render/charts/smaa/partial", test_smaa_partial);
  g_test_add_func ("/render/charts/stakeholders", test_stakeholders);
  g_test_add_func ("/render/charts/stakeholders/scatter", test_scatter);
  g_test_add_func ("/render/charts/stakeholders/describe", test_stakeholders_describe);
  g_test_add_func ("/render/charts/every-theme", test_every_theme);
  g_test_add_func ("/render/charts/empty", test_empty);
  g_test_add_func ("/render/charts/data-from-analysis", test_data_from_analysis);
  g_test_add_func ("/render/charts/export", test_export);
  g_test_add_func ("/render/charts/text-cache/pixels", test_text_cache_pixels);
  g_test_add_func ("/render/charts/text-cache/changes", test_text_cache_changes);
  g_test_add_func ("/render/charts/text-cache/hit-tests", test_text_cache_hits);
  g_test_add_func ("/render/charts/text-cache/export", test_text_cache_export);
  g_test_add_func ("/render/charts/text-cache/bounded", test_text_cache_bounded);
  g_test_add_func ("/render/charts/text-cache/threads", test_text_cache_threads);
  g_test_add_func ("/render/charts/data-equal", test_data_equal);

  return g_test_run ();
}
