/* fr-cli-validate.c — `frontier-cli validate` and `frontier-cli info`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fr-cli.h"
#include "fr-xml.h"

int
fr_cli_validate (int    argc,
                 char **argv)
{
  g_auto(GStrv) documents = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all_valid = TRUE;

  context = g_option_context_new (_("FILE… — check .frontier documents"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads each document as Frontier opens it and prints “FILE: valid” or “FILE: ” "
      "followed by the first problem found, with its line where there is one."));
  g_option_context_set_description (context,
    _("Exit status is 0 when every file is valid, 1 when any is not and 2 on a usage "
      "error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error (argv[0], "%s", error->message);
  if (documents == NULL || documents[0] == NULL)
    return fr_cli_usage_error (argv[0], "%s", _("name at least one document to validate"));

  for (guint i = 0; documents[i] != NULL; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(FrModel) model = fr_xml_load_file (documents[i], &load_error);
      g_autofree char *shown = g_filename_display_name (documents[i]);

      if (model != NULL)
        printf ("%s: valid\n", shown);
      else
        {
          printf ("%s: %s\n", shown, load_error->message);
          all_valid = FALSE;
        }
    }
  fflush (stdout);
  return all_valid ? 0 : 1;
}

int
fr_cli_info (int    argc,
             char **argv)
{
  g_auto(GStrv) documents = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autofree char *shown = NULL;

  context = g_option_context_new (_("FILE — what a .frontier document holds"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Prints one “KIND<TAB>COUNT” line for each of options, criteria, elements, "
      "stakeholders, events, views, sources and layers. Criteria counts leaf criteria "
      "only: the groups that organise them are not counted."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error (argv[0], "%s", error->message);
  if (documents == NULL || documents[0] == NULL || documents[1] != NULL)
    return fr_cli_usage_error (argv[0], "%s", _("name exactly one document"));

  shown = g_filename_display_name (documents[0]);
  model = fr_xml_load_file (documents[0], &error);
  if (model == NULL)
    return fr_cli_fail ("%s: %s", shown, error->message);

  leaves = fr_model_leaf_criteria (model);
  /* The kind names are a machine-readable interface: not translated. */
  printf ("options\t%u\n", model->options->len);
  printf ("criteria\t%u\n", leaves->len);
  printf ("elements\t%u\n", model->elements->len);
  printf ("stakeholders\t%u\n", model->stakeholders->len);
  printf ("events\t%u\n", model->events->len);
  printf ("views\t%u\n", model->views->len);
  printf ("sources\t%u\n", model->sources->len);
  printf ("layers\t%u\n", model->layers->len);
  return 0;
}
