/* profile.c - vocabulary, hit positions and co-occurrence of a voice. */
#include "profile.h"

#include <string.h>

#include "core/tokenizer.h"
#include "form-counts.h"

typedef struct
{
  LmProfile *p;
  guint64 words;           /* words of the voices seen so far */
  gboolean sentence_counted;
  gboolean first_token;
  gsize hits_sentence;     /* start of the sentence the pending hits are in */
  gboolean have_hits;
  guint8 *hit_in_sentence; /* [category]: hit in the pending sentence */
} Build;

static void
stem_frequency_free (gpointer p)
{
  LmStemFrequency *f = p;
  g_hash_table_unref (f->forms);
  g_free (f);
}

static gboolean
in_mask (const LmProfile *p, guint voice)
{
  return voice != LM_VOICE_BOILERPLATE && (p->voice_mask & LM_VOICE_BIT (voice)) != 0;
}

static void
on_token (const LmToken *tok, gpointer user_data)
{
  Build *b = user_data;
  LmProfile *p = b->p;
  if ((tok->flags & LM_TOKEN_SENTENCE_START) || b->first_token)
    b->sentence_counted = FALSE;
  b->first_token = FALSE;
  if (!in_mask (p, tok->voice))
    return;
  if (!b->sentence_counted)
    {
      p->n_sentences++;
      b->sentence_counted = TRUE;
    }
  b->words++;
  if (tok->word->stop)
    return;
  LmStemFrequency *f = g_hash_table_lookup (p->stems, tok->word->stem);
  if (f == NULL)
    {
      f = g_new0 (LmStemFrequency, 1);
      f->forms = lm_form_counts_new ();
      g_hash_table_insert (p->stems, g_strdup (tok->word->stem), f);
    }
  f->count++;
  lm_form_counts_add (f->forms, tok->word->folded);
}

/* Adds the categories hit in the pending sentence to the co-occurrence
 * table, once per sentence whatever the number of hits. */
static void
flush_sentence_hits (Build *b)
{
  LmProfile *p = b->p;
  guint n = p->n_categories;
  if (!b->have_hits)
    return;
  for (guint a = 0; a < n; a++)
    {
      if (!b->hit_in_sentence[a])
        continue;
      for (guint c = 0; c < n; c++)
        if (b->hit_in_sentence[c])
          p->cooccurrence[a * n + c]++;
    }
  memset (b->hit_in_sentence, 0, n);
  b->have_hits = FALSE;
}

static void
on_hit (const LmHit *hit, const LmToken *sentence, guint n_tokens, gpointer user_data)
{
  Build *b = user_data;
  LmProfile *p = b->p;
  if (!in_mask (p, sentence[hit->first].voice))
    return;
  /* Hits come after all the tokens of their sentence: the index of the hit's
   * first word is the count so far minus the voice's words from it on. */
  guint64 after = 0;
  for (guint i = hit->first; i < n_tokens; i++)
    after += in_mask (p, sentence[i].voice);
  guint64 index = b->words - after;
  g_array_append_val (p->hit_words[hit->category], index);

  if (b->have_hits && b->hits_sentence != sentence[0].start)
    flush_sentence_hits (b);
  b->hits_sentence = sentence[0].start;
  b->have_hits = TRUE;
  b->hit_in_sentence[hit->category] = 1;
}

LmProfile *
lm_profile_build (LmAnalyzer *analyzer, LmText *text,
                  const LmSegmentation *segmentation, guint voice_mask)
{
  guint n = lm_lexicon_get_n_categories (lm_analyzer_get_lexicon (analyzer));
  LmProfile *p = g_new0 (LmProfile, 1);
  p->n_categories = n;
  p->voice_mask = voice_mask;
  p->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stem_frequency_free);
  p->hit_words = g_new0 (GArray *, n);
  for (guint c = 0; c < n; c++)
    p->hit_words[c] = g_array_new (FALSE, FALSE, sizeof (guint64));
  p->cooccurrence = g_new0 (guint64, (gsize) n * n);

  g_autofree guint8 *scratch = g_new0 (guint8, n ? n : 1);
  Build b = { .p = p, .first_token = TRUE, .hit_in_sentence = scratch };
  lm_analyzer_walk (analyzer, text, segmentation, on_token, on_hit, &b);
  flush_sentence_hits (&b);
  p->n_words = b.words;
  return p;
}

void
lm_profile_free (LmProfile *p)
{
  if (p == NULL)
    return;
  g_hash_table_unref (p->stems);
  for (guint c = 0; c < p->n_categories; c++)
    g_array_unref (p->hit_words[c]);
  g_free (p->hit_words);
  g_free (p->cooccurrence);
  g_free (p);
}

guint64
lm_profile_stem_count (const LmProfile *p, const char *stem)
{
  const LmStemFrequency *f = g_hash_table_lookup (p->stems, stem);
  return f ? f->count : 0;
}

GPtrArray *
lm_profile_stem_forms (const LmProfile *p, const char *stem)
{
  const LmStemFrequency *f = g_hash_table_lookup (p->stems, stem);
  return lm_form_counts_sorted (f ? f->forms : NULL);
}
