/* fr-ahp-dialog.h — weights from pairwise comparisons (AHP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fr-ahp.h"
#include "fr-document.h"
#include "fr-history.h"

G_BEGIN_DECLS

#define FR_TYPE_AHP_DIALOG (fr_ahp_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FrAhpDialog, fr_ahp_dialog, FR, AHP_DIALOG, AdwWindow)

/* Compares the children of @group_id (NULL: the top-level criteria) for
 * @stakeholder_id; the judgements start from the stakeholder's current
 * weights, rounded to Saaty's 1–9 scale. */
FrAhpDialog       *fr_ahp_dialog_new           (GtkWindow   *parent,
                                                FrDocument  *document,
                                                FrHistory   *history,
                                                const char  *stakeholder_id,
                                                const char  *group_id);
/* Switches to another group, NULL for the top level. */
gboolean           fr_ahp_dialog_set_group     (FrAhpDialog *self,
                                                const char  *group_id);
guint              fr_ahp_dialog_get_n_items   (FrAhpDialog *self);
/* How much more important item @i is than item @j, on Saaty's scale
 * (1/9 … 9); the reciprocal judgement follows. */
gboolean           fr_ahp_dialog_set_judgement (FrAhpDialog *self,
                                                guint        i,
                                                guint        j,
                                                double       value);
/* The priorities, λmax, CI, CR and the most inconsistent judgement of the
 * current judgements; NULL when they cannot be computed. */
const FrAhpResult *fr_ahp_dialog_get_result    (FrAhpDialog *self);
/* Sets the stakeholder's weights from the priorities; one undoable step. */
gboolean           fr_ahp_dialog_apply         (FrAhpDialog *self,
                                                GError     **error);

G_END_DECLS
