/* charts.c - SVG charts of the comparison. */
#include "charts.h"

#include <math.h>

#include "format.h"

#define LABEL_W 190   /* left margin for row labels */
#define LABEL_CHARS 26

static const LmChart charts[] = {
  { "heatmap.svg", "Motif rates per 1,000 words", lm_chart_heatmap_svg },
  { "similarity.svg", "Similarity of motif profiles (Jensen-Shannon distance)",
    lm_chart_similarity_svg },
  { "dispersion.svg", "Where each motif falls in each essay", lm_chart_dispersion_svg },
};

const LmChart *
lm_charts (guint *n_charts)
{
  *n_charts = G_N_ELEMENTS (charts);
  return charts;
}

/* Appends @text escaped, cut to @max characters with "…". */
void
lm_svg_label (GString *out, const char *text, glong max)
{
  if (g_utf8_strlen (text, -1) <= max)
    {
      lm_append_html (out, text);
      return;
    }
  g_autofree char *cut = g_utf8_substring (text, 0, max - 1);
  lm_append_html (out, cut);
  g_string_append (out, "…");
}

void
lm_svg_open (GString *out, guint width, guint height, const char *title)
{
  g_string_append_printf (out,
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" height=\"%u\" "
      "viewBox=\"0 0 %u %u\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<title>%s</title>\n<rect width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n",
      width, height, width, height, title, width, height);
}

/* A sequential blue scale, t in [0, 1]; NaN is grey. */
void
lm_svg_fill (GString *out, double t)
{
  if (!isfinite (t))
    {
      g_string_append (out, "#eeeeee");
      return;
    }
  t = CLAMP (t, 0.0, 1.0);
  static const guint lo[3] = { 247, 251, 255 }, hi[3] = { 8, 48, 107 };
  g_string_append_c (out, '#');
  for (guint k = 0; k < 3; k++)
    g_string_append_printf (out, "%02x", (guint) lround (lo[k] + t * ((double) hi[k] - lo[k])));
}

const char *
lm_svg_ink_on (double t)
{
  return isfinite (t) && t > 0.55 ? "#ffffff" : "#111111";
}

static void
column_header (GString *out, const LmComparison *cmp, guint x0, guint cell_w, guint y)
{
  for (guint i = 0; i < lm_comparison_n_columns (cmp); i++)
    {
      guint x = x0 + i * cell_w + cell_w / 2;
      g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" transform=\"rotate(-30 %u %u)\">"
                                   "<title>", x, y, x, y);
      lm_append_html (out, lm_comparison_column (cmp, i)->label);
      g_string_append (out, "</title>");
      lm_svg_label (out, lm_comparison_column (cmp, i)->label, LABEL_CHARS);
      g_string_append (out, "</text>\n");
    }
}

GString *
lm_chart_heatmap_svg (const LmComparison *cmp)
{
  const guint cell_w = 110, cell_h = 24, top = 130;
  guint ncol = lm_comparison_n_columns (cmp), n_motifs = 0;
  double max_rate = 0;
  for (guint c = 0; c < cmp->n_categories; c++)
    if (lm_comparison_in_profile (cmp, c))
      {
        n_motifs++;
        for (guint i = 0; i < ncol; i++)
          {
            double r = lm_comparison_cell (cmp, i, c)->rate;
            if (isfinite (r) && r > max_rate)
              max_rate = r;
          }
      }
  GString *out = g_string_new (NULL);
  lm_svg_open (out, MAX (LABEL_W + ncol * cell_w + 140, 640), top + n_motifs * cell_h + 60,
            "Motif rates per 1,000 words, by column");
  column_header (out, cmp, LABEL_W, cell_w, top - 10);
  guint row = 0;
  for (guint c = 0; c < cmp->n_categories; c++)
    {
      if (!lm_comparison_in_profile (cmp, c))
        continue;
      const LmCategory *cat = lm_lexicon_get_category (cmp->run->lexicon, c);
      guint y = top + row * cell_h;
      g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">",
                              LABEL_W - 8, y + 16);
      lm_svg_label (out, cat->label, LABEL_CHARS);
      g_string_append (out, "</text>\n");
      for (guint i = 0; i < ncol; i++)
        {
          const LmCell *cell = lm_comparison_cell (cmp, i, c);
          double t = max_rate > 0 ? cell->rate / max_rate : (isfinite (cell->rate) ? 0 : NAN);
          guint x = LABEL_W + i * cell_w;
          g_string_append_printf (out, "<g class=\"mark\" data-column=\"%u\" data-category=\"", i);
          lm_append_html (out, cat->id);
          g_string_append_printf (out, "\"><rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\" fill=\"",
                                  x, y, cell_w - 2, cell_h - 2);
          lm_svg_fill (out, t);
          g_string_append_printf (out, "\"%s/><title>", cell->emphasis ? " stroke=\"#d95f02\" stroke-width=\"2\"" : "");
          lm_append_html (out, lm_comparison_column (cmp, i)->label);
          g_string_append (out, ", ");
          lm_append_html (out, cat->label);
          g_string_append_printf (out, ": %" G_GUINT64_FORMAT " hits in %" G_GUINT64_FORMAT " words, ",
                                  cell->hits, cell->words);
          lm_append_fixed_or_empty (out, cell->rate, 2);
          g_string_append (out, " per 1,000 (95% CI ");
          lm_append_fixed_or_empty (out, cell->ci_low, 2);
          g_string_append (out, "–");
          lm_append_fixed_or_empty (out, cell->ci_high, 2);
          g_string_append (out, ")");
          if (cell->emphasis)
            {
              g_string_append_printf (out, "; %s than the rest, G2 ",
                                      cell->emphasis > 0 ? "more" : "less");
              lm_append_fixed (out, cell->vs_rest.g2, 2);
              g_string_append (out, ", log ratio ");
              lm_append_fixed (out, cell->vs_rest.log_ratio, 2);
            }
          g_string_append_printf (out, "</title><text x=\"%u\" y=\"%u\" text-anchor=\"middle\" fill=\"%s\">",
                                  x + cell_w / 2, y + 16, lm_svg_ink_on (t));
          if (isfinite (cell->rate))
            lm_append_fixed (out, cell->rate, 1);
          else
            g_string_append (out, "n/a");
          if (cell->emphasis)
            g_string_append (out, cell->emphasis > 0 ? " ▲" : " ▼");
          g_string_append (out, "</text></g>\n");
        }
      row++;
    }
  g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" fill=\"#555555\">Darker: higher rate "
                               "(max ", LABEL_W, top + n_motifs * cell_h + 24);
  lm_append_fixed (out, max_rate, 1);
  g_string_append_printf (out, "). ▲/▼ and an orange frame: more/less than the other "
                               "columns</text>\n<text x=\"%u\" y=\"%u\" fill=\"#555555\">(G2 ≥ "
                               "6.63, p &lt; 0.01, and at least double or half the rate).</text>\n"
                               "</svg>\n", LABEL_W, top + n_motifs * cell_h + 42);
  return out;
}

GString *
lm_chart_similarity_svg (const LmComparison *cmp)
{
  const guint cell = 90, top = 130;
  guint n = lm_comparison_n_columns (cmp);
  GString *out = g_string_new (NULL);
  lm_svg_open (out, MAX (LABEL_W + n * cell + 140, 640), top + n * cell + 40,
            "Jensen-Shannon distance between motif profiles (0 = same profile, 1 = nothing shared)");
  column_header (out, cmp, LABEL_W, cell, top - 10);
  for (guint a = 0; a < n; a++)
    {
      guint y = top + a * cell;
      g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">",
                              LABEL_W - 8, y + cell / 2 + 4);
      lm_svg_label (out, lm_comparison_column (cmp, a)->label, LABEL_CHARS);
      g_string_append (out, "</text>\n");
      for (guint b = 0; b < n; b++)
        {
          double d = cmp->js_distance[a * n + b];
          double t = isfinite (d) ? 1.0 - d : NAN; /* darker = more alike */
          guint x = LABEL_W + b * cell;
          g_string_append_printf (out, "<g class=\"mark\" data-a=\"%u\" data-b=\"%u\"><rect x=\"%u\" "
                                       "y=\"%u\" width=\"%u\" height=\"%u\" fill=\"",
                                  a, b, x, y, cell - 2, cell - 2);
          lm_svg_fill (out, t);
          g_string_append (out, "\"/><title>");
          lm_append_html (out, lm_comparison_column (cmp, a)->label);
          g_string_append (out, " / ");
          lm_append_html (out, lm_comparison_column (cmp, b)->label);
          g_string_append (out, ": Jensen-Shannon distance ");
          lm_append_fixed_or_empty (out, d, 3);
          g_string_append (out, ", cosine ");
          lm_append_fixed_or_empty (out, cmp->cosine[a * n + b], 3);
          g_string_append_printf (out, "</title><text x=\"%u\" y=\"%u\" text-anchor=\"middle\" "
                                       "fill=\"%s\">", x + cell / 2, y + cell / 2 + 4, lm_svg_ink_on (t));
          if (isfinite (d))
            lm_append_fixed (out, d, 2);
          else
            g_string_append (out, "n/a");
          g_string_append (out, "</text></g>\n");
        }
    }
  g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" fill=\"#555555\">Darker: more alike. "
                               "n/a: a column without motif hits.</text>\n</svg>\n",
                          LABEL_W, top + n * cell + 24);
  return out;
}

GString *
lm_chart_dispersion_svg (const LmComparison *cmp)
{
  const guint strip_w = 520, row_h = 16, head_h = 26;
  guint n = lm_comparison_n_columns (cmp), rows = 0;
  for (guint i = 0; i < n; i++)
    {
      guint here = 0;
      for (guint c = 0; c < cmp->n_categories; c++)
        here += lm_comparison_in_profile (cmp, c) && lm_comparison_cell (cmp, i, c)->hits > 0;
      rows += MAX (here, 1);
    }
  guint height = 40 + n * head_h + rows * row_h + 30;
  GString *out = g_string_new (NULL);
  lm_svg_open (out, LABEL_W + strip_w + 70, height,
            "Where each motif falls: one tick per hit, by position in the column's own words");
  g_string_append_printf (out, "<text x=\"%u\" y=\"24\" fill=\"#555555\">start</text>"
                               "<text x=\"%u\" y=\"24\" text-anchor=\"end\" fill=\"#555555\">end"
                               "</text>\n", LABEL_W, LABEL_W + strip_w);
  guint y = 40;
  for (guint i = 0; i < n; i++)
    {
      const LmColumn *col = lm_comparison_column (cmp, i);
      g_string_append_printf (out, "<text x=\"8\" y=\"%u\" font-weight=\"bold\">", y + 16);
      lm_svg_label (out, col->label, 60);
      g_string_append (out, "</text>\n");
      y += head_h;
      guint here = 0;
      for (guint c = 0; c < cmp->n_categories; c++)
        {
          const LmCell *cell = lm_comparison_cell (cmp, i, c);
          if (!lm_comparison_in_profile (cmp, c) || cell->hits == 0)
            continue;
          const LmCategory *cat = lm_lexicon_get_category (cmp->run->lexicon, c);
          g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\" font-size=\"11\">",
                                  LABEL_W - 8, y + 12);
          lm_svg_label (out, cat->label, LABEL_CHARS);
          g_string_append_printf (out, "</text><line x1=\"%u\" x2=\"%u\" y1=\"%u\" y2=\"%u\" "
                                       "stroke=\"#cccccc\"/>", LABEL_W, LABEL_W + strip_w,
                                  y + 8, y + 8);
          for (guint k = 1; k < 3; k++)
            g_string_append_printf (out, "<line x1=\"%u\" x2=\"%u\" y1=\"%u\" y2=\"%u\" "
                                         "stroke=\"#dddddd\" stroke-dasharray=\"2,2\"/>",
                                    LABEL_W + k * strip_w / 3, LABEL_W + k * strip_w / 3, y + 1, y + 15);
          g_string_append_c (out, '\n');
          const GArray *at = col->profile->hit_words[c];
          for (guint h = 0; h < at->len; h++)
            {
              double pos = (double) g_array_index (at, guint64, h) / (double) col->profile->n_words;
              double x = LABEL_W + pos * strip_w;
              g_string_append (out, "<line class=\"mark\" x1=\"");
              lm_append_fixed (out, x, 1);
              g_string_append (out, "\" x2=\"");
              lm_append_fixed (out, x, 1);
              g_string_append_printf (out, "\" y1=\"%u\" y2=\"%u\" stroke=\"#08306b\" stroke-width=\"2\">"
                                           "<title>", y + 2, y + 14);
              lm_append_html (out, cat->label);
              g_string_append (out, " at ");
              lm_append_fixed (out, 100 * pos, 0);
              g_string_append (out, "% of the words</title></line>\n");
            }
          g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" font-size=\"10\" fill=\"#555555\">DP ",
                                  LABEL_W + strip_w + 4, y + 12);
          lm_append_fixed_or_empty (out, cell->dp, 2);
          g_string_append (out, "</text>\n");
          y += row_h;
          here++;
        }
      if (here == 0)
        {
          g_string_append_printf (out, "<text x=\"%u\" y=\"%u\" fill=\"#555555\">no motif hits</text>\n",
                                  LABEL_W, y + 12);
          y += row_h;
        }
    }
  g_string_append_printf (out, "<text x=\"8\" y=\"%u\" fill=\"#555555\">Dashed lines: thirds of "
                               "the text. DP: Gries' deviation of proportions over %u parts "
                               "(0 even, near 1 gathered).</text>\n</svg>\n",
                          y + 20, LM_COMPARISON_PARTS);
  return out;
}
