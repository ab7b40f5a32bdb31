/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "progress-fixtures.h"

#include "ak-review-reminder.h"

/* The daily reminder: once a review day, only when asked for and only
 * when something is due. */

static gint64
day_time (guint day)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2024, 3, 1, 12, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_days (start, day);

  return g_date_time_to_unix (then) * G_USEC_PER_SEC;
}

static void
test_once_a_day (void)
{
  g_autofree char *path = data_path ("reminder.db");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs-a", 2, 1, 6);
  g_autoptr(GError) error = NULL;
  const double scores[6] = { 0, 1, 0.5, 1, 0, 1 };
  g_autoptr(AkReviewQueue) queue = ak_review_queue_new (store, G_LIST_MODEL (courses));
  gint64 reminded = -1;

  g_list_store_append (courses, course);
  ak_progress_store_set_now (store, day_time (0));
  take_quiz (store, course, quiz_at (course, 0), scores, TRUE);

  /* Nothing is due on the day of the quiz. */
  g_assert_cmpuint (ak_review_reminder_take_due (queue, &reminded, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (reminded, ==, -1);

  /* The day after, the wrong and partly right answers are due. */
  ak_progress_store_set_now (store, day_time (1));
  g_assert_cmpuint (ak_review_reminder_take_due (queue, &reminded, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (reminded, >, 0);
  /* Once a day only. */
  g_assert_cmpuint (ak_review_reminder_take_due (queue, &reminded, &error), ==, 0);

  /* The next day, the limit caps what is mentioned. */
  ak_progress_store_set_now (store, day_time (2));
  ak_review_queue_set_daily_limit (queue, 2);
  g_assert_cmpuint (ak_review_reminder_take_due (queue, &reminded, &error), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review-reminder/once-a-day", test_once_a_day);
  return g_test_run ();
}
