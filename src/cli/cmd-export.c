/* cmd-export.c - `leitmotif export --db FILE`: tables as CSV or JSON lines. */
#include <stdio.h>

#include "batch/store.h"
#include "cli-common.h"

int
lm_cmd_export (int argc, char **argv)
{
  g_autofree char *db = NULL, *format = NULL, *table = NULL;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "Results database (default leitmotif.db)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "csv (default) or jsonl", "FORMAT" },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table,
      "documents (default), motif_counts, genre_mentions, metadata, categories or meta", "T" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("- write a results table for R, pandas or a spreadsheet");
  g_option_context_set_description (ctx,
      "Prints one table of a batch database on standard output: CSV (RFC 4180, with a\n"
      "header row) or JSON lines (one object a row). Rows are in a stable order.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  gboolean jsonl = FALSE;
  if (format && !(jsonl = g_str_equal (format, "jsonl")) && !g_str_equal (format, "csv"))
    {
      fprintf (stderr, "leitmotif export: unknown format \"%s\" (csv or jsonl)\n", format);
      return LM_EXIT_USAGE;
    }
  if (argc > 1)
    {
      fprintf (stderr, "leitmotif export: unexpected argument \"%s\" (try --help)\n", argv[1]);
      return LM_EXIT_USAGE;
    }
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStore) store = lm_store_open_readonly (db ? db : "leitmotif.db", &error);
  g_autoptr(GString) out = g_string_new (NULL);
  if (store == NULL || !lm_store_export (store, table ? table : "documents", jsonl, out, &error))
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  fwrite (out->str, 1, out->len, stdout);
  return LM_EXIT_OK;
}
