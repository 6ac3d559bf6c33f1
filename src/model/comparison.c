/* comparison.c - the statistics behind the comparison report. */
#include "comparison.h"

#include <math.h>
#include <string.h>

#include "core/tokenizer.h"
#include "core/whitespace.h"

LmEmphasis
lm_comparison_emphasis_of (const LmKeyness *k)
{
  if (isnan (k->g2) || isnan (k->log_ratio) || fabs (k->g2) < LM_COMPARISON_EMPHASIS_G2
      || fabs (k->log_ratio) < LM_COMPARISON_MIN_LR)
    return LM_EMPHASIS_NONE;
  return k->g2 > 0 ? LM_EMPHASIS_MORE : LM_EMPHASIS_LESS;
}

gboolean
lm_comparison_in_profile (const LmComparison *cmp, guint category)
{
  return lm_lexicon_get_category (cmp->run->lexicon, category)->kind == LM_CATEGORY_MOTIF;
}

gboolean
lm_comparison_pair (const LmComparison *cmp, guint a, guint b, guint category,
                    LmKeyness *out)
{
  const LmCell *x = lm_comparison_cell (cmp, a, category);
  const LmCell *y = lm_comparison_cell (cmp, b, category);
  return lm_stats_keyness (x->hits, y->hits, x->words, y->words, out);
}

/* ------------------------------------------------------------- cells */

static void
fill_dispersion (LmCell *cell, const LmProfile *p, guint category)
{
  const GArray *at = p->hit_words[category];
  cell->dp = cell->dp_norm = cell->mean_position = cell->final_third = NAN;
  if (at->len == 0 || p->n_words == 0)
    return;
  g_autofree double *pos = g_new (double, at->len);
  double sum = 0;
  guint last_third = 0;
  for (guint i = 0; i < at->len; i++)
    {
      pos[i] = (double) g_array_index (at, guint64, i) / (double) p->n_words;
      sum += pos[i];
      last_third += pos[i] >= 2.0 / 3.0;
    }
  cell->mean_position = sum / at->len;
  cell->final_third = (double) last_third / at->len;
  cell->dp = lm_stats_dp_positions (pos, at->len, LM_COMPARISON_PARTS, &cell->dp_norm);
}

static void
fill_cells (LmComparison *cmp)
{
  guint nc = cmp->n_categories, ncol = cmp->columns->len;
  cmp->cells = g_new0 (LmCell, (gsize) MAX (ncol, 1) * MAX (nc, 1));
  g_autofree guint64 *total_hits = g_new0 (guint64, MAX (nc, 1));
  guint64 total_words = 0;
  for (guint i = 0; i < ncol; i++)
    {
      const LmColumn *col = cmp->columns->pdata[i];
      total_words += lm_column_words (col);
      for (guint c = 0; c < nc; c++)
        {
          LmCell *cell = &cmp->cells[i * nc + c];
          cell->hits = lm_column_hits (col, c);
          cell->words = lm_column_words (col);
          total_hits[c] += cell->hits;
        }
    }
  for (guint i = 0; i < ncol; i++)
    {
      const LmColumn *col = cmp->columns->pdata[i];
      for (guint c = 0; c < nc; c++)
        {
          LmCell *cell = &cmp->cells[i * nc + c];
          lm_stats_rate_per_1000 (cell->hits, cell->words, LM_COMPARISON_ALPHA,
                                  &cell->rate, &cell->ci_low, &cell->ci_high);
          lm_stats_keyness (cell->hits, total_hits[c] - cell->hits, cell->words,
                            total_words - cell->words, &cell->vs_rest);
          cell->emphasis = lm_comparison_emphasis_of (&cell->vs_rest);
          fill_dispersion (cell, col->profile, c);
        }
    }
}

/* -------------------------------------------------------- similarity */

static void
fill_similarity (LmComparison *cmp)
{
  guint nc = cmp->n_categories, ncol = cmp->columns->len;
  cmp->cosine = g_new (double, (gsize) MAX (ncol, 1) * MAX (ncol, 1));
  cmp->js_distance = g_new (double, (gsize) MAX (ncol, 1) * MAX (ncol, 1));
  g_autofree double *x = g_new0 (double, MAX (nc, 1));
  g_autofree double *y = g_new0 (double, MAX (nc, 1));
  for (guint a = 0; a < ncol; a++)
    for (guint b = 0; b < ncol; b++)
      {
        guint n = 0;
        for (guint c = 0; c < nc; c++)
          if (lm_comparison_in_profile (cmp, c))
            {
              x[n] = (double) lm_comparison_cell (cmp, a, c)->hits;
              y[n] = (double) lm_comparison_cell (cmp, b, c)->hits;
              n++;
            }
        cmp->cosine[a * ncol + b] = lm_stats_cosine (x, y, n);
        cmp->js_distance[a * ncol + b] = lm_stats_js_distance (x, y, n);
      }
}

/* ---------------------------------------------------------- keywords */

static void
keyword_clear (gpointer p)
{
  g_free (((LmKeyword *) p)->stem);
}

static int
cmp_keywords (gconstpointer pa, gconstpointer pb)
{
  const LmKeyword *a = pa, *b = pb;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  if (a->reference != b->reference)
    return a->reference < b->reference ? -1 : 1;
  if (a->keyness.g2 != b->keyness.g2)
    return a->keyness.g2 > b->keyness.g2 ? -1 : 1;
  return strcmp (a->stem, b->stem);
}

/* Keywords of column @i against @reference (-1: all other columns). */
static void
add_keywords (LmComparison *cmp, guint i, gint reference)
{
  const LmProfile *p = ((const LmColumn *) cmp->columns->pdata[i])->profile;
  guint64 ref_words = 0;
  for (guint j = 0; j < cmp->columns->len; j++)
    if (j != i && (reference < 0 || (guint) reference == j))
      ref_words += ((const LmColumn *) cmp->columns->pdata[j])->profile->n_words;
  if (p->n_words == 0 || ref_words == 0)
    return;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, p->stems);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const LmStemFrequency *f = value;
      if (f->count < LM_COMPARISON_KEYWORD_MIN_FREQ)
        continue;
      guint64 ref_hits = 0;
      for (guint j = 0; j < cmp->columns->len; j++)
        if (j != i && (reference < 0 || (guint) reference == j))
          ref_hits += lm_profile_stem_count (((const LmColumn *) cmp->columns->pdata[j])->profile,
                                             key);
      LmKeyword k = { .column = i, .reference = reference, .hits = f->count,
                      .words = p->n_words, .ref_hits = ref_hits, .ref_words = ref_words };
      if (!lm_stats_keyness (k.hits, ref_hits, k.words, ref_words, &k.keyness)
          || k.keyness.g2 < LM_STATS_G2_P05)
        continue;
      k.key = k.keyness.g2 >= LM_COMPARISON_KEY_G2 && k.keyness.log_ratio >= 1.0;
      k.stem = g_strdup (key);
      g_array_append_val (cmp->keywords, k);
    }
}

static void
fill_keywords (LmComparison *cmp)
{
  cmp->keywords = g_array_new (FALSE, FALSE, sizeof (LmKeyword));
  g_array_set_clear_func (cmp->keywords, keyword_clear);
  guint ncol = cmp->columns->len;
  for (guint i = 0; i < ncol; i++)
    {
      add_keywords (cmp, i, -1);
      for (guint j = 0; j < ncol; j++)
        if (j != i)
          add_keywords (cmp, i, (gint) j);
    }
  g_array_sort (cmp->keywords, cmp_keywords);
}

/* ---------------------------------------------------------- passages */

typedef struct
{
  GPtrArray *words; /* folded words (char*) */
} Words;

static gboolean
collect_word (const LmRawToken *token, gpointer user_data)
{
  Words *w = user_data;
  g_ptr_array_add (w->words, g_strndup (token->folded, token->folded_len));
  return TRUE;
}

/* The set of runs of LM_COMPARISON_PASSAGE_WORDS words of a quotation. */
static GHashTable *
shingles (GPtrArray *words)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint k = LM_COMPARISON_PASSAGE_WORDS;
  for (guint i = 0; i + k <= words->len; i++)
    {
      g_autoptr(GString) s = g_string_new (words->pdata[i]);
      for (guint j = 1; j < k; j++)
        g_string_append_printf (s, " %s", (char *) words->pdata[i + j]);
      g_hash_table_add (set, g_string_free (g_steal_pointer (&s), FALSE));
    }
  return set;
}

static gboolean
share_a_run (GHashTable *a, GHashTable *b)
{
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (g_hash_table_contains (b, key))
      return TRUE;
  return FALSE;
}

static void
passage_clear (gpointer p)
{
  LmPassage *q = p;
  g_free (q->page);
  g_free (q->quote);
  g_array_unref (q->shared_with);
}

static void
fill_passages (LmComparison *cmp)
{
  cmp->passages = g_array_new (FALSE, FALSE, sizeof (LmPassage));
  g_array_set_clear_func (cmp->passages, passage_clear);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(LmTokenizer) tokenizer = lm_tokenizer_new ();
  const LmRun *run = cmp->run;
  for (guint t = 0; t < run->texts->len; t++)
    {
      const LmTextResult *r = run->texts->pdata[t];
      if (r->text == NULL)
        continue;
      gsize len;
      const char *data = lm_text_get_data (r->text, &len);
      const GArray *spans = lm_segmentation_get_spans (r->segmentation);
      for (guint s = 0; s < spans->len; s++)
        {
          const LmSpan *sp = &g_array_index (spans, LmSpan, s);
          if (sp->voice != LM_VOICE_QUOTATION || sp->quote == LM_QUOTE_TERM)
            continue;
          Words w = { g_ptr_array_new_with_free_func (g_free) };
          lm_tokenizer_run (tokenizer, data + sp->start, sp->end - sp->start, collect_word, &w);
          if (w.words->len < LM_COMPARISON_PASSAGE_WORDS)
            {
              g_ptr_array_unref (w.words);
              continue;
            }
          LmPassage q = { .text = t, .line = sp->first_line, .page = g_strdup (sp->page),
                          .kind = sp->quote, .n_words = w.words->len,
                          .quote = lm_collapse_whitespace (data + sp->start, sp->end - sp->start),
                          .shared_with = g_array_new (FALSE, FALSE, sizeof (guint)) };
          g_array_append_val (cmp->passages, q);
          g_ptr_array_add (sets, shingles (w.words));
          g_ptr_array_unref (w.words);
        }
    }
  for (guint i = 0; i < cmp->passages->len; i++)
    {
      LmPassage *a = &g_array_index (cmp->passages, LmPassage, i);
      for (guint j = 0; j < cmp->passages->len; j++)
        {
          const LmPassage *b = &g_array_index (cmp->passages, LmPassage, j);
          if (b->text == a->text || !share_a_run (sets->pdata[i], sets->pdata[j]))
            continue;
          gboolean seen = FALSE;
          for (guint k = 0; k < a->shared_with->len; k++)
            seen |= g_array_index (a->shared_with, guint, k) == b->text;
          if (!seen)
            g_array_append_val (a->shared_with, b->text);
        }
    }
}

/* ---------------------------------------------------------- lifetime */

LmComparison *
lm_comparison_new (const LmRun *run)
{
  LmComparison *cmp = g_new0 (LmComparison, 1);
  cmp->run = run;
  cmp->n_categories = lm_lexicon_get_n_categories (run->lexicon);
  cmp->columns = g_ptr_array_new ();
  for (guint i = 0; i < run->columns->len; i++)
    {
      const LmColumn *c = run->columns->pdata[i];
      if (c->profile)
        g_ptr_array_add (cmp->columns, (gpointer) c);
    }
  fill_cells (cmp);
  fill_similarity (cmp);
  fill_keywords (cmp);
  fill_passages (cmp);
  return cmp;
}

void
lm_comparison_free (LmComparison *cmp)
{
  if (cmp == NULL)
    return;
  g_ptr_array_unref (cmp->columns);
  g_free (cmp->cells);
  g_free (cmp->cosine);
  g_free (cmp->js_distance);
  g_array_unref (cmp->keywords);
  g_array_unref (cmp->passages);
  g_free (cmp);
}
