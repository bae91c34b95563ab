/* test-csv.c — RFC 4180 parsing and decision matrices from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "fr-csv.h"
#include "fr-error.h"

static FrMatrix *
parse (const char  *text,
       GError     **error)
{
  return fr_csv_parse_matrix (text, strlen (text), "m.csv", error);
}

/* Asserts that @text is refused with a message that starts with
 * "m.csv:LINE:COLUMN: " followed by @expected. */
static void
check_error (const char *text,
             gsize       length,
             int         code,
             const char *expected)
{
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  matrix = fr_csv_parse_matrix (text, length, "m.csv", &error);
  g_assert_null (matrix);
  g_assert_error (error, FR_ERROR, code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected “%s…”, got “%s”", expected, error->message);
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = parse ("option,deterrence,cost\n"
                                      "nato,9,120\n"
                                      "neutral, 6 ,-1.5e2\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_options, ==, 2);
  g_assert_cmpuint (matrix->n_criteria, ==, 2);
  g_assert_cmpstr (matrix->criteria[1].id, ==, "cost");
  g_assert_cmpstr (matrix->criteria[1].name, ==, "cost");
  g_assert_false (matrix->criteria[1].has_scale);
  g_assert_cmpint (matrix->criteria[1].direction, ==, FR_DIRECTION_BENEFIT);
  g_assert_cmpint (matrix->criteria[1].preference.kind, ==, FR_PREF_USUAL);
  g_assert_cmpstr (matrix->option_ids[1], ==, "neutral");
  g_assert_cmpfloat (FR_MATRIX_AT (matrix, 1, 0), ==, 6);
  g_assert_cmpfloat (FR_MATRIX_AT (matrix, 1, 1), ==, -150);
  g_assert_cmpfloat (matrix->low[3], ==, -150);
  g_assert_cmpfloat (matrix->high[3], ==, -150);
  /* No scale: values are read on the data's own range. */
  g_assert_cmpfloat (fr_matrix_value (matrix, 1, 120), ==, 1.0);
  g_assert_cmpfloat (fr_matrix_value (matrix, 1, -150), ==, 0.0);
}

static void
test_fixture_bom_semicolon (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "methods",
                                                 "matrix-bom-semicolon.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = fr_csv_load_matrix (path, &error);

  /* BOM, semicolons (detected from the header), CRLF, quoted fields with
   * an embedded separator, doubled quotes and an embedded line break, a
   * decimal comma and a trailing blank line. */
  g_assert_no_error (error);
  g_assert_cmpuint (matrix->n_criteria, ==, 2);
  g_assert_cmpuint (matrix->n_options, ==, 2);
  g_assert_cmpstr (matrix->criteria[0].name, ==, "Deterrence; credible");
  g_assert_cmpstr (matrix->criteria[1].name, ==, "Cost \"bn\"");
  g_assert_cmpstr (matrix->option_names[0], ==, "NATO\nmembership");
  g_assert_cmpfloat (FR_MATRIX_AT (matrix, 0, 1), ==, 120.5);
  g_assert_cmpfloat (FR_MATRIX_AT (matrix, 1, 1), ==, 150);
}

static void
test_table (void)
{
  const char *text = "a,\"b\nc\",\"\"\"q\"\"\"\r\n,,\r\rlast";
  g_autoptr(GError) error = NULL;
  g_autoptr(FrCsvTable) table = fr_csv_parse (text, strlen (text), "t.csv", &error);
  GArray *row;

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 3);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpstr (g_array_index (row, FrCsvField, 1).text, ==, "b\nc");
  g_assert_cmpstr (g_array_index (row, FrCsvField, 2).text, ==, "\"q\"");
  g_assert_cmpuint (g_array_index (row, FrCsvField, 2).line, ==, 2);
  g_assert_cmpuint (g_array_index (row, FrCsvField, 2).column, ==, 4);
  row = g_ptr_array_index (table->rows, 1);
  /* Three empty fields are a record, not a blank line. */
  g_assert_cmpuint (row->len, ==, 3);
  g_assert_cmpuint (g_array_index (row, FrCsvField, 2).line, ==, 3);
  g_assert_cmpuint (g_array_index (row, FrCsvField, 2).column, ==, 3);
  /* A lone CR ends a line too; the blank line between is skipped. */
  row = g_ptr_array_index (table->rows, 2);
  g_assert_cmpstr (g_array_index (row, FrCsvField, 0).text, ==, "last");
  g_assert_cmpuint (g_array_index (row, FrCsvField, 0).line, ==, 5);
}

static void
test_separator_detection (void)
{
  g_autoptr(FrCsvTable) semicolons = fr_csv_parse ("a;b;\"c,d\"\n1;2;3\n", 16, NULL, NULL);
  g_autoptr(FrCsvTable) commas = fr_csv_parse ("a,b;c,d\n", 8, NULL, NULL);
  g_autoptr(FrCsvTable) single = fr_csv_parse ("a\n1\n", 4, NULL, NULL);

  g_assert_cmpint (semicolons->separator, ==, ';');
  g_assert_cmpuint (((GArray *) g_ptr_array_index (semicolons->rows, 0))->len, ==, 3);
  g_assert_cmpint (commas->separator, ==, ',');
  g_assert_cmpint (single->separator, ==, ',');
}

static void
test_malformed (void)
{
  /* Columns are counted in characters, not bytes: “é” is one. */
  check_error ("opt,crit\nné,1x\n", 15, FR_ERROR_INVALID, "m.csv:2:4: “1x” is not a decimal number");
  check_error ("opt,crit\nn,nan\n", 15, FR_ERROR_INVALID, "m.csv:2:3: “nan” is not a decimal number");
  check_error ("opt,crit\nn,inf\n", 15, FR_ERROR_INVALID, "m.csv:2:3: “inf” is not a decimal number");
  check_error ("opt,crit\nn,-Infinity\n", 20, FR_ERROR_INVALID, "m.csv:2:3: “-Infinity” is not a decimal number");
  check_error ("opt,crit\nn,0x10\n", 16, FR_ERROR_INVALID, "m.csv:2:3: “0x10” is not a decimal number");
  check_error ("opt,crit\nn,1e999\n", 17, FR_ERROR_INVALID, "m.csv:2:3: “1e999” is out of range");
  check_error ("opt,crit\nn,  \n", 13, FR_ERROR_INVALID, "m.csv:2:3: an empty cell");
  check_error ("opt,crit\nn,1,2\n", 14, FR_ERROR_INVALID, "m.csv:2:5: this row has 3 fields but the header has 2");
  check_error ("opt,a,b\nn,1\n", 12, FR_ERROR_INVALID, "m.csv:2:3: this row has 2 fields but the header has 3");
  check_error ("opt,a\n\"n,1\n", 11, FR_ERROR_PARSE, "m.csv:2:1: a quoted field is never closed");
  check_error ("opt,a\n\"n\"x,1\n", 13, FR_ERROR_PARSE, "m.csv:2:4: unexpected text after a closing quote");
  check_error ("opt,a\nn\"x,1\n", 12, FR_ERROR_PARSE, "m.csv:2:2: a quote inside an unquoted field");
  check_error ("opt,a\nn,1\xff\n", 10, FR_ERROR_ENCODING, "m.csv:2:4: invalid UTF-8");
  check_error ("opt,a\nn,1\0002\n", 11, FR_ERROR_ENCODING, "m.csv:2:4: a NUL byte");
  check_error ("opt,a,a\nn,1,2\n", 14, FR_ERROR_INVALID, "m.csv:1:7: criterion “a” appears twice");
  check_error ("opt,a, \nn,1,2\n", 14, FR_ERROR_INVALID, "m.csv:1:7: an empty criterion name");
  check_error ("opt,a\nn,1\nn,2\n", 14, FR_ERROR_INVALID, "m.csv:3:1: option “n” appears twice");
  check_error ("opt,a\n,1\n", 9, FR_ERROR_INVALID, "m.csv:2:1: an empty option name");
  check_error ("", 0, FR_ERROR_INVALID, "m.csv:1:1: the file is empty");
  check_error ("\xef\xbb\xbf\r\n\r\n", 7, FR_ERROR_INVALID, "m.csv:1:1: the file is empty");
  check_error ("opt\nn\n", 6, FR_ERROR_INVALID, "m.csv:1:1: the header needs a label cell");
  check_error ("opt,a,b\n", 8, FR_ERROR_INVALID, "m.csv:1:1: no options");
  /* A comma is a decimal mark only in a semicolon file. */
  check_error ("opt,a\nn,\"1,5\"\n", 14, FR_ERROR_INVALID, "m.csv:2:3: “1,5” is not a decimal number");
}

static void
test_fixture_errors (void)
{
  const struct {
    const char *file;
    int code;
    const char *message;   /* after the path and a colon */
  } cases[] = {
    { "matrix-ragged.csv", FR_ERROR_INVALID, "3:9: this row has 2 fields but the header has 3" },
    { "matrix-invalid-utf8.csv", FR_ERROR_ENCODING, "3:11: invalid UTF-8" },
    { "matrix-nan.csv", FR_ERROR_INVALID, "2:8: “nan” is not a decimal number" },
    { "matrix-hex.csv", FR_ERROR_INVALID, "2:8: “0x1p3” is not a decimal number" },
    { "matrix-unterminated.csv", FR_ERROR_PARSE, "3:1: a quoted field is never closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "methods", cases[i].file, NULL);
      g_autofree char *expected = g_strdup_printf ("%s:%s", path, cases[i].message);
      g_autoptr(GError) error = NULL;
      g_autoptr(FrMatrix) matrix = fr_csv_load_matrix (path, &error);

      g_assert_null (matrix);
      g_assert_error (error, FR_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("expected “%s…”, got “%s”", expected, error->message);
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) text = g_string_new ("opt");
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(FrCsvTable) table = NULL;

  /* 1001 criteria: the first one too many is named by its position. */
  for (guint c = 0; c < 1001; c++)
    g_string_append_printf (text, ",c%u", c);
  g_string_append (text, "\n");
  matrix = fr_csv_parse_matrix (text->str, text->len, "m.csv", &error);
  g_assert_null (matrix);
  g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "m.csv:1:"));
  g_assert_nonnull (strstr (error->message, "more than 1000 criteria"));
  g_clear_error (&error);

  /* 1001 options. */
  g_string_assign (text, "opt,a\n");
  for (guint o = 0; o < 1001; o++)
    g_string_append_printf (text, "o%u,%u\n", o, o);
  matrix = fr_csv_parse_matrix (text->str, text->len, "m.csv", &error);
  g_assert_null (matrix);
  g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "m.csv:1002:1: more than 1000 options"));
  g_clear_error (&error);

  /* A file of separators stops at the field limit instead of filling
   * memory: 1 100 000 fields are fine, the next one is refused. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < FR_CSV_MAX_FIELDS; i++)
    g_string_append_c (text, ',');
  table = fr_csv_parse (text->str, text->len, "m.csv", &error);
  g_assert_null (table);
  g_assert_error (error, FR_ERROR, FR_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "m.csv:1:1100001: more than 1100000 fields"));
}

/* Random and mutated input never crashes and every refusal points at a
 * place in the file. */
static void
test_fuzz (void)
{
  const char *seeds[] = {
    "option,deterrence,cost\nnato,9,120\nneutral,6,150\n",
    "\xef\xbb\xbf\"a;b\";\"c\"\"d\"\r\n\"x\r\ny\";1,5;2\r\n",
  };
  const char alphabet[] = ",;\"\r\n 0123456789.eE+-abc\xc3\xa9\xff";
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);

  for (guint trial = 0; trial < 3000; trial++)
    {
      g_autoptr(GString) text = g_string_new (seeds[trial % G_N_ELEMENTS (seeds)]);
      g_autoptr(GError) error = NULL;
      g_autoptr(FrMatrix) matrix = NULL;
      guint edits = g_rand_int_range (rand, 1, 6);

      for (guint e = 0; e < edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, text->len + 1);
          char c = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              g_string_insert_c (text, at, c);
              break;
            case 1:
              if (at < text->len)
                g_string_erase (text, at, 1);
              break;
            default:
              if (at < text->len)
                text->str[at] = c;
              break;
            }
        }
      matrix = fr_csv_parse_matrix (text->str, text->len, "m.csv", &error);
      if (matrix == NULL)
        {
          guint line = 0, column = 0;
          g_assert_nonnull (error);
          g_assert_cmpint (sscanf (error->message, "m.csv:%u:%u: ", &line, &column), ==, 2);
          g_assert_cmpuint (line, >=, 1);
          g_assert_cmpuint (column, >=, 1);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (matrix->n_options, >=, 1);
          g_assert_cmpuint (matrix->n_criteria, >=, 1);
        }
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = fr_csv_load_matrix ("/nonexistent/matrix.csv", &error);

  g_assert_null (matrix);
  g_assert_error (error, FR_ERROR, FR_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/matrix.csv"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/plain", test_plain);
  g_test_add_func ("/core/csv/bom-semicolon-quotes", test_fixture_bom_semicolon);
  g_test_add_func ("/core/csv/table", test_table);
  g_test_add_func ("/core/csv/separator", test_separator_detection);
  g_test_add_func ("/core/csv/malformed", test_malformed);
  g_test_add_func ("/core/csv/malformed-files", test_fixture_errors);
  g_test_add_func ("/core/csv/limits", test_limits);
  g_test_add_func ("/core/csv/fuzz", test_fuzz);
  g_test_add_func ("/core/csv/missing-file", test_missing_file);

  return g_test_run ();
}
