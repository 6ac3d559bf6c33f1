/* cmd-count.c - `leitmotif count FILE...`: category counts for any files. */
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "analysis/analyzer.h"
#include "cli-common.h"
#include "report/format.h"
#include "report/run.h"

int
lm_cmd_count (int argc, char **argv)
{
  g_autofree char *lexicon_path = NULL, *stop_path = NULL, *format = NULL;
  gboolean lenient = FALSE;
  GOptionEntry entries[] = {
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: tsv (default) or json", "FORMAT" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE... - count lexicon categories");
  g_option_context_set_description (ctx,
      "Prints one row per file and category: file, category, hits, words, per_1000\n"
      "(TSV with a header), or the same as a JSON array with --format json.\n"
      "A file that cannot be read is reported on standard error and skipped (exit 1).");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  gboolean json = FALSE;
  if (format && !(json = g_str_equal (format, "json")) && !g_str_equal (format, "tsv"))
    {
      fprintf (stderr, "leitmotif count: unknown format \"%s\" (tsv or json)\n", format);
      return LM_EXIT_USAGE;
    }
  if (argc < 2)
    {
      fprintf (stderr, "leitmotif count: no FILE given (try --help)\n");
      return LM_EXIT_USAGE;
    }

  LmCliPipeline pipe;
  if (!lm_cli_pipeline_open (&pipe, lexicon_path, stop_path))
    return LM_EXIT_USAGE;
  LmLexicon *lexicon = pipe.lexicon;
  LmAnalyzer *an = pipe.analyzer;

  int status = LM_EXIT_OK;
  g_autoptr(GString) out = g_string_new (json ? "" : "file\tcategory\thits\twords\tper_1000\n");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  json_builder_begin_array (b);
  guint nc = lm_lexicon_get_n_categories (lexicon);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(LmText) text = lm_text_load (argv[i], lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE, &local);
      if (text == NULL)
        {
          lm_cli_error (local);
          status = LM_EXIT_INPUT_FAILED;
          continue;
        }
      g_autoptr(LmDocStats) s = lm_analyzer_analyze (an, text, NULL, LM_ANALYZE_COUNTS);
      guint64 words = s->words[LM_VOICE_ALL];
      for (guint c = 0; c < nc; c++)
        {
          const LmCategory *cat = lm_lexicon_get_category (lexicon, c);
          guint64 hits = lm_doc_stats_hits (s, LM_VOICE_ALL, c);
          double rate = lm_rate_per_1000 (hits, words);
          if (json)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "file");
              json_builder_add_string_value (b, argv[i]);
              json_builder_set_member_name (b, "category");
              json_builder_add_string_value (b, cat->id);
              json_builder_set_member_name (b, "hits");
              json_builder_add_int_value (b, (gint64) hits);
              json_builder_set_member_name (b, "words");
              json_builder_add_int_value (b, (gint64) words);
              json_builder_set_member_name (b, "per_1000");
              json_builder_add_double_value (b, rate);
              json_builder_end_object (b);
              continue;
            }
          g_string_append_printf (out, "%s\t%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t",
                                  argv[i], cat->id, hits, words);
          lm_append_fixed (out, rate, 3);
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
