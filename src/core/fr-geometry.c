/* fr-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "fr-geometry.h"

#include <math.h>

#define DEG (G_PI / 180.0)
/* Radius of the sphere with the WGS84 ellipsoid's surface area. */
#define AUTHALIC_RADIUS 6371007.181

static GArray *
open_ring (GArray *ring)
{
  if (ring->len >= 2)
    {
      const FrLonLat *first = &g_array_index (ring, FrLonLat, 0);
      const FrLonLat *last = &g_array_index (ring, FrLonLat, ring->len - 1);
      if (first->lon == last->lon && first->lat == last->lat)
        g_array_set_size (ring, ring->len - 1);
    }
  return ring;
}

FrPolygon *
fr_polygon_new (GArray *outer)
{
  FrPolygon *polygon = g_new0 (FrPolygon, 1);

  polygon->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (outer != NULL)
    g_ptr_array_add (polygon->rings, open_ring (outer));
  fr_polygon_update_bbox (polygon);
  return polygon;
}

void
fr_polygon_add_hole (FrPolygon *polygon,
                     GArray    *hole)
{
  g_return_if_fail (polygon != NULL && hole != NULL);
  g_ptr_array_add (polygon->rings, open_ring (hole));
}

void
fr_polygon_free (FrPolygon *polygon)
{
  if (polygon == NULL)
    return;
  g_ptr_array_unref (polygon->rings);
  g_free (polygon);
}

void
fr_polygon_update_bbox (FrPolygon *polygon)
{
  fr_geo_bbox_init (polygon->bbox);
  if (polygon->rings->len > 0)
    fr_geo_bbox_add_line (polygon->bbox, g_ptr_array_index (polygon->rings, 0));
}

/* Vincenty's inverse problem. Returns FALSE when the iteration on lambda
 * does not converge (nearly antipodal points). */
static gboolean
vincenty_inverse (FrLonLat  p1,
                  FrLonLat  p2,
                  double   *distance,
                  double   *azimuth)
{
  const double a = FR_WGS84_A;
  const double f = FR_WGS84_F;
  const double b = a * (1.0 - f);
  double L = (p2.lon - p1.lon) * DEG;
  double U1 = atan ((1.0 - f) * tan (p1.lat * DEG));
  double U2 = atan ((1.0 - f) * tan (p2.lat * DEG));
  double sinU1 = sin (U1), cosU1 = cos (U1);
  double sinU2 = sin (U2), cosU2 = cos (U2);
  double lambda = L, lambda_prev;
  double sin_sigma = 0, cos_sigma = 1, sigma = 0, cos2_alpha = 1, cos_2sigma_m = 0;
  double sin_lambda = 0, cos_lambda = 1;
  int iterations = 0;

  do
    {
      sin_lambda = sin (lambda);
      cos_lambda = cos (lambda);
      double t1 = cosU2 * sin_lambda;
      double t2 = cosU1 * sinU2 - sinU1 * cosU2 * cos_lambda;
      sin_sigma = sqrt (t1 * t1 + t2 * t2);
      if (sin_sigma == 0)
        {
          /* coincident points */
          *distance = 0;
          *azimuth = 0;
          return TRUE;
        }
      cos_sigma = sinU1 * sinU2 + cosU1 * cosU2 * cos_lambda;
      sigma = atan2 (sin_sigma, cos_sigma);
      double sin_alpha = cosU1 * cosU2 * sin_lambda / sin_sigma;
      cos2_alpha = 1.0 - sin_alpha * sin_alpha;
      /* on the equator cos2_alpha is 0 and the term vanishes */
      cos_2sigma_m = cos2_alpha != 0 ? cos_sigma - 2.0 * sinU1 * sinU2 / cos2_alpha : 0;
      double C = f / 16.0 * cos2_alpha * (4.0 + f * (4.0 - 3.0 * cos2_alpha));
      lambda_prev = lambda;
      lambda = L + (1.0 - C) * f * sin_alpha *
               (sigma + C * sin_sigma * (cos_2sigma_m + C * cos_sigma *
                                         (-1.0 + 2.0 * cos_2sigma_m * cos_2sigma_m)));
      if (fabs (lambda) > G_PI * 1.0001 + fabs (L))
        return FALSE;
    }
  while (fabs (lambda - lambda_prev) > 1e-12 && ++iterations < 200);

  if (iterations >= 200)
    return FALSE;

  double u2 = cos2_alpha * (a * a - b * b) / (b * b);
  double A = 1.0 + u2 / 16384.0 * (4096.0 + u2 * (-768.0 + u2 * (320.0 - 175.0 * u2)));
  double B = u2 / 1024.0 * (256.0 + u2 * (-128.0 + u2 * (74.0 - 47.0 * u2)));
  double delta_sigma = B * sin_sigma *
    (cos_2sigma_m + B / 4.0 *
     (cos_sigma * (-1.0 + 2.0 * cos_2sigma_m * cos_2sigma_m) -
      B / 6.0 * cos_2sigma_m * (-3.0 + 4.0 * sin_sigma * sin_sigma) *
      (-3.0 + 4.0 * cos_2sigma_m * cos_2sigma_m)));

  *distance = b * A * (sigma - delta_sigma);
  double az = atan2 (cosU2 * sin_lambda, cosU1 * sinU2 - sinU1 * cosU2 * cos_lambda) / DEG;
  *azimuth = az < 0 ? az + 360.0 : az;
  return TRUE;
}

static double
haversine (FrLonLat a,
           FrLonLat b)
{
  double dlat = (b.lat - a.lat) * DEG;
  double dlon = (b.lon - a.lon) * DEG;
  double h = sin (dlat / 2) * sin (dlat / 2) +
             cos (a.lat * DEG) * cos (b.lat * DEG) * sin (dlon / 2) * sin (dlon / 2);
  return 2.0 * FR_EARTH_MEAN_RADIUS * asin (MIN (1.0, sqrt (h)));
}

double
fr_geo_distance (FrLonLat a,
                 FrLonLat b)
{
  double distance, azimuth;

  if (a.lon == b.lon && a.lat == b.lat)
    return 0;
  if (vincenty_inverse (a, b, &distance, &azimuth))
    return distance;
  return haversine (a, b);
}

double
fr_geo_azimuth (FrLonLat a,
                FrLonLat b)
{
  double distance, azimuth;

  if (a.lon == b.lon && a.lat == b.lat)
    return 0;
  if (vincenty_inverse (a, b, &distance, &azimuth))
    return azimuth;
  /* spherical initial bearing for the antipodal fallback */
  double y = sin ((b.lon - a.lon) * DEG) * cos (b.lat * DEG);
  double x = cos (a.lat * DEG) * sin (b.lat * DEG) -
             sin (a.lat * DEG) * cos (b.lat * DEG) * cos ((b.lon - a.lon) * DEG);
  double az = atan2 (y, x) / DEG;
  return az < 0 ? az + 360.0 : az;
}

double
fr_geo_polyline_length (const FrLonLat *points,
                        guint           n_points)
{
  double sum = 0;

  for (guint i = 1; i < n_points; i++)
    sum += fr_geo_distance (points[i - 1], points[i]);
  return sum;
}

double
fr_geo_line_length (const GArray *line)
{
  if (line == NULL || line->len < 2)
    return 0;
  return fr_geo_polyline_length ((const FrLonLat *) (gconstpointer) line->data, line->len);
}

gboolean
fr_geo_ring_contains (const GArray *ring,
                      double        lon,
                      double        lat)
{
  gboolean inside = FALSE;

  if (ring == NULL || ring->len < 3)
    return FALSE;

  const FrLonLat *p = (const FrLonLat *) (gconstpointer) ring->data;
  for (guint i = 0, j = ring->len - 1; i < ring->len; j = i++)
    {
      if ((p[i].lat > lat) != (p[j].lat > lat) &&
          lon < (p[j].lon - p[i].lon) * (lat - p[i].lat) / (p[j].lat - p[i].lat) + p[i].lon)
        inside = !inside;
    }
  return inside;
}

gboolean
fr_geo_polygon_contains (const FrPolygon *polygon,
                         double           lon,
                         double           lat)
{
  gboolean inside = FALSE;

  if (polygon == NULL || polygon->rings->len == 0 ||
      !fr_geo_bbox_contains (polygon->bbox, lon, lat))
    return FALSE;
  /* Even-odd over all rings: a point in a hole flips back to outside. */
  for (guint r = 0; r < polygon->rings->len; r++)
    if (fr_geo_ring_contains (g_ptr_array_index (polygon->rings, r), lon, lat))
      inside = !inside;
  return inside;
}

/* sin of the authalic latitude, Snyder (1987) eqs. (3-11), (3-12): on the
 * authalic sphere, areas between parallels equal those on the ellipsoid. */
static double
sin_authalic (double lat)
{
  const double e2 = FR_WGS84_F * (2.0 - FR_WGS84_F);
  const double e = sqrt (e2);
  double s = sin (lat * DEG);
  double q = (1.0 - e2) * (s / (1.0 - e2 * s * s) - log ((1.0 - e * s) / (1.0 + e * s)) / (2.0 * e));
  double qp = 1.0 - (1.0 - e2) / (2.0 * e) * log ((1.0 - e) / (1.0 + e));
  return q / qp;
}

/* Chamberlain & Duquette, "Some algorithms for polygons on a sphere" (JPL,
 * 2007): A = R²/2 |Σ (λ[i+1] − λ[i−1]) sin β[i]|, in authalic latitude β so
 * that it holds on the ellipsoid. It treats edges as straight in (λ, sin β),
 * which for edges of a few kilometres is indistinguishable from geodesics. */
double
fr_geo_ring_area (const GArray *ring)
{
  double sum = 0;

  if (ring == NULL || ring->len < 3)
    return 0;
  const FrLonLat *p = (const FrLonLat *) (gconstpointer) ring->data;
  guint n = ring->len;
  for (guint i = 0; i < n; i++)
    {
      const FrLonLat *prev = &p[(i + n - 1) % n];
      const FrLonLat *next = &p[(i + 1) % n];
      sum += (next->lon - prev->lon) * DEG * sin_authalic (p[i].lat);
    }
  return fabs (sum) * AUTHALIC_RADIUS * AUTHALIC_RADIUS / 2.0 / 1e6;
}

double
fr_geo_polygon_area (const FrPolygon *polygon)
{
  double area = 0;

  if (polygon == NULL)
    return 0;
  for (guint r = 0; r < polygon->rings->len; r++)
    {
      double a = fr_geo_ring_area (g_ptr_array_index (polygon->rings, r));
      area += r == 0 ? a : -a;
    }
  return MAX (area, 0);
}

void
fr_geo_bbox_init (double bbox[4])
{
  bbox[0] = bbox[1] = G_MAXDOUBLE;
  bbox[2] = bbox[3] = -G_MAXDOUBLE;
}

void
fr_geo_bbox_add (double bbox[4],
                 double lon,
                 double lat)
{
  bbox[0] = MIN (bbox[0], lon);
  bbox[1] = MIN (bbox[1], lat);
  bbox[2] = MAX (bbox[2], lon);
  bbox[3] = MAX (bbox[3], lat);
}

void
fr_geo_bbox_add_line (double        bbox[4],
                      const GArray *line)
{
  if (line == NULL)
    return;
  for (guint i = 0; i < line->len; i++)
    {
      const FrLonLat *p = &g_array_index (line, FrLonLat, i);
      fr_geo_bbox_add (bbox, p->lon, p->lat);
    }
}

void
fr_geo_bbox_union (double       bbox[4],
                   const double other[4])
{
  if (fr_geo_bbox_is_empty (other))
    return;
  fr_geo_bbox_add (bbox, other[0], other[1]);
  fr_geo_bbox_add (bbox, other[2], other[3]);
}

gboolean
fr_geo_bbox_is_empty (const double bbox[4])
{
  return bbox[0] > bbox[2] || bbox[1] > bbox[3];
}

gboolean
fr_geo_bbox_contains (const double bbox[4],
                      double       lon,
                      double       lat)
{
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

gboolean
fr_geo_bbox_intersects (const double a[4],
                        const double b[4])
{
  if (fr_geo_bbox_is_empty (a) || fr_geo_bbox_is_empty (b))
    return FALSE;
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
