/* stance-rules.h - LmStanceRules: the cues of the genre-stance rules, read
 * from a data file (lexicons/stance.ini) in the manner of NegEx / ConText:
 * trigger terms with a direction and a scope, pseudo-triggers that hold a
 * trigger but are none ("not only"), and terminators that end a clause.
 *
 * The rules and their order stay a table in code (genre.c); each asks for
 * its cues by the ids below, whose names are the file's group names:
 * [trigger NAME] (words=, direction=before|after|either,
 * scope=clause|sentence|N, pseudo=) or [list NAME] (words=), and one
 * [terminators] group (words=, after_comma=).  A file that lacks a group the
 * rules need, or holds one they do not know, is refused with path:line.
 *
 * Ownership: an LmStanceRules owns its words.  Thread safety: immutable
 * after loading; the default rules are loaded once, thread-safely.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* triggers */
  LM_SC_REPORTING,
  LM_SC_ENDORSEMENTS,
  LM_SC_DISPUTES,
  LM_SC_LATER_NEGATIONS,
  LM_SC_TASTE_VERBS,
  LM_SC_COMPARISONS,
  LM_SC_NEGATED_HEDGES,
  LM_SC_NEGATIONS,
  LM_SC_CONTRASTS,
  LM_SC_HEDGES,
  LM_SC_NEAR_HEDGES,
  LM_SC_BELONGS,
  /* lists */
  LM_SC_GENRE_NOUNS,
  LM_SC_PERSON_NOUNS,
  LM_SC_ADJECTIVES,
  LM_SC_GENRE_STARTS,
  LM_SC_FRAMED_ONLY,
  LM_SC_SETTING_PREPS,
  LM_SC_DETERMINERS,
  LM_SC_NOUN_LIKE,
  LM_SC_NOT_SUBJECTS,
  LM_SC_NEEDS_AS,
  LM_SC_MARKETING_VERBS,
  LM_SC_GENERIC_SOURCES,
  LM_SC_FIRST_PERSON,
  LM_SC_HYPHEN_HEDGES,
  LM_SC_COPULAS,
  LM_SC_ANSWERS_NO,
  LM_SC_ANSWERS_PARTLY,
  LM_SC_ANSWERS_YES,
  LM_SC_OBJECT_VERBS,
  LM_SC_NAME_NOISE,
  LM_SC_QUALIFIERS,
  LM_SC_TERRITORY,
  LM_SC_LABEL_NOUNS,
  LM_SC_SUBTYPES,
  LM_SC_SETTING_NOUNS,
  LM_SC_SETTING_ADJECTIVES,
  LM_SC_SETTING_GENRES,
  LM_SC_NEEDS_THAT,
  LM_SC_BOOK_SUBJECTS,
  LM_SC_OTHER_MEDIA,
  LM_SC_RELATIONSHIP,
  LM_SC_FORM_NOUNS,
  LM_SC_N
} LmStanceCueId;

#define LM_SC_N_TRIGGERS (LM_SC_BELONGS + 1)

typedef enum
{
  LM_DIRECTION_BEFORE,
  LM_DIRECTION_AFTER,
  LM_DIRECTION_EITHER,
} LmDirection;

/* scope: LM_SCOPE_CLAUSE, LM_SCOPE_SENTENCE, or a number of words (> 0) */
#define LM_SCOPE_CLAUSE (-1)
#define LM_SCOPE_SENTENCE 0

typedef struct
{
  const char *name;     /* "negations" */
  char **words;         /* %NULL-terminated */
  char **pseudo;        /* %NULL-terminated, may be empty */
  LmDirection direction;
  gint scope;
  guint line;           /* of its group in the file */
} LmStanceCues;

typedef struct _LmStanceRules LmStanceRules;

/* Returns: (transfer full) (nullable): the rules, or %NULL with
 * LM_ERROR_SYNTAX ("path:line: ...") or a G_FILE_ERROR. */
LmStanceRules *lm_stance_rules_load (const char *path, GError **error);
LmStanceRules *lm_stance_rules_new_from_data (const char *name, const char *data, gssize len,
                                              GError **error);
void lm_stance_rules_free (LmStanceRules *rules);

/* The built-in copy of lexicons/stance.ini, unless replaced. (transfer none) */
const LmStanceRules *lm_stance_rules_get_default (void);
/* Makes @rules the default (transfer full); call before any thread works. */
void lm_stance_rules_set_default (LmStanceRules *rules);

const char *lm_stance_rules_get_name (const LmStanceRules *rules);
/* (transfer none) */
const LmStanceCues *lm_stance_rules_get (const LmStanceRules *rules, LmStanceCueId id);
const char *const *lm_stance_rules_get_terminators (const LmStanceRules *rules);
const char *const *lm_stance_rules_get_comma_terminators (const LmStanceRules *rules);
/* "before", "after", "either"; "clause", "sentence" or "N words" into @buf. */
const char *lm_direction_to_string (LmDirection direction);
const char *lm_scope_to_string (gint scope, char *buf, gsize size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmStanceRules, lm_stance_rules_free)

G_END_DECLS
