/* text.h - LmText: one input text, read, validated and ready to tokenize.
 *
 * Reading rules (the first step of the pipeline):
 *  - the file is mapped (GMappedFile), not copied, when it is valid;
 *  - a UTF-8 byte-order mark at the start is skipped;
 *  - the bytes must be valid UTF-8 without NUL bytes; the first invalid
 *    sequence is an LM_ERROR_ENCODING error "path:line:col: ..." where col
 *    counts characters (code points) from 1;
 *  - with LM_TEXT_LENIENT every invalid byte is replaced by U+FFFD instead,
 *    and lm_text_get_replacements() tells how many were replaced;
 *  - CRLF and LF are both accepted: lines end at '\n', '\r' is whitespace;
 *  - a text larger than the size limit (lm_text_set_max_size(), default
 *    LM_TEXT_DEFAULT_MAX_SIZE) is refused with LM_ERROR_LIMIT before any of
 *    its bytes is read: every later stage (line index, tokens, segmentation)
 *    costs memory in proportion to the text, so the limit bounds them all.
 *
 * Offsets given by and to this module are byte offsets into
 * lm_text_get_data(), i.e. after the BOM.
 *
 * Ownership: LmText is reference counted; tokens and hits borrow its bytes
 * and are valid while a reference is held.
 * Thread safety: immutable after construction except for the lazily built
 * line index; do not call lm_text_position() on one LmText from two threads
 * at once.  Distinct LmText objects are independent.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LM_TEXT_NONE = 0,
  LM_TEXT_LENIENT = 1 << 0, /* replace invalid UTF-8 with U+FFFD */
} LmTextFlags;

typedef struct _LmText LmText;

/* 256 MiB: far above any essay or novel, and below what the analysis of one
 * text needs about four times over in memory. */
#define LM_TEXT_DEFAULT_MAX_SIZE ((guint64) 256 * 1024 * 1024)

/**
 * lm_text_set_max_size:
 * @max_size: the largest text accepted, in bytes (BOM included); 0 for no
 *   limit
 *
 * Sets the process-wide size limit that every constructor below enforces.
 * Thread safety: atomic; meant to be set once, before texts are read.
 */
void lm_text_set_max_size (guint64 max_size);
guint64 lm_text_get_max_size (void);

/**
 * lm_text_load:
 * @path: the file to read
 * @flags: reading flags
 * @error: G_FILE_ERROR when the file cannot be read, LM_ERROR_ENCODING when
 *   it is not valid UTF-8 (and LM_TEXT_LENIENT is not set), LM_ERROR_LIMIT
 *   ("path: N bytes, larger than the limit of M bytes (--max-file-size)")
 *   when it is larger than lm_text_get_max_size()
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error set
 */
LmText *lm_text_load (const char *path, LmTextFlags flags, GError **error);

/**
 * lm_text_new_from_data:
 * @name: the name used in messages (a path, or "<data>")
 * @data: the bytes; copied
 * @len: their length, or -1 if NUL-terminated
 *
 * As lm_text_load(), for bytes in memory.
 * Returns: (transfer full) (nullable): the text, or %NULL with @error set
 */
LmText *lm_text_new_from_data (const char *name, const char *data,
                               gssize len, LmTextFlags flags, GError **error);

/**
 * lm_text_new_from_mapped:
 * @name: the name used in messages
 * @map: a mapped file; the text takes its own reference
 *
 * As lm_text_load(), for a file the caller has already mapped (to hash its
 * bytes, say) so that it is read once.
 * Returns: (transfer full) (nullable): the text, or %NULL with @error set
 */
LmText *lm_text_new_from_mapped (const char *name, GMappedFile *map,
                                 LmTextFlags flags, GError **error);

LmText *lm_text_ref (LmText *text);
void lm_text_unref (LmText *text);

/* Returns: (transfer none): the validated UTF-8 bytes, BOM skipped; not
 * NUL-terminated when mapped; @len receives their length. */
const char *lm_text_get_data (const LmText *text, gsize *len);
/* Returns: (transfer none): the name given at construction. */
const char *lm_text_get_name (const LmText *text);
/* The number of invalid bytes replaced by U+FFFD (lenient reading). */
guint64 lm_text_get_replacements (const LmText *text);

/**
 * lm_text_position:
 * @offset: a byte offset into the data (clamped to its length)
 * @line: (out): 1-based line number
 * @col: (out): 1-based column, counted in characters
 *
 * Converts a byte offset to line and column (binary search in a line index
 * built on first use).  The column costs time in proportion to the length of
 * the line before @offset: on a long line, use lm_text_line_at() when the
 * line is all that is needed.
 */
void lm_text_position (LmText *text, gsize offset, guint *line, guint *col);

/* The 1-based line holding byte @offset (clamped), as lm_text_position()
 * gives it, in time logarithmic in the number of lines. */
guint lm_text_line_at (LmText *text, gsize offset);

/**
 * lm_text_line_bounds:
 * @line: a 1-based line number
 * @start: (out): byte offset of the line's first byte
 * @end: (out): byte offset just past its last byte ('\n' and '\r' excluded)
 *
 * Returns: %FALSE if @line is out of range.
 */
gboolean lm_text_line_bounds (LmText *text, guint line, gsize *start,
                              gsize *end);
/* The number of lines (a final line without '\n' counts; empty text: 0). */
guint lm_text_get_n_lines (LmText *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmText, lm_text_unref)

G_END_DECLS
