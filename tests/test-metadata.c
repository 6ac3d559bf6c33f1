/* test-metadata.c - the CSV metadata table of a batch (metadata.h): RFC 4180
 * reading, every documented error with its line:col, and lookup rules. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>

#include "batch/metadata.h"
#include "core/lm-error.h"
#include "test-helpers.h"

static LmMetadata *
parse (const char *csv)
{
  g_autoptr(GError) error = NULL;
  LmMetadata *md = lm_metadata_new_from_data ("m.csv", csv, strlen (csv), &error);
  cr_assert_not_null (md, "the CSV should parse, got: %s\n---\n%s", error ? error->message : "?", csv);
  return md;
}

/* Asserts the columns, joined by '|'. */
static void
expect_columns (const LmMetadata *md, const char *want)
{
  const GPtrArray *cols = lm_metadata_get_columns (md);
  cr_assert_not_null (cols, "the columns are never NULL");
  GString *got = g_string_new (NULL);
  for (guint i = 0; i < cols->len; i++)
    g_string_append_printf (got, "%s%s", i ? "|" : "", (char *) cols->pdata[i]);
  cr_expect_str_eq (got->str, want, "columns [%s] expected, got [%s]", want, got->str);
  g_string_free (got, TRUE);
}

/* Asserts the row of @key, values joined by '|', or its absence (@want NULL). */
static void
expect_row (const LmMetadata *md, const char *key, const char *want)
{
  const GPtrArray *row = lm_metadata_lookup (md, key);
  if (want == NULL)
    {
      cr_expect_null (row, "\"%s\" should find no row", key);
      return;
    }
  cr_assert_not_null (row, "\"%s\" should find the row [%s]", key, want);
  cr_expect_eq (row->len, lm_metadata_get_columns (md)->len, "\"%s\": one value a column", key);
  GString *got = g_string_new (NULL);
  for (guint i = 0; i < row->len; i++)
    g_string_append_printf (got, "%s%s", i ? "|" : "", (char *) row->pdata[i]);
  cr_expect_str_eq (got->str, want, "\"%s\": row [%s] expected, got [%s]", key, want, got->str);
  g_string_free (got, TRUE);
}

/* ------------------------------------------------------------- reading */

Test (metadata, basic)
{
  g_autoptr(LmMetadata) md = parse ("file,critic,outlet,year\n"
                                    "a.txt,Smith,The Guardian,2005\n"
                                    "b.txt,Jones,,2010\n");
  expect_columns (md, "critic|outlet|year");
  cr_expect_eq (lm_metadata_get_n_rows (md), 2);
  expect_row (md, "a.txt", "Smith|The Guardian|2005");
  expect_row (md, "b.txt", "Jones||2010");
  expect_row (md, "c.txt", NULL);
}

Test (metadata, quoting)
{
  g_autoptr(LmMetadata) md = parse ("file,critic,title\n"
                                    "\"a.txt\",\"Jones, A.\",\"He said \"\"no\"\"\"\n"
                                    "\"b,c.txt\",\"\",\"\"\"\"\n"
                                    "d.txt,caf\xc3\xa9,\"\xe2\x80\x9cquoted\xe2\x80\x9d\"\n");
  expect_row (md, "a.txt", "Jones, A.|He said \"no\"");
  expect_row (md, "b,c.txt", "|\"");
  expect_row (md, "d.txt", "caf\xc3\xa9|\xe2\x80\x9cquoted\xe2\x80\x9d");
}

Test (metadata, embedded_newlines)
{
  g_autoptr(LmMetadata) md = parse ("file,note\n"
                                    "a.txt,\"line one\nline two\"\n"
                                    "b.txt,\"crlf\r\ninside, read as LF\"\r\n"
                                    "c.txt,\"\n\"\n");
  expect_row (md, "a.txt", "line one\nline two");
  expect_row (md, "b.txt", "crlf\ninside, read as LF");
  expect_row (md, "c.txt", "\n");
}

Test (metadata, line_ends_bom_blank_lines)
{
  const char *variants[] = {
    "file,year\r\na.txt,2005\r\nb.txt,2010\r\n",          /* CRLF */
    "file,year\ra.txt,2005\rb.txt,2010",                  /* CR, no final break */
    "file,year\na.txt,2005\nb.txt,2010",                  /* no final line break */
    "\xef\xbb\xbf" "File,year\na.txt,2005\nb.txt,2010\n", /* BOM, "File" */
    "\n\nFILE,year\n\na.txt,2005\r\n\r\n\nb.txt,2010\n\n", /* blank lines */
    "file , year \na.txt,2005\nb.txt,2010\n",             /* header names trimmed */
  };
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(LmMetadata) md = parse (variants[i]);
      expect_columns (md, "year");
      cr_expect_eq (lm_metadata_get_n_rows (md), 2, "variant %u: 2 rows, got %u", i,
                    lm_metadata_get_n_rows (md));
      expect_row (md, "a.txt", "2005");
      expect_row (md, "b.txt", "2010");
    }
}

Test (metadata, values_as_written)
{
  g_autoptr(LmMetadata) md = parse ("file,a,b\n x.txt , 1 ,\n");
  expect_row (md, " x.txt ", " 1 |");
  expect_row (md, "x.txt", NULL);
}

Test (metadata, only_the_file_column)
{
  g_autoptr(LmMetadata) md = parse ("file\na.txt\n");
  expect_columns (md, "");
  expect_row (md, "a.txt", "");
}

Test (metadata, header_only)
{
  g_autoptr(LmMetadata) md = parse ("file,year\n");
  expect_columns (md, "year");
  cr_expect_eq (lm_metadata_get_n_rows (md), 0);
  expect_row (md, "a.txt", NULL);
}

Test (metadata, load_file)
{
  const char csv[] = "file,year\na.txt,2005\n";
  g_autofree char *path = lmt_write_tmp (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmMetadata) md = lm_metadata_load (path, &error);
  cr_assert_not_null (md, "%s should load: %s", path, error ? error->message : "?");
  expect_row (md, "a.txt", "2005");

  const char bad[] = "file,year\na.txt,2005,x\n";
  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
  g_autoptr(LmMetadata) md2 = lm_metadata_load (path, &error);
  g_autofree char *where = g_strdup_printf ("%s:2:12: ", path);
  g_unlink (path);
  cr_expect_null (md2);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, where, "errors name the path");
}

Test (metadata, unreadable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmMetadata) md = lm_metadata_load ("/nonexistent/lm-test/m.csv", &error);
  cr_expect_null (md);
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, NULL, "missing file");
}

/* ------------------------------------------------------------- errors */

typedef struct
{
  char what[56];
  char data[96];
  gsize len;      /* 0: strlen (data) */
  int code;       /* LmError */
  char where[16]; /* "m.csv:L:C: " */
  char needle[32];
} BadCase;

ParameterizedTestParameters (metadata, errors)
{
  static BadCase cases[] = {
    { "empty file", "", 0, LM_ERROR_SYNTAX, "m.csv:1:1: ", "no header" },
    { "only blank lines", "\n\r\n\n", 0, LM_ERROR_SYNTAX, "m.csv:1:1: ", "no header" },
    { "only a BOM", "\xef\xbb\xbf", 0, LM_ERROR_SYNTAX, "m.csv:1:1: ", "no header" },
    { "first column not file", "name,year\n", 0, LM_ERROR_SYNTAX, "m.csv:1:1: ", "\"file\"" },
    { "first column \"files\"", "\n\nfiles,year\n", 0, LM_ERROR_SYNTAX, "m.csv:3:1: ", "\"file\"" },
    { "empty first header name", " ,year\n", 0, LM_ERROR_SYNTAX, "m.csv:1:1: ", "empty name" },
    { "empty header name", "file,,year\n", 0, LM_ERROR_SYNTAX, "m.csv:1:6: ", "column 2 has an empty" },
    { "empty last header name", "file,year,\n", 0, LM_ERROR_SYNTAX, "m.csv:1:11: ", "empty name" },
    { "empty quoted header name", "file,\"\"\n", 0, LM_ERROR_SYNTAX, "m.csv:1:6: ", "empty name" },
    { "duplicate column", "file,Year,critic,year\n", 0, LM_ERROR_SYNTAX, "m.csv:1:18: ", "duplicate column" },
    { "a second file column", "file,x,FILE\n", 0, LM_ERROR_SYNTAX, "m.csv:1:8: ", "duplicate column" },
    { "unterminated quote", "file,x\na.txt,\"abc\nmore\n", 0, LM_ERROR_SYNTAX, "m.csv:2:7: ", "unterminated" },
    { "unterminated quote in the header", "file,\"x\n", 0, LM_ERROR_SYNTAX, "m.csv:1:6: ", "unterminated" },
    { "quote inside an unquoted field", "file,x\na.txt,ab\"c\"\n", 0, LM_ERROR_SYNTAX, "m.csv:2:9: ",
      "unquoted field" },
    { "quote after a space", "file,x\na.txt, \"c\"\n", 0, LM_ERROR_SYNTAX, "m.csv:2:8: ", "unquoted field" },
    { "text after a closing quote", "file,x\na.txt,\"ab\"c\n", 0, LM_ERROR_SYNTAX, "m.csv:2:11: ",
      "after a closing quote" },
    { "too many fields", "file,x\na.txt,1\nb.txt,1,2\n", 0, LM_ERROR_SYNTAX, "m.csv:3:9: ",
      "3 fields, the header has 2" },
    { "too few fields", "file,x,y\na.txt,1\n", 0, LM_ERROR_SYNTAX, "m.csv:2:8: ",
      "2 fields, the header has 3" },
    { "too few fields at the end", "file,x,y\na.txt,1", 0, LM_ERROR_SYNTAX, "m.csv:2:8: ", "2 fields" },
    { "a trailing comma", "file,x\na.txt,1,\n", 0, LM_ERROR_SYNTAX, "m.csv:2:9: ", "3 fields" },
    { "wrong count after an embedded newline", "file,x\na.txt,\"1\n2\"\nb.txt,1,2\n", 0, LM_ERROR_SYNTAX,
      "m.csv:4:9: ", "3 fields" },
    { "wrong count after CRLF lines", "file,x\r\na.txt,1\r\n\r\nb.txt\r\n", 0, LM_ERROR_SYNTAX,
      "m.csv:4:6: ", "1 fields" },
    { "duplicate file", "file,x\na.txt,1\nb.txt,2\na.txt,3\n", 0, LM_ERROR_SYNTAX, "m.csv:4:1: ",
      "first at line 2" },
    { "duplicate quoted file", "file,x\na.txt,1\n\"a.txt\",3\n", 0, LM_ERROR_SYNTAX, "m.csv:3:1: ",
      "duplicate file \"a.txt\"" },
    { "empty file name", "file,x\n,1\n", 0, LM_ERROR_SYNTAX, "m.csv:2:1: ", "empty file name" },
    { "invalid UTF-8", "file,x\na.txt,caf\xc3\n", 0, LM_ERROR_ENCODING, "m.csv:2:10: ", "UTF-8" },
    { "invalid UTF-8 after a multi-byte character", "file,x\na.txt,\xc3\xa9\xff\n", 0, LM_ERROR_ENCODING,
      "m.csv:2:8: ", "UTF-8" },
    { "invalid UTF-8 after a BOM", "\xef\xbb\xbf\xfe" "file\n", 0, LM_ERROR_ENCODING, "m.csv:1:1: ", "UTF-8" },
    { "NUL byte", "file,x\na\0b,1\n", 13, LM_ERROR_ENCODING, "m.csv:2:2: ", "NUL" },
  };
  return cr_make_param_array (BadCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (BadCase *c, metadata, errors)
{
  g_autoptr(GError) error = NULL;
  gsize len = c->len ? c->len : strlen (c->data);
  g_autoptr(LmMetadata) md = lm_metadata_new_from_data ("m.csv", c->data, len, &error);
  cr_expect_null (md, "%s: the CSV should be rejected", c->what);
  lmt_assert_error (error, LM_ERROR, c->code, c->needle, c->what);
  cr_expect (g_str_has_prefix (error->message, c->where),
             "%s: the message should start with \"%s\", got \"%s\"", c->what, c->where, error->message);
}

/* ------------------------------------------------------------- lookup */

static const char rows[] =
  "file,n\n"
  "a.txt,1\n"
  "sub/b.txt,2\n"
  "/abs/essays/c.txt,3\n"
  "x/d.txt,4\n"
  "y/d.txt,5\n"
  "./e.txt,6\n"
  "f.txt,7\n"
  "essays/f.txt,8\n";

Test (metadata, lookup_exact)
{
  g_autoptr(LmMetadata) md = parse (rows);
  expect_row (md, "a.txt", "1");
  expect_row (md, "sub/b.txt", "2");
  expect_row (md, "/abs/essays/c.txt", "3");
  expect_row (md, "x/d.txt", "4");
  expect_row (md, "./e.txt", "6");
  expect_row (md, "f.txt", "7");
  expect_row (md, "essays/f.txt", "8"); /* exact beats the suffix match of f.txt */
  expect_row (md, "missing.txt", NULL);
  expect_row (md, "", NULL);
  expect_row (md, "/", NULL);
  expect_row (md, NULL, NULL);
}

Test (metadata, lookup_by_basename_and_suffix)
{
  g_autoptr(LmMetadata) md = parse (rows);
  expect_row (md, "essays/sub/a.txt", "1");    /* row "a.txt": the basename */
  expect_row (md, "/home/k/essays/a.txt", "1");
  expect_row (md, "essays/sub/b.txt", "2");    /* row "sub/b.txt" ends the key */
  expect_row (md, "c.txt", "3");               /* the key ends row "/abs/essays/c.txt" */
  expect_row (md, "essays/c.txt", "3");
  expect_row (md, "z/x/d.txt", "4");           /* only x/d.txt agrees */
  expect_row (md, "e.txt", "6");               /* "." ignored */
  expect_row (md, "sub//./e.txt", "6");
  expect_row (md, "other/f.txt", "7");         /* essays/f.txt disagrees, f.txt agrees */
}

Test (metadata, lookup_mismatch_and_ambiguous)
{
  g_autoptr(LmMetadata) md = parse (rows);
  expect_row (md, "other/b.txt", NULL);        /* sub/b.txt is another folder */
  expect_row (md, "other/c.txt", NULL);
  expect_row (md, "d.txt", NULL);              /* x/d.txt and y/d.txt: ambiguous */
  expect_row (md, "essays/d.txt", NULL);       /* agrees with neither */
  expect_row (md, "b.txt/", "2");              /* the trailing slash is an empty component */
}

Test (metadata, lookup_two_bare_names)
{
  /* Rows "a.txt" and "sub/a.txt" both agree with "essays/sub/a.txt". */
  g_autoptr(LmMetadata) md = parse ("file,n\na.txt,1\nsub/a.txt,2\n");
  expect_row (md, "essays/sub/a.txt", NULL);
  expect_row (md, "essays/other/a.txt", "1");
  expect_row (md, "a.txt", "1");
}

/* 100,000 rows of one file name in as many folders (a site of index.md
 * pages): each key finds its own row by its last components, without
 * comparing it with every row of that name (that took 10^10 comparisons). */
Test (metadata, lookup_many_rows_of_one_name, .timeout = 20)
{
  GString *csv = g_string_new ("file,n\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, "d%u/index.md,%u\n", i, i);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmMetadata) md = lm_metadata_new_from_data ("many.csv", csv->str, csv->len, &error);
  g_string_free (csv, TRUE);
  cr_assert_not_null (md, "%s", error ? error->message : "");
  guint found = 0;
  for (guint i = 0; i < 100000; i++)
    {
      char key[64], want[16];
      g_snprintf (key, sizeof key, "site/d%u/index.md", i);
      g_snprintf (want, sizeof want, "%u", i);
      const GPtrArray *row = lm_metadata_lookup (md, key);
      found += row != NULL && g_str_equal (row->pdata[0], want);
    }
  cr_expect_eq (found, 100000, "every key finds its own row, %u did", found);
  expect_row (md, "index.md", NULL);            /* 100,000 rows agree: ambiguous */
  expect_row (md, "site/other/index.md", NULL); /* no folder agrees */
  expect_row (md, "d7/index.md", "7");          /* exact */
  expect_row (md, "/x/d7/index.md/", "7");      /* trailing slash: ignored */
}
