/* format.c - number formatting, escaping and atomic writes. */
#include "format.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/lm-error.h"

void
lm_append_fixed (GString *out, double value, guint decimals)
{
  char fmt[8], buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_snprintf (fmt, sizeof fmt, "%%.%uf", decimals);
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  g_string_append (out, buf);
}

void
lm_append_fixed_or_empty (GString *out, double value, guint decimals)
{
  if (isfinite (value))
    lm_append_fixed (out, value, decimals);
}

void
lm_append_html (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      default: g_string_append_c (out, *p);
      }
}

void
lm_append_csv_field (GString *out, const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
lm_append_md_cell (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, (*p == '\n' || *p == '\r') ? ' ' : *p);
    }
}

gboolean
lm_write_atomic (const char *dir, const char *name, const GString *contents,
                 GError **error)
{
  if (strchr (name, '/') || g_str_equal (name, "..") || g_str_equal (name, "."))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_IO,
                   "refusing to write \"%s\": not a plain file name", name);
      return FALSE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int err = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err),
                   "%s: cannot create folder: %s", dir, g_strerror (err));
      return FALSE;
    }
  g_autofree char *path = g_build_filename (dir, name, NULL);
  return g_file_set_contents (path, contents->str, (gssize) contents->len, error);
}
