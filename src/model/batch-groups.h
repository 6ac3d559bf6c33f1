/* batch-groups.h - LmBatchGroups: the essays of a batch in groups, with the
 * statistics of the batch report.  The model knows no database:
 * batch/batch-load.h fills it from one.
 *
 * Building: lm_batch_groups_new(); each document, in path order, with
 * lm_batch_groups_add_essay() and the name of its group (batch-load.h says
 * how `--group-by` names them: a metadata value, LM_BATCH_NO_VALUE, a folder
 * from lm_batch_groups_folder_of(), or "all"); lm_batch_groups_end_essays()
 * (orders the groups by name, byte order, and makes room for the hits);
 * the motif hits into each essay's hits_critic / hits_all; each distinct
 * (essay, genre, stance) once with lm_batch_groups_add_stance(); then
 * lm_batch_groups_compute().  Failed documents count in their group's
 * `failed` but in no statistic, so a group may hold no analyzed essay: its
 * statistics are then undefined (NaN, written as empty cells).
 *
 * Statistics, per group and motif, in the critic's own voice (the counts
 * every comparison of the project uses):
 *  - hits, words, the pooled rate per 1,000 words and its exact 95% Poisson
 *    interval (lm_stats_rate_per_1000);
 *  - essays_using: analyzed essays with at least one hit; share_using =
 *    essays_using / essays;
 *  - the distribution of per-essay rates over the essays with at least one
 *    word in their own voice (essays_rated): min, 10th percentile,
 *    quartiles and median (type 7, lm_stats_quantile_sorted), 90th
 *    percentile, max, mean;
 *  - dp, dp_norm: Gries' DP over the group's essays (sizes: each essay's
 *    words, counts: its hits);
 *  - vs_rest: keyness (G2, log ratio) of the group against all other groups
 *    pooled, and the emphasis it gives under the thresholds of the analyze
 *    report (comparison.h: |G2| >= 6.63 and |log ratio| >= 1);
 *  - pair: the same, the group against each other group (only when there
 *    are at most LM_BATCH_MAX_PAIR_GROUPS groups, else NULL).
 * The same figures for the whole batch are in @all.
 *
 * Genre stances are counted in *essays*: an essay that asserts a genre three
 * times counts once for (genre, asserted); one that asserts and rejects it
 * counts once in each.  Mentions in the critic's own voice only.  For each
 * (genre, stance) seen in the batch, the groups x {with, without} table of
 * essays is tested for independence (lm_stats_independence) over the groups
 * large enough for it: with p the share of the batch's essays that take the
 * stance, a group of n essays is left out (counted in groups_left_out) when
 * n min(p, 1 - p) < LM_BATCH_TEST_MIN_EXPECTED, so that one tiny group does
 * not void the test for all (the group's size decides, never its counts).
 * Tested when at least two groups remain and both columns are non-empty;
 * the result says whether Cochran's rule holds
 * (lm_stats_independence_reliable).
 *
 * Top essays: per motif, the LM_BATCH_TOP essays with the highest rate among
 * those with at least one hit and at least LM_BATCH_TOP_MIN_WORDS words in
 * their own voice (a 10-word essay with one hit would otherwise lead every
 * list); ties by more hits, then path.
 *
 * Ownership: the model owns everything it holds; pointers into it (transfer
 * none) live as long as it.  Thread safety: build and read from one thread.
 */
#pragma once

#include <glib.h>

#include "comparison.h"
#include "lexicon/lexicon.h"
#include "stats/stats.h"

G_BEGIN_DECLS

#define LM_BATCH_TOP 10
#define LM_BATCH_TOP_MIN_WORDS 100
#define LM_BATCH_MAX_PAIR_GROUPS 50
#define LM_BATCH_SHOWN_GROUPS 30
#define LM_BATCH_TEST_MIN_EXPECTED 5
#define LM_BATCH_PAGE_ESSAYS 200
#define LM_BATCH_NO_VALUE "(no value)"
#define LM_BATCH_TOP_LEVEL "(top level)"

/* Words per voice, as the documents table stores them. */
enum
{
  LM_BATCH_W_CRITIC,
  LM_BATCH_W_QUOTATION,
  LM_BATCH_W_COMMENT,
  LM_BATCH_W_ALL,
  LM_BATCH_W_BOILERPLATE,
  LM_BATCH_N_WORDS
};

typedef struct
{
  char *path;                      /* the document key */
  gboolean ok;
  char *error;                     /* (nullable) why it failed */
  guint group;                     /* index into groups */
  guint64 words[LM_BATCH_N_WORDS];
  guint64 *hits_critic, *hits_all; /* per motif (into the model's arrays) */
  char *sha256;                    /* (nullable) of the file's bytes */
} LmBatchEssay;

typedef struct
{
  guint64 hits, words;
  double rate, ci_low, ci_high;
  guint essays_using, essays_rated;
  double share_using;
  double min, p10, q1, median, q3, p90, max, mean;
  double dp, dp_norm;
  LmKeyness vs_rest;
  LmEmphasis emphasis;
} LmGroupMotif;

typedef struct
{
  char *name;
  guint n_essays;                  /* analyzed */
  guint n_failed;
  guint64 words[LM_BATCH_N_WORDS]; /* over the analyzed essays */
  LmGroupMotif *motifs;            /* one per motif */
} LmBatchGroup;

typedef struct
{
  char *genre, *stance;
  guint *essays;                   /* per group, then the whole batch */
  LmIndependence test;             /* NAN figures when not tested */
  gboolean tested, reliable;
  guint groups_left_out;           /* groups with essays too few to test */
} LmGenreStance;

/* An evidence line of a top essay (batch-reread.h). */
typedef struct
{
  guint line, col;
  char *left, *match, *right;
} LmBatchEvidence;

/* A distinctive stem of a group against the rest (batch-reread.h). */
typedef struct
{
  char *stem;
  char *forms;                     /* its commonest forms in the batch */
  guint64 hits, words, ref_hits, ref_words;
  LmKeyness keyness;
} LmBatchKeyword;

typedef struct
{
  const LmLexicon *lexicon;
  char *group_by;                  /* (nullable) the column, as given */
  GArray *motif_index;             /* guint: lexicon index of each motif */
  GPtrArray *essays;               /* LmBatchEssay*, in path order */
  GPtrArray *groups;               /* LmBatchGroup*, in name order */
  LmBatchGroup *all;               /* the whole batch */
  GPtrArray *genres;               /* LmGenreStance*, by genre, stance */
  LmKeyness *pair;                 /* (nullable) [(a * G + b) * M + k] */
  guint *top;                      /* [k * LM_BATCH_TOP + i]: essay index */
  guint *n_top;                    /* per motif: entries in top */
  /* filled by lm_batch_groups_reread() (batch-reread.h), else 0 / NULL */
  gboolean reread;
  guint n_read, n_missing, n_changed, n_unreadable;
  GPtrArray **keywords;            /* per group: LmBatchKeyword*, NULL when
                                    * not computed (a group not shown) */
  GPtrArray **evidence;            /* [k * LM_BATCH_TOP + i]: LmBatchEvidence* */
  /* private */
  guint64 *hit_store;
  GHashTable *motif_by_id;         /* category id -> motif position + 1 */
  GHashTable *group_by_name;       /* name -> provisional index + 1 */
  GPtrArray *group_names;          /* provisional order */
  GHashTable *stance_by_key;       /* "genre\tstance" -> LmGenreStance* */
} LmBatchGroups;

/* Returns: (transfer full): an empty model; @lexicon is borrowed and must
 * outlive it; @group_by (nullable) is the column's name, for the reports. */
LmBatchGroups *lm_batch_groups_new (const LmLexicon *lexicon, const char *group_by);
/* Adds a document (@words: LM_BATCH_N_WORDS counts, @error and @sha256
 * nullable) in the group named @group; all strings are copied.
 * Returns: the essay's index in essays. */
guint lm_batch_groups_add_essay (LmBatchGroups *model, const char *path, gboolean ok,
                                 const char *error, const char *sha256,
                                 const guint64 *words, const char *group);
void lm_batch_groups_end_essays (LmBatchGroups *model);
/* The motif position of lexicon category @category_id, or -1 when it is
 * no motif. */
gint lm_batch_groups_motif_of (const LmBatchGroups *model, const char *category_id);
/* Counts essay @essay (after lm_batch_groups_end_essays()) once for
 * (@genre, @stance); a failed essay is not counted.  Call once per
 * distinct triple. */
void lm_batch_groups_add_stance (LmBatchGroups *model, guint essay,
                                 const char *genre, const char *stance);
/* Computes every statistic above; once. */
void lm_batch_groups_compute (LmBatchGroups *model);
/* The group of document key "root/folder/.../file" for --group-by folder:
 * the folder, or LM_BATCH_TOP_LEVEL. Returns: (transfer full) */
char *lm_batch_groups_folder_of (const char *key);

void lm_batch_groups_free (LmBatchGroups *model);

guint lm_batch_groups_n_motifs (const LmBatchGroups *model);
/* (transfer none) the motif's category. */
const LmCategory *lm_batch_groups_motif (const LmBatchGroups *model, guint k);
/* (transfer none) @g in [0, n_groups]: n_groups gives the whole batch. */
const LmBatchGroup *lm_batch_groups_group (const LmBatchGroups *model, guint g);
/* (nullable) (transfer none) group @a against group @b, or %NULL when pairs
 * were not computed or a = b. */
const LmKeyness *lm_batch_groups_pair (const LmBatchGroups *model, guint a,
                                       guint b, guint k);

/* The groups the page and the Markdown summary show: all of them when there
 * are at most LM_BATCH_SHOWN_GROUPS, else that many with the most essays
 * (ties by name); in name order.  The CSV files have every group.
 * Returns: (transfer full): guint indices into groups. */
GArray *lm_batch_groups_shown (const LmBatchGroups *model);

/* A group that uses motif @k markedly more or less than group @b. */
typedef struct
{
  guint a, b, k;
  double g2;  /* signed: > 0 when @a uses it more */
} LmBatchPair;

#define LM_BATCH_PAIR_FINDINGS 40

/* The pairs of @shown groups (a before b in @shown) with an emphasis
 * (comparison.h thresholds) in some motif, the strongest |G2| first (ties:
 * a, b, motif).  Empty when pairs were not computed.
 * Returns: (transfer full): LmBatchPair. */
GArray *lm_batch_groups_pair_findings (const LmBatchGroups *model, const GArray *shown);
/* "A uses Hope more than B: 2.10 against 0.50 per 1,000 (G2 .., log ratio
 * ..)", plain text (the caller escapes it); group names cut to @max_name
 * characters with "…" (0: whole). Returns: (transfer full) */
char *lm_batch_pair_text (const LmBatchGroups *model, const LmBatchPair *pair,
                          guint max_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmBatchGroups, lm_batch_groups_free)

G_END_DECLS
