/* test-window.c — the real application and its main window under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xatom.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "test-app-common.h"
#include "fr-ahp-dialog.h"
#include "fr-application.h"
#include "fr-choice-button.h"
#include "fr-format.h"
#include "fr-lazy-list.h"
#include "fr-preferences-window.h"
#include "fr-weights.h"
#include "fr-repaint-bin.h"
#include "fr-score-bar.h"
#include "fr-value-label.h"
#include "fr-weights-panel.h"
#include "fr-ranking-chart.h"
#include "fr-style.h"
#include "fr-window.h"
#include "fr-xml.h"

static FrApplication *app;

static FrApplication *
start_application (void)
{
  g_autoptr(GError) error = NULL;

  /* One application per process, as in real life: GApplication registers
   * only once. */
  if (app != NULL)
    return app;
  app = fr_application_new ();

  /* A test must not hand its window to a running Frontier. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* The sizes of the icon the window manager was given (_NET_WM_ICON: width,
 * height, then the pixels, for each size), as "16 32"; NULL for none. */
static char *
window_icon_sizes (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GString *sizes;
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  const long *values;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  if (surface == NULL ||
      XGetWindowProperty (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface),
                          gdk_x11_get_xatom_by_name_for_display (display, "_NET_WM_ICON"),
                          0, G_MAXLONG, False, XA_CARDINAL, &type, &format, &n, &after, &data) != Success ||
      data == NULL || n == 0)
    {
      g_clear_pointer (&data, XFree);
      return NULL;
    }
  /* Xlib hands 32-bit items back as longs. */
  values = (const long *) data;
  sizes = g_string_new (NULL);
  for (unsigned long i = 0; i + 1 < n; i += 2 + (unsigned long) (values[i] * values[i + 1]))
    {
      g_assert_cmpint (values[i], ==, values[i + 1]);
      g_string_append_printf (sizes, "%s%ld", sizes->len > 0 ? " " : "", values[i]);
    }
  XFree (data);
  return g_string_free (sizes, FALSE);
}

static gboolean
window_has_icon (gpointer window)
{
  g_autofree char *sizes = window_icon_sizes (window);

  return sizes != NULL;
}

static void
test_window_maps_with_scenario (void)
{
  GtkWindow *window;
  FrDocument *document;
  FrModel *model;

  start_application ();
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (FR_IS_WINDOW (window));
  /* The window manager's icon (PNGs of five sizes) comes once the
   * application's first window has shown its first frame; every window
   * after takes it when it is realized. */
  iterate_until (widget_is_mapped, window);
  iterate_until (window_has_icon, window);
  {
    g_autofree char *sizes = window_icon_sizes (window);
    g_assert_cmpstr (sizes, ==, "16 32 48 64 128");
  }
  {
    g_autofree char *sizes = NULL;
    GtkWidget *later = gtk_window_new ();

    gtk_window_present (GTK_WINDOW (later));
    iterate_until (widget_is_mapped, later);
    sizes = window_icon_sizes (GTK_WINDOW (later));
    g_assert_cmpstr (sizes, ==, "16 32 48 64 128");
    gtk_window_destroy (GTK_WINDOW (later));
    drain_events ();
  }

  /* Started with no file, the window holds the bundled scenario as a new
   * document, and says so in its title. */
  document = fr_window_get_document (FR_WINDOW (window));
  model = fr_document_get_model (document);
  g_assert_cmpuint (model->options->len, >=, 6);
  g_assert_null (fr_document_get_file (document));
  g_assert_false (fr_document_get_modified (document));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (window), "— Frontier"));
  g_assert_nonnull (strstr (gtk_window_get_title (window), model->title));

  /* Every page of the view switcher can be shown through its action. */
  const char *views[] = { "map", "analysis", "options", "sources" };
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
      drain_events ();
      g_assert_cmpstr (fr_window_get_view_name (FR_WINDOW (window)), ==, views[i]);
    }

  gtk_window_destroy (window);
  drain_events ();
}

static void
test_open_file_and_bad_file (void)
{
  start_application ();
  g_autofree char *good_path = g_build_filename (g_getenv ("FRONTIER_DATADIR"), "scenarios",
                                                 "ukraine-security-options.frontier", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) bad = g_file_new_tmp ("broken-XXXXXX.frontier", &stream, NULL);
  GtkWindow *window;
  FrDocument *document;

  g_application_open (G_APPLICATION (app), &good, 1, "");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  iterate_until (widget_is_mapped, window);
  document = fr_window_get_document (FR_WINDOW (window));
  g_assert_true (g_file_equal (fr_document_get_file (document), good));
  g_assert_nonnull (strstr (gtk_window_get_title (window), "ukraine-security-options.frontier"));

  /* A file that cannot be read is reported and the document stays. */
  g_assert_true (g_file_replace_contents (bad, "<frontier", 9, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (fr_window_open_file (FR_WINDOW (window), bad));
  g_assert_true (fr_window_get_document (FR_WINDOW (window)) == document);
  g_file_delete (bad, NULL, NULL);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Open"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* A bundled scenario that could not be read (the application reads it
   * in a thread while the first window is built) keeps what the window
   * shows; one that was read becomes a new, unsaved document. */
  {
    g_autoptr(GError) unreadable = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such file");
    g_autoptr(GError) error = NULL;
    FrModel *model;

    g_assert_false (fr_window_take_template (FR_WINDOW (window), NULL, unreadable));
    g_assert_true (fr_window_get_document (FR_WINDOW (window)) == document);
    model = fr_xml_load_file (good_path, &error);
    g_assert_no_error (error);
    g_assert_true (fr_window_take_template (FR_WINDOW (window), model, NULL));
    g_assert_null (fr_document_get_file (fr_window_get_document (FR_WINDOW (window))));
    g_assert_false (fr_document_get_modified (fr_window_get_document (FR_WINDOW (window))));
  }

  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  drain_events ();
}

static FrWindow *
open_scenario_window (void)
{
  GtkWindow *window;

  start_application ();
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (FR_IS_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  return FR_WINDOW (window);
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  drain_events ();
}

static int
rank_of (FrAnalysis *analysis,
         const char *option_id)
{
  const FrMatrix *matrix = fr_analysis_get_matrix (analysis);
  const guint *order = fr_analysis_get_order (analysis);

  for (guint rank = 0; rank < matrix->n_options; rank++)
    if (g_str_equal (matrix->option_ids[order[rank]], option_id))
      return (int) rank;
  g_assert_not_reached ();
}

static void
test_weight_action_and_undo (void)
{
  FrWindow *window = open_scenario_window ();
  FrAnalysis *analysis = fr_window_get_analysis (window);
  const FrMatrix *matrix = fr_analysis_get_matrix (analysis);
  g_autofree char *leader = NULL;
  g_autofree double *before = NULL;
  FrModel *model;
  FrStakeholder *stakeholder;

  g_assert_nonnull (matrix);
  leader = g_strdup (matrix->option_ids[fr_analysis_get_order (analysis)[0]]);
  before = g_memdup2 (fr_analysis_get_scores (analysis), sizeof (double) * matrix->n_options);
  g_assert_false (fr_document_get_modified (fr_window_get_document (window)));

  /* Put every weight on the criterion where the leader is weakest: the
   * leader must lose first place, live, with no other step. */
  {
    const double *contributions = fr_analysis_get_contributions (analysis);
    guint leader_index = fr_analysis_get_order (analysis)[0];
    guint runner_up = fr_analysis_get_order (analysis)[1];
    guint best = 0;
    double best_gap = -G_MAXDOUBLE;
    const double *weights = fr_analysis_get_weights (analysis);

    for (guint c = 0; c < matrix->n_criteria; c++)
      {
        double gap;
        if (weights[c] <= 0)
          continue;
        gap = contributions[runner_up * matrix->n_criteria + c] / weights[c]
              - contributions[leader_index * matrix->n_criteria + c] / weights[c];
        if (gap > best_gap)
          {
            best_gap = gap;
            best = c;
          }
      }
    g_assert_cmpfloat (best_gap, >, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)",
                                               matrix->criteria[best].id, 1.0));
  }
  drain_events ();
  matrix = fr_analysis_get_matrix (analysis);
  g_assert_cmpint (rank_of (analysis, leader), >, 0);
  g_assert_true (fr_document_get_modified (fr_window_get_document (window)));
  model = fr_document_get_model (fr_window_get_document (window));
  stakeholder = g_ptr_array_index (model->stakeholders, 0);
  g_assert_cmpfloat_with_epsilon (fr_weights_total (model, stakeholder), 1.0, 1e-9);

  /* Undo brings back the weights, the ranking and the unmodified state. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain_events ();
  matrix = fr_analysis_get_matrix (analysis);
  g_assert_cmpint (rank_of (analysis, leader), ==, 0);
  for (guint i = 0; i < matrix->n_options; i++)
    g_assert_cmpfloat_with_epsilon (fr_analysis_get_scores (analysis)[i], before[i], 1e-12);
  g_assert_false (fr_document_get_modified (fr_window_get_document (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  drain_events ();
  g_assert_cmpint (rank_of (analysis, leader), >, 0);
  close_all_windows ();
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
test_csv_import (void)
{
  FrWindow *window = open_scenario_window ();
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) csv = g_file_new_tmp ("matrix-XXXXXX.csv", &stream, NULL);
  const char *text = "\xef\xbb\xbfOption;Deterrence;Cost\r\n\"Armed; neutral\";7;40\r\nNATO;9;90\r\n";
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  FrDocument *document;
  FrModel *model;

  g_assert_true (g_file_replace_contents (csv, text, strlen (text), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (fr_window_open_file (window, csv));
  document = fr_window_get_document (window);
  model = fr_document_get_model (document);
  g_assert_cmpuint (model->options->len, ==, 2);
  g_assert_cmpstr (((FrOption *) g_ptr_array_index (model->options, 0))->name, ==, "Armed; neutral");
  g_assert_cmpuint (model->criteria->len, ==, 2);
  g_assert_cmpuint (model->stakeholders->len, ==, 1);
  /* Imported, not yet saved anywhere. */
  g_assert_null (fr_document_get_file (document));
  g_assert_true (fr_document_get_modified (document));
  g_assert_nonnull (fr_analysis_get_scores (fr_window_get_analysis (window)));
  saved = fr_xml_save_bytes (model, &error);
  g_assert_no_error (error);
  g_file_delete (csv, NULL, NULL);

  /* A bad cell is reported with its line and column, and nothing changes. */
  {
    g_autoptr(GFileIOStream) bad_stream = NULL;
    g_autoptr(GFile) bad = g_file_new_tmp ("bad-XXXXXX.csv", &bad_stream, NULL);
    const char *bad_text = "Option,A,B\nX,1,2\nY,3,oops\n";
    AdwMessageDialog *dialog;

    g_assert_true (g_file_replace_contents (bad, bad_text, strlen (bad_text), NULL, FALSE, 0, NULL, NULL, NULL));
    g_assert_false (fr_window_open_file (window, bad));
    g_assert_true (fr_window_get_document (window) == document);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_file_delete (bad, NULL, NULL);
  }
  fr_document_set_modified (document, FALSE);
  close_all_windows ();
}

static void
test_kml_layer_import (void)
{
  FrWindow *window = open_scenario_window ();
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "fixtures", "kml", "holes.kml", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "fixtures", "kml", "doctype-external.kml", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  FrModel *model = fr_document_get_model (fr_window_get_document (window));
  guint before = model->layers->len;
  AdwMessageDialog *dialog;

  g_assert_true (fr_window_import_layer (window, good));
  model = fr_document_get_model (fr_window_get_document (window));
  g_assert_cmpuint (model->layers->len, ==, before + 1);
  g_assert_true (((FrLayer *) g_ptr_array_index (model->layers, before))->visible);

  /* A hostile file is refused with a message and adds nothing. */
  g_assert_false (fr_window_import_layer (window, bad));
  g_assert_cmpuint (model->layers->len, ==, before + 1);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Importing is one undoable step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  model = fr_document_get_model (fr_window_get_document (window));
  g_assert_cmpuint (model->layers->len, ==, before);
  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
}

static void
test_bundle_designer (void)
{
  FrWindow *window = open_scenario_window ();
  FrOptionsPage *page = fr_window_get_options_page (window);
  FrDocument *document = fr_window_get_document (window);
  guint n_options = fr_document_get_model (document)->options->len;
  GPtrArray *conflicts;
  const char *saved;

  g_assert_true (fr_options_page_set_element (page, "non-bloc", TRUE));
  g_assert_true (fr_options_page_set_element (page, "no-cap", TRUE));
  conflicts = fr_options_page_get_conflicts (page);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpfloat (fr_options_page_get_bundle_utility (page, "ukraine"), >, 0.0);

  /* Non-bloc status and NATO membership cannot go together; Article 5
   * without membership breaks a requires rule. The designer says both. */
  g_assert_true (fr_options_page_set_element (page, "nato-membership", TRUE));
  conflicts = fr_options_page_get_conflicts (page);
  g_assert_cmpuint (conflicts->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (conflicts, 0), "excludes"));
  g_assert_null (fr_options_page_save_bundle (page, "Impossible"));
  g_assert_true (fr_options_page_set_element (page, "nato-membership", FALSE));
  g_assert_true (fr_options_page_set_element (page, "article5", TRUE));
  conflicts = fr_options_page_get_conflicts (page);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (conflicts, 0), "requires"));
  g_assert_true (fr_options_page_set_element (page, "article5", FALSE));
  g_assert_false (fr_options_page_set_element (page, "no-such-element", TRUE));

  /* A feasible bundle becomes an option that every method can rank. */
  saved = fr_options_page_save_bundle (page, "Ukrainian model");
  g_assert_nonnull (saved);
  g_assert_cmpuint (fr_document_get_model (document)->options->len, ==, n_options + 1);
  g_assert_cmpuint (fr_analysis_get_matrix (fr_window_get_analysis (window))->n_options, ==, n_options + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  document = fr_window_get_document (window);
  g_assert_cmpuint (fr_document_get_model (document)->options->len, ==, n_options);
  fr_document_set_modified (document, FALSE);
  close_all_windows ();
}

static void
test_structure_editing (void)
{
  FrWindow *window = open_scenario_window ();
  FrOptionsPage *page = fr_window_get_options_page (window);
  FrAnalysis *analysis = fr_window_get_analysis (window);
  guint n_criteria = fr_analysis_get_matrix (analysis)->n_criteria;
  FrModel *model = fr_document_get_model (fr_window_get_document (window));
  guint n_stakeholders = model->stakeholders->len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (fr_options_page_edit (page, FR_EDIT_CRITERION, "add", NULL, "Public support"));
  g_assert_cmpuint (fr_analysis_get_matrix (analysis)->n_criteria, ==, n_criteria + 1);
  g_assert_true (fr_options_page_edit (page, FR_EDIT_CRITERION, "rename", "public-support", "EU public support"));
  g_assert_cmpstr (fr_model_find_criterion (model, "public-support")->name, ==, "EU public support");
  g_assert_true (fr_options_page_edit (page, FR_EDIT_CRITERION, "delete", "deterrence", NULL));
  g_assert_cmpuint (fr_analysis_get_matrix (analysis)->n_criteria, ==, n_criteria);
  g_assert_nonnull (fr_analysis_get_scores (analysis));
  g_assert_true (fr_options_page_edit (page, FR_EDIT_STAKEHOLDER, "duplicate", "ukraine", NULL));
  g_assert_cmpuint (model->stakeholders->len, ==, n_stakeholders + 1);
  g_assert_true (fr_options_page_edit (page, FR_EDIT_ELEMENT, "delete", "article5", NULL));
  g_assert_null (fr_model_find_element (model, "article5"));
  g_assert_false (fr_options_page_edit (page, FR_EDIT_ELEMENT, "delete", "article5", NULL));

  /* After all that, still a valid document. */
  bytes = fr_xml_save_bytes (model, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  /* And every step undoes. */
  for (int i = 0; i < 5; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
      model = fr_document_get_model (fr_window_get_document (window));
      g_test_message ("undo %d: public %d deterrence %d article5 %d stakeholders %u", i,
                      fr_model_find_criterion (model, "public-support") != NULL,
                      fr_model_find_criterion (model, "deterrence") != NULL,
                      fr_model_find_element (model, "article5") != NULL, model->stakeholders->len);
    }
  model = fr_document_get_model (fr_window_get_document (window));
  g_assert_nonnull (fr_model_find_criterion (model, "deterrence"));
  g_assert_null (fr_model_find_criterion (model, "public-support"));
  g_assert_false (fr_document_get_modified (fr_window_get_document (window)));
  close_all_windows ();
}

static void
test_score_editing (void)
{
  FrWindow *window = open_scenario_window ();
  FrOptionsPage *page = fr_window_get_options_page (window);
  FrAnalysis *analysis = fr_window_get_analysis (window);
  const FrMatrix *matrix = fr_analysis_get_matrix (analysis);
  guint last = fr_analysis_get_order (analysis)[matrix->n_options - 1];
  g_autofree char *last_id = g_strdup (matrix->option_ids[last]);
  FrModel *model = fr_document_get_model (fr_window_get_document (window));
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
  guint n_options = model->options->len;

  /* The worst option, given the best score on every criterion, leads. */
  for (guint c = 0; c < leaves->len; c++)
    {
      FrCriterion *criterion = g_ptr_array_index (leaves, c);
      double best = criterion->direction == FR_DIRECTION_COST ? criterion->scale_min : criterion->scale_max;
      g_assert_true (fr_options_page_set_score (page, last_id, criterion->id, best));
    }
  matrix = fr_analysis_get_matrix (analysis);
  g_assert_cmpstr (matrix->option_ids[fr_analysis_get_order (analysis)[0]], ==, last_id);
  g_assert_false (fr_options_page_set_score (page, "missing", "deterrence", 1));

  g_assert_true (fr_options_page_duplicate_option (page, last_id));
  model = fr_document_get_model (fr_window_get_document (window));
  g_assert_cmpuint (model->options->len, ==, n_options + 1);
  {
    guint index;
    g_assert_true (g_ptr_array_find (model->options, fr_model_find_option (model, last_id), &index));
    g_assert_false (fr_options_page_move_option (page, last_id, index == 0 ? -1 : (int) model->options->len));
    g_assert_true (fr_options_page_move_option (page, last_id, index == 0 ? 1 : -1));
    g_assert_true (g_ptr_array_index (model->options, index == 0 ? 1 : index - 1) == fr_model_find_option (model, last_id));
  }
  g_assert_true (fr_options_page_rename_option (page, last_id, "Renamed"));
  g_assert_cmpstr (fr_model_find_option (model, last_id)->name, ==, "Renamed");
  g_assert_true (fr_options_page_delete_option (page, last_id));
  g_assert_null (fr_model_find_option (model, last_id));
  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
}

static gboolean
smaa_finished (gpointer page)
{
  gboolean done = FALSE;
  fr_analysis_page_get_smaa_samples (page, &done);
  return done;
}

/* What @widget drew in its last frame, as a render node. A widget
 * paintable shows nothing while a redraw is pending: this waits for the
 * frame. */
static GskRenderNode *
widget_node (GtkWidget *widget,
             int        width,
             int        height)
{
  GskRenderNode *node = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (node == NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (node);
  return node;
}

/* The same, drawn onto an image of @width × @height. */
static cairo_surface_t *
widget_picture (GtkWidget *widget,
                int        width,
                int        height)
{
  GskRenderNode *node = widget_node (widget, width, height);
  cairo_surface_t *image = node_picture (node, width, height);

  gsk_render_node_unref (node);
  return image;
}

/* Whether GTK draws @widget's window with its cairo renderer; else a GL
 * one, which is what GTK picks under Xvfb when Mesa can render. */
static gboolean
drawn_by_cairo (GtkWidget *widget)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_nonnull (renderer);
  return GSK_IS_CAIRO_RENDERER (renderer);
}

/* The chart as the widget shows it — through its kept picture, as GTK
 * would paint it — against the chart drawn straight from its data: the
 * same pixels, or the kept picture is stale. Its pieces are what the
 * window's renderer draws best: cairo nodes for the cairo renderer,
 * textures for the GL ones (a cairo node there is replayed into an image
 * and uploaded each time it is new). */
static void
assert_shows_its_data (FrChartView *view)
{
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  cairo_surface_t *shown;
  cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr;
  int differing = 0;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  {
    GskRenderNode *node = widget_node (GTK_WIDGET (view), width, height);
    gboolean cairo = drawn_by_cairo (GTK_WIDGET (view));

    g_assert_true (node_has_type (node, cairo ? GSK_CAIRO_NODE : GSK_TEXTURE_NODE));
    g_assert_false (node_has_type (node, cairo ? GSK_TEXTURE_NODE : GSK_CAIRO_NODE));
    gsk_render_node_unref (node);
  }
  shown = widget_picture (GTK_WIDGET (view), width, height);
  cr = cairo_create (drawn);
  fr_chart_view_draw (view, cr, width, height, fr_style_current_theme ());
  cairo_destroy (cr);
  cairo_surface_flush (drawn);
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (const void *) (cairo_image_surface_get_data (shown) + y * cairo_image_surface_get_stride (shown));
      const guint32 *b = (const guint32 *) (const void *) (cairo_image_surface_get_data (drawn) + y * cairo_image_surface_get_stride (drawn));
      for (int x = 0; x < width; x++)
        differing += (a[x] & 0xffffff) != (b[x] & 0xffffff);
    }
  g_assert_cmpint (differing, ==, 0);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (drawn);
}

static gboolean
describes_its_data (gpointer data)
{
  g_autofree char *description = fr_chart_view_dup_description (data);
  g_autofree char *mismatch = gtk_test_accessible_check_property (data, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                   description);

  return mismatch == NULL;
}

static void
test_analysis_charts (void)
{
  FrWindow *window = open_scenario_window ();
  FrAnalysisPage *page = fr_window_get_analysis_page (window);
  FrChartView *ranking = fr_analysis_page_get_chart (page, FR_CHART_RANKING);
  FrAnalysis *analysis = fr_window_get_analysis (window);
  const FrMatrix *matrix = fr_analysis_get_matrix (analysis);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *leader = g_strdup (matrix->option_names[fr_analysis_get_order (analysis)[0]]);
  g_autofree char *tmp = g_dir_make_tmp ("frontier-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (tmp, "ranking.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "analysis"));
  /* Every chart has data and says in words what it shows. */
  for (FrChartKind kind = FR_CHART_RANKING; kind <= FR_CHART_SCATTER; kind++)
    {
      FrChartView *view = fr_analysis_page_get_chart (page, kind);
      g_autofree char *description = NULL;

      if (kind == FR_CHART_SMAA)
        continue;
      g_assert_cmpint (fr_chart_view_get_kind (view), ==, kind);
      description = fr_chart_view_dup_description (view);
      g_assert_cmpuint (strlen (description), >, 20);
    }
  before = fr_chart_view_dup_description (ranking);
  g_assert_nonnull (strstr (before, leader));
  iterate_until (widget_is_mapped, ranking);
  drain_events ();
  assert_shows_its_data (ranking);

  /* A weight change reaches the ranking chart at once, and what it shows
   * follows: no band of the old picture stays behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)",
                                             matrix->criteria[0].id, 0.0));
  after = fr_chart_view_dup_description (ranking);
  g_assert_cmpstr (before, !=, after);
  assert_shows_its_data (ranking);
  /* Its accessible description follows a moment later (not on every
   * tick of a drag). */
  iterate_until (describes_its_data, ranking);
  assert_shows_its_data (fr_analysis_page_get_chart (page, FR_CHART_SENSITIVITY));

  /* SMAA refines in the worker until its samples are drawn. */
  iterate_until (smaa_finished, page);
  g_assert_cmpint (fr_chart_view_get_kind (fr_analysis_page_get_chart (page, FR_CHART_SMAA)), ==, FR_CHART_SMAA);
  g_assert_cmpuint (fr_analysis_page_get_smaa_samples (page, NULL), ==, 100000);

  /* The "SMAA samples" preference sets the size of the next run, at once. */
  {
    GSettings *settings = fr_application_get_settings (FR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));

    g_settings_set_uint (settings, "smaa-samples", 3000);
    iterate_until (smaa_finished, page);
    g_assert_cmpuint (fr_analysis_page_get_smaa_samples (page, NULL), ==, 3000);
    g_settings_reset (settings, "smaa-samples");
    iterate_until (smaa_finished, page);
    g_assert_cmpuint (fr_analysis_page_get_smaa_samples (page, NULL), ==, 100000);
  }

  /* Enlarge and back; export writes a real PNG. */
  fr_analysis_page_enlarge (page, FR_CHART_PROFILE);
  g_assert_cmpint (fr_analysis_page_get_enlarged (page), ==, FR_CHART_PROFILE);
  fr_analysis_page_enlarge (page, FR_CHART_NONE);
  g_assert_cmpint (fr_analysis_page_get_enlarged (page), ==, FR_CHART_NONE);
  g_assert_true (fr_analysis_page_export (page, FR_CHART_RANKING, png, 800, 500, 2.0, &error));
  g_assert_no_error (error);
  {
    cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    /* 800 × 500 at double scale. */
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1000);
    cairo_surface_destroy (surface);
  }
  g_unlink (png);
  g_rmdir (tmp);
  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
}

static gboolean
send_key_to (GtkWidget       *widget,
             guint            keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static gboolean
is_fullscreen (gpointer window)
{
  return gtk_widget_get_mapped (window) && gtk_window_is_fullscreen (window);
}

/* The charts work from the keyboard: Tab reaches a chart, the arrow keys
 * step through what it shows, in the order drawn, and each step is said in
 * words (to screen readers, and in a panel on the chart). */
static void
test_chart_keyboard (void)
{
  FrWindow *window = open_scenario_window ();
  FrAnalysisPage *page = fr_window_get_analysis_page (window);
  FrChartView *ranking = fr_analysis_page_get_chart (page, FR_CHART_RANKING);
  FrChartView *sensitivity = fr_analysis_page_get_chart (page, FR_CHART_SENSITIVITY);
  FrAnalysis *analysis = fr_window_get_analysis (window);
  const FrMatrix *matrix = fr_analysis_get_matrix (analysis);
  const guint *order = fr_analysis_get_order (analysis);
  const FrRankingChartData *data;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *criterion = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "analysis"));
  iterate_until (widget_is_mapped, ranking);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (ranking)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ranking)));
  g_assert_cmpint (fr_chart_view_get_cursor (ranking), ==, -1);
  g_assert_null (fr_chart_view_dup_cursor_text (ranking));

  g_assert_true (send_key_to (GTK_WIDGET (ranking), GDK_KEY_Down));
  g_assert_cmpint (fr_chart_view_get_cursor (ranking), ==, 0);
  first = fr_chart_view_dup_cursor_text (ranking);
  g_assert_true (g_str_has_prefix (first, "1. "));
  g_assert_nonnull (strstr (first, matrix->option_names[order[0]]));
  data = fr_chart_view_get_data (ranking);
  g_assert_cmpint (data->highlighted, ==, (int) order[0]);

  g_assert_true (send_key_to (GTK_WIDGET (ranking), GDK_KEY_End));
  last = fr_chart_view_dup_cursor_text (ranking);
  g_assert_nonnull (strstr (last, matrix->option_names[order[matrix->n_options - 1]]));
  g_assert_true (send_key_to (GTK_WIDGET (ranking), GDK_KEY_Down));
  g_assert_cmpint (fr_chart_view_get_cursor (ranking), ==, (int) matrix->n_options - 1);

  /* New figures keep the cursor on its place, and the emphasis with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)",
                                             matrix->criteria[0].id, 0.0));
  data = fr_chart_view_get_data (ranking);
  g_assert_cmpint (fr_chart_view_get_cursor (ranking), ==, (int) matrix->n_options - 1);
  g_assert_cmpint (data->highlighted, ==, (int) data->order[matrix->n_options - 1]);

  g_assert_true (send_key_to (GTK_WIDGET (ranking), GDK_KEY_Escape));
  g_assert_cmpint (fr_chart_view_get_cursor (ranking), ==, -1);
  g_assert_cmpint (((const FrRankingChartData *) fr_chart_view_get_data (ranking))->highlighted, ==, -1);
  g_assert_false (send_key_to (GTK_WIDGET (ranking), GDK_KEY_Escape));

  /* The sensitivity chart steps through criteria. */
  g_assert_true (send_key_to (GTK_WIDGET (sensitivity), GDK_KEY_Home));
  criterion = fr_chart_view_dup_cursor_text (sensitivity);
  g_assert_nonnull (strstr (criterion, "weight"));
  g_assert_nonnull (strstr (criterion, "stays first"));

  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_by_class (GtkWidget  *root,
                  const char *css_class,
                  GPtrArray  *found)
{
  if (gtk_widget_has_css_class (root, css_class))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_by_class (child, css_class, found);
}

static const char *
button_text (GtkWidget *button)
{
  return fr_value_label_get_text (FR_VALUE_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

static void
assert_shows_weight (GtkWidget *button,
                     double     weight)
{
  g_autofree char *expected = fr_format_weight (weight);

  g_assert_cmpstr (button_text (button), ==, expected);
}

/* A weight's number becomes a field when it is clicked or a digit is typed
 * on it: Enter or leaving the field takes the number, Escape keeps the
 * weight it had. */
static void
test_type_a_weight (void)
{
  FrWindow *window = open_scenario_window ();
  GtkWidget *panel = find_widget (GTK_WIDGET (window), FR_TYPE_WEIGHTS_PANEL, NULL);
  FrDocument *document = fr_window_get_document (window);
  FrModel *model = fr_document_get_model (document);
  FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, 0);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  FrCriterion *criterion = NULL;
  GtkWidget *button = NULL;
  GtkWidget *other = NULL;
  GtkWidget *spin;
  GtkWidget *focus;
  double before;

  g_assert_nonnull (panel);
  drain_events ();
  /* The rows in view, from the top, each with its weight. */
  collect_by_class (panel, "fr-weight-value", values);
  g_assert_cmpuint (values->len, >=, 3);
  /* No row pays for a spin button before it is edited. */
  g_assert_null (find_widget (panel, GTK_TYPE_SPIN_BUTTON, NULL));
  for (guint i = 0; i < values->len; i++)
    {
      FrCriterion *each = g_ptr_array_index (model->criteria, i);

      assert_shows_weight (g_ptr_array_index (values, i), fr_model_criterion_weight (model, stakeholder, each->id));
      if (!each->is_group && criterion == NULL)
        {
          criterion = each;
          button = g_ptr_array_index (values, i);
        }
      else if (!each->is_group && other == NULL)
        other = g_ptr_array_index (values, i);
    }
  g_assert_nonnull (other);
  before = fr_model_criterion_weight (model, stakeholder, criterion->id);
  g_assert_cmpfloat (fabs (before - 0.40), >, 0.01);

  /* Clicked: a field in its place, with the focus. */
  g_signal_emit_by_name (button, "clicked");
  spin = find_widget (gtk_widget_get_parent (button), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_get_visible (spin));
  g_assert_false (gtk_widget_get_visible (button));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == spin || gtk_widget_is_ancestor (focus, spin));

  /* Enter takes the number. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "40");
  g_assert_true (send_key_to (spin, GDK_KEY_Return));
  drain_events ();
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, stakeholder, criterion->id), 0.40, 1e-9);
  g_assert_cmpfloat_with_epsilon (fr_weights_total (model, stakeholder), 1.0, 1e-9);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_visible (spin));
  assert_shows_weight (button, 0.40);
  g_assert_true (fr_document_get_modified (document));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  drain_events ();
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, stakeholder, criterion->id), before, 1e-12);
  assert_shows_weight (button, before);

  /* A digit typed on the number starts the field with it; Escape leaves
   * the weight as it was. */
  g_assert_true (send_key_to (button, GDK_KEY_7));
  g_assert_true (gtk_widget_get_visible (spin));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "7");
  g_assert_false (send_key_to (button, GDK_KEY_a));
  g_assert_true (send_key_to (spin, GDK_KEY_Escape));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (spin));
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, stakeholder, criterion->id), before, 1e-12);

  /* Leaving the field takes the number too. */
  g_signal_emit_by_name (button, "clicked");
  gtk_editable_set_text (GTK_EDITABLE (spin), "25");
  g_assert_true (gtk_widget_grab_focus (other));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (spin));
  g_assert_cmpfloat_with_epsilon (fr_model_criterion_weight (model, stakeholder, criterion->id), 0.25, 1e-9);

  fr_document_set_modified (document, FALSE);
  close_all_windows ();
}

/* The header's choices build their lists when first opened, then behave as
 * a drop-down: the list marks the choice, picking an item changes it. */
static void
test_choice_button (void)
{
  FrWindow *window = open_scenario_window ();
  FrChoiceButton *method = FR_CHOICE_BUTTON (find_widget (GTK_WIDGET (window), FR_TYPE_CHOICE_BUTTON, "Decision Method"));
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (method)));
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { "A", "B", "C", NULL });
  FrChoiceButton *standalone = FR_CHOICE_BUTTON (g_object_ref_sink (fr_choice_button_new ()));
  GtkWidget *popover, *list;
  GtkListBoxRow *row;

  g_assert_cmpuint (fr_choice_button_get_selected (method), ==, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Weighted Sum");
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  drain_events ();
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  list = find_widget (popover, GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3));
  for (int i = 0; i < 3; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (box)) == (i == 0));
    }
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  drain_events ();
  g_assert_cmpuint (fr_choice_button_get_selected (method), ==, 2);
  g_assert_cmpint (fr_analysis_get_method (fr_window_get_analysis (window)), ==, FR_METHOD_PROMETHEE);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "PROMETHEE II");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (gtk_list_box_row_get_child (row))));

  /* The choice follows its list as GtkDropDown's does. */
  fr_choice_button_set_model (standalone, G_LIST_MODEL (names));
  g_assert_cmpuint (fr_choice_button_get_selected (standalone), ==, 0);
  fr_choice_button_set_selected (standalone, 2);
  fr_choice_button_set_selected (standalone, 7);
  g_assert_cmpuint (fr_choice_button_get_selected (standalone), ==, GTK_INVALID_LIST_POSITION);
  fr_choice_button_set_selected (standalone, 2);
  gtk_string_list_remove (names, 2);
  g_assert_cmpuint (fr_choice_button_get_selected (standalone), ==, 1);
  gtk_string_list_splice (names, 0, 2, NULL);
  g_assert_cmpuint (fr_choice_button_get_selected (standalone), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (standalone)))), ==, "");
  gtk_string_list_append (names, "D");
  g_assert_cmpuint (fr_choice_button_get_selected (standalone), ==, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (standalone)))), ==, "D");
  g_object_unref (standalone);

  close_all_windows ();
}

static guint32
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (image) + (gsize) y * cairo_image_surface_get_stride (image);

  return ((const guint32 *) row)[x] & 0xffffff;
}

static GtkWidget *
build_button_row (guint    index,
                  gpointer user_data)
{
  g_autofree char *label = g_strdup_printf ("Row %u", index);
  guint *built = user_data;

  (*built)++;
  return gtk_button_new_with_label (label);
}

static gboolean
last_row_built (gpointer list)
{
  return fr_lazy_list_get_row (list, fr_lazy_list_get_n_rows (list) - 1) != NULL;
}

static gboolean
list_allocated (gpointer list)
{
  return gtk_widget_get_height (list) > 0 &&
         gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (list)) > 0;
}

/* Whether the list's row 19 lies within the scrolled window. */
static gboolean
row_19_in_view (gpointer list)
{
  GtkWidget *row = fr_lazy_list_get_row (list, 19);
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return row != NULL && gtk_widget_compute_bounds (row, scrolled, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled) + 1;
}

static guint
built_rows (FrLazyList *list)
{
  guint n = 0;

  for (guint i = 0; i < fr_lazy_list_get_n_rows (list); i++)
    n += fr_lazy_list_get_row (list, i) != NULL;
  return n;
}

/* The weights' list builds the rows in view, then the ones scrolled to or
 * reached by the focus, and keeps them. */
static void
test_lazy_list (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  FrLazyList *list = FR_LAZY_LIST (fr_lazy_list_new ());
  GtkAdjustment *vadjustment;
  guint kinds[30] = { 0 };
  guint built = 0;
  guint in_view;
  GtkWidget *focus;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (list));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  fr_lazy_list_set_rows (list, G_N_ELEMENTS (kinds), kinds, build_button_row, &built);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, list);
  iterate_until (list_allocated, list);
  drain_events ();

  /* Only the rows in view, from the top, and the scroll range as if all
   * were there. */
  in_view = built_rows (list);
  g_assert_cmpuint (in_view, ==, built);
  g_assert_cmpuint (in_view, >, 2);
  g_assert_cmpuint (in_view, <, 12);
  for (guint i = 0; i < in_view; i++)
    g_assert_nonnull (fr_lazy_list_get_row (list, i));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     gtk_widget_get_height (fr_lazy_list_get_row (list, 0)) * 29.0);

  /* Scrolled to the end: the last rows are built and shown there. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  iterate_until (last_row_built, list);
  g_assert_null (fr_lazy_list_get_row (list, 15));
  {
    graphene_rect_t bounds;
    g_assert_true (gtk_widget_compute_bounds (fr_lazy_list_get_row (list, 29), scrolled, &bounds));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled) + 1);
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
  }

  /* Back at the top, the focus walks down row by row, building the rows
   * in between and scrolling to each. */
  gtk_adjustment_set_value (vadjustment, 0);
  drain_events ();
  gtk_widget_grab_focus (fr_lazy_list_get_row (list, 0));
  for (guint i = 1; i < 20; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (focus == fr_lazy_list_get_row (list, i));
    }
  g_assert_nonnull (fr_lazy_list_get_row (list, 15));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  iterate_until (row_19_in_view, list);

  /* New rows drop the old ones. */
  built = 0;
  fr_lazy_list_set_rows (list, 3, kinds, build_button_row, &built);
  g_assert_null (fr_lazy_list_get_row (list, 1));
  iterate_until (last_row_built, list);
  g_assert_cmpuint (built_rows (list), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
}

/* A ranking bar: its fraction of the width in the option's colour, the
 * rest a faint trough. */
static void
test_score_bar (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bar = fr_score_bar_new ();
  cairo_surface_t *picture;
  int height;

  gtk_widget_set_size_request (bar, 200, -1);
  gtk_window_set_child (GTK_WINDOW (window), bar);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, bar);
  gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 8);

  fr_score_bar_set_color (FR_SCORE_BAR (bar), &(GdkRGBA) { 1, 0, 0, 1 });
  fr_score_bar_set_fraction (FR_SCORE_BAR (bar), 0.25);
  picture = widget_picture (bar, 200, 8);
  g_assert_cmphex (pixel_at (picture, 25, 4), ==, 0xff0000);
  g_assert_cmphex (pixel_at (picture, 150, 4), !=, 0xff0000);
  cairo_surface_destroy (picture);

  fr_score_bar_set_fraction (FR_SCORE_BAR (bar), 2.0);
  g_assert_cmpfloat (fr_score_bar_get_fraction (FR_SCORE_BAR (bar)), ==, 1.0);
  fr_score_bar_set_fraction (FR_SCORE_BAR (bar), 0.75);
  fr_score_bar_set_color (FR_SCORE_BAR (bar), &(GdkRGBA) { 0, 0, 1, 1 });
  picture = widget_picture (bar, 200, 8);
  g_assert_cmphex (pixel_at (picture, 140, 4), ==, 0x0000ff);
  g_assert_cmphex (pixel_at (picture, 190, 4), !=, 0x0000ff);
  cairo_surface_destroy (picture);

  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
}

/* The sidebar's live numbers are as wide as their sample whatever they
 * show, so a new value is drawn again without laying the window out; the
 * ranking's bin shows its child pixel for pixel, drawn as one piece for
 * the cairo renderer and as the child's own nodes for the GL ones. */
static void
test_live_sidebar_widgets (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bin = fr_repaint_bin_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *value = fr_value_label_new ("100.0 %");
  GskRenderNode *node;
  cairo_surface_t *through_bin, *direct;
  int narrow, wide, sample, width, height;

  gtk_box_append (GTK_BOX (box), gtk_label_new ("Deterrence of renewed aggression"));
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), fr_score_bar_new ());
  fr_score_bar_set_fraction (FR_SCORE_BAR (gtk_widget_get_last_child (box)), 0.4);
  fr_repaint_bin_set_child (FR_REPAINT_BIN (bin), box);
  g_assert_true (fr_repaint_bin_get_child (FR_REPAINT_BIN (bin)) == box);
  gtk_window_set_child (GTK_WINDOW (window), bin);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, value);

  fr_value_label_set_text (FR_VALUE_LABEL (value), "5.0 %");
  gtk_widget_measure (value, GTK_ORIENTATION_HORIZONTAL, -1, &narrow, NULL, NULL, NULL);
  fr_value_label_set_text (FR_VALUE_LABEL (value), "100.0 %");
  gtk_widget_measure (value, GTK_ORIENTATION_HORIZONTAL, -1, &wide, NULL, NULL, NULL);
  g_assert_cmpstr (fr_value_label_get_text (FR_VALUE_LABEL (value)), ==, "100.0 %");
  g_assert_cmpint (narrow, ==, wide);
  g_assert_cmpint (wide, >, 20);
  /* A wider sample widens it. */
  fr_value_label_set_sample (FR_VALUE_LABEL (value), "-100.000 %");
  gtk_widget_measure (value, GTK_ORIENTATION_HORIZONTAL, -1, &sample, NULL, NULL, NULL);
  g_assert_cmpint (sample, >, wide);
  drain_events ();

  width = gtk_widget_get_width (bin);
  height = gtk_widget_get_height (bin);
  g_assert_cmpint (width, >, 0);
  node = widget_node (bin, width, height);
  if (drawn_by_cairo (bin))
    {
      /* One piece: the text is inside a cairo node, not a node of its own. */
      g_assert_true (node_has_type (node, GSK_CAIRO_NODE));
      g_assert_false (node_has_type (node, GSK_TEXT_NODE));
    }
  else
    {
      /* Text and bars as GTK's own nodes, nothing to replay and upload. */
      g_assert_true (node_has_type (node, GSK_TEXT_NODE));
      g_assert_true (node_has_type (node, GSK_ROUNDED_CLIP_NODE));
      g_assert_false (node_has_type (node, GSK_CAIRO_NODE));
    }
  gsk_render_node_unref (node);

  through_bin = widget_picture (bin, width, height);
  direct = widget_picture (box, width, height);
  g_assert_cmpint (cairo_image_surface_get_stride (through_bin), ==, cairo_image_surface_get_stride (direct));
  g_assert_true (memcmp (cairo_image_surface_get_data (through_bin), cairo_image_surface_get_data (direct),
                         (gsize) cairo_image_surface_get_stride (direct) * height) == 0);
  {
    /* …and the picture is not empty. */
    const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (direct);
    guint painted = 0;
    for (int i = 0; i < cairo_image_surface_get_stride (direct) / 4 * height; i++)
      painted += pixels[i] != 0;
    g_assert_cmpuint (painted, >, 100);
  }
  cairo_surface_destroy (through_bin);
  cairo_surface_destroy (direct);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
}


/* A chart card reads as one piece in the light and the dark style: its
 * header is painted in the colour of the chart's own background. */
static void
test_chart_cards_one_piece (void)
{
  FrWindow *window = open_scenario_window ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  FrChartView *ranking = fr_analysis_page_get_chart (fr_window_get_analysis_page (window), FR_CHART_RANKING);
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  guint32 seen[G_N_ELEMENTS (schemes)];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "analysis"));
  iterate_until (widget_is_mapped, ranking);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      GtkWidget *card = gtk_widget_get_parent (GTK_WIDGET (ranking));
      cairo_surface_t *image;
      int width, height;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      drain_events ();
      g_assert_true (gtk_widget_has_css_class (card, "fr-chart-card"));
      width = gtk_widget_get_width (card);
      height = gtk_widget_get_height (card);
      image = widget_picture (card, width, height);
      /* The header's top padding, and the chart's bottom margin. */
      seen[i] = pixel_at (image, 4, 2);
      g_assert_cmphex (seen[i], ==, pixel_at (image, 4, height - 3));
      cairo_surface_destroy (image);
    }
  g_assert_cmphex (seen[0], !=, seen[1]);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  drain_events ();
  close_all_windows ();
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_views_and_presentation (void)
{
  FrWindow *window = open_scenario_window ();
  FrDocument *document = fr_window_get_document (window);
  FrModel *model = fr_document_get_model (document);
  guint n_views = model->views->len;
  FrPresentation *presentation;
  FrView *saved;
  g_autofree char *first_description = NULL;
  g_autofree char *second_description = NULL;

  g_assert_cmpuint (n_views, >=, 6);

  /* The Saved Views popover lists every view, with a row added as soon as
   * one is saved while it is open. */
  {
    GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Saved Views");
    GtkPopover *popover;
    GtkWidget *list;

    g_assert_nonnull (button);
    /* Made when first opened, not with the window. */
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_assert_nonnull (popover);
    list = find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, NULL);
    g_assert_nonnull (list);
    iterate_until (popover_mapped, popover);
    g_assert_cmpuint (count_rows (list), ==, n_views);
    saved = fr_window_save_view (window, "While the list is open");
    g_assert_cmpuint (count_rows (list), ==, n_views + 1);
    gtk_popover_popdown (popover);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-view", "s", saved->id));
    g_assert_cmpuint (model->views->len, ==, n_views);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    iterate_until (popover_mapped, popover);
    g_assert_cmpuint (count_rows (list), ==, n_views);
    gtk_popover_popdown (popover);
  }

  /* A view saved from the window reproduces its state when applied. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "analysis"));
  saved = fr_window_save_view (window, "Where we are");
  g_assert_cmpuint (model->views->len, ==, n_views + 1);
  g_assert_cmpstr (saved->chart, ==, "ranking");
  g_assert_nonnull (saved->stakeholder_id);
  g_assert_nonnull (saved->weights);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map"));
  g_assert_true (fr_window_apply_view (window, saved->id));
  g_assert_cmpstr (fr_window_get_view_name (window), ==, "analysis");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-view-up", "s", saved->id));
  g_assert_true (g_ptr_array_index (model->views, n_views - 1) == saved);
  g_assert_true (fr_window_edit_view (window, saved->id, "Where we stand", "Say why."));
  g_assert_cmpstr (saved->title, ==, "Where we stand");
  g_assert_cmpstr (saved->notes, ==, "Say why.");
  g_assert_false (fr_window_edit_view (window, saved->id, "", NULL));
  g_assert_true (fr_window_move_view (window, saved->id, 0));
  g_assert_true (g_ptr_array_index (model->views, 0) == saved);
  g_assert_false (fr_window_move_view (window, saved->id, n_views + 5));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-view", "s", saved->id));
  g_assert_cmpuint (model->views->len, ==, n_views);

  /* F5's action presents full screen; the keys step through the slides. */
  presentation = fr_window_present (window, 0);
  iterate_until (is_fullscreen, presentation);
  g_assert_cmpuint (fr_presentation_get_n_slides (presentation), ==, n_views);
  g_assert_cmpuint (fr_presentation_get_index (presentation), ==, 0);
  first_description = fr_presentation_dup_description (presentation);
  g_assert_nonnull (strstr (first_description, ((FrView *) g_ptr_array_index (model->views, 0))->title));
  g_assert_true (send_key_to (GTK_WIDGET (presentation), GDK_KEY_Right));
  g_assert_cmpuint (fr_presentation_get_index (presentation), ==, 1);
  second_description = fr_presentation_dup_description (presentation);
  g_assert_nonnull (strstr (second_description, ((FrView *) g_ptr_array_index (model->views, 1))->title));
  send_key_to (GTK_WIDGET (presentation), GDK_KEY_End);
  g_assert_cmpuint (fr_presentation_get_index (presentation), ==, n_views - 1);
  send_key_to (GTK_WIDGET (presentation), GDK_KEY_space);
  g_assert_cmpuint (fr_presentation_get_index (presentation), ==, n_views - 1);
  send_key_to (GTK_WIDGET (presentation), GDK_KEY_Home);
  g_assert_cmpuint (fr_presentation_get_index (presentation), ==, 0);
  g_assert_true (fr_presentation_get_dark (presentation));
  send_key_to (GTK_WIDGET (presentation), GDK_KEY_d);
  g_assert_false (fr_presentation_get_dark (presentation));

  /* The model stays live: a weight moved during the talk, then R returns
   * to the state the talk began with. */
  {
    FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, 0);
    g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);
    g_autofree char *criterion = g_strdup (((FrCriterion *) g_ptr_array_index (leaves, 0))->id);
    double before = ((FrWeight *) g_hash_table_lookup (stakeholder->weights, criterion))->value;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)", criterion, 0.9));
    g_assert_true (send_key_to (GTK_WIDGET (presentation), GDK_KEY_r));
    model = fr_document_get_model (fr_window_get_document (window));
    stakeholder = g_ptr_array_index (model->stakeholders, 0);
    g_assert_cmpfloat (((FrWeight *) g_hash_table_lookup (stakeholder->weights, criterion))->value, ==, before);
  }

  g_assert_true (send_key_to (GTK_WIDGET (presentation), GDK_KEY_Escape));
  drain_events ();

  /* Printing goes through GtkPrintOperation and gives the deck's pages:
   * a title page, one per view, then the appendix. */
  {
    g_autofree char *tmp = g_dir_make_tmp ("frontier-print-XXXXXX", NULL);
    g_autofree char *pdf = g_build_filename (tmp, "printed.pdf", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *info = NULL;
    const char *argv[] = { "pdfinfo", pdf, NULL };
    int status;
    const char *pages;

    model = fr_document_get_model (fr_window_get_document (window));
    g_assert_true (fr_window_print_to_pdf (window, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &info, NULL, &status, &error));
    g_assert_no_error (error);
    pages = strstr (info, "Pages:");
    g_assert_nonnull (pages);
    g_assert_cmpint (atoi (pages + 6), >, 1 + (int) model->views->len);
    g_unlink (pdf);
    g_rmdir (tmp);
  }
  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
}

static gboolean
widget_has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static void
collect_option_names (GtkWidget *widget,
                      GPtrArray *names)
{
  if (GTK_IS_ENTRY (widget) && g_object_get_data (G_OBJECT (widget), "fr-option") != NULL)
    g_ptr_array_add (names, (gpointer) gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_option_names (child, names);
}

static void
collect_option_entries (GtkWidget *widget,
                        GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget) && g_object_get_data (G_OBJECT (widget), "fr-option") != NULL)
    g_ptr_array_add (entries, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_option_entries (child, entries);
}

/* The score table shows every option's name whole, the longest of the
 * bundled scenario's too ("Bilateral security guarantees without NATO"):
 * the table scrolls sideways rather than cut them. */
static void
test_option_names_whole (void)
{
  FrWindow *window = open_scenario_window ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  int longest = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "options"));
  drain_events ();
  collect_option_entries (GTK_WIDGET (window), entries);
  g_assert_cmpuint (entries->len, ==, fr_document_get_model (fr_window_get_document (window))->options->len);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (entries, i);
      GtkWidget *text = find_widget (entry, GTK_TYPE_TEXT, NULL);
      PangoLayout *layout = gtk_widget_create_pango_layout (text, gtk_editable_get_text (GTK_EDITABLE (entry)));
      int width;

      iterate_until (widget_has_size, text);
      pango_layout_get_pixel_size (layout, &width, NULL);
      longest = MAX (longest, width);
      if (gtk_widget_get_width (text) < width)
        g_error ("\"%s\" is %d px wide in a field of %d px", gtk_editable_get_text (GTK_EDITABLE (entry)), width,
                 gtk_widget_get_width (text));
      g_object_unref (layout);
    }
  /* Longer than the 24 characters the fields used to be. */
  g_assert_cmpint (longest, >, 200);
  close_all_windows ();
}

/* Start-up builds what its first frame shows: the pages behind the Map
 * and the header's menus are built when first shown, and from then on
 * work and follow the document as if they had always been there. */
static void
test_pages_built_on_first_show (void)
{
  FrWindow *window = open_scenario_window ();
  FrAnalysis *analysis = fr_window_get_analysis (window);
  FrModel *model = fr_document_get_model (fr_window_get_document (window));
  GtkWidget *stack = find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);
  GtkWidget *menu_button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Main Menu");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const FrMatrix *matrix;
  GtkPopover *popover;
  GtkWidget *page, *sources;
  FrChartView *ranking;

  g_assert_cmpstr (fr_window_get_view_name (window), ==, "map");
  g_assert_null (find_widget (GTK_WIDGET (window), FR_TYPE_ANALYSIS_PAGE, NULL));
  g_assert_null (find_widget (GTK_WIDGET (window), FR_TYPE_OPTIONS_PAGE, NULL));

  /* The main menu (F10 pops it up the same way) has its items once open. */
  g_assert_nonnull (menu_button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover))), ==, 3);
  iterate_until (popover_mapped, popover);
  gtk_popover_popdown (popover);

  /* The Options page: its score table names every option of the scenario. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "options"));
  page = find_widget (GTK_WIDGET (window), FR_TYPE_OPTIONS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (page == GTK_WIDGET (fr_window_get_options_page (window)));
  iterate_until (widget_is_mapped, page);
  collect_option_names (page, names);
  g_assert_cmpuint (names->len, ==, model->options->len);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, ((FrOption *) g_ptr_array_index (model->options, i))->name);

  /* The Sources page: a row per source. */
  g_assert_cmpuint (model->sources->len, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "sources"));
  sources = find_widget (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)), GTK_TYPE_LIST_BOX, NULL);
  g_assert_nonnull (sources);
  g_assert_cmpuint (count_rows (sources), ==, model->sources->len);

  /* The Analysis page, first reached through a saved view: charts with
   * data at once, following the next edit. */
  g_assert_null (find_widget (GTK_WIDGET (window), FR_TYPE_ANALYSIS_PAGE, NULL));
  g_assert_true (fr_window_apply_view (window, "v06-moscow"));
  g_assert_cmpstr (fr_window_get_view_name (window), ==, "analysis");
  page = find_widget (GTK_WIDGET (window), FR_TYPE_ANALYSIS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (page == GTK_WIDGET (fr_window_get_analysis_page (window)));
  matrix = fr_analysis_get_matrix (analysis);
  ranking = fr_analysis_page_get_chart (FR_ANALYSIS_PAGE (page), FR_CHART_RANKING);
  g_assert_cmpint (fr_chart_view_get_kind (ranking), ==, FR_CHART_RANKING);
  before = fr_chart_view_dup_description (ranking);
  g_assert_nonnull (strstr (before, matrix->option_names[fr_analysis_get_order (analysis)[0]]));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-weight", "(sd)",
                                             matrix->criteria[0].id, 0.6));
  after = fr_chart_view_dup_description (ranking);
  g_assert_cmpstr (before, !=, after);
  iterate_until (widget_has_size, ranking);
  assert_shows_its_data (ranking);

  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
}

/* Saaty (1980), The Analytic Hierarchy Process: the relative
 * wealth of nations (after Saaty & Khouja 1976). Published eigenvector
 * 0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094; λmax 7.61. */
static void
test_ahp_dialog (void)
{
  static const char *nations[] = { "US", "USSR", "China", "France", "UK", "Japan", "West Germany" };
  static const double a[7][7] = {
    { 1,    4,    9, 6,    6,    5,    5    },
    { 1./4, 1,    7, 5,    5,    3,    4    },
    { 1./9, 1./7, 1, 1./5, 1./5, 1./7, 1./5 },
    { 1./6, 1./5, 5, 1,    1,    1./3, 1./3 },
    { 1./6, 1./5, 5, 1,    1,    1./3, 1./3 },
    { 1./5, 1./3, 7, 3,    3,    1,    2    },
    { 1./5, 1./4, 5, 3,    3,    1./2, 1    },
  };
  static const double published[] = { 0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094 };
  g_autoptr(FrModel) model = fr_model_new ();
  FrStakeholder *analyst = fr_stakeholder_new ("analyst", "Analyst");
  FrOption *option = fr_option_new ("only", "Only option");
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("wealth-XXXXXX.frontier", &stream, NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  FrWindow *window;
  FrAhpDialog *dialog;
  const FrAhpResult *result;
  FrModel *opened;

  model->title = g_strdup ("Wealth of nations");
  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    {
      g_autofree char *id = g_ascii_strdown (nations[i], -1);
      g_strdelimit (id, " ", '-');
      g_ptr_array_add (model->criteria, fr_criterion_new (id, nations[i]));
      g_hash_table_insert (analyst->weights, g_strdup (id), fr_weight_new (1.0 / 7));
      g_hash_table_insert (option->scores, g_strdup (id), fr_score_new (1));
    }
  g_ptr_array_add (model->stakeholders, analyst);
  g_ptr_array_add (model->options, option);
  g_assert_true (fr_xml_save_file (model, path, &error));
  g_assert_no_error (error);

  start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = FR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  iterate_until (widget_is_mapped, window);
  dialog = fr_ahp_dialog_new (GTK_WINDOW (window), fr_window_get_document (window), NULL, "analyst", NULL);
  g_assert_cmpuint (fr_ahp_dialog_get_n_items (dialog), ==, 7);
  for (guint i = 0; i < 7; i++)
    for (guint j = i + 1; j < 7; j++)
      g_assert_true (fr_ahp_dialog_set_judgement (dialog, i, j, a[i][j]));
  result = fr_ahp_dialog_get_result (dialog);
  g_assert_nonnull (result);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpfloat_with_epsilon (result->priorities[i], published[i], 5e-4);
  g_assert_cmpfloat_with_epsilon (result->lambda_max, 7.61, 5e-3);
  g_assert_cmpfloat (result->cr, <, 0.1);
  /* The US over China (9) is the judgement the others disagree with most. */
  g_assert_cmpuint (result->worst_i, ==, 0);
  g_assert_cmpuint (result->worst_j, ==, 2);

  g_assert_true (fr_ahp_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  opened = fr_document_get_model (fr_window_get_document (window));
  {
    FrStakeholder *weighted = fr_model_find_stakeholder (opened, "analyst");
    FrWeight *us = g_hash_table_lookup (weighted->weights, "us");
    g_assert_cmpfloat_with_epsilon (us->value, result->priorities[0], 1e-12);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  fr_document_set_modified (fr_window_get_document (window), FALSE);
  close_all_windows ();
  g_file_delete (file, NULL, NULL);
}

static void
test_templates_instantiate (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) builder = NULL;
  FrPreferencesWindow *preferences;
  GObject *overlay;

  preferences = fr_preferences_window_new (settings);
  g_assert_true (FR_IS_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
  iterate_until (widget_is_mapped, preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));

  builder = gtk_builder_new_from_resource ("/io/github/frontierdesk/Frontier/fr-shortcuts-window.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
  drain_events ();

  /* The menu's Keyboard Shortcuts item opens it over the window. */
  {
    FrWindow *window = open_scenario_window ();
    GtkWindow *shown = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
         shown == NULL && g_get_monotonic_time () < deadline;)
      {
        GListModel *toplevels = gtk_window_get_toplevels ();

        g_main_context_iteration (NULL, FALSE);
        for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
          {
            g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
            if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
              shown = toplevel;
          }
      }
    g_assert_nonnull (shown);
    g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (window));
    gtk_window_close (shown);
    drain_events ();
  }
}

static void
test_settings_keep_window_size (void)
{
  start_application ();
  GSettings *settings = fr_application_get_settings (app);
  FrWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 700);
  window = fr_window_new (app);
  int width, height;
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 650);
  gtk_window_close (GTK_WINDOW (window));
  drain_events ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
}

int
main (int    argc,
      char **argv)
{
  int status;

  app_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/app/window/maps-with-scenario", test_window_maps_with_scenario);
  g_test_add_func ("/app/window/open", test_open_file_and_bad_file);
  g_test_add_func ("/app/weights/action-and-undo", test_weight_action_and_undo);
  g_test_add_func ("/app/import/csv", test_csv_import);
  g_test_add_func ("/app/import/kml-layer", test_kml_layer_import);
  g_test_add_func ("/app/options/bundle-designer", test_bundle_designer);
  g_test_add_func ("/app/options/score-editing", test_score_editing);
  g_test_add_func ("/app/options/names-whole", test_option_names_whole);
  g_test_add_func ("/app/options/structure", test_structure_editing);
  g_test_add_func ("/app/analysis/charts", test_analysis_charts);
  g_test_add_func ("/app/analysis/keyboard", test_chart_keyboard);
  g_test_add_func ("/app/views/presentation", test_views_and_presentation);
  g_test_add_func ("/app/window/pages-built-on-first-show", test_pages_built_on_first_show);
  g_test_add_func ("/app/weights/pairwise", test_ahp_dialog);
  g_test_add_func ("/app/weights/type-a-weight", test_type_a_weight);
  g_test_add_func ("/app/widgets/live-sidebar", test_live_sidebar_widgets);
  g_test_add_func ("/app/widgets/choice-button", test_choice_button);
  g_test_add_func ("/app/widgets/score-bar", test_score_bar);
  g_test_add_func ("/app/widgets/lazy-list", test_lazy_list);
  g_test_add_func ("/app/analysis/cards-one-piece", test_chart_cards_one_piece);
  g_test_add_func ("/app/templates/instantiate", test_templates_instantiate);
  g_test_add_func ("/app/settings/window-size", test_settings_keep_window_size);
  status = g_test_run ();
  g_clear_object (&app);
  return app_test_finish (status);
}
