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

GString *
lm_report_genres_csv (const LmRun *run)
{
  GString *out = g_string_new ("text_id,critic,voice,genre,stance,source,cue,line,evidence\r\n");
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      for (guint k = 0; t->genres && k < t->genres->len; k++)
        {
          const LmGenreMention *m = &g_array_index (t->genres, LmGenreMention, k);
          lm_append_csv_field (out, t->entry->id);
          g_string_append_c (out, ',');
          lm_append_csv_field (out, t->entry->critic);
          g_string_append_printf (out, ",%s,%s,%s,", lm_voice_to_string (m->voice),
                                  genre_id (run, m), lm_stance_to_string (m->stance));
          lm_append_csv_field (out, m->source);
          g_string_append_c (out, ',');
          lm_append_csv_field (out, m->cue);
          g_string_append_printf (out, ",%u,", m->line);
          lm_append_csv_field (out, m->sentence);
          g_string_append (out, "\r\n");
        }
    }
  return out;
}

/* A column of the genre table: a critic's sentences or a text's readers. */
typedef struct
{
  const LmTextResult *text;
  char *label;
  gboolean readers;
} GenreColumn;

static gboolean
in_column (const GenreColumn *c, const LmGenreMention *m)
{
  if (c->readers)
    return m->voice == LM_VOICE_COMMENT;
  return m->voice == LM_VOICE_CRITIC || (m->voice == LM_VOICE_QUOTATION && !m->novel_quote);
}

static GArray *
genre_columns (const LmRun *run)
{
  GArray *cols = g_array_new (FALSE, FALSE, sizeof (GenreColumn));
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->genres == NULL)
        continue;
      GenreColumn c = { t, g_strdup (t->display_name), FALSE };
      g_array_append_val (cols, c);
      if (t->stats->words[LM_VOICE_COMMENT] > 0)
        {
          GenreColumn r = { t, g_strdup_printf ("readers of %s", *t->entry->outlet ? t->entry->outlet
                                                                                  : t->entry->id), TRUE };
          g_array_append_val (cols, r);
        }
    }
  return cols;
}

static void
free_columns (GArray *cols)
{
  for (guint i = 0; i < cols->len; i++)
    g_free (g_array_index (cols, GenreColumn, i).label);
  g_array_unref (cols);
}

/* "attributed ×3 (Louis Menand; Sarah Kerr)" for one stance in one cell. */
static void
append_stance (GString *out, const GenreColumn *c, guint category, LmStance stance,
               gboolean *first)
{
  guint n = 0;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  for (guint k = 0; k < c->text->genres->len; k++)
    {
      const LmGenreMention *m = &g_array_index (c->text->genres, LmGenreMention, k);
      if (m->category != category || m->stance != stance || !in_column (c, m))
        continue;
      n++;
      if (*m->source && !g_ptr_array_find_with_equal_func (sources, m->source, g_str_equal, NULL))
        g_ptr_array_add (sources, m->source);
    }
  if (n == 0)
    return;
  g_string_append (out, *first ? " " : "; ");
  *first = FALSE;
  g_string_append (out, lm_stance_to_string (stance));
  if (n > 1)
    g_string_append_printf (out, " ×%u", n);
  for (guint s = 0; s < sources->len; s++)
    {
      g_string_append (out, s ? ", " : " (");
      lm_append_md_cell (out, sources->pdata[s]);
    }
  if (sources->len)
    g_string_append (out, ")");
}

/* "asserts Bildungsroman; attributes science fiction, horror; rejects nothing." */
static void
append_verdict (GString *out, const LmRun *run, const GenreColumn *c)
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
  g_string_append (out, "- **");
  lm_append_md_cell (out, c->label);
  g_string_append (out, "**:");
  gboolean any = FALSE;
  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    {
      gboolean first = TRUE;
      for (guint cat = 0; cat < lm_lexicon_get_n_categories (run->lexicon); cat++)
        for (guint k = 0; k < c->text->genres->len; k++)
          {
            const LmGenreMention *m = &g_array_index (c->text->genres, LmGenreMention, k);
            if (m->category != cat || m->stance != verbs[v].stance || !in_column (c, m))
              continue;
            if (first)
              g_string_append_printf (out, "%s%s ", any ? "; " : " ", verbs[v].verb);
            else
              g_string_append (out, ", ");
            g_string_append (out, genre_label (run, cat));
            first = FALSE;
            any = TRUE;
            break;
          }
    }
  g_string_append (out, any ? ".\n" : " classifies the novel under no genre of the lexicon.\n");
}

void
lm_report_append_genres_md (GString *out, const LmRun *run)
{
  GArray *cols = genre_columns (run);
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
      lm_append_md_cell (out, g_array_index (cols, GenreColumn, i).label);
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
          gboolean first = TRUE;
          for (LmStance st = LM_STANCE_ASSERTED; st < LM_STANCE_MENTION; st++)
            append_stance (row, &g_array_index (cols, GenreColumn, i), cat, st, &first);
          any_row |= !first;
          g_string_append (row, first ? " |" : " |");
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
    append_verdict (out, run, &g_array_index (cols, GenreColumn, i));
  g_string_append (out, "\n### Evidence\n\n");
  for (guint i = 0; i < cols->len; i++)
    {
      const GenreColumn *c = &g_array_index (cols, GenreColumn, i);
      gboolean header = FALSE;
      for (guint k = 0; k < c->text->genres->len; k++)
        {
          const LmGenreMention *m = &g_array_index (c->text->genres, LmGenreMention, k);
          if (!in_column (c, m))
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
  free_columns (cols);
}
