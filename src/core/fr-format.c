/* fr-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fr-date.h"
#include "fr-format.h"

char *
fr_format_weight (double weight)
{
  /* Translators: a weight as a percentage; "%.1f" is the number. */
  return g_strdup_printf (_("%.1f %%"), weight * 100.0);
}

char *
fr_format_score (double score,
                 int    decimals)
{
  return g_strdup_printf ("%.*f", CLAMP (decimals, 0, 9), score);
}

char *
fr_format_km (double km)
{
  const struct lconv *conventions = localeconv ();
  const char *separator = conventions->thousands_sep;
  char digits[64];
  g_autoptr(GString) grouped = g_string_new (NULL);
  const char *start;
  gsize n;

  /* The C locale has no grouping; distances still read better grouped, so
   * fall back to a comma there. */
  if (separator == NULL || separator[0] == '\0')
    separator = ",";
  g_snprintf (digits, sizeof digits, "%.0f", round (km));
  start = digits[0] == '-' ? digits + 1 : digits;
  if (start != digits)
    g_string_append_c (grouped, '-');
  n = strlen (start);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (grouped, separator);
      g_string_append_c (grouped, start[i]);
    }
  /* Translators: a distance in kilometres; "%s" is the number. */
  return g_strdup_printf (_("%s km"), grouped->str);
}

char *
fr_format_day (gint32 day)
{
  int y, m, d;
  g_autoptr(GDateTime) date_time = NULL;

  fr_day_to_ymd (day, &y, &m, &d);
  date_time = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date_time == NULL)
    return fr_day_format_iso (day);
  /* Translators: a date, as strftime would write it: "4 April 2023". */
  return g_date_time_format (date_time, _("%-d %B %Y"));
}

char *
fr_format_home_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = home ? strlen (home) : 0;

  if (path == NULL)
    return NULL;
  if (home_len > 1 && g_str_has_prefix (path, home) &&
      (path[home_len] == '/' || path[home_len] == '\0'))
    return g_strconcat ("~", path + home_len, NULL);
  return g_strdup (path);
}
