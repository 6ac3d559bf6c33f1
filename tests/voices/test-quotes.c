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
