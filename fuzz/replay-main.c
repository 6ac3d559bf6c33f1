/* replay-main.c - main() for fuzz targets built without libFuzzer.
 *
 * Usage: fuzz-<name> FILE|DIR...
 * Runs every file given, and every regular file inside each folder given
 * (not recursively, in name order), through LLVMFuzzerTestOneInput() once.
 * Exit status 0 when all ran, 2 when a file could not be read (a crash
 * aborts the process, as under libFuzzer).  libFuzzer's "-flag=value"
 * arguments are ignored, so that one command line serves both builds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static gboolean
replay_file (const char *path, guint *n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  /* Hand the target a copy of exactly @len bytes, without the trailing NUL
   * that g_file_get_contents() adds, so that ASan sees any overread. */
  g_autofree uint8_t *copy = g_malloc (len > 0 ? len : 1);
  if (len > 0)
    memcpy (copy, data, len);
  LLVMFuzzerTestOneInput (copy, len);
  (*n_runs)++;
  return TRUE;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
replay_dir (const char *path, guint *n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  gboolean ok = TRUE;
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
        ok = replay_file (file, n_runs) && ok;
    }
  return ok;
}

int
main (int argc, char **argv)
{
  guint n_runs = 0;
  gboolean ok = TRUE;
  int n_paths = 0;

  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-')
        continue; /* a libFuzzer flag */
      n_paths++;
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok = replay_dir (argv[i], &n_runs) && ok;
      else
        ok = replay_file (argv[i], &n_runs) && ok;
    }
  if (n_paths == 0)
    {
      fprintf (stderr, "usage: %s FILE|DIR...\n", argv[0]);
      return 2;
    }
  printf ("replayed %u input%s\n", n_runs, n_runs == 1 ? "" : "s");
  return ok ? 0 : 2;
}
