/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-progress-store-private.h"

/* The plain structs the store's queries return, and how rows become them. */

static const char *const attempt_states[] = {
  [AK_ATTEMPT_IN_PROGRESS] = "in-progress",
  [AK_ATTEMPT_FINISHED] = "finished",
  [AK_ATTEMPT_ABANDONED] = "abandoned",
};

/* The name of @state in the database and in exported files. */
const char *
ak_attempt_state_to_string (AkAttemptState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (attempt_states), NULL);
  return attempt_states[state];
}

static AkAttemptState
attempt_state_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (attempt_states); i++)
    if (g_strcmp0 (name, attempt_states[i]) == 0)
      return i;
  g_return_val_if_reached (AK_ATTEMPT_ABANDONED);
}

void
ak_progress_answer_free (AkProgressAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->question_id);
  g_free (answer->question_hash);
  g_free (answer->response);
  g_free (answer);
}

void
ak_progress_attempt_free (AkProgressAttempt *attempt)
{
  if (attempt == NULL)
    return;

  g_free (attempt->course_id);
  g_free (attempt->quiz_id);
  g_free (attempt->course_version);
  g_free (attempt->quiz_hash);
  g_strfreev (attempt->question_order);
  g_ptr_array_unref (attempt->answers);
  g_free (attempt);
}

void
ak_lesson_progress_free (AkLessonProgress *lesson)
{
  if (lesson == NULL)
    return;

  g_free (lesson->lesson_id);
  g_free (lesson->section_id);
  g_free (lesson);
}

void
ak_quiz_progress_free (AkQuizProgress *quiz)
{
  if (quiz == NULL)
    return;

  g_free (quiz->quiz_id);
  g_free (quiz);
}

void
ak_course_progress_free (AkCourseProgress *progress)
{
  if (progress == NULL)
    return;

  g_free (progress->course_id);
  g_ptr_array_unref (progress->lessons);
  g_ptr_array_unref (progress->quizzes);
  g_free (progress->next.lesson_id);
  g_free (progress->next.section_id);
  g_free (progress->next.quiz_id);
  g_free (progress);
}

void
ak_thesis_mastery_free (AkThesisMastery *mastery)
{
  if (mastery == NULL)
    return;

  g_free (mastery->course_id);
  g_free (mastery->thesis_id);
  g_free (mastery);
}

/**
 * ak_thesis_mastery_average:
 * @theses: (element-type AkThesisMastery): from ak_progress_store_get_mastery()
 *   or ak_progress_store_get_overall_mastery()
 * @average: (out): the mean mastery of the theses with answers
 *
 * Returns: %FALSE (and 0 in @average) when no thesis has been answered yet
 */
gboolean
ak_thesis_mastery_average (GPtrArray *theses,
                           double    *average)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (theses != NULL, FALSE);
  g_return_val_if_fail (average != NULL, FALSE);

  for (guint i = 0; i < theses->len; i++)
    {
      AkThesisMastery *mastery = g_ptr_array_index (theses, i);

      if (mastery->n_answered > 0)
        {
          sum += mastery->mastery;
          n++;
        }
    }
  *average = n > 0 ? sum / n : 0.0;
  return n > 0;
}

static char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (statement, column));
}

/* A lesson that was never opened. */
AkLessonProgress *
ak_lesson_progress_new (const char *lesson_id)
{
  AkLessonProgress *lesson = g_new0 (AkLessonProgress, 1);

  lesson->lesson_id = g_strdup (lesson_id);
  return lesson;
}

/* Reads AK_PROGRESS_LESSON_COLUMNS from the start of the row. */
AkLessonProgress *
ak_lesson_progress_new_from_row (sqlite3_stmt *statement)
{
  AkLessonProgress *lesson = g_new0 (AkLessonProgress, 1);

  lesson->lesson_id = column_text (statement, 0);

  lesson->first_opened = sqlite3_column_int64 (statement, 1);
  lesson->last_opened = sqlite3_column_int64 (statement, 2);
  lesson->completed = sqlite3_column_int64 (statement, 3);
  lesson->seconds = sqlite3_column_double (statement, 4);
  lesson->section_id = column_text (statement, 5);
  return lesson;
}

/* Reads AK_PROGRESS_ATTEMPT_COLUMNS from the start of the row. */
AkProgressAttempt *
ak_progress_attempt_new_from_row (sqlite3_stmt *statement)
{
  AkProgressAttempt *attempt = g_new0 (AkProgressAttempt, 1);
  const char *order;

  attempt->id = sqlite3_column_int64 (statement, 0);
  attempt->course_id = column_text (statement, 1);
  attempt->quiz_id = column_text (statement, 2);
  attempt->course_version = column_text (statement, 3);
  attempt->quiz_hash = column_text (statement, 4);
  attempt->state = attempt_state_from_string ((const char *)sqlite3_column_text (statement, 5));
  attempt->started = sqlite3_column_int64 (statement, 6);
  attempt->finished = sqlite3_column_int64 (statement, 7);
  attempt->score = sqlite3_column_double (statement, 8);
  attempt->max_score = sqlite3_column_double (statement, 9);
  attempt->passed = sqlite3_column_int (statement, 10) != 0;
  attempt->seconds = sqlite3_column_double (statement, 11);
  order = (const char *)sqlite3_column_text (statement, 12);
  attempt->question_order = order != NULL && *order != '\0' ? g_strsplit (order, " ", -1)
                                                            : g_new0 (char *, 1);
  attempt->position = sqlite3_column_int (statement, 13);
  attempt->answers = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_progress_answer_free);
  return attempt;
}

/* Reads AK_PROGRESS_ANSWER_COLUMNS from @first_column on. */
AkProgressAnswer *
ak_progress_answer_new_from_row (sqlite3_stmt *statement,
                                 int           first_column)
{
  AkProgressAnswer *answer = g_new0 (AkProgressAnswer, 1);

  answer->id = sqlite3_column_int64 (statement, first_column);
  answer->question_id = column_text (statement, first_column + 1);
  answer->question_hash = column_text (statement, first_column + 2);
  answer->response = column_text (statement, first_column + 3);
  answer->score = sqlite3_column_double (statement, first_column + 4);
  answer->answered = sqlite3_column_int64 (statement, first_column + 5);
  answer->seconds = sqlite3_column_double (statement, first_column + 6);
  answer->version = AK_QUESTION_VERSION_UNKNOWN;
  return answer;
}

/* How an answer to @question_id with @question_hash relates to @course now. */
AkQuestionVersion
ak_question_version_in_course (AkCourse   *course,
                               const char *quiz_id,
                               const char *question_id,
                               const char *question_hash)
{
  AkQuiz *quiz;
  AkQuestion *question;

  if (course == NULL)
    return AK_QUESTION_VERSION_UNKNOWN;
  quiz = ak_course_find_quiz (course, quiz_id);
  question = quiz != NULL ? ak_quiz_find_question (quiz, question_id) : NULL;
  if (question == NULL)
    return AK_QUESTION_VERSION_REMOVED;
  if (g_strcmp0 (question->hash, question_hash) != 0)
    return AK_QUESTION_VERSION_CHANGED;
  return AK_QUESTION_VERSION_CURRENT;
}
