/* batch-md.c - the grouped sections of batch-summary.md (batch-md.h). */
#include "batch-md.h"

#include <math.h>

#include "batch-csv.h"
#include "model/batch-reread.h"
#include "format.h"

static void
cell (GString *out, const char *text)
{
  g_string_append (out, " ");
  lm_append_md_cell (out, text);
  g_string_append (out, " |");
}

static void
num (GString *out, double v, guint decimals)
{
  g_string_append_c (out, ' ');
  lm_append_fixed_or_empty (out, v, decimals);
  g_string_append (out, " |");
}

static void
groups_table (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  g_string_append (out, "| group | essays | failed | own words | quotation | comments | all words "
                        "| boilerplate |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i <= shown->len; i++)
    {
      const LmBatchGroup *g = i < shown->len ? m->groups->pdata[g_array_index (shown, guint, i)] : m->all;
      g_string_append (out, "|");
      if (i < shown->len)
        cell (out, g->name);
      else
        g_string_append (out, " **whole batch** |");
      g_string_append_printf (out, " %u | %u |", g->n_essays, g->n_failed);
      for (int v = 0; v < LM_BATCH_N_WORDS; v++)
        g_string_append_printf (out, " %" G_GUINT64_FORMAT " |", g->words[v]);
      g_string_append_c (out, '\n');
    }
}

static void
motif_row (GString *out, const LmGroupMotif *c, gboolean with_rest)
{
  g_string_append_printf (out, " %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " |", c->hits, c->words);
  num (out, c->rate, 2);
  g_string_append (out, " ");
  lm_append_fixed_or_empty (out, c->ci_low, 2);
  g_string_append (out, "–");
  lm_append_fixed_or_empty (out, c->ci_high, 2);
  g_string_append_printf (out, " | %u |", c->essays_using);
  num (out, isnan (c->share_using) ? NAN : 100 * c->share_using, 1);
  num (out, c->q1, 2);
  num (out, c->median, 2);
  num (out, c->q3, 2);
  num (out, c->max, 2);
  num (out, c->dp, 3);
  if (with_rest)
    {
      num (out, c->vs_rest.g2, 2);
      num (out, c->vs_rest.log_ratio, 2);
      cell (out, lm_batch_emphasis_name (c->emphasis));
    }
  g_string_append_c (out, '\n');
}

static void
motif_tables (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  gboolean rest = m->groups->len > 1;
  g_string_append (out, "\n## Motifs by group\n\nPer group: hits and words in the writers' own voice, the "
                        "pooled rate per 1,000 words with its exact 95% interval, how many essays use "
                        "the motif (and what share), the quartiles and the maximum of the per-essay "
                        "rates, Gries' DP over the group's essays (0: spread evenly, near 1: in few "
                        "essays)");
  g_string_append (out, rest ? ", and the group against all the others (G2, log ratio; *more* or "
                               "*less* when |G2| ≥ 6.63 and |log ratio| ≥ 1). batch-group-motifs.csv "
                               "has every figure, batch-group-emphasis.csv group against group.\n"
                             : ". batch-group-motifs.csv has every figure.\n");
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    {
      g_string_append (out, "\n### ");
      lm_append_md_cell (out, lm_batch_groups_motif (m, k)->label);
      g_string_append (out, "\n\n| group | essays | hits | words | per 1,000 | 95% CI | essays using | % "
                            "| q1 | median | q3 | max | DP |");
      g_string_append (out, rest ? " G2 vs rest | log ratio | emphasis |\n" : "\n");
      g_string_append (out, "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
      g_string_append (out, rest ? "---:|---:|---|\n" : "\n");
      for (guint i = 0; i < shown->len; i++)
        {
          const LmBatchGroup *g = m->groups->pdata[g_array_index (shown, guint, i)];
          g_string_append (out, "|");
          cell (out, g->name);
          g_string_append_printf (out, " %u |", g->n_essays);
          motif_row (out, &g->motifs[k], rest);
        }
    }
}

static void
pair_list (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  if (m->pair == NULL)
    return;
  g_autoptr(GArray) pairs = lm_batch_groups_pair_findings (m, shown);
  g_string_append_printf (out, "\n## Group against group\n\nPairs of groups where one uses a motif "
                               "markedly more than the other (|G2| ≥ 6.63 and |log ratio| ≥ 1), "
                               "strongest first; %u in all", pairs->len);
  if (pairs->len > LM_BATCH_PAIR_FINDINGS)
    g_string_append_printf (out, ", the first %u here", LM_BATCH_PAIR_FINDINGS);
  g_string_append (out, " (batch-group-emphasis.csv has every pair).\n\n");
  if (pairs->len == 0)
    g_string_append (out, "No pair of groups differs that much in any motif.\n");
  for (guint i = 0; i < MIN (pairs->len, LM_BATCH_PAIR_FINDINGS); i++)
    {
      g_autofree char *text = lm_batch_pair_text (m, &g_array_index (pairs, LmBatchPair, i), 0);
      g_string_append (out, "- ");
      lm_append_md_cell (out, text);
      g_string_append_c (out, '\n');
    }
}

static void
spread_tables (GString *out, const LmBatchGroups *m)
{
  g_string_append (out, "\n## Spread across essays\n\nThe whole batch: how many essays use each "
                        "motif, the distribution of per-essay rates (per 1,000 own words; essays "
                        "without own words left out), and Gries' DP over essays (batch-spread.csv).\n\n"
                        "| motif | essays using | % | min | q1 | median | q3 | max | mean | DP | DPnorm |\n"
                        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    {
      const LmGroupMotif *c = &m->all->motifs[k];
      g_string_append (out, "|");
      cell (out, lm_batch_groups_motif (m, k)->label);
      g_string_append_printf (out, " %u |", c->essays_using);
      num (out, isnan (c->share_using) ? NAN : 100 * c->share_using, 1);
      num (out, c->min, 2);
      num (out, c->q1, 2);
      num (out, c->median, 2);
      num (out, c->q3, 2);
      num (out, c->max, 2);
      num (out, c->mean, 2);
      num (out, c->dp, 3);
      num (out, c->dp_norm, 3);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\n### The essays that use each motif most\n\nThe %d highest rates "
                               "among essays with at least %d words of their own "
                               "(batch-top-essays.csv)",
                          LM_BATCH_TOP, LM_BATCH_TOP_MIN_WORDS);
  if (m->reread)
    g_string_append_printf (out, ", each with its first %d evidence lines (batch-top-evidence.csv). "
                                 "%u essays read again, %u missing, %u changed since the batch, "
                                 "%u unreadable.\n",
                            LM_BATCH_EVIDENCE_LINES, m->n_read, m->n_missing, m->n_changed, m->n_unreadable);
  else
    g_string_append (out, ". Evidence lines: give the batch's folders to `leitmotif report` to read "
                          "the essays again.\n");
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    {
      g_string_append (out, "\n**");
      lm_append_md_cell (out, lm_batch_groups_motif (m, k)->label);
      g_string_append (out, "**\n\n");
      if (m->n_top[k] == 0)
        g_string_append (out, "- no essay\n");
      for (guint i = 0; i < m->n_top[k]; i++)
        {
          const LmBatchEssay *e = m->essays->pdata[m->top[k * LM_BATCH_TOP + i]];
          g_string_append_printf (out, "%u. ", i + 1);
          lm_append_md_cell (out, e->path);
          g_string_append (out, " (");
          lm_append_md_cell (out, ((const LmBatchGroup *) m->groups->pdata[e->group])->name);
          g_string_append (out, "): ");
          lm_append_fixed (out, 1000.0 * (double) e->hits_critic[k] / (double) e->words[LM_BATCH_W_CRITIC], 2);
          g_string_append_printf (out, " per 1,000 (%" G_GUINT64_FORMAT " in %" G_GUINT64_FORMAT " words)\n",
                                  e->hits_critic[k], e->words[LM_BATCH_W_CRITIC]);
          const GPtrArray *lines = m->evidence ? m->evidence[k * LM_BATCH_TOP + i] : NULL;
          for (guint j = 0; lines && j < lines->len; j++)
            {
              const LmBatchEvidence *ev = lines->pdata[j];
              g_string_append_printf (out, "   - line %u: ", ev->line);
              lm_append_md_cell (out, ev->left);
              g_string_append (out, "**");
              lm_append_md_cell (out, ev->match);
              g_string_append (out, "**");
              lm_append_md_cell (out, ev->right);
              g_string_append_c (out, '\n');
            }
        }
    }
}

/* The distinctive words of each group, or why there are none. */
static void
keyword_lists (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  g_string_append (out, "\n## Distinctive words by group\n\n");
  if (!m->reread)
    {
      g_string_append (out, "Not computed: the database keeps no vocabulary. Give the folders the "
                            "batch was given (`leitmotif report --db F --out D --group-by C PATH...`) "
                            "to read the essays again.\n");
      return;
    }
  if (m->keywords == NULL)
    {
      g_string_append (out, "One group: nothing to compare.\n");
      return;
    }
  g_string_append_printf (out, "Stems (stop words left out) a group uses at least %d times and "
                               "markedly more than all the other essays (G2 ≥ 10.83, log ratio ≥ 1), "
                               "at most %d a group, strongest first (batch-group-keywords.csv).\n\n",
                          LM_COMPARISON_KEYWORD_MIN_FREQ, LM_BATCH_KEYWORDS);
  for (guint i = 0; i < shown->len; i++)
    {
      guint g = g_array_index (shown, guint, i);
      g_string_append (out, "- **");
      lm_append_md_cell (out, ((const LmBatchGroup *) m->groups->pdata[g])->name);
      g_string_append (out, "**:");
      const GPtrArray *kw = m->keywords[g];
      if (kw == NULL || kw->len == 0)
        g_string_append (out, " none");
      for (guint j = 0; kw && j < kw->len; j++)
        {
          const LmBatchKeyword *w = kw->pdata[j];
          g_string_append (out, j ? ", " : " ");
          lm_append_md_cell (out, w->forms[0] ? w->forms : w->stem);
          g_string_append (out, " (LR ");
          lm_append_fixed (out, w->keyness.log_ratio, 2);
          g_string_append (out, ")");
        }
      g_string_append_c (out, '\n');
    }
}

static void
genre_table (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  g_string_append (out, "\n## Genre stances by group, in essays\n\nEssays whose writer takes each "
                        "stance at least once in their own voice (an essay counts once however often "
                        "it repeats itself; one that asserts and rejects a genre counts in both rows), "
                        "out of the group's essays. The groups × {with, without} table is tested for "
                        "independence (Pearson's chi-square) over the groups large enough to expect "
                        "5 essays on either side (their essays × the batch's share, or 1 − share; "
                        "the others are left out, at least two must remain); p is given only when "
                        "Cochran's rule holds (no expected count below 1, at most a fifth below 5), "
                        "else \"too few\" (batch-group-genres.csv, batch-genre-tests.csv, which "
                        "says how many groups were tested and left out).\n\n| genre | stance |");
  for (guint i = 0; i < shown->len; i++)
    cell (out, ((const LmBatchGroup *) m->groups->pdata[g_array_index (shown, guint, i)])->name);
  g_string_append (out, " whole batch | chi2 (df) | p |\n|---|---|");
  for (guint i = 0; i <= shown->len; i++)
    g_string_append (out, "---:|");
  g_string_append (out, "---:|---:|\n");
  for (guint r = 0; r < m->genres->len; r++)
    {
      const LmGenreStance *s = m->genres->pdata[r];
      g_string_append (out, "|");
      cell (out, s->genre);
      cell (out, s->stance);
      for (guint i = 0; i <= shown->len; i++)
        {
          guint g = i < shown->len ? g_array_index (shown, guint, i) : m->groups->len;
          g_string_append_printf (out, " %u/%u |", s->essays[g], lm_batch_groups_group (m, g)->n_essays);
        }
      if (s->tested)
        {
          g_string_append_c (out, ' ');
          lm_append_fixed (out, s->test.chi2, 2);
          g_string_append_printf (out, " (%u) |", s->test.df);
          if (s->reliable)
            num (out, s->test.p, 4);
          else
            g_string_append (out, " too few |");
        }
      else
        g_string_append (out, " | |");
      g_string_append_c (out, '\n');
    }
  if (m->genres->len == 0)
    g_string_append (out, "| (none) | |\n");
}

void
lm_batch_md_append (GString *out, const LmBatchGroups *m)
{
  g_autoptr(GArray) shown = lm_batch_groups_shown (m);
  g_string_append (out, "\n## Groups\n\n");
  if (m->group_by)
    {
      g_string_append (out, "Essays grouped by ");
      lm_append_md_cell (out, m->group_by);
      g_string_append_printf (out, ": %u groups", m->groups->len);
      if (shown->len < m->groups->len)
        g_string_append_printf (out, ", the %u largest shown here (batch-groups.csv has all)",
                                shown->len);
      g_string_append (out, ". Words are per voice (batch-groups.csv).\n\n");
    }
  else
    g_string_append (out, "No --group-by: the whole batch is one group.\n\n");
  groups_table (out, m, shown);
  motif_tables (out, m, shown);
  pair_list (out, m, shown);
  spread_tables (out, m);
  genre_table (out, m, shown);
  keyword_lists (out, m, shown);
}
