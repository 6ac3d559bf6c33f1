/* stats.h - the statistics of the comparison report: rates with exact
 * Poisson intervals, keyness (log-likelihood G2, Log Ratio), similarity of
 * profiles (cosine, Jensen-Shannon distance) and dispersion (Gries' DP).
 *
 * Files: gamma.c (incomplete gamma and chi-square), rate.c, keyness.c,
 * similarity.c, dispersion.c, quantile.c, independence.c.
 *
 * Conventions of every function here:
 * - Invalid arguments (a zero or negative total, a negative or NaN entry, a
 *   probability outside its range, ...) never abort: functions that return a
 *   double return NAN, functions that return a gboolean return FALSE and set
 *   their outputs to NAN.  Each function lists the cases it rejects.
 * - A NaN in any input gives NAN (or FALSE); NaN is never silently dropped.
 * - Ownership: arrays are borrowed (transfer none) and never kept; nothing is
 *   returned is allocated, so there is nothing to free.
 * Thread safety: every function is pure (no global state, no errno read) and
 * safe to call from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ----------------------------------------------------- special functions */

/* lm_stats_gamma_p / lm_stats_gamma_q:
 * The regularized incomplete gamma functions P(a, x) = gamma(a, x) / Gamma(a)
 * and Q(a, x) = 1 - P(a, x), by the series (x < a + 1) or Lentz's continued
 * fraction (x >= a + 1) of Press et al., "Numerical Recipes", 3rd ed.,
 * section 6.2.  Whichever of P and Q is computed directly is accurate to a
 * few ulps times the conditioning of exp(-x + a ln x - lgamma a).
 * Edge cases: x = 0 gives P = 0; x = +inf gives P = 1.
 * Returns: NAN when a <= 0, x < 0, or either is NaN. */
double lm_stats_gamma_p (double a, double x);
double lm_stats_gamma_q (double a, double x);

/* lm_stats_gamma_p_inv:
 * The x >= 0 with P(a, x) = @p (quantile of the Gamma(a, 1) distribution),
 * by Newton's method kept inside a bisection bracket, to a relative accuracy
 * of about 1e-13 (the tests ask for 1e-10).  For p > 0.5 the equation
 * Q(a, x) = 1 - p is solved instead, so that upper quantiles do not lose
 * digits to cancellation.
 * Edge cases: p = 0 gives 0; p = 1 gives +inf.
 * Returns: NAN when a <= 0, p outside [0, 1], or either is NaN. */
double lm_stats_gamma_p_inv (double a, double p);

/* lm_stats_chi2_quantile:
 * The chi-square quantile chi2inv(@p, @df) = 2 * lm_stats_gamma_p_inv(df/2, p).
 * Returns: NAN when df <= 0, p outside [0, 1], or either is NaN. */
double lm_stats_chi2_quantile (double p, double df);

/* lm_stats_chi2_sf:
 * The upper tail Pr(X >= @x) of a chi-square variable with @df degrees of
 * freedom, Q(df/2, x/2).
 * Returns: NAN when df <= 0, x < 0, or either is NaN. */
double lm_stats_chi2_sf (double x, double df);

/* ------------------------------------------------------------------ rate */

/**
 * lm_stats_poisson_ci:
 * @k: observed count
 * @alpha: 1 - confidence level, in (0, 1) (0.05 for a 95% interval)
 * @lower: (out) (optional): lower limit of the mean
 * @upper: (out) (optional): upper limit of the mean
 *
 * The exact (Garwood 1936, "Fiducial limits for the Poisson distribution",
 * Biometrika 28:437-442) two-sided interval of a Poisson mean:
 *   lower = chi2inv(alpha/2, 2k) / 2    (0 when k = 0)
 *   upper = chi2inv(1 - alpha/2, 2k + 2) / 2
 * computed as Gamma quantiles, lower = P^-1(k, alpha/2) and
 * upper = P^-1(k + 1, 1 - alpha/2).  For alpha = 0.05: k = 0 gives
 * [0, 3.6889], k = 1 gives [0.0253, 5.5716], k = 10 gives [4.7954, 18.3904].
 * The interval is conservative (coverage >= 1 - alpha).
 *
 * Returns: FALSE, with both limits NAN, when alpha is not in (0, 1) or NaN.
 */
gboolean lm_stats_poisson_ci (guint64 k, double alpha, double *lower, double *upper);

/**
 * lm_stats_per_1000:
 * @k: hits
 * @n: words
 *
 * The one rate of leitmotif: 1000 * k / n, and NAN when @n is 0 (a voice
 * or text with no words has no rate, not a rate of 0; writers print NAN as
 * an empty cell or JSON null).
 */
double lm_stats_per_1000 (guint64 k, guint64 n);

/**
 * lm_stats_rate_per_1000:
 * @k: hits in the text
 * @n: words in the text
 * @alpha: as for lm_stats_poisson_ci()
 * @rate: (out) (optional): 1000 * k / n
 * @lower: (out) (optional): 1000 * Poisson lower limit of k / n
 * @upper: (out) (optional): 1000 * Poisson upper limit of k / n
 *
 * A rate per 1000 words and its exact Poisson interval, treating @n as
 * fixed exposure (the count is Poisson, the text length is not random).
 * k > n is not rejected (a caller may count overlapping hits).
 *
 * Returns: FALSE, with all three outputs NAN, when n = 0 (a text with no
 * words has no rate, not a rate of 0) or alpha is invalid.
 */
gboolean lm_stats_rate_per_1000 (guint64 k, guint64 n, double alpha,
                                 double *rate, double *lower, double *upper);

/* --------------------------------------------------------------- keyness */

/* Critical values of chi-square with 1 df, the usual G2 cut-offs (Rayson,
 * Berridge & Francis 2004; Rayson's log-likelihood calculator page,
 * https://ucrel.lancs.ac.uk/llwizard.html). */
#define LM_STATS_G2_P05 3.84     /* p < 0.05 */
#define LM_STATS_G2_P01 6.63     /* p < 0.01 */
#define LM_STATS_G2_P001 10.83   /* p < 0.001 */
#define LM_STATS_G2_P0001 15.13  /* p < 0.0001 */

/**
 * lm_stats_log_likelihood:
 * @a: frequency of the item in corpus 1
 * @b: frequency of the item in corpus 2
 * @c: size of corpus 1 (words)
 * @d: size of corpus 2 (words)
 *
 * Signed log-likelihood G2 of the 2x2 keyness comparison (Dunning 1993,
 * "Accurate methods for the statistics of surprise and coincidence",
 * Computational Linguistics 19(1); in the two-cell form of Rayson & Garside
 * 2000, "Comparing corpora using frequency profiling", WCC workshop, ACL):
 *   E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d)
 *   G2 = 2 (a ln(a / E1) + b ln(b / E2)),  with 0 ln 0 = 0
 * returned with a sign: +G2 when a/c > b/d (overuse in corpus 1), -G2 when
 * a/c < b/d, 0 when the relative frequencies are equal or a = b = 0.
 * A zero count is fine (a = 0 or b = 0 gives a finite G2).
 *
 * Returns: the signed G2, or NAN when c = 0, d = 0, a > c or b > d (the
 * contingency table would have a negative cell).
 */
double lm_stats_log_likelihood (guint64 a, guint64 b, guint64 c, guint64 d);

/* lm_stats_g2_p_value:
 * The p-value of a G2 against chi-square with 1 df, p = erfc(sqrt(|g2| / 2))
 * (the sign of a signed G2 is ignored).  g2 = 0 gives 1.
 * Returns: NAN when g2 is NaN. */
double lm_stats_g2_p_value (double g2);

/**
 * lm_stats_log_ratio:
 *
 * Hardie's Log Ratio, the binary log of the ratio of relative frequencies
 * (Hardie 2014, "Log Ratio - an informal introduction", CASS, Lancaster
 * University, http://cass.lancs.ac.uk/log-ratio-an-informal-introduction/):
 *   LR = log2((a / c) / (b / d))
 * Each +1 is a doubling.  As Hardie recommends, a zero frequency is replaced
 * by 0.5 so that LR stays finite.  When a = b = 0 the result is 0: there is
 * no difference to measure, and replacing both by 0.5 would give log2(d / c),
 * an artefact of the corpus sizes.
 *
 * When the substitution would point the wrong way (a = 0 in a corpus much
 * smaller than the other, so that 0.5 / c > b / d), the result is 0: the
 * zero gives the direction, not the size of the effect.
 *
 * Returns: LR, or NAN when c = 0, d = 0, a > c or b > d.
 */
double lm_stats_log_ratio (guint64 a, guint64 b, guint64 c, guint64 d);

typedef struct
{
  double g2;        /* signed, as lm_stats_log_likelihood() */
  double p;         /* lm_stats_g2_p_value (g2) */
  double log_ratio; /* lm_stats_log_ratio() */
} LmKeyness;

/* Fills @out (caller-allocated) with the three measures above.
 * Returns: FALSE, with every field NAN, when the table is invalid (as for
 * lm_stats_log_likelihood()); FALSE when @out is NULL. */
gboolean lm_stats_keyness (guint64 a, guint64 b, guint64 c, guint64 d, LmKeyness *out);

/* ------------------------------------------------------------ similarity */

/* lm_stats_cosine:
 * Cosine similarity x.y / (|x| |y|) of two vectors of @n doubles, in
 * [-1, 1] ([0, 1] for non-negative vectors such as frequency profiles).
 * Returns: NAN when n = 0, when either vector is all zeros (the angle is
 * undefined), or when any entry is NaN or infinite. */
double lm_stats_cosine (const double *x, const double *y, gsize n);

/* lm_stats_js_distance:
 * The Jensen-Shannon distance of two non-negative count (or weight) vectors
 * of length @n, normalised to distributions P and Q (Lin 1991, "Divergence
 * measures based on the Shannon entropy", IEEE Trans. Inf. Theory 37(1);
 * Endres & Schindelin 2003 prove that its square root is a metric):
 *   M = (P + Q) / 2
 *   JSD = 1/2 sum P log2(P / M) + 1/2 sum Q log2(Q / M)   (0 log 0 = 0)
 *   distance = sqrt(JSD), in [0, 1]
 * Identical distributions give 0, disjoint supports give 1.
 * Returns: NAN when n = 0, when either vector sums to 0 (an empty profile is
 * not a distribution), or when any entry is negative, NaN or infinite. */
double lm_stats_js_distance (const double *p, const double *q, gsize n);
/* As lm_stats_js_distance(), on counts. */
double lm_stats_js_distance_counts (const guint64 *p, const guint64 *q, gsize n);

/* ------------------------------------------------------------ dispersion */

/**
 * lm_stats_dp:
 * @sizes: size of each of the @n corpus parts (any positive unit: words,
 *   or 1 for equal parts)
 * @counts: occurrences of the item in each part
 * @n: number of parts
 * @dp_norm: (out) (optional): DPnorm
 *
 * Gries' deviation of proportions (Gries 2008, "Dispersions and adjusted
 * frequencies in corpora", International Journal of Corpus Linguistics
 * 13(4):403-437), with S = sum sizes and V = sum counts:
 *   DP = 1/2 sum |v_i / V - s_i / S|
 * 0 when the item is spread exactly like the parts, approaching 1 when it
 * sits in one small part.  DPnorm (Lijffijt & Gries 2012, "Correction to
 * Stefan Th. Gries' 'Dispersions and adjusted frequencies in corpora'",
 * IJCL 17(1):147-149) rescales it to [0, 1]:
 *   DPnorm = DP / (1 - min_i s_i / S)
 * Gries' example: sizes 9, 10, 10, 10, 11 and counts 1, 2, 3, 4, 5 give
 * DP = 0.18 and DPnorm = 0.18 / 0.82 = 0.2195.
 * Edge case: with one part DP = 0 and DPnorm is NAN (0 / 0).
 *
 * Returns: DP, or NAN (and @dp_norm NAN) when n = 0, V = 0 (the item never
 * occurs), S = 0, or any size or count is negative, NaN or infinite.
 */
double lm_stats_dp (const double *sizes, const double *counts, gsize n, double *dp_norm);

/**
 * lm_stats_bin_positions:
 * @positions: where each occurrence falls, as a fraction in [0, 1] of the
 *   text (e.g. token index / number of tokens)
 * @n_positions: number of occurrences (may be 0)
 * @k: number of equal parts, > 0
 * @counts: (out caller-allocates) (array length=k): occurrences per part
 *
 * Counts occurrences in @k equal parts: part i holds [i/k, (i+1)/k), and the
 * last part also holds 1.0.  With @sizes all 1, the counts feed lm_stats_dp()
 * (see lm_stats_dp_positions()).
 *
 * Returns: FALSE when k = 0 or @counts is NULL; FALSE with @counts all NAN
 * when any position is outside [0, 1] or NaN.
 */
gboolean lm_stats_bin_positions (const double *positions, gsize n_positions, guint k,
                                 double *counts);

/* lm_stats_dp_positions:
 * DP (and, optionally, DPnorm) of the occurrences at @positions over @k equal
 * parts of the text: lm_stats_bin_positions() then lm_stats_dp().  An item
 * gathered in the final third gives a high DP (all of it in parts 8-10 of
 * 10: DP = 0.7, DPnorm = 0.778).
 * Returns: NAN (and @dp_norm NAN) when binning fails or n_positions = 0;
 * @dp_norm is also NAN when k = 1. */
double lm_stats_dp_positions (const double *positions, gsize n_positions, guint k,
                              double *dp_norm);

/* ------------------------------------------------------------- quantiles */

/* lm_stats_quantile_sorted:
 * The @p-quantile of a sample sorted in ascending order, by linear
 * interpolation between order statistics (Hyndman & Fan 1996, "Sample
 * quantiles in statistical packages", The American Statistician 50(4),
 * definition 7; R's and NumPy's default): h = (n - 1) p, the value
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]), 0-based.
 * Example: 1, 2, 3, 4 give 1.75 at p = 0.25, 2.5 at p = 0.5.
 * Returns: NAN when n = 0, p is outside [0, 1] or NaN, or the sample holds
 * a NaN or an infinity or is not sorted. */
double lm_stats_quantile_sorted (const double *sorted, gsize n, double p);

/* ---------------------------------------------------------- independence */

typedef struct
{
  double chi2;          /* Pearson's X2 over the non-empty rows and columns */
  guint df;             /* (rows - 1) (cols - 1) */
  double p;             /* lm_stats_chi2_sf (chi2, df) */
  double min_expected;  /* the least expected count */
  guint rows, cols;     /* non-empty rows and columns */
  guint small_expected; /* cells with an expected count below 5 */
} LmIndependence;

/**
 * lm_stats_independence:
 * @counts: an @n_rows x @n_cols table of counts, row-major
 *
 * Pearson's chi-square test of independence of rows and columns (Agresti,
 * "Categorical Data Analysis", 3rd ed., section 3.2.1): expected counts
 * E_ij = R_i C_j / N, X2 = sum (O_ij - E_ij)^2 / E_ij, with
 * (r - 1)(c - 1) degrees of freedom.  Rows and columns whose total is 0 are
 * left out (of the sum and of the degrees of freedom).  No continuity
 * correction.  Example: rows (10, 20) and (30, 40) give X2 = 0.7937,
 * df 1, p = 0.3730.
 *
 * Returns: FALSE, with @out's figures NAN and its counts 0, when fewer than
 * two rows or two columns are non-empty (nothing to test) or @counts is
 * NULL; FALSE when @out is NULL.
 */
gboolean lm_stats_independence (const guint64 *counts, guint n_rows, guint n_cols,
                                LmIndependence *out);

/* lm_stats_independence_reliable:
 * Whether the chi-square approximation may be trusted by Cochran's rule
 * (1954, "Some methods for strengthening the common chi2 tests", Biometrics
 * 10(4)): every expected count at least 1 and at most a fifth of them
 * below 5.  FALSE for a table lm_stats_independence() rejected. */
gboolean lm_stats_independence_reliable (const LmIndependence *t);

G_END_DECLS
