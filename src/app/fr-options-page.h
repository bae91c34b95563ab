/* fr-options-page.h — the score table and the bundle designer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fr-document.h"
#include "fr-edit.h"
#include "fr-history.h"

G_BEGIN_DECLS

#define FR_TYPE_OPTIONS_PAGE (fr_options_page_get_type ())
G_DECLARE_FINAL_TYPE (FrOptionsPage, fr_options_page, FR, OPTIONS_PAGE, GtkBox)

GtkWidget *fr_options_page_new              (void);
void       fr_options_page_set_document     (FrOptionsPage *self,
                                             FrDocument    *document,
                                             FrHistory     *history);

/* Edits, each one undoable step; FALSE when the ids name nothing. */
gboolean   fr_options_page_set_score        (FrOptionsPage *self,
                                             const char    *option_id,
                                             const char    *criterion_id,
                                             double         value);
gboolean   fr_options_page_duplicate_option (FrOptionsPage *self,
                                             const char    *option_id);
gboolean   fr_options_page_delete_option    (FrOptionsPage *self,
                                             const char    *option_id);
gboolean   fr_options_page_move_option      (FrOptionsPage *self,
                                             const char    *option_id,
                                             int            offset);
gboolean   fr_options_page_rename_option    (FrOptionsPage *self,
                                             const char    *option_id,
                                             const char    *name);

/* Structural edits of criteria, elements and stakeholders, as the page's
 * buttons make them: @operation is "add" (@argument the name), "rename"
 * (@argument the new name), "duplicate", "up", "down" or "delete". */
gboolean   fr_options_page_edit             (FrOptionsPage *self,
                                             FrEditKind     kind,
                                             const char    *operation,
                                             const char    *id,
                                             const char    *argument);

/* The bundle designer: elements toggled on, by id. */
gboolean   fr_options_page_set_element      (FrOptionsPage *self,
                                             const char    *element_id,
                                             gboolean       included);
/* The broken rules of the current bundle, as sentences (borrowed). */
GPtrArray *fr_options_page_get_conflicts    (FrOptionsPage *self);
/* Utility of the current bundle for @stakeholder_id; -1 when unknown. */
double     fr_options_page_get_bundle_utility (FrOptionsPage *self,
                                               const char    *stakeholder_id);
/* Adds the current bundle as an option; returns its id (owned by the
 * model) or NULL when the bundle is not feasible. */
const char *fr_options_page_save_bundle     (FrOptionsPage *self,
                                             const char    *name);

G_END_DECLS
