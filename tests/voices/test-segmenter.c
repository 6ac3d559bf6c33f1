/* test-segmenter.c - voices of the four seed essays and of hard cases. */
#include <criterion/criterion.h>
#include <string.h>

#include "analysis/analyzer.h"
#include "analysis/corpus.h"
#include "analysis/segmenter.h"

static LmText *
seed (const char *file)
{
  g_autofree char *path = g_build_filename (g_getenv ("LM_TEST_SRCDIR"), "texts", file, NULL);
  g_autoptr(GError) error = NULL;
  LmText *t = lm_text_load (path, LM_TEXT_NONE, &error);
  cr_assert_not_null (t, "%s", error ? error->message : "");
  return t;
}

static LmText *
text_of (const char *s)
{
  LmText *t = lm_text_new_from_data ("<test>", s, -1, LM_TEXT_NONE, NULL);
  cr_assert_not_null (t);
  return t;
}

/* The span that covers the first non-blank byte of @line. */
static const LmSpan *
span_of_line (LmText *text, const LmSegmentation *seg, guint line)
{
  gsize start, end;
  cr_assert (lm_text_line_bounds (text, line, &start, &end), "line %u exists", line);
  const char *data = lm_text_get_data (text, NULL);
  while (start < end && g_ascii_isspace (data[start]))
    start++;
  const LmSpan *sp = lm_segmentation_span_at (seg, start);
  cr_assert_not_null (sp, "a span covers line %u", line);
  return sp;
}

static void
expect_line (LmText *text, const LmSegmentation *seg, guint line, LmVoice voice,
             const char *rule)
{
  const LmSpan *sp = span_of_line (text, seg, line);
  cr_expect_eq (sp->voice, voice, "line %u: voice %s, want %s", line,
                lm_voice_to_string (sp->voice), lm_voice_to_string (voice));
  if (rule)
    cr_expect_str_eq (sp->rule, rule, "line %u: rule", line);
}

static void
expect_full_cover (LmText *text, const LmSegmentation *seg)
{
  gsize len;
  lm_text_get_data (text, &len);
  const GArray *spans = lm_segmentation_get_spans (seg);
  gsize at = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      const LmSpan *sp = &g_array_index (spans, LmSpan, i);
      cr_assert_eq (sp->start, at, "span %u starts where the previous ended", i);
      cr_assert_gt (sp->end, sp->start, "span %u is not empty", i);
      at = sp->end;
    }
  cr_assert_eq (at, len, "spans cover the whole text");
}

Test (segments, artifice_comments_commenters_and_replies)
{
  g_autoptr(LmText) t = seed ("artifice-transformation-of-letting-go.txt");
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_full_cover (t, seg);
  const GArray *c = lm_segmentation_get_comments (seg);
  guint numbered = 0, replies = 0;
  for (guint i = 0; i < c->len; i++)
    {
      const LmComment *x = &g_array_index (c, LmComment, i);
      if (x->number)
        cr_expect_eq (x->number, ++numbered, "numbered comments in order");
      else
        replies++;
    }
  cr_expect_eq (numbered, 21, "21 numbered comments, got %u", numbered);
  cr_expect_eq (replies, 4, "4 replies, got %u", replies);

  /* commenter per numbered comment, as the text signs them */
  const char *names[22] = { NULL, "Sachiko", NULL, "Gillian", NULL, NULL, "Chin Mch", NULL, NULL,
                            "chilton", NULL, NULL, "Mary Awad", NULL, NULL, "Roy Rico", NULL,
                            "Terry Adams", NULL, "Emilie Medland-Marchen", NULL, NULL };
  for (guint i = 0; i < c->len; i++)
    {
      const LmComment *x = &g_array_index (c, LmComment, i);
      if (!x->number)
        continue;
      if (names[x->number])
        cr_expect_str_eq (x->commenter, names[x->number], "comment %u signed", x->number);
      else
        cr_expect_null (x->commenter, "comment %u is unsigned, got %s", x->number, x->commenter);
    }
  /* replies and their parents */
  struct { const char *name; guint parent_number; const char *parent_name; } want[] = {
    { "Shantae Sams", 2, NULL }, { "Matlock", 8, NULL }, { NULL, 0, "Matlock" }, { NULL, 14, NULL },
  };
  guint r = 0;
  for (guint i = 0; i < c->len; i++)
    {
      const LmComment *x = &g_array_index (c, LmComment, i);
      if (x->number)
        continue;
      cr_assert_geq (x->parent, 0, "reply %u has a parent", r);
      const LmComment *p = &g_array_index (c, LmComment, x->parent);
      cr_expect_eq (p->number, want[r].parent_number, "reply %u replies to comment %u", r,
                    want[r].parent_number);
      if (want[r].name)
        cr_expect_str_eq (x->commenter, want[r].name);
      else
        cr_expect_null (x->commenter);
      if (want[r].parent_name)
        cr_expect_str_eq (p->commenter, want[r].parent_name);
      r++;
    }
  expect_line (t, seg, 57, LM_VOICE_COMMENT, "comment");
  expect_line (t, seg, 55, LM_VOICE_BOILERPLATE, "commenter-name");
  expect_line (t, seg, 125, LM_VOICE_COMMENT, "comment");
  expect_line (t, seg, 126, LM_VOICE_COMMENT, "comment");
  expect_line (t, seg, 130, LM_VOICE_BOILERPLATE, "call-to-action");
}

Test (segments, artifice_captions_quotes_and_furniture)
{
  g_autoptr(LmText) t = seed ("artifice-transformation-of-letting-go.txt");
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_line (t, seg, 1, LM_VOICE_CRITIC, "critic");
  expect_line (t, seg, 3, LM_VOICE_BOILERPLATE, "repeated-line");
  expect_line (t, seg, 4, LM_VOICE_BOILERPLATE, "repeated-line");
  expect_line (t, seg, 34, LM_VOICE_BOILERPLATE, "caption");
  expect_line (t, seg, 35, LM_VOICE_BOILERPLATE, "caption");
  expect_line (t, seg, 6, LM_VOICE_CRITIC, "critic");
  expect_line (t, seg, 16, LM_VOICE_QUOTATION, "page-cited");
  expect_line (t, seg, 22, LM_VOICE_QUOTATION, "page-cited");
  expect_line (t, seg, 32, LM_VOICE_QUOTATION, "page-cited");
  expect_line (t, seg, 41, LM_VOICE_BOILERPLATE, "call-to-action");
  expect_line (t, seg, 43, LM_VOICE_BOILERPLATE, "citation");
  expect_line (t, seg, 45, LM_VOICE_BOILERPLATE, "call-to-action");
  expect_line (t, seg, 52, LM_VOICE_BOILERPLATE, "call-to-action");
  LmSegmentSummary sum;
  lm_segmentation_summarize (seg, &sum);
  cr_expect_eq (sum.novel_quotations, 4);
  const char *pages[] = { "93", "155", "273-274", "274" };
  cr_assert_eq (sum.pages->len, 4);
  for (guint i = 0; i < 4; i++)
    cr_expect_str_eq (sum.pages->pdata[i], pages[i], "page %u", i);
  cr_expect_eq (sum.comments, 21);
  cr_expect_eq (sum.replies, 4);
  cr_expect_eq (sum.commenters, 10);
  lm_segment_summary_clear (&sum);
}

Test (segments, carden_block_quote_appeal_and_bio)
{
  g_autoptr(LmText) t = seed ("carden-smoky-mountain-news-review.txt");
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_full_cover (t, seg);
  /* The section label and the headline are page furniture (headers are
   * boilerplate, as tests/data/real/ annotates them): the features of a
   * short title-case line at the top decide, hint or no hint. */
  expect_line (t, seg, 1, LM_VOICE_BOILERPLATE, NULL);
  expect_line (t, seg, 3, LM_VOICE_BOILERPLATE, NULL);
  expect_line (t, seg, 5, LM_VOICE_QUOTATION, "block-quote");
  expect_line (t, seg, 7, LM_VOICE_QUOTATION, "attribution");
  cr_expect_str_eq (span_of_line (t, seg, 5)->page, "274", "the epigraph's page from its attribution");
  expect_line (t, seg, 9, LM_VOICE_CRITIC, "critic");
  expect_line (t, seg, 17, LM_VOICE_BOILERPLATE, "call-to-action");
  expect_line (t, seg, 29, LM_VOICE_BOILERPLATE, "citation");
  expect_line (t, seg, 31, LM_VOICE_BOILERPLATE, "author-bio");
  expect_line (t, seg, 33, LM_VOICE_BOILERPLATE, "call-to-action");
  expect_line (t, seg, 35, LM_VOICE_BOILERPLATE, "call-to-action");
  expect_line (t, seg, 40, LM_VOICE_BOILERPLATE, "appeal");
  expect_line (t, seg, 42, LM_VOICE_BOILERPLATE, "appeal");
  cr_expect_eq (lm_segmentation_get_comments (seg)->len, 0);
}

Test (segments, manifest_hints_apply)
{
  g_autofree char *ini = g_build_filename (g_getenv ("LM_TEST_SRCDIR"), "texts", "corpus.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) corpus = lm_corpus_load (ini, &error);
  cr_assert_not_null (corpus, "%s", error ? error->message : "");
  const LmCorpusEntry *carden = NULL;
  for (guint i = 0; i < lm_corpus_get_n_entries (corpus); i++)
    if (g_str_equal (lm_corpus_get_entry (corpus, i)->id, "carden"))
      carden = lm_corpus_get_entry (corpus, i);
  cr_assert_not_null (carden);
  g_autoptr(LmText) t = seed ("carden-smoky-mountain-news-review.txt");
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, &carden->hints);
  expect_line (t, seg, 1, LM_VOICE_BOILERPLATE, "hint:boilerplate");
  expect_line (t, seg, 3, LM_VOICE_BOILERPLATE, NULL); /* the headline */
  expect_line (t, seg, 9, LM_VOICE_CRITIC, "critic");
}

Test (segments, hints_for_comments_and_body)
{
  const char *s = "Site Name\nMenu\nThe essay starts. It is “hopeful” prose.\n\n"
                  "Readers said\nI liked it.\nMe too.\nFooter text\nMore footer\n";
  g_autoptr(LmText) t = text_of (s);
  char *boiler[] = { "Menu", NULL };
  LmSegmentHints h = { .boilerplate = boiler, .body_from = "The essay", .comments_from = "Readers said",
                       .comments_until = "Footer", .boilerplate_from = "Footer" };
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, &h);
  expect_full_cover (t, seg);
  expect_line (t, seg, 1, LM_VOICE_BOILERPLATE, "hint:body-from");
  expect_line (t, seg, 2, LM_VOICE_BOILERPLATE, "hint:boilerplate");
  expect_line (t, seg, 3, LM_VOICE_CRITIC, "critic");
  expect_line (t, seg, 5, LM_VOICE_COMMENT, "comment");
  expect_line (t, seg, 7, LM_VOICE_COMMENT, "comment");
  expect_line (t, seg, 8, LM_VOICE_BOILERPLATE, "hint:boilerplate-from");
  expect_line (t, seg, 9, LM_VOICE_BOILERPLATE, "hint:boilerplate-from");
}

Test (segments, no_quotations)
{
  g_autoptr(LmText) t = text_of ("Plain prose about hope.\n\nAnd more of it, with Tommy’s anger.\n");
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_full_cover (t, seg);
  const GArray *spans = lm_segmentation_get_spans (seg);
  cr_expect_eq (spans->len, 1, "one critic span, got %u", spans->len);
  cr_expect_eq (g_array_index (spans, LmSpan, 0).voice, LM_VOICE_CRITIC);
}

Test (segments, unbalanced_quote_is_bounded_to_its_paragraph)
{
  const char *s = "He wrote “this quotation never closes and runs on.\n\n"
                  "The next paragraph is the critic again.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_full_cover (t, seg);
  cr_expect_eq (lm_segmentation_voice_at (seg, strstr (s, "never") - s), LM_VOICE_QUOTATION);
  expect_line (t, seg, 3, LM_VOICE_CRITIC, "critic");
  const GArray *w = lm_segmentation_get_warnings (seg);
  cr_assert_eq (w->len, 1, "one warning");
  cr_expect_eq (g_array_index (w, LmSegmentWarning, 0).line, 1);
  cr_expect_eq (g_array_index (w, LmSegmentWarning, 0).col, 10, "at the opening mark");
  cr_expect (strstr (g_array_index (w, LmSegmentWarning, 0).message, "never closes") != NULL);
}

Test (segments, nested_and_kinds_of_quotation)
{
  const char *s = "Critics call it “a ‘quasi’ thing” and the clones “complete” their lives. "
                  "Ruth says “We are modeled from trash, all of us here.” Then “I held "
                  "him tight” (274).\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  const LmSpan *a = lm_segmentation_span_at (seg, strstr (s, "quasi") - s);
  cr_expect_eq (a->voice, LM_VOICE_QUOTATION);
  cr_expect_eq (a->quote, LM_QUOTE_TERM, "a nested quote is inside its outer quote");
  cr_expect_eq (a->start, (gsize) (strstr (s, "“a") - s), "the outer quotation is the span");
  cr_expect_eq (lm_segmentation_span_at (seg, strstr (s, "complete") - s)->quote, LM_QUOTE_TERM);
  cr_expect_eq (lm_segmentation_span_at (seg, strstr (s, "modeled") - s)->quote, LM_QUOTE_OTHER);
  const LmSpan *n = lm_segmentation_span_at (seg, strstr (s, "held") - s);
  cr_expect_eq (n->quote, LM_QUOTE_NOVEL);
  cr_expect_str_eq (n->page, "274");
  cr_expect_eq (lm_segmentation_voice_at (seg, strstr (s, "Ruth") - s), LM_VOICE_CRITIC);
}

Test (segments, straight_quotes)
{
  const char *s = "Kathy says she is \"typical\" and \"we are told and not told\" by them.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  cr_expect_eq (lm_segmentation_span_at (seg, strstr (s, "typical") - s)->quote, LM_QUOTE_TERM);
  cr_expect_eq (lm_segmentation_span_at (seg, strstr (s, "told") - s)->quote, LM_QUOTE_OTHER);
  cr_expect_eq (lm_segmentation_voice_at (seg, strstr (s, "by them") - s), LM_VOICE_CRITIC);
}

Test (segments, all_comments)
{
  const char *s = "  1. Ann Lee\n\n    Loved the hope in it.\n\n  2. It broke my heart.\n\n"
                  "    • Bob\n\n      Mine too.\n\n  3. Meh.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_full_cover (t, seg);
  const GArray *c = lm_segmentation_get_comments (seg);
  cr_assert_eq (c->len, 4, "3 comments and a reply, got %u", c->len);
  cr_expect_str_eq (g_array_index (c, LmComment, 0).commenter, "Ann Lee");
  cr_expect_null (g_array_index (c, LmComment, 1).commenter);
  cr_expect_str_eq (g_array_index (c, LmComment, 2).commenter, "Bob");
  cr_expect_eq (g_array_index (c, LmComment, 2).parent, 1);
  const GArray *spans = lm_segmentation_get_spans (seg);
  for (guint i = 0; i < spans->len; i++)
    cr_expect_neq (g_array_index (spans, LmSpan, i).voice, LM_VOICE_CRITIC,
                   "nothing is the critic's in a text of comments (span %u)", i);
}

Test (segments, numbered_list_in_prose_is_not_comments)
{
  const char *s = "Three themes:\n1. hope\nThat is all.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  cr_expect_eq (lm_segmentation_get_comments (seg)->len, 0, "a lone item is not a comment list");
}

Test (segments, voice_split_changes_counts)
{
  const char *lex = "[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n";
  const char *s = "The critic writes of hope.\n\n“Hope is a quoted passage of some length here” (12).\n\n"
                  "Leave a comment\n\n  1. Ann\n\n    Hope hope.\n\n  2. No hope.\n";
  g_autoptr(LmStemmer) st = lm_stemmer_new (NULL);
  g_autoptr(LmLexicon) lx = lm_lexicon_new_from_data ("<lex>", lex, -1, st, NULL);
  g_autoptr(LmStoplist) sl = lm_stoplist_new_empty ();
  g_autoptr(LmAnalyzer) an = lm_analyzer_new (lx, sl, NULL);
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  g_autoptr(LmDocStats) ds = lm_analyzer_analyze (an, t, seg, LM_ANALYZE_COUNTS);
  cr_expect_eq (lm_doc_stats_hits (ds, LM_VOICE_CRITIC, 0), 1);
  cr_expect_eq (lm_doc_stats_hits (ds, LM_VOICE_QUOTATION, 0), 1);
  cr_expect_eq (lm_doc_stats_hits (ds, LM_VOICE_COMMENT, 0), 3);
  cr_expect_eq (lm_doc_stats_hits (ds, LM_VOICE_ALL, 0), 5);
  cr_expect_eq (ds->words[LM_VOICE_CRITIC], 5);
  cr_expect_eq (ds->words[LM_VOICE_BOILERPLATE], 4, "Leave a comment + the name Ann are excluded");
  cr_expect_eq (ds->words[LM_VOICE_ALL], ds->words[LM_VOICE_CRITIC] + ds->words[LM_VOICE_QUOTATION]
                + ds->words[LM_VOICE_COMMENT]);
}

/* ---- hostile input: time and output in proportion to the text ---- */

/* A reply's parent is the nearest item above indented less, whatever lies
 * between (siblings, deeper replies): the stack that finds it in linear time
 * gives what a scan upwards would. */
Test (segments, reply_parents_across_indents)
{
  const char *s = "Essay.\nLeave a comment\n"
                  "  1. Ann\n     First.\n"              /* 0 */
                  "     • Bob\n        Second.\n"       /* 1: reply to 0 */
                  "        ↳ Cy\n           Third.\n"   /* 2: reply to 1 */
                  "     • Di\n        Fourth.\n"        /* 3: reply to 0 */
                  "  2. Ed\n     Fifth.\n"              /* 4 */
                  "       • Flo\n          Sixth.\n"    /* 5: reply to 4 */
                  "   • Gus\n      Seventh.\n";         /* 6: reply to 4 */
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  const GArray *c = lm_segmentation_get_comments (seg);
  cr_assert_eq (c->len, 7, "2 comments and 5 replies, got %u", c->len);
  gint want[] = { -1, 0, 1, 0, -1, 4, 4 };
  for (guint i = 0; i < 7; i++)
    cr_expect_eq (g_array_index (c, LmComment, i).parent, want[i], "comment %u: parent %d, got %d",
                  i, want[i], g_array_index (c, LmComment, i).parent);
}

/* A thread of replies each indented more than the last: labels name four
 * replies, then "…" and the comment the thread starts from. */
Test (segments, reply_label_bounded)
{
  GString *s = g_string_new ("Essay.\nLeave a comment\n  1. Root\n     Text.\n");
  for (guint i = 1; i <= 8; i++)
    g_string_append_printf (s, "%*s• R%u\n%*sReply number %u.\n", (int) (i + 2), "", i,
                            (int) (i + 5), "", i);
  g_string_append (s, "  2. Other\n     More.\n");
  g_autoptr(LmText) t = text_of (s->str);
  g_string_free (s, TRUE);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  const GArray *c = lm_segmentation_get_comments (seg);
  cr_assert_eq (c->len, 10, "2 comments and 8 replies, got %u", c->len);
  g_autofree char *four = lm_segmentation_comment_label (seg, 4);
  cr_expect_str_eq (four, "reply to R3's reply to R2's reply to R1's reply to Root's comment 1 by R4",
                    "four replies are named in full");
  g_autofree char *eight = lm_segmentation_comment_label (seg, 8);
  cr_expect_str_eq (eight, "reply to R7's reply to R6's reply to R5's reply to \u2026 Root's comment 1 by R8",
                    "past four, the thread's start follows \"…\"");
}

/* 20,000 quotations on one line: the spans' lines come from the line index,
 * not from counting characters from the start of the line for each span.
 * (Counting took 9 s for 10,000; the test allows 10 s for 20,000 under
 * sanitizers.) */
Test (segments, many_quotations_on_one_line, .timeout = 10)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 20000; i++)
    g_string_append (s, "\u201ca\u201d \u2018b\u2019 \"c\" ");
  g_string_append (s, "\nSecond line.\n");
  g_autoptr(LmText) t = text_of (s->str);
  g_string_free (s, TRUE);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_full_cover (t, seg);
  const GArray *spans = lm_segmentation_get_spans (seg);
  cr_assert_gt (spans->len, 40000, "a span a quotation at least, got %u", spans->len);
  const LmSpan *last = &g_array_index (spans, LmSpan, spans->len - 1);
  cr_expect_eq (last->last_line, 2, "the last span ends on line 2, got %u", last->last_line);
  cr_expect_eq (g_array_index (spans, LmSpan, spans->len / 2).first_line, 1, "the middle one is on line 1");
}

/* 100,000 replies at one indent below one numbered comment: each finds its
 * parent at once (a scan upwards took 240 s for 300,000). */
Test (segments, many_sibling_replies, .timeout = 10)
{
  GString *s = g_string_new ("Essay.\nLeave a comment\n  1. Anna\n       Text.\n  2. Ben\n       Text.\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "     \u2022 Cara\n         A reply.\n");
  g_autoptr(LmText) t = text_of (s->str);
  g_string_free (s, TRUE);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  const GArray *c = lm_segmentation_get_comments (seg);
  cr_assert_eq (c->len, 100002, "2 comments and 100,000 replies, got %u", c->len);
  cr_expect_eq (g_array_index (c, LmComment, c->len - 1).parent, 1, "the last reply answers comment 2");
}
