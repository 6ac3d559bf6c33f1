/* stance-rules.c - reading lexicons/stance.ini (see stance-rules.h). */
#include "stance-rules.h"

#include <gio/gio.h>
#include <string.h>

#include "core/keyfile.h"
#include "core/lm-error.h"
#include "lm-resources.h"

struct _LmStanceRules
{
  char *name;
  LmStanceCues cues[LM_SC_N];
  char **terminators;
  char **comma_terminators;
};

static const char *const cue_names[LM_SC_N] = {
  [LM_SC_REPORTING] = "reporting",
  [LM_SC_ENDORSEMENTS] = "endorsements",
  [LM_SC_DISPUTES] = "disputes",
  [LM_SC_LATER_NEGATIONS] = "later-negations",
  [LM_SC_TASTE_VERBS] = "taste-verbs",
  [LM_SC_COMPARISONS] = "comparisons",
  [LM_SC_NEGATED_HEDGES] = "negated-hedges",
  [LM_SC_NEGATIONS] = "negations",
  [LM_SC_CONTRASTS] = "contrasts",
  [LM_SC_HEDGES] = "hedges",
  [LM_SC_NEAR_HEDGES] = "near-hedges",
  [LM_SC_BELONGS] = "belongs",
  [LM_SC_GENRE_NOUNS] = "genre-nouns",
  [LM_SC_PERSON_NOUNS] = "person-nouns",
  [LM_SC_ADJECTIVES] = "adjectives",
  [LM_SC_GENRE_STARTS] = "genre-starts",
  [LM_SC_FRAMED_ONLY] = "framed-only",
  [LM_SC_SETTING_PREPS] = "setting-preps",
  [LM_SC_DETERMINERS] = "determiners",
  [LM_SC_NOUN_LIKE] = "noun-like",
  [LM_SC_NOT_SUBJECTS] = "not-subjects",
  [LM_SC_NEEDS_AS] = "needs-as",
  [LM_SC_MARKETING_VERBS] = "marketing-verbs",
  [LM_SC_GENERIC_SOURCES] = "generic-sources",
  [LM_SC_FIRST_PERSON] = "first-person",
  [LM_SC_HYPHEN_HEDGES] = "hyphen-hedges",
  [LM_SC_COPULAS] = "copulas",
  [LM_SC_ANSWERS_NO] = "answers-no",
  [LM_SC_ANSWERS_PARTLY] = "answers-partly",
  [LM_SC_ANSWERS_YES] = "answers-yes",
  [LM_SC_OBJECT_VERBS] = "object-verbs",
  [LM_SC_NAME_NOISE] = "name-noise",
  [LM_SC_QUALIFIERS] = "qualifiers",
  [LM_SC_TERRITORY] = "territory",
  [LM_SC_LABEL_NOUNS] = "label-nouns",
  [LM_SC_SUBTYPES] = "subtypes",
  [LM_SC_SETTING_NOUNS] = "setting-nouns",
  [LM_SC_SETTING_ADJECTIVES] = "setting-adjectives",
  [LM_SC_SETTING_GENRES] = "setting-genres",
  [LM_SC_NEEDS_THAT] = "needs-that",
  [LM_SC_BOOK_SUBJECTS] = "book-subjects",
  [LM_SC_OTHER_MEDIA] = "other-media",
  [LM_SC_RELATIONSHIP] = "relationship",
  [LM_SC_FORM_NOUNS] = "form-nouns",
};

void
lm_stance_rules_free (LmStanceRules *r)
{
  if (r == NULL)
    return;
  for (guint i = 0; i < LM_SC_N; i++)
    {
      g_strfreev (r->cues[i].words);
      g_strfreev (r->cues[i].pseudo);
    }
  g_strfreev (r->terminators);
  g_strfreev (r->comma_terminators);
  g_free (r->name);
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

/* A ;-list of words, each folded to lower case and trimmed, runs of spaces
 * as one; %NULL (with an error) when an item is empty. */
static char **
word_list (const LmKeyFile *lkf, const char *group, const char *key, gboolean required,
           GError **error)
{
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  const char *name = lm_key_file_get_name (lkf);
  g_auto(GStrv) raw = g_key_file_get_string_list (kf, group, key, NULL, NULL);
  if (raw == NULL)
    {
      if (required)
        {
          syntax (error, name, lm_key_file_get_line (lkf, group, NULL), "[%s] needs %s=", group, key);
          return NULL;
        }
      return g_new0 (char *, 1);
    }
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; raw[i]; i++)
    {
      g_autofree char *down = g_utf8_strdown (g_strstrip (raw[i]), -1);
      g_auto(GStrv) parts = g_strsplit_set (down, " \t", -1);
      GString *item = g_string_new (NULL);
      for (guint p = 0; parts[p]; p++)
        if (*parts[p])
          g_string_append_printf (item, "%s%s", item->len ? " " : "", parts[p]);
      if (item->len == 0)
        {
          g_string_free (item, TRUE);
          if (raw[i + 1] == NULL && i > 0)
            break; /* a trailing ';' */
          g_ptr_array_add (out, NULL);
          g_strfreev ((char **) g_ptr_array_free (out, FALSE));
          syntax (error, name, lm_key_file_get_line (lkf, group, key), "[%s] %s: an empty item",
                  group, key);
          return NULL;
        }
      g_ptr_array_add (out, g_string_free (item, FALSE));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
check_keys (const LmKeyFile *lkf, const char *group, const char *const *allowed, GError **error)
{
  const GPtrArray *keys = lm_key_file_get_keys (lkf, group);
  for (guint k = 0; keys && k < keys->len; k++)
    if (!g_strv_contains (allowed, keys->pdata[k]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) allowed);
        return syntax (error, lm_key_file_get_name (lkf), lm_key_file_get_line (lkf, group, keys->pdata[k]),
                       "unknown key \"%s\" in [%s] (%s)", (const char *) keys->pdata[k], group, list);
      }
  return TRUE;
}

static gboolean
read_trigger (LmStanceRules *r, const LmKeyFile *lkf, const char *group, LmStanceCues *c,
              GError **error)
{
  static const char *const allowed[] = { "words", "direction", "scope", "pseudo", "description", NULL };
  if (!check_keys (lkf, group, allowed, error))
    return FALSE;
  GKeyFile *kf = lm_key_file_get_key_file (lkf);
  g_autofree char *dir = g_key_file_get_string (kf, group, "direction", NULL);
  g_autofree char *scope = g_key_file_get_string (kf, group, "scope", NULL);
  if (dir == NULL || scope == NULL)
    return syntax (error, r->name, c->line, "[%s] needs direction= and scope=", group);
  g_strstrip (dir);
  g_strstrip (scope);
  if (g_str_equal (dir, "before"))
    c->direction = LM_DIRECTION_BEFORE;
  else if (g_str_equal (dir, "after"))
    c->direction = LM_DIRECTION_AFTER;
  else if (g_str_equal (dir, "either"))
    c->direction = LM_DIRECTION_EITHER;
  else
    return syntax (error, r->name, lm_key_file_get_line (lkf, group, "direction"),
                   "[%s] direction \"%s\" (before, after or either)", group, dir);
  guint64 n;
  if (g_str_equal (scope, "clause"))
    c->scope = LM_SCOPE_CLAUSE;
  else if (g_str_equal (scope, "sentence"))
    c->scope = LM_SCOPE_SENTENCE;
  else if (g_ascii_string_to_unsigned (scope, 10, 1, 64, &n, NULL))
    c->scope = (gint) n;
  else
    return syntax (error, r->name, lm_key_file_get_line (lkf, group, "scope"),
                   "[%s] scope \"%s\" (clause, sentence or a number of words from 1 to 64)",
                   group, scope);
  c->words = word_list (lkf, group, "words", TRUE, error);
  if (c->words == NULL)
    return FALSE;
  c->pseudo = word_list (lkf, group, "pseudo", FALSE, error);
  return c->pseudo != NULL;
}

LmStanceRules *
lm_stance_rules_new_from_data (const char *name, const char *data, gssize len, GError **error)
{
  g_autoptr(LmKeyFile) lkf = lm_key_file_new_from_data (name, data, len, error);
  if (lkf == NULL)
    return NULL;
  g_autoptr(LmStanceRules) r = g_new0 (LmStanceRules, 1);
  r->name = g_strdup (name);
  const GPtrArray *groups = lm_key_file_get_groups (lkf);
  for (guint g = 0; g < groups->len; g++)
    {
      const char *group = groups->pdata[g];
      guint line = lm_key_file_get_line (lkf, group, NULL);
      if (g_str_equal (group, "terminators"))
        {
          static const char *const allowed[] = { "words", "after_comma", NULL };
          if (!check_keys (lkf, group, allowed, error)
              || !(r->terminators = word_list (lkf, group, "words", TRUE, error))
              || !(r->comma_terminators = word_list (lkf, group, "after_comma", FALSE, error)))
            return NULL;
          continue;
        }
      gboolean trigger = g_str_has_prefix (group, "trigger ");
      if (!trigger && !g_str_has_prefix (group, "list "))
        {
          syntax (error, name, line, "unknown group [%s] (terminators, trigger NAME, list NAME)", group);
          return NULL;
        }
      const char *cue = strchr (group, ' ') + 1;
      guint id = 0;
      while (id < LM_SC_N && !g_str_equal (cue_names[id], cue))
        id++;
      if (id == LM_SC_N)
        {
          syntax (error, name, line, "[%s]: the rules know no cues named \"%s\"", group, cue);
          return NULL;
        }
      if ((id < LM_SC_N_TRIGGERS) != trigger)
        {
          syntax (error, name, line, "[%s] must be [%s %s]", group, id < LM_SC_N_TRIGGERS ? "trigger" : "list", cue);
          return NULL;
        }
      LmStanceCues *c = &r->cues[id];
      c->name = cue_names[id];
      c->line = line;
      if (trigger)
        {
          if (!read_trigger (r, lkf, group, c, error))
            return NULL;
        }
      else
        {
          static const char *const allowed[] = { "words", "description", NULL };
          if (!check_keys (lkf, group, allowed, error)
              || !(c->words = word_list (lkf, group, "words", TRUE, error)))
            return NULL;
          c->pseudo = g_new0 (char *, 1);
        }
    }
  if (r->terminators == NULL)
    {
      syntax (error, name, 1, "no [terminators] group");
      return NULL;
    }
  for (guint id = 0; id < LM_SC_N; id++)
    if (r->cues[id].words == NULL)
      {
        syntax (error, name, 1, "no [%s %s] group: the rules need it",
                id < LM_SC_N_TRIGGERS ? "trigger" : "list", cue_names[id]);
        return NULL;
      }
  return g_steal_pointer (&r);
}

LmStanceRules *
lm_stance_rules_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  return lm_stance_rules_new_from_data (path, data, (gssize) len, error);
}

static LmStanceRules *default_rules;

const LmStanceRules *
lm_stance_rules_get_default (void)
{
  static gsize initialized = 0;
  if (g_once_init_enter (&initialized))
    {
      if (default_rules == NULL)
        {
          /* The copy of lexicons/stance.ini compiled in: a file the build
           * and the tests check, so failing here is a bug. */
          g_autoptr(GBytes) bytes = g_resource_lookup_data (lm_resources_get_resource (),
                                                            "/org/leitmotif/stance.ini",
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_assert (bytes != NULL);
          gsize len;
          const char *data = g_bytes_get_data (bytes, &len);
          g_autoptr(GError) error = NULL;
          default_rules = lm_stance_rules_new_from_data ("stance.ini (built in)", data,
                                                         (gssize) len, &error);
          if (default_rules == NULL)
            g_error ("the built-in stance rules do not load: %s", error->message);
        }
      g_once_init_leave (&initialized, 1);
    }
  return default_rules;
}

void
lm_stance_rules_set_default (LmStanceRules *rules)
{
  lm_stance_rules_free (default_rules);
  default_rules = rules;
}

const char *
lm_stance_rules_get_name (const LmStanceRules *r)
{
  return r->name;
}

const LmStanceCues *
lm_stance_rules_get (const LmStanceRules *r, LmStanceCueId id)
{
  return &r->cues[id];
}

const char *const *
lm_stance_rules_get_terminators (const LmStanceRules *r)
{
  return (const char *const *) r->terminators;
}

const char *const *
lm_stance_rules_get_comma_terminators (const LmStanceRules *r)
{
  return (const char *const *) r->comma_terminators;
}

const char *
lm_direction_to_string (LmDirection d)
{
  return d == LM_DIRECTION_BEFORE ? "before" : d == LM_DIRECTION_AFTER ? "after" : "either";
}

const char *
lm_scope_to_string (gint scope, char *buf, gsize size)
{
  if (scope == LM_SCOPE_CLAUSE)
    g_strlcpy (buf, "clause", size);
  else if (scope == LM_SCOPE_SENTENCE)
    g_strlcpy (buf, "sentence", size);
  else
    g_snprintf (buf, size, "%d words", scope);
  return buf;
}
