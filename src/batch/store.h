/* store.h - LmStore: the batch results database (SQLite).
 *
 * Schema (version LM_STORE_SCHEMA_VERSION, kept in PRAGMA user_version and
 * in the meta table; the README documents it):
 *   meta(key, value)            schema_version, lexicon_sha256, lexicon_path,
 *                               stopwords_sha256, tokenizer_version,
 *                               leitmotif_version, stemmer
 *   categories(id, kind, label, description)
 *   documents(id, path, content_sha256, size, status, error, words_critic,
 *             words_quotation, words_comment, words_all, words_boilerplate,
 *             replacements)                        path = the document key
 *   motif_counts(document_id, voice, category, hits)   non-zero counts only
 *   genre_mentions(document_id, seq, genre, voice, stance, source, cue,
 *                  line, evidence)
 *   metadata(document_id, key, value)
 *
 * Identity: a database belongs to one lexicon, stop list and tokenizer
 * version; opening it with others fails with LM_ERROR_LEXICON naming both,
 * unless @force, which empties it first.  Results of different lexicons are
 * never mixed.
 *
 * Durability: WAL journal; results are written in transactions
 * (lm_store_begin / lm_store_commit), so a run killed at any moment leaves
 * every committed document whole and nothing half-written.  Another process
 * writing the same database makes this one wait (busy timeout), never
 * corrupts it.
 *
 * Writing: lm_store_put runs prepared statements kept for the store's life,
 * inserting a document's counts and genre mentions many rows a statement;
 * the writing connection checks no foreign keys (the store keeps them whole
 * itself: a document put again has its rows deleted with it).
 *
 * Thread safety: one LmStore is used by one thread (the batch's writer); the
 * connection is opened without SQLite's mutex.
 */
#pragma once

#include <glib.h>

#include "analysis/voice.h"
#include "lexicon/lexicon.h"

G_BEGIN_DECLS

#define LM_STORE_SCHEMA_VERSION 1
#define LM_STORE_BUSY_TIMEOUT_MS 120000

typedef struct
{
  const char *lexicon_sha256;
  const char *lexicon_path;
  const char *stopwords_sha256;
} LmStoreIdentity;

/* One analyzed (or failed) document, as the batch hands it to the store. */
typedef struct
{
  char *key;            /* the document key (walk.h) */
  char *path;           /* where it was read */
  char *sha256;         /* of its bytes; NULL if unreadable */
  guint64 size;
  gboolean ok;
  char *error;          /* why it failed */
  guint64 words[LM_N_VOICES];
  guint64 replacements;
  guint n_categories;
  guint64 *hits;        /* [voice * n_categories + category] */
  GArray *genres;       /* LmGenreMention, or NULL */
  GPtrArray *metadata;  /* values in the order of the metadata columns, or NULL */
} LmBatchResult;

void lm_batch_result_free (LmBatchResult *r);

typedef struct _LmStore LmStore;

/* Returns: (transfer full) (nullable): the store, or %NULL with @error. */
LmStore *lm_store_open (const char *path, const LmStoreIdentity *identity,
                        const LmLexicon *lexicon, gboolean force, GError **error);
/* Opens an existing database read-only (export, report). */
LmStore *lm_store_open_readonly (const char *path, GError **error);
void lm_store_close (LmStore *store);

/* Returns: (transfer full): key -> "SHA256" of each document stored as ok. */
GHashTable *lm_store_known_documents (LmStore *store, GError **error);

gboolean lm_store_begin (LmStore *store, GError **error);
gboolean lm_store_commit (LmStore *store, GError **error);
/* Replaces whatever the store held for @result->key (its id as a delete
 * followed by an insert gives it). Inside a transaction. */
gboolean lm_store_put (LmStore *store, const LmBatchResult *result,
                       const LmLexicon *lexicon, const GPtrArray *metadata_columns,
                       GError **error);

/* Writes @table ("documents", "motif_counts", "genre_mentions", "metadata",
 * "categories", "meta") as CSV (RFC 4180, header row) or JSON lines. */
gboolean lm_store_export (LmStore *store, const char *table, gboolean jsonl,
                          GString *out, GError **error);
/* The tables lm_store_export accepts. (transfer none) */
const char *const *lm_store_tables (void);

/* (transfer none) the SQL that creates the tables above (idempotent: every
 * statement is CREATE TABLE IF NOT EXISTS), for building a database by
 * other means (merge.h).  It does not set user_version. */
const char *lm_store_schema_sql (void);

/* (transfer none) the sqlite3 handle, for reports that query directly. */
gpointer lm_store_get_db (LmStore *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmStore, lm_store_close)

G_END_DECLS
