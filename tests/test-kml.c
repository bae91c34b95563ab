/* test-kml.c — the KML 2.2 reader on real-world-style and malformed files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures are in tests/fixtures/kml/. Colours are KML's aabbggrr
 * (OGC 07-147r2, 16.9 kml:color): "7f14b4ff" is alpha 0x7f, blue 0x14,
 * green 0xb4, red 0xff.
 */
#include <string.h>

#include "fr-date.h"
#include "fr-error.h"
#include "fr-kml.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "kml", name, NULL);
}

static FrKmlDocument *
load (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  FrKmlDocument *document = fr_kml_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static FrKmlFeature *
feature (FrKmlDocument *document,
         guint          index)
{
  g_assert_cmpuint (index, <, document->features->len);
  return g_ptr_array_index (document->features, index);
}

static gint32
day (const char *iso)
{
  gint32 value = 0;
  g_assert_true (fr_day_parse (iso, &value));
  return value;
}

static void
assert_color (const FrKmlColor *color,
              int               r,
              int               g,
              int               b,
              int               a)
{
  g_assert_true (color->set);
  g_assert_cmpfloat_with_epsilon (color->red, r / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (color->green, g / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (color->blue, b / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (color->alpha, a / 255.0, 1e-12);
}

static void
test_stylemap (void)
{
  g_autoptr(FrKmlDocument) doc = load ("stylemap.kml");
  FrKmlFeature *f;

  g_assert_cmpstr (doc->name, ==, "Front line, Zaporizhzhia sector");
  g_assert_true (g_str_has_prefix (doc->description, "Illustrative layer in the style of a Google Earth export. <b>Not</b>"));
  /* The NetworkLink is neither a Placemark nor fetched. */
  g_assert_cmpuint (doc->features->len, ==, 4);

  /* StyleMap → normal pair → shared Style. */
  f = feature (doc, 0);
  g_assert_cmpstr (f->id, ==, "line-1");
  g_assert_cmpstr (f->name, ==, "Line of contact (illustrative)");
  g_assert_cmpstr (f->folder, ==, "Lines");
  g_assert_cmpstr (f->style_url, ==, "#msn_line");
  g_assert_cmpint (f->kind, ==, FR_KML_GEOMETRY_LINE_STRING);
  assert_color (&f->style.line_color, 0xff, 0x00, 0x00, 0xff);
  g_assert_cmpfloat (f->style.line_width, ==, 3.0);
  g_assert_false (f->style.fill_color.set);
  g_assert_cmpuint (f->lines->len, ==, 1);
  GArray *line = g_ptr_array_index (f->lines, 0);
  g_assert_cmpuint (line->len, ==, 4);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 3).lon, ==, 36.3);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 3).lat, ==, 47.6);
  g_assert_false (f->has_time);
  g_assert_cmpint (f->line, ==, 50);

  /* StyleMap with an inline normal Style, overridden by the Placemark's
   * own Style (fill 0); MultiGeometry of polygon, line and point. */
  f = feature (doc, 1);
  g_assert_cmpstr (f->folder, ==, "Lines/Zones");
  g_assert_cmpint (f->kind, ==, FR_KML_GEOMETRY_MULTI);
  assert_color (&f->style.line_color, 0xff, 0xb4, 0x14, 0x7f);
  g_assert_cmpfloat (f->style.line_width, ==, 1.5);
  assert_color (&f->style.fill_color, 0xff, 0xb4, 0x14, 0x40);
  g_assert_false (f->style.fill);
  g_assert_false (f->style.outline);
  g_assert_cmpuint (f->polygons->len, ==, 1);
  g_assert_cmpuint (f->lines->len, ==, 1);
  g_assert_cmpuint (f->points->len, ==, 1);
  FrPolygon *zone = g_ptr_array_index (f->polygons, 0);
  g_assert_cmpuint (zone->rings->len, ==, 1);
  /* the closing point is dropped: rings are open */
  g_assert_cmpuint (((GArray *) g_ptr_array_index (zone->rings, 0))->len, ==, 4);
  g_assert_cmpstr (fr_kml_feature_get_data (f, "kind"), ==, "dmz");
  g_assert_cmpstr (fr_kml_feature_get_data (f, "width_km"), ==, "15");
  g_assert_null (fr_kml_feature_get_data (f, "displayName"));
  g_assert_true (fr_geo_polygon_contains (zone, 35.7, 47.5));

  /* IconStyle colour; altitude in the tuple is read and dropped. */
  f = feature (doc, 2);
  g_assert_null (f->folder);
  g_assert_cmpint (f->kind, ==, FR_KML_GEOMETRY_POINT);
  assert_color (&f->style.icon_color, 0x99, 0x66, 0x33, 0xff);
  g_assert_cmpfloat (g_array_index (f->points, FrLonLat, 0).lon, ==, 35.1396);
  g_assert_cmpfloat (g_array_index (f->points, FrLonLat, 0).lat, ==, 47.8388);

  /* An unknown style id leaves the defaults; a loose LinearRing is closed. */
  f = feature (doc, 3);
  g_assert_false (f->style.line_color.set);
  g_assert_true (f->style.fill);
  g_assert_cmpint (f->kind, ==, FR_KML_GEOMETRY_LINEAR_RING);
  GArray *ring = g_ptr_array_index (f->lines, 0);
  g_assert_cmpuint (ring->len, ==, 4);
  g_assert_cmpfloat (g_array_index (ring, FrLonLat, 3).lon, ==, g_array_index (ring, FrLonLat, 0).lon);
}

static void
test_holes (void)
{
  g_autoptr(FrKmlDocument) doc = load ("holes.kml");
  FrKmlFeature *f = feature (doc, 0);
  FrPolygon *italy;

  g_assert_cmpuint (doc->features->len, ==, 1);
  g_assert_null (doc->name);
  g_assert_cmpint (f->kind, ==, FR_KML_GEOMETRY_POLYGON);
  g_assert_cmpuint (f->polygons->len, ==, 1);
  italy = g_ptr_array_index (f->polygons, 0);
  /* outer + San Marino, then two holes given in one innerBoundaryIs */
  g_assert_cmpuint (italy->rings->len, ==, 4);
  g_assert_cmpuint (((GArray *) g_ptr_array_index (italy->rings, 0))->len, ==, 8);

  g_assert_true (fr_geo_polygon_contains (italy, 12.5, 41.9 - 0.05));   /* Rome, south of the Vatican */
  g_assert_false (fr_geo_polygon_contains (italy, 12.45, 43.94));       /* San Marino: a hole */
  g_assert_false (fr_geo_polygon_contains (italy, 12.452, 41.903));     /* the Vatican */
  g_assert_false (fr_geo_polygon_contains (italy, 9.2, 44.45));         /* third hole */
  g_assert_true (fr_geo_polygon_contains (italy, 9.2, 44.25));          /* just south of it */
  g_assert_false (fr_geo_polygon_contains (italy, 5.0, 44.0));          /* outside the bbox */
  g_assert_cmpfloat (italy->bbox[0], ==, 7.0);
  g_assert_cmpfloat (italy->bbox[3], ==, 46.5);

  /* Area: the holes come off. The San Marino box, 12.40…12.52°E ×
   * 43.89…43.99°N, is 107.049 km² by the formula of test_area_reference. */
  double full = fr_geo_ring_area (g_ptr_array_index (italy->rings, 0));
  double holes = 0;
  for (guint r = 1; r < italy->rings->len; r++)
    holes += fr_geo_ring_area (g_ptr_array_index (italy->rings, r));
  g_assert_cmpfloat_with_epsilon (fr_geo_polygon_area (italy), full - holes, 1e-6);
  double san_marino = fr_geo_ring_area (g_ptr_array_index (italy->rings, 1));
  g_assert_cmpfloat_with_epsilon (san_marino, 107.049, 0.001);
}

static void
test_area_reference (void)
{
  /* The area of a lon/lat cell on WGS84 is a²/2 · Δλ · (q(φ2) − q(φ1)) with
   * Snyder's q, eq. (3-12) (USGS PP 1395, p. 16); evaluated in double
   * precision: 1° × 1° at 0…1°N is 12,308.464 km², at 60…61°N 6,123.141
   * km². Cells bounded by parallels are exact for the method used. */
  g_autoptr(GArray) cell = g_array_new (FALSE, FALSE, sizeof (FrLonLat));
  FrLonLat corners[] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 } };
  g_array_append_vals (cell, corners, 4);
  g_assert_cmpfloat_with_epsilon (fr_geo_ring_area (cell), 12308.464, 0.001);

  FrLonLat north[] = { { 0, 60 }, { 1, 60 }, { 1, 61 }, { 0, 61 } };
  g_array_set_size (cell, 0);
  g_array_append_vals (cell, north, 4);
  g_assert_cmpfloat_with_epsilon (fr_geo_ring_area (cell), 6123.141, 0.001);
}

static void
test_time (void)
{
  g_autoptr(FrKmlDocument) doc = load ("time.kml");
  FrKmlFeature *f;

  g_assert_cmpstr (doc->name, ==, "Dated layer");
  g_assert_cmpstr (g_hash_table_lookup (doc->data, "author"), ==, "Frontier tests");
  g_assert_cmpuint (doc->features->len, ==, 6);

  f = feature (doc, 0);   /* inherits the Folder's TimeSpan */
  g_assert_cmpstr (f->folder, ==, "Occupation 2014–");
  g_assert_true (f->has_time);
  g_assert_cmpint (f->begin_day, ==, day ("2014-03-18"));
  g_assert_cmpint (f->end_day, ==, 0);
  g_assert_false (fr_kml_feature_active_at (f, day ("2014-03-17")));
  g_assert_true (fr_kml_feature_active_at (f, day ("2014-03-18")));
  g_assert_true (fr_kml_feature_active_at (f, day ("2030-01-01")));

  f = feature (doc, 1);   /* years name whole periods */
  g_assert_cmpint (f->begin_day, ==, day ("2014-01-01"));
  g_assert_cmpint (f->end_day, ==, day ("2021-12-31"));
  g_assert_true (fr_kml_feature_active_at (f, day ("2021-12-31")));
  g_assert_false (fr_kml_feature_active_at (f, day ("2022-01-01")));

  f = feature (doc, 2);   /* months, ending in a leap February */
  g_assert_cmpint (f->begin_day, ==, day ("2022-02-01"));
  g_assert_cmpint (f->end_day, ==, day ("2024-02-29"));

  f = feature (doc, 3);   /* 01:30 at +03:00 is still 3 April in UTC */
  g_assert_cmpint (f->begin_day, ==, day ("2023-04-03"));
  g_assert_cmpint (f->end_day, ==, f->begin_day);

  f = feature (doc, 4);
  g_assert_cmpint (f->begin_day, ==, day ("2024-03-07"));

  f = feature (doc, 5);   /* open begin; SchemaData/SimpleData */
  g_assert_cmpint (f->begin_day, ==, 0);
  g_assert_cmpint (f->end_day, ==, day ("1991-12-26"));
  g_assert_true (fr_kml_feature_active_at (f, day ("1922-12-30")));
  g_assert_false (fr_kml_feature_active_at (f, day ("1991-12-27")));
  g_assert_cmpstr (fr_kml_feature_get_data (f, "note"), ==, "Soviet Union");
}

static void
test_parse_date (void)
{
  gint32 first, last;

  g_assert_true (fr_kml_parse_date ("2014", &first, &last));
  g_assert_cmpint (first, ==, day ("2014-01-01"));
  g_assert_cmpint (last, ==, day ("2014-12-31"));
  g_assert_true (fr_kml_parse_date (" 2023-02 ", &first, &last));
  g_assert_cmpint (last, ==, day ("2023-02-28"));
  g_assert_true (fr_kml_parse_date ("2022-02-24T04:00:00", &first, &last));
  g_assert_cmpint (first, ==, day ("2022-02-24"));
  g_assert_true (fr_kml_parse_date ("2022-02-23T23:30:00-02:00", &first, NULL));
  g_assert_cmpint (first, ==, day ("2022-02-24"));

  g_assert_false (fr_kml_parse_date ("0000", &first, &last));
  g_assert_false (fr_kml_parse_date ("2014-13", &first, &last));
  g_assert_false (fr_kml_parse_date ("2023-02-29", &first, &last));
  g_assert_false (fr_kml_parse_date ("14", &first, &last));
  g_assert_false (fr_kml_parse_date ("2014-03-18T25:00:00Z", &first, &last));
  g_assert_false (fr_kml_parse_date ("", &first, &last));
  g_assert_false (fr_kml_parse_date (NULL, &first, &last));

  FrKmlColor color = { 0 };
  g_assert_true (fr_kml_parse_color ("80FF0000", &color));
  g_assert_cmpfloat (color.blue, ==, 1.0);
  g_assert_cmpfloat (color.red, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (color.alpha, 128 / 255.0, 1e-12);
  g_assert_false (fr_kml_parse_color ("ff0000", &color));
  g_assert_false (fr_kml_parse_color ("gg000000", &color));
}

static void
test_no_namespace (void)
{
  g_autoptr(FrKmlDocument) doc = load ("no-namespace.kml");
  FrKmlFeature *f = feature (doc, 0);

  g_assert_cmpstr (f->folder, ==, "Plain");
  /* blanks around the comma are tolerated, as Google Earth does */
  g_assert_cmpfloat (g_array_index (f->points, FrLonLat, 0).lon, ==, 30.52);
  g_assert_cmpfloat (g_array_index (f->points, FrLonLat, 0).lat, ==, 50.45);
}

static void
test_bytes_and_lone_placemark (void)
{
  const char *text =
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>x</name></Placemark></kml>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(FrKmlDocument) doc = fr_kml_parse_bytes (bytes, "inline", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (doc->features->len, ==, 1);
  g_assert_cmpint (feature (doc, 0)->kind, ==, FR_KML_GEOMETRY_NONE);
  g_assert_cmpstr (feature (doc, 0)->name, ==, "x");

  /* Numbers as xsd:double writes them: exponents, signs, many digits. */
  const char *numbers =
    "<kml><Placemark><LineString><coordinates>"
    "3.052e1,5.045E1 +30.5,-0.25 30.123456789012345678,-0.000001 -180,90"
    "</coordinates></LineString></Placemark></kml>";
  g_autoptr(FrKmlDocument) parsed = fr_kml_parse (numbers, strlen (numbers), "numbers", &error);
  g_assert_no_error (error);
  GArray *line = g_ptr_array_index (feature (parsed, 0)->lines, 0);
  g_assert_cmpuint (line->len, ==, 4);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 0).lon, ==, 30.52);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 0).lat, ==, 50.45);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 1).lon, ==, 30.5);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 1).lat, ==, -0.25);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 2).lon, ==, g_ascii_strtod ("30.123456789012345678", NULL));
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 2).lat, ==, -0.000001);
  g_assert_cmpfloat (g_array_index (line, FrLonLat, 3).lon, ==, -180.0);

  /* Every decimal with up to 15 digits reads exactly as strtod reads it. */
  for (int i = 0; i < 20000; i++)
    {
      char tuple[64];
      double lon = g_test_rand_double_range (-180, 180), lat = g_test_rand_double_range (-90, 90);
      char *doc_text;
      g_snprintf (tuple, sizeof tuple, "%.*f,%.*f", i % 12, lon, (i / 12) % 12, lat);
      doc_text = g_strdup_printf ("<kml><Placemark><Point><coordinates>%s</coordinates></Point></Placemark></kml>", tuple);
      FrKmlDocument *one = fr_kml_parse (doc_text, strlen (doc_text), "random", &error);
      g_assert_no_error (error);
      FrLonLat got = g_array_index (feature (one, 0)->points, FrLonLat, 0);
      char *comma = strchr (tuple, ',');
      g_assert_cmpfloat (got.lon, ==, g_ascii_strtod (tuple, NULL));
      g_assert_cmpfloat (got.lat, ==, g_ascii_strtod (comma + 1, NULL));
      fr_kml_document_free (one);
      g_free (doc_text);
    }

  for (guint i = 0; i < 6; i++)
    {
      static const char *const bad[] = { "nan,0", "inf,1", "0x10,5", "1.2.3,4", "--5,1", ".,1" };
      g_autofree char *doc_text = g_strdup_printf ("<kml><Placemark><Point><coordinates>%s</coordinates></Point></Placemark></kml>", bad[i]);
      FrKmlDocument *none = fr_kml_parse (doc_text, strlen (doc_text), "bad", &error);
      g_assert_null (none);
      g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
      g_clear_error (&error);
    }
}

typedef struct {
  const char *file;
  int code;
  const char *message;   /* the whole message, or a prefix ending in "…" */
} Bad;

static void
test_malformed (void)
{
  static const Bad cases[] = {
    { "bad-coordinates.kml", FR_ERROR_INVALID,
      "bad-coordinates.kml:7: bad coordinate “31.0,north”: expected longitude,latitude[,altitude] in decimal degrees" },
    { "coordinates-out-of-range.kml", FR_ERROR_INVALID,
      "coordinates-out-of-range.kml:6: coordinate 50.45,190 is outside longitude −180…180, latitude −90…90" },
    { "unclosed.kml", FR_ERROR_PARSE,
      "unclosed.kml:7:15: not well-formed XML: Opening and ending tag mismatch: Point line 6 and Placemark" },
    { "wrong-root.kml", FR_ERROR_INVALID, "wrong-root.kml:2: the root element is <gpx>, not <kml>" },
    { "wrong-namespace.kml", FR_ERROR_INVALID,
      "wrong-namespace.kml:2: <kml> is in namespace “http://earth.google.com/kml/2.1”; only KML 2.2 (http://www.opengis.net/kml/2.2) is read" },
    { "doctype-entities.kml", FR_ERROR_UNSAFE,
      "doctype-entities.kml: a DOCTYPE is not allowed in KML (no DTDs or entities are read)" },
    { "doctype-external.kml", FR_ERROR_UNSAFE,
      "doctype-external.kml: a DOCTYPE is not allowed in KML (no DTDs or entities are read)" },
    { "bad-color.kml", FR_ERROR_INVALID,
      "bad-color.kml:6: bad colour “#ff0000”: expected eight hexadecimal digits aabbggrr" },
    { "bad-date.kml", FR_ERROR_INVALID,
      "bad-date.kml:6: bad date “18 March 2014”: expected YYYY, YYYY-MM, YYYY-MM-DD or a date and time" },
    { "polygon-without-outer.kml", FR_ERROR_INVALID, "polygon-without-outer.kml:4: <Polygon> has no <outerBoundaryIs>" },
    { "line-one-point.kml", FR_ERROR_INVALID, "line-one-point.kml:5: <LineString> needs at least 2 points, found 1" },
    { "bad-utf8.kml", FR_ERROR_PARSE, "bad-utf8.kml:4:…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr(GError) error = NULL;
      FrKmlDocument *doc = fr_kml_load_file (path, &error);

      g_assert_null (doc);
      g_assert_nonnull (error);
      if (error->domain != FR_ERROR || error->code != cases[i].code)
        g_error ("%s: code %d, expected %d (%s)", cases[i].file, error->code, cases[i].code, error->message);
      if (g_str_has_suffix (cases[i].message, "…"))
        {
          g_autofree char *prefix = g_strndup (cases[i].message, strlen (cases[i].message) - strlen ("…"));
          if (!g_str_has_prefix (error->message, prefix))
            g_error ("%s: message “%s”, expected to start with “%s”", cases[i].file, error->message, prefix);
        }
      else if (!g_str_equal (error->message, cases[i].message))
        g_error ("%s: message “%s”, expected “%s”", cases[i].file, error->message, cases[i].message);
    }
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  FrKmlDocument *doc;

  doc = fr_kml_parse ("", 0, "empty.kml", &error);
  g_assert_null (doc);
  g_assert_error (error, FR_ERROR, FR_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "empty.kml: the file is empty");
  g_clear_error (&error);

  /* The size cap is checked before parsing: the text is never read. */
  doc = fr_kml_parse ("<kml/>", (gsize) FR_KML_MAX_BYTES + 1, "huge.kml", &error);
  g_assert_null (doc);
  g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Too many tags: refused before a tree is built. */
  GString *many = g_string_new ("<kml>");
  for (int i = 0; i < FR_KML_MAX_TAGS; i++)
    g_string_append (many, "<Placemark/>");
  g_string_append (many, "</kml>");
  doc = fr_kml_parse (many->str, many->len, "many.kml", &error);
  g_assert_null (doc);
  g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "many.kml: more than 200000 tags in one KML layer");
  g_clear_error (&error);
  g_string_free (many, TRUE);

  /* Too many points, spread over two geometries. */
  GString *points = g_string_new ("<kml><Placemark><MultiGeometry><LineString><coordinates>");
  for (int i = 0; i < FR_KML_MAX_POINTS / 2; i++)
    g_string_append (points, "1,2 ");
  g_string_append (points, "</coordinates></LineString>\n<LineString><coordinates>");
  for (int i = 0; i <= FR_KML_MAX_POINTS / 2; i++)
    g_string_append (points, "3,4 ");
  g_string_append (points, "</coordinates></LineString></MultiGeometry></Placemark></kml>");
  doc = fr_kml_parse (points->str, points->len, "points.kml", &error);
  g_assert_null (doc);
  g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "points.kml:2: more than 2000000 coordinates in one KML layer");
  g_clear_error (&error);
  g_string_free (points, TRUE);

  doc = fr_kml_load_file ("/nonexistent/layer.kml", &error);
  g_assert_null (doc);
  g_assert_error (error, FR_ERROR, FR_ERROR_IO);
  g_clear_error (&error);

  /* Nesting beyond libxml2's depth limit is refused, not recursed into. */
  GString *deep = g_string_new ("<kml xmlns=\"http://www.opengis.net/kml/2.2\">");
  for (int i = 0; i < 5000; i++)
    g_string_append (deep, "<Folder>");
  doc = fr_kml_parse (deep->str, deep->len, "deep.kml", &error);
  g_assert_null (doc);
  g_assert_error (error, FR_ERROR, FR_ERROR_PARSE);
  g_string_free (deep, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/kml/stylemap", test_stylemap);
  g_test_add_func ("/core/kml/holes", test_holes);
  g_test_add_func ("/core/kml/area", test_area_reference);
  g_test_add_func ("/core/kml/time", test_time);
  g_test_add_func ("/core/kml/parse-date-colour", test_parse_date);
  g_test_add_func ("/core/kml/no-namespace", test_no_namespace);
  g_test_add_func ("/core/kml/bytes-and-numbers", test_bytes_and_lone_placemark);
  g_test_add_func ("/core/kml/malformed", test_malformed);
  g_test_add_func ("/core/kml/limits", test_limits);
  return g_test_run ();
}
