/* fr-drafts.h — unsaved work kept safe between crashes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each open document with unsaved changes has a draft: a copy of it in
 * $XDG_STATE_HOME/<app id>/drafts/<id>.frontier, and one entry in the small
 * index "drafts.ini" beside it that says which file it came from and when it
 * was written. Both are replaced atomically, so a kill -9 at any moment
 * leaves the previous draft or the new one, never half of either. Saving or
 * discarding a document removes its draft; what is left at start-up is work
 * a crash would otherwise have lost.
 */
#pragma once

#include "fr-model.h"

G_BEGIN_DECLS

typedef struct {
  char *id;
  char *path;           /* the draft document */
  char *origin_uri;     /* the file it was opened from, NULL for a new document */
  char *title;
  gint64 written;       /* unix time, seconds */
} FrDraft;

void       fr_draft_free        (FrDraft       *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrDraft, fr_draft_free)

/* The drafts folder (not created). */
char      *fr_drafts_dir        (void);
/* A new id for a document that has no draft yet. */
char      *fr_drafts_new_id     (void);
gboolean   fr_drafts_write      (const char    *id,
                                 const FrModel *model,
                                 const char    *origin_uri,
                                 const char    *title,
                                 GError       **error);
gboolean   fr_drafts_remove     (const char    *id,
                                 GError       **error);
/* FrDraft*, newest first; entries whose document is missing are left out. */
GPtrArray *fr_drafts_list       (void);
FrModel   *fr_draft_load        (const FrDraft *draft,
                                 GError       **error);

G_END_DECLS
