/* fr-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-error.h"
#include "fr-history.h"
#include "fr-weights.h"
#include "fr-xml.h"

/* A step keeps either the whole document, written out, or, for an edit
 * of one stakeholder's weights, only those weights: writing the document
 * takes milliseconds, which the first tick of a slider drag cannot spare. */
typedef struct {
  char *label;
  GBytes *bytes;            /* the document before (undo) or after (redo) the step */
  FrStakeholder *weights;   /* or a copy of one stakeholder's weights (its id, no name) */
  guint64 generation;       /* state identity, to know when it is the saved one */
} FrStep;

struct _FrHistory
{
  GObject parent_instance;

  FrDocument *document;
  GQueue undo;              /* FrStep*, newest at the head */
  GQueue redo;
  char *last_merge_key;
  gint64 last_checkpoint_time;
  guint64 generation;       /* of the document's current state */
  guint64 next_generation;
  guint64 saved_generation;
};

G_DEFINE_FINAL_TYPE (FrHistory, fr_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (FrStep *step)
{
  g_free (step->label);
  g_clear_pointer (&step->bytes, g_bytes_unref);
  g_clear_pointer (&step->weights, fr_stakeholder_free);
  g_free (step);
}

static void
notify_state (FrHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
fr_history_finalize (GObject *object)
{
  FrHistory *self = FR_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  g_free (self->last_merge_key);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fr_history_parent_class)->finalize (object);
}

static void
fr_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FrHistory *self = FR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fr_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, fr_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_history_class_init (FrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fr_history_finalize;
  object_class->get_property = fr_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fr_history_init (FrHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->next_generation = 1;
}

FrHistory *
fr_history_new (FrDocument *document)
{
  FrHistory *self;

  g_return_val_if_fail (FR_IS_DOCUMENT (document), NULL);

  self = g_object_new (FR_TYPE_HISTORY, NULL);
  self->document = g_object_ref (document);
  return self;
}

static FrStep *
capture (FrHistory  *self,
         const char *label)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = fr_xml_save_bytes (fr_document_get_model (self->document), &error);
  FrStep *step;

  /* A model that cannot be written cannot be restored either; the edit
   * still happens, it just cannot be undone. */
  if (bytes == NULL)
    {
      g_debug ("not recording “%s”: %s", label, error->message);
      return NULL;
    }
  step = g_new0 (FrStep, 1);
  step->label = g_strdup (label);
  step->bytes = bytes;
  step->generation = self->generation;
  return step;
}

static FrStep *
capture_weights (FrHistory  *self,
                 const char *label,
                 const char *stakeholder_id)
{
  FrStakeholder *stakeholder = fr_model_find_stakeholder (fr_document_get_model (self->document), stakeholder_id);
  FrStep *step;

  if (stakeholder == NULL)
    return NULL;
  step = g_new0 (FrStep, 1);
  step->label = g_strdup (label);
  step->weights = fr_stakeholder_new (stakeholder->id, NULL);
  fr_weights_copy (step->weights, stakeholder);
  step->generation = self->generation;
  return step;
}

static gboolean
merges (FrHistory  *self,
        const char *merge_key,
        gint64      now)
{
  if (merge_key == NULL || g_strcmp0 (merge_key, self->last_merge_key) != 0 ||
      now - self->last_checkpoint_time >= FR_HISTORY_MERGE_USEC || self->undo.length == 0)
    return FALSE;
  self->last_checkpoint_time = now;
  self->generation = self->next_generation++;
  return TRUE;
}

static void
push_checkpoint (FrHistory  *self,
                 FrStep     *step,
                 const char *merge_key,
                 gint64      now)
{
  g_queue_push_head (&self->undo, step);
  while (self->undo.length > FR_HISTORY_MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  g_free (self->last_merge_key);
  self->last_merge_key = g_strdup (merge_key);
  self->last_checkpoint_time = now;
  /* The edit that follows makes a new state. */
  self->generation = self->next_generation++;
  notify_state (self);
}

void
fr_history_checkpoint (FrHistory  *self,
                       const char *label,
                       const char *merge_key)
{
  gint64 now = g_get_monotonic_time ();
  FrStep *step;

  g_return_if_fail (FR_IS_HISTORY (self));

  if (merges (self, merge_key, now))
    return;
  step = capture (self, label);
  if (step != NULL)
    push_checkpoint (self, step, merge_key, now);
}

void
fr_history_checkpoint_weights (FrHistory  *self,
                               const char *label,
                               const char *stakeholder_id,
                               const char *merge_key)
{
  gint64 now = g_get_monotonic_time ();
  FrStep *step;

  g_return_if_fail (FR_IS_HISTORY (self));
  g_return_if_fail (stakeholder_id != NULL);

  if (merges (self, merge_key, now))
    return;
  step = capture_weights (self, label, stakeholder_id);
  /* An unknown stakeholder has no weights to edit: record the document. */
  if (step == NULL)
    step = capture (self, label);
  if (step != NULL)
    push_checkpoint (self, step, merge_key, now);
}

void
fr_history_discard_checkpoint (FrHistory *self)
{
  FrStep *step;

  g_return_if_fail (FR_IS_HISTORY (self));

  step = g_queue_pop_head (&self->undo);
  if (step == NULL)
    return;
  self->generation = step->generation;
  step_free (step);
  g_clear_pointer (&self->last_merge_key, g_free);
  notify_state (self);
}

gboolean
fr_history_can_undo (FrHistory *self)
{
  g_return_val_if_fail (FR_IS_HISTORY (self), FALSE);
  return self->undo.length > 0;
}

gboolean
fr_history_can_redo (FrHistory *self)
{
  g_return_val_if_fail (FR_IS_HISTORY (self), FALSE);
  return self->redo.length > 0;
}

const char *
fr_history_get_undo_label (FrHistory *self)
{
  FrStep *step;

  g_return_val_if_fail (FR_IS_HISTORY (self), NULL);
  step = g_queue_peek_head (&self->undo);
  return step ? step->label : NULL;
}

const char *
fr_history_get_redo_label (FrHistory *self)
{
  FrStep *step;

  g_return_val_if_fail (FR_IS_HISTORY (self), NULL);
  step = g_queue_peek_head (&self->redo);
  return step ? step->label : NULL;
}

/* Moves one step from @from to @to: the document takes the step's state,
 * and @to gets the state it had. A step of one stakeholder's weights
 * changes only those, and the document says so, so views keep the rest. */
static gboolean
travel (FrHistory  *self,
        GQueue     *from,
        GQueue     *to,
        GError    **error)
{
  FrStep *step = g_queue_peek_head (from);
  FrStakeholder *stakeholder = NULL;
  FrModel *model = NULL;
  FrStep *back;

  if (step == NULL)
    return FALSE;
  if (step->weights != NULL)
    {
      /* Steps are taken back in order, so the stakeholder is there unless
       * an edit bypassed the history. */
      stakeholder = fr_model_find_stakeholder (fr_document_get_model (self->document), step->weights->id);
      if (stakeholder == NULL)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("The weights of stakeholder “%s” cannot be restored: it is no longer in the document."),
                       step->weights->id);
          return FALSE;
        }
      back = capture_weights (self, step->label, step->weights->id);
    }
  else
    {
      back = capture (self, step->label);
      if (back == NULL)
        {
          g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                               _("The document could not be recorded for undo."));
          return FALSE;
        }
      model = fr_xml_load_bytes (step->bytes, NULL, error);
      if (model == NULL)
        {
          step_free (back);
          return FALSE;
        }
    }
  g_queue_pop_head (from);
  g_queue_push_head (to, back);
  self->generation = step->generation;
  g_clear_pointer (&self->last_merge_key, g_free);

  if (model != NULL)
    fr_document_replace_model (self->document, model);
  else
    {
      fr_weights_copy (stakeholder, step->weights);
      fr_document_changed (self->document, FR_CHANGE_WEIGHTS);
    }
  step_free (step);
  fr_document_set_modified (self->document, self->generation != self->saved_generation);
  notify_state (self);
  return TRUE;
}

gboolean
fr_history_undo (FrHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (FR_IS_HISTORY (self), FALSE);
  return travel (self, &self->undo, &self->redo, error);
}

gboolean
fr_history_redo (FrHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (FR_IS_HISTORY (self), FALSE);
  return travel (self, &self->redo, &self->undo, error);
}

void
fr_history_mark_saved (FrHistory *self)
{
  g_return_if_fail (FR_IS_HISTORY (self));
  self->saved_generation = self->generation;
  g_clear_pointer (&self->last_merge_key, g_free);
}

void
fr_history_clear (FrHistory *self)
{
  g_return_if_fail (FR_IS_HISTORY (self));

  g_queue_clear_full (&self->undo, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) step_free);
  g_clear_pointer (&self->last_merge_key, g_free);
  notify_state (self);
}
