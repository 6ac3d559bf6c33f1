/* store-bench.c - the batch writer's throughput on its own.
 *
 *   store-bench [--docs N] [--db FILE] [--lexicon F] [--stopwords F] PATH...
 *
 * Analyzes the essays under PATH once (at most 400 files, the pipeline of
 * `leitmotif batch`), then times the writer alone: N results (copies of
 * those, each under a key of its own) wait in a queue that is always full,
 * and one thread pops them and puts them into a new store through
 * LmBatchWriter, in the batch's transactions (LM_BATCH_COMMIT_DOCS,
 * LM_BATCH_COMMIT_MS).  Prints documents and rows per second, of wall
 * time and of the writing thread's CPU time.  Run it from
 * the repository root (the default lexicon and stop list are relative).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "analysis/analyzer.h"
#include "analysis/genre.h"
#include "analysis/segmenter.h"
#include "batch/batch.h"
#include "batch/walk.h"
#include "batch/writer.h"
#include "core/stemmer.h"
#include "lexicon/liwc.h"

#define MAX_SAMPLE 400

/* This thread's CPU time: on a shared machine the wall clock also counts
 * other processes' turns. */
static double
cpu_seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static LmBatchResult *
analyze (LmAnalyzer *an, const LmWalkFile *f, GError **error)
{
  g_autoptr(LmText) text = lm_text_load (f->path, LM_TEXT_NONE, error);
  if (text == NULL)
    return NULL;
  g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);
  g_autoptr(LmDocStats) stats = lm_analyzer_analyze (an, text, seg, LM_ANALYZE_COUNTS);
  LmBatchResult *r = g_new0 (LmBatchResult, 1);
  r->key = g_strdup (f->key);
  r->path = g_strdup (f->path);
  r->sha256 = g_strdup_printf ("%064x", 0);
  r->size = f->size;
  r->ok = TRUE;
  memcpy (r->words, stats->words, sizeof r->words);
  r->n_categories = stats->n_categories;
  r->hits = g_memdup2 (stats->hits, sizeof (guint64) * stats->n_categories * LM_N_VOICES);
  r->genres = lm_genre_mentions (an, text, seg);
  return r;
}

int
main (int argc, char **argv)
{
  gint docs = 20000;
  g_autofree char *db = NULL, *lexicon_path = NULL, *stop_path = NULL;
  GOptionEntry entries[] = {
    { "docs", 'n', 0, G_OPTION_ARG_INT, &docs, "Documents to write (default 20000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The store (default: a new file in /tmp, deleted)", "FILE" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list", "FILE" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("PATH... - time the batch writer alone");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr(GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc < 2 || docs < 1)
    {
      fprintf (stderr, "store-bench: %s\n", error ? error->message : "give essays (bench/make-essays.sh)");
      return 2;
    }
  const char *lpath = lexicon_path ? lexicon_path : "lexicons/never-let-me-go.ini";
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmStoplist) stop = stemmer ? lm_stoplist_load (stop_path ? stop_path : "stopwords/english.txt", &error)
                                       : NULL;
  g_autoptr(LmLexicon) lex = stop ? lm_lexicon_load_any (lpath, stemmer, &error) : NULL;
  g_autoptr(LmAnalyzer) an = lex ? lm_analyzer_new (lex, stop, &error) : NULL;
  if (an == NULL)
    {
      fprintf (stderr, "store-bench: %s\n", error->message);
      return 2;
    }
  lm_analyzer_set_lexicon_stems_only (an, TRUE);

  g_autoptr(LmWalk) walk = lm_walk ((const char *const *) argv + 1);
  g_autoptr(GPtrArray) sample = g_ptr_array_new_with_free_func ((GDestroyNotify) lm_batch_result_free);
  for (guint i = 0; i < walk->files->len && sample->len < MAX_SAMPLE; i++)
    {
      LmBatchResult *r = analyze (an, walk->files->pdata[i], &error);
      if (r == NULL)
        {
          fprintf (stderr, "store-bench: %s\n", error->message);
          return 2;
        }
      g_ptr_array_add (sample, r);
    }
  if (sample->len == 0)
    {
      fprintf (stderr, "store-bench: no essays found\n");
      return 2;
    }

  g_autofree char *tmpdir = NULL;
  if (db == NULL)
    {
      tmpdir = g_dir_make_tmp ("store-bench-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          fprintf (stderr, "store-bench: %s\n", error->message);
          return 2;
        }
      db = g_build_filename (tmpdir, "bench.db", NULL);
    }
  LmStoreIdentity id = { lm_lexicon_get_sha256 (lex), lpath, lm_stoplist_get_sha256 (stop) };
  g_autoptr(LmStore) store = lm_store_open (db, &id, lex, TRUE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "store-bench: %s\n", error->message);
      return 2;
    }

  /* The queue, full before the clock starts: result i is a copy of sample
   * result i mod M under the key NNNNNN/key (only the key differs). */
  GAsyncQueue *queue = g_async_queue_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) copies = g_array_sized_new (FALSE, FALSE, sizeof (LmBatchResult), (guint) docs);
  guint64 rows = 0;
  for (guint i = 0; i < (guint) docs; i++)
    {
      LmBatchResult c = *(LmBatchResult *) sample->pdata[i % sample->len];
      c.key = g_strdup_printf ("%06u/%s", i / sample->len, c.key);
      g_ptr_array_add (keys, c.key);
      g_array_append_val (copies, c);
      for (guint k = 0; k < c.n_categories * (LM_N_VOICES - 1); k++)
        rows += c.hits[k] != 0;
      rows += 1 + (c.genres ? c.genres->len : 0);
    }
  for (guint i = 0; i < (guint) docs; i++)
    g_async_queue_push (queue, &g_array_index (copies, LmBatchResult, i));

  g_autoptr(LmBatchWriter) w = lm_batch_writer_new (store, lex, NULL, LM_BATCH_COMMIT_DOCS,
                                                    LM_BATCH_COMMIT_MS);
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_seconds ();
  LmBatchResult *r;
  gboolean ok = TRUE;
  while (ok && (r = g_async_queue_try_pop (queue)) != NULL)
    ok = lm_batch_writer_put (w, r, &error);
  if (ok)
    ok = lm_batch_writer_flush (w, &error);
  double s = (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC;
  double cpu = cpu_seconds () - c0;
  g_async_queue_unref (queue);
  if (!ok)
    {
      fprintf (stderr, "store-bench: %s\n", error->message);
      return 1;
    }
  printf ("documents\t%d\nsample\t%u\nrows\t%" G_GUINT64_FORMAT "\ncommits\t%" G_GUINT64_FORMAT
          "\nseconds\t%.3f\ncpu_seconds\t%.3f\ndocuments_per_s\t%.0f\ndocuments_per_cpu_s\t%.0f"
          "\nrows_per_cpu_s\t%.0f\n",
          docs, sample->len, rows, lm_batch_writer_get_n_commits (w), s, cpu, docs / s, docs / cpu,
          (double) rows / cpu);
  g_clear_pointer (&w, lm_batch_writer_free);
  /* Every document is in the store, under its own key. */
  g_autoptr(GHashTable) stored = lm_store_known_documents (store, &error);
  if (stored == NULL || g_hash_table_size (stored) != (guint) docs)
    {
      fprintf (stderr, "store-bench: the store holds %u documents, not %d%s%s\n",
               stored ? g_hash_table_size (stored) : 0, docs, error ? ": " : "", error ? error->message : "");
      return 1;
    }
  g_clear_pointer (&store, lm_store_close);
  if (tmpdir)
    {
      const char *sfx[] = { "", "-wal", "-shm" };
      for (guint i = 0; i < G_N_ELEMENTS (sfx); i++)
        {
          g_autofree char *f = g_strconcat (db, sfx[i], NULL);
          g_unlink (f);
        }
      g_rmdir (tmpdir);
    }
  return 0;
}
