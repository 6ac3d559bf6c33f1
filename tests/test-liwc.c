/* test-liwc.c - LIWC dictionaries: conversion into lexicon text, loading,
 * counting, and every documented error (liwc.h). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "core/lm-error.h"
#include "lexicon/liwc.h"
#include "test-helpers.h"

static char *
convert (const char *dic)
{
  g_autoptr(GError) error = NULL;
  char *ini = lm_liwc_to_keyfile ("x.dic", dic, strlen (dic), &error);
  cr_assert_not_null (ini, "the dictionary should convert, got: %s\n---\n%s",
                      error ? error->message : "?", dic);
  return ini;
}

static char *
sample_ini (void)
{
  g_autofree char *path = lmt_srcpath ("tests/data/liwc/sample.dic");
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  cr_assert (g_file_get_contents (path, &data, &len, &error), "reading %s: %s", path,
             error ? error->message : "?");
  char *ini = lm_liwc_to_keyfile (path, data, len, &error);
  cr_assert_not_null (ini, "sample.dic should convert: %s", error ? error->message : "?");
  return ini;
}

static const LmCategory *
category (const LmLexicon *lex, const char *id)
{
  gint i = lm_lexicon_find_category (lex, id);
  cr_assert (i >= 0, "category \"%s\" should exist", id);
  return lm_lexicon_get_category (lex, (guint) i);
}

static const LmPattern *
term (const LmCategory *c, const char *source)
{
  for (guint i = 0; i < c->terms->len; i++)
    {
      const LmPattern *p = c->terms->pdata[i];
      if (g_str_equal (p->source, source))
        return p;
    }
  cr_assert_fail ("category %s should have the term \"%s\"", c->id, source);
  return NULL;
}

static void
expect_atom (const LmLexicon *lex, const LmPattern *p, guint k, LmAtomKind kind, const char *text)
{
  cr_assert (k < p->n_elements, "term \"%s\" should have an element %u", p->source, k);
  const LmAtom *a = lm_lexicon_get_atom (lex, p->atoms[k]);
  cr_expect_eq (a->kind, kind, "term \"%s\" element %u: atom kind %d expected, got %d", p->source, k,
                kind, a->kind);
  cr_expect_str_eq (a->text, text, "term \"%s\" element %u: \"%s\" expected, got \"%s\"", p->source,
                    k, text, a->text);
}

/* ------------------------------------------------------------ conversion */

Test (liwc, sample_converts_exactly)
{
  g_autofree char *ini = sample_ini ();
  static const char want[] =
    "# Converted from the LIWC dictionary sample.dic by leitmotif.\n"
    "# Plain words are exact forms (=word), \"word*\" prefixes: LIWC does not stem.\n"
    "\n"
    "[motif hope]\n"
    "label=hope\n"
    "description=LIWC category 1 from sample.dic\n"
    "terms=hope*;=wish;optimis*;despair*\n"
    "exclude==hopeful;hopeless*\n"
    "\n"
    "[motif posemo]\n"
    "label=posemo\n"
    "description=LIWC category 2 from sample.dic\n"
    "terms=hope*;=hopeful;optimis*;=happy;=kind =of;=glad\n"
    "exclude=hopeless*\n"
    "\n"
    "[motif negemo]\n"
    "label=negemo\n"
    "description=LIWC category 3 from sample.dic\n"
    "terms=despair*;=sad;hopeless*;=grave\n"
    "\n"
    "[motif death]\n"
    "label=death\n"
    "description=LIWC category 4 from sample.dic\n"
    "terms==die;=dead;death*;=grave\n"
    "\n"
    "# LIWC category 5 (unused-category) has no entries: left out\n";
  cr_expect_str_eq (ini, want, "sample.dic converts to\n%s\ngot\n%s", want, ini);
}

Test (liwc, sample_loads_with_exact_prefix_and_phrase_atoms)
{
  g_autofree char *path = lmt_srcpath ("tests/data/liwc/sample.dic");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) lex = lm_lexicon_load_any (path, stemmer, &error);
  cr_assert_not_null (lex, "sample.dic should load: %s", error ? error->message : "?");
  cr_expect_str_eq (lm_lexicon_get_name (lex), path, "the lexicon is named by its path");
  cr_expect_eq (lm_lexicon_get_n_categories (lex), 4,
                "4 categories (the empty fifth left out), got %u", lm_lexicon_get_n_categories (lex));
  const char *ids[] = { "hope", "posemo", "negemo", "death" };
  guint nterms[] = { 4, 6, 4, 4 };
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const LmCategory *c = lm_lexicon_get_category (lex, i);
      cr_expect_str_eq (c->id, ids[i], "category %u: id %s expected, got %s", i, ids[i], c->id);
      cr_expect_eq (c->kind, LM_CATEGORY_MOTIF, "%s is a motif", c->id);
      cr_expect_str_eq (c->label, ids[i], "%s: the label is the LIWC name", c->id);
      g_autofree char *desc = g_strdup_printf ("LIWC category %u from sample.dic", i + 1);
      cr_expect_str_eq (c->description, desc, "%s: description \"%s\" expected, got \"%s\"", c->id,
                        desc, c->description);
      cr_expect_eq (c->terms->len, nterms[i], "%s: %u terms expected, got %u", c->id, nterms[i],
                    c->terms->len);
    }
  const LmCategory *posemo = category (lex, "posemo");
  expect_atom (lex, term (posemo, "hope*"), 0, LM_ATOM_PREFIX, "hope");
  expect_atom (lex, term (posemo, "=happy"), 0, LM_ATOM_EXACT, "happy");
  const LmPattern *kind_of = term (posemo, "=kind =of");
  cr_expect_eq (kind_of->n_elements, 2, "\"kind of\" is a phrase of 2 elements, got %u",
                kind_of->n_elements);
  expect_atom (lex, kind_of, 0, LM_ATOM_EXACT, "kind");
  expect_atom (lex, kind_of, 1, LM_ATOM_EXACT, "of");
  cr_expect_eq (kind_of->gaps[0], 0, "the phrase's words are adjacent");
  cr_expect_eq (category (lex, "hope")->excludes->len, 2, "hope excludes =hopeful and hopeless*");
  cr_expect_eq (posemo->excludes->len, 1, "posemo excludes hopeless*");
}

Test (liwc, counting_text)
{
  g_autofree char *ini = sample_ini ();
  const char *text =
    "Hope, hoping and hopes. She was hopeful, then hopeless. It is kind of sad, kind people. "
    "Wishes: I wish. Death and the dead; they die. He dies. A grave. Optimism!";
  g_autoptr(LmtRun) run = lmt_run (ini, text, LM_ANALYZE_FORMS);
  struct { const char *id; guint64 hits; const char *forms; } want[] = {
    /* hope* (not "hoping": no stemming), wish (not "wishes"), optimis*;
     * "hopeful" and "hopeless" belong to more specific entries */
    { "hope", 4, "hope | hopes | optimism | wish" },
    { "posemo", 5, "hope | hopeful | hopes | kind of | optimism" },
    { "negemo", 3, "grave | hopeless | sad" },
    { "death", 4, "dead | death | die | grave" }, /* not "dies" */
  };
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      guint64 got = lmt_run_hits (run, want[i].id);
      g_autofree char *forms = lmt_run_forms (run, want[i].id);
      cr_expect_eq (got, want[i].hits, "%s: %" G_GUINT64_FORMAT " hits expected, got %" G_GUINT64_FORMAT
                    " [%s]", want[i].id, want[i].hits, got, forms);
      cr_expect_str_eq (forms, want[i].forms, "%s: forms [%s] expected, got [%s]", want[i].id,
                        want[i].forms, forms);
    }
}

Test (liwc, wildcard_exact_phrase)
{
  const char *dic = "%\n1\tw\n2\te\n3\tp\n%\nlov*\t1\nlove\t2\nfall in love\t3\n";
  g_autofree char *ini = convert (dic);
  /* "love" is the exact entry of 2: category 1's wildcard yields it. */
  struct { const char *text, *id; guint64 hits; } cases[] = {
    { "lovely loving lover", "w", 3 },
    { "love", "w", 0 },
    { "love", "e", 1 },
    { "lovely loves", "e", 0 },
    { "They fall in love.", "p", 1 },
    { "They fell in love.", "p", 0 },
    { "They fall madly in love.", "p", 0 },
    { "They fall in lovely ways.", "p", 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 got = lmt_hits (ini, cases[i].text, cases[i].id);
      cr_expect_eq (got, cases[i].hits, "\"%s\" in %s: %" G_GUINT64_FORMAT " expected, got %"
                    G_GUINT64_FORMAT "\n%s", cases[i].text, cases[i].id, cases[i].hits, got, ini);
    }
}

Test (liwc, phrase_with_a_wildcard_element)
{
  g_autofree char *ini = convert ("%\n1\tp\n%\nkind* of\t1\n");
  cr_expect (strstr (ini, "terms=kind* =of\n") != NULL, "each element keeps its own marker:\n%s", ini);
  cr_expect_eq (lmt_hits (ini, "kindly of; kindness of", "p"), 2, "kind* of matches kindly of");
}

Test (liwc, longer_wildcard_wins)
{
  g_autofree char *ini = convert ("%\n1\ta\n2\tb\n%\nhope*\t1\nhopeless*\t2\nhopel*\t1\n");
  /* hopel* (1) is more specific than hope* but also in 1; hopeless* (2) more
   * specific than both: both of 1's wildcards exclude it */
  cr_expect_eq (lmt_hits (ini, "hopelessly hopelike hopes", "a"), 2, "\n%s", ini);
  cr_expect_eq (lmt_hits (ini, "hopelessly hopelike hopes", "b"), 1, "\n%s", ini);
}

Test (liwc, space_separated_entries_and_variants)
{
  const char *dic =
    "\xef\xbb\xbf%\r\n"           /* BOM, CRLF */
    "01 Positive emotion\r\n"     /* leading zero, spaces, name with a space */
    "   \r\n"                     /* blank lines anywhere */
    "2\tnegemo\r\n"
    " % \r\n"
    "kind of 1\r\n"               /* phrase, space separated */
    "\r\n"
    "happy   1   1\r\n"           /* a category twice */
    "happy\t01\r\n"               /* the same word again */
    "sad\tnegemo\r\n"             /* a category by name */
    "glum negemo 1\r\n";          /* names and numbers after spaces */
  g_autofree char *ini = convert (dic);
  cr_expect (strstr (ini, "[motif positive-emotion]\nlabel=Positive emotion\n") != NULL,
             "id from the name, label as written:\n%s", ini);
  cr_expect (strstr (ini, "terms==kind =of;=happy;=glum\n") != NULL, "merged entries:\n%s", ini);
  cr_expect (strstr (ini, "[motif negemo]\nlabel=negemo\ndescription=LIWC category 2 from x.dic\n"
                          "terms==sad;=glum\n") != NULL, "categories by name:\n%s", ini);
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini);
  cr_expect_eq (lm_lexicon_get_n_categories (lex), 2);
}

Test (liwc, ids_from_names)
{
  const char *dic =
    "%\n"
    "1\tNeg Emo\n"
    "2\tneg-emo\n"     /* same id as 1: gets its number */
    "3\t???\n"         /* no id: gets its number */
    "4\tÜber  Wörter!\n"
    "5\tliwc-2\n"      /* a name that is another category's fallback id */
    "6\tliwc-6\n"
    "%\n"
    "a\t1 2 3 4 5 6\n";
  g_autofree char *ini = convert (dic);
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini);
  const char *ids[] = { "neg-emo", "liwc-2", "liwc-3", "ber-w-rter", "liwc-5", "liwc-6" };
  const char *labels[] = { "Neg Emo", "neg-emo", "???", "Über  Wörter!", "liwc-2", "liwc-6" };
  cr_assert_eq (lm_lexicon_get_n_categories (lex), G_N_ELEMENTS (ids), "\n%s", ini);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const LmCategory *c = lm_lexicon_get_category (lex, i);
      cr_expect_str_eq (c->id, ids[i], "category %u: id %s expected, got %s", i + 1, ids[i], c->id);
      cr_expect_str_eq (c->label, labels[i], "category %u: label %s expected, got %s", i + 1,
                        labels[i], c->label);
    }
}

Test (liwc, key_file_characters_escaped)
{
  const char *dic = "%\n1\tback\\slash; [x]\n%\nsemi;colon\t1\nback\\slash\t1\n#hash\t1\n[bracket\t1\n";
  g_autofree char *ini = convert (dic);
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini);
  const LmCategory *c = lm_lexicon_get_category (lex, 0);
  cr_expect_str_eq (c->label, "back\\slash; [x]", "the label survives the key file, got \"%s\"", c->label);
  cr_assert_eq (c->terms->len, 4, "4 terms expected, got %u\n%s", c->terms->len, ini);
  const LmPattern *semi = term (c, "=semi;colon");
  cr_expect_eq (semi->n_elements, 2, "\"semi;colon\" stays one term of two words (';' splits words)");
  term (c, "=back\\slash");
  term (c, "=#hash");
  term (c, "=[bracket");
}

Test (liwc, inexpressible_entries_left_out)
{
  const char *dic = "%\n1\ta\n2\tb\n%\n:)\t1\nf*ck\t1\n~x*\t1\na=b\t1\n1984\t1\nok\t1\n"
                    "a b c d e f g h i j k l m n o p q\t1\n";
  g_autofree char *ini = convert (dic);
  const char *notes[] = {
    "# line 5: \":)\" left out", "# line 6: \"f*ck\" left out", "# line 7: \"~x*\" left out",
    "# line 8: \"a=b\" left out", "# line 9: \"1984\" left out", "# line 11: \"a b c",
    "# LIWC category 2 (b) has no entries: left out",
  };
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    cr_expect (strstr (ini, notes[i]) != NULL, "the output notes \"%s\":\n%s", notes[i], ini);
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini);
  cr_expect_eq (lm_lexicon_get_n_categories (lex), 1, "category b has no entry left");
  cr_expect_eq (lm_lexicon_get_category (lex, 0)->terms->len, 1, "only \"ok\" is left");
}

Test (liwc, max_phrase_accepted)
{
  g_autofree char *ini = convert ("%\n1\ta\n%\na b c d e f g h i j k l m n o p\t1\n");
  g_autoptr(LmLexicon) lex = lmt_lexicon (ini);
  cr_expect_eq (lm_lexicon_get_pattern (lex, 0)->n_elements, LM_LEXICON_MAX_ELEMENTS);
}

/* ------------------------------------------------------------- errors */

typedef struct
{
  char what[48];
  char data[120];
  gsize len;      /* 0: strlen (data) */
  int code;       /* LmError */
  char where[16]; /* "x.dic:N: " */
} BadCase;

ParameterizedTestParameters (liwc, errors)
{
  static BadCase cases[] = {
    { "empty file", "", 0, LM_ERROR_SYNTAX, "x.dic:1: " },
    { "no header", "happy\t1\n", 0, LM_ERROR_SYNTAX, "x.dic:1: " },
    { "no header after blank lines", "\n \r\nhappy 1\n", 0, LM_ERROR_SYNTAX, "x.dic:3: " },
    { "an INI lexicon", "[motif m]\ndescription=d\nterms=x\n", 0, LM_ERROR_SYNTAX, "x.dic:1: " },
    { "unterminated header", "%\n1\ta\n2\tb\n\n", 0, LM_ERROR_SYNTAX, "x.dic:3: " },
    { "only an opening %", "\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:2: " },
    { "header line without a number", "%\n1\ta\nx\tb\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:3: " },
    { "header line without a name", "%\n1\ta\n2\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:3: " },
    { "header number glued to the name", "%\n1a b\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:2: " },
    { "negative header number", "%\n-1\ta\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:2: " },
    { "header number too large", "%\n99999999999\ta\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:2: " },
    { "duplicate category number", "%\n1\ta\n\n01\tb\n%\n", 0, LM_ERROR_SYNTAX, "x.dic:4: " },
    { "unknown category number", "%\n1\ta\n%\nhappy\t1\nsad\t1 2\n", 0, LM_ERROR_SYNTAX, "x.dic:5: " },
    { "unknown category (spaces)", "%\n1\ta\n%\nsad 1 7\n", 0, LM_ERROR_SYNTAX, "x.dic:4: " },
    { "unknown category name", "%\n1\ta\n%\nhappy\tb\n", 0, LM_ERROR_SYNTAX, "x.dic:4: " },
    { "LIWC2007 conditional category", "%\n1\ta\n2\tb\n%\nlike\t1 <(1)2>/2\n", 0, LM_ERROR_SYNTAX,
      "x.dic:5: " },
    { "entry without categories", "%\n1\ta\n%\nhappy\t1\n\nsad\n", 0, LM_ERROR_SYNTAX, "x.dic:6: " },
    { "entry with a tab and no categories", "%\n1\ta\n%\nsad\t \t\n", 0, LM_ERROR_SYNTAX, "x.dic:4: " },
    { "a line that is only a category", "%\n1\ta\n%\n\t1\n", 0, LM_ERROR_SYNTAX, "x.dic:4: " },
    { "no entries", "%\n1\ta\n%\n\n", 0, LM_ERROR_SYNTAX, "x.dic:3: " },
    { "no usable entries", "%\n1\ta\n%\n:)\t1\n", 0, LM_ERROR_SYNTAX, "x.dic:3: " },
    { "invalid UTF-8", "%\n1\ta\n%\nh\xff" "ppy\t1\n", 0, LM_ERROR_ENCODING, "x.dic:4: " },
    { "invalid UTF-8 in the header", "%\n1\t\xc3\n%\n", 0, LM_ERROR_ENCODING, "x.dic:2: " },
    { "NUL byte", "%\n1\ta\n%\nha\0ppy\t1\n", 17, LM_ERROR_ENCODING, "x.dic:4: " },
  };
  return cr_make_param_array (BadCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest (BadCase *c, liwc, errors)
{
  g_autoptr(GError) error = NULL;
  gsize len = c->len ? c->len : strlen (c->data);
  g_autofree char *ini = lm_liwc_to_keyfile ("x.dic", c->data, len, &error);
  cr_expect_null (ini, "%s: the dictionary should be rejected, got\n%s", c->what, ini);
  lmt_assert_error (error, LM_ERROR, c->code, c->where, c->what);
  cr_expect (g_str_has_prefix (error->message, c->where),
             "%s: the message should start with \"%s\", got \"%s\"", c->what, c->where, error->message);
}

/* ---------------------------------------------------- lm_lexicon_load_any */

static char *
write_named_tmp (const char *template, const char *data)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);
  cr_assert (fd >= 0, "creating a temporary file: %s", error ? error->message : "?");
  close (fd);
  cr_assert (g_file_set_contents (path, data, -1, &error), "writing %s: %s", path,
             error ? error->message : "?");
  return path;
}

Test (liwc, load_any_detects_by_content)
{
  g_autofree char *path = lmt_write_tmp ("\n  %  \n1\tpos\n%\nhappy\t1\n", 23);
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) lex = lm_lexicon_load_any (path, stemmer, &error);
  g_unlink (path);
  cr_assert_not_null (lex, "a .txt file starting with %% loads as LIWC: %s", error ? error->message : "?");
  cr_expect_str_eq (lm_lexicon_get_category (lex, 0)->id, "pos");
}

Test (liwc, load_any_detects_by_extension)
{
  /* An INI lexicon named .DIC is read as LIWC, and so rejected. */
  g_autofree char *path = write_named_tmp ("lm-test-XXXXXX.DIC", "[motif m]\ndescription=d\nterms=x\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) lex = lm_lexicon_load_any (path, stemmer, &error);
  g_autofree char *where = g_strdup_printf ("%s:1: not a LIWC dictionary", path);
  g_unlink (path);
  cr_expect_null (lex, "a .DIC file is read as LIWC");
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, where, ".DIC extension");
}

Test (liwc, load_any_reads_ini)
{
  g_autofree char *path = lmt_srcpath ("lexicons/never-let-me-go.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) any = lm_lexicon_load_any (path, stemmer, &error);
  cr_assert_not_null (any, "the .ini lexicon loads: %s", error ? error->message : "?");
  g_autoptr(LmLexicon) direct = lm_lexicon_load (path, stemmer, &error);
  cr_assert_not_null (direct);
  cr_expect_eq (lm_lexicon_get_n_categories (any), lm_lexicon_get_n_categories (direct));
  cr_expect_eq (lm_lexicon_get_n_patterns (any), lm_lexicon_get_n_patterns (direct));
  cr_expect_str_eq (lm_lexicon_get_sha256 (any), lm_lexicon_get_sha256 (direct));
  cr_expect_str_eq (lm_lexicon_get_name (any), path);
}

Test (liwc, load_any_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStemmer) stemmer = lm_stemmer_new (&error);
  g_autoptr(LmLexicon) missing = lm_lexicon_load_any ("/nonexistent/lm-test/x.dic", stemmer, &error);
  cr_expect_null (missing);
  lmt_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, NULL, "missing dictionary");
  g_clear_error (&error);

  g_autofree char *path = write_named_tmp ("lm-test-XXXXXX.dic", "%\n1\ta\n%\nhappy\t2\n");
  g_autoptr(LmLexicon) bad = lm_lexicon_load_any (path, stemmer, &error);
  g_autofree char *where = g_strdup_printf ("%s:4: ", path);
  g_unlink (path);
  cr_expect_null (bad);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_SYNTAX, where, "bad entry in a .dic file");
  cr_expect (g_str_has_prefix (error->message, where), "\"%s\" should start with \"%s\"", error->message,
             where);
  g_clear_error (&error);

  /* An INI file that is not a lexicon: the INI loader's error. */
  g_autofree char *ini = write_named_tmp ("lm-test-XXXXXX.ini", "[motif m]\nterms=x\n");
  g_autoptr(LmLexicon) noini = lm_lexicon_load_any (ini, stemmer, &error);
  g_unlink (ini);
  cr_expect_null (noini);
  lmt_assert_error (error, LM_ERROR, LM_ERROR_LEXICON, "description", "INI without a description");
}
