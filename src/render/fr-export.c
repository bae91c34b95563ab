/* fr-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fr-export.h"
#include "fr-error.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

/* cairo's image surfaces are limited to 32767 pixels a side. */
#define MAX_PIXELS 32767

typedef struct {
  GString *elements;
} TextRecorder;

static const cairo_user_data_key_t text_recorder_key;

gboolean
fr_export_format_for_path (const char     *path,
                           FrExportFormat *format)
{
  const char *dot;
  FrExportFormat found;

  if (path == NULL || (dot = strrchr (path, '.')) == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    found = FR_EXPORT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    found = FR_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    found = FR_EXPORT_PDF;
  else
    return FALSE;
  if (format != NULL)
    *format = found;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
text_recorder_free (void *data)
{
  TextRecorder *recorder = data;

  g_string_free (recorder->elements, TRUE);
  g_free (recorder);
}

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    value = 0;
  g_string_append_printf (out, " %s=\"%s\"", name, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

static void
record_layout (TextRecorder *recorder,
               cairo_t      *cr,
               PangoLayout  *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  PangoContext *context = pango_layout_get_context (layout);
  const char *text = pango_layout_get_text (layout);
  double x0 = 0, y0 = 0, size, r = 0, g = 0, b = 0, a = 1;
  cairo_matrix_t matrix;
  PangoLayoutIter *iter;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *family = NULL;
  const char *weight = "normal";
  const char *style = "normal";

  if (desc == NULL)
    desc = pango_context_get_font_description (context);
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  cairo_get_matrix (cr, &matrix);

  size = desc != NULL ? pango_font_description_get_size (desc) / (double) PANGO_SCALE : 10.0;
  if (desc != NULL && !pango_font_description_get_size_is_absolute (desc))
    {
      double resolution = pango_cairo_context_get_resolution (context);
      size *= (resolution > 0 ? resolution : 96.0) / 72.0;
    }
  if (desc != NULL && pango_font_description_get_family (desc) != NULL)
    family = g_markup_escape_text (pango_font_description_get_family (desc), -1);
  if (desc != NULL && pango_font_description_get_weight (desc) >= PANGO_WEIGHT_SEMIBOLD)
    weight = "bold";
  if (desc != NULL && pango_font_description_get_style (desc) != PANGO_STYLE_NORMAL)
    style = "italic";
  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    r = g = b = 0, a = 1;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *escaped = NULL;
      int baseline;

      if (line == NULL || line->length <= 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      escaped = g_markup_escape_text (text + line->start_index, line->length);

      g_string_append (recorder->elements, "<text xml:space=\"preserve\" transform=\"matrix(");
      g_string_append_printf (recorder->elements, "%s ", g_ascii_formatd (buffer, sizeof buffer, "%.6f", matrix.xx));
      g_string_append_printf (recorder->elements, "%s ", g_ascii_formatd (buffer, sizeof buffer, "%.6f", matrix.yx));
      g_string_append_printf (recorder->elements, "%s ", g_ascii_formatd (buffer, sizeof buffer, "%.6f", matrix.xy));
      g_string_append_printf (recorder->elements, "%s ", g_ascii_formatd (buffer, sizeof buffer, "%.6f", matrix.yy));
      g_string_append_printf (recorder->elements, "%s ", g_ascii_formatd (buffer, sizeof buffer, "%.3f", matrix.x0));
      g_string_append_printf (recorder->elements, "%s)\"", g_ascii_formatd (buffer, sizeof buffer, "%.3f", matrix.y0));
      append_number (recorder->elements, "x", x0 + logical.x / (double) PANGO_SCALE);
      append_number (recorder->elements, "y", y0 + baseline / (double) PANGO_SCALE);
      append_number (recorder->elements, "font-size", size);
      if (family != NULL)
        g_string_append_printf (recorder->elements, " font-family=\"%s\"", family);
      g_string_append_printf (recorder->elements, " font-weight=\"%s\" font-style=\"%s\"", weight, style);
      g_string_append_printf (recorder->elements, " fill=\"#%02x%02x%02x\"",
                              (int) round (CLAMP (r, 0, 1) * 255), (int) round (CLAMP (g, 0, 1) * 255),
                              (int) round (CLAMP (b, 0, 1) * 255));
      if (a < 1.0)
        append_number (recorder->elements, "fill-opacity", CLAMP (a, 0, 1));
      g_string_append_printf (recorder->elements, ">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
fr_export_show_layout (cairo_t     *cr,
                       PangoLayout *layout)
{
  TextRecorder *recorder;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  recorder = cairo_surface_get_user_data (cairo_get_target (cr), &text_recorder_key);
  if (recorder == NULL)
    pango_cairo_show_layout (cr, layout);
  else
    record_layout (recorder, cr, layout);
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, FR_ERROR, FR_ERROR_FAILED, _("Could not draw the picture: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

GBytes *
fr_export_to_bytes (FrExportFormat   format,
                    double           width,
                    double           height,
                    double           scale,
                    FrDrawFunc       draw,
                    gpointer         user_data,
                    GError         **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface = NULL;
  TextRecorder *recorder = NULL;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (draw != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == FR_EXPORT_PNG && !(scale > 0 && scale <= 16))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_FAILED, _("The scale %g is not between 0 and 16."), scale);
      return NULL;
    }
  if (format != FR_EXPORT_PNG)
    scale = 1.0;
  if (!(width >= 1 && height >= 1 && width * scale <= MAX_PIXELS && height * scale <= MAX_PIXELS))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_FAILED,
                   _("A picture of %g × %g is not possible: each side must be from 1 to %d."),
                   width * scale, height * scale, MAX_PIXELS);
      return NULL;
    }

  bytes = g_byte_array_new ();
  switch (format)
    {
    case FR_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    case FR_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      recorder = g_new0 (TextRecorder, 1);
      recorder->elements = g_string_new (NULL);
      cairo_surface_set_user_data (surface, &text_recorder_key, recorder, text_recorder_free);
      break;
    case FR_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Frontier " PACKAGE_VERSION);
      break;
    default:
      g_set_error (error, FR_ERROR, FR_ERROR_UNSUPPORTED, _("Unknown picture format."));
      return NULL;
    }
  if (!check_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == FR_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (format == FR_EXPORT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS && recorder != NULL && recorder->elements->len > 0)
    {
      static const char closing[] = "</svg>";
      const guint8 *data = bytes->data;
      gsize at = bytes->len;

      /* Text goes last, on top, as the labels are drawn last anyway. */
      while (at >= sizeof closing - 1 && memcmp (data + at - (sizeof closing - 1), closing, sizeof closing - 1) != 0)
        at--;
      if (at >= sizeof closing - 1)
        {
          gsize insert_at = at - (sizeof closing - 1);
          g_autoptr(GByteArray) joined = g_byte_array_sized_new (bytes->len + recorder->elements->len);

          g_byte_array_append (joined, bytes->data, (guint) insert_at);
          g_byte_array_append (joined, (const guint8 *) recorder->elements->str, (guint) recorder->elements->len);
          g_byte_array_append (joined, bytes->data + insert_at, bytes->len - (guint) insert_at);
          g_byte_array_unref (g_steal_pointer (&bytes));
          bytes = g_steal_pointer (&joined);
        }
    }
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
fr_export_to_file (const char  *path,
                   double       width,
                   double       height,
                   double       scale,
                   FrDrawFunc   draw,
                   gpointer     user_data,
                   GError     **error)
{
  FrExportFormat format;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  gconstpointer data;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!fr_export_format_for_path (path, &format))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_UNSUPPORTED,
                   _("Cannot tell the format of “%s”: the file name must end in .png, .svg or .pdf."), path);
      return FALSE;
    }
  bytes = fr_export_to_bytes (format, width, height, scale, draw, user_data, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, (gssize) size, &local_error))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_IO, _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
