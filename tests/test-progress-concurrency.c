/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>

#include "progress-fixtures.h"

/*
 * Two processes writing progress at once — two windows, or the app and
 * `akademie --export-progress` — lose no writes, and neither sees "database
 * is locked". They also create the database at the same moment.
 */

#define N_ANSWERS 500
#define N_ROUNDS 3

/* A child: waits for a byte on stdin, then answers its own quiz
 * N_ANSWERS times and adds reading time to a lesson both children share. */
static int
writer (const char *path,
        guint       index)
{
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 2, 2, 10);
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = g_ptr_array_index (ak_course_get_quizzes (course), index);
  char go;
  guint n = 0;

  if (read (STDIN_FILENO, &go, 1) != 1)
    return 2;

  store = ak_progress_store_open (path, &error);
  if (store == NULL)
    return progress_test_writer_failed ("open", error);
  if (ak_progress_store_get_recovery_error (store) != NULL)
    return progress_test_writer_failed ("open", ak_progress_store_get_recovery_error (store));

  while (n < N_ANSWERS)
    {
      gint64 id = ak_progress_store_start_attempt (store, "kurs", quiz->id, "1.0", quiz->hash,
                                                   NULL, &error);

      if (id == 0)
        return progress_test_writer_failed ("start", error);
      for (guint i = 0; i < quiz->questions->len && n < N_ANSWERS; i++, n++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, i);

          if (!ak_progress_store_record_answer (store, id, question->id, question->hash, "{}",
                                                1.0, 1, i + 1, &error))
            return progress_test_writer_failed ("record", error);
          if (!ak_progress_store_add_lesson_seconds (store, "kurs", "lesson-1", 1, &error))
            return progress_test_writer_failed ("lesson", error);
          if (n % 10 == 0)
            {
              g_autoptr(AkCourseProgress) progress = NULL;

              progress = ak_progress_store_get_course_progress (store, course, &error);
              if (progress == NULL)
                return progress_test_writer_failed ("progress", error);
            }
        }
      if (!ak_progress_store_finish_attempt (store, id, 1, 1, TRUE, &error))
        return progress_test_writer_failed ("finish", error);
    }

  g_print ("%u\n", n);
  return 0;
}

static void
test_two_writers (void)
{
  gint64 n_interleaved = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("concurrent-%u.db", round);
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "akademie", name, NULL);
      g_autofree char *folder = g_path_get_dirname (path);
      GPid pids[2];
      int stdin_fds[2];
      int stdout_fds[2];

      /* A new file each round: both also race to create it. */
      for (guint i = 0; i < 2; i++)
        {
          g_autofree char *index = g_strdup_printf ("%u", i);
          const char *args[] = { path, index, NULL };

          pids[i] = progress_test_spawn ("writer", args, NULL, NULL, &stdin_fds[i], &stdout_fds[i]);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_assert_cmpint (write (stdin_fds[i], "g", 1), ==, 1);
          close (stdin_fds[i]);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GIOChannel) channel = g_io_channel_unix_new (stdout_fds[i]);
          g_autoptr(GError) error = NULL;
          g_autofree char *output = NULL;
          g_autofree char *expected = g_strdup_printf ("%u\n", N_ANSWERS);

          g_io_channel_set_close_on_unref (channel, TRUE);
          g_io_channel_read_to_end (channel, &output, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (progress_test_wait (pids[i]), ==, 0);
          g_assert_cmpstr (output, ==, expected);
        }

      /* Every write of both is there. */
      g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM learner"), ==, 1);
      g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"),
                       ==, 2 * N_ANSWERS);
      g_assert_cmpint (progress_test_query_int (path, "SELECT count(*) FROM answer"
                                                      " JOIN attempt ON attempt.id = attempt_id"
                                                      " WHERE quiz_id = 'quiz-1'"),
                       ==, N_ANSWERS);
      g_assert_cmpint (progress_test_query_int (path, "SELECT seconds FROM lesson"
                                                      " WHERE lesson_id = 'lesson-1'"),
                       ==, 2 * N_ANSWERS);
      g_assert_cmpint (progress_test_query_int (path, "SELECT total (seconds) FROM activity_day"),
                       ==, 2 * N_ANSWERS + 2 * N_ANSWERS);
      progress_test_assert_consistent (path);

      /* How often the writers took turns: they did write at once. */
      n_interleaved += progress_test_query_int (path,
                                                "SELECT count(*) FROM answer AS a"
                                                " JOIN answer AS b ON b.id = a.id + 1"
                                                " JOIN attempt AS x ON x.id = a.attempt_id"
                                                " JOIN attempt AS y ON y.id = b.attempt_id"
                                                " WHERE x.quiz_id != y.quiz_id");

      /* One database was made; none was taken for damaged. */
      {
        g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
        const char *entry;

        while ((entry = g_dir_read_name (dir)) != NULL)
          {
            g_assert_null (strstr (entry, ".damaged-"));
            g_assert_null (strstr (entry, ".new-"));
          }
      }
    }

  g_test_message ("The writers took turns %" G_GINT64_FORMAT " times", n_interleaved);
  g_assert_cmpint (n_interleaved, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (g_strcmp0 (g_getenv (PROGRESS_TEST_ROLE), "writer") == 0 && argc == 3)
    return writer (argv[1], g_ascii_strtoull (argv[2], NULL, 10));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/concurrency/two-writers", test_two_writers);

  return g_test_run ();
}
