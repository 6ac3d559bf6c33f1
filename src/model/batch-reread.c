/* batch-reread.c - a batch's essays read again for evidence lines and
 * distinctive vocabulary (see batch-reread.h). */
#include "batch-reread.h"

#include <string.h>

#include "analysis/analyzer.h"
#include "analysis/profile.h"
#include "analysis/segmenter.h"
#include "core/text.h"
#include "kwic.h"

/* The file of document @key under one of @roots, or NULL. */
static char *
locate (const char *const *roots, const char *key)
{
  const char *slash = strchr (key, '/');
  g_autofree char *first = slash ? g_strndup (key, (gsize) (slash - key)) : g_strdup (key);
  for (guint i = 0; roots[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (roots[i]);
      if (g_str_equal (base, first))
        return slash ? g_build_filename (roots[i], slash + 1, NULL) : g_strdup (roots[i]);
    }
  return NULL;
}

/* A stem's count, and in the batch table its forms. */
typedef struct
{
  guint64 count;
  GHashTable *forms; /* form -> guint64*, or NULL */
} Stem;

static void
stem_free (gpointer p)
{
  Stem *s = p;
  if (s->forms)
    g_hash_table_unref (s->forms);
  g_free (s);
}

typedef struct
{
  GHashTable *stems; /* char* -> Stem* */
  guint64 words;
} Vocab;

static void
vocab_init (Vocab *v)
{
  v->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stem_free);
  v->words = 0;
}

static void
vocab_add (Vocab *v, const LmProfile *p, gboolean with_forms)
{
  v->words += p->n_words;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, p->stems);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const LmStemFrequency *f = value;
      Stem *s = g_hash_table_lookup (v->stems, key);
      if (s == NULL)
        {
          s = g_new0 (Stem, 1);
          if (with_forms)
            s->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (v->stems, g_strdup (key), s);
        }
      s->count += f->count;
      if (!with_forms || f->forms == NULL)
        continue;
      GHashTableIter fi;
      gpointer form, n;
      g_hash_table_iter_init (&fi, f->forms);
      while (g_hash_table_iter_next (&fi, &form, &n))
        {
          guint64 *c = g_hash_table_lookup (s->forms, form);
          if (c == NULL)
            {
              c = g_new0 (guint64, 1);
              g_hash_table_insert (s->forms, g_strdup (form), c);
            }
          *c += *(const guint64 *) n;
        }
    }
}

/* Up to three forms, commonest first (ties by form), space-separated. */
static char *
top_forms (GHashTable *forms)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, forms);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_ptr_array_add (keys, k);
  for (guint i = 0; i < keys->len && i < 3; i++) /* selection of the first three */
    for (guint j = i + 1; j < keys->len; j++)
      {
        guint64 a = *(guint64 *) g_hash_table_lookup (forms, keys->pdata[i]);
        guint64 b = *(guint64 *) g_hash_table_lookup (forms, keys->pdata[j]);
        if (b > a || (b == a && strcmp (keys->pdata[j], keys->pdata[i]) < 0))
          {
            gpointer t = keys->pdata[i];
            keys->pdata[i] = keys->pdata[j];
            keys->pdata[j] = t;
          }
      }
  g_autoptr(GString) out = g_string_new (NULL);
  for (guint i = 0; i < keys->len && i < 3; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", (const char *) keys->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
keyword_free (gpointer p)
{
  LmBatchKeyword *k = p;
  g_free (k->stem);
  g_free (k->forms);
  g_free (k);
}

static gint
by_g2 (gconstpointer a, gconstpointer b)
{
  const LmBatchKeyword *x = *(LmBatchKeyword *const *) a, *y = *(LmBatchKeyword *const *) b;
  if (x->keyness.g2 != y->keyness.g2)
    return x->keyness.g2 > y->keyness.g2 ? -1 : 1;
  return strcmp (x->stem, y->stem);
}

static GPtrArray *
keywords_of (const Vocab *group, const Vocab *all)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (keyword_free);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, group->stems);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      guint64 a = ((const Stem *) value)->count;
      const Stem *t = g_hash_table_lookup (all->stems, key);
      if (a < LM_COMPARISON_KEYWORD_MIN_FREQ || t == NULL)
        continue;
      LmKeyness k;
      lm_stats_keyness (a, t->count - a, group->words, all->words - group->words, &k);
      if (!(k.g2 >= LM_COMPARISON_KEY_G2 && k.log_ratio >= LM_COMPARISON_MIN_LR))
        continue;
      LmBatchKeyword *w = g_new0 (LmBatchKeyword, 1);
      w->stem = g_strdup (key);
      w->forms = t->forms ? top_forms (t->forms) : g_strdup ("");
      w->hits = a;
      w->words = group->words;
      w->ref_hits = t->count - a;
      w->ref_words = all->words - group->words;
      w->keyness = k;
      g_ptr_array_add (out, w);
    }
  g_ptr_array_sort (out, by_g2);
  if (out->len > LM_BATCH_KEYWORDS)
    g_ptr_array_set_size (out, LM_BATCH_KEYWORDS);
  return out;
}

static void
evidence_free (gpointer p)
{
  LmBatchEvidence *e = p;
  g_free (e->left);
  g_free (e->match);
  g_free (e->right);
  g_free (e);
}

/* The evidence lines of motif @k in essay text @text for slot @slot. */
static void
collect_evidence (LmBatchGroups *m, guint slot, guint k, LmText *text, const LmDocStats *stats)
{
  guint cat = g_array_index (m->motif_index, guint, k);
  gsize len;
  const char *data = lm_text_get_data (text, &len);
  GPtrArray *lines = g_ptr_array_new_with_free_func (evidence_free);
  for (guint i = 0; i < stats->evidence->len && lines->len < LM_BATCH_EVIDENCE_LINES; i++)
    {
      const LmEvidence *e = &g_array_index (stats->evidence, LmEvidence, i);
      if (e->category != cat || e->voice != LM_VOICE_CRITIC)
        continue;
      LmKwicLine kw = { 0 };
      lm_kwic_line_init (&kw, data, len, e->start, e->end, LM_BATCH_EVIDENCE_WIDTH);
      LmBatchEvidence *ev = g_new0 (LmBatchEvidence, 1);
      ev->line = e->line;
      ev->col = e->col;
      ev->left = g_steal_pointer (&kw.left);
      ev->match = g_steal_pointer (&kw.match);
      ev->right = g_steal_pointer (&kw.right);
      g_ptr_array_add (lines, ev);
    }
  m->evidence[slot] = lines;
}

/* One thread's share of the essays: its analyzer, its stem tables and its
 * counts, merged when all are done. */
typedef struct
{
  LmBatchGroups *m;
  const char *const *roots;
  const LmStoplist *stoplist;
  GHashTable *slots;            /* essay index + 1 -> GArray of slots (read only) */
  const gboolean *counted;      /* per group: its vocabulary is kept */
  gboolean vocabulary;
  guint from, to;               /* essays [from, to) */
  Vocab *vocab;                 /* [n_groups + 1], [n_groups]: the batch */
  guint n_read, n_missing, n_changed, n_unreadable;
  GError *error;
} Worker;

/* Reads essay @e again; NULL (and a count) when it cannot be used. */
static LmText *
read_again (Worker *w, const LmBatchEssay *e)
{
  g_autofree char *path = locate (w->roots, e->path);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      w->n_missing++;
      return NULL;
    }
  g_autoptr(GMappedFile) map = g_mapped_file_new (path, FALSE, NULL);
  if (map == NULL)
    {
      w->n_unreadable++;
      return NULL;
    }
  gsize len = g_mapped_file_get_length (map);
  g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      (const guchar *) (len ? g_mapped_file_get_contents (map) : ""),
                                                      len);
  if (e->sha256 == NULL || !g_str_equal (sha, e->sha256))
    {
      w->n_changed++;
      return NULL;
    }
  LmText *text = lm_text_new_from_mapped (path, map, LM_TEXT_LENIENT, NULL);
  if (text == NULL)
    w->n_unreadable++;
  else
    w->n_read++;
  return text;
}

/* The thread: reads essays [from, to).  Evidence goes straight into the
 * model's slots, which no other essay (so no other thread) writes. */
static gpointer
work (gpointer data)
{
  Worker *w = data;
  LmBatchGroups *m = w->m;
  g_autoptr(LmAnalyzer) an = lm_analyzer_new (m->lexicon, w->stoplist, &w->error);
  if (an == NULL)
    return NULL;
  guint ng = m->groups->len;
  for (guint i = w->from; i < w->to; i++)
    {
      const LmBatchEssay *e = m->essays->pdata[i];
      GArray *mine = g_hash_table_lookup (w->slots, GUINT_TO_POINTER (i + 1));
      if (!e->ok || (!w->vocabulary && mine == NULL))
        continue;
      g_autoptr(LmText) text = read_again (w, e);
      if (text == NULL)
        continue;
      g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);
      if (w->vocabulary)
        {
          LmProfile *p = lm_profile_build (an, text, seg, LM_VOICE_BIT (LM_VOICE_CRITIC));
          vocab_add (&w->vocab[ng], p, TRUE);
          if (w->counted[e->group])
            vocab_add (&w->vocab[e->group], p, FALSE);
          lm_profile_free (p);
        }
      if (mine)
        {
          g_autoptr(LmDocStats) stats = lm_analyzer_analyze (an, text, seg, LM_ANALYZE_EVIDENCE);
          for (guint s = 0; s < mine->len; s++)
            {
              guint slot = g_array_index (mine, guint, s);
              collect_evidence (m, slot, slot / LM_BATCH_TOP, text, stats);
            }
        }
    }
  return NULL;
}

/* Adds @from's counts (and forms) into @into; empties @from. */
static void
vocab_merge (Vocab *into, Vocab *from)
{
  into->words += from->words;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, from->stems);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      Stem *s = value;
      Stem *t = g_hash_table_lookup (into->stems, key);
      if (t == NULL)
        {
          g_hash_table_iter_steal (&it);
          g_hash_table_insert (into->stems, key, s);
          continue;
        }
      t->count += s->count;
      if (s->forms == NULL)
        continue;
      GHashTableIter fi;
      gpointer form, n;
      g_hash_table_iter_init (&fi, s->forms);
      while (g_hash_table_iter_next (&fi, &form, &n))
        {
          guint64 *c = g_hash_table_lookup (t->forms, form);
          if (c == NULL)
            {
              c = g_new0 (guint64, 1);
              g_hash_table_insert (t->forms, g_strdup (form), c);
            }
          *c += *(const guint64 *) n;
        }
    }
}

gboolean
lm_batch_groups_reread (LmBatchGroups *m, const char *const *roots, const LmStoplist *stoplist,
                        guint n_jobs, GError **error)
{
  guint nm = lm_batch_groups_n_motifs (m), ng = m->groups->len, ne = m->essays->len;
  /* essay index -> slots (k * LM_BATCH_TOP + rank) where it is a top essay */
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  for (guint k = 0; k < nm; k++)
    for (guint r = 0; r < m->n_top[k]; r++)
      {
        gpointer key = GUINT_TO_POINTER (m->top[k * LM_BATCH_TOP + r] + 1);
        GArray *a = g_hash_table_lookup (slots, key);
        if (a == NULL)
          g_hash_table_insert (slots, key, a = g_array_new (FALSE, FALSE, sizeof (guint)));
        guint slot = k * LM_BATCH_TOP + r;
        g_array_append_val (a, slot);
      }
  m->evidence = g_new0 (GPtrArray *, (gsize) nm * LM_BATCH_TOP + 1);
  gboolean vocabulary = ng > 1;
  g_autoptr(GArray) shown = lm_batch_groups_shown (m);
  g_autofree gboolean *counted = g_new0 (gboolean, ng + 1);
  for (guint i = 0; vocabulary && i < shown->len; i++)
    counted[g_array_index (shown, guint, i)] = TRUE;

  n_jobs = CLAMP (n_jobs, 1, MAX (ne, 1));
  g_autofree Worker *w = g_new0 (Worker, n_jobs);
  g_autofree GThread **threads = g_new0 (GThread *, n_jobs);
  for (guint j = 0; j < n_jobs; j++)
    {
      w[j] = (Worker) { m, roots, stoplist, slots, counted, vocabulary,
                        (guint) ((guint64) ne * j / n_jobs), (guint) ((guint64) ne * (j + 1) / n_jobs),
                        g_new0 (Vocab, ng + 1), 0, 0, 0, 0, NULL };
      for (guint g = 0; g <= ng; g++)
        if (vocabulary && (g == ng || counted[g]))
          vocab_init (&w[j].vocab[g]);
      threads[j] = n_jobs == 1 ? NULL : g_thread_new ("reread", work, &w[j]);
    }
  if (n_jobs == 1)
    work (&w[0]);
  for (guint j = 0; j < n_jobs; j++)
    if (threads[j])
      g_thread_join (threads[j]);
  gboolean ok = TRUE;
  for (guint j = 0; j < n_jobs; j++)
    {
      m->n_read += w[j].n_read;
      m->n_missing += w[j].n_missing;
      m->n_changed += w[j].n_changed;
      m->n_unreadable += w[j].n_unreadable;
      if (w[j].error && ok)
        {
          g_propagate_error (error, g_steal_pointer (&w[j].error));
          ok = FALSE;
        }
      g_clear_error (&w[j].error);
      for (guint g = 0; j > 0 && g <= ng; g++)
        if (w[j].vocab[g].stems)
          vocab_merge (&w[0].vocab[g], &w[j].vocab[g]);
    }
  if (ok && vocabulary)
    {
      m->keywords = g_new0 (GPtrArray *, ng + 1);
      for (guint g = 0; g < ng; g++)
        if (counted[g])
          m->keywords[g] = keywords_of (&w[0].vocab[g], &w[0].vocab[ng]);
    }
  for (guint j = 0; j < n_jobs; j++)
    {
      for (guint g = 0; g <= ng; g++)
        if (w[j].vocab[g].stems)
          g_hash_table_unref (w[j].vocab[g].stems);
      g_free (w[j].vocab);
    }
  m->reread = ok;
  return ok;
}
