/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-progress-store-private.h"

/*
 * Practice: the learner answers the questions missed in an attempt once
 * more. These answers are kept apart from attempts (schema version 3), so
 * that the number of attempts, the scores and the passes stay those of
 * real attempts, while mastery and the daily activity count them. The
 * answers of the daily review are kept the same way; the review log
 * (schema version 4) tells them apart.
 */

/* An answer outside any attempt, logged as a review of @kind. */
static gboolean
record_outside_attempt (AkProgressStore  *self,
                        const char       *kind,
                        const char       *course_id,
                        const char       *quiz_id,
                        const char       *question_id,
                        const char       *question_hash,
                        const char       *response_json,
                        double            score,
                        double            seconds,
                        GError          **error)
{
  static const char insert_sql[] =
    "INSERT INTO practice_answer (learner_id, course_id, quiz_id, question_id, question_hash,"
    "                             response, score, answered, seconds)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  g_autoptr(AkStatement) insert = NULL;
  g_autoptr(AkStatement) stat_upsert = NULL;
  g_autoptr(AkStatement) day_upsert = NULL;
  gint64 learner_id;
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && quiz_id != NULL, FALSE);
  g_return_val_if_fail (question_id != NULL && question_hash != NULL, FALSE);
  g_return_val_if_fail (response_json != NULL, FALSE);
  g_return_val_if_fail (score >= 0.0 && score <= 1.0, FALSE);
  g_return_val_if_fail (seconds >= 0.0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  learner_id = ak_progress_store_get_learner_id (self);
  now = ak_progress_store_now (self);
  if (!ak_progress_store_begin (self, error))
    return FALSE;

  insert = ak_progress_store_statement (self, insert_sql, error);
  stat_upsert = insert == NULL ? NULL
                : ak_progress_store_statement (self, ak_progress_question_stat_upsert_sql, error);
  day_upsert = stat_upsert == NULL ? NULL
               : ak_progress_store_statement (self, ak_progress_activity_day_upsert_sql, error);
  ok = day_upsert != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (insert, 1, learner_id);
      sqlite3_bind_text (insert, 2, course_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, quiz_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, question_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, question_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, response_json, -1, SQLITE_STATIC);
      sqlite3_bind_double (insert, 7, score);
      sqlite3_bind_int64 (insert, 8, now);
      sqlite3_bind_double (insert, 9, seconds);
      ok = ak_progress_store_check (self, sqlite3_step (insert), error);
    }
  if (ok)
    ok = ak_progress_store_check (self,
                                  ak_progress_add_answer_to_stats (stat_upsert, day_upsert,
                                                                   learner_id, course_id,
                                                                   question_id, question_hash,
                                                                   score, now, seconds),
                                  error);
  if (ok)
    ok = ak_progress_memory_add_review (self, course_id, question_id, kind,
                                        ak_fsrs_rating_from_score (score), now, error);
  if (!ak_progress_store_end (self, ok, error))
    return FALSE;

  g_signal_emit_by_name (self, "changed", course_id);
  return TRUE;
}

/**
 * ak_progress_store_record_practice_answer:
 * @quiz_id: the quiz the question belongs to
 * @question_hash: the question's content hash (#AkQuestion.hash)
 * @response_json: the learner's response, stored as it is
 * @score: the score from grading, 0 to 1
 * @seconds: the time taken to answer
 *
 * Records an answer given while practising, outside any attempt, in one
 * transaction with the totals for mastery and activity.
 */
gboolean
ak_progress_store_record_practice_answer (AkProgressStore  *self,
                                          const char       *course_id,
                                          const char       *quiz_id,
                                          const char       *question_id,
                                          const char       *question_hash,
                                          const char       *response_json,
                                          double            score,
                                          double            seconds,
                                          GError          **error)
{
  return record_outside_attempt (self, AK_REVIEW_KIND_PRACTICE, course_id, quiz_id, question_id,
                                 question_hash, response_json, score, seconds, error);
}

/**
 * ak_progress_store_record_review_answer:
 * @quiz_id: the quiz the question belongs to
 * @question_hash: the question's content hash (#AkQuestion.hash)
 * @response_json: the learner's response, stored as it is
 * @score: the score from grading, 0 to 1
 * @seconds: the time taken to answer
 *
 * Records an answer given in the daily review, in one transaction with
 * the totals for mastery and activity and the question's new memory
 * state. Like practice answers, it belongs to no attempt.
 */
gboolean
ak_progress_store_record_review_answer (AkProgressStore  *self,
                                        const char       *course_id,
                                        const char       *quiz_id,
                                        const char       *question_id,
                                        const char       *question_hash,
                                        const char       *response_json,
                                        double            score,
                                        double            seconds,
                                        GError          **error)
{
  return record_outside_attempt (self, AK_REVIEW_KIND_REVIEW, course_id, quiz_id, question_id,
                                 question_hash, response_json, score, seconds, error);
}

/* Adds the time spent practising in @course_id to @seconds. */
gboolean
ak_progress_practice_add_seconds (AkProgressStore  *self,
                                  const char       *course_id,
                                  double           *seconds,
                                  GError          **error)
{
  static const char sql[] =
    "SELECT total (seconds) FROM practice_answer WHERE learner_id = ?1 AND course_id = ?2";
  g_autoptr(AkStatement) select = ak_progress_store_statement (self, sql, error);
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (select, 2, course_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    *seconds += sqlite3_column_double (select, 0);
  return ak_progress_store_check (self, rc, error);
}
