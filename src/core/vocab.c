/* vocab.c - interning table of folded words with their stems. */
#include "vocab.h"

#include <string.h>

struct _LmVocab
{
  LmStemmer *stemmer;
  const LmStoplist *stoplist;
  GHashTable *words;   /* folded (in chunk) -> LmWord* */
  GHashTable *stems;   /* stem (in chunk) -> stem id + 1 */
  GStringChunk *chunk;
  GPtrArray *all;      /* owns the LmWord structs and their atom arrays */
  GArray *scratch_atoms;
  LmWordAnnotator annotator;
  gpointer annotator_data;
};

static void
word_free (gpointer p)
{
  LmWord *w = p;
  g_free ((gpointer) w->atoms);
  g_free (w);
}

LmVocab *
lm_vocab_new (LmStemmer *stemmer, const LmStoplist *stoplist)
{
  LmVocab *v = g_new0 (LmVocab, 1);
  v->stemmer = stemmer;
  v->stoplist = stoplist;
  v->words = g_hash_table_new (g_str_hash, g_str_equal);
  v->stems = g_hash_table_new (g_str_hash, g_str_equal);
  v->chunk = g_string_chunk_new (64 * 1024);
  v->all = g_ptr_array_new_with_free_func (word_free);
  v->scratch_atoms = g_array_new (FALSE, FALSE, sizeof (guint32));
  return v;
}

void
lm_vocab_free (LmVocab *v)
{
  if (v == NULL)
    return;
  g_hash_table_unref (v->words);
  g_hash_table_unref (v->stems);
  g_string_chunk_free (v->chunk);
  g_ptr_array_unref (v->all);
  g_array_unref (v->scratch_atoms);
  g_free (v);
}

void
lm_vocab_set_annotator (LmVocab *v, LmWordAnnotator annotator,
                        gpointer user_data)
{
  v->annotator = annotator;
  v->annotator_data = user_data;
}

const LmWord *
lm_vocab_intern (LmVocab *v, const char *folded, gsize len)
{
  const char *key = folded;
  LmWord *w = g_hash_table_lookup (v->words, key);
  if (w)
    return w;

  w = g_new0 (LmWord, 1);
  w->folded = g_string_chunk_insert_len (v->chunk, key, (gssize) len);
  w->folded_len = (guint32) len;
  w->id = v->all->len;
  w->stop = lm_stoplist_contains (v->stoplist, w->folded);

  gsize stem_len;
  const char *stem = lm_stemmer_stem (v->stemmer, w->folded, len, &stem_len);
  gpointer orig = NULL, sid = NULL;
  if (g_hash_table_lookup_extended (v->stems, stem, &orig, &sid))
    {
      w->stem = orig;
      w->stem_id = GPOINTER_TO_UINT (sid) - 1;
    }
  else
    {
      char *s = g_string_chunk_insert_len (v->chunk, stem, (gssize) stem_len);
      guint id = g_hash_table_size (v->stems);
      g_hash_table_insert (v->stems, s, GUINT_TO_POINTER (id + 1));
      w->stem = s;
      w->stem_id = id;
    }
  w->stem_len = (guint32) strlen (w->stem);

  if (v->annotator)
    {
      g_array_set_size (v->scratch_atoms, 0);
      v->annotator (w, v->scratch_atoms, v->annotator_data);
      w->n_atoms = v->scratch_atoms->len;
      if (w->n_atoms)
        w->atoms = g_memdup2 (v->scratch_atoms->data, w->n_atoms * sizeof (guint32));
    }

  g_ptr_array_add (v->all, w);
  g_hash_table_insert (v->words, (gpointer) w->folded, w);
  return w;
}

guint
lm_vocab_size (const LmVocab *v)
{
  return v->all->len;
}
