/* fr-repaint-bin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FR_TYPE_REPAINT_BIN (fr_repaint_bin_get_type ())
G_DECLARE_FINAL_TYPE (FrRepaintBin, fr_repaint_bin, FR, REPAINT_BIN, GtkWidget)

GtkWidget *fr_repaint_bin_new       (void);
void       fr_repaint_bin_set_child (FrRepaintBin *self,
                                     GtkWidget    *child);
GtkWidget *fr_repaint_bin_get_child (FrRepaintBin *self);

G_END_DECLS
