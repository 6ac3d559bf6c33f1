/* segmenter.c - lines to voices, then quotations inside the critic's prose.
 *
 * Works line by line first (page furniture and comments are line-shaped),
 * then splits the critic's paragraphs at quotation marks.  The rule names
 * stored on spans are the ones documented in segmenter.h.
 */
#include "segmenter.h"

#include <string.h>

#include "quotes.h"

struct _LmSegmentation
{
  LmText *text;
  GArray *spans;    /* LmSpan */
  GArray *comments; /* LmComment */
  GArray *warnings; /* LmSegmentWarning */
};

typedef struct
{
  gsize start, end;   /* content, without the line break */
  gsize next;         /* where the next line starts */
  const char *trim;   /* trimmed content (into the text) */
  gsize trim_len;
  guint indent;
  guint n_words;
  gboolean blank;
  gboolean decided;
  LmVoice voice;
  const char *rule;
  gint comment;
} Line;

typedef struct
{
  GRegex *cta, *citation, *citation_mark, *bio, *appeal, *item, *bullet, *attribution;
} Rules;

static Rules *
rules_get (void)
{
  static gsize initialized = 0;
  static Rules rules;
  if (g_once_init_enter (&initialized))
    {
      GRegexCompileFlags ci = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;
      rules.cta = g_regex_new (
          "^(leave a (comment|reply)\\.?|what do you think\\?.*|(go|back) to top"
          "|related (items|articles|posts|stories|reading)|payment information"
          "|create (a )?(writer )?account|posted (on|by)\\b.*"
          "|contributing (writer|author|editor) (for|at)\\b.*|want to write about\\b.*"
          "|share (this|on)\\b.*|subscribe\\b.*|sign (up|in)\\b.*|log ?in\\b.*"
          "|read more\\b.*|click here\\b.*|advertisement|.*\\blogo|follow us\\b.*"
          "|\\d+ (comments?|responses?|replies)|comments?|responses?|reply"
          "|tags?:.*|filed under\\b.*|print|e-?mail|works cited|references"
          "|bibliography|continue reading\\b.*|support (us|our)\\b.*|donate\\b.*)$",
          ci, 0, NULL);
      rules.citation = g_regex_new ("\\b[A-Z][A-Za-z .]+: [A-Z][^,]+, (1[5-9]|20)\\d\\d\\b",
                                    G_REGEX_OPTIMIZE, 0, NULL);
      rules.citation_mark = g_regex_new ("(\\bpages\\b|\\bpp\\.|\\bPrint\\.?$|\\$\\d)",
                                         G_REGEX_OPTIMIZE, 0, NULL);
      rules.bio = g_regex_new ("^\\(.*(\\b(is|was) an? \\w+|can be reached).*\\)\\.?$", ci, 0, NULL);
      rules.appeal = g_regex_new ("\\b(support|donat|contribut|subscri|independen|journalis"
                                  "|our readers|our mission|free to anyone|membership)",
                                  ci, 0, NULL);
      rules.item = g_regex_new ("^[ \\t]+(\\d{1,4})\\.[ \\t]+(\\S.*)$", G_REGEX_OPTIMIZE, 0, NULL);
      rules.bullet = g_regex_new ("^[ \\t]*(•|↳|-|\\*)[ \\t]+(\\S.*)$", G_REGEX_OPTIMIZE, 0, NULL);
      rules.attribution = g_regex_new ("^[—–-]+\\s*.*\\bpages?\\s+(\\d+([-–]\\d+)?)", ci, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }
  return &rules;
}

const char *
lm_quote_kind_to_string (LmQuoteKind kind)
{
  switch (kind)
    {
    case LM_QUOTE_NOVEL:
      return "novel";
    case LM_QUOTE_TERM:
      return "term";
    case LM_QUOTE_OTHER:
      return "other";
    case LM_QUOTE_NONE:
    default:
      return "none";
    }
}

static guint
count_words (const char *s, gsize len)
{
  guint n = 0;
  gboolean in = FALSE;
  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean w = g_unichar_isalnum (c) || c == '\'' || c == 0x2019;
      if (w && !in)
        n++;
      in = w;
    }
  return n;
}

static GArray *
split_lines (LmText *text)
{
  gsize len;
  const char *data = lm_text_get_data (text, &len);
  guint n = lm_text_get_n_lines (text);
  GArray *lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), n);
  for (guint i = 1; i <= n; i++)
    {
      Line l = { 0 };
      lm_text_line_bounds (text, i, &l.start, &l.end);
      l.next = l.end;
      while (l.next < len && data[l.next] != '\n')
        l.next++;
      if (l.next < len)
        l.next++;
      const char *p = data + l.start, *e = data + l.end;
      while (p < e && (*p == ' ' || *p == '\t'))
        {
          l.indent++;
          p++;
        }
      /* Non-breaking and other Unicode spaces count as blank too. */
      while (p < e && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (e > p && g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (p, e))))
        e = g_utf8_find_prev_char (p, e);
      l.trim = p;
      l.trim_len = (gsize) (e - p);
      l.blank = l.trim_len == 0;
      l.n_words = count_words (p, l.trim_len);
      l.comment = -1;
      g_array_append_val (lines, l);
    }
  return lines;
}

static gboolean
line_starts_with (const Line *l, const char *hint)
{
  gsize n = strlen (hint);
  return n && l->trim_len >= n && memcmp (l->trim, hint, n) == 0;
}

static gboolean
regex_matches_line (GRegex *re, const Line *l)
{
  g_autofree char *s = g_strndup (l->trim, l->trim_len);
  return g_regex_match (re, s, 0, NULL);
}

static void
decide (Line *l, LmVoice voice, const char *rule)
{
  if (l->decided || l->blank)
    return;
  l->decided = TRUE;
  l->voice = voice;
  l->rule = rule;
}

static gint
find_line (GArray *lines, const char *hint, guint from)
{
  for (guint i = from; hint && i < lines->len; i++)
    if (line_starts_with (&g_array_index (lines, Line, i), hint))
      return (gint) i;
  return -1;
}

static void
apply_hints (GArray *lines, const LmSegmentHints *hints)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      for (guint h = 0; hints->boilerplate && hints->boilerplate[h]; h++)
        if (line_starts_with (l, hints->boilerplate[h]))
          decide (l, LM_VOICE_BOILERPLATE, "hint:boilerplate");
    }
  gint body = find_line (lines, hints->body_from, 0);
  for (gint i = 0; i < body; i++)
    decide (&g_array_index (lines, Line, i), LM_VOICE_BOILERPLATE, "hint:body-from");
}

/* ---- comments ------------------------------------------------------ */

typedef struct
{
  guint line;
  guint indent;
  guint number;   /* 0 for a bullet reply */
  char *rest;     /* the item's own text after its number or bullet */
} Item;

static gboolean
item_at (const Rules *r, const Line *l, Item *item)
{
  if (l->blank)
    return FALSE;
  g_autofree char *s = g_strndup (l->trim - l->indent, l->trim_len + l->indent);
  g_autoptr(GMatchInfo) mi = NULL;
  if (g_regex_match (r->item, s, 0, &mi))
    {
      g_autofree char *num = g_match_info_fetch (mi, 1);
      item->number = (guint) g_ascii_strtoull (num, NULL, 10);
      item->rest = g_match_info_fetch (mi, 2);
      item->indent = l->indent;
      return TRUE;
    }
  g_clear_pointer (&mi, g_match_info_free);
  if (g_regex_match (r->bullet, s, 0, &mi))
    {
      item->number = 0;
      item->rest = g_match_info_fetch (mi, 2);
      item->indent = l->indent;
      return TRUE;
    }
  return FALSE;
}

/* The first line of the comment list: an indented "1." followed by "2." ...
 * at least LM_SEGMENT_MIN_COMMENTS deep, or the hinted line. */
static gint
find_comments_start (const Rules *r, GArray *lines, const LmSegmentHints *hints)
{
  gint hinted = hints ? find_line (lines, hints->comments_from, 0) : -1;
  if (hinted >= 0)
    return hinted;
  for (guint i = 0; i < lines->len; i++)
    {
      Item it = { 0 };
      if (!item_at (r, &g_array_index (lines, Line, i), &it))
        continue;
      g_free (it.rest);
      if (it.number != 1)
        continue;
      guint want = 2;
      for (guint j = i + 1; j < lines->len && want <= LM_SEGMENT_MIN_COMMENTS; j++)
        {
          Item jt = { 0 };
          if (item_at (r, &g_array_index (lines, Line, j), &jt))
            {
              if (jt.number == want)
                want++;
              g_free (jt.rest);
            }
        }
      if (want > LM_SEGMENT_MIN_COMMENTS)
        return (gint) i;
    }
  return -1;
}

static gboolean
looks_like_name (const char *rest)
{
  if (strpbrk (rest, ".!?,;:\"“”()") != NULL)
    return FALSE;
  guint n = count_words (rest, strlen (rest));
  return n >= 1 && n <= 4;
}

static void
comment_free (gpointer p)
{
  g_free (((LmComment *) p)->commenter);
}

/* The indent of the first line of comment @k. */
static guint
comment_indent (GArray *lines, GArray *comments, guint k)
{
  return g_array_index (lines, Line, g_array_index (comments, LmComment, k).first_line - 1).indent;
}

static void
segment_comments (const Rules *r, GArray *lines, GArray *comments,
                  const LmSegmentHints *hints)
{
  gint start = find_comments_start (r, lines, hints);
  if (start < 0)
    return;
  gint until = hints ? find_line (lines, hints->comments_until, (guint) start) : -1;
  /* A hinted region without numbers or bullets: each paragraph is one
   * unsigned comment. */
  gboolean paragraphs = TRUE;
  for (guint i = (guint) start; i < lines->len && (until < 0 || i < (guint) until); i++)
    {
      Item it = { 0 };
      if (item_at (r, &g_array_index (lines, Line, i), &it))
        paragraphs = FALSE;
      g_free (it.rest);
    }
  gint current = -1;
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = (guint) start; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (until >= 0 && i >= (guint) until)
        break;
      Item it = { 0 };
      gboolean is_item = item_at (r, l, &it);
      if (!is_item && !l->blank && current >= 0 && l->indent == 0
          && regex_matches_line (r->cta, l))
        break; /* "Leave a Reply" ends the list */
      if (is_item)
        {
          LmComment c = { .number = it.number, .parent = -1, .first_line = i + 1 };
          /* A reply's parent: the nearest item above that is indented less.
           * @open holds the comments that can still be one (each indented
           * more than the one below it in the stack), so that a thread of
           * 300,000 replies costs linear time. */
          while (open->len > 0
                 && comment_indent (lines, comments, g_array_index (open, guint, open->len - 1))
                      >= l->indent)
            g_array_set_size (open, open->len - 1);
          if (it.number == 0 && open->len > 0)
            c.parent = (gint) g_array_index (open, guint, open->len - 1);
          /* A short name followed by more-indented text signs the comment. */
          guint j = i + 1;
          while (j < lines->len && g_array_index (lines, Line, j).blank)
            j++;
          Item next = { 0 };
          gboolean next_is_item = j < lines->len && item_at (r, &g_array_index (lines, Line, j), &next);
          g_free (next.rest);
          if (looks_like_name (it.rest) && j < lines->len && !next_is_item
              && g_array_index (lines, Line, j).indent > l->indent)
            {
              c.commenter = g_strdup (it.rest);
              decide (l, LM_VOICE_BOILERPLATE, "commenter-name");
            }
          g_array_append_val (comments, c);
          current = (gint) comments->len - 1;
          guint added = (guint) current;
          g_array_append_val (open, added);
          g_free (it.rest);
        }
      if (!is_item && paragraphs && !l->blank
          && (current < 0 || g_array_index (lines, Line, i - 1).blank))
        {
          LmComment c = { .parent = -1, .first_line = i + 1 };
          g_array_append_val (comments, c);
          current = (gint) comments->len - 1;
          while (open->len > 0
                 && comment_indent (lines, comments, g_array_index (open, guint, open->len - 1))
                      >= l->indent)
            g_array_set_size (open, open->len - 1);
          guint added = (guint) current;
          g_array_append_val (open, added);
        }
      if (current < 0)
        continue;
      l->comment = current;
      g_array_index (comments, LmComment, current).last_line = i + 1;
      decide (l, LM_VOICE_COMMENT, "comment");
    }
  /* Trailing blank lines do not extend a comment. */
  for (guint k = 0; k < comments->len; k++)
    {
      LmComment *c = &g_array_index (comments, LmComment, k);
      while (c->last_line > c->first_line && g_array_index (lines, Line, c->last_line - 1).blank)
        c->last_line--;
    }
}

/* ---- page furniture ------------------------------------------------ */

static gint
furniture (const Rules *r, GArray *lines, const LmSegmentHints *hints)
{
  gint first_cta = -1;
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank)
        continue;
      char *key = g_strndup (l->trim, l->trim_len);
      g_hash_table_replace (seen, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1));
    }
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank || l->comment >= 0)
        continue;
      g_autofree char *s = g_strndup (l->trim, l->trim_len);
      if (l->n_words <= 10 && g_regex_match (r->cta, s, 0, NULL))
        {
          decide (l, LM_VOICE_BOILERPLATE, "call-to-action");
          if (first_cta < 0)
            first_cta = (gint) i;
        }
      else if (l->n_words >= 3 && GPOINTER_TO_UINT (g_hash_table_lookup (seen, s)) > 1)
        decide (l, LM_VOICE_BOILERPLATE, "repeated-line");
      else if (g_regex_match (r->bio, s, 0, NULL))
        decide (l, LM_VOICE_BOILERPLATE, "author-bio");
      else if (g_regex_match (r->citation, s, 0, NULL) && g_regex_match (r->citation_mark, s, 0, NULL))
        decide (l, LM_VOICE_BOILERPLATE, "citation");
      else if (l->n_words <= 15 && i + 1 < lines->len)
        {
          /* A caption and its longer alt text or credit on the next line. */
          Line *nl = &g_array_index (lines, Line, i + 1);
          gsize n = l->trim_len;
          while (n && strchr (".!? ", l->trim[n - 1]))
            n--;
          g_autofree char *head = g_strndup (l->trim, n);
          if (!nl->blank && nl->comment < 0 && n > 0 && nl->trim_len > l->trim_len
              && g_strstr_len (nl->trim, (gssize) nl->trim_len, head))
            {
              decide (l, LM_VOICE_BOILERPLATE, "caption");
              decide (nl, LM_VOICE_BOILERPLATE, "caption");
            }
        }
    }
  g_hash_table_unref (seen);

  if (hints && hints->boilerplate_from)
    {
      gint from = find_line (lines, hints->boilerplate_from, 0);
      for (gint i = from; from >= 0 && i < (gint) lines->len; i++)
        if (g_array_index (lines, Line, i).comment < 0)
          decide (&g_array_index (lines, Line, i), LM_VOICE_BOILERPLATE, "hint:boilerplate-from");
    }
  return first_cta;
}

/* Fund-raising paragraphs after the page's first call to action. */
static void
appeals (const Rules *r, GArray *lines, gint first_cta)
{
  if (first_cta < 0)
    return;
  for (guint i = (guint) first_cta + 1; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank || l->decided)
        continue;
      g_autofree char *s = g_strndup (l->trim, l->trim_len);
      g_autoptr(GHashTable) cues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GMatchInfo) mi = NULL;
      g_regex_match (r->appeal, s, 0, &mi);
      while (g_match_info_matches (mi))
        {
          g_autofree char *m = g_match_info_fetch (mi, 1);
          g_hash_table_add (cues, g_ascii_strdown (m, -1));
          g_match_info_next (mi, NULL);
        }
      if (g_hash_table_size (cues) >= 2)
        decide (l, LM_VOICE_BOILERPLATE, "appeal");
    }
}

/* ---- spans --------------------------------------------------------- */

static void
span_clear (gpointer p)
{
  g_free (((LmSpan *) p)->page);
}

static void
add_span (LmSegmentation *seg, gsize start, gsize end, LmVoice voice,
          const char *rule, LmQuoteKind quote, char *page, gint comment)
{
  if (end <= start)
    {
      g_free (page);
      return;
    }
  if (seg->spans->len)
    {
      LmSpan *prev = &g_array_index (seg->spans, LmSpan, seg->spans->len - 1);
      /* White space after a span (a line break) belongs to that span. */
      const char *data = lm_text_get_data (seg->text, NULL);
      gsize k = start;
      while (k < end && g_ascii_isspace (data[k]))
        k++;
      if (k == end && prev->end == start)
        {
          prev->end = end;
          g_free (page);
          return;
        }
      if (prev->voice == voice && prev->rule == rule && prev->comment == comment
          && prev->quote == LM_QUOTE_NONE && quote == LM_QUOTE_NONE && prev->end == start)
        {
          prev->end = end;
          return;
        }
    }
  LmSpan sp = { start, end, 0, 0, voice, rule, quote, page, comment };
  g_array_append_val (seg->spans, sp);
}

static void
warn (LmSegmentation *seg, gsize offset, char *message)
{
  LmSegmentWarning w = { 0, 0, message };
  lm_text_position (seg->text, offset, &w.line, &w.col);
  g_array_append_val (seg->warnings, w);
}

static gboolean
only_trailing (const char *data, gsize from, gsize to)
{
  for (gsize i = from; i < to; i++)
    if (!strchr (" \t\r\n.,;:", data[i]))
      return FALSE;
  return TRUE;
}

/* Splits the critic paragraph lines[first..last] at its quotations; returns
 * TRUE if the whole paragraph is one block quotation. */
static gboolean
critic_paragraph (LmSegmentation *seg, GArray *lines, guint first, guint last)
{
  gsize len;
  const char *data = lm_text_get_data (seg->text, &len);
  const Line *fl = &g_array_index (lines, Line, first);
  const Line *ll = &g_array_index (lines, Line, last);
  gsize pstart = fl->start, pend = ll->next;
  GArray *quotes = lm_find_quotes (data, (gsize) (fl->trim - data), ll->end);
  gboolean whole_block = FALSE;
  gsize at = pstart;
  for (guint q = 0; q < quotes->len; q++)
    {
      LmQuote *qt = &g_array_index (quotes, LmQuote, q);
      add_span (seg, at, qt->start, LM_VOICE_CRITIC, "critic", LM_QUOTE_NONE, NULL, -1);
      guint words = count_words (data + qt->inner_start, qt->inner_end - qt->inner_start);
      gboolean block = qt->start == (gsize) (fl->trim - data) && only_trailing (data, qt->end, ll->end);
      LmQuoteKind kind;
      const char *rule;
      if (qt->unclosed)
        {
          kind = words <= 4 ? LM_QUOTE_TERM : LM_QUOTE_OTHER;
          rule = "unclosed-quote";
          guint line, col;
          lm_text_position (seg->text, qt->start, &line, &col);
          warn (seg, qt->start,
                g_strdup_printf ("quotation mark at %u:%u never closes; bounded at the end "
                                 "of its paragraph (line %u)", line, col, last + 1));
        }
      else if (qt->page)
        {
          kind = LM_QUOTE_NOVEL;
          rule = "page-cited";
        }
      else if (block && words > 4)
        {
          kind = LM_QUOTE_NOVEL;
          rule = "block-quote";
        }
      else if (words <= 4)
        {
          kind = LM_QUOTE_TERM;
          rule = "quoted-term";
        }
      else
        {
          kind = LM_QUOTE_OTHER;
          rule = "quotation";
        }
      whole_block = block && !qt->unclosed && words > 4;
      add_span (seg, qt->start, qt->end, LM_VOICE_QUOTATION, rule, kind,
                g_steal_pointer (&qt->page), -1);
      at = qt->end;
    }
  add_span (seg, at, pend, LM_VOICE_CRITIC, "critic", LM_QUOTE_NONE, NULL, -1);
  whole_block = whole_block && quotes->len == 1;
  lm_quotes_free (quotes);
  return whole_block;
}

static void
assemble (LmSegmentation *seg, const Rules *r, GArray *lines)
{
  LmVoice voice = LM_VOICE_CRITIC;
  const char *rule = "critic";
  gint comment = -1;
  guint i = 0;
  gint block_span = -1; /* span index of a block quote awaiting an attribution */
  while (i < lines->len)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank)
        {
          /* Blank lines join the span before them (they hold no words). */
          if (seg->spans->len)
            g_array_index (seg->spans, LmSpan, seg->spans->len - 1).end = l->next;
          else
            add_span (seg, l->start, l->next, voice, rule, LM_QUOTE_NONE, NULL, comment);
          i++;
          continue;
        }
      if (l->decided)
        {
          voice = l->voice;
          rule = l->rule;
          comment = l->comment;
          add_span (seg, l->start, l->next, voice, rule, LM_QUOTE_NONE, NULL, comment);
          block_span = -1;
          i++;
          continue;
        }
      if (block_span >= 0 && regex_matches_line (r->attribution, l))
        {
          /* "— Never Let Me Go, page 274" under a block quotation. */
          g_autofree char *s = g_strndup (l->trim, l->trim_len);
          g_autoptr(GMatchInfo) mi = NULL;
          g_regex_match (r->attribution, s, 0, &mi);
          LmSpan *b = &g_array_index (seg->spans, LmSpan, block_span);
          if (b->page == NULL)
            b->page = g_match_info_fetch (mi, 1);
          b->quote = LM_QUOTE_NOVEL;
          b->rule = "block-quote";
          add_span (seg, l->start, l->next, LM_VOICE_QUOTATION, "attribution",
                    LM_QUOTE_NOVEL, g_match_info_fetch (mi, 1), -1);
          block_span = -1;
          i++;
          continue;
        }
      guint j = i;
      while (j + 1 < lines->len && !g_array_index (lines, Line, j + 1).blank
             && !g_array_index (lines, Line, j + 1).decided)
        j++;
      guint before = seg->spans->len;
      gboolean block = critic_paragraph (seg, lines, i, j);
      /* The block quote is the paragraph's only quotation span. */
      block_span = -1;
      for (guint k = before; block && k < seg->spans->len; k++)
        if (g_array_index (seg->spans, LmSpan, k).voice == LM_VOICE_QUOTATION)
          block_span = (gint) k;
      voice = LM_VOICE_CRITIC;
      rule = "critic";
      comment = -1;
      i = j + 1;
    }
}

LmSegmentation *
lm_segment_text (LmText *text, const LmSegmentHints *hints)
{
  const Rules *r = rules_get ();
  LmSegmentation *seg = g_new0 (LmSegmentation, 1);
  seg->text = lm_text_ref (text);
  seg->spans = g_array_new (FALSE, FALSE, sizeof (LmSpan));
  g_array_set_clear_func (seg->spans, span_clear);
  seg->comments = g_array_new (FALSE, FALSE, sizeof (LmComment));
  g_array_set_clear_func (seg->comments, comment_free);
  seg->warnings = g_array_new (FALSE, FALSE, sizeof (LmSegmentWarning));

  g_autoptr(GArray) lines = split_lines (text);
  if (hints)
    apply_hints (lines, hints);
  segment_comments (r, lines, seg->comments, hints);
  gint first_cta = furniture (r, lines, hints);
  appeals (r, lines, first_cta);
  assemble (seg, r, lines);

  for (guint k = 0; k < seg->spans->len; k++)
    {
      /* Lines only: a column would cost the length of its line, for every
       * span of a long line full of quotations. */
      LmSpan *sp = &g_array_index (seg->spans, LmSpan, k);
      sp->first_line = lm_text_line_at (text, sp->start);
      sp->last_line = lm_text_line_at (text, sp->end > sp->start ? sp->end - 1 : sp->start);
    }
  return seg;
}

static void
warning_clear (gpointer p)
{
  g_free (((LmSegmentWarning *) p)->message);
}

void
lm_segmentation_free (LmSegmentation *seg)
{
  if (seg == NULL)
    return;
  g_array_set_clear_func (seg->warnings, warning_clear);
  g_array_unref (seg->spans);
  g_array_unref (seg->comments);
  g_array_unref (seg->warnings);
  lm_text_unref (seg->text);
  g_free (seg);
}

const GArray *
lm_segmentation_get_spans (const LmSegmentation *seg)
{
  return seg->spans;
}

const GArray *
lm_segmentation_get_comments (const LmSegmentation *seg)
{
  return seg->comments;
}

const GArray *
lm_segmentation_get_warnings (const LmSegmentation *seg)
{
  return seg->warnings;
}

const LmSpan *
lm_segmentation_span_at (const LmSegmentation *seg, gsize offset)
{
  guint lo = 0, hi = seg->spans->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const LmSpan *sp = &g_array_index (seg->spans, LmSpan, mid);
      if (offset < sp->start)
        hi = mid;
      else if (offset >= sp->end)
        lo = mid + 1;
      else
        return sp;
    }
  return NULL;
}

LmVoice
lm_segmentation_voice_at (const LmSegmentation *seg, gsize offset)
{
  const LmSpan *sp = lm_segmentation_span_at (seg, offset);
  return sp ? sp->voice : LM_VOICE_CRITIC;
}

/* How many replies a label names before it skips to the comment that
 * starts the thread: a thread of replies each indented more than the one
 * before could otherwise make labels as long as the thread. */
#define MAX_LABEL_REPLIES 4

/* "comment 8", "reply to Matlock's reply to comment 8": a comment as the
 * target of a reply, named by its commenter when it has one.  Past
 * MAX_LABEL_REPLIES replies, the rest of the chain is "…". */
static void
append_comment_ref (GString *out, const GArray *comments, guint index)
{
  const LmComment *c = &g_array_index (comments, LmComment, index);
  gboolean owner = FALSE;
  for (guint depth = 0; c->number == 0 && c->parent >= 0; depth++)
    {
      if (owner && c->commenter)
        g_string_append_printf (out, "%s's ", c->commenter);
      g_string_append (out, "reply to ");
      c = &g_array_index (comments, LmComment, c->parent);
      owner = TRUE;
      if (depth + 1 == MAX_LABEL_REPLIES && c->number == 0 && c->parent >= 0)
        {
          g_string_append (out, "\u2026 ");
          while (c->number == 0 && c->parent >= 0)
            c = &g_array_index (comments, LmComment, c->parent);
        }
    }
  if (owner && c->commenter)
    g_string_append_printf (out, "%s's ", c->commenter);
  g_string_append_printf (out, "comment %u", c->number);
}

char *
lm_segmentation_comment_label (const LmSegmentation *seg, guint comment)
{
  GString *out = g_string_new (NULL);
  append_comment_ref (out, seg->comments, comment);
  const LmComment *c = &g_array_index (seg->comments, LmComment, comment);
  if (c->commenter)
    g_string_append_printf (out, " by %s", c->commenter);
  return g_string_free (out, FALSE);
}

void
lm_segmentation_summarize (const LmSegmentation *seg, LmSegmentSummary *sum)
{
  *sum = (LmSegmentSummary) { 0 };
  sum->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < seg->spans->len; i++)
    {
      const LmSpan *sp = &g_array_index (seg->spans, LmSpan, i);
      if (sp->voice != LM_VOICE_QUOTATION || g_str_equal (sp->rule, "attribution"))
        continue;
      if (g_str_equal (sp->rule, "unclosed-quote"))
        sum->unclosed_quotations++;
      switch (sp->quote)
        {
        case LM_QUOTE_NOVEL:
          sum->novel_quotations++;
          if (sp->page)
            g_ptr_array_add (sum->pages, g_strdup (sp->page));
          break;
        case LM_QUOTE_TERM:
          sum->quoted_terms++;
          break;
        case LM_QUOTE_OTHER:
        case LM_QUOTE_NONE:
        default:
          sum->other_quotations++;
          break;
        }
    }
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < seg->comments->len; i++)
    {
      const LmComment *c = &g_array_index (seg->comments, LmComment, i);
      if (c->number)
        sum->comments++;
      else
        sum->replies++;
      if (c->commenter)
        g_hash_table_add (names, c->commenter);
    }
  sum->commenters = g_hash_table_size (names);
}

void
lm_segment_summary_clear (LmSegmentSummary *sum)
{
  g_clear_pointer (&sum->pages, g_ptr_array_unref);
}
