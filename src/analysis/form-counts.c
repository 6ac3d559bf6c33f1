/* form-counts.c - surface form counters. */
#include "form-counts.h"

#include <string.h>

GHashTable *
lm_form_counts_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
lm_form_counts_add (GHashTable *counts, const char *form)
{
  guint64 *n = g_hash_table_lookup (counts, form);
  if (n == NULL)
    {
      n = g_new0 (guint64, 1);
      g_hash_table_insert (counts, g_strdup (form), n);
    }
  (*n)++;
}

guint64
lm_form_counts_get (GHashTable *counts, const char *form)
{
  guint64 *n = counts ? g_hash_table_lookup (counts, form) : NULL;
  return n ? *n : 0;
}

static int
cmp_forms (gconstpointer a, gconstpointer b, gpointer data)
{
  GHashTable *t = data;
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  guint64 nx = *(guint64 *) g_hash_table_lookup (t, x);
  guint64 ny = *(guint64 *) g_hash_table_lookup (t, y);
  if (nx != ny)
    return nx > ny ? -1 : 1;
  return strcmp (x, y);
}

GPtrArray *
lm_form_counts_sorted (GHashTable *counts)
{
  GPtrArray *out = g_ptr_array_new ();
  if (counts == NULL)
    return out;
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_ptr_array_add (out, key);
  g_ptr_array_sort_with_data (out, cmp_forms, counts);
  return out;
}
