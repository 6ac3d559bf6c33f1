/* peak-rss.c - runs a command and reports its peak resident memory.
 *
 *   peak-rss FILE COMMAND [ARG...]
 *
 * Writes the child's peak RSS in KiB (getrusage's ru_maxrss, via wait4) to
 * FILE and exits with the child's status (128 + signal if it was killed),
 * so that shell tests can bound memory without GNU time.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: peak-rss FILE COMMAND [ARG...]\n");
      return 125;
    }
  pid_t pid = fork ();
  if (pid < 0)
    {
      perror ("peak-rss: fork");
      return 125;
    }
  if (pid == 0)
    {
      execvp (argv[2], argv + 2);
      fprintf (stderr, "peak-rss: %s: %s\n", argv[2], strerror (errno));
      _exit (127);
    }
  int status = 0;
  struct rusage ru;
  while (wait4 (pid, &status, 0, &ru) < 0)
    if (errno != EINTR)
      {
        perror ("peak-rss: wait4");
        return 125;
      }
  FILE *f = fopen (argv[1], "w");
  if (f == NULL || fprintf (f, "%ld\n", ru.ru_maxrss) < 0 || fclose (f) != 0)
    {
      perror (argv[1]);
      return 125;
    }
  if (WIFSIGNALED (status))
    return 128 + WTERMSIG (status);
  return WEXITSTATUS (status);
}
