/* test-corpus.c - the corpus manifest (corpus.h). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "analysis/corpus.h"
#include "core/lm-error.h"
#include "test-helpers.h"

static LmCorpus *
from_data (const char *data)
{
  g_autoptr(GError) error = NULL;
  LmCorpus *c = lm_corpus_new_from_data ("corpus.ini", "/base", data, -1, &error);
  cr_assert_not_null (c, "the manifest should load, got: %s", error ? error->message : "?");
  return c;
}

static const char manifest[] =
  "# essays\n"                                        /* 1 */
  "[text carden]\n"                                   /* 2 */
  "file=carden.txt\n"                                 /* 3 */
  "critic=Gary Carden\n"                              /* 4 */
  "outlet=The Smoky Mountain News\n"                  /* 5 */
  "title=Ishiguro\u2019s novel\n"                     /* 6 */
  "boilerplate=Archived Reading Room;Go to top\n"     /* 7 */
  "body_from=It is\n"                                 /* 8 */
  "\n"                                                /* 9 */
  "[text hope-essay2]\n"                              /* 10 */
  "file=sub/essay.txt\n"                              /* 11 */
  "critic=unsigned\n"                                 /* 12 */
  "[text no-critic]\n"                                /* 13 */
  "file=/abs/path.txt\n"                              /* 14 */
  "critic=\n";                                        /* 15 */

Test (corpus, entries)
{
  g_autoptr(LmCorpus) c = from_data (manifest);
  cr_assert_eq (lm_corpus_get_n_entries (c), 3, "3 entries expected, got %u", lm_corpus_get_n_entries (c));
  cr_expect_str_eq (lm_corpus_get_name (c), "corpus.ini", "the manifest's name");

  const LmCorpusEntry *a = lm_corpus_get_entry (c, 0);
  cr_expect_str_eq (a->id, "carden", "id from the group name, got \"%s\"", a->id);
  cr_expect_str_eq (a->file, "carden.txt", "file as written, got \"%s\"", a->file);
  g_autofree char *a_path = g_build_filename ("/base", "carden.txt", NULL);
  cr_expect_str_eq (a->path, a_path, "path resolved against the base dir, got \"%s\"", a->path);
  cr_expect_str_eq (a->critic, "Gary Carden", "critic, got \"%s\"", a->critic);
  cr_expect_str_eq (a->outlet, "The Smoky Mountain News", "outlet, got \"%s\"", a->outlet);
  cr_expect_str_eq (a->title, "Ishiguro\u2019s novel", "title, got \"%s\"", a->title);
  cr_expect_eq (a->line, 2, "[text carden] is on line 2, got %u", a->line);
  g_autofree char *a_name = lm_corpus_entry_display_name (a);
  cr_expect_str_eq (a_name, "Gary Carden", "a signed text shows its critic, got \"%s\"", a_name);

  cr_assert_not_null (a->hints.boilerplate, "boilerplate hints are read");
  cr_expect_eq (g_strv_length (a->hints.boilerplate), 2, "a ;-list of 2 boilerplate lines");
  cr_expect_str_eq (a->hints.boilerplate[1], "Go to top", "second boilerplate hint");
  cr_expect_str_eq (a->hints.body_from, "It is", "body_from hint, got \"%s\"", a->hints.body_from);
  cr_expect_null (a->hints.comments_from, "absent hints are NULL");

  const LmCorpusEntry *b = lm_corpus_get_entry (c, 1);
  cr_expect_str_eq (b->id, "hope-essay2", "id with a hyphen and a digit, got \"%s\"", b->id);
  g_autofree char *b_path = g_build_filename ("/base", "sub/essay.txt", NULL);
  cr_expect_str_eq (b->path, b_path, "relative path resolved, got \"%s\"", b->path);
  cr_expect_str_eq (b->critic, "unsigned", "critic \"unsigned\", got \"%s\"", b->critic);
  cr_expect_str_eq (b->outlet, "", "no outlet= gives \"\", got \"%s\"", b->outlet);
  cr_expect_str_eq (b->title, "", "no title= gives \"\", got \"%s\"", b->title);
  cr_expect_eq (b->line, 10, "[text hope-essay2] is on line 10, got %u", b->line);
  g_autofree char *b_name = lm_corpus_entry_display_name (b);
  cr_expect_str_eq (b_name, "unsigned (hope-essay2)", "an unsigned text shows \"unsigned (ID)\", got \"%s\"",
                    b_name);

  const LmCorpusEntry *d = lm_corpus_get_entry (c, 2);
  cr_expect_str_eq (d->path, "/abs/path.txt", "an absolute file= is kept, got \"%s\"", d->path);
  cr_expect_str_eq (d->critic, "unsigned", "an empty critic= is \"unsigned\", got \"%s\"", d->critic);
  g_autofree char *d_name = lm_corpus_entry_display_name (d);
  cr_expect_str_eq (d_name, "unsigned (no-critic)", "display name, got \"%s\"", d_name);
}

Test (corpus, critic_defaults_to_unsigned)
{
  g_autoptr(LmCorpus) c = from_data ("[text x]\nfile=x.txt\n");
  const LmCorpusEntry *e = lm_corpus_get_entry (c, 0);
  cr_expect_str_eq (e->critic, "unsigned", "without critic= the critic is \"unsigned\", got \"%s\"", e->critic);
  g_autofree char *name = lm_corpus_entry_display_name (e);
  cr_expect_str_eq (name, "unsigned (x)", "display name \"unsigned (x)\", got \"%s\"", name);
}

typedef struct
{
  char what[48];
  char data[128];
  char where[20]; /* "corpus.ini:N:" */
} BadCase;

ParameterizedTestParameters (corpus, errors)
{
  static BadCase cases[] = {
    { "bad group kind", "[text a]\nfile=a.txt\n\n[essay b]\nfile=b.txt\n", "corpus.ini:4:" },
    { "upper-case id", "# c\n[text Carden]\nfile=a.txt\n", "corpus.ini:2:" },
    { "id with a space", "[text a b]\nfile=a.txt\n", "corpus.ini:1:" },
    { "missing file=", "[text a]\nfile=a.txt\n[text b]\ncritic=Someone\n", "corpus.ini:3:" },
    { "empty file=", "[text a]\nfile=  \n", "corpus.ini:1:" },
    { "unknown key", "[text a]\nfile=a.txt\ncritic=X\nauthor=Y\n", "corpus.ini:4:" },
    { "duplicate group", "[text a]\nfile=a.txt\n[text a]\nfile=b.txt\n", "corpus.ini:3:" },
    { "duplicate key", "[text a]\nfile=a.txt\nfile=b.txt\n", "corpus.ini:3:" },
    { "key before group", "file=a.txt\n[text a]\n", "corpus.ini:1:" },
  };
  return cr_make_param_array (BadCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (BadCase *c, corpus, errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) corpus = lm_corpus_new_from_data ("corpus.ini", "/base", c->data, -1, &error);
  cr_expect_null (corpus, "%s: the manifest should be rejected", c->what);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, c->where, c->what);
  cr_expect (g_str_has_prefix (error->message, c->where), "%s: the message should start with \"%s\", got \"%s\"",
             c->what, c->where, error->message);
}

Test (corpus, no_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) c = lm_corpus_new_from_data ("corpus.ini", "/base", "# empty\n", -1, &error);
  cr_expect_null (c, "a manifest without [text ID] groups is rejected");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, "corpus.ini", "no entries");
}

Test (corpus, missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) c = lm_corpus_load ("/nonexistent/lm-test/corpus.ini", &error);
  cr_expect_null (c, "a missing manifest cannot be loaded");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, NULL, "missing manifest");
}

Test (corpus, seed_manifest)
{
  g_autofree char *path = lmt_srcpath ("texts/corpus.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) c = lm_corpus_load (path, &error);
  cr_assert_not_null (c, "%s should load: %s", path, error ? error->message : "?");
  cr_assert_eq (lm_corpus_get_n_entries (c), 4, "4 essays expected, got %u", lm_corpus_get_n_entries (c));
  const char *ids[] = { "nlmg-themes", "carden", "artifice", "hope-essay" };
  g_autofree char *dir = lmt_srcpath ("texts");
  for (guint i = 0; i < 4; i++)
    {
      const LmCorpusEntry *e = lm_corpus_get_entry (c, i);
      cr_expect_str_eq (e->id, ids[i], "entry %u: id \"%s\" expected, got \"%s\"", i, ids[i], e->id);
      cr_expect (g_file_test (e->path, G_FILE_TEST_IS_REGULAR), "entry %s: %s should exist", e->id, e->path);
      g_autofree char *want = g_build_filename (dir, e->file, NULL);
      cr_expect_str_eq (e->path, want, "entry %s: path resolved against texts/, got \"%s\"", e->id, e->path);
    }
  const LmCorpusEntry *carden = lm_corpus_get_entry (c, 1);
  cr_expect_str_eq (carden->critic, "Gary Carden", "carden's critic, got \"%s\"", carden->critic);
  g_autofree char *name = lm_corpus_entry_display_name (lm_corpus_get_entry (c, 0));
  cr_expect_str_eq (name, "unsigned (nlmg-themes)", "an unsigned seed's display name, got \"%s\"", name);
}
