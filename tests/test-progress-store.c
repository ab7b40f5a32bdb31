/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "ak-progress-export.h"
#include "ak-progress-store-private.h"
#include "progress-fixtures.h"

/* 2024-03-10 in local time, so that days are the learner's days. */
static gint64
local_time (int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (2024, 3, day, hour, minute, 0);

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC;
}

static char *
data_path (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "progress", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return g_build_filename (folder, name, NULL);
}

static AkProgressStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AkProgressStore *store = ak_progress_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_null (ak_progress_store_get_recovery_error (store));
  return store;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* The names in @folder, sorted, one per line. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer)name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **)names->pdata);
}

static void
record (AkProgressStore *store,
        gint64           attempt_id,
        AkQuestion      *question,
        double           score,
        guint            next_position)
{
  g_autoptr(GError) error = NULL;

  ak_progress_store_record_answer (store, attempt_id, question->id, question->hash,
                                   "{\"choice\":\"a\"}", score, 10, next_position, &error);
  g_assert_no_error (error);
}

/* Answers every question of @quiz with @scores and, if @finish, finishes
 * the attempt the way the quiz page would. */
static gint64
take_quiz (AkProgressStore *store,
           AkCourse        *course,
           AkQuiz          *quiz,
           const double    *scores,
           gboolean         finish)
{
  g_autoptr(GError) error = NULL;
  double score = 0;
  double max_score = 0;
  gint64 id;

  id = ak_progress_store_start_attempt (store, ak_course_get_id (course), quiz->id,
                                        ak_course_get_version (course), quiz->hash, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);

      record (store, id, question, scores[i], i + 1);
      score += scores[i] * question->points;
      max_score += question->points;
    }
  if (finish)
    {
      ak_progress_store_finish_attempt (store, id, score, max_score,
                                        score * 100 >= quiz->pass_mark * max_score, &error);
      g_assert_no_error (error);
    }
  return id;
}

static AkQuiz *
quiz_at (AkCourse *course,
         guint     index)
{
  return g_ptr_array_index (ak_course_get_quizzes (course), index);
}

static AkQuestion *
question_at (AkQuiz *quiz,
             guint   index)
{
  return g_ptr_array_index (quiz->questions, index);
}

static void
test_open_default (void)
{
  g_autoptr(AkProgressStore) store = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "akademie",
                                                "progress.db", NULL);
  g_autofree char *folder = g_path_get_dirname (expected);
  g_autofree char *files = NULL;
  g_autofree char *journal_mode = NULL;

  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
  store = open_store (NULL);
  g_assert_cmpstr (ak_progress_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_null (ak_progress_store_get_damaged_path (store));
  g_clear_object (&store);

  /* Closed cleanly: the database alone, no temporary or WAL files. */
  files = list_folder (folder);
  g_assert_cmpstr (files, ==, "progress.db");
  journal_mode = progress_test_query_text (expected, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (progress_test_query_int (expected, "PRAGMA user_version"),
                   ==, AK_PROGRESS_SCHEMA_VERSION);

  /* Opening again finds the same learner. */
  store = open_store (NULL);
  g_assert_cmpint (progress_test_query_int (expected, "SELECT count(*) FROM learner"), ==, 1);
}

static void
test_learner (void)
{
  g_autofree char *path = data_path ("learner.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *user_name = NULL;

  g_assert_nonnull (ak_progress_store_get_display_name (store));
  g_assert_cmpstr (ak_progress_store_get_display_name (store), !=, "");
  user_name = progress_test_query_text (path, "SELECT user_name FROM learner");
  g_assert_cmpstr (user_name, ==, g_get_user_name ());

  ak_progress_store_set_display_name (store, "Erika Müller-Lüdenscheidt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ak_progress_store_get_display_name (store), ==, "Erika Müller-Lüdenscheidt");

  g_clear_object (&store);
  store = open_store (path);
  g_assert_cmpstr (ak_progress_store_get_display_name (store), ==, "Erika Müller-Lüdenscheidt");
}

static void
test_lessons (void)
{
  g_autofree char *path = data_path ("lessons.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkLessonProgress) lesson = NULL;
  g_autoptr(GError) error = NULL;

  lesson = ak_progress_store_get_lesson (store, "kurs", "lesson-1", &error);
  g_assert_no_error (error);
  g_assert_null (lesson);

  ak_progress_store_set_now (store, local_time (10, 9, 0));
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
  lesson = ak_progress_store_get_lesson (store, "kurs", "lesson-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lesson->lesson_id, ==, "lesson-1");
  g_assert_cmpint (lesson->first_opened, ==, local_time (10, 9, 0));
  g_assert_cmpint (lesson->last_opened, ==, local_time (10, 9, 0));
  g_assert_cmpint (lesson->completed, ==, 0);
  g_assert_null (lesson->section_id);
  g_clear_pointer (&lesson, ak_lesson_progress_free);

  ak_progress_store_set_now (store, local_time (10, 9, 5));
  ak_progress_store_mark_section_read (store, "kurs", "lesson-1", "section-1-2", &error);
  g_assert_no_error (error);
  ak_progress_store_add_lesson_seconds (store, "kurs", "lesson-1", 30, &error);
  g_assert_no_error (error);
  ak_progress_store_add_lesson_seconds (store, "kurs", "lesson-1", 12.5, &error);
  g_assert_no_error (error);

  /* Opening again without a section keeps the place to continue from. */
  ak_progress_store_set_now (store, local_time (11, 8, 0));
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
  ak_progress_store_mark_lesson_completed (store, "kurs", "lesson-1", &error);
  g_assert_no_error (error);
  ak_progress_store_set_now (store, local_time (12, 8, 0));
  ak_progress_store_mark_lesson_completed (store, "kurs", "lesson-1", &error);
  g_assert_no_error (error);

  /* Reading a section of a lesson never opened records it too. */
  ak_progress_store_mark_section_read (store, "kurs", "lesson-2", "section-2-2", &error);
  g_assert_no_error (error);

  g_clear_object (&store);
  store = open_store (path);
  lesson = ak_progress_store_get_lesson (store, "kurs", "lesson-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lesson->first_opened, ==, local_time (10, 9, 0));
  g_assert_cmpint (lesson->last_opened, ==, local_time (11, 8, 0));
  g_assert_cmpint (lesson->completed, ==, local_time (11, 8, 0));
  g_assert_cmpfloat (lesson->seconds, ==, 42.5);
  g_assert_cmpstr (lesson->section_id, ==, "section-1-2");
  g_clear_pointer (&lesson, ak_lesson_progress_free);

  lesson = ak_progress_store_get_lesson (store, "kurs", "lesson-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lesson->section_id, ==, "section-2-2");
  g_assert_cmpint (lesson->completed, ==, 0);

  /* Another course's lesson of the same id is another lesson. */
  g_clear_pointer (&lesson, ak_lesson_progress_free);
  lesson = ak_progress_store_get_lesson (store, "anderer-kurs", "lesson-1", &error);
  g_assert_no_error (error);
  g_assert_null (lesson);
}

static void
test_attempts (void)
{
  g_autofree char *path = data_path ("attempts.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 3);
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  const char *order[] = { "q1-3", "q1-1", "q1-2", NULL };
  const char *response = "{\"text\":\"Ä, \\\"ö\\\"\\n ß\"}";
  AkProgressAnswer *answer;
  gint64 id;
  gint64 second;

  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_null (attempt);

  ak_progress_store_set_now (store, local_time (10, 10, 0));
  id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, order, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->id, ==, id);
  g_assert_cmpint (attempt->state, ==, AK_ATTEMPT_IN_PROGRESS);
  g_assert_cmpstr (attempt->course_version, ==, "1.0");
  g_assert_cmpstr (attempt->quiz_hash, ==, quiz->hash);
  g_assert_cmpint (attempt->started, ==, local_time (10, 10, 0));
  g_assert_cmpint (attempt->position, ==, 0);
  g_assert_cmpstrv (attempt->question_order, order);
  g_assert_cmpuint (attempt->answers->len, ==, 0);
  g_clear_pointer (&attempt, ak_progress_attempt_free);

  ak_progress_store_set_now (store, local_time (10, 10, 1));
  ak_progress_store_record_answer (store, id, "q1-3", question_at (quiz, 2)->hash, response,
                                   1.0, 12.5, 1, &error);
  g_assert_no_error (error);
  ak_progress_store_record_answer (store, id, "q1-1", question_at (quiz, 0)->hash, "{}",
                                   0.0, 3, 2, &error);
  g_assert_no_error (error);

  /* A question is answered once per attempt; the refusal changes nothing. */
  ak_progress_store_record_answer (store, id, "q1-3", question_at (quiz, 2)->hash, "{}",
                                   0.0, 3, 3, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->position, ==, 2);
  g_assert_cmpfloat (attempt->seconds, ==, 15.5);
  g_assert_cmpuint (attempt->answers->len, ==, 2);
  answer = g_ptr_array_index (attempt->answers, 0);
  g_assert_cmpstr (answer->question_id, ==, "q1-3");
  g_assert_cmpstr (answer->question_hash, ==, question_at (quiz, 2)->hash);
  g_assert_cmpstr (answer->response, ==, response);
  g_assert_cmpfloat (answer->score, ==, 1.0);
  g_assert_cmpfloat (answer->seconds, ==, 12.5);
  g_assert_cmpint (answer->answered, ==, local_time (10, 10, 1));
  answer = g_ptr_array_index (attempt->answers, 1);
  g_assert_cmpstr (answer->question_id, ==, "q1-1");
  g_assert_cmpfloat (answer->score, ==, 0.0);
  g_clear_pointer (&attempt, ak_progress_attempt_free);

  ak_progress_store_finish_attempt (store, id, 1, 3, FALSE, &error);
  g_assert_no_error (error);
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_null (attempt);

  /* An attempt that has ended takes no more answers and does not end twice. */
  ak_progress_store_record_answer (store, id, "q1-2", question_at (quiz, 1)->hash, "{}",
                                   1.0, 3, 3, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  ak_progress_store_finish_attempt (store, id, 1, 3, FALSE, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);
  ak_progress_store_abandon_attempt (store, id + 1000, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ak_progress_store_record_answer (store, id + 1000, "q1-2", "x", "{}", 1.0, 3, 3, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Starting again while an attempt is open abandons the open one. */
  id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, NULL, &error);
  g_assert_no_error (error);
  record (store, id, question_at (quiz, 0), 1.0, 1);
  second = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, NULL,
                                            &error);
  g_assert_no_error (error);
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->id, ==, second);
  g_assert_cmpuint (g_strv_length (attempt->question_order), ==, 0);
  g_assert_cmpuint (attempt->answers->len, ==, 0);
  g_clear_pointer (&attempt, ak_progress_attempt_free);
  ak_progress_store_record_answer (store, id, "q1-2", question_at (quiz, 1)->hash, "{}",
                                   1.0, 3, 2, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_INVALID);
  g_clear_error (&error);

  ak_progress_store_abandon_attempt (store, second, &error);
  g_assert_no_error (error);
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_null (attempt);

  /* Only the finished attempt has a score to show. */
  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM attempt"
                                                  " WHERE state = 'abandoned'"), ==, 2);
}

static void
test_resume (void)
{
  g_autofree char *path = data_path ("resume.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 4);
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  const char *order[] = { "q1-4", "q1-2", "q1-1", "q1-3", NULL };
  gint64 id;

  id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, order, &error);
  g_assert_no_error (error);
  record (store, id, ak_quiz_find_question (quiz, "q1-4"), 1.0, 1);
  record (store, id, ak_quiz_find_question (quiz, "q1-2"), 0.0, 2);

  /* The app quits in the middle of the quiz… */
  g_clear_object (&store);
  store = open_store (path);

  /* …and continues at the third question, in the same order. */
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->id, ==, id);
  g_assert_cmpstrv (attempt->question_order, order);
  g_assert_cmpuint (attempt->position, ==, 2);
  g_assert_cmpuint (attempt->answers->len, ==, 2);
  g_assert_cmpstr (((AkProgressAnswer *)g_ptr_array_index (attempt->answers, 1))->question_id,
                   ==, "q1-2");
  for (guint i = attempt->position; i < 4; i++)
    record (store, id, ak_quiz_find_question (quiz, attempt->question_order[i]), 1.0, i + 1);
  ak_progress_store_finish_attempt (store, id, 3, 4, TRUE, &error);
  g_assert_no_error (error);

  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (((AkProgressAttempt *)g_ptr_array_index (history, 0))->id, ==, id);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"), ==, 4);
  progress_test_assert_consistent (path);
}

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

static AkThesisMastery *
find_thesis (GPtrArray  *theses,
             const char *course_id,
             const char *thesis_id)
{
  for (guint i = 0; i < theses->len; i++)
    {
      AkThesisMastery *thesis = g_ptr_array_index (theses, i);

      if (g_str_equal (thesis->course_id, course_id) && g_str_equal (thesis->thesis_id, thesis_id))
        return thesis;
    }
  g_assert_not_reached ();
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

/* A parsed CSV file: rows of fields. Every line must end in CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean row_started = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      row_started = TRUE;
      if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == ',')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          row_started = FALSE;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  g_assert_false (row_started);
  return rows;
}

static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return parse_csv (g_bytes_get_data (bytes, NULL));
}

static const char *
field (GPtrArray  *rows,
       guint       row,
       const char *column)
{
  char **header = g_ptr_array_index (rows, 0);
  char **fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], column))
      return fields[i];
  g_assert_not_reached ();
}

static void
test_export_csv (void)
{
  g_autofree char *path = data_path ("export.db");
  g_autofree char *csv = data_path ("export.csv");
  g_autofree char *folder = g_path_get_dirname (csv);
  g_autofree char *missing = data_path ("no-such-folder/export.csv");
  g_autofree char *files = NULL;
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) a = progress_test_course_new ("a", 1, 1, 2);
  g_autoptr(AkCourse) b = progress_test_course_new ("b", 1, 1, 1);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *tricky = "{\"text\":\"Grüße, \\\"Welt\\\"\nzweite Zeile\"}";
  const double scores[] = { 1.0, 0.25 };
  AkQuiz *quiz_a = quiz_at (a, 0);
  gint64 id;

  g_free (quiz_a->title);
  quiz_a->title = g_strdup ("Quiz \"Eins\", schwer");
  g_list_store_append (courses, a);
  ak_progress_store_set_display_name (store, "Erika Mustermann", &error);
  g_assert_no_error (error);

  ak_progress_store_set_now (store, local_time (10, 12, 0));
  take_quiz (store, a, quiz_a, scores, TRUE);
  id = ak_progress_store_start_attempt (store, "b", "quiz-1", "1.0", quiz_at (b, 0)->hash, NULL,
                                        &error);
  g_assert_no_error (error);
  ak_progress_store_record_answer (store, id, "q1-1", question_at (quiz_at (b, 0), 0)->hash,
                                   tricky, 2.0 / 3.0, 1234567.25, 1, &error);
  g_assert_no_error (error);
  ak_progress_store_start_attempt (store, "a", "quiz-1", "1.0", quiz_a->hash, NULL, &error);
  g_assert_no_error (error);

  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  /* header, two answers, one answer, one attempt without answers */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 0))[0], ==, "learner");

  g_assert_cmpstr (field (rows, 1, "learner"), ==, "Erika Mustermann");
  g_assert_cmpstr (field (rows, 1, "course_title"), ==, "Kurs a");
  g_assert_cmpstr (field (rows, 1, "quiz_title"), ==, "Quiz \"Eins\", schwer");
  g_assert_cmpstr (field (rows, 1, "attempt_state"), ==, "finished");
  g_assert_cmpstr (field (rows, 1, "attempt_score"), ==, "1.25");
  g_assert_cmpstr (field (rows, 1, "attempt_max_score"), ==, "2");
  g_assert_cmpstr (field (rows, 1, "attempt_passed"), ==, "true");
  g_assert_cmpstr (field (rows, 1, "question_id"), ==, "q1-1");
  g_assert_cmpstr (field (rows, 1, "question_title"), ==, "Question 1 of quiz 1");
  g_assert_cmpstr (field (rows, 1, "question_version"), ==, "current");
  g_assert_cmpstr (field (rows, 1, "question_hash"), ==, question_at (quiz_a, 0)->hash);
  g_assert_cmpstr (field (rows, 1, "answer_score"), ==, "1");
  g_assert_cmpstr (field (rows, 1, "answer_seconds"), ==, "10");
  g_assert_true (g_str_has_prefix (field (rows, 1, "answered"), "2024-03-10T12:00:00"));
  g_assert_cmpstr (field (rows, 2, "question_id"), ==, "q1-2");
  g_assert_cmpstr (field (rows, 2, "answer_score"), ==, "0.25");

  /* Course b is not known: its ids stand in for the titles. */
  g_assert_cmpstr (field (rows, 3, "course_title"), ==, "b");
  g_assert_cmpstr (field (rows, 3, "quiz_title"), ==, "quiz-1");
  g_assert_cmpstr (field (rows, 3, "question_title"), ==, "q1-1");
  g_assert_cmpstr (field (rows, 3, "question_version"), ==, "unknown");
  g_assert_cmpstr (field (rows, 3, "response"), ==, tricky);
  /* Numbers in full, without an exponent, as a spreadsheet reads them. */
  g_assert_cmpstr (field (rows, 3, "answer_score"), ==, "0.6666666666666666");
  g_assert_cmpstr (field (rows, 3, "answer_seconds"), ==, "1234567.25");
  g_assert_cmpstr (field (rows, 3, "attempt_state"), ==, "in-progress");
  g_assert_cmpstr (field (rows, 3, "attempt_score"), ==, "");
  g_assert_cmpstr (field (rows, 3, "attempt_finished"), ==, "");

  g_assert_cmpstr (field (rows, 4, "attempt_state"), ==, "in-progress");
  g_assert_cmpstr (field (rows, 4, "question_id"), ==, "");
  g_assert_cmpstr (field (rows, 4, "response"), ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Exporting again replaces the file and leaves nothing else behind. */
  ak_progress_store_export_csv (store, NULL, file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (field (rows, 1, "course_title"), ==, "a");
  files = list_folder (folder);
  g_assert_cmpstr (files, ==, "export.csv\nexport.db\nexport.db-shm\nexport.db-wal");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An empty first field keeps its place. */
  ak_progress_store_set_display_name (store, "", &error);
  g_assert_no_error (error);
  ak_progress_store_export_csv (store, NULL, file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpstr (field (rows, 1, "learner"), ==, "");
  g_assert_cmpstr (field (rows, 1, "course_id"), ==, "a");

  ak_progress_store_export_csv (store, NULL, missing_file, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_pointer (&files, g_free);
  files = list_folder (folder);
  g_assert_cmpstr (files, ==, "export.csv\nexport.db\nexport.db-shm\nexport.db-wal");
}

static char *
stream_text (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  if (g_memory_output_stream_get_data_size (memory) == 0)
    return g_strdup ("");
  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static void
test_export_command (void)
{
  g_autofree char *csv = data_path ("command.csv");
  g_autofree char *missing = data_path ("no-such-folder/command.csv");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AkProgressStore) store = open_store (NULL);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 3);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rows = NULL;
  const double scores[] = { 1.0, 0.0, 1.0 };

  /* Progress at the default place, exported without a store at hand. */
  take_quiz (store, course, quiz_at (course, 0), scores, TRUE);
  g_clear_object (&store);

  g_assert_cmpint (ak_export_progress_command_run (csv, NULL, NULL, out, err), ==, 0);
  text = stream_text (err);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = stream_text (out);
  expected = g_strdup_printf ("Exported 3 answers to “%s”.\n", csv);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 4);

  g_clear_object (&out);
  out = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (ak_export_progress_command_run (missing, NULL, NULL, out, err), ==, 1);
  text = stream_text (out);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = stream_text (err);
  g_assert_nonnull (strstr (text, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&text, g_free);

  g_clear_object (&err);
  err = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (ak_export_progress_command_run ("", NULL, NULL, out, err), ==, 1);
  text = stream_text (err);
  g_assert_nonnull (strstr (text, "--export-progress"));
}

static void
load_v1_fixture (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "progress", "v1.sql",
                                                    NULL);
  g_autofree char *sql = NULL;
  g_autofree char *rename_learner = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  /* The fixture's learner stands for the one running the test. */
  rename_learner = sqlite3_mprintf ("UPDATE learner SET user_name = %Q", g_get_user_name ());
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rename_learner, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  sqlite3_free (g_steal_pointer (&rename_learner));
}

/* The course the fixture's history belongs to, with its placeholder hashes. */
static AkCourse *
fixture_course (void)
{
  AkCourse *course = progress_test_course_new ("kurs", 2, 2, 2);

  for (guint q = 0; q < 2; q++)
    {
      AkQuiz *quiz = quiz_at (course, q);

      for (guint i = 0; i < quiz->questions->len; i++)
        {
          AkQuestion *question = question_at (quiz, i);

          g_free (question->hash);
          question->hash = g_strdup_printf ("hash-%s", question->id);
        }
      g_free (quiz->hash);
      quiz->hash = g_strdup_printf ("hash-%s", quiz->id);
    }
  return course;
}

static void
test_migrate_v1 (void)
{
  g_autofree char *path = data_path ("v1.db");
  g_autofree char *fresh = data_path ("fresh.db");
  g_autofree char *schema_sql = NULL;
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(AkCourse) course = fixture_course ();
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GPtrArray) theses = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first_answer = g_date_time_new_from_unix_local (1709978410);
  g_autoptr(GDateTime) last_answer = g_date_time_new_from_unix_local (1710064910);
  GDate first;
  GDate last;
  AkThesisMastery *thesis;
  guint n_answers = 0;

  load_v1_fixture (path);
  g_assert_cmpint (progress_test_query_int (path, "PRAGMA user_version"), ==, 1);

  store = open_store (path);
  g_assert_cmpint (progress_test_query_int (path, "PRAGMA user_version"),
                   ==, AK_PROGRESS_SCHEMA_VERSION);
  g_assert_cmpstr (ak_progress_store_get_display_name (store), ==, "Erika Mustermann");

  /* The migrated schema is the one a new database gets. */
  g_clear_object (&store);
  g_object_unref (open_store (fresh));
  /* Compared without white space, which SQLite keeps as it was written. */
  schema_sql = g_strdup ("SELECT group_concat (type || name || tbl_name"
                         "                     || replace (replace (sql, char (10), ''), ' ', ''),"
                         "                     ';')"
                         "  FROM (SELECT * FROM sqlite_schema ORDER BY name)");
  migrated_schema = progress_test_query_text (path, schema_sql);
  fresh_schema = progress_test_query_text (fresh, schema_sql);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);
  store = open_store (path);

  progress = ak_progress_store_get_course_progress (store, course, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->n_lessons_completed, ==, 1);
  g_assert_cmpuint (progress->n_quizzes_passed, ==, 1);
  g_assert_cmpfloat (progress->seconds, ==, 300 + 60 + 25 + 15 + 9);
  g_assert_cmpint (progress->next.kind, ==, AK_NEXT_STEP_RESUME_QUIZ);
  g_assert_cmpstr (progress->next.quiz_id, ==, "quiz-2");

  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->id, ==, 3);
  g_assert_cmpuint (attempt->position, ==, 1);
  g_assert_cmpstr (attempt->question_order[attempt->position], ==, "q2-1");
  g_assert_cmpuint (attempt->answers->len, ==, 1);

  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);

  /* The totals added by version 2 were built from the old answers:
   * q1-1 right twice; q1-2 wrong, then right; q2-2 half right. */
  theses = ak_progress_store_get_mastery (store, course, &error);
  g_assert_no_error (error);
  thesis = find_thesis (theses, "kurs", "thesis-1");
  g_assert_cmpuint (thesis->n_questions, ==, 2);
  g_assert_cmpuint (thesis->n_answered, ==, 1);
  g_assert_cmpuint (thesis->n_answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (thesis->mastery, 1.0, 1e-9);
  thesis = find_thesis (theses, "kurs", "thesis-2");
  g_assert_cmpuint (thesis->n_answered, ==, 2);
  g_assert_cmpuint (thesis->n_answers, ==, 3);
  g_assert_cmpfloat_with_epsilon (thesis->mastery, (1.0 / 1.5 + 0.5) / 2, 1e-9);

  g_date_set_dmy (&first, g_date_time_get_day_of_month (first_answer),
                  g_date_time_get_month (first_answer), g_date_time_get_year (first_answer));
  g_date_set_dmy (&last, g_date_time_get_day_of_month (last_answer),
                  g_date_time_get_month (last_answer), g_date_time_get_year (last_answer));
  days = ak_progress_store_get_activity (store, NULL, &first, &last, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    n_answers += ((AkActivityDay *)g_ptr_array_index (days, i))->n_answers;
  g_assert_cmpuint (n_answers, ==, 5);

  g_clear_object (&store);
  progress_test_assert_consistent (path);
}

/* A database as a future Akademie might leave it: format 99. */
static void
make_newer_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE future (x); INSERT INTO future VALUES (42);"
                                 "PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
modification_time (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mtime;
}

static void
set_modification_time (const char *path,
                       gint64      seconds)
{
  struct utimbuf times = { .actime = seconds, .modtime = seconds };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
test_migrate_too_new (void)
{
  for (guint wal = 0; wal < 2; wal++)
    {
      g_autofree char *name = g_strdup_printf ("newer-%u.db", wal);
      g_autofree char *path = data_path (name);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *files_before = NULL;
      g_autofree char *files_after = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(AkProgressStore) store = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, wal ? "PRAGMA journal_mode = WAL"
                                             : "PRAGMA journal_mode = DELETE",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db,
                                     "CREATE TABLE future (x); INSERT INTO future VALUES (42);"
                                     "PRAGMA user_version = 99",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      before = read_bytes (path);
      files_before = list_folder (folder);
      /* Not even a WAL or its index may come and go beside it. */
      set_modification_time (path, 1000000000);
      set_modification_time (folder, 1000000000);

      store = ak_progress_store_open (path, &error);
      g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_TOO_NEW);
      g_assert_null (store);
      g_assert_nonnull (strstr (error->message, path));

      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      files_after = list_folder (folder);
      g_assert_cmpstr (files_after, ==, files_before);
      g_assert_cmpint (modification_time (path), ==, 1000000000);
      g_assert_cmpint (modification_time (folder), ==, 1000000000);
    }
}

static void
test_migrate_atomic (void)
{
  g_autofree char *path = data_path ("v1-conflict.db");
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* A table in the way of version 2 makes the migration fail halfway. */
  load_v1_fixture (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE activity_day (x)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  store = ak_progress_store_open (path, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));

  /* Nothing of version 2 was kept, nothing of version 1 was lost. */
  g_assert_cmpint (progress_test_query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM sqlite_schema"
                                                  " WHERE name IN ('question_stat',"
                                                  "                'attempt_by_quiz')"), ==, 0);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"), ==, 5);
}

typedef enum
{
  DAMAGE_GARBAGE,
  DAMAGE_TRUNCATED,
  DAMAGE_EMPTY,
  DAMAGE_ONE_BYTE,
  DAMAGE_DIRECTORY,
  DAMAGE_FOREIGN
} Damage;

/* A database with some history, closed. */
static void
make_database (const char *path,
               guint       n_attempts)
{
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 10);
  const double scores[10] = { 1, 0, 1, 0.5, 1, 0, 1, 1, 0, 1 };

  for (guint i = 0; i < n_attempts; i++)
    take_quiz (store, course, quiz_at (course, 0), scores, TRUE);
}

static void
test_damage (gconstpointer data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autofree char *path = data_path ("damaged.db");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *moved_wal = NULL;
  g_autofree char *files = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GError) error = NULL;
  const GError *recovery;
  g_autofree char *damaged = NULL;
  char garbage[5000];

  switch (damage)
    {
    case DAMAGE_GARBAGE:
      {
        g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

        for (guint i = 0; i < sizeof garbage; i++)
          garbage[i] = g_test_rand_int_range (0, 256);
        g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
        /* A WAL beside it must go with it, or it would be replayed. */
        g_assert_true (g_file_set_contents (wal_path, garbage, 1000, NULL));
        wal = read_bytes (wal_path);
      }
      break;
    case DAMAGE_TRUNCATED:
      {
        g_autoptr(GBytes) whole = NULL;

        make_database (path, 40);
        whole = read_bytes (path);
        g_assert_cmpuint (g_bytes_get_size (whole), >, 16 * 4096);
        g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole, NULL),
                                            g_bytes_get_size (whole) / 2, NULL));
      }
      break;
    case DAMAGE_EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      break;
    case DAMAGE_ONE_BYTE:
      /* SQLite would take a file shorter than a page for a new database. */
      g_assert_true (g_file_set_contents (path, "x", 1, NULL));
      break;
    case DAMAGE_DIRECTORY:
      {
        g_autofree char *inside = g_build_filename (path, "keep.txt", NULL);

        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
        g_assert_true (g_file_set_contents (inside, "Hallo", -1, NULL));
      }
      break;
    case DAMAGE_FOREIGN:
      {
        sqlite3 *db = NULL;

        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text); INSERT INTO notes"
                                           " VALUES ('someone else''s')",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (damage != DAMAGE_DIRECTORY)
    before = read_bytes (path);

  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* The learner is told where the old file went… */
  recovery = ak_progress_store_get_recovery_error (store);
  g_assert_nonnull (recovery);
  g_assert_error ((GError *)recovery, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED);
  damaged = g_strdup (ak_progress_store_get_damaged_path (store));
  g_assert_nonnull (damaged);
  g_assert_true (g_str_has_prefix (damaged, path));
  g_assert_true (g_str_has_prefix (damaged + strlen (path), ".damaged-"));
  g_assert_nonnull (strstr (recovery->message, damaged));

  /* …where it is, unchanged… */
  if (damage == DAMAGE_DIRECTORY)
    {
      g_autofree char *inside = g_build_filename (damaged, "keep.txt", NULL);

      g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
    }
  else
    {
      after = read_bytes (damaged);
      g_assert_true (g_bytes_equal (before, after));
    }
  if (wal != NULL)
    {
      g_autoptr(GBytes) moved = NULL;

      moved_wal = g_strconcat (damaged, "-wal", NULL);
      moved = read_bytes (moved_wal);
      g_assert_true (g_bytes_equal (wal, moved));
    }

  /* …and can go on learning. */
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Besides the new database there is only what was moved aside. */
  files = list_folder (folder);
  names = g_strsplit (files, "\n", -1);
  g_assert_cmpstr (names[0], ==, "damaged.db");
  for (guint i = 1; names[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (names[i], damaged + strlen (folder) + 1));
  if (moved_wal != NULL)
    g_assert_true (g_strv_contains ((const char *const *)names, moved_wal + strlen (folder) + 1));

  /* A second damage in the same second does not overwrite the first. */
  g_assert_true (g_file_set_contents (path, "nonsense", -1, NULL));
  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ak_progress_store_get_damaged_path (store), !=, damaged);
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ak_progress_store_get_damaged_path (store), G_FILE_TEST_EXISTS));
}

static void
drop_privileges (gpointer data)
{
  /* Root writes anywhere; an ordinary user is what a read-only place stops. */
  if (geteuid () == 0
      && (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
    _exit (99);
}

static void
make_read_only_for_child (const char *path,
                          mode_t      mode)
{
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* The test's own folders are private; the child must be able to reach
 * its working directory (SQLite resolves paths from the root). */
static void
open_path_to (const char *folder)
{
  g_autofree char *parent = g_path_get_dirname (folder);

  while (!g_str_equal (parent, g_get_tmp_dir ()) && !g_str_equal (parent, "/"))
    {
      GStatBuf info;
      char *up;

      g_assert_cmpint (g_stat (parent, &info), ==, 0);
      g_assert_cmpint (g_chmod (parent, (info.st_mode & 07777) | 0111), ==, 0);
      up = g_path_get_dirname (parent);
      g_free (parent);
      parent = up;
    }
}

static void
make_writable_for_child (const char *path)
{
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
}

/* Runs in a child that cannot write its working directory. */
static int
read_only_child (void)
{
  static const char *const cases[][2] = {
    { "existing", "progress.db" },
    { "writable-file", "writable.db" },
    { "damaged", "damaged.db" },
    { "new-file", "missing.db" },
    { "new-folder", "new/progress.db" },
    { "read-only-file", "rw/locked.db" },
    { "too-new", "newer.db" },
  };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("out.csv");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      store = ak_progress_store_open (cases[i][1], &error);
      g_print ("%s %d\n", cases[i][0], store != NULL ? -1 : error->code);
      g_printerr ("%s: %s\n", cases[i][0], error != NULL ? error->message : "opened");
      g_clear_object (&store);
      g_clear_error (&error);
    }

  store = ak_progress_store_open ("rw/progress.db", &error);
  g_assert_no_error (error);
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
  ak_progress_store_export_csv (store, NULL, file, &error);
  g_print ("export %d\n", error != NULL ? error->code : -1);
  g_printerr ("export: %s\n", error != NULL ? error->message : "written");
  g_print ("command %d\n", ak_export_progress_command_run ("out.csv", store, NULL, out, err));
  return 0;
}

static void
test_read_only (void)
{
  g_autofree char *folder = data_path ("read-only");
  g_autofree char *database = g_build_filename (folder, "progress.db", NULL);
  g_autofree char *writable = g_build_filename (folder, "writable.db", NULL);
  g_autofree char *damaged = g_build_filename (folder, "damaged.db", NULL);
  g_autofree char *rw = g_build_filename (folder, "rw", NULL);
  g_autofree char *locked = g_build_filename (rw, "locked.db", NULL);
  g_autofree char *newer = g_build_filename (folder, "newer.db", NULL);
  g_autofree char *parent = NULL;
  g_autofree char *program = NULL;
  g_autofree char *self = NULL;
  g_autofree char *binary = NULL;
  gsize binary_length = 0;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GBytes) database_before = NULL;
  g_autoptr(GBytes) locked_before = NULL;
  g_autoptr(GBytes) newer_before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPid pid;
  int stdout_fd = -1;

  g_assert_cmpint (g_mkdir_with_parents (rw, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  make_database (database, 3);
  database_before = read_bytes (database);
  g_assert_true (g_file_set_contents (writable, g_bytes_get_data (database_before, NULL),
                                      g_bytes_get_size (database_before), NULL));
  g_assert_true (g_file_set_contents (locked, g_bytes_get_data (database_before, NULL),
                                      g_bytes_get_size (database_before), NULL));
  g_assert_true (g_file_set_contents (damaged, "not a database at all", -1, NULL));
  locked_before = read_bytes (locked);
  make_newer_database (newer);
  newer_before = read_bytes (newer);

  make_read_only_for_child (database, 0444);
  make_read_only_for_child (newer, 0444);
  make_read_only_for_child (damaged, 0444);
  make_read_only_for_child (locked, 0444);
  make_writable_for_child (writable);
  make_writable_for_child (rw);
  make_read_only_for_child (folder, 0555);
  files_before = list_folder (folder);
  open_path_to (folder);

  /* "nobody" may not reach the build folder (a checkout in /root, say):
   * the child runs a copy of this program beside its folder. */
  parent = g_path_get_dirname (folder);
  program = g_build_filename (parent, "test-progress-store", NULL);
  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (self, &binary, &binary_length, NULL));
  g_assert_true (g_file_set_contents_full (program, binary, binary_length,
                                           G_FILE_SET_CONTENTS_NONE, 0755, NULL));

  pid = progress_test_spawn_program (program, "read-only", NULL, folder, drop_privileges, NULL,
                                     &stdout_fd);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (stdout_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &output, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (progress_test_wait (pid), ==, 0);
  make_read_only_for_child (folder, 0755);

  /* Every case says "read-only", but for a database from a newer
   * Akademie: making it writable would not help there. */
  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  for (guint i = 0; i < 8; i++)
    {
      const char *code = strchr (lines[i], ' ');
      g_autofree char *expected = g_strdup_printf (" %d", g_str_has_prefix (lines[i], "too-new ")
                                                          ? AK_PROGRESS_ERROR_TOO_NEW
                                                          : AK_PROGRESS_ERROR_READ_ONLY);

      g_assert_nonnull (code);
      g_test_message ("%s", lines[i]);
      g_assert_cmpstr (code, ==, expected);
    }
  g_assert_cmpstr (lines[8], ==, "command 1");

  /* Nothing was written, moved aside, created or left half-written. */
  files_after = list_folder (folder);
  g_assert_cmpstr (files_after, ==, files_before);
  after = read_bytes (database);
  g_assert_true (g_bytes_equal (database_before, after));
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (locked);
  g_assert_true (g_bytes_equal (locked_before, after));
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (newer);
  g_assert_true (g_bytes_equal (newer_before, after));
  g_clear_pointer (&files_after, g_free);
  files_after = list_folder (rw);
  g_assert_cmpstr (files_after, ==, "locked.db\nprogress.db");
}

static void
test_disk_full_page_limit (void)
{
  g_autofree char *path = data_path ("full.db");
  g_autofree char *limit = NULL;
  g_autofree char *big = g_strnfill (3000, 'x');
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = ak_progress_store_get_db (store);
  gint64 id;
  guint n_recorded = 0;

  id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", "hash", NULL, &error);
  g_assert_no_error (error);

  /* No room beyond the pages the file has now. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           progress_test_query_int (path, "PRAGMA page_count"));
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < 1000 && error == NULL; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i);

      if (ak_progress_store_record_answer (store, id, question, "hash", big, 1.0, 1, i + 1,
                                           &error))
        n_recorded++;
    }
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DISK_FULL);
  g_clear_error (&error);

  /* The answer that did not fit left no trace; the earlier ones are there. */
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempt->answers->len, ==, n_recorded);
  g_assert_cmpuint (attempt->position, ==, n_recorded);

  /* With room again, the store goes on. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1000000", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  ak_progress_store_record_answer (store, id, "last", "hash", "{}", 1.0, 1, n_recorded + 1,
                                   &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"),
                   ==, n_recorded + 1);
  progress_test_assert_consistent (path);
}

/* Runs in a child whose files may not grow beyond a limit, as on a full
 * disk: writes fail with EFBIG. */
static int
file_size_limit_child (const char *path)
{
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (2000, 'x');
  struct rlimit limit;
  GStatBuf info;
  gint64 id;
  guint n_recorded = 0;

  signal (SIGXFSZ, SIG_IGN);
  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", "hash", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  limit.rlim_cur = limit.rlim_max = info.st_size + 128 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < 10000 && error == NULL; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i);

      if (ak_progress_store_record_answer (store, id, question, "hash", big, 1.0, 1, i + 1,
                                           &error))
        n_recorded++;
    }
  g_print ("%d %u\n", error != NULL ? error->code : -1, n_recorded);
  g_printerr ("file size limit: %s\n", error != NULL ? error->message : "never reached");
  g_clear_error (&error);

  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_print ("%u\n", attempt->answers->len);
  return 0;
}

static void
test_disk_full_file_size (void)
{
  g_autofree char *path = data_path ("file-size.db");
  g_autofree char *output = NULL;
  g_autofree char *expected_code = g_strdup_printf ("%d", AK_PROGRESS_ERROR_DISK_FULL);
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) result = NULL;
  const char *args[] = { path, NULL };
  gint64 n_recorded;
  GPid pid;
  int stdout_fd = -1;

  g_clear_object (&store);
  pid = progress_test_spawn ("file-size-limit", args, NULL, NULL, NULL, &stdout_fd);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (stdout_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &output, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (progress_test_wait (pid), ==, 0);

  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  result = g_strsplit (lines[0], " ", -1);
  g_assert_cmpstr (result[0], ==, expected_code);
  n_recorded = g_ascii_strtoll (result[1], NULL, 10);
  g_assert_cmpint (n_recorded, >, 0);
  g_assert_cmpint (g_ascii_strtoll (lines[1], NULL, 10), ==, n_recorded);

  /* Every answer reported as saved is there, and nothing else. */
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"), ==, n_recorded);
  progress_test_assert_consistent (path);
  store = open_store (path);
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
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

int
main (int   argc,
      char *argv[])
{
  const char *role = g_getenv (PROGRESS_TEST_ROLE);

  if (g_strcmp0 (role, "read-only") == 0)
    return read_only_child ();
  if (g_strcmp0 (role, "file-size-limit") == 0 && argc == 2)
    return file_size_limit_child (argv[1]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/store/open-default", test_open_default);
  g_test_add_func ("/progress/store/learner", test_learner);
  g_test_add_func ("/progress/store/lessons", test_lessons);
  g_test_add_func ("/progress/store/attempts", test_attempts);
  g_test_add_func ("/progress/store/resume", test_resume);
  g_test_add_func ("/progress/store/course-progress", test_course_progress);
  g_test_add_func ("/progress/store/mastery", test_mastery);
  g_test_add_func ("/progress/store/activity", test_activity);
  g_test_add_func ("/progress/store/quiz-history", test_quiz_history);
  g_test_add_func ("/progress/store/mistakes", test_mistakes);
  g_test_add_func ("/progress/store/course-edit", test_course_edit);
  g_test_add_func ("/progress/store/export/csv", test_export_csv);
  g_test_add_func ("/progress/store/export/command", test_export_command);
  g_test_add_func ("/progress/store/migrate/v1", test_migrate_v1);
  g_test_add_func ("/progress/store/migrate/too-new", test_migrate_too_new);
  g_test_add_func ("/progress/store/migrate/atomic", test_migrate_atomic);
  g_test_add_data_func ("/progress/store/damage/garbage",
                        GINT_TO_POINTER (DAMAGE_GARBAGE), test_damage);
  g_test_add_data_func ("/progress/store/damage/truncated",
                        GINT_TO_POINTER (DAMAGE_TRUNCATED), test_damage);
  g_test_add_data_func ("/progress/store/damage/empty",
                        GINT_TO_POINTER (DAMAGE_EMPTY), test_damage);
  g_test_add_data_func ("/progress/store/damage/one-byte",
                        GINT_TO_POINTER (DAMAGE_ONE_BYTE), test_damage);
  g_test_add_data_func ("/progress/store/damage/directory",
                        GINT_TO_POINTER (DAMAGE_DIRECTORY), test_damage);
  g_test_add_data_func ("/progress/store/damage/foreign-database",
                        GINT_TO_POINTER (DAMAGE_FOREIGN), test_damage);
  g_test_add_func ("/progress/store/read-only", test_read_only);
  g_test_add_func ("/progress/store/disk-full/page-limit", test_disk_full_page_limit);
  g_test_add_func ("/progress/store/disk-full/file-size-limit", test_disk_full_file_size);

  return g_test_run ();
}
