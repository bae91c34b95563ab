/* fr-options-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two halves: the score table (options × criteria, each cell a button that
 * shows the score, its range, rationale and source, and opens an editor),
 * and the bundle designer (elements toggled on and off, the bundle scored
 * for every stakeholder at once, the rules it breaks spelled out, and a
 * search for the best bundles that runs in a worker thread).
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fr-bundles.h"
#include "fr-edit.h"
#include "fr-weights.h"
#include "fr-format.h"
#include "fr-import.h"
#include "fr-options-page.h"
#include "fr-theme.h"
#include "fr-widgets.h"

#define SEARCH_TOP_K 10

struct _FrOptionsPage
{
  GtkBox parent_instance;

  FrDocument *document;
  FrHistory *history;

  GtkWidget *table;              /* GtkGrid */
  GtkWidget *elements_box;
  GtkWidget *conflicts_label;
  GtkWidget *bundle_label;
  GtkWidget *utilities_box;
  GtkWidget *save_button;
  GtkWidget *search_dropdown;
  GtkStringList *search_names;
  GtkWidget *search_button;
  GtkWidget *search_spinner;
  GtkWidget *results_list;
  GtkWidget *structure_lists[3];  /* criteria, elements, stakeholders */

  FrBundleProblem *problem;
  guint problem_generation;      /* bumped whenever the problem is rebuilt */
  char *problem_error;
  guint64 bundle;
  GPtrArray *conflicts;          /* char* */
  double *utilities;             /* per stakeholder of the problem */
  GCancellable *search_cancellable;
  guint stale;                   /* FrChange flags not yet shown while hidden */
};

G_DEFINE_FINAL_TYPE (FrOptionsPage, fr_options_page, GTK_TYPE_BOX)

static FrModel *
model_of (FrOptionsPage *self)
{
  return self->document ? fr_document_get_model (self->document) : NULL;
}

static void
checkpoint (FrOptionsPage *self,
            const char    *label)
{
  if (self->history != NULL)
    fr_history_checkpoint (self->history, label, NULL);
}

/* ---- score table ------------------------------------------------------ */

static char *
score_text (const FrScore *score)
{
  g_autofree char *value = NULL;

  if (score == NULL)
    return g_strdup ("—");
  value = fr_format_score (score->value, 1);
  if (score->has_range)
    {
      g_autofree char *low = fr_format_score (score->low, 1);
      g_autofree char *high = fr_format_score (score->high, 1);
      /* Translators: a score and its range, "6.0 (4.0–7.0)" */
      return g_strdup_printf (_("%s (%s–%s)"), value, low, high);
    }
  return g_steal_pointer (&value);
}

static char *
score_tooltip (const FrModel     *model,
               const FrOption    *option,
               const FrCriterion *criterion,
               const FrScore     *score)
{
  GString *text = g_string_new (NULL);
  FrSource *source = score ? fr_model_find_source (model, score->source_id) : NULL;

  g_string_append_printf (text, "%s — %s", option->name, criterion->name);
  if (criterion->unit != NULL)
    g_string_append_printf (text, " (%s)", criterion->unit);
  if (score != NULL && score->rationale != NULL)
    g_string_append_printf (text, "\n\n%s", score->rationale);
  if (source != NULL)
    /* Translators: "Source: <title>" under a score's rationale */
    g_string_append_printf (text, _("\n\nSource: %s"), source->title ? source->title : source->id);
  return g_string_free (text, FALSE);
}

typedef struct {
  FrOptionsPage *self;
  char *option_id;
  char *criterion_id;
  GtkAdjustment *value;
  GtkAdjustment *low;
  GtkAdjustment *high;
  GtkWidget *has_range;
  GtkTextBuffer *rationale;
  GtkWidget *source;           /* GtkDropDown: "None", then the document's sources */
  GtkWidget *popover;
} ScoreEditor;

static void
score_editor_free (ScoreEditor *editor)
{
  g_free (editor->option_id);
  g_free (editor->criterion_id);
  g_free (editor);
}

static void
on_score_apply (GtkButton   *button,
                ScoreEditor *editor)
{
  FrOptionsPage *self = editor->self;
  FrModel *model = model_of (self);
  FrOption *option = fr_model_find_option (model, editor->option_id);
  FrScore *score;
  GtkTextIter start, end;
  g_autofree char *rationale = NULL;
  double value = gtk_adjustment_get_value (editor->value);

  if (option == NULL)
    return;
  gtk_text_buffer_get_bounds (editor->rationale, &start, &end);
  rationale = gtk_text_buffer_get_text (editor->rationale, &start, &end, FALSE);

  checkpoint (self, _("Edit Score"));
  score = g_hash_table_lookup (option->scores, editor->criterion_id);
  if (score == NULL)
    {
      score = fr_score_new (value);
      g_hash_table_insert (option->scores, g_strdup (editor->criterion_id), score);
    }
  score->value = value;
  score->has_range = gtk_check_button_get_active (GTK_CHECK_BUTTON (editor->has_range));
  /* A range always contains its score, however the fields were set. */
  score->low = score->has_range ? MIN (gtk_adjustment_get_value (editor->low), value) : value;
  score->high = score->has_range ? MAX (gtk_adjustment_get_value (editor->high), value) : value;
  g_free (score->rationale);
  score->rationale = rationale[0] != '\0' ? g_steal_pointer (&rationale) : NULL;
  {
    guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (editor->source));
    g_free (score->source_id);
    score->source_id = position > 0 && position <= model->sources->len
                       ? g_strdup (((FrSource *) g_ptr_array_index (model->sources, position - 1))->id) : NULL;
  }
  gtk_popover_popdown (GTK_POPOVER (editor->popover));
  fr_document_changed (self->document, FR_CHANGE_SCORES);
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
on_cell_clicked (GtkButton     *button,
                 FrOptionsPage *self)
{
  FrModel *model = model_of (self);
  const char *option_id = g_object_get_data (G_OBJECT (button), "fr-option");
  const char *criterion_id = g_object_get_data (G_OBJECT (button), "fr-criterion");
  FrOption *option = fr_model_find_option (model, option_id);
  FrCriterion *criterion = fr_model_find_criterion (model, criterion_id);
  FrScore *score = option ? g_hash_table_lookup (option->scores, criterion_id) : NULL;
  ScoreEditor *editor;
  GtkWidget *box, *apply, *text_view, *scrolled, *title;
  double lower = -1e9, upper = 1e9;

  if (option == NULL || criterion == NULL)
    return;
  if (criterion->has_scale)
    {
      lower = criterion->scale_min;
      upper = criterion->scale_max;
    }
  editor = g_new0 (ScoreEditor, 1);
  editor->self = self;
  editor->option_id = g_strdup (option_id);
  editor->criterion_id = g_strdup (criterion_id);
  editor->value = gtk_adjustment_new (score ? score->value : lower, lower, upper, 0.1, 1, 0);
  editor->low = gtk_adjustment_new (score ? score->low : lower, lower, upper, 0.1, 1, 0);
  editor->high = gtk_adjustment_new (score ? score->high : lower, lower, upper, 0.1, 1, 0);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = gtk_label_new (NULL);
  {
    g_autofree char *heading = g_strdup_printf ("%s — %s", option->name, criterion->name);
    gtk_label_set_label (GTK_LABEL (title), heading);
  }
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), labelled (_("Score"), gtk_spin_button_new (editor->value, 1, 2)));
  editor->has_range = gtk_check_button_new_with_label (_("Uncertain within a range"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (editor->has_range), score && score->has_range);
  gtk_box_append (GTK_BOX (box), editor->has_range);
  gtk_box_append (GTK_BOX (box), labelled (_("Lowest"), gtk_spin_button_new (editor->low, 1, 2)));
  gtk_box_append (GTK_BOX (box), labelled (_("Highest"), gtk_spin_button_new (editor->high, 1, 2)));
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Rationale")));
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  editor->rationale = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (editor->rationale, score && score->rationale ? score->rationale : "", -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_widget_set_size_request (scrolled, 320, 100);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);
  {
    GtkStringList *names = gtk_string_list_new (NULL);
    guint selected = 0;

    gtk_string_list_append (names, _("No source"));
    for (guint i = 0; i < model->sources->len; i++)
      {
        FrSource *source = g_ptr_array_index (model->sources, i);
        gtk_string_list_append (names, source->title ? source->title : source->id);
        if (score != NULL && g_strcmp0 (score->source_id, source->id) == 0)
          selected = i + 1;
      }
    editor->source = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (editor->source), selected);
    gtk_widget_set_size_request (editor->source, 220, -1);
    gtk_box_append (GTK_BOX (box), labelled (_("Source"), editor->source));
  }
  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), apply);

  editor->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (editor->popover), box);
  gtk_widget_set_parent (editor->popover, GTK_WIDGET (button));
  g_signal_connect (apply, "clicked", G_CALLBACK (on_score_apply), editor);
  g_object_set_data_full (G_OBJECT (editor->popover), "fr-editor", editor, (GDestroyNotify) score_editor_free);
  g_signal_connect (editor->popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (editor->popover));
}

static void
on_option_menu_action (GtkWidget  *button,
                       const char *action)
{
  FrOptionsPage *self = g_object_get_data (G_OBJECT (button), "fr-page");
  const char *option_id = g_object_get_data (G_OBJECT (button), "fr-option");

  if (g_str_equal (action, "duplicate"))
    fr_options_page_duplicate_option (self, option_id);
  else if (g_str_equal (action, "delete"))
    fr_options_page_delete_option (self, option_id);
  else if (g_str_equal (action, "up"))
    fr_options_page_move_option (self, option_id, -1);
  else if (g_str_equal (action, "down"))
    fr_options_page_move_option (self, option_id, +1);
}

static void
on_option_button (GtkButton *button,
                  gpointer   user_data)
{
  on_option_menu_action (GTK_WIDGET (button), user_data);
}

static void
on_name_activate (GtkEntry      *entry,
                  FrOptionsPage *self)
{
  const char *option_id = g_object_get_data (G_OBJECT (entry), "fr-option");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (text[0] != '\0')
    fr_options_page_rename_option (self, option_id, text);
}

/* Option names are shown whole up to this many characters; the table
 * scrolls sideways when the window is too narrow for them. */
#define MIN_NAME_CHARS 16
#define MAX_NAME_CHARS 40

static GtkWidget *
option_header (FrOptionsPage *self,
               FrOption      *option,
               guint          index,
               int            name_chars)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *entry = gtk_entry_new ();
  static const struct { const char *icon; const char *action; const char *tooltip; } buttons[] = {
    { "go-up-symbolic", "up", N_("Move Up") },
    { "go-down-symbolic", "down", N_("Move Down") },
    { "edit-copy-symbolic", "duplicate", N_("Duplicate Option") },
    { "user-trash-symbolic", "delete", N_("Delete Option") },
  };

  gtk_editable_set_text (GTK_EDITABLE (entry), option->name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), name_chars);
  fr_widget_set_tooltip (entry, option->description);
  g_object_set_data_full (G_OBJECT (entry), "fr-option", g_strdup (option->id), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (on_name_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Option name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon);
      gtk_widget_add_css_class (button, "flat");
      fr_widget_set_tooltip (button, _(buttons[i].tooltip));
      g_object_set_data (G_OBJECT (button), "fr-page", self);
      g_object_set_data_full (G_OBJECT (button), "fr-option", g_strdup (option->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_option_button), (gpointer) buttons[i].action);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
rebuild_table (FrOptionsPage *self)
{
  FrModel *model = model_of (self);
  g_autoptr(GPtrArray) leaves = NULL;
  int name_chars = MIN_NAME_CHARS;

  fr_widget_remove_children (self->table);
  if (model == NULL)
    return;
  leaves = fr_model_leaf_criteria (model);
  for (guint o = 0; o < model->options->len; o++)
    {
      FrOption *option = g_ptr_array_index (model->options, o);

      name_chars = MAX (name_chars, (int) MIN (g_utf8_strlen (option->name, -1), MAX_NAME_CHARS));
    }
  for (guint c = 0; c < leaves->len; c++)
    {
      FrCriterion *criterion = g_ptr_array_index (leaves, c);
      GtkWidget *header = gtk_label_new (criterion->name);
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", criterion->name,
                                                  criterion->description ? criterion->description : "");

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), 12);
      gtk_label_set_justify (GTK_LABEL (header), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (header, "heading");
      fr_widget_set_tooltip (header, tooltip);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (self->table), header, (int) c + 1, 0, 1, 1);
    }
  for (guint o = 0; o < model->options->len; o++)
    {
      FrOption *option = g_ptr_array_index (model->options, o);

      gtk_grid_attach (GTK_GRID (self->table), option_header (self, option, o, name_chars), 0, (int) o + 1, 1, 1);
      for (guint c = 0; c < leaves->len; c++)
        {
          FrCriterion *criterion = g_ptr_array_index (leaves, c);
          FrScore *score = g_hash_table_lookup (option->scores, criterion->id);
          g_autofree char *text = score_text (score);
          g_autofree char *tooltip = score_tooltip (model, option, criterion, score);
          GtkWidget *cell = gtk_button_new_with_label (text);

          gtk_widget_add_css_class (cell, "flat");
          gtk_widget_add_css_class (cell, "numeric");
          fr_widget_set_tooltip (cell, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
          g_object_set_data_full (G_OBJECT (cell), "fr-option", g_strdup (option->id), g_free);
          g_object_set_data_full (G_OBJECT (cell), "fr-criterion", g_strdup (criterion->id), g_free);
          g_signal_connect (cell, "clicked", G_CALLBACK (on_cell_clicked), self);
          gtk_grid_attach (GTK_GRID (self->table), cell, (int) c + 1, (int) o + 1, 1, 1);
        }
    }
}

/* ---- bundle designer -------------------------------------------------- */

static void
update_bundle (FrOptionsPage *self)
{
  FrModel *model = model_of (self);
  guint n_stakeholders;
  g_autofree char *description = NULL;

  fr_widget_remove_children (self->utilities_box);
  if (self->problem == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->conflicts_label),
                           self->problem_error ? self->problem_error : _("This document has no elements to combine."));
      gtk_widget_set_visible (self->conflicts_label, TRUE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      gtk_widget_set_sensitive (self->search_button, FALSE);
      return;
    }
  g_ptr_array_set_size (self->conflicts, 0);
  if (!fr_bundle_problem_check (self->problem, self->bundle, self->conflicts))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      for (guint i = 0; i < self->conflicts->len; i++)
        g_string_append_printf (text, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (self->conflicts, i));
      gtk_label_set_label (GTK_LABEL (self->conflicts_label), text->str);
      gtk_widget_set_visible (self->conflicts_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->conflicts_label, FALSE);
  gtk_widget_set_sensitive (self->save_button, self->conflicts->len == 0);
  gtk_widget_set_sensitive (self->search_button, TRUE);

  description = fr_bundle_problem_describe (self->problem, self->bundle);
  gtk_label_set_label (GTK_LABEL (self->bundle_label), description);

  n_stakeholders = fr_bundle_problem_get_n_stakeholders (self->problem);
  g_free (self->utilities);
  self->utilities = g_new0 (double, MAX (n_stakeholders, 1));
  fr_bundle_problem_evaluate (self->problem, self->bundle, NULL, self->utilities);
  for (guint s = 0; s < n_stakeholders; s++)
    {
      FrStakeholder *stakeholder = fr_model_find_stakeholder (model, fr_bundle_problem_get_stakeholder_id (self->problem, s));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (stakeholder ? stakeholder->name : "");
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      g_autofree char *value = fr_format_score (self->utilities[s], 2);
      g_autofree char *needed = fr_format_score (stakeholder ? stakeholder->reservation : 0, 2);
      gboolean accepts = stakeholder == NULL || self->utilities[s] >= stakeholder->reservation;
      /* Translators: a stakeholder's utility and the reservation level it needs */
      g_autofree char *text = g_strdup_printf (accepts ? _("%s ≥ %s") : _("%s < %s"), value, needed);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_size_request (name, 140, -1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (self->utilities[s], 0, 1));
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, accepts ? "success" : "error");
      fr_widget_set_tooltip (label, accepts ? _("Above this stakeholder’s reservation level")
                                                  : _("Below this stakeholder’s reservation level"));
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), bar);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->utilities_box), row);
    }
}

static void
on_element_toggled (GtkCheckButton *check,
                    FrOptionsPage  *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "fr-element");

  fr_options_page_set_element (self, id, gtk_check_button_get_active (check));
}

static void
rebuild_designer (FrOptionsPage *self)
{
  FrModel *model = model_of (self);
  g_autoptr(GError) error = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->search_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  fr_widget_remove_children (self->elements_box);
  g_clear_pointer (&self->problem, fr_bundle_problem_free);
  g_clear_pointer (&self->problem_error, g_free);
  self->problem_generation++;
  self->bundle = 0;
  if (model == NULL)
    return;
  if (model->elements->len > 0)
    {
      self->problem = fr_bundle_problem_new (model, &error);
      if (self->problem == NULL)
        self->problem_error = g_strdup (error->message);
    }
  for (guint i = 0; i < model->elements->len; i++)
    {
      FrElement *element = g_ptr_array_index (model->elements, i);
      GtkWidget *check = gtk_check_button_new_with_label (element->name);

      fr_widget_set_tooltip (check, element->description);
      g_object_set_data_full (G_OBJECT (check), "fr-element", g_strdup (element->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_element_toggled), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->elements_box), check);
    }
  for (guint i = 0; i < model->stakeholders->len; i++)
    g_ptr_array_add (names, ((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->name);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->search_names, 0, n_old, (const char * const *) names->pdata);
  fr_widget_remove_children (self->results_list);
  update_bundle (self);
}

static void
sync_checks (FrOptionsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->elements_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *id = g_object_get_data (G_OBJECT (check), "fr-element");
      int index = self->problem ? fr_bundle_problem_find_element (self->problem, id) : -1;
      gboolean on = index >= 0 && (self->bundle >> index & 1);

      g_signal_handlers_block_by_func (check, on_element_toggled, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      g_signal_handlers_unblock_by_func (check, on_element_toggled, self);
    }
}

static void
on_result_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     FrOptionsPage *self)
{
  guint64 *bundle = g_object_get_data (G_OBJECT (row), "fr-bundle");

  if (bundle == NULL)
    return;
  self->bundle = *bundle;
  sync_checks (self);
  update_bundle (self);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FrBundleProblem *problem = task_data;
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "fr-target"));
  GError *error = NULL;
  FrBundleList *list = fr_bundle_problem_best (problem, target, SEARCH_TOP_K, TRUE, cancellable, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) fr_bundle_list_free);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FrOptionsPage *self = FR_OPTIONS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(FrBundleList) list = g_task_propagate_pointer (G_TASK (result), &error);
  guint target = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "fr-target"));
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "fr-generation"));

  gtk_spinner_stop (GTK_SPINNER (self->search_spinner));
  gtk_widget_set_visible (self->search_spinner, FALSE);
  gtk_widget_set_sensitive (self->search_button, TRUE);
  g_clear_object (&self->search_cancellable);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *label = gtk_label_new (error->message);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_list_box_append (GTK_LIST_BOX (self->results_list), label);
        }
      return;
    }
  /* The document may have changed while the search ran. */
  if (generation != self->problem_generation || self->problem == NULL)
    return;
  if (list->n_bundles == 0)
    gtk_list_box_append (GTK_LIST_BOX (self->results_list),
                         gtk_label_new (_("No bundle is acceptable to every other stakeholder.")));
  for (guint i = 0; i < list->n_bundles; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *description = fr_bundle_problem_describe (self->problem, list->elements[i]);
      g_autofree char *utility = fr_format_score (list->utility[i * list->n_stakeholders + target], 3);
      guint64 *bundle = g_new (guint64, 1);

      *bundle = list->elements[i];
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (utility));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fr-bundle", bundle, g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->results_list), row);
    }
}

static void
on_search_clicked (GtkButton     *button,
                   FrOptionsPage *self)
{
  guint target = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->search_dropdown));
  FrModel *model = model_of (self);
  g_autoptr(GTask) task = NULL;
  FrBundleProblem *problem;
  g_autoptr(GError) error = NULL;

  if (self->problem == NULL || target == GTK_INVALID_LIST_POSITION || target >= model->stakeholders->len)
    return;
  /* The worker gets its own copy of the problem, so edits meanwhile are safe. */
  problem = fr_bundle_problem_new (model, &error);
  if (problem == NULL)
    return;
  target = (guint) fr_bundle_problem_find_stakeholder (problem,
                                                      ((FrStakeholder *) g_ptr_array_index (model->stakeholders, target))->id);
  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  fr_widget_remove_children (self->results_list);
  gtk_widget_set_visible (self->search_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->search_spinner));
  gtk_widget_set_sensitive (self->search_button, FALSE);

  task = g_task_new (self, self->search_cancellable, on_search_done, NULL);
  g_task_set_task_data (task, problem, (GDestroyNotify) fr_bundle_problem_free);
  g_object_set_data (G_OBJECT (task), "fr-target", GUINT_TO_POINTER (target));
  g_object_set_data (G_OBJECT (task), "fr-generation", GUINT_TO_POINTER (self->problem_generation));
  g_task_run_in_thread (task, search_thread);
}

static void
on_save_bundle_clicked (GtkButton     *button,
                        FrOptionsPage *self)
{
  fr_options_page_save_bundle (self, NULL);
}


/* ---- criteria, elements and stakeholders ------------------------------ */

static const struct {
  FrEditKind kind;
  FrChange change;
  const char *title;
  const char *add_label;
  const char *new_name;
} structure_kinds[] = {
  { FR_EDIT_CRITERION, FR_CHANGE_CRITERIA | FR_CHANGE_SCORES | FR_CHANGE_WEIGHTS | FR_CHANGE_ELEMENTS,
    N_("Criteria"), N_("Add Criterion"), N_("New criterion") },
  { FR_EDIT_ELEMENT, FR_CHANGE_ELEMENTS | FR_CHANGE_OPTIONS, N_("Elements"), N_("Add Element"), N_("New element") },
  { FR_EDIT_STAKEHOLDER, FR_CHANGE_STAKEHOLDERS | FR_CHANGE_WEIGHTS | FR_CHANGE_VIEWS,
    N_("Stakeholders"), N_("Add Stakeholder"), N_("New stakeholder") },
};

gboolean
fr_options_page_edit (FrOptionsPage *self,
                      FrEditKind     kind,
                      const char    *operation,
                      const char    *id,
                      const char    *argument)
{
  FrModel *model = model_of (self);
  gboolean done = FALSE;
  FrChange change = 0;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  if (model == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (structure_kinds); k++)
    if (structure_kinds[k].kind == kind)
      change = structure_kinds[k].change;

  /* The checkpoint has to come first; an edit that changes nothing takes
   * it back. */
  if (g_str_equal (operation, "add"))
    {
      checkpoint (self, _("Add"));
      done = fr_edit_add (model, kind, argument) != NULL;
    }
  else if (g_str_equal (operation, "rename"))
    {
      checkpoint (self, _("Rename"));
      done = fr_edit_rename (model, kind, id, argument);
    }
  else if (g_str_equal (operation, "duplicate"))
    {
      checkpoint (self, _("Duplicate"));
      done = fr_edit_duplicate (model, kind, id) != NULL;
    }
  else if (g_str_equal (operation, "up") || g_str_equal (operation, "down"))
    {
      checkpoint (self, _("Move"));
      done = fr_edit_move (model, kind, id, g_str_equal (operation, "up") ? -1 : 1);
    }
  else if (g_str_equal (operation, "delete"))
    {
      checkpoint (self, _("Delete"));
      done = fr_edit_delete (model, kind, id);
      /* What the deleted criterion weighed goes back to the others. */
      if (done && kind == FR_EDIT_CRITERION)
        for (guint i = 0; i < model->stakeholders->len; i++)
          fr_weights_normalise (model, g_ptr_array_index (model->stakeholders, i));
    }
  if (done)
    fr_document_changed (self->document, change);
  else if (self->history != NULL)
    fr_history_discard_checkpoint (self->history);
  return done;
}

static void
on_structure_button (GtkButton     *button,
                     FrOptionsPage *self)
{
  FrEditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fr-kind"));
  const char *operation = g_object_get_data (G_OBJECT (button), "fr-operation");
  const char *id = g_object_get_data (G_OBJECT (button), "fr-id");

  if (g_str_equal (operation, "add"))
    {
      for (guint k = 0; k < G_N_ELEMENTS (structure_kinds); k++)
        if (structure_kinds[k].kind == kind)
          fr_options_page_edit (self, kind, "add", NULL, _(structure_kinds[k].new_name));
    }
  else
    fr_options_page_edit (self, kind, operation, id, NULL);
}

static void
on_structure_name (GtkEntry      *entry,
                   FrOptionsPage *self)
{
  FrEditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "fr-kind"));
  const char *id = g_object_get_data (G_OBJECT (entry), "fr-id");

  fr_options_page_edit (self, kind, "rename", id, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_direction_toggled (GtkToggleButton *button,
                      FrOptionsPage   *self)
{
  FrCriterion *criterion = fr_model_find_criterion (model_of (self), g_object_get_data (G_OBJECT (button), "fr-id"));
  FrDirection direction = gtk_toggle_button_get_active (button) ? FR_DIRECTION_COST : FR_DIRECTION_BENEFIT;

  if (criterion == NULL || criterion->direction == direction)
    return;
  checkpoint (self, _("Change Direction"));
  criterion->direction = direction;
  fr_document_changed (self->document, FR_CHANGE_CRITERIA);
}

static void
on_reservation_changed (GtkSpinButton *spin,
                        FrOptionsPage *self)
{
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model_of (self), g_object_get_data (G_OBJECT (spin), "fr-id"));
  double value = gtk_spin_button_get_value (spin) / 100.0;

  if (stakeholder == NULL || G_APPROX_VALUE (stakeholder->reservation, value, 1e-9))
    return;
  if (self->history != NULL)
    {
      g_autofree char *key = g_strdup_printf ("reservation:%s", stakeholder->id);
      fr_history_checkpoint (self->history, _("Change Reservation Level"), key);
    }
  stakeholder->reservation = value;
  fr_document_changed (self->document, FR_CHANGE_STAKEHOLDERS);
}

static GtkWidget *
structure_button (FrOptionsPage *self,
                  FrEditKind     kind,
                  const char    *icon,
                  const char    *tooltip,
                  const char    *operation,
                  const char    *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  fr_widget_set_tooltip (button, tooltip);
  g_object_set_data (G_OBJECT (button), "fr-kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (button), "fr-operation", (gpointer) operation);
  g_object_set_data_full (G_OBJECT (button), "fr-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_structure_button), self);
  return button;
}

static void
rebuild_structure (FrOptionsPage *self)
{
  FrModel *model = model_of (self);

  for (guint k = 0; k < G_N_ELEMENTS (structure_kinds); k++)
    {
      GtkWidget *list = self->structure_lists[k];
      FrEditKind kind = structure_kinds[k].kind;
      GPtrArray *items;

      fr_widget_remove_children (list);
      if (model == NULL)
        continue;
      items = kind == FR_EDIT_CRITERION ? model->criteria
            : kind == FR_EDIT_ELEMENT ? model->elements : model->stakeholders;
      for (guint i = 0; i < items->len; i++)
        {
          char **item = g_ptr_array_index (items, i);
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
          GtkWidget *entry = gtk_entry_new ();

          gtk_widget_set_margin_start (row, 6);
          gtk_widget_set_margin_end (row, 6);
          gtk_editable_set_text (GTK_EDITABLE (entry), item[1] ? item[1] : "");
          gtk_widget_set_hexpand (entry, TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
          g_object_set_data (G_OBJECT (entry), "fr-kind", GINT_TO_POINTER (kind));
          g_object_set_data_full (G_OBJECT (entry), "fr-id", g_strdup (item[0]), g_free);
          g_signal_connect (entry, "activate", G_CALLBACK (on_structure_name), self);
          if (kind == FR_EDIT_CRITERION)
            {
              FrCriterion *criterion = (FrCriterion *) item;
              gtk_widget_set_margin_start (entry, criterion->parent_id ? 18 : 0);
            }
          gtk_box_append (GTK_BOX (row), entry);

          if (kind == FR_EDIT_CRITERION && !((FrCriterion *) item)->is_group)
            {
              GtkWidget *cost = gtk_toggle_button_new_with_label (_("Cost"));
              fr_widget_set_tooltip (cost, _("Lower is better on this criterion"));
              gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cost), ((FrCriterion *) item)->direction == FR_DIRECTION_COST);
              gtk_widget_set_valign (cost, GTK_ALIGN_CENTER);
              g_object_set_data_full (G_OBJECT (cost), "fr-id", g_strdup (item[0]), g_free);
              g_signal_connect (cost, "toggled", G_CALLBACK (on_direction_toggled), self);
              gtk_box_append (GTK_BOX (row), cost);
            }
          if (kind == FR_EDIT_STAKEHOLDER)
            {
              GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);
              gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), ((FrStakeholder *) item)->reservation * 100);
              fr_widget_set_tooltip (spin, _("Reservation level: the weighted-sum utility in percent below which this stakeholder walks away"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reservation level"), -1);
              gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
              g_object_set_data_full (G_OBJECT (spin), "fr-id", g_strdup (item[0]), g_free);
              g_signal_connect (spin, "value-changed", G_CALLBACK (on_reservation_changed), self);
              gtk_box_append (GTK_BOX (row), spin);
            }
          gtk_box_append (GTK_BOX (row), structure_button (self, kind, "go-up-symbolic", _("Move Up"), "up", item[0]));
          gtk_box_append (GTK_BOX (row), structure_button (self, kind, "go-down-symbolic", _("Move Down"), "down", item[0]));
          if (!(kind == FR_EDIT_CRITERION && ((FrCriterion *) item)->is_group))
            gtk_box_append (GTK_BOX (row), structure_button (self, kind, "edit-copy-symbolic", _("Duplicate"), "duplicate", item[0]));
          gtk_box_append (GTK_BOX (row), structure_button (self, kind, "user-trash-symbolic", _("Delete"), "delete", item[0]));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
    }
}

static GtkWidget *
build_structure_section (FrOptionsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (structure_kinds); k++)
    {
      GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *add = gtk_button_new_with_label (_(structure_kinds[k].add_label));

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(structure_kinds[k].title), -1);
      self->structure_lists[k] = list;
      g_object_set_data (G_OBJECT (add), "fr-kind", GINT_TO_POINTER (structure_kinds[k].kind));
      g_object_set_data (G_OBJECT (add), "fr-operation", (gpointer) "add");
      g_signal_connect (add, "clicked", G_CALLBACK (on_structure_button), self);
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (page), list);
      gtk_box_append (GTK_BOX (page), add);
      gtk_stack_add_titled (GTK_STACK (stack), page, structure_kinds[k].title, _(structure_kinds[k].title));
    }
  gtk_box_append (GTK_BOX (box), stack);
  return box;
}

/* ---- the page --------------------------------------------------------- */

static void
apply_changes (FrOptionsPage *self,
               guint          what);

/* A hidden page does no work: it catches up when it is shown. */
static void
on_document_changed (FrOptionsPage *self,
                     guint          what)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale |= what;
      return;
    }
  apply_changes (self, what);
}

static void
catch_up (FrOptionsPage *self)
{
  guint what = self->stale;

  self->stale = 0;
  if (what != 0)
    apply_changes (self, what);
}

static void
on_map (FrOptionsPage *self)
{
  guint what = self->stale;

  self->stale = 0;
  if (what != 0)
    apply_changes (self, what);
}

static void
apply_changes (FrOptionsPage *self,
               guint          what)
{
  if (what & (FR_CHANGE_OPTIONS | FR_CHANGE_SCORES | FR_CHANGE_CRITERIA | FR_CHANGE_SOURCES))
    rebuild_table (self);
  if (what & (FR_CHANGE_CRITERIA | FR_CHANGE_ELEMENTS | FR_CHANGE_STAKEHOLDERS))
    rebuild_structure (self);
  if (what & (FR_CHANGE_ELEMENTS | FR_CHANGE_CRITERIA | FR_CHANGE_STAKEHOLDERS))
    rebuild_designer (self);
  else if (what & FR_CHANGE_WEIGHTS)
    {
      g_autoptr(GError) error = NULL;
      guint64 bundle = self->bundle;

      /* Weights change every stakeholder's utilities: rebuild the problem
       * but keep the user's bundle. */
      g_clear_pointer (&self->problem, fr_bundle_problem_free);
      self->problem = fr_bundle_problem_new (model_of (self), &error);
      self->problem_generation++;
      self->bundle = bundle;
      update_bundle (self);
    }
}

static void
on_add_option_clicked (GtkButton     *button,
                       FrOptionsPage *self)
{
  FrModel *model = model_of (self);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) leaves = NULL;
  g_autofree char *id = NULL;
  FrOption *option;

  if (model == NULL)
    return;
  for (guint i = 0; i < model->options->len; i++)
    g_hash_table_add (taken, g_strdup (((FrOption *) g_ptr_array_index (model->options, i))->id));
  id = fr_make_id (_("New option"), "option", taken);
  checkpoint (self, _("Add Option"));
  option = fr_option_new (id, _("New option"));
  /* Every criterion needs a score: start in the middle of its scale. */
  leaves = fr_model_leaf_criteria (model);
  for (guint c = 0; c < leaves->len; c++)
    {
      FrCriterion *criterion = g_ptr_array_index (leaves, c);
      double middle = criterion->has_scale ? (criterion->scale_min + criterion->scale_max) / 2 : 0;
      g_hash_table_insert (option->scores, g_strdup (criterion->id), fr_score_new (middle));
    }
  g_ptr_array_add (model->options, option);
  fr_document_changed (self->document, FR_CHANGE_OPTIONS | FR_CHANGE_SCORES);
}

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  return label;
}

static void
fr_options_page_dispose (GObject *object)
{
  FrOptionsPage *self = FR_OPTIONS_PAGE (object);

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (fr_options_page_parent_class)->dispose (object);
}

static void
fr_options_page_finalize (GObject *object)
{
  FrOptionsPage *self = FR_OPTIONS_PAGE (object);

  g_clear_pointer (&self->problem, fr_bundle_problem_free);
  g_free (self->problem_error);
  g_free (self->utilities);
  g_ptr_array_unref (self->conflicts);

  G_OBJECT_CLASS (fr_options_page_parent_class)->finalize (object);
}

static void
fr_options_page_class_init (FrOptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fr_options_page_dispose;
  object_class->finalize = fr_options_page_finalize;
}

static void
fr_options_page_init (FrOptionsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *table_scroller = gtk_scrolled_window_new ();
  GtkWidget *add_button, *header, *designer, *right, *search_row;

  self->conflicts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (self), scrolled);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), section_title (_("Scores")));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (header), TRUE);
  add_button = gtk_button_new_with_mnemonic (_("_Add Option"));
  g_signal_connect (add_button, "clicked", G_CALLBACK (on_add_option_clicked), self);
  gtk_box_append (GTK_BOX (header), add_button);
  gtk_box_append (GTK_BOX (content), header);

  self->table = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->table), 2);
  gtk_grid_set_column_spacing (GTK_GRID (self->table), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of every option on every criterion"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller), self->table);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_box_append (GTK_BOX (content), table_scroller);

  gtk_box_append (GTK_BOX (content), section_title (_("Bundle Designer")));
  {
    GtkWidget *hint = gtk_label_new (_("Pick elements of different models and see the bundle scored for every stakeholder at once."));
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (content), hint);
  }
  designer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  self->elements_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->elements_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->elements_box), 3);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->elements_box), 1);
  gtk_widget_set_hexpand (self->elements_box, TRUE);
  gtk_widget_set_valign (self->elements_box, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->elements_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Elements of the bundle"), -1);
  gtk_box_append (GTK_BOX (designer), self->elements_box);

  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (right, 380, -1);
  self->bundle_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->bundle_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->bundle_label), 0);
  gtk_widget_add_css_class (self->bundle_label, "heading");
  gtk_box_append (GTK_BOX (right), self->bundle_label);
  self->conflicts_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->conflicts_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->conflicts_label), 0);
  gtk_widget_add_css_class (self->conflicts_label, "error");
  gtk_box_append (GTK_BOX (right), self->conflicts_label);
  self->utilities_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (right), self->utilities_box);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save Bundle as Option"));
  gtk_widget_set_halign (self->save_button, GTK_ALIGN_START);
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (on_save_bundle_clicked), self);
  gtk_box_append (GTK_BOX (right), self->save_button);

  search_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (search_row, 12);
  self->search_button = gtk_button_new_with_mnemonic (_("_Find Best Bundles for"));
  g_signal_connect (self->search_button, "clicked", G_CALLBACK (on_search_clicked), self);
  self->search_names = gtk_string_list_new (NULL);
  self->search_dropdown = gtk_drop_down_new (G_LIST_MODEL (self->search_names), NULL);
  self->search_spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->search_spinner, FALSE);
  gtk_box_append (GTK_BOX (search_row), self->search_button);
  gtk_box_append (GTK_BOX (search_row), self->search_dropdown);
  gtk_box_append (GTK_BOX (search_row), self->search_spinner);
  gtk_box_append (GTK_BOX (right), search_row);
  self->results_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->results_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->results_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Best bundles found"), -1);
  g_signal_connect (self->results_list, "row-activated", G_CALLBACK (on_result_activated), self);
  gtk_box_append (GTK_BOX (right), self->results_list);
  gtk_box_append (GTK_BOX (designer), right);
  gtk_box_append (GTK_BOX (content), designer);

  gtk_box_append (GTK_BOX (content), section_title (_("Criteria, Elements and Stakeholders")));
  gtk_box_append (GTK_BOX (content), build_structure_section (self));
}

GtkWidget *
fr_options_page_new (void)
{
  return g_object_new (FR_TYPE_OPTIONS_PAGE, NULL);
}

void
fr_options_page_set_document (FrOptionsPage *self,
                              FrDocument    *document,
                              FrHistory     *history)
{
  g_return_if_fail (FR_IS_OPTIONS_PAGE (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_set_object (&self->history, history);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  /* Built when first shown: start-up does not pay for a hidden page. */
  self->stale = FR_CHANGE_ALL;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    catch_up (self);
}

gboolean
fr_options_page_set_score (FrOptionsPage *self,
                           const char    *option_id,
                           const char    *criterion_id,
                           double         value)
{
  FrModel *model = model_of (self);
  FrOption *option = model ? fr_model_find_option (model, option_id) : NULL;
  FrCriterion *criterion = model ? fr_model_find_criterion (model, criterion_id) : NULL;
  FrScore *score;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  if (option == NULL || criterion == NULL || criterion->is_group)
    return FALSE;
  if (criterion->has_scale)
    value = CLAMP (value, MIN (criterion->scale_min, criterion->scale_max),
                   MAX (criterion->scale_min, criterion->scale_max));
  checkpoint (self, _("Edit Score"));
  score = g_hash_table_lookup (option->scores, criterion_id);
  if (score == NULL)
    {
      score = fr_score_new (value);
      g_hash_table_insert (option->scores, g_strdup (criterion_id), score);
    }
  score->value = value;
  score->low = MIN (score->low, value);
  score->high = MAX (score->high, value);
  fr_document_changed (self->document, FR_CHANGE_SCORES);
  return TRUE;
}

static FrOption *
copy_option (const FrOption *option,
             const char     *id,
             const char     *name)
{
  FrOption *copy = fr_option_new (id, name);
  GHashTableIter iter;
  gpointer key, value;

  copy->description = g_strdup (option->description);
  copy->color = NULL;
  for (guint i = 0; i < option->element_ids->len; i++)
    g_ptr_array_add (copy->element_ids, g_strdup (g_ptr_array_index (option->element_ids, i)));
  g_hash_table_iter_init (&iter, option->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const FrScore *score = value;
      FrScore *score_copy = fr_score_new (score->value);
      score_copy->has_range = score->has_range;
      score_copy->low = score->low;
      score_copy->high = score->high;
      score_copy->rationale = g_strdup (score->rationale);
      score_copy->source_id = g_strdup (score->source_id);
      g_hash_table_insert (copy->scores, g_strdup (key), score_copy);
    }
  return copy;
}

static GHashTable *
option_ids (const FrModel *model)
{
  GHashTable *taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < model->options->len; i++)
    g_hash_table_add (taken, g_strdup (((FrOption *) g_ptr_array_index (model->options, i))->id));
  return taken;
}

gboolean
fr_options_page_duplicate_option (FrOptionsPage *self,
                                  const char    *option_id)
{
  FrModel *model = model_of (self);
  FrOption *option = model ? fr_model_find_option (model, option_id) : NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  guint index;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  if (option == NULL || !g_ptr_array_find (model->options, option, &index))
    return FALSE;
  taken = option_ids (model);
  id = fr_make_id (option->id, "option", taken);
  /* Translators: the name of a duplicated option */
  name = g_strdup_printf (_("%s (copy)"), option->name);
  checkpoint (self, _("Duplicate Option"));
  g_ptr_array_insert (model->options, (int) index + 1, copy_option (option, id, name));
  fr_document_changed (self->document, FR_CHANGE_OPTIONS | FR_CHANGE_SCORES);
  return TRUE;
}

gboolean
fr_options_page_delete_option (FrOptionsPage *self,
                               const char    *option_id)
{
  FrModel *model = model_of (self);
  FrOption *option = model ? fr_model_find_option (model, option_id) : NULL;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  if (option == NULL)
    return FALSE;
  checkpoint (self, _("Delete Option"));
  /* Projections and views that name the option would dangle. */
  for (guint i = model->projections->len; i > 0; i--)
    {
      FrProjection *projection = g_ptr_array_index (model->projections, i - 1);
      if (g_strcmp0 (projection->option_id, option_id) == 0)
        g_ptr_array_remove_index (model->projections, i - 1);
    }
  for (guint i = 0; i < model->views->len; i++)
    {
      FrView *view = g_ptr_array_index (model->views, i);
      if (g_strcmp0 (view->option_id, option_id) == 0)
        g_clear_pointer (&view->option_id, g_free);
    }
  g_ptr_array_remove (model->options, option);
  fr_document_changed (self->document, FR_CHANGE_OPTIONS | FR_CHANGE_SCORES |
                                       FR_CHANGE_PROJECTIONS | FR_CHANGE_VIEWS);
  return TRUE;
}

gboolean
fr_options_page_move_option (FrOptionsPage *self,
                             const char    *option_id,
                             int            offset)
{
  FrModel *model = model_of (self);
  FrOption *option = model ? fr_model_find_option (model, option_id) : NULL;
  guint index;
  int target;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  if (option == NULL || !g_ptr_array_find (model->options, option, &index))
    return FALSE;
  target = (int) index + offset;
  if (target < 0 || target >= (int) model->options->len || offset == 0)
    return FALSE;
  checkpoint (self, _("Move Option"));
  g_ptr_array_steal_index (model->options, index);
  g_ptr_array_insert (model->options, target, option);
  fr_document_changed (self->document, FR_CHANGE_OPTIONS);
  return TRUE;
}

gboolean
fr_options_page_rename_option (FrOptionsPage *self,
                               const char    *option_id,
                               const char    *name)
{
  FrModel *model = model_of (self);
  FrOption *option = model ? fr_model_find_option (model, option_id) : NULL;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  if (option == NULL || name == NULL || name[0] == '\0' || g_strcmp0 (option->name, name) == 0)
    return FALSE;
  checkpoint (self, _("Rename Option"));
  g_free (option->name);
  option->name = g_strdup (name);
  fr_document_changed (self->document, FR_CHANGE_OPTIONS);
  return TRUE;
}

gboolean
fr_options_page_set_element (FrOptionsPage *self,
                             const char    *element_id,
                             gboolean       included)
{
  int index;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), FALSE);
  catch_up (self);
  if (self->problem == NULL)
    return FALSE;
  index = fr_bundle_problem_find_element (self->problem, element_id);
  if (index < 0)
    return FALSE;
  if (included)
    self->bundle |= G_GUINT64_CONSTANT (1) << index;
  else
    self->bundle &= ~(G_GUINT64_CONSTANT (1) << index);
  sync_checks (self);
  update_bundle (self);
  return TRUE;
}

GPtrArray *
fr_options_page_get_conflicts (FrOptionsPage *self)
{
  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), NULL);
  catch_up (self);
  return self->conflicts;
}

double
fr_options_page_get_bundle_utility (FrOptionsPage *self,
                                    const char    *stakeholder_id)
{
  int index;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), -1);
  catch_up (self);
  if (self->problem == NULL || self->utilities == NULL)
    return -1;
  index = fr_bundle_problem_find_stakeholder (self->problem, stakeholder_id);
  return index >= 0 ? self->utilities[index] : -1;
}

const char *
fr_options_page_save_bundle (FrOptionsPage *self,
                             const char    *name)
{
  FrModel *model = model_of (self);
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autofree double *scores = NULL;
  g_autofree char *description = NULL;
  g_autofree char *id = NULL;
  FrOption *option;

  g_return_val_if_fail (FR_IS_OPTIONS_PAGE (self), NULL);
  catch_up (self);
  if (self->problem == NULL || !fr_bundle_problem_check (self->problem, self->bundle, NULL))
    return NULL;
  leaves = fr_model_leaf_criteria (model);
  scores = g_new0 (double, MAX (leaves->len, 1));
  fr_bundle_problem_evaluate (self->problem, self->bundle, scores, NULL);
  description = fr_bundle_problem_describe (self->problem, self->bundle);
  taken = option_ids (model);
  id = fr_make_id (name ? name : "bundle", "bundle", taken);
  checkpoint (self, _("Save Bundle as Option"));
  option = fr_option_new (id, name ? name : _("Designed bundle"));
  /* Translators: description of an option made in the bundle designer */
  option->description = g_strdup_printf (_("Designed from elements: %s."), description);
  for (guint e = 0; e < fr_bundle_problem_get_n_elements (self->problem); e++)
    if (self->bundle >> e & 1)
      g_ptr_array_add (option->element_ids, g_strdup (fr_bundle_problem_get_element_id (self->problem, e)));
  for (guint c = 0; c < leaves->len; c++)
    {
      FrScore *score = fr_score_new (scores[c]);
      score->rationale = g_strdup (_("Baseline plus the effects of the bundle’s elements."));
      g_hash_table_insert (option->scores, g_strdup (((FrCriterion *) g_ptr_array_index (leaves, c))->id), score);
    }
  g_ptr_array_add (model->options, option);
  fr_document_changed (self->document, FR_CHANGE_OPTIONS | FR_CHANGE_SCORES);
  return option->id;
}
