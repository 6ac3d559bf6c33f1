/* writer.h - LmBatchWriter: the batch's one database writer.
 *
 * It takes finished results (LmBatchResult) one at a time and writes them
 * into an LmStore in transactions of many documents: a transaction is
 * committed once it holds @max_docs documents, or once its first document
 * has waited @max_ms milliseconds (checked on every put and on
 * lm_batch_writer_tick), whichever comes first.  A run killed at any moment
 * therefore loses at most the uncommitted tail (at most @max_docs documents,
 * at most about @max_ms of work), which the next run redoes; every committed
 * document is whole.
 *
 * The writer does no analysis and holds no text: a result is small (counts,
 * genre mentions) and is free to go once put.  Workers never wait on it
 * except through their results queue (batch.c).
 *
 * Thread safety: one writer is used by one thread, like its store.
 */
#pragma once

#include <glib.h>

#include "store.h"

G_BEGIN_DECLS

typedef struct _LmBatchWriter LmBatchWriter;

/* Returns: (transfer full): a writer over @store, which must outlive it;
 * @lexicon and @metadata_columns (nullable) too. */
LmBatchWriter *lm_batch_writer_new (LmStore *store, const LmLexicon *lexicon,
                                    const GPtrArray *metadata_columns,
                                    guint max_docs, guint max_ms);

/* Writes @result (opening a transaction if none is open) and commits if a
 * bound is reached.  After a failure the writer refuses further puts. */
gboolean lm_batch_writer_put (LmBatchWriter *writer, const LmBatchResult *result,
                              GError **error);

/* Commits the open transaction if it is older than max_ms. */
gboolean lm_batch_writer_tick (LmBatchWriter *writer, GError **error);

/* Commits whatever is open. */
gboolean lm_batch_writer_flush (LmBatchWriter *writer, GError **error);

/* Documents put, and transactions committed, so far. */
guint64 lm_batch_writer_get_n_documents (const LmBatchWriter *writer);
guint64 lm_batch_writer_get_n_commits (const LmBatchWriter *writer);

/* Frees the writer without committing: an open transaction is rolled back
 * when the store closes (like a crash, but clean). */
void lm_batch_writer_free (LmBatchWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmBatchWriter, lm_batch_writer_free)

G_END_DECLS
