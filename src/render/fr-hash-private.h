/* fr-hash-private.h — content keys for the render layer's caches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FNV-1a over the bytes of what a cached picture depends on: a cache keeps
 * its picture while the key stays the same. Header-only and private to
 * src/render.
 */
#pragma once

#include <glib.h>
#include <string.h>

#define FR_HASH_INIT G_GUINT64_CONSTANT (14695981039346656037)

static inline guint64
fr_hash_bytes (guint64       h,
               gconstpointer data,
               gsize         size)
{
  const guint8 *p = data;

  for (gsize i = 0; i < size; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (1099511628211);
  return h;
}

/* The bytes of an lvalue. */
#define FR_HASH_VALUE(h, v) fr_hash_bytes ((h), &(v), sizeof (v))

static inline guint64
fr_hash_u64 (guint64 h,
             guint64 value)
{
  return fr_hash_bytes (h, &value, sizeof value);
}

static inline guint64
fr_hash_double (guint64 h,
                double  value)
{
  return fr_hash_bytes (h, &value, sizeof value);
}

/* A string with its terminator, so that "ab" + "c" differs from "a" + "bc";
 * NULL hashes as "". */
static inline guint64
fr_hash_string (guint64     h,
                const char *text)
{
  return text != NULL ? fr_hash_bytes (h, text, strlen (text) + 1) : fr_hash_bytes (h, "", 1);
}
