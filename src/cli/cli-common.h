/* cli-common.h - what every leitmotif subcommand shares.
 *
 * The CLI is the only layer that prints or picks exit codes:
 * 0 everything worked, 1 some input failed (the rest was still done),
 * 2 usage error or nothing could be done.
 */
#pragma once

#include <glib.h>

#include "core/datadir.h"
#include "core/stoplist.h"
#include "lexicon/lexicon.h"
#include "model/run.h"

G_BEGIN_DECLS

enum
{
  LM_EXIT_OK = 0,
  LM_EXIT_INPUT_FAILED = 1,
  LM_EXIT_USAGE = 2,
};

/* For --help: where a default file comes from (core/datadir.h); "leitmotif
 * --version -v" shows what was found. */
#define LM_DEFAULT_LEXICON "$LM_LEXICON, else the work lexicon of the project or data dirs"
#define LM_DEFAULT_STOPWORDS "$LM_STOPWORDS, else stopwords/english.txt of the project or data dirs"
#define LM_DEFAULT_CORPUS "$LM_CORPUS, else texts/corpus.ini of the project"
#define LM_OUT_NAME "reports"
#define LM_DEFAULT_OUT "reports/ of the project, else of the current folder"

typedef int (*LmCommandFunc) (int argc, char **argv);

/* The --max-file-size option of every command that reads texts: its value
 * is parsed and applied (lm_text_set_max_size()) by lm_cli_parse(). */
extern char *lm_cli_max_file_size_arg;
#define LM_CLI_OPTION_MAX_FILE_SIZE \
  { "max-file-size", 0, 0, G_OPTION_ARG_STRING, &lm_cli_max_file_size_arg, \
    "Refuse a text larger than SIZE bytes; suffix K, M or G (powers of 1024); " \
    "0: no limit (default 256M)", "SIZE" }

/* Parses a size: digits with an optional K, M or G suffix (powers of 1024).
 * Returns: %FALSE if @s is not one, or does not fit in 64 bits. */
gboolean lm_cli_parse_size (const char *s, guint64 *size);

/* Parses options (and applies --max-file-size); prints the error and
 * returns FALSE on a usage error.  A short option's number may be attached
 * ("-j2" as "-j 2"). */
gboolean lm_cli_parse (GOptionContext *ctx, int *argc, char ***argv);
/* Prints "leitmotif: MESSAGE" on standard error. */
void lm_cli_error (const GError *error);

/* Resolves a default file: @option, its environment variable, the data
 * dirs (core/datadir.h); prints the error naming every place looked.
 * Returns: (transfer full) (nullable) */
LmDataFile *lm_cli_resolve (LmDataKind kind, const char *option);

/* Loads the stop list and lexicon (defaults when NULL); prints errors.
 * @stemmer is used for the lexicon's terms. (transfer full) */
LmStoplist *lm_cli_load_stoplist (const char *path);
LmLexicon *lm_cli_load_lexicon (const char *path, LmStemmer *stemmer);

/* Everything a command needs to analyze texts: a stemmer, the stop list,
 * the lexicon and an analyzer over them.  Free with lm_cli_pipeline_free. */
typedef struct
{
  LmStemmer *stemmer;
  LmStoplist *stoplist;
  LmLexicon *lexicon;
  struct _LmAnalyzer *analyzer;
} LmCliPipeline;

/* Returns: %FALSE (errors printed) if any part cannot be loaded. */
gboolean lm_cli_pipeline_open (LmCliPipeline *p, const char *lexicon_path,
                               const char *stoplist_path);
void lm_cli_pipeline_free (LmCliPipeline *p);

/* Loads the stop list, lexicon and corpus of a run, reporting any error on
 * standard error. Returns: (transfer full) (nullable): the run, not analyzed. */
LmRun *lm_cli_load_run (const char *corpus_path, const char *lexicon_path,
                        const char *stop_path);
/* The same for a corpus already made (@corpus: transfer full), named
 * @corpus_name in the reports. */
LmRun *lm_cli_load_run_with (LmCorpus *corpus, const char *corpus_name,
                             const char *lexicon_path, const char *stop_path);

/* For commands taking FILE... and --format tsv|json: checks both (after
 * option parsing, @argc counts the command name) and sets @json; prints the
 * problem and returns %FALSE on a usage error. */
gboolean lm_cli_check_files_and_format (const char *command, int argc,
                                        const char *format, gboolean *json);

/* Catches SIGINT and SIGTERM (Ctrl-C, a scheduler's time limit) from now on.
 * Returns: (transfer none): a flag that turns non-zero when one arrives,
 * for the library's cancel options. */
volatile gint *lm_cli_catch_interrupts (void);

int lm_cmd_init (int argc, char **argv);
int lm_cmd_analyze (int argc, char **argv);
int lm_cmd_count (int argc, char **argv);
int lm_cmd_evaluate (int argc, char **argv);
int lm_cmd_tokens (int argc, char **argv);
int lm_cmd_segments (int argc, char **argv);
int lm_cmd_genres (int argc, char **argv);
int lm_cmd_kwic (int argc, char **argv);
int lm_cmd_batch (int argc, char **argv);
int lm_cmd_export (int argc, char **argv);
int lm_cmd_merge (int argc, char **argv);
int lm_cmd_report (int argc, char **argv);
int lm_cmd_stem (int argc, char **argv);
int lm_cmd_lexicon (int argc, char **argv);

G_END_DECLS
