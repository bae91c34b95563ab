/* test-xml-common.h — helpers shared by the document tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that each test program stays one file in tests/meson.build.
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

static xmlRelaxNGPtr test_schema;

static void G_GNUC_PRINTF (2, 3)
test_schema_error (void       *data,
                   const char *format,
                   ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("RELAX NG: %s", message);
}

/* Loads data/frontier.rng once, through the libxml2 RELAX NG API. */
static xmlRelaxNGPtr
test_get_schema (void)
{
  if (test_schema == NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "frontier.rng", NULL);
      g_autofree char *text = NULL;
      gsize length;
      xmlRelaxNGParserCtxtPtr parser;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      parser = xmlRelaxNGNewMemParserCtxt (text, (int) length);
      xmlRelaxNGSetParserErrors (parser, test_schema_error, test_schema_error, NULL);
      test_schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (test_schema);
    }
  return test_schema;
}

/* TRUE when @data (any encoding libxml2 detects) is valid against the
 * schema; the test's own parse refuses the network. */
static gboolean
test_rng_valid (const char *data,
                gsize       length)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) length, "test.frontier", NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOWARNING);
  xmlRelaxNGValidCtxtPtr valid;
  int result;

  if (doc == NULL)
    return FALSE;
  valid = xmlRelaxNGNewValidCtxt (test_get_schema ());
  xmlRelaxNGSetValidErrors (valid, test_schema_error, test_schema_error, NULL);
  result = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  return result == 0;
}

static gboolean
test_rng_valid_bytes (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  return test_rng_valid (data, length);
}

static void
test_free_schema (void)
{
  g_clear_pointer (&test_schema, xmlRelaxNGFree);
}
