/* fr-bundles.h — options built from elements, and the search for the best
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is a set of the model's elements. Its raw score on a criterion
 * is the model's baseline plus the deltas of its elements' effects, clamped
 * to the criterion's declared scale; it is then scored like an option, by
 * every stakeholder's weighted sum over the criteria's value functions
 * (fr-wsm.h). Elements exclude each other (in either direction) and require
 * each other; a bundle breaking none of these rules is feasible.
 *
 * Because of the clamping and the value functions, a bundle's score is not
 * the sum of its elements' contributions. The search is therefore exact:
 * a depth-first walk over the elements that updates only the criteria an
 * element touches, and that skips a whole branch when an optimistic bound —
 * each remaining element's largest possible gain in any context, summed —
 * shows nothing in it can matter.
 */
#pragma once

#include <gio/gio.h>

#include "fr-model.h"

G_BEGIN_DECLS

/* Bundles are sets of element indices held in one 64-bit word. */
#define FR_BUNDLES_MAX_ELEMENTS 62

typedef struct _FrBundleProblem FrBundleProblem;

typedef struct {
  guint n_bundles;
  guint n_stakeholders;
  guint64 *elements;        /* n_bundles: bit e set = element e included */
  double *utility;          /* n_bundles × n_stakeholders */
  guint64 n_nodes;          /* search effort: nodes visited… */
  guint64 n_leaves;         /* …and complete bundles evaluated */
} FrBundleList;

/* Fails when an element names an unknown element, criterion, or there are
 * more than FR_BUNDLES_MAX_ELEMENTS elements, or the options' scores are
 * incomplete (their scales fix the value of a bundle's score). */
FrBundleProblem *fr_bundle_problem_new            (const FrModel          *model,
                                                   GError                **error);
void             fr_bundle_problem_free           (FrBundleProblem        *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrBundleProblem, fr_bundle_problem_free)

guint            fr_bundle_problem_get_n_elements (const FrBundleProblem  *problem);
guint            fr_bundle_problem_get_n_criteria (const FrBundleProblem  *problem);
guint            fr_bundle_problem_get_n_stakeholders (const FrBundleProblem *problem);
const char      *fr_bundle_problem_get_element_id (const FrBundleProblem  *problem,
                                                   guint                   element);
const char      *fr_bundle_problem_get_element_name (const FrBundleProblem *problem,
                                                     guint                  element);
const char      *fr_bundle_problem_get_stakeholder_id (const FrBundleProblem *problem,
                                                       guint                  stakeholder);
/* -1 when absent. */
int              fr_bundle_problem_find_element   (const FrBundleProblem  *problem,
                                                   const char             *id);
int              fr_bundle_problem_find_stakeholder (const FrBundleProblem *problem,
                                                     const char            *id);

/* Whether @elements is feasible; every broken rule is appended to
 * @conflicts (nullable, char*) as a sentence such as "“Non-bloc status”
 * excludes “NATO membership”" or "“Article 5” requires “NATO
 * membership”". */
gboolean         fr_bundle_problem_check          (const FrBundleProblem  *problem,
                                                   guint64                 elements,
                                                   GPtrArray              *conflicts);
/* @scores (n_criteria, nullable): raw clamped scores; @utility
 * (n_stakeholders, nullable): each stakeholder's weighted sum. */
void             fr_bundle_problem_evaluate       (const FrBundleProblem  *problem,
                                                   guint64                 elements,
                                                   double                 *scores,
                                                   double                 *utility);
/* The element names joined by ", ", or "(none)" for the empty bundle. */
char            *fr_bundle_problem_describe       (const FrBundleProblem  *problem,
                                                   guint64                 elements);

/* The best @k feasible bundles for stakeholder @target (highest utility
 * first, equal utilities by smaller element set bits first), among those
 * every other stakeholder rates at or above its reservation level when
 * @respect_reservations. Fewer than @k when fewer qualify. */
FrBundleList    *fr_bundle_problem_best           (const FrBundleProblem  *problem,
                                                   guint                   target,
                                                   guint                   k,
                                                   gboolean                respect_reservations,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
/* Every feasible bundle that no other feasible bundle Pareto-dominates
 * across the stakeholders' utilities, by decreasing total utility. */
FrBundleList    *fr_bundle_problem_pareto         (const FrBundleProblem  *problem,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

/* How many element sets are feasible: a walk over all of them, scoring
 * each on the way (the search without any pruning). 0 with @error set
 * when cancelled. */
guint64          fr_bundle_problem_count_feasible (const FrBundleProblem  *problem,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

void             fr_bundle_list_free              (FrBundleList           *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrBundleList, fr_bundle_list_free)

G_END_DECLS
