/* fr-export-choices.h — the size and scale of an exported picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds "Size" and "Scale" choices to an export dialog. */
void fr_export_choices_add  (GtkFileChooser *chooser);
/* Reads them back; @height_ratio shapes the picture (0.5625 for 16:9). */
void fr_export_choices_read (GtkFileChooser *chooser,
                             double          height_ratio,
                             double         *width,
                             double         *height,
                             double         *scale);

G_END_DECLS
