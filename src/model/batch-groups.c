/* batch-groups.c - a batch database as groups of essays, and their
 * statistics (see batch-groups.h). */
#include "batch-groups.h"

#include <math.h>
#include <string.h>

/* Locale-independent, as every number leitmotif prints (the writers use
 * report/format.h, which this layer may not include). */
static void
append_2dp (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
essay_free (gpointer p)
{
  LmBatchEssay *e = p;
  g_free (e->path);
  g_free (e->error);
  g_free (e->sha256);
  g_free (e);
}

static void
group_free (gpointer p)
{
  LmBatchGroup *g = p;
  if (g == NULL)
    return;
  g_free (g->name);
  g_free (g->motifs);
  g_free (g);
}

static void
genre_free (gpointer p)
{
  LmGenreStance *s = p;
  g_free (s->genre);
  g_free (s->stance);
  g_free (s->essays);
  g_free (s);
}

void
lm_batch_groups_free (LmBatchGroups *model)
{
  if (model == NULL)
    return;
  for (guint g = 0; model->keywords && g < model->groups->len; g++)
    g_clear_pointer (&model->keywords[g], g_ptr_array_unref);
  g_free (model->keywords);
  for (guint i = 0; model->evidence && i < model->motif_index->len * LM_BATCH_TOP; i++)
    g_clear_pointer (&model->evidence[i], g_ptr_array_unref);
  g_free (model->evidence);
  g_free (model->group_by);
  g_clear_pointer (&model->motif_by_id, g_hash_table_unref);
  g_clear_pointer (&model->group_by_name, g_hash_table_unref);
  g_clear_pointer (&model->group_names, g_ptr_array_unref);
  g_clear_pointer (&model->stance_by_key, g_hash_table_unref);
  g_clear_pointer (&model->motif_index, g_array_unref);
  g_clear_pointer (&model->essays, g_ptr_array_unref);
  g_clear_pointer (&model->groups, g_ptr_array_unref);
  group_free (model->all);
  g_clear_pointer (&model->genres, g_ptr_array_unref);
  g_free (model->pair);
  g_free (model->top);
  g_free (model->n_top);
  g_free (model->hit_store);
  g_free (model);
}

guint
lm_batch_groups_n_motifs (const LmBatchGroups *model)
{
  return model->motif_index->len;
}

const LmCategory *
lm_batch_groups_motif (const LmBatchGroups *model, guint k)
{
  return lm_lexicon_get_category (model->lexicon, g_array_index (model->motif_index, guint, k));
}

const LmBatchGroup *
lm_batch_groups_group (const LmBatchGroups *model, guint g)
{
  return g == model->groups->len ? model->all : model->groups->pdata[g];
}

const LmKeyness *
lm_batch_groups_pair (const LmBatchGroups *model, guint a, guint b, guint k)
{
  guint n = model->groups->len;
  if (model->pair == NULL || a == b || a >= n || b >= n)
    return NULL;
  return &model->pair[((gsize) a * n + b) * lm_batch_groups_n_motifs (model) + k];
}

static gint
by_size (gconstpointer a, gconstpointer b, gpointer data)
{
  const GPtrArray *groups = data;
  const LmBatchGroup *x = groups->pdata[*(const guint *) a], *y = groups->pdata[*(const guint *) b];
  if (x->n_essays != y->n_essays)
    return x->n_essays > y->n_essays ? -1 : 1;
  return strcmp (x->name, y->name);
}

static gint
by_index (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

GArray *
lm_batch_groups_shown (const LmBatchGroups *model)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint g = 0; g < model->groups->len; g++)
    g_array_append_val (shown, g);
  if (shown->len > LM_BATCH_SHOWN_GROUPS)
    {
      g_array_sort_with_data (shown, by_size, model->groups);
      g_array_set_size (shown, LM_BATCH_SHOWN_GROUPS);
      g_array_sort (shown, by_index);
    }
  return shown;
}

static gint
by_strength (gconstpointer x, gconstpointer y)
{
  const LmBatchPair *p = x, *q = y;
  if (fabs (p->g2) != fabs (q->g2))
    return fabs (p->g2) > fabs (q->g2) ? -1 : 1;
  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  return (p->k > q->k) - (p->k < q->k);
}

GArray *
lm_batch_groups_pair_findings (const LmBatchGroups *m, const GArray *shown)
{
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (LmBatchPair));
  for (guint i = 0; m->pair && i < shown->len; i++)
    for (guint j = i + 1; j < shown->len; j++)
      for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
        {
          guint a = g_array_index (shown, guint, i), b = g_array_index (shown, guint, j);
          const LmKeyness *key = lm_batch_groups_pair (m, a, b, k);
          if (key && lm_comparison_emphasis_of (key) != LM_EMPHASIS_NONE)
            g_array_append_val (pairs, ((LmBatchPair) { a, b, k, key->g2 }));
        }
  g_array_sort (pairs, by_strength);
  return pairs;
}

/* @name, cut to @max characters with "…" (0: whole). (transfer full) */
static char *
cut_name (const char *name, guint max)
{
  if (max == 0 || g_utf8_strlen (name, -1) <= max)
    return g_strdup (name);
  g_autofree char *head = g_utf8_substring (name, 0, max - 1);
  return g_strconcat (head, "…", NULL);
}

char *
lm_batch_pair_text (const LmBatchGroups *m, const LmBatchPair *p, guint max_name)
{
  g_autofree char *more_name = cut_name (((LmBatchGroup *) m->groups->pdata[p->g2 > 0 ? p->a : p->b])->name,
                                         max_name);
  g_autofree char *less_name = cut_name (((LmBatchGroup *) m->groups->pdata[p->g2 > 0 ? p->b : p->a])->name,
                                         max_name);
  const LmBatchGroup *more = m->groups->pdata[p->g2 > 0 ? p->a : p->b];
  const LmBatchGroup *less = m->groups->pdata[p->g2 > 0 ? p->b : p->a];
  const LmKeyness *key = lm_batch_groups_pair (m, p->a, p->b, p->k);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "%s uses %s more than %s: ", more_name,
                          lm_batch_groups_motif (m, p->k)->label, less_name);
  append_2dp (out, more->motifs[p->k].rate);
  g_string_append (out, " against ");
  append_2dp (out, less->motifs[p->k].rate);
  g_string_append (out, " per 1,000 (G2 ");
  append_2dp (out, fabs (key->g2));
  g_string_append (out, ", log ratio ");
  append_2dp (out, fabs (key->log_ratio));
  g_string_append (out, ")");
  return g_string_free (out, FALSE);
}

/* --------------------------------------------------------------- building */

LmBatchGroups *
lm_batch_groups_new (const LmLexicon *lexicon, const char *group_by)
{
  LmBatchGroups *m = g_new0 (LmBatchGroups, 1);
  m->lexicon = lexicon;
  m->group_by = g_strdup (group_by);
  m->motif_index = g_array_new (FALSE, FALSE, sizeof (guint));
  m->motif_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint c = 0; c < lm_lexicon_get_n_categories (lexicon); c++)
    if (lm_lexicon_get_category (lexicon, c)->kind == LM_CATEGORY_MOTIF)
      {
        g_array_append_val (m->motif_index, c);
        g_hash_table_insert (m->motif_by_id, lm_lexicon_get_category (lexicon, c)->id,
                             GUINT_TO_POINTER (m->motif_index->len));
      }
  m->essays = g_ptr_array_new_with_free_func (essay_free);
  m->groups = g_ptr_array_new_with_free_func (group_free);
  m->genres = g_ptr_array_new_with_free_func (genre_free);
  m->group_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  m->group_names = g_ptr_array_new_with_free_func (g_free);
  m->stance_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return m;
}

char *
lm_batch_groups_folder_of (const char *key)
{
  const char *a = strchr (key, '/');
  const char *b = a ? strchr (a + 1, '/') : NULL;
  if (b == NULL)
    return g_strdup (LM_BATCH_TOP_LEVEL);
  return g_strndup (a + 1, (gsize) (b - a - 1));
}

guint
lm_batch_groups_add_essay (LmBatchGroups *m, const char *path, gboolean ok, const char *error,
                           const char *sha256, const guint64 *words, const char *group)
{
  g_return_val_if_fail (m->hit_store == NULL, 0);
  LmBatchEssay *e = g_new0 (LmBatchEssay, 1);
  e->path = g_strdup (path);
  e->ok = ok;
  e->error = g_strdup (error);
  e->sha256 = g_strdup (sha256);
  memcpy (e->words, words, sizeof e->words);
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (m->group_by_name, group));
  if (i == 0)
    {
      g_ptr_array_add (m->group_names, g_strdup (group));
      i = m->group_names->len;
      g_hash_table_insert (m->group_by_name, m->group_names->pdata[i - 1], GUINT_TO_POINTER (i));
    }
  e->group = i - 1; /* provisional, until lm_batch_groups_end_essays() */
  g_ptr_array_add (m->essays, e);
  return m->essays->len - 1;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

void
lm_batch_groups_end_essays (LmBatchGroups *m)
{
  g_return_if_fail (m->hit_store == NULL);
  /* Renumber the groups in name order. */
  guint n = m->group_names->len;
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (m->group_names, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL); /* a copy keeps the free function */
  g_ptr_array_sort (sorted, compare_names);
  g_autofree guint *to = g_new0 (guint, n + 1);
  for (guint i = 0; i < n; i++)
    {
      to[GPOINTER_TO_UINT (g_hash_table_lookup (m->group_by_name, sorted->pdata[i])) - 1] = i;
      LmBatchGroup *g = g_new0 (LmBatchGroup, 1);
      g->name = g_strdup (sorted->pdata[i]);
      g_ptr_array_add (m->groups, g);
    }
  guint nm = lm_batch_groups_n_motifs (m);
  m->hit_store = g_new0 (guint64, (gsize) m->essays->len * nm * 2 + 1);
  for (guint i = 0; i < m->essays->len; i++)
    {
      LmBatchEssay *e = m->essays->pdata[i];
      e->group = to[e->group];
      e->hits_critic = m->hit_store + (gsize) i * nm * 2;
      e->hits_all = e->hits_critic + nm;
    }
}

gint
lm_batch_groups_motif_of (const LmBatchGroups *m, const char *category_id)
{
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (m->motif_by_id, category_id)) - 1;
}

void
lm_batch_groups_add_stance (LmBatchGroups *m, guint essay, const char *genre, const char *stance)
{
  g_return_if_fail (m->hit_store != NULL && essay < m->essays->len);
  const LmBatchEssay *e = m->essays->pdata[essay];
  if (!e->ok)
    return;
  guint ng = m->groups->len;
  char *key = g_strconcat (genre, "\t", stance, NULL);
  LmGenreStance *s = g_hash_table_lookup (m->stance_by_key, key);
  if (s == NULL)
    {
      s = g_new0 (LmGenreStance, 1);
      s->genre = g_strdup (genre);
      s->stance = g_strdup (stance);
      s->essays = g_new0 (guint, ng + 1);
      g_ptr_array_add (m->genres, s);
      g_hash_table_insert (m->stance_by_key, key, s);
    }
  else
    g_free (key);
  s->essays[e->group]++;
  s->essays[ng]++;
}

/* ------------------------------------------------------------- statistics */

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The statistics of motif @k over the essays of group @g (all essays when
 * @g is G_MAXUINT); @rates, @sizes, @counts: scratch of n_essays. */
static void
group_motif (const LmBatchGroups *m, guint g, guint k, const LmBatchGroup *grp, LmGroupMotif *out,
             double *rates, double *sizes, double *counts)
{
  guint n = 0, using = 0;
  guint64 hits = 0;
  double sum = 0;
  for (guint i = 0; i < m->essays->len; i++)
    {
      const LmBatchEssay *e = m->essays->pdata[i];
      if (!e->ok || (g != G_MAXUINT && e->group != g))
        continue;
      guint64 h = e->hits_critic[k];
      hits += h;
      using += h > 0;
      if (e->words[LM_BATCH_W_CRITIC] == 0)
        continue;
      rates[n] = 1000.0 * (double) h / (double) e->words[LM_BATCH_W_CRITIC];
      sizes[n] = (double) e->words[LM_BATCH_W_CRITIC];
      counts[n] = (double) h;
      sum += rates[n];
      n++;
    }
  out->hits = hits;
  out->words = grp->words[LM_BATCH_W_CRITIC];
  lm_stats_rate_per_1000 (hits, out->words, LM_COMPARISON_ALPHA, &out->rate, &out->ci_low, &out->ci_high);
  out->essays_using = using;
  out->essays_rated = n;
  out->share_using = grp->n_essays ? (double) using / grp->n_essays : NAN;
  out->dp = lm_stats_dp (sizes, counts, n, &out->dp_norm);
  qsort (rates, n, sizeof (double), compare_doubles);
  out->min = n ? rates[0] : NAN;
  out->max = n ? rates[n - 1] : NAN;
  out->mean = n ? sum / n : NAN;
  out->p10 = lm_stats_quantile_sorted (rates, n, 0.10);
  out->q1 = lm_stats_quantile_sorted (rates, n, 0.25);
  out->median = lm_stats_quantile_sorted (rates, n, 0.5);
  out->q3 = lm_stats_quantile_sorted (rates, n, 0.75);
  out->p90 = lm_stats_quantile_sorted (rates, n, 0.90);
  out->vs_rest.g2 = out->vs_rest.p = out->vs_rest.log_ratio = NAN;
  out->emphasis = LM_EMPHASIS_NONE;
}

static void
group_totals (const LmBatchGroups *m, guint g, LmBatchGroup *grp)
{
  for (guint i = 0; i < m->essays->len; i++)
    {
      const LmBatchEssay *e = m->essays->pdata[i];
      if (g != G_MAXUINT && e->group != g)
        continue;
      if (!e->ok)
        {
          grp->n_failed++;
          continue;
        }
      grp->n_essays++;
      for (int v = 0; v < LM_BATCH_N_WORDS; v++)
        grp->words[v] += e->words[v];
    }
}

static void
compute_groups (LmBatchGroups *m)
{
  guint nm = lm_batch_groups_n_motifs (m), ng = m->groups->len, ne = m->essays->len;
  g_autofree double *rates = g_new (double, ne + 1);
  g_autofree double *sizes = g_new (double, ne + 1);
  g_autofree double *counts = g_new (double, ne + 1);
  m->all = g_new0 (LmBatchGroup, 1);
  m->all->name = g_strdup ("all");
  for (guint g = 0; g <= ng; g++)
    {
      LmBatchGroup *grp = g < ng ? m->groups->pdata[g] : m->all;
      guint which = g < ng ? g : G_MAXUINT;
      group_totals (m, which, grp);
      grp->motifs = g_new0 (LmGroupMotif, nm);
      for (guint k = 0; k < nm; k++)
        group_motif (m, which, k, grp, &grp->motifs[k], rates, sizes, counts);
    }
  /* Each group against the rest: the batch less the group. */
  for (guint g = 0; g < ng && ng > 1; g++)
    for (guint k = 0; k < nm; k++)
      {
        LmGroupMotif *c = &((LmBatchGroup *) m->groups->pdata[g])->motifs[k];
        const LmGroupMotif *a = &m->all->motifs[k];
        lm_stats_keyness (c->hits, a->hits - c->hits, c->words, a->words - c->words, &c->vs_rest);
        c->emphasis = lm_comparison_emphasis_of (&c->vs_rest);
      }
  if (ng > 1 && ng <= LM_BATCH_MAX_PAIR_GROUPS)
    {
      m->pair = g_new (LmKeyness, (gsize) ng * ng * nm);
      for (guint a = 0; a < ng; a++)
        for (guint b = 0; b < ng; b++)
          for (guint k = 0; k < nm; k++)
            {
              const LmGroupMotif *x = &((LmBatchGroup *) m->groups->pdata[a])->motifs[k];
              const LmGroupMotif *y = &((LmBatchGroup *) m->groups->pdata[b])->motifs[k];
              lm_stats_keyness (x->hits, y->hits, x->words, y->words,
                                &m->pair[((gsize) a * ng + b) * nm + k]);
            }
    }
}

static void
compute_genre_tests (LmBatchGroups *m)
{
  guint ng = m->groups->len;
  g_autofree guint64 *table = g_new0 (guint64, (gsize) ng * 2 + 2);
  for (guint r = 0; r < m->genres->len; r++)
    {
      LmGenreStance *s = m->genres->pdata[r];
      /* The share of essays with the stance over the groups with essays;
       * a group too small to expect LM_BATCH_TEST_MIN_EXPECTED essays on
       * either side of it is left out (its size, not its counts, decides). */
      double p = m->all->n_essays ? (double) s->essays[ng] / m->all->n_essays : 0;
      guint rows = 0;
      s->groups_left_out = 0;
      for (guint g = 0; g < ng; g++)
        {
          guint n = ((const LmBatchGroup *) m->groups->pdata[g])->n_essays;
          if (n == 0)
            continue;
          if (n * MIN (p, 1 - p) < LM_BATCH_TEST_MIN_EXPECTED)
            {
              s->groups_left_out++;
              continue;
            }
          table[2 * rows] = s->essays[g];
          table[2 * rows + 1] = n - s->essays[g];
          rows++;
        }
      s->tested = rows > 0 && lm_stats_independence (table, rows, 2, &s->test);
      if (!s->tested)
        lm_stats_independence (NULL, 0, 0, &s->test); /* every figure NaN */
      s->reliable = lm_stats_independence_reliable (&s->test);
    }
}

/* Essay @a before @b in a motif's top list. */
static gboolean
ranks_before (const LmBatchEssay *a, const LmBatchEssay *b, guint k)
{
  /* rate a > rate b, compared exactly as hits_a * words_b > hits_b * words_a */
  double x = (double) a->hits_critic[k] * (double) b->words[LM_BATCH_W_CRITIC];
  double y = (double) b->hits_critic[k] * (double) a->words[LM_BATCH_W_CRITIC];
  if (x != y)
    return x > y;
  if (a->hits_critic[k] != b->hits_critic[k])
    return a->hits_critic[k] > b->hits_critic[k];
  return strcmp (a->path, b->path) < 0;
}

static void
compute_top (LmBatchGroups *m)
{
  guint nm = lm_batch_groups_n_motifs (m);
  m->top = g_new0 (guint, (gsize) nm * LM_BATCH_TOP + 1);
  m->n_top = g_new0 (guint, nm + 1);
  for (guint k = 0; k < nm; k++)
    {
      guint *top = m->top + (gsize) k * LM_BATCH_TOP;
      guint n = 0;
      for (guint i = 0; i < m->essays->len; i++)
        {
          const LmBatchEssay *e = m->essays->pdata[i];
          if (!e->ok || e->hits_critic[k] == 0 || e->words[LM_BATCH_W_CRITIC] < LM_BATCH_TOP_MIN_WORDS)
            continue;
          /* insertion into a list of at most LM_BATCH_TOP */
          guint at = n;
          while (at > 0 && ranks_before (e, m->essays->pdata[top[at - 1]], k))
            at--;
          if (at >= LM_BATCH_TOP)
            continue;
          for (guint j = MIN (n, LM_BATCH_TOP - 1); j > at; j--)
            top[j] = top[j - 1];
          top[at] = i;
          n = MIN (n + 1, LM_BATCH_TOP);
        }
      m->n_top[k] = n;
    }
}

static gint
by_genre_then_stance (gconstpointer a, gconstpointer b)
{
  const LmGenreStance *x = *(LmGenreStance *const *) a, *y = *(LmGenreStance *const *) b;
  int c = strcmp (x->genre, y->genre);
  return c ? c : strcmp (x->stance, y->stance);
}

void
lm_batch_groups_compute (LmBatchGroups *m)
{
  g_return_if_fail (m->hit_store != NULL && m->all == NULL);
  g_ptr_array_sort (m->genres, by_genre_then_stance);
  compute_groups (m);
  compute_genre_tests (m);
  compute_top (m);
}
