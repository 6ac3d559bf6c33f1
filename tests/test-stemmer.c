/* test-stemmer.c - LmStemmer against Snowball's own English test vocabulary.
 *
 * tests/data/snowball/voc.txt and output.txt come from the snowball-data
 * repository: line N of output.txt is the Porter2 stem of line N of voc.txt.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "core/fold.h"
#include "core/stemmer.h"
#include "test-helpers.h"

#define SNOWBALL_VOCABULARY_SIZE 29417

static LmStemmer *
new_stemmer (void)
{
  g_autoptr(GError) error = NULL;
  LmStemmer *s = lm_stemmer_new (&error);
  cr_assert_not_null (s, "lm_stemmer_new should succeed: %s", error ? error->message : "?");
  return s;
}

/* The lines of a data file, without the empty string after a final '\n'. */
static char **
read_lines (const char *rel, guint *n)
{
  g_autofree char *path = lmt_srcpath (rel);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  cr_assert (g_file_get_contents (path, &data, NULL, &error),
             "reading %s: %s", path, error ? error->message : "?");
  char **lines = g_strsplit (data, "\n", -1);
  guint len = g_strv_length (lines);
  if (len > 0 && lines[len - 1][0] == '\0')
    {
      g_free (lines[len - 1]);
      lines[--len] = NULL;
    }
  *n = len;
  return lines;
}

Test (stemmer, snowball_vocabulary)
{
  guint n_voc, n_out;
  g_auto(GStrv) voc = read_lines ("tests/data/snowball/voc.txt", &n_voc);
  g_auto(GStrv) out = read_lines ("tests/data/snowball/output.txt", &n_out);
  cr_assert_eq (n_voc, n_out, "voc.txt and output.txt should have as many lines: %u vs %u",
                n_voc, n_out);

  g_autoptr(LmStemmer) stemmer = new_stemmer ();
  guint compared = 0, wrong = 0;
  for (guint i = 0; i < n_voc; i++)
    {
      gsize len = 0;
      const char *stem = lm_stemmer_stem (stemmer, voc[i], strlen (voc[i]), &len);
      compared++;
      cr_expect_eq (strlen (stem), len,
                    "line %u \"%s\": out_len %zu should equal the NUL-terminated length %zu",
                    i + 1, voc[i], len, strlen (stem));
      if (len != strlen (out[i]) || memcmp (stem, out[i], len) != 0)
        {
          /* Report the first few by name, count the rest. */
          if (wrong < 20)
            cr_expect_fail ("line %u: stem(\"%s\") should be \"%s\", got \"%.*s\"",
                            i + 1, voc[i], out[i], (int) len, stem);
          wrong++;
        }
    }
  cr_expect_eq (compared, SNOWBALL_VOCABULARY_SIZE,
                "every line of the Snowball vocabulary should be compared: %u of %d",
                compared, SNOWBALL_VOCABULARY_SIZE);
  cr_expect_eq (wrong, 0, "%u of %u Snowball stems differ", wrong, compared);
}

/* The stem is copied into the stemmer's own buffer, which grows and shrinks:
 * a short stem after a long one must not keep the long one's tail. */
Test (stemmer, buffer_shrinks_between_calls)
{
  g_autoptr(LmStemmer) stemmer = new_stemmer ();
  gsize len = 0;
  const char *s = lm_stemmer_stem (stemmer, "generously", 10, &len);
  cr_expect_str_eq (s, "generous", "stem(generously) should be \"generous\", got \"%s\"", s);
  s = lm_stemmer_stem (stemmer, "go", 2, &len);
  cr_expect_eq (len, 2, "stem(go) should have length 2, got %zu", len);
  cr_expect_str_eq (s, "go", "stem(go) should be \"go\" NUL-terminated, got \"%s\"", s);
  s = lm_stemmer_stem (stemmer, "hopes", 5, &len);
  cr_expect_str_eq (s, "hope", "stem(hopes) should be \"hope\", got \"%s\"", s);
  cr_expect_eq (len, 4, "stem(hopes) should have length 4, got %zu", len);
}

/* Only @len bytes are read: the word need not be NUL-terminated. */
Test (stemmer, reads_only_len_bytes)
{
  g_autoptr(LmStemmer) stemmer = new_stemmer ();
  gsize len = 0;
  const char *s = lm_stemmer_stem (stemmer, "hopingXYZ", 6, &len);
  cr_expect_str_eq (s, "hope", "stem of the first 6 bytes of \"hopingXYZ\" should be \"hope\", got \"%s\"", s);
}

/* Folded input: the possessive of "Ishiguro’s" is stripped once the curly
 * apostrophe is folded to U+0027 (fold.h). */
Test (stemmer, possessive_after_folding)
{
  g_autoptr(LmStemmer) stemmer = new_stemmer ();
  g_autofree char *folded = lm_fold ("Ishiguro\u2019s", -1);
  cr_assert_str_eq (folded, "ishiguro's", "fold(\"Ishiguro’s\") should be \"ishiguro's\", got \"%s\"",
                    folded);
  gsize len = 0;
  const char *s = lm_stemmer_stem (stemmer, folded, strlen (folded), &len);
  cr_expect_str_eq (s, "ishiguro", "stem(\"ishiguro's\") should be \"ishiguro\", got \"%s\"", s);
}

Test (stemmer, empty_word)
{
  g_autoptr(LmStemmer) stemmer = new_stemmer ();
  gsize len = 99;
  const char *s = lm_stemmer_stem (stemmer, "", 0, &len);
  cr_expect_not_null (s, "lm_stemmer_stem never returns NULL");
  cr_expect_eq (len, 0, "the stem of the empty word should be empty, got length %zu", len);
}

Test (stemmer, describe)
{
  const char *d = lm_stemmer_describe ();
  cr_assert_not_null (d, "lm_stemmer_describe should not return NULL");
  cr_expect (strlen (d) > 0, "lm_stemmer_describe should not be empty");
  cr_expect (g_str_has_prefix (d, "snowball english"),
             "lm_stemmer_describe should name the algorithm (\"snowball english ...\"), got \"%s\"", d);
}
