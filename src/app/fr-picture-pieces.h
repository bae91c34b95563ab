/* fr-picture-pieces.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _FrPicturePieces FrPicturePieces;

FrPicturePieces *fr_picture_pieces_new             (int                band_height,
                                                    int                column_width);
void             fr_picture_pieces_free            (FrPicturePieces   *self);
void             fr_picture_pieces_set_textures    (FrPicturePieces   *self,
                                                    gboolean           textures);
void             fr_picture_pieces_forget          (FrPicturePieces   *self);
GskRenderNode   *fr_picture_pieces_update          (FrPicturePieces   *self,
                                                    cairo_surface_t   *image,
                                                    int                scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrPicturePieces, fr_picture_pieces_free)

G_END_DECLS
