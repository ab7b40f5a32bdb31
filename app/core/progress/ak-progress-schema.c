/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"
#define _GNU_SOURCE /* renameat2 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ak-progress-store-private.h"

/*
 * Opening the progress database: the schema and its forward migrations,
 * and what happens to a file that is damaged.
 *
 * The schema version lives in PRAGMA user_version. Each step below brings
 * the database from version i to i + 1; all pending steps run in one
 * transaction, so a database is either migrated completely or not at all.
 * Steps are never edited once released: a change is a new step.
 */

/* 1: the learner, lessons, quiz attempts and answers. */
static const char schema_v1[] =
  "CREATE TABLE learner ("
  "  id            INTEGER PRIMARY KEY,"
  "  user_name     TEXT NOT NULL UNIQUE,"
  "  display_name  TEXT NOT NULL,"
  "  created       INTEGER NOT NULL"
  ");"
  "CREATE TABLE lesson ("
  "  learner_id    INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  course_id     TEXT NOT NULL,"
  "  lesson_id     TEXT NOT NULL,"
  "  first_opened  INTEGER NOT NULL,"
  "  last_opened   INTEGER NOT NULL,"
  "  completed     INTEGER,"
  "  seconds       REAL NOT NULL DEFAULT 0,"
  "  section_id    TEXT,"
  "  PRIMARY KEY (learner_id, course_id, lesson_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE attempt ("
  "  id             INTEGER PRIMARY KEY,"
  "  learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  course_id      TEXT NOT NULL,"
  "  quiz_id        TEXT NOT NULL,"
  "  course_version TEXT NOT NULL,"
  "  quiz_hash      TEXT NOT NULL,"
  "  state          TEXT NOT NULL DEFAULT 'in-progress'"
  "                 CHECK (state IN ('in-progress', 'finished', 'abandoned')),"
  "  started        INTEGER NOT NULL,"
  "  finished       INTEGER,"
  "  score          REAL,"
  "  max_score      REAL,"
  "  passed         INTEGER,"
  "  seconds        REAL NOT NULL DEFAULT 0,"
  "  question_order TEXT NOT NULL DEFAULT '',"
  "  position       INTEGER NOT NULL DEFAULT 0"
  ");"
  /* At most one attempt per quiz is in progress; it is the one to resume. */
  "CREATE UNIQUE INDEX attempt_in_progress ON attempt (learner_id, course_id, quiz_id)"
  "  WHERE state = 'in-progress';"
  "CREATE TABLE answer ("
  "  id            INTEGER PRIMARY KEY,"
  "  attempt_id    INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,"
  "  question_id   TEXT NOT NULL,"
  "  question_hash TEXT NOT NULL,"
  "  response      TEXT NOT NULL,"
  "  score         REAL NOT NULL CHECK (score >= 0 AND score <= 1),"
  "  answered      INTEGER NOT NULL,"
  "  seconds       REAL NOT NULL,"
  "  UNIQUE (attempt_id, question_id)"
  ");";

/* 2: running totals per question version and per day, kept up to date by
 * every answer, so that mastery and activity do not read every answer;
 * and an index for the per-quiz queries. */
static const char schema_v2[] =
  "CREATE TABLE question_stat ("
  "  learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  course_id      TEXT NOT NULL,"
  "  question_id    TEXT NOT NULL,"
  "  question_hash  TEXT NOT NULL,"
  "  n_answers      INTEGER NOT NULL,"
  "  weighted_score REAL NOT NULL,"
  "  weight         REAL NOT NULL,"
  "  last_answered  INTEGER NOT NULL,"
  "  PRIMARY KEY (learner_id, course_id, question_id, question_hash)"
  ") WITHOUT ROWID;"
  "CREATE TABLE activity_day ("
  "  learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  day            TEXT NOT NULL,"
  "  course_id      TEXT NOT NULL,"
  "  n_answers      INTEGER NOT NULL,"
  "  score_sum      REAL NOT NULL,"
  "  seconds        REAL NOT NULL,"
  "  PRIMARY KEY (learner_id, day, course_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX attempt_by_quiz ON attempt (learner_id, course_id, quiz_id, state, finished);";

/* 3: answers given while practising the questions missed in an attempt.
 * They belong to no attempt, so that attempts, scores and passes count
 * real attempts only; they count towards mastery and activity as any
 * answer does. */
static const char schema_v3[] =
  "CREATE TABLE practice_answer ("
  "  id            INTEGER PRIMARY KEY,"
  "  learner_id    INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  course_id     TEXT NOT NULL,"
  "  quiz_id       TEXT NOT NULL,"
  "  question_id   TEXT NOT NULL,"
  "  question_hash TEXT NOT NULL,"
  "  response      TEXT NOT NULL,"
  "  score         REAL NOT NULL CHECK (score >= 0 AND score <= 1),"
  "  answered      INTEGER NOT NULL,"
  "  seconds       REAL NOT NULL"
  ");"
  "CREATE INDEX practice_answer_by_quiz ON practice_answer (learner_id, course_id, quiz_id);";

/* 4: the review log and each question's memory state for the FSRS-6
 * scheduler. Every answer (in a quiz, in practice, in a review) is a
 * review: it is the learner recalling the answer. @graded is the rating
 * grading gave; @rating what the learner made of it ("Geraten").
 * due_day is a review day (days since 1970-01-01, each starting at 4 a.m.
 * local time); reviewed and last_review are times as everywhere else. */
static const char schema_v4[] =
  "CREATE TABLE review ("
  "  id            INTEGER PRIMARY KEY,"
  "  learner_id    INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  course_id     TEXT NOT NULL,"
  "  question_id   TEXT NOT NULL,"
  "  reviewed      INTEGER NOT NULL,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('quiz', 'practice', 'review')),"
  "  graded        INTEGER NOT NULL CHECK (graded BETWEEN 1 AND 4),"
  "  rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4)"
  ");"
  "CREATE INDEX review_by_question ON review (learner_id, course_id, question_id, reviewed);"
  "CREATE INDEX review_by_time ON review (learner_id, reviewed);"
  "CREATE TABLE memory_state ("
  "  learner_id    INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,"
  "  course_id     TEXT NOT NULL,"
  "  question_id   TEXT NOT NULL,"
  "  stability     REAL NOT NULL,"
  "  difficulty    REAL NOT NULL,"
  "  due_day       INTEGER NOT NULL,"
  "  last_review   INTEGER NOT NULL,"
  "  reps          INTEGER NOT NULL,"
  "  lapses        INTEGER NOT NULL,"
  "  PRIMARY KEY (learner_id, course_id, question_id)"
  ") WITHOUT ROWID;"
  /* Covering: the review queue reads the due states from the index alone. */
  "CREATE INDEX memory_state_by_due ON memory_state (learner_id, due_day, stability,"
  "  difficulty, last_review, reps, lapses);";

/* The mastery weights: the newest answer to a question version weighs 1,
 * each earlier one half as much as the one after it. Kept as running sums,
 * so that a new answer only halves the old ones. */
const char ak_progress_question_stat_upsert_sql[] =
  "INSERT INTO question_stat (learner_id, course_id, question_id, question_hash,"
  "                           n_answers, weighted_score, weight, last_answered)"
  " VALUES (?1, ?2, ?3, ?4, 1, ?5, 1.0, ?6)"
  " ON CONFLICT DO UPDATE SET n_answers = n_answers + 1,"
  "   weighted_score = excluded.weighted_score + 0.5 * weighted_score,"
  "   weight = 1.0 + 0.5 * weight,"
  "   last_answered = excluded.last_answered";

const char ak_progress_activity_day_upsert_sql[] =
  "INSERT INTO activity_day (learner_id, day, course_id, n_answers, score_sum, seconds)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
  " ON CONFLICT DO UPDATE SET n_answers = n_answers + excluded.n_answers,"
  "   score_sum = score_sum + excluded.score_sum,"
  "   seconds = seconds + excluded.seconds";

static gboolean backfill_v2 (sqlite3 *db, GError **error);
static gboolean backfill_v4 (sqlite3 *db, GError **error);

static const struct
{
  const char *sql;
  gboolean  (*backfill) (sqlite3 *db, GError **error);
} migrations[] = {
  { schema_v1, NULL },
  { schema_v2, backfill_v2 },
  { schema_v3, NULL },
  { schema_v4, backfill_v4 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == AK_PROGRESS_SCHEMA_VERSION);

/* The versions this build can read or migrate: 0 (a file SQLite has just
 * made) up to its own. user_version is a signed number in the file: what
 * lies outside was not written by Akademie, or by a newer one. */
gboolean
ak_progress_schema_version_is_known (int version)
{
  return version >= 0 && version <= AK_PROGRESS_SCHEMA_VERSION;
}

/* What each table's rows must hold, by the version that made the table:
 * SQLite keeps any value in any column, and an edited file may have lost
 * its NOT NULL constraints. */
#define IS(column, type) "typeof (" column ") = '" type "'"
#define NUMBER(column) "typeof (" column ") IN ('integer', 'real')"
#define OR_NULL(column, types) "typeof (" column ") IN (" types ", 'null')"
static const struct
{
  int         version;
  const char *table;
  const char *condition;
} row_checks[] = {
  { 1, "learner", IS ("id", "integer") " AND " IS ("user_name", "text") " AND "
                  IS ("display_name", "text") " AND " IS ("created", "integer") },
  { 1, "lesson", IS ("learner_id", "integer") " AND " IS ("course_id", "text") " AND "
                 IS ("lesson_id", "text") " AND " IS ("first_opened", "integer") " AND "
                 IS ("last_opened", "integer") " AND " OR_NULL ("completed", "'integer'") " AND "
                 NUMBER ("seconds") " AND " OR_NULL ("section_id", "'text'") },
  { 1, "attempt", IS ("id", "integer") " AND " IS ("learner_id", "integer") " AND "
                  IS ("course_id", "text") " AND " IS ("quiz_id", "text") " AND "
                  IS ("course_version", "text") " AND " IS ("quiz_hash", "text") " AND "
                  IS ("state", "text") " AND state IN ('in-progress', 'finished', 'abandoned')"
                  " AND " IS ("started", "integer") " AND " OR_NULL ("finished", "'integer'")
                  " AND " OR_NULL ("score", "'integer', 'real'") " AND "
                  OR_NULL ("max_score", "'integer', 'real'") " AND "
                  OR_NULL ("passed", "'integer'") " AND " NUMBER ("seconds") " AND "
                  IS ("question_order", "text") " AND " IS ("position", "integer") },
  { 1, "answer", IS ("id", "integer") " AND " IS ("attempt_id", "integer") " AND "
                 IS ("question_id", "text") " AND " IS ("question_hash", "text") " AND "
                 IS ("response", "text") " AND " NUMBER ("score") " AND "
                 IS ("answered", "integer") " AND " NUMBER ("seconds") },
  { 2, "question_stat", IS ("learner_id", "integer") " AND " IS ("course_id", "text") " AND "
                        IS ("question_id", "text") " AND " IS ("question_hash", "text") " AND "
                        IS ("n_answers", "integer") " AND " NUMBER ("weighted_score") " AND "
                        NUMBER ("weight") " AND " IS ("last_answered", "integer") },
  { 2, "activity_day", IS ("learner_id", "integer") " AND " IS ("day", "text") " AND "
                       IS ("course_id", "text") " AND " IS ("n_answers", "integer") " AND "
                       NUMBER ("score_sum") " AND " NUMBER ("seconds") },
  { 4, "review", IS ("id", "integer") " AND " IS ("learner_id", "integer") " AND "
                 IS ("course_id", "text") " AND " IS ("question_id", "text") " AND "
                 IS ("reviewed", "integer") " AND " IS ("kind", "text") " AND "
                 IS ("graded", "integer") " AND " IS ("rating", "integer") },
  { 4, "memory_state", IS ("learner_id", "integer") " AND " IS ("course_id", "text") " AND "
                       IS ("question_id", "text") " AND " NUMBER ("stability") " AND "
                       NUMBER ("difficulty") " AND " IS ("due_day", "integer") " AND "
                       IS ("last_review", "integer") " AND " IS ("reps", "integer") " AND "
                       IS ("lapses", "integer") },
};
#undef IS
#undef NUMBER
#undef OR_NULL

static int query_value (sqlite3     *db,
                        const char  *sql,
                        int         *value,
                        char       **text);

/* The schema as sqlite_schema holds it, white space left out (SQLite
 * keeps it as it was written), one object per line. */
static char *
schema_signature (sqlite3 *db)
{
  sqlite3_stmt *statement = NULL;
  GString *signature = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                           " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
                           -1, &statement, NULL);
  while (rc == SQLITE_OK && sqlite3_step (statement) == SQLITE_ROW)
    {
      for (int i = 0; i < 4; i++)
        {
          const char *text = (const char *)sqlite3_column_text (statement, i);

          for (const char *p = text; p != NULL && *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              g_string_append_c (signature, *p);
          g_string_append_c (signature, '|');
        }
      g_string_append_c (signature, '\n');
    }
  sqlite3_finalize (statement);
  return g_string_free (signature, FALSE);
}

/*
 * Checks what PRAGMA quick_check does not: that the schema is the one
 * Akademie made for @version (no constraint dropped, no trigger or view
 * added), and that every row holds the types the code reads. Returns
 * SQLITE_OK and sets @problem for damage, or returns the error.
 */
static int
check_schema_and_rows (sqlite3  *db,
                       int       version,
                       char    **problem)
{
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  sqlite3 *reference = NULL;
  int rc;

  if (version == 0)
    return SQLITE_OK;

  rc = sqlite3_open_v2 (":memory:", &reference, SQLITE_OPEN_READWRITE, NULL);
  for (int i = 0; rc == SQLITE_OK && i < version; i++)
    rc = sqlite3_exec (reference, migrations[i].sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    expected = schema_signature (reference);
  sqlite3_close (reference);
  if (rc != SQLITE_OK)
    return rc;

  actual = schema_signature (db);
  if (!g_str_equal (expected, actual))
    {
      *problem = g_strdup ("the schema was changed");
      return SQLITE_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (row_checks); i++)
    {
      g_autofree char *sql = NULL;
      int n_bad = 0;

      if (row_checks[i].version > version)
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s WHERE NOT (%s) LIMIT 1)",
                             row_checks[i].table, row_checks[i].condition);
      rc = query_value (db, sql, &n_bad, NULL);
      if (rc != SQLITE_OK)
        return rc;
      if (n_bad > 0)
        {
          *problem = g_strdup_printf ("a row of %s does not fit its columns", row_checks[i].table);
          return SQLITE_OK;
        }
    }
  return SQLITE_OK;
}

/* The local calendar day of @time, "YYYY-MM-DD": a learner who studies
 * past midnight has studied on two days. */
char *
ak_progress_day_key (gint64 time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);

  if (date_time == NULL)
    return g_strdup ("1970-01-01");
  return g_date_time_format (date_time, "%Y-%m-%d");
}

static int
step_and_reset (sqlite3_stmt *statement)
{
  int rc = sqlite3_step (statement);

  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return rc;
}

int
ak_progress_add_to_day (sqlite3_stmt *activity_day_upsert,
                        gint64        learner_id,
                        const char   *course_id,
                        gint64        time,
                        guint         n_answers,
                        double        score_sum,
                        double        seconds)
{
  g_autofree char *day = ak_progress_day_key (time);

  sqlite3_bind_int64 (activity_day_upsert, 1, learner_id);
  sqlite3_bind_text (activity_day_upsert, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (activity_day_upsert, 3, course_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (activity_day_upsert, 4, n_answers);
  sqlite3_bind_double (activity_day_upsert, 5, score_sum);
  sqlite3_bind_double (activity_day_upsert, 6, seconds);
  return step_and_reset (activity_day_upsert);
}

/* Adds one answer to the running totals. Returns SQLITE_DONE or the error. */
int
ak_progress_add_answer_to_stats (sqlite3_stmt *question_stat_upsert,
                                 sqlite3_stmt *activity_day_upsert,
                                 gint64        learner_id,
                                 const char   *course_id,
                                 const char   *question_id,
                                 const char   *question_hash,
                                 double        score,
                                 gint64        answered,
                                 double        seconds)
{
  int rc;

  sqlite3_bind_int64 (question_stat_upsert, 1, learner_id);
  sqlite3_bind_text (question_stat_upsert, 2, course_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (question_stat_upsert, 3, question_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (question_stat_upsert, 4, question_hash, -1, SQLITE_STATIC);
  sqlite3_bind_double (question_stat_upsert, 5, score);
  sqlite3_bind_int64 (question_stat_upsert, 6, answered);
  rc = step_and_reset (question_stat_upsert);
  if (rc != SQLITE_DONE)
    return rc;
  return ak_progress_add_to_day (activity_day_upsert, learner_id, course_id, answered,
                                 1, score, seconds);
}

/* Builds the running totals from the answers and lessons of version 1. It
 * kept no reading time per day, so a lesson's time counts on the day it
 * was last opened. */
static gboolean
backfill_v2 (sqlite3  *db,
             GError  **error)
{
  sqlite3_stmt *answers = NULL;
  sqlite3_stmt *lessons = NULL;
  sqlite3_stmt *stat_upsert = NULL;
  sqlite3_stmt *day_upsert = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT attempt.learner_id, attempt.course_id, answer.question_id,"
                           "       answer.question_hash, answer.score, answer.answered,"
                           "       answer.seconds"
                           "  FROM answer JOIN attempt ON attempt.id = answer.attempt_id"
                           " ORDER BY answer.answered, answer.id",
                           -1, &answers, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT learner_id, course_id, last_opened, seconds"
                             "  FROM lesson WHERE seconds > 0",
                             -1, &lessons, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, ak_progress_question_stat_upsert_sql, -1, &stat_upsert, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, ak_progress_activity_day_upsert_sql, -1, &day_upsert, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (answers)) == SQLITE_ROW)
    {
      rc = ak_progress_add_answer_to_stats (stat_upsert, day_upsert,
                                            sqlite3_column_int64 (answers, 0),
                                            (const char *)sqlite3_column_text (answers, 1),
                                            (const char *)sqlite3_column_text (answers, 2),
                                            (const char *)sqlite3_column_text (answers, 3),
                                            sqlite3_column_double (answers, 4),
                                            sqlite3_column_int64 (answers, 5),
                                            sqlite3_column_double (answers, 6));
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;

  while (rc == SQLITE_OK && (rc = sqlite3_step (lessons)) == SQLITE_ROW)
    {
      rc = ak_progress_add_to_day (day_upsert,
                                   sqlite3_column_int64 (lessons, 0),
                                   (const char *)sqlite3_column_text (lessons, 1),
                                   sqlite3_column_int64 (lessons, 2),
                                   0, 0.0, sqlite3_column_double (lessons, 3));
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;

  if (rc != SQLITE_OK)
    ak_progress_set_sqlite_error (error, db, rc);

  sqlite3_finalize (answers);
  sqlite3_finalize (lessons);
  sqlite3_finalize (stat_upsert);
  sqlite3_finalize (day_upsert);
  return rc == SQLITE_OK;
}

/* Every answer so far becomes a review, rated from its score, and the
 * memory states are built by replaying them in time order. */
static gboolean
backfill_v4 (sqlite3  *db,
             GError  **error)
{
  return ak_progress_memory_backfill (db, TRUE, error);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement that returns one row and reads its first column: an
 * integer, or text into @text when that is given. */
static int
query_value (sqlite3     *db,
             const char  *sql,
             int         *value,
             char       **text)
{
  sqlite3_stmt *statement = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &statement, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          if (value != NULL)
            *value = sqlite3_column_int (statement, 0);
          if (text != NULL)
            *text = g_strdup ((const char *)sqlite3_column_text (statement, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (statement);
  return rc;
}

static void
rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static void
set_too_new_error (GError     **error,
                   const char  *path,
                   int          version)
{
  g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_TOO_NEW,
               /* Translators: "format" is the version of the database layout */
               _("Your progress database “%s” was saved by a newer version of Akademie "
                 "(format %d; this version reads up to format %d). It has been left unchanged. "
                 "Please update Akademie."),
               path, version, AK_PROGRESS_SCHEMA_VERSION);
}

/* Brings @db to the current version in one transaction. Another process
 * may have done so meanwhile: the version is read again once the write
 * lock is held. */
static gboolean
migrate (sqlite3     *db,
         const char  *path,
         GError     **error)
{
  g_autofree char *sql = NULL;
  int version = 0;
  int rc;

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  rc = query_value (db, "PRAGMA user_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, db, rc);
      rollback (db);
      return FALSE;
    }
  if (version > AK_PROGRESS_SCHEMA_VERSION)
    {
      rollback (db);
      set_too_new_error (error, path, version);
      return FALSE;
    }
  if (!ak_progress_schema_version_is_known (version))
    {
      /* Checked on opening already; only another process can have
       * written it since. Never an index into the steps. */
      rollback (db);
      g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                   _("Your progress database “%s” is damaged. Restart Akademie to move it "
                     "aside and start a new one."),
                   path);
      return FALSE;
    }

  for (int i = version; i < AK_PROGRESS_SCHEMA_VERSION; i++)
    {
      if (!exec_sql (db, migrations[i].sql, error)
          || (migrations[i].backfill != NULL && !migrations[i].backfill (db, error)))
        {
          rollback (db);
          g_prefix_error (error,
                          /* Translators: the start of a longer message; %s is a file */
                          _("Your progress database “%s” could not be updated: "),
                          path);
          return FALSE;
        }
    }

  if (version < AK_PROGRESS_SCHEMA_VERSION)
    {
      sql = g_strdup_printf ("PRAGMA user_version = %d", AK_PROGRESS_SCHEMA_VERSION);
      if (!exec_sql (db, sql, error))
        {
          rollback (db);
          return FALSE;
        }
    }
  if (!exec_sql (db, "COMMIT", error))
    {
      rollback (db);
      return FALSE;
    }
  if (version > 0 && version < AK_PROGRESS_SCHEMA_VERSION)
    g_debug ("Migrated %s from version %d to %d", path, version, AK_PROGRESS_SCHEMA_VERSION);
  return TRUE;
}

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/*
 * A new database is built under a temporary name and linked into place
 * when complete. Nobody ever sees a half-made database, so an empty or
 * unreadable file at @path always means damage; and when two processes
 * start at once, the first link wins and the other one opens its result.
 */
static gboolean
create_database (const char  *path,
                 GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, ".new-XXXXXX", NULL);
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int fd;
  int rc;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      ak_progress_set_errno_error (error, saved_errno,
                                   _("Akademie cannot create its progress database “%s”: %s"),
                                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temporary, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    ak_progress_set_sqlite_error (error, db, rc);
  else
    ok = exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error)
         && migrate (db, path, error);
  /* Closing the last connection folds the WAL into the file. */
  rc = sqlite3_close (db);
  if (ok && rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, NULL, rc);
      ok = FALSE;
    }

  if (ok && link (temporary, path) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      /* Some file systems have no hard links; there a rename has to do. */
      if (saved_errno == EPERM || saved_errno == ENOTSUP)
        saved_errno = g_file_test (path, G_FILE_TEST_EXISTS)
                      || g_rename (temporary, path) == 0 ? 0 : errno;
      if (saved_errno != 0)
        {
          ak_progress_set_errno_error (error, saved_errno,
                                       _("Akademie cannot create its progress database “%s”: %s"),
                                       path, g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  /* The temporary files hold no learner data, only an empty schema. */
  remove_database_files (temporary);
  return ok;
}

/* Renames without replacing anything that exists. */
static int
rename_no_replace (const char *from,
                   const char *to)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return -1;
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return -1;
    }
  return g_rename (from, to);
}

/*
 * Moves a damaged database (and its WAL and shared-memory files) to
 * "<path>.damaged-<timestamp>"; nothing is ever deleted. @seen is what was
 * examined: if @path has been replaced since, by another process that
 * recovered first, nothing is moved and NULL is returned without an error.
 */
static char *
move_aside (const char         *path,
            const struct stat  *seen,
            GError            **error)
{
  static const char *const companions[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  struct stat current;

  if (stat (path, &current) != 0
      || current.st_dev != seen->st_dev || current.st_ino != seen->st_ino)
    return NULL;

  for (guint i = 1; ; i++)
    {
      g_free (target);
      target = i == 1 ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                      : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, i);
      if (rename_no_replace (path, target) == 0)
        break;
      if (errno != EEXIST && errno != ENOTEMPTY)
        {
          int saved_errno = errno;

          g_set_error (error, AK_PROGRESS_ERROR,
                       ak_progress_error_from_errno (saved_errno, AK_PROGRESS_ERROR_DAMAGED),
                       _("Your progress database “%s” is damaged and cannot be moved aside: %s"),
                       path, g_strerror (saved_errno));
          return NULL;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (rename_no_replace (from, to) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          /* A WAL left in place would be replayed into the new database. */
          g_set_error (error, AK_PROGRESS_ERROR,
                       ak_progress_error_from_errno (saved_errno, AK_PROGRESS_ERROR_DAMAGED),
                       _("Your progress database “%s” is damaged and cannot be moved aside: %s"),
                       from, g_strerror (saved_errno));
          return NULL;
        }
    }

  return g_steal_pointer (&target);
}

typedef enum
{
  OPEN_OK,
  OPEN_DAMAGED,
  OPEN_FAILED
} OpenResult;

/* What the 100-byte header says, read without SQLite: opening a file
 * makes SQLite roll back a hot journal or fold a WAL into it, and neither
 * may happen to a file that is to be moved aside as it is or to one from a
 * newer Akademie that is to be left alone. Sets @problem for a file that
 * cannot be a database and @version to its user_version; leaves both when
 * the file cannot be read, for SQLite to report. */
static void
read_header (const char  *path,
             char       **problem,
             int         *version)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  guint32 user_version;
  gssize n_read = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  while (n_read < (gssize)sizeof header)
    {
      gssize n = read (fd, header + n_read, sizeof header - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      n_read += n;
    }
  close (fd);

  if (n_read < (gssize)sizeof header)
    *problem = g_strdup ("too short for a database");
  else if (memcmp (header, magic, sizeof magic) != 0)
    *problem = g_strdup ("not a database");
  else
    {
      memcpy (&user_version, header + 60, sizeof user_version);
      *version = (int)GUINT32_FROM_BE (user_version);
      if (*version < 0)
        *problem = g_strdup_printf ("invalid format version %d", *version);
    }
}

/* WAL is what makes synchronous=NORMAL safe; where a file system cannot
 * hold the WAL index, SQLite keeps its rollback journal, and then every
 * commit has to reach the disk. */
static gboolean
set_journal_mode (sqlite3     *db,
                  GError     **error)
{
  g_autofree char *mode = NULL;
  int rc;

  rc = query_value (db, "PRAGMA journal_mode = WAL", NULL, &mode);
  if (rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, db, rc);
      return FALSE;
    }
  if (g_strcmp0 (mode, "wal") == 0)
    return exec_sql (db, "PRAGMA synchronous = NORMAL", error);

  g_debug ("The progress database cannot use a WAL (journal mode %s)", mode);
  return exec_sql (db, "PRAGMA synchronous = FULL", error);
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* The file comes from anywhere: its schema may run no functions with
 * side effects, and SQL may not write its internals. */
static void
distrust_schema (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
}

/*
 * PRAGMA quick_check does not compare indexes with their tables; a query
 * that uses a stale index fails as damaged. Checks them, and where
 * @repaired is given, rebuilds them (REINDEX loses nothing: an index only
 * repeats its table) and sets it. Sets @problem when they stay wrong.
 */
static int
check_indexes (sqlite3   *db,
               gboolean  *repaired,
               char     **problem)
{
  g_autofree char *result = NULL;
  int rc;

  rc = query_value (db, "PRAGMA integrity_check (1)", NULL, &result);
  if (rc != SQLITE_OK || g_strcmp0 (result, "ok") == 0)
    return rc;
  if (repaired != NULL && sqlite3_exec (db, "REINDEX", NULL, NULL, NULL) == SQLITE_OK)
    {
      g_clear_pointer (&result, g_free);
      rc = query_value (db, "PRAGMA integrity_check (1)", NULL, &result);
      if (rc == SQLITE_OK && g_strcmp0 (result, "ok") == 0)
        {
          *repaired = TRUE;
          return SQLITE_OK;
        }
    }
  *problem = g_steal_pointer (&result);
  return rc;
}

/* Checks an existing file before anything is written to it. */
static OpenResult
open_existing (const char  *path,
               sqlite3    **db_out,
               char       **problem,
               gboolean    *repaired,
               GError     **error)
{
  sqlite3 *db = NULL;
  int version = 0;
  int n_objects = 0;
  int rc;

  /* A store is used from one thread: no mutex around every column read. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE
                                   | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    distrust_schema (db);
  if (rc != SQLITE_OK)
    {
      int saved_errno = sqlite3_system_errno (db);

      if (saved_errno != 0)
        ak_progress_set_errno_error (error, saved_errno,
                                     _("Akademie cannot open your progress database “%s”: %s"),
                                     path, g_strerror (saved_errno));
      else
        ak_progress_set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return OPEN_FAILED;
    }

  /* SQLite falls back to reading when the file cannot be written. */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_READ_ONLY,
                   _("Akademie cannot save your progress because “%s” is read-only."), path);
      sqlite3_close (db);
      return OPEN_FAILED;
    }

  sqlite3_busy_timeout (db, AK_PROGRESS_BUSY_TIMEOUT_MS);

  /* The header said otherwise, but the newer version is in the WAL. */
  rc = query_value (db, "PRAGMA user_version", &version, NULL);
  if (rc == SQLITE_OK && version > AK_PROGRESS_SCHEMA_VERSION)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close (db);
      set_too_new_error (error, path, version);
      return OPEN_FAILED;
    }
  if (rc == SQLITE_OK && !ak_progress_schema_version_is_known (version))
    *problem = g_strdup_printf ("invalid format version %d", version);
  if (rc == SQLITE_OK && *problem == NULL)
    rc = query_value (db, "PRAGMA quick_check", NULL, problem);
  if (rc == SQLITE_OK && *problem != NULL && g_str_equal (*problem, "ok"))
    g_clear_pointer (problem, g_free);
  if (rc == SQLITE_OK && *problem == NULL)
    rc = check_schema_and_rows (db, version, problem);
  if (rc == SQLITE_OK && *problem == NULL)
    rc = check_indexes (db, repaired, problem);
  if (rc == SQLITE_OK && *problem == NULL && version == 0)
    {
      /* Every database Akademie makes has a version: tables without one
       * belong to something else. */
      rc = query_value (db, "SELECT count(*) FROM sqlite_schema", &n_objects, NULL);
      if (rc == SQLITE_OK && n_objects > 0)
        *problem = g_strdup ("not an Akademie database");
    }

  if (is_damage (rc) || (rc == SQLITE_OK && *problem != NULL))
    {
      if (*problem == NULL)
        *problem = g_strdup (sqlite3_errmsg (db));
      /* Closing would fold the WAL into the damaged file, or delete a WAL
       * that does not fit it; it is to be moved aside as it is. */
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close (db);
      return OPEN_DAMAGED;
    }
  if (rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return OPEN_FAILED;
    }

  if (!exec_sql (db, "PRAGMA foreign_keys = ON", error)
      || !set_journal_mode (db, error)
      || (version < AK_PROGRESS_SCHEMA_VERSION && !migrate (db, path, error)))
    {
      sqlite3_close (db);
      return OPEN_FAILED;
    }

  *db_out = db;
  return OPEN_OK;
}

/**
 * ak_progress_schema_open:
 * @report: (out caller-allocates): what was found and done, to be freed
 *   with ak_progress_open_report_clear()
 *
 * Opens the database at @path, creating it when there is none and
 * migrating it to the current version. A file that is not a database, is
 * empty, is not a file at all or fails the checks is moved aside, a new
 * database is created in its place, and what can still be read of the
 * old one is copied into it. Stale indexes are rebuilt.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
sqlite3 *
ak_progress_schema_open (const char            *path,
                         AkProgressOpenReport  *report,
                         GError               **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  char **damaged_path = &report->damaged_path;

  memset (report, 0, sizeof *report);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      ak_progress_set_errno_error (
        error, saved_errno,
        _("Akademie cannot create the folder “%s” for your progress: %s"),
        folder, g_strerror (saved_errno));
      return NULL;
    }

  /* Each round either opens the file, or creates or moves aside one; a
   * few rounds allow for another process doing the same at the same time. */
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *problem = NULL;
      g_autofree char *aside = NULL;
      g_autoptr(GError) move_error = NULL;
      sqlite3 *db = NULL;
      struct stat seen;
      int version = 0;

      if (stat (path, &seen) != 0)
        {
          int saved_errno = errno;
          g_autofree char *target = NULL;

          /* A link to nothing: creating the file would not replace it. */
          if (saved_errno == ENOENT && (target = g_file_read_link (path, NULL)) != NULL)
            {
              g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                           _("Your progress database “%s” is a link to “%s”, which does not "
                             "exist. Restore the file it points to, or remove the link to "
                             "start anew."),
                           path, target);
              return NULL;
            }
          if (saved_errno != ENOENT)
            {
              ak_progress_set_errno_error (
                error, saved_errno,
                _("Akademie cannot open your progress database “%s”: %s"),
                path, g_strerror (saved_errno));
              return NULL;
            }
          if (!create_database (path, error))
            return NULL;
          continue;
        }

      if (!S_ISREG (seen.st_mode))
        problem = g_strdup ("not a regular file");
      else if (seen.st_size == 0)
        problem = g_strdup ("empty file");
      else
        read_header (path, &problem, &version);

      if (problem == NULL && version > AK_PROGRESS_SCHEMA_VERSION)
        {
          set_too_new_error (error, path, version);
          return NULL;
        }
      if (problem == NULL)
        switch (open_existing (path, &db, &problem, &report->repaired, error))
          {
          case OPEN_OK:
            if (*damaged_path != NULL)
              report->salvaged = ak_progress_salvage (db, *damaged_path,
                                                      &report->n_answers_kept,
                                                      &report->n_answers_total);
            return db;
          case OPEN_FAILED:
            return NULL;
          case OPEN_DAMAGED:
          default:
            break;
          }

      if (*damaged_path != NULL)
        {
          /* The database this call created (and filled) is damaged too: something is
           * wrong with the disk, not with the file. */
          g_debug ("The new progress database %s is damaged too (%s)", path, problem);
          g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                       _("Akademie cannot create a working progress database at “%s”."),
                       path);
          g_clear_pointer (damaged_path, g_free);
          return NULL;
        }

      aside = move_aside (path, &seen, &move_error);
      if (move_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&move_error));
          return NULL;
        }
      if (aside != NULL)
        {
          g_debug ("Moved the damaged progress database %s to %s (%s)", path, aside, problem);
          *damaged_path = g_steal_pointer (&aside);
        }
    }

  g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
               _("Akademie cannot open your progress database “%s” because other programs "
                 "keep replacing it."),
               path);
  return NULL;
}

static void
set_damaged_read_only_error (GError     **error,
                             const char  *path)
{
  g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
               _("Your progress database “%s” is damaged. Start Akademie once to repair it, "
                 "then export again."),
               path);
}

/**
 * ak_progress_schema_open_read_only:
 *
 * Opens @path for reading only, checked as ak_progress_schema_open()
 * checks it, without creating, migrating, repairing or moving anything.
 * Without a file, the database is an empty one in memory. Older versions
 * are opened as they are: the export reads only what version 1 had.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
sqlite3 *
ak_progress_schema_open_read_only (const char  *path,
                                   GError     **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wal = NULL;
  sqlite3 *db = NULL;
  struct stat seen;
  int version = 0;
  int rc;

  if (stat (path, &seen) != 0)
    {
      int saved_errno = errno;
      g_autofree char *target = NULL;

      if (saved_errno == ENOENT && (target = g_file_read_link (path, NULL)) != NULL)
        {
          g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                       _("Your progress database “%s” is a link to “%s”, which does not "
                         "exist. Restore the file it points to, or remove the link to "
                         "start anew."),
                       path, target);
          return NULL;
        }
      if (saved_errno != ENOENT)
        {
          ak_progress_set_errno_error (error, saved_errno,
                                       _("Akademie cannot open your progress database “%s”: %s"),
                                       path, g_strerror (saved_errno));
          return NULL;
        }
      rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
      if (rc != SQLITE_OK || !migrate (db, path, error))
        {
          if (rc != SQLITE_OK)
            ak_progress_set_sqlite_error (error, db, rc);
          sqlite3_close (db);
          return NULL;
        }
      return db;
    }

  if (!S_ISREG (seen.st_mode) || seen.st_size == 0)
    problem = g_strdup ("not a database file");
  else
    read_header (path, &problem, &version);
  if (problem == NULL && version > AK_PROGRESS_SCHEMA_VERSION)
    {
      set_too_new_error (error, path, version);
      return NULL;
    }
  if (problem != NULL)
    {
      set_damaged_read_only_error (error, path);
      return NULL;
    }

  /* Read-only: no WAL is folded in, no journal rolled back. Without a
   * WAL (no Akademie has the file open), it is read as it is, so that not
   * even a WAL or its index is created beside it; so it is too where they
   * cannot be made (a read-only folder, a full disk). */
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  wal = g_strconcat (path, "-wal", NULL);
  for (guint immutable = g_file_test (wal, G_FILE_TEST_EXISTS) ? 0 : 1; immutable < 2; immutable++)
    {
      g_autofree char *full_uri = g_strconcat (uri, immutable ? "?mode=ro&immutable=1"
                                                              : "?mode=ro", NULL);

      sqlite3_close (db);
      db = NULL;
      rc = sqlite3_open_v2 (full_uri, &db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE, NULL);
      if (rc == SQLITE_OK)
        {
          distrust_schema (db);
          sqlite3_busy_timeout (db, AK_PROGRESS_BUSY_TIMEOUT_MS);
          rc = query_value (db, "PRAGMA user_version", &version, NULL);
        }
      if ((rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_READONLY
          && (rc & 0xff) != SQLITE_IOERR)
        break;
    }

  if (rc == SQLITE_OK && version > AK_PROGRESS_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      set_too_new_error (error, path, version);
      return NULL;
    }
  if (rc == SQLITE_OK && !ak_progress_schema_version_is_known (version))
    problem = g_strdup ("invalid format version");
  if (rc == SQLITE_OK && problem == NULL)
    rc = query_value (db, "PRAGMA quick_check", NULL, &problem);
  if (rc == SQLITE_OK && problem != NULL && g_str_equal (problem, "ok"))
    g_clear_pointer (&problem, g_free);
  if (rc == SQLITE_OK && problem == NULL)
    rc = check_schema_and_rows (db, version, &problem);
  if (rc == SQLITE_OK && problem == NULL)
    rc = check_indexes (db, NULL, &problem);
  if (rc == SQLITE_OK && problem == NULL && version == 0)
    {
      int n_objects = 0;

      rc = query_value (db, "SELECT count(*) FROM sqlite_schema", &n_objects, NULL);
      if (rc == SQLITE_OK && n_objects > 0)
        problem = g_strdup ("not an Akademie database");
      else if (rc == SQLITE_OK)
        {
          /* An empty file SQLite made: nothing recorded. */
          sqlite3_close (db);
          db = NULL;
          rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
          if (rc == SQLITE_OK && !migrate (db, path, error))
            {
              sqlite3_close (db);
              return NULL;
            }
        }
    }

  if (is_damage (rc) || (rc == SQLITE_OK && problem != NULL))
    {
      g_debug ("The progress database %s is damaged (%s)", path,
               problem != NULL ? problem : sqlite3_errmsg (db));
      sqlite3_close (db);
      set_damaged_read_only_error (error, path);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, db, rc);
      sqlite3_close (db);
      return NULL;
    }
  return db;
}
