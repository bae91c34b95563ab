/* fr-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each region keeps its own sorted list of (day, value) changes for the
 * recorded history and one per option, so a state for another day costs a
 * binary search per region. The timeline borrows the model (zones are
 * handed out by pointer): it must not outlive it.
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include "fr-timeline.h"

#include <string.h>

typedef struct {
  gint32 day;
  gint32 value;
} Change;

typedef struct {
  GArray *alignment;   /* Change, sorted by day, document order kept */
  GArray *eu;
} Track;

typedef struct {
  char *code;
  int parent;          /* region index of the country, or -1 */
  Track history;
  Track *options;      /* one per option, n_options */
} Region;

struct _FrTimeline {
  gatomicrefcount ref_count;
  const FrModel *model;
  gint32 ceasefire_day;
  GPtrArray *regions;          /* Region*, sorted by code */
  GHashTable *region_index;    /* code → index + 1 */
  char **codes;
  GPtrArray *option_ids;       /* char* (borrowed from the model) */
  GHashTable *option_index;    /* option id → index + 1 */
  GPtrArray *option_projections; /* per option: GPtrArray of FrProjection*, by day */
};

enum {
  FLAG_ALIGNMENT_SET = 1 << 0,
  FLAG_EU_SET = 1 << 1,
  FLAG_ALIGNMENT_PROJECTED = 1 << 2,
  FLAG_EU_PROJECTED = 1 << 3,
  FLAG_PROJECTED = FLAG_ALIGNMENT_PROJECTED | FLAG_EU_PROJECTED,
};

struct _FrTimelineState {
  FrTimeline *timeline;
  gint32 day;
  int option;                  /* index, or -1 */
  gboolean projection;
  guint n_regions;
  guint8 *alignment;
  guint8 *eu;
  guint8 *flags;
  GPtrArray *zones;            /* FrZone*, borrowed */
};

static void
track_init (Track *track)
{
  track->alignment = g_array_new (FALSE, FALSE, sizeof (Change));
  track->eu = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
track_clear (Track *track)
{
  g_clear_pointer (&track->alignment, g_array_unref);
  g_clear_pointer (&track->eu, g_array_unref);
}

static void
track_add (Track                *track,
           gint32                day,
           const FrStatusChange *change)
{
  if (change->alignment > FR_ALIGNMENT_UNCHANGED && change->alignment < FR_N_ALIGNMENTS)
    {
      Change c = { day, change->alignment };
      g_array_append_val (track->alignment, c);
    }
  if (change->eu > FR_EU_UNCHANGED && change->eu < FR_N_EU_STATUSES)
    {
      Change c = { day, change->eu };
      g_array_append_val (track->eu, c);
    }
}

static int
compare_change (gconstpointer a,
                gconstpointer b)
{
  const Change *ca = a, *cb = b;
  return (ca->day > cb->day) - (ca->day < cb->day);
}

/* GLib's g_array_sort is not guaranteed stable; ties keep document order
 * through an insertion sort, which is also the fast case for input that is
 * already sorted, as the model's events are. */
static void
sort_changes (GArray *changes)
{
  Change *c = (Change *) (void *) changes->data;

  for (guint i = 1; i < changes->len; i++)
    {
      Change key = c[i];
      guint j = i;
      while (j > 0 && compare_change (&c[j - 1], &key) > 0)
        {
          c[j] = c[j - 1];
          j--;
        }
      c[j] = key;
    }
}

/* Index of the last change on or before @day, or -1. */
static int
find_last (GArray *changes,
           gint32  day)
{
  const Change *c = (const Change *) (const void *) changes->data;
  guint lo = 0, hi = changes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (c[mid].day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) lo - 1;
}

static void
region_free (gpointer data)
{
  Region *region = data;

  track_clear (&region->history);
  g_free (region->code);
  g_free (region);
}

static Region *
timeline_region (GHashTable *regions,
                 const char *code)
{
  Region *region = g_hash_table_lookup (regions, code);

  if (region == NULL)
    {
      region = g_new0 (Region, 1);
      region->code = g_strdup (code);
      region->parent = -1;
      track_init (&region->history);
      g_hash_table_insert (regions, region->code, region);
    }
  return region;
}

static int
compare_region (gconstpointer a,
                gconstpointer b)
{
  const Region *ra = *(Region *const *) a;
  const Region *rb = *(Region *const *) b;
  return strcmp (ra->code, rb->code);
}

static int
compare_projection (gconstpointer a,
                    gconstpointer b)
{
  const FrProjection *pa = *(FrProjection *const *) a;
  const FrProjection *pb = *(FrProjection *const *) b;
  return (pa->day > pb->day) - (pa->day < pb->day);
}

static gboolean
valid_region_code (const char *code)
{
  return code != NULL && code[0] != '\0';
}

FrTimeline *
fr_timeline_new (const FrModel *model)
{
  FrTimeline *self;
  g_autoptr(GHashTable) regions = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_new0 (FrTimeline, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = model;
  self->ceasefire_day = model->ceasefire_day;
  self->option_ids = g_ptr_array_new ();
  self->option_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->option_projections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  regions = g_hash_table_new (g_str_hash, g_str_equal);

  /* Options first, so every region can size its per-option tracks. */
  for (guint i = 0; model->projections != NULL && i < model->projections->len; i++)
    {
      FrProjection *projection = g_ptr_array_index (model->projections, i);
      guint index;

      if (projection->option_id == NULL)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (self->option_index, projection->option_id));
      if (index == 0)
        {
          g_ptr_array_add (self->option_ids, projection->option_id);
          g_ptr_array_add (self->option_projections, g_ptr_array_new ());
          index = self->option_ids->len;
          g_hash_table_insert (self->option_index, projection->option_id, GUINT_TO_POINTER (index));
        }
      g_ptr_array_add (g_ptr_array_index (self->option_projections, index - 1), projection);
    }
  for (guint i = 0; i < self->option_projections->len; i++)
    {
      GPtrArray *list = g_ptr_array_index (self->option_projections, i);
      g_ptr_array_sort (list, compare_projection);
    }

  for (guint i = 0; model->events != NULL && i < model->events->len; i++)
    {
      FrEvent *event = g_ptr_array_index (model->events, i);

      for (guint j = 0; event->changes != NULL && j < event->changes->len; j++)
        {
          FrStatusChange *change = g_ptr_array_index (event->changes, j);
          if (valid_region_code (change->region))
            track_add (&timeline_region (regions, change->region)->history, event->day, change);
        }
    }

  /* Region list: add countries of sub-national regions so inheritance has a
   * row to read from even when only the country is named elsewhere. */
  for (guint i = 0; model->projections != NULL && i < model->projections->len; i++)
    {
      FrProjection *projection = g_ptr_array_index (model->projections, i);
      for (guint j = 0; projection->option_id != NULL && projection->changes != NULL &&
                        j < projection->changes->len; j++)
        {
          FrStatusChange *change = g_ptr_array_index (projection->changes, j);
          if (valid_region_code (change->region))
            timeline_region (regions, change->region);
        }
    }
  {
    g_autoptr(GPtrArray) children = g_ptr_array_new ();

    g_hash_table_iter_init (&iter, regions);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        Region *region = value;
        if (strchr (region->code, '-') != NULL)
          g_ptr_array_add (children, region);
      }
    for (guint i = 0; i < children->len; i++)
      {
        Region *child = g_ptr_array_index (children, i);
        g_autofree char *country = g_strndup (child->code, (gsize) (strchr (child->code, '-') - child->code));
        if (country[0] != '\0')
          timeline_region (regions, country);
      }
  }

  self->regions = g_ptr_array_new_with_free_func (region_free);
  g_hash_table_iter_init (&iter, regions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->regions, value);
  g_ptr_array_sort (self->regions, compare_region);

  self->region_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->codes = g_new0 (char *, self->regions->len + 1);
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);
      region->options = g_new0 (Track, self->option_ids->len);
      for (guint o = 0; o < self->option_ids->len; o++)
        track_init (&region->options[o]);
      self->codes[i] = region->code;
      g_hash_table_insert (self->region_index, region->code, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);
      const char *dash = strchr (region->code, '-');
      if (dash != NULL)
        {
          g_autofree char *country = g_strndup (region->code, (gsize) (dash - region->code));
          region->parent = (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->region_index, country)) - 1;
        }
    }

  /* A projection dated before the ceasefire still only shows from the
   * ceasefire on, and competes with events from that day. */
  for (guint o = 0; o < self->option_projections->len; o++)
    {
      GPtrArray *list = g_ptr_array_index (self->option_projections, o);
      for (guint i = 0; i < list->len; i++)
        {
          FrProjection *projection = g_ptr_array_index (list, i);
          gint32 day = MAX (projection->day, self->ceasefire_day);

          for (guint j = 0; projection->changes != NULL && j < projection->changes->len; j++)
            {
              FrStatusChange *change = g_ptr_array_index (projection->changes, j);
              guint index;

              if (!valid_region_code (change->region))
                continue;
              index = GPOINTER_TO_UINT (g_hash_table_lookup (self->region_index, change->region));
              g_assert (index > 0);
              track_add (&((Region *) g_ptr_array_index (self->regions, index - 1))->options[o], day, change);
            }
        }
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);
      sort_changes (region->history.alignment);
      sort_changes (region->history.eu);
      for (guint o = 0; o < self->option_ids->len; o++)
        {
          sort_changes (region->options[o].alignment);
          sort_changes (region->options[o].eu);
        }
    }

  return self;
}

FrTimeline *
fr_timeline_ref (FrTimeline *timeline)
{
  g_return_val_if_fail (timeline != NULL, NULL);
  g_atomic_ref_count_inc (&timeline->ref_count);
  return timeline;
}

void
fr_timeline_unref (FrTimeline *timeline)
{
  if (timeline == NULL || !g_atomic_ref_count_dec (&timeline->ref_count))
    return;
  for (guint i = 0; i < timeline->regions->len; i++)
    {
      Region *region = g_ptr_array_index (timeline->regions, i);
      for (guint o = 0; o < timeline->option_ids->len; o++)
        track_clear (&region->options[o]);
      g_free (region->options);
    }
  g_ptr_array_unref (timeline->regions);
  g_hash_table_unref (timeline->region_index);
  g_free (timeline->codes);
  g_ptr_array_unref (timeline->option_ids);
  g_hash_table_unref (timeline->option_index);
  g_ptr_array_unref (timeline->option_projections);
  g_free (timeline);
}

const char *const *
fr_timeline_get_regions (FrTimeline *timeline)
{
  g_return_val_if_fail (timeline != NULL, NULL);
  return (const char *const *) timeline->codes;
}

gint32
fr_timeline_get_ceasefire_day (FrTimeline *timeline)
{
  g_return_val_if_fail (timeline != NULL, 0);
  return timeline->ceasefire_day;
}

static int
option_lookup (FrTimeline *timeline,
               const char *option_id)
{
  if (option_id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (timeline->option_index, option_id)) - 1;
}

gboolean
fr_timeline_has_option (FrTimeline *timeline,
                        const char *option_id)
{
  g_return_val_if_fail (timeline != NULL, FALSE);
  return option_lookup (timeline, option_id) >= 0;
}

FrTimelineState *
fr_timeline_get_state (FrTimeline *timeline,
                       gint32      day,
                       const char *option_id)
{
  FrTimelineState *state;

  g_return_val_if_fail (timeline != NULL, NULL);

  state = g_new0 (FrTimelineState, 1);
  state->timeline = fr_timeline_ref (timeline);
  state->n_regions = timeline->regions->len;
  state->alignment = g_new0 (guint8, MAX (state->n_regions, 1));
  state->eu = g_new0 (guint8, MAX (state->n_regions, 1));
  state->flags = g_new0 (guint8, MAX (state->n_regions, 1));
  state->zones = g_ptr_array_new ();
  fr_timeline_state_update (state, day, option_id);
  return state;
}

/* Resolves one attribute from the history and the option's track; returns
 * the value, or -1 when neither has a change on or before @day. */
static int
resolve (GArray   *history,
         GArray   *projected,
         gint32    day,
         gboolean *from_projection)
{
  int h = find_last (history, day);
  int p = projected != NULL ? find_last (projected, day) : -1;

  *from_projection = FALSE;
  if (p >= 0)
    {
      const Change *pc = &g_array_index (projected, Change, p);
      if (h < 0 || pc->day >= g_array_index (history, Change, h).day)
        {
          *from_projection = TRUE;
          return pc->value;
        }
    }
  if (h >= 0)
    return g_array_index (history, Change, h).value;
  return -1;
}

void
fr_timeline_state_update (FrTimelineState *state,
                          gint32           day,
                          const char      *option_id)
{
  FrTimeline *timeline;
  int option;

  g_return_if_fail (state != NULL);

  timeline = state->timeline;
  option = option_lookup (timeline, option_id);
  state->day = day;
  state->projection = option_id != NULL && day >= timeline->ceasefire_day;
  state->option = state->projection ? option : -1;

  for (guint i = 0; i < state->n_regions; i++)
    {
      Region *region = g_ptr_array_index (timeline->regions, i);
      Track *track = state->option >= 0 ? &region->options[state->option] : NULL;
      gboolean projected_alignment, projected_eu;
      int alignment = resolve (region->history.alignment, track ? track->alignment : NULL,
                               day, &projected_alignment);
      int eu = resolve (region->history.eu, track ? track->eu : NULL, day, &projected_eu);

      state->flags[i] = 0;
      state->alignment[i] = FR_ALIGNMENT_NONE;
      state->eu[i] = FR_EU_NONE;
      if (alignment >= 0)
        {
          state->alignment[i] = (guint8) alignment;
          state->flags[i] |= FLAG_ALIGNMENT_SET;
        }
      if (eu >= 0)
        {
          state->eu[i] = (guint8) eu;
          state->flags[i] |= FLAG_EU_SET;
        }
      if (projected_alignment)
        state->flags[i] |= FLAG_ALIGNMENT_PROJECTED;
      if (projected_eu)
        state->flags[i] |= FLAG_EU_PROJECTED;
    }

  /* Regions sort after their country ("UA" < "UA-43"), so parents are final
   * by now. */
  for (guint i = 0; i < state->n_regions; i++)
    {
      Region *region = g_ptr_array_index (timeline->regions, i);
      int parent = region->parent;

      if (parent < 0)
        continue;
      if (!(state->flags[i] & FLAG_ALIGNMENT_SET) && (state->flags[parent] & FLAG_ALIGNMENT_SET))
        {
          state->alignment[i] = state->alignment[parent];
          state->flags[i] |= state->flags[parent] & FLAG_ALIGNMENT_PROJECTED;
        }
      if (!(state->flags[i] & FLAG_EU_SET) && (state->flags[parent] & FLAG_EU_SET))
        {
          state->eu[i] = state->eu[parent];
          state->flags[i] |= state->flags[parent] & FLAG_EU_PROJECTED;
        }
    }

  g_ptr_array_set_size (state->zones, 0);
  if (state->option >= 0)
    {
      GPtrArray *list = g_ptr_array_index (timeline->option_projections, state->option);

      for (guint i = 0; i < list->len; i++)
        {
          FrProjection *projection = g_ptr_array_index (list, i);

          if (MAX (projection->day, timeline->ceasefire_day) > day)
            break;
          for (guint j = 0; projection->zones != NULL && j < projection->zones->len; j++)
            {
              FrZone *zone = g_ptr_array_index (projection->zones, j);
              gboolean replaced = FALSE;

              for (guint k = 0; zone->id != NULL && k < state->zones->len; k++)
                {
                  FrZone *other = g_ptr_array_index (state->zones, k);
                  if (g_strcmp0 (other->id, zone->id) == 0)
                    {
                      state->zones->pdata[k] = zone;
                      replaced = TRUE;
                      break;
                    }
                }
              if (!replaced)
                g_ptr_array_add (state->zones, zone);
            }
        }
    }
}

FrTimelineState *
fr_timeline_state_at (const FrModel *model,
                      gint32         day,
                      const char    *option_id)
{
  g_autoptr(FrTimeline) timeline = NULL;

  g_return_val_if_fail (model != NULL, NULL);
  timeline = fr_timeline_new (model);
  return fr_timeline_get_state (timeline, day, option_id);
}

void
fr_timeline_state_free (FrTimelineState *state)
{
  if (state == NULL)
    return;
  fr_timeline_unref (state->timeline);
  g_free (state->alignment);
  g_free (state->eu);
  g_free (state->flags);
  g_ptr_array_unref (state->zones);
  g_free (state);
}

FrTimeline *
fr_timeline_state_get_timeline (const FrTimelineState *state)
{
  g_return_val_if_fail (state != NULL, NULL);
  return state->timeline;
}

gint32
fr_timeline_state_get_day (const FrTimelineState *state)
{
  g_return_val_if_fail (state != NULL, 0);
  return state->day;
}

const char *
fr_timeline_state_get_option (const FrTimelineState *state)
{
  g_return_val_if_fail (state != NULL, NULL);
  if (state->option < 0)
    return NULL;
  return g_ptr_array_index (state->timeline->option_ids, state->option);
}

gboolean
fr_timeline_state_is_projection (const FrTimelineState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);
  return state->projection;
}

/* Row index for @region, falling back to its country; -1 when unknown. */
static int
state_row (const FrTimelineState *state,
           const char            *region)
{
  guint index;
  const char *dash;

  if (region == NULL)
    return -1;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (state->timeline->region_index, region));
  if (index > 0)
    return (int) index - 1;
  dash = strchr (region, '-');
  if (dash != NULL && dash > region)
    {
      char country[16];
      gsize len = (gsize) (dash - region);
      if (len >= sizeof country)
        return -1;
      memcpy (country, region, len);
      country[len] = '\0';
      return (int) GPOINTER_TO_UINT (g_hash_table_lookup (state->timeline->region_index, country)) - 1;
    }
  return -1;
}

FrAlignment
fr_timeline_state_get_alignment (const FrTimelineState *state,
                                 const char            *region)
{
  int row;

  g_return_val_if_fail (state != NULL, FR_ALIGNMENT_NONE);
  row = state_row (state, region);
  return row >= 0 ? (FrAlignment) state->alignment[row] : FR_ALIGNMENT_NONE;
}

FrEuStatus
fr_timeline_state_get_eu (const FrTimelineState *state,
                          const char            *region)
{
  int row;

  g_return_val_if_fail (state != NULL, FR_EU_NONE);
  row = state_row (state, region);
  return row >= 0 ? (FrEuStatus) state->eu[row] : FR_EU_NONE;
}

gboolean
fr_timeline_state_is_projected (const FrTimelineState *state,
                                const char            *region)
{
  int row;

  g_return_val_if_fail (state != NULL, FALSE);
  row = state_row (state, region);
  return row >= 0 && (state->flags[row] & FLAG_PROJECTED) != 0;
}

GPtrArray *
fr_timeline_state_get_zones (const FrTimelineState *state)
{
  g_return_val_if_fail (state != NULL, NULL);
  return state->zones;
}

gboolean
fr_timeline_status_at (const FrModel *model,
                       gint32         day,
                       const char    *option_id,
                       const char    *region,
                       FrAlignment   *alignment,
                       FrEuStatus    *eu)
{
  g_autoptr(FrTimelineState) state = NULL;
  int row;

  g_return_val_if_fail (model != NULL, FALSE);

  state = fr_timeline_state_at (model, day, option_id);
  row = state_row (state, region);
  if (alignment != NULL)
    *alignment = row >= 0 ? (FrAlignment) state->alignment[row] : FR_ALIGNMENT_NONE;
  if (eu != NULL)
    *eu = row >= 0 ? (FrEuStatus) state->eu[row] : FR_EU_NONE;
  return row >= 0;
}
