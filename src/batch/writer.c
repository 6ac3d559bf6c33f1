/* writer.c - many documents per transaction, bounded by count and age. */
#include "writer.h"

#include "core/lm-error.h"

struct _LmBatchWriter
{
  LmStore *store;
  const LmLexicon *lexicon;
  const GPtrArray *metadata_columns;
  guint max_docs;
  gint64 max_us;
  gboolean in_tx, failed;
  guint pending;
  gint64 tx_start;
  guint64 n_documents, n_commits;
};

LmBatchWriter *
lm_batch_writer_new (LmStore *store, const LmLexicon *lexicon, const GPtrArray *metadata_columns,
                     guint max_docs, guint max_ms)
{
  LmBatchWriter *w = g_new0 (LmBatchWriter, 1);
  w->store = store;
  w->lexicon = lexicon;
  w->metadata_columns = metadata_columns;
  w->max_docs = MAX (1u, max_docs);
  w->max_us = (gint64) max_ms * 1000;
  return w;
}

static gboolean
commit (LmBatchWriter *w, GError **error)
{
  w->in_tx = FALSE;
  w->pending = 0;
  if (!lm_store_commit (w->store, error))
    {
      w->failed = TRUE;
      return FALSE;
    }
  w->n_commits++;
  return TRUE;
}

gboolean
lm_batch_writer_put (LmBatchWriter *w, const LmBatchResult *r, GError **error)
{
  if (w->failed)
    {
      g_set_error_literal (error, LM_ERROR, LM_ERROR_IO, "the database writer failed before");
      return FALSE;
    }
  if (!w->in_tx)
    {
      if (!lm_store_begin (w->store, error))
        {
          w->failed = TRUE;
          return FALSE;
        }
      w->in_tx = TRUE;
      w->tx_start = g_get_monotonic_time ();
    }
  if (!lm_store_put (w->store, r, w->lexicon, w->metadata_columns, error))
    {
      w->failed = TRUE;
      return FALSE;
    }
  w->n_documents++;
  if (++w->pending >= w->max_docs)
    return commit (w, error);
  return lm_batch_writer_tick (w, error);
}

gboolean
lm_batch_writer_tick (LmBatchWriter *w, GError **error)
{
  if (w->in_tx && !w->failed && g_get_monotonic_time () - w->tx_start >= w->max_us)
    return commit (w, error);
  return TRUE;
}

gboolean
lm_batch_writer_flush (LmBatchWriter *w, GError **error)
{
  if (w->failed)
    {
      g_set_error_literal (error, LM_ERROR, LM_ERROR_IO, "the database writer failed before");
      return FALSE;
    }
  return w->in_tx ? commit (w, error) : TRUE;
}

guint64
lm_batch_writer_get_n_documents (const LmBatchWriter *w)
{
  return w->n_documents;
}

guint64
lm_batch_writer_get_n_commits (const LmBatchWriter *w)
{
  return w->n_commits;
}

void
lm_batch_writer_free (LmBatchWriter *w)
{
  g_free (w);
}
