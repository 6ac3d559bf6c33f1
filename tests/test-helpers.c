/* test-helpers.c - shared helpers of the unit tests. */
#include "test-helpers.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *
lmt_srcpath (const char *rel)
{
  const char *root = g_getenv ("LM_TEST_SRCDIR");
  cr_assert (root != NULL && *root != '\0',
             "LM_TEST_SRCDIR must name the source tree (set by meson test)");
  return g_build_filename (root, rel, NULL);
}

char *
lmt_write_tmp (const char *data, gsize len)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("lm-test-XXXXXX.txt", &path, &error);
  cr_assert (fd >= 0, "creating a temporary file: %s", error ? error->message : "?");
  gsize done = 0;
  while (done < len)
    {
      ssize_t n = write (fd, data + done, len - done);
      cr_assert (n > 0, "writing the temporary file %s", path);
      done += (gsize) n;
    }
  close (fd);
  return path;
}

static void
token_clear (gpointer p)
{
  g_free (((LmtToken *) p)->folded);
}

static gboolean
collect_token (const LmRawToken *raw, gpointer user_data)
{
  LmtToken t = {
    .start = raw->start,
    .end = raw->end,
    .line = raw->line,
    .col = raw->col,
    .flags = raw->flags,
    .folded = g_strndup (raw->folded, raw->folded_len),
    .folded_len = raw->folded_len,
    .hash = raw->hash,
    .nul_terminated = raw->folded[raw->folded_len] == '\0',
  };
  g_array_append_val ((GArray *) user_data, t);
  return TRUE;
}

char *
lmt_make_tree (const char *const *files)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lm-test-XXXXXX", &error);
  cr_assert_not_null (dir, "a temporary folder: %s", error ? error->message : "?");
  for (guint i = 0; files[i]; i += 2)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      cr_assert (g_mkdir_with_parents (parent, 0755) == 0, "mkdir %s", parent);
      if (g_str_has_suffix (files[i], "/"))
        continue;
      cr_assert (g_file_set_contents (path, files[i + 1], -1, &error), "writing %s: %s",
                 path, error ? error->message : "?");
    }
  return dir;
}

void
lmt_remove_tree (const char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  cr_expect (system (cmd) == 0, "removing %s", dir);
}

GArray *
lmt_tokenize (const char *data, gssize len)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (LmtToken));
  g_array_set_clear_func (tokens, token_clear);
  if (len < 0)
    len = (gssize) strlen (data);
  g_autoptr(LmTokenizer) tz = lm_tokenizer_new ();
  guint64 n = lm_tokenizer_run (tz, data, (gsize) len, collect_token, tokens);
  cr_assert_eq (n, tokens->len,
                "lm_tokenizer_run returns the number of words emitted: "
                "returned %" G_GUINT64_FORMAT ", callback saw %u", n, tokens->len);
  return tokens;
}

char *
lmt_words (const char *s)
{
  g_autoptr(GArray) tokens = lmt_tokenize (s, -1);
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < tokens->len; i++)
    {
      if (i)
        g_string_append_c (out, ' ');
      g_string_append (out, g_array_index (tokens, LmtToken, i).folded);
    }
  return g_string_free (out, FALSE);
}

void
lmt_assert_error (const GError *error, GQuark domain, gint code,
                  const char *needle, const char *what)
{
  cr_assert_not_null (error, "%s: an error was expected, got success", what);
  cr_assert (error->domain == domain && error->code == code,
             "%s: expected error %s/%d, got %s/%d: %s", what,
             g_quark_to_string (domain), code,
             g_quark_to_string (error->domain), error->code, error->message);
  if (needle)
    cr_assert (strstr (error->message, needle) != NULL,
               "%s: the message should contain \"%s\", got \"%s\"",
               what, needle, error->message);
}

LmLexicon *
lmt_lexicon (const char *ini)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (stemmer, "lm_stemmer_new: %s", error ? error->message : "?");
  LmLexicon *lex = lm_lexicon_new_from_data ("lex.ini", ini, -1, stemmer, &error);
  cr_assert_not_null (lex, "the test lexicon should compile, got: %s\n---\n%s",
                      error ? error->message : "?", ini);
  return lex;
}

LmStoplist *
lmt_stoplist (void)
{
  static const char words[] =
    "me\nthe\na\nan\nis\nhis\nher\nit\nto\nof\non\nand\nnever\nshe\n";
  g_autoptr(GError) error = NULL;
  LmStoplist *s = lm_stoplist_new_from_data ("stop.txt", words, -1, &error);
  cr_assert_not_null (s, "the test stop list should load: %s",
                      error ? error->message : "?");
  return s;
}

LmtRun *
lmt_run (const char *ini, const char *text, LmAnalyzeFlags flags)
{
  LmtRun *run = g_new0 (LmtRun, 1);
  run->lexicon = lmt_lexicon (ini);
  run->stoplist = lmt_stoplist ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = lm_text_new_from_data ("<test>", text, -1, LM_TEXT_NONE, &error);
  cr_assert_not_null (t, "the test text should be valid: %s", error ? error->message : "?");
  g_autoptr(LmAnalyzer) an = lm_analyzer_new (run->lexicon, run->stoplist, &error);
  cr_assert_not_null (an, "lm_analyzer_new: %s", error ? error->message : "?");
  run->stats = lm_analyzer_analyze (an, t, NULL, flags);
  cr_assert_not_null (run->stats, "lm_analyzer_analyze returns stats");
  return run;
}

void
lmt_run_free (LmtRun *run)
{
  if (run == NULL)
    return;
  lm_doc_stats_free (run->stats);
  lm_stoplist_free (run->stoplist);
  lm_lexicon_free (run->lexicon);
  g_free (run);
}

static guint
category_index (const LmtRun *run, const char *id)
{
  gint i = lm_lexicon_find_category (run->lexicon, id);
  cr_assert (i >= 0, "the test lexicon has no category \"%s\"", id);
  return (guint) i;
}

guint64
lmt_run_hits (const LmtRun *run, const char *id)
{
  return lm_doc_stats_hits (run->stats, LM_VOICE_ALL, category_index (run, id));
}

char *
lmt_run_forms (const LmtRun *run, const char *id)
{
  g_autoptr(GPtrArray) forms = lm_doc_stats_sorted_forms (run->stats, LM_VOICE_ALL,
                                                          category_index (run, id));
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < forms->len; i++)
    {
      if (i)
        g_string_append (out, " | ");
      g_string_append (out, forms->pdata[i]);
    }
  return g_string_free (out, FALSE);
}

guint64
lmt_hits (const char *ini, const char *text, const char *id)
{
  g_autoptr(LmtRun) run = lmt_run (ini, text, LM_ANALYZE_COUNTS);
  return lmt_run_hits (run, id);
}
