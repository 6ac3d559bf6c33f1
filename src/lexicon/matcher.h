/* matcher.h - LmMatcher: finds a lexicon's terms in a sentence of tokens.
 *
 * Matching rules:
 *  - a pattern matches a run of tokens inside one sentence: its first element
 *    on a token, each further element on a later token with at most the
 *    pattern's gap of other words in between (0 = adjacent);  when several
 *    tokens could match the next element, the nearest is taken, so a match is
 *    as short as it can be;
 *  - stop words take part like any other word ("let me go");
 *  - an exclusion of a category suppresses every match of that category that
 *    shares a token with it ("Never Let Me Go" is never letting-go);
 *  - within one category, overlapping matches count once: the longest wins,
 *    then the earliest, then the first-listed term; a token may still count in
 *    two different categories.
 * Hits are reported in text order (then category order), deterministically.
 *
 * Thread safety: an LmMatcher keeps scratch buffers; use one per thread.  The
 * lexicon is shared and read-only.
 */
#pragma once

#include <glib.h>

#include "core/token.h"
#include "lexicon.h"

G_BEGIN_DECLS

typedef struct
{
  guint category;
  const LmPattern *pattern;
  guint first, last; /* token indexes within the sentence passed */
  guint positions[LM_LEXICON_MAX_ELEMENTS]; /* token index of each element */
} LmHit;

typedef void (*LmHitFunc) (const LmHit *hit, const LmToken *sentence,
                           gpointer user_data);

typedef struct _LmMatcher LmMatcher;

/* @lexicon: (transfer none), must outlive the matcher. */
LmMatcher *lm_matcher_new (const LmLexicon *lexicon);
void lm_matcher_free (LmMatcher *matcher);

/* The annotator to install on an LmVocab so that words carry their atoms:
 * lm_vocab_set_annotator (vocab, lm_matcher_annotate_word, lexicon). */
void lm_matcher_annotate_word (const LmWord *word, GArray *atoms,
                               gpointer lexicon);

/* Finds every hit in @tokens[0..@n) (one sentence) and calls @func. */
void lm_matcher_match_sentence (LmMatcher *matcher, const LmToken *tokens,
                                guint n, LmHitFunc func, gpointer user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmMatcher, lm_matcher_free)

G_END_DECLS
