/* fr-weight-scale.h — a weight's slider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkScale in all it does (pointer and keyboard, its value for assistive
 * technologies, the layout of its parts), drawn from images under GTK's
 * cairo renderer. That renderer draws a rounded shape by clipping to a
 * curved path and filling through it, on every frame that repaints it, and
 * a weight drag moves every weight's slider on every tick: the trough, the
 * highlight and the knob are drawn once into images instead, in
 * libadwaita's colours and states, and placed where GtkRange puts its parts.
 * Other renderers draw the scale as GTK does.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FR_TYPE_WEIGHT_SCALE (fr_weight_scale_get_type ())
G_DECLARE_FINAL_TYPE (FrWeightScale, fr_weight_scale, FR, WEIGHT_SCALE, GtkScale)

GtkWidget *fr_weight_scale_new (GtkAdjustment *adjustment);

G_END_DECLS
