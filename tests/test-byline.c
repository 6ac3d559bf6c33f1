/* test-byline.c - critic, outlet and title guessed from a text's first
 * lines (analysis/byline.h), ids from file names and corpora of plain files
 * (corpus.h), and new projects (project.h). */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "analysis/byline.h"
#include "analysis/corpus.h"
#include "analysis/project.h"
#include "core/lm-error.h"
#include "test-helpers.h"

typedef struct
{
  const char *what, *text, *critic, *outlet, *title;
  guint critic_line, outlet_line;
} BylineCase;

static const BylineCase byline_cases[] = {
  { "byline with outlet", "A Review\nBy Jane Roe | The Tribune\n\nText.\n", "Jane Roe", "The Tribune", "A Review", 2, 2 },
  { "byline, comma outlet", "By Ann de Vries, The Athenaeum\n", "Ann de Vries", "The Athenaeum", NULL, 1, 1 },
  { "byline alone, any case", "BY JOHN SMITH\nbody.\n", "JOHN SMITH", NULL, NULL, 1, 0 },
  { "by in prose is no byline", "by the way, this is prose.\n", NULL, NULL, NULL, 0, 0 },
  { "too many name words", "By One Two Three Four Five Six Seven\n", NULL, NULL, NULL, 0, 0 },
  { "outlet line in parentheses", "RUSSIAN NOVELISTS\n(_Pall Mall Gazette_, May 2, 1887.)\n\nOf the three...\n",
    NULL, "Pall Mall Gazette", "RUSSIAN NOVELISTS", 0, 2 },
  { "published in", "\n\nPublished in The Dial.\nText.\n", NULL, "The Dial", NULL, 0, 3 },
  { "source:", "Source: *Granta*\n", NULL, "Granta", NULL, 0, 1 },
  { "a sentence is no title", "This is a sentence.\nBy Al Bo\n", "Al Bo", NULL, NULL, 2, 0 },
  { "BOM and CRLF", "\xEF\xBB\xBFTitle Here\r\nBy Cy Do\r\n", "Cy Do", NULL, "Title Here", 2, 0 },
  { "nothing", "", NULL, NULL, NULL, 0, 0 },
};

Test (byline, guesses)
{
  for (guint i = 0; i < G_N_ELEMENTS (byline_cases); i++)
    {
      const BylineCase *c = &byline_cases[i];
      g_autoptr(LmByline) b = lm_byline_guess (c->text, strlen (c->text));
      cr_expect_str_eq (b->critic ? b->critic : "(none)", c->critic ? c->critic : "(none)", "%s: critic", c->what);
      cr_expect_str_eq (b->outlet ? b->outlet : "(none)", c->outlet ? c->outlet : "(none)", "%s: outlet", c->what);
      cr_expect_str_eq (b->title ? b->title : "(none)", c->title ? c->title : "(none)", "%s: title", c->what);
      cr_expect_eq (b->critic_line, c->critic_line, "%s: critic line %u", c->what, b->critic_line);
      cr_expect_eq (b->outlet_line, c->outlet_line, "%s: outlet line %u", c->what, b->outlet_line);
    }
}

Test (byline, only_the_first_lines_and_any_bytes)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < LM_BYLINE_MAX_LINES; i++)
    g_string_append (s, "a line of prose that ends.\n");
  g_string_append (s, "By Late Name\n");
  g_autoptr(LmByline) late = lm_byline_guess (s->str, s->len);
  cr_expect_null (late->critic, "a byline after the first %d non-blank lines is not read", LM_BYLINE_MAX_LINES);
  g_string_free (s, TRUE);
  const char bad[] = "By Ann \xff\xfe Roe\n\0By Nul Byte\n";
  g_autoptr(LmByline) b = lm_byline_guess (bad, sizeof bad - 1);
  cr_expect_not_null (b, "invalid UTF-8 and a NUL byte do not stop it");
}

Test (corpus_ids, from_file_names)
{
  static const char *const cases[][2] = {
    { "Dorian Gray (1891).txt", "dorian-gray-1891" },
    { "/a/b/RUSSIAN_novelists.md", "russian-novelists" },
    { "--.txt", "text" },
    { "Mr. Pater's Portraits.txt", "mr-pater-s-portraits" },
    { "café.txt", "caf" },
    { "noext", "noext" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = lm_corpus_id_from_file_name (cases[i][0]);
      cr_expect_str_eq (id, cases[i][1], "id of %s", cases[i][0]);
    }
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *a = lm_corpus_unique_id (taken, "x/essay.txt");
  g_autofree char *b = lm_corpus_unique_id (taken, "y/essay.md");
  g_autofree char *c = lm_corpus_unique_id (taken, "essay.txt");
  cr_expect_str_eq (a, "essay", "first");
  cr_expect_str_eq (b, "essay-2", "second of the name");
  cr_expect_str_eq (c, "essay-3", "third of the name");
}

Test (corpus_files, plain_files)
{
  const char *files[] = { "a/Roe.txt", "By Jane Roe\n\nText.\n", "b/roe.txt", "no byline\n", NULL };
  g_autofree char *dir = lmt_make_tree (files);
  g_autofree char *p1 = g_build_filename (dir, "a", "Roe.txt", NULL);
  g_autofree char *p2 = g_build_filename (dir, "b", "roe.txt", NULL);
  g_autofree char *p3 = g_build_filename (dir, "missing.txt", NULL);
  const char *paths[] = { p1, p2, p3, NULL };
  const char *shown[] = { "a/Roe.txt", "b/roe.txt", "missing.txt", NULL };
  g_autoptr(LmCorpus) corpus = lm_corpus_new_from_files ("plain", paths, shown);
  cr_assert_eq (lm_corpus_get_n_entries (corpus), 3, "one entry a file");
  const LmCorpusEntry *e0 = lm_corpus_get_entry (corpus, 0), *e1 = lm_corpus_get_entry (corpus, 1);
  const LmCorpusEntry *e2 = lm_corpus_get_entry (corpus, 2);
  cr_expect_str_eq (e0->id, "roe", "id from the file name");
  cr_expect_str_eq (e1->id, "roe-2", "ids made unique");
  cr_expect_str_eq (e0->critic, "Jane Roe", "critic from the byline");
  cr_expect_str_eq (e1->critic, "unsigned", "no byline: unsigned");
  cr_expect_str_eq (e1->outlet, "", "no outlet: empty");
  cr_expect_str_eq (e2->critic, "unsigned", "a missing file is unsigned here, and fails when analyzed");
  cr_expect_str_eq (e0->file, "a/Roe.txt", "shown as given");
  lmt_remove_tree (dir);
}

Test (corpus_files, same_critic_told_apart)
{
  g_autoptr(LmCorpus) c = lm_corpus_new_from_data ("c.ini", ".",
      "[text a]\nfile=a.txt\ncritic=Oscar Wilde\n[text b]\nfile=b.txt\ncritic=Oscar Wilde\n"
      "[text c]\nfile=c.txt\ncritic=Walter Pater\n[text d]\nfile=d.txt\n", -1, NULL);
  cr_assert_not_null (c, "the manifest loads");
  g_autofree char *a = lm_corpus_display_name (c, 0);
  g_autofree char *cc = lm_corpus_display_name (c, 2);
  g_autofree char *d = lm_corpus_display_name (c, 3);
  cr_expect_str_eq (a, "Oscar Wilde (a)", "two texts by one critic: the id tells them apart");
  cr_expect_str_eq (cc, "Walter Pater", "a critic with one text: the name alone");
  cr_expect_str_eq (d, "unsigned (d)", "unsigned as before");
}

Test (project, init_writes_and_refuses)
{
  const char *files[] = { "in/one.txt", "By Al Bo\n\nText.\n", "in2/one.txt", "x\n", NULL };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *dir = g_build_filename (root, "proj", NULL);
  g_autofree char *one = g_build_filename (root, "in", "one.txt", NULL);
  g_autofree char *one2 = g_build_filename (root, "in2", "one.txt", NULL);
  g_autofree char *missing = g_build_filename (root, "in", "none.txt", NULL);
  LmProjectOptions opt = { "Salomé: A Tragedy", "Oscar Wilde" };

  g_autoptr(GError) error = NULL;
  const char *dup[] = { one, one2, NULL };
  cr_expect (!lm_project_init (dir, &opt, dup, NULL, &error), "two files of one name are refused");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_USAGE, "already in the project", "duplicate name");
  cr_expect (!g_file_test (dir, G_FILE_TEST_EXISTS), "nothing written before every check passed");
  g_clear_error (&error);
  const char *miss[] = { missing, NULL };
  cr_expect (!lm_project_init (dir, &opt, miss, NULL, &error), "a missing file is refused");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_USAGE, "not a file", "missing file");
  g_clear_error (&error);

  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  const char *ok[] = { one, NULL };
  cr_assert (lm_project_init (dir, &opt, ok, written, &error), "init: %s", error ? error->message : "");
  cr_expect_eq (written->len, 3, "the text, corpus.ini and the lexicon are written");
  g_autofree char *name = lm_project_lexicon_name (opt.title);
  cr_expect_str_eq (name, "salom-a-tragedy.ini", "the lexicon's name from the title");
  g_autofree char *lexpath = g_build_filename (dir, "lexicons", name, NULL);
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (dir, NULL);
  g_autofree char *data = NULL;
  cr_assert (g_file_get_contents (lexpath, &data, NULL, NULL), "the lexicon exists");
  /* genres.ini is not beside it: the repository's, for the test. */
  g_autofree char *genres = lmt_srcpath ("lexicons/genres.ini");
  g_autofree char *copy = g_build_filename (dir, "lexicons", "genres.ini", NULL);
  g_autofree char *gdata = NULL;
  cr_assert (g_file_get_contents (genres, &gdata, NULL, NULL));
  cr_assert (g_file_set_contents (copy, gdata, -1, NULL));
  g_autoptr(LmLexicon) lex = lm_lexicon_new_from_data_full (lexpath, data, -1, stemmer, dirs, &error);
  cr_assert_not_null (lex, "the written lexicon loads: %s", error ? error->message : "");
  const LmWork *w = lm_lexicon_get_work (lex);
  cr_assert_not_null (w, "it has a [work]");
  cr_expect_str_eq (w->title, "Salomé: A Tragedy", "the title, verbatim");
  cr_expect_str_eq (w->author, "Oscar Wilde", "the author");
  cr_expect (strstr (data, "# [motif example]") != NULL, "a commented motif template");

  g_autofree char *ini = g_build_filename (dir, "texts", "corpus.ini", NULL);
  g_autoptr(LmCorpus) corpus = lm_corpus_load (ini, &error);
  cr_assert_not_null (corpus, "the written manifest loads: %s", error ? error->message : "");
  cr_expect_str_eq (lm_corpus_get_entry (corpus, 0)->critic, "Al Bo", "the byline's critic");

  g_unlink (copy);
  cr_expect (!lm_project_init (dir, &opt, NULL, NULL, &error), "a project is not made twice");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_USAGE, "already a project", "second init");
  lmt_remove_tree (root);
}
