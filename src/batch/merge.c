/* merge.c - batch databases folded into one, written atomically.
 *
 * The inputs are folded one at a time into a scratch database (SQLite
 * attaches at most ten databases at once; one at a time has no limit), by
 * rules that make each fold a commutative, associative choice per document
 * (merge.h).  The scratch's document ids depend on the order of the folds,
 * so the result is then copied into the output's temporary file with ids in
 * key order, synced, and renamed over the output.
 */
#include "merge.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/lm-error.h"
#include "store.h"

/* ==== Identity of an input ==== */

typedef struct
{
  const char *field;  /* as named in messages */
  const char *meta;   /* meta key, or NULL for PRAGMA user_version */
} Field;

static const Field identity_fields[] = {
  { "schema version (user_version)", NULL },
  { "lexicon (lexicon_sha256)", "lexicon_sha256" },
  { "stop list (stopwords_sha256)", "stopwords_sha256" },
  { "tokenizer rules (tokenizer_version)", "tokenizer_version" },
};
#define N_FIELDS G_N_ELEMENTS (identity_fields)

typedef struct
{
  char *path;
  char *values[N_FIELDS];
  char *meta_schema;   /* meta.schema_version */
  char *lexicon_path;  /* for messages */
} Identity;

static void
identity_free (Identity *id)
{
  g_free (id->path);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (id->values[i]);
  g_free (id->meta_schema);
  g_free (id->lexicon_path);
  g_free (id);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Identity, identity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

static char *
query_text (sqlite3 *db, const char *sql, const char *arg)
{
  sqlite3_stmt *q = NULL;
  char *value = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &q, NULL) != SQLITE_OK)
    return NULL;
  if (arg)
    sqlite3_bind_text (q, 1, arg, -1, SQLITE_STATIC);
  if (sqlite3_step (q) == SQLITE_ROW && sqlite3_column_type (q, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (q, 0));
  sqlite3_finalize (q);
  return value;
}

static sqlite3 *
open_database (const char *path, int flags, GError **error)
{
  g_autoptr(sqlite3) db = NULL;
  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: cannot open the database: %s", path,
                   db ? sqlite3_errmsg (db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (db, LM_STORE_BUSY_TIMEOUT_MS);
  return g_steal_pointer (&db);
}

/* Opens @path read-only and reads what must agree between inputs. */
static Identity *
read_identity (const char *path, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no such database", path);
      return NULL;
    }
  g_autoptr(sqlite3) db = open_database (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;
  g_autoptr(Identity) id = g_new0 (Identity, 1);
  id->path = g_strdup (path);
  id->values[0] = query_text (db, "PRAGMA user_version", NULL);
  if (id->values[0] == NULL)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: not a database: %s", path, sqlite3_errmsg (db));
      return NULL;
    }
  const char *sql = "SELECT value FROM meta WHERE key = ?";
  for (guint i = 1; i < N_FIELDS; i++)
    id->values[i] = query_text (db, sql, identity_fields[i].meta);
  id->meta_schema = query_text (db, sql, "schema_version");
  id->lexicon_path = query_text (db, sql, "lexicon_path");
  if (id->meta_schema == NULL || id->values[1] == NULL)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO,
                   "%s: not a leitmotif results database (no schema version or lexicon in its meta table)", path);
      return NULL;
    }
  return g_steal_pointer (&id);
}

/* Refuses @b unless it agrees with @a on every identity field. */
static gboolean
check_same_identity (const Identity *a, const Identity *b, GError **error)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *va = a->values[i] ? a->values[i] : "(none)", *vb = b->values[i] ? b->values[i] : "(none)";
      if (g_str_equal (va, vb))
        continue;
      g_set_error (error, LM_ERROR, i == 0 ? LM_ERROR_IO : LM_ERROR_LEXICON,
                   "refusing to merge %s with %s: they differ in %s: %s has %s%s%s%s, %s has %s%s%s%s; "
                   "results of different lexicons, stop lists, tokenizers or schemas are never mixed",
                   b->path, a->path, identity_fields[i].field,
                   b->path, vb, i == 1 ? " (" : "", i == 1 ? (b->lexicon_path ? b->lexicon_path : "?") : "",
                   i == 1 ? ")" : "",
                   a->path, va, i == 1 ? " (" : "", i == 1 ? (a->lexicon_path ? a->lexicon_path : "?") : "",
                   i == 1 ? ")" : "");
      return FALSE;
    }
  return TRUE;
}

/* The one schema version this leitmotif writes, in both places. */
static gboolean
check_supported (const Identity *id, GError **error)
{
  guint64 uv = g_ascii_strtoull (id->values[0], NULL, 10);
  guint64 mv = g_ascii_strtoull (id->meta_schema, NULL, 10);
  if (uv != LM_STORE_SCHEMA_VERSION || mv != LM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO,
                   "%s: schema version %s (meta: %s); this leitmotif merges schema version %d only",
                   id->path, id->values[0], id->meta_schema, LM_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* ==== SQL helpers ==== */

typedef struct
{
  sqlite3 *db;
  const char *what;       /* file named in errors */
  volatile gint *cancel;
} Db;

static int
on_progress (void *data)
{
  volatile gint *cancel = data;
  return cancel && g_atomic_int_get (cancel);
}

static gboolean
cancelled (const Db *d, GError **error)
{
  if (d->cancel && g_atomic_int_get (d->cancel))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "merge interrupted; %s left as it was", d->what);
      return TRUE;
    }
  return FALSE;
}

static gboolean
exec (const Db *d, const char *sql, GError **error)
{
  if (cancelled (d, error))
    return FALSE;
  char *msg = NULL;
  int rc = sqlite3_exec (d->db, sql, NULL, NULL, &msg);
  if (rc == SQLITE_OK)
    return TRUE;
  if (rc == SQLITE_INTERRUPT && cancelled (d, error))
    {
      sqlite3_free (msg);
      return FALSE;
    }
  g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: %s", d->what, msg ? msg : sqlite3_errstr (rc));
  sqlite3_free (msg);
  return FALSE;
}

static sqlite3 *
open_scratch (const char *path, const char *what, volatile gint *cancel, GError **error)
{
  g_autoptr(sqlite3) db = open_database (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, error);
  if (db == NULL)
    return NULL;
  sqlite3_progress_handler (db, 10000, on_progress, (void *) cancel);
  /* A temporary file: a crash discards it whole, so no journal is needed. */
  Db d = { db, what, cancel };
  if (!exec (&d, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;", error)
      || !exec (&d, lm_store_schema_sql (), error))
    return NULL;
  return g_steal_pointer (&db);
}

/* ATTACH @path read-only as @schema: a file: URI, so that any character of
 * the path is escaped. */
static gboolean
attach (const Db *d, const char *path, const char *schema, GError **error)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, error);
  if (uri == NULL)
    return FALSE;
  g_autofree char *ro = g_strconcat (uri, "?mode=ro", NULL);
  char *sql = sqlite3_mprintf ("ATTACH %Q AS %s;", ro, schema);
  gboolean ok = exec (d, sql, error);
  sqlite3_free (sql);
  if (!ok)
    g_prefix_error (error, "%s: ", path);
  return ok;
}

/* ==== Folding one input into the scratch ==== */

/* The order that picks a document among inputs (merge.h). */
#define RANK(t) "(" t ".status = 'ok', coalesce(" t ".content_sha256, ''), coalesce(" t ".error, ''), " \
  t ".size, " t ".words_critic, " t ".words_quotation, " t ".words_comment, " t ".words_all, " \
  t ".words_boilerplate, " t ".replacements)"

#define DOC_COLUMNS "path, content_sha256, size, status, error, words_critic, words_quotation, " \
  "words_comment, words_all, words_boilerplate, replacements"

/* fold.existed: the key was already there; fold.wins: 1 the input's row
 * replaces it (or is new), 0 the rows are equal, -1 the input's row loses. */
static const char *const fold_sql =
  "CREATE TEMP TABLE IF NOT EXISTS fold (sid INTEGER PRIMARY KEY, mid INTEGER, path TEXT NOT NULL,"
  "  existed INTEGER NOT NULL, wins INTEGER NOT NULL);"
  "DELETE FROM temp.fold;"
  "INSERT INTO temp.fold SELECT s.id, m.id, s.path, m.id IS NOT NULL, CASE WHEN m.id IS NULL THEN 1"
  "  WHEN " RANK ("s") " > " RANK ("m") " THEN 1"
  "  WHEN " RANK ("s") " = " RANK ("m") " THEN 0 ELSE -1 END"
  "  FROM src.documents s LEFT JOIN main.documents m ON m.path = s.path;"
  "DELETE FROM main.documents WHERE id IN (SELECT mid FROM temp.fold WHERE wins = 1);"
  "INSERT INTO main.documents (" DOC_COLUMNS ") SELECT " DOC_COLUMNS " FROM src.documents"
  "  WHERE id IN (SELECT sid FROM temp.fold WHERE wins = 1);"
  "UPDATE temp.fold SET mid = (SELECT d.id FROM main.documents d WHERE d.path = temp.fold.path)"
  "  WHERE wins = 1;"
  "INSERT INTO main.motif_counts SELECT f.mid, c.voice, c.category, c.hits"
  "  FROM src.motif_counts c JOIN temp.fold f ON f.sid = c.document_id WHERE f.wins = 1;"
  "INSERT INTO main.genre_mentions SELECT f.mid, g.seq, g.genre, g.voice, g.stance, g.source,"
  "  g.cue, g.line, g.evidence"
  "  FROM src.genre_mentions g JOIN temp.fold f ON f.sid = g.document_id WHERE f.wins = 1;"
  "INSERT INTO main.metadata SELECT f.mid, x.key, x.value"
  "  FROM src.metadata x JOIN temp.fold f ON f.sid = x.document_id WHERE f.wins >= 0"
  "  ON CONFLICT (document_id, key) DO UPDATE SET value = excluded.value"
  "  WHERE excluded.value > value;"
  "INSERT OR IGNORE INTO main.categories SELECT id, kind, label, description FROM src.categories;"
  "INSERT INTO main.meta SELECT key, value FROM src.meta WHERE true"
  "  ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE excluded.value < value;";

static gboolean
fold (const Db *scratch, const char *input, guint64 *duplicates, GError **error)
{
  if (!attach (scratch, input, "src", error))
    return FALSE;
  gboolean ok = exec (scratch, "BEGIN;", error) && exec (scratch, fold_sql, error);
  if (ok)
    {
      g_autofree char *dups = query_text (scratch->db, "SELECT count(*) FROM temp.fold WHERE existed", NULL);
      *duplicates += dups ? g_ascii_strtoull (dups, NULL, 10) : 0;
      ok = exec (scratch, "COMMIT;", error);
    }
  if (!ok)
    exec (scratch, "ROLLBACK;", NULL);
  if (!exec (scratch, "DETACH src;", ok ? error : NULL))
    ok = FALSE;
  if (!ok && error && *error && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (error, "%s: ", input);
  return ok;
}

/* ==== The output, ids in key order ==== */

static const char *const copy_sql =
  "BEGIN;"
  "INSERT INTO meta SELECT key, value FROM w.meta ORDER BY key;"
  "INSERT INTO categories SELECT id, kind, label, description FROM w.categories ORDER BY id;"
  "INSERT INTO documents (id, " DOC_COLUMNS ") SELECT row_number () OVER (ORDER BY path), "
  DOC_COLUMNS " FROM w.documents ORDER BY path;"
  "CREATE TEMP TABLE ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
  "INSERT INTO temp.ids SELECT o.id, n.id FROM w.documents o JOIN main.documents n ON n.path = o.path;"
  "INSERT INTO motif_counts SELECT i.new, c.voice, c.category, c.hits"
  "  FROM w.motif_counts c JOIN temp.ids i ON i.old = c.document_id ORDER BY 1, 2, 3;"
  "INSERT INTO genre_mentions SELECT i.new, g.seq, g.genre, g.voice, g.stance, g.source, g.cue,"
  "  g.line, g.evidence FROM w.genre_mentions g JOIN temp.ids i ON i.old = g.document_id ORDER BY 1, 2;"
  "INSERT INTO metadata SELECT i.new, x.key, x.value"
  "  FROM w.metadata x JOIN temp.ids i ON i.old = x.document_id ORDER BY 1, 2;"
  "COMMIT;"
  "DROP TABLE temp.ids;"
  "DETACH w;";

static gboolean
sync_path (const char *path, gboolean directory, GError **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int e = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: cannot sync: %s", path,
                   g_strerror (e));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A new empty file next to @out_path, with @out_path's permissions if it
 * exists, else those of a new file (0666 less the umask), locked (flock) on
 * *@lock_fd for as long as the merge runs: the lock tells a live merge's
 * files from those a killed one left (remove_stale_temps()).  flock locks
 * are apart from the POSIX locks SQLite takes on the same file, and the fd
 * is closed only after SQLite has closed the file.
 * Returns: (transfer full) its path. */
static char *
temp_next_to (const char *out_path, int *lock_fd, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (out_path);
  g_autofree char *base = g_path_get_basename (out_path);
  g_autofree char *name = g_strdup_printf (".%s.merge-XXXXXX", base);
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (path, O_RDWR, 0666);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "%s: cannot create a temporary file in %s: %s", out_path, dir, g_strerror (e));
      g_free (path);
      return NULL;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("%s: cannot lock it: %s", path, g_strerror (errno));
  GStatBuf st;
  if (g_stat (out_path, &st) == 0 && fchmod (fd, st.st_mode & 07777) != 0)
    g_debug ("%s: cannot copy the permissions of %s", path, out_path);
  *lock_fd = fd;
  return path;
}

/* Is @name ".BASE.merge-XXXXXX" for @base (six characters of mkstemp)? */
static gboolean
is_temp_name (const char *name, const char *prefix)
{
  return g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6
         && strchr (name + strlen (prefix), '-') == NULL;
}

/* Removes the temporary files (and their -journal, -wal and -shm) that a
 * merge into @out_path killed with SIGKILL left: those nobody holds the lock
 * of.  A live merge's files stay.  Returns: how many were removed. */
static guint
remove_stale_temps (const char *out_path)
{
  g_autofree char *dir = g_path_get_dirname (out_path);
  g_autofree char *base = g_path_get_basename (out_path);
  g_autofree char *prefix = g_strdup_printf (".%s.merge-", base);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  while (d && (entry = g_dir_read_name (d)) != NULL)
    if (is_temp_name (entry, prefix))
      g_ptr_array_add (stale, g_build_filename (dir, entry, NULL));
  guint removed = 0;
  for (guint i = 0; i < stale->len; i++)
    {
      const char *path = stale->pdata[i];
      int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      gboolean dead = flock (fd, LOCK_EX | LOCK_NB) == 0;
      if (dead)
        {
          static const char *const suffixes[] = { "-journal", "-wal", "-shm" };
          for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
            {
              g_autofree char *side = g_strconcat (path, suffixes[k], NULL);
              g_unlink (side);
            }
          if (g_unlink (path) == 0)
            removed++;
        }
      close (fd);
    }
  return removed;
}

/* Checkpoints an existing output's write-ahead log into it (and empties
 * the log), so that no log of the old file outlives the rename. */
static gboolean
checkpoint_output (const char *out_path, GError **error)
{
  g_autoptr(sqlite3) db = open_database (out_path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return FALSE;
  g_autofree char *mode = query_text (db, "PRAGMA journal_mode", NULL);
  if (mode && g_ascii_strcasecmp (mode, "wal") == 0
      && sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: cannot checkpoint its write-ahead log: %s",
                   out_path, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* ==== lm_merge ==== */

typedef struct
{
  char *scratch, *result;
  int scratch_fd, result_fd; /* holding the locks, -1 when closed */
} Temps;

static void
temps_clear (Temps *t)
{
  if (t->scratch)
    g_unlink (t->scratch);
  if (t->result)
    g_unlink (t->result);
  g_clear_pointer (&t->scratch, g_free);
  g_clear_pointer (&t->result, g_free);
  if (t->scratch_fd >= 0)
    close (t->scratch_fd);
  if (t->result_fd >= 0)
    close (t->result_fd);
  t->scratch_fd = t->result_fd = -1;
}

static gboolean
build (const char *out_path, GPtrArray *inputs, volatile gint *cancel, Temps *t,
       LmMergeSummary *sum, GError **error)
{
  t->scratch = temp_next_to (out_path, &t->scratch_fd, error);
  t->result = t->scratch ? temp_next_to (out_path, &t->result_fd, error) : NULL;
  if (t->result == NULL)
    return FALSE;

  g_autoptr(sqlite3) sdb = open_scratch (t->scratch, out_path, cancel, error);
  if (sdb == NULL)
    return FALSE;
  Db scratch = { sdb, out_path, cancel };
  for (guint i = 0; i < inputs->len; i++)
    if (!fold (&scratch, inputs->pdata[i], &sum->duplicates, error))
      return FALSE;
  g_clear_pointer (&sdb, sqlite3_close);

  g_autoptr(sqlite3) rdb = open_scratch (t->result, out_path, cancel, error);
  if (rdb == NULL)
    return FALSE;
  Db result = { rdb, out_path, cancel };
  g_autofree char *uv = g_strdup_printf ("PRAGMA user_version = %d;", LM_STORE_SCHEMA_VERSION);
  if (!attach (&result, t->scratch, "w", error) || !exec (&result, copy_sql, error)
      || !exec (&result, uv, error))
    return FALSE;
  g_autofree char *n = query_text (rdb, "SELECT count(*) FROM documents", NULL);
  sum->documents = n ? g_ascii_strtoull (n, NULL, 10) : 0;
  /* Like every batch database, WAL from here on (SQLite keeps the mode in
   * the file; the log is empty and removed on close). */
  if (!exec (&result, "PRAGMA journal_mode = WAL;", error))
    return FALSE;
  if (sqlite3_close (g_steal_pointer (&rdb)) != SQLITE_OK)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO, "%s: cannot close the merged database", t->result);
      return FALSE;
    }
  return !cancelled (&result, error) && sync_path (t->result, FALSE, error);
}

gboolean
lm_merge (const char *out_path, const char *const *inputs, volatile gint *cancel,
          LmMergeSummary *summary, GError **error)
{
  LmMergeSummary sum = { 0 };
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  gboolean out_exists = g_file_test (out_path, G_FILE_TEST_EXISTS);
  if (out_exists)
    g_ptr_array_add (paths, (gpointer) out_path);
  for (guint i = 0; inputs[i]; i++)
    g_ptr_array_add (paths, (gpointer) inputs[i]);
  if (paths->len == 0)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE, "nothing to merge: no input database");
      return FALSE;
    }

  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func ((GDestroyNotify) identity_free);
  for (guint i = 0; i < paths->len; i++)
    {
      Identity *id = read_identity (paths->pdata[i], error);
      if (id == NULL)
        return FALSE;
      g_ptr_array_add (ids, id);
      if (!check_same_identity (ids->pdata[0], id, error))
        return FALSE;
    }
  if (!check_supported (ids->pdata[0], error))
    return FALSE;
  if (out_exists && !checkpoint_output (out_path, error))
    return FALSE;

  sum.stale_removed = remove_stale_temps (out_path);
  Temps t = { NULL, NULL, -1, -1 };
  sum.inputs = paths->len;
  gboolean ok = build (out_path, paths, cancel, &t, &sum, error);
  if (ok && g_rename (t.result, out_path) != 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: cannot replace it: %s",
                   out_path, g_strerror (e));
      ok = FALSE;
    }
  if (ok)
    {
      /* The old file's (empty) log and index must not meet the new file. */
      g_autofree char *wal = g_strconcat (out_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (out_path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      g_clear_pointer (&t.result, g_free);
      g_autofree char *dir = g_path_get_dirname (out_path);
      ok = sync_path (dir, TRUE, error);
    }
  temps_clear (&t);
  if (ok && summary)
    *summary = sum;
  return ok;
}
