/* report.h - the report files written for a run.
 *
 *  motifs.csv   tidy long format, RFC 4180:
 *               text_id,critic,voice,category,kind,hits,words,per_1000
 *  summary.md   per critic tables, a comparison table, the run manifest
 *  report.json  everything above with schema_version and the run manifest
 *
 * Every writer is deterministic: manifest order for texts, lexicon order for
 * categories, count-then-text order for forms, fixed decimals, no times, no
 * absolute paths.  Builders return (transfer full) strings.
 * Thread safety: pure functions of the run.
 */
#pragma once

#include <glib.h>

#include "comparison.h"
#include "run.h"

G_BEGIN_DECLS

GString *lm_report_motifs_csv (const LmRun *run);
GString *lm_report_summary_md (const LmComparison *cmp);
GString *lm_report_json (const LmRun *run);

/* Writes all report files into @out_dir atomically, one by one. */
gboolean lm_report_write_all (const LmRun *run, const char *out_dir,
                              GError **error);

/* The voices of the reports, in motifs.csv order: critic, quotation,
 * comment, all. (transfer full) */
GArray *lm_report_voices (const LmRun *run);

G_END_DECLS
