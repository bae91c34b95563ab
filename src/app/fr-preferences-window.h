/* fr-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FR_TYPE_PREFERENCES_WINDOW (fr_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FrPreferencesWindow, fr_preferences_window, FR, PREFERENCES_WINDOW, AdwPreferencesWindow)

FrPreferencesWindow *fr_preferences_window_new (GSettings *settings);

G_END_DECLS
