/* fr-analysis-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart's data are rebuilt from the cached FrAnalysis when it reports
 * an update, which during a slider drag is every tick: the chart data are
 * small arrays, so this stays well inside a frame, and a chart view given
 * data equal to what it shows (the profile, for a change of weight) keeps
 * its picture. SMAA is the exception: it runs in a worker thread in chunks,
 * the page showing each partial result and starting afresh whenever the
 * inputs change.
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fr-analysis-page.h"
#include "fr-chart-data.h"
#include "fr-export.h"
#include "fr-export-choices.h"
#include "fr-format.h"
#include "fr-memory.h"
#include "fr-smaa.h"
#include "fr-widgets.h"

#define SMAA_CHUNK 10000
#define SMAA_DEFAULT_SAMPLES 100000
#define SMAA_SEED 20250107

typedef struct {
  FrChartKind kind;
  const char *title;
  int column, row, width;
} CardSpec;

static const CardSpec cards[] = {
  { FR_CHART_RANKING, N_("Ranking"), 0, 0, 2 },
  { FR_CHART_PROFILE, N_("Profile"), 0, 1, 1 },
  { FR_CHART_SENSITIVITY, N_("Sensitivity"), 1, 1, 1 },
  { FR_CHART_SMAA, N_("Uncertainty"), 0, 2, 1 },
  { FR_CHART_STAKEHOLDERS, N_("Stakeholders"), 1, 2, 1 },
  { FR_CHART_SCATTER, N_("Two Stakeholders"), 0, 3, 2 },
};

struct _FrAnalysisPage
{
  GtkBox parent_instance;

  FrAnalysis *analysis;
  GtkWidget *stack;
  GtkWidget *grid;
  GtkWidget *single;
  GtkWidget *cards[G_N_ELEMENTS (cards)];
  FrChartView *views[G_N_ELEMENTS (cards)];
  GtkWidget *versus_dropdown;
  GtkStringList *versus_names;
  GtkWidget *smaa_progress;
  FrChartKind enlarged;

  FrSmaa *smaa;                /* touched by the worker only while a chunk runs */
  FrMatrix *smaa_matrix;
  char *smaa_stakeholder;
  guint smaa_generation;
  guint64 smaa_samples;        /* per run, from the preferences */
  GCancellable *smaa_cancellable;
  gboolean smaa_running;
  guint smaa_restart_source;   /* restarts wait for a pause in the edits */
  gboolean stale;              /* changed while hidden */
  FrSmaa *smaa_in_worker;      /* the run a chunk is working on, if any */
  GPtrArray *smaa_orphans;     /* superseded runs a chunk still holds */
};

G_DEFINE_FINAL_TYPE (FrAnalysisPage, fr_analysis_page, GTK_TYPE_BOX)

static guint
card_index (FrChartKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    if (cards[i].kind == kind)
      return i;
  return G_MAXUINT;
}

static FrModel *
model_of (FrAnalysisPage *self)
{
  return self->analysis ? fr_document_get_model (fr_analysis_get_document (self->analysis)) : NULL;
}

static void
show_error_in (FrChartView *view,
               const char  *message)
{
  fr_widget_set_tooltip (GTK_WIDGET (view), message);
  fr_chart_view_set_chart (view, FR_CHART_NONE, NULL);
}

/* ---- SMAA in a worker ------------------------------------------------- */

static void smaa_next_chunk (FrAnalysisPage *self);
static gboolean smaa_restart_timeout (gpointer user_data);

static void
smaa_chunk_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (fr_smaa_run_chunk (task_data, SMAA_CHUNK, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
smaa_show (FrAnalysisPage *self)
{
  FrModel *model = model_of (self);
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, self->smaa_stakeholder);
  FrSmaaChartData *data = fr_smaa_chart_data_from_smaa (self->smaa, self->smaa_matrix, model, stakeholder);
  double progress = fr_smaa_get_progress (self->smaa);

  fr_chart_view_set_chart (self->views[card_index (FR_CHART_SMAA)], FR_CHART_SMAA, data);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->smaa_progress), progress);
  gtk_widget_set_visible (self->smaa_progress, progress < 1.0);
}

static void
smaa_chunk_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FrAnalysisPage *self = FR_ANALYSIS_PAGE (source);
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "fr-generation"));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->smaa_running = FALSE;
  /* A superseded run is freed once the worker has let go of it. */
  if (self->smaa_in_worker != self->smaa)
    g_ptr_array_remove (self->smaa_orphans, self->smaa_in_worker);
  self->smaa_in_worker = NULL;
  if (generation != self->smaa_generation || self->smaa == NULL)
    {
      /* Inputs changed during the chunk: start over with the new ones. */
      smaa_next_chunk (self);
      return;
    }
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_in (self->views[card_index (FR_CHART_SMAA)], error->message);
      return;
    }
  smaa_show (self);
  if (fr_smaa_is_done (self->smaa))
    fr_memory_trim_soon ();
  smaa_next_chunk (self);
}

static void
smaa_next_chunk (FrAnalysisPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->smaa == NULL || self->smaa_running || fr_smaa_is_done (self->smaa))
    return;
  self->smaa_running = TRUE;
  self->smaa_in_worker = self->smaa;
  task = g_task_new (self, self->smaa_cancellable, smaa_chunk_done, NULL);
  g_task_set_task_data (task, self->smaa, NULL);
  g_object_set_data (G_OBJECT (task), "fr-generation", GUINT_TO_POINTER (self->smaa_generation));
  g_task_run_in_thread (task, smaa_chunk_thread);
}

static void
smaa_stop (FrAnalysisPage *self)
{
  if (self->smaa_cancellable != NULL)
    g_cancellable_cancel (self->smaa_cancellable);
  g_clear_object (&self->smaa_cancellable);
  self->smaa_generation++;
  /* A chunk still running holds its FrSmaa: it is freed when the chunk
   * returns. */
  if (self->smaa != NULL && self->smaa == self->smaa_in_worker)
    g_ptr_array_add (self->smaa_orphans, g_steal_pointer (&self->smaa));
  g_clear_pointer (&self->smaa, fr_smaa_free);
  g_clear_pointer (&self->smaa_matrix, fr_matrix_free);
}

static void
smaa_restart (FrAnalysisPage *self)
{
  const FrMatrix *matrix = fr_analysis_get_matrix (self->analysis);
  FrModel *model = model_of (self);
  FrStakeholder *stakeholder = fr_model_find_stakeholder (model, fr_analysis_get_stakeholder (self->analysis));
  g_autoptr(GError) error = NULL;
  g_autofree double *low = NULL;
  g_autofree double *high = NULL;
  FrSmaaParams params;

  smaa_stop (self);
  if (matrix == NULL)
    return;
  fr_smaa_params_init (&params);
  params.seed = SMAA_SEED;
  params.n_samples = self->smaa_samples;
  low = g_new (double, matrix->n_criteria);
  high = g_new (double, matrix->n_criteria);
  if (stakeholder != NULL && fr_smaa_weight_intervals (matrix, stakeholder, low, high))
    {
      params.weights = FR_SMAA_WEIGHTS_INTERVALS;
      params.weight_low = low;
      params.weight_high = high;
    }
  self->smaa = fr_smaa_new (matrix, &params, &error);
  if (self->smaa == NULL)
    {
      show_error_in (self->views[card_index (FR_CHART_SMAA)], error->message);
      return;
    }
  /* The chart data read names from a matrix that must outlive the run. */
  self->smaa_matrix = fr_matrix_new_from_model (model, NULL);
  g_free (self->smaa_stakeholder);
  self->smaa_stakeholder = g_strdup (stakeholder ? stakeholder->id : NULL);
  self->smaa_cancellable = g_cancellable_new ();
  if (!self->smaa_running)
    smaa_next_chunk (self);
}

/* ---- the other charts -------------------------------------------------- */

static void
rebuild_versus (FrAnalysisPage *self)
{
  FrModel *model = model_of (self);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->versus_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; model != NULL && i < model->stakeholders->len; i++)
    g_ptr_array_add (names, ((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->name);
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_matched (self->versus_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->versus_names, 0, n_old, (const char * const *) names->pdata);
  /* Against Russia when there is one: the pair the brief's argument turns on. */
  if (model != NULL && model->stakeholders->len > 1)
    {
      guint versus = 1;
      for (guint i = 0; i < model->stakeholders->len; i++)
        if (g_strcmp0 (((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->id, "russia") == 0)
          versus = i;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->versus_dropdown), versus);
    }
  g_signal_handlers_unblock_matched (self->versus_dropdown, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
rebuild_scatter (FrAnalysisPage *self)
{
  FrModel *model = model_of (self);
  const FrMatrix *matrix = fr_analysis_get_matrix (self->analysis);
  FrChartView *view = self->views[card_index (FR_CHART_SCATTER)];
  guint versus = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->versus_dropdown));
  const char *x_id = fr_analysis_get_stakeholder (self->analysis);
  const char *y_id = NULL;
  g_autoptr(GError) error = NULL;
  FrScatterChartData *data;

  if (matrix == NULL || model == NULL)
    return;
  if (versus != GTK_INVALID_LIST_POSITION && versus < model->stakeholders->len)
    y_id = ((FrStakeholder *) g_ptr_array_index (model->stakeholders, versus))->id;
  if (x_id == NULL || g_strcmp0 (x_id, y_id) == 0)
    x_id = NULL, y_id = NULL;
  data = fr_scatter_chart_data_from_model (model, matrix, x_id, y_id, &error);
  if (data == NULL)
    show_error_in (view, error->message);
  else
    fr_chart_view_set_chart (view, FR_CHART_SCATTER, data);
}

static void
rebuild_charts (FrAnalysisPage *self)
{
  FrModel *model = model_of (self);
  const FrMatrix *matrix;
  g_autoptr(GError) error = NULL;
  gpointer data;

  if (self->analysis == NULL)
    return;
  matrix = fr_analysis_get_matrix (self->analysis);
  if (matrix == NULL)
    {
      const GError *why = fr_analysis_get_error (self->analysis);
      for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
        show_error_in (self->views[i], why ? why->message : "");
      smaa_stop (self);
      return;
    }

  data = fr_ranking_chart_data_from_analysis (self->analysis, model, &error);
  if (data != NULL)
    fr_chart_view_set_chart (self->views[card_index (FR_CHART_RANKING)], FR_CHART_RANKING, data);
  else
    show_error_in (self->views[card_index (FR_CHART_RANKING)], error->message);
  g_clear_error (&error);

  data = fr_profile_chart_data_from_analysis (self->analysis, model, &error);
  if (data != NULL)
    fr_chart_view_set_chart (self->views[card_index (FR_CHART_PROFILE)], FR_CHART_PROFILE, data);
  g_clear_error (&error);

  data = fr_sensitivity_chart_data_from_analysis (self->analysis, model, -1, 0.5, &error);
  if (data != NULL)
    fr_chart_view_set_chart (self->views[card_index (FR_CHART_SENSITIVITY)], FR_CHART_SENSITIVITY, data);
  else
    show_error_in (self->views[card_index (FR_CHART_SENSITIVITY)], error->message);
  g_clear_error (&error);

  fr_chart_view_set_chart (self->views[card_index (FR_CHART_STAKEHOLDERS)], FR_CHART_STAKEHOLDERS,
                           fr_stakeholder_chart_data_from_model (model, matrix));
  rebuild_scatter (self);
  /* During a slider drag a new run per tick would never get far: start
   * one when the drag pauses, and keep showing the last result meanwhile. */
  g_clear_handle_id (&self->smaa_restart_source, g_source_remove);
  self->smaa_restart_source = g_timeout_add (self->smaa == NULL && !self->smaa_running ? 0 : 120,
                                             smaa_restart_timeout, self);
}

static void
on_map (FrAnalysisPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      rebuild_charts (self);
    }
}

static gboolean
smaa_restart_timeout (gpointer user_data)
{
  FrAnalysisPage *self = user_data;

  self->smaa_restart_source = 0;
  smaa_restart (self);
  return G_SOURCE_REMOVE;
}

static void
on_analysis_updated (FrAnalysisPage *self)
{
  FrModel *model = model_of (self);

  /* Charts on a page nobody sees are rebuilt when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      smaa_stop (self);
      return;
    }

  if (model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->versus_names)) != model->stakeholders->len)
    rebuild_versus (self);
  rebuild_charts (self);
}

static char *
chart_tooltip (FrChartView      *view,
               const FrChartHit *hit,
               gpointer          user_data)
{
  FrAnalysisPage *self = user_data;
  const FrMatrix *matrix = self->analysis ? fr_analysis_get_matrix (self->analysis) : NULL;
  FrModel *model = model_of (self);
  const char *option = NULL;
  const char *criterion = NULL;

  if (matrix == NULL)
    return NULL;
  if (hit->option >= 0 && (guint) hit->option < matrix->n_options)
    option = matrix->option_names[hit->option];
  if (hit->criterion >= 0 && (guint) hit->criterion < matrix->n_criteria)
    criterion = matrix->criteria[hit->criterion].name;

  switch (hit->kind)
    {
    case FR_CHART_HIT_SEGMENT:
      if (option != NULL && criterion != NULL)
        {
          FrOption *o = fr_model_find_option (model, matrix->option_ids[hit->option]);
          FrScore *score = o ? g_hash_table_lookup (o->scores, matrix->criteria[hit->criterion].id) : NULL;
          g_autofree char *value = fr_format_score (FR_MATRIX_AT (matrix, hit->option, hit->criterion), 1);
          /* Translators: tooltip: option — criterion: score, then the rationale */
          return g_strdup_printf (_("%s — %s: %s\n%s"), option, criterion, value,
                                  score && score->rationale ? score->rationale : "");
        }
      break;
    case FR_CHART_HIT_CELL:
      if (option != NULL && view != NULL && fr_chart_view_get_kind (view) == FR_CHART_SMAA)
        {
          const FrSmaaChartData *data = fr_chart_view_get_data (view);
          double share = data ? data->acceptability[hit->option * data->n_options + hit->rank] : 0;
          g_autofree char *percent = fr_format_weight (share);
          /* Translators: tooltip: "<option> ranks 2nd in 31.4 % of samples" */
          return g_strdup_printf (_("%s ranks %d in %s of the samples"), option, hit->rank + 1, percent);
        }
      break;
    case FR_CHART_HIT_OPTION:
    case FR_CHART_HIT_CONFIDENCE:
    case FR_CHART_HIT_UTILITY:
      if (option != NULL)
        {
          FrOption *o = fr_model_find_option (model, matrix->option_ids[hit->option]);
          return g_strdup_printf ("%s\n%s", option, o && o->description ? o->description : "");
        }
      break;
    case FR_CHART_HIT_CRITERION:
    case FR_CHART_HIT_STABILITY:
      if (criterion != NULL)
        {
          FrCriterion *c = fr_model_find_criterion (model, matrix->criteria[hit->criterion].id);
          return g_strdup_printf ("%s\n%s", criterion, c && c->description ? c->description : "");
        }
      break;
    case FR_CHART_HIT_STAKEHOLDER:
      if (hit->stakeholder >= 0 && (guint) hit->stakeholder < model->stakeholders->len)
        {
          FrStakeholder *s = g_ptr_array_index (model->stakeholders, hit->stakeholder);
          return g_strdup_printf ("%s\n%s", s->name, s->rationale ? s->rationale : "");
        }
      break;
    case FR_CHART_HIT_NONE:
    default:
      break;
    }
  return NULL;
}

/* ---- cards, enlarging, exporting -------------------------------------- */

static void
draw_for_export (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  fr_chart_view_draw (user_data, cr, width, height, fr_theme_get (FR_THEME_LIGHT));
}

gboolean
fr_analysis_page_export (FrAnalysisPage *self,
                         FrChartKind     kind,
                         const char     *path,
                         double          width,
                         double          height,
                         double          scale,
                         GError        **error)
{
  guint index = card_index (kind);

  g_return_val_if_fail (FR_IS_ANALYSIS_PAGE (self), FALSE);
  g_return_val_if_fail (index != G_MAXUINT, FALSE);
  return fr_export_to_file (path, width, height, scale, draw_for_export, self->views[index], error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    FrAnalysisPage  *self)
{
  FrChartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fr-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      double width, height, scale;

      fr_export_choices_read (GTK_FILE_CHOOSER (dialog), 0.625, &width, &height, &scale);
      if (path == NULL || !fr_analysis_page_export (self, kind, path, width, height, scale, &error))
        {
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Could Not Export the Chart"),
                                                       error ? error->message : _("Only files on this computer can be written."));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_object_unref (dialog);
}

static void
on_card_export (GtkButton      *button,
                FrAnalysisPage *self)
{
  FrChartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fr-kind"));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint index = card_index (kind);
  g_autofree char *name = g_strdup_printf ("%s.png", _(cards[index].title));

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG, SVG or PDF"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  fr_export_choices_add (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "fr-kind", GINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_card_enlarge (GtkButton      *button,
                 FrAnalysisPage *self)
{
  FrChartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fr-kind"));

  fr_analysis_page_enlarge (self, self->enlarged == kind ? FR_CHART_NONE : kind);
}

static void
on_versus_selected (FrAnalysisPage *self)
{
  if (self->analysis != NULL)
    rebuild_scatter (self);
}

static GtkWidget *
build_card (FrAnalysisPage *self,
            guint           index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(cards[index].title));
  GtkWidget *enlarge = gtk_button_new_from_icon_name ("view-fullscreen-symbolic");
  GtkWidget *export = gtk_button_new_from_icon_name ("document-send-symbolic");
  GtkWidget *view = fr_chart_view_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "fr-chart-card");
  gtk_widget_add_css_class (header, "fr-chart-card-header");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  if (cards[index].kind == FR_CHART_SCATTER)
    {
      GtkWidget *label = gtk_label_new (_("against"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (header), label);
      gtk_box_append (GTK_BOX (header), self->versus_dropdown);
    }
  if (cards[index].kind == FR_CHART_SMAA)
    {
      gtk_widget_set_valign (self->smaa_progress, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), self->smaa_progress);
    }
  gtk_widget_add_css_class (enlarge, "flat");
  fr_widget_set_tooltip (enlarge, _("Enlarge or Shrink the Chart"));
  g_object_set_data (G_OBJECT (enlarge), "fr-kind", GINT_TO_POINTER (cards[index].kind));
  g_signal_connect (enlarge, "clicked", G_CALLBACK (on_card_enlarge), self);
  gtk_widget_add_css_class (export, "flat");
  fr_widget_set_tooltip (export, _("Export the Chart as PNG, SVG or PDF"));
  g_object_set_data (G_OBJECT (export), "fr-kind", GINT_TO_POINTER (cards[index].kind));
  g_signal_connect (export, "clicked", G_CALLBACK (on_card_export), self);
  gtk_box_append (GTK_BOX (header), export);
  gtk_box_append (GTK_BOX (header), enlarge);
  gtk_box_append (GTK_BOX (card), header);

  gtk_widget_set_size_request (view, 320, cards[index].kind == FR_CHART_RANKING ? 320 : 300);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(cards[index].title), -1);
  fr_chart_view_set_tooltip_func (FR_CHART_VIEW (view), chart_tooltip, self);
  gtk_box_append (GTK_BOX (card), view);
  self->views[index] = FR_CHART_VIEW (view);
  return card;
}

void
fr_analysis_page_enlarge (FrAnalysisPage *self,
                          FrChartKind     kind)
{
  g_return_if_fail (FR_IS_ANALYSIS_PAGE (self));

  if (self->enlarged != FR_CHART_NONE)
    {
      guint index = card_index (self->enlarged);
      GtkWidget *card = self->cards[index];

      g_object_ref (card);
      gtk_box_remove (GTK_BOX (self->single), card);
      gtk_grid_attach (GTK_GRID (self->grid), card, cards[index].column, cards[index].row, cards[index].width, 1);
      g_object_unref (card);
      self->enlarged = FR_CHART_NONE;
    }
  if (kind != FR_CHART_NONE && card_index (kind) != G_MAXUINT)
    {
      GtkWidget *card = self->cards[card_index (kind)];

      g_object_ref (card);
      gtk_grid_remove (GTK_GRID (self->grid), card);
      gtk_box_append (GTK_BOX (self->single), card);
      g_object_unref (card);
      self->enlarged = kind;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->enlarged == FR_CHART_NONE ? "grid" : "single");
}

FrChartKind
fr_analysis_page_get_enlarged (FrAnalysisPage *self)
{
  g_return_val_if_fail (FR_IS_ANALYSIS_PAGE (self), FR_CHART_NONE);
  return self->enlarged;
}

static void
fr_analysis_page_dispose (GObject *object)
{
  FrAnalysisPage *self = FR_ANALYSIS_PAGE (object);

  smaa_stop (self);
  g_clear_handle_id (&self->smaa_restart_source, g_source_remove);
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (fr_analysis_page_parent_class)->dispose (object);
}

static void
fr_analysis_page_finalize (GObject *object)
{
  FrAnalysisPage *self = FR_ANALYSIS_PAGE (object);

  g_free (self->smaa_stakeholder);
  g_ptr_array_unref (self->smaa_orphans);

  G_OBJECT_CLASS (fr_analysis_page_parent_class)->finalize (object);
}

static void
fr_analysis_page_class_init (FrAnalysisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fr_analysis_page_dispose;
  object_class->finalize = fr_analysis_page_finalize;
}

static void
fr_analysis_page_init (FrAnalysisPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->smaa_samples = SMAA_DEFAULT_SAMPLES;
  self->smaa_orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_smaa_free);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (self), self->stack);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_set_margin_top (self->grid, 6);
  gtk_widget_set_margin_bottom (self->grid, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "grid");

  self->single = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_start (self->single, 12);
  gtk_widget_set_margin_end (self->single, 12);
  gtk_widget_set_margin_top (self->single, 6);
  gtk_widget_set_margin_bottom (self->single, 12);
  gtk_stack_add_named (GTK_STACK (self->stack), self->single, "single");

  self->versus_names = gtk_string_list_new (NULL);
  self->versus_dropdown = gtk_drop_down_new (G_LIST_MODEL (self->versus_names), NULL);
  fr_widget_set_tooltip (self->versus_dropdown, _("Stakeholder on the vertical axis"));
  g_signal_connect_object (self->versus_dropdown, "notify::selected", G_CALLBACK (on_versus_selected), self, G_CONNECT_SWAPPED);
  self->smaa_progress = gtk_progress_bar_new ();
  gtk_widget_set_size_request (self->smaa_progress, 80, -1);
  fr_widget_set_tooltip (self->smaa_progress, _("Samples drawn so far"));

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      self->cards[i] = build_card (self, i);
      gtk_grid_attach (GTK_GRID (self->grid), self->cards[i], cards[i].column, cards[i].row, cards[i].width, 1);
    }
}

GtkWidget *
fr_analysis_page_new (void)
{
  return g_object_new (FR_TYPE_ANALYSIS_PAGE, NULL);
}

void
fr_analysis_page_set_analysis (FrAnalysisPage *self,
                               FrAnalysis     *analysis)
{
  g_return_if_fail (FR_IS_ANALYSIS_PAGE (self));

  smaa_stop (self);
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)
    g_signal_connect_object (analysis, "updated", G_CALLBACK (on_analysis_updated), self, G_CONNECT_SWAPPED);
  rebuild_versus (self);
  /* Charts are drawn when the page is first shown, not at start-up. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

FrChartView *
fr_analysis_page_get_chart (FrAnalysisPage *self,
                            FrChartKind     kind)
{
  guint index = card_index (kind);

  g_return_val_if_fail (FR_IS_ANALYSIS_PAGE (self), NULL);
  return index == G_MAXUINT ? NULL : self->views[index];
}

/* A new number starts a new run at once when the page shows SMAA, or when
 * it is next shown. */
void
fr_analysis_page_set_smaa_samples (FrAnalysisPage *self,
                                   guint64         n_samples)
{
  g_return_if_fail (FR_IS_ANALYSIS_PAGE (self));
  g_return_if_fail (n_samples > 0);

  if (n_samples == self->smaa_samples)
    return;
  self->smaa_samples = n_samples;
  if (self->analysis == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    smaa_restart (self);
  else
    {
      smaa_stop (self);
      self->stale = TRUE;
    }
}

guint64
fr_analysis_page_get_smaa_samples (FrAnalysisPage *self,
                                   gboolean       *done)
{
  g_return_val_if_fail (FR_IS_ANALYSIS_PAGE (self), 0);

  if (done != NULL)
    *done = self->smaa != NULL && fr_smaa_is_done (self->smaa) && !self->smaa_running;
  return self->smaa ? fr_smaa_get_n_samples (self->smaa) : 0;
}
