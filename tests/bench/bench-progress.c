/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "ak-progress-store-private.h"
#include "../progress-fixtures.h"

/*
 * How long the progress store takes to record an answer, and each query
 * the learner's pages make on a database of 100,000 answers across 50
 * courses, next to bare SQLite statements with the same settings measured
 * in the same run. Targets: below 1 ms median to record, below 5 ms per
 * query.
 */

#define N_RECORDS 10000
#define N_COURSES 50
#define N_LESSONS 5
#define N_QUIZZES 4
#define N_QUESTIONS 10
#define N_ANSWERS 100000
#define N_DAYS 365
#define N_RUNS 21

typedef struct
{
  GArray *samples;   /* double, milliseconds */
} Timing;

static double
now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
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
percentile (GArray *samples,
            double  share)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = (guint)(share * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, index);
}

static void
print_row (const char *what,
           GArray     *samples,
           double      target)
{
  double median = percentile (samples, 0.5);
  double p99 = percentile (samples, 0.99);

  g_print ("  %-46s %9.3f ms %9.3f ms", what, median, p99);
  if (target > 0)
    g_print ("   %s (target < %g ms)", median < target ? "ok" : "TOO SLOW", target);
  g_print ("\n");
}

/* Bare statements, each in its own transaction, on a database with the
 * store's settings. */
static void
measure_baseline (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "baseline.db", NULL);
  g_autoptr(GArray) inserts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) selects = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *begin = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3_stmt *commit = NULL;
  sqlite3_stmt *select = NULL;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  g_assert (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                              "CREATE TABLE baseline (x)", NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_prepare_v2 (db, "BEGIN IMMEDIATE", -1, &begin, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO baseline VALUES (?1)", -1, &insert, NULL);
  sqlite3_prepare_v2 (db, "COMMIT", -1, &commit, NULL);
  sqlite3_prepare_v2 (db, "SELECT x FROM baseline WHERE rowid = ?1", -1, &select, NULL);

  for (guint i = 0; i < N_RECORDS; i++)
    {
      double start = now_ms ();
      double elapsed;

      sqlite3_step (begin);
      sqlite3_reset (begin);
      sqlite3_bind_int (insert, 1, i);
      sqlite3_step (insert);
      sqlite3_reset (insert);
      sqlite3_step (commit);
      sqlite3_reset (commit);
      elapsed = now_ms () - start;
      g_array_append_val (inserts, elapsed);
    }
  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = now_ms ();
      double elapsed;

      sqlite3_bind_int (select, 1, i + 1);
      sqlite3_step (select);
      sqlite3_reset (select);
      elapsed = now_ms () - start;
      g_array_append_val (selects, elapsed);
    }

  print_row ("baseline: bare INSERT, one per transaction", inserts, 0);
  print_row ("baseline: bare SELECT of one row", selects, 0);
  sqlite3_finalize (begin);
  sqlite3_finalize (insert);
  sqlite3_finalize (commit);
  sqlite3_finalize (select);
  sqlite3_close (db);
}

typedef struct
{
  AkProgressStore *store;
  GPtrArray       *courses;     /* AkCourse */
  GRand           *rand;
  guint            n_attempts;
  gint64           start_time;
} Filler;

/* Takes one whole quiz attempt: N_QUESTIONS answers. Returns the times
 * of the record_answer calls in @samples, if given. */
static void
take_attempt (Filler *filler,
              GArray *samples)
{
  guint k = filler->n_attempts++;
  AkCourse *course = g_ptr_array_index (filler->courses, k % N_COURSES);
  AkQuiz *quiz = g_ptr_array_index (ak_course_get_quizzes (course), (k / N_COURSES) % N_QUIZZES);
  g_autoptr(GError) error = NULL;
  double score = 0;
  gint64 id;
  gint64 now;

  /* Spread over a year, a few minutes per attempt. */
  now = filler->start_time
        + (gint64)k * N_DAYS * 24 * 3600 / (N_ANSWERS / N_QUESTIONS) * G_USEC_PER_SEC;
  ak_progress_store_set_now (filler->store, now);
  id = ak_progress_store_start_attempt (filler->store, ak_course_get_id (course), quiz->id,
                                        "1.0", quiz->hash, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);
      double answer_score = g_rand_int_range (filler->rand, 0, 4) == 0 ? 0.0 : 1.0;
      double start = now_ms ();
      double elapsed;

      ak_progress_store_set_now (filler->store, now + i * 20 * G_USEC_PER_SEC);
      ak_progress_store_record_answer (filler->store, id, question->id, question->hash,
                                       "{\"choice\":\"a\"}", answer_score, 20, i + 1, &error);
      elapsed = now_ms () - start;
      g_assert_no_error (error);
      if (samples != NULL)
        g_array_append_val (samples, elapsed);
      score += answer_score;
    }
  ak_progress_store_finish_attempt (filler->store, id, score, quiz->questions->len,
                                    score * 100 >= quiz->pass_mark * quiz->questions->len,
                                    &error);
  g_assert_no_error (error);

  if (k % 7 == 0)
    {
      AkLesson *lesson = g_ptr_array_index (ak_course_get_lessons (course), k % N_LESSONS);

      ak_progress_store_mark_lesson_opened (filler->store, ak_course_get_id (course), lesson->id,
                                            NULL, &error);
      g_assert_no_error (error);
      ak_progress_store_add_lesson_seconds (filler->store, ak_course_get_id (course), lesson->id,
                                            300, &error);
      g_assert_no_error (error);
      if (k % 3 == 0)
        ak_progress_store_mark_lesson_completed (filler->store, ak_course_get_id (course),
                                                 lesson->id, &error);
      g_assert_no_error (error);
    }
}

typedef gpointer (*QueryFunc) (Filler *filler);

static gpointer
query_course_progress (Filler *filler)
{
  return ak_progress_store_get_course_progress (filler->store,
                                                g_ptr_array_index (filler->courses, 7), NULL);
}

static gpointer
query_mastery (Filler *filler)
{
  return ak_progress_store_get_mastery (filler->store, g_ptr_array_index (filler->courses, 7),
                                        NULL);
}

static gpointer
query_overall_mastery (Filler *filler)
{
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);

  g_list_store_splice (courses, 0, 0, filler->courses->pdata, filler->courses->len);
  return ak_progress_store_get_overall_mastery (filler->store, G_LIST_MODEL (courses), NULL);
}

static gpointer
query_activity (Filler      *filler,
                const char  *course_id,
                guint        n_days)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (filler->start_time / G_USEC_PER_SEC
                                                              + N_DAYS * 24 * 3600);
  GDate first;
  GDate last;

  g_date_set_dmy (&last, g_date_time_get_day_of_month (end), g_date_time_get_month (end),
                  g_date_time_get_year (end));
  first = last;
  g_date_subtract_days (&first, n_days - 1);
  return ak_progress_store_get_activity (filler->store, course_id, &first, &last, NULL);
}

static gpointer
query_activity_30 (Filler *filler)
{
  return query_activity (filler, NULL, 30);
}

static gpointer
query_activity_365 (Filler *filler)
{
  return query_activity (filler, NULL, 365);
}

static gpointer
query_activity_course_365 (Filler *filler)
{
  return query_activity (filler, "course-7", 365);
}

static gpointer
query_quiz_history (Filler *filler)
{
  return ak_progress_store_get_quiz_history (filler->store, "course-7", "quiz-2", NULL);
}

static gpointer
query_mistakes (Filler *filler)
{
  return ak_progress_store_get_last_mistakes (filler->store,
                                              g_ptr_array_index (filler->courses, 7),
                                              "quiz-2", NULL);
}

static gpointer
query_open_attempt (Filler *filler)
{
  /* An attempt is in progress at this quiz; see main(). */
  return ak_progress_store_get_open_attempt (filler->store, "course-7", "quiz-1", NULL);
}

static void
measure_query (const char     *what,
               Filler         *filler,
               QueryFunc       func,
               GDestroyNotify  free_func,
               double          target)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_RUNS; i++)
    {
      double start = now_ms ();
      gpointer result = func (filler);
      double elapsed = now_ms () - start;

      g_assert (result != NULL);
      free_func (result);
      g_array_append_val (samples, elapsed);
    }
  print_row (what, samples, target);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = g_dir_make_tmp ("akademie-bench-XXXXXX", NULL);
  g_autofree char *small_path = g_build_filename (folder, "record.db", NULL);
  g_autofree char *big_path = g_build_filename (folder, "progress.db", NULL);
  g_autofree char *csv_path = g_build_filename (folder, "export.csv", NULL);
  g_autoptr(GArray) first_records = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) last_records = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = g_date_time_new_local (2024, 1, 1, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  GStatBuf info;
  Filler filler = { 0 };
  double fill_start;
  double fill_time;
  double export_start;
  double export_time;
  guint n_answers = 0;
  gint64 open_id;

  g_assert (folder != NULL);
  for (guint i = 0; i < N_COURSES; i++)
    {
      g_autofree char *id = g_strdup_printf ("course-%u", i);

      g_ptr_array_add (courses, progress_test_course_new (id, N_LESSONS, N_QUIZZES, N_QUESTIONS));
    }
  filler.courses = courses;
  filler.rand = g_rand_new_with_seed (20240101);
  filler.start_time = g_date_time_to_unix (start) * G_USEC_PER_SEC;

  g_print ("Akademie progress store (SQLite %s, WAL, synchronous=NORMAL), in %s\n\n",
           sqlite3_libversion (), folder);
  g_print ("  %-46s %12s %12s\n", "", "median", "p99");
  g_print ("Recording one answer, %u answers\n", N_RECORDS);
  measure_baseline (folder);

  filler.store = ak_progress_store_open (small_path, &error);
  g_assert_no_error (error);
  while (first_records->len < N_RECORDS)
    take_attempt (&filler, first_records);
  print_row ("record_answer, empty database", first_records, 1.0);
  g_clear_object (&filler.store);

  /* The big database: 100,000 answers in 10,000 attempts over a year. */
  filler.n_attempts = 0;
  filler.store = ak_progress_store_open (big_path, &error);
  g_assert_no_error (error);
  fill_start = now_ms ();
  while (filler.n_attempts < N_ANSWERS / N_QUESTIONS - N_RECORDS / N_QUESTIONS)
    take_attempt (&filler, NULL);
  while (filler.n_attempts < N_ANSWERS / N_QUESTIONS)
    take_attempt (&filler, last_records);
  fill_time = now_ms () - fill_start;
  print_row ("record_answer, answers 90,001-100,000", last_records, 1.0);
  open_id = ak_progress_store_start_attempt (filler.store, "course-7", "quiz-1", "1.0", "hash",
                                             NULL, &error);
  g_assert_no_error (error);
  ak_progress_store_record_answer (filler.store, open_id, "q1-1", "hash", "{}", 1.0, 10, 1,
                                   &error);
  g_assert_no_error (error);

  g_print ("\nQueries on %u answers in %u courses, median of %u runs\n",
           (guint)progress_test_query_int (big_path, "SELECT count(*) FROM answer"),
           N_COURSES, N_RUNS);
  measure_query ("course progress (one course)", &filler, query_course_progress,
                 (GDestroyNotify)ak_course_progress_free, 5.0);
  measure_query ("mastery per thesis (one course)", &filler, query_mastery,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("mastery per thesis (50 courses)", &filler, query_overall_mastery,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("activity per day, 30 days", &filler, query_activity_30,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("activity per day, 365 days", &filler, query_activity_365,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("activity per day, 365 days, one course", &filler, query_activity_course_365,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("score per attempt (one quiz)", &filler, query_quiz_history,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("mistakes in the last attempt", &filler, query_mistakes,
                 (GDestroyNotify)g_ptr_array_unref, 5.0);
  measure_query ("attempt to resume, with its answers", &filler, query_open_attempt,
                 (GDestroyNotify)ak_progress_attempt_free, 5.0);

  g_print ("\nOnce per session\n");
  export_start = now_ms ();
  g_assert (ak_progress_export_write (filler.store, NULL, csv_path, NULL, &n_answers, &error));
  export_time = now_ms () - export_start;
  g_assert_no_error (error);
  g_clear_object (&filler.store);
  for (guint i = 0; i < 5; i++)
    {
      double open_start = now_ms ();
      AkProgressStore *store = ak_progress_store_open (big_path, &error);
      double elapsed = now_ms () - open_start;

      g_assert_no_error (error);
      g_object_unref (store);
      g_array_append_val (opens, elapsed);
    }
  g_stat (big_path, &info);
  print_row ("open (with its checks)", opens, 0);
  g_print ("  %-46s %9.0f ms\n", "export to CSV, all answers", export_time);
  g_print ("  %-46s %9.1f s\n", "filling the database through the API", fill_time / 1000);
  g_print ("  %-46s %9.1f MB\n", "database size", info.st_size / 1e6);

  g_rand_free (filler.rand);
  remove_folder (folder);
  return 0;
}
