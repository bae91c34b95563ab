/* fr-image-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GskRenderNode *fr_image_node_new (cairo_surface_t *image,
                                  double           x,
                                  double           y,
                                  int              scale);

G_END_DECLS
