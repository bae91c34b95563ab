/* fr-smaa.c — SMAA-2 by Monte Carlo, in resumable chunks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cost of SMAA is in drawing weights and ranking, not in arithmetic, so
 * the inner loop avoids both sorting and division: weights on the simplex
 * are independent exponentials left unnormalised (a positive factor does
 * not change a ranking), drawn by a ziggurat that almost always needs one
 * random word and one multiply; ranks are counted rather than sorted; the
 * value table is laid out criterion-major so utilities are a column sweep;
 * and with no score ranges the table is never touched again.
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-error.h"
#include "fr-smaa.h"
#include "fr-value-private.h"

#define DEFAULT_SAMPLES 10000
#define CANCEL_CHECK_EVERY 4096
/* A draw inside weight intervals gives up after this many rejections in a
 * row: the intervals then leave (numerically) no room. */
#define MAX_REJECTIONS 1000000

/* ---- Portable random numbers ------------------------------------------ */

/* xoshiro256** 1.0 (Blackman & Vigna 2018), seeded through splitmix64. */
typedef struct {
  guint64 s[4];
} FrRng;

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (FrRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

static void
rng_seed (FrRng   *rng,
          guint64  seed)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 z;

      seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
      z = seed;
      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      rng->s[i] = z ^ (z >> 31);
    }
}

/* [0, 1) with 53 random bits. */
static inline double
rng_uniform (FrRng *rng)
{
  return (double) (gint64) (rng_next (rng) >> 11) * 0x1.0p-53;
}

/* (0, 1): safe to take the logarithm of. */
static inline double
rng_uniform_open (FrRng *rng)
{
  return ((double) (gint64) (rng_next (rng) >> 11) + 0.5) * 0x1.0p-53;
}

/* The system libm may round exp and log differently from machine to
 * machine; these use only IEEE arithmetic, so the ziggurat tables and every
 * sample built on them are the same everywhere. */
#define LN2_HI 6.93147180369123816490e-01
#define LN2_LO 1.90821492927058770002e-10

static double
det_log (double x)
{
  int e;
  double m = frexp (x, &e);
  double s, s2, p;

  if (m < G_SQRT2 / 2.0)
    {
      m *= 2.0;
      e--;
    }
  s = (m - 1.0) / (m + 1.0);
  s2 = s * s;
  p = 1.0 / 25.0;
  for (int j = 23; j >= 1; j -= 2)
    p = p * s2 + 1.0 / j;
  return e * LN2_HI + (2.0 * s * p + e * LN2_LO);
}

static double exp_coefficients[14];  /* 1/k!, filled by zig_init */

static double
det_exp (double x)
{
  double k = floor (x / G_LN2 + 0.5);
  double r = (x - k * LN2_HI) - k * LN2_LO;
  double p = exp_coefficients[13];

  /* |r| ≤ ln 2 / 2, where the Taylor series to r¹³ is exact to 1e-17. */
  for (int j = 12; j >= 0; j--)
    p = p * r + exp_coefficients[j];
  if (k >= -1021 && k <= 1023)
    {
      /* 2^k built from its bits: the same exact product as ldexp, without
       * a call into libm. */
      guint64 bits = (guint64) ((gint64) k + 1023) << 52;
      double scale;

      memcpy (&scale, &bits, sizeof scale);
      return p * scale;
    }
  return ldexp (p, (int) k);
}

/* Marsaglia & Tsang (2000) ziggurat for the standard exponential, 256
 * layers of equal area V; layer 0 is the base strip plus the tail. */
#define ZIG_N 256
#define ZIG_R 7.69711747013104972
#define ZIG_V 3.949659822581572e-3

static double zig_x[ZIG_N + 1];
static double zig_f[ZIG_N + 1];
static double zig_chord[ZIG_N];   /* slope of f across layer i, towards 0 */
/* zig_x · 2⁻⁵³: a 53-bit integer times this is exactly the same double as
 * the integer scaled to [0, 1) and then times zig_x (both products are
 * rounded once, from the same exact value), one multiply fewer. */
static double zig_scaled[ZIG_N];
/* The same for 52 random bits, which a vector turns into doubles exactly
 * through the exponent-bias trick (x86 has no vector conversion from
 * 64-bit integers before AVX-512). */
static double zig_scaled52[ZIG_N];

static void
zig_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  exp_coefficients[0] = 1.0;
  for (int k = 1; k < (int) G_N_ELEMENTS (exp_coefficients); k++)
    exp_coefficients[k] = exp_coefficients[k - 1] / k;
  zig_x[0] = ZIG_V / det_exp (-ZIG_R);
  zig_x[1] = ZIG_R;
  for (guint i = 2; i < ZIG_N; i++)
    zig_x[i] = -det_log (det_exp (-zig_x[i - 1]) + ZIG_V / zig_x[i - 1]);
  zig_x[ZIG_N] = 0.0;
  for (guint i = 0; i <= ZIG_N; i++)
    zig_f[i] = det_exp (-zig_x[i]);
  for (guint i = 1; i < ZIG_N; i++)
    zig_chord[i] = (zig_f[i + 1] - zig_f[i]) / (zig_x[i] - zig_x[i + 1]);
  for (guint i = 0; i < ZIG_N; i++)
    {
      zig_scaled[i] = zig_x[i] * 0x1.0p-53;
      zig_scaled52[i] = zig_x[i] * 0x1.0p-52;
    }
  g_once_init_leave (&done, 1);
}

/* Is the height @y under exp(−x), for x in layer @i (between zig_x[i+1]
 * and zig_x[i])? The curve is convex: the chord across the layer lies
 * above it and the tangent at zig_x[i] below, so only a point between the
 * two, with room for rounding, needs the exponential. */
static inline gboolean
under_curve (guint  i,
             double x,
             double y)
{
  double below = zig_f[i] * (1.0 + (zig_x[i] - x));
  double above = zig_f[i] + zig_chord[i] * (zig_x[i] - x);

  if (y < below * (1.0 - 1e-12))
    return TRUE;
  if (y > above * (1.0 + 1e-12))
    return FALSE;
  return y < det_exp (-x);
}

static inline double
rng_exponential (FrRng *rng)
{
  for (;;)
    {
      guint64 bits = rng_next (rng);
      guint i = (guint) (bits & 0xff);
      /* Through a signed integer: converting an unsigned 64-bit one costs
       * a branch on x86-64. */
      double x = (double) (gint64) (bits >> 11) * zig_scaled[i];

      if (G_LIKELY (x < zig_x[i + 1]))
        return x;
      if (i == 0)
        return ZIG_R - det_log (rng_uniform_open (rng));
      if (under_curve (i, x, zig_f[i] + rng_uniform (rng) * (zig_f[i + 1] - zig_f[i])))
        return x;
    }
}

/* Simplex weights come four at a time from four xoshiro256** streams side
 * by side: the same arithmetic per lane as rng_next, the multiplications
 * by 5 and 9 written as shifts and adds, so that SSE2 (two lanes per
 * register) and AVX2 (four) compute the same words. Vectors are always
 * moved through memcpy, never passed by value. */
typedef guint64 FrU4 __attribute__ ((vector_size (32)));
typedef double FrD4 __attribute__ ((vector_size (32)));
typedef gint64 FrS4 __attribute__ ((vector_size (32)));

static inline __attribute__ ((always_inline)) void
rng4_next (FrU4  s[4],
           FrU4 *result)
{
  const FrU4 s1 = s[1];
  FrU4 r = (s1 << 2) + s1;
  FrU4 t = s1 << 17;

  r = (r << 7) | (r >> 57);
  r = (r << 3) + r;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 45) | (s[3] >> 19);
  *result = r;
}

static void
rng4_seed (guint64 state[4][4],
           guint64 seed)
{
  for (guint lane = 0; lane < 4; lane++)
    {
      FrRng one;

      rng_seed (&one, seed ^ (G_GUINT64_CONSTANT (0x6a09e667f3bcc909) * (lane + 1)));
      for (guint k = 0; k < 4; k++)
        state[k][lane] = one.s[k];
    }
}

/* The rare draw outside a layer's rectangle, finished as rng_exponential
 * does; a rejected wedge starts a new, independent draw. */
static double
exponential_slow (guint  layer,
                  double x,
                  FrRng *rng)
{
  if (layer == 0)
    return ZIG_R - det_log (rng_uniform_open (rng));
  if (under_curve (layer, x, zig_f[layer] + rng_uniform (rng) * (zig_f[layer + 1] - zig_f[layer])))
    return x;
  return rng_exponential (rng);
}

/* Up to four standard exponentials into @out (@wanted of them). */
static inline __attribute__ ((always_inline)) void
exponentials4 (FrU4    state[4],
               FrRng  *fallback,
               double *out,
               guint   wanted)
{
  FrU4 bits;

  rng4_next (state, &bits);
  const FrU4 layer = bits & 0xff;
  const FrU4 biased = (bits >> 12) | G_GUINT64_CONSTANT (0x4330000000000000);
  const FrD4 scaled = { zig_scaled52[layer[0]], zig_scaled52[layer[1]],
                        zig_scaled52[layer[2]], zig_scaled52[layer[3]] };
  const FrD4 limit = { zig_x[layer[0] + 1], zig_x[layer[1] + 1],
                       zig_x[layer[2] + 1], zig_x[layer[3] + 1] };
  FrD4 x;
  FrS4 inside;

  memcpy (&x, &biased, sizeof x);
  x = (x - 0x1.0p52) * scaled;
  inside = x < limit;
  if (G_LIKELY (wanted == 4 && (inside[0] & inside[1] & inside[2] & inside[3])))
    {
      memcpy (out, &x, sizeof x);
      return;
    }
  for (guint lane = 0; lane < wanted; lane++)
    out[lane] = inside[lane] ? x[lane] : exponential_slow ((guint) layer[lane], x[lane], fallback);
}

/* ---- The state --------------------------------------------------------- */

typedef struct {
  guint option;
  guint criterion;
  double low;
  double high;
  double mode;
  FrValueCurve curve;
  /* The value as a function of u = (score − low) / (high − low), piecewise
   * linear between knots (knot_u, knot_v, knot_slope from index first, n
   * of them); a + b·u when there is one piece. Direct when the table
   * cannot say it exactly — a degenerate scale (a step) or a value
   * function leaving 0..1 (clamped) — and the curve is read each time. */
  gboolean direct;
  guint first;
  guint n;
  gsize index;              /* in the criterion-major value table */
  double peak;              /* (mode − low) / (high − low) */
  double a;
  double b;
} RangedCell;

struct _FrSmaa {
  guint n;                  /* options */
  guint m;                  /* criteria */
  FrMatrix *matrix;         /* own copy: value curves point into it */
  FrSmaaWeights weight_mode;
  FrSmaaScores score_mode;

  /* Interval weights: w = low + y, y_j ∈ [0, width_j], Σ y = room. The
   * free criteria (width > 0) are split into a box part, drawn uniformly
   * in their intervals, and a simplex part, drawn uniformly on what is
   * left and accepted with probability (left / room)^(k−1) — the relative
   * size of that simplex — and then only if inside the box. Every split
   * gives exactly the uniform distribution on the polytope; the one
   * accepting most often in a pilot run is used. */
  double *weight_low;
  double *weight_width;
  guint *box_part;
  guint n_box;
  guint *simplex_part;
  guint n_simplex;
  double room;

  double *values0;          /* criterion-major value table at the scores */
  double *values;           /* the same, with ranged cells resampled */
  RangedCell *ranged;       /* one piece, then several, then direct */
  guint n_ranged;
  guint n_simple;
  guint n_knotted;
  GArray *knot_u;           /* double */
  GArray *knot_v;           /* double */
  GArray *knot_slope;       /* double: dv/du */

  guint64 n_samples;
  guint64 n_confidence;
  guint64 done;
  guint64 confidence_done;

  FrRng rng;
  FrRng confidence_rng;
  guint64 simplex_rng[4][4];  /* four streams for simplex weights, lane-minor */

  guint64 *rank_counts;     /* n × n: option-major */
  double *central_sums;     /* n × m */
  double *weights;          /* scratch: m */
  double *utilities;        /* scratch: stride */
  guint *ranks;             /* scratch: n */
  guint stride;             /* n rounded up to a multiple of 4 */

  /* Confidence pass, frozen when it starts. */
  gboolean frozen;
  double *central;          /* n × m, normalised */
  guint64 *confidence_counts;
};

void
fr_smaa_params_init (FrSmaaParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->weights = FR_SMAA_WEIGHTS_SIMPLEX;
  params->scores = FR_SMAA_SCORES_UNIFORM;
  params->seed = 1;
  params->n_samples = DEFAULT_SAMPLES;
}

gboolean
fr_smaa_weight_intervals (const FrMatrix      *matrix,
                          const FrStakeholder *stakeholder,
                          double              *low,
                          double              *high)
{
  double total = 0.0;
  gboolean any = FALSE;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (low != NULL && high != NULL, FALSE);

  if (stakeholder != NULL && stakeholder->weights != NULL)
    for (guint c = 0; c < matrix->n_criteria; c++)
      {
        const FrWeight *weight = g_hash_table_lookup (stakeholder->weights, matrix->criteria[c].id);

        if (weight != NULL && isfinite (weight->value) && weight->value > 0.0)
          total += weight->value;
      }
  if (!(total > 0.0) || !isfinite (total))
    {
      /* No usable weights: equal ones, as fr_matrix_stakeholder_weights. */
      for (guint c = 0; c < matrix->n_criteria; c++)
        low[c] = high[c] = 1.0 / matrix->n_criteria;
      return FALSE;
    }

  for (guint c = 0; c < matrix->n_criteria; c++)
    {
      const FrWeight *weight = g_hash_table_lookup (stakeholder->weights, matrix->criteria[c].id);
      double value = 0.0;

      if (weight != NULL && isfinite (weight->value) && weight->value > 0.0)
        value = weight->value;
      low[c] = high[c] = value / total;
      if (weight != NULL && weight->has_interval && isfinite (weight->low) && isfinite (weight->high))
        {
          low[c] = MAX (0.0, MIN (weight->low, weight->high)) / total;
          high[c] = MAX (0.0, MAX (weight->low, weight->high)) / total;
          any = TRUE;
        }
    }
  return any;
}

/* One attempt at an interval-weight draw into @w; FALSE when rejected. */
static gboolean
draw_interval_weights (FrSmaa *smaa,
                       FrRng  *rng,
                       double *w)
{
  double left = smaa->room;
  double sum, scale;
  guint k = smaa->n_simplex;

  for (guint b = 0; b < smaa->n_box; b++)
    {
      guint c = smaa->box_part[b];
      double y = rng_uniform (rng) * smaa->weight_width[c];

      w[c] = smaa->weight_low[c] + y;
      left -= y;
    }
  if (left < 0.0)
    return FALSE;
  if (k == 1)
    {
      guint c = smaa->simplex_part[0];

      if (left > smaa->weight_width[c])
        return FALSE;
      w[c] = smaa->weight_low[c] + left;
      return TRUE;
    }
  if (left < smaa->room)
    {
      double ratio = left / smaa->room, p = 1.0;

      for (guint i = 1; i < k; i++)
        p *= ratio;
      if (rng_uniform (rng) >= p)
        return FALSE;
    }
  sum = 0.0;
  for (guint s = 0; s < k; s++)
    {
      guint c = smaa->simplex_part[s];

      w[c] = rng_exponential (rng);
      sum += w[c];
    }
  scale = left / sum;
  for (guint s = 0; s < k; s++)
    {
      guint c = smaa->simplex_part[s];
      double y = w[c] * scale;

      if (y > smaa->weight_width[c])
        return FALSE;
      w[c] = smaa->weight_low[c] + y;
    }
  return TRUE;
}

static int
compare_width (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const double *width = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (width[ia] != width[ib])
    return width[ia] < width[ib] ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

static gboolean
setup_intervals (FrSmaa              *smaa,
                 const FrSmaaParams  *params,
                 GError             **error)
{
  guint m = smaa->m;
  double sum_low = 0.0, sum_high = 0.0;
  g_autofree guint *free_criteria = g_new (guint, m);
  guint n_free = 0;
  guint best_split = 0;
  guint best_accepted = 0;
  FrRng pilot;

  if (params->weight_low == NULL || params->weight_high == NULL)
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("Interval weights need a lower and an upper bound for every criterion"));
      return FALSE;
    }

  smaa->weight_low = g_new (double, m);
  smaa->weight_width = g_new (double, m);
  for (guint c = 0; c < m; c++)
    {
      double lo = params->weight_low[c], hi = params->weight_high[c];

      if (!isfinite (lo) || !isfinite (hi) || lo < 0.0 || hi < lo)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("The weight interval of criterion “%s” is not a range of shares between 0 and 1"),
                       smaa->matrix->criteria[c].name);
          return FALSE;
        }
      smaa->weight_low[c] = lo;
      smaa->weight_width[c] = hi - lo;
      sum_low += lo;
      sum_high += hi;
      if (hi > lo)
        free_criteria[n_free++] = c;
    }
  if (sum_low > 1.0 + 1e-9 || sum_high < 1.0 - 1e-9)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("The weight intervals cannot add up to 100%%: their lower bounds sum to %.1f%% and their upper bounds to %.1f%%"),
                   100.0 * sum_low, 100.0 * sum_high);
      return FALSE;
    }
  smaa->room = MAX (0.0, 1.0 - sum_low);
  g_qsort_with_data (free_criteria, n_free, sizeof (guint), compare_width, smaa->weight_width);

  smaa->box_part = g_new (guint, MAX (n_free, 1));
  smaa->simplex_part = g_new (guint, MAX (n_free, 1));
  if (n_free == 0 || smaa->room == 0.0)
    {
      /* Nothing to draw: every weight sits at its lower bound. */
      smaa->n_box = 0;
      smaa->n_simplex = 0;
      return TRUE;
    }

  rng_seed (&pilot, params->seed ^ G_GUINT64_CONSTANT (0x5eed5eed5eed5eed));
  for (guint trials = 256; trials <= 65536 && best_accepted == 0; trials *= 16)
    {
      for (guint split = 0; split < n_free; split++)
        {
          guint accepted = 0;

          smaa->n_box = split;
          smaa->n_simplex = n_free - split;
          memcpy (smaa->box_part, free_criteria, split * sizeof (guint));
          memcpy (smaa->simplex_part, free_criteria + split, (n_free - split) * sizeof (guint));
          for (guint t = 0; t < trials; t++)
            accepted += draw_interval_weights (smaa, &pilot, smaa->weights);
          if (accepted > best_accepted)
            {
              best_accepted = accepted;
              best_split = split;
            }
        }
    }
  if (best_accepted == 0)
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("The weight intervals leave almost no room for weights that add up to 100%; widen them"));
      return FALSE;
    }
  smaa->n_box = best_split;
  smaa->n_simplex = n_free - best_split;
  memcpy (smaa->box_part, free_criteria, best_split * sizeof (guint));
  memcpy (smaa->simplex_part, free_criteria + best_split, (n_free - best_split) * sizeof (guint));
  return TRUE;
}

static void
push_knot (FrSmaa *smaa,
           double  x,
           double  v)
{
  g_array_append_val (smaa->knot_u, x);
  g_array_append_val (smaa->knot_v, v);
}

/* Sampling a score and reading its value off the curve is the cost of SMAA
 * with ranges, so each ranged cell gets its own small table: the curve is
 * piecewise linear in the score, with breaks only at the value function's
 * points or at the ends of a linear scale. */
static void
add_knots (FrSmaa     *smaa,
           RangedCell *cell)
{
  const FrValueCurve *curve = &cell->curve;
  /* Just inside the ends, so that a step exactly at an end counts from
   * the side the range lies on. */
  double inner_low = nextafter (cell->low, cell->high);
  double inner_high = nextafter (cell->high, cell->low);

  cell->first = smaa->knot_u->len;
  push_knot (smaa, cell->low, fr_value_curve_eval (curve, inner_low));
  if (curve->piecewise)
    {
      const GArray *points = smaa->matrix->criteria[cell->criterion].value_function;

      for (guint i = 0; i < points->len; i++)
        {
          const FrValuePoint *p = &g_array_index (points, FrValuePoint, i);

          if (!(p->value >= 0.0 && p->value <= 1.0))
            cell->direct = TRUE;
          if (p->x > cell->low && p->x < cell->high)
            push_knot (smaa, p->x, p->value);
        }
    }
  else if (curve->hi > curve->lo)
    {
      if (curve->lo > cell->low && curve->lo < cell->high)
        push_knot (smaa, curve->lo, fr_value_curve_eval (curve, curve->lo));
      if (curve->hi > cell->low && curve->hi < cell->high)
        push_knot (smaa, curve->hi, fr_value_curve_eval (curve, curve->hi));
    }
  else
    cell->direct = TRUE;    /* a degenerate scale is a step */
  push_knot (smaa, cell->high, fr_value_curve_eval (curve, inner_high));
  cell->n = smaa->knot_u->len - cell->first;

  /* From the score to u in 0..1: knots move, slopes scale. */
  for (guint k = cell->first; k < smaa->knot_u->len; k++)
    {
      double *u = &g_array_index (smaa->knot_u, double, k);

      *u = (*u - cell->low) / (cell->high - cell->low);
    }
  for (guint k = cell->first; k < smaa->knot_u->len; k++)
    {
      double slope = 0.0;

      if (k + 1 < smaa->knot_u->len)
        {
          double du = g_array_index (smaa->knot_u, double, k + 1) - g_array_index (smaa->knot_u, double, k);
          double dv = g_array_index (smaa->knot_v, double, k + 1) - g_array_index (smaa->knot_v, double, k);

          slope = du > 0.0 ? dv / du : 0.0;
        }
      g_array_append_val (smaa->knot_slope, slope);
    }
  cell->a = g_array_index (smaa->knot_v, double, cell->first);
  cell->b = g_array_index (smaa->knot_slope, double, cell->first);
  cell->peak = (cell->mode - cell->low) / (cell->high - cell->low);
  cell->index = (gsize) cell->criterion * smaa->stride + cell->option;
}

FrSmaa *
fr_smaa_new (const FrMatrix      *matrix,
             const FrSmaaParams  *params,
             GError             **error)
{
  g_autoptr(FrSmaa) smaa = NULL;
  FrSmaaParams defaults;
  guint n, m;
  g_autofree double *table = NULL;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (params == NULL)
    {
      fr_smaa_params_init (&defaults);
      params = &defaults;
    }
  n = matrix->n_options;
  m = matrix->n_criteria;
  if (n == 0 || m == 0)
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("SMAA needs at least one option and one criterion"));
      return NULL;
    }

  zig_init ();

  smaa = g_new0 (FrSmaa, 1);
  smaa->n = n;
  smaa->m = m;
  smaa->weight_mode = params->weights;
  smaa->score_mode = params->scores;
  smaa->n_samples = params->n_samples > 0 ? params->n_samples : DEFAULT_SAMPLES;
  smaa->stride = (n + 3) & ~3u;
  smaa->weights = g_new0 (double, m);
  smaa->utilities = g_new0 (double, smaa->stride);
  smaa->ranks = g_new0 (guint, n);
  smaa->rank_counts = g_new0 (guint64, (gsize) n * n);
  smaa->central_sums = g_new0 (double, (gsize) n * m);
  smaa->central = g_new0 (double, (gsize) n * m);
  smaa->confidence_counts = g_new0 (guint64, n);

  /* An own copy: the caller may change or free its matrix while a worker
   * is still refining. */
  smaa->matrix = fr_matrix_new (n, m);
  for (guint o = 0; o < n; o++)
    {
      smaa->matrix->option_ids[o] = g_strdup (matrix->option_ids[o]);
      smaa->matrix->option_names[o] = g_strdup (matrix->option_names[o]);
    }
  for (guint c = 0; c < m; c++)
    {
      FrMatrixCriterion *to = &smaa->matrix->criteria[c];
      const FrMatrixCriterion *from = &matrix->criteria[c];

      *to = *from;
      to->id = g_strdup (from->id);
      to->name = g_strdup (from->name != NULL ? from->name : from->id);
      to->value_function = from->value_function != NULL ? g_array_copy (from->value_function) : NULL;
    }
  memcpy (smaa->matrix->values, matrix->values, (gsize) n * m * sizeof (double));
  memcpy (smaa->matrix->low, matrix->low, (gsize) n * m * sizeof (double));
  memcpy (smaa->matrix->high, matrix->high, (gsize) n * m * sizeof (double));

  table = g_new (double, (gsize) n * m);
  fr_matrix_value_table (smaa->matrix, table);
  /* Padding options have value −1 everywhere, so their utility is below
   * every real option's and they never beat one; writing that into the
   * utilities instead would stall the vector loads that follow. */
  smaa->values0 = g_new0 (double, (gsize) smaa->stride * m);
  smaa->values = g_new0 (double, (gsize) smaa->stride * m);
  for (guint c = 0; c < m; c++)
    for (guint o = 0; o < smaa->stride; o++)
      smaa->values0[(gsize) c * smaa->stride + o] = o < n ? table[(gsize) o * m + c] : -1.0;
  memcpy (smaa->values, smaa->values0, (gsize) smaa->stride * m * sizeof (double));

  smaa->ranged = g_new0 (RangedCell, (gsize) n * m);
  smaa->knot_u = g_array_new (FALSE, FALSE, sizeof (double));
  smaa->knot_v = g_array_new (FALSE, FALSE, sizeof (double));
  smaa->knot_slope = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint c = 0; c < m; c++)
    {
      FrValueCurve curve;

      fr_value_curve_init (&curve, smaa->matrix, c);
      for (guint o = 0; o < n; o++)
        {
          gsize cell = (gsize) o * m + c;
          double lo = smaa->matrix->low[cell], hi = smaa->matrix->high[cell];
          RangedCell *ranged;

          if (!(hi > lo))
            continue;
          ranged = &smaa->ranged[smaa->n_ranged++];
          ranged->option = o;
          ranged->criterion = c;
          ranged->low = lo;
          ranged->high = hi;
          ranged->mode = CLAMP (smaa->matrix->values[cell], lo, hi);
          ranged->curve = curve;
          add_knots (smaa, ranged);
        }
    }
  {
    /* Sorted by kind (stable, so the order within a kind stays the table's). */
    g_autofree RangedCell *sorted = g_new (RangedCell, MAX (smaa->n_ranged, 1));
    guint k = 0;

    for (guint kind = 0; kind < 3; kind++)
      for (guint r = 0; r < smaa->n_ranged; r++)
        {
          const RangedCell *cell = &smaa->ranged[r];
          guint cell_kind = cell->direct ? 2 : cell->n == 2 ? 0 : 1;

          if (cell_kind != kind)
            continue;
          sorted[k++] = *cell;
          if (kind == 0)
            smaa->n_simple++;
          else if (kind == 1)
            smaa->n_knotted++;
        }
    if (smaa->n_ranged > 0)
      memcpy (smaa->ranged, sorted, smaa->n_ranged * sizeof (RangedCell));
  }
  smaa->n_confidence = 0;
  if (smaa->n_ranged > 0)
    smaa->n_confidence = params->n_confidence_samples > 0 ? params->n_confidence_samples : smaa->n_samples;

  rng_seed (&smaa->rng, params->seed);
  rng4_seed (smaa->simplex_rng, params->seed);
  rng_seed (&smaa->confidence_rng, params->seed ^ G_GUINT64_CONSTANT (0xc0f1de9ce5eed000));

  if (smaa->weight_mode == FR_SMAA_WEIGHTS_INTERVALS && !setup_intervals (smaa, params, error))
    return NULL;

  return g_steal_pointer (&smaa);
}

void
fr_smaa_free (FrSmaa *smaa)
{
  if (smaa == NULL)
    return;
  fr_matrix_free (smaa->matrix);
  g_free (smaa->weight_low);
  g_free (smaa->weight_width);
  g_free (smaa->box_part);
  g_free (smaa->simplex_part);
  g_free (smaa->values0);
  g_free (smaa->values);
  g_free (smaa->ranged);
  if (smaa->knot_u != NULL)
    {
      g_array_unref (smaa->knot_u);
      g_array_unref (smaa->knot_v);
      g_array_unref (smaa->knot_slope);
    }
  g_free (smaa->rank_counts);
  g_free (smaa->central_sums);
  g_free (smaa->weights);
  g_free (smaa->utilities);
  g_free (smaa->ranks);
  g_free (smaa->central);
  g_free (smaa->confidence_counts);
  g_free (smaa);
}

static inline double
draw_unit (const RangedCell *cell,
           gboolean          triangular,
           FrRng            *rng)
{
  double u = rng_uniform (rng);

  if (!triangular)
    return u;
  /* Inverse of the triangular distribution function on 0..1. */
  if (u < cell->peak)
    return sqrt (u * cell->peak);
  return 1.0 - sqrt ((1.0 - u) * (1.0 - cell->peak));
}

/* Draws every ranged cell's value: u uniform on 0..1 (or triangular,
 * peaking at the score), read off the cell's piecewise-linear table. The
 * cells are sorted by kind so that each loop runs without unpredictable
 * branches. */
static void
resample_values (FrSmaa *smaa,
                 FrRng  *rng,
                 double *values)
{
  const double *knot_u = (const double *) (const void *) smaa->knot_u->data;
  const double *knot_v = (const double *) (const void *) smaa->knot_v->data;
  const double *knot_slope = (const double *) (const void *) smaa->knot_slope->data;
  const gboolean triangular = smaa->score_mode == FR_SMAA_SCORES_TRIANGULAR;
  const guint simple_end = smaa->n_simple, knotted_end = smaa->n_simple + smaa->n_knotted;
  guint r = 0;

  for (; r < simple_end; r++)
    {
      const RangedCell *cell = &smaa->ranged[r];

      values[cell->index] = cell->a + cell->b * draw_unit (cell, triangular, rng);
    }
  for (; r < knotted_end; r++)
    {
      const RangedCell *cell = &smaa->ranged[r];
      double u = draw_unit (cell, triangular, rng);
      guint k = cell->first;

      /* The piece is the number of inner knots at or below u; equal
       * knots (a step in the value function) are both passed. */
      for (guint j = cell->first + 1; j + 1 < cell->first + cell->n; j++)
        k += knot_u[j] <= u;
      values[cell->index] = knot_v[k] + knot_slope[k] * (u - knot_u[k]);
    }
  for (; r < smaa->n_ranged; r++)
    {
      const RangedCell *cell = &smaa->ranged[r];
      double u = draw_unit (cell, triangular, rng);

      values[cell->index] = fr_value_curve_eval (&cell->curve, cell->low + u * (cell->high - cell->low));
    }
}

/* Two doubles in an SSE2 register, or four in an AVX one where the
 * processor has them (the sample loop is compiled twice, see
 * run_acceptability). Always moved through memcpy, never passed by value. */
typedef double FrV2 __attribute__ ((vector_size (16)));
typedef gint64 FrI2 __attribute__ ((vector_size (16)));
typedef double FrV4 __attribute__ ((vector_size (32)));
typedef gint64 FrI4 __attribute__ ((vector_size (32)));

static void
rank_with_ties (const double *u,
                guint         n,
                guint        *rank)
{
  for (guint i = 0; i < n; i++)
    {
      guint r = 0;

      for (guint k = 0; k < i; k++)
        r += u[k] >= u[i];
      for (guint k = i + 1; k < n; k++)
        r += u[k] > u[i];
      rank[i] = r;
    }
}

/* The acceptability pass: returns the number of samples drawn, or
 * G_MAXUINT64 when interval weights kept being rejected. */
static inline __attribute__ ((always_inline)) guint64
acceptability_loop (FrSmaa         *smaa,
                    guint64         count,
                    const gboolean  wide,
                    const guint     blocks)
{
  const guint n = smaa->n, m = smaa->m, stride = smaa->stride;
  double *restrict w = smaa->weights;
  double *restrict u = smaa->utilities;
  guint *restrict rank = smaa->ranks;
  const double *restrict values = smaa->values;
  guint64 *restrict counts = smaa->rank_counts;
  double *restrict central = smaa->central_sums;
  const gboolean simplex = smaa->weight_mode == FR_SMAA_WEIGHTS_SIMPLEX;
  FrRng rng = smaa->rng;
  FrU4 streams[4];

  memcpy (streams, smaa->simplex_rng, sizeof streams);

  for (guint64 s = 0; s < count; s++)
    {
      double total = 1.0;
      guint winner = 0;

      if (simplex)
        {
          for (guint c = 0; c < m; c += 4)
            exponentials4 (streams, &rng, w + c, MIN (m - c, 4));
          total = 0.0;
          for (guint c = 0; c < m; c++)
            total += w[c];
        }
      else if (smaa->n_simplex + smaa->n_box > 0)
        {
          guint rejections = 0;

          while (!draw_interval_weights (smaa, &rng, w))
            if (++rejections >= MAX_REJECTIONS)
              {
                smaa->rng = rng;
                memcpy (smaa->simplex_rng, streams, sizeof streams);
                return G_MAXUINT64;
              }
          for (guint c = 0; c < m; c++)
            if (smaa->weight_width[c] == 0.0)
              w[c] = smaa->weight_low[c];
        }
      else
        memcpy (w, smaa->weight_low, m * sizeof (double));

      if (smaa->n_ranged > 0)
        resample_values (smaa, &rng, smaa->values);

      /* Utilities are a sweep down the columns, four options at a time.
       * Ranks are counted, not sorted: an option's rank is the number of
       * options with a strictly higher utility. Exact ties (identical
       * options) break towards the option listed first, so that the ranks
       * of a sample are always a permutation; they are found by the ranks
       * not being one. */
      if (blocks > 0)
        {
          /* Up to 16 options: the utilities stay in registers from the
           * sweep to the ranking, every loop unrolled. */
          guint64 seen = 0;

          if (wide)
            {
              FrV4 acc[4] = { { 0 } };

              for (guint c = 0; c < m; c++)
                {
                  const FrV4 wc = { w[c], w[c], w[c], w[c] };

#pragma GCC unroll 4
                  for (guint b = 0; b < blocks; b++)
                    {
                      FrV4 column;

                      memcpy (&column, values + (gsize) c * stride + 4 * b, sizeof column);
                      acc[b] += wc * column;
                    }
                }
              FrI4 beaten[4] = { { 0 } };

              /* Each utility, taken from its register, against four
               * options at a time: no trip through memory and no sums
               * across a register. */
#pragma GCC unroll 4
              for (guint bj = 0; bj < blocks; bj++)
#pragma GCC unroll 4
                for (guint l = 0; l < 4; l++)
                  if (4 * bj + l < n)
                    {
                      const double x = acc[bj][l];
                      const FrV4 xv = { x, x, x, x };

#pragma GCC unroll 4
                      for (guint b = 0; b < blocks; b++)
                        beaten[b] -= (FrI4) (xv > acc[b]);
                    }
#pragma GCC unroll 4
              for (guint b = 0; b < blocks; b++)
#pragma GCC unroll 4
                for (guint l = 0; l < 4; l++)
                  if (4 * b + l < n)
                    {
                      const guint r = (guint) beaten[b][l];

                      rank[4 * b + l] = r;
                      counts[(gsize) (4 * b + l) * n + r]++;
                      seen |= G_GUINT64_CONSTANT (1) << r;
                      winner = r == 0 ? 4 * b + l : winner;
                    }
              if (seen != (G_GUINT64_CONSTANT (1) << n) - 1)
                memcpy (u, acc, blocks * sizeof acc[0]);
            }
          else
            {
              FrV2 acc[8] = { { 0 } };

              for (guint c = 0; c < m; c++)
                {
                  const FrV2 wc = { w[c], w[c] };

#pragma GCC unroll 8
                  for (guint b = 0; b < 2 * blocks; b++)
                    {
                      FrV2 column;

                      memcpy (&column, values + (gsize) c * stride + 2 * b, sizeof column);
                      acc[b] += wc * column;
                    }
                }
              FrI2 beaten[8] = { { 0 } };

#pragma GCC unroll 8
              for (guint bj = 0; bj < 2 * blocks; bj++)
#pragma GCC unroll 2
                for (guint l = 0; l < 2; l++)
                  if (2 * bj + l < n)
                    {
                      const double x = acc[bj][l];
                      const FrV2 xv = { x, x };

#pragma GCC unroll 8
                      for (guint b = 0; b < 2 * blocks; b++)
                        beaten[b] -= (FrI2) (xv > acc[b]);
                    }
#pragma GCC unroll 8
              for (guint b = 0; b < 2 * blocks; b++)
#pragma GCC unroll 2
                for (guint l = 0; l < 2; l++)
                  if (2 * b + l < n)
                    {
                      const guint r = (guint) beaten[b][l];

                      rank[2 * b + l] = r;
                      counts[(gsize) (2 * b + l) * n + r]++;
                      seen |= G_GUINT64_CONSTANT (1) << r;
                      winner = r == 0 ? 2 * b + l : winner;
                    }
              if (seen != (G_GUINT64_CONSTANT (1) << n) - 1)
                memcpy (u, acc, 2 * blocks * sizeof acc[0]);
            }
          if (seen != (G_GUINT64_CONSTANT (1) << n) - 1)
            {
              /* Exact ties: counted again under the tie rule. */
              for (guint i = 0; i < n; i++)
                counts[(gsize) i * n + rank[i]]--;
              rank_with_ties (u, n, rank);
              for (guint i = 0; i < n; i++)
                {
                  counts[(gsize) i * n + rank[i]]++;
                  if (rank[i] == 0)
                    winner = i;
                }
            }
        }
      else
        {
          guint64 seen = 0;

          for (guint b = 0; b < stride; b += 4)
            {
              FrV2 a0 = { 0.0, 0.0 }, a1 = { 0.0, 0.0 };

              for (guint c = 0; c < m; c++)
                {
                  FrV2 wc = { w[c], w[c] };
                  FrV2 c0, c1;

                  memcpy (&c0, values + (gsize) c * stride + b, sizeof c0);
                  memcpy (&c1, values + (gsize) c * stride + b + 2, sizeof c1);
                  a0 += wc * c0;
                  a1 += wc * c1;
                }
              memcpy (u + b, &a0, sizeof a0);
              memcpy (u + b + 2, &a1, sizeof a1);
            }
          for (guint i = 0; i < n; i++)
            {
              const FrV2 ui = { u[i], u[i] };
              FrI2 beaten = { 0, 0 };

              for (guint b = 0; b < stride; b += 2)
                {
                  FrV2 block;

                  memcpy (&block, u + b, sizeof block);
                  beaten -= (FrI2) (block > ui);
                }
              rank[i] = (guint) (beaten[0] + beaten[1]);
              seen |= G_GUINT64_CONSTANT (1) << (rank[i] & 63);
            }
          if (n > 64 || seen != (n == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << n) - 1))
            rank_with_ties (u, n, rank);
          for (guint i = 0; i < n; i++)
            {
              counts[(gsize) i * n + rank[i]]++;
              if (rank[i] == 0)
                winner = i;
            }
        }

      {
        const double scale = 1.0 / total;
        double *restrict sums = central + (gsize) winner * m;

        guint c = 0;

        /* Element by element as in the scalar loop, four at a time. */
        for (; c + 4 <= m; c += 4)
          {
            const FrV4 sv = { scale, scale, scale, scale };
            FrV4 wv, acc;

            memcpy (&wv, w + c, sizeof wv);
            memcpy (&acc, sums + c, sizeof acc);
            acc += wv * sv;
            memcpy (sums + c, &acc, sizeof acc);
          }
        for (; c < m; c++)
          sums[c] += w[c] * scale;
      }
    }
  smaa->rng = rng;
  memcpy (smaa->simplex_rng, streams, sizeof streams);
  return count;
}

#if defined (__GNUC__) && defined (__x86_64__)
#define FR_SMAA_DISPATCH 1

/* The same loop for processors with AVX2: the same operations in the same
 * order (no fused multiply-add), so the same numbers, twice as wide. */
__attribute__ ((target ("avx2"))) static guint64
run_acceptability_avx2 (FrSmaa  *smaa,
                        guint64  count)
{
  switch (smaa->stride / 4)
    {
    case 1: return acceptability_loop (smaa, count, TRUE, 1);
    case 2: return acceptability_loop (smaa, count, TRUE, 2);
    case 3: return acceptability_loop (smaa, count, TRUE, 3);
    case 4: return acceptability_loop (smaa, count, TRUE, 4);
    default: return acceptability_loop (smaa, count, FALSE, 0);
    }
}
#endif

static guint64
run_acceptability_generic (FrSmaa  *smaa,
                           guint64  count)
{
  switch (smaa->stride / 4)
    {
    case 1: return acceptability_loop (smaa, count, FALSE, 1);
    case 2: return acceptability_loop (smaa, count, FALSE, 2);
    case 3: return acceptability_loop (smaa, count, FALSE, 3);
    case 4: return acceptability_loop (smaa, count, FALSE, 4);
    default: return acceptability_loop (smaa, count, FALSE, 0);
    }
}

static guint64
run_acceptability (FrSmaa  *smaa,
                   guint64  count)
{
#ifdef FR_SMAA_DISPATCH
  /* FRONTIER_SMAA_GENERIC lets the tests check that both loops agree. */
  if (__builtin_cpu_supports ("avx2") && g_getenv ("FRONTIER_SMAA_GENERIC") == NULL)
    return run_acceptability_avx2 (smaa, count);
#endif
  return run_acceptability_generic (smaa, count);
}

/* Is @leader first among @u under the tie rule of the acceptability
 * pass? Counted without early exits, which would mispredict. */
static inline gboolean
is_first (const double *u,
          guint         n,
          guint         leader)
{
  guint ahead = 0;

  for (guint k = 0; k < leader; k++)
    ahead += u[k] >= u[leader];
  for (guint k = leader + 1; k < n; k++)
    ahead += u[k] > u[leader];
  return ahead == 0;
}

static void
update_central (FrSmaa *smaa)
{
  for (guint i = 0; i < smaa->n; i++)
    {
      guint64 firsts = smaa->rank_counts[(gsize) i * smaa->n];

      for (guint c = 0; c < smaa->m; c++)
        smaa->central[(gsize) i * smaa->m + c] =
          firsts > 0 ? smaa->central_sums[(gsize) i * smaa->m + c] / (double) firsts : 0.0;
    }
}

static void
freeze_central (FrSmaa *smaa)
{
  update_central (smaa);
  smaa->frozen = TRUE;
}

/* The confidence pass: scores vary, each leader's weights are its central
 * weights. The value table holds the fixed cells already, so a sample
 * redraws the ranged ones and sweeps the columns once per leader. */
static void
run_confidence (FrSmaa  *smaa,
                guint64  count)
{
  const guint n = smaa->n, m = smaa->m, stride = smaa->stride;
  double *u = smaa->utilities;
  const double *values = smaa->values;

  for (guint64 s = 0; s < count; s++)
    {
      resample_values (smaa, &smaa->confidence_rng, smaa->values);
      for (guint i = 0; i < n; i++)
        {
          const double *central = smaa->central + (gsize) i * m;

          if (smaa->rank_counts[(gsize) i * n] == 0)
            continue;
          for (guint b = 0; b < stride; b += 4)
            {
              FrV2 a0 = { 0.0, 0.0 }, a1 = { 0.0, 0.0 };

              for (guint c = 0; c < m; c++)
                {
                  const FrV2 wc = { central[c], central[c] };
                  FrV2 c0, c1;

                  memcpy (&c0, values + (gsize) c * stride + b, sizeof c0);
                  memcpy (&c1, values + (gsize) c * stride + b + 2, sizeof c1);
                  a0 += wc * c0;
                  a1 += wc * c1;
                }
              memcpy (u + b, &a0, sizeof a0);
              memcpy (u + b + 2, &a1, sizeof a1);
            }
          smaa->confidence_counts[i] += is_first (u, n, i);
        }
    }
}

gboolean
fr_smaa_run_chunk (FrSmaa        *smaa,
                   guint64        n_samples,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (smaa != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while (n_samples > 0 && !fr_smaa_is_done (smaa))
    {
      guint64 step = MIN (n_samples, CANCEL_CHECK_EVERY);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (smaa->done < smaa->n_samples)
        {
          step = MIN (step, smaa->n_samples - smaa->done);
          if (run_acceptability (smaa, step) == G_MAXUINT64)
            {
              g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                                   _("The weight intervals leave almost no room for weights that add up to 100%; widen them"));
              return FALSE;
            }
          smaa->done += step;
        }
      else
        {
          if (!smaa->frozen)
            freeze_central (smaa);
          step = MIN (step, smaa->n_confidence - smaa->confidence_done);
          run_confidence (smaa, step);
          smaa->confidence_done += step;
        }
      n_samples -= step;
    }
  return TRUE;
}

gboolean
fr_smaa_run (FrSmaa        *smaa,
             GCancellable  *cancellable,
             GError       **error)
{
  g_return_val_if_fail (smaa != NULL, FALSE);

  return fr_smaa_run_chunk (smaa, G_MAXUINT64, cancellable, error);
}

gboolean
fr_smaa_is_done (const FrSmaa *smaa)
{
  g_return_val_if_fail (smaa != NULL, TRUE);

  return smaa->done >= smaa->n_samples && smaa->confidence_done >= smaa->n_confidence;
}

double
fr_smaa_get_progress (const FrSmaa *smaa)
{
  g_return_val_if_fail (smaa != NULL, 1.0);

  return (double) (smaa->done + smaa->confidence_done) /
         (double) (smaa->n_samples + smaa->n_confidence);
}

guint
fr_smaa_get_n_options (const FrSmaa *smaa)
{
  g_return_val_if_fail (smaa != NULL, 0);
  return smaa->n;
}

guint
fr_smaa_get_n_criteria (const FrSmaa *smaa)
{
  g_return_val_if_fail (smaa != NULL, 0);
  return smaa->m;
}

guint64
fr_smaa_get_n_samples (const FrSmaa *smaa)
{
  g_return_val_if_fail (smaa != NULL, 0);
  return smaa->done;
}

double
fr_smaa_get_acceptability (const FrSmaa *smaa,
                           guint         option,
                           guint         rank)
{
  g_return_val_if_fail (smaa != NULL, 0.0);
  g_return_val_if_fail (option < smaa->n && rank < smaa->n, 0.0);

  if (smaa->done == 0)
    return 0.0;
  return (double) smaa->rank_counts[(gsize) option * smaa->n + rank] / (double) smaa->done;
}

gboolean
fr_smaa_get_central_weights (const FrSmaa *smaa,
                             guint         option,
                             double       *weights)
{
  guint64 firsts;

  g_return_val_if_fail (smaa != NULL, FALSE);
  g_return_val_if_fail (option < smaa->n, FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  firsts = smaa->rank_counts[(gsize) option * smaa->n];
  for (guint c = 0; c < smaa->m; c++)
    weights[c] = firsts > 0 ? smaa->central_sums[(gsize) option * smaa->m + c] / (double) firsts : 0.0;
  return firsts > 0;
}

double
fr_smaa_get_confidence (const FrSmaa *smaa,
                        guint         option)
{
  guint n, m;

  g_return_val_if_fail (smaa != NULL, NAN);
  g_return_val_if_fail (option < smaa->n, NAN);

  n = smaa->n;
  m = smaa->m;

  if (smaa->rank_counts[(gsize) option * n] == 0)
    return smaa->done > 0 ? 0.0 : NAN;

  if (smaa->n_ranged == 0)
    {
      /* Scores are fixed: the confidence factor is exact, 1 when the
       * option is first at its central weights and 0 otherwise. */
      g_autofree double *central = g_new (double, m);
      g_autofree double *u = g_new0 (double, n);

      fr_smaa_get_central_weights (smaa, option, central);
      for (guint c = 0; c < m; c++)
        for (guint o = 0; o < n; o++)
          u[o] += central[c] * smaa->values0[(gsize) c * smaa->stride + o];
      return is_first (u, n, option) ? 1.0 : 0.0;
    }

  if (smaa->confidence_done == 0)
    return NAN;
  return (double) smaa->confidence_counts[option] / (double) smaa->confidence_done;
}

FrSmaaResult *
fr_smaa_get_result (const FrSmaa *smaa)
{
  FrSmaaResult *result;
  guint n, m;

  g_return_val_if_fail (smaa != NULL, NULL);

  n = smaa->n;
  m = smaa->m;
  result = g_new0 (FrSmaaResult, 1);
  result->n_options = n;
  result->n_criteria = m;
  result->n_samples = smaa->done;
  result->progress = fr_smaa_get_progress (smaa);
  result->acceptability = g_new (double, (gsize) n * n);
  result->central_weights = g_new (double, (gsize) n * m);
  result->confidence = g_new (double, n);
  for (guint o = 0; o < n; o++)
    {
      for (guint r = 0; r < n; r++)
        result->acceptability[(gsize) o * n + r] = fr_smaa_get_acceptability (smaa, o, r);
      fr_smaa_get_central_weights (smaa, o, result->central_weights + (gsize) o * m);
      result->confidence[o] = fr_smaa_get_confidence (smaa, o);
    }
  return result;
}

void
fr_smaa_result_free (FrSmaaResult *result)
{
  if (result == NULL)
    return;
  g_free (result->acceptability);
  g_free (result->central_weights);
  g_free (result->confidence);
  g_free (result);
}
