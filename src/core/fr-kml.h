/* fr-kml.h — reading KML 2.2 (OGC 07-147r2) map layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subset Frontier reads: Document and Folder nesting; Placemark with
 * Point, LineString, LinearRing, Polygon (outerBoundaryIs/innerBoundaryIs)
 * and MultiGeometry; Style and StyleMap ("normal" pair) with LineStyle,
 * PolyStyle and IconStyle colours, resolved through styleUrl "#id";
 * TimeStamp and TimeSpan; ExtendedData (Data/value and SchemaData/
 * SimpleData); name and description.
 *
 * Loading is safe by construction: the text is parsed from memory, libxml2
 * never touches the network (XML_PARSE_NONET), any DOCTYPE is refused (so
 * no DTD and no entities exist to expand), input is capped at
 * FR_KML_MAX_BYTES, FR_KML_MAX_TAGS and FR_KML_MAX_POINTS and element depth
 * at libxml2's default of 256. Links
 * (NetworkLink, href, styleUrl into other files) are never followed.
 * Elements in other namespaces (gx: extensions) and KML elements outside
 * the subset are skipped.
 *
 * Errors are FR_ERROR_PARSE (not well-formed XML, with libxml2's line and
 * column), FR_ERROR_INVALID (wrong root or namespace, bad coordinates,
 * colours or dates, with the line of the element), FR_ERROR_UNSAFE
 * (DOCTYPE) and FR_ERROR_TOO_LARGE; messages start with "name:line:".
 */
#pragma once

#include <glib.h>

#include "fr-geometry.h"
#include "fr-model.h"

G_BEGIN_DECLS

#define FR_KML_NAMESPACE "http://www.opengis.net/kml/2.2"
/* Limits that keep a hostile file's memory use under about 100 MB. The
 * bundled 1:10m basemap is 2.1 MB with 10,527 tags and 130,000 points;
 * user layers are far smaller. */
#define FR_KML_MAX_BYTES  (16 * 1024 * 1024)
#define FR_KML_MAX_TAGS   200000     /* "<" in the text: bounds the XML tree */
#define FR_KML_MAX_POINTS 2000000    /* coordinate tuples in all geometries */

/* A KML colour, converted from its "aabbggrr" hex form; channels 0..1. */
typedef struct {
  gboolean set;
  double red;
  double green;
  double blue;
  double alpha;
} FrKmlColor;

typedef struct {
  FrKmlColor line_color;   /* LineStyle/color */
  double line_width;       /* LineStyle/width in pixels; 0 when not given */
  FrKmlColor fill_color;   /* PolyStyle/color */
  gboolean fill;           /* PolyStyle/fill, TRUE unless "0" */
  gboolean outline;        /* PolyStyle/outline, TRUE unless "0" */
  FrKmlColor icon_color;   /* IconStyle/color, for points */
} FrKmlStyle;

typedef enum {
  FR_KML_GEOMETRY_NONE,
  FR_KML_GEOMETRY_POINT,
  FR_KML_GEOMETRY_LINE_STRING,
  FR_KML_GEOMETRY_LINEAR_RING,
  FR_KML_GEOMETRY_POLYGON,
  FR_KML_GEOMETRY_MULTI,   /* MultiGeometry, whatever it holds */
} FrKmlGeometryKind;

typedef struct {
  char *id;                /* Placemark's id attribute, nullable */
  char *name;              /* nullable */
  char *description;       /* nullable; text as written (may be HTML) */
  char *folder;            /* enclosing Folder names joined by "/", nullable */
  char *style_url;         /* as written, nullable */
  FrKmlStyle style;        /* resolved: shared style (StyleMap normal), then inline Style */
  FrKmlGeometryKind kind;  /* the Placemark's top geometry */
  GArray *points;          /* FrLonLat, from Point geometries */
  GPtrArray *lines;        /* GArray* of FrLonLat: LineStrings, and LinearRings
                            * outside a Polygon (closed: last = first) */
  GPtrArray *polygons;     /* FrPolygon* (rings open, ring 0 outer, then holes) */
  /* TimeStamp: begin = end = its day. TimeSpan: begin is the first day of
   * <begin>, end the last day of <end> ("2014" ends 2014-12-31); 0 when a
   * side is open. A Folder's or Document's time applies to features that
   * have none of their own. */
  gboolean has_time;
  gint32 begin_day;
  gint32 end_day;
  GHashTable *data;        /* ExtendedData name → value (char*) */
  int line;                /* source line of the Placemark */
} FrKmlFeature;

typedef struct {
  char *name;              /* Document name, nullable */
  char *description;       /* nullable */
  GHashTable *data;        /* the Document's own ExtendedData */
  GPtrArray *features;     /* FrKmlFeature*, in document order */
} FrKmlDocument;

/* Parses KML text. @display_name names it in messages ("layer.kml"). */
FrKmlDocument *fr_kml_parse              (const char          *text,
                                          gsize                length,
                                          const char          *display_name,
                                          GError             **error);
FrKmlDocument *fr_kml_parse_bytes        (GBytes              *bytes,
                                          const char          *display_name,
                                          GError             **error);
FrKmlDocument *fr_kml_load_file          (const char          *path,
                                          GError             **error);
void           fr_kml_document_free      (FrKmlDocument       *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrKmlDocument, fr_kml_document_free)

/* ExtendedData value by name, NULL when absent. */
const char    *fr_kml_feature_get_data   (const FrKmlFeature  *feature,
                                          const char          *name);
/* TRUE when the feature has no time or @day lies within it. */
gboolean       fr_kml_feature_active_at  (const FrKmlFeature  *feature,
                                          gint32               day);
/* Parses a KML date as TimeStamp/TimeSpan hold it: "YYYY", "YYYY-MM",
 * "YYYY-MM-DD" or an xsd:dateTime ("2014-03-18T12:00:00Z", with an offset
 * or none, taken as UTC). A partial date names a period: @first gets its
 * first day, @last its last. FALSE when the text is not such a date. */
gboolean       fr_kml_parse_date         (const char          *text,
                                          gint32              *first,
                                          gint32              *last);
/* Parses "aabbggrr" (8 hex digits, surrounding blanks allowed). */
gboolean       fr_kml_parse_color        (const char          *text,
                                          FrKmlColor          *color);

G_END_DECLS
