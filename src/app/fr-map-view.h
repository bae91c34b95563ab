/* fr-map-view.h — the frontier map as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fr-basemap.h"
#include "fr-frontier.h"
#include "fr-model.h"

G_BEGIN_DECLS

#define FR_TYPE_MAP_VIEW (fr_map_view_get_type ())
G_DECLARE_FINAL_TYPE (FrMapView, fr_map_view, FR, MAP_VIEW, GtkWidget)

GtkWidget  *fr_map_view_new                (void);
/* The model is borrowed: call fr_map_view_model_changed() after editing
 * its timeline or projections, and set it again (or NULL) before it is
 * freed. */
void        fr_map_view_set_model          (FrMapView     *self,
                                            const FrModel *model);
void        fr_map_view_model_changed      (FrMapView     *self);
void        fr_map_view_set_day            (FrMapView     *self,
                                            gint32         day);
gint32      fr_map_view_get_day            (FrMapView     *self);
/* Whose projection the map shows after the ceasefire; NULL for none. */
void        fr_map_view_set_option         (FrMapView     *self,
                                            const char    *option_id);
const char *fr_map_view_get_selected_region (FrMapView    *self);
void        fr_map_view_select_region      (FrMapView     *self,
                                            const char    *code);
/* Back to the whole frontier. */
void        fr_map_view_reset_view         (FrMapView     *self);
/* Multiplies the scale around the centre: > 1 zooms in. */
void        fr_map_view_zoom               (FrMapView     *self,
                                            double         factor);
void        fr_map_view_pan                (FrMapView     *self,
                                            double         dx,
                                            double         dy);
/* Projected metres per pixel; <= 0 until the first frame fitted the map. */
double      fr_map_view_get_scale          (FrMapView     *self);
/* The frontier length in km at the current day (cited official figures). */
double      fr_map_view_get_frontier_km    (FrMapView     *self);
/* Text for a region, as the tooltip shows it at the current day. */
char       *fr_map_view_dup_region_summary (FrMapView     *self,
                                            const char    *code);
/* The basemap, waiting for it to be read if need be. */
const FrBasemap *fr_map_view_get_basemap   (FrMapView     *self);
/* Takes the basemap from its loading thread, waiting if need be, and tells
 * every map view ("map-ready"); does nothing once done. */
void        fr_map_view_finish_loading     (void);
/* The geographic box the view shows (lon_min, lat_min, lon_max, lat_max). */
gboolean    fr_map_view_get_extent         (FrMapView     *self,
                                            double         extent[4]);
/* Shows the geographic box @extent. */
void        fr_map_view_set_extent         (FrMapView     *self,
                                            const double   extent[4]);
/* Draws the map as it is on screen, with legend and scale bar, to a PNG,
 * SVG or PDF file of @width × @height. */
gboolean    fr_map_view_export             (FrMapView     *self,
                                            const char    *path,
                                            double         width,
                                            double         height,
                                            double         scale,
                                            GError       **error);
/* The frontier at the current day; NULL without a model. */
const FrFrontier *fr_map_view_get_frontier (FrMapView     *self);

G_END_DECLS
