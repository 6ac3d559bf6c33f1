/* cmd-segments.c - `leitmotif segments FILE`: every voice decision. */
#include <stdio.h>

#include "analysis/analyzer.h"
#include "analysis/corpus.h"
#include "cli-common.h"

/* The manifest entry for @path, if the manifest lists it. */
static const LmCorpusEntry *
find_entry (const LmCorpus *corpus, const char *path)
{
  g_autofree char *want = g_canonicalize_filename (path, NULL);
  for (guint i = 0; corpus && i < lm_corpus_get_n_entries (corpus); i++)
    {
      const LmCorpusEntry *e = lm_corpus_get_entry (corpus, i);
      g_autofree char *have = g_canonicalize_filename (e->path, NULL);
      if (g_str_equal (want, have))
        return e;
    }
  return NULL;
}

static void
append_excerpt (GString *out, const char *data, gsize start, gsize end)
{
  guint n = 0;
  gboolean space = FALSE;
  for (const char *p = data + start; p < data + end && n < 60; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = n > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
      n++;
    }
}

int
lm_cmd_segments (int argc, char **argv)
{
  g_autofree char *corpus_path = NULL, *lexicon_path = NULL, *stop_path = NULL;
  gboolean lenient = FALSE;
  g_autofree char *rules_path = NULL;
  GOptionEntry entries[] = {
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus_path, "Take segmentation hints from this manifest (default " LM_DEFAULT_CORPUS " when it lists FILE)", "FILE" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    { "voice-rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path, "Voice cues (default: the built-in copy of lexicons/voices.ini, or $LM_VOICE_RULES)", "FILE" },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE - show how a text splits into voices");
  g_option_context_set_description (ctx,
      "Prints each span of the text, tab-separated: its lines, its voice (critic,\n"
      "quotation, comment, boilerplate), the rule that decided it (with the page of a\n"
      "quotation of the novel, or the comment's number and commenter), and its start.\n"
      "Then the words per voice, quotations, comments and any warnings.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc != 2)
    {
      fprintf (stderr, "leitmotif segments: exactly one FILE expected (try --help)\n");
      return LM_EXIT_USAGE;
    }
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) corpus = NULL;
  /* The project's manifest, when there is one, may hold hints for FILE. */
  g_autoptr(LmDataFile) cfile = lm_data_dirs_resolve (lm_data_dirs_get_default (), LM_DATA_CORPUS,
                                                      corpus_path, "--corpus", NULL);
  if (cfile)
    {
      corpus = lm_corpus_load (cfile->path, &error);
      if (corpus == NULL)
        {
          lm_cli_error (error);
          return LM_EXIT_USAGE;
        }
    }
  g_autoptr(LmVoiceRules) rules = NULL;
  if (rules_path && (rules = lm_voice_rules_load (rules_path, &error)) == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  const LmCorpusEntry *entry = find_entry (corpus, argv[1]);
  LmCliPipeline pipe;
  if (!lm_cli_pipeline_open (&pipe, lexicon_path, stop_path))
    return LM_EXIT_USAGE;
  g_autoptr(LmText) text = lm_text_load (argv[1], lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE, &error);
  if (text == NULL)
    {
      lm_cli_error (error);
      lm_cli_pipeline_free (&pipe);
      return LM_EXIT_INPUT_FAILED;
    }
  g_autoptr(LmSegmentation) seg = lm_segment_text_with_rules (text, rules, entry ? &entry->hints : NULL);
  g_autoptr(LmDocStats) stats = lm_analyzer_analyze (pipe.analyzer, text, seg, LM_ANALYZE_COUNTS);
  const char *data = lm_text_get_data (text, NULL);
  const GArray *spans = lm_segmentation_get_spans (seg);
  g_autoptr(GString) out = g_string_new (NULL);
  if (entry)
    g_string_append_printf (out, "# %s: text \"%s\" of %s, with its hints\n", argv[1], entry->id,
                            lm_corpus_get_name (corpus));
  for (guint i = 0; i < spans->len; i++)
    {
      const LmSpan *sp = &g_array_index (spans, LmSpan, i);
      g_string_append_printf (out, "%u-%u\t%s\t%s", sp->first_line, sp->last_line,
                              lm_voice_to_string (sp->voice), sp->rule);
      if (sp->voice == LM_VOICE_QUOTATION)
        g_string_append_printf (out, " (%s%s%s)", lm_quote_kind_to_string (sp->quote),
                                sp->page ? ", p. " : "", sp->page ? sp->page : "");
      if (sp->comment >= 0)
        {
          g_autofree char *label = lm_segmentation_comment_label (seg, (guint) sp->comment);
          g_string_append_printf (out, " (%s)", label);
        }
      g_string_append_c (out, '\t');
      append_excerpt (out, data, sp->start, sp->end);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "# words: critic %" G_GUINT64_FORMAT ", quotation %" G_GUINT64_FORMAT
                          ", comment %" G_GUINT64_FORMAT ", boilerplate %" G_GUINT64_FORMAT " (excluded)\n",
                          stats->words[LM_VOICE_CRITIC], stats->words[LM_VOICE_QUOTATION],
                          stats->words[LM_VOICE_COMMENT], stats->words[LM_VOICE_BOILERPLATE]);
  const GArray *warnings = lm_segmentation_get_warnings (seg);
  for (guint i = 0; i < warnings->len; i++)
    {
      const LmSegmentWarning *w = &g_array_index (warnings, LmSegmentWarning, i);
      g_string_append_printf (out, "# warning: %s:%u:%u: %s\n", argv[1], w->line, w->col, w->message);
    }
  fwrite (out->str, 1, out->len, stdout);
  lm_cli_pipeline_free (&pipe);
  return LM_EXIT_OK;
}
