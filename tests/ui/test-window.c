/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ak-application.h"
#include "ak-course-loader.h"
#include "ak-course-row.h"
#include "ak-window.h"

/* The main window as a learner meets it: the course list, the empty state,
 * and the files a trainer has to fix. Set AK_SCREENSHOT_DIR to keep a PNG
 * of each state for review. */

typedef struct
{
  char            *courses_dir;
  AkCourseLibrary *library;
  AkWindow        *window;
} Fixture;

/* One registered application for the whole program, as in the real app. */
static AkApplication *app;

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
copy_source_file (const char *dir,
                  const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *parent = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  parent = g_path_get_dirname (name);
  if (!g_str_equal (parent, "."))
    {
      g_autofree char *target_dir = g_build_filename (dir, parent, NULL);

      g_assert_cmpint (g_mkdir_with_parents (target_dir, 0700), ==, 0);
    }
  {
    g_autofree char *target = g_build_filename (dir, name, NULL);

    g_file_set_contents (target, contents, length, &error);
    g_assert_no_error (error);
  }
}

/* The example course with its figure, as it is installed. */
static void
copy_example_course (const char *dir)
{
  copy_source_file (dir, "beispielkurs.xml");
  copy_source_file (dir, "beispielkurs/diagramm.png");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->courses_dir = g_dir_make_tmp ("akademie-courses-XXXXXX", NULL);
  g_assert_nonnull (fixture->courses_dir);
}

static void
start_app (Fixture *fixture)
{
  fixture->library = ak_course_library_new ();
  ak_course_library_add_directory (fixture->library, fixture->courses_dir);
  ak_course_library_reload (fixture->library);

  fixture->window = g_object_new (AK_TYPE_WINDOW,
                                  "application", app,
                                  "library", fixture->library,
                                  NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->library);
  g_free (fixture->courses_dir);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay itself out and draw at least once. */
static void
wait_for_draw (GtkWidget *widget)
{
  gboolean timed_out = FALSE;

  g_timeout_add (300, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("AK_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Depth-first search for the first widget of @type whose accessible label or
 * title-like property matches: how a learner would find it on screen. */
static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type,
                     guint      nth)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  guint seen = 0;

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
        {
          if (seen == nth)
            return widget;
          seen++;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  return NULL;
}

static guint
count_widgets_of_type (GtkWidget *root,
                       GType      type)
{
  guint n = 0;

  while (find_widget_of_type (root, type, n) != NULL)
    n++;
  return n;
}

/* The label's source, not its text: whether emphasis reaches the screen. */
static gboolean
row_shows_markup (GtkWidget  *row,
                  const char *markup)
{
  GtkWidget *label;

  for (guint i = 0; (label = find_widget_of_type (row, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (gtk_label_get_use_markup (GTK_LABEL (label))
        && strstr (gtk_label_get_label (GTK_LABEL (label)), markup) != NULL)
      return TRUE;
  return FALSE;
}

static GtkWidget *
visible_stack_child (Fixture *fixture)
{
  GtkWidget *stack = find_widget_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_STACK, 0);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static void
test_window_lists_courses (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwActionRow *row;
  AdwWindowTitle *title;
  g_auto(GStrv) accels = NULL;

  copy_example_course (fixture->courses_dir);
  start_app (fixture);
  wait_for_draw (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), "window-courses.png");

  /* One course row with the course's title, its summary and its size. */
  g_assert_true (ADW_IS_CLAMP (gtk_widget_get_first_child (visible_stack_child (fixture)))
                 || GTK_IS_SCROLLED_WINDOW (visible_stack_child (fixture)));
  g_assert_false (ADW_IS_STATUS_PAGE (visible_stack_child (fixture)));
  row = ADW_ACTION_ROW (find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Beispielkurs: Gute Beiträge schreiben");
  /* Size first, then the summary with its emphasis kept as markup. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row),
                                   "2 lessons · 10 questions · about 20 minutes\n"
                                   "Wie ein Akademie-Kurs"));
  g_assert_true (row_shows_markup (GTK_WIDGET (row), "die <i>gelesen</i> werden"));

  title = ADW_WINDOW_TITLE (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                 ADW_TYPE_WINDOW_TITLE, 0));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "1 course");

  /* No problem group when every file is fine. */
  g_assert_null (find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW, 0));

  /* Ctrl+O is the application's, so that the shortcuts window shows it. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.open");
  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>o", NULL }));
}

static void
test_window_empty_state (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwStatusPage *page;

  start_app (fixture);
  wait_for_draw (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), "window-empty.png");

  page = ADW_STATUS_PAGE (visible_stack_child (fixture));
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Courses");
  /* It tells the learner where course files go. */
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "akademie/courses"));
}

static void
test_window_shows_broken_file (Fixture       *fixture,
                               gconstpointer  data)
{
  AdwExpanderRow *problem;
  AdwActionRow *message_row;
  GtkWidget *edit = NULL;
  GtkWidget *button;
  g_autofree char *path = g_build_filename (fixture->courses_dir, "kaputt.xml", NULL);

  copy_example_course (fixture->courses_dir);
  write_file (fixture->courses_dir, "kaputt.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
              "        id=\"kaputt\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
              "  <title>Kaputt</title>\n"
              "</course\n");
  start_app (fixture);
  wait_for_draw (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), "window-problems.png");

  /* The good course is still listed; the broken file is shown with its problem. */
  problem = ADW_EXPANDER_ROW (find_widget_of_type (GTK_WIDGET (fixture->window),
                                                   ADW_TYPE_EXPANDER_ROW, 0));
  g_assert_nonnull (problem);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (problem)), ==, "kaputt.xml");
  g_assert_cmpstr (adw_expander_row_get_subtitle (problem), ==, "1 error");

  /* The only broken file shows its problems without a click. */
  g_assert_true (adw_expander_row_get_expanded (problem));
  wait_for_draw (GTK_WIDGET (fixture->window));
  save_screenshot (GTK_WIDGET (fixture->window), "window-problems-expanded.png");
  /* The expander's own header is the first action row; the messages follow. */
  message_row = ADW_ACTION_ROW (find_widget_of_type (GTK_WIDGET (problem), ADW_TYPE_ACTION_ROW, 1));
  g_assert_nonnull (message_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (message_row), ==, "Line 6, column 1");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message_row)), ==,
                   "The end tag is not closed with “&gt;”");
  /* Course row, expander header and one message. */
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW),
                    ==, 3);

  /* A button opens the broken file for correcting, and the window knows
   * how (the button would be insensitive otherwise). */
  for (guint i = 0; (button = find_widget_of_type (GTK_WIDGET (problem), GTK_TYPE_BUTTON, i)); i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                   "win.edit-course-file") == 0)
      edit = button;
  g_assert_nonnull (edit);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                     GTK_ACTIONABLE (edit)), NULL), ==, path);
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
  const char *damaged;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  wait_for_draw (GTK_WIDGET (window));

  g_assert_nonnull (ak_application_get_store (app));
  damaged = ak_progress_store_get_damaged_path (ak_application_get_store (app));
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
  save_screenshot (GTK_WIDGET (dialog), "window-damaged-progress.png");
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
                                            "medienvielfalt.xml", NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  AkCourse *course = ak_course_loader_load_file (path, diagnostics);
  AkCourseRow *row;

  g_assert_nonnull (course);
  row = g_object_ref_sink (ak_course_row_new (course));
  g_assert_true (ak_course_row_get_course (row) == course);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   ak_course_get_title (course));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "3 lessons · 20 questions · about 35 minutes\n"));

  g_assert_finalize_object (row);
  g_assert_finalize_object (course);
}

static gboolean
problems_shown (Fixture *fixture)
{
  return find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW, 0) != NULL;
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* A trainer fixes the file in an editor: the window follows by itself. */
static void
test_window_follows_file_changes (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *fixed = NULL;
  g_autofree char *source = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                              "web20-party.xml", NULL);
  gint64 deadline;
  guint tick;

  write_file (fixture->courses_dir, "entwurf.xml", "<course");
  start_app (fixture);
  ak_course_library_set_watch (fixture->library, TRUE);
  wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (problems_shown (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);

  g_assert_true (g_file_get_contents (source, &fixed, NULL, NULL));
  write_file (fixture->courses_dir, "entwurf.xml", fixed);

  /* The tick wakes the loop, so that the deadline holds even if nothing happens. */
  tick = g_timeout_add (100, tick_cb, NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (problems_shown (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_false (problems_shown (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  g_assert_nonnull (find_widget_of_type (GTK_WIDGET (fixture->window), AK_TYPE_COURSE_ROW, 0));
}

static const char *
focused_course_id (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, AK_TYPE_COURSE_ROW) : NULL;

  /* A row that is no longer in the window does not count. */
  if (row == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (fixture->window)))
    return NULL;
  return ak_course_get_id (ak_course_row_get_course (AK_COURSE_ROW (row)));
}

/* A keyboard user on a course stays there when another file changes and
 * the list is rebuilt, even though the course moves down a row. */
static void
test_window_keeps_focus (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *added = NULL;
  g_autofree char *source = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                              "web20-party.xml", NULL);
  g_autofree char *first = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                             "aufbruch-smm.xml", NULL);
  GtkWidget *second;
  gint64 deadline;
  guint tick;

  copy_example_course (fixture->courses_dir);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  write_file (fixture->courses_dir, "web20-party.xml", contents);
  start_app (fixture);
  ak_course_library_set_watch (fixture->library, TRUE);
  wait_for_draw (GTK_WIDGET (fixture->window));

  second = find_widget_of_type (GTK_WIDGET (fixture->window), AK_TYPE_COURSE_ROW, 1);
  g_assert_nonnull (second);
  g_assert_true (gtk_widget_grab_focus (second));
  g_assert_cmpstr (focused_course_id (fixture), ==, "web20-party");

  /* „Aufbruch …“ sorts first. */
  g_assert_true (g_file_get_contents (first, &added, NULL, NULL));
  write_file (fixture->courses_dir, "aufbruch-smm.xml", added);
  tick = g_timeout_add (100, tick_cb, NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)) < 3 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 3);
  g_assert_cmpstr (focused_course_id (fixture), ==, "web20-party");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("akademie-window-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  int status;

  /* Private user folders, but the system's data folders stay: GTK needs
   * the icon theme and the MIME database from there. */
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);

  write_damaged_progress ();
  app = ak_application_new ();
  /* Tests run side by side: none may become the primary instance of another. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/window/lists-courses", Fixture, NULL,
              fixture_set_up, test_window_lists_courses, fixture_tear_down);
  g_test_add ("/window/empty-state", Fixture, NULL,
              fixture_set_up, test_window_empty_state, fixture_tear_down);
  g_test_add ("/window/shows-broken-file", Fixture, NULL,
              fixture_set_up, test_window_shows_broken_file, fixture_tear_down);
  g_test_add ("/window/keeps-focus", Fixture, NULL,
              fixture_set_up, test_window_keeps_focus, fixture_tear_down);
  g_test_add ("/window/follows-file-changes", Fixture, NULL,
              fixture_set_up, test_window_follows_file_changes, fixture_tear_down);
  g_test_add_func ("/course-row/lifecycle", test_course_row_lifecycle);
  g_test_add_func ("/window/damaged-progress-notice", test_window_damaged_progress_notice);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
