/* builtin.h - the data files compiled into the program (src/lm.gresource.xml:
 * lexicons/voices.ini and lexicons/stance.ini), so that it runs outside the
 * repository.
 *
 * Thread safety: the resource is static; lookups are thread-safe.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bytes of the built-in file @name ("voices.ini"). They were checked
 * by the build and the tests, so a missing one is a bug: aborts.
 * (transfer full) */
GBytes *lm_builtin_data (const char *name);

G_END_DECLS
