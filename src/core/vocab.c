/* vocab.c - interning table of folded words with their stems. */
#include "vocab.h"

#include <string.h>

#include "tokenizer.h"

/* The word table is open addressing with linear probing, keyed by the
 * tokenizer's hash: one probe and one comparison per token in the common
 * case, where GHashTable would hash the string again and call strcmp
 * through a function pointer.  A word's folded form is stored right after
 * its LmWord (new_word), so comparing it also brings in the cache line that
 * the caller reads next (the word's atoms), and a slot is 16 bytes. */
typedef struct
{
  guint32 hash;
  guint32 len;
  LmWord *word;     /* NULL: empty slot */
} Slot;

/* Fibonacci hashing spreads FNV's low bits over the table. */
static inline guint32
slot_of (guint32 hash, guint32 mask)
{
  return (guint32) ((hash * 2654435769u) >> 7) & mask;
}

static inline gboolean
same_bytes (const char *a, const char *b, gsize len)
{
  /* Words are short: a byte loop beats a call to memcmp. */
  for (gsize i = 0; i < len; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

struct _LmVocab
{
  LmStemmer *stemmer;
  const LmStoplist *stoplist;
  Slot *slots;
  guint32 mask;        /* capacity - 1, capacity a power of two */
  GHashTable *stems;   /* stem (in chunk) -> stem id + 1 */
  GStringChunk *chunk; /* the stems */
  guint32 n_words;
  GPtrArray *blocks;   /* the arena that holds the LmWords, their folded
                        * forms and their atom arrays */
  gsize block_used;    /* bytes used of the last block */
  GArray *scratch_atoms;
  LmWordAnnotator annotator;
  gpointer annotator_data;
  LmStemFilter stem_filter;
  gpointer stem_filter_data;
};

/* LmWords and their atom arrays live as long as the vocabulary and are
 * never freed one by one: carve them from large blocks (a new word costs no
 * malloc, and the words of a text sit close together in memory).  The
 * memory is not zeroed: new_word() sets every field. */
#define ARENA_BLOCK (64 * 1024)

static gpointer
arena_alloc (LmVocab *v, gsize size)
{
  size = (size + 7) & ~(gsize) 7;
  if (v->blocks->len == 0)
    {
      g_ptr_array_add (v->blocks, g_malloc (ARENA_BLOCK));
      v->block_used = 0;
    }
  if (size > ARENA_BLOCK / 4)
    {
      /* Rare (a word with thousands of atoms): a block of its own, kept
       * before the current one so that the current block stays in use. */
      gpointer own = g_malloc (size);
      g_ptr_array_insert (v->blocks, (gint) v->blocks->len - 1, own);
      return own;
    }
  if (v->block_used + size > ARENA_BLOCK)
    {
      g_ptr_array_add (v->blocks, g_malloc (ARENA_BLOCK));
      v->block_used = 0;
    }
  gpointer p = (char *) v->blocks->pdata[v->blocks->len - 1] + v->block_used;
  v->block_used += size;
  return p;
}

LmVocab *
lm_vocab_new (LmStemmer *stemmer, const LmStoplist *stoplist)
{
  LmVocab *v = g_new0 (LmVocab, 1);
  v->stemmer = stemmer;
  v->stoplist = stoplist;
  v->mask = 4096 - 1;
  v->slots = g_new0 (Slot, v->mask + 1);
  v->stems = g_hash_table_new (g_str_hash, g_str_equal);
  v->chunk = g_string_chunk_new (64 * 1024);
  v->blocks = g_ptr_array_new_with_free_func (g_free);
  v->scratch_atoms = g_array_new (FALSE, FALSE, sizeof (guint32));
  return v;
}

void
lm_vocab_free (LmVocab *v)
{
  if (v == NULL)
    return;
  g_free (v->slots);
  g_hash_table_unref (v->stems);
  g_string_chunk_free (v->chunk);
  g_ptr_array_unref (v->blocks);
  g_array_unref (v->scratch_atoms);
  g_free (v);
}

void
lm_vocab_set_stem_filter (LmVocab *v, LmStemFilter filter, gpointer user_data)
{
  v->stem_filter = filter;
  v->stem_filter_data = user_data;
}

void
lm_vocab_set_annotator (LmVocab *v, LmWordAnnotator annotator,
                        gpointer user_data)
{
  v->annotator = annotator;
  v->annotator_data = user_data;
}

static void
grow (LmVocab *v)
{
  guint32 cap = (v->mask + 1) * 2;
  Slot *slots = g_new0 (Slot, cap);
  for (guint32 i = 0; i <= v->mask; i++)
    if (v->slots[i].word)
      {
        guint32 j = slot_of (v->slots[i].hash, cap - 1);
        while (slots[j].word)
          j = (j + 1) & (cap - 1);
        slots[j] = v->slots[i];
      }
  g_free (v->slots);
  v->slots = slots;
  v->mask = cap - 1;
}

/* Gives @w its stem, interned with a dense id. */
static void
stem_word (LmVocab *v, LmWord *w)
{
  gsize stem_len;
  const char *stem = lm_stemmer_stem (v->stemmer, w->folded, w->folded_len, &stem_len);
  gpointer orig = NULL, sid = NULL;
  if (g_hash_table_lookup_extended (v->stems, stem, &orig, &sid))
    {
      w->stem = orig;
      w->stem_id = GPOINTER_TO_UINT (sid) - 1;
    }
  else
    {
      char *st = g_string_chunk_insert_len (v->chunk, stem, (gssize) stem_len);
      guint id = g_hash_table_size (v->stems);
      g_hash_table_insert (v->stems, st, GUINT_TO_POINTER (id + 1));
      w->stem = st;
      w->stem_id = id;
    }
  w->stem_len = (guint32) strlen (w->stem);
}

static inline const char *
folded_of (const LmWord *w)
{
  return (const char *) (w + 1);
}

static LmWord *
new_word (LmVocab *v, const char *key, gsize len)
{
  LmWord *w = arena_alloc (v, sizeof (LmWord) + len + 1);
  char *folded = (char *) (w + 1);
  memcpy (folded, key, len);
  folded[len] = '\0';
  *w = (LmWord) { .folded = folded, .folded_len = (guint32) len, .id = v->n_words };
  w->stop = lm_stoplist_contains (v->stoplist, w->folded, (gssize) len);
  if (v->stem_filter && !v->stem_filter (w->folded, len, v->stem_filter_data))
    w->stem_id = G_MAXUINT32;
  else
    stem_word (v, w);

  if (v->annotator)
    {
      g_array_set_size (v->scratch_atoms, 0);
      v->annotator (w, v->scratch_atoms, v->annotator_data);
      w->n_atoms = v->scratch_atoms->len;
      if (w->n_atoms)
        {
          guint32 *atoms = arena_alloc (v, w->n_atoms * sizeof (guint32));
          memcpy (atoms, v->scratch_atoms->data, w->n_atoms * sizeof (guint32));
          w->atoms = atoms;
        }
    }
  v->n_words++;
  return w;
}

const LmWord *
lm_vocab_intern_hashed (LmVocab *v, const char *folded, gsize len, guint32 hash)
{
  guint32 i = slot_of (hash, v->mask);
  for (;;)
    {
      Slot *sl = &v->slots[i];
      if (sl->word == NULL)
        break;
      if (sl->hash == hash && sl->len == len && same_bytes (folded_of (sl->word), folded, len))
        return sl->word;
      i = (i + 1) & v->mask;
    }
  LmWord *w = new_word (v, folded, len);
  v->slots[i] = (Slot) { hash, (guint32) len, w };
  /* keep the load under one half */
  if (v->n_words * 2 > v->mask + 1)
    grow (v);
  return w;
}

const LmWord *
lm_vocab_intern (LmVocab *v, const char *folded, gsize len)
{
  return lm_vocab_intern_hashed (v, folded, len, lm_word_hash (folded, len));
}

guint
lm_vocab_size (const LmVocab *v)
{
  return v->n_words;
}
