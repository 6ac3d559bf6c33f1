/* batch.c - a thread pool of analyzers feeding one database writer. */
#include "batch.h"

#include <string.h>

#include "analysis/analyzer.h"
#include "analysis/genre.h"
#include "analysis/segmenter.h"
#include "shard.h"
#include "walk.h"
#include "writer.h"

typedef struct
{
  const LmBatchOptions *opt;
  GHashTable *known;        /* key -> sha256 (read-only while workers run) */
  GAsyncQueue *analyzers;   /* free LmAnalyzer*, one per worker */
  GAsyncQueue *results;     /* LmBatchResult*, or SKIPPED markers */
} Shared;

/* A file whose content is already stored: counted, not written. */
typedef struct
{
  LmBatchResult base;
  gboolean unchanged;  /* same content already stored: nothing to write */
  gboolean cancelled;  /* not read: the run was stopped */
} Outcome;

static char *
sha256_of (const char *data, gsize len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
fail (Outcome *o, const char *reason)
{
  o->base.ok = FALSE;
  o->base.error = g_strdup (reason);
}

static void
analyze_file (Shared *sh, const LmWalkFile *f, Outcome *o, LmAnalyzer *an)
{
  const LmBatchOptions *opt = sh->opt;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) map = g_mapped_file_new (f->path, FALSE, &error);
  if (map == NULL)
    {
      fail (o, error->message);
      return;
    }
  gsize len = g_mapped_file_get_length (map);
  const char *bytes = len ? g_mapped_file_get_contents (map) : "";
  o->base.size = len;
  o->base.sha256 = sha256_of (bytes, len);
  const char *known = g_hash_table_lookup (sh->known, f->key);
  if (!opt->force && known && g_str_equal (known, o->base.sha256))
    {
      o->unchanged = TRUE;
      return;
    }
  if (len == 0)
    {
      fail (o, "empty file");
      return;
    }
  g_autoptr(LmText) text = lm_text_new_from_mapped (f->path, map,
                                                    opt->lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE, &error);
  if (text == NULL)
    {
      fail (o, error->message);
      return;
    }
  g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);
  g_autoptr(LmDocStats) stats = lm_analyzer_analyze (an, text, seg, LM_ANALYZE_COUNTS);
  o->base.ok = TRUE;
  memcpy (o->base.words, stats->words, sizeof o->base.words);
  o->base.replacements = stats->replacements;
  o->base.n_categories = stats->n_categories;
  o->base.hits = g_memdup2 (stats->hits, sizeof (guint64) * stats->n_categories * LM_N_VOICES);
  o->base.genres = lm_genre_mentions (an, text, seg);
}

static void
worker (gpointer task, gpointer user_data)
{
  Shared *sh = user_data;
  const LmWalkFile *f = task;
  Outcome *o = g_new0 (Outcome, 1);
  o->base.key = g_strdup (f->key);
  o->base.path = g_strdup (f->path);
  o->base.size = f->size;
  if (sh->opt->cancel == NULL || !g_atomic_int_get (sh->opt->cancel))
    {
      LmAnalyzer *an = g_async_queue_pop (sh->analyzers);
      analyze_file (sh, f, o, an);
      g_async_queue_push (sh->analyzers, an);
      /* The metadata table is immutable: looking it up is thread-safe. */
      const GPtrArray *values = sh->opt->metadata
                                  ? sh->opt->metadata (f->key, f->path, sh->opt->metadata_data) : NULL;
      if (values && !o->unchanged)
        {
          o->base.metadata = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < values->len; i++)
            g_ptr_array_add (o->base.metadata, g_strdup (values->pdata[i]));
        }
    }
  else
    o->cancelled = TRUE;
  g_async_queue_push (sh->results, o);
}

void
lm_batch_summary_clear (LmBatchSummary *s)
{
  g_clear_pointer (&s->failures, g_ptr_array_unref);
  g_clear_pointer (&s->walk_errors, g_ptr_array_unref);
}

static int
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

gboolean
lm_batch_run (const char *const *paths, const LmBatchOptions *opt,
              LmBatchProgressFunc progress, gpointer progress_data,
              LmBatchSummary *sum, GError **error)
{
  *sum = (LmBatchSummary) { 0 };
  sum->failures = g_ptr_array_new_with_free_func (g_free);
  sum->walk_errors = g_ptr_array_new_with_free_func (g_free);

  LmStoreIdentity id = { lm_lexicon_get_sha256 (opt->lexicon), opt->lexicon_path,
                         lm_stoplist_get_sha256 (opt->stoplist) };
  g_autoptr(LmStore) store = lm_store_open (opt->db_path, &id, opt->lexicon, opt->force, error);
  if (store == NULL)
    return FALSE;
  g_autoptr(GHashTable) known = lm_store_known_documents (store, error);
  if (known == NULL)
    return FALSE;

  g_autoptr(LmWalk) walk = lm_walk (paths);
  if (opt->shard_count > 1)
    {
      /* Keep this shard's files, in order; the others go to the tail, which
       * shrinking the array frees. */
      guint kept = 0;
      for (guint i = 0; i < walk->files->len; i++)
        if (lm_shard_of (((LmWalkFile *) walk->files->pdata[i])->key, opt->shard_count) == opt->shard)
          {
            gpointer f = walk->files->pdata[i];
            walk->files->pdata[i] = walk->files->pdata[kept];
            walk->files->pdata[kept++] = f;
          }
      sum->other_shards = walk->files->len - kept;
      g_ptr_array_set_size (walk->files, (gint) kept);
    }
  sum->total = walk->files->len;
  sum->other_types = walk->skipped;
  sum->loops = walk->loops;
  for (guint i = 0; i < walk->errors->len; i++)
    g_ptr_array_add (sum->walk_errors, g_strdup (walk->errors->pdata[i]));
  guint64 bytes_total = 0;
  for (guint i = 0; i < walk->files->len; i++)
    bytes_total += ((LmWalkFile *) walk->files->pdata[i])->size;

  guint jobs = MAX (1u, opt->jobs);
  Shared sh = { opt, known, g_async_queue_new_full ((GDestroyNotify) lm_analyzer_free),
                g_async_queue_new () };
  for (guint j = 0; j < jobs; j++)
    {
      LmAnalyzer *an = lm_analyzer_new (opt->lexicon, opt->stoplist, error);
      if (an == NULL)
        {
          g_async_queue_unref (sh.analyzers);
          g_async_queue_unref (sh.results);
          return FALSE;
        }
      lm_analyzer_set_lexicon_stems_only (an, TRUE); /* counts need no other stems */
      g_async_queue_push (sh.analyzers, an);
    }
  GThreadPool *pool = g_thread_pool_new (worker, &sh, (gint) jobs, TRUE, NULL);
  for (guint i = 0; i < walk->files->len; i++)
    g_thread_pool_push (pool, walk->files->pdata[i], NULL);

  g_autoptr(LmBatchWriter) writer = lm_batch_writer_new (store, opt->lexicon, opt->metadata_columns,
                                                         LM_BATCH_COMMIT_DOCS, LM_BATCH_COMMIT_MS);
  gboolean ok = TRUE;
  gint64 start = g_get_monotonic_time (), last_progress = 0;
  LmBatchProgress pr = { 0, walk->files->len, 0, bytes_total, 0 };
  while (pr.files_done < walk->files->len)
    {
      /* Wait for one result, then take up to 64 already queued: the
       * writer wakes once per burst, and still shows progress often. */
      Outcome *o = g_async_queue_timeout_pop (sh.results, 100 * 1000);
      for (guint burst = 0; o; o = pr.files_done < walk->files->len && ++burst < 64
                                     ? g_async_queue_try_pop (sh.results) : NULL)
        {
          pr.files_done++;
          pr.bytes_done += o->base.size;
          if (o->cancelled)
            sum->cancelled = TRUE;
          else if (o->unchanged)
            sum->unchanged++;
          else if (ok)
            {
              ok = lm_batch_writer_put (writer, &o->base, error);
              if (o->base.ok)
                sum->analyzed++;
              else
                {
                  sum->failed++;
                  g_ptr_array_add (sum->failures, g_strdup_printf ("%s: %s", o->base.path, o->base.error));
                }
            }
          lm_batch_result_free (&o->base);
        }
      if (ok)
        ok = lm_batch_writer_tick (writer, error);
      gint64 now = g_get_monotonic_time ();
      if (progress && now - last_progress >= 200 * 1000)
        {
          pr.elapsed = (double) (now - start) / G_USEC_PER_SEC;
          progress (&pr, progress_data);
          last_progress = now;
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  if (ok)
    ok = lm_batch_writer_flush (writer, error);
  if (progress)
    {
      pr.elapsed = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      progress (&pr, progress_data);
    }
  sum->bytes = pr.bytes_done;
  g_ptr_array_sort (sum->failures, cmp_str);
  g_async_queue_unref (sh.analyzers);
  g_async_queue_unref (sh.results);
  return ok;
}
