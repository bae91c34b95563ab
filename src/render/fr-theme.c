/* fr-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "fr-theme.h"

#include <string.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const FrTheme themes[] = {
  [FR_THEME_LIGHT] = {
    FR_THEME_LIGHT, RGB (0xffffff), RGB (0x1e1e1e), RGB (0x5e5c64), RGB (0xdeddda),
    RGB (0xdbe9f4), RGB (0xf2f0ea), RGB (0x3584e4), RGB (0xc01c28), 1.0, "Cantarell",
  },
  [FR_THEME_DARK] = {
    FR_THEME_DARK, RGB (0x242424), RGB (0xffffff), RGB (0xb0afb6), RGB (0x3d3846),
    RGB (0x1b2a38), RGB (0x3a3a3a), RGB (0x78aeed), RGB (0xff7b63), 1.0, "Cantarell",
  },
  [FR_THEME_HIGH_CONTRAST] = {
    FR_THEME_HIGH_CONTRAST, RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x000000),
    RGB (0xffffff), RGB (0xffffff), RGB (0x0000cc), RGB (0xcc0000), 1.0, "Cantarell",
  },
  [FR_THEME_PRESENTATION_LIGHT] = {
    FR_THEME_PRESENTATION_LIGHT, RGB (0xffffff), RGB (0x000000), RGB (0x3d3846), RGB (0xc0bfbc),
    RGB (0xd0e4f5), RGB (0xf0eee6), RGB (0x1a5fb4), RGB (0xa51d2d), 1.6, "Cantarell",
  },
  [FR_THEME_PRESENTATION_DARK] = {
    FR_THEME_PRESENTATION_DARK, RGB (0x000000), RGB (0xffffff), RGB (0xdeddda), RGB (0x5e5c64),
    RGB (0x14212e), RGB (0x303030), RGB (0x99c1f1), RGB (0xff7b63), 1.6, "Cantarell",
  },
};

const FrTheme *
fr_theme_get (FrThemeKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (themes))
    kind = FR_THEME_LIGHT;
  return &themes[kind];
}

/* Okabe & Ito (2008) "Color Universal Design" palette, then two extra tones
 * that stay distinguishable for deuteranopes. */
static const FrColor option_palette[] = {
  RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7),
  RGB (0xd55e00), RGB (0x56b4e9), RGB (0xf0e442), RGB (0x000000),
  RGB (0x999999), RGB (0x882255),
};

FrColor
fr_theme_option_color (guint index)
{
  return option_palette[index % G_N_ELEMENTS (option_palette)];
}

FrColor
fr_theme_alignment_color (const FrTheme *theme,
                          FrAlignment    alignment)
{
  static const FrColor light[FR_N_ALIGNMENTS] = {
    [FR_ALIGNMENT_NONE] = RGB (0xe6e4df),
    [FR_ALIGNMENT_NATO] = RGB (0x4f8fcf),            /* blue */
    [FR_ALIGNMENT_NEUTRAL] = RGB (0x8fcfa8),         /* bluish green, light */
    [FR_ALIGNMENT_RUSSIA_ALIGNED] = RGB (0xf2b872),  /* orange, light */
    [FR_ALIGNMENT_RUSSIA] = RGB (0xd97a3a),          /* vermillion */
    [FR_ALIGNMENT_OCCUPIED] = RGB (0xb45a2a),        /* drawn hatched */
    [FR_ALIGNMENT_WARSAW_PACT] = RGB (0xe8a0a0),
  };
  static const FrColor dark[FR_N_ALIGNMENTS] = {
    [FR_ALIGNMENT_NONE] = RGB (0x4a4a4a),
    [FR_ALIGNMENT_NATO] = RGB (0x3a72aa),
    [FR_ALIGNMENT_NEUTRAL] = RGB (0x3f8f62),
    [FR_ALIGNMENT_RUSSIA_ALIGNED] = RGB (0xb07a34),
    [FR_ALIGNMENT_RUSSIA] = RGB (0xa8542a),
    [FR_ALIGNMENT_OCCUPIED] = RGB (0x8a4020),
    [FR_ALIGNMENT_WARSAW_PACT] = RGB (0x9a5a5a),
  };
  if ((int) alignment < 0 || alignment >= FR_N_ALIGNMENTS)
    alignment = FR_ALIGNMENT_NONE;
  if (theme != NULL &&
      (theme->kind == FR_THEME_DARK || theme->kind == FR_THEME_PRESENTATION_DARK))
    return dark[alignment];
  return light[alignment];
}

gboolean
fr_color_parse (const char *text,
                FrColor    *color)
{
  unsigned int value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);
      if (digit < 0)
        return FALSE;
      value = value * 16 + (unsigned int) digit;
    }
  color->r = (value >> 16 & 0xff) / 255.0;
  color->g = (value >> 8 & 0xff) / 255.0;
  color->b = (value & 0xff) / 255.0;
  color->a = 1.0;
  return TRUE;
}

void
fr_color_set_source (cairo_t *cr,
                     FrColor  color)
{
  cairo_set_source_rgba (cr, color.r, color.g, color.b, color.a);
}

FrColor
fr_color_with_alpha (FrColor color,
                     double  alpha)
{
  color.a = alpha;
  return color;
}

void
fr_rounded_rectangle (cairo_t *cr,
                      double   x,
                      double   y,
                      double   width,
                      double   height,
                      double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}
