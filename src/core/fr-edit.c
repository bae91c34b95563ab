/* fr-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fr-edit.h"
#include "fr-import.h"

static GPtrArray *
array_of (FrModel    *model,
          FrEditKind  kind)
{
  switch (kind)
    {
    case FR_EDIT_CRITERION: return model->criteria;
    case FR_EDIT_ELEMENT: return model->elements;
    case FR_EDIT_STAKEHOLDER: return model->stakeholders;
    default: return NULL;
    }
}

static gpointer
find (FrModel    *model,
      FrEditKind  kind,
      const char *id,
      guint      *index)
{
  GPtrArray *array = array_of (model, kind);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      char **item_id = g_ptr_array_index (array, i);
      if (g_strcmp0 (*item_id, id) == 0)
        {
          if (index)
            *index = i;
          return item_id;
        }
    }
  return NULL;
}

static GHashTable *
taken_ids (FrModel    *model,
           FrEditKind  kind)
{
  GPtrArray *array = array_of (model, kind);
  GHashTable *taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_hash_table_add (taken, g_strdup (*(char **) g_ptr_array_index (array, i)));
  return taken;
}

static double
middle_of (const FrCriterion *criterion)
{
  return criterion->has_scale ? (criterion->scale_min + criterion->scale_max) / 2 : 0;
}

const char *
fr_edit_add (FrModel    *model,
             FrEditKind  kind,
             const char *name)
{
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (model != NULL, NULL);
  taken = taken_ids (model, kind);
  id = fr_make_id (name, "item", taken);

  switch (kind)
    {
    case FR_EDIT_CRITERION:
      {
        FrCriterion *criterion = fr_criterion_new (id, name);
        criterion->has_scale = TRUE;
        criterion->scale_min = 0;
        criterion->scale_max = 10;
        g_ptr_array_add (model->criteria, criterion);
        for (guint i = 0; i < model->options->len; i++)
          {
            FrOption *option = g_ptr_array_index (model->options, i);
            g_hash_table_insert (option->scores, g_strdup (id), fr_score_new (middle_of (criterion)));
          }
        for (guint i = 0; i < model->stakeholders->len; i++)
          {
            FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, i);
            g_hash_table_insert (stakeholder->weights, g_strdup (id), fr_weight_new (0));
          }
        if (model->elements->len > 0)
          g_hash_table_insert (model->baseline, g_strdup (id), g_memdup2 (&(double) { middle_of (criterion) }, sizeof (double)));
        return criterion->id;
      }
    case FR_EDIT_ELEMENT:
      {
        FrElement *element = fr_element_new (id, name);
        g_ptr_array_add (model->elements, element);
        /* The first element makes bundles possible: give them a baseline. */
        if (model->elements->len == 1)
          {
            g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
            for (guint c = 0; c < leaves->len; c++)
              {
                FrCriterion *criterion = g_ptr_array_index (leaves, c);
                if (!g_hash_table_contains (model->baseline, criterion->id))
                  g_hash_table_insert (model->baseline, g_strdup (criterion->id),
                                       g_memdup2 (&(double) { middle_of (criterion) }, sizeof (double)));
              }
          }
        return element->id;
      }
    case FR_EDIT_STAKEHOLDER:
      {
        FrStakeholder *stakeholder = fr_stakeholder_new (id, name);
        g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);

        stakeholder->reservation = 0.5;
        for (guint c = 0; c < leaves->len; c++)
          g_hash_table_insert (stakeholder->weights, g_strdup (((FrCriterion *) g_ptr_array_index (leaves, c))->id),
                               fr_weight_new (1.0 / leaves->len));
        g_ptr_array_add (model->stakeholders, stakeholder);
        return stakeholder->id;
      }
    default:
      return NULL;
    }
}

gboolean
fr_edit_rename (FrModel    *model,
                FrEditKind  kind,
                const char *id,
                const char *name)
{
  char **item = find (model, kind, id, NULL);

  if (item == NULL || name == NULL || name[0] == '\0')
    return FALSE;
  /* Every identified struct has its name right after its id. */
  g_free (item[1]);
  item[1] = g_strdup (name);
  return TRUE;
}

static GHashTable *
copy_weights (GHashTable *weights)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fr_weight_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, weights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_memdup2 (value, sizeof (FrWeight)));
  return copy;
}

static void
copy_strings (GPtrArray *to,
              GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

const char *
fr_edit_duplicate (FrModel    *model,
                   FrEditKind  kind,
                   const char *id)
{
  guint index;
  char **item = find (model, kind, id, &index);
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *name = NULL;

  if (item == NULL)
    return NULL;
  taken = taken_ids (model, kind);
  new_id = fr_make_id (id, "item", taken);
  /* Translators: the name of a duplicated criterion, element or stakeholder */
  name = g_strdup_printf (_("%s (copy)"), item[1]);

  switch (kind)
    {
    case FR_EDIT_CRITERION:
      {
        FrCriterion *original = (FrCriterion *) item;
        FrCriterion *copy;

        /* A group's copy would need copies of its whole subtree. */
        if (original->is_group)
          return NULL;
        copy = fr_criterion_new (new_id, name);
        copy->description = g_strdup (original->description);
        copy->unit = g_strdup (original->unit);
        copy->parent_id = g_strdup (original->parent_id);
        copy->direction = original->direction;
        copy->has_scale = original->has_scale;
        copy->scale_min = original->scale_min;
        copy->scale_max = original->scale_max;
        g_array_append_vals (copy->value_function, original->value_function->data, original->value_function->len);
        copy->preference = original->preference;
        g_ptr_array_insert (model->criteria, (int) index + 1, copy);
        for (guint i = 0; i < model->options->len; i++)
          {
            FrOption *option = g_ptr_array_index (model->options, i);
            FrScore *score = g_hash_table_lookup (option->scores, id);
            FrScore *score_copy = fr_score_new (score ? score->value : middle_of (copy));
            if (score != NULL)
              {
                score_copy->has_range = score->has_range;
                score_copy->low = score->low;
                score_copy->high = score->high;
                score_copy->rationale = g_strdup (score->rationale);
                score_copy->source_id = g_strdup (score->source_id);
              }
            g_hash_table_insert (option->scores, g_strdup (new_id), score_copy);
          }
        for (guint i = 0; i < model->stakeholders->len; i++)
          {
            FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, i);
            g_hash_table_insert (stakeholder->weights, g_strdup (new_id), fr_weight_new (0));
          }
        if (g_hash_table_contains (model->baseline, id))
          g_hash_table_insert (model->baseline, g_strdup (new_id),
                               g_memdup2 (g_hash_table_lookup (model->baseline, id), sizeof (double)));
        return copy->id;
      }
    case FR_EDIT_ELEMENT:
      {
        FrElement *original = (FrElement *) item;
        FrElement *copy = fr_element_new (new_id, name);

        copy->description = g_strdup (original->description);
        copy->category = g_strdup (original->category);
        copy->source_id = g_strdup (original->source_id);
        for (guint i = 0; i < original->effects->len; i++)
          {
            FrEffect *effect = g_ptr_array_index (original->effects, i);
            g_ptr_array_add (copy->effects, fr_effect_new (effect->criterion_id, effect->delta));
          }
        copy_strings (copy->excludes, original->excludes);
        copy_strings (copy->requires, original->requires);
        g_ptr_array_insert (model->elements, (int) index + 1, copy);
        return copy->id;
      }
    case FR_EDIT_STAKEHOLDER:
      {
        FrStakeholder *original = (FrStakeholder *) item;
        FrStakeholder *copy = fr_stakeholder_new (new_id, name);

        copy->color = g_strdup (original->color);
        copy->rationale = g_strdup (original->rationale);
        copy->reservation = original->reservation;
        g_hash_table_unref (copy->weights);
        copy->weights = copy_weights (original->weights);
        g_ptr_array_insert (model->stakeholders, (int) index + 1, copy);
        return copy->id;
      }
    default:
      return NULL;
    }
}

/* Strictly below: under the criterion's parent. */
static gboolean
is_below (const FrModel     *model,
          const FrCriterion *criterion,
          const char        *ancestor_id)
{
  return fr_model_criterion_is_under (model, fr_model_find_criterion (model, criterion->parent_id), ancestor_id);
}

/* A criterion's span in tree order: itself and the criteria under it,
 * which follow it. */
static void
criterion_span (const FrModel     *model,
                const FrCriterion *criterion,
                guint             *start,
                guint             *end)
{
  *start = 0;
  g_ptr_array_find (model->criteria, criterion, start);
  *end = *start + 1;
  while (*end < model->criteria->len &&
         is_below (model, g_ptr_array_index (model->criteria, *end), criterion->id))
    (*end)++;
}

gboolean
fr_edit_move (FrModel    *model,
              FrEditKind  kind,
              const char *id,
              int         offset)
{
  GPtrArray *array = array_of (model, kind);
  guint index;
  gpointer item = find (model, kind, id, &index);
  int target;

  if (item == NULL || array == NULL || offset == 0)
    return FALSE;
  if (kind == FR_EDIT_CRITERION)
    {
      /* Criteria move past whole siblings (a group with its subtree) and
       * never leave their parent: find the sibling @offset steps away. */
      FrCriterion *criterion = item;
      g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
      GPtrArray *criteria = model->criteria;
      guint position = 0, span_start, span_end, other_start, other_end;

      for (guint i = 0; i < criteria->len; i++)
        {
          FrCriterion *c = g_ptr_array_index (criteria, i);
          if (g_strcmp0 (c->parent_id, criterion->parent_id) == 0)
            {
              if (c == criterion)
                position = siblings->len;
              g_ptr_array_add (siblings, c);
            }
        }
      target = (int) position + offset;
      if (target < 0 || target >= (int) siblings->len)
        return FALSE;

      {
        FrCriterion *other = g_ptr_array_index (siblings, target);
        g_autoptr(GPtrArray) moved = g_ptr_array_new ();
        guint insert_at;

        criterion_span (model, criterion, &span_start, &span_end);
        for (guint i = span_start; i < span_end; i++)
          g_ptr_array_add (moved, g_ptr_array_index (array, i));
        for (guint i = span_end; i > span_start; i--)
          g_ptr_array_steal_index (array, i - 1);
        /* Where the other sibling's span is once the moved one is out. */
        criterion_span (model, other, &other_start, &other_end);
        insert_at = offset > 0 ? other_end : other_start;
        for (guint i = 0; i < moved->len; i++)
          g_ptr_array_insert (array, (int) (insert_at + i), g_ptr_array_index (moved, i));
      }
      return TRUE;
    }
  target = (int) index + offset;
  if (target < 0 || target >= (int) array->len)
    return FALSE;
  g_ptr_array_steal_index (array, index);
  g_ptr_array_insert (array, target, item);
  return TRUE;
}

static void
remove_string (GPtrArray  *strings,
               const char *value)
{
  for (guint i = strings->len; i > 0; i--)
    if (g_strcmp0 (g_ptr_array_index (strings, i - 1), value) == 0)
      g_ptr_array_remove_index (strings, i - 1);
}

static void
forget_criterion (FrModel    *model,
                  const char *id)
{
  for (guint i = 0; i < model->options->len; i++)
    g_hash_table_remove (((FrOption *) g_ptr_array_index (model->options, i))->scores, id);
  for (guint i = 0; i < model->stakeholders->len; i++)
    g_hash_table_remove (((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->weights, id);
  for (guint i = 0; i < model->views->len; i++)
    {
      FrView *view = g_ptr_array_index (model->views, i);
      if (view->weights != NULL)
        g_hash_table_remove (view->weights, id);
    }
  for (guint i = 0; i < model->elements->len; i++)
    {
      FrElement *element = g_ptr_array_index (model->elements, i);
      for (guint e = element->effects->len; e > 0; e--)
        if (g_strcmp0 (((FrEffect *) g_ptr_array_index (element->effects, e - 1))->criterion_id, id) == 0)
          g_ptr_array_remove_index (element->effects, e - 1);
    }
  g_hash_table_remove (model->baseline, id);
}

gboolean
fr_edit_delete (FrModel    *model,
                FrEditKind  kind,
                const char *id)
{
  guint index;
  gpointer item = find (model, kind, id, &index);

  if (item == NULL)
    return FALSE;
  switch (kind)
    {
    case FR_EDIT_CRITERION:
      {
        g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);

        /* The criterion and everything under it. */
        g_ptr_array_add (doomed, g_strdup (id));
        for (guint i = 0; i < model->criteria->len; i++)
          {
            FrCriterion *c = g_ptr_array_index (model->criteria, i);
            for (guint d = 0; d < doomed->len; d++)
              if (g_strcmp0 (c->parent_id, g_ptr_array_index (doomed, d)) == 0)
                {
                  g_ptr_array_add (doomed, g_strdup (c->id));
                  break;
                }
          }
        for (guint d = 0; d < doomed->len; d++)
          {
            const char *doomed_id = g_ptr_array_index (doomed, d);
            guint at;
            forget_criterion (model, doomed_id);
            if (find (model, FR_EDIT_CRITERION, doomed_id, &at) != NULL)
              g_ptr_array_remove_index (model->criteria, at);
          }
        return TRUE;
      }
    case FR_EDIT_ELEMENT:
      for (guint i = 0; i < model->options->len; i++)
        remove_string (((FrOption *) g_ptr_array_index (model->options, i))->element_ids, id);
      for (guint i = 0; i < model->elements->len; i++)
        {
          FrElement *element = g_ptr_array_index (model->elements, i);
          remove_string (element->excludes, id);
          remove_string (element->requires, id);
        }
      g_ptr_array_remove_index (model->elements, index);
      return TRUE;
    case FR_EDIT_STAKEHOLDER:
      for (guint i = 0; i < model->views->len; i++)
        {
          FrView *view = g_ptr_array_index (model->views, i);
          if (g_strcmp0 (view->stakeholder_id, id) == 0)
            {
              g_clear_pointer (&view->stakeholder_id, g_free);
              g_clear_pointer (&view->weights, g_hash_table_unref);
            }
        }
      g_ptr_array_remove_index (model->stakeholders, index);
      return TRUE;
    default:
      return FALSE;
    }
}
