/* fr-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fr-analysis.h"
#include "fr-error.h"
#include "fr-promethee.h"
#include "fr-topsis.h"
#include "fr-wsm.h"

struct _FrAnalysis
{
  GObject parent_instance;

  FrDocument *document;
  gulong changed_handler;
  FrMethod method;
  char *stakeholder_id;

  /* Each cache is valid while its pointer is set. */
  FrMatrix *matrix;
  GError *error;                  /* why there is no matrix */
  GError *ranking_error;          /* why the current method cannot rank */
  double *values;                 /* 0..1 value table */
  double *topsis_normalized;
  double *promethee_positive;     /* unicriterion flows */
  double *promethee_negative;
  double *weights;
  double *scores;
  double *contributions;
  guint *order;
};

G_DEFINE_FINAL_TYPE (FrAnalysis, fr_analysis, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *method_names[FR_N_METHODS] = { "wsm", "topsis", "promethee" };

const char *
fr_method_to_string (FrMethod method)
{
  if ((guint) method >= FR_N_METHODS)
    return "wsm";
  return method_names[method];
}

gboolean
fr_method_from_string (const char *text,
                       FrMethod   *method)
{
  for (guint i = 0; i < FR_N_METHODS; i++)
    if (g_strcmp0 (text, method_names[i]) == 0)
      {
        *method = (FrMethod) i;
        return TRUE;
      }
  return FALSE;
}

static void
drop_ranking (FrAnalysis *self)
{
  g_clear_pointer (&self->scores, g_free);
  g_clear_pointer (&self->contributions, g_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_error (&self->ranking_error);
}

static void
drop_weights (FrAnalysis *self)
{
  g_clear_pointer (&self->weights, g_free);
  drop_ranking (self);
}

static void
drop_matrix (FrAnalysis *self)
{
  g_clear_pointer (&self->matrix, fr_matrix_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->topsis_normalized, g_free);
  g_clear_pointer (&self->promethee_positive, g_free);
  g_clear_pointer (&self->promethee_negative, g_free);
  drop_weights (self);
}

static void
on_document_changed (FrAnalysis *self,
                     guint       what)
{
  if (what & (FR_CHANGE_CRITERIA | FR_CHANGE_SCORES | FR_CHANGE_OPTIONS))
    drop_matrix (self);
  else if (what & (FR_CHANGE_WEIGHTS | FR_CHANGE_STAKEHOLDERS))
    drop_weights (self);
  else
    return;
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
fr_analysis_dispose (GObject *object)
{
  FrAnalysis *self = FR_ANALYSIS (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fr_analysis_parent_class)->dispose (object);
}

static void
fr_analysis_finalize (GObject *object)
{
  FrAnalysis *self = FR_ANALYSIS (object);

  drop_matrix (self);
  g_free (self->stakeholder_id);

  G_OBJECT_CLASS (fr_analysis_parent_class)->finalize (object);
}

static void
fr_analysis_class_init (FrAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fr_analysis_dispose;
  object_class->finalize = fr_analysis_finalize;

  /**
   * FrAnalysis::updated:
   *
   * Results changed: the document, the method or the stakeholder did.
   * Getters recompute lazily on the next call.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fr_analysis_init (FrAnalysis *self)
{
  self->method = FR_METHOD_WSM;
}

FrAnalysis *
fr_analysis_new (FrDocument *document)
{
  FrAnalysis *self;

  g_return_val_if_fail (FR_IS_DOCUMENT (document), NULL);

  self = g_object_new (FR_TYPE_ANALYSIS, NULL);
  self->document = g_object_ref (document);
  self->changed_handler = g_signal_connect_swapped (document, "changed",
                                                    G_CALLBACK (on_document_changed), self);
  return self;
}

FrDocument *
fr_analysis_get_document (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);
  return self->document;
}

void
fr_analysis_set_method (FrAnalysis *self,
                        FrMethod    method)
{
  g_return_if_fail (FR_IS_ANALYSIS (self));
  g_return_if_fail ((guint) method < FR_N_METHODS);

  if (self->method == method)
    return;
  self->method = method;
  drop_ranking (self);
  g_signal_emit (self, signals[UPDATED], 0);
}

FrMethod
fr_analysis_get_method (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), FR_METHOD_WSM);
  return self->method;
}

void
fr_analysis_set_stakeholder (FrAnalysis *self,
                             const char *stakeholder_id)
{
  g_return_if_fail (FR_IS_ANALYSIS (self));

  if (g_strcmp0 (self->stakeholder_id, stakeholder_id) == 0)
    return;
  g_free (self->stakeholder_id);
  self->stakeholder_id = g_strdup (stakeholder_id);
  drop_weights (self);
  g_signal_emit (self, signals[UPDATED], 0);
}

const char *
fr_analysis_get_stakeholder (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);
  return self->stakeholder_id;
}

const FrMatrix *
fr_analysis_get_matrix (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);

  if (self->matrix == NULL && self->error == NULL)
    {
      FrModel *model = fr_document_get_model (self->document);
      self->matrix = fr_matrix_new_from_model (model, &self->error);
      if (self->matrix != NULL && (self->matrix->n_options == 0 || self->matrix->n_criteria == 0))
        {
          g_clear_pointer (&self->matrix, fr_matrix_free);
          g_set_error_literal (&self->error, FR_ERROR, FR_ERROR_INVALID,
                               _("The document needs at least one option and one criterion to rank."));
        }
    }
  return self->matrix;
}

const GError *
fr_analysis_get_error (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);
  if (fr_analysis_get_matrix (self) != NULL)
    fr_analysis_get_scores (self);
  return self->error != NULL ? self->error : self->ranking_error;
}

const double *
fr_analysis_get_weights (FrAnalysis *self)
{
  const FrMatrix *matrix;

  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);

  matrix = fr_analysis_get_matrix (self);
  if (matrix == NULL)
    return NULL;
  if (self->weights == NULL)
    {
      FrModel *model = fr_document_get_model (self->document);
      FrStakeholder *stakeholder = fr_model_find_stakeholder (model, self->stakeholder_id);
      self->weights = fr_matrix_stakeholder_weights (matrix, stakeholder);
    }
  return self->weights;
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const double *scores = user_data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;

  if (scores[i] > scores[j])
    return -1;
  if (scores[i] < scores[j])
    return 1;
  return (i > j) - (i < j);
}

static gboolean
compute_ranking (FrAnalysis *self)
{
  const FrMatrix *matrix = fr_analysis_get_matrix (self);
  const double *weights = fr_analysis_get_weights (self);
  guint n = matrix->n_options;
  guint m = matrix->n_criteria;

  if (self->values == NULL)
    {
      self->values = g_new (double, (gsize) n * m);
      fr_matrix_value_table (matrix, self->values);
    }
  self->scores = g_new0 (double, n);
  self->contributions = g_new0 (double, (gsize) n * m);
  fr_wsm_scores_from_values (self->values, n, m, weights, self->scores, self->contributions);

  switch (self->method)
    {
    case FR_METHOD_TOPSIS:
      if (self->topsis_normalized == NULL)
        {
          self->topsis_normalized = g_new (double, (gsize) n * m);
          fr_topsis_normalize (matrix, FR_TOPSIS_VECTOR, self->topsis_normalized);
        }
      fr_topsis_from_normalized (self->topsis_normalized, n, m, weights, self->scores, NULL, NULL);
      break;

    case FR_METHOD_PROMETHEE:
      if (self->promethee_positive == NULL)
        {
          self->promethee_positive = g_new (double, (gsize) n * m);
          self->promethee_negative = g_new (double, (gsize) n * m);
          if (!fr_promethee_unicriterion_flows (matrix, self->promethee_positive,
                                                self->promethee_negative, &self->ranking_error))
            {
              g_clear_pointer (&self->promethee_positive, g_free);
              g_clear_pointer (&self->promethee_negative, g_free);
              g_clear_pointer (&self->scores, g_free);
              g_clear_pointer (&self->contributions, g_free);
              return FALSE;
            }
        }
      {
        g_autofree double *positive = g_new (double, n);
        g_autofree double *negative = g_new (double, n);
        fr_promethee_flows_from_unicriterion (self->promethee_positive, self->promethee_negative,
                                              n, m, weights, positive, negative, self->scores);
      }
      break;

    case FR_METHOD_WSM:
    case FR_N_METHODS:
    default:
      break;
    }

  self->order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    self->order[i] = i;
  /* GLib's qsort is a stable merge sort, so ties keep document order. */
  g_qsort_with_data (self->order, (gint) n, sizeof (guint), compare_by_score, self->scores);
  return TRUE;
}

const double *
fr_analysis_get_scores (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);

  if (fr_analysis_get_matrix (self) == NULL || self->ranking_error != NULL)
    return NULL;
  if (self->scores == NULL && !compute_ranking (self))
    return NULL;
  return self->scores;
}

const double *
fr_analysis_get_contributions (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);

  if (fr_analysis_get_scores (self) == NULL)
    return NULL;
  return self->contributions;
}

const guint *
fr_analysis_get_order (FrAnalysis *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS (self), NULL);

  if (fr_analysis_get_scores (self) == NULL)
    return NULL;
  return self->order;
}
