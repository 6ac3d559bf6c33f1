/* docstats.c - per-text counters. */
#include "docstats.h"

#include "form-counts.h"

LmDocStats *
lm_doc_stats_new (guint n_categories)
{
  LmDocStats *s = g_new0 (LmDocStats, 1);
  guint n = n_categories * LM_N_VOICES;
  s->n_categories = n_categories;
  s->hits = g_new0 (guint64, n);
  s->forms = g_new0 (GHashTable *, n);
  s->evidence_count = g_new0 (guint, n);
  s->evidence = g_array_new (FALSE, FALSE, sizeof (LmEvidence));
  return s;
}

void
lm_doc_stats_free (LmDocStats *s)
{
  if (s == NULL)
    return;
  for (guint i = 0; i < s->n_categories * LM_N_VOICES; i++)
    if (s->forms[i])
      g_hash_table_unref (s->forms[i]);
  for (guint i = 0; i < s->evidence->len; i++)
    g_free (g_array_index (s->evidence, LmEvidence, i).form);
  g_array_unref (s->evidence);
  g_free (s->forms);
  g_free (s->hits);
  g_free (s->evidence_count);
  g_free (s);
}

static void
count_form (LmDocStats *s, guint idx, const char *form)
{
  if (s->forms[idx] == NULL)
    s->forms[idx] = lm_form_counts_new ();
  lm_form_counts_add (s->forms[idx], form);
}

void
lm_doc_stats_add_hit (LmDocStats *s, LmVoice voice, guint category,
                      const char *form, gboolean keep_form,
                      const LmEvidence *evidence)
{
  LmVoice voices[2] = { LM_VOICE_ALL, voice };
  guint nv = voice == LM_VOICE_ALL ? 1 : 2;
  for (guint v = 0; v < nv; v++)
    {
      guint idx = voices[v] * s->n_categories + category;
      s->hits[idx]++;
      if (keep_form)
        count_form (s, idx, form);
    }
  guint idx = voice * s->n_categories + category;
  if (evidence && s->evidence_count[idx] < LM_DOCSTATS_MAX_EVIDENCE)
    {
      s->evidence_count[idx]++;
      LmEvidence e = *evidence;
      e.form = g_strdup (form);
      g_array_append_val (s->evidence, e);
    }
}


GPtrArray *
lm_doc_stats_sorted_forms (const LmDocStats *s, LmVoice voice, guint category)
{
  return lm_form_counts_sorted (s->forms[voice * s->n_categories + category]);
}

guint64
lm_doc_stats_form_count (const LmDocStats *s, LmVoice voice, guint category,
                         const char *form)
{
  return lm_form_counts_get (s->forms[voice * s->n_categories + category], form);
}
