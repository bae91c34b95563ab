/* fr-pill-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <string.h>

#include "fr-image-cache.h"
#include "fr-image-node.h"
#include "fr-pill-image.h"

/* A round-ended outline @inset units inside a bar @width × @height. */
static void
pill_path (cairo_t *cr,
           int      width,
           int      height,
           double   inset)
{
  double radius = MIN (width, height) / 2.0 - inset;

  if (radius <= 0)
    return;
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - inset - radius, inset + radius, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, inset + radius, height - inset - radius, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static cairo_surface_t *
pill_draw (gconstpointer key)
{
  const FrPillLook *look = key;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, look->width * look->scale,
                                                       look->height * look->scale);
  cairo_t *cr = cairo_create (image);

  cairo_scale (cr, look->scale, look->scale);
  pill_path (cr, look->width, look->height, 0);
  gdk_cairo_set_source_rgba (cr, &look->color);
  cairo_fill (cr);
  if (look->edge.alpha > 0)
    {
      pill_path (cr, look->width, look->height, 0);
      pill_path (cr, look->width, look->height, 1);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      gdk_cairo_set_source_rgba (cr, &look->edge);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  return image;
}

void
fr_pill_image_prepare (FrPillImage   *pill,
                       int            width,
                       int            height,
                       int            scale,
                       const GdkRGBA *color,
                       const GdkRGBA *edge)
{
  /* The sliders of one panel have troughs of a few lengths in one colour
   * and highlights in another. */
  static FrImageCache *shared;
  FrPillLook look;

  g_return_if_fail (pill != NULL);
  g_return_if_fail (color != NULL);

  if (shared == NULL)
    shared = fr_image_cache_new (sizeof (FrPillLook), 16, pill_draw);
  memset (&look, 0, sizeof look);
  look.width = MAX (width, 1);
  look.height = MAX (height, 1);
  look.scale = MAX (scale, 1);
  look.color = *color;
  if (edge != NULL)
    look.edge = *edge;
  fr_image_cache_assign (shared, &pill->image, &pill->look, &look);
}

static void
append_image (FrPillImage *pill,
              GtkSnapshot *snapshot,
              float        x,
              float        y)
{
  GskRenderNode *node = fr_image_node_new (pill->image, x, y, pill->look.scale);

  gtk_snapshot_append_node (snapshot, node);
  gsk_render_node_unref (node);
}

void
fr_pill_image_append (FrPillImage *pill,
                      GtkSnapshot *snapshot,
                      float        x,
                      float        y)
{
  g_return_if_fail (pill != NULL && pill->image != NULL);

  append_image (pill, snapshot, x, y);
}

void
fr_pill_image_append_span (FrPillImage *pill,
                           GtkSnapshot *snapshot,
                           float        x,
                           float        y,
                           int          start,
                           int          length)
{
  int middle;

  g_return_if_fail (pill != NULL && pill->image != NULL);

  length = CLAMP (length, MIN (pill->look.height, pill->look.width), pill->look.width);
  if (length == pill->look.width)
    {
      append_image (pill, snapshot, x + start, y);
      return;
    }
  /* The first half from the whole bar's start, the second from its end,
   * split at a whole unit so that both clips fall on pixels. */
  middle = length / 2;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + start, y, middle, pill->look.height));
  append_image (pill, snapshot, x + start, y);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + start + middle, y, length - middle, pill->look.height));
  append_image (pill, snapshot, x + start + length - pill->look.width, y);
  gtk_snapshot_pop (snapshot);
}

void
fr_pill_image_clear (FrPillImage *pill)
{
  g_clear_pointer (&pill->image, cairo_surface_destroy);
}
