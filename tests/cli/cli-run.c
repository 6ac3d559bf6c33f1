/* cli-run.c - spawn the CLI synchronously, collecting its output. */
#include "cli-run.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

const char *
cli_srcdir (void)
{
  const char *dir = g_getenv ("LM_TEST_SRCDIR");
  cr_assert (dir != NULL, "LM_TEST_SRCDIR must be set by meson");
  return dir;
}

CliResult
cli_run (const char *input, const char *const *argv)
{
  const char *exe = g_getenv ("LM_EXE");
  cr_assert (exe != NULL, "LM_EXE must be set by meson");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_ptr_array_add (args, (gpointer) exe);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  g_autofree char *in_path = NULL;
  if (input)
    {
      g_autoptr(GError) error = NULL;
      int fd = g_file_open_tmp ("lm-cli-XXXXXX", &in_path, &error);
      cr_assert (fd >= 0, "temp file: %s", error ? error->message : "?");
      close (fd);
      cr_assert (g_file_set_contents (in_path, input, -1, NULL));
    }
  /* A shell gives us stdin redirection without a pipe dance. */
  g_autoptr(GString) cmd = g_string_new (NULL);
  for (guint i = 0; i + 1 < args->len; i++)
    {
      g_autofree char *q = g_shell_quote (args->pdata[i]);
      g_string_append_printf (cmd, "%s ", q);
    }
  if (in_path)
    {
      g_autofree char *q = g_shell_quote (in_path);
      g_string_append_printf (cmd, "< %s", q);
    }
  else
    g_string_append (cmd, "< /dev/null");
  const char *sh[] = { "/bin/sh", "-c", cmd->str, NULL };
  CliResult r = { 0 };
  int wait_status = 0;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_spawn_sync (cli_srcdir (), (char **) sh, NULL, G_SPAWN_DEFAULT,
                              NULL, NULL, &r.out, &r.err, &wait_status, &error);
  cr_assert (ok, "spawn failed: %s", error ? error->message : "?");
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  if (in_path)
    g_unlink (in_path);
  return r;
}

void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}
