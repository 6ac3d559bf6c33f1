/* independence.c - Pearson's chi-square test of independence of an r x c
 * table of counts (see stats.h). */
#include "stats/stats.h"

#include <math.h>

static gboolean
fail_independence (LmIndependence *out)
{
  out->chi2 = out->p = out->min_expected = NAN;
  out->df = 0;
  out->rows = out->cols = 0;
  out->small_expected = 0;
  return FALSE;
}

gboolean
lm_stats_independence (const guint64 *counts, guint n_rows, guint n_cols, LmIndependence *out)
{
  if (out == NULL)
    return FALSE;
  if (counts == NULL || n_rows == 0 || n_cols == 0)
    return fail_independence (out);
  g_autofree double *row = g_new0 (double, n_rows);
  g_autofree double *col = g_new0 (double, n_cols);
  double total = 0.0;
  for (guint i = 0; i < n_rows; i++)
    for (guint j = 0; j < n_cols; j++)
      {
        double v = (double) counts[(gsize) i * n_cols + j];
        row[i] += v;
        col[j] += v;
        total += v;
      }
  /* Rows and columns that are wholly empty carry no information: leave
   * them out of the table and of the degrees of freedom. */
  guint r = 0, c = 0;
  for (guint i = 0; i < n_rows; i++)
    r += row[i] > 0.0;
  for (guint j = 0; j < n_cols; j++)
    c += col[j] > 0.0;
  if (r < 2 || c < 2)
    return fail_independence (out);
  double chi2 = 0.0, min_e = INFINITY;
  guint small = 0;
  for (guint i = 0; i < n_rows; i++)
    for (guint j = 0; j < n_cols; j++)
      {
        if (row[i] == 0.0 || col[j] == 0.0)
          continue;
        double e = row[i] * col[j] / total;
        double d = (double) counts[(gsize) i * n_cols + j] - e;
        chi2 += d * d / e;
        min_e = MIN (min_e, e);
        small += e < 5.0;
      }
  out->chi2 = chi2;
  out->df = (r - 1) * (c - 1);
  out->p = lm_stats_chi2_sf (chi2, (double) out->df);
  out->min_expected = min_e;
  out->rows = r;
  out->cols = c;
  out->small_expected = small;
  return TRUE;
}

gboolean
lm_stats_independence_reliable (const LmIndependence *t)
{
  /* Cochran (1954): no expected count below 1, at most a fifth below 5. */
  return t != NULL && t->df > 0 && t->min_expected >= 1.0
         && t->small_expected * 5 <= t->rows * t->cols;
}
