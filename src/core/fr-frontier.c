/* fr-frontier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-frontier.h"
#include "fr-format.h"

#include <locale.h>
#include <math.h>
#include <string.h>

/* Official per-border figures. The Russian-side set is the one whose
 * pre-Finland sum matches what NATO and the press quoted on 4 April 2023
 * ("around 1,215 kilometers", HNGN; "754 miles, according to NATO's own
 * statistics", Newsweek): 196 + 294 + 217 + 280.5 + 232 = 1,219.5 km. The
 * CIA World Factbook 2018 figures sum to 1,318 km for the same pairs and
 * are kept for the footnote only. Finland's 1,340 km is also Finland's own
 * figure (finland.fi). */
#define SOURCE_RU_SIDE "geographyofrussia.com, “Russia’s borders”, vignette 6.2"
#define SOURCE_FI "geographyofrussia.com, vignette 6.2; finland.fi"

static const FrFrontierFigure figures[] = {
  { "NO", "RU", 196.0,  SOURCE_RU_SIDE, 191.0 },
  { "FI", "RU", 1340.0, SOURCE_FI,      1309.0 },
  { "EE", "RU", 294.0,  SOURCE_RU_SIDE, 324.0 },
  { "LV", "RU", 217.0,  SOURCE_RU_SIDE, 332.0 },
  { "LT", "RU", 280.5,  SOURCE_RU_SIDE, 261.0 },  /* Kaliningrad */
  { "PL", "RU", 232.0,  SOURCE_RU_SIDE, 210.0 },  /* Kaliningrad */
  { "BY", "RU", 959.0,  SOURCE_RU_SIDE, 1312.0 },
  { "UA", "RU", 1576.0, SOURCE_RU_SIDE, 1944.0 },
};

const FrFrontierFigure *
fr_frontier_find_figure (const char *code_a,
                         const char *code_b)
{
  if (code_a == NULL || code_b == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if ((g_str_equal (figures[i].nato, code_a) && g_str_equal (figures[i].other, code_b)) ||
        (g_str_equal (figures[i].nato, code_b) && g_str_equal (figures[i].other, code_a)))
      return &figures[i];
  return NULL;
}

static gboolean
is_russian_held (FrAlignment alignment)
{
  return alignment == FR_ALIGNMENT_RUSSIA || alignment == FR_ALIGNMENT_OCCUPIED;
}

gboolean
fr_frontier_classify (FrAlignment     a,
                      FrAlignment     b,
                      FrFrontierKind *kind)
{
  FrAlignment other;

  if (a == FR_ALIGNMENT_NATO)
    other = b;
  else if (b == FR_ALIGNMENT_NATO)
    other = a;
  else
    return FALSE;

  if (is_russian_held (other))
    {
      if (kind != NULL)
        *kind = FR_FRONTIER_RUSSIA;
      return TRUE;
    }
  if (other == FR_ALIGNMENT_RUSSIA_ALIGNED)
    {
      if (kind != NULL)
        *kind = FR_FRONTIER_ALIGNED;
      return TRUE;
    }
  return FALSE;
}

static void
segment_free (gpointer data)
{
  FrFrontierSegment *segment = data;

  g_free (segment->nato);
  g_free (segment->other);
  g_free (segment);
}

static int
compare_segment (gconstpointer a,
                 gconstpointer b)
{
  const FrFrontierSegment *sa = *(FrFrontierSegment *const *) a;
  const FrFrontierSegment *sb = *(FrFrontierSegment *const *) b;
  int cmp;

  if (sa->kind != sb->kind)
    return sa->kind < sb->kind ? -1 : 1;
  cmp = strcmp (sa->nato, sb->nato);
  return cmp != 0 ? cmp : strcmp (sa->other, sb->other);
}

static void
consider_pair (FrFrontier            *frontier,
               const FrTimelineState *state,
               const char            *code_a,
               const char            *code_b,
               const FrBorder        *border)
{
  FrAlignment a = fr_timeline_state_get_alignment (state, code_a);
  FrAlignment b = fr_timeline_state_get_alignment (state, code_b);
  FrFrontierKind kind;
  FrFrontierSegment *segment;

  if (!fr_frontier_classify (a, b, &kind))
    return;

  segment = g_new0 (FrFrontierSegment, 1);
  segment->border = border;
  segment->kind = kind;
  if (a == FR_ALIGNMENT_NATO)
    {
      segment->nato = g_strdup (code_a);
      segment->other = g_strdup (code_b);
      segment->other_alignment = b;
    }
  else
    {
      segment->nato = g_strdup (code_b);
      segment->other = g_strdup (code_a);
      segment->other_alignment = a;
    }
  segment->measured_km = border != NULL ? border->length_km : 0.0;
  segment->figure = fr_frontier_find_figure (segment->nato, segment->other);
  g_ptr_array_add (frontier->segments, segment);
}

FrFrontier *
fr_frontier_compute (const FrBasemap       *basemap,
                     const FrTimelineState *state)
{
  FrFrontier *frontier;

  g_return_val_if_fail (state != NULL, NULL);

  frontier = g_new0 (FrFrontier, 1);
  frontier->day = fr_timeline_state_get_day (state);
  frontier->segments = g_ptr_array_new_with_free_func (segment_free);

  if (basemap != NULL)
    {
      for (guint i = 0; basemap->borders != NULL && i < basemap->borders->len; i++)
        {
          const FrBorder *border = g_ptr_array_index (basemap->borders, i);
          consider_pair (frontier, state, border->region_a, border->region_b, border);
        }
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        consider_pair (frontier, state, figures[i].nato, figures[i].other, NULL);
    }
  g_ptr_array_sort (frontier->segments, compare_segment);

  for (guint i = 0; i < frontier->segments->len; i++)
    {
      FrFrontierSegment *segment = g_ptr_array_index (frontier->segments, i);

      if (segment->kind == FR_FRONTIER_ALIGNED)
        {
          frontier->aligned_km += segment->measured_km;
          continue;
        }
      frontier->measured_km += segment->measured_km;
      if (segment->figure != NULL)
        {
          frontier->official_km += segment->figure->km;
          frontier->cia_km += segment->figure->cia_km > 0 ? segment->figure->cia_km : segment->figure->km;
        }
      else
        {
          frontier->official_km += segment->measured_km;
          frontier->cia_km += segment->measured_km;
        }
    }
  return frontier;
}

void
fr_frontier_free (FrFrontier *frontier)
{
  if (frontier == NULL)
    return;
  g_ptr_array_unref (frontier->segments);
  g_free (frontier);
}

/* Official figures keep their fraction (Lithuania's 280.5 km) so the
 * listed borders visibly add up to the total; fr_format_km() rounds. The
 * digits are grouped the way fr_format_km() groups them. */
static char *
format_figure (double km)
{
  const struct lconv *conventions = localeconv ();
  const char *separator = conventions->thousands_sep;
  const char *point = conventions->decimal_point;
  g_autoptr(GString) text = g_string_new (NULL);
  char digits[64];
  gsize n;

  if (fabs (km - round (km)) < 0.05 || !isfinite (km))
    return fr_format_km (km);
  if (separator == NULL || separator[0] == '\0')
    separator = ",";
  if (point == NULL || point[0] == '\0')
    point = ".";
  g_snprintf (digits, sizeof digits, "%.0f", trunc (fabs (km)));
  if (km < 0)
    g_string_append_c (text, '-');
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  g_string_append_printf (text, "%s%d", point, (int) round (fmod (fabs (km), 1.0) * 10) % 10);
  /* Translators: a distance in kilometres; "%s" is the number. */
  return g_strdup_printf (_("%s km"), text->str);
}

typedef struct {
  const char *code;
  const char *name;
} RegionName;

/* Only the names the frontier map shows; everything else falls back to the
 * basemap's English name. */
static const RegionName region_names[] = {
  { "AL", N_("Albania") },
  { "AM", N_("Armenia") },
  { "AT", N_("Austria") },
  { "AZ", N_("Azerbaijan") },
  { "BA", N_("Bosnia and Herzegovina") },
  { "BE", N_("Belgium") },
  { "BG", N_("Bulgaria") },
  { "BY", N_("Belarus") },
  { "CH", N_("Switzerland") },
  { "CY", N_("Cyprus") },
  { "CZ", N_("Czechia") },
  { "DE", N_("Germany") },
  { "DK", N_("Denmark") },
  { "EE", N_("Estonia") },
  { "ES", N_("Spain") },
  { "FI", N_("Finland") },
  { "FR", N_("France") },
  { "GB", N_("United Kingdom") },
  { "GE", N_("Georgia") },
  { "GR", N_("Greece") },
  { "HR", N_("Croatia") },
  { "HU", N_("Hungary") },
  { "IE", N_("Ireland") },
  { "IQ", N_("Iraq") },
  { "IR", N_("Iran") },
  { "IS", N_("Iceland") },
  { "IT", N_("Italy") },
  { "KZ", N_("Kazakhstan") },
  { "LT", N_("Lithuania") },
  { "LU", N_("Luxembourg") },
  { "LV", N_("Latvia") },
  { "MD", N_("Moldova") },
  { "ME", N_("Montenegro") },
  { "MK", N_("North Macedonia") },
  { "NL", N_("Netherlands") },
  { "NO", N_("Norway") },
  { "PL", N_("Poland") },
  { "PT", N_("Portugal") },
  { "RO", N_("Romania") },
  { "RS", N_("Serbia") },
  { "RU", N_("Russia") },
  { "SE", N_("Sweden") },
  { "SI", N_("Slovenia") },
  { "SK", N_("Slovakia") },
  { "SY", N_("Syria") },
  { "TR", N_("Turkey") },
  { "UA", N_("Ukraine") },
  { "UA-43", N_("Crimea") },
  { "XK", N_("Kosovo") },
};

const char *
fr_region_display_name (const char *code,
                        const char *fallback)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (region_names); i++)
    if (g_str_equal (region_names[i].code, code))
      return _(region_names[i].name);
  return fallback != NULL ? fallback : code;
}

char *
fr_frontier_dup_source_text (const FrFrontier *frontier)
{
  GString *text;
  g_autofree char *total = NULL;

  g_return_val_if_fail (frontier != NULL, NULL);

  text = g_string_new (NULL);
  total = format_figure (frontier->official_km);
  g_string_append_printf (text, _("NATO–Russia land frontier: %s"), total);
  g_string_append_c (text, '\n');

  for (guint i = 0; i < frontier->segments->len; i++)
    {
      FrFrontierSegment *segment = g_ptr_array_index (frontier->segments, i);
      const char *nato = fr_region_display_name (segment->nato, NULL);
      const char *other = fr_region_display_name (segment->other, NULL);

      if (segment->kind != FR_FRONTIER_RUSSIA)
        continue;
      if (segment->figure != NULL)
        {
          g_autofree char *km = format_figure (segment->figure->km);
          g_autofree char *cia = fr_format_km (segment->figure->cia_km);
          /* TRANSLATORS: "Norway–Russia: 196 km (source; CIA World Factbook 2018: 191 km)" */
          g_string_append_printf (text, _("%s–%s: %s (%s; CIA World Factbook 2018: %s)"),
                                  nato, other, km, segment->figure->source, cia);
        }
      else
        {
          g_autofree char *km = fr_format_km (segment->measured_km);
          /* TRANSLATORS: a line with no official figure, measured on the map */
          g_string_append_printf (text, _("%s–%s: %s (no official figure; measured on the basemap)"),
                                  nato, other, km);
        }
      g_string_append_c (text, '\n');
    }

  if (frontier->measured_km > 0)
    {
      g_autofree char *measured = fr_format_km (frontier->measured_km);
      g_string_append_printf (text, _("Measured on the map (Natural Earth 1:10m/1:50m): %s"), measured);
      g_string_append_c (text, '\n');
    }
  {
    g_autofree char *cia = format_figure (frontier->cia_km);
    g_string_append_printf (text, _("Same borders per CIA World Factbook 2018: %s"), cia);
    g_string_append_c (text, '\n');
  }
  if (frontier->aligned_km > 0)
    {
      g_autofree char *aligned = fr_format_km (frontier->aligned_km);
      g_string_append_printf (text, _("NATO–Belarus and other Russia-aligned borders, measured: %s"), aligned);
      g_string_append_c (text, '\n');
    }
  g_string_append (text, _("NATO and the press gave “around 1,215 km” before Finland joined on 4 April 2023 "
                            "and “more than doubled” after; Finland’s own figure is 1,340 km."));
  return g_string_free (text, FALSE);
}
