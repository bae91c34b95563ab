/* fr-ahp.h — priorities from pairwise comparisons (Saaty's AHP)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pairwise matrix A (n × n, row-major) holds a_ij = how much more
 * important item i is than item j on Saaty's 1–9 scale, with a_ji = 1/a_ij.
 * The priorities are its principal (Perron) eigenvector normalised to sum
 * to one; λmax, CI = (λmax − n)/(n − 1) and CR = CI/RI measure how far the
 * judgements are from consistent.
 */
#pragma once

#include <glib.h>

#include "fr-model.h"

G_BEGIN_DECLS

/* Power iteration stops when no priority moves by more than this. */
#define FR_AHP_TOLERANCE 1e-12
/* Relative slack allowed in a_ij · a_ji = 1, so that judgements typed with
 * two decimals (0.33 for 1/3, 0.14 for 1/7) are accepted. */
#define FR_AHP_RECIPROCAL_TOLERANCE 0.05

typedef struct {
  guint n;
  double *priorities;    /* n, sum to one */
  double lambda_max;
  double ci;             /* 0 for n ≤ 2 */
  double ri;             /* Saaty's random index; NaN for n > 10 */
  double cr;             /* 0 for n ≤ 2 (always consistent); NaN for n > 10 */
  guint iterations;
  /* The judgement furthest from what the priorities imply: the (i, j),
   * i < j, with the largest |ln ε_ij|, where ε_ij = a_ij · w_j / w_i is
   * Saaty's ratio (1 for a consistent judgement). Equal to n for n < 2. */
  guint worst_i;
  guint worst_j;
  double worst_epsilon;  /* ε at (worst_i, worst_j) */
  double suggested;      /* w_i / w_j: the value that would be consistent */
} FrAhpResult;

/* Saaty's random consistency index for a matrix of order @n: 0 for n ≤ 2,
 * the published average for 3 ≤ n ≤ 10, NaN beyond. */
double   fr_ahp_random_index      (guint          n);

/* Checks that @matrix is positive, finite, has a unit diagonal and is
 * reciprocal within FR_AHP_RECIPROCAL_TOLERANCE; an error names the cell.
 * @names (nullable) label the items in messages. */
gboolean fr_ahp_check             (const double  *matrix,
                                   guint          n,
                                   const char *const *names,
                                   GError       **error);

/* Analyses @matrix (checked first with fr_ahp_check). Of each pair of
 * mirrored judgements the one ≥ 1 is kept and the other is taken as its
 * exact reciprocal, so typing 0.33 for 1/3 does not bend the result. */
gboolean fr_ahp_analyse           (const double  *matrix,
                                   guint          n,
                                   const char *const *names,
                                   FrAhpResult   *result,
                                   GError       **error);
void     fr_ahp_result_clear      (FrAhpResult   *result);

/* A pairwise comparison read from CSV: a header row (a label cell, then
 * the item names), then one row per item in the same order (its name, then
 * a_ij as a number or a fraction such as "1/3"). An empty cell takes the
 * reciprocal of its mirror, and an empty diagonal is 1. */
typedef struct {
  guint n;
  char **names;          /* n + 1, NULL-terminated */
  double *matrix;        /* n × n */
} FrAhpPairwise;

FrAhpPairwise *fr_ahp_pairwise_parse_csv (const char     *data,
                                          gsize           length,
                                          const char     *display_name,
                                          GError        **error);
FrAhpPairwise *fr_ahp_pairwise_load_csv  (const char     *path,
                                          GError        **error);
void           fr_ahp_pairwise_free      (FrAhpPairwise  *pairwise);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrAhpPairwise, fr_ahp_pairwise_free)

/* Weights from a pairwise comparison of sibling criteria: @child_ids
 * (criteria sharing the parent @group_id, or top-level ones when it is
 * NULL) keep the total weight they have now in @weights (leaf id →
 * FrWeight*) and share it by @priorities. A child that is itself a group
 * passes its share on to its leaves in proportion to their current weights
 * (equally when those are all zero). When the children have no weight yet
 * their total is taken as 1. Missing leaf entries are created; a weight
 * interval is scaled with its value. */
gboolean fr_ahp_apply_to_group    (const FrModel  *model,
                                   const char     *group_id,
                                   const char *const *child_ids,
                                   const double   *priorities,
                                   guint           n,
                                   GHashTable     *weights,
                                   GError        **error);

G_END_DECLS
