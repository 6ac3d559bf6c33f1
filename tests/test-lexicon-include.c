/* test-lexicon-include.c - a lexicon's [work] group and its includes
 * ([lexicon] include=): lookup beside the file and on the data dirs, each
 * file once, cycles refused, errors with path:line (lexicon.h). */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/datadir.h"
#include "core/lm-error.h"
#include "lexicon/lexicon.h"
#include "test-helpers.h"

#define MOTIF(id) "[motif " id "]\ndescription=d\nterms=" id "\n"

typedef struct
{
  LmStemmer *stemmer;
  LmDataDirs *dirs;
  char *dir;
} Fixture;

static LmLexicon *
load (Fixture *fx, const char *const *files, const char *top, GError **error)
{
  fx->dir = lmt_make_tree (files);
  if (fx->stemmer == NULL)
    fx->stemmer = lm_stemmer_new (NULL);
  /* The project search starts in the tree: a "lexicons/" there makes it a
   * project, so "lexicons/NAME" is found through the data dirs. */
  fx->dirs = lm_data_dirs_new (fx->dir, NULL);
  g_autofree char *path = g_build_filename (fx->dir, top, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (path, &data, &len, NULL), "reading %s", path);
  return lm_lexicon_new_from_data_full (path, data, (gssize) len, fx->stemmer, fx->dirs, error);
}

static void
fixture_clear (Fixture *fx)
{
  if (fx->dir)
    lmt_remove_tree (fx->dir);
  g_free (fx->dir);
  lm_data_dirs_free (fx->dirs);
  lm_stemmer_free (fx->stemmer);
}

static guint
n_of_kind (const LmLexicon *lex, LmCategoryKind kind)
{
  guint n = 0;
  for (guint i = 0; i < lm_lexicon_get_n_categories (lex); i++)
    n += lm_lexicon_get_category (lex, i)->kind == kind;
  return n;
}

Test (lexicon_work, read)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon ("[work]\ntitle= The Picture of Dorian Gray \n"
                                          "short_titles=Dorian Gray; ;Picture\n"
                                          "author=Oscar Wilde\n" MOTIF ("art"));
  const LmWork *w = lm_lexicon_get_work (lex);
  cr_assert_not_null (w, "the [work] group is exposed");
  cr_expect_str_eq (w->title, "The Picture of Dorian Gray", "the title, trimmed");
  cr_expect_str_eq (w->author, "Oscar Wilde", "the author");
  cr_assert_eq (g_strv_length (w->short_titles), 2, "two short titles, the empty item dropped");
  cr_expect_str_eq (w->short_titles[0], "Dorian Gray", "first short title");
  cr_expect_str_eq (w->short_titles[1], "Picture", "second short title");
  cr_expect_eq (w->line, 1, "the [work] header's line");
  cr_expect_eq (lm_lexicon_get_n_categories (lex), 1, "[work] is not a category");
}

Test (lexicon_work, optional_and_defaults)
{
  g_autoptr(LmLexicon) none = lmt_lexicon (MOTIF ("art"));
  cr_expect_null (lm_lexicon_get_work (none), "no [work]: NULL");
  g_autoptr(LmLexicon) bare = lmt_lexicon ("[work]\ntitle=Salome\n" MOTIF ("art"));
  const LmWork *w = lm_lexicon_get_work (bare);
  cr_assert_not_null (w, "[work] with a title only");
  cr_expect_str_eq (w->author, "", "no author: empty");
  cr_expect_eq (g_strv_length (w->short_titles), 0, "no short titles: empty list");
}

Test (lexicon_work, errors)
{
  static const struct
  {
    const char *what, *data, *where;
    gint code;
  } cases[] = {
    { "no title", "[work]\nauthor=A\n" MOTIF ("art"), "lex.ini:1: [work] needs a title=", LM_ERROR_LEXICON },
    { "empty title", "[work]\ntitle= \n" MOTIF ("art"), "lex.ini:1: [work] needs a title=", LM_ERROR_LEXICON },
    { "unknown key", "[work]\ntitle=T\nyear=1890\n" MOTIF ("art"), "lex.ini:3: unknown key \"year\" in [work]", LM_ERROR_LEXICON },
    { "[lexicon] not first", MOTIF ("art") "[lexicon]\ninclude=x.ini\n", "lex.ini:4: [lexicon] must be the first group", LM_ERROR_SYNTAX },
    { "unknown [lexicon] key", "[lexicon]\ninclude=\nuse=x\n" MOTIF ("art"), "lex.ini:3: unknown key \"use\" in [lexicon]", LM_ERROR_LEXICON },
    { "only a [work]", "[work]\ntitle=T\n", "lex.ini: no categories", LM_ERROR_LEXICON },
  };
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LmLexicon) lex = lm_lexicon_new_from_data_full ("lex.ini", cases[i].data, -1,
                                                                stemmer, NULL, &error);
      cr_expect_null (lex, "%s: rejected", cases[i].what);
      lmt_assert_error (error, LM_ERROR, cases[i].code, cases[i].where, cases[i].what);
    }
}

Test (lexicon_include, beside_and_order)
{
  Fixture fx = { 0 };
  const char *files[] = {
    "work/main.ini", "[lexicon]\ninclude=shared.ini;sub/more.ini\n[work]\ntitle=T\n" MOTIF ("own"),
    "work/shared.ini", "[work]\ntitle=Ignored\n[genre g-one]\ndescription=d\nterms=novel\n",
    "work/sub/more.ini", MOTIF ("more"),
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = load (&fx, files, "work/main.ini", &error);
  cr_assert_not_null (lex, "includes beside the file load: %s", error ? error->message : "");
  cr_expect_eq (lm_lexicon_get_n_categories (lex), 3, "own + two included categories");
  cr_expect_str_eq (lm_lexicon_get_category (lex, 0)->id, "own", "the file's own categories first");
  cr_expect_str_eq (lm_lexicon_get_category (lex, 1)->id, "g-one", "then the includes, in order");
  cr_expect_str_eq (lm_lexicon_get_category (lex, 2)->id, "more", "a relative path with a folder");
  cr_expect_str_eq (lm_lexicon_get_work (lex)->title, "T", "an included file's [work] is ignored");
  const GPtrArray *read = lm_lexicon_get_files (lex);
  cr_assert_eq (read->len, 3, "three files read");
  cr_expect (g_str_has_suffix (read->pdata[1], "work/shared.ini"), "files in reading order");
  fixture_clear (&fx);
}

Test (lexicon_include, through_data_dirs)
{
  Fixture fx = { 0 };
  /* genres.ini is not beside the lexicon but in the project's lexicons/. */
  const char *files[] = {
    "elsewhere/w.ini", "[lexicon]\ninclude=genres.ini\n" MOTIF ("own"),
    "lexicons/genres.ini", "[genre novel]\ndescription=d\nterms=novel\n",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = load (&fx, files, "elsewhere/w.ini", &error);
  cr_assert_not_null (lex, "found as lexicons/genres.ini on the data dirs: %s",
                      error ? error->message : "");
  cr_expect_eq (n_of_kind (lex, LM_CATEGORY_GENRE), 1, "the genre came in");
  fixture_clear (&fx);
}

Test (lexicon_include, not_found_names_every_place)
{
  Fixture fx = { 0 };
  const char *files[] = {
    "lexicons/w.ini", "# w\n[lexicon]\ninclude=nowhere.ini\n" MOTIF ("own"),
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = load (&fx, files, "lexicons/w.ini", &error);
  cr_expect_null (lex, "a missing include is an error");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "w.ini:3: include \"nowhere.ini\" not found",
                    "missing include with path:line");
  cr_expect (strstr (error->message, "user data dir") || strstr (error->message, "/leitmotif/lexicons/nowhere.ini"),
             "the data dirs are named: %s", error->message);
  g_autofree char *beside = g_build_filename (fx.dir, "lexicons", "nowhere.ini", NULL);
  cr_expect (strstr (error->message, beside) != NULL, "the place beside the file is named: %s",
             error->message);
  fixture_clear (&fx);
}

Test (lexicon_include, cycle_refused)
{
  Fixture fx = { 0 };
  const char *files[] = {
    "a.ini", "[lexicon]\ninclude=b.ini\n" MOTIF ("a"),
    "b.ini", "[lexicon]\ninclude=c.ini\n" MOTIF ("b"),
    "c.ini", "[lexicon]\ninclude=a.ini\n" MOTIF ("c"),
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = load (&fx, files, "a.ini", &error);
  cr_expect_null (lex, "a cycle is refused");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LEXICON, "c.ini:2: include \"a.ini\" makes a cycle",
                    "cycle a -> b -> c -> a");
  fixture_clear (&fx);

  Fixture self = { 0 };
  const char *selfie[] = { "s.ini", "[lexicon]\ninclude=s.ini\n" MOTIF ("s"), NULL };
  g_autoptr(GError) e2 = NULL;
  g_autoptr(LmLexicon) l2 = load (&self, selfie, "s.ini", &e2);
  cr_expect_null (l2, "a file including itself is refused");
  lmt_assert_error (e2, LM_ERROR, LM_ERROR_LEXICON, "s.ini:2: include \"s.ini\" makes a cycle",
                    "self include");
  fixture_clear (&self);
}

Test (lexicon_include, diamond_once)
{
  Fixture fx = { 0 };
  const char *files[] = {
    "top.ini", "[lexicon]\ninclude=left.ini;right.ini\n" MOTIF ("top"),
    "left.ini", "[lexicon]\ninclude=base.ini\n" MOTIF ("left"),
    "right.ini", "[lexicon]\ninclude=base.ini\n" MOTIF ("right"),
    "base.ini", MOTIF ("base"),
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = load (&fx, files, "top.ini", &error);
  cr_assert_not_null (lex, "a file included twice loads once: %s", error ? error->message : "");
  cr_expect_eq (lm_lexicon_get_n_categories (lex), 4, "base's category is there once");
  fixture_clear (&fx);
}

Test (lexicon_include, errors_inside_include_name_it)
{
  Fixture fx = { 0 };
  const char *files[] = {
    "top.ini", "[lexicon]\ninclude=bad.ini\n" MOTIF ("top"),
    "bad.ini", MOTIF ("bad") "[motif x]\ndescription=d\nterms=a ~99 b\n",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = load (&fx, files, "top.ini", &error);
  cr_expect_null (lex, "a bad included file fails the lexicon");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LEXICON, "bad.ini:6: term \"a ~99 b\"",
                    "the included file's path:line");
  fixture_clear (&fx);

  Fixture dup = { 0 };
  const char *files2[] = {
    "top.ini", "[lexicon]\ninclude=dup.ini\n" MOTIF ("same"),
    "dup.ini", MOTIF ("same"),
    NULL,
  };
  g_autoptr(GError) e2 = NULL;
  g_autoptr(LmLexicon) l2 = load (&dup, files2, "top.ini", &e2);
  cr_expect_null (l2, "a category id in the file and its include is a duplicate");
  lmt_assert_error (e2, LM_ERROR, LM_ERROR_LEXICON, "dup.ini:1: duplicate category id \"same\"",
                    "duplicate across an include");
  fixture_clear (&dup);
}

Test (lexicon_include, sha_covers_includes)
{
  Fixture a = { 0 }, b = { 0 };
  const char *one[] = { "t.ini", "[lexicon]\ninclude=g.ini\n" MOTIF ("t"), "g.ini", MOTIF ("g"), NULL };
  const char *two[] = { "t.ini", "[lexicon]\ninclude=g.ini\n" MOTIF ("t"), "g.ini", MOTIF ("h"), NULL };
  g_autoptr(LmLexicon) l1 = load (&a, one, "t.ini", NULL);
  g_autoptr(LmLexicon) l2 = load (&b, two, "t.ini", NULL);
  cr_assert (l1 && l2, "both load");
  cr_expect_str_neq (lm_lexicon_get_sha256 (l1), lm_lexicon_get_sha256 (l2),
                     "a change in an included file changes the lexicon's sha256");
  fixture_clear (&a);
  fixture_clear (&b);

  /* Without includes the sha256 is the file's, as before includes existed. */
  const char plain[] = MOTIF ("p");
  g_autoptr(LmLexicon) p = lmt_lexicon (plain);
  g_autofree char *want = g_compute_checksum_for_string (G_CHECKSUM_SHA256, plain, -1);
  cr_expect_str_eq (lm_lexicon_get_sha256 (p), want, "no include: the file's own sha256");
}

/* never-let-me-go.ini: its genres come from genres.ini, unchanged. */
Test (lexicon_include, never_let_me_go_and_genres)
{
  g_autofree char *path = lmt_srcpath ("lexicons/never-let-me-go.ini");
  g_autofree char *gpath = lmt_srcpath ("lexicons/genres.ini");
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lex = lm_lexicon_load (path, stemmer, &error);
  cr_assert_not_null (lex, "%s loads: %s", path, error ? error->message : "");
  g_autoptr(LmLexicon) genres = lm_lexicon_load (gpath, stemmer, &error);
  cr_assert_not_null (genres, "%s loads on its own: %s", gpath, error ? error->message : "");
  const LmWork *w = lm_lexicon_get_work (lex);
  cr_assert_not_null (w, "never-let-me-go.ini has a [work]");
  cr_expect_str_eq (w->title, "Never Let Me Go", "title");
  cr_expect_str_eq (w->author, "Kazuo Ishiguro", "author");
  cr_expect (g_strv_contains ((const char *const *) w->short_titles, "NLMG"), "short title NLMG");
  cr_expect_null (lm_lexicon_get_work (genres), "genres.ini has no [work]: it is no work lexicon");
  cr_expect_eq (n_of_kind (genres, LM_CATEGORY_GENRE), lm_lexicon_get_n_categories (genres),
                "genres.ini holds genres only");
  cr_expect_eq (n_of_kind (lex, LM_CATEGORY_GENRE), lm_lexicon_get_n_categories (genres),
                "every genre of genres.ini is in never-let-me-go's lexicon");
  cr_expect (n_of_kind (lex, LM_CATEGORY_GENRE) >= 17, "the 17 genres of the stance rules");
}
