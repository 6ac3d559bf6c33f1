/* segmenter.h - LmSegmentation: who speaks where in an essay.
 *
 * Every byte of a text belongs to exactly one span with one voice:
 *  - boilerplate: page furniture, excluded from every count (its words are
 *    counted only as "excluded");
 *  - comment: a reader comment or reply; each is its own unit, with the
 *    commenter's name when the text gives one and the parent of a reply;
 *  - quotation: text inside quotation marks in the critic's prose;
 *  - critic: the rest, the author's own prose.
 *
 * The rules, applied in this order (the rule that decided is kept on every
 * span and shown by `leitmotif segments`).  Their cues, weights and
 * thresholds are data: lexicons/voices.ini (voice-rules.h), built in.
 *  1. hints from the corpus manifest, matched against the start of a line's
 *     trimmed text (see LmSegmentHints);
 *  2. numbered comments: an indented numbered list "1. ...", "2. ..." (at
 *     least LM_SEGMENT_MIN_COMMENTS consecutive numbers from 1) and bullet
 *     replies ("•", "-", "*", "↳") below it.  An item whose own line is a
 *     short name followed by more-indented text is signed by that name
 *     ("commenter-name", boilerplate).  A reply's parent is the nearest item
 *     above it that is indented less.  The list runs to the next line that
 *     ends it (a call to action, the end of the text, another comment
 *     section).  In a region the manifest marks as comments but which has no
 *     numbers or bullets, each paragraph is one unsigned comment;
 *  3. posts ("post"): when the page is a thread (its "thread" cues weigh
 *     thread_threshold) or after a "comments-start" line, the text between
 *     post headers and footers is other people's posts; the first post of a
 *     thread (from its first line of prose, below its first header block) is
 *     the main author's, and so is a later post signed by the same poster.
 *     A thread with no header between posts starts a post at each line that
 *     follows another directly.  The poster is a header's (?<name>) or a
 *     short name line above a header.  A "content-end" line ends comments;
 *  4. "appeal": after a content-end line, a line with two different words
 *     of an "appeal" cue;
 *  5. furniture: a boilerplate cue that reaches the threshold alone names
 *     the rule ("call-to-action", "citation", "author-bio", ...); a header,
 *     footer, comments-start or content-end line is furniture ("cue:NAME");
 *     a line of three words or more standing twice ("repeated-line"); else
 *     the line's score, the weights of its boilerplate cues and of its
 *     features (short, no-stop, alone, title-case, few-function-words,
 *     digits, top, bottom, repeated, prose, sentence, after-end,
 *     ends-with-function-word), against the threshold ("score:" and the
 *     features that counted).  A page without a line of prose, or of fewer
 *     than three lines, is not scored.  Lines of over
 *     LM_SEGMENT_MAX_CUE_WORDS words are prose: no cue is matched;
 *  6. "caption": a short line followed by a longer one that contains it;
 *     "neighbours": a short line that is not prose between two lines of
 *     furniture (or the page's edge) is furniture (jusText's rule);
 *  7. quotations the layout shows: the lines after a "quote-intro" line
 *     ("here's the synopsis:") up to one in the poster's own first person
 *     ("introduced"); a short paragraph above an "attribution" line
 *     ("— Emily Dickinson"), an epigraph ("epigraph", "attribution"); a
 *     hard-wrapped run of lines in a page of long lines ("wrapped-block");
 *  8. quotations inside the critic's paragraphs (see quotes.h): page-cited
 *     or block quotations are quotations of the novel ("novel"), with their
 *     page reference; quotes of at most max_term_words words are quoted
 *     terms ("term"), and so are quoted titles ("quoted-title": every word of
 *     four letters or more capitalised); others are "other" quotations.  A
 *     quote that never closes is bounded at the end of its paragraph and
 *     reported as a warning.
 *
 * Ownership: the segmentation owns its spans, comments and warnings.
 * Thread safety: immutable after construction; segmenting is reentrant.
 */
#pragma once

#include <glib.h>

#include "core/text.h"
#include "voice-rules.h"
#include "voice.h"

G_BEGIN_DECLS

#define LM_SEGMENT_MIN_COMMENTS 2
/* Lines of more words are prose: voices.ini's cues are not matched
 * against them (bounded time on a 20 MB line). */
#define LM_SEGMENT_MAX_CUE_WORDS 400

typedef enum
{
  LM_QUOTE_NONE,
  LM_QUOTE_NOVEL, /* page-cited or a block quote */
  LM_QUOTE_TERM,  /* a short quoted word or phrase (scare quotes) */
  LM_QUOTE_OTHER, /* any other quotation */
} LmQuoteKind;

typedef struct
{
  gsize start, end;          /* byte range in the text data */
  guint first_line, last_line;
  LmVoice voice;
  const char *rule;          /* static: the rule that decided */
  LmQuoteKind quote;         /* for quotation spans */
  char *page;                /* "93", "273-274": page reference, or NULL */
  gint comment;              /* index into comments, or -1 */
} LmSpan;

typedef struct
{
  guint number;      /* the number the text gives it, 0 for a reply */
  char *commenter;   /* NULL when unsigned */
  gint parent;       /* index of the comment replied to, or -1 */
  guint first_line, last_line;
} LmComment;

typedef struct
{
  guint line, col;
  char *message;
} LmSegmentWarning;

/* Manifest hints; each string is matched against the beginning of a line's
 * trimmed text, so a hint may quote only the start of a long line. */
typedef struct
{
  char **boilerplate;    /* lines that are boilerplate wherever they are */
  char *body_from;       /* lines before the first such line are boilerplate */
  char *boilerplate_from;/* this line and all after it (outside comments) */
  char *comments_from;   /* comments start at this line */
  char *comments_until;  /* comments end before this line */
} LmSegmentHints;

typedef struct _LmSegmentation LmSegmentation;

/**
 * lm_segment_text:
 * @text: the text (a reference is taken)
 * @hints: (nullable): manifest hints
 *
 * Returns: (transfer full): the segmentation; never fails.
 */
LmSegmentation *lm_segment_text (LmText *text, const LmSegmentHints *hints);
/* As lm_segment_text(), with the cues of @rules (%NULL: the default). */
LmSegmentation *lm_segment_text_with_rules (LmText *text, const LmVoiceRules *rules,
                                            const LmSegmentHints *hints);
void lm_segmentation_free (LmSegmentation *seg);

/* (transfer none) arrays of LmSpan, LmComment, LmSegmentWarning */
const GArray *lm_segmentation_get_spans (const LmSegmentation *seg);
const GArray *lm_segmentation_get_comments (const LmSegmentation *seg);
const GArray *lm_segmentation_get_warnings (const LmSegmentation *seg);

/* The voice at byte @offset (binary search). */
LmVoice lm_segmentation_voice_at (const LmSegmentation *seg, gsize offset);
/* The span at byte @offset (transfer none). */
const LmSpan *lm_segmentation_span_at (const LmSegmentation *seg, gsize offset);

const char *lm_quote_kind_to_string (LmQuoteKind kind);

/* What a segmentation found, for the reports. */
typedef struct
{
  guint novel_quotations;  /* page-cited or block quotations of the novel */
  guint quoted_terms;
  guint other_quotations;
  guint unclosed_quotations;
  guint comments;          /* numbered comments */
  guint replies;
  guint commenters;        /* distinct names signing comments or replies */
  GPtrArray *pages;        /* char*: page references of novel quotations, text order */
} LmSegmentSummary;

/* Fills @summary; free its contents with lm_segment_summary_clear(). */
void lm_segmentation_summarize (const LmSegmentation *seg, LmSegmentSummary *summary);
void lm_segment_summary_clear (LmSegmentSummary *summary);

/* "comment 8", "reply to comment 8", "reply to Matlock's reply to comment
 * 8", with " by NAME" when signed.  A label names at most four replies, then
 * "… " and the comment that starts the thread ("reply to A's reply to B's
 * reply to C's reply to … Matlock's comment 8"), so that its length does
 * not grow with the thread. (transfer full) */
char *lm_segmentation_comment_label (const LmSegmentation *seg, guint comment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LmSegmentation, lm_segmentation_free)

G_END_DECLS
