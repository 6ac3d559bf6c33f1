/* genres.c - genres.csv and the genre section of summary.md. */
#include "genres.h"

#include "analysis/genre.h"
#include "format.h"

static const char *
genre_id (const LmRun *run, const LmGenreMention *m)
{
  return lm_lexicon_get_category (run->lexicon, m->category)->id;
}

static const char *
genre_label (const LmRun *run, guint category)
{
  return lm_lexicon_get_category (run->lexicon, category)->label;
}

LmTable *
lm_report_genres_table (const LmRun *run)
{
  LmTable *out = lm_table_new ("text_id,critic,voice,genre,stance,source,cue,line,evidence");
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      for (guint k = 0; t->genres && k < t->genres->len; k++)
        {
          const LmGenreMention *m = &g_array_index (t->genres, LmGenreMention, k);
          lm_table_text (out, t->entry->id);
          lm_table_text (out, t->entry->critic);
          lm_table_text (out, lm_voice_to_string (m->voice));
          lm_table_text (out, genre_id (run, m));
          lm_table_text (out, lm_stance_to_string (m->stance));
          lm_table_text (out, m->source);
          lm_table_text (out, m->cue);
          lm_table_count (out, m->line);
          lm_table_text (out, m->sentence);
          lm_table_end_row (out);
        }
    }
  return out;
}

gboolean
lm_report_genre_in_column (const LmColumn *c, const LmGenreMention *m)
{
  if (c->readers)
    return m->voice == LM_VOICE_COMMENT;
  return m->voice == LM_VOICE_CRITIC || (m->voice == LM_VOICE_QUOTATION && !m->novel_quote);
}

GPtrArray *
lm_report_genre_columns (const LmRun *run)
{
  GPtrArray *cols = g_ptr_array_new ();
  for (guint i = 0; i < run->columns->len; i++)
    {
      const LmColumn *c = run->columns->pdata[i];
      if (c->text->genres)
        g_ptr_array_add (cols, (gpointer) c);
    }
  return cols;
}

/* "attributed ×3 (Louis Menand, Sarah Kerr)" for one stance in one cell. */
static void
append_stance (GString *out, const LmColumn *c, guint category, LmStance stance)
{
  guint n = 0;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  for (guint k = 0; k < c->text->genres->len; k++)
    {
      const LmGenreMention *m = &g_array_index (c->text->genres, LmGenreMention, k);
      if (m->category != category || m->stance != stance || !lm_report_genre_in_column (c, m))
        continue;
      n++;
      if (*m->source && !g_ptr_array_find_with_equal_func (sources, m->source, g_str_equal, NULL))
        g_ptr_array_add (sources, m->source);
    }
  if (n == 0)
    return;
  if (out->len)
    g_string_append (out, "; ");
  g_string_append (out, lm_stance_to_string (stance));
  if (n > 1)
    g_string_append_printf (out, " ×%u", n);
  for (guint s = 0; s < sources->len; s++)
    g_string_append_printf (out, "%s%s", s ? ", " : " (", (char *) sources->pdata[s]);
  if (sources->len)
    g_string_append (out, ")");
}

char *
lm_report_genre_cell (const LmColumn *c, guint category)
{
  GString *out = g_string_new (NULL);
  for (LmStance st = LM_STANCE_ASSERTED; st < LM_STANCE_MENTION; st++)
    append_stance (out, c, category, st);
  return g_string_free (out, FALSE);
}

char *
lm_report_genre_verdict (const LmRun *run, const LmColumn *c)
{
  static const struct
  {
    LmStance stance;
    const char *verb;
  } verbs[] = {
    { LM_STANCE_ASSERTED, "asserts" },
    { LM_STANCE_ATTRIBUTED, "reports others calling it" },
    { LM_STANCE_HEDGED, "hedges" },
    { LM_STANCE_REJECTED, "rejects" },
  };
  GString *out = g_string_new (NULL);
  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      gboolean first = TRUE;
      for (guint cat = 0; cat < lm_lexicon_get_n_categories (run->lexicon); cat++)
        for (guint k = 0; k < c->text->genres->len; k++)
          {
            const LmGenreMention *m = &g_array_index (c->text->genres, LmGenreMention, k);
            if (m->category != cat || m->stance != verbs[v].stance || !lm_report_genre_in_column (c, m))
              continue;
            if (first)
              g_string_append_printf (out, "%s%s ", out->len ? "; " : "", verbs[v].verb);
            else
              g_string_append (out, ", ");
            g_string_append (out, genre_label (run, cat));
            first = FALSE;
            break;
          }
    }
  if (out->len == 0)
    g_string_append (out, "classifies the novel under no genre of the lexicon");
  return g_string_free (out, FALSE);
}

void
lm_report_append_genres_md (GString *out, const LmRun *run)
{
  g_autoptr(GPtrArray) cols = lm_report_genre_columns (run);
  guint nc = lm_lexicon_get_n_categories (run->lexicon);
  g_string_append (out, "## How each reviewer classifies the genre\n\n"
                        "Each genre word is read in its sentence and given a stance: *asserted* "
                        "(the writer's own label), *attributed* (reported from someone, who is named "
                        "in parentheses), *rejected*, *hedged*, or a plain *mention* that "
                        "classifies nothing (left out of this table, kept in the evidence). The rules "
                        "are in the README. A critic's column covers the critic's sentences, quoted "
                        "terms included; quotations of the novel are left out.\n\n| Genre |");
  for (guint i = 0; i < cols->len; i++)
    {
      g_string_append_c (out, ' ');
      lm_append_md_cell (out, ((const LmColumn *) cols->pdata[i])->label);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|---|");
  for (guint i = 0; i < cols->len; i++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');
  for (guint cat = 0; cat < nc; cat++)
    {
      const LmCategory *category = lm_lexicon_get_category (run->lexicon, cat);
      if (category->kind != LM_CATEGORY_GENRE)
        continue;
      GString *row = g_string_new (NULL);
      gboolean any_row = FALSE;
      for (guint i = 0; i < cols->len; i++)
        {
          g_autofree char *cell = lm_report_genre_cell (cols->pdata[i], cat);
          if (*cell)
            {
              g_string_append_c (row, ' ');
              lm_append_md_cell (row, cell);
            }
          any_row |= *cell != '\0';
          g_string_append (row, " |");
        }
      if (any_row)
        {
          g_string_append (out, "| ");
          lm_append_md_cell (out, category->label);
          g_string_append_printf (out, " |%s\n", row->str);
        }
      g_string_free (row, TRUE);
    }
  g_string_append (out, "\n### Verdicts\n\n");
  for (guint i = 0; i < cols->len; i++)
    {
      const LmColumn *c = cols->pdata[i];
      g_autofree char *verdict = lm_report_genre_verdict (run, c);
      g_string_append (out, "- **");
      lm_append_md_cell (out, c->label);
      g_string_append (out, "**: ");
      g_string_append (out, verdict);
      g_string_append (out, ".\n");
    }
  g_string_append (out, "\n### Evidence\n\n");
  for (guint i = 0; i < cols->len; i++)
    {
      const LmColumn *c = cols->pdata[i];
      gboolean header = FALSE;
      for (guint k = 0; k < c->text->genres->len; k++)
        {
          const LmGenreMention *m = &g_array_index (c->text->genres, LmGenreMention, k);
          if (!lm_report_genre_in_column (c, m))
            continue;
          if (!header)
            {
              g_string_append (out, "**");
              lm_append_md_cell (out, c->label);
              g_string_append_printf (out, "** (`%s`)\n\n", c->text->entry->id);
              header = TRUE;
            }
          g_string_append_printf (out, "- line %u, %s: **%s**", m->line, genre_label (run, m->category),
                                  lm_stance_to_string (m->stance));
          if (*m->source)
            {
              g_string_append (out, " (");
              lm_append_md_cell (out, m->source);
              g_string_append (out, ")");
            }
          g_string_append (out, " — ");
          lm_append_md_cell (out, m->cue);
          g_string_append (out, " — “");
          lm_append_md_cell (out, m->sentence);
          g_string_append (out, "”\n");
        }
      if (header)
        g_string_append_c (out, '\n');
    }
}
