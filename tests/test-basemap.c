/* test-basemap.c — the bundled frontier basemap (data/maps/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Border lengths are compared with published figures for the same border.
 * Natural Earth's 1:10m lines are generalised (they cut the small bends of
 * rivers and lakes that official surveys follow), so they come out
 * shorter; the tolerances below say how much, per source:
 *
 * - Finland–Russia: 1,340 km (Finland's figure, finland.fi); CIA World
 *   Factbook 2018: 1,309 km. Measured here 1,226 km (−8.5 % / −6.3 %).
 * - Norway–Russia: 196 km (geographyofrussia.com vignette 6.2); CIA 2018:
 *   191 km. Measured 165 km (−16 % / −14 %): the Pasvik river, smoothed.
 * - Estonia–Russia: 294 km (Russian-side set); CIA 2018: 324 km, which
 *   counts the Lake Peipus water line in full. Measured 284 km.
 * - Russia–Ukraine: 1,576 km (Russian-side set and CIA 1994; CIA 2018 gives
 *   1,944 km). Measured without Crimea, which has no land border with
 *   Russia: 1,525 km (−3 % of 1,576).
 * - Crimea–Kherson (UA/UA-43): the 146.8 km arc of FACTS.md ("Basemap
 *   source notes", measured there on the sphere), an internal line.
 */
#include <math.h>
#include <string.h>

#include "fr-basemap.h"
#include "fr-error.h"

static const char *const frontier_codes[] = {
  "NO", "SE", "FI", "EE", "LV", "LT", "PL", "BY", "UA", "UA-43", "MD", "RO", "RU",
  "SK", "HU", "BG", "TR", "GE", "DE", "DK", "CZ", "AT",
};

static FrBasemap *map_10m;
static FrBasemap *map_50m;

static void
assert_ratio (double      measured,
              double      official,
              double      low,
              double      high,
              const char *what)
{
  if (measured < official * low || measured > official * high)
    g_error ("%s: measured %.1f km, expected %.0f %%…%.0f %% of %.1f km", what, measured,
             low * 100, high * 100, official);
}

static void
test_regions (gconstpointer data)
{
  const FrBasemap *map = data;

  for (guint i = 0; i < G_N_ELEMENTS (frontier_codes); i++)
    {
      FrRegion *region = fr_basemap_find (map, frontier_codes[i]);
      if (region == NULL)
        g_error ("region %s missing", frontier_codes[i]);
      g_assert_true (region->frontier);
      g_assert_cmpuint (region->polygons->len, >, 0);
      g_assert_false (fr_geo_bbox_is_empty (region->bbox));
    }

  FrRegion *fi = fr_basemap_find (map, "FI");
  g_assert_cmpstr (fi->name, ==, "Finland");
  g_assert_cmpstr (fi->iso_numeric, ==, "246");
  g_assert_cmpstr (fi->sovereign, ==, "FI");

  FrRegion *crimea = fr_basemap_find (map, "UA-43");
  g_assert_cmpstr (crimea->name, ==, "Crimea");
  g_assert_cmpstr (crimea->sovereign, ==, "UA");
  g_assert_null (crimea->iso_numeric);
  g_assert_cmpuint (crimea->polygons->len, ==, 1);

  /* Context countries come along, flagged as context. */
  FrRegion *gb = fr_basemap_find (map, "GB");
  g_assert_nonnull (gb);
  g_assert_false (gb->frontier);
  g_assert_nonnull (fr_basemap_find (map, "XK"));
  g_assert_nonnull (fr_basemap_find (map, "KZ"));
  /* Åland is Finland's, not a region of its own; Svalbard is outside. */
  g_assert_null (fr_basemap_find (map, "AX"));
  g_assert_null (fr_basemap_find (map, "SJ"));
  g_assert_null (fr_basemap_find (map, NULL));
  g_assert_cmpuint (g_hash_table_size (map->by_code), ==, map->regions->len);

  gboolean barents = FALSE;
  g_assert_cmpuint (map->labels->len, >=, 8);
  for (guint i = 0; i < map->labels->len; i++)
    {
      FrBasemapLabel *label = g_ptr_array_index (map->labels, i);
      g_assert_cmpstr (label->kind, ==, "sea");
      /* a sea label lies at sea */
      if (fr_basemap_region_at (map, label->position.lon, label->position.lat) != NULL)
        g_error ("label %s is on land", label->name);
      barents |= g_str_equal (label->name, "Barents Sea");
    }
  g_assert_true (barents);
  g_assert_nonnull (map->source);
  g_assert_nonnull (strstr (map->source, "Made with Natural Earth"));
}

typedef struct {
  double lon, lat;
  const char *code;   /* NULL: at sea or outside the window */
  const char *place;
} Place;

static void
check_places (const FrBasemap *map,
              const Place     *places,
              guint            n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *got = fr_basemap_region_at (map, places[i].lon, places[i].lat);
      if (g_strcmp0 (got, places[i].code) != 0)
        g_error ("%s (%g, %g): in %s, expected %s", places[i].place, places[i].lon, places[i].lat,
                 got ? got : "(none)", places[i].code ? places[i].code : "(none)");
    }
}

static void
test_places (gconstpointer data)
{
  const FrBasemap *map = data;
  static const Place places[] = {
    { 34.10, 44.95, "UA-43", "central Crimea, the probe of tools/basemap" },
    { 34.1024, 44.9521, "UA-43", "Simferopol" },
    { 33.53, 44.60, "UA-43", "Sevastopol" },
    { 36.47, 45.35, "UA-43", "Kerch" },
    { 20.50, 54.70, "RU", "Kaliningrad" },
    { 24.94, 60.17, "FI", "Helsinki" },
    { 19.94, 60.10, "FI", "Mariehamn, Åland" },
    { 30.52, 50.45, "UA", "Kyiv" },
    { 37.80, 48.00, "UA", "Donetsk (de jure Ukraine)" },
    { 37.62, 55.75, "RU", "Moscow" },
    { 27.56, 53.90, "BY", "Minsk" },
    { 29.64, 46.84, "MD", "Tiraspol (Transnistria, de jure Moldova)" },
    { 41.02, 43.00, "GE", "Sukhumi (Abkhazia, de jure Georgia)" },
    { 21.01, 52.23, "PL", "Warsaw" },
    { 25.28, 54.69, "LT", "Vilnius" },
    { 24.11, 56.95, "LV", "Riga" },
    { 24.75, 59.44, "EE", "Tallinn" },
    { 26.10, 44.43, "RO", "Bucharest" },
    { 33.08, 68.97, "RU", "Murmansk" },
    { 34.00, 43.20, NULL, "Black Sea" },
    { 36.60, 46.10, NULL, "Sea of Azov" },
    { 40.00, 72.50, NULL, "Barents Sea" },
    { 100.0, 60.00, NULL, "Siberia, outside the window" },
  };

  check_places (map, places, G_N_ELEMENTS (places));
  g_assert_true (fr_region_contains (fr_basemap_find (map, "UA-43"), 34.10, 44.95));
  g_assert_false (fr_region_contains (fr_basemap_find (map, "RU"), 34.10, 44.95));
  g_assert_false (fr_region_contains (fr_basemap_find (map, "UA"), 34.10, 44.95));
}

static void
test_places_10m (void)
{
  /* Points near coasts that only the 1:10m outline places on land. */
  static const Place places[] = {
    { 30.05, 69.73, "NO", "Kirkenes" },
    { 29.03, 41.02, "TR", "Üsküdar, Asian shore of the Bosphorus" },
  };

  check_places (map_10m, places, G_N_ELEMENTS (places));
}

static void
test_window (gconstpointer data)
{
  const FrBasemap *map = data;

  for (guint i = 0; i < map->regions->len; i++)
    {
      FrRegion *region = g_ptr_array_index (map->regions, i);
      if (region->bbox[0] < FR_BASEMAP_WINDOW_LON_MIN || region->bbox[1] < FR_BASEMAP_WINDOW_LAT_MIN ||
          region->bbox[2] > FR_BASEMAP_WINDOW_LON_MAX || region->bbox[3] > FR_BASEMAP_WINDOW_LAT_MAX)
        g_error ("%s extends outside the window: %g %g %g %g", region->code,
                 region->bbox[0], region->bbox[1], region->bbox[2], region->bbox[3]);
      for (guint j = 0; j < region->polygons->len; j++)
        {
          FrPolygon *polygon = g_ptr_array_index (region->polygons, j);
          for (guint r = 0; r < polygon->rings->len; r++)
            {
              GArray *ring = g_ptr_array_index (polygon->rings, r);
              FrLonLat first = g_array_index (ring, FrLonLat, 0);
              FrLonLat last = g_array_index (ring, FrLonLat, ring->len - 1);
              g_assert_cmpuint (ring->len, >=, 3);
              /* rings are open: the closing point of the KML is dropped */
              g_assert_false (first.lon == last.lon && first.lat == last.lat);
            }
        }
    }
  for (guint i = 0; i < map->borders->len; i++)
    {
      FrBorder *border = g_ptr_array_index (map->borders, i);
      g_assert_cmpint (strcmp (border->region_a, border->region_b), <, 0);
      g_assert_true (border->bbox[0] >= FR_BASEMAP_WINDOW_LON_MIN && border->bbox[2] <= FR_BASEMAP_WINDOW_LON_MAX);
      g_assert_true (border->bbox[1] >= FR_BASEMAP_WINDOW_LAT_MIN && border->bbox[3] <= FR_BASEMAP_WINDOW_LAT_MAX);
      g_assert_cmpfloat (border->length_km, >, 0);
    }
  /* Svalbard (15…30°E, 76…80°N) and Franz Josef Land are cut away; the
   * Norwegian mainland reaches North Cape at 71.2°N. */
  FrRegion *no = fr_basemap_find (map, "NO");
  g_assert_cmpfloat (no->bbox[3], >, 71.0);
  g_assert_cmpfloat (no->bbox[3], <, 75.0);
  g_assert_cmpfloat (no->bbox[1], >, 57.0);
  /* Russia stops at the window's edges: 60°E and 75°N (Novaya Zemlya). */
  FrRegion *ru = fr_basemap_find (map, "RU");
  g_assert_cmpfloat (ru->bbox[2], ==, FR_BASEMAP_WINDOW_LON_MAX);
  g_assert_cmpfloat (ru->bbox[3], ==, FR_BASEMAP_WINDOW_LAT_MAX);
  g_assert_cmpfloat (map->bbox[0], >=, FR_BASEMAP_WINDOW_LON_MIN);
}

static void
test_borders (gconstpointer data)
{
  const FrBasemap *map = data;
  FrBorder *fi_ru = fr_basemap_find_border (map, "FI", "RU");
  FrBorder *ua_crimea = fr_basemap_find_border (map, "UA-43", "UA");

  g_assert_nonnull (fi_ru);
  g_assert_true (fr_basemap_find_border (map, "RU", "FI") == fi_ru);
  g_assert_cmpstr (fi_ru->region_a, ==, "FI");
  g_assert_cmpstr (fi_ru->region_b, ==, "RU");
  g_assert_false (fi_ru->internal);

  /* Crimea's only land line is with mainland Ukraine, internal; none with
   * Russia across the Kerch Strait. */
  g_assert_nonnull (ua_crimea);
  g_assert_true (ua_crimea->internal);
  g_assert_null (fr_basemap_find_border (map, "RU", "UA-43"));
  for (guint i = 0; i < map->borders->len; i++)
    {
      FrBorder *border = g_ptr_array_index (map->borders, i);
      if (g_str_equal (border->region_a, "UA-43") || g_str_equal (border->region_b, "UA-43"))
        g_assert_true (border == ua_crimea);
      else
        g_assert_false (border->internal);
    }
  g_assert_cmpfloat_with_epsilon (ua_crimea->length_km, 146.8, 1.5);

  /* Every NATO–Russia pair of the frontier, and Belarus's, is present. */
  const char *const pairs[][2] = {
    { "NO", "RU" }, { "FI", "RU" }, { "EE", "RU" }, { "LV", "RU" }, { "LT", "RU" },
    { "PL", "RU" }, { "BY", "RU" }, { "BY", "PL" }, { "BY", "LT" }, { "BY", "LV" },
    { "BY", "UA" }, { "RU", "UA" }, { "GE", "RU" }, { "MD", "UA" }, { "RO", "UA" },
    { "BG", "TR" }, { "FI", "NO" }, { "FI", "SE" }, { "NO", "SE" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (fr_basemap_find_border (map, pairs[i][0], pairs[i][1]) == NULL)
      g_error ("border %s–%s missing", pairs[i][0], pairs[i][1]);
  /* Countries that do not touch have no border. */
  g_assert_null (fr_basemap_find_border (map, "FI", "EE"));
  g_assert_null (fr_basemap_find_border (map, "SE", "RU"));
}

static void
test_border_lengths (void)
{
  const FrBasemap *map = map_10m;

  /* Official figures as cited at the top of this file. */
  double fi_ru = fr_basemap_find_border (map, "FI", "RU")->length_km;
  assert_ratio (fi_ru, 1340.0, 0.88, 1.02, "Finland–Russia vs Finland's 1,340 km");
  assert_ratio (fi_ru, 1309.0, 0.88, 1.02, "Finland–Russia vs CIA 2018 1,309 km");

  double no_ru = fr_basemap_find_border (map, "NO", "RU")->length_km;
  assert_ratio (no_ru, 196.0, 0.80, 1.02, "Norway–Russia vs 196 km");
  assert_ratio (no_ru, 191.0, 0.80, 1.02, "Norway–Russia vs CIA 2018 191 km");

  double ee_ru = fr_basemap_find_border (map, "EE", "RU")->length_km;
  assert_ratio (ee_ru, 294.0, 0.90, 1.05, "Estonia–Russia vs 294 km");
  assert_ratio (ee_ru, 324.0, 0.82, 1.00, "Estonia–Russia vs CIA 2018 324 km");

  double ru_ua = fr_basemap_find_border (map, "RU", "UA")->length_km;
  assert_ratio (ru_ua, 1576.0, 0.93, 1.03, "Russia–Ukraine vs 1,576 km");

  /* The 1:50m lines are coarser, hence shorter, but the same borders. */
  double fi_ru_50 = fr_basemap_find_border (map_50m, "FI", "RU")->length_km;
  g_assert_cmpfloat (fi_ru_50, <, fi_ru);
  assert_ratio (fi_ru_50, fi_ru, 0.90, 1.00, "Finland–Russia 1:50m vs 1:10m");
}

static void
test_load_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "kml", "stylemap.kml", NULL);
  FrBasemap *map;

  map = fr_basemap_load ("/nonexistent/frontier-10m.kml", &error);
  g_assert_null (map);
  g_assert_error (error, FR_ERROR, FR_ERROR_IO);
  g_clear_error (&error);

  /* Valid KML, but not a basemap. */
  map = fr_basemap_load (fixture, &error);
  g_assert_null (map);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no regions"));
  g_clear_error (&error);

  /* A border naming a region the file lacks. */
  g_autofree char *dangling = g_test_build_filename (G_TEST_DIST, "fixtures", "kml", "basemap-dangling-border.kml", NULL);
  map = fr_basemap_load (dangling, &error);
  g_assert_null (map);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“RU”"));
}

static void
test_data_dir (void)
{
  /* tests/meson.build points FRONTIER_DATADIR at the source data/. */
  g_autofree char *dir = fr_basemap_data_dir ();
  g_autofree char *path = fr_basemap_default_path (FR_BASEMAP_DETAIL_50M);

  g_assert_cmpstr (dir, ==, g_getenv ("FRONTIER_DATADIR"));
  g_assert_true (g_str_has_suffix (path, "maps/frontier-50m.kml"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  map_10m = fr_basemap_load_default (FR_BASEMAP_DETAIL_10M, &error);
  g_assert_no_error (error);
  map_50m = fr_basemap_load_default (FR_BASEMAP_DETAIL_50M, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/core/basemap/10m/regions", map_10m, test_regions);
  g_test_add_data_func ("/core/basemap/50m/regions", map_50m, test_regions);
  g_test_add_data_func ("/core/basemap/10m/places", map_10m, test_places);
  g_test_add_data_func ("/core/basemap/50m/places", map_50m, test_places);
  g_test_add_func ("/core/basemap/10m/coastal-places", test_places_10m);
  g_test_add_data_func ("/core/basemap/10m/window", map_10m, test_window);
  g_test_add_data_func ("/core/basemap/50m/window", map_50m, test_window);
  g_test_add_data_func ("/core/basemap/10m/borders", map_10m, test_borders);
  g_test_add_data_func ("/core/basemap/50m/borders", map_50m, test_borders);
  g_test_add_func ("/core/basemap/border-lengths", test_border_lengths);
  g_test_add_func ("/core/basemap/load-errors", test_load_errors);
  g_test_add_func ("/core/basemap/data-dir", test_data_dir);

  status = g_test_run ();
  fr_basemap_free (map_10m);
  fr_basemap_free (map_50m);
  return status;
}
