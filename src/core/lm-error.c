/* lm-error.c - the LM_ERROR domain. */
#include "lm-error.h"

G_DEFINE_QUARK (leitmotif-error-quark, lm_error)
