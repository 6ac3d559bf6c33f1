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
} Sent;

typedef struct
{
  LmStance stance;
  const char *family;
  char *cue;
  char *source;
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

static const char *const clause_words[] = { "but", "yet", "whereas", "although", "though",
                                            "however", "rather", NULL };
static const char *const comma_clause_words[] = { "it", "this", "instead", "which", NULL };

static gboolean
clause_break_before (const Sent *s, guint i)
{
  if (i == 0)
    return FALSE;
  if (gap_has (s, i, ";:"))
    return TRUE;
  if (in_list (w (s, (gint) i), clause_words))
    return TRUE;
  return gap_has (s, i, ",") && in_list (w (s, (gint) i), comma_clause_words);
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

/* Is token @i part of the title "Never Let Me Go"?  Its "never" is no
 * negation and its "me" no first person. */
static gboolean
in_title (const Sent *s, gint i)
{
  for (gint k = 0; k < 4; k++)
    if (i - k >= 0 && phrase_at (s, i - k, "never let me go"))
      return TRUE;
  return FALSE;
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

static const char *const genre_nouns[] = {
  "novel", "novels", "story", "stories", "fiction", "book", "books", "tale", "tales",
  "genre", "genres", "narrative", "narratives", "thriller", "thrillers", "film", "films",
  "movie", "work", "works", "parable", "fable", "allegory", "classic", "classics",
  "tradition", "mode", "form", "category", "label", "elements", "conventions", "trope",
  "tropes", "masterpiece", "literature", "romance", "memoir", NULL
};
static const char *const person_nouns[] = {
  "novelist", "novelists", "writer", "writers", "author", "authors", "fan", "fans",
  "reader", "readers", "critic", "critics", "master", "writing", NULL
};
static const char *const adjectives[] = {
  "dystopian", "utopian", "tragic", "allegorical", "romantic", "fantastical",
  "horrific", "gothic", "fabulist", NULL
};
/* Words that begin a genre name: "dystopian science fiction". */
static const char *const genre_starts[] = {
  "science", "sci", "sf", "speculative", "horror", "fantasy", "literary", "fiction",
  "romance", "tragedy", "fable", "parable", "allegory", "thriller", "coming", "love",
  "boarding", "alternate", "alternative", "utopian", "dystopian", "gothic",
  "dystopia", "utopia", "bildungsroman", "memoir", "diary", NULL
};
static const char *const framed_only[] = {
  "horror", "tragedy", "tragedies", "romance", "fantasy", "love", "diary", "memoir",
  "thriller", "coming", "journal", "confession", "school", "boarding", NULL
};
static const char *const setting_preps[] = { "in", "into", "inside", "within", "to", NULL };
static const char *const determiners[] = { "a", "an", "the", "such", "this", "that", NULL };
static const char *const reporting[] = {
  "described", "describes", "describe", "describing", "called", "calls", "call",
  "calling", "labelled", "labeled", "labels", "label", "dubbed", "dubs", "termed",
  "classified", "classifies", "classify", "considers", "considered", "consider",
  "claimed", "claims", "deemed", "deems", "hailed", "hails", "marketed", "markets",
  "billed", "sold", "promoted", "touted", "pitched", "branded", "referred",
  "categorized", "categorised", "shelved", "lumped", "praised", "reviewed", "wrote",
  "writes", "argued", "argues", "says", "said", "insisted", "insists", "pointed",
  "regarded", "regards", "sees", "saw", "treated", "treats", "characterized",
  "characterised", "read", "reads", "insist", "argue", "say", "claim", "describe",
  "dub", "term", "deem", "hail", "market", "bill", "sell", "sells", "promote",
  "tout", "pitch", "brand", "refer", "refers", "filed", "file", "files", "filing",
  "shelve", "shelves", "put", "puts", "placed", "places", "grouped", "description",
  "labelling", "labeling", "heralded", "celebrated", "welcomed", NULL
};
/* Forms that are also nouns ("in places", "the claims"): a verb only when
 * what precedes is not a preposition, determiner or possessive. */
static const char *const noun_like[] = {
  "places", "files", "sells", "bills", "calls", "claims", "labels", "brands", "pitches",
  "terms", "markets", "reviews", "description", "label", "call", "claim", "file", "bill",
  "brand", "pitch", "term", "market", "put", "puts", NULL
};
static const char *const not_subjects[] = {
  "in", "the", "a", "an", "of", "at", "on", "for", "by", "with", "its", "their", "his",
  "her", "to", "from", "and", "or", NULL
};
/* "read" counts only with "as": "critics read it as a parable". */
static const char *const needs_as[] = { "read", "reads", "sees", "saw", "regarded",
                                        "regards", "treated", "treats", NULL };
static const char *const marketing_verbs[] = { "marketed", "markets", "billed", "sold",
                                               "promoted", "touted", "pitched", "branded",
                                               "market", "bill", "sell", "sells", "promote",
                                               "tout", "pitch", "brand", NULL };
static const char *const generic_sources[] = {
  "critics", "critic", "reviewers", "reviewer", "publishers", "publisher", "marketing",
  "marketers", "readers", "scholars", "academics", "booksellers", "blurb", "jacket",
  "writer", "author", "people", "many", "some", "others", "press", "media", "bookshops",
  "bookstores", "booksellers", "libraries", "retailers", "shops", "stores", "fans",
  "reviews", "commentators", NULL
};
static const char *const first_person[] = { "i", "i'm", "i've", "i'd", "i'll", "we", "we're",
                                            "we've", "me", "my", "us", "our", NULL };
static const char *const endorsements[] = {
  "best", "rightly", "correctly", "aptly", "accurately", "fittingly", "right", "agree",
  "agreed", "glad", "appropriate", "apt", "justly", "rightfully", NULL
};
static const char *const disputes[] = {
  "annoying", "wrong", "wrongly", "mistaken", "mistakenly", "misleading", "misleadingly",
  "mislabeled", "mislabelled", "misnomer", "misread", "misreading", "pigeonholed",
  "pigeonhole", "reductive", "lazy", "dismissed", "absurd", "silly", "misunderstand",
  "misunderstands", "misunderstanding", "mistake", "missed the point", "misses the point",
  "miss the point", "misguided", "misplaced", NULL
};
/* Negations that follow the label: "a soppy romance ... nothing of the sort". */
static const char *const later_negations[] = {
  "nothing of the sort", "nothing of the kind", "no such thing", "not the case",
  "not at all", "far from it", NULL
};
static const char *const taste_verbs[] = {
  "like", "likes", "liked", "love", "loved", "enjoy", "enjoyed", "enjoys", "hate",
  "hated", "dislike", "disliked", "prefer", "preferred", "fan", "avoid", "avoided",
  "devour", "gravitate", "cared", "care", "reading", "grew up on", "grew up reading",
  "my usual", "my favourite", "my favorite", NULL
};
static const char *const comparisons[] = {
  "unlike", "such as", "compared to", "compared with", "similar to", "in the vein of",
  "as opposed to", NULL
};
static const char *const negations[] = {
  "not", "never", "no", "nor", "neither", "hardly", "far from", "anything but",
  "cannot", "nothing", "none", "nobody", NULL
};
/* "Make no mistake", "no doubt": affirmations, not negations. */
static const char *const affirming_after_no[] = { "mistake", "doubt", "question", "wonder", NULL };
static const char *const contrasts[] = {
  "rather than", "instead of", "more than a mere", "more than mere", "more than just",
  "more than a", "less a", "not merely", "not simply", "not just", NULL
};
static const char *const hedges[] = {
  "elements of", "element of", "touch of", "touches of", "shades of", "shade of",
  "hint of", "hints of", "trappings of", "attributes of", "features of", "whiff of",
  "borders on", "bordering on", "borders", "verges on", "verging on", "skirts",
  "skirting", "flirts with", "flirting with", "not quite", "sort of", "kind of",
  "something of a", "in some sense", "in a sense", "in a way", "almost", "nearly",
  "arguably", "a bit of", "tinged with", "reads like", "feels like", "plays like",
  "echoes of", "nods to", "dabbles in", "edges into", "quasi", "semi", "pseudo",
  "not entirely", "not exactly", "not wholly", "not purely", "partly", "part",
  "something of the", "edges towards", "edges toward", "veers towards", "veers toward",
  "tends towards", "tends toward", "drifts into", "drifts towards", "leans towards",
  "leans toward", "the feel of", "a feel of", "the air of", "an air of", "the texture of",
  "the shape of", "the trappings of", "the outline of", NULL
};
/* Hedges that contain a negation: checked before negations. */
static const char *const negated_hedges[] = { "not quite", "not entirely", "not exactly",
                                              "not wholly", "not purely", NULL };
static const char *const hyphen_hedges[] = { "quasi", "semi", "pseudo", "proto", "near",
                                             "almost", "crypto", NULL };
static const char *const copulas[] = { "is", "was", "it's", "remains", "becomes", "became",
                                       "functions", "works", "reads", "serves", "counts",
                                       "qualifies", "be", "being", "are", NULL };
static const char *const answers_no[] = { "no", "not", "hardly", "nope", "never", NULL };
static const char *const answers_partly[] = { "partly", "partially", "somewhat", "sort",
                                              "perhaps", "maybe", "arguably", NULL };
static const char *const answers_yes[] = { "yes", "absolutely", "certainly", "definitely",
                                           "surely", "indeed", NULL };
static const char *const belongs[] = { "belongs", "belong", "belonged", "among", "counts as",
                                       "qualifies as", "fits", "sits", "falls", NULL };
static const char *const object_verbs[] = { "keeps", "kept", "keep", "keeping", "writes",
                                            "wrote", "write", "writing", "reads", "read",
                                            "finds", "found", "burns", "hides", NULL };
static const char *const name_noise[] = { "perhaps", "however", "indeed", "also", "still",
                                          "yet", "thus", "as", "and", "but", "while",
                                          "although", "when", "so", NULL };

/* ---- rules -------------------------------------------------------- */

static void
decide (Decision *d, LmStance stance, const char *family, char *cue)
{
  d->stance = stance;
  d->family = family;
  d->cue = cue;
}

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
  if (is (s, me + 1, "of") && is (s, ms - 1, "the") && in_list (first, framed_only))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("\"%s %s of\"", w (s, ms - 1), last));
      return TRUE;
    }
  if (in_list (next, person_nouns))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("\"%s %s\" describes a person", last, next));
      return TRUE;
    }
  for (gint back = 1; back <= 3; back++)
    {
      const char *b = w (s, ms - back);
      if (in_list (b, setting_preps) && (back == 1 || in_list (w (s, ms - 1), determiners)))
        {
          /* "to" is a setting only as "lapses to"; "as a" frames are labels. */
          if (g_str_equal (b, "to"))
            break;
          decide (d, LM_STANCE_MENTION, "non-classifying", g_strdup_printf ("setting: \"%s %s\"", b, first));
          return TRUE;
        }
      if (!in_list (b, determiners) && !in_list (b, adjectives))
        break;
    }
  const char *prev = w (s, ms - 1);
  if ((in_list (prev, object_verbs) || (in_list (w (s, ms - 2), object_verbs) && in_list (prev, determiners)))
      && in_list (first, framed_only))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying",
              g_strdup_printf ("a %s in the story (\"%s %s\")", last, prev, last));
      return TRUE;
    }
  if (ms > 0 && (g_str_equal (prev, "their") || g_str_equal (prev, "his") || g_str_equal (prev, "her")
                 || (g_str_has_suffix (prev, "'s") && is_character (s, ms - 1))))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying",
              g_strdup_printf ("the characters' %s (\"%s %s\")", last, prev, last));
      return TRUE;
    }
  if (ms == me && in_list (first, adjectives) && *next && !in_list (next, genre_nouns)
      && !s->tok[me + 1].word->stop && !(s->tok[ms].flags & LM_TOKEN_HYPHEN_BEFORE))
    {
      /* "dystopian science fiction": the next word starts another genre. */
      if (!in_list (next, genre_starts))
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
        if (in_list (w (s, (gint) k), generic_sources))
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
      gboolean publication = in_list (w (s, from), determiners)
                             || (from > 0 && (is (s, from - 1, "for") || is (s, from - 1, "the")
                                              || is (s, from - 1, "at")));
      gint pfrom = from; /* a publication keeps its article: "The Atlantic" */
      if (from > 0 && is (s, from - 1, "the") && !in_list (w (s, from), determiners))
        pfrom = from; /* "the New York Times": the article is not capitalised */
      while (from < to && (in_list (w (s, from), name_noise) || in_list (w (s, from), determiners)))
        from++;
      g_autofree char *run = surface (s, (guint) from, (guint) to);
      gboolean the_novel = strstr (run, "Never Let Me Go") != NULL || g_str_equal (run, "NLMG");
      gboolean one_common = from == to && (s->tok[from].word->stop || from == 0
                                           || in_list (w (s, from), name_noise));
      if (the_novel || (one_common && !publication) || in_list (w (s, from), determiners))
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
              if (in_list (w (s, pf), determiners) || (pf > 0 && is (s, pf - 1, "the")))
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
  static const char *const qualifiers[] = { "several", "some", "many", "most", "few",
                                            "genre", "other", "early", "certain", NULL };
  for (gint i = (gint) v - 1; i >= 0; i--)
    if (in_list (w (s, i), generic_sources))
      {
        if (i > 0 && in_list (w (s, i - 1), qualifiers) && !gap_has (s, (guint) i, ",;:"))
          return g_strdup_printf ("%s %s", w (s, i - 1), w (s, i));
        return g_strdup (w (s, i));
      }
  return g_strdup (marketing ? "marketing" : "");
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
      if (in_list (w (s, i), reporting))
        {
          /* No subject: "To call it a thriller is ...", "Call it ...": the
           * writer weighing a label, not reporting one. */
          if ((i == 0 || is (s, i - 1, "to") || clause_break_before (s, (guint) i))
              && !g_str_has_suffix (w (s, i), "ed")) /* "Marketed as ..." is passive */
            continue;
          if (in_list (w (s, i), noun_like) && in_list (w (s, i - 1), not_subjects)
              && !g_str_equal (w (s, i), "description"))
            continue;
          /* "critics read it as": only with "as" and a subject that is not
           * the writer ("when read as a ..." is the writer's own reading). */
          if (in_list (w (s, i), needs_as)
              && ((!is (s, i + 1, "as") && !is (s, i + 2, "as") && !is (s, i + 3, "as"))
                  || !(in_list (w (s, i - 1), generic_sources)
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
  gboolean marketing = in_list (verb, marketing_verbs);
  g_autofree char *source = g_str_equal (verb, "according to")
                              ? ((guint) v + 1 < s->n ? surface (s, (guint) v + 1, MIN (s->n - 1, (guint) v + 3)) : g_strdup (""))
                              : find_source (s, (guint) v, marketing);
  const char *which = NULL;
  if (find_phrase (s, 0, (gint) s->n, endorsements, &which) >= 0)
    {
      decide (d, LM_STANCE_ASSERTED, "endorsement",
              g_strdup_printf ("reported (\"%s\") and endorsed (\"%s\")", verb, which));
      d->source = g_steal_pointer (&source);
      return TRUE;
    }
  if (find_phrase (s, 0, (gint) s->n, disputes, &which) >= 0)
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

static gboolean
has_first_person (const Sent *s, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    if (in_list (w (s, (gint) i), first_person) && !in_title (s, (gint) i))
      return TRUE;
  return FALSE;
}

static gboolean
taste (const Sent *s, guint cs, Decision *d)
{
  if (!has_first_person (s, 0, s->n))
    return FALSE;
  const char *which = NULL;
  gint from = MAX ((gint) cs, (gint) s->ms - 8), to = MIN ((gint) s->n, (gint) s->me + 6);
  gint at = find_phrase (s, from, (gint) s->ms, taste_verbs, &which);
  if (at < 0)
    at = find_phrase (s, (gint) s->me + 1, to, taste_verbs, &which);
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
  if (find_phrase (s, (gint) cs, (gint) s->ms, comparisons, &which) < 0)
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
  /* The next words answer it? */
  gsize p = e;
  while (p < s->len && !g_ascii_isalpha (s->data[p]))
    p++;
  gsize q = p;
  while (q < s->len && g_ascii_isalpha (s->data[q]))
    q++;
  g_autofree char *next = g_ascii_strdown (s->data + p, (gssize) (q - p));
  gboolean answer_is_title = g_ascii_strncasecmp (s->data + p, "never let me go", 15) == 0;
  if (find_phrase (s, 0, (gint) s->ms, (const char *const[]) { "if not", NULL }, NULL) >= 0)
    {
      decide (d, LM_STANCE_ASSERTED, "question", g_strdup ("a rhetorical question (\"if not\")"));
      return TRUE;
    }
  if (in_list (next, answers_partly))
    {
      decide (d, LM_STANCE_HEDGED, "question", g_strdup_printf ("a question answered \"%s\"", next));
      return TRUE;
    }
  if (in_list (next, answers_yes))
    {
      decide (d, LM_STANCE_ASSERTED, "question", g_strdup_printf ("a question answered \"%s\"", next));
      return TRUE;
    }
  if (in_list (next, answers_no) && !answer_is_title)
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
  gint c = find_phrase (s, (gint) cs, (gint) s->ms, contrasts, &which);
  for (gint i = (gint) s->ms - 1; i >= (gint) cs && c < 0; i--)
    {
      const char *word = w (s, i);
      gboolean neg = in_list (word, negations) || g_str_has_suffix (word, "n't");
      if (neg && !is (s, i + 1, "only") && !in_title (s, i)
          && !(g_str_equal (word, "no") && in_list (w (s, i + 1), affirming_after_no)))
        {
          c = i;
          which = word;
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
      gboolean is_contrast = find_phrase (s, c, c + 1, contrasts, NULL) >= 0;
      decide (d, LM_STANCE_REJECTED, is_contrast ? "contrast" : "negation",
              g_strdup_printf ("%s: \"%s\"", is_contrast ? "contrast" : "negation", which));
      return TRUE;
    }
  /* A dispute anywhere in the clause ("To call it a thriller is to
   * misunderstand it"), or a later denial ("nothing of the sort"). */
  gint dispute = find_phrase (s, (gint) cs, (gint) clause_end (s, s->me), disputes, &which);
  if (dispute > 0 && is (s, dispute - 1, "no")) /* "make no mistake" */
    dispute = -1;
  if (dispute >= 0 || find_phrase (s, (gint) s->me + 1, (gint) s->n, later_negations, &which) >= 0)
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
  if ((s->tok[ms].flags & LM_TOKEN_HYPHEN_BEFORE) && in_list (w (s, ms - 1), hyphen_hedges))
    {
      decide (d, LM_STANCE_HEDGED, "hedge", g_strdup_printf ("hedge: \"%s-\"", w (s, ms - 1)));
      return TRUE;
    }
  const char *which = NULL;
  if (find_phrase (s, (gint) cs, ms, hedges, &which) >= 0)
    {
      decide (d, LM_STANCE_HEDGED, "hedge", g_strdup_printf ("hedge: \"%s\"", which));
      return TRUE;
    }
  return FALSE;
}

/* "Frankenstein is a horror novel": the copula's subject is another title. */
static gboolean
other_subject (const Sent *s, guint cs, Decision *d)
{
  for (gint k = (gint) s->ms - 1; k > (gint) cs && k >= (gint) s->ms - 4; k--)
    if (in_list (w (s, k), copulas))
      {
        gint subj = k - 1;
        if (capitalised (s, (guint) subj) && !in_title (s, subj) && !s->tok[subj].word->stop
            && !is (s, subj, "ishiguro"))
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
  if ((guint) me + 1 < s->n && in_list (w (s, me + 1), genre_nouns)
      && !gap_has (s, (guint) me + 1, ",;:.!?"))
    return "genre noun";
  if (find_phrase (s, MAX ((gint) cs, ms - 5), ms, belongs, NULL) >= 0)
    return "belongs to";
  for (gint k = 1; k <= 3 && ms - k >= (gint) cs; k++)
    {
      const char *b = w (s, ms - k);
      if (g_str_equal (b, "a") || g_str_equal (b, "an") || g_str_equal (b, "as"))
        return "copula";
      if (in_list (b, copulas))
        return "copula";
    }
  return NULL;
}

static void
classify (const Sent *s, Decision *d)
{
  guint cs = clause_start (s, s->ms);
  const char *which = NULL;
  if (not_a_label (s, d) || reported (s, d) || taste (s, cs, d) || comparison (s, cs, d)
      || question (s, d))
    return;
  if (find_phrase (s, (gint) cs, (gint) s->ms, negated_hedges, &which) >= 0)
    {
      decide (d, LM_STANCE_HEDGED, "hedge", g_strdup_printf ("hedge: \"%s\"", which));
      return;
    }
  if (negation (s, cs, d) || hedged (s, cs, d) || other_subject (s, cs, d))
    return;
  const char *f = frame (s, cs);
  if (f == NULL && has_first_person (s, cs, s->ms))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying",
              g_strdup ("the writer's own association, not a label of the novel"));
      return;
    }
  if (f == NULL && in_list (w (s, (gint) s->ms), framed_only))
    {
      decide (d, LM_STANCE_MENTION, "non-classifying",
              g_strdup_printf ("\"%s\" without a classifying frame", w (s, (gint) s->ms)));
      return;
    }
  decide (d, LM_STANCE_ASSERTED, f ? "copula" : "plain",
          g_strdup (f ? f : "a genre named as the writer's own"));
}

/* ---- collecting mentions ----------------------------------------- */

typedef struct
{
  const LmLexicon *lexicon;
  const LmSegmentation *seg;
  const char *data;
  gsize len;
  GArray *out;
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
             c->lexicon };
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
    .line = t->line,
    .col = t->col,
  };
  if (c->seg)
    {
      const LmSpan *sp = lm_segmentation_span_at (c->seg, t->start);
      m.comment = sp ? sp->comment : -1;
      m.novel_quote = sp && sp->quote == LM_QUOTE_NOVEL;
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
  Collect c = { lm_analyzer_get_lexicon (an), seg, NULL, 0, out };
  c.data = lm_text_get_data (text, &c.len);
  lm_analyzer_walk (an, text, seg, NULL, on_hit, &c);
  return out;
}
