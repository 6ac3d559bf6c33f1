/* gold.c - reading the hand-annotation TSV files (see gold.h). */
#include "gold.h"

#include <string.h>

#include "core/lm-error.h"

struct _LmGold
{
  LmGoldKind kind;
  char *name;
  GArray *rows;
  GPtrArray *ids;      /* char*, first-seen order */
  GHashTable *id_set;  /* borrowed from ids */
};

static void
span_clear (gpointer p)
{
  LmGoldSpan *s = p;
  g_free (s->id);
  g_free (s->who);
  if (s->parts)
    {
      for (guint i = 0; i < s->parts->len; i++)
        {
          LmGoldPart *part = &g_array_index (s->parts, LmGoldPart, i);
          g_free (part->from);
          g_free (part->to);
        }
      g_array_unref (s->parts);
    }
}

static void
label_clear (gpointer p)
{
  LmGoldLabel *l = p;
  g_free (l->id);
  g_free (l->genre);
}

static void
motif_clear (gpointer p)
{
  LmGoldMotif *m = p;
  g_free (m->id);
  g_free (m->motif);
  g_free (m->surface);
  g_free (m->kind);
}

char *
lm_gold_fold_label (const char *label)
{
  g_autofree char *down = g_utf8_strdown (label, -1);
  GString *out = g_string_new (NULL);
  for (const char *p = down; *p; p++)
    {
      char c = (*p == '-' || *p == '_' || g_ascii_isspace (*p)) ? ' ' : *p;
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_c (out, c);
    }
  if (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
lm_gold_text_id (const char *path)
{
  char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  return base;
}

/* ---- inline parts -------------------------------------------------- */

static gboolean
is_open_quote (gunichar c)
{
  return c == '\'' || c == '"' || c == 0x2018 || c == 0x201C || c == '`';
}

static gboolean
closes (gunichar open, gunichar c)
{
  switch (open)
    {
    case 0x2018:
      return c == 0x2019 || c == '\'';
    case 0x201C:
      return c == 0x201D || c == '"';
    case '"':
      return c == '"' || c == 0x201D;
    default:
      return c == '\'' || c == 0x2019;
    }
}

/* The quoted stretches of @s, in order, each with what stands before it
 * (to find "through" between two of them). A quote mark opens only at the
 * start or after a character that is not a letter or digit, and closes only
 * before one that is not, so that "reader's" is no quote. */
static void
quoted_stretches (const char *s, GPtrArray *quotes, GPtrArray *between)
{
  const char *p = s, *after_last = s;
  gunichar prev = 0;
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (is_open_quote (c) && !g_unichar_isalnum (prev))
        {
          const char *q = next;
          gunichar qprev = c;
          while (*q)
            {
              gunichar d = g_utf8_get_char (q);
              const char *qn = g_utf8_next_char (q);
              gunichar after = *qn ? g_utf8_get_char (qn) : 0;
              if (closes (c, d) && !g_unichar_isalnum (after) && qprev != ' ' && q > next)
                break;
              qprev = d;
              q = qn;
            }
          if (*q)
            {
              g_ptr_array_add (between, g_strndup (after_last, (gsize) (p - after_last)));
              g_ptr_array_add (quotes, g_strndup (next, (gsize) (q - next)));
              p = g_utf8_next_char (q);
              after_last = p;
              prev = 0;
              continue;
            }
        }
      prev = c;
      p = next;
    }
}

static void
add_part (GArray *parts, const char *from, const char *to)
{
  LmGoldPart part = { g_strstrip (g_strdup (from)), to ? g_strstrip (g_strdup (to)) : NULL };
  g_array_append_val (parts, part);
}

/* One quoted stretch: "A ... B" (or "A … B") covers A through B. */
static void
add_stretch (GArray *parts, const char *quoted)
{
  /* An ellipsis at either end marks a cut, not a gap. */
  g_autofree char *own = g_strstrip (g_strdup (quoted));
  char *q = own;
  for (gboolean again = TRUE; again;)
    {
      again = FALSE;
      gsize n = strlen (q);
      if (g_str_has_prefix (q, "...") || g_str_has_prefix (q, "\u2026"))
        {
          q = g_strchug (q + (q[0] == '.' ? 3 : strlen ("\u2026")));
          again = TRUE;
        }
      else if (n >= 3 && (g_str_has_suffix (q, "...") || g_str_has_suffix (q, "\u2026")))
        {
          q[n - (q[n - 1] == '.' ? 3 : strlen ("\u2026"))] = '\0';
          g_strchomp (q);
          again = TRUE;
        }
    }
  const char *dots = strstr (q, "...");
  gsize dlen = 3;
  const char *ell = strstr (q, "\u2026");
  if (ell && (!dots || ell < dots))
    {
      dots = ell;
      dlen = strlen ("\u2026");
    }
  if (!dots)
    {
      add_part (parts, q, NULL);
      return;
    }
  g_autofree char *a = g_strndup (q, (gsize) (dots - q));
  const char *b = dots + dlen;
  const char *more;
  while ((more = strstr (b, "...")) || (more = strstr (b, "\u2026")))
    b = more + (g_str_has_prefix (more, "...") ? 3 : strlen ("\u2026"));
  add_part (parts, a, b);
}

static GArray *
inline_parts (const char *note)
{
  const char *colon = strchr (note, ':');
  const char *rest = colon ? colon + 1 : note + strlen ("inline");
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (LmGoldPart));
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) between = g_ptr_array_new_with_free_func (g_free);
  quoted_stretches (rest, quotes, between);
  if (quotes->len == 0)
    {
      add_stretch (parts, rest);
      return parts;
    }
  for (guint i = 0; i < quotes->len; i++)
    {
      const char *q = quotes->pdata[i];
      if (i + 1 < quotes->len)
        {
          g_autofree char *gap = g_utf8_strdown (between->pdata[i + 1], -1);
          g_strstrip (gap);
          if (g_str_equal (gap, "through") || g_str_equal (gap, "to")
              || g_str_equal (gap, "...") || g_str_equal (gap, "\u2026"))
            {
              add_part (parts, q, quotes->pdata[i + 1]);
              i++;
              continue;
            }
        }
      add_stretch (parts, q);
    }
  return parts;
}

/* ---- rows ---------------------------------------------------------- */

static gboolean
fail (GError **error, const LmGold *g, guint line, char **fields, guint field,
      const char *fmt, ...) G_GNUC_PRINTF (6, 7);

static gboolean
fail (GError **error, const LmGold *g, guint line, char **fields, guint field,
      const char *fmt, ...)
{
  /* The column of the field, in characters from 1. */
  glong col = 1;
  for (guint i = 0; fields && i < field && fields[i]; i++)
    col += g_utf8_strlen (fields[i], -1) + 1;
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX, "%s:%u:%ld: %s", g->name, line, col, msg);
  return FALSE;
}

static gboolean
parse_uint (const char *s, guint *out)
{
  guint64 v;
  if (!*s || !g_ascii_string_to_unsigned (s, 10, 1, G_MAXUINT32, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static void
note_id (LmGold *g, const char *id)
{
  if (g_hash_table_contains (g->id_set, id))
    return;
  char *copy = g_strdup (id);
  g_ptr_array_add (g->ids, copy);
  g_hash_table_add (g->id_set, copy);
}

static const char *const expected_header[] = {
  [LM_GOLD_VOICES] = "id, first_line, last_line, voice, who, note",
  [LM_GOLD_GENRES] = "id, url, words, asserted_genres, attributed_genres, rejected_genres, notes",
  [LM_GOLD_MOTIFS] = "id, line, motif, surface, kind, voice",
};
static const guint min_fields[] = { [LM_GOLD_VOICES] = 5, [LM_GOLD_GENRES] = 6, [LM_GOLD_MOTIFS] = 5 };

static gboolean
parse_voice_row (LmGold *g, guint line, char **f, GError **error)
{
  LmGoldSpan s = { 0 };
  if (!parse_uint (f[1], &s.first_line))
    return fail (error, g, line, f, 1, "first_line \"%s\" is not a line number", f[1]);
  if (!parse_uint (f[2], &s.last_line))
    return fail (error, g, line, f, 2, "last_line \"%s\" is not a line number", f[2]);
  if (s.last_line < s.first_line)
    return fail (error, g, line, f, 2, "last_line %u is before first_line %u", s.last_line,
                 s.first_line);
  if (!lm_voice_from_string (f[3], &s.voice) || s.voice == LM_VOICE_ALL)
    return fail (error, g, line, f, 3,
                 "unknown voice \"%s\" (critic, quotation, comment or boilerplate)", f[3]);
  const char *note = f[4] && f[5] ? f[5] : "";
  if (g_ascii_strncasecmp (note, "inline", 6) == 0)
    {
      if (s.first_line != s.last_line)
        return fail (error, g, line, f, 2, "an inline span must stay on one line (%u-%u)",
                     s.first_line, s.last_line);
      s.parts = inline_parts (note);
      for (guint i = 0; i < s.parts->len; i++)
        if (!*g_array_index (s.parts, LmGoldPart, i).from)
          {
            LmGoldSpan tmp = s;
            span_clear (&tmp);
            return fail (error, g, line, f, 5, "an inline note quotes no words");
          }
    }
  s.id = g_strdup (f[0]);
  s.who = g_strdup (f[4]);
  s.row = line;
  g_array_append_val (g->rows, s);
  return TRUE;
}

static gboolean
parse_labels (LmGold *g, guint line, char **f, guint field, LmStance stance, GError **error)
{
  g_auto(GStrv) labels = g_strsplit_set (f[field], ",;", -1);
  for (guint i = 0; labels[i]; i++)
    {
      g_strstrip (labels[i]);
      if (!*labels[i])
        {
          if (labels[1] == NULL)
            break; /* an empty column */
          return fail (error, g, line, f, field, "an empty label in \"%s\"", f[field]);
        }
      LmGoldLabel l = { g_strdup (f[0]), lm_gold_fold_label (labels[i]), stance, line };
      g_array_append_val (g->rows, l);
    }
  return TRUE;
}

static gboolean
parse_genre_row (LmGold *g, guint line, char **f, GError **error)
{
  guint64 words;
  if (*f[2] && !g_ascii_string_to_unsigned (f[2], 10, 0, G_MAXUINT32, &words, NULL))
    return fail (error, g, line, f, 2, "words \"%s\" is not a number", f[2]);
  return parse_labels (g, line, f, 3, LM_STANCE_ASSERTED, error)
         && parse_labels (g, line, f, 4, LM_STANCE_ATTRIBUTED, error)
         && parse_labels (g, line, f, 5, LM_STANCE_REJECTED, error);
}

static gboolean
parse_motif_row (LmGold *g, guint line, char **f, GError **error)
{
  LmGoldMotif m = { 0 };
  if (!parse_uint (f[1], &m.line))
    return fail (error, g, line, f, 1, "line \"%s\" is not a line number", f[1]);
  if (!*f[2])
    return fail (error, g, line, f, 2, "no motif");
  static const char *const hits[] = { "lexical", "synonym", NULL };
  static const char *const misses[] = { "idiom", "title", "ordinary", NULL };
  if (g_strv_contains (hits, f[4]))
    m.hit = TRUE;
  else if (!g_strv_contains (misses, f[4]))
    return fail (error, g, line, f, 4,
                 "unknown kind \"%s\" (lexical, synonym, idiom, title or ordinary)", f[4]);
  m.id = g_strdup (f[0]);
  m.motif = g_strdup (f[2]);
  m.surface = g_strdup (f[3]);
  m.kind = g_strdup (f[4]);
  m.row = line;
  g_array_append_val (g->rows, m);
  return TRUE;
}

LmGold *
lm_gold_new_from_data (const char *name, const char *data, gssize len, LmGoldKind kind,
                       GError **error)
{
  if (len < 0)
    len = (gssize) strlen (data);
  g_autoptr(LmGold) g = g_new0 (LmGold, 1);
  g->kind = kind;
  g->name = g_strdup (name);
  g->ids = g_ptr_array_new_with_free_func (g_free);
  g->id_set = g_hash_table_new (g_str_hash, g_str_equal);
  static const gsize sizes[] = { sizeof (LmGoldSpan), sizeof (LmGoldLabel), sizeof (LmGoldMotif) };
  static const GDestroyNotify clears[] = { span_clear, label_clear, motif_clear };
  g->rows = g_array_new (FALSE, TRUE, sizes[kind]);
  g_array_set_clear_func (g->rows, clears[kind]);

  const char *bad = NULL;
  if (memchr (data, '\0', (gsize) len) || !g_utf8_validate_len (data, (gsize) len, &bad))
    {
      if (!bad)
        bad = memchr (data, '\0', (gsize) len);
      guint line = 1;
      const char *bol = data;
      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          {
            line++;
            bol = p + 1;
          }
      g_set_error (error, LM_ERROR, LM_ERROR_ENCODING, "%s:%u:%ld: invalid UTF-8 or NUL byte",
                   name, line, g_utf8_strlen (bol, bad - bol) + 1);
      return NULL;
    }
  g_autofree char *copy = g_strndup (data, (gsize) len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  gboolean header = FALSE;
  for (guint i = 0; lines[i]; i++)
    {
      guint line = i + 1;
      char *l = lines[i];
      gsize n = strlen (l);
      if (n && l[n - 1] == '\r')
        l[--n] = '\0';
      if (n == 0 || l[0] == '#')
        continue;
      g_auto(GStrv) f = g_strsplit (l, "\t", -1);
      if (!header)
        {
          if (!g_str_equal (f[0], "id") || g_strv_length (f) < min_fields[kind])
            {
              fail (error, g, line, NULL, 0, "expected a header row: %s", expected_header[kind]);
              return NULL;
            }
          header = TRUE;
          continue;
        }
      guint nf = g_strv_length (f);
      if (nf < min_fields[kind])
        {
          fail (error, g, line, f, nf ? nf - 1 : 0,
                "%u tab-separated fields, expected at least %u (%s)", nf, min_fields[kind],
                expected_header[kind]);
          return NULL;
        }
      for (guint k = 0; k < nf; k++)
        g_strstrip (f[k]);
      if (!*f[0])
        {
          fail (error, g, line, f, 0, "no id");
          return NULL;
        }
      gboolean ok = kind == LM_GOLD_VOICES   ? parse_voice_row (g, line, f, error)
                    : kind == LM_GOLD_GENRES ? parse_genre_row (g, line, f, error)
                                             : parse_motif_row (g, line, f, error);
      if (!ok)
        return NULL;
      note_id (g, f[0]);
    }
  if (!header)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX, "%s:1: empty: expected a header row: %s",
                   name, expected_header[kind]);
      return NULL;
    }
  return g_steal_pointer (&g);
}

LmGold *
lm_gold_load (const char *path, LmGoldKind kind, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return lm_gold_new_from_data (path, data, (gssize) len, kind, error);
}

void
lm_gold_free (LmGold *g)
{
  if (g == NULL)
    return;
  g_free (g->name);
  if (g->rows)
    g_array_unref (g->rows);
  if (g->id_set)
    g_hash_table_unref (g->id_set);
  if (g->ids)
    g_ptr_array_unref (g->ids);
  g_free (g);
}

LmGoldKind
lm_gold_get_kind (const LmGold *g)
{
  return g->kind;
}

const char *
lm_gold_get_name (const LmGold *g)
{
  return g->name;
}

const GArray *
lm_gold_get_rows (const LmGold *g)
{
  return g->rows;
}

gboolean
lm_gold_has_id (const LmGold *g, const char *id)
{
  return g_hash_table_contains (g->id_set, id);
}

const GPtrArray *
lm_gold_get_ids (const LmGold *g)
{
  return g->ids;
}
