/* token.h - LmToken: a word of a text as the analysis sees it.
 *
 * A token is a raw token (tokenizer.h) bound to its interned word
 * (vocab.h) and, once voices are known, to the voice that speaks it.
 * Tokens borrow: @word belongs to an LmVocab, offsets point into an LmText.
 */
#pragma once

#include <glib.h>

#include "vocab.h"

G_BEGIN_DECLS

typedef struct
{
  gsize start, end;   /* byte offsets of the surface form */
  guint32 line, col;  /* 1-based; col in characters */
  guint16 flags;      /* LmTokenFlags */
  guint8 voice;       /* LmVoice */
  const LmWord *word; /* folded form, stem, stop flag, lexicon atoms */
} LmToken;

G_END_DECLS
