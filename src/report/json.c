/* json.c - report.json, written with json-glib. */
#include <json-glib/json-glib.h>
#include <math.h>

#include "analysis/genre.h"
#include "core/stemmer.h"
#include "core/tokenizer.h"
#include "lm-config.h"
#include "report.h"
#include "stats/stats.h"

/* Rounded so that json-glib's shortest round-trip printing stays short. */
static double
round3 (double v)
{
  return round (v * 1000.0) / 1000.0;
}

/* {"id": id, "<file_key>": path, "sha256": sha256 or null}, "id" only when
 * given; as member @member when given, else as an array element. */
static void
add_file_ref (JsonBuilder *b, const char *member, const char *id,
              const char *file_key, const char *path, const char *sha256)
{
  if (member)
    json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  if (id)
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
    }
  json_builder_set_member_name (b, file_key);
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "sha256");
  if (sha256)
    json_builder_add_string_value (b, sha256);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static void
add_manifest (JsonBuilder *b, const LmRun *run)
{
  json_builder_set_member_name (b, "manifest");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "leitmotif_version");
  json_builder_add_string_value (b, LM_VERSION);
  json_builder_set_member_name (b, "tokenizer_version");
  json_builder_add_int_value (b, LM_TOKENIZER_VERSION);
  json_builder_set_member_name (b, "stemmer");
  json_builder_add_string_value (b, lm_stemmer_describe ());
  add_file_ref (b, "lexicon", NULL, "path", run->lexicon_path,
                lm_lexicon_get_sha256 (run->lexicon));
  add_file_ref (b, "stopwords", NULL, "path", run->stoplist_path,
                lm_stoplist_get_sha256 (run->stoplist));
  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      add_file_ref (b, NULL, t->entry->id, "file", t->entry->file, t->sha256);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_categories (JsonBuilder *b, const LmRun *run)
{
  json_builder_set_member_name (b, "categories");
  json_builder_begin_array (b);
  for (guint c = 0; c < lm_lexicon_get_n_categories (run->lexicon); c++)
    {
      const LmCategory *cat = lm_lexicon_get_category (run->lexicon, c);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, cat->id);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, lm_category_kind_to_string (cat->kind));
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, cat->label);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, cat->description ? cat->description : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_uint (JsonBuilder *b, const char *name, guint value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* What the voice segmentation found: quotations and comments. */
static void
add_segments (JsonBuilder *b, const LmSegmentation *seg)
{
  LmSegmentSummary sum;
  lm_segmentation_summarize (seg, &sum);
  json_builder_set_member_name (b, "segments");
  json_builder_begin_object (b);
  add_uint (b, "novel_quotations", sum.novel_quotations);
  json_builder_set_member_name (b, "pages");
  json_builder_begin_array (b);
  for (guint i = 0; i < sum.pages->len; i++)
    json_builder_add_string_value (b, sum.pages->pdata[i]);
  json_builder_end_array (b);
  add_uint (b, "quoted_terms", sum.quoted_terms);
  add_uint (b, "other_quotations", sum.other_quotations);
  add_uint (b, "unclosed_quotations", sum.unclosed_quotations);
  add_uint (b, "comments", sum.comments);
  add_uint (b, "replies", sum.replies);
  add_uint (b, "commenters", sum.commenters);
  json_builder_set_member_name (b, "comment_list");
  json_builder_begin_array (b);
  const GArray *comments = lm_segmentation_get_comments (seg);
  for (guint i = 0; i < comments->len; i++)
    {
      const LmComment *c = &g_array_index (comments, LmComment, i);
      json_builder_begin_object (b);
      add_uint (b, "index", i);
      add_uint (b, "number", c->number);
      json_builder_set_member_name (b, "commenter");
      if (c->commenter)
        json_builder_add_string_value (b, c->commenter);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "parent");
      if (c->parent >= 0)
        json_builder_add_int_value (b, c->parent);
      else
        json_builder_add_null_value (b);
      add_uint (b, "first_line", c->first_line);
      add_uint (b, "last_line", c->last_line);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  lm_segment_summary_clear (&sum);
}

static void
add_genres (JsonBuilder *b, const LmRun *run, const GArray *genres)
{
  json_builder_set_member_name (b, "genres");
  json_builder_begin_array (b);
  for (guint k = 0; k < genres->len; k++)
    {
      const LmGenreMention *m = &g_array_index (genres, LmGenreMention, k);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "genre");
      json_builder_add_string_value (b, lm_lexicon_get_category (run->lexicon, m->category)->id);
      json_builder_set_member_name (b, "voice");
      json_builder_add_string_value (b, lm_voice_to_string (m->voice));
      json_builder_set_member_name (b, "in_novel_quotation");
      json_builder_add_boolean_value (b, m->novel_quote);
      json_builder_set_member_name (b, "stance");
      json_builder_add_string_value (b, lm_stance_to_string (m->stance));
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, m->source);
      json_builder_set_member_name (b, "cue");
      json_builder_add_string_value (b, m->cue);
      json_builder_set_member_name (b, "cue_family");
      json_builder_add_string_value (b, m->family);
      json_builder_set_member_name (b, "form");
      json_builder_add_string_value (b, m->form);
      add_uint (b, "line", m->line);
      add_uint (b, "col", m->col);
      json_builder_set_member_name (b, "evidence");
      json_builder_add_string_value (b, m->sentence);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_text_counts (JsonBuilder *b, const LmRun *run, const LmTextResult *t,
                 const GArray *voices)
{
  json_builder_set_member_name (b, "words");
  json_builder_begin_object (b);
  for (guint vi = 0; vi < voices->len; vi++)
    {
      LmVoice v = g_array_index (voices, LmVoice, vi);
      json_builder_set_member_name (b, lm_voice_to_string (v));
      json_builder_add_int_value (b, (gint64) t->stats->words[v]);
    }
  json_builder_set_member_name (b, "boilerplate_excluded");
  json_builder_add_int_value (b, (gint64) t->stats->words[LM_VOICE_BOILERPLATE]);
  json_builder_end_object (b);
  add_segments (b, t->segmentation);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_array (b);
  for (guint vi = 0; vi < voices->len; vi++)
    {
      LmVoice v = g_array_index (voices, LmVoice, vi);
      for (guint c = 0; c < lm_lexicon_get_n_categories (run->lexicon); c++)
        {
          guint64 hits = lm_doc_stats_hits (t->stats, v, c);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "voice");
          json_builder_add_string_value (b, lm_voice_to_string (v));
          json_builder_set_member_name (b, "category");
          json_builder_add_string_value (b, lm_lexicon_get_category (run->lexicon, c)->id);
          json_builder_set_member_name (b, "hits");
          json_builder_add_int_value (b, (gint64) hits);
          json_builder_set_member_name (b, "per_1000");
          {
            double rate = lm_stats_per_1000 (hits, t->stats->words[v]);
            if (isnan (rate))
              json_builder_add_null_value (b);
            else
              json_builder_add_double_value (b, round3 (rate));
          }
          json_builder_set_member_name (b, "forms");
          json_builder_begin_object (b);
          g_autoptr(GPtrArray) forms = lm_doc_stats_sorted_forms (t->stats, v, c);
          for (guint f = 0; f < forms->len; f++)
            {
              json_builder_set_member_name (b, forms->pdata[f]);
              json_builder_add_int_value (b, (gint64) lm_doc_stats_form_count (t->stats, v, c, forms->pdata[f]));
            }
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

/* Every CSV file's table, under its file's name without ".csv". */
/* Every CSV file's table, under its file's name without ".csv". */
static void
add_tables (JsonBuilder *b, const LmComparison *cmp)
{
  guint n;
  const LmReportTable *tables = lm_report_tables (&n);
  json_builder_set_member_name (b, "tables");
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LmTable) t = lm_report_table_build (&tables[i], cmp);
      json_builder_set_member_name (b, tables[i].name);
      lm_table_add_json (t, b);
    }
  json_builder_end_object (b);
}

GString *
lm_report_json (const LmComparison *cmp)
{
  const LmRun *run = cmp->run;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GArray) voices = lm_report_voices (run);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "schema_version");
  json_builder_add_int_value (b, LM_REPORT_SCHEMA_VERSION);
  json_builder_set_member_name (b, "comparison_voices");
  json_builder_add_string_value (b, run->comparison_includes_quotations ? "critic+quotation" : "critic");
  add_manifest (b, run);
  add_categories (b, run);
  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  for (guint i = 0; i < run->texts->len; i++)
    {
      const LmTextResult *t = run->texts->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, t->entry->id);
      json_builder_set_member_name (b, "critic");
      json_builder_add_string_value (b, t->entry->critic);
      json_builder_set_member_name (b, "outlet");
      json_builder_add_string_value (b, t->entry->outlet);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, t->entry->title);
      json_builder_set_member_name (b, "error");
      if (t->error)
        json_builder_add_string_value (b, t->error);
      else
        json_builder_add_null_value (b);
      if (t->stats)
        {
          add_text_counts (b, run, t, voices);
          add_genres (b, run, t->genres);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_tables (b, cmp);
  json_builder_end_object (b);

  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  gsize len;
  g_autofree char *text = json_generator_to_data (gen, &len);
  GString *out = g_string_new_len (text, (gssize) len);
  g_string_append_c (out, '\n');
  return out;
}
