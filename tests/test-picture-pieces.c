/* test-picture-pieces.c — a picture handed to GTK in pieces, and the
 * image nodes the pieces are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart view shows during a drag: the picture drawn whole, of
 * which only the changed pieces get new render nodes, cairo nodes for
 * GTK's cairo renderer and textures for the GL ones. The nodes drawn as
 * GTK's cairo renderer draws them give back the picture exactly, and the
 * new nodes cover the change and little more.
 */
#include "config.h"

#include <string.h>

#include "fr-image-node.h"
#include "fr-picture-pieces.h"

#define WIDTH 640
#define HEIGHT 200
#define BAND 24
#define COLUMN 32

typedef struct {
  int scale;
  gboolean textures;          /* pieces for GTK's GL renderers */
} Variant;

/* The kind of picture a ranking chart is: a background, names on the
 * left, bars whose ends move. ARGB32 (opaque) where the pieces are
 * textures, which read the fourth byte as alpha. */
static cairo_surface_t *
picture_new (int      scale,
             gboolean textures)
{
  cairo_surface_t *image = cairo_image_surface_create (textures ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                       WIDTH * scale, HEIGHT * scale);
  cairo_t *cr = cairo_create (image);

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  for (int row = 0; row < 6; row++)
    {
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_rectangle (cr, 10, 12 + row * 30, 80, 14);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
      cairo_rectangle (cr, 120, 10 + row * 30, 300 - row * 20, 18);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  return image;
}

/* A bar's end moves: the part of the picture between columns x0 and x1
 * on the rows of bar @row. */
static void
move_bar_end (cairo_surface_t *image,
              int              scale,
              int              row,
              int              x0,
              int              x1)
{
  cairo_t *cr = cairo_create (image);

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0.8, 0.3, 0.2);
  cairo_rectangle (cr, x0, 10 + row * 30, x1 - x0, 18);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_mark_dirty (image);
}

/* @node drawn the way GTK's cairo renderer draws it, in device pixels. */
static cairo_surface_t *
draw_node (GskRenderNode *node,
           int            scale)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH * scale, HEIGHT * scale);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int differing = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pa = (const void *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *pb = (const void *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        differing += (pa[x] & 0xffffff) != (pb[x] & 0xffffff);
    }
  g_assert_cmpint (differing, ==, 0);
}

static void
assert_shows (GskRenderNode   *node,
              cairo_surface_t *picture,
              int              scale)
{
  cairo_surface_t *drawn = draw_node (node, scale);

  assert_same_pixels (drawn, picture);
  cairo_surface_destroy (drawn);
}

/* The nodes in @after that are not in @before, and the area (logical
 * pixels) and bounds of what they cover. */
static guint
new_pieces (GskRenderNode     *before,
            GskRenderNode     *after,
            GskRenderNodeType  type,
            double            *area,
            graphene_rect_t   *bounds)
{
  guint n_new = 0;

  *area = 0;
  graphene_rect_init (bounds, 0, 0, 0, 0);
  g_assert_cmpint (gsk_render_node_get_node_type (after), ==, GSK_CONTAINER_NODE);
  for (guint i = 0; i < gsk_container_node_get_n_children (after); i++)
    {
      GskRenderNode *piece = gsk_container_node_get_child (after, i);
      gboolean kept = FALSE;
      graphene_rect_t piece_bounds;

      g_assert_cmpint (gsk_render_node_get_node_type (piece), ==, type);
      for (guint j = 0; before != NULL && j < gsk_container_node_get_n_children (before); j++)
        kept |= gsk_container_node_get_child (before, j) == piece;
      if (kept)
        continue;
      gsk_render_node_get_bounds (piece, &piece_bounds);
      *area += piece_bounds.size.width * piece_bounds.size.height;
      if (n_new++ == 0)
        *bounds = piece_bounds;
      else
        graphene_rect_union (bounds, &piece_bounds, bounds);
    }
  return n_new;
}

static void
test_pieces_follow_changes (gconstpointer data)
{
  const Variant *variant = data;
  int scale = variant->scale;
  GskRenderNodeType type = variant->textures ? GSK_TEXTURE_NODE : GSK_CAIRO_NODE;
  g_autoptr(FrPicturePieces) pieces = fr_picture_pieces_new (BAND, COLUMN);
  cairo_surface_t *picture = picture_new (scale, variant->textures);
  GskRenderNode *first, *second, *third, *fourth, *fifth;
  graphene_rect_t bounds;
  double area;

  fr_picture_pieces_set_textures (pieces, variant->textures);
  /* At first, whole bands of the picture. */
  first = fr_picture_pieces_update (pieces, picture, scale);
  g_assert_cmpuint (new_pieces (NULL, first, type, &area, &bounds), ==, (HEIGHT + BAND - 1) / BAND);
  assert_shows (first, picture, scale);

  /* Nothing changed: the same nodes. */
  second = fr_picture_pieces_update (pieces, picture, scale);
  g_assert_cmpuint (new_pieces (first, second, type, &area, &bounds), ==, 0);
  assert_shows (second, picture, scale);

  /* Bar 1's end moves (rows 40 to 58, columns 300 to 330): the bands it
   * falls in are cut into the columns around it and what lies either
   * side, all of them new this once. */
  move_bar_end (picture, scale, 1, 300, 330);
  third = fr_picture_pieces_update (pieces, picture, scale);
  g_assert_cmpuint (new_pieces (second, third, type, &area, &bounds), ==, 2 * 3);
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  g_assert_cmpfloat (bounds.size.width, ==, WIDTH);
  g_assert_cmpfloat (bounds.origin.y, ==, BAND);
  assert_shows (third, picture, scale);

  /* It moves again inside those columns: only the middle pieces of the
   * bands it falls in are new, 32-pixel columns from one before the
   * first change to one after the last. */
  move_bar_end (picture, scale, 1, 310, 335);
  fourth = fr_picture_pieces_update (pieces, picture, scale);
  g_assert_cmpuint (new_pieces (third, fourth, type, &area, &bounds), ==, 2);
  g_assert_cmpfloat (bounds.origin.x, ==, 256);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, ==, 384);
  /* Each a band's rows and one device row of the next. */
  g_assert_cmpfloat (area, ==, 128 * 2 * (BAND + 1.0 / scale));
  assert_shows (fourth, picture, scale);

  /* Bar 4 (rows 130 to 148) changes in the same columns: its bands are
   * cut there too. */
  move_bar_end (picture, scale, 4, 320, 340);
  fifth = fr_picture_pieces_update (pieces, picture, scale);
  g_assert_cmpuint (new_pieces (fourth, fifth, type, &area, &bounds), ==, 2 * 3);
  g_assert_cmpfloat (bounds.origin.y, ==, 5 * BAND);
  assert_shows (fifth, picture, scale);

  /* The nodes keep their own pixels: the picture may be drawn over, and
   * the pieces go, while GTK still holds the nodes. */
  move_bar_end (picture, scale, 0, 0, WIDTH);
  g_clear_pointer (&pieces, fr_picture_pieces_free);
  {
    cairo_surface_t *before = picture_new (scale, variant->textures);

    move_bar_end (before, scale, 1, 300, 330);
    move_bar_end (before, scale, 1, 310, 335);
    move_bar_end (before, scale, 4, 320, 340);
    assert_shows (fifth, before, scale);
    cairo_surface_destroy (before);
  }

  gsk_render_node_unref (first);
  gsk_render_node_unref (second);
  gsk_render_node_unref (third);
  gsk_render_node_unref (fourth);
  gsk_render_node_unref (fifth);
  cairo_surface_destroy (picture);
}

/* A change across most of the width goes back to whole bands; a change
 * of size, or forgetting, starts afresh. */
static void
test_pieces_wide_change_and_forget (void)
{
  g_autoptr(FrPicturePieces) pieces = fr_picture_pieces_new (BAND, COLUMN);
  cairo_surface_t *picture = picture_new (1, FALSE);
  cairo_surface_t *shorter = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT / 2);
  GskRenderNode *nodes[5];
  graphene_rect_t bounds;
  double area;

  nodes[0] = fr_picture_pieces_update (pieces, picture, 1);
  move_bar_end (picture, 1, 2, 200, 220);
  nodes[1] = fr_picture_pieces_update (pieces, picture, 1);
  g_assert_cmpuint (gsk_container_node_get_n_children (nodes[1]), >, gsk_container_node_get_n_children (nodes[0]));

  /* Bar 2 now changes from its name to past its end. */
  move_bar_end (picture, 1, 2, 5, 600);
  nodes[2] = fr_picture_pieces_update (pieces, picture, 1);
  g_assert_cmpuint (new_pieces (nodes[1], nodes[2], GSK_CAIRO_NODE, &area, &bounds), ==, 2);
  g_assert_cmpfloat (bounds.size.width, ==, WIDTH);
  g_assert_cmpuint (gsk_container_node_get_n_children (nodes[2]), ==, gsk_container_node_get_n_children (nodes[0]));
  assert_shows (nodes[2], picture, 1);

  fr_picture_pieces_forget (pieces);
  nodes[3] = fr_picture_pieces_update (pieces, picture, 1);
  g_assert_cmpuint (new_pieces (nodes[2], nodes[3], GSK_CAIRO_NODE, &area, &bounds), ==, gsk_container_node_get_n_children (nodes[3]));
  assert_shows (nodes[3], picture, 1);

  /* Another size: new bands for all of it. */
  nodes[4] = fr_picture_pieces_update (pieces, shorter, 1);
  g_assert_cmpuint (gsk_container_node_get_n_children (nodes[4]), ==, (HEIGHT / 2 + BAND - 1) / BAND);

  /* Textures from then on (the window went to a GL renderer): every
   * piece new, of the other kind. */
  {
    cairo_surface_t *opaque = picture_new (1, TRUE);
    GskRenderNode *textures;

    fr_picture_pieces_set_textures (pieces, TRUE);
    textures = fr_picture_pieces_update (pieces, opaque, 1);
    g_assert_cmpuint (new_pieces (nodes[3], textures, GSK_TEXTURE_NODE, &area, &bounds), ==,
                      (HEIGHT + BAND - 1) / BAND);
    assert_shows (textures, opaque, 1);
    gsk_render_node_unref (textures);
    cairo_surface_destroy (opaque);
  }

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    gsk_render_node_unref (nodes[i]);
  cairo_surface_destroy (shorter);
  cairo_surface_destroy (picture);
}

/* An image node shows the image where it is placed, at the device scale,
 * and keeps the image for as long as the node lives: its owner reads
 * that off the reference count to know when it may draw on it again. The
 * same for the texture node made for the GL renderers. */
static void
test_image_node (gconstpointer data)
{
  gboolean texture = GPOINTER_TO_INT (data);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 60);
  GskRenderNode *node;
  graphene_rect_t bounds;
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 1, 0.5);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_rectangle (cr, 20, 0, 20, 20);
  cairo_fill (cr);
  cairo_destroy (cr);

  node = texture ? fr_texture_node_new (image, 10, 5, 2) : fr_image_node_new (image, 10, 5, 2);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, texture ? GSK_TEXTURE_NODE : GSK_CAIRO_NODE);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.origin.x, ==, 10);
  g_assert_cmpfloat (bounds.origin.y, ==, 5);
  g_assert_cmpfloat (bounds.size.width, ==, 20);
  g_assert_cmpfloat (bounds.size.height, ==, 10);
  g_assert_cmpuint (cairo_surface_get_reference_count (image), >, 1);
  if (texture)
    {
      GdkTexture *pixels = gsk_texture_node_get_texture (node);

      g_assert_cmpint (gdk_texture_get_width (pixels), ==, 40);
      g_assert_cmpint (gdk_texture_get_height (pixels), ==, 20);
    }

  /* Drawn at scale 2: the image's device pixels land one for one, from
   * (20, 10) on, the half-transparent blue premultiplied as cairo keeps
   * it. */
  cr = cairo_create (drawn);
  cairo_scale (cr, 2, 2);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);
  {
    const guint32 *row = (const void *) (cairo_image_surface_get_data (drawn) + 15 * cairo_image_surface_get_stride (drawn));

    g_assert_cmphex (row[19], ==, 0);
    g_assert_cmphex (row[20], ==, 0xffff0000);
    g_assert_cmphex (row[39], ==, 0xffff0000);
    g_assert_cmphex (row[40], ==, 0x80000080);
    g_assert_cmphex (row[59], ==, 0x80000080);
    g_assert_cmphex (row[60], ==, 0);
  }

  gsk_render_node_unref (node);
  g_assert_cmpuint (cairo_surface_get_reference_count (image), ==, 1);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  static const Variant variants[] = { { 1, FALSE }, { 2, FALSE }, { 1, TRUE }, { 2, TRUE } };

  g_test_init (&argc, &argv, NULL);
  /* GSK registers its node types when GTK starts. */
  gtk_init ();
  g_test_add_data_func ("/app/picture-pieces/follow-changes", &variants[0], test_pieces_follow_changes);
  g_test_add_data_func ("/app/picture-pieces/follow-changes-scale-2", &variants[1], test_pieces_follow_changes);
  g_test_add_data_func ("/app/picture-pieces/textures/follow-changes", &variants[2], test_pieces_follow_changes);
  g_test_add_data_func ("/app/picture-pieces/textures/follow-changes-scale-2", &variants[3], test_pieces_follow_changes);
  g_test_add_func ("/app/picture-pieces/wide-change-and-forget", test_pieces_wide_change_and_forget);
  g_test_add_data_func ("/app/image-node/holds-image", GINT_TO_POINTER (FALSE), test_image_node);
  g_test_add_data_func ("/app/image-node/texture-holds-image", GINT_TO_POINTER (TRUE), test_image_node);
  return g_test_run ();
}
