/* fr-cli-common.h — what the method subcommands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small JSON writer (pretty-printed, every string escaped, non-finite
 * numbers written as null), the parsers for --weights, --directions and
 * --preference lists, and loading a decision matrix from a document or a
 * CSV file.
 */
#pragma once

#include <glib.h>

#include "fr-matrix.h"
#include "fr-theme.h"
#include "fr-timeline.h"

G_BEGIN_DECLS

typedef struct _FrJson FrJson;

FrJson   *fr_json_new          (void);
void      fr_json_free         (FrJson     *json);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrJson, fr_json_free)
/* The text written so far; complete once every container is closed. */
const char *fr_json_text       (FrJson     *json);

/* @key names the member inside an object and must be NULL inside an array
 * or at the top. */
void      fr_json_begin_object (FrJson     *json,
                                const char *key);
void      fr_json_end_object   (FrJson     *json);
void      fr_json_begin_array  (FrJson     *json,
                                const char *key);
void      fr_json_end_array    (FrJson     *json);
void      fr_json_string       (FrJson     *json,
                                const char *key,
                                const char *value);   /* NULL → null */
void      fr_json_number       (FrJson     *json,
                                const char *key,
                                double      value);   /* NaN, ±inf → null */
void      fr_json_int          (FrJson     *json,
                                const char *key,
                                gint64      value);
void      fr_json_bool         (FrJson     *json,
                                const char *key,
                                gboolean    value);
void      fr_json_null         (FrJson     *json,
                                const char *key);

/* The largest side of a picture the CLI draws, in pixels or points. */
#define FR_CLI_MAX_SIDE 16384

/* "WIDTHxHEIGHT", each side 16 … FR_CLI_MAX_SIDE. */
gboolean fr_cli_parse_size  (const char     *text,
                             int            *width,
                             int            *height);
/* light, dark, high-contrast, presentation or presentation-dark. */
gboolean fr_cli_parse_theme (const char     *text,
                             const FrTheme **theme);

/* Appends @text as a JSON string literal, quotes included. */
void      fr_json_append_escaped (GString    *out,
                                  const char *text);

/* "0.25,1,2": @n finite non-negative numbers with a positive sum,
 * normalised to sum to one. */
gboolean  fr_cli_parse_weights     (const char    *text,
                                    guint          n,
                                    double        *weights,
                                    GError       **error);
/* "max,min,…" (also "benefit", "cost"), one per criterion. */
gboolean  fr_cli_parse_directions  (const char    *text,
                                    guint          n,
                                    FrDirection   *directions,
                                    GError       **error);
/* "usual", "ushape:q", "vshape:p", "level:q:p", "linear:q:p",
 * "gaussian:s": one per criterion, or a single one for all. */
gboolean  fr_cli_parse_preferences (const char    *text,
                                    guint          n,
                                    FrPreference  *preferences,
                                    GError       **error);

/* Loads a .frontier document's matrix and the weights of @stakeholder_id
 * (equal weights when NULL), or a CSV matrix with no weights. */
FrMatrix *fr_cli_load_document_matrix (const char  *path,
                                       const char  *stakeholder_id,
                                       double     **weights,
                                       GError     **error);
FrMatrix *fr_cli_load_csv_matrix      (const char  *path,
                                       GError     **error);
/* A .frontier document, its errors prefixed with @path. */
FrModel  *fr_cli_load_model           (const char  *path,
                                       GError     **error);
/* @model's stakeholder @id, or NULL and an error listing the ones it has. */
FrStakeholder *fr_cli_find_stakeholder (const FrModel  *model,
                                        const char     *path,
                                        const char     *id,
                                        GError        **error);

/* A score for the tab-separated output: fixed six decimals, '.' always. */
/* @text as a day (YYYY-MM-DD); today when @text is NULL. */
gboolean  fr_cli_parse_day         (const char    *text,
                                    gint32        *day);
/* Reads the document @path and its timeline's state at @day for
 * @option_id (NULL for none), handing back the model and the timeline the
 * state belongs to; NULL after saying on stderr what is wrong with the
 * file or the option. */
FrTimelineState *fr_cli_timeline_state (const char  *path,
                                        const char  *option_id,
                                        gint32       day,
                                        FrModel    **model,
                                        FrTimeline **timeline);
char     *fr_cli_format_number     (double         value);
/* A field for the tab-separated output: tabs and line breaks become
 * spaces so that one record stays one line. */
char     *fr_cli_tsv_field         (const char    *text);

G_END_DECLS
