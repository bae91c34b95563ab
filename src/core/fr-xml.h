/* fr-xml.h — reading and writing .frontier documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in docs/format.md and data/frontier.rng. Loading
 * is hardened against hostile files: it never reads another file or the
 * network, refuses any DOCTYPE, and stops at the limits in fr-limits.h.
 * Errors are in the FR_ERROR domain; their messages start with "line N: "
 * (or "line N, column C: ") when they point at a place in the file, and
 * never include the file's name, so callers can prefix it.
 */
#pragma once

#include <glib.h>

#include "fr-model.h"

G_BEGIN_DECLS

#define FR_XML_NAMESPACE "https://frontierdesk.github.io/ns/frontier/1"

/* Sets libxml2 up. Call once on the main thread before documents or maps
 * are read in other threads: libxml2 2.9 does not guard its own set-up. */
void      fr_xml_init       (void);

/* Reads a regular file of at most FR_XML_MAX_FILE_SIZE bytes (a directory,
 * a FIFO or a device is refused without reading). */
FrModel  *fr_xml_load_file  (const char     *path,
                             GError        **error);
/* @display_name is used for libxml2's diagnostics only; nullable. */
FrModel  *fr_xml_load_bytes (GBytes         *bytes,
                             const char     *display_name,
                             GError        **error);

/* UTF-8, two-space indented, deterministic: the same model gives the same
 * bytes, so save → load → save is byte-identical. Fails (FR_ERROR_INVALID)
 * when the model could not be read back, naming what is wrong. */
GBytes   *fr_xml_save_bytes (const FrModel  *model,
                             GError        **error);
/* Serialises, reads the bytes back to verify them, keeps the previous file
 * as "PATH~", then replaces PATH atomically. On failure PATH is unchanged. */
gboolean  fr_xml_save_file  (const FrModel  *model,
                             const char     *path,
                             GError        **error);

G_END_DECLS
