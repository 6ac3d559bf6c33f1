/* table.c - one report table as CSV text and JSON rows (see table.h). */
#include "table.h"

#include <math.h>

#include "format.h"

struct _LmTable
{
  GString *csv;
  GStrv columns;
  JsonArray *rows;
  JsonArray *row;  /* the row being filled, or NULL */
  guint cell;      /* cells in the current row */
};

LmTable *
lm_table_new (const char *header)
{
  LmTable *t = g_new0 (LmTable, 1);
  t->csv = g_string_new (header);
  g_string_append (t->csv, "\r\n");
  t->columns = g_strsplit (header, ",", -1);
  t->rows = json_array_new ();
  return t;
}

void
lm_table_free (LmTable *t)
{
  if (t == NULL)
    return;
  if (t->csv)
    g_string_free (t->csv, TRUE);
  g_strfreev (t->columns);
  json_array_unref (t->rows);
  if (t->row)
    json_array_unref (t->row);
  g_free (t);
}

/* Starts the cell: a separator in the CSV, the row in JSON. */
static JsonArray *
next_cell (LmTable *t)
{
  if (t->row == NULL)
    t->row = json_array_new ();
  else
    g_string_append_c (t->csv, ',');
  t->cell++;
  return t->row;
}

void
lm_table_text (LmTable *t, const char *text)
{
  JsonArray *row = next_cell (t);
  lm_append_csv_field (t->csv, text);
  json_array_add_string_element (row, text);
}

void
lm_table_count (LmTable *t, guint64 n)
{
  JsonArray *row = next_cell (t);
  g_string_append_printf (t->csv, "%" G_GUINT64_FORMAT, n);
  json_array_add_int_element (row, (gint64) n);
}

/* The number as the CSV shows it, read back. */
static void
add_number (JsonArray *row, const GString *csv, gsize from, double value)
{
  if (!isfinite (value) || csv->len == from)
    {
      json_array_add_null_element (row);
      return;
    }
  json_array_add_double_element (row, g_ascii_strtod (csv->str + from, NULL));
}

void
lm_table_number (LmTable *t, double value, guint decimals)
{
  JsonArray *row = next_cell (t);
  gsize from = t->csv->len;
  lm_append_fixed_or_empty (t->csv, value, decimals);
  add_number (row, t->csv, from, value);
}

void
lm_table_fixed (LmTable *t, double value, guint decimals)
{
  JsonArray *row = next_cell (t);
  gsize from = t->csv->len;
  lm_append_fixed (t->csv, value, decimals);
  add_number (row, t->csv, from, value);
}

void
lm_table_end_row (LmTable *t)
{
  g_string_append (t->csv, "\r\n");
  /* A writer that fills a row short of the header is a bug of leitmotif's,
   * not of the input. */
  g_warn_if_fail (t->cell == g_strv_length (t->columns));
  json_array_add_array_element (t->rows, t->row ? t->row : json_array_new ());
  t->row = NULL;
  t->cell = 0;
}

guint
lm_table_n_rows (const LmTable *t)
{
  return json_array_get_length (t->rows);
}

GString *
lm_table_steal_csv (LmTable *t)
{
  GString *csv = t->csv;
  t->csv = g_string_new (NULL);
  return csv;
}

void
lm_table_add_json (const LmTable *t, JsonBuilder *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; t->columns[i]; i++)
    json_builder_add_string_value (b, t->columns[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  JsonNode *rows = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (rows, t->rows);
  json_builder_add_value (b, rows);
  json_builder_end_object (b);
}
