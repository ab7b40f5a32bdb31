/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ak-course-parts.h"
#include "ak-course-row.h"
#include "ak-lesson-page.h"
#include "ak-library-sidebar.h"
#include "window-test-helpers.h"

/* The course library in the sidebar: the learner's progress in each row,
 * and the search that finds a section and opens the lesson there. Set
 * AK_SCREENSHOT_DIR to keep PNGs. */

typedef struct
{
  AkWindowFixture  base;
  char            *store_path;
  AkProgressStore *store;
  AkContext       *context;
} SidebarFixture;

static void
sidebar_set_up (SidebarFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  ak_test_ui_fixture_set_up (&fixture->base, data);
  g_settings_reset (settings, "last-course");
  fixture->store_path = g_build_filename (fixture->base.courses_dir, "progress.db", NULL);
  fixture->store = ak_progress_store_open (fixture->store_path, &error);
  g_assert_no_error (error);
  ak_test_copy_example_course (fixture->base.courses_dir);

  fixture->base.library = ak_course_library_new ();
  ak_course_library_add_directory (fixture->base.library, fixture->base.courses_dir);
  fixture->context = ak_context_new (fixture->base.library, fixture->store, settings, NULL);
  ak_course_library_reload (fixture->base.library);
  fixture->base.window = g_object_new (AK_TYPE_WINDOW,
                                       "application", ak_test_ui_application (),
                                       "context", fixture->context,
                                       NULL);
  if (fixture->base.width > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->base.window), fixture->base.width, 640);
  gtk_window_present (GTK_WINDOW (fixture->base.window));
  ak_test_wait_for_frame (GTK_WIDGET (fixture->base.window));
}

static void
sidebar_tear_down (SidebarFixture *fixture,
                   gconstpointer   data)
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
}

static GtkWidget *
window_widget (SidebarFixture *fixture)
{
  return GTK_WIDGET (fixture->base.window);
}

/* What a key press does where the focus is: the shortcut that @widget has
 * for @keyval with @modifiers, run. GTK 4.8 cannot synthesise key events,
 * so the widget's own shortcuts (class key bindings included) are looked
 * up and activated. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !found && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger)
              || gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval
              || gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static AkCourseRow *
find_course_row (SidebarFixture *fixture)
{
  GtkWidget *row = ak_test_find_widget (window_widget (fixture), AK_TYPE_COURSE_ROW, 0);

  g_assert_nonnull (row);
  return AK_COURSE_ROW (row);
}

static const char *
row_subtitle (SidebarFixture *fixture)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find_course_row (fixture)));
}

static gboolean
row_shows_lessons_cb (gpointer user_data)
{
  SidebarFixture *fixture = user_data;
  g_autofree char *lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson read",
                                                           "%u of %u lessons read", 2), 2, 2);

  return strstr (row_subtitle (fixture), lessons) != NULL;
}

/* Progress recorded in an earlier session shows when the window opens:
 * the rows ask the store soon after they are made. */
static void
test_row_progress_at_start (SidebarFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ak_progress_store_mark_lesson_completed (fixture->store, "beispielkurs",
                                                          "kurse-nutzen", &error));
  g_assert_true (ak_progress_store_mark_lesson_completed (fixture->store, "beispielkurs",
                                                          "beitraege", &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->base.window)));

  fixture->base.window = g_object_new (AK_TYPE_WINDOW,
                                       "application", ak_test_ui_application (),
                                       "context", fixture->context,
                                       NULL);
  gtk_window_present (GTK_WINDOW (fixture->base.window));
  ak_test_wait_until (row_shows_lessons_cb, fixture);
  g_assert_true (row_shows_lessons_cb (fixture));
  g_assert_false (ak_course_row_get_passed (find_course_row (fixture)));
}

/* A course whose file has warnings is listed with a badge that says so;
 * one without has none. */
static void
test_row_shows_problems (SidebarFixture *fixture,
                         gconstpointer   data)
{
  g_autofree char *source = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "tests", "data",
                                              "library", "verweise.xml", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *row;
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  ak_test_write_file (fixture->base.courses_dir, "verweise.xml", contents, -1);
  ak_course_library_reload (fixture->base.library);
  ak_test_wait_for_frame (window_widget (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->base.library)), ==, 2);

  for (guint i = 0; (row = ak_test_find_widget (window_widget (fixture), AK_TYPE_COURSE_ROW, i));
       i++)
    {
      AkCourse *course = ak_course_row_get_course (AK_COURSE_ROW (row));

      if (course == NULL)
        continue;
      g_assert_cmpint (ak_course_row_get_has_problems (AK_COURSE_ROW (row)), ==,
                       g_str_equal (ak_course_get_id (course), "verweise"));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 2);
  ak_test_save_screenshot (window_widget (fixture),
                           fixture->base.width > 0 ? "sidebar-problems-narrow.png"
                                                   : "sidebar-problems.png");
}

/* The learner reads a lesson and passes the quizzes: the row says so as
 * soon as the store has it, without a reload. */
static void
test_row_shows_progress (SidebarFixture *fixture,
                         gconstpointer   data)
{
  AkCourse *course = ak_course_library_lookup (fixture->base.library, "beispielkurs");
  g_autoptr(GError) error = NULL;
  g_autofree char *lessons = NULL;
  g_autofree char *lessons_line = NULL;

  g_assert_nonnull (course);
  /* As the learner reads it: translated, unless the test runs in English. */
  lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson read",
                                          "%u of %u lessons read", 2), 1, 2);
  lessons_line = g_strconcat ("\n", lessons, "\n", NULL);

  /* Not started: its size, nothing about progress, no badge. */
  g_assert_null (strstr (row_subtitle (fixture), lessons));
  g_assert_false (ak_course_row_get_passed (find_course_row (fixture)));

  g_assert_true (ak_progress_store_mark_lesson_completed (fixture->store, "beispielkurs",
                                                          "kurse-nutzen", &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (row_subtitle (fixture), lessons_line));
  g_assert_false (ak_course_row_get_passed (find_course_row (fixture)));

  /* One quiz passed with 75 %: the best result shows, the course is not
   * passed until every quiz is. */
  for (guint i = 0; i < ak_course_get_n_quizzes (course); i++)
    {
      const AkQuiz *quiz = ak_course_get_quiz (course, i);
      gint64 attempt = ak_progress_store_start_attempt (fixture->store, "beispielkurs",
                                                        ak_quiz_get_id (quiz),
                                                        ak_course_get_version (course),
                                                        ak_quiz_get_hash (quiz), NULL, &error);

      g_assert_no_error (error);
      g_assert_true (ak_progress_store_finish_attempt (fixture->store, attempt,
                                                       i == 0 ? 3 : 1, 4, TRUE, &error));
      g_assert_no_error (error);
      if (i == 0)
        {
          g_autofree char *best = g_strdup_printf (_("best quiz %u%%"), 75);
          g_autofree char *line = g_strdup_printf (_("%s · %s"), lessons, best);

          g_assert_nonnull (strstr (row_subtitle (fixture), line));
          g_assert_false (ak_course_row_get_passed (find_course_row (fixture)));
        }
    }
  g_assert_cmpuint (ak_course_get_n_quizzes (course), ==, 2);
  g_assert_true (ak_course_row_get_passed (find_course_row (fixture)));
  ak_test_wait_for_frame (window_widget (fixture));
  ak_test_save_screenshot (window_widget (fixture),
                           fixture->base.width > 0 ? "sidebar-progress-narrow.png"
                                                   : "sidebar-progress.png");
}

static const char *
sidebar_page (SidebarFixture *fixture)
{
  GtkWidget *sidebar = ak_test_find_widget (window_widget (fixture), AK_TYPE_LIBRARY_SIDEBAR, 0);
  GtkWidget *stack = ak_test_find_widget (sidebar, GTK_TYPE_STACK, 0);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
results_shown_cb (gpointer user_data)
{
  const char *page = sidebar_page (user_data);

  return g_strcmp0 (page, "results") == 0 || g_strcmp0 (page, "no-results") == 0;
}

static GtkWidget *
find_page_with_title (GtkWidget  *root,
                      const char *title)
{
  GtkWidget *page;

  for (guint i = 0; (page = ak_test_find_widget (root, ADW_TYPE_STATUS_PAGE, i)) != NULL; i++)
    if (gtk_widget_is_drawable (page) &&
        g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (page)), title) == 0)
      return page;
  return NULL;
}

/* The section the lesson page shows at its top, once it has scrolled
 * there and recorded it. */
static char *
shown_section (SidebarFixture *fixture)
{
  GtkWidget *page = ak_test_find_widget (window_widget (fixture), AK_TYPE_LESSON_PAGE, 0);
  char *section_id = NULL;

  if (page != NULL)
    g_object_get (page, "section-id", &section_id, NULL);
  return section_id;
}

static gboolean
section_shown_cb (gpointer user_data)
{
  g_autofree char *section_id = shown_section (user_data);

  return g_strcmp0 (section_id, "botschaft") == 0;
}

/* Ctrl+F, a query typed without umlauts and in capitals, the hit read
 * out by its accessible name, Enter: the lesson opens at the section. */
static void
test_search_opens_section (SidebarFixture *fixture,
                           gconstpointer   data)
{
  GtkWidget *sidebar = ak_test_find_widget (window_widget (fixture), AK_TYPE_LIBRARY_SIDEBAR, 0);
  GtkSearchBar *bar = GTK_SEARCH_BAR (ak_test_find_widget (sidebar, GTK_TYPE_SEARCH_BAR, 0));
  GtkWidget *entry = ak_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY, 0);
  GtkWidget *hit;
  GtkWidget *lesson;
  g_autofree char *section_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected_name = NULL;

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  /* Typing while the list has the focus goes to the search. */
  g_assert_true (gtk_search_bar_get_key_capture_widget (bar) == sidebar);

  press_key (window_widget (fixture), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (
                   gtk_root_get_focus (GTK_ROOT (fixture->base.window)), entry));

  /* What the entry holds once the keys are typed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "NAECHSTES handlungsaufforderung");
  ak_test_wait_until (results_shown_cb, fixture);
  g_assert_cmpstr (sidebar_page (fixture), ==, "results");

  for (guint i = 0; (hit = ak_test_find_widget (sidebar, ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
    if (gtk_widget_is_drawable (hit))
      break;
  g_assert_nonnull (hit);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hit)), ==,
                   "Eine Botschaft, ein Ziel");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hit)),
                            "Gute Beiträge schreiben"));
  name = ak_test_get_accessible_name (hit);
  expected_name = g_strdup_printf (_("%s: %s"), _("Section"), "Eine Botschaft, ein Ziel");
  g_assert_cmpstr (name, ==, expected_name);
  ak_test_wait_for_frame (window_widget (fixture));
  ak_test_save_screenshot (window_widget (fixture),
                           fixture->base.width > 0 ? "sidebar-search-narrow.png"
                                                   : "sidebar-search.png");

  /* Enter in the entry opens the best hit. */
  g_signal_emit_by_name (entry, "activate");
  ak_test_wait_until (section_shown_cb, fixture);
  lesson = ak_test_find_widget (window_widget (fixture), AK_TYPE_LESSON_PAGE, 0);
  g_assert_nonnull (lesson);
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (AK_LESSON_PAGE (lesson)), ==, "beitraege");
  section_id = shown_section (fixture);
  g_assert_cmpstr (section_id, ==, "botschaft");
  g_assert_cmpstr (ak_course_get_id (ak_window_get_course (fixture->base.window)), ==,
                   "beispielkurs");
  ak_test_wait_for_frame (window_widget (fixture));
  ak_test_save_screenshot (window_widget (fixture),
                           fixture->base.width > 0 ? "sidebar-search-opened-narrow.png"
                                                   : "sidebar-search-opened.png");

  /* Escape closes the search and lists the courses again. */
  if (fixture->base.width > 0)
    press_key (window_widget (fixture), GDK_KEY_f, GDK_CONTROL_MASK);
  press_key (sidebar, GDK_KEY_Escape, 0);
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (sidebar_page (fixture), ==, "courses");
}

/* Nothing matches: a status page says so. */
static void
test_search_no_match (SidebarFixture *fixture,
                      gconstpointer   data)
{
  GtkWidget *sidebar = ak_test_find_widget (window_widget (fixture), AK_TYPE_LIBRARY_SIDEBAR, 0);
  GtkWidget *entry = ak_test_find_widget (sidebar, GTK_TYPE_SEARCH_ENTRY, 0);

  press_key (window_widget (fixture), GDK_KEY_f, GDK_CONTROL_MASK);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Quantenphysik");
  ak_test_wait_until (results_shown_cb, fixture);
  g_assert_cmpstr (sidebar_page (fixture), ==, "no-results");
  g_assert_nonnull (find_page_with_title (sidebar, _("No Results")));
  ak_test_wait_for_frame (window_widget (fixture));
  ak_test_save_screenshot (window_widget (fixture),
                           fixture->base.width > 0 ? "sidebar-no-results-narrow.png"
                                                   : "sidebar-no-results.png");
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  ak_test_ui_application ();

  g_test_add ("/sidebar/row-progress", SidebarFixture, NULL,
              sidebar_set_up, test_row_shows_progress, sidebar_tear_down);
  g_test_add ("/sidebar/row-progress-at-start", SidebarFixture, NULL,
              sidebar_set_up, test_row_progress_at_start, sidebar_tear_down);
  g_test_add ("/sidebar/row-problems", SidebarFixture, NULL,
              sidebar_set_up, test_row_shows_problems, sidebar_tear_down);
  g_test_add ("/sidebar/search-opens-section", SidebarFixture, NULL,
              sidebar_set_up, test_search_opens_section, sidebar_tear_down);
  g_test_add ("/sidebar/search-opens-section/narrow", SidebarFixture, GINT_TO_POINTER (360),
              sidebar_set_up, test_search_opens_section, sidebar_tear_down);
  g_test_add ("/sidebar/search-no-match", SidebarFixture, NULL,
              sidebar_set_up, test_search_no_match, sidebar_tear_down);
  g_test_add ("/sidebar/search-no-match/narrow", SidebarFixture, GINT_TO_POINTER (360),
              sidebar_set_up, test_search_no_match, sidebar_tear_down);
  g_test_add ("/sidebar/row-progress/narrow", SidebarFixture, GINT_TO_POINTER (360),
              sidebar_set_up, test_row_shows_progress, sidebar_tear_down);

  return ak_test_ui_run ();
}
