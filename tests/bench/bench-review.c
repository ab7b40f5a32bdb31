/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ak-course-library.h"
#include "ak-fsrs.h"
#include "ak-review-queue.h"
#include "bench-courses.h"
#include "../progress-fixtures.h"

/*
 * The daily review, simulated and timed.
 *
 * 1. A learner whose memory follows a known forgetting curve answers for
 *    a year: new questions each day (learnt in a quiz), then the day's
 *    review as the queue gives it (most overdue first, up to the daily
 *    limit). Each review is answered right with the probability the
 *    learner's true curve gives for the days since the last answer. The
 *    scheduler sees only right or wrong. Reported: reviews per day (mean
 *    and maximum) and the share answered right at review time, against
 *    the desired retention of 0.9. One learner forgets as the default
 *    parameters say, one faster (true stability 70 % of the model's).
 *    Libraries: the bundled academy courses and a generated one of
 *    10,000 questions.
 *
 * 2. Building the due queue from 100,000 memory states in the store,
 *    next to a plain SELECT of all states on the same database measured
 *    in the same run. Target: below 20 ms.
 */

#define N_DAYS 365
#define N_RUNS 21
#define N_STATES 100000
#define QUEUE_TARGET_MS 20.0

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
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* One question as the scheduler and the learner's true memory see it. */
typedef struct
{
  AkFsrsCard card;        /* what the scheduler knows */
  double     true_s;      /* the learner's true stability */
  gint64     true_last;   /* day of the last answer */
  double     overdue;     /* for ordering */
  guint      index;
} Item;

typedef struct
{
  const char *name;
  guint       n_questions;
  guint       new_per_day;
  guint       limit;           /* 0: none */
  double      forgets_faster;  /* true stability = model stability × this */
} Scenario;

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const Item *x = *(Item *const *)a;
  const Item *y = *(Item *const *)b;

  if (x->overdue != y->overdue)
    return x->overdue > y->overdue ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Noon of @day, in microseconds: days counted from 2027-01-04. */
static gint64
day_time (gint64 day)
{
  return (G_GINT64_CONSTANT (1798977600) + day * 86400) * G_USEC_PER_SEC;
}

static void
simulate (const Scenario *scenario)
{
  const double *w = ak_fsrs_default_parameters;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270104);
  g_autofree Item *items = g_new0 (Item, scenario->n_questions);
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  guint n_learnt = 0;
  guint64 n_reviews = 0, n_right = 0;
  guint max_per_day = 0;
  guint n_backlog = 0;

  for (gint64 day = 0; day < N_DAYS; day++)
    {
      gint64 today = ak_fsrs_day (day_time (day), NULL);
      guint n_today = 0;

      /* The day's review, before the new questions. */
      g_ptr_array_set_size (due, 0);
      for (guint i = 0; i < n_learnt; i++)
        if (items[i].card.due_day <= today)
          {
            gint64 last_day = ak_fsrs_day (items[i].card.last_review, NULL);

            items[i].overdue = (double)(today - last_day)
                               / (double)MAX (items[i].card.due_day - last_day, 1);
            g_ptr_array_add (due, &items[i]);
          }
      g_ptr_array_sort (due, compare_overdue);
      for (guint k = 0; k < due->len; k++)
        {
          Item *item = g_ptr_array_index (due, k);
          double recall;
          gboolean right;
          char key[16];

          if (scenario->limit > 0 && n_today >= scenario->limit)
            break;
          recall = ak_fsrs_retrievability (w, (double)(day - item->true_last), item->true_s);
          right = g_rand_double (rand) < recall;
          g_snprintf (key, sizeof key, "q%u", item->index);
          ak_fsrs_card_review (&item->card, day_time (day), right ? AK_RATING_GOOD
                                                                   : AK_RATING_AGAIN,
                               key, NULL);
          item->true_s = item->card.memory.stability * scenario->forgets_faster;
          item->true_last = day;
          n_today++;
          n_right += right;
        }
      if (day == N_DAYS - 1)
        n_backlog = due->len - n_today;

      /* New questions, learnt in a quiz: right three times in four. */
      for (guint n = 0; n < scenario->new_per_day && n_learnt < scenario->n_questions; n++)
        {
          Item *item = &items[n_learnt];
          char key[16];

          item->index = n_learnt++;
          g_snprintf (key, sizeof key, "q%u", item->index);
          ak_fsrs_card_review (&item->card, day_time (day),
                               g_rand_double (rand) < 0.75 ? AK_RATING_GOOD : AK_RATING_AGAIN,
                               key, NULL);
          item->true_s = item->card.memory.stability * scenario->forgets_faster;
          item->true_last = day;
        }

      n_reviews += n_today;
      max_per_day = MAX (max_per_day, n_today);
    }

  g_print ("  %-44s %7.1f %5u %8.3f %8u\n", scenario->name, n_reviews / (double)N_DAYS,
           max_per_day, n_reviews > 0 ? n_right / (double)n_reviews : 0.0, n_backlog);
}

static guint
count_bundled_questions (void)
{
  g_autofree char *folder = g_build_filename (AK_SOURCE_ROOT, "courses", NULL);
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  guint n = 0;

  ak_course_library_add_directory (library, folder);
  ak_course_library_reload (library);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (G_LIST_MODEL (library), i);

      n += ak_course_get_n_questions (course);
    }
  return n;
}

static guint
count_generated_questions (const char *root)
{
  g_autofree char *folder = bench_generate_library (root, 10000, 50);
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  guint n = 0;

  ak_course_library_add_directory (library, folder);
  ak_course_library_reload (library);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (G_LIST_MODEL (library), i);

      n += ak_course_get_n_questions (course);
    }
  bench_remove_tree (folder);
  return n;
}

static void
run_simulations (const char *root)
{
  guint n_bundled = count_bundled_questions ();
  guint n_generated = count_generated_questions (root);
  const Scenario scenarios[] = {
    { "academy, 10 new a day, limit 50", n_bundled, 10, 50, 1.0 },
    { "academy, forgets faster (S x 0.7)", n_bundled, 10, 50, 0.7 },
    { "10,000 questions, 20 new a day, limit 50", n_generated, 20, 50, 1.0 },
    { "10,000 questions, 20 new a day, no limit", n_generated, 20, 0, 1.0 },
    { "10,000 questions, forgets faster, no limit", n_generated, 20, 0, 0.7 },
  };

  g_print ("A year of daily reviews (%u bundled questions, %u generated); desired retention %.2f\n",
           n_bundled, n_generated, AK_FSRS_DESIRED_RETENTION);
  g_print ("  %-44s %7s %5s %8s %8s\n", "learner", "rev/day", "max", "right", "backlog");
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    simulate (&scenarios[i]);
}

/* 100,000 memory states over 100 courses of 1,000 questions, due from
 * @first to @last days from today. */
static void
fill_states (AkProgressStore *store,
             GListStore      *courses,
             int              first,
             int              last)
{
  sqlite3 *db = ak_progress_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  sqlite3_stmt *insert = NULL;
  gint64 today = ak_progress_store_get_today (store);
  gint64 now = ak_progress_store_now (store);

  for (guint c = 0; c < 100; c++)
    {
      g_autofree char *id = g_strdup_printf ("kurs-%03u", c);
      g_autoptr(AkCourse) course = progress_test_course_new (id, 5, 10, N_STATES / 100 / 10);

      g_list_store_append (courses, course);
    }

  g_assert (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db,
                                "INSERT INTO memory_state (learner_id, course_id, question_id,"
                                " stability, difficulty, due_day, last_review, reps, lapses)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                -1, &insert, NULL) == SQLITE_OK);
  for (guint i = 0; i < N_STATES; i++)
    {
      char course_id[16], question_id[16];
      gint64 due = today + g_rand_int_range (rand, first, last + 1);
      double stability = g_rand_double_range (rand, 1, 100);

      g_snprintf (course_id, sizeof course_id, "kurs-%03u", i / 1000);
      g_snprintf (question_id, sizeof question_id, "q%u-%u", i % 1000 / 100 + 1, i % 100 + 1);
      sqlite3_bind_int64 (insert, 1, ak_progress_store_get_learner_id (store));
      sqlite3_bind_text (insert, 2, course_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, question_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (insert, 4, stability);
      sqlite3_bind_double (insert, 5, g_rand_double_range (rand, 1, 10));
      sqlite3_bind_int64 (insert, 6, due);
      sqlite3_bind_int64 (insert, 7, now - (gint64)(stability + (today - due)) * 86400
                                            * G_USEC_PER_SEC);
      sqlite3_bind_int64 (insert, 8, g_rand_int_range (rand, 1, 20));
      sqlite3_bind_int64 (insert, 9, 0);
      g_assert (sqlite3_step (insert) == SQLITE_DONE);
      sqlite3_reset (insert);
    }
  sqlite3_finalize (insert);
  g_assert (sqlite3_exec (db, "COMMIT; ANALYZE", NULL, NULL, NULL) == SQLITE_OK);
}

static gboolean
count_cb (const AkProgressMemory *memory,
          gpointer                user_data)
{
  (*(guint *)user_data)++;
  return TRUE;
}

static void
time_queue (const char *root,
            const char *what,
            int         first,
            int         last)
{
  g_autofree char *name = g_strdup_printf ("review%d.db", first);
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AkProgressStore) store = ak_progress_store_open (path, &error);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(AkReviewQueue) queue = NULL;
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *select = NULL;
  double first_ms, queue_ms, baseline_ms;

  g_assert_no_error (error);
  fill_states (store, courses, first, last);
  g_assert (sqlite3_prepare_v2 (ak_progress_store_get_db (store),
                                "SELECT course_id, question_id, stability, difficulty, due_day,"
                                "       last_review, reps, lapses FROM memory_state",
                                -1, &select, NULL) == SQLITE_OK);

  queue = ak_review_queue_new (store, G_LIST_MODEL (courses));
  ak_review_queue_set_daily_limit (queue, AK_REVIEW_DEFAULT_DAILY_LIMIT);
  first_ms = now_ms ();
  g_assert (ak_review_queue_refresh (queue, &error));
  first_ms = now_ms () - first_ms;

  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = now_ms ();
      double elapsed;
      volatile double sum = 0;

      /* A plain read of every state, each column fetched once. */
      while (sqlite3_step (select) == SQLITE_ROW)
        {
          sum += sqlite3_column_bytes (select, 0) + sqlite3_column_bytes (select, 1);
          for (int c = 2; c < 8; c++)
            sum += sqlite3_column_double (select, c);
        }
      sqlite3_reset (select);
      elapsed = now_ms () - start;
      g_array_append_val (baseline, elapsed);

      start = now_ms ();
      {
        guint n = 0;

        g_assert (ak_progress_store_foreach_memory (store, ak_review_queue_get_today (queue) + 7,
                                                    count_cb, &n, &error));
      }
      elapsed = now_ms () - start;
      g_array_append_val (walk, elapsed);

      start = now_ms ();
      g_assert (ak_review_queue_refresh (queue, &error));
      elapsed = now_ms () - start;
      g_array_append_val (build, elapsed);
    }
  sqlite3_finalize (select);

  baseline_ms = median (baseline);
  queue_ms = median (build);
  g_print ("\nThe due queue from %u memory states, %s: %u due today, limit %u"
           " (median of %u runs)\n",
           N_STATES, what, ak_review_queue_get_n_due (queue),
           ak_review_queue_get_daily_limit (queue), N_RUNS);
  g_print ("  %-44s %9.3f ms\n", "baseline: plain SELECT of all states", baseline_ms);
  g_print ("  %-44s %9.3f ms\n", "the store's walk over the due states", median (walk));
  g_print ("  %-44s %9.3f ms   %.2f x baseline   %s (target < %g ms)\n",
           "ak_review_queue_refresh ()", queue_ms, queue_ms / baseline_ms,
           queue_ms < QUEUE_TARGET_MS ? "ok" : "TOO SLOW", QUEUE_TARGET_MS);
  g_print ("  %-44s %9.3f ms\n", "first refresh, with the question index", first_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("bench-review-XXXXXX", &error);

  g_assert_no_error (error);
  if (g_getenv ("BENCH_REVIEW_QUEUE_ONLY") == NULL)
    run_simulations (root);
  /* Due days spread over the next eight months: a usual day. */
  time_queue (root, "a usual day", -3, 240);
  /* Half of them overdue: back from a long break. */
  time_queue (root, "after a break", -60, 60);
  bench_remove_tree (root);
  return 0;
}
