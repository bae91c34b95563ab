/* fr-pill-image.h — round-ended bars drawn once into an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's cairo renderer draws a rounded clip by clipping to a curved
 * path and filling through it, on every frame that repaints it. The bars
 * that move on every tick of a weight drag (the sliders' troughs and
 * highlights, the ranking's score bars) are drawn instead from an image of
 * the whole bar, made once for each size, colour and scale and shared by
 * the bars that look alike; a shorter bar is two pieces of the longer
 * one's image, each clipped.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  int width;                  /* units */
  int height;
  int scale;                  /* device pixels per unit */
  GdkRGBA color;
  GdkRGBA edge;               /* a line just inside the outline */
} FrPillLook;

typedef struct {
  cairo_surface_t *image;     /* NULL until first prepared */
  FrPillLook look;
} FrPillImage;

/* Makes @pill's image of a round-ended bar @width × @height units in
 * @color at @scale device pixels a unit, unless it is that already; with
 * an @edge (or NULL), a line of that colour a unit wide inside its outline
 * ("box-shadow: inset 0 0 0 1px"). */
void fr_pill_image_prepare        (FrPillImage   *pill,
                                   int            width,
                                   int            height,
                                   int            scale,
                                   const GdkRGBA *color,
                                   const GdkRGBA *edge);
/* Appends the prepared bar with its corner at @x, @y. */
void fr_pill_image_append         (FrPillImage   *pill,
                                   GtkSnapshot   *snapshot,
                                   float          x,
                                   float          y);
/* Appends a bar of its own over units @start to @start + @length of the
 * prepared bar placed at @x, @y, its ends those of the whole bar. @length
 * is clamped between the bar's height and its width. */
void fr_pill_image_append_span    (FrPillImage   *pill,
                                   GtkSnapshot   *snapshot,
                                   float          x,
                                   float          y,
                                   int            start,
                                   int            length);
void fr_pill_image_clear          (FrPillImage   *pill);

G_END_DECLS
