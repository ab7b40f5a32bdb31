/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

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

/* The state named @name; FALSE for a name the database should not hold. */
static gboolean
attempt_state_from_string (const char     *name,
                           AkAttemptState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (attempt_states); i++)
    if (g_strcmp0 (name, attempt_states[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

/* A row that does not hold what the schema promises: the file was
 * edited or damaged. */
void
ak_progress_set_damaged_error (GError **error)
{
  g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                       _("Your progress database is damaged: some of its entries cannot be "
                         "read. Restart Akademie to repair it."));
}

/*
 * Checks the types of the columns from @first_column on, one letter each
 * in @types: "t" text, "i" integer, "r" a number, "-" anything; an upper
 * case letter allows NULL too. SQLite keeps any value in any column, and
 * a database from elsewhere may have lost its NOT NULL constraints: a row
 * that does not fit is damage, never a NULL where text is read.
 */
gboolean
ak_progress_row_check (sqlite3_stmt  *statement,
                       int            first_column,
                       const char    *types,
                       GError       **error)
{
  for (int i = 0; types[i] != '\0'; i++)
    {
      int type = sqlite3_column_type (statement, first_column + i);
      gboolean ok;

      if (type == SQLITE_NULL)
        ok = g_ascii_isupper (types[i]) || types[i] == '-';
      else
        switch (g_ascii_tolower (types[i]))
          {
          case 't':
            ok = type == SQLITE_TEXT;
            break;
          case 'i':
            ok = type == SQLITE_INTEGER;
            break;
          case 'r':
            ok = type == SQLITE_INTEGER || type == SQLITE_FLOAT;
            break;
          default:
            ok = TRUE;
            break;
          }
      if (!ok)
        {
          ak_progress_set_damaged_error (error);
          return FALSE;
        }
    }
  return TRUE;
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

/* Text from the database, which SQLite does not check to be UTF-8. */
static char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (statement, column);

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

static double
column_share (sqlite3_stmt *statement,
              int           column)
{
  double value = sqlite3_column_double (statement, column);

  return isfinite (value) ? CLAMP (value, 0.0, 1.0) : 0.0;
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
ak_lesson_progress_new_from_row (sqlite3_stmt  *statement,
                                 GError       **error)
{
  AkLessonProgress *lesson;

  if (!ak_progress_row_check (statement, 0, "tiiIrT", error))
    return NULL;
  lesson = g_new0 (AkLessonProgress, 1);

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
ak_progress_attempt_new_from_row (sqlite3_stmt  *statement,
                                  GError       **error)
{
  AkProgressAttempt *attempt;
  AkAttemptState state;
  const char *order;
  gint64 position;
  guint n_order;

  if (!ak_progress_row_check (statement, 0, "itttttiIRRIrti", error)
      || !attempt_state_from_string ((const char *)sqlite3_column_text (statement, 5), &state))
    {
      if (error != NULL && *error == NULL)
        ak_progress_set_damaged_error (error);
      return NULL;
    }

  attempt = g_new0 (AkProgressAttempt, 1);
  attempt->state = state;
  attempt->id = sqlite3_column_int64 (statement, 0);
  attempt->course_id = column_text (statement, 1);
  attempt->quiz_id = column_text (statement, 2);
  attempt->course_version = column_text (statement, 3);
  attempt->quiz_hash = column_text (statement, 4);
  attempt->started = sqlite3_column_int64 (statement, 6);
  attempt->finished = sqlite3_column_int64 (statement, 7);
  attempt->score = sqlite3_column_double (statement, 8);
  attempt->max_score = sqlite3_column_double (statement, 9);
  attempt->passed = sqlite3_column_int (statement, 10) != 0;
  attempt->seconds = sqlite3_column_double (statement, 11);
  attempt->score = isfinite (attempt->score) ? attempt->score : 0.0;
  attempt->max_score = isfinite (attempt->max_score) ? attempt->max_score : 0.0;
  order = (const char *)sqlite3_column_text (statement, 12);
  if (!g_utf8_validate (order, -1, NULL))
    order = NULL;
  attempt->question_order = order != NULL && *order != '\0' ? g_strsplit (order, " ", -1)
                                                            : g_new0 (char *, 1);
  /* The position indexes the question order: never past its end, never
   * negative, whatever the file says. */
  position = sqlite3_column_int64 (statement, 13);
  n_order = g_strv_length (attempt->question_order);
  attempt->position = CLAMP (position, 0, n_order > 0 ? (gint64)n_order : G_MAXINT);
  attempt->answers = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_progress_answer_free);
  return attempt;
}

/* Reads AK_PROGRESS_ANSWER_COLUMNS from @first_column on. */
AkProgressAnswer *
ak_progress_answer_new_from_row (sqlite3_stmt  *statement,
                                 int            first_column,
                                 GError       **error)
{
  AkProgressAnswer *answer;

  if (!ak_progress_row_check (statement, first_column, "itttrir", error))
    return NULL;
  answer = g_new0 (AkProgressAnswer, 1);

  answer->id = sqlite3_column_int64 (statement, first_column);
  answer->question_id = column_text (statement, first_column + 1);
  answer->question_hash = column_text (statement, first_column + 2);
  answer->response = column_text (statement, first_column + 3);
  answer->score = column_share (statement, first_column + 4);
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
