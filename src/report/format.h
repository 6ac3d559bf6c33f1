/* format.h - locale-independent, escaped output for the report writers.
 *
 * Numbers are formatted with g_ascii_formatd (never the user's locale) so
 * reports are byte-identical everywhere.  Escaping: CSV per RFC 4180,
 * Markdown table cells (| and line breaks), HTML text.
 * Thread safety: pure functions.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value with @decimals digits after the point. */
void lm_append_fixed (GString *out, double value, guint decimals);
/* As lm_append_fixed(); nothing (an empty cell) when @value is NaN or
 * infinite: an undefined statistic is never printed as a number. */
void lm_append_fixed_or_empty (GString *out, double value, guint decimals);
/* Appends @text escaped for HTML text and attribute values (& < > " '). */
void lm_append_html (GString *out, const char *text);
/* Appends one CSV field, quoted when it holds , " CR or LF. */
void lm_append_csv_field (GString *out, const char *field);
/* Appends text for a Markdown table cell: | escaped, line breaks as spaces. */
void lm_append_md_cell (GString *out, const char *text);

/**
 * lm_write_atomic:
 * @dir: the output folder (created if missing)
 * @name: a file name inside it (no separators)
 * @contents: what to write
 *
 * Writes through a temporary file and a rename (g_file_set_contents), so a
 * killed run leaves the old file or the new one, never half of one.
 * Returns: %FALSE with @error on failure.
 */
gboolean lm_write_atomic (const char *dir, const char *name,
                          const GString *contents, GError **error);

G_END_DECLS
