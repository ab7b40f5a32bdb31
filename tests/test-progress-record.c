/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ak-progress-export.h"
#include "ak-progress-store-private.h"
#include "progress-fixtures.h"

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

/* The position an attempt resumes at indexes its question order: from a
 * database, it is never negative and never past the order's end. */
static void
test_resume_position (void)
{
  static const struct
  {
    const char *value;
    guint       expected;
  } positions[] = {
    { "-5", 0 }, { "2", 2 }, { "4", 4 }, { "99", 4 }, { "1099511627776", 4 },
  };
  g_autofree char *path = data_path ("position.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 4);
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  const char *order[] = { "q1-4", "q1-2", "q1-1", "q1-3", NULL };
  gint64 id;

  id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, order, &error);
  g_assert_no_error (error);
  /* The largest position a caller can give is kept as it is, not wrapped. */
  ak_progress_store_record_answer (store, id, "q1-4", question_at (quiz, 3)->hash, "{}", 1.0, 1,
                                   G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress_test_query_int (path, "SELECT position FROM attempt"), ==, G_MAXUINT);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE attempt SET position = %s RETURNING 0",
                                              positions[i].value);
      g_autoptr(AkProgressAttempt) attempt = NULL;

      g_assert_cmpint (progress_test_query_int (path, sql), ==, 0);
      attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (attempt->position, ==, positions[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/open-default", test_open_default);
  g_test_add_func ("/progress/learner", test_learner);
  g_test_add_func ("/progress/lessons", test_lessons);
  g_test_add_func ("/progress/attempts", test_attempts);
  g_test_add_func ("/progress/resume", test_resume);
  g_test_add_func ("/progress/resume-position", test_resume_position);

  return g_test_run ();
}
