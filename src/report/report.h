/* report.h - the report files written for a run.
 *
 *  motifs.csv   tidy long format, RFC 4180:
 *               text_id,critic,voice,category,kind,hits,words,per_1000
 *  summary.md   per critic tables, a comparison table, the run manifest
 *  report.json  schema_version, the run manifest, per text its words,
 *               segments, counts with forms and genre mentions, and under
 *               "tables" every CSV file (motifs, genres, emphasis, keyness,
 *               similarity, dispersion, cooccurrence, passages, kwic) as
 *               {"columns": [...], "rows": [[...]]} with the same values
 *               (table.h)
 *
 * Every writer is deterministic: manifest order for texts, lexicon order for
 * categories, count-then-text order for forms, fixed decimals, no times, no
 * absolute paths.  Builders return (transfer full) strings.
 * Thread safety: pure functions of the run.
 */
#pragma once

#include <glib.h>

#include "model/comparison.h"
#include "model/run.h"
#include "table.h"

G_BEGIN_DECLS

/* motifs.csv as a table (table.h). (transfer full) */
LmTable *lm_report_motifs_table (const LmRun *run);

/* The CSV files of a report, in the order they are written: "<name>.csv",
 * and report.json's "tables" member <name>. */
typedef struct
{
  const char *name;
  LmTable *(*run_table) (const LmRun *run);       /* or */
  LmTable *(*table) (const LmComparison *cmp);
} LmReportTable;

/* (transfer none): @n tables. */
const LmReportTable *lm_report_tables (guint *n);
/* (transfer full) */
LmTable *lm_report_table_build (const LmReportTable *table, const LmComparison *cmp);
GString *lm_report_summary_md (const LmComparison *cmp);
GString *lm_report_json (const LmComparison *cmp);

/* Writes all report files into @out_dir atomically, one by one. */
gboolean lm_report_write_all (const LmRun *run, const char *out_dir,
                              GError **error);

/* The voices of the reports, in motifs.csv order: critic, quotation,
 * comment, all. (transfer full) */
GArray *lm_report_voices (const LmRun *run);

G_END_DECLS
