/* cmd-batch.c - `leitmotif batch PATH...`: a folder of essays into SQLite. */
#include <stdio.h>
#include <unistd.h>

#include "batch/batch.h"
#include "batch/metadata.h"
#include "batch/shard.h"
#include "cli-common.h"
#include "lexicon/liwc.h"

typedef struct
{
  gboolean tty;
  gint64 last_line;
} Progress;

static void
show_progress (const LmBatchProgress *p, gpointer user_data)
{
  Progress *pg = user_data;
  double mb = (double) p->bytes_done / 1e6;
  double rate = p->elapsed > 0 ? mb / p->elapsed : 0;
  double left = rate > 0 ? ((double) (p->bytes_total - p->bytes_done) / 1e6) / rate : 0;
  guint eta = (guint) (left + 0.5);
  if (pg->tty)
    {
      guint width = 30, filled = p->files_total ? (guint) ((guint64) width * p->files_done / p->files_total) : width;
      char bar[64];
      for (guint i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
      bar[width] = '\0';
      fprintf (stderr, "\r[%s] %u/%u files  %.1f MB/s  ETA %u:%02u ", bar, p->files_done, p->files_total,
               rate, eta / 60, eta % 60);
      if (p->files_done == p->files_total)
        fputc ('\n', stderr);
      return;
    }
  /* Not a terminal: a plain line every ten seconds, and the last one. */
  gint64 now = (gint64) p->elapsed;
  if (p->files_done == p->files_total || now - pg->last_line >= 10)
    {
      fprintf (stderr, "leitmotif: %u/%u files, %.1f MB/s, ETA %u:%02u\n", p->files_done, p->files_total,
               rate, eta / 60, eta % 60);
      pg->last_line = now;
    }
}

static const GPtrArray *
lookup_metadata (const char *key, const char *path, gpointer user_data)
{
  const GPtrArray *row = lm_metadata_lookup (user_data, key);
  return row ? row : lm_metadata_lookup (user_data, path);
}

int
lm_cmd_batch (int argc, char **argv)
{
  g_autofree char *db = NULL, *lexicon_path = NULL, *stop_path = NULL, *meta_path = NULL, *shard = NULL;
  gint jobs = 0;
  gboolean lenient = FALSE, quiet = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "Results database (default leitmotif.db)", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Worker threads (default: the number of processors)", "N" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon, .ini or LIWC .dic (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "metadata", 'm', 0, G_OPTION_ARG_FILENAME, &meta_path, "CSV of file, critic, outlet, year, ... for each essay", "CSV" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard, "Analyze only shard K of N (1 <= K <= N), for cluster jobs", "K/N" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing the file", NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Analyze every file again (and accept a new lexicon)", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress and no summary", NULL },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("PATH... - analyze folders of essays into a database");
  g_option_context_set_description (ctx,
      "Walks files and folders (.txt and .md, recursively), analyzes each essay (voices,\n"
      "motifs, genre stance) on N threads and stores the results in SQLite. A second run\n"
      "analyzes only new or changed files; a run stopped at any point resumes where it\n"
      "stopped. Files that fail are stored with their reason and listed at the end.\n"
      "With --shard K/N only the files of shard K are analyzed (by a hash of each\n"
      "file's key, so N runs cover every file once); \"leitmotif merge\" joins them.\n"
      "Exit status: 0 all files analyzed, 1 some failed, 2 nothing could be done.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc < 2)
    {
      fprintf (stderr, "leitmotif batch: no PATH given (try --help)\n");
      return LM_EXIT_USAGE;
    }
  if (jobs < 0 || jobs > 256)
    {
      fprintf (stderr, "leitmotif batch: --jobs must be between 1 and 256\n");
      return LM_EXIT_USAGE;
    }
  g_autoptr(GError) error = NULL;
  guint shard_k = 1, shard_n = 1;
  if (shard && !lm_shard_parse (shard, &shard_k, &shard_n, &error))
    {
      fprintf (stderr, "leitmotif batch: %s\n", error->message);
      return LM_EXIT_USAGE;
    }
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmStoplist) stoplist = stemmer ? lm_cli_load_stoplist (stop_path) : NULL;
  g_autoptr(LmDataFile) lfile = stoplist ? lm_cli_resolve (LM_DATA_LEXICON, lexicon_path) : NULL;
  g_autoptr(LmLexicon) lexicon = lfile ? lm_lexicon_load_any (lfile->path, stemmer, &error) : NULL;
  g_autoptr(LmMetadata) metadata = NULL;
  if (lexicon && meta_path)
    metadata = lm_metadata_load (meta_path, &error);
  if (lexicon == NULL || (meta_path && metadata == NULL))
    {
      if (error)
        lm_cli_error (error);
      return LM_EXIT_USAGE;
    }

  LmBatchOptions opt = {
    .db_path = db ? db : "leitmotif.db",
    .jobs = jobs > 0 ? (guint) jobs : g_get_num_processors (),
    .force = force,
    .lenient = lenient,
    .lexicon = lexicon,
    .lexicon_path = lfile->display,
    .stoplist = stoplist,
    .metadata_columns = metadata ? lm_metadata_get_columns (metadata) : NULL,
    .metadata = metadata ? lookup_metadata : NULL,
    .metadata_data = metadata,
    .cancel = lm_cli_catch_interrupts (),
    .shard = shard_k,
    .shard_count = shard_n,
  };

  Progress pg = { isatty (STDERR_FILENO), -1000 };
  LmBatchSummary sum;
  gboolean ok = lm_batch_run ((const char *const *) argv + 1, &opt, quiet ? NULL : show_progress, &pg,
                              &sum, &error);
  if (!ok)
    {
      lm_cli_error (error);
      lm_batch_summary_clear (&sum);
      return LM_EXIT_USAGE;
    }
  if (!quiet)
    {
      for (guint i = 0; i < sum.walk_errors->len; i++)
        fprintf (stderr, "leitmotif: %s\n", (char *) sum.walk_errors->pdata[i]);
      if (shard)
        fprintf (stderr, "leitmotif: shard %u/%u: %u of %u files; the other %u belong to other shards\n",
                 shard_k, shard_n, sum.total, sum.total + sum.other_shards, sum.other_shards);
      fprintf (stderr, "leitmotif: %u files: %u analyzed, %u unchanged (skipped), %u failed; "
                       "%u files of other types skipped; database %s\n",
               sum.total, sum.analyzed, sum.unchanged, sum.failed, sum.other_types, opt.db_path);
      if (sum.failures->len)
        fprintf (stderr, "leitmotif: failed files:\n");
      for (guint i = 0; i < sum.failures->len; i++)
        fprintf (stderr, "  %s\n", (char *) sum.failures->pdata[i]);
      if (sum.cancelled)
        fprintf (stderr, "leitmotif: interrupted; what was analyzed is saved, run again to resume\n");
    }
  int status = sum.cancelled ? 130 : (sum.failed || sum.walk_errors->len) ? LM_EXIT_INPUT_FAILED : LM_EXIT_OK;
  lm_batch_summary_clear (&sum);
  return status;
}
