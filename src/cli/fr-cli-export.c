/* fr-cli-export.c — `frontier-cli export`: saved views as slides, or the deck
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-deck.h"
#include "fr-export.h"
#include "fr-slide.h"
#include "fr-theme.h"


typedef struct {
  FrSlideContext *context;
  const FrView *view;
  const FrTheme *theme;
} Drawing;

static void
draw_slide (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  Drawing *drawing = user_data;

  fr_slide_render (cr, drawing->context, drawing->view, width, height, drawing->theme);
}

/* A view by its id, or else by its title in any case. */
static const FrView *
find_view (const FrModel *model,
           const char    *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < model->views->len; i++)
    {
      const FrView *view = g_ptr_array_index (model->views, i);
      if (g_strcmp0 (view->id, name) == 0)
        return view;
    }
  for (guint i = 0; i < model->views->len; i++)
    {
      const FrView *view = g_ptr_array_index (model->views, i);
      g_autofree char *title = view->title != NULL ? g_utf8_casefold (view->title, -1) : NULL;
      if (title != NULL && g_str_equal (title, folded))
        return view;
    }
  return NULL;
}

static char *
list_views (const FrModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < model->views->len; i++)
    {
      const FrView *view = g_ptr_array_index (model->views, i);
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", view->id);
    }
  return g_string_free (text, FALSE);
}

/* "deck.png", 3 → "deck-03.png". */
static char *
numbered_path (const char *path,
               guint       number)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  g_autofree char *stem = NULL;

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%02u", path, number);
  stem = g_strndup (path, (gsize) (dot - path));
  return g_strdup_printf ("%s-%02u%s", stem, number, dot);
}

/* Every view to its own file. All pictures are drawn first and then
 * written; when a write fails the files already written are removed, so
 * a failed export leaves nothing behind. */
static int
export_each_view (FrSlideContext  *context,
                  const FrModel   *model,
                  const char      *output,
                  FrExportFormat   format,
                  int              width,
                  int              height,
                  const FrTheme   *theme)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (model->views->len == 0)
    return fr_cli_fail (_("the document has no saved views"));
  for (guint i = 0; i < model->views->len; i++)
    {
      Drawing drawing = { context, g_ptr_array_index (model->views, i), theme };
      GBytes *bytes;

      fr_slide_context_set_page (context, i + 1, model->views->len);
      bytes = fr_export_to_bytes (format, width, height, 1.0, draw_slide, &drawing, &error);
      if (bytes == NULL)
        return fr_cli_fail ("%s", error->message);
      g_ptr_array_add (pictures, bytes);
    }
  for (guint i = 0; i < pictures->len; i++)
    {
      g_autofree char *path = numbered_path (output, i + 1);
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (g_ptr_array_index (pictures, i), &size);

      if (!g_file_set_contents (path, data, (gssize) size, &error))
        {
          for (guint k = 0; k < written->len; k++)
            g_unlink (g_ptr_array_index (written, k));
          return fr_cli_fail (_("could not write “%s”: %s"), path, error->message);
        }
      g_ptr_array_add (written, g_steal_pointer (&path));
    }
  for (guint i = 0; i < written->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (written, i));
  return 0;
}

int
fr_cli_export (int    argc,
               char **argv)
{
  g_autofree char *view_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *theme_text = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "view", 'v', 0, G_OPTION_ARG_STRING, &view_name,
      N_("The saved view to draw, by id or by title (any case)"), N_("NAME") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Every view: to .pdf the whole deck (title page, one page per view, appendix); "
         "to .png or .svg one file per view, FILE-01.png, FILE-02.png…"), NULL },
    { "output", 'O', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write here; .pdf, .png or .svg"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text,
      N_("Page size in pixels (PNG) or points (SVG, PDF); default 1920x1080, for PDF A4 landscape (842x595)"),
      N_("WxH") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme_text,
      N_("presentation (default), presentation-dark, light, dark or high-contrast"), N_("THEME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, N_("DOCUMENT.frontier") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrSlideContext) slides = NULL;
  const FrTheme *theme = fr_theme_get (FR_THEME_PRESENTATION_LIGHT);
  const FrView *view = NULL;
  FrExportFormat format;
  int width = 1920, height = 1080;

  context = g_option_context_new (_("(--view NAME | --all) --output FILE — export slides or the deck"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Draws the document’s saved views as slides, with no display.\n"
      "\n"
      "--all --output FILE.pdf writes the whole deck as one vector PDF: a title\n"
      "page, one page per view and an appendix with every score, its rationale\n"
      "and source, every stakeholder’s weights and the methods’ settings.\n"
      "--all --output FILE.png (or .svg) writes one file per view, numbered in\n"
      "the views’ order: FILE-01.png, FILE-02.png…\n"
      "--view NAME draws one view to the file named, a one-page PDF for .pdf."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("export", "%s", error->message);

  if (documents == NULL || g_strv_length (documents) != 1)
    return fr_cli_usage_error ("export", _("give exactly one document"));
  if ((view_name != NULL) == all)
    return fr_cli_usage_error ("export", _("give either --view NAME or --all"));
  if (output == NULL)
    return fr_cli_usage_error ("export", _("--output is required"));
  if (!fr_export_format_for_path (output, &format))
    return fr_cli_usage_error ("export", _("cannot tell the format of “%s”: use .pdf, .png or .svg"), output);
  if (format == FR_EXPORT_PDF)
    {
      width = (int) (FR_DECK_A4_WIDTH + 0.5);
      height = (int) (FR_DECK_A4_HEIGHT + 0.5);
    }
  if (size_text != NULL && !fr_cli_parse_size (size_text, &width, &height))
    return fr_cli_usage_error ("export", _("“%s” is not a size such as 1920x1080 (each side 16 to %d)"),
                               size_text, FR_CLI_MAX_SIDE);
  if (theme_text != NULL && !fr_cli_parse_theme (theme_text, &theme))
    return fr_cli_usage_error ("export", _("unknown theme “%s”; use presentation, presentation-dark, light, dark or high-contrast"),
                               theme_text);

  /* Fail before drawing a whole deck that could not be written anyway. */
  {
    g_autofree char *folder = g_path_get_dirname (output);
    if (!g_file_test (folder, G_FILE_TEST_IS_DIR) || g_access (folder, W_OK) != 0)
      return fr_cli_fail (_("could not write “%s”: the folder “%s” does not exist or cannot be written to"),
                          output, folder);
  }

  model = fr_cli_load_model (documents[0], &error);
  if (model == NULL)
    return fr_cli_fail ("%s", error->message);
  if (view_name != NULL)
    {
      view = find_view (model, view_name);
      if (view == NULL)
        {
          g_autofree char *names = list_views (model);
          if (model->views->len == 0)
            return fr_cli_fail (_("%s: no view “%s”: the document has no saved views"), documents[0], view_name);
          return fr_cli_fail (_("%s: no view “%s”; the views are: %s"), documents[0], view_name, names);
        }
    }

  if (all && format == FR_EXPORT_PDF)
    {
      g_autoptr(FrDeck) deck = NULL;
      double page_width = size_text != NULL ? width : FR_DECK_A4_WIDTH;
      double page_height = size_text != NULL ? height : FR_DECK_A4_HEIGHT;

      deck = fr_deck_new (model, NULL, page_width, page_height);
      if (!fr_deck_export_pdf_with_theme (deck, output, theme, &error))
        return fr_cli_fail ("%s", error->message);
      printf ("%s\n", output);
      return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
    }

  slides = fr_slide_context_new (model, NULL);
  if (all)
    {
      int status = export_each_view (slides, model, output, format, width, height, theme);
      if (status != 0)
        return status;
    }
  else
    {
      Drawing drawing = { slides, view, theme };
      double w = width, h = height;

      if (format == FR_EXPORT_PDF && size_text == NULL)
        {
          w = FR_DECK_A4_WIDTH;
          h = FR_DECK_A4_HEIGHT;
        }
      if (!fr_export_to_file (output, w, h, 1.0, draw_slide, &drawing, &error))
        return fr_cli_fail ("%s", error->message);
      printf ("%s\n", output);
    }
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}
