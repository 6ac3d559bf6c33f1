/* rate.c - exact Poisson intervals and rates per 1000 words (see stats.h). */
#include "stats/stats.h"

#include <math.h>

static void
set_out (double *out, double v)
{
  if (out)
    *out = v;
}

gboolean
lm_stats_poisson_ci (guint64 k, double alpha, double *lower, double *upper)
{
  if (!(alpha > 0.0 && alpha < 1.0))
    {
      set_out (lower, NAN);
      set_out (upper, NAN);
      return FALSE;
    }
  /* chi2inv(p, 2k) / 2 is the Gamma(k, 1) quantile; with k = 0 the lower
   * limit is 0 (chi-square with 0 df is a point mass at 0). */
  double kd = (double) k;
  double lo = k == 0 ? 0.0 : lm_stats_gamma_p_inv (kd, 0.5 * alpha);
  double hi = lm_stats_gamma_p_inv (kd + 1.0, 1.0 - 0.5 * alpha);
  set_out (lower, lo);
  set_out (upper, hi);
  return !isnan (lo) && !isnan (hi);
}

double
lm_stats_per_1000 (guint64 k, guint64 n)
{
  return n ? 1000.0 * (double) k / (double) n : NAN;
}

gboolean
lm_stats_rate_per_1000 (guint64 k, guint64 n, double alpha,
                        double *rate, double *lower, double *upper)
{
  double lo, hi;
  if (n == 0 || !lm_stats_poisson_ci (k, alpha, &lo, &hi))
    {
      set_out (rate, NAN);
      set_out (lower, NAN);
      set_out (upper, NAN);
      return FALSE;
    }
  double per = 1000.0 / (double) n;
  set_out (rate, lm_stats_per_1000 (k, n));
  set_out (lower, lo * per);
  set_out (upper, hi * per);
  return TRUE;
}
