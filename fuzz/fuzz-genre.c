/* fuzz-genre.c - the genre-stance rules (genre.h) over the whole pipeline.
 *
 * The input is an essay, read leniently, segmented, analyzed against the
 * project's lexicon (lexicons/never-let-me-go.ini, which has the genre
 * categories) and scanned for genre mentions.  Invariants: every mention has
 * a genre category, a stance, a family and its strings.
 */
#include "analysis/analyzer.h"
#include "analysis/genre.h"
#include "analysis/segmenter.h"
#include "core/stoplist.h"
#include "fuzz.h"
#include "lexicon/lexicon.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static LmLexicon *lexicon;  /* loaded once, immutable */
  static LmStoplist *stoplist;
  if (lexicon == NULL)
    {
      g_autoptr(GError) error = NULL;
      /* Needed only to stem the lexicon's terms. */
      g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
      if (stemmer != NULL)
        lexicon = lm_lexicon_load (LM_FUZZ_SRCDIR "/lexicons/never-let-me-go.ini",
                                   stemmer, &error);
      if (lexicon != NULL)
        stoplist = lm_stoplist_load (LM_FUZZ_SRCDIR "/stopwords/english.txt", &error);
      if (stoplist == NULL)
        lm_fuzz_fail (error ? error->message : "set-up");
    }
  /* A fresh analyzer each input: its vocabulary would otherwise grow with
   * every word the fuzzer invents, and hide leaks. */
  g_autoptr(LmAnalyzer) analyzer = lm_analyzer_new (lexicon, stoplist, NULL);
  if (analyzer == NULL)
    lm_fuzz_fail ("analyzer");

  g_autoptr(LmText) text = lm_text_new_from_data ("<fuzz>", (const char *) data,
                                                  (gssize) size, LM_TEXT_LENIENT,
                                                  NULL);
  if (text == NULL)
    lm_fuzz_fail ("lenient read failed");
  g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);

  LmDocStats *stats = lm_analyzer_analyze (analyzer, text, seg,
                                           LM_ANALYZE_FORMS | LM_ANALYZE_EVIDENCE);
  lm_doc_stats_free (stats);

  g_autoptr(GArray) mentions = lm_genre_mentions (analyzer, text, seg);
  for (guint i = 0; i < mentions->len; i++)
    {
      const LmGenreMention *m = &g_array_index (mentions, LmGenreMention, i);
      if (m->category >= lm_lexicon_get_n_categories (lexicon)
          || lm_lexicon_get_category (lexicon, m->category)->kind != LM_CATEGORY_GENRE
          || m->stance >= LM_N_STANCES || m->family == NULL || m->source == NULL
          || m->cue == NULL || m->form == NULL || m->sentence == NULL)
        lm_fuzz_fail ("genre mention fields");
      (void) lm_stance_to_string (m->stance);
    }
  /* Without voices too. */
  g_autoptr(GArray) plain = lm_genre_mentions (analyzer, text, NULL);
  if (plain == NULL)
    lm_fuzz_fail ("genre mentions without voices");
  return 0;
}
