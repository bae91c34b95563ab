/* fr-promethee.c — outranking flows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brans, J. P. and Vincke, Ph. (1985) "A preference ranking organisation
 * method (The PROMETHEE method for multiple criteria decision-making)",
 * Management Science 31(6), 647–656; Brans, J. P., Vincke, Ph. and
 * Mareschal, B. (1986) "How to select and how to rank projects: The
 * PROMETHEE method", EJOR 24, 228–238. The six generalised criteria are
 * theirs; flows are normalised by n − 1 as in the 1986 paper.
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-error.h"
#include "fr-promethee.h"

double
fr_promethee_preference (const FrPreference *preference,
                         double              d)
{
  g_return_val_if_fail (preference != NULL, 0.0);

  if (!(d > 0.0))
    return 0.0;
  switch (preference->kind)
    {
    case FR_PREF_USUAL:
      return 1.0;
    case FR_PREF_USHAPE:
      return d > preference->q ? 1.0 : 0.0;
    case FR_PREF_VSHAPE:
      return d > preference->p ? 1.0 : d / preference->p;
    case FR_PREF_LEVEL:
      if (d > preference->p)
        return 1.0;
      return d > preference->q ? 0.5 : 0.0;
    case FR_PREF_LINEAR:
      if (d > preference->p)
        return 1.0;
      if (d > preference->q)
        return (d - preference->q) / (preference->p - preference->q);
      return 0.0;
    case FR_PREF_GAUSSIAN:
      return -expm1 (-d * d / (2.0 * preference->s * preference->s));
    default:
      g_return_val_if_reached (0.0);
    }
}

gboolean
fr_promethee_check_preference (const FrPreference  *preference,
                               const char          *criterion_name,
                               GError             **error)
{
  const FrPreference *f = preference;
  const char *problem = NULL;

  g_return_val_if_fail (preference != NULL, FALSE);

  switch (f->kind)
    {
    case FR_PREF_USUAL:
      break;
    case FR_PREF_USHAPE:
      if (!(isfinite (f->q) && f->q >= 0.0))
        problem = _("the indifference threshold q must be a number ≥ 0");
      break;
    case FR_PREF_VSHAPE:
      if (!(isfinite (f->p) && f->p > 0.0))
        problem = _("the preference threshold p must be a number > 0");
      break;
    case FR_PREF_LEVEL:
    case FR_PREF_LINEAR:
      if (!(isfinite (f->q) && f->q >= 0.0))
        problem = _("the indifference threshold q must be a number ≥ 0");
      else if (!(isfinite (f->p) && f->p > f->q))
        problem = _("the preference threshold p must be a number greater than q");
      break;
    case FR_PREF_GAUSSIAN:
      if (!(isfinite (f->s) && f->s > 0.0))
        problem = _("the Gaussian parameter s must be a number > 0");
      break;
    default:
      problem = _("unknown preference function");
      break;
    }
  if (problem == NULL)
    return TRUE;
  g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
               _("Preference function of criterion “%s”: %s"),
               criterion_name != NULL ? criterion_name : "?", problem);
  return FALSE;
}

typedef struct {
  double y;
  guint index;
} Entry;

/* One step of a branch-free merge: on shuffled scores the comparison is a
 * coin toss, and mispredicting it cost more than the merge itself. */
#define MERGE_STEP(src, dst, i, j, k) \
  G_STMT_START { \
    gboolean take_j_ = (src)[j].y < (src)[i].y; \
    (dst)[(k)++] = *(take_j_ ? &(src)[j] : &(src)[i]); \
    (j) += take_j_; \
    (i) += !take_j_; \
  } G_STMT_END

static void
merge_finish (const Entry *src,
              Entry       *dst,
              guint        i,
              guint        mid,
              guint        j,
              guint        hi,
              guint        k)
{
  while (i < mid && j < hi)
    MERGE_STEP (src, dst, i, j, k);
  while (i < mid)
    dst[k++] = src[i++];
  while (j < hi)
    dst[k++] = src[j++];
}

/* Sorts @a ascending by y with @tmp as scratch (not stably: equal scores
 * get equal flows whatever their order): insertion sort on runs of 8, then
 * bottom-up merging. qsort's indirect comparisons cost more than the rest
 * of the flow computation put together. Each merge step waits for the
 * previous one's comparison, so two merges of the same pass run
 * interleaved, to keep two independent chains in flight. */
static void
sort_entries (Entry *a,
              Entry *tmp,
              guint  n)
{
  const guint run = 8;
  Entry *src = a, *dst = tmp;

  for (guint start = 0; start < n; start += run)
    {
      guint end = MIN (start + run, n);
      for (guint i = start + 1; i < end; i++)
        {
          Entry e = a[i];
          guint j = i;
          while (j > start && a[j - 1].y > e.y)
            {
              a[j] = a[j - 1];
              j--;
            }
          a[j] = e;
        }
    }
  for (guint width = run; width < n; width *= 2)
    {
      guint lo = 0;

      for (; lo + 2 * width < n; lo += 4 * width)
        {
          guint lo2 = lo + 2 * width;
          guint mid1 = lo + width, hi1 = lo2;
          guint mid2 = MIN (lo2 + width, n), hi2 = MIN (lo2 + 2 * width, n);
          guint i1 = lo, j1 = mid1, k1 = lo, i2 = lo2, j2 = mid2, k2 = lo2;

          while (i1 < mid1 && j1 < hi1 && i2 < mid2 && j2 < hi2)
            {
              MERGE_STEP (src, dst, i1, j1, k1);
              MERGE_STEP (src, dst, i2, j2, k2);
            }
          merge_finish (src, dst, i1, mid1, j1, hi1, k1);
          merge_finish (src, dst, i2, mid2, j2, hi2, k2);
        }
      if (lo < n)
        merge_finish (src, dst, lo, MIN (lo + width, n), MIN (lo + width, n), n, lo);
      {
        Entry *t = src;
        src = dst;
        dst = t;
      }
    }
  if (src != a)
    memcpy (a, src, sizeof (Entry) * n);
}

/* One criterion, a piecewise-linear function: 0 for d ≤ t1, band(d) for
 * t1 < d ≤ t2, 1 beyond t2, where band is ½ (level) or linear. Options are
 * visited in ascending order, so every threshold crossing only moves
 * forward through the sorted column; the crossings are tested on the same
 * rounded differences the definition uses, so ties at a threshold agree
 * with fr_promethee_preference exactly. */
static void
column_flows_sorted (const Entry *sorted,
                     const double *prefix,   /* n + 1 centred prefix sums */
                     double        centre,
                     guint         n,
                     double        t1,
                     double        t2,
                     gboolean      level,
                     double       *out_pos,  /* indexed by option, stride m */
                     double       *out_neg,
                     guint         stride,
                     double        scale)
{
  /* Below: first i with y − ys[i] ≤ t (all before it are preferred by more
   * than t). Above: first i with ys[i] − y > t. */
  guint below1 = 0, below2 = 0, above1 = 0, above2 = 0;
  double width = t2 - t1;

  for (guint k = 0; k < n; k++)
    {
      double y = sorted[k].y;
      double yc = y - centre;
      double pos, neg;
      guint band;

      /* A pointer usually moves by zero or one place per option, which a
       * loop branch mispredicts about half the time; one step without a
       * branch, then the loop for the rare longer moves. The bounds are
       * tested first so that no entry past the end is read. */
      below1 += below1 < n && y - sorted[MIN (below1, n - 1)].y > t1;
      below2 += below2 < n && y - sorted[MIN (below2, n - 1)].y > t2;
      above1 += above1 < n && !(sorted[MIN (above1, n - 1)].y - y > t1);
      above2 += above2 < n && !(sorted[MIN (above2, n - 1)].y - y > t2);
      while (below1 < n && y - sorted[below1].y > t1)
        below1++;
      while (below2 < n && y - sorted[below2].y > t2)
        below2++;
      while (above1 < n && !(sorted[above1].y - y > t1))
        above1++;
      while (above2 < n && !(sorted[above2].y - y > t2))
        above2++;

      /* φ⁺: [0, below2) full preference, [below2, below1) in the band. */
      pos = below2;
      band = below1 - below2;
      if (band > 0 && width > 0.0)
        {
          if (level)
            pos += 0.5 * band;
          else
            pos += (band * (yc - t1) - (prefix[below1] - prefix[below2])) / width;
        }
      /* φ⁻: [above2, n) full, [above1, above2) in the band. */
      neg = n - above2;
      band = above2 - above1;
      if (band > 0 && width > 0.0)
        {
          if (level)
            neg += 0.5 * band;
          else
            neg += ((prefix[above2] - prefix[above1]) - band * (yc + t1)) / width;
        }
      out_pos[(gsize) sorted[k].index * stride] = pos * scale;
      out_neg[(gsize) sorted[k].index * stride] = neg * scale;
    }
}

/* e^(−x) for 0 ≤ x ≤ GAUSS_CLAMP (Tang's table method): x = (64 m + j)
 * ln 2 / 64 + r with |r| ≤ ln 2 / 128, e^(−x) = 2^m · 2^(j/64) · e^r, a
 * 64-entry table for 2^(j/64) and a degree-5 Taylor polynomial for e^r
 * (truncation below 2^−54 relative). The relative error stays below
 * 1e-14 (k · ln 2/64 is no longer exact past x ≈ 22, where e^(−x) is
 * tiny), so 1 − e^(−x) is within 4e-16 of the true preference.
 * libm's expm1 cannot be vectorised and was most of the cost of the
 * Gaussian flows; this form runs several lanes at a time through GCC's
 * generic vectors (two per instruction on plain SSE2). Beyond
 * GAUSS_CLAMP, e^(−x) < 2^−57, so 1 − e^(−x) rounds to 1 exactly as
 * −expm1 (−x) does. */
#define GAUSS_CLAMP 40.0
#define EXP_TABLE_BITS 6
#define EXP_TABLE_SIZE (1 << EXP_TABLE_BITS)

#define FR_GAUSS_LANES 4
typedef double FrVd __attribute__ ((vector_size (8 * FR_GAUSS_LANES)));
typedef guint64 FrVu __attribute__ ((vector_size (8 * FR_GAUSS_LANES)));

static const double exp_shifter = 0x1.8p52;   /* adding it rounds to an integer */
static const double exp_scale = 0x1.71547652b82fep0 * EXP_TABLE_SIZE;   /* 64 / ln 2 */
static const double exp_step_hi = 0x1.62e42fefa3800p-1 / EXP_TABLE_SIZE;
static const double exp_step_lo = 0x1.ef35793c76730p-45 / EXP_TABLE_SIZE;

/* Bit patterns of 2^(j/64), j = 0 … 63; filled once. */
static guint64 exp_table[EXP_TABLE_SIZE];

static void
exp_table_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint j = 0; j < EXP_TABLE_SIZE; j++)
        {
          double v = exp2 ((double) j / EXP_TABLE_SIZE);
          memcpy (&exp_table[j], &v, sizeof v);
        }
      g_once_init_leave (&done, 1);
    }
}

#define EXP_POLY(r, r2) \
  (((1.0 + (r)) + (1.0 / 2 + (r) * (1.0 / 6)) * (r2)) \
   + ((1.0 / 24 + (r) * (1.0 / 120)) * ((r2) * (r2))))

static inline double
exp_neg (double x)
{
  double t = -x, big = t * exp_scale + exp_shifter;
  double k = big - exp_shifter;
  double r = (t - k * exp_step_hi) - k * exp_step_lo;
  double r2 = r * r, scale;
  guint64 n, j, bits;

  memcpy (&n, &big, sizeof n);
  n -= G_GUINT64_CONSTANT (0x4338000000000000);
  j = n & (EXP_TABLE_SIZE - 1);
  /* (n − j) = 64 m; shifting it by 46 adds m to the exponent field. */
  bits = exp_table[j] + ((n - j) << (52 - EXP_TABLE_BITS));
  memcpy (&scale, &bits, sizeof scale);
  return EXP_POLY (r, r2) * scale;
}

/* Through pointers: returning a vector wider than the baseline ABI's
 * registers draws a psABI warning. */
static inline void
exp_neg_v (const FrVd *xp,
           FrVd       *out)
{
  FrVd x = *xp;
  FrVd t = -x, big = t * exp_scale + exp_shifter;
  FrVd k = big - exp_shifter;
  FrVd r = (t - k * exp_step_hi) - k * exp_step_lo;
  FrVd r2 = r * r;
  FrVu n = (FrVu) big - G_GUINT64_CONSTANT (0x4338000000000000);
  FrVu j = n & (EXP_TABLE_SIZE - 1);
  FrVu bits;

  for (guint l = 0; l < FR_GAUSS_LANES; l++)
    bits[l] = exp_table[j[l]];
  bits += (n - j) << (52 - EXP_TABLE_BITS);
  *out = EXP_POLY (r, r2) * (FrVd) bits;
}

/* Four lanes fill an AVX2 register; where the compiler can, it builds an
 * AVX2 clone beside the SSE2 baseline and picks one at load time. Both do
 * the same operations in the same order (no FMA), so they agree bit for
 * bit. */
#if defined(__x86_64__) && defined(__GNUC__) && defined(__has_attribute)
#if __has_attribute (target_clones)
#define FR_GAUSS_CLONES __attribute__ ((target_clones ("avx2", "default")))
#endif
#endif
#ifndef FR_GAUSS_CLONES
#define FR_GAUSS_CLONES
#endif

/* One criterion with the Gaussian function. On the sorted column every
 * difference y_j − y_i (j > i) is ≥ 0, so each pair is evaluated once, with
 * no branch: its preference adds to φ⁻ of i and φ⁺ of j. Equal scores give
 * e^0 = 1 exactly and so no preference, as in the definition. */
FR_GAUSS_CLONES static void
column_flows_gaussian (const Entry *sorted,
                       double      *ys,      /* n scratch */
                       double      *pos,     /* n scratch */
                       guint        n,
                       double       s,
                       double      *out_pos,
                       double      *out_neg,
                       guint        stride,
                       double       scale)
{
  double inv = 1.0 / (2.0 * s * s);
  FrVd clamp, zero;

  exp_table_init ();
  memset (&zero, 0, sizeof zero);
  clamp = zero + GAUSS_CLAMP;

  for (guint i = 0; i < n; i++)
    {
      ys[i] = sorted[i].y;
      pos[i] = 0.0;
    }
  for (guint i = 0; i < n; i++)
    {
      double yi = ys[i], neg = 0.0;
      FrVd negv = zero;
      guint j = i + 1;

      for (; j + FR_GAUSS_LANES <= n; j += FR_GAUSS_LANES)
        {
          FrVd y, p, d, x, e, h;

          memcpy (&y, ys + j, sizeof y);
          memcpy (&p, pos + j, sizeof p);
          d = y - yi;
          x = d * d * inv;
          x = (FrVd) (((FrVu) x & (FrVu) (x < clamp)) | ((FrVu) clamp & ~(FrVu) (x < clamp)));
          exp_neg_v (&x, &e);
          h = 1.0 - e;
          negv += h;
          p += h;
          memcpy (pos + j, &p, sizeof p);
        }
      for (; j < n; j++)
        {
          double d = ys[j] - yi;
          double x = MIN (d * d * inv, GAUSS_CLAMP);
          double h = 1.0 - exp_neg (x);
          neg += h;
          pos[j] += h;
        }
      for (guint l = 0; l < FR_GAUSS_LANES; l++)
        neg += negv[l];
      out_neg[(gsize) sorted[i].index * stride] = neg * scale;
    }
  for (guint i = 0; i < n; i++)
    out_pos[(gsize) sorted[i].index * stride] = pos[i] * scale;
}

gboolean
fr_promethee_unicriterion_flows (const FrMatrix  *matrix,
                                 double          *positive,
                                 double          *negative,
                                 GError         **error)
{
  g_autofree Entry *sorted = NULL;
  g_autofree Entry *scratch = NULL;
  g_autofree double *prefix = NULL;
  g_autofree double *column = NULL;
  guint n, m;
  double scale;

  g_return_val_if_fail (matrix != NULL, FALSE);

  n = matrix->n_options;
  m = matrix->n_criteria;
  for (guint j = 0; j < m; j++)
    if (!fr_promethee_check_preference (&matrix->criteria[j].preference,
                                        matrix->criteria[j].name, error))
      return FALSE;
  if (n == 0 || m == 0)
    return TRUE;
  g_return_val_if_fail (positive != NULL && negative != NULL, FALSE);

  scale = n > 1 ? 1.0 / (n - 1) : 0.0;
  sorted = g_new (Entry, n);
  scratch = g_new (Entry, n);
  prefix = g_new (double, n + 1);
  column = g_new (double, n);

  for (guint j = 0; j < m; j++)
    {
      const FrPreference *f = &matrix->criteria[j].preference;
      double sign = matrix->criteria[j].direction == FR_DIRECTION_COST ? -1.0 : 1.0;
      double t1 = 0.0, t2 = 0.0, centre;

      for (guint o = 0; o < n; o++)
        column[o] = sign * matrix->values[(gsize) o * m + j];

      for (guint o = 0; o < n; o++)
        {
          sorted[o].y = column[o];
          sorted[o].index = o;
        }
      sort_entries (sorted, scratch, n);
      if (f->kind == FR_PREF_GAUSSIAN)
        {
          column_flows_gaussian (sorted, column, prefix, n, f->s,
                                 positive + j, negative + j, m, scale);
          continue;
        }
      /* Centring the prefix sums keeps the band sums accurate when the
       * scores are large and the thresholds small. */
      centre = sorted[n / 2].y;
      prefix[0] = 0.0;
      for (guint i = 0; i < n; i++)
        prefix[i + 1] = prefix[i] + (sorted[i].y - centre);

      switch (f->kind)
        {
        case FR_PREF_USUAL:
          break;
        case FR_PREF_USHAPE:
          t1 = t2 = f->q;
          break;
        case FR_PREF_VSHAPE:
          t2 = f->p;
          break;
        case FR_PREF_LEVEL:
        case FR_PREF_LINEAR:
          t1 = f->q;
          t2 = f->p;
          break;
        case FR_PREF_GAUSSIAN:
        default:
          g_assert_not_reached ();
        }
      column_flows_sorted (sorted, prefix, centre, n, t1, t2, f->kind == FR_PREF_LEVEL,
                           positive + j, negative + j, m, scale);
    }
  return TRUE;
}

void
fr_promethee_flows_from_unicriterion (const double *unicriterion_positive,
                                      const double *unicriterion_negative,
                                      guint         n_options,
                                      guint         n_criteria,
                                      const double *weights,
                                      double       *positive,
                                      double       *negative,
                                      double       *net)
{
  double total = 0.0, inv;
  guint m = n_criteria;

  for (guint j = 0; j < m; j++)
    total += weights[j];
  inv = total > 0.0 ? 1.0 / total : 0.0;

  for (guint o = 0; o < n_options; o++)
    {
      const double *pr = unicriterion_positive + (gsize) o * m;
      const double *nr = unicriterion_negative + (gsize) o * m;
      double pos = 0.0, neg = 0.0;

      for (guint j = 0; j < m; j++)
        {
          pos += weights[j] * pr[j];
          neg += weights[j] * nr[j];
        }
      pos *= inv;
      neg *= inv;
      if (positive != NULL)
        positive[o] = pos;
      if (negative != NULL)
        negative[o] = neg;
      if (net != NULL)
        net[o] = pos - neg;
    }
}

gboolean
fr_promethee_flows (const FrMatrix  *matrix,
                    const double    *weights,
                    double          *positive,
                    double          *negative,
                    double          *net,
                    GError         **error)
{
  g_autofree double *pos = NULL;
  g_autofree double *neg = NULL;
  gsize cells;

  g_return_val_if_fail (matrix != NULL, FALSE);

  cells = MAX ((gsize) matrix->n_options * matrix->n_criteria, 1);
  pos = g_new0 (double, cells);
  neg = g_new0 (double, cells);
  if (!fr_promethee_unicriterion_flows (matrix, pos, neg, error))
    return FALSE;
  fr_promethee_flows_from_unicriterion (pos, neg, matrix->n_options, matrix->n_criteria,
                                        weights, positive, negative, net);
  return TRUE;
}

double
fr_promethee_pi (const FrMatrix *matrix,
                 const double   *weights,
                 guint           a,
                 guint           b)
{
  double total = 0.0, sum = 0.0;
  guint m;

  g_return_val_if_fail (matrix != NULL && weights != NULL, 0.0);
  g_return_val_if_fail (a < matrix->n_options && b < matrix->n_options, 0.0);

  m = matrix->n_criteria;
  for (guint j = 0; j < m; j++)
    {
      double d = matrix->values[(gsize) a * m + j] - matrix->values[(gsize) b * m + j];
      if (matrix->criteria[j].direction == FR_DIRECTION_COST)
        d = matrix->values[(gsize) b * m + j] - matrix->values[(gsize) a * m + j];
      sum += weights[j] * fr_promethee_preference (&matrix->criteria[j].preference, d);
      total += weights[j];
    }
  return total > 0.0 ? sum / total : 0.0;
}

FrPrometheeRelation
fr_promethee_relation (const double *positive,
                       const double *negative,
                       guint         a,
                       guint         b,
                       double        tolerance)
{
  double dp = positive[a] - positive[b];   /* > 0: a better on φ⁺ */
  double dn = negative[b] - negative[a];   /* > 0: a better on φ⁻ */
  int sp = dp > tolerance ? 1 : (dp < -tolerance ? -1 : 0);
  int sn = dn > tolerance ? 1 : (dn < -tolerance ? -1 : 0);

  if (sp == 0 && sn == 0)
    return FR_PROMETHEE_INDIFFERENT;
  if (sp >= 0 && sn >= 0)
    return FR_PROMETHEE_PREFERRED;
  if (sp <= 0 && sn <= 0)
    return FR_PROMETHEE_DOMINATED;
  return FR_PROMETHEE_INCOMPARABLE;
}

const char *
fr_promethee_relation_to_string (FrPrometheeRelation relation)
{
  switch (relation)
    {
    case FR_PROMETHEE_INDIFFERENT:
      return "indifferent";
    case FR_PROMETHEE_PREFERRED:
      return "outranks";
    case FR_PROMETHEE_DOMINATED:
      return "outranked";
    case FR_PROMETHEE_INCOMPARABLE:
      return "incomparable";
    default:
      return "unknown";
    }
}
