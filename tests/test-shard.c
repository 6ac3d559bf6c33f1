/* test-shard.c - the split of a batch into shards (shard.h). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "batch/shard.h"
#include "core/lm-error.h"

/* The published FNV-1a 64 test vectors (Fowler, Noll and Vo), and keys of
 * the kind a batch has, worked out by hand from the README's rule. */
Test (shard, fnv1a_64_vectors)
{
  cr_assert_eq (lm_shard_hash (""), G_GUINT64_CONSTANT (0xcbf29ce484222325), "the offset basis");
  cr_assert_eq (lm_shard_hash ("a"), G_GUINT64_CONSTANT (0xaf63dc4c8601ec8c), "FNV-1a 64 of \"a\"");
  cr_assert_eq (lm_shard_hash ("foobar"), G_GUINT64_CONSTANT (0x85944171f73967e8), "FNV-1a 64 of \"foobar\"");
  cr_assert_eq (lm_shard_hash ("essays/000/essay-00001.txt"), G_GUINT64_CONSTANT (0x25afbfe2a928d7a2),
                "a document key");
  cr_assert_eq (lm_shard_hash ("caf\xc3\xa9/\xc3\xa9.txt"), G_GUINT64_CONSTANT (0x31c7673f5ce594f8),
                "UTF-8 keys are hashed byte by byte");
}

Test (shard, shard_is_hash_mod_n_plus_one)
{
  cr_assert_eq (lm_shard_of ("essays/000/essay-00001.txt", 7), 4, "0x25afbfe2a928d7a2 mod 7 = 3, shard 4");
  cr_assert_eq (lm_shard_of ("foobar", 7), 7, "0x85944171f73967e8 mod 7 = 6, shard 7");
  cr_assert_eq (lm_shard_of ("anything", 1), 1, "one shard holds everything");
}

/* Shards cover keys evenly enough that N jobs take about as long. */
Test (shard, spread)
{
  guint count[7] = { 0 };
  for (guint i = 0; i < 7000; i++)
    {
      g_autofree char *key = g_strdup_printf ("archive/%03u/essay-%05u.txt", i / 100, i);
      guint s = lm_shard_of (key, 7);
      cr_assert (s >= 1 && s <= 7, "shard %u of 7 out of range", s);
      count[s - 1]++;
    }
  for (guint s = 0; s < 7; s++)
    cr_assert (count[s] > 850 && count[s] < 1150, "shard %u holds %u of 7000 keys", s + 1, count[s]);
}

Test (shard, parse_good)
{
  guint k = 0, n = 0;
  g_autoptr(GError) error = NULL;
  cr_assert (lm_shard_parse ("3/7", &k, &n, &error), "3/7 parses");
  cr_assert (k == 3 && n == 7, "3/7 gives K 3, N 7, got %u/%u", k, n);
  cr_assert (lm_shard_parse ("1/1", &k, &n, &error) && k == 1 && n == 1, "1/1 parses");
  cr_assert (lm_shard_parse ("1000000/1000000", &k, &n, &error) && k == 1000000, "the largest N parses");
}

typedef struct
{
  char spec[24];
  char message[48];
} BadSpec;

ParameterizedTestParameters (shard, parse_bad)
{
  static BadSpec cases[] = {
    { "0/3", "K must be between 1 and N (3)" },
    { "4/3", "K must be between 1 and N (3)" },
    { "1/0", "N must be between 1 and 1000000" },
    { "1/1000001", "N must be between 1 and 1000000" },
    { "3", "expected K/N" },
    { "", "expected K/N" },
    { "/3", "expected K/N" },
    { "1/", "expected K/N" },
    { "a/b", "expected K/N" },
    { "-1/3", "expected K/N" },
    { "1/3x", "expected K/N" },
    { " 1/3", "expected K/N" },
    { "1/2/3", "expected K/N" },
    { "99999999/1", "expected K/N" },
  };
  return cr_make_param_array (BadSpec, cases, G_N_ELEMENTS (cases));
}

ParameterizedTest (BadSpec *c, shard, parse_bad)
{
  guint k = 77, n = 77;
  g_autoptr(GError) error = NULL;
  cr_assert_not (lm_shard_parse (c->spec, &k, &n, &error), "\"%s\" is refused", c->spec);
  cr_assert (g_error_matches (error, LM_ERROR, LM_ERROR_USAGE), "\"%s\": a usage error", c->spec);
  cr_assert (strstr (error->message, c->message) != NULL, "\"%s\": message \"%s\" says \"%s\"", c->spec,
             error->message, c->message);
  cr_assert (g_str_has_prefix (error->message, "--shard \""), "the message names the option: %s",
             error->message);
  cr_assert (k == 77 && n == 77, "\"%s\": outputs untouched on error", c->spec);
}
