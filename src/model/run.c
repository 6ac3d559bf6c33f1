/* run.c - analyzing a corpus into a run. */
#include "run.h"

#include "analysis/analyzer.h"
#include "analysis/genre.h"

static void
text_result_free (gpointer p)
{
  LmTextResult *t = p;
  g_free (t->display_name);
  g_free (t->sha256);
  g_free (t->error);
  lm_doc_stats_free (t->stats);
  lm_segmentation_free (t->segmentation);
  g_clear_pointer (&t->genres, g_array_unref);
  g_clear_pointer (&t->text, lm_text_unref);
  g_free (t);
}

static void
column_free (gpointer p)
{
  LmColumn *c = p;
  g_free (c->id);
  g_free (c->label);
  lm_profile_free (c->profile);
  g_free (c);
}

static LmColumn *
column_new (const LmTextResult *t, gboolean readers, guint voice_mask)
{
  LmColumn *c = g_new0 (LmColumn, 1);
  c->text = t;
  c->readers = readers;
  c->voice_mask = voice_mask;
  if (!readers)
    {
      c->id = g_strdup (t->entry->id);
      c->label = g_strdup (t->display_name);
    }
  else
    {
      c->id = g_strdup_printf ("%s/readers", t->entry->id);
      c->label = g_strdup_printf ("readers of %s", *t->entry->outlet ? t->entry->outlet
                                                                     : t->entry->id);
    }
  return c;
}

/* The columns of @t: its critic, and its readers when it has comments. */
static void
add_columns (LmRun *run, LmAnalyzer *an, LmTextResult *t)
{
  guint critic = LM_VOICE_BIT (LM_VOICE_CRITIC);
  if (run->comparison_includes_quotations)
    critic |= LM_VOICE_BIT (LM_VOICE_QUOTATION);
  LmColumn *c = column_new (t, FALSE, critic);
  g_ptr_array_add (run->columns, c);
  if (t->stats == NULL)
    return;
  c->profile = lm_profile_build (an, t->text, t->segmentation, critic);
  if (t->stats->words[LM_VOICE_COMMENT] > 0)
    {
      LmColumn *r = column_new (t, TRUE, LM_VOICE_BIT (LM_VOICE_COMMENT));
      r->profile = lm_profile_build (an, t->text, t->segmentation, r->voice_mask);
      g_ptr_array_add (run->columns, r);
    }
}

guint64
lm_column_words (const LmColumn *c)
{
  guint64 n = 0;
  if (c->text->stats == NULL)
    return 0;
  for (guint v = 0; v < LM_N_VOICES; v++)
    if (c->voice_mask & LM_VOICE_BIT (v))
      n += c->text->stats->words[v];
  return n;
}

guint64
lm_column_hits (const LmColumn *c, guint category)
{
  guint64 n = 0;
  if (c->text->stats == NULL)
    return 0;
  for (guint v = 0; v < LM_N_VOICES; v++)
    if (c->voice_mask & LM_VOICE_BIT (v))
      n += lm_doc_stats_hits (c->text->stats, v, category);
  return n;
}

LmRun *
lm_run_new (LmCorpus *corpus, const char *corpus_path, LmLexicon *lexicon,
            const char *lexicon_path, LmStoplist *stoplist,
            const char *stoplist_path)
{
  LmRun *run = g_new0 (LmRun, 1);
  run->corpus = corpus;
  run->lexicon = lexicon;
  run->stoplist = stoplist;
  run->corpus_path = g_strdup (corpus_path);
  run->lexicon_path = g_strdup (lexicon_path);
  run->stoplist_path = g_strdup (stoplist_path);
  run->texts = g_ptr_array_new_with_free_func (text_result_free);
  run->columns = g_ptr_array_new_with_free_func (column_free);
  return run;
}

void
lm_run_free (LmRun *run)
{
  if (run == NULL)
    return;
  g_ptr_array_unref (run->columns);
  g_ptr_array_unref (run->texts);
  lm_corpus_free (run->corpus);
  lm_lexicon_free (run->lexicon);
  lm_stoplist_free (run->stoplist);
  g_free (run->corpus_path);
  g_free (run->lexicon_path);
  g_free (run->stoplist_path);
  g_free (run);
}

gint
lm_run_analyze (LmRun *run, GError **error)
{
  g_autoptr(LmAnalyzer) an = lm_analyzer_new (run->lexicon, run->stoplist, error);
  if (an == NULL)
    return -1;
  gint failed = 0;
  g_ptr_array_set_size (run->columns, 0);
  g_ptr_array_set_size (run->texts, 0);
  for (guint i = 0; i < lm_corpus_get_n_entries (run->corpus); i++)
    {
      const LmCorpusEntry *e = lm_corpus_get_entry (run->corpus, i);
      LmTextResult *t = g_new0 (LmTextResult, 1);
      t->entry = e;
      t->display_name = lm_corpus_display_name (run->corpus, i);
      g_ptr_array_add (run->texts, t);

      g_autoptr(GError) local = NULL;
      g_autoptr(LmText) text = lm_text_load (e->path, LM_TEXT_NONE, &local);
      if (text == NULL)
        {
          t->error = g_strdup (local->message);
          failed++;
          add_columns (run, an, t);
          continue;
        }
      /* Hash the bytes as stored (BOM included), as sha256sum would. */
      g_autoptr(GMappedFile) map = g_mapped_file_new (e->path, FALSE, NULL);
      if (map)
        t->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                 (const guchar *) g_mapped_file_get_contents (map),
                                                 g_mapped_file_get_length (map));
      t->segmentation = lm_segment_text (text, &e->hints);
      t->stats = lm_analyzer_analyze (an, text, t->segmentation,
                                      LM_ANALYZE_FORMS | LM_ANALYZE_EVIDENCE);
      t->genres = lm_genre_mentions (an, text, t->segmentation);
      t->text = g_steal_pointer (&text);
      add_columns (run, an, t);
    }
  return failed;
}

