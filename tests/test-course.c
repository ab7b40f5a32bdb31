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
  AkLesson *lesson = NULL;
  AkSection *section = NULL;
  AkBlock *thesis;
  AkSource *source;
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

  return g_test_run ();
}
