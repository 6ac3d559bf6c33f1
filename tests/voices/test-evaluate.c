/* test-evaluate.c - gold files and the scores of `leitmotif evaluate`. */
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#include "analysis/evaluate.h"
#include "core/lm-error.h"

static void
expect_gold_error (LmGoldKind kind, const char *data, const char *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmGold) g = lm_gold_new_from_data ("g.tsv", data, -1, kind, &error);
  cr_assert_null (g, "rejected: %s", data);
  cr_expect (strstr (error->message, want) != NULL, "\"%s\" in \"%s\"", want, error->message);
}

#define VH "id\tfirst_line\tlast_line\tvoice\twho\tnote\n"
#define GH "id\turl\twords\tasserted_genres\tattributed_genres\trejected_genres\tnotes\n"
#define MH "id\tline\tmotif\tsurface\tkind\tvoice\n"

Test (gold, malformed_files_name_file_line_and_column)
{
  expect_gold_error (LM_GOLD_VOICES, "01\t1\t1\tboilerplate\t-\n", "g.tsv:1:1: expected a header row");
  expect_gold_error (LM_GOLD_VOICES, "", "g.tsv:1: empty");
  expect_gold_error (LM_GOLD_VOICES, VH "01\tone\t1\tboilerplate\t-\n", "g.tsv:2:4: first_line \"one\"");
  expect_gold_error (LM_GOLD_VOICES, VH "01\t3\t2\tboilerplate\t-\n", "g.tsv:2:6: last_line 2 is before");
  expect_gold_error (LM_GOLD_VOICES, VH "01\t1\t1\tnarrator\t-\n", "g.tsv:2:8: unknown voice \"narrator\"");
  expect_gold_error (LM_GOLD_VOICES, VH "01\t1\t1\n", "g.tsv:2:6: 3 tab-separated fields");
  expect_gold_error (LM_GOLD_VOICES, VH "01\t1\t2\tquotation\t-\tinline: 'a b c'\n",
                     "an inline span must stay on one line");
  expect_gold_error (LM_GOLD_VOICES, VH "01\t1\t1\tquotation\t-\tinline:  \n", "quotes no words");
  expect_gold_error (LM_GOLD_VOICES, VH "01\t1\t1\tquotation\t-\t\xff\n", "g.tsv:2:20: invalid UTF-8");
  expect_gold_error (LM_GOLD_GENRES, GH "01\tu\tmany\tdystopia\t\t\t\n", "g.tsv:2:6: words \"many\"");
  expect_gold_error (LM_GOLD_GENRES, GH "01\tu\t3\tdystopia;;horror\t\t\t\n", "an empty label");
  expect_gold_error (LM_GOLD_MOTIFS, MH "01\t4\thope\thoping\tfeeling\tcritic\n", "g.tsv:2:18: unknown kind");
  expect_gold_error (LM_GOLD_MOTIFS, MH "\t4\thope\thoping\tidiom\tcritic\n", "g.tsv:2:1: no id");
}

Test (gold, labels_inline_parts_and_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmGold) g = lm_gold_new_from_data (
      "g.tsv", GH "# a comment\n01\tu\t10\tScience-Fiction; love  story\tdystopia\t\tnotes\n02\tu\t5\t\t\t\t\n",
      -1, LM_GOLD_GENRES, &error);
  cr_assert_not_null (g, "%s", error ? error->message : "");
  const GArray *rows = lm_gold_get_rows (g);
  cr_assert_eq (rows->len, 3);
  cr_expect_str_eq (g_array_index (rows, LmGoldLabel, 0).genre, "science fiction");
  cr_expect_str_eq (g_array_index (rows, LmGoldLabel, 1).genre, "love story");
  cr_expect_eq (g_array_index (rows, LmGoldLabel, 2).stance, LM_STANCE_ATTRIBUTED);
  cr_expect (lm_gold_has_id (g, "02"), "a text with no label is still in the gold");
  g_autofree char *id = lm_gold_text_id ("some/dir/07.txt");
  cr_expect_str_eq (id, "07");

  g_autoptr(LmGold) v = lm_gold_new_from_data (
      "v.tsv", VH "01\t2\t2\tquotation\tx\tinline: 'first words' and 'from here ... to there' (a note's own 'aside')\n"
               "01\t3\t3\tboilerplate\t-\tinline: from 'Title' through 'End'\n",
      -1, LM_GOLD_VOICES, &error);
  cr_assert_not_null (v, "%s", error ? error->message : "");
  const LmGoldSpan *s = &g_array_index (lm_gold_get_rows (v), LmGoldSpan, 0);
  cr_assert_eq (s->parts->len, 3);
  cr_expect_str_eq (g_array_index (s->parts, LmGoldPart, 1).from, "from here");
  cr_expect_str_eq (g_array_index (s->parts, LmGoldPart, 1).to, "to there");
  const LmGoldSpan *r = &g_array_index (lm_gold_get_rows (v), LmGoldSpan, 1);
  cr_assert_eq (r->parts->len, 1);
  cr_expect_str_eq (g_array_index (r->parts, LmGoldPart, 0).from, "Title");
  cr_expect_str_eq (g_array_index (r->parts, LmGoldPart, 0).to, "End");
}

typedef struct
{
  char *dir;
  LmStoplist *stop;
  LmLexicon *lex;
  LmAnalyzer *an;
  LmStemmer *stemmer;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  fx.dir = g_dir_make_tmp ("lm-eval-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  const char *src = g_getenv ("LM_TEST_SRCDIR");
  g_autofree char *stop = g_build_filename (src, "stopwords", "english.txt", NULL);
  g_autofree char *lex = g_build_filename (src, "lexicons", "never-let-me-go.ini", NULL);
  fx.stop = lm_stoplist_load (stop, &error);
  cr_assert_not_null (fx.stop, "%s", error ? error->message : "");
  fx.stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (fx.stemmer);
  fx.lex = lm_lexicon_load (lex, fx.stemmer, &error);
  cr_assert_not_null (fx.lex, "%s", error ? error->message : "");
  fx.an = lm_analyzer_new (fx.lex, fx.stop, &error);
  cr_assert_not_null (fx.an);
}

static void
teardown (void)
{
  lm_analyzer_free (fx.an);
  lm_lexicon_free (fx.lex);
  lm_stemmer_free (fx.stemmer);
  lm_stoplist_free (fx.stop);
  g_autoptr(GDir) d = g_dir_open (fx.dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (fx.dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (fx.dir);
  g_free (fx.dir);
}

static char *
write_text (const char *name, const char *content)
{
  char *p = g_build_filename (fx.dir, name, NULL);
  cr_assert (g_file_set_contents (p, content, -1, NULL));
  return p;
}

static LmGold *
gold_of (LmGoldKind kind, const char *data)
{
  g_autoptr(GError) error = NULL;
  LmGold *g = lm_gold_new_from_data ("g.tsv", data, -1, kind, &error);
  cr_assert_not_null (g, "%s", error ? error->message : "");
  return g;
}

#define PROSE "The novel follows three friends who grow up in a school that hides its purpose from them.\n"

Test (evaluate, voices_are_word_weighted_with_a_confusion_matrix, .init = setup, .fini = teardown)
{
  /* Line 1 is a title (4 words) the engine finds; line 3 ends with a quoted
   * sentence of 6 words; the gold marks line 1 boilerplate, the quotation
   * inline, and line 5 (17 words of prose) wrongly as a comment. */
  g_autofree char *f = write_text ("01.txt", "A Title For It\n\n" PROSE
                                   "\nShe says: \"none of us ever spoke of it\" and we believe her at once.\n\n"
                                   "What stays with me is how calmly the narrator tells us about the end of her friends.\n");
  g_autoptr(LmGold) g = gold_of (LM_GOLD_VOICES, VH "01\t1\t1\tboilerplate\t-\theading\n"
                                                  "01\t5\t5\tquotation\tKathy\tinline: 'none of us ever spoke of it'\n"
                                                  "01\t7\t7\tcomment\t-\tdeliberately wrong\n");
  const char *files[] = { f, NULL };
  g_autoptr(LmEvaluation) ev = lm_evaluate (fx.an, NULL, g, files, LM_TEXT_NONE);
  cr_expect_eq (ev->n_texts, 1);
  cr_expect_eq (ev->confusion[LM_VOICE_BOILERPLATE][LM_VOICE_BOILERPLATE], 4);
  cr_expect_eq (ev->confusion[LM_VOICE_QUOTATION][LM_VOICE_QUOTATION], 7, "the 7 quoted words");
  cr_expect_eq (ev->confusion[LM_VOICE_COMMENT][LM_VOICE_CRITIC], 17, "the deliberately wrong line");
  cr_expect_eq (ev->confusion[LM_VOICE_CRITIC][LM_VOICE_CRITIC], 17 + 8, "line 3 and the rest of line 5");
  cr_expect_eq (ev->warnings->len, 0);
  cr_expect (!lm_evaluation_input_failed (ev));
}

Test (evaluate, files_missing_from_the_gold_or_unreadable, .init = setup, .fini = teardown)
{
  g_autofree char *a = write_text ("01.txt", PROSE);
  g_autofree char *b = write_text ("99.txt", PROSE);
  g_autofree char *c = g_build_filename (fx.dir, "02.txt", NULL); /* never written */
  g_autoptr(LmGold) g = gold_of (LM_GOLD_VOICES, VH "01\t1\t1\tcritic\t-\t\n02\t1\t1\tcritic\t-\t\n"
                                                  "03\t1\t1\tcritic\t-\t\n");
  const char *files[] = { a, b, c, NULL };
  g_autoptr(LmEvaluation) ev = lm_evaluate (fx.an, NULL, g, files, LM_TEXT_NONE);
  cr_expect_eq (ev->n_texts, 1);
  cr_expect_eq (ev->ungiven, 2, "02 (unreadable) and 03 are not scored");
  cr_expect (lm_evaluation_input_failed (ev));
  cr_assert_eq (ev->warnings->len, 2);
  cr_expect (strstr (g_array_index (ev->warnings, LmEvalWarning, 0).message, "\"99\" is not in g.tsv") != NULL,
             "%s", g_array_index (ev->warnings, LmEvalWarning, 0).message);
}

Test (evaluate, inline_words_not_on_their_line_are_reported, .init = setup, .fini = teardown)
{
  g_autofree char *f = write_text ("01.txt", PROSE);
  g_autoptr(LmGold) g = gold_of (LM_GOLD_VOICES, VH "01\t1\t1\tquotation\t-\tinline: 'words that are elsewhere'\n");
  const char *files[] = { f, NULL };
  g_autoptr(LmEvaluation) ev = lm_evaluate (fx.an, NULL, g, files, LM_TEXT_NONE);
  cr_assert_eq (ev->warnings->len, 1);
  cr_expect (!lm_evaluation_input_failed (ev), "an annotation problem, not an input failure");
  cr_expect (strstr (g_array_index (ev->warnings, LmEvalWarning, 0).message, "g.tsv:2:") != NULL);
}

Test (evaluate, genre_stances_hedged_as_asserted, .init = setup, .fini = teardown)
{
  g_autofree char *f = write_text ("01.txt", "This novel is a dystopia. Critics have called it science fiction.\n");
  g_autoptr(LmGold) g = gold_of (LM_GOLD_GENRES, GH "01\tu\t11\tdystopia; horror\tscience fiction\t\t\n");
  const char *files[] = { f, NULL };
  g_autoptr(LmEvaluation) ev = lm_evaluate (fx.an, NULL, g, files, LM_TEXT_NONE);
  const LmScore *all = &g_array_index (ev->scores, LmScore, ev->scores->len - 1);
  cr_expect_str_eq (ev->labels->pdata[ev->labels->len - 1], "all");
  cr_expect_eq (all->gold, 3);
  cr_expect_eq (all->found, 2, "dystopia asserted, science fiction attributed");
  cr_expect_eq (all->correct, 2);
  cr_expect_eq (ev->stances[LM_STANCE_ASSERTED][LM_N_STANCES], 1, "horror missed");
}

Test (evaluate, motifs_by_line_with_look_alikes, .init = setup, .fini = teardown)
{
  g_autofree char *f = write_text ("01.txt", "Kathy still has hope.\nI'm hoping you read Never Let Me Go.\n"
                                             "They accept their fate.\n");
  g_autoptr(LmGold) g = gold_of (LM_GOLD_MOTIFS, MH "01\t1\thope\thope\tlexical\tcritic\n"
                                                  "01\t2\thope\thoping\tidiom\tcritic\n"
                                                  "01\t2\tletting-go\tNever Let Me Go\ttitle\tcritic\n"
                                                  "01\t3\tconformity\taccept their fate\tsynonym\tcritic\n");
  const char *files[] = { f, NULL };
  g_autoptr(LmEvaluation) ev = lm_evaluate (fx.an, NULL, g, files, LM_TEXT_NONE);
  guint hope = 0;
  while (hope < ev->labels->len && !g_str_equal (ev->labels->pdata[hope], "hope"))
    hope++;
  cr_assert_lt (hope, ev->labels->len);
  const LmScore *h = &g_array_index (ev->scores, LmScore, hope);
  cr_expect_eq (h->gold, 1);
  cr_expect_eq (h->correct, 1);
  /* The idiom on line 2 is counted by today's lexicon: a look-alike. */
  cr_expect_eq (h->found - h->correct, GPOINTER_TO_UINT (g_hash_table_lookup (ev->lookalikes, "idiom")));
  cr_expect_eq (GPOINTER_TO_UINT (g_hash_table_lookup (ev->lookalikes, "title")), 0,
                "the title is excluded from letting-go");
}

Test (evaluate, gold_labels_name_a_genre_by_its_aliases, .init = setup, .fini = teardown)
{
  /* genres.ini: [genre bildungsroman] aliases=coming of age */
  g_autofree char *f = write_text ("01.txt", "The novel is a Bildungsroman.\n");
  g_autoptr(LmGold) g = gold_of (LM_GOLD_GENRES, GH "01\tu\t5\tComing of age\t\t\t\n");
  const char *files[] = { f, NULL };
  g_autoptr(LmEvaluation) ev = lm_evaluate (fx.an, NULL, g, files, LM_TEXT_NONE);
  const LmScore *all = &g_array_index (ev->scores, LmScore, ev->scores->len - 1);
  cr_expect_eq (all->gold, 1);
  cr_expect_eq (all->correct, 1, "coming of age is the bildungsroman category");
}
