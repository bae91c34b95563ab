/* fr-memory.c — handing freed memory back to the system
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C library keeps what the program frees for its next allocations.
 * Reading the 1:10m basemap in a thread and an SMAA run leave megabytes in
 * the allocator's arenas that nothing asks for again, resident for the
 * whole session (about 10 MB after start-up). Once such work has settled
 * they are given back.
 */
#include "config.h"

#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "fr-memory.h"

static guint trim_source;

static gboolean
trim (gpointer user_data)
{
  trim_source = 0;
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/* Trims once things have been quiet for a second, so that a drag or a
 * run of edits pays for it once, after the fact. */
void
fr_memory_trim_soon (void)
{
  if (trim_source != 0)
    g_source_remove (trim_source);
  trim_source = g_timeout_add_full (G_PRIORITY_LOW, 1000, trim, NULL, NULL);
  g_source_set_name_by_id (trim_source, "[frontier] trim freed memory");
}
