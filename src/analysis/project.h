/* project.h - `leitmotif init`: a new project for one work.
 *
 * A project is a folder that leitmotif recognises as it goes up from the
 * current one (core/datadir.h):
 *   texts/              the essays, copied there
 *   texts/corpus.ini    one [text ID] group an essay (corpus.h): ID from the
 *                       file name, critic and outlet guessed from a byline or
 *                       an outlet line (byline.h), else "unsigned" and empty,
 *                       each with a comment saying where it came from
 *   lexicons/SLUG.ini   the work lexicon: [lexicon] include=genres.ini (the
 *                       shared genre vocabulary, found in leitmotif's data
 *                       dirs), [work] with the title and author, and a
 *                       commented motif template
 * Nothing is overwritten: a folder that is already a project, or two files
 * of the same name, are refused before anything is written.
 *
 * Thread safety: reentrant (it writes only under @dir).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *title;  /* nullable: the folder's name */
  const char *author; /* nullable: "" */
} LmProjectOptions;

/**
 * lm_project_init:
 * @dir: the project folder (created if missing)
 * @files: (nullable): texts to copy into texts/, %NULL-terminated
 * @written: (nullable): filled with the paths written (char*, transfer full)
 * @error: G_FILE_ERROR, or LM_ERROR_USAGE for a folder that is already a
 *   project, a file that is no regular file, or two files of one name
 *
 * Returns: %TRUE when the project was written
 */
gboolean lm_project_init (const char *dir, const LmProjectOptions *options,
                          const char *const *files, GPtrArray *written,
                          GError **error);

/* The lexicon file name for @title: "The Picture of Dorian Gray" ->
 * "the-picture-of-dorian-gray.ini". (transfer full) */
char *lm_project_lexicon_name (const char *title);

G_END_DECLS
