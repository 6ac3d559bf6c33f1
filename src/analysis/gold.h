/* gold.h - LmGold: hand annotation to score the engine against.
 *
 * Three tab-separated formats (those of tests/data/real/ and of the starter
 * set in ../shared/real-dev/), each with a header row whose first column is
 * "id"; empty lines and lines starting with '#' are skipped.  A text's id is
 * its file name without the extension ("01.txt" -> "01").
 *
 *  voices: id first_line last_line voice who [note]
 *      every span that is not the main author's prose (voice quotation,
 *      comment or boilerplate; "critic" rows are allowed, to mark a text as
 *      annotated when it has no other span).  Lines are 1-based and
 *      inclusive.  A row whose note starts with "inline" covers only the
 *      words its note quotes, on line first_line: the quoted stretches of
 *      the note ('...', "...", ‘...’ or “...”), or the whole rest of the note
 *      after its colon when it quotes nothing.  "A ... B" or "from 'A'
 *      through 'B'" covers A, B and everything between them.  All
 *      occurrences on the line are covered.
 *  genres: id url words asserted attributed rejected [notes]
 *      labels separated by "," or ";", hedged counted as asserted; a label is
 *      compared with a lexicon genre category's name after folding case and
 *      treating '-', '_' and ' ' alike ("boarding-school story").
 *  motifs: id line motif surface kind [voice]
 *      kind lexical or synonym is a hit; idiom, title, ordinary are
 *      look-alikes that must not be counted.
 *
 * Errors name "path:line:col" of the offending field (LM_ERROR_SYNTAX).
 * Ownership: an LmGold owns its rows.  Thread safety: immutable after loading.
 */
#pragma once

#include <glib.h>

#include "genre.h"
#include "voice.h"

G_BEGIN_DECLS

typedef enum
{
  LM_GOLD_VOICES,
  LM_GOLD_GENRES,
  LM_GOLD_MOTIFS,
} LmGoldKind;

/* One covered stretch of an inline span: the words of @from, or from the
 * words of @from through the words of @to. */
typedef struct
{
  char *from;
  char *to; /* nullable */
} LmGoldPart;

typedef struct
{
  char *id;
  guint first_line, last_line;
  LmVoice voice;
  char *who;
  GArray *parts;   /* LmGoldPart; NULL for whole lines */
  guint row;       /* line of the gold file */
} LmGoldSpan;

typedef struct
{
  char *id;
  char *genre;     /* folded label: "science fiction" */
  LmStance stance; /* asserted, attributed or rejected */
  guint row;
} LmGoldLabel;

typedef struct
{
  char *id;
  guint line;
  char *motif;
  char *surface;
  char *kind;
  gboolean hit;    /* lexical or synonym */
  guint row;
} LmGoldMotif;

typedef struct _LmGold LmGold;

/* Returns: (transfer full) (nullable): the annotation, or %NULL with a
 * G_FILE_ERROR, LM_ERROR_ENCODING or LM_ERROR_SYNTAX. */
LmGold *lm_gold_load (const char *path, LmGoldKind kind, GError **error);
LmGold *lm_gold_new_from_data (const char *name, const char *data, gssize len,
                               LmGoldKind kind, GError **error);
void lm_gold_free (LmGold *gold);

LmGoldKind lm_gold_get_kind (const LmGold *gold);
const char *lm_gold_get_name (const LmGold *gold);
/* Rows in file order: LmGoldSpan, LmGoldLabel or LmGoldMotif. (transfer none) */
const GArray *lm_gold_get_rows (const LmGold *gold);
/* Does any row (or, for genres, any text row) name @id? */
gboolean lm_gold_has_id (const LmGold *gold, const char *id);
/* Ids in first-seen order. (transfer none) */
const GPtrArray *lm_gold_get_ids (const LmGold *gold);

/* Folds a genre label or category name: lower case, '-' and '_' as ' ',
 * runs of spaces as one. (transfer full) */
char *lm_gold_fold_label (const char *label);

/* "dir/01.txt" -> "01". (transfer full) */
char *lm_gold_text_id (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmGold, lm_gold_free)

G_END_DECLS
