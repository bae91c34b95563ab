/* frontier-cli.c — Frontier's decision engine without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "fr-cli.h"

static const FrCliCommand commands[] = {
  /* Subcommands are listed in the order `--help` shows them. */
  { "rank", N_("Rank the options by weighted sum, TOPSIS or PROMETHEE"), fr_cli_rank },
  { "ahp", N_("Priorities and consistency from a pairwise comparison matrix"), fr_cli_ahp },
  { "smaa", N_("How often each option ranks first, second… under uncertainty (SMAA-2)"), fr_cli_smaa },
  { "sensitivity", N_("How far each weight can move before the leading option changes"), fr_cli_sensitivity },
  { "agreement", N_("Each stakeholder’s scores, the zone of agreement, Pareto front and Nash choice"), fr_cli_agreement },
  { "bundles", N_("The best feasible bundles of elements for a stakeholder"), fr_cli_bundles },
  { "status", N_("Alignment of every region and the frontier length at a date"), fr_cli_status },
  { "map", N_("Draw the frontier map at a date to PNG, SVG or PDF"), fr_cli_map },
  { "chart", N_("Draw an analysis chart (ranking, profile, sensitivity, SMAA, stakeholders) to PNG, SVG or PDF"), fr_cli_chart },
  { "export", N_("Export saved views as slides (PNG, SVG) or the whole deck as one PDF"), fr_cli_export },
  { "validate", N_("Check .frontier documents and report the first problem in each"), fr_cli_validate },
  { "info", N_("Count what a .frontier document holds"), fr_cli_info },
};

int
fr_cli_fail (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fflush (stdout);
  fprintf (stderr, "frontier-cli: %s\n", message);
  return 1;
}

int
fr_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "frontier-cli: %s\n", message);
  fprintf (stderr, _("Try “frontier-cli %s --help” for more information.\n"), command);
  return 2;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  frontier-cli %s\n  frontier-cli %s\n  frontier-cli --version\n\n",
           _("Usage:"), _("COMMAND [OPTION…]"), _("COMMAND --help"));
  fprintf (stream, "%s\n", _("Weigh security options for several stakeholders, without a display."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-13s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Exit status is 0 on success, 1 when a command fails and 2 on a usage error."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      if (argc > 2 && !g_str_equal (argv[1], "--help"))
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };
          for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
            if (g_str_equal (commands[i].name, argv[2]))
              return commands[i].run (2, help_argv);
        }
      print_help (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "version"))
    {
      printf ("frontier-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, argv[1]))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("frontier-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return 2;
}
