/* fr-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>

#include "fr-style.h"

const FrTheme *
fr_style_current_theme (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style))
    return fr_theme_get (FR_THEME_HIGH_CONTRAST);
  return fr_theme_get (adw_style_manager_get_dark (style) ? FR_THEME_DARK : FR_THEME_LIGHT);
}

GdkRGBA
fr_style_rgba (FrColor color)
{
  return (GdkRGBA) { (float) color.r, (float) color.g, (float) color.b, (float) color.a };
}
