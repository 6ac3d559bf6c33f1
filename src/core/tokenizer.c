/* tokenizer.c - words from validated UTF-8, with offsets and positions.
 *
 * The text is read as a stream of units (see tokenizer.h).  ASCII bytes not
 * followed by a non-ASCII byte are their own folded form (lower-cased) and
 * skip normalisation; other units are folded once per distinct character
 * through a cache.  Each folded character then drives one small state
 * machine: inside or outside a word, with an apostrophe pending between two
 * letters.
 */
#include "tokenizer.h"

#include <string.h>

#include "fold.h"

struct _LmTokenizer
{
  GHashTable *fold_cache; /* gunichar -> folded UTF-8 (char *) */
  GString *word;
  gboolean fast_paths;
  char fast[LM_TOKENIZER_MAX_WORD + 8]; /* the fast path's folded word */

  /* one run */
  LmTokenFunc func;
  gpointer user_data;
  gboolean stopped;
  guint64 n_tokens;

  /* the current run of word characters */
  gboolean in_word, has_letter, last_letter, apos_pending, truncated;
  gsize w_start, w_end;
  guint w_line, w_col;

  /* what lies between the previous word and the next */
  gboolean first, terminator, paragraph, nl_seen, line_blank;
  guint sep_chars, hyphens;
};

LmTokenizer *
lm_tokenizer_new (void)
{
  LmTokenizer *tz = g_new0 (LmTokenizer, 1);
  tz->fold_cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  tz->word = g_string_sized_new (64);
  tz->fast_paths = TRUE;
  return tz;
}

void
lm_tokenizer_set_fast_paths (LmTokenizer *tz, gboolean enabled)
{
  tz->fast_paths = enabled;
}

void
lm_tokenizer_free (LmTokenizer *tz)
{
  if (tz == NULL)
    return;
  g_hash_table_unref (tz->fold_cache);
  g_string_free (tz->word, TRUE);
  g_free (tz);
}

static void
reset_between (LmTokenizer *tz)
{
  tz->first = tz->terminator = tz->paragraph = tz->nl_seen = FALSE;
  tz->line_blank = FALSE;
  tz->sep_chars = tz->hyphens = 0;
}

static void
end_word (LmTokenizer *tz)
{
  if (!tz->in_word)
    return;
  tz->in_word = FALSE;
  tz->apos_pending = FALSE;
  if (!tz->has_letter)
    {
      /* A number is not a word; between two words it is one more
       * separator, so "1984-style" is not a hyphen join. */
      tz->sep_chars++;
      tz->line_blank = FALSE;
      return;
    }
  LmRawToken tok = {
    .start = tz->w_start,
    .end = tz->w_end,
    .line = tz->w_line,
    .col = tz->w_col,
    .flags = 0,
    .folded = tz->word->str,
    .folded_len = tz->word->len,
    .hash = lm_word_hash (tz->word->str, tz->word->len),
  };
  if (tz->first || tz->terminator || tz->paragraph)
    tok.flags |= LM_TOKEN_SENTENCE_START;
  if (tz->paragraph)
    tok.flags |= LM_TOKEN_PARAGRAPH_START;
  if (tz->sep_chars == 1 && tz->hyphens == 1)
    tok.flags |= LM_TOKEN_HYPHEN_BEFORE;
  if (tz->truncated)
    tok.flags |= LM_TOKEN_TRUNCATED;
  reset_between (tz);
  tz->n_tokens++;
  if (!tz->func (&tok, tz->user_data))
    tz->stopped = TRUE;
}

static void
separator (LmTokenizer *tz, gunichar c)
{
  tz->sep_chars++;
  if (c == '\n')
    {
      if (tz->nl_seen && tz->line_blank)
        tz->paragraph = TRUE;
      tz->nl_seen = TRUE;
      tz->line_blank = TRUE;
      return;
    }
  /* g_unichar_isspace() for ASCII is exactly these four and the space. */
  if (c < 0x80 ? (c == ' ' || c == '\t' || c == '\r' || c == '\f') : g_unichar_isspace (c))
    return;
  tz->line_blank = FALSE;
  if (c == '.' || c == '!' || c == '?')
    tz->terminator = TRUE;
  else if (c == '-' || c == 0x2010)
    tz->hyphens++;
}

static void
append_char (LmTokenizer *tz, gunichar c)
{
  /* Cut at a character boundary: keep the character only if it fits. */
  gsize width = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  if (tz->truncated || tz->word->len + width > LM_TOKENIZER_MAX_WORD)
    {
      tz->truncated = TRUE;
      return;
    }
  if (c < 0x80)
    g_string_append_c (tz->word, (char) c);
  else
    g_string_append_unichar (tz->word, c);
}

/* One folded character @c coming from the unit [ustart, uend). */
static void
feed (LmTokenizer *tz, gunichar c, gsize ustart, gsize uend, guint line,
      guint col)
{
  LmCharClass cls = lm_char_class (c);

  if (tz->apos_pending)
    {
      tz->apos_pending = FALSE;
      if (cls == LM_CHAR_LETTER)
        append_char (tz, '\'');
      else
        {
          end_word (tz);
          separator (tz, '\'');
        }
    }

  switch (cls)
    {
    case LM_CHAR_LETTER:
    case LM_CHAR_WORD_OTHER:
      if (!tz->in_word)
        {
          tz->in_word = TRUE;
          tz->has_letter = tz->truncated = FALSE;
          tz->w_start = ustart;
          tz->w_line = line;
          tz->w_col = col;
          g_string_truncate (tz->word, 0);
        }
      append_char (tz, c);
      tz->has_letter |= (cls == LM_CHAR_LETTER);
      tz->last_letter = (cls == LM_CHAR_LETTER);
      tz->w_end = uend;
      tz->line_blank = FALSE;
      break;
    case LM_CHAR_APOSTROPHE:
      if (tz->in_word && tz->last_letter)
        tz->apos_pending = TRUE;
      else
        {
          end_word (tz);
          separator (tz, c);
        }
      break;
    case LM_CHAR_SEPARATOR:
    default:
      end_word (tz);
      separator (tz, c);
      break;
    }
}

/* 1: ASCII letter, 2: ASCII digit, 0: anything else. */
static const guint8 ascii_alnum[256] = {
  ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2, ['5'] = 2, ['6'] = 2, ['7'] = 2,
  ['8'] = 2, ['9'] = 2,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1,
};

/* ASCII lower-casing; other bytes unchanged. */
static const guint8 ascii_lower[256] = {
#define R(i) [i] = (guint8) ((i) >= 'A' && (i) <= 'Z' ? (i) + 32 : (i))
#define R8(i) R (i), R (i + 1), R (i + 2), R (i + 3), R (i + 4), R (i + 5), R (i + 6), R (i + 7)
#define R64(i) R8 (i), R8 (i + 8), R8 (i + 16), R8 (i + 24), R8 (i + 32), R8 (i + 40), R8 (i + 48), R8 (i + 56)
  R64 (0), R64 (64), R64 (128), R64 (192)
#undef R64
#undef R8
#undef R
};

/* Emits a word folded by the fast path; the same flags as end_word(). */
static void
emit_fast (LmTokenizer *tz, gsize start, gsize end, guint line, guint col,
           const char *folded, gsize len, guint32 hash)
{
  LmRawToken tok = {
    .start = start,
    .end = end,
    .line = line,
    .col = col,
    .flags = 0,
    .folded = folded,
    .folded_len = len,
    .hash = hash,
  };
  if (tz->first || tz->terminator || tz->paragraph)
    tok.flags |= LM_TOKEN_SENTENCE_START;
  if (tz->paragraph)
    tok.flags |= LM_TOKEN_PARAGRAPH_START;
  if (tz->sep_chars == 1 && tz->hyphens == 1)
    tok.flags |= LM_TOKEN_HYPHEN_BEFORE;
  reset_between (tz);
  tz->n_tokens++;
  if (!tz->func (&tok, tz->user_data))
    tz->stopped = TRUE;
}

static const char *
fold_cached (LmTokenizer *tz, gunichar cp, const char *unit, gsize unit_len)
{
  char *folded = g_hash_table_lookup (tz->fold_cache, GUINT_TO_POINTER (cp));
  if (folded == NULL)
    {
      folded = lm_fold (unit, (gssize) unit_len);
      if (folded == NULL) /* cannot happen on validated text */
        folded = g_strdup ("");
      g_hash_table_insert (tz->fold_cache, GUINT_TO_POINTER (cp), folded);
    }
  return folded;
}

guint64
lm_tokenizer_run (LmTokenizer *tz, const char *data, gsize len,
                  LmTokenFunc func, gpointer user_data)
{
  tz->func = func;
  tz->user_data = user_data;
  tz->stopped = FALSE;
  tz->n_tokens = 0;
  tz->in_word = tz->apos_pending = FALSE;
  reset_between (tz);
  tz->first = TRUE;

  const char *end = data + len;
  const char *p = data;
  guint line = 1, col = 1;

  while (p < end && !tz->stopped)
    {
      guchar b = (guchar) *p;
      gsize off = (gsize) (p - data);
      /* Fastest path: a whole run of ASCII letters and digits, starting a
       * word, followed by plain ASCII that cannot join it (no apostrophe,
       * no non-ASCII byte that could be a combining mark or a letter). */
      gboolean fast = tz->fast_paths && !tz->in_word && !tz->apos_pending;
      if (fast && ascii_alnum[b])
        {
          const char *q = p;
          guint32 h = 2166136261u;
          guint kinds = 0; /* 1: a letter seen, 2: a digit seen */
          char *w = tz->fast;
          while (q < end && q - p < LM_TOKENIZER_MAX_WORD)
            {
              guchar c = (guchar) *q, k = ascii_alnum[c];
              if (!k)
                break;
              kinds |= k;
              c = ascii_lower[c];
              w[q - p] = (char) c;
              h = (h ^ c) * 16777619u;
              q++;
            }
          if (q == end || ((guchar) *q < 0x80 && *q != '\'' && !ascii_alnum[(guchar) *q]))
            {
              gsize n = (gsize) (q - p);
              if (kinds & 1)
                {
                  w[n] = '\0';
                  emit_fast (tz, off, off + n, line, col, w, n, h);
                }
              else
                {
                  /* a number: one more separator between two words */
                  tz->sep_chars++;
                  tz->line_blank = FALSE;
                }
              col += (guint) n;
              p = q;
              continue;
            }
          /* else: the run goes on in a way only the full rules can tell */
        }
      /* A single space between words, the commonest byte of prose. */
      if (fast && b == ' ' && (p + 1 == end || (guchar) p[1] < 0x80))
        {
          tz->sep_chars++;
          col++;
          p++;
          continue;
        }
      /* An ASCII separator between words: straight to separator(). */
      if (fast && b < 0x80 && !ascii_alnum[b] && b != '\'' && (p + 1 == end || (guchar) p[1] < 0x80))
        {
          separator (tz, b);
          if (b == '\n')
            {
              line++;
              col = 1;
            }
          else
            col++;
          p++;
          continue;
        }
      /* ASCII fast path: no normalisation can touch a lone ASCII byte
       * unless a combining mark follows it. */
      if (b < 0x80 && (p + 1 == end || (guchar) p[1] < 0x80))
        {
          gunichar c = (b >= 'A' && b <= 'Z') ? (gunichar) (b | 0x20) : b;
          feed (tz, c, off, off + 1, line, col);
          if (b == '\n')
            {
              line++;
              col = 1;
            }
          else
            col++;
          p++;
          continue;
        }

      gunichar cp = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      guint n_cp = 1;
      while (next < end && g_unichar_combining_class (g_utf8_get_char (next)) != 0)
        {
          next = g_utf8_next_char (next);
          n_cp++;
        }
      gsize uend = (gsize) (next - data);

      if (n_cp == 1 && cp < 0x80)
        {
          gunichar c = (cp >= 'A' && cp <= 'Z') ? cp | 0x20 : cp;
          feed (tz, c, off, uend, line, col);
        }
      else
        {
          g_autofree char *multi = NULL;
          const char *folded;
          if (n_cp == 1)
            folded = fold_cached (tz, cp, p, (gsize) (next - p));
          else
            folded = multi = lm_fold (p, next - p);
          for (const char *f = folded; f && *f && !tz->stopped; f = g_utf8_next_char (f))
            feed (tz, g_utf8_get_char (f), off, uend, line, col);
        }
      if (cp == '\n')
        {
          line++;
          col = n_cp;
        }
      else
        col += n_cp;
      p = next;
    }

  if (!tz->stopped)
    {
      tz->apos_pending = FALSE; /* a final apostrophe is outside the word */
      end_word (tz);
    }
  return tz->n_tokens;
}
