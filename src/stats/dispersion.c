/* dispersion.c - Gries' DP and DPnorm, and binning of positions into equal
 * parts (see stats.h). */
#include "stats/stats.h"

#include <math.h>

static double
fail_dp (double *dp_norm)
{
  if (dp_norm)
    *dp_norm = NAN;
  return NAN;
}

double
lm_stats_dp (const double *sizes, const double *counts, gsize n, double *dp_norm)
{
  if (n == 0 || sizes == NULL || counts == NULL)
    return fail_dp (dp_norm);
  double S = 0.0, V = 0.0;
  for (gsize i = 0; i < n; i++)
    {
      if (!(sizes[i] >= 0.0) || isinf (sizes[i]) || !(counts[i] >= 0.0) || isinf (counts[i]))
        return fail_dp (dp_norm);
      S += sizes[i];
      V += counts[i];
    }
  if (!(S > 0.0) || !(V > 0.0) || isinf (S) || isinf (V))
    return fail_dp (dp_norm);

  double dev = 0.0, min_s = INFINITY;
  for (gsize i = 0; i < n; i++)
    {
      double s = sizes[i] / S;
      dev += fabs (counts[i] / V - s);
      min_s = MIN (min_s, s);
    }
  double dp = CLAMP (0.5 * dev, 0.0, 1.0);
  if (dp_norm)
    {
      /* 1 - min s is the largest DP possible: everything in the smallest
       * part.  One part (min s = 1) leaves DPnorm undefined. */
      double max_dp = 1.0 - min_s;
      *dp_norm = max_dp > 0.0 ? CLAMP (dp / max_dp, 0.0, 1.0) : NAN;
    }
  return dp;
}

gboolean
lm_stats_bin_positions (const double *positions, gsize n_positions, guint k,
                        double *counts)
{
  if (k == 0 || counts == NULL || (n_positions > 0 && positions == NULL))
    return FALSE;
  for (guint j = 0; j < k; j++)
    counts[j] = 0.0;
  for (gsize i = 0; i < n_positions; i++)
    {
      double x = positions[i];
      if (!(x >= 0.0 && x <= 1.0))
        {
          for (guint j = 0; j < k; j++)
            counts[j] = NAN;
          return FALSE;
        }
      /* floor(x k) puts x = 1 in part k; it belongs to the last part. */
      guint part = (guint) MIN (floor (x * k), (double) (k - 1));
      counts[part] += 1.0;
    }
  return TRUE;
}

double
lm_stats_dp_positions (const double *positions, gsize n_positions, guint k,
                       double *dp_norm)
{
  if (k == 0 || n_positions == 0)
    return fail_dp (dp_norm);
  g_autofree double *counts = g_new (double, k);
  g_autofree double *sizes = g_new (double, k);
  if (!lm_stats_bin_positions (positions, n_positions, k, counts))
    return fail_dp (dp_norm);
  for (guint j = 0; j < k; j++)
    sizes[j] = 1.0;
  return lm_stats_dp (sizes, counts, k, dp_norm);
}
