/* stoplist.c - Snowball-format stop lists. */
#include "stoplist.h"

#include <string.h>

#include "fold.h"
#include "lm-error.h"
#include "word-filter.h"

struct _LmStoplist
{
  GHashTable *words;   /* folded word -> itself */
  LmWordFilter filter; /* of @words: most words are rejected unhashed */
  char *sha256;
};

LmStoplist *
lm_stoplist_new_empty (void)
{
  LmStoplist *s = g_new0 (LmStoplist, 1);
  s->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lm_word_filter_init (&s->filter);
  s->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "", 0);
  return s;
}

void
lm_stoplist_free (LmStoplist *s)
{
  if (s == NULL)
    return;
  g_hash_table_unref (s->words);
  g_free (s->sha256);
  g_free (s);
}

LmStoplist *
lm_stoplist_new_from_data (const char *name, const char *data, gssize len,
                           GError **error)
{
  if (len < 0)
    len = (gssize) strlen (data);
  if (!g_utf8_validate_len (data, (gsize) len, NULL))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_ENCODING,
                   "%s: the stop list is not valid UTF-8", name);
      return NULL;
    }
  g_autoptr(LmStoplist) s = lm_stoplist_new_empty ();
  g_free (s->sha256);
  s->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                           (const guchar *) data, (gsize) len);

  g_autofree char *copy = g_strndup (data, (gsize) len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *bar = strchr (lines[i], '|');
      if (bar)
        *bar = '\0';
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t\r", -1);
      guint n = 0;
      for (guint j = 0; words[j]; j++)
        if (*words[j])
          n++;
      if (n == 0)
        continue;
      if (n > 1)
        {
          g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX,
                       "%s:%u: one stop word a line expected, found %u words",
                       name, i + 1, n);
          return NULL;
        }
      char *folded = lm_fold (lines[i], -1);
      lm_word_filter_add (&s->filter, folded, strlen (folded));
      g_hash_table_add (s->words, folded);
    }
  return g_steal_pointer (&s);
}

LmStoplist *
lm_stoplist_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return lm_stoplist_new_from_data (path, data, (gssize) len, error);
}

gboolean
lm_stoplist_contains (const LmStoplist *s, const char *folded, gssize len)
{
  return lm_word_filter_may_contain (&s->filter, folded, len < 0 ? strlen (folded) : (gsize) len)
         && g_hash_table_contains (s->words, folded);
}

guint
lm_stoplist_size (const LmStoplist *s)
{
  return g_hash_table_size (s->words);
}

const char *
lm_stoplist_get_sha256 (const LmStoplist *s)
{
  return s->sha256;
}
