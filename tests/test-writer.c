/* test-writer.c - the batch's database writer (writer.h) and the store's
 * puts (store.h): many documents per transaction, committed by count and by
 * age, and a document put again replacing the old one whole. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

#include "batch/writer.h"
#include "core/stemmer.h"
#include "test-helpers.h"

static const char lexicon_ini[] =
  "[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n"
  "[motif loss]\nlabel=Loss\ndescription=d\nterms=loss\n";

typedef struct
{
  char *dir, *db;
  LmStemmer *stemmer;
  LmLexicon *lexicon;
  LmStore *store;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  const char *const files[] = { NULL };
  fx.dir = lmt_make_tree (files);
  fx.db = g_build_filename (fx.dir, "w.db", NULL);
  fx.stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (fx.stemmer, "a stemmer");
  fx.lexicon = lm_lexicon_new_from_data ("lex.ini", lexicon_ini, -1, fx.stemmer, &error);
  cr_assert_not_null (fx.lexicon, "the lexicon parses: %s", error ? error->message : "");
  LmStoreIdentity id = { lm_lexicon_get_sha256 (fx.lexicon), "lex.ini", "0" };
  fx.store = lm_store_open (fx.db, &id, fx.lexicon, FALSE, &error);
  cr_assert_not_null (fx.store, "the store opens: %s", error ? error->message : "");
}

static void
teardown (void)
{
  lm_store_close (fx.store);
  lm_lexicon_free (fx.lexicon);
  lm_stemmer_free (fx.stemmer);
  lmt_remove_tree (fx.dir);
  g_free (fx.db);
  g_free (fx.dir);
}

/* What another process sees: committed rows only. */
static char *
query (const char *sql)
{
  sqlite3 *db = NULL;
  cr_assert_eq (sqlite3_open_v2 (fx.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK, "a reader opens");
  sqlite3_stmt *q = NULL;
  cr_assert_eq (sqlite3_prepare_v2 (db, sql, -1, &q, NULL), SQLITE_OK, "%s", sqlite3_errmsg (db));
  GString *out = g_string_new (NULL);
  while (sqlite3_step (q) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (q); c++)
      g_string_append_printf (out, "%s%s", out->len && c == 0 ? ";" : c ? "," : "",
                              (const char *) sqlite3_column_text (q, c));
  sqlite3_finalize (q);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static guint
committed (void)
{
  g_autofree char *n = query ("SELECT count(*) FROM documents");
  return (guint) g_ascii_strtoull (n, NULL, 10);
}

/* A document with @hope hits of hope in the critic's voice (and the sum). */
static void
put (LmBatchWriter *w, const char *key, guint64 hope)
{
  guint64 hits[LM_N_VOICES * 2] = { 0 };
  hits[LM_VOICE_ALL * 2 + 0] = hope;
  hits[LM_VOICE_CRITIC * 2 + 0] = hope;
  hits[LM_VOICE_CRITIC * 2 + 1] = 1;
  LmBatchResult r = { .key = (char *) key, .path = (char *) key, .sha256 = (char *) "abc",
                      .size = 10, .ok = TRUE, .n_categories = 2, .hits = hits };
  r.words[LM_VOICE_ALL] = 100;
  g_autoptr(GError) error = NULL;
  cr_assert (lm_batch_writer_put (w, &r, &error), "put %s: %s", key, error ? error->message : "");
}

TestSuite (writer, .init = setup, .fini = teardown);

Test (writer, commits_every_max_docs)
{
  g_autoptr(LmBatchWriter) w = lm_batch_writer_new (fx.store, fx.lexicon, NULL, 2, 3600 * 1000);
  put (w, "a", 1);
  cr_assert_eq (committed (), 0, "one document of two: nothing committed yet");
  put (w, "b", 1);
  cr_assert_eq (committed (), 2, "the second document commits the transaction");
  put (w, "c", 1);
  cr_assert (lm_batch_writer_tick (w, NULL), "tick");
  cr_assert_eq (committed (), 2, "a young transaction is not committed by a tick");
  cr_assert (lm_batch_writer_flush (w, NULL), "flush");
  cr_assert_eq (committed (), 3, "flush commits the rest");
  cr_assert_eq (lm_batch_writer_get_n_documents (w), 3, "three documents put");
  cr_assert_eq (lm_batch_writer_get_n_commits (w), 2, "in two transactions");
}

Test (writer, commits_by_age)
{
  g_autoptr(LmBatchWriter) w = lm_batch_writer_new (fx.store, fx.lexicon, NULL, 1000, 50);
  put (w, "a", 1);
  cr_assert_eq (committed (), 0, "a fresh transaction stays open");
  g_usleep (80 * 1000);
  cr_assert (lm_batch_writer_tick (w, NULL), "tick");
  cr_assert_eq (committed (), 1, "a tick commits a transaction older than max_ms");
  put (w, "b", 1);
  g_usleep (80 * 1000);
  put (w, "c", 1);
  cr_assert_eq (committed (), 3, "a put commits a transaction older than max_ms");
}

Test (writer, unflushed_work_is_rolled_back)
{
  LmBatchWriter *w = lm_batch_writer_new (fx.store, fx.lexicon, NULL, 2, 3600 * 1000);
  put (w, "a", 1);
  put (w, "b", 1);
  put (w, "c", 1);
  lm_batch_writer_free (w);
  lm_store_close (fx.store);
  fx.store = NULL;
  g_autofree char *paths = query ("SELECT path FROM documents ORDER BY path");
  cr_assert_str_eq (paths, "a;b", "the committed documents whole, the open transaction gone");
  g_autofree char *counts = query ("SELECT count(*) FROM motif_counts");
  cr_assert_str_eq (counts, "6", "three non-zero counts for each committed document");
}

Test (writer, a_document_put_again_replaces_the_old)
{
  g_autoptr(LmBatchWriter) w = lm_batch_writer_new (fx.store, fx.lexicon, NULL, 100, 3600 * 1000);
  put (w, "a", 1);
  put (w, "b", 2);
  cr_assert (lm_batch_writer_flush (w, NULL), "flush");
  put (w, "b", 5);   /* the last row: its id is taken again */
  put (w, "a", 7);   /* in the same transaction as ... */
  put (w, "a", 8);   /* ... its replacement */
  cr_assert (lm_batch_writer_flush (w, NULL), "flush");
  g_autofree char *docs = query ("SELECT id, path FROM documents ORDER BY id");
  cr_assert_str_eq (docs, "2,b;3,a", "ids as a delete and an insert give them");
  g_autofree char *counts = query ("SELECT d.path, m.voice, m.category, m.hits FROM motif_counts m"
                                   " JOIN documents d ON d.id = m.document_id ORDER BY 1, 2, 3");
  cr_assert_str_eq (counts, "a,all,hope,8;a,critic,hope,8;a,critic,loss,1;"
                            "b,all,hope,5;b,critic,hope,5;b,critic,loss,1",
                    "only the last counts of each document");
  g_autofree char *orphans = query ("SELECT count(*) FROM motif_counts WHERE document_id NOT IN"
                                    " (SELECT id FROM documents)");
  cr_assert_str_eq (orphans, "0", "no counts of a replaced document are left");
}
