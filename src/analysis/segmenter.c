/* segmenter.c - lines to voices, then quotations inside the critic's prose.
 *
 * Works line by line first (page furniture and comments are line-shaped),
 * then splits the critic's paragraphs at quotation marks.  The rule names
 * stored on spans are the ones documented in segmenter.h.
 */
#include "segmenter.h"

#include <string.h>

#include "quotes.h"
#include "voice-rules.h"

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
  /* page features (page_lines) */
  gboolean prose;                 /* long, ends a sentence, enough function words */
  gboolean ends_sentence;
  double function_share, title_share, digit_share;
  const LmCue *cue[LM_N_CUE_ROLES]; /* the first cue of each role that matches */
  gboolean cued;                  /* cue[] and matched computed (line_cues) */
  guint64 *matched;               /* bit i: boilerplate cue i matches (NULL: none) */
  char *poster;                   /* a post-header's (?<name>...) */
} Line;

typedef struct
{
  GRegex *item, *bullet, *attribution;
} Rules;

static Rules *
rules_get (void)
{
  static gsize initialized = 0;
  static Rules rules;
  if (g_once_init_enter (&initialized))
    {
      GRegexCompileFlags ci = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;
      /* Layout, not vocabulary: the cues a linguist edits are in voices.ini. */
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

/* ---- page features and cues (voices.ini) --------------------------- */

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == '"' || c == 0x201D
         || c == 0x2019 || c == '\'' || c == ')' || c == ':';
}

/* Function-word, capitalised-word and digit shares, and the cues. */
static void
line_features (const LmVoiceRules *vr, Line *l)
{
  const LmVoiceSettings *st = lm_voice_rules_get_settings (vr);
  guint words = 0, function = 0, capital = 0, digits = 0, chars = 0;
  const char *e = l->trim + l->trim_len;
  for (const char *p = l->trim; p < e;)
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        chars++;
      if (g_unichar_isdigit (c))
        digits++;
      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      const char *w = p;
      while (p < e)
        {
          gunichar d = g_utf8_get_char (p);
          if (!(g_unichar_isalnum (d) || d == '\'' || d == 0x2019))
            break;
          p = g_utf8_next_char (p);
        }
      words++;
      capital += g_unichar_isupper (c) || g_unichar_istitle (c);
      g_autofree char *down = g_utf8_strdown (w, p - w);
      /* "doesn’t" as "doesn't" */
      for (char *a; (a = strstr (down, "\u2019")) != NULL;)
        {
          *a = '\'';
          memmove (a + 1, a + 3, strlen (a + 3) + 1);
        }
      function += lm_voice_rules_is_function_word (vr, down);
    }
  l->function_share = words ? (double) function / words : 0;
  l->title_share = words ? (double) capital / words : 0;
  l->digit_share = chars ? (double) digits / chars : 0;
  if (l->trim_len)
    l->ends_sentence = is_sentence_end (g_utf8_get_char (g_utf8_find_prev_char (l->trim, e)));
  /* A long line that does not end a sentence is prose cut short (a page
   * excerpt ends mid-sentence). */
  l->prose = l->n_words >= st->prose_words
             && (l->ends_sentence || l->n_words >= 2 * st->prose_words)
             && l->function_share >= st->min_function_share;
}

/* The voices.ini cues a line matches, once: computed when first needed, so
 * that a thread of 300,000 numbered replies is not matched cue by cue. */
static void
line_cues (const LmVoiceRules *vr, Line *l)
{
  if (l->cued)
    return;
  l->cued = TRUE;
  /* A line past LM_SEGMENT_MAX_CUE_WORDS is prose, whatever it holds: no
   * cue is matched against it, so that a 20 MB line costs linear time. */
  if (l->blank || l->n_words > LM_SEGMENT_MAX_CUE_WORDS)
    return;
  const GArray *cues = lm_voice_rules_get_cues (vr);
  g_autofree char *s = g_strndup (l->trim, l->trim_len);
  for (guint i = 0; i < cues->len; i++)
    {
      const LmCue *cue = &g_array_index (cues, LmCue, i);
      if (l->cue[cue->role] && cue->role != LM_CUE_BOILERPLATE)
        continue;
      if (cue->max_words && l->n_words > cue->max_words)
        continue;
      g_autoptr(GMatchInfo) mi = NULL;
      if (!g_regex_match (cue->regex, s, 0, &mi))
        continue;
      /* Every boilerplate cue is matched here once, and cue_score() and
       * strong_cue() read the bits: a regex runs once per line and cue. */
      if (cue->role == LM_CUE_BOILERPLATE)
        {
          if (l->matched == NULL)
            l->matched = g_new0 (guint64, (cues->len + 63) / 64);
          l->matched[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
        }
      if (cue->role == LM_CUE_POST_HEADER && l->poster == NULL)
        {
          char *name = g_match_info_fetch_named (mi, "name");
          if (name && *g_strstrip (name))
            l->poster = name;
          else
            g_free (name);
        }
      if (!l->cue[cue->role])
        l->cue[cue->role] = cue;
    }
}

/* The boilerplate cues that match @l, their weights summed; @names gets
 * "+name" for each. */
static gboolean
cue_matched (const Line *l, guint i)
{
  return l->matched && (l->matched[i / 64] >> (i % 64) & 1);
}

static double
cue_score (const LmVoiceRules *vr, Line *l, GString *names)
{
  const GArray *cues = lm_voice_rules_get_cues (vr);
  double score = 0;
  line_cues (vr, l);
  for (guint i = 0; i < cues->len; i++)
    {
      const LmCue *cue = &g_array_index (cues, LmCue, i);
      if (cue->role == LM_CUE_BOILERPLATE && cue_matched (l, i))
        {
          score += cue->weight;
          g_string_append_printf (names, "+%s", cue->name);
        }
    }
  return score;
}

/* The first boilerplate cue that matches @l with a weight that reaches the
 * threshold on its own. */
static const LmCue *
strong_cue (const LmVoiceRules *vr, Line *l)
{
  const GArray *cues = lm_voice_rules_get_cues (vr);
  double threshold = lm_voice_rules_get_settings (vr)->threshold;
  line_cues (vr, l);
  for (guint i = 0; i < cues->len; i++)
    {
      const LmCue *cue = &g_array_index (cues, LmCue, i);
      if (cue->role == LM_CUE_BOILERPLATE && cue->weight >= threshold && cue_matched (l, i))
        return cue;
    }
  return NULL;
}

static gboolean
is_boundary (const Line *l)
{
  return l->cue[LM_CUE_POST_HEADER] || l->cue[LM_CUE_POST_FOOTER]
         || l->cue[LM_CUE_COMMENTS_START];
}

/* A short line that could be a poster's name: a few words, no sentence
 * punctuation. */
static gboolean
name_line (const LmVoiceSettings *st, const Line *l)
{
  if (l->blank || l->n_words == 0 || l->n_words > st->max_name_words)
    return FALSE;
  for (const char *p = l->trim; p < l->trim + l->trim_len; p++)
    if (strchr (".!?,;:\"()", *p))
      return FALSE;
  return TRUE;
}

static const char *
intern_rule (const char *prefix, const char *what)
{
  g_autofree char *s = g_strconcat (prefix, what, NULL);
  return g_intern_string (s);
}

static void
start_post (const LmVoiceSettings *st, GArray *lines, GArray *comments, guint i, gint *current)
{
  LmComment c = { .parent = -1, .first_line = i + 1, .last_line = i + 1 };
  /* The poster: a header's name, or a name line just above the header. */
  for (gint k = (gint) i - 1; k >= 0; k--)
    {
      Line *h = &g_array_index (lines, Line, k);
      if (h->blank)
        continue;
      if (h->poster)
        {
          c.commenter = g_strdup (h->poster);
          break;
        }
      if (!(h->decided && h->voice == LM_VOICE_BOILERPLATE) && !is_boundary (h)
          && !(name_line (st, h) && k + 1 < (gint) i
               && g_array_index (lines, Line, k + 1).cue[LM_CUE_POST_HEADER]))
        break;
      /* "Jane Doe" above "March 3, 2012 at 4:12 pm" */
      if (name_line (st, h) && !is_boundary (h) && k + 1 < (gint) i
          && g_array_index (lines, Line, k + 1).cue[LM_CUE_POST_HEADER])
        {
          c.commenter = g_strndup (h->trim, h->trim_len);
          break;
        }
    }
  g_array_append_val (comments, c);
  *current = (gint) comments->len - 1;
}

/* Is line @j part of a post's header block: blank, a header or footer cue, a
 * short value under a bare key ("Messages" / "35"), or a short line just
 * above a header line? */
static gboolean
in_header_block (const LmVoiceSettings *st, GArray *lines, guint j)
{
  const Line *l = &g_array_index (lines, Line, j);
  if (l->blank || is_boundary (l))
    return TRUE;
  if (l->n_words > st->max_name_words || l->ends_sentence)
    return FALSE;
  gint k = (gint) j - 1;
  while (k >= 0 && g_array_index (lines, Line, k).blank)
    k--;
  if (k >= 0 && is_boundary (&g_array_index (lines, Line, k))
      && g_array_index (lines, Line, k).n_words <= 2)
    return TRUE;
  guint m = j + 1;
  while (m < lines->len && g_array_index (lines, Line, m).blank)
    m++;
  return m < lines->len && is_boundary (&g_array_index (lines, Line, m));
}

/* Lines quoted from an earlier message ("> ..." in a mail or forum
 * archive) are that message's poster's words: a comment, one a run. */
static void
quoted_messages (GArray *lines, GArray *comments)
{
  gint current = -1;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      gboolean quoted = !l->blank && l->trim[0] == '>' && l->n_words > 0 && !l->decided;
      if (!quoted)
        {
          if (!l->blank)
            current = -1;
          continue;
        }
      if (current < 0)
        {
          LmComment c = { .parent = -1, .first_line = i + 1 };
          g_array_append_val (comments, c);
          current = (gint) comments->len - 1;
        }
      l->comment = current;
      g_array_index (comments, LmComment, current).last_line = i + 1;
      decide (l, LM_VOICE_COMMENT, "quoted-message");
    }
}

/* Posts: on a thread page (forum, community reviews) or after a
 * comments-start cue, the text between post headers and footers is other
 * people's posts; the first post of a thread is the main author's. */
static void
posts (const LmVoiceRules *vr, GArray *lines, GArray *comments)
{
  const LmVoiceSettings *st = lm_voice_rules_get_settings (vr);
  double thread = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < lines->len; i++)
    {
      const LmCue *c = g_array_index (lines, Line, i).cue[LM_CUE_THREAD];
      if (c && !g_hash_table_contains (seen, c))
        {
          g_hash_table_add (seen, (gpointer) c);
          thread += c->weight;
        }
    }
  /* Three post headers or more on a page are a thread of their own. */
  guint headers = 0;
  for (guint i = 0; i < lines->len; i++)
    headers += g_array_index (lines, Line, i).cue[LM_CUE_POST_HEADER] != NULL;
  gboolean is_thread = thread >= st->thread_threshold || headers >= 3;
  /* The main text begins at the first line of prose not decided yet. */
  gint main_start = -1;
  for (guint pass = 0; pass < 2 && main_start < 0; pass++)
    for (guint i = 0; i < lines->len && main_start < 0; i++)
      {
        /* The first line of prose; failing that, the first long line. */
        Line *l = &g_array_index (lines, Line, i);
        if (!l->blank && !l->decided && !is_boundary (l)
            && (l->prose || (pass == 1 && l->n_words > st->short_words)))
          main_start = (gint) i;
      }
  /* A thread's main post starts below its first post header. */
  for (guint i = 0; is_thread && i < lines->len; i++)
    {
      if (!is_boundary (&g_array_index (lines, Line, i)))
        continue;
      guint j = i;
      while (j < lines->len && in_header_block (st, lines, j))
        j++;
      /* ... when no more than a title stands above that header. */
      guint above = 0;
      for (guint k = 0; k < i; k++)
        above += g_array_index (lines, Line, k).n_words;
      if (j < lines->len && above <= 2 * st->prose_words)
        {
          main_start = (gint) j;
          /* Above it: the thread's title and the header of the first post. */
          for (guint k = 0; k < i; k++)
            decide (&g_array_index (lines, Line, k), LM_VOICE_BOILERPLATE, "thread-head");
        }
      break;
    }
  if (main_start < 0)
    return;
  /* Is there a boundary between posts after the main text? */
  gboolean boundaries = FALSE;
  for (guint i = (guint) main_start; i < lines->len; i++)
    boundaries |= is_boundary (&g_array_index (lines, Line, i))
                  && !g_array_index (lines, Line, i).cue[LM_CUE_COMMENTS_START];
  gboolean in_comments = FALSE, after_boundary = FALSE, main_again = FALSE;
  gint current = -1;
  /* Who wrote the main post, when a header above it says. */
  const char *main_poster = NULL;
  for (gint k = main_start - 1; k >= 0 && !main_poster; k--)
    main_poster = g_array_index (lines, Line, k).poster;
  for (guint i = (guint) main_start; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank)
        continue;
      if (l->cue[LM_CUE_CONTENT_END])
        {
          in_comments = FALSE;
          is_thread = FALSE;
          current = -1;
          continue;
        }
      if (l->cue[LM_CUE_COMMENTS_START])
        {
          in_comments = TRUE;
          after_boundary = TRUE;
          current = -1;
          continue;
        }
      gboolean names_next = FALSE;
      if (name_line (st, l) && i + 1 < lines->len
          && g_array_index (lines, Line, i + 1).cue[LM_CUE_POST_HEADER])
        names_next = TRUE;
      if (is_boundary (l) || names_next || (l->decided && l->voice == LM_VOICE_BOILERPLATE))
        {
          if (is_boundary (l) && (is_thread || in_comments))
            {
              after_boundary = TRUE;
              if (is_thread)
                in_comments = TRUE;
            }
          continue;
        }
      if (l->decided)
        continue;
      /* A thread with no visible boundary between posts: a line right
       * below another starts a post; a blank line only parts paragraphs.
       * In any thread, two blank lines or more part posts. */
      guint blanks = 0;
      for (gint k = (gint) i - 1; k >= 0 && g_array_index (lines, Line, k).blank; k--)
        blanks++;
      gboolean split = is_thread && (gint) i > main_start
                       && ((!boundaries && blanks == 0) || blanks >= 2);
      gboolean new_post = after_boundary || split;
      if (split)
        in_comments = TRUE;
      if (!in_comments)
        continue;
      if (new_post || (current < 0 && !main_again))
        {
          start_post (st, lines, comments, i, &current);
          /* The main author posting again is still the main author. */
          const char *who = g_array_index (comments, LmComment, current).commenter;
          if (who && main_poster && g_str_equal (who, main_poster))
            {
              g_array_set_size (comments, comments->len - 1);
              current = -1;
              main_again = TRUE;
            }
          else
            main_again = FALSE;
        }
      after_boundary = FALSE;
      if (main_again)
        continue;
      l->comment = current;
      g_array_index (comments, LmComment, current).last_line = i + 1;
      decide (l, LM_VOICE_COMMENT, current >= 0 && g_array_index (comments, LmComment, current).commenter
                                     ? "post" : "post");
    }
}

/* A page without a line of prose (a note, a list, a test's few words) is
 * not scored: its lines are all someone's words. */
static gboolean
page_scored (GArray *lines)
{
  guint nonblank = 0;
  gboolean prose = FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      nonblank += !g_array_index (lines, Line, i).blank;
      prose |= g_array_index (lines, Line, i).prose;
    }
  return prose && nonblank >= 3;
}

/* "this is", "the", "of": a sentence cut short, not a heading. */
static gboolean
ends_with_function_word (const LmVoiceRules *vr, const Line *l)
{
  const char *e = l->trim + l->trim_len, *p = e;
  while (p > l->trim)
    {
      const char *q = g_utf8_find_prev_char (l->trim, p);
      gunichar c = g_utf8_get_char (q);
      if (!(g_unichar_isalpha (c) || c == '\'' || c == 0x2019))
        break;
      p = q;
    }
  if (p == e)
    return FALSE;
  g_autofree char *down = g_utf8_strdown (p, e - p);
  return lm_voice_rules_is_function_word (vr, down);
}

/* Ends with "." or "!" (a closing quote or bracket after them allowed). */
static gboolean
ends_full_stop (const Line *l)
{
  const char *p = l->trim + l->trim_len;
  while (p > l->trim)
    {
      p = g_utf8_find_prev_char (l->trim, p);
      gunichar c = g_utf8_get_char (p);
      if (c == '"' || c == 0x201D || c == 0x2019 || c == '\'' || c == ')')
        continue;
      /* "..." is a cut, not a full stop */
      return (c == '.' && !(p - l->trim >= 2 && p[-1] == '.')) || c == '!';
    }
  return FALSE;
}

/* A line with a blank line (or the page's edge) above and below. */
static gboolean
alone (GArray *lines, guint i)
{
  return (i == 0 || g_array_index (lines, Line, i - 1).blank)
         && (i + 1 >= lines->len || g_array_index (lines, Line, i + 1).blank);
}

/* Page furniture: cues of role boilerplate and the line's features, scored
 * against the threshold; post headers, footers and section cues are
 * furniture outright. */
static void
furniture (const LmVoiceRules *vr, GArray *lines, const LmSegmentHints *hints)
{
  const LmVoiceSettings *st = lm_voice_rules_get_settings (vr);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint nonblank = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank)
        continue;
      nonblank++;
      char *key = g_strndup (l->trim, l->trim_len);
      g_hash_table_replace (seen, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1));
    }
  gint first_prose = -1;
  for (guint i = 0; i < lines->len && first_prose < 0; i++)
    if (g_array_index (lines, Line, i).prose)
      first_prose = (gint) i;
  gboolean score_lines = page_scored (lines);
  gboolean after_end = FALSE;
  guint index = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank)
        continue;
      index++;
      if (l->comment >= 0)
        continue;
      if (l->cue[LM_CUE_CONTENT_END])
        after_end = TRUE;
      /* A cue that reaches the threshold alone names the rule by itself (the
       * seeds' "call-to-action", "citation", "author-bio"). */
      const LmCue *alone_cue = strong_cue (vr, l);
      if (alone_cue)
        {
          decide (l, LM_VOICE_BOILERPLATE, g_intern_string (alone_cue->name));
          continue;
        }
      const LmCueRole outright[] = { LM_CUE_POST_HEADER, LM_CUE_POST_FOOTER,
                                     LM_CUE_COMMENTS_START, LM_CUE_CONTENT_END };
      const LmCue *decisive = NULL;
      for (guint k = 0; k < G_N_ELEMENTS (outright) && !decisive; k++)
        decisive = l->cue[outright[k]];
      if (decisive)
        {
          decide (l, LM_VOICE_BOILERPLATE, intern_rule ("cue:", decisive->name));
          continue;
        }
      g_autofree char *s = g_strndup (l->trim, l->trim_len);
      gboolean repeated = l->n_words >= 3 && GPOINTER_TO_UINT (g_hash_table_lookup (seen, s)) > 1;
      if (repeated && st->w_repeated >= st->threshold)
        {
          /* Duplicated image captions and headers. */
          decide (l, LM_VOICE_BOILERPLATE, "repeated-line");
          continue;
        }
      /* An attribution line, or one that introduces a quotation, is the
       * quotation rules' to claim. */
      if (l->cue[LM_CUE_ATTRIBUTION] || l->cue[LM_CUE_QUOTE_INTRO])
        continue;
      g_autoptr(GString) why = g_string_new (NULL);
      double score = cue_score (vr, l, why);
      if (!score_lines)
        continue;
#define FEATURE(cond, w, name) \
  if ((cond) && (w) != 0) { score += (w); g_string_append (why, "+" name); }
      FEATURE (l->n_words <= st->short_words, st->w_short, "short");
      FEATURE (!l->ends_sentence || (l->n_words <= st->short_words && l->trim[l->trim_len - 1] == '?'),
               st->w_no_stop, "no-stop");
      /* A line ending in a colon introduces what follows: no heading. */
      FEATURE (!l->prose && alone (lines, i) && l->trim[l->trim_len - 1] != ':', st->w_alone, "alone");
      FEATURE (ends_with_function_word (vr, l), st->w_ends_function, "ends-with-function-word");
      FEATURE (l->n_words >= 2 && l->title_share >= 0.6, st->w_title_case, "title-case");
      FEATURE (l->function_share < st->min_function_share, st->w_low_function, "few-function-words");
      FEATURE (l->digit_share >= 0.25, st->w_digits, "digits");
      FEATURE (index <= st->top_lines || (first_prose >= 0 && (gint) i < first_prose), st->w_top, "top");
      FEATURE (index + st->bottom_lines > nonblank, st->w_bottom, "bottom");
      FEATURE (repeated, st->w_repeated, "repeated");
      FEATURE (l->prose, st->w_prose, "prose");
      FEATURE (!l->prose && l->n_words >= 2 && ends_full_stop (l), st->w_sentence, "sentence");
      FEATURE (after_end, st->w_after_end, "after-end");
#undef FEATURE
      if (score >= st->threshold - 1e-9 && why->len)
        decide (l, LM_VOICE_BOILERPLATE,
                repeated && st->w_repeated >= st->threshold
                  ? "repeated-line" : intern_rule ("score:", why->str + 1));
    }

  if (hints && hints->boilerplate_from)
    {
      gint from = find_line (lines, hints->boilerplate_from, 0);
      for (gint i = from; from >= 0 && i < (gint) lines->len; i++)
        if (g_array_index (lines, Line, i).comment < 0)
          decide (&g_array_index (lines, Line, i), LM_VOICE_BOILERPLATE, "hint:boilerplate-from");
    }
}

/* A caption and its longer alt text or credit on the next line. */
static void
captions (GArray *lines)
{
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      Line *nl = &g_array_index (lines, Line, i + 1);
      if (l->blank || l->comment >= 0 || l->n_words > 15 || nl->blank || nl->comment >= 0)
        continue;
      gsize n = l->trim_len;
      while (n && strchr (".!? ", l->trim[n - 1]))
        n--;
      g_autofree char *head = g_strndup (l->trim, n);
      if (n > 0 && nl->trim_len > l->trim_len
          && g_strstr_len (nl->trim, (gssize) nl->trim_len, head))
        {
          decide (l, LM_VOICE_BOILERPLATE, "caption");
          decide (nl, LM_VOICE_BOILERPLATE, "caption");
        }
    }
}

/* jusText's neighbours: a short line that is neither prose nor decided
 * takes the class of its neighbours when both are boilerplate. */
static void
neighbours (const LmVoiceRules *vr, GArray *lines)
{
  const LmVoiceSettings *st = lm_voice_rules_get_settings (vr);
  if (!page_scored (lines))
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank || l->decided || l->prose || l->n_words > st->short_words)
        continue;
      gint a = (gint) i - 1, b = (gint) i + 1;
      while (a >= 0 && g_array_index (lines, Line, a).blank)
        a--;
      while (b < (gint) lines->len && g_array_index (lines, Line, b).blank)
        b++;
      gboolean bp_a = a < 0 || (g_array_index (lines, Line, a).decided
                                && g_array_index (lines, Line, a).voice == LM_VOICE_BOILERPLATE);
      gboolean bp_b = b >= (gint) lines->len
                      || (g_array_index (lines, Line, b).decided
                          && g_array_index (lines, Line, b).voice == LM_VOICE_BOILERPLATE);
      if (bp_a && bp_b && (a >= 0 || b < (gint) lines->len))
        decide (l, LM_VOICE_BOILERPLATE, "neighbours");
    }
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
      gboolean first = TRUE, nested = FALSE;
      for (guint j = i + 1; j < lines->len && want <= LM_SEGMENT_MIN_COMMENTS; j++)
        {
          Item jt = { 0 };
          if (item_at (r, &g_array_index (lines, Line, j), &jt))
            {
              /* "1." with a more-indented "1." below it: a comment and
               * its reply (a WordPress thread of one comment) */
              if (first && jt.indent > g_array_index (lines, Line, i).indent)
                nested = TRUE;
              first = FALSE;
              if (jt.number == want)
                want++;
              g_free (jt.rest);
            }
        }
      if (want > LM_SEGMENT_MIN_COMMENTS || nested)
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

/* A line that ends a list of comments: a call to action, the end of the
 * text, the start of another comment section. */
static gboolean
ends_list (const LmVoiceRules *vr, Line *l)
{
  line_cues (vr, l);
  if (l->cue[LM_CUE_CONTENT_END] || l->cue[LM_CUE_COMMENTS_START])
    return TRUE;
  g_autoptr(GString) names = g_string_new (NULL);
  return cue_score (vr, l, names) >= lm_voice_rules_get_settings (vr)->threshold;
}

static void
segment_comments (const Rules *r, const LmVoiceRules *vr, GArray *lines, GArray *comments,
                  const LmSegmentHints *hints)
{
  gint start = find_comments_start (r, lines, hints);
  if (start < 0)
    return;
  gint until = hints ? find_line (lines, hints->comments_until, (guint) start) : -1;
  guint start_indent = g_array_index (lines, Line, start).indent;
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
      if (!is_item && !l->blank && current >= 0 && l->indent == 0 && ends_list (vr, l))
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
          /* a bullet, or a numbered item indented below another, replies */
          if ((it.number == 0 || (open->len > 0 && start_indent < l->indent)) && open->len > 0)
            c.parent = (gint) g_array_index (open, guint, open->len - 1);
          if (c.parent >= 0)
            c.number = 0;
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
          else if ((line_cues (vr, l), l->cue[LM_CUE_POST_HEADER]) && l->poster)
            {
              /* "1. barbara's avatar": a header cue names the commenter */
              c.commenter = g_strdup (l->poster);
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

/* Fund-raising paragraphs after the end of the text: two or more different
 * words of an appeal cue. */
static void
appeals (const LmVoiceRules *vr, GArray *lines)
{
  const GArray *cues = lm_voice_rules_get_cues (vr);
  gboolean after_end = FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->cue[LM_CUE_CONTENT_END])
        after_end = TRUE;
      if (!after_end || l->blank || l->decided || l->n_words > LM_SEGMENT_MAX_CUE_WORDS)
        continue;
      g_autofree char *s = g_strndup (l->trim, l->trim_len);
      for (guint c = 0; c < cues->len; c++)
        {
          const LmCue *cue = &g_array_index (cues, LmCue, c);
          if (cue->role != LM_CUE_APPEAL)
            continue;
          g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autoptr(GMatchInfo) mi = NULL;
          g_regex_match (cue->regex, s, 0, &mi);
          while (g_match_info_matches (mi))
            {
              g_autofree char *m = g_match_info_fetch (mi, 0);
              g_hash_table_add (found, g_utf8_strdown (m, -1));
              g_match_info_next (mi, NULL);
            }
          if (g_hash_table_size (found) >= 2)
            {
              decide (l, LM_VOICE_BOILERPLATE, "appeal");
              break;
            }
        }
    }
}

/* Does the line hold a first-person singular word (the poster speaking
 * again after the passage they quoted)? */
static gboolean
first_person (const Line *l)
{
  /* not "me", which titles hold ("Never Let Me Go") */
  static const char *const words[] = { "i", "i'm", "i've", "i'd", "i'll", "my", "myself", NULL };
  gboolean found = FALSE;
  const char *e = l->trim + l->trim_len;
  for (const char *p = l->trim; p < e && !found;)
    {
      while (p < e && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      const char *w = p;
      while (p < e && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '\''))
        p = g_utf8_next_char (p);
      if (p > w)
        {
          g_autofree char *down = g_utf8_strdown (w, p - w);
          found = g_strv_contains (words, down);
        }
    }
  return found;
}

/* "(274)", "(273-274)" somewhere in the line */
static gboolean
cites_page (const Line *l)
{
  for (const char *p = l->trim; p < l->trim + l->trim_len; p++)
    if (*p == '(' && p + 1 < l->trim + l->trim_len && g_ascii_isdigit (p[1]))
      {
        const char *q = p + 1;
        while (q < l->trim + l->trim_len && (g_ascii_isdigit (*q) || *q == '-'))
          q++;
        if (q < l->trim + l->trim_len && *q == ')')
          return TRUE;
      }
  return FALSE;
}

static gboolean
opens_with_quote (const Line *l)
{
  if (l->trim_len == 0)
    return FALSE;
  gunichar c = g_utf8_get_char (l->trim);
  return c == '"' || c == 0x201C || c == 0x2018 || c == '\'' || c == 0x00AB;
}

/* Every letter upper case, one to six words: a name under a quotation
 * ("MARGARET ATWOOD", "SUNDAY TIMES"). */
static gboolean
all_caps_name (const Line *l)
{
  if (l->n_words == 0 || l->n_words > 6)
    return FALSE;
  gboolean letters = FALSE;
  for (const char *p = l->trim; p < l->trim + l->trim_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c) || g_unichar_isdigit (c))
        return FALSE;
      letters |= g_unichar_isalpha (c);
    }
  return letters;
}

/* Praise on a jacket or a publisher's page: a quoted line with its source
 * in capitals right below it ('Masterly.' / SUNDAY TIMES). */
static void
press_quotes (GArray *lines)
{
  for (guint i = 1; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      Line *q = &g_array_index (lines, Line, i - 1);
      if (l->blank || q->blank || l->decided || q->decided || !all_caps_name (l) || !opens_with_quote (q))
        continue;
      decide (q, LM_VOICE_QUOTATION, "press-quote");
      decide (l, LM_VOICE_QUOTATION, "attribution");
    }
}

/* A line of a hard-wrapped run: 40 to 100 characters, with a non-blank
 * line right after it. */
static gboolean
wrapped_line (GArray *lines, guint i)
{
  const Line *l = &g_array_index (lines, Line, i);
  glong chars = g_utf8_strlen (l->trim, (gssize) l->trim_len);
  return !l->blank && chars >= 40 && chars <= 100 && i + 1 < lines->len
         && !g_array_index (lines, Line, i + 1).blank;
}

/* A passage set off by its hard line breaks in a page whose own paragraphs
 * are single long lines: a block quotation whose indentation was lost. */
static void
wrapped_blocks (GArray *lines)
{
  guint wrapped = 0, nonblank = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      nonblank += !g_array_index (lines, Line, i).blank;
      wrapped += wrapped_line (lines, i);
    }
  /* A page wrapped throughout (a plain-text book) shows no block this way. */
  if (nonblank == 0 || wrapped * 2 > nonblank)
    return;
  for (guint i = 0; i < lines->len;)
    {
      guint j = i;
      gboolean open_end = FALSE;
      while (j < lines->len && wrapped_line (lines, j))
        {
          open_end |= !g_array_index (lines, Line, j).ends_sentence;
          j++;
        }
      /* lines i..j-1 are wrapped, line j ends the run */
      if (j - i >= 2 && open_end && (i == 0 || g_array_index (lines, Line, i - 1).blank))
        {
          gboolean free = TRUE;
          for (guint k = i; k <= j && k < lines->len; k++)
            free &= !g_array_index (lines, Line, k).decided;
          for (guint k = i; free && k <= j && k < lines->len; k++)
            decide (&g_array_index (lines, Line, k), LM_VOICE_QUOTATION, "wrapped-block");
        }
      i = j + 1;
    }
}

/* Quotations the layout shows: the lines after one that introduces them
 * ("here's the synopsis:"), up to the poster's own first person; a short
 * paragraph above an attribution line ("— Emily Dickinson"), an epigraph. */
static void
shown_quotations (const LmVoiceRules *vr, GArray *lines)
{
  const LmVoiceSettings *st = lm_voice_rules_get_settings (vr);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank || l->decided || !l->cue[LM_CUE_QUOTE_INTRO])
        continue;
      for (guint j = i + 1, n = 0; j < lines->len && n < 30; j++)
        {
          Line *q = &g_array_index (lines, Line, j);
          if (q->blank)
            continue;
          /* the first paragraph is the quotation whoever speaks in it
           * (a first-person novel); later ones stop at the poster's I */
          /* a quotation in marks with its page is the quotation finder's */
          if (q->decided || (opens_with_quote (q) && cites_page (q)) || (n > 0 && first_person (q))
              || q->n_words <= st->short_words)
            break;
          decide (q, LM_VOICE_QUOTATION, "introduced");
          n++;
        }
    }
  for (guint i = 1; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      if (l->blank || l->decided || !l->cue[LM_CUE_ATTRIBUTION])
        continue;
      gint k = (gint) i - 1;
      while (k >= 0 && g_array_index (lines, Line, k).blank && (gint) i - k <= 2)
        k--;
      if (k < 0 || g_array_index (lines, Line, k).blank)
        continue;
      gint top = k;
      guint words = 0;
      while (top >= 0 && !g_array_index (lines, Line, top).blank && words <= 80)
        words += g_array_index (lines, Line, top--).n_words;
      top++;
      const Line *first = &g_array_index (lines, Line, top);
      /* A quoted block above its source is the block-quote rule's. */
      if (words == 0 || words > 80 || first->decided || opens_with_quote (first))
        continue;
      for (gint m = top; m <= k; m++)
        decide (&g_array_index (lines, Line, m), LM_VOICE_QUOTATION, "epigraph");
      decide (l, LM_VOICE_QUOTATION, "attribution");
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
/* Every word of four letters or more capitalised, the first word too: a
 * title ("The Remains of the Day", "When We Were Orphans"). */
static gboolean
title_case (const char *s, gsize len)
{
  gboolean first = TRUE, any = FALSE;
  for (const char *p = s; p < s + len;)
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      const char *w = p;
      guint n = 0;
      while (p < s + len && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '\''))
        {
          p = g_utf8_next_char (p);
          n++;
        }
      gboolean cap = g_unichar_isupper (g_utf8_get_char (w));
      if ((first || n >= 4) && !cap)
        return FALSE;
      first = FALSE;
      any = TRUE;
    }
  return any;
}

static gboolean
critic_paragraph (LmSegmentation *seg, const LmVoiceSettings *st, GArray *lines, guint first,
                  guint last)
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
          kind = words <= st->max_term_words ? LM_QUOTE_TERM : LM_QUOTE_OTHER;
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
      else if (words <= st->max_term_words)
        {
          kind = LM_QUOTE_TERM;
          rule = "quoted-term";
        }
      else if (words <= 12 && title_case (data + qt->inner_start, qt->inner_end - qt->inner_start))
        {
          /* "The Remains of the Day": a title names a work; the critic's words. */
          kind = LM_QUOTE_TERM;
          rule = "quoted-title";
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
assemble (LmSegmentation *seg, const Rules *r, const LmVoiceRules *vr, GArray *lines)
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
          add_span (seg, l->start, l->next, voice, rule,
                    voice == LM_VOICE_QUOTATION ? LM_QUOTE_OTHER : LM_QUOTE_NONE, NULL, comment);
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
      gboolean block = critic_paragraph (seg, lm_voice_rules_get_settings (vr), lines, i, j);
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
  return lm_segment_text_with_rules (text, NULL, hints);
}

LmSegmentation *
lm_segment_text_with_rules (LmText *text, const LmVoiceRules *vr, const LmSegmentHints *hints)
{
  const Rules *r = rules_get ();
  if (vr == NULL)
    vr = lm_voice_rules_get_default ();
  LmSegmentation *seg = g_new0 (LmSegmentation, 1);
  seg->text = lm_text_ref (text);
  seg->spans = g_array_new (FALSE, FALSE, sizeof (LmSpan));
  g_array_set_clear_func (seg->spans, span_clear);
  seg->comments = g_array_new (FALSE, FALSE, sizeof (LmComment));
  g_array_set_clear_func (seg->comments, comment_free);
  seg->warnings = g_array_new (FALSE, FALSE, sizeof (LmSegmentWarning));

  g_autoptr(GArray) lines = split_lines (text);
  for (guint i = 0; i < lines->len; i++)
    line_features (vr, &g_array_index (lines, Line, i));
  if (hints)
    apply_hints (lines, hints);
  segment_comments (r, vr, lines, seg->comments, hints);
  /* Every rule from here on reads the cues of lines outside the numbered
   * comments only. */
  for (guint i = 0; i < lines->len; i++)
    if (g_array_index (lines, Line, i).comment < 0)
      line_cues (vr, &g_array_index (lines, Line, i));
  /* the numbered comments, when there are, already found the thread */
  gboolean numbered = seg->comments->len > 0;
  quoted_messages (lines, seg->comments);
  if (!numbered)
    posts (vr, lines, seg->comments);
  press_quotes (lines);
  appeals (vr, lines);
  furniture (vr, lines, hints);
  captions (lines);
  neighbours (vr, lines);
  shown_quotations (vr, lines);
  wrapped_blocks (lines);
  assemble (seg, r, vr, lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_free (g_array_index (lines, Line, i).poster);
      g_free (g_array_index (lines, Line, i).matched);
    }

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
