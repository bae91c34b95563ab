/* fuzz-kml.c — libFuzzer target for the KML importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-fuzz"

#include <stdint.h>
#include <stdlib.h>

#include "fr-kml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FrKmlDocument) document = fr_kml_parse ((const char *) data, size, "fuzz.kml", &error);

  if (document == NULL && (error == NULL || error->message[0] == '\0'))
    abort ();
  return 0;
}
