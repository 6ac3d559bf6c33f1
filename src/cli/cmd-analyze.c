/* cmd-analyze.c - `leitmotif analyze`: the corpus in, reports out. */
#include <stdio.h>

#include "cli-common.h"
#include "core/lm-error.h"
#include "report/report.h"

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
  g_autoptr(GOptionContext) ctx = g_option_context_new ("- analyze a corpus and write its reports");
  g_option_context_set_description (ctx,
      "Reads the corpus manifest, analyzes every text with the lexicon and stop list,\n"
      "and writes motifs.csv, summary.md and report.json into the report folder.\n"
      "Run without options in the repository it reports texts/ into reports/.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc > 1)
    {
      fprintf (stderr, "leitmotif analyze: unexpected argument \"%s\" (try --help)\n", argv[1]);
      return LM_EXIT_USAGE;
    }
  const char *cpath = corpus_path ? corpus_path : LM_DEFAULT_CORPUS;
  const char *lpath = lexicon_path ? lexicon_path : LM_DEFAULT_LEXICON;
  const char *spath = stop_path ? stop_path : LM_DEFAULT_STOPWORDS;

  g_autoptr(GError) error = NULL;
  g_autoptr(LmRun) run = lm_cli_load_run (cpath, lpath, spath);
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
  const char *out = out_dir ? out_dir : LM_DEFAULT_OUT;
  if (!lm_report_write_all (run, out, &error))
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  fprintf (stderr, "leitmotif: %u texts analyzed, %d failed; reports in %s/\n",
           run->texts->len - (guint) failed, failed, out);
  return failed ? LM_EXIT_INPUT_FAILED : LM_EXIT_OK;
}
