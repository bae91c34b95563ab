/* fr-csv.c — RFC 4180 tables and decision matrices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fr-csv.h"
#include "fr-error.h"
#include "fr-limits.h"

void
fr_csv_set_error (GError     **error,
                  int          code,
                  const char  *display_name,
                  guint        line,
                  guint        column,
                  const char  *message)
{
  g_set_error (error, FR_ERROR, code, "%s:%u:%u: %s",
               display_name != NULL ? display_name : "<csv>", line, column, message);
}

static void
field_clear (gpointer data)
{
  FrCsvField *field = data;
  g_free (field->text);
}

static GArray *
row_new (void)
{
  GArray *row = g_array_new (FALSE, FALSE, sizeof (FrCsvField));
  g_array_set_clear_func (row, field_clear);
  return row;
}

void
fr_csv_table_free (FrCsvTable *table)
{
  if (table == NULL)
    return;
  g_free (table->display_name);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* Line and column (in characters) of byte @offset. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar b = (guchar) data[i];
      if (b == '\n' || (b == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
        {
          l++;
          c = 1;
        }
      else if (b != '\r' && (b & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

/* The separator is whichever of ',' and ';' the header line uses more
 * outside quotes; a one-column file falls back to ','. */
static char
detect_separator (const char *p,
                  const char *end)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

typedef struct {
  const char *p;
  const char *end;
  guint line;
  guint column;
} Cursor;

static inline void
cursor_advance (Cursor *cursor)
{
  guchar b = (guchar) *cursor->p;

  cursor->p++;
  if (b == '\n' || (b == '\r' && (cursor->p >= cursor->end || *cursor->p != '\n')))
    {
      cursor->line++;
      cursor->column = 1;
    }
  else if (b != '\r' && (b & 0xC0) != 0x80)
    cursor->column++;
}

static inline gboolean
at_line_end (const Cursor *cursor)
{
  return cursor->p < cursor->end && (*cursor->p == '\n' || *cursor->p == '\r');
}

FrCsvTable *
fr_csv_parse (const char  *data,
              gsize        length,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(FrCsvTable) table = NULL;
  g_autoptr(GString) text = NULL;
  const char *invalid = NULL;
  Cursor cursor;
  guint n_fields = 0;
  char sep;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = g_new0 (FrCsvTable, 1);
  table->display_name = g_strdup (display_name != NULL ? display_name : "<csv>");
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length > 0 && !g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;
      locate (data, (gsize) (invalid - data), &line, &column);
      fr_csv_set_error (error, FR_ERROR_ENCODING, table->display_name, line, column,
                        *invalid == '\0'
                        ? _("a NUL byte; a CSV file is text")
                        : _("invalid UTF-8; save the file as UTF-8"));
      return NULL;
    }

  cursor.p = data;
  cursor.end = data + length;
  cursor.line = 1;
  cursor.column = 1;
  sep = table->separator = detect_separator (data, data + length);
  text = g_string_new (NULL);

  while (cursor.p < cursor.end)
    {
      g_autoptr(GArray) row = row_new ();
      gboolean quoted = FALSE;

      for (;;)
        {
          FrCsvField field = { NULL, cursor.line, cursor.column };

          if (++n_fields > FR_CSV_MAX_FIELDS)
            {
              g_autofree char *message =
                g_strdup_printf (_("more than %d fields; that is no decision matrix"), FR_CSV_MAX_FIELDS);
              fr_csv_set_error (error, FR_ERROR_TOO_LARGE, table->display_name,
                                field.line, field.column, message);
              return NULL;
            }
          g_string_truncate (text, 0);
          quoted = cursor.p < cursor.end && *cursor.p == '"';
          if (quoted)
            {
              cursor_advance (&cursor);
              for (;;)
                {
                  if (cursor.p >= cursor.end)
                    {
                      fr_csv_set_error (error, FR_ERROR_PARSE, table->display_name,
                                        field.line, field.column,
                                        _("a quoted field is never closed"));
                      return NULL;
                    }
                  if (*cursor.p == '"')
                    {
                      cursor_advance (&cursor);
                      if (cursor.p < cursor.end && *cursor.p == '"')
                        {
                          g_string_append_c (text, '"');
                          cursor_advance (&cursor);
                          continue;
                        }
                      break;
                    }
                  if (*cursor.p == '\r' && cursor.p + 1 < cursor.end && cursor.p[1] == '\n')
                    {
                      /* A CRLF inside quotes is one newline of the text. */
                      cursor_advance (&cursor);
                      continue;
                    }
                  g_string_append_c (text, *cursor.p == '\r' ? '\n' : *cursor.p);
                  cursor_advance (&cursor);
                }
              if (cursor.p < cursor.end && *cursor.p != sep && !at_line_end (&cursor))
                {
                  fr_csv_set_error (error, FR_ERROR_PARSE, table->display_name,
                                    cursor.line, cursor.column,
                                    _("unexpected text after a closing quote; double a quote inside a quoted field"));
                  return NULL;
                }
            }
          else
            {
              while (cursor.p < cursor.end && *cursor.p != sep && !at_line_end (&cursor))
                {
                  if (*cursor.p == '"')
                    {
                      fr_csv_set_error (error, FR_ERROR_PARSE, table->display_name,
                                        cursor.line, cursor.column,
                                        _("a quote inside an unquoted field; quote the whole field and double the quote"));
                      return NULL;
                    }
                  g_string_append_c (text, *cursor.p);
                  cursor_advance (&cursor);
                }
            }

          field.text = g_strndup (text->str, text->len);
          g_array_append_val (row, field);

          if (cursor.p < cursor.end && *cursor.p == sep)
            {
              cursor_advance (&cursor);
              continue;
            }
          if (cursor.p < cursor.end)
            {
              /* A line end: CRLF, LF or a lone CR. */
              if (*cursor.p == '\r' && cursor.p + 1 < cursor.end && cursor.p[1] == '\n')
                cursor_advance (&cursor);
              cursor_advance (&cursor);
            }
          break;
        }

      /* A blank line is one empty unquoted field; it carries no data. */
      if (row->len == 1 && !quoted && g_array_index (row, FrCsvField, 0).text[0] == '\0')
        continue;
      g_ptr_array_add (table->rows, g_steal_pointer (&row));
    }

  return g_steal_pointer (&table);
}

GBytes *
fr_csv_read_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("Cannot read “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > FR_CSV_MAX_BYTES)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MiB; that is no decision matrix"),
                   path, FR_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("Cannot read “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }
  if (length > FR_CSV_MAX_BYTES)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MiB; that is no decision matrix"),
                   path, FR_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Strict decimal syntax; strtod alone would also take "nan", "inf" and
 * "0x1p3", which no spreadsheet means as a score. */
static gboolean
decimal_syntax_ok (const char *s,
                   char        point)
{
  gboolean digits = FALSE;

  if (*s == '+' || *s == '-')
    s++;
  while (g_ascii_isdigit (*s))
    {
      s++;
      digits = TRUE;
    }
  if (*s == point)
    {
      s++;
      while (g_ascii_isdigit (*s))
        {
          s++;
          digits = TRUE;
        }
    }
  if (!digits)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  return *s == '\0';
}

gboolean
fr_csv_field_to_double (const FrCsvTable  *table,
                        const FrCsvField  *field,
                        double            *value,
                        GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  double v;

  g_return_val_if_fail (table != NULL && field != NULL && value != NULL, FALSE);

  text = g_strstrip (g_strdup (field->text));
  if (text[0] == '\0')
    {
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line, field->column,
                        _("an empty cell; every score needs a number"));
      return FALSE;
    }
  if (!decimal_syntax_ok (text, '.'))
    {
      if (table->separator == ';' && decimal_syntax_ok (text, ','))
        {
          char *comma = strchr (text, ',');
          if (comma != NULL)
            *comma = '.';
        }
      else
        {
          message = g_strdup_printf (_("“%s” is not a decimal number"), text);
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                            field->column, message);
          return FALSE;
        }
    }
  v = g_ascii_strtod (text, NULL);
  if (!isfinite (v))
    {
      message = g_strdup_printf (_("“%s” is out of range"), text);
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                        field->column, message);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

static char *
field_name (const FrCsvField *field)
{
  return g_strstrip (g_strdup (field->text));
}

FrMatrix *
fr_csv_parse_matrix (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(FrCsvTable) table = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *message = NULL;
  GArray *header;
  guint n_criteria, n_options;

  table = fr_csv_parse (data, length, display_name, error);
  if (table == NULL)
    return NULL;

  if (table->rows->len == 0)
    {
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, 1, 1,
                        _("the file is empty; expected a header row of criterion names"));
      return NULL;
    }
  header = g_ptr_array_index (table->rows, 0);
  if (header->len < 2)
    {
      const FrCsvField *first = &g_array_index (header, FrCsvField, 0);
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, first->line, first->column,
                        _("the header needs a label cell and at least one criterion name"));
      return NULL;
    }
  n_criteria = header->len - 1;
  n_options = table->rows->len - 1;
  if (n_criteria > FR_XML_MAX_CRITERIA)
    {
      const FrCsvField *field = &g_array_index (header, FrCsvField, FR_XML_MAX_CRITERIA + 1);
      message = g_strdup_printf (_("more than %d criteria"), FR_XML_MAX_CRITERIA);
      fr_csv_set_error (error, FR_ERROR_TOO_LARGE, table->display_name, field->line,
                        field->column, message);
      return NULL;
    }
  if (n_options > FR_XML_MAX_OPTIONS)
    {
      GArray *row = g_ptr_array_index (table->rows, FR_XML_MAX_OPTIONS + 1);
      const FrCsvField *field = &g_array_index (row, FrCsvField, 0);
      message = g_strdup_printf (_("more than %d options"), FR_XML_MAX_OPTIONS);
      fr_csv_set_error (error, FR_ERROR_TOO_LARGE, table->display_name, field->line,
                        field->column, message);
      return NULL;
    }
  if (table->rows->len < 2)
    {
      const FrCsvField *first = &g_array_index (header, FrCsvField, 0);
      fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, first->line, first->column,
                        _("no options: expected one row per option after the header"));
      return NULL;
    }

  matrix = fr_matrix_new (n_options, n_criteria);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint c = 0; c < n_criteria; c++)
    {
      const FrCsvField *field = &g_array_index (header, FrCsvField, c + 1);
      char *name = field_name (field);

      if (name[0] == '\0' || g_hash_table_contains (seen, name))
        {
          if (name[0] == '\0')
            message = g_strdup (_("an empty criterion name"));
          else
            message = g_strdup_printf (_("criterion “%s” appears twice"), name);
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, field->line,
                            field->column, message);
          g_free (name);
          return NULL;
        }
      g_hash_table_add (seen, g_strdup (name));
      matrix->criteria[c].id = g_strdup (name);
      matrix->criteria[c].name = name;
    }

  g_hash_table_remove_all (seen);
  for (guint o = 0; o < n_options; o++)
    {
      GArray *row = g_ptr_array_index (table->rows, o + 1);
      const FrCsvField *first = &g_array_index (row, FrCsvField, 0);
      char *name;

      if (row->len != header->len)
        {
          const FrCsvField *at = row->len > header->len
                                 ? &g_array_index (row, FrCsvField, header->len)
                                 : &g_array_index (row, FrCsvField, row->len - 1);
          g_clear_pointer (&message, g_free);
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "this row has %u field but the header has %u",
                                                  "this row has %u fields but the header has %u",
                                                  row->len),
                                     row->len, header->len);
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, at->line,
                            at->column, message);
          return NULL;
        }

      name = field_name (first);
      if (name[0] == '\0' || g_hash_table_contains (seen, name))
        {
          g_clear_pointer (&message, g_free);
          if (name[0] == '\0')
            message = g_strdup (_("an empty option name"));
          else
            message = g_strdup_printf (_("option “%s” appears twice"), name);
          fr_csv_set_error (error, FR_ERROR_INVALID, table->display_name, first->line,
                            first->column, message);
          g_free (name);
          return NULL;
        }
      g_hash_table_add (seen, g_strdup (name));
      matrix->option_ids[o] = g_strdup (name);
      matrix->option_names[o] = name;

      for (guint c = 0; c < n_criteria; c++)
        {
          const FrCsvField *field = &g_array_index (row, FrCsvField, c + 1);
          gsize cell = (gsize) o * n_criteria + c;
          double v;

          if (!fr_csv_field_to_double (table, field, &v, error))
            return NULL;
          matrix->values[cell] = matrix->low[cell] = matrix->high[cell] = v;
        }
    }

  return g_steal_pointer (&matrix);
}

FrMatrix *
fr_csv_load_matrix (const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = fr_csv_read_file (path, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return fr_csv_parse_matrix (data != NULL ? data : "", length, path, error);
}
