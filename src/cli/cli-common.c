/* cli-common.c - option parsing, loading and interrupts shared by the subcommands. */
#include "cli-common.h"

#include <signal.h>
#include <stdio.h>

#include "analysis/analyzer.h"
#include "core/text.h"
#include "lexicon/liwc.h"

char *lm_cli_max_file_size_arg;

gboolean
lm_cli_parse_size (const char *s, guint64 *size)
{
  if (s == NULL || !g_ascii_isdigit (s[0]))
    return FALSE;
  guint64 v = 0;
  const char *p = s;
  for (; g_ascii_isdigit (*p); p++)
    {
      guint d = (guint) (*p - '0');
      if (v > (G_MAXUINT64 - d) / 10)
        return FALSE;
      v = v * 10 + d;
    }
  guint shift = 0;
  switch (g_ascii_toupper (*p))
    {
    case '\0': break;
    case 'K': shift = 10; p++; break;
    case 'M': shift = 20; p++; break;
    case 'G': shift = 30; p++; break;
    default: return FALSE;
    }
  if (*p != '\0' || (shift > 0 && v > (G_MAXUINT64 >> shift)))
    return FALSE;
  *size = v << shift;
  return TRUE;
}

gboolean
lm_cli_parse (GOptionContext *ctx, int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      g_clear_pointer (&lm_cli_max_file_size_arg, g_free);
      fprintf (stderr, "leitmotif: %s (try --help)\n", error->message);
      return FALSE;
    }
  if (lm_cli_max_file_size_arg != NULL)
    {
      g_autofree char *arg = g_steal_pointer (&lm_cli_max_file_size_arg);
      guint64 size = 0;
      if (!lm_cli_parse_size (arg, &size))
        {
          fprintf (stderr, "leitmotif: --max-file-size: \"%s\" is not a size "
                   "(digits, then K, M or G) (try --help)\n", arg);
          return FALSE;
        }
      lm_text_set_max_size (size);
    }
  return TRUE;
}

void
lm_cli_error (const GError *error)
{
  fprintf (stderr, "leitmotif: %s\n", error->message);
}

LmStoplist *
lm_cli_load_stoplist (const char *path)
{
  g_autoptr(GError) error = NULL;
  LmStoplist *s = lm_stoplist_load (path ? path : LM_DEFAULT_STOPWORDS, &error);
  if (s == NULL)
    lm_cli_error (error);
  return s;
}

LmLexicon *
lm_cli_load_lexicon (const char *path, LmStemmer *stemmer)
{
  g_autoptr(GError) error = NULL;
  /* .ini or LIWC .dic: wherever --lexicon is accepted */
  LmLexicon *lex = lm_lexicon_load_any (path ? path : LM_DEFAULT_LEXICON, stemmer, &error);
  if (lex == NULL)
    lm_cli_error (error);
  return lex;
}

gboolean
lm_cli_pipeline_open (LmCliPipeline *p, const char *lexicon_path,
                      const char *stoplist_path)
{
  g_autoptr(GError) error = NULL;
  *p = (LmCliPipeline) { 0 };
  p->stemmer = lm_stemmer_new (&error);
  if (p->stemmer)
    p->stoplist = lm_cli_load_stoplist (stoplist_path);
  if (p->stoplist)
    p->lexicon = lm_cli_load_lexicon (lexicon_path, p->stemmer);
  if (p->lexicon)
    p->analyzer = lm_analyzer_new (p->lexicon, p->stoplist, &error);
  if (p->analyzer)
    return TRUE;
  if (error)
    lm_cli_error (error);
  lm_cli_pipeline_free (p);
  return FALSE;
}

void
lm_cli_pipeline_free (LmCliPipeline *p)
{
  g_clear_pointer (&p->analyzer, lm_analyzer_free);
  g_clear_pointer (&p->lexicon, lm_lexicon_free);
  g_clear_pointer (&p->stoplist, lm_stoplist_free);
  g_clear_pointer (&p->stemmer, lm_stemmer_free);
}

LmRun *
lm_cli_load_run (const char *corpus_path, const char *lexicon_path, const char *stop_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  if (stemmer == NULL)
    {
      lm_cli_error (error);
      return NULL;
    }
  LmStoplist *stoplist = lm_cli_load_stoplist (stop_path);
  LmLexicon *lexicon = stoplist ? lm_cli_load_lexicon (lexicon_path, stemmer) : NULL;
  LmCorpus *corpus = lexicon ? lm_corpus_load (corpus_path, &error) : NULL;
  if (corpus == NULL)
    {
      if (error)
        lm_cli_error (error);
      lm_lexicon_free (lexicon);
      lm_stoplist_free (stoplist);
      return NULL;
    }
  return lm_run_new (corpus, corpus_path, lexicon, lexicon_path, stoplist, stop_path);
}

gboolean
lm_cli_check_files_and_format (const char *command, int argc, const char *format, gboolean *json)
{
  *json = FALSE;
  if (format && !(*json = g_str_equal (format, "json")) && !g_str_equal (format, "tsv"))
    {
      fprintf (stderr, "leitmotif %s: unknown format \"%s\" (tsv or json)\n", command, format);
      return FALSE;
    }
  if (argc < 2)
    {
      fprintf (stderr, "leitmotif %s: no FILE given (try --help)\n", command);
      return FALSE;
    }
  return TRUE;
}

static volatile gint interrupted = 0;

static void
on_interrupt (int sig)
{
  (void) sig;
  g_atomic_int_set (&interrupted, 1);
}

volatile gint *
lm_cli_catch_interrupts (void)
{
  struct sigaction sa = { 0 };
  sa.sa_handler = on_interrupt;
  sigaction (SIGINT, &sa, NULL);
  sigaction (SIGTERM, &sa, NULL);
  return &interrupted;
}
