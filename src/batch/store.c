/* store.c - SQLite persistence of batch results. */
#include "store.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "analysis/genre.h"
#include "core/lm-error.h"
#include "core/stemmer.h"
#include "core/tokenizer.h"
#include "lm-config.h"
#include "report/format.h"

/* Rows of one table inserted up to ROWS_MAX at a time ("INSERT ... VALUES
 * (...), (...)"): SQLite's cost per statement run is several times its cost
 * per row, and a document has dozens of rows.  The rows go in in the order
 * given, with the rowids single inserts would give them. */
#define ROWS_MAX 16

typedef struct
{
  const char *head;                 /* "INSERT INTO t (a, b) VALUES " */
  guint n_cols;
  sqlite3_stmt *stmt[ROWS_MAX + 1]; /* [n]: n rows at once, prepared when first needed */
} RowsInsert;

struct _LmStore
{
  sqlite3 *db;
  char *path;
  sqlite3_stmt *find_doc, *del_doc, *del_counts, *del_genres, *del_meta;
  sqlite3_stmt *ins_doc, *ins_meta;
  RowsInsert counts, genres;
};

static const char *const schema_sql =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS categories (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
  "  label TEXT NOT NULL, description TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
  "  content_sha256 TEXT, size INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('ok','failed')),"
  "  error TEXT, words_critic INTEGER NOT NULL DEFAULT 0, words_quotation INTEGER NOT NULL DEFAULT 0,"
  "  words_comment INTEGER NOT NULL DEFAULT 0, words_all INTEGER NOT NULL DEFAULT 0,"
  "  words_boilerplate INTEGER NOT NULL DEFAULT 0, replacements INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS motif_counts (document_id INTEGER NOT NULL REFERENCES documents(id)"
  "  ON DELETE CASCADE, voice TEXT NOT NULL, category TEXT NOT NULL, hits INTEGER NOT NULL,"
  "  PRIMARY KEY (document_id, voice, category));"
  "CREATE TABLE IF NOT EXISTS genre_mentions (document_id INTEGER NOT NULL REFERENCES documents(id)"
  "  ON DELETE CASCADE, seq INTEGER NOT NULL, genre TEXT NOT NULL, voice TEXT NOT NULL,"
  "  stance TEXT NOT NULL, source TEXT NOT NULL, cue TEXT NOT NULL, line INTEGER NOT NULL,"
  "  evidence TEXT NOT NULL, PRIMARY KEY (document_id, seq));"
  "CREATE TABLE IF NOT EXISTS metadata (document_id INTEGER NOT NULL REFERENCES documents(id)"
  "  ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (document_id, key));";

static const char *const tables[] = { "documents", "motif_counts", "genre_mentions", "metadata",
                                      "categories", "meta", NULL };
static const char *const table_order[] = { "path", "document_id, voice, category",
                                           "document_id, seq", "document_id, key", "id", "key" };

const char *
lm_store_schema_sql (void)
{
  return schema_sql;
}

const char *const *
lm_store_tables (void)
{
  return tables;
}

static gboolean
sql_error (LmStore *st, GError **error, const char *what)
{
  g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: %s: %s", st->path, what, sqlite3_errmsg (st->db));
  return FALSE;
}

static gboolean
exec (LmStore *st, const char *sql, GError **error)
{
  char *msg = NULL;
  if (sqlite3_exec (st->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: %s", st->path, msg ? msg : "SQLite error");
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

/* Like exec(), but waits out SQLITE_BUSY for up to the busy timeout: SQLite
 * returns BUSY without calling its busy handler where waiting could
 * deadlock (a journal-mode change, or a lock upgrade racing another writer),
 * and at that point this connection holds nothing, so retrying is safe. */
static gboolean
exec_waiting (LmStore *st, const char *sql, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) LM_STORE_BUSY_TIMEOUT_MS * 1000;
  for (;;)
    {
      int rc = sqlite3_exec (st->db, sql, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        return TRUE;
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return exec (st, sql, error);
      g_usleep (20 * 1000);
    }
}

static char *
meta_get (LmStore *st, const char *key)
{
  sqlite3_stmt *q = NULL;
  char *value = NULL;
  if (sqlite3_prepare_v2 (st->db, "SELECT value FROM meta WHERE key = ?", -1, &q, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (q, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (q) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (q, 0));
  sqlite3_finalize (q);
  return value;
}

static gboolean
meta_set (LmStore *st, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (st->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1, &q, NULL) != SQLITE_OK)
    return sql_error (st, error, "meta");
  sqlite3_bind_text (q, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (q, 2, value, -1, SQLITE_STATIC);
  gboolean ok = sqlite3_step (q) == SQLITE_DONE;
  sqlite3_finalize (q);
  return ok ? TRUE : sql_error (st, error, "meta");
}

void
lm_store_close (LmStore *st)
{
  if (st == NULL)
    return;
  sqlite3_finalize (st->find_doc);
  sqlite3_finalize (st->del_doc);
  sqlite3_finalize (st->del_counts);
  sqlite3_finalize (st->del_genres);
  sqlite3_finalize (st->del_meta);
  sqlite3_finalize (st->ins_doc);
  for (guint n = 0; n <= ROWS_MAX; n++)
    {
      sqlite3_finalize (st->counts.stmt[n]);
      sqlite3_finalize (st->genres.stmt[n]);
    }
  sqlite3_finalize (st->ins_meta);
  sqlite3_close (st->db);
  g_free (st->path);
  g_free (st);
}

static LmStore *
open_db (const char *path, int flags, GError **error)
{
  g_autoptr(LmStore) st = g_new0 (LmStore, 1);
  st->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &st->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: cannot open the database: %s", path,
                   st->db ? sqlite3_errmsg (st->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (st->db, LM_STORE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (st->db, 1);
  if (!exec (st, "PRAGMA foreign_keys = ON;", error))
    return NULL;
  return g_steal_pointer (&st);
}

LmStore *
lm_store_open_readonly (const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no such database", path);
      return NULL;
    }
  g_autoptr(LmStore) st = open_db (path, SQLITE_OPEN_READONLY, error);
  if (st == NULL)
    return NULL;
  g_autofree char *version = meta_get (st, "schema_version");
  if (version == NULL || g_ascii_strtoull (version, NULL, 10) != LM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: not a leitmotif database of schema version %d",
                   path, LM_STORE_SCHEMA_VERSION);
      return NULL;
    }
  return g_steal_pointer (&st);
}

static gboolean
prepare_writes (LmStore *st, GError **error)
{
  struct
  {
    sqlite3_stmt **stmt;
    const char *sql;
  } s[] = {
    { &st->find_doc, "SELECT id FROM documents WHERE path = ?" },
    { &st->del_doc, "DELETE FROM documents WHERE id = ?" },
    { &st->del_counts, "DELETE FROM motif_counts WHERE document_id = ?" },
    { &st->del_genres, "DELETE FROM genre_mentions WHERE document_id = ?" },
    { &st->del_meta, "DELETE FROM metadata WHERE document_id = ?" },
    { &st->ins_doc, "INSERT INTO documents (path, content_sha256, size, status, error, words_critic,"
                    " words_quotation, words_comment, words_all, words_boilerplate, replacements)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)" },
    { &st->ins_meta, "INSERT INTO metadata (document_id, key, value) VALUES (?,?,?)" },
  };
  st->counts = (RowsInsert) { "INSERT INTO motif_counts (document_id, voice, category, hits) VALUES ", 4,
                              { NULL } };
  st->genres = (RowsInsert) { "INSERT INTO genre_mentions (document_id, seq, genre, voice, stance, source,"
                              " cue, line, evidence) VALUES ", 9, { NULL } };
  for (guint i = 0; i < G_N_ELEMENTS (s); i++)
    if (sqlite3_prepare_v3 (st->db, s[i].sql, -1, SQLITE_PREPARE_PERSISTENT, s[i].stmt, NULL) != SQLITE_OK)
      return sql_error (st, error, "prepare");
  /* From here on the writer keeps the references whole itself (a document's
   * rows go in right after it; lm_store_put deletes a replaced document's
   * rows by hand), so SQLite need not look the parent up for every row it
   * inserts.  The schema, and so every other connection, keeps them. */
  return exec (st, "PRAGMA foreign_keys = OFF;", error);
}

static gboolean
write_categories (LmStore *st, const LmLexicon *lex, GError **error)
{
  if (!exec (st, "DELETE FROM categories;", error))
    return FALSE;
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (st->db, "INSERT INTO categories (id, kind, label, description) VALUES (?,?,?,?)",
                          -1, &q, NULL) != SQLITE_OK)
    return sql_error (st, error, "categories");
  for (guint i = 0; i < lm_lexicon_get_n_categories (lex); i++)
    {
      const LmCategory *c = lm_lexicon_get_category (lex, i);
      sqlite3_reset (q);
      sqlite3_bind_text (q, 1, c->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (q, 2, lm_category_kind_to_string (c->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (q, 3, c->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (q, 4, c->description ? c->description : "", -1, SQLITE_STATIC);
      if (sqlite3_step (q) != SQLITE_DONE)
        {
          sqlite3_finalize (q);
          return sql_error (st, error, "categories");
        }
    }
  sqlite3_finalize (q);
  return TRUE;
}

LmStore *
lm_store_open (const char *path, const LmStoreIdentity *id, const LmLexicon *lex,
               gboolean force, GError **error)
{
  /* One thread uses a store (store.h): no mutex around every call. */
  g_autoptr(LmStore) st = open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   error);
  if (st == NULL)
    return NULL;
  if (!exec_waiting (st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error))
    return NULL;
  /* One writer at a time sets the schema and identity up. */
  if (!exec_waiting (st, "BEGIN IMMEDIATE;", error))
    return NULL;
  if (!exec (st, schema_sql, error))
    return NULL;
  g_autofree char *version = meta_get (st, "schema_version");
  g_autofree char *lex_sha = meta_get (st, "lexicon_sha256");
  g_autofree char *stop_sha = meta_get (st, "stopwords_sha256");
  g_autofree char *tok = meta_get (st, "tokenizer_version");
  g_autofree char *want_tok = g_strdup_printf ("%d", LM_TOKENIZER_VERSION);
  if (version && g_ascii_strtoull (version, NULL, 10) != LM_STORE_SCHEMA_VERSION)
    {
      exec (st, "ROLLBACK;", NULL);
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: schema version %s, this leitmotif writes %d",
                   path, version, LM_STORE_SCHEMA_VERSION);
      return NULL;
    }
  gboolean differs = lex_sha && (!g_str_equal (lex_sha, id->lexicon_sha256)
                                 || !g_str_equal (stop_sha ? stop_sha : "", id->stopwords_sha256)
                                 || !g_str_equal (tok ? tok : "", want_tok));
  if (differs && !force)
    {
      g_autofree char *old_path = meta_get (st, "lexicon_path");
      exec (st, "ROLLBACK;", NULL);
      g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                   "%s holds results made with lexicon %s (sha256 %.12s…), stop list sha256 %.12s… "
                   "and tokenizer rules %s; this run uses %s (sha256 %.12s…), stop list sha256 %.12s… "
                   "and tokenizer rules %s. Use another --db, or --force to discard the old results.",
                   path, old_path ? old_path : "?", lex_sha, stop_sha ? stop_sha : "?", tok ? tok : "?",
                   id->lexicon_path, id->lexicon_sha256, id->stopwords_sha256, want_tok);
      return NULL;
    }
  if (differs || force)
    if (!exec (st, "DELETE FROM documents;", error))
      return NULL;
  g_autofree char *schema = g_strdup_printf ("%d", LM_STORE_SCHEMA_VERSION);
  if (!meta_set (st, "schema_version", schema, error)
      || !meta_set (st, "lexicon_sha256", id->lexicon_sha256, error)
      || !meta_set (st, "lexicon_path", id->lexicon_path, error)
      || !meta_set (st, "stopwords_sha256", id->stopwords_sha256, error)
      || !meta_set (st, "tokenizer_version", want_tok, error)
      || !meta_set (st, "leitmotif_version", LM_VERSION, error)
      || !meta_set (st, "stemmer", lm_stemmer_describe (), error)
      || !write_categories (st, lex, error))
    return NULL;
  g_autofree char *uv = g_strdup_printf ("PRAGMA user_version = %d; COMMIT;", LM_STORE_SCHEMA_VERSION);
  if (!exec (st, uv, error) || !prepare_writes (st, error))
    return NULL;
  return g_steal_pointer (&st);
}

GHashTable *
lm_store_known_documents (LmStore *st, GError **error)
{
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (st->db, "SELECT path, content_sha256 FROM documents WHERE status = 'ok'",
                          -1, &q, NULL) != SQLITE_OK)
    {
      sql_error (st, error, "documents");
      g_hash_table_unref (known);
      return NULL;
    }
  while (sqlite3_step (q) == SQLITE_ROW)
    g_hash_table_insert (known, g_strdup ((const char *) sqlite3_column_text (q, 0)),
                         g_strdup ((const char *) sqlite3_column_text (q, 1)));
  sqlite3_finalize (q);
  return known;
}

gboolean
lm_store_begin (LmStore *st, GError **error)
{
  return exec_waiting (st, "BEGIN IMMEDIATE;", error);
}

gboolean
lm_store_commit (LmStore *st, GError **error)
{
  return exec (st, "COMMIT;", error);
}

static gboolean
step_done (LmStore *st, sqlite3_stmt *q, GError **error)
{
  int rc = sqlite3_step (q);
  sqlite3_reset (q);
  sqlite3_clear_bindings (q);
  return rc == SQLITE_DONE ? TRUE : sql_error (st, error, "write");
}

/* The statement that inserts rows @i .. of @n (the first of a group of up
 * to ROWS_MAX), and the number of its first parameter for row i; %NULL with
 * @error if it cannot be prepared. */
static sqlite3_stmt *
rows_stmt (LmStore *st, RowsInsert *ri, guint i, guint n, GError **error)
{
  guint rows = MIN (ROWS_MAX, n - i);
  if (ri->stmt[rows] == NULL)
    {
      GString *sql = g_string_new (ri->head);
      for (guint r = 0; r < rows; r++)
        {
          g_string_append (sql, r ? ",(" : "(");
          for (guint c = 0; c < ri->n_cols; c++)
            g_string_append (sql, c ? ",?" : "?");
          g_string_append_c (sql, ')');
        }
      int rc = sqlite3_prepare_v3 (st->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &ri->stmt[rows], NULL);
      g_string_free (sql, TRUE);
      if (rc != SQLITE_OK)
        {
          sql_error (st, error, "prepare");
          return NULL;
        }
    }
  return ri->stmt[rows];
}

/* Row @i of @n is bound: runs the statement if it was its group's last. */
static gboolean
rows_done (LmStore *st, sqlite3_stmt *q, guint i, guint n, GError **error)
{
  if ((i + 1) % ROWS_MAX != 0 && i + 1 != n)
    return TRUE;
  return step_done (st, q, error);
}

/* Deletes the stored document @key and its rows, if there is one. */
static gboolean
delete_document (LmStore *st, const char *key, GError **error)
{
  sqlite3_bind_text (st->find_doc, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step (st->find_doc);
  sqlite3_int64 id = rc == SQLITE_ROW ? sqlite3_column_int64 (st->find_doc, 0) : 0;
  sqlite3_reset (st->find_doc);
  sqlite3_clear_bindings (st->find_doc);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? TRUE : sql_error (st, error, "write");
  sqlite3_stmt *dels[] = { st->del_counts, st->del_genres, st->del_meta, st->del_doc };
  for (guint i = 0; i < G_N_ELEMENTS (dels); i++)
    {
      sqlite3_bind_int64 (dels[i], 1, id);
      if (!step_done (st, dels[i], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lm_store_put (LmStore *st, const LmBatchResult *r, const LmLexicon *lex,
              const GPtrArray *metadata_columns, GError **error)
{
  sqlite3_stmt *q = st->ins_doc;
  sqlite3_bind_text (q, 1, r->key, -1, SQLITE_STATIC);
  if (r->sha256)
    sqlite3_bind_text (q, 2, r->sha256, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (q, 2);
  sqlite3_bind_int64 (q, 3, (sqlite3_int64) r->size);
  sqlite3_bind_text (q, 4, r->ok ? "ok" : "failed", -1, SQLITE_STATIC);
  if (r->error)
    sqlite3_bind_text (q, 5, r->error, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (q, 5);
  const LmVoice vs[] = { LM_VOICE_CRITIC, LM_VOICE_QUOTATION, LM_VOICE_COMMENT, LM_VOICE_ALL,
                         LM_VOICE_BOILERPLATE };
  for (guint v = 0; v < G_N_ELEMENTS (vs); v++)
    sqlite3_bind_int64 (q, 6 + (int) v, (sqlite3_int64) r->words[vs[v]]);
  sqlite3_bind_int64 (q, 11, (sqlite3_int64) r->replacements);
  /* Most documents are new: insert at once.  One stored before (a changed
   * file, or another process's) fails the path's UNIQUE constraint, which
   * changes nothing; then it is deleted with its rows and the insert runs
   * again, so ids come out as a delete followed by an insert gives them. */
  int rc = sqlite3_step (q);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      sqlite3_reset (q);
      if (!delete_document (st, r->key, error))
        {
          sqlite3_clear_bindings (q);
          return FALSE;
        }
      rc = sqlite3_step (q);
    }
  sqlite3_reset (q);
  sqlite3_clear_bindings (q);
  if (rc != SQLITE_DONE)
    return sql_error (st, error, "write");
  sqlite3_int64 doc = sqlite3_last_insert_rowid (st->db);

  guint n = 0, i = 0;
  for (guint k = 0; r->hits && k < LM_VOICE_BOILERPLATE * r->n_categories; k++)
    n += r->hits[k] != 0;
  sqlite3_stmt *g = NULL;
  for (LmVoice v = LM_VOICE_ALL; r->hits && v < LM_VOICE_BOILERPLATE; v++)
    for (guint c = 0; c < r->n_categories; c++)
      {
        guint64 hits = r->hits[v * r->n_categories + c];
        if (hits == 0)
          continue;
        if (i % ROWS_MAX == 0 && (g = rows_stmt (st, &st->counts, i, n, error)) == NULL)
          return FALSE;
        int p = (int) (i % ROWS_MAX) * 4;
        sqlite3_bind_int64 (g, p + 1, doc);
        sqlite3_bind_text (g, p + 2, lm_voice_to_string (v), -1, SQLITE_STATIC);
        sqlite3_bind_text (g, p + 3, lm_lexicon_get_category (lex, c)->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (g, p + 4, (sqlite3_int64) hits);
        if (!rows_done (st, g, i++, n, error))
          return FALSE;
      }
  n = r->genres ? r->genres->len : 0;
  for (i = 0; i < n; i++)
    {
      const LmGenreMention *m = &g_array_index (r->genres, LmGenreMention, i);
      if (i % ROWS_MAX == 0 && (g = rows_stmt (st, &st->genres, i, n, error)) == NULL)
        return FALSE;
      int p = (int) (i % ROWS_MAX) * 9;
      sqlite3_bind_int64 (g, p + 1, doc);
      sqlite3_bind_int (g, p + 2, (int) i);
      sqlite3_bind_text (g, p + 3, lm_lexicon_get_category (lex, m->category)->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (g, p + 4, lm_voice_to_string (m->voice), -1, SQLITE_STATIC);
      sqlite3_bind_text (g, p + 5, lm_stance_to_string (m->stance), -1, SQLITE_STATIC);
      sqlite3_bind_text (g, p + 6, m->source, -1, SQLITE_STATIC);
      sqlite3_bind_text (g, p + 7, m->cue, -1, SQLITE_STATIC);
      sqlite3_bind_int (g, p + 8, (int) m->line);
      sqlite3_bind_text (g, p + 9, m->sentence, -1, SQLITE_STATIC);
      if (!rows_done (st, g, i, n, error))
        return FALSE;
    }
  for (guint k = 0; r->metadata && metadata_columns && k < r->metadata->len; k++)
    {
      sqlite3_bind_int64 (st->ins_meta, 1, doc);
      sqlite3_bind_text (st->ins_meta, 2, metadata_columns->pdata[k], -1, SQLITE_STATIC);
      sqlite3_bind_text (st->ins_meta, 3, r->metadata->pdata[k], -1, SQLITE_STATIC);
      if (!step_done (st, st->ins_meta, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lm_store_export (LmStore *st, const char *table, gboolean jsonl, GString *out, GError **error)
{
  gint which = -1;
  for (guint i = 0; tables[i]; i++)
    if (g_str_equal (table, tables[i]))
      which = (gint) i;
  if (which < 0)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) tables);
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE, "unknown table \"%s\" (tables: %s)", table, list);
      return FALSE;
    }
  /* The table name comes from the fixed list above, never from input. */
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", tables[which], table_order[which]);
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (st->db, sql, -1, &q, NULL) != SQLITE_OK)
    return sql_error (st, error, table);
  int nc = sqlite3_column_count (q);
  if (!jsonl)
    {
      for (int c = 0; c < nc; c++)
        {
          if (c)
            g_string_append_c (out, ',');
          lm_append_csv_field (out, sqlite3_column_name (q, c));
        }
      g_string_append (out, "\r\n");
    }
  int rc;
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      if (jsonl)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          json_builder_begin_object (b);
          for (int c = 0; c < nc; c++)
            {
              json_builder_set_member_name (b, sqlite3_column_name (q, c));
              switch (sqlite3_column_type (q, c))
                {
                case SQLITE_INTEGER:
                  json_builder_add_int_value (b, sqlite3_column_int64 (q, c));
                  break;
                case SQLITE_FLOAT:
                  json_builder_add_double_value (b, sqlite3_column_double (q, c));
                  break;
                case SQLITE_NULL:
                  json_builder_add_null_value (b);
                  break;
                default:
                  json_builder_add_string_value (b, (const char *) sqlite3_column_text (q, c));
                  break;
                }
            }
          json_builder_end_object (b);
          g_autoptr(JsonGenerator) gen = json_generator_new ();
          g_autoptr(JsonNode) root = json_builder_get_root (b);
          json_generator_set_root (gen, root);
          g_autofree char *line = json_generator_to_data (gen, NULL);
          g_string_append (out, line);
          g_string_append_c (out, '\n');
          continue;
        }
      for (int c = 0; c < nc; c++)
        {
          if (c)
            g_string_append_c (out, ',');
          /* Numbers as SQLite gives them; text neutralised against
           * spreadsheet formulas (lm_append_csv_field). */
          int type = sqlite3_column_type (q, c);
          const unsigned char *v = sqlite3_column_text (q, c);
          if (v && (type == SQLITE_INTEGER || type == SQLITE_FLOAT))
            g_string_append (out, (const char *) v);
          else if (v)
            lm_append_csv_field (out, (const char *) v);
        }
      g_string_append (out, "\r\n");
    }
  sqlite3_finalize (q);
  return rc == SQLITE_DONE ? TRUE : sql_error (st, error, table);
}

gpointer
lm_store_get_db (LmStore *st)
{
  return st->db;
}

void
lm_batch_result_free (LmBatchResult *r)
{
  if (r == NULL)
    return;
  g_free (r->key);
  g_free (r->path);
  g_free (r->sha256);
  g_free (r->error);
  g_free (r->hits);
  g_clear_pointer (&r->genres, g_array_unref);
  g_clear_pointer (&r->metadata, g_ptr_array_unref);
  g_free (r);
}
