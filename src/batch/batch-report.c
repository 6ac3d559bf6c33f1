/* batch-report.c - reports of a batch database beside the reference critics. */
#include "batch-report.h"

#include <math.h>
#include <sqlite3.h>

#include "core/lm-error.h"
#include "report/format.h"
#include "stats/stats.h"
#include "batch-load.h"
#include "report/batch-csv.h"
#include "model/batch-groups.h"
#include "report/batch-html.h"
#include "report/batch-md.h"
#include "model/batch-reread.h"

/* One reference critic: name and motif rates in the critic's own voice. */
typedef struct
{
  char *name;
  double *rate;
  guint64 words;
} Reference;

static void
reference_free (gpointer p)
{
  Reference *r = p;
  g_free (r->name);
  g_free (r->rate);
  g_free (r);
}

static GPtrArray *
reference_profiles (const LmRun *run, const LmBatchGroups *gm)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func (reference_free);
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      if (t->stats == NULL)
        continue;
      Reference *r = g_new0 (Reference, 1);
      r->name = g_strdup (t->display_name);
      r->words = t->stats->words[LM_VOICE_CRITIC];
      guint n = lm_batch_groups_n_motifs (gm);
      r->rate = g_new0 (double, n + 1);
      for (guint k = 0; k < n; k++)
        r->rate[k] = lm_stats_per_1000 (lm_doc_stats_hits (t->stats, LM_VOICE_CRITIC,
                                                          g_array_index (gm->motif_index, guint, k)),
                                       r->words);
      g_ptr_array_add (refs, r);
    }
  return refs;
}

static gboolean
sql_fail (sqlite3 *db, GError **error)
{
  g_set_error (error, LM_ERROR, LM_ERROR_IO, "database: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* The two reference critics closest to @rate by cosine; -1 when none. */
static void
closest_critics (const GPtrArray *refs, const double *rate, guint n, gint best[2], double cos[2])
{
  best[0] = best[1] = -1;
  cos[0] = cos[1] = NAN;
  for (guint r = 0; r < refs->len; r++)
    {
      double c = lm_stats_cosine (rate, ((const Reference *) refs->pdata[r])->rate, n);
      if (isnan (c))
        continue;
      if (best[0] < 0 || c > cos[0])
        {
          best[1] = best[0], cos[1] = cos[0];
          best[0] = (gint) r, cos[0] = c;
        }
      else if (best[1] < 0 || c > cos[1])
        best[1] = (gint) r, cos[1] = c;
    }
}

typedef struct
{
  GString *documents, *motifs, *genres, *summary;
  guint n_ok, n_failed, n_no_profile;
  guint *closest_count;          /* per reference critic */
  guint64 pooled_words;          /* critic voice, documents analyzed */
  guint64 *pooled_hits;          /* critic voice, per motif */
  GPtrArray *failures;           /* char* "path: error" */
} Writer;

static void
append_cosine (GString *out, double c)
{
  if (!isnan (c))
    lm_append_fixed (out, c, 4);
}

/* batch-documents.csv and batch-motifs.csv, one essay at a time in path
 * order; each essay's closest critic also goes to @closest (for the page). */
static void
write_documents (const LmBatchGroups *gm, const GPtrArray *refs, Writer *w, const char **closest)
{
  g_string_append (w->documents, "document,status,error,words_critic,words_quotation,words_comment,"
                                 "words_all,words_boilerplate,motif_hits_critic,closest_critic,cosine,"
                                 "second_critic,second_cosine,group\r\n");
  g_string_append (w->motifs, "document,voice,category,hits,words,per_1000\r\n");
  guint n = lm_batch_groups_n_motifs (gm);
  g_autofree double *rate = g_new0 (double, n + 1);
  for (guint i = 0; i < gm->essays->len; i++)
    {
      const LmBatchEssay *e = gm->essays->pdata[i];
      const char *group = ((const LmBatchGroup *) gm->groups->pdata[e->group])->name;
      lm_append_csv_field (w->documents, e->path);
      g_string_append_printf (w->documents, ",%s,", e->ok ? "ok" : "failed");
      lm_append_csv_field (w->documents, e->error ? e->error : "");
      for (int v = 0; v < LM_BATCH_N_WORDS; v++)
        g_string_append_printf (w->documents, ",%" G_GUINT64_FORMAT, e->words[v]);
      closest[i] = NULL;
      if (!e->ok)
        {
          w->n_failed++;
          g_ptr_array_add (w->failures, g_strdup_printf ("%s: %s", e->path, e->error ? e->error : "failed"));
          g_string_append (w->documents, ",,,,,,");
          lm_append_csv_field (w->documents, group);
          g_string_append (w->documents, "\r\n");
          continue;
        }
      w->n_ok++;
      guint64 total = 0;
      for (guint k = 0; k < n; k++)
        {
          guint64 h = e->hits_critic[k];
          total += h;
          w->pooled_hits[k] += h;
          rate[k] = lm_stats_per_1000 (h, e->words[LM_BATCH_W_CRITIC]);
        }
      w->pooled_words += e->words[LM_BATCH_W_CRITIC];
      gint best[2];
      double cos[2];
      closest_critics (refs, rate, n, best, cos);
      g_string_append_printf (w->documents, ",%" G_GUINT64_FORMAT ",", total);
      if (best[0] < 0)
        w->n_no_profile++;
      else
        {
          w->closest_count[best[0]]++;
          closest[i] = ((const Reference *) refs->pdata[best[0]])->name;
        }
      for (int b = 0; b < 2; b++)
        {
          if (b)
            g_string_append_c (w->documents, ',');
          lm_append_csv_field (w->documents,
                               best[b] < 0 ? "none" : ((const Reference *) refs->pdata[best[b]])->name);
          g_string_append_c (w->documents, ',');
          append_cosine (w->documents, cos[b]);
        }
      g_string_append_c (w->documents, ',');
      lm_append_csv_field (w->documents, group);
      g_string_append (w->documents, "\r\n");
      for (int v = 0; v < 2; v++)
        for (guint k = 0; k < n; k++)
          {
            guint64 h = (v == 0 ? e->hits_critic : e->hits_all)[k];
            guint64 wv = e->words[v == 0 ? LM_BATCH_W_CRITIC : LM_BATCH_W_ALL];
            lm_append_csv_field (w->motifs, e->path);
            g_string_append_printf (w->motifs, ",%s,%s,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",",
                                    v == 0 ? "critic" : "all", lm_batch_groups_motif (gm, k)->id, h, wv);
            lm_append_fixed_or_empty (w->motifs, lm_stats_per_1000 (h, wv), 3);
            g_string_append (w->motifs, "\r\n");
          }
    }
}

/* Genre mentions, and a genre x stance tally for the summary. */
static gboolean
write_genres (sqlite3 *db, Writer *w, GHashTable *tally, GError **error)
{
  g_string_append (w->genres, "document,seq,genre,voice,stance,source,cue,line,evidence\r\n");
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT d.path, g.seq, g.genre, g.voice, g.stance, g.source, g.cue,"
                              " g.line, g.evidence FROM genre_mentions g JOIN documents d"
                              " ON d.id = g.document_id ORDER BY d.path, g.seq", -1, &q, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  int rc;
  while ((rc = sqlite3_step (q)) == SQLITE_ROW)
    {
      for (int c = 0; c < 9; c++)
        {
          if (c)
            g_string_append_c (w->genres, ',');
          const char *v = (const char *) sqlite3_column_text (q, c);
          if (sqlite3_column_type (q, c) == SQLITE_INTEGER) /* seq, line */
            g_string_append (w->genres, v);
          else
            lm_append_csv_field (w->genres, v ? v : "");
        }
      g_string_append (w->genres, "\r\n");
      if (!g_str_equal ((const char *) sqlite3_column_text (q, 3), "critic"))
        continue;
      char *key = g_strdup_printf ("%s\t%s", sqlite3_column_text (q, 2), sqlite3_column_text (q, 4));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (tally, key));
      g_hash_table_replace (tally, key, GUINT_TO_POINTER (n + 1));
    }
  sqlite3_finalize (q);
  return rc == SQLITE_DONE ? TRUE : sql_fail (db, error);
}

static void
write_summary (const LmBatchGroups *gm, const GPtrArray *refs, GHashTable *tally, Writer *w)
{
  GString *s = w->summary;
  g_string_append_printf (s, "# Batch report\n\n%u documents analyzed, %u failed.\n\n", w->n_ok, w->n_failed);
  g_string_append (s, "All rates are hits per 1,000 words of the writer's own voice (quotations, reader\n"
                      "comments and boilerplate excluded).\n\n## Closest reference critic\n\n"
                      "Each essay's motif profile against each reference critic's, by cosine similarity\n"
                      "(batch-documents.csv has the figure for every essay).\n\n"
                      "| reference critic | essays closest |\n|---|---:|\n");
  for (guint r = 0; r < refs->len; r++)
    {
      g_string_append (s, "| ");
      lm_append_md_cell (s, ((const Reference *) refs->pdata[r])->name);
      g_string_append_printf (s, " | %u |\n", w->closest_count[r]);
    }
  g_string_append_printf (s, "| none (no motif in the essay's own words) | %u |\n\n", w->n_no_profile);

  g_string_append (s, "## Motif rates: the batch pooled, and each reference critic\n\n| motif | batch |");
  for (guint r = 0; r < refs->len; r++)
    {
      g_string_append_c (s, ' ');
      lm_append_md_cell (s, ((const Reference *) refs->pdata[r])->name);
      g_string_append (s, " |");
    }
  g_string_append (s, "\n|---|---:|");
  for (guint r = 0; r < refs->len; r++)
    g_string_append (s, "---:|");
  g_string_append_c (s, '\n');
  for (guint k = 0; k < lm_batch_groups_n_motifs (gm); k++)
    {
      g_string_append_printf (s, "| %s | ", lm_batch_groups_motif (gm, k)->id);
      lm_append_fixed_or_empty (s, lm_stats_per_1000 (w->pooled_hits[k], w->pooled_words), 2);
      for (guint r = 0; r < refs->len; r++)
        {
          g_string_append (s, " | ");
          lm_append_fixed_or_empty (s, ((const Reference *) refs->pdata[r])->rate[k], 2);
        }
      g_string_append (s, " |\n");
    }
  g_string_append_printf (s, "\nBatch: %" G_GUINT64_FORMAT " words in the writers' own voice.\n\n",
                          w->pooled_words);

  g_string_append (s, "## Genre stances in the writers' own voice\n\n| genre | stance | mentions |\n|---|---|---:|\n");
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (tally), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l; l = l->next)
    {
      g_auto(GStrv) parts = g_strsplit (l->data, "\t", 2);
      g_string_append_printf (s, "| %s | %s | %u |\n", parts[0], parts[1],
                              GPOINTER_TO_UINT (g_hash_table_lookup (tally, l->data)));
    }
  if (keys == NULL)
    g_string_append (s, "| (none) | | 0 |\n");
  if (w->failures->len)
    {
      g_string_append (s, "\n## Failed files\n\n");
      for (guint i = 0; i < w->failures->len; i++)
        {
          g_string_append (s, "- ");
          lm_append_md_cell (s, w->failures->pdata[i]);
          g_string_append_c (s, '\n');
        }
    }
}

static gboolean
same_lexicon (sqlite3 *db, const LmLexicon *lex, GError **error)
{
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'lexicon_sha256'", -1, &q, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  g_autofree char *sha = sqlite3_step (q) == SQLITE_ROW
                           ? g_strdup ((const char *) sqlite3_column_text (q, 0)) : NULL;
  sqlite3_finalize (q);
  if (sha && g_str_equal (sha, lm_lexicon_get_sha256 (lex)))
    return TRUE;
  g_set_error (error, LM_ERROR, LM_ERROR_LEXICON,
               "the database holds results of lexicon sha256 %.12s…, the reference critics are "
               "analyzed with %s (sha256 %.12s…): give the batch's lexicon with --lexicon",
               sha ? sha : "?", lm_lexicon_get_name (lex), lm_lexicon_get_sha256 (lex));
  return FALSE;
}

gboolean
lm_batch_report_write (LmStore *store, const LmRun *reference, const char *group_by,
                       const char *const *roots, guint n_jobs, const char *out_dir, GError **error)
{
  sqlite3 *db = lm_store_get_db (store);
  if (!same_lexicon (db, reference->lexicon, error))
    return FALSE;
  g_autoptr(LmBatchGroups) gm = lm_batch_load_groups (store, reference->lexicon, group_by, error);
  if (gm == NULL || (roots && roots[0] && !lm_batch_groups_reread (gm, roots, reference->stoplist, n_jobs, error)))
    return FALSE;
  g_autoptr(GPtrArray) refs = reference_profiles (reference, gm);
  g_autoptr(GHashTable) tally = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Writer w = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), g_string_new (NULL),
               0, 0, 0, g_new0 (guint, refs->len), 0, g_new0 (guint64, lm_batch_groups_n_motifs (gm) + 1),
               g_ptr_array_new_with_free_func (g_free) };
  g_autofree const char **closest = g_new0 (const char *, gm->essays->len + 1);
  write_documents (gm, refs, &w, closest);
  gboolean ok = write_genres (db, &w, tally, error);
  if (ok)
    {
      write_summary (gm, refs, tally, &w);
      lm_batch_md_append (w.summary, gm);
      g_autoptr(GString) page = lm_batch_index_html (gm, closest);
      ok = lm_write_atomic (out_dir, "batch-documents.csv", w.documents, error)
           && lm_write_atomic (out_dir, "batch-motifs.csv", w.motifs, error)
           && lm_write_atomic (out_dir, "batch-genres.csv", w.genres, error)
           && lm_write_atomic (out_dir, "batch-summary.md", w.summary, error)
           && lm_write_atomic (out_dir, "index.html", page, error);
      guint n_csv;
      const LmBatchCsv *csv = lm_batch_csv_files (&n_csv);
      for (guint i = 0; ok && i < n_csv; i++)
        {
          g_autoptr(GString) text = csv[i].build (gm);
          ok = lm_write_atomic (out_dir, csv[i].file, text, error);
        }
    }
  g_string_free (w.documents, TRUE);
  g_string_free (w.motifs, TRUE);
  g_string_free (w.genres, TRUE);
  g_string_free (w.summary, TRUE);
  g_free (w.closest_count);
  g_free (w.pooled_hits);
  g_ptr_array_unref (w.failures);
  return ok;
}
