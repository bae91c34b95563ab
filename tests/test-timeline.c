/* test-timeline.c — region status at a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are the ✓ facts of the project's FACTS.md: Finland joined NATO on
 * 4 April 2023 and Sweden on 7 March 2024 (nato.int, "Enlargement and
 * Article 10"); Finland and Sweden joined the EU on 1 January 1995
 * (commission.europa.eu); Ukraine became an EU candidate on 23 June 2022
 * (European Council conclusions).
 */
#include "fr-date.h"
#include "fr-model.h"
#include "fr-paths.h"
#include "fr-timeline.h"
#include "fr-xml.h"

static gint32
day (const char *iso)
{
  gint32 d = 0;
  g_assert_true (fr_day_parse (iso, &d));
  return d;
}

static FrEvent *
add_event (FrModel    *model,
           const char *id,
           const char *date,
           const char *region,
           FrAlignment alignment,
           FrEuStatus  eu)
{
  FrEvent *event = fr_event_new (id, day (date), id);
  g_ptr_array_add (event->changes, fr_status_change_new (region, alignment, eu));
  g_ptr_array_add (model->events, event);
  return event;
}

/* A small history of the Nordic and Ukrainian statuses, plus two options
 * with projections after a ceasefire on 2026-01-01. */
static FrModel *
build_model (void)
{
  FrModel *model = fr_model_new ();
  FrEvent *event;
  FrProjection *projection;
  FrZone *zone;
  FrLonLat points[] = { { 37.5, 47.1 }, { 38.0, 47.5 }, { 37.2, 47.9 } };

  /* Out of order on purpose: the timeline sorts each region's changes. */
  add_event (model, "fi-nato", "2023-04-04", "FI", FR_ALIGNMENT_NATO, FR_EU_UNCHANGED);
  event = add_event (model, "start", "1945-05-08", "FI", FR_ALIGNMENT_NEUTRAL, FR_EU_NONE);
  g_ptr_array_add (event->changes, fr_status_change_new ("SE", FR_ALIGNMENT_NEUTRAL, FR_EU_NONE));
  g_ptr_array_add (event->changes, fr_status_change_new ("NO", FR_ALIGNMENT_NONE, FR_EU_NONE));
  g_ptr_array_add (event->changes, fr_status_change_new ("RU", FR_ALIGNMENT_RUSSIA, FR_EU_NONE));
  add_event (model, "no-nato", "1949-04-04", "NO", FR_ALIGNMENT_NATO, FR_EU_UNCHANGED);
  add_event (model, "ua-indep", "1991-08-24", "UA", FR_ALIGNMENT_NEUTRAL, FR_EU_NONE);
  event = add_event (model, "eu-1995", "1995-01-01", "FI", FR_ALIGNMENT_UNCHANGED, FR_EU_MEMBER);
  g_ptr_array_add (event->changes, fr_status_change_new ("SE", FR_ALIGNMENT_UNCHANGED, FR_EU_MEMBER));
  add_event (model, "crimea", "2014-03-18", "UA-43", FR_ALIGNMENT_OCCUPIED, FR_EU_UNCHANGED);
  add_event (model, "ua-candidate", "2022-06-23", "UA", FR_ALIGNMENT_UNCHANGED, FR_EU_CANDIDATE);
  add_event (model, "se-nato", "2024-03-07", "SE", FR_ALIGNMENT_NATO, FR_EU_UNCHANGED);
  add_event (model, "future", "2030-01-01", "UA", FR_ALIGNMENT_NEUTRAL, FR_EU_UNCHANGED);

  model->ceasefire_day = day ("2026-01-01");

  projection = fr_projection_new ("nato", day ("2025-06-01"));
  g_ptr_array_add (projection->changes, fr_status_change_new ("UA", FR_ALIGNMENT_NATO, FR_EU_UNCHANGED));
  g_ptr_array_add (model->projections, projection);
  projection = fr_projection_new ("nato", day ("2028-01-01"));
  g_ptr_array_add (projection->changes, fr_status_change_new ("UA", FR_ALIGNMENT_UNCHANGED, FR_EU_MEMBER));
  g_ptr_array_add (model->projections, projection);

  projection = fr_projection_new ("armed-neutrality", day ("2026-02-01"));
  g_ptr_array_add (projection->changes, fr_status_change_new ("UA", FR_ALIGNMENT_NEUTRAL, FR_EU_UNCHANGED));
  zone = fr_zone_new ("dmz", "dmz");
  zone->closed = TRUE;
  g_array_append_vals (zone->points, points, G_N_ELEMENTS (points));
  g_ptr_array_add (projection->zones, zone);
  g_ptr_array_add (model->projections, projection);
  return model;
}

static void
test_finland_sweden (void)
{
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = fr_timeline_get_state (timeline, day ("2023-04-03"), NULL);

  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "FI"), ==, FR_EU_MEMBER);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "SE"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "NO"), ==, FR_ALIGNMENT_NATO);
  /* EU status untouched by the NATO event. */
  g_assert_cmpint (fr_timeline_state_get_eu (state, "NO"), ==, FR_EU_NONE);

  fr_timeline_state_update (state, day ("2023-04-04"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NATO);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "SE"), ==, FR_ALIGNMENT_NEUTRAL);

  fr_timeline_state_update (state, day ("2024-03-06"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "SE"), ==, FR_ALIGNMENT_NEUTRAL);
  fr_timeline_state_update (state, day ("2024-03-07"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "SE"), ==, FR_ALIGNMENT_NATO);

  /* Before the first event nothing is known. */
  fr_timeline_state_update (state, day ("1940-01-01"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NONE);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "XX"), ==, FR_ALIGNMENT_NONE);
  fr_timeline_state_update (state, day ("1994-12-31"), NULL);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "SE"), ==, FR_EU_NONE);
  fr_timeline_state_update (state, day ("1995-01-01"), NULL);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "SE"), ==, FR_EU_MEMBER);

  /* The one-shot helpers agree. */
  {
    FrAlignment alignment = FR_ALIGNMENT_UNCHANGED;
    FrEuStatus eu = FR_EU_UNCHANGED;
    g_assert_true (fr_timeline_status_at (model, day ("2023-04-04"), NULL, "FI", &alignment, &eu));
    g_assert_cmpint (alignment, ==, FR_ALIGNMENT_NATO);
    g_assert_cmpint (eu, ==, FR_EU_MEMBER);
    g_assert_false (fr_timeline_status_at (model, day ("2023-04-04"), NULL, "PT", &alignment, &eu));
    g_assert_cmpint (alignment, ==, FR_ALIGNMENT_NONE);
  }
}

static void
test_subregion_inherits (void)
{
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimelineState) state = fr_timeline_state_at (model, day ("2000-01-01"), NULL);

  /* Crimea follows Ukraine until its own change in 2014. */
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-43"), ==, FR_ALIGNMENT_NEUTRAL);
  /* A region the model never names falls back to its country too. */
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-14"), ==, FR_ALIGNMENT_NEUTRAL);
  fr_timeline_state_update (state, day ("2014-03-18"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-43"), ==, FR_ALIGNMENT_OCCUPIED);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  /* EU status is inherited separately from alignment. */
  fr_timeline_state_update (state, day ("2022-06-23"), NULL);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "UA-43"), ==, FR_EU_CANDIDATE);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-43"), ==, FR_ALIGNMENT_OCCUPIED);
}

static void
test_projection (void)
{
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  g_autoptr(FrTimelineState) state = NULL;
  GPtrArray *zones;

  g_assert_true (fr_timeline_has_option (timeline, "nato"));
  g_assert_false (fr_timeline_has_option (timeline, "war"));

  /* Before the ceasefire the option changes nothing, even though its first
   * projection is dated earlier. */
  state = fr_timeline_get_state (timeline, day ("2025-12-31"), "nato");
  g_assert_false (fr_timeline_state_is_projection (state));
  g_assert_null (fr_timeline_state_get_option (state));
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_false (fr_timeline_state_is_projected (state, "UA"));

  fr_timeline_state_update (state, day ("2026-01-01"), "nato");
  g_assert_true (fr_timeline_state_is_projection (state));
  g_assert_cmpstr (fr_timeline_state_get_option (state), ==, "nato");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NATO);
  g_assert_true (fr_timeline_state_is_projected (state, "UA"));
  g_assert_cmpint (fr_timeline_state_get_eu (state, "UA"), ==, FR_EU_CANDIDATE);
  /* Crimea keeps its own recorded status; Finland is history, not projected. */
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-43"), ==, FR_ALIGNMENT_OCCUPIED);
  g_assert_false (fr_timeline_state_is_projected (state, "UA-43"));
  g_assert_false (fr_timeline_state_is_projected (state, "FI"));
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NATO);

  /* The second projection of the same option adds EU membership later. */
  fr_timeline_state_update (state, day ("2028-01-01"), "nato");
  g_assert_cmpint (fr_timeline_state_get_eu (state, "UA"), ==, FR_EU_MEMBER);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "UA-43"), ==, FR_EU_MEMBER);
  g_assert_true (fr_timeline_state_is_projected (state, "UA-43"));

  /* A recorded event after the projection's day wins. */
  fr_timeline_state_update (state, day ("2030-01-01"), "nato");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_true (fr_timeline_state_is_projected (state, "UA")); /* EU still projected */

  /* Without an option the same day shows history only. */
  fr_timeline_state_update (state, day ("2028-01-01"), NULL);
  g_assert_false (fr_timeline_state_is_projection (state));
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "UA"), ==, FR_EU_CANDIDATE);
  g_assert_false (fr_timeline_state_is_projected (state, "UA"));

  /* Only the named option's projection, and its zones from their day. */
  fr_timeline_state_update (state, day ("2026-01-15"), "armed-neutrality");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_false (fr_timeline_state_is_projected (state, "UA"));
  zones = fr_timeline_state_get_zones (state);
  g_assert_cmpuint (zones->len, ==, 0);
  fr_timeline_state_update (state, day ("2026-02-01"), "armed-neutrality");
  g_assert_true (fr_timeline_state_is_projected (state, "UA"));
  g_assert_cmpuint (zones->len, ==, 1);
  g_assert_cmpstr (((FrZone *) g_ptr_array_index (zones, 0))->id, ==, "dmz");
  fr_timeline_state_update (state, day ("2026-02-01"), "nato");
  g_assert_cmpuint (zones->len, ==, 0);

  /* An option with no projection behaves like history. */
  fr_timeline_state_update (state, day ("2027-01-01"), "war");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_false (fr_timeline_state_is_projected (state, "UA"));
}

static void
test_regions_listed (void)
{
  g_autoptr(FrModel) model = build_model ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  const char *const *regions = fr_timeline_get_regions (timeline);
  g_autofree char *joined = g_strjoinv (",", (char **) regions);

  g_assert_cmpstr (joined, ==, "FI,NO,RU,SE,UA,UA-43");
  g_assert_cmpint (fr_timeline_get_ceasefire_day (timeline), ==, day ("2026-01-01"));
}

static void
test_empty_model (void)
{
  g_autoptr(FrModel) model = fr_model_new ();
  g_autoptr(FrTimelineState) state = fr_timeline_state_at (model, day ("2024-01-01"), "x");

  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NONE);
  g_assert_cmpint (fr_timeline_state_get_eu (state, "UA-43"), ==, FR_EU_NONE);
  g_assert_cmpuint (fr_timeline_state_get_zones (state)->len, ==, 0);
}

/* The bundled scenario: the NATO dates of FACTS.md §2.2, and its option
 * projections from its (hypothetical) ceasefire day, 1 January 2027. */
static void
test_scenario (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios",
                                            "ukraine-security-options.frontier", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = fr_xml_load_file (path, &error);
  g_autoptr(FrTimeline) timeline = NULL;
  g_autoptr(FrTimelineState) state = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (model->ceasefire_day, ==, day ("2027-01-01"));
  timeline = fr_timeline_new (model);
  g_assert_true (fr_timeline_has_option (timeline, "nato-article5"));

  state = fr_timeline_get_state (timeline, day ("2023-04-03"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NEUTRAL);
  fr_timeline_state_update (state, day ("2023-04-04"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "FI"), ==, FR_ALIGNMENT_NATO);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "SE"), ==, FR_ALIGNMENT_NEUTRAL);
  fr_timeline_state_update (state, day ("2024-03-07"), NULL);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "SE"), ==, FR_ALIGNMENT_NATO);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "NO"), ==, FR_ALIGNMENT_NATO);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "RU"), ==, FR_ALIGNMENT_RUSSIA);
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-43"), ==, FR_ALIGNMENT_OCCUPIED);

  /* The day before the ceasefire the option changes nothing. */
  fr_timeline_state_update (state, day ("2026-12-31"), "nato-article5");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), !=, FR_ALIGNMENT_NATO);
  g_assert_false (fr_timeline_state_is_projected (state, "UA"));
  g_assert_cmpuint (fr_timeline_state_get_zones (state)->len, ==, 0);

  fr_timeline_state_update (state, day ("2027-01-01"), "nato-article5");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NATO);
  g_assert_true (fr_timeline_state_is_projected (state, "UA"));
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA-43"), ==, FR_ALIGNMENT_OCCUPIED);
  g_assert_cmpuint (fr_timeline_state_get_zones (state)->len, >, 0);

  /* Only the named option's projection. */
  fr_timeline_state_update (state, day ("2027-01-01"), "continued-war");
  g_assert_cmpint (fr_timeline_state_get_alignment (state, "UA"), ==, FR_ALIGNMENT_NEUTRAL);
  fr_timeline_state_update (state, day ("2027-01-01"), NULL);
  g_assert_false (fr_timeline_state_is_projected (state, "UA"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/timeline/finland-sweden", test_finland_sweden);
  g_test_add_func ("/core/timeline/subregion", test_subregion_inherits);
  g_test_add_func ("/core/timeline/projection", test_projection);
  g_test_add_func ("/core/timeline/regions", test_regions_listed);
  g_test_add_func ("/core/timeline/empty", test_empty_model);
  g_test_add_func ("/core/timeline/scenario", test_scenario);
  return g_test_run ();
}
