/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include "ak-progress-store-private.h"

/*
 * What the learner's pages show: a course's progress, mastery per thesis,
 * activity per day, scores per attempt and the last mistakes. Each is one
 * call; the course model supplies what exists, the database what was done.
 */

static void
find_next_step (AkCourseProgress *progress)
{
  AkNextStep *next = &progress->next;

  for (guint i = 0; i < progress->quizzes->len; i++)
    {
      AkQuizProgress *quiz = g_ptr_array_index (progress->quizzes, i);

      if (quiz->open_attempt != 0)
        {
          next->kind = AK_NEXT_STEP_RESUME_QUIZ;
          next->quiz_id = g_strdup (quiz->quiz_id);
          next->attempt_id = quiz->open_attempt;
          return;
        }
    }

  for (guint i = 0; i < progress->lessons->len; i++)
    {
      AkLessonProgress *lesson = g_ptr_array_index (progress->lessons, i);

      if (lesson->completed == 0)
        {
          next->kind = AK_NEXT_STEP_READ_LESSON;
          next->lesson_id = g_strdup (lesson->lesson_id);
          next->section_id = g_strdup (lesson->section_id);
          return;
        }
    }

  for (guint i = 0; i < progress->quizzes->len; i++)
    {
      AkQuizProgress *quiz = g_ptr_array_index (progress->quizzes, i);

      if (!quiz->passed)
        {
          next->kind = AK_NEXT_STEP_TAKE_QUIZ;
          next->quiz_id = g_strdup (quiz->quiz_id);
          return;
        }
    }

  next->kind = AK_NEXT_STEP_DONE;
}

/**
 * ak_progress_store_get_course_progress:
 *
 * Sums up the learner's progress in @course: lessons completed and quizzes
 * passed out of those the course has now, the best and the last score per
 * quiz (as a share of the maximum), the time spent, and the next step —
 * resume an attempt in progress, else continue the first lesson not
 * completed where the learner left it, else take the first quiz not
 * passed. History of lessons and quizzes the course no longer has counts
 * towards the time spent only.
 *
 * Returns: (transfer full): the progress, or %NULL with @error set
 */
AkCourseProgress *
ak_progress_store_get_course_progress (AkProgressStore  *self,
                                       AkCourse         *course,
                                       GError          **error)
{
  static const char lessons_sql[] =
    "SELECT " AK_PROGRESS_LESSON_COLUMNS " FROM lesson"
    " WHERE learner_id = ?1 AND course_id = ?2";
  static const char attempts_sql[] =
    "SELECT quiz_id, id, state, score, max_score, passed, seconds FROM attempt"
    " WHERE learner_id = ?1 AND course_id = ?2 ORDER BY id";
  g_autoptr(AkStatement) lessons = NULL;
  g_autoptr(AkStatement) attempts = NULL;
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(GHashTable) lesson_rows = NULL;
  g_autoptr(GHashTable) quiz_rows = NULL;
  GPtrArray *course_lessons;
  GPtrArray *course_quizzes;
  const char *course_id;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  course_id = ak_course_get_id (course);
  course_lessons = ak_course_get_lessons (course);
  course_quizzes = ak_course_get_quizzes (course);

  lessons = ak_progress_store_statement (self, lessons_sql, error);
  attempts = lessons == NULL ? NULL : ak_progress_store_statement (self, attempts_sql, error);
  if (attempts == NULL)
    return NULL;

  progress = g_new0 (AkCourseProgress, 1);
  progress->course_id = g_strdup (course_id);
  progress->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_lesson_progress_free);
  progress->quizzes = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_quiz_progress_free);
  progress->n_lessons = course_lessons->len;
  progress->n_quizzes = course_quizzes->len;

  lesson_rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)ak_lesson_progress_free);
  sqlite3_bind_int64 (lessons, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (lessons, 2, course_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (lessons)) == SQLITE_ROW)
    {
      AkLessonProgress *lesson = ak_lesson_progress_new_from_row (lessons, error);

      if (lesson == NULL)
        return NULL;
      progress->seconds += lesson->seconds;
      g_hash_table_replace (lesson_rows, lesson->lesson_id, lesson);
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;

  for (guint i = 0; i < course_lessons->len; i++)
    {
      AkLesson *course_lesson = g_ptr_array_index (course_lessons, i);
      AkLessonProgress *lesson = NULL;

      if (!g_hash_table_steal_extended (lesson_rows, course_lesson->id, NULL, (gpointer *)&lesson))
        lesson = ak_lesson_progress_new (course_lesson->id);
      if (lesson->completed != 0)
        progress->n_lessons_completed++;
      g_ptr_array_add (progress->lessons, lesson);
    }

  quiz_rows = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < course_quizzes->len; i++)
    {
      AkQuiz *course_quiz = g_ptr_array_index (course_quizzes, i);
      AkQuizProgress *quiz = g_new0 (AkQuizProgress, 1);

      quiz->quiz_id = g_strdup (course_quiz->id);
      g_ptr_array_add (progress->quizzes, quiz);
      g_hash_table_insert (quiz_rows, quiz->quiz_id, quiz);
    }

  sqlite3_bind_int64 (attempts, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (attempts, 2, course_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (attempts)) == SQLITE_ROW)
    {
      AkQuizProgress *quiz;
      const char *state;

      if (!ak_progress_row_check (attempts, 0, "titRRIr", error))
        return NULL;
      quiz = g_hash_table_lookup (quiz_rows, sqlite3_column_text (attempts, 0));
      state = (const char *)sqlite3_column_text (attempts, 2);

      progress->seconds += sqlite3_column_double (attempts, 6);
      if (quiz == NULL)
        continue;
      if (g_str_equal (state, "finished"))
        {
          double max_score = sqlite3_column_double (attempts, 4);
          double share = max_score > 0 ? sqlite3_column_double (attempts, 3) / max_score : 0.0;

          /* A share of the maximum, whatever a damaged row says. */
          share = isfinite (share) ? CLAMP (share, 0.0, 1.0) : 0.0;

          quiz->best_score = quiz->n_attempts == 0 ? share : MAX (quiz->best_score, share);
          quiz->last_score = share;
          quiz->n_attempts++;
          quiz->passed |= sqlite3_column_int (attempts, 5) != 0;
        }
      else if (g_str_equal (state, "in-progress"))
        quiz->open_attempt = sqlite3_column_int64 (attempts, 1);
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;
  if (!ak_progress_practice_add_seconds (self, course_id, &progress->seconds, error))
    return NULL;

  for (guint i = 0; i < progress->quizzes->len; i++)
    if (((AkQuizProgress *)g_ptr_array_index (progress->quizzes, i))->passed)
      progress->n_quizzes_passed++;

  find_next_step (progress);
  return g_steal_pointer (&progress);
}

/* Mastery */

typedef struct
{
  double mastery;
  guint  n_answers;
} QuestionStat;

static char *
question_key (const char *course_id,
              const char *question_id,
              const char *question_hash)
{
  /* Ids are XML identifiers and hashes are hex: no newlines. */
  return g_strconcat (course_id, "\n", question_id, "\n", question_hash, NULL);
}

/* Reads the running totals of every question version answered, in one
 * course or (@course_id %NULL) in all. */
static GHashTable *
load_question_stats (AkProgressStore  *self,
                     const char       *course_id,
                     GError          **error)
{
  static const char course_sql[] =
    "SELECT course_id, question_id, question_hash, n_answers, weighted_score / weight"
    "  FROM question_stat WHERE learner_id = ?1 AND course_id = ?2";
  static const char all_sql[] =
    "SELECT course_id, question_id, question_hash, n_answers, weighted_score / weight"
    "  FROM question_stat WHERE learner_id = ?1";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(GHashTable) stats = NULL;
  int rc;

  select = ak_progress_store_statement (self, course_id != NULL ? course_sql : all_sql, error);
  if (select == NULL)
    return NULL;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  if (course_id != NULL)
    sqlite3_bind_text (select, 2, course_id, -1, SQLITE_STATIC);

  stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      QuestionStat *stat;
      double mastery;

      if (!ak_progress_row_check (select, 0, "tttiR", error))
        return NULL;
      stat = g_new (QuestionStat, 1);
      mastery = sqlite3_column_double (select, 4);
      stat->n_answers = CLAMP (sqlite3_column_int64 (select, 3), 0, G_MAXINT);
      stat->mastery = isfinite (mastery) ? CLAMP (mastery, 0.0, 1.0) : 0.0;
      g_hash_table_insert (stats,
                           question_key ((const char *)sqlite3_column_text (select, 0),
                                         (const char *)sqlite3_column_text (select, 1),
                                         (const char *)sqlite3_column_text (select, 2)),
                           stat);
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;
  return g_steal_pointer (&stats);
}

static AkThesisMastery *
find_or_add_thesis (GPtrArray  *theses,
                    GHashTable *index,
                    const char *course_id,
                    const char *thesis_id)
{
  g_autofree char *key = g_strconcat (course_id, ":", thesis_id, NULL);
  AkThesisMastery *thesis = g_hash_table_lookup (index, key);

  if (thesis == NULL)
    {
      thesis = g_new0 (AkThesisMastery, 1);
      thesis->course_id = g_strdup (course_id);
      thesis->thesis_id = g_strdup (thesis_id);
      g_ptr_array_add (theses, thesis);
      g_hash_table_insert (index, g_steal_pointer (&key), thesis);
    }
  return thesis;
}

static void
add_course_theses (GPtrArray  *theses,
                   GHashTable *index,
                   AkCourse   *course)
{
  g_autoptr(GPtrArray) blocks = ak_course_list_theses (course);

  for (guint i = 0; i < blocks->len; i++)
    find_or_add_thesis (theses, index, ak_course_get_id (course),
                        ((AkBlock *)g_ptr_array_index (blocks, i))->id);
}

static void
add_course_questions (GPtrArray  *theses,
                      GHashTable *index,
                      GHashTable *stats,
                      AkCourse   *course)
{
  const char *course_id = ak_course_get_id (course);
  GPtrArray *quizzes = ak_course_get_quizzes (course);

  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);

      for (guint j = 0; j < quiz->questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, j);
          g_autofree char *key = question_key (course_id, question->id, question->hash);
          QuestionStat *stat = g_hash_table_lookup (stats, key);

          for (guint k = 0; question->tests != NULL && question->tests[k] != NULL; k++)
            {
              const char *reference = question->tests[k];
              const char *colon = strchr (reference, ':');
              g_autofree char *thesis_course = colon != NULL ? g_strndup (reference,
                                                                          colon - reference)
                                                             : g_strdup (course_id);
              AkThesisMastery *thesis;

              thesis = find_or_add_thesis (theses, index, thesis_course,
                                           colon != NULL ? colon + 1 : reference);
              thesis->n_questions++;
              if (stat != NULL)
                {
                  thesis->n_answered++;
                  thesis->n_answers += stat->n_answers;
                  /* A running sum until collect_mastery() divides it. */
                  thesis->mastery += stat->mastery;
                }
            }
        }
    }
}

static GPtrArray *
collect_mastery (AkCourse   **courses,
                 guint        n_courses,
                 GHashTable  *stats)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *theses = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_thesis_mastery_free);

  for (guint i = 0; i < n_courses; i++)
    add_course_theses (theses, index, courses[i]);
  for (guint i = 0; i < n_courses; i++)
    add_course_questions (theses, index, stats, courses[i]);

  for (guint i = 0; i < theses->len; i++)
    {
      AkThesisMastery *thesis = g_ptr_array_index (theses, i);

      thesis->mastery = thesis->n_answered > 0 ? thesis->mastery / thesis->n_answered : 0.0;
    }
  return theses;
}

/**
 * ak_progress_store_get_mastery:
 *
 * How well the learner masters each thesis, judged by the questions of
 * @course that test it. A question's mastery is a weighted mean of the
 * scores of the learner's answers to its current version: the newest
 * answer weighs 1, the one before it 1/2, then 1/4 and so on, so the
 * newest answer counts about as much as all earlier ones together.
 * Answers to an older version of a question (before the trainer changed
 * it) do not count. A thesis's mastery is the plain mean over the
 * questions testing it that have been answered.
 *
 * Returns: (transfer full) (element-type AkThesisMastery): one row per
 *   thesis of @course in reading order, then theses of other courses that
 *   its questions test; or %NULL with @error set
 */
GPtrArray *
ak_progress_store_get_mastery (AkProgressStore  *self,
                               AkCourse         *course,
                               GError          **error)
{
  g_autoptr(GHashTable) stats = NULL;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stats = load_question_stats (self, ak_course_get_id (course), error);
  if (stats == NULL)
    return NULL;
  return collect_mastery (&course, 1, stats);
}

/**
 * ak_progress_store_get_overall_mastery:
 * @courses: (element-type AkCourse): the courses the learner has
 *
 * Like ak_progress_store_get_mastery(), over all @courses together: a
 * thesis tested from another course ("course:thesis") counts the answers
 * from both.
 *
 * Returns: (transfer full) (element-type AkThesisMastery): one row per
 *   thesis, or %NULL with @error set
 */
GPtrArray *
ak_progress_store_get_overall_mastery (AkProgressStore  *self,
                                       GListModel       *courses,
                                       GError          **error)
{
  g_autoptr(GHashTable) stats = NULL;
  g_autoptr(GPtrArray) course_list = NULL;
  guint n_courses;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (courses), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stats = load_question_stats (self, NULL, error);
  if (stats == NULL)
    return NULL;

  n_courses = g_list_model_get_n_items (courses);
  course_list = g_ptr_array_new_full (n_courses, g_object_unref);
  for (guint i = 0; i < n_courses; i++)
    g_ptr_array_add (course_list, g_list_model_get_item (courses, i));
  return collect_mastery ((AkCourse **)course_list->pdata, n_courses, stats);
}

static char *
date_key (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * ak_progress_store_get_activity:
 * @course_id: (nullable): one course, or %NULL for all
 * @first: the first day
 * @last: the last day, not before @first
 *
 * The learner's activity per local calendar day: answers given, the mean
 * score of those answers (a half-right answer counts half), and minutes
 * spent reading lessons and answering questions.
 *
 * Returns: (transfer full) (element-type AkActivityDay): one row for
 *   every day from @first to @last, days without activity included; or
 *   %NULL with @error set
 */
GPtrArray *
ak_progress_store_get_activity (AkProgressStore  *self,
                                const char       *course_id,
                                const GDate      *first,
                                const GDate      *last,
                                GError          **error)
{
  static const char sql[] =
    "SELECT day, total (n_answers), total (score_sum), total (seconds) FROM activity_day"
    " WHERE learner_id = ?1 AND day BETWEEN ?2 AND ?3 AND (?4 IS NULL OR course_id = ?4)"
    " GROUP BY day ORDER BY day";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *last_key = NULL;
  GDate date;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return NULL;

  first_key = date_key (first);
  last_key = date_key (last);
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (select, 2, first_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (select, 3, last_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (select, 4, course_id, -1, SQLITE_STATIC);

  days = g_ptr_array_new_with_free_func (g_free);
  rc = sqlite3_step (select);
  /* Both the rows and the days go in order: walk them side by side. */
  for (date = *first; g_date_compare (&date, last) <= 0; g_date_add_days (&date, 1))
    {
      g_autofree char *key = date_key (&date);
      AkActivityDay *day = g_new0 (AkActivityDay, 1);

      day->date = date;
      /* Rows before the day are left behind: days of a damaged row. */
      while (rc == SQLITE_ROW && (sqlite3_column_type (select, 0) != SQLITE_TEXT
                                  || g_strcmp0 ((const char *)sqlite3_column_text (select, 0),
                                                key) < 0))
        rc = sqlite3_step (select);
      if (rc == SQLITE_ROW && g_str_equal (key, (const char *)sqlite3_column_text (select, 0)))
        {
          double n_answers = sqlite3_column_double (select, 1);
          double score_sum = sqlite3_column_double (select, 2);
          double minutes = sqlite3_column_double (select, 3) / 60.0;
          double share;

          day->n_answers = isfinite (n_answers) ? CLAMP (n_answers, 0, G_MAXINT) : 0;
          share = day->n_answers > 0 ? score_sum / day->n_answers : 0.0;
          day->correct_share = isfinite (share) ? CLAMP (share, 0.0, 1.0) : 0.0;
          day->minutes = isfinite (minutes) ? MAX (minutes, 0.0) : 0.0;
          rc = sqlite3_step (select);
        }
      g_ptr_array_add (days, day);
    }
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  if (!ak_progress_store_check (self, rc, error))
    return NULL;

  return g_steal_pointer (&days);
}

/**
 * ak_progress_store_get_quiz_history:
 *
 * The finished attempts at a quiz, oldest first, for a chart of the score
 * per attempt over time. #AkProgressAttempt.answers is left empty.
 *
 * Returns: (transfer full) (element-type AkProgressAttempt): the
 *   attempts, or %NULL with @error set
 */
GPtrArray *
ak_progress_store_get_quiz_history (AkProgressStore  *self,
                                    const char       *course_id,
                                    const char       *quiz_id,
                                    GError          **error)
{
  static const char sql[] =
    "SELECT " AK_PROGRESS_ATTEMPT_COLUMNS " FROM attempt"
    " WHERE learner_id = ?1 AND course_id = ?2 AND quiz_id = ?3 AND state = 'finished'"
    " ORDER BY finished, id";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (course_id != NULL && quiz_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return NULL;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (select, 2, course_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (select, 3, quiz_id, -1, SQLITE_STATIC);

  attempts = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_progress_attempt_free);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      AkProgressAttempt *attempt = ak_progress_attempt_new_from_row (select, error);

      if (attempt == NULL)
        return NULL;
      g_ptr_array_add (attempts, attempt);
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;

  return g_steal_pointer (&attempts);
}

/**
 * ak_progress_store_get_last_mistakes:
 *
 * The answers that were not fully right (score below 1) in the learner's
 * last finished attempt at the quiz, in the order they were given, for
 * "repeat mistakes". #AkProgressAnswer.version says whether each question
 * is still in @course as it was answered.
 *
 * Returns: (transfer full) (element-type AkProgressAnswer): the answers,
 *   empty when there was no finished attempt; or %NULL with @error set
 */
GPtrArray *
ak_progress_store_get_last_mistakes (AkProgressStore  *self,
                                     AkCourse         *course,
                                     const char       *quiz_id,
                                     GError          **error)
{
  static const char sql[] =
    "SELECT " AK_PROGRESS_ANSWER_COLUMNS " FROM answer"
    " WHERE attempt_id = (SELECT id FROM attempt"
    "                      WHERE learner_id = ?1 AND course_id = ?2 AND quiz_id = ?3"
    "                        AND state = 'finished'"
    "                      ORDER BY finished DESC, id DESC LIMIT 1)"
    "   AND score < 1"
    " ORDER BY id";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return NULL;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (select, 2, ak_course_get_id (course), -1, SQLITE_STATIC);
  sqlite3_bind_text (select, 3, quiz_id, -1, SQLITE_STATIC);

  answers = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_progress_answer_free);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      AkProgressAnswer *answer = ak_progress_answer_new_from_row (select, 0, error);

      if (answer == NULL)
        return NULL;
      answer->version = ak_question_version_in_course (course, quiz_id, answer->question_id,
                                                       answer->question_hash);
      g_ptr_array_add (answers, answer);
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;

  return g_steal_pointer (&answers);
}
