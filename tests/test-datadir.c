/* test-datadir.c - where default files are found (datadir.h): option,
 * environment, projects upward, user and system data dirs; errors that name
 * every place looked. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/datadir.h"
#include "core/lm-error.h"
#include "test-helpers.h"

/* Every test runs with its own XDG dirs, so that nothing installed on the
 * machine is found. */
static char *xdg;

static void
setup (void)
{
  const char *files[] = { "home/", "", "sys/", "", NULL };
  xdg = lmt_make_tree (files);
  g_autofree char *home = g_build_filename (xdg, "home", NULL);
  g_autofree char *sys = g_build_filename (xdg, "sys", NULL);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_DATA_DIRS", sys, TRUE);
  g_unsetenv ("LM_LEXICON");
  g_unsetenv ("LM_STOPWORDS");
  g_unsetenv ("LM_CORPUS");
}

static void
teardown (void)
{
  lmt_remove_tree (xdg);
  g_free (xdg);
}

TestSuite (datadir, .init = setup, .fini = teardown);

Test (datadir, projects_upward_nearest_first)
{
  const char *files[] = {
    "outer/lexicons/", "",
    "outer/inner/texts/corpus.ini", "",
    "outer/inner/deep/x/", "",
    NULL,
  };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *deep = g_build_filename (root, "outer", "inner", "deep", "x", NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (deep, NULL);
  g_autofree char *inner = g_build_filename (root, "outer", "inner", NULL);
  g_autofree char *outer = g_build_filename (root, "outer", NULL);
  LmDataDirKind kind;
  cr_assert_str_eq (lm_data_dirs_get_project (dirs), inner, "the nearest project");
  cr_expect_str_eq (lm_data_dirs_get_dir (dirs, 0, &kind), inner, "first the nearest project");
  cr_expect_eq (kind, LM_DATA_DIR_PROJECT, "a project folder");
  cr_expect_str_eq (lm_data_dirs_get_dir (dirs, 1, &kind), outer, "then the one above");
  g_autofree char *user = g_build_filename (xdg, "home", "leitmotif", NULL);
  g_autofree char *sys = g_build_filename (xdg, "sys", "leitmotif", NULL);
  cr_expect_str_eq (lm_data_dirs_get_dir (dirs, 2, &kind), user, "then $XDG_DATA_HOME/leitmotif");
  cr_expect_eq (kind, LM_DATA_DIR_USER, "the user data dir");
  cr_expect_str_eq (lm_data_dirs_get_dir (dirs, 3, &kind), sys, "then each system data dir");
  cr_expect_eq (kind, LM_DATA_DIR_SYSTEM, "a system data dir");
  lmt_remove_tree (root);
}

Test (datadir, beside_the_program)
{
  const char *files[] = { "prefix/bin/", "", "prefix/share/leitmotif/stopwords/english.txt", "a\n", NULL };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *bin = g_build_filename (root, "prefix", "bin", NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (root, bin);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) f = lm_data_dirs_find (dirs, "stopwords/english.txt", FALSE, &error);
  cr_assert_not_null (f, "../share/leitmotif beside the program is searched: %s",
                      error ? error->message : "");
  cr_expect_str_eq (f->display, "stopwords/english.txt", "shown by its name, never absolute");
  cr_expect (strstr (f->origin, "system data dir") != NULL, "origin: %s", f->origin);
  lmt_remove_tree (root);
}

Test (datadir, resolve_order)
{
  const char *files[] = {
    "proj/lexicons/work.ini", "[work]\ntitle=T\n",
    "proj/lexicons/genres.ini", "[genre g]\n",
    "proj/stopwords/english.txt", "a\n",
    "proj/texts/corpus.ini", "",
    NULL,
  };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *proj = g_build_filename (root, "proj", NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (proj, NULL);
  g_autoptr(GError) error = NULL;

  g_autoptr(LmDataFile) opt = lm_data_dirs_resolve (dirs, LM_DATA_LEXICON, "given.ini", "--lexicon", &error);
  cr_expect_str_eq (opt->path, "given.ini", "the option first, as given");
  cr_expect_str_eq (opt->origin, "--lexicon", "its origin is the option");

  g_setenv ("LM_LEXICON", "env.ini", TRUE);
  g_autoptr(LmDataFile) env = lm_data_dirs_resolve (dirs, LM_DATA_LEXICON, NULL, "--lexicon", &error);
  cr_expect_str_eq (env->path, "env.ini", "then the environment variable");
  cr_expect_str_eq (env->origin, "$LM_LEXICON", "its origin is the variable");
  g_unsetenv ("LM_LEXICON");

  g_autoptr(LmDataFile) lex = lm_data_dirs_resolve (dirs, LM_DATA_LEXICON, NULL, "--lexicon", &error);
  cr_assert_not_null (lex, "the project's work lexicon: %s", error ? error->message : "");
  cr_expect_str_eq (lex->display, "lexicons/work.ini", "the one with [work], not genres.ini");
  g_autoptr(LmDataFile) stop = lm_data_dirs_resolve (dirs, LM_DATA_STOPWORDS, NULL, "--stopwords", &error);
  cr_assert_not_null (stop, "the project's stop list");
  cr_expect_str_eq (stop->display, "stopwords/english.txt", "by name");
  g_autoptr(LmDataFile) corpus = lm_data_dirs_resolve (dirs, LM_DATA_CORPUS, NULL, "--corpus", &error);
  cr_assert_not_null (corpus, "the project's manifest");
  cr_expect (strstr (corpus->origin, proj) != NULL, "found in the project: %s", corpus->origin);
  lmt_remove_tree (root);
}

Test (datadir, user_before_system_and_corpus_only_in_projects)
{
  const char *files[] = { "empty/", "", NULL };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *in_home = g_build_filename (xdg, "home", "leitmotif", "stopwords", NULL);
  g_autofree char *in_sys = g_build_filename (xdg, "sys", "leitmotif", "stopwords", NULL);
  g_mkdir_with_parents (in_home, 0755);
  g_mkdir_with_parents (in_sys, 0755);
  g_autofree char *h = g_build_filename (in_home, "english.txt", NULL);
  g_autofree char *s = g_build_filename (in_sys, "english.txt", NULL);
  g_file_set_contents (h, "a\n", -1, NULL);
  g_file_set_contents (s, "a\n", -1, NULL);
  g_autofree char *corpus_dir = g_build_filename (xdg, "sys", "leitmotif", "texts", NULL);
  g_mkdir_with_parents (corpus_dir, 0755);
  g_autofree char *c = g_build_filename (corpus_dir, "corpus.ini", NULL);
  g_file_set_contents (c, "", -1, NULL);

  g_autofree char *empty = g_build_filename (root, "empty", NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (empty, NULL);
  cr_expect_null (lm_data_dirs_get_project (dirs), "an empty folder is no project");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) stop = lm_data_dirs_resolve (dirs, LM_DATA_STOPWORDS, NULL, "--stopwords", &error);
  cr_assert_not_null (stop, "found in a data dir");
  cr_expect_str_eq (stop->path, h, "the user's data dir before the system's");

  g_autoptr(LmDataFile) corpus = lm_data_dirs_resolve (dirs, LM_DATA_CORPUS, NULL, "--corpus", &error);
  cr_expect_null (corpus, "a manifest is a project's, never a data dir's");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no corpus manifest", "no manifest");
  lmt_remove_tree (root);
}

Test (datadir, errors_name_every_place)
{
  const char *files[] = { "p/lexicons/genres.ini", "[genre g]\n", "p/sub/", "", NULL };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *sub = g_build_filename (root, "p", "sub", NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (sub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) stop = lm_data_dirs_resolve (dirs, LM_DATA_STOPWORDS, NULL, "--stopwords", &error);
  cr_assert_null (stop, "no stop list anywhere");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no stop list: not given (--stopwords), $LM_STOPWORDS not set",
                    "the option and variable are named");
  for (guint i = 0; i < lm_data_dirs_get_n (dirs); i++)
    {
      g_autofree char *want = g_build_filename (lm_data_dirs_get_dir (dirs, i, NULL), "stopwords",
                                                "english.txt", NULL);
      cr_expect (strstr (error->message, want) != NULL, "place %u (%s) is named: %s", i, want,
                 error->message);
    }
  g_clear_error (&error);
  g_autoptr(LmDataFile) lex = lm_data_dirs_resolve (dirs, LM_DATA_LEXICON, NULL, "--lexicon", &error);
  cr_assert_null (lex, "genres.ini alone is no work lexicon");
  g_autofree char *lexdir = g_build_filename (root, "p", "lexicons", "*.ini", NULL);
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, lexdir, "the project's lexicons/ is named");
  lmt_remove_tree (root);
}

Test (datadir, several_work_lexicons_refused)
{
  const char *files[] = {
    "p/lexicons/a.ini", "# a\n  [work]  \ntitle=A\n",
    "p/lexicons/b.ini", "[work]\ntitle=B\n",
    NULL,
  };
  g_autofree char *root = lmt_make_tree (files);
  g_autofree char *p = g_build_filename (root, "p", NULL);
  g_autoptr(LmDataDirs) dirs = lm_data_dirs_new (p, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmDataFile) lex = lm_data_dirs_resolve (dirs, LM_DATA_LEXICON, NULL, "--lexicon", &error);
  cr_expect_null (lex, "two work lexicons: ambiguous");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_USAGE, "several work lexicons (a.ini, b.ini)",
                    "both are named");
  lmt_remove_tree (root);
}
