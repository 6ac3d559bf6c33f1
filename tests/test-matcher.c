/* test-matcher.c - the matching rules of matcher.h, through the analyzer:
 * in-memory texts and lexicons, hits counted per category. */
#include <criterion/criterion.h>
#include <string.h>

#include "test-helpers.h"

#define LETTING_GO \
  "[motif letting-go]\n" \
  "description=Letting go\n" \
  "terms=let ~3 go;letting go\n" \
  "exclude=never let me go\n"

static void
expect_hits (const char *ini, const char *text, const char *id, guint64 want, const char *why)
{
  guint64 got = lmt_hits (ini, text, id);
  cr_expect_eq (got, want, "%s: \"%s\" should give %" G_GUINT64_FORMAT " %s hit(s), got %"
                G_GUINT64_FORMAT, why, text, want, id, got);
}

static void
expect_forms (const LmtRun *run, const char *id, const char *want, const char *why)
{
  g_autofree char *got = lmt_run_forms (run, id);
  cr_expect_str_eq (got, want, "%s: %s forms should be [%s], got [%s]", why, id, want, got);
}

/* ----------------------------------------------------------- exclusion */

Test (matcher, title_excluded)
{
  g_autoptr(LmtRun) run = lmt_run (LETTING_GO,
                                   "Never Let Me Go is a novel. Tommy lets his anger go.",
                                   LM_ANALYZE_FORMS);
  cr_expect_eq (lmt_run_hits (run, "letting-go"), 1,
                "the title is excluded, \"lets his anger go\" counts: 1 hit expected, got %" G_GUINT64_FORMAT,
                lmt_run_hits (run, "letting-go"));
  expect_forms (run, "letting-go", "lets \u2026 go", "the gapped hit");
}

Test (matcher, exclusion_only_where_it_overlaps)
{
  expect_hits (LETTING_GO, "Never let me go. Let it go.", "letting-go", 1,
               "an exclusion in one sentence does not suppress another");
  expect_hits (LETTING_GO, "never let me go", "letting-go", 0, "lower-case title");
  expect_hits (LETTING_GO, "Please let me go.", "letting-go", 1, "without \"never\" it is letting go");
}

Test (matcher, exclusion_only_in_its_category)
{
  const char *ini = LETTING_GO
    "[motif going]\ndescription=Going\nterms=go\n";
  g_autoptr(LmtRun) run = lmt_run (ini, "Never let me go.", LM_ANALYZE_COUNTS);
  cr_expect_eq (lmt_run_hits (run, "letting-go"), 0, "the title is excluded from letting-go");
  cr_expect_eq (lmt_run_hits (run, "going"), 1,
                "another category's exclusion does not suppress \"go\": 1 hit expected, got %" G_GUINT64_FORMAT,
                lmt_run_hits (run, "going"));
}

Test (matcher, exact_exclusion)
{
  const char *ini = "[motif completion]\ndescription=Completing\nterms=complete\nexclude==completely\n";
  g_autoptr(LmtRun) run = lmt_run (ini, "She completely changed. They complete. Donors completed it.",
                                   LM_ANALYZE_FORMS);
  cr_expect_eq (lmt_run_hits (run, "completion"), 2,
                "\"completely\" is excluded, \"complete\" and \"completed\" count: 2 expected, got %"
                G_GUINT64_FORMAT, lmt_run_hits (run, "completion"));
  expect_forms (run, "completion", "complete | completed", "excluded form absent");
}

/* ----------------------------------------------------- overlap in a category */

Test (matcher, longest_match_wins)
{
  const char *ini = "[motif hold]\ndescription=Holding\nterms=hold on;hold on to\n";
  g_autoptr(LmtRun) run = lmt_run (ini, "Hold on to me.", LM_ANALYZE_FORMS);
  cr_expect_eq (lmt_run_hits (run, "hold"), 1, "\"hold on to\" counts once, got %" G_GUINT64_FORMAT,
                lmt_run_hits (run, "hold"));
  expect_forms (run, "hold", "hold on to", "the longest term wins");

  g_autoptr(LmtRun) lg = lmt_run ("[motif lg]\ndescription=d\nterms=go;letting go\n",
                                  "Letting go.", LM_ANALYZE_FORMS);
  cr_expect_eq (lmt_run_hits (lg, "lg"), 1, "\"letting go\" counts once, got %" G_GUINT64_FORMAT,
                lmt_run_hits (lg, "lg"));
  expect_forms (lg, "lg", "letting go", "the longer term wins even when listed later");
}

Test (matcher, earliest_wins_on_equal_length)
{
  const char *ini = "[motif m]\ndescription=d\nterms=on to;hold on\n";
  g_autoptr(LmtRun) run = lmt_run (ini, "Hold on to me.", LM_ANALYZE_FORMS);
  cr_expect_eq (lmt_run_hits (run, "m"), 1, "overlapping equal-length matches count once");
  expect_forms (run, "m", "hold on", "the earliest of two equal-length matches wins");
}

Test (matcher, non_overlapping_matches_all_count)
{
  expect_hits ("[motif h]\ndescription=d\nterms=hope\n", "Hope, hope and more hope.", "h", 3,
               "three separate tokens");
  expect_hits ("[motif h]\ndescription=d\nterms=hope;=hope;hope*\n", "Hope.", "h", 1,
               "three terms on one token count once");
}

Test (matcher, token_counts_in_two_categories)
{
  const char *ini = "[motif anger]\ndescription=Anger\nterms=anger\n"
                    "[motif letting-go]\ndescription=Letting go\nterms=let ~3 go\n"
                    "[character tommy]\nterms=tommy\n";
  g_autoptr(LmtRun) run = lmt_run (ini, "Tommy lets his anger go.", LM_ANALYZE_COUNTS);
  cr_expect_eq (lmt_run_hits (run, "anger"), 1, "\"anger\" counts for anger");
  cr_expect_eq (lmt_run_hits (run, "letting-go"), 1, "\"lets his anger go\" counts for letting-go");
  cr_expect_eq (lmt_run_hits (run, "tommy"), 1, "\"Tommy\" counts for tommy");

  expect_hits ("[motif a]\ndescription=d\nterms=hope\n[motif b]\ndescription=d\nterms=hop*\n",
               "hopeful", "b", 1, "the same token in a second category");
}

/* ---------------------------------------------------------- phrases */

Test (matcher, phrase_stays_in_sentence)
{
  const char *adjacent = "[motif m]\ndescription=d\nterms=let go\n";
  const char *gapped = "[motif m]\ndescription=d\nterms=let ~3 go\n";
  expect_hits (adjacent, "let go", "m", 1, "adjacent, one sentence");
  expect_hits (adjacent, "let. Go", "m", 0, "across '.'");
  expect_hits (adjacent, "let! go", "m", 0, "across '!'");
  expect_hits (adjacent, "let\u2026go", "m", 0, "across an ellipsis");
  expect_hits (adjacent, "let\n\ngo", "m", 0, "across a paragraph break");
  expect_hits (adjacent, "let\ngo", "m", 1, "a single line break is not a boundary");
  expect_hits (adjacent, "let, go", "m", 1, "a comma is not a boundary");
  expect_hits (gapped, "Let it. Go now", "m", 0, "a gap does not cross a sentence either");
}

Test (matcher, gap_limit)
{
  const char *gap3 = "[motif m]\ndescription=d\nterms=let ~3 go\n";
  const char *gap4 = "[motif m]\ndescription=d\nterms=let ~4 go\n";
  const char *adjacent = "[motif m]\ndescription=d\nterms=let go\n";
  expect_hits (gap3, "let one two three four go", "m", 0, "4 words exceed a gap of 3");
  expect_hits (gap4, "let one two three four go", "m", 1, "4 words within a gap of 4");
  expect_hits (gap3, "let one two three go", "m", 1, "3 words within a gap of 3");
  expect_hits (adjacent, "let it go", "m", 0, "no gap: adjacent only");

  g_autoptr(LmtRun) run = lmt_run (gap4, "let one two three four go", LM_ANALYZE_FORMS);
  expect_forms (run, "m", "let \u2026 go", "a gap shows as \"…\"");
}

Test (matcher, nearest_element_taken)
{
  g_autoptr(LmtRun) run = lmt_run ("[motif m]\ndescription=d\nterms=let ~3 go\n", "let go go",
                                   LM_ANALYZE_FORMS);
  cr_expect_eq (lmt_run_hits (run, "m"), 1, "one hit expected, got %" G_GUINT64_FORMAT,
                lmt_run_hits (run, "m"));
  expect_forms (run, "m", "let go", "the nearest \"go\" is taken: the match is as short as it can be");
}

Test (matcher, stop_words_in_phrases)
{
  const char *ini = "[motif m]\ndescription=d\nterms=let me go;the end\n";
  expect_hits (ini, "Please let me go.", "m", 1, "\"me\" (a stop word) takes part");
  expect_hits (ini, "The end.", "m", 1, "\"the\" (a stop word) starts a phrase");

  /* make sure the helper's stop list does flag "me" and "the" */
  g_autoptr(LmStoplist) stop = lmt_stoplist ();
  cr_expect (lm_stoplist_contains (stop, "me", -1) && lm_stoplist_contains (stop, "the", -1),
             "the test stop list holds \"me\" and \"the\"");
}

Test (matcher, hyphenated_text_and_terms)
{
  expect_hits ("[motif g]\ndescription=d\nterms=coming of age\n", "A coming-of-age novel.", "g", 1,
               "\"coming-of-age\" in text matches \"coming of age\"");
  expect_hits ("[motif g]\ndescription=d\nterms=sci-fi\n", "It is sci fi, or sci-fi.", "g", 2,
               "\"sci-fi\" term matches both spellings");
}

Test (matcher, curly_apostrophes)
{
  expect_hits ("[character k]\nterms=kathy\n", "Kathy\u2019s memories", "k", 1,
               "the possessive \"Kathy’s\" has the stem of \"kathy\"");
  expect_hits ("[motif d]\ndescription=d\nterms==don't\n", "I don\u2019t. DON'T!", "d", 2,
               "an exact term with \"'\" matches \"’\"");
}

/* ------------------------------------------------------ sentences cut */

Test (matcher, long_sentence_cut)
{
  const char *ini = "[motif m]\ndescription=d\nterms=let go\n";
  /* "let" is token LM_ANALYZER_MAX_SENTENCE - 1: "go" falls in the next piece */
  GString *cut = g_string_new (NULL);
  for (guint i = 0; i < LM_ANALYZER_MAX_SENTENCE - 1; i++)
    g_string_append (cut, "x ");
  g_string_append (cut, "let go");
  expect_hits (ini, cut->str, "m", 0, "a phrase does not span the cut of a long sentence");

  /* one filler less: both words in the first piece */
  g_string_erase (cut, 0, 2);
  expect_hits (ini, cut->str, "m", 1, "a phrase inside the first piece");
  g_string_free (cut, TRUE);
}

/* The vocabulary is emptied between texts once it holds more than the
 * analyzer's limit (LM_ANALYZER_MAX_VOCAB), and counts do not change. */
Test (matcher, vocabulary_bounded_between_texts)
{
  cr_expect_eq (LM_ANALYZER_MAX_VOCAB, 1u << 20, "the documented default: 1,048,576 words");
  g_autoptr(LmLexicon) lex = lmt_lexicon (LETTING_GO);
  g_autoptr(LmStoplist) stop = lmt_stoplist ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LmAnalyzer) an = lm_analyzer_new (lex, stop, &error);
  cr_assert_not_null (an, "lm_analyzer_new: %s", error ? error->message : "?");
  lm_analyzer_set_max_vocab (an, 10);

  const char *texts[] = {
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu. Let it go.",
    "Let them go, said nu xi omicron.",
    "Let them go again.",
  };
  /* text 1: alpha..mu, let, it, go: 15 words, over the limit of 10, so text 2
   * starts afresh (7 words); 7 is under it, so text 3 adds "again" to them */
  guint want_size[] = { 15, 7, 8 };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(LmText) t = lm_text_new_from_data ("<test>", texts[i], -1, LM_TEXT_NONE, &error);
      cr_assert_not_null (t, "test text %u", i);
      g_autoptr(LmDocStats) stats = lm_analyzer_analyze (an, t, NULL, LM_ANALYZE_FORMS);
      guint size = lm_vocab_size (lm_analyzer_get_vocab (an));
      cr_expect_eq (size, want_size[i], "text %u: %u words in the vocabulary expected, got %u "
                    "(emptied only when over the limit before a text)", i, want_size[i], size);
      cr_expect_eq (lm_doc_stats_hits (stats, LM_VOICE_ALL, 0), 1,
                    "text %u: one letting-go hit whether or not the vocabulary was emptied", i);
    }
}

/* ----------------------------------------------------- counts, evidence */

Test (matcher, words_count_every_token)
{
  const char *text = "Never Let Me Go is a novel. Tommy lets his anger go.";
  g_autoptr(LmtRun) run = lmt_run (LETTING_GO, text, LM_ANALYZE_COUNTS);
  g_autoptr(GArray) tokens = lmt_tokenize (text, -1);
  cr_expect_eq (tokens->len, 12, "12 word tokens in the text, got %u", tokens->len);
  cr_expect_eq (run->stats->words[LM_VOICE_ALL], tokens->len,
                "words counts every token, stop words included: %u expected, got %" G_GUINT64_FORMAT,
                tokens->len, run->stats->words[LM_VOICE_ALL]);
  cr_expect_eq (run->stats->words[LM_VOICE_CRITIC], 0, "without segmentation only \"all\" counts");

  g_autoptr(LmtRun) none = lmt_run (LETTING_GO, "1984 (273-274) -- !", LM_ANALYZE_COUNTS);
  cr_expect_eq (none->stats->words[LM_VOICE_ALL], 0, "no word in numbers and punctuation");
}

Test (matcher, counts_only_keeps_no_forms)
{
  g_autoptr(LmtRun) run = lmt_run (LETTING_GO, "Let it go.", LM_ANALYZE_COUNTS);
  cr_expect_eq (lmt_run_hits (run, "letting-go"), 1, "one hit");
  expect_forms (run, "letting-go", "", "LM_ANALYZE_COUNTS keeps no forms");
  cr_expect_eq (run->stats->evidence->len, 0, "LM_ANALYZE_COUNTS keeps no evidence");
}

Test (matcher, forms_counted)
{
  g_autoptr(LmtRun) run = lmt_run ("[motif h]\ndescription=d\nterms=hope\n",
                                   "Hoping. HOPING, hope and hopes.", LM_ANALYZE_FORMS);
  expect_forms (run, "h", "hoping | hope | hopes", "forms sorted by count, then form");
  guint cat = (guint) lm_lexicon_find_category (run->lexicon, "h");
  cr_expect_eq (lm_doc_stats_form_count (run->stats, LM_VOICE_ALL, cat, "hoping"), 2,
                "\"hoping\" (folded) seen twice");
  cr_expect_eq (lm_doc_stats_form_count (run->stats, LM_VOICE_ALL, cat, "hopes"), 1, "\"hopes\" once");
  cr_expect_eq (lm_doc_stats_form_count (run->stats, LM_VOICE_ALL, cat, "hopeful"), 0, "\"hopeful\" never");
}

Test (matcher, evidence_positions)
{
  const char *text = "Never Let Me Go.\nTommy lets his anger go.";
  g_autoptr(LmtRun) run = lmt_run (LETTING_GO, text, LM_ANALYZE_EVIDENCE);
  cr_assert_eq (run->stats->evidence->len, 1, "one piece of evidence expected, got %u",
                run->stats->evidence->len);
  const LmEvidence *e = &g_array_index (run->stats->evidence, LmEvidence, 0);
  gsize start = (gsize) (strstr (text, "lets") - text), end = strlen (text) - 1;
  cr_expect (e->start == start && e->end == end, "the hit spans \"lets his anger go\" [%zu, %zu), got [%zu, %zu)",
             start, end, e->start, e->end);
  cr_expect (e->line == 2 && e->col == 7, "the hit starts at 2:7, got %u:%u", e->line, e->col);
  cr_expect_str_eq (e->form, "lets \u2026 go", "the evidence form, got \"%s\"", e->form);
}
