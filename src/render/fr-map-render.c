/* fr-map-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry is projected once into plain arrays of metres, with
 * Douglas–Peucker levels of detail. Each frame maps the level that fits the
 * zoom to picture units with one multiply-add per coordinate and drops
 * vertices closer than a fraction of a device pixel to the previous one.
 * With a cache, the base layer of the last frame is kept as an image (see
 * fr-map-render.h): a new date repaints only the rectangle around the
 * regions whose status changed; a gesture moves the image.
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-map-render.h"
#include "fr-hash-private.h"
#include "fr-date.h"
#include "fr-export.h"
#include "fr-format.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* Device pixels below which consecutive vertices are merged. */
#define SIMPLIFY_DEVICE_PX 0.35

/* Levels of detail: level k is simplified (Douglas–Peucker) to
 * LOD_BASE_M·4^(k−1) metres; level 0 is the data as loaded. A frame uses
 * the coarsest level whose tolerance is under half a device pixel, so the
 * 1:10m vertices cost nothing when the whole frontier is on screen. */
#define N_LODS 6

/* The base layer is drawn this much larger than the picture on each side
 * (a fraction of its width and height), so short pans reuse it. */
#define BASE_MARGIN 0.15

#define MIN_METRES_PER_UNIT 5.0
#define MAX_METRES_PER_UNIT 50000.0
#define LOD_BASE_M 150.0

/* -------------------------------------------------------------------- */
/* Projected geometry                                                   */

typedef struct {
  guint start;          /* first point index in Geometry.points (pairs) */
  guint n;
  double bbox[4];       /* projected x_min, y_min, x_max, y_max */
  guint lod_start[N_LODS];
  guint lod_n[N_LODS];
} Ring;

typedef struct {
  const FrRegion *region;
  guint first_ring;
  guint n_rings;
  double bbox[4];
  double area;          /* projected m², outer rings minus holes */
  gboolean has_label;
  double label_x;
  double label_y;
} RegionGeom;

typedef struct {
  const FrBorder *border;
  guint first_ring;     /* the lines, as open rings */
  guint n_rings;
  double bbox[4];
} BorderGeom;

typedef struct {
  const FrBasemap *basemap;
  FrLcc lcc;
  GArray *points;       /* float x, y pairs, projected metres: a fifth of a
                         * metre at worst, far below a pixel, in half the
                         * memory of doubles */
  GArray *rings;        /* Ring */
  GArray *regions;      /* RegionGeom, basemap order */
  GArray *borders;      /* BorderGeom, basemap order */
  GHashTable *region_index;  /* code → index + 1 */
  GHashTable *border_index;  /* FrBorder* → index + 1 */
  guint window_ring;         /* the basemap's extent, as a ring */
} Geometry;

/* Label anchors chosen by hand for the states the map is about, where the
 * largest polygon's centroid would sit badly (Norway's, Croatia's and
 * Russia's centroids are off-shape or off-screen). lon, lat. */
static const struct {
  const char *code;
  double lon, lat;
} label_anchors[] = {
  { "NO", 9.0, 61.6 },  { "SE", 15.2, 62.8 }, { "FI", 26.2, 63.6 },
  { "EE", 25.9, 58.7 }, { "LV", 25.6, 56.85 }, { "LT", 23.9, 55.35 },
  { "PL", 19.2, 52.2 }, { "BY", 28.0, 53.6 }, { "UA", 31.5, 49.2 },
  { "MD", 28.6, 47.3 }, { "RO", 24.9, 45.9 }, { "BG", 25.2, 42.7 },
  { "TR", 34.0, 39.3 }, { "RU", 42.0, 58.5 }, { "DE", 10.3, 51.0 },
  { "DK", 9.3, 56.1 },  { "CZ", 15.3, 49.8 }, { "SK", 19.5, 48.7 },
  { "HU", 19.3, 47.1 }, { "AT", 14.4, 47.5 }, { "GE", 43.6, 42.1 },
  { "UA-43", 34.2, 45.3 }, { "HR", 15.8, 45.6 }, { "RS", 20.8, 44.0 },
  { "GR", 22.0, 39.6 }, { "IT", 12.3, 42.9 }, { "FR", 2.5, 46.8 },
  { "GB", -1.8, 52.8 }, { "NL", 5.7, 52.3 }, { "BE", 4.6, 50.6 },
  { "KZ", 52.0, 48.5 }, { "AZ", 47.7, 40.3 }, { "AM", 44.9, 40.2 },
};

static void
project_bbox_add (double bbox[4],
                  double x,
                  double y)
{
  bbox[0] = MIN (bbox[0], x);
  bbox[1] = MIN (bbox[1], y);
  bbox[2] = MAX (bbox[2], x);
  bbox[3] = MAX (bbox[3], y);
}

static void
bbox_empty (double bbox[4])
{
  bbox[0] = bbox[1] = G_MAXDOUBLE;
  bbox[2] = bbox[3] = -G_MAXDOUBLE;
}

static void add_box (double       dirty[4],
                     const double box[4]);

static guint
add_ring (Geometry     *geometry,
          const GArray *lonlat,
          double        bbox[4])
{
  Ring ring;

  ring.start = geometry->points->len / 2;
  ring.n = lonlat != NULL ? lonlat->len : 0;
  bbox_empty (ring.bbox);
  for (guint i = 0; i < ring.n; i++)
    {
      const FrLonLat *p = &g_array_index (lonlat, FrLonLat, i);
      double xy[2];

      fr_lcc_forward (&geometry->lcc, p->lon, p->lat, &xy[0], &xy[1]);
      g_array_append_vals (geometry->points, (float[]) { (float) xy[0], (float) xy[1] }, 2);
      project_bbox_add (ring.bbox, xy[0], xy[1]);
    }
  if (ring.n > 0)
    {
      project_bbox_add (bbox, ring.bbox[0], ring.bbox[1]);
      project_bbox_add (bbox, ring.bbox[2], ring.bbox[3]);
    }
  for (guint k = 0; k < N_LODS; k++)
    {
      ring.lod_start[k] = ring.start;
      ring.lod_n[k] = ring.n;
    }
  g_array_append_val (geometry->rings, ring);
  return geometry->rings->len - 1;
}

/* Douglas & Peucker (1973), iteratively; marks the points to keep. */
static void
douglas_peucker (const float *p,
                 guint        n,
                 double       tolerance,
                 guint8      *keep,
                 GArray      *stack)
{
  double tol2 = tolerance * tolerance;

  memset (keep, 0, n);
  keep[0] = keep[n - 1] = 1;
  g_array_set_size (stack, 0);
  g_array_append_vals (stack, (guint[]) { 0, n - 1 }, 2);
  while (stack->len > 0)
    {
      guint j = g_array_index (stack, guint, stack->len - 1);
      guint i = g_array_index (stack, guint, stack->len - 2);
      double worst = -1;
      guint at = i;

      /* Squared distance of each point to the segment i–j, with the
       * segment's terms taken out of the loop: most of the time of
       * building the levels is spent here. */
      double ax = p[2 * i], ay = p[2 * i + 1];
      double dx = p[2 * j] - ax, dy = p[2 * j + 1] - ay;
      double len2 = dx * dx + dy * dy;
      double inverse = len2 > 0 ? 1.0 / len2 : 0.0;

      g_array_set_size (stack, stack->len - 2);
      for (guint k = i + 1; k < j; k++)
        {
          double qx = p[2 * k] - ax, qy = p[2 * k + 1] - ay;
          double t = CLAMP ((qx * dx + qy * dy) * inverse, 0.0, 1.0);
          double ex = t * dx - qx, ey = t * dy - qy;
          double d = ex * ex + ey * ey;

          if (d > worst)
            {
              worst = d;
              at = k;
            }
        }
      if (worst > tol2)
        {
          keep[at] = 1;
          g_array_append_vals (stack, (guint[]) { i, at, at, j }, 4);
        }
    }
}

static void
build_lods (Geometry *geometry)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) copy = g_array_new (FALSE, FALSE, sizeof (float));
  g_autofree guint8 *keep = NULL;
  guint max_n = 0;

  for (guint r = 0; r < geometry->rings->len; r++)
    max_n = MAX (max_n, g_array_index (geometry->rings, Ring, r).n);
  keep = g_new (guint8, MAX (max_n, 1));

  for (guint r = 0; r < geometry->rings->len; r++)
    for (guint k = 1; k < N_LODS; k++)
      {
        Ring *ring = &g_array_index (geometry->rings, Ring, r);
        guint from_n = ring->lod_n[k - 1];
        guint start = geometry->points->len / 2;

        /* Each level simplifies the one before: cheaper, and nested. */
        if (from_n <= 4)
          {
            ring->lod_start[k] = ring->lod_start[k - 1];
            ring->lod_n[k] = from_n;
            continue;
          }
        g_array_set_size (copy, 0);
        g_array_append_vals (copy, &g_array_index (geometry->points, float, ring->lod_start[k - 1] * 2), from_n * 2);
        douglas_peucker ((const float *) (const void *) copy->data, from_n,
                         LOD_BASE_M * pow (4, k - 1), keep, stack);
        for (guint i = 0; i < from_n; i++)
          if (keep[i])
            g_array_append_vals (geometry->points, &g_array_index (copy, float, 2 * i), 2);
        ring = &g_array_index (geometry->rings, Ring, r);
        ring->lod_start[k] = start;
        ring->lod_n[k] = geometry->points->len / 2 - start;
      }
}

/* Shoelace area and centroid of a projected ring. */
static double
ring_area_centroid (const Geometry *geometry,
                    const Ring     *ring,
                    double         *cx,
                    double         *cy)
{
  const float *p = &g_array_index (geometry->points, float, ring->start * 2);
  double area = 0, sx = 0, sy = 0;

  for (guint i = 0; i < ring->n; i++)
    {
      guint j = (i + 1) % ring->n;
      double cross = (double) p[2 * i] * p[2 * j + 1] - (double) p[2 * j] * p[2 * i + 1];
      area += cross;
      sx += ((double) p[2 * i] + p[2 * j]) * cross;
      sy += ((double) p[2 * i + 1] + p[2 * j + 1]) * cross;
    }
  area /= 2;
  if (fabs (area) > 0 && cx != NULL)
    {
      *cx = sx / (6 * area);
      *cy = sy / (6 * area);
    }
  return area;
}

static Geometry *
geometry_new (const FrBasemap *basemap,
              const FrLcc     *lcc)
{
  Geometry *geometry = g_new0 (Geometry, 1);

  geometry->basemap = basemap;
  geometry->lcc = *lcc;
  geometry->points = g_array_new (FALSE, FALSE, sizeof (float));
  geometry->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
  geometry->regions = g_array_new (FALSE, TRUE, sizeof (RegionGeom));
  geometry->borders = g_array_new (FALSE, TRUE, sizeof (BorderGeom));
  geometry->region_index = g_hash_table_new (g_str_hash, g_str_equal);
  geometry->border_index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; basemap->regions != NULL && i < basemap->regions->len; i++)
    {
      const FrRegion *region = g_ptr_array_index (basemap->regions, i);
      RegionGeom rg = { 0 };
      double best_area = 0;

      rg.region = region;
      rg.first_ring = geometry->rings->len;
      bbox_empty (rg.bbox);
      for (guint p = 0; region->polygons != NULL && p < region->polygons->len; p++)
        {
          const FrPolygon *polygon = g_ptr_array_index (region->polygons, p);
          for (guint r = 0; polygon->rings != NULL && r < polygon->rings->len; r++)
            {
              guint index = add_ring (geometry, g_ptr_array_index (polygon->rings, r), rg.bbox);
              double cx = 0, cy = 0;
              double area = fabs (ring_area_centroid (geometry, &g_array_index (geometry->rings, Ring, index), &cx, &cy));

              rg.area += r == 0 ? area : -area;
              if (r == 0 && area > best_area)
                {
                  double lon, lat;
                  best_area = area;
                  if (fr_lcc_inverse (lcc, cx, cy, &lon, &lat) && fr_geo_polygon_contains (polygon, lon, lat))
                    {
                      rg.label_x = cx;
                      rg.label_y = cy;
                      rg.has_label = TRUE;
                    }
                  else
                    rg.has_label = FALSE;
                }
            }
        }
      rg.n_rings = geometry->rings->len - rg.first_ring;
      for (guint a = 0; a < G_N_ELEMENTS (label_anchors); a++)
        if (g_str_equal (label_anchors[a].code, region->code))
          {
            fr_lcc_forward (lcc, label_anchors[a].lon, label_anchors[a].lat, &rg.label_x, &rg.label_y);
            rg.has_label = TRUE;
          }
      g_array_append_val (geometry->regions, rg);
      g_hash_table_insert (geometry->region_index, region->code, GUINT_TO_POINTER (geometry->regions->len));
    }

  for (guint i = 0; basemap->borders != NULL && i < basemap->borders->len; i++)
    {
      const FrBorder *border = g_ptr_array_index (basemap->borders, i);
      BorderGeom bg = { 0 };

      bg.border = border;
      bg.first_ring = geometry->rings->len;
      bbox_empty (bg.bbox);
      for (guint l = 0; border->lines != NULL && l < border->lines->len; l++)
        add_ring (geometry, g_ptr_array_index (border->lines, l), bg.bbox);
      bg.n_rings = geometry->rings->len - bg.first_ring;
      g_array_append_val (geometry->borders, bg);
      g_hash_table_insert (geometry->border_index, (gpointer) border, GUINT_TO_POINTER (geometry->borders->len));
    }

  /* The data stops at the basemap's window; past it is not sea but
   * "off the map", so the window is drawn as the map's edge. Parallels are
   * arcs in this projection: sample the edges. */
  {
    g_autoptr(GArray) edge = g_array_new (FALSE, FALSE, sizeof (FrLonLat));
    const double *b = basemap->bbox;
    double bbox[4];
    const int steps = 64;

    if (!fr_geo_bbox_is_empty (b))
      {
        for (int i = 0; i <= steps; i++)
          g_array_append_val (edge, ((FrLonLat) { b[0] + (b[2] - b[0]) * i / steps, b[1] }));
        for (int i = 0; i <= steps; i++)
          g_array_append_val (edge, ((FrLonLat) { b[2], b[1] + (b[3] - b[1]) * i / steps }));
        for (int i = 0; i <= steps; i++)
          g_array_append_val (edge, ((FrLonLat) { b[2] - (b[2] - b[0]) * i / steps, b[3] }));
        for (int i = 0; i <= steps; i++)
          g_array_append_val (edge, ((FrLonLat) { b[0], b[3] - (b[3] - b[1]) * i / steps }));
      }
    bbox_empty (bbox);
    geometry->window_ring = add_ring (geometry, edge, bbox);
  }
  build_lods (geometry);
  return geometry;
}

static void
geometry_free (Geometry *geometry)
{
  if (geometry == NULL)
    return;
  g_array_unref (geometry->points);
  g_array_unref (geometry->rings);
  g_array_unref (geometry->regions);
  g_array_unref (geometry->borders);
  g_hash_table_unref (geometry->region_index);
  g_hash_table_unref (geometry->border_index);
  g_free (geometry);
}

static const RegionGeom *
geometry_region (const Geometry *geometry,
                 const char     *code)
{
  guint index;

  if (code == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (geometry->region_index, code));
  return index > 0 ? &g_array_index (geometry->regions, RegionGeom, index - 1) : NULL;
}

/* -------------------------------------------------------------------- */
/* Views                                                                */

typedef struct {
  double width, height;
  double a;             /* picture units per metre */
  double ox, oy;        /* picture = (ox + x·a, oy − y·a) */
  double tolerance;     /* picture units under which vertices merge */
  guint lod;            /* level of detail to draw */
  double visible[4];    /* projected box of the picture */
  double cull[4];       /* projected box outside which nothing is drawn */
} View;

static void
scene_projection (const FrMapScene *scene,
                  FrLcc            *lcc)
{
  if (scene->projection != NULL)
    *lcc = *scene->projection;
  else
    fr_lcc_init_frontier (lcc);
}

static void
fit_view (const FrLcc  *lcc,
          const double  geo_bbox[4],
          double        width,
          double        height,
          double       *cx,
          double       *cy,
          double       *metres_per_unit)
{
  double xy[4];

  fr_lcc_project_bbox (lcc, geo_bbox, xy);
  *cx = (xy[0] + xy[2]) / 2;
  *cy = (xy[1] + xy[3]) / 2;
  *metres_per_unit = MAX ((xy[2] - xy[0]) / MAX (width, 1), (xy[3] - xy[1]) / MAX (height, 1));
}

static void
scene_view (const FrMapScene *scene,
            const FrLcc      *lcc,
            double            width,
            double            height,
            double            device_scale,
            View             *view)
{
  double cx = scene->center_x, cy = scene->center_y, m = scene->metres_per_unit;

  if (!(m > 0) || !isfinite (m) || !isfinite (cx) || !isfinite (cy))
    {
      static const double default_bbox[4] = {
        FR_MAP_DEFAULT_LON_MIN, FR_MAP_DEFAULT_LAT_MIN, FR_MAP_DEFAULT_LON_MAX, FR_MAP_DEFAULT_LAT_MAX,
      };
      fit_view (lcc, default_bbox, width, height, &cx, &cy, &m);
    }
  /* From street level to the whole hemisphere: beyond, cairo's fixed-point
   * coordinates would overflow. */
  m = CLAMP (m, MIN_METRES_PER_UNIT, MAX_METRES_PER_UNIT);
  view->width = width;
  view->height = height;
  view->a = 1.0 / m;
  view->ox = width / 2 - cx * view->a;
  view->oy = height / 2 + cy * view->a;
  view->tolerance = SIMPLIFY_DEVICE_PX / MAX (device_scale, 1e-3);
  view->lod = 0;
  for (guint k = N_LODS - 1; k > 0; k--)
    if (LOD_BASE_M * pow (4, k - 1) <= 0.5 * m / MAX (device_scale, 1e-3))
      {
        view->lod = k;
        break;
      }
  view->visible[0] = cx - width / 2 * m;
  view->visible[2] = cx + width / 2 * m;
  view->visible[1] = cy - height / 2 * m;
  view->visible[3] = cy + height / 2 * m;
  memcpy (view->cull, view->visible, sizeof view->cull);
}

static gboolean
bbox_visible (const View   *view,
              const double  bbox[4],
              double        margin)
{
  double m = margin / view->a;
  return !(bbox[2] < view->visible[0] - m || bbox[0] > view->visible[2] + m ||
           bbox[3] < view->visible[1] - m || bbox[1] > view->visible[3] + m);
}

/* Whether anything of @bbox gets drawn: inside the cull box, which is the
 * picture except while patching a rectangle of it. */
static gboolean
bbox_drawn (const View   *view,
            const double  bbox[4],
            double        margin)
{
  double m = margin / view->a;
  return !(bbox[2] < view->cull[0] - m || bbox[0] > view->cull[2] + m ||
           bbox[3] < view->cull[1] - m || bbox[1] > view->cull[3] + m);
}

static void
emit_ring (cairo_t        *cr,
           const Geometry *geometry,
           const Ring     *ring,
           const View     *view,
           gboolean        close)
{
  guint n = ring->lod_n[view->lod];
  const float *p = &g_array_index (geometry->points, float, ring->lod_start[view->lod] * 2);
  double a = view->a, ox = view->ox, oy = view->oy, tol = view->tolerance;
  double px, py, lx, ly;

  if (n == 0)
    return;
  /* Islands smaller than a pixel would only add work. */
  if (close && (ring->bbox[2] - ring->bbox[0]) * a < 2 * tol && (ring->bbox[3] - ring->bbox[1]) * a < 2 * tol)
    return;
  px = ox + p[0] * a;
  py = oy - p[1] * a;
  cairo_move_to (cr, px, py);
  for (guint i = 1; i < n; i++)
    {
      double x = ox + p[2 * i] * a;
      double y = oy - p[2 * i + 1] * a;

      if (fabs (x - px) < tol && fabs (y - py) < tol && i + 1 < n)
        continue;
      cairo_line_to (cr, x, y);
      px = x;
      py = y;
    }
  lx = ox + p[2 * (n - 1)] * a;
  ly = oy - p[2 * (n - 1) + 1] * a;
  if (lx != px || ly != py)
    cairo_line_to (cr, lx, ly);
  if (close)
    cairo_close_path (cr);
}

static void
emit_rings (cairo_t        *cr,
            const Geometry *geometry,
            guint           first,
            guint           n,
            const View     *view,
            gboolean        close)
{
  for (guint i = first; i < first + n; i++)
    {
      const Ring *ring = &g_array_index (geometry->rings, Ring, i);
      if (bbox_drawn (view, ring->bbox, 8))
        emit_ring (cr, geometry, ring, view, close);
    }
}

/* -------------------------------------------------------------------- */
/* The cache                                                            */

typedef struct {
  guint8 alignment;
  guint8 eu;
  guint8 projected;
} RegionLook;

typedef struct {
  cairo_surface_t *surface;  /* A8 coverage; NULL when not made or empty */
  int x, y;                  /* its place in the base, device pixels */
  gboolean made;
} Mask;

enum {
  MASK_FILL,
  MASK_EU_MEMBER,
  MASK_EU_CANDIDATE,
  N_REGION_MASKS
};

enum {
  MASK_BORDERS,
  MASK_INTERNAL_BORDERS,
  N_BORDER_MASKS
};

typedef enum {
  OVERLAY_SCALE_BAR,
  OVERLAY_LEGEND,
  OVERLAY_BADGE,
  N_OVERLAYS
} OverlayKind;

typedef struct {
  guint64 key;               /* what it shows; 0 before the first draw */
  cairo_surface_t *image;    /* device pixels; NULL when it shows nothing */
  double box[4];             /* its place on the picture; empty with no image */
} OverlayImage;

/* Frames a retained target may lag behind and still be patched. */
#define FRAME_HISTORY 4

/* The frontier of one kind as coverage masks, for the set of borders it
 * ran along; a couple of sets are kept, as the date moves to and fro
 * across the day the frontier changes. */
#define FRONTIER_MASK_SETS 2

typedef struct {
  GPtrArray *borders;        /* FrBorder*, in the frontier's order; NULL: unused */
  guint64 used;
  Mask halo;
  Mask line;
} FrontierMask;

struct _FrMapCache {
  Geometry *geometry;

  /* The base layer: everything that moves with the map (sea, regions,
   * borders, the frontier, zones, layers, labels), drawn for the picture
   * plus a margin so that a pan can reuse it. Legend, badge, scale bar and
   * the hover/selection marks are drawn over it every frame. */
  cairo_surface_t *base;
  View base_view;
  double base_scale;
  guint64 base_key;         /* theme, layers, flags */
  GArray *base_looks;       /* RegionLook per region */
  GPtrArray *base_segments; /* FrBorder* of the frontier drawn, sorted by pointer */
  GPtrArray *base_zones;    /* FrZone* drawn */
  GPtrArray *base_labels;   /* PlacedLabel*, nullable */
  /* Coverage masks of the base, made on first use by a patch, so that a
   * repeated change of date composites instead of rasterising. */
  Mask *masks;              /* N_REGION_MASKS per region, then the borders */
  guint n_masks;
  FrontierMask frontier_masks[2][FRONTIER_MASK_SETS];  /* aligned, Russia */
  guint64 frontier_clock;
  /* Shaped text of the legend, badge and scale bar, by style and text. */
  GHashTable *layouts;

  /* Legend, scale bar and badge as images, drawn again only when what
   * they show changes; the highlight marks are drawn directly. */
  OverlayImage overlays[N_OVERLAYS];
  guint64 highlight_key;
  double highlight_box[4];

  /* What changed from frame to frame, so that a target still holding an
   * earlier frame of this cache is patched rather than painted whole. */
  guint64 id;
  guint64 frame_serial;
  cairo_region_t *frame_damage[FRAME_HISTORY];  /* device pixels; nullable */
  cairo_matrix_t frame_matrix;
  double frame_width;
  double frame_height;
};

static gint next_cache_id;

static void scene_projection (const FrMapScene *scene,
                              FrLcc            *lcc);
static Geometry *scene_geometry (const FrMapScene *scene,
                                 const FrLcc      *lcc,
                                 gboolean         *owned);

FrMapCache *
fr_map_cache_new (void)
{
  FrMapCache *cache = g_new0 (FrMapCache, 1);

  cache->base_looks = g_array_new (FALSE, TRUE, sizeof (RegionLook));
  cache->base_segments = g_ptr_array_new ();
  cache->base_zones = g_ptr_array_new ();
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cache->id = g_atomic_int_add (&next_cache_id, 1) + 1;
  return cache;
}

static void
cache_drop_overlays (FrMapCache *cache)
{
  for (guint i = 0; i < FRAME_HISTORY; i++)
    g_clear_pointer (&cache->frame_damage[i], cairo_region_destroy);
  for (guint i = 0; i < N_OVERLAYS; i++)
    {
      g_clear_pointer (&cache->overlays[i].image, cairo_surface_destroy);
      cache->overlays[i].key = 0;
    }
  cache->highlight_key = 0;
  /* No earlier frame can be patched any more. */
  cache->frame_serial += FRAME_HISTORY + 1;
}

static void
cache_drop_masks (FrMapCache *cache)
{
  for (guint i = 0; i < cache->n_masks; i++)
    g_clear_pointer (&cache->masks[i].surface, cairo_surface_destroy);
  g_clear_pointer (&cache->masks, g_free);
  cache->n_masks = 0;
  for (guint kind = 0; kind < 2; kind++)
    for (guint i = 0; i < FRONTIER_MASK_SETS; i++)
      {
        FrontierMask *fm = &cache->frontier_masks[kind][i];

        g_clear_pointer (&fm->borders, g_ptr_array_unref);
        g_clear_pointer (&fm->halo.surface, cairo_surface_destroy);
        g_clear_pointer (&fm->line.surface, cairo_surface_destroy);
        memset (fm, 0, sizeof *fm);
      }
}

static void
cache_drop_base (FrMapCache *cache)
{
  cache_drop_masks (cache);
  g_clear_pointer (&cache->base, cairo_surface_destroy);
  g_array_set_size (cache->base_looks, 0);
  g_ptr_array_set_size (cache->base_segments, 0);
  g_ptr_array_set_size (cache->base_zones, 0);
  g_clear_pointer (&cache->base_labels, g_ptr_array_unref);
  cache_drop_overlays (cache);
}

void
fr_map_cache_prepare (FrMapCache      *cache,
                      const FrBasemap *basemap,
                      const FrLcc     *projection)
{
  FrMapScene scene;
  FrLcc lcc;
  gboolean owned;

  g_return_if_fail (cache != NULL);
  g_return_if_fail (basemap != NULL);

  fr_map_scene_init (&scene, basemap, NULL);
  scene.projection = projection;
  scene.cache = cache;
  scene_projection (&scene, &lcc);
  scene_geometry (&scene, &lcc, &owned);
}

void
fr_map_cache_invalidate (FrMapCache *cache)
{
  g_return_if_fail (cache != NULL);
  cache_drop_base (cache);
  g_clear_pointer (&cache->geometry, geometry_free);
}

void
fr_map_cache_free (FrMapCache *cache)
{
  if (cache == NULL)
    return;
  fr_map_cache_invalidate (cache);
  g_array_unref (cache->base_looks);
  g_ptr_array_unref (cache->base_segments);
  g_ptr_array_unref (cache->base_zones);
  g_hash_table_unref (cache->layouts);
  g_free (cache);
}

static gboolean
same_lcc (const FrLcc *a,
          const FrLcc *b)
{
  return a->lat1 == b->lat1 && a->lat2 == b->lat2 && a->lat0 == b->lat0 && a->lon0 == b->lon0;
}

/* The geometry for the scene: the cache's when it fits, else a new one
 * that the caller frees (*owned). */
static Geometry *
scene_geometry (const FrMapScene *scene,
                const FrLcc      *lcc,
                gboolean         *owned)
{
  FrMapCache *cache = scene->cache;

  *owned = FALSE;
  if (cache == NULL)
    {
      *owned = TRUE;
      return geometry_new (scene->basemap, lcc);
    }
  if (cache->geometry != NULL &&
      (cache->geometry->basemap != scene->basemap || !same_lcc (&cache->geometry->lcc, lcc)))
    fr_map_cache_invalidate (cache);
  if (cache->geometry == NULL)
    cache->geometry = geometry_new (scene->basemap, lcc);
  return cache->geometry;
}

static gboolean
same_view (const View *a,
           const View *b)
{
  return a->width == b->width && a->height == b->height && a->a == b->a &&
         a->ox == b->ox && a->oy == b->oy && a->tolerance == b->tolerance && a->lod == b->lod;
}

/* -------------------------------------------------------------------- */
/* Drawing helpers                                                      */

typedef struct {
  cairo_t *cr;
  const FrMapScene *scene;
  const FrTheme *theme;
  const Geometry *geometry;
  const View *view;
  const FrFrontier *frontier;
  GPtrArray *labels;          /* PlacedLabel*, computed on first use */
  FrMapCache *masks;          /* set while patching a cached base */
  FrMapCache *text_cache;     /* keeps shaped overlay text; nullable */
  GPtrArray *frame_layouts;   /* PangoLayout* made for this frame only */
  const View *full_view;      /* the base's view, uncut, for masks */
  double scale;               /* device pixels per picture unit */
  gint32 day;
  double font_scale;
} Ctx;

/* Appends a region's fill path (all rings, even-odd) to the current path;
 * FALSE when the region is off the picture. */
static gboolean
region_path (Ctx   *ctx,
             guint  index)
{
  const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, index);

  if (!bbox_drawn (ctx->view, rg->bbox, 4))
    return FALSE;
  emit_rings (ctx->cr, ctx->geometry, rg->first_ring, rg->n_rings, ctx->view, TRUE);
  return TRUE;
}

static gboolean
border_path (Ctx  *ctx,
             guint index)
{
  const BorderGeom *bg = &g_array_index (ctx->geometry->borders, BorderGeom, index);

  if (!bbox_drawn (ctx->view, bg->bbox, 8))
    return FALSE;
  emit_rings (ctx->cr, ctx->geometry, bg->first_ring, bg->n_rings, ctx->view, FALSE);
  return TRUE;
}

static FrAlignment
region_alignment (const Ctx      *ctx,
                  const FrRegion *region)
{
  if (ctx->scene->state == NULL)
    return FR_ALIGNMENT_NONE;
  return fr_timeline_state_get_alignment (ctx->scene->state, region->code);
}

static FrEuStatus
region_eu (const Ctx      *ctx,
           const FrRegion *region)
{
  if (ctx->scene->state == NULL)
    return FR_EU_NONE;
  return fr_timeline_state_get_eu (ctx->scene->state, region->code);
}

static gboolean
region_projected (const Ctx      *ctx,
                  const FrRegion *region)
{
  return ctx->scene->state != NULL && fr_timeline_state_is_projected (ctx->scene->state, region->code);
}

static FrColor
fill_color (const Ctx   *ctx,
            FrAlignment  alignment)
{
  if (alignment == FR_ALIGNMENT_NONE)
    return ctx->theme->land;
  return fr_theme_alignment_color (ctx->theme, alignment);
}

static FrColor
eu_color (const FrTheme *theme)
{
  FrColor color;

  /* The gold of the EU's stars; darker on light themes to read on blue. */
  if (theme->kind == FR_THEME_DARK || theme->kind == FR_THEME_PRESENTATION_DARK)
    fr_color_parse ("#ffd23f", &color);
  else
    fr_color_parse ("#c79a00", &color);
  return color;
}

static FrColor
mix (FrColor a,
     FrColor b,
     double  t)
{
  FrColor c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.0 };
  return c;
}

/* Diagonal lines over the current clip, in picture units. */
static void
hatch (cairo_t *cr,
       double   x0,
       double   y0,
       double   x1,
       double   y1,
       double   spacing)
{
  double h = y1 - y0;
  double start = floor ((x0 - h) / spacing) * spacing;

  for (double x = start; x < x1; x += spacing)
    {
      cairo_move_to (cr, x, y1);
      cairo_line_to (cr, x + h, y0);
    }
}

static void
region_device_box (const Ctx      *ctx,
                   const RegionGeom *rg,
                   double          box[4])
{
  const View *v = ctx->view;

  box[0] = MAX (v->ox + rg->bbox[0] * v->a, 0);
  box[2] = MIN (v->ox + rg->bbox[2] * v->a, v->width);
  box[1] = MAX (v->oy - rg->bbox[3] * v->a, 0);
  box[3] = MIN (v->oy - rg->bbox[1] * v->a, v->height);
}

typedef void (*MaskPaint) (Ctx   *ctx,
                           guint  index);

/* The mask @slot, made on first use by @paint drawing opaque coverage of
 * the picture-unit box @box (in the base's view). */
static const Mask *
make_mask (Ctx          *ctx,
           Mask         *mask,
           const double  box[4],
           MaskPaint     paint,
           guint         index)
{
  FrMapCache *cache = ctx->masks;
  int bw = cairo_image_surface_get_width (cache->base), bh = cairo_image_surface_get_height (cache->base);
  int x0, y0, x1, y1;
  cairo_t *mcr;
  Ctx sub;

  if (mask->made)
    return mask;
  mask->made = TRUE;
  x0 = CLAMP ((int) floor (box[0] * ctx->scale), 0, bw);
  y0 = CLAMP ((int) floor (box[1] * ctx->scale), 0, bh);
  x1 = CLAMP ((int) ceil (box[2] * ctx->scale), 0, bw);
  y1 = CLAMP ((int) ceil (box[3] * ctx->scale), 0, bh);
  if (x1 <= x0 || y1 <= y0)
    return mask;
  mask->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, x1 - x0, y1 - y0);
  mask->x = x0;
  mask->y = y0;
  mcr = cairo_create (mask->surface);
  cairo_translate (mcr, -x0, -y0);
  cairo_scale (mcr, ctx->scale, ctx->scale);
  cairo_set_fill_rule (mcr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (mcr, 0, 0, 0, 1);
  sub = *ctx;
  sub.cr = mcr;
  sub.view = ctx->full_view;
  paint (&sub, index);
  cairo_destroy (mcr);
  return mask;
}

static const Mask *
ensure_mask (Ctx          *ctx,
             guint         slot,
             const double  box[4],
             MaskPaint     paint,
             guint         index)
{
  return make_mask (ctx, &ctx->masks->masks[slot], box, paint, index);
}

static void
paint_mask (Ctx        *ctx,
            const Mask *mask,
            FrColor     color)
{
  cairo_t *cr = ctx->cr;

  if (mask->surface == NULL)
    return;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  fr_color_set_source (cr, color);
  cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
  cairo_restore (cr);
}

static gboolean region_path (Ctx   *ctx,
                             guint  index);

static void
mask_fill (Ctx   *ctx,
           guint  index)
{
  cairo_new_path (ctx->cr);
  if (region_path (ctx, index))
    cairo_fill (ctx->cr);
}

#define EU_OUTLINE_WIDTH 1.6

static void
mask_eu_member (Ctx   *ctx,
                guint  index)
{
  cairo_new_path (ctx->cr);
  if (region_path (ctx, index))
    {
      cairo_set_line_width (ctx->cr, EU_OUTLINE_WIDTH);
      cairo_stroke (ctx->cr);
    }
}

static void
mask_eu_candidate (Ctx   *ctx,
                   guint  index)
{
  cairo_new_path (ctx->cr);
  if (region_path (ctx, index))
    {
      cairo_set_line_width (ctx->cr, EU_OUTLINE_WIDTH);
      cairo_set_dash (ctx->cr, (double[]) { 2.0, 3.0 }, 2, 0);
      cairo_stroke (ctx->cr);
    }
}

/* A region's mask of @kind, in the base's view. */
static const Mask *
region_mask (Ctx   *ctx,
             guint  index,
             guint  kind)
{
  static const MaskPaint paints[N_REGION_MASKS] = { mask_fill, mask_eu_member, mask_eu_candidate };
  const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, index);
  const View *v = ctx->full_view;
  double box[4] = {
    v->ox + rg->bbox[0] * v->a - 3, v->oy - rg->bbox[3] * v->a - 3,
    v->ox + rg->bbox[2] * v->a + 3, v->oy - rg->bbox[1] * v->a + 3,
  };

  return ensure_mask (ctx, index * N_REGION_MASKS + kind, box, paints[kind], index);
}

static void
draw_region (Ctx   *ctx,
             guint  index)
{
  cairo_t *cr = ctx->cr;
  const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, index);
  const FrRegion *region = rg->region;
  FrAlignment alignment = region_alignment (ctx, region);
  FrColor color = fill_color (ctx, alignment);

  if (ctx->masks != NULL && alignment != FR_ALIGNMENT_OCCUPIED)
    {
      if (bbox_drawn (ctx->view, rg->bbox, 4))
        paint_mask (ctx, region_mask (ctx, index, MASK_FILL), color);
      return;
    }
  cairo_new_path (cr);
  if (!region_path (ctx, index))
    return;
  fr_color_set_source (cr, color);
  if (alignment == FR_ALIGNMENT_OCCUPIED)
    {
      double box[4];

      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_clip (cr);
      region_device_box (ctx, rg, box);
      hatch (cr, box[0], box[1], box[2], box[3], 6.0);
      fr_color_set_source (cr, mix (color, ctx->theme->foreground, 0.45));
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_new_path (cr);
    }
  else
    cairo_fill (cr);
}

/* The region's outline, centred on its edge: a clip to draw it inside
 * only would cost a mask per region per frame. */
static void
outline (Ctx          *ctx,
         guint         index,
         FrColor       color,
         double        width,
         const double *dashes,
         int           n_dashes)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  if (region_path (ctx, index))
    {
      cairo_set_line_width (cr, width);
      cairo_set_dash (cr, dashes, n_dashes, 0);
      fr_color_set_source (cr, color);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
draw_region_marks (Ctx   *ctx,
                   guint  index)
{
  cairo_t *cr = ctx->cr;
  const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, index);
  const FrRegion *region = rg->region;
  FrEuStatus eu = region_eu (ctx, region);

  if (!bbox_drawn (ctx->view, rg->bbox, 4))
    return;
  if (ctx->masks != NULL && (eu == FR_EU_MEMBER || eu == FR_EU_CANDIDATE))
    paint_mask (ctx, region_mask (ctx, index, eu == FR_EU_MEMBER ? MASK_EU_MEMBER : MASK_EU_CANDIDATE),
                eu_color (ctx->theme));
  else if (eu == FR_EU_MEMBER)
    outline (ctx, index, eu_color (ctx->theme), EU_OUTLINE_WIDTH, NULL, 0);
  else if (eu == FR_EU_CANDIDATE)
    outline (ctx, index, eu_color (ctx->theme), EU_OUTLINE_WIDTH, (double[]) { 2.0, 3.0 }, 2);

  if (region_projected (ctx, region))
    {
      cairo_save (cr);
      cairo_new_path (cr);
      region_path (ctx, index);
      cairo_set_dash (cr, (double[]) { 6.0, 4.0 }, 2, 0);
      cairo_set_line_width (cr, 1.8);
      fr_color_set_source (cr, ctx->theme->foreground);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_highlight (Ctx        *ctx,
                const char *code,
                gboolean    selected)
{
  cairo_t *cr = ctx->cr;
  const RegionGeom *rg = geometry_region (ctx->geometry, code);

  if (rg == NULL)
    return;
  cairo_save (cr);
  cairo_new_path (cr);
  if (region_path (ctx, (guint) (rg - &g_array_index (ctx->geometry->regions, RegionGeom, 0))))
    {
      if (selected)
        {
          cairo_set_line_width (cr, 2.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          fr_color_set_source (cr, ctx->theme->accent);
          cairo_stroke (cr);
        }
      else
        {
          fr_color_set_source (cr, fr_color_with_alpha (ctx->theme->foreground, 0.10));
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
stroke_borders (Ctx      *ctx,
                gboolean  internal)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  for (guint i = 0; i < ctx->geometry->borders->len; i++)
    {
      const BorderGeom *bg = &g_array_index (ctx->geometry->borders, BorderGeom, i);
      if (bg->border->internal == internal)
        border_path (ctx, i);
    }
  if (internal)
    cairo_set_dash (cr, (double[]) { 3.0, 2.0 }, 2, 0);
  cairo_set_line_width (cr, internal ? 0.7 : 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
mask_borders (Ctx   *ctx,
              guint  index)
{
  stroke_borders (ctx, index == MASK_INTERNAL_BORDERS);
}

static void
draw_borders (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  FrColor color = mix (ctx->theme->land, ctx->theme->foreground, 0.55);

  if (ctx->masks != NULL)
    {
      guint first = ctx->geometry->regions->len * N_REGION_MASKS;
      double box[4] = { 0, 0, ctx->full_view->width, ctx->full_view->height };

      for (guint kind = 0; kind < N_BORDER_MASKS; kind++)
        paint_mask (ctx, ensure_mask (ctx, first + kind, box, mask_borders, kind), color);
      return;
    }
  cairo_save (cr);
  fr_color_set_source (cr, color);
  stroke_borders (ctx, FALSE);
  stroke_borders (ctx, TRUE);
  cairo_restore (cr);
}

/* The path of the frontier's lines of @kind, in the frontier's order. */
static void
frontier_path (Ctx            *ctx,
               FrFrontierKind  kind)
{
  const FrFrontier *frontier = ctx->frontier;

  cairo_new_path (ctx->cr);
  for (guint i = 0; i < frontier->segments->len; i++)
    {
      const FrFrontierSegment *segment = g_ptr_array_index (frontier->segments, i);
      guint index;

      if (segment->kind != kind || segment->border == NULL)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->geometry->border_index, segment->border));
      if (index > 0)
        border_path (ctx, index - 1);
    }
}

/* A halo in the background colour keeps the line readable over any fill,
 * then the line itself. */
static void
frontier_stroke_style (cairo_t        *cr,
                       FrFrontierKind  kind,
                       gboolean        line)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (!line)
    cairo_set_line_width (cr, kind == FR_FRONTIER_RUSSIA ? 7.0 : 5.5);
  else
    {
      cairo_set_line_width (cr, kind == FR_FRONTIER_RUSSIA ? 4.0 : 3.0);
      if (kind == FR_FRONTIER_ALIGNED)
        cairo_set_dash (cr, (double[]) { 7.0, 4.0 }, 2, 0);
    }
}

static FrColor
frontier_color (const Ctx      *ctx,
                FrFrontierKind  kind,
                gboolean        line)
{
  if (!line)
    return fr_color_with_alpha (ctx->theme->background, 0.7);
  return kind == FR_FRONTIER_RUSSIA ? ctx->theme->frontier : fr_color_with_alpha (ctx->theme->frontier, 0.75);
}

/* Mask painter: @index is kind × 2 + (1 for the line, 0 for the halo). */
static void
mask_frontier (Ctx   *ctx,
               guint  index)
{
  FrFrontierKind kind = index / 2 ? FR_FRONTIER_RUSSIA : FR_FRONTIER_ALIGNED;

  frontier_path (ctx, kind);
  frontier_stroke_style (ctx->cr, kind, index % 2);
  cairo_stroke (ctx->cr);
}

/* The masks for the frontier's lines of @kind as they are now, made on
 * first use; NULL when there are none. */
static FrontierMask *
frontier_mask (Ctx            *ctx,
               FrFrontierKind  kind)
{
  FrMapCache *cache = ctx->masks;
  guint slot = kind == FR_FRONTIER_RUSSIA;
  g_autoptr(GPtrArray) borders = g_ptr_array_new ();
  FrontierMask *fm = NULL;
  double box[4];

  bbox_empty (box);
  for (guint i = 0; i < ctx->frontier->segments->len; i++)
    {
      const FrFrontierSegment *segment = g_ptr_array_index (ctx->frontier->segments, i);
      guint index;
      const BorderGeom *bg;
      const View *v = ctx->full_view;

      if (segment->kind != kind || segment->border == NULL)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->geometry->border_index, segment->border));
      if (index == 0)
        continue;
      g_ptr_array_add (borders, (gpointer) segment->border);
      bg = &g_array_index (ctx->geometry->borders, BorderGeom, index - 1);
      add_box (box, (double[]) { v->ox + bg->bbox[0] * v->a - 6, v->oy - bg->bbox[3] * v->a - 6,
                                 v->ox + bg->bbox[2] * v->a + 6, v->oy - bg->bbox[1] * v->a + 6 });
    }
  if (borders->len == 0)
    return NULL;

  for (guint i = 0; i < FRONTIER_MASK_SETS && fm == NULL; i++)
    {
      FrontierMask *candidate = &cache->frontier_masks[slot][i];

      if (candidate->borders != NULL && candidate->borders->len == borders->len &&
          memcmp (candidate->borders->pdata, borders->pdata, borders->len * sizeof (gpointer)) == 0)
        fm = candidate;
    }
  if (fm == NULL)
    {
      fm = &cache->frontier_masks[slot][0];
      for (guint i = 1; i < FRONTIER_MASK_SETS; i++)
        if (cache->frontier_masks[slot][i].used < fm->used)
          fm = &cache->frontier_masks[slot][i];
      g_clear_pointer (&fm->borders, g_ptr_array_unref);
      g_clear_pointer (&fm->halo.surface, cairo_surface_destroy);
      g_clear_pointer (&fm->line.surface, cairo_surface_destroy);
      memset (fm, 0, sizeof *fm);
      fm->borders = g_steal_pointer (&borders);
    }
  fm->used = ++cache->frontier_clock;
  make_mask (ctx, &fm->halo, box, mask_frontier, slot * 2);
  make_mask (ctx, &fm->line, box, mask_frontier, slot * 2 + 1);
  return fm;
}

static void
draw_frontier (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  const FrFrontier *frontier = ctx->frontier;

  if (frontier == NULL)
    return;
  for (int pass = 0; pass < 2; pass++)
    {
      FrFrontierKind kind = pass == 0 ? FR_FRONTIER_ALIGNED : FR_FRONTIER_RUSSIA;

      if (ctx->masks != NULL)
        {
          /* A patch composites the lines instead of stroking them again. */
          FrontierMask *fm = frontier_mask (ctx, kind);

          if (fm != NULL)
            {
              paint_mask (ctx, &fm->halo, frontier_color (ctx, kind, FALSE));
              paint_mask (ctx, &fm->line, frontier_color (ctx, kind, TRUE));
            }
          continue;
        }
      cairo_save (cr);
      frontier_path (ctx, kind);
      fr_color_set_source (cr, frontier_color (ctx, kind, FALSE));
      frontier_stroke_style (cr, kind, FALSE);
      cairo_stroke_preserve (cr);
      fr_color_set_source (cr, frontier_color (ctx, kind, TRUE));
      frontier_stroke_style (cr, kind, TRUE);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
project_point (const Ctx *ctx,
               double     lon,
               double     lat,
               double    *x,
               double    *y)
{
  double px, py;

  fr_lcc_forward (&ctx->geometry->lcc, lon, lat, &px, &py);
  *x = ctx->view->ox + px * ctx->view->a;
  *y = ctx->view->oy - py * ctx->view->a;
}

static void
lonlat_path (const Ctx    *ctx,
             const GArray *points,
             gboolean      close)
{
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const FrLonLat *p = &g_array_index (points, FrLonLat, i);
      double x, y;

      project_point (ctx, p->lon, p->lat, &x, &y);
      if (i == 0)
        cairo_move_to (ctx->cr, x, y);
      else
        cairo_line_to (ctx->cr, x, y);
    }
  if (close && points != NULL && points->len > 2)
    cairo_close_path (ctx->cr);
}

static void
draw_zones (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  GPtrArray *zones;

  if (ctx->scene->state == NULL)
    return;
  zones = fr_timeline_state_get_zones (ctx->scene->state);
  for (guint i = 0; zones != NULL && i < zones->len; i++)
    {
      const FrZone *zone = g_ptr_array_index (zones, i);
      FrColor color;

      if (g_strcmp0 (zone->kind, "peacekeeping") == 0)
        color = fr_theme_option_color (2);
      else if (g_strcmp0 (zone->kind, "dmz") == 0)
        color = fr_theme_option_color (6);
      else
        color = ctx->theme->accent;

      cairo_save (cr);
      cairo_new_path (cr);
      lonlat_path (ctx, zone->points, zone->closed);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (zone->closed)
        {
          double x1, y1, x2, y2;

          fr_color_set_source (cr, fr_color_with_alpha (color, 0.25));
          cairo_fill_preserve (cr);
          cairo_save (cr);
          cairo_path_extents (cr, &x1, &y1, &x2, &y2);
          cairo_clip_preserve (cr);
          cairo_new_path (cr);
          hatch (cr, x1, y1, x2, y2, 5.0);
          fr_color_set_source (cr, fr_color_with_alpha (color, 0.6));
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      fr_color_set_source (cr, mix (color, ctx->theme->foreground, 0.3));
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, (double[]) { 5.0, 3.0 }, 2, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static FrColor
kml_color (const FrKmlColor *color,
           FrColor           fallback)
{
  FrColor c;

  if (color == NULL || !color->set)
    return fallback;
  c.r = color->red;
  c.g = color->green;
  c.b = color->blue;
  c.a = color->alpha;
  return c;
}

static void
draw_layers (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  GPtrArray *layers = ctx->scene->layers;

  for (guint l = 0; layers != NULL && l < layers->len; l++)
    {
      const FrKmlDocument *document = g_ptr_array_index (layers, l);

      for (guint f = 0; document != NULL && document->features != NULL && f < document->features->len; f++)
        {
          const FrKmlFeature *feature = g_ptr_array_index (document->features, f);
          const FrKmlStyle *style = &feature->style;
          FrColor line = kml_color (&style->line_color, ctx->theme->accent);
          double width = style->line_width > 0 ? style->line_width : 2.0;

          if (ctx->day > 0 && !fr_kml_feature_active_at (feature, ctx->day))
            continue;

          cairo_save (cr);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          for (guint p = 0; feature->polygons != NULL && p < feature->polygons->len; p++)
            {
              const FrPolygon *polygon = g_ptr_array_index (feature->polygons, p);

              cairo_new_path (cr);
              for (guint r = 0; polygon->rings != NULL && r < polygon->rings->len; r++)
                lonlat_path (ctx, g_ptr_array_index (polygon->rings, r), TRUE);
              cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
              if (style->fill)
                {
                  fr_color_set_source (cr, kml_color (&style->fill_color,
                                                      fr_color_with_alpha (ctx->theme->accent, 0.3)));
                  cairo_fill_preserve (cr);
                }
              if (style->outline)
                {
                  fr_color_set_source (cr, line);
                  cairo_set_line_width (cr, width);
                  cairo_stroke_preserve (cr);
                }
              cairo_new_path (cr);
            }
          for (guint i = 0; feature->lines != NULL && i < feature->lines->len; i++)
            {
              cairo_new_path (cr);
              lonlat_path (ctx, g_ptr_array_index (feature->lines, i), FALSE);
              fr_color_set_source (cr, line);
              cairo_set_line_width (cr, width);
              cairo_stroke (cr);
            }
          for (guint i = 0; feature->points != NULL && i < feature->points->len; i++)
            {
              const FrLonLat *p = &g_array_index (feature->points, FrLonLat, i);
              double x, y;

              project_point (ctx, p->lon, p->lat, &x, &y);
              cairo_new_path (cr);
              cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
              fr_color_set_source (cr, kml_color (&style->icon_color, ctx->theme->accent));
              cairo_fill_preserve (cr);
              fr_color_set_source (cr, ctx->theme->background);
              cairo_set_line_width (cr, 1.2);
              cairo_stroke (cr);
            }
          cairo_restore (cr);
        }
    }
}

/* -------------------------------------------------------------------- */
/* Text                                                                 */

static PangoLayout *
make_layout (cairo_t       *cr,
             const FrTheme *theme,
             double         size,
             PangoWeight    weight,
             PangoStyle     style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, theme->font_family);
  pango_font_description_set_absolute_size (desc, size * theme->font_scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  return layout;
}

/* A layout of @text in a style, shaped once per cache: overlays are drawn
 * every frame and their text rarely changes. Borrowed. */
static PangoLayout *
text_layout (Ctx         *ctx,
             double       size,
             PangoWeight  weight,
             const char  *text)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (ctx->text_cache != NULL)
    {
      key = g_strdup_printf ("%d|%g|%g|%d|%s", ctx->theme->kind, ctx->theme->font_scale, size, weight, text);
      layout = g_hash_table_lookup (ctx->text_cache->layouts, key);
      if (layout != NULL)
        return layout;
      /* Dates change as the scrubber moves: keep the table small. */
      if (g_hash_table_size (ctx->text_cache->layouts) > 256)
        g_hash_table_remove_all (ctx->text_cache->layouts);
    }
  layout = make_layout (ctx->cr, ctx->theme, size, weight, PANGO_STYLE_NORMAL);
  pango_layout_set_text (layout, text, -1);
  if (ctx->text_cache != NULL)
    g_hash_table_insert (ctx->text_cache->layouts, g_steal_pointer (&key), layout);
  else
    g_ptr_array_add (ctx->frame_layouts, layout);
  return layout;
}

static const struct {
  const char *name;
  const char *translated;
} sea_names[] = {
  { "Barents Sea", N_("Barents Sea") },
  { "Norwegian Sea", N_("Norwegian Sea") },
  { "North Sea", N_("North Sea") },
  { "Baltic Sea", N_("Baltic Sea") },
  { "Black Sea", N_("Black Sea") },
  { "Sea of Azov", N_("Sea of Azov") },
  { "Mediterranean Sea", N_("Mediterranean Sea") },
  { "Caspian Sea", N_("Caspian Sea") },
  { "White Sea", N_("White Sea") },
  { "Gulf of Finland", N_("Gulf of Finland") },
  { "Gulf of Bothnia", N_("Gulf of Bothnia") },
  { "Aegean Sea", N_("Aegean Sea") },
  { "Adriatic Sea", N_("Adriatic Sea") },
};

const char *
fr_map_sea_name (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (sea_names); i++)
    if (g_str_equal (sea_names[i].name, name))
      return _(sea_names[i].translated);
  return name;
}

typedef struct {
  double x0, y0, x1, y1;
} Box;

typedef struct {
  PangoLayout *layout;
  double x, y;          /* top-left, picture units */
  FrColor color;
  Box box;
} PlacedLabel;

static void
placed_label_free (gpointer data)
{
  PlacedLabel *label = data;

  g_object_unref (label->layout);
  g_free (label);
}

/* Places a centred label unless it overlaps one already placed or leaves
 * the picture. */
static void
place_label (Ctx         *ctx,
             GPtrArray   *labels,
             PangoLayout *style,
             const char  *text,
             double       x,
             double       y,
             FrColor      color)
{
  PangoLayout *layout = pango_layout_copy (style);
  PlacedLabel *label;
  int w, h;
  Box box;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  box.x0 = x - w / 2.0 - 2;
  box.x1 = x + w / 2.0 + 2;
  box.y0 = y - h / 2.0;
  box.y1 = y + h / 2.0;
  if (box.x0 < 0 || box.y0 < 0 || box.x1 > ctx->view->width || box.y1 > ctx->view->height)
    {
      g_object_unref (layout);
      return;
    }
  for (guint i = 0; i < labels->len; i++)
    {
      const Box *other = &((PlacedLabel *) g_ptr_array_index (labels, i))->box;
      if (box.x0 < other->x1 && box.x1 > other->x0 && box.y0 < other->y1 && box.y1 > other->y0)
        {
          g_object_unref (layout);
          return;
        }
    }
  label = g_new0 (PlacedLabel, 1);
  label->layout = layout;
  label->x = x - w / 2.0;
  label->y = y - h / 2.0;
  label->color = color;
  label->box = box;
  g_ptr_array_add (labels, label);
}

static int
compare_area_desc (gconstpointer a,
                   gconstpointer b)
{
  const RegionGeom *ra = *(const RegionGeom *const *) a;
  const RegionGeom *rb = *(const RegionGeom *const *) b;
  return (ra->area < rb->area) - (ra->area > rb->area);
}

static void
place_region_labels (Ctx         *ctx,
                     GPtrArray   *labels,
                     GPtrArray   *order,
                     gboolean     frontier,
                     PangoLayout *style)
{
  for (guint i = 0; i < order->len; i++)
    {
      const RegionGeom *rg = g_ptr_array_index (order, i);
      double x = ctx->view->ox + rg->label_x * ctx->view->a;
      double y = ctx->view->oy - rg->label_y * ctx->view->a;
      double width_px = (rg->bbox[2] - rg->bbox[0]) * ctx->view->a;

      /* Only where the country is wide enough on screen to carry a name. */
      if (rg->region->frontier != frontier || width_px < 28)
        continue;
      place_label (ctx, labels, style, fr_region_display_name (rg->region->code, rg->region->name),
                   x, y, ctx->theme->foreground);
    }
}

/* Where every label goes, in order of importance: the frontier states,
 * then the seas, then the other countries. Text is shaped here once; the
 * cache keeps the result for as long as the view. */
static GPtrArray *
compute_labels (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  g_autoptr(PangoLayout) country = make_layout (cr, ctx->theme, 12.0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL);
  g_autoptr(PangoLayout) minor = make_layout (cr, ctx->theme, 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  g_autoptr(PangoLayout) sea = make_layout (cr, ctx->theme, 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new_with_free_func (placed_label_free);
  FrColor sea_color = mix (ctx->theme->sea, ctx->theme->foreground, 0.55);
  const FrBasemap *basemap = ctx->scene->basemap;

  for (guint i = 0; i < ctx->geometry->regions->len; i++)
    {
      RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, i);
      if (rg->has_label && bbox_visible (ctx->view, rg->bbox, 0))
        g_ptr_array_add (order, rg);
    }
  g_ptr_array_sort (order, compare_area_desc);

  place_region_labels (ctx, labels, order, TRUE, country);
  for (guint i = 0; basemap->labels != NULL && i < basemap->labels->len; i++)
    {
      const FrBasemapLabel *label = g_ptr_array_index (basemap->labels, i);
      double x, y;

      project_point (ctx, label->position.lon, label->position.lat, &x, &y);
      place_label (ctx, labels, sea, fr_map_sea_name (label->name), x, y, sea_color);
    }
  place_region_labels (ctx, labels, order, FALSE, minor);
  return labels;
}

static void
draw_labels (Ctx       *ctx,
             GPtrArray *labels)
{
  cairo_t *cr = ctx->cr;
  const View *v = ctx->view;
  gboolean image = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  double cx0 = v->ox + v->cull[0] * v->a, cx1 = v->ox + v->cull[2] * v->a;
  double cy0 = v->oy - v->cull[3] * v->a, cy1 = v->oy - v->cull[1] * v->a;

  cairo_save (cr);
  for (guint i = 0; i < labels->len; i++)
    {
      const PlacedLabel *label = g_ptr_array_index (labels, i);

      if (label->box.x1 < cx0 || label->box.x0 > cx1 || label->box.y1 < cy0 || label->box.y0 > cy1)
        continue;
      if (image)
        {
          /* A soft shadow in the background colour keeps the text readable
           * over any fill; only for pixels, vector exports keep one text. */
          cairo_move_to (cr, label->x + 1, label->y + 1);
          fr_color_set_source (cr, fr_color_with_alpha (ctx->theme->background, 0.6));
          pango_cairo_show_layout (cr, label->layout);
        }
      cairo_move_to (cr, label->x, label->y);
      fr_color_set_source (cr, label->color);
      fr_export_show_layout (cr, label->layout);
    }
  cairo_restore (cr);
}

/* -------------------------------------------------------------------- */
/* Legend, scale bar, badge                                             */

static void
panel (Ctx    *ctx,
       double  x,
       double  y,
       double  w,
       double  h)
{
  cairo_t *cr = ctx->cr;

  cairo_new_path (cr);
  fr_rounded_rectangle (cr, x, y, w, h, 6);
  fr_color_set_source (cr, fr_color_with_alpha (ctx->theme->background, 0.88));
  cairo_fill_preserve (cr);
  fr_color_set_source (cr, ctx->theme->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

typedef enum {
  SWATCH_FILL,
  SWATCH_HATCH,
  SWATCH_DASHED,
  SWATCH_OUTLINE,
  SWATCH_OUTLINE_DOTTED,
  SWATCH_LINE,
  SWATCH_LINE_DASHED,
} SwatchKind;

typedef struct {
  SwatchKind kind;
  FrColor color;
  const char *label;
} LegendEntry;

static void
draw_swatch (Ctx               *ctx,
             const LegendEntry *entry,
             double             x,
             double             y,
             double             size)
{
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  switch (entry->kind)
    {
    case SWATCH_FILL:
    case SWATCH_HATCH:
      cairo_rectangle (cr, x, y, size * 1.4, size);
      fr_color_set_source (cr, entry->color);
      cairo_fill_preserve (cr);
      if (entry->kind == SWATCH_HATCH)
        {
          cairo_clip (cr);
          hatch (cr, x, y, x + size * 1.4, y + size, 5.0);
          fr_color_set_source (cr, mix (entry->color, ctx->theme->foreground, 0.45));
          cairo_set_line_width (cr, 1.4);
          cairo_stroke (cr);
          cairo_reset_clip (cr);
          cairo_rectangle (cr, x, y, size * 1.4, size);
        }
      fr_color_set_source (cr, mix (entry->color, ctx->theme->foreground, 0.3));
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      break;
    case SWATCH_DASHED:
    case SWATCH_OUTLINE:
    case SWATCH_OUTLINE_DOTTED:
      cairo_rectangle (cr, x + 1, y + 1, size * 1.4 - 2, size - 2);
      fr_color_set_source (cr, ctx->theme->land);
      cairo_fill_preserve (cr);
      if (entry->kind == SWATCH_DASHED)
        cairo_set_dash (cr, (double[]) { 4.0, 2.5 }, 2, 0);
      else if (entry->kind == SWATCH_OUTLINE_DOTTED)
        cairo_set_dash (cr, (double[]) { 2.0, 2.0 }, 2, 0);
      cairo_set_line_width (cr, entry->kind == SWATCH_DASHED ? 1.6 : 2.5);
      fr_color_set_source (cr, entry->color);
      cairo_stroke (cr);
      break;
    case SWATCH_LINE:
    case SWATCH_LINE_DASHED:
    default:
      cairo_move_to (cr, x, y + size / 2);
      cairo_line_to (cr, x + size * 1.4, y + size / 2);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (entry->kind == SWATCH_LINE_DASHED)
        cairo_set_dash (cr, (double[]) { 5.0, 3.0 }, 2, 0);
      cairo_set_line_width (cr, entry->kind == SWATCH_LINE ? 4.0 : 3.0);
      fr_color_set_source (cr, entry->color);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

#define MAX_LEGEND_ENTRIES 16

/* What the legend lists at this date and view, so that it stays short. */
static guint
legend_entries (const Ctx   *ctx,
                LegendEntry  entries[MAX_LEGEND_ENTRIES])
{
  static const FrAlignment alignments[] = {
    FR_ALIGNMENT_NATO, FR_ALIGNMENT_NEUTRAL, FR_ALIGNMENT_RUSSIA_ALIGNED, FR_ALIGNMENT_RUSSIA,
    FR_ALIGNMENT_OCCUPIED, FR_ALIGNMENT_WARSAW_PACT,
  };
  const char *labels[FR_N_ALIGNMENTS] = {
    [FR_ALIGNMENT_NATO] = _("NATO"),
    [FR_ALIGNMENT_NEUTRAL] = _("Neutral or non-aligned"),
    [FR_ALIGNMENT_RUSSIA_ALIGNED] = _("Russia-aligned"),
    [FR_ALIGNMENT_RUSSIA] = _("Russia"),
    [FR_ALIGNMENT_OCCUPIED] = _("Occupied by Russia"),
    [FR_ALIGNMENT_WARSAW_PACT] = _("Warsaw Pact"),
  };
  gboolean present[FR_N_ALIGNMENTS] = { FALSE };
  gboolean eu_member = FALSE, eu_candidate = FALSE, projected = FALSE, aligned_line = FALSE;
  guint n = 0;

  for (guint i = 0; i < ctx->geometry->regions->len; i++)
    {
      const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, i);
      FrAlignment alignment = region_alignment (ctx, rg->region);
      FrEuStatus eu = region_eu (ctx, rg->region);

      if (!bbox_visible (ctx->view, rg->bbox, 0))
        continue;
      if (alignment > FR_ALIGNMENT_NONE && alignment < FR_N_ALIGNMENTS)
        present[alignment] = TRUE;
      eu_member |= eu == FR_EU_MEMBER;
      eu_candidate |= eu == FR_EU_CANDIDATE;
      projected |= region_projected (ctx, rg->region);
    }
  for (guint i = 0; i < G_N_ELEMENTS (alignments); i++)
    if (present[alignments[i]])
      entries[n++] = (LegendEntry) {
        alignments[i] == FR_ALIGNMENT_OCCUPIED ? SWATCH_HATCH : SWATCH_FILL,
        fr_theme_alignment_color (ctx->theme, alignments[i]), labels[alignments[i]],
      };
  if (eu_member)
    entries[n++] = (LegendEntry) { SWATCH_OUTLINE, eu_color (ctx->theme), _("EU member") };
  if (eu_candidate)
    entries[n++] = (LegendEntry) { SWATCH_OUTLINE_DOTTED, eu_color (ctx->theme), _("EU candidate") };
  if (projected)
    entries[n++] = (LegendEntry) { SWATCH_DASHED, ctx->theme->foreground, _("Projected by the option") };
  entries[n++] = (LegendEntry) { SWATCH_LINE, ctx->theme->frontier, _("NATO–Russia land frontier") };
  for (guint i = 0; ctx->frontier != NULL && i < ctx->frontier->segments->len; i++)
    aligned_line |= ((FrFrontierSegment *) g_ptr_array_index (ctx->frontier->segments, i))->kind == FR_FRONTIER_ALIGNED;
  if (aligned_line)
    entries[n++] = (LegendEntry) { SWATCH_LINE_DASHED, fr_color_with_alpha (ctx->theme->frontier, 0.75),
                                   _("NATO–Belarus land frontier") };
  return n;
}

static void
draw_legend (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  LegendEntry entries[MAX_LEGEND_ENTRIES];
  guint n = legend_entries (ctx, entries);
  double size = 12.0 * ctx->font_scale, row = 18.0 * ctx->font_scale, max_w = 0, x, y;

  for (guint i = 0; i < n; i++)
    {
      int w, h;
      pango_layout_get_pixel_size (text_layout (ctx, 11.0, PANGO_WEIGHT_NORMAL, entries[i].label), &w, &h);
      max_w = MAX (max_w, w);
    }
  {
    double pw = size * 1.4 + 8 + max_w + 20, ph = n * row + 12;
    x = 12;
    y = ctx->view->height - ph - 12;
    if (y < 0 || pw > ctx->view->width)
      return;
    panel (ctx, x, y, pw, ph);
  }
  for (guint i = 0; i < n; i++)
    {
      double ry = y + 6 + i * row;
      int w, h;

      PangoLayout *layout = text_layout (ctx, 11.0, PANGO_WEIGHT_NORMAL, entries[i].label);

      draw_swatch (ctx, &entries[i], x + 10, ry + (row - size) / 2, size);
      pango_layout_get_pixel_size (layout, &w, &h);
      fr_color_set_source (cr, ctx->theme->foreground);
      cairo_move_to (cr, x + 10 + size * 1.4 + 8, ry + (row - h) / 2);
      fr_export_show_layout (cr, layout);
    }
}

static double
nice_length (double max_km)
{
  double magnitude = pow (10, floor (log10 (max_km)));
  static const double steps[] = { 5, 2, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * magnitude <= max_km)
      return steps[i] * magnitude;
  return magnitude;
}

static void
draw_scale_bar (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  const View *v = ctx->view;
  double lon, lat, ground_m_per_unit, km, bar, x, y;
  g_autofree char *text = NULL;
  PangoLayout *layout;
  int w, h;

  /* Conformal: the scale is the same in every direction but varies with
   * latitude, so the bar is true at the picture's centre. */
  if (!fr_lcc_inverse (&ctx->geometry->lcc, (v->width / 2 - v->ox) / v->a, (v->oy - v->height / 2) / v->a,
                       &lon, &lat))
    return;
  ground_m_per_unit = 1.0 / v->a / fr_lcc_scale_factor (&ctx->geometry->lcc, lat);
  km = nice_length (160.0 * ground_m_per_unit / 1000.0);
  if (!(km > 0) || !isfinite (km))
    return;
  bar = km * 1000.0 / ground_m_per_unit;
  text = fr_format_km (km);
  layout = text_layout (ctx, 11.0, PANGO_WEIGHT_NORMAL, text);
  pango_layout_get_pixel_size (layout, &w, &h);

  x = v->width - bar - 24;
  y = v->height - 18;
  if (x < 0)
    return;
  panel (ctx, x - 8, y - h - 10, bar + 16, h + 20);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.5);
  fr_color_set_source (cr, ctx->theme->foreground);
  cairo_move_to (cr, x, y - 5);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + bar, y);
  cairo_line_to (cr, x + bar, y - 5);
  cairo_move_to (cr, x + bar / 2, y - 3);
  cairo_line_to (cr, x + bar / 2, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x + bar / 2 - w / 2.0, y - h - 5);
  fr_export_show_layout (cr, layout);
  cairo_restore (cr);
}

/* "≈1,220 km" and its subtitle lines; newly allocated. */
static char *
badge_text (const FrFrontier *frontier)
{
  g_autofree char *km = fr_format_km (frontier->official_km);

  /* TRANSLATORS: the frontier-length badge; %s is a length such as "1,220 km" */
  return g_strdup_printf (_("≈ %s"), km);
}

static void
draw_badge (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  const FrFrontier *frontier = ctx->frontier;
  PangoLayout *title, *big, *small, *dated = NULL;
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  int tw, th, bw, bh, sw, sh, dw = 0, dh = 0;
  double pw, ph, x, y;

  if (frontier == NULL)
    return;
  value = badge_text (frontier);
  if (frontier->aligned_km > 0)
    {
      g_autofree char *aligned = fr_format_km (frontier->aligned_km);
      /* TRANSLATORS: under the frontier length; %s is a measured length */
      note = g_strdup_printf (_("official figures · + Belarus %s measured"), aligned);
    }
  else
    note = g_strdup (_("official figures"));

  title = text_layout (ctx, 11.0, PANGO_WEIGHT_NORMAL, _("NATO–Russia land frontier"));
  big = text_layout (ctx, 24.0, PANGO_WEIGHT_BOLD, value);
  small = text_layout (ctx, 10.0, PANGO_WEIGHT_NORMAL, note);
  pango_layout_get_pixel_size (title, &tw, &th);
  pango_layout_get_pixel_size (big, &bw, &bh);
  pango_layout_get_pixel_size (small, &sw, &sh);
  if (ctx->day > 0)
    {
      date = fr_format_day (ctx->day);
      dated = text_layout (ctx, 10.0, PANGO_WEIGHT_NORMAL, date);
      pango_layout_get_pixel_size (dated, &dw, &dh);
    }

  pw = MAX (MAX (tw + (dw > 0 ? dw + 16 : 0), bw), sw) + 24;
  ph = th + bh + sh + 2 * 4 + 16;
  x = ctx->view->width - pw - 12;
  y = 12;
  if (x < 0)
    return;
  panel (ctx, x, y, pw, ph);

  fr_color_set_source (cr, ctx->theme->muted);
  cairo_move_to (cr, x + 12, y + 8);
  fr_export_show_layout (cr, title);
  fr_color_set_source (cr, ctx->theme->frontier);
  cairo_move_to (cr, x + 12, y + 8 + th + 4);
  fr_export_show_layout (cr, big);
  fr_color_set_source (cr, ctx->theme->muted);
  cairo_move_to (cr, x + 12, y + 8 + th + 4 + bh + 4);
  fr_export_show_layout (cr, small);

  /* The date the map shows, in the badge's corner. */
  if (dated != NULL)
    {
      cairo_move_to (cr, x + pw - 12 - dw, y + 8 + (th - dh) / 2.0);
      fr_export_show_layout (cr, dated);
    }
}

/* -------------------------------------------------------------------- */
/* Frame                                                                */

/* Everything that moves with the map. */
static void
draw_base (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  const FrMapScene *scene = ctx->scene;
  const Ring *window = &g_array_index (ctx->geometry->rings, Ring, ctx->geometry->window_ring);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  fr_color_set_source (cr, ctx->theme->background);
  cairo_paint (cr);
  if (window->n > 2)
    emit_ring (cr, ctx->geometry, window, ctx->view, TRUE);
  else
    cairo_rectangle (cr, 0, 0, ctx->view->width, ctx->view->height);
  fr_color_set_source (cr, ctx->theme->sea);
  cairo_fill_preserve (cr);
  fr_color_set_source (cr, ctx->theme->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  for (guint i = 0; i < ctx->geometry->regions->len; i++)
    draw_region (ctx, i);
  for (guint i = 0; i < ctx->geometry->regions->len; i++)
    draw_region_marks (ctx, i);
  draw_borders (ctx);
  draw_zones (ctx);
  draw_layers (ctx);
  draw_frontier (ctx);
  if (scene->show_labels)
    {
      if (ctx->labels == NULL)
        ctx->labels = compute_labels (ctx);
      draw_labels (ctx, ctx->labels);
    }
  cairo_restore (cr);
}

/* What stays put on the picture, and the marks that follow the pointer. */
static void
draw_overlays (Ctx *ctx)
{
  cairo_t *cr = ctx->cr;
  const FrMapScene *scene = ctx->scene;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  if (scene->hovered_region != NULL && g_strcmp0 (scene->hovered_region, scene->selected_region) != 0)
    draw_highlight (ctx, scene->hovered_region, FALSE);
  if (scene->selected_region != NULL)
    draw_highlight (ctx, scene->selected_region, TRUE);
  if (scene->show_scale_bar)
    draw_scale_bar (ctx);
  if (scene->show_legend)
    draw_legend (ctx);
  if (scene->show_frontier_badge)
    draw_badge (ctx);
  cairo_restore (cr);
}

/* Everything the base layer shows besides region looks, zones and the
 * frontier: a base with the same key can be patched instead of redrawn. */
static guint64
frame_key (const FrMapScene *scene,
           const FrTheme    *theme)
{
  guint64 h = FR_HASH_INIT;

  h = fr_hash_u64 (h, GPOINTER_TO_SIZE (theme));
  h = fr_hash_u64 (h, (guint64) theme->kind);
  h = fr_hash_u64 (h, GPOINTER_TO_SIZE (scene->layers));
  h = fr_hash_u64 (h, scene->layers != NULL ? scene->layers->len : 0);
  h = fr_hash_u64 (h, (guint64) scene->show_labels);
  h = fr_hash_u64 (h, (guint64) scene->layer_day);
  h = fr_hash_u64 (h, GPOINTER_TO_SIZE (scene->state != NULL ? fr_timeline_state_get_timeline (scene->state) : NULL));
  return h;
}

/* What an overlay shows, as a number that changes when it does (never 0). */
static guint64
overlay_key (const Ctx   *ctx,
             OverlayKind  kind)
{
  const View *v = ctx->view;
  guint64 h = fr_hash_u64 (FR_HASH_INIT, (guint64) kind + 1);

  h = fr_hash_u64 (h, GPOINTER_TO_SIZE (ctx->theme));
  h = fr_hash_u64 (h, (guint64) ctx->theme->kind);
  h = fr_hash_double (h, ctx->theme->font_scale);
  h = fr_hash_double (h, ctx->scale);
  h = fr_hash_double (h, v->width);
  h = fr_hash_double (h, v->height);
  switch (kind)
    {
    case OVERLAY_SCALE_BAR:
      /* The bar is true at the picture's centre, so it follows a pan. */
      h = fr_hash_u64 (h, (guint64) ctx->scene->show_scale_bar);
      h = fr_hash_double (h, v->a);
      h = fr_hash_double (h, v->ox);
      h = fr_hash_double (h, v->oy);
      break;
    case OVERLAY_LEGEND:
      h = fr_hash_u64 (h, (guint64) ctx->scene->show_legend);
      if (ctx->scene->show_legend)
        {
          LegendEntry entries[MAX_LEGEND_ENTRIES];
          guint n = legend_entries (ctx, entries);

          h = fr_hash_u64 (h, n);
          for (guint i = 0; i < n; i++)
            {
              h = fr_hash_u64 (h, (guint64) entries[i].kind);
              h = FR_HASH_VALUE (h, entries[i].color);
              h = fr_hash_string (h, entries[i].label);
            }
        }
      break;
    case OVERLAY_BADGE:
      h = fr_hash_u64 (h, (guint64) ctx->scene->show_frontier_badge);
      h = fr_hash_u64 (h, (guint64) (ctx->frontier != NULL));
      if (ctx->frontier != NULL)
        {
          h = fr_hash_double (h, ctx->frontier->official_km);
          h = fr_hash_double (h, ctx->frontier->aligned_km);
        }
      h = fr_hash_u64 (h, (guint64) (gint64) ctx->day);
      break;
    case N_OVERLAYS:
    default:
      break;
    }
  return h != 0 ? h : 1;
}

static void
draw_overlay (Ctx         *ctx,
              OverlayKind  kind)
{
  switch (kind)
    {
    case OVERLAY_SCALE_BAR:
      if (ctx->scene->show_scale_bar)
        draw_scale_bar (ctx);
      break;
    case OVERLAY_LEGEND:
      if (ctx->scene->show_legend)
        draw_legend (ctx);
      break;
    case OVERLAY_BADGE:
      if (ctx->scene->show_frontier_badge)
        draw_badge (ctx);
      break;
    case N_OVERLAYS:
    default:
      break;
    }
}

/* Draws the overlay into its image again if what it shows changed; TRUE
 * when it did (its old and new places then need repainting). */
static gboolean
overlay_update (Ctx          *ctx,
                OverlayKind   kind,
                OverlayImage *overlay,
                double        old_box[4])
{
  guint64 key = overlay_key (ctx, kind);
  cairo_surface_t *recording;
  cairo_t *cr, *frame_cr = ctx->cr;
  double x, y, w, h;

  memcpy (old_box, overlay->box, 4 * sizeof (double));
  if (overlay->key == key)
    return FALSE;
  overlay->key = key;
  g_clear_pointer (&overlay->image, cairo_surface_destroy);
  bbox_empty (overlay->box);

  /* Recorded first to learn where it draws, then rasterised pixel for
   * pixel as the frame would. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  ctx->cr = cr;
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  draw_overlay (ctx, kind);
  ctx->cr = frame_cr;
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      double x0 = floor (x * ctx->scale), y0 = floor (y * ctx->scale);
      double x1 = ceil ((x + w) * ctx->scale), y1 = ceil ((y + h) * ctx->scale);

      overlay->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (x1 - x0), (int) (y1 - y0));
      cr = cairo_create (overlay->image);
      cairo_translate (cr, -x0, -y0);
      cairo_scale (cr, ctx->scale, ctx->scale);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      overlay->box[0] = x0 / ctx->scale;
      overlay->box[1] = y0 / ctx->scale;
      overlay->box[2] = x1 / ctx->scale;
      overlay->box[3] = y1 / ctx->scale;
    }
  cairo_surface_destroy (recording);
  return TRUE;
}

static void
overlay_paint (cairo_t            *cr,
               const OverlayImage *overlay,
               double              scale)
{
  if (overlay->image == NULL)
    return;
  cairo_save (cr);
  cairo_translate (cr, overlay->box[0], overlay->box[1]);
  cairo_scale (cr, 1 / scale, 1 / scale);
  cairo_set_source_surface (cr, overlay->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
}

static guint64
highlight_key (const FrMapScene *scene)
{
  guint64 h = FR_HASH_INIT;

  h = fr_hash_string (h, scene->hovered_region);
  h = fr_hash_string (h, scene->selected_region);
  return h != 0 ? h : 1;
}

/* Where the hover and selection marks draw, with room for the stroke. */
static void
highlight_box (const Ctx *ctx,
               double     box[4])
{
  const char *codes[] = { ctx->scene->hovered_region, ctx->scene->selected_region };

  bbox_empty (box);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const RegionGeom *rg = codes[i] != NULL ? geometry_region (ctx->geometry, codes[i]) : NULL;
      double region[4];

      if (rg == NULL || !bbox_visible (ctx->view, rg->bbox, 4))
        continue;
      region_device_box (ctx, rg, region);
      region[0] -= 3, region[1] -= 3, region[2] += 3, region[3] += 3;
      add_box (box, region);
    }
}

typedef struct {
  guint64 cache_id;
  guint64 serial;
} FrameTag;

static const cairo_user_data_key_t frame_tag_key;

/* The union of what changed since the target last held a frame of this
 * cache (which the target's tag names), or FALSE when it must be painted
 * whole. */
static gboolean
retained_damage (FrMapCache      *cache,
                 cairo_surface_t *target,
                 cairo_region_t  *damage)
{
  const FrameTag *tag = cairo_surface_get_user_data (target, &frame_tag_key);

  if (tag == NULL || tag->cache_id != cache->id || tag->serial >= cache->frame_serial ||
      cache->frame_serial - tag->serial > FRAME_HISTORY)
    return FALSE;
  for (guint64 k = tag->serial + 1; k <= cache->frame_serial; k++)
    if (cache->frame_damage[k % FRAME_HISTORY] != NULL)
      cairo_region_union (damage, cache->frame_damage[k % FRAME_HISTORY]);
  return TRUE;
}

/* Adds the picture-unit box @box, grown to whole device pixels. */
static void
damage_add (cairo_region_t       *damage,
            const double          box[4],
            double                scale,
            const cairo_matrix_t *ctm)
{
  cairo_rectangle_int_t rect;
  double x0, y0, x1, y1;

  if (!(box[2] > box[0] && box[3] > box[1]))
    return;
  x0 = floor (box[0] * scale + ctm->x0);
  y0 = floor (box[1] * scale + ctm->y0);
  x1 = ceil (box[2] * scale + ctm->x0);
  y1 = ceil (box[3] * scale + ctm->y0);
  rect.x = (int) x0;
  rect.y = (int) y0;
  rect.width = (int) (x1 - x0);
  rect.height = (int) (y1 - y0);
  cairo_region_union_rectangle (damage, &rect);
}

/* Saves @cr and clips it to the device-pixel rectangles of @region, or to
 * the one @rect; the caller restores. */
static void
clip_to_region (cairo_t                     *cr,
                const cairo_region_t        *region,
                const cairo_rectangle_int_t *rect,
                const cairo_matrix_t        *ctm)
{
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_new_path (cr);
  if (rect != NULL)
    cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  for (int i = 0; region != NULL && i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (region, i, &r);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
    }
  cairo_set_matrix (cr, ctm);
  cairo_clip (cr);
}

/* Keeps only what lies inside the picture-unit box @box. */
static void
damage_add_clip (cairo_region_t       *damage,
                 const double          box[4],
                 double                scale,
                 const cairo_matrix_t *ctm)
{
  cairo_region_t *inside = cairo_region_create ();

  damage_add (inside, box, scale, ctm);
  cairo_region_intersect (damage, inside);
  cairo_region_destroy (inside);
}

static void
tag_target (FrMapCache      *cache,
            cairo_surface_t *target)
{
  FrameTag *tag = g_new (FrameTag, 1);

  tag->cache_id = cache->id;
  tag->serial = cache->frame_serial;
  if (cairo_surface_set_user_data (target, &frame_tag_key, tag, g_free) != CAIRO_STATUS_SUCCESS)
    g_free (tag);
}

/* Puts the frame together from the cached base (moved while a gesture
 * runs; @base_dirty is what a patch changed in it, NULL when it was drawn
 * anew) and the overlays, painting only what differs
 * from the frame the target holds when the scene says it keeps it. */
static void
compose_frame (Ctx                  *ctx,
               FrMapCache           *cache,
               cairo_t              *cr,
               gboolean              moved,
               const double         *base_dirty,
               double                mx,
               double                my,
               const cairo_matrix_t *ctm)
{
  const FrMapScene *scene = ctx->scene;
  const View *view = ctx->view;
  const double scale = ctx->scale;
  const double full[4] = { 0, 0, view->width, view->height };
  cairo_region_t *damage = cairo_region_create ();
  cairo_region_t *paint;
  cairo_rectangle_int_t bounds;
  double old_box[4], box[4];
  gboolean same_frame = ctm->xx == cache->frame_matrix.xx && ctm->yy == cache->frame_matrix.yy &&
                        ctm->x0 == cache->frame_matrix.x0 && ctm->y0 == cache->frame_matrix.y0 &&
                        view->width == cache->frame_width && view->height == cache->frame_height;
  guint64 key;

  /* What changed since the previous frame of this cache, as rectangles of
   * whole device pixels, so that what is not painted keeps exactly the
   * earlier frame. */
  if (moved || base_dirty == NULL || !same_frame)
    damage_add (damage, full, scale, ctm);
  else if (base_dirty[2] > base_dirty[0])
    {
      box[0] = base_dirty[0] - mx, box[1] = base_dirty[1] - my;
      box[2] = base_dirty[2] - mx, box[3] = base_dirty[3] - my;
      damage_add (damage, box, scale, ctm);
    }
  for (guint k = 0; k < N_OVERLAYS; k++)
    if (overlay_update (ctx, k, &cache->overlays[k], old_box))
      {
        damage_add (damage, old_box, scale, ctm);
        damage_add (damage, cache->overlays[k].box, scale, ctm);
      }
  key = highlight_key (scene);
  highlight_box (ctx, box);
  if (key != cache->highlight_key)
    {
      damage_add (damage, cache->highlight_box, scale, ctm);
      damage_add (damage, box, scale, ctm);
    }
  cache->highlight_key = key;
  memcpy (cache->highlight_box, box, sizeof box);

  cache->frame_serial++;
  g_clear_pointer (&cache->frame_damage[cache->frame_serial % FRAME_HISTORY], cairo_region_destroy);
  cache->frame_damage[cache->frame_serial % FRAME_HISTORY] = damage;
  cache->frame_matrix = *ctm;
  cache->frame_width = view->width;
  cache->frame_height = view->height;

  paint = cairo_region_create ();
  if (!scene->retained_target || !retained_damage (cache, cairo_get_target (cr), paint))
    damage_add (paint, full, scale, ctm);
  tag_target (cache, cairo_get_target (cr));
  damage_add_clip (paint, full, scale, ctm);
  if (cairo_region_is_empty (paint))
    {
      cairo_region_destroy (paint);
      return;
    }

  /* The base and the overlay images are copied pixel for pixel inside
   * every rectangle at once; the marks are rasterised inside one
   * rectangle at a time, since cairo may round their edges differently
   * when clipped to several at once. */
  clip_to_region (cr, paint, NULL, ctm);
  if (moved)
    {
      double ratio = view->a / cache->base_view.a;
      const View *old = &cache->base_view;

      fr_color_set_source (cr, ctx->theme->background);
      cairo_paint (cr);
      cairo_save (cr);
      cairo_translate (cr, view->ox - old->ox * ratio, view->oy - old->oy * ratio);
      cairo_scale (cr, ratio / scale, ratio / scale);
      cairo_set_source_surface (cr, cache->base, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr),
                                ratio == 1.0 ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  else
    {
      cairo_save (cr);
      cairo_translate (cr, -mx, -my);
      cairo_scale (cr, 1 / scale, 1 / scale);
      cairo_set_source_surface (cr, cache->base, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);

  if (cache->highlight_box[2] > cache->highlight_box[0])
    for (int i = 0; i < cairo_region_num_rectangles (paint); i++)
      {
        cairo_region_get_rectangle (paint, i, &bounds);
        clip_to_region (cr, NULL, &bounds, ctm);
        cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
        if (scene->hovered_region != NULL && g_strcmp0 (scene->hovered_region, scene->selected_region) != 0)
          draw_highlight (ctx, scene->hovered_region, FALSE);
        if (scene->selected_region != NULL)
          draw_highlight (ctx, scene->selected_region, TRUE);
        cairo_restore (cr);
      }

  clip_to_region (cr, paint, NULL, ctm);
  for (guint k = 0; k < N_OVERLAYS; k++)
    overlay_paint (cr, &cache->overlays[k], scale);
  cairo_restore (cr);
  cairo_region_destroy (paint);
}

static int
compare_pointer (gconstpointer a,
                 gconstpointer b)
{
  guintptr pa = (guintptr) *(gconstpointer const *) a;
  guintptr pb = (guintptr) *(gconstpointer const *) b;
  return (pa > pb) - (pa < pb);
}

static void
collect_segments (const FrFrontier *frontier,
                  GPtrArray        *out)
{
  g_ptr_array_set_size (out, 0);
  for (guint i = 0; frontier != NULL && i < frontier->segments->len; i++)
    {
      const FrFrontierSegment *segment = g_ptr_array_index (frontier->segments, i);
      if (segment->border != NULL)
        g_ptr_array_add (out, (gpointer) segment->border);
    }
  g_ptr_array_sort (out, compare_pointer);
}

static void
add_box (double       dirty[4],
         const double box[4])
{
  dirty[0] = MIN (dirty[0], box[0]);
  dirty[1] = MIN (dirty[1], box[1]);
  dirty[2] = MAX (dirty[2], box[2]);
  dirty[3] = MAX (dirty[3], box[3]);
}

static void
border_device_box (const Ctx      *ctx,
                   const FrBorder *border,
                   double          box[4])
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->geometry->border_index, border));
  const BorderGeom *bg;
  const View *v = ctx->view;

  if (index == 0)
    {
      box[0] = box[1] = 0;
      box[2] = v->width;
      box[3] = v->height;
      return;
    }
  bg = &g_array_index (ctx->geometry->borders, BorderGeom, index - 1);
  /* The frontier's halo is 7 units wide. */
  box[0] = v->ox + bg->bbox[0] * v->a - 6;
  box[2] = v->ox + bg->bbox[2] * v->a + 6;
  box[1] = v->oy - bg->bbox[3] * v->a - 6;
  box[3] = v->oy - bg->bbox[1] * v->a + 6;
}

static gboolean
same_pointers (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

/* The rectangle of the base layer that differs between the cached base and
 * this scene (empty when nothing does), or FALSE when the base cannot be
 * patched because the zones changed. */
static gboolean
base_dirty_box (Ctx              *ctx,
                const FrMapCache *cache,
                GArray           *looks,
                GPtrArray        *segments,
                GPtrArray        *zones,
                double            dirty[4])
{
  bbox_empty (dirty);
  if (cache->base_looks->len != looks->len || !same_pointers (cache->base_zones, zones))
    return FALSE;

  for (guint i = 0; i < looks->len; i++)
    {
      const RegionLook *a = &g_array_index (cache->base_looks, RegionLook, i);
      const RegionLook *b = &g_array_index (looks, RegionLook, i);
      const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, i);
      double box[4];

      if (memcmp (a, b, sizeof *a) == 0 || !bbox_visible (ctx->view, rg->bbox, 4))
        continue;
      region_device_box (ctx, rg, box);
      box[0] -= 3, box[1] -= 3, box[2] += 3, box[3] += 3;
      add_box (dirty, box);
    }
  /* Frontier lines that appeared or went. */
  {
    guint i = 0, j = 0;
    while (i < cache->base_segments->len || j < segments->len)
      {
        gconstpointer a = i < cache->base_segments->len ? g_ptr_array_index (cache->base_segments, i) : NULL;
        gconstpointer b = j < segments->len ? g_ptr_array_index (segments, j) : NULL;
        double box[4];

        if (a != NULL && b != NULL && a == b)
          {
            i++, j++;
            continue;
          }
        if (b == NULL || (a != NULL && (guintptr) a < (guintptr) b))
          {
            border_device_box (ctx, a, box);
            i++;
          }
        else
          {
            border_device_box (ctx, b, box);
            j++;
          }
        add_box (dirty, box);
      }
  }
  return TRUE;
}

static void
scene_looks (Ctx    *ctx,
             GArray *looks)
{
  g_array_set_size (looks, ctx->geometry->regions->len);
  for (guint i = 0; i < ctx->geometry->regions->len; i++)
    {
      const RegionGeom *rg = &g_array_index (ctx->geometry->regions, RegionGeom, i);
      RegionLook *look = &g_array_index (looks, RegionLook, i);

      look->alignment = (guint8) region_alignment (ctx, rg->region);
      look->eu = (guint8) region_eu (ctx, rg->region);
      look->projected = (guint8) region_projected (ctx, rg->region);
    }
}

void
fr_map_render (cairo_t          *cr,
               const FrMapScene *scene,
               double            width,
               double            height,
               const FrTheme    *theme)
{
  FrLcc lcc;
  Geometry *geometry;
  gboolean owned_geometry;
  View view;
  Ctx ctx = { 0 };
  g_autoptr(FrFrontier) own_frontier = NULL;
  g_autoptr(GPtrArray) frame_layouts = NULL;
  FrMapCache *cache;
  double sx = 1, sy = 0, device_scale;
  cairo_matrix_t ctm;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (scene->basemap != NULL);
  if (theme == NULL)
    theme = fr_theme_get (FR_THEME_LIGHT);
  if (!(width >= 1) || !(height >= 1))
    return;

  scene_projection (scene, &lcc);
  geometry = scene_geometry (scene, &lcc, &owned_geometry);
  cairo_user_to_device_distance (cr, &sx, &sy);
  device_scale = hypot (sx, sy);
  scene_view (scene, &lcc, width, height, device_scale, &view);
  cairo_get_matrix (cr, &ctm);

  ctx.cr = cr;
  ctx.scene = scene;
  ctx.theme = theme;
  ctx.geometry = geometry;
  ctx.view = &view;
  ctx.font_scale = theme->font_scale;
  ctx.day = scene->layer_day > 0 ? scene->layer_day
            : scene->state != NULL ? fr_timeline_state_get_day (scene->state) : 0;
  ctx.frontier = scene->frontier;
  ctx.frame_layouts = frame_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  if (ctx.frontier == NULL && scene->state != NULL)
    ctx.frontier = own_frontier = fr_frontier_compute (scene->basemap, scene->state);

  cache = owned_geometry ? NULL : scene->cache;

  /* The base layer is kept for raster targets at a plain scale, where the
   * cached image maps pixel for pixel; vector exports always draw. */
  if (cache != NULL && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE &&
      ctm.xy == 0 && ctm.yx == 0 && ctm.xx == ctm.yy && ctm.xx > 0)
    {
      g_autoptr(GArray) looks = g_array_new (FALSE, TRUE, sizeof (RegionLook));
      g_autoptr(GPtrArray) segments = g_ptr_array_new ();
      g_autoptr(GPtrArray) zones = g_ptr_array_new ();

      ctx.text_cache = cache;
      guint64 key = frame_key (scene, theme);
      double scale = ctm.xx;
      double mx = round (width * BASE_MARGIN), my = round (height * BASE_MARGIN);
      View base_view = view;
      double dirty[4];
      gboolean usable, reuse = FALSE, moved = FALSE;
      cairo_t *bcr;

      base_view.width = width + 2 * mx;
      base_view.height = height + 2 * my;
      base_view.ox += mx;
      base_view.oy += my;
      base_view.visible[0] -= mx / view.a;
      base_view.visible[2] += mx / view.a;
      base_view.visible[1] -= my / view.a;
      base_view.visible[3] += my / view.a;
      memcpy (base_view.cull, base_view.visible, sizeof base_view.cull);

      ctx.view = &base_view;
      scene_looks (&ctx, looks);
      collect_segments (ctx.frontier, segments);
      if (scene->state != NULL)
        {
          GPtrArray *state_zones = fr_timeline_state_get_zones (scene->state);
          for (guint i = 0; i < state_zones->len; i++)
            g_ptr_array_add (zones, g_ptr_array_index (state_zones, i));
        }

      usable = cache->base != NULL && cache->base_key == key && cache->base_scale == scale;
      if (usable && same_view (&cache->base_view, &base_view) &&
          base_dirty_box (&ctx, cache, looks, segments, zones, dirty))
        {
          /* Same view: patch what changed, drawing the whole base again
           * clipped to the device pixels around it. */
          if (dirty[2] > dirty[0] && dirty[3] > dirty[1])
            {
              double x0 = floor (MAX (dirty[0], 0) * scale), y0 = floor (MAX (dirty[1], 0) * scale);
              double x1 = ceil (MIN (dirty[2], base_view.width) * scale);
              double y1 = ceil (MIN (dirty[3], base_view.height) * scale);

              View patch_view = base_view;

              /* Only what touches the rectangle is drawn at all. */
              patch_view.cull[0] = (x0 / scale - base_view.ox) / base_view.a;
              patch_view.cull[2] = (x1 / scale - base_view.ox) / base_view.a;
              patch_view.cull[1] = (base_view.oy - y1 / scale) / base_view.a;
              patch_view.cull[3] = (base_view.oy - y0 / scale) / base_view.a;
              bcr = cairo_create (cache->base);
              cairo_rectangle (bcr, x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0));
              cairo_clip (bcr);
              cairo_scale (bcr, scale, scale);
              if (cache->masks == NULL)
                {
                  cache->n_masks = geometry->regions->len * N_REGION_MASKS + N_BORDER_MASKS;
                  cache->masks = g_new0 (Mask, cache->n_masks);
                }
              ctx.cr = bcr;
              ctx.view = &patch_view;
              ctx.labels = cache->base_labels;
              ctx.masks = cache;
              ctx.full_view = &base_view;
              ctx.scale = scale;
              draw_base (&ctx);
              ctx.masks = NULL;
              ctx.view = &base_view;
              cairo_destroy (bcr);
              ctx.cr = cr;
            }
          reuse = TRUE;
        }
      else if (usable && scene->interactive)
        {
          /* During a gesture, an unchanged base is moved and scaled as an
           * image; the next settled frame draws it sharp again. */
          double ratio = view.a / cache->base_view.a;

          if (ratio > 0.5 && ratio < 2.0 && base_dirty_box (&ctx, cache, looks, segments, zones, dirty) &&
              !(dirty[2] > dirty[0]))
            moved = TRUE;
        }
      if (!reuse && !moved)
        {
          int bw = (int) ceil (base_view.width * scale), bh = (int) ceil (base_view.height * scale);

          if (cache->base == NULL || cairo_image_surface_get_width (cache->base) != bw ||
              cairo_image_surface_get_height (cache->base) != bh)
            {
              g_clear_pointer (&cache->base, cairo_surface_destroy);
              cache->base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, bw, bh);
            }
          cache_drop_masks (cache);
          bcr = cairo_create (cache->base);
          cairo_scale (bcr, scale, scale);
          ctx.cr = bcr;
          ctx.labels = NULL;
          draw_base (&ctx);
          cairo_destroy (bcr);
          ctx.cr = cr;
        }
      if (!moved)
        {
          if (ctx.labels != cache->base_labels)
            {
              g_clear_pointer (&cache->base_labels, g_ptr_array_unref);
              cache->base_labels = g_steal_pointer (&ctx.labels);
            }
          ctx.labels = NULL;
          cache->base_view = base_view;
          cache->base_key = key;
          cache->base_scale = scale;
          g_array_set_size (cache->base_looks, looks->len);
          if (looks->len > 0)
            memcpy (cache->base_looks->data, looks->data, looks->len * sizeof (RegionLook));
          g_ptr_array_set_size (cache->base_segments, 0);
          for (guint i = 0; i < segments->len; i++)
            g_ptr_array_add (cache->base_segments, g_ptr_array_index (segments, i));
          g_ptr_array_set_size (cache->base_zones, 0);
          for (guint i = 0; i < zones->len; i++)
            g_ptr_array_add (cache->base_zones, g_ptr_array_index (zones, i));
        }

      ctx.view = &view;
      ctx.scale = scale;
      compose_frame (&ctx, cache, cr, moved, reuse ? dirty : NULL, mx, my, &ctm);
    }
  else
    {
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      draw_base (&ctx);
      draw_overlays (&ctx);
      cairo_restore (cr);
    }

  g_clear_pointer (&ctx.labels, g_ptr_array_unref);
  if (owned_geometry)
    geometry_free (geometry);
}

void
fr_map_scene_init (FrMapScene            *scene,
                   const FrBasemap       *basemap,
                   const FrTimelineState *state)
{
  g_return_if_fail (scene != NULL);

  memset (scene, 0, sizeof *scene);
  scene->basemap = basemap;
  scene->state = state;
  scene->show_labels = TRUE;
  scene->show_legend = TRUE;
  scene->show_scale_bar = TRUE;
  scene->show_frontier_badge = TRUE;
}

void
fr_map_scene_fit (FrMapScene   *scene,
                  const double  geo_bbox[4],
                  double        width,
                  double        height)
{
  FrLcc lcc;

  g_return_if_fail (scene != NULL);
  scene_projection (scene, &lcc);
  fit_view (&lcc, geo_bbox, width, height, &scene->center_x, &scene->center_y, &scene->metres_per_unit);
}

void
fr_map_project (const FrMapScene *scene,
                double            width,
                double            height,
                double            lon,
                double            lat,
                double           *x,
                double           *y)
{
  FrLcc lcc;
  View view;
  double px, py;

  g_return_if_fail (scene != NULL);
  scene_projection (scene, &lcc);
  scene_view (scene, &lcc, width, height, 1.0, &view);
  fr_lcc_forward (&lcc, lon, lat, &px, &py);
  if (x != NULL)
    *x = view.ox + px * view.a;
  if (y != NULL)
    *y = view.oy - py * view.a;
}

gboolean
fr_map_unproject (const FrMapScene *scene,
                  double            width,
                  double            height,
                  double            x,
                  double            y,
                  double           *lon,
                  double           *lat)
{
  FrLcc lcc;
  View view;

  g_return_val_if_fail (scene != NULL, FALSE);
  scene_projection (scene, &lcc);
  scene_view (scene, &lcc, width, height, 1.0, &view);
  return fr_lcc_inverse (&lcc, (x - view.ox) / view.a, (view.oy - y) / view.a, lon, lat);
}

const char *
fr_map_hit_test (const FrMapScene *scene,
                 double            width,
                 double            height,
                 double            x,
                 double            y)
{
  double lon, lat;

  g_return_val_if_fail (scene != NULL, NULL);
  if (scene->basemap == NULL || !fr_map_unproject (scene, width, height, x, y, &lon, &lat))
    return NULL;
  return fr_basemap_region_at (scene->basemap, lon, lat);
}
