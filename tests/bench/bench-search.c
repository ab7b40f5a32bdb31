/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How fast the library search is over 500 generated courses (about 10,000
 * questions): the first query, which indexes every course, and the queries
 * after it, as the learner types. The baseline, measured in the same run,
 * is loading the same courses from memory with the course loader: the work
 * the app does anyway before anyone can search.
 */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ak-course-loader.h"
#include "ak-library-search.h"
#include "bench-courses.h"

#define N_COURSES 500
#define QUESTIONS_PER_COURSE 20
#define ROUNDS 15

static const char *queries[] = {
  "p", "pl", "plattform", "kommentare likes", "uebersicht", "lektion 3", "verweildauer",
  "quantenphysik",
};

static guint
read_rss_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line != NULL ? (guint)g_ascii_strtoull (line + strlen (field), NULL, 10) : 0;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(AkLibrarySearch) search = NULL;
  guint n_questions = 0;
  guint rss_before;
  gint64 start;
  gint64 load_time;
  gint64 first_time;

  for (guint i = 0; i < N_COURSES; i++)
    g_ptr_array_add (files, bench_generate_course (i, QUESTIONS_PER_COURSE));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *xml = g_ptr_array_index (files, i);
      g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(AkCourse) course = NULL;

      course = ak_course_loader_load_data (xml, strlen (xml), "kurs.xml", diagnostics);

      if (course == NULL)
        {
          g_printerr ("generated course %u does not load\n", i);
          return 1;
        }
      n_questions += ak_course_get_n_questions (course);
      g_list_store_append (courses, course);
    }
  load_time = g_get_monotonic_time () - start;

  search = ak_library_search_new (G_LIST_MODEL (courses));
  rss_before = read_rss_kib ("VmRSS:");
  start = g_get_monotonic_time ();
  g_ptr_array_unref (ak_library_search_query (search, "uebersicht", 100));
  first_time = g_get_monotonic_time () - start;

  printf ("%u courses, %u questions\n", N_COURSES, n_questions);
  printf ("loading the courses (baseline): %.1f ms\n", load_time / 1000.0);
  printf ("first query, indexing all:      %.1f ms (%.2f × loading), index %+d KiB RSS\n",
          first_time / 1000.0, (double)first_time / load_time,
          (int)read_rss_kib ("VmRSS:") - (int)rss_before);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      gint64 times[ROUNDS];
      guint n_hits = 0;

      for (guint r = 0; r < ROUNDS; r++)
        {
          GPtrArray *hits;

          start = g_get_monotonic_time ();
          hits = ak_library_search_query (search, queries[q], 100);
          times[r] = g_get_monotonic_time () - start;
          n_hits = hits->len;
          g_ptr_array_unref (hits);
        }
      qsort (times, ROUNDS, sizeof (gint64), compare_times);
      printf ("query %-18s median %6.2f ms (%.3f × loading), %u hits shown\n",
              queries[q], times[ROUNDS / 2] / 1000.0, (double)times[ROUNDS / 2] / load_time,
              n_hits);
    }
  return 0;
}
