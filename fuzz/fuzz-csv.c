/* fuzz-csv.c — libFuzzer target for the CSV importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-fuzz"

#include <stdint.h>
#include <stdlib.h>

#include "fr-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FrCsvTable) table = NULL;
  g_autoptr(FrMatrix) matrix = NULL;

  table = fr_csv_parse ((const char *) data, size, "fuzz.csv", &error);
  if (table == NULL && (error == NULL || error->message[0] == '\0'))
    abort ();
  g_clear_error (&error);
  matrix = fr_csv_parse_matrix ((const char *) data, size, "fuzz.csv", &error);
  if (matrix == NULL && (error == NULL || error->message[0] == '\0'))
    abort ();
  return 0;
}
