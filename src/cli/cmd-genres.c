/* cmd-genres.c - `leitmotif genres FILE...`: genre mentions with stances. */
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "analysis/genre.h"
#include "cli-common.h"

static void
tsv_field (GString *out, const char *s)
{
  for (const char *p = s; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/* "negation: [trigger negations] before, clause (stance.ini:52)" or the
 * family alone when a rule's own test decided. */
static char *
explain (const LmGenreMention *m)
{
  if (m->trigger == NULL)
    return g_strdup_printf ("%s: the rule's own test", m->family);
  char scope[32];
  return g_strdup_printf ("%s: [trigger %s] %s, %s (%s:%u)", m->family, m->trigger->name,
                          lm_direction_to_string (m->trigger->direction),
                          lm_scope_to_string (m->trigger->scope, scope, sizeof scope),
                          lm_stance_rules_get_name (lm_stance_rules_get_default ()), m->trigger->line);
}

static void
add_json_mention (JsonBuilder *b, const char *file, const LmLexicon *lex,
                  const LmGenreMention *m, gboolean with_explain)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file);
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, m->line);
  json_builder_set_member_name (b, "col");
  json_builder_add_int_value (b, m->col);
  json_builder_set_member_name (b, "voice");
  json_builder_add_string_value (b, lm_voice_to_string (m->voice));
  json_builder_set_member_name (b, "genre");
  json_builder_add_string_value (b, lm_lexicon_get_category (lex, m->category)->id);
  json_builder_set_member_name (b, "form");
  json_builder_add_string_value (b, m->form);
  json_builder_set_member_name (b, "stance");
  json_builder_add_string_value (b, lm_stance_to_string (m->stance));
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, m->source);
  json_builder_set_member_name (b, "cue");
  json_builder_add_string_value (b, m->cue);
  json_builder_set_member_name (b, "cue_family");
  json_builder_add_string_value (b, m->family);
  json_builder_set_member_name (b, "evidence");
  json_builder_add_string_value (b, m->sentence);
  if (with_explain)
    {
      g_autofree char *why = explain (m);
      json_builder_set_member_name (b, "explain");
      json_builder_add_string_value (b, why);
    }
  json_builder_end_object (b);
}

int
lm_cmd_genres (int argc, char **argv)
{
  g_autofree char *lexicon_path = NULL, *stop_path = NULL, *format = NULL, *rules_path = NULL;
  gboolean lenient = FALSE, with_explain = FALSE;
  GOptionEntry entries[] = {
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: tsv (default) or json", "FORMAT" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &with_explain, "Name the rule, and the stance.ini cues with their direction and scope, behind every stance", NULL },
    { "stance-rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Stance cues (default: the built-in copy of lexicons/stance.ini, or $LM_STANCE_RULES)", "FILE" },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE... - genre labels and how each writer uses them");
  g_option_context_set_description (ctx,
      "For every mention of a genre of the lexicon, prints the file, line, voice, genre,\n"
      "stance (asserted, attributed, rejected, hedged, or mention when it classifies\n"
      "nothing), the source of an attribution, the cue that decided, and the sentence.\n"
      "The rules are documented in src/analysis/genre.h and the README.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  gboolean json = FALSE;
  if (!lm_cli_check_files_and_format ("genres", argc, format, &json))
    return LM_EXIT_USAGE;
  if (rules_path)
    {
      g_autoptr(GError) error = NULL;
      LmStanceRules *rules = lm_stance_rules_load (rules_path, &error);
      if (rules == NULL)
        {
          lm_cli_error (error);
          return LM_EXIT_USAGE;
        }
      lm_stance_rules_set_default (rules);
    }
  LmCliPipeline pipe;
  if (!lm_cli_pipeline_open (&pipe, lexicon_path, stop_path))
    return LM_EXIT_USAGE;
  int status = LM_EXIT_OK;
  g_autoptr(GString) out = g_string_new (json ? "" : with_explain
                                                       ? "file\tline\tvoice\tgenre\tstance\tsource\tcue\tevidence\texplain\n"
                                                       : "file\tline\tvoice\tgenre\tstance\tsource\tcue\tevidence\n");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  json_builder_begin_array (b);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LmText) text = lm_text_load (argv[i], lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE, &error);
      if (text == NULL)
        {
          lm_cli_error (error);
          status = LM_EXIT_INPUT_FAILED;
          continue;
        }
      g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);
      g_autoptr(GArray) mentions = lm_genre_mentions (pipe.analyzer, text, seg);
      for (guint k = 0; k < mentions->len; k++)
        {
          const LmGenreMention *m = &g_array_index (mentions, LmGenreMention, k);
          if (json)
            {
              add_json_mention (b, argv[i], pipe.lexicon, m, with_explain);
              continue;
            }
          g_string_append_printf (out, "%s\t%u\t%s\t%s\t%s\t", argv[i], m->line,
                                  lm_voice_to_string (m->voice),
                                  lm_lexicon_get_category (pipe.lexicon, m->category)->id,
                                  lm_stance_to_string (m->stance));
          tsv_field (out, m->source);
          g_string_append_c (out, '\t');
          tsv_field (out, m->cue);
          g_string_append_c (out, '\t');
          tsv_field (out, m->sentence);
          if (with_explain)
            {
              g_autofree char *why = explain (m);
              g_string_append_c (out, '\t');
              tsv_field (out, why);
            }
          g_string_append_c (out, '\n');
        }
    }
  json_builder_end_array (b);
  if (json)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      g_autofree char *data = json_generator_to_data (gen, NULL);
      g_string_append (out, data);
      g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
  lm_cli_pipeline_free (&pipe);
  return status;
}
