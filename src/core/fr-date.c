/* fr-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "fr-date.h"

#include <math.h>
#include <string.h>

gint32
fr_day_from_ymd (int year,
                 int month,
                 int day_of_month)
{
  if (!g_date_valid_dmy (day_of_month, month, year))
    return 0;
  GDate date;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day_of_month, month, year);
  return (gint32) g_date_get_julian (&date);
}

void
fr_day_to_ymd (gint32  day,
               int    *year,
               int    *month,
               int    *day_of_month)
{
  GDate date;
  g_date_clear (&date, 1);
  if (day < 1 || !g_date_valid_julian ((guint32) day))
    day = 1;
  g_date_set_julian (&date, (guint32) day);
  if (year)
    *year = g_date_get_year (&date);
  if (month)
    *month = g_date_get_month (&date);
  if (day_of_month)
    *day_of_month = g_date_get_day (&date);
}

static gboolean
parse_digits (const char *text,
              int         n,
              int        *out)
{
  int value = 0;
  for (int i = 0; i < n; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

gboolean
fr_day_parse (const char *text,
              gint32     *day)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (day)
    *day = fr_day_from_ymd (y, m, d);
  return TRUE;
}

char *
fr_day_format_iso (gint32 day)
{
  int y, m, d;
  fr_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

double
fr_day_to_year (gint32 day)
{
  int y, m, d;
  fr_day_to_ymd (day, &y, &m, &d);
  gint32 start = fr_day_from_ymd (y, 1, 1);
  gint32 next = fr_day_from_ymd (y + 1, 1, 1);
  return y + (double) (day - start) / (double) (next - start);
}

gint32
fr_day_from_year (double year)
{
  int y = (int) year;
  if (year < 1)
    return 1;
  gint32 start = fr_day_from_ymd (y, 1, 1);
  gint32 next = fr_day_from_ymd (y + 1, 1, 1);
  return start + (gint32) floor ((year - y) * (next - start) + 1e-6);
}

gint32
fr_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return fr_day_from_ymd (g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}
