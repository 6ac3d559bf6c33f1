/* keyness.c - log-likelihood G2 and Log Ratio of a 2x2 frequency
 * comparison (see stats.h). */
#include "stats/stats.h"

#include <math.h>

static gboolean
valid_table (guint64 a, guint64 b, guint64 c, guint64 d)
{
  return c > 0 && d > 0 && a <= c && b <= d;
}

/* o ln(o / e), with the limit 0 ln 0 = 0. */
static double
xlogx_over (double o, double e)
{
  return o > 0.0 ? o * log (o / e) : 0.0;
}

double
lm_stats_log_likelihood (guint64 a, guint64 b, guint64 c, guint64 d)
{
  if (!valid_table (a, b, c, d))
    return NAN;
  double A = (double) a, B = (double) b, C = (double) c, D = (double) d;
  double e1 = C * (A + B) / (C + D);
  double e2 = D * (A + B) / (C + D);
  double g2 = 2.0 * (xlogx_over (A, e1) + xlogx_over (B, e2));
  /* Rounding can leave a tiny negative G2 when a/c == b/d. */
  g2 = MAX (g2, 0.0);
  /* Compare a/c with b/d without division: a d vs b c (exact in doubles up
   * to 2^53; beyond that the comparison is as good as the G2 itself). */
  double lhs = A * D, rhs = B * C;
  return lhs > rhs ? g2 : lhs < rhs ? -g2 : 0.0;
}

double
lm_stats_g2_p_value (double g2)
{
  if (isnan (g2))
    return NAN;
  /* Chi-square with 1 df is the square of a standard normal, so its upper
   * tail is Pr(|Z| >= sqrt(g2)) = erfc(sqrt(g2 / 2)). */
  return erfc (sqrt (0.5 * fabs (g2)));
}

double
lm_stats_log_ratio (guint64 a, guint64 b, guint64 c, guint64 d)
{
  if (!valid_table (a, b, c, d))
    return NAN;
  if (a == 0 && b == 0)
    return 0.0;
  double A = a == 0 ? 0.5 : (double) a;
  double B = b == 0 ? 0.5 : (double) b;
  double lr = log2 ((A / (double) c) / (B / (double) d));
  /* With corpora of very different sizes the 0.5 can outweigh the other
   * side (0 of 500 words against 1 of 4,000 would come out as "more"): the
   * zero shows the direction, and the size of the effect is unknown. */
  if ((a == 0 && lr > 0) || (b == 0 && lr < 0))
    return 0.0;
  return lr;
}

gboolean
lm_stats_keyness (guint64 a, guint64 b, guint64 c, guint64 d, LmKeyness *out)
{
  if (out == NULL)
    return FALSE;
  if (!valid_table (a, b, c, d))
    {
      out->g2 = out->p = out->log_ratio = NAN;
      return FALSE;
    }
  out->g2 = lm_stats_log_likelihood (a, b, c, d);
  out->p = lm_stats_g2_p_value (out->g2);
  out->log_ratio = lm_stats_log_ratio (a, b, c, d);
  return TRUE;
}
