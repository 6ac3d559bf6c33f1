/* fold.c - NFKC + case folding + apostrophe unification. */
#include "fold.h"

#include <string.h>

LmCharClass
lm_char_class (gunichar c)
{
  if (c < 0x80)
    {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return LM_CHAR_LETTER;
      if (c >= '0' && c <= '9')
        return LM_CHAR_WORD_OTHER;
      return c == '\'' ? LM_CHAR_APOSTROPHE : LM_CHAR_SEPARATOR;
    }
  if (c == 0x2019)
    return LM_CHAR_APOSTROPHE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
      return LM_CHAR_LETTER;
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_DECIMAL_NUMBER:
      return LM_CHAR_WORD_OTHER;
    default:
      return LM_CHAR_SEPARATOR;
    }
}

char *
lm_fold (const char *s, gssize len)
{
  g_autofree char *nfkc = g_utf8_normalize (s, len, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    return NULL;
  char *folded = g_utf8_casefold (nfkc, -1);
  /* U+2019 is E2 80 99 in UTF-8; rewrite it in place as "'" and close up. */
  char *r = folded, *w = folded;
  while (*r)
    {
      if ((guchar) r[0] == 0xE2 && (guchar) r[1] == 0x80 && (guchar) r[2] == 0x99)
        {
          *w++ = '\'';
          r += 3;
        }
      else
        *w++ = *r++;
    }
  *w = '\0';
  return folded;
}
