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

/* "-j2": GOption takes a short option's value only as the next argument.
 * No short option is a digit, so "-X" followed by digits alone can only be
 * a value attached to -X: split it into "-X" "digits". */
static gboolean
attached_number (const char *arg)
{
  if (arg[0] != '-' || !g_ascii_isalpha (arg[1]) || arg[2] == '\0')
    return FALSE;
  for (const char *p = arg + 2; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static void
split_attached_numbers (int *argc, char ***argv)
{
  /* The new argument vector and the strings it adds live as long as the
   * process, as the original argv does. */
  static GPtrArray *args, *owned;
  gboolean any = FALSE;
  for (int i = 1; i < *argc && !g_str_equal ((*argv)[i], "--"); i++)
    any |= attached_number ((*argv)[i]);
  if (!any || args)
    return;
  args = g_ptr_array_new ();
  owned = g_ptr_array_new_with_free_func (g_free);
  gboolean done = FALSE;
  for (int i = 0; i < *argc; i++)
    {
      char *arg = (*argv)[i];
      done |= g_str_equal (arg, "--");
      if (i > 0 && !done && attached_number (arg))
        {
          char *opt = g_strndup (arg, 2), *val = g_strdup (arg + 2);
          g_ptr_array_add (owned, opt);
          g_ptr_array_add (owned, val);
          g_ptr_array_add (args, opt);
          g_ptr_array_add (args, val);
        }
      else
        g_ptr_array_add (args, arg);
    }
  *argc = (int) args->len;
  g_ptr_array_add (args, NULL);
  *argv = (char **) args->pdata;
}

gboolean
lm_cli_parse (GOptionContext *ctx, int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  split_attached_numbers (argc, argv);
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

static const char *const option_names[] = {
  [LM_DATA_STOPWORDS] = "--stopwords",
  [LM_DATA_LEXICON] = "--lexicon",
  [LM_DATA_CORPUS] = "--corpus",
};

LmDataFile *
lm_cli_resolve (LmDataKind kind, const char *option)
{
  g_autoptr(GError) error = NULL;
  LmDataFile *f = lm_data_dirs_resolve (lm_data_dirs_get_default (), kind, option,
                                        option_names[kind], &error);
  if (f == NULL)
    lm_cli_error (error);
  return f;
}

LmStoplist *
lm_cli_load_stoplist (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) f = lm_cli_resolve (LM_DATA_STOPWORDS, path);
  if (f == NULL)
    return NULL;
  LmStoplist *s = lm_stoplist_load (f->path, &error);
  if (s == NULL)
    lm_cli_error (error);
  return s;
}

LmLexicon *
lm_cli_load_lexicon (const char *path, LmStemmer *stemmer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) f = lm_cli_resolve (LM_DATA_LEXICON, path);
  if (f == NULL)
    return NULL;
  /* .ini or LIWC .dic: wherever --lexicon is accepted */
  LmLexicon *lex = lm_lexicon_load_any (f->path, stemmer, &error);
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
lm_cli_load_run_with (LmCorpus *corpus, const char *corpus_name,
                      const char *lexicon_path, const char *stop_path)
{
  g_autoptr(LmCorpus) owned = corpus;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  if (stemmer == NULL)
    {
      lm_cli_error (error);
      return NULL;
    }
  /* Reports name the files as given, or by their names under the data dir
   * they were found in: never an absolute path of this machine. */
  g_autoptr(LmDataFile) stop = lm_cli_resolve (LM_DATA_STOPWORDS, stop_path);
  g_autoptr(LmDataFile) lex = stop ? lm_cli_resolve (LM_DATA_LEXICON, lexicon_path) : NULL;
  if (lex == NULL)
    return NULL;
  g_autoptr(LmStoplist) stoplist = lm_stoplist_load (stop->path, &error);
  g_autoptr(LmLexicon) lexicon = stoplist ? lm_lexicon_load_any (lex->path, stemmer, &error) : NULL;
  if (lexicon == NULL)
    {
      lm_cli_error (error);
      return NULL;
    }
  return lm_run_new (g_steal_pointer (&owned), corpus_name, g_steal_pointer (&lexicon),
                     lex->display, g_steal_pointer (&stoplist), stop->display);
}

LmRun *
lm_cli_load_run (const char *corpus_path, const char *lexicon_path, const char *stop_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) cf = lm_cli_resolve (LM_DATA_CORPUS, corpus_path);
  if (cf == NULL)
    return NULL;
  LmCorpus *corpus = lm_corpus_load (cf->path, &error);
  if (corpus == NULL)
    {
      lm_cli_error (error);
      return NULL;
    }
  return lm_cli_load_run_with (corpus, cf->display, lexicon_path, stop_path);
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
