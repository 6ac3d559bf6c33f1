/* gamma.c - regularized incomplete gamma functions, their inverse and the
 * chi-square distribution built on them (see stats.h). */
#include "stats/stats.h"

#include <float.h>
#include <math.h>

/* Smallest double the continued fraction may divide by (Numerical Recipes'
 * FPMIN): keeps Lentz's method off exact zeros. */
#define TINY (DBL_MIN / DBL_EPSILON)

/* ln Gamma(a).  lgamma() writes the global signgam, a data race between
 * threads; lgamma_r() (glibc, _GNU_SOURCE) does not. */
static double
ln_gamma (double a)
{
  int sign;
  return lgamma_r (a, &sign);
}

/* Both series need O(sqrt(a)) terms when x is near a, hence the budget. */
static int
max_iterations (double a)
{
  return 1000 + (int) MIN (10.0 * sqrt (a), 1e7);
}

/* ln of the common prefactor x^a e^-x / Gamma(a). */
static double
ln_prefactor (double a, double x)
{
  return -x + a * log (x) - ln_gamma (a);
}

/* P(a, x) by its series, for x < a + 1 (NR3 6.2.5). */
static double
gamma_p_series (double a, double x)
{
  double ap = a, del = 1.0 / a, sum = del;
  int itmax = max_iterations (a);
  for (int i = 0; i < itmax; i++)
    {
      ap += 1.0;
      del *= x / ap;
      sum += del;
      if (fabs (del) < fabs (sum) * DBL_EPSILON)
        break;
    }
  return sum * exp (ln_prefactor (a, x));
}

/* Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1
 * (NR3 6.2.7). */
static double
gamma_q_cf (double a, double x)
{
  double b = x + 1.0 - a, c = 1.0 / TINY, d = 1.0 / b, h = d;
  int itmax = max_iterations (a);
  for (int i = 1; i <= itmax; i++)
    {
      double an = -i * (i - a);
      b += 2.0;
      d = an * d + b;
      if (fabs (d) < TINY)
        d = TINY;
      c = b + an / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1.0 / d;
      double del = d * c;
      h *= del;
      if (fabs (del - 1.0) <= DBL_EPSILON)
        break;
    }
  return exp (ln_prefactor (a, x)) * h;
}

/* Sets *p and *q to P(a, x) and Q(a, x); the one computed directly is
 * accurate, the other is its complement.  Returns FALSE on invalid input. */
static gboolean
gamma_pq (double a, double x, double *p, double *q)
{
  if (!(a > 0.0) || !isfinite (a) || !(x >= 0.0))
    {
      *p = *q = NAN;
      return FALSE;
    }
  if (x == 0.0)
    {
      *p = 0.0;
      *q = 1.0;
    }
  else if (isinf (x))
    {
      *p = 1.0;
      *q = 0.0;
    }
  else if (x < a + 1.0)
    {
      *p = gamma_p_series (a, x);
      *q = 1.0 - *p;
    }
  else
    {
      *q = gamma_q_cf (a, x);
      *p = 1.0 - *q;
    }
  return TRUE;
}

double
lm_stats_gamma_p (double a, double x)
{
  double p, q;
  gamma_pq (a, x, &p, &q);
  return p;
}

double
lm_stats_gamma_q (double a, double x)
{
  double p, q;
  gamma_pq (a, x, &p, &q);
  return q;
}

/* The x with P(a, x) = p; q = 1 - p. */
static double
gamma_inv (double a, double p, double q)
{
  if (!(a > 0.0) || !isfinite (a) || !(p >= 0.0 && p <= 1.0) || !(q >= 0.0 && q <= 1.0))
    return NAN;
  if (p == 0.0)
    return 0.0;
  if (q == 0.0)
    return INFINITY;

  /* g(x) increases with x and vanishes at the root; solve on the smaller
   * tail, which gamma_pq() computes without cancellation. */
  gboolean upper = p > 0.5;
  double lna = ln_gamma (a);
#define G(x, out)                                                            \
  G_STMT_START                                                               \
  {                                                                          \
    double P_, Q_;                                                           \
    gamma_pq (a, (x), &P_, &Q_);                                             \
    (out) = upper ? q - Q_ : P_ - p;                                         \
  }                                                                          \
  G_STMT_END

  /* Bracket [lo, hi] with g(lo) < 0 <= g(hi). */
  double lo = 0.0, hi = MAX (a, 1.0), g;
  for (;;)
    {
      G (hi, g);
      if (g >= 0.0)
        break;
      lo = hi;
      hi *= 2.0;
      if (isinf (hi))
        return INFINITY;
    }

  /* Newton from the mean, falling back to bisection whenever a step leaves
   * the bracket; the bracket guarantees convergence, Newton its speed.  Deep
   * in the lower tail start instead from P(a, x) ~ x^a / Gamma(a + 1), whose
   * root can be far below anything bisection reaches (a = 0.01, p = 0.005:
   * x = 4.5e-231); from there Newton climbs to the root monotonically. */
  double x = a;
  if (!upper)
    {
      double x0 = exp ((log (p) + ln_gamma (a + 1.0)) / a);
      if (x0 < x)
        x = x0;
    }
  if (x == 0.0)
    return 0.0; /* the root underflows */
  if (!(x > lo && x < hi))
    x = 0.5 * (lo + hi);
  double best = INFINITY;
  int stalled = 0;
  for (int it = 0; it < 400; it++)
    {
      G (x, g);
      if (g == 0.0)
        return x;
      if (g < 0.0)
        lo = x;
      else
        hi = x;
      double pdf = exp (-x + (a - 1.0) * log (x) - lna);
      double step = g / pdf;
      /* Near the root, once |g| stops shrinking x sits at the noise floor of
       * P (whose prefactor loses digits for large a): stop there. */
      if (fabs (g) < best)
        {
          best = fabs (g);
          stalled = 0;
        }
      else if (fabs (step) <= 1e-9 * x && ++stalled >= 3)
        return x;

      double next = x - step;
      if (!(next > lo && next < hi) || it >= 200)
        next = 0.5 * (lo + hi);
      if (fabs (next - x) <= 1e-15 * next || hi - lo <= 1e-15 * hi)
        return next;
      x = next;
    }
#undef G
  return x;
}

double
lm_stats_gamma_p_inv (double a, double p)
{
  return gamma_inv (a, p, 1.0 - p);
}

double
lm_stats_chi2_quantile (double p, double df)
{
  if (!(df > 0.0))
    return NAN;
  return 2.0 * lm_stats_gamma_p_inv (0.5 * df, p);
}

double
lm_stats_chi2_sf (double x, double df)
{
  if (!(df > 0.0) || !(x >= 0.0))
    return NAN;
  return lm_stats_gamma_q (0.5 * df, 0.5 * x);
}
