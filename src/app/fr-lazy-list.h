/* fr-lazy-list.h — a scrollable column of rows built when they come into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a list of a few dozen rows of widgets, most of them below the fold:
 * GtkListView in GTK 4.8 builds up to 200 rows whatever is in view. A row
 * is built the first time it is in view (or the focus moves onto it) and
 * kept; a row not built yet takes the height of the last built row of its
 * kind.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FR_TYPE_LAZY_LIST (fr_lazy_list_get_type ())
G_DECLARE_FINAL_TYPE (FrLazyList, fr_lazy_list, FR, LAZY_LIST, GtkWidget)

typedef GtkWidget *(*FrLazyListBuildFunc) (guint    index,
                                           gpointer user_data);

GtkWidget *fr_lazy_list_new        (void);
/* Drops the rows built so far; @kinds (n_rows of them, copied) tell which
 * rows are alike in height. */
void       fr_lazy_list_set_rows   (FrLazyList          *self,
                                    guint                n_rows,
                                    const guint         *kinds,
                                    FrLazyListBuildFunc  build,
                                    gpointer             user_data);
guint      fr_lazy_list_get_n_rows (FrLazyList          *self);
/* The row's widget, NULL while it has not been built. */
GtkWidget *fr_lazy_list_get_row    (FrLazyList          *self,
                                    guint                index);
/* Builds the row if need be. */
GtkWidget *fr_lazy_list_ensure_row (FrLazyList          *self,
                                    guint                index);

G_END_DECLS
