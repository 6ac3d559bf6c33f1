/* batch-html.h - index.html of the batch report: one self-contained page.
 *
 * Inline CSS and SVG only: no script, no network (a Content-Security-Policy
 * forbids both), readable with JavaScript off and in print, and bounded
 * whatever the size of the batch: it shows aggregates (at most
 * LM_BATCH_SHOWN_GROUPS groups, the first LM_BATCH_PAGE_ESSAYS essays in
 * path order) and every number on it is also in a CSV file.  Sections:
 *  - the groups (batch-groups.csv);
 *  - #chart-heatmap: groups by motifs, the pooled rate in each cell, an
 *    orange frame where the group uses the motif more or less than the rest
 *    (batch-group-motifs.csv);
 *  - #chart-spread: per motif, a box plot of per-essay rates per group: box
 *    from q1 to q3, a line at the median, whiskers from the 10th to the 90th
 *    percentile, a dot at the maximum (batch-group-motifs.csv);
 *  - #chart-genres: per genre, a bar per group stacked by stance, each
 *    segment the number of essays (batch-group-genres.csv), and the tests;
 *  - the spread of each motif over the whole batch and its top essays
 *    (batch-spread.csv, batch-top-essays.csv);
 *  - #essays: the table of essays (batch-documents.csv).
 * Every data mark is an element of class "mark" with a <title> giving its
 * figures; the test counts them against the CSV files.  Every string from
 * the database is escaped (lm_append_html).
 * Thread safety: a pure function of its arguments.
 */
#pragma once

#include <glib.h>

#include "model/batch-groups.h"

G_BEGIN_DECLS

/* @closest: per essay of @model, the name of its closest reference critic
 * or %NULL (transfer none).
 * Returns: (transfer full) the page. */
GString *lm_batch_index_html (const LmBatchGroups *model, const char *const *closest);

G_END_DECLS
