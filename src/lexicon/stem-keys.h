/* stem-keys.h - LmStemKeys: which words could stem to one of a set of
 * stems, decided without stemming them.
 *
 * Stemming is the dearest step for a word seen for the first time, and
 * `count` needs a word's stem only to match the lexicon's stem terms.  A
 * Porter2 stem keeps the start of its word: only suffixes change, and the
 * changes that reach back (y -> i, an 'e' restored at the end: "hoping" ->
 * "hope", "dying" -> "die", "using" -> "use"; "-biliti" -> "-ble":
 * "inability" -> "inabl") are covered by comparing
 *   key(stem) = norm(stem) without a final 'e', and then, if it has more
 *               than LM_STEM_KEY_CHARS characters, without its last one
 *   norm(x)   = x with every 'y' after the first character read as 'i'
 * with the start of norm(word): a word can stem to s only if norm(word)
 * starts with key(s).  This holds for every suffix rule of Porter2 (only
 * "-biliti" changes a letter before the last of the stem), and was checked
 * on Snowball's whole test vocabulary (29,417 words, tests/test-stem-keys.c)
 * and, with PyStemmer, on 185,884 distinct words (those of the benchmark
 * corpus, split by a regular expression, and Snowball's).  The words'
 * first LM_STEM_KEY_CHARS characters are looked up in a fast table, longer
 * keys only under a short key that starts them.
 *
 * Short stems make short keys ("a", "in", "me" of the lexicon's phrases),
 * and a key of one letter lets through every word that starts with it.  So
 * a key also keeps the length of its longest stem, and a word passes only
 * if that stem is no shorter than the fewest characters Porter2 can leave
 * of the word (a bound read off the algorithm's steps in stem-keys.c:
 * "about" cannot stem to "a", nor "mother" to "me").  With the default
 * lexicon 1 new word in 10 passes, not 3 in 10 (6,722 of the 65,319
 * distinct words of the first 10% of the benchmark corpus).  The counts
 * with and without this shortcut are compared by
 * tests/perf/test-equivalence.sh, and on the whole corpus by hand.
 *
 * Ownership: the keys are copied.  Thread safety: build, then share
 * read-only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LM_STEM_KEY_CHARS 4

typedef struct _LmStemKeys LmStemKeys;

LmStemKeys *lm_stem_keys_new (void);
void lm_stem_keys_free (LmStemKeys *keys);

/* Adds the key of @stem (UTF-8, NUL-terminated). */
void lm_stem_keys_add (LmStemKeys *keys, const char *stem);

/* Call once every stem is added, before sharing the keys: builds the table
 * of the fast path (without it, lm_stem_keys_may_match() is slower, not
 * wrong; adding a stem later drops the table until the next seal). */
void lm_stem_keys_seal (LmStemKeys *keys);

/* @folded: a folded word of @len bytes.
 * Returns: %FALSE only when no stem added can be the word's stem. */
gboolean lm_stem_keys_may_match (const LmStemKeys *keys, const char *folded, gsize len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmStemKeys, lm_stem_keys_free)

G_END_DECLS
