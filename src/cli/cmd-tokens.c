/* cmd-tokens.c - `leitmotif tokens FILE`: what the engine saw. */
#include <stdio.h>

#include "analysis/analyzer.h"
#include "cli-common.h"
#include "core/tokenizer.h"

typedef struct
{
  GString *out;
  const char *data;
} Dump;

static void
dump_token (const LmToken *tok, gpointer user_data)
{
  Dump *d = user_data;
  g_string_append_printf (d->out, "%u:%u\t", tok->line, tok->col);
  g_string_append_len (d->out, d->data + tok->start, (gssize) (tok->end - tok->start));
  g_string_append_printf (d->out, "\t%s\t%s\t", tok->word->folded, tok->word->stem);
  gboolean any = FALSE;
  struct
  {
    gboolean set;
    const char *name;
  } flags[] = {
    { tok->word->stop, "stop" },
    { (tok->flags & LM_TOKEN_SENTENCE_START) != 0, "sentence" },
    { (tok->flags & LM_TOKEN_PARAGRAPH_START) != 0, "paragraph" },
    { (tok->flags & LM_TOKEN_HYPHEN_BEFORE) != 0, "hyphen" },
    { (tok->flags & LM_TOKEN_TRUNCATED) != 0, "truncated" },
    { tok->word->n_atoms > 0, "lexicon" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].set)
      {
        g_string_append_printf (d->out, "%s%s", any ? "," : "", flags[i].name);
        any = TRUE;
      }
  g_string_append (d->out, any ? "\n" : "-\n");
  if (d->out->len > 1 << 16)
    {
      fwrite (d->out->str, 1, d->out->len, stdout);
      g_string_truncate (d->out, 0);
    }
}

int
lm_cmd_tokens (int argc, char **argv)
{
  g_autofree char *lexicon_path = NULL, *stop_path = NULL;
  gboolean lenient = FALSE;
  GOptionEntry entries[] = {
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE - print every token");
  g_option_context_set_description (ctx,
      "One token a line, tab-separated: line:col, surface form, normalized (folded)\n"
      "form, stem, flags (stop, sentence, paragraph, hyphen, truncated, lexicon; - if none).\n"
      "Columns count characters from 1.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc != 2)
    {
      fprintf (stderr, "leitmotif tokens: exactly one FILE expected (try --help)\n");
      return LM_EXIT_USAGE;
    }
  LmCliPipeline pipe;
  if (!lm_cli_pipeline_open (&pipe, lexicon_path, stop_path))
    return LM_EXIT_USAGE;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) text = lm_text_load (argv[1], lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE, &error);
  if (text == NULL)
    {
      lm_cli_error (error);
      lm_cli_pipeline_free (&pipe);
      return LM_EXIT_INPUT_FAILED;
    }
  Dump d = { g_string_new (NULL), lm_text_get_data (text, NULL) };
  lm_analyzer_walk (pipe.analyzer, text, NULL, dump_token, NULL, &d);
  fwrite (d.out->str, 1, d.out->len, stdout);
  g_string_free (d.out, TRUE);
  lm_cli_pipeline_free (&pipe);
  return LM_EXIT_OK;
}
