/* fr-image-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A render node showing an image surface of our own. For GTK's cairo
 * renderer a cairo node: it paints one holding an image as a copy, where
 * it converts a texture pixel by pixel on every frame. For the GL
 * renderers a texture: they upload it once and keep it while it lives,
 * where a cairo node is replayed into a fresh image and uploaded each
 * time it is new.
 *
 * The node's recording holds the image through a raster source rather
 * than as a surface pattern: cairo snapshots a surface painted into a
 * recording, and copies the whole image as soon as it is drawn on again
 * or destroyed while the recording lives. Here the recording holds a
 * reference instead, for as long as any copy of its pattern lives, so the
 * owner can tell from the image's reference count whether GTK still
 * holds a node showing it, and draw on it only once it does not.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include "fr-image-node.h"

static cairo_surface_t *
image_acquire (cairo_pattern_t             *pattern,
               void                        *data,
               cairo_surface_t             *target,
               const cairo_rectangle_int_t *extents)
{
  return cairo_surface_reference (data);
}

static void
image_release (cairo_pattern_t *pattern,
               void            *data,
               cairo_surface_t *surface)
{
  cairo_surface_destroy (surface);
}

static cairo_status_t
image_copy (cairo_pattern_t       *pattern,
            void                  *data,
            const cairo_pattern_t *other)
{
  cairo_surface_reference (data);
  return CAIRO_STATUS_SUCCESS;
}

static void
image_finish (cairo_pattern_t *pattern,
              void            *data)
{
  cairo_surface_destroy (data);
}

/* A cairo node showing @image (an image surface of device pixels, at
 * @scale) with its top left corner at @x, @y (logical pixels). The image
 * must not be drawn on while the node lives; the node holds a reference
 * to it. */
GskRenderNode *
fr_image_node_new (cairo_surface_t *image,
                   double           x,
                   double           y,
                   int              scale)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  cairo_content_t content = cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24 ? CAIRO_CONTENT_COLOR
                                                                                        : CAIRO_CONTENT_COLOR_ALPHA;
  cairo_pattern_t *source;
  cairo_matrix_t matrix;
  GskRenderNode *node;
  cairo_t *cr;

  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  cairo_surface_flush (image);
  source = cairo_pattern_create_raster_source (cairo_surface_reference (image), content, width, height);
  cairo_raster_source_pattern_set_acquire (source, image_acquire, image_release);
  cairo_raster_source_pattern_set_copy (source, image_copy);
  cairo_raster_source_pattern_set_finish (source, image_finish);
  /* Device pixels, with the image's corner at the node's. */
  cairo_matrix_init_translate (&matrix, -x * scale, -y * scale);
  cairo_pattern_set_matrix (source, &matrix);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, y, (float) width / scale, (float) height / scale));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source (cr, source);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_pattern_destroy (source);
  return node;
}

static void
release_image (gpointer image)
{
  cairo_surface_destroy (image);
}

/* A texture node showing @image (ARGB32, device pixels at @scale) with its
 * top left corner at @x, @y, as fr_image_node_new() places it. The
 * texture holds a reference to the image, which must not be drawn on
 * while the node lives. */
GskRenderNode *
fr_texture_node_new (cairo_surface_t *image,
                     double           x,
                     double           y,
                     int              scale)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  /* An RGB24 image leaves its fourth byte undefined; a texture reads it
   * as alpha. */
  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  cairo_surface_flush (image);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (image), (gsize) stride * (gsize) height,
                                      release_image, cairo_surface_reference (image));
  /* Cairo's ARGB32 is GDK's default memory format on every endianness. */
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
  return gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (x, y, (float) width / scale, (float) height / scale));
}

/* Whether @widget's window is drawn by GTK's cairo renderer (or not yet
 * by any): what kind of node an image is best handed over in. */
gboolean
fr_widget_draws_with_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

/* @image shown in @widget's window the way its renderer draws best: a
 * cairo node for the cairo renderer, a texture for the others (then the
 * image must be ARGB32). */
GskRenderNode *
fr_picture_node_new (GtkWidget       *widget,
                     cairo_surface_t *image,
                     double           x,
                     double           y,
                     int              scale)
{
  if (fr_widget_draws_with_cairo (widget))
    return fr_image_node_new (image, x, y, scale);
  return fr_texture_node_new (image, x, y, scale);
}
