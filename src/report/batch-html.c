/* batch-html.c - index.html of the batch report (batch-html.h). */
#include "batch-html.h"

#include <math.h>
#include <string.h>

#include "batch-csv.h"
#include "model/batch-reread.h"
#include "charts.h"
#include "format.h"

#define LABEL_W 170
#define LABEL_CHARS 24

static const char style[] =
  "body{font-family:Georgia,serif;max-width:75rem;margin:2rem auto;padding:0 1rem;"
  "color:#111;line-height:1.45}\n"
  "h1,h2,h3{font-family:sans-serif}h2{border-bottom:1px solid #ccc;margin-top:2.5rem}\n"
  "nav a{margin-right:1rem}figure{margin:1rem 0;overflow-x:auto}figcaption{font-size:.9rem;color:#444}\n"
  "table{border-collapse:collapse;font-size:.85rem;margin:1rem 0}"
  "th,td{border:1px solid #ccc;padding:.2rem .45rem;vertical-align:top;text-align:left}\n"
  "td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#555;font-size:.9rem}\n"
  ".panels{display:flex;flex-wrap:wrap;gap:.5rem 1rem}.panels svg{flex:none}\n"
  ".key span{display:inline-block;width:.9rem;height:.9rem;margin:0 .3rem 0 1rem;vertical-align:middle}\n"
  "details{margin:.3rem 0}summary{cursor:pointer}\n"
  "ul.kwic{font-family:monospace;font-size:.8rem;padding-left:1rem;list-style:none}"
  "ul.kwic mark{background:#fde0c5;font-weight:bold}.loc{color:#777}\n"
  "@media print{nav{display:none}body{max-width:none}figure{break-inside:avoid}}\n";

static void
h (GString *out, const char *text)
{
  lm_append_html (out, text);
}

/* A group's name (a metadata value: any length), escaped and cut to
 * NAME_CHARS characters, so that the page stays bounded; the CSV files have
 * it whole. */
#define NAME_CHARS 120

static void
h_name (GString *out, const char *name)
{
  lm_svg_label (out, name, NAME_CHARS);
}

static const LmBatchGroup *
group_at (const LmBatchGroups *m, const GArray *shown, guint i)
{
  return m->groups->pdata[g_array_index (shown, guint, i)];
}

static void
td_num (GString *out, double v, guint decimals)
{
  g_string_append (out, "<td class=\"n\">");
  lm_append_fixed_or_empty (out, v, decimals);
  g_string_append (out, "</td>");
}

static void
td_count (GString *out, guint64 v)
{
  g_string_append_printf (out, "<td class=\"n\">%" G_GUINT64_FORMAT "</td>", v);
}

/* ------------------------------------------------------------- the groups */

static void
append_groups (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  g_string_append (out, "<section id=\"groups\"><h2>Groups</h2>\n<p class=\"muted\">");
  if (m->group_by)
    {
      g_string_append (out, "Essays grouped by <code>");
      h (out, m->group_by);
      g_string_append_printf (out, "</code>: %u groups", m->groups->len);
      if (shown->len < m->groups->len)
        g_string_append_printf (out, "; the page shows the %u with the most essays, "
                                     "batch-groups.csv has them all", shown->len);
      g_string_append (out, ".");
    }
  else
    g_string_append (out, "No <code>--group-by</code>: the whole batch is one group.");
  g_string_append (out, " Words per voice; rates everywhere are hits per 1,000 words of the "
                        "writers' own voice (batch-groups.csv).</p>\n<table><thead><tr><th>Group</th>"
                        "<th>essays</th><th>failed</th><th>own words</th><th>quotation</th>"
                        "<th>comments</th><th>all words</th><th>boilerplate</th></tr></thead><tbody>\n");
  for (guint i = 0; i <= shown->len; i++)
    {
      const LmBatchGroup *g = i < shown->len ? group_at (m, shown, i) : m->all;
      g_string_append (out, "<tr><th>");
      if (i < shown->len)
        h_name (out, g->name);
      else
        g_string_append (out, "<em>whole batch</em>");
      g_string_append (out, "</th>");
      td_count (out, g->n_essays);
      td_count (out, g->n_failed);
      for (int v = 0; v < LM_BATCH_N_WORDS; v++)
        td_count (out, g->words[v]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table></section>\n");
}

/* ------------------------------------------------------------ the heatmap */

static void
heatmap_title (GString *out, const LmBatchGroups *m, const LmBatchGroup *g, guint k)
{
  const LmGroupMotif *c = &g->motifs[k];
  h_name (out, g->name);
  g_string_append (out, ", ");
  h (out, lm_batch_groups_motif (m, k)->label);
  g_string_append_printf (out, ": %" G_GUINT64_FORMAT " hits in %" G_GUINT64_FORMAT " words, ",
                          c->hits, c->words);
  lm_append_fixed_or_empty (out, c->rate, 2);
  g_string_append (out, " per 1,000 (95% CI ");
  lm_append_fixed_or_empty (out, c->ci_low, 2);
  g_string_append (out, "–");
  lm_append_fixed_or_empty (out, c->ci_high, 2);
  g_string_append_printf (out, "); used by %u of %u essays", c->essays_using, g->n_essays);
  if (c->emphasis)
    {
      g_string_append_printf (out, "; %s than the rest, G2 ", c->emphasis > 0 ? "more" : "less");
      lm_append_fixed (out, c->vs_rest.g2, 2);
      g_string_append (out, ", log ratio ");
      lm_append_fixed (out, c->vs_rest.log_ratio, 2);
    }
}

static void
append_heatmap (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  const guint cell_w = 54, cell_h = 22, top = 130;
  guint nm = lm_batch_groups_n_motifs (m);
  double max_rate = 0;
  for (guint i = 0; i < shown->len; i++)
    for (guint k = 0; k < nm; k++)
      if (isfinite (group_at (m, shown, i)->motifs[k].rate))
        max_rate = MAX (max_rate, group_at (m, shown, i)->motifs[k].rate);
  g_string_append (out, "<section id=\"rates\"><h2>Motif rates by group</h2>\n<figure id=\"chart-heatmap\">\n");
  lm_svg_open (out, LABEL_W + nm * cell_w + 40, top + shown->len * cell_h + 20,
               "Motif rates per 1,000 words, by group");
  for (guint k = 0; k < nm; k++)
    {
      guint x = LABEL_W + k * cell_w + cell_w / 2, y = top - 8;
      g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" transform=\"rotate(-45 %u %u)\">", x, y, x, y);
      lm_svg_label (out, lm_batch_groups_motif (m, k)->label, 22);
      g_string_append (out, "</text>\n");
    }
  for (guint i = 0; i < shown->len; i++)
    {
      const LmBatchGroup *g = group_at (m, shown, i);
      guint y = top + i * cell_h;
      g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">", LABEL_W - 8, y + 15);
      lm_svg_label (out, g->name, LABEL_CHARS);
      g_string_append (out, "</text>\n");
      for (guint k = 0; k < nm; k++)
        {
          const LmGroupMotif *c = &g->motifs[k];
          double t = max_rate > 0 ? c->rate / max_rate : (isfinite (c->rate) ? 0 : NAN);
          guint x = LABEL_W + k * cell_w;
          g_string_append_printf (out, "<g class=\"mark\"><rect x=\"%u\" y=\"%u\" width=\"%u\" "
                                       "height=\"%u\" fill=\"", x, y, cell_w - 2, cell_h - 2);
          lm_svg_fill (out, t);
          g_string_append_printf (out, "\"%s/><title>",
                                  c->emphasis ? " stroke=\"#d95f02\" stroke-width=\"3\"" : "");
          heatmap_title (out, m, g, k);
          g_string_append_printf (out, "</title><text x=\"%u\" y=\"%u\" text-anchor=\"middle\" "
                                       "font-size=\"11\" fill=\"%s\">",
                                  x + cell_w / 2, y + 15, lm_svg_ink_on (t));
          if (isfinite (c->rate))
            lm_append_fixed (out, c->rate, 2);
          g_string_append_printf (out, "%s</text></g>\n",
                                  c->emphasis > 0 ? "▲" : c->emphasis < 0 ? "▼" : "");
        }
    }
  g_string_append (out, "</svg>\n<figcaption>Pooled rate per 1,000 own words in each group (hover "
                        "for hits, words, the 95% interval and the essays using it); grey: no essay. ");
  if (m->groups->len > 1)
    g_string_append (out, "▲ / ▼ with an orange frame: the group uses the motif more / less than "
                          "all other groups together (|G2| ≥ 6.63, p &lt; 0.01, and |log ratio| ≥ 1, "
                          "as in the analyze report). Group against group: "
                          "batch-group-emphasis.csv.");
  g_string_append (out, " Figures: batch-group-motifs.csv.</figcaption></figure>\n");
}

static void
append_pairs (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  if (m->pair == NULL)
    {
      g_string_append (out, "</section>\n");
      return;
    }
  g_autoptr(GArray) pairs = lm_batch_groups_pair_findings (m, shown);
  const guint max = LM_BATCH_PAIR_FINDINGS;
  g_string_append_printf (out, "<h3>Group against group</h3>\n<p class=\"muted\">Pairs of groups "
                               "where one uses a motif markedly more than the other (|G2| ≥ 6.63 "
                               "and |log ratio| ≥ 1), strongest first; %u in all", pairs->len);
  if (pairs->len > max)
    g_string_append_printf (out, ", the first %u here", max);
  g_string_append (out, " (batch-group-emphasis.csv has every pair).</p>\n");
  if (pairs->len == 0)
    {
      g_string_append (out, "<p>No pair of groups differs that much in any motif.</p></section>\n");
      return;
    }
  g_string_append (out, "<ul>\n");
  for (guint i = 0; i < MIN (pairs->len, max); i++)
    {
      g_autofree char *text = lm_batch_pair_text (m, &g_array_index (pairs, LmBatchPair, i), NAME_CHARS);
      g_string_append (out, "<li class=\"pair\">");
      h (out, text);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul></section>\n");
}

/* ----------------------------------------------------------- box plots */

static double
box_scale (const LmBatchGroups *m, const GArray *shown, guint k)
{
  double s = 0;
  for (guint i = 0; i < shown->len; i++)
    if (isfinite (group_at (m, shown, i)->motifs[k].p90))
      s = MAX (s, group_at (m, shown, i)->motifs[k].p90);
  for (guint i = 0; s <= 0 && i < shown->len; i++)
    if (isfinite (group_at (m, shown, i)->motifs[k].max))
      s = MAX (s, group_at (m, shown, i)->motifs[k].max);
  return s > 0 ? s : 1.0;
}

static void
box_title (GString *out, const LmBatchGroup *g, const LmGroupMotif *c, const char *motif)
{
  h_name (out, g->name);
  g_string_append (out, ", ");
  h (out, motif);
  g_string_append_printf (out, ": %u essays with own words, %u use it; per-essay rate median ",
                          c->essays_rated, c->essays_using);
  lm_append_fixed (out, c->median, 2);
  g_string_append (out, ", quartiles ");
  lm_append_fixed (out, c->q1, 2);
  g_string_append (out, "–");
  lm_append_fixed (out, c->q3, 2);
  g_string_append (out, ", 10th–90th percentile ");
  lm_append_fixed (out, c->p10, 2);
  g_string_append (out, "–");
  lm_append_fixed (out, c->p90, 2);
  g_string_append (out, ", max ");
  lm_append_fixed (out, c->max, 2);
  g_string_append (out, "; DP over essays ");
  lm_append_fixed_or_empty (out, c->dp, 3);
}

static void
append_box_panel (GString *out, const LmBatchGroups *m, const GArray *shown, guint k)
{
  const guint lw = 120, pw = 220, row = 18, top = 26;
  const char *label = lm_batch_groups_motif (m, k)->label;
  double scale = box_scale (m, shown, k);
  lm_svg_open (out, lw + pw + 30, top + shown->len * row + 26, "Per-essay rates by group");
  g_string_append (out, "<text x=\"4\" y=\"16\" font-weight=\"bold\">");
  lm_svg_label (out, label, 40);
  g_string_append (out, "</text>\n");
#define X(v) ((double) lw + (double) pw * MIN ((v), scale) / scale)
  for (guint i = 0; i < shown->len; i++)
    {
      const LmBatchGroup *g = group_at (m, shown, i);
      const LmGroupMotif *c = &g->motifs[k];
      double y = top + i * row, mid = y + row / 2.0;
      g_string_append_printf (out, "<text x=\"%u\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">",
                              lw - 6, mid + 4);
      lm_svg_label (out, g->name, 16);
      g_string_append (out, "</text>\n");
      if (c->essays_rated == 0)
        continue;
      g_string_append_printf (out, "<g class=\"mark\"><title>");
      box_title (out, g, c, label);
      g_string_append_printf (out, "</title><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
                                   "stroke=\"#555\"/>",
                              X (c->p10), X (c->p90), mid, mid);
      g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
                                   "fill=\"#9ecae1\" stroke=\"#08306b\"/>",
                              X (c->q1), y + 3, MAX (X (c->q3) - X (c->q1), 1.0), row - 6);
      g_string_append_printf (out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
                                   "stroke=\"#08306b\" stroke-width=\"2\"/>",
                              X (c->median), X (c->median), y + 2, y + row - 2);
      if (c->max > scale)
        g_string_append_printf (out, "<path d=\"M%.1f %.1fl6 0l-6 -4z\" fill=\"#d95f02\"/>",
                                X (scale) + 2, mid + 2);
      else
        g_string_append_printf (out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#d95f02\"/>",
                                X (c->max), mid);
      g_string_append (out, "</g>\n");
    }
  double ay = top + shown->len * row + 4;
  g_string_append_printf (out, "<line x1=\"%u\" x2=\"%u\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>"
                               "<text x=\"%u\" y=\"%.1f\" font-size=\"10\">0</text>"
                               "<text x=\"%u\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">",
                          lw, lw + pw, ay, ay, lw, ay + 13, lw + pw, ay + 13);
  lm_append_fixed (out, scale, 2);
  g_string_append (out, " per 1,000</text>\n</svg>\n");
#undef X
}

static void
append_spread_charts (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  g_string_append (out, "<section id=\"spread\"><h2>Spread across essays</h2>\n"
                        "<figure id=\"chart-spread\"><div class=\"panels\">\n");
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    append_box_panel (out, m, shown, k);
  g_string_append (out, "</div><figcaption>Per-essay rates of each motif (per 1,000 own words; "
                        "essays without own words left out), one row per group: the box spans the "
                        "quartiles, the dark line is the median, the whisker runs from the 10th to "
                        "the 90th percentile, the orange dot is the highest essay (an orange "
                        "arrow when it lies beyond the scale, which ends at the largest 90th "
                        "percentile). Hover for the figures; batch-group-motifs.csv has them."
                        "</figcaption></figure>\n");
}

static void
append_spread_table (GString *out, const LmBatchGroups *m)
{
  g_string_append_printf (out, "<p class=\"muted\">The whole batch (batch-spread.csv): essays "
                               "using each motif, the per-essay rates, and Gries' DP over essays "
                               "(0: spread like the essays' words, near 1: gathered in a few). "
                               "Under each motif, the %d essays with the highest rate among those "
                               "with at least %d own words (batch-top-essays.csv), with their "
                               "evidence lines when the essays were read again "
                               "(batch-top-evidence.csv).</p>\n"
                               "<table><thead><tr><th>Motif</th><th>essays using</th><th>%%</th>"
                               "<th>median</th><th>q1</th><th>q3</th><th>max</th><th>DP</th>"
                               "<th>highest rates</th></tr></thead><tbody>\n",
                          LM_BATCH_TOP, LM_BATCH_TOP_MIN_WORDS);
  for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
    {
      const LmGroupMotif *c = &m->all->motifs[k];
      g_string_append (out, "<tr><th>");
      h (out, lm_batch_groups_motif (m, k)->label);
      g_string_append (out, "</th>");
      td_count (out, c->essays_using);
      td_num (out, isnan (c->share_using) ? NAN : 100 * c->share_using, 1);
      td_num (out, c->median, 2);
      td_num (out, c->q1, 2);
      td_num (out, c->q3, 2);
      td_num (out, c->max, 2);
      td_num (out, c->dp, 3);
      g_string_append (out, "<td>");
      if (m->n_top[k])
        g_string_append_printf (out, "<details><summary>%u essays</summary><ol>", m->n_top[k]);
      for (guint i = 0; i < m->n_top[k]; i++)
        {
          const LmBatchEssay *e = m->essays->pdata[m->top[k * LM_BATCH_TOP + i]];
          g_string_append (out, "<li><code>");
          h (out, e->path);
          g_string_append (out, "</code> (");
          h_name (out, ((const LmBatchGroup *) m->groups->pdata[e->group])->name);
          g_string_append (out, "): ");
          lm_append_fixed (out, 1000.0 * (double) e->hits_critic[k] / (double) e->words[LM_BATCH_W_CRITIC], 2);
          g_string_append_printf (out, " (%" G_GUINT64_FORMAT " in %" G_GUINT64_FORMAT ")",
                                  e->hits_critic[k], e->words[LM_BATCH_W_CRITIC]);
          const GPtrArray *lines = m->evidence ? m->evidence[k * LM_BATCH_TOP + i] : NULL;
          if (lines && lines->len)
            g_string_append (out, "<ul class=\"kwic\">");
          for (guint j = 0; lines && j < lines->len; j++)
            {
              const LmBatchEvidence *ev = lines->pdata[j];
              g_string_append_printf (out, "<li><span class=\"loc\">%u:</span> ", ev->line);
              h (out, ev->left);
              g_string_append (out, "<mark>");
              h (out, ev->match);
              g_string_append (out, "</mark>");
              h (out, ev->right);
              g_string_append (out, "</li>");
            }
          g_string_append (out, lines && lines->len ? "</ul></li>" : "</li>");
        }
      g_string_append (out, m->n_top[k] ? "</ol></details></td></tr>\n" : "none</td></tr>\n");
    }
  g_string_append (out, "</tbody></table></section>\n");
}

/* ---------------------------------------------------------- genre bars */

static const struct
{
  const char *stance, *colour;
} stances[] = {
  { "asserted", "#1b9e77" }, { "attributed", "#7570b3" }, { "hedged", "#e6ab02" },
  { "rejected", "#d95f02" }, { "mention", "#bdbdbd" },
};

/* The drawing order of a stance; unknown ones last, grey. */
static guint
stance_rank (const char *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    if (g_str_equal (s, stances[i].stance))
      return i;
  return G_N_ELEMENTS (stances);
}

static gint
by_genre_stance (gconstpointer a, gconstpointer b)
{
  const LmGenreStance *x = *(LmGenreStance *const *) a, *y = *(LmGenreStance *const *) b;
  int c = strcmp (x->genre, y->genre);
  if (c)
    return c;
  guint rx = stance_rank (x->stance), ry = stance_rank (y->stance);
  return rx != ry ? (rx < ry ? -1 : 1) : strcmp (x->stance, y->stance);
}

static void
append_genre_chart (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  const guint bar_w = 520, row = 20, head = 24;
  g_autoptr(GPtrArray) rows = g_ptr_array_copy (m->genres, NULL, NULL);
  g_ptr_array_set_free_func (rows, NULL); /* a copy keeps the free function */
  g_ptr_array_sort (rows, by_genre_stance);
  /* The scale: the longest bar, in shares of its group's essays (at least 1). */
  double scale = 1.0;
  guint n_genres = 0;
  for (guint r = 0; r < rows->len; r++)
    {
      const LmGenreStance *s = rows->pdata[r];
      gboolean first = r == 0 || strcmp (s->genre, ((LmGenreStance *) rows->pdata[r - 1])->genre);
      n_genres += first;
      if (!first)
        continue;
      for (guint i = 0; i < shown->len; i++)
        {
          guint g = g_array_index (shown, guint, i);
          double sum = 0;
          for (guint q = r; q < rows->len && g_str_equal (((LmGenreStance *) rows->pdata[q])->genre, s->genre); q++)
            sum += group_at (m, shown, i)->n_essays
                     ? (double) ((LmGenreStance *) rows->pdata[q])->essays[g] / group_at (m, shown, i)->n_essays
                     : 0;
          scale = MAX (scale, sum);
        }
    }
  guint height = n_genres * (head + shown->len * row) + 30;
  g_string_append (out, "<section id=\"genres\"><h2>Genre stances by group</h2>\n"
                        "<figure id=\"chart-genres\">\n<p class=\"key\">");
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    g_string_append_printf (out, "<span style=\"background:%s\"></span>%s", stances[i].colour,
                            stances[i].stance);
  g_string_append (out, "</p>\n");
  lm_svg_open (out, LABEL_W + bar_w + 60, MAX (height, 40), "Genre stances by group, in essays");
  double y = 10;
  for (guint r = 0; r < rows->len;)
    {
      const char *genre = ((LmGenreStance *) rows->pdata[r])->genre;
      guint end = r;
      while (end < rows->len && g_str_equal (((LmGenreStance *) rows->pdata[end])->genre, genre))
        end++;
      g_string_append_printf (out, "<text x=\"4\" y=\"%.1f\" font-weight=\"bold\">", y + 14);
      lm_svg_label (out, genre, 40);
      g_string_append (out, "</text>\n");
      y += head;
      for (guint i = 0; i < shown->len; i++, y += row)
        {
          guint g = g_array_index (shown, guint, i);
          const LmBatchGroup *grp = group_at (m, shown, i);
          g_string_append_printf (out, "<text x=\"%u\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">",
                                  LABEL_W - 6, y + 14);
          lm_svg_label (out, grp->name, LABEL_CHARS);
          g_string_append (out, "</text>\n");
          double x = LABEL_W;
          for (guint q = r; q < end; q++)
            {
              const LmGenreStance *s = rows->pdata[q];
              if (s->essays[g] == 0)
                continue;
              double w = bar_w * ((double) s->essays[g] / grp->n_essays) / scale;
              guint rank = stance_rank (s->stance);
              g_string_append_printf (out, "<g class=\"mark\"><rect x=\"%.1f\" y=\"%.1f\" "
                                           "width=\"%.1f\" height=\"%u\" fill=\"%s\"/><title>",
                                      x, y + 2, MAX (w, 1.0), row - 4,
                                      rank < G_N_ELEMENTS (stances) ? stances[rank].colour : "#888888");
              h_name (out, grp->name);
              g_string_append (out, ", ");
              h (out, genre);
              g_string_append (out, ", ");
              h (out, s->stance);
              g_string_append_printf (out, ": %u of %u essays (", s->essays[g], grp->n_essays);
              lm_append_fixed (out, 100.0 * s->essays[g] / grp->n_essays, 1);
              g_string_append (out, "%)</title>");
              if (w >= 24)
                g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                                             "font-size=\"11\" fill=\"#111\">%u</text>",
                                        x + w / 2, y + 14, s->essays[g]);
              g_string_append (out, "</g>\n");
              x += w;
            }
          g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#555\">"
                                       "of %u</text>\n", x + 4, y + 14, grp->n_essays);
        }
      r = end;
    }
  if (rows->len == 0)
    g_string_append (out, "<text x=\"4\" y=\"24\">No genre stance in the batch.</text>\n");
  double x100 = LABEL_W + bar_w / scale;
  g_string_append_printf (out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"14\" y2=\"%u\" stroke=\"#999\" "
                               "stroke-dasharray=\"3 3\"/><text x=\"%.1f\" y=\"10\" font-size=\"10\" "
                               "fill=\"#555\" text-anchor=\"middle\">100%% of the group</text></svg>\n",
                          x100, x100, MAX (height, 40) - 4, x100);
  g_string_append (out, "<figcaption>Each bar is a group; each segment the essays whose writer takes "
                        "that stance on the genre at least once in their own voice (the number in "
                        "the segment, hover for the share), drawn as a share of the group's essays: "
                        "the dashed line is 100%. An essay that takes two stances is in two segments. "
                        "Counts: batch-group-genres.csv.</figcaption></figure>\n");
}

static void
append_genre_tests (GString *out, const LmBatchGroups *m)
{
  g_string_append (out, "<p class=\"muted\">Does the share of essays taking a stance depend on the "
                        "group? Pearson's chi-square test of independence of the groups × {with, "
                        "without} table of essays. A group too small to expect 5 essays on either "
                        "side (its essays × the batch's share, or 1 − share) is left out of the "
                        "test; at least two groups must remain. p is shown only when Cochran's rule "
                        "holds (every expected count ≥ 1, at most a fifth below 5), else \"too "
                        "few\" (batch-genre-tests.csv).</p>\n"
                        "<table><thead><tr><th>Genre</th><th>stance</th><th>essays</th>"
                        "<th>groups tested</th><th>left out</th><th>chi2</th><th>df</th><th>p</th>"
                        "<th>least expected</th></tr></thead><tbody>\n");
  for (guint r = 0; r < m->genres->len; r++)
    {
      const LmGenreStance *s = m->genres->pdata[r];
      g_string_append (out, "<tr><td>");
      h (out, s->genre);
      g_string_append (out, "</td><td>");
      h (out, s->stance);
      g_string_append_printf (out, "</td><td class=\"n\">%u of %u</td>", s->essays[m->groups->len],
                              m->all->n_essays);
      td_count (out, s->test.rows);
      td_count (out, s->groups_left_out);
      td_num (out, s->test.chi2, 2);
      if (s->tested)
        td_count (out, s->test.df);
      else
        g_string_append (out, "<td></td>");
      if (s->tested && !s->reliable)
        g_string_append (out, "<td>too few</td>");
      else
        td_num (out, s->test.p, 4);
      td_num (out, s->test.min_expected, 2);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table></section>\n");
}

/* ------------------------------------------------------ distinctive words */

static void
append_keywords (GString *out, const LmBatchGroups *m, const GArray *shown)
{
  g_string_append (out, "<section id=\"distinctive\"><h2>Distinctive words by group</h2>\n"
                        "<p class=\"muted\">");
  if (!m->reread)
    {
      g_string_append (out, "Not computed: the database keeps no vocabulary. Give the folders the "
                            "batch was given to <code>leitmotif report</code> to read the essays "
                            "again.</p></section>\n");
      return;
    }
  g_string_append_printf (out, "%u essays read again (each checked against the SHA-256 stored by "
                               "the batch): %u missing, %u changed since, %u unreadable. ",
                          m->n_read, m->n_missing, m->n_changed, m->n_unreadable);
  if (m->keywords == NULL)
    {
      g_string_append (out, "One group: nothing to compare.</p></section>\n");
      return;
    }
  g_string_append_printf (out, "Stems (stop words left out) a group uses at least %d times and "
                               "markedly more than all the other essays (G2 ≥ 10.83, log ratio ≥ 1), "
                               "at most %d a group, strongest first, with their commonest forms "
                               "(batch-group-keywords.csv).</p>\n<table><thead><tr><th>Group</th>"
                               "<th>distinctive words (log ratio)</th></tr></thead><tbody>\n",
                          LM_COMPARISON_KEYWORD_MIN_FREQ, LM_BATCH_KEYWORDS);
  for (guint i = 0; i < shown->len; i++)
    {
      guint g = g_array_index (shown, guint, i);
      const GPtrArray *kw = m->keywords[g];
      g_string_append (out, "<tr><th>");
      h_name (out, ((const LmBatchGroup *) m->groups->pdata[g])->name);
      g_string_append (out, "</th><td>");
      if (kw == NULL || kw->len == 0)
        g_string_append (out, "none");
      for (guint j = 0; kw && j < kw->len; j++)
        {
          const LmBatchKeyword *w = kw->pdata[j];
          g_string_append (out, j ? ", " : "");
          g_string_append (out, "<span class=\"kw\" title=\"");
          h (out, w->stem);
          g_string_append_printf (out, ": %" G_GUINT64_FORMAT " in the group, %" G_GUINT64_FORMAT
                                       " in the rest, G2 ", w->hits, w->ref_hits);
          lm_append_fixed (out, w->keyness.g2, 2);
          g_string_append (out, "\">");
          h (out, w->forms[0] ? w->forms : w->stem);
          g_string_append (out, "</span> (");
          lm_append_fixed (out, w->keyness.log_ratio, 2);
          g_string_append (out, ")");
        }
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table></section>\n");
}

/* ------------------------------------------------------------- the essays */

static void
append_essays (GString *out, const LmBatchGroups *m, const char *const *closest)
{
  guint n = MIN (m->essays->len, LM_BATCH_PAGE_ESSAYS);
  g_string_append_printf (out, "<section id=\"essays\"><h2>Essays</h2>\n<p class=\"muted\">The first "
                               "%u of %u essays in the order of their paths (batch-documents.csv "
                               "has every essay, with its words per voice and its two closest "
                               "reference critics).</p>\n<table><thead><tr><th>Essay</th><th>group</th>"
                               "<th>status</th><th>own words</th><th>all words</th>"
                               "<th>motif hits</th><th>closest critic</th></tr></thead><tbody>\n",
                          n, m->essays->len);
  for (guint i = 0; i < n; i++)
    {
      const LmBatchEssay *e = m->essays->pdata[i];
      guint64 hits = 0;
      for (guint k = 0; k < lm_batch_groups_n_motifs (m); k++)
        hits += e->hits_critic[k];
      g_string_append (out, "<tr class=\"essay\"><td><code>");
      h (out, e->path);
      g_string_append (out, "</code></td><td>");
      h_name (out, ((const LmBatchGroup *) m->groups->pdata[e->group])->name);
      g_string_append (out, "</td><td>");
      if (e->ok)
        g_string_append (out, "ok");
      else
        {
          g_string_append (out, "failed: ");
          h (out, e->error ? e->error : "");
        }
      g_string_append (out, "</td>");
      td_count (out, e->words[LM_BATCH_W_CRITIC]);
      td_count (out, e->words[LM_BATCH_W_ALL]);
      if (e->ok)
        td_count (out, hits);
      else
        g_string_append (out, "<td></td>");
      g_string_append (out, "<td>");
      h (out, e->ok ? (closest[i] ? closest[i] : "none") : "");
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");
  if (m->essays->len > n)
    g_string_append_printf (out, "<p class=\"muted\" id=\"essays-note\">%u more essays are not "
                                 "listed here: batch-documents.csv has them all.</p>\n",
                            m->essays->len - n);
  g_string_append (out, "</section>\n");
}

GString *
lm_batch_index_html (const LmBatchGroups *m, const char *const *closest)
{
  g_autoptr(GArray) shown = lm_batch_groups_shown (m);
  GString *out = g_string_new (NULL);
  g_string_append_printf (out,
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Batch report</title>\n<style>\n%s</style></head>\n<body>\n"
      "<header><h1>Batch report</h1>\n<p>", style);
  g_string_append_printf (out, "%u essays analyzed, %u failed", m->all->n_essays, m->all->n_failed);
  if (m->group_by)
    {
      g_string_append (out, ", grouped by <code>");
      h (out, m->group_by);
      g_string_append_printf (out, "</code> into %u groups", m->groups->len);
    }
  g_string_append (out, ". Rates are hits per 1,000 words of the writers' own voice (quotations, "
                        "reader comments and boilerplate left out). batch-summary.md has the same "
                        "in Markdown; every number here is in one of the CSV files named under it."
                        "</p>\n<nav><a href=\"#groups\">Groups</a><a href=\"#rates\">Rates</a>"
                        "<a href=\"#spread\">Spread</a><a href=\"#genres\">Genres</a>"
                        "<a href=\"#distinctive\">Words</a><a href=\"#essays\">Essays</a></nav></header>\n<main>\n");
  append_groups (out, m, shown);
  append_heatmap (out, m, shown);
  append_pairs (out, m, shown);
  append_spread_charts (out, m, shown);
  append_spread_table (out, m);
  append_genre_chart (out, m, shown);
  append_genre_tests (out, m);
  append_keywords (out, m, shown);
  append_essays (out, m, closest);
  g_string_append (out, "</main>\n</body></html>\n");
  return out;
}
