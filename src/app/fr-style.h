/* fr-style.h — which picture theme the desktop's style asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

#include "fr-theme.h"

G_BEGIN_DECLS

/* Light, dark or high contrast, following libadwaita's style manager. */
const FrTheme *fr_style_current_theme (void);
/* A picture colour as GTK takes it. */
GdkRGBA        fr_style_rgba          (FrColor color);

G_END_DECLS
