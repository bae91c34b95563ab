/* fr-image-cache.h — images made lately, shared by widgets that look alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sliders' troughs, highlights and knobs and the ranking's score bars
 * are drawn once into images (fr-pill-image.h, fr-weight-scale.c), and the
 * widgets that look alike share them. A cache keeps the last few it made,
 * each found again by a key of plain values compared byte for byte: fill
 * a key in after zeroing it. An image is never drawn on once made, since a
 * node GTK still holds may show it. GTK's main thread only.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _FrImageCache FrImageCache;

/* Draws the image @key describes. */
typedef cairo_surface_t *(*FrImageDrawFunc) (gconstpointer key);

FrImageCache *fr_image_cache_new    (gsize            key_size,
                                     guint            capacity,
                                     FrImageDrawFunc  draw);
/* Points *@image (with a reference of its own, in place of the one it
 * held) at the image for @key, and copies @key to @held_key, unless
 * *@image is that image already. Draws it unless it is one of the last
 * @capacity made. */
void          fr_image_cache_assign (FrImageCache    *cache,
                                     cairo_surface_t **image,
                                     gpointer         held_key,
                                     gconstpointer    key);

G_END_DECLS
