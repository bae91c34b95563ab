/* fr-format.h — numbers and dates as users read them, everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One helper per kind of number, so the sidebar, the charts, the slides and
 * the exported report all say the same thing the same way.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 0.253 → "25.3 %" (percent with one decimal, locale decimal mark). */
char *fr_format_weight    (double      weight);
/* A score with @decimals decimals, locale decimal mark. */
char *fr_format_score     (double      score,
                           int         decimals);
/* 2555.4 → "2,555 km" with the locale's thousands separator. */
char *fr_format_km        (double      km);
/* A calendar day in the user's locale ("4 April 2023"). */
char *fr_format_day       (gint32      day);
/* /home/user/Documents → ~/Documents */
char *fr_format_home_path (const char *path);

G_END_DECLS
