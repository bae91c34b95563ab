/* test-projection.c — Lambert conformal conic against PROJ, and geodesics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference coordinates in tests/fixtures/proj/ come from PROJ 9.1.1's
 * `proj +proj=lcc …` (the command is in each file's header), printed to
 * 0.1 mm; the forward projection must agree to 1 mm.
 */
#include <math.h>

#include "fr-geometry.h"
#include "fr-projection.h"

typedef struct {
  double lon, lat, x, y;
  char *place;
} RefPoint;

static GArray *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "proj", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *points = g_array_new (FALSE, FALSE, sizeof (RefPoint));

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      RefPoint p;
      char *end;
      const char *hash;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      p.lon = g_ascii_strtod (lines[i], &end);
      p.lat = g_ascii_strtod (end, &end);
      p.x = g_ascii_strtod (end, &end);
      p.y = g_ascii_strtod (end, &end);
      hash = strchr (end, '#');
      g_assert_nonnull (hash);
      p.place = g_strstrip (g_strdup (hash + 1));
      g_array_append_val (points, p);
    }
  return points;
}

static void
free_fixture (GArray *points)
{
  for (guint i = 0; i < points->len; i++)
    g_free (g_array_index (points, RefPoint, i).place);
  g_array_unref (points);
}

static void
check_against (const FrLcc *lcc,
               const char  *fixture,
               guint        expected_points)
{
  GArray *points = read_fixture (fixture);

  g_assert_cmpuint (points->len, ==, expected_points);
  for (guint i = 0; i < points->len; i++)
    {
      const RefPoint *p = &g_array_index (points, RefPoint, i);
      double x, y, lon, lat;

      fr_lcc_forward (lcc, p->lon, p->lat, &x, &y);
      if (fabs (x - p->x) > 1e-3 || fabs (y - p->y) > 1e-3)
        g_error ("%s (%g, %g): got %.4f %.4f, PROJ %.4f %.4f", p->place, p->lon, p->lat, x, y, p->x, p->y);

      /* Inverse from PROJ's own numbers: back to the input to 1e-8° (≈1 mm). */
      g_assert_true (fr_lcc_inverse (lcc, p->x, p->y, &lon, &lat));
      if (fabs (lon - p->lon) > 1e-8 || fabs (lat - p->lat) > 1e-8)
        g_error ("%s: inverse gave %.10f %.10f, expected %g %g", p->place, lon, lat, p->lon, p->lat);
    }
  free_fixture (points);
}

static void
test_lcc_frontier (void)
{
  FrLcc lcc;

  fr_lcc_init_frontier (&lcc);
  g_assert_cmpfloat (lcc.lat1, ==, 43.0);
  g_assert_cmpfloat (lcc.lat2, ==, 67.0);
  g_assert_cmpfloat (lcc.lat0, ==, 55.0);
  g_assert_cmpfloat (lcc.lon0, ==, 30.0);
  check_against (&lcc, "lcc-frontier.txt", 33);
}

static void
test_lcc_tangent (void)
{
  FrLcc lcc;

  g_assert_true (fr_lcc_init (&lcc, 60, 60, 60, 20));
  /* One standard parallel: the cone constant is sin φ1 (Snyder 15-8 note). */
  g_assert_cmpfloat_with_epsilon (lcc.n, sin (60 * G_PI / 180), 1e-15);
  check_against (&lcc, "lcc-tangent.txt", 10);
}

static void
test_lcc_round_trip (void)
{
  FrLcc lcc;

  fr_lcc_init_frontier (&lcc);
  for (double lat = 34; lat <= 80; lat += 0.73)
    for (double lon = -30; lon <= 90; lon += 1.37)
      {
        double x, y, lon2, lat2;
        fr_lcc_forward (&lcc, lon, lat, &x, &y);
        g_assert_true (fr_lcc_inverse (&lcc, x, y, &lon2, &lat2));
        g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-9);
        g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-9);
      }
  double lon, lat;
  g_assert_false (fr_lcc_inverse (&lcc, NAN, 0, &lon, &lat));
  g_assert_false (fr_lcc_inverse (&lcc, 0, INFINITY, &lon, &lat));
}

static void
test_lcc_properties (void)
{
  FrLcc lcc;
  double x, y;

  fr_lcc_init_frontier (&lcc);
  /* Conformal with two standard parallels: k = 1 exactly on both, below 1
   * between them, above 1 outside. */
  g_assert_cmpfloat_with_epsilon (fr_lcc_scale_factor (&lcc, 43), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (fr_lcc_scale_factor (&lcc, 67), 1.0, 1e-12);
  g_assert_cmpfloat (fr_lcc_scale_factor (&lcc, 55), <, 0.98);
  g_assert_cmpfloat (fr_lcc_scale_factor (&lcc, 71), >, 1.02);
  g_assert_cmpfloat (fr_lcc_scale_factor (&lcc, 71), <, 1.022);

  /* Scale factor agrees with the projected length of a short meridian
   * step divided by its geodesic length. */
  for (double lat = 40; lat <= 72; lat += 8)
    {
      double x1, y1, x2, y2;
      FrLonLat a = { 30, lat }, b = { 30, lat + 0.001 };
      fr_lcc_forward (&lcc, a.lon, a.lat, &x1, &y1);
      fr_lcc_forward (&lcc, b.lon, b.lat, &x2, &y2);
      double k = hypot (x2 - x1, y2 - y1) / fr_geo_distance (a, b);
      g_assert_cmpfloat_with_epsilon (k, fr_lcc_scale_factor (&lcc, lat + 0.0005), 1e-6);
    }

  /* Longitudes wrap around the central meridian. */
  double x2, y2;
  fr_lcc_forward (&lcc, 10, 60, &x, &y);
  fr_lcc_forward (&lcc, 370, 60, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x, x2, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, y2, 1e-6);

  /* Degenerate cones are refused. */
  FrLcc bad;
  g_assert_false (fr_lcc_init (&bad, 30, -30, 0, 0));
  g_assert_false (fr_lcc_init (&bad, 90, 60, 60, 0));

  /* Projected box of the map window: it must hold every corner and the
   * bulge of the southern parallel (y lowest at the central meridian
   * inside the box, not at a corner). */
  const double geo[4] = { 5, 34, 50, 75 };
  double xy[4];
  fr_lcc_project_bbox (&lcc, geo, xy);
  fr_lcc_forward (&lcc, 30, 34, &x, &y);
  g_assert_cmpfloat_with_epsilon (xy[1], y, 1e-6);
  fr_lcc_forward (&lcc, 5, 34, &x, &y);
  g_assert_cmpfloat_with_epsilon (xy[0], x, 1e-6);
  g_assert_cmpfloat (xy[1], <, y);
}

static void
test_geodesic (void)
{
  /* Vincenty's inverse on WGS84 against PROJ's geod (Karney's algorithm,
   * exact to nanometres; input is lat lon):
   *   echo "55.75 37.62 59.93 30.36" | geod +ellps=WGS84 -I -f %.4f
   *   → -39.7759  134.0716  633872.419   (Moscow → St Petersburg)
   * Vincenty is good to well under a millimetre at this distance. */
  FrLonLat moscow = { 37.62, 55.75 }, petersburg = { 30.36, 59.93 };
  g_assert_cmpfloat_with_epsilon (fr_geo_distance (moscow, petersburg), 633872.419, 0.001);
  g_assert_cmpfloat_with_epsilon (fr_geo_azimuth (moscow, petersburg), 360.0 - 39.7759, 1e-4);

  /* One degree of latitude at the equator is 110,574.389 m on WGS84, one
   * of longitude 111,319.491 m (a · π/180); geod as above. */
  FrLonLat o = { 0, 0 }, n = { 0, 1 }, e = { 1, 0 };
  g_assert_cmpfloat_with_epsilon (fr_geo_distance (o, n), 110574.389, 0.01);
  g_assert_cmpfloat_with_epsilon (fr_geo_distance (o, e), 111319.491, 0.01);
  g_assert_cmpfloat_with_epsilon (fr_geo_azimuth (o, n), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fr_geo_azimuth (o, e), 90.0, 1e-9);
  g_assert_cmpfloat (fr_geo_distance (o, o), ==, 0.0);

  /* Nearly antipodal: Vincenty fails to converge; the spherical fallback
   * must still give about half the circumference. */
  FrLonLat a = { 0, 0.5 }, b = { 179.7, -0.5 };
  double d = fr_geo_distance (a, b);
  g_assert_cmpfloat (d, >, 19.9e6);
  g_assert_cmpfloat (d, <, 20.1e6);

  FrLonLat line[] = { { 0, 0 }, { 0, 1 }, { 1, 1 } };
  g_assert_cmpfloat_with_epsilon (fr_geo_polyline_length (line, 3),
                                  fr_geo_distance (line[0], line[1]) + fr_geo_distance (line[1], line[2]),
                                  1e-9);
  g_assert_cmpfloat (fr_geo_line_length (NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/projection/lcc-frontier", test_lcc_frontier);
  g_test_add_func ("/core/projection/lcc-tangent", test_lcc_tangent);
  g_test_add_func ("/core/projection/round-trip", test_lcc_round_trip);
  g_test_add_func ("/core/projection/properties", test_lcc_properties);
  g_test_add_func ("/core/geometry/geodesic", test_geodesic);
  return g_test_run ();
}
