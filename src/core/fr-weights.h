/* fr-weights.h — editing a stakeholder's weights the way sliders need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weights live on leaf criteria and sum to one. Setting a criterion (a leaf
 * or a group, whose weight is the sum of its leaves) rescales the other
 * unlocked leaves proportionally so the total stays one; locked leaves keep
 * their weight. An SMAA interval that no longer contains a leaf's weight is
 * widened to contain it, so an edited document always stays valid.
 */
#pragma once

#include "fr-model.h"

G_BEGIN_DECLS

/* @locked: leaf criterion ids (a set, nullable). Returns FALSE and changes
 * nothing when the locks leave no room to move; otherwise the weight of
 * @criterion_id afterwards is @value clamped to what the locks allow. */
gboolean fr_weights_set        (const FrModel *model,
                                FrStakeholder *stakeholder,
                                const char    *criterion_id,
                                double         value,
                                GHashTable    *locked);
/* Scales every leaf weight so they sum to one (equal weights when all are
 * zero). */
void     fr_weights_normalise  (const FrModel *model,
                                FrStakeholder *stakeholder);
/* Replaces @stakeholder's weights by a copy of @profile's. */
void     fr_weights_copy       (FrStakeholder       *stakeholder,
                                const FrStakeholder *profile);
/* Sum of the leaf weights. */
double   fr_weights_total      (const FrModel       *model,
                                const FrStakeholder *stakeholder);

G_END_DECLS
