/* metadata.h - LmMetadata: a CSV table of facts about each essay (critic,
 * outlet, year, ...), keyed by file.
 *
 * Format (RFC 4180):
 *  - The first row is the header.  Its first column must be named "file"
 *    (any case); the other names must be non-empty and unique, compared
 *    case-insensitively, and none may be "file" again.  Header names are
 *    trimmed of white space; values are taken as written.
 *  - Fields are separated by ',', rows by LF, CRLF or a lone CR; the last
 *    row's line break is optional.  A field may be quoted with '"': inside
 *    quotes, "" stands for one '"', and ',' and line breaks are data (a CRLF
 *    inside quotes is read as LF).  A '"' inside an unquoted field, or
 *    anything but ',' or a line break after a closing quote, is an error.
 *  - Every row has as many fields as the header.  Empty lines (no character
 *    at all between two line breaks, outside quotes) are skipped.
 *  - Every row names a file (non-empty), each file once (exact comparison).
 *  - The file is UTF-8; a leading BOM is skipped.
 *
 * Errors: LM_ERROR_SYNTAX "path:line:col: ..." (col in characters from 1)
 * for the above, "path:1:1: ..." for a file without a header row;
 * LM_ERROR_ENCODING "path:line:col: ..." for invalid UTF-8 or a NUL byte;
 * G_FILE_ERROR when the file cannot be read.
 *
 * Lookup of a document key (lm_metadata_lookup()): first the row whose file
 * is exactly @key; failing that, the one row whose file and @key agree on
 * their last path components, the shorter wholly contained in the longer:
 * "a.txt" and "sub/a.txt" both match the key "essays/sub/a.txt", and the
 * row "/home/x/essays/sub/a.txt" matches the key "sub/a.txt", but
 * "other/a.txt" does not match "essays/sub/a.txt".  Components "." and empty
 * ones ("a//b") are ignored.  If two or more rows match that way (rows
 * "x/a.txt" and "y/a.txt" for the key "a.txt") the lookup finds nothing.
 *
 * Ownership: the table owns everything it returns (transfer none).
 * Thread safety: immutable after loading; look up from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LmMetadata LmMetadata;

/* Returns: (transfer full) (nullable): the table, or %NULL with @error. */
LmMetadata *lm_metadata_load (const char *path, GError **error);
/* @name: for messages; @data: @len bytes, need not be NUL-terminated.
 * Returns: (transfer full) (nullable) */
LmMetadata *lm_metadata_new_from_data (const char *name, const char *data,
                                       gsize len, GError **error);
void lm_metadata_free (LmMetadata *metadata);

/* The column names other than "file", in file order (char*).
 * Returns: (transfer none) */
const GPtrArray *lm_metadata_get_columns (const LmMetadata *metadata);

/* The number of rows. */
guint lm_metadata_get_n_rows (const LmMetadata *metadata);

/* The values (char*) of the row for @key, in the order of the columns,
 * without the file; see the lookup rules above.
 * Returns: (transfer none) (nullable): the row, or %NULL. */
const GPtrArray *lm_metadata_lookup (const LmMetadata *metadata,
                                     const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmMetadata, lm_metadata_free)

G_END_DECLS
