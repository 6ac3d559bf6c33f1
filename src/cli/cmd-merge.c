/* cmd-merge.c - `leitmotif merge --db OUT IN...`: shard databases into one. */
#include <gio/gio.h>
#include <stdio.h>

#include "batch/merge.h"
#include "cli-common.h"

int
lm_cmd_merge (int argc, char **argv)
{
  g_autofree char *db = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "The merged database (created, or merged into)", "OUT" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No summary", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("IN... - merge batch databases (shards) into one");
  g_option_context_set_description (ctx,
      "Merges the databases of \"leitmotif batch --shard K/N\" (or any batch databases of\n"
      "the same lexicon, stop list and schema) into OUT; an existing OUT is kept and\n"
      "merged into. A document found in several inputs is stored once (an ok row beats a\n"
      "failed one, then the greater content SHA-256). Inputs of another lexicon, stop list,\n"
      "tokenizer or schema are refused. OUT is replaced only when the merge is complete:\n"
      "an interrupted merge leaves it as it was, and the temporary files of a merge\n"
      "killed with -9 are removed by the next merge into OUT.\n"
      "Exit status: 0 merged, 2 nothing merged (error or refusal), 130 interrupted.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (db == NULL)
    {
      fprintf (stderr, "leitmotif merge: --db OUT is required (try --help)\n");
      return LM_EXIT_USAGE;
    }
  if (argc < 2)
    {
      fprintf (stderr, "leitmotif merge: no input database given (try --help)\n");
      return LM_EXIT_USAGE;
    }

  g_autoptr(GError) error = NULL;
  LmMergeSummary sum;
  if (!lm_merge (db, (const char *const *) argv + 1, lm_cli_catch_interrupts (), &sum, &error))
    {
      lm_cli_error (error);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? 130 : LM_EXIT_USAGE;
    }
  if (!quiet && sum.stale_removed > 0)
    fprintf (stderr, "leitmotif: removed %u temporary files of an earlier merge into %s that was killed\n",
             sum.stale_removed, db);
  if (!quiet)
    fprintf (stderr, "leitmotif: merged %u databases into %s: %" G_GUINT64_FORMAT " documents "
                     "(%" G_GUINT64_FORMAT " rows of documents another input also had, stored once)\n",
             sum.inputs, db, sum.documents, sum.duplicates);
  return LM_EXIT_OK;
}
