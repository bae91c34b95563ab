/* fr-image-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <string.h>

#include "fr-image-cache.h"

struct _FrImageCache
{
  gsize key_size;
  guint capacity;
  FrImageDrawFunc draw;
  guint n;
  /* Most recently used first. */
  guint8 *keys;
  cairo_surface_t **images;
};

FrImageCache *
fr_image_cache_new (gsize           key_size,
                    guint           capacity,
                    FrImageDrawFunc draw)
{
  FrImageCache *cache = g_new0 (FrImageCache, 1);

  g_return_val_if_fail (key_size > 0 && capacity > 0 && draw != NULL, NULL);

  cache->key_size = key_size;
  cache->capacity = capacity;
  cache->draw = draw;
  cache->keys = g_malloc0 (key_size * capacity);
  cache->images = g_new0 (cairo_surface_t *, capacity);
  return cache;
}

/* The image for @key, made or found, moved to the front; the cache's own
 * reference. */
static cairo_surface_t *
lookup (FrImageCache  *cache,
        gconstpointer  key)
{
  gsize size = cache->key_size;
  cairo_surface_t *image;
  guint i;

  for (i = 0; i < cache->n && memcmp (cache->keys + i * size, key, size) != 0; i++)
    ;
  if (i == cache->n)
    {
      /* A new one, in place of the least recently used when full. */
      if (cache->n < cache->capacity)
        cache->n++;
      i = cache->n - 1;
      g_clear_pointer (&cache->images[i], cairo_surface_destroy);
      cache->images[i] = cache->draw (key);
    }
  image = cache->images[i];
  memmove (cache->images + 1, cache->images, i * sizeof *cache->images);
  memmove (cache->keys + size, cache->keys, i * size);
  cache->images[0] = image;
  memcpy (cache->keys, key, size);
  return image;
}

void
fr_image_cache_assign (FrImageCache     *cache,
                       cairo_surface_t **image,
                       gpointer          held_key,
                       gconstpointer     key)
{
  g_return_if_fail (cache != NULL && image != NULL && held_key != NULL && key != NULL);

  if (*image != NULL && memcmp (held_key, key, cache->key_size) == 0)
    return;
  g_clear_pointer (image, cairo_surface_destroy);
  *image = cairo_surface_reference (lookup (cache, key));
  memmove (held_key, key, cache->key_size);
}
