/* test-frontier.c — the NATO–Russia land frontier before and after Finland
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Official figures (FACTS.md §2.1): the Russian-side per-border set of
 * geographyofrussia.com (vignette 6.2) — Norway 196, Finland 1,340,
 * Estonia 294, Latvia 217, Lithuania 280.5, Poland 232, Belarus 959,
 * Ukraine 1,576 km — whose five pre-2023 NATO borders add up to 1,219.5 km,
 * the "around 1,215 km" NATO and the press quoted on 4 April 2023 (HNGN),
 * and with Finland's 1,340 km to 2,559.5 km ("about 2,555"). The CIA World
 * Factbook 2018 gives 191 + 324 + 332 + 261 + 210 = 1,318 km, and 2,627 km
 * with Finland's 1,309.
 */
#include "fr-basemap.h"
#include "fr-date.h"
#include "fr-frontier.h"
#include "fr-geometry.h"
#include "fr-model.h"
#include "fr-timeline.h"

#include <string.h>

static gint32
day (const char *iso)
{
  gint32 d = 0;
  g_assert_true (fr_day_parse (iso, &d));
  return d;
}

static void
add_change (FrModel     *model,
            const char  *date,
            const char  *region,
            FrAlignment  alignment)
{
  FrEvent *event = fr_event_new (region, day (date), region);
  g_ptr_array_add (event->changes, fr_status_change_new (region, alignment, FR_EU_UNCHANGED));
  g_ptr_array_add (model->events, event);
}

/* NATO accession dates: FACTS.md §2.2. */
static FrModel *
build_model (void)
{
  FrModel *model = fr_model_new ();
  FrProjection *projection;

  add_change (model, "1945-05-08", "RU", FR_ALIGNMENT_RUSSIA);
  add_change (model, "1945-05-08", "FI", FR_ALIGNMENT_NEUTRAL);
  add_change (model, "1945-05-08", "SE", FR_ALIGNMENT_NEUTRAL);
  add_change (model, "1949-04-04", "NO", FR_ALIGNMENT_NATO);
  add_change (model, "1991-08-24", "UA", FR_ALIGNMENT_NEUTRAL);
  add_change (model, "1991-08-25", "BY", FR_ALIGNMENT_RUSSIA_ALIGNED);
  add_change (model, "1999-03-12", "PL", FR_ALIGNMENT_NATO);
  add_change (model, "2004-03-29", "EE", FR_ALIGNMENT_NATO);
  add_change (model, "2004-03-29", "LV", FR_ALIGNMENT_NATO);
  add_change (model, "2004-03-29", "LT", FR_ALIGNMENT_NATO);
  add_change (model, "2014-03-18", "UA-43", FR_ALIGNMENT_OCCUPIED);
  add_change (model, "2023-04-04", "FI", FR_ALIGNMENT_NATO);
  add_change (model, "2024-03-07", "SE", FR_ALIGNMENT_NATO);

  model->ceasefire_day = day ("2026-01-01");
  projection = fr_projection_new ("nato", day ("2026-01-01"));
  g_ptr_array_add (projection->changes, fr_status_change_new ("UA", FR_ALIGNMENT_NATO, FR_EU_UNCHANGED));
  g_ptr_array_add (model->projections, projection);
  return model;
}

static const FrFrontierSegment *
find_segment (const FrFrontier *frontier,
              const char       *nato,
              const char       *other)
{
  for (guint i = 0; i < frontier->segments->len; i++)
    {
      const FrFrontierSegment *segment = g_ptr_array_index (frontier->segments, i);
      if (g_str_equal (segment->nato, nato) && g_str_equal (segment->other, other))
        return segment;
    }
  return NULL;
}

static void
test_official_without_basemap (void)
{
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (timeline, day ("2023-04-03"), NULL);
  g_autoptr(FrFrontier) before = fr_frontier_compute (NULL, state);
  g_autoptr(FrFrontier) after = NULL;
  g_autoptr(FrFrontier) early = NULL;

  g_assert_cmpfloat (before->official_km, ==, 1219.5);
  g_assert_cmpfloat (before->cia_km, ==, 1318.0);
  g_assert_cmpfloat (before->measured_km, ==, 0.0);
  g_assert_cmpuint (before->segments->len, ==, 5);
  g_assert_nonnull (find_segment (before, "NO", "RU"));
  g_assert_null (find_segment (before, "FI", "RU"));

  fr_timeline_state_update (state, day ("2023-04-04"), NULL);
  after = fr_frontier_compute (NULL, state);
  g_assert_cmpfloat (after->official_km, ==, 2559.5);
  g_assert_cmpfloat (after->cia_km, ==, 2627.0);
  g_assert_cmpfloat (after->official_km - before->official_km, ==, 1340.0);
  g_assert_nonnull (find_segment (after, "FI", "RU"));

  /* 1998: only Norway (Poland joined on 12 March 1999). */
  fr_timeline_state_update (state, day ("1999-03-11"), NULL);
  early = fr_frontier_compute (NULL, state);
  g_assert_cmpfloat (early->official_km, ==, 196.0);
}

static FrBasemap *
load_basemap (FrBasemapDetail detail)
{
  g_autoptr(GError) error = NULL;
  FrBasemap *basemap = fr_basemap_load_default (detail, &error);

  g_assert_no_error (error);
  g_assert_nonnull (basemap);
  return basemap;
}

static double
drawn_length_km (const FrFrontier *frontier,
                 FrFrontierKind    kind)
{
  double metres = 0;

  for (guint i = 0; i < frontier->segments->len; i++)
    {
      const FrFrontierSegment *segment = g_ptr_array_index (frontier->segments, i);
      if (segment->kind != kind)
        continue;
      g_assert_nonnull (segment->border);
      g_assert_cmpuint (segment->border->lines->len, >, 0);
      for (guint l = 0; l < segment->border->lines->len; l++)
        metres += fr_geo_line_length (g_ptr_array_index (segment->border->lines, l));
    }
  return metres / 1000.0;
}

static void
check_basemap (FrBasemapDetail detail)
{
  g_autoptr(FrBasemap) basemap = load_basemap (detail);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (timeline, day ("2023-04-03"), NULL);
  g_autoptr(FrFrontier) before = fr_frontier_compute (basemap, state);
  g_autoptr(FrFrontier) after = NULL;
  const FrFrontierSegment *segment;

  /* The same official sums as from the table alone: every pair the table
   * lists is a border of the basemap. */
  g_assert_cmpfloat (before->official_km, ==, 1219.5);
  g_assert_cmpfloat (before->cia_km, ==, 1318.0);

  /* Measured lengths are the geodesic lengths of exactly the drawn lines. */
  g_assert_cmpfloat_with_epsilon (before->measured_km, drawn_length_km (before, FR_FRONTIER_RUSSIA), 1e-6);
  g_assert_cmpfloat_with_epsilon (before->aligned_km, drawn_length_km (before, FR_FRONTIER_ALIGNED), 1e-6);
  /* Natural Earth's generalised lines are shorter than the surveyed
   * borders, more so at 1:50m: 1:10m gives 1,069 km, 1:50m 987 km for the
   * official 1,219.5 km. */
  g_assert_cmpfloat (before->measured_km, >, 0.75 * before->official_km);
  g_assert_cmpfloat (before->measured_km, <, 1.05 * before->official_km);

  /* Belarus borders are drawn but kept out of the headline: Poland,
   * Lithuania and Latvia border Belarus. */
  g_assert_nonnull (find_segment (before, "PL", "BY"));
  g_assert_nonnull (find_segment (before, "LT", "BY"));
  g_assert_nonnull (find_segment (before, "LV", "BY"));
  segment = find_segment (before, "PL", "BY");
  g_assert_cmpint (segment->kind, ==, FR_FRONTIER_ALIGNED);
  g_assert_null (segment->figure);
  g_assert_cmpfloat (before->aligned_km, >, 800);
  g_assert_cmpfloat (before->aligned_km, <, 1100);
  /* Crimea's line to mainland Ukraine is not NATO's. */
  g_assert_null (find_segment (before, "UA", "UA-43"));

  fr_timeline_state_update (state, day ("2023-04-04"), NULL);
  after = fr_frontier_compute (basemap, state);
  g_assert_cmpfloat (after->official_km, ==, 2559.5);
  segment = find_segment (after, "FI", "RU");
  g_assert_nonnull (segment);
  g_assert_cmpfloat (segment->figure->km, ==, 1340.0);
  g_assert_cmpfloat (segment->measured_km, ==, fr_basemap_find_border (basemap, "FI", "RU")->length_km);
  /* "More than doubled", on the map too. */
  g_assert_cmpfloat (after->measured_km / before->measured_km, >, 2.0);
  g_assert_cmpfloat (after->measured_km / before->measured_km, <, 2.3);
  g_assert_cmpfloat (after->aligned_km, ==, before->aligned_km);
}

static void
test_basemap_10m (void)
{
  check_basemap (FR_BASEMAP_DETAIL_10M);
}

static void
test_basemap_50m (void)
{
  check_basemap (FR_BASEMAP_DETAIL_50M);
}

/* Occupied areas count as Russian-held, and only across a border with a
 * NATO member: the Crimea line joins the frontier in a projection where
 * Ukraine is in NATO, with its measured length since no official figure
 * exists. */
static void
test_occupied (void)
{
  g_autoptr(FrBasemap) basemap = load_basemap (FR_BASEMAP_DETAIL_50M);
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (timeline, day ("2026-06-01"), "nato");
  g_autoptr(FrFrontier) frontier = fr_frontier_compute (basemap, state);
  const FrFrontierSegment *crimea = find_segment (frontier, "UA", "UA-43");
  const FrFrontierSegment *russia = find_segment (frontier, "UA", "RU");
  double crimea_km = fr_basemap_find_border (basemap, "UA", "UA-43")->length_km;
  g_autofree char *text = NULL;

  g_assert_nonnull (crimea);
  g_assert_cmpint (crimea->kind, ==, FR_FRONTIER_RUSSIA);
  g_assert_cmpint (crimea->other_alignment, ==, FR_ALIGNMENT_OCCUPIED);
  g_assert_null (crimea->figure);
  g_assert_nonnull (russia);
  g_assert_cmpfloat (russia->figure->km, ==, 1576.0);
  g_assert_cmpint (find_segment (frontier, "UA", "BY")->kind, ==, FR_FRONTIER_ALIGNED);
  /* Sweden has no border with Russia: the total is Norway … Finland plus
   * Ukraine's 1,576 km plus the measured Crimea line. */
  g_assert_cmpfloat_with_epsilon (frontier->official_km, 2559.5 + 1576.0 + crimea_km, 1e-9);

  text = fr_frontier_dup_source_text (frontier);
  g_assert_nonnull (strstr (text, "Ukraine–Russia: 1,576 km"));
  g_assert_nonnull (strstr (text, "no official figure"));
}

static void
test_classify (void)
{
  FrFrontierKind kind = FR_FRONTIER_ALIGNED;

  g_assert_true (fr_frontier_classify (FR_ALIGNMENT_NATO, FR_ALIGNMENT_RUSSIA, &kind));
  g_assert_cmpint (kind, ==, FR_FRONTIER_RUSSIA);
  g_assert_true (fr_frontier_classify (FR_ALIGNMENT_OCCUPIED, FR_ALIGNMENT_NATO, &kind));
  g_assert_cmpint (kind, ==, FR_FRONTIER_RUSSIA);
  g_assert_true (fr_frontier_classify (FR_ALIGNMENT_NATO, FR_ALIGNMENT_RUSSIA_ALIGNED, &kind));
  g_assert_cmpint (kind, ==, FR_FRONTIER_ALIGNED);
  g_assert_false (fr_frontier_classify (FR_ALIGNMENT_NEUTRAL, FR_ALIGNMENT_RUSSIA, NULL));
  g_assert_false (fr_frontier_classify (FR_ALIGNMENT_NATO, FR_ALIGNMENT_NEUTRAL, NULL));
  g_assert_false (fr_frontier_classify (FR_ALIGNMENT_NATO, FR_ALIGNMENT_NATO, NULL));
  g_assert_false (fr_frontier_classify (FR_ALIGNMENT_NATO, FR_ALIGNMENT_WARSAW_PACT, NULL));
  g_assert_false (fr_frontier_classify (FR_ALIGNMENT_OCCUPIED, FR_ALIGNMENT_RUSSIA, NULL));

  g_assert_cmpfloat (fr_frontier_find_figure ("RU", "LT")->km, ==, 280.5);
  g_assert_cmpfloat (fr_frontier_find_figure ("LT", "RU")->cia_km, ==, 261.0);
  g_assert_null (fr_frontier_find_figure ("PL", "BY"));
  g_assert_null (fr_frontier_find_figure (NULL, "RU"));
}

static void
test_source_text (void)
{
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimelineState) state = fr_timeline_state_at (model, day ("2023-04-04"), NULL);
  g_autoptr(FrFrontier) frontier = fr_frontier_compute (NULL, state);
  g_autofree char *text = fr_frontier_dup_source_text (frontier);

  /* LC_ALL=C.UTF-8 in the tests: fr_format_km() groups with a comma. */
  g_assert_nonnull (strstr (text, "2,559.5 km"));
  g_assert_nonnull (strstr (text, "Finland–Russia: 1,340 km"));
  g_assert_nonnull (strstr (text, "Lithuania–Russia: 280.5 km"));
  g_assert_nonnull (strstr (text, "CIA World Factbook 2018: 191 km"));
  g_assert_nonnull (strstr (text, "geographyofrussia.com"));
  g_assert_cmpstr (fr_region_display_name ("UA-43", NULL), ==, "Crimea");
  g_assert_cmpstr (fr_region_display_name ("QQ", "Somewhere"), ==, "Somewhere");
  g_assert_cmpstr (fr_region_display_name ("QQ", NULL), ==, "QQ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/frontier/official", test_official_without_basemap);
  g_test_add_func ("/core/frontier/basemap-10m", test_basemap_10m);
  g_test_add_func ("/core/frontier/basemap-50m", test_basemap_50m);
  g_test_add_func ("/core/frontier/occupied", test_occupied);
  g_test_add_func ("/core/frontier/classify", test_classify);
  g_test_add_func ("/core/frontier/source-text", test_source_text);
  return g_test_run ();
}
