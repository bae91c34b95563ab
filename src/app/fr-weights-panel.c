/* fr-weights-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per criterion: its name, a lock, a slider and the weight in
 * percent. A row's state (its adjustment, its lock) is made with the
 * criteria tree and updated in place, so a slider keeps its grab while
 * every other row follows the drag; its widgets are made the first time it
 * comes into view (FrLazyList): at the window's usual size ten of the
 * bundled scenario's sixteen rows are below the fold, and building them
 * cost the first frame about 12 ms.
 *
 * The weight reads as a flat button that turns into a spin button when it
 * is clicked or a digit is typed on it: a spin button per row was a sixth
 * of the window's widgets at start, and each one redid its text on every
 * tick of a drag.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <glib/gi18n.h>

#include "fr-format.h"
#include "fr-lazy-list.h"
#include "fr-value-label.h"
#include "fr-weight-scale.h"
#include "fr-weights.h"
#include "fr-weights-panel.h"
#include "fr-widgets.h"

typedef struct {
  FrWeightsPanel *panel;
  char *criterion_id;
  gboolean is_group;
  guint depth;
  char *name;
  char *description;
  gboolean lock_active;        /* what its lock shows: a group's, just locked */
  GtkAdjustment *adjustment;   /* percent, shared by the slider and the spin button */
  GtkToggleButton *lock;       /* the row's widgets, NULL until it is in view */
  GtkWidget *value_button;     /* the weight as text; clicked, it gives way to… */
  GtkWidget *spin;             /* …this, built on the row's first edit */
  gboolean editing;
} FrWeightRow;

struct _FrWeightsPanel
{
  GtkBox parent_instance;

  FrDocument *document;
  FrHistory *history;
  char *stakeholder_id;
  GPtrArray *rows;             /* FrWeightRow* */
  GHashTable *locked;          /* leaf criterion ids */
  GHashTable *profiles;        /* stakeholder id → FrStakeholder* (copies) */
  GtkWidget *list;             /* FrLazyList */
  GtkWidget *empty;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (FrWeightsPanel, fr_weights_panel, GTK_TYPE_BOX)

static void
row_free (FrWeightRow *row)
{
  g_signal_handlers_disconnect_by_data (row->adjustment, row);
  g_object_unref (row->adjustment);
  g_free (row->criterion_id);
  g_free (row->name);
  g_free (row->description);
  g_free (row);
}

static FrStakeholder *
current_stakeholder (FrWeightsPanel *self)
{
  if (self->document == NULL)
    return NULL;
  return fr_model_find_stakeholder (fr_document_get_model (self->document), self->stakeholder_id);
}

static void
refresh_values (FrWeightsPanel *self)
{
  FrModel *model;
  FrStakeholder *stakeholder = current_stakeholder (self);

  if (self->document == NULL)
    return;
  model = fr_document_get_model (self->document);
  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FrWeightRow *row = g_ptr_array_index (self->rows, i);
      double value = stakeholder ? fr_model_criterion_weight (model, stakeholder, row->criterion_id) : 0.0;

      gtk_adjustment_set_value (row->adjustment, value * 100.0);
    }
  /* Rows built later take this from the list. */
  gtk_widget_set_sensitive (self->list, stakeholder != NULL);
  self->updating = FALSE;
}

static void
on_value_changed (GtkAdjustment *adjustment,
                  FrWeightRow   *row)
{
  FrWeightsPanel *self = row->panel;

  if (self->updating)
    return;
  if (!fr_weights_panel_set_weight (self, row->criterion_id, gtk_adjustment_get_value (adjustment) / 100.0))
    refresh_values (self);
}

static void
on_lock_toggled (GtkToggleButton *button,
                 FrWeightRow     *row)
{
  fr_weights_panel_set_locked (row->panel, row->criterion_id, gtk_toggle_button_get_active (button));
}

static guint
depth_of (const FrModel     *model,
          const FrCriterion *criterion)
{
  guint depth = 0;

  while (criterion->parent_id != NULL && depth < model->criteria->len)
    {
      criterion = fr_model_find_criterion (model, criterion->parent_id);
      if (criterion == NULL)
        break;
      depth++;
    }
  return depth;
}

static void
show_value (FrWeightRow *row)
{
  g_autofree char *text = NULL;

  if (row->value_button == NULL)
    return;
  text = fr_format_weight (gtk_adjustment_get_value (row->adjustment) / 100.0);
  fr_value_label_set_text (FR_VALUE_LABEL (gtk_button_get_child (GTK_BUTTON (row->value_button))), text);
}

/* Puts the flat value back; a typed number is taken first unless
 * @commit is FALSE (Escape). */
static void
end_edit (FrWeightRow *row,
          gboolean     commit,
          gboolean     refocus)
{
  if (!row->editing)
    return;
  row->editing = FALSE;
  if (commit)
    gtk_spin_button_update (GTK_SPIN_BUTTON (row->spin));
  else
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->spin), gtk_adjustment_get_value (row->adjustment));
  gtk_widget_set_visible (row->value_button, TRUE);
  if (refocus)
    gtk_widget_grab_focus (row->value_button);
  gtk_widget_set_visible (row->spin, FALSE);
}

static void
on_spin_focus_leave (GtkEventControllerFocus *controller,
                     FrWeightRow             *row)
{
  end_edit (row, TRUE, FALSE);
}

static gboolean
on_spin_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     FrWeightRow           *row)
{
  /* Enter is caught here: GtkSpinButton has no activate signal before
   * GTK 4.14. */
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      end_edit (row, TRUE, TRUE);
      return TRUE;
    case GDK_KEY_Escape:
      end_edit (row, FALSE, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
ensure_spin (FrWeightRow *row)
{
  GtkWidget *grid = gtk_widget_get_parent (row->value_button);
  GtkEventController *controller;
  g_autofree char *label = NULL;

  if (row->spin != NULL)
    return;
  row->spin = gtk_spin_button_new (row->adjustment, 1, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->spin), 4);
  gtk_widget_add_css_class (row->spin, "numeric");
  /* Translators: accessible name of a weight's number field */
  label = g_strdup_printf (_("Weight of %s in percent"), row->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_spin_focus_leave), row);
  gtk_widget_add_controller (row->spin, controller);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_spin_key_pressed), row);
  gtk_widget_add_controller (row->spin, controller);
  gtk_widget_set_visible (row->spin, FALSE);
  /* The same cell as the value: one of the two shows at a time. */
  gtk_grid_attach (GTK_GRID (grid), row->spin, 1, 1, 2, 1);
}

/* Shows the spin button in the value's place with the focus in it, and
 * @typed (a digit) as its text if given. */
static void
begin_edit (FrWeightRow *row,
            const char  *typed)
{
  if (row->editing)
    return;
  ensure_spin (row);
  row->editing = TRUE;
  gtk_widget_set_visible (row->spin, TRUE);
  gtk_widget_grab_focus (row->spin);
  gtk_widget_set_visible (row->value_button, FALSE);
  if (typed != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (row->spin), typed);
      gtk_editable_set_position (GTK_EDITABLE (row->spin), -1);
    }
}

static void
on_value_clicked (GtkButton   *button,
                  FrWeightRow *row)
{
  begin_edit (row, NULL);
}

static gboolean
on_value_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      FrWeightRow           *row)
{
  gunichar typed = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0 };

  if (!g_unichar_isdigit (typed) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  g_unichar_to_utf8 (typed, text);
  begin_edit (row, text);
  return TRUE;
}

static GtkWidget *
build_value_button (FrWeightRow *row)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *widest = fr_format_weight (1.0);
  GtkEventController *controller = gtk_event_controller_key_new ();
  g_autofree char *accessible = NULL;

  /* As wide as "100.0 %", so the slider keeps its length and a new value
   * is only drawn again, not laid out. */
  gtk_button_set_child (GTK_BUTTON (button), fr_value_label_new (widest));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_add_css_class (button, "fr-weight-value");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  fr_widget_set_tooltip (button, _("Click or type a number to enter the weight"));
  /* Translators: accessible name of a weight's number, which opens a field */
  accessible = g_strdup_printf (_("Weight of %s in percent"), row->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_value_clicked), row);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_value_key_pressed), row);
  gtk_widget_add_controller (button, controller);
  row->value_button = button;
  return button;
}

static void
show_lock (FrWeightRow *row)
{
  g_signal_handlers_block_by_func (row->lock, on_lock_toggled, row);
  gtk_toggle_button_set_active (row->lock, row->lock_active);
  g_signal_handlers_unblock_by_func (row->lock, on_lock_toggled, row);
  gtk_button_set_icon_name (GTK_BUTTON (row->lock),
                            row->lock_active ? "changes-prevent-symbolic" : "changes-allow-symbolic");
}

/* The widgets of the row at @index, when it first comes into view. */
static GtkWidget *
build_row (guint    index,
           gpointer user_data)
{
  FrWeightsPanel *self = user_data;
  FrWeightRow *row = g_ptr_array_index (self->rows, index);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_label_new (row->name);
  GtkWidget *value;
  GtkWidget *scale;
  GtkWidget *lock;
  g_autofree char *lock_label = NULL;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 6 + 12 * (int) row->depth);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, row->is_group ? 9 : 3);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  if (row->is_group)
    gtk_widget_add_css_class (name, "heading");
  if (row->description != NULL)
    fr_widget_set_tooltip (name, row->description);

  value = build_value_button (row);

  lock = gtk_toggle_button_new ();
  gtk_widget_add_css_class (lock, "flat");
  gtk_widget_set_valign (lock, GTK_ALIGN_CENTER);
  fr_widget_set_tooltip (lock, _("Lock this weight while others move"));
  lock_label = g_strdup_printf (_("Lock the weight of %s"), row->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL, lock_label, -1);
  row->lock = GTK_TOGGLE_BUTTON (lock);
  g_signal_connect (lock, "toggled", G_CALLBACK (on_lock_toggled), row);
  show_lock (row);

  scale = fr_weight_scale_new (row->adjustment);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, row->name, -1);

  /* The name gets the whole width; the number sits by its slider. */
  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), lock, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), scale, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value, 1, 1, 2, 1);
  show_value (row);
  return grid;
}

static void
rebuild (FrWeightsPanel *self)
{
  FrModel *model = self->document != NULL ? fr_document_get_model (self->document) : NULL;
  guint n_rows = model != NULL ? model->criteria->len : 0;
  g_autofree guint *kinds = g_new0 (guint, MAX (n_rows, 1));

  /* The list lets go of the old rows' widgets before the rows go. */
  fr_lazy_list_set_rows (FR_LAZY_LIST (self->list), 0, NULL, NULL, NULL);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);
      FrWeightRow *row = g_new0 (FrWeightRow, 1);

      row->panel = self;
      row->criterion_id = g_strdup (criterion->id);
      row->is_group = criterion->is_group;
      row->depth = depth_of (model, criterion);
      row->name = g_strdup (criterion->name);
      row->description = g_strdup (criterion->description);
      row->lock_active = !criterion->is_group && g_hash_table_contains (self->locked, criterion->id);
      row->adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 100, 0.5, 5, 0));
      g_signal_connect_swapped (row->adjustment, "value-changed", G_CALLBACK (show_value), row);
      g_signal_connect (row->adjustment, "value-changed", G_CALLBACK (on_value_changed), row);
      g_ptr_array_add (self->rows, row);
      kinds[i] = row->is_group;
    }
  refresh_values (self);
  fr_lazy_list_set_rows (FR_LAZY_LIST (self->list), n_rows, kinds, build_row, self);
  gtk_widget_set_visible (self->empty, model != NULL && n_rows == 0);
}

static void
on_document_changed (FrWeightsPanel *self,
                     guint           what)
{
  if (what & FR_CHANGE_CRITERIA)
    rebuild (self);
  else if (what & (FR_CHANGE_WEIGHTS | FR_CHANGE_STAKEHOLDERS))
    refresh_values (self);
}

static void
fr_weights_panel_dispose (GObject *object)
{
  FrWeightsPanel *self = FR_WEIGHTS_PANEL (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (fr_weights_panel_parent_class)->dispose (object);
}

static void
fr_weights_panel_finalize (GObject *object)
{
  FrWeightsPanel *self = FR_WEIGHTS_PANEL (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->locked);
  g_hash_table_unref (self->profiles);
  g_free (self->stakeholder_id);

  G_OBJECT_CLASS (fr_weights_panel_parent_class)->finalize (object);
}

static void
fr_weights_panel_class_init (FrWeightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fr_weights_panel_dispose;
  object_class->finalize = fr_weights_panel_finalize;
}

static void
fr_weights_panel_init (FrWeightsPanel *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->locked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) fr_stakeholder_free);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "fr-weights");

  self->list = fr_lazy_list_new ();
  gtk_widget_set_margin_bottom (self->list, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);

  self->empty = gtk_label_new (_("This document has no criteria yet."));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_set_margin_top (self->empty, 12);
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_box_prepend (GTK_BOX (self), self->empty);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Criteria weights"), -1);
}

GtkWidget *
fr_weights_panel_new (void)
{
  return g_object_new (FR_TYPE_WEIGHTS_PANEL, NULL);
}

void
fr_weights_panel_take_profile (FrWeightsPanel *self)
{
  FrModel *model;

  g_return_if_fail (FR_IS_WEIGHTS_PANEL (self));

  g_hash_table_remove_all (self->profiles);
  if (self->document == NULL)
    return;
  model = fr_document_get_model (self->document);
  for (guint i = 0; i < model->stakeholders->len; i++)
    {
      FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, i);
      FrStakeholder *copy = fr_stakeholder_new (stakeholder->id, stakeholder->name);
      fr_weights_copy (copy, stakeholder);
      g_hash_table_insert (self->profiles, g_strdup (stakeholder->id), copy);
    }
}

void
fr_weights_panel_set_document (FrWeightsPanel *self,
                               FrDocument     *document,
                               FrHistory      *history)
{
  g_return_if_fail (FR_IS_WEIGHTS_PANEL (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->history, history);
  g_hash_table_remove_all (self->locked);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  fr_weights_panel_take_profile (self);
  rebuild (self);
}

void
fr_weights_panel_set_stakeholder (FrWeightsPanel *self,
                                  const char     *stakeholder_id)
{
  g_return_if_fail (FR_IS_WEIGHTS_PANEL (self));

  g_free (self->stakeholder_id);
  self->stakeholder_id = g_strdup (stakeholder_id);
  refresh_values (self);
}

gboolean
fr_weights_panel_set_weight (FrWeightsPanel *self,
                             const char     *criterion_id,
                             double          value)
{
  FrStakeholder *stakeholder = current_stakeholder (self);
  FrModel *model;
  g_autofree char *merge_key = NULL;

  g_return_val_if_fail (FR_IS_WEIGHTS_PANEL (self), FALSE);

  if (stakeholder == NULL)
    return FALSE;
  model = fr_document_get_model (self->document);
  if (fr_model_find_criterion (model, criterion_id) == NULL)
    return FALSE;
  if (self->history != NULL)
    {
      merge_key = g_strdup_printf ("weight:%s:%s", stakeholder->id, criterion_id);
      fr_history_checkpoint_weights (self->history, _("Change Weight"), stakeholder->id, merge_key);
    }
  if (!fr_weights_set (model, stakeholder, criterion_id, value, self->locked))
    return FALSE;
  fr_document_changed (self->document, FR_CHANGE_WEIGHTS);
  return TRUE;
}

void
fr_weights_panel_set_locked (FrWeightsPanel *self,
                             const char     *criterion_id,
                             gboolean        locked)
{
  FrModel *model;

  g_return_if_fail (FR_IS_WEIGHTS_PANEL (self));

  if (self->document == NULL)
    return;
  model = fr_document_get_model (self->document);
  /* A group's lock is the lock of all its leaves. */
  for (guint i = 0; i < model->criteria->len; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, i);

      if (criterion->is_group || !fr_model_criterion_is_under (model, criterion, criterion_id))
        continue;
      if (locked)
        g_hash_table_add (self->locked, g_strdup (criterion->id));
      else
        g_hash_table_remove (self->locked, criterion->id);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      FrWeightRow *row = g_ptr_array_index (self->rows, i);

      if (row->is_group && g_strcmp0 (row->criterion_id, criterion_id) != 0)
        continue;
      row->lock_active = row->is_group ? locked : g_hash_table_contains (self->locked, row->criterion_id);
      if (row->lock != NULL)
        show_lock (row);
    }
}

gboolean
fr_weights_panel_get_locked (FrWeightsPanel *self,
                             const char     *criterion_id)
{
  g_return_val_if_fail (FR_IS_WEIGHTS_PANEL (self), FALSE);
  return g_hash_table_contains (self->locked, criterion_id);
}

void
fr_weights_panel_normalise (FrWeightsPanel *self)
{
  FrStakeholder *stakeholder = current_stakeholder (self);

  g_return_if_fail (FR_IS_WEIGHTS_PANEL (self));

  if (stakeholder == NULL)
    return;
  if (self->history != NULL)
    fr_history_checkpoint_weights (self->history, _("Normalise Weights"), stakeholder->id, NULL);
  fr_weights_normalise (fr_document_get_model (self->document), stakeholder);
  fr_document_changed (self->document, FR_CHANGE_WEIGHTS);
}

void
fr_weights_panel_reset (FrWeightsPanel *self)
{
  FrStakeholder *stakeholder = current_stakeholder (self);
  FrStakeholder *profile;

  g_return_if_fail (FR_IS_WEIGHTS_PANEL (self));

  if (stakeholder == NULL)
    return;
  profile = g_hash_table_lookup (self->profiles, stakeholder->id);
  if (profile == NULL)
    return;
  if (self->history != NULL)
    fr_history_checkpoint_weights (self->history, _("Reset Weights"), stakeholder->id, NULL);
  fr_weights_copy (stakeholder, profile);
  fr_document_changed (self->document, FR_CHANGE_WEIGHTS);
}
