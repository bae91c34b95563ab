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

G_END_DECLS
