/* fuzz-manifest.c - the corpus manifest parser (corpus.h).
 *
 * The input is a corpus.ini.  Loading must succeed or fail with a GError;
 * a manifest that loads gives each entry's display name, and its hints are
 * used to segment a fixed text, so that fuzzed hints reach the segmenter.
 */
#include "analysis/corpus.h"
#include "analysis/segmenter.h"
#include "fuzz.h"

static const char essay[] =
  "Posted on by Someone\n"
  "The Title of the Essay\n"
  "Ishiguro writes that \"we all complete\" (274), and the \"donors\" wait.\n"
  "\n"
  "Leave a comment\n"
  "  1. Anna\n"
  "       I loved it.\n"
  "  2. Ben\n"
  "       \xE2\x80\x9CNot me,\xE2\x80\x9D he said.\n"
  "     \xE2\x80\xA2 Cara\n"
  "         A reply.\n"
  "Related Items\n"
  "(Jo Smith is a writer who can be reached at jo@example.org.)\n";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static LmText *text;
  if (text == NULL
      && (text = lm_text_new_from_data ("<essay>", essay, -1, LM_TEXT_NONE, NULL)) == NULL)
    lm_fuzz_fail ("set-up");

  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) corpus = lm_corpus_new_from_data ("<fuzz>/corpus.ini", "/nonexistent",
                                                        (const char *) data,
                                                        (gssize) size, &error);
  if ((corpus == NULL) == (error == NULL))
    lm_fuzz_fail ("manifest: result and error disagree");
  if (corpus == NULL)
    return 0;

  for (guint i = 0; i < lm_corpus_get_n_entries (corpus); i++)
    {
      const LmCorpusEntry *entry = lm_corpus_get_entry (corpus, i);
      if (entry->id == NULL || entry->path == NULL || entry->critic == NULL
          || entry->outlet == NULL || entry->title == NULL)
        lm_fuzz_fail ("entry field missing");
      g_autofree char *display = lm_corpus_entry_display_name (entry);
      if (display == NULL || display[0] == '\0')
        lm_fuzz_fail ("display name");
      g_autoptr(LmSegmentation) seg = lm_segment_text (text, &entry->hints);
      if (seg == NULL)
        lm_fuzz_fail ("segmentation");
    }
  return 0;
}
