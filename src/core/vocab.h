/* vocab.h - LmVocab: every distinct folded word, interned once.
 *
 * Stemming, the stop-word flag and the lexicon atoms a word matches are
 * computed once per distinct word (the vocabulary of prose is small and
 * Zipfian), and every later token of that word shares its LmWord.
 *
 * Ownership: the vocab borrows its stemmer and stop list (they must outlive
 * it) and owns every LmWord; LmWord pointers stay valid while the vocab lives.
 * Thread safety: not thread-safe (it stems with its stemmer); one per thread.
 */
#pragma once

#include <glib.h>

#include "stemmer.h"
#include "stoplist.h"

G_BEGIN_DECLS

typedef struct
{
  const char *folded;   /* NFKC + case-folded, apostrophe as U+0027 */
  const char *stem;     /* Porter2 stem of @folded; NULL when a stem filter
                         * (lm_vocab_set_stem_filter) said it is not needed */
  guint32 folded_len, stem_len;
  guint32 id;           /* dense, in order of first appearance */
  guint32 stem_id;      /* dense id of the stem (G_MAXUINT32 without one) */
  gboolean stop;        /* in the stop list */
  guint32 n_atoms;      /* lexicon atoms this word matches (see annotator) */
  const guint32 *atoms;
} LmWord;

typedef struct _LmVocab LmVocab;

/* Fills @atoms with the lexicon atom ids that @word matches, in ascending
 * order; called once per new word. */
typedef void (*LmWordAnnotator) (const LmWord *word, GArray *atoms,
                                 gpointer user_data);

/* Returns: (transfer full): an empty vocabulary. */
LmVocab *lm_vocab_new (LmStemmer *stemmer, const LmStoplist *stoplist);
void lm_vocab_free (LmVocab *vocab);

/* Sets the function that attaches lexicon atoms to new words; must be called
 * before the first lm_vocab_intern(). */
void lm_vocab_set_annotator (LmVocab *vocab, LmWordAnnotator annotator,
                             gpointer user_data);

/* Decides whether a new word needs its stem. */
typedef gboolean (*LmStemFilter) (const char *folded, gsize len, gpointer user_data);

/* With a filter, a new word is stemmed only when @filter returns %TRUE (its
 * stem is NULL otherwise); %NULL (the default) stems every word.  Words
 * already interned keep what they have.  Stemming is the dearest step of a
 * new word, and most of a large vocabulary never meets the lexicon. */
void lm_vocab_set_stem_filter (LmVocab *vocab, LmStemFilter filter,
                               gpointer user_data);

/* @folded: a folded word, NUL-terminated at @len (as the tokenizer gives it).
 * Returns: (transfer none): the word, interned. */
const LmWord *lm_vocab_intern (LmVocab *vocab, const char *folded, gsize len);
/* As lm_vocab_intern(), with the word's lm_word_hash() already computed (the
 * tokenizer gives it with every token). */
const LmWord *lm_vocab_intern_hashed (LmVocab *vocab, const char *folded, gsize len,
                                      guint32 hash);

guint lm_vocab_size (const LmVocab *vocab);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmVocab, lm_vocab_free)

G_END_DECLS
