/* fr-pill-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <string.h>

#include "fr-image-node.h"
#include "fr-pill-image.h"

/* Bars made lately, shared: the sliders of one panel have troughs of a
 * few lengths in one colour, highlights in another. GTK's main thread
 * only; the images are never drawn on once made. */
#define SHARED_PILLS 16
static FrPillImage shared[SHARED_PILLS];

static gboolean
pill_is (const FrPillImage *pill,
         int                width,
         int                height,
         int                scale,
         const GdkRGBA     *color,
         const GdkRGBA     *edge)
{
  return pill->image != NULL && pill->width == width && pill->height == height && pill->scale == scale &&
         gdk_rgba_equal (&pill->color, color) && gdk_rgba_equal (&pill->edge, edge);
}

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
pill_draw (const FrPillImage *pill)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pill->width * pill->scale,
                                                       pill->height * pill->scale);
  cairo_t *cr = cairo_create (image);

  cairo_scale (cr, pill->scale, pill->scale);
  pill_path (cr, pill->width, pill->height, 0);
  gdk_cairo_set_source_rgba (cr, &pill->color);
  cairo_fill (cr);
  if (pill->edge.alpha > 0)
    {
      pill_path (cr, pill->width, pill->height, 0);
      pill_path (cr, pill->width, pill->height, 1);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      gdk_cairo_set_source_rgba (cr, &pill->edge);
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
  static const GdkRGBA none = { 0, 0, 0, 0 };
  FrPillImage found = { 0 };
  guint i;

  g_return_if_fail (pill != NULL);
  g_return_if_fail (color != NULL);

  width = MAX (width, 1);
  height = MAX (height, 1);
  scale = MAX (scale, 1);
  if (edge == NULL)
    edge = &none;
  if (pill_is (pill, width, height, scale, color, edge))
    return;

  for (i = 0; i < SHARED_PILLS && !pill_is (&shared[i], width, height, scale, color, edge); i++)
    ;
  if (i < SHARED_PILLS)
    found = shared[i];
  else
    {
      i = SHARED_PILLS - 1;
      g_clear_pointer (&shared[i].image, cairo_surface_destroy);
      found = (FrPillImage) { NULL, width, height, scale, *color, *edge };
      found.image = pill_draw (&found);
    }
  /* Most recently used first. */
  memmove (&shared[1], &shared[0], i * sizeof shared[0]);
  shared[0] = found;

  /* Another image rather than drawing over the old one, which a node GTK
   * still holds may show. */
  g_clear_pointer (&pill->image, cairo_surface_destroy);
  *pill = found;
  pill->image = cairo_surface_reference (found.image);
}

static void
append_image (FrPillImage *pill,
              GtkSnapshot *snapshot,
              float        x,
              float        y)
{
  GskRenderNode *node = fr_image_node_new (pill->image, x, y, pill->scale);

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

  length = CLAMP (length, MIN (pill->height, pill->width), pill->width);
  if (length == pill->width)
    {
      append_image (pill, snapshot, x + start, y);
      return;
    }
  /* The first half from the whole bar's start, the second from its end,
   * split at a whole unit so that both clips fall on pixels. */
  middle = length / 2;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + start, y, middle, pill->height));
  append_image (pill, snapshot, x + start, y);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x + start + middle, y, length - middle, pill->height));
  append_image (pill, snapshot, x + start + length - pill->width, y);
  gtk_snapshot_pop (snapshot);
}

void
fr_pill_image_clear (FrPillImage *pill)
{
  g_clear_pointer (&pill->image, cairo_surface_destroy);
}
