/* fr-timeline-render.h — the time axis under the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A horizontal axis (1945–2035 by default, zoomed and panned by changing the
 * visible range), the model's events as markers in one lane per category
 * (each category its own shape and colour), a scrubber at the current day,
 * a "today" mark, and, after the ceasefire, the selected option's
 * projection as a hatched band with a dashed edge.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-model.h"
#include "fr-theme.h"

G_BEGIN_DECLS

#define FR_TIMELINE_DEFAULT_START_YEAR 1945.0
#define FR_TIMELINE_DEFAULT_END_YEAR   2035.0

typedef struct {
  const FrModel *model;        /* events, ceasefire day, option names */
  double start_year;           /* visible range, fractional years */
  double end_year;
  gint32 current_day;          /* the scrubber; 0 hides it */
  gint32 today;                /* the "today" mark; 0 hides it */
  const char *option_id;       /* whose projection the band shows; nullable */
  const char *hovered_event;   /* event ids, nullable */
  const char *selected_event;
} FrTimelineScene;

/* Defaults: 1945–2035, scrubber and today at fr_day_today(). */
void           fr_timeline_scene_init      (FrTimelineScene       *scene,
                                            const FrModel         *model);

void           fr_timeline_render          (cairo_t               *cr,
                                            const FrTimelineScene *scene,
                                            double                 width,
                                            double                 height,
                                            const FrTheme         *theme);

/* Horizontal position of a day and the day at a position, for a picture
 * @width wide. */
double         fr_timeline_x_for_day       (const FrTimelineScene *scene,
                                            double                 width,
                                            gint32                 day);
gint32         fr_timeline_day_at_x        (const FrTimelineScene *scene,
                                            double                 width,
                                            double                 x);

/* The event whose marker is under (x, y), nearest first; NULL when none. */
const FrEvent *fr_timeline_hit_test        (const FrTimelineScene *scene,
                                            double                 width,
                                            double                 height,
                                            double                 x,
                                            double                 y);

/* Categories the renderer knows, each drawn with its own shape: "nato",
 * "eu", "treaty", "war", "neutrality"; anything else is "other". Translated
 * label for a legend. */
const char    *fr_timeline_category_label  (const char            *category);

G_END_DECLS
