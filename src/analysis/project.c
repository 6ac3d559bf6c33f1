/* project.c - writing a new project (see project.h). */
#include "project.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline.h"
#include "core/lm-error.h"
#include "corpus.h"

char *
lm_project_lexicon_name (const char *title)
{
  /* The id rule of corpus.h, with a suffix so that no part of the title
   * is taken for an extension. */
  g_autofree char *named = g_strconcat (title, ".ini", NULL);
  g_autofree char *slug = lm_corpus_id_from_file_name (named);
  return g_strconcat (slug, ".ini", NULL);
}

static const char lexicon_template[] =
  "# The motifs of %s: one group a motif, as in leitmotif's\n"
  "# lexicons/never-let-me-go.ini (its README explains every key). Uncomment\n"
  "# the template, give it an id and terms, and run `leitmotif lexicon check`\n"
  "# on this file, then `leitmotif analyze`.\n"
  "#\n"
  "#   word        Snowball English stem: hope = hope/hopes/hoped/hopeful\n"
  "#   =word       exact case-folded form, no stemming\n"
  "#   word*       prefix of the case-folded form\n"
  "#   a ~N b      phrase, up to N (<= 10) words between a and b\n"
  "#\n"
  "# [motif example]\n"
  "# label=Example\n"
  "# description=What the motif captures, in one line\n"
  "# terms=word;=exact;prefix*;let ~3 go\n"
  "# exclude==unwanted\n"
  "#\n"
  "# [character someone]\n"
  "# label=Someone\n"
  "# terms==someone;=someone's\n";

static char *
lexicon_text (const char *title, const char *author)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_key_file_set_list_separator (kf, ';');
  g_key_file_set_string (kf, "lexicon", "include", "genres.ini");
  g_key_file_set_comment (kf, "lexicon", NULL,
                          " Written by `leitmotif init`.\n"
                          " The genre vocabulary every work shares: genres.ini, found in\n"
                          " leitmotif's data dirs (or beside this file).", NULL);
  g_key_file_set_string (kf, "work", "title", title);
  g_key_file_set_string (kf, "work", "short_titles", "");
  g_key_file_set_string (kf, "work", "author", author);
  g_key_file_set_comment (kf, "work", NULL,
                          " The work the essays are about; short_titles= (';'-list) are\n"
                          " the abbreviations critics use.", NULL);
  g_autofree char *head = g_key_file_to_data (kf, NULL, NULL);
  g_autofree char *tail = g_strdup_printf (lexicon_template, title);
  return g_strconcat (head, "\n", tail, NULL);
}

/* One [text ID] group with comments on where critic and outlet came from. */
static void
add_text (GKeyFile *kf, const char *id, const char *name, const char *data, gsize len)
{
  g_autofree char *group = g_strconcat ("text ", id, NULL);
  g_autoptr(LmByline) b = lm_byline_guess (data, len);
  g_key_file_set_string (kf, group, "file", name);
  g_key_file_set_string (kf, group, "critic", b->critic ? b->critic : "unsigned");
  g_autofree char *cc = b->critic
    ? g_strdup_printf (" critic: from the byline at line %u", b->critic_line)
    : g_strdup (" critic: no byline (\"By NAME\") in the first lines: unsigned");
  g_key_file_set_comment (kf, group, "critic", cc, NULL);
  g_key_file_set_string (kf, group, "outlet", b->outlet ? b->outlet : "");
  g_autofree char *oc = b->outlet
    ? g_strdup_printf (" outlet: from line %u, \"%s\"", b->outlet_line, b->outlet_source)
    : g_strdup (" outlet: no outlet line in the first lines: empty");
  g_key_file_set_comment (kf, group, "outlet", oc, NULL);
  g_key_file_set_string (kf, group, "title", b->title ? b->title : "");
  g_autofree char *tc = b->title
    ? g_strdup_printf (" title: the heading at line %u", b->title_line)
    : g_strdup (" title: no heading found: empty");
  g_key_file_set_comment (kf, group, "title", tc, NULL);
}

static gboolean
write_file (const char *path, const char *data, gssize len, GPtrArray *written,
            GError **error)
{
  if (!g_file_set_contents (path, data, len, error))
    return FALSE;
  if (written)
    g_ptr_array_add (written, g_strdup (path));
  return TRUE;
}

static gboolean
make_dir (const char *path, GError **error)
{
  if (g_mkdir_with_parents (path, 0755) == 0)
    return TRUE;
  int err = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err),
               "%s: cannot create the folder: %s", path, g_strerror (err));
  return FALSE;
}

gboolean
lm_project_init (const char *dir, const LmProjectOptions *options,
                 const char *const *files, GPtrArray *written, GError **error)
{
  g_autofree char *texts = g_build_filename (dir, "texts", NULL);
  g_autofree char *lexicons = g_build_filename (dir, "lexicons", NULL);
  g_autofree char *manifest = g_build_filename (texts, "corpus.ini", NULL);
  if (g_file_test (manifest, G_FILE_TEST_EXISTS) || g_file_test (lexicons, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                   "%s is already a project (it has %s): nothing written", dir,
                   g_file_test (manifest, G_FILE_TEST_EXISTS) ? "texts/corpus.ini" : "lexicons/");
      return FALSE;
    }
  g_autofree char *base = g_path_get_basename (dir);
  const char *title = options && options->title && *options->title ? options->title : base;
  const char *author = options && options->author ? options->author : "";

  /* Every check before the first write. */
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; files && files[i]; i++)
    {
      if (!g_file_test (files[i], G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, LM_ERROR, LM_ERROR_USAGE, "%s: not a file", files[i]);
          return FALSE;
        }
      g_autofree char *name = g_path_get_basename (files[i]);
      g_autofree char *target = g_build_filename (texts, name, NULL);
      if (g_hash_table_contains (names, name) || g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                       "%s: a text named %s is already in the project", files[i], name);
          return FALSE;
        }
      g_hash_table_add (names, g_steal_pointer (&name));
    }

  if (!make_dir (texts, error) || !make_dir (lexicons, error))
    return FALSE;
  g_autoptr(GKeyFile) corpus = g_key_file_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; files && files[i]; i++)
    {
      g_autofree char *data = NULL;
      gsize len = 0;
      if (!g_file_get_contents (files[i], &data, &len, error))
        return FALSE;
      g_autofree char *name = g_path_get_basename (files[i]);
      g_autofree char *target = g_build_filename (texts, name, NULL);
      if (!write_file (target, data, (gssize) len, written, error))
        return FALSE;
      g_autofree char *id = lm_corpus_unique_id (ids, name);
      add_text (corpus, id, name, data, len);
    }
  if (files && files[0])
    {
      g_key_file_set_comment (corpus, NULL, NULL,
                              " Written by `leitmotif init`: one [text ID] group an essay,\n"
                              " file= relative to this folder.  Check each critic= and\n"
                              " outlet=: the comments say where they came from.", NULL);
      g_autofree char *text = g_key_file_to_data (corpus, NULL, NULL);
      if (!write_file (manifest, text, -1, written, error))
        return FALSE;
    }

  g_autofree char *lexname = lm_project_lexicon_name (title);
  g_autofree char *lexpath = g_build_filename (lexicons, lexname, NULL);
  g_autofree char *lextext = lexicon_text (title, author);
  return write_file (lexpath, lextext, -1, written, error);
}
