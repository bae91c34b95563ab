/* test-drafts.c — unsaved work survives a kill -9 and is offered back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <sys/wait.h>

#include "test-app-common.h"
#include "fr-application.h"
#include "fr-drafts.h"
#include "fr-error.h"
#include "fr-paths.h"
#include "fr-window.h"
#include "fr-xml.h"

static FrModel *
load_scenario (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fr_scenario_path ();
  FrModel *model = fr_xml_load_file (path, &error);

  g_assert_no_error (error);
  return model;
}

static double
ukraine_weight (const FrModel *model,
                const char    *criterion_id)
{
  FrStakeholder *ukraine = fr_model_find_stakeholder (model, "ukraine");
  FrWeight *weight = g_hash_table_lookup (ukraine->weights, criterion_id);

  return weight ? weight->value : -1;
}

static void
test_write_list_remove (void)
{
  g_autoptr(FrModel) model = load_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *id = fr_drafts_new_id ();
  g_autofree char *dir = fr_drafts_dir ();

  /* Under G_TEST_OPTION_ISOLATE_DIRS each test has its own state folder. */
  g_assert_true (g_str_has_prefix (dir, g_get_user_state_dir ()));
  drafts = fr_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  g_assert_true (fr_drafts_write (id, model, "file:///tmp/options.frontier", "options.frontier", &error));
  g_assert_no_error (error);
  drafts = fr_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  {
    FrDraft *draft = g_ptr_array_index (drafts, 0);
    g_autoptr(FrModel) back = fr_draft_load (draft, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (draft->id, ==, id);
    g_assert_cmpstr (draft->origin_uri, ==, "file:///tmp/options.frontier");
    g_assert_cmpstr (draft->title, ==, "options.frontier");
    g_assert_cmpuint (back->options->len, ==, model->options->len);
  }
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Names that would leave the folder are refused. */
  g_assert_false (fr_drafts_write ("../escape", model, NULL, "x", &error));
  g_assert_error (error, FR_ERROR, FR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (fr_drafts_remove (id, &error));
  drafts = fr_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
}

static gboolean
name_has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
wait_for (gboolean (*condition) (gpointer), gpointer data, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  g_assert_true (condition (data));
}

static gboolean
bus_ready (gpointer bus)
{
  return name_has_owner (bus);
}

static gboolean
draft_written (gpointer data)
{
  g_autoptr(GPtrArray) drafts = fr_drafts_list ();
  return drafts->len > 0;
}

static gboolean
dialog_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      {
        *(AdwMessageDialog **) data = l->data;
        return TRUE;
      }
  return FALSE;
}

static void
test_survives_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  const char *argv[] = { g_getenv ("FRONTIER_APP"), NULL };
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(FrModel) original = load_scenario ();
  double before = ukraine_weight (original, "deterrence");
  GPid pid;
  int wait_status;

  g_assert_no_error (error);
  g_assert_nonnull (argv[0]);
  g_assert_false (name_has_owner (bus));

  /* The real application, started as a user would, on the bundled scenario. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  wait_for (bus_ready, bus, 30);

  /* Move Ukraine's deterrence weight through the exported action, as a
   * script would; after the autosave delay the change is on disk. */
  {
    GVariantBuilder parameters;
    g_autoptr(GVariant) reply = NULL;

    g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
    g_variant_builder_add (&parameters, "v", g_variant_new ("(sd)", "deterrence", 0.6));
    reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/frontierdesk/Frontier",
                                         "org.gtk.Actions", "Activate",
                                         g_variant_new ("(sava{sv})", "set-weight", &parameters, NULL),
                                         NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    g_assert_no_error (error);
  }
  wait_for (draft_written, NULL, 30);

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (wait_status));

  drafts = fr_drafts_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  {
    g_autoptr(FrModel) saved = fr_draft_load (g_ptr_array_index (drafts, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (ukraine_weight (saved, "deterrence"), 0.6, 1e-9);
    g_assert_cmpfloat (before, !=, 0.6);
  }

  /* The next start offers the work back, and restoring it brings the
   * changed weight into a window, still unsaved. */
  {
    g_autoptr(FrApplication) app = fr_application_new ();
    AdwMessageDialog *dialog = NULL;
    GtkWindow *window;
    FrDocument *document;

    g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
    g_application_activate (G_APPLICATION (app));
    wait_for (dialog_shown, &dialog, 10);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Work?");
    window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
    g_assert_true (FR_IS_WINDOW (window));
    adw_message_dialog_response (dialog, "restore");

    document = fr_window_get_document (FR_WINDOW (window));
    g_assert_true (fr_document_get_modified (document));
    g_assert_cmpfloat_with_epsilon (ukraine_weight (fr_document_get_model (document), "deterrence"), 0.6, 1e-9);
    g_assert_cmpstr (fr_window_get_draft_id (FR_WINDOW (window)), ==,
                     ((FrDraft *) g_ptr_array_index (drafts, 0))->id);

    /* Discarding the changes on close removes the draft for good. */
    fr_document_set_modified (document, FALSE);
    gtk_window_destroy (window);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_clear_pointer (&drafts, g_ptr_array_unref);
    drafts = fr_drafts_list ();
    g_assert_cmpuint (drafts->len, ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  app_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/app/drafts/write-list-remove", test_write_list_remove);
  g_test_add_func ("/app/drafts/survives-kill", test_survives_kill);
  return app_test_finish (g_test_run ());
}
