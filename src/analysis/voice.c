/* voice.c - voice names. */
#include "voice.h"

static const char *const voice_names[LM_N_VOICES] = {
  "all", "critic", "quotation", "comment", "boilerplate",
};

const char *
lm_voice_to_string (LmVoice voice)
{
  return voice < LM_N_VOICES ? voice_names[voice] : "unknown";
}

gboolean
lm_voice_from_string (const char *name, LmVoice *voice)
{
  for (guint i = 0; i < LM_N_VOICES; i++)
    if (g_str_equal (name, voice_names[i]))
      {
        *voice = (LmVoice) i;
        return TRUE;
      }
  return FALSE;
}
