/* fr-timeline.h — who belongs to which bloc at a given day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An FrTimeline indexes a model's events and option projections once, per
 * region, so that asking for every region's status at another day (the map
 * follows the timeline's scrubber) is a binary search per region and no
 * allocation. An FrTimelineState is the answer for one day and one option.
 *
 * Rules:
 * - Events apply on their own day ("up to and including the day").
 * - Projections of the selected option apply from the model's ceasefire day
 *   on, each from its own day. When an event and a projection touch the same
 *   region, the later day wins; on the same day the projection wins, since
 *   it is the option's view of the future.
 * - Alignment and EU status are independent: a change may set only one.
 * - A sub-national region ("UA-43", Crimea) inherits its country's status
 *   (the code before the '-') until a change names the region itself.
 */
#pragma once

#include <glib.h>

#include "fr-model.h"

G_BEGIN_DECLS

typedef struct _FrTimeline      FrTimeline;
typedef struct _FrTimelineState FrTimelineState;

FrTimeline      *fr_timeline_new                  (const FrModel   *model);
FrTimeline      *fr_timeline_ref                  (FrTimeline      *timeline);
void             fr_timeline_unref                (FrTimeline      *timeline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrTimeline, fr_timeline_unref)

/* Region codes the model mentions anywhere (events or projections), sorted;
 * borrowed, NULL-terminated. */
const char *const *fr_timeline_get_regions        (FrTimeline      *timeline);
gint32           fr_timeline_get_ceasefire_day    (FrTimeline      *timeline);
/* TRUE when @option_id has at least one projection. */
gboolean         fr_timeline_has_option           (FrTimeline      *timeline,
                                                   const char      *option_id);

/* A new state for @day; @option_id may be NULL (history only). */
FrTimelineState *fr_timeline_get_state            (FrTimeline      *timeline,
                                                   gint32           day,
                                                   const char      *option_id);
/* Recomputes @state in place for another day or option: no allocation,
 * O(regions × log changes). */
void             fr_timeline_state_update         (FrTimelineState *state,
                                                   gint32           day,
                                                   const char      *option_id);

/* Convenience for one-off questions: indexes @model and answers at once. */
FrTimelineState *fr_timeline_state_at             (const FrModel   *model,
                                                   gint32           day,
                                                   const char      *option_id);
/* One region's status; FALSE (and NONE) when the model never mentions the
 * region nor its country. Either out pointer may be NULL. */
gboolean         fr_timeline_status_at            (const FrModel   *model,
                                                   gint32           day,
                                                   const char      *option_id,
                                                   const char      *region,
                                                   FrAlignment     *alignment,
                                                   FrEuStatus      *eu);

void             fr_timeline_state_free           (FrTimelineState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrTimelineState, fr_timeline_state_free)

FrTimeline      *fr_timeline_state_get_timeline   (const FrTimelineState *state);
gint32           fr_timeline_state_get_day        (const FrTimelineState *state);
/* The option whose projection is applied, or NULL (none asked for, or the
 * day is before the ceasefire). */
const char      *fr_timeline_state_get_option     (const FrTimelineState *state);
/* TRUE when the day is on or after the ceasefire and an option was given:
 * the state shows a projection, not history. */
gboolean         fr_timeline_state_is_projection  (const FrTimelineState *state);

/* Lookups by region code. Unknown regions are FR_ALIGNMENT_NONE / FR_EU_NONE
 * and not projected. */
FrAlignment      fr_timeline_state_get_alignment  (const FrTimelineState *state,
                                                   const char            *region);
FrEuStatus       fr_timeline_state_get_eu         (const FrTimelineState *state,
                                                   const char            *region);
/* TRUE when the region's alignment or EU status at this day comes from the
 * option's projection rather than from recorded events. */
gboolean         fr_timeline_state_is_projected   (const FrTimelineState *state,
                                                   const char            *region);
/* The zones (FrZone*, borrowed from the model) of the applied projections;
 * a zone id used again by a later projection replaces the earlier one. */
GPtrArray       *fr_timeline_state_get_zones      (const FrTimelineState *state);

G_END_DECLS
