/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ak-progress-export.h"
#include "ak-progress-store-private.h"
#include "progress-fixtures.h"

static void
test_course_progress (void)
{
  g_autofree char *path = data_path ("summary.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 2, 2, 2);
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  const double fail[] = { 1.0, 0.0 };
  const double pass[] = { 1.0, 1.0 };
  const double half[] = { 0.0, 1.0 };
  AkQuizProgress *quiz;
  gint64 id;

  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (progress->course_id, ==, "kurs");
  g_assert_cmpuint (progress->n_lessons, ==, 2);
  g_assert_cmpuint (progress->n_lessons_completed, ==, 0);
  g_assert_cmpuint (progress->n_quizzes, ==, 2);
  g_assert_cmpuint (progress->n_quizzes_passed, ==, 0);
  g_assert_cmpfloat (progress->seconds, ==, 0);
  g_assert_cmpuint (progress->lessons->len, ==, 2);
  g_assert_cmpuint (progress->quizzes->len, ==, 2);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_READ_LESSON);
  g_assert_cmpstr (progress->next.lesson_id, ==, "lesson-1");
  g_assert_null (progress->next.section_id);
  g_clear_pointer (&progress, ak_course_progress_free);

  /* "Continue" returns to the section the learner last read. */
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", "section-1-2", &error);
  g_assert_no_error (error);
  ak_progress_store_add_lesson_seconds (store, "kurs", "lesson-1", 90, &error);
  g_assert_no_error (error);
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_READ_LESSON);
  g_assert_cmpstr (progress->next.lesson_id, ==, "lesson-1");
  g_assert_cmpstr (progress->next.section_id, ==, "section-1-2");
  g_assert_cmpfloat (progress->seconds, ==, 90);
  g_clear_pointer (&progress, ak_course_progress_free);

  ak_progress_store_mark_lesson_completed (store, "kurs", "lesson-1", &error);
  g_assert_no_error (error);
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->n_lessons_completed, ==, 1);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_READ_LESSON);
  g_assert_cmpstr (progress->next.lesson_id, ==, "lesson-2");
  g_clear_pointer (&progress, ak_course_progress_free);

  ak_progress_store_mark_lesson_completed (store, "kurs", "lesson-2", &error);
  g_assert_no_error (error);
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->n_lessons_completed, ==, 2);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_TAKE_QUIZ);
  g_assert_cmpstr (progress->next.quiz_id, ==, "quiz-1");
  g_clear_pointer (&progress, ak_course_progress_free);

  /* An attempt in progress comes first. */
  id = ak_progress_store_start_attempt (store, "kurs", "quiz-2", "1.0", quiz_at (course, 1)->hash,
                                        NULL, &error);
  g_assert_no_error (error);
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_RESUME_QUIZ);
  g_assert_cmpstr (progress->next.quiz_id, ==, "quiz-2");
  g_assert_cmpint (progress->next.attempt_id, ==, id);
  quiz = g_ptr_array_index (progress->quizzes, 1);
  g_assert_cmpint (quiz->open_attempt, ==, id);
  g_clear_pointer (&progress, ak_course_progress_free);
  ak_progress_store_abandon_attempt (store, id, &error);
  g_assert_no_error (error);

  take_quiz (store, course, quiz_at (course, 0), fail, TRUE);
  take_quiz (store, course, quiz_at (course, 0), pass, TRUE);
  take_quiz (store, course, quiz_at (course, 0), half, TRUE);
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  quiz = g_ptr_array_index (progress->quizzes, 0);
  g_assert_cmpstr (quiz->quiz_id, ==, "quiz-1");
  g_assert_cmpuint (quiz->n_attempts, ==, 3);
  g_assert_cmpfloat (quiz->best_score, ==, 1.0);
  g_assert_cmpfloat (quiz->last_score, ==, 0.5);
  g_assert_true (quiz->passed);
  g_assert_cmpint (quiz->open_attempt, ==, 0);
  quiz = g_ptr_array_index (progress->quizzes, 1);
  g_assert_cmpuint (quiz->n_attempts, ==, 0);
  g_assert_false (quiz->passed);
  g_assert_cmpuint (progress->n_quizzes_passed, ==, 1);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_TAKE_QUIZ);
  g_assert_cmpstr (progress->next.quiz_id, ==, "quiz-2");
  /* 90 s reading, 6 answers of 10 s */
  g_assert_cmpfloat (progress->seconds, ==, 150);
  g_clear_pointer (&progress, ak_course_progress_free);

  take_quiz (store, course, quiz_at (course, 1), pass, TRUE);
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->n_quizzes_passed, ==, 2);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_DONE);
}

/* The documented rule, computed from scratch: the newest answer weighs 1,
 * each older one half as much as the next. @scores are oldest first. */
static double
expected_mastery (const double *scores,
                  guint         n)
{
  double sum = 0;
  double weights = 0;
  double weight = 1;

  for (guint i = n; i > 0; i--)
    {
      sum += scores[i - 1] * weight;
      weights += weight;
      weight /= 2;
    }
  return sum / weights;
}

static void
test_mastery (void)
{
  g_autofree char *path = data_path ("mastery.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) a = progress_test_course_new ("a", 3, 0, 0);
  g_autoptr(AkCourse) b = progress_test_course_new ("b", 0, 0, 0);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GPtrArray) theses = NULL;
  g_autoptr(GError) error = NULL;
  const char *tests_1[] = { "thesis-1", NULL };
  const char *tests_2[] = { "thesis-2", NULL };
  const char *tests_a2[] = { "a:thesis-2", NULL };
  const double q1_scores[] = { 0.0, 1.0, 0.0 };
  const double q3_scores[] = { 0.5 };
  const double qb_scores[] = { 1.0 };
  AkQuiz *quiz_a = progress_test_quiz_new ("quiz-1", "Quiz");
  AkQuiz *quiz_b = progress_test_quiz_new ("quiz-1", "Quiz B");
  AkThesisMastery *thesis;
  double average;
  gint64 id;

  /* a: q1 and q2 test thesis-1, q3 tests thesis-2, nothing tests thesis-3;
   * b: its question tests a's thesis-2. */
  g_ptr_array_add (quiz_a->questions, progress_test_question_new ("q1", "One", tests_1));
  g_ptr_array_add (quiz_a->questions, progress_test_question_new ("q2", "Two", tests_1));
  g_ptr_array_add (quiz_a->questions, progress_test_question_new ("q3", "Three", tests_2));
  ak_quiz_update_hash (quiz_a);
  g_ptr_array_add (a->quizzes, quiz_a);
  g_ptr_array_add (quiz_b->questions, progress_test_question_new ("qb", "B", tests_a2));
  ak_quiz_update_hash (quiz_b);
  g_ptr_array_add (b->quizzes, quiz_b);
  g_list_store_append (courses, a);
  g_list_store_append (courses, b);

  theses = ak_progress_store_get_mastery (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theses->len, ==, 3);
  g_assert_false (ak_thesis_mastery_average (theses, &average));
  g_clear_pointer (&theses, g_ptr_array_unref);

  /* q1: wrong, right, wrong; q2: right; q3: half right. */
  for (guint i = 0; i < G_N_ELEMENTS (q1_scores); i++)
    {
      id = ak_progress_store_start_attempt (store, "a", "quiz-1", "1.0", quiz_a->hash, NULL,
                                            &error);
      g_assert_no_error (error);
      record (store, id, question_at (quiz_a, 0), q1_scores[i], 1);
      if (i == 0)
        {
          record (store, id, question_at (quiz_a, 1), 1.0, 2);
          record (store, id, question_at (quiz_a, 2), q3_scores[0], 3);
        }
    }
  id = ak_progress_store_start_attempt (store, "b", "quiz-1", "1.0", quiz_b->hash, NULL, &error);
  g_assert_no_error (error);
  record (store, id, question_at (quiz_b, 0), qb_scores[0], 1);

  theses = ak_progress_store_get_mastery (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theses->len, ==, 3);
  thesis = g_ptr_array_index (theses, 0);
  g_assert_cmpstr (thesis->course_id, ==, "a");
  g_assert_cmpstr (thesis->thesis_id, ==, "thesis-1");
  g_assert_cmpuint (thesis->n_questions, ==, 2);
  g_assert_cmpuint (thesis->n_answered, ==, 2);
  g_assert_cmpuint (thesis->n_answers, ==, 4);
  g_assert_cmpfloat_with_epsilon (thesis->mastery,
                                  (expected_mastery (q1_scores, 3) + 1.0) / 2, 1e-9);
  thesis = g_ptr_array_index (theses, 1);
  g_assert_cmpstr (thesis->thesis_id, ==, "thesis-2");
  g_assert_cmpuint (thesis->n_questions, ==, 1);
  g_assert_cmpfloat_with_epsilon (thesis->mastery, 0.5, 1e-9);
  thesis = g_ptr_array_index (theses, 2);
  g_assert_cmpstr (thesis->thesis_id, ==, "thesis-3");
  g_assert_cmpuint (thesis->n_questions, ==, 0);
  g_assert_cmpuint (thesis->n_answered, ==, 0);
  g_assert_true (ak_thesis_mastery_average (theses, &average));
  g_assert_cmpfloat_with_epsilon (average, ((expected_mastery (q1_scores, 3) + 1.0) / 2 + 0.5) / 2,
                                  1e-9);
  g_clear_pointer (&theses, g_ptr_array_unref);

  /* Course b alone shows a's thesis through its own question only. */
  theses = ak_progress_store_get_mastery (store, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theses->len, ==, 1);
  thesis = find_thesis (theses, "a", "thesis-2");
  g_assert_cmpuint (thesis->n_questions, ==, 1);
  g_assert_cmpfloat_with_epsilon (thesis->mastery, 1.0, 1e-9);
  g_clear_pointer (&theses, g_ptr_array_unref);

  /* Overall, a's thesis-2 is judged by the questions of both courses. */
  theses = ak_progress_store_get_overall_mastery (store, G_LIST_MODEL (courses), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theses->len, ==, 3);
  thesis = find_thesis (theses, "a", "thesis-2");
  g_assert_cmpuint (thesis->n_questions, ==, 2);
  g_assert_cmpuint (thesis->n_answered, ==, 2);
  g_assert_cmpuint (thesis->n_answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (thesis->mastery,
                                  (expected_mastery (q3_scores, 1)
                                   + expected_mastery (qb_scores, 1)) / 2, 1e-9);
  thesis = find_thesis (theses, "a", "thesis-1");
  g_assert_cmpfloat_with_epsilon (thesis->mastery,
                                  (expected_mastery (q1_scores, 3) + 1.0) / 2, 1e-9);
}

static void
test_activity (void)
{
  g_autofree char *path = data_path ("activity.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) a = progress_test_course_new ("a", 1, 1, 2);
  g_autoptr(AkCourse) b = progress_test_course_new ("b", 1, 1, 2);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GDate *first = g_date_new_dmy (9, G_DATE_MARCH, 2024);
  GDate *last = g_date_new_dmy (12, G_DATE_MARCH, 2024);
  AkActivityDay *day;
  gint64 id;

  /* 10 March: 2 minutes reading, two answers in a (right, half right);
   * 11 March, just before midnight: one wrong answer in b;
   * 12 March, just after midnight: one right answer in b. */
  ak_progress_store_set_now (store, local_time (10, 9, 0));
  ak_progress_store_add_lesson_seconds (store, "a", "lesson-1", 120, &error);
  g_assert_no_error (error);
  id = ak_progress_store_start_attempt (store, "a", "quiz-1", "1.0", quiz_at (a, 0)->hash, NULL,
                                        &error);
  g_assert_no_error (error);
  record (store, id, question_at (quiz_at (a, 0), 0), 1.0, 1);
  record (store, id, question_at (quiz_at (a, 0), 1), 0.5, 2);
  ak_progress_store_set_now (store, local_time (11, 23, 59));
  id = ak_progress_store_start_attempt (store, "b", "quiz-1", "1.0", quiz_at (b, 0)->hash, NULL,
                                        &error);
  g_assert_no_error (error);
  record (store, id, question_at (quiz_at (b, 0), 0), 0.0, 1);
  ak_progress_store_set_now (store, local_time (12, 0, 1));
  record (store, id, question_at (quiz_at (b, 0), 1), 1.0, 2);

  days = ak_progress_store_get_activity (store, NULL, first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 4);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpint (g_date_compare (&day->date, first), ==, 0);
  g_assert_cmpuint (day->n_answers, ==, 0);
  g_assert_cmpfloat (day->minutes, ==, 0);
  day = g_ptr_array_index (days, 1);
  g_assert_cmpuint (g_date_get_day (&day->date), ==, 10);
  g_assert_cmpuint (day->n_answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (day->correct_share, 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (day->minutes, (120 + 2 * 10) / 60.0, 1e-9);
  day = g_ptr_array_index (days, 2);
  g_assert_cmpuint (g_date_get_day (&day->date), ==, 11);
  g_assert_cmpuint (day->n_answers, ==, 1);
  g_assert_cmpfloat (day->correct_share, ==, 0.0);
  day = g_ptr_array_index (days, 3);
  g_assert_cmpint (g_date_compare (&day->date, last), ==, 0);
  g_assert_cmpuint (day->n_answers, ==, 1);
  g_assert_cmpfloat (day->correct_share, ==, 1.0);
  g_clear_pointer (&days, g_ptr_array_unref);

  days = ak_progress_store_get_activity (store, "a", first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpuint (((AkActivityDay *)g_ptr_array_index (days, 1))->n_answers, ==, 2);
  g_assert_cmpuint (((AkActivityDay *)g_ptr_array_index (days, 2))->n_answers, ==, 0);
  g_clear_pointer (&days, g_ptr_array_unref);

  days = ak_progress_store_get_activity (store, NULL, last, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);

  g_date_free (first);
  g_date_free (last);
}

static void
test_quiz_history (void)
{
  g_autofree char *path = data_path ("history.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 2);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const double scores[][2] = { { 0.0, 0.5 }, { 1.0, 0.0 }, { 1.0, 1.0 } };
  AkQuiz *quiz = quiz_at (course, 0);
  gint64 ids[3];
  gint64 abandoned;

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      ak_progress_store_set_now (store, local_time (10 + i, 12, 0));
      ids[i] = take_quiz (store, course, quiz, scores[i], TRUE);
    }
  abandoned = take_quiz (store, course, quiz, scores[0], FALSE);
  ak_progress_store_abandon_attempt (store, abandoned, &error);
  g_assert_no_error (error);
  take_quiz (store, course, quiz, scores[0], FALSE);

  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      AkProgressAttempt *attempt = g_ptr_array_index (history, i);

      g_assert_cmpint (attempt->id, ==, ids[i]);
      g_assert_cmpint (attempt->state, ==, AK_ATTEMPT_FINISHED);
      g_assert_cmpint (attempt->finished, ==, local_time (10 + i, 12, 0));
      g_assert_cmpfloat (attempt->score, ==, scores[i][0] + scores[i][1]);
      g_assert_cmpfloat (attempt->max_score, ==, 2);
      g_assert_cmpint (attempt->passed, ==, scores[i][0] + scores[i][1] >= 1.0);
      g_assert_cmpstr (attempt->quiz_hash, ==, quiz->hash);
    }
  g_clear_pointer (&history, g_ptr_array_unref);

  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
}

static void
test_mistakes (void)
{
  g_autofree char *path = data_path ("mistakes.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 3);
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(GError) error = NULL;
  const double first[] = { 0.0, 1.0, 0.5 };
  const double second[] = { 1.0, 0.0, 1.0 };
  AkQuiz *quiz = quiz_at (course, 0);
  AkProgressAnswer *answer;

  mistakes = ak_progress_store_get_last_mistakes (store, course, "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mistakes->len, ==, 0);
  g_clear_pointer (&mistakes, g_ptr_array_unref);

  take_quiz (store, course, quiz, first, TRUE);
  /* An attempt still in progress is not the last one to repeat. */
  take_quiz (store, course, quiz, second, FALSE);
  mistakes = ak_progress_store_get_last_mistakes (store, course, "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mistakes->len, ==, 2);
  answer = g_ptr_array_index (mistakes, 0);
  g_assert_cmpstr (answer->question_id, ==, "q1-1");
  g_assert_cmpfloat (answer->score, ==, 0.0);
  g_assert_cmpint (answer->version, ==, AK_QUESTION_VERSION_CURRENT);
  answer = g_ptr_array_index (mistakes, 1);
  g_assert_cmpstr (answer->question_id, ==, "q1-3");
  g_assert_cmpfloat (answer->score, ==, 0.5);
  g_clear_pointer (&mistakes, g_ptr_array_unref);

  take_quiz (store, course, quiz, second, TRUE);
  mistakes = ak_progress_store_get_last_mistakes (store, course, "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mistakes->len, ==, 1);
  g_assert_cmpstr (((AkProgressAnswer *)g_ptr_array_index (mistakes, 0))->question_id, ==, "q1-2");
}

static void
test_course_edit (void)
{
  g_autofree char *path = data_path ("edit.db");
  g_autofree char *csv = data_path ("edit.csv");
  g_autofree char *old_quiz_hash = NULL;
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 2, 1, 3);
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GPtrArray) theses = NULL;
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  const char *tests_2[] = { "thesis-2", NULL };
  const double scores[] = { 1.0, 0.0, 0.0 };
  AkQuiz *quiz = quiz_at (course, 0);
  AkQuizProgress *quiz_progress;
  AkThesisMastery *thesis;
  gint64 open_id;

  /* q1-1 tests thesis-1, q1-2 thesis-2, q1-3 thesis-1. */
  take_quiz (store, course, quiz, scores, TRUE);
  old_quiz_hash = g_strdup (quiz->hash);
  open_id = take_quiz (store, course, quiz, scores, FALSE);
  ak_progress_store_abandon_attempt (store, open_id, &error);
  g_assert_no_error (error);
  open_id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, NULL,
                                             &error);
  g_assert_no_error (error);

  /* The trainer changes q1-2, removes q1-3 and adds q1-4. */
  g_free (course->version);
  course->version = g_strdup ("1.1");
  progress_test_question_set_prompt (question_at (quiz, 1), "Question 2, reworded");
  g_ptr_array_remove_index (quiz->questions, 2);
  g_ptr_array_add (quiz->questions, progress_test_question_new ("q1-4", "New", tests_2));
  ak_quiz_update_hash (quiz);
  g_list_store_append (courses, course);

  /* The attempt left open shows it started on the old quiz. */
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->id, ==, open_id);
  g_assert_cmpstr (attempt->quiz_hash, ==, old_quiz_hash);
  g_assert_cmpstr (attempt->quiz_hash, !=, quiz->hash);
  g_clear_pointer (&attempt, ak_progress_attempt_free);

  /* History stays: the earlier attempt still counts. */
  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  quiz_progress = g_ptr_array_index (progress->quizzes, 0);
  g_assert_cmpuint (quiz_progress->n_attempts, ==, 1);
  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((AkProgressAttempt *)g_ptr_array_index (history, 0))->course_version,
                   ==, "1.0");

  /* Mistakes name what became of each question. */
  mistakes = ak_progress_store_get_last_mistakes (store, course, "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mistakes->len, ==, 2);
  g_assert_cmpstr (((AkProgressAnswer *)g_ptr_array_index (mistakes, 0))->question_id, ==, "q1-2");
  g_assert_cmpint (((AkProgressAnswer *)g_ptr_array_index (mistakes, 0))->version,
                   ==, AK_QUESTION_VERSION_CHANGED);
  g_assert_cmpstr (((AkProgressAnswer *)g_ptr_array_index (mistakes, 1))->question_id, ==, "q1-3");
  g_assert_cmpint (((AkProgressAnswer *)g_ptr_array_index (mistakes, 1))->version,
                   ==, AK_QUESTION_VERSION_REMOVED);

  /* Mastery counts the unchanged question only; the old q1-2 answers
   * belong to its old version. */
  theses = ak_progress_store_get_mastery (store, course, &error);
  g_assert_no_error (error);
  thesis = find_thesis (theses, "kurs", "thesis-1");
  g_assert_cmpuint (thesis->n_questions, ==, 1);
  g_assert_cmpuint (thesis->n_answered, ==, 1);
  g_assert_cmpfloat (thesis->mastery, ==, 1.0);
  thesis = find_thesis (theses, "kurs", "thesis-2");
  g_assert_cmpuint (thesis->n_questions, ==, 2);
  g_assert_cmpuint (thesis->n_answered, ==, 0);
  g_clear_pointer (&theses, g_ptr_array_unref);

  /* Answering the new version counts from scratch. */
  ak_progress_store_record_answer (store, open_id, "q1-2", question_at (quiz, 1)->hash, "{}",
                                   1.0, 5, 1, &error);
  g_assert_no_error (error);
  theses = ak_progress_store_get_mastery (store, course, &error);
  g_assert_no_error (error);
  thesis = find_thesis (theses, "kurs", "thesis-2");
  g_assert_cmpuint (thesis->n_answered, ==, 1);
  g_assert_cmpuint (thesis->n_answers, ==, 1);
  g_assert_cmpfloat (thesis->mastery, ==, 1.0);

  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + 3 + 3 + 1);
  g_assert_cmpstr (field (rows, 1, "question_version"), ==, "current");
  g_assert_cmpstr (field (rows, 2, "question_version"), ==, "changed");
  g_assert_cmpstr (field (rows, 2, "question_title"), ==, "Question 2, reworded");
  g_assert_cmpstr (field (rows, 3, "question_version"), ==, "removed");
  g_assert_cmpstr (field (rows, 3, "question_title"), ==, "q1-3");
  g_assert_cmpstr (field (rows, 7, "question_version"), ==, "current");
}

static AkRetentionWeek *
week_at (GPtrArray *weeks,
         guint      index)
{
  g_assert_cmpuint (index, <, weeks->len);
  return g_ptr_array_index (weeks, index);
}

static void
test_retention (void)
{
  g_autofree char *path = data_path ("retention.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) a = progress_test_course_new ("a", 1, 1, 2);
  g_autoptr(AkCourse) b = progress_test_course_new ("b", 1, 1, 2);
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  /* Wednesday 6 March to Tuesday 12 March 2024: two weeks. */
  g_autoptr(GDate) first = g_date_new_dmy (6, G_DATE_MARCH, 2024);
  g_autoptr(GDate) last = g_date_new_dmy (12, G_DATE_MARCH, 2024);
  const double right[] = { 1.0, 1.0 };
  const double mixed[] = { 0.5, 0.0 };
  AkQuiz *quiz_a = quiz_at (a, 0);

  /* 1 March: first answers, no reviews. The same day again: still none. */
  ak_progress_store_set_now (store, local_time (1, 9, 0));
  take_quiz (store, a, quiz_a, right, TRUE);
  take_quiz (store, a, quiz_a, mixed, TRUE);
  /* 5 March (week of 4 March): two reviews, one half right, one wrong. */
  ak_progress_store_set_now (store, local_time (5, 9, 0));
  take_quiz (store, a, quiz_a, mixed, TRUE);
  /* 6 March: b is met for the first time; a reviewed once more, right. */
  ak_progress_store_set_now (store, local_time (6, 9, 0));
  take_quiz (store, b, quiz_at (b, 0), right, TRUE);
  ak_progress_store_record_practice_answer (store, "a", quiz_a->id,
                                            question_at (quiz_a, 1)->id,
                                            question_at (quiz_a, 1)->hash, "{}", 1.0, 5,
                                            &error);
  g_assert_no_error (error);
  /* 11 March, Monday of the next week: b reviewed, one right, one wrong. */
  ak_progress_store_set_now (store, local_time (11, 9, 0));
  take_quiz (store, b, quiz_at (b, 0), (const double[]) { 1.0, 0.0 }, TRUE);

  weeks = ak_progress_store_get_retention (store, NULL, first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpuint (g_date_get_day (&week_at (weeks, 0)->first_day), ==, 4);
  g_assert_cmpuint (g_date_get_weekday (&week_at (weeks, 0)->first_day), ==, G_DATE_MONDAY);
  g_assert_cmpuint (week_at (weeks, 0)->n_reviews, ==, 3);
  g_assert_cmpuint (week_at (weeks, 0)->n_remembered, ==, 2);
  g_assert_cmpuint (g_date_get_day (&week_at (weeks, 1)->first_day), ==, 11);
  g_assert_cmpuint (week_at (weeks, 1)->n_reviews, ==, 2);
  g_assert_cmpuint (week_at (weeks, 1)->n_remembered, ==, 1);
  g_clear_pointer (&weeks, g_ptr_array_unref);

  weeks = ak_progress_store_get_retention (store, "b", first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week_at (weeks, 0)->n_reviews, ==, 0);
  g_assert_cmpuint (week_at (weeks, 1)->n_reviews, ==, 2);
  g_clear_pointer (&weeks, g_ptr_array_unref);

  /* One day gives its whole week; nothing after the last week counts. */
  weeks = ak_progress_store_get_retention (store, "a", first, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 1);
  g_assert_cmpuint (week_at (weeks, 0)->n_reviews, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/course-progress", test_course_progress);
  g_test_add_func ("/progress/mastery", test_mastery);
  g_test_add_func ("/progress/activity", test_activity);
  g_test_add_func ("/progress/retention", test_retention);
  g_test_add_func ("/progress/quiz-history", test_quiz_history);
  g_test_add_func ("/progress/mistakes", test_mistakes);
  g_test_add_func ("/progress/course-edit", test_course_edit);

  return g_test_run ();
}
