/* run.h - LmRun: one analysis of a corpus, the model every report reads.
 *
 * A run holds the corpus manifest, the lexicon, the stop list and, for each
 * text in manifest order, its SHA-256 and its counts (or the error that kept
 * it from being read).  Writers only read a finished run.
 *
 * Ownership: the run owns its texts' results and the objects given to
 * lm_run_new() (transfer full).  Thread safety: none; build it, then read.
 */
#pragma once

#include <glib.h>

#include "analysis/corpus.h"
#include "analysis/docstats.h"
#include "analysis/profile.h"
#include "analysis/segmenter.h"
#include "core/stoplist.h"
#include "lexicon/lexicon.h"

G_BEGIN_DECLS

/* 4: "tables", every CSV file as columns and rows (table.h). */
#define LM_REPORT_SCHEMA_VERSION 4

typedef struct
{
  const LmCorpusEntry *entry; /* borrowed from the run's corpus */
  char *display_name;
  char *sha256;               /* of the file's bytes */
  LmDocStats *stats;          /* NULL when the text failed */
  LmSegmentation *segmentation; /* its voices; NULL when the text failed */
  GArray *genres;             /* LmGenreMention; NULL when the text failed */
  char *error;                /* why it failed, or NULL */
  LmText *text;               /* the text as read (KWIC lines); NULL when it failed */
} LmTextResult;

/* One writer of the comparison: a text's critic (with, on request, the
 * passages the critic quotes), or the readers who commented on it.  Every
 * comparison (rates, keyness, similarity, dispersion) is between columns. */
typedef struct
{
  const LmTextResult *text;   /* borrowed from the run */
  char *id;                   /* the text id, or "<text id>/readers" */
  char *label;                /* "Gary Carden", "readers of The Artifice" */
  gboolean readers;           /* the comment voice of the text */
  guint voice_mask;           /* LM_VOICE_BIT() of its voices */
  LmProfile *profile;         /* NULL when the text failed */
} LmColumn;

typedef struct
{
  LmCorpus *corpus;
  LmLexicon *lexicon;
  LmStoplist *stoplist;
  char *corpus_path;   /* as given on the command line */
  char *lexicon_path;
  char *stoplist_path;
  GPtrArray *texts;    /* LmTextResult* */
  gboolean comparison_includes_quotations; /* compare critic + quotation */
  GPtrArray *columns;  /* LmColumn*, in manifest order, readers after their critic */
} LmRun;

/* Takes ownership of @corpus, @lexicon and @stoplist. (transfer full) */
LmRun *lm_run_new (LmCorpus *corpus, const char *corpus_path,
                   LmLexicon *lexicon, const char *lexicon_path,
                   LmStoplist *stoplist, const char *stoplist_path);
void lm_run_free (LmRun *run);

/* Analyzes every text of the corpus (reading errors are recorded in the
 * text's result, and the rest goes on).  Returns: the number of texts that
 * failed; %-1 with @error if the pipeline could not start. */
gint lm_run_analyze (LmRun *run, GError **error);

/* Words and hits of a column, summed over its voices (0 when its text
 * failed). */
guint64 lm_column_words (const LmColumn *column);
guint64 lm_column_hits (const LmColumn *column, guint category);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmRun, lm_run_free)

G_END_DECLS
