/* fuzz-common.c - helpers shared by the fuzz targets (see fuzz.h). */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

void
lm_fuzz_fail (const char *what)
{
  fprintf (stderr, "fuzz: invariant broken: %s\n", what);
  abort ();
}
