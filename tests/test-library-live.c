/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The library while the app runs: a save reads that file only and
 * changes only its row, reloads in the background replace each other,
 * and the files the learner opened come back after a restart.
 */
#include "config.h"

#include "library-fixtures.h"

#define N_COURSES 50

/* @n course files "kurs-00.xml"… in @dir, titled "Kurs 00"… */
static void
write_courses (const char *dir,
               guint       n)
{
  g_autofree char *source = fixture ("bundled/grundlagen.xml");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) course = g_string_new (contents);
      g_autofree char *id = g_strdup_printf ("id=\"kurs-%02u\"", i);
      g_autofree char *title = g_strdup_printf ("<title>Kurs %02u</title>", i);
      g_autofree char *name = g_strdup_printf ("kurs-%02u.xml", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_string_replace (course, "id=\"grundlagen\"", id, 1);
      g_string_replace (course, "<title>Grundlagen der Plattformen</title>", title, 1);
      g_file_set_contents (path, course->str, course->len, &error);
      g_assert_no_error (error);
    }
}

static GPtrArray *
items_of (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static void
test_save_one_of_fifty (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *saved = g_build_filename (dir, "kurs-17.xml", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  write_courses (dir, N_COURSES);
  ak_course_library_add_directory (library, dir);
  ak_course_library_set_watch (library, TRUE);
  ak_course_library_reload (library);
  before = items_of (G_LIST_MODEL (library));
  g_assert_cmpuint (before->len, ==, N_COURSES);

  g_signal_connect (library, "items-changed", G_CALLBACK (count_items_changed_cb), log);
  edit_file (saved, "auf sozialen Plattformen", "auf Plattformen");
  wait_for_reload (library);

  /* One row changes, in its place. */
  g_assert_cmpstr (log->str, ==, "17-1+1;");
  after = items_of (G_LIST_MODEL (library));
  g_assert_cmpuint (after->len, ==, N_COURSES);
  g_assert_cmpstr (ak_course_get_summary_text (g_ptr_array_index (after, 17)), ==,
                   "Wie Reichweite auf Plattformen entsteht.");

  /* Every other course was not read again: it is the very same object. */
  for (guint i = 0; i < N_COURSES; i++)
    if (i != 17)
      g_assert_true (g_ptr_array_index (before, i) == g_ptr_array_index (after, i));
  g_assert_true (g_ptr_array_index (before, 17) != g_ptr_array_index (after, 17));
}

static void
count_replaced_cb (AkCourseLibrary *library,
                   AkCourse        *old,
                   AkCourse        *replacement,
                   GString         *log)
{
  g_string_append_printf (log, "%s→%s;", ak_course_get_id (old),
                          replacement != NULL ? ak_course_get_title (replacement) : "none");
}

/* A page that shows a course hears when it is replaced, and by what. */
static void
test_course_replaced (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *grundlagen = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autoptr(GString) log = g_string_new (NULL);

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  copy_fixture ("bundled/vertiefung.xml", dir, "vertiefung.xml");
  ak_course_library_add_directory (library, dir);
  ak_course_library_reload (library);
  g_signal_connect (library, "course-replaced", G_CALLBACK (count_replaced_cb), log);

  retitle_grundlagen (grundlagen);
  ak_course_library_reload (library);
  g_assert_cmpstr (log->str, ==, "grundlagen→Plattformen verstehen;");

  g_string_truncate (log, 0);
  g_assert_cmpint (g_remove (grundlagen), ==, 0);
  ak_course_library_reload (library);
  g_assert_cmpstr (log->str, ==, "grundlagen→none;");
}

/* The row of a file with problems stays as it is (expanded, say) while
 * another file changes. */
static void
test_problem_kept (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *grundlagen = g_build_filename (dir, "grundlagen.xml", NULL);
  GListModel *problems = ak_course_library_get_problems (library);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(AkLibraryProblem) broken = NULL;
  g_autoptr(AkLibraryProblem) still_broken = NULL;
  g_autofree char *shown = NULL;

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  copy_fixture ("kaputt.xml", dir, "kaputt.xml");
  ak_course_library_add_directory (library, dir);
  ak_course_library_set_watch (library, TRUE);
  ak_course_library_reload (library);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  broken = g_list_model_get_item (problems, 0);
  g_assert_true (ak_library_problem_has_errors (broken));

  g_signal_connect (problems, "items-changed", G_CALLBACK (count_items_changed_cb), log);
  retitle_grundlagen (grundlagen);
  wait_for_reload (library);

  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Plattformen verstehen");
  g_assert_cmpstr (log->str, ==, "");
  still_broken = g_list_model_get_item (problems, 0);
  g_assert_true (still_broken == broken);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Result;

static void
reload_done_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  Result *result = user_data;

  ak_course_library_reload_finish (AK_COURSE_LIBRARY (object), async_result, &result->error);
  result->done = TRUE;
}

static void
count_reloaded_cb (AkCourseLibrary *library,
                   guint           *n_reloaded)
{
  (*n_reloaded)++;
}

/* A reload started while another runs replaces it; the library is then
 * what the newer one found, changed once. */
static void
test_reload_cancelled (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autoptr(GString) log = g_string_new (NULL);
  Result first = { FALSE, NULL };
  Result second = { FALSE, NULL };
  guint n_reloaded = 0;

  write_courses (dir, 20);
  ak_course_library_add_directory (library, dir);
  g_signal_connect (library, "items-changed", G_CALLBACK (count_items_changed_cb), log);
  g_signal_connect (library, "reloaded", G_CALLBACK (count_reloaded_cb), &n_reloaded);

  ak_course_library_reload_async (library, NULL, reload_done_cb, &first);
  g_assert_true (ak_course_library_get_loading (library));
  copy_fixture ("bundled/vertiefung.xml", dir, "vertiefung.xml");
  ak_course_library_reload_async (library, NULL, reload_done_cb, &second);
  wait_until (&second.done);
  wait_until (&first.done);

  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (second.error);
  g_assert_false (ak_course_library_get_loading (library));
  g_assert_cmpuint (n_reloaded, ==, 1);
  g_assert_cmpstr (log->str, ==, "0-0+21;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 21);
  g_assert_nonnull (ak_course_library_lookup (library, "vertiefung"));
  g_clear_error (&first.error);
}

/* A course file the learner opens that has the id of an installed course
 * replaces it, and the learner sees which file wins and why. */
static void
test_opened_duplicates_bundled (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *bundled = fixture ("bundled");
  g_autofree char *bundled_grundlagen = fixture ("bundled/grundlagen.xml");
  g_autofree char *dir = make_course_dir ("projekt");
  g_autofree char *opened = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AkLibraryProblem) problem = NULL;
  GListModel *problems = ak_course_library_get_problems (library);

  copy_fixture ("user/grundlagen.xml", dir, "grundlagen.xml");
  ak_course_library_add_directory (library, bundled);
  ak_course_library_open_file (library, opened);
  ak_course_library_reload (library);

  g_assert_cmpstr (ak_course_get_path (ak_course_library_lookup (library, "grundlagen")), ==,
                   opened);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (ak_library_problem_get_path (problem), ==, bundled_grundlagen);
  g_assert_false (ak_library_problem_has_errors (problem));
  text = diagnostics_text (library, bundled_grundlagen);
  expected = g_strdup_printf ("%s:4:9: warning: The course “grundlagen” is replaced by the "
                              "opened file “%s”; this file is not loaded\n",
                              bundled_grundlagen, opened);
  g_assert_cmpstr (text, ==, expected);
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, "io.github.smakademie.Akademie", TRUE);
  if (schema == NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.smakademie.Akademie.Devel",
                                              TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* The files the learner opened come back at the next start; one that is
 * gone is dropped, with a warning that says so once. */
static void
test_opened_remembered (void)
{
  g_autoptr(GSettings) settings = open_settings ();
  g_autofree char *dir = make_course_dir ("projekt");
  g_autofree char *path = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autoptr(AkCourseLibrary) first = ak_course_library_new ();
  g_autoptr(AkCourseLibrary) second = ak_course_library_new ();
  g_autoptr(AkCourseLibrary) third = ak_course_library_new ();
  g_autoptr(AkLibraryProblem) problem = NULL;
  g_auto(GStrv) remembered = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  if (settings == NULL)
    {
      g_test_skip ("The application's GSettings schema is not compiled (a build without GUI)");
      return;
    }

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  ak_course_library_remember_opened_files (first, settings, "opened-files");
  ak_course_library_open_file (first, path);
  remembered = g_settings_get_strv (settings, "opened-files");
  g_assert_cmpstrv (remembered, ((const char *[]) { path, NULL }));
  g_clear_object (&first);

  ak_course_library_remember_opened_files (second, settings, "opened-files");
  ak_course_library_reload (second);
  shown = titles (second);
  g_assert_cmpstr (shown, ==, "Grundlagen der Plattformen");
  g_clear_object (&second);

  g_assert_cmpint (g_remove (path), ==, 0);
  ak_course_library_remember_opened_files (third, settings, "opened-files");
  ak_course_library_reload (third);
  g_clear_pointer (&remembered, g_strfreev);
  remembered = g_settings_get_strv (settings, "opened-files");
  g_assert_cmpstrv (remembered, ((const char *[]) { NULL }));
  g_assert_cmpuint (ak_course_library_get_n_errors (third), ==, 0);
  problem = g_list_model_get_item (ak_course_library_get_problems (third), 0);
  g_assert_nonnull (problem);
  g_assert_cmpstr (ak_library_problem_get_path (problem), ==, path);
  text = diagnostics_text (third, path);
  expected = g_strdup_printf ("%s: warning: This course file was opened before but no longer "
                              "exists; it is no longer opened\n", path);
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/live/save-one-of-fifty", test_save_one_of_fifty);
  g_test_add_func ("/library/live/course-replaced", test_course_replaced);
  g_test_add_func ("/library/live/problem-kept", test_problem_kept);
  g_test_add_func ("/library/live/reload-cancelled", test_reload_cancelled);
  g_test_add_func ("/library/live/opened-duplicates-bundled", test_opened_duplicates_bundled);
  g_test_add_func ("/library/live/opened-remembered", test_opened_remembered);

  return g_test_run ();
}
