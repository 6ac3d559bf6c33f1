/* lm-error.h - the one error domain of libleitmotif.
 *
 * Every recoverable failure is a GError in LM_ERROR with one of these codes
 * (file-system failures keep G_FILE_ERROR).  Messages that concern a place in
 * an input start with "path:line:col: " (or "path:line: " for line-oriented
 * formats) so that editors and scholars can jump to it.
 *
 * Thread safety: the quark is created once, safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LM_ERROR (lm_error_quark ())

typedef enum
{
  LM_ERROR_ENCODING,  /* invalid UTF-8 or NUL bytes in a text */
  LM_ERROR_SYNTAX,    /* a malformed lexicon, manifest or stop list */
  LM_ERROR_LEXICON,   /* a well-formed lexicon with bad content */
  LM_ERROR_STEMMER,   /* the Snowball stemmer could not be created */
  LM_ERROR_LIMIT,     /* an input exceeds a documented resource limit */
  LM_ERROR_IO,        /* writing a report failed */
  LM_ERROR_USAGE,     /* bad arguments (CLI level) */
} LmError;

GQuark lm_error_quark (void);

G_END_DECLS
