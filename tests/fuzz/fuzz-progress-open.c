/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ak-course-private.h"
#include "ak-progress-export.h"
#include "ak-progress-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

/*
 * Any bytes as progress.db (seeded with small valid databases and their
 * 100-byte headers): opening must either fail with a message or give a
 * store whose queries and export end with a result or an error — no
 * crash, no leak, nothing read out of bounds.
 */

static char *folder;
static AkCourse *course;

static AkCourse *
make_course (void)
{
  AkCourse *result = ak_course_new ();
  AkLesson *lesson = ak_lesson_new ();
  AkQuiz *quiz = ak_quiz_new ();
  AkQuestion *question = ak_question_new (AK_QUESTION_SINGLE_CHOICE);

  result->id = g_strdup ("kurs");
  result->version = g_strdup ("1.0");
  result->language = g_strdup ("de");
  result->title = g_strdup ("=Kurs");
  result->summary = g_strdup ("");
  result->summary_text = g_strdup ("");
  lesson->id = g_strdup ("lesson-1");
  lesson->title = g_strdup ("Lektion");
  g_ptr_array_add (result->lessons, lesson);
  question->id = g_strdup ("q1-1");
  question->prompt = g_strdup ("Frage");
  question->prompt_text = g_strdup ("Frage");
  question->explanation = g_strdup ("");
  ak_question_update_hash (question);
  quiz->id = g_strdup ("quiz-1");
  quiz->title = g_strdup ("Quiz");
  quiz->pass_mark = 50;
  g_ptr_array_add (quiz->questions, question);
  ak_quiz_update_hash (quiz);
  g_ptr_array_add (result->quizzes, quiz);
  return result;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  folder = g_dir_make_tmp ("akademie-fuzz-progress-XXXXXX", NULL);
  g_assert_nonnull (folder);
  course = make_course ();
  return 0;
}

static void
remove_all (void)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_unlink (path) != 0)
        {
          /* A folder moved aside is never made here: only files. */
          g_assert_not_reached ();
        }
    }
}

static void
run_queries (AkProgressStore *store)
{
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(GPtrArray) mastery = NULL;
  g_autoptr(GPtrArray) overall = NULL;
  g_autoptr(GPtrArray) activity = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(AkLessonProgress) lesson = NULL;
  g_autofree char *csv = g_build_filename (folder, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GDate first;
  GDate last;

  g_list_store_append (courses, course);
  g_date_set_dmy (&first, 1, 1, 2024);
  g_date_set_dmy (&last, 10, 1, 2024);

  progress = ak_progress_store_get_course_progress (store, course, NULL);
  mastery = ak_progress_store_get_mastery (store, course, NULL);
  overall = ak_progress_store_get_overall_mastery (store, G_LIST_MODEL (courses), NULL);
  activity = ak_progress_store_get_activity (store, NULL, &first, &last, NULL);
  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", NULL);
  mistakes = ak_progress_store_get_last_mistakes (store, course, "quiz-1", NULL);
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", NULL);
  lesson = ak_progress_store_get_lesson (store, "kurs", "lesson-1", NULL);
  if (attempt != NULL)
    {
      g_assert_cmpuint (attempt->position, <=, G_MAXINT);
      if (attempt->question_order[0] != NULL)
        g_assert_cmpuint (attempt->position, <=, g_strv_length (attempt->question_order));
    }
  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, NULL);
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (folder, "progress.db", NULL);
  g_autoptr(GError) error = NULL;

  remove_all ();
  g_assert_true (g_file_set_contents (path, (const char *)data, size, NULL));

  /* The export's read-only way in first: it must leave the file alone. */
  {
    g_autoptr(AkProgressStore) store = ak_progress_store_open_read_only (path, &error);

    if (store != NULL)
      run_queries (store);
    else
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
  }

  {
    g_autoptr(AkProgressStore) store = ak_progress_store_open (path, &error);

    if (store != NULL)
      run_queries (store);
    else
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
  remove_all ();
  return 0;
}
