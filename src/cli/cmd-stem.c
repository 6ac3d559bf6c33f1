/* cmd-stem.c - `leitmotif stem [WORD...]`: fold and stem words. */
#include <stdio.h>
#include <string.h>

#include "cli-common.h"
#include "core/fold.h"
#include "core/stemmer.h"

static gboolean
stem_one (LmStemmer *stemmer, const char *word, GString *out)
{
  if (!g_utf8_validate (word, -1, NULL))
    return FALSE;
  g_autofree char *folded = lm_fold (word, -1);
  gsize len;
  const char *stem = lm_stemmer_stem (stemmer, folded, strlen (folded), &len);
  g_string_append_len (out, stem, (gssize) len);
  g_string_append_c (out, '\n');
  return TRUE;
}

int
lm_cmd_stem (int argc, char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("[WORD...] - stem words");
  g_option_context_set_description (ctx,
      "Folds each word as the tokenizer does (NFKC, case folding, ’ as ') and prints\n"
      "its Snowball English (Porter2) stem, one a line.  Without WORDs, stems each\n"
      "line of standard input.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  if (stemmer == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  int status = LM_EXIT_OK;
  g_autoptr(GString) out = g_string_new (NULL);
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        if (!stem_one (stemmer, argv[i], out))
          {
            fprintf (stderr, "leitmotif stem: argument %d is not valid UTF-8\n", i);
            status = LM_EXIT_INPUT_FAILED;
          }
    }
  else
    {
      g_autofree char *buf = NULL;
      size_t cap = 0;
      guint lineno = 0;
      /* getline: words of any length, one a line. */
      while (getline (&buf, &cap, stdin) >= 0)
        {
          lineno++;
          buf[strcspn (buf, "\r\n")] = '\0';
          if (!stem_one (stemmer, buf, out))
            {
              fprintf (stderr, "leitmotif stem: <stdin>:%u: not valid UTF-8\n", lineno);
              status = LM_EXIT_INPUT_FAILED;
            }
          if (out->len > 1 << 16)
            {
              fwrite (out->str, 1, out->len, stdout);
              g_string_truncate (out, 0);
            }
        }
    }
  fwrite (out->str, 1, out->len, stdout);
  return status;
}
