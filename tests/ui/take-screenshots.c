/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ak-course-parts.h"
#include "ak-lesson-page.h"
#include "window-test-helpers.h"

/* The screenshots of the store listing, taken from the window itself at
 * its default size over the bundled courses: take-screenshots DIR SUFFIX
 * writes DIR/overview SUFFIX.png and the others. build-aux/take-screenshots.sh
 * runs it in English and in German. */

#define COURSE_ID "aufbruch-smm"

typedef struct
{
  const char      *dir;
  const char      *suffix;
  AkCourseLibrary *library;
  AkProgressStore *store;
  AkContext       *context;
  AkWindow        *window;
} Shots;

static void
save (Shots      *shots,
      const char *name)
{
  g_autofree char *file = g_strconcat (name, shots->suffix, ".png", NULL);

  /* Two frames: the second has the sizes the first one measured. */
  ak_test_wait_for_frame (GTK_WIDGET (shots->window));
  ak_test_wait_for_frame (GTK_WIDGET (shots->window));
  g_setenv ("AK_SCREENSHOT_DIR", shots->dir, TRUE);
  ak_test_save_screenshot (GTK_WIDGET (shots->window), file);
  g_print ("%s/%s\n", shots->dir, file);
}

static gboolean
lesson_page_is_shown (gpointer data)
{
  GtkWidget *page = ak_test_find_widget (data, AK_TYPE_LESSON_PAGE, 0);

  return page != NULL && gtk_widget_get_mapped (page) &&
         !ak_lesson_page_get_loading (AK_LESSON_PAGE (page));
}

/* A learner who has read the first lesson and started the second. */
static void
record_progress (Shots *shots)
{
  g_autoptr(GError) error = NULL;

  ak_progress_store_mark_lesson_completed (shots->store, COURSE_ID, "warum-smm-lektion", &error);
  g_assert_no_error (error);
  ak_progress_store_mark_section_read (shots->store, COURSE_ID, "macht-lektion",
                                       "tueckisch-abschnitt", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *courses = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *store_path = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  Shots shots = { 0 };

  ak_test_ui_init (&argc, &argv);
  if (argc != 3)
    {
      g_printerr ("Usage: take-screenshots DIR SUFFIX\n");
      return 2;
    }
  shots.dir = argv[1];
  shots.suffix = argv[2];

  courses = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses", NULL);
  scratch = g_dir_make_tmp ("akademie-shots-XXXXXX", &error);
  g_assert_no_error (error);
  store_path = g_build_filename (scratch, "progress.db", NULL);
  shots.store = ak_progress_store_open (store_path, &error);
  g_assert_no_error (error);
  shots.library = ak_course_library_new ();
  ak_course_library_add_directory (shots.library, courses);
  ak_course_library_reload (shots.library);
  settings = g_settings_new (APP_ID);
  shots.context = ak_context_new (shots.library, shots.store, settings, NULL);
  record_progress (&shots);

  shots.window = g_object_new (AK_TYPE_WINDOW,
                               "application", ak_test_ui_application (),
                               "context", shots.context,
                               NULL);
  gtk_window_present (GTK_WINDOW (shots.window));

  ak_window_open (shots.window, COURSE_ID, NULL, NULL);
  save (&shots, "overview");

  ak_window_open_section (shots.window, COURSE_ID, "macht-lektion", "gewicht-abschnitt");
  ak_test_wait_until (lesson_page_is_shown, shots.window);
  save (&shots, "lesson");

  gtk_window_destroy (GTK_WINDOW (shots.window));
  g_clear_object (&shots.context);
  g_clear_object (&shots.library);
  g_clear_object (&shots.store);
  g_unlink (store_path);
  return 0;
}
