/* genre.h - which genre a writer gives the novel, and how.
 *
 * Every match of a [genre ...] category of the lexicon is a mention; each
 * mention gets a stance, decided by rules over its sentence, in this order
 * (the first that applies wins; the cue that decided is kept as evidence,
 * and the stance.ini cues behind it as the mention's trigger):
 *
 *  0. a label on the book ("attributed"): a genre word before a shelf,
 *     section or category ("on the Dystopian shelf");
 *  1. not a label ("mention"): the word does not classify anything: an
 *     adverb ("ends tragically"), "the horror of ...", a genre word before
 *     "film", "series", "show" (another medium), a setting ("living in such
 *     a dystopia", "lapses into horror"; but a genre entered as a territory,
 *     "a foray into science fiction", is a label, and so is a setting genre
 *     such as alternate history), the characters' possession ("Tommy and
 *     Kathy's love story"), another writer's or work's books ("Enid Blyton's
 *     school stories"), a predicate adjective whose subject is not the book
 *     ("their lives are destined to be tragic"), an adjective on a word that
 *     is not a genre noun ("dystopian systems"; but "a dystopian world"
 *     calls the book's world so), a genre word that describes a person ("the
 *     horror novelist");
 *  2. reported speech ("attributed"): a reporting verb (described, called,
 *     considers, dubbed, marketed, told, framed, referred to as, according
 *     to ...) before the mention in its sentence, whose subject is not "I" or
 *     "we" ("some reviewers have been foolhardy enough to describe it as"
 *     counts; a write-verb reports only with "that", "as" or a colon); the
 *     source is the nearest name before the verb (a run of capitalised
 *     words; a publication after "for" or "in" is kept in parentheses), a
 *     by-agent, or a generic source (critics, reviewers, publishers,
 *     marketing, readers, the writer ...); "marketed/billed/sold as" without
 *     a named agent is attributed to marketing.  Then:
 *       - endorsed ("frames it best", "rightly", "aptly", "I agree", "glad",
 *         "most appropriate") -> "asserted", source kept, cue "endorsement";
 *       - disputed ("annoying", "wrong", "mislabelled", "misleading",
 *         "reductive") -> "rejected", source kept;
 *  3. a relationship ("mention"): "a romance with Kathy";
 *  4. the writer's taste ("mention"): first person with a taste verb
 *     ("I normally don't like science fiction", "a fan of coming of age
 *     stories"; "feels like" is no taste);
 *  5. comparison with another book ("mention"): "unlike", "such as",
 *     "compared with", "similar to" before the mention in its clause;
 *  6. question: a sentence ending in "?" (the part after a dash or colon,
 *     not the label before it) is "rejected" when the next sentence answers
 *     "No", "Not really", "Hardly"; otherwise "mention";
 *  7. hedges that hold a negation ("not quite") -> "hedged";
 *  8. another work as the subject ("mention"): "Frankenstein is a horror
 *     novel", unless the work is the one under review (named three times or
 *     more in the text);
 *  9. negation and contrast ("rejected"): not, never, no, n't, hardly, far
 *     from, rather than, instead of, more than a mere / just, anything but,
 *     in the mention's clause before it (clauses split at ; : and at "but",
 *     "yet", "whereas", "although", ", it is" ...); "not only", "no doubt",
 *     "there's nothing like" are pseudo-triggers; a negated subtype ("not
 *     traditional science fiction") is a "mention";
 * 10. hedges ("hedged"): quasi-/semi-/pseudo- joined by a hyphen, "elements
 *     of", "a touch of", "shades of", "attributes of", "borders on", "verges
 *     on", "skirts", "sort of", "something of a", "in a sense", "reads
 *     like" ... in the clause before the mention; "almost", "nearly",
 *     "part" only within three words of it;
 * 11. first person without a classifying frame ("mention"): "when I hear
 *     'British science fiction', I think of Dr. Who";
 * 12. otherwise a label of the novel ("asserted") if it stands in a
 *     classifying frame ("is a", "as a", "a ... novel", a genre noun after
 *     it, a label that ends in a form noun) or is a genre noun that needs
 *     none (dystopia, science fiction, Bildungsroman ...); words that are
 *     often not genres (horror, tragedy, romance, fantasy, diary, memoir,
 *     thriller, coming of age, mystery, crime, gothic ...) need the frame,
 *     else "mention".
 * Finally a label the writer quotes from someone else (inside a quotation
 * that is not the novel's: an introduced synopsis, a quoted review) that the
 * rules found asserted or hedged is that source's: "attributed".
 * The novel is the lexicon's [work] (its title, short titles, author).
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
