/* test-word-filter.c - LmWordFilter (core/word-filter.h): never "no" for a
 * word that was added; "no" for words that differ in length or first two
 * bytes from every word added. */
#include <criterion/criterion.h>
#include <string.h>

#include "core/word-filter.h"

static gboolean
may (const LmWordFilter *f, const char *word)
{
  return lm_word_filter_may_contain (f, word, strlen (word));
}

Test (word_filter, empty_filter_says_no_to_everything)
{
  LmWordFilter f;
  lm_word_filter_init (&f);
  cr_expect_not (may (&f, ""));
  cr_expect_not (may (&f, "a"));
  cr_expect_not (may (&f, "the"));
}

Test (word_filter, every_added_word_passes)
{
  LmWordFilter f;
  lm_word_filter_init (&f);
  const char *words[] = { "the", "a", "yourselves", "don't", "\u00e9t\u00e9", "" };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    lm_word_filter_add (&f, words[i], strlen (words[i]));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    cr_expect (may (&f, words[i]), "\"%s\" was added", words[i]);
}

Test (word_filter, rejects_by_length_and_first_two_bytes)
{
  LmWordFilter f;
  lm_word_filter_init (&f);
  lm_word_filter_add (&f, "the", 3);
  lm_word_filter_add (&f, "then", 4);
  lm_word_filter_add (&f, "a", 1);
  cr_expect_not (may (&f, "therefore"), "longer than any word added");
  cr_expect_not (may (&f, ""), "shorter than any word added");
  cr_expect_not (may (&f, "cat"), "no word added starts with \"ca\"");
  cr_expect_not (may (&f, "i"), "no one-byte word \"i\" added");
  cr_expect (may (&f, "they"), "same first two bytes and a length in range: maybe");
  cr_expect (may (&f, "a"));
  /* a word of one byte does not stand for the longer words it starts */
  cr_expect_not (may (&f, "an"));
}

Test (word_filter, bytes_above_ascii)
{
  LmWordFilter f;
  lm_word_filter_init (&f);
  lm_word_filter_add (&f, "\u00e9t\u00e9", strlen ("\u00e9t\u00e9"));
  cr_expect (may (&f, "\u00e9tat"), "same first two bytes, same length in bytes: maybe");
  cr_expect_not (may (&f, "\u00e8te"), "\u00e8 and \u00e9 differ in their second byte");
}
