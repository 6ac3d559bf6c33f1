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

#include "analysis/genre.h"
#include "model/run.h"
#include "table.h"

G_BEGIN_DECLS

/* genres.csv as a table (table.h). (transfer full) */
LmTable *lm_report_genres_table (const LmRun *run);

/* The comparison's columns whose text was analyzed. (transfer container) */
GPtrArray *lm_report_genre_columns (const LmRun *run);
/* A critic's column holds the critic's sentences, quoted terms included; a
 * readers' column the comments. */
gboolean lm_report_genre_in_column (const LmColumn *column, const LmGenreMention *mention);
/* The stances of @column on the genre @category, as plain text:
 * "attributed ×3 (Louis Menand, Sarah Kerr); hedged"; "" when none.
 * (transfer full) */
char *lm_report_genre_cell (const LmColumn *column, guint category);
/* "asserts Bildungsroman; reports others calling it Science fiction", plain
 * text without a final full stop. (transfer full) */
char *lm_report_genre_verdict (const LmRun *run, const LmColumn *column);
void lm_report_append_genres_md (GString *out, const LmRun *run);

G_END_DECLS
