/* fuzz-lexicon.c - the lexicon parser (lexicon.h, keyfile.h) and the matcher.
 *
 * The input is a lexicon .ini.  Loading must succeed or fail with a GError
 * naming the input; a lexicon that loads is then queried and used to analyze
 * a fixed passage, so that fuzzed patterns (gaps, prefixes, exclusions) run
 * through the matcher.
 */
#include "analysis/analyzer.h"
#include "core/keyfile.h"
#include "core/stemmer.h"
#include "core/stoplist.h"
#include "fuzz.h"
#include "lexicon/lexicon.h"

static const char passage[] =
  "Kathy H. remembers Hailsham: the donors, the carers, the sale and the "
  "Exchange. She never lets go of the tape, \"Never Let Me Go\", and Tommy's "
  "rage in the field. Is it science fiction? Some called it sci-fi; others "
  "a dystopian novel, a love story, not quite a fable. Let me go, let them "
  "go, let us all go now. Ruth completes; Tommy completes. Hope, hoping, "
  "hopeless. Art reveals the soul, the gallery, Madame. Memory, memories, "
  "remembering, lost corner of Norfolk, lost property, lost things.\n\n"
  "A new paragraph: don’t you see? Cloning, clones, the clone's life.";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static LmStemmer *stemmer;
  static LmStoplist *stoplist;
  static LmText *text;
  if (stemmer == NULL)
    {
      stemmer = lm_stemmer_new (NULL);
      stoplist = lm_stoplist_new_from_data ("<stop>", "the\nand\nme\nof\na\nit\n",
                                            -1, NULL);
      text = lm_text_new_from_data ("<passage>", passage, -1, LM_TEXT_NONE, NULL);
      if (stemmer == NULL || stoplist == NULL || text == NULL)
        lm_fuzz_fail ("set-up");
    }

  /* The key-file layer alone. */
  g_autoptr(GError) kf_error = NULL;
  g_autoptr(LmKeyFile) kf = lm_key_file_new_from_data ("<fuzz>", (const char *) data,
                                                       (gssize) size, &kf_error);
  if ((kf == NULL) == (kf_error == NULL))
    lm_fuzz_fail ("key file: result and error disagree");
  if (kf != NULL)
    {
      const GPtrArray *groups = lm_key_file_get_groups (kf);
      for (guint i = 0; i < groups->len; i++)
        {
          const char *group = g_ptr_array_index (groups, i);
          (void) lm_key_file_get_line (kf, group, NULL);
          const GPtrArray *keys = lm_key_file_get_keys (kf, group);
          for (guint k = 0; keys != NULL && k < keys->len; k++)
            (void) lm_key_file_get_line (kf, group, g_ptr_array_index (keys, k));
        }
    }

  g_autoptr(GError) error = NULL;
  g_autoptr(LmLexicon) lexicon = lm_lexicon_new_from_data ("<fuzz>", (const char *) data,
                                                           (gssize) size, stemmer,
                                                           &error);
  if ((lexicon == NULL) == (error == NULL))
    lm_fuzz_fail ("lexicon: result and error disagree");
  if (lexicon == NULL)
    return 0;

  for (guint i = 0; i < lm_lexicon_get_n_patterns (lexicon); i++)
    {
      const LmPattern *p = lm_lexicon_get_pattern (lexicon, i);
      if (p->n_elements == 0 || p->n_elements > LM_LEXICON_MAX_ELEMENTS
          || p->category >= lm_lexicon_get_n_categories (lexicon))
        lm_fuzz_fail ("pattern shape");
      for (guint e = 0; e < p->n_elements; e++)
        if (p->atoms[e] >= lm_lexicon_get_n_atoms (lexicon)
            || p->gaps[e] > LM_LEXICON_MAX_GAP)
          lm_fuzz_fail ("pattern atom or gap out of range");
    }

  g_autoptr(LmAnalyzer) analyzer = lm_analyzer_new (lexicon, stoplist, NULL);
  if (analyzer == NULL)
    lm_fuzz_fail ("analyzer");
  LmDocStats *stats = lm_analyzer_analyze (analyzer, text, NULL,
                                           LM_ANALYZE_FORMS | LM_ANALYZE_EVIDENCE);
  lm_doc_stats_free (stats);
  return 0;
}
