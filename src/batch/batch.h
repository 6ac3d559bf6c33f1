/* batch.h - analyzing folders of essays into a results database.
 *
 * lm_batch_run() walks the paths (walk.h), hashes every file, skips those
 * whose content the database already holds as analyzed (unless @force), and
 * analyzes the rest with the full pipeline (voices, motifs, genre stance) on
 * a GThreadPool of @jobs workers, one LmAnalyzer (and so one stemmer) per
 * worker.  The calling thread is the only database writer: it commits the
 * results in transactions of at most LM_BATCH_COMMIT_DOCS documents or
 * LM_BATCH_COMMIT_MS milliseconds, so a run killed at any point loses at
 * most the uncommitted tail, which the next run redoes.
 *
 * With @shard_count > 1, only the files of shard @shard (shard.h: by a hash
 * of each file's key) are analyzed and stored; the others are counted in
 * LmBatchSummary.other_shards.  The database then holds that shard alone.
 *
 * A file that cannot be analyzed (unreadable, empty, NUL bytes, invalid
 * UTF-8 without lenient reading) is stored with status "failed" and its
 * reason, and the batch goes on.
 *
 * Thread safety: call from one thread; it starts and joins its own workers.
 */
#pragma once

#include <glib.h>

#include "core/stoplist.h"
#include "lexicon/lexicon.h"
#include "store.h"

G_BEGIN_DECLS

#define LM_BATCH_COMMIT_DOCS 256
#define LM_BATCH_COMMIT_MS 1000

/* Metadata values for a document (in the order of @columns), or NULL. */
typedef const GPtrArray *(*LmBatchMetadataFunc) (const char *key, const char *path,
                                                 gpointer user_data);

typedef struct
{
  const char *db_path;
  guint jobs;
  gboolean force;           /* analyze everything again */
  gboolean lenient;         /* replace invalid UTF-8 */
  const LmLexicon *lexicon;
  const char *lexicon_path;
  const LmStoplist *stoplist;
  const GPtrArray *metadata_columns; /* nullable */
  LmBatchMetadataFunc metadata;      /* nullable */
  gpointer metadata_data;
  volatile gint *cancel;    /* nullable: set to non-zero to stop early */
  guint shard;              /* 1..shard_count: the shard to analyze */
  guint shard_count;        /* 0 or 1: no sharding */
} LmBatchOptions;

typedef struct
{
  guint files_done, files_total;
  guint64 bytes_done, bytes_total;
  double elapsed;           /* seconds */
} LmBatchProgress;

typedef void (*LmBatchProgressFunc) (const LmBatchProgress *progress, gpointer user_data);

typedef struct
{
  guint total;              /* files found (in this shard) */
  guint other_shards;       /* files found that belong to other shards */
  guint analyzed;           /* analyzed and stored */
  guint unchanged;          /* skipped: same content already stored */
  guint failed;             /* stored as failed */
  guint other_types;        /* files skipped for their type */
  guint loops;              /* folders reached twice */
  guint64 bytes;
  gboolean cancelled;
  GPtrArray *failures;      /* char*: "key: reason", in key order */
  GPtrArray *walk_errors;   /* char* */
} LmBatchSummary;

void lm_batch_summary_clear (LmBatchSummary *summary);

/**
 * lm_batch_run:
 * @paths: files and folders
 * @progress: (nullable): called about five times a second and at the end
 *
 * Returns: %FALSE with @error if the batch could not run at all (database
 * unusable, lexicon mismatch); individual file failures are in @summary.
 */
gboolean lm_batch_run (const char *const *paths, const LmBatchOptions *options,
                       LmBatchProgressFunc progress, gpointer progress_data,
                       LmBatchSummary *summary, GError **error);

G_END_DECLS
