/* test-helpers.h - shared helpers of the unit tests (tests/test-*.c).
 *
 * Every helper asserts on its own preconditions (a missing LM_TEST_SRCDIR, a
 * lexicon that does not compile, ...) with a message, so a test that uses
 * them fails loudly instead of crashing.
 */
#pragma once

#include <glib.h>

#include "analysis/analyzer.h"
#include "analysis/docstats.h"
#include "core/lm-error.h"
#include "core/stoplist.h"
#include "core/tokenizer.h"
#include "lexicon/lexicon.h"

G_BEGIN_DECLS

/* A raw token copied out of the tokenizer callback. */
typedef struct
{
  gsize start, end;
  guint line, col, flags;
  char *folded;
  gsize folded_len;
  guint32 hash;            /* as the tokenizer gave it */
  gboolean nul_terminated; /* raw->folded[raw->folded_len] == '\0' */
} LmtToken;

/* Path of @rel inside the source tree (LM_TEST_SRCDIR). (transfer full) */
char *lmt_srcpath (const char *rel);

/* Writes @len bytes to a fresh temporary file. (transfer full): its path;
 * remove it with g_unlink() when done. */
char *lmt_write_tmp (const char *data, gsize len);

/* A fresh temporary folder with the files given as (relative path, text)
 * pairs, %NULL-terminated; a path ending in "/" makes a folder only.
 * (transfer full): its path; remove it with lmt_remove_tree(). */
char *lmt_make_tree (const char *const *files);
void lmt_remove_tree (const char *dir);

/* Tokenizes @len bytes of @data (-1: NUL-terminated) with a fresh tokenizer.
 * Returns: (transfer full): GArray of LmtToken (folded forms owned). */
GArray *lmt_tokenize (const char *data, gssize len);
/* The folded words of @s joined by single spaces ("" for none). */
char *lmt_words (const char *s);

/* Asserts that @error is set with @domain and @code and that its message
 * contains @needle (nullable). @what names the case in failure messages. */
void lmt_assert_error (const GError *error, GQuark domain, gint code,
                       const char *needle, const char *what);

/* Compiles an in-memory lexicon named "lex.ini"; asserts success. */
LmLexicon *lmt_lexicon (const char *ini);

/* A small in-memory stop list: me, the, a, an, is, his, her, it, to, of, on,
 * and, never, she. (transfer full) */
LmStoplist *lmt_stoplist (void);

/* One analysis of an in-memory text against an in-memory lexicon. */
typedef struct
{
  LmLexicon *lexicon;
  LmStoplist *stoplist;
  LmDocStats *stats;
} LmtRun;

LmtRun *lmt_run (const char *ini, const char *text, LmAnalyzeFlags flags);
void lmt_run_free (LmtRun *run);
/* Hits of category @id under LM_VOICE_ALL; asserts that the category exists. */
guint64 lmt_run_hits (const LmtRun *run, const char *id);
/* The sorted forms of @id under LM_VOICE_ALL joined by " | ". (transfer full) */
char *lmt_run_forms (const LmtRun *run, const char *id);

/* Shortcut: the hits of @id when @text is analysed against @ini. */
guint64 lmt_hits (const char *ini, const char *text, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmtRun, lmt_run_free)

G_END_DECLS
