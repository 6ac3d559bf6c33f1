/* shard.c - the deterministic split of a batch into N shards. */
#include "shard.h"

#include <string.h>

#include "core/lm-error.h"

guint64
lm_shard_hash (const char *key)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  for (const guchar *p = (const guchar *) key; *p; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

guint
lm_shard_of (const char *key, guint n)
{
  g_return_val_if_fail (n >= 1, 1);
  return (guint) (lm_shard_hash (key) % n) + 1;
}

/* A decimal number of at most seven digits, nothing else. */
static gboolean
parse_number (const char *s, gsize len, guint *out)
{
  if (len == 0 || len > 7)
    return FALSE;
  guint v = 0;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
lm_shard_parse (const char *spec, guint *k, guint *n, GError **error)
{
  const char *slash = strchr (spec, '/');
  guint kk = 0, nn = 0;
  if (slash == NULL || !parse_number (spec, (gsize) (slash - spec), &kk)
      || !parse_number (slash + 1, strlen (slash + 1), &nn))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                   "--shard \"%s\": expected K/N, two whole numbers (shard K of N, e.g. 3/8)", spec);
      return FALSE;
    }
  if (nn < 1 || nn > LM_SHARD_MAX)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE, "--shard \"%s\": N must be between 1 and %d",
                   spec, LM_SHARD_MAX);
      return FALSE;
    }
  if (kk < 1 || kk > nn)
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                   "--shard \"%s\": K must be between 1 and N (%u); shards are numbered from 1", spec, nn);
      return FALSE;
    }
  *k = kk;
  *n = nn;
  return TRUE;
}
