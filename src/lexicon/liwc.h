/* liwc.h - reading LIWC-style dictionaries (.dic) as leitmotif lexicons.
 *
 * Supported format (LIWC2001/2007/2015 ".dic"):
 *
 *   %                       a line that is exactly "%" (white space around it
 *   1   posemo              is ignored) opens the header; each header line is
 *   2   Negative emotion    "<number><white space><category name>" (the name
 *   %                       runs to the end of the line); a second "%" closes it
 *   happy     1             then one entry a line: the word, then the
 *   hope*     1 3           categories that it belongs to.
 *   kind of   1
 *
 *  - Word and categories are separated by a TAB if the line has one (the word
 *    is everything before the first TAB, so it may contain spaces); otherwise
 *    by spaces, and the categories are the longest run of trailing fields that
 *    are category references, the word the fields before them.
 *  - A category reference is a category number ("01" = "1"), or (as some
 *    LIWC2015-era exports write them) a header category name given exactly,
 *    when the name is one field (has no white space).
 *  - A trailing "*" is a prefix wildcard: "hope*" becomes the lexicon term
 *    "hope*".  A plain word is an exact surface match, "=happy", since LIWC
 *    does not stem.  An entry of several words ("kind of") becomes a phrase of
 *    adjacent elements, each exact or (with its own "*") a prefix:
 *    "=kind =of".  Words are folded and split as text is (tokenizer.h), so
 *    "sci-fi" is the phrase "sci fi", as in every leitmotif lexicon.
 *  - Blank lines are ignored anywhere; LF or CRLF line ends; a leading UTF-8
 *    BOM is skipped.  LIWC has no comments.
 *  - A word listed twice (on two lines, or a category twice on one line) is
 *    counted once per category: the entries are merged.
 *  - As in LIWC, a word counts only under its most specific one-word entry:
 *    an exact entry before a wildcard, a longer wildcard before a shorter
 *    one.  With "hope* 1" and "hopeless* 3", "hopeless" counts in 3 only.
 *    Leitmotif counts every matching term, so the converter writes the more
 *    specific entries as exclude= terms of the categories that the broader
 *    wildcard has and they lack ("[motif hope] ... exclude=hopeless*").
 *    (A leitmotif exclusion suppresses every hit of the category on that
 *    token, a phrase's too: a documented difference in rare cases.)
 *  - Phrases count like any term: "kind of" counts as a phrase and its words
 *    still count under their own entries (LIWC2015 gives the phrase
 *    precedence; not reproduced).
 *
 * Not supported:
 *  - LIWC2007's context-dependent categories ("like  02 <(02 134)53>/..."),
 *    rejected as unknown category references;
 *  - category names containing white space as references in entries;
 *  - the LIWC "hierarchy" of categories: every category is a flat motif, and
 *    a word counts in each category its entry lists (as in LIWC).
 *
 * Output: one "[motif <id>]" group per category that has at least one entry,
 * in header order, with label= the category name, description= "LIWC
 * category <number> from <file name>", terms= the entries in file order and
 * exclude= (see above) if any (';', '\', tabs and line breaks escaped for
 * GKeyFile).  The id is the name in lower-case ASCII
 * letters and digits, any other run of characters replaced by one hyphen
 * ("Negative emotion" -> "negative-emotion"); a name that yields no id, or
 * one already taken by an earlier category, gets "liwc-<number>".
 * Categories without entries are left out (a leitmotif category needs
 * terms), with a "#" comment in the output saying so.  Entries that a
 * leitmotif term cannot express are left out with a comment too: a word
 * without a letter (":)", "1st" is fine, "2" is not), a "*" or "=" inside a
 * word, a prefix element that starts with "~", or more than
 * LM_LEXICON_MAX_ELEMENTS words.
 *
 * Errors (GError, LM_ERROR_SYNTAX unless said, messages "path:line: ..."):
 * no header (the first non-blank line is not "%"), an unterminated header,
 * a header line that is not "number name", a duplicate category number, an
 * entry citing an unknown category, an entry with no category, a dictionary
 * with no usable entry, LM_ERROR_ENCODING for invalid UTF-8 or NUL bytes.
 *
 * Thread safety: the functions keep no state; call them from any thread.
 */
#pragma once

#include <glib.h>

#include "core/stemmer.h"
#include "lexicon/lexicon.h"

G_BEGIN_DECLS

/**
 * lm_liwc_to_keyfile:
 * @name: the dictionary's path or name, for messages and the descriptions
 * @data: the dictionary, @len bytes (need not be NUL-terminated)
 *
 * Converts a LIWC dictionary into lexicon text for lm_lexicon_new_from_data().
 *
 * Returns: (transfer full) (nullable): the INI text, or %NULL with @error.
 */
char *lm_liwc_to_keyfile (const char *name, const char *data, gsize len,
                          GError **error);

/**
 * lm_lexicon_load_any:
 * @path: a leitmotif .ini lexicon or a LIWC dictionary
 * @stemmer: (transfer none): used for the stem terms of .ini lexicons
 *
 * Loads @path as a LIWC dictionary (lm_liwc_to_keyfile()) when its name ends
 * in ".dic" (any case) or its first non-blank line is "%", otherwise as a
 * leitmotif lexicon (same as lm_lexicon_load()).  The lexicon is named
 * @path; for a dictionary its SHA-256 is that of the converted text.
 *
 * Returns: (transfer full) (nullable): the lexicon, or %NULL with @error
 * (the errors of lm_liwc_to_keyfile() or lm_lexicon_load(), G_FILE_ERROR).
 */
LmLexicon *lm_lexicon_load_any (const char *path, LmStemmer *stemmer,
                                GError **error);

G_END_DECLS
