/* fr-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "fr-model.h"

#include <string.h>

static GPtrArray *
string_array_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static GHashTable *
weight_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) fr_weight_free);
}

void
fr_foreign_attribute_free (FrForeignAttribute *attribute)
{
  if (attribute == NULL)
    return;
  g_free (attribute->ns);
  g_free (attribute->prefix);
  g_free (attribute->name);
  g_free (attribute->value);
  g_free (attribute);
}

FrForeign *
fr_foreign_new (void)
{
  FrForeign *foreign = g_new0 (FrForeign, 1);
  foreign->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_foreign_attribute_free);
  foreign->elements = string_array_new ();
  return foreign;
}

void
fr_foreign_free (FrForeign *foreign)
{
  if (foreign == NULL)
    return;
  g_ptr_array_unref (foreign->attributes);
  g_ptr_array_unref (foreign->elements);
  g_free (foreign);
}

FrCriterion *
fr_criterion_new (const char *id,
                  const char *name)
{
  FrCriterion *criterion = g_new0 (FrCriterion, 1);
  criterion->id = g_strdup (id);
  criterion->name = g_strdup (name);
  criterion->direction = FR_DIRECTION_BENEFIT;
  criterion->value_function = g_array_new (FALSE, FALSE, sizeof (FrValuePoint));
  criterion->preference.kind = FR_PREF_USUAL;
  return criterion;
}

void
fr_criterion_free (FrCriterion *criterion)
{
  if (criterion == NULL)
    return;
  g_free (criterion->id);
  g_free (criterion->name);
  g_free (criterion->description);
  g_free (criterion->unit);
  g_free (criterion->parent_id);
  g_array_unref (criterion->value_function);
  g_free (criterion);
}

FrScore *
fr_score_new (double value)
{
  FrScore *score = g_new0 (FrScore, 1);
  score->value = score->low = score->high = value;
  return score;
}

void
fr_score_free (FrScore *score)
{
  if (score == NULL)
    return;
  g_free (score->rationale);
  g_free (score->source_id);
  g_free (score);
}

FrOption *
fr_option_new (const char *id,
               const char *name)
{
  FrOption *option = g_new0 (FrOption, 1);
  option->id = g_strdup (id);
  option->name = g_strdup (name);
  option->element_ids = string_array_new ();
  option->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) fr_score_free);
  return option;
}

void
fr_option_free (FrOption *option)
{
  if (option == NULL)
    return;
  g_free (option->id);
  g_free (option->name);
  g_free (option->description);
  g_free (option->color);
  g_ptr_array_unref (option->element_ids);
  g_hash_table_unref (option->scores);
  g_free (option);
}

FrEffect *
fr_effect_new (const char *criterion_id,
               double      delta)
{
  FrEffect *effect = g_new0 (FrEffect, 1);
  effect->criterion_id = g_strdup (criterion_id);
  effect->delta = delta;
  return effect;
}

void
fr_effect_free (FrEffect *effect)
{
  if (effect == NULL)
    return;
  g_free (effect->criterion_id);
  g_free (effect);
}

FrElement *
fr_element_new (const char *id,
                const char *name)
{
  FrElement *element = g_new0 (FrElement, 1);
  element->id = g_strdup (id);
  element->name = g_strdup (name);
  element->effects = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_effect_free);
  element->excludes = string_array_new ();
  element->requires = string_array_new ();
  return element;
}

void
fr_element_free (FrElement *element)
{
  if (element == NULL)
    return;
  g_free (element->id);
  g_free (element->name);
  g_free (element->description);
  g_free (element->category);
  g_free (element->source_id);
  g_ptr_array_unref (element->effects);
  g_ptr_array_unref (element->excludes);
  g_ptr_array_unref (element->requires);
  g_free (element);
}

FrWeight *
fr_weight_new (double value)
{
  FrWeight *weight = g_new0 (FrWeight, 1);
  weight->value = weight->low = weight->high = value;
  return weight;
}

void
fr_weight_free (FrWeight *weight)
{
  g_free (weight);
}

FrStakeholder *
fr_stakeholder_new (const char *id,
                    const char *name)
{
  FrStakeholder *stakeholder = g_new0 (FrStakeholder, 1);
  stakeholder->id = g_strdup (id);
  stakeholder->name = g_strdup (name);
  stakeholder->weights = weight_table_new ();
  return stakeholder;
}

void
fr_stakeholder_free (FrStakeholder *stakeholder)
{
  if (stakeholder == NULL)
    return;
  g_free (stakeholder->id);
  g_free (stakeholder->name);
  g_free (stakeholder->color);
  g_free (stakeholder->rationale);
  g_hash_table_unref (stakeholder->weights);
  g_free (stakeholder);
}

FrSource *
fr_source_new (const char *id,
               const char *title)
{
  FrSource *source = g_new0 (FrSource, 1);
  source->id = g_strdup (id);
  source->title = g_strdup (title);
  return source;
}

void
fr_source_free (FrSource *source)
{
  if (source == NULL)
    return;
  g_free (source->id);
  g_free (source->title);
  g_free (source->author);
  g_free (source->publisher);
  g_free (source->date);
  g_free (source->url);
  g_free (source->note);
  g_free (source);
}

FrStatusChange *
fr_status_change_new (const char  *region,
                      FrAlignment  alignment,
                      FrEuStatus   eu)
{
  FrStatusChange *change = g_new0 (FrStatusChange, 1);
  change->region = g_strdup (region);
  change->alignment = alignment;
  change->eu = eu;
  return change;
}

void
fr_status_change_free (FrStatusChange *change)
{
  if (change == NULL)
    return;
  g_free (change->region);
  g_free (change);
}

FrEvent *
fr_event_new (const char *id,
              gint32      day,
              const char *title)
{
  FrEvent *event = g_new0 (FrEvent, 1);
  event->id = g_strdup (id);
  event->day = day;
  event->title = g_strdup (title);
  event->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_status_change_free);
  return event;
}

void
fr_event_free (FrEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->id);
  g_free (event->category);
  g_free (event->title);
  g_free (event->description);
  g_free (event->source_id);
  g_ptr_array_unref (event->changes);
  g_free (event);
}

FrZone *
fr_zone_new (const char *id,
             const char *kind)
{
  FrZone *zone = g_new0 (FrZone, 1);
  zone->id = g_strdup (id);
  zone->kind = g_strdup (kind);
  zone->closed = TRUE;
  zone->points = g_array_new (FALSE, FALSE, sizeof (FrLonLat));
  return zone;
}

void
fr_zone_free (FrZone *zone)
{
  if (zone == NULL)
    return;
  g_free (zone->id);
  g_free (zone->name);
  g_free (zone->kind);
  g_array_unref (zone->points);
  g_free (zone);
}

FrProjection *
fr_projection_new (const char *option_id,
                   gint32      day)
{
  FrProjection *projection = g_new0 (FrProjection, 1);
  projection->option_id = g_strdup (option_id);
  projection->day = day;
  projection->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_status_change_free);
  projection->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_zone_free);
  return projection;
}

void
fr_projection_free (FrProjection *projection)
{
  if (projection == NULL)
    return;
  g_free (projection->option_id);
  g_free (projection->description);
  g_ptr_array_unref (projection->changes);
  g_ptr_array_unref (projection->zones);
  g_free (projection);
}

FrLayer *
fr_layer_new (const char *id,
              const char *name,
              const char *kml)
{
  FrLayer *layer = g_new0 (FrLayer, 1);
  layer->id = g_strdup (id);
  layer->name = g_strdup (name);
  layer->kml = g_strdup (kml);
  layer->visible = TRUE;
  return layer;
}

void
fr_layer_free (FrLayer *layer)
{
  if (layer == NULL)
    return;
  g_free (layer->id);
  g_free (layer->name);
  g_free (layer->kml);
  g_free (layer->href);
  g_free (layer);
}

FrView *
fr_view_new (const char *id,
             const char *title)
{
  FrView *view = g_new0 (FrView, 1);
  view->id = g_strdup (id);
  view->title = g_strdup (title);
  return view;
}

void
fr_view_free (FrView *view)
{
  if (view == NULL)
    return;
  g_free (view->id);
  g_free (view->title);
  g_free (view->notes);
  g_free (view->stakeholder_id);
  g_free (view->method);
  g_free (view->option_id);
  g_free (view->chart);
  g_clear_pointer (&view->weights, g_hash_table_unref);
  g_free (view);
}

FrModel *
fr_model_new (void)
{
  FrModel *model = g_new0 (FrModel, 1);
  model->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_source_free);
  model->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_criterion_free);
  model->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_element_free);
  model->baseline = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  model->options = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_option_free);
  model->stakeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_stakeholder_free);
  model->events = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_event_free);
  model->projections = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_projection_free);
  model->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_layer_free);
  model->views = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_view_free);
  model->foreign = string_array_new ();
  model->extensions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) fr_foreign_free);
  return model;
}

void
fr_model_free (FrModel *model)
{
  if (model == NULL)
    return;
  g_free (model->title);
  g_free (model->description);
  g_free (model->author);
  g_free (model->language);
  g_ptr_array_unref (model->sources);
  g_ptr_array_unref (model->criteria);
  g_ptr_array_unref (model->elements);
  g_hash_table_unref (model->baseline);
  g_ptr_array_unref (model->options);
  g_ptr_array_unref (model->stakeholders);
  g_ptr_array_unref (model->events);
  g_ptr_array_unref (model->projections);
  g_ptr_array_unref (model->layers);
  g_ptr_array_unref (model->views);
  g_ptr_array_unref (model->foreign);
  g_hash_table_unref (model->extensions);
  g_free (model);
}

/* Every identified struct starts with its `char *id`, which lets one
 * lookup serve them all. */
static gpointer
find_by_id (GPtrArray  *array,
            const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < array->len; i++)
    {
      char **item_id = g_ptr_array_index (array, i);
      if (g_strcmp0 (*item_id, id) == 0)
        return item_id;
    }
  return NULL;
}

FrCriterion *
fr_model_find_criterion (const FrModel *model,
                         const char    *id)
{
  return find_by_id (model->criteria, id);
}

FrOption *
fr_model_find_option (const FrModel *model,
                      const char    *id)
{
  return find_by_id (model->options, id);
}

FrElement *
fr_model_find_element (const FrModel *model,
                       const char    *id)
{
  return find_by_id (model->elements, id);
}

FrStakeholder *
fr_model_find_stakeholder (const FrModel *model,
                           const char    *id)
{
  return find_by_id (model->stakeholders, id);
}

FrSource *
fr_model_find_source (const FrModel *model,
                      const char    *id)
{
  return find_by_id (model->sources, id);
}

FrView *
fr_model_find_view (const FrModel *model,
                    const char    *id)
{
  return find_by_id (model->views, id);
}

GPtrArray *
fr_model_leaf_criteria (const FrModel *model)
{
  GPtrArray *leaves = g_ptr_array_new ();
  for (guint i = 0; i < model->criteria->len; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);
      if (!criterion->is_group)
        g_ptr_array_add (leaves, criterion);
    }
  return leaves;
}

gboolean
fr_model_criterion_is_under (const FrModel     *model,
                             const FrCriterion *criterion,
                             const char        *ancestor_id)
{
  g_return_val_if_fail (model != NULL, FALSE);

  /* Bounded by the number of criteria so a cycle in a bad file cannot hang. */
  for (guint steps = 0; criterion != NULL && steps <= model->criteria->len; steps++)
    {
      if (g_strcmp0 (criterion->id, ancestor_id) == 0)
        return TRUE;
      criterion = fr_model_find_criterion (model, criterion->parent_id);
    }
  return FALSE;
}

double
fr_model_criterion_weight (const FrModel       *model,
                           const FrStakeholder *stakeholder,
                           const char          *criterion_id)
{
  double total = 0.0;

  for (guint i = 0; i < model->criteria->len; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);
      FrWeight *weight;

      if (criterion->is_group || !fr_model_criterion_is_under (model, criterion, criterion_id))
        continue;
      weight = g_hash_table_lookup (stakeholder->weights, criterion->id);
      if (weight != NULL)
        total += weight->value;
    }
  return total;
}

static const char *alignment_names[FR_N_ALIGNMENTS] = {
  [FR_ALIGNMENT_NONE] = "none",
  [FR_ALIGNMENT_NATO] = "nato",
  [FR_ALIGNMENT_NEUTRAL] = "neutral",
  [FR_ALIGNMENT_RUSSIA_ALIGNED] = "russia-aligned",
  [FR_ALIGNMENT_RUSSIA] = "russia",
  [FR_ALIGNMENT_OCCUPIED] = "occupied",
  [FR_ALIGNMENT_WARSAW_PACT] = "warsaw-pact",
};

const char *
fr_alignment_to_string (FrAlignment alignment)
{
  if (alignment < 0 || alignment >= FR_N_ALIGNMENTS)
    return "unchanged";
  return alignment_names[alignment];
}

gboolean
fr_alignment_from_string (const char  *text,
                          FrAlignment *alignment)
{
  for (int i = 0; i < FR_N_ALIGNMENTS; i++)
    if (g_strcmp0 (text, alignment_names[i]) == 0)
      {
        *alignment = (FrAlignment) i;
        return TRUE;
      }
  return FALSE;
}

static const char *eu_names[FR_N_EU_STATUSES] = {
  [FR_EU_NONE] = "none",
  [FR_EU_CANDIDATE] = "candidate",
  [FR_EU_MEMBER] = "member",
};

const char *
fr_eu_status_to_string (FrEuStatus eu)
{
  if (eu < 0 || eu >= FR_N_EU_STATUSES)
    return "unchanged";
  return eu_names[eu];
}

gboolean
fr_eu_status_from_string (const char *text,
                          FrEuStatus *eu)
{
  for (int i = 0; i < FR_N_EU_STATUSES; i++)
    if (g_strcmp0 (text, eu_names[i]) == 0)
      {
        *eu = (FrEuStatus) i;
        return TRUE;
      }
  return FALSE;
}

static const char *preference_names[] = {
  [FR_PREF_USUAL] = "usual",
  [FR_PREF_USHAPE] = "ushape",
  [FR_PREF_VSHAPE] = "vshape",
  [FR_PREF_LEVEL] = "level",
  [FR_PREF_LINEAR] = "linear",
  [FR_PREF_GAUSSIAN] = "gaussian",
};

const char *
fr_preference_kind_to_string (FrPreferenceKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (preference_names))
    return "usual";
  return preference_names[kind];
}

gboolean
fr_preference_kind_from_string (const char       *text,
                                FrPreferenceKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (preference_names); i++)
    if (g_strcmp0 (text, preference_names[i]) == 0)
      {
        *kind = (FrPreferenceKind) i;
        return TRUE;
      }
  return FALSE;
}
