/* fuzz-liwc.c - the LIWC .dic converter (liwc.h).
 *
 * The input is a dictionary.  Conversion must succeed or fail with a GError;
 * what it produces is lexicon text, which is then compiled.
 */
#include "core/stemmer.h"
#include "fuzz.h"
#include "lexicon/liwc.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static LmStemmer *stemmer;
  if (stemmer == NULL && (stemmer = lm_stemmer_new (NULL)) == NULL)
    lm_fuzz_fail ("set-up");

  g_autoptr(GError) error = NULL;
  g_autofree char *ini = lm_liwc_to_keyfile ("fuzz.dic", (const char *) data, size,
                                             &error);
  if ((ini == NULL) == (error == NULL))
    lm_fuzz_fail ("liwc: result and error disagree");
  if (ini == NULL)
    return 0;

  g_autoptr(GError) lex_error = NULL;
  g_autoptr(LmLexicon) lexicon = lm_lexicon_new_from_data ("fuzz.dic", ini, -1,
                                                           stemmer, &lex_error);
  if ((lexicon == NULL) == (lex_error == NULL))
    lm_fuzz_fail ("lexicon: result and error disagree");
  return 0;
}
