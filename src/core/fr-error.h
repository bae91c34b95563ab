/* fr-error.h — one error domain for everything the core refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FR_ERROR (fr_error_quark ())

typedef enum {
  FR_ERROR_FAILED,
  FR_ERROR_PARSE,          /* not well-formed: XML, CSV, KML */
  FR_ERROR_INVALID,        /* well-formed but not a valid document / matrix */
  FR_ERROR_UNSAFE,         /* DOCTYPE, entities, XInclude… refused on purpose */
  FR_ERROR_TOO_LARGE,      /* over a documented limit */
  FR_ERROR_ENCODING,       /* not UTF-8 or UTF-16 */
  FR_ERROR_UNSUPPORTED,    /* a newer major version, an unknown method */
  FR_ERROR_IO,
} FrError;

GQuark fr_error_quark (void);

G_END_DECLS
