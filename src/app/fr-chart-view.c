/* fr-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier"

#include "config.h"

#include <adwaita.h>

#include "fr-chart-view.h"
#include "fr-style.h"
#include "fr-profile-chart.h"
#include "fr-ranking-chart.h"
#include "fr-sensitivity-chart.h"
#include "fr-smaa-chart.h"
#include "fr-stakeholder-chart.h"

struct _FrChartView
{
  GtkWidget parent_instance;

  FrChartKind kind;
  gpointer data;
  FrChartTooltipFunc tooltip_func;
  gpointer tooltip_data;
};

G_DEFINE_FINAL_TYPE (FrChartView, fr_chart_view, GTK_TYPE_WIDGET)

static void
free_data (FrChartKind kind,
           gpointer    data)
{
  if (data == NULL)
    return;
  switch (kind)
    {
    case FR_CHART_RANKING: fr_ranking_chart_data_free (data); break;
    case FR_CHART_PROFILE: fr_profile_chart_data_free (data); break;
    case FR_CHART_SENSITIVITY: fr_sensitivity_chart_data_free (data); break;
    case FR_CHART_SMAA: fr_smaa_chart_data_free (data); break;
    case FR_CHART_STAKEHOLDERS: fr_stakeholder_chart_data_free (data); break;
    case FR_CHART_SCATTER: fr_scatter_chart_data_free (data); break;
    case FR_CHART_NONE:
    default:
      break;
    }
}

void
fr_chart_view_draw (FrChartView   *self,
                    cairo_t       *cr,
                    double         width,
                    double         height,
                    const FrTheme *theme)
{
  g_return_if_fail (FR_IS_CHART_VIEW (self));

  if (self->data == NULL)
    {
      fr_color_set_source (cr, theme->background);
      cairo_paint (cr);
      return;
    }
  switch (self->kind)
    {
    case FR_CHART_RANKING: fr_ranking_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_PROFILE: fr_profile_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_SENSITIVITY: fr_sensitivity_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_SMAA: fr_smaa_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_STAKEHOLDERS: fr_stakeholder_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_SCATTER: fr_scatter_chart_render (cr, self->data, width, height, theme); break;
    case FR_CHART_NONE:
    default:
      break;
    }
}

static gboolean
hit_test (FrChartView *self,
          double       x,
          double       y,
          FrChartHit  *hit)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const FrTheme *theme = fr_style_current_theme ();

  if (self->data == NULL)
    return FALSE;
  switch (self->kind)
    {
    case FR_CHART_RANKING: return fr_ranking_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_PROFILE: return fr_profile_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_SENSITIVITY: return fr_sensitivity_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_SMAA: return fr_smaa_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_STAKEHOLDERS: return fr_stakeholder_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_SCATTER: return fr_scatter_chart_hit_test (self->data, width, height, theme, x, y, hit);
    case FR_CHART_NONE:
    default:
      return FALSE;
    }
}

char *
fr_chart_view_dup_description (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), NULL);

  if (self->data == NULL)
    return g_strdup ("");
  switch (self->kind)
    {
    case FR_CHART_RANKING: return fr_ranking_chart_describe (self->data);
    case FR_CHART_PROFILE: return fr_profile_chart_describe (self->data);
    case FR_CHART_SENSITIVITY: return fr_sensitivity_chart_describe (self->data);
    case FR_CHART_SMAA: return fr_smaa_chart_describe (self->data);
    case FR_CHART_STAKEHOLDERS: return fr_stakeholder_chart_describe (self->data);
    case FR_CHART_SCATTER: return fr_scatter_chart_describe (self->data);
    case FR_CHART_NONE:
    default:
      return g_strdup ("");
    }
}

static void
fr_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FrChartView *self = FR_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fr_chart_view_draw (self, cr, width, height, fr_style_current_theme ());
  cairo_destroy (cr);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FrChartView *self = FR_CHART_VIEW (widget);
  FrChartHit hit;
  g_autofree char *text = NULL;

  if (self->tooltip_func == NULL)
    return FALSE;
  fr_chart_hit_clear (&hit);
  if (keyboard || !hit_test (self, x, y, &hit))
    return FALSE;
  text = self->tooltip_func (self, &hit, self->tooltip_data);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_style_changed (FrChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fr_chart_view_finalize (GObject *object)
{
  FrChartView *self = FR_CHART_VIEW (object);

  free_data (self->kind, self->data);

  G_OBJECT_CLASS (fr_chart_view_parent_class)->finalize (object);
}

static void
fr_chart_view_class_init (FrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fr_chart_view_finalize;
  widget_class->snapshot = fr_chart_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "frchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fr_chart_view_init (FrChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, 200);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fr_chart_view_new (void)
{
  return g_object_new (FR_TYPE_CHART_VIEW, NULL);
}

void
fr_chart_view_set_chart (FrChartView *self,
                         FrChartKind  kind,
                         gpointer     data)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FR_IS_CHART_VIEW (self));

  free_data (self->kind, self->data);
  self->kind = kind;
  self->data = data;
  description = fr_chart_view_dup_description (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

FrChartKind
fr_chart_view_get_kind (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), FR_CHART_NONE);
  return self->kind;
}

gconstpointer
fr_chart_view_get_data (FrChartView *self)
{
  g_return_val_if_fail (FR_IS_CHART_VIEW (self), NULL);
  return self->data;
}

void
fr_chart_view_set_tooltip_func (FrChartView        *self,
                                FrChartTooltipFunc  func,
                                gpointer            user_data)
{
  g_return_if_fail (FR_IS_CHART_VIEW (self));
  self->tooltip_func = func;
  self->tooltip_data = user_data;
}
