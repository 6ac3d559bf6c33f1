/* test-keyfile.c - LmKeyFile: GKeyFile with line numbers and the checks
 * GKeyFile does not make (keyfile.h). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/keyfile.h"
#include "core/lm-error.h"
#include "test-helpers.h"

static LmKeyFile *
from_data (const char *data)
{
  g_autoptr(GError) error = NULL;
  LmKeyFile *kf = lm_key_file_new_from_data ("conf.ini", data, -1, &error);
  cr_assert_not_null (kf, "the key file should load, got: %s", error ? error->message : "?");
  return kf;
}

static void
expect_strings (const GPtrArray *got, const char *const *want, guint n, const char *what)
{
  cr_assert_not_null (got, "%s: a list expected", what);
  cr_expect_eq (got->len, n, "%s: %u entries expected, got %u", what, n, got->len);
  for (guint i = 0; i < n && i < got->len; i++)
    cr_expect_str_eq (got->pdata[i], want[i], "%s[%u]: \"%s\" expected, got \"%s\"", what, i, want[i],
                      (const char *) got->pdata[i]);
}

static const char sample[] =
  "# A comment\n"              /* 1 */
  "\n"                         /* 2 */
  "[first]\n"                  /* 3 */
  "label=One\n"                /* 4 */
  "terms = a;b\n"              /* 5 */
  "\n"                         /* 6 */
  "  [second group]\n"         /* 7 */
  "# another comment\n"        /* 8 */
  "  label = Two\n"            /* 9 */
  "description=x=y\n"          /* 10 */
  "[third]\n";                 /* 11 */

Test (keyfile, groups_keys_and_lines)
{
  g_autoptr(LmKeyFile) kf = from_data (sample);
  const char *groups[] = { "first", "second group", "third" };
  expect_strings (lm_key_file_get_groups (kf), groups, 3, "groups");
  const char *first[] = { "label", "terms" };
  expect_strings (lm_key_file_get_keys (kf, "first"), first, 2, "keys of [first]");
  const char *second[] = { "label", "description" };
  expect_strings (lm_key_file_get_keys (kf, "second group"), second, 2, "keys of [second group]");
  const GPtrArray *third = lm_key_file_get_keys (kf, "third");
  cr_expect (third != NULL && third->len == 0, "[third] exists with no keys");
  cr_expect_null (lm_key_file_get_keys (kf, "fourth"), "an absent group has no key list");

  struct { const char *group, *key; guint line; } want[] = {
    { "first", NULL, 3 }, { "first", "label", 4 }, { "first", "terms", 5 },
    { "second group", NULL, 7 }, { "second group", "label", 9 },
    { "second group", "description", 10 }, { "third", NULL, 11 },
    { "first", "description", 0 }, { "fourth", NULL, 0 }, { "fourth", "label", 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      guint line = lm_key_file_get_line (kf, want[i].group, want[i].key);
      cr_expect_eq (line, want[i].line, "[%s] %s: line %u expected, got %u", want[i].group,
                    want[i].key ? want[i].key : "(header)", want[i].line, line);
    }
}

Test (keyfile, values_through_gkeyfile)
{
  g_autoptr(LmKeyFile) kf = from_data (sample);
  GKeyFile *k = lm_key_file_get_key_file (kf);
  cr_assert_not_null (k, "a GKeyFile is available");
  g_autofree char *label = g_key_file_get_string (k, "second group", "label", NULL);
  cr_expect_str_eq (label, "Two", "[second group] label is \"Two\", got \"%s\"", label);
  g_autofree char *desc = g_key_file_get_string (k, "second group", "description", NULL);
  cr_expect_str_eq (desc, "x=y", "the value runs from the first '=', got \"%s\"", desc);
  cr_expect_str_eq (lm_key_file_get_name (kf), "conf.ini", "the name is kept");
}

Test (keyfile, sha256)
{
  g_autoptr(LmKeyFile) kf = from_data (sample);
  const char *sum = lm_key_file_get_sha256 (kf);
  g_autofree char *want = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sample, -1);
  cr_expect_str_eq (sum, want, "the SHA-256 is that of the bytes read");
  cr_expect_eq (strlen (sum), 64, "64 hex digits");
}

Test (keyfile, same_key_in_two_groups)
{
  g_autoptr(LmKeyFile) kf = from_data ("[a]\nlabel=1\n[b]\nlabel=2\n");
  cr_expect_eq (lm_key_file_get_line (kf, "a", "label"), 2, "[a] label on line 2");
  cr_expect_eq (lm_key_file_get_line (kf, "b", "label"), 4, "[b] label on line 4");
}

/* ------------------------------------------------------------- errors */

typedef struct
{
  char what[64];
  char data[96];
  char where[24]; /* "conf.ini:N:" */
} BadCase;

ParameterizedTestParameters (keyfile, syntax_errors)
{
  static BadCase cases[] = {
    { "duplicate group", "[a]\nx=1\n[b]\ny=2\n[a]\nz=3\n", "conf.ini:5:" },
    { "duplicate group, indented", "[a]\n\n  [a]\n", "conf.ini:3:" },
    { "duplicate key", "[a]\nx=1\ny=2\nx=3\n", "conf.ini:4:" },
    { "duplicate key with spaces", "# c\n[a]\nx=1\n  x = 2\n", "conf.ini:4:" },
    { "key before the first group", "x=1\n[a]\ny=2\n", "conf.ini:1:" },
    { "key after comments, before group", "# c\n\nx=1\n", "conf.ini:3:" },
    { "garbage line", "[a]\nx=1\nthis is garbage\n", "conf.ini:3:" },
    { "key without a name", "[a]\n=value\n", "conf.ini:2:" },
    { "unclosed group header", "[a]\nx=1\n[b\n", "conf.ini:3:" },
    { "empty group header", "[a]\n[]\n", "conf.ini:2:" },
  };
  return cr_make_param_array (BadCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (BadCase *c, keyfile, syntax_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmKeyFile) kf = lm_key_file_new_from_data ("conf.ini", c->data, -1, &error);
  cr_expect_null (kf, "%s: the key file should be rejected", c->what);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, c->where, c->what);
  cr_expect (g_str_has_prefix (error->message, c->where), "%s: the message should start with \"%s\", got \"%s\"",
             c->what, c->where, error->message);
}

Test (keyfile, duplicate_names_first_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmKeyFile) kf = lm_key_file_new_from_data ("conf.ini", "[a]\nx=1\n\n[a]\n", -1, &error);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, "conf.ini:4:", "duplicate group");
  cr_expect (strstr (error->message, "line 1") != NULL,
             "the message should say where the group first stood (line 1), got \"%s\"", error->message);
}

/* Invalid bytes: the error names the line.  keyfile.h lists LM_ERROR_SYNTAX
 * while lm-error.h reserves LM_ERROR_ENCODING for invalid UTF-8; either is
 * accepted here (see the test report). */
Test (keyfile, invalid_utf8)
{
  struct { const char *what; const char *data; gssize len; const char *where; } cases[] = {
    { "invalid UTF-8 on line 2", "[a]\nx=\xff\n", -1, "conf.ini:2:" },
    { "NUL byte on line 3", "[a]\nx=1\ny=\0\n", 12, "conf.ini:3:" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LmKeyFile) kf = lm_key_file_new_from_data ("conf.ini", cases[i].data, cases[i].len, &error);
      cr_expect_null (kf, "%s: rejected", cases[i].what);
      cr_assert_not_null (error, "%s: an error is set", cases[i].what);
      cr_expect (error->domain == LM_ERROR
                 && (error->code == LM_ERROR_SYNTAX || error->code == LM_ERROR_ENCODING),
                 "%s: LM_ERROR_SYNTAX or LM_ERROR_ENCODING expected, got %s/%d", cases[i].what,
                 g_quark_to_string (error->domain), error->code);
      cr_expect (g_str_has_prefix (error->message, cases[i].where),
                 "%s: the message should start with \"%s\", got \"%s\"", cases[i].what, cases[i].where,
                 error->message);
    }
}

Test (keyfile, load_file)
{
  g_autofree char *path = lmt_write_tmp (sample, strlen (sample));
  g_autoptr(GError) error = NULL;
  g_autoptr(LmKeyFile) kf = lm_key_file_load (path, &error);
  cr_assert_not_null (kf, "the file should load: %s", error ? error->message : "?");
  cr_expect_str_eq (lm_key_file_get_name (kf), path, "the name of a loaded file is its path");
  cr_expect_eq (lm_key_file_get_line (kf, "second group", "label"), 9, "line numbers hold for files");
  g_unlink (path);

  const char *bad = "[a]\nx=1\n[a]\n";
  g_autofree char *bad_path = lmt_write_tmp (bad, strlen (bad));
  g_autoptr(LmKeyFile) b = lm_key_file_load (bad_path, &error);
  cr_expect_null (b, "a duplicate group in a file is an error");
  g_autofree char *where = g_strdup_printf ("%s:3:", bad_path);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, where, "duplicate group in a file");
  g_unlink (bad_path);

  g_clear_error (&error);
  g_autoptr(LmKeyFile) m = lm_key_file_load ("/nonexistent/lm-test/x.ini", &error);
  cr_expect_null (m, "a missing file cannot be loaded");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, NULL, "missing key file");
}
