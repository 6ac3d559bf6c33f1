/* walk.h - the files a batch reads.
 *
 * Walks files and folders recursively: regular files ending in ".txt" or
 * ".md" (any case) are kept, other files are skipped and counted, hidden
 * entries (".name") are skipped; symbolic links are followed, and a folder
 * reached twice (a symlink loop, or two paths to one folder) is walked once
 * and reported.  The result is sorted by path, so every run sees the same
 * order.
 *
 * Each file has a key: its path relative to the root it was found under,
 * prefixed by that root's base name ("essays/2024/a.txt" for root
 * "../data/essays"); a file given directly has its base name.  Keys identify
 * documents across runs and shards, whatever the current directory.
 *
 * Thread safety: reentrant.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;  /* to open: the root joined with the relative path */
  char *key;   /* stable document key, see above */
  guint64 size;
} LmWalkFile;

typedef struct
{
  GPtrArray *files;       /* LmWalkFile*, sorted by key */
  guint skipped;          /* files of other types */
  guint loops;            /* folders reached more than once */
  GPtrArray *errors;      /* char*: unreadable folders or paths, "path: reason" */
} LmWalk;

/* Returns: (transfer full): the walk; never fails as a whole (errors are
 * collected per path). */
LmWalk *lm_walk (const char *const *paths);
void lm_walk_free (LmWalk *walk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmWalk, lm_walk_free)

G_END_DECLS
