/* fr-picture-pieces.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A picture drawn whole on every change (a chart), handed to GTK in
 * pieces so that a frame repaints only the pieces whose pixels changed.
 *
 * The picture is cut into bands of rows. A band that changed is cut
 * again into columns: the span where this picture's changes fall, and
 * what lies either side, which keep their nodes. A drag that moves the
 * ends of a ranking's bars repaints the bars' ends, not the option names
 * and the empty space after them.
 *
 * The span is the same for every band of the picture, so the bands that
 * changed add up to a few rectangles in the frame's repaint region: GTK
 * gives up comparing nodes once a region has more than 30, and repaints
 * the whole container instead.
 *
 * The pieces are cairo nodes for GTK's cairo renderer and textures for
 * the GL renderers (fr-image-node.c says why), which then need the
 * picture in ARGB32.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <string.h>

#include "fr-image-node.h"
#include "fr-picture-pieces.h"

typedef struct {
  cairo_surface_t *image;     /* the piece's own copy of its pixels */
  GskRenderNode *node;
  int x0;                     /* device columns x0 to x1 */
  int x1;
} Piece;

typedef struct {
  Piece pieces[3];            /* left to right */
  guint n_pieces;
  int cut0;                   /* the span the pieces were cut at; */
  int cut1;                   /* 0 to the width for one piece */
} Band;

typedef enum {
  BAND_UNCHANGED,
  BAND_CHANGED_IN_SPAN,       /* only its middle piece */
  BAND_CHANGED,
} BandChange;

struct _FrPicturePieces
{
  int band_height;            /* logical pixels */
  int column_width;           /* logical pixels: spans fall on multiples */
  GArray *bands;              /* Band, top first */
  int width;                  /* device pixels of the picture shown */
  int height;
  int scale;
  cairo_format_t format;
  gboolean textures;          /* pieces as texture nodes */
  int cut0;                   /* where bands that change are cut next */
  int cut1;
};

static void
piece_clear (Piece *piece)
{
  g_clear_pointer (&piece->image, cairo_surface_destroy);
  g_clear_pointer (&piece->node, gsk_render_node_unref);
}

static void
band_clear (gpointer data)
{
  Band *band = data;

  for (guint i = 0; i < band->n_pieces; i++)
    piece_clear (&band->pieces[i]);
  band->n_pieces = 0;
}

static const guchar *
image_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  return cairo_image_surface_get_data (image) + (gsize) y * cairo_image_surface_get_stride (image) + (gsize) x * 4;
}

static const cairo_user_data_key_t piece_pixels_key;

/* Columns @x0 to @x1 of rows @y0 to @y1 of @image, with a copy of their
 * pixels: the image is drawn over on the next change. */
static Piece
piece_new (cairo_surface_t *image,
           int              x0,
           int              x1,
           int              y0,
           int              y1,
           int              scale,
           gboolean         texture)
{
  cairo_format_t format = cairo_image_surface_get_format (image);
  int stride = cairo_format_stride_for_width (format, x1 - x0);
  /* Not cairo_image_surface_create(): it would clear the pixels that the
   * copy overwrites at once. */
  guchar *pixels = g_malloc ((gsize) stride * (gsize) (y1 - y0));
  Piece piece;

  for (int y = y0; y < y1; y++)
    memcpy (pixels + (gsize) (y - y0) * stride, image_at (image, x0, y), (gsize) (x1 - x0) * 4);
  piece.image = cairo_image_surface_create_for_data (pixels, format, x1 - x0, y1 - y0, stride);
  cairo_surface_set_user_data (piece.image, &piece_pixels_key, pixels, g_free);
  piece.x0 = x0;
  piece.x1 = x1;
  piece.node = texture ? fr_texture_node_new (piece.image, (double) x0 / scale, (double) y0 / scale, scale)
                       : fr_image_node_new (piece.image, (double) x0 / scale, (double) y0 / scale, scale);
  return piece;
}

/* Whether @image differs from what @piece shows (its top row at @y0);
 * with @first and @last, widens them to the columns where it does. */
static gboolean
piece_differs (const Piece     *piece,
               cairo_surface_t *image,
               int              y0,
               int             *first,
               int             *last)
{
  const guchar *data = cairo_image_surface_get_data (piece->image);
  int stride = cairo_image_surface_get_stride (piece->image);
  int width = piece->x1 - piece->x0;
  gsize bytes = (gsize) width * 4;
  gboolean differs = FALSE;

  for (int row = 0; row < cairo_image_surface_get_height (piece->image); row++)
    {
      const guint32 *shown = (const void *) (data + (gsize) row * stride);
      const guint32 *drawn = (const void *) image_at (image, piece->x0, y0 + row);
      int left = 0, right = width - 1;

      if (memcmp (shown, drawn, bytes) == 0)
        continue;
      if (first == NULL)
        return TRUE;
      differs = TRUE;
      while (shown[left] == drawn[left])
        left++;
      while (shown[right] == drawn[right])
        right--;
      *first = MIN (*first, piece->x0 + left);
      *last = MAX (*last, piece->x0 + right);
    }
  return differs;
}

/* The piece of @band between the span it was cut at; none if it was
 * not cut (one piece as wide as the picture). */
static Piece *
band_middle (Band *band,
             int   width)
{
  if (band->cut0 == 0 && band->cut1 == width)
    return NULL;
  for (guint i = 0; i < band->n_pieces; i++)
    if (band->pieces[i].x0 == band->cut0 && band->pieces[i].x1 == band->cut1)
      return &band->pieces[i];
  return NULL;
}

/* How @band's rows (@y0 to @y1) of @image differ from what it shows;
 * widens @first and @last to the columns that changed outside its cut. */
static BandChange
band_compare (Band            *band,
              cairo_surface_t *image,
              int              y0,
              int             *first,
              int             *last)
{
  Piece *middle = band_middle (band, cairo_image_surface_get_width (image));
  gboolean outside = FALSE;

  if (band->n_pieces == 0)
    {
      *first = 0;
      *last = cairo_image_surface_get_width (image) - 1;
      return BAND_CHANGED;
    }
  for (guint i = 0; i < band->n_pieces; i++)
    if (&band->pieces[i] != middle)
      outside |= piece_differs (&band->pieces[i], image, y0, first, last);
  if (outside)
    return BAND_CHANGED;
  return middle != NULL && piece_differs (middle, image, y0, NULL, NULL) ? BAND_CHANGED_IN_SPAN : BAND_UNCHANGED;
}

static void
band_cut (Band            *band,
          cairo_surface_t *image,
          int              cut0,
          int              cut1,
          int              y0,
          int              y1,
          int              scale,
          gboolean         textures)
{
  int width = cairo_image_surface_get_width (image);
  int edges[] = { 0, cut0, cut1, width };

  band_clear (band);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (edges); i++)
    if (edges[i + 1] > edges[i])
      band->pieces[band->n_pieces++] = piece_new (image, edges[i], edges[i + 1], y0, y1, scale, textures);
  band->cut0 = cut0;
  band->cut1 = cut1;
}

/* The span to cut changed bands at for changes in columns @first to
 * @last: whole columns of the picture's unit, one more either side so
 * that the next change most likely falls inside it too. The whole width
 * once the span would be most of it. */
static void
choose_cut (FrPicturePieces *self,
            int              first,
            int              last)
{
  int unit = self->column_width * self->scale;
  int cut0 = MAX (0, (first / unit - 1) * unit);
  int cut1 = MIN (self->width, (last / unit + 2) * unit);

  if ((cut1 - cut0) * 10 >= self->width * 7)
    {
      cut0 = 0;
      cut1 = self->width;
    }
  self->cut0 = cut0;
  self->cut1 = cut1;
}

FrPicturePieces *
fr_picture_pieces_new (int band_height,
                       int column_width)
{
  FrPicturePieces *self = g_new0 (FrPicturePieces, 1);

  g_return_val_if_fail (band_height > 0 && column_width > 0, NULL);
  self->band_height = band_height;
  self->column_width = column_width;
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  g_array_set_clear_func (self->bands, band_clear);
  return self;
}

void
fr_picture_pieces_free (FrPicturePieces *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bands);
  g_free (self);
}

/* Whether the pieces are texture nodes (for GTK's GL renderers) rather
 * than cairo nodes; a change starts afresh. */
void
fr_picture_pieces_set_textures (FrPicturePieces *self,
                                gboolean         textures)
{
  if (self->textures == !!textures)
    return;
  self->textures = !!textures;
  fr_picture_pieces_forget (self);
}

/* Lets go of every piece: the next update starts afresh. */
void
fr_picture_pieces_forget (FrPicturePieces *self)
{
  g_array_set_size (self->bands, 0);
  self->width = self->height = 0;
}

/* Takes the picture as now drawn (@image, device pixels at @scale, its
 * pixels as they will be shown) and gives a render node showing it, made
 * of the pieces that did not change and new ones for those that did. The
 * image may be drawn over once this returns. */
GskRenderNode *
fr_picture_pieces_update (FrPicturePieces *self,
                          cairo_surface_t *image,
                          int              scale)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int band_rows = self->band_height * scale;
  guint n_bands = (guint) ((height + band_rows - 1) / band_rows);
  g_autofree BandChange *changes = g_new (BandChange, n_bands);
  g_autofree GskRenderNode **nodes = g_new (GskRenderNode *, n_bands * 3);
  guint n_nodes = 0;
  int first = width, last = -1;

  g_return_val_if_fail (cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32 ||
                        (cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24 && !self->textures), NULL);
  cairo_surface_flush (image);
  if (width != self->width || height != self->height || scale != self->scale ||
      cairo_image_surface_get_format (image) != self->format)
    {
      fr_picture_pieces_forget (self);
      self->width = width;
      self->height = height;
      self->scale = scale;
      self->format = cairo_image_surface_get_format (image);
      self->cut0 = 0;
      self->cut1 = width;
    }
  g_array_set_size (self->bands, n_bands);

  for (guint i = 0; i < n_bands; i++)
    changes[i] = band_compare (&g_array_index (self->bands, Band, i), image, (int) i * band_rows, &first, &last);
  /* Changes outside the span, or a span as wide as the picture while
   * the changes are narrower: the bands that changed are cut anew. */
  if (last >= 0 && (first < self->cut0 || last >= self->cut1 || self->cut1 - self->cut0 == width))
    choose_cut (self, first, last);

  for (guint i = 0; i < n_bands; i++)
    {
      Band *band = &g_array_index (self->bands, Band, i);
      int y0 = (int) i * band_rows;
      /* One row more, under the next band: where GTK draws the picture
       * at a fractional offset or scale (a transition), the seam samples
       * the picture, not the transparency around a band. */
      int y1 = MIN (y0 + band_rows + 1, height);
      Piece *middle = band_middle (band, width);

      if (changes[i] == BAND_CHANGED_IN_SPAN && middle != NULL && band->cut0 == self->cut0 &&
          band->cut1 == self->cut1)
        {
          piece_clear (middle);
          *middle = piece_new (image, self->cut0, self->cut1, y0, y1, scale, self->textures);
        }
      else if (changes[i] != BAND_UNCHANGED)
        band_cut (band, image, self->cut0, self->cut1, y0, y1, scale, self->textures);
      for (guint j = 0; j < band->n_pieces; j++)
        nodes[n_nodes++] = band->pieces[j].node;
    }
  return gsk_container_node_new (nodes, n_nodes);
}
