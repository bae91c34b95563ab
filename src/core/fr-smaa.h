/* fr-smaa.h — SMAA-2: stochastic multicriteria acceptability analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lahdelma & Salminen (2001), "SMAA-2: Stochastic multicriteria
 * acceptability analysis for group decision making", Operations Research
 * 49(3):444–454, over the weighted-sum value model of fr-wsm.h. Monte Carlo
 * over weights (uniform on the simplex, or uniform inside per-criterion
 * intervals) and over scores (inside their low..high ranges) estimates
 *
 *   b_i^r  rank acceptability: the share of samples where option i ranks r;
 *   w_i^c  central weights: the mean weight vector of samples where i ranks
 *          first;
 *   p_i^c  confidence factor: the probability that i ranks first when the
 *          weights are its central weights (only scores vary).
 *
 * A run is a state object refined in chunks, so a worker can stop at any
 * point, report progress, and the UI can read partial results. An FrSmaa
 * is not thread-safe: read it between chunks in the thread that runs it,
 * or hand the UI an FrSmaaResult copy. The random
 * numbers come from our own generator (xoshiro256**) and our own
 * exponential sampler, so a seed gives the same samples on every machine
 * and whatever the chunk sizes.
 */
#pragma once

#include <gio/gio.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

typedef enum {
  FR_SMAA_WEIGHTS_SIMPLEX,    /* no preference information */
  FR_SMAA_WEIGHTS_INTERVALS,  /* uniform inside [weight_low, weight_high] */
} FrSmaaWeights;

typedef enum {
  FR_SMAA_SCORES_UNIFORM,     /* uniform in low..high */
  FR_SMAA_SCORES_TRIANGULAR,  /* triangular on low..high, mode at the score */
} FrSmaaScores;

typedef struct {
  FrSmaaWeights weights;
  /* FR_SMAA_WEIGHTS_INTERVALS: n_criteria shares each, low ≤ high, which
   * must admit some vector summing to one (fr_smaa_weight_intervals fills
   * them from a stakeholder). A criterion with low = high is held there. */
  const double *weight_low;
  const double *weight_high;
  FrSmaaScores scores;
  guint64 seed;
  guint64 n_samples;            /* the acceptability pass; 0 = 10 000 */
  /* The confidence pass, run after the first when scores have ranges;
   * 0 = as many as n_samples. Without ranges confidence is exact. */
  guint64 n_confidence_samples;
} FrSmaaParams;

typedef struct _FrSmaa FrSmaa;

/* A copy of the results at one moment, for handing from a worker thread
 * (which owns the FrSmaa between chunks) to the UI. */
typedef struct {
  guint n_options;
  guint n_criteria;
  guint64 n_samples;
  double progress;
  double *acceptability;    /* n_options × n_options: [option][rank] */
  double *central_weights;  /* n_options × n_criteria; zeros when never first */
  double *confidence;       /* n_options; NaN while unknown */
} FrSmaaResult;

/* Defaults: simplex weights, uniform scores, seed 1, 10 000 samples. */
void      fr_smaa_params_init          (FrSmaaParams        *params);

/* Per-criterion weight intervals of @stakeholder as shares of its total
 * weight (the same normalisation as fr_matrix_stakeholder_weights); a
 * criterion without an interval is held at its weight. Returns FALSE when
 * the stakeholder gives no interval at all: @low and @high then hold its
 * weights (equal ones for a NULL stakeholder or one without weights), and
 * only score ranges will vary. */
gboolean  fr_smaa_weight_intervals     (const FrMatrix      *matrix,
                                        const FrStakeholder *stakeholder,
                                        double              *low,
                                        double              *high);

/* Copies what it needs from @matrix and @params. Fails when the matrix is
 * empty or the weight intervals cannot hold a vector summing to one. */
FrSmaa   *fr_smaa_new                  (const FrMatrix      *matrix,
                                        const FrSmaaParams  *params,
                                        GError             **error);
void      fr_smaa_free                 (FrSmaa              *smaa);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrSmaa, fr_smaa_free)

/* Draws up to @n_samples more samples (acceptability first, then
 * confidence). Returns FALSE with @error set when cancelled
 * (G_IO_ERROR_CANCELLED) or when the weight intervals reject nearly every
 * draw; results gathered so far stay readable. */
gboolean  fr_smaa_run_chunk            (FrSmaa              *smaa,
                                        guint64              n_samples,
                                        GCancellable        *cancellable,
                                        GError             **error);
/* Runs to the end in chunks, checking @cancellable between them. */
gboolean  fr_smaa_run                  (FrSmaa              *smaa,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean  fr_smaa_is_done              (const FrSmaa        *smaa);
double    fr_smaa_get_progress         (const FrSmaa        *smaa);
guint     fr_smaa_get_n_options        (const FrSmaa        *smaa);
guint     fr_smaa_get_n_criteria       (const FrSmaa        *smaa);
/* Samples drawn so far in the acceptability pass. */
guint64   fr_smaa_get_n_samples        (const FrSmaa        *smaa);

/* b_i^r for @rank 0 (first) … n_options − 1; 0 before any sample. */
double    fr_smaa_get_acceptability    (const FrSmaa        *smaa,
                                        guint                option,
                                        guint                rank);
/* Fills @weights (n_criteria) with w_i^c and returns TRUE, or returns
 * FALSE (and zeros) when @option has not ranked first in any sample. */
gboolean  fr_smaa_get_central_weights  (const FrSmaa        *smaa,
                                        guint                option,
                                        double              *weights);
/* p_i^c, or NaN while the confidence pass has not started. An option that
 * never ranked first has confidence 0. */
double    fr_smaa_get_confidence       (const FrSmaa        *smaa,
                                        guint                option);

/* Everything above in one copy; free with fr_smaa_result_free. */
FrSmaaResult *fr_smaa_get_result       (const FrSmaa        *smaa);
void      fr_smaa_result_free          (FrSmaaResult        *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrSmaaResult, fr_smaa_result_free)

G_END_DECLS
