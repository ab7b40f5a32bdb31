/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long Akademie takes from the start of its process to the first
 * painted frame of its window, and its peak memory by then, compared with
 * a bare AdwApplicationWindow (bench-bare-window) started the same way in
 * the same run. Two learners: one with the bundled courses only, one with
 * 500 more course files (10,000 questions) in the course folder and a
 * progress database of 100,000 answers.
 *
 * Needs a display: run it under build-aux/run-headless.sh. The akademie
 * binary and its compiled GSettings schema can be replaced with
 * AK_BENCH_AKADEMIE and AK_BENCH_SCHEMA_DIR, to measure another build
 * with the same data; AK_BENCH_KEEP keeps the generated data.
 */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ak-progress-store-private.h"
#include "bench-courses.h"
#include "../progress-fixtures.h"

#define N_RUNS 5   /* AK_BENCH_RUNS for more */
#define N_FILES 500
#define QUESTIONS_PER_FILE 20
#define N_ANSWERS 100000

typedef struct
{
  double ms;
  guint  peak_kib;
} Run;

/* The progress of a learner who answered @N_ANSWERS questions, in ten
 * question attempts of courses built in code (only the database's size
 * matters to start-up). */
static void
fill_progress (const char *path)
{
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 now = G_GINT64_CONSTANT (1704096000) * G_USEC_PER_SEC;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("kurs-%05u", i);

      g_ptr_array_add (courses, progress_test_course_new (id, 5, 4, 10));
    }

  store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < N_ANSWERS / 10; k++)
    {
      AkCourse *course = g_ptr_array_index (courses, k % courses->len);
      AkQuiz *quiz = g_ptr_array_index (ak_course_get_quizzes (course), (k / 50) % 4);
      gint64 id;

      now += G_GINT64_CONSTANT (50 * 60) * G_USEC_PER_SEC;
      ak_progress_store_set_now (store, now);
      id = ak_progress_store_start_attempt (store, ak_course_get_id (course), quiz->id, "1.0",
                                            quiz->hash, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < quiz->questions->len; i++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, i);

          ak_progress_store_record_answer (store, id, question->id, question->hash,
                                           "{\"choice\":\"a\"}", (k + i) % 4 ? 1.0 : 0.0, 20,
                                           i + 1, &error);
          g_assert_no_error (error);
        }
      ak_progress_store_finish_attempt (store, id, 7, quiz->questions->len, TRUE, &error);
      g_assert_no_error (error);
    }
}

static char *
make_learner (const char *root,
              const char *name,
              gboolean    big)
{
  char *data_home = g_build_filename (root, name, NULL);
  g_autofree char *akademie = g_build_filename (data_home, "akademie", NULL);
  g_autofree char *database = g_build_filename (akademie, "progress.db", NULL);

  g_assert (g_mkdir_with_parents (akademie, 0700) == 0);
  if (big)
    {
      g_autofree char *courses = bench_generate_library (akademie, N_FILES * QUESTIONS_PER_FILE,
                                                         QUESTIONS_PER_FILE);
      g_autofree char *target = g_build_filename (akademie, "courses", NULL);

      g_assert (g_rename (courses, target) == 0);
      fill_progress (database);
    }
  return data_home;
}

/* Starts @program and waits for the figures it prints at its first frame. */
static Run
run_once (const char  *program,
          const char  *data_home,
          const char  *root)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *config = g_build_filename (root, "config", NULL);
  g_autofree char *cache = g_build_filename (root, "cache", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, NULL };
  const char *schema_dir = g_getenv ("AK_BENCH_SCHEMA_DIR");
  gint64 start;
  gint64 painted = 0;
  guint peak = 0;
  int status;
  Run run;

  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR",
                          schema_dir != NULL ? schema_dir : AK_BUILD_ROOT "/data", TRUE);
  env = g_environ_setenv (env, "AKADEMIE_BUNDLED_COURSES_DIR", AK_SOURCE_ROOT "/courses", TRUE);
  env = g_environ_setenv (env, "AKADEMIE_BENCH_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error))
    g_error ("%s: %s", program, error->message);
  if (out == NULL || sscanf (out, "first-frame %" G_GINT64_FORMAT " %u", &painted, &peak) != 2)
    g_error ("%s did not report its first frame (status %d): %s", program, status,
             out != NULL ? out : "");

  run.ms = (painted - start) / 1000.0;
  run.peak_kib = peak;
  return run;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static guint n_runs = N_RUNS;

static void
measure (const char *title,
         const char *akademie,
         const char *bare,
         const char *data_home,
         const char *root)
{
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_kib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_kib = g_array_new (FALSE, FALSE, sizeof (double));
  double app_median;
  double bare_median;

  /* Alternately, so that a busy moment of the machine hits both. */
  for (guint i = 0; i < n_runs; i++)
    {
      Run run = run_once (bare, data_home, root);
      double kib = run.peak_kib;

      g_array_append_val (bare_ms, run.ms);
      g_array_append_val (bare_kib, kib);
      run = run_once (akademie, data_home, root);
      kib = run.peak_kib;
      g_array_append_val (app_ms, run.ms);
      g_array_append_val (app_kib, kib);
    }

  app_median = median (app_ms);
  bare_median = median (bare_ms);
  g_print ("%s\n", title);
  g_print ("  %-34s %9.0f ms %9.1f MB\n", "bare AdwApplicationWindow",
           bare_median, median (bare_kib) / 1024);
  g_print ("  %-34s %9.0f ms %9.1f MB   ratio %.2f\n", "Akademie",
           app_median, median (app_kib) / 1024, app_median / bare_median);
}

int
main (int   argc,
      char *argv[])
{
  const char *akademie = g_getenv ("AK_BENCH_AKADEMIE");
  g_autofree char *bare = g_build_filename (AK_BUILD_ROOT, "tests", "bench",
                                            "bench-bare-window", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("akademie-bench-startup-XXXXXX", &error);
  g_autofree char *small = NULL;
  g_autofree char *big = NULL;

  g_assert_no_error (error);
  if (g_getenv ("AK_BENCH_RUNS") != NULL)
    n_runs = MAX (1, (guint)g_ascii_strtoull (g_getenv ("AK_BENCH_RUNS"), NULL, 10));
  if (akademie == NULL)
    akademie = AK_BUILD_ROOT "/app/akademie";
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display: run it under build-aux/run-headless.sh\n");
      return 77;
    }

  g_print ("Start-up to the first painted frame, median of %u runs, peak RSS (VmHWM)\n"
           "  %s\n\n", n_runs, akademie);
  small = make_learner (root, "bundled", FALSE);
  measure ("Bundled courses only", akademie, bare, small, root);
  big = make_learner (root, "big", TRUE);
  measure ("Bundled courses + 500 files (10,000 questions), 100,000 answers",
           akademie, bare, big, root);

  if (g_getenv ("AK_BENCH_KEEP") != NULL)
    g_print ("\nThe generated data is kept in %s\n", root);
  else
    bench_remove_tree (root);
  return 0;
}
