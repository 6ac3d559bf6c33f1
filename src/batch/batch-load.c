/* batch-load.c - a batch database read into an LmBatchGroups (see
 * batch-load.h). */
#include "batch-load.h"

#include <sqlite3.h>

#include "core/lm-error.h"

static gboolean
sql_fail (sqlite3 *db, GError **error)
{
  g_set_error (error, LM_ERROR, LM_ERROR_IO, "database: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* The stored metadata key that @want names (case-insensitively), or NULL
 * with an error listing the keys there are. */
static char *
resolve_column (sqlite3 *db, const char *want, GError **error)
{
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT DISTINCT key FROM metadata ORDER BY key", -1, &q, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      return NULL;
    }
  g_autofree char *want_fold = g_utf8_casefold (want, -1);
  g_autoptr(GString) names = g_string_new (NULL);
  char *found = NULL;
  int rc;
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (q, 0);
      g_autofree char *fold = g_utf8_casefold (key, -1);
      if (found == NULL && g_str_equal (fold, want_fold))
        found = g_strdup (key);
      g_string_append_printf (names, "%s\"%s\"", names->len ? ", " : "", key);
    }
  sqlite3_finalize (q);
  if (rc != SQLITE_DONE)
    {
      g_free (found);
      sql_fail (db, error);
      return NULL;
    }
  if (found == NULL)
    g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                 "--group-by %s: no such metadata column; %s%s, or \"folder\" (the first "
                 "folder below the batch root)",
                 want, names->len ? "the database's columns are " : "the database holds no "
                 "metadata (give --metadata CSV to leitmotif batch)",
                 names->str);
  return found;
}

static gboolean
load_documents (sqlite3 *db, LmBatchGroups *m, const char *column, GHashTable *by_id, GError **error)
{
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT d.id, d.path, d.status, d.error, d.words_critic,"
                              " d.words_quotation, d.words_comment, d.words_all, d.words_boilerplate,"
                              " d.content_sha256, (SELECT x.value FROM metadata x WHERE x.document_id = d.id AND x.key = ?1)"
                              " FROM documents d ORDER BY d.path", -1, &q, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  sqlite3_bind_text (q, 1, column ? column : "", -1, SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      const char *path = (const char *) sqlite3_column_text (q, 1);
      guint64 words[LM_BATCH_N_WORDS];
      for (int v = 0; v < LM_BATCH_N_WORDS; v++)
        words[v] = (guint64) sqlite3_column_int64 (q, 4 + v);
      const char *value = (const char *) sqlite3_column_text (q, 10);
      g_autofree char *folder = NULL;
      const char *name;
      if (m->group_by == NULL)
        name = "all";
      else if (column == NULL)
        name = folder = lm_batch_groups_folder_of (path);
      else
        name = value && *value ? value : LM_BATCH_NO_VALUE;
      guint i = lm_batch_groups_add_essay (m, path, g_str_equal ((const char *) sqlite3_column_text (q, 2), "ok"),
                                           (const char *) sqlite3_column_text (q, 3),
                                           (const char *) sqlite3_column_text (q, 9), words, name);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { sqlite3_column_int64 (q, 0) }, sizeof (gint64)),
                           GUINT_TO_POINTER (i + 1));
    }
  sqlite3_finalize (q);
  return rc == SQLITE_DONE ? TRUE : sql_fail (db, error);
}

static gboolean
load_hits (sqlite3 *db, LmBatchGroups *m, GHashTable *by_id, GError **error)
{
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT document_id, voice, category, hits FROM motif_counts"
                              " WHERE voice IN ('critic', 'all')", -1, &q, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  int rc;
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      gint k = lm_batch_groups_motif_of (m, (const char *) sqlite3_column_text (q, 2));
      gint64 id = sqlite3_column_int64 (q, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &id));
      if (k < 0 || i == 0)
        continue; /* a character or genre category */
      LmBatchEssay *e = m->essays->pdata[i - 1];
      gboolean critic = g_str_equal ((const char *) sqlite3_column_text (q, 1), "critic");
      (critic ? e->hits_critic : e->hits_all)[k] = (guint64) sqlite3_column_int64 (q, 3);
    }
  sqlite3_finalize (q);
  return rc == SQLITE_DONE ? TRUE : sql_fail (db, error);
}

static gboolean
load_genres (sqlite3 *db, LmBatchGroups *m, GHashTable *by_id, GError **error)
{
  /* DISTINCT: an essay counts once for each genre and stance. */
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT DISTINCT document_id, genre, stance FROM genre_mentions"
                              " WHERE voice = 'critic'", -1, &q, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  int rc;
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (q, 0);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &id));
      if (i > 0)
        lm_batch_groups_add_stance (m, i - 1, (const char *) sqlite3_column_text (q, 1),
                                    (const char *) sqlite3_column_text (q, 2));
    }
  sqlite3_finalize (q);
  return rc == SQLITE_DONE ? TRUE : sql_fail (db, error);
}

LmBatchGroups *
lm_batch_load_groups (LmStore *store, const LmLexicon *lexicon, const char *group_by, GError **error)
{
  sqlite3 *db = lm_store_get_db (store);
  g_autofree char *column = NULL;
  if (group_by && !g_str_equal (group_by, "folder"))
    {
      column = resolve_column (db, group_by, error);
      if (column == NULL)
        return NULL;
    }
  g_autoptr(LmBatchGroups) m = lm_batch_groups_new (lexicon, group_by);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!load_documents (db, m, column, by_id, error))
    return NULL;
  lm_batch_groups_end_essays (m);
  if (!load_hits (db, m, by_id, error) || !load_genres (db, m, by_id, error))
    return NULL;
  lm_batch_groups_compute (m);
  return g_steal_pointer (&m);
}
