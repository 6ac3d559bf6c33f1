/* keyfile.h - LmKeyFile: GKeyFile plus the line numbers GKeyFile forgets.
 *
 * Lexicons, the corpus manifest and other hand-edited INI files are parsed
 * by GKeyFile (so its syntax and escapes hold exactly), after a line scan
 * that records where each group and key stands, so that every later error
 * can name "path:line".  The scan also rejects what GKeyFile would silently
 * accept: a group or a key given twice (GKeyFile merges or overwrites them),
 * and a key before the first group.
 *
 * Thread safety: immutable after loading.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LmKeyFile LmKeyFile;

/* Returns: (transfer full) (nullable): the file, or %NULL with
 * LM_ERROR_SYNTAX ("path:line: ..."), LM_ERROR_ENCODING for invalid UTF-8
 * ("path:line: ...") or a G_FILE_ERROR. */
LmKeyFile *lm_key_file_load (const char *path, GError **error);
LmKeyFile *lm_key_file_new_from_data (const char *name, const char *data,
                                      gssize len, GError **error);
void lm_key_file_free (LmKeyFile *kf);

/* (transfer none) */
GKeyFile *lm_key_file_get_key_file (const LmKeyFile *kf);
const char *lm_key_file_get_name (const LmKeyFile *kf);
/* Lowercase hex SHA-256 of the bytes read. (transfer none) */
const char *lm_key_file_get_sha256 (const LmKeyFile *kf);
/* Group names in file order. (transfer none) */
const GPtrArray *lm_key_file_get_groups (const LmKeyFile *kf);
/* Keys of @group in file order. (transfer none) (nullable) */
const GPtrArray *lm_key_file_get_keys (const LmKeyFile *kf, const char *group);
/* The line of @group's header (@key %NULL) or of @key in it; 0 if absent. */
guint lm_key_file_get_line (const LmKeyFile *kf, const char *group,
                            const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmKeyFile, lm_key_file_free)

G_END_DECLS
