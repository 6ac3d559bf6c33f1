/* datadir.h - LmDataDirs: where leitmotif finds its default files.
 *
 * The stop list, the lexicons and the corpus manifest a command reads by
 * default are found wherever the program runs, not only in the repository.
 * A default file is looked up in this order (lm_data_dirs_resolve()):
 *
 *   1. the command-line option (taken as given);
 *   2. an environment variable (LM_LEXICON, LM_STOPWORDS, LM_CORPUS);
 *   3. the projects the current folder belongs to: every folder from the
 *      current one up to the root that holds "texts/corpus.ini" or a
 *      "lexicons/" folder, the nearest first (as git finds ".git"); the
 *      nearest is "the project" (reports go there);
 *   4. the user's data dir, "$XDG_DATA_HOME/leitmotif"
 *      (g_get_user_data_dir(), "~/.local/share/leitmotif" by default);
 *   5. the system data dirs, "DIR/leitmotif" for each DIR of
 *      g_get_system_data_dirs() ($XDG_DATA_DIRS, "/usr/local/share" and
 *      "/usr/share" by default), then "../share/leitmotif" beside the
 *      running program (so that an installed tree works wherever it is
 *      unpacked, a `meson install --destdir` included), then the data dir
 *      leitmotif was configured to install into.
 *
 * A file is named by its path under such a folder ("stopwords/english.txt",
 * "lexicons/genres.ini").  The default lexicon is not one name: it is the
 * "work lexicon", the one ".ini" file in a folder's "lexicons/" that has a
 * "[work]" group (lexicon.h); shared vocabularies such as genres.ini have
 * none.  An error that finds nothing names every place it looked.
 *
 * Ownership: strings returned are owned by the LmDataDirs (transfer none)
 * unless marked (transfer full).
 * Thread safety: immutable after creation; lm_data_dirs_get_default() is
 * created once, safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LM_DATA_DIR_PROJECT, /* a folder holding texts/corpus.ini or lexicons/ */
  LM_DATA_DIR_USER,    /* $XDG_DATA_HOME/leitmotif */
  LM_DATA_DIR_SYSTEM,  /* a system data dir, the install prefix included */
} LmDataDirKind;

typedef struct _LmDataDirs LmDataDirs;

/* Where a file was found, for messages and `leitmotif --version -v`. */
typedef struct
{
  char *path;    /* to open */
  char *display; /* for reports: as given, or its name under the data dir
                    ("lexicons/never-let-me-go.ini"), never absolute for a
                    file found by lookup, so reports stay the same on every
                    machine */
  char *origin;  /* "--lexicon", "$LM_LEXICON", "project /x/y",
                    "user data dir /h/.local/share/leitmotif", ... */
} LmDataFile;

void lm_data_file_free (LmDataFile *file);

/**
 * lm_data_dirs_new:
 * @cwd: (nullable): the folder to start the project search from
 *   (%NULL: the current folder)
 * @exe_dir: (nullable): the folder of the running program, for the
 *   "../share/leitmotif" beside it (%NULL: none)
 *
 * Returns: (transfer full): the search path, never %NULL
 */
LmDataDirs *lm_data_dirs_new (const char *cwd, const char *exe_dir);
void lm_data_dirs_free (LmDataDirs *dirs);

/* The search path of this process: the current folder, the running
 * program's folder (/proc/self/exe).  (transfer none) */
const LmDataDirs *lm_data_dirs_get_default (void);

guint lm_data_dirs_get_n (const LmDataDirs *dirs);
/* (transfer none): the folder (absolute) and its kind. */
const char *lm_data_dirs_get_dir (const LmDataDirs *dirs, guint i,
                                  LmDataDirKind *kind);
/* (transfer none) (nullable): the nearest project folder. */
const char *lm_data_dirs_get_project (const LmDataDirs *dirs);
/* "project /x", "user data dir /y", "system data dir /z" (transfer full). */
char *lm_data_dirs_describe (const LmDataDirs *dirs, guint i);

/**
 * lm_data_dirs_find:
 * @name: a relative path such as "lexicons/genres.ini"
 * @projects_only: look only in project folders (the corpus manifest)
 * @error: G_FILE_ERROR_NOENT naming every place looked
 *
 * Returns: (transfer full) (nullable): where @name was found first
 */
LmDataFile *lm_data_dirs_find (const LmDataDirs *dirs, const char *name,
                               gboolean projects_only, GError **error);

/**
 * lm_data_dirs_find_work_lexicon:
 * @error: G_FILE_ERROR_NOENT naming every place looked, or LM_ERROR_USAGE
 *   when the first folder that has work lexicons has several (it names them)
 *
 * Returns: (transfer full) (nullable): the first folder's work lexicon
 */
LmDataFile *lm_data_dirs_find_work_lexicon (const LmDataDirs *dirs,
                                            GError **error);

/* The kinds of default file lm_data_dirs_resolve() knows. */
typedef enum
{
  LM_DATA_STOPWORDS, /* stopwords/english.txt, $LM_STOPWORDS */
  LM_DATA_LEXICON,   /* the work lexicon, $LM_LEXICON */
  LM_DATA_CORPUS,    /* texts/corpus.ini in a project, $LM_CORPUS */
} LmDataKind;

/**
 * lm_data_dirs_resolve:
 * @option: (nullable): the command-line option's value, used as given
 * @option_name: the option, for messages ("--lexicon")
 *
 * Resolves a default file in the order above: @option, the environment
 * variable of @kind, then the search path.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error
 *   naming every place looked ("no stop list found: looked for ...")
 */
LmDataFile *lm_data_dirs_resolve (const LmDataDirs *dirs, LmDataKind kind,
                                  const char *option, const char *option_name,
                                  GError **error);

/* The environment variable of @kind ("LM_LEXICON"). */
const char *lm_data_kind_env (LmDataKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmDataDirs, lm_data_dirs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmDataFile, lm_data_file_free)

G_END_DECLS
