/* genres.h - the genre parts of the reports.
 *
 *  genres.csv   text_id,critic,voice,genre,stance,source,cue,line,evidence
 *  summary.md   "How each reviewer classifies the genre": a table with each
 *               critic and each text's readers as columns, each writer's
 *               verdict in words, and the evidence line of every mention.
 *
 * A critic's column holds the mentions in the critic's sentences, quoted
 * terms included (the stance says whose label it is), but not those inside
 * quotations of the novel; the readers' column holds the comments.
 * Thread safety: pure functions of the run.
 */
#pragma once

#include <glib.h>

#include "run.h"

G_BEGIN_DECLS

GString *lm_report_genres_csv (const LmRun *run);
void lm_report_append_genres_md (GString *out, const LmRun *run);

G_END_DECLS
