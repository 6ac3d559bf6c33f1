/* test-comparison.c - the comparison report's statistics and writers on
 * small corpora built for the cases that break naive code: a critic with no
 * words of their own, a motif nobody uses, a critic with one hit, zero
 * counts against non-zero ones, and hostile strings. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "report/charts.h"
#include "report/comparison-report.h"
#include "report/html.h"
#include "report/report.h"
#include "test-helpers.h"

/* The CSV text of a report table. (transfer full) */
static GString *
csv_of (LmTable *table)
{
  GString *csv = lm_table_steal_csv (table);
  lm_table_free (table);
  return csv;
}

static const char lexicon_ini[] =
  "[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n"
  "[motif love]\nlabel=Love\ndescription=d\nterms=love\n"
  "[motif absent]\nlabel=Absent\ndescription=nobody uses it\nterms=zebra\n"
  "[genre parable]\nlabel=Parable\ndescription=d\nterms=parable\n";

typedef struct
{
  char *dir;
  LmRun *run;
  LmComparison *cmp;
} Fixture;

/* Writes @n texts (file name, manifest group body, contents) into a fresh
 * folder and analyzes them. */
static Fixture *
fixture_new (const char *const texts[][3], guint n)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->dir = g_dir_make_tmp ("lm-cmp-XXXXXX", NULL);
  cr_assert_not_null (f->dir);
  g_autoptr(GString) manifest = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, texts[i][0], NULL);
      cr_assert (g_file_set_contents (path, texts[i][2], -1, NULL));
      g_string_append_printf (manifest, "[text t%u]\nfile=%s\n%s\n", i, texts[i][0], texts[i][1]);
    }
  g_autoptr(GError) error = NULL;
  LmCorpus *corpus = lm_corpus_new_from_data ("corpus.ini", f->dir, manifest->str, -1, &error);
  cr_assert_not_null (corpus, "manifest: %s", error ? error->message : "");
  f->run = lm_run_new (corpus, "corpus.ini", lmt_lexicon (lexicon_ini), "lex.ini",
                       lmt_stoplist (), "stop.txt");
  cr_assert_eq (lm_run_analyze (f->run, &error), 0, "analyze: %s", error ? error->message : "");
  f->cmp = lm_comparison_new (f->run);
  return f;
}

static void
fixture_free (Fixture *f)
{
  lm_comparison_free (f->cmp);
  lm_run_free (f->run);
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static guint
category (const Fixture *f, const char *id)
{
  gint c = lm_lexicon_find_category (f->run->lexicon, id);
  cr_assert_geq (c, 0, "category %s", id);
  return (guint) c;
}

static guint
column (const Fixture *f, const char *id)
{
  for (guint i = 0; i < lm_comparison_n_columns (f->cmp); i++)
    if (g_str_equal (lm_comparison_column (f->cmp, i)->id, id))
      return i;
  cr_assert_fail ("no column %s", id);
  return 0;
}

/* a: many hopes; b: one hope in a longer text; c: nothing but a quotation. */
static const char *const three[][3] = {
  { "a.txt", "critic=Ann",
    "Hope came first. Then hope again, and love with hope.\n\nThe field was wide. Hope.\n" },
  { "b.txt", "critic=Bea",
    "The river ran past the field and the boat went on down the long river. "
    "One small hope, at the end.\n" },
  { "c.txt", "critic=Cy", "“Love and hope, love and hope” (12).\n" },
};

Test (comparison, text_without_critic_words_has_no_rate)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  guint c = column (f, "t2"), hope = category (f, "hope");
  const LmCell *cell = lm_comparison_cell (f->cmp, c, hope);
  cr_expect_eq (cell->words, 0, "Cy speaks only in quotation: %" G_GUINT64_FORMAT, cell->words);
  cr_expect (isnan (cell->rate) && isnan (cell->ci_low) && isnan (cell->ci_high),
             "no words, no rate (not 0)");
  cr_expect (isnan (cell->vs_rest.g2), "no words, no G2");
  cr_expect_eq (cell->emphasis, LM_EMPHASIS_NONE);
  guint n = lm_comparison_n_columns (f->cmp);
  cr_expect (isnan (f->cmp->cosine[c * n + column (f, "t0")]), "an empty profile has no cosine");
  cr_expect (isnan (f->cmp->js_distance[c * n + column (f, "t0")]), "nor a JS distance");

  g_autoptr(GPtrArray) findings = lm_report_findings (f->cmp);
  gboolean said = FALSE;
  for (guint i = 0; i < findings->len; i++)
    said |= strstr (findings->pdata[i], "Cy has no words of its own") != NULL;
  cr_expect (said, "the summary says so instead of inventing a profile");

  /* Undefined values are empty cells in the CSV, never "nan" or 0. */
  g_autoptr(GString) csv = csv_of (lm_report_emphasis_table (f->cmp));
  cr_expect (strstr (csv->str, "nan") == NULL && strstr (csv->str, "inf") == NULL, "%s", csv->str);
  cr_expect (strstr (csv->str, "t2,Cy,rest,hope,motif,0,0,") != NULL, "%s", csv->str);
  cr_expect (strstr (csv->str, "\r\nt2,Cy,rest,hope,motif,0,0,5,36,,138.889,,,,\r\n") != NULL,
             "rate, G2, p and LR empty: %s", csv->str);
  g_autoptr(GString) sim = csv_of (lm_report_similarity_table (f->cmp));
  cr_expect (strstr (sim->str, "t0,t2,,\r\n") != NULL, "%s", sim->str);
}

Test (comparison, motif_absent_from_every_critic)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  guint absent = category (f, "absent"), a = column (f, "t0");
  const LmCell *cell = lm_comparison_cell (f->cmp, a, absent);
  cr_expect_eq (cell->hits, 0);
  cr_expect_float_eq (cell->rate, 0.0, 1e-12);
  cr_expect_float_eq (cell->ci_low, 0.0, 1e-12);
  /* Garwood: k = 0 gives an upper limit of 3.6889 events. */
  cr_expect_float_eq (cell->ci_high, 1000 * 3.688879 / (double) cell->words, 1e-3,
                      "ci_high %g", cell->ci_high);
  cr_expect_eq (cell->vs_rest.g2, 0.0, "nothing to compare: G2 0, got %g", cell->vs_rest.g2);
  cr_expect_eq (cell->vs_rest.log_ratio, 0.0);
  cr_expect_eq (cell->emphasis, LM_EMPHASIS_NONE);
  cr_expect (isnan (cell->dp) && isnan (cell->mean_position), "no hits, no dispersion");
  g_autoptr(GString) disp = csv_of (lm_report_dispersion_table (f->cmp));
  cr_expect (strstr (disp->str, ",absent,") == NULL, "no dispersion row without hits");
  g_autoptr(GString) co = csv_of (lm_report_cooccurrence_table (f->cmp));
  cr_expect (strstr (co->str, "absent") == NULL);
}

Test (comparison, critic_with_one_hit)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  guint b = column (f, "t1"), hope = category (f, "hope");
  const LmCell *cell = lm_comparison_cell (f->cmp, b, hope);
  cr_expect_eq (cell->hits, 1);
  double w = (double) cell->words;
  cr_expect_float_eq (cell->rate, 1000 / w, 1e-9);
  cr_expect_float_eq (cell->ci_low, 1000 * 0.025318 / w, 1e-3, "%g", cell->ci_low);
  cr_expect_float_eq (cell->ci_high, 1000 * 5.571643 / w, 1e-3, "%g", cell->ci_high);
  /* One hit in the last part of ten: DP = 1/2 (0.9 + 9 * 0.1) = 0.9. */
  cr_expect_float_eq (cell->dp, 0.9, 1e-9, "DP %g", cell->dp);
  cr_expect_float_eq (cell->final_third, 1.0, 1e-12, "the hit is in the final third");
  const GArray *at = lm_comparison_column (f->cmp, b)->profile->hit_words[hope];
  cr_assert_eq (at->len, 1);
  /* "One small hope, at the end.": the hit is the fourth word from the end. */
  cr_expect_eq (g_array_index (at, guint64, 0), cell->words - 4, "word index %" G_GUINT64_FORMAT,
                g_array_index (at, guint64, 0));
}

Test (comparison, zero_against_some_points_the_right_way)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  for (guint i = 0; i < lm_comparison_n_columns (f->cmp); i++)
    for (guint c = 0; c < f->cmp->n_categories; c++)
      {
        const LmCell *cell = lm_comparison_cell (f->cmp, i, c);
        if (isnan (cell->vs_rest.g2))
          continue;
        cr_expect (cell->vs_rest.g2 * cell->vs_rest.log_ratio >= 0,
                   "column %u category %u: G2 %g and LR %g disagree", i, c, cell->vs_rest.g2,
                   cell->vs_rest.log_ratio);
      }
  /* Bea never says "love", Ann does: less, never "more" by the 0.5 rule. */
  LmKeyness k;
  cr_assert (lm_comparison_pair (f->cmp, column (f, "t1"), column (f, "t0"), category (f, "love"), &k));
  cr_expect_lt (k.g2, 0);
  cr_expect_leq (k.log_ratio, 0);
  LmKeyness back;
  lm_comparison_pair (f->cmp, column (f, "t0"), column (f, "t1"), category (f, "love"), &back);
  cr_expect_float_eq (back.g2, -k.g2, 1e-12, "pairs are antisymmetric");
}

Test (comparison, profile_words_match_the_counts)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  for (guint i = 0; i < f->run->columns->len; i++)
    {
      const LmColumn *c = f->run->columns->pdata[i];
      cr_expect_eq (c->profile->n_words, lm_column_words (c), "%s: %" G_GUINT64_FORMAT " vs %"
                    G_GUINT64_FORMAT, c->id, c->profile->n_words, lm_column_words (c));
      for (guint k = 0; k < f->cmp->n_categories; k++)
        cr_expect_eq (c->profile->hit_words[k]->len, lm_column_hits (c, k),
                      "%s category %u: positions and hits", c->id, k);
    }
}

Test (comparison, cooccurrence_counts_sentences_once)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  const LmProfile *p = lm_comparison_column (f->cmp, column (f, "t0"))->profile;
  guint hope = category (f, "hope"), love = category (f, "love");
  /* Ann: "Hope came first." "Then hope again, and love with hope." "The field
   * was wide." "Hope." - hope in 3 sentences, love in 1, together in 1. */
  cr_expect_eq (lm_profile_cooccurrence (p, hope, hope), 3);
  cr_expect_eq (lm_profile_cooccurrence (p, love, love), 1);
  cr_expect_eq (lm_profile_cooccurrence (p, hope, love), 1, "two hopes, one sentence");
  cr_expect_eq (lm_profile_cooccurrence (p, love, hope), 1);
  cr_expect_eq (p->n_sentences, 4);
}

static const char *const keyed[][3] = {
  { "a.txt", "critic=Ann",
    "The harvest and the harvest and the harvest. The harvest of the harvest fields, harvests.\n" },
  { "b.txt", "critic=Bea",
    "The river ran past the field and the boat went on down the long river and away.\n" },
};

Test (comparison, keywords_with_forms_without_stop_words)
{
  g_autoptr(Fixture) f = fixture_new (keyed, G_N_ELEMENTS (keyed));
  guint a = column (f, "t0");
  gboolean found = FALSE;
  for (guint i = 0; i < f->cmp->keywords->len; i++)
    {
      const LmKeyword *k = &g_array_index (f->cmp->keywords, LmKeyword, i);
      cr_expect (!g_str_equal (k->stem, "the") && !g_str_equal (k->stem, "and"),
                 "stop word %s listed", k->stem);
      cr_expect_geq (k->hits, LM_COMPARISON_KEYWORD_MIN_FREQ);
      cr_expect_geq (k->keyness.g2, LM_STATS_G2_P05);
      if (k->column == a && k->reference == -1 && g_str_equal (k->stem, "harvest"))
        {
          found = TRUE;
          cr_expect_eq (k->hits, 6);
          cr_expect_eq (k->ref_hits, 0);
          g_autofree char *forms = lm_report_stem_forms (lm_comparison_column (f->cmp, a), k->stem);
          cr_expect_str_eq (forms, "harvest (5), harvests (1)");
        }
    }
  cr_expect (found, "harvest is Ann's keyword");
  /* Bea's "river" is used twice: below the minimum frequency. */
  g_autoptr(GString) csv = csv_of (lm_report_keyness_table (f->cmp));
  cr_expect (strstr (csv->str, ",river,") == NULL, "%s", csv->str);
}

static const char *const quoting[][3] = {
  { "a.txt", "critic=Ann",
    "Ann writes: “I keep thinking about this river somewhere, with the water moving really fast” (282).\n" },
  { "b.txt", "critic=Bea",
    "Bea quotes the end: “I keep thinking about this river somewhere” (274), and stops.\n" },
};

Test (comparison, passages_shared_across_editions)
{
  g_autoptr(Fixture) f = fixture_new (quoting, G_N_ELEMENTS (quoting));
  cr_assert_eq (f->cmp->passages->len, 2, "two quotations: %u", f->cmp->passages->len);
  const LmPassage *a = &g_array_index (f->cmp->passages, LmPassage, 0);
  const LmPassage *b = &g_array_index (f->cmp->passages, LmPassage, 1);
  cr_expect_str_eq (a->page, "282");
  cr_expect_str_eq (b->page, "274");
  cr_assert_eq (a->shared_with->len, 1);
  cr_expect_eq (g_array_index (a->shared_with, guint, 0), 1);
  cr_assert_eq (b->shared_with->len, 1);
  cr_expect_eq (g_array_index (b->shared_with, guint, 0), 0);
}

static const char *const hostile[][3] = {
  { "a.txt", "critic=<script>alert(1)</script> & \"Q\"\noutlet=<b>Out</b>",
    "<script>alert('x')</script> & hope \"quoted\" <img src=x onerror=alert(1)> hope.\n"
    "Then hope. And parable, a parable it is.\n" },
  { "b.txt", "critic=Bea", "A plain text of hope and love, and love.\n" },
};

Test (comparison, hostile_strings_are_escaped_in_html_and_svg)
{
  g_autoptr(Fixture) f = fixture_new (hostile, G_N_ELEMENTS (hostile));
  g_autoptr(GString) html = lm_report_index_html (f->cmp);
  cr_expect (strstr (html->str, "<script") == NULL, "no script element");
  cr_expect (strstr (html->str, "<img") == NULL, "no injected element");
  cr_expect (strstr (html->str, "<b>") == NULL, "no injected markup");
  cr_expect (strstr (html->str, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot;") != NULL,
             "the critic's name is shown, escaped");
  cr_expect (strstr (html->str, "&lt;img src=x onerror=alert(1)&gt;") != NULL,
             "the evidence line is shown, escaped");
  guint n;
  const LmChart *charts = lm_charts (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) svg = charts[i].build (f->cmp);
      cr_expect (strstr (svg->str, "<script") == NULL && strstr (svg->str, "<b>") == NULL,
                 "%s escapes labels", charts[i].file);
      cr_expect (g_utf8_validate (svg->str, (gssize) svg->len, NULL));
    }
}

static guint
count_substr (const char *hay, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (hay, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

Test (comparison, charts_have_one_mark_per_value)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  guint ncol = lm_comparison_n_columns (f->cmp);
  g_autoptr(GString) heat = lm_chart_heatmap_svg (f->cmp);
  cr_expect_eq (count_substr (heat->str, "class=\"mark\""), ncol * 3, "3 motifs x %u columns", ncol);
  g_autoptr(GString) sim = lm_chart_similarity_svg (f->cmp);
  cr_expect_eq (count_substr (sim->str, "class=\"mark\""), ncol * ncol);
  g_autoptr(GString) disp = lm_chart_dispersion_svg (f->cmp);
  guint64 hits = 0;
  for (guint i = 0; i < ncol; i++)
    for (guint c = 0; c < f->cmp->n_categories; c++)
      if (lm_comparison_in_profile (f->cmp, c))
        hits += lm_comparison_cell (f->cmp, i, c)->hits;
  cr_expect_eq (count_substr (disp->str, "class=\"mark\""), hits, "one tick per hit");
  cr_expect (strstr (disp->str, "no motif hits") != NULL, "Cy's strip says it is empty");
}

Test (comparison, writes_every_file_atomically_and_deterministically)
{
  g_autoptr(Fixture) f = fixture_new (three, G_N_ELEMENTS (three));
  g_autofree char *out1 = g_build_filename (f->dir, "out1", NULL);
  g_autofree char *out2 = g_build_filename (f->dir, "out2", NULL);
  g_autoptr(GError) error = NULL;
  cr_assert (lm_report_write_all (f->run, out1, &error), "%s", error ? error->message : "");
  cr_assert (lm_report_write_all (f->run, out2, &error));
  const char *files[] = { "motifs.csv", "emphasis.csv", "keyness.csv", "similarity.csv",
                          "dispersion.csv", "cooccurrence.csv", "passages.csv", "kwic.csv",
                          "summary.md", "index.html", "charts/heatmap.svg",
                          "charts/similarity.svg", "charts/dispersion.svg" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p1 = g_build_filename (out1, files[i], NULL);
      g_autofree char *p2 = g_build_filename (out2, files[i], NULL);
      g_autofree char *c1 = NULL, *c2 = NULL;
      cr_assert (g_file_get_contents (p1, &c1, NULL, NULL), "%s written", files[i]);
      cr_assert (g_file_get_contents (p2, &c2, NULL, NULL));
      cr_expect_str_eq (c1, c2, "%s is deterministic", files[i]);
    }
  /* A file in the way of the charts folder: a clear error, not a crash. */
  g_autofree char *out3 = g_build_filename (f->dir, "out3", NULL);
  g_mkdir (out3, 0755);
  g_autofree char *blocker = g_build_filename (out3, "charts", NULL);
  cr_assert (g_file_set_contents (blocker, "x", 1, NULL));
  cr_expect_not (lm_report_write_all (f->run, out3, &error));
  cr_expect_not_null (error);
  cr_expect (error && strstr (error->message, "charts") != NULL, "%s", error ? error->message : "");
  g_unlink (blocker);
  g_rmdir (out3);
  /* clean up out1 and out2 */
  for (guint o = 0; o < 2; o++)
    {
      const char *dir = o ? out2 : out1;
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *p = g_build_filename (dir, files[i], NULL);
          g_unlink (p);
        }
      g_autofree char *charts = g_build_filename (dir, "charts", NULL);
      g_rmdir (charts);
      g_autofree char *json = g_build_filename (dir, "report.json", NULL);
      g_unlink (json);
      g_autofree char *genres = g_build_filename (dir, "genres.csv", NULL);
      g_unlink (genres);
      g_rmdir (dir);
    }
}
