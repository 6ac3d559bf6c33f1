/* cmd-evaluate.c - `leitmotif evaluate`: the engine against hand annotation.
 *
 * Prints what lm_evaluate() measured, as a table (default), TSV or JSON. */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/evaluate.h"
#include "cli-common.h"

static const LmVoice voices[] = { LM_VOICE_CRITIC, LM_VOICE_QUOTATION, LM_VOICE_COMMENT,
                                  LM_VOICE_BOILERPLATE };

static LmScore
voice_score (const guint64 confusion[LM_N_VOICES][LM_N_VOICES], LmVoice v)
{
  LmScore s = { 0 };
  for (guint k = 1; k < LM_N_VOICES; k++)
    {
      s.gold += confusion[v][k];
      s.found += confusion[k][v];
    }
  s.correct = confusion[v][v];
  return s;
}

/* "0.912", or "" when undefined. */
static void
append_ratio (GString *out, double x, gboolean pad)
{
  if (isnan (x))
    g_string_append_printf (out, pad ? "%9s" : "%s", pad ? "-" : "");
  else
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (buf, sizeof buf, "%.3f", x);
      g_string_append_printf (out, pad ? "%9s" : "%s", buf);
    }
}

static void
score_row (GString *out, const char *label, const LmScore *s, gboolean tsv)
{
  if (tsv)
    g_string_append_printf (out, "%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT
                            "\t%" G_GUINT64_FORMAT "\t", label, s->gold, s->found, s->correct);
  else
    g_string_append_printf (out, "%-14s %8" G_GUINT64_FORMAT " %8" G_GUINT64_FORMAT
                            " %8" G_GUINT64_FORMAT " ", label, s->gold, s->found, s->correct);
  append_ratio (out, lm_score_precision (s), !tsv);
  g_string_append (out, tsv ? "\t" : " ");
  append_ratio (out, lm_score_recall (s), !tsv);
  g_string_append (out, tsv ? "\t" : " ");
  append_ratio (out, lm_score_f1 (s), !tsv);
  g_string_append_c (out, '\n');
}

static const char *
what (LmGoldKind kind)
{
  return kind == LM_GOLD_VOICES ? "voices (words)"
         : kind == LM_GOLD_GENRES ? "genre stances (text, genre, stance)"
                                  : "motifs (text, line, motif)";
}

static GString *
format_text (const LmEvaluation *ev, const char *gold_name, gboolean tsv, gboolean per_text)
{
  GString *out = g_string_new (NULL);
  if (!tsv)
    g_string_append_printf (out, "# %s: %u texts scored against %s", what (ev->kind), ev->n_texts,
                            gold_name);
  if (!tsv && ev->ungiven)
    g_string_append_printf (out, " (%u texts of the gold not given)", ev->ungiven);
  if (!tsv)
    g_string_append_c (out, '\n');
  g_string_append (out, tsv ? "label\tgold\tfound\tcorrect\tprecision\trecall\tf1\n"
                            : "label              gold    found  correct precision    recall        F1\n");
  if (ev->kind == LM_GOLD_VOICES)
    {
      for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
        {
          LmScore s = voice_score (ev->confusion, voices[i]);
          score_row (out, lm_voice_to_string (voices[i]), &s, tsv);
        }
      g_string_append (out, tsv ? "\nconfusion (gold \\ found)" : "\nconfusion, words (rows gold, columns found)\n               ");
      for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
        g_string_append_printf (out, tsv ? "\t%s" : " %11s", lm_voice_to_string (voices[i]));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
        {
          g_string_append_printf (out, tsv ? "%s" : "%-14s", lm_voice_to_string (voices[i]));
          for (guint j = 0; j < G_N_ELEMENTS (voices); j++)
            g_string_append_printf (out, tsv ? "\t%" G_GUINT64_FORMAT : " %11" G_GUINT64_FORMAT,
                                    ev->confusion[voices[i]][voices[j]]);
          g_string_append_c (out, '\n');
        }
      if (per_text)
        {
          g_string_append (out, tsv ? "\ntext\tvoice\tgold\tfound\tcorrect\tprecision\trecall\tf1\n"
                                    : "\nper text (F1 by voice; - where neither gold nor engine has it)\n"
                                      "text          critic quotation  comment boilerplate\n");
          for (guint t = 0; t < ev->texts->len; t++)
            {
              const LmVoiceTextScore *ts = &g_array_index (ev->texts, LmVoiceTextScore, t);
              if (!tsv)
                g_string_append_printf (out, "%-10s", ts->id);
              for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
                {
                  LmScore s = voice_score (ts->confusion, voices[i]);
                  if (tsv)
                    {
                      g_autofree char *label = g_strdup_printf ("%s\t%s", ts->id,
                                                                lm_voice_to_string (voices[i]));
                      score_row (out, label, &s, TRUE);
                    }
                  else
                    {
                      g_string_append_c (out, ' ');
                      append_ratio (out, lm_score_f1 (&s), TRUE);
                    }
                }
              if (!tsv)
                g_string_append_c (out, '\n');
            }
        }
      return out;
    }
  for (guint i = 0; i < ev->labels->len; i++)
    score_row (out, ev->labels->pdata[i], &g_array_index (ev->scores, LmScore, i), tsv);
  if (ev->kind == LM_GOLD_GENRES)
    {
      static const char *const names[] = { "asserted", "attributed", "rejected", "none" };
      static const guint idx[] = { LM_STANCE_ASSERTED, LM_STANCE_ATTRIBUTED, LM_STANCE_REJECTED,
                                   LM_N_STANCES };
      g_string_append (out, tsv ? "\nstances (gold \\ found)"
                                : "\nconfusion of stances, (text, genre) pairs (rows gold, columns found)\n              ");
      for (guint j = 0; j < 4; j++)
        g_string_append_printf (out, tsv ? "\t%s" : " %11s", names[j]);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < 4; i++)
        {
          g_string_append_printf (out, tsv ? "%s" : "%-14s", names[i]);
          for (guint j = 0; j < 4; j++)
            g_string_append_printf (out, tsv ? "\t%" G_GUINT64_FORMAT : " %11" G_GUINT64_FORMAT,
                                    i == 3 && j == 3 ? 0 : ev->stances[idx[i]][idx[j]]);
          g_string_append_c (out, '\n');
        }
    }
  if (ev->kind == LM_GOLD_MOTIFS)
    {
      static const char *const kinds[] = { "title", "idiom", "ordinary" };
      g_string_append (out, tsv ? "\nlook-alike\tcounted\n" : "\nlook-alikes counted as the motif:");
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        g_string_append_printf (out, tsv ? "%s\t%u\n" : " %s %u", kinds[k],
                                GPOINTER_TO_UINT (g_hash_table_lookup (ev->lookalikes, kinds[k])));
      if (!tsv)
        g_string_append_c (out, '\n');
    }
  if (per_text && ev->errors->len)
    {
      g_string_append (out, tsv ? "\ntext\tkey\tdetail\terror\n" : "\nerrors:\n");
      for (guint i = 0; i < ev->errors->len; i++)
        g_string_append_printf (out, "%s%s\n", tsv ? "" : "  ", (char *) ev->errors->pdata[i]);
    }
  return out;
}

static void
json_score (JsonBuilder *b, const char *label, const LmScore *s)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  json_builder_set_member_name (b, "gold");
  json_builder_add_int_value (b, (gint64) s->gold);
  json_builder_set_member_name (b, "found");
  json_builder_add_int_value (b, (gint64) s->found);
  json_builder_set_member_name (b, "correct");
  json_builder_add_int_value (b, (gint64) s->correct);
  const char *names[] = { "precision", "recall", "f1" };
  double v[] = { lm_score_precision (s), lm_score_recall (s), lm_score_f1 (s) };
  for (guint i = 0; i < 3; i++)
    {
      json_builder_set_member_name (b, names[i]);
      if (isnan (v[i]))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, round (v[i] * 1e6) / 1e6);
    }
  json_builder_end_object (b);
}

static GString *
format_json (const LmEvaluation *ev, const char *gold_name)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "gold");
  json_builder_add_string_value (b, gold_name);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, ev->kind == LM_GOLD_VOICES ? "voices"
                                    : ev->kind == LM_GOLD_GENRES ? "genres" : "motifs");
  json_builder_set_member_name (b, "texts");
  json_builder_add_int_value (b, ev->n_texts);
  json_builder_set_member_name (b, "not_given");
  json_builder_add_int_value (b, ev->ungiven);
  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  if (ev->kind == LM_GOLD_VOICES)
    for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
      {
        LmScore s = voice_score (ev->confusion, voices[i]);
        json_score (b, lm_voice_to_string (voices[i]), &s);
      }
  else
    for (guint i = 0; i < ev->labels->len; i++)
      json_score (b, ev->labels->pdata[i], &g_array_index (ev->scores, LmScore, i));
  json_builder_end_array (b);
  if (ev->kind == LM_GOLD_VOICES)
    {
      json_builder_set_member_name (b, "confusion");
      json_builder_begin_object (b);
      for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
        {
          json_builder_set_member_name (b, lm_voice_to_string (voices[i]));
          json_builder_begin_object (b);
          for (guint j = 0; j < G_N_ELEMENTS (voices); j++)
            {
              json_builder_set_member_name (b, lm_voice_to_string (voices[j]));
              json_builder_add_int_value (b, (gint64) ev->confusion[voices[i]][voices[j]]);
            }
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  else
    {
      json_builder_set_member_name (b, "errors");
      json_builder_begin_array (b);
      for (guint i = 0; i < ev->errors->len; i++)
        json_builder_add_string_value (b, ev->errors->pdata[i]);
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < ev->warnings->len; i++)
    json_builder_add_string_value (b, g_array_index (ev->warnings, LmEvalWarning, i).message);
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  g_autofree char *s = json_generator_to_data (gen, NULL);
  GString *out = g_string_new (s);
  g_string_append_c (out, '\n');
  return out;
}

int
lm_cmd_evaluate (int argc, char **argv)
{
  g_autofree char *voices_path = NULL, *genres_path = NULL, *motifs_path = NULL;
  g_autofree char *lexicon_path = NULL, *stop_path = NULL, *format = NULL, *rules_path = NULL;
  gboolean lenient = FALSE, per_text = FALSE;
  GOptionEntry entries[] = {
    { "voices", 0, 0, G_OPTION_ARG_FILENAME, &voices_path, "Score voices against this gold (id first_line last_line voice who note)", "GOLD.tsv" },
    { "genres", 0, 0, G_OPTION_ARG_FILENAME, &genres_path, "Score genre stances against this gold (id url words asserted attributed rejected notes)", "GOLD.tsv" },
    { "motifs", 0, 0, G_OPTION_ARG_FILENAME, &motifs_path, "Score motifs against this gold (id line motif surface kind voice)", "GOLD.tsv" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "voice-rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Voice cues (default: the built-in copy of lexicons/voices.ini)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table (default), tsv or json", "FORMAT" },
    { "per-text", 0, 0, G_OPTION_ARG_NONE, &per_text, "Also each text's scores (voices) or each error (genres, motifs)", NULL },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE... - score the engine against hand annotation");
  g_option_context_set_description (ctx,
      "Exactly one of --voices, --genres, --motifs. A text's id is its file name\n"
      "without the extension. Voices: word-weighted precision, recall and F1 per\n"
      "voice and the confusion matrix. Genres: precision, recall and F1 over\n"
      "(text, genre, stance), hedged counted as asserted. Motifs: over (text, line,\n"
      "motif), with the look-alikes (title, idiom, ordinary) counted. Run it on a\n"
      "sample of your own corpus that you annotated before trusting the numbers.\n"
      "Exit status 1 when a FILE could not be read or is not in the gold.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  guint kinds = (voices_path != NULL) + (genres_path != NULL) + (motifs_path != NULL);
  if (kinds != 1)
    {
      fprintf (stderr, "leitmotif evaluate: exactly one of --voices, --genres, --motifs (try --help)\n");
      return LM_EXIT_USAGE;
    }
  if (argc < 2)
    {
      fprintf (stderr, "leitmotif evaluate: no FILE given (try --help)\n");
      return LM_EXIT_USAGE;
    }
  gboolean tsv = FALSE, json = FALSE;
  if (format && g_str_equal (format, "tsv"))
    tsv = TRUE;
  else if (format && g_str_equal (format, "json"))
    json = TRUE;
  else if (format && !g_str_equal (format, "table"))
    {
      fprintf (stderr, "leitmotif evaluate: unknown format \"%s\" (table, tsv or json)\n", format);
      return LM_EXIT_USAGE;
    }
  LmGoldKind kind = voices_path ? LM_GOLD_VOICES : genres_path ? LM_GOLD_GENRES : LM_GOLD_MOTIFS;
  const char *gold_path = voices_path ? voices_path : genres_path ? genres_path : motifs_path;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmGold) gold = lm_gold_load (gold_path, kind, &error);
  if (gold == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  g_autoptr(LmVoiceRules) rules = NULL;
  if (rules_path)
    {
      rules = lm_voice_rules_load (rules_path, &error);
      if (rules == NULL)
        {
          lm_cli_error (error);
          return LM_EXIT_USAGE;
        }
    }
  LmCliPipeline pipe;
  if (!lm_cli_pipeline_open (&pipe, lexicon_path, stop_path))
    return LM_EXIT_USAGE;
  g_autoptr(LmEvaluation) ev = lm_evaluate (pipe.analyzer, rules, gold, (const char *const *) argv + 1,
                                            lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE);
  for (guint i = 0; i < ev->warnings->len; i++)
    fprintf (stderr, "leitmotif: %s\n", g_array_index (ev->warnings, LmEvalWarning, i).message);
  g_autoptr(GString) out = json ? format_json (ev, gold_path)
                                : format_text (ev, gold_path, tsv, per_text);
  fwrite (out->str, 1, out->len, stdout);
  lm_cli_pipeline_free (&pipe);
  return lm_evaluation_input_failed (ev) ? LM_EXIT_INPUT_FAILED : LM_EXIT_OK;
}
