/* fr-edit.h — structural edits that keep a model consistent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding, renaming, duplicating, moving and deleting criteria, elements and
 * stakeholders. A deletion cascades to everything that names the deleted
 * thing (scores, weights, effects, rules, views), so the model saves and
 * loads again. Each function returns FALSE and changes nothing when an id
 * names nothing.
 */
#pragma once

#include "fr-model.h"

G_BEGIN_DECLS

typedef enum {
  FR_EDIT_CRITERION,
  FR_EDIT_ELEMENT,
  FR_EDIT_STAKEHOLDER,
} FrEditKind;

/* Adds a new leaf criterion (0–10, benefit) at the top level with a middle
 * score for every option, no weight for any stakeholder and a middle bundle
 * baseline; a new element with no effects; or a new stakeholder with equal
 * weights. Returns the new id (owned by the model). */
const char *fr_edit_add       (FrModel    *model,
                               FrEditKind  kind,
                               const char *name);
gboolean    fr_edit_rename    (FrModel    *model,
                               FrEditKind  kind,
                               const char *id,
                               const char *name);
/* The copy follows the original; its id is returned (owned by the model). */
const char *fr_edit_duplicate (FrModel    *model,
                               FrEditKind  kind,
                               const char *id);
/* Moves by @offset places among its siblings (criteria: among criteria with
 * the same parent, keeping the tree order valid). */
gboolean    fr_edit_move      (FrModel    *model,
                               FrEditKind  kind,
                               const char *id,
                               int         offset);
/* A group takes its children with it. Stakeholders' remaining weights are
 * not renormalised: the caller decides. */
gboolean    fr_edit_delete    (FrModel    *model,
                               FrEditKind  kind,
                               const char *id);

G_END_DECLS
