/* batch-md.h - the grouped sections of batch-summary.md: the groups, motif
 * rates by group with their spread and emphasis, the spread of each motif
 * across the essays of the batch and the essays that use it most, genre
 * stances by group counted in essays with their test of independence.
 * Groups beyond lm_batch_groups_shown() are left out with a note (the CSV
 * files have them all).  Every string from the database is escaped with
 * lm_append_md_cell(); undefined statistics are empty cells.
 * Thread safety: a pure function of the model.
 */
#pragma once

#include <glib.h>

#include "model/batch-groups.h"

G_BEGIN_DECLS

void lm_batch_md_append (GString *out, const LmBatchGroups *model);

G_END_DECLS
