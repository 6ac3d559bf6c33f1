/* test-text.c - reading texts (text.h): BOM, UTF-8 validation, NUL bytes,
 * lenient repair, and byte offset <-> line:col conversion. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/lm-error.h"
#include "core/text.h"
#include "test-helpers.h"

static LmText *
from_data (const char *data, gssize len, LmTextFlags flags)
{
  g_autoptr(GError) error = NULL;
  LmText *t = lm_text_new_from_data ("mem.txt", data, len, flags, &error);
  cr_assert_not_null (t, "the text should be accepted, got: %s", error ? error->message : "?");
  return t;
}

static void
expect_data (LmText *t, const char *want, gsize want_len, const char *what)
{
  gsize len = 99;
  const char *data = lm_text_get_data (t, &len);
  cr_expect_eq (len, want_len, "%s: length %zu expected, got %zu", what, want_len, len);
  cr_expect (len == want_len && memcmp (data, want, len) == 0, "%s: data differ", what);
}

/* Loads @len bytes through a temporary file. */
static LmText *
load_tmp (const char *data, gsize len, LmTextFlags flags, char **path_out, GError **error)
{
  char *path = lmt_write_tmp (data, len);
  LmText *t = lm_text_load (path, flags, error);
  *path_out = path;
  return t;
}

/* ---------------------------------------------------------- reading */

Test (text, from_data_basic)
{
  g_autoptr(LmText) t = from_data ("Never let me go", -1, LM_TEXT_NONE);
  expect_data (t, "Never let me go", 15, "plain text");
  cr_expect_str_eq (lm_text_get_name (t), "mem.txt", "the name given is kept, got \"%s\"",
                    lm_text_get_name (t));
  cr_expect_eq (lm_text_get_replacements (t), 0, "no replacements in valid text");
}

Test (text, explicit_length)
{
  g_autoptr(LmText) t = from_data ("abcdef", 3, LM_TEXT_NONE);
  expect_data (t, "abc", 3, "only @len bytes are read");
}

Test (text, bom_stripped)
{
  g_autoptr(LmText) t = from_data ("\xEF\xBB\xBFhello", -1, LM_TEXT_NONE);
  expect_data (t, "hello", 5, "BOM skipped (from data)");

  g_autoptr(LmText) only = from_data ("\xEF\xBB\xBF", -1, LM_TEXT_NONE);
  expect_data (only, "", 0, "a text of only a BOM is empty");

  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) f = load_tmp ("\xEF\xBB\xBFline one\nline two\n", 21, LM_TEXT_NONE, &path, &error);
  cr_assert_not_null (f, "the file should load: %s", error ? error->message : "?");
  expect_data (f, "line one\nline two\n", 18, "BOM skipped (from file)");
  guint line, col;
  lm_text_position (f, 0, &line, &col);
  cr_expect (line == 1 && col == 1, "offset 0 (after the BOM) is 1:1, got %u:%u", line, col);
  g_unlink (path);
}

Test (text, bom_only_at_start)
{
  /* a BOM later in the text is U+FEFF, kept as it is */
  g_autoptr(LmText) t = from_data ("a\xEF\xBB\xBF", -1, LM_TEXT_NONE);
  expect_data (t, "a\xEF\xBB\xBF", 4, "an inner U+FEFF is kept");
}

Test (text, load_file)
{
  const char *content = "Kathy H.\r\nTommy\n";
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = load_tmp (content, strlen (content), LM_TEXT_NONE, &path, &error);
  cr_assert_not_null (t, "the file should load: %s", error ? error->message : "?");
  expect_data (t, content, strlen (content), "file content");
  cr_expect_str_eq (lm_text_get_name (t), path, "the name of a loaded text is its path, got \"%s\"",
                    lm_text_get_name (t));
  g_unlink (path);
}

Test (text, empty_file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = load_tmp ("", 0, LM_TEXT_NONE, &path, &error);
  cr_assert_not_null (t, "an empty file is a valid (empty) text: %s", error ? error->message : "?");
  gsize len = 99;
  lm_text_get_data (t, &len);
  cr_expect_eq (len, 0, "an empty file has length 0, got %zu", len);
  cr_expect_eq (lm_text_get_n_lines (t), 0, "an empty text has 0 lines, got %u",
                lm_text_get_n_lines (t));
  g_unlink (path);

  g_autoptr(LmText) m = from_data ("", 0, LM_TEXT_NONE);
  lm_text_get_data (m, &len);
  cr_expect_eq (len, 0, "empty data has length 0, got %zu", len);
}

Test (text, missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = lm_text_load ("/nonexistent/lm-test/no-such-file.txt", LM_TEXT_NONE, &error);
  cr_expect_null (t, "a missing file cannot be loaded");
  cr_assert_not_null (error, "an error is set for a missing file");
  cr_expect (error->domain == G_FILE_ERROR, "a missing file is a G_FILE_ERROR, got %s: %s",
             g_quark_to_string (error->domain), error->message);
  cr_expect_eq (error->code, G_FILE_ERROR_NOENT, "G_FILE_ERROR_NOENT expected, got %d", error->code);
}

Test (text, ref_unref)
{
  LmText *t = from_data ("x", -1, LM_TEXT_NONE);
  cr_expect (lm_text_ref (t) == t, "lm_text_ref returns its argument");
  lm_text_unref (t);
  expect_data (t, "x", 1, "still alive after one unref of two references");
  lm_text_unref (t);
}

/* --------------------------------------------------------- encoding */

typedef struct
{
  const char *what;
  const char *data;
  gssize len;
  const char *where; /* expected "name:line:col:" after the name */
  const char *also;  /* another substring of the message, or NULL */
} BadCase;

static const BadCase bad_cases[] = {
  { "0xff on line 2 column 3", "ab\nxy\xff" "z", -1, ":2:3:", "0xff" },
  { "columns count characters", "\u00e9\u00e9\xfe", -1, ":1:3:", "0xfe" },
  { "offsets after the BOM", "\xEF\xBB\xBF" "ab\xff", -1, ":1:3:", NULL },
  { "truncated sequence at the end", "abc\xE2\x80", -1, ":1:4:", NULL },
  { "overlong encoding", "a\xC0\xAF", -1, ":1:2:", NULL },
  { "UTF-16 surrogate", "ab\xED\xA0\x80", -1, ":1:3:", NULL },
  { "NUL byte", "ab\ncd\0ef", 8, ":2:3:", "NUL" },
  { "NUL byte at the start", "\0abc", 4, ":1:1:", "NUL" },
};

Test (text, invalid_utf8_from_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(LmText) t = lm_text_new_from_data ("name", c->data, c->len, LM_TEXT_NONE, &error);
      cr_expect_null (t, "%s: the text should be rejected", c->what);
      g_autofree char *where = g_strconcat ("name", c->where, NULL);
      lmt_assert_error (error, LM_ERROR, LM_ERROR_ENCODING, where, c->what);
      cr_expect (g_str_has_prefix (error->message, where), "%s: the message should start with \"%s\", got \"%s\"",
                 c->what, where, error->message);
      if (c->also)
        cr_expect (strstr (error->message, c->also) != NULL, "%s: the message should mention \"%s\", got \"%s\"",
                   c->what, c->also, error->message);
    }
}

Test (text, invalid_utf8_from_file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = load_tmp ("ab\nxy\xff" "z\n", 8, LM_TEXT_NONE, &path, &error);
  cr_expect_null (t, "an invalid file should be rejected");
  g_autofree char *where = g_strdup_printf ("%s:2:3:", path);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_ENCODING, where, "invalid byte in a file");
  g_unlink (path);
}

Test (text, nul_in_file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = load_tmp ("text\0binary", 11, LM_TEXT_NONE, &path, &error);
  cr_expect_null (t, "a file with a NUL byte should be rejected");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_ENCODING, "NUL", "NUL byte in a file");
  g_autofree char *where = g_strdup_printf ("%s:1:5:", path);
  cr_expect (strstr (error->message, where) != NULL, "the message should contain \"%s\", got \"%s\"",
             where, error->message);
  g_unlink (path);
}

Test (text, lenient_replaces)
{
  g_autoptr(LmText) t = from_data ("a\xff" "b\xfe", -1, LM_TEXT_LENIENT);
  expect_data (t, "a\uFFFDb\uFFFD", 8, "two bad bytes replaced by U+FFFD");
  cr_expect_eq (lm_text_get_replacements (t), 2, "2 replacements expected, got %" G_GUINT64_FORMAT,
                lm_text_get_replacements (t));

  /* every invalid byte is replaced: a cut 3-byte sequence is two bytes */
  g_autoptr(LmText) cut = from_data ("\xE2\x80" "x", -1, LM_TEXT_LENIENT);
  expect_data (cut, "\uFFFD\uFFFDx", 7, "a truncated sequence");
  cr_expect_eq (lm_text_get_replacements (cut), 2, "2 replacements expected, got %" G_GUINT64_FORMAT,
                lm_text_get_replacements (cut));

  g_autoptr(LmText) ok = from_data ("fine \u00e9", -1, LM_TEXT_LENIENT);
  expect_data (ok, "fine \u00e9", 7, "valid text is unchanged");
  cr_expect_eq (lm_text_get_replacements (ok), 0, "no replacements in valid text");
}

Test (text, lenient_from_file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) t = load_tmp ("\xEF\xBB\xBFok\xff\n\xc3", 8, LM_TEXT_LENIENT, &path, &error);
  cr_assert_not_null (t, "lenient reading accepts the file: %s", error ? error->message : "?");
  expect_data (t, "ok\uFFFD\n\uFFFD", 9, "BOM skipped and bad bytes replaced");
  cr_expect_eq (lm_text_get_replacements (t), 2, "2 replacements, got %" G_GUINT64_FORMAT,
                lm_text_get_replacements (t));
  g_unlink (path);
}

/* Lenient output is what the tokenizer needs: valid UTF-8 without NUL. */
Test (text, lenient_output_valid)
{
  g_autoptr(LmText) t = from_data ("a\0b\xff", 4, LM_TEXT_LENIENT);
  gsize len;
  const char *data = lm_text_get_data (t, &len);
  cr_expect (g_utf8_validate_len (data, len, NULL),
             "lenient output is valid UTF-8 without NUL bytes");
  cr_expect (memchr (data, '\0', len) == NULL, "lenient output holds no NUL byte");
}

/* ------------------------------------------------- lines and columns */

Test (text, position)
{
  /* "ab\ncdé\nf": é is bytes 5-6 */
  g_autoptr(LmText) t = from_data ("ab\ncd\u00e9\nf", -1, LM_TEXT_NONE);
  struct { gsize offset; guint line, col; } want[] = {
    { 0, 1, 1 }, { 1, 1, 2 }, { 2, 1, 3 }, /* the '\n' is the last column of line 1 */
    { 3, 2, 1 }, { 5, 2, 3 }, { 7, 2, 4 }, { 8, 3, 1 },
    { 9, 3, 2 },    /* the end of the text */
    { 1000, 3, 2 }, /* clamped to the end */
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      guint line = 0, col = 0;
      lm_text_position (t, want[i].offset, &line, &col);
      cr_expect (line == want[i].line && col == want[i].col, "offset %zu should be %u:%u, got %u:%u",
                 want[i].offset, want[i].line, want[i].col, line, col);
    }
}

Test (text, position_crlf)
{
  g_autoptr(LmText) t = from_data ("ab\r\ncd\r\n\r\nx", -1, LM_TEXT_NONE);
  struct { gsize offset; guint line, col; } want[] = {
    { 2, 1, 3 }, /* '\r' */ { 4, 2, 1 }, { 5, 2, 2 }, { 8, 3, 1 }, { 10, 4, 1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      guint line = 0, col = 0;
      lm_text_position (t, want[i].offset, &line, &col);
      cr_expect (line == want[i].line && col == want[i].col, "CRLF: offset %zu should be %u:%u, got %u:%u",
                 want[i].offset, want[i].line, want[i].col, line, col);
    }
}

Test (text, n_lines)
{
  struct { const char *data; guint n; } want[] = {
    { "", 0 }, { "a", 1 }, { "\n", 1 }, { "a\n", 1 }, { "a\nb", 2 }, { "a\nb\n", 2 },
    { "a\n\n", 2 }, { "a\r\nb\r\n", 2 }, { "\n\n\n", 3 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(LmText) t = from_data (want[i].data, -1, LM_TEXT_NONE);
      guint n = lm_text_get_n_lines (t);
      g_autofree char *shown = g_strescape (want[i].data, NULL);
      cr_expect_eq (n, want[i].n, "\"%s\" has %u lines, got %u", shown, want[i].n, n);
    }
}

Test (text, line_bounds)
{
  const char *s = "ab\r\ncd\r\n\r\nxyz\nlast";
  g_autoptr(LmText) t = from_data (s, -1, LM_TEXT_NONE);
  cr_assert_eq (lm_text_get_n_lines (t), 5, "5 lines expected, got %u", lm_text_get_n_lines (t));
  struct { guint line; gsize start, end; } want[] = {
    { 1, 0, 2 }, { 2, 4, 6 }, { 3, 8, 8 }, { 4, 10, 13 }, { 5, 14, 18 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      gsize start = 99, end = 99;
      gboolean ok = lm_text_line_bounds (t, want[i].line, &start, &end);
      cr_expect (ok, "line %u exists", want[i].line);
      cr_expect (start == want[i].start && end == want[i].end,
                 "line %u should be [%zu, %zu) ('\\r' and '\\n' excluded), got [%zu, %zu)",
                 want[i].line, want[i].start, want[i].end, start, end);
    }
  gsize a, b;
  cr_expect (!lm_text_line_bounds (t, 0, &a, &b), "line 0 is out of range");
  cr_expect (!lm_text_line_bounds (t, 6, &a, &b), "line 6 of 5 is out of range");

  g_autoptr(LmText) empty = from_data ("", 0, LM_TEXT_NONE);
  cr_expect (!lm_text_line_bounds (empty, 1, &a, &b), "an empty text has no line 1");
}

/* Positions are consistent with line bounds on every byte. */
Test (text, position_matches_line_bounds)
{
  const char *s = "Kathy\u2019s\r\n\n  \u201cTommy\u201d\nRuth";
  g_autoptr(LmText) t = from_data (s, -1, LM_TEXT_NONE);
  gsize len;
  lm_text_get_data (t, &len);
  for (gsize off = 0; off < len; off++)
    {
      if ((s[off] & 0xC0) == 0x80)
        continue; /* not a character start */
      guint line, col;
      lm_text_position (t, off, &line, &col);
      gsize start, end;
      cr_assert (lm_text_line_bounds (t, line, &start, &end), "offset %zu: line %u exists", off, line);
      cr_expect (start <= off, "offset %zu on line %u lies after the line's start %zu", off, line, start);
      glong chars = g_utf8_strlen (s + start, (gssize) (off - start));
      cr_expect_eq ((glong) col, chars + 1, "offset %zu: column %ld expected, got %u", off, chars + 1, col);
    }
}

/* lm_text_new_from_mapped: as lm_text_load for a file already mapped. */
Test (text, from_mapped)
{
  const char *content = "\xEF\xBB\xBF" "ab\nxy\xff" "z\n";
  g_autofree char *path = lmt_write_tmp (content, strlen (content));
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, &error);
  cr_assert_not_null (map, "mapping %s: %s", path, error ? error->message : "?");

  g_autoptr(LmText) strict = lm_text_new_from_mapped ("mapped.txt", map, LM_TEXT_NONE, &error);
  cr_expect_null (strict, "an invalid mapped file is rejected");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_ENCODING, "mapped.txt:2:3:", "invalid mapped file");
  g_clear_error (&error);

  g_autoptr(LmText) lenient = lm_text_new_from_mapped ("mapped.txt", map, LM_TEXT_LENIENT, &error);
  cr_assert_not_null (lenient, "lenient reading accepts it: %s", error ? error->message : "?");
  expect_data (lenient, "ab\nxy\uFFFDz\n", 10, "BOM skipped, bad byte replaced");
  cr_expect_eq (lm_text_get_replacements (lenient), 1, "1 replacement expected");
  cr_expect_str_eq (lm_text_get_name (lenient), "mapped.txt", "the name given is kept");
  g_unlink (path);

  /* the text keeps its own reference to the map */
  g_autofree char *ok_path = lmt_write_tmp ("Tommy\n", 6);
  GMappedFile *ok_map = g_mapped_file_new (ok_path, FALSE, &error);
  cr_assert_not_null (ok_map, "mapping %s", ok_path);
  g_autoptr(LmText) ok = lm_text_new_from_mapped ("ok.txt", ok_map, LM_TEXT_NONE, &error);
  cr_assert_not_null (ok, "a valid mapped file is accepted: %s", error ? error->message : "?");
  g_mapped_file_unref (ok_map);
  expect_data (ok, "Tommy\n", 6, "data valid after the caller drops its map reference");
  g_unlink (ok_path);

  /* an empty file */
  g_autofree char *empty_path = lmt_write_tmp ("", 0);
  g_autoptr(GMappedFile) empty_map = g_mapped_file_new (empty_path, FALSE, &error);
  cr_assert_not_null (empty_map, "mapping an empty file");
  g_autoptr(LmText) empty = lm_text_new_from_mapped ("empty.txt", empty_map, LM_TEXT_NONE, &error);
  cr_assert_not_null (empty, "an empty mapped file is an empty text");
  expect_data (empty, "", 0, "empty mapped file");
  g_unlink (empty_path);
}

/* ---------------------------------------------------------- size limit */

Test (text, size_limit_default)
{
  cr_expect_eq (lm_text_get_max_size (), LM_TEXT_DEFAULT_MAX_SIZE,
                "the default limit is LM_TEXT_DEFAULT_MAX_SIZE (256 MiB)");
  cr_expect_eq (LM_TEXT_DEFAULT_MAX_SIZE, (guint64) 256 * 1024 * 1024, "256 MiB, as documented");
}

/* The limit counts the bytes as given (BOM included), is inclusive, holds for
 * every constructor, and is checked before the bytes are validated. */
Test (text, size_limit)
{
  g_autoptr(GError) error = NULL;
  lm_text_set_max_size (8);

  g_autoptr(LmText) at = lm_text_new_from_data ("at.txt", "12345678", -1, LM_TEXT_NONE, &error);
  cr_expect_not_null (at, "a text of exactly the limit is read");

  g_autoptr(LmText) over = lm_text_new_from_data ("over.txt", "123456789", -1, LM_TEXT_NONE, &error);
  cr_expect_null (over, "a text one byte over the limit is refused");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LIMIT,
                    "over.txt: 9 bytes, larger than the limit of 8 bytes (--max-file-size)",
                    "over the limit");
  g_clear_error (&error);

  g_autoptr(LmText) bom = lm_text_new_from_data ("bom.txt", "\xEF\xBB\xBF" "123456", -1,
                                                 LM_TEXT_NONE, &error);
  cr_expect_null (bom, "the BOM counts: 9 bytes");
  g_clear_error (&error);

  /* invalid bytes: the limit is the error, not the encoding; lenient too */
  g_autoptr(LmText) bad = lm_text_new_from_data ("bad.txt", "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF",
                                                 -1, LM_TEXT_LENIENT, &error);
  cr_expect_null (bad, "lenient reading does not lift the limit");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LIMIT, "bad.txt: 9 bytes", "invalid bytes over the limit");
  g_clear_error (&error);

  char *path = NULL;
  g_autoptr(LmText) file = load_tmp ("a file of 26 bytes, words\n", 26, LM_TEXT_NONE, &path, &error);
  cr_expect_null (file, "lm_text_load applies the limit");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LIMIT, "26 bytes, larger than the limit of 8",
                    "file over the limit");
  g_clear_error (&error);

  lm_text_set_max_size (0);
  g_autoptr(LmText) unlimited = lm_text_load (path, LM_TEXT_NONE, &error);
  cr_expect_not_null (unlimited, "0 lifts the limit: %s", error ? error->message : "");
  g_unlink (path);
  g_free (path);
  lm_text_set_max_size (LM_TEXT_DEFAULT_MAX_SIZE);
}
