/* stem-keys.c - a prefilter for stem matching. */
#include "stem-keys.h"

#include <string.h>

/* Most new words are rejected by two table reads: a key of one byte
 * matches on its own; any longer key needs its first two bytes in @pairs.
 * Only then are the word's prefixes looked up. */
struct _LmStemKeys
{
  GHashTable *keys;        /* normalised key (char*) -> itself */
  GArray *ascii;           /* the keys of 2 to 4 ASCII bytes, packed in a
                            * guint32 (pack_ascii) */
  guint32 *table;          /* after sealing: those keys in an open-addressing
                            * table of table_mask + 1 slots (0 = empty) */
  guint32 table_mask;
  guint8 one_byte[256];    /* keys of one byte */
  guint8 pairs[65536 / 8]; /* first two bytes of longer keys, a bit each */
  gboolean empty_key;      /* a key of no characters matches every word */
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

LmStemKeys *
lm_stem_keys_new (void)
{
  LmStemKeys *k = g_new0 (LmStemKeys, 1);
  k->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  k->ascii = g_array_new (FALSE, FALSE, sizeof (guint32));
  return k;
}

void
lm_stem_keys_free (LmStemKeys *k)
{
  if (k == NULL)
    return;
  g_hash_table_unref (k->keys);
  g_array_unref (k->ascii);
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
  glong chars = g_utf8_strlen (stem, -1);
  gsize bytes = strlen (stem);
  if (chars > 1 && stem[bytes - 1] == 'e')
    chars--;
  chars = MIN (chars, LM_STEM_KEY_CHARS);
  gsize cut = (gsize) (g_utf8_offset_to_pointer (stem, chars) - stem);
  if (cut == 0)
    {
      k->empty_key = TRUE;
      return;
    }
  GString *key = g_string_sized_new (cut);
  append_norm (key, stem, cut);
  if (cut == 1)
    k->one_byte[(guint8) key->str[0]] = 1;
  else
    {
      guint pair = pair_of (key->str);
      k->pairs[pair >> 3] |= (guint8) (1u << (pair & 7));
    }
  guint32 packed = cut <= 4 ? pack_ascii (key->str, cut) : 0;
  if (packed)
    {
      g_array_append_val (k->ascii, packed);
      g_clear_pointer (&k->table, g_free); /* seal again */
    }
  g_hash_table_add (k->keys, g_string_free (key, FALSE));
}

static inline guint32
slot_of (guint32 packed, guint32 mask)
{
  return (packed * 2654435769u) >> 16 & mask;
}

static gboolean
ascii_key (const LmStemKeys *k, guint32 packed)
{
  for (guint32 i = slot_of (packed, k->table_mask);; i = (i + 1) & k->table_mask)
    {
      if (k->table[i] == packed)
        return TRUE;
      if (k->table[i] == 0)
        return FALSE;
    }
}

void
lm_stem_keys_seal (LmStemKeys *k)
{
  guint32 size = 64;
  while (size < 4 * k->ascii->len)
    size *= 2;
  g_free (k->table);
  k->table = g_new0 (guint32, size);
  k->table_mask = size - 1;
  for (guint i = 0; i < k->ascii->len; i++)
    {
      guint32 packed = g_array_index (k->ascii, guint32, i), j = slot_of (packed, k->table_mask);
      while (k->table[j] != 0 && k->table[j] != packed)
        j = (j + 1) & k->table_mask;
      k->table[j] = packed;
    }
}

gboolean
lm_stem_keys_may_match (const LmStemKeys *k, const char *folded, gsize len)
{
  if (k->empty_key || len == 0)
    return k->empty_key;
  if (k->one_byte[(guint8) folded[0]])
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
        if (ascii_key (k, word4 & (0xffffffffu << (8 * (4 - m)))))
          return TRUE;
      return FALSE;
    }
  char buf[4 * LM_STEM_KEY_CHARS + 1];
  gsize n = 0;
  const char *p = folded, *end = folded + len;
  for (guint c = 0; c < LM_STEM_KEY_CHARS && p < end; c++)
    {
      const char *next = g_utf8_find_next_char (p, end);
      if (next == NULL)
        next = end;
      for (; p < next; p++, n++)
        buf[n] = n > 0 && *p == 'y' ? 'i' : *p;
      buf[n] = '\0';
      if (g_hash_table_contains (k->keys, buf))
        return TRUE;
    }
  return FALSE;
}
