/* batch-load.h - a batch database (store.h) read into an LmBatchGroups
 * (model/batch-groups.h), the model the batch report is written from.
 *
 * The group of each document: "all" without @group_by; with "folder" the
 * first folder below its root (lm_batch_groups_folder_of()); otherwise its
 * value of the metadata column @group_by names, compared case-insensitively
 * with the stored column names, or LM_BATCH_NO_VALUE when it has none or an
 * empty one.  Hits are the motif counts of the critic and all voices; genre
 * stances are the distinct (document, genre, stance) of the critic's voice.
 * Thread safety: one thread.
 */
#pragma once

#include <glib.h>

#include "model/batch-groups.h"
#include "store.h"

G_BEGIN_DECLS

/**
 * lm_batch_load_groups:
 * @store: a database opened read-only (transfer none)
 * @lexicon: the database's lexicon (transfer none, must outlive the model)
 * @group_by: (nullable): a metadata column, "folder", or %NULL
 *
 * Returns: (transfer full) (nullable): the model with its statistics
 * computed, or %NULL with @error: LM_ERROR_USAGE naming the metadata columns
 * there are when @group_by is none of them, LM_ERROR_IO when the database
 * cannot be read.
 */
LmBatchGroups *lm_batch_load_groups (LmStore *store, const LmLexicon *lexicon,
                                     const char *group_by, GError **error);

G_END_DECLS
