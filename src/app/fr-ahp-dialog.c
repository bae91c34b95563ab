/* fr-ahp-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One slider per pair of sibling criteria on Saaty's scale: left of the
 * middle the first is more important (9 … 2), right the second, the middle
 * "equally important". Every move recomputes the principal eigenvector and
 * the consistency ratio, and the pair that contributes most to
 * inconsistency is pointed at, with the value that would be consistent.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fr-ahp-dialog.h"
#include "fr-format.h"
#include "fr-widgets.h"

typedef struct {
  FrAhpDialog *self;
  guint i;
  guint j;
  GtkWidget *row;
  GtkAdjustment *adjustment;   /* −8 … 8: −8 is "i is 9×", +8 "j is 9×" */
  GtkWidget *verdict;
} Pair;

struct _FrAhpDialog
{
  AdwWindow parent_instance;

  FrDocument *document;
  FrHistory *history;
  char *stakeholder_id;
  char *group_id;
  GPtrArray *items;            /* FrCriterion* (borrowed), the siblings compared */
  GPtrArray *pairs;            /* Pair* */
  double *matrix;
  FrAhpResult result;
  gboolean has_result;

  GtkWidget *group_dropdown;
  GtkStringList *group_names;
  GPtrArray *group_ids;        /* char*, NULL first for the top level */
  GtkWidget *pairs_box;
  GtkWidget *priorities_box;
  GtkWidget *consistency_label;
  GtkWidget *worst_label;
  GtkWidget *apply_button;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (FrAhpDialog, fr_ahp_dialog, ADW_TYPE_WINDOW)

static double
slider_to_ratio (double position)
{
  int v = (int) lround (position);
  return v <= 0 ? 1.0 - v : 1.0 / (1.0 + v);
}

static double
ratio_to_slider (double ratio)
{
  double v;

  if (ratio >= 1)
    v = -(MIN (lround (ratio), 9) - 1);
  else
    v = MIN (lround (1.0 / ratio), 9) - 1;
  return v;
}

static void
pair_free (Pair *pair)
{
  g_free (pair);
}

static FrModel *
model_of (FrAhpDialog *self)
{
  return fr_document_get_model (self->document);
}

static void
recompute (FrAhpDialog *self)
{
  guint n = self->items->len;
  g_autoptr(GError) error = NULL;
  g_autofree char *cr_text = NULL;

  if (self->has_result)
    fr_ahp_result_clear (&self->result);
  self->has_result = n >= 2 && fr_ahp_analyse (self->matrix, n, NULL, &self->result, &error);

  fr_widget_remove_children (self->priorities_box);
  for (guint p = 0; p < self->pairs->len; p++)
    {
      Pair *pair = g_ptr_array_index (self->pairs, p);
      gtk_widget_remove_css_class (pair->row, "error");
    }
  gtk_widget_set_sensitive (self->apply_button, self->has_result);
  if (!self->has_result)
    {
      gtk_label_set_label (GTK_LABEL (self->consistency_label),
                           error ? error->message : _("Pick a group with at least two criteria."));
      gtk_label_set_label (GTK_LABEL (self->worst_label), "");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      FrCriterion *criterion = g_ptr_array_index (self->items, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (criterion->name);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      g_autofree char *percent = fr_format_weight (self->result.priorities[i]);
      GtkWidget *value = gtk_label_new (percent);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_size_request (name, 200, -1);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), self->result.priorities[i]);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (value, "numeric");
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), bar);
      gtk_box_append (GTK_BOX (row), value);
      gtk_box_append (GTK_BOX (self->priorities_box), row);
    }

  if (isnan (self->result.cr))
    cr_text = g_strdup_printf (_("λmax %.3f · CI %.3f · consistency ratio not defined beyond ten items"),
                               self->result.lambda_max, self->result.ci);
  else
    /* Translators: AHP consistency: λmax, consistency index and ratio */
    cr_text = g_strdup_printf (_("λmax %.3f · CI %.3f · CR %.3f (%s)"),
                               self->result.lambda_max, self->result.ci, self->result.cr,
                               self->result.cr <= 0.1 ? _("acceptable") : _("too inconsistent: revise the marked judgement"));
  gtk_label_set_label (GTK_LABEL (self->consistency_label), cr_text);
  gtk_widget_remove_css_class (self->consistency_label, "error");
  gtk_widget_remove_css_class (self->consistency_label, "success");
  gtk_widget_add_css_class (self->consistency_label, !isnan (self->result.cr) && self->result.cr > 0.1 ? "error" : "success");

  if (self->result.worst_i < n && self->result.worst_j < n && fabs (log (self->result.worst_epsilon)) > 1e-9)
    {
      FrCriterion *a = g_ptr_array_index (self->items, self->result.worst_i);
      FrCriterion *b = g_ptr_array_index (self->items, self->result.worst_j);
      g_autofree char *suggested = fr_format_score (self->result.suggested, 2);
      /* Translators: the AHP judgement that most needs revising */
      g_autofree char *worst = g_strdup_printf (_("Most inconsistent: %s against %s. The other judgements imply %s."),
                                                a->name, b->name, suggested);
      gtk_label_set_label (GTK_LABEL (self->worst_label), worst);
      for (guint p = 0; p < self->pairs->len; p++)
        {
          Pair *pair = g_ptr_array_index (self->pairs, p);
          if (pair->i == self->result.worst_i && pair->j == self->result.worst_j)
            gtk_widget_add_css_class (pair->row, "error");
        }
    }
  else
    gtk_label_set_label (GTK_LABEL (self->worst_label), _("The judgements are perfectly consistent."));
}

static void
update_verdict (Pair *pair)
{
  FrAhpDialog *self = pair->self;
  double ratio = slider_to_ratio (gtk_adjustment_get_value (pair->adjustment));
  FrCriterion *a = g_ptr_array_index (self->items, pair->i);
  FrCriterion *b = g_ptr_array_index (self->items, pair->j);
  g_autofree char *text = NULL;

  if (fabs (ratio - 1) < 1e-9)
    text = g_strdup (_("equally important"));
  else if (ratio > 1)
    /* Translators: "<criterion> 3× as important" */
    text = g_strdup_printf (_("%s %d× as important"), a->name, (int) lround (ratio));
  else
    text = g_strdup_printf (_("%s %d× as important"), b->name, (int) lround (1 / ratio));
  gtk_label_set_label (GTK_LABEL (pair->verdict), text);
}

static void
on_pair_changed (GtkAdjustment *adjustment,
                 Pair          *pair)
{
  FrAhpDialog *self = pair->self;
  guint n = self->items->len;
  double ratio = slider_to_ratio (gtk_adjustment_get_value (adjustment));

  if (self->updating)
    return;
  self->matrix[pair->i * n + pair->j] = ratio;
  self->matrix[pair->j * n + pair->i] = 1.0 / ratio;
  update_verdict (pair);
  recompute (self);
}

static void
rebuild (FrAhpDialog *self)
{
  FrModel *model = model_of (self);
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, self->stakeholder_id);
  guint n;

  fr_widget_remove_children (self->pairs_box);
  g_ptr_array_set_size (self->pairs, 0);
  g_ptr_array_set_size (self->items, 0);
  for (guint c = 0; c < model->criteria->len; c++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, c);
      if (g_strcmp0 (criterion->parent_id, self->group_id) == 0)
        g_ptr_array_add (self->items, criterion);
    }
  n = self->items->len;
  g_free (self->matrix);
  self->matrix = g_new (double, MAX (n * n, 1));

  /* Start from the ratios the current weights imply. */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        double wi = stakeholder ? fr_model_criterion_weight (model, stakeholder, ((FrCriterion *) g_ptr_array_index (self->items, i))->id) : 1;
        double wj = stakeholder ? fr_model_criterion_weight (model, stakeholder, ((FrCriterion *) g_ptr_array_index (self->items, j))->id) : 1;
        double ratio = (wi > 0 && wj > 0) ? wi / wj : 1;
        self->matrix[i * n + j] = i == j ? 1 : slider_to_ratio (ratio_to_slider (ratio));
      }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      self->matrix[j * n + i] = 1.0 / self->matrix[i * n + j];

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        Pair *pair = g_new0 (Pair, 1);
        FrCriterion *a = g_ptr_array_index (self->items, i);
        FrCriterion *b = g_ptr_array_index (self->items, j);
        GtkWidget *left = gtk_label_new (a->name);
        GtkWidget *right = gtk_label_new (b->name);
        GtkWidget *scale;
        g_autofree char *label = g_strdup_printf (_("%s against %s"), a->name, b->name);

        pair->self = self;
        pair->i = i;
        pair->j = j;
        pair->adjustment = gtk_adjustment_new (ratio_to_slider (self->matrix[i * n + j]), -8, 8, 1, 1, 0);
        pair->row = gtk_grid_new ();
        pair->verdict = gtk_label_new (NULL);
        gtk_grid_set_column_spacing (GTK_GRID (pair->row), 6);
        gtk_label_set_xalign (GTK_LABEL (left), 1);
        gtk_label_set_ellipsize (GTK_LABEL (left), PANGO_ELLIPSIZE_END);
        gtk_widget_set_size_request (left, 180, -1);
        gtk_label_set_xalign (GTK_LABEL (right), 0);
        gtk_label_set_ellipsize (GTK_LABEL (right), PANGO_ELLIPSIZE_END);
        gtk_widget_set_size_request (right, 180, -1);
        scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, pair->adjustment);
        gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
        gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, NULL);
        gtk_widget_set_hexpand (scale, TRUE);
        gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        gtk_widget_add_css_class (pair->verdict, "dim-label");
        gtk_widget_add_css_class (pair->verdict, "caption");
        gtk_grid_attach (GTK_GRID (pair->row), left, 0, 0, 1, 1);
        gtk_grid_attach (GTK_GRID (pair->row), scale, 1, 0, 1, 1);
        gtk_grid_attach (GTK_GRID (pair->row), right, 2, 0, 1, 1);
        gtk_grid_attach (GTK_GRID (pair->row), pair->verdict, 1, 1, 1, 1);
        g_signal_connect (pair->adjustment, "value-changed", G_CALLBACK (on_pair_changed), pair);
        g_ptr_array_add (self->pairs, pair);
        update_verdict (pair);
        gtk_box_append (GTK_BOX (self->pairs_box), pair->row);
      }
  recompute (self);
}

gboolean
fr_ahp_dialog_set_group (FrAhpDialog *self,
                         const char  *group_id)
{
  FrModel *model;
  FrCriterion *group;

  g_return_val_if_fail (FR_IS_AHP_DIALOG (self), FALSE);

  model = model_of (self);
  group = group_id ? fr_model_find_criterion (model, group_id) : NULL;
  if (group_id != NULL && (group == NULL || !group->is_group))
    return FALSE;
  g_free (self->group_id);
  self->group_id = g_strdup (group_id);
  for (guint i = 0; i < self->group_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->group_ids, i), group_id) == 0)
      {
        self->updating = TRUE;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group_dropdown), i);
        self->updating = FALSE;
      }
  rebuild (self);
  return TRUE;
}

static void
on_group_selected (FrAhpDialog *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->group_dropdown));

  if (self->updating || position >= self->group_ids->len)
    return;
  fr_ahp_dialog_set_group (self, g_ptr_array_index (self->group_ids, position));
}

guint
fr_ahp_dialog_get_n_items (FrAhpDialog *self)
{
  g_return_val_if_fail (FR_IS_AHP_DIALOG (self), 0);
  return self->items->len;
}

gboolean
fr_ahp_dialog_set_judgement (FrAhpDialog *self,
                             guint        i,
                             guint        j,
                             double       value)
{
  g_return_val_if_fail (FR_IS_AHP_DIALOG (self), FALSE);

  if (i == j || !(value > 0))
    return FALSE;
  if (i > j)
    {
      guint swap = i;
      i = j;
      j = swap;
      value = 1.0 / value;
    }
  for (guint p = 0; p < self->pairs->len; p++)
    {
      Pair *pair = g_ptr_array_index (self->pairs, p);
      if (pair->i == i && pair->j == j)
        {
          double position = ratio_to_slider (value);
          if (gtk_adjustment_get_value (pair->adjustment) != position)
            gtk_adjustment_set_value (pair->adjustment, position);
          else
            on_pair_changed (pair->adjustment, pair);
          return TRUE;
        }
    }
  return FALSE;
}

const FrAhpResult *
fr_ahp_dialog_get_result (FrAhpDialog *self)
{
  g_return_val_if_fail (FR_IS_AHP_DIALOG (self), NULL);
  return self->has_result ? &self->result : NULL;
}

gboolean
fr_ahp_dialog_apply (FrAhpDialog  *self,
                     GError      **error)
{
  FrModel *model;
  FrStakeholder *stakeholder;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_val_if_fail (FR_IS_AHP_DIALOG (self), FALSE);

  model = model_of (self);
  stakeholder = fr_model_find_stakeholder (model, self->stakeholder_id);
  if (!self->has_result || stakeholder == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There are no priorities to apply."));
      return FALSE;
    }
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (ids, ((FrCriterion *) g_ptr_array_index (self->items, i))->id);
  g_ptr_array_add (ids, NULL);
  if (self->history != NULL)
    fr_history_checkpoint_weights (self->history, _("Weights from Pairwise Comparison"), stakeholder->id, NULL);
  if (!fr_ahp_apply_to_group (model, self->group_id, (const char * const *) ids->pdata,
                              self->result.priorities, self->items->len, stakeholder->weights, error))
    {
      if (self->history != NULL)
        fr_history_discard_checkpoint (self->history);
      return FALSE;
    }
  fr_document_changed (self->document, FR_CHANGE_WEIGHTS);
  return TRUE;
}

static void
on_apply_clicked (FrAhpDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (fr_ahp_dialog_apply (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else
    gtk_label_set_label (GTK_LABEL (self->worst_label), error->message);
}

static void
fr_ahp_dialog_dispose (GObject *object)
{
  FrAhpDialog *self = FR_AHP_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (fr_ahp_dialog_parent_class)->dispose (object);
}

static void
fr_ahp_dialog_finalize (GObject *object)
{
  FrAhpDialog *self = FR_AHP_DIALOG (object);

  if (self->has_result)
    fr_ahp_result_clear (&self->result);
  g_ptr_array_unref (self->pairs);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->group_ids);
  g_free (self->matrix);
  g_free (self->stakeholder_id);
  g_free (self->group_id);

  G_OBJECT_CLASS (fr_ahp_dialog_parent_class)->finalize (object);
}

static void
fr_ahp_dialog_class_init (FrAhpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fr_ahp_dialog_dispose;
  object_class->finalize = fr_ahp_dialog_finalize;
}

static void
fr_ahp_dialog_init (FrAhpDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *group_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading;

  self->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  self->items = g_ptr_array_new ();
  self->group_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Weights by Pairwise Comparison"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply Weights"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  self->group_names = gtk_string_list_new (NULL);
  self->group_dropdown = gtk_drop_down_new (G_LIST_MODEL (self->group_names), NULL);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (on_group_selected), self);
  gtk_box_append (GTK_BOX (group_row), gtk_label_new (_("Compare the criteria of")));
  gtk_box_append (GTK_BOX (group_row), self->group_dropdown);
  gtk_box_append (GTK_BOX (body), group_row);
  {
    GtkWidget *hint = gtk_label_new (_("Move each slider towards the criterion that matters more: "
                                       "the middle is equal importance, the ends nine times as much (Saaty’s scale)."));
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (body), hint);
  }
  self->pairs_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (body), self->pairs_box);
  heading = gtk_label_new (_("Resulting weights"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (body), heading);
  self->priorities_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (body), self->priorities_box);
  self->consistency_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->consistency_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->consistency_label), TRUE);
  gtk_box_append (GTK_BOX (body), self->consistency_label);
  self->worst_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->worst_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->worst_label), TRUE);
  gtk_box_append (GTK_BOX (body), self->worst_label);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), body);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);
}

FrAhpDialog *
fr_ahp_dialog_new (GtkWindow  *parent,
                   FrDocument *document,
                   FrHistory  *history,
                   const char *stakeholder_id,
                   const char *group_id)
{
  FrAhpDialog *self = g_object_new (FR_TYPE_AHP_DIALOG, "transient-for", parent, NULL);
  FrModel *model = fr_document_get_model (document);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  self->document = g_object_ref (document);
  self->history = history ? g_object_ref (history) : NULL;
  self->stakeholder_id = g_strdup (stakeholder_id);

  g_ptr_array_add (self->group_ids, NULL);
  g_ptr_array_add (names, (gpointer) _("The top level"));
  for (guint c = 0; c < model->criteria->len; c++)
    {
      FrCriterion *criterion = g_ptr_array_index (model->criteria, c);
      if (!criterion->is_group)
        continue;
      g_ptr_array_add (self->group_ids, g_strdup (criterion->id));
      g_ptr_array_add (names, criterion->name);
    }
  g_ptr_array_add (names, NULL);
  self->updating = TRUE;
  gtk_string_list_splice (self->group_names, 0, 0, (const char * const *) names->pdata);
  self->updating = FALSE;
  fr_ahp_dialog_set_group (self, group_id);
  return self;
}
