/* test-cli-common.h — running frontier-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that each test program stays one file in tests/meson.build.
 */
#pragma once

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

/* What one run of frontier-cli printed and how it ended. Declare with
 * g_auto(Run) and zeroed; a Run can be reused. */
typedef struct {
  char *out;
  char *err;
  int status;
} Run;

static inline void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs $FRONTIER_CLI with @args (the arguments after the program name). */
static inline void
run_cli_args (Run              *run,
              const GPtrArray  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("FRONTIER_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}
