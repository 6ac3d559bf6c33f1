/* test-tokenizer.c - the word rules of tokenizer.h, one rule at a time.
 *
 * Most cases come from the seed essays in texts/ ("Ishiguro’s",
 * "conformity––for", "(273-274)", "It…belonged", ...).  Words are checked
 * through lm_tokenizer_run directly; stems and stop flags through the
 * analyzer, which is where a word gets them.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "core/fold.h"
#include "core/text.h"
#include "test-helpers.h"

static const LmtToken *
tok (GArray *tokens, guint i)
{
  cr_assert (i < tokens->len, "expected at least %u tokens, got %u", i + 1, tokens->len);
  return &g_array_index (tokens, LmtToken, i);
}

/* ------------------------------------------------------------ word lists */

typedef struct
{
  char rule[64];
  char input[96];
  char want[96]; /* folded words joined by one space; "" for none */
} WordCase;

ParameterizedTestParameters (tokenizer, words)
{
  static WordCase cases[] = {
    /* rule 3: apostrophes */
    { "curly apostrophe inside a word", "Ishiguro\u2019s novel", "ishiguro's novel" },
    { "curly contraction", "don\u2019t", "don't" },
    { "straight contraction", "don't", "don't" },
    { "upper-case contraction", "DON\u2019T", "don't" },
    { "several inner apostrophes", "rock'n'roll", "rock'n'roll" },
    { "leading curly apostrophe", "\u2019tis", "tis" },
    { "leading straight apostrophe", "'tis", "tis" },
    { "trailing apostrophe (plural possessive)", "the students\u2019 hopes", "the students hopes" },
    { "trailing apostrophe at the end of the text", "students'", "students" },
    { "two apostrophes in a row split", "it''s", "it s" },
    { "apostrophe between letter and digit splits", "abc'12def", "abc 12def" },
    { "apostrophe between digit and letter splits", "b12's", "b12 s" },
    /* rule 2: letters, marks, digits */
    { "digits alone are not a word", "1984", "" },
    { "digits and letters are a word", "b12", "b12" },
    { "page reference is not a word", "(273-274)", "" },
    { "possessive before a year", "Orwell\u2019s 1984,", "orwell's" },
    { "combining mark alone is not a word", "\u0301", "" },
    { "combining mark after a space is not a word", "a \u0301 b", "a b" },
    { "subscript digit folds to a digit", "H\u2082O", "h2o" },
    /* rule 4: separators */
    { "curly double quotes", "\u201ccomplete\u201d", "complete" },
    { "two en dashes", "conformity\u2013\u2013for example", "conformity for example" },
    { "em dash", "genre\u2014sci-fi", "genre sci fi" },
    { "hyphen splits", "sci-fi", "sci fi" },
    { "two hyphens split", "quasi-science-fiction", "quasi science fiction" },
    { "ellipsis splits", "It\u2026belonged", "it belonged" },
    { "punctuation", "Hello, World! (Yes.)", "hello world yes" },
    { "CRLF is white space", "one\r\ntwo\r\n", "one two" },
    /* rule 1: NFKC + case folding */
    { "ligature fi", "\ufb01nd", "find" },
    { "fullwidth letters", "\uff21\uff22\uff23", "abc" },
    { "decomposed e acute composes", "e\u0301cole", "\u00e9cole" },
    { "sharp s case-folds to ss", "Stra\u00dfe", "strasse" },
    { "empty text", "", "" },
    { "only separators", " \t\n--\u2014...!", "" },
  };
  return cr_make_param_array (WordCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (WordCase *c, tokenizer, words)
{
  g_autofree char *got = lmt_words (c->input);
  cr_expect_str_eq (got, c->want, "%s: \"%s\" should give words [%s], got [%s]",
                    c->rule, c->input, c->want, got);
}

/* ------------------------------------------------------- offsets, flags */

Test (tokenizer, curly_quotes_offsets)
{
  const char *s = "\u201ccomplete\u201d"; /* “ is 3 bytes */
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 1, "one word expected, got %u", t->len);
  cr_expect_eq (tok (t, 0)->start, 3, "the word starts after the opening quote (byte 3), got %zu",
                tok (t, 0)->start);
  cr_expect_eq (tok (t, 0)->end, 11, "the word ends before the closing quote (byte 11), got %zu",
                tok (t, 0)->end);
  cr_expect_eq (tok (t, 0)->col, 2, "the word starts at column 2, got %u", tok (t, 0)->col);
}

Test (tokenizer, apostrophe_offsets)
{
  const char *s = "\u2019tis Ishiguro\u2019s students\u2019 day";
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 4, "four words expected, got %u", t->len);
  /* ’tis: the word starts after the 3-byte apostrophe */
  cr_expect_eq (tok (t, 0)->start, 3, "\"tis\" starts at byte 3, got %zu", tok (t, 0)->start);
  /* Ishiguro’s: the surface form includes the inner apostrophe */
  gsize is = strlen ("\u2019tis ");
  cr_expect_eq (tok (t, 1)->start, is, "\"Ishiguro’s\" starts at byte %zu, got %zu", is,
                tok (t, 1)->start);
  cr_expect_eq (tok (t, 1)->end, is + strlen ("Ishiguro\u2019s"),
                "\"Ishiguro’s\" ends after its s, got %zu", tok (t, 1)->end);
  cr_expect_str_eq (tok (t, 1)->folded, "ishiguro's", "folded \"ishiguro's\", got \"%s\"",
                    tok (t, 1)->folded);
  /* students’: the trailing apostrophe is outside the word */
  gsize ss = strlen ("\u2019tis Ishiguro\u2019s ");
  cr_expect_eq (tok (t, 2)->end, ss + 8, "\"students\" ends before its apostrophe (%zu), got %zu",
                ss + 8, tok (t, 2)->end);
}

typedef struct
{
  const char *folded;
  guint flags;
} FlagWant;

/* Checks words and the flags in @mask of every token of @s against @want. */
static void
expect_flags (const char *s, guint mask, const FlagWant *want, guint n)
{
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, n, "\"%s\": %u words expected, got %u", s, n, t->len);
  for (guint i = 0; i < n; i++)
    {
      cr_expect_str_eq (tok (t, i)->folded, want[i].folded, "\"%s\": word %u should be \"%s\", got \"%s\"",
                        s, i, want[i].folded, tok (t, i)->folded);
      cr_expect_eq (tok (t, i)->flags & mask, want[i].flags,
                    "\"%s\": word %u (\"%s\") flags & 0x%x should be 0x%x, got 0x%x", s, i,
                    want[i].folded, mask, want[i].flags, tok (t, i)->flags & mask);
    }
}

Test (tokenizer, hyphen_before_flag)
{
  const guint H = LM_TOKEN_HYPHEN_BEFORE;
  const FlagWant want[] = {
    { "a", 0 }, { "sci", 0 }, { "fi", H },                      /* sci-fi */
    { "quasi", 0 }, { "science", H }, { "fiction", H },         /* two hyphens */
    { "conformity", 0 }, { "for", 0 },                          /* en dashes */
    { "x", 0 }, { "y", 0 },                                     /* two hyphens in a row */
    { "p", 0 }, { "q", 0 },                                     /* spaced hyphen */
    { "style", 0 },                                             /* after a number */
    { "well", 0 }, { "known", H },                              /* U+2010 HYPHEN */
  };
  expect_flags ("a sci-fi quasi-science-fiction conformity\u2013\u2013for x--y p - q 1984-style "
                "well\u2010known", H, want, G_N_ELEMENTS (want));
}

Test (tokenizer, sentence_starts)
{
  const guint S = LM_TOKEN_SENTENCE_START;
  const FlagWant want[] = {
    { "first", S }, { "one", 0 }, { "second", S }, { "third", S }, { "fourth", S },
    { "fifth", 0 }, { "sixth", 0 }, { "seventh", 0 }, { "eighth", S }, { "dr", 0 },
    { "who", S }, /* abbreviations start a sentence: a documented limit */
  };
  expect_flags ("First one. Second! Third? fourth, fifth; sixth: seventh\u2026 eighth dr. who", S,
                want, G_N_ELEMENTS (want));
}

Test (tokenizer, ellipsis_starts_sentence)
{
  g_autoptr(GArray) t = lmt_tokenize ("It\u2026belonged", -1);
  cr_assert_eq (t->len, 2, "\"It…belonged\" is two words, got %u", t->len);
  cr_expect (tok (t, 0)->flags & LM_TOKEN_SENTENCE_START, "the first word starts a sentence");
  cr_expect (tok (t, 1)->flags & LM_TOKEN_SENTENCE_START,
             "a word after \"…\" (NFKC \"...\") starts a sentence, flags 0x%x", tok (t, 1)->flags);
  cr_expect_eq (tok (t, 1)->start, 5, "\"belonged\" starts after the 3-byte ellipsis (byte 5), got %zu",
                tok (t, 1)->start);
  cr_expect_eq (tok (t, 1)->col, 4, "\"belonged\" starts at column 4, got %u", tok (t, 1)->col);
}

Test (tokenizer, paragraph_starts)
{
  const guint SP = LM_TOKEN_SENTENCE_START | LM_TOKEN_PARAGRAPH_START;
  const FlagWant want[] = {
    { "one", LM_TOKEN_SENTENCE_START },
    { "two", SP },   /* after an empty line */
    { "three", 0 },  /* a single line break is not a paragraph */
    { "four", SP },  /* a line of spaces and tabs is blank */
    { "five", SP },  /* several blank lines */
    { "six", 0 },    /* a line holding only "*" is not blank */
  };
  expect_flags ("One.\n\nTwo\nthree\n \t \nfour\n\n\nfive\n*\nsix", SP, want, G_N_ELEMENTS (want));
}

Test (tokenizer, crlf_same_as_lf)
{
  const char *lf = "One two.\nThree\n\nfour five\n";
  const char *crlf = "One two.\r\nThree\r\n\r\nfour five\r\n";
  g_autoptr(GArray) a = lmt_tokenize (lf, -1);
  g_autoptr(GArray) b = lmt_tokenize (crlf, -1);
  cr_assert_eq (a->len, 5, "5 words in the LF text, got %u", a->len);
  cr_assert_eq (b->len, a->len, "CRLF text: %u words expected, got %u", a->len, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const LmtToken *x = tok (a, i), *y = tok (b, i);
      cr_expect_str_eq (y->folded, x->folded, "word %u: \"%s\" expected, got \"%s\"", i, x->folded,
                        y->folded);
      cr_expect (strchr (y->folded, '\r') == NULL, "word %u contains no '\\r'", i);
      cr_expect (crlf[y->end - 1] != '\r', "word %u's surface ends before the '\\r'", i);
      cr_expect_eq (y->line, x->line, "word %u (%s): line %u expected, got %u", i, x->folded,
                    x->line, y->line);
      cr_expect_eq (y->col, x->col, "word %u (%s): col %u expected, got %u", i, x->folded, x->col,
                    y->col);
      cr_expect_eq (y->flags, x->flags, "word %u (%s): flags 0x%x expected, got 0x%x", i, x->folded,
                    x->flags, y->flags);
    }
  cr_expect_eq (tok (b, 3)->line, 4, "\"four\" is on line 4, got %u", tok (b, 3)->line);
  cr_expect (tok (b, 3)->flags & LM_TOKEN_PARAGRAPH_START,
             "\"four\" starts a paragraph after a CRLF blank line");
}

/* -------------------------------------------------------- NFKC offsets */

Test (tokenizer, decomposed_accent_offsets)
{
  const char *s = "x e\u0301cole y"; /* e + U+0301 COMBINING ACUTE (2 bytes) */
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 3, "three words expected, got %u", t->len);
  cr_expect_str_eq (tok (t, 1)->folded, "\u00e9cole", "folded to composed \"école\", got \"%s\"",
                    tok (t, 1)->folded);
  cr_expect_eq (tok (t, 1)->folded_len, strlen ("\u00e9cole"), "folded_len %zu expected, got %zu",
                strlen ("\u00e9cole"), tok (t, 1)->folded_len);
  cr_expect_eq (tok (t, 1)->start, 2, "\"école\" starts at byte 2, got %zu", tok (t, 1)->start);
  cr_expect_eq (tok (t, 1)->end, 9, "\"école\" covers the 7 original bytes (end 9), got %zu",
                tok (t, 1)->end);
  /* columns count code points: x=1 ' '=2 e=3 U+0301=4 c=5 o=6 l=7 e=8 ' '=9 */
  cr_expect_eq (tok (t, 2)->col, 10, "\"y\" is at column 10 (code points), got %u", tok (t, 2)->col);
}

Test (tokenizer, ligature_and_fullwidth_offsets)
{
  const char *s = "\ufb01nd \uff21\uff22\uff23 out";
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 3, "three words expected, got %u", t->len);
  cr_expect_str_eq (tok (t, 0)->folded, "find", "ﬁnd folds to \"find\", got \"%s\"", tok (t, 0)->folded);
  cr_expect_eq (tok (t, 0)->end, 5, "\"ﬁnd\" is 5 bytes, end 5 expected, got %zu", tok (t, 0)->end);
  cr_expect_str_eq (tok (t, 1)->folded, "abc", "ＡＢＣ folds to \"abc\", got \"%s\"", tok (t, 1)->folded);
  cr_expect_eq (tok (t, 1)->start, 6, "\"ＡＢＣ\" starts at byte 6, got %zu", tok (t, 1)->start);
  cr_expect_eq (tok (t, 1)->end, 15, "\"ＡＢＣ\" ends at byte 15, got %zu", tok (t, 1)->end);
  cr_expect_eq (tok (t, 1)->col, 5, "\"ＡＢＣ\" is at column 5, got %u", tok (t, 1)->col);
  cr_expect_eq (tok (t, 2)->col, 9, "\"out\" is at column 9, got %u", tok (t, 2)->col);
}

Test (tokenizer, line_and_column)
{
  const char *s = "\u201c\u00e9 next\nalpha beta\n  gamma\n\u00e9t\u00e9 delta";
  struct { const char *word; guint line, col; } want[] = {
    { "\u00e9", 1, 2 }, { "next", 1, 4 }, { "alpha", 2, 1 }, { "beta", 2, 7 },
    { "gamma", 3, 3 }, { "\u00e9t\u00e9", 4, 1 }, { "delta", 4, 5 },
  };
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, G_N_ELEMENTS (want), "%zu words expected, got %u", G_N_ELEMENTS (want),
                t->len);
  for (guint i = 0; i < t->len; i++)
    {
      cr_expect_str_eq (tok (t, i)->folded, want[i].word, "word %u: \"%s\" expected, got \"%s\"", i,
                        want[i].word, tok (t, i)->folded);
      cr_expect (tok (t, i)->line == want[i].line && tok (t, i)->col == want[i].col,
                 "\"%s\" should be at %u:%u, got %u:%u", want[i].word, want[i].line, want[i].col,
                 tok (t, i)->line, tok (t, i)->col);
    }
}

/* ---------------------------------------------------------- truncation */

static char *
repeat (const char *unit, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

Test (tokenizer, truncated_long_word)
{
  g_autofree char *word = repeat ("a", 2000);
  g_autofree char *s = g_strconcat (word, " next", NULL);
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 2, "a long word and \"next\" expected, got %u words", t->len);
  const LmtToken *w = tok (t, 0);
  cr_expect (w->flags & LM_TOKEN_TRUNCATED, "a 2000-letter word is flagged truncated");
  cr_expect (w->folded_len <= LM_TOKENIZER_MAX_WORD, "folded_len %zu should be <= %d",
             w->folded_len, LM_TOKENIZER_MAX_WORD);
  cr_expect (w->folded_len > 0, "the truncated word keeps its first bytes");
  cr_expect (strspn (w->folded, "a") == w->folded_len, "the kept bytes are the word's first letters");
  cr_expect (w->start == 0 && w->end == 2000,
             "the surface form still spans the whole run [0, 2000), got [%zu, %zu)", w->start, w->end);
  cr_expect (!(tok (t, 1)->flags & LM_TOKEN_TRUNCATED), "the next word is not truncated");
  cr_expect_str_eq (tok (t, 1)->folded, "next", "the next word is \"next\", got \"%s\"",
                    tok (t, 1)->folded);
}

Test (tokenizer, truncated_at_character_boundary)
{
  g_autofree char *s = repeat ("\u00e9", 2000); /* 2 bytes each */
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 1, "one word expected, got %u", t->len);
  const LmtToken *w = tok (t, 0);
  cr_expect (w->flags & LM_TOKEN_TRUNCATED, "a 2000-character word is flagged truncated");
  cr_expect (w->folded_len <= LM_TOKENIZER_MAX_WORD, "folded_len %zu should be <= %d",
             w->folded_len, LM_TOKENIZER_MAX_WORD);
  cr_expect (g_utf8_validate (w->folded, (gssize) w->folded_len, NULL),
             "the word is cut at a character boundary (valid UTF-8)");
  cr_expect_eq (w->folded_len % 2, 0, "whole 2-byte characters kept, got %zu bytes", w->folded_len);
}

/* Rule 7 cuts words *longer than* LM_TOKENIZER_MAX_WORD bytes: a word of
 * exactly that length is kept whole. */
Test (tokenizer, max_length_word_not_truncated)
{
  g_autofree char *exact = repeat ("a", LM_TOKENIZER_MAX_WORD);
  g_autoptr(GArray) t = lmt_tokenize (exact, -1);
  cr_assert_eq (t->len, 1, "one word expected, got %u", t->len);
  cr_expect (!(tok (t, 0)->flags & LM_TOKEN_TRUNCATED),
             "a word of exactly LM_TOKENIZER_MAX_WORD (%d) bytes is not truncated", LM_TOKENIZER_MAX_WORD);
  cr_expect_eq (tok (t, 0)->folded_len, LM_TOKENIZER_MAX_WORD,
                "a %d-byte word is kept whole, got folded_len %zu", LM_TOKENIZER_MAX_WORD,
                tok (t, 0)->folded_len);

  g_autofree char *longer = repeat ("a", LM_TOKENIZER_MAX_WORD + 1);
  g_autoptr(GArray) u = lmt_tokenize (longer, -1);
  cr_assert_eq (u->len, 1, "one word expected, got %u", u->len);
  cr_expect (tok (u, 0)->flags & LM_TOKEN_TRUNCATED, "a word of %d bytes is truncated",
             LM_TOKENIZER_MAX_WORD + 1);
}

/* Every raw token carries lm_word_hash() of its folded form, which is
 * NUL-terminated at folded_len (tokenizer.h). */
Test (tokenizer, folded_nul_terminated_and_hashed)
{
  g_autofree char *big = repeat ("a", 2000);
  g_autofree char *s = g_strconcat ("Kathy\u2019s \u201ccomplete\u201d \ufb01nd e\u0301cole b12 ", big,
                                    " Stra\u00dfe sci-fi DON'T", NULL);
  g_autoptr(GArray) t = lmt_tokenize (s, -1);
  cr_assert_eq (t->len, 10, "10 words expected, got %u", t->len);
  for (guint i = 0; i < t->len; i++)
    {
      const LmtToken *w = tok (t, i);
      cr_expect (w->nul_terminated, "word %u \"%.20s\": folded is NUL-terminated at folded_len", i,
                 w->folded);
      guint32 want = lm_word_hash (w->folded, w->folded_len);
      cr_expect_eq (w->hash, want, "word %u \"%.20s\": hash 0x%08x expected (lm_word_hash), got 0x%08x",
                    i, w->folded, want, w->hash);
    }
}

/* ------------------------------------------------------ stopping a run */

typedef struct
{
  guint calls, stop_at;
} StopCount;

static gboolean
stop_after (const LmRawToken *raw, gpointer user_data)
{
  (void) raw;
  StopCount *c = user_data;
  return ++c->calls < c->stop_at;
}

Test (tokenizer, callback_false_stops)
{
  const char *s = "one two three four five";
  for (guint stop_at = 1; stop_at <= 3; stop_at++)
    {
      g_autoptr(LmTokenizer) tz = lm_tokenizer_new ();
      StopCount c = { 0, stop_at };
      guint64 n = lm_tokenizer_run (tz, s, strlen (s), stop_after, &c);
      cr_expect_eq (c.calls, stop_at, "returning FALSE on word %u stops the run: %u calls", stop_at,
                    c.calls);
      cr_expect_eq (n, stop_at, "the run reports %u words emitted, got %" G_GUINT64_FORMAT, stop_at, n);
    }
  /* the tokenizer is reusable after a stopped run */
  g_autoptr(LmTokenizer) tz = lm_tokenizer_new ();
  StopCount c = { 0, 1 };
  lm_tokenizer_run (tz, s, strlen (s), stop_after, &c);
  StopCount all = { 0, 100 };
  guint64 n = lm_tokenizer_run (tz, s, strlen (s), stop_after, &all);
  cr_expect (n == 5 && all.calls == 5, "a second run sees all 5 words, got %" G_GUINT64_FORMAT
             " (%u calls)", n, all.calls);
}

/* --------------------------------------------------- the seed essays */

static const char *const seeds[] = {
  "texts/never-let-me-go-themes-study-notes.txt",
  "texts/carden-smoky-mountain-news-review.txt",
  "texts/artifice-transformation-of-letting-go.txt",
  "texts/unsigned-essay-hope-and-humanity.txt",
};

/* On real text: positions agree with LmText, surfaces fold to the word, the
 * folded word is NUL-terminated and hashed with lm_word_hash(), no word holds
 * a separator, and no surface begins or ends with an apostrophe. */
Test (tokenizer, seed_essays_consistent)
{
  for (guint f = 0; f < G_N_ELEMENTS (seeds); f++)
    {
      g_autofree char *path = lmt_srcpath (seeds[f]);
      g_autoptr(GError) error = NULL;
      g_autoptr(LmText) text = lm_text_load (path, LM_TEXT_NONE, &error);
      cr_assert_not_null (text, "%s should load: %s", path, error ? error->message : "?");
      gsize len;
      const char *data = lm_text_get_data (text, &len);
      g_autoptr(GArray) t = lmt_tokenize (data, (gssize) len);
      cr_expect (t->len > 500, "%s: more than 500 words expected, got %u", seeds[f], t->len);
      guint bad = 0;
      for (guint i = 0; i < t->len && bad < 10; i++)
        {
          const LmtToken *w = tok (t, i);
          guint line, col;
          lm_text_position (text, w->start, &line, &col);
          g_autofree char *folded = lm_fold (data + w->start, (gssize) (w->end - w->start));
          gboolean ok = line == w->line && col == w->col && w->start < w->end
                        && w->nul_terminated && w->hash == lm_word_hash (w->folded, w->folded_len)
                        && g_strcmp0 (folded, w->folded) == 0
                        && strpbrk (w->folded, " \t\r\n-.,;:!?\"") == NULL
                        && data[w->start] != '\'' && data[w->end - 1] != '\'';
          if (!ok)
            {
              bad++;
              cr_expect_fail ("%s: word %u \"%s\" at %u:%u [%zu,%zu): text says %u:%u, "
                              "surface folds to \"%s\"", seeds[f], i, w->folded, w->line, w->col,
                              w->start, w->end, line, col, folded);
            }
        }
      cr_expect_eq (bad, 0, "%s: every word should be consistent", seeds[f]);
    }
}

/* ------------------------------------------------ stems via the analyzer */

typedef struct
{
  GPtrArray *words; /* const LmWord*, borrowed from the analyzer's vocab */
} Seen;

static void
see_token (const LmToken *token, gpointer user_data)
{
  g_ptr_array_add (((Seen *) user_data)->words, (gpointer) token->word);
}

Test (tokenizer, stems_and_stop_flags)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon ("[character x]\nterms=zzz\n");
  g_autofree char *stop_path = lmt_srcpath ("stopwords/english.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStoplist) stop = lm_stoplist_load (stop_path, &error);
  cr_assert_not_null (stop, "the English stop list should load: %s", error ? error->message : "?");
  g_autoptr(LmAnalyzer) an = lm_analyzer_new (lex, stop, &error);
  cr_assert_not_null (an, "lm_analyzer_new: %s", error ? error->message : "?");
  g_autoptr(LmText) text = lm_text_new_from_data ("<t>", "Ishiguro\u2019s students don\u2019t "
                                                  "keep HOPING. The hope, hope!", -1, 0, &error);
  cr_assert_not_null (text, "valid text");

  Seen seen = { g_ptr_array_new () };
  lm_analyzer_walk (an, text, NULL, see_token, NULL, &seen);
  struct { const char *folded, *stem; gboolean stop; } want[] = {
    { "ishiguro's", "ishiguro", FALSE }, { "students", "student", FALSE },
    { "don't", "don't", TRUE }, { "keep", "keep", FALSE }, { "hoping", "hope", FALSE },
    { "the", "the", TRUE }, { "hope", "hope", FALSE }, { "hope", "hope", FALSE },
  };
  cr_assert_eq (seen.words->len, G_N_ELEMENTS (want), "%zu tokens expected, got %u",
                G_N_ELEMENTS (want), seen.words->len);
  for (guint i = 0; i < seen.words->len; i++)
    {
      const LmWord *w = seen.words->pdata[i];
      cr_expect_str_eq (w->folded, want[i].folded, "token %u: folded \"%s\" expected, got \"%s\"", i,
                        want[i].folded, w->folded);
      cr_expect_str_eq (w->stem, want[i].stem, "token %u (%s): stem \"%s\" expected, got \"%s\"", i,
                        want[i].folded, want[i].stem, w->stem);
      cr_expect_eq (w->stop, want[i].stop, "token %u (%s): stop flag %d expected", i, want[i].folded,
                    want[i].stop);
    }
  cr_expect (seen.words->pdata[6] == seen.words->pdata[7],
             "two tokens of one folded word share one interned LmWord");
  const LmWord *hoping = seen.words->pdata[4], *hope = seen.words->pdata[6];
  cr_expect_eq (hoping->stem_id, hope->stem_id, "\"hoping\" and \"hope\" share a stem id");
  cr_expect_neq (hoping->id, hope->id, "\"hoping\" and \"hope\" are distinct words");
  g_ptr_array_unref (seen.words);
}
