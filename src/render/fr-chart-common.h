/* fr-chart-common.h — what every analysis chart shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis charts (ranking, profile, sensitivity, SMAA, stakeholders)
 * are pure functions of a plain data struct, a size and a theme. They lay
 * themselves out with the helpers here so that titles, axes, legends and
 * numbers look and read the same in every chart, on screen, on slides and
 * in exports. Text goes through fr_export_show_layout() so SVG exports
 * keep it as text.
 *
 * Every chart also answers "what is under this point" (a hit test, for
 * hover details) from the same layout code that draws it, so the two can
 * never disagree.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "fr-theme.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} FrChartRect;

typedef enum {
  FR_CHART_HIT_NONE,
  FR_CHART_HIT_OPTION,        /* option: a bar, a row label, a legend entry, a dot */
  FR_CHART_HIT_CRITERION,     /* criterion: a label, a legend entry, a tornado bar */
  FR_CHART_HIT_SEGMENT,       /* option and criterion: a contribution, a profile vertex */
  FR_CHART_HIT_CELL,          /* option and rank: a rank acceptability */
  FR_CHART_HIT_CONFIDENCE,    /* option: its confidence factor */
  FR_CHART_HIT_STABILITY,     /* criterion: its weight stability interval */
  FR_CHART_HIT_STAKEHOLDER,   /* stakeholder: a column header */
  FR_CHART_HIT_UTILITY,       /* stakeholder and option */
} FrChartHitKind;

/* What lies under a point; indices not concerned are −1. Indices are those
 * of the chart's data arrays (document order), never display positions. */
typedef struct {
  FrChartHitKind kind;
  int option;
  int criterion;
  int rank;
  int stakeholder;
} FrChartHit;

void     fr_chart_hit_clear          (FrChartHit  *hit);
gboolean fr_chart_rect_contains      (const FrChartRect *rect,
                                      double       x,
                                      double       y);
/* For the charts' data comparisons: @n strings, NULL equal to NULL. */
gboolean fr_chart_strings_equal      (char * const      *a,
                                      char * const      *b,
                                      guint              n);

typedef enum {
  FR_CHART_TEXT_TITLE,
  FR_CHART_TEXT_BODY,
  FR_CHART_TEXT_BOLD,
  FR_CHART_TEXT_SMALL,
  FR_CHART_N_TEXT_STYLES
} FrChartTextStyle;

typedef struct _FrChartText FrChartText;

/* A chart being laid out or drawn. Without a cairo context (hit tests,
 * geometry queries) it measures text on a private 1 × 1 image surface, the
 * same way an image surface draws it.
 *
 * Shaped text outlives the chart: each thread keeps the layouts of recent
 * draws, by target (font options and transformation, which shaping
 * depends on), style and text, so a chart drawn again with mostly the same
 * labels shapes only the new ones. */
typedef struct {
  cairo_t *cr;
  const FrTheme *theme;
  double width;
  double height;
  double em;                  /* body text size in pixels */
  double title_em;            /* the title keeps its size when rows shrink */
  PangoFontDescription *fonts[FR_CHART_N_TEXT_STYLES];
  FrChartText *text;
  gboolean owns_cr;
} FrChart;

void     fr_chart_init               (FrChart       *chart,
                                      cairo_t       *cr,
                                      double         width,
                                      double         height,
                                      const FrTheme *theme);
void     fr_chart_clear              (FrChart       *chart);
/* Forgets this thread's shaped text; the next draw shapes every label
 * afresh. Returns how many layouts were kept. */
guint    fr_chart_text_cache_clear   (void);
/* How many layouts this thread keeps at the moment. */
guint    fr_chart_text_cache_size    (void);
/* How many of their glyph masks (labels drawn again on an image). */
guint    fr_chart_text_mask_count    (void);
/* Changes the body text size (charts with many rows shrink it to fit). */
void     fr_chart_set_em             (FrChart       *chart,
                                      double         em);
/* Shrinks the text (to no less than 7 px) until one line of body text
 * with some air fits into rows @row_height high. */
void     fr_chart_fit_rows           (FrChart       *chart,
                                      double         row_height);

/* Text sizes in pixels; @max_width > 0 ellipsizes at the end. */
void     fr_chart_text_size          (FrChart          *chart,
                                      FrChartTextStyle  style,
                                      const char       *text,
                                      double            max_width,
                                      double           *width,
                                      double           *height);
double   fr_chart_line_height        (FrChart          *chart,
                                      FrChartTextStyle  style);
/* Draws @text with its box aligned at (@x, @y): @xalign 0 left, 0.5
 * centre, 1 right; @yalign the same vertically. */
void     fr_chart_draw_text          (FrChart          *chart,
                                      FrChartTextStyle  style,
                                      const char       *text,
                                      double            x,
                                      double            y,
                                      double            xalign,
                                      double            yalign,
                                      double            max_width,
                                      FrColor           color);
/* Says in the middle of the chart why there is nothing to draw. */
void     fr_chart_draw_message       (FrChart          *chart,
                                      const char       *text);
/* @items (strings) joined by @separator, for the lists in the charts' text
 * descriptions; the sentence around a list is one translatable string. */
char    *fr_chart_join               (GPtrArray        *items,
                                      const char       *separator);

/* The title (and an optional subtitle in muted text) across the top;
 * returns the height it takes, margins included. */
double   fr_chart_title_height       (FrChart     *chart,
                                      const char  *title,
                                      const char  *subtitle);
void     fr_chart_draw_title         (FrChart     *chart,
                                      const char  *title,
                                      const char  *subtitle);
void     fr_chart_draw_background    (FrChart     *chart);
double   fr_chart_margin             (FrChart     *chart);

/* Round tick values covering [@low, @high]: at most @max_ticks of them,
 * 1, 2 or 5 × 10^k apart. Returns how many were written to @ticks (room
 * for 32) and widens @low and @high to the outer ticks. */
guint    fr_chart_nice_ticks         (double      *low,
                                      double      *high,
                                      guint        max_ticks,
                                      double      *ticks,
                                      double      *step);

typedef enum {
  FR_CHART_VALUE_SCORE,       /* fr_format_score with the chart's decimals */
  FR_CHART_VALUE_SHARE,       /* 0..1 shown as a percentage (fr_format_weight) */
} FrChartValueKind;

/* A tick label: scores with just enough decimals for @step. */
char    *fr_chart_format_tick        (double            value,
                                      double            step,
                                      FrChartValueKind  kind);
/* 12345 → "12,345" with the locale's thousands separator (a comma in the
 * C locale, as fr_format_km does). */
char    *fr_chart_format_count       (guint64           count);

/* A horizontal value axis under a plot spanning @x0..@x1 for values
 * @low..@high: grid lines from @y_top to @y_axis, tick labels below. */
void     fr_chart_draw_x_axis        (FrChart          *chart,
                                      double            x0,
                                      double            x1,
                                      double            y_top,
                                      double            y_axis,
                                      double            low,
                                      double            high,
                                      const double     *ticks,
                                      guint             n_ticks,
                                      double            step,
                                      FrChartValueKind  kind);

typedef enum {
  FR_CHART_SWATCH_BOX,
  FR_CHART_SWATCH_LINE,
  FR_CHART_SWATCH_DASHED_LINE,
  FR_CHART_SWATCH_DOT,
  FR_CHART_SWATCH_RING,
} FrChartSwatch;

typedef struct {
  const char *label;
  FrColor color;
  FrChartSwatch swatch;
} FrChartLegendItem;

/* Lays the items out in centred rows no wider than @max_width, starting
 * at @y; fills @rects (one per item) and returns the height. */
double   fr_chart_legend_layout      (FrChart                 *chart,
                                      const FrChartLegendItem *items,
                                      guint                    n_items,
                                      double                   x,
                                      double                   y,
                                      double                   max_width,
                                      FrChartRect             *rects);
void     fr_chart_draw_legend        (FrChart                 *chart,
                                      const FrChartLegendItem *items,
                                      guint                    n_items,
                                      const FrChartRect       *rects);
void     fr_chart_draw_swatch        (FrChart                 *chart,
                                      FrChartSwatch            swatch,
                                      FrColor                  color,
                                      double                   x,
                                      double                   y,
                                      double                   size);

/* Criteria have their own palette (Paul Tol's "light" scheme and three
 * more pale tones), distinct from the saturated option colours, so a
 * stacked bar never looks like an option. */
FrColor  fr_chart_criterion_color    (const FrTheme *theme,
                                      guint          index);
FrColor  fr_chart_mix                (FrColor        a,
                                      FrColor        b,
                                      double         t);
/* @color, moved towards the foreground until lines and text in it stand
 * out from the theme's background (a WCAG contrast of 3 at least). */
FrColor  fr_chart_legible            (const FrTheme *theme,
                                      FrColor        color);
/* Black or white, whichever reads better on @background. */
FrColor  fr_chart_text_on            (FrColor        background);
double   fr_chart_luminance          (FrColor        color);
/* A sequential shade for 0..1: from the background to a strong colour,
 * so the highest value is the darkest on light themes and the brightest
 * on dark ones. */
FrColor  fr_chart_heat_color         (const FrTheme *theme,
                                      double         t);
gboolean fr_chart_theme_is_dark      (const FrTheme *theme);

G_END_DECLS
