/* cli-common.c - option parsing and loading shared by the subcommands. */
#include "cli-common.h"

#include <stdio.h>

gboolean
lm_cli_parse (GOptionContext *ctx, int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "leitmotif: %s (try --help)\n", error->message);
      return FALSE;
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
  LmLexicon *lex = lm_lexicon_load (path ? path : LM_DEFAULT_LEXICON, stemmer, &error);
  if (lex == NULL)
    lm_cli_error (error);
  return lex;
}
