/* report.c - motifs.csv, summary.md, and writing all reports. */
#include "report.h"

#include "core/stemmer.h"
#include "core/tokenizer.h"
#include "charts.h"
#include "comparison-report.h"
#include "html.h"
#include "format.h"
#include "genres.h"
#include "lm-config.h"
#include "stats/stats.h"

/* The voices of every table, in the order of motifs.csv. */
static const LmVoice report_voices[] = {
  LM_VOICE_CRITIC, LM_VOICE_QUOTATION, LM_VOICE_COMMENT, LM_VOICE_ALL,
};

GArray *
lm_report_voices (const LmRun *run)
{
  GArray *voices = g_array_new (FALSE, FALSE, sizeof (LmVoice));
  g_array_append_vals (voices, report_voices, G_N_ELEMENTS (report_voices));
  return voices;
}

/* Hits of @category and words in @voice over the analyzed texts, to compare
 * each text with the others in the same voice. */
static void
voice_totals (const LmRun *run, LmVoice v, guint category, guint64 *hits, guint64 *words)
{
  *hits = *words = 0;
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->stats == NULL)
        continue;
      *hits += lm_doc_stats_hits (t->stats, v, category);
      *words += t->stats->words[v];
    }
}

LmTable *
lm_report_motifs_table (const LmRun *run)
{
  LmTable *out = lm_table_new ("text_id,critic,voice,category,kind,hits,words,per_1000,"
                               "ci_low,ci_high,g2,log_ratio");
  guint nc = lm_lexicon_get_n_categories (run->lexicon);
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->stats == NULL)
        continue;
      for (guint vi = 0; vi < G_N_ELEMENTS (report_voices); vi++)
        {
          LmVoice v = report_voices[vi];
          for (guint c = 0; c < nc; c++)
            {
              const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
              guint64 hits = lm_doc_stats_hits (t->stats, v, c);
              guint64 words = t->stats->words[v];
              guint64 all_hits, all_words;
              voice_totals (run, v, c, &all_hits, &all_words);
              double low, high;
              lm_stats_rate_per_1000 (hits, words, LM_COMPARISON_ALPHA, NULL, &low, &high);
              LmKeyness k;
              lm_stats_keyness (hits, all_hits - hits, words, all_words - words, &k);
              lm_table_text (out, t->entry->id);
              lm_table_text (out, t->entry->critic);
              lm_table_text (out, lm_voice_to_string (v));
              lm_table_text (out, cat->id);
              lm_table_text (out, lm_category_kind_to_string (cat->kind));
              lm_table_count (out, hits);
              lm_table_count (out, words);
              lm_table_number (out, lm_stats_per_1000 (hits, words), 3);
              double extra[] = { low, high, k.g2, k.log_ratio };
              for (guint e = 0; e < G_N_ELEMENTS (extra); e++)
                lm_table_number (out, extra[e], 3);
              lm_table_end_row (out);
            }
        }
    }
  return out;
}

static void
append_forms (GString *out, const LmDocStats *s, LmVoice v, guint c)
{
  g_autoptr(GPtrArray) forms = lm_doc_stats_sorted_forms (s, v, c);
  for (guint f = 0; f < forms->len; f++)
    {
      if (f)
        g_string_append (out, ", ");
      lm_append_md_cell (out, forms->pdata[f]);
      g_string_append_printf (out, " (%" G_GUINT64_FORMAT ")",
                              lm_doc_stats_form_count (s, v, c, forms->pdata[f]));
    }
}

static void
append_manifest_md (GString *out, const LmRun *run)
{
  g_string_append (out, "## Run manifest\n\n");
  g_string_append_printf (out, "- leitmotif %s, tokenizer rules version %d, stemmer %s\n",
                          LM_VERSION, LM_TOKENIZER_VERSION, lm_stemmer_describe ());
  g_string_append_printf (out, "- lexicon `%s` sha256 `%s`\n", run->lexicon_path,
                          lm_lexicon_get_sha256 (run->lexicon));
  g_string_append_printf (out, "- stop words `%s` sha256 `%s`\n", run->stoplist_path,
                          lm_stoplist_get_sha256 (run->stoplist));
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      g_string_append_printf (out, "- text `%s` (`%s`) sha256 `%s`\n", t->entry->id,
                              t->entry->file, t->sha256 ? t->sha256 : "unreadable");
    }
}

static void
append_rate_cell (GString *out, guint64 hits, guint64 words)
{
  g_string_append_c (out, ' ');
  lm_append_fixed_or_empty (out, lm_stats_per_1000 (hits, words), 2);
  g_string_append_printf (out, " (%" G_GUINT64_FORMAT ") |", hits);
}

static void
append_voice_facts (GString *out, const LmTextResult *t)
{
  const LmDocStats *s = t->stats;
  g_string_append_printf (out,
      "- Words: critic %" G_GUINT64_FORMAT ", quotations %" G_GUINT64_FORMAT
      ", reader comments %" G_GUINT64_FORMAT "; %" G_GUINT64_FORMAT
      " words of boilerplate excluded.\n",
      s->words[LM_VOICE_CRITIC], s->words[LM_VOICE_QUOTATION],
      s->words[LM_VOICE_COMMENT], s->words[LM_VOICE_BOILERPLATE]);
  LmSegmentSummary sum;
  lm_segmentation_summarize (t->segmentation, &sum);
  g_string_append_printf (out, "- Quotations of the novel: %u", sum.novel_quotations);
  for (guint p = 0; p < sum.pages->len; p++)
    g_string_append_printf (out, "%s%s", p ? ", " : sum.pages->len > 1 ? " (pages " : " (page ",
                            (char *) sum.pages->pdata[p]);
  g_string_append_printf (out, "%s; quoted terms: %u; other quotations: %u",
                          sum.pages->len ? ")" : "", sum.quoted_terms, sum.other_quotations);
  if (sum.unclosed_quotations)
    g_string_append_printf (out, "; unclosed quotation marks: %u", sum.unclosed_quotations);
  g_string_append (out, ".\n");
  g_string_append_printf (out, "- Reader comments: %u, and %u replies; %u commenters sign by name.\n\n",
                          sum.comments, sum.replies, sum.commenters);
  lm_segment_summary_clear (&sum);
}

static void
append_text_section (GString *out, const LmRun *run, const LmTextResult *t)
{
  guint nc = lm_lexicon_get_n_categories (run->lexicon);
  g_string_append (out, "## ");
  lm_append_md_cell (out, t->display_name);
  g_string_append_printf (out, "\n\nText `%s`", t->entry->id);
  if (*t->entry->title)
    {
      g_string_append (out, ", *");
      lm_append_md_cell (out, t->entry->title);
      g_string_append (out, "*");
    }
  if (*t->entry->outlet)
    {
      g_string_append (out, ", ");
      lm_append_md_cell (out, t->entry->outlet);
    }
  g_string_append (out, ".\n\n");
  if (t->stats == NULL)
    {
      g_string_append (out, "Not analyzed: ");
      lm_append_md_cell (out, t->error);
      g_string_append (out, "\n\n");
      return;
    }
  append_voice_facts (out, t);
  guint64 words = t->stats->words[LM_VOICE_CRITIC];
  g_string_append (out, "| Category | Kind | Critic hits | Critic words | Critic per 1,000 | "
                        "Quotation hits | Comment hits | All hits | Surface forms (critic) |\n"
                        "|---|---|---:|---:|---:|---:|---:|---:|---|\n");
  for (guint c = 0; c < nc; c++)
    {
      const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
      guint64 hits = lm_doc_stats_hits (t->stats, LM_VOICE_CRITIC, c);
      g_string_append (out, "| ");
      lm_append_md_cell (out, cat->label);
      g_string_append_printf (out, " | %s | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " | ",
                              lm_category_kind_to_string (cat->kind), hits, words);
      lm_append_fixed_or_empty (out, lm_stats_per_1000 (hits, words), 2);
      g_string_append_printf (out, " | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " | ",
                              lm_doc_stats_hits (t->stats, LM_VOICE_QUOTATION, c),
                              lm_doc_stats_hits (t->stats, LM_VOICE_COMMENT, c),
                              lm_doc_stats_hits (t->stats, LM_VOICE_ALL, c));
      append_forms (out, t->stats, LM_VOICE_CRITIC, c);
      g_string_append (out, " |\n");
    }
  g_string_append (out, "\n");
}

static void
append_comparison (GString *out, const LmRun *run)
{
  guint nc = lm_lexicon_get_n_categories (run->lexicon);
  const GPtrArray *cols = run->columns;
  g_string_append_printf (out,
      "## Comparison\n\nRate per 1,000 words (hits in parentheses), in %s; "
      "reader comments have columns of their own.\n\n| Category |",
      run->comparison_includes_quotations
        ? "the critic's own words together with the passages the critic quotes"
        : "the critic's own words only (quotations, comments and boilerplate left out)");
  for (guint i = 0; i < cols->len; i++)
    {
      g_string_append_c (out, ' ');
      lm_append_md_cell (out, ((const LmColumn *) cols->pdata[i])->label);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|---|");
  for (guint i = 0; i < cols->len; i++)
    g_string_append (out, "---:|");
  g_string_append (out, "\n| Words |");
  for (guint i = 0; i < cols->len; i++)
    {
      const LmColumn *c = cols->pdata[i];
      if (c->text->stats)
        g_string_append_printf (out, " %" G_GUINT64_FORMAT " |", lm_column_words (c));
      else
        g_string_append (out, " n/a |");
    }
  g_string_append_c (out, '\n');
  for (guint k = 0; k < nc; k++)
    {
      const LmCategory *cat = lm_lexicon_get_category (run->lexicon, k);
      g_string_append (out, "| ");
      lm_append_md_cell (out, cat->label);
      g_string_append (out, " |");
      for (guint i = 0; i < cols->len; i++)
        {
          const LmColumn *c = cols->pdata[i];
          if (c->text->stats == NULL)
            g_string_append (out, " n/a |");
          else
            append_rate_cell (out, lm_column_hits (c, k), lm_column_words (c));
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

GString *
lm_report_summary_md (const LmComparison *cmp)
{
  const LmRun *run = cmp->run;
  GString *out = g_string_new ("# Motif report\n\n");
  g_string_append_printf (out,
      "%u texts from `%s`, lexicon `%s` (%u categories).\n\n"
      "Each essay is split into voices (run `leitmotif segments FILE` to see every "
      "decision): the critic's own prose, quotations, reader comments, and page "
      "boilerplate, which is left out of every count. Rates are hits per 1,000 words "
      "of a voice (stop words included in the word count). The comparison uses %s.\n\n",
      run->texts->len, run->corpus_path, run->lexicon_path,
      lm_lexicon_get_n_categories (run->lexicon),
      run->comparison_includes_quotations ? "the critic's words and the passages they quote"
                                          : "the critic's own words only");
  g_autoptr(GPtrArray) findings = lm_report_findings (cmp);
  g_string_append (out, "## In brief\n\nGenerated from the tables below; a motif counts as "
                        "foregrounded when a writer uses it at least twice as often as all the "
                        "other writers together, with G2 ≥ 6.63 (p < 0.01).\n\n");
  for (guint i = 0; i < findings->len; i++)
    {
      g_string_append (out, "- ");
      lm_append_md_cell (out, findings->pdata[i]);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  append_comparison (out, run);
  lm_report_append_genres_md (out, run);
  lm_report_append_comparison_md (out, cmp);
  for (guint i = 0; i < run->texts->len; i++)
    append_text_section (out, run, run->texts->pdata[i]);
  append_manifest_md (out, run);
  return out;
}

static const LmReportTable report_tables[] = {
  { "motifs", lm_report_motifs_table, NULL },
  { "genres", lm_report_genres_table, NULL },
  { "emphasis", NULL, lm_report_emphasis_table },
  { "keyness", NULL, lm_report_keyness_table },
  { "similarity", NULL, lm_report_similarity_table },
  { "dispersion", NULL, lm_report_dispersion_table },
  { "cooccurrence", NULL, lm_report_cooccurrence_table },
  { "passages", NULL, lm_report_passages_table },
  { "kwic", NULL, lm_report_kwic_table },
};

const LmReportTable *
lm_report_tables (guint *n)
{
  *n = G_N_ELEMENTS (report_tables);
  return report_tables;
}

LmTable *
lm_report_table_build (const LmReportTable *table, const LmComparison *cmp)
{
  return table->table ? table->table (cmp) : table->run_table (cmp->run);
}

gboolean
lm_report_write_all (const LmRun *run, const char *out_dir, GError **error)
{
  g_autoptr(LmComparison) cmp = lm_comparison_new (run);
  guint n_tables;
  const LmReportTable *tables = lm_report_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(LmTable) t = lm_report_table_build (&tables[i], cmp);
      g_autoptr(GString) csv = lm_table_steal_csv (t);
      g_autofree char *name = g_strconcat (tables[i].name, ".csv", NULL);
      if (!lm_write_atomic (out_dir, name, csv, error))
        return FALSE;
    }
  GString *(*const documents[]) (const LmComparison *) = {
    lm_report_summary_md, lm_report_json, lm_report_index_html,
  };
  static const char *const document_names[] = { "summary.md", "report.json", "index.html" };
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GString) body = documents[i] (cmp);
      if (!lm_write_atomic (out_dir, document_names[i], body, error))
        return FALSE;
    }
  g_autofree char *chart_dir = g_build_filename (out_dir, "charts", NULL);
  guint n_charts;
  const LmChart *charts = lm_charts (&n_charts);
  for (guint i = 0; i < n_charts; i++)
    {
      g_autoptr(GString) svg = charts[i].build (cmp);
      g_string_prepend (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      if (!lm_write_atomic (chart_dir, charts[i].file, svg, error))
        return FALSE;
    }
  return TRUE;
}
