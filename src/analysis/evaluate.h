/* evaluate.h - scoring the engine against hand annotation (gold.h).
 *
 * What a scholar runs on a sample of their own corpus before trusting the
 * numbers:
 *  - voices: every word (tokenizer rules) of every text gets the gold voice
 *    (critic unless a gold span covers it; an inline span overrides the
 *    whole-line span around it) and the voice the engine gives it (a quoted
 *    term counts as the critic's word, as in every count); precision,
 *    recall and F1 per voice are word-weighted, with the confusion matrix;
 *  - genres: the set of (text, genre, stance) the main author gives,
 *    against the engine's mentions in the critic's voice (quoted terms and
 *    quotations that are not of the novel included, as in the reports),
 *    hedged counted as asserted, "mention" not a stance;
 *  - motifs: the set of (text, line, motif) of gold hits (lexical, synonym)
 *    against the lines where the engine counts the motif category of the
 *    same name, in any voice (motif sense is scored apart from voices); an
 *    engine line that gold lists only as a look-alike (idiom, title,
 *    ordinary) is reported with its kind.
 * A FILE whose id the gold does not list is skipped and reported; texts the
 * gold lists but that were not given are counted in @ungiven.
 *
 * Ownership: results own their strings.  Thread safety: one evaluation at a
 * time per analyzer.
 */
#pragma once

#include <glib.h>

#include "analyzer.h"
#include "gold.h"
#include "voice-rules.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 gold, found, correct;
} LmScore;

double lm_score_precision (const LmScore *s); /* NaN when nothing was found */
double lm_score_recall (const LmScore *s);    /* NaN when gold has none */
double lm_score_f1 (const LmScore *s);        /* NaN when either is */

typedef struct
{
  char *id;
  guint64 confusion[LM_N_VOICES][LM_N_VOICES]; /* [gold][found], voices 1..4 */
} LmVoiceTextScore;

/* A problem that did not stop the evaluation: a file not in the gold, an
 * inline span whose words are not on its line, a text that failed to load. */
typedef struct
{
  char *message;
  gboolean input_failed; /* the text could not be read, or is not in the gold */
} LmEvalWarning;

typedef struct
{
  LmGoldKind kind;
  guint n_texts;
  guint ungiven;         /* gold texts not among the files */
  GArray *warnings;      /* LmEvalWarning */
  /* voices */
  guint64 confusion[LM_N_VOICES][LM_N_VOICES];
  GArray *texts;         /* LmVoiceTextScore, in file order */
  /* genres and motifs: one score per label (stance or motif), the total last */
  GPtrArray *labels;     /* char*: "asserted", ... or motif names; "all" last */
  GArray *scores;        /* LmScore, parallel to labels */
  /* genres: the stance confusion, [gold][found], with index LM_N_STANCES
   * meaning "none" (rows: gold stances and none; columns: found) */
  guint64 stances[LM_N_STANCES + 1][LM_N_STANCES + 1];
  /* genres and motifs: each error, "id<TAB>line-or-genre<TAB>what" */
  GPtrArray *errors;     /* char* */
  /* motifs: look-alikes counted, by kind ("title", "idiom", "ordinary") */
  GHashTable *lookalikes; /* char* kind -> GUINT count */
} LmEvaluation;

/**
 * lm_evaluate:
 * @analyzer: the pipeline (its lexicon's genre and motif categories)
 * @rules: (nullable): voice rules; %NULL for the default
 * @gold: the annotation
 * @files: paths of the texts, %NULL-terminated
 * @text_flags: LmTextFlags for loading them
 *
 * Returns: (transfer full): the evaluation; never fails (problems are warnings).
 */
LmEvaluation *lm_evaluate (LmAnalyzer *analyzer, const LmVoiceRules *rules,
                           const LmGold *gold, const char *const *files, guint text_flags);
void lm_evaluation_free (LmEvaluation *ev);

/* Does any warning mark an input that failed? */
gboolean lm_evaluation_input_failed (const LmEvaluation *ev);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmEvaluation, lm_evaluation_free)

G_END_DECLS
