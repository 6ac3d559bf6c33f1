/* comparison.h - LmComparison: the statistics of the comparison report,
 * computed once from a finished run and read by every writer.
 *
 * Units: the run's analyzed columns (run.h): each critic (own prose, or
 * prose with the passages quoted when the run says so) and the readers of
 * each text that has comments.  "The rest" of a column is every other
 * analyzed column pooled.
 *
 *  - rate per 1,000 words with its exact Poisson 95% interval, per column
 *    and category (stats.h);
 *  - emphasis: signed G2 and Log Ratio of the column against the rest; a
 *    category is *emphasised* (or *played down*) when |G2| >=
 *    LM_COMPARISON_EMPHASIS_G2 (p < 0.01) and |LR| >= LM_COMPARISON_MIN_LR
 *    (at least twice, or at most half, the rate of the rest);
 *  - similarity of the motif profiles (motif categories only, hit counts):
 *    cosine and Jensen-Shannon distance for every pair of columns;
 *  - keywords: stems (stop words left out) that a column uses at least
 *    LM_COMPARISON_KEYWORD_MIN_FREQ times and more than the reference (the
 *    rest, or one other column), with G2 >= LM_STATS_G2_P05; a keyword is
 *    *key* when G2 >= LM_COMPARISON_KEY_G2 (p < 0.001) and LR >= 1;
 *  - dispersion of each category's hits over the column's words: positions
 *    as fractions, Gries' DP and DPnorm over LM_COMPARISON_PARTS equal parts;
 *  - co-occurrence of categories in one sentence, with the lift
 *    observed / expected (expected = s_a * s_b / sentences);
 *  - the passages quoted: quotations of at least LM_COMPARISON_PASSAGE_WORDS
 *    words, and which of them another text quotes too (they share a run of
 *    LM_COMPARISON_PASSAGE_WORDS folded words, whatever the edition's pages).
 *
 * Undefined values are NAN (a column with no words has no rate; a pair of
 * columns one of which has no motif hit has no cosine); writers print them
 * as empty cells, never as 0.
 *
 * Ownership: the comparison borrows the run (which must outlive it) and
 * owns the rest.  Thread safety: immutable after lm_comparison_new().
 */
#pragma once

#include <glib.h>

#include "run.h"
#include "stats/stats.h"

G_BEGIN_DECLS

#define LM_COMPARISON_ALPHA 0.05
#define LM_COMPARISON_EMPHASIS_G2 LM_STATS_G2_P01
#define LM_COMPARISON_MIN_LR 1.0
#define LM_COMPARISON_KEYWORD_MIN_FREQ 3
#define LM_COMPARISON_KEY_G2 LM_STATS_G2_P001
#define LM_COMPARISON_PARTS 10
#define LM_COMPARISON_PASSAGE_WORDS 5

typedef enum
{
  LM_EMPHASIS_NONE = 0,
  LM_EMPHASIS_MORE = 1,  /* used more than the rest */
  LM_EMPHASIS_LESS = -1, /* used less than the rest */
} LmEmphasis;

typedef struct
{
  guint64 hits, words;
  double rate, ci_low, ci_high;  /* per 1,000 words; NAN without words */
  LmKeyness vs_rest;             /* NAN without words on either side */
  LmEmphasis emphasis;
  /* dispersion */
  double dp, dp_norm;            /* NAN without hits */
  double mean_position;          /* NAN without hits */
  double final_third;            /* share of hits in positions >= 2/3 */
} LmCell;

typedef struct
{
  guint column;        /* index into the comparison's columns */
  gint reference;      /* the other column, or -1 for the rest */
  char *stem;
  guint64 hits, words, ref_hits, ref_words;
  LmKeyness keyness;
  gboolean key;
} LmKeyword;

typedef struct
{
  guint text;          /* index into run->texts */
  guint line;
  char *page;          /* NULL when not cited */
  LmQuoteKind kind;
  guint n_words;
  char *quote;         /* the quotation, whitespace collapsed */
  GArray *shared_with; /* guint indexes into run->texts of other texts quoting it */
} LmPassage;

typedef struct
{
  const LmRun *run;
  GPtrArray *columns;    /* const LmColumn*, the analyzed ones (transfer none) */
  guint n_categories;
  LmCell *cells;         /* [column * n_categories + category] */
  double *cosine;        /* [a * n_columns + b] */
  double *js_distance;
  GArray *keywords;      /* LmKeyword, by column, reference (rest first),
                          * G2 descending, stem */
  GArray *passages;      /* LmPassage, text order then position */
} LmComparison;

/* Returns: (transfer full): the comparison of @run's columns. */
LmComparison *lm_comparison_new (const LmRun *run);
void lm_comparison_free (LmComparison *cmp);

static inline guint
lm_comparison_n_columns (const LmComparison *cmp)
{
  return cmp->columns->len;
}

static inline const LmColumn *
lm_comparison_column (const LmComparison *cmp, guint i)
{
  return cmp->columns->pdata[i];
}

static inline const LmCell *
lm_comparison_cell (const LmComparison *cmp, guint column, guint category)
{
  return &cmp->cells[column * cmp->n_categories + category];
}

/* Column @a against column @b for @category (signed: positive when @a uses
 * it more).  Returns: FALSE (fields NAN) when either has no words. */
gboolean lm_comparison_pair (const LmComparison *cmp, guint a, guint b,
                             guint category, LmKeyness *out);

/* The emphasis a keyness gives under the thresholds above. */
LmEmphasis lm_comparison_emphasis_of (const LmKeyness *k);

/* Whether @category counts in the similarity of profiles (motifs only). */
gboolean lm_comparison_in_profile (const LmComparison *cmp, guint category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmComparison, lm_comparison_free)

G_END_DECLS
