/* fr-map-render.h — the frontier map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the basemap in Lambert conformal conic, regions filled by their
 * alignment at the scene's date (occupied hatched, projected statuses with
 * a dashed outline, EU members with a gold outline, candidates dotted),
 * country borders, the NATO–Russia/Belarus frontier as one highlighted
 * line, zones of the selected option, user KML layers, sea and country
 * labels, a legend, a scale bar and the frontier-length badge.
 *
 * The view is a centre in projected metres and a zoom in projected metres
 * per picture unit, so panning and zooming is a change of two numbers.
 *
 * An FrMapCache (owned by the caller, e.g. the map widget) keeps what does
 * not depend on the date: the projected geometry of every region and
 * border with its levels of detail (built once per basemap and projection;
 * pan and zoom only change the transform), and the last base layer (the
 * map without legend, badge and scale bar) with what it showed, so that a
 * new date repaints only the rectangle around the regions whose status
 * changed, and a pan or zoom during a gesture (scene.interactive) moves the
 * base as an image. Patches composite coverage masks of the regions and
 * borders, made on first use per view, and overlay text is shaped once.
 * Without a cache everything is computed afresh, which is what exports and
 * the CLI want.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fr-basemap.h"
#include "fr-frontier.h"
#include "fr-kml.h"
#include "fr-projection.h"
#include "fr-theme.h"
#include "fr-timeline.h"

G_BEGIN_DECLS

typedef struct _FrMapCache FrMapCache;

/* The frontier states from the North Cape to Turkey and the Caucasus:
 * lon_min, lat_min, lon_max, lat_max. */
#define FR_MAP_DEFAULT_LON_MIN 4.0
#define FR_MAP_DEFAULT_LAT_MIN 38.5
#define FR_MAP_DEFAULT_LON_MAX 50.0
#define FR_MAP_DEFAULT_LAT_MAX 71.5

typedef struct {
  const FrBasemap *basemap;
  const FrLcc *projection;          /* NULL: fr_lcc_init_frontier() */
  double center_x;                  /* projected metres at the picture's centre */
  double center_y;
  double metres_per_unit;           /* zoom; <= 0 fits the default extent */
  const FrTimelineState *state;     /* NULL: every region in the no-data colour */
  const FrFrontier *frontier;       /* NULL: computed from basemap and state */
  const char *selected_region;      /* region codes, nullable */
  const char *hovered_region;
  GPtrArray *layers;                /* FrKmlDocument*, borrowed, nullable */
  gint32 layer_day;                 /* day for the layers' times; 0: the state's day */
  gboolean show_labels;
  gboolean show_legend;
  gboolean show_scale_bar;
  gboolean show_frontier_badge;
  /* TRUE while the user drags or zooms: with a cache, an unchanged map is
   * moved and scaled as an image (at most 2× either way) instead of drawn
   * again; render once more with FALSE when the gesture ends for a sharp
   * picture. */
  gboolean interactive;
  /* TRUE when the target surface is drawn by nothing but fr_map_render()
   * with this cache: a target still holding one of the last frames is
   * then patched where they differ instead of painted whole. */
  gboolean retained_target;
  FrMapCache *cache;                /* nullable */
} FrMapScene;

/* Everything shown, default extent, no cache. */
void         fr_map_scene_init         (FrMapScene       *scene,
                                        const FrBasemap  *basemap,
                                        const FrTimelineState *state);
/* Sets centre and zoom so that the geographic box (lon_min, lat_min,
 * lon_max, lat_max) fills a @width × @height picture. */
void         fr_map_scene_fit          (FrMapScene       *scene,
                                        const double      geo_bbox[4],
                                        double            width,
                                        double            height);

void         fr_map_render             (cairo_t          *cr,
                                        const FrMapScene *scene,
                                        double            width,
                                        double            height,
                                        const FrTheme    *theme);

/* Picture coordinates ↔ geographic degrees for a @width × @height picture.
 * fr_map_unproject() returns FALSE off the projection's domain. */
void         fr_map_project            (const FrMapScene *scene,
                                        double            width,
                                        double            height,
                                        double            lon,
                                        double            lat,
                                        double           *x,
                                        double           *y);
gboolean     fr_map_unproject          (const FrMapScene *scene,
                                        double            width,
                                        double            height,
                                        double            x,
                                        double            y,
                                        double           *lon,
                                        double           *lat);
/* Region code under the picture point, NULL over the sea. */
const char  *fr_map_hit_test           (const FrMapScene *scene,
                                        double            width,
                                        double            height,
                                        double            x,
                                        double            y);

FrMapCache  *fr_map_cache_new          (void);
void         fr_map_cache_free         (FrMapCache       *cache);
/* Projects the basemap for @projection (NULL: fr_lcc_init_frontier())
 * into the cache ahead of the first frame; safe in a worker thread while
 * no other thread uses the cache. */
void         fr_map_cache_prepare      (FrMapCache       *cache,
                                        const FrBasemap  *basemap,
                                        const FrLcc      *projection);
/* Drops everything; call when the basemap or the projection changed.
 * Views and frames are checked on every render and need no call. */
void         fr_map_cache_invalidate   (FrMapCache       *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrMapCache, fr_map_cache_free)

/* Translated name of a basemap sea label ("Barents Sea"). */
const char  *fr_map_sea_name           (const char       *name);

G_END_DECLS
