/* html.h - reports/index.html: the comparison as one self-contained page.
 *
 * Inline CSS and SVG only: no script, no network (a Content-Security-Policy
 * forbids both), readable on a laptop screen and in print.  Sections: the
 * findings in brief, the heatmap of motif rates, the genre-stance table,
 * dispersion strips, the similarity matrix, the distinctive words, and per
 * writer the evidence lines (KWIC) of each motif, collapsed by default.
 * Every essay-derived string is HTML-escaped (lm_append_html).
 * Thread safety: a pure function of the comparison.
 */
#pragma once

#include <glib.h>

#include "model/comparison.h"

G_BEGIN_DECLS

GString *lm_report_index_html (const LmComparison *cmp);

G_END_DECLS
