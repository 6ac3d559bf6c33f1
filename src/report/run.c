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
  g_free (t);
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
  return run;
}

void
lm_run_free (LmRun *run)
{
  if (run == NULL)
    return;
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
  g_ptr_array_set_size (run->texts, 0);
  for (guint i = 0; i < lm_corpus_get_n_entries (run->corpus); i++)
    {
      const LmCorpusEntry *e = lm_corpus_get_entry (run->corpus, i);
      LmTextResult *t = g_new0 (LmTextResult, 1);
      t->entry = e;
      t->display_name = lm_corpus_entry_display_name (e);
      g_ptr_array_add (run->texts, t);

      g_autoptr(GError) local = NULL;
      g_autoptr(LmText) text = lm_text_load (e->path, LM_TEXT_NONE, &local);
      if (text == NULL)
        {
          t->error = g_strdup (local->message);
          failed++;
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
    }
  return failed;
}

double
lm_rate_per_1000 (guint64 hits, guint64 words)
{
  return words ? 1000.0 * (double) hits / (double) words : 0.0;
}
