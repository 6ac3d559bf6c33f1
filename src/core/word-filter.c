/* word-filter.c - length and first-two-bytes prefilter for word sets. */
#include "word-filter.h"

#include <string.h>

void
lm_word_filter_init (LmWordFilter *f)
{
  memset (f, 0, sizeof *f);
  f->min_len = G_MAXSIZE;
  f->max_len = 0;
}

void
lm_word_filter_add (LmWordFilter *f, const char *word, gsize len)
{
  f->min_len = MIN (f->min_len, len);
  f->max_len = MAX (f->max_len, len);
  if (len == 0)
    f->has_empty = TRUE;
  else if (len == 1)
    f->first[(guint8) word[0] >> 3] |= (guint8) (1u << ((guint8) word[0] & 7));
  else
    {
      guint pair = (guint) (guint8) word[0] << 8 | (guint8) word[1];
      f->pairs[pair >> 3] |= (guint8) (1u << (pair & 7));
    }
}
