/* fr-frontier.h — the NATO–Russia/Belarus land frontier at a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A border of the basemap is on the frontier when one side is a NATO member
 * at that date and the other side is held by Russia or aligned with it:
 *
 * - FR_FRONTIER_RUSSIA: the other side's alignment is `russia` or
 *   `occupied`. Occupied areas are Russian-held, so they count like Russia,
 *   but only across a border whose other side is NATO: the line between
 *   Ukraine and occupied Crimea (UA/UA-43) is on the frontier only in a
 *   projection where Ukraine is in NATO. Crimea has no land border with
 *   Russia, so an occupied Crimea never adds a RU/UA-43 line.
 * - FR_FRONTIER_ALIGNED: the other side is `russia-aligned` (Belarus). It is
 *   drawn with the frontier but reported separately, because the cited
 *   figures (and the public "1,215 km → 2,555 km") are for Russia only.
 *
 * Lengths:
 * - `official_km`, the headline figure, is the sum over the NATO–Russia
 *   border pairs present of the cited per-border figure (table in
 *   fr-frontier.c, Russian-side set: Norway 196, Estonia 294, Latvia 217,
 *   Lithuania 280.5, Poland 232 = 1,219.5 km before 4 April 2023, the press's
 *   "around 1,215 km"; with Finland's 1,340 km, 2,559.5 km, "about 2,555").
 *   A pair with no cited figure (an occupation line) adds its measured
 *   length instead, and the source text says so.
 * - `measured_km`: the geodesic length of the drawn NATO–Russia lines in the
 *   basemap (Natural Earth), for comparison.
 * - `aligned_km`: the measured length of the NATO–Belarus lines.
 * - `cia_km`: the same pairs summed from the CIA World Factbook 2018, for a
 *   footnote (1,318 km → 2,627 km).
 */
#pragma once

#include <glib.h>

#include "fr-basemap.h"
#include "fr-timeline.h"

G_BEGIN_DECLS

typedef enum {
  FR_FRONTIER_RUSSIA,
  FR_FRONTIER_ALIGNED,
} FrFrontierKind;

typedef struct {
  const char *nato;          /* "NO" */
  const char *other;         /* "RU" */
  double km;                 /* Russian-side official figure */
  const char *source;        /* citation of km */
  double cia_km;             /* CIA World Factbook 2018, 0 when none */
} FrFrontierFigure;

typedef struct {
  const FrBorder *border;    /* borrowed from the basemap; NULL without one */
  char *nato;                /* region code on the NATO side */
  char *other;               /* region code on the Russian side */
  FrAlignment other_alignment;
  FrFrontierKind kind;
  double measured_km;        /* border->length_km, 0 without a basemap */
  const FrFrontierFigure *figure; /* NULL when no figure is cited */
} FrFrontierSegment;

typedef struct {
  gint32 day;
  GPtrArray *segments;       /* FrFrontierSegment*, Russia first, then by code */
  double official_km;
  double measured_km;
  double aligned_km;
  double cia_km;
} FrFrontier;

/* The frontier for @state. With @basemap NULL, the border pairs come from
 * the figure table alone (every pair in it is a real land border), which is
 * enough for the official figure but gives no lines and no measured
 * lengths. */
FrFrontier             *fr_frontier_compute          (const FrBasemap       *basemap,
                                                      const FrTimelineState *state);
void                    fr_frontier_free             (FrFrontier            *frontier);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrFrontier, fr_frontier_free)

/* The cited figure for a border pair in either order, or NULL. */
const FrFrontierFigure *fr_frontier_find_figure      (const char            *code_a,
                                                      const char            *code_b);
/* TRUE when a border between these alignments is on the frontier; sets
 * @kind. Order does not matter. */
gboolean                fr_frontier_classify         (FrAlignment            a,
                                                      FrAlignment            b,
                                                      FrFrontierKind        *kind);
/* Translated, multi-line text for the length badge's tooltip: every border
 * with its figure and source, the measured lengths and the CIA footnote. */
char                   *fr_frontier_dup_source_text  (const FrFrontier      *frontier);
/* Translated name for a region code ("FI" → "Finland", "UA-43" → "Crimea");
 * @fallback (or the code) when the table has none. */
const char             *fr_region_display_name       (const char            *code,
                                                      const char            *fallback);

G_END_DECLS
