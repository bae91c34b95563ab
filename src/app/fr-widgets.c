/* fr-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include "fr-widgets.h"

void
fr_widget_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else
        gtk_widget_unparent (child);
    }
}

/* GTK asks the display server where the pointer is (several round trips
 * under X11) whenever a shown widget gets a tooltip, to show it at once if
 * the pointer is over the widget. A widget not on screen yet cannot be
 * under the pointer: hidden meanwhile, it skips the question. */
void
fr_widget_set_tooltip (GtkWidget  *widget,
                       const char *text)
{
  if (gtk_widget_get_visible (widget) && !gtk_widget_get_mapped (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}
