/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a trainer's save costs the window: a watched library of 5,000
 * course files, one of which is saved again. Measured are the time from
 * the save until the library has reloaded, and the longest time the main
 * loop could not run meanwhile (a timer that should fire every
 * millisecond notes the longest gap) — the time the window would be
 * frozen. The baseline is the same gap while nothing happens.
 */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <stdio.h>

#include "ak-course-library.h"
#include "bench-courses.h"

#define N_FILES 5000
#define QUESTIONS_PER_FILE 10
#define N_SAVES 3

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     longest_gap;
  gboolean   reloaded;
} Watch;

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
  watch->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
reloaded_cb (AkCourseLibrary *library,
             Watch           *watch)
{
  watch->reloaded = TRUE;
  g_main_loop_quit (watch->loop);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, or until the library reloads
 * when @until_reloaded; returns the longest gap between two ticks in ms. */
static double
run_loop (AkCourseLibrary *library,
          guint            ms,
          gboolean         until_reloaded,
          double          *reload_ms)
{
  Watch watch = { g_main_loop_new (NULL, FALSE), g_get_monotonic_time (), 0, FALSE };
  guint tick = g_timeout_add (1, tick_cb, &watch);
  guint stop = g_timeout_add (ms, quit_cb, watch.loop);
  gulong handler = g_signal_connect (library, "reloaded", G_CALLBACK (reloaded_cb), &watch);
  gint64 start = watch.last_tick;

  if (!until_reloaded)
    g_signal_handler_disconnect (library, handler);
  g_main_loop_run (watch.loop);
  if (reload_ms != NULL)
    *reload_ms = (g_get_monotonic_time () - start) / 1000.0;
  tick_cb (&watch);

  if (until_reloaded)
    {
      g_signal_handler_disconnect (library, handler);
      if (!watch.reloaded)
        g_error ("The library did not reload within %u ms", ms);
      g_source_remove (stop);
    }
  g_source_remove (tick);
  g_main_loop_unref (watch.loop);
  return watch.longest_gap / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("akademie-bench-save-XXXXXX", &error);
  g_autofree char *dir = NULL;
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  double idle_gap;
  gint64 start;

  g_assert_no_error (error);
  g_print ("Saving one of %u watched course files (%u questions)\n",
           N_FILES, N_FILES * QUESTIONS_PER_FILE);
  dir = bench_generate_library (root, N_FILES * QUESTIONS_PER_FILE, QUESTIONS_PER_FILE);

  ak_course_library_add_directory (library, dir);
  ak_course_library_set_watch (library, TRUE);
  start = g_get_monotonic_time ();
  ak_course_library_reload (library);
  g_print ("  %-44s %9.0f ms\n", "first load (ak_course_library_reload)",
           (g_get_monotonic_time () - start) / 1000.0);

  idle_gap = run_loop (library, 500, FALSE, NULL);
  g_print ("  %-44s %9.1f ms\n", "baseline: longest main-loop gap, idle", idle_gap);

  for (guint i = 0; i < N_SAVES; i++)
    {
      guint course = N_FILES / 2 + i;
      g_autofree char *name = g_strdup_printf ("kurs-%05u.xml", course);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *xml = bench_generate_course (course, QUESTIONS_PER_FILE);
      g_autoptr(GString) edited = g_string_new (xml);
      double reload_ms;
      double gap;

      g_string_replace (edited, "Reichweite und Signale", "Reichweite, neu gefasst", 1);
      g_file_set_contents (path, edited->str, edited->len, &error);
      g_assert_no_error (error);
      gap = run_loop (library, 600000, TRUE, &reload_ms);
      g_print ("  save %u: %-36s %9.0f ms, longest main-loop gap %.0f ms\n", i + 1,
               "saved, then reloaded", reload_ms, gap);
    }

  bench_remove_tree (root);
  return 0;
}
