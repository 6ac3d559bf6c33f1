/* report.c - motifs.csv, summary.md, and writing all reports. */
#include "report.h"

#include "core/stemmer.h"
#include "core/tokenizer.h"
#include "format.h"
#include "lm-config.h"

GArray *
lm_report_voices (const LmRun *run)
{
  GArray *voices = g_array_new (FALSE, FALSE, sizeof (LmVoice));
  for (LmVoice v = LM_VOICE_ALL; v < LM_N_VOICES; v++)
    {
      if (v == LM_VOICE_BOILERPLATE)
        continue;
      gboolean present = (v == LM_VOICE_ALL);
      for (guint i = 0; i < run->texts->len && !present; i++)
        {
          const LmTextResult *t = run->texts->pdata[i];
          present = t->stats && t->stats->words[v] > 0;
        }
      if (present)
        g_array_append_val (voices, v);
    }
  return voices;
}

GString *
lm_report_motifs_csv (const LmRun *run)
{
  GString *out = g_string_new ("text_id,critic,voice,category,kind,hits,words,per_1000\r\n");
  g_autoptr(GArray) voices = lm_report_voices (run);
  guint nc = lm_lexicon_get_n_categories (run->lexicon);
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->stats == NULL)
        continue;
      for (guint vi = 0; vi < voices->len; vi++)
        {
          LmVoice v = g_array_index (voices, LmVoice, vi);
          for (guint c = 0; c < nc; c++)
            {
              const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
              guint64 hits = lm_doc_stats_hits (t->stats, v, c);
              guint64 words = t->stats->words[v];
              lm_append_csv_field (out, t->entry->id);
              g_string_append_c (out, ',');
              lm_append_csv_field (out, t->entry->critic);
              g_string_append_printf (out, ",%s,", lm_voice_to_string (v));
              lm_append_csv_field (out, cat->id);
              g_string_append_printf (out, ",%s,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",",
                                      lm_category_kind_to_string (cat->kind), hits, words);
              lm_append_fixed (out, lm_rate_per_1000 (hits, words), 3);
              g_string_append (out, "\r\n");
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

GString *
lm_report_summary_md (const LmRun *run)
{
  GString *out = g_string_new ("# Motif report\n\n");
  guint nc = lm_lexicon_get_n_categories (run->lexicon);
  g_string_append_printf (out,
      "%u texts from `%s`, lexicon `%s` (%u categories). Hits are counted in "
      "every word token of the text; rates are hits per 1,000 words "
      "(stop words included in the word count).\n\n",
      run->texts->len, run->corpus_path, run->lexicon_path, nc);

  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      g_string_append (out, "## ");
      lm_append_md_cell (out, t->display_name);
      g_string_append (out, "\n\n");
      g_string_append_printf (out, "Text `%s`", t->entry->id);
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
          continue;
        }
      g_string_append_printf (out, "%" G_GUINT64_FORMAT " words.\n\n",
                              t->stats->words[LM_VOICE_ALL]);
      g_string_append (out, "| Category | Kind | Hits | Words | Per 1,000 words | Surface forms |\n"
                            "|---|---|---:|---:|---:|---|\n");
      for (guint c = 0; c < nc; c++)
        {
          const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
          guint64 hits = lm_doc_stats_hits (t->stats, LM_VOICE_ALL, c);
          g_string_append (out, "| ");
          lm_append_md_cell (out, cat->label);
          g_string_append_printf (out, " | %s | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " | ",
                                  lm_category_kind_to_string (cat->kind), hits,
                                  t->stats->words[LM_VOICE_ALL]);
          lm_append_fixed (out, lm_rate_per_1000 (hits, t->stats->words[LM_VOICE_ALL]), 2);
          g_string_append (out, " | ");
          append_forms (out, t->stats, LM_VOICE_ALL, c);
          g_string_append (out, " |\n");
        }
      g_string_append (out, "\n");
    }

  g_string_append (out, "## Comparison\n\nRate per 1,000 words (hits in parentheses).\n\n| Category |");
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      g_string_append_c (out, ' ');
      lm_append_md_cell (out, t->display_name);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|---|");
  for (guint i = 0; i < run->texts->len; i++)
    g_string_append (out, "---:|");
  g_string_append_c (out, '\n');
  for (guint c = 0; c < nc; c++)
    {
      const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
      g_string_append (out, "| ");
      lm_append_md_cell (out, cat->label);
      g_string_append (out, " |");
      for (guint i = 0; i < run->texts->len; i++)
        {
          const LmTextResult *t = run->texts->pdata[i];
          if (t->stats == NULL)
            {
              g_string_append (out, " n/a |");
              continue;
            }
          guint64 hits = lm_doc_stats_hits (t->stats, LM_VOICE_ALL, c);
          g_string_append_c (out, ' ');
          lm_append_fixed (out, lm_rate_per_1000 (hits, t->stats->words[LM_VOICE_ALL]), 2);
          g_string_append_printf (out, " (%" G_GUINT64_FORMAT ") |", hits);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  append_manifest_md (out, run);
  return out;
}

gboolean
lm_report_write_all (const LmRun *run, const char *out_dir, GError **error)
{
  struct
  {
    const char *name;
    GString *(*build) (const LmRun *);
  } files[] = {
    { "motifs.csv", lm_report_motifs_csv },
    { "summary.md", lm_report_summary_md },
    { "report.json", lm_report_json },
  };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GString) body = files[i].build (run);
      if (!lm_write_atomic (out_dir, files[i].name, body, error))
        return FALSE;
    }
  return TRUE;
}
