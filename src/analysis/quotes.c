/* quotes.c - quotation marks in a paragraph, with a stack for nesting. */
#include "quotes.h"

#include <string.h>

typedef enum
{
  MARK_DOUBLE,   /* “ or « */
  MARK_STRAIGHT, /* " */
  MARK_SINGLE,   /* ‘ */
} MarkKind;

typedef struct
{
  MarkKind kind;
  gsize offset;
  gsize after; /* offset just past the opening mark */
} Open;

static gboolean
is_letter_at (const char *data, gsize start, gsize end, gsize off, gboolean before)
{
  if (before)
    {
      if (off <= start)
        return FALSE;
      const char *p = g_utf8_find_prev_char (data + start, data + off);
      return p && g_unichar_isalpha (g_utf8_get_char (p));
    }
  return off < end && g_unichar_isalpha (g_utf8_get_char (data + off));
}

/* A citation "(93)" or "(273-274)" right after @off: returns its end and
 * sets @page, or returns @off. */
static gsize
page_citation (const char *data, gsize off, gsize end, char **page)
{
  gsize p = off;
  for (guint skipped = 0; p < end && skipped < 3 && strchr (" .,;:", data[p]); skipped++)
    p++;
  if (p >= end || data[p] != '(')
    return off;
  gsize q = p + 1, digits = 0;
  while (q < end && (g_ascii_isdigit (data[q]) || data[q] == '-'))
    {
      digits += g_ascii_isdigit (data[q]) != 0;
      q++;
    }
  /* An en dash between page numbers is three bytes. */
  if (q + 3 <= end && memcmp (data + q, "\xE2\x80\x93", 3) == 0)
    for (q += 3; q < end && g_ascii_isdigit (data[q]); q++)
      digits++;
  if (digits == 0 || digits > 9 || q >= end || data[q] != ')')
    return off;
  *page = g_strndup (data + p + 1, q - p - 1);
  return q + 1;
}

static void
emit (GArray *quotes, const char *data, const Open *open, gsize close_start,
      gsize close_end, gsize end, gboolean unclosed)
{
  LmQuote q = {
    .start = open->offset,
    .inner_start = open->after,
    .inner_end = close_start,
    .end = close_end,
    .unclosed = unclosed,
  };
  if (!unclosed)
    q.end = page_citation (data, close_end, end, &q.page);
  g_array_append_val (quotes, q);
}

GArray *
lm_find_quotes (const char *data, gsize start, gsize end)
{
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (LmQuote));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  gsize off = start;
  while (off < end)
    {
      const char *p = data + off;
      gunichar c = g_utf8_get_char (p);
      gsize next = (gsize) (g_utf8_next_char (p) - data);
      gint close_kind = -1;
      Open o = { 0, off, next };

      switch (c)
        {
        case 0x201C: /* “ */
        case 0x00AB: /* « */
          o.kind = MARK_DOUBLE;
          g_array_append_val (stack, o);
          break;
        case 0x2018: /* ‘ */
          o.kind = MARK_SINGLE;
          g_array_append_val (stack, o);
          break;
        case 0x201D: /* ” */
        case 0x00BB: /* » */
          close_kind = MARK_DOUBLE;
          break;
        case '"':
          {
            gboolean open_straight = FALSE;
            for (guint i = 0; i < stack->len; i++)
              open_straight |= g_array_index (stack, Open, i).kind == MARK_STRAIGHT;
            if (open_straight)
              close_kind = MARK_STRAIGHT;
            else
              {
                o.kind = MARK_STRAIGHT;
                g_array_append_val (stack, o);
              }
          }
          break;
        case 0x2019: /* ’: apostrophe between letters, else closes a ‘ */
          if (!(is_letter_at (data, start, end, off, TRUE)
                && is_letter_at (data, start, end, next, FALSE)))
            close_kind = MARK_SINGLE;
          break;
        default:
          break;
        }

      if (close_kind >= 0)
        {
          /* Close the innermost open mark of this kind, and anything opened
           * inside it that never closed. */
          gint found = -1;
          for (gint i = (gint) stack->len - 1; i >= 0 && found < 0; i--)
            if (g_array_index (stack, Open, i).kind == (MarkKind) close_kind)
              found = i;
          if (found >= 0)
            {
              Open opened = g_array_index (stack, Open, found);
              g_array_set_size (stack, (guint) found);
              if (stack->len == 0)
                {
                  emit (quotes, data, &opened, off, next, end, FALSE);
                  next = g_array_index (quotes, LmQuote, quotes->len - 1).end;
                }
            }
          /* else: a stray closer (or a possessive ’): not a quotation. */
        }
      off = next;
    }
  if (stack->len)
    {
      Open opened = g_array_index (stack, Open, 0);
      emit (quotes, data, &opened, end, end, end, TRUE);
    }
  return quotes;
}

void
lm_quotes_free (GArray *quotes)
{
  if (quotes == NULL)
    return;
  for (guint i = 0; i < quotes->len; i++)
    g_free (g_array_index (quotes, LmQuote, i).page);
  g_array_unref (quotes);
}
