/* cmd-lexicon.c - `leitmotif lexicon check FILE [--corpus C]`. */
#include <stdio.h>

#include "analysis/analyzer.h"
#include "analysis/corpus.h"
#include "cli-common.h"
#include "lexicon/liwc.h"

static const char *
atom_kind_name (LmAtomKind kind)
{
  switch (kind)
    {
    case LM_ATOM_STEM:
      return "stem";
    case LM_ATOM_EXACT:
      return "exact";
    case LM_ATOM_PREFIX:
    default:
      return "prefix";
    }
}

static void
print_pattern (GString *out, const LmLexicon *lex, const LmPattern *p)
{
  g_string_append_printf (out, "    %s%-28s ->", p->exclusion ? "exclude " : "", p->source);
  for (guint e = 0; e < p->n_elements; e++)
    {
      const LmAtom *a = lm_lexicon_get_atom (lex, p->atoms[e]);
      g_string_append_printf (out, " %s:%s%s", atom_kind_name (a->kind), a->text,
                              a->kind == LM_ATOM_PREFIX ? "*" : "");
      if (e + 1 < p->n_elements && p->gaps[e])
        g_string_append_printf (out, " ~%u", p->gaps[e]);
    }
  g_string_append_c (out, '\n');
}

/* At most this many collision warnings are printed: two categories of
 * 50,000 copies of one word would otherwise print 2.5 billion lines. */
#define MAX_COLLISION_WARNINGS 1000

static void
free_bucket (gpointer bucket)
{
  if (bucket != NULL)
    g_array_unref (bucket);
}

static gboolean
single_word_term (const LmPattern *p)
{
  return !p->exclusion && p->n_elements == 1;
}

/* Single-word terms whose atom is shared by two categories, in the order of
 * the first term, then the second.  The terms are grouped by atom first, so
 * that the cost follows the number of warnings, not the square of the
 * number of terms (a lexicon of 100,000 terms). */
static guint
report_collisions (GString *out, const LmLexicon *lex)
{
  guint n_patterns = lm_lexicon_get_n_patterns (lex);
  guint n_atoms = lm_lexicon_get_n_atoms (lex);
  /* by_atom[a]: the single-word terms of atom a, ascending */
  g_autoptr(GPtrArray) by_atom = g_ptr_array_new_full (n_atoms, free_bucket);
  for (guint a = 0; a < n_atoms; a++)
    g_ptr_array_add (by_atom, NULL);
  g_autofree guint *pos = g_new0 (guint, MAX (n_patterns, 1)); /* of each term in its bucket */
  for (guint i = 0; i < n_patterns; i++)
    {
      const LmPattern *p = lm_lexicon_get_pattern (lex, i);
      if (!single_word_term (p))
        continue;
      GArray **same = (GArray **) &by_atom->pdata[p->atoms[0]];
      if (*same == NULL)
        *same = g_array_new (FALSE, FALSE, sizeof (guint));
      pos[i] = (*same)->len;
      g_array_append_val (*same, i);
    }
  /* next[a][k]: the first position after k in by_atom[a] whose category
   * differs from that of position k (or the length), so that terms of one
   * category in a row are skipped at once. */
  g_autoptr(GPtrArray) next = g_ptr_array_new_full (n_atoms, g_free);
  for (guint a = 0; a < n_atoms; a++)
    {
      const GArray *same = by_atom->pdata[a];
      guint len = same ? same->len : 0;
      guint *nx = g_new (guint, len + 1);
      nx[len] = len;
      for (guint k = len; k-- > 0;)
        {
          guint cat = lm_lexicon_get_pattern (lex, g_array_index (same, guint, k))->category;
          guint after = k + 1 < len
            ? lm_lexicon_get_pattern (lex, g_array_index (same, guint, k + 1))->category : cat;
          nx[k] = k + 1 == len ? len : (after != cat ? k + 1 : nx[k + 1]);
        }
      g_ptr_array_add (next, nx);
    }
  guint n = 0;
  gboolean stopped = FALSE;
  for (guint i = 0; i < n_patterns && !stopped; i++)
    {
      const LmPattern *p = lm_lexicon_get_pattern (lex, i);
      if (!single_word_term (p))
        continue;
      const GArray *same = by_atom->pdata[p->atoms[0]];
      const guint *nx = next->pdata[p->atoms[0]];
      for (guint k = pos[i] + 1; k < same->len;)
        {
          guint j = g_array_index (same, guint, k);
          const LmPattern *q = lm_lexicon_get_pattern (lex, j);
          if (q->category == p->category)
            {
              k = nx[k];
              continue;
            }
          if (n == MAX_COLLISION_WARNINGS)
            {
              stopped = TRUE;
              break;
            }
          g_string_append_printf (out, "warning: %s:%u: \"%s\" in %s and \"%s\" in %s "
                                  "match the same words\n",
                                  lm_lexicon_get_name (lex), q->line, p->source,
                                  lm_lexicon_get_category (lex, p->category)->id, q->source,
                                  lm_lexicon_get_category (lex, q->category)->id);
          n++;
          k++;
        }
    }
  if (stopped)
    g_string_append_printf (out, "warning: %s: more terms match the same words in two "
                            "categories; only the first %d are shown\n",
                            lm_lexicon_get_name (lex), MAX_COLLISION_WARNINGS);
  return n;
}

typedef struct
{
  guint64 *pattern_hits;      /* per pattern: candidate matches */
  GHashTable **pattern_forms; /* per pattern: form -> count */
} Audit;

static void
audit_hit (const LmHit *hit, const LmToken *sentence, guint n, gpointer user_data)
{
  Audit *a = user_data;
  guint p = hit->pattern->index;
  a->pattern_hits[p]++;
  char *form = lm_hit_form (hit, sentence);
  gpointer old = g_hash_table_lookup (a->pattern_forms[p], form);
  g_hash_table_replace (a->pattern_forms[p], form, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

static int
run_audit (GString *out, const LmLexicon *lex, const LmStoplist *stop,
           const char *corpus_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmCorpus) corpus = lm_corpus_load (corpus_path, &error);
  g_autoptr(LmAnalyzer) an = corpus ? lm_analyzer_new (lex, stop, &error) : NULL;
  if (an == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  guint np = lm_lexicon_get_n_patterns (lex);
  Audit a = { g_new0 (guint64, np), g_new0 (GHashTable *, np) };
  for (guint i = 0; i < np; i++)
    a.pattern_forms[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int status = LM_EXIT_OK;
  for (guint i = 0; i < lm_corpus_get_n_entries (corpus); i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(LmText) text = lm_text_load (lm_corpus_get_entry (corpus, i)->path, LM_TEXT_NONE, &local);
      if (text == NULL)
        {
          lm_cli_error (local);
          status = LM_EXIT_INPUT_FAILED;
          continue;
        }
      lm_analyzer_walk (an, text, NULL, NULL, audit_hit, &a);
    }
  g_string_append_printf (out, "\nAudit against %s (matches before overlap resolution):\n", corpus_path);
  for (guint i = 0; i < np; i++)
    {
      const LmPattern *p = lm_lexicon_get_pattern (lex, i);
      const char *cat = lm_lexicon_get_category (lex, p->category)->id;
      if (a.pattern_hits[i] == 0)
        {
          g_string_append_printf (out, "  never matched: %s: %s\"%s\" (line %u)\n", cat,
                                  p->exclusion ? "exclude " : "", p->source, p->line);
          continue;
        }
      g_autoptr(GList) forms = g_hash_table_get_keys (a.pattern_forms[i]);
      forms = g_list_sort (forms, (GCompareFunc) g_strcmp0);
      g_string_append_printf (out, "  %s: \"%s\" %" G_GUINT64_FORMAT " matches, forms:",
                              cat, p->source, a.pattern_hits[i]);
      for (GList *l = forms; l; l = l->next)
        g_string_append_printf (out, " %s(%u)", (char *) l->data,
                                GPOINTER_TO_UINT (g_hash_table_lookup (a.pattern_forms[i], l->data)));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < np; i++)
    g_hash_table_unref (a.pattern_forms[i]);
  g_free (a.pattern_forms);
  g_free (a.pattern_hits);
  return status;
}

int
lm_cmd_lexicon (int argc, char **argv)
{
  g_autofree char *corpus_path = NULL, *stop_path = NULL;
  GOptionEntry entries[] = {
    { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus_path, "Audit the lexicon against this corpus manifest", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    LM_CLI_OPTION_MAX_FILE_SIZE,
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("check FILE - validate a lexicon");
  g_option_context_set_description (ctx,
      "Validates the lexicon and shows how each term will match (stem, exact form or\n"
      "prefix), warning about terms that match the same words in two categories.\n"
      "With --corpus, also lists the terms that never matched and every surface form\n"
      "each term matched, so that an over-broad stem shows.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc != 3 || !g_str_equal (argv[1], "check"))
    {
      fprintf (stderr, "leitmotif lexicon: usage: leitmotif lexicon check FILE [--corpus C]\n");
      return LM_EXIT_USAGE;
    }
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  if (stemmer == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  g_autoptr(LmLexicon) lex = lm_lexicon_load_any (argv[2], stemmer, &error);
  if (lex == NULL)
    {
      lm_cli_error (error);
      return LM_EXIT_INPUT_FAILED;
    }
  g_autoptr(GString) out = g_string_new (NULL);
  g_string_append_printf (out, "%s: %u categories, %u terms, %u distinct word patterns\n",
                          argv[2], lm_lexicon_get_n_categories (lex),
                          lm_lexicon_get_n_patterns (lex), lm_lexicon_get_n_atoms (lex));
  const LmWork *work = lm_lexicon_get_work (lex);
  if (work)
    {
      g_autofree char *shorts = g_strjoinv ("; ", work->short_titles);
      g_string_append_printf (out, "work: %s%s%s%s%s%s\n", work->title,
                              *work->author ? " by " : "", work->author,
                              *shorts ? " (" : "", shorts, *shorts ? ")" : "");
    }
  const GPtrArray *files = lm_lexicon_get_files (lex);
  for (guint i = 1; i < files->len; i++)
    g_string_append_printf (out, "includes %s\n", (const char *) files->pdata[i]);
  for (guint c = 0; c < lm_lexicon_get_n_categories (lex); c++)
    {
      const LmCategory *cat = lm_lexicon_get_category (lex, c);
      g_string_append_printf (out, "[%s %s] %s\n", lm_category_kind_to_string (cat->kind),
                              cat->id, cat->label);
      for (guint t = 0; t < cat->terms->len; t++)
        print_pattern (out, lex, cat->terms->pdata[t]);
      for (guint t = 0; t < cat->excludes->len; t++)
        print_pattern (out, lex, cat->excludes->pdata[t]);
    }
  report_collisions (out, lex);
  int status = LM_EXIT_OK;
  if (corpus_path)
    {
      g_autoptr(LmStoplist) stop = lm_cli_load_stoplist (stop_path);
      if (stop == NULL)
        return LM_EXIT_USAGE;
      status = run_audit (out, lex, stop, corpus_path);
    }
  fwrite (out->str, 1, out->len, stdout);
  return status;
}
