/* test-quotes.c - quotation marks in one paragraph. */
#include <criterion/criterion.h>
#include <string.h>

#include "analysis/quotes.h"

static GArray *
find (const char *s)
{
  return lm_find_quotes (s, 0, strlen (s));
}

static char *
quoted (const char *s, const LmQuote *q)
{
  return g_strndup (s + q->inner_start, q->inner_end - q->inner_start);
}

Test (quotes, none)
{
  GArray *q = find ("No quotation here, only Tommy’s anger and the students’ hopes.");
  cr_expect_eq (q->len, 0, "apostrophes and possessives are not quotes, got %u", q->len);
  lm_quotes_free (q);
}

Test (quotes, curly_and_straight)
{
  const char *s = "She is \"typical\" and “complete” and ‘donors’.";
  GArray *q = find (s);
  cr_assert_eq (q->len, 3);
  const char *want[] = { "typical", "complete", "donors" };
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *got = quoted (s, &g_array_index (q, LmQuote, i));
      cr_expect_str_eq (got, want[i], "quote %u", i);
      cr_expect (!g_array_index (q, LmQuote, i).unclosed);
    }
  lm_quotes_free (q);
}

Test (quotes, nested_reports_outermost)
{
  const char *s = "“Laura shouted: ‘Tommy! What have you been doing?’ …Tommy came to a halt.” (93)";
  GArray *q = find (s);
  cr_assert_eq (q->len, 1, "one outer quotation, got %u", q->len);
  LmQuote *x = &g_array_index (q, LmQuote, 0);
  cr_expect_str_eq (x->page, "93", "the page citation belongs to the quotation");
  cr_expect_eq (x->end, strlen (s), "the span runs through the citation");
  lm_quotes_free (q);
}

Test (quotes, apostrophe_inside_single_quote)
{
  const char *s = "the idea of ‘never let me go’ and ‘Kathy’s tape’ too";
  GArray *q = find (s);
  cr_assert_eq (q->len, 2);
  g_autofree char *second = quoted (s, &g_array_index (q, LmQuote, 1));
  cr_expect_str_eq (second, "Kathy’s tape", "’ between letters does not close");
  lm_quotes_free (q);
}

Test (quotes, page_ranges_and_dashes)
{
  const char *s = "“kicking out” (273-274). And “held them” (274). And “x” (12–13)";
  GArray *q = find (s);
  cr_assert_eq (q->len, 3);
  cr_expect_str_eq (g_array_index (q, LmQuote, 0).page, "273-274");
  cr_expect_str_eq (g_array_index (q, LmQuote, 1).page, "274");
  cr_expect_str_eq (g_array_index (q, LmQuote, 2).page, "12–13");
  lm_quotes_free (q);
}

Test (quotes, parenthesis_that_is_not_a_page)
{
  const char *s = "“Never Let Me Go” (2005 edition)";
  GArray *q = find (s);
  cr_assert_eq (q->len, 1);
  cr_expect_null (g_array_index (q, LmQuote, 0).page, "“(2005 edition)” is not a page citation");
  lm_quotes_free (q);
}

Test (quotes, unclosed_is_bounded_and_flagged)
{
  const char *s = "He said “this never ends and goes on";
  GArray *q = find (s);
  cr_assert_eq (q->len, 1);
  LmQuote *x = &g_array_index (q, LmQuote, 0);
  cr_expect (x->unclosed, "flagged unclosed");
  cr_expect_eq (x->end, strlen (s), "bounded at the end of the range given");
  lm_quotes_free (q);
}

Test (quotes, stray_closer_is_ignored)
{
  GArray *q = find ("a stray ” closer and a possessive students’ here");
  cr_expect_eq (q->len, 0);
  lm_quotes_free (q);
}

/* Each closing mark finds its opener without scanning the stack: in 200,000
 * groups of “ ‘ " every other " closes the one before, dropping the marks
 * opened after it, so the stack grows by two marks every two groups; a scan
 * of the stack per mark took minutes.  The first mark's quotation takes in
 * (nearly) all of it: only the outermost quotation is reported. */
Test (quotes, deep_unbalanced_nesting_is_linear, .timeout = 10)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 200000; i++)
    g_string_append (s, "\u201c\u2018\"x ");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "\u201d\u2019\" ");
  GArray *q = lm_find_quotes (s->str, 0, s->len);
  cr_assert (q->len >= 1 && q->len <= 2, "one or two outermost quotations, got %u", q->len);
  LmQuote *x = &g_array_index (q, LmQuote, 0);
  cr_expect (x->start == 0 && x->end > s->len - 16,
             "from the first mark to (nearly) the end: %zu-%zu of %zu", x->start, x->end, s->len);
  lm_quotes_free (q);
  g_string_free (s, TRUE);
}

/* Closing an outer mark closes the marks opened inside it, and a later
 * closer of an inner kind then finds nothing open (as before). */
Test (quotes, closing_outer_drops_inner)
{
  const char *s = "a “b ‘c \"d” e’ f\" g";
  GArray *q = find (s);
  cr_assert_eq (q->len, 2, "“b ‘c \"d” and the straight quote \" g..., got %u", q->len);
  g_autofree char *first = quoted (s, &g_array_index (q, LmQuote, 0));
  cr_expect_str_eq (first, "b ‘c \"d");
  cr_expect (g_array_index (q, LmQuote, 1).unclosed, "the \" after f opens a quote that never closes");
  lm_quotes_free (q);
}
