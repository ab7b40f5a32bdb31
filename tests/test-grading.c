/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "ak-course-private.h"
#include "ak-grading.h"

#define EPSILON 1e-9

/* Questions are freed with the course that holds their quiz. */
static AkCourse *
new_course (AkQuiz **quiz)
{
  AkCourse *course = ak_course_new ();

  *quiz = ak_quiz_new ();
  (*quiz)->id = g_strdup ("quiz");
  (*quiz)->pass_mark = 50;
  g_ptr_array_add (course->quizzes, *quiz);
  return course;
}

static AkQuestion *
add_question (AkQuiz         *quiz,
              AkQuestionType  type)
{
  AkQuestion *question = ak_question_new (type);

  question->id = g_strdup_printf ("q%u", quiz->questions->len + 1);
  question->prompt = g_strdup ("?");
  question->explanation = g_strdup ("!");
  g_ptr_array_add (quiz->questions, question);
  return question;
}

static AkChoice *
new_choice (const char *id)
{
  AkChoice *choice = ak_choice_new ();

  choice->id = g_strdup (id);
  choice->markup = g_strdup (id);
  choice->text = g_strdup (id);
  return choice;
}

/* @spec lists the choice ids in order, correct ones marked with "*": "a* b c*" */
static AkQuestion *
add_choice_question (AkQuiz         *quiz,
                     AkQuestionType  type,
                     const char     *spec)
{
  AkQuestion *question = add_question (quiz, type);
  g_auto(GStrv) ids = g_strsplit (spec, " ", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean correct = g_str_has_suffix (ids[i], "*");
      AkChoice *choice;

      if (correct)
        ids[i][strlen (ids[i]) - 1] = '\0';
      choice = new_choice (ids[i]);
      choice->correct = correct;
      g_ptr_array_add (question->choices, choice);
    }
  return question;
}

static AkChoice *
find_choice (AkQuestion *question,
             const char *id)
{
  for (guint i = 0; i < question->choices->len; i++)
    {
      AkChoice *choice = g_ptr_array_index (question->choices, i);

      if (g_str_equal (choice->id, id))
        return choice;
    }
  g_assert_not_reached ();
}

static AkQuestion *
add_true_false (AkQuiz   *quiz,
                gboolean  answer)
{
  AkQuestion *question = add_question (quiz, AK_QUESTION_TRUE_FALSE);

  question->answer = answer;
  return question;
}

/* Appends a gap with its accepted answers (NULL-terminated) after a bit of text. */
static void
add_gap (AkQuestion *question,
         const char *id,
         gboolean    umlaut_spellings,
         ...)
{
  AkSegment *text = ak_segment_new ();
  AkSegment *segment = ak_segment_new ();
  AkGap *gap = ak_gap_new ();
  GStrvBuilder *accepted = g_strv_builder_new ();
  const char *answer;
  va_list args;

  va_start (args, umlaut_spellings);
  while ((answer = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (accepted, answer);
  va_end (args);

  gap->id = g_strdup (id);
  gap->umlaut_spellings = umlaut_spellings;
  gap->accepted = g_strv_builder_end (accepted);
  g_strv_builder_unref (accepted);
  g_ptr_array_add (question->gaps, gap);

  text->markup = g_strdup ("Text ");
  g_ptr_array_add (question->segments, text);
  segment->gap = gap;
  g_ptr_array_add (question->segments, segment);
}

static AkQuestion *
add_ordering (AkQuiz     *quiz,
              const char *correct_order)
{
  AkQuestion *question = add_question (quiz, AK_QUESTION_ORDERING);
  g_auto(GStrv) ids = g_strsplit (correct_order, " ", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (question->items, new_choice (ids[i]));
  return question;
}

static AkQuestion *
add_matching (AkQuiz     *quiz,
              const char *pair_ids,
              const char *distractor_ids)
{
  AkQuestion *question = add_question (quiz, AK_QUESTION_MATCHING);
  g_auto(GStrv) pairs = g_strsplit (pair_ids, " ", -1);
  g_auto(GStrv) distractors = g_strsplit (distractor_ids, " ", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      AkPair *pair = ak_pair_new ();

      pair->id = g_strdup (pairs[i]);
      pair->left_markup = g_strdup_printf ("left %s", pairs[i]);
      pair->right_markup = g_strdup_printf ("right %s", pairs[i]);
      g_ptr_array_add (question->pairs, pair);
    }
  for (guint i = 0; distractors[i] != NULL; i++)
    if (*distractors[i] != '\0')
      g_ptr_array_add (question->distractors, new_choice (distractors[i]));
  return question;
}

static AkQuestion *
add_short_answer (AkQuiz            *quiz,
                  gboolean           umlaut_spellings,
                  const char *const *accepted)
{
  AkQuestion *question = add_question (quiz, AK_QUESTION_SHORT_ANSWER);

  question->umlaut_spellings = umlaut_spellings;
  question->accepted = g_strdupv ((char **)accepted);
  return question;
}

static AkQuestion *
add_numeric (AkQuiz     *quiz,
             double      value,
             double      tolerance,
             const char *unit)
{
  AkQuestion *question = add_question (quiz, AK_QUESTION_NUMERIC);

  question->value = value;
  question->tolerance = tolerance;
  question->unit = g_strdup (unit);
  return question;
}

static double
grade_single (AkQuestion *question,
              const char *choice_id)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_SINGLE_CHOICE);

  ak_response_set_choice (response, choice_id);
  return ak_grade (question, response);
}

/* @picked: space-separated choice ids */
static AkResponse *
new_multiple_response (const char *picked)
{
  AkResponse *response = ak_response_new (AK_QUESTION_MULTIPLE_CHOICE);
  g_auto(GStrv) ids = g_strsplit (picked, " ", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      ak_response_set_choice_selected (response, ids[i], TRUE);
  return response;
}

static double
grade_multiple (AkQuestion *question,
                const char *picked)
{
  g_autoptr(AkResponse) response = new_multiple_response (picked);

  return ak_grade (question, response);
}

static double
grade_boolean (AkQuestion *question,
               gboolean    value)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_TRUE_FALSE);

  ak_response_set_boolean (response, value);
  return ak_grade (question, response);
}

/* Gap id and text pairs, NULL-terminated. */
static double
grade_gaps (AkQuestion *question,
            ...)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_GAP_TEXT);
  const char *gap_id;
  va_list args;

  va_start (args, question);
  while ((gap_id = va_arg (args, const char *)) != NULL)
    ak_response_set_gap (response, gap_id, va_arg (args, const char *));
  va_end (args);

  return ak_grade (question, response);
}

static double
grade_order (AkQuestion *question,
             const char *order)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_ORDERING);
  g_auto(GStrv) ids = g_strsplit (order, " ", -1);

  ak_response_set_order (response, (const char *const *)ids);
  return ak_grade (question, response);
}

/* @matches: space-separated "pair=right" */
static double
grade_matches (AkQuestion *question,
               const char *matches)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_MATCHING);
  g_auto(GStrv) entries = g_strsplit (matches, " ", -1);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i], "=", 2);

      if (parts[0] != NULL && parts[1] != NULL)
        ak_response_set_match (response, parts[0], parts[1]);
    }
  return ak_grade (question, response);
}

static double
grade_text (AkQuestion *question,
            const char *text)
{
  g_autoptr(AkResponse) response = ak_response_new (question->type);

  ak_response_set_text (response, text);
  return ak_grade (question, response);
}

static void
test_single_choice (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *question = add_choice_question (quiz, AK_QUESTION_SINGLE_CHOICE, "a b* c");

  g_assert_cmpfloat (grade_single (question, "b"), ==, 1.0);
  g_assert_cmpfloat (grade_single (question, "a"), ==, 0.0);
  g_assert_cmpfloat (grade_single (question, "c"), ==, 0.0);
  g_assert_cmpfloat (grade_single (question, "unknown"), ==, 0.0);
  g_assert_cmpfloat (grade_single (question, NULL), ==, 0.0);
}

static void
test_multiple_choice (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *two_two = add_choice_question (quiz, AK_QUESTION_MULTIPLE_CHOICE, "a* b* c d");
  AkQuestion *three_two = add_choice_question (quiz, AK_QUESTION_MULTIPLE_CHOICE,
                                               "a* b* c* d e");
  AkQuestion *two_four = add_choice_question (quiz, AK_QUESTION_MULTIPLE_CHOICE,
                                              "a b* c d e* f");

  /* Only all correct and nothing wrong gives full marks. */
  g_assert_cmpfloat (grade_multiple (two_two, "a b"), ==, 1.0);
  g_assert_cmpfloat (grade_multiple (two_two, "b a"), ==, 1.0);
  /* Picking everything or nothing does not pay. */
  g_assert_cmpfloat (grade_multiple (two_two, "a b c d"), ==, 0.0);
  g_assert_cmpfloat (grade_multiple (two_two, ""), ==, 0.0);
  /* One of two correct and one of two wrong cancel out. */
  g_assert_cmpfloat (grade_multiple (two_two, "a c"), ==, 0.0);
  g_assert_cmpfloat (grade_multiple (two_two, "a"), ==, 0.5);
  g_assert_cmpfloat (grade_multiple (two_two, "a b c"), ==, 0.5);
  /* Never below 0. */
  g_assert_cmpfloat (grade_multiple (two_two, "c d"), ==, 0.0);
  g_assert_cmpfloat (grade_multiple (two_two, "c"), ==, 0.0);
  /* Ids the question does not have change nothing. */
  g_assert_cmpfloat (grade_multiple (two_two, "a b x"), ==, 1.0);

  g_assert_cmpfloat_with_epsilon (grade_multiple (three_two, "a b"), 2.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (grade_multiple (three_two, "a b c d"), 0.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (grade_multiple (three_two, "a"), 1.0 / 3.0, EPSILON);
  g_assert_cmpfloat (grade_multiple (three_two, "a b c d e"), ==, 0.0);

  g_assert_cmpfloat (grade_multiple (two_four, "b e a"), ==, 0.75);
  g_assert_cmpfloat (grade_multiple (two_four, "b e a c d f"), ==, 0.0);
}

static void
test_multiple_choice_no_wrong (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *question = add_choice_question (quiz, AK_QUESTION_MULTIPLE_CHOICE, "a* b* c*");

  /* With W = 0 there is nothing to subtract. */
  g_assert_cmpfloat (grade_multiple (question, "a b c"), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (grade_multiple (question, "a c"), 2.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (grade_multiple (question, "b"), 1.0 / 3.0, EPSILON);
  g_assert_cmpfloat (grade_multiple (question, ""), ==, 0.0);
}

static void
test_true_false (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *is_true = add_true_false (quiz, TRUE);
  AkQuestion *is_false = add_true_false (quiz, FALSE);
  g_autoptr(AkResponse) unanswered = ak_response_new (AK_QUESTION_TRUE_FALSE);

  g_assert_cmpfloat (grade_boolean (is_true, TRUE), ==, 1.0);
  g_assert_cmpfloat (grade_boolean (is_true, FALSE), ==, 0.0);
  g_assert_cmpfloat (grade_boolean (is_false, FALSE), ==, 1.0);
  g_assert_cmpfloat (grade_boolean (is_false, TRUE), ==, 0.0);
  g_assert_cmpfloat (ak_grade (is_true, unanswered), ==, 0.0);
  g_assert_cmpfloat (ak_grade (is_false, unanswered), ==, 0.0);
}

static void
test_gap_text (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *question = add_question (quiz, AK_QUESTION_GAP_TEXT);

  add_gap (question, "g1", TRUE, "M\u00fcller", NULL);
  add_gap (question, "g2", FALSE, "K\u00f6ln", NULL);
  add_gap (question, "g3", FALSE, "Berlin", "Hauptstadt", NULL);

  g_assert_cmpfloat (grade_gaps (question, "g1", "M\u00fcller", "g2", "K\u00f6ln",
                                 "g3", "Berlin", NULL), ==, 1.0);
  /* Lenient: case, white space at the ends and inside, no-break spaces */
  g_assert_cmpfloat (grade_gaps (question, "g1", "  m\u00fcller", "g2", "K\u00d6LN\u00a0",
                                 "g3", " \tHAUPTSTADT ", NULL), ==, 1.0);
  /* Umlaut spellings count in g1, which allows them, but not in g2. */
  g_assert_cmpfloat (grade_gaps (question, "g1", "Mueller", "g2", "K\u00f6ln",
                                 "g3", "Berlin", NULL), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (grade_gaps (question, "g1", "Mueller", "g2", "Koeln",
                                              "g3", "Berlin", NULL), 2.0 / 3.0, EPSILON);
  /* Each gap is its share. */
  g_assert_cmpfloat_with_epsilon (grade_gaps (question, "g3", "berlin", NULL),
                                  1.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (grade_gaps (question, "g1", "Meier", "g2", "K\u00f6ln",
                                              "g3", "Bonn", NULL), 1.0 / 3.0, EPSILON);
  g_assert_cmpfloat (grade_gaps (question, "g1", "Bonn", "g2", "Bonn", "g3", "Bonn", NULL),
                     ==, 0.0);
  g_assert_cmpfloat (grade_gaps (question, NULL), ==, 0.0);
  /* An answer in the wrong gap does not count. */
  g_assert_cmpfloat (grade_gaps (question, "g1", "Berlin", "g3", "M\u00fcller", NULL), ==, 0.0);
}

static void
test_ordering (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *five = add_ordering (quiz, "a b c d e");
  AkQuestion *three = add_ordering (quiz, "a b c");
  AkQuestion *two = add_ordering (quiz, "a b");
  g_autoptr(AkResponse) unanswered = ak_response_new (AK_QUESTION_ORDERING);

  g_assert_cmpfloat (grade_order (five, "a b c d e"), ==, 1.0);
  g_assert_cmpfloat (grade_order (five, "e d c b a"), ==, 0.0);

  /* Moving one item: from an end to the other end loses one neighbour pair,
   * from the inside to an end two, into the inside three. */
  g_assert_cmpfloat (grade_order (five, "b c d e a"), ==, 0.75);
  g_assert_cmpfloat (grade_order (five, "a c d e b"), ==, 0.5);
  g_assert_cmpfloat (grade_order (five, "a c d b e"), ==, 0.25);

  /* Two neighbours swapped */
  g_assert_cmpfloat (grade_order (five, "b a c d e"), ==, 0.5);
  g_assert_cmpfloat (grade_order (five, "a c b d e"), ==, 0.25);
  g_assert_cmpfloat (grade_order (five, "a b c e d"), ==, 0.5);

  /* Runs that stay together keep their pairs wherever they are. */
  g_assert_cmpfloat (grade_order (five, "d e a b c"), ==, 0.75);

  g_assert_cmpfloat (grade_order (three, "a b c"), ==, 1.0);
  g_assert_cmpfloat (grade_order (three, "c a b"), ==, 0.5);

  g_assert_cmpfloat (grade_order (two, "a b"), ==, 1.0);
  g_assert_cmpfloat (grade_order (two, "b a"), ==, 0.0);

  g_assert_cmpfloat (ak_grade (five, unanswered), ==, 0.0);
}

static void
test_matching (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *question = add_matching (quiz, "p1 p2 p3", "d1");

  g_assert_cmpfloat (grade_matches (question, "p1=p1 p2=p2 p3=p3"), ==, 1.0);
  g_assert_cmpfloat (grade_matches (question, "p1=p2 p2=p3 p3=p1"), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (grade_matches (question, "p1=p1 p2=p3 p3=p2"),
                                  1.0 / 3.0, EPSILON);
  /* Matched to a distractor */
  g_assert_cmpfloat_with_epsilon (grade_matches (question, "p1=p1 p2=p2 p3=d1"),
                                  2.0 / 3.0, EPSILON);
  /* Left unanswered */
  g_assert_cmpfloat_with_epsilon (grade_matches (question, "p1=p1 p2=p2"), 2.0 / 3.0, EPSILON);
  g_assert_cmpfloat_with_epsilon (grade_matches (question, "p1=p1 p2=p1 p3=p3"),
                                  2.0 / 3.0, EPSILON);
  g_assert_cmpfloat (grade_matches (question, ""), ==, 0.0);
}

static void
test_short_answer (void)
{
  const char *plain[] = { "Algorithmus", "Algorithmen", NULL };
  const char *umlauts[] = { "Glaubw\u00fcrdigkeit", NULL };
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *question = add_short_answer (quiz, FALSE, plain);
  AkQuestion *with_umlauts = add_short_answer (quiz, TRUE, umlauts);
  AkQuestion *without_umlauts = add_short_answer (quiz, FALSE, umlauts);

  g_assert_cmpfloat (grade_text (question, "Algorithmus"), ==, 1.0);
  g_assert_cmpfloat (grade_text (question, "  ALGORITHMEN\u00a0"), ==, 1.0);
  g_assert_cmpfloat (grade_text (question, "Algorythmus"), ==, 0.0);
  g_assert_cmpfloat (grade_text (question, "Algorithmus Algorithmen"), ==, 0.0);
  g_assert_cmpfloat (grade_text (question, ""), ==, 0.0);

  g_assert_cmpfloat (grade_text (with_umlauts, "Glaubwuerdigkeit"), ==, 1.0);
  g_assert_cmpfloat (grade_text (with_umlauts, "GLAUBW\u00dcRDIGKEIT"), ==, 1.0);
  g_assert_cmpfloat (grade_text (without_umlauts, "Glaubwuerdigkeit"), ==, 0.0);
  g_assert_cmpfloat (grade_text (without_umlauts, "glaubw\u00fcrdigkeit"), ==, 1.0);
}

static void
test_numeric (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *exact = add_numeric (quiz, 2.5, 0, NULL);
  AkQuestion *tolerant = add_numeric (quiz, 10, 0.5, NULL);
  AkQuestion *negative = add_numeric (quiz, -10, 0.5, NULL);
  AkQuestion *km = add_numeric (quiz, 12, 0, "km");
  AkQuestion *percent = add_numeric (quiz, 74, 1, "%");
  AkQuestion *decimal = add_numeric (quiz, 0.3, 0.1, NULL);
  AkQuestion *large = add_numeric (quiz, 1e15, 0, NULL);
  AkQuestion *large_tolerant = add_numeric (quiz, 1e9 + 0.3, 0.1, NULL);
  AkQuestion *whole = add_numeric (quiz, 1500, 0, NULL);

  g_assert_cmpfloat (grade_text (exact, "2,5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (exact, "2.5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (exact, " 2,50 "), ==, 1.0);
  g_assert_cmpfloat (grade_text (exact, "2,4"), ==, 0.0);
  g_assert_cmpfloat (grade_text (exact, "25"), ==, 0.0);
  g_assert_cmpfloat (grade_text (exact, "2,5,0"), ==, 0.0);
  g_assert_cmpfloat (grade_text (exact, "zwei"), ==, 0.0);
  g_assert_cmpfloat (grade_text (exact, ""), ==, 0.0);

  /* On the bound is inside, just beyond it outside. */
  g_assert_cmpfloat (grade_text (tolerant, "10"), ==, 1.0);
  g_assert_cmpfloat (grade_text (tolerant, "10.5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (tolerant, "10,5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (tolerant, "9,5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (tolerant, "10.5001"), ==, 0.0);
  g_assert_cmpfloat (grade_text (tolerant, "9,4999"), ==, 0.0);
  g_assert_cmpfloat (grade_text (tolerant, "-10"), ==, 0.0);

  g_assert_cmpfloat (grade_text (negative, "-10"), ==, 1.0);
  g_assert_cmpfloat (grade_text (negative, "-10,5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (negative, "-9.5"), ==, 1.0);
  g_assert_cmpfloat (grade_text (negative, "-10.5001"), ==, 0.0);
  g_assert_cmpfloat (grade_text (negative, "10"), ==, 0.0);

  /* The unit may be given or left out; another unit is wrong. */
  g_assert_cmpfloat (grade_text (km, "12 km"), ==, 1.0);
  g_assert_cmpfloat (grade_text (km, "12km"), ==, 1.0);
  g_assert_cmpfloat (grade_text (km, "12 KM"), ==, 1.0);
  g_assert_cmpfloat (grade_text (km, "12"), ==, 1.0);
  g_assert_cmpfloat (grade_text (km, "12 m"), ==, 0.0);
  g_assert_cmpfloat (grade_text (km, "12 mi"), ==, 0.0);
  g_assert_cmpfloat (grade_text (percent, "74 %"), ==, 1.0);
  g_assert_cmpfloat (grade_text (percent, "75%"), ==, 1.0);
  g_assert_cmpfloat (grade_text (percent, "72,9 %"), ==, 0.0);
  /* A unit where the question has none */
  g_assert_cmpfloat (grade_text (tolerant, "10 km"), ==, 0.0);

  /* Decimal bounds hold although 0.1 and 0.3 have no exact binary form. */
  g_assert_cmpfloat (grade_text (decimal, "0,4"), ==, 1.0);
  g_assert_cmpfloat (grade_text (decimal, "0.2"), ==, 1.0);
  g_assert_cmpfloat (grade_text (decimal, "0,41"), ==, 0.0);
  g_assert_cmpfloat (grade_text (decimal, "0,19"), ==, 0.0);
  /* Large values stay exact to the last digit the learner wrote ... */
  g_assert_cmpfloat (grade_text (large, "1000000000000000"), ==, 1.0);
  g_assert_cmpfloat (grade_text (large, "1000000000000001"), ==, 0.0);
  g_assert_cmpfloat (grade_text (large, "999999999999999"), ==, 0.0);
  g_assert_cmpfloat (grade_text (whole, "1500,000000000001"), ==, 0.0);
  /* ... and their decimal bounds still hold. */
  g_assert_cmpfloat (grade_text (large_tolerant, "1000000000,4"), ==, 1.0);
  g_assert_cmpfloat (grade_text (large_tolerant, "1000000000,2"), ==, 1.0);
  g_assert_cmpfloat (grade_text (large_tolerant, "1000000000,41"), ==, 0.0);

  /* A minus sign typed as "−" or "–" is a minus. */
  g_assert_cmpfloat (grade_text (negative, "\u2212" "10"), ==, 1.0);
  g_assert_cmpfloat (grade_text (negative, "\u2013" "10,5"), ==, 1.0);
}

/* One question of each type and the response that answers it correctly. */
static void
add_answered_questions (AkQuiz    *quiz,
                        GPtrArray *responses)
{
  const char *accepted[] = { "Reichweite", NULL };
  const char *order[] = { "a", "b", "c", NULL };
  AkQuestion *question;
  AkResponse *response;

  for (guint type = 0; type < AK_N_QUESTION_TYPES; type++)
    {
      response = ak_response_new (type);
      switch (type)
        {
        case AK_QUESTION_SINGLE_CHOICE:
          add_choice_question (quiz, type, "a* b");
          ak_response_set_choice (response, "a");
          break;
        case AK_QUESTION_MULTIPLE_CHOICE:
          add_choice_question (quiz, type, "a* b c*");
          ak_response_set_choice_selected (response, "a", TRUE);
          ak_response_set_choice_selected (response, "c", TRUE);
          break;
        case AK_QUESTION_TRUE_FALSE:
          add_true_false (quiz, TRUE);
          ak_response_set_boolean (response, TRUE);
          break;
        case AK_QUESTION_GAP_TEXT:
          question = add_question (quiz, type);
          add_gap (question, "a", FALSE, "Reichweite", NULL);
          ak_response_set_gap (response, "a", "Reichweite");
          break;
        case AK_QUESTION_ORDERING:
          add_ordering (quiz, "a b c");
          ak_response_set_order (response, order);
          break;
        case AK_QUESTION_MATCHING:
          add_matching (quiz, "a b", "");
          ak_response_set_match (response, "a", "a");
          ak_response_set_match (response, "b", "b");
          break;
        case AK_QUESTION_SHORT_ANSWER:
          add_short_answer (quiz, FALSE, accepted);
          ak_response_set_text (response, "Reichweite");
          break;
        case AK_QUESTION_NUMERIC:
          add_numeric (quiz, 3, 0, NULL);
          ak_response_set_text (response, "3");
          break;
        default:
          g_assert_not_reached ();
        }
      g_ptr_array_add (responses, response);
    }
}

static void
test_wrong_type (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  g_autoptr(GPtrArray) responses = NULL;

  responses = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_response_unref);
  add_answered_questions (quiz, responses);

  /* An answer of another type (say, stored before the trainer changed the
   * question) scores 0, quietly: the test aborts on any warning. */
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);

      for (guint j = 0; j < responses->len; j++)
        {
          AkResponse *response = g_ptr_array_index (responses, j);
          g_autoptr(GPtrArray) feedback = ak_grade_feedback (question, response);

          g_test_message ("%s question, %s response",
                          ak_question_type_to_string (question->type),
                          ak_question_type_to_string (ak_response_get_question_type (response)));
          g_assert_cmpfloat (ak_grade (question, response), ==, i == j ? 1.0 : 0.0);
          if (i != j)
            g_assert_cmpuint (feedback->len, ==, 0);
        }
      g_assert_cmpfloat (ak_grade (question, NULL), ==, 0.0);
    }
}

static void
assert_feedback (AkQuestion *question,
                 AkResponse *response,
                 ...)
{
  g_autoptr(GPtrArray) feedback = ak_grade_feedback (question, response);
  const char *expected;
  guint n = 0;
  va_list args;

  va_start (args, response);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (n, <, feedback->len);
      g_assert_cmpstr (g_ptr_array_index (feedback, n), ==, expected);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (feedback->len, ==, n);
}

static void
test_feedback (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  AkQuestion *single = add_choice_question (quiz, AK_QUESTION_SINGLE_CHOICE, "a b* c");
  AkQuestion *multiple = add_choice_question (quiz, AK_QUESTION_MULTIPLE_CHOICE, "a* b c* d");
  AkQuestion *true_false = add_true_false (quiz, TRUE);
  AkQuestion *ordering = add_ordering (quiz, "a b");
  g_autoptr(AkResponse) picked = ak_response_new (AK_QUESTION_SINGLE_CHOICE);
  g_autoptr(AkResponse) ticked = NULL;
  g_autoptr(AkResponse) chosen = ak_response_new (AK_QUESTION_TRUE_FALSE);
  g_autoptr(AkResponse) ordered = ak_response_new (AK_QUESTION_ORDERING);
  const char *order[] = { "b", "a", NULL };

  find_choice (single, "a")->feedback = g_strdup ("<i>A</i> is too narrow.");
  find_choice (single, "b")->feedback = g_strdup ("Right, because of B.");
  find_choice (multiple, "a")->feedback = g_strdup ("A: yes.");
  find_choice (multiple, "b")->feedback = g_strdup ("B: no.");
  find_choice (multiple, "d")->feedback = g_strdup ("D: no.");
  true_false->feedback_false = g_strdup ("It is true.");

  assert_feedback (single, picked, NULL);
  ak_response_set_choice (picked, "a");
  assert_feedback (single, picked, "<i>A</i> is too narrow.", NULL);
  ak_response_set_choice (picked, "b");
  assert_feedback (single, picked, "Right, because of B.", NULL);
  ak_response_set_choice (picked, "c");
  assert_feedback (single, picked, NULL);

  /* In the order of the choices, for the picked ones only */
  ticked = new_multiple_response ("d c a");
  assert_feedback (multiple, ticked, "A: yes.", "D: no.", NULL);
  g_clear_pointer (&ticked, ak_response_unref);
  ticked = new_multiple_response ("c");
  assert_feedback (multiple, ticked, NULL);

  assert_feedback (true_false, chosen, NULL);
  ak_response_set_boolean (chosen, FALSE);
  assert_feedback (true_false, chosen, "It is true.", NULL);
  ak_response_set_boolean (chosen, TRUE);
  assert_feedback (true_false, chosen, NULL);
  true_false->feedback_true = g_strdup ("Indeed.");
  assert_feedback (true_false, chosen, "Indeed.", NULL);

  ak_response_set_order (ordered, order);
  assert_feedback (ordering, ordered, NULL);
  assert_feedback (single, NULL, NULL);
}

static void
set_score (GHashTable *scores,
           const char *question_id,
           double      score)
{
  g_hash_table_insert (scores, g_strdup (question_id), g_memdup2 (&score, sizeof score));
}

static GHashTable *
new_scores (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
test_quiz_total (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  g_autoptr(GHashTable) scores = new_scores ();
  double max_points = -1;
  double points;

  add_true_false (quiz, TRUE)->points = 1;
  add_true_false (quiz, TRUE)->points = 2;
  add_true_false (quiz, TRUE)->points = 3;

  points = ak_quiz_score (quiz, NULL, &max_points);
  g_assert_cmpfloat (points, ==, 0.0);
  g_assert_cmpfloat (max_points, ==, 6.0);

  /* Score times points; an unanswered question counts 0. */
  set_score (scores, "q1", 1.0);
  set_score (scores, "q2", 0.5);
  set_score (scores, "other", 1.0);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_cmpfloat (points, ==, 2.0);
  g_assert_cmpfloat (max_points, ==, 6.0);

  set_score (scores, "q3", 1.0);
  g_assert_cmpfloat (ak_quiz_score (quiz, scores, NULL), ==, 5.0);
}

static void
test_quiz_pass_mark (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  g_autoptr(GHashTable) scores = new_scores ();
  double max_points;
  double points;

  add_true_false (quiz, TRUE)->points = 1;
  add_true_false (quiz, TRUE)->points = 1;
  add_true_false (quiz, TRUE)->points = 2;
  quiz->pass_mark = 50;

  /* Exactly the pass mark passes. */
  set_score (scores, "q1", 1.0);
  set_score (scores, "q2", 1.0);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_cmpfloat (points / max_points, ==, 0.5);
  g_assert_true (ak_quiz_is_passed (quiz, points, max_points));

  set_score (scores, "q2", 0.99);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_false (ak_quiz_is_passed (quiz, points, max_points));

  set_score (scores, "q1", 0.0);
  set_score (scores, "q2", 0.0);
  set_score (scores, "q3", 1.0);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_true (ak_quiz_is_passed (quiz, points, max_points));

  quiz->pass_mark = 100;
  g_assert_false (ak_quiz_is_passed (quiz, points, max_points));
  set_score (scores, "q1", 1.0);
  set_score (scores, "q2", 1.0);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_true (ak_quiz_is_passed (quiz, points, max_points));

  quiz->pass_mark = 0;
  g_hash_table_remove_all (scores);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_true (ak_quiz_is_passed (quiz, points, max_points));
}

static void
test_quiz_pass_mark_rounding (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  g_autoptr(GHashTable) scores = new_scores ();
  double max_points;
  double points;

  add_true_false (quiz, TRUE);
  add_true_false (quiz, TRUE);
  add_true_false (quiz, TRUE);
  quiz->pass_mark = 30;

  /* 0.7 + 0.1 + 0.1 is 0.8999999999999999 in binary: still exactly 30 %. */
  set_score (scores, "q1", 7 / 10.0);
  set_score (scores, "q2", 1 / 10.0);
  set_score (scores, "q3", 1 / 10.0);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_true (ak_quiz_is_passed (quiz, points, max_points));

  set_score (scores, "q3", 0.09);
  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_false (ak_quiz_is_passed (quiz, points, max_points));
}

static void
test_quiz_graded (void)
{
  AkQuiz *quiz;
  g_autoptr(AkCourse) course = new_course (&quiz);
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GHashTable) scores = new_scores ();
  double max_points;
  double points;

  /* Eight questions of one point each, all answered correctly; then the
   * multiple-choice answer loses one of its two correct choices. */
  responses = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_response_unref);
  add_answered_questions (quiz, responses);
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);

      if (question->type == AK_QUESTION_MULTIPLE_CHOICE)
        ak_response_set_choice_selected (g_ptr_array_index (responses, i), "c", FALSE);
      set_score (scores, question->id, ak_grade (question, g_ptr_array_index (responses, i)));
    }

  points = ak_quiz_score (quiz, scores, &max_points);
  g_assert_cmpfloat (max_points, ==, AK_N_QUESTION_TYPES);
  g_assert_cmpfloat (points, ==, AK_N_QUESTION_TYPES - 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/grading/single-choice", test_single_choice);
  g_test_add_func ("/grading/multiple-choice", test_multiple_choice);
  g_test_add_func ("/grading/multiple-choice/no-wrong-choices", test_multiple_choice_no_wrong);
  g_test_add_func ("/grading/true-false", test_true_false);
  g_test_add_func ("/grading/gap-text", test_gap_text);
  g_test_add_func ("/grading/ordering", test_ordering);
  g_test_add_func ("/grading/matching", test_matching);
  g_test_add_func ("/grading/short-answer", test_short_answer);
  g_test_add_func ("/grading/numeric", test_numeric);
  g_test_add_func ("/grading/wrong-type", test_wrong_type);
  g_test_add_func ("/grading/feedback", test_feedback);
  g_test_add_func ("/grading/quiz/total", test_quiz_total);
  g_test_add_func ("/grading/quiz/pass-mark", test_quiz_pass_mark);
  g_test_add_func ("/grading/quiz/pass-mark-rounding", test_quiz_pass_mark_rounding);
  g_test_add_func ("/grading/quiz/graded", test_quiz_graded);

  return g_test_run ();
}
