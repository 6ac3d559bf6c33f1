/* tokenizer.h - LmTokenizer: the exact word rules of leitmotif.
 *
 * The rules, so that anyone can reproduce the counts:
 *  1. Text is NFKC-normalised and case-folded (see fold.h).  Normalisation
 *     is applied per unit: a character together with the combining marks
 *     that follow it (canonical combining class > 0).  This equals whole-text
 *     NFKC except where NFKC composes two starters (Hangul conjoining jamo,
 *     a few Indic two-part vowels), a known and documented limit.
 *  2. A word is a maximal run of letters (L*), marks (M*) and decimal digits
 *     (Nd) that contains at least one letter, classes decided on the folded
 *     characters.  A run without a letter ("1984", "(274)") is not a word.
 *  3. An apostrophe (U+0027 or U+2019) between two letters stays inside the
 *     word ("Ishiguro’s", "don’t"), folded to U+0027; anywhere else it
 *     separates.
 *  4. Everything else separates words: hyphens ("sci-fi" is two words),
 *     dashes ("––"), spaces, punctuation, symbols.
 *  5. Every token keeps the byte offsets of its surface form in the text and
 *     the line and column (in characters, from 1) where it starts.
 *  6. Sentence starts: the first word, a word after a blank line (only
 *     white space between two line breaks), and a word after '.', '!' or '?'
 *     (including NFKC's "..." for "…").  Abbreviations ("Dr. Who") therefore
 *     start a sentence: a known limit.
 *  7. A folded word longer than LM_TOKENIZER_MAX_WORD bytes is cut at a
 *     character boundary and flagged LM_TOKEN_TRUNCATED, so that a hostile
 *     100 MB "word" costs bounded memory.
 * Any change to these rules bumps LM_TOKENIZER_VERSION, which every run
 * manifest records.
 *
 * Thread safety: an LmTokenizer is not thread-safe; use one per thread.  It
 * keeps a cache of folded characters across runs, so reuse it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LM_TOKENIZER_VERSION 1
#define LM_TOKENIZER_MAX_WORD 512

typedef enum
{
  LM_TOKEN_SENTENCE_START = 1 << 0,
  LM_TOKEN_PARAGRAPH_START = 1 << 1,
  LM_TOKEN_HYPHEN_BEFORE = 1 << 2, /* joined to the previous word by one hyphen */
  LM_TOKEN_TRUNCATED = 1 << 3,
  /* set by the analysis, not the tokenizer: */
  LM_TOKEN_QUOTED_TERM = 1 << 4, /* inside a short quoted term (scare quotes) */
} LmTokenFlags;

typedef struct
{
  gsize start, end;   /* byte offsets of the surface form */
  guint line, col;    /* where it starts, 1-based; col in characters */
  guint flags;        /* LmTokenFlags */
  const char *folded; /* the folded word, NUL-terminated; valid during the
                         callback only */
  gsize folded_len;
  guint32 hash;       /* lm_word_hash (folded, folded_len) */
} LmRawToken;

/* The hash the tokenizer gives each folded word (FNV-1a, 32 bits), so that
 * the vocabulary need not hash it again. */
static inline guint32
lm_word_hash (const char *s, gsize len)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

/* Called for every word; return %FALSE to stop the run. */
typedef gboolean (*LmTokenFunc) (const LmRawToken *token, gpointer user_data);

typedef struct _LmTokenizer LmTokenizer;

/* Returns: (transfer full): a tokenizer. */
LmTokenizer *lm_tokenizer_new (void);
void lm_tokenizer_free (LmTokenizer *tokenizer);

/* Fast paths on (the default) or off: off, every character goes through the
 * full rules.  The output is the same either way; tests check it. */
void lm_tokenizer_set_fast_paths (LmTokenizer *tokenizer, gboolean enabled);

/**
 * lm_tokenizer_run:
 * @data: valid UTF-8 (as LmText guarantees), @len bytes
 * @func: called for each word, in text order
 *
 * Returns: the number of words emitted.
 */
guint64 lm_tokenizer_run (LmTokenizer *tokenizer, const char *data, gsize len,
                          LmTokenFunc func, gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmTokenizer, lm_tokenizer_free)

G_END_DECLS
