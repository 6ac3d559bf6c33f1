/* voice-rules.h - LmVoiceRules: the cues, weights and thresholds by which
 * the segmenter tells a page's voices apart, read from a data file
 * (lexicons/voices.ini) that a linguist edits without reading C.
 *
 * The file (GKeyFile syntax, read by LmKeyFile so errors name path:line):
 *
 *   [settings]          numbers: the line features' weights and thresholds
 *                       (every key is listed, with its meaning, in the
 *                       default file; a key not known is an error)
 *   [function-words]    words=the;a;of;...   a line's share of these tells
 *                       prose from furniture
 *   [cue NAME]          role=ROLE
 *                       patterns=REGEX;REGEX;...   (PCRE, case-insensitive,
 *                                                   matched against a line's
 *                                                   trimmed text)
 *                       max_words=N   (optional: only lines of at most N words)
 *                       weight=W      (optional, for roles that score)
 *                       description=... (optional)
 *
 * Roles: "boilerplate" adds its weight to the line's boilerplate score;
 * "post-header" marks a line that introduces a post (a name, a date, a
 * member badge; a named group (?<name>...) gives the poster); "post-footer"
 * one that closes a post ("Reply", "Show More"); "comments-start" opens a
 * comment section; "content-end" ends the main text ("Share this:",
 * "Related posts"); "thread" adds its weight to the page's evidence that it
 * is a thread of posts (forum, community reviews); "quote-intro" ends a line
 * that introduces the quotation below it ("writes:"); "attribution" is the
 * line under a quotation that names its source ("— Emily Dickinson");
 * "appeal" words of a fund-raising appeal: after the end of the text, a line
 * with two or more different ones is boilerplate.
 * segmenter.h says how each is used.
 *
 * Ownership: an LmVoiceRules owns its patterns.  Thread safety: immutable
 * after loading; the default rules are loaded once, thread-safely.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LM_CUE_BOILERPLATE,
  LM_CUE_POST_HEADER,
  LM_CUE_POST_FOOTER,
  LM_CUE_COMMENTS_START,
  LM_CUE_CONTENT_END,
  LM_CUE_THREAD,
  LM_CUE_QUOTE_INTRO,
  LM_CUE_ATTRIBUTION,
  LM_CUE_APPEAL,
  LM_N_CUE_ROLES
} LmCueRole;

typedef struct
{
  char *name;        /* the group's NAME, as `segments` shows it */
  LmCueRole role;
  GRegex *regex;
  guint max_words;   /* 0: any */
  double weight;
} LmCue;

/* The numbers of [settings]; voices.ini documents each. */
typedef struct
{
  guint short_words;          /* a line of at most this many words is short */
  guint prose_words;          /* a line of at least this many words, ending a sentence, is prose */
  double min_function_share;  /* prose has at least this share of function words */
  double threshold;           /* boilerplate when the score reaches it */
  double w_short, w_no_stop, w_title_case, w_low_function, w_digits, w_top, w_bottom,
      w_repeated, w_prose, w_after_end, w_alone, w_ends_function, w_sentence;
  guint top_lines, bottom_lines; /* non-blank lines counted as "top", "bottom" */
  double thread_threshold;    /* a page is a thread at this much thread evidence */
  guint max_name_words;       /* a poster's name line has at most this many words */
  guint max_term_words;       /* a quote of at most this many words is a quoted term */
} LmVoiceSettings;

typedef struct _LmVoiceRules LmVoiceRules;

/* Returns: (transfer full) (nullable): the rules, or %NULL with
 * LM_ERROR_SYNTAX ("path:line: ...") or a G_FILE_ERROR. */
LmVoiceRules *lm_voice_rules_load (const char *path, GError **error);
LmVoiceRules *lm_voice_rules_new_from_data (const char *name, const char *data, gssize len,
                                            GError **error);
void lm_voice_rules_free (LmVoiceRules *rules);

/* The rules built into the program (a copy of lexicons/voices.ini), unless
 * lm_voice_rules_set_default() replaced them. (transfer none) */
const LmVoiceRules *lm_voice_rules_get_default (void);
/* Makes @rules the default for the rest of the process (transfer full);
 * call before any thread segments. */
void lm_voice_rules_set_default (LmVoiceRules *rules);

const char *lm_voice_rules_get_name (const LmVoiceRules *rules);
const char *lm_voice_rules_get_sha256 (const LmVoiceRules *rules);
const LmVoiceSettings *lm_voice_rules_get_settings (const LmVoiceRules *rules);
/* (transfer none) array of LmCue, in file order */
const GArray *lm_voice_rules_get_cues (const LmVoiceRules *rules);
/* Is the folded (lower-case) @word a function word? */
gboolean lm_voice_rules_is_function_word (const LmVoiceRules *rules, const char *word);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmVoiceRules, lm_voice_rules_free)

G_END_DECLS
