/* evaluate.c - the engine against hand annotation (see evaluate.h). */
#include "evaluate.h"

#include <math.h>
#include <string.h>

#include "core/tokenizer.h"
#include "genre.h"
#include "segmenter.h"

double
lm_score_precision (const LmScore *s)
{
  return s->found ? (double) s->correct / (double) s->found : NAN;
}

double
lm_score_recall (const LmScore *s)
{
  return s->gold ? (double) s->correct / (double) s->gold : NAN;
}

double
lm_score_f1 (const LmScore *s)
{
  if (s->gold + s->found == 0)
    return NAN;
  return 2.0 * (double) s->correct / (double) (s->gold + s->found);
}

static void
warning_clear (gpointer p)
{
  g_free (((LmEvalWarning *) p)->message);
}

static void
text_score_clear (gpointer p)
{
  g_free (((LmVoiceTextScore *) p)->id);
}

static void
warn (LmEvaluation *ev, gboolean failed, char *message)
{
  LmEvalWarning w = { message, failed };
  g_array_append_val (ev->warnings, w);
}

/* ---- voices -------------------------------------------------------- */

typedef struct
{
  gsize start, end;
  guint line;
  char *folded;
} Word;

static void
word_clear (gpointer p)
{
  g_free (((Word *) p)->folded);
}

static gboolean
collect_word (const LmRawToken *t, gpointer user_data)
{
  Word w = { t->start, t->end, t->line, g_strndup (t->folded, t->folded_len) };
  g_array_append_val ((GArray *) user_data, w);
  return TRUE;
}

static GArray *
words_of (LmTokenizer *tok, const char *data, gsize len)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_array_set_clear_func (words, word_clear);
  lm_tokenizer_run (tok, data, len, collect_word, words);
  return words;
}

/* The first occurrence of @pat in @words[from, to), or -1. */
static gint
find_seq (GArray *words, guint from, guint to, GArray *pat)
{
  if (pat->len == 0)
    return -1;
  for (guint i = from; i + pat->len <= to; i++)
    {
      guint k = 0;
      while (k < pat->len
             && g_str_equal (g_array_index (words, Word, i + k).folded,
                             g_array_index (pat, Word, k).folded))
        k++;
      if (k == pat->len)
        return (gint) i;
    }
  return -1;
}

/* Marks the words an inline span covers on its line [lo, hi); returns the
 * number of parts found. */
static guint
mark_inline (LmTokenizer *tok, GArray *words, guint lo, guint hi, const LmGoldSpan *s,
             guint8 *gold)
{
  guint found = 0;
  for (guint p = 0; p < s->parts->len; p++)
    {
      const LmGoldPart *part = &g_array_index (s->parts, LmGoldPart, p);
      g_autoptr(GArray) a = words_of (tok, part->from, strlen (part->from));
      g_autoptr(GArray) b = part->to ? words_of (tok, part->to, strlen (part->to)) : NULL;
      gboolean any = FALSE;
      for (guint at = lo; at < hi;)
        {
          gint i = find_seq (words, at, hi, a);
          if (i < 0)
            break;
          guint end = (guint) i + a->len;
          if (b)
            {
              gint j = find_seq (words, end, hi, b);
              if (j < 0)
                break;
              end = (guint) j + b->len;
            }
          for (guint k = (guint) i; k < end; k++)
            gold[k] = (guint8) s->voice;
          any = TRUE;
          at = end;
        }
      found += any;
    }
  return found;
}

static gint
compare_span_length (gconstpointer a, gconstpointer b)
{
  const LmGoldSpan *x = *(const LmGoldSpan *const *) a, *y = *(const LmGoldSpan *const *) b;
  /* Longer ranges first, inline spans last: the more specific span wins. */
  guint lx = x->parts ? 0 : x->last_line - x->first_line + 1;
  guint ly = y->parts ? 0 : y->last_line - y->first_line + 1;
  return lx == ly ? (x->row > y->row) - (x->row < y->row) : (ly > lx) - (ly < lx);
}

static void
score_voices (LmEvaluation *ev, LmTokenizer *tok, const LmVoiceRules *rules,
              const LmGold *gold, const char *id, LmText *text)
{
  gsize len;
  const char *data = lm_text_get_data (text, &len);
  g_autoptr(LmSegmentation) seg = lm_segment_text_with_rules (text, rules, NULL);
  g_autoptr(GArray) words = words_of (tok, data, len);
  g_autofree guint8 *gvoice = g_new (guint8, words->len + 1);
  memset (gvoice, LM_VOICE_CRITIC, words->len + 1);
  /* Each line's first word, for the spans. */
  guint n_lines = lm_text_get_n_lines (text);
  g_autofree guint *line_first = g_new0 (guint, n_lines + 2);
  for (guint l = 0, w = 0; l <= n_lines + 1; l++)
    {
      while (w < words->len && g_array_index (words, Word, w).line < l)
        w++;
      line_first[l] = w;
    }
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  const GArray *rows = lm_gold_get_rows (gold);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_array_index (rows, LmGoldSpan, i).id, id))
      g_ptr_array_add (spans, &g_array_index (rows, LmGoldSpan, i));
  g_ptr_array_sort (spans, compare_span_length);
  for (guint i = 0; i < spans->len; i++)
    {
      const LmGoldSpan *s = spans->pdata[i];
      if (s->last_line > n_lines)
        {
          warn (ev, FALSE, g_strdup_printf ("%s:%u: text %s has %u lines, the span ends on line %u",
                                            lm_gold_get_name (gold), s->row, id, n_lines,
                                            s->last_line));
        }
      guint lo = line_first[MIN (s->first_line, n_lines + 1)];
      guint hi = line_first[MIN (s->last_line + 1, n_lines + 1)];
      if (s->parts)
        {
          guint found = mark_inline (tok, words, lo, hi, s, gvoice);
          if (found < s->parts->len)
            warn (ev, FALSE,
                  g_strdup_printf ("%s:%u: %u of the %u quoted stretches of the inline span are "
                                   "not on line %u of text %s",
                                   lm_gold_get_name (gold), s->row, s->parts->len - found,
                                   s->parts->len, s->first_line, id));
        }
      else
        for (guint k = lo; k < hi; k++)
          gvoice[k] = (guint8) s->voice;
    }
  LmVoiceTextScore ts = { g_strdup (id), { { 0 } } };
  for (guint k = 0; k < words->len; k++)
    {
      const LmSpan *sp = lm_segmentation_span_at (seg, g_array_index (words, Word, k).start);
      LmVoice found = sp ? sp->voice : LM_VOICE_CRITIC;
      /* A quoted term is the critic's word in every count. */
      if (sp && sp->voice == LM_VOICE_QUOTATION && sp->quote == LM_QUOTE_TERM)
        found = LM_VOICE_CRITIC;
      ts.confusion[gvoice[k]][found]++;
      ev->confusion[gvoice[k]][found]++;
    }
  g_array_append_val (ev->texts, ts);
}

/* ---- genres and motifs: sets of keys -------------------------------- */

static guint
label_index (LmEvaluation *ev, const char *label)
{
  for (guint i = 0; i < ev->labels->len; i++)
    if (g_str_equal (ev->labels->pdata[i], label))
      return i;
  g_ptr_array_add (ev->labels, g_strdup (label));
  LmScore zero = { 0 };
  g_array_append_val (ev->scores, zero);
  return ev->labels->len - 1;
}

static gint
compare_strp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static LmStance
main_stance (LmStance s)
{
  return s == LM_STANCE_HEDGED ? LM_STANCE_ASSERTED : s;
}

static void
score_genres (LmEvaluation *ev, LmAnalyzer *an, const LmVoiceRules *rules, const LmGold *gold,
              const char *id, LmText *text)
{
  const LmLexicon *lex = lm_analyzer_get_lexicon (an);
  g_autoptr(LmSegmentation) seg = lm_segment_text_with_rules (text, rules, NULL);
  g_autoptr(GArray) mentions = lm_genre_mentions (an, text, seg);
  /* genre\tstance -> first line (found) */
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      const LmGenreMention *m = &g_array_index (mentions, LmGenreMention, i);
      gboolean own = m->voice == LM_VOICE_CRITIC
                     || (m->voice == LM_VOICE_QUOTATION && !m->novel_quote);
      if (!own || m->stance == LM_STANCE_MENTION)
        continue;
      const LmCategory *cat = lm_lexicon_get_category (lex, m->category);
      g_autofree char *genre = lm_gold_fold_label (cat->id);
      char *key = g_strdup_printf ("%s\t%d", genre, main_stance (m->stance));
      if (!g_hash_table_contains (found, key))
        g_hash_table_insert (found, key, GUINT_TO_POINTER (m->line));
      else
        g_free (key);
    }
  /* A gold label names a genre category by its id, its label or one of its
   * aliases ("coming of age" for bildungsroman). */
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint c = 0; c < lm_lexicon_get_n_categories (lex); c++)
    {
      const LmCategory *cat = lm_lexicon_get_category (lex, c);
      if (cat->kind != LM_CATEGORY_GENRE)
        continue;
      g_autofree char *fid = lm_gold_fold_label (cat->id);
      for (gint a = -2; a < 0 || (cat->aliases && cat->aliases[a]); a++)
        {
          const char *name = a == -2 ? cat->id : a == -1 ? (cat->label ? cat->label : cat->id) : cat->aliases[a];
          char *key = lm_gold_fold_label (name);
          if (!g_hash_table_contains (names, key))
            g_hash_table_insert (names, key, g_strdup (fid));
          else
            g_free (key);
        }
    }
  g_autoptr(GHashTable) want = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const GArray *rows = lm_gold_get_rows (gold);
  for (guint i = 0; i < rows->len; i++)
    {
      const LmGoldLabel *l = &g_array_index (rows, LmGoldLabel, i);
      const char *genre = g_hash_table_lookup (names, l->genre);
      if (g_str_equal (l->id, id))
        g_hash_table_add (want, g_strdup_printf ("%s\t%d", genre ? genre : l->genre, l->stance));
    }
  /* Stance confusion per genre: which stances gold and engine give it. */
  g_autoptr(GHashTable) genres = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *sets[2] = { want, found };
  for (guint s = 0; s < 2; s++)
    {
      GHashTableIter it;
      gpointer k;
      g_hash_table_iter_init (&it, sets[s]);
      while (g_hash_table_iter_next (&it, &k, NULL))
        {
          const char *tab = strchr (k, '\t');
          g_hash_table_add (genres, g_strndup (k, (gsize) (tab - (const char *) k)));
        }
    }
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (genres, NULL);
  guint n = g_hash_table_size (genres);
  qsort (keys, n, sizeof (gpointer), compare_strp);
  for (guint g = 0; g < n; g++)
    {
      const char *genre = keys[g];
      gboolean gs[LM_N_STANCES] = { 0 }, fs[LM_N_STANCES] = { 0 };
      guint ng = 0;
      for (guint s = 0; s < LM_N_STANCES; s++)
        {
          g_autofree char *key = g_strdup_printf ("%s\t%u", genre, s);
          gs[s] = g_hash_table_contains (want, key);
          fs[s] = g_hash_table_contains (found, key);
          ng += gs[s];
        }
      for (guint s = 0; s < LM_N_STANCES; s++)
        {
          if (!gs[s] && !fs[s])
            continue;
          guint at = label_index (ev, lm_stance_to_string (s)); /* may grow ev->scores */
          LmScore *st = &g_array_index (ev->scores, LmScore, at);
          st->gold += gs[s];
          st->found += fs[s];
          st->correct += gs[s] && fs[s];
          if (gs[s] && fs[s])
            ev->stances[s][s]++;
          else if (gs[s])
            {
              /* Missed: confused with each stance found instead, or none. */
              gboolean other = FALSE;
              for (guint t = 0; t < LM_N_STANCES; t++)
                if (fs[t] && !gs[t])
                  {
                    ev->stances[s][t]++;
                    other = TRUE;
                  }
              if (!other)
                ev->stances[s][LM_N_STANCES]++;
              g_ptr_array_add (ev->errors, g_strdup_printf ("%s\t%s\tmissed %s", id, genre,
                                                            lm_stance_to_string (s)));
            }
          else
            {
              if (ng == 0)
                ev->stances[LM_N_STANCES][s]++;
              g_autofree char *key = g_strdup_printf ("%s\t%u", genre, s);
              guint line = GPOINTER_TO_UINT (g_hash_table_lookup (found, key));
              g_ptr_array_add (ev->errors, g_strdup_printf ("%s\t%s\tfound %s (line %u) not in gold",
                                                            id, genre, lm_stance_to_string (s),
                                                            line));
            }
        }
    }
}

typedef struct
{
  const LmLexicon *lexicon;
  GHashTable *found; /* "motif\tline" */
} MotifWalk;

static void
motif_hit (const LmHit *hit, const LmToken *sentence, guint n, gpointer user_data)
{
  MotifWalk *w = user_data;
  const LmCategory *cat = lm_lexicon_get_category (w->lexicon, hit->category);
  if (cat->kind != LM_CATEGORY_MOTIF)
    return;
  g_hash_table_add (w->found, g_strdup_printf ("%s\t%u", cat->id, sentence[hit->first].line));
}

static void
score_motifs (LmEvaluation *ev, LmAnalyzer *an, const LmVoiceRules *rules, const LmGold *gold,
              const char *id, LmText *text)
{
  const LmLexicon *lex = lm_analyzer_get_lexicon (an);
  g_autoptr(LmSegmentation) seg = lm_segment_text_with_rules (text, rules, NULL);
  MotifWalk w = { lex, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  lm_analyzer_walk (an, text, seg, NULL, motif_hit, &w);
  g_autoptr(GHashTable) found = w.found;
  g_autoptr(GHashTable) hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) looks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) motifs = g_hash_table_new (g_str_hash, g_str_equal);
  const GArray *rows = lm_gold_get_rows (gold);
  for (guint i = 0; i < rows->len; i++)
    {
      const LmGoldMotif *m = &g_array_index (rows, LmGoldMotif, i);
      g_hash_table_add (motifs, m->motif);
      if (!g_str_equal (m->id, id))
        continue;
      char *key = g_strdup_printf ("%s\t%u", m->motif, m->line);
      if (m->hit)
        g_hash_table_add (hits, key);
      else
        g_hash_table_insert (looks, key, m->kind);
    }
  /* Only motifs the gold annotates are scored. */
  GHashTableIter it;
  gpointer k;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_hash_table_iter_init (&it, found);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_ptr_array_add (keys, k);
  g_hash_table_iter_init (&it, hits);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (!g_hash_table_contains (found, k))
      g_ptr_array_add (keys, k);
  g_ptr_array_sort (keys, compare_strp);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *tab = strchr (key, '\t');
      g_autofree char *motif = g_strndup (key, (gsize) (tab - key));
      if (!g_hash_table_contains (motifs, motif))
        continue;
      gboolean g = g_hash_table_contains (hits, key), f = g_hash_table_contains (found, key);
      guint at = label_index (ev, motif); /* may grow ev->scores */
      LmScore *ms = &g_array_index (ev->scores, LmScore, at);
      ms->gold += g;
      ms->found += f;
      ms->correct += g && f;
      if (g && f)
        continue;
      const char *look = g_hash_table_lookup (looks, key);
      if (f && look)
        g_hash_table_replace (ev->lookalikes, g_strdup (look),
                              GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                                  g_hash_table_lookup (ev->lookalikes, look)) + 1));
      g_ptr_array_add (ev->errors,
                       g_strdup_printf ("%s\t%s\t%s%s%s", id, key,
                                        g ? "missed" : "counted, not in gold",
                                        look && f ? ": look-alike " : "", look && f ? look : ""));
    }
}

/* ---- driver -------------------------------------------------------- */

LmEvaluation *
lm_evaluate (LmAnalyzer *an, const LmVoiceRules *rules, const LmGold *gold,
             const char *const *files, guint text_flags)
{
  LmEvaluation *ev = g_new0 (LmEvaluation, 1);
  ev->kind = lm_gold_get_kind (gold);
  ev->warnings = g_array_new (FALSE, FALSE, sizeof (LmEvalWarning));
  g_array_set_clear_func (ev->warnings, warning_clear);
  ev->texts = g_array_new (FALSE, FALSE, sizeof (LmVoiceTextScore));
  g_array_set_clear_func (ev->texts, text_score_clear);
  ev->labels = g_ptr_array_new_with_free_func (g_free);
  ev->scores = g_array_new (FALSE, TRUE, sizeof (LmScore));
  ev->errors = g_ptr_array_new_with_free_func (g_free);
  ev->lookalikes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!rules)
    rules = lm_voice_rules_get_default ();
  if (ev->kind == LM_GOLD_GENRES)
    {
      /* The stances in a fixed order, the total last. */
      label_index (ev, "asserted");
      label_index (ev, "attributed");
      label_index (ev, "rejected");
    }
  g_autoptr(LmTokenizer) tok = lm_tokenizer_new ();
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *id = lm_gold_text_id (files[i]);
      if (!lm_gold_has_id (gold, id))
        {
          warn (ev, TRUE, g_strdup_printf ("%s: text id \"%s\" is not in %s; not scored", files[i],
                                           id, lm_gold_get_name (gold)));
          continue;
        }
      if (g_hash_table_contains (given, id))
        {
          warn (ev, TRUE, g_strdup_printf ("%s: text id \"%s\" given twice; scored once", files[i], id));
          continue;
        }
      g_autoptr(GError) error = NULL;
      g_autoptr(LmText) text = lm_text_load (files[i], text_flags, &error);
      if (text == NULL)
        {
          warn (ev, TRUE, g_strdup (error->message));
          continue;
        }
      g_hash_table_add (given, g_strdup (id));
      ev->n_texts++;
      switch (ev->kind)
        {
        case LM_GOLD_VOICES:
          score_voices (ev, tok, rules, gold, id, text);
          break;
        case LM_GOLD_GENRES:
          score_genres (ev, an, rules, gold, id, text);
          break;
        case LM_GOLD_MOTIFS:
        default:
          score_motifs (ev, an, rules, gold, id, text);
          break;
        }
    }
  const GPtrArray *ids = lm_gold_get_ids (gold);
  for (guint i = 0; i < ids->len; i++)
    ev->ungiven += !g_hash_table_contains (given, ids->pdata[i]);
  if (ev->kind != LM_GOLD_VOICES)
    {
      /* The total, last, over every label. */
      LmScore total = { 0 };
      gint have = -1;
      for (guint i = 0; i < ev->labels->len; i++)
        {
          if (g_str_equal (ev->labels->pdata[i], "all"))
            {
              have = (gint) i;
              continue;
            }
          const LmScore *s = &g_array_index (ev->scores, LmScore, i);
          total.gold += s->gold;
          total.found += s->found;
          total.correct += s->correct;
        }
      if (have >= 0)
        {
          g_ptr_array_remove_index (ev->labels, (guint) have);
          g_array_remove_index (ev->scores, (guint) have);
        }
      g_ptr_array_add (ev->labels, g_strdup ("all"));
      g_array_append_val (ev->scores, total);
    }
  return ev;
}

gboolean
lm_evaluation_input_failed (const LmEvaluation *ev)
{
  for (guint i = 0; i < ev->warnings->len; i++)
    if (g_array_index (ev->warnings, LmEvalWarning, i).input_failed)
      return TRUE;
  return FALSE;
}

void
lm_evaluation_free (LmEvaluation *ev)
{
  if (ev == NULL)
    return;
  g_array_unref (ev->warnings);
  g_array_unref (ev->texts);
  g_ptr_array_unref (ev->labels);
  g_array_unref (ev->scores);
  g_ptr_array_unref (ev->errors);
  g_hash_table_unref (ev->lookalikes);
  g_free (ev);
}
