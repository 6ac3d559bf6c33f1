/* test-genre.c - genre stance: the seeds' verdicts and the passage set. */
#include <criterion/criterion.h>
#include <string.h>

#include "analysis/genre.h"

typedef struct
{
  LmStemmer *stemmer;
  LmStoplist *stoplist;
  LmLexicon *lexicon;
  LmAnalyzer *analyzer;
} Fixture;

static Fixture fx;

static char *
src_path (const char *rel)
{
  return g_build_filename (g_getenv ("LM_TEST_SRCDIR"), rel, NULL);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lex = src_path ("lexicons/never-let-me-go.ini");
  g_autofree char *stop = src_path ("stopwords/english.txt");
  fx.stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (fx.stemmer);
  fx.stoplist = lm_stoplist_load (stop, &error);
  cr_assert_not_null (fx.stoplist, "%s", error ? error->message : "");
  fx.lexicon = lm_lexicon_load (lex, fx.stemmer, &error);
  cr_assert_not_null (fx.lexicon, "%s", error ? error->message : "");
  fx.analyzer = lm_analyzer_new (fx.lexicon, fx.stoplist, &error);
  cr_assert_not_null (fx.analyzer);
}

static void
teardown (void)
{
  lm_analyzer_free (fx.analyzer);
  lm_lexicon_free (fx.lexicon);
  lm_stoplist_free (fx.stoplist);
  lm_stemmer_free (fx.stemmer);
}

static GArray *
mentions_of (LmText *text)
{
  g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);
  return lm_genre_mentions (fx.analyzer, text, seg);
}

static const char *
genre_id (const LmGenreMention *m)
{
  return lm_lexicon_get_category (fx.lexicon, m->category)->id;
}

/* ---- the seeds, as a careful reader finds them ------------------- */

typedef struct
{
  guint line;
  const char *genre;
  LmVoice voice;
  LmStance stance;
  const char *source; /* substring expected in the source, or NULL for "" */
} Verdict;

static void
expect_verdicts (const char *file, const Verdict *want, guint n_want)
{
  g_autofree char *rel = g_build_filename ("texts", file, NULL);
  g_autofree char *path = src_path (rel);
  g_autoptr(LmText) text = lm_text_load (path, LM_TEXT_NONE, NULL);
  cr_assert_not_null (text);
  g_autoptr(GArray) got = mentions_of (text);
  cr_expect_eq (got->len, n_want, "%s: %u genre mentions, want %u", file, got->len, n_want);
  for (guint i = 0; i < MIN (got->len, n_want); i++)
    {
      const LmGenreMention *m = &g_array_index (got, LmGenreMention, i);
      const Verdict *v = &want[i];
      cr_expect_eq (m->line, v->line, "%s mention %u: line %u, want %u", file, i, m->line, v->line);
      cr_expect_str_eq (genre_id (m), v->genre, "%s:%u genre", file, v->line);
      cr_expect_eq (m->voice, v->voice, "%s:%u %s voice %s", file, v->line, v->genre,
                    lm_voice_to_string (m->voice));
      cr_expect_eq (m->stance, v->stance, "%s:%u %s: stance %s, want %s (cue: %s)", file, v->line,
                    v->genre, lm_stance_to_string (m->stance), lm_stance_to_string (v->stance), m->cue);
      if (v->source)
        cr_expect (strstr (m->source, v->source) != NULL, "%s:%u %s: source \"%s\" should name %s",
                   file, v->line, v->genre, m->source, v->source);
      else
        cr_expect_str_eq (m->source, "", "%s:%u %s: no source", file, v->line, v->genre);
      cr_expect (m->sentence && *m->sentence && m->cue && *m->cue, "evidence and cue are kept");
    }
}

#define C LM_VOICE_CRITIC
#define Q LM_VOICE_QUOTATION
#define R LM_VOICE_COMMENT
#define AS LM_STANCE_ASSERTED
#define AT LM_STANCE_ATTRIBUTED
#define RE LM_STANCE_REJECTED
#define HE LM_STANCE_HEDGED
#define ME LM_STANCE_MENTION

TestSuite (genre, .init = setup, .fini = teardown);

Test (genre, seed_artifice)
{
  static const Verdict want[] = {
    { 6, "science-fiction", C, AT, NULL },       /* claimed by ... genres */
    { 6, "dystopia", C, AT, NULL },
    { 6, "science-fiction", Q, AT, "Louis Menand" }, /* “quasi-science-fiction” */
    { 6, "science-fiction", Q, AT, "Sarah Kerr" },   /* “pop genre—sci-fi thriller” */
    { 6, "thriller", Q, AT, "Sarah Kerr" },
    { 6, "horror", C, ME, NULL },                    /* the horror novelist */
    { 6, "horror", C, AT, "Ramsey Campbell" },       /* considers it a horror novel */
    { 6, "dystopia", C, ME, NULL },                  /* dystopian systems */
    { 6, "bildungsroman", Q, AS, "Joseph O’Neill" }, /* frames it best: endorsed */
    { 6, "bildungsroman", C, AS, "Joseph O’Neill" },
    { 8, "bildungsroman", Q, AS, NULL },             /* when read as a “coming of age” novel */
    { 8, "dystopia", C, ME, NULL },                  /* living in such a dystopia */
    { 10, "bildungsroman", Q, ME, NULL },            /* his ... “coming of age” */
    { 39, "love-story", C, ME, NULL },               /* Tommy and Kathy's love story */
    { 39, "tragedy", C, ME, NULL },                  /* ends tragically */
    { 39, "dystopia", C, ME, NULL },                 /* Unlike a classical dystopian novel */
    { 39, "tragedy", C, ME, NULL },                  /* tragically separated */
    { 39, "science-fiction", C, HE, NULL },          /* attributes of science fiction, ... */
    { 39, "dystopia", C, HE, NULL },
    { 39, "horror", C, HE, NULL },
    { 57, "science-fiction", R, AT, NULL },          /* heard it referred to as */
    { 57, "science-fiction", R, ME, NULL },          /* when I hear ..., I think of Dr. Who */
    { 83, "alternate-history", R, AT, NULL },        /* he has simply said “alternative England” */
    { 89, "dystopia", R, ME, NULL },                 /* the dystopian world is merely a device */
    { 97, "bildungsroman", R, ME, NULL },            /* a fan of coming of age stories */
    { 97, "alternate-history", R, ME, NULL },
    { 117, "science-fiction", R, ME, NULL },         /* I normally don't like science fiction */
    { 125, "bildungsroman", R, AS, "writer" },       /* most appropriate genre is Bildungsroman */
    { 125, "science-fiction", R, RE, NULL },         /* nothing more annoying ... science fiction */
  };
  expect_verdicts ("artifice-transformation-of-letting-go.txt", want, G_N_ELEMENTS (want));
}

Test (genre, seed_carden)
{
  static const Verdict want[] = {
    { 15, "horror", C, ME, NULL },          /* the horror of their predicament */
    { 19, "horror", C, ME, NULL },          /* never lapses into horror or outrage */
    { 19, "memoir-or-diary", C, AS, NULL }, /* we read a young woman's diary */
    { 21, "parable", C, AS, NULL },         /* functions as a modern parable */
  };
  expect_verdicts ("carden-smoky-mountain-news-review.txt", want, G_N_ELEMENTS (want));
}

Test (genre, seed_themes_and_hope_essay)
{
  static const Verdict themes[] = {
    { 6, "dystopia", C, AS, NULL },        /* dystopian science fiction novels like NLMG */
    { 6, "science-fiction", C, AS, NULL },
  };
  expect_verdicts ("never-let-me-go-themes-study-notes.txt", themes, G_N_ELEMENTS (themes));
  static const Verdict hope[] = {
    { 11, "tragedy", C, ME, NULL },        /* resist a tragic future */
    { 13, "tragedy", C, ME, NULL },        /* a classically tragic effort */
  };
  expect_verdicts ("unsigned-essay-hope-and-humanity.txt", hope, G_N_ELEMENTS (hope));
}

/* ---- passage sets ------------------------------------------------ */

typedef struct
{
  guint rows, right, sources, sources_right;
  GString *misses;
} Score;

static LmStance
stance_from (const char *s)
{
  for (LmStance k = 0; k < LM_N_STANCES; k++)
    if (g_str_equal (s, lm_stance_to_string (k)))
      return k;
  cr_assert_fail ("unknown stance \"%s\" in the passage file", s);
  return LM_STANCE_MENTION;
}

/* Scores every row of a TSV of (id, passage, genre, stance, source, ...). */
static Score
score_file (const char *rel)
{
  g_autofree char *path = src_path (rel);
  g_autofree char *data = NULL;
  cr_assert (g_file_get_contents (path, &data, NULL, NULL), "%s readable", rel);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  Score sc = { 0, 0, 0, 0, g_string_new (NULL) };
  for (guint i = 1; lines[i]; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      cr_assert (g_strv_length (f) >= 5, "%s:%u: five columns", rel, i + 1);
      g_autoptr(LmText) text = lm_text_new_from_data (f[0], f[1], -1, LM_TEXT_NONE, NULL);
      g_autoptr(GArray) got = mentions_of (text);
      const LmGenreMention *m = NULL;
      for (guint k = 0; k < got->len && !m; k++)
        if (g_str_equal (genre_id (&g_array_index (got, LmGenreMention, k)), f[2]))
          m = &g_array_index (got, LmGenreMention, k);
      LmStance want = stance_from (f[3]);
      sc.rows++;
      if (m && m->stance == want)
        sc.right++;
      else
        g_string_append_printf (sc.misses, "  %s: want %s, got %s (%s)\n", f[0], f[3],
                                m ? lm_stance_to_string (m->stance) : "no mention",
                                m ? m->cue : "");
      if (want == LM_STANCE_ATTRIBUTED && *f[4])
        {
          sc.sources++;
          g_autofree char *a = m ? g_utf8_casefold (m->source, -1) : g_strdup ("");
          g_autofree char *b = g_utf8_casefold (f[4], -1);
          sc.sources_right += m && strstr (a, b) != NULL;
        }
    }
  return sc;
}

Test (genre, development_passages)
{
  Score sc = score_file ("tests/data/genre/passages.tsv");
  double acc = (double) sc.right / sc.rows;
  cr_log_info ("development passages: %u/%u = %.3f; named sources %u/%u", sc.right, sc.rows, acc,
               sc.sources_right, sc.sources);
  cr_expect_geq (sc.rows, 30, "at least 30 passages");
  /* The rules were developed on this set: any miss is a regression. */
  cr_expect_eq (sc.right, sc.rows, "stance misses:\n%s", sc.misses->str);
  g_string_free (sc.misses, TRUE);
}

Test (genre, heldout_passages)
{
  /* Written blind (without the rules or the development set).  Measured
   * first at 27/40 before any rule saw it; the rules were then generalised
   * (see the README), so this is now a regression guard, not a blind score. */
  Score sc = score_file ("tests/data/genre/heldout.tsv");
  double acc = (double) sc.right / sc.rows;
  cr_log_info ("held-out passages: %u/%u = %.3f; named sources %u/%u", sc.right, sc.rows, acc,
               sc.sources_right, sc.sources);
  cr_expect_geq (sc.rows, 40, "the held-out set has 40 passages");
  cr_expect_geq (acc, 0.9, "held-out accuracy fell to %.3f; misses:\n%s", acc, sc.misses->str);
  g_string_free (sc.misses, TRUE);
}

/* ---- hostile input: bounded work per mention ----------------------- */

/* One sentence of 2,000 genre mentions after a reporting verb: each mention
 * sees LM_GENRE_MAX_CONTEXT words either side, so the whole takes linear
 * time (a whole-sentence scan per mention took 37 s) and each kept sentence
 * is bounded; the stance of a mention near the verb is unchanged. */
Test (genre, long_sentence_of_mentions, .timeout = 20)
{
  GString *s = g_string_new ("The critic Dana Whitdock called Never Let Me Go ");
  for (guint i = 0; i < 2000; i++)
    g_string_append (s, "a dystopia, ");
  g_string_append (s, "and nothing else.\n");
  g_autoptr(LmText) text = lm_text_new_from_data ("<long>", s->str, (gssize) s->len,
                                                  LM_TEXT_NONE, NULL);
  g_string_free (s, TRUE);
  cr_assert_not_null (text);
  g_autoptr(GArray) got = mentions_of (text);
  cr_assert_eq (got->len, 2000, "2000 mentions, got %u", got->len);
  const LmGenreMention *first = &g_array_index (got, LmGenreMention, 0);
  cr_expect_eq (first->stance, LM_STANCE_ATTRIBUTED, "the first is reported speech, got %s",
                lm_stance_to_string (first->stance));
  cr_expect (strstr (first->source, "Dana Whitdock") != NULL, "source \"%s\"", first->source);
  for (guint i = 0; i < got->len; i++)
    {
      const LmGenreMention *m = &g_array_index (got, LmGenreMention, i);
      /* 2 * 128 words of "a dystopia," plus the mention: about 3 KB */
      cr_assert_lt (strlen (m->sentence), 4096, "mention %u: kept sentence of %zu bytes", i,
                    strlen (m->sentence));
    }
  const LmGenreMention *last = &g_array_index (got, LmGenreMention, got->len - 1);
  cr_expect_eq (last->stance, LM_STANCE_ASSERTED,
                "the last is 2000 words from the verb, beyond the context: got %s",
                lm_stance_to_string (last->stance));
}
