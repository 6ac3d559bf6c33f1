/* quotes.h - finding quotations in one paragraph of prose.
 *
 * Quotation marks: “ ” and « » pair; a straight " opens or closes; ‘ opens
 * a single quote that ’ closes, except that ’ between two letters is an
 * apostrophe ("didn’t") and a ’ with no ‘ open is a plural possessive
 * ("students’").  Quotes nest (‘ ’ inside “ ”); only the outermost quote is
 * reported.  A quote still open at the end of the paragraph is bounded there
 * and reported as unclosed, so it cannot swallow the rest of the essay.
 *
 * After a closing mark, a page citation "(93)", "(273-274)" (after at most
 * three spaces or punctuation marks) is part of the quotation; four digits
 * from 1500 to 2099 are a year ("The Remains of the Day" (1989)), not a page.
 *
 * Thread safety: pure function.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize start, end;  /* from the opening mark to past the closing mark or the citation */
  gsize inner_start, inner_end; /* the quoted words */
  gboolean unclosed;
  char *page;        /* the page citation, or NULL */
} LmQuote;

/* Finds the outermost quotations in @data[@start, @end).  Returns: (transfer
 * full) an array of LmQuote in text order; free each page with g_free (use
 * lm_quotes_free). */
GArray *lm_find_quotes (const char *data, gsize start, gsize end);
void lm_quotes_free (GArray *quotes);

G_END_DECLS
