/* batch-csv.h - the CSV files of the grouped batch report, built from an
 * LmBatchGroups (batch-groups.h).  Column names are stable (README, "Batch
 * reports"); numbers are fixed-decimal, an undefined statistic is an empty
 * cell, every text cell goes through lm_append_csv_field() (formula cells
 * neutralised).  Rows: groups in name order, motifs in lexicon order.
 *
 *  batch-groups.csv         group,essays,failed,words_critic,words_quotation,
 *                           words_comment,words_all,words_boilerplate
 *  batch-group-motifs.csv   group,category,essays,hits,words,per_1000,
 *                           ci_low,ci_high,essays_using,share_using,
 *                           essays_rated,min,p10,q1,median,q3,p90,max,
 *                           mean,dp,dp_norm,g2,p,log_ratio,emphasis
 *  batch-group-emphasis.csv group,reference_kind,reference,category,hits,
 *                           words,ref_hits,ref_words,per_1000,ref_per_1000,
 *                           g2,p,log_ratio,emphasis
 *  batch-group-genres.csv   genre,stance,group,essays_with,essays,share
 *  batch-genre-tests.csv    genre,stance,essays_with,essays,groups,
 *                           groups_left_out,chi2,df,p,min_expected,reliable
 *  batch-spread.csv         category,essays,hits,words,per_1000,ci_low,
 *                           ci_high,essays_using,share_using,essays_rated,
 *                           min,p10,q1,median,q3,p90,max,mean,dp,dp_norm
 *  batch-top-essays.csv     category,rank,document,group,hits,words,per_1000
 *  batch-top-evidence.csv   category,rank,document,line,col,left,match,right
 *                           (header only unless the essays were read again)
 *  batch-group-keywords.csv group,stem,forms,hits,words,per_1000,ref_hits,
 *                           ref_words,ref_per_1000,g2,p,log_ratio (the same)
 *
 * Thread safety: pure functions of the model.
 */
#pragma once

#include <glib.h>

#include "model/batch-groups.h"

G_BEGIN_DECLS

typedef GString *(*LmBatchCsvFunc) (const LmBatchGroups *model);

typedef struct
{
  const char *file;
  LmBatchCsvFunc build;
} LmBatchCsv;

/* The files above, in that order. (transfer none) */
const LmBatchCsv *lm_batch_csv_files (guint *n_files);

/* The emphasis as a word: "more", "less" or "". */
const char *lm_batch_emphasis_name (LmEmphasis e);

G_END_DECLS
