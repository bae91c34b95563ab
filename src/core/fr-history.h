/* fr-history.h — undo and redo for every edit of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before an edit, the editor calls fr_history_checkpoint(): the history
 * keeps the document as it was (its serialised bytes, a few hundred
 * kilobytes at most), so that one mechanism undoes every kind of edit,
 * including ones added later. Edits that come in a stream — a weight slider
 * being dragged — pass the same merge key and are kept as one step.
 */
#pragma once

#include "fr-document.h"

G_BEGIN_DECLS

#define FR_TYPE_HISTORY (fr_history_get_type ())
G_DECLARE_FINAL_TYPE (FrHistory, fr_history, FR, HISTORY, GObject)

/* Steps kept; older ones are dropped. */
#define FR_HISTORY_MAX_STEPS 200
/* Edits with the same merge key closer together than this are one step. */
#define FR_HISTORY_MERGE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

FrHistory  *fr_history_new            (FrDocument *document);
/* Records the document as it is now, before an edit named @label ("Change
 * Weight"). With a @merge_key equal to the previous checkpoint's, made
 * within FR_HISTORY_MERGE_USEC, nothing new is recorded. Clears redo. */
void        fr_history_checkpoint     (FrHistory  *self,
                                       const char *label,
                                       const char *merge_key);
/* The same for an edit of the weights of stakeholder @stakeholder_id
 * alone: records only those weights, which costs microseconds where the
 * whole document costs milliseconds; undo restores only them. */
void        fr_history_checkpoint_weights (FrHistory  *self,
                                           const char *label,
                                           const char *stakeholder_id,
                                           const char *merge_key);
/* Takes back the checkpoint just made, for an edit that turned out to
 * change nothing; only valid right after fr_history_checkpoint(). */
void        fr_history_discard_checkpoint (FrHistory *self);
gboolean    fr_history_can_undo       (FrHistory  *self);
gboolean    fr_history_can_redo       (FrHistory  *self);
/* Label of the step undo or redo would take back; NULL when none. */
const char *fr_history_get_undo_label (FrHistory  *self);
const char *fr_history_get_redo_label (FrHistory  *self);
gboolean    fr_history_undo           (FrHistory  *self,
                                       GError    **error);
gboolean    fr_history_redo           (FrHistory  *self,
                                       GError    **error);
/* Marks the current state as the saved one, so undoing back to it clears
 * the document's modified flag. */
void        fr_history_mark_saved     (FrHistory  *self);
void        fr_history_clear          (FrHistory  *self);

G_END_DECLS
