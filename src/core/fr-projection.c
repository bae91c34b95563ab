/* fr-projection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Equation numbers refer to Snyder, USGS Professional Paper 1395 (1987).
 */
#define G_LOG_DOMAIN "frontier-core"

#include "fr-projection.h"

#include <math.h>

#include "fr-geometry.h"

#define DEG (G_PI / 180.0)
/* Keeps t finite at the poles; 1e-10 rad is 0.6 mm on the ground. */
#define POLE_MARGIN 1e-10

/* (14-15) */
static double
lcc_m (double e,
       double phi)
{
  double s = sin (phi);
  return cos (phi) / sqrt (1.0 - e * e * s * s);
}

/* (15-9) */
static double
lcc_t (double e,
       double phi)
{
  double s = sin (phi);
  return tan (G_PI / 4.0 - phi / 2.0) / pow ((1.0 - e * s) / (1.0 + e * s), e / 2.0);
}

static double
clamp_lat (double phi)
{
  return CLAMP (phi, -G_PI / 2.0 + POLE_MARGIN, G_PI / 2.0 - POLE_MARGIN);
}

gboolean
fr_lcc_init (FrLcc  *lcc,
             double  lat1,
             double  lat2,
             double  lat0,
             double  lon0)
{
  g_return_val_if_fail (lcc != NULL, FALSE);

  lcc->lat1 = lat1;
  lcc->lat2 = lat2;
  lcc->lat0 = lat0;
  lcc->lon0 = lon0;
  lcc->a = FR_WGS84_A;
  lcc->e = sqrt (FR_WGS84_F * (2.0 - FR_WGS84_F));

  if (fabs (lat1) >= 90.0 || fabs (lat2) >= 90.0 || fabs (lat0) > 90.0 ||
      !isfinite (lon0) || fabs (lat1 + lat2) < 1e-10)
    {
      lcc->n = 0;
      return FALSE;
    }

  double phi1 = lat1 * DEG, phi2 = lat2 * DEG;
  double m1 = lcc_m (lcc->e, phi1), m2 = lcc_m (lcc->e, phi2);
  double t1 = lcc_t (lcc->e, phi1), t2 = lcc_t (lcc->e, phi2);

  if (fabs (lat1 - lat2) < 1e-10)
    lcc->n = sin (phi1);                                  /* tangent cone */
  else
    lcc->n = (log (m1) - log (m2)) / (log (t1) - log (t2));   /* (15-8) */
  lcc->F = m1 / (lcc->n * pow (t1, lcc->n));                 /* (15-10) */
  lcc->rho0 = lcc->a * lcc->F * pow (lcc_t (lcc->e, clamp_lat (lat0 * DEG)), lcc->n); /* (15-7a) */
  return isfinite (lcc->n) && isfinite (lcc->F) && isfinite (lcc->rho0) && lcc->n != 0;
}

void
fr_lcc_init_frontier (FrLcc *lcc)
{
  fr_lcc_init (lcc, FR_LCC_FRONTIER_LAT1, FR_LCC_FRONTIER_LAT2,
               FR_LCC_FRONTIER_LAT0, FR_LCC_FRONTIER_LON0);
}

void
fr_lcc_forward (const FrLcc *lcc,
                double       lon,
                double       lat,
                double      *x,
                double      *y)
{
  double dlon = remainder (lon - lcc->lon0, 360.0);
  double phi = clamp_lat (lat * DEG);
  double rho = lcc->a * lcc->F * pow (lcc_t (lcc->e, phi), lcc->n); /* (15-7) */
  double theta = lcc->n * dlon * DEG;                               /* (14-4) */

  *x = rho * sin (theta);                                           /* (14-1) */
  *y = lcc->rho0 - rho * cos (theta);                               /* (14-2) */
}

gboolean
fr_lcc_inverse (const FrLcc *lcc,
                double       x,
                double       y,
                double      *lon,
                double      *lat)
{
  if (!isfinite (x) || !isfinite (y))
    return FALSE;

  double sign = lcc->n < 0 ? -1.0 : 1.0;
  double dy = lcc->rho0 - y;
  double rho = sign * sqrt (x * x + dy * dy);                       /* (14-10) */
  double theta = atan2 (sign * x, sign * dy);                       /* (14-11) */
  double phi;

  if (rho == 0)
    phi = sign * G_PI / 2.0;
  else
    {
      double t = pow (rho / (lcc->a * lcc->F), 1.0 / lcc->n);       /* (15-11) */
      double e = lcc->e;
      phi = G_PI / 2.0 - 2.0 * atan (t);                            /* (7-11) */
      for (int i = 0; i < 20; i++)
        {
          double s = sin (phi);
          double next = G_PI / 2.0 - 2.0 * atan (t * pow ((1.0 - e * s) / (1.0 + e * s), e / 2.0)); /* (7-9) */
          double delta = fabs (next - phi);
          phi = next;
          if (delta < 1e-12)
            break;
        }
    }

  *lat = phi / DEG;
  *lon = remainder (theta / lcc->n / DEG + lcc->lon0, 360.0);       /* (14-9) */
  return isfinite (*lat) && isfinite (*lon);
}

double
fr_lcc_scale_factor (const FrLcc *lcc,
                     double       lat)
{
  double phi = clamp_lat (lat * DEG);
  double rho = lcc->a * lcc->F * pow (lcc_t (lcc->e, phi), lcc->n);
  return rho * lcc->n / (lcc->a * lcc_m (lcc->e, phi));             /* (15-4) */
}

void
fr_lcc_project_bbox (const FrLcc  *lcc,
                     const double  geo_bbox[4],
                     double        xy_bbox[4])
{
  /* Parallels project to arcs that bulge between the corners: sample the
   * edges, then add the arcs' extremes exactly. */
  const int steps = 32;

  fr_geo_bbox_init (xy_bbox);
  for (int i = 0; i <= steps; i++)
    {
      double f = (double) i / steps;
      double lon = geo_bbox[0] + f * (geo_bbox[2] - geo_bbox[0]);
      double lat = geo_bbox[1] + f * (geo_bbox[3] - geo_bbox[1]);
      double x, y;

      fr_lcc_forward (lcc, lon, geo_bbox[1], &x, &y);
      fr_geo_bbox_add (xy_bbox, x, y);
      fr_lcc_forward (lcc, lon, geo_bbox[3], &x, &y);
      fr_geo_bbox_add (xy_bbox, x, y);
      fr_lcc_forward (lcc, geo_bbox[0], lat, &x, &y);
      fr_geo_bbox_add (xy_bbox, x, y);
      fr_lcc_forward (lcc, geo_bbox[2], lat, &x, &y);
      fr_geo_bbox_add (xy_bbox, x, y);
    }
  /* A parallel's arc reaches its extreme y on the central meridian. */
  if (geo_bbox[0] <= lcc->lon0 && lcc->lon0 <= geo_bbox[2])
    {
      double x, y;
      fr_lcc_forward (lcc, lcc->lon0, geo_bbox[1], &x, &y);
      fr_geo_bbox_add (xy_bbox, x, y);
      fr_lcc_forward (lcc, lcc->lon0, geo_bbox[3], &x, &y);
      fr_geo_bbox_add (xy_bbox, x, y);
    }
}
