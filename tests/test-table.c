/* test-table.c - LmTable: one set of cells as CSV text and as JSON rows
 * (report/table.h). */
#include <criterion/criterion.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "report/table.h"

static char *
json_of (const LmTable *t)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  lm_table_add_json (t, b);
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

Test (table, csv_and_json_agree)
{
  g_autoptr(LmTable) t = lm_table_new ("id,n,rate,ci,text");
  lm_table_text (t, "a,b");
  lm_table_count (t, 42);
  lm_table_fixed (t, 2.6704, 3);
  lm_table_number (t, NAN, 3);
  lm_table_text (t, "=SUM(A1)");
  lm_table_end_row (t);
  lm_table_text (t, "plain");
  lm_table_count (t, 0);
  lm_table_fixed (t, 0.5, 3);
  lm_table_number (t, -1.25, 2);
  lm_table_text (t, "");
  lm_table_end_row (t);
  cr_expect_eq (lm_table_n_rows (t), 2, "two rows");
  g_autofree char *json = json_of (t);
  g_autoptr(GString) csv = lm_table_steal_csv (t);
  cr_expect_str_eq (csv->str,
                    "id,n,rate,ci,text\r\n"
                    "\"a,b\",42,2.670,,\"'=SUM(A1)\"\r\n"
                    "plain,0,0.500,-1.25,\r\n",
                    "the CSV: quoted, formula-guarded, fixed decimals, empty for NaN");
  /* Compared as values: json-glib prints doubles with 17 digits. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "valid JSON: %s", json);
  JsonObject *o = json_node_get_object (json_parser_get_root (parser));
  JsonArray *cols = json_object_get_array_member (o, "columns");
  cr_expect_eq (json_array_get_length (cols), 5, "five columns");
  cr_expect_str_eq (json_array_get_string_element (cols, 4), "text", "column names from the header");
  JsonArray *rows = json_object_get_array_member (o, "rows");
  cr_assert_eq (json_array_get_length (rows), 2, "two rows: %s", json);
  JsonArray *r0 = json_array_get_array_element (rows, 0);
  cr_expect_str_eq (json_array_get_string_element (r0, 0), "a,b", "text as written");
  cr_expect_eq (json_array_get_int_element (r0, 1), 42, "a count is an integer");
  cr_expect_eq (json_node_get_value_type (json_array_get_element (r0, 1)), G_TYPE_INT64, "an integer node");
  cr_expect_eq (json_array_get_double_element (r0, 2), 2.670, "the number the CSV shows (2.670)");
  cr_expect (json_array_get_null_element (r0, 3), "NaN: null");
  cr_expect_str_eq (json_array_get_string_element (r0, 4), "=SUM(A1)", "no formula guard in JSON");
  JsonArray *r1 = json_array_get_array_element (rows, 1);
  cr_expect_eq (json_array_get_double_element (r1, 3), -1.25, "a negative statistic");
  cr_expect_str_eq (json_array_get_string_element (r1, 4), "", "an empty text cell is \"\", not null");
}

Test (table, empty)
{
  g_autoptr(LmTable) t = lm_table_new ("a,b");
  g_autofree char *json = json_of (t);
  cr_expect_str_eq (json, "{\"columns\":[\"a\",\"b\"],\"rows\":[]}", "no rows: an empty list");
  g_autoptr(GString) csv = lm_table_steal_csv (t);
  cr_expect_str_eq (csv->str, "a,b\r\n", "no rows: the header alone");
}
