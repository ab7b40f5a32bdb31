/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the progress store's test programs and its benchmark: courses
 * built in code, a look into the database behind the store's back, and
 * child processes that run the same test program in another role.
 */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "ak-course-private.h"
#include "ak-progress-store.h"
#include "ak-progress-store-private.h"

/* Set in a child's environment: which role the test program plays. */
#define PROGRESS_TEST_ROLE "AK_TEST_PROGRESS_ROLE"

/* A single-choice question "a" (right) / "b" (wrong) testing @tests. */
static inline AkQuestion *
progress_test_question_new (const char        *id,
                            const char        *prompt,
                            const char *const *tests)
{
  AkQuestion *question = ak_question_new (AK_QUESTION_SINGLE_CHOICE);
  static const char *const choice_ids[] = { "a", "b" };

  question->id = g_strdup (id);
  question->prompt = g_markup_escape_text (prompt, -1);
  question->prompt_text = g_strdup (prompt);
  question->tests = g_strdupv ((char **)tests);
  question->explanation = g_strdup ("Because.");
  for (guint i = 0; i < G_N_ELEMENTS (choice_ids); i++)
    {
      AkChoice *choice = ak_choice_new ();

      choice->id = g_strdup (choice_ids[i]);
      choice->markup = g_strdup (i == 0 ? "Right" : "Wrong");
      choice->text = g_strdup (choice->markup);
      choice->correct = i == 0;
      g_ptr_array_add (question->choices, choice);
    }
  ak_question_update_hash (question);
  return question;
}

/* Gives a question new content (and so a new hash). */
static inline void
progress_test_question_set_prompt (AkQuestion *question,
                                   const char *prompt)
{
  g_free (question->prompt);
  g_free (question->prompt_text);
  question->prompt = g_markup_escape_text (prompt, -1);
  question->prompt_text = g_strdup (prompt);
  ak_question_update_hash (question);
}

static inline AkQuiz *
progress_test_quiz_new (const char *id,
                        const char *title)
{
  AkQuiz *quiz = ak_quiz_new ();

  quiz->id = g_strdup (id);
  quiz->title = g_strdup (title);
  quiz->pass_mark = 50;
  return quiz;
}

/*
 * Course @id, version "1.0": lessons "lesson-1"… with sections
 * "section-<l>-1" and "section-<l>-2" and thesis "thesis-<l>" in the first
 * section; quizzes "quiz-1"… titled "Quiz <q>", with questions
 * "q<q>-<n>" that test the theses in turn.
 */
static inline AkCourse *
progress_test_course_new (const char *id,
                          guint       n_lessons,
                          guint       n_quizzes,
                          guint       n_questions)
{
  AkCourse *course = ak_course_new ();
  guint n_tested = 0;

  course->id = g_strdup (id);
  course->version = g_strdup ("1.0");
  course->language = g_strdup ("de");
  course->title = g_strdup_printf ("Kurs %s", id);
  course->summary = g_strdup ("");
  course->summary_text = g_strdup ("");

  for (guint l = 1; l <= n_lessons; l++)
    {
      AkLesson *lesson = ak_lesson_new ();

      lesson->id = g_strdup_printf ("lesson-%u", l);
      lesson->title = g_strdup_printf ("Lesson %u", l);
      for (guint s = 1; s <= 2; s++)
        {
          AkSection *section = ak_section_new ();

          section->id = g_strdup_printf ("section-%u-%u", l, s);
          section->title = g_strdup_printf ("Section %u.%u", l, s);
          if (s == 1)
            {
              AkBlock *thesis = ak_block_new (AK_BLOCK_THESIS);

              thesis->id = g_strdup_printf ("thesis-%u", l);
              thesis->markup = g_strdup_printf ("Thesis %u", l);
              thesis->text = g_strdup (thesis->markup);
              g_ptr_array_add (section->blocks, thesis);
            }
          g_ptr_array_add (lesson->sections, section);
        }
      g_ptr_array_add (course->lessons, lesson);
    }

  for (guint q = 1; q <= n_quizzes; q++)
    {
      g_autofree char *quiz_id = g_strdup_printf ("quiz-%u", q);
      g_autofree char *title = g_strdup_printf ("Quiz %u", q);
      AkQuiz *quiz = progress_test_quiz_new (quiz_id, title);

      for (guint n = 1; n <= n_questions; n++)
        {
          g_autofree char *question_id = g_strdup_printf ("q%u-%u", q, n);
          g_autofree char *prompt = g_strdup_printf ("Question %u of quiz %u", n, q);
          g_autofree char *thesis = n_lessons > 0
                                    ? g_strdup_printf ("thesis-%u", n_tested++ % n_lessons + 1)
                                    : NULL;
          const char *tests[] = { thesis, NULL };

          g_ptr_array_add (quiz->questions,
                           progress_test_question_new (question_id, prompt, tests));
        }
      ak_quiz_update_hash (quiz);
      g_ptr_array_add (course->quizzes, quiz);
    }
  return course;
}

/* Runs @sql on the database at @path directly and returns the first
 * column of its first row. */
static inline gint64
progress_test_query_int (const char *path,
                         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

/* The same, for text. */
static inline char *
progress_test_query_text (const char *path,
                          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

/* The rows that every answer must have added to, checked against the
 * answers themselves: an answer that was half recorded shows up here. */
static inline void
progress_test_assert_consistent (const char *path)
{
  g_autofree char *integrity = progress_test_query_text (path, "PRAGMA integrity_check");
  gint64 n_answers = progress_test_query_int (path, "SELECT count(*) FROM answer");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (progress_test_query_int (path, "SELECT total (n_answers) FROM question_stat"),
                   ==, n_answers);
  g_assert_cmpint (progress_test_query_int (path, "SELECT total (n_answers) FROM activity_day"),
                   ==, n_answers);
  /* Every answer was recorded with the position after it. */
  g_assert_cmpint (progress_test_query_int (path,
                                            "SELECT count(*) FROM attempt WHERE position !="
                                            " (SELECT count(*) FROM answer"
                                            "   WHERE attempt_id = attempt.id)"),
                   ==, 0);
}

/*
 * Starts @program, a copy of this test program, as a child playing @role,
 * with @args after the program name. Its stdout comes back on @stdout_fd,
 * and @stdin_fd (if not NULL) writes to its stdin. It gets the test's
 * data folder.
 */
static inline GPid
progress_test_spawn_program (const char           *program,
                             const char           *role,
                             const char *const    *args,
                             const char           *working_directory,
                             GSpawnChildSetupFunc  child_setup,
                             int                  *stdin_fd,
                             int                  *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), PROGRESS_TEST_ROLE, role, TRUE);
  GPid pid = 0;

  /* G_TEST_OPTION_ISOLATE_DIRS tells GLib about the test's folders, not
   * the environment a child inherits. */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  g_strv_builder_add (builder, program);
  if (args != NULL)
    g_strv_builder_addv (builder, (const char **)args);
  argv = g_strv_builder_end (builder);

  g_spawn_async_with_pipes (working_directory, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            child_setup, NULL, &pid, stdin_fd, stdout_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

/* The same with this very test program. */
static inline GPid
progress_test_spawn (const char           *role,
                     const char *const    *args,
                     const char           *working_directory,
                     GSpawnChildSetupFunc  child_setup,
                     int                  *stdin_fd,
                     int                  *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return progress_test_spawn_program (self, role, args, working_directory, child_setup,
                                      stdin_fd, stdout_fd);
}

/* A writer child's way out: says what failed and returns its exit status. */
static inline int
progress_test_writer_failed (const char   *what,
                             const GError *error)
{
  g_printerr ("writer: %s: %s\n", what, error->message);
  return 1;
}

/* Waits for @pid and returns its exit status, or -signal when killed. */
static inline int
progress_test_wait (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  if (WIFSIGNALED (status))
    return -WTERMSIG (status);
  return WEXITSTATUS (status);
}

/* The history and files the test programs share. */

/* 2024-03-10 in local time, so that days are the learner's days. */
static inline gint64
local_time (int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (2024, 3, day, hour, minute, 0);

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC;
}

static inline char *
data_path (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "progress", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return g_build_filename (folder, name, NULL);
}

static inline AkProgressStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  AkProgressStore *store = ak_progress_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_null (ak_progress_store_get_recovery_error (store));
  return store;
}

static inline GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* The names in @folder, sorted, one per line. */
static inline char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer)name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **)names->pdata);
}

static inline void
record (AkProgressStore *store,
        gint64           attempt_id,
        AkQuestion      *question,
        double           score,
        guint            next_position)
{
  g_autoptr(GError) error = NULL;

  ak_progress_store_record_answer (store, attempt_id, question->id, question->hash,
                                   "{\"choice\":\"a\"}", score, 10, next_position, &error);
  g_assert_no_error (error);
}

/* Answers every question of @quiz with @scores and, if @finish, finishes
 * the attempt the way the quiz page would. */
static inline gint64
take_quiz (AkProgressStore *store,
           AkCourse        *course,
           AkQuiz          *quiz,
           const double    *scores,
           gboolean         finish)
{
  g_autoptr(GError) error = NULL;
  double score = 0;
  double max_score = 0;
  gint64 id;

  id = ak_progress_store_start_attempt (store, ak_course_get_id (course), quiz->id,
                                        ak_course_get_version (course), quiz->hash, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);

      record (store, id, question, scores[i], i + 1);
      score += scores[i] * question->points;
      max_score += question->points;
    }
  if (finish)
    {
      ak_progress_store_finish_attempt (store, id, score, max_score,
                                        score * 100 >= quiz->pass_mark * max_score, &error);
      g_assert_no_error (error);
    }
  return id;
}

static inline AkQuiz *
quiz_at (AkCourse *course,
         guint     index)
{
  return g_ptr_array_index (ak_course_get_quizzes (course), index);
}

static inline AkQuestion *
question_at (AkQuiz *quiz,
             guint   index)
{
  return g_ptr_array_index (quiz->questions, index);
}

static inline AkThesisMastery *
find_thesis (GPtrArray  *theses,
             const char *course_id,
             const char *thesis_id)
{
  for (guint i = 0; i < theses->len; i++)
    {
      AkThesisMastery *thesis = g_ptr_array_index (theses, i);

      if (g_str_equal (thesis->course_id, course_id) && g_str_equal (thesis->thesis_id, thesis_id))
        return thesis;
    }
  g_assert_not_reached ();
}

/* A parsed CSV file: rows of fields. Every line must end in CRLF. */
static inline GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean row_started = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }
      row_started = TRUE;
      if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == ',')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
          row_started = FALSE;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  g_assert_false (row_started);
  return rows;
}

static inline GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return parse_csv (g_bytes_get_data (bytes, NULL));
}

static inline const char *
field (GPtrArray  *rows,
       guint       row,
       const char *column)
{
  char **header = g_ptr_array_index (rows, 0);
  char **fields = g_ptr_array_index (rows, row);

  g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], column))
      return fields[i];
  g_assert_not_reached ();
}

static inline char *
stream_text (GOutputStream *stream)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  if (g_memory_output_stream_get_data_size (memory) == 0)
    return g_strdup ("");
  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static inline void
load_v1_fixture (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "progress", "v1.sql",
                                                    NULL);
  g_autofree char *sql = NULL;
  g_autofree char *rename_learner = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  /* The fixture's learner stands for the one running the test. */
  rename_learner = sqlite3_mprintf ("UPDATE learner SET user_name = %Q", g_get_user_name ());
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rename_learner, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  sqlite3_free (g_steal_pointer (&rename_learner));
}

/* The course the fixture's history belongs to, with its placeholder hashes. */
static inline AkCourse *
fixture_course (void)
{
  AkCourse *course = progress_test_course_new ("kurs", 2, 2, 2);

  for (guint q = 0; q < 2; q++)
    {
      AkQuiz *quiz = quiz_at (course, q);

      for (guint i = 0; i < quiz->questions->len; i++)
        {
          AkQuestion *question = question_at (quiz, i);

          g_free (question->hash);
          question->hash = g_strdup_printf ("hash-%s", question->id);
        }
      g_free (quiz->hash);
      quiz->hash = g_strdup_printf ("hash-%s", quiz->id);
    }
  return course;
}

/* A database as a future Akademie might leave it: format 99. */
static inline void
make_newer_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE future (x); INSERT INTO future VALUES (42);"
                                 "PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static inline gint64
modification_time (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mtime;
}

static inline void
set_modification_time (const char *path,
                       gint64      seconds)
{
  struct utimbuf times = { .actime = seconds, .modtime = seconds };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A database with some history, closed. */
static inline void
make_database (const char *path,
               guint       n_attempts)
{
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 10);
  const double scores[10] = { 1, 0, 1, 0.5, 1, 0, 1, 1, 0, 1 };

  for (guint i = 0; i < n_attempts; i++)
    take_quiz (store, course, quiz_at (course, 0), scores, TRUE);
}
