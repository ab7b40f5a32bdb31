/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "session-fixtures.h"

static void
test_properties (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autoptr(AkProgressStore) store = session_test_open_store ();
  g_autoptr(AkClock) clock = ak_fake_clock_new (SESSION_TEST_START_TIME);
  g_autoptr(AkContext) context = ak_context_new (library, store, NULL, clock);
  g_autoptr(AkCourseLibrary) read_library = NULL;
  g_autoptr(AkProgressStore) read_store = NULL;
  g_autoptr(AkClock) read_clock = NULL;
  g_autoptr(GSettings) read_settings = NULL;

  g_assert_true (ak_context_get_library (context) == library);
  g_assert_true (ak_context_get_store (context) == store);
  g_assert_true (ak_context_get_clock (context) == clock);
  g_assert_null (ak_context_get_settings (context));

  g_object_get (context, "library", &read_library, "store", &read_store,
                "clock", &read_clock, "settings", &read_settings, NULL);
  g_assert_true (read_library == library);
  g_assert_true (read_store == store);
  g_assert_true (read_clock == clock);
  g_assert_null (read_settings);
}

static void
test_defaults (void)
{
  g_autoptr(AkContext) context = ak_context_new (NULL, NULL, NULL, NULL);
  gint64 before = g_get_real_time ();
  gint64 now;

  /* Without a clock of its own, a context reads the system's. */
  g_assert_true (ak_context_get_clock (context) == ak_clock_get_default ());
  now = ak_clock_get_real_time (ak_context_get_clock (context));
  g_assert_cmpint (now, >=, before);
  g_assert_cmpint (now, <=, g_get_real_time ());
  g_assert_null (ak_context_get_library (context));
  g_assert_null (ak_context_get_store (context));
  g_assert_null (ak_context_lookup_course (context, "sitzung"));
}

static void
test_store_clock (void)
{
  g_autoptr(AkContext) context = session_test_context_new (TRUE);
  AkProgressStore *store = ak_context_get_store (context);
  g_autoptr(AkLessonProgress) lesson = NULL;
  g_autoptr(GError) error = NULL;

  /* The store dates what the learner does by the context's clock. */
  session_test_advance (context, 90);
  g_assert_true (ak_progress_store_mark_lesson_opened (store, "sitzung", "lektion", NULL,
                                                       &error));
  g_assert_no_error (error);
  lesson = ak_progress_store_get_lesson (store, "sitzung", "lektion", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lesson->first_opened, ==, SESSION_TEST_START_TIME + 90 * G_USEC_PER_SEC);
}

static void
test_lookup_course (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autoptr(AkContext) context = ak_context_new (library, NULL, NULL, NULL);
  g_autofree char *path = session_test_course_path ();

  ak_course_library_add_file (library, path);
  ak_course_library_reload (library);
  g_assert_nonnull (ak_context_lookup_course (context, "sitzung"));
  g_assert_null (ak_context_lookup_course (context, "anderer-kurs"));
}

static void
test_fake_clock (void)
{
  g_autoptr(AkClock) clock = ak_fake_clock_new (1000);
  gint64 monotonic = ak_clock_get_monotonic_time (clock);

  g_assert_cmpint (ak_clock_get_real_time (clock), ==, 1000);
  ak_fake_clock_advance (AK_FAKE_CLOCK (clock), 250);
  g_assert_cmpint (ak_clock_get_real_time (clock), ==, 1250);
  g_assert_cmpint (ak_clock_get_monotonic_time (clock), ==, monotonic + 250);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/context/properties", test_properties);
  g_test_add_func ("/context/defaults", test_defaults);
  g_test_add_func ("/context/store-clock", test_store_clock);
  g_test_add_func ("/context/lookup-course", test_lookup_course);
  g_test_add_func ("/context/fake-clock", test_fake_clock);

  return g_test_run ();
}
