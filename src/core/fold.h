/* fold.h - the character folding shared by the tokenizer, the lexicon and
 * the stop list, so that a word means the same thing everywhere.
 *
 * Folding of a string: NFKC normalisation (g_utf8_normalize with
 * G_NORMALIZE_ALL_COMPOSE), then full case folding (g_utf8_casefold), then
 * U+2019 RIGHT SINGLE QUOTATION MARK becomes U+0027 APOSTROPHE (so "don’t"
 * and "don't" are one word, and Snowball, which knows only U+0027, strips the
 * possessive of "Ishiguro’s").
 *
 * Thread safety: all functions are pure and thread-safe.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Character classes of the token rules, decided on folded characters. */
typedef enum
{
  LM_CHAR_SEPARATOR,  /* anything else: spaces, punctuation, symbols, No */
  LM_CHAR_LETTER,     /* L*: Lu Ll Lt Lm Lo */
  LM_CHAR_WORD_OTHER, /* M* (Mn Mc Me) and Nd */
  LM_CHAR_APOSTROPHE, /* U+0027 and U+2019 */
} LmCharClass;

LmCharClass lm_char_class (gunichar c);

/* Returns: (transfer full) (nullable): the folded string, or %NULL if @s is
 * not valid UTF-8.  @len may be -1 for NUL-terminated input. */
char *lm_fold (const char *s, gssize len);

G_END_DECLS
