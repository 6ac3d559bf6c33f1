/* comparison-report.h - the comparison files of a run's reports.
 *
 *  emphasis.csv     column,label,reference,category,kind,hits,words,
 *                   ref_hits,ref_words,per_1000,ref_per_1000,g2,p,
 *                   log_ratio,emphasis
 *                   each column against the rest ("rest"), then against
 *                   each other column (its id)
 *  keyness.csv      column,label,reference,stem,hits,words,per_1000,
 *                   ref_hits,ref_words,ref_per_1000,g2,p,log_ratio,key,forms
 *  similarity.csv   column_a,column_b,cosine,js_distance   (a before b)
 *  dispersion.csv   column,label,category,hits,words,dp,dp_norm,
 *                   mean_position,final_third,positions
 *  cooccurrence.csv column,label,category_a,category_b,sentences_both,
 *                   sentences_a,sentences_b,sentences,lift
 *  passages.csv     text_id,critic,line,kind,page,words,shared_with,quote
 *  kwic.csv         text_id,critic,voice,category,line,col,left,match,right
 *
 * RFC 4180 with CRLF; an undefined statistic is an empty cell.  Columns are
 * the comparison's (comparison.h): a text id, or "<text id>/readers".
 * Thread safety: pure functions of the comparison.
 */
#pragma once

#include <glib.h>

#include "model/comparison.h"
#include "table.h"

G_BEGIN_DECLS

/* Context of each KWIC line in kwic.csv and the HTML report, in characters. */
#define LM_REPORT_KWIC_WIDTH 50

/* The CSV files above as tables (table.h): lm_report_tables() writes each
 * as CSV and report.json holds them all. (transfer full) */
LmTable *lm_report_emphasis_table (const LmComparison *cmp);
LmTable *lm_report_keyness_table (const LmComparison *cmp);
LmTable *lm_report_similarity_table (const LmComparison *cmp);
LmTable *lm_report_dispersion_table (const LmComparison *cmp);
LmTable *lm_report_cooccurrence_table (const LmComparison *cmp);
LmTable *lm_report_passages_table (const LmComparison *cmp);
LmTable *lm_report_kwic_table (const LmComparison *cmp);

/* "hope (5), hopes (2)": the forms behind a stem in a column. (transfer full) */
char *lm_report_stem_forms (const LmColumn *column, const char *stem);

/* The label of a reference: "the rest" or the other column's label. (transfer none) */
const char *lm_report_reference_label (const LmComparison *cmp, gint reference);

/* The opening of the summary, as plain-text sentences generated from the
 * numbers (each backed by a table of summary.md and a chart of index.html):
 * per column, the motifs it foregrounds beyond the rest with their figures,
 * and its genre verdict; then the most and least alike pair of columns.
 * (transfer full) (element-type utf8) */
GPtrArray *lm_report_findings (const LmComparison *cmp);

/* The comparison sections of summary.md: charts, emphasis, similarity,
 * pairs, distinctive words, co-occurrence, dispersion, passages. */
void lm_report_append_comparison_md (GString *out, const LmComparison *cmp);

/* At most this many distinctive words per column and reference in the
 * summaries (keyness.csv has them all). */
#define LM_REPORT_TOP_KEYWORDS 8

G_END_DECLS
