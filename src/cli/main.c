/* main.c - `leitmotif COMMAND ...`: dispatch to one subcommand. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "analysis/stance-rules.h"
#include "analysis/voice-rules.h"
#include "cli-common.h"
#include "lm-config.h"

static const struct
{
  const char *name;
  LmCommandFunc run;
  const char *summary;
} commands[] = {
  { "init", lm_cmd_init, "start a project for a work: texts/, corpus.ini, a lexicon" },
  { "analyze", lm_cmd_analyze, "analyze the corpus in texts/ (or any folder) and write reports/" },
  { "batch", lm_cmd_batch, "analyze folders of essays into a results database" },
  { "merge", lm_cmd_merge, "merge batch databases (the shards of a cluster run) into one" },
  { "count", lm_cmd_count, "count lexicon categories in any files (TSV or JSON)" },
  { "tokens", lm_cmd_tokens, "show every token of a file as the engine sees it" },
  { "export", lm_cmd_export, "write a table of a results database as CSV or JSON lines" },
  { "report", lm_cmd_report, "the comparison report of a results database" },
  { "genres", lm_cmd_genres, "genre labels in essays, asserted, attributed, rejected or hedged" },
  { "segments", lm_cmd_segments, "show how a text splits into voices, and why" },
  { "evaluate", lm_cmd_evaluate, "score the engine against hand annotation (voices, genres, motifs)" },
  { "kwic", lm_cmd_kwic, "every match of a term or category, in context (concordance)" },
  { "stem", lm_cmd_stem, "stem words (arguments, or lines of standard input)" },
  { "lexicon", lm_cmd_lexicon, "check a lexicon: \"lexicon check FILE [--corpus C]\"" },
};

/* `leitmotif --version -v`: where each default file comes from. */
static void
print_data_sources (void)
{
  const LmDataDirs *dirs = lm_data_dirs_get_default ();
  static const struct
  {
    LmDataKind kind;
    const char *what;
  } files[] = {
    { LM_DATA_LEXICON, "lexicon" },
    { LM_DATA_STOPWORDS, "stop list" },
    { LM_DATA_CORPUS, "corpus" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LmDataFile) f = lm_data_dirs_resolve (dirs, files[i].kind, NULL, "option", &error);
      if (f)
        printf ("%-10s %s (%s)\n", files[i].what, f->path, f->origin);
      else
        printf ("%-10s none: %s\n", files[i].what, error->message);
    }
  printf ("voice cues built in (lexicons/voices.ini%s)\n",
          g_getenv ("LM_VOICE_RULES") ? ", replaced by $LM_VOICE_RULES" : "");
  printf ("looked in, in order: the option, $LM_LEXICON / $LM_STOPWORDS / $LM_CORPUS, then\n");
  for (guint i = 0; i < lm_data_dirs_get_n (dirs); i++)
    {
      g_autofree char *d = lm_data_dirs_describe (dirs, i);
      printf ("  %s\n", d);
    }
}

static void
usage (FILE *to)
{
  fprintf (to, "Usage: leitmotif COMMAND [OPTION...]\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (to, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (to, "\n\"leitmotif COMMAND --help\" describes each command.\n");
}

int
main (int argc, char **argv)
{
  /* Only the character set (for GLib's conversions of messages and file
   * names) and the language of GLib's own messages come from the user's
   * locale.  Reports must not depend on it: numbers are formatted with
   * g_ascii_formatd and sorted with strcmp, and LC_NUMERIC, LC_COLLATE and
   * LC_TIME stay "C" so that nothing can slip (loading them also cost a
   * dozen file reads at every start). */
  setlocale (LC_CTYPE, "");
  setlocale (LC_MESSAGES, "");
  if (argc < 2)
    {
      usage (stderr);
      return LM_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")
      || g_str_equal (argv[1], "help"))
    {
      usage (stdout);
      return LM_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("leitmotif %s\n", LM_VERSION);
      if (argc > 2 && (g_str_equal (argv[2], "-v") || g_str_equal (argv[2], "--verbose")))
        print_data_sources ();
      return LM_EXIT_OK;
    }
  /* Voice cues of one's own for every command (lexicons/voices.ini). */
  const char *rules_path = g_getenv ("LM_VOICE_RULES");
  if (rules_path && *rules_path)
    {
      g_autoptr(GError) error = NULL;
      LmVoiceRules *rules = lm_voice_rules_load (rules_path, &error);
      if (rules == NULL)
        {
          fprintf (stderr, "leitmotif: LM_VOICE_RULES: %s\n", error->message);
          return LM_EXIT_USAGE;
        }
      lm_voice_rules_set_default (rules);
    }
  const char *stance_path = g_getenv ("LM_STANCE_RULES");
  if (stance_path && *stance_path)
    {
      g_autoptr(GError) error = NULL;
      LmStanceRules *rules = lm_stance_rules_load (stance_path, &error);
      if (rules == NULL)
        {
          fprintf (stderr, "leitmotif: LM_STANCE_RULES: %s\n", error->message);
          return LM_EXIT_USAGE;
        }
      lm_stance_rules_set_default (rules);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, "leitmotif: unknown command \"%s\"\n\n", argv[1]);
  usage (stderr);
  return LM_EXIT_USAGE;
}
