/* test-kwic.c - concordance lines (model/kwic.h): widths counted in
 * characters, ellipses, whitespace collapsing, control characters, clamped
 * and mid-character offsets, and valid UTF-8 whatever the input. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "model/kwic.h"

/* Asserts that @s is valid UTF-8 of at most @max characters, with no
 * control character and no whitespace but the plain space. */
static void
expect_valid (const char *s, guint max, const char *part, const char *what)
{
  cr_assert_not_null (s, "%s: %s is set", what, part);
  cr_assert (g_utf8_validate (s, -1, NULL), "%s: %s is valid UTF-8", what, part);
  cr_expect_leq (g_utf8_strlen (s, -1), (glong) max, "%s: %s \"%s\" has at most %u characters",
                 what, part, s, max);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      cr_expect (c == ' ' || !(g_unichar_iscntrl (c) || g_unichar_isspace (c)),
                 "%s: %s has no control character or other whitespace (U+%04X)", what, part,
                 (unsigned) c);
    }
}

/* Builds the line for data[start, end) and compares its three parts. */
static void
expect_line_len (const char *data, gsize len, gsize start, gsize end, guint width,
                 const char *left, const char *match, const char *right, const char *what)
{
  g_auto(LmKwicLine) line = { 0 };
  lm_kwic_line_init (&line, data, len, start, end, width);
  expect_valid (line.left, width, "left", what);
  expect_valid (line.right, width, "right", what);
  expect_valid (line.match, G_MAXUINT, "match", what);
  cr_expect_str_eq (line.left, left, "%s: left \"%s\" expected, got \"%s\"", what, left, line.left);
  cr_expect_str_eq (line.match, match, "%s: match \"%s\" expected, got \"%s\"", what, match,
                    line.match);
  cr_expect_str_eq (line.right, right, "%s: right \"%s\" expected, got \"%s\"", what, right,
                    line.right);
}

/* As expect_line_len, for the first occurrence of @needle in NUL-terminated
 * @data. */
static void
expect_around (const char *data, const char *needle, guint width, const char *left,
               const char *match, const char *right, const char *what)
{
  const char *at = strstr (data, needle);
  cr_assert_not_null (at, "%s: \"%s\" occurs in the text", what, needle);
  gsize start = (gsize) (at - data);
  expect_line_len (data, strlen (data), start, start + strlen (needle), width, left, match, right,
                   what);
}

/* A line around the first occurrence of @needle in @text. */
typedef struct
{
  const char *what, *text, *needle;
  guint width;
  const char *left, *match, *right;
} AroundCase;

ParameterizedTestParameters (kwic, around)
{
  static AroundCase cases[] = {
    /* plain ASCII, context within the width: no ellipsis */
    { "plain ASCII", "The hope of the students is futile.", "hope", LM_KWIC_DEFAULT_WIDTH,
      "The ", "hope", " of the students is futile." },
    { "short context", "ab hope yz", "hope", 60, "ab ", "hope", " yz" },
    { "context of exactly the width is not cut", "abcde hope vwxyz", "hope", 6,
      "abcde ", "hope", " vwxyz" },
    /* cut: width - 1 characters and the ellipsis, exactly width in all */
    { "cut on both sides", "one two three four five six seven", "four", 5,
      "…ree ", "four", " fiv…" },
    { "one character too many is cut", "abcdef hope uvwxyz", "hope", 6,
      "…cdef ", "hope", " uvwx…" },
    { "width 1 leaves only the ellipsis", "abc hope xyz", "hope", 1, "…", "hope", "…" },
    { "width 0: no context and no ellipsis", "one two three hope four five", "hope", 0,
      "", "hope", "" },
    /* “ ” é 🙂 are 3, 3, 2 and 4 bytes but one character each */
    { "multi-byte characters in the width", "a “café” 🙂 hope é🙂x", "hope", 6,
      "…é” 🙂 ", "hope", " é🙂x" },
    { "cut between multi-byte characters", "🙂🙂🙂🙂 hope ééééé", "hope", 3,
      "…🙂 ", "hope", " é…" },
    { "no space invented between a quote mark and the match", "He said “hope” twice", "hope",
      60, "He said “", "hope", "” twice" },
    /* whitespace */
    { "tabs, newlines and CRLF become single spaces", "one\n\n\t  two   hope\r\n three\tfour",
      "hope", 60, "one two ", "hope", " three four" },
    { "whitespace inside the match collapses too", "so let \n\t me  go now", "let \n\t me  go",
      60, "so ", "let me go", " now" },
    { "whitespace at the edges of the text is dropped", "   hope \n  ", "hope", 60,
      "", "hope", "" },
    { "a no-break space is whitespace", "x\u00a0\u00a0hope", "hope", 60, "x ", "hope", "" },
    { "a whitespace run counts as one character", "ab          hope", "hope", 3,
      "ab ", "hope", "" },
    /* control characters */
    { "ESC, BEL and DEL shown as U+FFFD", "a\x1b[31mb hope c\x07\x7f" "d", "hope", 60,
      "a\uFFFD[31mb ", "hope", " c\uFFFD\uFFFDd" },
    { "a control character inside the match", "x ho\x01pe y", "ho\x01pe", 60,
      "x ", "ho\uFFFDpe", " y" },
    { "vertical tab: a control character to g_unichar_isspace", "a\vb hope", "hope", 60,
      "a\uFFFDb ", "hope", "" },
    { "NEL (C1 control)", "a\xc2\x85" "b hope", "hope", 60, "a\uFFFDb ", "hope", "" },
    /* the match at the edges of the text */
    { "match at the start", "hope is all", "hope", 60, "", "hope", " is all" },
    { "match at the end", "all is hope", "hope", 60, "all is ", "hope", "" },
    { "match is the whole text", "hope", "hope", 60, "", "hope", "" },
    /* outside the contract, but defined: each byte that is not part of a
     * complete character shows as one U+FFFD, as lenient reading gives it */
    { "a stray continuation byte on either side", "a\x80 hope b\x80", "hope", 60,
      "a\uFFFD ", "hope", " b\uFFFD" },
    { "a truncated sequence: one U+FFFD a byte", "\xe2\x80 hope \xe2\x80", "hope", 60,
      "\uFFFD\uFFFD ", "hope", " \uFFFD\uFFFD" },
    { "a continuation byte after a complete character", "\xc3\xa9\xa9 hope", "hope", 60,
      "é\uFFFD ", "hope", "" },
  };
  return cr_make_param_array (AroundCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (AroundCase *c, kwic, around)
{
  expect_around (c->text, c->needle, c->width, c->left, c->match, c->right, c->what);
}

/* A line for explicit byte offsets into @text (@len -1: strlen). */
typedef struct
{
  const char *what, *text;
  gssize len;
  gsize start, end;
  const char *left, *match, *right;
} SpanCase;

ParameterizedTestParameters (kwic, span)
{
  static SpanCase cases[] = {
    /* empty text, clamped offsets */
    { "empty text", "", 0, 0, 0, "", "", "" },
    { "offsets past an empty text", "", 0, 5, 9, "", "", "" },
    { "both offsets past the end", "abc hope", -1, 100, 200, "abc hope", "", "" },
    { "end past the end", "abc hope", -1, 4, 100, "abc ", "hope", "" },
    { "start > end: empty match at start", "abc hope", -1, 6, 2, "abc ho", "", "pe" },
    { "G_MAXSIZE offsets", "abc hope", -1, G_MAXSIZE, G_MAXSIZE, "abc hope", "", "" },
    /* the buffer goes on after len: none of it may show */
    { "len bounds the right context", "hope!!!!", 4, 0, 4, "", "hope", "" },
    { "len bounds the match", "hope!!!!", 4, 0, 8, "", "hope", "" },
    { "len splits a character: the partial byte is U+FFFD", "ab \xc3\xa9", 4, 0, 4,
      "", "ab \uFFFD", "" },
    /* "x é y": é is bytes 2..4; “ is 0..3, hope 3..7, ” 7..10 */
    { "empty span inside é: at its start", "x \xc3\xa9 y", -1, 3, 3, "x ", "", "é y" },
    { "start inside é: it is included", "x \xc3\xa9 y", -1, 3, 4, "x ", "é", " y" },
    { "end inside é: it is included", "x \xc3\xa9 y", -1, 2, 3, "x ", "é", " y" },
    { "both ends inside curly quotes", "“hope” he said", -1, 1, 8, "", "“hope”", " he said" },
  };
  return cr_make_param_array (SpanCase, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (SpanCase *c, kwic, span)
{
  gsize len = c->len < 0 ? strlen (c->text) : (gsize) c->len;
  expect_line_len (c->text, len, c->start, c->end, 60, c->left, c->match, c->right, c->what);
}

Test (kwic, null_data_with_length_zero)
{
  expect_line_len (NULL, 0, 0, 0, 60, "", "", "", "NULL data with length 0");
}

Test (kwic, huge_width_is_no_limit)
{
  expect_line_len ("abc hope xyz", 12, 4, 8, G_MAXUINT, "abc ", "hope", " xyz",
                   "width G_MAXUINT does not wrap around to 0");
}

Test (kwic, exactly_sized_buffer)
{
  /* no NUL terminator: AddressSanitizer builds catch any overread */
  g_autofree char *exact = g_memdup2 ("ab \xc3\xa9 hope", 10);
  expect_line_len (exact, 10, 6, 10, 60, "ab é ", "hope", "", "no NUL terminator");
  expect_line_len (exact, 10, 0, 2, 60, "", "ab", " é hope", "the right context to the last byte");
}

Test (kwic, every_offset_inside_an_emoji)
{
  /* 🙂 is bytes 1..5 of "a🙂b" */
  for (gsize k = 2; k <= 4; k++)
    expect_line_len ("a🙂b", 6, k, k, 60, "a", "", "🙂b", "empty span inside an emoji");
}

Test (kwic, clear_is_idempotent)
{
  LmKwicLine line = { 0 };
  lm_kwic_line_init (&line, "a hope b", 8, 2, 6, 60);
  cr_assert_str_eq (line.match, "hope");
  lm_kwic_line_clear (&line);
  cr_expect (line.left == NULL && line.match == NULL && line.right == NULL,
             "clear sets the pointers to NULL");
  lm_kwic_line_clear (&line); /* must not double-free */
}

/* Every offset pair and small width over tricky bytes gives valid UTF-8
 * within the width, including bytes that break the valid-UTF-8 contract. */
Test (kwic, output_is_always_valid_utf8)
{
  static const char *const texts[] = {
    "“Café” 🙂\r\n\tx\x1b y é",
    "\xff\xfe a \xe2\x80 hope \xc3",          /* invalid: stray, truncated */
    "\x80\x80\x80\x80\x80\x80 \xf0\x9f\x99",  /* continuation runs */
    "a\0b hope",                                /* NUL inside len */
  };
  static const gsize lens[] = { 0, 0, 0, 8 };
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      gsize len = lens[t] ? lens[t] : strlen (texts[t]);
      for (gsize s = 0; s <= len + 1; s++)
        for (gsize e = 0; e <= len + 1; e++)
          for (guint w = 0; w <= 4; w++)
            {
              g_auto(LmKwicLine) line = { 0 };
              lm_kwic_line_init (&line, texts[t], len, s, e, w);
              g_autofree char *what = g_strdup_printf ("text %u [%zu, %zu) width %u", t, s, e, w);
              expect_valid (line.left, w, "left", what);
              expect_valid (line.right, w, "right", what);
              expect_valid (line.match, (guint) len, "match", what);
            }
    }
}
