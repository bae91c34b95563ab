/* fr-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-document.h"

struct _FrDocument
{
  GObject parent_instance;

  FrModel *model;
  GFile *file;
  gboolean modified;
};

G_DEFINE_FINAL_TYPE (FrDocument, fr_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
fr_document_finalize (GObject *object)
{
  FrDocument *self = FR_DOCUMENT (object);

  g_clear_pointer (&self->model, fr_model_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (fr_document_parent_class)->finalize (object);
}

static void
fr_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FrDocument *self = FR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FrDocument *self = FR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      fr_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_MODIFIED:
      fr_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_document_class_init (FrDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fr_document_finalize;
  object_class->get_property = fr_document_get_property;
  object_class->set_property = fr_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FrDocument::changed:
   * @what: the #FrChange flags naming what changed
   *
   * Views recompute only what depends on @what.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
fr_document_init (FrDocument *self)
{
  self->model = fr_model_new ();
}

FrDocument *
fr_document_new (void)
{
  return g_object_new (FR_TYPE_DOCUMENT, NULL);
}

FrDocument *
fr_document_new_for_model (FrModel *model)
{
  FrDocument *self = fr_document_new ();
  g_return_val_if_fail (model != NULL, self);
  fr_model_free (self->model);
  self->model = model;
  return self;
}

FrModel *
fr_document_get_model (FrDocument *self)
{
  g_return_val_if_fail (FR_IS_DOCUMENT (self), NULL);
  return self->model;
}

void
fr_document_replace_model (FrDocument *self,
                           FrModel    *model)
{
  g_return_if_fail (FR_IS_DOCUMENT (self));
  g_return_if_fail (model != NULL);

  if (model == self->model)
    return;
  fr_model_free (self->model);
  self->model = model;
  g_signal_emit (self, signals[CHANGED], 0, (guint) FR_CHANGE_ALL);
}

GFile *
fr_document_get_file (FrDocument *self)
{
  g_return_val_if_fail (FR_IS_DOCUMENT (self), NULL);
  return self->file;
}

void
fr_document_set_file (FrDocument *self,
                      GFile      *file)
{
  g_return_if_fail (FR_IS_DOCUMENT (self));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
fr_document_get_modified (FrDocument *self)
{
  g_return_val_if_fail (FR_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

void
fr_document_set_modified (FrDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (FR_IS_DOCUMENT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

char *
fr_document_dup_title (FrDocument *self)
{
  g_return_val_if_fail (FR_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      if (basename != NULL)
        return g_filename_display_name (basename);
    }
  if (self->model->title != NULL && self->model->title[0] != '\0')
    return g_strdup (self->model->title);
  return g_strdup (_("Untitled Document"));
}

void
fr_document_changed (FrDocument *self,
                     FrChange    what)
{
  g_return_if_fail (FR_IS_DOCUMENT (self));

  fr_document_set_modified (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0, (guint) what);
}
