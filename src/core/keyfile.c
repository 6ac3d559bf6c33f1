/* keyfile.c - GKeyFile with line numbers and duplicate detection. */
#include "keyfile.h"

#include <string.h>

#include "lm-error.h"

struct _LmKeyFile
{
  char *name;
  char *sha256;
  GKeyFile *kf;
  GPtrArray *groups;      /* char*, file order */
  GHashTable *keys;       /* group -> GPtrArray of keys, file order */
  GHashTable *lines;      /* "group\037key" or "group" -> line */
};

void
lm_key_file_free (LmKeyFile *kf)
{
  if (kf == NULL)
    return;
  g_free (kf->name);
  g_free (kf->sha256);
  g_clear_pointer (&kf->kf, g_key_file_unref);
  g_ptr_array_unref (kf->groups);
  g_hash_table_unref (kf->keys);
  g_hash_table_unref (kf->lines);
  g_free (kf);
}

static char *
line_key (const char *group, const char *key)
{
  return key ? g_strconcat (group, "\037", key, NULL) : g_strdup (group);
}

/* Records groups and keys with their lines; fails on what GKeyFile would
 * accept silently or report without a line. */
static gboolean
scan_lines (LmKeyFile *kf, const char *data, gsize len, GError **error)
{
  g_autofree char *copy = g_strndup (data, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  const char *group = NULL;
  for (guint i = 0; lines[i]; i++)
    {
      guint lineno = i + 1;
      char *line = g_strstrip (lines[i]);
      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          gsize n = strlen (line);
          if (line[n - 1] != ']' || n < 3)
            {
              g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                           "%s:%u: a group header must look like [name]",
                           kf->name, lineno);
              return FALSE;
            }
          line[n - 1] = '\0';
          const char *name = line + 1;
          if (g_hash_table_contains (kf->lines, name))
            {
              g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                           "%s:%u: duplicate group [%s] (first at line %u)",
                           kf->name, lineno, name,
                           GPOINTER_TO_UINT (g_hash_table_lookup (kf->lines, name)));
              return FALSE;
            }
          char *owned = g_strdup (name);
          g_ptr_array_add (kf->groups, owned);
          g_hash_table_insert (kf->lines, g_strdup (owned), GUINT_TO_POINTER (lineno));
          g_hash_table_insert (kf->keys, g_strdup (owned),
                               g_ptr_array_new_with_free_func (g_free));
          group = owned;
          continue;
        }
      char *eq = strchr (line, '=');
      if (eq == NULL || eq == line)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: expected key=value, [group] or # comment",
                       kf->name, lineno);
          return FALSE;
        }
      if (group == NULL)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: key before the first [group]", kf->name, lineno);
          return FALSE;
        }
      *eq = '\0';
      char *key = g_strstrip (line);
      g_autofree char *lk = line_key (group, key);
      if (g_hash_table_contains (kf->lines, lk))
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: duplicate key \"%s\" in [%s] (first at line %u)",
                       kf->name, lineno, key, group,
                       GPOINTER_TO_UINT (g_hash_table_lookup (kf->lines, lk)));
          return FALSE;
        }
      g_hash_table_insert (kf->lines, g_steal_pointer (&lk), GUINT_TO_POINTER (lineno));
      g_ptr_array_add (g_hash_table_lookup (kf->keys, group), g_strdup (key));
    }
  return TRUE;
}

LmKeyFile *
lm_key_file_new_from_data (const char *name, const char *data, gssize len,
                           GError **error)
{
  if (len < 0)
    len = (gssize) strlen (data);
  const char *bad = NULL;
  if (!g_utf8_validate_len (data, (gsize) len, &bad))
    {
      guint line = 1;
      for (const char *p = data; p < bad; p++)
        line += (*p == '\n');
      g_set_error (error, LM_ERROR, LM_ERROR_ENCODING,
                   "%s:%u: invalid UTF-8 or NUL byte", name, line);
      return NULL;
    }
  g_autoptr(LmKeyFile) kf = g_new0 (LmKeyFile, 1);
  kf->name = g_strdup (name);
  kf->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                            (const guchar *) data, (gsize) len);
  kf->groups = g_ptr_array_new_with_free_func (g_free);
  kf->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  kf->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!scan_lines (kf, data, (gsize) len, error))
    return NULL;

  kf->kf = g_key_file_new ();
  g_key_file_set_list_separator (kf->kf, ';');
  g_autoptr(GError) local = NULL;
  if (!g_key_file_load_from_data (kf->kf, data, (gsize) len, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX, "%s: %s", name, local->message);
      return NULL;
    }
  return g_steal_pointer (&kf);
}

LmKeyFile *
lm_key_file_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return lm_key_file_new_from_data (path, data, (gssize) len, error);
}

GKeyFile *
lm_key_file_get_key_file (const LmKeyFile *kf)
{
  return kf->kf;
}

const char *
lm_key_file_get_name (const LmKeyFile *kf)
{
  return kf->name;
}

const char *
lm_key_file_get_sha256 (const LmKeyFile *kf)
{
  return kf->sha256;
}

const GPtrArray *
lm_key_file_get_groups (const LmKeyFile *kf)
{
  return kf->groups;
}

const GPtrArray *
lm_key_file_get_keys (const LmKeyFile *kf, const char *group)
{
  return g_hash_table_lookup (kf->keys, group);
}

guint
lm_key_file_get_line (const LmKeyFile *kf, const char *group, const char *key)
{
  g_autofree char *lk = line_key (group, key);
  return GPOINTER_TO_UINT (g_hash_table_lookup (kf->lines, lk));
}
