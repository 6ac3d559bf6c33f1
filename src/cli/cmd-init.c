/* cmd-init.c - `leitmotif init DIR [--title T] [--author A] [FILE...]`. */
#include <stdio.h>

#include "analysis/project.h"
#include "cli-common.h"

int
lm_cmd_init (int argc, char **argv)
{
  g_autofree char *title = NULL, *author = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, "The work's title (default: DIR's name)", "T" },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, "The work's author", "A" },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("DIR [FILE...] - start a project for a work");
  g_option_context_set_description (ctx,
      "Makes DIR a project: texts/ with the FILEs copied, texts/corpus.ini with one\n"
      "group per text (id from the file name; critic and outlet from a byline or an\n"
      "outlet line, else \"unsigned\" and empty, with a comment saying so), and\n"
      "lexicons/TITLE.ini, which includes the shared genre vocabulary (genres.ini)\n"
      "and has a [work] group and a commented motif template.  Then, in DIR:\n"
      "  leitmotif analyze");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  if (argc < 2)
    {
      fprintf (stderr, "leitmotif init: no DIR given (try --help)\n");
      return LM_EXIT_USAGE;
    }
  LmProjectOptions opt = { title, author };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  if (!lm_project_init (argv[1], &opt, (const char *const *) argv + 2, written, &error))
    {
      lm_cli_error (error);
      return LM_EXIT_USAGE;
    }
  for (guint i = 0; i < written->len; i++)
    printf ("%s\n", (const char *) written->pdata[i]);
  fprintf (stderr, "leitmotif: project in %s/ (%d texts); next: cd %s && leitmotif analyze\n",
           argv[1], argc - 2, argv[1]);
  return LM_EXIT_OK;
}
