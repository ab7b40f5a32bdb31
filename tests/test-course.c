/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ak-course-loader.h"

/*
 * The complete test course, loaded as it is or with one edit. Progress is
 * keyed by question id and hash, so the hash must follow what decides a
 * learner's score and nothing else.
 */
static char *
complete_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "loader", "complete.xml", NULL);
}

static AkCourse *
load_contents (const char *contents)
{
  g_autofree char *path = complete_path ();
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  AkCourse *course = ak_course_loader_load_data (contents, strlen (contents), path, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (course);
  return course;
}

static char *
read_complete (void)
{
  g_autofree char *path = complete_path ();
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The complete course with @from replaced by @to, which must be there. */
static AkCourse *
load_edited (const char *from,
             const char *to)
{
  g_autofree char *original = read_complete ();
  g_autoptr(GString) contents = g_string_new (original);

  g_assert_cmpuint (g_string_replace (contents, from, to, 0), >, 0);
  return load_contents (contents->str);
}

static AkCourse *
load_complete (void)
{
  g_autofree char *contents = read_complete ();

  return load_contents (contents);
}

static AkQuestion *
find_question (AkCourse   *course,
               const char *quiz_id,
               const char *question_id)
{
  AkQuiz *quiz = ak_course_find_quiz (course, quiz_id);

  g_assert_nonnull (quiz);
  return ak_quiz_find_question (quiz, question_id);
}

/* Every question's and quiz's hash in @a equals the one in @b, except the
 * question @changed (and its quiz), whose hash must differ. */
static void
assert_hashes (AkCourse   *a,
               AkCourse   *b,
               const char *changed)
{
  GPtrArray *quizzes = ak_course_get_quizzes (a);

  g_assert_cmpuint (quizzes->len, ==, ak_course_get_quizzes (b)->len);
  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);
      AkQuiz *other = ak_course_find_quiz (b, quiz->id);
      gboolean quiz_changed = FALSE;

      g_assert_nonnull (other);
      g_assert_cmpuint (quiz->questions->len, ==, other->questions->len);
      for (guint j = 0; j < quiz->questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, j);
          AkQuestion *counterpart = ak_quiz_find_question (other, question->id);

          g_assert_nonnull (counterpart);
          g_assert_nonnull (question->hash);
          if (g_strcmp0 (question->id, changed) == 0)
            {
              g_assert_cmpstr (question->hash, !=, counterpart->hash);
              quiz_changed = TRUE;
            }
          else
            g_assert_cmpstr (question->hash, ==, counterpart->hash);
        }
      if (quiz_changed)
        g_assert_cmpstr (quiz->hash, !=, other->hash);
      else
        g_assert_cmpstr (quiz->hash, ==, other->hash);
    }
}

static void
test_hash_whitespace (void)
{
  g_autofree char *original = read_complete ();
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *compact = g_regex_replace_literal (space, original, -1, 0, " ", 0, NULL);
  g_autofree char *airy = g_regex_replace_literal (space, original, -1, 0, "\n\t\t  ", 0, NULL);
  g_autoptr(AkCourse) course = load_contents (original);
  g_autoptr(AkCourse) compact_course = load_contents (compact);
  g_autoptr(AkCourse) airy_course = load_contents (airy);

  /* The file was really reformatted, not only its spaces doubled. */
  g_assert_cmpstr (compact, !=, original);
  g_assert_null (strchr (compact, '\n'));
  assert_hashes (course, compact_course, NULL);
  assert_hashes (course, airy_course, NULL);
}

static void
test_hash_explanation (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  g_autoptr(AkCourse) explained = load_edited ("<explanation>Weil.</explanation>",
                                               "<explanation>Weil es <em>so</em> "
                                               "ist.</explanation>");
  g_autoptr(AkCourse) feedback = load_edited ("Leider <em>nicht</em>.", "Schade.");

  g_assert_cmpstr (find_question (explained, "quiz", "einfach")->explanation, ==,
                   "Weil es <i>so</i> ist.");
  assert_hashes (course, explained, NULL);
  assert_hashes (course, feedback, NULL);
}

static void
test_hash_choice_text (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  g_autoptr(AkCourse) edited = load_edited ("correct=\"true\">Ja</choice>",
                                            "correct=\"true\">Jawohl</choice>");

  assert_hashes (course, edited, "einfach");
}

static void
test_hash_correctness (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  g_autoptr(AkCourse) edited = load_edited ("<choice id=\"c\" correct=\"false\">",
                                            "<choice id=\"c\" correct=\"true\">");
  g_autoptr(AkCourse) spelled = load_edited ("<choice id=\"a\" correct=\"1\">",
                                             "<choice id=\"a\" correct=\"true\">");

  assert_hashes (course, edited, "mehrfach");
  /* Another way to write the same answer is the same question. */
  assert_hashes (course, spelled, NULL);
}

static void
test_hash_answers (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  g_autoptr(AkCourse) gap = load_edited ("<accept>Maus</accept>", "<accept>Ratte</accept>");
  g_autoptr(AkCourse) numeric = load_edited ("value=\"3.5\"", "value=\"3.6\"");
  g_autoptr(AkCourse) points = load_edited ("points=\"3\"", "points=\"2\"");

  assert_hashes (course, gap, "luecke");
  assert_hashes (course, numeric, "zahl");
  assert_hashes (course, points, "mehrfach");
}

static void
test_find (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  const AkLesson *lesson = NULL;
  const AkSection *section = NULL;
  const AkBlock *thesis;
  const AkSource *source;
  AkQuiz *quiz;
  AkQuestion *question;

  thesis = ak_course_find_thesis (course, "these-c", &lesson, &section);
  g_assert_nonnull (thesis);
  g_assert_cmpint (thesis->type, ==, AK_BLOCK_THESIS);
  g_assert_cmpstr (thesis->markup, ==, "These C.");
  g_assert_cmpstr (lesson->id, ==, "lektion");
  g_assert_cmpstr (section->id, ==, "zweiter");
  g_assert_nonnull (ak_course_find_thesis (course, "these-a", NULL, NULL));
  g_assert_null (ak_course_find_thesis (course, "these-d", NULL, NULL));
  /* A section id is not a thesis id. */
  g_assert_null (ak_course_find_thesis (course, "abschnitt", NULL, NULL));

  source = ak_course_find_source (course, "blog");
  g_assert_nonnull (source);
  g_assert_cmpstr (source->title, ==, "Ein Blog");
  g_assert_null (ak_course_find_source (course, "zeitung"));

  quiz = ak_course_find_quiz (course, "zweites");
  g_assert_nonnull (quiz);
  g_assert_cmpstr (quiz->title, ==, "Zweites Quiz");
  g_assert_null (ak_course_find_quiz (course, "drittes"));

  question = ak_quiz_find_question (quiz, "ohne-toleranz");
  g_assert_nonnull (question);
  g_assert_cmpint (question->type, ==, AK_QUESTION_NUMERIC);
  /* Questions are found in their own quiz only. */
  g_assert_null (ak_quiz_find_question (quiz, "einfach"));
  g_assert_nonnull (find_question (course, "quiz", "einfach"));
}

static void
test_counts (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  g_autoptr(GPtrArray) theses = ak_course_list_theses (course);

  g_assert_cmpuint (ak_course_get_n_questions (course), ==, 9);
  /* In reading order, across sections. */
  g_assert_cmpuint (theses->len, ==, 3);
  g_assert_cmpstr (((AkBlock *)g_ptr_array_index (theses, 0))->id, ==, "these-a");
  g_assert_cmpstr (((AkBlock *)g_ptr_array_index (theses, 2))->id, ==, "these-c");
  g_assert_cmpuint (ak_course_get_sources (course)->len, ==, 2);
  g_assert_cmpuint (ak_course_get_lessons (course)->len, ==, 1);
  g_assert_cmpuint (ak_course_get_quizzes (course)->len, ==, 2);
}

static void
test_question_types (void)
{
  g_autoptr(AkCourse) course = load_complete ();
  AkQuiz *quiz = ak_course_find_quiz (course, "quiz");

  /* The complete course has one question of each type, in type order. */
  g_assert_cmpuint (quiz->questions->len, ==, AK_N_QUESTION_TYPES);
  for (guint type = 0; type < AK_N_QUESTION_TYPES; type++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, type);

      g_assert_cmpint (question->type, ==, type);
      g_assert_nonnull (ak_question_type_get_label (type));
      g_assert_cmpstr (ak_question_type_get_label (type), !=, "");
    }
  g_assert_cmpstr (ak_question_type_to_string (AK_QUESTION_GAP_TEXT), ==, "gap-text");
  g_assert_cmpstr (ak_question_type_get_label (AK_QUESTION_NUMERIC), ==, "Numeric answer");
}


/* The complete course read from its file, as the library loads it. */
static AkCourse *
load_complete_file (void)
{
  g_autofree char *path = complete_path ();
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  AkCourse *course = ak_course_loader_load_file (path, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (course);
  return course;
}

static char *
get_string_property (AkCourse   *course,
                     const char *name)
{
  char *value = NULL;

  g_object_get (course, name, &value, NULL);
  return value;
}

static guint
get_uint_property (AkCourse   *course,
                   const char *name)
{
  guint value = 0;

  g_object_get (course, name, &value, NULL);
  return value;
}

static void
assert_string_property (AkCourse   *course,
                        const char *name,
                        const char *expected,
                        const char *getter_value)
{
  g_autofree char *value = get_string_property (course, name);

  g_assert_cmpstr (value, ==, expected);
  g_assert_cmpstr (getter_value, ==, expected);
}

static void
assert_uint_property (AkCourse   *course,
                      const char *name,
                      guint       expected,
                      guint       getter_value)
{
  g_assert_cmpuint (get_uint_property (course, name), ==, expected);
  g_assert_cmpuint (getter_value, ==, expected);
}

static void
test_properties (void)
{
  g_autoptr(AkCourse) course = load_complete_file ();
  g_autofree char *path = complete_path ();

  assert_string_property (course, "id", "complete", ak_course_get_id (course));
  assert_string_property (course, "version", "2.1", ak_course_get_version (course));
  assert_string_property (course, "language", "de", ak_course_get_language (course));
  assert_string_property (course, "title", "Ein vollständiger Kurs", ak_course_get_title (course));
  assert_string_property (course, "summary", "Alles <i>über</i> <b>Tests &amp; Kurse</b>.",
                          ak_course_get_summary (course));
  assert_string_property (course, "summary-text", "Alles über Tests & Kurse.",
                          ak_course_get_summary_text (course));
  assert_string_property (course, "path", path, ak_course_get_path (course));
  assert_uint_property (course, "minutes", 45, ak_course_get_minutes (course));
  assert_uint_property (course, "n-sources", 2, ak_course_get_n_sources (course));
  assert_uint_property (course, "n-lessons", 1, ak_course_get_n_lessons (course));
  assert_uint_property (course, "n-sections", 2, ak_course_get_n_sections (course));
  assert_uint_property (course, "n-quizzes", 2, ak_course_get_n_quizzes (course));
  assert_uint_property (course, "n-questions", 9, ak_course_get_n_questions (course));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notified)
{
  (*n_notified)++;
}

/* A view can bind to every property but set none, and reading them tells
 * nobody that something changed. */
static void
test_properties_read_only (void)
{
  g_autoptr(AkCourse) course = load_complete_file ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;
  guint n_notified = 0;

  g_signal_connect (course, "notify", G_CALLBACK (count_notify_cb), &n_notified);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (course), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 13);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_assert_false (pspecs[i]->flags & (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT |
                                          G_PARAM_CONSTRUCT_ONLY));
      g_object_get_property (G_OBJECT (course), pspecs[i]->name, &value);
    }
  g_assert_cmpuint (n_notified, ==, 0);
}

static void
assert_choices (GPtrArray      *choices,
                guint           n,
                const AkChoice *(*get) (const AkQuestion *, guint),
                const AkQuestion *question)
{
  g_assert_cmpuint (choices->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const AkChoice *choice = get (question, i);

      g_assert_true (choice == g_ptr_array_index (choices, i));
      g_assert_cmpstr (ak_choice_get_id (choice), ==, choice->id);
      g_assert_cmpstr (ak_choice_get_markup (choice), ==, choice->markup);
      g_assert_cmpstr (ak_choice_get_text (choice), ==, choice->text);
      g_assert_cmpint (ak_choice_get_correct (choice), ==, choice->correct);
      g_assert_cmpstr (ak_choice_get_feedback (choice), ==, choice->feedback);
      g_assert_true (ak_question_find_choice (question, choice->id) == choice);
    }
}

static void
assert_question_accessors (const AkQuestion *question)
{
  g_assert_cmpint (ak_question_get_question_type (question), ==, question->type);
  g_assert_cmpstr (ak_question_get_id (question), ==, question->id);
  g_assert_cmpstr (ak_question_get_prompt (question), ==, question->prompt);
  g_assert_cmpstr (ak_question_get_prompt_text (question), ==, question->prompt_text);
  g_assert_true (ak_question_get_tests (question) == (const char *const *)question->tests);
  g_assert_cmpuint (ak_question_get_points (question), ==, question->points);
  g_assert_cmpstr (ak_question_get_explanation (question), ==, question->explanation);
  g_assert_cmpstr (ak_question_get_hash (question), ==, question->hash);

  assert_choices (question->choices, ak_question_get_n_choices (question),
                  ak_question_get_choice, question);
  assert_choices (question->items, ak_question_get_n_items (question),
                  ak_question_get_item, question);
  assert_choices (question->distractors, ak_question_get_n_distractors (question),
                  ak_question_get_distractor, question);

  g_assert_cmpint (ak_question_get_answer (question), ==, question->answer);
  g_assert_cmpstr (ak_question_get_feedback_true (question), ==, question->feedback_true);
  g_assert_cmpstr (ak_question_get_feedback_false (question), ==, question->feedback_false);

  g_assert_cmpuint (ak_question_get_n_segments (question), ==, question->segments->len);
  for (guint i = 0; i < question->segments->len; i++)
    {
      const AkSegment *segment = ak_question_get_segment (question, i);

      g_assert_true (segment == g_ptr_array_index (question->segments, i));
      g_assert_cmpstr (ak_segment_get_markup (segment), ==, segment->markup);
      g_assert_true (ak_segment_get_gap (segment) == segment->gap);
      g_assert_cmpint (ak_segment_is_gap (segment), ==, segment->gap != NULL);
    }
  g_assert_cmpuint (ak_question_get_n_gaps (question), ==, question->gaps->len);
  for (guint i = 0; i < question->gaps->len; i++)
    {
      const AkGap *gap = ak_question_get_gap (question, i);

      g_assert_true (gap == g_ptr_array_index (question->gaps, i));
      g_assert_cmpstr (ak_gap_get_id (gap), ==, gap->id);
      g_assert_true (ak_gap_get_accepted (gap) == (const char *const *)gap->accepted);
      g_assert_cmpint (ak_gap_get_umlaut_spellings (gap), ==, gap->umlaut_spellings);
      g_assert_true (ak_question_find_gap (question, gap->id) == gap);
    }
  g_assert_cmpuint (ak_question_get_n_pairs (question), ==, question->pairs->len);
  for (guint i = 0; i < question->pairs->len; i++)
    {
      const AkPair *pair = ak_question_get_pair (question, i);

      g_assert_true (pair == g_ptr_array_index (question->pairs, i));
      g_assert_cmpstr (ak_pair_get_id (pair), ==, pair->id);
      g_assert_cmpstr (ak_pair_get_left_markup (pair), ==, pair->left_markup);
      g_assert_cmpstr (ak_pair_get_right_markup (pair), ==, pair->right_markup);
      g_assert_true (ak_question_find_pair (question, pair->id) == pair);
    }

  g_assert_true (ak_question_get_accepted (question) == (const char *const *)question->accepted);
  g_assert_cmpint (ak_question_get_umlaut_spellings (question), ==, question->umlaut_spellings);
  g_assert_cmpfloat (ak_question_get_value (question), ==, question->value);
  g_assert_cmpfloat (ak_question_get_tolerance (question), ==, question->tolerance);
  g_assert_cmpstr (ak_question_get_unit (question), ==, question->unit);
}

static void
assert_block_accessors (const AkBlock *block)
{
  g_assert_cmpint (ak_block_get_block_type (block), ==, block->type);
  g_assert_cmpstr (ak_block_get_id (block), ==, block->id);
  g_assert_cmpstr (ak_block_get_markup (block), ==, block->markup);
  g_assert_cmpstr (ak_block_get_text (block), ==, block->text);
  g_assert_true (ak_block_get_items (block) == (const char *const *)block->items);
  g_assert_cmpint (ak_block_get_numbered (block), ==, block->numbered);
  g_assert_cmpstr (ak_block_get_source_id (block), ==, block->source_id);
  g_assert_cmpstr (ak_block_get_page (block), ==, block->page);
  g_assert_cmpstr (ak_block_get_figure_path (block), ==, block->figure_path);
  g_assert_cmpstr (ak_block_get_alt (block), ==, block->alt);
}

/* Every accessor returns what the loader put into the field, and walking
 * the course by index reaches every part once. */
static void
test_accessors (void)
{
  /* With emphasis in a choice, so that its markup and text differ. */
  g_autoptr(AkCourse) course = load_edited ("correct=\"true\">Ja</choice>",
                                            "correct=\"true\"><em>Ja</em></choice>");
  GPtrArray *sources = ak_course_get_sources (course);
  GPtrArray *lessons = ak_course_get_lessons (course);
  GPtrArray *quizzes = ak_course_get_quizzes (course);
  const AkChoice *yes;
  guint n_blocks = 0;
  guint n_segments = 0;
  guint n_pairs = 0;

  g_assert_cmpuint (ak_course_get_n_sources (course), ==, sources->len);
  for (guint i = 0; i < sources->len; i++)
    {
      const AkSource *source = ak_course_get_source (course, i);

      g_assert_true (source == g_ptr_array_index (sources, i));
      g_assert_cmpstr (ak_source_get_id (source), ==, source->id);
      g_assert_true (ak_source_get_authors (source) == (const char *const *)source->authors);
      g_assert_cmpstr (ak_source_get_title (source), ==, source->title);
      g_assert_cmpstr (ak_source_get_publication (source), ==, source->publication);
      g_assert_cmpint (ak_source_get_year (source), ==, source->year);
      g_assert_cmpstr (ak_source_get_url (source), ==, source->url);
    }
  g_assert_cmpstr (ak_source_get_url (ak_course_get_source (course, 0)), ==,
                   "https://example.org/buch");

  g_assert_cmpuint (ak_course_get_n_lessons (course), ==, lessons->len);
  for (guint i = 0; i < lessons->len; i++)
    {
      const AkLesson *lesson = ak_course_get_lesson (course, i);

      g_assert_true (lesson == g_ptr_array_index (lessons, i));
      g_assert_cmpstr (ak_lesson_get_id (lesson), ==, lesson->id);
      g_assert_cmpstr (ak_lesson_get_title (lesson), ==, lesson->title);
      g_assert_cmpuint (ak_lesson_get_n_sections (lesson), ==, lesson->sections->len);
      for (guint j = 0; j < lesson->sections->len; j++)
        {
          const AkSection *section = ak_lesson_get_section (lesson, j);

          g_assert_true (section == g_ptr_array_index (lesson->sections, j));
          g_assert_cmpstr (ak_section_get_id (section), ==, section->id);
          g_assert_cmpstr (ak_section_get_title (section), ==, section->title);
          g_assert_cmpuint (ak_section_get_n_blocks (section), ==, section->blocks->len);
          for (guint k = 0; k < section->blocks->len; k++, n_blocks++)
            {
              const AkBlock *block = ak_section_get_block (section, k);

              g_assert_true (block == g_ptr_array_index (section->blocks, k));
              assert_block_accessors (block);
            }
        }
    }
  g_assert_cmpuint (n_blocks, ==, 11);

  g_assert_cmpuint (ak_course_get_n_quizzes (course), ==, quizzes->len);
  for (guint i = 0; i < quizzes->len; i++)
    {
      const AkQuiz *quiz = ak_course_get_quiz (course, i);

      g_assert_true (quiz == g_ptr_array_index (quizzes, i));
      g_assert_cmpstr (ak_quiz_get_id (quiz), ==, quiz->id);
      g_assert_cmpstr (ak_quiz_get_title (quiz), ==, quiz->title);
      g_assert_cmpstr (ak_quiz_get_description (quiz), ==, quiz->description);
      g_assert_cmpuint (ak_quiz_get_pass_mark (quiz), ==, quiz->pass_mark);
      g_assert_cmpint (ak_quiz_get_shuffle (quiz), ==, quiz->shuffle);
      g_assert_cmpstr (ak_quiz_get_hash (quiz), ==, quiz->hash);
      g_assert_cmpuint (ak_quiz_get_n_questions (quiz), ==, quiz->questions->len);
      for (guint j = 0; j < quiz->questions->len; j++)
        {
          const AkQuestion *question = ak_quiz_get_question (quiz, j);

          g_assert_true (question == g_ptr_array_index (quiz->questions, j));
          assert_question_accessors (question);
          n_segments += ak_question_get_n_segments (question);
          n_pairs += ak_question_get_n_pairs (question);
        }
    }
  yes = ak_question_find_choice (find_question (course, "quiz", "einfach"), "ja");
  g_assert_cmpstr (ak_choice_get_markup (yes), ==, "<i>Ja</i>");
  g_assert_cmpstr (ak_choice_get_text (yes), ==, "Ja");
  /* The walk did reach the parts of a gap text and a matching question. */
  g_assert_cmpuint (n_segments, ==, 5);
  g_assert_cmpuint (n_pairs, ==, 2);
}

/* The last part of @part is there; the one after it is a critical and NULL. */
#define ASSERT_LAST(get, part, n) \
  G_STMT_START { \
    g_assert_nonnull (get (part, (n) - 1)); \
    g_test_expect_message ("Akademie", G_LOG_LEVEL_CRITICAL, "*index*"); \
    g_assert_null (get (part, (n))); \
    g_test_assert_expected_messages (); \
  } G_STMT_END

/* An index one past the end is caught, not read. */
static void
test_accessors_out_of_range (void)
{
  g_autoptr(AkCourse) course = load_complete_file ();
  const AkLesson *lesson = ak_course_get_lesson (course, 0);
  const AkSection *section = ak_lesson_get_section (lesson, 0);
  const AkQuiz *quiz = ak_course_get_quiz (course, 0);
  const AkQuestion *choice_question = ak_quiz_get_question (quiz, AK_QUESTION_SINGLE_CHOICE);
  const AkQuestion *gap_question = ak_quiz_get_question (quiz, AK_QUESTION_GAP_TEXT);
  const AkQuestion *ordering = ak_quiz_get_question (quiz, AK_QUESTION_ORDERING);
  const AkQuestion *matching = ak_quiz_get_question (quiz, AK_QUESTION_MATCHING);

  ASSERT_LAST (ak_course_get_source, course, 2);
  ASSERT_LAST (ak_course_get_lesson, course, 1);
  ASSERT_LAST (ak_course_get_quiz, course, 2);
  ASSERT_LAST (ak_lesson_get_section, lesson, 2);
  ASSERT_LAST (ak_section_get_block, section, 10);
  ASSERT_LAST (ak_quiz_get_question, quiz, AK_N_QUESTION_TYPES);
  ASSERT_LAST (ak_question_get_choice, choice_question, 2);
  ASSERT_LAST (ak_question_get_segment, gap_question, 5);
  ASSERT_LAST (ak_question_get_gap, gap_question, 2);
  ASSERT_LAST (ak_question_get_item, ordering, 3);
  ASSERT_LAST (ak_question_get_pair, matching, 2);
  ASSERT_LAST (ak_question_get_distractor, matching, 1);
  /* A question of another type has none of these. */
  g_test_expect_message ("Akademie", G_LOG_LEVEL_CRITICAL, "*index*");
  g_assert_null (ak_question_get_choice (gap_question, 0));
  g_test_assert_expected_messages ();
}

/* A view that kept ids finds its lesson, section and question again. */
static void
test_find_by_id (void)
{
  g_autoptr(AkCourse) course = load_complete_file ();
  const AkLesson *lesson = NULL;
  const AkQuiz *quiz = NULL;
  const AkSection *section;
  const AkQuestion *question;

  g_assert_true (ak_course_get_lesson_by_id (course, "lektion") ==
                 ak_course_get_lesson (course, 0));
  g_assert_null (ak_course_get_lesson_by_id (course, "abschnitt"));

  section = ak_course_find_section (course, "zweiter", &lesson);
  g_assert_nonnull (section);
  g_assert_cmpstr (ak_section_get_title (section), ==, "Abschnitt zwei");
  g_assert_true (lesson == ak_course_get_lesson (course, 0));
  g_assert_true (section == ak_lesson_get_section (lesson, 1));
  g_assert_nonnull (ak_course_find_section (course, "abschnitt", NULL));
  lesson = NULL;
  g_assert_null (ak_course_find_section (course, "lektion", &lesson));
  g_assert_null (lesson);

  /* Course-wide: the question is found in the second quiz too. */
  question = ak_course_find_question (course, "ohne-toleranz", &quiz);
  g_assert_nonnull (question);
  g_assert_cmpint (ak_question_get_question_type (question), ==, AK_QUESTION_NUMERIC);
  g_assert_cmpstr (ak_quiz_get_id (quiz), ==, "zweites");
  question = ak_course_find_question (course, "luecke", &quiz);
  g_assert_true (question == ak_quiz_get_question (ak_course_get_quiz (course, 0),
                                                   AK_QUESTION_GAP_TEXT));
  g_assert_cmpstr (ak_quiz_get_id (quiz), ==, "quiz");
  quiz = NULL;
  g_assert_null (ak_course_find_question (course, "quiz", &quiz));
  g_assert_null (quiz);

  /* Within a question, each kind of id is looked for on its own. */
  g_assert_cmpstr (ak_gap_get_id (ak_question_find_gap (question, "g2")), ==, "g2");
  g_assert_null (ak_question_find_choice (question, "g2"));
  g_assert_null (ak_question_find_pair (question, "g2"));
}

/* Views can keep the model's enums in properties: each type has a GType,
 * and a question type's nick is its element name in a course file. */
static void
test_enum_types (void)
{
  g_autoptr(GEnumClass) question_types = g_type_class_ref (AK_TYPE_QUESTION_TYPE);
  g_autoptr(GEnumClass) block_types = g_type_class_ref (AK_TYPE_BLOCK_TYPE);
  g_autoptr(GEnumClass) severities = g_type_class_ref (AK_TYPE_SEVERITY);
  GEnumValue *value;

  value = g_enum_get_value (question_types, AK_QUESTION_NUMERIC);
  g_assert_nonnull (value);
  g_assert_cmpstr (value->value_name, ==, "AK_QUESTION_NUMERIC");
  g_assert_cmpstr (value->value_nick, ==, "numeric");
  /* The count is no question type. */
  g_assert_cmpuint (question_types->n_values, ==, AK_N_QUESTION_TYPES);
  g_assert_null (g_enum_get_value (question_types, AK_N_QUESTION_TYPES));
  for (guint type = 0; type < AK_N_QUESTION_TYPES; type++)
    g_assert_cmpstr (g_enum_get_value (question_types, type)->value_nick, ==,
                     ak_question_type_to_string (type));

  g_assert_cmpstr (g_enum_get_value (block_types, AK_BLOCK_THESIS)->value_nick, ==, "thesis");
  g_assert_cmpuint (block_types->n_values, ==, AK_BLOCK_FIGURE + 1);
  g_assert_cmpstr (g_enum_get_value (severities, AK_SEVERITY_WARNING)->value_nick, ==, "warning");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/course/hash/whitespace", test_hash_whitespace);
  g_test_add_func ("/course/hash/explanation", test_hash_explanation);
  g_test_add_func ("/course/hash/choice-text", test_hash_choice_text);
  g_test_add_func ("/course/hash/correctness", test_hash_correctness);
  g_test_add_func ("/course/hash/answers", test_hash_answers);
  g_test_add_func ("/course/find", test_find);
  g_test_add_func ("/course/counts", test_counts);
  g_test_add_func ("/course/question-types", test_question_types);
  g_test_add_func ("/course/properties", test_properties);
  g_test_add_func ("/course/properties/read-only", test_properties_read_only);
  g_test_add_func ("/course/accessors", test_accessors);
  g_test_add_func ("/course/accessors/out-of-range", test_accessors_out_of_range);
  g_test_add_func ("/course/find-by-id", test_find_by_id);
  g_test_add_func ("/course/enum-types", test_enum_types);

  return g_test_run ();
}
