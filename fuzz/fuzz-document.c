/* fuzz-document.c — libFuzzer target for the .frontier loader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any input must load or fail cleanly; whatever loads must save, load again
 * and save to the same bytes.
 */
#define G_LOG_DOMAIN "frontier-fuzz"

#include <stdint.h>
#include <stdlib.h>

#include "fr-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = fr_xml_load_bytes (bytes, "fuzz", &error);
  g_autoptr(FrModel) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) resaved = NULL;

  if (model == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  saved = fr_xml_save_bytes (model, &error);
  if (saved == NULL)
    abort ();
  again = fr_xml_load_bytes (saved, "saved", &error);
  if (again == NULL)
    abort ();
  resaved = fr_xml_save_bytes (again, &error);
  if (resaved == NULL || !g_bytes_equal (saved, resaved))
    abort ();
  return 0;
}
