/* fuzz-byline.c - critic, outlet and title guessed from a text's first
 * lines (byline.h), and the id a file name gives (corpus.h).
 *
 * The input is the start of an essay (any bytes) and, as a file name, the
 * id must be lower-case ASCII letters, digits and single inner hyphens.
 */
#include <string.h>

#include "analysis/byline.h"
#include "analysis/corpus.h"
#include "fuzz.h"

static void
check_field (const char *value, guint line, guint lines, const char *what)
{
  if ((value == NULL) != (line == 0))
    lm_fuzz_fail (what);
  if (value && (*value == '\0' || line > lines || !g_utf8_validate (value, -1, NULL)
                || strchr (value, '\n')))
    lm_fuzz_fail (what);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(LmByline) b = lm_byline_guess ((const char *) data, size);
  guint lines = 1;
  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n';
  check_field (b->critic, b->critic_line, lines, "critic");
  check_field (b->outlet, b->outlet_line, lines, "outlet");
  check_field (b->title, b->title_line, lines, "title");

  g_autofree char *name = g_strndup ((const char *) data, MIN (size, 256));
  g_autofree char *id = lm_corpus_id_from_file_name (name);
  if (*id == '\0' || id[0] == '-' || id[strlen (id) - 1] == '-' || strstr (id, "--"))
    lm_fuzz_fail ("id shape");
  for (const char *c = id; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      lm_fuzz_fail ("id character");
  return 0;
}
