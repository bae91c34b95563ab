/* fr-projection.h — Lambert conformal conic on the WGS84 ellipsoid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map of the frontier from the Barents Sea to the Black Sea spans some
 * 40° of latitude and 45° of longitude: a conformal conic keeps shapes true
 * and the scale error small over such a mid-latitude band, which is why
 * national and European mapping (EPSG:3034, LCC Europe) use it too.
 *
 * Formulas: J. P. Snyder, "Map Projections — A Working Manual", USGS
 * Professional Paper 1395 (1987), pp. 107–109: equations (15-1)…(15-11)
 * with (14-1)…(14-11) for the cone and (7-9) iterated for the inverse
 * latitude. Results agree with PROJ's `+proj=lcc` to a millimetre
 * (tests/fixtures/proj/).
 *
 * The Frontier default (fr_lcc_init_frontier):
 *   standard parallels 43°N and 67°N, origin latitude 55°N, central
 *   meridian 30°E, no false easting/northing.
 * Why: the map runs from the Turkish Black Sea coast (≈41°N) to the North
 * Cape and the Barents Sea (≈71°N). Placing the standard parallels about
 * 1/6 of the band in from each edge (Kavraisky's rule for conics, applied to
 * 39…71°N) gives ≈43° and ≈67°; the scale factor then stays between
 * 0.978 (at 55–57°N) and 1.021 (at 71°N) across the band, and 1.054 at the
 * window's 75°N edge. 30°E is the meridian of the NATO–Russia line
 * itself (Kirkenes 30.0°E, the Finnish border, Kyiv 30.5°E), so the frontier
 * is drawn upright; 55°N is the middle of the band.
 *
 * Units: x east, y north, metres, origin at (lon0, lat0).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  /* parameters, degrees */
  double lat1;
  double lat2;
  double lat0;
  double lon0;
  /* derived by fr_lcc_init: do not set by hand */
  double a;       /* semi-major axis, m */
  double e;       /* eccentricity */
  double n;       /* cone constant (15-8) */
  double F;       /* (15-10) */
  double rho0;    /* radius at lat0 times a, m */
} FrLcc;

#define FR_LCC_FRONTIER_LAT1  43.0
#define FR_LCC_FRONTIER_LAT2  67.0
#define FR_LCC_FRONTIER_LAT0  55.0
#define FR_LCC_FRONTIER_LON0  30.0

/* Sets up a two-standard-parallel LCC on WGS84. When lat1 == lat2 it is the
 * one-parallel (tangent) case. Returns FALSE (and leaves @lcc unusable)
 * when the parallels are on opposite sides of the equator symmetrically or
 * at a pole, where the cone degenerates. */
gboolean fr_lcc_init           (FrLcc       *lcc,
                                double       lat1,
                                double       lat2,
                                double       lat0,
                                double       lon0);
/* The Frontier map's projection (parameters above). */
void     fr_lcc_init_frontier  (FrLcc       *lcc);

/* Geographic degrees → projected metres. Longitudes are taken relative to
 * lon0 and wrapped into −180…180. Latitudes at or beyond the pole opposite
 * the cone's apex give very large values but never NaN. */
void     fr_lcc_forward        (const FrLcc *lcc,
                                double       lon,
                                double       lat,
                                double      *x,
                                double      *y);
/* Projected metres → geographic degrees; iterates (3-5) to 1e-12 rad.
 * Returns FALSE for non-finite input. */
gboolean fr_lcc_inverse        (const FrLcc *lcc,
                                double       x,
                                double       y,
                                double      *lon,
                                double      *lat);
/* Scale factor k along meridians and parallels (equal: conformal) at a
 * latitude, (15-4); 1 on the standard parallels. */
double   fr_lcc_scale_factor   (const FrLcc *lcc,
                                double       lat);
/* Projected box { x_min, y_min, x_max, y_max } that contains a geographic
 * box { lon_min, lat_min, lon_max, lat_max }: parallels project to arcs,
 * so the edges are sampled, not just the corners. */
void     fr_lcc_project_bbox   (const FrLcc *lcc,
                                const double geo_bbox[4],
                                double       xy_bbox[4]);

G_END_DECLS
