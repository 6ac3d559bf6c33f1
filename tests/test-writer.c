/* test-writer.c - the batch's database writer (writer.h) and the store's
 * puts (store.h): many documents per transaction, committed by count and by
 * age, and a document put again replacing the old one whole. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

#include "analysis/genre.h"
#include "batch/writer.h"
#include "core/stemmer.h"
#include "test-helpers.h"

static const char lexicon_ini[] =
  "[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n"
  "[motif loss]\nlabel=Loss\ndescription=d\nterms=loss\n"
  "[motif fear]\nlabel=Fear\ndescription=d\nterms=fear\n"
  "[motif home]\nlabel=Home\ndescription=d\nterms=home\n"
  "[motif time]\nlabel=Time\ndescription=d\nterms=time\n";

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

/* A document with more rows than one statement inserts (ROWS_MAX, 16, in
 * store.c): every row goes in, in order, with its own values. */
Test (writer, many_rows_a_document)
{
  guint64 hits[LM_N_VOICES * 5] = { 0 };
  for (guint k = 0; k < G_N_ELEMENTS (hits); k++)
    hits[k] = k + 1;
  g_autoptr(GArray) genres = g_array_new (FALSE, TRUE, sizeof (LmGenreMention));
  for (guint k = 0; k < 37; k++)
    {
      LmGenreMention m = { .category = k % 2, .voice = LM_VOICE_CRITIC, .stance = LM_STANCE_ASSERTED,
                           .source = (char *) "", .cue = (char *) "cue", .line = k + 1,
                           .sentence = (char *) "s" };
      g_array_append_val (genres, m);
    }
  LmBatchResult r = { .key = (char *) "many", .path = (char *) "many", .sha256 = (char *) "abc",
                      .size = 10, .ok = TRUE, .n_categories = 5, .hits = hits, .genres = genres };
  g_autoptr(LmBatchWriter) w = lm_batch_writer_new (fx.store, fx.lexicon, NULL, 100, 3600 * 1000);
  g_autoptr(GError) error = NULL;
  for (guint d = 0; d < 3; d++)   /* the same rows again: the statements are reused */
    cr_assert (lm_batch_writer_put (w, &r, &error), "put: %s", error ? error->message : "");
  cr_assert (lm_batch_writer_flush (w, NULL), "flush");
  g_autofree char *counts = query ("SELECT group_concat(voice || ':' || category || '=' || hits, ' ')"
                                   " FROM (SELECT * FROM motif_counts ORDER BY rowid)");
  cr_assert_str_eq (counts, "all:hope=1 all:loss=2 all:fear=3 all:home=4 all:time=5 "
                            "critic:hope=6 critic:loss=7 critic:fear=8 critic:home=9 critic:time=10 "
                            "quotation:hope=11 quotation:loss=12 quotation:fear=13 quotation:home=14 "
                            "quotation:time=15 comment:hope=16 comment:loss=17 comment:fear=18 "
                            "comment:home=19 comment:time=20",
                    "20 counts (16 + 4): every voice but boilerplate, in rowid order");
  g_autofree char *seq = query ("SELECT count(*), sum(seq = line - 1), min(seq), max(seq),"
                                " sum(genre = CASE seq % 2 WHEN 0 THEN 'hope' ELSE 'loss' END)"
                                " FROM genre_mentions");
  cr_assert_str_eq (seq, "37,37,0,36,37", "37 mentions (16 + 16 + 5), each with its own values");
  g_autofree char *order = query ("SELECT count(*) FROM genre_mentions a JOIN genre_mentions b"
                                  " ON b.rowid = a.rowid + 1 WHERE b.seq != a.seq + 1");
  cr_assert_str_eq (order, "0", "mentions in rowid order are in seq order");
}
