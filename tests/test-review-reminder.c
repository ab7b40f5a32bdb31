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
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  const double scores[6] = { 0, 1, 0.5, 1, 0, 1 };

  g_settings_reset (settings, "review-reminded-day");
  g_settings_reset (settings, "review-daily-limit");
  g_list_store_append (courses, course);
  ak_progress_store_set_now (store, day_time (0));
  take_quiz (store, course, quiz_at (course, 0), scores, TRUE);

  /* Off by default, whatever is due. */
  ak_progress_store_set_now (store, day_time (1));
  g_assert_cmpuint (ak_review_reminder_take_due (store, G_LIST_MODEL (courses), settings, &error),
                    ==, 0);
  g_assert_no_error (error);

  /* On: the day after the quiz, the wrong and partly right answers are due. */
  g_settings_set_boolean (settings, "review-notifications", TRUE);
  ak_progress_store_set_now (store, day_time (0));
  g_assert_cmpuint (ak_review_reminder_take_due (store, G_LIST_MODEL (courses), settings, &error),
                    ==, 0);
  ak_progress_store_set_now (store, day_time (1));
  g_assert_cmpuint (ak_review_reminder_take_due (store, G_LIST_MODEL (courses), settings, &error),
                    ==, 3);
  g_assert_no_error (error);
  /* Once a day only. */
  g_assert_cmpuint (ak_review_reminder_take_due (store, G_LIST_MODEL (courses), settings, &error),
                    ==, 0);

  /* The limit caps what is mentioned. */
  g_settings_set_uint (settings, "review-daily-limit", 2);
  ak_progress_store_set_now (store, day_time (2));
  g_assert_cmpuint (ak_review_reminder_take_due (store, G_LIST_MODEL (courses), settings, &error),
                    ==, 2);

  g_settings_reset (settings, "review-notifications");
  g_settings_reset (settings, "review-reminded-day");
  g_settings_reset (settings, "review-daily-limit");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review-reminder/once-a-day", test_once_a_day);
  return g_test_run ();
}
