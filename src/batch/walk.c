/* walk.c - recursive file discovery with loop detection. */
#include "walk.h"

#include <errno.h>
#include <stdint.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static void
file_free (gpointer p)
{
  LmWalkFile *f = p;
  g_free (f->path);
  g_free (f->key);
  g_free (f);
}

void
lm_walk_free (LmWalk *w)
{
  if (w == NULL)
    return;
  g_ptr_array_unref (w->files);
  g_ptr_array_unref (w->errors);
  g_free (w);
}

static gboolean
wanted (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".md");
}

typedef struct
{
  LmWalk *walk;
  GHashTable *seen_dirs; /* "dev:ino" */
} Ctx;

static void
add_file (Ctx *c, const char *path, const char *key, const GStatBuf *st)
{
  LmWalkFile *f = g_new0 (LmWalkFile, 1);
  f->path = g_strdup (path);
  f->key = g_strdup (key);
  f->size = (guint64) st->st_size;
  g_ptr_array_add (c->walk->files, f);
}

static void
walk_dir (Ctx *c, const char *dir, const char *key, const GStatBuf *st)
{
  g_autofree char *id = g_strdup_printf ("%ju:%ju", (uintmax_t) st->st_dev, (uintmax_t) st->st_ino);
  if (!g_hash_table_add (c->seen_dirs, g_steal_pointer (&id)))
    {
      c->walk->loops++;
      g_ptr_array_add (c->walk->errors,
                       g_strdup_printf ("%s: folder already walked (symbolic link loop?), skipped", dir));
      return;
    }
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      g_ptr_array_add (c->walk->errors, g_strdup_printf ("%s: %s", dir, error->message));
      return;
    }
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = names->pdata[i];
      g_autofree char *child = g_build_filename (dir, n, NULL);
      g_autofree char *child_key = g_build_filename (key, n, NULL);
      GStatBuf cst;
      if (g_stat (child, &cst) != 0)
        {
          g_ptr_array_add (c->walk->errors, g_strdup_printf ("%s: %s", child, g_strerror (errno)));
          continue;
        }
      if (S_ISDIR (cst.st_mode))
        walk_dir (c, child, child_key, &cst);
      else if (S_ISREG (cst.st_mode) && wanted (n))
        add_file (c, child, child_key, &cst);
      else
        c->walk->skipped++;
    }
}

static int
cmp_key (gconstpointer a, gconstpointer b)
{
  const LmWalkFile *x = *(const LmWalkFile *const *) a, *y = *(const LmWalkFile *const *) b;
  return strcmp (x->key, y->key);
}

LmWalk *
lm_walk (const char *const *paths)
{
  LmWalk *w = g_new0 (LmWalk, 1);
  w->files = g_ptr_array_new_with_free_func (file_free);
  w->errors = g_ptr_array_new_with_free_func (g_free);
  Ctx c = { w, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  for (guint i = 0; paths[i]; i++)
    {
      GStatBuf st;
      if (g_stat (paths[i], &st) != 0)
        {
          g_ptr_array_add (w->errors, g_strdup_printf ("%s: %s", paths[i], g_strerror (errno)));
          continue;
        }
      g_autofree char *canon = g_canonicalize_filename (paths[i], NULL);
      g_autofree char *base = g_path_get_basename (canon);
      if (S_ISDIR (st.st_mode))
        walk_dir (&c, paths[i], base, &st);
      else if (S_ISREG (st.st_mode))
        {
          /* A file named directly is read whatever its extension. */
          add_file (&c, paths[i], base, &st);
        }
      else
        w->skipped++;
    }
  g_hash_table_unref (c.seen_dirs);
  g_ptr_array_sort (w->files, cmp_key);
  /* The same file reached twice (two roots, or a link to a file): keep one. */
  for (guint i = 1; i < w->files->len;)
    if (g_str_equal (((LmWalkFile *) w->files->pdata[i])->key,
                     ((LmWalkFile *) w->files->pdata[i - 1])->key))
      g_ptr_array_remove_index (w->files, i);
    else
      i++;
  return w;
}
