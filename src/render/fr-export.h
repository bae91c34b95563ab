/* fr-export.h — any picture to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart, the map and the timeline are drawn by one function of the
 * shape FrDrawFunc; these helpers run it on the surface the file format
 * needs. Vector formats keep text as text: PDF through cairo's embedded,
 * Unicode-mapped fonts, SVG through real <text> elements, provided the
 * picture draws its text with fr_export_show_layout() (cairo's own SVG
 * backend would otherwise turn glyphs into outlines nobody can search or
 * copy).
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef void (*FrDrawFunc) (cairo_t  *cr,
                            double    width,
                            double    height,
                            gpointer  user_data);

typedef enum {
  FR_EXPORT_PNG,
  FR_EXPORT_SVG,
  FR_EXPORT_PDF,
} FrExportFormat;

/* From the file name's extension (.png, .svg, .pdf, any case). */
gboolean  fr_export_format_for_path (const char     *path,
                                     FrExportFormat *format);

/* Draws a @width × @height picture. PNG: @scale device pixels per unit
 * (2 for a HiDPI image twice the size); SVG and PDF: units are points and
 * @scale is ignored. Errors are FR_ERROR_FAILED. */
GBytes   *fr_export_to_bytes        (FrExportFormat  format,
                                     double          width,
                                     double          height,
                                     double          scale,
                                     FrDrawFunc      draw,
                                     gpointer        user_data,
                                     GError        **error);
/* The same, written atomically to @path in the format its extension names;
 * FR_ERROR_UNSUPPORTED for another extension, FR_ERROR_IO when writing
 * fails. */
gboolean  fr_export_to_file         (const char     *path,
                                     double          width,
                                     double          height,
                                     double          scale,
                                     FrDrawFunc      draw,
                                     gpointer        user_data,
                                     GError        **error);

/* pango_cairo_show_layout() at the current point, except on an SVG export
 * surface, where the layout's lines become <text> elements. */
void      fr_export_show_layout     (cairo_t        *cr,
                                     PangoLayout    *layout);

G_END_DECLS
