/* fr-choice-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include "fr-choice-button.h"
#include "fr-widgets.h"

struct _FrChoiceButton
{
  GtkWidget parent_instance;

  GtkWidget  *button;    /* GtkMenuButton */
  GListModel *model;
  guint       selected;
  GtkWidget  *list;      /* GtkListBox, from the first time it opens */
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FrChoiceButton, fr_choice_button, GTK_TYPE_WIDGET)

static guint
n_items (FrChoiceButton *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

/* Owned by the model's item, which the model keeps. */
static const char *
item_text (FrChoiceButton *self,
           guint           position)
{
  g_autoptr(GObject) item = NULL;

  if (position >= n_items (self))
    return NULL;
  item = g_list_model_get_item (self->model, position);
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static void
show_choice (FrChoiceButton *self)
{
  const char *text = item_text (self, self->selected);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
  if (self->list == NULL)
    return;
  for (guint i = 0; i < n_items (self); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) i);
      GtkWidget *check = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));

      gtk_widget_set_visible (check, i == self->selected);
    }
}

static void
rebuild_list (FrChoiceButton *self)
{
  fr_widget_remove_children (self->list);
  for (guint i = 0; i < n_items (self); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (item_text (self, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
on_row_activated (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  FrChoiceButton *self)
{
  fr_choice_button_set_selected (self, (guint) gtk_list_box_row_get_index (row));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
}

static void
on_popover_show (FrChoiceButton *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) self->selected);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* GtkMenuButton calls this when it opens while it has no pop-over yet. */
static void
create_popover (GtkMenuButton *button,
                gpointer       user_data)
{
  FrChoiceButton *self = FR_CHOICE_BUTTON (user_data);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (popover, "menu");
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, popover);
  rebuild_list (self);
  show_choice (self);
}

/* GtkDropDown's rule (a single selection that selects by itself): the
 * choice stays at its position while the list still reaches it, and the
 * first item is chosen once there is one. */
static void
on_items_changed (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  FrChoiceButton *self)
{
  guint n = n_items (self);
  guint selected = self->selected;

  if (n == 0)
    selected = GTK_INVALID_LIST_POSITION;
  else if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else
    selected = MIN (selected, n - 1);
  if (self->list != NULL)
    rebuild_list (self);
  if (selected != self->selected)
    {
      self->selected = selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  show_choice (self);
}

static void
on_tooltip_changed (FrChoiceButton *self)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (self));

  /* The button is what takes the focus: it carries the name. */
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

GtkWidget *
fr_choice_button_new (void)
{
  return g_object_new (FR_TYPE_CHOICE_BUTTON, NULL);
}

void
fr_choice_button_set_model (FrChoiceButton *self,
                            GListModel     *model)
{
  g_return_if_fail (FR_IS_CHOICE_BUTTON (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
  self->selected = n_items (self) > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  if (self->list != NULL)
    rebuild_list (self);
  show_choice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GListModel *
fr_choice_button_get_model (FrChoiceButton *self)
{
  g_return_val_if_fail (FR_IS_CHOICE_BUTTON (self), NULL);
  return self->model;
}

guint
fr_choice_button_get_selected (FrChoiceButton *self)
{
  g_return_val_if_fail (FR_IS_CHOICE_BUTTON (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

void
fr_choice_button_set_selected (FrChoiceButton *self,
                               guint           position)
{
  g_return_if_fail (FR_IS_CHOICE_BUTTON (self));

  if (position >= n_items (self))
    position = GTK_INVALID_LIST_POSITION;
  if (position == self->selected)
    return;
  self->selected = position;
  show_choice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
fr_choice_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FrChoiceButton *self = FR_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_choice_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FrChoiceButton *self = FR_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      fr_choice_button_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      fr_choice_button_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fr_choice_button_dispose (GObject *object)
{
  FrChoiceButton *self = FR_CHOICE_BUTTON (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  self->list = NULL;

  G_OBJECT_CLASS (fr_choice_button_parent_class)->dispose (object);
}

static void
fr_choice_button_class_init (FrChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = fr_choice_button_get_property;
  object_class->set_property = fr_choice_button_set_property;
  object_class->dispose = fr_choice_button_dispose;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Styled as GtkDropDown is, its list as a menu. */
  gtk_widget_class_set_css_name (widget_class, "dropdown");
}

static void
fr_choice_button_init (FrChoiceButton *self)
{
  self->selected = GTK_INVALID_LIST_POSITION;
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->button), TRUE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popover, self, NULL);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect (self, "notify::tooltip-text", G_CALLBACK (on_tooltip_changed), NULL);
}
