/* test-stance-rules.c - lexicons/stance.ini: the cues of the stance rules as
 * data, their errors, and an edit that changes a decision. */
#include <criterion/criterion.h>
#include <string.h>

#include "analysis/genre.h"
#include "core/lm-error.h"

static char *
stance_ini (void)
{
  g_autofree char *p = g_build_filename (g_getenv ("LM_TEST_SRCDIR"), "lexicons", "stance.ini", NULL);
  char *data = NULL;
  cr_assert (g_file_get_contents (p, &data, NULL, NULL));
  return data;
}

static void
expect_error (const char *data, const char *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStanceRules) r = lm_stance_rules_new_from_data ("s.ini", data, -1, &error);
  cr_assert_null (r, "refused");
  cr_expect (g_error_matches (error, LM_ERROR, LM_ERROR_SYNTAX));
  cr_expect (strstr (error->message, want) != NULL, "\"%s\" in \"%s\"", want, error->message);
}

Test (stance_rules, the_file_and_the_built_in_copy_agree)
{
  g_autofree char *data = stance_ini ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LmStanceRules) r = lm_stance_rules_new_from_data ("stance.ini", data, -1, &error);
  cr_assert_not_null (r, "%s", error ? error->message : "");
  const LmStanceCues *neg = lm_stance_rules_get (r, LM_SC_NEGATIONS);
  cr_expect_eq (neg->direction, LM_DIRECTION_BEFORE);
  cr_expect_eq (neg->scope, LM_SCOPE_CLAUSE);
  cr_expect (g_strv_contains ((const char *const *) neg->pseudo, "not only"));
  cr_expect (g_strv_contains ((const char *const *) neg->words, "never"));
  const LmStanceRules *def = lm_stance_rules_get_default ();
  for (guint id = 0; id < LM_SC_N; id++)
    cr_expect_eq (g_strv_length (lm_stance_rules_get (def, id)->words),
                  g_strv_length (lm_stance_rules_get (r, id)->words),
                  "[%s]: the built-in copy is lexicons/stance.ini", lm_stance_rules_get (r, id)->name);
}

Test (stance_rules, errors_name_file_and_line)
{
  g_autofree char *data = stance_ini ();
  /* each of these breaks one thing of the real file */
  g_autofree char *no_neg = g_strdup (data);
  char *at = strstr (no_neg, "[trigger negations]");
  cr_assert_not_null (at);
  memcpy (at, "[trigger negatives]", strlen ("[trigger negatives]"));
  expect_error (no_neg, "[trigger negatives]: the rules know no cues named \"negatives\"");
  expect_error ("[terminators]\nwords=but\n", "s.ini:1: no [trigger reporting] group");
  expect_error ("[nonsense]\nk=v\n", "s.ini:1: unknown group [nonsense]");
  expect_error ("[terminators]\nwords=but\n[list negations]\nwords=not\n", "s.ini:3: [list negations] must be [trigger negations]");
  expect_error ("[trigger negations]\ndirection=sideways\nscope=clause\nwords=not\n", "s.ini:2: [trigger negations] direction \"sideways\"");
  expect_error ("[trigger negations]\ndirection=before\nscope=paragraph\nwords=not\n", "s.ini:3: [trigger negations] scope \"paragraph\"");
  expect_error ("[trigger negations]\ndirection=before\nwords=not\n", "s.ini:1: [trigger negations] needs direction= and scope=");
  expect_error ("[trigger negations]\ndirection=before\nscope=3\nwords=not;;never\n", "s.ini:4: [trigger negations] words: an empty item");
  expect_error ("[list copulas]\nwords=is\ncolour=red\n", "s.ini:3: unknown key \"colour\"");
}

/* One pipeline for the tests that decide stances, freed by teardown. */
static struct
{
  LmStemmer *stemmer;
  LmLexicon *lex;
  LmStoplist *stop;
  LmAnalyzer *an;
} fx;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  const char *src = g_getenv ("LM_TEST_SRCDIR");
  g_autofree char *lexp = g_build_filename (src, "lexicons", "never-let-me-go.ini", NULL);
  g_autofree char *stopp = g_build_filename (src, "stopwords", "english.txt", NULL);
  fx.stemmer = lm_stemmer_new (&error);
  cr_assert_not_null (fx.stemmer);
  fx.lex = lm_lexicon_load (lexp, fx.stemmer, &error);
  cr_assert_not_null (fx.lex, "%s", error ? error->message : "");
  fx.stop = lm_stoplist_load (stopp, &error);
  cr_assert_not_null (fx.stop);
  fx.an = lm_analyzer_new (fx.lex, fx.stop, &error);
  cr_assert_not_null (fx.an);
}

static void
teardown (void)
{
  lm_analyzer_free (fx.an);
  lm_stoplist_free (fx.stop);
  lm_lexicon_free (fx.lex);
  lm_stemmer_free (fx.stemmer);
  lm_stance_rules_set_default (NULL);
}

static LmStance
stance_of (const char *sentence, const LmGenreMention **out, GArray **keep)
{
  g_autoptr(LmText) t = lm_text_new_from_data ("<t>", sentence, -1, LM_TEXT_NONE, NULL);
  g_autoptr(LmSegmentation) seg = lm_segment_text (t, NULL);
  *keep = lm_genre_mentions (fx.an, t, seg);
  cr_assert_geq ((*keep)->len, 1);
  *out = &g_array_index (*keep, LmGenreMention, 0);
  return (*out)->stance;
}

Test (stance_rules, a_cue_added_to_the_file_changes_the_decision, .init = setup, .fini = teardown)
{
  const char *s = "The novel is reminiscent of a dystopia.";
  const LmGenreMention *m;
  g_autoptr(GArray) before = NULL, after = NULL;
  cr_expect_eq (stance_of (s, &m, &before), LM_STANCE_ASSERTED, "no hedge cue yet");
  cr_expect_null (m->trigger, "a rule's own test decided");
  /* A linguist adds "reminiscent of" to the hedges. */
  g_autofree char *data = stance_ini ();
  g_autoptr(GString) edited = g_string_new (data);
  char *hedges = strstr (edited->str, "[trigger hedges]");
  cr_assert_not_null (hedges);
  char *words = strstr (hedges, "\nwords=");
  g_string_insert (edited, (words - edited->str) + strlen ("\nwords="), "reminiscent of;");
  g_autoptr(GError) error = NULL;
  LmStanceRules *r = lm_stance_rules_new_from_data ("edited.ini", edited->str, -1, &error);
  cr_assert_not_null (r, "%s", error ? error->message : "");
  lm_stance_rules_set_default (r);
  cr_expect_eq (stance_of (s, &m, &after), LM_STANCE_HEDGED);
  cr_assert_not_null (m->trigger);
  cr_expect_str_eq (m->trigger->name, "hedges", "--explain names the trigger");
  cr_expect_str_eq (m->cue, "hedge: \"reminiscent of\"");
}

Test (stance_rules, pseudo_triggers_are_no_negation, .init = setup, .fini = teardown)
{
  const LmGenreMention *m;
  g_autoptr(GArray) a = NULL, b = NULL;
  cr_expect_eq (stance_of ("It is not a dystopia.", &m, &a), LM_STANCE_REJECTED);
  cr_assert_not_null (m->trigger);
  cr_expect_str_eq (m->trigger->name, "negations");
  cr_expect_eq (stance_of ("It is not only a dystopia but a love story.", &m, &b), LM_STANCE_ASSERTED,
                "\"not only\" is a pseudo-trigger");
}
