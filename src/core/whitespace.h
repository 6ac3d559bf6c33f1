/* whitespace.h - showing a stretch of text on one line.
 * Thread safety: pure functions. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Copies @len bytes of valid UTF-8 at @s with every run of white space
 * (g_unichar_isspace: spaces, tabs, line breaks) shown as one space, and
 * none at either end.  Returns: (transfer full) */
char *lm_collapse_whitespace (const char *s, gsize len);

G_END_DECLS
