/* fr-slide.h — one saved view drawn as a slide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view (FrView: title, notes, stakeholder, method, option, chart, map
 * date and extent, optional weights of its own) becomes a slide: a title
 * band (the view's title; the stakeholder and method in a subtitle, the
 * date on map slides), the view's picture computed live from the model,
 * and a footer with the document's title, the page and the source line.
 *
 * The picture is computed on every render from the model as it is now, so
 * a presenter who moves a weight sees the slide follow. A view with its
 * own weights is ranked with those weights on a private, shallow copy of
 * what the analysis needs: the caller's model is never modified.
 *
 * Chart kinds: "ranking", "profile", "sensitivity", "smaa" (SMAA-2 with
 * FR_SLIDE_SMAA_SAMPLES samples, seed FR_SLIDE_SMAA_SEED, the
 * stakeholder's weight intervals, uniform scores), "stakeholders",
 * "scatter" (the view's stakeholder against the next one), "map" (at the
 * view's date and extent, the view's option's projection), "timeline".
 * Any other kind draws a placeholder that names it; a model that cannot
 * be ranked draws the reason instead of the chart.
 *
 * A slide is laid out 720 units high (as wide as its aspect asks) and
 * scaled to the size asked for, so it looks the same on a projector, in a
 * thumbnail, on an A4 page and at a printer's resolution.
 *
 * Render cost: a chart slide takes a few milliseconds; an SMAA slide
 * samples again only when the matrix or the weight intervals changed (the
 * context keeps the last run); the map uses the context's FrMapCache, so
 * after the first render of a map slide only what changed is drawn again
 * (one cache: moving to another map slide draws it afresh once, 30–100 ms
 * at 1:10m).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-basemap.h"
#include "fr-model.h"
#include "fr-theme.h"

G_BEGIN_DECLS

#define FR_SLIDE_SMAA_SAMPLES 10000
#define FR_SLIDE_SMAA_SEED    1

/* What slides of one document share: the model (borrowed, it must outlive
 * the context or be replaced with fr_slide_context_set_model()), the
 * basemap (borrowed; NULL: the bundled 1:10m basemap is loaded on the
 * first map slide and kept), a map cache, and the footer's page numbers.
 *
 * The caches inside are mutable even through a const pointer, so a
 * context must be used from one thread at a time. */
typedef struct _FrSlideContext FrSlideContext;

FrSlideContext *fr_slide_context_new            (const FrModel   *model,
                                                 const FrBasemap *basemap);
void            fr_slide_context_free           (FrSlideContext  *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrSlideContext, fr_slide_context_free)

/* After the document swapped its whole model (open, structural undo).
 * Chart slides read the model anew on every render; see also
 * fr_slide_context_invalidate(). */
void            fr_slide_context_set_model      (FrSlideContext  *context,
                                                 const FrModel   *model);
const FrModel  *fr_slide_context_get_model      (const FrSlideContext *context);
/* Map slides keep the model's timeline (events, projections) and parsed
 * map layers between frames, so that the map cache can reuse its picture.
 * Each render checks a fingerprint of what they were built from and
 * rebuilds them when it changed, so no call is needed after an edit; this
 * drops them (and the parsed layers) at once, e.g. to free memory. */
void            fr_slide_context_invalidate     (FrSlideContext  *context);
/* The page number and page count shown in the footer ("3 / 17"); 0 for
 * either hides it (the default). */
void            fr_slide_context_set_page       (FrSlideContext  *context,
                                                 guint            page,
                                                 guint            n_pages);
/* The basemap map slides draw: the one given, or the default one once it
 * has been loaded. NULL when none could be loaded (map slides then say
 * so); @error, when set, tells why. */
const FrBasemap *fr_slide_context_get_basemap   (const FrSlideContext *context,
                                                 GError         **error);

/* Draws @view as a @width × @height slide, background included. @view
 * need not belong to the context's model (an unsaved view being edited
 * may be drawn), but its stakeholder and option ids are looked up there;
 * an id the model lacks is ignored (equal weights, no option). Text goes
 * through fr_export_show_layout(), so SVG and PDF keep it as text. */
void            fr_slide_render                 (cairo_t              *cr,
                                                 const FrSlideContext *context,
                                                 const FrView         *view,
                                                 double                width,
                                                 double                height,
                                                 const FrTheme        *theme);

/* The slide in words, for screen readers and as the slide's alt text:
 * its title, subtitle and the chart's own description ("Ranking by
 * weighted sum for Ukraine: 1. Armed neutrality 0.62, …"), or for a map
 * the date, the frontier length and the option shown. Newly allocated. */
char           *fr_slide_describe               (const FrSlideContext *context,
                                                 const FrView         *view);

/* The subtitle the title band shows: "Ukraine · weighted sum", plus
 * "· own weights" when the view has them, and the date on map slides.
 * Newly allocated. */
char           *fr_slide_dup_subtitle           (const FrSlideContext *context,
                                                 const FrView         *view);

G_END_DECLS
