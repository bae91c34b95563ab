/* test-app-common.h — helpers shared by the tests of the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that each test program stays one file in tests/meson.build.
 */
#pragma once

#include <gtk/gtk.h>

/* Runs the main loop until @done says so, for ten seconds at the most. */
static inline void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static inline gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Runs what is pending, without waiting. */
static inline void
drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
