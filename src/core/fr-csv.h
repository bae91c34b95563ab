/* fr-csv.h — reading decision matrices (and other tables) from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 with the habits of real spreadsheets: UTF-8 with or without a
 * byte-order mark, comma or semicolon separators (chosen from the header
 * line), CRLF or LF line ends, quoted fields with doubled quotes and
 * embedded separators or newlines. Every error names the file, line and
 * column ("matrix.csv:3:14: …"), columns counted in characters from 1.
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read. */
#define FR_CSV_MAX_BYTES (32 * 1024 * 1024)
/* Fields in one file: enough for the largest matrix a document may hold
 * (fr-limits.h: 1000 options × 1000 criteria, plus names), and a bound on
 * memory for a hostile file of separators. */
#define FR_CSV_MAX_FIELDS 1100000

typedef struct {
  char *text;          /* unquoted, UTF-8; leading/trailing blanks kept */
  guint line;          /* where the field starts, from 1 */
  guint column;        /* in characters, from 1 */
} FrCsvField;

typedef struct {
  char *display_name;
  char separator;      /* ',' or ';' */
  GPtrArray *rows;     /* GArray of FrCsvField; blank lines are skipped */
} FrCsvTable;

FrCsvTable *fr_csv_parse            (const char        *data,
                                     gsize              length,
                                     const char        *display_name,
                                     GError           **error);
void        fr_csv_table_free       (FrCsvTable        *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrCsvTable, fr_csv_table_free)

/* Reads a whole file for one of the parsers, refusing anything over
 * FR_CSV_MAX_BYTES. */
GBytes     *fr_csv_read_file        (const char        *path,
                                     GError           **error);

/* A finite decimal number: optional sign, digits with an optional point
 * and exponent; with a ';' separator a single decimal comma is accepted
 * too ("1,5"). NaN, infinities, hexadecimal and empty cells are refused
 * with an error at the field's position. */
gboolean    fr_csv_field_to_double  (const FrCsvTable  *table,
                                     const FrCsvField  *field,
                                     double            *value,
                                     GError           **error);

/* Sets a "name:line:column: message" error. */
void        fr_csv_set_error        (GError           **error,
                                     int                code,
                                     const char        *display_name,
                                     guint              line,
                                     guint              column,
                                     const char        *message);

/* A decision matrix: a header row (a label cell, then one cell per
 * criterion name), then one row per option (its name, then its scores).
 * Criteria are benefit criteria without a scale (the data's own range is
 * used) and usual preference; ids are the names. At most
 * FR_XML_MAX_OPTIONS options and FR_XML_MAX_CRITERIA criteria, as in a
 * document. */
FrMatrix   *fr_csv_parse_matrix     (const char        *data,
                                     gsize              length,
                                     const char        *display_name,
                                     GError           **error);
FrMatrix   *fr_csv_load_matrix      (const char        *path,
                                     GError           **error);

G_END_DECLS
