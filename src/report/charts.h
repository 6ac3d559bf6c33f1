/* charts.h - the comparison's charts as SVG, inline in index.html and as
 * standalone files in reports/charts/.
 *
 * Every data mark (a heatmap cell, a similarity cell, a hit on a dispersion
 * strip) is an element of class "mark" with a <title> giving its value, so
 * that a reader can hover over it and a test can count the marks:
 *   heatmap.svg     one cell per column and motif (rate per 1,000 words,
 *                   95% interval, emphasis against the rest)
 *   similarity.svg  one cell per pair of columns, diagonal included
 *                   (Jensen-Shannon distance, cosine in the title)
 *   dispersion.svg  one tick per motif hit, on a strip per column and motif
 *                   (position as a fraction of the column's words)
 * Sizes are fixed by the numbers of columns and motifs, so the SVG is
 * deterministic.  Every essay-derived string is escaped.
 * Thread safety: pure functions of the comparison.
 */
#pragma once

#include <glib.h>

#include "model/comparison.h"

G_BEGIN_DECLS

typedef GString *(*LmChartFunc) (const LmComparison *cmp);

typedef struct
{
  const char *file;      /* "heatmap.svg" */
  const char *title;     /* a caption */
  LmChartFunc build;
} LmChart;

/* The charts, in report order. (transfer none) */
const LmChart *lm_charts (guint *n_charts);

/* Helpers the batch page shares (batch-html.c). */
/* Appends @text HTML-escaped, cut to @max characters with "…". */
void lm_svg_label (GString *out, const char *text, glong max);
/* Opens an <svg> of the given size with a <title> (@title is not escaped:
 * a constant) and a white background. */
void lm_svg_open (GString *out, guint width, guint height, const char *title);
/* A sequential blue for t in [0, 1]; grey for NaN. */
void lm_svg_fill (GString *out, double t);
/* The text colour readable on lm_svg_fill (t). */
const char *lm_svg_ink_on (double t);

GString *lm_chart_heatmap_svg (const LmComparison *cmp);
GString *lm_chart_similarity_svg (const LmComparison *cmp);
GString *lm_chart_dispersion_svg (const LmComparison *cmp);

G_END_DECLS
