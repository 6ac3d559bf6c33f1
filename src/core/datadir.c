/* datadir.c - finding default files: option, environment, projects, data
 * dirs (see datadir.h). */
#include "datadir.h"

#include <string.h>

#include "lm-config.h"
#include "lm-error.h"

typedef struct
{
  char *path;
  LmDataDirKind kind;
} DataDir;

struct _LmDataDirs
{
  GArray *dirs; /* DataDir */
  char *project;
};

static void
data_dir_clear (gpointer p)
{
  g_free (((DataDir *) p)->path);
}

void
lm_data_file_free (LmDataFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->display);
  g_free (file->origin);
  g_free (file);
}

void
lm_data_dirs_free (LmDataDirs *dirs)
{
  if (dirs == NULL)
    return;
  g_array_unref (dirs->dirs);
  g_free (dirs->project);
  g_free (dirs);
}

static void
add_dir (LmDataDirs *dirs, const char *path, LmDataDirKind kind)
{
  g_autofree char *canon = g_canonicalize_filename (path, NULL);
  for (guint i = 0; i < dirs->dirs->len; i++)
    if (g_str_equal (g_array_index (dirs->dirs, DataDir, i).path, canon))
      return;
  DataDir d = { g_steal_pointer (&canon), kind };
  g_array_append_val (dirs->dirs, d);
}

static gboolean
is_project (const char *dir)
{
  g_autofree char *corpus = g_build_filename (dir, "texts", "corpus.ini", NULL);
  g_autofree char *lexicons = g_build_filename (dir, "lexicons", NULL);
  return g_file_test (corpus, G_FILE_TEST_IS_REGULAR)
         || g_file_test (lexicons, G_FILE_TEST_IS_DIR);
}

LmDataDirs *
lm_data_dirs_new (const char *cwd, const char *exe_dir)
{
  LmDataDirs *dirs = g_new0 (LmDataDirs, 1);
  dirs->dirs = g_array_new (FALSE, FALSE, sizeof (DataDir));
  g_array_set_clear_func (dirs->dirs, data_dir_clear);

  g_autofree char *here = cwd ? g_canonicalize_filename (cwd, NULL) : g_get_current_dir ();
  g_autofree char *dir = g_strdup (here);
  for (;;)
    {
      if (is_project (dir))
        {
          add_dir (dirs, dir, LM_DATA_DIR_PROJECT);
          if (dirs->project == NULL)
            dirs->project = g_strdup (dir);
        }
      g_autofree char *parent = g_path_get_dirname (dir);
      if (g_str_equal (parent, dir))
        break;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }

  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "leitmotif", NULL);
  add_dir (dirs, user, LM_DATA_DIR_USER);
  for (const char *const *s = g_get_system_data_dirs (); *s; s++)
    {
      g_autofree char *sys = g_build_filename (*s, "leitmotif", NULL);
      add_dir (dirs, sys, LM_DATA_DIR_SYSTEM);
    }
  /* Beside the program before the configured prefix: they are the same
   * folder once installed, and a tree installed with --destdir or moved
   * elsewhere must find its own data, not an older install's. */
  if (exe_dir)
    {
      g_autofree char *beside = g_build_filename (exe_dir, "..", "share", "leitmotif", NULL);
      add_dir (dirs, beside, LM_DATA_DIR_SYSTEM);
    }
  add_dir (dirs, LM_DATADIR, LM_DATA_DIR_SYSTEM);
  return dirs;
}

static gpointer
make_default (gpointer unused)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe ? g_path_get_dirname (exe) : NULL;
  return lm_data_dirs_new (NULL, exe_dir);
}

const LmDataDirs *
lm_data_dirs_get_default (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, make_default, NULL);
  return once.retval;
}

guint
lm_data_dirs_get_n (const LmDataDirs *dirs)
{
  return dirs->dirs->len;
}

const char *
lm_data_dirs_get_dir (const LmDataDirs *dirs, guint i, LmDataDirKind *kind)
{
  const DataDir *d = &g_array_index (dirs->dirs, DataDir, i);
  if (kind)
    *kind = d->kind;
  return d->path;
}

const char *
lm_data_dirs_get_project (const LmDataDirs *dirs)
{
  return dirs->project;
}

char *
lm_data_dirs_describe (const LmDataDirs *dirs, guint i)
{
  LmDataDirKind kind;
  const char *path = lm_data_dirs_get_dir (dirs, i, &kind);
  static const char *const names[] = { "project", "user data dir", "system data dir" };
  return g_strdup_printf ("%s %s", names[kind], path);
}

static LmDataFile *
data_file_new (const char *path, const char *display, const char *origin)
{
  LmDataFile *f = g_new0 (LmDataFile, 1);
  f->path = g_strdup (path);
  f->display = g_strdup (display);
  f->origin = g_strdup (origin);
  return f;
}

/* "a/x, b/x and c/x" for messages. */
static char *
join_places (GPtrArray *places)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < places->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == places->len ? " and " : ", ");
      g_string_append (s, places->pdata[i]);
    }
  if (places->len == 0)
    g_string_append (s, "nothing: no folder from the current one up holds "
                     "texts/corpus.ini or lexicons/");
  return g_string_free (s, FALSE);
}

LmDataFile *
lm_data_dirs_find (const LmDataDirs *dirs, const char *name,
                   gboolean projects_only, GError **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < dirs->dirs->len; i++)
    {
      const DataDir *d = &g_array_index (dirs->dirs, DataDir, i);
      if (projects_only && d->kind != LM_DATA_DIR_PROJECT)
        continue;
      g_autofree char *path = g_build_filename (d->path, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *origin = lm_data_dirs_describe (dirs, i);
          return data_file_new (path, name, origin);
        }
      g_ptr_array_add (places, g_steal_pointer (&path));
    }
  g_autofree char *where = join_places (places);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "%s not found: looked %s%s", name,
               places->len ? "for " : "for it in ", where);
  return NULL;
}

/* Does @path have a "[work]" group?  A line scan: the file is parsed for
 * real when it is loaded, and a broken file fails there, by line. */
static gboolean
has_work_group (const char *path)
{
  g_autofree char *data = NULL;
  if (!g_file_get_contents (path, &data, NULL, NULL))
    return FALSE;
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_equal (g_strstrip (lines[i]), "[work]"))
      return TRUE;
  return FALSE;
}

static gint
cmp_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names of the work lexicons in @dir/lexicons, sorted. */
static GPtrArray *
work_lexicons (const char *dir)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lexdir = g_build_filename (dir, "lexicons", NULL);
  g_autoptr(GDir) d = g_dir_open (lexdir, 0, NULL);
  const char *entry;
  while (d && (entry = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_suffix (entry, ".ini") || entry[0] == '.')
        continue;
      g_autofree char *path = g_build_filename (lexdir, entry, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && has_work_group (path))
        g_ptr_array_add (found, g_strdup (entry));
    }
  g_ptr_array_sort (found, cmp_names);
  return found;
}

LmDataFile *
lm_data_dirs_find_work_lexicon (const LmDataDirs *dirs, GError **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < dirs->dirs->len; i++)
    {
      const DataDir *d = &g_array_index (dirs->dirs, DataDir, i);
      g_autoptr(GPtrArray) found = work_lexicons (d->path);
      g_autofree char *lexdir = g_build_filename (d->path, "lexicons", NULL);
      if (found->len > 1)
        {
          g_ptr_array_add (found, NULL);
          g_autofree char *names = g_strjoinv (", ", (char **) found->pdata);
          g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                       "%s holds several work lexicons (%s): choose one with "
                       "--lexicon or LM_LEXICON", lexdir, names);
          return NULL;
        }
      if (found->len == 1)
        {
          g_autofree char *name = g_build_filename ("lexicons", found->pdata[0], NULL);
          g_autofree char *path = g_build_filename (d->path, name, NULL);
          g_autofree char *origin = lm_data_dirs_describe (dirs, i);
          return data_file_new (path, name, origin);
        }
      g_ptr_array_add (places, g_strconcat (lexdir, "/*.ini", NULL));
    }
  g_autofree char *where = join_places (places);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
               "no work lexicon (a lexicon with a [work] group) found: looked in %s",
               where);
  return NULL;
}

static const struct
{
  const char *env;
  const char *what;
  const char *name;
} kinds[] = {
  [LM_DATA_STOPWORDS] = { "LM_STOPWORDS", "stop list", "stopwords/english.txt" },
  [LM_DATA_LEXICON] = { "LM_LEXICON", "lexicon", NULL },
  [LM_DATA_CORPUS] = { "LM_CORPUS", "corpus manifest", "texts/corpus.ini" },
};

const char *
lm_data_kind_env (LmDataKind kind)
{
  return kinds[kind].env;
}

LmDataFile *
lm_data_dirs_resolve (const LmDataDirs *dirs, LmDataKind kind,
                      const char *option, const char *option_name,
                      GError **error)
{
  if (option && *option)
    return data_file_new (option, option, option_name);
  const char *env = g_getenv (kinds[kind].env);
  if (env && *env)
    {
      g_autofree char *origin = g_strconcat ("$", kinds[kind].env, NULL);
      return data_file_new (env, env, origin);
    }
  g_autoptr(GError) local = NULL;
  LmDataFile *f = kind == LM_DATA_LEXICON
                    ? lm_data_dirs_find_work_lexicon (dirs, &local)
                    : lm_data_dirs_find (dirs, kinds[kind].name,
                                         kind == LM_DATA_CORPUS, &local);
  if (f)
    return f;
  if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_set_error (error, local->domain, local->code,
                 "no %s: not given (%s), $%s not set; %s", kinds[kind].what,
                 option_name, kinds[kind].env, local->message);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}
