/* html.c - the self-contained HTML report. */
#include "html.h"

#include "charts.h"
#include "comparison-report.h"
#include "format.h"
#include "genres.h"
#include "model/kwic.h"
#include "lm-config.h"

static const char style[] =
  "body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
  "color:#111;line-height:1.45}\n"
  "h1,h2,h3{font-family:sans-serif}h2{border-bottom:1px solid #ccc;margin-top:2.5rem}\n"
  "nav a{margin-right:1rem}figure{margin:1rem 0;overflow-x:auto}figcaption{font-size:.9rem;color:#444}\n"
  "table{border-collapse:collapse;font-size:.9rem;margin:1rem 0}"
  "th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}\n"
  "td.n{text-align:right}.muted{color:#555;font-size:.9rem}\n"
  "ol.kwic{font-family:monospace;font-size:.85rem;padding-left:0;list-style:none}"
  "ol.kwic li{white-space:pre-wrap;margin:.2rem 0}"
  "ol.kwic mark{background:#fde0c5;font-weight:bold}.loc{color:#777}\n"
  "details{margin:.3rem 0}summary{cursor:pointer}\n"
  "@media print{nav{display:none}details::details-content{display:block;"
  "content-visibility:visible}body{max-width:none}figure{break-inside:avoid}}\n";

static void
h (GString *out, const char *text)
{
  lm_append_html (out, text);
}

static void
append_brief (GString *out, const LmComparison *cmp)
{
  g_autoptr(GPtrArray) findings = lm_report_findings (cmp);
  g_string_append (out, "<section id=\"brief\"><h2>In brief</h2>\n<p class=\"muted\">Generated "
                        "from the numbers below. A motif is foregrounded when a writer uses it at "
                        "least twice as often as all the other writers together, with G2 ≥ 6.63 "
                        "(p &lt; 0.01).</p>\n<ul>\n");
  for (guint i = 0; i < findings->len; i++)
    {
      g_string_append (out, "<li>");
      h (out, findings->pdata[i]);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul></section>\n");
}

static void
append_chart (GString *out, const LmComparison *cmp, const char *id, guint which,
              const char *caption)
{
  guint n;
  const LmChart *charts = lm_charts (&n);
  g_autoptr(GString) svg = charts[which].build (cmp);
  g_string_append_printf (out, "<figure id=\"chart-%s\">\n%s<figcaption>", id, svg->str);
  g_string_append (out, caption);
  g_string_append_printf (out, " (also <a href=\"charts/%s\">charts/%s</a>)</figcaption></figure>\n",
                          charts[which].file, charts[which].file);
}

static void
append_genres (GString *out, const LmComparison *cmp)
{
  const LmRun *run = cmp->run;
  g_autoptr(GPtrArray) cols = lm_report_genre_columns (run);
  g_string_append (out, "<section id=\"genres\"><h2>How each writer classifies the genre</h2>\n"
                        "<p class=\"muted\"><em>asserted</em>: the writer's own label; "
                        "<em>attributed</em>: reported from someone (named in parentheses); "
                        "<em>hedged</em>; <em>rejected</em>. Plain mentions are left out. "
                        "genres.csv has every mention with its sentence.</p>\n<table><thead><tr><th>Genre</th>");
  for (guint i = 0; i < cols->len; i++)
    {
      g_string_append (out, "<th>");
      h (out, ((const LmColumn *) cols->pdata[i])->label);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead><tbody>\n");
  for (guint c = 0; c < lm_lexicon_get_n_categories (run->lexicon); c++)
    {
      const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
      if (cat->kind != LM_CATEGORY_GENRE)
        continue;
      g_autoptr(GString) row = g_string_new (NULL);
      gboolean any = FALSE;
      for (guint i = 0; i < cols->len; i++)
        {
          g_autofree char *cell = lm_report_genre_cell (cols->pdata[i], c);
          any |= *cell != '\0';
          g_string_append (row, "<td>");
          h (row, cell);
          g_string_append (row, "</td>");
        }
      if (!any)
        continue;
      g_string_append (out, "<tr><th>");
      h (out, cat->label);
      g_string_append_printf (out, "</th>%s</tr>\n", row->str);
    }
  g_string_append (out, "</tbody></table>\n<ul>\n");
  for (guint i = 0; i < cols->len; i++)
    {
      g_autofree char *verdict = lm_report_genre_verdict (run, cols->pdata[i]);
      g_string_append (out, "<li><strong>");
      h (out, ((const LmColumn *) cols->pdata[i])->label);
      g_string_append (out, "</strong>: ");
      h (out, verdict);
      g_string_append (out, ".</li>\n");
    }
  g_string_append (out, "</ul></section>\n");
}

static void
append_distinctive (GString *out, const LmComparison *cmp)
{
  g_string_append_printf (out, "<section id=\"distinctive\"><h2>Distinctive words</h2>\n"
                               "<p class=\"muted\">Stems (stop words left out) a writer uses at "
                               "least %d times and markedly more than all the others (G2 ≥ 10.83, "
                               "log ratio ≥ 1), with the forms behind them; at most %d a writer. "
                               "keyness.csv has them all, also writer against writer.</p>\n"
                               "<table><thead><tr><th>Writer</th><th>Stem</th><th>Forms</th>"
                               "<th>Per 1,000</th><th>Others per 1,000</th><th>G2</th><th>Log ratio"
                               "</th></tr></thead><tbody>\n",
                          LM_COMPARISON_KEYWORD_MIN_FREQ, LM_REPORT_TOP_KEYWORDS);
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    {
      guint shown = 0;
      for (guint k = 0; k < cmp->keywords->len && shown < LM_REPORT_TOP_KEYWORDS; k++)
        {
          const LmKeyword *kw = &g_array_index (cmp->keywords, LmKeyword, k);
          if (kw->column != i || kw->reference >= 0 || !kw->key)
            continue;
          g_autofree char *forms = lm_report_stem_forms (lm_comparison_column (cmp, i), kw->stem);
          g_string_append (out, "<tr><td>");
          h (out, lm_comparison_column (cmp, i)->label);
          g_string_append (out, "</td><td>");
          h (out, kw->stem);
          g_string_append (out, "</td><td>");
          h (out, forms);
          g_string_append (out, "</td><td class=\"n\">");
          lm_append_fixed (out, 1000.0 * (double) kw->hits / (double) kw->words, 2);
          g_string_append (out, "</td><td class=\"n\">");
          lm_append_fixed (out, 1000.0 * (double) kw->ref_hits / (double) kw->ref_words, 2);
          g_string_append (out, "</td><td class=\"n\">");
          lm_append_fixed (out, kw->keyness.g2, 1);
          g_string_append (out, "</td><td class=\"n\">");
          lm_append_fixed (out, kw->keyness.log_ratio, 1);
          g_string_append (out, "</td></tr>\n");
          shown++;
        }
      if (shown == 0)
        {
          g_string_append (out, "<tr><td>");
          h (out, lm_comparison_column (cmp, i)->label);
          g_string_append (out, "</td><td colspan=\"6\" class=\"muted\">none clears the threshold</td></tr>\n");
        }
    }
  g_string_append (out, "</tbody></table></section>\n");
}

static gboolean
evidence_in_column (const LmColumn *col, const LmEvidence *e)
{
  return (col->voice_mask & LM_VOICE_BIT (e->voice)) != 0;
}

static void
append_evidence (GString *out, const LmComparison *cmp)
{
  g_string_append_printf (out, "<section id=\"evidence\"><h2>Evidence</h2>\n<p class=\"muted\">"
                               "Every hit behind the numbers, in its context (up to %d per motif "
                               "and voice; kwic.csv has the same lines). Open a motif to read "
                               "them.</p>\n", LM_DOCSTATS_MAX_EVIDENCE);
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    {
      const LmColumn *col = lm_comparison_column (cmp, i);
      const LmTextResult *t = col->text;
      gsize len;
      const char *data = lm_text_get_data (t->text, &len);
      g_string_append_printf (out, "<section class=\"writer\" id=\"evidence-%u\"><h3>", i);
      h (out, col->label);
      g_string_append (out, " <span class=\"muted\">(");
      h (out, t->entry->id);
      g_string_append (out, ")</span></h3>\n");
      for (guint c = 0; c < cmp->n_categories; c++)
        {
          const LmCell *cell = lm_comparison_cell (cmp, i, c);
          if (!lm_comparison_in_profile (cmp, c) || cell->hits == 0)
            continue;
          const LmCategory *cat = lm_lexicon_get_category (cmp->run->lexicon, c);
          g_string_append (out, "<details><summary>");
          h (out, cat->label);
          g_string_append_printf (out, " — %" G_GUINT64_FORMAT " hit%s</summary>\n<ol class=\"kwic\">\n",
                                  cell->hits, cell->hits == 1 ? "" : "s");
          for (guint k = 0; k < t->stats->evidence->len; k++)
            {
              const LmEvidence *e = &g_array_index (t->stats->evidence, LmEvidence, k);
              if (e->category != c || !evidence_in_column (col, e))
                continue;
              g_auto(LmKwicLine) line = { 0 };
              lm_kwic_line_init (&line, data, len, e->start, e->end, LM_REPORT_KWIC_WIDTH);
              g_string_append_printf (out, "<li><span class=\"loc\">%u:%u</span> ", e->line, e->col);
              h (out, line.left);
              g_string_append (out, "<mark>");
              h (out, line.match);
              g_string_append (out, "</mark>");
              h (out, line.right);
              g_string_append (out, "</li>\n");
            }
          g_string_append (out, "</ol></details>\n");
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</section>\n");
}

GString *
lm_report_index_html (const LmComparison *cmp)
{
  const LmRun *run = cmp->run;
  GString *out = g_string_new (NULL);
  g_string_append_printf (out,
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Motif report</title>\n<style>\n%s</style></head>\n<body>\n"
      "<header><h1>Motif report</h1>\n<p>", style);
  g_string_append_printf (out, "%u texts from <code>", run->texts->len);
  h (out, run->corpus_path);
  g_string_append (out, "</code>, lexicon <code>");
  h (out, run->lexicon_path);
  g_string_append_printf (out, "</code>. Each writer is compared in %s; a text's reader comments "
                               "are a writer of their own. Rates are hits per 1,000 words.</p>\n",
                          run->comparison_includes_quotations
                            ? "the critic's words together with the passages quoted"
                            : "the critic's own words (quotations, comments and boilerplate left out)");
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->error == NULL)
        continue;
      g_string_append (out, "<p><strong>Not analyzed:</strong> ");
      h (out, t->error);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n<nav><a href=\"#brief\">In brief</a><a href=\"#rates\">Rates</a>"
                        "<a href=\"#genres\">Genre</a><a href=\"#where\">Dispersion</a>"
                        "<a href=\"#alike\">Similarity</a><a href=\"#distinctive\">Words</a>"
                        "<a href=\"#evidence\">Evidence</a></nav>\n");
  append_brief (out, cmp);
  g_string_append (out, "<section id=\"rates\"><h2>Motif rates</h2>\n");
  append_chart (out, cmp, "heatmap", 0, "Rate per 1,000 words of each motif in each writer; hover "
                "for hits, words and the 95% interval.");
  g_string_append (out, "</section>\n");
  append_genres (out, cmp);
  g_string_append (out, "<section id=\"where\"><h2>Where the motifs fall</h2>\n");
  append_chart (out, cmp, "dispersion", 2, "Each tick is one hit, placed by its position in the "
                "writer's own words.");
  g_string_append (out, "</section>\n<section id=\"alike\"><h2>How alike the writers are</h2>\n");
  append_chart (out, cmp, "similarity", 1, "Jensen-Shannon distance between motif profiles; "
                "hover for the cosine.");
  g_string_append (out, "</section>\n");
  append_distinctive (out, cmp);
  append_evidence (out, cmp);
  g_string_append_printf (out, "<footer class=\"muted\"><p>leitmotif %s; lexicon sha256 <code>%s</code>. "
                               "summary.md and the CSV files hold every number of this page.</p>"
                               "</footer>\n</body></html>\n",
                          LM_VERSION, lm_lexicon_get_sha256 (run->lexicon));
  return out;
}
