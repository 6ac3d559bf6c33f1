/* form-counts.h - counting surface forms: a GHashTable from a form (char*,
 * owned) to its count (guint64*, owned), and the order reports list them in.
 *
 * Thread safety: none; one owner at a time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns: (transfer full): an empty table. */
GHashTable *lm_form_counts_new (void);
/* Adds one occurrence of @form (copied). */
void lm_form_counts_add (GHashTable *counts, const char *form);
/* The count of @form; 0 if absent or @counts is NULL. */
guint64 lm_form_counts_get (GHashTable *counts, const char *form);
/* @counts: (nullable).
 * Returns: (transfer container): the forms by count descending then form
 * (byte order), borrowed from @counts. */
GPtrArray *lm_form_counts_sorted (GHashTable *counts);

G_END_DECLS
