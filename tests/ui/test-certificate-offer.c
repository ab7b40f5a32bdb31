/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * "Save Certificate of Participation…" as the results page will offer it:
 * the name is asked once and kept, the save dialog suggests a file name,
 * and the file saved is a certificate that names the learner.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ak-certificate-offer.h"
#include "ak-certificate-pdf.h"
#include "window-test-helpers.h"

typedef struct
{
  AkCourseLibrary *library;
  AkProgressStore *store;
  GSettings       *settings;
  AkContext       *context;
  AkCourse        *course;
  GtkWindow       *parent;
  gint64           passed;
  gint64           failed;
  char            *dir;
} Fixture;

static gint64
finish_attempt (Fixture  *fixture,
                gboolean  passed)
{
  g_autoptr(GError) error = NULL;
  const AkQuiz *quiz = ak_course_find_quiz (fixture->course, "abschlusspruefung");
  gint64 id;

  id = ak_progress_store_start_attempt (fixture->store, "abschlusstest", "abschlusspruefung",
                                        ak_course_get_version (fixture->course),
                                        ak_quiz_get_hash (quiz), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ak_progress_store_finish_attempt (fixture->store, id, passed ? 40 : 10, 46,
                                                   passed, &error));
  return id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *courses = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("akademie-certificate-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "progress.db", NULL);
  fixture->library = ak_course_library_new ();
  ak_course_library_add_directory (fixture->library, courses);
  ak_course_library_reload (fixture->library);
  fixture->course = g_object_ref (ak_course_library_lookup (fixture->library, "abschlusstest"));
  fixture->store = ak_progress_store_open (path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "learner-name");
  fixture->context = ak_context_new (fixture->library, fixture->store, fixture->settings, NULL);
  fixture->failed = finish_attempt (fixture, FALSE);
  fixture->passed = finish_attempt (fixture, TRUE);

  fixture->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->parent, 600, 500);
  gtk_window_present (fixture->parent);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->parent));
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->course);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (fixture->library);
  remove_folder (fixture->dir);
  g_free (fixture->dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_file_chooser (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Saves through the save dialog into the fixture's folder. */
static char *
save_in_chooser (Fixture *fixture)
{
  GtkWindow *chooser;
  g_autofree char *name = NULL;
  char *path;

  ak_test_wait_until (has_file_chooser, NULL);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Certificate-abschlusstest.pdf");

  /* Typed as a whole path, as a learner may. */
  path = g_build_filename (fixture->dir, name, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  ak_test_wait_for_frame (GTK_WIDGET (chooser));
  ak_test_save_screenshot (GTK_WIDGET (chooser), "certificate-save");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  ak_test_wait_until (file_exists, path);
  return path;
}

static void
assert_certificate_for (const char *path,
                        const char *name)
{
  g_autoptr(AkCertificateRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  record = ak_certificate_pdf_read (path, &hash, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->learner_name, ==, name);
  g_assert_cmpstr (record->course_id, ==, "abschlusstest");
  g_assert_cmpuint (record->score, ==, 86);
}

static void
test_can_offer (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_true (ak_certificate_can_offer (fixture->context, fixture->course,
                                           "abschlusspruefung", fixture->passed));
  g_assert_false (ak_certificate_can_offer (fixture->context, fixture->course,
                                            "abschlusspruefung", fixture->failed));
  g_assert_false (ak_certificate_can_offer (fixture->context, fixture->course, "no-such-quiz",
                                            fixture->passed));
}

/* The first time, the name is asked for, and kept for the next time. */
static void
test_asks_name_once (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  g_autofree char *kept = NULL;
  g_autofree char *path = NULL;

  ak_certificate_offer (fixture->parent, fixture->context, fixture->course, "abschlusspruefung",
                        fixture->passed);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Anna Müller ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  ak_test_wait_for_frame (GTK_WIDGET (dialog));
  ak_test_save_screenshot (GTK_WIDGET (dialog), "certificate-name");
  adw_message_dialog_response (dialog, "continue");

  kept = g_settings_get_string (fixture->settings, "learner-name");
  g_assert_cmpstr (kept, ==, "Anna Müller");
  g_assert_cmpstr (ak_progress_store_get_display_name (fixture->store), ==, "Anna Müller");

  path = save_in_chooser (fixture);
  assert_certificate_for (path, "Anna Müller");
}

/* A known name goes straight to the save dialog. */
static void
test_known_name (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;

  g_settings_set_string (fixture->settings, "learner-name", "Bert Beispiel");
  ak_certificate_offer (fixture->parent, fixture->context, fixture->course, "abschlusspruefung",
                        fixture->passed);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  path = save_in_chooser (fixture);
  assert_certificate_for (path, "Bert Beispiel");
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);

  g_test_add ("/certificate-offer/can-offer", Fixture, NULL, fixture_set_up, test_can_offer,
              fixture_tear_down);
  g_test_add ("/certificate-offer/asks-name-once", Fixture, NULL, fixture_set_up,
              test_asks_name_once, fixture_tear_down);
  g_test_add ("/certificate-offer/known-name", Fixture, NULL, fixture_set_up, test_known_name,
              fixture_tear_down);

  return ak_test_ui_run ();
}
