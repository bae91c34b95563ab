/* fr-cli-agreement.c — `frontier-cli agreement`: what every party accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-stakeholders.h"

static const char *
yes_no (gboolean value)
{
  return value ? "yes" : "no";
}

static void
write_tsv (const FrModel     *model,
           const FrMatrix    *matrix,
           const FrAgreement *a,
           GString           *out)
{
  g_string_append (out, "option");
  for (guint s = 0; s < a->n_stakeholders; s++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);
      g_autofree char *id = fr_cli_tsv_field (stakeholder->id);
      g_string_append_printf (out, "\t%s", id);
    }
  g_string_append (out, "\tzopa\tpareto\tnash\n");
  for (guint o = 0; o < a->n_options; o++)
    {
      g_autofree char *id = fr_cli_tsv_field (matrix->option_ids[o]);

      g_string_append (out, id);
      for (guint s = 0; s < a->n_stakeholders; s++)
        {
          g_autofree char *u = fr_cli_format_number (a->utility[(gsize) s * a->n_options + o]);
          g_string_append_printf (out, "\t%s", u);
        }
      g_string_append_printf (out, "\t%s\t%s\t%s\n", yes_no (a->in_zopa[o]), yes_no (a->pareto[o]),
                              yes_no (a->nash == (int) o));
    }
}

static void
write_json (const FrModel     *model,
            const FrMatrix    *matrix,
            const FrAgreement *a,
            GString           *out)
{
  g_autoptr(FrJson) json = fr_json_new ();

  fr_json_begin_object (json, NULL);
  fr_json_begin_array (json, "stakeholders");
  for (guint s = 0; s < a->n_stakeholders; s++)
    {
      const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);

      fr_json_begin_object (json, NULL);
      fr_json_string (json, "id", stakeholder->id);
      fr_json_string (json, "name", stakeholder->name);
      fr_json_number (json, "reservation", a->reservation[s]);
      fr_json_end_object (json);
    }
  fr_json_end_array (json);
  fr_json_begin_array (json, "options");
  for (guint o = 0; o < a->n_options; o++)
    {
      fr_json_begin_object (json, NULL);
      fr_json_string (json, "id", matrix->option_ids[o]);
      fr_json_string (json, "name", matrix->option_names[o]);
      fr_json_begin_object (json, "utility");
      for (guint s = 0; s < a->n_stakeholders; s++)
        {
          const FrStakeholder *stakeholder = g_ptr_array_index (model->stakeholders, s);
          fr_json_number (json, stakeholder->id, a->utility[(gsize) s * a->n_options + o]);
        }
      fr_json_end_object (json);
      fr_json_bool (json, "zopa", a->in_zopa[o]);
      fr_json_bool (json, "pareto", a->pareto[o]);
      fr_json_end_object (json);
    }
  fr_json_end_array (json);
  fr_json_begin_array (json, "zopa");
  for (guint o = 0; o < a->n_options; o++)
    if (a->in_zopa[o])
      fr_json_string (json, NULL, matrix->option_ids[o]);
  fr_json_end_array (json);
  fr_json_begin_array (json, "pareto");
  for (guint o = 0; o < a->n_options; o++)
    if (a->pareto[o])
      fr_json_string (json, NULL, matrix->option_ids[o]);
  fr_json_end_array (json);
  fr_json_string (json, "nash", a->nash >= 0 ? matrix->option_ids[a->nash] : NULL);
  if (a->nash >= 0)
    fr_json_number (json, "nash_product", a->nash_product);
  else
    fr_json_string (json, "note", _("No option meets every stakeholder’s reservation level: there is no zone of possible agreement and no Nash bargaining choice."));
  fr_json_end_object (json);
  g_string_append (out, fr_json_text (json));
}

int
fr_cli_agreement (int    argc,
                  char **argv)
{
  g_auto(GStrv) documents = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, N_("DOCUMENT.frontier") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrModel) model = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autoptr(FrAgreement) agreement = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  context = g_option_context_new (_("DOCUMENT.frontier — where the stakeholders can agree"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Scores every option with each stakeholder’s weights (weighted sum) and marks\n"
      "the zone of possible agreement (options every stakeholder rates at or above\n"
      "its reservation level), the Pareto front, and the Nash bargaining choice (the\n"
      "agreeable option maximising the product of gains over reservation levels).\n"
      "Prints “option”, one utility per stakeholder, “zopa”, “pareto” and “nash”\n"
      "separated by tabs."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("agreement", "%s", error->message);
  if (documents == NULL || g_strv_length (documents) != 1)
    return fr_cli_usage_error ("agreement", _("give one document"));

  model = fr_cli_load_model (documents[0], &error);
  if (model == NULL)
    return fr_cli_fail ("%s", error->message);
  if (model->stakeholders->len == 0)
    return fr_cli_fail (_("%s: the document has no stakeholders"), documents[0]);
  matrix = fr_matrix_new_from_model (model, &error);
  if (matrix == NULL)
    return fr_cli_fail ("%s: %s", documents[0], error->message);
  if (matrix->n_options == 0)
    return fr_cli_fail (_("%s: the document has no options"), documents[0]);

  agreement = fr_agreement_new_from_model (model, matrix);
  if (agreement->nash < 0 && !json)
    fprintf (stderr, "%s\n", _("No option meets every stakeholder’s reservation level: there is no zone of possible agreement and no Nash bargaining choice."));
  if (json)
    write_json (model, matrix, agreement, out);
  else
    write_tsv (model, matrix, agreement, out);
  fputs (out->str, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("could not write the result"));
}
