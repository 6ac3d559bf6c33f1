/* metadata.c - the CSV metadata table of a batch (RFC 4180 reader). */
#include "metadata.h"

#include <string.h>

#include "core/lm-error.h"

typedef struct
{
  char *file;
  GPtrArray *values; /* char* */
  GStrv components;  /* of @file, without "" and "." */
  guint line;
} Row;

struct _LmMetadata
{
  char *name;
  GPtrArray *columns;  /* char* */
  GPtrArray *rows;     /* Row* */
  GHashTable *by_file; /* file -> Row* */
  /* Suffix indexes, keyed by suffix_hash() of a row's last j components:
   * by_suffix for every j, by_path for all of them.  A lookup then visits
   * only rows that can match, not every row of the same file name (100,000
   * rows named index.md in as many folders made a batch quadratic). */
  GHashTable *by_suffix; /* hash -> GPtrArray of Row* */
  GHashTable *by_path;   /* hash -> GPtrArray of Row* */
};

static void
row_free (gpointer p)
{
  Row *r = p;
  g_free (r->file);
  g_ptr_array_unref (r->values);
  g_strfreev (r->components);
  g_free (r);
}

void
lm_metadata_free (LmMetadata *md)
{
  if (md == NULL)
    return;
  g_free (md->name);
  g_ptr_array_unref (md->columns);
  g_hash_table_unref (md->by_file);
  g_hash_table_unref (md->by_suffix);
  g_hash_table_unref (md->by_path);
  g_ptr_array_unref (md->rows);
  g_free (md);
}

/* ------------------------------------------------------------ reading */

typedef struct
{
  guint line, col;
} Pos;

typedef struct
{
  const char *name;
  const char *p, *end;
  guint line, col;
} Cursor;

static Pos
here (const Cursor *c)
{
  return (Pos) { c->line, c->col };
}

/* Moves past one character; CRLF counts as one line break. */
static void
advance (Cursor *c)
{
  if (*c->p == '\r' || *c->p == '\n')
    {
      if (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n')
        c->p++;
      c->p++;
      c->line++;
      c->col = 1;
      return;
    }
  c->p = g_utf8_next_char (c->p);
  c->col++;
}

static gboolean
at_break (const Cursor *c)
{
  return c->p < c->end && (*c->p == '\n' || *c->p == '\r');
}

G_GNUC_PRINTF (5, 6) static void
set_error (GError **error, gint code, const char *name, Pos pos, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, LM_ERROR, code, "%s:%u:%u: %s", name, pos.line, pos.col, msg);
}

/* Reads one record into @fields (char*) and @starts (Pos of each field);
 * @end: where the record ends.  Skips empty lines before it.
 * Returns: 1 for a record, 0 at the end of the data, -1 with @error. */
static int
read_record (Cursor *c, GPtrArray *fields, GArray *starts, Pos *end, GError **error)
{
  g_ptr_array_set_size (fields, 0);
  g_array_set_size (starts, 0);
  while (at_break (c))
    advance (c);
  if (c->p == c->end)
    return 0;

  for (;;)
    {
      Pos start = here (c);
      GString *f = g_string_new (NULL);
      g_ptr_array_add (fields, f); /* freed by the caller's free func */
      g_array_append_val (starts, start);
      if (c->p < c->end && *c->p == '"')
        {
          advance (c);
          for (;;)
            {
              if (c->p == c->end)
                {
                  set_error (error, LM_ERROR_SYNTAX, c->name, start,
                             "unterminated quoted field (no closing '\"')");
                  return -1;
                }
              if (*c->p == '"')
                {
                  if (c->p + 1 < c->end && c->p[1] == '"')
                    {
                      g_string_append_c (f, '"');
                      advance (c);
                      advance (c);
                      continue;
                    }
                  advance (c);
                  break;
                }
              if (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n')
                {
                  g_string_append_c (f, '\n');
                  advance (c);
                  continue;
                }
              const char *q = c->p;
              advance (c);
              g_string_append_len (f, q, c->p - q);
            }
          if (c->p < c->end && *c->p != ',' && !at_break (c))
            {
              set_error (error, LM_ERROR_SYNTAX, c->name, here (c),
                         "unexpected character after a closing quote (expected ',' or a line break)");
              return -1;
            }
        }
      else
        {
          while (c->p < c->end && *c->p != ',' && !at_break (c))
            {
              if (*c->p == '"')
                {
                  set_error (error, LM_ERROR_SYNTAX, c->name, here (c),
                             "a '\"' inside an unquoted field (quote the whole field and "
                             "write the quote as \"\")");
                  return -1;
                }
              const char *q = c->p;
              advance (c);
              g_string_append_len (f, q, c->p - q);
            }
        }
      if (c->p < c->end && *c->p == ',')
        {
          advance (c);
          continue;
        }
      *end = here (c);
      if (c->p < c->end)
        advance (c); /* the line break */
      return 1;
    }
}

static void
gstring_free (gpointer p)
{
  g_string_free (p, TRUE);
}

static const char *
field (GPtrArray *fields, guint i)
{
  return ((GString *) fields->pdata[i])->str;
}

static GStrv
path_components (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] && !g_str_equal (parts[i], "."))
      g_ptr_array_add (out, g_strdup (parts[i]));
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

/* The hash of a path's last j components, component by component from the
 * end: suffix_hash_step (hash of the last j - 1, component n - j). */
#define SUFFIX_HASH_SEED 5381u

static guint
suffix_hash_step (guint h, const char *component)
{
  return (h * 1000003u) ^ g_str_hash (component);
}

static void
index_row (GHashTable *index, guint h, Row *row)
{
  GPtrArray *list = g_hash_table_lookup (index, GUINT_TO_POINTER (h));
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, GUINT_TO_POINTER (h), list);
    }
  g_ptr_array_add (list, row);
}

static gboolean
read_header (LmMetadata *md, Cursor *c, GPtrArray *fields, GArray *starts, GError **error)
{
  Pos end;
  int r = read_record (c, fields, starts, &end, error);
  if (r < 0)
    return FALSE;
  if (r == 0)
    {
      set_error (error, LM_ERROR_SYNTAX, md->name, (Pos) { 1, 1 },
                 "no header row (the file is empty); the first row must name the columns, "
                 "starting with \"file\"");
      return FALSE;
    }
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < fields->len; i++)
    {
      Pos pos = g_array_index (starts, Pos, i);
      g_autofree char *name = g_strstrip (g_strdup (field (fields, i)));
      if (*name == '\0')
        {
          set_error (error, LM_ERROR_SYNTAX, md->name, pos, "column %u has an empty name", i + 1);
          return FALSE;
        }
      char *folded = g_utf8_casefold (name, -1);
      if (i == 0 && !g_str_equal (folded, "file"))
        {
          g_free (folded);
          set_error (error, LM_ERROR_SYNTAX, md->name, pos,
                     "the first column must be named \"file\", got \"%s\"", name);
          return FALSE;
        }
      gpointer first = NULL;
      if (g_hash_table_lookup_extended (seen, folded, NULL, &first))
        {
          g_free (folded);
          set_error (error, LM_ERROR_SYNTAX, md->name, pos,
                     "duplicate column name \"%s\" (same as column %u)", name,
                     GPOINTER_TO_UINT (first));
          return FALSE;
        }
      g_hash_table_insert (seen, folded, GUINT_TO_POINTER (i + 1));
      if (i > 0)
        g_ptr_array_add (md->columns, g_steal_pointer (&name));
    }
  return TRUE;
}

static gboolean
read_rows (LmMetadata *md, Cursor *c, GPtrArray *fields, GArray *starts, GError **error)
{
  guint ncols = md->columns->len + 1;
  for (;;)
    {
      Pos end;
      int r = read_record (c, fields, starts, &end, error);
      if (r <= 0)
        return r == 0;
      if (fields->len != ncols)
        {
          Pos pos = fields->len > ncols ? g_array_index (starts, Pos, ncols) : end;
          set_error (error, LM_ERROR_SYNTAX, md->name, pos,
                     "this row has %u fields, the header has %u", fields->len, ncols);
          return FALSE;
        }
      Pos fpos = g_array_index (starts, Pos, 0);
      const char *file = field (fields, 0);
      if (*file == '\0')
        {
          set_error (error, LM_ERROR_SYNTAX, md->name, fpos, "empty file name");
          return FALSE;
        }
      Row *prev = g_hash_table_lookup (md->by_file, file);
      if (prev)
        {
          set_error (error, LM_ERROR_SYNTAX, md->name, fpos,
                     "duplicate file \"%s\" (first at line %u)", file, prev->line);
          return FALSE;
        }
      Row *row = g_new0 (Row, 1);
      row->file = g_strdup (file);
      row->line = fpos.line;
      row->values = g_ptr_array_new_full (ncols - 1, g_free);
      for (guint i = 1; i < ncols; i++)
        g_ptr_array_add (row->values, g_strdup (field (fields, i)));
      row->components = path_components (file);
      g_ptr_array_add (md->rows, row);
      g_hash_table_insert (md->by_file, row->file, row);
      guint n = g_strv_length (row->components);
      guint h = SUFFIX_HASH_SEED;
      for (guint j = 1; j <= n; j++)
        {
          h = suffix_hash_step (h, row->components[n - j]);
          index_row (md->by_suffix, h, row);
        }
      if (n > 0)
        index_row (md->by_path, h, row);
    }
}

LmMetadata *
lm_metadata_new_from_data (const char *name, const char *data, gsize len, GError **error)
{
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  Cursor c = { name, data, data + len, 1, 1 };
  const char *bad = NULL;
  if (!g_utf8_validate_len (data, len, &bad))
    {
      while (c.p < bad)
        advance (&c);
      set_error (error, LM_ERROR_ENCODING, name, here (&c), "invalid UTF-8 or NUL byte");
      return NULL;
    }

  g_autoptr(LmMetadata) md = g_new0 (LmMetadata, 1);
  md->name = g_strdup (name);
  md->columns = g_ptr_array_new_with_free_func (g_free);
  md->rows = g_ptr_array_new_with_free_func (row_free);
  md->by_file = g_hash_table_new (g_str_hash, g_str_equal);
  md->by_suffix = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  md->by_path = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (gstring_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (Pos));
  if (!read_header (md, &c, fields, starts, error)
      || !read_rows (md, &c, fields, starts, error))
    return NULL;
  return g_steal_pointer (&md);
}

LmMetadata *
lm_metadata_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return lm_metadata_new_from_data (path, data, len, error);
}

/* ------------------------------------------------------------ lookup */

const GPtrArray *
lm_metadata_get_columns (const LmMetadata *md)
{
  return md->columns;
}

guint
lm_metadata_get_n_rows (const LmMetadata *md)
{
  return md->rows->len;
}

/* Whether the last components of @a and @b agree, all of the shorter. */
static gboolean
suffix_match (const GStrv a, const GStrv b)
{
  guint na = g_strv_length (a), nb = g_strv_length (b);
  guint n = MIN (na, nb);
  for (guint i = 1; i <= n; i++)
    if (!g_str_equal (a[na - i], b[nb - i]))
      return FALSE;
  return n > 0;
}

const GPtrArray *
lm_metadata_lookup (const LmMetadata *md, const char *key)
{
  if (key == NULL)
    return NULL;
  const Row *row = g_hash_table_lookup (md->by_file, key);
  if (row)
    return row->values;
  g_auto(GStrv) comps = path_components (key);
  guint n = g_strv_length (comps);
  if (n == 0)
    return NULL;
  /* The rows whose components agree with the key's last ones, all of the
   * shorter: a row that is a suffix of the key (by_path, shorter rows), or
   * one that the key is a suffix of (by_suffix).  Hash candidates are
   * checked; a second distinct match makes the lookup ambiguous. */
  const Row *found = NULL;
  guint h = SUFFIX_HASH_SEED;
  for (guint j = 1; j <= n; j++)
    {
      h = suffix_hash_step (h, comps[n - j]);
      const GPtrArray *cands = g_hash_table_lookup (j < n ? md->by_path : md->by_suffix,
                                                    GUINT_TO_POINTER (h));
      for (guint i = 0; cands && i < cands->len; i++)
        {
          const Row *r = cands->pdata[i];
          if (r == found || !suffix_match (r->components, comps))
            continue;
          if (found)
            return NULL; /* ambiguous */
          found = r;
        }
    }
  return found ? found->values : NULL;
}
