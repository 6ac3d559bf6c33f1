/* cmd-analyze.c - `leitmotif analyze`: the corpus in, reports out. */
#include <stdio.h>

#include "batch/walk.h"
#include "cli-common.h"
#include "core/lm-error.h"
#include "report/report.h"

/* A corpus of the texts under @paths, found as `batch` finds them: no
 * manifest, ids from the file names.  Prints what went wrong. */
static LmCorpus *
corpus_of_folder (char **paths, const char *out)
{
  g_autoptr(LmWalk) walk = lm_walk ((const char *const *) paths);
  for (guint i = 0; i < walk->errors->len; i++)
    fprintf (stderr, "leitmotif: %s\n", (const char *) walk->errors->pdata[i]);
  /* The report folder may lie inside a folder analyzed (`analyze .`): its
   * summary.md is no essay. */
  g_autofree char *canon_out = g_canonicalize_filename (out, NULL);
  g_autofree char *out_prefix = g_strconcat (canon_out, G_DIR_SEPARATOR_S, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  for (guint i = 0; i < walk->files->len; i++)
    {
      const LmWalkFile *f = walk->files->pdata[i];
      g_autofree char *canon = g_canonicalize_filename (f->path, NULL);
      if (g_str_has_prefix (canon, out_prefix))
        continue;
      g_ptr_array_add (files, f->path);
      g_ptr_array_add (keys, f->key);
    }
  if (files->len == 0)
    {
      fprintf (stderr, "leitmotif analyze: no .txt or .md file in %s\n", paths[0]);
      return NULL;
    }
  g_ptr_array_add (files, NULL);
  g_ptr_array_add (keys, NULL);
  return lm_corpus_new_from_files (paths[0], (const char *const *) files->pdata,
                                   (const char *const *) keys->pdata);
}

/* The default report folder: reports/ of the project, else of here. */
static char *
default_out (void)
{
  const char *project = lm_data_dirs_get_project (lm_data_dirs_get_default ());
  g_autofree char *here = g_get_current_dir ();
  if (project == NULL || g_str_equal (project, here))
    return g_strdup (LM_OUT_NAME);
  return g_build_filename (project, LM_OUT_NAME, NULL);
}

int
lm_cmd_analyze (int argc, char **argv)
{
  g_autofree char *corpus_path = NULL, *lexicon_path = NULL;
  g_autofree char *stop_path = NULL, *out_dir = NULL;
  gboolean include_quotations = FALSE;
  GOptionEntry entries[] = {
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus_path, "Corpus manifest (default " LM_DEFAULT_CORPUS ")", "FILE" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, "Report folder (default " LM_DEFAULT_OUT ")", "DIR" },
    { "include-quotations", 'q', 0, G_OPTION_ARG_NONE, &include_quotations,
      "Compare critics on their own words and the passages they quote (default: own words only)", NULL },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("[PATH...] - analyze a corpus and write its reports");
  g_option_context_set_description (ctx,
      "Reads the corpus manifest, analyzes every text with the lexicon and stop list,\n"
      "and writes motifs.csv, summary.md and report.json into the report folder.\n"
      "Run without options in a project (leitmotif init) it reports texts/ into reports/.\n"
      "With PATH... (folders or files, no manifest) it analyzes the .txt and .md files\n"
      "found as `batch` finds them, ids from the file names; so it does in a project\n"
      "whose texts/ has no corpus.ini.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc > 1 && corpus_path)
    {
      fprintf (stderr, "leitmotif analyze: --corpus and PATH... exclude each other (try --help)\n");
      return LM_EXIT_USAGE;
    }

  g_autoptr(GError) error = NULL;
  g_autofree char *out = out_dir ? g_strdup (out_dir) : default_out ();
  g_autoptr(LmRun) run = NULL;
  if (argc > 1)
    {
      LmCorpus *corpus = corpus_of_folder (argv + 1, out);
      if (corpus == NULL)
        return LM_EXIT_USAGE;
      run = lm_cli_load_run_with (corpus, argv[1], lexicon_path, stop_path);
    }
  else
    {
      /* A project's texts/ without a manifest is a plain folder. */
      const char *project = lm_data_dirs_get_project (lm_data_dirs_get_default ());
      g_autofree char *texts = project ? g_build_filename (project, "texts", NULL) : NULL;
      g_autofree char *manifest = texts ? g_build_filename (texts, "corpus.ini", NULL) : NULL;
      const char *env = g_getenv (lm_data_kind_env (LM_DATA_CORPUS));
      if (corpus_path == NULL && (env == NULL || *env == '\0') && texts
          && g_file_test (texts, G_FILE_TEST_IS_DIR)
          && !g_file_test (manifest, G_FILE_TEST_EXISTS))
        {
          char *paths[] = { texts, NULL };
          LmCorpus *corpus = corpus_of_folder (paths, out);
          if (corpus == NULL)
            return LM_EXIT_USAGE;
          run = lm_cli_load_run_with (corpus, "texts", lexicon_path, stop_path);
        }
      else
        run = lm_cli_load_run (corpus_path, lexicon_path, stop_path);
    }
  if (run == NULL)
    return LM_EXIT_USAGE;
  run->comparison_includes_quotations = include_quotations;
  gint failed = lm_run_analyze (run, &error);
  if (failed < 0)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->error)
        fprintf (stderr, "leitmotif: %s\n", t->error);
    }
  if (!lm_report_write_all (run, out, &error))
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  fprintf (stderr, "leitmotif: %u texts analyzed, %d failed; reports in %s/\n",
           run->texts->len - (guint) failed, failed, out);
  return failed ? LM_EXIT_INPUT_FAILED : LM_EXIT_OK;
}
