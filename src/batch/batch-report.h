/* batch-report.h - the comparison report of a batch database.
 *
 * `leitmotif report --db FILE --out DIR` writes, from a batch database
 * (batch/store.h) and a reference run (the four critics of texts/, analyzed
 * with the same lexicon):
 *
 *  batch-documents.csv  one row a document, in path order:
 *                       document,status,error,words_critic,words_quotation,
 *                       words_comment,words_all,words_boilerplate,
 *                       motif_hits_critic,closest_critic,cosine,
 *                       second_critic,second_cosine,group
 *  batch-motifs.csv     document,voice,category,hits,words,per_1000 for the
 *                       critic and all voices and every motif category,
 *                       zeros included (tidy long format for R and pandas)
 *  batch-genres.csv     document,seq,genre,voice,stance,source,cue,line,
 *                       evidence: every genre mention with its stance
 *                       group (last column): the essay's group
 *  batch-summary.md     totals, failures, the batch's pooled motif rates
 *                       beside each reference critic's, how many essays are
 *                       closest to each critic, and genre stances; then the
 *                       groups (batch-md.h)
 *  index.html           the page (batch-html.h)
 *  batch-groups.csv ... the grouped figures (batch-csv.h, batch-groups.h)
 *
 * Closest critic: the reference critic whose motif profile (rates per 1,000
 * of the critic's own words, motif categories only) has the highest cosine
 * similarity with the essay's.  An essay with no motif hit in its own voice
 * has no profile direction and so no closest critic ("none", empty cosine).
 * Ties go to the critic first in the manifest.
 *
 * The database must hold results of the same lexicon as the reference run
 * (same SHA-256), or the profiles would not be comparable: otherwise
 * LM_ERROR_LEXICON.
 *
 * Every writer is deterministic (path order, lexicon order, fixed decimals,
 * no times); files are written atomically.
 * Thread safety: call from one thread.
 */
#pragma once

#include <glib.h>

#include "model/run.h"
#include "store.h"

G_BEGIN_DECLS

/**
 * lm_batch_report_write:
 * @store: a database opened with lm_store_open_readonly() (transfer none)
 * @reference: an analyzed run of the reference critics (transfer none)
 * @group_by: (nullable): a metadata column or "folder" (batch-groups.h)
 * @roots: (nullable) (array zero-terminated=1): the paths the batch was
 *   given, to read the essays again for evidence lines and distinctive
 *   words (batch-reread.h); %NULL or empty: without them
 * @n_jobs: threads for reading them again
 * @out_dir: created if missing
 *
 * Returns: %FALSE with @error (LM_ERROR_LEXICON, LM_ERROR_IO, or a file
 * error) when a file could not be written or the lexicons differ;
 * LM_ERROR_USAGE naming the columns there are when @group_by is no
 * metadata column.
 */
gboolean lm_batch_report_write (LmStore *store, const LmRun *reference,
                                const char *group_by, const char *const *roots,
                                guint n_jobs, const char *out_dir, GError **error);

G_END_DECLS
