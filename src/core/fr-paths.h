/* fr-paths.h — where Frontier finds the data it ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The data directory: $FRONTIER_DATADIR when set (tests, uninstalled runs),
 * else the installed one when it exists, else the source tree's data/. */
const char *fr_data_dir          (void);
/* fr_data_dir() joined with @relative, newly allocated. */
char       *fr_data_path         (const char *relative);
/* The bundled scenario document. */
char       *fr_scenario_path     (void);

G_END_DECLS
