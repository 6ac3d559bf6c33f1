/* comparison-csv.c - the CSV files of the comparison. */
#include "comparison-report.h"

#include <math.h>

#include "format.h"
#include "model/kwic.h"

static void
column_fields (LmTable *out, const LmColumn *c)
{
  lm_table_text (out, c->id);
  lm_table_text (out, c->label);
}

const char *
lm_report_reference_label (const LmComparison *cmp, gint reference)
{
  return reference < 0 ? "the rest" : lm_comparison_column (cmp, (guint) reference)->label;
}

static double
per_1000 (guint64 hits, guint64 words)
{
  return words ? 1000.0 * (double) hits / (double) words : NAN;
}

static void
keyness_fields (LmTable *out, const LmKeyness *k)
{
  lm_table_number (out, k->g2, 3);
  lm_table_number (out, k->p, 6);
  lm_table_number (out, k->log_ratio, 3);
}

static const char *
emphasis_name (LmEmphasis e)
{
  return e == LM_EMPHASIS_MORE ? "more" : e == LM_EMPHASIS_LESS ? "less" : "";
}

static void
emphasis_row (LmTable *out, const LmComparison *cmp, guint i, gint ref, guint c,
              guint64 ref_hits, guint64 ref_words, const LmKeyness *k)
{
  const LmCategory *cat = lm_lexicon_get_category (cmp->run->lexicon, c);
  const LmCell *cell = lm_comparison_cell (cmp, i, c);
  column_fields (out, lm_comparison_column (cmp, i));
  lm_table_text (out, ref < 0 ? "rest" : lm_comparison_column (cmp, (guint) ref)->id);
  lm_table_text (out, cat->id);
  lm_table_text (out, lm_category_kind_to_string (cat->kind));
  lm_table_count (out, cell->hits);
  lm_table_count (out, cell->words);
  lm_table_count (out, ref_hits);
  lm_table_count (out, ref_words);
  lm_table_number (out, per_1000 (cell->hits, cell->words), 3);
  lm_table_number (out, per_1000 (ref_hits, ref_words), 3);
  keyness_fields (out, k);
  lm_table_text (out, emphasis_name (lm_comparison_emphasis_of (k)));
  lm_table_end_row (out);
}

LmTable *
lm_report_emphasis_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("column,label,reference,category,kind,hits,words,ref_hits,"
                               "ref_words,per_1000,ref_per_1000,g2,p,log_ratio,emphasis");
  guint ncol = lm_comparison_n_columns (cmp);
  for (guint i = 0; i < ncol; i++)
    {
      for (guint c = 0; c < cmp->n_categories; c++)
        {
          const LmCell *cell = lm_comparison_cell (cmp, i, c);
          guint64 rest_hits = 0, rest_words = 0;
          for (guint j = 0; j < ncol; j++)
            if (j != i)
              {
                rest_hits += lm_comparison_cell (cmp, j, c)->hits;
                rest_words += lm_comparison_cell (cmp, j, c)->words;
              }
          emphasis_row (out, cmp, i, -1, c, rest_hits, rest_words, &cell->vs_rest);
        }
      for (guint j = 0; j < ncol; j++)
        {
          if (j == i)
            continue;
          for (guint c = 0; c < cmp->n_categories; c++)
            {
              LmKeyness k;
              lm_comparison_pair (cmp, i, j, c, &k);
              const LmCell *other = lm_comparison_cell (cmp, j, c);
              emphasis_row (out, cmp, i, (gint) j, c, other->hits, other->words, &k);
            }
        }
    }
  return out;
}

char *
lm_report_stem_forms (const LmColumn *column, const char *stem)
{
  g_autoptr(GPtrArray) forms = lm_profile_stem_forms (column->profile, stem);
  const LmStemFrequency *f = g_hash_table_lookup (column->profile->stems, stem);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < forms->len; i++)
    g_string_append_printf (s, "%s%s (%" G_GUINT64_FORMAT ")", i ? ", " : "",
                            (char *) forms->pdata[i],
                            *(guint64 *) g_hash_table_lookup (f->forms, forms->pdata[i]));
  return g_string_free (s, FALSE);
}

LmTable *
lm_report_keyness_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("column,label,reference,stem,hits,words,per_1000,ref_hits,"
                               "ref_words,ref_per_1000,g2,p,log_ratio,key,forms");
  for (guint i = 0; i < cmp->keywords->len; i++)
    {
      const LmKeyword *k = &g_array_index (cmp->keywords, LmKeyword, i);
      const LmColumn *col = lm_comparison_column (cmp, k->column);
      column_fields (out, col);
      lm_table_text (out, k->reference < 0 ? "rest" : lm_comparison_column (cmp, (guint) k->reference)->id);
      lm_table_text (out, k->stem);
      lm_table_count (out, k->hits);
      lm_table_count (out, k->words);
      lm_table_number (out, per_1000 (k->hits, k->words), 3);
      lm_table_count (out, k->ref_hits);
      lm_table_count (out, k->ref_words);
      lm_table_number (out, per_1000 (k->ref_hits, k->ref_words), 3);
      keyness_fields (out, &k->keyness);
      lm_table_text (out, k->key ? "yes" : "no");
      g_autofree char *forms = lm_report_stem_forms (col, k->stem);
      lm_table_text (out, forms);
      lm_table_end_row (out);
    }
  return out;
}

LmTable *
lm_report_similarity_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("column_a,column_b,cosine,js_distance");
  guint n = lm_comparison_n_columns (cmp);
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        lm_table_text (out, lm_comparison_column (cmp, a)->id);
        lm_table_text (out, lm_comparison_column (cmp, b)->id);
        lm_table_number (out, cmp->cosine[a * n + b], 4);
        lm_table_number (out, cmp->js_distance[a * n + b], 4);
        lm_table_end_row (out);
      }
  return out;
}

LmTable *
lm_report_dispersion_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("column,label,category,hits,words,dp,dp_norm,mean_position,"
                               "final_third,positions");
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    {
      const LmColumn *col = lm_comparison_column (cmp, i);
      for (guint c = 0; c < cmp->n_categories; c++)
        {
          const LmCell *cell = lm_comparison_cell (cmp, i, c);
          const GArray *at = col->profile->hit_words[c];
          if (at->len == 0)
            continue;
          column_fields (out, col);
          lm_table_text (out, lm_lexicon_get_category (cmp->run->lexicon, c)->id);
          lm_table_count (out, at->len);
          lm_table_count (out, col->profile->n_words);
          lm_table_number (out, cell->dp, 3);
          lm_table_number (out, cell->dp_norm, 3);
          lm_table_number (out, cell->mean_position, 3);
          lm_table_number (out, cell->final_third, 3);
          g_autoptr(GString) positions = g_string_new (NULL);
          for (guint k = 0; k < at->len; k++)
            {
              if (k)
                g_string_append_c (positions, ' ');
              lm_append_fixed (positions, (double) g_array_index (at, guint64, k)
                                            / (double) col->profile->n_words, 3);
            }
          lm_table_text (out, positions->str);
          lm_table_end_row (out);
        }
    }
  return out;
}

LmTable *
lm_report_cooccurrence_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("column,label,category_a,category_b,sentences_both,"
                               "sentences_a,sentences_b,sentences,lift");
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    {
      const LmColumn *col = lm_comparison_column (cmp, i);
      const LmProfile *p = col->profile;
      for (guint a = 0; a < cmp->n_categories; a++)
        for (guint b = a + 1; b < cmp->n_categories; b++)
          {
            guint64 both = lm_profile_cooccurrence (p, a, b);
            if (both == 0)
              continue;
            guint64 sa = lm_profile_cooccurrence (p, a, a), sb = lm_profile_cooccurrence (p, b, b);
            column_fields (out, col);
            lm_table_text (out, lm_lexicon_get_category (cmp->run->lexicon, a)->id);
            lm_table_text (out, lm_lexicon_get_category (cmp->run->lexicon, b)->id);
            lm_table_count (out, both);
            lm_table_count (out, sa);
            lm_table_count (out, sb);
            lm_table_count (out, p->n_sentences);
            lm_table_number (out, (double) both * (double) p->n_sentences / ((double) sa * (double) sb), 3);
            lm_table_end_row (out);
          }
    }
  return out;
}

LmTable *
lm_report_passages_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("text_id,critic,line,kind,page,words,shared_with,quote");
  for (guint i = 0; i < cmp->passages->len; i++)
    {
      const LmPassage *q = &g_array_index (cmp->passages, LmPassage, i);
      const LmTextResult *t = cmp->run->texts->pdata[q->text];
      lm_table_text (out, t->entry->id);
      lm_table_text (out, t->entry->critic);
      lm_table_count (out, q->line);
      lm_table_text (out, lm_quote_kind_to_string (q->kind));
      lm_table_text (out, q->page ? q->page : "");
      lm_table_count (out, q->n_words);
      g_autoptr(GString) shared = g_string_new (NULL);
      for (guint k = 0; k < q->shared_with->len; k++)
        {
          const LmTextResult *o = cmp->run->texts->pdata[g_array_index (q->shared_with, guint, k)];
          g_string_append_printf (shared, "%s%s", k ? " " : "", o->entry->id);
        }
      lm_table_text (out, shared->str);
      lm_table_text (out, q->quote);
      lm_table_end_row (out);
    }
  return out;
}

LmTable *
lm_report_kwic_table (const LmComparison *cmp)
{
  LmTable *out = lm_table_new ("text_id,critic,voice,category,line,col,left,match,right");
  const LmRun *run = cmp->run;
  for (guint t = 0; t < run->texts->len; t++)
    {
      const LmTextResult *r = run->texts->pdata[t];
      if (r->stats == NULL)
        continue;
      gsize len;
      const char *data = lm_text_get_data (r->text, &len);
      const GArray *ev = r->stats->evidence;
      for (guint i = 0; i < ev->len; i++)
        {
          const LmEvidence *e = &g_array_index (ev, LmEvidence, i);
          g_auto(LmKwicLine) line = { 0 };
          lm_kwic_line_init (&line, data, len, e->start, e->end, LM_REPORT_KWIC_WIDTH);
          lm_table_text (out, r->entry->id);
          lm_table_text (out, r->entry->critic);
          lm_table_text (out, lm_voice_to_string (e->voice));
          lm_table_text (out, lm_lexicon_get_category (run->lexicon, e->category)->id);
          lm_table_count (out, e->line);
          lm_table_count (out, e->col);
          lm_table_text (out, line.left);
          lm_table_text (out, line.match);
          lm_table_text (out, line.right);
          lm_table_end_row (out);
        }
    }
  return out;
}
