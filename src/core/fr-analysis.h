/* fr-analysis.h — results derived from a document, cached until it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows, charts and slides ask an FrAnalysis for the matrix, the weights
 * and the ranking instead of recomputing them. It listens to the document's
 * ::changed signal and drops only what the change touched: a weight change
 * keeps the matrix, the value table and PROMETHEE's unicriterion flows, so
 * the ranking during a slider drag is a few multiply-adds per cell.
 */
#pragma once

#include "fr-document.h"
#include "fr-matrix.h"

G_BEGIN_DECLS

typedef enum {
  FR_METHOD_WSM,
  FR_METHOD_TOPSIS,
  FR_METHOD_PROMETHEE,
  FR_N_METHODS
} FrMethod;

const char *fr_method_to_string   (FrMethod    method);
gboolean    fr_method_from_string (const char *text,
                                   FrMethod   *method);

#define FR_TYPE_ANALYSIS (fr_analysis_get_type ())
G_DECLARE_FINAL_TYPE (FrAnalysis, fr_analysis, FR, ANALYSIS, GObject)

FrAnalysis     *fr_analysis_new             (FrDocument *document);
FrDocument     *fr_analysis_get_document    (FrAnalysis *self);
void            fr_analysis_set_method      (FrAnalysis *self,
                                             FrMethod    method);
FrMethod        fr_analysis_get_method      (FrAnalysis *self);
/* NULL: equal weights over the leaf criteria. */
void            fr_analysis_set_stakeholder (FrAnalysis *self,
                                             const char *stakeholder_id);
const char     *fr_analysis_get_stakeholder (FrAnalysis *self);

/* NULL when the document cannot be ranked (no options, a missing score…);
 * fr_analysis_get_error() then says why. */
const FrMatrix *fr_analysis_get_matrix      (FrAnalysis *self);
const GError   *fr_analysis_get_error       (FrAnalysis *self);
/* n_criteria weights summing to one, in matrix order. */
const double   *fr_analysis_get_weights     (FrAnalysis *self);
/* One score per option in the current method: weighted value, TOPSIS
 * closeness or PROMETHEE net flow. */
const double   *fr_analysis_get_scores      (FrAnalysis *self);
/* Weighted-sum contributions, n_options × n_criteria (summing to the
 * weighted-sum score), whatever the method: the ranking chart stacks them. */
const double   *fr_analysis_get_contributions (FrAnalysis *self);
/* Option indices, best first; ties keep document order. */
const guint    *fr_analysis_get_order       (FrAnalysis *self);

G_END_DECLS
