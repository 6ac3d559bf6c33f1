/* similarity.c - cosine similarity and Jensen-Shannon distance of two
 * profiles (see stats.h). */
#include "stats/stats.h"

#include <math.h>

double
lm_stats_cosine (const double *x, const double *y, gsize n)
{
  if (n == 0 || x == NULL || y == NULL)
    return NAN;
  double dot = 0.0, xx = 0.0, yy = 0.0;
  for (gsize i = 0; i < n; i++)
    {
      if (!isfinite (x[i]) || !isfinite (y[i]))
        return NAN;
      dot += x[i] * y[i];
      xx += x[i] * x[i];
      yy += y[i] * y[i];
    }
  if (xx == 0.0 || yy == 0.0)
    return NAN;
  /* Rounding can push parallel vectors a hair past +-1. */
  return CLAMP (dot / (sqrt (xx) * sqrt (yy)), -1.0, 1.0);
}

/* Sum of a non-negative finite vector, or NAN if any entry is not. */
static double
checked_sum (const double *v, gsize n)
{
  double s = 0.0;
  for (gsize i = 0; i < n; i++)
    {
      if (!(v[i] >= 0.0) || isinf (v[i]))
        return NAN;
      s += v[i];
    }
  return s;
}

double
lm_stats_js_distance (const double *p, const double *q, gsize n)
{
  if (n == 0 || p == NULL || q == NULL)
    return NAN;
  double sp = checked_sum (p, n), sq = checked_sum (q, n);
  if (!(sp > 0.0) || !(sq > 0.0) || isinf (sp) || isinf (sq))
    return NAN;
  double jsd = 0.0;
  for (gsize i = 0; i < n; i++)
    {
      double pi = p[i] / sp, qi = q[i] / sq, m = 0.5 * (pi + qi);
      /* 0 log 0 = 0; m > 0 whenever pi or qi is. */
      if (pi > 0.0)
        jsd += 0.5 * pi * log2 (pi / m);
      if (qi > 0.0)
        jsd += 0.5 * qi * log2 (qi / m);
    }
  /* JSD lies in [0, 1] in base 2; rounding may step just outside. */
  return sqrt (CLAMP (jsd, 0.0, 1.0));
}

double
lm_stats_js_distance_counts (const guint64 *p, const guint64 *q, gsize n)
{
  if (n == 0 || p == NULL || q == NULL)
    return NAN;
  g_autofree double *pd = g_new (double, n);
  g_autofree double *qd = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    {
      pd[i] = (double) p[i];
      qd[i] = (double) q[i];
    }
  return lm_stats_js_distance (pd, qd, n);
}
