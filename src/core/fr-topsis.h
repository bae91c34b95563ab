/* fr-topsis.h — closeness to the ideal solution (Hwang & Yoon 1981)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TOPSIS works on the raw scores, not on value functions: each column is
 * normalised (by its Euclidean norm, Hwang & Yoon's choice, or min-max),
 * weighted, and each option is placed between the ideal and the
 * anti-ideal point. The normalised table depends only on the matrix, and
 * since weights are non-negative the weighted ideal is the weight times the
 * normalised ideal, so a weight change costs one pass over the table.
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

typedef enum {
  FR_TOPSIS_VECTOR,   /* r = x / ‖x‖₂ per column */
  FR_TOPSIS_MINMAX,   /* r = (x − min) / (max − min) over the data */
} FrTopsisNormalization;

/* Fills @normalized (n_options × n_criteria) with the normalised table
 * oriented so that larger is better on every column: cost columns are
 * negated (vector) or reversed (min-max). A column whose values are all
 * equal normalises to a constant and so never separates options. */
void fr_topsis_normalize        (const FrMatrix         *matrix,
                                 FrTopsisNormalization   normalization,
                                 double                 *normalized);

/* Closeness coefficients C = D⁻ / (D⁺ + D⁻) from an oriented table;
 * @distance_best (D⁺) and @distance_worst (D⁻) are nullable. An option at
 * the ideal point has closeness 1, including the degenerate case where the
 * ideal and anti-ideal coincide. @weights must be non-negative. */
void fr_topsis_from_normalized  (const double           *normalized,
                                 guint                   n_options,
                                 guint                   n_criteria,
                                 const double           *weights,
                                 double                 *closeness,
                                 double                 *distance_best,
                                 double                 *distance_worst);

void fr_topsis                  (const FrMatrix         *matrix,
                                 const double           *weights,
                                 FrTopsisNormalization   normalization,
                                 double                 *closeness,
                                 double                 *distance_best,
                                 double                 *distance_worst);

G_END_DECLS
