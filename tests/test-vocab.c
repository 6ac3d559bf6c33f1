/* test-vocab.c - LmVocab: interning, the stem filter, and the arena that
 * holds the words and their atom arrays. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/stemmer.h"
#include "core/vocab.h"
#include "test-helpers.h"

static LmStemmer *
stemmer (void)
{
  LmStemmer *s = lm_stemmer_new (NULL);
  cr_assert_not_null (s);
  return s;
}

static const LmWord *
intern (LmVocab *v, const char *w)
{
  return lm_vocab_intern (v, w, strlen (w));
}

Test (vocab, same_word_same_entry_dense_ids)
{
  g_autoptr(LmStemmer) st = stemmer ();
  g_autoptr(LmStoplist) stop = lmt_stoplist ();
  g_autoptr(LmVocab) v = lm_vocab_new (st, stop);
  const LmWord *a = intern (v, "hoping"), *b = intern (v, "the"), *c = intern (v, "hoping");
  cr_expect_eq (a, c);
  cr_expect_eq (a->id, 0);
  cr_expect_eq (b->id, 1);
  cr_expect_str_eq (a->stem, "hope");
  cr_expect (b->stop);
  cr_expect_not (a->stop);
  cr_expect_eq (lm_vocab_size (v), 2);
  const LmWord *d = intern (v, "hope");
  cr_expect_eq (d->stem_id, a->stem_id, "one stem, one id");
}

static gboolean
only_h (const char *folded, gsize len, gpointer data)
{
  (*(guint *) data)++;
  return len > 0 && folded[0] == 'h';
}

Test (vocab, stem_filter_skips_stemming)
{
  g_autoptr(LmStemmer) st = stemmer ();
  g_autoptr(LmStoplist) stop = lmt_stoplist ();
  g_autoptr(LmVocab) v = lm_vocab_new (st, stop);
  guint calls = 0;
  lm_vocab_set_stem_filter (v, only_h, &calls);
  const LmWord *a = intern (v, "hoping"), *b = intern (v, "rivers");
  intern (v, "rivers");
  cr_expect_eq (calls, 2, "asked once per new word");
  cr_expect_str_eq (a->stem, "hope");
  cr_expect_null (b->stem, "filtered: no stem");
  cr_expect_eq (b->stem_id, G_MAXUINT32);
  lm_vocab_set_stem_filter (v, NULL, NULL);
  cr_expect_str_eq (intern (v, "walking")->stem, "walk", "without a filter, every word");
}

static void
many_atoms (const LmWord *word, GArray *atoms, gpointer data)
{
  /* "big" gets more atoms than fit a quarter of an arena block. */
  guint n = g_str_equal (word->folded, "big") ? 20000 : word->folded_len;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id = i * 3 + word->folded_len;
      g_array_append_val (atoms, id);
    }
}

Test (vocab, arena_keeps_every_atom_array)
{
  g_autoptr(LmStemmer) st = stemmer ();
  g_autoptr(LmStoplist) stop = lmt_stoplist ();
  g_autoptr(LmVocab) v = lm_vocab_new (st, stop);
  lm_vocab_set_annotator (v, many_atoms, NULL);
  GPtrArray *words = g_ptr_array_new ();
  for (guint i = 0; i < 30000; i++)
    {
      g_autofree char *w = g_strdup_printf ("w%u", i);
      g_ptr_array_add (words, (gpointer) intern (v, w));
      if (i == 10)
        g_ptr_array_add (words, (gpointer) intern (v, "big"));
    }
  for (guint i = 0; i < words->len; i++)
    {
      const LmWord *w = words->pdata[i];
      guint n = g_str_equal (w->folded, "big") ? 20000 : w->folded_len;
      cr_assert_eq (w->n_atoms, n, "%s: %u atoms", w->folded, w->n_atoms);
      for (guint32 k = 0; k < n; k++)
        cr_assert_eq (w->atoms[k], k * 3 + w->folded_len, "%s atom %u", w->folded, k);
    }
  g_ptr_array_unref (words);
}
