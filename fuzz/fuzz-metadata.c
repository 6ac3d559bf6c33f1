/* fuzz-metadata.c - the metadata CSV parser (metadata.h).
 *
 * Parsing must succeed or fail with a GError; a table that loads has rows
 * as wide as its header, and every row's own file finds a row.
 */
#include <string.h>

#include "batch/metadata.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmMetadata) md = lm_metadata_new_from_data ("<fuzz>.csv", (const char *) data,
                                                        size, &error);
  if ((md == NULL) == (error == NULL))
    lm_fuzz_fail ("metadata: result and error disagree");
  if (md == NULL)
    return 0;

  guint n_columns = lm_metadata_get_columns (md)->len;
  static const char *keys[] = {
    "a.txt", "essays/a.txt", "essays/sub/a.txt", "/abs/a.txt", "", ".", "a//b",
    "../a.txt", "x/y/z.md",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const GPtrArray *row = lm_metadata_lookup (md, keys[i]);
      if (row != NULL && row->len != n_columns)
        lm_fuzz_fail ("row width differs from the header");
    }
  /* Keys made of the input's own lines. */
  g_autofree char *copy = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = g_strsplit_set (copy, ",\n", 16);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_utf8_validate (lines[i], -1, NULL))
        continue;
      const GPtrArray *row = lm_metadata_lookup (md, lines[i]);
      if (row != NULL && row->len != n_columns)
        lm_fuzz_fail ("row width differs from the header");
    }
  return 0;
}
