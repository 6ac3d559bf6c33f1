/* stemmer.h - LmStemmer: Snowball's English (Porter2) stemmer, libstemmer_c.
 *
 * The only module that includes libstemmer.h.  Input must already be folded
 * the way the tokenizer folds words (NFKC, case-folded, U+2019 turned into
 * U+0027): Snowball expects lower-case composed text and does no folding.
 *
 * Thread safety: an LmStemmer is NOT thread-safe (sb_stemmer keeps its
 * state and result buffer inside); create one per thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LmStemmer LmStemmer;

/* Returns: (transfer full) (nullable): an English stemmer, or %NULL with
 * LM_ERROR_STEMMER set when libstemmer cannot create one. */
LmStemmer *lm_stemmer_new (GError **error);
void lm_stemmer_free (LmStemmer *stemmer);

/**
 * lm_stemmer_stem:
 * @word: folded UTF-8 word, @len bytes
 * @out_len: (out): the stem's length in bytes
 *
 * Returns: (transfer none): the stem, NUL-terminated, owned by the stemmer
 * and valid only until its next call: copy it out.  Never %NULL: if
 * libstemmer fails (out of memory) the word itself is returned.
 */
const char *lm_stemmer_stem (LmStemmer *stemmer, const char *word, gsize len,
                             gsize *out_len);

/* The algorithm and library version recorded in run manifests,
 * e.g. "snowball english (libstemmer 2.2.0-2)". (transfer none) */
const char *lm_stemmer_describe (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmStemmer, lm_stemmer_free)

G_END_DECLS
