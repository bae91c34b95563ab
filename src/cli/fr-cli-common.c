/* fr-cli-common.c — JSON, option lists and matrices for the subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-csv.h"
#include "fr-date.h"
#include "fr-error.h"
#include "fr-promethee.h"
#include "fr-xml.h"

struct _FrJson {
  GString *out;
  GArray *first;   /* gboolean per open container: nothing written yet */
};

FrJson *
fr_json_new (void)
{
  FrJson *json = g_new0 (FrJson, 1);
  json->out = g_string_new (NULL);
  json->first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return json;
}

void
fr_json_free (FrJson *json)
{
  if (json == NULL)
    return;
  g_string_free (json->out, TRUE);
  g_array_unref (json->first);
  g_free (json);
}

const char *
fr_json_text (FrJson *json)
{
  return json->out->str;
}

void
fr_json_append_escaped (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;

  /* Names come from validated UTF-8, but a writer must never emit invalid
   * JSON whatever it is handed. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04x", c);
          else if (c == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
            {
              /* U+2028 and U+2029 are valid JSON but end lines in
               * JavaScript; escaping them keeps the output embeddable. */
              g_string_append_printf (out, "\\u%04x", (guchar) p[2] == 0xA8 ? 0x2028 : 0x2029);
              p += 2;
            }
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
indent (FrJson *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->first->len; i++)
    g_string_append (json->out, "  ");
}

/* Separator, indentation and key before a value. */
static void
begin_value (FrJson     *json,
             const char *key)
{
  if (json->first->len > 0)
    {
      gboolean *first = &g_array_index (json->first, gboolean, json->first->len - 1);
      if (!*first)
        g_string_append_c (json->out, ',');
      *first = FALSE;
      indent (json);
    }
  if (key != NULL)
    {
      fr_json_append_escaped (json->out, key);
      g_string_append (json->out, ": ");
    }
}

static void
open_container (FrJson     *json,
                const char *key,
                char        bracket)
{
  gboolean first = TRUE;

  begin_value (json, key);
  g_string_append_c (json->out, bracket);
  g_array_append_val (json->first, first);
}

static void
close_container (FrJson *json,
                 char    bracket)
{
  gboolean empty;

  g_return_if_fail (json->first->len > 0);
  empty = g_array_index (json->first, gboolean, json->first->len - 1);
  g_array_set_size (json->first, json->first->len - 1);
  if (!empty)
    indent (json);
  g_string_append_c (json->out, bracket);
  if (json->first->len == 0)
    g_string_append_c (json->out, '\n');
}

void
fr_json_begin_object (FrJson     *json,
                      const char *key)
{
  open_container (json, key, '{');
}

void
fr_json_end_object (FrJson *json)
{
  close_container (json, '}');
}

void
fr_json_begin_array (FrJson     *json,
                     const char *key)
{
  open_container (json, key, '[');
}

void
fr_json_end_array (FrJson *json)
{
  close_container (json, ']');
}

void
fr_json_string (FrJson     *json,
                const char *key,
                const char *value)
{
  begin_value (json, key);
  if (value == NULL)
    g_string_append (json->out, "null");
  else
    fr_json_append_escaped (json->out, value);
}

void
fr_json_number (FrJson     *json,
                const char *key,
                double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  begin_value (json, key);
  if (!isfinite (value))
    {
      g_string_append (json->out, "null");
      return;
    }
  /* The shortest of %.15g and %.17g that reads back as the same double. */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  g_string_append (json->out, buffer);
}

void
fr_json_int (FrJson     *json,
             const char *key,
             gint64      value)
{
  begin_value (json, key);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

void
fr_json_bool (FrJson     *json,
              const char *key,
              gboolean    value)
{
  begin_value (json, key);
  g_string_append (json->out, value ? "true" : "false");
}

void
fr_json_null (FrJson     *json,
              const char *key)
{
  begin_value (json, key);
  g_string_append (json->out, "null");
}

/* A finite decimal number, nothing else: no "nan", "inf" or hex. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  char *end = NULL;
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p != '.' && *p != 'e' && *p != 'E' && *p != '+' && *p != '-')
        return FALSE;
    }
  if (!digits)
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && end != copy && isfinite (*value);
}

static char **
split_list (const char *text,
            guint      *count)
{
  char **items = g_strsplit (text, ",", -1);
  *count = g_strv_length (items);
  return items;
}

gboolean
fr_cli_parse_weights (const char  *text,
                      guint        n,
                      double      *weights,
                      GError     **error)
{
  g_auto(GStrv) items = NULL;
  double sum = 0.0;
  guint count;

  items = split_list (text, &count);
  if (count != n)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("--weights lists %u values but the matrix has %u criteria"), count, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!parse_number (items[i], &weights[i]) || weights[i] < 0.0)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("--weights: “%s” (value %u) is not a non-negative number"), items[i], i + 1);
          return FALSE;
        }
      sum += weights[i];
    }
  if (!(sum > 0.0) || !isfinite (sum))
    {
      g_set_error_literal (error, FR_ERROR, FR_ERROR_INVALID,
                           _("--weights: the weights must not all be zero"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    weights[i] /= sum;
  return TRUE;
}

gboolean
fr_cli_parse_directions (const char   *text,
                         guint         n,
                         FrDirection  *directions,
                         GError      **error)
{
  g_auto(GStrv) items = NULL;
  guint count;

  items = split_list (text, &count);
  if (count != n)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("--directions lists %u values but the matrix has %u criteria"), count, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *item = g_strstrip (items[i]);
      if (g_str_equal (item, "max") || g_str_equal (item, "benefit"))
        directions[i] = FR_DIRECTION_BENEFIT;
      else if (g_str_equal (item, "min") || g_str_equal (item, "cost"))
        directions[i] = FR_DIRECTION_COST;
      else
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("--directions: “%s” (value %u) is neither “max” nor “min”"), item, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_preference (const char    *text,
                  guint          index,
                  FrPreference  *preference,
                  GError       **error)
{
  static const struct {
    const char *name;
    FrPreferenceKind kind;
    guint n_params;      /* in the order q, p or s */
  } kinds[] = {
    { "usual", FR_PREF_USUAL, 0 },
    { "ushape", FR_PREF_USHAPE, 1 },
    { "vshape", FR_PREF_VSHAPE, 1 },
    { "level", FR_PREF_LEVEL, 2 },
    { "linear", FR_PREF_LINEAR, 2 },
    { "gaussian", FR_PREF_GAUSSIAN, 1 },
  };
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n_parts = g_strv_length (parts);
  g_autofree char *label = g_strdup_printf (_("value %u"), index + 1);
  double params[2] = { 0, 0 };

  memset (preference, 0, sizeof *preference);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (!g_str_equal (g_strstrip (parts[0]), kinds[k].name))
        continue;
      if (n_parts - 1 != kinds[k].n_params)
        {
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "--preference: “%s” (%s) needs %u parameter after “%s:”",
                                    "--preference: “%s” (%s) needs %u parameters after “%s:”",
                                    kinds[k].n_params),
                       text, label, kinds[k].n_params, kinds[k].name);
          return FALSE;
        }
      for (guint i = 0; i < kinds[k].n_params; i++)
        if (!parse_number (parts[i + 1], &params[i]))
          {
            g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                         _("--preference: “%s” (%s) is not a number"), parts[i + 1], label);
            return FALSE;
          }
      preference->kind = kinds[k].kind;
      switch (kinds[k].kind)
        {
        case FR_PREF_USHAPE:
          preference->q = params[0];
          break;
        case FR_PREF_VSHAPE:
          preference->p = params[0];
          break;
        case FR_PREF_LEVEL:
        case FR_PREF_LINEAR:
          preference->q = params[0];
          preference->p = params[1];
          break;
        case FR_PREF_GAUSSIAN:
          preference->s = params[0];
          break;
        case FR_PREF_USUAL:
        default:
          break;
        }
      return fr_promethee_check_preference (preference, label, error);
    }
  g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
               _("--preference: unknown function “%s” (%s); use usual, ushape:q, vshape:p, level:q:p, linear:q:p or gaussian:s"),
               parts[0], label);
  return FALSE;
}

gboolean
fr_cli_parse_preferences (const char    *text,
                          guint          n,
                          FrPreference  *preferences,
                          GError       **error)
{
  g_auto(GStrv) items = NULL;
  guint count;

  items = split_list (text, &count);
  if (count != n && count != 1)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("--preference lists %u functions; give one per criterion (%u) or one for all"),
                   count, n);
      return FALSE;
    }
  for (guint i = 0; i < count; i++)
    if (!parse_preference (items[i], i, &preferences[i], error))
      return FALSE;
  for (guint i = count; i < n; i++)
    preferences[i] = preferences[0];
  return TRUE;
}

FrMatrix *
fr_cli_load_document_matrix (const char  *path,
                             const char  *stakeholder_id,
                             double     **weights,
                             GError     **error)
{
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(GError) local_error = NULL;
  FrStakeholder *stakeholder = NULL;

  model = fr_xml_load_file (path, &local_error);
  if (model == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   path, local_error->message);
      return NULL;
    }
  if (stakeholder_id != NULL)
    {
      stakeholder = fr_model_find_stakeholder (model, stakeholder_id);
      if (stakeholder == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);
          for (guint i = 0; i < model->stakeholders->len; i++)
            {
              FrStakeholder *s = g_ptr_array_index (model->stakeholders, i);
              g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", s->id);
            }
          g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                       _("%s: no stakeholder “%s” (the document has: %s)"),
                       path, stakeholder_id, known->len > 0 ? known->str : _("none"));
          return NULL;
        }
    }
  matrix = fr_matrix_new_from_model (model, &local_error);
  if (matrix == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   path, local_error->message);
      return NULL;
    }
  if (matrix->n_options == 0 || matrix->n_criteria == 0)
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
                   _("%s: the document has no options or no criteria to rank"), path);
      return NULL;
    }
  *weights = fr_matrix_stakeholder_weights (matrix, stakeholder);
  return g_steal_pointer (&matrix);
}

FrMatrix *
fr_cli_load_csv_matrix (const char  *path,
                        GError     **error)
{
  return fr_csv_load_matrix (path, error);
}

char *
fr_cli_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NA");
  g_ascii_formatd (buffer, sizeof buffer, "%.6f", value);
  /* "-0.000000" reads as a sign that is not there. */
  if (strcmp (buffer, "-0.000000") == 0)
    return g_strdup ("0.000000");
  return g_strdup (buffer);
}

char *
fr_cli_tsv_field (const char *text)
{
  char *field = g_strdup (text != NULL ? text : "");
  for (char *p = field; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return field;
}

FrModel *
fr_cli_load_model (const char  *path,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FrModel *model = fr_xml_load_file (path, &local_error);

  if (model == NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
  return model;
}

FrStakeholder *
fr_cli_find_stakeholder (const FrModel  *model,
                         const char     *path,
                         const char     *id,
                         GError        **error)
{
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, id);
  g_autoptr(GString) known = NULL;

  if (stakeholder != NULL)
    return stakeholder;
  known = g_string_new (NULL);
  for (guint i = 0; i < model->stakeholders->len; i++)
    {
      FrStakeholder *s = g_ptr_array_index (model->stakeholders, i);
      g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", s->id);
    }
  g_set_error (error, FR_ERROR, FR_ERROR_INVALID,
               _("%s: no stakeholder “%s” (the document has: %s)"),
               path, id, known->len > 0 ? known->str : _("none"));
  return NULL;
}

gboolean
fr_cli_parse_size (const char *text,
                   int        *width,
                   int        *height)
{
  char *end = NULL;
  gint64 w, h;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  w = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X') || !g_ascii_isdigit (end[1]))
    return FALSE;
  h = g_ascii_strtoll (end + 1, &end, 10);
  if (end == NULL || *end != '\0' || w < 16 || h < 16 || w > FR_CLI_MAX_SIDE || h > FR_CLI_MAX_SIDE)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

gboolean
fr_cli_parse_theme (const char     *text,
                    const FrTheme **theme)
{
  static const struct {
    const char *name;
    FrThemeKind kind;
  } themes[] = {
    { "light", FR_THEME_LIGHT },
    { "dark", FR_THEME_DARK },
    { "high-contrast", FR_THEME_HIGH_CONTRAST },
    { "presentation", FR_THEME_PRESENTATION_LIGHT },
    { "presentation-dark", FR_THEME_PRESENTATION_DARK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    if (g_strcmp0 (text, themes[i].name) == 0)
      {
        *theme = fr_theme_get (themes[i].kind);
        return TRUE;
      }
  return FALSE;
}

gboolean
fr_cli_parse_day (const char *text,
                  gint32     *day)
{
  if (text == NULL)
    {
      *day = fr_day_today ();
      return TRUE;
    }
  return fr_day_parse (text, day);
}

FrTimelineState *
fr_cli_timeline_state (const char  *path,
                       const char  *option_id,
                       gint32       day,
                       FrModel    **model,
                       FrTimeline **timeline)
{
  g_autoptr(GError) error = NULL;

  *model = fr_xml_load_file (path, &error);
  if (*model == NULL)
    {
      fr_cli_fail ("%s: %s", path, error->message);
      return NULL;
    }
  *timeline = fr_timeline_new (*model);
  if (option_id != NULL && fr_model_find_option (*model, option_id) == NULL &&
      !fr_timeline_has_option (*timeline, option_id))
    {
      fr_cli_fail (_("%s: no option “%s” in the document"), path, option_id);
      return NULL;
    }
  return fr_timeline_get_state (*timeline, day, option_id);
}
