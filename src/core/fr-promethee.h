/* fr-promethee.h — outranking flows (PROMETHEE I and II)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each criterion j with preference function P_j of the difference
 * d = x_a − x_b (b − a for a cost criterion), and weights w summing to W:
 *   π(a, b) = Σ_j w_j P_j(a, b) / W
 *   φ⁺(a) = Σ_b π(a, b) / (n − 1),  φ⁻(a) = Σ_b π(b, a) / (n − 1),
 *   φ(a) = φ⁺(a) − φ⁻(a)   (PROMETHEE II net flow).
 * The flows are linear in the weights: φ⁺ = Σ_j w_j φ⁺_j / W with the
 * unicriterion flows φ⁺_j, which depend only on the matrix. Those are
 * computed once per matrix in O(m n log n) for the five piecewise-linear
 * functions (sorted columns, prefix sums) and O(m n²) for the Gaussian
 * (each pair once, on a vectorised exponential); a
 * weight change then costs O(n m).
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

/* P(d) for one difference in the criterion's own unit; 0 for d ≤ 0. */
double   fr_promethee_preference        (const FrPreference *preference,
                                         double              d);

/* Thresholds that make sense for the function: q ≥ 0, p > q (level,
 * linear), p > 0 (V-shape), s > 0 (Gaussian), all finite. */
gboolean fr_promethee_check_preference  (const FrPreference *preference,
                                         const char         *criterion_name,
                                         GError            **error);

/* Fills @positive and @negative (n_options × n_criteria each, row-major)
 * with the unicriterion flows φ⁺_j and φ⁻_j. */
gboolean fr_promethee_unicriterion_flows (const FrMatrix    *matrix,
                                          double            *positive,
                                          double            *negative,
                                          GError           **error);

/* Aggregates unicriterion flows with @weights (non-negative, any sum > 0)
 * into φ⁺, φ⁻ and φ (each n_options, nullable). */
void     fr_promethee_flows_from_unicriterion (const double *unicriterion_positive,
                                               const double *unicriterion_negative,
                                               guint         n_options,
                                               guint         n_criteria,
                                               const double *weights,
                                               double       *positive,
                                               double       *negative,
                                               double       *net);

/* Both steps at once. */
gboolean fr_promethee_flows             (const FrMatrix     *matrix,
                                         const double       *weights,
                                         double             *positive,
                                         double             *negative,
                                         double             *net,
                                         GError            **error);

/* The aggregated preference index π(a, b) straight from the definition. */
double   fr_promethee_pi                (const FrMatrix     *matrix,
                                         const double       *weights,
                                         guint               a,
                                         guint               b);

typedef enum {
  FR_PROMETHEE_INDIFFERENT,   /* a I b: equal φ⁺ and equal φ⁻ */
  FR_PROMETHEE_PREFERRED,     /* a P b */
  FR_PROMETHEE_DOMINATED,     /* b P a */
  FR_PROMETHEE_INCOMPARABLE,  /* a R b: the two flows disagree */
} FrPrometheeRelation;

/* PROMETHEE I (Brans & Vincke 1985): a outranks b when it is at least as
 * good on both flows and better on one; flows within @tolerance count as
 * equal (1e-12 absorbs rounding). */
FrPrometheeRelation fr_promethee_relation (const double *positive,
                                           const double *negative,
                                           guint         a,
                                           guint         b,
                                           double        tolerance);
const char *fr_promethee_relation_to_string (FrPrometheeRelation relation);

G_END_DECLS
