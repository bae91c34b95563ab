/* test-xml.c — .frontier documents: round trips, fixtures, schema, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-test"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fr-date.h"
#include "fr-error.h"
#include "fr-xml.h"
#include "test-xml-common.h"

#define NS "xmlns=\"https://frontierdesk.github.io/ns/frontier/1\" version=\"1\""

static FrModel *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  return fr_xml_load_bytes (bytes, "test", error);
}

static char *
save_string (const FrModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fr_xml_save_bytes (model, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* ------------------------------------------------------------------ */
/* Comparing models field by field                                     */
/* ------------------------------------------------------------------ */

static void
assert_foreign_equal (const FrForeign *a,
                      const FrForeign *b)
{
  g_assert_cmpuint (a->attributes->len, ==, b->attributes->len);
  for (guint i = 0; i < a->attributes->len; i++)
    {
      FrForeignAttribute *x = g_ptr_array_index (a->attributes, i);
      FrForeignAttribute *y = g_ptr_array_index (b->attributes, i);
      g_assert_cmpstr (x->ns, ==, y->ns);
      g_assert_cmpstr (x->prefix, ==, y->prefix);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->value, ==, y->value);
    }
  g_assert_cmpuint (a->elements->len, ==, b->elements->len);
  for (guint i = 0; i < a->elements->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->elements, i), ==, g_ptr_array_index (b->elements, i));
}

static void
assert_strings_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
assert_weights_equal (GHashTable *a,
                      GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }
  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FrWeight *x = value, *y = g_hash_table_lookup (b, key);
      g_assert_nonnull (y);
      g_assert_cmpint (x->has_interval, ==, y->has_interval);
      g_assert_cmpfloat (x->value, ==, y->value);
      if (x->has_interval)
        {
          g_assert_cmpfloat (x->low, ==, y->low);
          g_assert_cmpfloat (x->high, ==, y->high);
        }
    }
}

static void
assert_changes_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      FrStatusChange *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_assert_cmpstr (x->region, ==, y->region);
      g_assert_cmpint (x->alignment, ==, y->alignment);
      g_assert_cmpint (x->eu, ==, y->eu);
    }
}

static void
assert_models_equal (const FrModel *a,
                     const FrModel *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->author, ==, b->author);
  g_assert_cmpstr (a->language, ==, b->language);
  g_assert_cmpint (a->ceasefire_day, ==, b->ceasefire_day);

  g_assert_cmpuint (a->sources->len, ==, b->sources->len);
  for (guint i = 0; i < a->sources->len; i++)
    {
      FrSource *x = g_ptr_array_index (a->sources, i), *y = g_ptr_array_index (b->sources, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->author, ==, y->author);
      g_assert_cmpstr (x->publisher, ==, y->publisher);
      g_assert_cmpstr (x->date, ==, y->date);
      g_assert_cmpstr (x->url, ==, y->url);
      g_assert_cmpstr (x->note, ==, y->note);
    }

  g_assert_cmpuint (a->criteria->len, ==, b->criteria->len);
  for (guint i = 0; i < a->criteria->len; i++)
    {
      FrCriterion *x = g_ptr_array_index (a->criteria, i), *y = g_ptr_array_index (b->criteria, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (x->unit, ==, y->unit);
      g_assert_cmpstr (x->parent_id, ==, y->parent_id);
      g_assert_cmpint (x->is_group, ==, y->is_group);
      g_assert_cmpint (x->direction, ==, y->direction);
      g_assert_cmpint (x->has_scale, ==, y->has_scale);
      if (x->has_scale)
        {
          g_assert_cmpfloat (x->scale_min, ==, y->scale_min);
          g_assert_cmpfloat (x->scale_max, ==, y->scale_max);
        }
      g_assert_cmpuint (x->value_function->len, ==, y->value_function->len);
      for (guint j = 0; j < x->value_function->len; j++)
        {
          FrValuePoint *p = &g_array_index (x->value_function, FrValuePoint, j);
          FrValuePoint *q = &g_array_index (y->value_function, FrValuePoint, j);
          g_assert_cmpfloat (p->x, ==, q->x);
          g_assert_cmpfloat (p->value, ==, q->value);
        }
      g_assert_cmpint (x->preference.kind, ==, y->preference.kind);
      g_assert_cmpfloat (x->preference.q, ==, y->preference.q);
      g_assert_cmpfloat (x->preference.p, ==, y->preference.p);
      g_assert_cmpfloat (x->preference.s, ==, y->preference.s);
    }

  g_assert_cmpuint (g_hash_table_size (a->baseline), ==, g_hash_table_size (b->baseline));
  g_hash_table_iter_init (&iter, a->baseline);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *other = g_hash_table_lookup (b->baseline, key);
      g_assert_nonnull (other);
      g_assert_cmpfloat (*(double *) value, ==, *other);
    }

  g_assert_cmpuint (a->elements->len, ==, b->elements->len);
  for (guint i = 0; i < a->elements->len; i++)
    {
      FrElement *x = g_ptr_array_index (a->elements, i), *y = g_ptr_array_index (b->elements, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (x->category, ==, y->category);
      g_assert_cmpstr (x->source_id, ==, y->source_id);
      g_assert_cmpuint (x->effects->len, ==, y->effects->len);
      for (guint j = 0; j < x->effects->len; j++)
        {
          FrEffect *e = g_ptr_array_index (x->effects, j), *f = g_ptr_array_index (y->effects, j);
          g_assert_cmpstr (e->criterion_id, ==, f->criterion_id);
          g_assert_cmpfloat (e->delta, ==, f->delta);
        }
      assert_strings_equal (x->excludes, y->excludes);
      assert_strings_equal (x->requires, y->requires);
    }

  g_assert_cmpuint (a->options->len, ==, b->options->len);
  for (guint i = 0; i < a->options->len; i++)
    {
      FrOption *x = g_ptr_array_index (a->options, i), *y = g_ptr_array_index (b->options, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (x->color, ==, y->color);
      assert_strings_equal (x->element_ids, y->element_ids);
      g_assert_cmpuint (g_hash_table_size (x->scores), ==, g_hash_table_size (y->scores));
      g_hash_table_iter_init (&iter, x->scores);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          FrScore *s = value, *t = g_hash_table_lookup (y->scores, key);
          g_assert_nonnull (t);
          g_assert_cmpint (s->has_range, ==, t->has_range);
          g_assert_cmpfloat (s->value, ==, t->value);
          if (s->has_range)
            {
              g_assert_cmpfloat (s->low, ==, t->low);
              g_assert_cmpfloat (s->high, ==, t->high);
            }
          g_assert_cmpstr (s->rationale, ==, t->rationale);
          g_assert_cmpstr (s->source_id, ==, t->source_id);
        }
    }

  g_assert_cmpuint (a->stakeholders->len, ==, b->stakeholders->len);
  for (guint i = 0; i < a->stakeholders->len; i++)
    {
      FrStakeholder *x = g_ptr_array_index (a->stakeholders, i);
      FrStakeholder *y = g_ptr_array_index (b->stakeholders, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->color, ==, y->color);
      g_assert_cmpstr (x->rationale, ==, y->rationale);
      g_assert_cmpfloat (x->reservation, ==, y->reservation);
      assert_weights_equal (x->weights, y->weights);
    }

  g_assert_cmpuint (a->events->len, ==, b->events->len);
  for (guint i = 0; i < a->events->len; i++)
    {
      FrEvent *x = g_ptr_array_index (a->events, i), *y = g_ptr_array_index (b->events, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (x->day, ==, y->day);
      g_assert_cmpstr (x->category, ==, y->category);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (x->source_id, ==, y->source_id);
      assert_changes_equal (x->changes, y->changes);
    }

  g_assert_cmpuint (a->projections->len, ==, b->projections->len);
  for (guint i = 0; i < a->projections->len; i++)
    {
      FrProjection *x = g_ptr_array_index (a->projections, i);
      FrProjection *y = g_ptr_array_index (b->projections, i);
      g_assert_cmpstr (x->option_id, ==, y->option_id);
      g_assert_cmpint (x->day, ==, y->day);
      g_assert_cmpstr (x->description, ==, y->description);
      assert_changes_equal (x->changes, y->changes);
      g_assert_cmpuint (x->zones->len, ==, y->zones->len);
      for (guint j = 0; j < x->zones->len; j++)
        {
          FrZone *z = g_ptr_array_index (x->zones, j), *w = g_ptr_array_index (y->zones, j);
          g_assert_cmpstr (z->id, ==, w->id);
          g_assert_cmpstr (z->name, ==, w->name);
          g_assert_cmpstr (z->kind, ==, w->kind);
          g_assert_cmpint (z->closed, ==, w->closed);
          g_assert_cmpuint (z->points->len, ==, w->points->len);
          for (guint k = 0; k < z->points->len; k++)
            {
              FrLonLat *p = &g_array_index (z->points, FrLonLat, k);
              FrLonLat *q = &g_array_index (w->points, FrLonLat, k);
              g_assert_cmpfloat (p->lon, ==, q->lon);
              g_assert_cmpfloat (p->lat, ==, q->lat);
            }
        }
    }

  g_assert_cmpuint (a->layers->len, ==, b->layers->len);
  for (guint i = 0; i < a->layers->len; i++)
    {
      FrLayer *x = g_ptr_array_index (a->layers, i), *y = g_ptr_array_index (b->layers, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->visible, ==, y->visible);
      g_assert_cmpstr (x->kml, ==, y->kml);
      g_assert_cmpstr (x->href, ==, y->href);
    }

  g_assert_cmpuint (a->views->len, ==, b->views->len);
  for (guint i = 0; i < a->views->len; i++)
    {
      FrView *x = g_ptr_array_index (a->views, i), *y = g_ptr_array_index (b->views, i);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->notes, ==, y->notes);
      g_assert_cmpstr (x->stakeholder_id, ==, y->stakeholder_id);
      g_assert_cmpstr (x->method, ==, y->method);
      g_assert_cmpstr (x->option_id, ==, y->option_id);
      g_assert_cmpstr (x->chart, ==, y->chart);
      g_assert_cmpint (x->map_day, ==, y->map_day);
      g_assert_cmpint (x->has_extent, ==, y->has_extent);
      if (x->has_extent)
        for (int k = 0; k < 4; k++)
          g_assert_cmpfloat (x->extent[k], ==, y->extent[k]);
      assert_weights_equal (x->weights, y->weights);
    }

  assert_strings_equal (a->foreign, b->foreign);
  g_assert_cmpuint (g_hash_table_size (a->extensions), ==, g_hash_table_size (b->extensions));
  g_hash_table_iter_init (&iter, a->extensions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      FrForeign *other = g_hash_table_lookup (b->extensions, key);
      if (other == NULL)
        g_error ("extension at “%s” was lost", (const char *) key);
      assert_foreign_equal (value, other);
    }
}

/* ------------------------------------------------------------------ */
/* Random documents                                                    */
/* ------------------------------------------------------------------ */

static const char *const words[] = {
  "security", "Київ", "neutrality", "guarantee", "&", "<", ">", "\"quoted\"", "'apostrophe'",
  "Finland–Sweden", "€200bn", "Ünïcödé", "a\tb", "line\nbreak", "CR\rLF", "]]>", "100%",
  "Article 5", "😀", "x", "NATO", "ÆØÅ", "Россия", "--", "#", "\\", "{}", "😀😀",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int n = g_rand_int_range (rand, 1, 6);

  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  /* Leading and trailing white space is not part of a text in the format. */
  g_strstrip (text->str);
  if (text->str[0] == '\0')
    g_string_assign (text, "text");
  return g_string_free (text, FALSE);
}

static char *
maybe_text (GRand *rand)
{
  return g_rand_boolean (rand) ? random_text (rand) : NULL;
}

static char *
random_id (GRand      *rand,
           const char *prefix,
           guint       index)
{
  static const char tail[] = "abcxyz019-_.";
  GString *id = g_string_new (prefix);

  g_string_append_printf (id, "%u", index);
  for (int i = g_rand_int_range (rand, 0, 4); i > 0; i--)
    g_string_append_c (id, tail[g_rand_int_range (rand, 0, sizeof tail - 1)]);
  return g_string_free (id, FALSE);
}

/* Numbers of every kind the writer must spell exactly: integers, short
 * decimals, full-precision doubles, tiny ones. */
static double
random_number (GRand  *rand,
               double  low,
               double  high)
{
  double value;

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      value = floor (g_rand_double_range (rand, low, high));
      break;
    case 1:
      value = round (g_rand_double_range (rand, low, high) * 100) / 100;
      break;
    case 2:
      value = g_rand_double_range (rand, low, high);
      break;
    default:
      value = low + (high - low) * g_rand_double (rand) * 1e-9;
      break;
    }
  return CLAMP (value, low, high);
}

static gint32
random_day (GRand *rand)
{
  return fr_day_from_ymd (g_rand_int_range (rand, 1900, 2100), g_rand_int_range (rand, 1, 13),
                          g_rand_int_range (rand, 1, 29));
}

static char *
random_color (GRand *rand)
{
  return g_strdup_printf ("#%06x", g_rand_int_range (rand, 0, 0x1000000));
}

static void
add_extension (FrModel    *model,
               GRand      *rand,
               const char *path)
{
  FrForeign *foreign;
  FrForeignAttribute *attr;

  if (g_rand_int_range (rand, 0, 8) != 0)
    return;
  foreign = fr_foreign_new ();
  if (g_rand_boolean (rand))
    {
      attr = g_new0 (FrForeignAttribute, 1);
      attr->ns = g_strdup ("urn:example:ext");
      attr->prefix = g_strdup ("ext");
      attr->name = g_strdup ("note");
      attr->value = random_text (rand);
      g_ptr_array_add (foreign->attributes, attr);
    }
  if (g_rand_boolean (rand))
    {
      attr = g_new0 (FrForeignAttribute, 1);
      attr->ns = g_strdup ("http://www.w3.org/XML/1998/namespace");
      attr->prefix = g_strdup ("xml");
      attr->name = g_strdup ("lang");
      attr->value = g_strdup ("uk");
      g_ptr_array_add (foreign->attributes, attr);
    }
  if (foreign->attributes->len == 0 || g_rand_boolean (rand))
    g_ptr_array_add (foreign->elements,
                     g_strdup ("<ext:flag xmlns:ext=\"urn:example:ext\" level=\"2\">kept &amp; "
                               "<ext:b>as is</ext:b></ext:flag>"));
  if (g_rand_int_range (rand, 0, 4) == 0)
    /* Elements in no namespace inside kept markup (found by fuzz-document). */
    g_ptr_array_add (foreign->elements,
                     g_strdup ("<ext:area xmlns:ext=\"urn:example:ext\" xmlns=\"\">"
                               "<plain n=\"1\"><deeper/></plain></ext:area>"));
  g_hash_table_insert (model->extensions, g_strdup (path), foreign);
}

static GPtrArray *
leaves_of (FrModel *model)
{
  return fr_model_leaf_criteria (model);
}

static FrModel *
random_model (GRand *rand)
{
  FrModel *model = fr_model_new ();
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n;

  model->title = maybe_text (rand);
  model->description = maybe_text (rand);
  model->author = maybe_text (rand);
  model->language = g_rand_boolean (rand) ? g_strdup ("en") : NULL;
  model->ceasefire_day = g_rand_boolean (rand) ? random_day (rand) : 0;
  add_extension (model, rand, "meta");
  add_extension (model, rand, "meta/title");

  n = g_rand_int_range (rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = random_id (rand, "src", i);
      g_autofree char *title = random_text (rand);
      g_autofree char *path = g_strconcat ("source:", id, NULL);
      FrSource *source = fr_source_new (id, title);
      source->author = maybe_text (rand);
      source->publisher = maybe_text (rand);
      source->date = g_rand_boolean (rand) ? g_strdup ("2025-01-07") : NULL;
      source->url = g_rand_boolean (rand) ? g_strdup ("https://example.org/a?b=1&c=2") : NULL;
      source->note = maybe_text (rand);
      g_ptr_array_add (model->sources, source);
      add_extension (model, rand, path);
    }

  /* A tree: each new criterion goes at the top or into an earlier group,
   * then the array is put in tree order as the loader produces it. */
  n = g_rand_int_range (rand, 1, 10);
  {
    g_autoptr(GPtrArray) flat = g_ptr_array_new ();
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *id = random_id (rand, "c", i);
        g_autofree char *name = random_text (rand);
        g_autofree char *path = g_strconcat ("criterion:", id, NULL);
        FrCriterion *c = fr_criterion_new (id, name);

        c->is_group = g_rand_int_range (rand, 0, 4) == 0;
        if (groups->len > 0 && g_rand_boolean (rand))
          c->parent_id = g_strdup (((FrCriterion *) g_ptr_array_index (groups, g_rand_int_range (rand, 0, groups->len)))->id);
        c->description = maybe_text (rand);
        if (!c->is_group)
          {
            c->unit = maybe_text (rand);
            c->direction = g_rand_boolean (rand) ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;
            c->has_scale = g_rand_int_range (rand, 0, 4) != 0;
            if (c->has_scale)
              {
                c->scale_min = random_number (rand, -100, 50);
                c->scale_max = c->scale_min + 1 + random_number (rand, 0, 1000);
              }
            if (g_rand_boolean (rand))
              {
                double lo = c->has_scale ? c->scale_min : -50, hi = c->has_scale ? c->scale_max : 50;
                int points = g_rand_int_range (rand, 2, 6);
                for (int k = 0; k < points; k++)
                  {
                    FrValuePoint p = { k == points - 1 ? hi : lo + (hi - lo) * k / (points - 1),
                                       random_number (rand, 0, 1) };
                    g_array_append_val (c->value_function, p);
                  }
              }
            c->preference.kind = (FrPreferenceKind) g_rand_int_range (rand, 0, 6);
            if (g_rand_boolean (rand))
              {
                c->preference.q = random_number (rand, 0, 5);
                c->preference.p = c->preference.q + random_number (rand, 0, 5);
                c->preference.s = random_number (rand, 0, 5);
              }
          }
        g_ptr_array_add (flat, c);
        if (c->is_group)
          g_ptr_array_add (groups, c);
        add_extension (model, rand, path);
      }
    /* Tree order: depth-first from the top level, children in the order
     * they were made. */
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();
      for (guint i = flat->len; i > 0; i--)
        if (((FrCriterion *) g_ptr_array_index (flat, i - 1))->parent_id == NULL)
          g_ptr_array_add (stack, g_ptr_array_index (flat, i - 1));
      while (stack->len > 0)
        {
          FrCriterion *c = g_ptr_array_steal_index (stack, stack->len - 1);
          g_ptr_array_add (model->criteria, c);
          for (guint i = flat->len; i > 0; i--)
            {
              FrCriterion *child = g_ptr_array_index (flat, i - 1);
              if (g_strcmp0 (child->parent_id, c->id) == 0)
                g_ptr_array_add (stack, child);
            }
        }
      g_assert_cmpuint (model->criteria->len, ==, flat->len);
    }
  }
  leaves = leaves_of (model);

#define RANDOM_LEAF() ((FrCriterion *) g_ptr_array_index (leaves, g_rand_int_range (rand, 0, leaves->len)))
#define IN_SCALE(c) ((c)->has_scale ? random_number (rand, (c)->scale_min, (c)->scale_max) \
                                    : random_number (rand, -1000, 1000))

  for (guint i = 0; i < leaves->len; i++)
    if (g_rand_boolean (rand))
      {
        FrCriterion *c = g_ptr_array_index (leaves, i);
        double value = IN_SCALE (c);
        g_autofree char *path = g_strconcat ("baseline/value:", c->id, NULL);
        g_hash_table_insert (model->baseline, g_strdup (c->id), g_memdup2 (&value, sizeof value));
        add_extension (model, rand, path);
      }

  n = g_rand_int_range (rand, 0, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = random_id (rand, "el", i);
      g_autofree char *name = random_text (rand);
      FrElement *e = fr_element_new (id, name);
      g_ptr_array_add (model->elements, e);
      e->description = maybe_text (rand);
      e->category = g_rand_boolean (rand) ? g_strdup ("military") : NULL;
      if (model->sources->len > 0 && g_rand_boolean (rand))
        e->source_id = g_strdup (((FrSource *) g_ptr_array_index (model->sources, 0))->id);
      for (guint j = 0; j < leaves->len; j++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            FrCriterion *c = g_ptr_array_index (leaves, j);
            double span = c->has_scale ? c->scale_max - c->scale_min : 100;
            g_ptr_array_add (e->effects, fr_effect_new (c->id, random_number (rand, -span, span)));
          }
    }
  for (guint i = 0; i < model->elements->len; i++)
    {
      FrElement *e = g_ptr_array_index (model->elements, i);
      g_autofree char *path = g_strconcat ("element:", e->id, NULL);
      for (guint j = 0; j < model->elements->len; j++)
        {
          FrElement *other = g_ptr_array_index (model->elements, j);
          int roll = g_rand_int_range (rand, 0, 6);
          if (i == j)
            continue;
          if (roll == 0)
            g_ptr_array_add (e->excludes, g_strdup (other->id));
          else if (roll == 1)
            g_ptr_array_add (e->requires, g_strdup (other->id));
        }
      add_extension (model, rand, path);
    }

  n = g_rand_int_range (rand, 0, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = random_id (rand, "opt", i);
      g_autofree char *name = random_text (rand);
      g_autofree char *path = g_strconcat ("option:", id, NULL);
      FrOption *o = fr_option_new (id, name);
      g_ptr_array_add (model->options, o);
      o->description = maybe_text (rand);
      o->color = g_rand_boolean (rand) ? random_color (rand) : NULL;
      for (guint j = 0; j < model->elements->len; j++)
        if (g_rand_boolean (rand))
          g_ptr_array_add (o->element_ids, g_strdup (((FrElement *) g_ptr_array_index (model->elements, j))->id));
      for (guint j = 0; j < leaves->len; j++)
        if (g_rand_int_range (rand, 0, 4) != 0)
          {
            FrCriterion *c = g_ptr_array_index (leaves, j);
            FrScore *s = fr_score_new (IN_SCALE (c));
            g_autofree char *score_path = g_strdup_printf ("%s/score:%s", path, c->id);
            if (g_rand_boolean (rand))
              {
                double lo = c->has_scale ? c->scale_min : -1000, hi = c->has_scale ? c->scale_max : 1000;
                s->has_range = TRUE;
                s->low = random_number (rand, lo, s->value);
                s->high = random_number (rand, s->value, hi);
              }
            s->rationale = maybe_text (rand);
            if (model->sources->len > 0 && g_rand_boolean (rand))
              s->source_id = g_strdup (((FrSource *) g_ptr_array_index (model->sources, g_rand_int_range (rand, 0, model->sources->len)))->id);
            g_hash_table_insert (o->scores, g_strdup (c->id), s);
            add_extension (model, rand, score_path);
          }
      add_extension (model, rand, path);
    }

  n = g_rand_int_range (rand, 0, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = random_id (rand, "sh", i);
      g_autofree char *name = random_text (rand);
      g_autofree char *path = g_strconcat ("stakeholder:", id, NULL);
      FrStakeholder *s = fr_stakeholder_new (id, name);
      g_ptr_array_add (model->stakeholders, s);
      s->color = g_rand_boolean (rand) ? random_color (rand) : NULL;
      s->rationale = maybe_text (rand);
      s->reservation = g_rand_boolean (rand) ? random_number (rand, 0, 1) : 0;
      for (guint j = 0; j < leaves->len; j++)
        if (g_rand_boolean (rand))
          {
            FrWeight *w = fr_weight_new (random_number (rand, 0, 1));
            if (g_rand_boolean (rand))
              {
                w->has_interval = TRUE;
                w->low = random_number (rand, 0, w->value);
                w->high = random_number (rand, w->value, 2);
              }
            g_hash_table_insert (s->weights, g_strdup (((FrCriterion *) g_ptr_array_index (leaves, j))->id), w);
          }
      add_extension (model, rand, path);
    }

  n = g_rand_int_range (rand, 0, 8);
  for (guint i = 0; i < n; i++)
    {
      static const char *const regions[] = { "FI", "SE", "UA", "UA-43", "UA-40", "NO", "PL", "RO" };
      g_autofree char *id = random_id (rand, "ev", i);
      g_autofree char *title = random_text (rand);
      g_autofree char *path = g_strconcat ("event:", id, NULL);
      FrEvent *e = fr_event_new (id, random_day (rand), title);
      g_ptr_array_add (model->events, e);
      e->category = g_rand_boolean (rand) ? g_strdup ("nato") : NULL;
      e->description = maybe_text (rand);
      if (model->sources->len > 0 && g_rand_boolean (rand))
        e->source_id = g_strdup (((FrSource *) g_ptr_array_index (model->sources, 0))->id);
      for (guint j = 0; j < G_N_ELEMENTS (regions); j++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          {
            FrAlignment a = (FrAlignment) g_rand_int_range (rand, -1, FR_N_ALIGNMENTS);
            FrEuStatus eu = a == FR_ALIGNMENT_UNCHANGED ? (FrEuStatus) g_rand_int_range (rand, 0, FR_N_EU_STATUSES)
                                                        : (FrEuStatus) g_rand_int_range (rand, -1, FR_N_EU_STATUSES);
            g_ptr_array_add (e->changes, fr_status_change_new (regions[j], a, eu));
          }
      add_extension (model, rand, path);
    }
  /* The model keeps events by date (stable for equal days). */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
    for (guint i = 0; i < model->events->len; i++)
      g_ptr_array_add (sorted, g_ptr_array_index (model->events, i));
    for (guint i = 1; i < sorted->len; i++)
      for (guint j = i; j > 0 && ((FrEvent *) sorted->pdata[j - 1])->day > ((FrEvent *) sorted->pdata[j])->day; j--)
        {
          gpointer t = sorted->pdata[j];
          sorted->pdata[j] = sorted->pdata[j - 1];
          sorted->pdata[j - 1] = t;
        }
    for (guint i = 0; i < sorted->len; i++)
      model->events->pdata[i] = sorted->pdata[i];
  }

  if (model->options->len > 0)
    {
      n = g_rand_int_range (rand, 0, 4);
      for (guint i = 0; i < n; i++)
        {
          FrOption *o = g_ptr_array_index (model->options, g_rand_int_range (rand, 0, model->options->len));
          FrProjection *p = fr_projection_new (o->id, random_day (rand));
          g_autofree char *path = g_strdup_printf ("projection:%u", i);
          g_ptr_array_add (model->projections, p);
          p->description = maybe_text (rand);
          if (g_rand_boolean (rand))
            g_ptr_array_add (p->changes, fr_status_change_new ("UA", FR_ALIGNMENT_NEUTRAL, FR_EU_CANDIDATE));
          for (int z = g_rand_int_range (rand, 0, 3); z > 0; z--)
            {
              g_autofree char *zid = random_id (rand, "zone", (guint) z);
              FrZone *zone = fr_zone_new (zid, g_rand_boolean (rand) ? "dmz" : "line");
              g_autofree char *zone_path = g_strdup_printf ("%s/zone:%s", path, zid);
              zone->name = maybe_text (rand);
              zone->closed = g_rand_boolean (rand);
              for (int k = g_rand_int_range (rand, 3, 7); k > 0; k--)
                {
                  FrLonLat point = { random_number (rand, -180, 180), random_number (rand, -90, 90) };
                  g_array_append_val (zone->points, point);
                }
              g_ptr_array_add (p->zones, zone);
              add_extension (model, rand, zone_path);
            }
          add_extension (model, rand, path);
        }
    }

  n = g_rand_int_range (rand, 0, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = random_id (rand, "layer", i);
      g_autofree char *name = random_text (rand);
      FrLayer *layer;

      if (g_rand_boolean (rand))
        layer = fr_layer_new (id, name,
                              "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>Front "
                              "&amp; line</name><Placemark><LineString><coordinates>37.5,47.1 "
                              "38,47.5</coordinates></LineString></Placemark></Document></kml>");
      else
        {
          layer = fr_layer_new (id, name, NULL);
          layer->href = g_strdup ("layers/front line.kml");
        }
      layer->visible = g_rand_boolean (rand);
      g_ptr_array_add (model->layers, layer);
    }

  n = g_rand_int_range (rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      static const char *const methods[] = { "wsm", "topsis", "promethee" };
      static const char *const charts[] = { "map", "ranking", "smaa", "timeline" };
      g_autofree char *id = random_id (rand, "view", i);
      g_autofree char *title = random_text (rand);
      g_autofree char *path = g_strconcat ("view:", id, NULL);
      FrView *v = fr_view_new (id, title);
      g_ptr_array_add (model->views, v);
      v->notes = maybe_text (rand);
      if (model->stakeholders->len > 0 && g_rand_boolean (rand))
        v->stakeholder_id = g_strdup (((FrStakeholder *) g_ptr_array_index (model->stakeholders, 0))->id);
      if (model->options->len > 0 && g_rand_boolean (rand))
        v->option_id = g_strdup (((FrOption *) g_ptr_array_index (model->options, 0))->id);
      v->method = g_rand_boolean (rand) ? g_strdup (methods[g_rand_int_range (rand, 0, 3)]) : NULL;
      v->chart = g_rand_boolean (rand) ? g_strdup (charts[g_rand_int_range (rand, 0, 4)]) : NULL;
      v->map_day = g_rand_boolean (rand) ? random_day (rand) : 0;
      if (g_rand_boolean (rand))
        {
          v->has_extent = TRUE;
          v->extent[0] = random_number (rand, -180, 0);
          v->extent[1] = random_number (rand, -90, 0);
          v->extent[2] = random_number (rand, 1, 180);
          v->extent[3] = random_number (rand, 1, 90);
        }
      if (leaves->len > 0 && g_rand_boolean (rand))
        {
          v->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fr_weight_free);
          g_hash_table_insert (v->weights, g_strdup (RANDOM_LEAF ()->id), fr_weight_new (random_number (rand, 0, 1)));
        }
      add_extension (model, rand, path);
    }

  if (g_rand_boolean (rand))
    g_ptr_array_add (model->foreign,
                     g_strdup ("<ext:annex xmlns:ext=\"urn:example:ext\"><ext:item n=\"1\"/>\n  text</ext:annex>"));
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      /* On the root only attributes are extensions; elements there are
       * model->foreign. */
      FrForeign *root = fr_foreign_new ();
      FrForeignAttribute *attr = g_new0 (FrForeignAttribute, 1);
      attr->ns = g_strdup ("urn:example:ext");
      attr->prefix = g_strdup ("ext");
      attr->name = g_strdup ("generator");
      attr->value = random_text (rand);
      g_ptr_array_add (root->attributes, attr);
      g_hash_table_insert (model->extensions, g_strdup (""), root);
    }

#undef RANDOM_LEAF
#undef IN_SCALE
  return model;
}

static void
test_roundtrip_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250107);
  int n = g_test_thorough () ? 2000 : 250;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(FrModel) model = random_model (rand);
      g_autoptr(FrModel) loaded = NULL;
      g_autoptr(GBytes) first = NULL, second = NULL;
      g_autoptr(GError) error = NULL;

      first = fr_xml_save_bytes (model, &error);
      g_assert_no_error (error);
      if (!test_rng_valid_bytes (first))
        g_file_set_contents ("/tmp/rng-fail.frontier", g_bytes_get_data (first, NULL), g_bytes_get_size (first), NULL);
      g_assert_true (test_rng_valid_bytes (first));
      loaded = fr_xml_load_bytes (first, "random", &error);
      if (error != NULL)
        g_test_message ("%.*s", (int) g_bytes_get_size (first), (const char *) g_bytes_get_data (first, NULL));
      g_assert_no_error (error);
      assert_models_equal (model, loaded);
      second = fr_xml_save_bytes (loaded, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (first, second));
    }
}

/* ------------------------------------------------------------------ */
/* Fixtures                                                            */
/* ------------------------------------------------------------------ */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
list_fixtures (const char *subdir,
               const char *suffix)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "documents", subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

static void
test_fixtures_valid (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("valid", ".frontier");

  g_assert_cmpuint (paths->len, >=, 4);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr(GError) error = NULL;
      g_autoptr(FrModel) model = NULL, again = NULL;
      g_autoptr(GBytes) saved = NULL, resaved = NULL;

      g_test_message ("%s", path);
      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      g_assert_true (test_rng_valid (text, length));
      model = fr_xml_load_file (path, &error);
      g_assert_no_error (error);
      saved = fr_xml_save_bytes (model, &error);
      g_assert_no_error (error);
      g_assert_true (test_rng_valid_bytes (saved));
      /* Always written as UTF-8, whatever it was read in. */
      g_assert_true (g_str_has_prefix (g_bytes_get_data (saved, NULL),
                                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
      again = fr_xml_load_bytes (saved, "saved", &error);
      g_assert_no_error (error);
      assert_models_equal (model, again);
      resaved = fr_xml_save_bytes (again, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (saved, resaved));
    }
}

/* Each invalid/NAME.frontier comes with NAME.expected: the exact message. */
static void
test_fixtures_invalid (void)
{
  g_autoptr(GPtrArray) paths = list_fixtures ("invalid", ".frontier");

  g_assert_cmpuint (paths->len, >=, 20);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".frontier"));
      g_autofree char *expected_path = g_strconcat (stem, ".expected", NULL);
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(FrModel) model = NULL;

      g_test_message ("%s", path);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      g_strchomp (expected);
      model = fr_xml_load_file (path, &error);
      g_assert_null (model);
      g_assert_nonnull (error);
      g_assert_true (error->domain == FR_ERROR);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_fixture_content (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "documents", "valid", "full.frontier", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = fr_xml_load_file (path, &error);
  FrCriterion *deterrence;
  FrOption *option;
  FrScore *score;
  FrStakeholder *ua;
  FrEvent *event;
  FrProjection *projection;
  FrZone *zone;
  FrView *view;
  FrForeign *foreign;
  FrLayer *layer;

  g_assert_no_error (error);
  g_assert_cmpstr (model->title, ==, "Ukraine's post-war security options");
  g_assert_cmpstr (model->description, ==,
                   "Scores are illustrative judgements for users to change.\nSecond line.");
  g_assert_cmpint (model->ceasefire_day, ==, fr_day_from_ymd (2026, 1, 1));
  g_assert_cmpuint (model->sources->len, ==, 2);
  g_assert_cmpstr (((FrSource *) model->sources->pdata[0])->note, ==, "A policy brief.");

  g_assert_cmpuint (model->criteria->len, ==, 4);
  deterrence = fr_model_find_criterion (model, "deterrence");
  g_assert_cmpstr (deterrence->parent_id, ==, "security");
  g_assert_true (deterrence->has_scale);
  g_assert_cmpfloat (deterrence->scale_max, ==, 10);
  g_assert_cmpuint (deterrence->value_function->len, ==, 3);
  g_assert_cmpfloat (g_array_index (deterrence->value_function, FrValuePoint, 1).value, ==, 0.7);
  g_assert_cmpint (deterrence->preference.kind, ==, FR_PREF_LINEAR);
  g_assert_cmpfloat (deterrence->preference.p, ==, 2);
  g_assert_cmpint (fr_model_find_criterion (model, "cost")->direction, ==, FR_DIRECTION_COST);
  g_assert_true (fr_model_find_criterion (model, "security")->is_group);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (model->baseline, "cost"), ==, 10.5);

  g_assert_cmpstr (((FrElement *) model->elements->pdata[1])->requires->pdata[0], ==, "article-5");
  option = fr_model_find_option (model, "armed-neutrality");
  g_assert_cmpstr (option->color, ==, "#009e73");
  score = g_hash_table_lookup (option->scores, "deterrence");
  g_assert_true (score->has_range);
  g_assert_cmpfloat (score->low, ==, 4);
  g_assert_cmpfloat (score->high, ==, 7);
  g_assert_cmpstr (score->rationale, ==, "A large trained reserve & a fortified line.");
  g_assert_cmpstr (score->source_id, ==, "rumer2025");

  ua = fr_model_find_stakeholder (model, "ua");
  g_assert_cmpstr (ua->color, ==, "#0057b7");
  g_assert_cmpfloat (ua->reservation, ==, 0.45);
  g_assert_true (((FrWeight *) g_hash_table_lookup (ua->weights, "deterrence"))->has_interval);

  /* Sorted by date on load. */
  event = model->events->pdata[0];
  g_assert_cmpstr (event->id, ==, "se-eu");
  g_assert_cmpint (((FrStatusChange *) event->changes->pdata[1])->alignment, ==, FR_ALIGNMENT_OCCUPIED);
  g_assert_cmpint (((FrStatusChange *) event->changes->pdata[0])->alignment, ==, FR_ALIGNMENT_UNCHANGED);
  g_assert_cmpint (((FrStatusChange *) event->changes->pdata[0])->eu, ==, FR_EU_MEMBER);

  projection = model->projections->pdata[0];
  zone = projection->zones->pdata[1];
  g_assert_false (zone->closed);
  g_assert_cmpfloat (g_array_index (zone->points, FrLonLat, 0).lon, ==, -1.25);

  layer = model->layers->pdata[0];
  g_assert_false (layer->visible);
  g_assert_cmpstr (layer->kml, ==,
                   "<kml:kml xmlns:kml=\"http://www.opengis.net/kml/2.2\"><kml:Document><kml:name>"
                   "Front</kml:name></kml:Document></kml:kml>");
  g_assert_cmpstr (((FrLayer *) model->layers->pdata[1])->href, ==, "front.kml");

  view = fr_model_find_view (model, "v1");
  g_assert_true (view->has_extent);
  g_assert_cmpfloat (view->extent[3], ==, 75);
  g_assert_cmpint (view->map_day, ==, fr_day_from_ymd (2025, 1, 7));

  /* Markup of another namespace is kept where it was. */
  foreign = g_hash_table_lookup (model->extensions, "option:armed-neutrality/score:cost");
  g_assert_nonnull (foreign);
  g_assert_cmpstr (((FrForeignAttribute *) foreign->attributes->pdata[0])->value, ==, "low");
  g_assert_cmpuint (model->foreign->len, ==, 1);
  g_assert_cmpstr (model->foreign->pdata[0], ==,
                   "<ext:annotation xmlns:ext=\"urn:example:extension\" author=\"someone\">Kept "
                   "<ext:b>verbatim</ext:b>.</ext:annotation>");
}

/* ------------------------------------------------------------------ */
/* Forward compatibility, encodings, numbers                           */
/* ------------------------------------------------------------------ */

static void
test_newer_version_kept (void)
{
  const char *text =
    "<frontier " NS " released=\"2027\">\n"
    "  <criteria>\n"
    "    <criterion id=\"c\" name=\"C\" weight-hint=\"3\">\n"
    "      <future-setting mode=\"x\"><detail/></future-setting>\n"
    "    </criterion>\n"
    "  </criteria>\n"
    "  <options>\n"
    "    <option id=\"o\" name=\"O\" rank=\"1\">\n"
    "      <score criterion=\"c\" value=\"1\" confidence=\"0.9\">why<footnote>n</footnote></score>\n"
    "    </option>\n"
    "  </options>\n"
    "  <scenarios><scenario id=\"s\"/></scenarios>\n"
    "</frontier>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = load_string (text, &error);
  g_autoptr(FrModel) again = NULL;
  g_autofree char *saved = NULL, *resaved = NULL;

  g_assert_no_error (error);
  saved = save_string (model);
  g_assert_nonnull (strstr (saved, "<frontier xmlns=\"https://frontierdesk.github.io/ns/frontier/1\" "
                                   "version=\"1\" released=\"2027\">"));
  g_assert_nonnull (strstr (saved, "<criterion id=\"c\" name=\"C\" direction=\"benefit\" weight-hint=\"3\">\n"
                                   "      <future-setting xmlns=\"https://frontierdesk.github.io/ns/frontier/1\" "
                                   "mode=\"x\"><detail/></future-setting>\n"));
  g_assert_nonnull (strstr (saved, "<option id=\"o\" name=\"O\" rank=\"1\">"));
  g_assert_nonnull (strstr (saved, "<score criterion=\"c\" value=\"1\" confidence=\"0.9\">why"
                                   "<footnote xmlns=\"https://frontierdesk.github.io/ns/frontier/1\">n"
                                   "</footnote></score>"));
  g_assert_nonnull (strstr (saved, "  <scenarios xmlns=\"https://frontierdesk.github.io/ns/frontier/1\">"
                                   "<scenario id=\"s\"/></scenarios>\n</frontier>\n"));
  g_assert_cmpstr (((FrScore *) g_hash_table_lookup (fr_model_find_option (model, "o")->scores, "c"))->rationale,
                   ==, "why");
  again = load_string (saved, &error);
  g_assert_no_error (error);
  assert_models_equal (model, again);
  resaved = save_string (again);
  g_assert_cmpstr (saved, ==, resaved);
}

static void
test_utf16 (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
    "<frontier " NS "><meta><title>Київ — 😀 &amp; co</title></meta></frontier>\n";
  g_autoptr(GError) error = NULL;

  for (int big_endian = 0; big_endian <= 1; big_endian++)
    {
      g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
      GByteArray *data = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(FrModel) model = NULL;
      g_autofree char *saved = NULL;
      guint8 bom[2] = { big_endian ? 0xFE : 0xFF, big_endian ? 0xFF : 0xFE };

      g_byte_array_append (data, bom, 2);
      for (gsize i = 0; units[i] != 0; i++)
        {
          guint8 pair[2] = { big_endian ? units[i] >> 8 : units[i] & 0xFF,
                             big_endian ? units[i] & 0xFF : units[i] >> 8 };
          g_byte_array_append (data, pair, 2);
        }
      bytes = g_byte_array_free_to_bytes (data);
      model = fr_xml_load_bytes (bytes, "utf16", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (model->title, ==, "Київ — 😀 & co");
      saved = save_string (model);
      g_assert_true (g_str_has_prefix (saved, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
      g_assert_nonnull (strstr (saved, "<title>Київ — 😀 &amp; co</title>"));
    }

  /* A UTF-8 byte-order mark is accepted too. */
  {
    g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", "<frontier " NS "/>", NULL);
    g_autoptr(FrModel) model = load_string (with_bom, &error);
    g_assert_no_error (error);
    g_assert_nonnull (model);
  }
}

static void
test_numbers (void)
{
  static const struct {
    const char *written;
    double value;
    const char *saved;
  } cases[] = {
    { "0.1", 0.1, "0.1" },
    { "+2.50", 2.5, "2.5" },
    { " 7 ", 7, "7" },
    { ".5", 0.5, "0.5" },
    { "5.", 5, "5" },
    { "-0.000001", -0.000001, "-0.000001" },
    { "123456789012345", 123456789012345.0, "123456789012345" },
    { "1000000000000000", 1e15, "1000000000000000" },
    { "0.30000000000000004", 0.30000000000000004, "0.30000000000000004" },
    { "0.000000000000000000000000000000000000000001", 1e-42, "0.000000000000000000000000000000000000000001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("<frontier " NS "><criteria><criterion id=\"c\" name=\"C\"/>"
                                               "</criteria><elements><baseline><value criterion=\"c\" "
                                               "value=\"%s\"/></baseline></elements></frontier>",
                                               cases[i].written);
      g_autoptr(GError) error = NULL;
      g_autoptr(FrModel) model = load_string (text, &error);
      g_autofree char *saved = NULL, *expected = NULL;

      g_assert_no_error (error);
      g_assert_cmpfloat (*(double *) g_hash_table_lookup (model->baseline, "c"), ==, cases[i].value);
      saved = save_string (model);
      expected = g_strdup_printf ("<value criterion=\"c\" value=\"%s\"/>", cases[i].saved);
      g_assert_nonnull (strstr (saved, expected));
    }
}

/* Values the app could put in a model that a document cannot hold. */
static void
test_save_refuses (void)
{
  g_autoptr(FrModel) model = fr_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FrCriterion *c = fr_criterion_new ("c", "C");
  FrOption *o = fr_option_new ("o", "O");
  double nan_value = NAN;

  g_ptr_array_add (model->criteria, c);
  g_ptr_array_add (model->options, o);
  g_hash_table_insert (o->scores, g_strdup ("c"), fr_score_new (nan_value));
  bytes = fr_xml_save_bytes (model, &error);
  g_assert_null (bytes);
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not finite"));
  g_clear_error (&error);

  g_hash_table_remove_all (o->scores);
  g_hash_table_insert (o->scores, g_strdup ("gone"), fr_score_new (1));
  bytes = fr_xml_save_bytes (model, &error);
  g_assert_null (bytes);
  g_assert_cmpstr (error->message, ==, "The document cannot be saved: option “o” has a value for "
                                       "“gone”, which is not a criterion of the document");
  g_clear_error (&error);

  g_hash_table_remove_all (o->scores);
  g_free (o->name);
  o->name = g_strdup ("bell\a");
  bytes = fr_xml_save_bytes (model, &error);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "control character (U+0007)"));
}

/* ------------------------------------------------------------------ */
/* Saving to disk                                                      */
/* ------------------------------------------------------------------ */

static FrModel *
small_model (const char *title)
{
  FrModel *model = fr_model_new ();
  model->title = g_strdup (title);
  return model;
}

static char *
read_file (const char *path)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_save_file_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("frontier-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.frontier", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.frontier", NULL);
  g_autoptr(FrModel) first = small_model ("first");
  g_autoptr(FrModel) second = small_model ("second");
  g_autoptr(FrModel) third = small_model ("third");
  g_autoptr(FrModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  g_assert_true (fr_xml_save_file (first, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  g_assert_true (fr_xml_save_file (second, path, &error));
  g_assert_no_error (error);
  loaded = fr_xml_load_file (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "first");
  g_clear_pointer (&loaded, fr_model_free);
  loaded = fr_xml_load_file (path, &error);
  g_assert_cmpstr (loaded->title, ==, "second");
  /* The mode of the file it replaces is kept. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Through a symbolic link: the link stays, its target is replaced. */
  g_assert_cmpint (symlink ("doc.frontier", link_path), ==, 0);
  g_assert_true (fr_xml_save_file (third, link_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_file (path);
  g_assert_nonnull (strstr (text, "<title>third</title>"));
  g_clear_pointer (&text, g_free);
  text = read_file (backup);
  g_assert_nonnull (strstr (text, "<title>second</title>"));

  g_unlink (link_path);
  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_file_unwritable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("frontier-save-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "doc.frontier", NULL);
  g_autoptr(FrModel) model = small_model ("doc");
  g_autoptr(GError) error = NULL;

  /* Root may write into any folder, but not into a path whose "folder" is a
   * regular file, nor into /proc. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (fr_xml_save_file (model, inside, &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "The document was not saved, and the previous "
                                                   "version is unchanged: "));
  g_assert_nonnull (strstr (error->message, "Not a directory"));
  g_clear_error (&error);

  g_assert_false (fr_xml_save_file (model, "/proc/frontier-test.frontier", &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_IO);
  g_assert_false (g_file_test ("/proc/frontier-test.frontier", G_FILE_TEST_EXISTS));

  g_unlink (blocker);
  g_rmdir (dir);
}

/* A full disk, for real: in a child process whose file size limit is
 * smaller than the document, write() fails with EFBIG (SIGXFSZ is ignored)
 * after a short write, exactly as on a disk that fills up. The child is
 * this program run again with --save-with-small-file-limit. */
static const char *program_path;

static int
save_with_small_file_limit (const char *path)
{
  FrModel *model = small_model ("new");
  GError *error = NULL;
  struct rlimit limit = { 4096, 4096 };
  GString *description = g_string_new (NULL);
  int status = 0;

  for (int i = 0; i < 2000; i++)
    g_string_append (description, "A long description that does not fit. ");
  model->description = g_string_free (description, FALSE);
  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    status = 2;
  else if (fr_xml_save_file (model, path, &error))
    status = 3;
  else if (error->domain != FR_ERROR || error->code != FR_ERROR_IO ||
           !g_str_has_prefix (error->message, "The document was not saved, and the previous "
                                              "version is unchanged: ") ||
           strstr (error->message, "File too large") == NULL)
    {
      fprintf (stderr, "unexpected error: %s\n", error->message);
      status = 4;
    }
  g_clear_error (&error);
  fr_model_free (model);
  return status;
}

static void
test_save_file_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("frontier-full-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.frontier", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;
  int wait_status;

  {
    g_autoptr(FrModel) old = small_model ("old");
    g_autoptr(GError) error = NULL;
    g_assert_true (fr_xml_save_file (old, path, &error));
  }

  {
    /* The test program itself, run again to do only the save. */
    const char *argv[] = { program_path, "--save-with-small-file-limit", path, NULL };
    g_autoptr(GError) error = NULL;
    g_autofree char *err = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &err, &wait_status, &error));
    g_assert_no_error (error);
    g_test_message ("%s", err);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  }

  text = read_file (path);
  g_assert_nonnull (strstr (text, "<title>old</title>"));
  /* No temporary file is left behind; the backup is the old version. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *content = read_file (file);
      g_assert_true (g_str_equal (name, "doc.frontier") || g_str_equal (name, "doc.frontier~"));
      g_assert_nonnull (strstr (content, "<title>old</title>"));
      g_unlink (file);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 1);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* The bundled scenario                                                */
/* ------------------------------------------------------------------ */

static void
test_scenario (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios",
                                            "ukraine-security-options.frontier", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL, again = NULL;
  g_autoptr(GBytes) saved = NULL, resaved = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_true (test_rng_valid (text, length));
  model = fr_xml_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (model->options->len, >=, 1);
  saved = fr_xml_save_bytes (model, &error);
  g_assert_no_error (error);
  g_assert_true (test_rng_valid_bytes (saved));
  again = fr_xml_load_bytes (saved, "scenario", &error);
  g_assert_no_error (error);
  /* load → save keeps every field. */
  assert_models_equal (model, again);
  resaved = fr_xml_save_bytes (again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, resaved));
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--save-with-small-file-limit"))
    return save_with_small_file_limit (argv[2]);
  program_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/xml/roundtrip/random", test_roundtrip_random);
  g_test_add_func ("/core/xml/fixtures/valid", test_fixtures_valid);
  g_test_add_func ("/core/xml/fixtures/invalid", test_fixtures_invalid);
  g_test_add_func ("/core/xml/fixtures/content", test_fixture_content);
  g_test_add_func ("/core/xml/newer-version", test_newer_version_kept);
  g_test_add_func ("/core/xml/utf16", test_utf16);
  g_test_add_func ("/core/xml/numbers", test_numbers);
  g_test_add_func ("/core/xml/save/refuses", test_save_refuses);
  g_test_add_func ("/core/xml/save/backup", test_save_file_backup);
  g_test_add_func ("/core/xml/save/unwritable", test_save_file_unwritable);
  g_test_add_func ("/core/xml/save/full-disk", test_save_file_full_disk);
  g_test_add_func ("/core/xml/scenario", test_scenario);

  status = g_test_run ();
  test_free_schema ();
  return status;
}
