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
GskRenderNode *fr_texture_node_new (cairo_surface_t *image,
                                    double           x,
                                    double           y,
                                    int              scale);
GskRenderNode *fr_picture_node_new (GtkWidget       *widget,
                                    cairo_surface_t *image,
                                    double           x,
                                    double           y,
                                    int              scale);
gboolean       fr_widget_draws_with_cairo (GtkWidget *widget);

G_END_DECLS
