/* lexicon.c - reading a lexicon file and compiling its terms into atoms. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/fold.h"
#include "core/keyfile.h"
#include "core/lm-error.h"
#include "core/tokenizer.h"
#include "core/word-filter.h"
#include "stem-keys.h"

struct _LmLexicon
{
  char *name;
  char *sha256;
  GPtrArray *categories; /* LmCategory* */
  GPtrArray *atoms;      /* LmAtom* */
  GPtrArray *patterns;   /* LmPattern* */
  GHashTable *atom_ids;  /* "kind:text" -> atom id + 1 */
  GHashTable *by_stem;   /* stem -> GArray of atom ids */
  GHashTable *by_exact;  /* folded -> GArray of atom ids */
  LmWordFilter exact_filter; /* of by_exact's keys */
  GArray *prefix_atoms;  /* atom ids of prefix atoms */
  LmStemKeys *stem_keys; /* which words could stem to a stem atom */
  GHashTable *by_prefix; /* PrefixKey (the atom's text) -> atom id + 1 */
  gsize max_prefix_len;  /* of any prefix atom's text, in bytes */
  GPtrArray *starting;   /* atom id -> GPtrArray of LmPattern* (or NULL) */
  LmWork *work;          /* the top file's [work], or NULL */
  GPtrArray *files;      /* char*: every file read, the top one first */
};

static const char *const kind_names[] = { "motif", "character", "genre" };

/* A prefix atom's text, hashed so that every prefix of a word can be looked
 * up while the word is read once: the hash of its first n + 1 bytes follows
 * from that of its first n (FNV-1a).  Matching a word then costs its length,
 * not the number of prefix terms (100,000 prefixes x 230,000 distinct words
 * took 141 s). */
typedef struct
{
  const char *text; /* not owned */
  gsize len;
  guint32 hash;
} PrefixKey;

static guint
prefix_key_hash (gconstpointer k)
{
  return ((const PrefixKey *) k)->hash;
}

static gboolean
prefix_key_equal (gconstpointer a, gconstpointer b)
{
  const PrefixKey *x = a, *y = b;
  return x->len == y->len && memcmp (x->text, y->text, x->len) == 0;
}

const char *
lm_category_kind_to_string (LmCategoryKind kind)
{
  return kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : "unknown";
}

static void
category_free (gpointer p)
{
  LmCategory *c = p;
  g_free (c->id);
  g_free (c->label);
  g_free (c->description);
  g_strfreev (c->aliases);
  g_ptr_array_unref (c->terms);
  g_ptr_array_unref (c->excludes);
  g_free (c);
}

static void
atom_free (gpointer p)
{
  LmAtom *a = p;
  g_free (a->text);
  g_free (a->source);
  g_free (a);
}

static void
pattern_free (gpointer p)
{
  LmPattern *pat = p;
  g_free (pat->source);
  g_free (pat);
}

void
lm_lexicon_free (LmLexicon *lex)
{
  if (lex == NULL)
    return;
  g_free (lex->name);
  g_free (lex->sha256);
  g_ptr_array_unref (lex->categories);
  g_ptr_array_unref (lex->atoms);
  g_ptr_array_unref (lex->patterns);
  g_hash_table_unref (lex->atom_ids);
  g_hash_table_unref (lex->by_stem);
  lm_stem_keys_free (lex->stem_keys);
  g_hash_table_unref (lex->by_exact);
  g_array_unref (lex->prefix_atoms);
  g_hash_table_unref (lex->by_prefix);
  g_ptr_array_unref (lex->starting);
  if (lex->work)
    {
      g_free (lex->work->title);
      g_strfreev (lex->work->short_titles);
      g_free (lex->work->author);
      g_free (lex->work);
    }
  g_ptr_array_unref (lex->files);
  g_free (lex);
}

static void
starting_free (gpointer p)
{
  if (p)
    g_ptr_array_unref (p);
}

static LmLexicon *
lexicon_new (const char *name, const char *sha256)
{
  LmLexicon *lex = g_new0 (LmLexicon, 1);
  lex->name = g_strdup (name);
  lex->sha256 = g_strdup (sha256);
  lex->categories = g_ptr_array_new_with_free_func (category_free);
  lex->atoms = g_ptr_array_new_with_free_func (atom_free);
  lex->patterns = g_ptr_array_new_with_free_func (pattern_free);
  lex->atom_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lex->by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  lex->by_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  lm_word_filter_init (&lex->exact_filter);
  lex->prefix_atoms = g_array_new (FALSE, FALSE, sizeof (guint32));
  lex->stem_keys = lm_stem_keys_new ();
  lex->by_prefix = g_hash_table_new_full (prefix_key_hash, prefix_key_equal, g_free, NULL);
  lex->starting = g_ptr_array_new_with_free_func (starting_free);
  lex->files = g_ptr_array_new_with_free_func (g_free);
  return lex;
}

static guint
intern_atom (LmLexicon *lex, LmAtomKind kind, const char *text,
             const char *source)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, text);
  gpointer found = g_hash_table_lookup (lex->atom_ids, key);
  if (found)
    return GPOINTER_TO_UINT (found) - 1;

  guint32 id = lex->atoms->len;
  LmAtom *a = g_new0 (LmAtom, 1);
  a->kind = kind;
  a->text = g_strdup (text);
  a->source = g_strdup (source);
  g_ptr_array_add (lex->atoms, a);
  g_ptr_array_add (lex->starting, NULL);
  g_hash_table_insert (lex->atom_ids, g_steal_pointer (&key), GUINT_TO_POINTER (id + 1));

  GHashTable *table = kind == LM_ATOM_STEM ? lex->by_stem
                    : kind == LM_ATOM_EXACT ? lex->by_exact : NULL;
  if (table)
    {
      GArray *ids = g_hash_table_lookup (table, text);
      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (table, g_strdup (text), ids);
        }
      if (kind == LM_ATOM_STEM)
        lm_stem_keys_add (lex->stem_keys, text);
      else
        lm_word_filter_add (&lex->exact_filter, text, strlen (text));
      g_array_append_val (ids, id);
    }
  else
    {
      /* Atoms are unique by kind and text: one id a prefix text. */
      g_array_append_val (lex->prefix_atoms, id);
      PrefixKey *k = g_new (PrefixKey, 1);
      k->text = a->text;
      k->len = strlen (a->text);
      k->hash = lm_word_hash (a->text, k->len);
      g_hash_table_insert (lex->by_prefix, k, GUINT_TO_POINTER (id + 1));
      lex->max_prefix_len = MAX (lex->max_prefix_len, k->len);
    }
  return id;
}

static gboolean
collect_word (const LmRawToken *tok, gpointer user_data)
{
  g_ptr_array_add (user_data, g_strndup (tok->folded, tok->folded_len));
  return TRUE;
}

/* Folds and splits one written element into words, as text is split. */
static GPtrArray *
element_words (LmTokenizer *tz, const char *element)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  lm_tokenizer_run (tz, element, strlen (element), collect_word, words);
  return words;
}

typedef struct
{
  const char *file;
  guint line;
  const char *term;
} TermContext;

static void
term_error (const TermContext *ctx, GError **error, const char *what)
{
  g_set_error (error, LM_ERROR, LM_ERROR_LEXICON, "%s:%u: term \"%s\": %s",
               ctx->file, ctx->line, ctx->term, what);
}

/* Compiles one term into a pattern; returns NULL with @error on bad syntax. */
static LmPattern *
compile_term (LmLexicon *lex, LmStemmer *stemmer, LmTokenizer *tz,
              const TermContext *ctx, GError **error)
{
  g_auto(GStrv) parts = g_strsplit_set (ctx->term, " \t", -1);
  LmPattern *p = g_new0 (LmPattern, 1);
  p->source = g_strdup (ctx->term);
  p->line = ctx->line;
  gboolean gap_pending = FALSE;

  for (guint i = 0; parts[i]; i++)
    {
      const char *part = parts[i];
      if (*part == '\0')
        continue;
      if (*part == '~')
        {
          char *end = NULL;
          long gap = strtol (part + 1, &end, 10);
          if (part[1] == '\0' || *end != '\0' || gap < 0)
            {
              term_error (ctx, error, "\"~\" must be followed by a whole number of words");
              goto fail;
            }
          if (gap > LM_LEXICON_MAX_GAP)
            {
              g_autofree char *msg = g_strdup_printf ("a gap of %ld words exceeds the limit of %d",
                                                      gap, LM_LEXICON_MAX_GAP);
              term_error (ctx, error, msg);
              goto fail;
            }
          if (p->n_elements == 0 || gap_pending)
            {
              term_error (ctx, error, "a gap \"~N\" must stand between two words");
              goto fail;
            }
          p->gaps[p->n_elements - 1] = (guint) gap;
          gap_pending = TRUE;
          continue;
        }

      LmAtomKind kind = LM_ATOM_STEM;
      g_autofree char *body = NULL;
      gsize plen = strlen (part);
      if (part[0] == '=')
        {
          kind = LM_ATOM_EXACT;
          body = g_strdup (part + 1);
        }
      else if (part[plen - 1] == '*')
        {
          kind = LM_ATOM_PREFIX;
          body = g_strndup (part, plen - 1);
        }
      else
        body = g_strdup (part);
      if (strchr (body, '*') || strchr (body, '='))
        {
          term_error (ctx, error, "\"*\" may only end a word and \"=\" only begin one");
          goto fail;
        }

      g_autoptr(GPtrArray) words = element_words (tz, body);
      if (words->len == 0)
        {
          term_error (ctx, error, "contains no word (a word needs a letter)");
          goto fail;
        }
      for (guint w = 0; w < words->len; w++)
        {
          const char *folded = words->pdata[w];
          /* In "sci-fi*" only the last word is a prefix. */
          LmAtomKind k = (kind == LM_ATOM_PREFIX && w + 1 < words->len) ? LM_ATOM_EXACT : kind;
          const char *text = folded;
          gsize stem_len = 0;
          g_autofree char *stem = NULL;
          if (k == LM_ATOM_STEM)
            {
              stem = g_strdup (lm_stemmer_stem (stemmer, folded, strlen (folded), &stem_len));
              if (stem_len == 0)
                {
                  term_error (ctx, error, "stems to nothing");
                  goto fail;
                }
              text = stem;
            }
          if (p->n_elements == LM_LEXICON_MAX_ELEMENTS)
            {
              term_error (ctx, error, "too many words in one phrase");
              goto fail;
            }
          p->atoms[p->n_elements++] = intern_atom (lex, k, text, folded);
        }
      gap_pending = FALSE;
    }
  if (p->n_elements == 0)
    {
      term_error (ctx, error, "is empty");
      goto fail;
    }
  if (gap_pending)
    {
      term_error (ctx, error, "a gap \"~N\" must stand between two words");
      goto fail;
    }
  return p;

fail:
  pattern_free (p);
  return NULL;
}

static const char *const allowed_keys[] = { "label", "description", "terms", "exclude", "aliases", NULL };

static gboolean
parse_group_name (const char *group, LmCategoryKind *kind, char **id)
{
  const char *space = strchr (group, ' ');
  if (space == NULL)
    return FALSE;
  g_autofree char *k = g_strndup (group, (gsize) (space - group));
  guint i;
  for (i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (k, kind_names[i]))
      break;
  if (i == G_N_ELEMENTS (kind_names))
    return FALSE;
  const char *name = space + 1;
  if (*name == '\0' || *name == '-')
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      return FALSE;
  *kind = (LmCategoryKind) i;
  *id = g_strdup (name);
  return TRUE;
}

static gboolean
compile_list (LmLexicon *lex, LmStemmer *stemmer, LmTokenizer *tz,
              const LmKeyFile *lkf, LmCategory *cat, const char *group,
              const char *key, gboolean exclusion, GError **error)
{
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  if (!g_key_file_has_key (kf, group, key, NULL))
    return TRUE;
  gsize n = 0;
  g_auto(GStrv) terms = g_key_file_get_string_list (kf, group, key, &n, NULL);
  TermContext ctx = { lm_key_file_get_name (lkf), lm_key_file_get_line (lkf, group, key), NULL };
  for (gsize i = 0; terms && i < n; i++)
    {
      char *term = g_strstrip (terms[i]);
      if (*term == '\0')
        continue;
      ctx.term = term;
      LmPattern *p = compile_term (lex, stemmer, tz, &ctx, error);
      if (p == NULL)
        return FALSE;
      p->index = lex->patterns->len;
      p->category = cat->index;
      p->exclusion = exclusion;
      g_ptr_array_add (lex->patterns, p);
      g_ptr_array_add (exclusion ? cat->excludes : cat->terms, p);
    }
  return TRUE;
}

/* What reading a lexicon and its includes shares. */
typedef struct
{
  LmLexicon *lex;
  LmStemmer *stemmer;
  LmTokenizer *tz;
  const LmDataDirs *dirs; /* nullable: includes only beside the file */
  GPtrArray *stack;       /* char*: real paths of the files being read */
  GHashTable *done;       /* real path -> combined sha256, files read */
} Loader;

/* The path of @path with links resolved, for telling files apart; the
 * canonical spelling when it does not exist (a name given with data). */
static char *
real_path (const char *path)
{
  char *r = realpath (path, NULL);
  if (r)
    {
      char *copy = g_strdup (r);
      free (r);
      return copy;
    }
  return g_canonicalize_filename (path, NULL);
}

static gboolean
read_work (Loader *ld, const LmKeyFile *lkf, const char *group, GError **error)
{
  const char *file = lm_key_file_get_name (lkf);
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  static const char *const work_keys[] = { "title", "short_titles", "author", NULL };
  const GPtrArray *keys = lm_key_file_get_keys (lkf, group);
  for (guint k = 0; k < keys->len; k++)
    if (!g_strv_contains (work_keys, keys->pdata[k]))
      {
        g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                     "%s:%u: unknown key \"%s\" in [work] (allowed: title, "
                     "short_titles, author)", file,
                     lm_key_file_get_line (lkf, group, keys->pdata[k]),
                     (const char *) keys->pdata[k]);
        return FALSE;
      }
  g_autofree char *title = g_key_file_get_string (kf, group, "title", NULL);
  if (title)
    g_strstrip (title);
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                   "%s:%u: [work] needs a title= (the work's title)", file,
                   lm_key_file_get_line (lkf, group, NULL));
      return FALSE;
    }
  g_auto(GStrv) shorts = g_key_file_get_string_list (kf, group, "short_titles", NULL, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  for (guint i = 0; shorts && shorts[i]; i++)
    if (*g_strstrip (shorts[i]) != '\0')
      g_strv_builder_add (b, shorts[i]);
  g_autofree char *author = g_key_file_get_string (kf, group, "author", NULL);
  LmWork *w = g_new0 (LmWork, 1);
  w->title = g_steal_pointer (&title);
  w->short_titles = g_strv_builder_end (b);
  w->author = author ? g_strdup (g_strstrip (author)) : g_strdup ("");
  w->line = lm_key_file_get_line (lkf, group, NULL);
  ld->lex->work = w;
  return TRUE;
}

/* Finds an include: beside the including file, then as "lexicons/NAME" on
 * the data-dir search path. */
static char *
resolve_include (Loader *ld, const char *including, guint line,
                 const char *name, GError **error)
{
  if (g_path_is_absolute (name))
    {
      if (g_file_test (name, G_FILE_TEST_IS_REGULAR))
        return g_strdup (name);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "%s:%u: include \"%s\": no such file", including, line, name);
      return NULL;
    }
  g_autofree char *dir = g_path_get_dirname (including);
  g_autofree char *beside = g_build_filename (dir, name, NULL);
  if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&beside);
  g_autoptr(GError) local = NULL;
  g_autofree char *lname = g_build_filename ("lexicons", name, NULL);
  g_autoptr(LmDataFile) found = ld->dirs ? lm_data_dirs_find (ld->dirs, lname, FALSE, &local) : NULL;
  if (found)
    return g_strdup (found->path);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "%s:%u: include \"%s\" not found: looked for %s%s%s", including,
               line, name, beside, local ? "; " : "",
               local ? local->message : "");
  return NULL;
}

static char *add_file (Loader *ld, const LmKeyFile *lkf, GError **error);

/* Reads the [lexicon] group's includes, each file once; refuses a cycle.
 * Appends each include's combined sha256 to @shas. */
static gboolean
read_includes (Loader *ld, const LmKeyFile *lkf, const char *group,
               GString *shas, GError **error)
{
  const char *file = lm_key_file_get_name (lkf);
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  const GPtrArray *keys = lm_key_file_get_keys (lkf, group);
  for (guint k = 0; k < keys->len; k++)
    if (!g_str_equal (keys->pdata[k], "include"))
      {
        g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                     "%s:%u: unknown key \"%s\" in [lexicon] (allowed: include)",
                     file, lm_key_file_get_line (lkf, group, keys->pdata[k]),
                     (const char *) keys->pdata[k]);
        return FALSE;
      }
  guint line = lm_key_file_get_line (lkf, group, "include");
  g_auto(GStrv) names = g_key_file_get_string_list (kf, group, "include", NULL, NULL);
  for (guint i = 0; names && names[i]; i++)
    {
      const char *name = g_strstrip (names[i]);
      if (*name == '\0')
        continue;
      g_autofree char *path = resolve_include (ld, file, line, name, error);
      if (path == NULL)
        return FALSE;
      g_autofree char *real = real_path (path);
      for (guint s = 0; s < ld->stack->len; s++)
        if (g_str_equal (ld->stack->pdata[s], real))
          {
            GString *chain = g_string_new (NULL);
            for (guint c = s; c < ld->stack->len; c++)
              g_string_append_printf (chain, "%s -> ", (const char *) ld->stack->pdata[c]);
            g_string_append (chain, real);
            g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                         "%s:%u: include \"%s\" makes a cycle (%s)", file,
                         line, name, chain->str);
            g_string_free (chain, TRUE);
            return FALSE;
          }
      const char *seen = g_hash_table_lookup (ld->done, real);
      if (seen)
        {
          /* Included twice (a diamond): its categories are there once. */
          g_string_append_printf (shas, "%s\n", seen);
          continue;
        }
      g_autoptr(LmKeyFile) inc = lm_key_file_load (path, error);
      if (inc == NULL)
        {
          g_prefix_error (error, "%s:%u: include \"%s\": ", file, line, name);
          return FALSE;
        }
      g_autofree char *sha = add_file (ld, inc, error);
      if (sha == NULL)
        return FALSE;
      g_string_append_printf (shas, "%s\n", sha);
    }
  return TRUE;
}

/* Reads one file's groups, then its includes (their categories follow the
 * file's own).  Returns: (transfer full) (nullable): the sha256 of the file
 * and its includes: the file's own when it includes nothing. */
static char *
add_file (Loader *ld, const LmKeyFile *lkf, GError **error)
{
  LmLexicon *lex = ld->lex;
  const char *file = lm_key_file_get_name (lkf);
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  const GPtrArray *groups = lm_key_file_get_groups (lkf);
  gboolean top = ld->stack->len == 0;
  g_autofree char *real = real_path (file);
  const char *lexicon_group = NULL;

  g_ptr_array_add (ld->stack, g_strdup (real));
  g_ptr_array_add (lex->files, g_strdup (file));
  for (guint g = 0; g < groups->len; g++)
    {
      const char *group = groups->pdata[g];
      guint gline = lm_key_file_get_line (lkf, group, NULL);
      if (g_str_equal (group, "lexicon"))
        {
          if (g > 0)
            {
              g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                           "%s:%u: [lexicon] must be the first group", file, gline);
              return NULL;
            }
          lexicon_group = group;
          continue;
        }
      if (g_str_equal (group, "work"))
        {
          /* An included file's [work] is ignored: a lexicon of one work
           * may be included in a comparison of several. */
          if (top && !read_work (ld, lkf, group, error))
            return NULL;
          continue;
        }
      LmCategoryKind kind;
      g_autofree char *id = NULL;
      if (!parse_group_name (group, &kind, &id))
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: group [%s] must be [motif ID], [character ID] or "
                       "[genre ID], ID in lower-case letters, digits and hyphens "
                       "(or [lexicon], [work])",
                       file, gline, group);
          return NULL;
        }
      if (lm_lexicon_find_category (lex, id) >= 0)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                       "%s:%u: duplicate category id \"%s\"", file, gline, id);
          return NULL;
        }
      const GPtrArray *keys = lm_key_file_get_keys (lkf, group);
      for (guint k = 0; k < keys->len; k++)
        if (!g_strv_contains (allowed_keys, keys->pdata[k]))
          {
            g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                         "%s:%u: unknown key \"%s\" (allowed: label, description, "
                         "terms, exclude, aliases)", file,
                         lm_key_file_get_line (lkf, group, keys->pdata[k]),
                         (const char *) keys->pdata[k]);
            return NULL;
          }

      LmCategory *cat = g_new0 (LmCategory, 1);
      cat->index = lex->categories->len;
      cat->id = g_steal_pointer (&id);
      cat->kind = kind;
      cat->line = gline;
      cat->label = g_key_file_get_string (kf, group, "label", NULL);
      cat->description = g_key_file_get_string (kf, group, "description", NULL);
      cat->aliases = g_key_file_get_string_list (kf, group, "aliases", NULL, NULL);
      if (cat->aliases == NULL)
        cat->aliases = g_new0 (char *, 1);
      for (guint a = 0; cat->aliases[a]; a++)
        g_strstrip (cat->aliases[a]);
      cat->terms = g_ptr_array_new ();
      cat->excludes = g_ptr_array_new ();
      g_ptr_array_add (lex->categories, cat);
      if (cat->label == NULL)
        cat->label = g_strdup (cat->id);
      if (cat->description == NULL && kind != LM_CATEGORY_CHARACTER)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                       "%s:%u: [%s] needs a description= saying what it captures",
                       file, gline, group);
          return NULL;
        }
      if (!compile_list (lex, ld->stemmer, ld->tz, lkf, cat, group, "terms", FALSE, error)
          || !compile_list (lex, ld->stemmer, ld->tz, lkf, cat, group, "exclude", TRUE, error))
        return NULL;
      if (cat->terms->len == 0)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
                       "%s:%u: [%s] has no terms=", file, gline, group);
          return NULL;
        }
    }

  g_autoptr(GString) shas = g_string_new (NULL);
  if (lexicon_group && !read_includes (ld, lkf, lexicon_group, shas, error))
    return NULL;
  g_ptr_array_remove_index (ld->stack, ld->stack->len - 1);
  /* A lexicon's identity (the batch database checks it) covers what it
   * includes: a change to genres.ini changes it. */
  char *sha = shas->len == 0
                ? g_strdup (lm_key_file_get_sha256 (lkf))
                : g_strdup_printf ("%s\n%s", lm_key_file_get_sha256 (lkf), shas->str);
  if (shas->len > 0)
    {
      char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sha, -1);
      g_free (sha);
      sha = digest;
    }
  g_hash_table_insert (ld->done, g_steal_pointer (&real), g_strdup (sha));
  return sha;
}

static LmLexicon *
lexicon_from_key_file (const LmKeyFile *lkf, LmStemmer *stemmer,
                       const LmDataDirs *dirs, GError **error)
{
  const char *file = lm_key_file_get_name (lkf);
  g_autoptr(LmLexicon) lex = lexicon_new (file, NULL);
  g_autoptr(LmTokenizer) tz = lm_tokenizer_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Loader ld = { lex, stemmer, tz, dirs, stack, done };
  lex->sha256 = add_file (&ld, lkf, error);
  if (lex->sha256 == NULL)
    return NULL;

  if (lex->categories->len == 0)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_LEXICON, "%s: no categories", file);
      return NULL;
    }

  for (guint i = 0; i < lex->patterns->len; i++)
    {
      LmPattern *p = lex->patterns->pdata[i];
      GPtrArray *list = lex->starting->pdata[p->atoms[0]];
      if (list == NULL)
        lex->starting->pdata[p->atoms[0]] = list = g_ptr_array_new ();
      g_ptr_array_add (list, p);
    }
  lm_stem_keys_seal (lex->stem_keys);
  return g_steal_pointer (&lex);
}

LmLexicon *
lm_lexicon_new_from_data (const char *name, const char *data, gssize len,
                          LmStemmer *stemmer, GError **error)
{
  return lm_lexicon_new_from_data_full (name, data, len, stemmer,
                                       lm_data_dirs_get_default (), error);
}

LmLexicon *
lm_lexicon_new_from_data_full (const char *name, const char *data, gssize len,
                               LmStemmer *stemmer, const LmDataDirs *dirs,
                               GError **error)
{
  g_autoptr(LmKeyFile) lkf = lm_key_file_new_from_data (name, data, len, error);
  return lkf ? lexicon_from_key_file (lkf, stemmer, dirs, error) : NULL;
}

LmLexicon *
lm_lexicon_load (const char *path, LmStemmer *stemmer, GError **error)
{
  g_autoptr(LmKeyFile) lkf = lm_key_file_load (path, error);
  return lkf ? lexicon_from_key_file (lkf, stemmer, lm_data_dirs_get_default (), error)
             : NULL;
}

const LmWork *
lm_lexicon_get_work (const LmLexicon *lex)
{
  return lex->work;
}

const GPtrArray *
lm_lexicon_get_files (const LmLexicon *lex)
{
  return lex->files;
}

const char *
lm_lexicon_get_name (const LmLexicon *lex)
{
  return lex->name;
}

const char *
lm_lexicon_get_sha256 (const LmLexicon *lex)
{
  return lex->sha256;
}

guint
lm_lexicon_get_n_categories (const LmLexicon *lex)
{
  return lex->categories->len;
}

const LmCategory *
lm_lexicon_get_category (const LmLexicon *lex, guint i)
{
  return lex->categories->pdata[i];
}

gint
lm_lexicon_find_category (const LmLexicon *lex, const char *id)
{
  for (guint i = 0; i < lex->categories->len; i++)
    if (g_str_equal (((LmCategory *) lex->categories->pdata[i])->id, id))
      return (gint) i;
  return -1;
}

guint
lm_lexicon_get_n_atoms (const LmLexicon *lex)
{
  return lex->atoms->len;
}

const LmAtom *
lm_lexicon_get_atom (const LmLexicon *lex, guint i)
{
  return lex->atoms->pdata[i];
}

guint
lm_lexicon_get_n_patterns (const LmLexicon *lex)
{
  return lex->patterns->len;
}

const LmPattern *
lm_lexicon_get_pattern (const LmLexicon *lex, guint i)
{
  return lex->patterns->pdata[i];
}

static int
cmp_u32 (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;
  return (x > y) - (x < y);
}

void
lm_lexicon_match_word (const LmLexicon *lex, const char *folded, gsize len,
                       const char *stem, GArray *atoms)
{
  guint first = atoms->len;
  GArray *ids = stem ? g_hash_table_lookup (lex->by_stem, stem) : NULL;
  if (ids)
    g_array_append_vals (atoms, ids->data, ids->len);
  ids = lm_word_filter_may_contain (&lex->exact_filter, folded, len)
            ? g_hash_table_lookup (lex->by_exact, folded) : NULL;
  if (ids)
    g_array_append_vals (atoms, ids->data, ids->len);
  if (lex->prefix_atoms->len > 0)
    {
      /* Every prefix of the word, the empty one included, up to the
       * longest prefix term. */
      PrefixKey k = { folded, 0, lm_word_hash (folded, 0) };
      for (;;)
        {
          gpointer found = g_hash_table_lookup (lex->by_prefix, &k);
          if (found)
            {
              guint32 id = GPOINTER_TO_UINT (found) - 1;
              g_array_append_val (atoms, id);
            }
          if (k.len == len || k.len == lex->max_prefix_len)
            break;
          k.hash = (k.hash ^ (guchar) folded[k.len]) * 16777619u;
          k.len++;
        }
    }
  /* Each atom id lives in exactly one table, so there are no duplicates. */
  if (atoms->len - first > 1)
    qsort ((guint32 *) (void *) atoms->data + first, atoms->len - first,
           sizeof (guint32), cmp_u32);
}

gboolean
lm_lexicon_may_match_stem (const LmLexicon *lex, const char *folded, gsize len)
{
  return lm_stem_keys_may_match (lex->stem_keys, folded, len);
}

const GPtrArray *
lm_lexicon_patterns_starting_with (const LmLexicon *lex, guint atom)
{
  return atom < lex->starting->len ? lex->starting->pdata[atom] : NULL;
}
