/* fr-cli-map.c — `frontier-cli map`: the frontier map at a date, to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "fr-basemap.h"
#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-export.h"
#include "fr-kml.h"
#include "fr-map-render.h"
#include "fr-theme.h"
#include "fr-timeline.h"


typedef struct {
  FrMapScene *scene;
  const FrTheme *theme;
} Drawing;

static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  Drawing *drawing = user_data;

  fr_map_render (cr, drawing->scene, width, height, drawing->theme);
}

int
fr_cli_map (int    argc,
            char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *option_id = NULL;
  g_autofree char *output = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *theme_text = NULL;
  g_autofree char *detail_text = NULL;
  g_auto(GStrv) layer_files = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean no_legend = FALSE;
  const GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day the map shows (default: today)"), N_("YYYY-MM-DD") },
    { "option", 'o', 0, G_OPTION_ARG_STRING, &option_id,
      N_("After the ceasefire, show this option’s projection"), N_("ID") },
    { "layer", 'l', 0, G_OPTION_ARG_FILENAME_ARRAY, &layer_files,
      N_("Draw a KML layer on top (may be repeated)"), N_("FILE.kml") },
    { "output", 'O', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the map here; .png, .svg or .pdf"), N_("FILE") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size_text,
      N_("Picture size in pixels (PNG) or points (SVG, PDF); default 1600x1000"), N_("WxH") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme_text,
      N_("light (default), dark or high-contrast"), N_("THEME") },
    { "detail", 0, 0, G_OPTION_ARG_STRING, &detail_text,
      N_("Basemap detail: 10m (default) or 50m"), N_("DETAIL") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend,
      N_("Leave out the legend, the scale bar and the frontier badge"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrTimeline) timeline = NULL;
  g_autoptr(FrTimelineState) state = NULL;
  g_autoptr(FrBasemap) basemap = NULL;
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func ((GDestroyNotify) fr_kml_document_free);
  FrBasemapDetail detail = FR_BASEMAP_DETAIL_10M;
  const FrTheme *theme = fr_theme_get (FR_THEME_LIGHT);
  FrExportFormat format;
  FrMapScene scene;
  Drawing drawing;
  int width = 1600, height = 1000;
  gint32 day;

  context = g_option_context_new (_("DOCUMENT.frontier --output FILE — draw the frontier map"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Draws the map of the frontier states at a date: regions coloured by\n"
      "alignment, the NATO–Russia land frontier and its length, the document’s\n"
      "visible layers and any --layer files, to PNG, SVG or PDF."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("map", "%s", error->message);

  if (documents == NULL || g_strv_length (documents) != 1)
    return fr_cli_usage_error ("map", _("give exactly one document"));
  if (output == NULL)
    return fr_cli_usage_error ("map", _("--output is required"));
  if (!fr_export_format_for_path (output, &format))
    return fr_cli_usage_error ("map", _("cannot tell the format of “%s”: use .png, .svg or .pdf"), output);
  if (!fr_cli_parse_day (date_text, &day))
    return fr_cli_usage_error ("map", _("“%s” is not a date of the form YYYY-MM-DD"), date_text);
  if (size_text != NULL && !fr_cli_parse_size (size_text, &width, &height))
    return fr_cli_usage_error ("map", _("“%s” is not a size such as 1600x1000 (each side 16 to %d)"),
                               size_text, FR_CLI_MAX_SIDE);
  if (theme_text != NULL && !fr_cli_parse_theme (theme_text, &theme))
    return fr_cli_usage_error ("map", _("unknown theme “%s”; use light, dark, high-contrast, presentation or presentation-dark"),
                               theme_text);
  if (detail_text != NULL)
    {
      if (g_str_equal (detail_text, "10m"))
        detail = FR_BASEMAP_DETAIL_10M;
      else if (g_str_equal (detail_text, "50m"))
        detail = FR_BASEMAP_DETAIL_50M;
      else
        return fr_cli_usage_error ("map", _("unknown detail “%s”; use 10m or 50m"), detail_text);
    }

  state = fr_cli_timeline_state (documents[0], option_id, day, &model, &timeline);
  if (state == NULL)
    return 1;

  for (guint i = 0; model->layers != NULL && i < model->layers->len; i++)
    {
      FrLayer *layer = g_ptr_array_index (model->layers, i);
      FrKmlDocument *kml;

      if (!layer->visible || layer->kml == NULL)
        continue;
      kml = fr_kml_parse (layer->kml, strlen (layer->kml), layer->id, &error);
      if (kml == NULL)
        return fr_cli_fail (_("%s: layer “%s”: %s"), documents[0], layer->id, error->message);
      g_ptr_array_add (layers, kml);
    }
  for (guint i = 0; layer_files != NULL && layer_files[i] != NULL; i++)
    {
      FrKmlDocument *kml = fr_kml_load_file (layer_files[i], &error);
      if (kml == NULL)
        return fr_cli_fail ("%s", error->message);
      g_ptr_array_add (layers, kml);
    }

  basemap = fr_basemap_load_default (detail, &error);
  if (basemap == NULL)
    return fr_cli_fail (_("cannot load the basemap: %s"), error->message);

  fr_map_scene_init (&scene, basemap, state);
  scene.layers = layers;
  scene.show_legend = scene.show_scale_bar = scene.show_frontier_badge = !no_legend;
  drawing.scene = &scene;
  drawing.theme = theme;
  if (!fr_export_to_file (output, width, height, 1.0, draw_map, &drawing, &error))
    return fr_cli_fail ("%s", error->message);
  return 0;
}
