/* fr-cli-status.c — `frontier-cli status`: every region's bloc at a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "fr-basemap.h"
#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-frontier.h"
#include "fr-timeline.h"

/* "1219.5", "2559.5", "196": '.' always, no trailing ".0". */
static char *
format_km (double km)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", km);
  if (g_str_has_suffix (buffer, ".0"))
    buffer[strlen (buffer) - 2] = '\0';
  return g_strdup (buffer);
}

int
fr_cli_status (int    argc,
               char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *option_id = NULL;
  g_auto(GStrv) documents = NULL;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day to report (default: today)"), N_("YYYY-MM-DD") },
    { "option", 'o', 0, G_OPTION_ARG_STRING, &option_id,
      N_("After the ceasefire, apply this option’s projection"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrTimeline) timeline = NULL;
  g_autoptr(FrTimelineState) state = NULL;
  g_autoptr(FrBasemap) basemap = NULL;
  g_autoptr(FrFrontier) frontier = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *km = NULL;
  const char *const *regions;
  gint32 day;

  context = g_option_context_new (_("DOCUMENT.frontier — alignment of every region at a date"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints one line per region the document names, sorted by code:\n"
      "“code”, “alignment” (nato, neutral, russia-aligned, russia, occupied,\n"
      "warsaw-pact or none) and “eu” (member, candidate or none), separated by\n"
      "tabs; then “frontier_km” and the NATO–Russia land frontier in km, the sum\n"
      "of the cited official figures for the borders on the frontier that day."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("status", "%s", error->message);

  if (documents == NULL || g_strv_length (documents) != 1)
    return fr_cli_usage_error ("status", _("give exactly one document"));
  if (!fr_cli_parse_day (date_text, &day))
    return fr_cli_usage_error ("status", _("“%s” is not a date of the form YYYY-MM-DD"), date_text);

  state = fr_cli_timeline_state (documents[0], option_id, day, &model, &timeline);
  if (state == NULL)
    return 1;

  /* The basemap decides which borders exist (and adds the Crimea line);
   * 1:50m has the same borders as 1:10m and loads faster. */
  basemap = fr_basemap_load_default (FR_BASEMAP_DETAIL_50M, &error);
  if (basemap == NULL)
    return fr_cli_fail (_("cannot load the basemap: %s"), error->message);
  frontier = fr_frontier_compute (basemap, state);

  regions = fr_timeline_get_regions (timeline);
  for (guint i = 0; regions[i] != NULL; i++)
    g_string_append_printf (out, "%s\t%s\t%s\n", regions[i],
                            fr_alignment_to_string (fr_timeline_state_get_alignment (state, regions[i])),
                            fr_eu_status_to_string (fr_timeline_state_get_eu (state, regions[i])));
  km = format_km (frontier->official_km);
  g_string_append_printf (out, "frontier_km\t%s\n", km);

  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("cannot write the result"));
}
