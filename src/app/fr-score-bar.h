/* fr-score-bar.h — an option's score as a bar in its colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looks as libadwaita's level bar does (a round-ended bar over a faint
 * trough), but is one widget drawing itself rather than a bar, a trough and
 * two blocks, coloured through a style sheet: a new value is redrawn
 * without laying anything out, and no style sheet is reloaded when the
 * options' colours change. Both bars come from images made once
 * (fr-pill-image.h), the fill shown as long as the score.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FR_TYPE_SCORE_BAR (fr_score_bar_get_type ())
G_DECLARE_FINAL_TYPE (FrScoreBar, fr_score_bar, FR, SCORE_BAR, GtkWidget)

GtkWidget *fr_score_bar_new          (void);
/* Clamped to [0, 1]. */
void       fr_score_bar_set_fraction (FrScoreBar    *self,
                                      double         fraction);
double     fr_score_bar_get_fraction (FrScoreBar    *self);
void       fr_score_bar_set_color    (FrScoreBar    *self,
                                      const GdkRGBA *color);

G_END_DECLS
