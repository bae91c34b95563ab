/* test-app-common.h — helpers shared by the tests of the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only so that each test program stays one file in tests/meson.build.
 */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

/* Runs the main loop until @done says so, for ten seconds at the most. */
static inline void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (done (data));
}

static inline gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Runs what is pending, without waiting. */
static inline void
drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Whether @node or a node under it (through containers, transforms,
 * clips, opacity and debug nodes) is of @type. */
static inline gboolean
node_has_type (GskRenderNode     *node,
               GskRenderNodeType  type)
{
  if (gsk_render_node_get_node_type (node) == type)
    return TRUE;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (node_has_type (gsk_container_node_get_child (node, i), type))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return node_has_type (gsk_transform_node_get_child (node), type);
    case GSK_CLIP_NODE:
      return node_has_type (gsk_clip_node_get_child (node), type);
    case GSK_ROUNDED_CLIP_NODE:
      return node_has_type (gsk_rounded_clip_node_get_child (node), type);
    case GSK_OPACITY_NODE:
      return node_has_type (gsk_opacity_node_get_child (node), type);
    case GSK_DEBUG_NODE:
      return node_has_type (gsk_debug_node_get_child (node), type);
    default:
      return FALSE;
    }
}

/* @node drawn as GTK's cairo renderer draws it, onto a new image of
 * @width × @height whose corner is the node's origin. */
static inline cairo_surface_t *
node_picture (GskRenderNode *node,
              int            width,
              int            height)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (image);

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static char *app_test_root;

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* gtk_test_init() hands none of its options to g_test_init(), so
 * G_TEST_OPTION_ISOLATE_DIRS given to it does nothing, and the tests
 * would read and write the user's own drafts, recent files and
 * settings. Each test program gets a home and XDG folders of its own
 * instead, which the application processes it starts inherit. */
static inline void
app_test_init (int    *argc,
               char ***argv)
{
  const char *dirs[][2] = {
    { "HOME", "home" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };
  g_autoptr(GError) error = NULL;

  app_test_root = g_dir_make_tmp ("frontier-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (app_test_root, dirs[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (dirs[i][0], path, TRUE);
    }
  gtk_test_init (argc, argv, NULL);
}

/* Removes the folders app_test_init() made; returns @status. */
static inline int
app_test_finish (int status)
{
  remove_tree (app_test_root);
  g_clear_pointer (&app_test_root, g_free);
  return status;
}
