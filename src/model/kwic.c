/* kwic.c - keyword in context: the concordance line around a span of text.
 *
 * Each part of a line is read as a stream of display characters: code
 * points, whitespace runs as one space, control characters and bytes that
 * are not UTF-8 as U+FFFD.  The left context is read backwards from the
 * span, the right context forwards from it, each stopping once it knows
 * whether more than @width characters are there; only then is it cut.
 * Every read is bounded by [0, len), so even bytes that break the "valid
 * UTF-8" contract give a valid line and never a read past the buffer.
 */
#include "kwic.h"

#define REPLACEMENT 0xFFFDu
#define ELLIPSIS 0x2026u

/* UTF-8 continuation bytes are 10xxxxxx. */
static gboolean
is_continuation (char b)
{
  return ((guchar) b & 0xC0) == 0x80;
}

/* What a character shows as: control characters (other than whitespace,
 * which the callers collapse first) become U+FFFD. */
static gunichar
display (gunichar c)
{
  return g_unichar_iscntrl (c) ? REPLACEMENT : c;
}

/* Decodes the character at @pos (< @len) into @c and returns the offset
 * after it; a byte that does not start a complete character is U+FFFD. */
static gsize
char_after (const char *data, gsize len, gsize pos, gunichar *c)
{
  gunichar u = g_utf8_get_char_validated (data + pos, (gssize) (len - pos));
  if (u == (gunichar) -1 || u == (gunichar) -2)
    {
      *c = REPLACEMENT;
      return pos + 1;
    }
  *c = u;
  return (gsize) (g_utf8_next_char (data + pos) - data);
}

/* Decodes the character that ends at @pos (> 0) into @c and returns its
 * offset.  The search for its first byte looks at most 4 bytes back (the
 * longest UTF-8 sequence); a last byte that does not end a complete
 * character is U+FFFD on its own. */
static gsize
char_before (const char *data, gsize pos, gunichar *c)
{
  const char *lo = data + (pos > 4 ? pos - 4 : 0);
  const char *first = g_utf8_find_prev_char (lo, data + pos);
  if (first != NULL)
    {
      gsize q = (gsize) (first - data);
      gunichar u = g_utf8_get_char_validated (first, (gssize) (pos - q));
      if (u != (gunichar) -1 && u != (gunichar) -2
          && g_utf8_next_char (first) == data + pos)
        {
          *c = u;
          return q;
        }
    }
  *c = REPLACEMENT;
  return pos - 1;
}

/* Reads display characters outwards from @pos, nearest first, into @out
 * until it holds @limit of them or the text ends.  A whitespace run is one
 * space and is only emitted when a character follows it, so a run at the
 * edge of the text is dropped while the run next to the span is kept. */
static void
collect (const char *data, gsize len, gsize pos, gboolean backward,
         guint limit, GArray *out)
{
  gboolean space = FALSE;
  while (out->len < limit && (backward ? pos > 0 : pos < len))
    {
      gunichar c;
      pos = backward ? char_before (data, pos, &c) : char_after (data, len, pos, &c);
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space)
        {
          gunichar sp = ' ';
          g_array_append_val (out, sp);
          space = FALSE;
        }
      c = display (c);
      g_array_append_val (out, c);
    }
}

/* One side of the line: at most @width characters, "…" on the far side when
 * the text goes on beyond them. */
static char *
context (const char *data, gsize len, gsize pos, gboolean backward, guint width)
{
  GString *s = g_string_new (NULL);
  if (width == 0)
    return g_string_free (s, FALSE);
  g_autoptr(GArray) chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar),
                                               MIN (width, 256u) + 1);
  /* width + 1 characters found means the context must be cut: it then shows
   * width - 1 of them and the ellipsis, exactly width in all. */
  collect (data, len, pos, backward, width < G_MAXUINT ? width + 1 : width, chars);
  gboolean cut = chars->len > width;
  guint keep = cut ? width - 1 : chars->len;
  if (cut && backward)
    g_string_append_unichar (s, ELLIPSIS);
  for (guint i = 0; i < keep; i++)
    {
      /* chars is nearest first: the left context is written back to front */
      guint k = backward ? keep - 1 - i : i;
      g_string_append_unichar (s, g_array_index (chars, gunichar, k));
    }
  if (cut && !backward)
    g_string_append_unichar (s, ELLIPSIS);
  return g_string_free (s, FALSE);
}

/* The span itself, whitespace runs collapsed (not trimmed). */
static char *
span (const char *data, gsize start, gsize end)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;
  for (gsize pos = start; pos < end;)
    {
      gunichar c;
      pos = char_after (data, end, pos, &c);
      if (g_unichar_isspace (c))
        {
          if (!space)
            g_string_append_c (s, ' ');
          space = TRUE;
          continue;
        }
      space = FALSE;
      g_string_append_unichar (s, display (c));
    }
  return g_string_free (s, FALSE);
}

void
lm_kwic_line_init (LmKwicLine *line, const char *data, gsize len,
                   gsize start, gsize end, guint width)
{
  g_return_if_fail (line != NULL);
  g_return_if_fail (data != NULL || len == 0);
  if (data == NULL)
    data = "";

  start = MIN (start, len);
  end = MIN (end, len);
  gboolean empty = end <= start;
  /* A span covering part of a character covers all of it; an empty span
   * stands at the start of the character it falls in. */
  for (guint i = 0; i < 3 && start > 0 && start < len && is_continuation (data[start]); i++)
    start--;
  if (empty)
    end = start;
  else
    for (guint i = 0; i < 3 && end < len && is_continuation (data[end]); i++)
      end++;

  line->left = context (data, len, start, TRUE, width);
  line->match = span (data, start, end);
  line->right = context (data, len, end, FALSE, width);
}

void
lm_kwic_line_clear (LmKwicLine *line)
{
  g_clear_pointer (&line->left, g_free);
  g_clear_pointer (&line->match, g_free);
  g_clear_pointer (&line->right, g_free);
}
