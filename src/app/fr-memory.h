/* fr-memory.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void fr_memory_trim_soon (void);

G_END_DECLS
