/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the progress store's test programs and its benchmark: courses
 * built in code, a look into the database behind the store's back, and
 * child processes that run the same test program in another role.
 */

#include <errno.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "ak-course-private.h"
#include "ak-progress-store.h"

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
