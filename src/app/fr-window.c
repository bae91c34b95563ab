/* fr-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fr-ahp-dialog.h"
#include "fr-analysis.h"
#include "fr-analysis-page.h"
#include "fr-chart-data.h"
#include "fr-choice-button.h"
#include "fr-date.h"
#include "fr-format.h"
#include "fr-csv.h"
#include "fr-history.h"
#include "fr-import.h"
#include "fr-kml.h"
#include "fr-repaint-bin.h"
#include "fr-score-bar.h"
#include "fr-style.h"
#include "fr-value-label.h"
#include "fr-weights-panel.h"
#include "fr-widgets.h"
#include "fr-map-view.h"
#include "fr-options-page.h"
#include "fr-presentation.h"
#include "fr-deck.h"
#include "fr-export-choices.h"
#include "fr-timeline-view.h"
#include "fr-theme.h"
#include "fr-window.h"
#include "fr-xml.h"

struct _FrWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwHeaderBar *header_bar;
  AdwWindowTitle *window_title;
  FrChoiceButton *stakeholder_dropdown;
  GtkStringList *stakeholder_names;
  FrChoiceButton *method_dropdown;
  AdwToastOverlay *toast_overlay;
  GtkPaned *paned;
  FrWeightsPanel *weights_panel;
  GtkListBox *ranking_list;
  AdwViewStack *view_stack;
  AdwBin *analysis_bin;
  AdwBin *options_bin;
  AdwBin *sources_bin;
  FrMapView *map_view;
  FrTimelineView *timeline_view;
  GtkRevealer *details_revealer;
  GtkLabel *details_title;
  GtkLabel *details_subtitle;
  GtkLabel *details_body;
  GtkListBox *details_events;
  GtkToggleButton *play_button;
  GtkLabel *date_label;
  GtkLabel *frontier_label;
  FrChoiceButton *projection_dropdown;
  GtkListBox *layers_list;
  GtkStringList *projection_names;
  GtkMenuButton *primary_menu_button;
  GtkMenuButton *weights_menu_button;
  GtkMenuButton *map_export_button;
  GMenuModel *primary_menu;
  GMenuModel *weights_menu;
  GMenuModel *map_export_menu;

  /* Built when first shown (ensure_page, create_views_popup): NULL until then. */
  FrAnalysisPage *analysis_page;
  FrOptionsPage *options_page;
  GtkListBox *sources_list;
  GtkListBox *views_list;
  GtkEntry *view_title_entry;

  FrDocument *document;
  FrAnalysis *analysis;
  FrHistory *history;
  GPtrArray *ranking_rows;     /* RankingRow*, best first */
  GSettings *settings;
  gboolean sources_stale;
  gboolean views_stale;
  GtkWindow *shortcuts_window;
  GtkMenuButton *slides_button;
  char *draft_id;
  guint autosave_source;
  guint inhibit_cookie;
  /* Set while the sidebar's stakeholder list is rebuilt, so that the
   * dropdown's selection change is not taken for a user's choice. */
  gboolean updating_stakeholders;
};

G_DEFINE_FINAL_TYPE (FrWindow, fr_window, ADW_TYPE_APPLICATION_WINDOW)

static void fr_window_actions_update (FrWindow *self);
static void sync_analysis_stakeholder (FrWindow *self);
static void ensure_page (FrWindow   *self,
                         const char *name);

FrDocument *
fr_window_get_document (FrWindow *self)
{
  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  return self->document;
}

FrAnalysisPage *
fr_window_get_analysis_page (FrWindow *self)
{
  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  ensure_page (self, "analysis");
  return self->analysis_page;
}

FrOptionsPage *
fr_window_get_options_page (FrWindow *self)
{
  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  ensure_page (self, "options");
  return self->options_page;
}

FrAnalysis *
fr_window_get_analysis (FrWindow *self)
{
  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  return self->analysis;
}

const char *
fr_window_get_view_name (FrWindow *self)
{
  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

static void
show_toast (FrWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (FrWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static FrStakeholder *
selected_stakeholder (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);
  guint position = fr_choice_button_get_selected (self->stakeholder_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= model->stakeholders->len)
    return NULL;
  return g_ptr_array_index (model->stakeholders, position);
}

static void
update_title (FrWindow *self)
{
  g_autofree char *name = fr_document_dup_title (self->document);
  GFile *file = fr_document_get_file (self->document);
  gboolean modified = fr_document_get_modified (self->document);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *parent_name = parent ? g_file_get_parse_name (parent) : NULL;
      subtitle = parent_name ? fr_format_home_path (parent_name) : g_strdup ("");
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: window title: "<document> — Frontier" */
  window_title = g_strdup_printf (_("%s — Frontier"), title);
  /* Called on every tick of a weight drag; GTK sends a new title to the
   * window manager even when it is the same. */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), window_title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
rebuild_stakeholders (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->stakeholder_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < model->stakeholders->len; i++)
    {
      FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, i);
      g_ptr_array_add (names, stakeholder->name);
    }
  g_ptr_array_add (names, NULL);

  self->updating_stakeholders = TRUE;
  gtk_string_list_splice (self->stakeholder_names, 0, n_old, (const char * const *) names->pdata);
  fr_choice_button_set_selected (self->stakeholder_dropdown, model->stakeholders->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->stakeholder_dropdown), model->stakeholders->len > 0);
  self->updating_stakeholders = FALSE;
}

/* Every place of the document that cites @source_id, as lines a reader
 * can follow ("Score: Armed neutrality — Deterrence"). */
static GPtrArray *
citations_of (const FrModel *model,
              const char    *source_id)
{
  GPtrArray *places = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) leaves = fr_model_leaf_criteria (model);

  for (guint i = 0; i < model->options->len; i++)
    {
      FrOption *option = g_ptr_array_index (model->options, i);
      for (guint c = 0; c < leaves->len; c++)
        {
          FrCriterion *criterion = g_ptr_array_index (leaves, c);
          FrScore *score = g_hash_table_lookup (option->scores, criterion->id);
          if (score != NULL && g_strcmp0 (score->source_id, source_id) == 0)
            /* Translators: a citing place: "Score: <option> — <criterion>" */
            g_ptr_array_add (places, g_strdup_printf (_("Score: %s — %s"), option->name, criterion->name));
        }
    }
  for (guint i = 0; i < model->elements->len; i++)
    {
      FrElement *element = g_ptr_array_index (model->elements, i);
      if (g_strcmp0 (element->source_id, source_id) == 0)
        g_ptr_array_add (places, g_strdup_printf (_("Element: %s"), element->name));
    }
  for (guint i = 0; i < model->events->len; i++)
    {
      FrEvent *event = g_ptr_array_index (model->events, i);
      if (g_strcmp0 (event->source_id, source_id) == 0)
        {
          g_autofree char *date = fr_format_day (event->day);
          /* Translators: a citing place: "Event: <date>, <title>" */
          g_ptr_array_add (places, g_strdup_printf (_("Event: %s, %s"), date, event->title));
        }
    }
  return places;
}

static void
rebuild_sources (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);

  fr_widget_remove_children (GTK_WIDGET (self->sources_list));
  if (model->sources->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("This document cites no sources."));
      gtk_list_box_append (self->sources_list, row);
      return;
    }
  for (guint i = 0; i < model->sources->len; i++)
    {
      FrSource *source = g_ptr_array_index (model->sources, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autoptr(GPtrArray) places = citations_of (model, source->id);
      g_autofree char *cited = NULL;
      GtkWidget *count;
      const char *parts[] = { source->author, source->publisher, source->date };

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          if (parts[p] == NULL || parts[p][0] == '\0')
            continue;
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, parts[p]);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source->title ? source->title : source->id);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
      if (source->url != NULL || source->note != NULL)
        {
          g_autofree char *tooltip = g_strjoin ("\n", source->url ? source->url : "", source->note ? source->note : "", NULL);
          fr_widget_set_tooltip (row, g_strstrip (tooltip));
        }
      cited = places->len == 0 ? g_strdup (_("Not cited"))
                               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cited once", "Cited %u times", places->len),
                                                  places->len);
      count = gtk_label_new (cited);
      gtk_widget_add_css_class (count, "dim-label");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), count);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), places->len > 0);
      for (guint p = 0; p < places->len; p++)
        {
          GtkWidget *place = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (place), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (place), g_ptr_array_index (places, p));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), place);
        }
      gtk_list_box_append (self->sources_list, row);
    }
}

typedef struct {
  GtkWidget *rank;
  GtkWidget *name;
  GtkWidget *score;
  GtkWidget *bar;
} RankingRow;

/* Rows are made once per number of options and then only relabelled: a
 * slider tick must not rebuild widgets. */
static void
rebuild_ranking (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);
  const FrMatrix *matrix = fr_analysis_get_matrix (self->analysis);
  const double *scores = fr_analysis_get_scores (self->analysis);
  const guint *order = fr_analysis_get_order (self->analysis);
  FrMethod method = fr_analysis_get_method (self->analysis);

  if (matrix == NULL || scores == NULL)
    {
      const GError *error = fr_analysis_get_error (self->analysis);
      GtkWidget *label = gtk_label_new (error ? error->message : _("Nothing to rank."));

      fr_widget_remove_children (GTK_WIDGET (self->ranking_list));
      g_ptr_array_set_size (self->ranking_rows, 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->ranking_list, label);
      return;
    }

  if (self->ranking_rows->len != matrix->n_options)
    {
      fr_widget_remove_children (GTK_WIDGET (self->ranking_list));
      g_ptr_array_set_size (self->ranking_rows, 0);
      for (guint rank = 0; rank < matrix->n_options; rank++)
        {
          RankingRow *row = g_new0 (RankingRow, 1);
          GtkWidget *grid = gtk_grid_new ();
          g_autofree char *rank_text = g_strdup_printf ("%u", rank + 1);

          row->rank = gtk_label_new (rank_text);
          row->name = gtk_label_new (NULL);
          /* Redrawn, not laid out again, on every tick of a weight drag. */
          row->score = fr_value_label_new (NULL);
          row->bar = fr_score_bar_new ();
          gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
          gtk_widget_add_css_class (row->rank, "numeric");
          gtk_widget_add_css_class (row->rank, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (row->name), 0);
          gtk_label_set_ellipsize (GTK_LABEL (row->name), PANGO_ELLIPSIZE_END);
          gtk_widget_set_hexpand (row->name, TRUE);
          gtk_widget_add_css_class (row->score, "numeric");
          gtk_grid_attach (GTK_GRID (grid), row->rank, 0, 0, 1, 2);
          gtk_grid_attach (GTK_GRID (grid), row->name, 1, 0, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), row->score, 2, 0, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), row->bar, 1, 1, 2, 1);
          gtk_list_box_append (self->ranking_list, grid);
          g_ptr_array_add (self->ranking_rows, row);
        }
    }

  for (guint rank = 0; rank < matrix->n_options; rank++)
    {
      RankingRow *row = g_ptr_array_index (self->ranking_rows, rank);
      guint index = order[rank];
      GdkRGBA color = fr_style_rgba (fr_chart_option_color (model, matrix->option_ids[index]));
      double fraction = method == FR_METHOD_PROMETHEE ? (scores[index] + 1.0) / 2.0 : scores[index];
      g_autofree char *score_text = fr_format_score (scores[index], method == FR_METHOD_PROMETHEE ? 3 : 2);

      gtk_label_set_label (GTK_LABEL (row->name), matrix->option_names[index]);
      fr_value_label_set_sample (FR_VALUE_LABEL (row->score), method == FR_METHOD_PROMETHEE ? "-0.000" : "0.00");
      fr_value_label_set_text (FR_VALUE_LABEL (row->score), score_text);
      fr_score_bar_set_fraction (FR_SCORE_BAR (row->bar), fraction);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row->name)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, matrix->option_names[index], -1);
      fr_score_bar_set_color (FR_SCORE_BAR (row->bar), &color);
    }
}

/* Giving a shown widget a tooltip costs a round trip to the display
 * server (GTK asks where the pointer is), even when the text is the one it
 * has: the date labels change on every step of the scrubber, their source
 * rarely. */
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    fr_widget_set_tooltip (widget, text);
}

static void
update_date_labels (FrWindow *self)
{
  gint32 day = fr_map_view_get_day (self->map_view);
  const FrFrontier *frontier = fr_map_view_get_frontier (self->map_view);
  g_autofree char *date = fr_format_day (day);

  gtk_label_set_label (self->date_label, date);
  if (frontier != NULL)
    {
      g_autofree char *km = fr_format_km (frontier->official_km);
      /* Translators: "%s" is a distance such as "2,555 km" */
      g_autofree char *text = g_strdup_printf (_("NATO–Russia land frontier: %s"), km);
      g_autofree char *source = fr_frontier_dup_source_text (frontier);
      gtk_label_set_label (self->frontier_label, text);
      set_tooltip_if_changed (GTK_WIDGET (self->frontier_label), source);
    }
  else
    {
      gtk_label_set_label (self->frontier_label, "");
      set_tooltip_if_changed (GTK_WIDGET (self->frontier_label), NULL);
    }
}

/* A hidden revealer still claims its child's minimum width, so it is made
 * visible only while it shows something. */
static void
on_details_child_revealed (FrWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->details_revealer) &&
      !gtk_revealer_get_reveal_child (self->details_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), FALSE);
}

static void
show_details (FrWindow *self,
              gboolean  show)
{
  if (show)
    gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->details_revealer, show);
}

static gboolean
event_touches_region (const FrEvent *event,
                      const char    *code)
{
  for (guint i = 0; i < event->changes->len; i++)
    {
      FrStatusChange *change = g_ptr_array_index (event->changes, i);
      if (g_strcmp0 (change->region, code) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
on_details_event_activated (GtkListBox    *list,
                            GtkListBoxRow *row,
                            FrWindow      *self)
{
  const FrEvent *event = g_object_get_data (G_OBJECT (row), "fr-event");

  if (event != NULL)
    fr_timeline_view_select_event (self->timeline_view, event);
}

static void
show_region_details (FrWindow   *self,
                     const char *code)
{
  FrModel *model = fr_document_get_model (self->document);
  const FrBasemap *basemap = fr_map_view_get_basemap (self->map_view);
  FrRegion *region = basemap ? fr_basemap_find (basemap, code) : NULL;
  g_autofree char *summary = fr_map_view_dup_region_summary (self->map_view, code);
  guint n_events = 0;

  gtk_label_set_label (self->details_title, fr_region_display_name (code, region ? region->name : NULL));
  gtk_label_set_label (self->details_subtitle, summary);
  gtk_label_set_label (self->details_body, "");
  fr_widget_remove_children (GTK_WIDGET (self->details_events));
  for (guint i = 0; i < model->events->len; i++)
    {
      FrEvent *event = g_ptr_array_index (model->events, i);
      GtkWidget *row;
      g_autofree char *date = NULL;

      if (!event_touches_region (event, code))
        continue;
      date = fr_format_day (event->day);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "fr-event", event);
      gtk_list_box_append (self->details_events, row);
      n_events++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_events), n_events > 0);
  show_details (self, TRUE);
}

static void
on_region_selected (FrWindow *self)
{
  const char *code = fr_map_view_get_selected_region (self->map_view);

  if (code == NULL)
    show_details (self, FALSE);
  else
    show_region_details (self, code);
}

static void
on_event_activated (FrWindow      *self,
                    const FrEvent *event)
{
  FrModel *model = fr_document_get_model (self->document);
  FrSource *source = fr_model_find_source (model, event->source_id);
  g_autofree char *date = fr_format_day (event->day);
  g_autofree char *subtitle = NULL;

  if (source != NULL)
    /* Translators: event details: date, then "Source: <title>" */
    subtitle = g_strdup_printf (_("%s\nSource: %s"), date, source->title ? source->title : source->id);
  else
    subtitle = g_strdup (date);
  gtk_label_set_label (self->details_title, event->title);
  gtk_label_set_label (self->details_subtitle, subtitle);
  gtk_label_set_label (self->details_body, event->description ? event->description : "");
  fr_widget_remove_children (GTK_WIDGET (self->details_events));
  gtk_widget_set_visible (GTK_WIDGET (self->details_events), FALSE);
  show_details (self, TRUE);
}

static void
on_playing_changed (FrWindow *self)
{
  gboolean playing = fr_timeline_view_get_playing (self->timeline_view);

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  fr_widget_set_tooltip (GTK_WIDGET (self->play_button),
                               playing ? _("Pause") : _("Play Through Time"));
}

static void
on_projection_selected (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);
  guint position = fr_choice_button_get_selected (self->projection_dropdown);
  const char *option_id = NULL;

  /* Position 0 is "None". */
  if (position != GTK_INVALID_LIST_POSITION && position > 0 && position <= model->options->len)
    option_id = ((FrOption *) g_ptr_array_index (model->options, position - 1))->id;
  fr_map_view_set_option (self->map_view, option_id);
  fr_timeline_view_set_option (self->timeline_view, option_id);
  update_date_labels (self);
}

static void
rebuild_projections (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->projection_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) _("None"));
  for (guint i = 0; i < model->options->len; i++)
    g_ptr_array_add (names, ((FrOption *) g_ptr_array_index (model->options, i))->name);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->projection_names, 0, n_old, (const char * const *) names->pdata);
  fr_choice_button_set_selected (self->projection_dropdown, 0);
}

static FrLayer *
find_layer (FrModel    *model,
            const char *id)
{
  for (guint i = 0; i < model->layers->len; i++)
    {
      FrLayer *layer = g_ptr_array_index (model->layers, i);
      if (g_strcmp0 (layer->id, id) == 0)
        return layer;
    }
  return NULL;
}

static void
on_layer_toggled (GtkCheckButton *check,
                  FrWindow       *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "fr-layer-id");
  FrLayer *layer = find_layer (fr_document_get_model (self->document), id);
  gboolean visible = gtk_check_button_get_active (check);

  if (layer == NULL || layer->visible == visible)
    return;
  fr_history_checkpoint (self->history, visible ? _("Show Layer") : _("Hide Layer"), NULL);
  layer->visible = visible;
  fr_document_changed (self->document, FR_CHANGE_LAYERS);
}

static void
rebuild_layers (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);

  fr_widget_remove_children (GTK_WIDGET (self->layers_list));
  gtk_widget_set_visible (GTK_WIDGET (self->layers_list), model->layers->len > 0);
  for (guint i = 0; i < model->layers->len; i++)
    {
      FrLayer *layer = g_ptr_array_index (model->layers, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), layer->name ? layer->name : layer->id);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), layer->visible);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "fr-layer-id", g_strdup (layer->id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_layer_toggled), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      fr_widget_set_tooltip (remove, _("Remove Layer"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-layer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", layer->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->layers_list, row);
    }
}

gboolean
fr_window_import_layer (FrWindow *self,
                        GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autoptr(FrKmlDocument) kml = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FrModel *model = fr_document_get_model (self->document);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);

  /* Parse first: a file that is not good KML never enters the document. */
  kml = path ? fr_kml_load_file (path, &error) : NULL;
  if (kml == NULL || !g_file_get_contents (path, &contents, &length, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), basename);
      show_error (self, heading, error ? error->message : _("Only files on this computer can be imported."));
      return FALSE;
    }
  for (guint i = 0; i < model->layers->len; i++)
    g_hash_table_add (taken, g_strdup (((FrLayer *) g_ptr_array_index (model->layers, i))->id));
  name = kml->name && kml->name[0] ? g_strdup (kml->name) : g_strdup (basename);
  id = fr_make_id (name, "layer", taken);
  fr_history_checkpoint (self->history, _("Import Layer"), NULL);
  g_ptr_array_add (model->layers, fr_layer_new (id, name, contents));
  fr_document_changed (self->document, FR_CHANGE_LAYERS);
  return TRUE;
}

static void
on_import_layer_response (GtkNativeDialog *dialog,
                          int              response,
                          FrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      fr_window_import_layer (self, file);
    }
  g_object_unref (dialog);
}

static void
layer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);

  if (g_str_equal (action_name, "win.import-layer"))
    {
      GtkFileChooserNative *chooser;
      g_autoptr(GtkFileFilter) kml = gtk_file_filter_new ();

      chooser = gtk_file_chooser_native_new (_("Import a KML Layer"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
      gtk_file_filter_set_name (kml, _("KML Files"));
      gtk_file_filter_add_mime_type (kml, "application/vnd.google-earth.kml+xml");
      gtk_file_filter_add_suffix (kml, "kml");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), kml);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      g_signal_connect (chooser, "response", G_CALLBACK (on_import_layer_response), self);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
  else if (g_str_equal (action_name, "win.remove-layer"))
    {
      FrModel *model = fr_document_get_model (self->document);
      FrLayer *layer = find_layer (model, g_variant_get_string (parameter, NULL));

      if (layer == NULL)
        return;
      fr_history_checkpoint (self->history, _("Remove Layer"), NULL);
      g_ptr_array_remove (model->layers, layer);
      fr_document_changed (self->document, FR_CHANGE_LAYERS);
    }
}

typedef gboolean (*ExportFunc) (FrWindow    *self,
                                const char  *path,
                                double       width,
                                double       height,
                                double       scale,
                                GError     **error);

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    FrWindow        *self)
{
  ExportFunc export = g_object_get_data (G_OBJECT (dialog), "fr-export");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      double ratio = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "fr-ratio")) / 10000.0;
      double width = 0, height = 0, scale = 1;

      if (ratio > 0)
        fr_export_choices_read (GTK_FILE_CHOOSER (dialog), ratio, &width, &height, &scale);
      if (path == NULL)
        show_error (self, _("Could Not Export"), _("Only files on this computer can be written."));
      else if (!export (self, path, width, height, scale, &error))
        show_error (self, _("Could Not Export"), error->message);
      else
        show_toast (self, _("Exported"));
    }
  g_object_unref (dialog);
}

/* One save dialog for every export: the format follows the extension. */
/* @height_ratio: 0 for a PDF of its own page size, else the picture's
 * height over its width, with size and scale chosen in the dialog. */
static void
choose_export_file (FrWindow   *self,
                    const char *title,
                    const char *suggested_name,
                    double      height_ratio,
                    ExportFunc  export)
{
  gboolean pdf_only = height_ratio <= 0;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf_only ? _("PDF") : _("PNG, SVG or PDF"));
  gtk_file_filter_add_suffix (filter, "pdf");
  if (!pdf_only)
    {
      gtk_file_filter_add_suffix (filter, "png");
      gtk_file_filter_add_suffix (filter, "svg");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (!pdf_only)
    fr_export_choices_add (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "fr-ratio", GUINT_TO_POINTER ((guint) (height_ratio * 10000)));
  g_object_set_data (G_OBJECT (chooser), "fr-export", export);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
export_map (FrWindow    *self,
            const char  *path,
            double       width,
            double       height,
            double       scale,
            GError     **error)
{
  return fr_map_view_export (self->map_view, path, width, height, scale, error);
}

static gboolean
export_timeline (FrWindow    *self,
                 const char  *path,
                 double       width,
                 double       height,
                 double       scale,
                 GError     **error)
{
  return fr_timeline_view_export (self->timeline_view, path, width, height, scale, error);
}

static void
export_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-map"))
    choose_export_file (self, _("Export the Map"), _("Map.png"), 0.5625, export_map);
  else
    choose_export_file (self, _("Export the Timeline"), _("Timeline.png"), 0.125, export_timeline);
}


/* ---- saved views ------------------------------------------------------ */

static const char *
chart_for_current_state (FrWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "map") == 0)
    return "map";
  if (g_strcmp0 (page, "analysis") == 0 && self->analysis_page != NULL)
    {
      switch (fr_analysis_page_get_enlarged (self->analysis_page))
        {
        case FR_CHART_PROFILE: return "profile";
        case FR_CHART_SENSITIVITY: return "sensitivity";
        case FR_CHART_SMAA: return "smaa";
        case FR_CHART_STAKEHOLDERS: return "stakeholders";
        case FR_CHART_SCATTER: return "scatter";
        case FR_CHART_RANKING:
        case FR_CHART_NONE:
        default:
          return "ranking";
        }
    }
  return "ranking";
}

/* Fills @view from what the window shows: the slide will show the same. */
static void
capture_view (FrWindow *self,
              FrView   *view)
{
  FrModel *model = fr_document_get_model (self->document);
  FrStakeholder *stakeholder = selected_stakeholder (self);
  guint projection = fr_choice_button_get_selected (self->projection_dropdown);
  double extent[4];

  g_free (view->stakeholder_id);
  view->stakeholder_id = g_strdup (stakeholder ? stakeholder->id : NULL);
  g_free (view->method);
  view->method = g_strdup (fr_method_to_string (fr_analysis_get_method (self->analysis)));
  g_free (view->option_id);
  view->option_id = (projection != GTK_INVALID_LIST_POSITION && projection > 0 && projection <= model->options->len)
                    ? g_strdup (((FrOption *) g_ptr_array_index (model->options, projection - 1))->id) : NULL;
  g_free (view->chart);
  view->chart = g_strdup (chart_for_current_state (self));
  view->map_day = fr_map_view_get_day (self->map_view);
  view->has_extent = fr_map_view_get_extent (self->map_view, extent);
  if (view->has_extent)
    memcpy (view->extent, extent, sizeof extent);
  g_clear_pointer (&view->weights, g_hash_table_unref);
  if (stakeholder != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      view->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fr_weight_free);
      g_hash_table_iter_init (&iter, stakeholder->weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          FrWeight *copy = fr_weight_new (((FrWeight *) value)->value);
          g_hash_table_insert (view->weights, g_strdup (key), copy);
        }
    }
}

FrView *
fr_window_save_view (FrWindow   *self,
                     const char *title)
{
  FrModel *model;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *id = NULL;
  FrView *view;

  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);

  model = fr_document_get_model (self->document);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled View");
  for (guint i = 0; i < model->views->len; i++)
    g_hash_table_add (taken, g_strdup (((FrView *) g_ptr_array_index (model->views, i))->id));
  id = fr_make_id (title, "view", taken);
  fr_history_checkpoint (self->history, _("Save View"), NULL);
  view = fr_view_new (id, title);
  capture_view (self, view);
  g_ptr_array_add (model->views, view);
  fr_document_changed (self->document, FR_CHANGE_VIEWS);
  return view;
}

gboolean
fr_window_apply_view (FrWindow   *self,
                      const char *view_id)
{
  FrModel *model = fr_document_get_model (self->document);
  FrView *view = fr_model_find_view (model, view_id);
  FrMethod method;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);
  if (view == NULL)
    return FALSE;

  for (guint i = 0; i < model->stakeholders->len; i++)
    if (g_strcmp0 (((FrStakeholder *) g_ptr_array_index (model->stakeholders, i))->id, view->stakeholder_id) == 0)
      fr_choice_button_set_selected (self->stakeholder_dropdown, i);
  if (fr_method_from_string (view->method, &method))
    fr_choice_button_set_selected (self->method_dropdown, method);
  fr_choice_button_set_selected (self->projection_dropdown, 0);
  for (guint i = 0; i < model->options->len; i++)
    if (g_strcmp0 (((FrOption *) g_ptr_array_index (model->options, i))->id, view->option_id) == 0)
      fr_choice_button_set_selected (self->projection_dropdown, i + 1);
  if (view->map_day > 0)
    fr_timeline_view_set_day (self->timeline_view, view->map_day);
  if (view->has_extent)
    fr_map_view_set_extent (self->map_view, view->extent);

  /* The view's weights become the stakeholder's again: one undoable step. */
  if (view->weights != NULL && g_hash_table_size (view->weights) > 0)
    {
      FrStakeholder *stakeholder = fr_model_find_stakeholder (model, view->stakeholder_id);
      if (stakeholder != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          fr_history_checkpoint (self->history, _("Apply View"), NULL);
          g_hash_table_iter_init (&iter, view->weights);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              FrWeight *weight = g_hash_table_lookup (stakeholder->weights, key);
              if (weight == NULL)
                continue;
              weight->value = ((FrWeight *) value)->value;
              weight->low = MIN (weight->low, weight->value);
              weight->high = MAX (weight->high, weight->value);
            }
          fr_document_changed (self->document, FR_CHANGE_WEIGHTS);
        }
    }

  if (g_strcmp0 (view->chart, "map") == 0 || g_strcmp0 (view->chart, "timeline") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "map");
  else if (g_strcmp0 (view->chart, "bundles") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "options");
  else
    adw_view_stack_set_visible_child_name (self->view_stack, "analysis");
  return TRUE;
}

static void
on_view_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       FrWindow      *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "fr-view");

  if (id != NULL)
    fr_window_apply_view (self, id);
}

static void
on_add_view_clicked (FrWindow *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->view_title_entry));

  fr_window_save_view (self, title);
  gtk_editable_set_text (GTK_EDITABLE (self->view_title_entry), "");
}

gboolean
fr_window_move_view (FrWindow   *self,
                     const char *view_id,
                     guint       index)
{
  FrModel *model = fr_document_get_model (self->document);
  FrView *view = fr_model_find_view (model, view_id);
  guint current;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);
  if (view == NULL || !g_ptr_array_find (model->views, view, &current) || index >= model->views->len)
    return FALSE;
  if (index == current)
    return TRUE;
  fr_history_checkpoint (self->history, _("Move View"), NULL);
  g_ptr_array_steal_index (model->views, current);
  g_ptr_array_insert (model->views, (int) index, view);
  fr_document_changed (self->document, FR_CHANGE_VIEWS);
  return TRUE;
}

gboolean
fr_window_edit_view (FrWindow   *self,
                     const char *view_id,
                     const char *title,
                     const char *notes)
{
  FrView *view = fr_model_find_view (fr_document_get_model (self->document), view_id);

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);
  if (view == NULL || title == NULL || title[0] == '\0')
    return FALSE;
  if (g_strcmp0 (view->title, title) == 0 && g_strcmp0 (view->notes ? view->notes : "", notes ? notes : "") == 0)
    return TRUE;
  fr_history_checkpoint (self->history, _("Edit View"), NULL);
  g_free (view->title);
  view->title = g_strdup (title);
  g_free (view->notes);
  view->notes = notes != NULL && notes[0] != '\0' ? g_strdup (notes) : NULL;
  fr_document_changed (self->document, FR_CHANGE_VIEWS);
  return TRUE;
}

typedef struct {
  FrWindow *self;
  char *view_id;
  GtkEntry *title;
  GtkTextBuffer *notes;
  GtkWidget *popover;
} ViewEditor;

static void
view_editor_free (ViewEditor *editor)
{
  g_free (editor->view_id);
  g_free (editor);
}

static void
on_view_editor_apply (GtkButton  *button,
                      ViewEditor *editor)
{
  GtkTextIter start, end;
  g_autofree char *notes = NULL;

  gtk_text_buffer_get_bounds (editor->notes, &start, &end);
  notes = gtk_text_buffer_get_text (editor->notes, &start, &end, FALSE);
  gtk_popover_popdown (GTK_POPOVER (editor->popover));
  fr_window_edit_view (editor->self, editor->view_id, gtk_editable_get_text (GTK_EDITABLE (editor->title)), notes);
}

static void
on_view_edit_clicked (GtkButton *button,
                      FrWindow  *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "fr-view");
  FrView *view = fr_model_find_view (fr_document_get_model (self->document), id);
  ViewEditor *editor;
  GtkWidget *box, *scrolled, *text_view, *apply, *notes_label;

  if (view == NULL)
    return;
  editor = g_new0 (ViewEditor, 1);
  editor->self = self;
  editor->view_id = g_strdup (id);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  editor->title = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (editor->title), view->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->title));
  notes_label = gtk_label_new (_("Speaker notes"));
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_box_append (GTK_BOX (box), notes_label);
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  editor->notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (editor->notes, view->notes ? view->notes : "", -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_widget_set_size_request (scrolled, 360, 140);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);
  apply = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), apply);
  editor->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (editor->popover), box);
  gtk_widget_set_parent (editor->popover, GTK_WIDGET (button));
  g_object_set_data_full (G_OBJECT (editor->popover), "fr-editor", editor, (GDestroyNotify) view_editor_free);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_view_editor_apply), editor);
  g_signal_connect (editor->popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (editor->popover));
}

static GdkContentProvider *
on_view_drag_prepare (GtkDragSource *source,
                      double         x,
                      double         y,
                      GtkWidget     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "fr-view");
  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static gboolean
on_view_drop (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              FrWindow      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (!G_VALUE_HOLDS_STRING (value))
    return FALSE;
  return fr_window_move_view (self, g_value_get_string (value),
                              (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static void
rebuild_views (FrWindow *self)
{
  FrModel *model = fr_document_get_model (self->document);

  fr_widget_remove_children (GTK_WIDGET (self->views_list));
  for (guint i = 0; i < model->views->len; i++)
    {
      FrView *view = g_ptr_array_index (model->views, i);
      GtkWidget *row = adw_action_row_new ();
      static const struct { const char *icon; const char *action; const char *tooltip; } buttons[] = {
        { "go-up-symbolic", "win.move-view-up", N_("Move Up") },
        { "go-down-symbolic", "win.move-view-down", N_("Move Down") },
        { "document-save-symbolic", "win.update-view", N_("Update from What the Window Shows") },
        { "x-office-presentation-symbolic", "win.present-view", N_("Present From Here") },
        { "user-trash-symbolic", "win.delete-view", N_("Delete View") },
      };
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *prefix = gtk_label_new (number);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), view->title);
      if (view->notes != NULL)
        fr_widget_set_tooltip (row, view->notes);
      gtk_widget_add_css_class (prefix, "dim-label");
      gtk_widget_add_css_class (prefix, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
      for (guint b = 0; b < G_N_ELEMENTS (buttons); b++)
        {
          GtkWidget *button = gtk_button_new_from_icon_name (buttons[b].icon);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          fr_widget_set_tooltip (button, _(buttons[b].tooltip));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[b].action);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", view->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      {
        GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
        gtk_widget_add_css_class (edit, "flat");
        gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
        fr_widget_set_tooltip (edit, _("Rename and Edit Notes"));
        g_object_set_data_full (G_OBJECT (edit), "fr-view", g_strdup (view->id), g_free);
        g_signal_connect_object (edit, "clicked", G_CALLBACK (on_view_edit_clicked), self, 0);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fr-view", g_strdup (view->id), g_free);
      /* Reorder by dragging a view onto the place it should take. */
      {
        GtkDragSource *drag = gtk_drag_source_new ();
        GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

        gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
        g_signal_connect (drag, "prepare", G_CALLBACK (on_view_drag_prepare), row);
        gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
        g_signal_connect_object (drop, "drop", G_CALLBACK (on_view_drop), self, 0);
        gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
      }
      gtk_list_box_append (self->views_list, row);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.presentation", model->views->len > 0);
}

static void
on_views_popover_show (FrWindow *self)
{
  if (self->views_stale)
    {
      rebuild_views (self);
      self->views_stale = FALSE;
    }
}

/* The Saved Views pop-over is made when first opened, not with the window. */
static void
create_views_popup (GtkMenuButton *button,
                    gpointer       user_data)
{
  FrWindow *self = user_data;
  GtkWidget *popover, *box, *row, *add, *scrolled;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 480, -1);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->view_title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->view_title_entry), TRUE);
  gtk_entry_set_placeholder_text (self->view_title_entry, _("Title of the new view"));
  g_signal_connect_object (self->view_title_entry, "activate", G_CALLBACK (on_add_view_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->view_title_entry));
  add = gtk_button_new_with_mnemonic (_("_Save View"));
  fr_widget_set_tooltip (add, _("Save what the window shows now as a slide"));
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_view_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), add);
  gtk_box_append (GTK_BOX (box), row);

  self->views_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->views_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->views_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Saved views"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->views_list), "boxed-list");
  g_signal_connect_object (self->views_list, "row-activated", G_CALLBACK (on_view_row_activated), self, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->views_list));
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_views_popover_show), self, G_CONNECT_SWAPPED);
  self->views_stale = TRUE;
  gtk_menu_button_set_popover (button, popover);
}

static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/* A menu becomes a pop-over of widgets when first opened (by click or by
 * F10 for the primary menu), so start-up does not build menus nobody has
 * opened yet. */
static void
set_menu_on_first_use (GtkMenuButton *button,
                       GMenuModel    *model)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_popup, g_object_ref (model), g_object_unref);
}

FrPresentation *
fr_window_present (FrWindow *self,
                   guint     first)
{
  FrPresentation *presentation;

  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  presentation = fr_presentation_new (GTK_WINDOW (self), self->document, self->history, first);
  gtk_window_present (GTK_WINDOW (presentation));
  return presentation;
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);
  FrModel *model = fr_document_get_model (self->document);
  const char *id = parameter ? g_variant_get_string (parameter, NULL) : NULL;
  FrView *view = fr_model_find_view (model, id);
  guint index = 0;

  if (g_str_equal (action_name, "win.presentation"))
    {
      fr_window_present (self, 0);
      return;
    }
  if (view == NULL || !g_ptr_array_find (model->views, view, &index))
    return;
  if (g_str_equal (action_name, "win.present-view"))
    fr_window_present (self, index);
  else if (g_str_equal (action_name, "win.update-view"))
    {
      fr_history_checkpoint (self->history, _("Update View"), NULL);
      capture_view (self, view);
      fr_document_changed (self->document, FR_CHANGE_VIEWS);
    }
  else if (g_str_equal (action_name, "win.delete-view"))
    {
      fr_history_checkpoint (self->history, _("Delete View"), NULL);
      g_ptr_array_remove_index (model->views, index);
      fr_document_changed (self->document, FR_CHANGE_VIEWS);
    }
  else
    {
      int target = (int) index + (g_str_equal (action_name, "win.move-view-up") ? -1 : 1);
      if (target < 0 || target >= (int) model->views->len)
        return;
      fr_history_checkpoint (self->history, _("Move View"), NULL);
      g_ptr_array_steal_index (model->views, index);
      g_ptr_array_insert (model->views, target, view);
      fr_document_changed (self->document, FR_CHANGE_VIEWS);
    }
}

/* ---- deck: PDF export and printing ------------------------------------ */

static gboolean
export_deck (FrWindow    *self,
             const char  *path,
             double       width,
             double       height,
             double       scale,
             GError     **error)
{
  g_autoptr(FrDeck) deck = fr_deck_new (fr_document_get_model (self->document),
                                        fr_map_view_get_basemap (self->map_view),
                                        FR_DECK_A4_WIDTH, FR_DECK_A4_HEIGHT);
  return fr_deck_export_pdf (deck, path, error);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                FrWindow          *self)
{
  FrDeck *deck = fr_deck_new (fr_document_get_model (self->document),
                              fr_map_view_get_basemap (self->map_view),
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));

  g_object_set_data_full (G_OBJECT (operation), "fr-deck", deck, (GDestroyNotify) fr_deck_free);
  gtk_print_operation_set_n_pages (operation, (int) fr_deck_get_n_pages (deck));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              FrWindow          *self)
{
  FrDeck *deck = g_object_get_data (G_OBJECT (operation), "fr-deck");

  fr_deck_render_page (deck, gtk_print_context_get_cairo_context (context), (guint) page,
                       fr_theme_get (FR_THEME_LIGHT));
}

/* The print operation both the dialog and a direct export to PDF use, so
 * the pages printed are the pages tested. */
static GtkPrintOperation *
new_print_operation (FrWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (self)));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  return operation;
}

gboolean
fr_window_print_to_pdf (FrWindow    *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);

  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* The shortcuts window is built when first asked for rather than with
 * every window, as GTK would for gtk/help-overlay.ui. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/frontierdesk/Frontier/fr-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
    }
  gtk_window_present (self->shortcuts_window);
}

static void
deck_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);

  if (g_str_equal (action_name, "win.export"))
    {
      g_autofree char *title = fr_document_dup_title (self->document);
      g_autofree char *base = g_str_has_suffix (title, ".frontier") ? g_strndup (title, strlen (title) - 9) : g_strdup (title);
      g_autofree char *name = g_strconcat (base, ".pdf", NULL);
      choose_export_file (self, _("Export Slides as PDF"), name, 0, export_deck);
    }
  else
    {
      g_autoptr(GtkPrintOperation) operation = new_print_operation (self);
      g_autoptr(GError) error = NULL;

      if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
        show_error (self, _("Could Not Print"), error->message);
    }
}

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    fr_map_view_zoom (self->map_view, 1.25);
  else if (g_str_equal (action_name, "map.zoom-out"))
    fr_map_view_zoom (self->map_view, 0.8);
  else if (g_str_equal (action_name, "map.reset"))
    fr_map_view_reset_view (self->map_view);
  else if (g_str_equal (action_name, "map.close-details"))
    {
      fr_map_view_select_region (self->map_view, NULL);
      show_details (self, FALSE);
    }
}

static void
on_document_changed (FrWindow *self,
                     guint     what)
{
  if (what & (FR_CHANGE_STAKEHOLDERS))
    {
      rebuild_stakeholders (self);
      sync_analysis_stakeholder (self);
    }
  /* A whole new model (undo, redo): views that borrow it must take the new one. */
  if (what == FR_CHANGE_ALL)
    {
      fr_map_view_set_model (self->map_view, fr_document_get_model (self->document));
      fr_timeline_view_set_model (self->timeline_view, fr_document_get_model (self->document));
    }
  if (what & (FR_CHANGE_SOURCES | FR_CHANGE_SCORES | FR_CHANGE_ELEMENTS | FR_CHANGE_TIMELINE))
    {
      /* Hundreds of citation rows: built when the page is looked at. */
      if (self->sources_list != NULL &&
          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sources") == 0)
        rebuild_sources (self);
      else
        self->sources_stale = TRUE;
    }
  if (what & (FR_CHANGE_TIMELINE | FR_CHANGE_PROJECTIONS | FR_CHANGE_META))
    {
      fr_map_view_model_changed (self->map_view);
      update_date_labels (self);
    }
  if (what & FR_CHANGE_OPTIONS)
    rebuild_projections (self);
  if (what & FR_CHANGE_VIEWS)
    {
      FrModel *model = fr_document_get_model (self->document);
      GtkPopover *views_popover = gtk_menu_button_get_popover (self->slides_button);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.presentation", model->views->len > 0);
      /* A row of buttons per view: built when the popover is opened. */
      if (views_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (views_popover)))
        rebuild_views (self);
      else
        self->views_stale = TRUE;
    }
  if (what & FR_CHANGE_LAYERS)
    {
      if (!(what & (FR_CHANGE_TIMELINE | FR_CHANGE_PROJECTIONS | FR_CHANGE_META)))
        fr_map_view_model_changed (self->map_view);
      rebuild_layers (self);
    }
  update_title (self);
}

static void
sync_analysis_stakeholder (FrWindow *self)
{
  FrStakeholder *stakeholder = selected_stakeholder (self);

  fr_analysis_set_stakeholder (self->analysis, stakeholder ? stakeholder->id : NULL);
  fr_weights_panel_set_stakeholder (self->weights_panel, stakeholder ? stakeholder->id : NULL);
}

static void
build_sources_page (FrWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  gtk_widget_set_margin_top (clamp, 24);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  self->sources_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->sources_list, GTK_SELECTION_NONE);
  gtk_widget_set_valign (GTK_WIDGET (self->sources_list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sources_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sources"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->sources_list), "boxed-list");
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->sources_list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (self->sources_bin, scrolled);
  self->sources_stale = TRUE;
}

/* Only the Map page is built with the window; the others are built when
 * first shown (or first asked for), so that start-up pays for what its
 * first frame shows. Once built, a page follows the document as before. */
static void
ensure_page (FrWindow   *self,
             const char *name)
{
  if (g_strcmp0 (name, "analysis") == 0 && self->analysis_page == NULL)
    {
      self->analysis_page = FR_ANALYSIS_PAGE (fr_analysis_page_new ());
      if (self->settings != NULL)
        fr_analysis_page_set_smaa_samples (self->analysis_page, g_settings_get_uint (self->settings, "smaa-samples"));
      fr_analysis_page_set_analysis (self->analysis_page, self->analysis);
      adw_bin_set_child (self->analysis_bin, GTK_WIDGET (self->analysis_page));
    }
  else if (g_strcmp0 (name, "options") == 0 && self->options_page == NULL)
    {
      self->options_page = FR_OPTIONS_PAGE (fr_options_page_new ());
      fr_options_page_set_document (self->options_page, self->document, self->history);
      adw_bin_set_child (self->options_bin, GTK_WIDGET (self->options_page));
    }
  else if (g_strcmp0 (name, "sources") == 0 && self->sources_list == NULL)
    build_sources_page (self);
}

static void
on_visible_page_changed (FrWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  ensure_page (self, name);
  if (self->sources_stale && g_strcmp0 (name, "sources") == 0)
    {
      self->sources_stale = FALSE;
      rebuild_sources (self);
    }
}

static void
on_stakeholder_selected (FrWindow *self)
{
  if (self->updating_stakeholders)
    return;
  sync_analysis_stakeholder (self);
}

static void
on_method_selected (FrWindow *self)
{
  guint position = fr_choice_button_get_selected (self->method_dropdown);

  if (self->analysis != NULL && position < FR_N_METHODS)
    fr_analysis_set_method (self->analysis, (FrMethod) position);
}

static void
remove_draft (FrWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->draft_id == NULL)
    return;
  if (!fr_drafts_remove (self->draft_id, &error))
    g_warning ("%s", error->message);
  g_clear_pointer (&self->draft_id, g_free);
}

static gboolean
autosave_timeout (gpointer user_data)
{
  FrWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = fr_document_dup_title (self->document);
  GFile *file = fr_document_get_file (self->document);
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

  self->autosave_source = 0;
  if (!fr_document_get_modified (self->document))
    return G_SOURCE_REMOVE;
  if (self->draft_id == NULL)
    self->draft_id = fr_drafts_new_id ();
  if (!fr_drafts_write (self->draft_id, fr_document_get_model (self->document), uri, title, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Unsaved changes could not be kept as a draft: %s"),
                                                  error->message);
      show_toast (self, message);
    }
  return G_SOURCE_REMOVE;
}

/* Every change re-arms the timer, so a draft is written once the user
 * pauses, not on every slider tick. */
static void
schedule_autosave (FrWindow *self)
{
  guint delay = self->settings ? g_settings_get_uint (self->settings, "autosave-delay") : 3;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (fr_document_get_modified (self->document))
    self->autosave_source = g_timeout_add_seconds (delay, autosave_timeout, self);
  else
    remove_draft (self);
}

static void
update_inhibit (FrWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean modified = self->document != NULL && fr_document_get_modified (self->document);

  if (app == NULL)
    return;
  if (modified && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self), GTK_APPLICATION_INHIBIT_LOGOUT,
                                                    _("There are unsaved changes"));
  else if (!modified && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
on_modified_changed (FrWindow *self)
{
  update_title (self);
  update_inhibit (self);
  schedule_autosave (self);
}

static void
on_document_edited (FrWindow *self)
{
  schedule_autosave (self);
}

static void
set_document (FrWindow   *self,
              FrDocument *document)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->analysis);
  self->analysis = fr_analysis_new (document);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  self->history = fr_history_new (document);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (fr_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (fr_window_actions_update), self, G_CONNECT_SWAPPED);
  fr_weights_panel_set_document (self->weights_panel, document, self->history);
  if (self->options_page != NULL)
    fr_options_page_set_document (self->options_page, document, self->history);
  if (self->analysis_page != NULL)
    fr_analysis_page_set_analysis (self->analysis_page, self->analysis);
  fr_analysis_set_method (self->analysis, (FrMethod) MIN (fr_choice_button_get_selected (self->method_dropdown),
                                                          FR_N_METHODS - 1));
  g_signal_connect_object (self->analysis, "updated", G_CALLBACK (rebuild_ranking), self, G_CONNECT_SWAPPED);
  fr_map_view_set_model (self->map_view, fr_document_get_model (document));
  fr_timeline_view_set_model (self->timeline_view, fr_document_get_model (document));
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  on_document_changed (self, FR_CHANGE_ALL);
  rebuild_ranking (self);
  fr_window_actions_update (self);
}

static gboolean
is_csv (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv"));
}

static gboolean
is_kml (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".kml");
}

static FrModel *
load_model (FrWindow  *self,
            GFile     *file,
            GError   **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only files on this computer can be opened."));
      return NULL;
    }
  if (is_csv (file))
    {
      g_autoptr(FrMatrix) matrix = fr_csv_load_matrix (path, error);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *title = NULL;

      if (matrix == NULL)
        return NULL;
      title = g_strndup (basename, strlen (basename) - 4);
      return fr_model_new_from_matrix (matrix, title, basename);
    }
  return fr_xml_load_file (path, error);
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
report_load_error (FrWindow *self,
                   GFile    *file,
                   GError   *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name ? name : "");
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), display);

  show_error (self, heading, error->message);
}

gboolean
fr_window_open_file (FrWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FrDocument) document = NULL;
  FrModel *model;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  model = load_model (self, file, &error);
  if (model == NULL)
    {
      report_load_error (self, file, error);
      return FALSE;
    }
  document = fr_document_new_for_model (model);
  remember_recent (file);
  if (is_csv (file))
    {
      /* An imported matrix is a new document: saving asks where. */
      set_document (self, document);
      fr_document_set_modified (document, TRUE);
      return TRUE;
    }
  fr_document_set_file (document, file);
  set_document (self, document);
  return TRUE;
}

gboolean
fr_window_open_template (FrWindow *self,
                         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  FrModel *model;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);

  model = load_model (self, file, &error);
  return fr_window_take_template (self, model, error);
}

gboolean
fr_window_take_template (FrWindow     *self,
                         FrModel      *model,
                         const GError *error)
{
  g_autoptr(FrDocument) document = NULL;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (model != NULL || error != NULL, FALSE);

  if (model == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The bundled scenario could not be opened: %s"), error->message);
      show_toast (self, message);
      return FALSE;
    }
  document = fr_document_new_for_model (model);
  set_document (self, document);
  return TRUE;
}

gboolean
fr_window_restore_draft (FrWindow      *self,
                         const FrDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FrDocument) document = NULL;
  FrModel *model;

  g_return_val_if_fail (FR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  model = fr_draft_load (draft, &error);
  if (model == NULL)
    {
      show_error (self, _("Could Not Restore Unsaved Work"), error->message);
      return FALSE;
    }
  document = fr_document_new_for_model (model);
  if (draft->origin_uri != NULL)
    {
      g_autoptr(GFile) origin = g_file_new_for_uri (draft->origin_uri);
      fr_document_set_file (document, origin);
    }
  set_document (self, document);
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft->id);
  fr_document_set_modified (document, TRUE);
  return TRUE;
}

const char *
fr_window_get_draft_id (FrWindow *self)
{
  g_return_val_if_fail (FR_IS_WINDOW (self), NULL);
  return self->draft_id;
}

static gboolean
save_to (FrWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_error (self, _("Could Not Save"), _("Only files on this computer can be written."));
      return FALSE;
    }
  if (!fr_xml_save_file (fr_document_get_model (self->document), path, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      show_error (self, heading, error->message);
      return FALSE;
    }
  fr_document_set_file (self->document, file);
  fr_document_set_modified (self->document, FALSE);
  fr_history_mark_saved (self->history);
  remove_draft (self);
  remember_recent (file);
  fr_weights_panel_take_profile (self->weights_panel);
  show_toast (self, _("Saved"));
  return TRUE;
}

static void
add_filters (GtkFileChooser *chooser,
             gboolean        with_csv)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (documents, _("Frontier Documents"));
  gtk_file_filter_add_mime_type (documents, "application/x-frontier+xml");
  gtk_file_filter_add_suffix (documents, "frontier");
  gtk_file_chooser_add_filter (chooser, documents);
  if (with_csv)
    {
      g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
      gtk_file_filter_set_name (csv, _("Decision Matrices (CSV)"));
      gtk_file_filter_add_mime_type (csv, "text/csv");
      gtk_file_filter_add_suffix (csv, "csv");
      gtk_file_chooser_add_filter (chooser, csv);
    }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, documents);
}

/* Opens @file the way a user expects wherever it came from (the Open
 * dialog, a drop): a KML file becomes a layer of this document; anything
 * else opens in this window when it holds nothing of value, else in a new
 * window, so no unsaved work is ever replaced. */
static void
open_dropped_or_chosen (FrWindow *self,
                        GFile    *file)
{
  gboolean untouched = fr_document_get_file (self->document) == NULL &&
                       !fr_document_get_modified (self->document);

  if (is_kml (file))
    fr_window_import_layer (self, file);
  else if (untouched)
    fr_window_open_file (self, file);
  else
    {
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      g_application_open (app, &file, 1, "");
    }
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FrWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    open_dropped_or_chosen (self, l->data);
  return files != NULL;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  FrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      open_dropped_or_chosen (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     FrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      save_to (self, file);
    }
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = fr_document_dup_title (self->document);
  g_autofree char *suggested = NULL;

  chooser = gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser), FALSE);
  suggested = g_str_has_suffix (name, ".frontier") ? g_strdup (name) : g_strconcat (name, ".frontier", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);
  GFile *file = fr_document_get_file (self->document);

  if (file == NULL)
    save_as_action (widget, "win.save-as", NULL);
  else
    save_to (self, file);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autofree char *label = g_strdup (undo ? fr_history_get_undo_label (self->history)
                                          : fr_history_get_redo_label (self->history));
  g_autofree char *message = NULL;

  if (!(undo ? fr_history_undo (self->history, &error) : fr_history_redo (self->history, &error)))
    {
      if (error != NULL)
        show_error (self, undo ? _("Could Not Undo") : _("Could Not Redo"), error->message);
      return;
    }
  /* Translators: a toast after undo or redo; "%s" names the edit, e.g. "Change Weight" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label ? label : "");
  show_toast (self, message);
}

static void
weights_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FrWindow *self = FR_WINDOW (widget);

  if (g_str_equal (action_name, "win.pairwise-weights"))
    {
      FrStakeholder *stakeholder = selected_stakeholder (self);
      FrAhpDialog *dialog;

      if (stakeholder == NULL)
        return;
      dialog = fr_ahp_dialog_new (GTK_WINDOW (self), self->document, self->history, stakeholder->id, NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_str_equal (action_name, "win.normalise-weights"))
    fr_weights_panel_normalise (self->weights_panel);
  else if (g_str_equal (action_name, "win.reset-weights"))
    fr_weights_panel_reset (self->weights_panel);
  else if (g_str_equal (action_name, "win.set-weight"))
    {
      const char *criterion_id;
      double value;

      g_variant_get (parameter, "(&sd)", &criterion_id, &value);
      if (!fr_weights_panel_set_weight (self->weights_panel, criterion_id, value))
        {
          g_autofree char *message = g_strdup_printf (_("The weight of “%s” cannot move while the others are locked."),
                                                      criterion_id);
          show_toast (self, message);
        }
    }
}

static void
fr_window_actions_update (FrWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && fr_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && fr_history_can_redo (self->history));
}

static void
close_after_save_as_response (GtkNativeDialog *dialog,
                              int              response,
                              FrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (save_to (self, file))
        gtk_window_destroy (GTK_WINDOW (self));
    }
  g_object_unref (dialog);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   FrWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      fr_document_set_modified (self->document, FALSE);
      remove_draft (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      GFile *file = fr_document_get_file (self->document);
      if (file != NULL)
        {
          if (save_to (self, file))
            gtk_window_destroy (GTK_WINDOW (self));
        }
      else
        {
          GtkFileChooserNative *chooser =
            gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
          add_filters (GTK_FILE_CHOOSER (chooser), FALSE);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.frontier"));
          g_signal_connect (chooser, "response", G_CALLBACK (close_after_save_as_response), self);
          gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
        }
    }
}

static gboolean
fr_window_close_request (GtkWindow *window)
{
  FrWindow *self = FR_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->settings != NULL)
    {
      int width, height;
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_set_int (self->settings, "sidebar-width", CLAMP (gtk_paned_get_position (self->paned), 200, 800));
    }

  if (self->document == NULL || !fr_document_get_modified (self->document))
    {
      remove_draft (self);
      return GTK_WINDOW_CLASS (fr_window_parent_class)->close_request (window);
    }

  name = fr_document_dup_title (self->document);
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (window, heading,
                                   _("Unsaved changes are lost when the window closes without saving."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
fr_window_dispose (GObject *object)
{
  FrWindow *self = FR_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  /* A window torn down with unsaved work keeps its draft for next time. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_pointer (&self->draft_id, g_free);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->shortcuts_window);
  g_clear_object (&self->analysis);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ranking_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FR_TYPE_WINDOW);
  /* What was built later went with its place in the template. */
  self->analysis_page = NULL;
  self->options_page = NULL;
  self->sources_list = NULL;
  self->views_list = NULL;
  self->view_title_entry = NULL;

  G_OBJECT_CLASS (fr_window_parent_class)->dispose (object);
}

/* Tooltips of the template's widgets, given in code: GtkBuilder would set
 * them on shown widgets, each costing round trips to the display server
 * (see fr_widget_set_tooltip()). */
static const struct {
  const char *id;
  gboolean has_field;         /* bound to a field of FrWindow already */
  const char *tooltip;
} template_tooltips[] = {
  { "open_button", FALSE, N_("Open a Document") },
  { "save_button", FALSE, N_("Save") },
  { "undo_button", FALSE, N_("Undo") },
  { "redo_button", FALSE, N_("Redo") },
  { "primary_menu_button", TRUE, N_("Main Menu") },
  { "slides_button", TRUE, N_("Saved Views") },
  { "presentation_button", FALSE, N_("Present") },
  { "method_dropdown", TRUE, N_("Decision Method") },
  { "stakeholder_dropdown", TRUE, N_("Stakeholder Whose Weights Are Edited") },
  { "weights_menu_button", TRUE, N_("Weight Options") },
  { "zoom_in_button", FALSE, N_("Zoom In") },
  { "zoom_out_button", FALSE, N_("Zoom Out") },
  { "whole_frontier_button", FALSE, N_("Show the Whole Frontier") },
  { "close_details_button", FALSE, N_("Close Details") },
  { "play_button", TRUE, N_("Play Through Time") },
  { "map_export_button", TRUE, N_("Export the Map or the Timeline") },
  { "layers_button", FALSE, N_("Map Layers") },
  { "projection_dropdown", TRUE, N_("Option Whose Projection the Map Shows After the Ceasefire") },
};

static void
fr_window_class_init (FrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fr_window_dispose;
  window_class->close_request = fr_window_close_request;

  g_type_ensure (FR_TYPE_MAP_VIEW);
  g_type_ensure (FR_TYPE_REPAINT_BIN);
  g_type_ensure (FR_TYPE_WEIGHTS_PANEL);
  g_type_ensure (FR_TYPE_TIMELINE_VIEW);
  /* GtkBuilder finds a type that is not registered yet by looking its
   * get_type function up among the symbols of every loaded library, which
   * takes longer than registering the template's types first. */
  g_type_ensure (GTK_TYPE_BOX);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_DROP_DOWN);
  g_type_ensure (GTK_TYPE_LABEL);
  g_type_ensure (GTK_TYPE_LIST_BOX);
  g_type_ensure (GTK_TYPE_MENU_BUTTON);
  g_type_ensure (GTK_TYPE_OVERLAY);
  g_type_ensure (GTK_TYPE_PANED);
  g_type_ensure (GTK_TYPE_POPOVER);
  g_type_ensure (GTK_TYPE_REVEALER);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_SEPARATOR);
  g_type_ensure (GTK_TYPE_STRING_LIST);
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);
  g_type_ensure (FR_TYPE_CHOICE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/frontierdesk/Frontier/fr-window.ui");
  for (guint i = 0; i < G_N_ELEMENTS (template_tooltips); i++)
    if (!template_tooltips[i].has_field)
      gtk_widget_class_bind_template_child_full (widget_class, template_tooltips[i].id, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, stakeholder_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, stakeholder_names);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, weights_panel);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, ranking_list);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, analysis_bin);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, options_bin);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, sources_bin);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, details_title);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, details_subtitle);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, details_body);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, details_events);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, date_label);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, frontier_label);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, projection_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, layers_list);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, slides_button);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, projection_names);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, weights_menu_button);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, map_export_button);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, weights_menu);
  gtk_widget_class_bind_template_child (widget_class, FrWindow, map_export_menu);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.import-layer", NULL, layer_action);
  gtk_widget_class_install_action (widget_class, "win.export-map", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, deck_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, deck_action);
  gtk_widget_class_install_action (widget_class, "win.presentation", NULL, view_action);
  gtk_widget_class_install_action (widget_class, "win.present-view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.update-view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.delete-view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.move-view-up", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.move-view-down", "s", view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-timeline", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "win.remove-layer", "s", layer_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.reset", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.close-details", NULL, map_action);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.normalise-weights", NULL, weights_action);
  gtk_widget_class_install_action (widget_class, "win.pairwise-weights", NULL, weights_action);
  gtk_widget_class_install_action (widget_class, "win.reset-weights", NULL, weights_action);
  gtk_widget_class_install_action (widget_class, "win.set-weight", "(sd)", weights_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "analysis");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "options");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "sources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
fr_window_init (FrWindow *self)
{
  g_autoptr(FrDocument) document = fr_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (template_tooltips); i++)
    fr_widget_set_tooltip (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), FR_TYPE_WINDOW,
                                                                      template_tooltips[i].id)),
                           _(template_tooltips[i].tooltip));

  self->ranking_rows = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->stakeholder_dropdown, "notify::selected",
                           G_CALLBACK (on_stakeholder_selected), self, G_CONNECT_SWAPPED);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  g_signal_connect_object (self->method_dropdown, "notify::selected",
                           G_CALLBACK (on_method_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page_changed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->timeline_view, "day", self->map_view, "day", G_BINDING_SYNC_CREATE);
  /* For the benchmark program, which drives the scrubber as a user would. */
  g_object_set_data (G_OBJECT (self), "fr-timeline-view", self->timeline_view);
  g_object_bind_property (self->play_button, "active", self->timeline_view, "playing",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->map_view, "notify::day", G_CALLBACK (update_date_labels), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_view, "map-ready", G_CALLBACK (update_date_labels), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_view, "notify::selected-region", G_CALLBACK (on_region_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_view, "notify::playing", G_CALLBACK (on_playing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_view, "event-activated", G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->projection_dropdown, "notify::selected", G_CALLBACK (on_projection_selected), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->slides_button, create_views_popup, self, NULL);
  set_menu_on_first_use (self->primary_menu_button, self->primary_menu);
  set_menu_on_first_use (self->weights_menu_button, self->weights_menu);
  set_menu_on_first_use (self->map_export_button, self->map_export_menu);
  g_signal_connect_object (self->details_revealer, "notify::child-revealed",
                           G_CALLBACK (on_details_child_revealed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_events, "row-activated", G_CALLBACK (on_details_event_activated), self, 0);
  set_document (self, document);
}

static void
on_smaa_samples_changed (FrWindow *self)
{
  if (self->analysis_page != NULL)
    fr_analysis_page_set_smaa_samples (self->analysis_page, g_settings_get_uint (self->settings, "smaa-samples"));
}

FrWindow *
fr_window_new (FrApplication *application)
{
  FrWindow *self = g_object_new (FR_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = fr_application_get_settings (application);

  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (settings, "sidebar-width"));
  fr_choice_button_set_selected (self->method_dropdown, (guint) g_settings_get_enum (settings, "default-method"));
  g_signal_connect_object (settings, "changed::smaa-samples", G_CALLBACK (on_smaa_samples_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}
