/* fr-widgets.h — small things every page does with its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Empties a GtkBox, GtkListBox, GtkFlowBox or GtkGrid through its own
 * removal function, so the container's bookkeeping stays right. */
void fr_widget_remove_children (GtkWidget  *container);
/* gtk_widget_set_tooltip_text() without a display round trip for a widget
 * not on screen yet. */
void fr_widget_set_tooltip     (GtkWidget  *widget,
                                const char *text);

G_END_DECLS
