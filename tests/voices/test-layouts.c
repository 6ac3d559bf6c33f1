/* test-layouts.c - the voices of page layouts seen on real pages, in short
 * lines written for the purpose (tests/data/real/ holds the real pages,
 * never committed), and the voice-rules file. */
#include <criterion/criterion.h>
#include <string.h>

#include "analysis/segmenter.h"
#include "analysis/voice-rules.h"
#include "core/lm-error.h"

static LmText *
text_of (const char *s)
{
  LmText *t = lm_text_new_from_data ("<test>", s, -1, LM_TEXT_NONE, NULL);
  cr_assert_not_null (t);
  return t;
}

/* The span covering the first non-blank byte of the first line that
 * contains @needle. */
static const LmSpan *
span_with (LmText *t, const LmSegmentation *seg, const char *needle)
{
  const char *data = lm_text_get_data (t, NULL);
  const char *at = strstr (data, needle);
  cr_assert_not_null (at, "\"%s\" is in the text", needle);
  const LmSpan *sp = lm_segmentation_span_at (seg, (gsize) (at - data));
  cr_assert_not_null (sp);
  return sp;
}

static void
expect_voice (LmText *t, const LmSegmentation *seg, const char *needle, LmVoice voice)
{
  const LmSpan *sp = span_with (t, seg, needle);
  cr_expect_eq (sp->voice, voice, "\"%s\": %s (rule %s), want %s", needle,
                lm_voice_to_string (sp->voice), sp->rule, lm_voice_to_string (voice));
}

#define PROSE1 "The novel follows three friends who grow up in a school that hides its purpose from them.\n"
#define PROSE2 "What stays with me is how calmly the narrator tells us about the end of her friends.\n"

Test (layouts, blog_post_with_a_comment_section)
{
  const char *s = "My Review of a Quiet Novel\nPosted by Jane on March 3, 2012\n\n" PROSE1 "\n" PROSE2
                  "\nShare this:\nTwitter\nFacebook\n\n"
                  "2 thoughts on \"My Review of a Quiet Novel\"\n"
                  "Tom Smith says:\nMarch 4, 2012 at 9:15 am\n"
                  "I loved this review, and I think the ending of the novel is the best part of it.\n"
                  "Reply\nAnn says:\nMarch 5, 2012 at 10:00 pm\n"
                  "I did not agree at all: the book bored me from the first page to the very last one.\n"
                  "Reply\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "My Review", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Posted by", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);
  expect_voice (t, seg, "What stays", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Share this", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Tom Smith says", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "I loved this review", LM_VOICE_COMMENT);
  expect_voice (t, seg, "I did not agree", LM_VOICE_COMMENT);
  const GArray *comments = lm_segmentation_get_comments (seg);
  cr_assert_eq (comments->len, 2, "two comments, got %u", comments->len);
  cr_expect_str_eq (g_array_index (comments, LmComment, 0).commenter, "Tom Smith");
  cr_expect_str_eq (g_array_index (comments, LmComment, 1).commenter, "Ann");
}

Test (layouts, forum_thread_without_separators_between_posts)
{
  const char *s = "Do you think this novel is science fiction?\n\n\nNew Member\nJul 20, 2021\n"
                  "It is a love story about clones, but it does not feel like science fiction to me at all.\n"
                  "Nor to me. The possibility is all too real for it to be science fiction, sadly enough.\n"
                  "It is about clones, so yes, of course it is, whatever the marketing says about it.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Do you think", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "New Member", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "It is a love story", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Nor to me", LM_VOICE_COMMENT);
  expect_voice (t, seg, "It is about clones", LM_VOICE_COMMENT);
  cr_expect_eq (lm_segmentation_get_comments (seg)->len, 2, "a post a line");
}

Test (layouts, community_reviews_the_first_is_the_main_author)
{
  const char *s = "Community Reviews\n\nRating(3.9 / 5.0, 97 votes)\n5 stars\n29(30%)\n4 stars\n30(31%)\n"
                  "April 25,2025\n... Show More\n" PROSE1 "\n" PROSE2
                  "April 26,2025\n... Show More\n"
                  "Another reader thought the whole book was far too slow and did not finish it.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Rating", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "29(30%)", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);
  expect_voice (t, seg, "What stays", LM_VOICE_CRITIC);
  expect_voice (t, seg, "April 26", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Another reader", LM_VOICE_COMMENT);
}

Test (layouts, notices_ads_headings_and_bylines)
{
  const char *s = "We use cookies to improve your experience. By continuing to use this site you accept them.\n\n"
                  "Get a Custom Essay Writer Just For You!\n\nHire a Writer\n\n"
                  "By Mary Jones\n\n" PROSE1 "\nMemory and loss\n\n" PROSE2
                  "\nThe narrator puts it best when she says:\n\n"
                  "\"We all knew it was coming, and none of us ever spoke of it in all those years.\" (274)\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "We use cookies", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Custom Essay", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Hire a Writer", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "By Mary", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Memory and loss", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);
  /* A line ending in a colon introduces what follows: not a heading. */
  expect_voice (t, seg, "puts it best", LM_VOICE_CRITIC);
  expect_voice (t, seg, "We all knew", LM_VOICE_QUOTATION);
}

Test (layouts, introduced_quotation_until_the_poster_speaks_again)
{
  const char *s = "Book club: our pick for November\n\n" PROSE1
                  "Here is the full synopsis from the publisher:\n\n"
                  "Hailsham seems like a pleasant English boarding school, far from the influences of the city.\n\n"
                  "Within its grounds the students grow up, and only later do they learn the truth about it.\n"
                  "Unfortunately the book is easy to spoil, so I will not post anything specific yet.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Hailsham seems", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "Within its grounds", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "Unfortunately", LM_VOICE_CRITIC);
  cr_expect_str_eq (span_with (t, seg, "Hailsham seems")->rule, "introduced");
}

Test (layouts, epigraph_with_its_source_line)
{
  const char *s = "Hope is the thing with feathers that perches in the soul.\n— Emily Dickinson\n\n"
                  PROSE1 "\n" PROSE2;
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Hope is the thing", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "Emily Dickinson", LM_VOICE_QUOTATION);
  cr_expect_str_eq (span_with (t, seg, "Hope is the thing")->rule, "epigraph");
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);
}

Test (layouts, a_cut_sentence_at_the_end_is_prose)
{
  const char *s = "A Title Here\n\n" PROSE1 "\n" PROSE2 "\nAs in her previous novels, this is\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "A Title Here", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "As in her previous", LM_VOICE_CRITIC);
}

Test (layouts, a_page_without_prose_is_not_scored)
{
  const char *s = "Short note.\nAnother line\nA third one\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Short note", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Another line", LM_VOICE_CRITIC);
}

/* ---- the rules file ------------------------------------------------ */

static void
expect_rules_error (const char *data, const char *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmVoiceRules) r = lm_voice_rules_new_from_data ("v.ini", data, -1, &error);
  cr_assert_null (r, "rejected: %s", data);
  cr_assert_not_null (error);
  cr_expect (g_error_matches (error, LM_ERROR, LM_ERROR_SYNTAX), "%s", error->message);
  cr_expect (strstr (error->message, want) != NULL, "\"%s\" in \"%s\"", want, error->message);
}

Test (voice_rules, errors_name_file_and_line)
{
  expect_rules_error ("[settings]\nthreshold=1\nno_such=2\n", "v.ini:3: unknown setting \"no_such\"");
  expect_rules_error ("[settings]\nthreshold=abc\n", "v.ini:2: setting threshold");
  expect_rules_error ("[settings]\nshort_words=2.5\n", "v.ini:2: setting short_words");
  expect_rules_error ("\n[cue x]\nrole=nonsense\npatterns=a\n", "v.ini:3: unknown role \"nonsense\"");
  expect_rules_error ("[cue x]\nrole=boilerplate\npatterns=(unclosed\n", "v.ini:3: [cue x] pattern \"(unclosed\"");
  expect_rules_error ("[cue x]\nrole=boilerplate\n", "v.ini:1: [cue x] needs patterns=");
  expect_rules_error ("[cue x]\npatterns=a\n", "v.ini:1: [cue x] needs role=");
  expect_rules_error ("[cue x]\nrole=boilerplate\npatterns=a\nweight=heavy\n", "v.ini:4: [cue x] weight");
  expect_rules_error ("[cue x]\nrole=boilerplate\npatterns=a\ncolour=red\n", "v.ini:4: unknown key \"colour\"");
  expect_rules_error ("[somewhere]\nk=v\n", "v.ini:1: unknown group [somewhere]");
  expect_rules_error ("[function-words]\nlist=a\n", "v.ini:1: [function-words] needs words=");
}

Test (voice_rules, the_built_in_file_loads_and_a_cue_changes_a_decision)
{
  const LmVoiceRules *def = lm_voice_rules_get_default ();
  cr_assert_not_null (def);
  cr_expect_gt (lm_voice_rules_get_cues (def)->len, 10);
  cr_expect (lm_voice_rules_is_function_word (def, "the"));
  cr_expect (!lm_voice_rules_is_function_word (def, "novel"));
  /* A pattern keeps its backslashes and "\;" is a semicolon inside one. */
  g_autoptr(GError) error = NULL;
  g_autoptr(LmVoiceRules) r = lm_voice_rules_new_from_data (
      "v.ini", "[cue sponsor]\nrole=boilerplate\nweight=2\npatterns=^brought to you by\\b.*\\;;^zzz$\n", -1, &error);
  cr_assert_not_null (r, "%s", error ? error->message : "");
  const char *s = "Brought to you by Acme;\n" PROSE1 "\n" PROSE2;
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) with = lm_segment_text_with_rules (t, r, NULL);
  expect_voice (t, with, "Brought to you", LM_VOICE_BOILERPLATE);
  cr_expect_str_eq (span_with (t, with, "Brought to you")->rule, "sponsor");
}

Test (layouts, blogger_comments_and_the_main_author_posting_again)
{
  const char *s = "Book Review: A Quiet Novel\n\n" PROSE1 "\n" PROSE2 "\n\n"
                  "Carl V. said...\n\nI have seen this book so many times but never bothered to look it over until now.\n\n"
                  "me said...\n\nCarl, I love your avatar! I saw this book many times too and it is worth the read.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Carl V. said", LM_VOICE_BOILERPLATE);
  /* A "NAME said..." header is evidence enough of a comment section. */
  expect_voice (t, seg, "I have seen this book", LM_VOICE_COMMENT);
  expect_voice (t, seg, "Carl, I love", LM_VOICE_COMMENT);
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);
  cr_expect_eq (lm_segmentation_get_comments (seg)->len, 2);
  const char *forum = "message 1: by Diane , Tour Guide - rated it 4 stars\n\n"
                       "Diane started the discussion here for the novel by its author, and welcomes everyone.\n\n"
                       "message 2: by Diane , Tour Guide - rated it 4 stars\n\n"
                       "Here is the synopsis of the novel from the publisher, for those who have not read it yet.\n\n"
                       "message 3: by Tom , Reader - rated it 2 stars\n\n"
                       "I found the whole book slow and I did not finish it, I am afraid, sorry to say so.\n";
  g_autoptr(LmText) t2 = text_of (forum);
  g_autoptr(LmSegmentation) seg2 = lm_segment_text (t2, NULL);
  expect_voice (t2, seg2, "Diane started", LM_VOICE_CRITIC);
  expect_voice (t2, seg2, "Here is the synopsis", LM_VOICE_CRITIC); /* Diane again */
  expect_voice (t2, seg2, "I found the whole", LM_VOICE_COMMENT);
  expect_voice (t2, seg2, "message 2", LM_VOICE_BOILERPLATE);
  const GArray *c = lm_segmentation_get_comments (seg2);
  cr_assert_eq (c->len, 1);
  cr_expect_str_eq (g_array_index (c, LmComment, 0).commenter, "Tom");
}

Test (layouts, a_hard_wrapped_passage_in_a_page_of_long_lines)
{
  const char *s = "Lines I Loved\n\n" PROSE1 "\n" PROSE2 "\n"
                  "I half-closed my eyes and imagined this was the spot where everything I had ever\n"
                  "lost since my childhood had washed up, and I was now standing here in front\n"
                  "of it, and if I waited long enough, a tiny figure would appear on the horizon.\n\n"
                  "That passage is the heart of the book for me, and I reread it whenever I can.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "I half-closed", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "of it, and if", LM_VOICE_QUOTATION);
  cr_expect_str_eq (span_with (t, seg, "I half-closed")->rule, "wrapped-block");
  expect_voice (t, seg, "That passage", LM_VOICE_CRITIC);
  /* A page wrapped throughout (a plain-text book) has no such block. */
  const char *book = "It was the best of times, it was the worst of times, it was the age of\n"
                     "wisdom, it was the age of foolishness, it was the epoch of belief, it was\n"
                     "the epoch of incredulity, it was the season of Light, it was the season\n"
                     "of Darkness, it was the spring of hope, it was the winter of despair.\n";
  g_autoptr(LmText) t2 = text_of (book);
  g_autoptr(LmSegmentation) seg2 = lm_segment_text (t2, NULL);
  expect_voice (t2, seg2, "wisdom, it was", LM_VOICE_CRITIC);
}

Test (layouts, reviews_introduced_with_a_colon)
{
  const char *s = "Our October pick\n\n" PROSE1 "\nHere are two reviews from a bookshop site:\n\n"
                  "The author's brilliant new book returns to the themes he first addressed in his earlier novels.\n\n"
                  "On its surface the novel tells the story of three young people who meet as children at school.\n\n"
                  "I agree with both of them, and I think you will enjoy the discussion next week.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "The author's brilliant", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "On its surface", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "I agree with both", LM_VOICE_CRITIC);
}

Test (layouts, a_discussion_thread_with_handles_points_and_actions)
{
  const char *s = "Is the novel science fiction? I finished it last night and I still cannot decide what it is.\n"
                  "I think the school scenes carry the book, and the ending hit me harder than I expected.\n"
                  "Reply Share Report Save\n\n"
                  "u/bookworm42\n12 points · 2y\n"
                  "It is science fiction in its premise and a boarding-school novel in everything else.\n"
                  "Reply Share Report Save\n\n"
                  "u/quietreader\n3 points · 2y\n"
                  "I read it as a love story first, and the clones were only the setting for me.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "I think the school", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Reply Share", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "u/bookworm42", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "It is science fiction in its premise", LM_VOICE_COMMENT);
  expect_voice (t, seg, "I read it as a love story", LM_VOICE_COMMENT);
  const GArray *c = lm_segmentation_get_comments (seg);
  cr_assert_eq (c->len, 2);
  cr_expect_str_eq (g_array_index (c, LmComment, 0).commenter, "bookworm42");
}

Test (layouts, press_quotes_quoted_messages_and_nested_replies)
{
  const char *jacket = "A Quiet Novel\n\n'Brilliantly executed.'\nMARGARET ATWOOD\n\n'Masterly.'\nSUNDAY TIMES\n\n"
                       PROSE1 "\n" PROSE2;
  g_autoptr(LmText) t = text_of (jacket);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Brilliantly", LM_VOICE_QUOTATION);
  expect_voice (t, seg, "MARGARET ATWOOD", LM_VOICE_QUOTATION);
  cr_expect_str_eq (span_with (t, seg, "Masterly")->rule, "press-quote");
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);

  /* the poster's own paragraphs, parted by blank lines */
  const char *mail = "Re: the novel\n\nOn Fri, 29 Dec 2006 13:09:35 -0500, Amy Bennett wrote:\n"
                     "> I found the ending very hard to bear, and the class was hung up on the science.\n"
                     "> Did anyone else feel that way about it?\n\n" PROSE1 "\n" PROSE2 "\n";
  g_autoptr(LmText) t2 = text_of (mail);
  g_autoptr(LmSegmentation) seg2 = lm_segment_text (t2, NULL);
  expect_voice (t2, seg2, "> I found the ending", LM_VOICE_COMMENT);
  expect_voice (t2, seg2, "> Did anyone", LM_VOICE_COMMENT);
  cr_expect_str_eq (span_with (t2, seg2, "> I found")->rule, "quoted-message");
  expect_voice (t2, seg2, "On Fri", LM_VOICE_BOILERPLATE);
  expect_voice (t2, seg2, "The novel follows", LM_VOICE_CRITIC);

  const char *wp = PROSE1 "\n" PROSE2 "\n"
                   "  1. i honestly like that you feel different ways when you read it again and again\n\n"
                   "    1. Isn't that the best thing about books? We read them at different times in our lives.\n";
  g_autoptr(LmText) t3 = text_of (wp);
  g_autoptr(LmSegmentation) seg3 = lm_segment_text (t3, NULL);
  expect_voice (t3, seg3, "i honestly like", LM_VOICE_COMMENT);
  expect_voice (t3, seg3, "Isn't that the best", LM_VOICE_COMMENT);
  const GArray *c = lm_segmentation_get_comments (seg3);
  cr_assert_eq (c->len, 2);
  cr_expect_eq (g_array_index (c, LmComment, 1).parent, 0, "the nested 1. replies to the first");
}

Test (layouts, discourse_posts_parted_by_two_blank_lines)
{
  const char *s = "'A Quiet Novel' is a haunting tale\n\nOriginally published at: https://example.org/a-quiet-novel\n\n\n"
                  "Shortly after the start, the school turns out to be something else entirely, and the reader knows it.\n\n\n"
                  "Roger that, I enjoyed the first part of the audiobook much more than the rest of it.\n\n\n"
                  "Co-signed, an interesting book worth reading, though the ending drags on a little too long.\n\n"
                  "1 Like\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Shortly after the start", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Roger that", LM_VOICE_COMMENT);
  expect_voice (t, seg, "Co-signed", LM_VOICE_COMMENT);
  cr_expect_eq (lm_segmentation_get_comments (seg)->len, 2);
}

Test (layouts, posts_headed_by_dates_or_handles_alone)
{
  /* No other thread cue: three post headers or more make the thread. */
  const char *dates = "Chat about a quiet novel\n\nJul 4, 2011, 1:16pm\n\n"
                      "Loved it? Hated it? Tell us everything you thought about the book in this thread.\n\n"
                      "Jul 4, 2011, 1:21pm\n\n"
                      "Wow, I found a marvellously obsessive site about the book and all of its spin-offs.\n\n"
                      "Jul 7, 2011, 5:26am\n\n"
                      "I started reading this on the metro last night and I am now halfway through it.\n";
  g_autoptr(LmText) t = text_of (dates);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "Loved it?", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Jul 4, 2011, 1:21pm", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "Wow, I found", LM_VOICE_COMMENT);
  expect_voice (t, seg, "I started reading", LM_VOICE_COMMENT);

  const char *handles = "r/books • u/reader_one • Mar 01 '12\nIs this novel science fiction or fantasy?\n"
                        "u/second_reader Mar 01 '12\nWhat might make it fantasy? I have not read the books, but I saw nothing magical.\n1\n"
                        "u/third_reader Mar 02 '12\nSome of the little things in the story might make it fantasy, I think, in the end.\n3\n"
                        "u/fourth_reader Mar 02 '12\nIt reads as science fiction to me, and the author says so in interviews.\n";
  g_autoptr(LmText) t2 = text_of (handles);
  g_autoptr(LmSegmentation) seg2 = lm_segment_text (t2, NULL);
  expect_voice (t2, seg2, "u/second_reader", LM_VOICE_BOILERPLATE);
  expect_voice (t2, seg2, "Some of the little things", LM_VOICE_COMMENT);
  expect_voice (t2, seg2, "It reads as science fiction", LM_VOICE_COMMENT);
  const GArray *c = lm_segmentation_get_comments (seg2);
  cr_assert_geq (c->len, 2);
  cr_expect_str_eq (g_array_index (c, LmComment, c->len - 1).commenter, "fourth_reader");
}

/* A book-club write-up followed by its members' remarks under a heading that
 * names them ("Comments from other members:"), and a post closed by a
 * separator and an action ("· Flag") or a tally of likes. */
Test (layouts, members_remarks_under_a_heading_and_flag_footers)
{
  const char *s = "Our Book Club Read\n\n" PROSE1 "\n" PROSE2 "\n\n"
                  "Comments from other members:\n"
                  "  - I found the middle chapters slow, but the last part made up for all of it.\n"
                  "  - The narrator's calm voice is what I will remember, more than the plot itself.\n";
  g_autoptr(LmText) t = text_of (s);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  expect_voice (t, seg, "The novel follows", LM_VOICE_CRITIC);
  expect_voice (t, seg, "Comments from other", LM_VOICE_BOILERPLATE);
  expect_voice (t, seg, "I found the middle", LM_VOICE_COMMENT);
  expect_voice (t, seg, "The narrator's calm", LM_VOICE_COMMENT);

  const char *f = PROSE1 "\n" PROSE2 "\n· Flag\nMary and 12 other people liked this\n";
  g_autoptr(LmText) tf = text_of (f);
  g_autoptr(LmSegmentation) sf = lm_segment_text (tf, NULL);
  expect_voice (tf, sf, "· Flag", LM_VOICE_BOILERPLATE);
  expect_voice (tf, sf, "Mary and 12", LM_VOICE_BOILERPLATE);
  expect_voice (tf, sf, "The novel follows", LM_VOICE_CRITIC);
}
