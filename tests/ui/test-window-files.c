/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ak-window-files.h"
#include "window-test-helpers.h"

static gboolean
has_course (gpointer user_data)
{
  return ak_window_get_course (user_data) != NULL;
}

typedef struct
{
  AkWindow *window;
  AkCourse *old;
} Replaced;

static gboolean
course_replaced (gpointer user_data)
{
  Replaced *replaced = user_data;
  AkCourse *course = ak_window_get_course (replaced->window);

  return course != NULL && course != replaced->old;
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

/* Where no change events come (files from the document portal), the
 * learner who comes back from the editor is offered to reload. */
static void
test_reload_offered (AkWindowFixture *fixture,
                     gconstpointer    data)
{
  g_autofree char *contents = ak_test_read_course ("web20-party.kurs.xml");
  g_autofree char *changed = NULL;
  g_autoptr(GString) edit = NULL;
  Replaced replaced;
  AkCourse *course;

  ak_test_write_file (fixture->courses_dir, "web20-party.kurs.xml", contents, -1);
  ak_test_ui_start_window (fixture);
  g_assert_false (ak_course_library_get_watch (fixture->library));
  course = g_list_model_get_item (G_LIST_MODEL (fixture->library), 0);
  ak_window_open (fixture->window, ak_course_get_id (course), NULL, NULL);
  g_object_unref (course);
  ak_test_wait_until (has_course, fixture->window);

  ak_window_files_remember_course (fixture->window);
  g_assert_false (ak_window_files_check_course (fixture->window));

  edit = g_string_new (contents);
  g_assert_cmpint (g_string_replace (edit, "<title>", "<title>Neu: ", 1), ==, 1);
  ak_test_write_file (fixture->courses_dir, "web20-party.kurs.xml", edit->str, -1);
  g_assert_true (ak_window_files_check_course (fixture->window));
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "reload-offered");
  g_assert_nonnull (ak_test_find_accessible (GTK_WIDGET (fixture->window),
                                             GTK_ACCESSIBLE_ROLE_BUTTON, "_Reload"));
  /* Once is enough while the toast is there. */
  g_assert_false (ak_window_files_check_course (fixture->window));

  replaced.window = fixture->window;
  replaced.old = ak_window_get_course (fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload-course", NULL);
  ak_test_wait_until (course_replaced, &replaced);
  g_assert_true (g_str_has_prefix (ak_course_get_title (ak_window_get_course (fixture->window)),
                                   "Neu: "));
  g_assert_false (ak_window_files_check_course (fixture->window));
}

/* A course file that came without its figures is pointed to its folder,
 * once. */
static void
test_missing_figures (AkWindowFixture *fixture,
                      gconstpointer    data)
{
  g_autofree char *source = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "loader",
                                              "complete.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *alone = g_dir_make_tmp ("akademie-alone-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (alone, "complete.kurs.xml", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  ak_test_write_file (alone, "complete.kurs.xml", contents, -1);
  ak_test_ui_start_window (fixture);

  g_assert_null (find_dialog (g_dgettext (GETTEXT_PACKAGE, "Figures Missing")));
  ak_course_library_open_file (fixture->library, path);
  ak_course_library_reload (fixture->library);
  dialog = find_dialog (g_dgettext (GETTEXT_PACKAGE, "Figures Missing"));
  g_assert_nonnull (dialog);
  ak_test_wait_for_frame (GTK_WIDGET (dialog));
  ak_test_save_screenshot (GTK_WIDGET (dialog), "figures-missing");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "complete.kurs.xml"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open-folder"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (ak_window_files_check_figures (fixture->window));
  g_unlink (path);
  g_rmdir (alone);
}

/* The menu's new entries and their keys. */
static void
test_actions (AkWindowFixture *fixture,
              gconstpointer    data)
{
  g_auto(GStrv) help = NULL;
  g_auto(GStrv) folder = NULL;

  ak_test_ui_start_window (fixture);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "open-folder"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "reload-course"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (ak_test_ui_application ()), "help"));
  help = gtk_application_get_accels_for_action (GTK_APPLICATION (ak_test_ui_application ()),
                                                "app.help");
  g_assert_cmpstrv (help, ((const char *[]) { "F1", NULL }));
  folder = gtk_application_get_accels_for_action (GTK_APPLICATION (ak_test_ui_application ()),
                                                  "win.open-folder");
  g_assert_cmpstrv (folder, ((const char *[]) { "<Shift><Control>o", NULL }));
}

static AdwAboutWindow *
find_about (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_about (gpointer user_data)
{
  return find_about () != NULL;
}

/* The About window shows this release's notes, and links the help. */
static void
test_about (AkWindowFixture *fixture,
            gconstpointer    data)
{
  AdwAboutWindow *about;

  ak_test_ui_start_window (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (ak_test_ui_application ()), "about", NULL);
  ak_test_wait_until (has_about, NULL);
  about = find_about ();
  ak_test_wait_for_frame (GTK_WIDGET (about));
  ak_test_save_screenshot (GTK_WIDGET (about), "about");
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (about),
                                   "<p>The first release."));
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "<li>"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) ==
                 GTK_WINDOW (fixture->window));
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  ak_test_ui_application ();

  g_test_add ("/window-files/reload-offered", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_reload_offered, ak_test_ui_fixture_tear_down);
  g_test_add ("/window-files/missing-figures", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_missing_figures, ak_test_ui_fixture_tear_down);
  g_test_add ("/window-files/actions", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_actions, ak_test_ui_fixture_tear_down);

  g_test_add ("/window-files/about", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_about, ak_test_ui_fixture_tear_down);

  return ak_test_ui_run ();
}
