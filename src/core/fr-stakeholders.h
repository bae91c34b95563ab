/* fr-stakeholders.h — where the parties' preferences meet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each stakeholder scores every option by the weighted sum with its own
 * weights (fr-wsm.h) and walks away from an option below its reservation
 * level. From those utilities:
 *
 *   zone of possible agreement (ZOPA): the options every stakeholder rates
 *     at or above its reservation level;
 *   Pareto front: the options no other option beats for some stakeholder
 *     without being worse for another;
 *   Nash bargaining choice (Nash 1950): the ZOPA option maximising the
 *     product of the stakeholders' gains over their reservation levels.
 *     There is none when the ZOPA is empty: no option is acceptable to all.
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

typedef struct {
  guint n_stakeholders;
  guint n_options;
  double *reservation;      /* n_stakeholders */
  double *utility;          /* n_stakeholders × n_options, stakeholder-major */
  gboolean *in_zopa;        /* n_options */
  guint n_zopa;
  gboolean *pareto;         /* n_options */
  int nash;                 /* option index, −1 when the ZOPA is empty */
  double nash_product;      /* Π (u − r) of the Nash choice, 0 when none */
} FrAgreement;

/* From utilities already computed: @utility is n_stakeholders × n_options
 * (stakeholder-major), @reservation n_stakeholders. Without stakeholders
 * every option is in the ZOPA and on the front, and there is no Nash
 * choice (nobody to bargain). */
FrAgreement *fr_agreement_new            (guint               n_stakeholders,
                                          guint               n_options,
                                          const double       *utility,
                                          const double       *reservation);
/* Utilities by each of @model's stakeholders' weights on @matrix (built
 * from @model, so its criteria and options match). */
FrAgreement *fr_agreement_new_from_model (const FrModel      *model,
                                          const FrMatrix     *matrix);
void         fr_agreement_free           (FrAgreement        *agreement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrAgreement, fr_agreement_free)

/* Fills @utility (n_options) with @stakeholder's weighted sum of every
 * option; NULL means equal weights. */
void         fr_stakeholder_utilities    (const FrMatrix      *matrix,
                                          const FrStakeholder *stakeholder,
                                          double              *utility);

/* Does vector @a (stride @stride between entries) Pareto-dominate @b: no
 * worse anywhere and better somewhere? */
gboolean     fr_pareto_dominates         (const double        *a,
                                          const double        *b,
                                          guint                stride,
                                          guint                n);

G_END_DECLS
