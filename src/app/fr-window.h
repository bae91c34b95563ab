/* fr-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fr-analysis.h"
#include "fr-analysis-page.h"
#include "fr-application.h"
#include "fr-document.h"
#include "fr-drafts.h"
#include "fr-options-page.h"
#include "fr-presentation.h"

G_BEGIN_DECLS

#define FR_TYPE_WINDOW (fr_window_get_type ())
G_DECLARE_FINAL_TYPE (FrWindow, fr_window, FR, WINDOW, AdwApplicationWindow)

FrWindow   *fr_window_new           (FrApplication *application);
FrDocument *fr_window_get_document  (FrWindow      *self);
/* Loads @file into this window; a failure is shown in the window and the
 * current document is kept. Returns whether it loaded. */
gboolean    fr_window_open_file     (FrWindow      *self,
                                     GFile         *file);
/* Loads @file as a new, unsaved document (the bundled scenario). */
gboolean    fr_window_open_template (FrWindow      *self,
                                     GFile         *file);
/* The same for a scenario read elsewhere: takes @model (nullable), or shows
 * @error when there is none. */
gboolean    fr_window_take_template (FrWindow      *self,
                                     FrModel       *model,
                                     const GError  *error);
/* Opens the unsaved work of @draft; the window goes on updating it. */
gboolean    fr_window_restore_draft (FrWindow      *self,
                                     const FrDraft *draft);
/* The id of this window's draft, NULL while it has none. */
const char *fr_window_get_draft_id  (FrWindow      *self);
/* Adds the KML file as a map layer of the document (undoable); a file that
 * is not valid KML is reported and changes nothing. */
gboolean    fr_window_import_layer  (FrWindow      *self,
                                     GFile         *file);
/* Saves what the window shows (stakeholder and weights, method, projection,
 * chart or map with its date and extent) as a new view; one undoable step. */
FrView     *fr_window_save_view     (FrWindow      *self,
                                     const char    *title);
/* Shows the view: its stakeholder, weights, method, projection and chart. */
gboolean    fr_window_apply_view    (FrWindow      *self,
                                     const char    *view_id);
/* Puts the view at @index (what dropping it there does); undoable. */
gboolean    fr_window_move_view     (FrWindow      *self,
                                     const char    *view_id,
                                     guint          index);
/* Renames the view and sets its speaker notes; undoable. */
gboolean    fr_window_edit_view     (FrWindow      *self,
                                     const char    *view_id,
                                     const char    *title,
                                     const char    *notes);
/* Prints the deck, as the print dialog would, into a PDF file. */
gboolean    fr_window_print_to_pdf  (FrWindow      *self,
                                     const char    *path,
                                     GError       **error);
/* Starts the full-screen presentation at view @first. */
FrPresentation *fr_window_present   (FrWindow      *self,
                                     guint          first);
/* The name of the visible page: "map", "analysis", "options", "sources". */
const char *fr_window_get_view_name (FrWindow      *self);
FrOptionsPage *fr_window_get_options_page (FrWindow *self);
FrAnalysisPage *fr_window_get_analysis_page (FrWindow *self);
/* The ranking and the other results the window shows. */
FrAnalysis *fr_window_get_analysis  (FrWindow      *self);

G_END_DECLS
