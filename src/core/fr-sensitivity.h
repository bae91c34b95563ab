/* fr-sensitivity.h — how far a weight can move before the leader changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both analyses work on the weighted sum (fr-wsm.h) and move one weight at a
 * time while the other weights keep their proportions: with weight t on
 * criterion j the others become w_k · (1 − t) / (1 − w_j). Every option's
 * score is then a straight line in t,
 *
 *   U_a(t) = t · v_aj + (1 − t) · R_a,   R_a = Σ_{k≠j} w_k v_ak / (1 − w_j),
 *
 * so the stability interval is found exactly from where the leader's line
 * crosses the others', not by stepping. (When w_j = 1 the others have no
 * proportions to keep; they then share 1 − t equally.)
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

typedef struct {
  double weight;     /* the criterion's current weight */
  /* The leader stays first (ties count as staying) for every weight in
   * [low, high] ⊆ [0, 1], which contains @weight. */
  double low;
  double high;
  int low_rival;     /* option that overtakes below @low, −1 when low = 0 */
  int high_rival;    /* option that overtakes above @high, −1 when high = 1 */
} FrStability;

/* One bar of a tornado chart: @option's score when the weight of
 * @criterion is set to @weight_low and @weight_high (the others rescaled
 * proportionally). */
typedef struct {
  guint criterion;
  double weight;
  double weight_low;
  double weight_high;
  double score;        /* at the current weights */
  double score_low;    /* at weight_low */
  double score_high;   /* at weight_high */
} FrTornadoBar;

/* The option with the highest weighted sum (the first of equals). */
guint   fr_sensitivity_leader        (const double   *values,
                                      guint           n_options,
                                      guint           n_criteria,
                                      const double   *weights);

/* Every option's score when criterion @criterion's weight is @t and the
 * others are rescaled: fills @scores (n_options). @values is a value table
 * (fr_matrix_value_table), @weights sum to one. */
void    fr_sensitivity_scores_at     (const double   *values,
                                      guint           n_options,
                                      guint           n_criteria,
                                      const double   *weights,
                                      guint           criterion,
                                      double          t,
                                      double         *scores);

/* Fills @intervals (n_criteria) with the stability interval of each
 * weight for the current leader, which it returns. */
guint   fr_sensitivity_stability     (const double   *values,
                                      guint           n_options,
                                      guint           n_criteria,
                                      const double   *weights,
                                      FrStability    *intervals);

/* Tornado bars for @option, one per criterion in criterion order: the
 * weight moves by ±@change of itself (0.5 = from half to one and a half
 * times the current weight), clipped to 0..1; @change = INFINITY sweeps
 * every weight over the whole range 0..1, even one that is now 0. Sort
 * them by |score_high − score_low| to draw the chart. */
void    fr_sensitivity_tornado       (const double   *values,
                                      guint           n_options,
                                      guint           n_criteria,
                                      const double   *weights,
                                      guint           option,
                                      double          change,
                                      FrTornadoBar   *bars);

G_END_DECLS
