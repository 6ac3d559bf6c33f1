/* analyzer.c - running the pipeline over a text, sentence by sentence. */
#include "analyzer.h"

#include "core/tokenizer.h"

struct _LmAnalyzer
{
  gboolean slow;               /* fast paths off: match every sentence */
  gboolean lexicon_stems_only; /* stem only words that may meet a stem term */
  gboolean sentence_has_atoms; /* only such sentences are matched */
  const LmLexicon *lexicon;
  LmStemmer *stemmer;
  LmTokenizer *tokenizer;
  LmVocab *vocab;
  const LmStoplist *stoplist; /* to make a fresh vocabulary */
  guint max_vocab;
  LmMatcher *matcher;
  LmToken *sentence;  /* the sentence being read: LM_ANALYZER_MAX_SENTENCE slots */
  guint sentence_len;
};

typedef struct
{
  LmAnalyzer *an;
  const LmSegmentation *seg;
  const LmSpan *spans;  /* the segmentation's spans, walked with a cursor */
  guint n_spans, cursor;
  LmTokenVisitor on_token;
  LmHitVisitor on_hit;
  gpointer user_data;
} Walk;

/* The span at @offset; tokens come in text order, so a cursor suffices. */
static const LmSpan *
span_at (Walk *w, gsize offset)
{
  if (w->spans == NULL)
    return NULL;
  while (w->cursor + 1 < w->n_spans && offset >= w->spans[w->cursor].end)
    w->cursor++;
  return w->cursor < w->n_spans ? &w->spans[w->cursor] : NULL;
}

/* Sentences are cut where prose meets a comment or boilerplate, but not at
 * quotation marks: a quotation stands inside the critic's sentence, and the
 * rules that read sentences (genre stance) need all of it. */
static gboolean
voice_breaks (const LmToken *prev, LmVoice voice)
{
  gboolean prev_prose = prev->voice == LM_VOICE_CRITIC || prev->voice == LM_VOICE_QUOTATION;
  gboolean prose = voice == LM_VOICE_CRITIC || voice == LM_VOICE_QUOTATION;
  return prev->voice != voice && !(prev_prose && prose);
}

LmAnalyzer *
lm_analyzer_new (const LmLexicon *lexicon, const LmStoplist *stoplist,
                 GError **error)
{
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (error);
  if (stemmer == NULL)
    return NULL;
  LmAnalyzer *an = g_new0 (LmAnalyzer, 1);
  an->lexicon = lexicon;
  an->stemmer = g_steal_pointer (&stemmer);
  an->tokenizer = lm_tokenizer_new ();
  an->stoplist = stoplist;
  an->max_vocab = LM_ANALYZER_MAX_VOCAB;
  an->vocab = lm_vocab_new (an->stemmer, stoplist);
  lm_vocab_set_annotator (an->vocab, lm_matcher_annotate_word, (gpointer) lexicon);
  an->matcher = lm_matcher_new (lexicon);
  an->sentence = g_new (LmToken, LM_ANALYZER_MAX_SENTENCE);
  return an;
}

void
lm_analyzer_free (LmAnalyzer *an)
{
  if (an == NULL)
    return;
  lm_matcher_free (an->matcher);
  lm_vocab_free (an->vocab);
  lm_tokenizer_free (an->tokenizer);
  lm_stemmer_free (an->stemmer);
  g_free (an->sentence);
  g_free (an);
}

static gboolean
may_match_stem (const char *folded, gsize len, gpointer lexicon)
{
  return lm_lexicon_may_match_stem (lexicon, folded, len);
}

static void
update_stem_filter (LmAnalyzer *an)
{
  gboolean filter = an->lexicon_stems_only && !an->slow;
  lm_vocab_set_stem_filter (an->vocab, filter ? may_match_stem : NULL, (gpointer) an->lexicon);
}

void
lm_analyzer_set_fast_paths (LmAnalyzer *an, gboolean enabled)
{
  an->slow = !enabled;
  lm_tokenizer_set_fast_paths (an->tokenizer, enabled);
  update_stem_filter (an);
}

void
lm_analyzer_set_lexicon_stems_only (LmAnalyzer *an, gboolean only)
{
  an->lexicon_stems_only = only;
  update_stem_filter (an);
}

void
lm_analyzer_set_max_vocab (LmAnalyzer *an, guint max_words)
{
  an->max_vocab = max_words;
}

LmVocab *
lm_analyzer_get_vocab (LmAnalyzer *an)
{
  return an->vocab;
}

LmStemmer *
lm_analyzer_get_stemmer (LmAnalyzer *an)
{
  return an->stemmer;
}

const LmLexicon *
lm_analyzer_get_lexicon (LmAnalyzer *an)
{
  return an->lexicon;
}

char *
lm_hit_form (const LmHit *hit, const LmToken *sentence)
{
  const LmPattern *p = hit->pattern;
  GString *s = g_string_new (sentence[hit->positions[0]].word->folded);
  for (guint k = 1; k < p->n_elements; k++)
    {
      g_string_append (s, hit->positions[k] > hit->positions[k - 1] + 1 ? " … " : " ");
      g_string_append (s, sentence[hit->positions[k]].word->folded);
    }
  return g_string_free (s, FALSE);
}

static void
on_match (const LmHit *hit, const LmToken *sentence, gpointer user_data)
{
  Walk *w = user_data;
  w->on_hit (hit, sentence, w->an->sentence_len, w->user_data);
}

static void
flush_sentence (Walk *w)
{
  LmAnalyzer *an = w->an;
  if (an->sentence_len && w->on_hit && (an->sentence_has_atoms || an->slow))
    lm_matcher_match_sentence (an->matcher, an->sentence, an->sentence_len, on_match, w);
  an->sentence_len = 0;
  an->sentence_has_atoms = FALSE;
}

static gboolean
on_raw_token (const LmRawToken *raw, gpointer user_data)
{
  Walk *w = user_data;
  LmAnalyzer *an = w->an;
  const LmSpan *span = span_at (w, raw->start);
  LmVoice voice = span ? span->voice : LM_VOICE_ALL;
  guint flags = raw->flags;
  if (span && span->quote == LM_QUOTE_TERM)
    flags |= LM_TOKEN_QUOTED_TERM;
  if ((raw->flags & LM_TOKEN_SENTENCE_START) || an->sentence_len >= LM_ANALYZER_MAX_SENTENCE
      || (an->sentence_len && voice_breaks (&an->sentence[an->sentence_len - 1], voice)))
    flush_sentence (w);
  LmToken *tok = &an->sentence[an->sentence_len++];
  *tok = (LmToken) {
    .start = raw->start,
    .end = raw->end,
    .line = raw->line,
    .col = raw->col,
    .flags = (guint16) flags,
    .voice = (guint8) voice,
    .word = lm_vocab_intern_hashed (an->vocab, raw->folded, raw->folded_len, raw->hash),
  };
  an->sentence_has_atoms |= tok->word->n_atoms > 0;
  if (w->on_token)
    w->on_token (tok, w->user_data);
  return TRUE;
}

void
lm_analyzer_walk (LmAnalyzer *an, LmText *text, const LmSegmentation *seg,
                  LmTokenVisitor on_token, LmHitVisitor on_hit,
                  gpointer user_data)
{
  Walk w = { .an = an, .seg = seg, .on_token = on_token, .on_hit = on_hit,
             .user_data = user_data };
  if (seg)
    {
      const GArray *spans = lm_segmentation_get_spans (seg);
      w.spans = (const LmSpan *) (void *) spans->data;
      w.n_spans = spans->len;
    }
  if (lm_vocab_size (an->vocab) > an->max_vocab)
    {
      lm_vocab_free (an->vocab);
      an->vocab = lm_vocab_new (an->stemmer, an->stoplist);
      lm_vocab_set_annotator (an->vocab, lm_matcher_annotate_word, (gpointer) an->lexicon);
      update_stem_filter (an);
    }
  gsize len;
  const char *data = lm_text_get_data (text, &len);
  an->sentence_len = 0;
  an->sentence_has_atoms = FALSE;
  lm_tokenizer_run (an->tokenizer, data, len, on_raw_token, &w);
  flush_sentence (&w);
}

typedef struct
{
  LmDocStats *stats;
  LmAnalyzeFlags flags;
} Count;

static void
count_token (const LmToken *tok, gpointer user_data)
{
  Count *c = user_data;
  if (tok->voice == LM_VOICE_BOILERPLATE)
    {
      c->stats->words[LM_VOICE_BOILERPLATE]++; /* reported as excluded */
      return;
    }
  c->stats->words[LM_VOICE_ALL]++;
  if (tok->voice != LM_VOICE_ALL)
    c->stats->words[tok->voice]++;
}

static void
count_hit (const LmHit *hit, const LmToken *sentence, guint n, gpointer user_data)
{
  Count *c = user_data;
  const LmToken *first = &sentence[hit->first];
  LmVoice voice = first->voice;
  if (voice == LM_VOICE_BOILERPLATE)
    return;
  g_autofree char *form = NULL;
  gboolean want_form = (c->flags & (LM_ANALYZE_FORMS | LM_ANALYZE_EVIDENCE)) != 0;
  if (want_form)
    form = lm_hit_form (hit, sentence);
  LmEvidence ev = {
    .category = hit->category,
    .voice = (guint8) voice,
    .start = first->start,
    .end = sentence[hit->last].end,
    .line = first->line,
    .col = first->col,
  };
  lm_doc_stats_add_hit (c->stats, voice, hit->category, form,
                        (c->flags & LM_ANALYZE_FORMS) != 0,
                        (c->flags & LM_ANALYZE_EVIDENCE) ? &ev : NULL);
}

LmDocStats *
lm_analyzer_analyze (LmAnalyzer *an, LmText *text, const LmSegmentation *seg,
                     LmAnalyzeFlags flags)
{
  Count c = { lm_doc_stats_new (lm_lexicon_get_n_categories (an->lexicon)), flags };
  c.stats->replacements = lm_text_get_replacements (text);
  lm_analyzer_walk (an, text, seg, count_token, count_hit, &c);
  return c.stats;
}
