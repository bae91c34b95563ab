/* fr-limits.h — how much a .frontier document may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generous bounds, far above any real policy model, that let the loader
 * refuse a hostile or broken file before it costs much time or memory.
 * docs/format.md ("Limits") lists them for users; keep the two in sync.
 */
#pragma once

/* The whole file, before anything is parsed. */
#define FR_XML_MAX_FILE_SIZE          (64 * 1024 * 1024)

/* Elements nested inside each other, counting the root as 1 (libxml2
 * itself stops at 256 without XML_PARSE_HUGE; ours triggers first). */
#define FR_XML_MAX_DEPTH              128

/* Elements in the whole document, foreign and inline KML included. */
#define FR_XML_MAX_ELEMENTS           200000

/* Attributes on one element. */
#define FR_XML_MAX_ATTRIBUTES         256

/* Namespace declarations (xmlns, xmlns:prefix) in the whole document. */
#define FR_XML_MAX_NAMESPACES         1024

/* Characters in one attribute value. */
#define FR_XML_MAX_ATTRIBUTE_LENGTH   (64 * 1024)

/* Characters in one run of text (a description, inline KML coordinates);
 * libxml2 refuses text nodes over 10 000 000 bytes on its own. */
#define FR_XML_MAX_TEXT_LENGTH        (8 * 1024 * 1024)

/* Characters in a number as written ("-12.5"), and its magnitude. */
#define FR_XML_MAX_NUMBER_LENGTH      400
#define FR_XML_MAX_MAGNITUDE          1e15

/* Things of one kind. Criteria, options and elements are bounded more
 * tightly because the methods work on matrices and bundles of them. */
#define FR_XML_MAX_CRITERIA           1000
#define FR_XML_MAX_OPTIONS            1000
#define FR_XML_MAX_ELEMENTS_OF_BUNDLE 1000
#define FR_XML_MAX_STAKEHOLDERS       1000
#define FR_XML_MAX_ITEMS              50000
