/* docstats.h - LmDocStats: what the analysis of one text counted.
 *
 * Words and hits per voice and category, the surface forms behind each
 * category's hits, and a bounded sample of hits as evidence (the first
 * LM_DOCSTATS_MAX_EVIDENCE per category and voice, in text order), so that
 * memory grows with the vocabulary, not with the size of the text.
 *
 * "words" counts every word token (stop words included) of the voice: rates
 * per 1,000 words are rates per 1,000 running words of prose.
 *
 * Ownership: plain data owned by the LmDocStats; free with
 * lm_doc_stats_free().  Thread safety: none needed (one owner at a time).
 */
#pragma once

#include <glib.h>

#include "voice.h"

G_BEGIN_DECLS

#define LM_DOCSTATS_MAX_EVIDENCE 200

typedef struct
{
  guint category;
  guint8 voice;
  gsize start, end;   /* byte span of the hit in the text */
  guint line, col;
  char *form;         /* the matched words, gaps shown as "…" */
} LmEvidence;

typedef struct
{
  guint n_categories;
  guint64 words[LM_N_VOICES];
  guint64 *hits;          /* [voice * n_categories + category] */
  GHashTable **forms;     /* same index: form (char*) -> count (guint64*) */
  GArray *evidence;       /* LmEvidence, text order */
  guint *evidence_count;  /* same index: how many kept */
  guint64 replacements;   /* U+FFFD replacements made when reading */
} LmDocStats;

LmDocStats *lm_doc_stats_new (guint n_categories);
void lm_doc_stats_free (LmDocStats *stats);

static inline guint64
lm_doc_stats_hits (const LmDocStats *s, LmVoice voice, guint category)
{
  return s->hits[voice * s->n_categories + category];
}

/* Records one hit of @category in @voice (and in "all"); @form is copied. */
void lm_doc_stats_add_hit (LmDocStats *stats, LmVoice voice, guint category,
                           const char *form, gboolean keep_form,
                           const LmEvidence *evidence);

/* Returns: (transfer container): the forms of @category in @voice sorted by
 * count descending then form; elements are borrowed char*. */
GPtrArray *lm_doc_stats_sorted_forms (const LmDocStats *stats, LmVoice voice,
                                      guint category);
guint64 lm_doc_stats_form_count (const LmDocStats *stats, LmVoice voice,
                                 guint category, const char *form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmDocStats, lm_doc_stats_free)

G_END_DECLS
