/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <grp.h>
#include <libintl.h>
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ak-progress-export.h"
#include "ak-progress-store-private.h"
#include "progress-fixtures.h"

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

/* A format number no Akademie wrote (user_version is a signed 32-bit
 * number in the file header) is damage, never a step of the migration. */
static void
test_migrate_invalid_version (void)
{
  static const int versions[] = { -1, -2, -1000, G_MININT32 };

  for (guint wal = 0; wal < 2; wal++)
    for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
      {
        g_autofree char *name = g_strdup_printf ("invalid-%u-%u.db", wal, i);
        g_autofree char *path = data_path (name);
        g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", versions[i]);
        g_autoptr(AkProgressStore) store = NULL;
        g_autoptr(GBytes) before = NULL;
        g_autoptr(GBytes) after = NULL;
        g_autoptr(GError) error = NULL;
        const GError *recovery;
        sqlite3 *db = NULL;

        load_v1_fixture (path);
        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        if (wal)
          {
            /* The header keeps saying 1; the WAL says otherwise. */
            g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                                               "PRAGMA wal_autocheckpoint = 0",
                                           NULL, NULL, NULL), ==, SQLITE_OK);
            sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
          }
        g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
        before = read_bytes (path);

        store = ak_progress_store_open (path, &error);
        g_assert_no_error (error);
        g_assert_nonnull (store);
        recovery = ak_progress_store_get_recovery_error (store);
        g_assert_nonnull (recovery);
        g_assert_error ((GError *)recovery, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED);
        g_assert_nonnull (ak_progress_store_get_damaged_path (store));
        g_assert_nonnull (strstr (recovery->message, ak_progress_store_get_damaged_path (store)));
        after = read_bytes (ak_progress_store_get_damaged_path (store));
        g_assert_true (g_bytes_equal (before, after));

        g_clear_object (&store);
        g_assert_cmpint (progress_test_query_int (path, "PRAGMA user_version"),
                         ==, AK_PROGRESS_SCHEMA_VERSION);
      }
}

static void
test_migrate_atomic (void)
{
  g_autofree char *path = data_path ("v1-conflict.db");
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* An answer of a learner who is not there makes the totals of version 2
   * break a foreign key: the migration fails halfway. */
  load_v1_fixture (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO attempt (id, learner_id, course_id, quiz_id,"
                                 "                     course_version, quiz_hash, started)"
                                 " VALUES (99, 999, 'kurs', 'quiz-1', '1.0', 'h', 0);"
                                 "INSERT INTO answer (attempt_id, question_id, question_hash,"
                                 "                    response, score, answered, seconds)"
                                 " VALUES (99, 'q1-1', 'h', '{}', 1, 0, 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
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
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"), ==, 6);
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

/* Runs @sql on the database at @path, asserting that it works. */
static void
exec_on (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

typedef enum
{
  EDIT_NULL_COURSE,     /* NOT NULL dropped, a NULL course id */
  EDIT_NULL_QUESTION,   /* the same for an answer's question id */
  EDIT_BLOB_STATE,      /* the schema intact, a blob where text belongs */
  EDIT_TRIGGER          /* something added to the schema */
} Edit;

/* A database whose schema or rows were edited by hand is damaged: the
 * export refuses it with a message, the app moves it aside; nothing
 * crashes on a NULL or a blob where text is read. */
static void
test_damage_edited (gconstpointer data)
{
  static const char *const edits[] = {
    [EDIT_NULL_COURSE] =
      "PRAGMA writable_schema = ON;"
      "UPDATE sqlite_schema SET sql = replace (sql, 'course_id      TEXT NOT NULL,',"
      "                                              'course_id      TEXT,')"
      " WHERE name = 'attempt';",
    [EDIT_NULL_QUESTION] =
      "PRAGMA writable_schema = ON;"
      "UPDATE sqlite_schema SET sql = replace (sql, 'question_id   TEXT NOT NULL,',"
      "                                              'question_id   TEXT,')"
      " WHERE name = 'answer';",
    [EDIT_BLOB_STATE] = "UPDATE attempt SET quiz_hash = x'00ff00' WHERE id = 1;",
    [EDIT_TRIGGER] = "CREATE TRIGGER forget AFTER INSERT ON answer BEGIN"
                     " DELETE FROM answer; END;",
  };
  static const char *const nulls[] = {
    [EDIT_NULL_COURSE] = "UPDATE attempt SET course_id = NULL WHERE id = 1;",
    [EDIT_NULL_QUESTION] = "UPDATE answer SET question_id = NULL WHERE id = 2;",
    [EDIT_BLOB_STATE] = "",
    [EDIT_TRIGGER] = "",
  };
  Edit edit = GPOINTER_TO_INT (data);
  g_autofree char *path = ak_progress_store_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *csv = data_path ("edited.csv");
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  make_database (path, 2);
  exec_on (path, edits[edit]);
  exec_on (path, nulls[edit]);
  files_before = list_folder (folder);

  g_assert_cmpint (ak_export_progress_command_run (csv, NULL, NULL, out, err), ==, 1);
  text = stream_text (err);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "damaged"));
  files_after = list_folder (folder);
  g_assert_cmpstr (files_after, ==, files_before);

  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ak_progress_store_get_damaged_path (store));
  g_assert_error ((GError *)ak_progress_store_get_recovery_error (store),
                  AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED);
}

/* An index that no longer matches its table passes PRAGMA quick_check;
 * opening finds it and rebuilds it, and says so; nothing is lost. */
static void
test_damage_index (void)
{
  g_autofree char *path = data_path ("index.db");
  g_autofree char *root = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *restore = NULL;
  g_autofree char *quick_check = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const GError *notice;

  make_database (path, 3);
  root = progress_test_query_text (path, "SELECT rootpage FROM sqlite_schema"
                                         " WHERE name = 'attempt_by_quiz'");
  sql = progress_test_query_text (path, "SELECT sql FROM sqlite_schema"
                                        " WHERE name = 'attempt_by_quiz'");
  /* Hidden from SQLite while a row goes, the index keeps pointing at it. */
  exec_on (path, "PRAGMA writable_schema = ON;"
                 "DELETE FROM sqlite_schema WHERE name = 'attempt_by_quiz'");
  exec_on (path, "DELETE FROM answer WHERE attempt_id = 2; DELETE FROM attempt WHERE id = 2");
  restore = sqlite3_mprintf ("PRAGMA writable_schema = ON;"
                             "INSERT INTO sqlite_schema VALUES ('index', 'attempt_by_quiz',"
                             " 'attempt', %s, %Q)", root, sql);
  exec_on (path, restore);
  sqlite3_free (g_steal_pointer (&restore));
  quick_check = progress_test_query_text (path, "PRAGMA quick_check");
  g_assert_cmpstr (quick_check, ==, "ok");

  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  notice = ak_progress_store_get_recovery_error (store);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice->message, "rebuilt"));
  g_assert_null (ak_progress_store_get_damaged_path (store));

  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_clear_object (&store);
  integrity = progress_test_query_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
}

/* One page overwritten in the middle of the file: the database is moved
 * aside as it is, and what can still be read of it is kept. */
static void
test_damage_salvage (void)
{
  g_autofree char *path = data_path ("salvage.db");
  g_autofree char *damaged = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const GError *recovery;
  guchar garbage[4096];
  gint64 n_pages;
  gint64 page;
  gint64 n_kept;
  FILE *file;

  make_database (path, 60);
  g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"), ==, 600);
  n_pages = progress_test_query_int (path, "PRAGMA page_count");
  page = n_pages / 2;
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = g_test_rand_int_range (0, 256);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (page - 1) * 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  g_assert_cmpint (fclose (file), ==, 0);
  before = read_bytes (path);

  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  recovery = ak_progress_store_get_recovery_error (store);
  g_assert_nonnull (recovery);
  g_test_message ("page %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT ": %s", page, n_pages,
                  recovery->message);
  g_assert_nonnull (strstr (recovery->message, " of 600 answers were recovered."));
  damaged = g_strdup (ak_progress_store_get_damaged_path (store));
  after = read_bytes (damaged);
  g_assert_true (g_bytes_equal (before, after));

  /* Most of the history is there, and the store goes on with it. */
  history = ak_progress_store_get_quiz_history (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 50);
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  n_kept = progress_test_query_int (path, "SELECT count(*) FROM answer");
  g_test_message ("%" G_GINT64_FORMAT " of 600 answers kept", n_kept);
  g_assert_cmpint (n_kept, >=, 540);
  g_assert_cmpint (progress_test_query_int (path, "SELECT total (n_answers) FROM question_stat"),
                   ==, n_kept);
  integrity = progress_test_query_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  /* Opening again finds nothing to repair. */
  store = open_store (path);
}

/* A link to a file that is gone is named as such, in both ways in. */
static void
test_dangling_link (void)
{
  g_autofree char *path = data_path ("dangling.db");
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("gone.db", path), ==, 0);
  store = ak_progress_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is a link to “gone.db”"));
  g_assert_null (strstr (error->message, "replacing"));
  g_clear_error (&error);

  store = ak_progress_store_open_read_only (path, &error);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "is a link to “gone.db”"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The first line of a message is the learner's language; SQLite's
 * English stays on the technical line below it. */
static void
test_messages_german (void)
{
  g_autofree char *path = data_path ("deutsch.db");
  g_autofree char *locale_dir = g_build_filename (g_getenv ("AK_BUILD_ROOT"), "po", NULL);
  g_autofree char *catalog = g_build_filename (locale_dir, "de", "LC_MESSAGES",
                                               GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GDate first;
  GDate last;

  if (g_getenv ("AK_BUILD_ROOT") == NULL || !g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The German catalog is not built");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");

  /* A table gone behind the store's back: "no such table" from SQLite. */
  store = open_store (path);
  exec_on (path, "DROP TABLE activity_day");
  g_date_set_dmy (&first, 1, 3, 2024);
  g_date_set_dmy (&last, 2, 3, 2024);
  days = ak_progress_store_get_activity (store, NULL, &first, &last, &error);
  g_assert_null (days);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "Ihr Fortschritt"));
  g_assert_null (strstr (lines[0], "no such table"));
  g_assert_nonnull (strstr (lines[1], "no such table"));
  g_clear_error (&error);
  g_clear_pointer (&lines, g_strfreev);

  /* Damage, as a query finds it. */
  ak_progress_set_sqlite_error (&error, NULL, SQLITE_CORRUPT);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_DAMAGED);
  g_assert_true (g_str_has_prefix (lines[0], "Ihre Fortschrittsdatenbank"));
  g_assert_null (strstr (lines[0], "malformed"));

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* A file (found by fuzzing) whose rows cannot be reached from either
 * end: the salvage neither looks far past what the file can hold nor
 * counts ids nobody gave as lost answers. */
static void
test_damage_unreachable (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "progress",
                                                    "unreachable-rows.db", NULL);
  g_autofree char *path = data_path ("unreachable.db");
  g_autofree char *contents = NULL;
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const GError *recovery;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  recovery = ak_progress_store_get_recovery_error (store);
  g_assert_nonnull (recovery);
  g_test_message ("%s", recovery->message);
  g_assert_null (strstr (recovery->message, "answers were recovered"));
  g_assert_true (g_str_has_suffix (recovery->message, "a new one has been started."));
  ak_progress_store_mark_lesson_opened (store, "kurs", "lesson-1", NULL, &error);
  g_assert_no_error (error);
}

/* Runs in a child that cannot make any file grow, as on a full disk. */
static int
export_full_disk_child (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *csv = g_build_filename (folder, "full.csv", NULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 0, 0 };

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  store = ak_progress_store_open_read_only (path, &error);
  g_assert_no_error (error);
  ak_progress_store_export_csv (store, NULL, file, &error);
  g_print ("file %d\n", error != NULL ? error->code : -1);
  g_printerr ("file: %s\n", error != NULL ? error->message : "written");
  g_print ("stdout %d\n", ak_export_progress_command_run ("-", store, NULL, out, err));
  return 0;
}

/* On a full disk the export still reads, and leaves no file behind. */
static void
test_export_full_disk (void)
{
  g_autofree char *path = data_path ("full-export.db");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *output = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *expected = g_strdup_printf ("file %d\nstdout 0\n", AK_PROGRESS_ERROR_DISK_FULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { path, NULL };
  GPid pid;
  int stdout_fd = -1;

  make_database (path, 2);
  before = read_bytes (path);
  files_before = list_folder (folder);
  pid = progress_test_spawn ("export-full-disk", args, NULL, NULL, NULL, &stdout_fd);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (stdout_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &output, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (progress_test_wait (pid), ==, 0);
  g_assert_cmpstr (output, ==, expected);
  files_after = list_folder (folder);
  g_assert_cmpstr (files_after, ==, files_before);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
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
  const char *csv;
  guint n_lines = 0;
  int status;

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
  g_clear_object (&store);
  g_clear_error (&error);

  /* The export reads a database in a folder it cannot write, and writes
   * nothing beside it. */
  store = ak_progress_store_open_read_only ("progress.db", &error);
  g_assert_no_error (error);
  g_clear_object (&out);
  out = g_memory_output_stream_new_resizable ();
  status = ak_export_progress_command_run ("-", store, NULL, out, err);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  csv = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  for (const char *p = csv; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n_lines++;
  g_print ("read-only-export %d %u\n", status, n_lines);
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
  program = g_build_filename (parent, "test-progress-open", NULL);
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
  g_assert_cmpuint (g_strv_length (lines), ==, 11);
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
  /* A header and 3 × 10 answers; as root, the child is another learner. */
  g_assert_cmpstr (lines[9], ==, geteuid () == 0 ? "read-only-export 0 1"
                                                 : "read-only-export 0 31");

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

int
main (int   argc,
      char *argv[])
{
  const char *role = g_getenv (PROGRESS_TEST_ROLE);

  if (g_strcmp0 (role, "read-only") == 0)
    return read_only_child ();
  if (g_strcmp0 (role, "file-size-limit") == 0 && argc == 2)
    return file_size_limit_child (argv[1]);
  if (g_strcmp0 (role, "export-full-disk") == 0 && argc == 2)
    return export_full_disk_child (argv[1]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/migrate/v1", test_migrate_v1);
  g_test_add_func ("/progress/migrate/too-new", test_migrate_too_new);
  g_test_add_func ("/progress/migrate/atomic", test_migrate_atomic);
  g_test_add_func ("/progress/migrate/invalid-version", test_migrate_invalid_version);
  g_test_add_data_func ("/progress/damage/garbage",
                        GINT_TO_POINTER (DAMAGE_GARBAGE), test_damage);
  g_test_add_data_func ("/progress/damage/truncated",
                        GINT_TO_POINTER (DAMAGE_TRUNCATED), test_damage);
  g_test_add_data_func ("/progress/damage/empty",
                        GINT_TO_POINTER (DAMAGE_EMPTY), test_damage);
  g_test_add_data_func ("/progress/damage/one-byte",
                        GINT_TO_POINTER (DAMAGE_ONE_BYTE), test_damage);
  g_test_add_data_func ("/progress/damage/directory",
                        GINT_TO_POINTER (DAMAGE_DIRECTORY), test_damage);
  g_test_add_data_func ("/progress/damage/foreign-database",
                        GINT_TO_POINTER (DAMAGE_FOREIGN), test_damage);
  g_test_add_data_func ("/progress/damage/edited/null-course",
                        GINT_TO_POINTER (EDIT_NULL_COURSE), test_damage_edited);
  g_test_add_data_func ("/progress/damage/edited/null-question",
                        GINT_TO_POINTER (EDIT_NULL_QUESTION), test_damage_edited);
  g_test_add_data_func ("/progress/damage/edited/blob",
                        GINT_TO_POINTER (EDIT_BLOB_STATE), test_damage_edited);
  g_test_add_data_func ("/progress/damage/edited/trigger",
                        GINT_TO_POINTER (EDIT_TRIGGER), test_damage_edited);
  g_test_add_func ("/progress/damage/index", test_damage_index);
  g_test_add_func ("/progress/damage/salvage", test_damage_salvage);
  g_test_add_func ("/progress/damage/unreachable-rows", test_damage_unreachable);
  g_test_add_func ("/progress/damage/dangling-link", test_dangling_link);
  g_test_add_func ("/progress/messages/german", test_messages_german);
  g_test_add_func ("/progress/read-only", test_read_only);
  g_test_add_func ("/progress/disk-full/page-limit", test_disk_full_page_limit);
  g_test_add_func ("/progress/disk-full/file-size-limit", test_disk_full_file_size);
  g_test_add_func ("/progress/disk-full/export", test_export_full_disk);

  return g_test_run ();
}
