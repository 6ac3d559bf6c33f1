/* genre.h - which genre a writer gives the novel, and how.
 *
 * Every match of a [genre ...] category of the lexicon is a mention; each
 * mention gets a stance, decided by rules over its sentence, in this order
 * (the first that applies wins; the cue that decided is kept as evidence):
 *
 *  1. not a label ("mention"): the word does not classify anything: an
 *     adverb ("ends tragically"), "the horror of ...", a setting ("living in
 *     such a dystopia", "lapses into horror"), the characters' possession
 *     ("Tommy and Kathy's love story"), an adjective on a word that is not a
 *     genre noun ("dystopian systems", "a tragic effort"), a genre word that
 *     describes a person ("the horror novelist");
 *  2. reported speech ("attributed"): a reporting verb (described, called,
 *     considers, dubbed, marketed, referred to as, according to ...) before
 *     the mention in its sentence, whose subject is not "I" or "we"; the
 *     source is the nearest name before the verb (a run of capitalised
 *     words; a publication after "for" or "in" is kept in parentheses), a
 *     by-agent, or a generic source (critics, reviewers, publishers,
 *     marketing, readers, the writer ...); "marketed/billed/sold as" without
 *     a named agent is attributed to marketing.  Then:
 *       - endorsed ("frames it best", "rightly", "aptly", "I agree", "glad",
 *         "most appropriate") -> "asserted", source kept, cue "endorsement";
 *       - disputed ("annoying", "wrong", "mislabelled", "misleading",
 *         "reductive") -> "rejected", source kept;
 *  3. the writer's taste ("mention"): first person with a taste verb
 *     ("I normally don't like science fiction", "a fan of coming of age
 *     stories");
 *  4. comparison with another book ("mention"): "unlike", "such as",
 *     "compared with", "similar to" before the mention in its clause;
 *  5. question: a sentence ending in "?" is "rejected" when the next
 *     sentence answers "No", "Not really", "Hardly"; otherwise "mention";
 *  6. negation and contrast ("rejected"): not, never, no, n't, hardly, far
 *     from, rather than, instead of, more than a mere / just, anything but,
 *     in the mention's clause before it (clauses split at ; : and at "but",
 *     "yet", "whereas", "although", ", it is" ...); "not only" is no negation;
 *  7. hedges ("hedged"): quasi-/semi-/pseudo- joined by a hyphen, "elements
 *     of", "a touch of", "shades of", "attributes of", "borders on", "verges
 *     on", "skirts", "not quite", "sort of", "something of a", "in a sense",
 *     "reads like" ... in the clause before the mention;
 *  8. first person without a classifying frame ("mention"): "when I hear
 *     'British science fiction', I think of Dr. Who";
 *  9. otherwise a label of the novel ("asserted") if it stands in a
 *     classifying frame ("is a", "as a", "a ... novel", a genre noun after
 *     it) or is a genre noun that needs none (dystopia, science fiction,
 *     Bildungsroman ...); words that are often not genres (horror, tragedy,
 *     romance, fantasy, diary, memoir, thriller, coming of age) need the
 *     frame, else "mention".
 * "Its sentence" is at most LM_GENRE_MAX_CONTEXT words either side of the
 * mention (and so is the sentence kept with it): in a sentence of
 * thousands of words full of genre words (hostile or broken input) each
 * mention then costs bounded time, not time in proportion to the sentence.
 * Known limits: no parsing, so the classified object is assumed to be the
 * novel unless a comparison cue says otherwise; pronoun sources ("he said")
 * resolve to the nearest name in the same sentence only; irony is not seen.
 *
 * The cues of every rule (the words, and for the triggers their direction
 * and scope, pseudo-triggers and the clause terminators) are data:
 * lexicons/stance.ini (stance-rules.h), built in; the order of the rules is
 * the code of classify() in genre.c.
 *
 * Thread safety: the functions are reentrant; use one analyzer per thread.
 */
#pragma once

#include <glib.h>

#include "analyzer.h"
#include "segmenter.h"
#include "stance-rules.h"

G_BEGIN_DECLS

#define LM_GENRE_MAX_CONTEXT 128

typedef enum
{
  LM_STANCE_ASSERTED,
  LM_STANCE_ATTRIBUTED,
  LM_STANCE_REJECTED,
  LM_STANCE_HEDGED,
  LM_STANCE_MENTION,
  LM_N_STANCES
} LmStance;

typedef struct
{
  guint category;     /* the genre category of the lexicon */
  LmVoice voice;      /* the voice of its first word: critic, quotation, comment */
  gboolean novel_quote; /* inside a quotation of the novel (Ishiguro's words) */
  gint comment;       /* the comment it stands in, or -1 */
  LmStance stance;
  char *source;       /* who is reported ("" when unnamed or not attributed) */
  char *cue;          /* the words that decided, e.g. "described (reported speech)" */
  const char *family; /* plain, copula, negation, contrast, reported-speech,
                         endorsement, hedge, question, comparison, taste,
                         non-classifying */
  char *form;         /* the matched words */
  const LmStanceCues *trigger; /* the stance.ini cues that decided, or %NULL
                                  when a rule's own test did (borrowed from the
                                  rules, which outlive the mention) */
  guint line, col;
  char *sentence;     /* the sentence, white space folded */
} LmGenreMention;

/* "asserted", "attributed", "rejected", "hedged", "mention". */
const char *lm_stance_to_string (LmStance stance);

/**
 * lm_genre_mentions:
 * @analyzer: its lexicon's genre categories are the genres
 * @segmentation: (nullable): the voices of @text
 *
 * Returns: (transfer full): an array of LmGenreMention in text order; free
 * with g_array_unref (a clear function frees the strings).
 */
GArray *lm_genre_mentions (LmAnalyzer *analyzer, LmText *text,
                           const LmSegmentation *segmentation);

G_END_DECLS
