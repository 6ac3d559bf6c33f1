/* cmd-kwic.c - `leitmotif kwic TERM|@CATEGORY FILE...`: a concordance,
 * every hit of a term or a lexicon category with its context. */
#include <stdio.h>
#include <string.h>

#include "analysis/analyzer.h"
#include "cli-common.h"
#include "core/lm-error.h"
#include "model/kwic.h"

#define KWIC_MAX_WIDTH 1000
/* The name a TERM's lexicon goes by; lexicon errors begin "TERM:LINE: ". */
#define TERM_NAME "TERM"

/* Text lines wait for the widest FILE:LINE:COL so that the matches of all
 * files line up; TSV rows are printed file by file. */
typedef struct
{
  const char *file;
  const char *data;
  gsize len;
  const LmLexicon *lexicon;
  gint category;     /* the only category shown, or -1 for all */
  LmVoice voice;     /* LM_VOICE_ALL: every voice but boilerplate */
  guint width;
  GString *tsv;      /* TSV rows, or NULL for text */
  GPtrArray *wheres; /* text: "FILE:LINE:COL" of each line */
  GPtrArray *tails;  /* text: the padded left context, [match] and right */
  gboolean explain;  /* name the term behind each hit */
} Kwic;

/* "term \"accept ~3 fate\" of conformity (lexicon line 48); 3 exclusions
 * checked": why the hit counts. (transfer full) */
static char *
explain_hit (const Kwic *k, const LmHit *hit)
{
  const LmCategory *cat = lm_lexicon_get_category (k->lexicon, hit->category);
  return g_strdup_printf ("term \"%s\" of %s (line %u); %u exclusion%s checked", hit->pattern->source,
                          cat->id, hit->pattern->line, cat->excludes ? cat->excludes->len : 0,
                          cat->excludes && cat->excludes->len == 1 ? "" : "s");
}

/* Whitespace cannot occur in the parts of a line; a file name may hold it. */
static void
append_tsv_field (GString *out, const char *s)
{
  for (const char *p = s; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append_c (out, '\t');
}

static void
append_spaces (GString *out, glong n)
{
  for (glong i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static void
on_hit (const LmHit *hit, const LmToken *sentence, guint n_tokens, gpointer user_data)
{
  Kwic *k = user_data;
  const LmToken *first = &sentence[hit->first];
  LmVoice voice = first->voice;
  if (k->category >= 0 && hit->category != (guint) k->category)
    return;
  /* "all" is what counts count: every voice but boilerplate */
  if (k->voice == LM_VOICE_ALL ? voice == LM_VOICE_BOILERPLATE : voice != k->voice)
    return;
  g_auto(LmKwicLine) line = { 0 };
  lm_kwic_line_init (&line, k->data, k->len, first->start, sentence[hit->last].end, k->width);
  if (k->tsv == NULL)
    {
      /* left padded to the width in characters: every "[" in one column */
      GString *tail = g_string_new (NULL);
      append_spaces (tail, (glong) k->width - g_utf8_strlen (line.left, -1));
      g_string_append_printf (tail, "%s[%s]%s", line.left, line.match, line.right);
      if (k->explain)
        {
          g_autofree char *why = explain_hit (k, hit);
          g_string_append_printf (tail, "  <- %s", why);
        }
      g_ptr_array_add (k->wheres, g_strdup_printf ("%s:%u:%u", k->file, first->line, first->col));
      g_ptr_array_add (k->tails, g_string_free (tail, FALSE));
      return;
    }
  append_tsv_field (k->tsv, k->file);
  g_string_append_printf (k->tsv, "%u\t%u\t%s\t%s\t", first->line, first->col,
                          lm_voice_to_string (voice),
                          lm_lexicon_get_category (k->lexicon, hit->category)->id);
  append_tsv_field (k->tsv, line.left);
  append_tsv_field (k->tsv, line.match);
  g_string_append (k->tsv, line.right);
  if (k->explain)
    {
      g_autofree char *why = explain_hit (k, hit);
      g_string_append_c (k->tsv, '\t');
      g_string_append (k->tsv, why);
    }
  g_string_append_c (k->tsv, '\n');
}

/* Characters on screen: file names need not be UTF-8 (then bytes). */
static glong
display_len (const char *s)
{
  return g_utf8_validate (s, -1, NULL) ? g_utf8_strlen (s, -1) : (glong) strlen (s);
}

/* FILE:LINE:COL padded to the widest, two spaces, then the tail. */
static void
print_text (const Kwic *k)
{
  glong where_width = 0;
  for (guint i = 0; i < k->wheres->len; i++)
    where_width = MAX (where_width, display_len (k->wheres->pdata[i]));
  g_autoptr(GString) out = g_string_new (NULL);
  for (guint i = 0; i < k->wheres->len; i++)
    {
      const char *where = k->wheres->pdata[i];
      g_string_append (out, where);
      append_spaces (out, where_width - display_len (where) + 2);
      g_string_append (out, k->tails->pdata[i]);
      g_string_append_c (out, '\n');
      if (out->len > 1 << 16)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

/* The lexicon of a TERM: one category "[motif kwic]" whose terms= is the
 * TERM, written through GKeyFile so that whatever the TERM holds ("[", "=",
 * "#", "\", leading spaces) is escaped as the lexicon reader expects, and
 * ';' still separates terms as in a lexicon. */
static LmLexicon *
term_lexicon (const char *term, LmStemmer *stemmer, GError **error)
{
  if (!g_utf8_validate (term, -1, NULL))
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE, "TERM is not valid UTF-8");
      return NULL;
    }
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)) && *p != '\t')
      {
        g_set_error (error, LM_ERROR, LM_ERROR_USAGE,
                     "TERM must be one line, without control characters");
        return NULL;
      }
  g_autofree char *blank = g_strdelimit (g_strdup (term), ";\t", ' ');
  if (*g_strstrip (blank) == '\0')
    {
      g_set_error (error, LM_ERROR, LM_ERROR_USAGE, "TERM is empty");
      return NULL;
    }
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_key_file_set_string (kf, "motif kwic", "label", term);
  g_key_file_set_string (kf, "motif kwic", "description", "the TERM of leitmotif kwic");
  g_key_file_set_string (kf, "motif kwic", "terms", term);
  gsize len = 0;
  g_autofree char *data = g_key_file_to_data (kf, &len, NULL);
  g_autoptr(GError) local = NULL;
  LmLexicon *lex = lm_lexicon_new_from_data (TERM_NAME, data, (gssize) len, stemmer, &local);
  if (lex == NULL)
    {
      /* "TERM:4: term "x": why" names a line of a file the user never saw */
      const char *msg = local->message;
      if (g_str_has_prefix (msg, TERM_NAME ":"))
        {
          const char *p = msg + strlen (TERM_NAME ":");
          while (g_ascii_isdigit (*p))
            p++;
          if (g_str_has_prefix (p, ": "))
            msg = p + 2;
        }
      g_set_error (error, local->domain, local->code, "%s", msg);
    }
  return lex;
}

/* Opens the pipeline for a TERM (its own lexicon) or an @CATEGORY (the
 * lexicon's), and sets @category to the category shown (-1: all of them).
 * Prints what went wrong. */
static gboolean
open_pipeline (LmCliPipeline *p, const char *what, const char *lexicon_path,
               const char *stop_path, gint *category)
{
  *category = -1;
  if (what[0] == '@')
    {
      if (!lm_cli_pipeline_open (p, lexicon_path, stop_path))
        return FALSE;
      *category = lm_lexicon_find_category (p->lexicon, what + 1);
      if (*category >= 0)
        return TRUE;
      g_autoptr(GString) ids = g_string_new (NULL);
      for (guint i = 0; i < lm_lexicon_get_n_categories (p->lexicon); i++)
        g_string_append_printf (ids, "%s%s", i ? ", " : "", lm_lexicon_get_category (p->lexicon, i)->id);
      fprintf (stderr, "leitmotif kwic: category \"%s\" does not exist in %s (categories: %s)\n",
               what + 1, lm_lexicon_get_name (p->lexicon), ids->str);
      lm_cli_pipeline_free (p);
      return FALSE;
    }
  g_autoptr(GError) error = NULL;
  *p = (LmCliPipeline) { 0 };
  p->stemmer = lm_stemmer_new (&error);
  if (p->stemmer)
    p->lexicon = term_lexicon (what, p->stemmer, &error);
  if (p->lexicon)
    p->stoplist = lm_cli_load_stoplist (stop_path);
  if (p->stoplist)
    p->analyzer = lm_analyzer_new (p->lexicon, p->stoplist, &error);
  if (p->analyzer)
    return TRUE;
  if (error)
    fprintf (stderr, "leitmotif kwic: %s\n", error->message);
  lm_cli_pipeline_free (p);
  return FALSE;
}

/* Adds the hits of the file @path to @k; prints the problem and returns
 * %FALSE when it cannot be read. */
static gboolean
kwic_file (LmAnalyzer *analyzer, Kwic *k, const char *path, gboolean lenient)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LmText) text = lm_text_load (path, lenient ? LM_TEXT_LENIENT : LM_TEXT_NONE, &error);
  if (text == NULL)
    {
      lm_cli_error (error);
      return FALSE;
    }
  /* Voices as `leitmotif segments` decides them, without manifest hints */
  g_autoptr(LmSegmentation) seg = lm_segment_text (text, NULL);
  k->file = path;
  k->data = lm_text_get_data (text, &k->len);
  lm_analyzer_walk (analyzer, text, seg, NULL, on_hit, k);
  return TRUE;
}

/* Checks what option parsing cannot; prints the problem. */
static gboolean
check_usage (int argc, char **argv, gint width, const char *voice_name, LmVoice *voice,
             const char *format, gboolean *tsv, const char *lexicon_path)
{
  *voice = LM_VOICE_ALL;
  *tsv = format && g_str_equal (format, "tsv");
  if (format && !*tsv && !g_str_equal (format, "text"))
    fprintf (stderr, "leitmotif kwic: unknown format \"%s\" (text or tsv)\n", format);
  else if (width < 0 || width > KWIC_MAX_WIDTH)
    fprintf (stderr, "leitmotif kwic: --width must be between 0 and %d\n", KWIC_MAX_WIDTH);
  else if (voice_name && !lm_voice_from_string (voice_name, voice))
    fprintf (stderr, "leitmotif kwic: unknown voice \"%s\" "
             "(critic, quotation, comment, boilerplate or all)\n", voice_name);
  else if (argc < 2)
    fprintf (stderr, "leitmotif kwic: no TERM or @CATEGORY given (try --help)\n");
  else if (argc < 3)
    fprintf (stderr, "leitmotif kwic: no FILE given (try --help)\n");
  else if (lexicon_path && argv[1][0] != '@')
    fprintf (stderr, "leitmotif kwic: --lexicon only applies to @CATEGORY, "
             "a TERM is matched on its own\n");
  else
    return TRUE;
  return FALSE;
}

int
lm_cmd_kwic (int argc, char **argv)
{
  g_autofree char *lexicon_path = NULL, *stop_path = NULL, *format = NULL, *voice_name = NULL;
  gboolean lenient = FALSE, explain = FALSE;
  gint width = LM_KWIC_DEFAULT_WIDTH;
  GOptionEntry entries[] = {
    { "width", 'w', 0, G_OPTION_ARG_INT, &width,
      "Characters of context on each side, 0 to 1000 (default " G_STRINGIFY (LM_KWIC_DEFAULT_WIDTH) ")", "N" },
    { "voice", 'v', 0, G_OPTION_ARG_STRING, &voice_name,
      "Only hits in this voice: critic, quotation, comment, boilerplate, or all (default: all but boilerplate)", "V" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or tsv", "FORMAT" },
    { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME, &lexicon_path, "Lexicon of @CATEGORY (default " LM_DEFAULT_LEXICON ")", "FILE" },
    { "stopwords", 's', 0, G_OPTION_ARG_FILENAME, &stop_path, "Stop list (default " LM_DEFAULT_STOPWORDS ")", "FILE" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &lenient, "Replace invalid UTF-8 with U+FFFD instead of failing", NULL },
    { "explain", 'e', 0, G_OPTION_ARG_NONE, &explain, "Name the lexicon term (and its line) behind each hit, and how many exclusions its category checked", NULL },
    G_OPTION_ENTRY_NULL,
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("TERM|@CATEGORY FILE... - every hit in its context");
  g_option_context_set_description (ctx,
      "TERM is written as in a lexicon's terms=: hope (every word with the stem of\n"
      "\"hope\"), =complete (that exact word), complet* (a prefix), let ~3 go (a phrase,\n"
      "up to 3 words between); several terms separated by ';'.  @CATEGORY takes the\n"
      "terms and exclusions of that category of the lexicon, as counting does.\n"
      "\n"
      "Prints one line a hit, in text order: FILE:LINE:COL, the left context\n"
      "right-aligned to --width characters, [the match], the right context; all the\n"
      "matches line up.  Whitespace runs show as one space, control characters as\n"
      "U+FFFD, and \"…\" marks a cut context.  --format tsv prints file, line, col,\n"
      "voice, category, left, match, right instead, under a header.\n"
      "Voices are decided as by \"leitmotif segments\" (without manifest hints).\n"
      "A file that cannot be read is reported on standard error and skipped (exit 1).");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!lm_cli_parse (ctx, &argc, &argv))
    return LM_EXIT_USAGE;
  LmVoice voice;
  gboolean tsv;
  if (!check_usage (argc, argv, width, voice_name, &voice, format, &tsv, lexicon_path))
    return LM_EXIT_USAGE;
  LmCliPipeline pipe;
  gint category;
  if (!open_pipeline (&pipe, argv[1], lexicon_path, stop_path, &category))
    return LM_EXIT_USAGE;

  int status = LM_EXIT_OK;
  g_autoptr(GString) out = tsv ? g_string_new (explain ? "file\tline\tcol\tvoice\tcategory\tleft\tmatch\tright\texplain\n"
                                                       : "file\tline\tcol\tvoice\tcategory\tleft\tmatch\tright\n")
                               : NULL;
  g_autoptr(GPtrArray) wheres = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tails = g_ptr_array_new_with_free_func (g_free);
  Kwic k = { .lexicon = pipe.lexicon, .category = category, .voice = voice,
             .width = (guint) width, .tsv = out, .wheres = wheres, .tails = tails, .explain = explain };
  for (int i = 2; i < argc; i++)
    {
      if (!kwic_file (pipe.analyzer, &k, argv[i], lenient))
        status = LM_EXIT_INPUT_FAILED;
      if (tsv)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  if (!tsv)
    print_text (&k);
  lm_cli_pipeline_free (&pipe);
  return status;
}
