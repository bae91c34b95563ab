/* test-window-uk.c — the window in Ukrainian: translated text fits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real window in the uk_UA.UTF-8 locale (generated for the test
 * with localedef, so the machine needs no configured locale) with the
 * freshly built catalogue, at 1280 × 800, and looks at every page:
 *   - the window can be that small: nothing in Ukrainian makes it wider or
 *     taller than a laptop screen;
 *   - the interface is really in Ukrainian (the page titles are);
 *   - no label cuts translated text short: a label may end in "…" only
 *     when it shows a name from the document (an option, criterion,
 *     stakeholder, element, source or event), which the user wrote.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "test-app-common.h"
#include "fr-application.h"
#include "fr-document.h"
#include "fr-window.h"

#define WIDTH 1280
#define HEIGHT 800

static char *locale_dir;

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
add_name (GPtrArray  *names,
          const char *name)
{
  /* Short names ("EU") would excuse almost any label. */
  if (name != NULL && g_utf8_strlen (name, -1) >= 4)
    g_ptr_array_add (names, (gpointer) name);
}

/* Every name the document supplies, as shown in labels. */
static GPtrArray *
document_names (const FrModel *model)
{
  GPtrArray *names = g_ptr_array_new ();

  add_name (names, model->title);
  for (guint i = 0; i < model->options->len; i++)
    add_name (names, ((FrOption *) g_ptr_array_index (model->options, i))->name);
  for (guint i = 0; i < model->criteria->len; i++)
    add_name (names, ((FrCriterion *) g_ptr_array_index (model->criteria, i))->name);
  for (guint i = 0; i < model->stakeholders->len; i++)
    add_name (names, ((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->name);
  for (guint i = 0; i < model->elements->len; i++)
    add_name (names, ((FrElement *) g_ptr_array_index (model->elements, i))->name);
  for (guint i = 0; i < model->sources->len; i++)
    add_name (names, ((FrSource *) g_ptr_array_index (model->sources, i))->title);
  for (guint i = 0; i < model->events->len; i++)
    add_name (names, ((FrEvent *) g_ptr_array_index (model->events, i))->title);
  for (guint i = 0; i < model->views->len; i++)
    add_name (names, ((FrView *) g_ptr_array_index (model->views, i))->title);
  return names;
}

/* Does the cut text begin a document name or hold one? */
static gboolean
shows_document_name (const char *text,
                     GPtrArray  *names)
{
  g_autofree char *kept = NULL;
  const char *ellipsis = strstr (text, "…");

  for (guint i = 0; i < names->len; i++)
    if (strstr (text, g_ptr_array_index (names, i)) != NULL)
      return TRUE;
  /* What a label shows of a name, up to where it is cut. */
  kept = g_strndup (text, ellipsis != NULL ? (gsize) (ellipsis - text) : strlen (text));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      for (const char *p = kept; *p != '\0'; p = g_utf8_next_char (p))
        if (strlen (p) >= 4 && g_str_has_prefix (name, p))
          return TRUE;
    }
  return FALSE;
}

static void
collect_cut_labels (GtkWidget *widget,
                    GPtrArray *names,
                    GString   *cut,
                    guint     *n_labels,
                    guint     *n_cut_names)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      (*n_labels)++;
      if (pango_layout_is_ellipsized (layout))
        {
          if (!shows_document_name (text, names))
            g_string_append_printf (cut, "  “%s” (%d px wide)\n", text, gtk_widget_get_width (widget));
          else
            (*n_cut_names)++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, names, cut, n_labels, n_cut_names);
}

static void
test_ukrainian_fits (void)
{
  static const char *const pages[] = { "map", "analysis", "options", "sources" };
  g_autoptr(FrApplication) app = fr_application_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GString) cut = g_string_new (NULL);
  GtkWindow *window;
  FrModel *model;
  int min_width, min_height;

  /* The catalogue is the one just built, and it is in use. */
  g_assert_cmpstr (_("Analysis"), ==, "Аналіз");

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (FR_IS_WINDOW (window));
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  iterate_until (widget_is_mapped, window);
  model = fr_document_get_model (fr_window_get_document (FR_WINDOW (window)));
  names = document_names (model);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, WIDTH, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, WIDTH);
  g_assert_cmpint (min_height, <=, HEIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      guint n_labels = 0, n_cut_names = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", pages[i]));
      settle ();
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, WIDTH);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_assert_cmpint (min_width, <=, WIDTH);
      collect_cut_labels (GTK_WIDGET (window), names, cut, &n_labels, &n_cut_names);
      g_test_message ("%s page, %d px wide: %u labels, %u cutting a document name",
                      pages[i], gtk_widget_get_width (GTK_WIDGET (window)), n_labels, n_cut_names);
      if (cut->len > 0)
        g_error ("On the %s page, translated text is cut short:\n%s", pages[i], cut->str);
    }
  gtk_window_destroy (window);
  settle ();
}

/* uk_UA.UTF-8 compiled into a private directory; FALSE when this machine
 * cannot (the locales package provides the sources). */
static gboolean
make_locale (GError **error)
{
  g_autofree char *target = NULL;
  const char *argv[] = { "localedef", "-i", "uk_UA", "-f", "UTF-8", NULL, NULL };
  g_autofree char *errors = NULL;
  int status;

  locale_dir = g_dir_make_tmp ("frontier-locale-XXXXXX", error);
  if (locale_dir == NULL)
    return FALSE;
  target = g_build_filename (locale_dir, "uk_UA.UTF-8", NULL);
  argv[5] = target;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &errors, &status, error))
    return FALSE;
  /* localedef exits 1 for warnings about the source; the locale is made. */
  if (!g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "localedef could not make uk_UA.UTF-8 (status %d): %s", status, errors);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!make_locale (&error))
    g_error ("The Ukrainian locale is needed for this test and could not be made: %s "
             "(Debian: apt install locales)", error->message);
  g_setenv ("LOCPATH", locale_dir, TRUE);
  g_setenv ("LC_ALL", "uk_UA.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "uk", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("setlocale (uk_UA.UTF-8) failed with LOCPATH=%s", locale_dir);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FRONTIER_LOCALE_BUILDDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app_test_init (&argc, &argv);
  adw_init ();
  g_test_add_func ("/app/translation/ukrainian-fits", test_ukrainian_fits);
  status = g_test_run ();
  remove_tree (locale_dir);
  g_free (locale_dir);
  return app_test_finish (status);
}
