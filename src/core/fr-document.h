/* fr-document.h — the open document: a model, its file and its changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fr-model.h"

G_BEGIN_DECLS

typedef enum {
  FR_CHANGE_META         = 1 << 0,
  FR_CHANGE_SOURCES      = 1 << 1,
  FR_CHANGE_CRITERIA     = 1 << 2,
  FR_CHANGE_SCORES       = 1 << 3,
  FR_CHANGE_OPTIONS      = 1 << 4,
  FR_CHANGE_ELEMENTS     = 1 << 5,
  FR_CHANGE_WEIGHTS      = 1 << 6,
  FR_CHANGE_STAKEHOLDERS = 1 << 7,
  FR_CHANGE_TIMELINE     = 1 << 8,
  FR_CHANGE_PROJECTIONS  = 1 << 9,
  FR_CHANGE_LAYERS       = 1 << 10,
  FR_CHANGE_VIEWS        = 1 << 11,
  FR_CHANGE_ALL          = (1 << 12) - 1,
} FrChange;

#define FR_TYPE_DOCUMENT (fr_document_get_type ())
G_DECLARE_FINAL_TYPE (FrDocument, fr_document, FR, DOCUMENT, GObject)

FrDocument *fr_document_new           (void);
/* Takes ownership of @model. */
FrDocument *fr_document_new_for_model (FrModel    *model);
FrModel    *fr_document_get_model     (FrDocument *self);
/* Swaps the whole model (after a load or an undo of a structural edit). */
void        fr_document_replace_model (FrDocument *self,
                                       FrModel    *model);
GFile      *fr_document_get_file      (FrDocument *self);
void        fr_document_set_file      (FrDocument *self,
                                       GFile      *file);
gboolean    fr_document_get_modified  (FrDocument *self);
void        fr_document_set_modified  (FrDocument *self,
                                       gboolean    modified);
/* Display name: the file's basename, or the document title, or "Untitled". */
char       *fr_document_dup_title     (FrDocument *self);
/* Call after editing the model: marks it modified and emits ::changed. */
void        fr_document_changed       (FrDocument *self,
                                       FrChange    what);

G_END_DECLS
