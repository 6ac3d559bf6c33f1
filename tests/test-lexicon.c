/* test-lexicon.c - lexicon files: groups, keys, term syntax and every
 * documented error (lexicon.h, lexicons/README.md). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "core/fold.h"
#include "core/lm-error.h"
#include "lexicon/lexicon.h"
#include "test-helpers.h"

static const LmCategory *
category (const LmLexicon *lex, const char *id)
{
  gint i = lm_lexicon_find_category (lex, id);
  cr_assert (i >= 0, "category \"%s\" should exist", id);
  return lm_lexicon_get_category (lex, (guint) i);
}

static const LmAtom *
atom (const LmLexicon *lex, const LmPattern *p, guint k)
{
  cr_assert (k < p->n_elements, "term \"%s\" should have an element %u", p->source, k);
  return lm_lexicon_get_atom (lex, p->atoms[k]);
}

static void
expect_atom (const LmLexicon *lex, const LmPattern *p, guint k, LmAtomKind kind, const char *text)
{
  const LmAtom *a = atom (lex, p, k);
  cr_expect_eq (a->kind, kind, "term \"%s\" element %u: atom kind %d expected, got %d", p->source, k,
                kind, a->kind);
  cr_expect_str_eq (a->text, text, "term \"%s\" element %u: atom text \"%s\" expected, got \"%s\"",
                    p->source, k, text, a->text);
}

/* ------------------------------------------------------------ structure */

static const char basic[] =
  "# a test lexicon\n"                                            /* 1 */
  "[motif hope]\n"                                                /* 2 */
  "label=Hope\n"                                                  /* 3 */
  "description=Hope and its loss\n"                               /* 4 */
  "terms=hopes; =complete ;complet*;let ~3 go;coming-of-age\n"    /* 5 */
  "exclude==hopefully\n"                                          /* 6 */
  "\n"                                                            /* 7 */
  "[character tommy]\n"                                           /* 8 */
  "terms=Tommy;=Don\u2019t\n"                                     /* 9 */
  "[genre sci-fi2]\n"                                             /* 10 */
  "description=Science fiction\n"                                 /* 11 */
  "terms=sci-fi\n";                                               /* 12 */

Test (lexicon, categories)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon (basic);
  cr_assert_eq (lm_lexicon_get_n_categories (lex), 3, "3 categories expected, got %u",
                lm_lexicon_get_n_categories (lex));
  struct { const char *id; LmCategoryKind kind; const char *label, *desc; guint line, terms, excl; } want[] = {
    { "hope", LM_CATEGORY_MOTIF, "Hope", "Hope and its loss", 2, 5, 1 },
    { "tommy", LM_CATEGORY_CHARACTER, "tommy", NULL, 8, 2, 0 }, /* label defaults to the id */
    { "sci-fi2", LM_CATEGORY_GENRE, "sci-fi2", "Science fiction", 10, 1, 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const LmCategory *c = lm_lexicon_get_category (lex, i);
      cr_expect_str_eq (c->id, want[i].id, "category %u: id \"%s\" expected, got \"%s\"", i, want[i].id, c->id);
      cr_expect_eq (c->index, i, "category %s: index %u", c->id, i);
      cr_expect_eq (c->kind, want[i].kind, "category %s: kind %d expected, got %d", c->id, want[i].kind, c->kind);
      cr_expect_str_eq (c->label, want[i].label, "category %s: label \"%s\" expected, got \"%s\"", c->id,
                        want[i].label, c->label);
      if (want[i].desc)
        cr_expect_str_eq (c->description, want[i].desc, "category %s: description", c->id);
      cr_expect_eq (c->line, want[i].line, "category %s: line %u expected, got %u", c->id, want[i].line,
                    c->line);
      cr_expect_eq (c->terms->len, want[i].terms, "category %s: %u terms expected, got %u", c->id,
                    want[i].terms, c->terms->len);
      cr_expect_eq (c->excludes->len, want[i].excl, "category %s: %u excludes expected, got %u", c->id,
                    want[i].excl, c->excludes->len);
      cr_expect_eq (lm_lexicon_find_category (lex, want[i].id), (gint) i, "find_category(%s) = %u",
                    want[i].id, i);
    }
  cr_expect_eq (lm_lexicon_find_category (lex, "nope"), -1, "an unknown id is -1");
  cr_expect_str_eq (lm_category_kind_to_string (LM_CATEGORY_MOTIF), "motif", "kind name");
  cr_expect_str_eq (lm_category_kind_to_string (LM_CATEGORY_CHARACTER), "character", "kind name");
  cr_expect_str_eq (lm_category_kind_to_string (LM_CATEGORY_GENRE), "genre", "kind name");
  cr_expect_str_eq (lm_lexicon_get_name (lex), "lex.ini", "the lexicon's name");
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, basic, -1);
  cr_expect_str_eq (lm_lexicon_get_sha256 (lex), sum, "the SHA-256 of the bytes read");
}

Test (lexicon, term_forms)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon (basic);
  const LmCategory *hope = category (lex, "hope");
  cr_assert_eq (hope->terms->len, 5, "5 terms expected");
  const LmPattern *const *t = (const LmPattern *const *) hope->terms->pdata;

  /* hopes: a stem atom holding the stem, with the element as written */
  cr_expect_eq (t[0]->n_elements, 1, "\"hopes\" is one element");
  expect_atom (lex, t[0], 0, LM_ATOM_STEM, "hope");
  cr_expect_str_eq (atom (lex, t[0], 0)->source, "hopes", "the atom keeps its source \"hopes\"");
  cr_expect_str_eq (t[0]->source, "hopes", "the term keeps its source, got \"%s\"", t[0]->source);
  cr_expect_eq (t[0]->line, 5, "terms= is on line 5, got %u", t[0]->line);

  /* =complete: exact, spaces around the term trimmed */
  expect_atom (lex, t[1], 0, LM_ATOM_EXACT, "complete");
  /* complet*: prefix */
  expect_atom (lex, t[2], 0, LM_ATOM_PREFIX, "complet");

  /* let ~3 go: a phrase of two stems with a gap of 3 after the first */
  cr_expect_eq (t[3]->n_elements, 2, "\"let ~3 go\" has 2 elements, got %u", t[3]->n_elements);
  expect_atom (lex, t[3], 0, LM_ATOM_STEM, "let");
  expect_atom (lex, t[3], 1, LM_ATOM_STEM, "go");
  cr_expect_eq (t[3]->gaps[0], 3, "gap of 3 after \"let\", got %u", t[3]->gaps[0]);

  /* coming-of-age: hyphens split, three adjacent elements */
  cr_expect_eq (t[4]->n_elements, 3, "\"coming-of-age\" has 3 elements, got %u", t[4]->n_elements);
  expect_atom (lex, t[4], 0, LM_ATOM_STEM, "come");
  expect_atom (lex, t[4], 1, LM_ATOM_STEM, "of");
  expect_atom (lex, t[4], 2, LM_ATOM_STEM, "age");
  cr_expect (t[4]->gaps[0] == 0 && t[4]->gaps[1] == 0, "elements are adjacent (gaps 0), got %u, %u",
             t[4]->gaps[0], t[4]->gaps[1]);

  for (guint i = 0; i < 5; i++)
    {
      cr_expect (!t[i]->exclusion, "term %u is not an exclusion", i);
      cr_expect_eq (t[i]->category, hope->index, "term %u belongs to hope", i);
      cr_expect (lm_lexicon_get_pattern (lex, t[i]->index) == t[i], "term %u is pattern %u", i, t[i]->index);
    }

  /* exclude==hopefully: an exact exclusion on line 6 */
  const LmPattern *x = hope->excludes->pdata[0];
  cr_expect (x->exclusion, "exclude= terms are exclusions");
  cr_expect_eq (x->line, 6, "exclude= is on line 6, got %u", x->line);
  expect_atom (lex, x, 0, LM_ATOM_EXACT, "hopefully");

  /* =Don’t: folded like text */
  const LmCategory *tommy = category (lex, "tommy");
  expect_atom (lex, tommy->terms->pdata[0], 0, LM_ATOM_STEM, "tommi");
  expect_atom (lex, tommy->terms->pdata[1], 0, LM_ATOM_EXACT, "don't");

  /* sci-fi: the phrase "sci fi" */
  const LmPattern *sf = category (lex, "sci-fi2")->terms->pdata[0];
  cr_expect_eq (sf->n_elements, 2, "\"sci-fi\" is the phrase \"sci fi\", got %u elements", sf->n_elements);
  cr_expect_eq (sf->gaps[0], 0, "\"sci-fi\" elements are adjacent");
}

Test (lexicon, atoms_shared_and_starting)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon ("[motif a]\ndescription=d\nterms=hope;hoping;hopes for\n"
                                          "[motif b]\ndescription=d\nterms=hoped\n");
  /* hope, hoping, hoped all stem to "hope": one atom; "for" another */
  cr_expect_eq (lm_lexicon_get_n_atoms (lex), 2, "2 distinct atoms expected, got %u",
                lm_lexicon_get_n_atoms (lex));
  cr_expect_eq (lm_lexicon_get_n_patterns (lex), 4, "4 patterns expected, got %u",
                lm_lexicon_get_n_patterns (lex));
  const LmPattern *p0 = lm_lexicon_get_pattern (lex, 0);
  const GPtrArray *starting = lm_lexicon_patterns_starting_with (lex, p0->atoms[0]);
  cr_assert_not_null (starting, "patterns start with the \"hope\" atom");
  cr_expect_eq (starting->len, 4, "all 4 patterns start with \"hope\", got %u", starting->len);
  const LmPattern *p2 = lm_lexicon_get_pattern (lex, 2);
  cr_expect_null (lm_lexicon_patterns_starting_with (lex, p2->atoms[1]), "no pattern starts with \"for\"");
}

/* lm_lexicon_match_word with real stems: every term form.  The prefix term
 * comes first so that its atom id is the lowest: atoms must come out
 * ascending whatever table matched them. */
Test (lexicon, match_word)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon ("[motif m]\ndescription=d\n"
                                          "terms=complet*;hopes;=complete;=Don\u2019t\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (stemmer, "a stemmer");
  struct { const char *word; const char *atoms; } want[] = {
    { "hoping", "hope" }, { "hoped", "hope" }, { "hope", "hope" }, { "hopeful", "hope" },
    { "complete", "complet complete" }, /* prefix (atom 0) and exact (atom 2) */
    { "completed", "complet" },         /* not the exact "=complete" */
    { "completely", "complet" },        /* prefix */
    { "compete", "" }, { "complet", "complet" }, { "don\u2019t", "don't" }, { "dont", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autofree char *folded = lm_fold (want[i].word, -1);
      gsize len;
      g_autofree char *stem = g_strdup (lm_stemmer_stem (stemmer, folded, strlen (folded), &len));
      g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (guint32));
      lm_lexicon_match_word (lex, folded, strlen (folded), stem, atoms);
      GString *got = g_string_new (NULL);
      for (guint k = 0; k < atoms->len; k++)
        {
          guint32 id = g_array_index (atoms, guint32, k);
          if (k)
            {
              g_string_append_c (got, ' ');
              cr_expect (id > g_array_index (atoms, guint32, k - 1), "\"%s\": atoms ascending", want[i].word);
            }
          g_string_append (got, lm_lexicon_get_atom (lex, id)->text);
        }
      g_autofree char *s = g_string_free (got, FALSE);
      cr_expect_str_eq (s, want[i].atoms, "\"%s\" should match atoms [%s], got [%s]", want[i].word,
                        want[i].atoms, s);
    }
}

/* Nested prefixes: a word matches every prefix term it starts with, of any
 * length, multi-byte ones included, and no other. */
Test (lexicon, match_word_nested_prefixes)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon ("[motif m]\ndescription=d\n"
                                          "terms=hopelessness*;h*;hope*;hopeless*;ho*;\u00e9t\u00e9*;x*\n");
  struct { const char *word; const char *atoms; } want[] = {
    { "hopelessness", "hopelessness h hope hopeless ho" },
    { "hopelessly", "h hope hopeless ho" },
    { "hope", "h hope ho" },
    { "ho", "h ho" },
    { "h", "h" },
    { "hx", "h" },
    { "\u00e9t\u00e9s", "\u00e9t\u00e9" },
    { "\u00e9t", "" },
    { "axe", "" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (guint32));
      lm_lexicon_match_word (lex, want[i].word, strlen (want[i].word), "-", atoms);
      GString *got = g_string_new (NULL);
      for (guint k = 0; k < atoms->len; k++)
        g_string_append_printf (got, "%s%s", k ? " " : "",
                                lm_lexicon_get_atom (lex, g_array_index (atoms, guint32, k))->text);
      g_autofree char *str = g_string_free (got, FALSE);
      cr_expect_str_eq (str, want[i].atoms, "\"%s\" should match [%s], got [%s]", want[i].word,
                        want[i].atoms, str);
    }
}

/* 50,000 prefix terms and 100,000 distinct words: matching a word costs its
 * length, not the number of prefix terms (a scan of them took minutes). */
Test (lexicon, many_prefix_terms, .timeout = 20)
{
  GString *ini = g_string_new ("[motif m]\ndescription=d\nterms=");
  char w[8] = { 0 };
  for (guint i = 0; i < 50000; i++)
    {
      guint x = i;
      for (guint k = 0; k < 5; k++, x /= 26)
        w[k] = (char) ('a' + x % 26);
      g_string_append_printf (ini, "%sq%s*", i ? ";" : "", w);
    }
  g_string_append_c (ini, '\n');
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini->str);
  g_string_free (ini, TRUE);
  g_autoptr(GArray) atoms = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint matched = 0;
  for (guint i = 0; i < 100000; i++)
    {
      guint x = i;
      char word[16];
      for (guint k = 0; k < 5; k++, x /= 26)
        word[k + 1] = (char) ('a' + x % 26);
      word[0] = 'q';
      word[6] = 'z';
      word[7] = '\0';
      g_array_set_size (atoms, 0);
      lm_lexicon_match_word (lex, word, strlen (word), "-", atoms);
      matched += atoms->len;
    }
  cr_expect_eq (matched, 50000, "the first 50,000 words each match their own prefix, got %u", matched);
}

/* Every term form, end to end through the analyzer. */
Test (lexicon, term_forms_match_text)
{
  struct { const char *terms, *text; guint64 hits; } want[] = {
    { "hopes", "Hoping.", 1 },
    { "hopes", "hope hoped hopeful hopes", 4 },
    { "=complete", "They completed it.", 0 },
    { "=complete", "Complete.", 1 },
    { "complet*", "completely", 1 },
    { "complet*", "compete", 0 },
    { "let ~3 go", "Let the past go.", 1 },
    { "let ~3 go", "Let go.", 1 },
    { "coming-of-age", "a coming of age story", 1 },
    { "coming of age", "a coming-of-age story", 1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autofree char *ini = g_strdup_printf ("[motif m]\ndescription=d\nterms=%s\n", want[i].terms);
      guint64 n = lmt_hits (ini, want[i].text, "m");
      cr_expect_eq (n, want[i].hits, "term \"%s\" in \"%s\": %" G_GUINT64_FORMAT " hits expected, got %"
                    G_GUINT64_FORMAT, want[i].terms, want[i].text, want[i].hits, n);
    }
}

Test (lexicon, limits_accepted)
{
  /* a gap of exactly LM_LEXICON_MAX_GAP, a phrase of exactly MAX_ELEMENTS */
  g_autofree char *ini = g_strdup_printf ("[character c]\nterms=let ~%d go;"
                                          "a b c d e f g h i j k l m n o p\n", LM_LEXICON_MAX_GAP);
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini);
  const LmCategory *c = category (lex, "c");
  const LmPattern *gap = c->terms->pdata[0], *longest = c->terms->pdata[1];
  cr_expect_eq (gap->gaps[0], LM_LEXICON_MAX_GAP, "a gap of %d is allowed", LM_LEXICON_MAX_GAP);
  cr_expect_eq (longest->n_elements, LM_LEXICON_MAX_ELEMENTS, "a %d-word phrase is allowed",
                LM_LEXICON_MAX_ELEMENTS);
}

Test (lexicon, empty_terms_skipped)
{
  g_autoptr(LmLexicon) lex = lmt_lexicon ("[character c]\nterms=;tommy;; ;\n");
  cr_expect_eq (category (lex, "c")->terms->len, 1, "empty items of the list are skipped");
}

/* ------------------------------------------------------------- errors */

typedef struct
{
  char what[56];
  char data[200];
  int code;       /* LmError */
  char where[16]; /* "lex.ini:N:" */
} BadCase;

#define MOTIF "[motif m]\ndescription=d\n" /* lines 1-2 */

ParameterizedTestParameters (lexicon, errors)
{
  static BadCase cases[] = {
    { "unknown key", MOTIF "terms=hope\ncolour=red\n", LM_ERROR_LEXICON, "lex.ini:4:" },
    { "unknown key in a later group", MOTIF "terms=hope\n\n[character c]\nterms=x\nalias=y\n",
      LM_ERROR_LEXICON, "lex.ini:7:" },
    { "bad kind", "[theme m]\ndescription=d\nterms=hope\n", LM_ERROR_SYNTAX, "lex.ini:1:" },
    { "upper-case id", "# c\n[motif Hope]\ndescription=d\nterms=hope\n", LM_ERROR_SYNTAX, "lex.ini:2:" },
    { "no id", "[motif]\ndescription=d\nterms=hope\n", LM_ERROR_SYNTAX, "lex.ini:1:" },
    { "id with a space", "[motif a b]\ndescription=d\nterms=hope\n", LM_ERROR_SYNTAX, "lex.ini:1:" },
    { "id with an underscore", "[motif a_b]\ndescription=d\nterms=hope\n", LM_ERROR_SYNTAX, "lex.ini:1:" },
    { "duplicate category id", "[motif a]\ndescription=d\nterms=x\n\n[character a]\nterms=y\n",
      LM_ERROR_LEXICON, "lex.ini:5:" },
    { "motif without description", "[character c]\nterms=x\n[motif m]\nlabel=M\nterms=hope\n",
      LM_ERROR_LEXICON, "lex.ini:3:" },
    { "genre without description", "[genre g]\nterms=novel\n", LM_ERROR_LEXICON, "lex.ini:1:" },
    { "no terms", "[character c]\nlabel=C\n", LM_ERROR_LEXICON, "lex.ini:1:" },
    { "only empty terms", MOTIF "terms=; ;\n", LM_ERROR_LEXICON, "lex.ini:1:" },
    { "only excludes", MOTIF "exclude=hope\n", LM_ERROR_LEXICON, "lex.ini:1:" },
    { "~ without a number", MOTIF "terms=hope;let ~ go\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "~ with a word", MOTIF "terms=let ~x go\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "negative gap", MOTIF "terms=let ~-1 go\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "gap over the limit", MOTIF "terms=let ~11 go\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "gap at the start", MOTIF "terms=~2 go\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "gap at the end", MOTIF "terms=let ~2\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "two gaps in a row", MOTIF "terms=let ~1 ~2 go\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "term without a letter (number)", MOTIF "terms=hope;1984\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "term without a letter (dashes)", MOTIF "terms=--\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "exact term without a letter", MOTIF "terms==1984\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "lone star", MOTIF "terms=*\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "star in the middle", MOTIF "terms=com*plete\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "too many words", MOTIF "terms=a b c d e f g h i j k l m n o p q\n", LM_ERROR_LEXICON, "lex.ini:3:" },
    { "bad exclude term on its line", MOTIF "terms=hope\nexclude=never ~\n", LM_ERROR_LEXICON, "lex.ini:4:" },
    { "duplicate key (key file)", MOTIF "terms=a\nterms=b\n", LM_ERROR_SYNTAX, "lex.ini:4:" },
    { "duplicate group (key file)", MOTIF "terms=a\n[motif m]\n", LM_ERROR_SYNTAX, "lex.ini:4:" },
    { "garbage line (key file)", MOTIF "terms=a\nhope\n", LM_ERROR_SYNTAX, "lex.ini:4:" },
  };
  return cr_make_param_array (BadCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (BadCase *c, lexicon, errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (stemmer, "a stemmer");
  g_autoptr(LmLexicon) lex = lm_lexicon_new_from_data ("lex.ini", c->data, -1, stemmer, &error);
  cr_expect_null (lex, "%s: the lexicon should be rejected", c->what);
  lmt_assert_error (error, LM_ERROR, c->code, c->where, c->what);
  cr_expect (g_str_has_prefix (error->message, c->where), "%s: the message should start with \"%s\", got \"%s\"",
             c->what, c->where, error->message);
}

Test (lexicon, no_categories)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) lex = lm_lexicon_new_from_data ("lex.ini", "# nothing\n", -1, stemmer, &error);
  cr_expect_null (lex, "a lexicon without categories is rejected");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LEXICON, "lex.ini", "no categories");
}

Test (lexicon, missing_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) lex = lm_lexicon_load ("/nonexistent/lm-test/lex.ini", stemmer, &error);
  cr_expect_null (lex, "a missing lexicon cannot be loaded");
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, NULL, "missing lexicon");
}

/* ------------------------------------------------ the real lexicon */

Test (lexicon, never_let_me_go)
{
  g_autofree char *path = lmt_srcpath ("lexicons/never-let-me-go.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) lex = lm_lexicon_load (path, stemmer, &error);
  cr_assert_not_null (lex, "%s should compile: %s", path, error ? error->message : "?");
  cr_expect_str_eq (lm_lexicon_get_name (lex), path, "the lexicon is named by its path");

  const char *motifs[] = {
    "hope", "conformity", "letting-go", "completion", "fate", "willful-ignorance", "love",
    "anger", "memory", "humanity", "art", "obligation", "playing-god",
  };
  for (guint i = 0; i < G_N_ELEMENTS (motifs); i++)
    {
      gint at = lm_lexicon_find_category (lex, motifs[i]);
      cr_expect (at >= 0, "motif \"%s\" should be in the lexicon", motifs[i]);
      if (at < 0)
        continue;
      const LmCategory *c = lm_lexicon_get_category (lex, (guint) at);
      cr_expect_eq (c->kind, LM_CATEGORY_MOTIF, "\"%s\" is a motif", motifs[i]);
      cr_expect (c->description != NULL && *c->description != '\0', "motif \"%s\" has a description",
                 motifs[i]);
      cr_expect (c->terms->len > 0, "motif \"%s\" has terms", motifs[i]);
    }
  const char *characters[] = { "kathy", "tommy", "ruth", "madame", "miss-emily", "miss-lucy" };
  for (guint i = 0; i < G_N_ELEMENTS (characters); i++)
    {
      gint at = lm_lexicon_find_category (lex, characters[i]);
      cr_expect (at >= 0, "character \"%s\" should be in the lexicon", characters[i]);
      if (at < 0)
        continue;
      const LmCategory *c = lm_lexicon_get_category (lex, (guint) at);
      cr_expect_eq (c->kind, LM_CATEGORY_CHARACTER, "\"%s\" is a character", characters[i]);
      cr_expect (c->terms->len > 0, "character \"%s\" has terms", characters[i]);
    }

  /* letting-go excludes the title */
  gint lg = lm_lexicon_find_category (lex, "letting-go");
  if (lg >= 0)
    cr_expect (lm_lexicon_get_category (lex, (guint) lg)->excludes->len > 0,
               "letting-go has exclusions (the title \"Never Let Me Go\")");
}
