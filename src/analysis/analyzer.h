/* analyzer.h - LmAnalyzer: the whole pipeline for one thread.
 *
 * text -> tokenizer -> vocab (fold, stem, stop flag, atoms) -> sentences ->
 * matcher -> LmDocStats.  An analyzer owns one tokenizer, one stemmer, one
 * vocabulary and one matcher, and reuses them across texts so that each
 * distinct word is stemmed once per thread.
 *
 * Sentences are buffered token by token and matched when the next sentence
 * starts; a sentence longer than LM_ANALYZER_MAX_SENTENCE tokens is matched
 * in pieces of that size (phrases cannot span the cut): memory stays bounded
 * on text without punctuation.
 *
 * The vocabulary (about 220 bytes a distinct word) lives across texts so
 * that a word is stemmed once; when it holds more than
 * LM_ANALYZER_MAX_VOCAB words it is emptied before the next text, so that a
 * batch of texts full of distinct words ("10 million random words" each)
 * costs memory in proportion to its largest text, not to all of them.
 * LmToken and LmWord pointers given to visitors are therefore valid during
 * the lm_analyzer_walk() or lm_analyzer_analyze() call only.
 *
 * Ownership: the lexicon and stop list are borrowed and must outlive the
 * analyzer.  Thread safety: one analyzer per thread; the lexicon and stop
 * list may be shared.
 */
#pragma once

#include <glib.h>

#include "core/stoplist.h"
#include "core/text.h"
#include "core/token.h"
#include "docstats.h"
#include "segmenter.h"
#include "lexicon/lexicon.h"
#include "lexicon/matcher.h"

G_BEGIN_DECLS

#define LM_ANALYZER_MAX_SENTENCE 2048
#define LM_ANALYZER_MAX_VOCAB (1u << 20)

typedef enum
{
  LM_ANALYZE_COUNTS = 0,           /* counts only */
  LM_ANALYZE_FORMS = 1 << 0,       /* surface forms behind each category */
  LM_ANALYZE_EVIDENCE = 1 << 1,    /* bounded evidence lines */
} LmAnalyzeFlags;

typedef struct _LmAnalyzer LmAnalyzer;

/* Called for each token, after stemming, in text order. */
typedef void (*LmTokenVisitor) (const LmToken *token, gpointer user_data);
/* Called for each hit with the sentence it lies in. */
typedef void (*LmHitVisitor) (const LmHit *hit, const LmToken *sentence,
                              guint n_tokens, gpointer user_data);

/* Returns: (transfer full) (nullable): an analyzer, or %NULL with
 * LM_ERROR_STEMMER. */
LmAnalyzer *lm_analyzer_new (const LmLexicon *lexicon,
                             const LmStoplist *stoplist, GError **error);
void lm_analyzer_free (LmAnalyzer *analyzer);

/* @segmentation: (nullable): the voices of @text; without it every token
 * counts under "all" only.
 * Returns: (transfer full): the counts for @text. */
LmDocStats *lm_analyzer_analyze (LmAnalyzer *analyzer, LmText *text,
                                 const LmSegmentation *segmentation,
                                 LmAnalyzeFlags flags);

/* Runs the pipeline over @text calling @on_token for every token and
 * @on_hit (nullable) for every hit, without counting.  With a segmentation
 * each token carries the voice of the span it starts in (and
 * LM_TOKEN_QUOTED_TERM inside a short quoted term), and a sentence is also
 * cut where prose meets a comment or boilerplate; quotations stay inside the
 * critic's sentence.  A hit counts in the voice of its first token. */
void lm_analyzer_walk (LmAnalyzer *analyzer, LmText *text,
                       const LmSegmentation *segmentation,
                       LmTokenVisitor on_token, LmHitVisitor on_hit,
                       gpointer user_data);

/* Turns the speed-ups off (tokenizer fast paths, skipping sentences without
 * lexicon words) or on; results are the same, as a test checks. */
void lm_analyzer_set_fast_paths (LmAnalyzer *analyzer, gboolean enabled);

/* For callers that need stems only to match the lexicon (counting): new
 * words that cannot meet a stem term are not stemmed (their LmWord.stem is
 * NULL; see lm_lexicon_may_match_stem).  Counts are the same either way;
 * reports that list stems (profiles, `tokens`) must leave it off, the
 * default.  Ignored while the fast paths are off. */
void lm_analyzer_set_lexicon_stems_only (LmAnalyzer *analyzer, gboolean only);

/* Changes LM_ANALYZER_MAX_VOCAB for this analyzer (tests use a small one). */
void lm_analyzer_set_max_vocab (LmAnalyzer *analyzer, guint max_words);

/* (transfer none): valid until the next text is analyzed (see above). */
LmVocab *lm_analyzer_get_vocab (LmAnalyzer *analyzer);
LmStemmer *lm_analyzer_get_stemmer (LmAnalyzer *analyzer);
const LmLexicon *lm_analyzer_get_lexicon (LmAnalyzer *analyzer);

/* The display form of a hit: its matched words' folded forms joined by
 * spaces, with "…" where a gap skipped words. (transfer full) */
char *lm_hit_form (const LmHit *hit, const LmToken *sentence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmAnalyzer, lm_analyzer_free)

G_END_DECLS
