/* fr-cli-rank.c — `frontier-cli rank`: one ranking by one method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "frontier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "fr-cli.h"
#include "fr-cli-common.h"
#include "fr-promethee.h"
#include "fr-topsis.h"
#include "fr-wsm.h"

typedef enum {
  METHOD_WSM,
  METHOD_TOPSIS,
  METHOD_PROMETHEE,
} Method;

static const char *method_names[] = { "wsm", "topsis", "promethee" };

typedef struct {
  Method method;
  FrTopsisNormalization normalization;
  const char *stakeholder;
  const FrMatrix *matrix;
  const double *weights;
  double *scores;
  double *contributions;   /* WSM */
  double *distance_best;   /* TOPSIS */
  double *distance_worst;
  double *positive;        /* PROMETHEE */
  double *negative;
  guint *order;
} Ranking;

static void
write_tsv (const Ranking *r,
           GString       *out)
{
  g_string_append (out, "rank\toption\tscore\n");
  for (guint k = 0; k < r->matrix->n_options; k++)
    {
      guint o = r->order[k];
      g_autofree char *option = fr_cli_tsv_field (r->matrix->option_ids[o]);
      g_autofree char *score = fr_cli_format_number (r->scores[o]);
      g_string_append_printf (out, "%u\t%s\t%s\n", k + 1, option, score);
    }
}

static void
write_preference (FrJson             *json,
                  const FrPreference *f)
{
  fr_json_begin_object (json, "preference");
  fr_json_string (json, "function", fr_preference_kind_to_string (f->kind));
  if (f->kind == FR_PREF_USHAPE || f->kind == FR_PREF_LEVEL || f->kind == FR_PREF_LINEAR)
    fr_json_number (json, "q", f->q);
  if (f->kind == FR_PREF_VSHAPE || f->kind == FR_PREF_LEVEL || f->kind == FR_PREF_LINEAR)
    fr_json_number (json, "p", f->p);
  if (f->kind == FR_PREF_GAUSSIAN)
    fr_json_number (json, "s", f->s);
  fr_json_end_object (json);
}

static void
write_json (const Ranking *r,
            GString       *out)
{
  g_autoptr(FrJson) json = fr_json_new ();
  const FrMatrix *m = r->matrix;

  fr_json_begin_object (json, NULL);
  fr_json_string (json, "method", method_names[r->method]);
  if (r->method == METHOD_TOPSIS)
    fr_json_string (json, "normalization", r->normalization == FR_TOPSIS_MINMAX ? "minmax" : "vector");
  fr_json_string (json, "stakeholder", r->stakeholder);

  fr_json_begin_array (json, "criteria");
  for (guint c = 0; c < m->n_criteria; c++)
    {
      fr_json_begin_object (json, NULL);
      fr_json_string (json, "id", m->criteria[c].id);
      fr_json_string (json, "name", m->criteria[c].name);
      fr_json_string (json, "direction", m->criteria[c].direction == FR_DIRECTION_COST ? "min" : "max");
      fr_json_number (json, "weight", r->weights[c]);
      if (r->method == METHOD_PROMETHEE)
        write_preference (json, &m->criteria[c].preference);
      fr_json_end_object (json);
    }
  fr_json_end_array (json);

  fr_json_begin_array (json, "ranking");
  for (guint k = 0; k < m->n_options; k++)
    {
      guint o = r->order[k];
      fr_json_begin_object (json, NULL);
      fr_json_int (json, "rank", k + 1);
      fr_json_string (json, "option", m->option_ids[o]);
      fr_json_string (json, "name", m->option_names[o]);
      fr_json_number (json, "score", r->scores[o]);
      switch (r->method)
        {
        case METHOD_WSM:
          fr_json_begin_object (json, "contributions");
          for (guint c = 0; c < m->n_criteria; c++)
            fr_json_number (json, m->criteria[c].id, r->contributions[(gsize) o * m->n_criteria + c]);
          fr_json_end_object (json);
          break;
        case METHOD_TOPSIS:
          fr_json_number (json, "distance_best", r->distance_best[o]);
          fr_json_number (json, "distance_worst", r->distance_worst[o]);
          break;
        case METHOD_PROMETHEE:
        default:
          fr_json_number (json, "positive_flow", r->positive[o]);
          fr_json_number (json, "negative_flow", r->negative[o]);
          fr_json_number (json, "net_flow", r->scores[o]);
          break;
        }
      fr_json_end_object (json);
    }
  fr_json_end_array (json);

  if (r->method == METHOD_PROMETHEE)
    {
      /* PROMETHEE I: every pair once, in ranking order, written so that
       * "a" is the one that outranks when one does. */
      fr_json_begin_array (json, "relations");
      for (guint k = 0; k < m->n_options; k++)
        for (guint l = k + 1; l < m->n_options; l++)
          {
            guint a = r->order[k], b = r->order[l];
            FrPrometheeRelation relation = fr_promethee_relation (r->positive, r->negative, a, b, 1e-12);
            if (relation == FR_PROMETHEE_DOMINATED)
              {
                guint t = a;
                a = b;
                b = t;
                relation = FR_PROMETHEE_PREFERRED;
              }
            fr_json_begin_object (json, NULL);
            fr_json_string (json, "a", m->option_ids[a]);
            fr_json_string (json, "b", m->option_ids[b]);
            fr_json_string (json, "relation", fr_promethee_relation_to_string (relation));
            fr_json_end_object (json);
          }
      fr_json_end_array (json);
    }
  fr_json_end_object (json);
  g_string_append (out, fr_json_text (json));
}

int
fr_cli_rank (int    argc,
             char **argv)
{
  g_autofree char *method_text = NULL;
  g_autofree char *normalization_text = NULL;
  g_autofree char *stakeholder = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *weights_text = NULL;
  g_autofree char *directions_text = NULL;
  g_autofree char *preference_text = NULL;
  g_auto(GStrv) documents = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method_text,
      N_("wsm (weighted sum, the default), topsis or promethee (PROMETHEE II)"), N_("METHOD") },
    { "normalization", 0, 0, G_OPTION_ARG_STRING, &normalization_text,
      N_("TOPSIS normalisation: vector (default) or minmax"), N_("KIND") },
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder,
      N_("Use this stakeholder’s weights (default: equal weights)"), N_("ID") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Read the decision matrix from CSV instead of a document"), N_("MATRIX.csv") },
    { "weights", 'w', 0, G_OPTION_ARG_STRING, &weights_text,
      N_("With --csv: one weight per criterion, normalised to sum to one"), N_("W1,W2,…") },
    { "directions", 'd', 0, G_OPTION_ARG_STRING, &directions_text,
      N_("With --csv: max or min per criterion"), N_("max,min,…") },
    { "preference", 'p', 0, G_OPTION_ARG_STRING, &preference_text,
      N_("With --csv and promethee: usual, ushape:q, vshape:p, level:q:p, linear:q:p or gaussian:s, per criterion or one for all"),
      N_("F,…") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object with contributions, distances or flows"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &documents, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FrMatrix) matrix = NULL;
  g_autofree double *weights = NULL;
  g_autofree double *scores = NULL;
  g_autofree double *extra1 = NULL;
  g_autofree double *extra2 = NULL;
  g_autofree guint *order = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Ranking r = { 0 };
  guint n_documents;
  guint n, m;

  context = g_option_context_new (_("[DOCUMENT.frontier] — rank the options"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Ranks the options of a document (with a stakeholder’s weights) or of a CSV\n"
      "decision matrix (a header row of criterion names, then one row per option).\n"
      "Prints “rank”, “option” and “score” (weighted value, TOPSIS closeness or\n"
      "PROMETHEE net flow) separated by tabs, best first; ties keep input order."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fr_cli_usage_error ("rank", "%s", error->message);

  r.method = METHOD_WSM;
  if (method_text != NULL)
    {
      guint k;
      for (k = 0; k < G_N_ELEMENTS (method_names); k++)
        if (g_str_equal (method_text, method_names[k]))
          break;
      if (k == G_N_ELEMENTS (method_names))
        return fr_cli_usage_error ("rank", _("unknown method “%s”; use wsm, topsis or promethee"), method_text);
      r.method = k;
    }
  r.normalization = FR_TOPSIS_VECTOR;
  if (normalization_text != NULL)
    {
      if (r.method != METHOD_TOPSIS)
        return fr_cli_usage_error ("rank", _("--normalization applies to --method topsis only"));
      if (g_str_equal (normalization_text, "minmax"))
        r.normalization = FR_TOPSIS_MINMAX;
      else if (!g_str_equal (normalization_text, "vector"))
        return fr_cli_usage_error ("rank", _("unknown normalisation “%s”; use vector or minmax"), normalization_text);
    }

  n_documents = documents != NULL ? g_strv_length (documents) : 0;
  if (n_documents > 1)
    return fr_cli_usage_error ("rank", _("give one document, not %u"), n_documents);
  if ((n_documents == 1) == (csv != NULL))
    return fr_cli_usage_error ("rank", _("give either a document or --csv MATRIX.csv"));
  if (csv != NULL)
    {
      if (stakeholder != NULL)
        return fr_cli_usage_error ("rank", _("--stakeholder applies to documents, not to --csv"));
      if (weights_text == NULL || directions_text == NULL)
        return fr_cli_usage_error ("rank", _("--csv needs --weights and --directions"));
      if (preference_text != NULL && r.method != METHOD_PROMETHEE)
        return fr_cli_usage_error ("rank", _("--preference applies to --method promethee only"));
    }
  else if (weights_text != NULL || directions_text != NULL || preference_text != NULL)
    return fr_cli_usage_error ("rank", _("--weights, --directions and --preference go with --csv; a document carries its own"));

  if (csv != NULL)
    {
      g_autofree FrDirection *directions = NULL;
      g_autofree FrPreference *preferences = NULL;

      matrix = fr_cli_load_csv_matrix (csv, &error);
      if (matrix == NULL)
        return fr_cli_fail ("%s", error->message);
      m = matrix->n_criteria;
      weights = g_new (double, m);
      directions = g_new (FrDirection, m);
      if (!fr_cli_parse_weights (weights_text, m, weights, &error) ||
          !fr_cli_parse_directions (directions_text, m, directions, &error))
        return fr_cli_usage_error ("rank", "%s", error->message);
      for (guint c = 0; c < m; c++)
        matrix->criteria[c].direction = directions[c];
      if (preference_text != NULL)
        {
          preferences = g_new (FrPreference, m);
          if (!fr_cli_parse_preferences (preference_text, m, preferences, &error))
            return fr_cli_usage_error ("rank", "%s", error->message);
          for (guint c = 0; c < m; c++)
            matrix->criteria[c].preference = preferences[c];
        }
    }
  else
    {
      matrix = fr_cli_load_document_matrix (documents[0], stakeholder, &weights, &error);
      if (matrix == NULL)
        return fr_cli_fail ("%s", error->message);
    }

  n = matrix->n_options;
  m = matrix->n_criteria;
  scores = g_new0 (double, n);
  order = g_new (guint, n);
  r.stakeholder = stakeholder;
  r.matrix = matrix;
  r.weights = weights;
  r.scores = scores;
  r.order = order;
  switch (r.method)
    {
    case METHOD_WSM:
      extra1 = g_new0 (double, (gsize) n * m);
      r.contributions = extra1;
      fr_wsm_scores (matrix, weights, scores, r.contributions);
      break;
    case METHOD_TOPSIS:
      extra1 = g_new0 (double, n);
      extra2 = g_new0 (double, n);
      r.distance_best = extra1;
      r.distance_worst = extra2;
      fr_topsis (matrix, weights, r.normalization, scores, r.distance_best, r.distance_worst);
      break;
    case METHOD_PROMETHEE:
    default:
      extra1 = g_new0 (double, n);
      extra2 = g_new0 (double, n);
      r.positive = extra1;
      r.negative = extra2;
      if (!fr_promethee_flows (matrix, weights, r.positive, r.negative, scores, &error))
        return fr_cli_fail ("%s", error->message);
      break;
    }
  fr_rank_order (scores, n, order);

  if (json)
    write_json (&r, out);
  else
    write_tsv (&r, out);
  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? 0 : fr_cli_fail (_("cannot write the result"));
}
