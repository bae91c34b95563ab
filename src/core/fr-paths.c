/* fr-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include "fr-paths.h"

const char *
fr_data_dir (void)
{
  static char *data_dir;

  if (g_once_init_enter (&data_dir))
    {
      const char *env = g_getenv ("FRONTIER_DATADIR");
      char *dir;

      if (env != NULL && env[0] != '\0')
        dir = g_strdup (env);
      else if (g_file_test (PKGDATADIR "/scenarios", G_FILE_TEST_IS_DIR))
        dir = g_strdup (PKGDATADIR);
      else
        dir = g_strdup (SOURCE_DATADIR);
      g_once_init_leave (&data_dir, dir);
    }
  return data_dir;
}

char *
fr_data_path (const char *relative)
{
  return g_build_filename (fr_data_dir (), relative, NULL);
}

char *
fr_scenario_path (void)
{
  return fr_data_path ("scenarios/ukraine-security-options.frontier");
}
