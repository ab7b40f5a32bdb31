/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-progress-store.h"

#include <glib/gi18n-lib.h>

#include "ak-progress-store-private.h"

struct _AkProgressStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;     /* SQL text (static) → sqlite3_stmt */
  gint64      learner_id;
  char       *display_name;
  GError     *recovery_error;
  char       *damaged_path;
  gint64      now;            /* 0: the clock */
  AkClock    *clock;          /* nullable: the system clock */
};

G_DEFINE_FINAL_TYPE (AkProgressStore, ak_progress_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Pages refresh themselves from this, after the write has been committed. */
static void
emit_changed (AkProgressStore *self,
              const char      *course_id)
{
  g_signal_emit (self, signals[CHANGED], 0, course_id);
}

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

static void
ak_progress_store_finalize (GObject *object)
{
  AkProgressStore *self = (AkProgressStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* The last connection to close folds the WAL back into the file. */
  if (self->db != NULL && sqlite3_close (self->db) != SQLITE_OK)
    g_critical ("Closing the progress database failed: %s", sqlite3_errmsg (self->db));
  g_free (self->path);
  g_free (self->display_name);
  g_clear_error (&self->recovery_error);
  g_free (self->damaged_path);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (ak_progress_store_parent_class)->finalize (object);
}

static void
ak_progress_store_class_init (AkProgressStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ak_progress_store_finalize;

  /**
   * AkProgressStore::changed:
   * @course_id: (nullable): the course whose progress changed; %NULL when
   *   it concerns the learner, not one course
   *
   * The learner's progress changed: a lesson was read, an answer given,
   * an attempt started or ended.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ak_progress_store_init (AkProgressStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

void
ak_statement_release (AkStatement *statement)
{
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
}

sqlite3 *
ak_progress_store_get_db (AkProgressStore *self)
{
  return self->db;
}

gint64
ak_progress_store_get_learner_id (AkProgressStore *self)
{
  return self->learner_id;
}

gint64
ak_progress_store_now (AkProgressStore *self)
{
  if (self->now != 0)
    return self->now;
  return self->clock != NULL ? ak_clock_get_real_time (self->clock) : g_get_real_time ();
}

void
ak_progress_store_set_now (AkProgressStore *self,
                           gint64           now)
{
  self->now = now;
}

/**
 * ak_progress_store_set_clock:
 * @clock: (nullable): where the times of what the learner does come from;
 *   %NULL for the system clock
 */
void
ak_progress_store_set_clock (AkProgressStore *self,
                             AkClock         *clock)
{
  g_return_if_fail (AK_IS_PROGRESS_STORE (self));
  g_return_if_fail (clock == NULL || AK_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

/* Statements are prepared once and kept; @sql must be a string constant,
 * since its address is the key. */
AkStatement *
ak_progress_store_statement (AkProgressStore  *self,
                             const char       *sql,
                             GError          **error)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (statement != NULL)
    return statement;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL);
  if (rc != SQLITE_OK)
    {
      ak_progress_set_sqlite_error (error, self->db, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer)sql, statement);
  return statement;
}

/* TRUE when @rc is a success code; otherwise sets @error. */
gboolean
ak_progress_store_check (AkProgressStore  *self,
                         int               rc,
                         GError          **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  ak_progress_set_sqlite_error (error, self->db, rc);
  return FALSE;
}

static gboolean
exec_statement (AkProgressStore  *self,
                const char       *sql,
                GError          **error)
{
  g_autoptr(AkStatement) statement = ak_progress_store_statement (self, sql, error);

  return statement != NULL && ak_progress_store_check (self, sqlite3_step (statement), error);
}

/*
 * Every learner action is one write transaction. BEGIN IMMEDIATE takes
 * the write lock up front, so that another process writing at the same
 * time makes us wait (up to the busy timeout) instead of failing halfway.
 */
static gboolean
begin (AkProgressStore  *self,
       GError          **error)
{
  return exec_statement (self, "BEGIN IMMEDIATE", error);
}

static void
rollback (AkProgressStore *self)
{
  /* SQLite rolls back by itself after some errors, such as a full disk. */
  if (!sqlite3_get_autocommit (self->db))
    exec_statement (self, "ROLLBACK", NULL);
}

/* Commits when @ok, rolls back otherwise; returns whether it committed. */
static gboolean
end (AkProgressStore  *self,
     gboolean          ok,
     GError          **error)
{
  if (ok && exec_statement (self, "COMMIT", error))
    return TRUE;
  rollback (self);
  return FALSE;
}

gboolean
ak_progress_store_begin (AkProgressStore  *self,
                         GError          **error)
{
  return begin (self, error);
}

gboolean
ak_progress_store_end (AkProgressStore  *self,
                       gboolean          ok,
                       GError          **error)
{
  return end (self, ok, error);
}

/* Reads the learner's row; FALSE when there is none yet. */
static gboolean
read_learner (AkProgressStore  *self,
              AkStatement      *select,
              GError          **error)
{
  if (!ak_progress_row_check (select, 0, "it", error))
    return FALSE;
  self->learner_id = sqlite3_column_int64 (select, 0);
  g_free (self->display_name);
  self->display_name = g_strdup ((const char *)sqlite3_column_text (select, 1));
  if (!g_utf8_validate (self->display_name, -1, NULL))
    {
      char *valid = g_utf8_make_valid (self->display_name, -1);

      g_free (self->display_name);
      self->display_name = valid;
    }
  return TRUE;
}

/* The name to show before the learner has chosen one. */
static const char *
default_display_name (void)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the system has no real name. */
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return g_get_user_name ();
  return real_name;
}

static gboolean
ensure_learner (AkProgressStore  *self,
                gboolean          may_add,
                GError          **error)
{
  static const char select_sql[] =
    "SELECT id, display_name FROM learner WHERE user_name = ?1";
  static const char insert_sql[] =
    "INSERT INTO learner (user_name, display_name, created) VALUES (?1, ?2, ?3)";
  const char *user_name = g_get_user_name ();
  const char *real_name = default_display_name ();
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(AkStatement) insert = NULL;
  gboolean ok;
  int rc;

  select = ak_progress_store_statement (self, select_sql, error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, user_name, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    return read_learner (self, select, error);
  if (!ak_progress_store_check (self, rc, error))
    return FALSE;
  sqlite3_reset (select);

  if (!may_add)
    {
      /* Nothing is recorded yet, and nothing may be: no row matches 0. */
      self->learner_id = 0;
      self->display_name = g_strdup (real_name);
      return TRUE;
    }

  if (!begin (self, error))
    return FALSE;
  insert = ak_progress_store_statement (self, insert_sql, error);
  ok = insert != NULL;
  if (ok)
    {
      sqlite3_bind_text (insert, 1, user_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, real_name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, ak_progress_store_now (self));
      rc = sqlite3_step (insert);
      /* Another process may have added the learner since the SELECT. */
      ok = rc == SQLITE_DONE || rc == SQLITE_CONSTRAINT_UNIQUE
           || ak_progress_store_check (self, rc, error);
    }
  if (!end (self, ok, error))
    return FALSE;

  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      ak_progress_store_check (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }
  return read_learner (self, select, error);
}

/**
 * ak_progress_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/akademie/progress.db`
 */
char *
ak_progress_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "akademie", "progress.db", NULL);
}

/**
 * ak_progress_store_open:
 * @path: (nullable): the database file; %NULL for the default location
 *
 * Opens the learner's progress, creating the file (and its folder) when
 * there is none and migrating an older one. A database written by a newer
 * Akademie is refused with %AK_PROGRESS_ERROR_TOO_NEW and left untouched.
 *
 * A file that is damaged is moved aside and a new database is started
 * with what can still be read of it; stale indexes are rebuilt. The store
 * is returned, and ak_progress_store_get_recovery_error() says what
 * happened so that the learner can be told.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AkProgressStore *
ak_progress_store_open (const char  *path,
                        GError     **error)
{
  g_autoptr(AkProgressStore) self = NULL;
  g_autofree char *default_path = NULL;
  AkProgressOpenReport report;

  if (path == NULL)
    path = default_path = ak_progress_store_get_default_path ();

  self = g_object_new (AK_TYPE_PROGRESS_STORE, NULL);
  self->path = g_strdup (path);
  self->db = ak_progress_schema_open (path, &report, error);
  if (self->db == NULL)
    {
      g_free (report.damaged_path);
      return NULL;
    }

  if (report.repaired)
    self->recovery_error =
      g_error_new_literal (AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                           _("Your progress database had a damaged index. Akademie has "
                             "rebuilt it; no progress was lost."));

  if (report.damaged_path != NULL)
    {
      g_clear_error (&self->recovery_error);
      if (report.salvaged && report.n_answers_total > 0)
        self->recovery_error =
          g_error_new (AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                       /* Translators: the counts are of answers, e.g. "1,234 of 1,240" */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Your progress database was damaged. It has been moved to "
                                    "“%s” and a new one has been started with what could still "
                                    "be read: %'u of %'u answer was recovered.",
                                    "Your progress database was damaged. It has been moved to "
                                    "“%s” and a new one has been started with what could still "
                                    "be read: %'u of %'u answers were recovered.",
                                    report.n_answers_total),
                       report.damaged_path, report.n_answers_kept, report.n_answers_total);
      else if (report.salvaged)
        self->recovery_error =
          g_error_new (AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                       _("Your progress database was damaged. It has been moved to “%s” and "
                         "a new one has been started with what could still be read."),
                       report.damaged_path);
      else
        self->recovery_error =
          g_error_new (AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED,
                       _("Your progress database was damaged. It has been moved to “%s” and "
                         "a new one has been started."),
                       report.damaged_path);
      self->damaged_path = g_steal_pointer (&report.damaged_path);
    }

  if (!ensure_learner (self, TRUE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/*
 * ak_progress_store_open_read_only:
 * @path: (nullable): the database file; %NULL for the default location
 *
 * Opens the learner's progress for reading, as the export does: nothing is
 * created, migrated, moved aside or written. Where there is no database
 * yet, the store is empty. A database of an older version is read as it
 * is; a damaged one is refused with %AK_PROGRESS_ERROR_DAMAGED, and one
 * from a newer Akademie with %AK_PROGRESS_ERROR_TOO_NEW.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AkProgressStore *
ak_progress_store_open_read_only (const char  *path,
                                  GError     **error)
{
  g_autoptr(AkProgressStore) self = NULL;
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = ak_progress_store_get_default_path ();

  self = g_object_new (AK_TYPE_PROGRESS_STORE, NULL);
  self->path = g_strdup (path);
  self->db = ak_progress_schema_open_read_only (path, error);
  if (self->db == NULL)
    return NULL;
  if (!ensure_learner (self, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ak_progress_store_get_path (AkProgressStore *self)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  return self->path;
}

/**
 * ak_progress_store_get_recovery_error:
 *
 * Returns: (nullable): %AK_PROGRESS_ERROR_DAMAGED when the file was damaged
 *   on opening and has been replaced by a new one (holding what could be
 *   salvaged), or repaired, with a message for the learner; %NULL otherwise
 */
const GError *
ak_progress_store_get_recovery_error (AkProgressStore *self)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  return self->recovery_error;
}

/**
 * ak_progress_store_get_damaged_path:
 *
 * Returns: (nullable): where the damaged file was moved to
 */
const char *
ak_progress_store_get_damaged_path (AkProgressStore *self)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  return self->damaged_path;
}

/**
 * ak_progress_store_get_display_name:
 *
 * Returns: the learner's name as it will appear on certificates; at
 *   first the real name of the operating-system user
 */
const char *
ak_progress_store_get_display_name (AkProgressStore *self)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  return self->display_name;
}

gboolean
ak_progress_store_set_display_name (AkProgressStore  *self,
                                    const char       *display_name,
                                    GError          **error)
{
  static const char sql[] = "UPDATE learner SET display_name = ?2 WHERE id = ?1";
  g_autoptr(AkStatement) update = NULL;
  gboolean ok;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (display_name, self->display_name) == 0)
    return TRUE;

  if (!begin (self, error))
    return FALSE;
  update = ak_progress_store_statement (self, sql, error);
  ok = update != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (update, 1, self->learner_id);
      sqlite3_bind_text (update, 2, display_name, -1, SQLITE_STATIC);
      ok = ak_progress_store_check (self, sqlite3_step (update), error);
    }
  if (!end (self, ok, error))
    return FALSE;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  emit_changed (self, NULL);
  return TRUE;
}

/* Lessons */

typedef enum
{
  LESSON_OPENED,
  LESSON_SECTION_READ,
  LESSON_COMPLETED
} LessonEvent;

/* One upsert per event: the first event of any kind creates the row. */
static const char *const lesson_sql[] = {
  [LESSON_OPENED] =
    "INSERT INTO lesson (learner_id, course_id, lesson_id, first_opened, last_opened, section_id)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?5)"
    " ON CONFLICT DO UPDATE SET last_opened = excluded.last_opened,"
    "   section_id = coalesce (excluded.section_id, section_id)",
  [LESSON_SECTION_READ] =
    "INSERT INTO lesson (learner_id, course_id, lesson_id, first_opened, last_opened, section_id)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?5)"
    " ON CONFLICT DO UPDATE SET section_id = excluded.section_id",
  [LESSON_COMPLETED] =
    "INSERT INTO lesson (learner_id, course_id, lesson_id, first_opened, last_opened, completed)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?4)"
    " ON CONFLICT DO UPDATE SET completed = coalesce (completed, excluded.completed)",
};

static gboolean
record_lesson_event (AkProgressStore  *self,
                     LessonEvent       event,
                     const char       *course_id,
                     const char       *lesson_id,
                     const char       *section_id,
                     GError          **error)
{
  g_autoptr(AkStatement) upsert = NULL;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  upsert = ak_progress_store_statement (self, lesson_sql[event], error);
  ok = upsert != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (upsert, 1, self->learner_id);
      sqlite3_bind_text (upsert, 2, course_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 3, lesson_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (upsert, 4, ak_progress_store_now (self));
      if (event != LESSON_COMPLETED)
        sqlite3_bind_text (upsert, 5, section_id, -1, SQLITE_STATIC);
      ok = ak_progress_store_check (self, sqlite3_step (upsert), error);
    }
  if (!end (self, ok, error))
    return FALSE;
  emit_changed (self, course_id);
  return TRUE;
}

/**
 * ak_progress_store_mark_lesson_opened:
 * @section_id: (nullable): the section shown, if the lesson opens at one
 */
gboolean
ak_progress_store_mark_lesson_opened (AkProgressStore  *self,
                                      const char       *course_id,
                                      const char       *lesson_id,
                                      const char       *section_id,
                                      GError          **error)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && lesson_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return record_lesson_event (self, LESSON_OPENED, course_id, lesson_id, section_id, error);
}

/**
 * ak_progress_store_mark_section_read:
 *
 * Remembers @section_id as the place where "continue" returns to.
 */
gboolean
ak_progress_store_mark_section_read (AkProgressStore  *self,
                                     const char       *course_id,
                                     const char       *lesson_id,
                                     const char       *section_id,
                                     GError          **error)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && lesson_id != NULL && section_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return record_lesson_event (self, LESSON_SECTION_READ, course_id, lesson_id, section_id, error);
}

/**
 * ak_progress_store_mark_lesson_completed:
 *
 * Marks the lesson completed; completing it again keeps the first time.
 */
gboolean
ak_progress_store_mark_lesson_completed (AkProgressStore  *self,
                                         const char       *course_id,
                                         const char       *lesson_id,
                                         GError          **error)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && lesson_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return record_lesson_event (self, LESSON_COMPLETED, course_id, lesson_id, NULL, error);
}

/**
 * ak_progress_store_add_lesson_seconds:
 *
 * Adds reading time to the lesson and to today's activity.
 */
gboolean
ak_progress_store_add_lesson_seconds (AkProgressStore  *self,
                                      const char       *course_id,
                                      const char       *lesson_id,
                                      double            seconds,
                                      GError          **error)
{
  static const char sql[] =
    "INSERT INTO lesson (learner_id, course_id, lesson_id, first_opened, last_opened, seconds)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?5)"
    " ON CONFLICT DO UPDATE SET seconds = seconds + excluded.seconds";
  g_autoptr(AkStatement) upsert = NULL;
  g_autoptr(AkStatement) day_upsert = NULL;
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (course_id != NULL && lesson_id != NULL, FALSE);
  g_return_val_if_fail (seconds >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = ak_progress_store_now (self);
  if (!begin (self, error))
    return FALSE;
  upsert = ak_progress_store_statement (self, sql, error);
  day_upsert = upsert == NULL ? NULL
               : ak_progress_store_statement (self, ak_progress_activity_day_upsert_sql, error);
  ok = day_upsert != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (upsert, 1, self->learner_id);
      sqlite3_bind_text (upsert, 2, course_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 3, lesson_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (upsert, 4, now);
      sqlite3_bind_double (upsert, 5, seconds);
      ok = ak_progress_store_check (self, sqlite3_step (upsert), error)
           && ak_progress_store_check (self,
                                       ak_progress_add_to_day (day_upsert, self->learner_id,
                                                               course_id, now, 0, 0.0, seconds),
                                       error);
    }
  if (!end (self, ok, error))
    return FALSE;
  emit_changed (self, course_id);
  return TRUE;
}

/**
 * ak_progress_store_get_lesson:
 *
 * Returns: (transfer full) (nullable): the lesson's progress; %NULL
 *   without an error when it was never opened
 */
AkLessonProgress *
ak_progress_store_get_lesson (AkProgressStore  *self,
                              const char       *course_id,
                              const char       *lesson_id,
                              GError          **error)
{
  static const char sql[] =
    "SELECT " AK_PROGRESS_LESSON_COLUMNS " FROM lesson"
    " WHERE learner_id = ?1 AND course_id = ?2 AND lesson_id = ?3";
  g_autoptr(AkStatement) select = NULL;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (course_id != NULL && lesson_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return NULL;
  sqlite3_bind_int64 (select, 1, self->learner_id);
  sqlite3_bind_text (select, 2, course_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (select, 3, lesson_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      ak_progress_store_check (self, rc, error);
      return NULL;
    }
  return ak_lesson_progress_new_from_row (select, error);
}

/* Quiz attempts */

/**
 * ak_progress_store_start_attempt:
 * @course_version: the course's version attribute
 * @quiz_hash: the quiz's content hash (#AkQuiz.hash)
 * @question_order: (nullable) (array zero-terminated=1): question ids in
 *   the order they will be shown, so that a resumed attempt shows them in
 *   the same order
 *
 * Starts an attempt at a quiz. An attempt at the same quiz that is still
 * in progress is abandoned: there is at most one to resume.
 *
 * Returns: the attempt's id, or 0 with @error set
 */
gint64
ak_progress_store_start_attempt (AkProgressStore    *self,
                                 const char         *course_id,
                                 const char         *quiz_id,
                                 const char         *course_version,
                                 const char         *quiz_hash,
                                 const char *const  *question_order,
                                 GError            **error)
{
  static const char abandon_sql[] =
    "UPDATE attempt SET state = 'abandoned', finished = ?4"
    " WHERE learner_id = ?1 AND course_id = ?2 AND quiz_id = ?3 AND state = 'in-progress'";
  static const char insert_sql[] =
    "INSERT INTO attempt (learner_id, course_id, quiz_id, course_version, quiz_hash,"
    "                     question_order, started)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr(AkStatement) abandon = NULL;
  g_autoptr(AkStatement) insert = NULL;
  g_autofree char *order = NULL;
  gint64 now;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), 0);
  g_return_val_if_fail (course_id != NULL && quiz_id != NULL, 0);
  g_return_val_if_fail (course_version != NULL && quiz_hash != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* Ids are XML identifiers: they hold no spaces. */
  order = question_order != NULL ? g_strjoinv (" ", (char **)question_order) : g_strdup ("");
  now = ak_progress_store_now (self);

  if (!begin (self, error))
    return 0;
  abandon = ak_progress_store_statement (self, abandon_sql, error);
  insert = abandon == NULL ? NULL : ak_progress_store_statement (self, insert_sql, error);
  ok = insert != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (abandon, 1, self->learner_id);
      sqlite3_bind_text (abandon, 2, course_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (abandon, 3, quiz_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (abandon, 4, now);
      ok = ak_progress_store_check (self, sqlite3_step (abandon), error);
    }
  if (ok)
    {
      sqlite3_bind_int64 (insert, 1, self->learner_id);
      sqlite3_bind_text (insert, 2, course_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, quiz_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, course_version, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, quiz_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, order, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 7, now);
      ok = ak_progress_store_check (self, sqlite3_step (insert), error);
      id = sqlite3_last_insert_rowid (self->db);
    }
  if (!end (self, ok, error))
    return 0;
  emit_changed (self, course_id);
  return id;
}

/**
 * ak_progress_store_get_open_attempt:
 *
 * Finds the attempt at a quiz that is still in progress, for example
 * because the app was closed or crashed during it, with the answers given
 * so far. Resume at #AkProgressAttempt.position in its question order.
 * Compare #AkProgressAttempt.quiz_hash with the quiz's hash to see whether
 * the quiz was edited since the attempt started.
 *
 * Returns: (transfer full) (nullable): the attempt; %NULL without an
 *   error when there is none
 */
AkProgressAttempt *
ak_progress_store_get_open_attempt (AkProgressStore  *self,
                                    const char       *course_id,
                                    const char       *quiz_id,
                                    GError          **error)
{
  static const char attempt_sql[] =
    "SELECT " AK_PROGRESS_ATTEMPT_COLUMNS " FROM attempt"
    " WHERE learner_id = ?1 AND course_id = ?2 AND quiz_id = ?3 AND state = 'in-progress'";
  static const char answers_sql[] =
    "SELECT " AK_PROGRESS_ANSWER_COLUMNS " FROM answer WHERE attempt_id = ?1 ORDER BY id";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(AkStatement) answers = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (course_id != NULL && quiz_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  select = ak_progress_store_statement (self, attempt_sql, error);
  answers = select == NULL ? NULL : ak_progress_store_statement (self, answers_sql, error);
  if (answers == NULL)
    return NULL;

  sqlite3_bind_int64 (select, 1, self->learner_id);
  sqlite3_bind_text (select, 2, course_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (select, 3, quiz_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW)
    {
      ak_progress_store_check (self, rc, error);
      return NULL;
    }
  attempt = ak_progress_attempt_new_from_row (select, error);
  if (attempt == NULL)
    return NULL;

  sqlite3_bind_int64 (answers, 1, attempt->id);
  while ((rc = sqlite3_step (answers)) == SQLITE_ROW)
    {
      AkProgressAnswer *answer = ak_progress_answer_new_from_row (answers, 0, error);

      if (answer == NULL)
        return NULL;
      g_ptr_array_add (attempt->answers, answer);
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;

  return g_steal_pointer (&attempt);
}

/* Looks the attempt up for an action that needs it in progress. */
static gboolean
check_attempt_open (AkProgressStore  *self,
                    gint64            attempt_id,
                    char            **course_id,
                    GError          **error)
{
  static const char sql[] =
    "SELECT course_id, state FROM attempt WHERE id = ?1 AND learner_id = ?2";
  g_autoptr(AkStatement) select = ak_progress_store_statement (self, sql, error);
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, attempt_id);
  sqlite3_bind_int64 (select, 2, self->learner_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_NOT_FOUND,
                           _("This quiz attempt does not exist."));
      return FALSE;
    }
  if (!ak_progress_store_check (self, rc, error)
      || !ak_progress_row_check (select, 0, "tt", error))
    return FALSE;
  if (!g_str_equal ((const char *)sqlite3_column_text (select, 1), "in-progress"))
    {
      g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_INVALID,
                           _("This quiz attempt has already ended."));
      return FALSE;
    }
  if (course_id != NULL)
    *course_id = g_strdup ((const char *)sqlite3_column_text (select, 0));
  return TRUE;
}

/**
 * ak_progress_store_record_answer:
 * @question_hash: the question's content hash (#AkQuestion.hash)
 * @response_json: the learner's response, stored as it is
 * @score: the score from grading, 0 to 1
 * @seconds: the time taken to answer
 * @next_position: the index (in the attempt's question order) of the
 *   question to show next: where a resumed attempt continues
 *
 * Records an answer in an attempt in progress, in one transaction with the
 * position reached, the totals for mastery and activity, and the review
 * of the question it is (rated from @score; see ak-progress-memory.c). A question is
 * answered at most once per attempt (%AK_PROGRESS_ERROR_INVALID).
 */
gboolean
ak_progress_store_record_answer (AkProgressStore  *self,
                                 gint64            attempt_id,
                                 const char       *question_id,
                                 const char       *question_hash,
                                 const char       *response_json,
                                 double            score,
                                 double            seconds,
                                 guint             next_position,
                                 GError          **error)
{
  static const char insert_sql[] =
    "INSERT INTO answer (attempt_id, question_id, question_hash, response, score, answered,"
    "                    seconds)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  static const char update_sql[] =
    "UPDATE attempt SET position = ?2, seconds = seconds + ?3 WHERE id = ?1";
  g_autoptr(AkStatement) insert = NULL;
  g_autoptr(AkStatement) update = NULL;
  g_autoptr(AkStatement) stat_upsert = NULL;
  g_autoptr(AkStatement) day_upsert = NULL;
  g_autofree char *course_id = NULL;
  gint64 now;
  gboolean ok;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL && question_hash != NULL, FALSE);
  g_return_val_if_fail (response_json != NULL, FALSE);
  g_return_val_if_fail (score >= 0.0 && score <= 1.0, FALSE);
  g_return_val_if_fail (seconds >= 0.0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = ak_progress_store_now (self);
  if (!begin (self, error))
    return FALSE;

  insert = ak_progress_store_statement (self, insert_sql, error);
  update = insert == NULL ? NULL : ak_progress_store_statement (self, update_sql, error);
  stat_upsert = update == NULL ? NULL
                : ak_progress_store_statement (self, ak_progress_question_stat_upsert_sql, error);
  day_upsert = stat_upsert == NULL ? NULL
               : ak_progress_store_statement (self, ak_progress_activity_day_upsert_sql, error);
  ok = day_upsert != NULL && check_attempt_open (self, attempt_id, &course_id, error);

  if (ok)
    {
      sqlite3_bind_int64 (insert, 1, attempt_id);
      sqlite3_bind_text (insert, 2, question_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, question_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, response_json, -1, SQLITE_STATIC);
      sqlite3_bind_double (insert, 5, score);
      sqlite3_bind_int64 (insert, 6, now);
      sqlite3_bind_double (insert, 7, seconds);
      rc = sqlite3_step (insert);
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error_literal (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_INVALID,
                               _("This question has already been answered in this attempt."));
          ok = FALSE;
        }
      else
        ok = ak_progress_store_check (self, rc, error);
    }
  if (ok)
    {
      sqlite3_bind_int64 (update, 1, attempt_id);
      sqlite3_bind_int64 (update, 2, next_position);
      sqlite3_bind_double (update, 3, seconds);
      ok = ak_progress_store_check (self, sqlite3_step (update), error);
    }
  if (ok)
    ok = ak_progress_store_check (self,
                                  ak_progress_add_answer_to_stats (stat_upsert, day_upsert,
                                                                   self->learner_id, course_id,
                                                                   question_id, question_hash,
                                                                   score, now, seconds),
                                  error);
  if (ok)
    ok = ak_progress_memory_add_review (self, course_id, question_id, AK_REVIEW_KIND_QUIZ,
                                        ak_fsrs_rating_from_score (score), now, error);
  if (!end (self, ok, error))
    return FALSE;
  emit_changed (self, course_id);
  return TRUE;
}

static gboolean
end_attempt (AkProgressStore  *self,
             gint64            attempt_id,
             AkAttemptState    state,
             double            score,
             double            max_score,
             gboolean          passed,
             GError          **error)
{
  static const char sql[] =
    "UPDATE attempt SET state = ?2, finished = ?3, score = ?4, max_score = ?5, passed = ?6"
    " WHERE id = ?1";
  g_autoptr(AkStatement) update = NULL;
  g_autofree char *course_id = NULL;
  gboolean ok;

  if (!begin (self, error))
    return FALSE;
  update = ak_progress_store_statement (self, sql, error);
  ok = update != NULL && check_attempt_open (self, attempt_id, &course_id, error);
  if (ok)
    {
      sqlite3_bind_int64 (update, 1, attempt_id);
      sqlite3_bind_text (update, 2, ak_attempt_state_to_string (state), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 3, ak_progress_store_now (self));
      if (state == AK_ATTEMPT_FINISHED)
        {
          sqlite3_bind_double (update, 4, score);
          sqlite3_bind_double (update, 5, max_score);
          sqlite3_bind_int (update, 6, passed);
        }
      ok = ak_progress_store_check (self, sqlite3_step (update), error);
    }
  if (!end (self, ok, error))
    return FALSE;
  emit_changed (self, course_id);
  return TRUE;
}

/**
 * ak_progress_store_finish_attempt:
 * @score: Σ score × points over the quiz's questions
 * @max_score: Σ points
 * @passed: whether @score reached the pass mark
 */
gboolean
ak_progress_store_finish_attempt (AkProgressStore  *self,
                                  gint64            attempt_id,
                                  double            score,
                                  double            max_score,
                                  gboolean          passed,
                                  GError          **error)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (score >= 0.0 && score <= max_score, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return end_attempt (self, attempt_id, AK_ATTEMPT_FINISHED, score, max_score, passed, error);
}

/**
 * ak_progress_store_abandon_attempt:
 *
 * Ends an attempt without a score. Its answers stay in the history.
 */
gboolean
ak_progress_store_abandon_attempt (AkProgressStore  *self,
                                   gint64            attempt_id,
                                   GError          **error)
{
  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return end_attempt (self, attempt_id, AK_ATTEMPT_ABANDONED, 0, 0, FALSE, error);
}
