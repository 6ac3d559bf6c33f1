/* cli-run.h - running the leitmotif executable from Criterion tests. */
#pragma once

#include <glib.h>

typedef struct
{
  int status;   /* exit status */
  char *out;    /* standard output */
  char *err;    /* standard error */
} CliResult;

/* Runs LM_EXE with @argv (NULL-terminated, without the program name) in the
 * source tree, feeding @input (nullable) on standard input. */
CliResult cli_run (const char *input, const char *const *argv);
void cli_result_clear (CliResult *r);
/* The source tree root (LM_TEST_SRCDIR). */
const char *cli_srcdir (void);
