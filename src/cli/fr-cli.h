/* fr-cli.h — frontier-cli subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each subcommand parses its own arguments (argv[0] is the subcommand's
 * name), writes its result to stdout only when it succeeded, reports errors
 * on stderr and returns the process exit status.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef int (*FrCliCommandFunc) (int    argc,
                                 char **argv);

typedef struct {
  const char *name;
  const char *summary;       /* translatable, one line */
  FrCliCommandFunc run;
} FrCliCommand;

/* Prints "frontier-cli: MESSAGE" on stderr and returns the exit status for
 * a failed command (1), or 2 when the command line itself was wrong. */
int  fr_cli_fail        (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
int  fr_cli_usage_error (const char *command,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* fr-cli-rank.c, fr-cli-ahp.c */
int  fr_cli_rank        (int    argc,
                         char **argv);
int  fr_cli_ahp         (int    argc,
                         char **argv);
/* fr-cli-smaa.c, fr-cli-sensitivity.c, fr-cli-agreement.c, fr-cli-bundles.c */
int  fr_cli_smaa        (int    argc,
                         char **argv);
int  fr_cli_sensitivity (int    argc,
                         char **argv);
int  fr_cli_agreement   (int    argc,
                         char **argv);
int  fr_cli_bundles     (int    argc,
                         char **argv);
/* fr-cli-status.c, fr-cli-map.c */
int  fr_cli_status      (int    argc,
                         char **argv);
int  fr_cli_map         (int    argc,
                         char **argv);
/* fr-cli-chart.c */
int  fr_cli_chart       (int    argc,
                         char **argv);
/* fr-cli-export.c */
int  fr_cli_export      (int    argc,
                         char **argv);

/* fr-cli-validate.c */
int  fr_cli_validate    (int    argc,
                         char **argv);
int  fr_cli_info        (int    argc,
                         char **argv);

G_END_DECLS
