/* fr-wsm.h — weighted sum over value functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The score of an option is Σ_c w_c · v_c(x_oc), with v_c the criterion's
 * value function (fr_matrix_value). The value table depends only on the
 * matrix, so a weight change costs one pass of dot products over it.
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

/* @scores: n_options doubles. @contributions: nullable, n_options ×
 * n_criteria doubles, w_c · v_c(x_oc), whose rows sum to the scores (the
 * ranking chart stacks them). @weights are used as given: normalise them
 * first (fr_matrix_stakeholder_weights does) to keep scores in 0..1. */
void fr_wsm_scores            (const FrMatrix *matrix,
                               const double   *weights,
                               double         *scores,
                               double         *contributions);

/* The same from a value table filled by fr_matrix_value_table. */
void fr_wsm_scores_from_values (const double  *values,
                                guint          n_options,
                                guint          n_criteria,
                                const double  *weights,
                                double        *scores,
                                double        *contributions);

G_END_DECLS
