/* word-filter.h - LmWordFilter: a quick "certainly not in the set" for
 * small sets of folded words (the stop list, a lexicon's exact forms).
 *
 * Each new word of a text is looked up in those sets once; most are in
 * none.  Hashing the word for a GHashTable costs more than the rest of the
 * lookup, so the filter answers first from the word's length and its first
 * two bytes, and the table is asked only when the filter says "maybe".
 *
 * Ownership: a plain struct (8 KiB), embedded or allocated by its owner;
 * nothing to free.  Thread safety: fill, then share read-only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize min_len, max_len;   /* of the words added, in bytes; min > max: none */
  guint8 first[256 / 8];    /* first bytes of the one-byte words */
  guint8 pairs[65536 / 8];  /* first two bytes of the longer words */
  gboolean has_empty;       /* the empty word was added */
} LmWordFilter;

/* An empty filter: says "no" to every word. */
void lm_word_filter_init (LmWordFilter *filter);

/* Adds @word (@len bytes). */
void lm_word_filter_add (LmWordFilter *filter, const char *word, gsize len);

/* Returns: %FALSE only when @word (@len bytes) was never added. */
static inline gboolean
lm_word_filter_may_contain (const LmWordFilter *f, const char *word, gsize len)
{
  if (len < f->min_len || len > f->max_len)
    return FALSE;
  if (len == 0)
    return f->has_empty;
  if (len == 1)
    return f->first[(guint8) word[0] >> 3] >> ((guint8) word[0] & 7) & 1;
  guint pair = (guint) (guint8) word[0] << 8 | (guint8) word[1];
  return f->pairs[pair >> 3] >> (pair & 7) & 1;
}

G_END_DECLS
