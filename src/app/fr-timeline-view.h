/* fr-timeline-view.h — the time axis and scrubber under the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fr-model.h"

G_BEGIN_DECLS

#define FR_TYPE_TIMELINE_VIEW (fr_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (FrTimelineView, fr_timeline_view, FR, TIMELINE_VIEW, GtkWidget)

GtkWidget     *fr_timeline_view_new            (void);
/* Borrowed, like FrMapView's; NULL before it is freed. */
void           fr_timeline_view_set_model      (FrTimelineView *self,
                                                const FrModel  *model);
void           fr_timeline_view_set_day        (FrTimelineView *self,
                                                gint32          day);
gint32         fr_timeline_view_get_day        (FrTimelineView *self);
void           fr_timeline_view_set_option     (FrTimelineView *self,
                                                const char     *option_id);
/* Visible range in fractional years; clamped to 1900–2100 and at least a
 * year wide. */
void           fr_timeline_view_set_range      (FrTimelineView *self,
                                                double          start_year,
                                                double          end_year);
void           fr_timeline_view_get_range      (FrTimelineView *self,
                                                double         *start_year,
                                                double         *end_year);
/* Zooms the visible range around the scrubber: > 1 shows less time. */
void           fr_timeline_view_zoom           (FrTimelineView *self,
                                                double          factor);
void           fr_timeline_view_set_playing    (FrTimelineView *self,
                                                gboolean        playing);
gboolean       fr_timeline_view_get_playing    (FrTimelineView *self);
const FrEvent *fr_timeline_view_get_selected_event (FrTimelineView *self);
/* Selects @event and moves the scrubber to its day. */
void           fr_timeline_view_select_event   (FrTimelineView *self,
                                                const FrEvent  *event);

/* Draws the timeline as shown to a PNG, SVG or PDF file. */
gboolean       fr_timeline_view_export         (FrTimelineView *self,
                                                const char     *path,
                                                double          width,
                                                double          height,
                                                double          scale,
                                                GError        **error);

G_END_DECLS
