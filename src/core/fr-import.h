/* fr-import.h — documents made from other formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fr-matrix.h"
#include "fr-model.h"

G_BEGIN_DECLS

/* A new document holding @matrix: one criterion per column (benefit, scaled
 * on the data), one option per row, and one stakeholder with equal weights
 * whose sliders the user can move. @source_name names where the numbers
 * came from ("matrix.csv"); it becomes the document's only source, cited by
 * every score. */
FrModel *fr_model_new_from_matrix (const FrMatrix *matrix,
                                   const char     *title,
                                   const char     *source_name);
/* A valid document id from a display name: "Cost (bn USD)" → "cost-bn-usd",
 * unique in @taken (which it is added to). */
char    *fr_make_id               (const char     *name,
                                   const char     *fallback,
                                   GHashTable     *taken);

G_END_DECLS
