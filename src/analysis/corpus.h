/* corpus.h - LmCorpus: the manifest of a folder of essays (texts/corpus.ini).
 *
 * Format (GKeyFile): one group "[text ID]" an essay, ID of lower-case ASCII
 * letters, digits and hyphens; keys file= (relative to the manifest),
 * critic= (the name the text gives, or "unsigned"), outlet= and title= (as
 * the text shows them, possibly empty).  Optional segmentation hints, each
 * the beginning of a line's trimmed text (see LmSegmentHints): boilerplate=
 * (a ';'-list), body_from=, boilerplate_from=, comments_from=,
 * comments_until=.  Errors name "path:line".
 *
 * Ownership: entries belong to the corpus (transfer none).
 * Thread safety: immutable after loading.
 */
#pragma once

#include <glib.h>

#include "segmenter.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *file;   /* as written in the manifest */
  char *path;   /* resolved against the manifest's folder */
  char *critic; /* "unsigned" when the text names none */
  char *outlet; /* "" when the text shows none */
  char *title;  /* "" when the text shows none */
  LmSegmentHints hints;
  guint line;
} LmCorpusEntry;

typedef struct _LmCorpus LmCorpus;

/* Returns: (transfer full) (nullable): the corpus, or %NULL with @error. */
LmCorpus *lm_corpus_load (const char *path, GError **error);
LmCorpus *lm_corpus_new_from_data (const char *name, const char *base_dir,
                                   const char *data, gssize len, GError **error);
/* A corpus without a manifest: one entry a file of @paths (%NULL-
 * terminated), @files as shown in reports (nullable: the paths), ids from
 * the file names (lm_corpus_id_from_file_name(), made unique with "-2",
 * "-3"...), critic, outlet and title guessed from the first lines
 * (byline.h), else "unsigned", "" and "".  Never fails: an unreadable file
 * fails when it is analyzed.  (transfer full) */
LmCorpus *lm_corpus_new_from_files (const char *name, const char *const *paths,
                                    const char *const *files);
void lm_corpus_free (LmCorpus *corpus);

/* "Dorian Gray (1891).txt" -> "dorian-gray-1891": lower-case ASCII letters
 * and digits, every other run a hyphen; "text" when nothing is left.
 * (transfer full) */
char *lm_corpus_id_from_file_name (const char *file);
/* The same, made unique among @taken (a set of strings it adds to).
 * (transfer full) */
char *lm_corpus_unique_id (GHashTable *taken, const char *file);

guint lm_corpus_get_n_entries (const LmCorpus *corpus);
const LmCorpusEntry *lm_corpus_get_entry (const LmCorpus *corpus, guint i);
const char *lm_corpus_get_name (const LmCorpus *corpus);

/* The name to show for an entry in tables: the critic, or for unsigned
 * texts "unsigned (ID)". (transfer full) */
char *lm_corpus_entry_display_name (const LmCorpusEntry *entry);
/* The same for entry @i of @corpus, told apart from the corpus's other
 * texts by the same critic: "Oscar Wilde (balzac-in-english)".
 * (transfer full) */
char *lm_corpus_display_name (const LmCorpus *corpus, guint i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmCorpus, lm_corpus_free)

G_END_DECLS
