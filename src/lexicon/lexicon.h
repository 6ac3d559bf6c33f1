/* lexicon.h - LmLexicon: motif, character and genre categories and their
 * terms, compiled for matching.
 *
 * File format (GKeyFile syntax, see lexicons/README.md): one group a
 * category, "[<kind> <id>]" with kind motif, character or genre and an id of
 * lower-case ASCII letters, digits and hyphens; keys label=, description=
 * (required for motifs and genres), terms= and exclude= (';'-separated).
 *
 * Term syntax, each element folded like text (fold.h) and split into words
 * by the tokenizer (so "sci-fi" is the phrase "sci fi"):
 *   hope        stem match: every token whose Porter2 stem is stem("hope")
 *   =complete   exact match on the folded surface form
 *   complet*    prefix match on the folded surface form
 *   let ~3 go   phrase; "~N" allows up to N (<= LM_LEXICON_MAX_GAP) other
 *               words between two elements; without it, words are adjacent
 * exclude= holds terms in the same syntax whose matches suppress this
 * category's hits that overlap them ("never let me go" for letting-go).
 *
 * Two groups are not categories:
 *   [lexicon]   include=FILE;... (the first group, if present): lexicons
 *               whose categories are added after this file's own.  A
 *               relative FILE is looked for beside the including file, then
 *               as "lexicons/FILE" on the data-dir search path (datadir.h);
 *               each file is read once (a second include of it adds
 *               nothing); an include cycle is an error.
 *   [work]      the work the lexicon is about: title= (required),
 *               short_titles= (';'-list, e.g. "NLMG"), author=.  Only the
 *               top file's [work] counts; an included file's is ignored.
 * The lexicon's sha256 is its file's when it includes nothing, else the
 * sha256 of its own sha256 and its includes' (so that a change to an
 * included file changes the lexicon's identity).
 *
 * Internally each distinct single-word element is an atom (stem, exact or
 * prefix); patterns are sequences of atoms with gaps.
 *
 * Ownership: the lexicon owns everything it returns (transfer none).
 * Thread safety: immutable after loading; share it between threads.
 */
#pragma once

#include <glib.h>

#include "core/datadir.h"
#include "core/stemmer.h"

G_BEGIN_DECLS

#define LM_LEXICON_MAX_GAP 10
#define LM_LEXICON_MAX_ELEMENTS 16

typedef enum
{
  LM_CATEGORY_MOTIF,
  LM_CATEGORY_CHARACTER,
  LM_CATEGORY_GENRE,
} LmCategoryKind;

typedef enum
{
  LM_ATOM_STEM,
  LM_ATOM_EXACT,
  LM_ATOM_PREFIX,
} LmAtomKind;

typedef struct
{
  LmAtomKind kind;
  char *text;   /* the stem, the folded form, or the folded prefix */
  char *source; /* the element as written, e.g. "hopes" for stem "hope" */
} LmAtom;

typedef struct
{
  guint index;       /* in the lexicon's pattern list */
  guint category;
  gboolean exclusion;
  guint n_elements;
  guint atoms[LM_LEXICON_MAX_ELEMENTS];
  guint gaps[LM_LEXICON_MAX_ELEMENTS]; /* gaps[i]: words allowed after element i */
  char *source;      /* the term as written */
  guint line;
} LmPattern;

typedef struct
{
  guint index;
  char *id;
  LmCategoryKind kind;
  char *label;
  char *description;
  char **aliases;      /* other names of the label ("coming of age" for
                          bildungsroman), for comparing with annotations;
                          NULL-terminated, possibly empty */
  guint line;
  GPtrArray *terms;    /* LmPattern*, transfer none */
  GPtrArray *excludes; /* LmPattern*, transfer none */
} LmCategory;

/* The [work] group: what the texts are about. */
typedef struct
{
  char *title;         /* "Never Let Me Go" */
  char **short_titles; /* NULL-terminated, possibly empty: "NLMG" */
  char *author;        /* "" when not given */
  guint line;          /* of the [work] header */
} LmWork;

typedef struct _LmLexicon LmLexicon;

/**
 * lm_lexicon_load:
 * @stemmer: used to stem plain terms (transfer none)
 * @error: LM_ERROR_SYNTAX or LM_ERROR_LEXICON, "path:line: ...";
 *   LM_ERROR_ENCODING when the file is not valid UTF-8
 *
 * Returns: (transfer full) (nullable): the lexicon
 */
LmLexicon *lm_lexicon_load (const char *path, LmStemmer *stemmer, GError **error);
/* @name is the file's path for messages, and the folder beside which a
 * relative include is looked for.  Includes are then looked for on
 * lm_data_dirs_get_default(). */
LmLexicon *lm_lexicon_new_from_data (const char *name, const char *data,
                                     gssize len, LmStemmer *stemmer,
                                     GError **error);
/* The same with includes looked for on @dirs (nullable: only beside the
 * file). */
LmLexicon *lm_lexicon_new_from_data_full (const char *name, const char *data,
                                          gssize len, LmStemmer *stemmer,
                                          const LmDataDirs *dirs,
                                          GError **error);
void lm_lexicon_free (LmLexicon *lexicon);

const char *lm_lexicon_get_name (const LmLexicon *lexicon);
const char *lm_lexicon_get_sha256 (const LmLexicon *lexicon);
/* Returns: (transfer none) (nullable): the top file's [work] group. */
const LmWork *lm_lexicon_get_work (const LmLexicon *lexicon);
/* Returns: (transfer none): the paths (char*) of every file read, the top
 * one first, then its includes in the order they were read. */
const GPtrArray *lm_lexicon_get_files (const LmLexicon *lexicon);

guint lm_lexicon_get_n_categories (const LmLexicon *lexicon);
const LmCategory *lm_lexicon_get_category (const LmLexicon *lexicon, guint i);
/* Returns: the index of the category @id, or -1. */
gint lm_lexicon_find_category (const LmLexicon *lexicon, const char *id);

guint lm_lexicon_get_n_atoms (const LmLexicon *lexicon);
const LmAtom *lm_lexicon_get_atom (const LmLexicon *lexicon, guint i);
guint lm_lexicon_get_n_patterns (const LmLexicon *lexicon);
const LmPattern *lm_lexicon_get_pattern (const LmLexicon *lexicon, guint i);

/* Appends to @atoms (guint32) the atoms that a word with this folded form
 * (NUL-terminated, @len bytes) and stem matches, ascending.  @stem may be
 * %NULL when lm_lexicon_may_match_stem() said the word matches no stem
 * atom. */
void lm_lexicon_match_word (const LmLexicon *lexicon, const char *folded, gsize len,
                            const char *stem, GArray *atoms);

/* %FALSE only when the word cannot stem to any stem atom of the lexicon,
 * decided without stemming it (stem-keys.h), so that a caller that needs
 * stems only for the lexicon can skip stemming. */
gboolean lm_lexicon_may_match_stem (const LmLexicon *lexicon, const char *folded,
                                    gsize len);

/* Returns: (transfer none) (nullable): the patterns (LmPattern*) whose first
 * element is @atom. */
const GPtrArray *lm_lexicon_patterns_starting_with (const LmLexicon *lexicon,
                                                    guint atom);

const char *lm_category_kind_to_string (LmCategoryKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmLexicon, lm_lexicon_free)

G_END_DECLS
