/* cmd-count.c - `leitmotif count FILE...`: category counts for any files. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "analysis/analyzer.h"
#include "cli-common.h"
#include "report/format.h"
#include "model/run.h"
#include "stats/stats.h"

/* Files are analyzed on a pool of workers, each with its own analyzer
 * (stemmers are not thread-safe); results are kept by file index and
 * printed in the order given, so the output never depends on --jobs. */
typedef struct
{
  char **files;
  gboolean lenient;
  LmDocStats **stats;     /* per file; NULL when it failed */
  char **errors;          /* per file */
  GAsyncQueue *analyzers; /* free LmAnalyzer* */
} CountJob;

static gint
by_size_descending (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const guint64 *sizes = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  if (sizes[i] != sizes[j])
    return sizes[i] > sizes[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

static void
count_one (gpointer task, gpointer user_data)
{
  CountJob *job = user_data;
  guint i = GPOINTER_TO_UINT (task) - 1;
  g_autoptr(GError) local = NULL;
  g_autoptr(LmText) text = lm_text_load (job->files[i], job->lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE,
                                         &local);
  if (text == NULL)
    {
      job->errors[i] = g_strdup (local->message);
      return;
    }
  LmAnalyzer *an = g_async_queue_pop (job->analyzers);
  job->stats[i] = lm_analyzer_analyze (an, text, NULL, LM_ANALYZE_COUNTS);
  g_async_queue_push (job->analyzers, an);
}

int
lm_cmd_count (int argc, char **argv)
{
  g_autofree char *lexicon_path = NULL, *stop_path = NULL, *format = NULL;
  gboolean lenient = FALSE;
  gint jobs = 1;
  gboolean slow = FALSE;
  GOptionEntry entries[] = {
    { "no-fast-paths", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &slow,
      "Reference mode for tests: every speed-up off", NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Worker threads, one file each at a time (default 1)", "N" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: tsv (default) or json", "FORMAT" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("FILE... - count lexicon categories");
  g_option_context_set_description (ctx,
      "Prints one row per file and category: file, category, hits, words, per_1000\n"
      "(TSV with a header), or the same as a JSON array with --format json.\n"
      "A file that cannot be read is reported on standard error and skipped (exit 1).");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  gboolean json = FALSE;
  if (!lm_cli_check_files_and_format ("count", argc, format, &json))
    return LM_EXIT_USAGE;
  if (jobs < 1 || jobs > 256)
    {
      fprintf (stderr, "leitmotif count: --jobs must be between 1 and 256\n");
      return LM_EXIT_USAGE;
    }

  LmCliPipeline pipe;
  if (!lm_cli_pipeline_open (&pipe, lexicon_path, stop_path))
    return LM_EXIT_USAGE;
  LmLexicon *lexicon = pipe.lexicon;
  guint n_files = (guint) argc - 1;
  CountJob job = { argv + 1, lenient, g_new0 (LmDocStats *, n_files), g_new0 (char *, n_files),
                   g_async_queue_new_full ((GDestroyNotify) lm_analyzer_free) };
  /* The pipeline's analyzer serves the first worker; each other gets its own. */
  lm_analyzer_set_fast_paths (pipe.analyzer, !slow);
  lm_analyzer_set_lexicon_stems_only (pipe.analyzer, TRUE);
  g_async_queue_push (job.analyzers, g_steal_pointer (&pipe.analyzer));
  for (gint j = 1; j < jobs && (guint) j < n_files; j++)
    {
      g_autoptr(GError) error = NULL;
      LmAnalyzer *an = lm_analyzer_new (lexicon, pipe.stoplist, &error);
      if (an == NULL)
        {
          lm_cli_error (error);
          return LM_EXIT_USAGE;
        }
      lm_analyzer_set_fast_paths (an, !slow);
      lm_analyzer_set_lexicon_stems_only (an, TRUE);
      g_async_queue_push (job.analyzers, an);
    }
  if (jobs == 1)
    for (guint i = 0; i < n_files; i++)
      count_one (GUINT_TO_POINTER (i + 1), &job);
  else
    {
      /* Largest files first (LPT scheduling): with one file a task, a big
       * file started last would keep one worker busy while the others idle.
       * The output keeps the order given. */
      g_autofree guint64 *sizes = g_new0 (guint64, n_files);
      g_autofree guint *order = g_new (guint, n_files);
      for (guint i = 0; i < n_files; i++)
        {
          GStatBuf st;
          sizes[i] = g_stat (job.files[i], &st) == 0 ? (guint64) st.st_size : 0;
          order[i] = i;
        }
      g_qsort_with_data (order, (gint) n_files, sizeof (guint), by_size_descending, sizes);
      GThreadPool *pool = g_thread_pool_new (count_one, &job, jobs, TRUE, NULL);
      for (guint i = 0; i < n_files; i++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (order[i] + 1), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  int status = LM_EXIT_OK;
  g_autoptr(GString) out = g_string_new (json ? "" : "file\tcategory\thits\twords\tper_1000\n");
  g_autoptr(JsonBuilder) b = json_builder_new ();
  json_builder_begin_array (b);
  guint nc = lm_lexicon_get_n_categories (lexicon);
  for (guint i = 0; i < n_files; i++)
    {
      if (job.errors[i])
        {
          fprintf (stderr, "leitmotif: %s\n", job.errors[i]);
          status = LM_EXIT_INPUT_FAILED;
          continue;
        }
      LmDocStats *s = job.stats[i];
      const char *file = job.files[i];
      guint64 words = s->words[LM_VOICE_ALL];
      for (guint c = 0; c < nc; c++)
        {
          const LmCategory *cat = lm_lexicon_get_category (lexicon, c);
          guint64 hits = lm_doc_stats_hits (s, LM_VOICE_ALL, c);
          double rate = lm_stats_per_1000 (hits, words);
          if (json)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "file");
              json_builder_add_string_value (b, file);
              json_builder_set_member_name (b, "category");
              json_builder_add_string_value (b, cat->id);
              json_builder_set_member_name (b, "hits");
              json_builder_add_int_value (b, (gint64) hits);
              json_builder_set_member_name (b, "words");
              json_builder_add_int_value (b, (gint64) words);
              json_builder_set_member_name (b, "per_1000");
              if (isnan (rate))
                json_builder_add_null_value (b);
              else
                json_builder_add_double_value (b, rate);
              json_builder_end_object (b);
              continue;
            }
          g_string_append_printf (out, "%s\t%s\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t",
                                  file, cat->id, hits, words);
          lm_append_fixed_or_empty (out, rate, 3);
          g_string_append_c (out, '\n');
        }
      if (out->len > 1 << 16)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  json_builder_end_array (b);
  if (json)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      g_autofree char *data = json_generator_to_data (gen, NULL);
      g_string_append (out, data);
      g_string_append_c (out, '\n');
    }
  fwrite (out->str, 1, out->len, stdout);
  for (guint i = 0; i < n_files; i++)
    {
      lm_doc_stats_free (job.stats[i]);
      g_free (job.errors[i]);
    }
  g_free (job.stats);
  g_free (job.errors);
  g_async_queue_unref (job.analyzers);
  lm_cli_pipeline_free (&pipe);
  return status;
}
