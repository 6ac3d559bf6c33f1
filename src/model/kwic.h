/* kwic.h - keyword in context: the concordance line around a span of text.
 *
 * A KWIC line is the matched span with up to @width characters (Unicode
 * characters, i.e. code points as g_utf8_strlen() counts them, not bytes) of
 * context on each side, taken from the text as written.  The rules:
 *  - every run of whitespace (g_unichar_isspace: spaces, tabs, line breaks,
 *    no-break spaces) is shown as one space, in the contexts and in the
 *    match, so that a concordance stays one line per hit; width counts the
 *    characters shown, after this collapsing;
 *  - whitespace at the edge of the text is dropped; whitespace between the
 *    span and its context is kept as one space, so @left ends with " " (and
 *    @right begins with " ") exactly when the text has whitespace there;
 *  - a context longer than @width is cut at a character boundary and then
 *    begins (left) or ends (right) with "…", the ellipsis included in the
 *    width: a cut context is exactly @width characters, an uncut one at most
 *    @width, so a caller that pads @left to @width characters lines the
 *    matches up;
 *  - @width 0 gives empty contexts (no "…" either);
 *  - control characters (g_unichar_iscntrl, whitespace aside) are shown as
 *    U+FFFD so that a line can never carry a terminal escape or a stray
 *    carriage return; so is any byte that is not UTF-8 (see below);
 *  - offsets are clamped to @len; @start > @end gives an empty match at
 *    @start; an offset inside a multi-byte character is moved to a character
 *    boundary so that the span covers every character it touches (an empty
 *    span moves to the start of its character).
 * Nothing outside @data[0, @len) is ever read, and the three strings are
 * always valid UTF-8, even if @data breaks its contract of being valid UTF-8.
 *
 * Ownership: an LmKwicLine owns its three strings (free with
 * lm_kwic_line_clear).  Thread safety: pure functions.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LM_KWIC_DEFAULT_WIDTH 60

typedef struct
{
  char *left;   /* context before the span, right-aligned by the caller */
  char *match;  /* the span itself, whitespace collapsed */
  char *right;  /* context after the span */
} LmKwicLine;

/* Fills @line from @data[@start, @end) with @width characters of context
 * (the rules above).  @data must be valid UTF-8 (as LmText gives it) and
 * need not be NUL-terminated; it may be %NULL when @len is 0.  Offsets past
 * @len are clamped and @start > @end gives an empty match. */
void lm_kwic_line_init (LmKwicLine *line, const char *data, gsize len,
                        gsize start, gsize end, guint width);
/* Frees the three strings and sets them to %NULL (safe to call twice). */
void lm_kwic_line_clear (LmKwicLine *line);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LmKwicLine, lm_kwic_line_clear)

G_END_DECLS
