/* fr-deck.c — a document's views as a deck of pages, with an appendix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-chart-common.h"
#include "fr-date.h"
#include "fr-deck.h"
#include "fr-error.h"
#include "fr-export.h"
#include "fr-format.h"
#include "fr-slide.h"

/* Options per block of the score table: more would make the columns too
 * narrow to read a score and its range. */
#define OPTIONS_PER_TABLE 6

typedef enum {
  ROW_CELLS,         /* a table row */
  ROW_HEADER,        /* a table's column titles, repeated on every page */
  ROW_SUBHEADING,    /* an option's or a stakeholder's name */
  ROW_PARAGRAPH,     /* running text across the page */
} RowKind;

typedef struct _Row Row;
struct _Row {
  RowKind kind;
  GPtrArray *cells;        /* PangoLayout*, one per column */
  double *columns;         /* n_cells + 1 left edges, fractions of the width */
  double height;
  gboolean keep_with_next;
  Row *header;             /* repeated above this row on a new page; nullable */
};

typedef struct {
  char *title;
  GPtrArray *rows;         /* Row*, owned */
  guint first_page;        /* 0-based, set by pagination */
} Section;

typedef struct {
  const Section *section;
  gboolean continued;
  GPtrArray *rows;         /* Row*, borrowed */
} AppendixPage;

struct _FrDeck {
  const FrModel *model;
  FrSlideContext *slides;
  double width;
  double height;

  /* Measures and shapes every appendix text once, without hinting, so
   * the pages break the same on every surface. */
  PangoContext *pango;
  double body_size;        /* points */
  double margin;
  double padding;          /* inside table cells */
  double heading_height;
  double footer_height;

  GPtrArray *sections;     /* Section* */
  GPtrArray *pages;        /* AppendixPage* */
};

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row->columns);
  g_free (row);
}

static void
section_free (Section *section)
{
  g_free (section->title);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

static void
appendix_page_free (AppendixPage *page)
{
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static double
content_width (FrDeck *deck)
{
  return deck->width - 2 * deck->margin;
}

static PangoLayout *
make_layout (FrDeck     *deck,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (deck->pango);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, fr_theme_get (FR_THEME_LIGHT)->font_family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* A row of @n texts in columns whose relative widths are @weights. */
static Row *
add_row (FrDeck             *deck,
         Section            *section,
         RowKind             kind,
         guint               n,
         const char *const  *texts,
         const double       *weights,
         Row                *header)
{
  Row *row = g_new0 (Row, 1);
  double total = 0.0, x = 0.0, width = content_width (deck);
  double size = deck->body_size;
  gboolean bold = FALSE;

  row->kind = kind;
  row->header = header;
  row->cells = g_ptr_array_new_with_free_func (g_object_unref);
  row->columns = g_new0 (double, n + 1);
  for (guint i = 0; i < n; i++)
    total += weights != NULL ? weights[i] : 1.0;
  for (guint i = 0; i < n; i++)
    {
      row->columns[i] = x;
      x += (weights != NULL ? weights[i] : 1.0) / total;
    }
  row->columns[n] = 1.0;

  switch (kind)
    {
    case ROW_HEADER:
      bold = TRUE;
      row->keep_with_next = TRUE;
      break;
    case ROW_SUBHEADING:
      bold = TRUE;
      size = deck->body_size * 1.25;
      row->keep_with_next = TRUE;
      break;
    case ROW_CELLS:
    case ROW_PARAGRAPH:
    default:
      break;
    }

  row->height = 0;
  for (guint i = 0; i < n; i++)
    {
      double cell_width = (row->columns[i + 1] - row->columns[i]) * width - 2 * deck->padding;
      PangoLayout *layout = make_layout (deck, texts[i], size, bold, MAX (cell_width, 1.0));

      row->height = MAX (row->height, layout_height (layout));
      g_ptr_array_add (row->cells, layout);
    }
  row->height += 2 * deck->padding;
  if (kind == ROW_SUBHEADING)
    row->height += deck->padding * 2;     /* air above */
  g_ptr_array_add (section->rows, row);
  return row;
}

static Row *
add_paragraph (FrDeck     *deck,
               Section    *section,
               const char *text)
{
  const char *texts[] = { text };
  return add_row (deck, section, ROW_PARAGRAPH, 1, texts, NULL, NULL);
}

static Row *
add_subheading (FrDeck     *deck,
                Section    *section,
                const char *text,
                Row        *header)
{
  const char *texts[] = { text };
  return add_row (deck, section, ROW_SUBHEADING, 1, texts, NULL, header);
}

static Section *
add_section (FrDeck     *deck,
             const char *title)
{
  Section *section = g_new0 (Section, 1);

  section->title = g_strdup (title);
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_ptr_array_add (deck->sections, section);
  return section;
}

/* A number as written in the document: no more decimals than it has (up
 * to four), in the locale's notation. */
static char *
format_number (double value)
{
  int decimals;

  for (decimals = 0; decimals < 4; decimals++)
    {
      double scaled = value * pow (10.0, decimals);
      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        break;
    }
  return fr_format_score (value, decimals);
}

static char *
format_range (double low,
              double high)
{
  g_autofree char *a = format_number (low);
  g_autofree char *b = format_number (high);
  return g_strdup_printf ("%s–%s", a, b);
}

static char *
format_score (const FrScore *score)
{
  g_autofree char *value = NULL;
  g_autofree char *range = NULL;

  if (score == NULL)
    return g_strdup ("—");
  value = format_number (score->value);
  if (!score->has_range)
    return g_steal_pointer (&value);
  range = format_range (score->low, score->high);
  /* Translators: a score and its plausible range, "6.5 (5–8)". */
  return g_strdup_printf (_("%s (%s)"), value, range);
}

static char *
criterion_label (const FrCriterion *criterion)
{
  if (criterion->unit != NULL && criterion->unit[0] != '\0')
    return g_strdup_printf ("%s (%s)", criterion->name, criterion->unit);
  return g_strdup (criterion->name);
}

static char *
source_label (const FrModel *model,
              const char    *source_id)
{
  const FrSource *source = fr_model_find_source (model, source_id);
  GString *text;

  if (source == NULL)
    return g_strdup (_("Judgement of the document’s authors"));
  text = g_string_new (source->title);
  if (source->author != NULL && source->author[0] != '\0')
    g_string_append_printf (text, ", %s", source->author);
  if (source->date != NULL && source->date[0] != '\0')
    g_string_append_printf (text, ", %s", source->date);
  return g_string_free (text, FALSE);
}

static void
build_about (FrDeck *deck)
{
  const FrModel *model = deck->model;
  Section *section;

  if (model->description == NULL || model->description[0] == '\0')
    return;
  section = add_section (deck, _("About this document"));
  /* One row per paragraph, so a long description breaks between them. */
  {
    g_auto(GStrv) paragraphs = g_strsplit (model->description, "\n\n", -1);
    for (guint i = 0; paragraphs[i] != NULL; i++)
      {
        g_strstrip (paragraphs[i]);
        if (paragraphs[i][0] != '\0')
          add_paragraph (deck, section, paragraphs[i]);
      }
  }
}

static void
build_score_table (FrDeck *deck)
{
  const FrModel *model = deck->model;
  Section *section = add_section (deck, _("Scores"));
  guint n_options = model->options->len;

  add_paragraph (deck, section,
                 _("Every option’s score on every criterion, as the document holds it, with its plausible "
                   "range in brackets where one is given. Rationales and sources follow."));
  if (n_options == 0)
    {
      add_paragraph (deck, section, _("The document has no options."));
      return;
    }
  for (guint first = 0; first < n_options; first += OPTIONS_PER_TABLE)
    {
      guint n = MIN (OPTIONS_PER_TABLE, n_options - first);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autofree double *weights = g_new0 (double, n + 1);
      Row *header;

      weights[0] = 1.6;
      g_ptr_array_add (texts, g_strdup (_("Criterion")));
      for (guint o = 0; o < n; o++)
        {
          const FrOption *option = g_ptr_array_index (model->options, first + o);
          g_ptr_array_add (texts, g_strdup (option->name));
          weights[o + 1] = 1.0;
        }
      header = add_row (deck, section, ROW_HEADER, n + 1, (const char *const *) texts->pdata, weights, NULL);

      for (guint c = 0; c < model->criteria->len; c++)
        {
          const FrCriterion *criterion = g_ptr_array_index (model->criteria, c);

          g_ptr_array_set_size (texts, 0);
          if (criterion->is_group)
            {
              add_subheading (deck, section, criterion->name, header);
              continue;
            }
          g_ptr_array_add (texts, criterion_label (criterion));
          for (guint o = 0; o < n; o++)
            {
              const FrOption *option = g_ptr_array_index (model->options, first + o);
              g_ptr_array_add (texts, format_score (g_hash_table_lookup (option->scores, criterion->id)));
            }
          add_row (deck, section, ROW_CELLS, n + 1, (const char *const *) texts->pdata, weights, header);
        }
    }
}

static void
build_rationales (FrDeck *deck)
{
  const FrModel *model = deck->model;
  Section *section = add_section (deck, _("Rationales and sources"));
  static const double weights[] = { 1.4, 0.8, 3.6, 1.6 };
  const char *titles[] = { _("Criterion"), _("Score"), _("Rationale"), _("Source") };
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  Row *header = NULL;

  for (guint o = 0; o < model->options->len; o++)
    {
      const FrOption *option = g_ptr_array_index (model->options, o);

      if (header == NULL)
        header = add_row (deck, section, ROW_HEADER, 4, titles, weights, NULL);
      add_subheading (deck, section, option->name, header);
      if (option->description != NULL && option->description[0] != '\0')
        {
          Row *row = add_paragraph (deck, section, option->description);
          row->header = header;
        }
      for (guint c = 0; c < leaves->len; c++)
        {
          const FrCriterion *criterion = g_ptr_array_index (leaves, c);
          const FrScore *score = g_hash_table_lookup (option->scores, criterion->id);
          g_autofree char *label = criterion_label (criterion);
          g_autofree char *value = format_score (score);
          g_autofree char *source = score != NULL ? source_label (model, score->source_id) : g_strdup ("");
          const char *texts[4];

          texts[0] = label;
          texts[1] = value;
          texts[2] = score != NULL && score->rationale != NULL ? score->rationale : "";
          texts[3] = source;
          add_row (deck, section, ROW_CELLS, 4, texts, weights, header);
        }
    }
  if (model->options->len == 0)
    add_paragraph (deck, section, _("The document has no options."));
}

static void
build_weights (FrDeck *deck)
{
  const FrModel *model = deck->model;
  Section *section = add_section (deck, _("Weights of the stakeholders"));
  static const double weights[] = { 2.5, 1.0, 1.6 };
  const char *titles[] = { _("Criterion"), _("Weight"), _("Interval") };
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);

  add_paragraph (deck, section,
                 _("Each stakeholder’s weights as shares of its total (they sum to 100 %), the interval "
                   "within which the uncertainty analysis samples a weight, and the reservation level: the "
                   "weighted-sum utility (0 to 1) below which the stakeholder is judged to walk away."));
  for (guint s = 0; s < model->stakeholders->len; s++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);
      g_autofree char *reservation = fr_format_score (stakeholder->reservation, 2);
      g_autofree char *summary = NULL;
      double total = 0.0;
      Row *header;

      for (guint c = 0; c < leaves->len; c++)
        {
          const FrCriterion *criterion = g_ptr_array_index (leaves, c);
          const FrWeight *weight = g_hash_table_lookup (stakeholder->weights, criterion->id);
          if (weight != NULL && isfinite (weight->value) && weight->value > 0)
            total += weight->value;
        }

      add_subheading (deck, section, stakeholder->name, NULL);
      /* Translators: %s is a utility between 0 and 1, "0.47". */
      summary = g_strdup_printf (_("Reservation level: %s."), reservation);
      if (stakeholder->rationale != NULL && stakeholder->rationale[0] != '\0')
        {
          char *longer = g_strconcat (summary, " ", stakeholder->rationale, NULL);
          g_free (summary);
          summary = longer;
        }
      add_paragraph (deck, section, summary)->keep_with_next = TRUE;
      header = add_row (deck, section, ROW_HEADER, 3, titles, weights, NULL);
      for (guint c = 0; c < leaves->len; c++)
        {
          const FrCriterion *criterion = g_ptr_array_index (leaves, c);
          const FrWeight *weight = g_hash_table_lookup (stakeholder->weights, criterion->id);
          double value = weight != NULL && isfinite (weight->value) && weight->value > 0 ? weight->value : 0.0;
          g_autofree char *share = fr_format_weight (total > 0 ? value / total : 0.0);
          g_autofree char *interval = NULL;
          const char *texts[3];

          if (weight != NULL && weight->has_interval && total > 0)
            {
              g_autofree char *low = fr_format_weight (weight->low / total);
              g_autofree char *high = fr_format_weight (weight->high / total);
              interval = g_strdup_printf ("%s – %s", low, high);
            }
          else
            interval = g_strdup ("—");
          texts[0] = criterion->name;
          texts[1] = share;
          texts[2] = interval;
          add_row (deck, section, ROW_CELLS, 3, texts, weights, header);
        }
      if (total <= 0)
        add_paragraph (deck, section, _("This stakeholder gives no weights: the methods use equal weights."));
    }
  if (model->stakeholders->len == 0)
    add_paragraph (deck, section, _("The document has no stakeholders: the methods use equal weights."));
}

static char *
preference_text (const FrPreference *preference)
{
  g_autofree char *q = format_number (preference->q);
  g_autofree char *p = format_number (preference->p);
  g_autofree char *s = format_number (preference->s);

  switch (preference->kind)
    {
    case FR_PREF_USUAL:
      return g_strdup (_("usual (any difference is a strict preference)"));
    case FR_PREF_USHAPE:
      return g_strdup_printf (_("U-shape, q = %s"), q);
    case FR_PREF_VSHAPE:
      return g_strdup_printf (_("V-shape, p = %s"), p);
    case FR_PREF_LEVEL:
      return g_strdup_printf (_("level, q = %s, p = %s"), q, p);
    case FR_PREF_LINEAR:
      return g_strdup_printf (_("linear, q = %s, p = %s"), q, p);
    case FR_PREF_GAUSSIAN:
      return g_strdup_printf (_("Gaussian, s = %s"), s);
    default:
      return g_strdup (fr_preference_kind_to_string (preference->kind));
    }
}

static void
build_methods (FrDeck *deck)
{
  const FrModel *model = deck->model;
  Section *section = add_section (deck, _("Method settings"));
  static const double weights[] = { 1.8, 0.8, 1.2, 2.2, 1.8 };
  const char *titles[] = { _("Criterion"), _("Direction"), _("Scale"), _("Value function"),
                           _("PROMETHEE preference") };
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  g_autofree char *samples = fr_chart_format_count (FR_SLIDE_SMAA_SAMPLES);
  g_autofree char *smaa = NULL;
  Row *header;

  header = add_row (deck, section, ROW_HEADER, 5, titles, weights, NULL);
  for (guint c = 0; c < leaves->len; c++)
    {
      const FrCriterion *criterion = g_ptr_array_index (leaves, c);
      g_autofree char *scale = NULL;
      g_autofree char *preference = preference_text (&criterion->preference);
      GString *function = g_string_new (NULL);
      const char *texts[5];

      if (criterion->has_scale)
        {
          g_autofree char *range = format_range (criterion->scale_min, criterion->scale_max);
          scale = criterion->unit != NULL && criterion->unit[0] != '\0'
                  ? g_strdup_printf ("%s %s", range, criterion->unit)
                  : g_steal_pointer (&range);
        }
      else
        scale = g_strdup (_("the options’ own range"));
      if (criterion->value_function != NULL && criterion->value_function->len > 0)
        for (guint i = 0; i < criterion->value_function->len; i++)
          {
            const FrValuePoint *point = &g_array_index (criterion->value_function, FrValuePoint, i);
            g_autofree char *x = format_number (point->x);
            g_autofree char *v = format_number (point->value);
            g_string_append_printf (function, "%s%s → %s", i > 0 ? "; " : "", x, v);
          }
      else if (criterion->direction == FR_DIRECTION_COST)
        g_string_append (function, _("linear, falling from 1 at the scale’s minimum to 0 at its maximum"));
      else
        g_string_append (function, _("linear, rising from 0 at the scale’s minimum to 1 at its maximum"));

      texts[0] = criterion->name;
      texts[1] = criterion->direction == FR_DIRECTION_COST ? _("cost (less is better)") : _("benefit (more is better)");
      texts[2] = scale;
      texts[3] = function->str;
      texts[4] = preference;
      add_row (deck, section, ROW_CELLS, 5, texts, weights, header);
      g_string_free (function, TRUE);
    }

  add_paragraph (deck, section,
                 _("Weighted sum: each score is turned into a value from 0 to 1 by its criterion’s value "
                   "function, and an option’s utility is the sum of its values times the stakeholder’s "
                   "weights, normalised to sum to one."));
  add_paragraph (deck, section,
                 _("TOPSIS: vector normalisation of the raw scores (Hwang and Yoon 1981), weighted; an option’s "
                   "score is its relative closeness to the ideal option."));
  add_paragraph (deck, section,
                 _("PROMETHEE II: pairwise preferences per criterion by the preference functions above, "
                   "weighted; an option’s score is its net outranking flow."));
  smaa = g_strdup_printf (_("SMAA-2 (uncertainty slides): %s samples, random seed %d; weights drawn uniformly "
                            "within the stakeholder’s intervals (a weight without an interval is held at its "
                            "value); scores drawn uniformly within their low–high ranges."),
                          samples, FR_SLIDE_SMAA_SEED);
  add_paragraph (deck, section, smaa);
  add_paragraph (deck, section,
                 _("Sensitivity (tornado slides): each weight swung by half of itself either way, the other "
                   "weights rescaled to keep their proportions; stability intervals show how far a weight "
                   "can move before the leading option changes."));
}

static void
build_sources (FrDeck *deck)
{
  const FrModel *model = deck->model;
  Section *section = add_section (deck, _("Sources"));
  static const double weights[] = { 2.4, 1.8, 2.4 };
  const char *titles[] = { _("Title"), _("Author, publisher, date"), _("Address and note") };
  Row *header;

  if (model->sources->len == 0)
    {
      add_paragraph (deck, section, _("The document lists no sources."));
      return;
    }
  header = add_row (deck, section, ROW_HEADER, 3, titles, weights, NULL);
  for (guint i = 0; i < model->sources->len; i++)
    {
      const FrSource *source = g_ptr_array_index (model->sources, i);
      GString *who = g_string_new (NULL);
      GString *where = g_string_new (NULL);
      const char *parts[] = { source->author, source->publisher, source->date };
      const char *texts[3];

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        if (parts[p] != NULL && parts[p][0] != '\0')
          g_string_append_printf (who, "%s%s", who->len > 0 ? ", " : "", parts[p]);
      if (source->url != NULL)
        g_string_append (where, source->url);
      if (source->note != NULL && source->note[0] != '\0')
        g_string_append_printf (where, "%s%s", where->len > 0 ? "\n" : "", source->note);
      texts[0] = source->title;
      texts[1] = who->str;
      texts[2] = where->str;
      add_row (deck, section, ROW_CELLS, 3, texts, weights, header);
      g_string_free (who, TRUE);
      g_string_free (where, TRUE);
    }
}

static AppendixPage *
new_page (FrDeck        *deck,
          const Section *section,
          gboolean       continued)
{
  AppendixPage *page = g_new0 (AppendixPage, 1);

  page->section = section;
  page->continued = continued;
  page->rows = g_ptr_array_new ();
  g_ptr_array_add (deck->pages, page);
  return page;
}

static void
paginate (FrDeck *deck)
{
  double available = deck->height - deck->margin - deck->heading_height - deck->footer_height;
  guint first_appendix_page = 1 + deck->model->views->len;

  for (guint s = 0; s < deck->sections->len; s++)
    {
      Section *section = g_ptr_array_index (deck->sections, s);
      AppendixPage *page = new_page (deck, section, FALSE);
      double y = 0;

      section->first_page = first_appendix_page + deck->pages->len - 1;
      for (guint r = 0; r < section->rows->len; r++)
        {
          Row *row = g_ptr_array_index (section->rows, r);
          double needed = row->height;

          /* A header or subheading is never left alone at a page's foot. */
          for (guint k = r; k + 1 < section->rows->len; k++)
            {
              Row *current = g_ptr_array_index (section->rows, k);
              if (!current->keep_with_next)
                break;
              needed += ((Row *) g_ptr_array_index (section->rows, k + 1))->height;
            }
          if (y + needed > available && page->rows->len > 0 &&
              !(page->rows->len == 1 && g_ptr_array_index (page->rows, 0) == row->header))
            {
              page = new_page (deck, section, TRUE);
              y = 0;
              if (row->header != NULL && row->kind != ROW_HEADER)
                {
                  g_ptr_array_add (page->rows, row->header);
                  y += row->header->height;
                }
            }
          /* A row taller than a page gets a page of its own and is cut. */
          g_ptr_array_add (page->rows, row);
          y += row->height;
        }
    }
}

FrDeck *
fr_deck_new (const FrModel   *model,
             const FrBasemap *basemap,
             double           page_width,
             double           page_height)
{
  FrDeck *deck;
  cairo_font_options_t *options;

  g_return_val_if_fail (model != NULL, NULL);

  deck = g_new0 (FrDeck, 1);
  deck->model = model;
  deck->width = page_width > 16 ? page_width : FR_DECK_A4_WIDTH;
  deck->height = page_height > 16 ? page_height : FR_DECK_A4_HEIGHT;
  deck->slides = fr_slide_context_new (model, basemap);

  deck->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (deck->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (deck->pango, FALSE);

  /* 9 pt body text on A4, in proportion on other pages. */
  deck->body_size = MAX (9.0 * MIN (deck->width / FR_DECK_A4_WIDTH, deck->height / FR_DECK_A4_HEIGHT), 4.0);
  deck->margin = deck->body_size * 4;
  deck->padding = deck->body_size * 0.3;
  deck->heading_height = deck->body_size * 3.2;
  deck->footer_height = deck->body_size * 3.0;

  deck->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  deck->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) appendix_page_free);
  build_about (deck);
  build_score_table (deck);
  build_rationales (deck);
  build_weights (deck);
  build_methods (deck);
  build_sources (deck);
  paginate (deck);
  return deck;
}

void
fr_deck_free (FrDeck *deck)
{
  if (deck == NULL)
    return;
  g_ptr_array_unref (deck->pages);
  g_ptr_array_unref (deck->sections);
  g_object_unref (deck->pango);
  fr_slide_context_free (deck->slides);
  g_free (deck);
}

guint
fr_deck_get_n_pages (FrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);
  return 1 + deck->model->views->len + deck->pages->len;
}

guint
fr_deck_get_n_appendix_pages (FrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, 0);
  return deck->pages->len;
}

void
fr_deck_get_page_size (FrDeck *deck,
                       double *width,
                       double *height)
{
  g_return_if_fail (deck != NULL);
  if (width != NULL)
    *width = deck->width;
  if (height != NULL)
    *height = deck->height;
}

FrDeckPageKind
fr_deck_get_page_kind (FrDeck        *deck,
                       guint          page,
                       const FrView **view)
{
  guint n_views;

  g_return_val_if_fail (deck != NULL, FR_DECK_PAGE_TITLE);

  n_views = deck->model->views->len;
  if (view != NULL)
    *view = NULL;
  if (page == 0)
    return FR_DECK_PAGE_TITLE;
  if (page <= n_views)
    {
      if (view != NULL)
        *view = g_ptr_array_index (deck->model->views, page - 1);
      return FR_DECK_PAGE_VIEW;
    }
  return FR_DECK_PAGE_APPENDIX;
}

FrSlideContext *
fr_deck_get_slide_context (FrDeck *deck)
{
  g_return_val_if_fail (deck != NULL, NULL);
  return deck->slides;
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y,
                FrColor      color)
{
  fr_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  fr_export_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* A one-off text at render time, shaped with the deck's own metrics. */
static void
draw_text (FrDeck        *deck,
           cairo_t       *cr,
           const char    *text,
           double         size,
           gboolean       bold,
           double         x,
           double         y,
           double         width,
           int            max_lines,
           PangoAlignment alignment,
           FrColor        color,
           double        *height)
{
  g_autoptr(PangoLayout) layout = make_layout (deck, text, size, bold, width);

  if (max_lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -max_lines);
    }
  pango_layout_set_alignment (layout, alignment);
  show_layout_at (cr, layout, x, y, color);
  if (height != NULL)
    *height = layout_height (layout);
}

static void
draw_footer (FrDeck        *deck,
             cairo_t       *cr,
             guint          page,
             const FrTheme *theme)
{
  g_autofree char *number = g_strdup_printf ("%u / %u", page + 1, fr_deck_get_n_pages (deck));
  double size = deck->body_size * 0.8;
  double y = deck->height - deck->footer_height * 0.6;
  double width = content_width (deck);

  fr_color_set_source (cr, theme->grid);
  cairo_rectangle (cr, deck->margin, y - deck->body_size * 0.5, width, 0.5);
  cairo_fill (cr);
  draw_text (deck, cr, deck->model->title, size, FALSE, deck->margin, y, width * 0.7, 1,
             PANGO_ALIGN_LEFT, theme->muted, NULL);
  draw_text (deck, cr, number, size, FALSE, deck->margin + width * 0.7, y, width * 0.3, 1,
             PANGO_ALIGN_RIGHT, theme->muted, NULL);
}

static void
render_title_page (FrDeck        *deck,
                   cairo_t       *cr,
                   const FrTheme *theme)
{
  const FrModel *model = deck->model;
  double m = deck->margin, width = content_width (deck);
  double left = width * 0.55, right_x = m + width * 0.6, right_w = width * 0.4;
  double y = m, h = 0, body = deck->body_size;
  g_autofree char *today = fr_format_day (fr_day_today ());
  g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                                           model->sources->len),
                                              model->sources->len);
  g_autofree char *byline = NULL;
  guint n_views = model->views->len;
  double line, contents_size, available;

  fr_color_set_source (cr, theme->accent);
  cairo_rectangle (cr, 0, 0, body * 0.8, deck->height);
  cairo_fill (cr);

  draw_text (deck, cr, model->title != NULL && model->title[0] != '\0' ? model->title : _("Untitled"),
             body * 2.8, TRUE, m, y, left, 4, PANGO_ALIGN_LEFT, theme->foreground, &h);
  y += h + body * 1.2;
  if (model->author != NULL && model->author[0] != '\0')
    byline = g_strdup_printf ("%s · %s · %s", model->author, today, sources);
  else
    byline = g_strdup_printf ("%s · %s", today, sources);
  draw_text (deck, cr, byline, body * 1.2, FALSE, m, y, left, 2, PANGO_ALIGN_LEFT, theme->muted, &h);
  y += h + body * 1.5;
  if (model->description != NULL && model->description[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = make_layout (deck, model->description, body, FALSE, left);
      double room = deck->height - deck->footer_height - y;

      /* The whole description is in the appendix; here it is cut to fit. */
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) (MAX (room, body) * PANGO_SCALE));
      show_layout_at (cr, layout, m, y, theme->foreground);
    }

  /* Contents: every view with its page, then the appendix's sections. */
  y = m;
  draw_text (deck, cr, _("Contents"), body * 1.4, TRUE, right_x, y, right_w, 1,
             PANGO_ALIGN_LEFT, theme->foreground, &h);
  y += h + body * 0.6;
  available = deck->height - deck->footer_height - y;
  contents_size = body;
  line = contents_size * 1.45;
  if ((n_views + deck->sections->len + 1) * line > available)
    {
      contents_size = MAX (available / (n_views + deck->sections->len + 1) / 1.45, 3.0);
      line = contents_size * 1.45;
    }
  for (guint i = 0; i < n_views + deck->sections->len + 1; i++)
    {
      g_autofree char *number = NULL;
      const char *label;

      if (i < n_views)
        {
          const FrView *view = g_ptr_array_index (model->views, i);
          number = g_strdup_printf ("%u", i + 2);
          label = view->title;
        }
      else if (i == n_views)
        {
          y += line * 0.4;
          draw_text (deck, cr, _("Appendix"), contents_size, TRUE, right_x, y, right_w, 1,
                     PANGO_ALIGN_LEFT, theme->foreground, NULL);
          y += line;
          continue;
        }
      else
        {
          const Section *section = g_ptr_array_index (deck->sections, i - n_views - 1);
          number = g_strdup_printf ("%u", section->first_page + 1);
          label = section->title;
        }
      draw_text (deck, cr, number, contents_size, FALSE, right_x, y, contents_size * 2.2, 1,
                 PANGO_ALIGN_RIGHT, theme->muted, NULL);
      draw_text (deck, cr, label, contents_size, FALSE, right_x + contents_size * 3, y,
                 right_w - contents_size * 3, 1, PANGO_ALIGN_LEFT, theme->foreground, NULL);
      y += line;
    }
}

static void
render_row (FrDeck        *deck,
            cairo_t       *cr,
            const Row     *row,
            double         y,
            const FrTheme *theme)
{
  double width = content_width (deck);
  double top = y;

  if (row->kind == ROW_HEADER)
    {
      fr_color_set_source (cr, fr_chart_mix (theme->background, theme->accent, 0.12));
      cairo_rectangle (cr, deck->margin, y, width, row->height);
      cairo_fill (cr);
    }
  if (row->kind == ROW_SUBHEADING)
    top += deck->padding * 2;
  for (guint i = 0; i < row->cells->len; i++)
    show_layout_at (cr, g_ptr_array_index (row->cells, i),
                    deck->margin + row->columns[i] * width + deck->padding, top + deck->padding,
                    row->kind == ROW_SUBHEADING ? theme->accent : theme->foreground);
  if (row->kind == ROW_CELLS)
    {
      fr_color_set_source (cr, theme->grid);
      cairo_rectangle (cr, deck->margin, y + row->height - 0.5, width, 0.5);
      cairo_fill (cr);
    }
}

static void
render_appendix_page (FrDeck        *deck,
                      cairo_t       *cr,
                      guint          index,
                      const FrTheme *theme)
{
  const AppendixPage *page = g_ptr_array_index (deck->pages, index);
  g_autofree char *title = NULL;
  double y = deck->margin * 0.7;
  double bottom = deck->height - deck->footer_height;

  if (page->continued)
    /* Translators: the heading of an appendix page that continues a
     * section, "Scores (continued)". */
    title = g_strdup_printf (_("%s (continued)"), page->section->title);
  else
    title = g_strdup (page->section->title);
  draw_text (deck, cr, title, deck->body_size * 1.6, TRUE, deck->margin, y, content_width (deck), 1,
             PANGO_ALIGN_LEFT, theme->foreground, NULL);
  y = deck->margin * 0.7 + deck->heading_height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, deck->width, bottom);
  cairo_clip (cr);
  for (guint r = 0; r < page->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (page->rows, r);
      render_row (deck, cr, row, y, theme);
      y += row->height;
    }
  cairo_restore (cr);
}

void
fr_deck_render_page (FrDeck        *deck,
                     cairo_t       *cr,
                     guint          page,
                     const FrTheme *theme)
{
  guint n_pages;
  const FrView *view = NULL;

  g_return_if_fail (deck != NULL);
  g_return_if_fail (cr != NULL);

  n_pages = fr_deck_get_n_pages (deck);
  g_return_if_fail (page < n_pages);
  if (theme == NULL)
    theme = fr_theme_get (FR_THEME_PRESENTATION_LIGHT);

  cairo_save (cr);
  switch (fr_deck_get_page_kind (deck, page, &view))
    {
    case FR_DECK_PAGE_VIEW:
      fr_slide_context_set_page (deck->slides, page + 1, n_pages);
      fr_slide_render (cr, deck->slides, view, deck->width, deck->height, theme);
      break;
    case FR_DECK_PAGE_TITLE:
      fr_color_set_source (cr, theme->background);
      cairo_paint (cr);
      render_title_page (deck, cr, theme);
      draw_footer (deck, cr, page, theme);
      break;
    case FR_DECK_PAGE_APPENDIX:
    default:
      fr_color_set_source (cr, theme->background);
      cairo_paint (cr);
      render_appendix_page (deck, cr, page - 1 - deck->model->views->len, theme);
      draw_footer (deck, cr, page, theme);
      break;
    }
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Bookmarks for a PDF reader's sidebar: every view, then the appendix's
 * sections under one entry. */
static void
add_outline (FrDeck          *deck,
             cairo_surface_t *surface)
{
  const FrModel *model = deck->model;
  guint n_views = model->views->len;
  int appendix;

  for (guint i = 0; i < n_views; i++)
    {
      const FrView *view = g_ptr_array_index (model->views, i);
      g_autofree char *link = g_strdup_printf ("page=%u", i + 2);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, view->title != NULL ? view->title : "",
                                     link, 0);
    }
  if (deck->sections->len == 0)
    return;
  {
    const Section *first = g_ptr_array_index (deck->sections, 0);
    g_autofree char *link = g_strdup_printf ("page=%u", first->first_page + 1);
    appendix = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Appendix"), link, 0);
  }
  for (guint s = 0; s < deck->sections->len; s++)
    {
      const Section *section = g_ptr_array_index (deck->sections, s);
      g_autofree char *link = g_strdup_printf ("page=%u", section->first_page + 1);
      cairo_pdf_surface_add_outline (surface, appendix, section->title, link, 0);
    }
}

gboolean
fr_deck_export_pdf_with_theme (FrDeck         *deck,
                               const char     *path,
                               const FrTheme  *theme,
                               GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (deck != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, deck->width, deck->height);
  if (deck->model->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, deck->model->title);
  if (deck->model->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, deck->model->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Frontier");
  add_outline (deck, surface);
  cr = cairo_create (surface);
  n_pages = fr_deck_get_n_pages (deck);
  for (guint page = 0; page < n_pages; page++)
    {
      fr_deck_render_page (deck, cr, page, theme);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_FAILED, _("Could not draw the deck: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, (const char *) bytes->data, (gssize) bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
fr_deck_export_pdf (FrDeck      *deck,
                    const char  *path,
                    GError     **error)
{
  return fr_deck_export_pdf_with_theme (deck, path, fr_theme_get (FR_THEME_PRESENTATION_LIGHT), error);
}
