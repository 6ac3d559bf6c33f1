/* byline.h - a text's critic, outlet and title guessed from its first lines.
 *
 * For manifests that leitmotif writes itself (`leitmotif init`) and for
 * folders analyzed without one.  Only the first LM_BYLINE_MAX_LINES
 * non-blank lines are read, each of at most 160 bytes:
 *   critic  a line "By NAME" (any case for "by"), NAME of one to six words
 *           that begin with a capital (or "de", "van", "von", "la", "le");
 *           anything after " | ", " - ", ", " or " for " is the outlet
 *           ("By Jane Roe | The Guardian");
 *   outlet  a line "Published in X", "Source: X" or "Outlet: X", or a line
 *           wholly in parentheses ("(_Pall Mall Gazette_, May 2, 1887.)"):
 *           the words before the first comma, "_" and "*" removed;
 *   title   the first line when it looks like a heading (at most twelve
 *           words, not ending in ".", ",", ";" or ":") and is neither the
 *           byline nor the outlet line.
 * No match leaves the field %NULL; the line numbers say where a guess came
 * from (1-based).
 *
 * Thread safety: reentrant.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LM_BYLINE_MAX_LINES 12

typedef struct
{
  char *critic;
  char *outlet;
  char *title;
  guint critic_line, outlet_line, title_line;
  char *outlet_source; /* the line the outlet came from, trimmed */
} LmByline;

/* @text need not be valid UTF-8 (invalid bytes become U+FFFD).
 * Returns: (transfer full): the guesses, never %NULL. */
LmByline *lm_byline_guess (const char *text, gsize len);
void lm_byline_free (LmByline *byline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmByline, lm_byline_free)

G_END_DECLS
