/* quotes.c - quotation marks in a paragraph, with a stack for nesting. */
#include "quotes.h"

#include <string.h>

typedef enum
{
  MARK_DOUBLE,   /* “ or « */
  MARK_STRAIGHT, /* " */
  MARK_SINGLE,   /* ‘ */
} MarkKind;

#define N_MARK_KINDS 3

typedef struct
{
  MarkKind kind;
  gsize offset;
  gsize after;    /* offset just past the opening mark */
  gint prev_same; /* stack index of the open mark of this kind below, or -1 */
} Open;

/* The stack of open marks, with the index of the innermost open mark of
 * each kind, so that a closing mark finds its opener at once: scanning the
 * stack made a paragraph of a million unclosed marks take minutes. */
typedef struct
{
  GArray *marks;           /* Open */
  gint last[N_MARK_KINDS]; /* innermost of each kind, or -1 */
} Stack;

static void
stack_push (Stack *st, Open o)
{
  o.prev_same = st->last[o.kind];
  st->last[o.kind] = (gint) st->marks->len;
  g_array_append_val (st->marks, o);
}

/* Pops the marks from @index up. */
static void
stack_cut (Stack *st, guint index)
{
  for (guint k = 0; k < N_MARK_KINDS; k++)
    while (st->last[k] >= (gint) index)
      st->last[k] = g_array_index (st->marks, Open, st->last[k]).prev_same;
  g_array_set_size (st->marks, index);
}

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
  /* "(1989)" after a quoted title is its year, not a page. */
  if (q - p - 1 == 4 && digits == 4)
    {
      guint year = (guint) g_ascii_strtoull (data + p + 1, NULL, 10);
      if (year >= 1500 && year <= 2099)
        return off;
    }
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
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Open));
  Stack stack = { marks, { -1, -1, -1 } };
  gsize off = start;
  while (off < end)
    {
      const char *p = data + off;
      gunichar c = g_utf8_get_char (p);
      gsize next = (gsize) (g_utf8_next_char (p) - data);
      gint close_kind = -1;
      Open o = { 0, off, next, -1 };

      switch (c)
        {
        case 0x201C: /* “ */
        case 0x00AB: /* « */
          o.kind = MARK_DOUBLE;
          stack_push (&stack, o);
          break;
        case 0x2018: /* ‘ */
          o.kind = MARK_SINGLE;
          stack_push (&stack, o);
          break;
        case 0x201D: /* ” */
        case 0x00BB: /* » */
          close_kind = MARK_DOUBLE;
          break;
        case '"':
          if (stack.last[MARK_STRAIGHT] >= 0)
            close_kind = MARK_STRAIGHT;
          else
            {
              o.kind = MARK_STRAIGHT;
              stack_push (&stack, o);
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
          gint found = stack.last[close_kind];
          if (found >= 0)
            {
              Open opened = g_array_index (marks, Open, found);
              stack_cut (&stack, (guint) found);
              if (marks->len == 0)
                {
                  emit (quotes, data, &opened, off, next, end, FALSE);
                  next = g_array_index (quotes, LmQuote, quotes->len - 1).end;
                }
            }
          /* else: a stray closer (or a possessive ’): not a quotation. */
        }
      off = next;
    }
  if (marks->len)
    {
      Open opened = g_array_index (marks, Open, 0);
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
