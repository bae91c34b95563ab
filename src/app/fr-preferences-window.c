/* fr-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include "fr-preferences-window.h"

struct _FrPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *style_row;
  AdwComboRow *method_row;
  GtkSpinButton *samples_spin;
  GtkSpinButton *autosave_spin;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (FrPreferencesWindow, fr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Enum keys hold nicks; a combo row's "selected" is the enum's position. */
static gboolean
enum_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static const char *style_nicks[] = { "follow", "light", "dark", NULL };
static const char *method_nicks[] = { "wsm", "topsis", "promethee", NULL };

static void
fr_preferences_window_dispose (GObject *object)
{
  FrPreferencesWindow *self = FR_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), FR_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (fr_preferences_window_parent_class)->dispose (object);
}

static void
fr_preferences_window_class_init (FrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fr_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/frontierdesk/Frontier/fr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FrPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, FrPreferencesWindow, method_row);
  gtk_widget_class_bind_template_child (widget_class, FrPreferencesWindow, samples_spin);
  gtk_widget_class_bind_template_child (widget_class, FrPreferencesWindow, autosave_spin);
}

static void
fr_preferences_window_init (FrPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FrPreferencesWindow *
fr_preferences_window_new (GSettings *settings)
{
  FrPreferencesWindow *self = g_object_new (FR_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_position, position_to_enum,
                                (gpointer) style_nicks, NULL);
  g_settings_bind_with_mapping (settings, "default-method", self->method_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_position, position_to_enum,
                                (gpointer) method_nicks, NULL);
  g_settings_bind (settings, "smaa-samples", self->samples_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-delay", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  return self;
}
