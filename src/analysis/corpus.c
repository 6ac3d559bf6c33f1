/* corpus.c - reading the corpus manifest. */
#include "corpus.h"

#include <string.h>

#include "byline.h"
#include "core/keyfile.h"
#include "core/lm-error.h"

struct _LmCorpus
{
  char *name;
  GPtrArray *entries; /* LmCorpusEntry* */
  GHashTable *critics; /* critic -> number of entries, for display names */
};

static void
count_critics (LmCorpus *c)
{
  c->critics = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < c->entries->len; i++)
    {
      const char *critic = ((LmCorpusEntry *) c->entries->pdata[i])->critic;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (c->critics, critic));
      g_hash_table_insert (c->critics, (gpointer) critic, GUINT_TO_POINTER (n + 1));
    }
}

static void
entry_free (gpointer p)
{
  LmCorpusEntry *e = p;
  g_free (e->id);
  g_free (e->file);
  g_free (e->path);
  g_free (e->critic);
  g_free (e->outlet);
  g_free (e->title);
  g_strfreev (e->hints.boilerplate);
  g_free (e->hints.body_from);
  g_free (e->hints.boilerplate_from);
  g_free (e->hints.comments_from);
  g_free (e->hints.comments_until);
  g_free (e);
}

void
lm_corpus_free (LmCorpus *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  if (c->critics)
    g_hash_table_unref (c->critics);
  g_ptr_array_unref (c->entries);
  g_free (c);
}

static const char *const allowed_keys[] = {
  "file", "critic", "outlet", "title", "boilerplate", "body_from",
  "boilerplate_from", "comments_from", "comments_until", NULL
};

static gboolean
valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      return FALSE;
  return TRUE;
}

static LmCorpus *
corpus_from_key_file (const LmKeyFile *lkf, const char *base_dir, GError **error)
{
  const char *name = lm_key_file_get_name (lkf);
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  g_autoptr(LmCorpus) c = g_new0 (LmCorpus, 1);
  c->name = g_strdup (name);
  c->entries = g_ptr_array_new_with_free_func (entry_free);

  const GPtrArray *groups = lm_key_file_get_groups (lkf);
  for (guint g = 0; g < groups->len; g++)
    {
      const char *group = groups->pdata[g];
      guint line = lm_key_file_get_line (lkf, group, NULL);
      if (!g_str_has_prefix (group, "text ") || !valid_id (group + 5))
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: group [%s] must be [text ID], ID in lower-case "
                       "letters, digits and hyphens", name, line, group);
          return NULL;
        }
      const GPtrArray *keys = lm_key_file_get_keys (lkf, group);
      for (guint k = 0; k < keys->len; k++)
        if (!g_strv_contains (allowed_keys, keys->pdata[k]))
          {
            g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                         "%s:%u: unknown key \"%s\" (allowed: file, critic, outlet, title, "
                         "boilerplate, body_from, boilerplate_from, comments_from, comments_until)",
                         name, lm_key_file_get_line (lkf, group, keys->pdata[k]),
                         (const char *) keys->pdata[k]);
            return NULL;
          }
      g_autofree char *file = g_key_file_get_string (kf, group, "file", NULL);
      if (file == NULL || *g_strstrip (file) == '\0')
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: [%s] needs file=", name, line, group);
          return NULL;
        }
      LmCorpusEntry *e = g_new0 (LmCorpusEntry, 1);
      e->id = g_strdup (group + 5);
      e->line = line;
      e->path = g_path_is_absolute (file) ? g_strdup (file)
                                          : g_build_filename (base_dir, file, NULL);
      e->file = g_steal_pointer (&file);
      e->critic = g_key_file_get_string (kf, group, "critic", NULL);
      e->outlet = g_key_file_get_string (kf, group, "outlet", NULL);
      e->title = g_key_file_get_string (kf, group, "title", NULL);
      if (e->critic == NULL || *e->critic == '\0')
        {
          g_free (e->critic);
          e->critic = g_strdup ("unsigned");
        }
      e->hints.boilerplate = g_key_file_get_string_list (kf, group, "boilerplate", NULL, NULL);
      e->hints.body_from = g_key_file_get_string (kf, group, "body_from", NULL);
      e->hints.boilerplate_from = g_key_file_get_string (kf, group, "boilerplate_from", NULL);
      e->hints.comments_from = g_key_file_get_string (kf, group, "comments_from", NULL);
      e->hints.comments_until = g_key_file_get_string (kf, group, "comments_until", NULL);
      if (e->outlet == NULL)
        e->outlet = g_strdup ("");
      if (e->title == NULL)
        e->title = g_strdup ("");
      g_ptr_array_add (c->entries, e);
    }
  if (c->entries->len == 0)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX, "%s: no [text ID] groups", name);
      return NULL;
    }
  count_critics (c);
  return g_steal_pointer (&c);
}

LmCorpus *
lm_corpus_new_from_data (const char *name, const char *base_dir,
                         const char *data, gssize len, GError **error)
{
  g_autoptr(LmKeyFile) lkf = lm_key_file_new_from_data (name, data, len, error);
  return lkf ? corpus_from_key_file (lkf, base_dir, error) : NULL;
}

char *
lm_corpus_id_from_file_name (const char *file)
{
  g_autofree char *base = g_path_get_basename (file);
  char *dot = strrchr (base, '.');
  if (dot && dot != base)
    *dot = '\0';
  GString *id = g_string_new (NULL);
  for (const char *c = base; *c; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (id, g_ascii_tolower (*c));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "text");
  return g_string_free (id, FALSE);
}

char *
lm_corpus_unique_id (GHashTable *taken, const char *file)
{
  g_autofree char *id = lm_corpus_id_from_file_name (file);
  char *unique = g_strdup (id);
  for (guint n = 2; g_hash_table_contains (taken, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", id, n);
    }
  g_hash_table_add (taken, g_strdup (unique));
  return unique;
}

LmCorpus *
lm_corpus_new_from_files (const char *name, const char *const *paths,
                          const char *const *files)
{
  LmCorpus *c = g_new0 (LmCorpus, 1);
  c->name = g_strdup (name);
  c->entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; paths[i]; i++)
    {
      LmCorpusEntry *e = g_new0 (LmCorpusEntry, 1);
      e->id = lm_corpus_unique_id (taken, paths[i]);
      e->path = g_strdup (paths[i]);
      e->file = g_strdup (files ? files[i] : paths[i]);
      /* A file that cannot be read fails later, when it is analyzed, with
       * its reason; here it is only unsigned. */
      g_autoptr(GMappedFile) m = g_mapped_file_new (paths[i], FALSE, NULL);
      g_autoptr(LmByline) b = m ? lm_byline_guess (g_mapped_file_get_contents (m),
                                                   g_mapped_file_get_length (m))
                                : lm_byline_guess ("", 0);
      e->critic = g_strdup (b->critic ? b->critic : "unsigned");
      e->outlet = g_strdup (b->outlet ? b->outlet : "");
      e->title = g_strdup (b->title ? b->title : "");
      g_ptr_array_add (c->entries, e);
    }
  count_critics (c);
  return c;
}

LmCorpus *
lm_corpus_load (const char *path, GError **error)
{
  g_autoptr(LmKeyFile) lkf = lm_key_file_load (path, error);
  if (lkf == NULL)
    return NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  return corpus_from_key_file (lkf, dir, error);
}

guint
lm_corpus_get_n_entries (const LmCorpus *c)
{
  return c->entries->len;
}

const LmCorpusEntry *
lm_corpus_get_entry (const LmCorpus *c, guint i)
{
  return c->entries->pdata[i];
}

const char *
lm_corpus_get_name (const LmCorpus *c)
{
  return c->name;
}

char *
lm_corpus_display_name (const LmCorpus *c, guint i)
{
  const LmCorpusEntry *e = c->entries->pdata[i];
  if (!g_str_equal (e->critic, "unsigned")
      && GPOINTER_TO_UINT (g_hash_table_lookup (c->critics, e->critic)) > 1)
    return g_strdup_printf ("%s (%s)", e->critic, e->id);
  return lm_corpus_entry_display_name (e);
}

char *
lm_corpus_entry_display_name (const LmCorpusEntry *e)
{
  if (g_str_equal (e->critic, "unsigned"))
    return g_strdup_printf ("unsigned (%s)", e->id);
  return g_strdup (e->critic);
}
