/* stem-keys.c - a prefilter for stem matching. */
#include "stem-keys.h"

#include <string.h>

/* Most new words are rejected by two table reads: a key of one byte
 * matches on its own; any longer key needs its first two bytes in @pairs.
 * Only then are the word's prefixes of up to 4 characters looked up (the
 * short keys), then, under a short key that longer keys start with, its
 * longer prefixes (the long keys); and only a key whose longest stem is
 * long enough for the word (porter2_fewest_chars) counts. */
typedef struct
{
  guint32 most;       /* the most characters of a stem with exactly this key,
                       * + 1; 0: none */
  gboolean has_longer; /* long keys start with this one */
} KeyInfo;

typedef struct
{
  guint32 key;        /* pack_ascii() of a short key; 0 = empty slot */
  KeyInfo info;
} AsciiSlot;

struct _LmStemKeys
{
  GHashTable *keys;           /* short key (char*, normalised) -> KeyInfo* */
  GHashTable *long_keys;      /* key of 5 or more characters -> the most
                               * characters of a stem with it, + 1 */
  AsciiSlot *table;           /* after sealing: the short keys of 2 to 4
                               * ASCII bytes, open addressing, table_mask + 1
                               * slots */
  guint32 table_mask;
  guint32 one_byte[256];      /* keys of one byte: KeyInfo.most */
  guint8 pairs[65536 / 8];    /* first two bytes of longer keys, a bit each */
  gboolean empty_key;         /* a key of no characters matches every word */
};

/* The fast path packs a whole key into 32 bits. */
G_STATIC_ASSERT (LM_STEM_KEY_CHARS == 4);

/* Up to 4 bytes in one integer, first byte highest; 0 if any is not ASCII. */
static inline guint32
pack_ascii (const char *s, gsize len)
{
  guint32 v = 0;
  for (gsize i = 0; i < 4; i++)
    {
      guint8 c = i < len ? (guint8) s[i] : 0;
      if (c >= 0x80)
        return 0;
      v = v << 8 | c;
    }
  return v;
}

static inline guint
pair_of (const char *s)
{
  guint8 second = s[1] == 'y' ? 'i' : (guint8) s[1];
  return (guint) (guint8) s[0] << 8 | second;
}

/* Whether the @len bytes at @s end with the NUL-terminated @suffix. */
static inline gboolean
ends_with (const char *s, gsize len, const char *suffix)
{
  gsize n = strlen (suffix); /* a constant once inlined */
  return len >= n && memcmp (s + len - n, suffix, n) == 0;
}

/* The fewest characters that Porter2 can leave of @word (folded, @len
 * bytes): a lower bound on the length of its stem, found without stemming.
 *
 * Porter2 first removes an apostrophe suffix (step 0), then at most 2
 * characters in step 1a ("sses" -> "ss", "ies"/"ied" -> "i", "s"), then
 * "ingly", "edly", "ing" or "ed" in step 1b and perhaps one letter of a
 * double; every later step (2 to 5) removes only inside R1, which begins
 * after the first non-vowel that follows a vowel, so at least two
 * characters after the first [aeiouy].  The stem is thus at least
 *   min(length - the most that steps 1a and 1b can remove here,
 *       index of the first [aeiouy] + 2)
 * characters long.  Every bound taken is the loosest (the conditions of the
 * steps, the 'e' that step 1b may add, R1's special prefixes "gener" etc.
 * only make the stem longer), so the bound holds whatever those conditions
 * say.  A word with an apostrophe gets no bound.
 *
 * And a word that no step can touch is its own stem: every suffix of steps
 * 2 to 5 ends in one of "lirnmsect", so a word that ends in another letter
 * and in no suffix of step 1 ("s", "ed", "ing", "y"...) keeps all of it. */
static guint
porter2_fewest_chars (const char *word, gsize len)
{
  gboolean ascii = TRUE;
  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guint8) word[i] < 0x80;
  /* an apostrophe: ASCII, or U+2019 should the stemmer read it as one */
  if (memchr (word, '\'', len) != NULL
      || (!ascii && g_strstr_len (word, (gssize) len, "\u2019") != NULL))
    return 0;
  gsize vowel = 0;
  while (vowel < len && memchr ("aeiouy", word[vowel], 6) == NULL)
    vowel++;
  guint chars = ascii ? (guint) len : (guint) g_utf8_strlen (word, (gssize) len);
  guint first_vowel = vowel == len ? G_MAXUINT
                      : ascii ? (guint) vowel : (guint) g_utf8_strlen (word, (gssize) vowel);
  guint8 last = (guint8) word[len - 1];
  if (memchr ("lirnmsectyg", last, 11) == NULL && !(last == 'd' && ends_with (word, len, "ed")))
    return chars;
  if (last == 'g' && !ends_with (word, len, "ing"))
    return chars;
  /* The suffixes are ASCII: as many characters as bytes.  Switching on
   * the last byte keeps most words to one comparison. */
  gsize step1a = 0, step1b = 0;
  if (word[len - 1] == 's')
    step1a = ends_with (word, len, "sses") || ends_with (word, len, "ies") ? 2 : 1;
  else if (ends_with (word, len, "ied"))
    step1a = 2;
  gsize rest = len - step1a;
  if (rest > 0)
    switch (word[rest - 1])
      {
      case 'y':
        step1b = ends_with (word, rest, "ingly") ? 5 + 1 : ends_with (word, rest, "edly") ? 4 + 1 : 0;
        break;
      case 'g':
        step1b = ends_with (word, rest, "ing") ? 3 + 1 : 0;
        break;
      case 'd':
        step1b = ends_with (word, rest, "ed") ? 2 + 1 : 0;
        break;
      default:
        break;
      }
  guint after_step1 = chars > step1a + step1b ? chars - (guint) (step1a + step1b) : 0;
  guint r1 = first_vowel == G_MAXUINT ? chars : MIN (chars, first_vowel + 2);
  return MIN (after_step1, r1);
}

LmStemKeys *
lm_stem_keys_new (void)
{
  LmStemKeys *k = g_new0 (LmStemKeys, 1);
  k->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  k->long_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return k;
}

void
lm_stem_keys_free (LmStemKeys *k)
{
  if (k == NULL)
    return;
  g_hash_table_unref (k->keys);
  g_hash_table_unref (k->long_keys);
  g_free (k->table);
  g_free (k);
}

/* Appends @len bytes of @s read as norm(): 'y' after the first byte is 'i'.
 * ('y' is ASCII, so bytes and characters agree on it.) */
static void
append_norm (GString *out, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    g_string_append_c (out, i > 0 && s[i] == 'y' ? 'i' : s[i]);
}

void
lm_stem_keys_add (LmStemKeys *k, const char *stem)
{
  glong stem_chars = g_utf8_strlen (stem, -1);
  guint32 most = (guint32) MIN (stem_chars, G_MAXUINT32 - 1) + 1;
  /* The key: the stem without a final 'e', less its last character when
   * it then has more than 4 (stem-keys.h). */
  glong chars = stem_chars;
  if (chars > 1 && stem[strlen (stem) - 1] == 'e')
    chars--;
  if (chars > LM_STEM_KEY_CHARS)
    chars--;
  gsize cut = (gsize) (g_utf8_offset_to_pointer (stem, chars) - stem);
  if (cut == 0)
    {
      k->empty_key = TRUE;
      return;
    }
  GString *key = g_string_sized_new (cut);
  append_norm (key, stem, cut);
  if (chars > LM_STEM_KEY_CHARS)
    {
      gpointer old = g_hash_table_lookup (k->long_keys, key->str);
      g_hash_table_replace (k->long_keys, g_strdup (key->str),
                            GUINT_TO_POINTER (MAX (most, GPOINTER_TO_UINT (old))));
      /* the short key that it starts with */
      g_string_truncate (key, (gsize) (g_utf8_offset_to_pointer (key->str, LM_STEM_KEY_CHARS)
                                       - key->str));
    }
  KeyInfo *info = g_hash_table_lookup (k->keys, key->str);
  if (info == NULL)
    {
      info = g_new0 (KeyInfo, 1);
      g_hash_table_insert (k->keys, g_strdup (key->str), info);
    }
  if (chars > LM_STEM_KEY_CHARS)
    info->has_longer = TRUE;
  else
    info->most = MAX (info->most, most);
  if (key->len == 1)
    k->one_byte[(guint8) key->str[0]] = info->most;
  else
    {
      guint pair = pair_of (key->str);
      k->pairs[pair >> 3] |= (guint8) (1u << (pair & 7));
    }
  g_string_free (key, TRUE);
  g_clear_pointer (&k->table, g_free); /* seal again */
}

static inline guint32
slot_of (guint32 packed, guint32 mask)
{
  return (packed * 2654435769u) >> 16 & mask;
}

/* The key @packed's KeyInfo; NULL if it is not a key. */
static const KeyInfo *
ascii_key (const LmStemKeys *k, guint32 packed)
{
  for (guint32 i = slot_of (packed, k->table_mask);; i = (i + 1) & k->table_mask)
    {
      if (k->table[i].key == packed)
        return &k->table[i].info;
      if (k->table[i].key == 0)
        return NULL;
    }
}

void
lm_stem_keys_seal (LmStemKeys *k)
{
  guint32 size = 64;
  while (size < 4 * g_hash_table_size (k->keys))
    size *= 2;
  g_free (k->table);
  k->table = g_new0 (AsciiSlot, size);
  k->table_mask = size - 1;
  GHashTableIter it;
  gpointer key, info;
  g_hash_table_iter_init (&it, k->keys);
  while (g_hash_table_iter_next (&it, &key, &info))
    {
      gsize n = strlen (key);
      guint32 packed = n >= 2 && n <= 4 ? pack_ascii (key, n) : 0;
      if (packed == 0)
        continue;
      guint32 j = slot_of (packed, k->table_mask);
      while (k->table[j].key != 0)
        j = (j + 1) & k->table_mask;
      k->table[j] = (AsciiSlot) { packed, *(const KeyInfo *) info };
    }
}

/* Whether a key whose longest stem has @most_plus_1 - 1 characters can be
 * the key of the word's stem; the word's bound is computed at the first key
 * found and kept in *@fewest (G_MAXUINT: not yet). */
static inline gboolean
long_enough (guint32 most_plus_1, const char *folded, gsize len, guint *fewest)
{
  if (most_plus_1 == 0)
    return FALSE;
  if (*fewest == G_MAXUINT)
    *fewest = porter2_fewest_chars (folded, len);
  return most_plus_1 > *fewest;
}

/* A short key matched the word's first LM_STEM_KEY_CHARS characters, which
 * end at byte @from: whether a long key matches a longer prefix. */
static gboolean
long_key_matches (const LmStemKeys *k, const char *folded, gsize len, gsize from, guint *fewest)
{
  char stack[64];
  g_autofree char *heap = len < sizeof stack ? NULL : g_malloc (len + 1);
  char *buf = heap ? heap : stack;
  for (gsize i = 0; i < from; i++)
    buf[i] = i > 0 && folded[i] == 'y' ? 'i' : folded[i];
  const char *p = folded + from, *end = folded + len;
  gsize n = from;
  while (p < end)
    {
      const char *next = g_utf8_find_next_char (p, end);
      if (next == NULL)
        next = end;
      for (; p < next; p++, n++)
        buf[n] = *p == 'y' ? 'i' : *p;
      buf[n] = '\0';
      if (long_enough (GPOINTER_TO_UINT (g_hash_table_lookup (k->long_keys, buf)), folded, len,
                       fewest))
        return TRUE;
    }
  return FALSE;
}

static inline gboolean
key_matches (const LmStemKeys *k, const KeyInfo *info, guint chars, const char *folded,
             gsize len, gsize bytes, guint *fewest)
{
  if (info == NULL)
    return FALSE;
  if (long_enough (info->most, folded, len, fewest))
    return TRUE;
  return info->has_longer && chars == LM_STEM_KEY_CHARS
         && long_key_matches (k, folded, len, bytes, fewest);
}

gboolean
lm_stem_keys_may_match (const LmStemKeys *k, const char *folded, gsize len)
{
  if (k->empty_key || len == 0)
    return k->empty_key;
  guint fewest = G_MAXUINT;
  if (long_enough (k->one_byte[(guint8) folded[0]], folded, len, &fewest))
    return TRUE;
  if (len < 2)
    return FALSE;
  guint pair = pair_of (folded);
  if (!(k->pairs[pair >> 3] & (1u << (pair & 7))))
    return FALSE;
  guint32 word4 = k->table ? pack_ascii (folded, MIN (len, 4)) : 0;
  if (word4 != 0)
    {
      /* An ASCII word: its prefixes of 2, 3 and 4 bytes, normalised ('y'
       * after the first byte read as 'i'), are the top bytes of word4. */
      for (guint shift = 0; shift < 24; shift += 8)
        if ((word4 >> shift & 0xff) == 'y')
          word4 = (word4 & ~(0xffu << shift)) | ('i' << shift);
      gsize n = MIN (len, 4);
      for (gsize m = 2; m <= n; m++)
        if (key_matches (k, ascii_key (k, word4 & (0xffffffffu << (8 * (4 - m)))), (guint) m,
                         folded, len, m, &fewest))
          return TRUE;
      return FALSE;
    }
  char buf[4 * LM_STEM_KEY_CHARS + 1];
  gsize n = 0;
  const char *p = folded, *end = folded + len;
  for (guint c = 1; c <= LM_STEM_KEY_CHARS && p < end; c++)
    {
      const char *next = g_utf8_find_next_char (p, end);
      if (next == NULL)
        next = end;
      for (; p < next; p++, n++)
        buf[n] = n > 0 && *p == 'y' ? 'i' : *p;
      buf[n] = '\0';
      if (key_matches (k, g_hash_table_lookup (k->keys, buf), c, folded, len, n, &fewest))
        return TRUE;
    }
  return FALSE;
}
