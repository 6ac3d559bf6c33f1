/* stemmer.c - a thin, copying wrapper over libstemmer's English stemmer. */
#include "stemmer.h"

#include <libstemmer.h>
#include <string.h>

#include "lm-config.h"
#include "lm-error.h"

struct _LmStemmer
{
  struct sb_stemmer *sb;
  GString *copy; /* the last stem; our own buffer so the contract is ours */
};

LmStemmer *
lm_stemmer_new (GError **error)
{
  /* Algorithm names are case-sensitive: "english", not "English". */
  struct sb_stemmer *sb = sb_stemmer_new ("english", NULL);
  if (sb == NULL)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_STEMMER,
                   "no Snowball stemmer available for language \"english\"");
      return NULL;
    }
  LmStemmer *stemmer = g_new0 (LmStemmer, 1);
  stemmer->sb = sb;
  stemmer->copy = g_string_sized_new (64);
  return stemmer;
}

void
lm_stemmer_free (LmStemmer *stemmer)
{
  if (stemmer == NULL)
    return;
  sb_stemmer_delete (stemmer->sb);
  g_string_free (stemmer->copy, TRUE);
  g_free (stemmer);
}

const char *
lm_stemmer_stem (LmStemmer *stemmer, const char *word, gsize len,
                 gsize *out_len)
{
  const sb_symbol *res = NULL;
  if (len <= G_MAXINT)
    res = sb_stemmer_stem (stemmer->sb, (const sb_symbol *) word, (int) len);
  if (res == NULL)
    g_string_overwrite_len (stemmer->copy, 0, word, (gssize) len);
  else
    g_string_overwrite_len (stemmer->copy, 0, (const char *) res,
                            sb_stemmer_length (stemmer->sb));
  /* overwrite_len never shrinks: cut to the new length. */
  g_string_truncate (stemmer->copy, res ? (gsize) sb_stemmer_length (stemmer->sb) : len);
  *out_len = stemmer->copy->len;
  return stemmer->copy->str;
}

const char *
lm_stemmer_describe (void)
{
  return "snowball english (libstemmer " LM_STEMMER_VERSION ")";
}
