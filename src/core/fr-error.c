/* fr-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "fr-error.h"

G_DEFINE_QUARK (frontier-error-quark, fr_error)
