/* test-cli.c - the leitmotif command line: exit codes, errors, formats. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cli-run.h"

static const char test_lexicon[] =
  "[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\n"
  "[motif letting-go]\nlabel=Letting go\ndescription=d\nterms=let ~3 go\nexclude=never let me go\n"
  "[motif completion]\nlabel=Completion\ndescription=d\nterms=complete\n"
  "[genre science-fiction]\nlabel=SF\ndescription=d\nterms=sci-fi\n";

static char *
temp_file (const char *contents, gssize len)
{
  char *path = NULL;
  int fd = g_file_open_tmp ("lm-cli-XXXXXX.txt", &path, NULL);
  cr_assert (fd >= 0);
  close (fd);
  cr_assert (g_file_set_contents (path, contents, len, NULL));
  return path;
}

Test (cli, no_command_is_usage_error)
{
  const char *argv[] = { NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 2, "no command: exit 2, got %d", r.status);
  cr_expect (strstr (r.err, "Usage") != NULL, "usage printed: %s", r.err);
  cli_result_clear (&r);
}

Test (cli, unknown_command_is_usage_error)
{
  const char *argv[] = { "frobnicate", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 2);
  cr_expect (strstr (r.err, "unknown command") != NULL, "%s", r.err);
  cli_result_clear (&r);
}

Test (cli, every_command_has_help)
{
  const char *cmds[] = { "analyze", "count", "tokens", "stem", "lexicon", "segments", "genres",
                         "kwic", "batch", "export", "report", "merge" };
  for (guint i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      const char *argv[] = { cmds[i], "--help", NULL };
      CliResult r = cli_run (NULL, argv);
      cr_expect_eq (r.status, 0, "%s --help exits 0", cmds[i]);
      cr_expect (strstr (r.out, "Usage:") != NULL, "%s --help prints usage", cmds[i]);
      cli_result_clear (&r);
    }
}

Test (cli, bad_option_is_usage_error)
{
  const char *argv[] = { "count", "--no-such-option", "x", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 2);
  cli_result_clear (&r);
  const char *argv2[] = { "count", "--format", "xml", "texts/corpus.ini", NULL };
  r = cli_run (NULL, argv2);
  cr_expect_eq (r.status, 2, "unknown format is a usage error");
  cli_result_clear (&r);
  const char *argv3[] = { "count", NULL };
  r = cli_run (NULL, argv3);
  cr_expect_eq (r.status, 2, "count without files is a usage error");
  cli_result_clear (&r);
}

Test (cli, count_tsv_header_and_rows)
{
  g_autofree char *f = temp_file ("Hope, hopes and hoping. Never Let Me Go is a novel. "
                                  "Tommy lets his anger go.", -1);
  g_autofree char *lex = temp_file (test_lexicon, -1);
  const char *argv[] = { "count", "--lexicon", lex, f, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "stderr: %s", r.err);
  cr_expect (g_str_has_prefix (r.out, "file\tcategory\thits\twords\tper_1000\n"), "header: %s", r.out);
  g_autofree char *hope = g_strdup_printf ("%s\thope\t3\t16\t187.500\n", f);
  cr_expect (strstr (r.out, hope) != NULL, "hope row %s in:\n%s", hope, r.out);
  g_autofree char *lg = g_strdup_printf ("%s\tletting-go\t1\t16\t", f);
  cr_expect (strstr (r.out, lg) != NULL, "one letting-go hit, not the title:\n%s", r.out);
  cli_result_clear (&r);
  g_unlink (f);
  g_unlink (lex);
}

Test (cli, count_json)
{
  g_autofree char *f = temp_file ("hope", -1);
  const char *argv[] = { "count", "--format", "json", f, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0);
  cr_expect (strstr (r.out, "\"category\" : \"hope\"") != NULL, "%s", r.out);
  cr_expect (strstr (r.out, "\"hits\" : 1") != NULL, "%s", r.out);
  cli_result_clear (&r);
  g_unlink (f);
}

Test (cli, invalid_utf8_names_file_line_column_and_goes_on)
{
  g_autofree char *bad = temp_file ("fine\nab\xff", -1);
  g_autofree char *good = temp_file ("hope", -1);
  const char *argv[] = { "count", bad, good, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 1, "a failed input gives exit 1, got %d", r.status);
  g_autofree char *where = g_strdup_printf ("%s:2:3: invalid UTF-8", bad);
  cr_expect (strstr (r.err, where) != NULL, "error names file:line:col: %s", r.err);
  g_autofree char *row = g_strdup_printf ("%s\thope\t1\t1\t", good);
  cr_expect (strstr (r.out, row) != NULL, "the good file is still counted:\n%s", r.out);
  cli_result_clear (&r);

  const char *argv2[] = { "count", "--lenient", bad, NULL };
  r = cli_run (NULL, argv2);
  cr_expect_eq (r.status, 0, "--lenient accepts it: %s", r.err);
  cli_result_clear (&r);
  g_unlink (bad);
  g_unlink (good);
}

Test (cli, missing_file_is_input_failure)
{
  const char *argv[] = { "tokens", "/nonexistent/essay.txt", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 1);
  cr_expect (strstr (r.err, "/nonexistent/essay.txt") != NULL, "%s", r.err);
  cli_result_clear (&r);
}

Test (cli, tokens_format)
{
  g_autofree char *f = temp_file ("The novel’s “complete”\r\nsci-fi", -1);
  g_autofree char *lex = temp_file (test_lexicon, -1);
  const char *argv[] = { "tokens", "--lexicon", lex, f, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "%s", r.err);
  const char *want =
    "1:1\tThe\tthe\tthe\tstop,sentence\n"
    "1:5\tnovel’s\tnovel's\tnovel\t-\n"
    "1:14\tcomplete\tcomplete\tcomplet\tlexicon\n"
    "2:1\tsci\tsci\tsci\tlexicon\n"
    "2:5\tfi\tfi\tfi\thyphen,lexicon\n";
  cr_expect (g_str_equal (r.out, want), "tokens output:\n%s\nwanted:\n%s", r.out, want);
  cli_result_clear (&r);
  g_unlink (f);
  g_unlink (lex);
}

Test (cli, stem_arguments_and_stdin)
{
  const char *argv[] = { "stem", "Ishiguro’s", "Hoping", "completely", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 0);
  cr_expect (g_str_equal (r.out, "ishiguro\nhope\ncomplet\n"), "got %s", r.out);
  cli_result_clear (&r);

  g_autofree char *voc_path = g_build_filename (cli_srcdir (), "tests/data/snowball/voc.txt", NULL);
  g_autofree char *out_path = g_build_filename (cli_srcdir (), "tests/data/snowball/output.txt", NULL);
  g_autofree char *voc = NULL, *want = NULL;
  cr_assert (g_file_get_contents (voc_path, &voc, NULL, NULL));
  cr_assert (g_file_get_contents (out_path, &want, NULL, NULL));
  const char *argv2[] = { "stem", NULL };
  r = cli_run (voc, argv2);
  cr_expect_eq (r.status, 0);
  cr_expect (g_str_equal (r.out, want), "stdin stemming of Snowball's vocabulary matches output.txt");
  cli_result_clear (&r);
}

Test (cli, lexicon_check_reports_error_line)
{
  g_autofree char *lex = temp_file ("[motif hope]\nlabel=Hope\ndescription=d\nterms=hope\ncolour=red\n", -1);
  const char *argv[] = { "lexicon", "check", lex, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 1);
  g_autofree char *where = g_strdup_printf ("%s:5: unknown key \"colour\"", lex);
  cr_expect (strstr (r.err, where) != NULL, "%s", r.err);
  cli_result_clear (&r);
  g_unlink (lex);
}

Test (cli, lexicon_check_shows_stems_collisions_and_audit)
{
  g_autofree char *lex = temp_file ("[motif hope]\nlabel=Hope\ndescription=d\nterms=hopes;zyzzyva\n"
                                    "[motif wish]\nlabel=Wish\ndescription=d\nterms=hoping\n", -1);
  const char *argv[] = { "lexicon", "check", lex, "--corpus", "texts/corpus.ini", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 0, "%s", r.err);
  cr_expect (strstr (r.out, "stem:hope") != NULL, "shows the stem:\n%s", r.out);
  cr_expect (strstr (r.out, "warning:") != NULL && strstr (r.out, "same words") != NULL,
             "warns that hopes/hoping collide:\n%s", r.out);
  cr_expect (strstr (r.out, "never matched: hope: \"zyzzyva\"") != NULL, "audit:\n%s", r.out);
  cr_expect (strstr (r.out, "hopeful(") != NULL, "audit lists merged forms:\n%s", r.out);
  cli_result_clear (&r);
  g_unlink (lex);
}

Test (cli, analyze_reports_unwritable_output)
{
  g_autofree char *f = temp_file ("x", -1);
  const char *argv[] = { "analyze", "--out", f, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 2, "a file where the report folder should be: exit 2");
  cr_expect (strstr (r.err, "leitmotif:") != NULL, "%s", r.err);
  cli_result_clear (&r);
  g_unlink (f);
}

Test (cli, analyze_bad_manifest_names_line)
{
  g_autofree char *m = temp_file ("[text a]\nfile=a.txt\n[txt b]\nfile=b.txt\n", -1);
  const char *argv[] = { "analyze", "--corpus", m, "--out", "/nonexistent-dir-never-written", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 2);
  g_autofree char *where = g_strdup_printf ("%s:3:", m);
  cr_expect (strstr (r.err, where) != NULL, "%s", r.err);
  cli_result_clear (&r);
  g_unlink (m);
}

Test (cli, analyze_goes_on_past_an_unreadable_text)
{
  g_autofree char *dir = g_dir_make_tmp ("lm-an-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.txt", NULL);
  g_autofree char *ini = g_build_filename (dir, "corpus.ini", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  cr_assert (g_file_set_contents (good, "Hope.", -1, NULL));
  cr_assert (g_file_set_contents (bad, "a\xc3", -1, NULL));
  cr_assert (g_file_set_contents (ini, "[text good]\nfile=good.txt\n[text bad]\nfile=bad.txt\n", -1, NULL));
  const char *argv[] = { "analyze", "--corpus", ini, "--out", out, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_expect_eq (r.status, 1, "one text failed: exit 1");
  cr_expect (strstr (r.err, "bad.txt:1:2: invalid UTF-8") != NULL, "%s", r.err);
  g_autofree char *csv_path = g_build_filename (out, "motifs.csv", NULL);
  g_autofree char *csv = NULL;
  cr_assert (g_file_get_contents (csv_path, &csv, NULL, NULL), "reports still written");
  cr_expect (strstr (csv, "good,unsigned,all,hope,motif,1,1,1000.000") != NULL, "%s", csv);
  cli_result_clear (&r);
  const char *files[] = { "motifs.csv", "summary.md", "report.json", "genres.csv" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (out, files[i], NULL);
      g_unlink (p);
    }
  g_rmdir (out);
  g_unlink (good);
  g_unlink (bad);
  g_unlink (ini);
  g_rmdir (dir);
}

Test (cli, segments_shows_voices_rules_and_comments)
{
  const char *argv[] = { "segments", "texts/artifice-transformation-of-letting-go.txt", NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "%s", r.err);
  const char *want[] = {
    "16-17\tquotation\tpage-cited (novel, p. 93)\t“Laura shouted",
    "3-5\tboilerplate\trepeated-line\tKathy, Tommy and Ruth",
    "81-82\tboilerplate\tcommenter-name (reply to comment 8 by Matlock)\t• Matlock",
    "89-90\tcomment\tcomment (reply to Matlock's reply to comment 8)\t• I think",
    "130-130\tboilerplate\tcall-to-action\tLeave a Reply",
    "# words: critic 1082, quotation 248, comment 942, boilerplate 129 (excluded)",
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    cr_expect (strstr (r.out, want[i]) != NULL, "segments prints \"%s\":\n%s", want[i], r.out);
  cli_result_clear (&r);
}

Test (cli, segments_warns_about_unclosed_quotes)
{
  g_autofree char *f = temp_file ("He said “it never closes.\n\nNext.\n", -1);
  const char *argv[] = { "segments", f, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "%s", r.err);
  g_autofree char *want = g_strdup_printf ("# warning: %s:1:9: quotation mark at 1:9 never closes", f);
  cr_expect (strstr (r.out, want) != NULL, "%s", r.out);
  cli_result_clear (&r);
  g_unlink (f);
}

Test (cli, analyze_include_quotations_changes_the_comparison)
{
  g_autofree char *out = g_dir_make_tmp ("lm-q-XXXXXX", NULL);
  const char *argv[] = { "analyze", "--include-quotations", "--out", out, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "%s", r.err);
  g_autofree char *md_path = g_build_filename (out, "summary.md", NULL);
  g_autofree char *md = NULL;
  cr_assert (g_file_get_contents (md_path, &md, NULL, NULL));
  cr_expect (strstr (md, "the critic's own words together with the passages the critic quotes") != NULL,
             "the comparison says what it counts");
  cr_expect (strstr (md, "| Words | 544 | 916 | 1330 | 942 | 868 |") != NULL,
             "critic + quotation words per column:\n%s", strstr (md, "## Comparison"));
  cli_result_clear (&r);
  const char *files[] = { "motifs.csv", "summary.md", "report.json", "genres.csv" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (out, files[i], NULL);
      g_unlink (p);
    }
  g_rmdir (out);
}

Test (cli, genres_tsv_and_json)
{
  g_autofree char *f = temp_file ("Critics have called it science fiction, but it is a parable. "
                                  "I normally don't like fantasy.\n", -1);
  const char *argv[] = { "genres", f, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "%s", r.err);
  cr_expect (g_str_has_prefix (r.out, "file\tline\tvoice\tgenre\tstance\tsource\tcue\tevidence\n"), "%s", r.out);
  g_autofree char *sf = g_strdup_printf ("%s\t1\tcritic\tscience-fiction\tattributed\tcritics\t", f);
  g_autofree char *pa = g_strdup_printf ("%s\t1\tcritic\tparable\tasserted\t\t", f);
  g_autofree char *fa = g_strdup_printf ("%s\t1\tcritic\tfantasy\tmention\t\t", f);
  cr_expect (strstr (r.out, sf) != NULL, "science fiction attributed to critics:\n%s", r.out);
  cr_expect (strstr (r.out, pa) != NULL, "parable asserted:\n%s", r.out);
  cr_expect (strstr (r.out, fa) != NULL, "fantasy is the writer's taste:\n%s", r.out);
  cli_result_clear (&r);

  const char *argv2[] = { "genres", "--format", "json", f, NULL };
  r = cli_run (NULL, argv2);
  cr_assert_eq (r.status, 0);
  cr_expect (strstr (r.out, "\"stance\" : \"attributed\"") && strstr (r.out, "\"source\" : \"critics\""),
             "%s", r.out);
  cli_result_clear (&r);

  const char *argv3[] = { "genres", "/nonexistent.txt", f, NULL };
  r = cli_run (NULL, argv3);
  cr_expect_eq (r.status, 1, "a missing file: exit 1, the rest still done");
  cr_expect (strstr (r.out, "parable") != NULL);
  cli_result_clear (&r);
  g_unlink (f);
}

Test (cli, analyze_writes_genre_reports)
{
  g_autofree char *out = g_dir_make_tmp ("lm-g-XXXXXX", NULL);
  const char *argv[] = { "analyze", "--out", out, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "%s", r.err);
  g_autofree char *csv_path = g_build_filename (out, "genres.csv", NULL);
  g_autofree char *csv = NULL;
  cr_assert (g_file_get_contents (csv_path, &csv, NULL, NULL), "genres.csv written");
  cr_expect (g_str_has_prefix (csv, "text_id,critic,voice,genre,stance,source,cue,line,evidence\r\n"));
  cr_expect (strstr (csv, "artifice,unsigned,comment,science-fiction,rejected,") != NULL,
             "the reader who rejects science fiction");
  cr_expect (strstr (csv, "artifice,unsigned,quotation,science-fiction,attributed,Louis Menand (The New Yorker),") != NULL,
             "Menand's label, attributed");
  cli_result_clear (&r);
  const char *files[] = { "motifs.csv", "summary.md", "report.json", "genres.csv" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (out, files[i], NULL);
      g_unlink (p);
    }
  g_rmdir (out);
}
