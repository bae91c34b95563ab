/* fr-presentation.h — the saved views, full screen, one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fr-document.h"
#include "fr-history.h"

G_BEGIN_DECLS

#define FR_TYPE_PRESENTATION (fr_presentation_get_type ())
G_DECLARE_FINAL_TYPE (FrPresentation, fr_presentation, FR, PRESENTATION, GtkWindow)

/* Presents @document's views from @first. The slides are drawn from the
 * live model: edits made meanwhile (in the main window) show at once, and
 * “R” returns the document to how it was when the presentation began. */
FrPresentation *fr_presentation_new        (GtkWindow     *parent,
                                            FrDocument    *document,
                                            FrHistory     *history,
                                            guint          first);
guint           fr_presentation_get_index  (FrPresentation *self);
guint           fr_presentation_get_n_slides (FrPresentation *self);
void            fr_presentation_go_to      (FrPresentation *self,
                                            guint           index);
gboolean        fr_presentation_get_dark   (FrPresentation *self);
void            fr_presentation_set_dark   (FrPresentation *self,
                                            gboolean        dark);
/* The current slide in words (what a screen reader is told). */
char           *fr_presentation_dup_description (FrPresentation *self);
/* Back to the document as it was when the presentation started; one
 * undoable step. FALSE when nothing had changed. */
gboolean        fr_presentation_restore    (FrPresentation *self);

G_END_DECLS
