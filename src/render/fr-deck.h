/* fr-deck.h — a document's views as a deck of pages, with an appendix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages, in order:
 *   1. a title page: the document's title, description, author, the date
 *      of the export, the number of sources and a contents list of the
 *      views with their page numbers;
 *   2. one page per view (fr_slide_render());
 *   3. the appendix, so that a reader can check every number: the score
 *      table (options × criteria, values and low–high ranges), each
 *      score's rationale and source grouped by option, the weights of
 *      every stakeholder (percentages, intervals, reservation levels and
 *      rationales), the method's settings (per criterion: direction,
 *      scale, unit, value function, PROMETHEE preference function and
 *      thresholds; the SMAA-2 settings slides use) and the sources.
 *
 * The appendix is laid out with pango once, in fr_deck_new(), with
 * metrics that do not depend on the surface (no hinting), so the page
 * count is exact before anything is drawn and is the same for a PDF, a
 * printer and an image. Appendix text sizes depend on the page size only;
 * the theme gives colours (and the slides' own font scale).
 *
 * The deck borrows @model: it must stay alive and unchanged in structure
 * (options, criteria, stakeholders, views, texts) while the deck is used.
 * Slides are drawn from the model as it is at render time; the appendix
 * text and the page count are those of fr_deck_new(): make a new deck
 * after an edit.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-basemap.h"
#include "fr-model.h"
#include "fr-slide.h"
#include "fr-theme.h"

G_BEGIN_DECLS

/* A4 landscape in points. */
#define FR_DECK_A4_WIDTH  841.89
#define FR_DECK_A4_HEIGHT 595.28

typedef enum {
  FR_DECK_PAGE_TITLE,
  FR_DECK_PAGE_VIEW,
  FR_DECK_PAGE_APPENDIX,
} FrDeckPageKind;

typedef struct _FrDeck FrDeck;

/* @basemap: borrowed, NULL to load the bundled one when a map slide is
 * first drawn. @page_width × @page_height: the page in the units the
 * cairo context will draw in (points for PDF and printing). */
FrDeck         *fr_deck_new                  (const FrModel   *model,
                                              const FrBasemap *basemap,
                                              double           page_width,
                                              double           page_height);
void            fr_deck_free                 (FrDeck          *deck);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrDeck, fr_deck_free)

guint           fr_deck_get_n_pages          (FrDeck          *deck);
/* Appendix pages only (> 0 for any model). */
guint           fr_deck_get_n_appendix_pages (FrDeck          *deck);
void            fr_deck_get_page_size        (FrDeck          *deck,
                                              double          *width,
                                              double          *height);
/* What page @page (0-based) shows; for a view page, @view (nullable) is
 * set to the model's view. */
FrDeckPageKind  fr_deck_get_page_kind        (FrDeck          *deck,
                                              guint            page,
                                              const FrView   **view);
/* The slide context the deck draws its view pages with (borrowed). */
FrSlideContext *fr_deck_get_slide_context    (FrDeck          *deck);

/* Draws page @page (0-based) into the rectangle 0,0–page_width,page_height
 * of @cr's user space, background included. A printer whose page differs
 * scales @cr first. */
void            fr_deck_render_page          (FrDeck          *deck,
                                              cairo_t         *cr,
                                              guint            page,
                                              const FrTheme   *theme);

/* Every page into one vector PDF (title and author in its metadata),
 * drawn in the light presentation theme, written atomically: on failure
 * (FR_ERROR_IO) @path is left as it was. */
gboolean        fr_deck_export_pdf           (FrDeck          *deck,
                                              const char      *path,
                                              GError         **error);
/* The same with another theme. */
gboolean        fr_deck_export_pdf_with_theme (FrDeck         *deck,
                                               const char     *path,
                                               const FrTheme  *theme,
                                               GError        **error);

G_END_DECLS
