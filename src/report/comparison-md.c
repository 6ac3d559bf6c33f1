/* comparison-md.c - the comparison's opening prose and Markdown sections. */
#include "comparison-report.h"

#include <math.h>
#include <string.h>

#include "charts.h"
#include "format.h"
#include "genres.h"

static const char *
category_label (const LmComparison *cmp, guint c)
{
  return lm_lexicon_get_category (cmp->run->lexicon, c)->label;
}

/* Hits and words of every analyzed column but @i. */
static void
rest_of (const LmComparison *cmp, guint i, guint c, guint64 *hits, guint64 *words)
{
  *hits = *words = 0;
  for (guint j = 0; j < lm_comparison_n_columns (cmp); j++)
    if (j != i)
      {
        *hits += lm_comparison_cell (cmp, j, c)->hits;
        *words += lm_comparison_cell (cmp, j, c)->words;
      }
}

static double
rate (guint64 hits, guint64 words)
{
  return words ? 1000.0 * (double) hits / (double) words : NAN;
}

/* The motif categories column @i emphasises (@want), G2 magnitude first. */
static GArray *
emphasised (const LmComparison *cmp, guint i, LmEmphasis want)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < cmp->n_categories; c++)
    if (lm_comparison_in_profile (cmp, c) && lm_comparison_cell (cmp, i, c)->emphasis == want)
      {
        guint k = 0;
        double g = fabs (lm_comparison_cell (cmp, i, c)->vs_rest.g2);
        while (k < out->len
               && fabs (lm_comparison_cell (cmp, i, g_array_index (out, guint, k))->vs_rest.g2) >= g)
          k++;
        g_array_insert_val (out, k, c);
      }
  return out;
}

static void
append_rate_vs_rest (GString *s, const LmComparison *cmp, guint i, guint c)
{
  const LmCell *cell = lm_comparison_cell (cmp, i, c);
  guint64 rh, rw;
  rest_of (cmp, i, c, &rh, &rw);
  g_string_append_printf (s, "%s (", category_label (cmp, c));
  lm_append_fixed (s, cell->rate, 1);
  g_string_append (s, " per 1,000 words against ");
  lm_append_fixed_or_empty (s, rate (rh, rw), 1);
  g_string_append (s, " in the rest; G2 ");
  lm_append_fixed (s, cell->vs_rest.g2, 1);
  g_string_append (s, ", log ratio ");
  lm_append_fixed (s, cell->vs_rest.log_ratio, 1);
  g_string_append (s, ")");
}

GPtrArray *
lm_report_findings (const LmComparison *cmp)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint n = lm_comparison_n_columns (cmp);
  for (guint i = 0; i < n; i++)
    {
      const LmColumn *col = lm_comparison_column (cmp, i);
      GString *s = g_string_new (col->label);
      if (lm_comparison_cell (cmp, i, 0)->words == 0)
        {
          g_string_append (s, " has no words of its own to compare.");
          g_ptr_array_add (out, g_string_free (s, FALSE));
          continue;
        }
      g_autoptr(GArray) more = emphasised (cmp, i, LM_EMPHASIS_MORE);
      if (more->len == 0)
        g_string_append (s, " foregrounds no motif beyond the others by the report's threshold");
      else
        {
          g_string_append (s, " foregrounds ");
          for (guint k = 0; k < more->len && k < 3; k++)
            {
              if (k)
                g_string_append (s, k + 1 == MIN (more->len, 3) ? " and " : ", ");
              append_rate_vs_rest (s, cmp, i, g_array_index (more, guint, k));
            }
          if (more->len > 3)
            g_string_append_printf (s, ", and %u more", more->len - 3);
        }
      g_autofree char *verdict = col->text->genres ? lm_report_genre_verdict (cmp->run, col) : NULL;
      if (verdict)
        g_string_append_printf (s, ". Genre: %s", verdict);
      g_string_append_c (s, '.');
      g_ptr_array_add (out, g_string_free (s, FALSE));
    }
  /* The most and the least alike pair of motif profiles. */
  gint best_a = -1, best_b = -1, worst_a = -1, worst_b = -1;
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        double d = cmp->js_distance[a * n + b];
        if (!isfinite (d))
          continue;
        if (best_a < 0 || d < cmp->js_distance[best_a * n + best_b])
          best_a = (gint) a, best_b = (gint) b;
        if (worst_a < 0 || d > cmp->js_distance[worst_a * n + worst_b])
          worst_a = (gint) a, worst_b = (gint) b;
      }
  if (best_a >= 0 && (best_a != worst_a || best_b != worst_b))
    {
      GString *s = g_string_new ("The most alike motif profiles are those of ");
      g_string_append_printf (s, "%s and %s (Jensen-Shannon distance ",
                              lm_comparison_column (cmp, best_a)->label,
                              lm_comparison_column (cmp, best_b)->label);
      lm_append_fixed (s, cmp->js_distance[best_a * n + best_b], 2);
      g_string_append_printf (s, "); the least alike, %s and %s (",
                              lm_comparison_column (cmp, worst_a)->label,
                              lm_comparison_column (cmp, worst_b)->label);
      lm_append_fixed (s, cmp->js_distance[worst_a * n + worst_b], 2);
      g_string_append (s, ").");
      g_ptr_array_add (out, g_string_free (s, FALSE));
    }
  return out;
}

/* ------------------------------------------------------------ sections */

static void
md (GString *out, const char *text)
{
  lm_append_md_cell (out, text);
}

/* "| @first | writer | writer |" and its alignment row (numbers right). */
static void
append_writers_header (GString *out, const LmComparison *cmp, const char *first)
{
  guint n = lm_comparison_n_columns (cmp);
  g_string_append_printf (out, "| %s |", first);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, ' ');
      md (out, lm_comparison_column (cmp, i)->label);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|---|");
  for (guint i = 0; i < n; i++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');
}

static void
append_charts (GString *out)
{
  guint n;
  const LmChart *charts = lm_charts (&n);
  g_string_append (out, "## Charts\n\nThe same charts, with every value on hover, are in "
                        "[index.html](index.html).\n\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "![%s](charts/%s)\n\n", charts[i].title, charts[i].file);
}

static void
append_emphasis (GString *out, const LmComparison *cmp)
{
  g_string_append (out, "## Emphasis: what each writer uses more, or less, than the rest\n\n"
                        "Each column against all the other columns pooled. Listed when the "
                        "difference clears G2 ≥ 6.63 (p < 0.01) and is at least a doubling or a "
                        "halving (|log ratio| ≥ 1). The interval is the exact Poisson 95% interval "
                        "of the rate. emphasis.csv has every motif, and every pair of columns.\n\n"
                        "| Writer | Motif | Hits | Per 1,000 | 95% interval | Rest per 1,000 | G2 "
                        "| Log ratio | |\n|---|---|---:|---:|---|---:|---:|---:|---|\n");
  guint rows = 0;
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    for (LmEmphasis e = LM_EMPHASIS_MORE; e >= LM_EMPHASIS_LESS; e -= 2)
      {
        g_autoptr(GArray) cats = emphasised (cmp, i, e);
        for (guint k = 0; k < cats->len; k++)
          {
            guint c = g_array_index (cats, guint, k);
            const LmCell *cell = lm_comparison_cell (cmp, i, c);
            guint64 rh, rw;
            rest_of (cmp, i, c, &rh, &rw);
            g_string_append (out, "| ");
            md (out, lm_comparison_column (cmp, i)->label);
            g_string_append_printf (out, " | %s | %" G_GUINT64_FORMAT " | ", category_label (cmp, c),
                                    cell->hits);
            lm_append_fixed (out, cell->rate, 2);
            g_string_append (out, " | ");
            lm_append_fixed (out, cell->ci_low, 2);
            g_string_append (out, "–");
            lm_append_fixed (out, cell->ci_high, 2);
            g_string_append (out, " | ");
            lm_append_fixed_or_empty (out, rate (rh, rw), 2);
            g_string_append (out, " | ");
            lm_append_fixed (out, cell->vs_rest.g2, 2);
            g_string_append (out, " | ");
            lm_append_fixed (out, cell->vs_rest.log_ratio, 2);
            g_string_append_printf (out, " | %s |\n", e > 0 ? "more" : "less");
            rows++;
          }
      }
  if (rows == 0)
    g_string_append (out, "| (no motif clears the threshold) | | | | | | | | |\n");
  g_string_append_c (out, '\n');
}

static void
append_similarity (GString *out, const LmComparison *cmp)
{
  guint n = lm_comparison_n_columns (cmp);
  g_string_append (out, "## Similarity of motif profiles\n\nJensen-Shannon distance between "
                        "the writers' motif counts (0: the same mix of motifs, 1: no motif in "
                        "common), with the cosine similarity in parentheses; n/a where a writer "
                        "has no motif hit.\n\n");
  append_writers_header (out, cmp, "");
  for (guint a = 0; a < n; a++)
    {
      g_string_append (out, "| ");
      md (out, lm_comparison_column (cmp, a)->label);
      g_string_append (out, " |");
      for (guint b = 0; b < n; b++)
        {
          double d = cmp->js_distance[a * n + b], c = cmp->cosine[a * n + b];
          if (!isfinite (d))
            {
              g_string_append (out, " n/a |");
              continue;
            }
          g_string_append_c (out, ' ');
          lm_append_fixed (out, d, 2);
          g_string_append (out, " (");
          lm_append_fixed_or_empty (out, c, 2);
          g_string_append (out, ") |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* "stem (G2 12.3, LR 2.1: form (3), forms (1))", the top keywords of one
 * column against one reference. */
static void
append_keywords (GString *out, const LmComparison *cmp, guint i, gint reference, gboolean key_only)
{
  guint shown = 0;
  for (guint k = 0; k < cmp->keywords->len && shown < LM_REPORT_TOP_KEYWORDS; k++)
    {
      const LmKeyword *kw = &g_array_index (cmp->keywords, LmKeyword, k);
      if (kw->column != i || kw->reference != reference || (key_only && !kw->key))
        continue;
      g_autofree char *forms = lm_report_stem_forms (lm_comparison_column (cmp, i), kw->stem);
      g_string_append (out, shown ? "; " : "");
      md (out, forms);
      g_string_append (out, " — G2 ");
      lm_append_fixed (out, kw->keyness.g2, 1);
      g_string_append (out, ", LR ");
      lm_append_fixed (out, kw->keyness.log_ratio, 1);
      shown++;
    }
  if (shown == 0)
    g_string_append (out, "none");
}

static void
append_distinctive (GString *out, const LmComparison *cmp)
{
  g_string_append_printf (out, "## Distinctive vocabulary\n\nStems (stop words left out) that a "
                               "writer uses at least %d times and markedly more than all the "
                               "others: G2 ≥ 10.83 (p < 0.001) and log ratio ≥ 1; the surface "
                               "forms behind each stem, with counts. keyness.csv has every stem "
                               "with G2 ≥ 3.84, against the rest and against each other writer.\n\n"
                               "| Writer | Words | Distinctive words |\n|---|---:|---|\n",
                          LM_COMPARISON_KEYWORD_MIN_FREQ);
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    {
      g_string_append (out, "| ");
      md (out, lm_comparison_column (cmp, i)->label);
      g_string_append_printf (out, " | %" G_GUINT64_FORMAT " | ",
                              lm_comparison_column (cmp, i)->profile->n_words);
      append_keywords (out, cmp, i, -1, TRUE);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');
}

static void
append_pairs (GString *out, const LmComparison *cmp)
{
  guint n = lm_comparison_n_columns (cmp);
  g_string_append (out, "## Writer against writer\n\nEach pair compared directly: the motifs "
                        "that separate them (same threshold as above) and the words the first "
                        "uses more than the second (G2 ≥ 3.84, at least 3 uses; strongest first). "
                        "emphasis.csv and keyness.csv have the figures.\n\n");
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      {
        if (a == b)
          continue;
        g_string_append (out, "- **");
        md (out, lm_comparison_column (cmp, a)->label);
        g_string_append (out, "** against **");
        md (out, lm_comparison_column (cmp, b)->label);
        g_string_append (out, "**: motifs ");
        guint shown = 0;
        for (guint c = 0; c < cmp->n_categories; c++)
          {
            LmKeyness k;
            if (!lm_comparison_in_profile (cmp, c) || !lm_comparison_pair (cmp, a, b, c, &k)
                || lm_comparison_emphasis_of (&k) != LM_EMPHASIS_MORE)
              continue;
            g_string_append_printf (out, "%s%s (G2 ", shown++ ? ", " : "more: ", category_label (cmp, c));
            lm_append_fixed (out, k.g2, 1);
            g_string_append (out, ")");
          }
        if (shown == 0)
          g_string_append (out, "none more");
        g_string_append (out, "; words: ");
        append_keywords (out, cmp, a, (gint) b, FALSE);
        g_string_append (out, "\n");
      }
  g_string_append_c (out, '\n');
}

static void
append_cooccurrence (GString *out, const LmComparison *cmp)
{
  guint n = lm_comparison_n_columns (cmp), nc = cmp->n_categories;
  g_string_append (out, "## Motifs that share a sentence\n\nSentences of each writer in which "
                        "both motifs are hit (lift in parentheses: observed / expected if the two "
                        "fell independently; above 1, they seek each other out). Pairs that share "
                        "at least two sentences in some writer; cooccurrence.csv has every pair."
                        "\n\n");
  append_writers_header (out, cmp, "Motifs");
  for (guint a = 0; a < nc; a++)
    for (guint b = a + 1; b < nc; b++)
      {
        if (!lm_comparison_in_profile (cmp, a) || !lm_comparison_in_profile (cmp, b))
          continue;
        guint64 top = 0;
        for (guint i = 0; i < n; i++)
          top = MAX (top, lm_profile_cooccurrence (lm_comparison_column (cmp, i)->profile, a, b));
        if (top < 2)
          continue;
        g_string_append_printf (out, "| %s + %s |", category_label (cmp, a), category_label (cmp, b));
        for (guint i = 0; i < n; i++)
          {
            const LmProfile *p = lm_comparison_column (cmp, i)->profile;
            guint64 both = lm_profile_cooccurrence (p, a, b);
            guint64 sa = lm_profile_cooccurrence (p, a, a), sb = lm_profile_cooccurrence (p, b, b);
            g_string_append_printf (out, " %" G_GUINT64_FORMAT, both);
            if (both)
              {
                g_string_append (out, " (");
                lm_append_fixed (out, (double) both * (double) p->n_sentences / ((double) sa * (double) sb), 1);
                g_string_append (out, ")");
              }
            g_string_append (out, " |");
          }
        g_string_append_c (out, '\n');
      }
  g_string_append_c (out, '\n');
}

static void
append_dispersion (GString *out, const LmComparison *cmp)
{
  g_string_append_printf (out, "## Where the motifs fall\n\nPosition of each hit as a fraction "
                               "of the writer's own words (0 the first word, 1 the last). DP is "
                               "Gries' deviation of proportions over %d equal parts: 0 when a "
                               "motif is spread like the text, near 1 when it gathers in one "
                               "place. Motifs with at least 3 hits; dispersion.csv has every "
                               "position.\n\n| Writer | Motif | Hits | Mean position | In the "
                               "final third | DP | DPnorm |\n|---|---|---:|---:|---:|---:|---:|\n",
                          LM_COMPARISON_PARTS);
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    for (guint c = 0; c < cmp->n_categories; c++)
      {
        const LmCell *cell = lm_comparison_cell (cmp, i, c);
        if (!lm_comparison_in_profile (cmp, c) || cell->hits < 3)
          continue;
        g_string_append (out, "| ");
        md (out, lm_comparison_column (cmp, i)->label);
        g_string_append_printf (out, " | %s | %" G_GUINT64_FORMAT " | ", category_label (cmp, c),
                                cell->hits);
        lm_append_fixed_or_empty (out, cell->mean_position, 2);
        g_string_append (out, " | ");
        lm_append_fixed_or_empty (out, 100 * cell->final_third, 0);
        g_string_append (out, "% | ");
        lm_append_fixed_or_empty (out, cell->dp, 2);
        g_string_append (out, " | ");
        lm_append_fixed_or_empty (out, cell->dp_norm, 2);
        g_string_append (out, " |\n");
      }
  g_string_append_c (out, '\n');
}

static void
append_passages (GString *out, const LmComparison *cmp)
{
  g_string_append_printf (out, "## Passages quoted\n\nQuotations of at least %d words in the "
                               "writers' prose, with the page the writer cites; a passage "
                               "\"also quoted by\" another text shares a run of %d words with a "
                               "quotation there (editions differ in their pages). passages.csv "
                               "has the full quotations.\n\n| Text | Line | Page | Words | Also "
                               "quoted by | Opening |\n|---|---:|---|---:|---|---|\n",
                          LM_COMPARISON_PASSAGE_WORDS, LM_COMPARISON_PASSAGE_WORDS);
  for (guint i = 0; i < cmp->passages->len; i++)
    {
      const LmPassage *q = &g_array_index (cmp->passages, LmPassage, i);
      const LmTextResult *t = cmp->run->texts->pdata[q->text];
      g_string_append_printf (out, "| `%s` | %u | ", t->entry->id, q->line);
      md (out, q->page ? q->page : "");
      g_string_append_printf (out, " | %u | ", q->n_words);
      for (guint k = 0; k < q->shared_with->len; k++)
        {
          const LmTextResult *o = cmp->run->texts->pdata[g_array_index (q->shared_with, guint, k)];
          g_string_append_printf (out, "%s`%s`", k ? ", " : "", o->entry->id);
        }
      g_string_append (out, " | ");
      glong len = g_utf8_strlen (q->quote, -1);
      g_autofree char *opening = g_utf8_substring (q->quote, 0, MIN (len, 80));
      md (out, opening);
      g_string_append (out, len > 80 ? "… |\n" : " |\n");
    }
  if (cmp->passages->len == 0)
    g_string_append (out, "| (no quotation of that length) | | | | | |\n");
  g_string_append_c (out, '\n');
}

void
lm_report_append_comparison_md (GString *out, const LmComparison *cmp)
{
  append_charts (out);
  append_emphasis (out, cmp);
  append_similarity (out, cmp);
  append_distinctive (out, cmp);
  append_pairs (out, cmp);
  append_cooccurrence (out, cmp);
  append_dispersion (out, cmp);
  append_passages (out, cmp);
}
