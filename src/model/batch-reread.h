/* batch-reread.h - reading a batch's essays again, for what its database
 * does not keep: the evidence lines of the essays that use a motif most, and
 * the distinctive vocabulary of each group.
 *
 * `leitmotif report ... PATH...` takes the folders (or files) the batch was
 * given.  A document's key is "ROOT/rest" with ROOT the base name of the
 * path it was found under (walk.h), so the file is PATH/rest for the PATH
 * whose base name is ROOT (the first such PATH).  Each file is read again
 * and used only when its SHA-256 equals the one stored: a file that is gone
 * or unreadable, or has changed since the batch, is counted (n_missing,
 * n_unreadable, n_changed) and left out, never guessed at.  Reading is
 * lenient (invalid UTF-8 as U+FFFD), as the batch may have been.
 *
 * Evidence: for each motif's top essays (batch-groups.h) the first
 * LM_BATCH_EVIDENCE_LINES hits of the motif in the writer's own voice, as
 * KWIC lines of LM_BATCH_EVIDENCE_WIDTH characters a side (kwic.h).
 *
 * Distinctive vocabulary: for each group shown (lm_batch_groups_shown())
 * when there are at least two groups, the stems of words that are not stop
 * words in the writers' own voice, each group against all the other essays
 * pooled, with the analyze report's thresholds (comparison.h): at least
 * LM_COMPARISON_KEYWORD_MIN_FREQ hits, G2 >= 10.83 (p < 0.001) and log
 * ratio >= 1; the LM_BATCH_KEYWORDS with the highest G2 (ties by stem).
 * Words are counted as the analysis counts them now; if the voice rules have
 * changed since the batch, they may differ a little from the stored counts.
 * Memory: one stem table per group shown plus one for the batch.
 *
 * Thread safety: call from one thread; it runs @n_jobs of its own.
 */
#pragma once

#include <glib.h>

#include "batch-groups.h"
#include "core/stoplist.h"

G_BEGIN_DECLS

#define LM_BATCH_EVIDENCE_LINES 3
#define LM_BATCH_EVIDENCE_WIDTH 50
#define LM_BATCH_KEYWORDS 20

/**
 * lm_batch_groups_reread:
 * @model: the model to fill (keywords, evidence, the counts, reread)
 * @roots: (array zero-terminated=1): the paths the batch was given
 * @stoplist: the batch's stop list (transfer none)
 * @n_jobs: threads (one analyzer each; the essays are cut in as many
 *   contiguous parts; the results do not depend on it)
 *
 * Returns: %FALSE with @error only when the analyzer cannot be made
 * (LM_ERROR_STEMMER); files that cannot be used are counted, not errors.
 */
gboolean lm_batch_groups_reread (LmBatchGroups *model, const char *const *roots,
                                 const LmStoplist *stoplist, guint n_jobs,
                                 GError **error);

G_END_DECLS
