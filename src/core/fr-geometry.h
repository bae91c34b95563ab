/* fr-geometry.h — distances, lengths and containment on the WGS84 ellipsoid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here works in geographic coordinates (FrLonLat, degrees,
 * WGS84). Distances are geodesic, computed on the ellipsoid with Vincenty's
 * inverse formula (T. Vincenty, "Direct and inverse solutions of geodesics
 * on the ellipsoid with application of nested equations", Survey Review
 * 23(176), 1975), accurate to well under a millimetre for the distances a
 * border vertex list holds. For nearly antipodal points, where Vincenty's
 * iteration does not converge, a spherical fallback on the mean radius is
 * used (error ≤ 0.5 %); no line on the frontier map comes near that case.
 *
 * Containment is planar in lon/lat (even-odd rule), which is exact for the
 * vertex lists the basemap holds: their edges are drawn straight in lon/lat
 * by the source data too.
 *
 * A bounding box is `double bbox[4]` = { lon_min, lat_min, lon_max, lat_max },
 * the same order as FrView.extent in fr-model.h.
 */
#pragma once

#include <glib.h>

#include "fr-model.h"

G_BEGIN_DECLS

#define FR_WGS84_A        6378137.0              /* semi-major axis, m */
#define FR_WGS84_F        (1.0 / 298.257223563)  /* flattening */
#define FR_EARTH_MEAN_RADIUS 6371008.8           /* IUGG mean radius R1, m */

/* A polygon: ring 0 is the outer boundary, any further rings are holes.
 * Each ring is a GArray of FrLonLat, *open*: the first point is not
 * repeated at the end (a closing edge from last to first is implied).
 * bbox covers the outer ring. */
typedef struct {
  GPtrArray *rings;   /* GArray* of FrLonLat, owned */
  double bbox[4];
} FrPolygon;

/* Takes ownership of @outer (may be NULL for an empty polygon); further
 * rings are added with fr_polygon_add_hole(). A repeated closing point at
 * the end of a ring is dropped. */
FrPolygon *fr_polygon_new          (GArray          *outer);
void       fr_polygon_add_hole     (FrPolygon       *polygon,
                                    GArray          *hole);
void       fr_polygon_free         (FrPolygon       *polygon);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrPolygon, fr_polygon_free)
/* Recomputes polygon->bbox after the rings were edited by hand. */
void       fr_polygon_update_bbox  (FrPolygon       *polygon);

/* Geodesic distance in metres between two points on WGS84. */
double     fr_geo_distance         (FrLonLat         a,
                                    FrLonLat         b);
/* Initial azimuth from @a to @b in degrees clockwise from north, 0..360;
 * 0 when the points coincide. */
double     fr_geo_azimuth          (FrLonLat         a,
                                    FrLonLat         b);
/* Sum of the geodesic lengths of the segments, in metres. */
double     fr_geo_polyline_length  (const FrLonLat  *points,
                                    guint            n_points);
/* Same for a GArray of FrLonLat (NULL or empty → 0). */
double     fr_geo_line_length      (const GArray    *line);

/* Even-odd test of a point against one ring (open or closed). Points
 * exactly on an edge may fall either way. */
gboolean   fr_geo_ring_contains    (const GArray    *ring,
                                    double           lon,
                                    double           lat);
/* Inside the outer ring and not inside any hole (even-odd over all rings);
 * checks the bbox first, so it is cheap to call on every polygon. */
gboolean   fr_geo_polygon_contains (const FrPolygon *polygon,
                                    double           lon,
                                    double           lat);

/* Area on the WGS84 ellipsoid in km² (through authalic latitudes on the
 * sphere of equal area, R = 6371007.2 m), outer ring minus holes. Edges
 * are taken as straight in (lon, sin latitude), which matches geodesics to
 * far better than a per mille for the short edges of map data. */
double     fr_geo_ring_area        (const GArray    *ring);
double     fr_geo_polygon_area     (const FrPolygon *polygon);

/* Bounding boxes: { lon_min, lat_min, lon_max, lat_max }. An empty box has
 * min > max (fr_geo_bbox_init). */
void       fr_geo_bbox_init        (double           bbox[4]);
void       fr_geo_bbox_add         (double           bbox[4],
                                    double           lon,
                                    double           lat);
void       fr_geo_bbox_add_line    (double           bbox[4],
                                    const GArray    *line);
void       fr_geo_bbox_union       (double           bbox[4],
                                    const double     other[4]);
gboolean   fr_geo_bbox_is_empty    (const double     bbox[4]);
gboolean   fr_geo_bbox_contains    (const double     bbox[4],
                                    double           lon,
                                    double           lat);
gboolean   fr_geo_bbox_intersects  (const double     a[4],
                                    const double     b[4]);

G_END_DECLS
