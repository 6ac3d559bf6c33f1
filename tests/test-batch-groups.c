/* test-batch-groups.c - the grouped batch model (model/batch-groups.h),
 * built by hand: every figure below is worked out in its comment. */
#include <criterion/criterion.h>
#include <math.h>

#include "model/batch-groups.h"
#include "test-helpers.h"

static const char lexicon_ini[] =
  "[motif hope]\nlabel=Hope\ndescription=hope\nterms=hope\n"
  "[motif love]\nlabel=Love\ndescription=love\nterms=love\n"
  "[character kathy]\nlabel=Kathy\ndescription=Kathy H.\nterms=kathy\n";

/* Adds an essay with @critic words in its own voice and @hope, @love hits. */
static guint
add (LmBatchGroups *m, const char *path, const char *group, guint64 critic, gboolean ok)
{
  guint64 words[LM_BATCH_N_WORDS] = { critic, 0, 0, critic, 0 };
  return lm_batch_groups_add_essay (m, path, ok, ok ? NULL : "empty file", "0", words, group);
}

static void
hits (LmBatchGroups *m, guint i, guint64 hope, guint64 love)
{
  LmBatchEssay *e = m->essays->pdata[i];
  e->hits_critic[0] = e->hits_all[0] = hope;
  e->hits_critic[1] = e->hits_all[1] = love;
}

/* Groups: "b" with essays of 1000 words (4 hope) and 200 words (0 hope);
 * "a" with one essay of 500 words (1 hope); "z" with one failed essay. */
static LmLexicon *lex; /* the model borrows it; freed after each test */

static void
fini (void)
{
  g_clear_pointer (&lex, lm_lexicon_free);
}

TestSuite (batch_groups, .fini = fini);

static LmBatchGroups *
model (void)
{
  lex = lmt_lexicon (lexicon_ini);
  LmBatchGroups *m = lm_batch_groups_new (lex, "outlet");
  add (m, "r/x/1.txt", "b", 1000, TRUE);
  add (m, "r/x/2.txt", "b", 200, TRUE);
  add (m, "r/y/3.txt", "a", 500, TRUE);
  add (m, "r/y/4.txt", "z", 0, FALSE);
  lm_batch_groups_end_essays (m);
  hits (m, 0, 4, 2);
  hits (m, 1, 0, 1);
  hits (m, 2, 1, 0);
  lm_batch_groups_add_stance (m, 0, "dystopia", "asserted");
  lm_batch_groups_add_stance (m, 2, "dystopia", "asserted");
  lm_batch_groups_add_stance (m, 1, "dystopia", "rejected");
  lm_batch_groups_add_stance (m, 3, "dystopia", "asserted"); /* failed: not counted */
  lm_batch_groups_compute (m);
  return m;
}

static const LmBatchGroup *
group (const LmBatchGroups *m, const char *name)
{
  for (guint g = 0; g < m->groups->len; g++)
    if (g_str_equal (((LmBatchGroup *) m->groups->pdata[g])->name, name))
      return m->groups->pdata[g];
  cr_assert_fail ("no group %s", name);
  return NULL;
}

Test (batch_groups, groups_in_name_order)
{
  g_autoptr(LmBatchGroups) m = model ();
  cr_assert_eq (m->groups->len, 3, "three groups");
  cr_expect_str_eq (((LmBatchGroup *) m->groups->pdata[0])->name, "a");
  cr_expect_str_eq (((LmBatchGroup *) m->groups->pdata[1])->name, "b");
  cr_expect_str_eq (((LmBatchGroup *) m->groups->pdata[2])->name, "z");
  cr_expect_eq (lm_batch_groups_n_motifs (m), 2, "the character is no motif");
  cr_expect_eq (((LmBatchEssay *) m->essays->pdata[2])->group, 0, "essay 3 renumbered into a");
}

Test (batch_groups, pooled_and_per_essay)
{
  g_autoptr(LmBatchGroups) m = model ();
  const LmGroupMotif *c = &group (m, "b")->motifs[0];
  /* 4 hits in 1200 words: 3.333 per 1,000; essays using: 1 of 2; per-essay
   * rates 0 and 4: quartiles (type 7) 1, 2, 3; DP over the two essays:
   * sizes 1000/1200, 200/1200, counts 4/4, 0: 1/2 (|1 - 5/6| + |0 - 1/6|)
   * = 1/6. */
  cr_expect_eq (c->hits, 4);
  cr_expect_eq (c->words, 1200);
  cr_expect_float_eq (c->rate, 4000.0 / 1200, 1e-12, "pooled rate");
  cr_expect (c->ci_low < c->rate && c->rate < c->ci_high, "the interval holds the rate");
  cr_expect_eq (c->essays_using, 1);
  cr_expect_float_eq (c->share_using, 0.5, 1e-12, "share");
  cr_expect_float_eq (c->q1, 1.0, 1e-12, "q1");
  cr_expect_float_eq (c->median, 2.0, 1e-12, "median");
  cr_expect_float_eq (c->q3, 3.0, 1e-12, "q3");
  cr_expect_float_eq (c->max, 4.0, 1e-12, "max");
  cr_expect_float_eq (c->dp, 1.0 / 6, 1e-12, "DP %g", c->dp);
}

Test (batch_groups, one_essay_and_empty_groups)
{
  g_autoptr(LmBatchGroups) m = model ();
  const LmBatchGroup *a = group (m, "a"), *z = group (m, "z");
  cr_expect_eq (a->n_essays, 1);
  cr_expect_float_eq (a->motifs[0].median, 2.0, 1e-12, "one essay: its rate, 1 in 500");
  cr_expect_eq (a->motifs[0].q1, a->motifs[0].q3, "q1 = q3");
  cr_expect_eq (a->motifs[0].dp, 0.0, "one part: DP 0");
  cr_expect (isnan (a->motifs[0].dp_norm), "one part: DPnorm undefined");
  cr_expect_eq (z->n_essays, 0);
  cr_expect_eq (z->n_failed, 1);
  const LmGroupMotif *e = &z->motifs[0];
  cr_expect (isnan (e->rate) && isnan (e->ci_low) && isnan (e->share_using) && isnan (e->median)
             && isnan (e->dp) && isnan (e->vs_rest.g2), "empty group: every statistic undefined");
  cr_expect_eq (e->emphasis, LM_EMPHASIS_NONE);
}

Test (batch_groups, against_rest_and_pairs)
{
  g_autoptr(LmBatchGroups) m = model ();
  /* b against the rest (a and the empty z): 4 in 1200 against 1 in 500. */
  const LmGroupMotif *b = &group (m, "b")->motifs[0];
  cr_expect_float_eq (b->vs_rest.g2, lm_stats_log_likelihood (4, 1, 1200, 500), 1e-12, "G2");
  cr_expect_float_eq (b->vs_rest.log_ratio, lm_stats_log_ratio (4, 1, 1200, 500), 1e-12, "LR");
  const LmKeyness *ab = lm_batch_groups_pair (m, 0, 1, 0);
  cr_assert_not_null (ab, "pairs are computed");
  cr_expect_float_eq (ab->g2, lm_stats_log_likelihood (1, 4, 500, 1200), 1e-12, "a against b");
  cr_expect_null (lm_batch_groups_pair (m, 1, 1, 0), "no pair with itself");
}

Test (batch_groups, stances_in_essays)
{
  g_autoptr(LmBatchGroups) m = model ();
  cr_assert_eq (m->genres->len, 2, "dystopia asserted, dystopia rejected");
  const LmGenreStance *s = m->genres->pdata[0];
  cr_expect_str_eq (s->stance, "asserted");
  cr_expect_eq (s->essays[0], 1, "a: one essay");
  cr_expect_eq (s->essays[1], 1, "b: one essay");
  cr_expect_eq (s->essays[2], 0, "z: the failed essay is not counted");
  cr_expect_eq (s->essays[3], 2, "the batch");
  /* p = 2/3: a group of n essays is tested when n / 3 >= 5; a (1) and b
   * (2) are both too small. */
  cr_expect (!s->tested, "three essays: far too few for chi-square");
  cr_expect_eq (s->groups_left_out, 2, "a and b left out (z has no essay)");
  cr_expect (isnan (s->test.chi2), "no statistic");
}

Test (batch_groups, tiny_group_left_out_of_the_test)
{
  /* big1: 20 essays, 10 with the stance; big2: 20 essays, 2 with; tiny: 1
   * essay, with.  p = 13/41: tiny expects 0.32 with it, under 5: left out.
   * The rest: (10, 10), (2, 18); expected 6, 14, 6, 14;
   * X2 = 2 (16/6 + 16/14) = 7.619047619, df 1, every expected count >= 5. */
  lex = lmt_lexicon (lexicon_ini);
  g_autoptr(LmBatchGroups) m = lm_batch_groups_new (lex, "outlet");
  for (guint i = 0; i < 41; i++)
    {
      g_autofree char *path = g_strdup_printf ("r/%02u.txt", i);
      add (m, path, i < 20 ? "big1" : i < 40 ? "big2" : "tiny", 100, TRUE);
    }
  lm_batch_groups_end_essays (m);
  for (guint i = 0; i < 41; i++)
    if (i < 10 || (i >= 20 && i < 22) || i == 40)
      lm_batch_groups_add_stance (m, i, "dystopia", "asserted");
  lm_batch_groups_compute (m);
  const LmGenreStance *s = m->genres->pdata[0];
  cr_assert (s->tested, "two groups large enough");
  cr_expect_eq (s->groups_left_out, 1, "tiny left out");
  cr_expect_eq (s->test.rows, 2, "two groups tested");
  cr_expect_float_eq (s->test.chi2, 2 * (16.0 / 6 + 16.0 / 14), 1e-9, "X2 %g", s->test.chi2);
  cr_expect_eq (s->test.df, 1, "df");
  cr_expect (s->reliable, "expected counts 6 and 14");
}

Test (batch_groups, top_essays_by_rate)
{
  g_autoptr(LmBatchGroups) m = model ();
  /* love: essay 2 (1 in 200 = 5.0) beats essay 1 (2 in 1000 = 2.0); hope:
   * essay 1 (4.0) beats essay 3 (1 in 500 = 2.0). */
  cr_assert_eq (m->n_top[1], 2);
  cr_expect_eq (m->top[1 * LM_BATCH_TOP + 0], 1, "love: the 200-word essay first");
  cr_expect_eq (m->top[0 * LM_BATCH_TOP + 0], 0, "hope: the 1000-word essay first");
  cr_expect_eq (m->n_top[0], 2, "hope: two essays use it");
}

Test (batch_groups, folder_of)
{
  g_autofree char *a = lm_batch_groups_folder_of ("essays/2024/x/a.txt");
  g_autofree char *b = lm_batch_groups_folder_of ("essays/a.txt");
  g_autofree char *c = lm_batch_groups_folder_of ("a.txt");
  cr_expect_str_eq (a, "2024");
  cr_expect_str_eq (b, LM_BATCH_TOP_LEVEL);
  cr_expect_str_eq (c, LM_BATCH_TOP_LEVEL);
}

Test (batch_groups, top_essays_leave_out_short_ones)
{
  /* 5 hits in 50 words (100 per 1,000) is under LM_BATCH_TOP_MIN_WORDS
   * words: left out; 1 in 100 (10 per 1,000) is in. */
  lex = lmt_lexicon (lexicon_ini);
  g_autoptr(LmBatchGroups) m = lm_batch_groups_new (lex, NULL);
  add (m, "r/short.txt", "all", LM_BATCH_TOP_MIN_WORDS / 2, TRUE);
  add (m, "r/long.txt", "all", LM_BATCH_TOP_MIN_WORDS, TRUE);
  lm_batch_groups_end_essays (m);
  hits (m, 0, 5, 0);
  hits (m, 1, 1, 0);
  lm_batch_groups_compute (m);
  cr_assert_eq (m->n_top[0], 1, "one essay long enough");
  cr_expect_eq (m->top[0], 1, "the long one");
  cr_expect_eq (m->n_top[1], 0, "love: no essay uses it");
  cr_expect_null (m->pair, "one group: no pairs");
  cr_expect (isnan (((LmBatchGroup *) m->groups->pdata[0])->motifs[0].vs_rest.g2), "no rest");
}
