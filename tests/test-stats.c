/* test-stats.c - the statistics of the comparison report (stats/stats.h).
 *
 * Reference values and where they come from:
 * - Poisson intervals: Garwood's exact limits as tabulated (4 decimals) in
 *   the usual tables of exact Poisson confidence limits, e.g. k = 0:
 *   [0, 3.6889], k = 10: [4.7954, 18.3904]; the 12-digit values were
 *   recomputed with mpmath 1.3 (40 digits, bisection on
 *   gammainc(a, 0, x, regularized=True)).
 * - Chi-square critical values 3.8415, 6.6349, 10.8276, 15.1367 (1 df): any
 *   chi-square table; also mpmath.
 * - G2, Log Ratio, JS distance, DP: hand arithmetic shown next to each
 *   case, checked with mpmath.  DP: Gries (2008: 415), sizes 9, 10, 10, 10,
 *   11 and counts 1, 2, 3, 4, 5 give DP = 0.18.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>

#include "stats/stats.h"

/* |got - want| <= rel * |want| (or <= rel when want is 0). */
#define expect_rel(got, want, rel, ...)                                        \
  do                                                                           \
    {                                                                          \
      double got_ = (got), want_ = (want);                                     \
      double tol_ = (rel) * (want_ == 0.0 ? 1.0 : fabs (want_));               \
      cr_expect (fabs (got_ - want_) <= tol_, __VA_ARGS__);                    \
    }                                                                          \
  while (0)

#define expect_nan(got, ...) cr_expect (isnan (got), __VA_ARGS__)

/* ------------------------------------------------- Poisson (Garwood) CI */

typedef struct
{
  guint64 k;
  double lo4, hi4;   /* published, 4 decimals */
  double lo, hi;     /* mpmath, 15 digits */
} PoissonCase;

ParameterizedTestParameters (poisson, garwood_95)
{
  static PoissonCase cases[] = {
    { 0, 0.0, 3.6889, 0.0, 3.68887945411394 },
    { 1, 0.0253, 5.5716, 0.0253178079842899, 5.5716433909389 },
    { 2, 0.2422, 7.2247, 0.242209278543965, 7.22468766772396 },
    { 5, 1.6235, 11.6683, 1.62348639011842, 11.6683320793227 },
    { 10, 4.7954, 18.3904, 4.79538869613243, 18.3903560420178 },
    { 100, 81.3640, 121.6268, 81.3639912509231, 121.626793792426 },
    { 1000, 938.9730, 1063.9521, 938.973018407695, 1063.9521360163 },
  };
  return cr_make_param_array (PoissonCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (PoissonCase *c, poisson, garwood_95)
{
  double lo = -1, hi = -1;
  cr_assert (lm_stats_poisson_ci (c->k, 0.05, &lo, &hi), "k=%lu: should succeed", (unsigned long) c->k);
  cr_expect_float_eq (lo, c->lo4, 0.5e-4, "k=%lu: lower %.6f, want %.4f", (unsigned long) c->k, lo, c->lo4);
  cr_expect_float_eq (hi, c->hi4, 0.5e-4, "k=%lu: upper %.6f, want %.4f", (unsigned long) c->k, hi, c->hi4);
  expect_rel (lo, c->lo, 1e-10, "k=%lu: lower %.15g, want %.15g", (unsigned long) c->k, lo, c->lo);
  expect_rel (hi, c->hi, 1e-10, "k=%lu: upper %.15g, want %.15g", (unsigned long) c->k, hi, c->hi);
}

Test (poisson, k0_lower_is_exactly_zero)
{
  double lo = -1, hi = -1;
  cr_assert (lm_stats_poisson_ci (0, 0.05, &lo, &hi));
  cr_expect_eq (lo, 0.0, "k=0: the lower limit is exactly 0, got %g", lo);
  /* k = 0: upper = -ln(alpha/2) = ln 40 in closed form. */
  expect_rel (hi, log (40.0), 1e-12, "k=0: upper should be ln 40, got %.15g", hi);
}

Test (poisson, confidence_99)
{
  double lo, hi;
  cr_assert (lm_stats_poisson_ci (5, 0.01, &lo, &hi));
  /* Tables: k = 5 at 99%: [1.0779, 14.1498]; mpmath 1.07792824065232,
   * 14.149759411023. */
  expect_rel (lo, 1.07792824065232, 1e-10, "k=5 99%%: lower %.15g", lo);
  expect_rel (hi, 14.149759411023, 1e-10, "k=5 99%%: upper %.15g", hi);
}

Test (poisson, large_count_is_near_normal)
{
  double lo, hi;
  cr_assert (lm_stats_poisson_ci (1000000, 0.05, &lo, &hi));
  /* k = 1e6: about k -+ 1.96 sqrt(k) = [998040, 1001960]; the exact limits
   * (checked against Poisson tail sums in mpmath) are 998040.98 and
   * 1001961.91. */
  cr_expect_float_eq (lo, 998040.983, 1e-3, "k=1e6: lower %.6f", lo);
  cr_expect_float_eq (hi, 1001961.912, 1e-3, "k=1e6: upper %.6f", hi);
}

Test (poisson, invalid_alpha)
{
  const double bad[] = { 0.0, 1.0, -0.05, 1.5, NAN };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double lo = 0, hi = 0;
      cr_expect_not (lm_stats_poisson_ci (3, bad[i], &lo, &hi), "alpha=%g should be rejected", bad[i]);
      expect_nan (lo, "alpha=%g: lower should be NAN, got %g", bad[i], lo);
      expect_nan (hi, "alpha=%g: upper should be NAN, got %g", bad[i], hi);
    }
}

Test (poisson, optional_outputs)
{
  double hi = 0;
  cr_expect (lm_stats_poisson_ci (1, 0.05, NULL, &hi));
  cr_expect_float_eq (hi, 5.5716, 0.5e-4, "upper alone, got %g", hi);
  cr_expect (lm_stats_poisson_ci (1, 0.05, NULL, NULL));
}

/* ------------------------------------------------------------------ rate */

Test (rate, per_1000_with_interval)
{
  double r, lo, hi;
  cr_assert (lm_stats_rate_per_1000 (5, 2000, 0.05, &r, &lo, &hi));
  /* 5 hits in 2000 words: 2.5 per 1000; the k = 5 limits / 2. */
  cr_expect_float_eq (r, 2.5, 1e-12, "rate %g", r);
  expect_rel (lo, 1.62348639011842 / 2, 1e-10, "lower %.15g", lo);
  expect_rel (hi, 11.6683320793227 / 2, 1e-10, "upper %.15g", hi);
}

Test (rate, one_hit)
{
  double r, lo, hi;
  cr_assert (lm_stats_rate_per_1000 (1, 500, 0.05, &r, &lo, &hi));
  /* A critic with one hit in 500 words: 2 per 1000, [0.0506, 11.1433]. */
  cr_expect_float_eq (r, 2.0, 1e-12, "rate %g", r);
  cr_expect_float_eq (lo, 0.0506, 0.5e-4, "lower %g", lo);
  cr_expect_float_eq (hi, 11.1433, 0.5e-4, "upper %g", hi);
}

Test (rate, zero_hits_has_a_nonzero_upper_limit)
{
  double r, lo, hi;
  cr_assert (lm_stats_rate_per_1000 (0, 1000, 0.05, &r, &lo, &hi));
  cr_expect_eq (r, 0.0, "rate %g", r);
  cr_expect_eq (lo, 0.0, "lower %g", lo);
  cr_expect_float_eq (hi, 3.6889, 0.5e-4, "an absent motif still has upper %g", hi);
}

Test (rate, zero_words)
{
  const guint64 ks[] = { 0, 3 };
  for (guint i = 0; i < G_N_ELEMENTS (ks); i++)
    {
      double r = 0, lo = 0, hi = 0;
      cr_expect_not (lm_stats_rate_per_1000 (ks[i], 0, 0.05, &r, &lo, &hi),
                     "k=%lu, n=0 should fail", (unsigned long) ks[i]);
      expect_nan (r, "n=0: rate should be NAN, got %g", r);
      expect_nan (lo, "n=0: lower should be NAN, got %g", lo);
      expect_nan (hi, "n=0: upper should be NAN, got %g", hi);
    }
}

/* The one rate every writer prints: a voice with no words has none. */
Test (rate, per_1000_point)
{
  cr_expect_float_eq (lm_stats_per_1000 (3, 1500), 2.0, 1e-12);
  cr_expect_float_eq (lm_stats_per_1000 (0, 7), 0.0, 1e-12);
  expect_nan (lm_stats_per_1000 (0, 0), "0 words: rate should be NAN");
  expect_nan (lm_stats_per_1000 (4, 0), "0 words: rate should be NAN");
  double r = 0;
  cr_assert (lm_stats_rate_per_1000 (7, 3000, 0.05, &r, NULL, NULL));
  cr_expect_float_eq (r, lm_stats_per_1000 (7, 3000), 1e-12);
}

Test (rate, invalid_alpha)
{
  double r = 0;
  cr_expect_not (lm_stats_rate_per_1000 (2, 100, NAN, &r, NULL, NULL));
  expect_nan (r, "NaN alpha: rate should be NAN, got %g", r);
}

/* ----------------------------------------------- gamma and chi-square */

Test (gamma, exponential_closed_form)
{
  /* P(1, x) = 1 - e^-x; x on both sides of a + 1 (series and fraction). */
  const double xs[] = { 1e-8, 0.1, 1.0, 1.99, 2.01, 5.0, 30.0 };
  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double x = xs[i];
      expect_rel (lm_stats_gamma_p (1.0, x), -expm1 (-x), 1e-13, "P(1, %g)", x);
      expect_rel (lm_stats_gamma_q (1.0, x), exp (-x), 1e-13, "Q(1, %g)", x);
    }
}

Test (gamma, chi2_sf_two_df)
{
  /* Chi-square with 2 df is exponential with mean 2: sf = e^(-x/2). */
  expect_rel (lm_stats_chi2_sf (7.0, 2.0), exp (-3.5), 1e-13, "sf(7, 2)");
  expect_rel (lm_stats_chi2_sf (100.0, 2.0), exp (-50.0), 1e-12, "sf(100, 2) in the far tail");
  cr_expect_eq (lm_stats_chi2_sf (0.0, 3.0), 1.0);
}

Test (gamma, p_plus_q_is_one)
{
  const double as[] = { 0.5, 1.0, 3.0, 10.0, 150.0 };
  const double xs[] = { 0.01, 0.5, 3.0, 9.0, 11.0, 160.0 };
  for (guint i = 0; i < G_N_ELEMENTS (as); i++)
    for (guint j = 0; j < G_N_ELEMENTS (xs); j++)
      cr_expect_float_eq (lm_stats_gamma_p (as[i], xs[j]) + lm_stats_gamma_q (as[i], xs[j]),
                          1.0, 1e-13, "P + Q at a=%g, x=%g", as[i], xs[j]);
}

Test (gamma, inverse_round_trip)
{
  const double as[] = { 0.01, 0.5, 1.0, 2.5, 10.0, 101.0, 5000.0 };
  const double ps[] = { 1e-10, 0.005, 0.025, 0.5, 0.975, 0.995, 1.0 - 1e-9 };
  for (guint i = 0; i < G_N_ELEMENTS (as); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ps); j++)
      {
        /* P^-1(0.01, 1e-10) = 1e-1000 is below the doubles (gamma.tiny_shape). */
        if (as[i] < 0.1 && ps[j] < 1e-3)
          continue;
        double x = lm_stats_gamma_p_inv (as[i], ps[j]);
        cr_expect (isfinite (x) && x >= 0, "P^-1(%g, %g) = %g", as[i], ps[j], x);
        /* Check on the smaller tail, where P (or Q) is accurate. */
        if (ps[j] <= 0.5)
          expect_rel (lm_stats_gamma_p (as[i], x), ps[j], 1e-9, "P(%g, P^-1(%g))", as[i], ps[j]);
        else
          expect_rel (lm_stats_gamma_q (as[i], x), 1.0 - ps[j], 1e-9, "Q(%g, P^-1(%g))", as[i], ps[j]);
      }
}

Test (gamma, tiny_shape)
{
  /* mpmath: the median of Gamma(0.01) is 4.46553501891035e-31. */
  expect_rel (lm_stats_gamma_p_inv (0.01, 0.5), 4.46553501891035e-31, 1e-10, "median of Gamma(0.01)");
  /* Far below bisection's reach from [0, 1]: x = 4.46553501891035e-231. */
  expect_rel (lm_stats_gamma_p_inv (0.01, 0.005), 4.46553501891035e-231, 1e-10, "P^-1(0.01, 0.005)");
  /* x = (1e-10 Gamma(1.01))^100 = 1e-1000 underflows: 0, not NAN. */
  cr_expect_eq (lm_stats_gamma_p_inv (0.01, 1e-10), 0.0, "an underflowing quantile is 0");
}

Test (gamma, chi2_critical_values)
{
  expect_rel (lm_stats_chi2_quantile (0.95, 1), 3.841458820694126, 1e-10, "chi2 0.95, 1 df");
  expect_rel (lm_stats_chi2_quantile (0.99, 1), 6.634896601021215, 1e-10, "chi2 0.99, 1 df");
  expect_rel (lm_stats_chi2_quantile (0.999, 1), 10.82756617066273, 1e-10, "chi2 0.999, 1 df");
  expect_rel (lm_stats_chi2_quantile (0.9999, 1), 15.1367052266234, 1e-10, "chi2 0.9999, 1 df");
  /* The header's rounded constants agree with them. */
  cr_expect_float_eq (LM_STATS_G2_P05, lm_stats_chi2_quantile (0.95, 1), 0.005);
  cr_expect_float_eq (LM_STATS_G2_P01, lm_stats_chi2_quantile (0.99, 1), 0.005);
  cr_expect_float_eq (LM_STATS_G2_P001, lm_stats_chi2_quantile (0.999, 1), 0.005);
  cr_expect_float_eq (LM_STATS_G2_P0001, lm_stats_chi2_quantile (0.9999, 1), 0.007);
}

Test (gamma, edges_and_invalid)
{
  cr_expect_eq (lm_stats_gamma_p_inv (3.0, 0.0), 0.0);
  cr_expect (isinf (lm_stats_gamma_p_inv (3.0, 1.0)));
  cr_expect_eq (lm_stats_gamma_p (2.0, 0.0), 0.0);
  cr_expect_eq (lm_stats_gamma_p (2.0, INFINITY), 1.0);
  expect_nan (lm_stats_gamma_p (0.0, 1.0), "a = 0");
  expect_nan (lm_stats_gamma_p (-1.0, 1.0), "a < 0");
  expect_nan (lm_stats_gamma_q (1.0, -1.0), "x < 0");
  expect_nan (lm_stats_gamma_p (NAN, 1.0), "a NaN");
  expect_nan (lm_stats_gamma_p (1.0, NAN), "x NaN");
  expect_nan (lm_stats_gamma_p_inv (1.0, 1.5), "p > 1");
  expect_nan (lm_stats_gamma_p_inv (1.0, -0.1), "p < 0");
  expect_nan (lm_stats_gamma_p_inv (1.0, NAN), "p NaN");
  expect_nan (lm_stats_chi2_quantile (0.95, 0.0), "0 df");
  expect_nan (lm_stats_chi2_quantile (0.95, -2.0), "negative df");
  expect_nan (lm_stats_chi2_sf (-1.0, 1.0), "negative x");
  expect_nan (lm_stats_chi2_sf (1.0, NAN), "NaN df");
}

/* --------------------------------------------------------------- keyness */

Test (keyness, equal_sizes_hand_computed)
{
  /* a=30, b=10, c=d=10000: E1 = E2 = 10000 * 40 / 20000 = 20.
   * G2 = 2 (30 ln(30/20) + 10 ln(10/20)) = 2 (12.163953 - 6.931472)
   *    = 10.464963, overuse in corpus 1 (+).  p = erfc(sqrt(5.232481))
   *    = 0.0012166.  LR = log2((30/10000) / (10/10000)) = log2 3 = 1.58496. */
  double g2 = lm_stats_log_likelihood (30, 10, 10000, 10000);
  expect_rel (g2, 10.464962875291, 1e-12, "G2 %.12g", g2);
  expect_rel (lm_stats_g2_p_value (g2), 0.00121659992337749, 1e-9, "p");
  expect_rel (lm_stats_log_ratio (30, 10, 10000, 10000), log2 (3.0), 1e-12, "LR");
  cr_expect (g2 >= LM_STATS_G2_P01 && !(g2 >= LM_STATS_G2_P001), "p < 0.01 but not < 0.001");
}

Test (keyness, unequal_sizes_underuse)
{
  /* a=10, b=40, c=1000, d=2000: E1 = 1000*50/3000 = 16.6667,
   * E2 = 2000*50/3000 = 33.3333.
   * G2 = 2 (10 ln(10/16.6667) + 40 ln(40/33.3333)) = 2 (10 ln 0.6 + 40 ln 1.2)
   *    = 2 (-5.108256 + 7.292862) = 4.369212, underuse in corpus 1 (-).
   * LR = log2(0.01 / 0.02) = -1. */
  double g2 = lm_stats_log_likelihood (10, 40, 1000, 2000);
  expect_rel (g2, -4.36921206819656, 1e-12, "G2 %.12g", g2);
  expect_rel (lm_stats_g2_p_value (g2), 0.0365939091633758, 1e-9, "p of a negative G2");
  expect_rel (lm_stats_log_ratio (10, 40, 1000, 2000), -1.0, 1e-12, "LR");
}

Test (keyness, larger_counts)
{
  /* mpmath, 30 digits: G2 = 98.2563440276313, p = 3.67580890944715e-23,
   * LR = log2((1234/1e6) / (567/750000)) = 0.706884254928345. */
  LmKeyness k;
  cr_assert (lm_stats_keyness (1234, 567, 1000000, 750000, &k));
  expect_rel (k.g2, 98.2563440276313, 1e-11, "G2 %.15g", k.g2);
  expect_rel (k.p, 3.67580890944715e-23, 1e-8, "p %g", k.p);
  expect_rel (k.log_ratio, 0.706884254928345, 1e-12, "LR %.15g", k.log_ratio);
}

Test (keyness, huge_counts_stay_finite)
{
  /* 3e9 vs 2e9 in 1e12 words each; mpmath: G2 = 201355135.506889. */
  double g2 = lm_stats_log_likelihood (3000000000ULL, 2000000000ULL, 1000000000000ULL,
                                       1000000000000ULL);
  expect_rel (g2, 201355135.506889, 1e-9, "G2 %.15g", g2);
  cr_expect_eq (lm_stats_g2_p_value (g2), 0.0, "p underflows to 0");
}

Test (keyness, equal_relative_frequencies)
{
  /* 20/1000 == 40/2000: G2 = 0, LR = 0, p = 1. */
  LmKeyness k;
  cr_assert (lm_stats_keyness (20, 40, 1000, 2000, &k));
  cr_expect_float_eq (k.g2, 0.0, 1e-12, "G2 %g", k.g2);
  cr_expect_float_eq (k.log_ratio, 0.0, 1e-12, "LR %g", k.log_ratio);
  cr_expect_float_eq (k.p, 1.0, 1e-9, "p %g", k.p);
}

Test (keyness, antisymmetric)
{
  double g = lm_stats_log_likelihood (7, 19, 3000, 4100);
  double h = lm_stats_log_likelihood (19, 7, 4100, 3000);
  cr_expect (g < 0, "7/3000 < 19/4100 is underuse, got %g", g);
  cr_expect_float_eq (g, -h, 1e-12, "swapping the corpora flips the sign: %g vs %g", g, h);
  cr_expect_float_eq (lm_stats_log_ratio (7, 19, 3000, 4100), -lm_stats_log_ratio (19, 7, 4100, 3000),
                      1e-12);
}

Test (keyness, zero_in_one_corpus)
{
  /* a=5, b=0, c=d=1000: E1 = 2.5, G2 = 2 * 5 ln 2 = 6.931472 (the b term is
   * 0 ln 0 = 0).  LR with b -> 0.5: log2(5 / 0.5) = log2 10 = 3.321928. */
  expect_rel (lm_stats_log_likelihood (5, 0, 1000, 1000), 10.0 * G_LN2, 1e-12, "b = 0");
  expect_rel (lm_stats_log_likelihood (0, 5, 1000, 1000), -10.0 * G_LN2, 1e-12, "a = 0");
  expect_rel (lm_stats_log_ratio (5, 0, 1000, 1000), log2 (10.0), 1e-12, "LR, b = 0");
  expect_rel (lm_stats_log_ratio (0, 5, 1000, 1000), -log2 (10.0), 1e-12, "LR, a = 0");
  /* 0.5 in 559 words is more than 1 in 3704: the substitution must not turn
   * "never used" into "used more". */
  cr_expect_eq (lm_stats_log_ratio (0, 1, 559, 3704), 0.0, "LR, a = 0 in a small corpus");
  cr_expect_eq (lm_stats_log_ratio (1, 0, 3704, 559), 0.0, "LR, b = 0 in a small corpus");
  expect_rel (lm_stats_log_ratio (0, 1, 3704, 559), log2 (0.5 / 3704 * 559), 1e-12,
              "LR, a = 0, still pointing the right way");
  /* One hit against none. */
  double g1 = lm_stats_log_likelihood (1, 0, 800, 1200);
  cr_expect (isfinite (g1) && g1 > 0, "one hit vs none: finite and positive, got %g", g1);
  /* E1 = 800/2000 = 0.4: G2 = 2 ln(1/0.4) = 1.832581. */
  expect_rel (g1, 2.0 * log (2.5), 1e-12, "one hit vs none");
}

Test (keyness, absent_from_both)
{
  LmKeyness k;
  cr_assert (lm_stats_keyness (0, 0, 1000, 5000, &k), "a motif nobody uses is a valid table");
  cr_expect_eq (k.g2, 0.0, "G2 %g", k.g2);
  cr_expect_eq (k.log_ratio, 0.0, "LR %g, not log2(5000/1000)", k.log_ratio);
  cr_expect_float_eq (k.p, 1.0, 1e-12, "p %g", k.p);
}

Test (keyness, invalid_tables)
{
  const guint64 bad[][4] = {
    { 1, 2, 0, 100 },   /* empty corpus 1 */
    { 1, 2, 100, 0 },   /* empty corpus 2 */
    { 0, 0, 0, 0 },
    { 101, 2, 100, 100 }, /* more hits than words */
    { 1, 101, 100, 100 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const guint64 *t = bad[i];
      expect_nan (lm_stats_log_likelihood (t[0], t[1], t[2], t[3]), "G2 of case %u", i);
      expect_nan (lm_stats_log_ratio (t[0], t[1], t[2], t[3]), "LR of case %u", i);
      LmKeyness k = { 0, 0, 0 };
      cr_expect_not (lm_stats_keyness (t[0], t[1], t[2], t[3], &k), "keyness of case %u", i);
      expect_nan (k.g2, "case %u: g2", i);
      expect_nan (k.p, "case %u: p", i);
      expect_nan (k.log_ratio, "case %u: log_ratio", i);
    }
  cr_expect_not (lm_stats_keyness (1, 1, 10, 10, NULL));
}

Test (keyness, p_value)
{
  /* erfc(sqrt(g2/2)) at the rounded thresholds (mpmath). */
  expect_rel (lm_stats_g2_p_value (LM_STATS_G2_P05), 0.05004352125, 1e-9, "3.84");
  expect_rel (lm_stats_g2_p_value (LM_STATS_G2_P01), 0.01002752645, 1e-9, "6.63");
  expect_rel (lm_stats_g2_p_value (LM_STATS_G2_P001), 0.0009986863792, 1e-9, "10.83");
  expect_rel (lm_stats_g2_p_value (LM_STATS_G2_P0001), 0.0001003557873, 1e-9, "15.13");
  cr_expect_eq (lm_stats_g2_p_value (0.0), 1.0);
  /* Agrees with the general chi-square tail. */
  expect_rel (lm_stats_g2_p_value (4.2), lm_stats_chi2_sf (4.2, 1.0), 1e-12, "vs chi2_sf");
  expect_nan (lm_stats_g2_p_value (NAN), "NaN propagates");
}

/* ------------------------------------------------------------ similarity */

Test (similarity, cosine_values)
{
  const double x[] = { 1, 2, 3 }, y[] = { 4, 5, 6 };
  /* 32 / (sqrt 14 sqrt 77) = 32 / sqrt 1078 = 0.974632 */
  expect_rel (lm_stats_cosine (x, y, 3), 32.0 / sqrt (1078.0), 1e-14, "cos(x, y)");
  const double x2[] = { 2, 4, 6 }, neg[] = { -1, -2, -3 };
  cr_expect_float_eq (lm_stats_cosine (x, x2, 3), 1.0, 1e-15, "parallel");
  cr_expect (lm_stats_cosine (x, x2, 3) <= 1.0, "never above 1");
  cr_expect_float_eq (lm_stats_cosine (x, neg, 3), -1.0, 1e-15, "opposite");
  const double e1[] = { 1, 0 }, e2[] = { 0, 3 };
  cr_expect_eq (lm_stats_cosine (e1, e2, 2), 0.0, "orthogonal");
}

Test (similarity, cosine_undefined)
{
  const double x[] = { 1, 2, 3 }, z[] = { 0, 0, 0 };
  const double n[] = { 1, NAN, 3 }, inf[] = { 1, INFINITY, 3 };
  expect_nan (lm_stats_cosine (x, z, 3), "zero vector");
  expect_nan (lm_stats_cosine (z, z, 3), "two zero vectors");
  expect_nan (lm_stats_cosine (x, x, 0), "n = 0");
  expect_nan (lm_stats_cosine (x, n, 3), "NaN entry");
  expect_nan (lm_stats_cosine (inf, x, 3), "infinite entry");
}

Test (similarity, js_identical_and_disjoint)
{
  const double p[] = { 1, 2, 3, 0 }, p2[] = { 2, 4, 6, 0 }, d[] = { 0, 0, 0, 5 };
  cr_expect_float_eq (lm_stats_js_distance (p, p, 4), 0.0, 1e-7, "identical");
  cr_expect_float_eq (lm_stats_js_distance (p, p2, 4), 0.0, 1e-7, "same distribution, other scale");
  cr_expect_float_eq (lm_stats_js_distance (p, d, 4), 1.0, 1e-12, "disjoint supports");
}

Test (similarity, js_hand_computed)
{
  /* P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4):
   * JSD = 1/2 log2(4/3) + 1/2 (1/2 log2(2/3) + 1/2 log2 2)
   *     = 0.207519 + 1/2 (-0.292481 + 0.5) = 0.311278; distance 0.557923. */
  const double p[] = { 1, 0 }, q[] = { 1, 1 };
  expect_rel (lm_stats_js_distance (p, q, 2), 0.557923045284144, 1e-12, "distance");
  expect_rel (lm_stats_js_distance (q, p, 2), 0.557923045284144, 1e-12, "symmetric");
  /* Counts (3,1,0,2) vs (0,1,4,1), mpmath: 0.777019545970184. */
  const guint64 a[] = { 3, 1, 0, 2 }, b[] = { 0, 1, 4, 1 };
  expect_rel (lm_stats_js_distance_counts (a, b, 4), 0.777019545970184, 1e-12, "counts");
}

Test (similarity, js_undefined)
{
  const double p[] = { 1, 2 }, z[] = { 0, 0 }, neg[] = { 3, -1 }, n[] = { NAN, 1 };
  expect_nan (lm_stats_js_distance (p, z, 2), "one empty profile");
  expect_nan (lm_stats_js_distance (z, p, 2), "one empty profile, first");
  expect_nan (lm_stats_js_distance (z, z, 2), "both empty");
  expect_nan (lm_stats_js_distance (p, p, 0), "n = 0");
  expect_nan (lm_stats_js_distance (p, neg, 2), "negative entry");
  expect_nan (lm_stats_js_distance (n, p, 2), "NaN entry");
  const guint64 c[] = { 0, 0 }, d[] = { 1, 0 };
  expect_nan (lm_stats_js_distance_counts (c, d, 2), "empty counts");
}

/* ------------------------------------------------------------ dispersion */

static const double gries_sizes[] = { 9, 10, 10, 10, 11 };

Test (dispersion, gries_2008_example)
{
  /* V = 15, S = 50.  |v/V - s/S|: |1/15-.18| = .11333, |2/15-.2| = .06667,
   * |3/15-.2| = 0, |4/15-.2| = .06667, |5/15-.22| = .11333; sum .36,
   * DP = .18.  DPnorm = .18 / (1 - .18) = .219512. */
  const double v[] = { 1, 2, 3, 4, 5 };
  double norm = -1;
  double dp = lm_stats_dp (gries_sizes, v, 5, &norm);
  cr_expect_float_eq (dp, 0.18, 1e-12, "DP %.15g", dp);
  cr_expect_float_eq (norm, 0.18 / 0.82, 1e-12, "DPnorm %.15g", norm);
}

Test (dispersion, even_spread)
{
  /* Counts proportional to the sizes. */
  const double v[] = { 18, 20, 20, 20, 22 };
  double norm = -1;
  cr_expect_float_eq (lm_stats_dp (gries_sizes, v, 5, &norm), 0.0, 1e-12);
  cr_expect_float_eq (norm, 0.0, 1e-12);
}

Test (dispersion, all_in_one_part)
{
  /* All in the smallest part: DP = 1/2 (.82 + .82) = .82 = max, DPnorm 1. */
  const double small[] = { 7, 0, 0, 0, 0 };
  double norm = -1;
  cr_expect_float_eq (lm_stats_dp (gries_sizes, small, 5, &norm), 0.82, 1e-12);
  cr_expect_float_eq (norm, 1.0, 1e-12);
  /* All in the largest part: DP = 1/2 (.78 + .78) = .78, DPnorm .78/.82. */
  const double large[] = { 0, 0, 0, 0, 3 };
  cr_expect_float_eq (lm_stats_dp (gries_sizes, large, 5, &norm), 0.78, 1e-12);
  cr_expect_float_eq (norm, 0.78 / 0.82, 1e-12);
}

Test (dispersion, one_hit)
{
  /* One occurrence in 10 equal parts: DP = 1/2 (.9 + 9 * .1) = .9. */
  const double s[10] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
  const double v[10] = { 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
  double norm = -1;
  cr_expect_float_eq (lm_stats_dp (s, v, 10, &norm), 0.9, 1e-12);
  cr_expect_float_eq (norm, 1.0, 1e-12);
}

Test (dispersion, single_part)
{
  const double s[] = { 100 }, v[] = { 4 };
  double norm = 0;
  cr_expect_eq (lm_stats_dp (s, v, 1, &norm), 0.0);
  expect_nan (norm, "DPnorm of one part is 0/0, got %g", norm);
}

Test (dispersion, invalid)
{
  const double zero[] = { 0, 0, 0, 0, 0 }, neg[] = { 1, -1, 0, 0, 0 }, n[] = { 1, NAN, 0, 0, 0 };
  const double v[] = { 1, 2, 3, 4, 5 };
  double norm = 0;
  expect_nan (lm_stats_dp (gries_sizes, zero, 5, &norm), "V = 0 (absent item)");
  expect_nan (norm, "V = 0: DPnorm");
  expect_nan (lm_stats_dp (zero, v, 5, NULL), "S = 0");
  expect_nan (lm_stats_dp (gries_sizes, neg, 5, NULL), "negative count");
  expect_nan (lm_stats_dp (neg, v, 5, NULL), "negative size");
  expect_nan (lm_stats_dp (gries_sizes, n, 5, NULL), "NaN count");
  expect_nan (lm_stats_dp (gries_sizes, v, 0, NULL), "no parts");
}

Test (dispersion, bin_positions)
{
  const double pos[] = { 0.0, 0.05, 0.1, 0.55, 0.999, 1.0 };
  double counts[10];
  cr_assert (lm_stats_bin_positions (pos, G_N_ELEMENTS (pos), 10, counts));
  const double want[10] = { 2, 1, 0, 0, 0, 1, 0, 0, 0, 2 };
  for (guint i = 0; i < 10; i++)
    cr_expect_eq (counts[i], want[i], "part %u: %g, want %g", i, counts[i], want[i]);
  cr_expect (lm_stats_bin_positions (NULL, 0, 3, counts), "no positions");
  cr_expect (counts[0] == 0 && counts[1] == 0 && counts[2] == 0, "no positions: zeros");
}

Test (dispersion, bin_positions_invalid)
{
  const double out[] = { 0.5, 1.01 }, nan_pos[] = { NAN }, neg[] = { -0.01 };
  double counts[4];
  cr_expect_not (lm_stats_bin_positions (out, 2, 4, counts), "position > 1");
  expect_nan (counts[0], "counts NAN after failure");
  cr_expect_not (lm_stats_bin_positions (nan_pos, 1, 4, counts), "NaN position");
  cr_expect_not (lm_stats_bin_positions (neg, 1, 4, counts), "negative position");
  cr_expect_not (lm_stats_bin_positions (out, 1, 0, counts), "k = 0");
}

Test (dispersion, gathered_in_final_third)
{
  /* "letting go" 30 times, all in [0.7, 1.0): parts 8-10 of 10 hold 10
   * each.  DP = 1/2 (7 * .1 + 3 * |1/3 - .1|) = 1/2 (.7 + .7) = .7;
   * DPnorm = .7 / .9 = .7778.  Spread evenly instead, DP = 0. */
  double late[30], even[30];
  for (guint i = 0; i < 30; i++)
    {
      late[i] = 0.7 + 0.01 * i;
      even[i] = (i + 0.5) / 30.0;
    }
  double norm = -1;
  double dp = lm_stats_dp_positions (late, 30, 10, &norm);
  cr_expect_float_eq (dp, 0.7, 1e-12, "late DP %g", dp);
  cr_expect_float_eq (norm, 0.7 / 0.9, 1e-12, "late DPnorm %g", norm);
  cr_expect_float_eq (lm_stats_dp_positions (even, 30, 10, &norm), 0.0, 1e-12, "even DP");
  cr_expect_float_eq (norm, 0.0, 1e-12, "even DPnorm");
}

Test (dispersion, positions_undefined)
{
  const double pos[] = { 0.2 }, bad[] = { 2.0 };
  double norm = 0;
  expect_nan (lm_stats_dp_positions (pos, 0, 10, &norm), "no occurrences");
  expect_nan (norm, "no occurrences: DPnorm");
  expect_nan (lm_stats_dp_positions (bad, 1, 10, NULL), "position out of range");
  expect_nan (lm_stats_dp_positions (pos, 1, 0, NULL), "k = 0");
  cr_expect_eq (lm_stats_dp_positions (pos, 1, 1, &norm), 0.0, "k = 1: DP 0");
  expect_nan (norm, "k = 1: DPnorm");
}

/* ----------------------------------------------------------- quantiles */

Test (quantile, type_7)
{
  /* R: quantile(c(1, 2, 3, 4), c(0, .1, .25, .5, .75, .9, 1)) (type 7, the
   * default) gives 1, 1.3, 1.75, 2.5, 3.25, 3.7, 4. */
  const double x[] = { 1, 2, 3, 4 };
  const double p[] = { 0, 0.1, 0.25, 0.5, 0.75, 0.9, 1 };
  const double want[] = { 1, 1.3, 1.75, 2.5, 3.25, 3.7, 4 };
  for (guint i = 0; i < G_N_ELEMENTS (p); i++)
    cr_expect_float_eq (lm_stats_quantile_sorted (x, 4, p[i]), want[i], 1e-12, "p = %g", p[i]);
  const double one[] = { 7.5 };
  cr_expect_eq (lm_stats_quantile_sorted (one, 1, 0.25), 7.5, "one value is every quantile");
  cr_expect_eq (lm_stats_quantile_sorted (one, 1, 1), 7.5, "one value, p = 1");
}

Test (quantile, undefined)
{
  const double x[] = { 1, 2, 3 }, unsorted[] = { 2, 1 }, with_nan[] = { 1, NAN };
  expect_nan (lm_stats_quantile_sorted (x, 0, 0.5), "empty sample");
  expect_nan (lm_stats_quantile_sorted (NULL, 3, 0.5), "no sample");
  expect_nan (lm_stats_quantile_sorted (x, 3, -0.1), "p < 0");
  expect_nan (lm_stats_quantile_sorted (x, 3, 1.5), "p > 1");
  expect_nan (lm_stats_quantile_sorted (x, 3, NAN), "p NaN");
  expect_nan (lm_stats_quantile_sorted (unsorted, 2, 0.5), "not sorted");
  expect_nan (lm_stats_quantile_sorted (with_nan, 2, 0.5), "a NaN in the sample");
}

/* -------------------------------------------------------- independence */

Test (independence, two_by_two)
{
  /* Rows (10, 20), (30, 40): N 100, expected 12, 18, 28, 42,
   * X2 = 4/12 + 4/18 + 4/28 + 4/42 = 0.793650793650794, df 1,
   * p = erfc(sqrt(X2 / 2)) = 0.372998483613487. */
  const guint64 t[] = { 10, 20, 30, 40 };
  LmIndependence r;
  cr_assert (lm_stats_independence (t, 2, 2, &r), "a 2x2 table is testable");
  cr_expect_float_eq (r.chi2, 0.793650793650794, 1e-12, "X2 %g", r.chi2);
  cr_expect_eq (r.df, 1, "df");
  cr_expect_float_eq (r.p, 0.372998483613487, 1e-10, "p %g", r.p);
  cr_expect_float_eq (r.min_expected, 12, 1e-12, "least expected");
  cr_expect (lm_stats_independence_reliable (&r), "every expected count >= 5");
}

Test (independence, two_by_three)
{
  /* Rows (5, 10, 15), (15, 10, 5): every expected count 10, X2 = 10, df 2,
   * p = exp(-10 / 2) = 0.006737946999085467. */
  const guint64 t[] = { 5, 10, 15, 15, 10, 5 };
  LmIndependence r;
  cr_assert (lm_stats_independence (t, 2, 3, &r), "testable");
  cr_expect_float_eq (r.chi2, 10, 1e-12, "X2 %g", r.chi2);
  cr_expect_eq (r.df, 2, "df");
  cr_expect_float_eq (r.p, 0.006737946999085467, 1e-10, "p %g", r.p);
}

Test (independence, empty_rows_and_columns_left_out)
{
  /* (5, 0, 15), (0, 0, 0), (15, 0, 5): the empty row and column carry
   * nothing; what is left is the 2x2 (5, 15), (15, 5): expected 10 each,
   * X2 = 10, df 1, p = erfc(sqrt(5)) = 0.0015654022580025. */
  const guint64 t[] = { 5, 0, 15, 0, 0, 0, 15, 0, 5 };
  LmIndependence r;
  cr_assert (lm_stats_independence (t, 3, 3, &r), "testable");
  cr_expect_float_eq (r.chi2, 10, 1e-12, "X2 %g", r.chi2);
  cr_expect_eq (r.df, 1, "df counts the non-empty rows and columns only");
  cr_expect_eq (r.rows, 2, "rows");
  cr_expect_eq (r.cols, 2, "cols");
  cr_expect_float_eq (r.p, 0.0015654022580025, 1e-10, "p %g", r.p);
}

Test (independence, small_counts_unreliable)
{
  /* (1, 0), (0, 1): expected 0.5 each, X2 = 4 * 0.25 / 0.5 = 2; below
   * Cochran's minimum of 1. */
  const guint64 t[] = { 1, 0, 0, 1 };
  LmIndependence r;
  cr_assert (lm_stats_independence (t, 2, 2, &r), "testable");
  cr_expect_float_eq (r.chi2, 2, 1e-12, "X2");
  cr_expect_float_eq (r.min_expected, 0.5, 1e-12, "least expected");
  cr_expect_eq (r.small_expected, 4, "every cell below 5");
  cr_expect (!lm_stats_independence_reliable (&r), "not reliable");
  /* (6, 0), (4, 6): expected 3.75, 2.25, 6.25, 3.75: all >= 1 but three of
   * four below 5, more than a fifth. */
  const guint64 u[] = { 6, 0, 4, 6 };
  cr_assert (lm_stats_independence (u, 2, 2, &r), "testable");
  cr_expect_eq (r.small_expected, 3, "three small cells");
  cr_expect (!lm_stats_independence_reliable (&r), "more than a fifth below 5");
}

Test (independence, untestable)
{
  const guint64 one_row[] = { 3, 4 }, one_col[] = { 3, 0, 4, 0 }, zeros[] = { 0, 0, 0, 0 };
  LmIndependence r;
  cr_expect (!lm_stats_independence (one_row, 1, 2, &r), "one row");
  expect_nan (r.chi2, "one row: X2");
  expect_nan (r.p, "one row: p");
  cr_expect (!lm_stats_independence_reliable (&r), "one row: not reliable");
  cr_expect (!lm_stats_independence (one_col, 2, 2, &r), "one non-empty column");
  cr_expect (!lm_stats_independence (zeros, 2, 2, &r), "all zeros");
  cr_expect (!lm_stats_independence (NULL, 2, 2, &r), "no table");
  cr_expect (!lm_stats_independence (one_row, 1, 2, NULL), "no output");
}
