/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ak-progress-store-private.h"

/*
 * The review log and the memory state of each question (schema version
 * 4). Every answer is a review, whether given in a quiz, while practising
 * or in the daily review: each time the learner recalls an answer, the
 * memory of it changes, and a model that did not hear of quiz answers
 * would think the time since the last review had passed without any.
 * The state is kept up to date by every answer, in the transaction that
 * records it; it can always be rebuilt by replaying the log.
 */

/* What a review day is; the local time zone, as for the activity days. */
#define TIME_ZONE NULL

/* Review days from 1970 up to AD 9999: anything else was not written here. */
#define MAX_DAY 2932896

static const char insert_review_sql[] =
  "INSERT INTO review (learner_id, course_id, question_id, reviewed, kind, graded, rating)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char select_state_sql[] =
  "SELECT stability, difficulty, due_day, last_review, reps, lapses FROM memory_state"
  " WHERE learner_id = ?1 AND course_id = ?2 AND question_id = ?3";
static const char upsert_state_sql[] =
  "INSERT OR REPLACE INTO memory_state (learner_id, course_id, question_id, stability,"
  "                                     difficulty, due_day, last_review, reps, lapses)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char delete_state_sql[] =
  "DELETE FROM memory_state WHERE learner_id = ?1 AND course_id = ?2 AND question_id = ?3";
static const char select_reviews_sql[] =
  "SELECT reviewed, rating FROM review"
  " WHERE learner_id = ?1 AND course_id = ?2 AND question_id = ?3"
  " ORDER BY reviewed, id";

/* Reads the six state columns from @first_column; FALSE when a value is
 * out of range, as in a file edited by hand. */
static gboolean
read_card (sqlite3_stmt *statement,
           int           first_column,
           AkFsrsCard   *card)
{
  gint64 reps, lapses;

  for (int i = 0; i < 6; i++)
    {
      int type = sqlite3_column_type (statement, first_column + i);

      if (type != SQLITE_INTEGER && (i >= 2 || type != SQLITE_FLOAT))
        return FALSE;
    }
  card->memory.stability = sqlite3_column_double (statement, first_column);
  card->memory.difficulty = sqlite3_column_double (statement, first_column + 1);
  card->due_day = sqlite3_column_int64 (statement, first_column + 2);
  card->last_review = sqlite3_column_int64 (statement, first_column + 3);
  reps = sqlite3_column_int64 (statement, first_column + 4);
  lapses = sqlite3_column_int64 (statement, first_column + 5);
  if (!ak_fsrs_state_is_valid (card->memory)
      || card->due_day < 0 || card->due_day > MAX_DAY
      || card->last_review < 0
      || reps < 1 || reps > G_MAXINT32 || lapses < 0 || lapses > reps)
    return FALSE;
  card->reps = (guint)reps;
  card->lapses = (guint)lapses;
  return TRUE;
}

static void
bind_key (sqlite3_stmt *statement,
          gint64        learner_id,
          const char   *course_id,
          const char   *question_id)
{
  sqlite3_bind_int64 (statement, 1, learner_id);
  sqlite3_bind_text (statement, 2, course_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, question_id, -1, SQLITE_TRANSIENT);
}

static int
write_card (sqlite3_stmt     *upsert,
            gint64            learner_id,
            const char       *course_id,
            const char       *question_id,
            const AkFsrsCard *card)
{
  int rc;

  bind_key (upsert, learner_id, course_id, question_id);
  sqlite3_bind_double (upsert, 4, card->memory.stability);
  sqlite3_bind_double (upsert, 5, card->memory.difficulty);
  sqlite3_bind_int64 (upsert, 6, card->due_day);
  sqlite3_bind_int64 (upsert, 7, card->last_review);
  sqlite3_bind_int64 (upsert, 8, card->reps);
  sqlite3_bind_int64 (upsert, 9, card->lapses);
  rc = sqlite3_step (upsert);
  sqlite3_reset (upsert);
  sqlite3_clear_bindings (upsert);
  return rc;
}

static char *
fuzz_key (const char *course_id,
          const char *question_id)
{
  return g_strconcat (course_id, ":", question_id, NULL);
}

/* Adds one logged review to @card; out-of-range ratings in the log are
 * read as Again, the rating that asks soonest. */
static void
replay_one (AkFsrsCard *card,
            const char *key,
            gint64      reviewed,
            gint64      rating)
{
  if (!ak_fsrs_rating_is_valid ((int)CLAMP (rating, 0, 5)))
    rating = AK_RATING_AGAIN;
  ak_fsrs_card_review (card, MAX (reviewed, 0), (AkRating)rating, key, TIME_ZONE);
}

/* Rebuilds the state of one question from its reviews. */
static gboolean
replay_question (AkProgressStore  *self,
                 const char       *course_id,
                 const char       *question_id,
                 GError          **error)
{
  g_autoptr(AkStatement) reviews = ak_progress_store_statement (self, select_reviews_sql, error);
  g_autoptr(AkStatement) upsert = NULL;
  g_autoptr(AkStatement) delete = NULL;
  g_autofree char *key = fuzz_key (course_id, question_id);
  gint64 learner_id = ak_progress_store_get_learner_id (self);
  AkFsrsCard card = { { 0, 0 }, 0, 0, 0, 0 };
  int rc;

  if (reviews == NULL
      || (upsert = ak_progress_store_statement (self, upsert_state_sql, error)) == NULL
      || (delete = ak_progress_store_statement (self, delete_state_sql, error)) == NULL)
    return FALSE;

  bind_key (reviews, learner_id, course_id, question_id);
  while ((rc = sqlite3_step (reviews)) == SQLITE_ROW)
    replay_one (&card, key, sqlite3_column_int64 (reviews, 0), sqlite3_column_int64 (reviews, 1));
  if (!ak_progress_store_check (self, rc, error))
    return FALSE;

  if (card.reps == 0)
    {
      bind_key (delete, learner_id, course_id, question_id);
      return ak_progress_store_check (self, sqlite3_step (delete), error);
    }
  return ak_progress_store_check (self,
                                  write_card (upsert, learner_id, course_id, question_id, &card),
                                  error);
}

/*
 * Logs an answer as a review and updates the question's memory state.
 * Called inside the transaction that records the answer. A stored state
 * that is out of range is not trusted: the state is rebuilt from the log.
 */
gboolean
ak_progress_memory_add_review (AkProgressStore  *self,
                               const char       *course_id,
                               const char       *question_id,
                               const char       *kind,
                               AkRating          rating,
                               gint64            time,
                               GError          **error)
{
  g_autoptr(AkStatement) insert = ak_progress_store_statement (self, insert_review_sql, error);
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(AkStatement) upsert = NULL;
  g_autofree char *key = fuzz_key (course_id, question_id);
  gint64 learner_id = ak_progress_store_get_learner_id (self);
  AkFsrsCard card = { { 0, 0 }, 0, 0, 0, 0 };
  int rc;

  if (insert == NULL
      || (select = ak_progress_store_statement (self, select_state_sql, error)) == NULL
      || (upsert = ak_progress_store_statement (self, upsert_state_sql, error)) == NULL)
    return FALSE;

  bind_key (insert, learner_id, course_id, question_id);
  sqlite3_bind_int64 (insert, 4, time);
  sqlite3_bind_text (insert, 5, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 6, rating);
  if (!ak_progress_store_check (self, sqlite3_step (insert), error))
    return FALSE;

  bind_key (select, learner_id, course_id, question_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW && !read_card (select, 0, &card))
    return replay_question (self, course_id, question_id, error);
  if (!ak_progress_store_check (self, rc, error))
    return FALSE;
  /* Answers are logged in time order unless the clock was set back. */
  if (rc == SQLITE_ROW && time < card.last_review)
    return replay_question (self, course_id, question_id, error);

  ak_fsrs_card_review (&card, time, rating, key, TIME_ZONE);
  return ak_progress_store_check (self,
                                  write_card (upsert, learner_id, course_id, question_id, &card),
                                  error);
}

/*
 * Builds every memory state by replaying the review log in time order;
 * with @from_answers, logs every answer as a review first (a database
 * from before version 4, or one salvaged from such a file), rated from
 * its score as a new answer would be.
 */
gboolean
ak_progress_memory_backfill (sqlite3   *db,
                             gboolean   from_answers,
                             GError   **error)
{
#define RATING(score) \
  "CASE WHEN " score " >= 1.0 - 1e-9 THEN 3 WHEN " score " > 1e-9 THEN 2 ELSE 1 END"
  static const char log_sql[] =
    "INSERT INTO review (learner_id, course_id, question_id, reviewed, kind, graded, rating)"
    " SELECT learner_id, course_id, question_id, answered, kind, rating, rating FROM ("
    "   SELECT attempt.learner_id, attempt.course_id, answer.question_id, answer.answered,"
    "          'quiz' AS kind, " RATING ("answer.score") " AS rating, 0 AS source,"
    "          answer.id AS source_id"
    "     FROM answer JOIN attempt ON attempt.id = answer.attempt_id"
    "   UNION ALL"
    "   SELECT learner_id, course_id, question_id, answered, 'practice', " RATING ("score") ","
    "          1, id"
    "     FROM practice_answer"
    " ) ORDER BY answered, source, source_id";
#undef RATING
  sqlite3_stmt *reviews = NULL;
  sqlite3_stmt *upsert = NULL;
  g_autofree char *learner_course = NULL;
  g_autofree char *question = NULL;
  gint64 learner_id = 0;
  AkFsrsCard card = { { 0, 0 }, 0, 0, 0, 0 };
  g_autofree char *key = NULL;
  int rc = SQLITE_OK;

  if (from_answers)
    {
      rc = sqlite3_exec (db, log_sql, NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "DELETE FROM memory_state", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT learner_id, course_id, question_id, reviewed, rating"
                             "  FROM review"
                             " WHERE typeof (course_id) = 'text' AND typeof (question_id) = 'text'"
                             " ORDER BY learner_id, course_id, question_id, reviewed, id",
                             -1, &reviews, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, upsert_state_sql, -1, &upsert, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (reviews)) == SQLITE_ROW)
    {
      gint64 row_learner = sqlite3_column_int64 (reviews, 0);
      const char *course_id = (const char *)sqlite3_column_text (reviews, 1);
      const char *question_id = (const char *)sqlite3_column_text (reviews, 2);

      if (card.reps > 0
          && (row_learner != learner_id || g_strcmp0 (course_id, learner_course) != 0
              || g_strcmp0 (question_id, question) != 0))
        {
          rc = write_card (upsert, learner_id, learner_course, question, &card);
          if (rc != SQLITE_DONE)
            break;
          memset (&card, 0, sizeof card);
        }
      if (card.reps == 0)
        {
          learner_id = row_learner;
          g_free (learner_course);
          learner_course = g_strdup (course_id);
          g_free (question);
          question = g_strdup (question_id);
          g_free (key);
          key = fuzz_key (course_id, question_id);
        }
      replay_one (&card, key, sqlite3_column_int64 (reviews, 3),
                  sqlite3_column_int64 (reviews, 4));
      rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE && card.reps > 0)
    rc = write_card (upsert, learner_id, learner_course, question, &card);
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;

  if (rc != SQLITE_OK)
    ak_progress_set_sqlite_error (error, db, rc);
  sqlite3_finalize (reviews);
  sqlite3_finalize (upsert);
  return rc == SQLITE_OK;
}

/**
 * ak_progress_store_override_rating:
 * @override: what the learner said after seeing the feedback
 * @rating: (out) (optional): the rating the answer has now
 *
 * Rewrites the rating of the latest answer to a question ("Das wusste
 * ich sicher", "Geraten"; see ak_fsrs_rating_override()) and rebuilds
 * the question's memory state, in one transaction. The override applies
 * to the rating grading gave, so saying it twice changes nothing, and
 * %AK_RATING_OVERRIDE_NONE takes it back. %AK_PROGRESS_ERROR_NOT_FOUND
 * when the question was never answered.
 */
gboolean
ak_progress_store_override_rating (AkProgressStore   *self,
                                   const char        *course_id,
                                   const char        *question_id,
                                   AkRatingOverride   override,
                                   AkRating          *rating,
                                   GError           **error)
{
  static const char select_sql[] =
    "SELECT id, graded FROM review WHERE learner_id = ?1 AND course_id = ?2 AND question_id = ?3"
    " ORDER BY reviewed DESC, id DESC LIMIT 1";
  static const char update_sql[] =
    "UPDATE review SET rating = ?2 WHERE id = ?1";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(AkStatement) update = NULL;
  AkRating new_rating = AK_RATING_AGAIN;
  gboolean ok;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && question_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ak_progress_store_begin (self, error))
    return FALSE;

  select = ak_progress_store_statement (self, select_sql, error);
  update = select == NULL ? NULL : ak_progress_store_statement (self, update_sql, error);
  ok = update != NULL;
  if (ok)
    {
      bind_key (select, ak_progress_store_get_learner_id (self), course_id, question_id);
      rc = sqlite3_step (select);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_NOT_FOUND,
                               _("This question has not been answered yet."));
          ok = FALSE;
        }
      else
        ok = ak_progress_store_check (self, rc, error)
             && ak_progress_row_check (select, 0, "ii", error);
    }
  if (ok)
    {
      gint64 graded = sqlite3_column_int64 (select, 1);

      if (!ak_fsrs_rating_is_valid ((int)CLAMP (graded, 0, 5)))
        graded = AK_RATING_AGAIN;
      new_rating = ak_fsrs_rating_override ((AkRating)graded, override);
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_int (update, 2, new_rating);
      ok = ak_progress_store_check (self, sqlite3_step (update), error)
           && replay_question (self, course_id, question_id, error);
    }

  if (!ak_progress_store_end (self, ok, error))
    return FALSE;
  if (rating != NULL)
    *rating = new_rating;
  g_signal_emit_by_name (self, "changed", course_id);
  return TRUE;
}

/**
 * ak_progress_store_get_memory:
 * @card: (out caller-allocates): the question's review record
 *
 * Returns: %TRUE with @card filled; %FALSE with @card all zero when the
 *   question has no (valid) memory state, or with @error set
 */
gboolean
ak_progress_store_get_memory (AkProgressStore  *self,
                              const char       *course_id,
                              const char       *question_id,
                              AkFsrsCard       *card,
                              GError          **error)
{
  g_autoptr(AkStatement) select = NULL;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && question_id != NULL && card != NULL, FALSE);

  memset (card, 0, sizeof *card);
  select = ak_progress_store_statement (self, select_state_sql, error);
  if (select == NULL)
    return FALSE;
  bind_key (select, ak_progress_store_get_learner_id (self), course_id, question_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    {
      if (read_card (select, 0, card))
        return TRUE;
      memset (card, 0, sizeof *card);
      return FALSE;
    }
  ak_progress_store_check (self, rc, error);
  return FALSE;
}

/**
 * ak_progress_store_foreach_memory:
 * @max_due_day: the last review day to include; G_MAXINT64 for all
 * @func: called for each question due by then, in no particular order
 *
 * Walks the memory states. Rows with values out of range (a file edited
 * by hand) are left out; the next answer to the question rebuilds them.
 */
gboolean
ak_progress_store_foreach_memory (AkProgressStore       *self,
                                  gint64                 max_due_day,
                                  AkProgressMemoryFunc   func,
                                  gpointer               user_data,
                                  GError               **error)
{
  static const char sql[] =
    "SELECT course_id, question_id, stability, difficulty, due_day, last_review, reps, lapses"
    "  FROM memory_state WHERE learner_id = ?1 AND due_day <= ?2";
  g_autoptr(AkStatement) select = NULL;
  AkProgressMemory memory;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_int64 (select, 2, max_due_day);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (select, 0) != SQLITE_TEXT
          || sqlite3_column_type (select, 1) != SQLITE_TEXT
          || !read_card (select, 2, &memory.card))
        continue;
      memory.course_id = (const char *)sqlite3_column_text (select, 0);
      memory.question_id = (const char *)sqlite3_column_text (select, 1);
      if (!func (&memory, user_data))
        return TRUE;
    }
  return ak_progress_store_check (self, rc, error);
}

/**
 * ak_progress_store_count_reviews:
 * @since: a time, microseconds since the Unix epoch
 * @n_reviews: (out): answers given in the daily review since then
 */
gboolean
ak_progress_store_count_reviews (AkProgressStore  *self,
                                 gint64            since,
                                 guint            *n_reviews,
                                 GError          **error)
{
  static const char sql[] =
    "SELECT count(*) FROM review WHERE learner_id = ?1 AND reviewed >= ?2 AND kind = 'review'";
  g_autoptr(AkStatement) select = NULL;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (n_reviews != NULL, FALSE);

  *n_reviews = 0;
  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_int64 (select, 2, since);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    *n_reviews = (guint)CLAMP (sqlite3_column_int64 (select, 0), 0, G_MAXUINT);
  return ak_progress_store_check (self, rc, error);
}

/**
 * ak_progress_store_get_today:
 *
 * Returns: the review day it is now by the store's clock (see
 *   ak_fsrs_day())
 */
gint64
ak_progress_store_get_today (AkProgressStore *self)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), 0);
  return ak_fsrs_day (ak_progress_store_now (self), TIME_ZONE);
}

/* Whether the database has the review log: a file of an older version,
 * opened read-only for the export, has not. */
gboolean
ak_progress_store_has_memory (AkProgressStore *self)
{
  static const char sql[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'memory_state'";
  g_autoptr(AkStatement) select = ak_progress_store_statement (self, sql, NULL);

  return select != NULL && sqlite3_step (select) == SQLITE_ROW
         && sqlite3_column_int (select, 0) == 1;
}
