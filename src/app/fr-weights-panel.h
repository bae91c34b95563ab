/* fr-weights-panel.h — sliders over the criteria tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fr-document.h"
#include "fr-history.h"

G_BEGIN_DECLS

#define FR_TYPE_WEIGHTS_PANEL (fr_weights_panel_get_type ())
G_DECLARE_FINAL_TYPE (FrWeightsPanel, fr_weights_panel, FR, WEIGHTS_PANEL, GtkBox)

GtkWidget  *fr_weights_panel_new             (void);
/* Edits go through @history so each can be undone; slider drags of one
 * criterion merge into one step. */
void        fr_weights_panel_set_document    (FrWeightsPanel *self,
                                              FrDocument     *document,
                                              FrHistory      *history);
void        fr_weights_panel_set_stakeholder (FrWeightsPanel *self,
                                              const char     *stakeholder_id);
/* @value in 0..1. FALSE when there is no such criterion or the locks leave
 * it no room. */
gboolean    fr_weights_panel_set_weight      (FrWeightsPanel *self,
                                              const char     *criterion_id,
                                              double          value);
void        fr_weights_panel_set_locked      (FrWeightsPanel *self,
                                              const char     *criterion_id,
                                              gboolean        locked);
gboolean    fr_weights_panel_get_locked      (FrWeightsPanel *self,
                                              const char     *criterion_id);
void        fr_weights_panel_normalise       (FrWeightsPanel *self);
/* Back to the stakeholder's weights as the document had them when it was
 * opened or last saved. */
void        fr_weights_panel_reset           (FrWeightsPanel *self);
/* Takes the current weights as the profile reset returns to. */
void        fr_weights_panel_take_profile    (FrWeightsPanel *self);

G_END_DECLS
