/* test-kwic-cli.c - `leitmotif kwic`: term syntax, @category, voices,
 * alignment, TSV, widths, and every usage and input error. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-run.h"

/* Each test writes its texts into a fresh folder, removed afterwards. */
static char *tmp_dir;
static GPtrArray *tmp_files;

static void
setup (void)
{
  tmp_dir = g_dir_make_tmp ("lm-kwic-XXXXXX", NULL);
  cr_assert_not_null (tmp_dir, "a temporary folder can be made");
  tmp_files = g_ptr_array_new_with_free_func (g_free);
}

static void
teardown (void)
{
  for (guint i = 0; i < tmp_files->len; i++)
    g_unlink (tmp_files->pdata[i]);
  g_rmdir (tmp_dir);
  g_ptr_array_unref (tmp_files);
  g_free (tmp_dir);
}

TestSuite (kwic_cli, .init = setup, .fini = teardown);

/* Writes @len bytes (-1: a string) to @name in the test's folder.
 * Returns: (transfer none): its path. */
static const char *
text_file (const char *name, const char *contents, gssize len)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  cr_assert (g_file_set_contents (path, contents, len, NULL), "%s can be written", path);
  g_ptr_array_add (tmp_files, path);
  return path;
}

/* The arguments after "kwic", and the texts expected on the lines. */
#define ARGS(...) ((const char *[]) { __VA_ARGS__, NULL })
#define LINES(...) ((const char *[]) { __VA_ARGS__ })

/* Runs `leitmotif kwic @args...`. */
static CliResult
kwic (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) "kwic");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cli_run (NULL, (const char *const *) argv->pdata);
}

/* Runs it, asserts exit 0. Returns: (transfer full): standard output. */
static char *
kwic_out (const char *const *args, const char *what)
{
  CliResult r = kwic (args);
  cr_assert_eq (r.status, 0, "%s: exit 0, got %d: %s", what, r.status, r.err);
  char *out = g_steal_pointer (&r.out);
  cli_result_clear (&r);
  return out;
}

/* The lines of @out, without the final empty one. (transfer full) */
static GStrv
lines_of (const char *out)
{
  if (*out == '\0')
    return g_new0 (char *, 1);
  GStrv lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);
  cr_assert (n > 0 && *lines[n - 1] == '\0', "output ends with a newline: \"%s\"", out);
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return lines;
}

/* Runs it and asserts exit 0 and @n output lines, each holding the next of
 * @texts ("[hopes]"...) when given. */
static void
expect_lines (const char *const *args, guint n, const char *const *texts, const char *what)
{
  g_autofree char *out = kwic_out (args, what);
  g_auto(GStrv) lines = lines_of (out);
  cr_assert_eq (g_strv_length (lines), n, "%s: %u lines expected:\n%s", what, n, out);
  for (guint i = 0; texts && i < n; i++)
    cr_expect (strstr (lines[i], texts[i]) != NULL, "%s: line %u holds %s: %s", what, i + 1,
               texts[i], lines[i]);
}

/* Runs it and asserts exit @status, standard error holding @needle. */
static void
expect_failure (const char *const *args, int status, const char *needle, const char *what)
{
  CliResult r = kwic (args);
  cr_expect_eq (r.status, status, "%s: exit %d expected, got %d (%s)", what, status, r.status,
                r.err);
  cr_expect (strstr (r.err, needle) != NULL, "%s: stderr holds \"%s\": %s", what, needle, r.err);
  cli_result_clear (&r);
}

static const char quoted[] =
  "The critic writes that hope matters here. As Kathy says, “we lost our hopes and "
  "kept hoping for something else entirely” (93). The critic hopes again.\n";

static const char tsv_header[] = "file\tline\tcol\tvoice\tcategory\tleft\tmatch\tright\n";

/* ------------------------------------------------------------ term syntax */

Test (kwic_cli, stem_term_finds_inflections)
{
  const char *f = text_file ("a.txt", "She hopes for more.\nHoping is all. Hopeless? No.\n", -1);
  expect_lines (ARGS ("hope", f), 2, LINES ("[hopes]", "[Hoping]"), "stem match");
  g_autofree char *out = kwic_out (ARGS ("hope", f), "stem match");
  g_autofree char *where = g_strdup_printf ("%s:2:1  ", f);
  cr_expect (strstr (out, where) != NULL, "line 2 col 1 located: %s", out);
}

Test (kwic_cli, exact_term)
{
  const char *f = text_file ("a.txt", "hope hopes hoping Hope", -1);
  expect_lines (ARGS ("=hope", f), 2, LINES ("[hope]", "[Hope]"),
                "exact match (on the folded form, so case-blind)");
}

Test (kwic_cli, prefix_term)
{
  const char *f = text_file ("a.txt", "hope hopes hop happy hoping", -1);
  expect_lines (ARGS ("hop*", f), 4, LINES ("[hope]", "[hopes]", "[hop]", "[hoping]"),
                "prefix match");
}

Test (kwic_cli, phrase_with_gap_and_several_terms)
{
  const char *f = text_file ("a.txt", "They let the anger go. Let go now. Let it all be so slow to go.", -1);
  expect_lines (ARGS ("let ~3 go", f), 2, LINES ("[let the anger go]", "[Let go]"),
                "a gap of up to 3 words, not 6");
  expect_lines (ARGS ("let ~3 go;now", f), 3, LINES ("[let the anger go]", "[Let go]", "[now]"),
                "';' separates terms; hits in text order");
}

Test (kwic_cli, keyfile_characters_in_a_term_are_escaped)
{
  const char *f = text_file ("a.txt", "hope and more", -1);
  expect_lines (ARGS ("[hope]", f), 1, LINES ("[hope]"), "a group header is no group");
  expect_lines (ARGS ("  =hope", f), 1, LINES ("[hope]"), "leading spaces");
  expect_lines (ARGS ("#hope", f), 1, LINES ("[hope]"), "a comment sign");
  expect_lines (ARGS ("[motif x]\\", f), 0, NULL, "a backslash at the end");
}

Test (kwic_cli, category_uses_its_exclusions)
{
  const char *f = text_file ("a.txt", "Never Let Me Go is the title. Tommy lets his anger go.", -1);
  expect_lines (ARGS ("@letting-go", f), 1, LINES ("[lets his anger go]"),
                "the title is excluded, the motif is not");
  expect_lines (ARGS ("let ~3 go", f), 2, NULL, "a TERM has no exclusions: the title matches too");
}

Test (kwic_cli, category_from_another_lexicon)
{
  const char *lex = text_file ("lex.ini", "[motif sea]\nlabel=Sea\ndescription=d\nterms=wave\n"
                                          "[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n", -1);
  const char *f = text_file ("a.txt", "Waves of hope.", -1);
  g_autofree char *out = kwic_out (ARGS ("--lexicon", lex, "--format", "tsv", "@sea", f), "sea");
  g_autofree char *want = g_strdup_printf ("%s%s\t1\t1\tcritic\tsea\t\tWaves\t of hope.\n",
                                           tsv_header, f);
  cr_expect_str_eq (out, want, "only the sea hit, from the given lexicon");
}

/* ------------------------------------------------------------ voices */

Test (kwic_cli, voice_critic_and_quotation)
{
  const char *f = text_file ("q.txt", quoted, -1);
  expect_lines (ARGS ("--voice", "critic", "hope", f), 2, LINES ("[hope]", "[hopes] again"),
                "the critic's own words");
  expect_lines (ARGS ("--voice", "quotation", "hope", f), 2, LINES ("[hopes] and", "[hoping]"),
                "inside the page-cited quotation");
  expect_lines (ARGS ("hope", f), 4, NULL, "default: every voice");
  g_autofree char *out = kwic_out (ARGS ("--voice", "all", "--format", "tsv", "hope", f), "tsv");
  cr_expect (strstr (out, "\tcritic\tkwic\t") != NULL && strstr (out, "\tquotation\tkwic\t") != NULL,
             "TSV names the voice and the category: %s", out);
}

Test (kwic_cli, boilerplate_only_on_request)
{
  const char *f = text_file ("b.txt", "My comment on the novel is short.\nLeave a comment\n", -1);
  expect_lines (ARGS ("comment", f), 1, LINES ("1:4  "), "\"all\" leaves boilerplate out, as counts do");
  expect_lines (ARGS ("--voice", "boilerplate", "comment", f), 1, LINES ("2:9  "),
                "boilerplate when asked for");
  expect_lines (ARGS ("--voice", "comment", "comment", f), 0, NULL, "no reader comments here");
}

/* ------------------------------------------------------------ output */

Test (kwic_cli, text_lines_align_the_matches)
{
  /* line numbers of one and two digits, three files, multi-byte contexts */
  g_autoptr(GString) long_text = g_string_new (NULL);
  for (guint i = 0; i < 11; i++)
    g_string_append (long_text, i == 10 ? "“Déjà vu” é hope\n" : "filler\n");
  const char *a = text_file ("a.txt", long_text->str, -1);
  const char *b = text_file ("bb.txt", "hope first, then a long run of words before hope", -1);
  const char *d = text_file ("c.txt", "“Déjà” hope", -1); /* short: padded, not cut */
  const char *const *args = ARGS ("--width", "20", "hope", a, b, d);
  expect_lines (args, 4, LINES (":11:13  ", ":1:1  ", ":1:45  ", "  “Déjà” [hope]"),
                "four hits over three files, in order");
  g_autofree char *out = kwic_out (args, "alignment");
  g_auto(GStrv) lines = lines_of (out);
  glong col = -1;
  for (guint i = 0; lines[i]; i++)
    {
      const char *bracket = strchr (lines[i], '[');
      cr_assert_not_null (bracket, "line has a match: %s", lines[i]);
      glong c = g_utf8_pointer_to_offset (lines[i], bracket);
      if (col < 0)
        col = c;
      cr_expect_eq (c, col, "'[' at character %ld, as on the first line (%ld):\n%s", c, col, out);
    }
}

Test (kwic_cli, width_cuts_with_ellipsis)
{
  const char *f = text_file ("a.txt", "one two three four hope five six seven eight", -1);
  g_autofree char *out = kwic_out (ARGS ("--width", "10", "hope", f), "width 10");
  g_autofree char *want = g_strdup_printf ("%s:1:20  …ree four [hope] five six…\n", f);
  cr_expect_str_eq (out, want, "ten characters a side, ellipsis included");
  g_autofree char *bare_out = kwic_out (ARGS ("--width", "0", "hope", f), "width 0");
  g_autofree char *bare = g_strdup_printf ("%s:1:20  [hope]\n", f);
  cr_expect_str_eq (bare_out, bare, "width 0: the match alone");
  expect_lines (ARGS ("--width", "1000", "hope", f), 1, NULL, "1000 is the largest width");
}

Test (kwic_cli, tsv_header_and_rows)
{
  const char *f = text_file ("a.txt", "Hope\there.\nAnd\r\n  more hope\tlater,\n and hoping.", -1);
  g_autofree char *out = kwic_out (ARGS ("--format", "tsv", "--width", "8", "hope", f), "tsv");
  cr_assert (g_str_has_prefix (out, tsv_header), "TSV header: %s", out);
  g_auto(GStrv) lines = lines_of (out);
  cr_assert_eq (g_strv_length (lines), 4, "a header and three rows:\n%s", out);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
      cr_expect_eq (g_strv_length (cells), 8, "eight cells, whitespace collapsed: %s", lines[i]);
    }
  g_autofree char *row = g_strdup_printf ("%s\t3\t8\tcritic\tkwic\t…d more \thope\t later,…", f);
  cr_expect_str_eq (lines[2], row, "second hit, columns in characters");
}

Test (kwic_cli, control_characters_never_reach_the_terminal)
{
  const char *f = text_file ("a.txt", "evil \x1b[2J hope \x07 end", -1);
  g_autofree char *out = kwic_out (ARGS ("hope", f), "control characters");
  cr_expect (strchr (out, '\x1b') == NULL && strchr (out, '\x07') == NULL,
             "no ESC or BEL in the output: %s", out);
  cr_expect (strstr (out, "evil \uFFFD[2J [hope] \uFFFD end") != NULL, "shown as U+FFFD: %s", out);
}

Test (kwic_cli, no_hits)
{
  const char *f = text_file ("a.txt", "nothing to see", -1);
  g_autofree char *text = kwic_out (ARGS ("hope", f), "no hits, text");
  cr_expect_str_eq (text, "", "text: no lines");
  g_autofree char *tsv = kwic_out (ARGS ("--format", "tsv", "hope", f), "no hits, tsv");
  cr_expect_str_eq (tsv, tsv_header, "TSV: the header only");
}

/* ------------------------------------------------------------ errors */

Test (kwic_cli, unknown_category)
{
  const char *f = text_file ("a.txt", "hope", -1);
  expect_failure (ARGS ("@no-such-motif", f), 2, "category \"no-such-motif\" does not exist",
                  "unknown category");
  expect_failure (ARGS ("@no-such-motif", f), 2, "letting-go", "the categories are listed");
}

Test (kwic_cli, malformed_terms)
{
  const char *f = text_file ("a.txt", "hope", -1);
  static const struct
  {
    const char *term, *needle;
  } cases[] = {
    { "let ~", "kwic: term \"let ~\": \"~\" must be followed by a whole number" },
    { "hope*less", "kwic: term \"hope*less\": \"*\" may only end a word" },
    { "~2 go", "a gap \"~N\" must stand between two words" },
    { "let ~99 go", "exceeds the limit" },
    { "hope\nlet", "TERM must be one line" },
    { " ; ;", "TERM is empty" },
    { "\xff", "TERM is not valid UTF-8" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      expect_failure (ARGS (cases[i].term, f), 2, cases[i].needle, cases[i].term);
      CliResult r = kwic (ARGS (cases[i].term, f));
      cr_expect (strstr (r.err, "TERM:") == NULL, "no line of the generated lexicon: %s", r.err);
      cr_expect_str_eq (r.out, "", "nothing on standard output");
      cli_result_clear (&r);
    }
}

Test (kwic_cli, bad_options)
{
  const char *f = text_file ("a.txt", "hope", -1);
  static const struct
  {
    const char *opt, *value, *needle;
  } cases[] = {
    { "--width", "-1", "--width must be between 0 and 1000" },
    { "--width", "1001", "--width must be between 0 and 1000" },
    { "--width", "ten", "width" },
    { "--voice", "narrator", "unknown voice \"narrator\" (critic, quotation, comment, boilerplate or all)" },
    { "--format", "json", "unknown format \"json\" (text or tsv)" },
    { "--lexicon", "lexicons/never-let-me-go.ini", "--lexicon only applies to @CATEGORY" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    expect_failure (ARGS (cases[i].opt, cases[i].value, "hope", f), 2, cases[i].needle,
                    cases[i].value);
  expect_failure (ARGS ("hope"), 2, "no FILE given", "TERM without FILE");
  expect_failure ((const char *[]) { NULL }, 2, "no TERM or @CATEGORY given", "no arguments");
  expect_failure (ARGS ("--lexicon", "no/such.ini", "@hope", f), 2, "no/such.ini",
                  "a lexicon that cannot be read");
}

Test (kwic_cli, missing_file_goes_on_with_the_others)
{
  const char *good = text_file ("good.txt", "hope", -1);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.txt", NULL);
  g_autofree char *named = g_strdup_printf ("leitmotif: Failed to open file “%s”", missing);
  expect_failure (ARGS ("hope", missing, good), 1, named, "a missing file is named, exit 1");
  CliResult r = kwic (ARGS ("hope", missing, good));
  /* the empty left context padded to the default width */
  g_autofree char *hit = g_strdup_printf ("%s:1:1  %*s[hope]\n", good, 60, "");
  cr_expect_str_eq (r.out, hit, "the good file is still read");
  cli_result_clear (&r);
}

Test (kwic_cli, invalid_utf8_and_lenient)
{
  const char *bad = text_file ("bad.txt", "fine hope\nab\xff hope\n", -1);
  g_autofree char *where = g_strdup_printf ("leitmotif: %s:2:3: invalid UTF-8", bad);
  expect_failure (ARGS ("hope", bad), 1, where, "invalid UTF-8 names file:line:col");
  CliResult r = kwic (ARGS ("hope", bad));
  cr_expect_str_eq (r.out, "", "the file is skipped");
  cli_result_clear (&r);
  expect_lines (ARGS ("--lenient", "hope", bad), 2, LINES ("fine [hope]", "ab\uFFFD [hope]"),
                "--lenient reads it with U+FFFD");
}

Test (kwic_cli, help_and_command_list)
{
  g_autofree char *help = kwic_out (ARGS ("--help"), "--help");
  cr_expect (strstr (help, "TERM|@CATEGORY FILE...") != NULL, "usage line: %s", help);
  cr_expect (strstr (help, "--width") != NULL && strstr (help, "--voice") != NULL,
             "options listed: %s", help);
  CliResult r = cli_run (NULL, ARGS ("--help"));
  cr_expect (strstr (r.out, "  kwic ") != NULL, "kwic is in the command list: %s", r.out);
  cli_result_clear (&r);
}
