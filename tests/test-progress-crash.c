/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include "progress-fixtures.h"

/*
 * A learner's answers survive the app being killed at any moment: a child
 * records answers in a loop and reports each one once it was committed;
 * the test kills it with SIGKILL at random moments and checks, after every
 * kill, that the database is intact and holds every answer reported.
 */

#define N_KILLS 50

static void
write_line (const char *line)
{
  gsize length = strlen (line);

  /* One write() per line: a line is in the pipe whole or not at all. */
  while (length > 0)
    {
      gssize written = write (STDOUT_FILENO, line, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        _exit (3);
      line += written;
      length -= written;
    }
}

/* The writer: answers the quiz over and over, resuming where the last
 * killed writer left off. Runs until it is killed. */
static int
writer (void)
{
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 2, 1, 7);
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = g_ptr_array_index (ak_course_get_quizzes (course), 0);

  store = ak_progress_store_open (NULL, &error);
  if (store == NULL)
    return progress_test_writer_failed ("open", error);
  if (ak_progress_store_get_recovery_error (store) != NULL)
    return progress_test_writer_failed ("open", ak_progress_store_get_recovery_error (store));

  for (;;)
    {
      g_autoptr(AkProgressAttempt) attempt = NULL;
      guint position = 0;
      gint64 id;

      attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
      if (error != NULL)
        return progress_test_writer_failed ("resume", error);
      if (attempt != NULL)
        {
          id = attempt->id;
          position = attempt->position;
        }
      else
        {
          id = ak_progress_store_start_attempt (store, "kurs", "quiz-1", "1.0", quiz->hash, NULL,
                                                &error);
          if (id == 0)
            return progress_test_writer_failed ("start", error);
        }

      for (; position < quiz->questions->len; position++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, position);
          g_autofree char *line = NULL;

          if (!ak_progress_store_record_answer (store, id, question->id, question->hash,
                                                "{\"choice\":\"a\"}", position % 2, 2.5,
                                                position + 1, &error))
            return progress_test_writer_failed ("record", error);
          line = g_strdup_printf ("%" G_GINT64_FORMAT " %s\n", id, question->id);
          write_line (line);

          if (position % 3 == 0
              && !ak_progress_store_add_lesson_seconds (store, "kurs", "lesson-1", 1.5, &error))
            return progress_test_writer_failed ("lesson", error);
        }

      if (!ak_progress_store_finish_attempt (store, id, 3, quiz->questions->len, FALSE, &error))
        return progress_test_writer_failed ("finish", error);
    }
}

/* Reads what is in @fd within @timeout_ms into @output; FALSE at the end. */
static gboolean
read_some (int      fd,
           GString *output,
           int      timeout_ms)
{
  struct pollfd poll_fd = { .fd = fd, .events = POLLIN };
  char buffer[4096];
  gssize n;

  if (poll (&poll_fd, 1, timeout_ms) <= 0)
    return TRUE;
  n = read (fd, buffer, sizeof buffer);
  if (n < 0 && errno == EINTR)
    return TRUE;
  g_assert_cmpint (n, >=, 0);
  g_string_append_len (output, buffer, n);
  return n > 0;
}

static void
assert_reported_answers_present (const char *path,
                                 GHashTable *reported)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *select = NULL;
  GHashTableIter iter;
  const char *line;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM answer"
                                       " WHERE attempt_id = ?1 AND question_id = ?2",
                                       -1, &select, NULL), ==, SQLITE_OK);
  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, (gpointer *)&line, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (line, " ", 2);

      sqlite3_bind_int64 (select, 1, g_ascii_strtoll (parts[0], NULL, 10));
      sqlite3_bind_text (select, 2, parts[1], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (select), ==, SQLITE_ROW);
      if (sqlite3_column_int (select, 0) != 1)
        g_error ("The answer “%s” was reported saved but is missing", line);
      sqlite3_reset (select);
    }
  sqlite3_finalize (select);
  sqlite3_close (db);
}

static void
assert_nothing_moved_aside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".damaged-"));
}

static void
test_kill_writer (void)
{
  g_autofree char *path = ak_progress_store_get_default_path ();
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  guint n_late_kills = 0;

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(GString) output = g_string_new (NULL);
      g_auto(GStrv) lines = NULL;
      /* Some kills hit start-up (creating, checking, migrating the
       * database), the others the middle of recording. */
      gboolean during_start_up = g_test_rand_int_range (0, 5) == 0;
      int stdout_fd = -1;
      GPid pid;

      pid = progress_test_spawn ("writer", NULL, NULL, NULL, NULL, &stdout_fd);
      if (during_start_up)
        g_usleep (g_test_rand_int_range (0, 30000));
      else
        {
          gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

          while (strchr (output->str, '\n') == NULL)
            {
              g_assert_cmpint (g_get_monotonic_time (), <, give_up);
              g_assert_true (read_some (stdout_fd, output, 100));
            }
          g_usleep (g_test_rand_int_range (0, 20000));
          n_late_kills++;
        }
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      /* Anything else than our kill means the writer failed. */
      g_assert_cmpint (progress_test_wait (pid), ==, -SIGKILL);
      while (read_some (stdout_fd, output, -1))
        ;
      close (stdout_fd);

      /* Only whole lines were reported. */
      lines = g_strsplit (output->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        g_hash_table_add (reported, g_strdup (lines[i]));
      g_test_message ("round %u: %u answers reported so far", round,
                      g_hash_table_size (reported));

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Killed before the database was made. */
          g_assert_cmpuint (g_hash_table_size (reported), ==, 0);
          continue;
        }
      progress_test_assert_consistent (path);
      assert_reported_answers_present (path, reported);
      assert_nothing_moved_aside (path);
    }

  g_assert_cmpuint (n_late_kills, >, 0);
  g_assert_cmpuint (g_hash_table_size (reported), >=, n_late_kills);

  /* The learner opens the app again and finds the quiz where it was. */
  store = ak_progress_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ak_progress_store_get_recovery_error (store));
  attempt = ak_progress_store_get_open_attempt (store, "kurs", "quiz-1", &error);
  g_assert_no_error (error);
  if (attempt != NULL)
    g_assert_cmpuint (attempt->position, ==, attempt->answers->len);
}

int
main (int   argc,
      char *argv[])
{
  if (g_strcmp0 (g_getenv (PROGRESS_TEST_ROLE), "writer") == 0)
    return writer ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/crash/kill-writer", test_kill_writer);

  return g_test_run ();
}
