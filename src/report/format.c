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

/* Wholly a decimal number: [+-]digits[.digits][(e|E)[+-]digits]. */
static gboolean
is_number (const char *s)
{
  const char *p = s;
  if (*p == '+' || *p == '-')
    p++;
  const char *digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  if (p == digits || (p == digits + 1 && *digits == '.'))
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
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
  gboolean formula = field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL
                     && !is_number (field);
  if (!formula && strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
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
      guchar c = (guchar) *p;
      if (c < 0x20 || c == 0x7f)
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("|\\[]<>&`*_~", c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, (char) c);
    }
}

#define SAFE_NAME_MAX 64

char *
lm_safe_file_name (const char *name)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;
  for (const char *p = name ? name : ""; *p && out->len < SAFE_NAME_MAX; p++)
    {
      guchar c = (guchar) *p;
      if (g_ascii_isalnum (c) || c == '-' || c == '_')
        {
          if (dash && out->len > 0 && out->str[out->len - 1] != '-')
            g_string_append_c (out, '-');
          dash = FALSE;
          g_string_append_c (out, (char) g_ascii_tolower (c));
        }
      else
        dash = TRUE;
    }
  if (out->len > SAFE_NAME_MAX)
    g_string_truncate (out, SAFE_NAME_MAX);
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  gsize lead = 0;
  while (lead < out->len && out->str[lead] == '-')
    lead++;
  g_string_erase (out, 0, (gssize) lead);
  if (out->len == 0)
    g_string_assign (out, "unnamed");
  return g_string_free (out, FALSE);
}

/* A plain file name: not empty, ".", "..", no separator, no control character. */
static gboolean
plain_file_name (const char *name)
{
  if (name[0] == '\0' || g_str_equal (name, ".") || g_str_equal (name, ".."))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (*p == '/' || *p == '\\' || (guchar) *p < 0x20 || (guchar) *p == 0x7f)
      return FALSE;
  return TRUE;
}

gboolean
lm_write_atomic (const char *dir, const char *name, const GString *contents,
                 GError **error)
{
  if (!plain_file_name (name))
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

void
lm_csv_text (GString *out, const char *text)
{
  lm_append_csv_field (out, text);
  g_string_append_c (out, ',');
}

void
lm_csv_count (GString *out, guint64 n)
{
  g_string_append_printf (out, "%" G_GUINT64_FORMAT ",", n);
}

void
lm_csv_number (GString *out, double value, guint decimals)
{
  lm_append_fixed_or_empty (out, value, decimals);
  g_string_append_c (out, ',');
}

void
lm_csv_end_row (GString *out)
{
  /* Replace the trailing comma of the last field. */
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}
