/* genre.c - stance rules over the sentence of each genre mention.
 *
 * The rules and their order are documented in genre.h.  A sentence is seen
 * as its tokens' folded words plus the punctuation between them, read from
 * the text; every rule is a scan of a few tokens around the mention.
 */
#include "core/whitespace.h"
#include "genre.h"

#include <string.h>

#include "core/tokenizer.h"
#include "stance-rules.h"

const char *
lm_stance_to_string (LmStance stance)
{
  static const char *const names[] = { "asserted", "attributed", "rejected", "hedged", "mention" };
  return stance < LM_N_STANCES ? names[stance] : "unknown";
}

/* One sentence around a mention. */
typedef struct
{
  const char *data;
  gsize len;
  const LmToken *tok;
  guint n;
  guint ms, me; /* the mention's first and last token */
  const LmLexicon *lexicon;
  const LmStanceRules *rules;
  guint category;
  const struct _Work *work;
} Sent;

/* The lexicon's [work], folded as the tokenizer folds words: the title
 * ("never let me go") and short titles as phrases, the author's surname. */
typedef struct _Work
{
  char *title;        /* "" without a [work] */
  guint title_words;
  char *raw_title;    /* as written, "" without */
  GPtrArray *shorts;  /* char*, folded */
  char *author;       /* the author's last word, folded; "" without */
} Work;

/* The words of a cue list or trigger of stance.ini. */
#define L(s, id) ((const char *const *) lm_stance_rules_get ((s)->rules, (id))->words)

typedef struct
{
  LmStance stance;
  const char *family;
  char *cue;
  char *source;
  const LmStanceCues *trigger; /* the stance.ini cues that decided, if any */
} Decision;

static const char *
w (const Sent *s, gint i)
{
  return (i >= 0 && (guint) i < s->n) ? s->tok[i].word->folded : "";
}

static gboolean
is (const Sent *s, gint i, const char *word)
{
  return g_str_equal (w (s, i), word);
}

static gboolean
in_list (const char *word, const char *const *list)
{
  return g_strv_contains (list, word);
}

/* The bytes between token i-1 and token i. */
static void
gap (const Sent *s, guint i, gsize *from, gsize *to)
{
  *to = s->tok[i].start;
  *from = i > 0 ? s->tok[i - 1].end : s->tok[i].start;
}

static gboolean
gap_has (const Sent *s, guint i, const char *chars)
{
  gsize a, b;
  gap (s, i, &a, &b);
  for (gsize k = a; k < b; k++)
    if (strchr (chars, s->data[k]))
      return TRUE;
  return FALSE;
}

/* Does the phrase (space-separated folded words) start at token @i? */
static gboolean
phrase_at (const Sent *s, gint i, const char *phrase)
{
  /* Word by word, without splitting the phrase: this runs for every token
   * of a clause and every phrase of a list. */
  for (const char *part = phrase; ; i++)
    {
      const char *space = strchr (part, ' ');
      gsize plen = space ? (gsize) (space - part) : strlen (part);
      const char *word = w (s, i);
      if (strncmp (word, part, plen) != 0 || word[plen] != '\0')
        return FALSE;
      if (space == NULL)
        return TRUE;
      part = space + 1;
    }
}

/* The last start in [from, to) of any phrase of @list, or -1; @which gets it. */
static gint
find_phrase (const Sent *s, gint from, gint to, const char *const *list,
             const char **which)
{
  for (gint i = to - 1; i >= from; i--)
    for (guint k = 0; list[k]; k++)
      if (phrase_at (s, i, list[k]))
        {
          if (which)
            *which = list[k];
          return i;
        }
  return -1;
}


static gboolean
clause_break_before (const Sent *s, guint i)
{
  if (i == 0)
    return FALSE;
  if (gap_has (s, i, ";:"))
    return TRUE;
  if (in_list (w (s, (gint) i), lm_stance_rules_get_terminators (s->rules)))
    return TRUE;
  return gap_has (s, i, ",") && in_list (w (s, (gint) i), lm_stance_rules_get_comma_terminators (s->rules));
}

/* One past the last token of the clause holding token @i. */
static guint
clause_end (const Sent *s, guint i)
{
  i++;
  while (i < s->n && !clause_break_before (s, i))
    i++;
  return i;
}

static guint
clause_start (const Sent *s, guint i)
{
  while (i > 0 && !clause_break_before (s, i))
    i--;
  return i;
}

static gboolean
pseudo_at (const Sent *s, gint i, const LmStanceCues *c)
{
  /* a pseudo-trigger covers the cue when it starts at it or a word before */
  for (guint k = 0; c->pseudo[k]; k++)
    if (phrase_at (s, i, c->pseudo[k]) || (i > 0 && phrase_at (s, i - 1, c->pseudo[k])
                                           && strchr (c->pseudo[k], ' ')))
      return TRUE;
  return FALSE;
}

/* The range [*from, *to) of tokens a trigger looks at on one side of the
 * mention: its scope (the clause, the sentence or N words), cut at the
 * sentence. */
static void
trigger_range (const Sent *s, const LmStanceCues *c, gboolean before, gint *from, gint *to)
{
  if (before)
    {
      *to = (gint) s->ms;
      *from = c->scope == LM_SCOPE_CLAUSE   ? (gint) clause_start (s, s->ms)
              : c->scope == LM_SCOPE_SENTENCE ? 0
                                              : MAX (0, (gint) s->ms - c->scope);
    }
  else
    {
      *from = (gint) s->me + 1;
      *to = c->scope == LM_SCOPE_CLAUSE   ? (gint) clause_end (s, s->me)
            : c->scope == LM_SCOPE_SENTENCE ? (gint) s->n
                                            : MIN ((gint) s->n, (gint) s->me + 1 + c->scope);
    }
}

/* The nearest cue of trigger @id before the mention (or the first after it,
 * by its direction), skipping pseudo-triggers; -1 if none. */
static gint
find_trigger (const Sent *s, LmStanceCueId id, const char **which, Decision *d)
{
  const LmStanceCues *c = lm_stance_rules_get (s->rules, id);
  gint from, to, at = -1;
  if (c->direction != LM_DIRECTION_AFTER)
    {
      trigger_range (s, c, TRUE, &from, &to);
      for (gint i = to - 1; i >= from && at < 0; i--)
        for (guint k = 0; c->words[k] && at < 0; k++)
          if (phrase_at (s, i, c->words[k]) && !pseudo_at (s, i, c))
            {
              at = i;
              if (which)
                *which = c->words[k];
            }
    }
  if (at < 0 && c->direction != LM_DIRECTION_BEFORE)
    {
      trigger_range (s, c, FALSE, &from, &to);
      for (gint i = from; i < to && at < 0; i++)
        for (guint k = 0; c->words[k] && at < 0; k++)
          if (phrase_at (s, i, c->words[k]) && !pseudo_at (s, i, c))
            {
              at = i;
              if (which)
                *which = c->words[k];
            }
    }
  if (at >= 0 && d)
    d->trigger = c;
  return at;
}

/* Is token @i part of the work's title (the lexicon's [work], e.g. "Never
 * Let Me Go", whose "never" is no negation and whose "me" no first person)
 * or one of its short titles? */
/* The title at token @i, its last word allowed to run into the next word
 * ("Never Let Me GoI read", a caption glued to the text). */
static gboolean
title_at (const Sent *s, gint i)
{
  const char *t = s->work->title, *last = strrchr (t, ' ');
  if (last == NULL)
    return g_str_has_prefix (w (s, i), t);
  g_autofree char *head = g_strndup (t, (gsize) (last - t));
  guint n = s->work->title_words;
  return phrase_at (s, i, head) && g_str_has_prefix (w (s, i + (gint) n - 1), last + 1);
}

static gboolean
in_title (const Sent *s, gint i)
{
  for (guint k = 0; *s->work->title && k < s->work->title_words; k++)
    if (i - (gint) k >= 0 && title_at (s, i - (gint) k))
      return TRUE;
  for (guint k = 0; k < s->work->shorts->len; k++)
    if (phrase_at (s, i, s->work->shorts->pdata[k]))
      return TRUE;
  return FALSE;
}

/* Words folded and joined by single spaces: "Never Let Me Go" -> "never let
 * me go" (letters, digits and inner apostrophes kept). */
static char *
fold_phrase (const char *s, guint *n_words)
{
  g_autofree char *down = g_utf8_strdown (s, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;
  gboolean in = FALSE;
  for (const char *p = down; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = g_unichar_isalnum (c) || ((c == '\'' || c == 0x2019) && in);
      if (word && !in)
        {
          if (out->len)
            g_string_append_c (out, ' ');
          n++;
        }
      if (word)
        {
          if (c == 0x2019)
            c = '\'';
          g_string_append_unichar (out, c);
        }
      in = word;
    }
  if (n_words)
    *n_words = n;
  return g_string_free (out, FALSE);
}

static void
work_init (Work *w, const LmLexicon *lexicon)
{
  const LmWork *lw = lm_lexicon_get_work (lexicon);
  w->shorts = g_ptr_array_new_with_free_func (g_free);
  w->raw_title = g_strdup (lw && lw->title ? lw->title : "");
  w->title = fold_phrase (w->raw_title, &w->title_words);
  for (guint i = 0; lw && lw->short_titles && lw->short_titles[i]; i++)
    if (*lw->short_titles[i])
      g_ptr_array_add (w->shorts, fold_phrase (lw->short_titles[i], NULL));
  g_autofree char *author = fold_phrase (lw && lw->author ? lw->author : "", NULL);
  const char *last = strrchr (author, ' ');
  w->author = g_strdup (last ? last + 1 : author);
}

static void
work_clear (Work *w)
{
  g_free (w->title);
  g_free (w->raw_title);
  g_free (w->author);
  g_ptr_array_unref (w->shorts);
}

/* Does token @i name a character of the lexicon ("Kathy's")? */
static gboolean
is_character (const Sent *s, gint i)
{
  const LmWord *word = s->tok[i].word;
  for (guint a = 0; a < word->n_atoms; a++)
    {
      const GPtrArray *ps = lm_lexicon_patterns_starting_with (s->lexicon, word->atoms[a]);
      for (guint k = 0; ps && k < ps->len; k++)
        {
          const LmPattern *p = ps->pdata[k];
          if (lm_lexicon_get_category (s->lexicon, p->category)->kind == LM_CATEGORY_CHARACTER)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
capitalised (const Sent *s, guint i)
{
  gunichar c = g_utf8_get_char (s->data + s->tok[i].start);
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static char *
surface (const Sent *s, guint from, guint to)
{
  return g_strndup (s->data + s->tok[from].start, s->tok[to].end - s->tok[from].start);
}

/* ---- word lists --------------------------------------------------- */


/* ---- rules -------------------------------------------------------- */

static void
decide (Decision *d, LmStance stance, const char *family, char *cue)
{
  d->stance = stance;
  d->family = family;
  d->cue = cue;
}

/* "on the Dystopian shelf", "the fantasy section": a label others put on
 * the book. */
static gboolean
shelved (const Sent *s, Decision *d)
{
  guint me = s->me;
  if (me + 1 >= s->n || gap_has (s, me + 1, ",;:.!?()") || !in_list (w (s, (gint) me + 1), L (s, LM_SC_LABEL_NOUNS)))
    return FALSE;
  decide (d, LM_STANCE_ATTRIBUTED, "reported-speech",
          g_strdup_printf ("a label on the book (\"%s %s\")", w (s, (gint) me), w (s, (gint) me + 1)));
  d->source = g_strdup (w (s, (gint) me + 1));
  d->trigger = lm_stance_rules_get (s->rules, LM_SC_LABEL_NOUNS);
  return TRUE;
}

static gboolean reviewed_work (const Sent *s, guint subj);

static gboolean
not_a_label (const Sent *s, Decision *d)
{
  gint ms = (gint) s->ms, me = (gint) s->me;
  const char *first = w (s, ms), *last = w (s, me);
  gboolean adjacent_next = (guint) me + 1 < s->n && !gap_has (s, (guint) me + 1, ",;:.!?()\"“”");
  const char *next = adjacent_next ? w (s, me + 1) : "";
  if (ms == me && g_str_has_suffix (first, "ly"))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("\"%s\" is an adverb", first));
      return TRUE;
    }
  if (is (s, me + 1, "of") && is (s, ms - 1, "the") && in_list (first, L (s, LM_SC_FRAMED_ONLY)))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("\"%s %s of\"", w (s, ms - 1), last));
      return TRUE;
    }
  if (in_list (next, L (s, LM_SC_OTHER_MEDIA)))
    {
      decide (d, LM_STANCE_MENTION, "comparison", g_strdup_printf ("\"%s %s\" labels another medium", last, next));
      d->trigger = lm_stance_rules_get (s->rules, LM_SC_OTHER_MEDIA);
      return TRUE;
    }
  if (in_list (next, L (s, LM_SC_PERSON_NOUNS)))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("\"%s %s\" describes a person", last, next));
      return TRUE;
    }
  for (gint back = 1; back <= 3; back++)
    {
      const char *b = w (s, ms - back);
      if (in_list (b, L (s, LM_SC_SETTING_PREPS)) && (back == 1 || in_list (w (s, ms - 1), L (s, LM_SC_DETERMINERS)))
          && !in_list (lm_lexicon_get_category (s->lexicon, s->category)->id, L (s, LM_SC_SETTING_GENRES)))
        {
          /* "to" is a setting only as "lapses to"; "as a" frames are labels;
           * so is a genre entered as a territory ("a foray into SF"). */
          if (g_str_equal (b, "to") || in_list (w (s, ms - back - 1), L (s, LM_SC_TERRITORY)))
            break;
          decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("setting: \"%s %s\"", b, first));
          return TRUE;
        }
      if (!in_list (b, L (s, LM_SC_DETERMINERS)) && !in_list (b, L (s, LM_SC_ADJECTIVES)))
        break;
    }
  /* "their lives are destined to be tragic": a predicate adjective
   * describes its subject; it classifies the book only when the book is
   * the subject. */
  if (ms == me && in_list (first, L (s, LM_SC_ADJECTIVES)) && !in_list (next, L (s, LM_SC_GENRE_NOUNS)))
    for (gint k = ms - 1; k >= 0 && k >= ms - 4; k--)
      if (in_list (w (s, k), L (s, LM_SC_COPULAS)))
        {
          gint subj = k - 1;
          while (subj >= 0 && (in_list (w (s, subj), L (s, LM_SC_COPULAS)) || is (s, subj, "to")
                               || g_str_has_suffix (w (s, subj), "ed") || g_str_has_suffix (w (s, subj), "ly")))
            subj--;
          if (subj >= 0 && !in_list (w (s, subj), L (s, LM_SC_BOOK_SUBJECTS)) && !in_title (s, subj))
            {
              decide (d, LM_STANCE_MENTION, "non-classifying",
                      g_strdup_printf ("\"%s\" describes \"%s\", not the book", first, w (s, subj)));
              d->trigger = lm_stance_rules_get (s->rules, LM_SC_BOOK_SUBJECTS);
              return TRUE;
            }
          break;
        }
  const char *prev = w (s, ms - 1);
  if ((in_list (prev, L (s, LM_SC_OBJECT_VERBS)) || (in_list (w (s, ms - 2), L (s, LM_SC_OBJECT_VERBS)) && in_list (prev, L (s, LM_SC_DETERMINERS))))
      && in_list (first, L (s, LM_SC_FRAMED_ONLY)))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying",
              g_strdup_printf ("a %s in the story (\"%s %s\")", last, prev, last));
      return TRUE;
    }
  /* "Enid Blyton's school stories": another writer's works */
  if (ms > 0 && g_str_has_suffix (prev, "'s") && capitalised (s, (guint) ms - 1) && !in_title (s, ms - 1)
      && !is_character (s, ms - 1) && !(*s->work->author && g_str_has_prefix (prev, s->work->author))
      && !reviewed_work (s, (guint) ms - 1))
    {
      decide (d, LM_STANCE_MENTION, "comparison",
              g_strdup_printf ("another writer's or work's %s (\"%s %s\")", last, prev, last));
      return TRUE;
    }
  if (ms > 0 && (g_str_equal (prev, "their") || g_str_equal (prev, "his") || g_str_equal (prev, "her")
                 || (g_str_has_suffix (prev, "'s") && is_character (s, ms - 1))))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying",
              g_strdup_printf ("the characters' %s (\"%s %s\")", last, prev, last));
      return TRUE;
    }
  if (ms == me && in_list (first, L (s, LM_SC_ADJECTIVES)) && *next && !in_list (next, L (s, LM_SC_GENRE_NOUNS))
      && !s->tok[me + 1].word->stop && !(s->tok[ms].flags & LM_TOKEN_HYPHEN_BEFORE))
    {
      /* "dystopian science fiction": the next word starts another genre;
       * "a dystopian world": the book's world is its genre. */
      if (!in_list (next, L (s, LM_SC_GENRE_STARTS))
          && !(in_list (first, L (s, LM_SC_SETTING_ADJECTIVES)) && in_list (next, L (s, LM_SC_SETTING_NOUNS))
               && !is (s, ms - 1, "the"))) /* "the dystopian world" refers to it; "a dystopian world" calls it so */
        {
          decide (d, LM_STANCE_MENTION, "non-classifying",
                  g_strdup_printf ("\"%s %s\" describes the story, not its genre", first, next));
          return TRUE;
        }
    }
  return FALSE;
}

/* The nearest name before token @v, or a generic source, or "". */
static char *
find_source (const Sent *s, guint v, gboolean marketing)
{
  /* "by critics", "by Louis Menand" after a passive verb */
  if (is (s, (gint) v + 1, "by") || (is (s, (gint) v + 1, "as") && FALSE))
    {
      guint a = v + 2;
      if (a < s->n && capitalised (s, a))
        {
          guint b = a;
          while (b + 1 < s->n && capitalised (s, b + 1) && !gap_has (s, b + 1, ",;:."))
            b++;
          return surface (s, a, b);
        }
      for (guint k = a; k < s->n && k < a + 3; k++)
        if (in_list (w (s, (gint) k), L (s, LM_SC_GENERIC_SOURCES)))
          return g_strdup (w (s, (gint) k));
    }
  /* Runs of capitalised words before the verb, nearest first: the first
   * that is not a publication is the name; a publication between it and the
   * verb ("Sarah Kerr, writing for the New York Times, described") or just
   * before it ("The New Yorker writer Louis Menand") goes in parentheses. */
  gint pub_from = -1, pub_to = -1;
  for (gint i = (gint) v - 1; i >= 0; i--)
    {
      if (!capitalised (s, (guint) i))
        continue;
      gint to = i, from = i;
      while (from > 0 && capitalised (s, (guint) from - 1) && !gap_has (s, (guint) from, ",;:.()"))
        from--;
      i = from;
      gboolean publication = in_list (w (s, from), L (s, LM_SC_DETERMINERS))
                             || (from > 0 && (is (s, from - 1, "for") || is (s, from - 1, "the")
                                              || is (s, from - 1, "at")));
      gint pfrom = from; /* a publication keeps its article: "The Atlantic" */
      if (from > 0 && is (s, from - 1, "the") && !in_list (w (s, from), L (s, LM_SC_DETERMINERS)))
        pfrom = from; /* "the New York Times": the article is not capitalised */
      while (from < to && (in_list (w (s, from), L (s, LM_SC_NAME_NOISE)) || in_list (w (s, from), L (s, LM_SC_DETERMINERS))))
        from++;
      g_autofree char *run = surface (s, (guint) from, (guint) to);
      g_autofree char *folded_run = fold_phrase (run, NULL);
      gboolean the_novel = (*s->work->title && strstr (folded_run, s->work->title) != NULL);
      for (guint k = 0; !the_novel && k < s->work->shorts->len; k++)
        the_novel = g_str_equal (folded_run, s->work->shorts->pdata[k]);
      gboolean one_common = from == to && (s->tok[from].word->stop || from == 0
                                           || in_list (w (s, from), L (s, LM_SC_NAME_NOISE)));
      if (the_novel || (one_common && !publication) || in_list (w (s, from), L (s, LM_SC_DETERMINERS)))
        continue;
      if (publication && pub_from < 0)
        {
          pub_from = pfrom;
          pub_to = to;
          continue;
        }
      /* a publication right before the name: "The New Yorker writer X" */
      if (pub_from < 0)
        for (gint k = from - 1; k >= 0 && k >= from - 3; k--)
          if (capitalised (s, (guint) k))
            {
              gint pf = k;
              while (pf > 0 && capitalised (s, (guint) pf - 1))
                pf--;
              if (in_list (w (s, pf), L (s, LM_SC_DETERMINERS)) || (pf > 0 && is (s, pf - 1, "the")))
                {
                  pub_from = pf;
                  pub_to = k;
                }
              break;
            }
      g_autofree char *name = surface (s, (guint) from, (guint) to);
      if (pub_from >= 0)
        {
          g_autofree char *pub = surface (s, (guint) pub_from, (guint) pub_to);
          return g_strdup_printf ("%s (%s)", name, pub);
        }
      return g_steal_pointer (&name);
    }
  if (pub_from >= 0)
    return surface (s, (guint) pub_from, (guint) pub_to);
  /* "several critics", "genre readers": keep the word that qualifies them */
  for (gint i = (gint) v - 1; i >= 0; i--)
    if (in_list (w (s, i), L (s, LM_SC_GENERIC_SOURCES)))
      {
        if (i > 0 && in_list (w (s, i - 1), L (s, LM_SC_QUALIFIERS)) && !gap_has (s, (guint) i, ",;:"))
          return g_strdup_printf ("%s %s", w (s, i - 1), w (s, i));
        return g_strdup (w (s, i));
      }
  return g_strdup (marketing ? "marketing" : "");
}

/* "Some reviewers have been foolhardy enough to describe it as": a source
 * before the "to" of the reporting verb, in its clause. */
static gboolean
source_before (const Sent *s, gint to)
{
  for (gint k = to - 1; k >= 0 && !clause_break_before (s, (guint) k + 1); k--)
    if (in_list (w (s, k), L (s, LM_SC_GENERIC_SOURCES)))
      return TRUE;
  return FALSE;
}

static gboolean
reported (const Sent *s, Decision *d)
{
  gint v = -1;
  const char *verb = NULL;
  for (gint i = (gint) s->ms - 1; i >= 0 && v < 0; i--)
    {
      if (clause_break_before (s, (guint) i + 1) && (guint) i + 1 <= s->ms
          && (is (s, i + 1, "but") || gap_has (s, (guint) i + 1, ";")))
        break;
      if (in_list (w (s, i), L (s, LM_SC_REPORTING)))
        {
          /* No subject: "To call it a thriller is ...", "Call it ...": the
           * writer weighing a label, not reporting one. */
          if ((i == 0 || is (s, i - 1, "to") || clause_break_before (s, (guint) i))
              && !g_str_has_suffix (w (s, i), "ed") /* "Marketed as ..." is passive */
              && !(is (s, i - 1, "to") && source_before (s, i - 1)))
            continue;
          /* "the described utopia": an adjective */
          if (g_str_has_suffix (w (s, i), "ed") && in_list (w (s, i - 1), L (s, LM_SC_DETERMINERS)))
            continue;
          if (in_list (w (s, i), L (s, LM_SC_NEEDS_THAT)) && !is (s, i + 1, "that") && !is (s, i + 2, "that")
              && !is (s, i + 1, "as") && !is (s, i + 2, "as") && !is (s, i + 3, "as")
              && !((guint) i + 1 < s->n && gap_has (s, (guint) i + 1, ":")))
            continue;
          if (in_list (w (s, i), L (s, LM_SC_NOUN_LIKE)) && in_list (w (s, i - 1), L (s, LM_SC_NOT_SUBJECTS))
              && !g_str_equal (w (s, i), "description"))
            continue;
          /* "critics read it as": only with "as" and a subject that is not
           * the writer ("when read as a ..." is the writer's own reading). */
          if (in_list (w (s, i), L (s, LM_SC_NEEDS_AS))
              && ((!is (s, i + 1, "as") && !is (s, i + 2, "as") && !is (s, i + 3, "as"))
                  || !(in_list (w (s, i - 1), L (s, LM_SC_GENERIC_SOURCES))
                       || (i >= 2 && capitalised (s, (guint) i - 1) && !s->tok[i - 1].word->stop
                           && !in_title (s, i - 1)))))
            continue;
          v = i;
          verb = w (s, i);
        }
      else if (phrase_at (s, i, "according to"))
        {
          v = i + 1;
          verb = "according to";
        }
    }
  if (v < 0)
    return FALSE;
  /* "I would call it", "we read it as": the writer's own words. */
  for (gint k = v - 1; k >= v - 3 && k >= 0; k--)
    if (is (s, k, "i") || is (s, k, "we"))
      return FALSE;
  gboolean marketing = in_list (verb, L (s, LM_SC_MARKETING_VERBS));
  g_autofree char *source = g_str_equal (verb, "according to")
                              ? ((guint) v + 1 < s->n ? surface (s, (guint) v + 1, MIN (s->n - 1, (guint) v + 3)) : g_strdup (""))
                              : find_source (s, (guint) v, marketing);
  const char *which = NULL;
  if (find_trigger (s, LM_SC_ENDORSEMENTS, &which, d) >= 0)
    {
      decide (d, LM_STANCE_ASSERTED, "endorsement",
              g_strdup_printf ("reported (\"%s\") and endorsed (\"%s\")", verb, which));
      d->source = g_steal_pointer (&source);
      return TRUE;
    }
  if (find_trigger (s, LM_SC_DISPUTES, &which, d) >= 0)
    {
      decide (d, LM_STANCE_REJECTED, "negation",
              g_strdup_printf ("reported (\"%s\") and disputed (\"%s\")", verb, which));
      d->source = g_steal_pointer (&source);
      return TRUE;
    }
  decide (d, LM_STANCE_ATTRIBUTED, "reported-speech", g_strdup_printf ("reported: \"%s\"", verb));
  d->source = g_steal_pointer (&source);
  return TRUE;
}

/* "pursue a romance with Kathy": a relationship in the story. */
static gboolean
relationship (const Sent *s, Decision *d)
{
  if (s->ms != s->me || !in_list (w (s, (gint) s->ms), L (s, LM_SC_FRAMED_ONLY))
      || !in_list (w (s, (gint) s->me + 1), L (s, LM_SC_RELATIONSHIP)) || gap_has (s, s->me + 1, ",;:.!?"))
    return FALSE;
  decide (d, LM_STANCE_MENTION, "non-classifying",
          g_strdup_printf ("a relationship (\"%s %s\")", w (s, (gint) s->me), w (s, (gint) s->me + 1)));
  d->trigger = lm_stance_rules_get (s->rules, LM_SC_RELATIONSHIP);
  return TRUE;
}

static gboolean
has_first_person (const Sent *s, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    if (in_list (w (s, (gint) i), L (s, LM_SC_FIRST_PERSON)) && !in_title (s, (gint) i))
      return TRUE;
  return FALSE;
}

static gboolean
taste (const Sent *s, guint cs, Decision *d)
{
  if (!has_first_person (s, 0, s->n))
    return FALSE;
  const char *which = NULL;
  (void) cs;
  gint at = find_trigger (s, LM_SC_TASTE_VERBS, &which, d);
  /* after the label, the taste must be the writer's own: "the science
   * fiction I grew up on" */
  if (at < 0 || (at > (gint) s->me && !has_first_person (s, s->me + 1, (guint) at + 1)))
    return FALSE;
  decide (d, LM_STANCE_MENTION, "taste", g_strdup_printf ("the writer's taste (\"%s\")", which));
  return TRUE;
}

static gboolean
comparison (const Sent *s, guint cs, Decision *d)
{
  const char *which = NULL;
  (void) cs;
  if (find_trigger (s, LM_SC_COMPARISONS, &which, d) < 0)
    return FALSE;
  decide (d, LM_STANCE_MENTION, "comparison", g_strdup_printf ("a comparison (\"%s\")", which));
  return TRUE;
}

/* Where the sentence ends: past the last token, over closing punctuation. */
static gsize
sentence_end (const Sent *s)
{
  gsize e = s->tok[s->n - 1].end;
  guint k = 0;
  while (e < s->len && k < 8 && !g_ascii_isalnum (s->data[e]) && s->data[e] != '\n')
    {
      e++;
      k++;
    }
  return e;
}

static gboolean
question (const Sent *s, Decision *d)
{
  gsize e = sentence_end (s);
  if (memchr (s->data + s->tok[s->n - 1].end, '?', e - s->tok[s->n - 1].end) == NULL)
    return FALSE;
  /* "it's a cautionary tale – what if you ...?": the question is the part
   * after a dash or a colon, not the label before it. */
  for (guint i = s->me + 1; i < s->n; i++)
    {
      gsize a, b;
      gap (s, i, &a, &b);
      g_autofree char *between = g_strndup (s->data + a, b - a);
      if (strchr (between, ':') || strstr (between, "\u2013") || strstr (between, "\u2014")
          || strstr (between, " - "))
        return FALSE;
    }
  /* The next words answer it? */
  gsize p = e;
  while (p < s->len && !g_ascii_isalpha (s->data[p]))
    p++;
  gsize q = p;
  while (q < s->len && g_ascii_isalpha (s->data[q]))
    q++;
  g_autofree char *next = g_ascii_strdown (s->data + p, (gssize) (q - p));
  gsize tlen = strlen (s->work->raw_title);
  gboolean answer_is_title = tlen && p + tlen <= s->len
                             && g_ascii_strncasecmp (s->data + p, s->work->raw_title, tlen) == 0;
  if (find_phrase (s, 0, (gint) s->ms, (const char *const[]) { "if not", NULL }, NULL) >= 0)
    {
      decide (d, LM_STANCE_ASSERTED, "question", g_strdup ("a rhetorical question (\"if not\")"));
      return TRUE;
    }
  if (in_list (next, L (s, LM_SC_ANSWERS_PARTLY)))
    {
      decide (d, LM_STANCE_HEDGED, "question", g_strdup_printf ("a question answered \"%s\"", next));
      return TRUE;
    }
  if (in_list (next, L (s, LM_SC_ANSWERS_YES)))
    {
      decide (d, LM_STANCE_ASSERTED, "question", g_strdup_printf ("a question answered \"%s\"", next));
      return TRUE;
    }
  if (in_list (next, L (s, LM_SC_ANSWERS_NO)) && !answer_is_title)
    {
      decide (d, LM_STANCE_REJECTED, "question",
              g_strdup_printf ("a question answered \"%s\"", next));
      return TRUE;
    }
  decide (d, LM_STANCE_MENTION, "question", g_strdup ("a question, not a classification"));
  return TRUE;
}

/* Between a contrast or negation cue at @c and the mention, does "than",
 * "so much as" or "but" put the mention on the affirmed side ("less a
 * thriller than a fable", "not a dystopia so much as a Bildungsroman")? */
static gboolean
affirmed_side (const Sent *s, gint c, const char *cue)
{
  /* start after the cue's own words ("more than a mere" holds a "than") */
  gint after = c + 1;
  for (const char *p = cue; *p; p++)
    after += (*p == ' ');
  for (gint i = after; i < (gint) s->ms; i++)
    if (is (s, i, "than") || phrase_at (s, i, "so much as") || is (s, i, "but")
        || (gap_has (s, (guint) i, ",") && (is (s, i, "it") || is (s, i, "this"))))
      return TRUE;
  return FALSE;
}

static gboolean
negation (const Sent *s, guint cs, Decision *d)
{
  const char *which = NULL;
  gint c = find_trigger (s, LM_SC_CONTRASTS, &which, d);
  const LmStanceCues *neg = lm_stance_rules_get (s->rules, LM_SC_NEGATIONS);
  gint from, to;
  trigger_range (s, neg, TRUE, &from, &to);
  for (gint i = to - 1; i >= from && c < 0; i--)
    {
      const char *word = w (s, i);
      /* the negations of stance.ini, and any word in "n't" */
      gboolean is_neg = in_list (word, (const char *const *) neg->words) || g_str_has_suffix (word, "n't");
      if (is_neg && !pseudo_at (s, i, neg) && !in_title (s, i))
        {
          c = i;
          which = word;
          d->trigger = neg;
        }
    }
  if (c >= 0)
    {
      if (affirmed_side (s, c, which))
        {
          decide (d, LM_STANCE_ASSERTED, "contrast",
                  g_strdup_printf ("the affirmed side of a contrast (\"%s ... \")", which));
          return TRUE;
        }
      gboolean is_contrast = find_phrase (s, c, c + 1, L (s, LM_SC_CONTRASTS), NULL) >= 0;
      /* "not traditional science fiction": the subtype is denied, not the label */
      if (!is_contrast && s->ms > 0 && in_list (w (s, (gint) s->ms - 1), L (s, LM_SC_SUBTYPES)))
        {
          decide (d, LM_STANCE_MENTION, "negation",
                  g_strdup_printf ("a negated subtype (\"%s ... %s %s\")", which, w (s, (gint) s->ms - 1),
                                   w (s, (gint) s->ms)));
          d->trigger = lm_stance_rules_get (s->rules, LM_SC_SUBTYPES);
          return TRUE;
        }
      decide (d, LM_STANCE_REJECTED, is_contrast ? "contrast" : "negation",
              g_strdup_printf ("%s: \"%s\"", is_contrast ? "contrast" : "negation", which));
      return TRUE;
    }
  /* A dispute anywhere in the clause ("To call it a thriller is to
   * misunderstand it"), or a later denial ("nothing of the sort"). */
  /* in this rule a dispute counts within the mention's clause only */
  gint dispute = find_phrase (s, (gint) cs, (gint) clause_end (s, s->me), L (s, LM_SC_DISPUTES), &which);
  if (dispute > 0 && is (s, dispute - 1, "no")) /* "make no mistake" */
    dispute = -1;
  if (dispute >= 0)
    d->trigger = lm_stance_rules_get (s->rules, LM_SC_DISPUTES);
  if (dispute >= 0 || find_trigger (s, LM_SC_LATER_NEGATIONS, &which, d) >= 0)
    {
      decide (d, LM_STANCE_REJECTED, "negation", g_strdup_printf ("disputed: \"%s\"", which));
      return TRUE;
    }
  return FALSE;
}

static gboolean
hedged (const Sent *s, guint cs, Decision *d)
{
  gint ms = (gint) s->ms;
  if ((s->tok[ms].flags & LM_TOKEN_HYPHEN_BEFORE) && in_list (w (s, ms - 1), L (s, LM_SC_HYPHEN_HEDGES)))
    {
      decide (d, LM_STANCE_HEDGED, "hedge", g_strdup_printf ("hedge: \"%s-\"", w (s, ms - 1)));
      return TRUE;
    }
  const char *which = NULL;
  (void) cs;
  if (find_trigger (s, LM_SC_HEDGES, &which, d) >= 0 || find_trigger (s, LM_SC_NEAR_HEDGES, &which, d) >= 0)
    {
      decide (d, LM_STANCE_HEDGED, "hedge", g_strdup_printf ("hedge: \"%s\"", which));
      return TRUE;
    }
  return FALSE;
}

/* Is the capitalised run ending at token @subj the work the text is about?
 * The work under review is named again and again; a work it is compared
 * with seldom is: a run that stands three times or more in the text. */
static gboolean
reviewed_work (const Sent *s, guint subj)
{
  guint from = subj;
  while (from > 0 && capitalised (s, from - 1) && !gap_has (s, from, ",;:.!?()\"“”"))
    from--;
  g_autofree char *run = surface (s, from, subj);
  guint n = 0;
  gsize len = strlen (run);
  for (const char *p = s->data; p && (p = g_strstr_len (p, (gssize) (s->data + s->len - p), run)) != NULL && n < 3; p += len)
    n++;
  return n >= 3;
}

/* "Frankenstein is a horror novel": the copula's subject is another title. */
static gboolean
other_subject (const Sent *s, guint cs, Decision *d)
{
  for (gint k = (gint) s->ms - 1; k > (gint) cs && k >= (gint) s->ms - 4; k--)
    if (in_list (w (s, k), L (s, LM_SC_COPULAS)))
      {
        gint subj = k - 1;
        if (capitalised (s, (guint) subj) && !in_title (s, subj) && !s->tok[subj].word->stop
            && !(*s->work->author && is (s, subj, s->work->author)) && !reviewed_work (s, (guint) subj))
          {
            g_autofree char *name = surface (s, (guint) subj, (guint) subj);
            decide (d, LM_STANCE_MENTION, "comparison",
                    g_strdup_printf ("classifies another work (\"%s %s\")", name, w (s, k)));
            return TRUE;
          }
        return FALSE;
      }
  return FALSE;
}

/* A classifying frame: "is a", "as a", "a ... GENRE", a genre noun after. */
static const char *
frame (const Sent *s, guint cs)
{
  gint ms = (gint) s->ms, me = (gint) s->me;
  if ((guint) me + 1 < s->n && in_list (w (s, me + 1), L (s, LM_SC_GENRE_NOUNS))
      && !gap_has (s, (guint) me + 1, ",;:.!?"))
    return "genre noun";
  /* "the British boarding school novel": the label holds its own noun */
  if (me > ms && in_list (w (s, me), L (s, LM_SC_FORM_NOUNS)))
    return "genre noun";
  if (find_trigger (s, LM_SC_BELONGS, NULL, NULL) >= 0)
    return "belongs to";
  for (gint k = 1; k <= 3 && ms - k >= (gint) cs; k++)
    {
      const char *b = w (s, ms - k);
      if (g_str_equal (b, "a") || g_str_equal (b, "an") || g_str_equal (b, "as"))
        return "copula";
      if (in_list (b, L (s, LM_SC_COPULAS)))
        return "copula";
    }
  return NULL;
}

/* The rules as one signature, for the table below. */
typedef gboolean (*Rule) (const Sent *s, guint cs, Decision *d);

static gboolean rule_shelved (const Sent *s, guint cs, Decision *d) { (void) cs; return shelved (s, d); }
static gboolean rule_not_a_label (const Sent *s, guint cs, Decision *d) { (void) cs; return not_a_label (s, d); }
static gboolean rule_reported (const Sent *s, guint cs, Decision *d) { (void) cs; return reported (s, d); }
static gboolean rule_relationship (const Sent *s, guint cs, Decision *d) { (void) cs; return relationship (s, d); }
static gboolean rule_question (const Sent *s, guint cs, Decision *d) { (void) cs; return question (s, d); }

/* "a science fiction novel, supposedly": someone else's label */
static gboolean
rule_distancing (const Sent *s, guint cs, Decision *d)
{
  const char *which = NULL;
  (void) cs;
  if (find_trigger (s, LM_SC_DISTANCING, &which, d) < 0)
    return FALSE;
  decide (d, LM_STANCE_ATTRIBUTED, "reported-speech", g_strdup_printf ("kept at a distance (\"%s\")", which));
  return TRUE;
}

static gboolean
rule_negated_hedge (const Sent *s, guint cs, Decision *d)
{
  const char *which = NULL;
  (void) cs;
  if (find_trigger (s, LM_SC_NEGATED_HEDGES, &which, d) < 0)
    return FALSE;
  decide (d, LM_STANCE_HEDGED, "hedge", g_strdup_printf ("hedge: \"%s\"", which));
  return TRUE;
}

/* Rules 11 and 12 of genre.h: the writer's own association, a framed-only
 * word without a frame, else a label of the novel.  Always decides. */
static gboolean
rule_label (const Sent *s, guint cs, Decision *d)
{
  const char *f = frame (s, cs);
  if (f == NULL && has_first_person (s, cs, s->ms))
    decide (d, LM_STANCE_MENTION, "non-classifying",
            g_strdup ("the writer's own association, not a label of the novel"));
  else if (f == NULL && in_list (w (s, (gint) s->ms), L (s, LM_SC_FRAMED_ONLY)))
    decide (d, LM_STANCE_MENTION, "non-classifying",
            g_strdup_printf ("\"%s\" without a classifying frame", w (s, (gint) s->ms)));
  else
    decide (d, LM_STANCE_ASSERTED, f ? "copula" : "plain",
            g_strdup (f ? f : "a genre named as the writer's own"));
  return TRUE;
}

/* The order of the rules (genre.h numbers them); the first that decides
 * wins.  What each looks for is in stance.ini. */
static const Rule rules[] = {
  rule_shelved,       /* 0 */
  rule_not_a_label,   /* 1 */
  rule_reported,      /* 2 */
  rule_distancing,    /* 2b */
  rule_relationship,  /* 3 */
  taste,              /* 4 */
  comparison,         /* 5 */
  rule_question,      /* 6 */
  rule_negated_hedge, /* 7 */
  other_subject,      /* 8 */
  negation,           /* 9 */
  hedged,             /* 10 */
  rule_label,         /* 11, 12 */
};

static void
classify (const Sent *s, Decision *d)
{
  guint cs = clause_start (s, s->ms);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i] (s, cs, d))
      return;
}

/* ---- collecting mentions ----------------------------------------- */

typedef struct
{
  const LmLexicon *lexicon;
  const LmSegmentation *seg;
  const char *data;
  gsize len;
  GArray *out;
  Work work;
} Collect;

static void
on_hit (const LmHit *hit, const LmToken *sentence, guint n, gpointer user_data)
{
  Collect *c = user_data;
  const LmCategory *cat = lm_lexicon_get_category (c->lexicon, hit->category);
  if (cat->kind != LM_CATEGORY_GENRE)
    return;
  const LmToken *t = &sentence[hit->first];
  if (t->voice == LM_VOICE_BOILERPLATE)
    return;
  /* The rules see at most LM_GENRE_MAX_CONTEXT words either side. */
  guint lo = hit->first > LM_GENRE_MAX_CONTEXT ? hit->first - LM_GENRE_MAX_CONTEXT : 0;
  guint hi = MIN (n, hit->last + 1 + LM_GENRE_MAX_CONTEXT);
  Sent s = { c->data, c->len, sentence + lo, hi - lo, hit->first - lo, hit->last - lo,
             c->lexicon, lm_stance_rules_get_default (), hit->category, &c->work };
  Decision d = { 0 };
  classify (&s, &d);
  LmGenreMention m = {
    .category = hit->category,
    .voice = (LmVoice) t->voice,
    .comment = -1,
    .stance = d.stance,
    .source = d.source ? d.source : g_strdup (""),
    .cue = d.cue,
    .family = d.family,
    .form = lm_hit_form (hit, sentence),
    .trigger = d.trigger,
    .line = t->line,
    .col = t->col,
  };
  if (c->seg)
    {
      const LmSpan *sp = lm_segmentation_span_at (c->seg, t->start);
      m.comment = sp ? sp->comment : -1;
      m.novel_quote = sp && sp->quote == LM_QUOTE_NOVEL;
      /* A label the writer quotes from someone else (a synopsis, a review, a
       * critic's words) is that source's label: attributed, not asserted. */
      if (sp && sp->voice == LM_VOICE_QUOTATION && sp->quote == LM_QUOTE_OTHER
          && (m.stance == LM_STANCE_ASSERTED || m.stance == LM_STANCE_HEDGED))
        {
          g_autofree char *inner = m.cue;
          m.cue = g_strdup_printf ("inside a quotation (%s); the quoted text: %s", sp->rule, inner);
          m.stance = LM_STANCE_ATTRIBUTED;
          m.family = "quotation";
          m.trigger = NULL;
        }
    }
  gsize from = s.tok[0].start, to = sentence_end (&s);
  /* Include an opening quotation mark or bracket just before the sentence. */
  while (from > 0 && !g_ascii_isspace (c->data[from - 1]) && s.tok[0].start >= 4
         && from > s.tok[0].start - 4)
    from--;
  m.sentence = lm_collapse_whitespace (c->data + from, to - from);
  g_array_append_val (c->out, m);
}

static void
mention_clear (gpointer p)
{
  LmGenreMention *m = p;
  g_free (m->source);
  g_free (m->cue);
  g_free (m->form);
  g_free (m->sentence);
}

GArray *
lm_genre_mentions (LmAnalyzer *an, LmText *text, const LmSegmentation *seg)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (LmGenreMention));
  g_array_set_clear_func (out, mention_clear);
  Collect c = { lm_analyzer_get_lexicon (an), seg, NULL, 0, out, { 0 } };
  c.data = lm_text_get_data (text, &c.len);
  work_init (&c.work, c.lexicon);
  lm_analyzer_walk (an, text, seg, NULL, on_hit, &c);
  work_clear (&c.work);
  return out;
}
