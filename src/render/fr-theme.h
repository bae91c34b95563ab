/* fr-theme.h — the one colour language of every picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screen, export, slides and tests all draw from the same palette so an
 * option keeps its colour everywhere. Alignment colours come from the
 * Okabe–Ito colour-blind-safe set.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-model.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} FrColor;

typedef enum {
  FR_THEME_LIGHT,
  FR_THEME_DARK,
  FR_THEME_HIGH_CONTRAST,
  FR_THEME_PRESENTATION_LIGHT,
  FR_THEME_PRESENTATION_DARK,
} FrThemeKind;

typedef struct {
  FrThemeKind kind;
  FrColor background;
  FrColor foreground;
  FrColor muted;           /* secondary text, axes, grid */
  FrColor grid;
  FrColor sea;
  FrColor land;            /* countries with no data */
  FrColor accent;
  FrColor frontier;        /* the NATO–Russia line */
  double font_scale;       /* 1.0 on screen; larger for presentations */
  const char *font_family;
} FrTheme;

const FrTheme *fr_theme_get               (FrThemeKind  kind);
/* Colour of the option at @index when the document names none. */
FrColor        fr_theme_option_color      (guint        index);
FrColor        fr_theme_alignment_color   (const FrTheme *theme,
                                           FrAlignment    alignment);
gboolean       fr_color_parse             (const char  *text,
                                           FrColor     *color);
void           fr_color_set_source        (cairo_t     *cr,
                                           FrColor      color);

/* The outline of every plate and badge: a rectangle with round corners,
 * as a new sub-path. */
void           fr_rounded_rectangle       (cairo_t     *cr,
                                           double       x,
                                           double       y,
                                           double       width,
                                           double       height,
                                           double       radius);
FrColor        fr_color_with_alpha        (FrColor      color,
                                           double       alpha);

G_END_DECLS
