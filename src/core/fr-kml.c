/* fr-kml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include "fr-kml.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "fr-date.h"
#include "fr-error.h"

/* Shared styles and style maps, keyed by id. A StyleMap entry points at
 * another id (its "normal" pair's styleUrl) or holds the pair's inline
 * style. */
typedef struct {
  FrKmlStyle style;
  gboolean has_width;
  gboolean has_fill;
  gboolean has_outline;
} StyleParts;

typedef struct {
  StyleParts parts;
  char *map_to;           /* StyleMap → this id; NULL for a plain style */
} StyleEntry;

typedef struct {
  FrKmlFeature *feature;
  StyleParts inline_style;
  gboolean has_inline;
} Pending;

typedef struct {
  gboolean set;
  gint32 begin;
  gint32 end;
} TimeRange;

typedef struct {
  const char *display_name;
  const xmlChar *ns;      /* the namespace the document uses, NULL for none */
  FrKmlDocument *doc;
  GHashTable *styles;     /* id → StyleEntry* */
  GArray *pending;        /* Pending */
  guint n_points;
  GError *error;
} Parser;

typedef struct {
  gboolean doctype;
  gboolean have_error;
  int line;
  int column;
  char *message;
} SafeParse;

static void
style_entry_free (gpointer data)
{
  StyleEntry *entry = data;
  g_free (entry->map_to);
  g_free (entry);
}

static void
fr_kml_feature_free (FrKmlFeature *feature)
{
  if (feature == NULL)
    return;
  g_free (feature->id);
  g_free (feature->name);
  g_free (feature->description);
  g_free (feature->folder);
  g_free (feature->style_url);
  g_array_unref (feature->points);
  g_ptr_array_unref (feature->lines);
  g_ptr_array_unref (feature->polygons);
  g_hash_table_unref (feature->data);
  g_free (feature);
}

static FrKmlFeature *
fr_kml_feature_new (void)
{
  FrKmlFeature *feature = g_new0 (FrKmlFeature, 1);

  feature->points = g_array_new (FALSE, FALSE, sizeof (FrLonLat));
  feature->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  feature->polygons = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_polygon_free);
  feature->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  feature->style.fill = TRUE;
  feature->style.outline = TRUE;
  return feature;
}

void
fr_kml_document_free (FrKmlDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->name);
  g_free (document->description);
  g_hash_table_unref (document->data);
  g_ptr_array_unref (document->features);
  g_free (document);
}

const char *
fr_kml_feature_get_data (const FrKmlFeature *feature,
                         const char         *name)
{
  g_return_val_if_fail (feature != NULL && name != NULL, NULL);
  return g_hash_table_lookup (feature->data, name);
}

gboolean
fr_kml_feature_active_at (const FrKmlFeature *feature,
                          gint32              day)
{
  g_return_val_if_fail (feature != NULL, FALSE);
  if (!feature->has_time)
    return TRUE;
  if (feature->begin_day != 0 && day < feature->begin_day)
    return FALSE;
  if (feature->end_day != 0 && day > feature->end_day)
    return FALSE;
  return TRUE;
}

/* --- small value parsers ------------------------------------------------ */

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
fr_kml_parse_date (const char *text,
                   gint32     *first,
                   gint32     *last)
{
  g_autofree char *s = NULL;
  gsize len;
  int y, m;

  if (text == NULL)
    return FALSE;
  s = g_strstrip (g_strdup (text));
  len = strlen (s);

  if (len == 4 && all_digits (s, 4))
    {
      y = atoi (s);
      if (y < 1)
        return FALSE;
      if (first)
        *first = fr_day_from_ymd (y, 1, 1);
      if (last)
        *last = fr_day_from_ymd (y, 12, 31);
      return TRUE;
    }
  if (len == 7 && all_digits (s, 4) && s[4] == '-' && all_digits (s + 5, 2))
    {
      y = atoi (s);
      m = atoi (s + 5);
      if (y < 1 || m < 1 || m > 12)
        return FALSE;
      if (first)
        *first = fr_day_from_ymd (y, m, 1);
      if (last)
        *last = fr_day_from_ymd (y, m, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
      return TRUE;
    }
  if (len == 10)
    {
      gint32 day;
      if (!fr_day_parse (s, &day))
        return FALSE;
      if (first)
        *first = day;
      if (last)
        *last = day;
      return TRUE;
    }
  if (len > 10 && s[10] == 'T' && all_digits (s, 4) && s[4] == '-')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (s, utc);
      if (parsed == NULL)
        return FALSE;
      g_autoptr(GDateTime) in_utc = g_date_time_to_utc (parsed);
      gint32 day = fr_day_from_ymd (g_date_time_get_year (in_utc),
                                    g_date_time_get_month (in_utc),
                                    g_date_time_get_day_of_month (in_utc));
      if (day == 0)
        return FALSE;
      if (first)
        *first = day;
      if (last)
        *last = day;
      return TRUE;
    }
  return FALSE;
}

gboolean
fr_kml_parse_color (const char *text,
                    FrKmlColor *color)
{
  g_autofree char *s = NULL;
  guint channel[4];

  if (text == NULL)
    return FALSE;
  s = g_strstrip (g_strdup (text));
  if (strlen (s) != 8)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int hi = g_ascii_xdigit_value (s[2 * i]);
      int lo = g_ascii_xdigit_value (s[2 * i + 1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      channel[i] = (guint) (hi * 16 + lo);
    }
  /* aabbggrr */
  color->set = TRUE;
  color->alpha = channel[0] / 255.0;
  color->blue = channel[1] / 255.0;
  color->green = channel[2] / 255.0;
  color->red = channel[3] / 255.0;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));

  if (g_str_equal (s, "1") || g_str_equal (s, "true"))
    *value = TRUE;
  else if (g_str_equal (s, "0") || g_str_equal (s, "false"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* A plain decimal: digits, sign, point, exponent. Refuses what strtod
 * would also take (nan, inf, hex floats). */
static gboolean
parse_number (const char **cursor,
              double      *value)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
  const char *start = *cursor;
  const char *p = start;
  char *end = NULL;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  int digits = 0, decimals = 0;

  /* Fast path for the "-12.34567" that fills map data: an integer mantissa
   * below 2^53 divided by an exact power of ten ≤ 10^22 is correctly
   * rounded (Clinger 1990), so the result equals strtod's. */
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p) && digits < 16; p++, digits++)
    mantissa = mantissa * 10 + (guint64) (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && digits < 16; p++, digits++, decimals++)
      mantissa = mantissa * 10 + (guint64) (*p - '0');
  if (digits > 0 && digits < 16 && !g_ascii_isdigit (*p) && *p != 'e' && *p != 'E' && *p != '.')
    {
      double v = (double) mantissa / powers[decimals];
      *value = negative ? -v : v;
      *cursor = p;
      return TRUE;
    }

  p = start;
  while (*p && (g_ascii_isdigit (*p) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
    p++;
  if (p == start)
    return FALSE;
  *value = g_ascii_strtod (start, &end);
  if (end != p || !isfinite (*value))
    return FALSE;
  *cursor = p;
  return TRUE;
}

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* --- errors ---------------------------------------------------------------- */

static gboolean G_GNUC_PRINTF (4, 5)
fail (Parser     *p,
      xmlNode    *node,
      int         code,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (p->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (&p->error, FR_ERROR, code, "%s:%ld: %s", p->display_name,
               node ? xmlGetLineNo (node) : 0L, message);
  return FALSE;
}

/* --- tree helpers -------------------------------------------------------------- */

static gboolean
is_kml (Parser     *p,
        xmlNode    *node,
        const char *name)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (p->ns == NULL ? node->ns != NULL : (node->ns == NULL || !xmlStrEqual (node->ns->href, p->ns)))
    return FALSE;
  return name == NULL || xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
first_child (Parser     *p,
             xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child; child = child->next)
    if (is_kml (p, child, name))
      return child;
  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (content ? (const char *) content : ""));
  xmlFree (content);
  return text;
}

static char *
child_text (Parser     *p,
            xmlNode    *node,
            const char *name)
{
  xmlNode *child = first_child (p, node, name);
  return child ? node_text (child) : NULL;
}

/* --- geometry --------------------------------------------------------------- */

static GArray *
parse_coordinates (Parser     *p,
                   xmlNode    *owner,
                   guint       min_points)
{
  xmlNode *node = first_child (p, owner, "coordinates");
  g_autoptr(GArray) points = NULL;
  xmlChar *content;
  const char *cursor;

  if (node == NULL)
    {
      fail (p, owner, FR_ERROR_INVALID, _("<%s> has no <coordinates>"), (const char *) owner->name);
      return NULL;
    }
  points = g_array_new (FALSE, FALSE, sizeof (FrLonLat));
  content = xmlNodeGetContent (node);
  cursor = content ? (const char *) content : "";

  for (;;)
    {
      FrLonLat point;
      double altitude;
      const char *tuple;

      cursor = skip_blanks (cursor);
      if (*cursor == '\0')
        break;
      tuple = cursor;
      gboolean ok = parse_number (&cursor, &point.lon);
      if (ok)
        {
          cursor = skip_blanks (cursor);
          ok = *cursor == ',';
        }
      if (ok)
        {
          cursor = skip_blanks (cursor + 1);
          ok = parse_number (&cursor, &point.lat);
        }
      if (ok)
        {
          const char *after = skip_blanks (cursor);
          if (*after == ',')
            {
              cursor = skip_blanks (after + 1);
              ok = parse_number (&cursor, &altitude);
            }
        }
      if (ok && *cursor != '\0' && *cursor != ' ' && *cursor != '\t' && *cursor != '\n' && *cursor != '\r')
        ok = FALSE;
      if (!ok)
        {
          g_autofree char *bad = g_strndup (tuple, strcspn (tuple, " \t\r\n"));
          if (g_utf8_strlen (bad, -1) > 40)
            {
              char *cut = g_utf8_substring (bad, 0, 40);
              g_free (bad);
              bad = g_strconcat (cut, "…", NULL);
              g_free (cut);
            }
          fail (p, node, FR_ERROR_INVALID,
                _("bad coordinate “%s”: expected longitude,latitude[,altitude] in decimal degrees"), bad);
          xmlFree (content);
          return NULL;
        }
      if (point.lon < -180.0 || point.lon > 180.0 || point.lat < -90.0 || point.lat > 90.0)
        {
          fail (p, node, FR_ERROR_INVALID,
                _("coordinate %g,%g is outside longitude −180…180, latitude −90…90"),
                point.lon, point.lat);
          xmlFree (content);
          return NULL;
        }
      if (++p->n_points > FR_KML_MAX_POINTS)
        {
          fail (p, node, FR_ERROR_TOO_LARGE, _("more than %d coordinates in one KML layer"), FR_KML_MAX_POINTS);
          xmlFree (content);
          return NULL;
        }
      g_array_append_val (points, point);
    }
  xmlFree (content);

  if (points->len < min_points)
    {
      fail (p, node, FR_ERROR_INVALID,
            g_dngettext (GETTEXT_PACKAGE, "<%s> needs at least %u point, found %u",
                         "<%s> needs at least %u points, found %u", min_points),
            (const char *) owner->name, min_points, points->len);
      return NULL;
    }
  return g_steal_pointer (&points);
}

static GArray *
parse_ring (Parser  *p,
            xmlNode *boundary)
{
  xmlNode *ring = first_child (p, boundary, "LinearRing");
  GArray *points;

  if (ring == NULL)
    {
      fail (p, boundary, FR_ERROR_INVALID, _("<%s> has no <LinearRing>"), (const char *) boundary->name);
      return NULL;
    }
  /* A closed ring of a triangle has four points; an unclosed one three. */
  points = parse_coordinates (p, ring, 3);
  return points;
}

static gboolean parse_geometry (Parser       *p,
                                xmlNode      *node,
                                FrKmlFeature *feature);

static gboolean
parse_polygon (Parser       *p,
               xmlNode      *node,
               FrKmlFeature *feature)
{
  xmlNode *outer = first_child (p, node, "outerBoundaryIs");
  GArray *ring;
  FrPolygon *polygon;

  if (outer == NULL)
    return fail (p, node, FR_ERROR_INVALID, _("<Polygon> has no <outerBoundaryIs>"));
  ring = parse_ring (p, outer);
  if (ring == NULL)
    return FALSE;
  polygon = fr_polygon_new (ring);
  if (((GArray *) g_ptr_array_index (polygon->rings, 0))->len < 3)
    {
      fr_polygon_free (polygon);
      return fail (p, outer, FR_ERROR_INVALID, _("the outer ring has fewer than three distinct points"));
    }
  g_ptr_array_add (feature->polygons, polygon);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (!is_kml (p, child, "innerBoundaryIs"))
        continue;
      /* Some writers put every hole in one innerBoundaryIs. */
      gboolean any = FALSE;
      for (xmlNode *r = child->children; r; r = r->next)
        {
          if (!is_kml (p, r, "LinearRing"))
            continue;
          GArray *hole = parse_coordinates (p, r, 3);
          if (hole == NULL)
            return FALSE;
          fr_polygon_add_hole (polygon, hole);
          any = TRUE;
        }
      if (!any)
        return fail (p, child, FR_ERROR_INVALID, _("<innerBoundaryIs> has no <LinearRing>"));
    }
  return TRUE;
}

static gboolean
parse_geometry (Parser       *p,
                xmlNode      *node,
                FrKmlFeature *feature)
{
  if (is_kml (p, node, "Point"))
    {
      g_autoptr(GArray) points = parse_coordinates (p, node, 1);
      if (points == NULL)
        return FALSE;
      if (points->len != 1)
        return fail (p, node, FR_ERROR_INVALID, _("<Point> must have exactly one coordinate, found %u"),
                     points->len);
      g_array_append_vals (feature->points, points->data, 1);
      return TRUE;
    }
  if (is_kml (p, node, "LineString"))
    {
      GArray *line = parse_coordinates (p, node, 2);
      if (line == NULL)
        return FALSE;
      g_ptr_array_add (feature->lines, line);
      return TRUE;
    }
  if (is_kml (p, node, "LinearRing"))
    {
      GArray *ring = parse_coordinates (p, node, 3);
      if (ring == NULL)
        return FALSE;
      const FrLonLat *first = &g_array_index (ring, FrLonLat, 0);
      const FrLonLat *last = &g_array_index (ring, FrLonLat, ring->len - 1);
      if (first->lon != last->lon || first->lat != last->lat)
        {
          FrLonLat closing = *first;
          g_array_append_val (ring, closing);
        }
      g_ptr_array_add (feature->lines, ring);
      return TRUE;
    }
  if (is_kml (p, node, "Polygon"))
    return parse_polygon (p, node, feature);
  if (is_kml (p, node, "MultiGeometry"))
    {
      for (xmlNode *child = node->children; child; child = child->next)
        if (is_kml (p, child, NULL) && !parse_geometry (p, child, feature))
          return FALSE;
      return TRUE;
    }
  /* Model, gx:Track and the like: not drawn. */
  return TRUE;
}

static gboolean
is_geometry (Parser  *p,
             xmlNode *node)
{
  static const char *const names[] = { "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (is_kml (p, node, names[i]))
      return TRUE;
  return FALSE;
}

static FrKmlGeometryKind
geometry_kind (xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "Point"))
    return FR_KML_GEOMETRY_POINT;
  if (g_str_equal (name, "LineString"))
    return FR_KML_GEOMETRY_LINE_STRING;
  if (g_str_equal (name, "LinearRing"))
    return FR_KML_GEOMETRY_LINEAR_RING;
  if (g_str_equal (name, "Polygon"))
    return FR_KML_GEOMETRY_POLYGON;
  return FR_KML_GEOMETRY_MULTI;
}

/* --- styles, time, data ------------------------------------------------------ */

static gboolean
parse_color_child (Parser     *p,
                   xmlNode    *node,
                   FrKmlColor *color)
{
  xmlNode *child = first_child (p, node, "color");
  g_autofree char *text = NULL;

  if (child == NULL)
    return TRUE;
  text = node_text (child);
  if (!fr_kml_parse_color (text, color))
    return fail (p, child, FR_ERROR_INVALID,
                 _("bad colour “%s”: expected eight hexadecimal digits aabbggrr"), text);
  return TRUE;
}

static gboolean
parse_style (Parser     *p,
             xmlNode    *node,
             StyleParts *parts)
{
  xmlNode *line = first_child (p, node, "LineStyle");
  xmlNode *poly = first_child (p, node, "PolyStyle");
  xmlNode *icon = first_child (p, node, "IconStyle");

  memset (parts, 0, sizeof *parts);
  parts->style.fill = TRUE;
  parts->style.outline = TRUE;
  if (line != NULL)
    {
      xmlNode *width = first_child (p, line, "width");
      if (!parse_color_child (p, line, &parts->style.line_color))
        return FALSE;
      if (width != NULL)
        {
          g_autofree char *text = node_text (width);
          const char *cursor = text;
          double value;
          if (!parse_number (&cursor, &value) || *cursor != '\0' || value < 0)
            return fail (p, width, FR_ERROR_INVALID, _("bad line width “%s”"), text);
          parts->style.line_width = value;
          parts->has_width = TRUE;
        }
    }
  if (poly != NULL)
    {
      const char *flags[] = { "fill", "outline" };
      if (!parse_color_child (p, poly, &parts->style.fill_color))
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
        {
          xmlNode *flag = first_child (p, poly, flags[i]);
          gboolean value;
          if (flag == NULL)
            continue;
          g_autofree char *text = node_text (flag);
          if (!parse_bool (text, &value))
            return fail (p, flag, FR_ERROR_INVALID, _("<%s> must be 0 or 1, not “%s”"), flags[i], text);
          if (i == 0)
            {
              parts->style.fill = value;
              parts->has_fill = TRUE;
            }
          else
            {
              parts->style.outline = value;
              parts->has_outline = TRUE;
            }
        }
    }
  if (icon != NULL && !parse_color_child (p, icon, &parts->style.icon_color))
    return FALSE;
  return TRUE;
}

static void
apply_style (FrKmlStyle       *style,
             const StyleParts *parts)
{
  if (parts->style.line_color.set)
    style->line_color = parts->style.line_color;
  if (parts->has_width)
    style->line_width = parts->style.line_width;
  if (parts->style.fill_color.set)
    style->fill_color = parts->style.fill_color;
  if (parts->has_fill)
    style->fill = parts->style.fill;
  if (parts->has_outline)
    style->outline = parts->style.outline;
  if (parts->style.icon_color.set)
    style->icon_color = parts->style.icon_color;
}

static char *
local_style_id (const char *url)
{
  /* Only "#id" within this document: references into other files would
   * need a file or network access the loader never makes. */
  if (url == NULL || url[0] != '#' || url[1] == '\0')
    return NULL;
  return g_strdup (url + 1);
}

static gboolean
parse_shared_style (Parser  *p,
                    xmlNode *node)
{
  xmlChar *id = xmlGetProp (node, (const xmlChar *) "id");
  StyleEntry *entry;

  if (id == NULL)
    return TRUE;   /* a shared style nobody can reference */
  entry = g_new0 (StyleEntry, 1);
  if (is_kml (p, node, "Style"))
    {
      if (!parse_style (p, node, &entry->parts))
        {
          style_entry_free (entry);
          xmlFree (id);
          return FALSE;
        }
    }
  else
    {
      entry->parts.style.fill = TRUE;
      entry->parts.style.outline = TRUE;
      for (xmlNode *pair = node->children; pair; pair = pair->next)
        {
          if (!is_kml (p, pair, "Pair"))
            continue;
          g_autofree char *key = child_text (p, pair, "key");
          if (g_strcmp0 (key, "normal") != 0)
            continue;
          g_autofree char *url = child_text (p, pair, "styleUrl");
          xmlNode *inline_style = first_child (p, pair, "Style");
          if (inline_style != NULL)
            {
              if (!parse_style (p, inline_style, &entry->parts))
                {
                  style_entry_free (entry);
                  xmlFree (id);
                  return FALSE;
                }
            }
          else
            entry->map_to = local_style_id (url);
        }
    }
  g_hash_table_replace (p->styles, g_strdup ((const char *) id), entry);
  xmlFree (id);
  return TRUE;
}

static gboolean
parse_time (Parser    *p,
            xmlNode   *owner,
            TimeRange *range)
{
  xmlNode *stamp = first_child (p, owner, "TimeStamp");
  xmlNode *span = first_child (p, owner, "TimeSpan");

  if (stamp != NULL)
    {
      xmlNode *when = first_child (p, stamp, "when");
      g_autofree char *text = when ? node_text (when) : NULL;
      if (text == NULL || !fr_kml_parse_date (text, &range->begin, &range->end))
        return fail (p, when ? when : stamp, FR_ERROR_INVALID,
                     _("bad date “%s”: expected YYYY, YYYY-MM, YYYY-MM-DD or a date and time"),
                     text ? text : "");
      /* A stamp is an instant: its day, even when the text names a year. */
      range->end = range->begin;
      range->set = TRUE;
    }
  else if (span != NULL)
    {
      xmlNode *begin = first_child (p, span, "begin");
      xmlNode *end = first_child (p, span, "end");
      gint32 unused;

      range->begin = range->end = 0;
      if (begin != NULL)
        {
          g_autofree char *text = node_text (begin);
          if (text[0] != '\0' && !fr_kml_parse_date (text, &range->begin, &unused))
            return fail (p, begin, FR_ERROR_INVALID,
                         _("bad date “%s”: expected YYYY, YYYY-MM, YYYY-MM-DD or a date and time"), text);
        }
      if (end != NULL)
        {
          g_autofree char *text = node_text (end);
          if (text[0] != '\0' && !fr_kml_parse_date (text, &unused, &range->end))
            return fail (p, end, FR_ERROR_INVALID,
                         _("bad date “%s”: expected YYYY, YYYY-MM, YYYY-MM-DD or a date and time"), text);
        }
      if (range->begin != 0 && range->end != 0 && range->end < range->begin)
        return fail (p, span, FR_ERROR_INVALID, _("<TimeSpan> ends before it begins"));
      range->set = TRUE;
    }
  return TRUE;
}

static void
parse_extended_data (Parser     *p,
                     xmlNode    *owner,
                     GHashTable *data)
{
  xmlNode *ext = first_child (p, owner, "ExtendedData");

  if (ext == NULL)
    return;
  for (xmlNode *child = ext->children; child; child = child->next)
    {
      if (is_kml (p, child, "Data"))
        {
          xmlChar *name = xmlGetProp (child, (const xmlChar *) "name");
          if (name != NULL)
            {
              char *value = child_text (p, child, "value");
              g_hash_table_replace (data, g_strdup ((const char *) name), value ? value : g_strdup (""));
              xmlFree (name);
            }
        }
      else if (is_kml (p, child, "SchemaData"))
        {
          for (xmlNode *simple = child->children; simple; simple = simple->next)
            {
              if (!is_kml (p, simple, "SimpleData"))
                continue;
              xmlChar *name = xmlGetProp (simple, (const xmlChar *) "name");
              if (name != NULL)
                {
                  g_hash_table_replace (data, g_strdup ((const char *) name), node_text (simple));
                  xmlFree (name);
                }
            }
        }
    }
}

/* --- features ----------------------------------------------------------------- */

static gboolean
parse_placemark (Parser          *p,
                 xmlNode         *node,
                 const char      *folder,
                 const TimeRange *inherited)
{
  FrKmlFeature *feature = fr_kml_feature_new ();
  Pending pending = { 0 };
  TimeRange time = { 0 };
  xmlChar *id;

  pending.feature = feature;
  g_ptr_array_add (p->doc->features, feature);
  feature->line = (int) xmlGetLineNo (node);
  feature->folder = g_strdup (folder);
  id = xmlGetProp (node, (const xmlChar *) "id");
  if (id != NULL)
    {
      feature->id = g_strdup ((const char *) id);
      xmlFree (id);
    }
  feature->name = child_text (p, node, "name");
  feature->description = child_text (p, node, "description");
  feature->style_url = child_text (p, node, "styleUrl");
  parse_extended_data (p, node, feature->data);

  if (!parse_time (p, node, &time))
    return FALSE;
  if (!time.set && inherited != NULL)
    time = *inherited;
  feature->has_time = time.set;
  feature->begin_day = time.begin;
  feature->end_day = time.end;

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_kml (p, child, "Style"))
        {
          if (!parse_style (p, child, &pending.inline_style))
            return FALSE;
          pending.has_inline = TRUE;
        }
      else if (is_geometry (p, child))
        {
          feature->kind = feature->kind == FR_KML_GEOMETRY_NONE ? geometry_kind (child) : FR_KML_GEOMETRY_MULTI;
          if (!parse_geometry (p, child, feature))
            return FALSE;
        }
    }
  g_array_append_val (p->pending, pending);
  return TRUE;
}

static gboolean
parse_container (Parser          *p,
                 xmlNode         *node,
                 const char      *folder,
                 const TimeRange *inherited)
{
  TimeRange time = { 0 };

  if (!parse_time (p, node, &time))
    return FALSE;
  if (!time.set && inherited != NULL)
    time = *inherited;

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_kml (p, child, "Style") || is_kml (p, child, "StyleMap"))
        {
          if (!parse_shared_style (p, child))
            return FALSE;
        }
      else if (is_kml (p, child, "Placemark"))
        {
          if (!parse_placemark (p, child, folder, time.set ? &time : NULL))
            return FALSE;
        }
      else if (is_kml (p, child, "Folder") || is_kml (p, child, "Document"))
        {
          g_autofree char *name = child_text (p, child, "name");
          g_autofree char *path = NULL;
          /* A Document is the file, not a folder the user made: its name
           * does not prefix the folder path. */
          if (name == NULL || name[0] == '\0' || is_kml (p, child, "Document"))
            path = g_strdup (folder);
          else if (folder == NULL)
            path = g_strdup (name);
          else
            path = g_strconcat (folder, "/", name, NULL);
          if (!parse_container (p, child, path, time.set ? &time : NULL))
            return FALSE;
        }
    }
  return TRUE;
}

static const StyleEntry *
resolve_entry (Parser     *p,
               const char *url)
{
  g_autofree char *id = local_style_id (url);
  const StyleEntry *entry = NULL;

  /* A few hops through StyleMaps; a cycle ends the walk. */
  for (int hop = 0; id != NULL && hop < 8; hop++)
    {
      entry = g_hash_table_lookup (p->styles, id);
      if (entry == NULL || entry->map_to == NULL)
        return entry;
      g_free (id);
      id = g_strdup (entry->map_to);
    }
  return NULL;
}

static void
resolve_styles (Parser *p)
{
  for (guint i = 0; i < p->pending->len; i++)
    {
      Pending *pending = &g_array_index (p->pending, Pending, i);
      const StyleEntry *shared = resolve_entry (p, pending->feature->style_url);
      if (shared != NULL)
        apply_style (&pending->feature->style, &shared->parts);
      if (pending->has_inline)
        apply_style (&pending->feature->style, &pending->inline_style);
    }
}

/* --- safe XML ------------------------------------------------------------- */

static void
refuse_doctype (void          *ctx,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  SafeParse *safe = ctxt->_private;

  safe->doctype = TRUE;
  xmlStopParser (ctxt);
}

static void
collect_error (void        *ctx,
               xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = ctx;
  SafeParse *safe = ctxt->_private;

  if (error == NULL || error->level < XML_ERR_ERROR || safe->have_error)
    return;
  safe->have_error = TRUE;
  safe->line = error->line;
  safe->column = error->int2;
  safe->message = g_strstrip (g_strdup (error->message ? error->message : ""));
}

static xmlDoc *
safe_read (const char  *text,
           gsize        length,
           const char  *display_name,
           GError     **error)
{
  SafeParse safe = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlCreateMemoryParserCtxt (text, (int) length);
  if (ctxt == NULL)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_FAILED, _("%s: cannot create an XML parser"), display_name);
      return NULL;
    }
  ctxt->_private = &safe;
  ctxt->sax->internalSubset = refuse_doctype;
  ctxt->sax->serror = collect_error;
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  xmlParseDocument (ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (safe.doctype)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_UNSAFE,
                   _("%s: a DOCTYPE is not allowed in KML (no DTDs or entities are read)"), display_name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (!ctxt->wellFormed || doc == NULL)
    {
      if (safe.have_error)
        g_set_error (error, FR_ERROR, FR_ERROR_PARSE, _("%s:%d:%d: not well-formed XML: %s"),
                     display_name, safe.line, safe.column, safe.message);
      else
        g_set_error (error, FR_ERROR, FR_ERROR_PARSE, _("%s: not well-formed XML"), display_name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  g_free (safe.message);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

FrKmlDocument *
fr_kml_parse (const char  *text,
              gsize        length,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(FrKmlDocument) document = NULL;
  xmlDoc *doc;
  xmlNode *root;
  Parser p = { 0 };
  gboolean ok;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  if (display_name == NULL)
    display_name = "KML";

  if (length > FR_KML_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (FR_KML_MAX_BYTES);
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE, _("%s: %s is over the limit of %s for a KML layer"),
                   display_name, size, limit);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_PARSE, _("%s: the file is empty"), display_name);
      return NULL;
    }

  /* Every element costs a tree node: count the tags before building it. */
  guint tags = 0;
  for (const char *c = memchr (text, '<', length); c != NULL;
       c = memchr (c + 1, '<', length - (gsize) (c + 1 - text)))
    if (++tags > FR_KML_MAX_TAGS)
      {
        g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE, _("%s: more than %d tags in one KML layer"),
                     display_name, FR_KML_MAX_TAGS);
        return NULL;
      }

  doc = safe_read (text, length, display_name, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) "kml"))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID, _("%s:%ld: the root element is <%s>, not <kml>"),
                   display_name, root ? xmlGetLineNo (root) : 0L, root ? (const char *) root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }
  if (root->ns != NULL && !xmlStrEqual (root->ns->href, (const xmlChar *) FR_KML_NAMESPACE))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("%s:%ld: <kml> is in namespace “%s”; only KML 2.2 (%s) is read"),
                   display_name, xmlGetLineNo (root), (const char *) root->ns->href, FR_KML_NAMESPACE);
      xmlFreeDoc (doc);
      return NULL;
    }

  document = g_new0 (FrKmlDocument, 1);
  document->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  document->features = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_kml_feature_free);

  p.display_name = display_name;
  p.ns = root->ns ? root->ns->href : NULL;
  p.doc = document;
  p.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_entry_free);
  p.pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  xmlNode *top = first_child (&p, root, "Document");
  if (top != NULL)
    {
      document->name = child_text (&p, top, "name");
      document->description = child_text (&p, top, "description");
      parse_extended_data (&p, top, document->data);
    }
  /* <kml> holds one feature: a Document, a Folder or a lone Placemark. */
  ok = parse_container (&p, root, NULL, NULL);
  if (ok)
    resolve_styles (&p);

  g_hash_table_unref (p.styles);
  g_array_unref (p.pending);
  xmlFreeDoc (doc);
  if (!ok)
    {
      if (p.error == NULL)
        g_set_error (&p.error, FR_ERROR, FR_ERROR_INVALID, _("%s: not a readable KML document"), display_name);
      g_propagate_error (error, p.error);
      return NULL;
    }
  return g_steal_pointer (&document);
}

FrKmlDocument *
fr_kml_parse_bytes (GBytes      *bytes,
                    const char  *display_name,
                    GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return fr_kml_parse (data ? data : "", length, display_name, error);
}

FrKmlDocument *
fr_kml_load_file (const char  *path,
                  GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;
  GError *local = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("%s: %s"), display_name, g_strerror (saved));
      return NULL;
    }
  if ((guint64) st.st_size > FR_KML_MAX_BYTES)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (FR_KML_MAX_BYTES);
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE, _("%s: %s is over the limit of %s for a KML layer"),
                   display_name, size, limit);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  return fr_kml_parse (contents, length, display_name, error);
}
