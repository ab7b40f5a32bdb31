/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ak-lesson-session.h"
#include "session-fixtures.h"

static AkLessonProgress *
get_lesson (AkContext *context)
{
  g_autoptr(GError) error = NULL;
  AkLessonProgress *lesson = ak_progress_store_get_lesson (ak_context_get_store (context),
                                                           "sitzung", "lektion", &error);

  g_assert_no_error (error);
  return lesson;
}

static void
test_reading (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkLessonSession) session = NULL;
  g_autoptr(AkLessonProgress) progress = NULL;
  g_autoptr(GError) error = NULL;

  session = ak_lesson_session_new (context, course, "lektion", &error);
  g_assert_no_error (error);
  /* Never read: it opens at the start. */
  g_assert_null (ak_lesson_session_get_section_id (session));
  g_assert_false (ak_lesson_session_get_completed (session));
  g_assert_true (ak_lesson_session_open (session, &error));
  g_assert_no_error (error);

  progress = get_lesson (context);
  g_assert_nonnull (progress);
  g_assert_cmpint (progress->first_opened, ==, SESSION_TEST_START_TIME);
  g_assert_cmpint (progress->completed, ==, 0);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  /* 30 s of reading, 100 s away (not counted), 15 s more. */
  ak_lesson_session_set_active (session, TRUE);
  session_test_advance (context, 30);
  ak_lesson_session_set_active (session, FALSE);
  session_test_advance (context, 100);
  g_assert_cmpfloat (ak_lesson_session_get_seconds (session), ==, 30);
  ak_lesson_session_set_active (session, TRUE);
  session_test_advance (context, 15);
  g_assert_cmpfloat (ak_lesson_session_get_seconds (session), ==, 45);

  g_assert_true (ak_lesson_session_read_section (session, "vertiefung", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ak_lesson_session_get_section_id (session), ==, "vertiefung");
  progress = get_lesson (context);
  g_assert_cmpstr (progress->section_id, ==, "vertiefung");
  g_assert_cmpfloat (progress->seconds, ==, 45);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  session_test_advance (context, 5);
  g_assert_true (ak_lesson_session_read_to_end (session, &error));
  g_assert_no_error (error);
  g_assert_true (ak_lesson_session_get_completed (session));
  progress = get_lesson (context);
  g_assert_cmpint (progress->completed, ==, SESSION_TEST_START_TIME + 150 * G_USEC_PER_SEC);
  g_assert_cmpfloat (progress->seconds, ==, 50);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  /* Closing the lesson keeps the time read since. */
  session_test_advance (context, 10);
  g_clear_object (&session);
  progress = get_lesson (context);
  g_assert_cmpfloat (progress->seconds, ==, 60);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  /* Opened again, it continues where the learner left it. */
  session = ak_lesson_session_new (context, course, "lektion", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ak_lesson_session_get_section_id (session), ==, "vertiefung");
  g_assert_true (ak_lesson_session_get_completed (session));
  /* Inactive: no time passes for the lesson. */
  session_test_advance (context, 500);
  g_assert_cmpfloat (ak_lesson_session_get_seconds (session), ==, 0);
  g_clear_object (&session);
  progress = get_lesson (context);
  g_assert_cmpfloat (progress->seconds, ==, 60);
}

static void
count_changed_cb (AkProgressStore *store,
                  const char      *course_id,
                  guint           *n_changed)
{
  g_assert_cmpstr (course_id, ==, "sitzung");
  (*n_changed)++;
}

static void
test_store_changed (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkLessonSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (ak_context_get_store (context), "changed",
                    G_CALLBACK (count_changed_cb), &n_changed);
  session = ak_lesson_session_new (context, course, "lektion", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_true (ak_lesson_session_open (session, &error));
  g_assert_cmpuint (n_changed, ==, 1);
  ak_lesson_session_set_active (session, TRUE);
  session_test_advance (context, 3);
  ak_lesson_session_set_active (session, FALSE);
  /* Lesson time added. */
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (ak_lesson_session_read_section (session, "schluss", &error));
  g_assert_cmpuint (n_changed, ==, 3);
  g_signal_handlers_disconnect_by_data (ak_context_get_store (context), &n_changed);
}

static void
test_lesson_removed (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkLessonSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = ak_lesson_session_new (context, course, "weg", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (session);
}

static void
test_without_store (void)
{
  g_autoptr(AkContext) context = session_test_context_new (FALSE);
  g_autoptr(AkCourse) course = session_test_load_course ();
  g_autoptr(AkLessonSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = ak_lesson_session_new (context, course, "lektion", &error);
  g_assert_no_error (error);
  g_assert_true (ak_lesson_session_open (session, &error));
  ak_lesson_session_set_active (session, TRUE);
  session_test_advance (context, 7);
  g_assert_true (ak_lesson_session_read_section (session, "einstieg", &error));
  g_assert_true (ak_lesson_session_read_to_end (session, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ak_lesson_session_get_seconds (session), ==, 7);
  g_assert_true (ak_lesson_session_get_completed (session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lesson-session/reading", test_reading);
  g_test_add_func ("/lesson-session/store-changed", test_store_changed);
  g_test_add_func ("/lesson-session/lesson-removed", test_lesson_removed);
  g_test_add_func ("/lesson-session/without-store", test_without_store);

  return g_test_run ();
}
