/* fr-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FR_TYPE_APPLICATION (fr_application_get_type ())
G_DECLARE_FINAL_TYPE (FrApplication, fr_application, FR, APPLICATION, AdwApplication)

FrApplication *fr_application_new          (void);
GSettings     *fr_application_get_settings (FrApplication *self);


G_END_DECLS
