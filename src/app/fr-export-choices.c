/* fr-export-choices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "fr-export-choices.h"

void
fr_export_choices_add (GtkFileChooser *chooser)
{
  static const char *size_ids[] = { "1280", "1920", "2560", "3840", NULL };
  static const char *scale_ids[] = { "1", "2", NULL };
  const char *size_labels[] = {
    _("1280 pixels wide"), _("1920 pixels wide (Full HD)"), _("2560 pixels wide"), _("3840 pixels wide (4K)"), NULL
  };
  const char *scale_labels[] = { _("Normal"), _("Double, for sharp print and high-density screens"), NULL };

  gtk_file_chooser_add_choice (chooser, "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (chooser, "size", "1920");
  /* Translators: how many device pixels per picture unit, not a criterion's scale */
  gtk_file_chooser_add_choice (chooser, "scale", C_("export picture", "Scale"), scale_ids, scale_labels);
  gtk_file_chooser_set_choice (chooser, "scale", "1");
}

void
fr_export_choices_read (GtkFileChooser *chooser,
                        double          height_ratio,
                        double         *width,
                        double         *height,
                        double         *scale)
{
  const char *size = gtk_file_chooser_get_choice (chooser, "size");
  const char *factor = gtk_file_chooser_get_choice (chooser, "scale");

  *width = size != NULL ? g_ascii_strtod (size, NULL) : 1920;
  if (*width < 320)
    *width = 1920;
  *height = *width * height_ratio;
  *scale = factor != NULL && g_str_equal (factor, "2") ? 2.0 : 1.0;
}
