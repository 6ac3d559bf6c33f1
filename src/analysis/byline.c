/* byline.c - guessing critic, outlet and title from a text's first lines
 * (see byline.h). */
#include "byline.h"

#include <string.h>

void
lm_byline_free (LmByline *b)
{
  if (b == NULL)
    return;
  g_free (b->critic);
  g_free (b->outlet);
  g_free (b->title);
  g_free (b->outlet_source);
  g_free (b);
}

static gboolean
is_name_word (const char *w)
{
  static const char *const particles[] = { "de", "van", "von", "la", "le", "du", "da", NULL };
  gunichar c = g_utf8_get_char (w);
  return g_unichar_isupper (c) || g_strv_contains (particles, w);
}

/* NAME of "By NAME": one to six name words, the first capitalised. */
static char *
parse_name (const char *s)
{
  g_auto(GStrv) words = g_strsplit_set (s, " \t", -1);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  guint n = 0;
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!is_name_word (words[i]) || (n == 0 && !g_unichar_isupper (g_utf8_get_char (words[i]))))
        return NULL;
      g_strv_builder_add (b, words[i]);
      n++;
    }
  if (n == 0 || n > 6)
    return NULL;
  g_auto(GStrv) kept = g_strv_builder_end (b);
  return g_strjoinv (" ", kept);
}

/* "_Pall Mall Gazette_, May 2, 1887." -> "Pall Mall Gazette" */
static char *
clean_outlet (const char *s)
{
  const char *comma = strchr (s, ',');
  g_autofree char *head = comma ? g_strndup (s, (gsize) (comma - s)) : g_strdup (s);
  GString *out = g_string_new (NULL);
  for (const char *p = head; *p; p++)
    if (*p != '_' && *p != '*')
      g_string_append_c (out, *p);
  g_strstrip (out->str);
  gsize n = strlen (out->str);
  while (n > 0 && out->str[n - 1] == '.')
    out->str[--n] = '\0';
  if (n == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
set_outlet (LmByline *b, const char *value, const char *line, guint lineno)
{
  if (b->outlet)
    return;
  b->outlet = clean_outlet (value);
  if (b->outlet)
    {
      b->outlet_line = lineno;
      b->outlet_source = g_strdup (line);
    }
}

static void
try_byline (LmByline *b, const char *line, guint lineno)
{
  if (b->critic || g_ascii_strncasecmp (line, "by ", 3) != 0)
    return;
  const char *rest = line + 3;
  static const char *const seps[] = { " | ", " - ", " — ", ", ", " for ", NULL };
  const char *cut = NULL;
  const char *after = NULL;
  for (guint i = 0; seps[i]; i++)
    {
      const char *at = strstr (rest, seps[i]);
      if (at && (cut == NULL || at < cut))
        {
          cut = at;
          after = at + strlen (seps[i]);
        }
    }
  g_autofree char *name_part = cut ? g_strndup (rest, (gsize) (cut - rest)) : g_strdup (rest);
  g_autofree char *name = parse_name (g_strstrip (name_part));
  if (name == NULL)
    return;
  b->critic = g_steal_pointer (&name);
  b->critic_line = lineno;
  if (after && *after)
    set_outlet (b, after, line, lineno);
}

static void
try_outlet (LmByline *b, const char *line, guint lineno)
{
  static const char *const prefixes[] = { "published in ", "source: ", "outlet: ", NULL };
  for (guint i = 0; prefixes[i]; i++)
    if (g_ascii_strncasecmp (line, prefixes[i], strlen (prefixes[i])) == 0)
      {
        set_outlet (b, line + strlen (prefixes[i]), line, lineno);
        return;
      }
  gsize n = strlen (line);
  if (n > 2 && line[0] == '(' && line[n - 1] == ')')
    {
      g_autofree char *inner = g_strndup (line + 1, n - 2);
      set_outlet (b, inner, line, lineno);
    }
}

static void
try_title (LmByline *b, const char *line, guint lineno)
{
  gsize n = strlen (line);
  if (n == 0 || strchr (".,;:", line[n - 1]) || g_ascii_strncasecmp (line, "by ", 3) == 0
      || line[0] == '(')
    return;
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
  guint count = 0;
  for (guint i = 0; words[i]; i++)
    count += *words[i] != '\0';
  if (count == 0 || count > 12)
    return;
  b->title = g_strdup (line);
  b->title_line = lineno;
}

LmByline *
lm_byline_guess (const char *text, gsize len)
{
  LmByline *b = g_new0 (LmByline, 1);
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) MIN (len, (gsize) 64 * 1024));
  const char *p = valid;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  guint lineno = 0, seen = 0;
  while (*p && seen < LM_BYLINE_MAX_LINES)
    {
      const char *end = strchr (p, '\n');
      gsize n = end ? (gsize) (end - p) : strlen (p);
      lineno++;
      g_autofree char *line = g_strndup (p, n);
      g_strstrip (line);
      p += n + (end != NULL);
      if (*line == '\0')
        continue;
      seen++;
      if (strlen (line) > 160)
        continue;
      try_byline (b, line, lineno);
      try_outlet (b, line, lineno);
      /* A heading is the first line, unless it was a byline or an outlet. */
      if (seen == 1 && b->critic_line != lineno && b->outlet_line != lineno)
        try_title (b, line, lineno);
    }
  return b;
}
