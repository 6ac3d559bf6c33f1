/* quantile.c - sample quantiles of a sorted sample (see stats.h). */
#include "stats/stats.h"

#include <math.h>

double
lm_stats_quantile_sorted (const double *sorted, gsize n, double p)
{
  if (n == 0 || sorted == NULL || !(p >= 0.0 && p <= 1.0))
    return NAN;
  for (gsize i = 0; i < n; i++)
    if (!isfinite (sorted[i]) || (i > 0 && sorted[i] < sorted[i - 1]))
      return NAN;
  /* Hyndman & Fan type 7: h = (n - 1) p, linear between the neighbours. */
  double h = (double) (n - 1) * p;
  gsize lo = (gsize) floor (h);
  if (lo >= n - 1)
    return sorted[n - 1];
  return sorted[lo] + (h - (double) lo) * (sorted[lo + 1] - sorted[lo]);
}
