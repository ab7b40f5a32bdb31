/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ak-course-overview.h"
#include "ak-course-parts.h"
#include "ak-course-row.h"
#include "ak-lesson-page.h"
#include "ak-quiz-page.h"
#include "ak-review-page.h"
#include "ak-statistics-page.h"
#include "window-test-helpers.h"

/* Finding a course and finding one's way in it: the course overview with
 * the learner's progress, opening a course or a step by id, the narrow
 * window, the window state kept between starts, and a course reloaded
 * under the learner's eyes. Set AK_SCREENSHOT_DIR to keep PNGs. */

typedef struct
{
  AkWindowFixture  base;
  char            *store_path;
  AkProgressStore *store;
  AkContext       *context;
} NavFixture;

static void
nav_set_up (NavFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  ak_test_ui_fixture_set_up (&fixture->base, data);
  g_settings_reset (settings, "last-course");
  g_settings_reset (settings, "last-step");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  fixture->store_path = g_build_filename (fixture->base.courses_dir, "progress.db", NULL);
  fixture->store = ak_progress_store_open (fixture->store_path, &error);
  g_assert_no_error (error);
  ak_test_copy_example_course (fixture->base.courses_dir);
}

/* A window over the fixture's courses and store; @load: read the courses
 * before the window is made. */
static void
nav_start_window (NavFixture *fixture,
                  gboolean    load)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (fixture->base.library == NULL)
    {
      fixture->base.library = ak_course_library_new ();
      ak_course_library_add_directory (fixture->base.library, fixture->base.courses_dir);
      fixture->context = ak_context_new (fixture->base.library, fixture->store, settings, NULL);
    }
  if (load)
    ak_course_library_reload (fixture->base.library);

  fixture->base.window = g_object_new (AK_TYPE_WINDOW,
                                       "application", ak_test_ui_application (),
                                       "context", fixture->context,
                                       NULL);
  if (fixture->base.width > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->base.window), fixture->base.width, 640);
  gtk_window_present (GTK_WINDOW (fixture->base.window));
}

static void
nav_tear_down (NavFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (fixture->base.window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->base.window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->context);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  ak_test_ui_fixture_tear_down (&fixture->base, data);
  g_free (fixture->store_path);
  g_settings_reset (settings, "last-course");
  g_settings_reset (settings, "last-step");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static GtkWidget *
window_widget (NavFixture *fixture)
{
  return GTK_WIDGET (fixture->base.window);
}

static AkCourseOverview *
find_overview (NavFixture *fixture)
{
  GtkWidget *overview = ak_test_find_widget (window_widget (fixture), AK_TYPE_COURSE_OVERVIEW, 0);

  g_assert_nonnull (overview);
  return AK_COURSE_OVERVIEW (overview);
}

static GtkButton *
find_suggested_button (GtkWidget *root)
{
  GtkWidget *button;

  for (guint i = 0; (button = ak_test_find_widget (root, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (gtk_widget_has_css_class (button, "suggested-action"))
      return GTK_BUTTON (button);
  return NULL;
}

/* The suggested step as "action target", e.g. "win.open-lesson beispielkurs/beitraege". */
static char *
describe_suggestion (GtkWidget *root)
{
  GtkButton *button = find_suggested_button (root);
  GVariant *target;

  if (button == NULL)
    return g_strdup ("none");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  return g_strdup_printf ("%s %s: %s", gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                          target != NULL ? g_variant_get_string (target, NULL) : "-",
                          gtk_button_get_label (button));
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  GtkWidget *label;

  for (guint i = 0; (label = ak_test_find_widget (root, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
      return TRUE;
  return FALSE;
}

static const char *
open_course_id (NavFixture *fixture)
{
  AkCourse *course = ak_window_get_course (fixture->base.window);

  return course != NULL ? ak_course_get_id (course) : NULL;
}

/* As the test runs: LANGUAGE=de shows the German window for screenshots. */
static const char *
back_name (void)
{
  return g_dgettext (GETTEXT_PACKAGE, "Back");
}

static AdwLeaflet *
find_leaflet (NavFixture *fixture)
{
  return ADW_LEAFLET (ak_test_find_widget (window_widget (fixture), ADW_TYPE_LEAFLET, 0));
}

/* Presses a key combination the way the window's shortcuts see it. */
static void
press_shortcut (GtkWidget  *widget,
                const char *accelerator)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
                                       gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            {
              found = TRUE;
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
            }
        }
    }
  g_object_unref (controllers);
  g_assert_true (found);
}

/* Presses the back button of a mouse: the window's click gesture for
 * button 8 gets the press. */
static void
press_mouse_back (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == 8)
        {
          found = TRUE;
          g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
        }
    }
  g_object_unref (controllers);
  g_assert_true (found);
}

static void
test_overview_follows_progress (NavFixture    *fixture,
                                gconstpointer  data)
{
  GtkWidget *row;
  AkCourseOverview *overview;
  AdwActionRow *lesson_row;
  AdwActionRow *quiz_row;
  AkCourse *course;
  g_autofree char *suggestion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 attempt;

  nav_start_window (fixture, TRUE);
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_null (ak_window_get_course (fixture->base.window));

  /* Enter on a course row opens the course. */
  row = ak_test_find_widget (window_widget (fixture), AK_TYPE_COURSE_ROW, 0);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (open_course_id (fixture), ==, "beispielkurs");
  course = ak_window_get_course (fixture->base.window);

  overview = find_overview (fixture);
  ak_test_wait_for_frame (window_widget (fixture));
  ak_test_save_screenshot (window_widget (fixture), "navigation-overview.png");
  g_assert_true (has_label (GTK_WIDGET (overview), "Beispielkurs: Gute Beiträge schreiben"));
  g_assert_true (has_label (GTK_WIDGET (overview), "About 20 minutes"));
  lesson_row = ak_test_find_action_row (GTK_WIDGET (overview), "So arbeiten Sie mit Akademie-Kursen");
  g_assert_nonnull (lesson_row);
  g_assert_nonnull (ak_test_find_action_row (GTK_WIDGET (overview), "Gute Beiträge schreiben"));
  g_assert_cmpstr (adw_action_row_get_subtitle (lesson_row), ==, "Not read yet");
  quiz_row = ak_test_find_action_row (GTK_WIDGET (overview),
                       ak_quiz_get_title (ak_course_find_quiz (course, "quiz-kurse")));
  g_assert_nonnull (quiz_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (quiz_row), ==, "Not taken yet");

  /* A new learner starts with the first lesson. */
  suggestion = describe_suggestion (GTK_WIDGET (overview));
  g_assert_cmpstr (suggestion, ==, "win.open-lesson beispielkurs/kurse-nutzen: Continue Learning");

  /* What the learner did shows, and the suggestion moves on. */
  ak_progress_store_mark_lesson_completed (fixture->store, "beispielkurs", "kurse-nutzen", &error);
  g_assert_no_error (error);
  attempt = ak_progress_store_start_attempt (fixture->store, "beispielkurs", "quiz-kurse",
                                             ak_course_get_version (course),
                                             ak_quiz_get_hash (ak_course_find_quiz (course,
                                                                                    "quiz-kurse")),
                                             NULL, &error);
  g_assert_no_error (error);
  ak_progress_store_finish_attempt (fixture->store, attempt, 4, 5, TRUE, &error);
  g_assert_no_error (error);

  lesson_row = ak_test_find_action_row (GTK_WIDGET (overview), "So arbeiten Sie mit Akademie-Kursen");
  g_assert_cmpstr (adw_action_row_get_subtitle (lesson_row), ==, "Read");
  quiz_row = ak_test_find_action_row (GTK_WIDGET (overview),
                       ak_quiz_get_title (ak_course_find_quiz (course, "quiz-kurse")));
  g_assert_cmpstr (adw_action_row_get_subtitle (quiz_row), ==, "Best score 80 % · Passed");
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (
                     ak_test_find_widget (GTK_WIDGET (overview), GTK_TYPE_PROGRESS_BAR, 0))),
                   ==, "1 of 2 lessons read");
  g_clear_pointer (&suggestion, g_free);
  suggestion = describe_suggestion (GTK_WIDGET (overview));
  g_assert_cmpstr (suggestion, ==, "win.open-lesson beispielkurs/beitraege: Continue Learning");

  /* A quiz left halfway comes first. */
  ak_progress_store_start_attempt (fixture->store, "beispielkurs", "quiz-beitraege",
                                   ak_course_get_version (course),
                                   ak_quiz_get_hash (ak_course_find_quiz (course, "quiz-beitraege")),
                                   NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&suggestion, g_free);
  suggestion = describe_suggestion (GTK_WIDGET (overview));
  g_assert_cmpstr (suggestion, ==, "win.open-quiz beispielkurs/quiz-beitraege: Resume Quiz");
  quiz_row = ak_test_find_action_row (GTK_WIDGET (overview),
                       ak_quiz_get_title (ak_course_find_quiz (course, "quiz-beitraege")));
  g_assert_cmpstr (adw_action_row_get_subtitle (quiz_row), ==, "In progress");
  ak_test_wait_for_frame (window_widget (fixture));
  ak_test_save_screenshot (window_widget (fixture), "navigation-overview-progress.png");

  /* The suggestion opens its step; back returns to the overview. */
  g_signal_emit_by_name (find_suggested_button (GTK_WIDGET (overview)), "clicked");
  g_assert_nonnull (ak_test_find_widget (window_widget (fixture), ADW_TYPE_STATUS_PAGE, 0));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (overview)));
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (has_label (window_widget (fixture),
                            ak_quiz_get_title (ak_course_find_quiz (course, "quiz-beitraege"))));
  ak_test_save_screenshot (window_widget (fixture), "navigation-step.png");
  press_shortcut (window_widget (fixture), "<Alt>Left");
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overview)));
}

static gboolean
course_is_open (gpointer data)
{
  return ak_window_get_course (data) != NULL;
}

static gboolean
page_is_shown (gpointer data)
{
  return !gtk_widget_get_mapped (ak_test_find_widget (data, AK_TYPE_COURSE_OVERVIEW, 0));
}

/* app.open-course, as a notification or --course would use it, before
 * the library has read its courses. */
static void
test_open_by_id_waits_for_library (NavFixture    *fixture,
                                   gconstpointer  data)
{
  AkApplication *app = ak_test_ui_application ();
  AkCourseLibrary *library = ak_application_get_library (app);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "akademie", "courses",
                                                NULL);
  AkWindow *window;

  ak_test_copy_example_course (user_dir);
  g_assert_false (ak_course_library_get_loaded (library));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-lesson",
                                  g_variant_new_string ("beispielkurs/beitraege"));
  window = AK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_null (ak_window_get_course (window));

  ak_test_wait_until (course_is_open, window);
  g_assert_true (ak_course_library_get_loaded (library));
  g_assert_cmpstr (ak_course_get_id (ak_window_get_course (window)), ==, "beispielkurs");
  ak_test_wait_until (page_is_shown, window);
  g_assert_true (has_label (GTK_WIDGET (window), "Gute Beiträge schreiben"));

  /* Once loaded, a request is answered at once. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-course",
                                  g_variant_new_string ("beispielkurs"));
  g_assert_true (gtk_widget_get_mapped (ak_test_find_widget (GTK_WIDGET (window),
                                                             AK_TYPE_COURSE_OVERVIEW, 0)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_window_folds (NavFixture    *fixture,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet;

  nav_start_window (fixture, TRUE);
  ak_test_wait_for_frame (window_widget (fixture));
  leaflet = find_leaflet (fixture);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  ak_test_save_screenshot (window_widget (fixture), "navigation-narrow-library.png");

  ak_window_open (fixture->base.window, "beispielkurs", "beitraege", NULL);
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_nonnull (ak_test_find_accessible (window_widget (fixture), GTK_ACCESSIBLE_ROLE_BUTTON,
                                             back_name ()));
  ak_test_save_screenshot (window_widget (fixture), "navigation-narrow-step.png");

  /* Back: from the lesson to the overview (Alt+Left), then to the
   * library (the mouse's back button). */
  press_shortcut (window_widget (fixture), "<Alt>Left");
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_overview (fixture))));
  ak_test_save_screenshot (window_widget (fixture), "navigation-narrow-overview.png");
  press_mouse_back (window_widget (fixture));
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  g_assert_null (ak_test_find_accessible (window_widget (fixture), GTK_ACCESSIBLE_ROLE_BUTTON,
                                          back_name ()));
}

static void
test_wide_window_shows_both (NavFixture    *fixture,
                             gconstpointer  data)
{
  nav_start_window (fixture, TRUE);
  ak_window_open (fixture->base.window, "beispielkurs", NULL, NULL);
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_false (adw_leaflet_get_folded (find_leaflet (fixture)));
  g_assert_true (gtk_widget_get_mapped (ak_test_find_widget (window_widget (fixture),
                                                             AK_TYPE_COURSE_ROW, 0)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_overview (fixture))));
  g_assert_null (ak_test_find_accessible (window_widget (fixture), GTK_ACCESSIBLE_ROLE_BUTTON,
                                          back_name ()));
  /* The open course's row stands out in the list. */
  g_assert_true (gtk_widget_has_css_class (ak_test_find_widget (window_widget (fixture),
                                                                AK_TYPE_COURSE_ROW, 0),
                                           "ak-open-course"));
}

static void
test_window_state_is_restored (NavFixture    *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = NULL;
  int width, height;

  nav_start_window (fixture, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->base.window), 700, 500);
  ak_window_open (fixture->base.window, "beispielkurs", NULL, NULL);
  ak_test_wait_for_frame (window_widget (fixture));
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->base.window)));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  last = g_settings_get_string (settings, "last-course");
  g_assert_cmpstr (last, ==, "beispielkurs");

  /* The next start: a new library, read once the window is on screen;
   * the window has the same size and the same course, once it is read. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->context);
  g_assert_finalize_object (g_steal_pointer (&fixture->base.library));
  nav_start_window (fixture, FALSE);
  gtk_window_get_default_size (GTK_WINDOW (fixture->base.window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_null (ak_window_get_course (fixture->base.window));
  ak_test_wait_until (course_is_open, fixture->base.window);
  g_assert_cmpstr (open_course_id (fixture), ==, "beispielkurs");
}

static gboolean
title_changed (gpointer data)
{
  NavFixture *fixture = data;

  return g_strcmp0 (ak_course_get_title (ak_window_get_course (fixture->base.window)),
                    "Beispielkurs (überarbeitet)") == 0;
}

static void
test_replaced_course_is_followed (NavFixture    *fixture,
                                  gconstpointer  data)
{
  g_autofree char *contents = ak_test_read_course ("beispielkurs.kurs.xml");
  g_autofree char *changed = NULL;
  AkCourse *old;
  g_auto(GStrv) parts = NULL;

  nav_start_window (fixture, TRUE);
  ak_window_open (fixture->base.window, "beispielkurs", NULL, NULL);
  old = ak_window_get_course (fixture->base.window);
  g_assert_nonnull (old);

  parts = g_strsplit (contents, "<title>Beispielkurs: Gute Beiträge schreiben</title>", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoin ("<title>Beispielkurs (überarbeitet)</title>", parts[0], parts[1], NULL);
  ak_test_write_file (fixture->base.courses_dir, "beispielkurs.kurs.xml", changed, -1);
  ak_course_library_reload (fixture->base.library);

  g_assert_true (title_changed (fixture));
  g_assert_true (has_label (GTK_WIDGET (find_overview (fixture)), "Beispielkurs (überarbeitet)"));
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (has_label (window_widget (fixture), "Course reloaded"));
  ak_test_save_screenshot (window_widget (fixture), "navigation-reloaded.png");
}

static AkLessonPage *
find_lesson_page (NavFixture *fixture)
{
  return (AkLessonPage *)ak_test_find_mapped (window_widget (fixture), AK_TYPE_LESSON_PAGE);
}

static gboolean
lesson_page_is_shown (gpointer data)
{
  return find_lesson_page (data) != NULL;
}

/* A link to a section opens the lesson reader there; Back returns to the
 * overview, and the next start does not reopen the lesson. */
static void
test_lesson_opens_from_link (NavFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *place = NULL;
  g_autofree char *after_back = NULL;

  nav_start_window (fixture, TRUE);
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (gtk_widget_activate_action (window_widget (fixture), "win.open-lesson", "s",
                                             "beispielkurs/beitraege/messen"));
  ak_test_wait_until (lesson_page_is_shown, fixture);
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (find_lesson_page (fixture)), ==, "beitraege");
  g_assert_cmpstr (open_course_id (fixture), ==, "beispielkurs");
  g_assert_true (has_label (window_widget (fixture), "Gute Beiträge schreiben"));
  place = g_settings_get_string (settings, "last-step");
  g_assert_cmpstr (place, ==, "lesson:beitraege");

  /* The lesson's "previous" link replaces it; Back still goes to the overview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_lesson_page (fixture)),
                                             "lesson.previous", NULL));
  ak_test_wait_until (lesson_page_is_shown, fixture);
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (find_lesson_page (fixture)), ==,
                   "kurse-nutzen");
  press_shortcut (window_widget (fixture), "<Alt>Left");
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_null (find_lesson_page (fixture));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_overview (fixture))));
  after_back = g_settings_get_string (settings, "last-step");
  g_assert_cmpstr (after_back, ==, "");

  /* A step the course does not have is named, and nothing else changes. */
  g_assert_true (gtk_widget_activate_action (window_widget (fixture), "win.open-lesson", "s",
                                             "beispielkurs/gibt-es-nicht"));
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (has_label (window_widget (fixture),
                            "The course has no lesson or quiz “gibt-es-nicht”"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_overview (fixture))));
}

/* Closing the window in a lesson and starting again returns to it; a
 * reloaded course keeps the lesson open. */
static void
test_place_is_restored (NavFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;

  nav_start_window (fixture, TRUE);
  ak_window_open (fixture->base.window, "beispielkurs", "beitraege", NULL);
  ak_test_wait_until (lesson_page_is_shown, fixture);
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->base.window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->context);
  g_assert_finalize_object (g_steal_pointer (&fixture->base.library));

  nav_start_window (fixture, FALSE);
  ak_test_wait_until (lesson_page_is_shown, fixture);
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (find_lesson_page (fixture)), ==, "beitraege");

  /* The file changes on disk: the lesson is shown from the new course. */
  contents = ak_test_read_course ("beispielkurs.kurs.xml");
  changed = g_strjoin ("", contents, "\n", NULL);
  ak_test_write_file (fixture->base.courses_dir, "beispielkurs.kurs.xml", changed, -1);
  ak_course_library_reload (fixture->base.library);
  ak_test_wait_until (lesson_page_is_shown, fixture);
  g_assert_true (ak_lesson_page_get_course (find_lesson_page (fixture)) ==
                 ak_window_get_course (fixture->base.window));
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (find_lesson_page (fixture)), ==, "beitraege");
}

/* A course file dropped on the window joins the library and is shown. */
static void
test_dropped_file_is_opened (NavFixture    *fixture,
                             gconstpointer  data)
{
  g_autofree char *contents = ak_test_read_course ("web20-party.kurs.xml");
  g_auto(GStrv) parts = g_strsplit (contents, "id=\"web20-party\"", 2);
  g_autofree char *renamed = NULL;
  g_autofree char *elsewhere = g_build_filename (fixture->base.courses_dir, "elsewhere", NULL);
  g_autofree char *path = g_build_filename (elsewhere, "abgelegt.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList files = { file, NULL };
  GListModel *controllers;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  renamed = g_strjoin ("id=\"abgelegt\"", parts[0], parts[1], NULL);
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  ak_test_write_file (elsewhere, "abgelegt.xml", renamed, -1);

  nav_start_window (fixture, TRUE);
  ak_test_wait_for_frame (window_widget (fixture));
  controllers = gtk_widget_observe_controllers (window_widget (fixture));
  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  ak_test_wait_until (course_is_open, fixture->base.window);
  g_assert_cmpstr (open_course_id (fixture), ==, "abgelegt");
}

static AkQuizPage *
find_quiz_page (NavFixture *fixture)
{
  return (AkQuizPage *)ak_test_find_mapped (window_widget (fixture), AK_TYPE_QUIZ_PAGE);
}

/* "Read in the lesson" from a quiz opens the lesson above it, and Back
 * returns to the same quiz page, not to the overview. */
static void
test_quiz_returns_from_lesson (NavFixture    *fixture,
                               gconstpointer  data)
{
  AkQuizPage *quiz;
  g_autofree char *place = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  nav_start_window (fixture, TRUE);
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (gtk_widget_activate_action (window_widget (fixture), "win.open-quiz", "s",
                                             "beispielkurs/quiz-beitraege"));
  ak_test_wait_for_frame (window_widget (fixture));
  quiz = find_quiz_page (fixture);
  g_assert_nonnull (quiz);
  g_assert_cmpstr (ak_quiz_page_get_quiz_id (quiz), ==, "quiz-beitraege");
  place = g_settings_get_string (settings, "last-step");
  g_assert_cmpstr (place, ==, "quiz:quiz-beitraege");

  g_signal_emit_by_name (quiz, "open-lesson-section", "beispielkurs", "beitraege", "messen");
  ak_test_wait_until (lesson_page_is_shown, fixture);
  g_assert_null (find_quiz_page (fixture));
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (find_lesson_page (fixture)), ==, "beitraege");

  press_shortcut (window_widget (fixture), "<Alt>Left");
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_null (find_lesson_page (fixture));
  g_assert_true (find_quiz_page (fixture) == quiz);

  /* A lesson that left the library is named, and the quiz stays. */
  g_signal_emit_by_name (quiz, "open-lesson-section", "weg", "beitraege", "messen");
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_true (find_quiz_page (fixture) == quiz);
  g_assert_true (has_label (window_widget (fixture), "The lesson is not in the library any more"));
}

/* The statistics are a row above the courses; Back returns to the course. */
static void
test_statistics_open_from_sidebar (NavFixture    *fixture,
                                   gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *page;

  nav_start_window (fixture, TRUE);
  ak_window_open (fixture->base.window, "beispielkurs", NULL, NULL);
  ak_test_wait_for_frame (window_widget (fixture));
  row = ak_test_find_accessible (window_widget (fixture), GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                 "Statistics");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  ak_test_wait_for_frame (window_widget (fixture));
  page = ak_test_find_widget (window_widget (fixture), AK_TYPE_STATISTICS_PAGE, 0);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (has_label (window_widget (fixture), "Statistics"));

  press_shortcut (window_widget (fixture), "<Alt>Left");
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_null (ak_test_find_widget (window_widget (fixture), AK_TYPE_STATISTICS_PAGE, 0));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_overview (fixture))));
}

static gboolean
review_count_shown (gpointer data)
{
  GtkWidget *row = ak_test_find_accessible (data, GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                            "Review, 2 questions due");

  return row != NULL;
}

/* Two answers wrong three days ago: the review row says two are due, and
 * the application's action (the reminder's) opens the review. */
static void
test_review_opens_from_sidebar (NavFixture    *fixture,
                                gconstpointer  data)
{
  g_autoptr(AkClock) clock = ak_fake_clock_new (g_get_real_time () - 3 * G_TIME_SPAN_DAY);
  g_autoptr(GError) error = NULL;
  const AkQuiz *quiz;
  GtkWidget *page;
  gint64 attempt;

  nav_start_window (fixture, TRUE);
  /* After the context, which gives the store its own clock */
  ak_progress_store_set_clock (fixture->store, clock);
  quiz = ak_course_find_quiz (ak_course_library_lookup (fixture->base.library, "beispielkurs"),
                              "quiz-beitraege");
  attempt = ak_progress_store_start_attempt (fixture->store, "beispielkurs", "quiz-beitraege",
                                             "1", ak_quiz_get_hash (quiz), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const AkQuestion *question = ak_quiz_get_question (quiz, i);

      ak_progress_store_record_answer (fixture->store, attempt, ak_question_get_id (question),
                                       ak_question_get_hash (question), "{}", 0, 20, i + 1,
                                       &error);
      g_assert_no_error (error);
    }
  ak_fake_clock_advance (AK_FAKE_CLOCK (clock), 3 * G_TIME_SPAN_DAY);
  ak_course_library_reload (fixture->base.library);
  ak_test_wait_until (review_count_shown, window_widget (fixture));
  g_assert_true (review_count_shown (window_widget (fixture)));

  g_assert_true (gtk_widget_activate_action (window_widget (fixture), "win.show-review", NULL));
  ak_test_wait_for_frame (window_widget (fixture));
  page = ak_test_find_widget (window_widget (fixture), AK_TYPE_REVIEW_PAGE, 0);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (has_label (page, "2 questions are due for review today."));
}

static void
test_overview_is_named (NavFixture    *fixture,
                        gconstpointer  data)
{
  g_autofree char *problems = NULL;
  g_autofree char *lesson_problems = NULL;
  guint n_checked;

  nav_start_window (fixture, TRUE);
  ak_window_open (fixture->base.window, "beispielkurs", NULL, NULL);
  ak_test_wait_for_frame (window_widget (fixture));
  problems = ak_test_list_unnamed (window_widget (fixture), &n_checked);
  g_assert_cmpstr (problems, ==, "");
  /* The header, the course row, the suggested step and the step rows */
  g_assert_cmpuint (n_checked, >=, 6);

  ak_window_open (fixture->base.window, "beispielkurs", "beitraege", NULL);
  ak_test_wait_until (lesson_page_is_shown, fixture);
  ak_test_wait_for_frame (window_widget (fixture));
  lesson_problems = ak_test_list_unnamed (window_widget (fixture), &n_checked);
  g_assert_cmpstr (lesson_problems, ==, "");
  g_assert_cmpuint (n_checked, >=, 6);
}

typedef struct
{
  AkApplication *app;
  guint          checks;
  gboolean       want_page;
} CommandLineRun;

/* Quits once the lesson named on the command line is shown, or gives up. */
static gboolean
check_command_line_cb (gpointer data)
{
  CommandLineRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));
  AkCourse *course = AK_IS_WINDOW (window) ? ak_window_get_course (AK_WINDOW (window)) : NULL;

  if (course != NULL && (!run->want_page || page_is_shown (window)))
    {
      g_print ("opened %s: %s\n", ak_course_get_id (course),
               has_label (GTK_WIDGET (window), "Gute Beiträge schreiben") ? "beitraege" : "?");
      g_application_quit (G_APPLICATION (run->app));
      return G_SOURCE_REMOVE;
    }
  if (++run->checks > 200)
    {
      g_print ("nothing opened\n");
      g_application_quit (G_APPLICATION (run->app));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* akademie --course ID --lesson ID, in a process of its own, as it runs. */
static void
test_command_line_opens_lesson (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "akademie", "courses",
                                                    NULL);
      char *args[] = { "akademie", "--course", "beispielkurs", "--lesson", "beitraege", NULL };
      CommandLineRun run = { NULL, 0, TRUE };
      int status;

      ak_test_copy_example_course (user_dir);
      run.app = ak_application_new ();
      g_application_set_flags (G_APPLICATION (run.app),
                               G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
      g_timeout_add (50, check_command_line_cb, &run);
      status = g_application_run (G_APPLICATION (run.app), G_N_ELEMENTS (args) - 1, args);
      g_object_unref (run.app);
      exit (status);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*opened beispielkurs: beitraege*");
}

/* akademie FILE.xml opens the course in it, from outside the library. */
static void
test_command_line_opens_file (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("akademie-file-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "beispielkurs.kurs.xml", NULL);
      char *args[] = { "akademie", path, NULL };
      CommandLineRun run = { NULL, 0, FALSE };
      int status;

      ak_test_copy_example_course (dir);
      run.app = ak_application_new ();
      g_application_set_flags (G_APPLICATION (run.app),
                               G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
      g_timeout_add (50, check_command_line_cb, &run);
      status = g_application_run (G_APPLICATION (run.app), G_N_ELEMENTS (args) - 1, args);
      g_object_unref (run.app);
      exit (status);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*opened beispielkurs*");
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);

#define ADD(path, func, width) \
  g_test_add ("/navigation/" path, NavFixture, GINT_TO_POINTER (width), \
              nav_set_up, func, nav_tear_down)
  ADD ("overview-follows-progress", test_overview_follows_progress, 0);
  ADD ("open-by-id-waits-for-library", test_open_by_id_waits_for_library, 0);
  ADD ("narrow-window-folds", test_narrow_window_folds, 360);
  ADD ("wide-window-shows-both", test_wide_window_shows_both, 1000);
  ADD ("window-state-is-restored", test_window_state_is_restored, 0);
  ADD ("replaced-course-is-followed", test_replaced_course_is_followed, 0);
  ADD ("overview-is-named", test_overview_is_named, 0);
  ADD ("lesson-opens-from-link", test_lesson_opens_from_link, 1000);
  ADD ("place-is-restored", test_place_is_restored, 0);
  ADD ("dropped-file-is-opened", test_dropped_file_is_opened, 0);
  ADD ("quiz-returns-from-lesson", test_quiz_returns_from_lesson, 1000);
  ADD ("statistics-open-from-sidebar", test_statistics_open_from_sidebar, 1000);
  ADD ("review-opens-from-sidebar", test_review_opens_from_sidebar, 1000);
#undef ADD
  g_test_add_func ("/navigation/command-line-opens-lesson", test_command_line_opens_lesson);
  g_test_add_func ("/navigation/command-line-opens-file", test_command_line_opens_file);

  return ak_test_ui_run ();
}
