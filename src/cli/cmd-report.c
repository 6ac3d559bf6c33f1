/* cmd-report.c - `leitmotif report --db FILE --out DIR`: a batch's report. */
#include <stdio.h>

#include "cli-common.h"
#include "batch/batch-report.h"

int
lm_cmd_report (int argc, char **argv)
{
  gint jobs = 0;
  g_autofree char *db = NULL, *out_dir = NULL, *corpus_path = NULL;
  g_autofree char *lexicon_path = NULL, *stop_path = NULL, *group_by = NULL;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "Results database of `leitmotif batch` (required)", "FILE" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, "Report folder (required)", "DIR" },
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus_path, "Reference critics (default " LM_DEFAULT_CORPUS ")", "FILE" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "The batch's lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Threads reading the essays again (default: the number of processors)", "N" },
    { "group-by", 'g', 0, G_OPTION_ARG_STRING, &group_by, "Compare groups: a metadata column (from batch --metadata) or \"folder\"", "COLUMN" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("[PATH...] - the comparison report of a batch database");
  g_option_context_set_description (ctx,
      "Writes batch-documents.csv, batch-motifs.csv, batch-genres.csv and batch-summary.md:\n"
      "every essay of the batch with its motif rates and genre stances, and the reference\n"
      "critic (texts/, analyzed with the same lexicon) whose motif profile it is closest to;\n"
      "index.html, a page with charts; and per group (--group-by: a metadata column, or\n"
      "\"folder\" for the first folder below the batch root; without it the batch is one\n"
      "group) batch-groups.csv, batch-group-motifs.csv, batch-group-emphasis.csv,\n"
      "batch-group-genres.csv, batch-genre-tests.csv, batch-spread.csv and\n"
      "batch-top-essays.csv (README, \"Batch reports\", names their columns).\n"
      "PATH...: the folders the batch was given; the essays are read again (each checked\n"
      "against its stored SHA-256) for the evidence lines of the essays that use each\n"
      "motif most and the distinctive words of each group (batch-top-evidence.csv,\n"
      "batch-group-keywords.csv).");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (db == NULL || out_dir == NULL)
    {
      fprintf (stderr, "leitmotif report: --db FILE and --out DIR are required (try --help)\n");
      return LM_EXIT_USAGE;
    }
  if (jobs < 0 || jobs > 256)
    {
      fprintf (stderr, "leitmotif report: --jobs must be between 1 and 256\n");
      return LM_EXIT_USAGE;
    }
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (roots, argv[i]);
  g_ptr_array_add (roots, NULL);

  g_autoptr(GError) error = NULL;
  g_autoptr(LmStore) store = lm_store_open_readonly (db, &error);
  if (store == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  /* Reference critics are a project's: outside one the report has none. */
  g_autoptr(LmDataFile) cfile = lm_data_dirs_resolve (lm_data_dirs_get_default (), LM_DATA_CORPUS,
                                                      corpus_path, "--corpus", NULL);
  g_autoptr(LmRun) run = NULL;
  if (cfile || corpus_path)
    run = lm_cli_load_run (corpus_path, lexicon_path, stop_path);
  else
    {
      const char *none[] = { NULL };
      fprintf (stderr, "leitmotif report: no reference critics (no texts/corpus.ini in a "
               "project, no --corpus): the closest-critic columns stay empty\n");
      run = lm_cli_load_run_with (lm_corpus_new_from_files ("(none)", none, NULL), "(none)",
                                  lexicon_path, stop_path);
    }
  if (run == NULL)
    return LM_EXIT_USAGE;
  guint n_jobs = jobs > 0 ? (guint) jobs : g_get_num_processors ();
  if (lm_run_analyze (run, &error) < 0
      || !lm_batch_report_write (store, run, group_by, (const char *const *) roots->pdata, n_jobs,
                                 out_dir, &error))
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  fprintf (stderr, "leitmotif: batch report of %s in %s/\n", db, out_dir);
  return LM_EXIT_OK;
}
