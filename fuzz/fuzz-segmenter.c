/* fuzz-segmenter.c - the voice segmenter (segmenter.h, quotes.h).
 *
 * The input is an essay, read leniently.  It is segmented without hints and
 * with hints taken from its own first lines (so that hints match).
 * Invariants: the spans cover every byte of the text once, in order; every
 * span's comment index is valid; voice_at agrees with the spans.
 */
#include <string.h>

#include "analysis/segmenter.h"
#include "fuzz.h"

static void
check (LmText *text, const LmSegmentHints *hints)
{
  gsize len = 0;
  lm_text_get_data (text, &len);
  g_autoptr(LmSegmentation) seg = lm_segment_text (text, hints);
  if (seg == NULL)
    lm_fuzz_fail ("segmentation");

  const GArray *spans = lm_segmentation_get_spans (seg);
  const GArray *comments = lm_segmentation_get_comments (seg);
  gsize pos = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      const LmSpan *s = &g_array_index (spans, LmSpan, i);
      if (s->start != pos || s->end < s->start || s->end > len)
        lm_fuzz_fail ("spans do not tile the text");
      if (s->first_line > s->last_line || s->rule == NULL)
        lm_fuzz_fail ("span lines or rule");
      if (s->comment >= (gint) comments->len || s->comment < -1)
        lm_fuzz_fail ("span comment index");
      if (s->end > s->start)
        {
          if (lm_segmentation_span_at (seg, s->start) != s
              || lm_segmentation_voice_at (seg, s->end - 1) != s->voice)
            lm_fuzz_fail ("span_at / voice_at disagree with the spans");
        }
      pos = s->end;
    }
  if (len > 0 && pos != len)
    lm_fuzz_fail ("spans stop before the end of the text");

  for (guint i = 0; i < comments->len; i++)
    {
      const LmComment *c = &g_array_index (comments, LmComment, i);
      if (c->parent >= (gint) i || c->parent < -1)
        lm_fuzz_fail ("comment parent");
      g_autofree char *label = lm_segmentation_comment_label (seg, i);
      if (label == NULL)
        lm_fuzz_fail ("comment label");
    }
  LmSegmentSummary summary;
  lm_segmentation_summarize (seg, &summary);
  lm_segment_summary_clear (&summary);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(LmText) text = lm_text_new_from_data ("<fuzz>", (const char *) data,
                                                  (gssize) size, LM_TEXT_LENIENT,
                                                  NULL);
  if (text == NULL)
    lm_fuzz_fail ("lenient read failed");
  check (text, NULL);

  /* Hints from the text's first lines: 1 boilerplate, 2 body_from,
   * 3 comments_from, 4 comments_until, 5 boilerplate_from. */
  gsize len = 0;
  const char *bytes = lm_text_get_data (text, &len);
  g_autofree char *copy = g_strndup (bytes, len);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", 6);
  guint n = g_strv_length (lines);
  char *line[5] = { NULL };
  for (guint i = 0; i < 5 && i < n; i++)
    {
      line[i] = g_strstrip (lines[i]);
      if (line[i][0] == '\0')
        line[i] = NULL;
    }
  char *boilerplate[] = { line[0], NULL };
  LmSegmentHints hints = {
    .boilerplate = line[0] ? boilerplate : NULL,
    .body_from = line[1],
    .comments_from = line[2],
    .comments_until = line[3],
    .boilerplate_from = line[4],
  };
  check (text, &hints);
  return 0;
}
