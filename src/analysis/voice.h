/* voice.h - who is speaking in a stretch of an essay.
 *
 * Counts exist per voice.  LM_VOICE_ALL is the sum over the critic's prose,
 * quotations and comments; boilerplate (navigation, captions, appeals) is
 * excluded from every count, including "all".  Until a text is segmented,
 * every token is counted under "all" only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LM_VOICE_ALL = 0,
  LM_VOICE_CRITIC,
  LM_VOICE_QUOTATION,
  LM_VOICE_COMMENT,
  LM_VOICE_BOILERPLATE,
  LM_N_VOICES
} LmVoice;

/* "all", "critic", "quotation", "comment", "boilerplate". (transfer none) */
const char *lm_voice_to_string (LmVoice voice);
/* Returns: %FALSE if @name is not a voice name. */
gboolean lm_voice_from_string (const char *name, LmVoice *voice);

G_END_DECLS
