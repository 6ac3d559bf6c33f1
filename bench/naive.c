/* naive.c - `leitmotif count` the straightforward C way, as a benchmark
 * reference: what one would write in an afternoon with GLib and libstemmer.
 *
 *  - mmap each file, check it with g_utf8_validate;
 *  - walk it with g_utf8_get_char: a word is a run of characters for which
 *    g_unichar_isalpha, g_unichar_ismark or g_unichar_isdigit holds, with at
 *    least one letter; an apostrophe (U+0027, U+2019) between two letters
 *    stays in the word; '.', '!', '?' and blank lines end a sentence;
 *  - per word: g_utf8_normalize (NFKC), g_utf8_casefold, U+2019 -> ',
 *    a GHashTable stem cache in front of libstemmer (english), a GHashTable
 *    of stop words;
 *  - lexicon (GKeyFile): single-word terms in GHashTables (stem, exact
 *    form) plus a list of prefixes; phrases likewise by their first
 *    element, then checked element by element;
 *  - exclusions drop overlapping hits of their category; overlapping hits in
 *    one category count once, longest first.
 *
 *   gcc -O2 -std=c17 bench/naive.c -o naive \
 *       $(pkg-config --cflags --libs glib-2.0) -lstemmer
 *   ./naive LEXICON STOPWORDS FILE...
 *
 * Prints "tokens N", "stopwords N", then "category<TAB>hits" lines.
 */
#include <fcntl.h>
#include <glib.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ELEMENTS 16

enum { ATOM_STEM, ATOM_EXACT, ATOM_PREFIX };

typedef struct
{
  int kind;
  char *text;
} Atom;

typedef struct
{
  guint category;
  gboolean exclusion;
  guint n;
  guint atoms[MAX_ELEMENTS];
  guint gaps[MAX_ELEMENTS];
} Pattern;

typedef struct
{
  char *folded;      /* owned */
  const char *stem;  /* owned by the stem cache */
} Token;

typedef struct
{
  guint category, first, last, pattern;
} Hit;

static struct sb_stemmer *stemmer;
static GHashTable *stem_cache;   /* folded -> stem */
static GHashTable *stopwords;    /* folded -> itself */
static GPtrArray *atoms;         /* Atom* */
static GArray *patterns;         /* Pattern */
static GHashTable *single_stem;  /* stem -> GArray of pattern index */
static GHashTable *single_exact; /* folded -> GArray of pattern index */
static GArray *single_prefix;    /* pattern indexes of one-prefix patterns */
static GHashTable *phrase_stem;  /* first stem -> GArray of phrase pattern indexes */
static GHashTable *phrase_exact; /* first folded word -> GArray of phrase pattern indexes */
static GArray *phrase_prefix;    /* phrases whose first element is a prefix */
static char **category_ids;
static guint64 *counts;
static guint64 n_tokens, n_stop;

static char *
fold (const char *s, gssize len)
{
  char *nfkc = g_utf8_normalize (s, len, G_NORMALIZE_NFKC);
  char *folded = g_utf8_casefold (nfkc, -1);
  g_free (nfkc);
  /* U+2019 (e2 80 99) -> ' */
  char *w = folded;
  for (const char *r = folded; *r;)
    if ((guchar) r[0] == 0xe2 && (guchar) r[1] == 0x80 && (guchar) r[2] == 0x99)
      {
        *w++ = '\'';
        r += 3;
      }
    else
      *w++ = *r++;
  *w = '\0';
  return folded;
}

static const char *
stem_of (const char *folded)
{
  const char *stem = g_hash_table_lookup (stem_cache, folded);
  if (stem)
    return stem;
  const sb_symbol *s = sb_stemmer_stem (stemmer, (const sb_symbol *) folded, (int) strlen (folded));
  char *copy = g_strndup ((const char *) s, (gsize) sb_stemmer_length (stemmer));
  g_hash_table_insert (stem_cache, g_strdup (folded), copy);
  return copy;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || g_unichar_isdigit (c);
}

/* Splits s[0..len) into words; calls fn (word, len, sentence_start, data). */
typedef void (*WordFunc) (const char *w, gsize len, gboolean sentence_start, gpointer data);

static void
split_words (const char *s, gsize len, WordFunc fn, gpointer data)
{
  const char *p = s, *end = s + len;
  const char *word = NULL;
  gboolean has_letter = FALSE, sentence_end = TRUE;
  gunichar prev = 0;
  int newlines = 0; /* line breaks since the last non-space character */
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (is_word_char (c))
        {
          if (word == NULL)
            {
              word = p;
              has_letter = FALSE;
            }
          has_letter |= g_unichar_isalpha (c);
        }
      else if (word && is_apostrophe (c) && g_unichar_isalpha (prev) && next < end
               && g_unichar_isalpha (g_utf8_get_char (next)))
        ;
      else
        {
          if (word)
            {
              if (has_letter)
                {
                  fn (word, (gsize) (p - word), sentence_end, data);
                  sentence_end = FALSE;
                }
              word = NULL;
            }
          if (c == '.' || c == '!' || c == '?')
            sentence_end = TRUE;
          if (c == '\n')
            {
              if (++newlines >= 2)
                sentence_end = TRUE;
            }
          else if (!g_unichar_isspace (c))
            newlines = 0;
        }
      if (word)
        newlines = 0;
      prev = c;
      p = next;
    }
  if (word && has_letter)
    fn (word, (gsize) (end - word), sentence_end, data);
}

/* ------------------------------------------------------------ lexicon */

static guint
intern_atom (int kind, const char *text)
{
  for (guint i = 0; i < atoms->len; i++)
    {
      Atom *a = atoms->pdata[i];
      if (a->kind == kind && strcmp (a->text, text) == 0)
        return i;
    }
  Atom *a = g_new (Atom, 1);
  a->kind = kind;
  a->text = g_strdup (text);
  g_ptr_array_add (atoms, a);
  return atoms->len - 1;
}

static void
collect_word (const char *w, gsize len, gboolean sentence_start, gpointer data)
{
  (void) sentence_start;
  g_ptr_array_add (data, fold (w, (gssize) len));
}

static void
index_single (GHashTable *table, const char *key, guint pattern)
{
  GArray *list = g_hash_table_lookup (table, key);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, g_strdup (key), list);
    }
  g_array_append_val (list, pattern);
}

static void
add_term (guint category, gboolean exclusion, const char *term)
{
  Pattern p = { .category = category, .exclusion = exclusion };
  char **parts = g_strsplit_set (term, " \t", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *part = parts[i];
      if (*part == '\0')
        continue;
      if (*part == '~')
        {
          if (p.n > 0)
            p.gaps[p.n - 1] = (guint) atoi (part + 1);
          continue;
        }
      int kind = ATOM_STEM;
      gsize plen = strlen (part);
      if (part[0] == '=')
        {
          kind = ATOM_EXACT;
          part++;
        }
      else if (part[plen - 1] == '*')
        {
          kind = ATOM_PREFIX;
          part[plen - 1] = '\0';
        }
      GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
      split_words (part, strlen (part), collect_word, words);
      for (guint w = 0; w < words->len && p.n < MAX_ELEMENTS; w++)
        {
          int k = (kind == ATOM_PREFIX && w + 1 < words->len) ? ATOM_EXACT : kind;
          const char *text = words->pdata[w];
          p.atoms[p.n] = intern_atom (k, k == ATOM_STEM ? stem_of (text) : text);
          p.gaps[p.n++] = 0;
        }
      g_ptr_array_unref (words);
    }
  g_strfreev (parts);
  if (p.n == 0)
    return;
  guint index = patterns->len;
  g_array_append_val (patterns, p);
  /* Words and phrases alike are found by a hash lookup on their first
   * element (prefixes by a scan): the obvious way in C with GLib. */
  Atom *a = atoms->pdata[p.atoms[0]];
  if (a->kind == ATOM_STEM)
    index_single (p.n > 1 ? phrase_stem : single_stem, a->text, index);
  else if (a->kind == ATOM_EXACT)
    index_single (p.n > 1 ? phrase_exact : single_exact, a->text, index);
  else
    g_array_append_val (p.n > 1 ? phrase_prefix : single_prefix, index);
}

static guint
load_lexicon (const char *path)
{
  GKeyFile *kf = g_key_file_new ();
  GError *error = NULL;
  g_key_file_set_list_separator (kf, ';');
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &error))
    {
      fprintf (stderr, "naive: %s: %s\n", path, error->message);
      exit (2);
    }
  gsize n_groups;
  char **groups = g_key_file_get_groups (kf, &n_groups);
  category_ids = g_new0 (char *, n_groups + 1);
  for (guint g = 0; g < n_groups; g++)
    {
      const char *space = strchr (groups[g], ' ');
      category_ids[g] = g_strdup (space ? space + 1 : groups[g]);
      static const char *const keys[] = { "terms", "exclude" };
      for (guint k = 0; k < 2; k++)
        {
          char **terms = g_key_file_get_string_list (kf, groups[g], keys[k], NULL, NULL);
          for (guint t = 0; terms && terms[t]; t++)
            add_term (g, k == 1, terms[t]);
          g_strfreev (terms);
        }
    }
  g_strfreev (groups);
  g_key_file_free (kf);
  return (guint) n_groups;
}

static void
load_stopwords (const char *path)
{
  char *data;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, NULL, &error))
    {
      fprintf (stderr, "naive: %s\n", error->message);
      exit (2);
    }
  char **lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *bar = strchr (lines[i], '|');
      if (bar)
        *bar = '\0';
      char **words = g_strsplit_set (g_strstrip (lines[i]), " \t\r", -1);
      for (guint j = 0; words[j]; j++)
        if (*words[j])
          g_hash_table_add (stopwords, fold (words[j], -1));
      g_strfreev (words);
    }
  g_strfreev (lines);
  g_free (data);
}

/* ------------------------------------------------------------ matching */

static gboolean
atom_matches (guint atom, const Token *t)
{
  const Atom *a = atoms->pdata[atom];
  switch (a->kind)
    {
    case ATOM_STEM:
      return strcmp (a->text, t->stem) == 0;
    case ATOM_EXACT:
      return strcmp (a->text, t->folded) == 0;
    default:
      return g_str_has_prefix (t->folded, a->text);
    }
}

static GArray *sentence; /* Token */
static GArray *hits;     /* Hit */

static void
add_singles (GArray *list, guint i)
{
  for (guint k = 0; list && k < list->len; k++)
    {
      guint pi = g_array_index (list, guint, k);
      Hit h = { g_array_index (patterns, Pattern, pi).category, i, i, pi };
      g_array_append_val (hits, h);
    }
}

static gint
hit_order (gconstpointer a, gconstpointer b)
{
  const Hit *x = a, *y = b;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  guint lx = x->last - x->first, ly = y->last - y->first;
  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static void
match_phrases (const GArray *list, const Token *tok, guint n, guint i)
{
  for (guint k = 0; list && k < list->len; k++)
    {
      guint pi = g_array_index (list, guint, k);
      const Pattern *p = &g_array_index (patterns, Pattern, pi);
      if (!atom_matches (p->atoms[0], &tok[i]))
        continue;
      guint pos = i, e;
      for (e = 1; e < p->n; e++)
        {
          guint j, limit = MIN (n - 1, pos + 1 + p->gaps[e - 1]);
          for (j = pos + 1; j <= limit; j++)
            if (atom_matches (p->atoms[e], &tok[j]))
              break;
          if (j > limit)
            break;
          pos = j;
        }
      if (e == p->n)
        {
          Hit h = { p->category, i, pos, pi };
          g_array_append_val (hits, h);
        }
    }
}

static void
flush_sentence (void)
{
  Token *tok = (Token *) (void *) sentence->data;
  guint n = sentence->len;
  g_array_set_size (hits, 0);
  for (guint i = 0; i < n; i++)
    {
      /* single words: hash lookups, prefixes by a scan */
      add_singles (g_hash_table_lookup (single_stem, tok[i].stem), i);
      add_singles (g_hash_table_lookup (single_exact, tok[i].folded), i);
      for (guint k = 0; k < single_prefix->len; k++)
        {
          guint pi = g_array_index (single_prefix, guint, k);
          const Pattern *p = &g_array_index (patterns, Pattern, pi);
          if (atom_matches (p->atoms[0], &tok[i]))
            {
              Hit h = { p->category, i, i, pi };
              g_array_append_val (hits, h);
            }
        }
      /* phrases: those whose first element this token matches */
      match_phrases (g_hash_table_lookup (phrase_stem, tok[i].stem), tok, n, i);
      match_phrases (g_hash_table_lookup (phrase_exact, tok[i].folded), tok, n, i);
      match_phrases (phrase_prefix, tok, n, i);
    }
  if (hits->len)
    {
      Hit *h = (Hit *) (void *) hits->data;
      guint nh = hits->len;
      g_array_sort (hits, hit_order);
      /* exclusions, then overlaps within a category */
      gboolean *drop = g_new0 (gboolean, nh);
      for (guint a = 0; a < nh; a++)
        if (g_array_index (patterns, Pattern, h[a].pattern).exclusion)
          {
            drop[a] = TRUE;
            for (guint b = 0; b < nh; b++)
              if (h[b].category == h[a].category && h[b].first <= h[a].last
                  && h[a].first <= h[b].last)
                drop[b] = TRUE;
          }
      for (guint a = 0; a < nh; a++)
        {
          if (drop[a])
            continue;
          counts[h[a].category]++;
          for (guint b = a + 1; b < nh; b++)
            if (h[b].category == h[a].category && h[b].first <= h[a].last
                && h[a].first <= h[b].last)
              drop[b] = TRUE;
        }
      g_free (drop);
    }
  for (guint i = 0; i < n; i++)
    g_free (tok[i].folded);
  g_array_set_size (sentence, 0);
}

static void
on_word (const char *w, gsize len, gboolean sentence_start, gpointer data)
{
  (void) data;
  if (sentence_start)
    flush_sentence ();
  Token t;
  t.folded = fold (w, (gssize) len);
  t.stem = stem_of (t.folded);
  n_tokens++;
  if (g_hash_table_contains (stopwords, t.folded))
    n_stop++;
  g_array_append_val (sentence, t);
}

int
main (int argc, char **argv)
{
  if (argc < 4)
    {
      fprintf (stderr, "usage: naive LEXICON STOPWORDS FILE...\n");
      return 2;
    }
  stemmer = sb_stemmer_new ("english", NULL);
  stem_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stopwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  atoms = g_ptr_array_new ();
  patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  single_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  single_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  single_prefix = g_array_new (FALSE, FALSE, sizeof (guint));
  phrase_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  phrase_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  phrase_prefix = g_array_new (FALSE, FALSE, sizeof (guint));
  sentence = g_array_new (FALSE, FALSE, sizeof (Token));
  hits = g_array_new (FALSE, FALSE, sizeof (Hit));

  guint n_categories = load_lexicon (argv[1]);
  load_stopwords (argv[2]);
  counts = g_new0 (guint64, n_categories);

  int status = 0;
  for (int f = 3; f < argc; f++)
    {
      int fd = open (argv[f], O_RDONLY);
      struct stat st;
      if (fd < 0 || fstat (fd, &st) < 0)
        {
          perror (argv[f]);
          status = 1;
          continue;
        }
      gsize len = (gsize) st.st_size;
      if (len == 0)
        {
          close (fd);
          continue;
        }
      const char *data = mmap (NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
      close (fd);
      if (data == MAP_FAILED)
        {
          perror (argv[f]);
          status = 1;
          continue;
        }
      if (!g_utf8_validate_len (data, len, NULL))
        fprintf (stderr, "naive: %s: invalid UTF-8\n", argv[f]), status = 1;
      else
        {
          split_words (data, len, on_word, NULL);
          flush_sentence ();
        }
      munmap ((void *) data, len);
    }

  printf ("tokens\t%" G_GUINT64_FORMAT "\nstopwords\t%" G_GUINT64_FORMAT "\n", n_tokens, n_stop);
  for (guint c = 0; c < n_categories; c++)
    printf ("%s\t%" G_GUINT64_FORMAT "\n", category_ids[c], counts[c]);
  sb_stemmer_delete (stemmer);
  return status;
}
