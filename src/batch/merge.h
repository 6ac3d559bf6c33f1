/* merge.h - joining batch databases (the shards of a batch) into one.
 *
 * lm_merge() reads batch databases (store.h) and writes one database that
 * holds every document of every input once.  The rules, which the README
 * repeats:
 *
 * - Identity.  Every input, and @out_path when it exists, must have the
 *   same schema version (PRAGMA user_version), lexicon (lexicon_sha256),
 *   stop list (stopwords_sha256) and tokenizer rules (tokenizer_version);
 *   otherwise nothing is written and the error (LM_ERROR_LEXICON, or
 *   LM_ERROR_IO for a schema version) names both files and the field.
 * - An existing @out_path is one more input: its documents are kept.
 * - A document (a key, documents.path) found in several inputs is stored
 *   once, from the input whose row is greatest in this order: status "ok"
 *   before "failed", then the greater content_sha256, error, size, words
 *   (critic, quotation, comment, all, boilerplate) and replacements.  Its
 *   motif counts and genre mentions come with that row.  Rows equal in all
 *   of these are the same analysis of the same bytes; their metadata are
 *   joined, and where a key has two values the greater (in byte order) is
 *   kept.
 * - categories: the union (one lexicon, so the same rows); meta: the
 *   identity fields above, and for any other key (lexicon_path,
 *   leitmotif_version, stemmer) the least value found.
 * - Document ids are assigned in the byte order of the keys, starting at 1,
 *   and every table is written in its key order.
 *
 * Each rule is a commutative and associative choice per document, so
 * merging the same inputs in any order or grouping ((a+b)+c, a+(b+c),
 * c+a+b) gives the same database contents.
 *
 * Atomicity: the result is built in temporary files (".OUT.merge-XXXXXX",
 * next to @out_path, so the final rename stays on one file system) and
 * renamed over @out_path only when complete and synced, so a merge that
 * fails, is cancelled or is killed leaves @out_path as it was.  A merge
 * killed with SIGKILL cannot remove its temporary files: each merge holds a
 * lock (flock) on its own while it runs, and the next merge into the same
 * @out_path removes those whose lock nobody holds (a merge running at the
 * same time keeps its files).  Inputs are only read.  Before reading an existing @out_path, its write-ahead log, if any,
 * is checkpointed so that no stale log outlives the rename; nobody else may
 * write @out_path during a merge.
 *
 * Thread safety: call from one thread; @cancel may be set from any thread
 * (or a signal handler).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint inputs;        /* databases read, an existing output included */
  guint64 documents;   /* documents in the result */
  guint64 duplicates;  /* rows whose key an earlier input already had */
  guint stale_removed; /* temporary files of killed merges removed */
} LmMergeSummary;

/**
 * lm_merge:
 * @out_path: the database to write (created, or replaced by the merge of
 *   itself and @inputs)
 * @inputs: (array zero-terminated=1): batch databases, at least one unless
 *   @out_path exists; a file named twice counts once in effect
 * @cancel: (nullable): set to non-zero to stop; the merge then fails with
 *   G_IO_ERROR_CANCELLED and @out_path is untouched
 * @summary: (out caller-allocates) (nullable): what was merged
 *
 * Returns: %TRUE when @out_path holds the merge; %FALSE with @error
 * otherwise, @out_path then being as it was.
 */
gboolean lm_merge (const char *out_path, const char *const *inputs, volatile gint *cancel,
                   LmMergeSummary *summary, GError **error);

G_END_DECLS
