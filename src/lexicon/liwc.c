/* liwc.c - LIWC dictionaries (.dic) converted into lexicon text. */
#include "liwc.h"

#include <string.h>

#include "core/lm-error.h"
#include "core/tokenizer.h"

typedef struct
{
  guint number;
  char *name;
  char *id;
  guint line;
  GPtrArray *terms; /* char*, the lexicon terms, file order */
  GHashTable *seen; /* term -> itself (owned by @terms) */
  GPtrArray *excludes;  /* char*, see add_specificity_excludes() */
  GHashTable *excluded; /* term -> itself (owned by @excludes) */
} LiwcCategory;

/* A one-word entry, merged over the lines that list it. */
typedef struct
{
  char *body;       /* casefolded word without its "*" */
  gboolean prefix;
  char *term;       /* "=word" or "word*" */
  GPtrArray *cats;  /* LiwcCategory*, transfer none */
} Entry;

static void
entry_free (gpointer p)
{
  Entry *e = p;
  g_free (e->body);
  g_free (e->term);
  g_ptr_array_unref (e->cats);
  g_free (e);
}

static void
liwc_category_free (gpointer p)
{
  LiwcCategory *c = p;
  g_free (c->name);
  g_free (c->id);
  g_ptr_array_unref (c->terms);
  g_hash_table_unref (c->seen);
  g_ptr_array_unref (c->excludes);
  g_hash_table_unref (c->excluded);
  g_free (c);
}

typedef struct
{
  const char *file;
  char *base;                /* basename of @file, for the descriptions */
  GPtrArray *categories;     /* LiwcCategory*, header order */
  GHashTable *by_number;     /* GUINT_TO_POINTER (number) -> LiwcCategory* */
  GHashTable *by_name;       /* name -> LiwcCategory* (first with the name) */
  GHashTable *ids;           /* id -> NULL */
  GString *skipped;          /* comments about entries left out */
  GHashTable *entries;       /* term -> Entry*, one-word entries */
  LmTokenizer *tz;
} Liwc;

static void
liwc_clear (Liwc *l)
{
  g_free (l->base);
  g_ptr_array_unref (l->categories);
  g_hash_table_unref (l->by_number);
  g_hash_table_unref (l->by_name);
  g_hash_table_unref (l->ids);
  g_string_free (l->skipped, TRUE);
  g_hash_table_unref (l->entries);
  lm_tokenizer_free (l->tz);
}

/* Parses a whole non-negative number ("01" is 1); FALSE if it is not one. */
static gboolean
parse_number (const char *s, gsize n, guint *out)
{
  if (n == 0)
    return FALSE;
  guint64 v = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint64) (s[i] - '0');
      if (v > G_MAXUINT32)
        return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

static char *
derive_id (const char *name)
{
  GString *id = g_string_new (NULL);
  gboolean hyphen = FALSE;
  for (const char *c = name; *c; c++)
    {
      if (g_ascii_isalnum (*c))
        {
          if (hyphen && id->len > 0)
            g_string_append_c (id, '-');
          hyphen = FALSE;
          g_string_append_c (id, g_ascii_tolower (*c));
        }
      else
        hyphen = TRUE;
    }
  return g_string_free (id, FALSE);
}

static void
assign_id (Liwc *l, LiwcCategory *c)
{
  char *id = derive_id (c->name);
  if (*id == '\0' || g_hash_table_contains (l->ids, id))
    {
      g_free (id);
      id = g_strdup_printf ("liwc-%u", c->number);
      /* Only a category literally named "liwc-N" can hold it already. */
      for (guint k = 2; g_hash_table_contains (l->ids, id); k++)
        {
          g_free (id);
          id = g_strdup_printf ("liwc-%u-%u", c->number, k);
        }
    }
  g_hash_table_add (l->ids, g_strdup (id));
  c->id = id;
}

/* One header line "number name"; FALSE with @error otherwise. */
static gboolean
parse_header_line (Liwc *l, const char *line, guint lineno, GError **error)
{
  gsize digits = 0;
  while (g_ascii_isdigit (line[digits]))
    digits++;
  guint number = 0;
  const char *name = line + digits;
  if (!parse_number (line, digits, &number) || !g_ascii_isspace (*name))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                   "%s:%u: a header line must be \"<number> <category name>\", got \"%s\"",
                   l->file, lineno, line);
      return FALSE;
    }
  while (g_ascii_isspace (*name))
    name++;
  LiwcCategory *prev = g_hash_table_lookup (l->by_number, GUINT_TO_POINTER (number));
  if (prev)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                   "%s:%u: duplicate category number %u (first at line %u)",
                   l->file, lineno, number, prev->line);
      return FALSE;
    }
  LiwcCategory *c = g_new0 (LiwcCategory, 1);
  c->number = number;
  c->name = g_strdup (name);
  c->line = lineno;
  c->terms = g_ptr_array_new_with_free_func (g_free);
  c->seen = g_hash_table_new (g_str_hash, g_str_equal);
  c->excludes = g_ptr_array_new_with_free_func (g_free);
  c->excluded = g_hash_table_new (g_str_hash, g_str_equal);
  assign_id (l, c);
  g_ptr_array_add (l->categories, c);
  g_hash_table_insert (l->by_number, GUINT_TO_POINTER (number), c);
  if (!g_hash_table_contains (l->by_name, c->name))
    g_hash_table_insert (l->by_name, c->name, c);
  return TRUE;
}

static LiwcCategory *
lookup_ref (Liwc *l, const char *ref)
{
  guint number;
  if (parse_number (ref, strlen (ref), &number))
    return g_hash_table_lookup (l->by_number, GUINT_TO_POINTER (number));
  return g_hash_table_lookup (l->by_name, ref);
}

static gboolean
is_ref (Liwc *l, const char *field)
{
  guint number;
  return parse_number (field, strlen (field), &number)
         || g_hash_table_contains (l->by_name, field);
}

static gboolean
count_word (const LmRawToken *tok, gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* The lexicon term for a LIWC word, or NULL with *@why set (static string)
 * when no term can express it. */
static char *
make_term (Liwc *l, const char *word, const char **why)
{
  g_auto(GStrv) elements = g_strsplit_set (word, " \t", -1);
  GString *term = g_string_new (NULL);
  guint words = 0;
  for (guint i = 0; elements[i]; i++)
    {
      const char *e = elements[i];
      gsize n = strlen (e);
      if (n == 0)
        continue;
      gboolean prefix = e[n - 1] == '*';
      gsize body_len = prefix ? n - 1 : n;
      if (memchr (e, '*', body_len) || memchr (e, '=', body_len))
        {
          *why = "a \"*\" or \"=\" inside a word cannot be expressed";
          goto fail;
        }
      if (prefix && e[0] == '~')
        {
          *why = "a wildcard word starting with \"~\" cannot be expressed";
          goto fail;
        }
      guint nw = 0;
      lm_tokenizer_run (l->tz, e, body_len, count_word, &nw);
      if (nw == 0)
        {
          *why = "it has no word with a letter, which text never contains";
          goto fail;
        }
      words += nw;
      if (term->len)
        g_string_append_c (term, ' ');
      if (!prefix)
        g_string_append_c (term, '=');
      g_string_append (term, e);
    }
  if (words > LM_LEXICON_MAX_ELEMENTS)
    {
      *why = "a phrase of more than " G_STRINGIFY (LM_LEXICON_MAX_ELEMENTS) " words";
      goto fail;
    }
  if (term->len == 0)
    {
      *why = "an empty word";
      goto fail;
    }
  return g_string_free (term, FALSE);

fail:
  g_string_free (term, TRUE);
  return NULL;
}

/* One entry line (trimmed, not blank, so the word is never empty); FALSE
 * with @error. */
static gboolean
parse_entry (Liwc *l, char *line, guint lineno, GError **error)
{
  g_autofree char *word = NULL;
  g_auto(GStrv) refs = NULL;
  char *tab = strchr (line, '\t');
  if (tab)
    {
      *tab = '\0';
      word = g_strdup (g_strstrip (line));
      g_auto(GStrv) all = g_strsplit_set (tab + 1, " \t", -1);
      GPtrArray *r = g_ptr_array_new ();
      for (guint i = 0; all[i]; i++)
        if (*all[i])
          g_ptr_array_add (r, g_strdup (all[i]));
      g_ptr_array_add (r, NULL);
      refs = (GStrv) g_ptr_array_free (r, FALSE);
    }
  else
    {
      g_auto(GStrv) all = g_strsplit (line, " ", -1);
      GPtrArray *fields = g_ptr_array_new ();
      for (guint i = 0; all[i]; i++)
        if (*all[i])
          g_ptr_array_add (fields, all[i]);
      guint first_ref = fields->len;
      while (first_ref > 1 && is_ref (l, fields->pdata[first_ref - 1]))
        first_ref--;
      GString *w = g_string_new (NULL);
      for (guint i = 0; i < first_ref; i++)
        g_string_append_printf (w, "%s%s", i ? " " : "", (char *) fields->pdata[i]);
      word = g_string_free (w, FALSE);
      GPtrArray *r = g_ptr_array_new ();
      for (guint i = first_ref; i < fields->len; i++)
        g_ptr_array_add (r, g_strdup (fields->pdata[i]));
      g_ptr_array_add (r, NULL);
      refs = (GStrv) g_ptr_array_free (r, FALSE);
      g_ptr_array_unref (fields);
    }

  if (refs[0] == NULL)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                   "%s:%u: entry \"%s\" lists no category (expected \"word<TAB>number ...\")",
                   l->file, lineno, word);
      return FALSE;
    }
  g_autoptr(GPtrArray) cats = g_ptr_array_new ();
  for (guint i = 0; refs[i]; i++)
    {
      LiwcCategory *c = lookup_ref (l, refs[i]);
      if (c == NULL)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: entry \"%s\" cites \"%s\", which is not a category of the header",
                       l->file, lineno, word, refs[i]);
          return FALSE;
        }
      g_ptr_array_add (cats, c);
    }

  const char *why = NULL;
  g_autofree char *term = make_term (l, word, &why);
  if (term == NULL)
    {
      g_string_append_printf (l->skipped, "# line %u: \"%s\" left out: %s\n", lineno, word, why);
      return TRUE;
    }
  Entry *e = NULL;
  if (strpbrk (word, " \t") == NULL)
    {
      e = g_hash_table_lookup (l->entries, term);
      if (e == NULL)
        {
          e = g_new0 (Entry, 1);
          gsize n = strlen (word);
          e->prefix = word[n - 1] == '*';
          e->body = g_utf8_casefold (word, (gssize) (e->prefix ? n - 1 : n));
          e->term = g_strdup (term);
          e->cats = g_ptr_array_new ();
          g_hash_table_insert (l->entries, e->term, e);
        }
    }
  for (guint i = 0; i < cats->len; i++)
    {
      LiwcCategory *c = cats->pdata[i];
      if (e && !g_ptr_array_find (e->cats, c, NULL))
        g_ptr_array_add (e->cats, c);
      if (g_hash_table_contains (c->seen, term))
        continue;
      char *t = g_strdup (term);
      g_ptr_array_add (c->terms, t);
      g_hash_table_add (c->seen, t);
    }
  return TRUE;
}

static int
cmp_entry (gconstpointer a, gconstpointer b)
{
  const Entry *x = *(const Entry *const *) a, *y = *(const Entry *const *) b;
  int r = strcmp (x->body, y->body);
  return r ? r : (x->prefix - y->prefix);
}

/* LIWC counts a word under its most specific entry only: an exact entry
 * before any wildcard, a longer wildcard before a shorter one ("hopeless"
 * is counted by "hopeless*", not by "hope*").  Leitmotif counts every
 * matching term, so for each wildcard P and each more specific one-word
 * entry E that P covers, the categories of P that E does not list get E as
 * an exclusion: the match of P on that word is suppressed there. */
static void
add_specificity_excludes (Liwc *l)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, l->entries);
  while (g_hash_table_iter_next (&it, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, cmp_entry);
  for (guint i = 0; i < sorted->len; i++)
    {
      const Entry *p = sorted->pdata[i];
      if (!p->prefix)
        continue;
      /* Entries covered by @p sort right after the ones equal to its body. */
      guint j = i;
      while (j > 0 && g_str_equal (((Entry *) sorted->pdata[j - 1])->body, p->body))
        j--;
      for (; j < sorted->len; j++)
        {
          const Entry *e = sorted->pdata[j];
          if (!g_str_has_prefix (e->body, p->body))
            break;
          if (e == p)
            continue;
          for (guint k = 0; k < p->cats->len; k++)
            {
              LiwcCategory *c = p->cats->pdata[k];
              if (g_ptr_array_find (e->cats, c, NULL)
                  || g_hash_table_contains (c->excluded, e->term))
                continue;
              char *t = g_strdup (e->term);
              g_ptr_array_add (c->excludes, t);
              g_hash_table_add (c->excluded, t);
            }
        }
    }
}

/* Appends @s escaped for a GKeyFile value (a list item if @list): '\\',
 * ';' in lists, and the line breaks and tabs that would end or trim it. */
static void
append_escaped (GString *out, const char *s, gboolean list)
{
  for (const char *c = s; *c; c++)
    {
      if (*c == '\n')
        g_string_append (out, "\\n");
      else if (*c == '\r')
        g_string_append (out, "\\r");
      else if (*c == '\t')
        g_string_append (out, "\\t");
      else
        {
          if (*c == '\\' || (list && *c == ';'))
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
    }
}

static char *
write_keyfile (Liwc *l)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out,
                          "# Converted from the LIWC dictionary %s by leitmotif.\n"
                          "# Plain words are exact forms (=word), \"word*\" prefixes: LIWC does not stem.\n",
                          l->base);
  g_string_append (out, l->skipped->str);
  for (guint i = 0; i < l->categories->len; i++)
    {
      LiwcCategory *c = l->categories->pdata[i];
      if (c->terms->len == 0)
        {
          g_string_append_printf (out, "\n# LIWC category %u (%s) has no entries: left out\n",
                                  c->number, c->id);
          continue;
        }
      g_string_append_printf (out, "\n[motif %s]\nlabel=", c->id);
      append_escaped (out, c->name, FALSE);
      g_string_append_printf (out, "\ndescription=LIWC category %u from ", c->number);
      append_escaped (out, l->base, FALSE);
      g_string_append (out, "\nterms=");
      for (guint t = 0; t < c->terms->len; t++)
        {
          if (t)
            g_string_append_c (out, ';');
          append_escaped (out, c->terms->pdata[t], TRUE);
        }
      g_string_append_c (out, '\n');
      if (c->excludes->len == 0)
        continue;
      g_string_append (out, "exclude=");
      for (guint t = 0; t < c->excludes->len; t++)
        {
          if (t)
            g_string_append_c (out, ';');
          append_escaped (out, c->excludes->pdata[t], TRUE);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
lm_liwc_to_keyfile (const char *name, const char *data, gsize len, GError **error)
{
  const char *bad = NULL;
  if (!g_utf8_validate_len (data, len, &bad))
    {
      guint line = 1;
      for (const char *p = data; p < bad; p++)
        line += (*p == '\n');
      g_set_error (error, LM_ERROR, LM_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 or NUL byte", name, line);
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  Liwc l = {
    .file = name,
    .base = g_path_get_basename (name),
    .categories = g_ptr_array_new_with_free_func (liwc_category_free),
    .by_number = g_hash_table_new (g_direct_hash, g_direct_equal),
    .by_name = g_hash_table_new (g_str_hash, g_str_equal),
    .ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .skipped = g_string_new (NULL),
    .entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free),
    .tz = lm_tokenizer_new (),
  };
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  enum { BEFORE, HEADER, ENTRIES } state = BEFORE;
  guint header_end = 0, last_line = 0;
  gboolean ok = TRUE;
  char *result = NULL;

  for (guint i = 0; ok && lines[i]; i++)
    {
      guint lineno = i + 1;
      char *line = g_strstrip (lines[i]); /* also drops a CR before the LF */
      if (*line == '\0')
        continue;
      last_line = lineno;
      switch (state)
        {
        case BEFORE:
          if (!g_str_equal (line, "%"))
            {
              g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                           "%s:%u: not a LIWC dictionary: the first line must be \"%%\" "
                           "(the category header)", name, lineno);
              ok = FALSE;
            }
          state = HEADER;
          break;
        case HEADER:
          if (g_str_equal (line, "%"))
            {
              state = ENTRIES;
              header_end = lineno;
            }
          else
            ok = parse_header_line (&l, line, lineno, error);
          break;
        case ENTRIES:
          ok = parse_entry (&l, line, lineno, error);
          break;
        }
    }

  if (ok && state == BEFORE)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                   "%s:1: not a LIWC dictionary: no \"%%\" header (the file is empty)", name);
      ok = FALSE;
    }
  else if (ok && state == HEADER)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                   "%s:%u: the category header is not closed by a line \"%%\"",
                   name, last_line);
      ok = FALSE;
    }
  if (ok)
    {
      gboolean any = FALSE;
      for (guint i = 0; i < l.categories->len; i++)
        any |= ((LiwcCategory *) l.categories->pdata[i])->terms->len > 0;
      if (!any)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: no usable entries after the header", name, header_end);
          ok = FALSE;
        }
    }
  if (ok)
    {
      add_specificity_excludes (&l);
      result = write_keyfile (&l);
    }
  liwc_clear (&l);
  return result;
}

static gboolean
looks_like_liwc (const char *path, const char *data, gsize len)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".dic"))
    return TRUE;
  const char *p = data, *end = data + len;
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end || *p != '%')
    return FALSE;
  for (p++; p < end && *p != '\n'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

LmLexicon *
lm_lexicon_load_any (const char *path, LmStemmer *stemmer, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (!looks_like_liwc (path, data, len))
    return lm_lexicon_new_from_data (path, data, (gssize) len, stemmer, error);

  g_autofree char *ini = lm_liwc_to_keyfile (path, data, len, error);
  if (ini == NULL)
    return NULL;
  LmLexicon *lex = lm_lexicon_new_from_data (path, ini, -1, stemmer, error);
  if (lex == NULL)
    g_prefix_error (error, "internal error converting the LIWC dictionary (please report it): ");
  return lex;
}
