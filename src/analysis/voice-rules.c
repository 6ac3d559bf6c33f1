/* voice-rules.c - reading lexicons/voices.ini (see voice-rules.h). */
#include "voice-rules.h"

#include <gio/gio.h>
#include <stddef.h>
#include <string.h>

#include "core/keyfile.h"
#include "core/lm-error.h"
#include "lm-resources.h"

struct _LmVoiceRules
{
  char *name;
  char *sha256;
  LmVoiceSettings settings;
  GArray *cues;             /* LmCue */
  GHashTable *function_words;
};

static const char *const role_names[LM_N_CUE_ROLES] = {
  [LM_CUE_BOILERPLATE] = "boilerplate",
  [LM_CUE_POST_HEADER] = "post-header",
  [LM_CUE_POST_FOOTER] = "post-footer",
  [LM_CUE_COMMENTS_START] = "comments-start",
  [LM_CUE_CONTENT_END] = "content-end",
  [LM_CUE_THREAD] = "thread",
  [LM_CUE_QUOTE_INTRO] = "quote-intro",
  [LM_CUE_ATTRIBUTION] = "attribution",
  [LM_CUE_APPEAL] = "appeal",
};

/* [settings]: name, where, and whether it is a whole number. */
static const struct
{
  const char *key;
  gsize offset;
  gboolean whole;
} setting_keys[] = {
#define D(k) { #k, offsetof (LmVoiceSettings, k), FALSE }
#define U(k) { #k, offsetof (LmVoiceSettings, k), TRUE }
  U (short_words), U (prose_words), D (min_function_share), D (threshold),
  D (w_short), D (w_no_stop), D (w_title_case), D (w_low_function), D (w_digits),
  D (w_top), D (w_bottom), D (w_repeated), D (w_prose), D (w_after_end), D (w_alone), D (w_ends_function), D (w_sentence),
  U (top_lines), U (bottom_lines), D (thread_threshold), U (max_name_words),
  U (max_term_words),
#undef D
#undef U
};

static void
cue_clear (gpointer p)
{
  LmCue *c = p;
  g_free (c->name);
  if (c->regex)
    g_regex_unref (c->regex);
}

void
lm_voice_rules_free (LmVoiceRules *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r->sha256);
  if (r->cues)
    g_array_unref (r->cues);
  if (r->function_words)
    g_hash_table_unref (r->function_words);
  g_free (r);
}

static gboolean
syntax (GError **error, const char *name, guint line, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static gboolean
syntax (GError **error, const char *name, guint line, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, LM_ERROR, LM_ERROR_SYNTAX, "%s:%u: %s", name, line, msg);
  return FALSE;
}

static gboolean
read_settings (LmVoiceRules *r, const LmKeyFile *lkf, GError **error)
{
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  const GPtrArray *keys = lm_key_file_get_keys (lkf, "settings");
  for (guint k = 0; keys && k < keys->len; k++)
    {
      const char *key = keys->pdata[k];
      guint line = lm_key_file_get_line (lkf, "settings", key);
      guint i = 0;
      while (i < G_N_ELEMENTS (setting_keys) && !g_str_equal (setting_keys[i].key, key))
        i++;
      if (i == G_N_ELEMENTS (setting_keys))
        return syntax (error, r->name, line, "unknown setting \"%s\"", key);
      g_autofree char *v = g_key_file_get_string (kf, "settings", key, NULL);
      g_strstrip (v);
      char *end = NULL;
      double d = g_ascii_strtod (v, &end);
      if (!*v || *end || (setting_keys[i].whole && (d < 0 || d != (double) (guint) d)))
        return syntax (error, r->name, line, "setting %s: \"%s\" is not %s", key, v,
                       setting_keys[i].whole ? "a whole number" : "a number");
      gpointer at = (char *) &r->settings + setting_keys[i].offset;
      if (setting_keys[i].whole)
        *(guint *) at = (guint) d;
      else
        *(double *) at = d;
    }
  return TRUE;
}

/* A ;-separated list read raw, so that a pattern's backslashes stay as
 * written ("\\b", not "\\\\b"); "\\;" is a semicolon inside an item. */
static GStrv
raw_list (GKeyFile *kf, const char *group, const char *key)
{
  g_autofree char *v = g_key_file_get_value (kf, group, key, NULL);
  if (v == NULL)
    return NULL;
  GPtrArray *items = g_ptr_array_new ();
  GString *cur = g_string_new (NULL);
  for (const char *p = v; *p; p++)
    {
      if (p[0] == '\\' && p[1] == ';')
        {
          g_string_append_c (cur, ';');
          p++;
        }
      else if (*p == ';')
        {
          g_ptr_array_add (items, g_string_free (cur, FALSE));
          cur = g_string_new (NULL);
        }
      else
        g_string_append_c (cur, *p);
    }
  g_ptr_array_add (items, g_string_free (cur, FALSE));
  g_ptr_array_add (items, NULL);
  return (GStrv) g_ptr_array_free (items, FALSE);
}

static gboolean
read_cue (LmVoiceRules *r, const LmKeyFile *lkf, const char *group, GError **error)
{
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  guint line = lm_key_file_get_line (lkf, group, NULL);
  static const char *const allowed[] = { "role", "patterns", "max_words", "weight", "description", NULL };
  const GPtrArray *keys = lm_key_file_get_keys (lkf, group);
  for (guint k = 0; keys && k < keys->len; k++)
    if (!g_strv_contains (allowed, keys->pdata[k]))
      return syntax (error, r->name, lm_key_file_get_line (lkf, group, keys->pdata[k]),
                     "unknown key \"%s\" in [%s] (role, patterns, max_words, weight, description)",
                     (const char *) keys->pdata[k], group);
  LmCue cue = { 0 };
  g_autofree char *role = g_key_file_get_string (kf, group, "role", NULL);
  if (role == NULL)
    return syntax (error, r->name, line, "[%s] needs role=", group);
  g_strstrip (role);
  guint i = 0;
  while (i < LM_N_CUE_ROLES && !g_str_equal (role_names[i], role))
    i++;
  if (i == LM_N_CUE_ROLES)
    return syntax (error, r->name, lm_key_file_get_line (lkf, group, "role"),
                   "unknown role \"%s\" (boilerplate, post-header, post-footer, comments-start, "
                   "content-end, thread, quote-intro, attribution, appeal)", role);
  cue.role = (LmCueRole) i;
  g_auto(GStrv) patterns = raw_list (kf, group, "patterns");
  if (patterns == NULL || patterns[0] == NULL)
    return syntax (error, r->name, line, "[%s] needs patterns=", group);
  GString *all = g_string_new (NULL);
  for (guint p = 0; patterns[p]; p++)
    {
      g_strstrip (patterns[p]);
      if (!*patterns[p])
        continue;
      g_autoptr(GError) rerr = NULL;
      g_autoptr(GRegex) one = g_regex_new (patterns[p], G_REGEX_CASELESS, 0, &rerr);
      if (one == NULL)
        {
          g_string_free (all, TRUE);
          return syntax (error, r->name, lm_key_file_get_line (lkf, group, "patterns"),
                         "[%s] pattern \"%s\": %s", group, patterns[p], rerr->message);
        }
      g_string_append_printf (all, "%s(?:%s)", all->len ? "|" : "", patterns[p]);
    }
  g_autoptr(GError) rerr = NULL;
  cue.regex = g_regex_new (all->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_DUPNAMES, 0,
                           &rerr);
  g_string_free (all, TRUE);
  if (cue.regex == NULL)
    return syntax (error, r->name, lm_key_file_get_line (lkf, group, "patterns"),
                   "[%s] patterns: %s", group, rerr->message);
  if (g_key_file_has_key (kf, group, "max_words", NULL))
    {
      g_autofree char *v = g_key_file_get_string (kf, group, "max_words", NULL);
      guint64 n;
      if (!g_ascii_string_to_unsigned (g_strstrip (v), 10, 1, 10000, &n, NULL))
        {
          g_regex_unref (cue.regex);
          return syntax (error, r->name, lm_key_file_get_line (lkf, group, "max_words"),
                         "[%s] max_words \"%s\" is not a number from 1 to 10000", group, v);
        }
      cue.max_words = (guint) n;
    }
  cue.weight = 1.0;
  if (g_key_file_has_key (kf, group, "weight", NULL))
    {
      g_autofree char *v = g_key_file_get_string (kf, group, "weight", NULL);
      char *end = NULL;
      g_strstrip (v);
      cue.weight = g_ascii_strtod (v, &end);
      if (!*v || *end)
        {
          g_regex_unref (cue.regex);
          return syntax (error, r->name, lm_key_file_get_line (lkf, group, "weight"),
                         "[%s] weight \"%s\" is not a number", group, v);
        }
    }
  cue.name = g_strdup (group + strlen ("cue "));
  g_array_append_val (r->cues, cue);
  return TRUE;
}

LmVoiceRules *
lm_voice_rules_new_from_data (const char *name, const char *data, gssize len, GError **error)
{
  g_autoptr(LmKeyFile) lkf = lm_key_file_new_from_data (name, data, len, error);
  if (lkf == NULL)
    return NULL;
  g_autoptr(LmVoiceRules) r = g_new0 (LmVoiceRules, 1);
  r->name = g_strdup (name);
  r->sha256 = g_strdup (lm_key_file_get_sha256 (lkf));
  r->cues = g_array_new (FALSE, TRUE, sizeof (LmCue));
  g_array_set_clear_func (r->cues, cue_clear);
  r->function_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Defaults for a file that leaves a setting out. */
  r->settings = (LmVoiceSettings) {
    .short_words = 8, .prose_words = 12, .min_function_share = 0.2, .threshold = 1.0,
    .top_lines = 3, .bottom_lines = 3, .thread_threshold = 2.0, .max_name_words = 4,
    .max_term_words = 4,
  };
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  const GPtrArray *groups = lm_key_file_get_groups (lkf);
  for (guint g = 0; g < groups->len; g++)
    {
      const char *group = groups->pdata[g];
      guint line = lm_key_file_get_line (lkf, group, NULL);
      if (g_str_equal (group, "settings"))
        {
          if (!read_settings (r, lkf, error))
            return NULL;
        }
      else if (g_str_equal (group, "function-words"))
        {
          g_auto(GStrv) words = g_key_file_get_string_list (kf, group, "words", NULL, NULL);
          if (words == NULL)
            {
              syntax (error, name, line, "[function-words] needs words=");
              return NULL;
            }
          for (guint w = 0; words[w]; w++)
            {
              g_strstrip (words[w]);
              if (*words[w])
                g_hash_table_add (r->function_words, g_utf8_strdown (words[w], -1));
            }
        }
      else if (g_str_has_prefix (group, "cue ") && group[4])
        {
          if (!read_cue (r, lkf, group, error))
            return NULL;
        }
      else
        {
          syntax (error, name, line,
                  "unknown group [%s] (settings, function-words, cue NAME)", group);
          return NULL;
        }
    }
  return g_steal_pointer (&r);
}

LmVoiceRules *
lm_voice_rules_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return lm_voice_rules_new_from_data (path, data, (gssize) len, error);
}

static LmVoiceRules *default_rules;

const LmVoiceRules *
lm_voice_rules_get_default (void)
{
  static gsize initialized = 0;
  if (g_once_init_enter (&initialized))
    {
      if (default_rules == NULL)
        {
          /* The copy of lexicons/voices.ini compiled in (lm-resources.c):
           * a file the build checked, so failing here is a bug. */
          g_autoptr(GBytes) bytes = g_resource_lookup_data (lm_resources_get_resource (),
                                                            "/org/leitmotif/voices.ini",
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_assert (bytes != NULL);
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);
          g_autoptr(GError) error = NULL;
          default_rules = lm_voice_rules_new_from_data ("voices.ini (built in)", data,
                                                        (gssize) len, &error);
          if (default_rules == NULL)
            g_error ("the built-in voice rules do not load: %s", error->message);
        }
      g_once_init_leave (&initialized, 1);
    }
  return default_rules;
}

void
lm_voice_rules_set_default (LmVoiceRules *rules)
{
  lm_voice_rules_free (default_rules);
  default_rules = rules;
}

const char *
lm_voice_rules_get_name (const LmVoiceRules *r)
{
  return r->name;
}

const char *
lm_voice_rules_get_sha256 (const LmVoiceRules *r)
{
  return r->sha256;
}

const LmVoiceSettings *
lm_voice_rules_get_settings (const LmVoiceRules *r)
{
  return &r->settings;
}

const GArray *
lm_voice_rules_get_cues (const LmVoiceRules *r)
{
  return r->cues;
}

gboolean
lm_voice_rules_is_function_word (const LmVoiceRules *r, const char *word)
{
  return g_hash_table_contains (r->function_words, word);
}
