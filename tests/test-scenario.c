/* test-scenario.c — the bundled scenario is complete, consistent and sourced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/scenarios/ukraine-security-options.frontier is the first thing every
 * user sees. These tests load it through the real loader and check what the
 * scenario promises: enough options, criteria, elements, stakeholders,
 * events and views; a score with rationale and source on every option ×
 * leaf criterion; references that resolve; feasible option compositions;
 * the ✓ dates of the project's FACTS.md (Poland joined NATO on 12 March 1999,
 * RFE/RL; Finland on 4 April 2023 and Sweden on 7 March 2024, nato.int
 * "Enlargement and Article 10"; Crimea annexed 18 March 2014).
 *
 * The weighted-sum utilities asserted in test_utilities were computed
 * independently from the file's scores, scales, value functions and weights
 * (numpy, by the scenario's author): they pin the argument the scenario
 * makes, that armed neutrality is the one option every party can accept.
 */
#include <string.h>

#include "fr-bundles.h"
#include "fr-date.h"
#include "fr-matrix.h"
#include "fr-model.h"
#include "fr-timeline.h"
#include "fr-wsm.h"
#include "fr-xml.h"

static const char *okabe_ito[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9",
};

static FrModel *
load_scenario (void)
{
  const char *datadir = g_getenv ("FRONTIER_DATADIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  FrModel *model;

  g_assert_nonnull (datadir);
  path = g_build_filename (datadir, "scenarios", "ukraine-security-options.frontier", NULL);
  model = fr_xml_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

static gint32
day (const char *iso)
{
  gint32 d = 0;

  g_assert_true (fr_day_parse (iso, &d));
  return d;
}

static gboolean
str_in (const char *needle, const char *const *haystack, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (needle, haystack[i]) == 0)
      return TRUE;
  return FALSE;
}

static FrElement *
get_element (const FrModel *model, const char *id)
{
  FrElement *found = fr_model_find_element (model, id);

  if (found == NULL)
    g_error ("no element %s", id);
  return found;
}

static FrOption *
option_by_id (const FrModel *model, const char *id)
{
  FrOption *found = fr_model_find_option (model, id);

  if (found == NULL)
    g_error ("no option %s", id);
  return found;
}

static gboolean
ptr_array_has_str (GPtrArray *array, const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_meta (void)
{
  g_autoptr(FrModel) model = load_scenario ();

  g_assert_cmpstr (model->title, ==, "Ukraine's post-war security options");
  g_assert_cmpstr (model->author, ==, "Frontier scenario team");
  g_assert_cmpstr (model->language, ==, "en");
  g_assert_cmpint (model->ceasefire_day, ==, day ("2027-01-01"));
  /* The description must tell users the numbers are theirs to change and
   * that the ceasefire date is not a forecast. */
  g_assert_nonnull (strstr (model->description, "illustrative judgement"));
  g_assert_nonnull (strstr (model->description, "hypothetical"));
  g_assert_nonnull (fr_model_find_source (model, "rumer2025"));
}

static void
test_criteria (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  guint n_value_functions = 0, n_groups = 0;

  g_assert_cmpuint (leaves->len, >=, 10);
  for (guint i = 0; i < model->criteria->len; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);

      g_assert_nonnull (criterion->name);
      g_assert_nonnull (criterion->description);
      if (criterion->is_group)
        {
          n_groups++;
          continue;
        }
      /* Every leaf sits in a group and has a declared scale and unit. */
      g_assert_nonnull (criterion->parent_id);
      g_assert_nonnull (fr_model_find_criterion (model, criterion->parent_id));
      g_assert_true (criterion->has_scale);
      g_assert_cmpfloat (criterion->scale_min, <, criterion->scale_max);
      g_assert_nonnull (criterion->unit);
      if (criterion->value_function->len > 0)
        {
          FrValuePoint *first = &g_array_index (criterion->value_function, FrValuePoint, 0);
          FrValuePoint *last = &g_array_index (criterion->value_function, FrValuePoint,
                                               criterion->value_function->len - 1);

          n_value_functions++;
          /* The function spans the whole scale and runs from worst to best. */
          g_assert_cmpfloat (first->x, ==, criterion->scale_min);
          g_assert_cmpfloat (last->x, ==, criterion->scale_max);
          if (criterion->direction == FR_DIRECTION_COST)
            {
              g_assert_cmpfloat (first->value, ==, 1.0);
              g_assert_cmpfloat (last->value, ==, 0.0);
            }
          else
            {
              g_assert_cmpfloat (first->value, ==, 0.0);
              g_assert_cmpfloat (last->value, ==, 1.0);
            }
        }
    }
  g_assert_cmpuint (n_groups, >=, 3);
  g_assert_cmpuint (n_value_functions, >=, 1);

  g_assert_cmpint (fr_model_find_criterion (model, "escalation")->direction, ==, FR_DIRECTION_COST);
  g_assert_cmpint (fr_model_find_criterion (model, "cost")->direction, ==, FR_DIRECTION_COST);
  g_assert_cmpint (fr_model_find_criterion (model, "deterrence")->direction, ==, FR_DIRECTION_BENEFIT);
  g_assert_cmpint (fr_model_find_criterion (model, "escalation")->preference.kind, ==, FR_PREF_VSHAPE);
}

static void
test_options (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  const char *required[] = {
    "continued-war", "nato-article5", "membership-promise",
    "armed-neutrality", "capped-neutrality", "bilateral-guarantees",
  };

  g_assert_cmpuint (model->options->len, >=, 6);
  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (fr_model_find_option (model, required[i]));

  for (guint o = 0; o < model->options->len; o++)
    {
      FrOption *option = g_ptr_array_index (model->options, o);

      g_assert_nonnull (option->description);
      g_assert_true (str_in (option->color, okabe_ito, G_N_ELEMENTS (okabe_ito)));
      g_assert_cmpuint (option->element_ids->len, >, 0);
      g_assert_cmpuint (g_hash_table_size (option->scores), ==, leaves->len);

      for (guint c = 0; c < leaves->len; c++)
        {
          FrCriterion *criterion = g_ptr_array_index (leaves, c);
          FrScore *score = g_hash_table_lookup (option->scores, criterion->id);

          if (score == NULL)
            g_error ("option %s has no score on %s", option->id, criterion->id);
          g_assert_true (score->has_range);
          g_assert_cmpfloat (score->low, <=, score->value);
          g_assert_cmpfloat (score->value, <=, score->high);
          g_assert_cmpfloat (score->low, >=, criterion->scale_min);
          g_assert_cmpfloat (score->high, <=, criterion->scale_max);
          g_assert_nonnull (score->rationale);
          g_assert_cmpuint (strlen (score->rationale), >, 40);
          g_assert_nonnull (score->source_id);
          if (fr_model_find_source (model, score->source_id) == NULL)
            g_error ("option %s, criterion %s: unknown source %s",
                     option->id, criterion->id, score->source_id);
        }
    }

  /* Each option keeps its own colour. */
  for (guint a = 0; a < model->options->len; a++)
    for (guint b = a + 1; b < model->options->len; b++)
      g_assert_cmpstr (((FrOption *) g_ptr_array_index (model->options, a))->color, !=,
                       ((FrOption *) g_ptr_array_index (model->options, b))->color);
}

static void
test_elements (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  FrElement *article5, *peacekeeping, *non_bloc;

  g_assert_cmpuint (model->elements->len, >=, 15);
  g_assert_cmpuint (g_hash_table_size (model->baseline), ==, leaves->len);
  for (guint c = 0; c < leaves->len; c++)
    g_assert_true (g_hash_table_contains (model->baseline,
                                          ((FrCriterion *) g_ptr_array_index (leaves, c))->id));

  for (guint e = 0; e < model->elements->len; e++)
    {
      FrElement *element = g_ptr_array_index (model->elements, e);

      g_assert_nonnull (element->description);
      g_assert_nonnull (element->category);
      g_assert_nonnull (element->source_id);
      g_assert_nonnull (fr_model_find_source (model, element->source_id));
      g_assert_cmpuint (element->effects->len, >, 0);
      for (guint i = 0; i < element->effects->len; i++)
        {
          FrEffect *effect = g_ptr_array_index (element->effects, i);
          FrCriterion *criterion = fr_model_find_criterion (model, effect->criterion_id);

          g_assert_nonnull (criterion);
          g_assert_false (criterion->is_group);
        }
      /* Exclusion is mutual: the bundle designer may check either side. */
      for (guint i = 0; i < element->excludes->len; i++)
        {
          FrElement *other = get_element (model, g_ptr_array_index (element->excludes, i));

          if (!ptr_array_has_str (other->excludes, element->id))
            g_error ("%s excludes %s but not the other way round", element->id, other->id);
        }
      for (guint i = 0; i < element->requires->len; i++)
        g_assert_nonnull (fr_model_find_element (model, g_ptr_array_index (element->requires, i)));
    }

  article5 = get_element (model, "article5");
  g_assert_true (ptr_array_has_str (article5->requires, "nato-membership"));
  peacekeeping = get_element (model, "peacekeeping");
  g_assert_true (ptr_array_has_str (peacekeeping->requires, "unsc-endorsement"));
  non_bloc = get_element (model, "non-bloc");
  g_assert_true (ptr_array_has_str (non_bloc->excludes, "nato-membership"));
  g_assert_true (ptr_array_has_str (non_bloc->excludes, "membership-promise"));
  g_assert_true (ptr_array_has_str (get_element (model, "cap-forces")->excludes, "no-cap"));

  /* Every option is a feasible bundle: nothing it includes is excluded by
   * another of its elements, and every requirement is included. */
  for (guint o = 0; o < model->options->len; o++)
    {
      FrOption *option = g_ptr_array_index (model->options, o);

      for (guint i = 0; i < option->element_ids->len; i++)
        {
          FrElement *part = get_element (model, g_ptr_array_index (option->element_ids, i));

          for (guint k = 0; k < part->excludes->len; k++)
            if (ptr_array_has_str (option->element_ids, g_ptr_array_index (part->excludes, k)))
              g_error ("option %s includes %s, which excludes %s", option->id, part->id,
                       (const char *) g_ptr_array_index (part->excludes, k));
          for (guint k = 0; k < part->requires->len; k++)
            if (!ptr_array_has_str (option->element_ids, g_ptr_array_index (part->requires, k)))
              g_error ("option %s includes %s without %s", option->id, part->id,
                       (const char *) g_ptr_array_index (part->requires, k));
        }
    }

  g_assert_true (ptr_array_has_str (option_by_id (model, "armed-neutrality")->element_ids, "non-bloc"));
  g_assert_true (ptr_array_has_str (option_by_id (model, "armed-neutrality")->element_ids, "no-cap"));
  g_assert_true (ptr_array_has_str (option_by_id (model, "capped-neutrality")->element_ids, "cap-forces"));
  g_assert_true (ptr_array_has_str (option_by_id (model, "nato-article5")->element_ids, "article5"));
}

static void
test_stakeholders (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  const char *required[] = {
    "ukraine", "russia", "united-states", "european-allies", "frontline-states",
  };

  g_assert_cmpuint (model->stakeholders->len, ==, 5);
  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (fr_model_find_stakeholder (model, required[i]));

  for (guint s = 0; s < model->stakeholders->len; s++)
    {
      FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);
      double sum = 0.0;

      g_assert_nonnull (stakeholder->color);
      g_assert_nonnull (stakeholder->rationale);
      g_assert_cmpfloat (stakeholder->reservation, >, 0.0);
      g_assert_cmpfloat (stakeholder->reservation, <, 1.0);
      g_assert_cmpuint (g_hash_table_size (stakeholder->weights), ==, leaves->len);
      for (guint c = 0; c < leaves->len; c++)
        {
          FrCriterion *criterion = g_ptr_array_index (leaves, c);
          FrWeight *weight = g_hash_table_lookup (stakeholder->weights, criterion->id);

          if (weight == NULL)
            g_error ("stakeholder %s has no weight on %s", stakeholder->id, criterion->id);
          g_assert_true (weight->has_interval);
          g_assert_cmpfloat (weight->low, <=, weight->value);
          g_assert_cmpfloat (weight->value, <=, weight->high);
          g_assert_cmpfloat (weight->low, >=, 0.0);
          sum += weight->value;
        }
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
    }
}

/* Weighted-sum utility of every option for every stakeholder, computed
 * independently from the file (see the header). Rows follow the
 * stakeholders' order, columns the options' order in the file. */
static const char *utility_options[] = {
  "continued-war", "nato-article5", "membership-promise",
  "armed-neutrality", "capped-neutrality", "bilateral-guarantees",
};
static const struct {
  const char *stakeholder;
  double utility[6];
} expected_utilities[] = {
  { "ukraine",          { 0.3406,  0.5919,   0.426,    0.579833333333, 0.451, 0.5675   } },
  { "russia",           { 0.29576, 0.18341,  0.16035,  0.530333333333, 0.651, 0.32425  } },
  { "united-states",    { 0.30832, 0.49037,  0.41395,  0.615,          0.561, 0.57325  } },
  { "european-allies",  { 0.31666, 0.542635, 0.429225, 0.613,          0.504, 0.575375 } },
  { "frontline-states", { 0.32332, 0.611045, 0.434825, 0.60525,        0.449, 0.599125 } },
};

static void
test_utilities (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = fr_matrix_new_from_model (model, &error);
  guint armed = G_MAXUINT;
  gboolean acceptable_to_all[6] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };

  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_options, ==, G_N_ELEMENTS (utility_options));
  for (guint o = 0; o < matrix->n_options; o++)
    {
      g_assert_cmpstr (matrix->option_ids[o], ==, utility_options[o]);
      if (g_str_equal (matrix->option_ids[o], "armed-neutrality"))
        armed = o;
    }
  g_assert_cmpuint (armed, <, matrix->n_options);

  for (gsize s = 0; s < G_N_ELEMENTS (expected_utilities); s++)
    {
      FrStakeholder *stakeholder = fr_model_find_stakeholder (model, expected_utilities[s].stakeholder);
      g_autofree double *weights = NULL;
      double scores[6];

      g_assert_nonnull (stakeholder);
      weights = fr_matrix_stakeholder_weights (matrix, stakeholder);
      fr_wsm_scores (matrix, weights, scores, NULL);
      for (guint o = 0; o < matrix->n_options; o++)
        {
          g_assert_cmpfloat_with_epsilon (scores[o], expected_utilities[s].utility[o], 1e-9);
          if (scores[o] < stakeholder->reservation)
            acceptable_to_all[o] = FALSE;
        }
    }

  /* The brief's argument as the scenario encodes it: armed neutrality is the
   * only option above every party's reservation level. */
  for (guint o = 0; o < matrix->n_options; o++)
    g_assert_true (acceptable_to_all[o] == (o == armed));
}

static const FrEvent *
find_event (const FrModel *model, const char *id)
{
  for (guint i = 0; i < model->events->len; i++)
    {
      const FrEvent *event = g_ptr_array_index (model->events, i);

      if (g_strcmp0 (event->id, id) == 0)
        return event;
    }
  g_error ("no event %s", id);
}

static gboolean
event_sets (const FrEvent *event, const char *region, FrAlignment alignment)
{
  for (guint i = 0; i < event->changes->len; i++)
    {
      const FrStatusChange *change = g_ptr_array_index (event->changes, i);

      if (g_strcmp0 (change->region, region) == 0 && change->alignment == alignment)
        return TRUE;
    }
  return FALSE;
}

static void
assert_alignment (const FrModel *model, const char *date, const char *region, FrAlignment expected)
{
  FrAlignment alignment = FR_ALIGNMENT_UNCHANGED;

  g_assert_true (fr_timeline_status_at (model, day (date), NULL, region, &alignment, NULL));
  if (alignment != expected)
    g_error ("%s on %s: %s, expected %s", region, date, fr_alignment_to_string (alignment),
             fr_alignment_to_string (expected));
}

static void
test_timeline (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  const char *regions[] = {
    "NO", "SE", "FI", "EE", "LV", "LT", "PL", "BY", "UA", "MD", "RO", "RU", "SK", "HU",
    "BG", "TR", "GE", "DE", "DK", "CZ", "AT", "UA-43", "UA-40", "UA-14", "UA-09",
    "UA-23", "UA-65",
  };
  const FrEvent *first, *event;
  const char *categories[] = {
    "nato", "eu", "treaty", "war", "neutrality", "diplomacy", "analysis",
  };

  g_assert_cmpuint (model->events->len, >=, 40);
  first = g_ptr_array_index (model->events, 0);
  g_assert_cmpint (first->day, ==, day ("1945-05-08"));
  for (guint i = 0; i < model->events->len; i++)
    {
      event = g_ptr_array_index (model->events, i);
      if (i > 0)
        g_assert_cmpint (((FrEvent *) g_ptr_array_index (model->events, i - 1))->day, <=, event->day);
      g_assert_nonnull (event->title);
      g_assert_nonnull (event->description);
      g_assert_true (str_in (event->category, categories, G_N_ELEMENTS (categories)));
      g_assert_nonnull (event->source_id);
      if (fr_model_find_source (model, event->source_id) == NULL)
        g_error ("event %s: unknown source %s", event->id, event->source_id);
      /* History stops at the brief; the future is for projections. */
      g_assert_cmpint (event->day, <, model->ceasefire_day);
    }

  /* The first event gives every region of the map its starting status. */
  for (gsize r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < first->changes->len; i++)
        {
          const FrStatusChange *change = g_ptr_array_index (first->changes, i);

          if (g_str_equal (change->region, regions[r]))
            {
              found = TRUE;
              g_assert_cmpint (change->alignment, !=, FR_ALIGNMENT_UNCHANGED);
              g_assert_cmpint (change->eu, ==, FR_EU_NONE);
            }
        }
      if (!found)
        g_error ("the first event does not set %s", regions[r]);
    }

  event = find_event (model, "visegrad-nato");
  g_assert_cmpint (event->day, ==, day ("1999-03-12"));
  g_assert_true (event_sets (event, "PL", FR_ALIGNMENT_NATO));
  event = find_event (model, "fi-nato");
  g_assert_cmpint (event->day, ==, day ("2023-04-04"));
  g_assert_true (event_sets (event, "FI", FR_ALIGNMENT_NATO));
  event = find_event (model, "se-nato");
  g_assert_cmpint (event->day, ==, day ("2024-03-07"));
  g_assert_true (event_sets (event, "SE", FR_ALIGNMENT_NATO));

  /* The same facts as the map sees them, a day either side. */
  assert_alignment (model, "1999-03-11", "PL", FR_ALIGNMENT_NEUTRAL);
  assert_alignment (model, "1999-03-12", "PL", FR_ALIGNMENT_NATO);
  assert_alignment (model, "1980-01-01", "PL", FR_ALIGNMENT_WARSAW_PACT);
  assert_alignment (model, "2023-04-03", "FI", FR_ALIGNMENT_NEUTRAL);
  assert_alignment (model, "2023-04-04", "FI", FR_ALIGNMENT_NATO);
  assert_alignment (model, "2024-03-06", "SE", FR_ALIGNMENT_NEUTRAL);
  assert_alignment (model, "2024-03-07", "SE", FR_ALIGNMENT_NATO);
  assert_alignment (model, "2014-03-17", "UA-43", FR_ALIGNMENT_NEUTRAL);
  assert_alignment (model, "2014-03-18", "UA-43", FR_ALIGNMENT_OCCUPIED);
  assert_alignment (model, "2014-03-18", "UA-40", FR_ALIGNMENT_OCCUPIED);
  assert_alignment (model, "2014-03-18", "UA", FR_ALIGNMENT_NEUTRAL);
  assert_alignment (model, "2022-09-30", "UA-14", FR_ALIGNMENT_OCCUPIED);
  assert_alignment (model, "1985-01-01", "AT", FR_ALIGNMENT_NEUTRAL);
  assert_alignment (model, "1985-01-01", "EE", FR_ALIGNMENT_RUSSIA);
  assert_alignment (model, "2004-03-29", "EE", FR_ALIGNMENT_NATO);
}

static void
test_projections (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(FrTimeline) timeline = fr_timeline_new (model);
  FrAlignment alignment = FR_ALIGNMENT_UNCHANGED;

  for (guint o = 0; o < model->options->len; o++)
    {
      FrOption *option = g_ptr_array_index (model->options, o);
      gboolean found = FALSE;

      g_assert_true (fr_timeline_has_option (timeline, option->id));
      for (guint p = 0; p < model->projections->len; p++)
        {
          FrProjection *projection = g_ptr_array_index (model->projections, p);

          if (!g_str_equal (projection->option_id, option->id))
            continue;
          found = TRUE;
          g_assert_cmpint (projection->day, >=, model->ceasefire_day);
          g_assert_nonnull (projection->description);
          g_assert_nonnull (strstr (projection->description, "ypothetical"));
          for (guint z = 0; z < projection->zones->len; z++)
            {
              FrZone *zone = g_ptr_array_index (projection->zones, z);

              g_assert_cmpuint (zone->points->len, >=, zone->closed ? 4 : 2);
              for (guint k = 0; k < zone->points->len; k++)
                {
                  FrLonLat *point = &g_array_index (zone->points, FrLonLat, k);

                  /* Eastern and southern Ukraine. */
                  g_assert_cmpfloat (point->lon, >, 30.0);
                  g_assert_cmpfloat (point->lon, <, 41.0);
                  g_assert_cmpfloat (point->lat, >, 45.0);
                  g_assert_cmpfloat (point->lat, <, 51.0);
                }
            }
        }
      g_assert_true (found);
    }

  g_assert_true (fr_timeline_status_at (model, model->ceasefire_day, "nato-article5", "UA", &alignment, NULL));
  g_assert_cmpint (alignment, ==, FR_ALIGNMENT_NATO);
  g_assert_true (fr_timeline_status_at (model, model->ceasefire_day, "armed-neutrality", "UA", &alignment, NULL));
  g_assert_cmpint (alignment, ==, FR_ALIGNMENT_NEUTRAL);
  g_assert_true (fr_timeline_status_at (model, model->ceasefire_day, "armed-neutrality", "UA-43", &alignment, NULL));
  g_assert_cmpint (alignment, ==, FR_ALIGNMENT_OCCUPIED);
  /* The day before the ceasefire is still history, whatever the option. */
  g_assert_true (fr_timeline_status_at (model, model->ceasefire_day - 1, "nato-article5", "UA", &alignment, NULL));
  g_assert_cmpint (alignment, ==, FR_ALIGNMENT_NEUTRAL);
}

static void
test_views (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  const char *charts[] = {
    "map", "ranking", "profile", "sensitivity", "smaa", "stakeholders", "timeline",
  };
  guint n_maps = 0;

  g_assert_cmpuint (model->views->len, >=, 6);
  for (guint v = 0; v < model->views->len; v++)
    {
      FrView *view = g_ptr_array_index (model->views, v);

      g_assert_nonnull (view->title);
      g_assert_nonnull (view->notes);
      g_assert_true (str_in (view->chart, charts, G_N_ELEMENTS (charts)));
      g_assert_nonnull (view->stakeholder_id);
      g_assert_nonnull (fr_model_find_stakeholder (model, view->stakeholder_id));
      g_assert_nonnull (view->method);
      if (view->option_id != NULL)
        g_assert_nonnull (fr_model_find_option (model, view->option_id));
      if (g_str_equal (view->chart, "map"))
        {
          n_maps++;
          g_assert_cmpint (view->map_day, >, 0);
          g_assert_true (view->has_extent);
          g_assert_cmpfloat (view->extent[0], <, view->extent[2]);
          g_assert_cmpfloat (view->extent[1], <, view->extent[3]);
        }
      if (view->weights != NULL && g_hash_table_size (view->weights) > 0)
        {
          GHashTableIter iter;
          gpointer key, value;
          double sum = 0.0;

          g_hash_table_iter_init (&iter, view->weights);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_assert_nonnull (fr_model_find_criterion (model, key));
              sum += ((FrWeight *) value)->value;
            }
          g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
        }
    }
  g_assert_cmpuint (n_maps, >=, 2);
}

/* Saving the scenario and reading it back loses nothing the app shows:
 * the second save is byte-identical to the first. */
static void
test_round_trip (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(FrModel) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  first = fr_xml_save_bytes (model, &error);
  g_assert_no_error (error);
  again = fr_xml_load_bytes (first, "scenario (saved)", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->options->len, ==, model->options->len);
  g_assert_cmpuint (again->events->len, ==, model->events->len);
  g_assert_cmpuint (again->views->len, ==, model->views->len);
  second = fr_xml_save_bytes (again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
}

/* The bundle designer's search, asked for Ukraine's best bundle that every
 * other party still accepts, finds an armed, non-bloc Ukraine: non-bloc
 * status without a cap on forces, and neither NATO membership nor a cap.
 * Every option's own composition is feasible under the element rules. */
static void
test_bundles (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FrBundleProblem) problem = fr_bundle_problem_new (model, &error);
  g_autoptr(FrBundleList) best = NULL;
  int ukraine;
  guint64 bundle;

  g_assert_no_error (error);
  g_assert_cmpuint (fr_bundle_problem_get_n_elements (problem), ==, model->elements->len);
  for (guint o = 0; o < model->options->len; o++)
    {
      FrOption *option = g_ptr_array_index (model->options, o);
      g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);

      bundle = 0;
      for (guint i = 0; i < option->element_ids->len; i++)
        {
          int e = fr_bundle_problem_find_element (problem, g_ptr_array_index (option->element_ids, i));

          g_assert_cmpint (e, >=, 0);
          bundle |= G_GUINT64_CONSTANT (1) << e;
        }
      if (!fr_bundle_problem_check (problem, bundle, conflicts))
        g_error ("option %s is not a feasible bundle: %s", option->id,
                 (const char *) g_ptr_array_index (conflicts, 0));
    }

  ukraine = fr_bundle_problem_find_stakeholder (problem, "ukraine");
  g_assert_cmpint (ukraine, >=, 0);
  best = fr_bundle_problem_best (problem, (guint) ukraine, 1, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (best->n_bundles, ==, 1);
  bundle = best->elements[0];
  g_assert_true (bundle & (G_GUINT64_CONSTANT (1) << fr_bundle_problem_find_element (problem, "non-bloc")));
  g_assert_true (bundle & (G_GUINT64_CONSTANT (1) << fr_bundle_problem_find_element (problem, "no-cap")));
  g_assert_false (bundle & (G_GUINT64_CONSTANT (1) << fr_bundle_problem_find_element (problem, "nato-membership")));
  g_assert_false (bundle & (G_GUINT64_CONSTANT (1) << fr_bundle_problem_find_element (problem, "cap-forces")));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/meta", test_meta);
  g_test_add_func ("/scenario/criteria", test_criteria);
  g_test_add_func ("/scenario/options", test_options);
  g_test_add_func ("/scenario/elements", test_elements);
  g_test_add_func ("/scenario/stakeholders", test_stakeholders);
  g_test_add_func ("/scenario/utilities", test_utilities);
  g_test_add_func ("/scenario/timeline", test_timeline);
  g_test_add_func ("/scenario/projections", test_projections);
  g_test_add_func ("/scenario/views", test_views);
  g_test_add_func ("/scenario/bundles", test_bundles);
  g_test_add_func ("/scenario/round-trip", test_round_trip);

  return g_test_run ();
}
