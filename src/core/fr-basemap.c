/* fr-basemap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include "fr-basemap.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fr-error.h"
#include "fr-kml.h"

static void
fr_region_free (FrRegion *region)
{
  if (region == NULL)
    return;
  g_free (region->code);
  g_free (region->name);
  g_free (region->iso_numeric);
  g_free (region->sovereign);
  g_ptr_array_unref (region->polygons);
  g_free (region);
}

static void
fr_border_free (FrBorder *border)
{
  if (border == NULL)
    return;
  g_free (border->region_a);
  g_free (border->region_b);
  g_ptr_array_unref (border->lines);
  g_free (border);
}

static void
fr_basemap_label_free (FrBasemapLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->name);
  g_free (label->kind);
  g_free (label);
}

void
fr_basemap_free (FrBasemap *basemap)
{
  if (basemap == NULL)
    return;
  g_hash_table_unref (basemap->by_code);
  g_ptr_array_unref (basemap->regions);
  g_ptr_array_unref (basemap->borders);
  g_ptr_array_unref (basemap->labels);
  g_free (basemap->source);
  g_free (basemap);
}

static FrBasemap *
fr_basemap_new (void)
{
  FrBasemap *basemap = g_new0 (FrBasemap, 1);

  basemap->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_region_free);
  basemap->borders = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_border_free);
  basemap->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_basemap_label_free);
  basemap->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  fr_geo_bbox_init (basemap->bbox);
  return basemap;
}

/* Takes the feature's arrays so the vertices are not copied. */
static GPtrArray *
steal_array (GPtrArray **slot,
             GDestroyNotify free_func)
{
  GPtrArray *taken = *slot;
  *slot = g_ptr_array_new_with_free_func (free_func);
  return taken;
}

static gboolean G_GNUC_PRINTF (4, 5)
invalid (GError            **error,
         const char         *display_name,
         const FrKmlFeature *feature,
         const char         *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, FR_ERROR, FR_ERROR_INVALID, "%s:%d: %s", display_name, feature->line, message);
  return FALSE;
}

static gboolean
add_region (FrBasemap     *basemap,
            FrKmlFeature  *feature,
            const char    *display_name,
            GError       **error)
{
  const char *code = fr_kml_feature_get_data (feature, "code");
  const char *sovereign = fr_kml_feature_get_data (feature, "sovereign");
  const char *iso = fr_kml_feature_get_data (feature, "iso_numeric");
  FrRegion *region;

  if (code == NULL || code[0] == '\0')
    return invalid (error, display_name, feature, _("a region has no code"));
  if (g_hash_table_contains (basemap->by_code, code))
    return invalid (error, display_name, feature, _("region “%s” appears twice"), code);
  if (feature->polygons->len == 0)
    return invalid (error, display_name, feature, _("region “%s” has no polygons"), code);

  region = g_new0 (FrRegion, 1);
  region->code = g_strdup (code);
  region->name = g_strdup (feature->name ? feature->name : code);
  region->iso_numeric = iso && iso[0] ? g_strdup (iso) : NULL;
  region->sovereign = g_strdup (sovereign && sovereign[0] ? sovereign : code);
  region->frontier = g_strcmp0 (fr_kml_feature_get_data (feature, "group"), "frontier") == 0;
  region->polygons = steal_array (&feature->polygons, (GDestroyNotify) fr_polygon_free);
  fr_geo_bbox_init (region->bbox);
  for (guint i = 0; i < region->polygons->len; i++)
    {
      FrPolygon *polygon = g_ptr_array_index (region->polygons, i);
      fr_geo_bbox_union (region->bbox, polygon->bbox);
    }
  fr_geo_bbox_union (basemap->bbox, region->bbox);
  g_ptr_array_add (basemap->regions, region);
  g_hash_table_insert (basemap->by_code, region->code, region);
  return TRUE;
}

static gboolean
add_border (FrBasemap     *basemap,
            FrKmlFeature  *feature,
            const char    *display_name,
            GError       **error)
{
  const char *a = fr_kml_feature_get_data (feature, "region_a");
  const char *b = fr_kml_feature_get_data (feature, "region_b");
  const char *internal = fr_kml_feature_get_data (feature, "internal");
  FrBorder *border;

  if (a == NULL || b == NULL || a[0] == '\0' || b[0] == '\0')
    return invalid (error, display_name, feature, _("a border needs region_a and region_b"));
  if (g_str_equal (a, b))
    return invalid (error, display_name, feature, _("a border cannot run between “%s” and itself"), a);
  if (feature->lines->len == 0)
    return invalid (error, display_name, feature, _("the border %s–%s has no lines"), a, b);

  border = g_new0 (FrBorder, 1);
  if (strcmp (a, b) > 0)
    {
      const char *swap = a;
      a = b;
      b = swap;
    }
  border->region_a = g_strdup (a);
  border->region_b = g_strdup (b);
  border->internal = g_strcmp0 (internal, "true") == 0;
  border->lines = steal_array (&feature->lines, (GDestroyNotify) g_array_unref);
  fr_geo_bbox_init (border->bbox);
  border->length_km = 0;
  for (guint i = 0; i < border->lines->len; i++)
    {
      GArray *line = g_ptr_array_index (border->lines, i);
      fr_geo_bbox_add_line (border->bbox, line);
      border->length_km += fr_geo_line_length (line) / 1000.0;
    }
  g_ptr_array_add (basemap->borders, border);
  return TRUE;
}

FrBasemap *
fr_basemap_load (const char  *path,
                 GError     **error)
{
  g_autoptr(FrKmlDocument) kml = NULL;
  g_autoptr(FrBasemap) basemap = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  kml = fr_kml_load_file (path, error);
  if (kml == NULL)
    return NULL;
  display_name = g_filename_display_basename (path);
  basemap = fr_basemap_new ();
  basemap->source = g_strdup (kml->description);

  for (guint i = 0; i < kml->features->len; i++)
    {
      FrKmlFeature *feature = g_ptr_array_index (kml->features, i);
      const char *kind = fr_kml_feature_get_data (feature, "kind");

      if (g_strcmp0 (kind, "region") == 0)
        {
          if (!add_region (basemap, feature, display_name, error))
            return NULL;
        }
      else if (g_strcmp0 (kind, "border") == 0)
        {
          if (!add_border (basemap, feature, display_name, error))
            return NULL;
        }
      else if (g_strcmp0 (kind, "label") == 0 && feature->points->len > 0)
        {
          FrBasemapLabel *label = g_new0 (FrBasemapLabel, 1);
          const char *label_kind = fr_kml_feature_get_data (feature, "label_kind");
          label->name = g_strdup (feature->name ? feature->name : "");
          label->kind = g_strdup (label_kind ? label_kind : "");
          label->position = g_array_index (feature->points, FrLonLat, 0);
          g_ptr_array_add (basemap->labels, label);
        }
    }

  if (basemap->regions->len == 0)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("%s: no regions (Placemarks with ExtendedData kind=region) in this file"), display_name);
      return NULL;
    }
  /* Borders are checked once every region is known: the file may list them
   * in any order. */
  for (guint i = 0; i < basemap->borders->len; i++)
    {
      FrBorder *border = g_ptr_array_index (basemap->borders, i);
      const char *missing = NULL;

      if (!g_hash_table_contains (basemap->by_code, border->region_a))
        missing = border->region_a;
      else if (!g_hash_table_contains (basemap->by_code, border->region_b))
        missing = border->region_b;
      if (missing != NULL)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("%s: the border %s–%s names region “%s”, which the file does not have"),
                       display_name, border->region_a, border->region_b, missing);
          return NULL;
        }
    }
  return g_steal_pointer (&basemap);
}

char *
fr_basemap_data_dir (void)
{
  const char *env = g_getenv ("FRONTIER_DATADIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (g_file_test (PKGDATADIR "/maps", G_FILE_TEST_IS_DIR))
    return g_strdup (PKGDATADIR);
  return g_strdup (SOURCE_DATADIR);
}

char *
fr_basemap_default_path (FrBasemapDetail detail)
{
  g_autofree char *dir = fr_basemap_data_dir ();
  const char *file = detail == FR_BASEMAP_DETAIL_50M ? "frontier-50m.kml" : "frontier-10m.kml";

  return g_build_filename (dir, "maps", file, NULL);
}

FrBasemap *
fr_basemap_load_default (FrBasemapDetail   detail,
                         GError          **error)
{
  g_autofree char *path = fr_basemap_default_path (detail);

  return fr_basemap_load (path, error);
}

FrRegion *
fr_basemap_find (const FrBasemap *basemap,
                 const char      *code)
{
  g_return_val_if_fail (basemap != NULL, NULL);
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (basemap->by_code, code);
}

FrBorder *
fr_basemap_find_border (const FrBasemap *basemap,
                        const char      *code_a,
                        const char      *code_b)
{
  g_return_val_if_fail (basemap != NULL, NULL);
  if (code_a == NULL || code_b == NULL)
    return NULL;
  if (strcmp (code_a, code_b) > 0)
    {
      const char *swap = code_a;
      code_a = code_b;
      code_b = swap;
    }
  for (guint i = 0; i < basemap->borders->len; i++)
    {
      FrBorder *border = g_ptr_array_index (basemap->borders, i);
      if (g_str_equal (border->region_a, code_a) && g_str_equal (border->region_b, code_b))
        return border;
    }
  return NULL;
}

gboolean
fr_region_contains (const FrRegion *region,
                    double          lon,
                    double          lat)
{
  g_return_val_if_fail (region != NULL, FALSE);
  if (!fr_geo_bbox_contains (region->bbox, lon, lat))
    return FALSE;
  for (guint i = 0; i < region->polygons->len; i++)
    if (fr_geo_polygon_contains (g_ptr_array_index (region->polygons, i), lon, lat))
      return TRUE;
  return FALSE;
}

const char *
fr_basemap_region_at (const FrBasemap *basemap,
                      double           lon,
                      double           lat)
{
  g_return_val_if_fail (basemap != NULL, NULL);
  for (guint i = 0; i < basemap->regions->len; i++)
    {
      const FrRegion *region = g_ptr_array_index (basemap->regions, i);
      if (fr_region_contains (region, lon, lat))
        return region->code;
    }
  return NULL;
}
