/* fr-date.h — calendar days as plain integers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model stores dates as GDate julian day numbers (1 = 0001-01-01) so
 * that comparisons and timeline arithmetic are integer operations.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses exactly "YYYY-MM-DD" (a real calendar date); FALSE otherwise. */
gboolean fr_day_parse       (const char *text,
                             gint32     *day);
/* "YYYY-MM-DD", newly allocated. */
char    *fr_day_format_iso  (gint32      day);
gint32   fr_day_from_ymd    (int         year,
                             int         month,
                             int         day_of_month);
void     fr_day_to_ymd      (gint32      day,
                             int        *year,
                             int        *month,
                             int        *day_of_month);
/* Fractional year (2023.25…) for axes. */
double   fr_day_to_year     (gint32      day);
gint32   fr_day_from_year   (double      year);
gint32   fr_day_today       (void);

G_END_DECLS
