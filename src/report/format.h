/* format.h - locale-independent, escaped output for the report writers.
 *
 * Numbers are formatted with g_ascii_formatd (never the user's locale) so
 * reports are byte-identical everywhere.  Escaping: CSV per RFC 4180 with
 * formula neutralisation, Markdown table cells; file names made safe.
 *
 * Every string that comes from an essay, a manifest, a lexicon or a
 * metadata file goes through lm_append_csv_field() or lm_append_md_cell();
 * numbers the program computes are appended directly.
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
/**
 * lm_append_csv_field:
 * @field: a text cell (not a number the program computed)
 *
 * Appends one CSV field, quoted when it holds , " CR or LF ("" for ").
 * Spreadsheet formula injection: a field that begins with =, +, -, @, TAB
 * or CR is written as '=... inside quotes, so that Excel, LibreOffice and
 * Google Sheets show it as text instead of evaluating it (OWASP "CSV
 * injection").  A field that is wholly a decimal number ("-1.25", "+3",
 * "-2e-5") is left alone: it can be nothing but a number.
 */
void lm_append_csv_field (GString *out, const char *field);

/* Appends text for a Markdown table cell, so that it shows as the text it
 * is: | and line breaks (as spaces) as before; the characters that could
 * start a link, an image, raw HTML, an entity, code or emphasis
 * (\ [ ] < > & ` * _ ~) escaped with a backslash (CommonMark); other control
 * characters as spaces. */
void lm_append_md_cell (GString *out, const char *text);

/* Row builders for CSV files: each appends one cell and a ',';
 * lm_csv_end_row() turns the last ',' into the row's CRLF.  lm_csv_text()
 * escapes as lm_append_csv_field(); lm_csv_number() leaves an undefined
 * statistic (NaN) as an empty cell. */
void lm_csv_text (GString *out, const char *text);
void lm_csv_count (GString *out, guint64 n);
void lm_csv_number (GString *out, double value, guint decimals);
void lm_csv_end_row (GString *out);

/**
 * lm_safe_file_name:
 * @name: anything (a critic's name, an id)
 *
 * Makes a file name from @name: ASCII letters and digits (lower-cased), '-'
 * and '_' are kept, every other run of characters (slashes, backslashes,
 * dots, control characters, spaces, non-ASCII) becomes one '-', leading and
 * trailing '-' are dropped, and the result is cut to 64 bytes.  It is never
 * empty ("unnamed"), never "." or "..", and holds no separator.
 * Returns: (transfer full): the name, without an extension.
 */
char *lm_safe_file_name (const char *name);

/**
 * lm_write_atomic:
 * @dir: the output folder (created if missing)
 * @name: a file name inside it: refused (LM_ERROR_IO) when empty, "." or
 *   "..", or holding '/', '\\' or a control character (see
 *   lm_safe_file_name())
 * @contents: what to write
 *
 * Writes through a temporary file and a rename (g_file_set_contents), so a
 * killed run leaves the old file or the new one, never half of one.
 * Returns: %FALSE with @error on failure.
 */
gboolean lm_write_atomic (const char *dir, const char *name,
                          const GString *contents, GError **error);

G_END_DECLS
