/* test-stoplist.c - stop lists in Snowball's format (stoplist.h). */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/fold.h"
#include "core/lm-error.h"
#include "core/stoplist.h"
#include "test-helpers.h"

static LmStoplist *
from_data (const char *data)
{
  g_autoptr(GError) error = NULL;
  LmStoplist *s = lm_stoplist_new_from_data ("list.txt", data, -1, &error);
  cr_assert_not_null (s, "the stop list should load, got: %s", error ? error->message : "?");
  return s;
}

static gboolean
is_hex64 (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;
  for (const char *c = s; *c; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

/* A word of running text, folded the way the tokenizer folds it. */
static gboolean
contains_text_word (const LmStoplist *s, const char *word)
{
  g_autofree char *folded = lm_fold (word, -1);
  return lm_stoplist_contains (s, folded, -1);
}

Test (stoplist, snowball_format)
{
  g_autoptr(LmStoplist) s = from_data (" | An English stop word list.\n"
                                       "\n"
                                       "the            | article\n"
                                       "   me    | indented, with a comment\n"
                                       "\t\tmy\n"
                                       "| us           | commented out\n"
                                       "don't\n"
                                       "   \n"
                                       "|\n"
                                       "our|no space before the bar\n");
  const char *in[] = { "the", "me", "my", "don't", "our" };
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    cr_expect (lm_stoplist_contains (s, in[i], -1), "\"%s\" should be a stop word", in[i]);
  const char *out[] = { "us", "|", "an", "article", "comment", "indented", "", "bar" };
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    cr_expect (!lm_stoplist_contains (s, out[i], -1), "\"%s\" should not be a stop word", out[i]);
  cr_expect_eq (lm_stoplist_size (s), 5, "5 stop words expected, got %u", lm_stoplist_size (s));
}

Test (stoplist, folding)
{
  /* the list's "don't" matches the text's "don’t", and the reverse */
  g_autoptr(LmStoplist) s = from_data ("don't\nShe\nWON\u2019T\n\u00c9t\u00e9\n");
  cr_expect (contains_text_word (s, "don\u2019t"), "\"don't\" in the list flags \"don’t\" in text");
  cr_expect (contains_text_word (s, "DON'T"), "\"don't\" in the list flags \"DON'T\"");
  cr_expect (lm_stoplist_contains (s, "she", -1), "\"She\" in the list is folded to \"she\"");
  cr_expect (lm_stoplist_contains (s, "won't", -1), "\"WON’T\" in the list is folded to \"won't\"");
  cr_expect (contains_text_word (s, "won\u2019t"), "\"WON’T\" in the list flags \"won’t\"");
  cr_expect (lm_stoplist_contains (s, "\u00e9t\u00e9", -1), "\"Été\" in the list is folded to \"été\"");
  cr_expect (!lm_stoplist_contains (s, "She", -1), "lookups take folded words: \"She\" is not one");
}

Test (stoplist, crlf_lines)
{
  g_autoptr(LmStoplist) s = from_data ("the\r\nme  | comment\r\n\r\n");
  cr_expect (lm_stoplist_contains (s, "the", -1), "\"the\" from a CRLF line, without '\\r'");
  cr_expect (lm_stoplist_contains (s, "me", -1), "\"me\" from a CRLF line");
  cr_expect_eq (lm_stoplist_size (s), 2, "2 stop words expected, got %u", lm_stoplist_size (s));
}

Test (stoplist, two_words_on_a_line)
{
  const char *cases[] = {
    "the\n| comment\nme my\nyou\n",
    "the\n\n  me\tmy   | a comment\n",
    "the\n\nlet go\n",
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LmStoplist) s = lm_stoplist_new_from_data ("list.txt", cases[i], -1, &error);
      g_autofree char *shown = g_strescape (cases[i], NULL);
      cr_expect_null (s, "\"%s\": two words on line 3 is an error", shown);
      lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, "list.txt:3:", shown);
    }
}

Test (stoplist, sha256)
{
  const char *data = "the\nme\n";
  g_autoptr(LmStoplist) s = from_data (data);
  const char *sum = lm_stoplist_get_sha256 (s);
  cr_expect (is_hex64 (sum), "the SHA-256 is 64 lowercase hex digits, got \"%s\"", sum);
  g_autofree char *want = g_compute_checksum_for_string (G_CHECKSUM_SHA256, data, -1);
  cr_expect_str_eq (sum, want, "the SHA-256 is that of the bytes read");

  g_autoptr(LmStoplist) other = from_data ("the\nmy\n");
  cr_expect_str_neq (lm_stoplist_get_sha256 (other), sum, "different lists have different sums");

  g_autoptr(LmStoplist) empty = lm_stoplist_new_empty ();
  cr_expect (is_hex64 (lm_stoplist_get_sha256 (empty)), "an empty list has a 64-hex SHA-256 too");
  cr_expect_eq (lm_stoplist_size (empty), 0, "an empty list has no words");
  cr_expect (!lm_stoplist_contains (empty, "the", -1), "nothing is a stop word in an empty list");
}

Test (stoplist, empty_data)
{
  g_autoptr(LmStoplist) s = from_data ("| only comments\n\n   \n");
  cr_expect_eq (lm_stoplist_size (s), 0, "a list of comments has no words, got %u", lm_stoplist_size (s));
}

Test (stoplist, invalid_utf8)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStoplist) s = lm_stoplist_new_from_data ("list.txt", "the\n\xff\n", -1, &error);
  cr_expect_null (s, "a stop list that is not UTF-8 is rejected");
  cr_assert_not_null (error, "an error is set");
  cr_expect (error->domain == LM_ERROR, "the error is in LM_ERROR, got %s",
             g_quark_to_string (error->domain));
  cr_expect (strstr (error->message, "list.txt") != NULL, "the message names the list, got \"%s\"",
             error->message);
}

Test (stoplist, english_file)
{
  g_autofree char *path = lmt_srcpath ("stopwords/english.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStoplist) s = lm_stoplist_load (path, &error);
  cr_assert_not_null (s, "stopwords/english.txt should load: %s", error ? error->message : "?");
  cr_expect (lm_stoplist_size (s) > 150, "more than 150 English stop words expected, got %u",
             lm_stoplist_size (s));
  const char *in[] = { "the", "me", "don't", "i", "and", "of", "not" };
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    cr_expect (lm_stoplist_contains (s, in[i], -1), "\"%s\" should be an English stop word", in[i]);
  cr_expect (contains_text_word (s, "Don\u2019t"), "\"Don’t\" in text is a stop word");
  /* in the file only inside comments */
  const char *out[] = { "us", "mine", "hope", "tommy" };
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    cr_expect (!lm_stoplist_contains (s, out[i], -1), "\"%s\" should not be an English stop word", out[i]);

  const char *sum = lm_stoplist_get_sha256 (s);
  cr_expect (is_hex64 (sum), "the SHA-256 is 64 lowercase hex digits, got \"%s\"", sum);
  g_autofree char *data = NULL;
  gsize len;
  cr_assert (g_file_get_contents (path, &data, &len, NULL), "reading %s", path);
  g_autofree char *want = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  cr_expect_str_eq (sum, want, "the SHA-256 is that of the file's bytes");
}

Test (stoplist, load_file_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStoplist) s = lm_stoplist_load ("/nonexistent/lm-test/stop.txt", &error);
  cr_expect_null (s, "a missing stop list cannot be loaded");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, NULL, "missing stop list");

  const char *data = "the\n\n| comment\nme my\n";
  g_autofree char *path = lmt_write_tmp (data, strlen (data));
  g_clear_error (&error);
  g_autoptr(LmStoplist) bad = lm_stoplist_load (path, &error);
  cr_expect_null (bad, "two words on a line in a file is an error");
  g_autofree char *where = g_strdup_printf ("%s:4:", path);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, where, "two words in a file");
  g_unlink (path);
}
