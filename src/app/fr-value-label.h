/* fr-value-label.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FR_TYPE_VALUE_LABEL (fr_value_label_get_type ())
G_DECLARE_FINAL_TYPE (FrValueLabel, fr_value_label, FR, VALUE_LABEL, GtkWidget)

GtkWidget  *fr_value_label_new        (const char   *sample);
void        fr_value_label_set_sample (FrValueLabel *self,
                                       const char   *sample);
void        fr_value_label_set_text   (FrValueLabel *self,
                                       const char   *text);
const char *fr_value_label_get_text   (FrValueLabel *self);

G_END_DECLS
