/* fr-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fr-drafts.h"
#include "fr-error.h"
#include "fr-xml.h"

#define INDEX_NAME "drafts.ini"

void
fr_draft_free (FrDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_free (draft->path);
  g_free (draft->origin_uri);
  g_free (draft->title);
  g_free (draft);
}

char *
fr_drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), APP_ID, "drafts", NULL);
}

char *
fr_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static gboolean
valid_id (const char *id)
{
  /* Ids become file names: never let one climb out of the folder. */
  if (id == NULL || id[0] == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
draft_path (const char *dir,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, ".frontier", NULL);
  return g_build_filename (dir, name, NULL);
}

static GKeyFile *
read_index (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, INDEX_NAME, NULL);
  GKeyFile *index = g_key_file_new ();

  /* A missing or damaged index is an empty one. */
  g_key_file_load_from_file (index, path, G_KEY_FILE_NONE, NULL);
  return index;
}

static gboolean
write_index (const char  *dir,
             GKeyFile    *index,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, INDEX_NAME, NULL);
  gsize length;
  g_autofree char *data = g_key_file_to_data (index, &length, NULL);

  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
fr_drafts_write (const char     *id,
                 const FrModel  *model,
                 const char     *origin_uri,
                 const char     *title,
                 GError        **error)
{
  g_autofree char *dir = fr_drafts_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) index = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (model != NULL, FALSE);

  if (!valid_id (id))
    {
      g_set_error (error, FR_ERROR, FR_ERROR_INVALID, _("“%s” is not a draft name."), id ? id : "");
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the drafts folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  bytes = fr_xml_save_bytes (model, error);
  if (bytes == NULL)
    return FALSE;
  path = draft_path (dir, id);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  index = read_index (dir);
  if (origin_uri != NULL)
    g_key_file_set_string (index, id, "origin", origin_uri);
  else
    g_key_file_remove_key (index, id, "origin", NULL);
  g_key_file_set_string (index, id, "title", title ? title : "");
  g_key_file_set_int64 (index, id, "written", g_get_real_time () / G_USEC_PER_SEC);
  return write_index (dir, index, error);
}

gboolean
fr_drafts_remove (const char  *id,
                  GError     **error)
{
  g_autofree char *dir = fr_drafts_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) index = NULL;

  if (!valid_id (id))
    return TRUE;
  index = read_index (dir);
  if (g_key_file_has_group (index, id))
    {
      g_key_file_remove_group (index, id, NULL);
      if (!write_index (dir, index, error))
        return FALSE;
    }
  path = draft_path (dir, id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not remove the draft %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const FrDraft *x = *(FrDraft * const *) a;
  const FrDraft *y = *(FrDraft * const *) b;

  return (y->written > x->written) - (y->written < x->written);
}

GPtrArray *
fr_drafts_list (void)
{
  g_autofree char *dir = fr_drafts_dir ();
  g_autoptr(GKeyFile) index = read_index (dir);
  g_auto(GStrv) groups = g_key_file_get_groups (index, NULL);
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_draft_free);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      FrDraft *draft;
      g_autofree char *path = NULL;

      if (!valid_id (groups[i]))
        continue;
      path = draft_path (dir, groups[i]);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      draft = g_new0 (FrDraft, 1);
      draft->id = g_strdup (groups[i]);
      draft->path = g_steal_pointer (&path);
      draft->origin_uri = g_key_file_get_string (index, groups[i], "origin", NULL);
      draft->title = g_key_file_get_string (index, groups[i], "title", NULL);
      draft->written = g_key_file_get_int64 (index, groups[i], "written", NULL);
      g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, newest_first);
  return drafts;
}

FrModel *
fr_draft_load (const FrDraft  *draft,
               GError        **error)
{
  g_return_val_if_fail (draft != NULL, NULL);
  return fr_xml_load_file (draft->path, error);
}
