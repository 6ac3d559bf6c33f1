/* test-format.c - output safety of the report writers (format.h): CSV
 * quoting and formula neutralisation, Markdown escaping, safe file names,
 * and lm_write_atomic() writing only plain names inside its folder. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/lm-error.h"
#include "report/format.h"
#include "test-helpers.h"

typedef struct
{
  char in[48];
  char want[56];
} Case;

static void
expect_csv (const char *in, const char *want)
{
  g_autoptr(GString) out = g_string_new (NULL);
  lm_append_csv_field (out, in);
  cr_expect_str_eq (out->str, want, "CSV field [%s]: want [%s], got [%s]", in, want, out->str);
}

ParameterizedTestParameters (format, csv_field)
{
  static Case cases[] = {
    /* RFC 4180 as before */
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    /* formula injection: a leading ' inside quotes */
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "=1+1", "\"'=1+1\"" },
    { "+1+1", "\"'+1+1\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tTAB", "\"'\tTAB\"" },
    { "\rCR", "\"'\rCR\"" },
    { "-", "\"'-\"" },
    { "--flag", "\"'--flag\"" },
    { "- a bullet", "\"'- a bullet\"" },
    /* whole numbers are left alone */
    { "-1.25", "-1.25" },
    { "+3", "+3" },
    { "-2e-5", "-2e-5" },
    { "-.5", "-.5" },
    { "12", "12" },
    /* only the first character counts */
    { "a=b", "a=b" },
    { " =x", " =x" },
  };
  return cr_make_param_array (Case, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (Case *c, format, csv_field)
{
  expect_csv (c->in, c->want);
}

ParameterizedTestParameters (format, md_cell)
{
  static Case cases[] = {
    { "plain words", "plain words" },
    { "a|b", "a\\|b" },
    { "back\\slash", "back\\\\slash" },
    { "line\nbreak\r", "line break " },
    { "[click](javascript:x)", "\\[click\\](javascript:x)" },
    { "![img](http://t/x.png)", "!\\[img\\](http://t/x.png)" },
    { "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>" },
    { "&amp; &#60;", "\\&amp; \\&#60;" },
    { "`code` *em* _em_ ~~del~~", "\\`code\\` \\*em\\* \\_em\\_ \\~\\~del\\~\\~" },
    { "esc\x1b[31mred", "esc \\[31mred" },
    { "Ishiguro\xE2\x80\x99s (274)", "Ishiguro\xE2\x80\x99s (274)" },
  };
  return cr_make_param_array (Case, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (Case *c, format, md_cell)
{
  g_autoptr(GString) out = g_string_new (NULL);
  lm_append_md_cell (out, c->in);
  cr_expect_str_eq (out->str, c->want, "Markdown cell [%s]: want [%s], got [%s]", c->in, c->want,
                    out->str);
}

ParameterizedTestParameters (format, safe_file_name)
{
  static Case cases[] = {
    { "Gary Carden", "gary-carden" },
    { "../../etc/passwd", "etc-passwd" },
    { "..", "unnamed" },
    { ".", "unnamed" },
    { "", "unnamed" },
    { "a/b\\c", "a-b-c" },
    { "tab\there\nnl\x01", "tab-here-nl" },
    { "-leading and trailing-", "leading-and-trailing" },
    { "Kazuo Ishiguro\xE2\x80\x99s critic", "kazuo-ishiguro-s-critic" },
    { "hope-essay", "hope-essay" },
    { "\xC3\xA9\xC3\xA9\xC3\xA9", "unnamed" },
  };
  return cr_make_param_array (Case, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (Case *c, format, safe_file_name)
{
  g_autofree char *got = lm_safe_file_name (c->in);
  cr_expect_str_eq (got, c->want, "safe name of [%s]: want [%s], got [%s]", c->in, c->want, got);
}

Test (format, safe_file_name_bounded)
{
  g_autofree char *got = lm_safe_file_name (NULL);
  cr_expect_str_eq (got, "unnamed", "NULL gives \"unnamed\"");
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < 200; i++)
    g_string_append (s, "ab/");
  g_autofree char *longest = lm_safe_file_name (s->str);
  g_string_free (s, TRUE);
  cr_expect_leq (strlen (longest), 64, "cut to 64 bytes, got %zu", strlen (longest));
  cr_expect (!g_str_has_suffix (longest, "-"), "no trailing '-' after the cut: %s", longest);
}

/* lm_write_atomic() writes a plain name inside its folder, and refuses any
 * name that could leave it or hide in it. */
Test (format, write_atomic_only_plain_names)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("lm-format-XXXXXX", &error);
  cr_assert_not_null (root, "temporary folder");
  g_autofree char *out = g_build_filename (root, "out", NULL);
  g_autoptr(GString) body = g_string_new ("x\n");

  cr_expect (lm_write_atomic (out, "motifs.csv", body, &error), "a plain name is written: %s",
             error ? error->message : "");
  g_autofree char *written = g_build_filename (out, "motifs.csv", NULL);
  cr_expect (g_file_test (written, G_FILE_TEST_IS_REGULAR), "motifs.csv is in the output folder");

  const char *bad[] = { "", ".", "..", "../escape.csv", "sub/x.csv", "..\\escape.csv",
                        "a\\b.csv", "tab\t.csv", "nl\n.csv", "esc\x1b.csv", "del\x7f.csv" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      cr_expect (!lm_write_atomic (out, bad[i], body, &error), "name %zu is refused", i);
      lmt_assert_error (error, LM_ERROR, LM_ERROR_IO, "not a plain file name", bad[i]);
    }
  g_autofree char *escaped = g_build_filename (root, "escape.csv", NULL);
  cr_expect (!g_file_test (escaped, G_FILE_TEST_EXISTS), "nothing written outside the folder");

  /* the only file in the folder is the one written */
  g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
  cr_assert_not_null (dir);
  guint n = 0;
  while (g_dir_read_name (dir))
    n++;
  cr_expect_eq (n, 1, "one file in the output folder, got %u", n);
  g_unlink (written);
  g_rmdir (out);
  g_rmdir (root);
}
