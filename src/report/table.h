/* table.h - LmTable: one table of a report, written both as a CSV file and
 * as a member of report.json.
 *
 * The writers of motifs.csv, genres.csv, emphasis.csv, keyness.csv,
 * similarity.csv, dispersion.csv, cooccurrence.csv, passages.csv and
 * kwic.csv fill an LmTable cell by cell; the same cells become the CSV text
 * (format.h: RFC 4180, formula-safe, locale-independent numbers) and the
 * JSON table {"columns": [...], "rows": [[...], ...]}, so report.json carries
 * every value the CSV files have, by construction.  In JSON a text cell is a
 * string (as written, without the CSV's formula guard), a count an integer,
 * a statistic the number the CSV shows (parsed back from its text, so
 * "2.670" is 2.67), and an undefined statistic (an empty CSV cell) null.
 *
 * Ownership: the table owns its cells; lm_table_steal_csv() hands the CSV
 * text over.  Thread safety: one table, one thread.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _LmTable LmTable;

/* @header: the CSV header row's column names, comma-separated
 * ("text_id,critic,voice"). (transfer full) */
LmTable *lm_table_new (const char *header);
void lm_table_free (LmTable *table);

/* One cell each, in the order of the header. */
void lm_table_text (LmTable *table, const char *text);
void lm_table_count (LmTable *table, guint64 n);
/* @value with @decimals digits; NaN or infinite: an empty cell (null). */
void lm_table_number (LmTable *table, double value, guint decimals);
/* The same, but a non-finite @value is printed as g_ascii_formatd does
 * (the rate of motifs.csv always was); JSON null. */
void lm_table_fixed (LmTable *table, double value, guint decimals);
void lm_table_end_row (LmTable *table);

guint lm_table_n_rows (const LmTable *table);
/* (transfer full): the CSV text; the table keeps its JSON rows. */
GString *lm_table_steal_csv (LmTable *table);
/* Adds {"columns": [...], "rows": [...]} as the next value of @builder. */
void lm_table_add_json (const LmTable *table, JsonBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmTable, lm_table_free)

G_END_DECLS
