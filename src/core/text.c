/* text.c - reading, validating and locating positions in an input text. */
#include "text.h"

#include <string.h>

#include "lm-error.h"

struct _LmText
{
  gint ref_count;
  char *name;
  GMappedFile *map;   /* the file, when it was valid as read */
  char *owned;        /* a repaired or in-memory copy otherwise */
  const char *data;   /* BOM skipped */
  gsize len;
  guint64 replacements;
  GArray *line_starts; /* gsize offsets; built on first position lookup */
};

static const char utf8_bom[] = "\xEF\xBB\xBF";

static gsize max_size = LM_TEXT_DEFAULT_MAX_SIZE; /* atomic */

void
lm_text_set_max_size (guint64 size)
{
  g_atomic_pointer_set (&max_size, (gsize) MIN (size, (guint64) G_MAXSIZE));
}

guint64
lm_text_get_max_size (void)
{
  return (guint64) g_atomic_pointer_get (&max_size);
}

/* g_utf8_validate_len, faster on ASCII: eight bytes at a time are checked
 * for a high bit or a NUL, and only the runs of non-ASCII bytes are handed to
 * GLib.  Equivalent, since an ASCII byte always ends a character: a run that
 * GLib accepts is valid, and one it rejects holds the first invalid byte. */
static gboolean
validate_utf8 (const char *data, gsize len, const char **bad)
{
  const guint64 high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
  gsize i = 0;
  while (i < len)
    {
      if (i + 8 <= len)
        {
          guint64 v;
          memcpy (&v, data + i, 8);
          /* no byte >= 0x80 and no zero byte */
          if (((v | ((v - ones) & ~v)) & high) == 0)
            {
              i += 8;
              continue;
            }
        }
      guchar b = (guchar) data[i];
      if (b == 0)
        {
          *bad = data + i;
          return FALSE;
        }
      if (b < 0x80)
        {
          i++;
          continue;
        }
      gsize j = i;
      while (j < len && (guchar) data[j] >= 0x80)
        j++;
      const char *end = NULL;
      if (!g_utf8_validate_len (data + i, j - i, &end))
        {
          *bad = end;
          return FALSE;
        }
      i = j;
    }
  return TRUE;
}

/* Column of @offset on the line starting at @line_start, in characters. The
 * bytes before the first invalid one are valid, so g_utf8_strlen is safe. */
static guint
column_of (const char *data, gsize line_start, gsize offset)
{
  return (guint) g_utf8_strlen (data + line_start, (gssize) (offset - line_start)) + 1;
}

static void
locate_raw (const char *data, gsize offset, guint *line, guint *col)
{
  guint n = 1;
  gsize line_start = 0;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        n++;
        line_start = i + 1;
      }
  *line = n;
  *col = column_of (data, line_start, offset);
}

/* Replaces every byte that does not start a valid sequence with U+FFFD. */
static char *
repair_utf8 (const char *data, gsize len, guint64 *replacements, gsize *out_len)
{
  GString *out = g_string_sized_new (len + 16);
  gsize pos = 0;
  *replacements = 0;
  while (pos < len)
    {
      const char *end = NULL;
      if (g_utf8_validate_len (data + pos, len - pos, &end))
        {
          g_string_append_len (out, data + pos, (gssize) (len - pos));
          break;
        }
      gsize good = (gsize) (end - (data + pos));
      g_string_append_len (out, data + pos, (gssize) good);
      g_string_append (out, "\xEF\xBF\xBD");
      (*replacements)++;
      pos += good + 1;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static LmText *
text_new (const char *name, GMappedFile *map, const char *data, gsize len,
          LmTextFlags flags, GError **error)
{
  guint64 limit = lm_text_get_max_size ();
  if (limit > 0 && len > limit)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_LIMIT,
                   "%s: %" G_GSIZE_FORMAT " bytes, larger than the limit of %"
                   G_GUINT64_FORMAT " bytes (--max-file-size)", name, len, limit);
      return NULL;
    }
  g_autoptr(LmText) text = g_new0 (LmText, 1);
  text->ref_count = 1;
  text->name = g_strdup (name);
  text->map = map ? g_mapped_file_ref (map) : NULL;

  if (len >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  const char *bad = NULL;
  if (validate_utf8 (data, len, &bad))
    {
      if (map == NULL)
        {
          text->owned = g_malloc (len + 1);
          memcpy (text->owned, data, len);
          text->owned[len] = '\0';
          data = text->owned;
        }
      text->data = data;
      text->len = len;
      return g_steal_pointer (&text);
    }

  if (!(flags & LM_TEXT_LENIENT))
    {
      gsize offset = (gsize) (bad - data);
      guint line, col;
      locate_raw (data, offset, &line, &col);
      if (*bad == '\0')
        g_set_error (error, LM_ERROR, LM_ERROR_ENCODING,
                     "%s:%u:%u: NUL byte at byte offset %" G_GSIZE_FORMAT
                     " (binary file?)", name, line, col, offset);
      else
        g_set_error (error, LM_ERROR, LM_ERROR_ENCODING,
                     "%s:%u:%u: invalid UTF-8 (byte 0x%02x at byte offset %"
                     G_GSIZE_FORMAT "); use --lenient to replace it with U+FFFD",
                     name, line, col, (guint) (guchar) *bad, offset);
      return NULL;
    }

  text->owned = repair_utf8 (data, len, &text->replacements, &text->len);
  text->data = text->owned;
  g_clear_pointer (&text->map, g_mapped_file_unref);
  return g_steal_pointer (&text);
}

LmText *
lm_text_new_from_mapped (const char *name, GMappedFile *map, LmTextFlags flags,
                         GError **error)
{
  const char *data = g_mapped_file_get_contents (map);
  gsize len = g_mapped_file_get_length (map);
  /* An empty file maps to NULL contents. */
  return text_new (name, len ? map : NULL, data ? data : "", len, flags, error);
}

LmText *
lm_text_load (const char *path, LmTextFlags flags, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, error);
  if (map == NULL)
    return NULL;
  return lm_text_new_from_mapped (path, map, flags, error);
}

LmText *
lm_text_new_from_data (const char *name, const char *data, gssize len,
                       LmTextFlags flags, GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  if (len < 0)
    len = (gssize) strlen (data);
  return text_new (name ? name : "<data>", NULL, data ? data : "",
                   (gsize) len, flags, error);
}

LmText *
lm_text_ref (LmText *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_atomic_int_inc (&text->ref_count);
  return text;
}

void
lm_text_unref (LmText *text)
{
  if (text == NULL || !g_atomic_int_dec_and_test (&text->ref_count))
    return;
  g_free (text->name);
  g_clear_pointer (&text->map, g_mapped_file_unref);
  g_free (text->owned);
  g_clear_pointer (&text->line_starts, g_array_unref);
  g_free (text);
}

const char *
lm_text_get_data (const LmText *text, gsize *len)
{
  if (len)
    *len = text->len;
  return text->data;
}

const char *
lm_text_get_name (const LmText *text)
{
  return text->name;
}

guint64
lm_text_get_replacements (const LmText *text)
{
  return text->replacements;
}

static void
ensure_line_index (LmText *text)
{
  if (text->line_starts)
    return;
  text->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;
  g_array_append_val (text->line_starts, zero);
  const char *p = text->data, *end = text->data + text->len;
  while ((p = memchr (p, '\n', (size_t) (end - p))) != NULL)
    {
      gsize next = (gsize) (++p - text->data);
      g_array_append_val (text->line_starts, next);
    }
}

guint
lm_text_get_n_lines (LmText *text)
{
  ensure_line_index (text);
  guint n = text->line_starts->len;
  /* A text ending in '\n' has no further line after it. */
  if (text->len == 0 || text->data[text->len - 1] == '\n')
    n--;
  return n;
}

/* The 0-based index of the line holding @offset (binary search). */
static guint
line_index_of (LmText *text, gsize offset)
{
  ensure_line_index (text);
  if (offset > text->len)
    offset = text->len;
  const gsize *starts = (const gsize *) text->line_starts->data;
  guint lo = 0, hi = text->line_starts->len - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;
      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

guint
lm_text_line_at (LmText *text, gsize offset)
{
  return line_index_of (text, offset) + 1;
}

void
lm_text_position (LmText *text, gsize offset, guint *line, guint *col)
{
  guint lo = line_index_of (text, offset);
  if (offset > text->len)
    offset = text->len;
  *line = lo + 1;
  *col = column_of (text->data, g_array_index (text->line_starts, gsize, lo), offset);
}

gboolean
lm_text_line_bounds (LmText *text, guint line, gsize *start, gsize *end)
{
  ensure_line_index (text);
  if (line == 0 || line > lm_text_get_n_lines (text))
    return FALSE;
  const gsize *starts = (const gsize *) text->line_starts->data;
  gsize s = starts[line - 1];
  gsize e = line < text->line_starts->len ? starts[line] : text->len;
  while (e > s && (text->data[e - 1] == '\n' || text->data[e - 1] == '\r'))
    e--;
  *start = s;
  *end = e;
  return TRUE;
}
