/* test-golden.c - `leitmotif analyze` reproduces reports/ byte for byte. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>

#include "cli-run.h"

/* Every file `analyze` writes. */
static const char *const report_files[] = {
  "motifs.csv", "genres.csv", "emphasis.csv", "keyness.csv", "similarity.csv",
  "dispersion.csv", "cooccurrence.csv", "passages.csv", "kwic.csv", "summary.md",
  "report.json", "index.html", "charts/heatmap.svg", "charts/similarity.svg",
  "charts/dispersion.svg",
};

static void
remove_charts_dir (const char *out)
{
  g_autofree char *charts = g_build_filename (out, "charts", NULL);
  g_rmdir (charts);
}

static char *
read_file (const char *path)
{
  char *data = NULL;
  g_autoptr(GError) error = NULL;
  cr_assert (g_file_get_contents (path, &data, NULL, &error), "%s: %s", path,
             error ? error->message : "?");
  return data;
}

Test (golden, analyze_reproduces_committed_reports)
{
  g_autofree char *out = g_dir_make_tmp ("lm-golden-XXXXXX", NULL);
  cr_assert (out != NULL);
  const char *argv[] = { "analyze", "--out", out, NULL };
  CliResult r = cli_run (NULL, argv);
  cr_assert_eq (r.status, 0, "analyze exit status %d, stderr: %s", r.status, r.err);
  for (guint i = 0; i < G_N_ELEMENTS (report_files); i++)
    {
      g_autofree char *want_path = g_build_filename (cli_srcdir (), "reports", report_files[i], NULL);
      g_autofree char *got_path = g_build_filename (out, report_files[i], NULL);
      g_autofree char *want = read_file (want_path);
      g_autofree char *got = read_file (got_path);
      cr_expect (g_str_equal (want, got),
                 "%s differs from the committed reports/%s: regenerate with "
                 "`bash scripts/reports.sh` and review the diff", report_files[i],
                 report_files[i]);
      g_unlink (got_path);
    }
  remove_charts_dir (out);
  cr_expect_eq (g_rmdir (out), 0, "analyze wrote a file that the golden test does not check");
  cli_result_clear (&r);
}

Test (golden, analyze_is_deterministic)
{
  g_autofree char *a = g_dir_make_tmp ("lm-det-XXXXXX", NULL);
  g_autofree char *b = g_dir_make_tmp ("lm-det-XXXXXX", NULL);
  const char *argv_a[] = { "analyze", "--out", a, NULL };
  const char *argv_b[] = { "analyze", "--out", b, NULL };
  CliResult ra = cli_run (NULL, argv_a), rb = cli_run (NULL, argv_b);
  cr_assert_eq (ra.status, 0);
  cr_assert_eq (rb.status, 0);
  for (guint i = 0; i < G_N_ELEMENTS (report_files); i++)
    {
      g_autofree char *pa = g_build_filename (a, report_files[i], NULL);
      g_autofree char *pb = g_build_filename (b, report_files[i], NULL);
      g_autofree char *da = read_file (pa), *db = read_file (pb);
      cr_expect (g_str_equal (da, db), "two runs gave different %s", report_files[i]);
      g_unlink (pa);
      g_unlink (pb);
    }
  remove_charts_dir (a);
  remove_charts_dir (b);
  g_rmdir (a);
  g_rmdir (b);
  cli_result_clear (&ra);
  cli_result_clear (&rb);
}
