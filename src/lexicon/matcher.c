/* matcher.c - phrase and word matching over one sentence at a time.
 *
 * Only tokens whose word carries an atom can start a match, and only the
 * patterns starting with that atom are tried, so words outside the lexicon
 * cost one test of n_atoms.
 */
#include "matcher.h"

#include <stdlib.h>

struct _LmMatcher
{
  const LmLexicon *lexicon;
  GArray *candidates; /* LmHit, with pattern->exclusion telling the kind */
  GArray *accepted;   /* LmHit */
};

LmMatcher *
lm_matcher_new (const LmLexicon *lexicon)
{
  LmMatcher *m = g_new0 (LmMatcher, 1);
  m->lexicon = lexicon;
  m->candidates = g_array_new (FALSE, FALSE, sizeof (LmHit));
  m->accepted = g_array_new (FALSE, FALSE, sizeof (LmHit));
  return m;
}

void
lm_matcher_free (LmMatcher *m)
{
  if (m == NULL)
    return;
  g_array_unref (m->candidates);
  g_array_unref (m->accepted);
  g_free (m);
}

void
lm_matcher_annotate_word (const LmWord *word, GArray *atoms, gpointer lexicon)
{
  lm_lexicon_match_word (lexicon, word->folded, word->folded_len, word->stem, atoms);
}

static gboolean
has_atom (const LmWord *w, guint atom)
{
  for (guint i = 0; i < w->n_atoms; i++)
    if (w->atoms[i] == atom)
      return TRUE;
  return FALSE;
}

/* Matches elements k.. of @p after token @pos; returns the last token index
 * of the nearest complete match, or -1. */
static gint
match_rest (const LmPattern *p, guint k, const LmToken *toks, guint n,
            guint pos, guint *positions)
{
  if (k == p->n_elements)
    return (gint) pos;
  guint limit = pos + 1 + p->gaps[k - 1];
  for (guint j = pos + 1; j <= limit && j < n; j++)
    if (has_atom (toks[j].word, p->atoms[k]))
      {
        positions[k] = j;
        gint r = match_rest (p, k + 1, toks, n, j, positions);
        if (r >= 0)
          return r;
      }
  return -1;
}

/* Longest first, then earliest, then first-listed pattern. */
static int
cmp_priority (gconstpointer a, gconstpointer b)
{
  const LmHit *x = a, *y = b;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  guint lx = x->last - x->first, ly = y->last - y->first;
  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return (x->pattern->index > y->pattern->index) - (x->pattern->index < y->pattern->index);
}

static int
cmp_text_order (gconstpointer a, gconstpointer b)
{
  const LmHit *x = a, *y = b;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return (x->last > y->last) - (x->last < y->last);
}

static gboolean
overlaps (const LmHit *a, const LmHit *b)
{
  return a->first <= b->last && b->first <= a->last;
}

void
lm_matcher_match_sentence (LmMatcher *m, const LmToken *toks, guint n,
                           LmHitFunc func, gpointer user_data)
{
  g_array_set_size (m->candidates, 0);
  g_array_set_size (m->accepted, 0);

  for (guint i = 0; i < n; i++)
    {
      const LmWord *w = toks[i].word;
      for (guint a = 0; a < w->n_atoms; a++)
        {
          const GPtrArray *starts = lm_lexicon_patterns_starting_with (m->lexicon, w->atoms[a]);
          for (guint s = 0; starts && s < starts->len; s++)
            {
              const LmPattern *p = starts->pdata[s];
              LmHit h = { .category = p->category, .pattern = p, .first = i };
              h.positions[0] = i;
              gint last = match_rest (p, 1, toks, n, i, h.positions);
              if (last < 0)
                continue;
              h.last = (guint) last;
              g_array_append_val (m->candidates, h);
            }
        }
    }
  if (m->candidates->len == 0)
    return;

  g_array_sort (m->candidates, cmp_priority);
  const LmHit *c = (const LmHit *) (void *) m->candidates->data;
  guint nc = m->candidates->len;
  for (guint i = 0; i < nc; i++)
    {
      if (c[i].pattern->exclusion)
        continue;
      gboolean keep = TRUE;
      /* Candidates are grouped by category: scan this category only. */
      for (guint j = i; j-- > 0 && c[j].category == c[i].category && keep;)
        if (c[j].pattern->exclusion && overlaps (&c[i], &c[j]))
          keep = FALSE;
      for (guint j = i + 1; j < nc && c[j].category == c[i].category && keep; j++)
        if (c[j].pattern->exclusion && overlaps (&c[i], &c[j]))
          keep = FALSE;
      for (guint j = 0; j < m->accepted->len && keep; j++)
        {
          const LmHit *a = &g_array_index (m->accepted, LmHit, j);
          if (a->category == c[i].category && overlaps (a, &c[i]))
            keep = FALSE;
        }
      if (keep)
        g_array_append_val (m->accepted, c[i]);
    }

  g_array_sort (m->accepted, cmp_text_order);
  for (guint i = 0; i < m->accepted->len; i++)
    func (&g_array_index (m->accepted, LmHit, i), toks, user_data);
}
