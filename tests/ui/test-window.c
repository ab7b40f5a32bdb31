/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ak-course-loader.h"
#include "ak-course-row.h"
#include "window-test-helpers.h"

/* The main window as a learner meets it: the course list, the empty state,
 * and the files a trainer has to fix. Set AK_SCREENSHOT_DIR to keep a PNG
 * of each state for review. */

/* The label's source, not its text: whether emphasis reaches the screen. */
static gboolean
row_shows_markup (GtkWidget  *row,
                  const char *markup)
{
  GtkWidget *label;

  for (guint i = 0; (label = ak_test_find_widget (row, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (gtk_label_get_use_markup (GTK_LABEL (label))
        && strstr (gtk_label_get_label (GTK_LABEL (label)), markup) != NULL)
      return TRUE;
  return FALSE;
}

/* What the course library in the sidebar shows. */
static GtkWidget *
visible_stack_child (AkWindowFixture *fixture)
{
  GtkWidget *stack;

  for (guint i = 0;
       (stack = ak_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_STACK, i)) != NULL;
       i++)
    if (gtk_stack_get_child_by_name (GTK_STACK (stack), "courses") != NULL)
      return gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_not_reached ();
}

static void
test_window_lists_courses (AkWindowFixture *fixture,
                           gconstpointer    data)
{
  AdwActionRow *row;
  AdwWindowTitle *title;
  g_auto(GStrv) accels = NULL;

  ak_test_copy_example_course (fixture->courses_dir);
  ak_test_ui_start_window (fixture);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "window-courses.png");

  /* One course row with the course's title, its summary and its size. */
  g_assert_false (ADW_IS_STATUS_PAGE (visible_stack_child (fixture)));
  /* A list view, which makes rows only for the courses on screen. */
  g_assert_nonnull (gtk_widget_get_ancestor (ak_test_find_widget (GTK_WIDGET (fixture->window),
                                                                  AK_TYPE_COURSE_ROW, 0),
                                             GTK_TYPE_LIST_VIEW));
  row = ADW_ACTION_ROW (ak_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Beispielkurs: Gute Beiträge schreiben");
  /* Size first, then the summary with its emphasis kept as markup. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row),
                                   "2 lessons · 10 questions · about 20 minutes\n"
                                   "Wie ein Akademie-Kurs"));
  g_assert_true (row_shows_markup (GTK_WIDGET (row), "die <i>gelesen</i> werden"));

  /* The sidebar's title, not the open course's. */
  for (guint i = 0; (title = ADW_WINDOW_TITLE (ak_test_find_widget (GTK_WIDGET (fixture->window),
                                                                    ADW_TYPE_WINDOW_TITLE, i)));
       i++)
    if (g_strcmp0 (adw_window_title_get_title (title), "Akademie") == 0)
      break;
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "1 course");

  /* No problem group when every file is fine. */
  g_assert_null (ak_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW, 0));

  /* Ctrl+O is the application's, so that the shortcuts window shows it. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ak_test_ui_application ()),
                                                  "win.open");
  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>o", NULL }));
}

static void
test_window_empty_state (AkWindowFixture *fixture,
                         gconstpointer    data)
{
  AdwStatusPage *page;

  ak_test_ui_start_window (fixture);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "window-empty.png");

  page = ADW_STATUS_PAGE (visible_stack_child (fixture));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Courses");
  /* It tells the learner where course files go. */
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "akademie/courses"));
}

static void
test_window_shows_broken_file (AkWindowFixture *fixture,
                               gconstpointer    data)
{
  AdwExpanderRow *problem;
  AdwActionRow *message_row;
  GtkWidget *edit = NULL;
  GtkWidget *button;
  g_autofree char *path = g_build_filename (fixture->courses_dir, "kaputt.xml", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  ak_test_copy_example_course (fixture->courses_dir);
  ak_test_write_file (fixture->courses_dir, "kaputt.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
              "        id=\"kaputt\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
              "  <title>Kaputt</title>\n"
              "</course\n", -1);
  ak_test_ui_start_window (fixture);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "window-problems.png");

  /* The good course is still listed; the broken file is shown with its problem. */
  problem = ADW_EXPANDER_ROW (ak_test_find_widget (GTK_WIDGET (fixture->window),
                                                   ADW_TYPE_EXPANDER_ROW, 0));
  g_assert_nonnull (problem);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (problem)), ==, "kaputt.xml");
  g_assert_cmpstr (adw_expander_row_get_subtitle (problem), ==, "1 error");

  /* The only broken file shows its problems without a click. */
  g_assert_true (adw_expander_row_get_expanded (problem));
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "window-problems-expanded.png");
  /* The expander's own header is the first action row; the messages follow. */
  message_row = ADW_ACTION_ROW (ak_test_find_widget (GTK_WIDGET (problem), ADW_TYPE_ACTION_ROW, 1));
  g_assert_nonnull (message_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (message_row), ==, "Line 6, column 1");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message_row)), ==,
                   "The end tag is not closed with “&gt;”");
  /* Course row, expander header and one message. */
  g_assert_cmpuint (ak_test_count_widgets (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW),
                    ==, 3);

  /* A button opens the broken file for correcting, and the window knows
   * how (the button would be insensitive otherwise). */
  for (guint i = 0; (button = ak_test_find_widget (GTK_WIDGET (problem), GTK_TYPE_BUTTON, i)); i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                   "win.edit-course-file") == 0)
      edit = button;
  g_assert_nonnull (edit);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                     GTK_ACTIONABLE (edit)), NULL), ==, uri);
  g_assert_true (gtk_widget_is_sensitive (edit));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (edit), ==, "Open in Text Editor");
}

/* main() put garbage where the progress database belongs: the first window
 * tells the learner that it was moved aside, and where to. */
static void
test_window_damaged_progress_notice (void)
{
  GtkWindow *window;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  AkProgressStore *store;
  const char *damaged;

  g_application_activate (G_APPLICATION (ak_test_ui_application ()));
  window = gtk_application_get_active_window (GTK_APPLICATION (ak_test_ui_application ()));
  g_assert_nonnull (window);
  ak_test_wait_for_frame (GTK_WIDGET (window));

  store = ak_application_get_store (ak_test_ui_application ());
  g_assert_nonnull (store);
  damaged = ak_progress_store_get_damaged_path (store);
  g_assert_nonnull (damaged);
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  ak_test_wait_for_frame (GTK_WIDGET (dialog));
  ak_test_save_screenshot (GTK_WIDGET (dialog), "window-damaged-progress.png");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Progress File Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), damaged));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (window);
}

static void
write_damaged_progress (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "akademie", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "this is not a database, it is garbage", -1, &error);
  g_assert_no_error (error);
}

/* A row shows its course and lets go of it with nothing left behind. */
static void
test_course_row_lifecycle (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                            "medienvielfalt.kurs.xml", NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  AkCourse *course = ak_course_loader_load_file (path, diagnostics);
  g_autofree char *details = NULL;
  AkCourseRow *row;

  g_assert_nonnull (course);
  row = g_object_ref_sink (ak_course_row_new (course));
  g_assert_true (ak_course_row_get_course (row) == course);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   ak_course_get_title (course));
  details = g_strdup_printf ("3 lessons · %u questions · about %u minutes\n",
                             ak_course_get_n_questions (course), ak_course_get_minutes (course));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), details));

  g_assert_finalize_object (row);
  g_assert_finalize_object (course);
}

static gboolean
problems_shown (AkWindowFixture *fixture)
{
  return ak_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW, 0) != NULL;
}

static gboolean
problems_gone_cb (gpointer user_data)
{
  return !problems_shown (user_data);
}

static gboolean
three_courses_cb (gpointer user_data)
{
  AkWindowFixture *fixture = user_data;

  return g_list_model_get_n_items (G_LIST_MODEL (fixture->library)) >= 3;
}

/* A trainer fixes the file in an editor: the window follows by itself. */
static void
test_window_follows_file_changes (AkWindowFixture *fixture,
                                  gconstpointer    data)
{
  g_autofree char *fixed = ak_test_read_course ("web20-party.kurs.xml");

  ak_test_write_file (fixture->courses_dir, "entwurf.xml", "<course", -1);
  ak_test_ui_start_window (fixture);
  ak_course_library_set_watch (fixture->library, TRUE);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (problems_shown (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);

  ak_test_write_file (fixture->courses_dir, "entwurf.xml", fixed, -1);
  ak_test_wait_until (problems_gone_cb, fixture);

  g_assert_false (problems_shown (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  g_assert_nonnull (ak_test_find_widget (GTK_WIDGET (fixture->window), AK_TYPE_COURSE_ROW, 0));
}

static const char *
focused_course_id (AkWindowFixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  /* The list item around the row has the focus. A row that is no longer
   * in the window does not count. */
  if (row == NULL || !AK_IS_COURSE_ROW (row))
    return NULL;
  if (row == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (fixture->window)))
    return NULL;
  return ak_course_get_id (ak_course_row_get_course (AK_COURSE_ROW (row)));
}

/* A keyboard user on a course stays there when another file changes and
 * the list is rebuilt, even though the course moves down a row. */
static void
test_window_keeps_focus (AkWindowFixture *fixture,
                         gconstpointer    data)
{
  g_autofree char *contents = ak_test_read_course ("web20-party.kurs.xml");
  g_autofree char *added = ak_test_read_course ("aufbruch-smm.kurs.xml");
  GtkWidget *second;

  ak_test_copy_example_course (fixture->courses_dir);
  ak_test_write_file (fixture->courses_dir, "web20-party.kurs.xml", contents, -1);
  ak_test_ui_start_window (fixture);
  ak_course_library_set_watch (fixture->library, TRUE);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));

  second = ak_test_find_widget (GTK_WIDGET (fixture->window), AK_TYPE_COURSE_ROW, 1);
  g_assert_nonnull (second);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (second)));
  g_assert_cmpstr (focused_course_id (fixture), ==, "web20-party");

  /* „Aufbruch …“ sorts first. */
  ak_test_write_file (fixture->courses_dir, "aufbruch-smm.kurs.xml", added, -1);
  ak_test_wait_until (three_courses_cb, fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 3);
  g_assert_cmpstr (focused_course_id (fixture), ==, "web20-party");
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  write_damaged_progress ();
  ak_test_ui_application ();

  g_test_add ("/window/lists-courses", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_window_lists_courses, ak_test_ui_fixture_tear_down);
  g_test_add ("/window/empty-state", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_window_empty_state, ak_test_ui_fixture_tear_down);
  g_test_add ("/window/shows-broken-file", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_window_shows_broken_file,
              ak_test_ui_fixture_tear_down);
  g_test_add ("/window/keeps-focus", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_window_keeps_focus, ak_test_ui_fixture_tear_down);
  g_test_add ("/window/follows-file-changes", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_window_follows_file_changes,
              ak_test_ui_fixture_tear_down);
  g_test_add_func ("/course-row/lifecycle", test_course_row_lifecycle);
  g_test_add_func ("/window/damaged-progress-notice", test_window_damaged_progress_notice);

  return ak_test_ui_run ();
}
