/* fr-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <glib/gi18n.h>

#include "fr-application.h"
#include "fr-drafts.h"
#include "fr-memory.h"
#include "fr-paths.h"
#include "fr-preferences-window.h"
#include "fr-window.h"
#include "fr-xml.h"

struct _FrApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean   icon_pending;
  GThread   *scenario_thread;  /* reading the bundled scenario, or NULL */
};

typedef struct {
  FrModel *model;
  GError  *error;
} ScenarioLoad;

G_DEFINE_FINAL_TYPE (FrApplication, fr_application, ADW_TYPE_APPLICATION)

static void
apply_style_variant (FrApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint variant = (guint) g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (style_manager,
                                      schemes[MIN (variant, G_N_ELEMENTS (schemes) - 1)]);
}

/* The window manager's icon, for X11 (Wayland takes the application's icon
 * from its desktop file). The sizes are PNGs rendered from the SVG icon by
 * tools/icons/render-window-icons: looking the icon up by name would load
 * an SVG renderer (about 6 MB resident) just for this. */
static GList *
window_icons (void)
{
  static GList *icons;
  static const int sizes[] = { 16, 32, 48, 64, 128 };

  if (icons == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autofree char *path = g_strdup_printf ("/io/github/frontierdesk/Frontier/window-icons/%d.png", sizes[i]);

        icons = g_list_append (icons, gdk_texture_new_from_resource (path));
      }
  return icons;
}

/* Also a "realize" handler: GTK sets a window's icon list when it realizes
 * the window, and this runs after, for windows that come later. */
static void
give_window_icon (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (surface != NULL && GDK_IS_TOPLEVEL (surface))
    gdk_toplevel_set_icon_list (GDK_TOPLEVEL (surface), window_icons ());
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      g_signal_connect (window, "realize", G_CALLBACK (give_window_icon), NULL);
      give_window_icon (window);
    }
}

static gboolean
set_window_icons (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  on_toplevels_changed (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed), NULL);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame_painted (GdkFrameClock *clock,
                        FrApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);
  if (!self->icon_pending)
    return;
  self->icon_pending = FALSE;
  g_idle_add_full (G_PRIORITY_LOW, set_window_icons, NULL, NULL);
}

static void
on_window_realize (GtkWidget     *window,
                   FrApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted), self, 0);
}

static FrWindow *
new_window (FrApplication *self)
{
  FrWindow *window = fr_window_new (self);

  /* The window manager's icon waits until a window has shown its first
   * frame: decoding it is no part of showing the window. */
  if (self->icon_pending)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize), self, 0);
  return window;
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  FrApplication *self = FR_APPLICATION (user_data);
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "fr-drafts");
  FrWindow *first = FR_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  for (guint i = 0; i < drafts->len; i++)
    {
      FrDraft *draft = g_ptr_array_index (drafts, i);

      if (g_str_equal (response, "restore"))
        {
          /* The first draft takes the untouched window the user just got. */
          FrWindow *window = (i == 0 && first != NULL) ? first : new_window (self);
          fr_window_restore_draft (window, draft);
          gtk_window_present (GTK_WINDOW (window));
        }
      else
        {
          g_autoptr(GError) error = NULL;
          if (!fr_drafts_remove (draft->id, &error))
            g_warning ("%s", error->message);
        }
    }
}

/* Work a crash or a kill left behind is offered back before anything else. */
static void
offer_drafts (FrApplication *self,
              FrWindow      *window)
{
  g_autoptr(GPtrArray) drafts = fr_drafts_list ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (drafts->len == 0)
    return;
  for (guint i = 0; i < drafts->len; i++)
    {
      FrDraft *draft = g_ptr_array_index (drafts, i);
      g_string_append_printf (names, "\n• %s", draft->title && draft->title[0] ? draft->title : _("Untitled Document"));
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Frontier closed before this document was saved:%s",
                                       "Frontier closed before these documents were saved:%s",
                                       drafts->len),
                          names->str);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "fr-drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
load_scenario_in_thread (gpointer data)
{
  ScenarioLoad *load = g_new0 (ScenarioLoad, 1);
  g_autofree char *path = fr_scenario_path ();

  load->model = fr_xml_load_file (path, &load->error);
  return load;
}

/* The bundled scenario, read in a thread while the first window is built;
 * read here when that thread was not started. */
static ScenarioLoad *
take_scenario (FrApplication *self)
{
  if (self->scenario_thread != NULL)
    return g_thread_join (g_steal_pointer (&self->scenario_thread));
  return load_scenario_in_thread (NULL);
}

static void
scenario_load_free (ScenarioLoad *load)
{
  g_clear_pointer (&load->model, fr_model_free);
  g_clear_error (&load->error);
  g_free (load);
}

static void
fr_application_activate (GApplication *application)
{
  FrApplication *self = FR_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      FrWindow *fr_window = new_window (self);
      ScenarioLoad *scenario = take_scenario (self);

      /* A new user sees the bundled scenario, never an empty window; it opens
       * as a copy so saving asks where to put it. */
      fr_window_take_template (fr_window, g_steal_pointer (&scenario->model), scenario->error);
      scenario_load_free (scenario);
      window = GTK_WINDOW (fr_window);
      gtk_window_present (window);
      offer_drafts (self, fr_window);
      return;
    }
  gtk_window_present (window);
}

static void
fr_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FrApplication *self = FR_APPLICATION (application);

  /* Files to open: the bundled scenario read ahead is not needed. */
  if (self->scenario_thread != NULL)
    scenario_load_free (take_scenario (self));
  for (int i = 0; i < n_files; i++)
    {
      FrWindow *window = new_window (self);
      fr_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
fr_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("frontier %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
on_style_variant_changed (FrApplication *self)
{
  apply_style_variant (self);
}

static void
read_icon_theme (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GtkIconPaintable *icon = gtk_icon_theme_lookup_icon (GTK_ICON_THEME (source_object), "open-menu-symbolic",
                                                       NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);

  g_clear_object (&icon);
  g_task_return_boolean (task, TRUE);
}

/* GTK reads the icon theme in a thread as soon as it creates the display's
 * theme, but the resource paths GtkApplication and libadwaita add right
 * after make it read the theme again, on the main thread, at the first icon
 * the window shows. One lookup from a thread (allowed once the theme is set
 * up on the main thread) reads it while the window is being built. */
static void
read_icon_theme_in_thread (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (theme, NULL, NULL, NULL);

  g_task_run_in_thread (task, read_icon_theme);
}

static void
fr_application_startup (GApplication *application)
{
  FrApplication *self = FR_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (fr_application_parent_class)->startup (application);
  read_icon_theme_in_thread ();
  /* The first window opens on the bundled scenario: read it while the
   * window is built. */
  fr_xml_init ();
  self->scenario_thread = g_thread_new ("frontier-scenario", load_scenario_in_thread, NULL);

  self->icon_pending = TRUE;
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (on_style_variant_changed), self, G_CONNECT_SWAPPED);
  apply_style_variant (self);
}

static void
fr_application_dispose (GObject *object)
{
  FrApplication *self = FR_APPLICATION (object);

  if (self->scenario_thread != NULL)
    scenario_load_free (take_scenario (self));
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fr_application_parent_class)->dispose (object);
}

/* A closed window's document, charts and map surfaces go back to the
 * system, not to the allocator's free lists. */
static void
fr_application_window_removed (GtkApplication *application,
                               GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (fr_application_parent_class)->window_removed (application, window);
  fr_memory_trim_soon ();
}

static void
fr_application_class_init (FrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = fr_application_dispose;
  app_class->activate = fr_application_activate;
  app_class->open = fr_application_open;
  app_class->startup = fr_application_startup;
  app_class->handle_local_options = fr_application_handle_local_options;
  gtk_app_class->window_removed = fr_application_window_removed;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FrApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes before it closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  FrApplication *self = user_data;
  FrWindow *window = new_window (self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  FrPreferencesWindow *preferences = fr_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  FrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Frontier developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Frontier"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Frontier developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
    _("Weigh post-war security options for Ukraine for several stakeholders at once, "
      "on a live map and timeline of the frontier from the Barents Sea to the Black Sea."));
  adw_about_window_set_website (about, "https://github.com/frontierdesk/frontier");
  adw_about_window_set_issue_url (about, "https://github.com/frontierdesk/frontier/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Frontier developers"));
  /* Translators: put your name and e-mail here, one per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("Policy brief"),
    (const char *[]) {
      _("Eugene Rumer, “Neutrality: An Alternative to Ukraine’s Membership in NATO”, "
        "Council on Foreign Relations, 7 January 2025"),
      NULL });
  adw_about_window_add_legal_section (about, _("Natural Earth"),
    _("Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."),
    GTK_LICENSE_CUSTOM,
    _("The map data is in the public domain. It was taken from the world-atlas 2.0.2 "
      "redistribution, © 2013–2019 Michael Bostock, ISC licence."));
  gtk_window_present (GTK_WINDOW (about));
}

/* For scripts and tests: the same as moving a slider in the active window. */
static void
set_weight_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  FrApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (FR_IS_WINDOW (window))
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.set-weight", parameter);
}

static const GActionEntry app_actions[] = {
  { "set-weight", set_weight_activated, "(sd)", NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
  { "new-window", new_window_activated, NULL, NULL, NULL },
  { "preferences", preferences_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};

static void
fr_application_init (FrApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Weigh post-war security options for Ukraine. Opens the bundled scenario when no FILE is given."));
}

FrApplication *
fr_application_new (void)
{
  return g_object_new (FR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/frontierdesk/Frontier",
                       NULL);
}

GSettings *
fr_application_get_settings (FrApplication *self)
{
  g_return_val_if_fail (FR_IS_APPLICATION (self), NULL);
  return self->settings;
}
