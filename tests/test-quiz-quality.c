/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ak-course-loader.h"
#include "ak-grading.h"

/*
 * The warnings about questions a learner can answer by their form, and
 * the errors about parts of a question that read the same. Each fixture
 * in tests/data/quality/ either crosses a threshold or stays just below
 * it; its comment says which.
 */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "quality", name, NULL);
}

/* The diagnostics of @name as "line:column: severity: message". */
static GPtrArray *
validate (const char  *name,
          AkCourse   **course)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  AkCourse *loaded = ak_course_loader_load_file (path, diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      AkDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = ak_diagnostic_to_string (diagnostic);

      g_assert_true (g_str_has_prefix (text, path));
      g_ptr_array_add (lines, g_strdup (text + strlen (path) + 1));
    }
  g_ptr_array_add (lines, NULL);

  if (course != NULL)
    *course = loaded;
  else
    g_clear_object (&loaded);
  return lines;
}

static void
assert_diagnostics (const char        *name,
                    const char *const *expected,
                    gboolean           loads)
{
  g_autoptr(AkCourse) course = NULL;
  g_autoptr(GPtrArray) lines = validate (name, &course);

  for (guint i = 0; i < lines->len - 1 || expected[i] != NULL; i++)
    {
      const char *line = i < lines->len - 1 ? g_ptr_array_index (lines, i) : NULL;

      if (line != NULL)
        g_test_message ("%s: %s", name, line);
      g_assert_cmpstr (line, ==, expected[i]);
    }

  /* Warnings alone never keep a course from loading; errors do. */
  g_assert_true ((course != NULL) == loads);
}

static void
assert_quiet (gconstpointer data)
{
  const char *const nothing[] = { NULL };

  assert_diagnostics (data, nothing, TRUE);
}

static void
test_position (void)
{
  const char *const expected[] = {
    "20:28: warning: Choice 1 is the correct one in 3 of the 4 single-choice questions of this "
    "course, starting with “pos-1”; learners can guess it by its position",
    NULL
  };

  /* Counted over both quizzes of the course: neither shows it alone. */
  assert_diagnostics ("position.xml", expected, TRUE);
}

/* A quiz that shows a pattern on its own is named, even when the course
 * as a whole stays below the threshold. */
static void
test_position_in_quiz (void)
{
  const char *const expected[] = {
    "20:28: warning: Choice 1 is the correct one in 4 of the 4 single-choice questions of the "
    "quiz “quiz-a”, starting with “pos-1”; learners can guess it by its position",
    NULL
  };

  assert_diagnostics ("position-quiz.xml", expected, TRUE);
}

static void
test_longest (void)
{
  const char *const in_quiz[] = {
    "20:7: warning: The correct choice is the longest in 3 of the 4 single-choice questions of "
    "the quiz “quiz-a”, starting with “lang-1”; learners can guess it by its length",
    NULL
  };
  const char *const in_course[] = {
    "20:7: warning: The correct choice is the longest in 3 of the 4 single-choice questions of "
    "this course, starting with “lang-1”; learners can guess it by its length",
    NULL
  };

  /* Once for the quiz, not again for the course it makes up. */
  assert_diagnostics ("longest.xml", in_quiz, TRUE);
  assert_diagnostics ("longest-course.xml", in_course, TRUE);
}

static void
test_leading (void)
{
  const char *const expected[] = {
    "18:5: warning: The correct choices come before the wrong ones in each of the 2 "
    "multiple-choice questions of this course, starting with “mehr-1”; learners can guess them "
    "by their position",
    NULL
  };

  assert_diagnostics ("leading.xml", expected, TRUE);
}

static void
test_statements (void)
{
  const char *const mostly_false[] = {
    "18:43: warning: 3 of the 4 true-or-false statements of the quiz “quiz-a” are false, "
    "starting with “aussage-1”; learners who always answer “false” are mostly right",
    NULL
  };
  const char *const all_true[] = {
    "18:43: warning: 3 of the 3 true-or-false statements of the quiz “quiz-a” are true, "
    "starting with “aussage-1”; learners who always answer “true” are mostly right",
    NULL
  };
  const char *const over_quizzes[] = {
    "18:43: warning: 3 of the 4 true-or-false statements of this course are false, starting "
    "with “aussage-1”; learners who always answer “false” are mostly right",
    NULL
  };

  assert_diagnostics ("statements.xml", mostly_false, TRUE);
  assert_diagnostics ("statements-true.xml", all_true, TRUE);
  assert_diagnostics ("statements-course.xml", over_quizzes, TRUE);
}

static void
test_cue_words (void)
{
  const char *const expected[] = {
    "19:7: warning: The statement “cue-nur” is false and says “nur”; words like this give a "
    "false statement away",
    "23:7: warning: The statement “cue-selbst” is false and says “von selbst”; words like this "
    "give a false statement away",
    NULL
  };

  assert_diagnostics ("cue.xml", expected, TRUE);
}

static void
test_reused (void)
{
  /* Case and white space do not count; a matching's distractor counts as
   * much as a wrong choice. */
  const char *const expected[] = {
    "28:7: warning: The wrong answer “Eine Werbekampagne” of the question “wieder-2” stands in "
    "3 questions of this course (first on line 21); learners soon rule it out",
    "39:7: warning: The wrong answer “Eine Werbekampagne” of the question “wieder-3” stands in "
    "3 questions of this course (first on line 21); learners soon rule it out",
    NULL
  };

  assert_diagnostics ("reused.xml", expected, TRUE);
}

static void
test_title (void)
{
  const char *const expected[] = {
    "25:7: warning: The answer “Kundenservice” to the question “titel-quiz” stands in the title "
    "of its quiz",
    "30:57: warning: The answer “Dialog” to the question “titel-abschnitt” stands in the title "
    "of the section “Vom Monolog zum Dialog” that it tests",
    NULL
  };

  assert_diagnostics ("title.xml", expected, TRUE);
}

static void
test_one_word (void)
{
  const char *const expected[] = {
    "21:7: warning: The question “ein-wort” asks for one word but accepts “gut zuhören”",
    "26:76: warning: The question “je-ein-wort” asks for one word but accepts “die Kunden”",
    NULL
  };

  assert_diagnostics ("one-word.xml", expected, TRUE);
}

static void
test_unit (void)
{
  const char *const expected[] = {
    "18:48: warning: The numeric question “punkte” counts “61 %” as wrong: it takes no unit "
    "but “Prozentpunkte”",
    "22:5: warning: The numeric question “ohne-einheit” counts “75 %” as wrong: it takes no unit",
    NULL
  };

  assert_diagnostics ("unit.xml", expected, TRUE);
}

static double
grade_numeric (const char *name,
               const char *input)
{
  g_autoptr(AkCourse) course = NULL;
  g_autoptr(GPtrArray) lines = validate (name, &course);
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_NUMERIC);
  AkQuestion *question;

  g_assert_nonnull (course);
  question = ak_quiz_find_question (ak_course_find_quiz (course, "quiz-a"), "punkte");
  g_assert_nonnull (question);
  ak_response_set_text (response, input);
  return ak_grade (question, response);
}

/* What the warning is about: the grading itself. */
static void
test_unit_grading (void)
{
  g_assert_cmpfloat (grade_numeric ("unit.xml", "61 %"), ==, 0.0);
  g_assert_cmpfloat (grade_numeric ("unit.xml", "61 Prozentpunkte"), ==, 1.0);
  g_assert_cmpfloat (grade_numeric ("unit-under.xml", "61 %"), ==, 1.0);
}

static void
test_same_text (void)
{
  const char *const expected[] = {
    "21:7: error: The choices “gleiche-auswahl-1” and “gleiche-auswahl-2” of the question "
    "“gleiche-auswahl” read the same",
    "29:7: error: The items “gleiche-schritte-1” and “gleiche-schritte-3” of the question "
    "“gleiche-schritte” read the same",
    "35:58: error: The pairs “gleiche-rechte-p1” and “gleiche-rechte-p2” of the question "
    "“gleiche-rechte” have the same right side",
    "37:7: error: The distractor “gleiche-rechte-d1” of the question “gleiche-rechte” reads "
    "the same as the right side of the pair “gleiche-rechte-p3”",
    "39:7: error: The distractors “gleiche-rechte-d2” and “gleiche-rechte-d3” of the question "
    "“gleiche-rechte” read the same",
    "45:35: error: The pairs “gleiche-linke-p1” and “gleiche-linke-p2” of the question "
    "“gleiche-linke” have the same left side",
    /* "ﬁ" and a no-break space: the same once in Unicode form NFKC */
    "51:7: error: The choices “gleiche-form-1” and “gleiche-form-2” of the question "
    "“gleiche-form” read the same",
    NULL
  };

  assert_diagnostics ("same-text.xml", expected, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const quiet[] = {
    "position-under.xml", "position-few.xml", "longest-under.xml", "leading-under.xml",
    "statements-under.xml", "cue-under.xml", "reused-under.xml", "title-under.xml",
    "one-word-under.xml", "unit-under.xml", "same-text-under.xml",
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/quiz-quality/position", test_position);
  g_test_add_func ("/quiz-quality/position-in-quiz", test_position_in_quiz);
  g_test_add_func ("/quiz-quality/longest", test_longest);
  g_test_add_func ("/quiz-quality/leading", test_leading);
  g_test_add_func ("/quiz-quality/statements", test_statements);
  g_test_add_func ("/quiz-quality/cue-words", test_cue_words);
  g_test_add_func ("/quiz-quality/reused", test_reused);
  g_test_add_func ("/quiz-quality/title", test_title);
  g_test_add_func ("/quiz-quality/one-word", test_one_word);
  g_test_add_func ("/quiz-quality/unit", test_unit);
  g_test_add_func ("/quiz-quality/unit-grading", test_unit_grading);
  g_test_add_func ("/quiz-quality/same-text", test_same_text);
  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    {
      g_autofree char *name = g_strdup (quiet[i]);
      g_autofree char *test_path = NULL;

      *strstr (name, ".xml") = '\0';
      test_path = g_strconcat ("/quiz-quality/under/", name, NULL);
      g_test_add_data_func (test_path, quiet[i], assert_quiet);
    }

  return g_test_run ();
}
