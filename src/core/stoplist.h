/* stoplist.h - LmStoplist: a stop-word list in Snowball's own format.
 *
 * Format: one word at the start of a line; "|" starts a comment that runs to
 * the end of the line; blank lines are ignored.  Words are folded the way the
 * tokenizer folds words (so "Don’t" in the list matches "don't" in text).
 * A line holding two words before its comment is a syntax error naming the
 * file and line.
 *
 * Stop words are flagged on tokens, never dropped: phrase patterns still see
 * them ("let me go").
 *
 * Thread safety: immutable after loading; lookups are safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LmStoplist LmStoplist;

/* Returns: (transfer full) (nullable): the list, or %NULL with @error:
 * LM_ERROR_SYNTAX ("path:line: ..."), LM_ERROR_ENCODING (not UTF-8) or a
 * G_FILE_ERROR. */
LmStoplist *lm_stoplist_load (const char *path, GError **error);
/* @name is used in messages. (transfer full) (nullable) */
LmStoplist *lm_stoplist_new_from_data (const char *name, const char *data,
                                       gssize len, GError **error);
/* An empty list (nothing is a stop word). (transfer full) */
LmStoplist *lm_stoplist_new_empty (void);
void lm_stoplist_free (LmStoplist *stoplist);

/* @folded: a folded word as the tokenizer produces it, NUL-terminated;
 * @len: its length in bytes, or -1 to have it measured. */
gboolean lm_stoplist_contains (const LmStoplist *stoplist, const char *folded, gssize len);
guint lm_stoplist_size (const LmStoplist *stoplist);
/* Lowercase hex SHA-256 of the bytes read, for run manifests.
 * (transfer none) */
const char *lm_stoplist_get_sha256 (const LmStoplist *stoplist);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmStoplist, lm_stoplist_free)

G_END_DECLS
