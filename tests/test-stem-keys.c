/* test-stem-keys.c - the prefilter that lets `count` skip stemming words
 * that cannot meet a stem term (lexicon/stem-keys.h).  It must never say
 * "no" to a word whose stem is a key: checked on every pair of Snowball's
 * test vocabulary (tests/data/snowball), one key at a time. */
#include <criterion/criterion.h>
#include <string.h>

#include "lexicon/stem-keys.h"
#include "test-helpers.h"

static char **
read_lines (const char *rel, guint *n)
{
  g_autofree char *path = lmt_srcpath (rel);
  g_autofree char *data = NULL;
  cr_assert (g_file_get_contents (path, &data, NULL, NULL), "reading %s", path);
  char **lines = g_strsplit (data, "\n", -1);
  guint len = g_strv_length (lines);
  if (len > 0 && lines[len - 1][0] == '\0')
    {
      g_free (lines[len - 1]);
      lines[--len] = NULL;
    }
  *n = len;
  return lines;
}

static gboolean
may (LmStemKeys *k, const char *word)
{
  return lm_stem_keys_may_match (k, word, strlen (word));
}

Test (stem_keys, every_snowball_word_reaches_its_own_stem)
{
  guint nw, ns;
  g_auto(GStrv) words = read_lines ("tests/data/snowball/voc.txt", &nw);
  g_auto(GStrv) stems = read_lines ("tests/data/snowball/output.txt", &ns);
  cr_assert_eq (nw, ns);
  guint checked = 0, one_letter_rejects = 0;
  for (guint i = 0; i < nw; i++)
    {
      /* A leading apostrophe never starts a token (tokenizer.h). */
      if (words[i][0] == '\'')
        continue;
      g_autoptr(LmStemKeys) k = lm_stem_keys_new ();
      lm_stem_keys_add (k, stems[i]);
      lm_stem_keys_seal (k);
      cr_expect (may (k, words[i]), "\"%s\" stems to \"%s\" but was filtered out", words[i],
                 stems[i]);
      checked++;
      /* The length bound at work: a one-letter stem on the word's first
       * letter lets few words through. */
      char first[2] = { words[i][0], '\0' };
      g_autoptr(LmStemKeys) one = lm_stem_keys_new ();
      lm_stem_keys_add (one, first);
      lm_stem_keys_seal (one);
      if (!may (one, words[i]))
        one_letter_rejects++;
    }
  cr_expect_gt (checked, 29000, "checked %u words", checked);
  cr_expect_gt (one_letter_rejects, checked * 9 / 10, "a one-letter stem rejected only %u of %u",
                one_letter_rejects, checked);
}

Test (stem_keys, the_reaching_back_cases)
{
  g_autoptr(LmStemKeys) k = lm_stem_keys_new ();
  const char *stems[] = { "hope", "die", "use", "cri", "happi", "complet" };
  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    lm_stem_keys_add (k, stems[i]);
  lm_stem_keys_seal (k);
  const char *yes[] = { "hoping", "hope", "hopeful", "dying", "die", "using", "crying", "cry",
                        "happy", "happiness", "completely", "hop" };
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    cr_expect (may (k, yes[i]), "%s must pass", yes[i]);
  const char *no[] = { "despair", "river", "h", "ho", "dx", "yes", "kathy" };
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    cr_expect_not (may (k, no[i]), "%s cannot stem to any key", no[i]);
}

Test (stem_keys, non_ascii_and_short_keys)
{
  g_autoptr(LmStemKeys) k = lm_stem_keys_new ();
  lm_stem_keys_add (k, "émigr");  /* é is two bytes: the hashed path */
  lm_stem_keys_add (k, "ox");
  lm_stem_keys_add (k, "a");      /* a one-byte key */
  lm_stem_keys_seal (k);
  cr_expect_not (may (k, "émigré"), "no step of Porter2 touches a word that ends in é");
  cr_expect (may (k, "émigrés"));
  cr_expect (may (k, "émigred"));
  cr_expect_not (may (k, "émue"));
  cr_expect (may (k, "oxen"));
  cr_expect (may (k, "ox"));
  cr_expect_not (may (k, "o"));
  cr_expect (may (k, "a"));
  cr_expect (may (k, "as"), "\"as\" is short enough to stem to \"a\" for all the bound knows");
  cr_expect_not (may (k, "anything"), "Porter2 keeps at least \"an\" of \"anything\"");
}

/* The length bound (stem-keys.c, porter2_fewest_chars): a short stem lets
 * through only the words that Porter2 could cut down to it. */
Test (stem_keys, short_stems_reach_only_short_enough_words)
{
  g_autoptr(LmStemKeys) k = lm_stem_keys_new ();
  const char *stems[] = { "in", "me", "die", "go", "h" };
  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    lm_stem_keys_add (k, stems[i]);
  lm_stem_keys_seal (k);
  /* Porter2 keeps the letters before R1, which starts two past the first
   * vowel ("mother" keeps "mot", "goes" keeps "goe"), except what steps 1a
   * and 1b take off the end ("dying" can lose "ing" and a letter). */
  const char *yes[] = { "in", "ins", "inness", "inful", "me", "mes", "dying", "dies", "died",
                        "die", "go", "going", "h", "hs",
                        /* an apostrophe: no bound */
                        "me's", "go'", "h\u2019s" };
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    cr_expect (may (k, yes[i]), "%s must pass", yes[i]);
  const char *no[] = { "mother", "made", "meaning", "goes", "gone", "hotel", "house",
                       "h\u00e9las",
                       /* no step of Porter2 touches a word that ends so */
                       "into", "inkpad", "inflow", "inbuilt\u00e9" };
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    cr_expect_not (may (k, no[i]), "%s cannot stem to a stem this short", no[i]);
}
