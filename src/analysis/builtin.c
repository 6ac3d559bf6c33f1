/* builtin.c - the data files compiled into the program (see builtin.h). */
#include "builtin.h"

#include <gio/gio.h>

#include "lm-resources.h"

GBytes *
lm_builtin_data (const char *name)
{
  g_autofree char *path = g_strconcat ("/org/leitmotif/", name, NULL);
  GBytes *bytes = g_resource_lookup_data (lm_resources_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_error ("%s is not built into the program (src/lm.gresource.xml)", name);
  return bytes;
}
