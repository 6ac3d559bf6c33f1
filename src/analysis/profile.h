/* profile.h - LmProfile: what the comparison report needs from one voice
 * of one text, beyond its counts.
 *
 * For the words spoken in a set of voices (a critic's own prose, say, or the
 * reader comments below an essay) a profile holds:
 *  - the vocabulary: every stem of a word that is not a stop word, with its
 *    frequency and the surface forms behind it (for keyness);
 *  - where each category's hits fall: the index of the hit's first word among
 *    the voice's words, in text order (for dispersion);
 *  - co-occurrence: in how many sentences each category, and each pair of
 *    categories, is hit (a "sentence" is the analyzer's unit: a tokenizer
 *    sentence, cut where prose meets a comment or boilerplate, see
 *    analyzer.h).
 * Counting follows LmDocStats: a hit belongs to the voice of its first word,
 * and a profile's word count equals the sum of the LmDocStats word counts of
 * its voices.
 *
 * Memory grows with the vocabulary and the number of hits, not with the
 * length of the text.
 *
 * Ownership: a profile owns all it holds; free with lm_profile_free().
 * Thread safety: build on the analyzer's thread; immutable afterwards.
 */
#pragma once

#include <glib.h>

#include "analyzer.h"

G_BEGIN_DECLS

/* A set of voices, as bits 1 << LmVoice. */
#define LM_VOICE_BIT(v) (1u << (v))

typedef struct
{
  guint64 count;
  GHashTable *forms; /* folded form (char*) -> count (guint64*) */
} LmStemFrequency;

typedef struct
{
  guint n_categories;
  guint voice_mask;
  guint64 n_words;        /* every word token of the voices, stop words too */
  GHashTable *stems;      /* stem (char*) -> LmStemFrequency* */
  GArray **hit_words;     /* [category]: guint64 word index of each hit */
  guint64 n_sentences;    /* sentences with at least one word of the voices */
  guint64 *cooccurrence;  /* [a * n_categories + b]: sentences in which both a
                           * and b are hit; the diagonal [a, a] counts the
                           * sentences in which a is hit */
} LmProfile;

/**
 * lm_profile_build:
 * @analyzer: the pipeline (its vocabulary grows)
 * @text: the text
 * @segmentation: (nullable): its voices; without one every word is "all"
 * @voice_mask: the voices to profile, LM_VOICE_BIT() ored
 *
 * Returns: (transfer full): the profile.
 */
LmProfile *lm_profile_build (LmAnalyzer *analyzer, LmText *text,
                             const LmSegmentation *segmentation, guint voice_mask);
void lm_profile_free (LmProfile *profile);

/* Sentences in which both @a and @b are hit (@a = @b: in which @a is hit). */
static inline guint64
lm_profile_cooccurrence (const LmProfile *p, guint a, guint b)
{
  return p->cooccurrence[a * p->n_categories + b];
}

/* The frequency of @stem, 0 if absent. */
guint64 lm_profile_stem_count (const LmProfile *profile, const char *stem);

/* Returns: (transfer container): the forms of @stem sorted by count
 * descending then form (borrowed char*); empty if the stem is absent. */
GPtrArray *lm_profile_stem_forms (const LmProfile *profile, const char *stem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmProfile, lm_profile_free)

G_END_DECLS
