/* fuzz-text-tokenizer.c - the UTF-8 reader (text.h) and the tokenizer.
 *
 * The input is read strictly (which must succeed or fail with a GError) and
 * leniently (which must always succeed), then tokenized with and without
 * the fast paths.  Invariants checked: both runs give the same tokens; every
 * token lies inside the text, in order (two tokens may share the bytes of a
 * character that NFKC splits, U+2100 "a/c"), with a folded form of at most
 * LM_TOKENIZER_MAX_WORD bytes; line and column agree with lm_text_position().
 */
#include <string.h>

#include "core/text.h"
#include "core/tokenizer.h"
#include "fuzz.h"

typedef struct
{
  GArray *tokens; /* LmRawToken, folded set to NULL */
  GString *folded;
  gsize len;
} Collect;

static gboolean
collect (const LmRawToken *token, gpointer user_data)
{
  Collect *c = user_data;
  if (token->start >= token->end || token->end > c->len)
    lm_fuzz_fail ("token outside the text");
  if (token->folded_len > LM_TOKENIZER_MAX_WORD)
    lm_fuzz_fail ("folded word longer than LM_TOKENIZER_MAX_WORD");
  if (token->folded[token->folded_len] != '\0')
    lm_fuzz_fail ("folded word not NUL-terminated");
  if (token->hash != lm_word_hash (token->folded, token->folded_len))
    lm_fuzz_fail ("token hash");
  if (c->tokens->len > 0)
    {
      const LmRawToken *prev = &g_array_index (c->tokens, LmRawToken,
                                               c->tokens->len - 1);
      /* Not start >= prev->end: a character that NFKC splits into two
       * words ("\u2100" -> "a/c") gives both words its bytes. */
      if (token->start < prev->start || token->end < prev->end)
        lm_fuzz_fail ("tokens out of order");
    }
  LmRawToken copy = *token;
  copy.folded = NULL;
  g_array_append_val (c->tokens, copy);
  g_string_append_len (c->folded, token->folded, (gssize) token->folded_len);
  g_string_append_c (c->folded, '\n');
  return TRUE;
}

static void
tokenize (LmTokenizer *tokenizer, gboolean fast, const char *data, gsize len,
          Collect *c)
{
  c->tokens = g_array_new (FALSE, FALSE, sizeof (LmRawToken));
  c->folded = g_string_new (NULL);
  c->len = len;
  lm_tokenizer_set_fast_paths (tokenizer, fast);
  guint64 n = lm_tokenizer_run (tokenizer, data, len, collect, c);
  if (n != c->tokens->len)
    lm_fuzz_fail ("word count");
}

static void
collect_clear (Collect *c)
{
  g_array_unref (c->tokens);
  g_string_free (c->folded, TRUE);
}

static void
check_text (LmText *text, LmTokenizer *tokenizer)
{
  gsize len = 0;
  const char *data = lm_text_get_data (text, &len);
  if (!g_utf8_validate_len (data, len, NULL))
    lm_fuzz_fail ("LmText data is not valid UTF-8");
  if (memchr (data, '\0', len) != NULL)
    lm_fuzz_fail ("LmText data holds a NUL byte");

  Collect fast, slow;
  tokenize (tokenizer, TRUE, data, len, &fast);
  tokenize (tokenizer, FALSE, data, len, &slow);
  if (fast.tokens->len != slow.tokens->len
      || fast.tokens->len * sizeof (LmRawToken) != slow.tokens->len * sizeof (LmRawToken)
      || !g_string_equal (fast.folded, slow.folded))
    lm_fuzz_fail ("fast paths change the words");
  for (guint i = 0; i < fast.tokens->len; i++)
    {
      const LmRawToken *a = &g_array_index (fast.tokens, LmRawToken, i);
      const LmRawToken *b = &g_array_index (slow.tokens, LmRawToken, i);
      if (a->start != b->start || a->end != b->end || a->line != b->line
          || a->col != b->col || a->flags != b->flags)
        lm_fuzz_fail ("fast paths change a token");
      guint line, col;
      lm_text_position (text, a->start, &line, &col);
      if (line != a->line || col != a->col)
        lm_fuzz_fail ("token line:col differs from lm_text_position()");
    }

  guint n_lines = lm_text_get_n_lines (text);
  for (guint l = 1; l <= n_lines && l <= 64; l++)
    {
      gsize start, end;
      if (!lm_text_line_bounds (text, l, &start, &end) || start > end || end > len)
        lm_fuzz_fail ("line bounds");
    }
  gsize start, end;
  if (lm_text_line_bounds (text, n_lines + 1, &start, &end))
    lm_fuzz_fail ("line bounds past the last line");
  collect_clear (&fast);
  collect_clear (&slow);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static LmTokenizer *tokenizer;
  if (tokenizer == NULL)
    tokenizer = lm_tokenizer_new ();

  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) strict = lm_text_new_from_data ("<fuzz>", (const char *) data,
                                                    (gssize) size, LM_TEXT_NONE,
                                                    &error);
  if ((strict == NULL) == (error == NULL))
    lm_fuzz_fail ("strict read: result and error disagree");
  if (strict != NULL)
    {
      if (lm_text_get_replacements (strict) != 0)
        lm_fuzz_fail ("strict read replaced bytes");
      check_text (strict, tokenizer);
    }

  g_autoptr(GError) lenient_error = NULL;
  g_autoptr(LmText) lenient = lm_text_new_from_data ("<fuzz>", (const char *) data,
                                                     (gssize) size, LM_TEXT_LENIENT,
                                                     &lenient_error);
  if (lenient == NULL)
    lm_fuzz_fail ("lenient read failed");
  if ((strict != NULL) != (lm_text_get_replacements (lenient) == 0))
    lm_fuzz_fail ("lenient replacements disagree with strict validation");
  check_text (lenient, tokenizer);
  return 0;
}
