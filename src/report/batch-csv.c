/* batch-csv.c - the CSV files of the grouped batch report (batch-csv.h). */
#include "batch-csv.h"

#include <math.h>

#include "format.h"

const char *
lm_batch_emphasis_name (LmEmphasis e)
{
  return e == LM_EMPHASIS_MORE ? "more" : e == LM_EMPHASIS_LESS ? "less" : "";
}

static double
per_1000 (guint64 hits, guint64 words)
{
  return words ? 1000.0 * (double) hits / (double) words : NAN;
}

static GString *
groups_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("group,essays,failed,words_critic,words_quotation,words_comment,"
                               "words_all,words_boilerplate\r\n");
  for (guint g = 0; g < m->groups->len; g++)
    {
      const LmBatchGroup *grp = m->groups->pdata[g];
      lm_csv_text (out, grp->name);
      lm_csv_count (out, grp->n_essays);
      lm_csv_count (out, grp->n_failed);
      for (int v = 0; v < LM_BATCH_N_WORDS; v++)
        lm_csv_count (out, grp->words[v]);
      lm_csv_end_row (out);
    }
  return out;
}

/* The columns batch-group-motifs.csv and batch-spread.csv share, from
 * essays to dp_norm. */
static void
motif_fields (GString *out, const LmBatchGroup *grp, const LmGroupMotif *c)
{
  lm_csv_count (out, grp->n_essays);
  lm_csv_count (out, c->hits);
  lm_csv_count (out, c->words);
  lm_csv_number (out, c->rate, 3);
  lm_csv_number (out, c->ci_low, 3);
  lm_csv_number (out, c->ci_high, 3);
  lm_csv_count (out, c->essays_using);
  lm_csv_number (out, c->share_using, 4);
  lm_csv_count (out, c->essays_rated);
  lm_csv_number (out, c->min, 3);
  lm_csv_number (out, c->p10, 3);
  lm_csv_number (out, c->q1, 3);
  lm_csv_number (out, c->median, 3);
  lm_csv_number (out, c->q3, 3);
  lm_csv_number (out, c->p90, 3);
  lm_csv_number (out, c->max, 3);
  lm_csv_number (out, c->mean, 3);
  lm_csv_number (out, c->dp, 4);
  lm_csv_number (out, c->dp_norm, 4);
}

static void
keyness_fields (GString *out, const LmKeyness *k)
{
  lm_csv_number (out, k->g2, 3);
  lm_csv_number (out, k->p, 6);
  lm_csv_number (out, k->log_ratio, 3);
}

static GString *
group_motifs_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("group,category,essays,hits,words,per_1000,ci_low,ci_high,"
                               "essays_using,share_using,essays_rated,min,p10,q1,median,q3,p90,max,mean,"
                               "dp,dp_norm,g2,p,log_ratio,emphasis\r\n");
  for (guint g = 0; g < m->groups->len; g++)
    for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
      {
        const LmBatchGroup *grp = m->groups->pdata[g];
        lm_csv_text (out, grp->name);
        lm_csv_text (out, lm_batch_groups_motif (m, k)->id);
        motif_fields (out, grp, &grp->motifs[k]);
        keyness_fields (out, &grp->motifs[k].vs_rest);
        lm_csv_text (out, lm_batch_emphasis_name (grp->motifs[k].emphasis));
        lm_csv_end_row (out);
      }
  return out;
}

static void
emphasis_row (GString *out, const LmBatchGroups *m, guint g, gint ref, guint k)
{
  const LmBatchGroup *grp = m->groups->pdata[g];
  const LmGroupMotif *c = &grp->motifs[k];
  guint64 ref_hits, ref_words;
  const LmKeyness *key;
  if (ref < 0)
    {
      ref_hits = m->all->motifs[k].hits - c->hits;
      ref_words = m->all->motifs[k].words - c->words;
      key = &c->vs_rest;
    }
  else
    {
      const LmGroupMotif *r = &((const LmBatchGroup *) m->groups->pdata[ref])->motifs[k];
      ref_hits = r->hits;
      ref_words = r->words;
      key = lm_batch_groups_pair (m, g, (guint) ref, k);
    }
  lm_csv_text (out, grp->name);
  lm_csv_text (out, ref < 0 ? "rest" : "group");
  lm_csv_text (out, ref < 0 ? "" : ((const LmBatchGroup *) m->groups->pdata[ref])->name);
  lm_csv_text (out, lm_batch_groups_motif (m, k)->id);
  lm_csv_count (out, c->hits);
  lm_csv_count (out, c->words);
  lm_csv_count (out, ref_hits);
  lm_csv_count (out, ref_words);
  lm_csv_number (out, per_1000 (c->hits, c->words), 3);
  lm_csv_number (out, per_1000 (ref_hits, ref_words), 3);
  keyness_fields (out, key);
  lm_csv_text (out, lm_batch_emphasis_name (lm_comparison_emphasis_of (key)));
  lm_csv_end_row (out);
}

static GString *
group_emphasis_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("group,reference_kind,reference,category,hits,words,ref_hits,"
                               "ref_words,per_1000,ref_per_1000,g2,p,log_ratio,emphasis\r\n");
  guint ng = m->groups->len;
  if (ng < 2)
    return out;
  for (guint g = 0; g < ng; g++)
    for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
      emphasis_row (out, m, g, -1, k);
  if (m->pair)
    for (guint g = 0; g < ng; g++)
      for (guint r = 0; r < ng; r++)
        for (guint k = 0; r != g && k < lm_batch_groups_n_motifs (m); k++)
          emphasis_row (out, m, g, (gint) r, k);
  return out;
}

static GString *
group_genres_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("genre,stance,group,essays_with,essays,share\r\n");
  for (guint r = 0; r < m->genres->len; r++)
    for (guint g = 0; g < m->groups->len; g++)
      {
        const LmGenreStance *s = m->genres->pdata[r];
        const LmBatchGroup *grp = m->groups->pdata[g];
        lm_csv_text (out, s->genre);
        lm_csv_text (out, s->stance);
        lm_csv_text (out, grp->name);
        lm_csv_count (out, s->essays[g]);
        lm_csv_count (out, grp->n_essays);
        lm_csv_number (out, grp->n_essays ? (double) s->essays[g] / grp->n_essays : NAN, 4);
        lm_csv_end_row (out);
      }
  return out;
}

static GString *
genre_tests_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("genre,stance,essays_with,essays,groups,groups_left_out,chi2,df,p,"
                               "min_expected,reliable\r\n");
  for (guint r = 0; r < m->genres->len; r++)
    {
      const LmGenreStance *s = m->genres->pdata[r];
      lm_csv_text (out, s->genre);
      lm_csv_text (out, s->stance);
      lm_csv_count (out, s->essays[m->groups->len]);
      lm_csv_count (out, m->all->n_essays);
      lm_csv_count (out, s->test.rows);
      lm_csv_count (out, s->groups_left_out);
      lm_csv_number (out, s->test.chi2, 3);
      if (s->tested)
        lm_csv_count (out, s->test.df);
      else
        lm_csv_text (out, "");
      lm_csv_number (out, s->test.p, 6);
      lm_csv_number (out, s->test.min_expected, 2);
      lm_csv_text (out, s->tested ? (s->reliable ? "yes" : "no") : "");
      lm_csv_end_row (out);
    }
  return out;
}

static GString *
spread_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("category,essays,hits,words,per_1000,ci_low,ci_high,essays_using,"
                               "share_using,essays_rated,min,p10,q1,median,q3,p90,max,mean,dp,dp_norm\r\n");
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    {
      lm_csv_text (out, lm_batch_groups_motif (m, k)->id);
      motif_fields (out, m->all, &m->all->motifs[k]);
      lm_csv_end_row (out);
    }
  return out;
}

static GString *
top_essays_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("category,rank,document,group,hits,words,per_1000\r\n");
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    for (guint i = 0; i < m->n_top[k]; i++)
      {
        const LmBatchEssay *e = m->essays->pdata[m->top[k * LM_BATCH_TOP + i]];
        lm_csv_text (out, lm_batch_groups_motif (m, k)->id);
        lm_csv_count (out, i + 1);
        lm_csv_text (out, e->path);
        lm_csv_text (out, ((const LmBatchGroup *) m->groups->pdata[e->group])->name);
        lm_csv_count (out, e->hits_critic[k]);
        lm_csv_count (out, e->words[LM_BATCH_W_CRITIC]);
        lm_csv_number (out, per_1000 (e->hits_critic[k], e->words[LM_BATCH_W_CRITIC]), 3);
        lm_csv_end_row (out);
      }
  return out;
}

static GString *
top_evidence_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("category,rank,document,line,col,left,match,right\r\n");
  for (guint k = 0; m->evidence && k < lm_batch_groups_n_motifs (m); k++)
    for (guint i = 0; i < m->n_top[k]; i++)
      {
        const GPtrArray *lines = m->evidence[k * LM_BATCH_TOP + i];
        const LmBatchEssay *e = m->essays->pdata[m->top[k * LM_BATCH_TOP + i]];
        for (guint j = 0; lines && j < lines->len; j++)
          {
            const LmBatchEvidence *ev = lines->pdata[j];
            lm_csv_text (out, lm_batch_groups_motif (m, k)->id);
            lm_csv_count (out, i + 1);
            lm_csv_text (out, e->path);
            lm_csv_count (out, ev->line);
            lm_csv_count (out, ev->col);
            lm_csv_text (out, ev->left);
            lm_csv_text (out, ev->match);
            lm_csv_text (out, ev->right);
            lm_csv_end_row (out);
          }
      }
  return out;
}

static GString *
group_keywords_csv (const LmBatchGroups *m)
{
  GString *out = g_string_new ("group,stem,forms,hits,words,per_1000,ref_hits,ref_words,"
                               "ref_per_1000,g2,p,log_ratio\r\n");
  for (guint g = 0; m->keywords && g < m->groups->len; g++)
    for (guint i = 0; m->keywords[g] && i < m->keywords[g]->len; i++)
      {
        const LmBatchKeyword *w = m->keywords[g]->pdata[i];
        lm_csv_text (out, ((const LmBatchGroup *) m->groups->pdata[g])->name);
        lm_csv_text (out, w->stem);
        lm_csv_text (out, w->forms);
        lm_csv_count (out, w->hits);
        lm_csv_count (out, w->words);
        lm_csv_number (out, per_1000 (w->hits, w->words), 3);
        lm_csv_count (out, w->ref_hits);
        lm_csv_count (out, w->ref_words);
        lm_csv_number (out, per_1000 (w->ref_hits, w->ref_words), 3);
        keyness_fields (out, &w->keyness);
        lm_csv_end_row (out);
      }
  return out;
}

static const LmBatchCsv files[] = {
  { "batch-groups.csv", groups_csv },
  { "batch-group-motifs.csv", group_motifs_csv },
  { "batch-group-emphasis.csv", group_emphasis_csv },
  { "batch-group-genres.csv", group_genres_csv },
  { "batch-genre-tests.csv", genre_tests_csv },
  { "batch-spread.csv", spread_csv },
  { "batch-top-essays.csv", top_essays_csv },
  { "batch-top-evidence.csv", top_evidence_csv },
  { "batch-group-keywords.csv", group_keywords_csv },
};

const LmBatchCsv *
lm_batch_csv_files (guint *n_files)
{
  *n_files = G_N_ELEMENTS (files);
  return files;
}
