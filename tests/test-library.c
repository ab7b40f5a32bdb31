/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "library-fixtures.h"

static void
test_broken_next_to_good (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *broken = g_build_filename (dir, "kaputt.xml", NULL);
  g_autofree char *grundlagen = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autofree char *vertiefung = g_build_filename (dir, "VERTIEFUNG.XML", NULL);
  g_autofree char *notes = g_build_filename (dir, "liesmich.txt", NULL);
  g_autofree char *shown = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GString) positions = g_string_new (NULL);
  GPtrArray *diagnostics;
  guint n_errors = 0;

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  copy_fixture ("bundled/vertiefung.xml", dir, "VERTIEFUNG.XML");
  copy_fixture ("kaputt.xml", dir, "kaputt.xml");
  g_assert_true (g_file_set_contents (notes, "Nur Notizen, kein Kurs.", -1, NULL));

  ak_course_library_add_directory (library, dir);
  ak_course_library_reload (library);

  /* The good courses are there, sorted by title, the broken one is not. */
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Algorithmen vertieft | Grundlagen der Plattformen");
  g_assert_null (ak_course_library_lookup (library, "kaputt"));
  g_assert_null (ak_course_library_lookup_file (library, broken));
  g_assert_cmpstr (ak_course_get_id (ak_course_library_lookup_file (library, vertiefung)),
                   ==, "vertiefung");

  /* Only course files are looked at, whatever the case of ".xml", in
   * byte order of their names. */
  files = ak_course_library_list_files (library);
  g_assert_cmpuint (g_strv_length (files), ==, 3);
  g_assert_cmpstr (files[0], ==, vertiefung);
  g_assert_cmpstr (files[1], ==, grundlagen);
  g_assert_cmpstr (files[2], ==, broken);
  g_assert_null (ak_course_library_get_diagnostics (library, notes));

  /* The broken file says what is wrong and where: at the unused thesis,
   * the second correct choice and the misspelt thesis reference. */
  diagnostics = ak_course_library_get_diagnostics (library, broken);
  g_assert_nonnull (diagnostics);
  g_assert_true (ak_diagnostic_list_has_errors (diagnostics));
  for (guint i = 0; i < diagnostics->len; i++)
    {
      AkDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_cmpstr (diagnostic->file, ==, broken);
      g_string_append_printf (positions, "%u:%u ", diagnostic->line, diagnostic->column);
      if (diagnostic->severity == AK_SEVERITY_ERROR)
        n_errors++;
    }
  g_assert_cmpstr (positions->str, ==, "13:7 21:22 24:33 ");
  g_assert_cmpuint (n_errors, ==, 2);
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, n_errors);

  g_assert_cmpuint (ak_course_library_get_diagnostics (library, grundlagen)->len, ==, 0);
  g_assert_cmpuint (ak_course_library_get_diagnostics (library, vertiefung)->len, ==, 0);
}

static void
check_duplicate (const char *first,
                 const char *second,
                 const char *expected_title)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *first_path = fixture (first);
  g_autofree char *second_path = fixture (second);
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  ak_course_library_add_file (library, first_path);
  ak_course_library_add_file (library, second_path);
  ak_course_library_reload (library);

  shown = titles (library);
  g_assert_cmpstr (shown, ==, expected_title);
  g_assert_cmpstr (ak_course_get_path (ak_course_library_lookup (library, "grundlagen")),
                   ==, first_path);
  g_assert_cmpuint (ak_course_library_get_diagnostics (library, first_path)->len, ==, 0);

  /* The file that lost is told which file already has its id, at the id. */
  text = diagnostics_text (library, second_path);
  expected = g_strdup_printf ("%s:4:9: error: The course id “grundlagen” is already used by "
                              "“%s”; this file is not loaded\n",
                              second_path, first_path);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 1);
}

/* A title that opens with a quotation mark sorts by its first letter. */
static void
test_sorted_by_title (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "library", "bundled",
                                                    "grundlagen.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  struct { const char *file, *id, *title; } variants[] = {
    { "zitat.xml", "zitat", "„Hallo“ sagt man nicht" },
    { "strich.xml", "strich", "– Zwischenruf" },
    { "basis.xml", "basis", "basis für alle" },
  };

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GString) variant = g_string_new (contents);
      g_autofree char *id = g_strdup_printf ("id=\"%s\"", variants[i].id);
      g_autofree char *title = g_strdup_printf ("<title>%s</title>", variants[i].title);
      g_autofree char *path = g_build_filename (dir, variants[i].file, NULL);

      g_assert_cmpuint (g_string_replace (variant, "id=\"grundlagen\"", id, 1), ==, 1);
      g_assert_cmpuint (g_string_replace (variant, "<title>Grundlagen der Plattformen</title>",
                                          title, 1), ==, 1);
      g_assert_true (g_file_set_contents (path, variant->str, -1, NULL));
    }
  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");

  ak_course_library_add_directory (library, dir);
  ak_course_library_reload (library);

  /* Case does not count either. */
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "basis für alle | Grundlagen der Plattformen | "
                              "„Hallo“ sagt man nicht | – Zwischenruf");
}

static void
test_duplicate_id (void)
{
  check_duplicate ("bundled/grundlagen.xml", "doppelt.xml", "Grundlagen der Plattformen");
  check_duplicate ("doppelt.xml", "bundled/grundlagen.xml", "Grundlagen (Kopie)");
}

static void
count_reloaded_cb (AkCourseLibrary *library,
                   guint           *n_reloaded)
{
  (*n_reloaded)++;
}

static void
test_empty_directory (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("leer");
  g_autoptr(GString) log = g_string_new (NULL);
  g_auto(GStrv) files = NULL;
  guint n_reloaded = 0;

  g_signal_connect (library, "items-changed", G_CALLBACK (count_items_changed_cb), log);
  g_signal_connect (library, "reloaded", G_CALLBACK (count_reloaded_cb), &n_reloaded);
  ak_course_library_add_directory (library, dir);
  ak_course_library_reload (library);

  files = ak_course_library_list_files (library);
  g_assert_cmpuint (g_strv_length (files), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 0);
  /* Nothing changed for a view, but a diagnostics panel still hears of the reload. */
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpuint (n_reloaded, ==, 1);
}

static void
test_missing_directory (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "akademie", "courses",
                                               NULL);
  g_autofree char *bundled = fixture ("bundled");
  g_autofree char *shown = NULL;
  g_auto(GStrv) files = NULL;

  ak_course_library_add_directory (library, missing);
  ak_course_library_add_directory (library, bundled);
  ak_course_library_reload (library);

  /* The user's course folder does not exist yet: that is no problem at all. */
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Algorithmen vertieft | Grundlagen der Plattformen");
  files = ak_course_library_list_files (library);
  g_assert_cmpuint (g_strv_length (files), ==, 2);
  g_assert_null (ak_course_library_get_diagnostics (library, missing));
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 0);
  g_assert_cmpuint (ak_course_library_get_n_warnings (library), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *missing = fixture ("fehlt.xml");
  g_autofree char *folder = fixture ("bundled");
  g_autofree char *grundlagen = fixture ("bundled/grundlagen.xml");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) files = NULL;

  ak_course_library_add_file (library, missing);
  ak_course_library_add_file (library, folder);
  ak_course_library_add_file (library, grundlagen);
  ak_course_library_reload (library);

  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Grundlagen der Plattformen");

  files = ak_course_library_list_files (library);
  g_assert_cmpuint (g_strv_length (files), ==, 3);
  g_assert_cmpstr (files[0], ==, missing);
  g_assert_cmpstr (files[1], ==, folder);
  g_assert_cmpstr (files[2], ==, grundlagen);

  text = diagnostics_text (library, missing);
  expected = g_strdup_printf ("%s: error: The file does not exist\n", missing);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  text = diagnostics_text (library, folder);
  expected = g_strdup_printf ("%s: error: This is a folder, not a course file\n", folder);
  g_assert_cmpstr (text, ==, expected);

  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 2);
}

static void
test_user_before_bundled (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *user = fixture ("user");
  g_autofree char *bundled = fixture ("bundled");
  g_autofree char *user_grundlagen = fixture ("user/grundlagen.xml");
  g_autofree char *bundled_grundlagen = fixture ("bundled/grundlagen.xml");
  g_autofree char *bundled_vertiefung = fixture ("bundled/vertiefung.xml");
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  AkCourse *course;

  ak_course_library_add_directory (library, user);
  ak_course_library_add_directory (library, bundled);
  ak_course_library_reload (library);

  /* The trainer's own version of a bundled course replaces it. */
  shown = titles (library);
  g_assert_cmpstr (shown, ==,
                   "Algorithmen vertieft | Grundlagen der Plattformen (eigene Fassung)");
  course = ak_course_library_lookup (library, "grundlagen");
  g_assert_cmpstr (ak_course_get_path (course), ==, user_grundlagen);
  g_assert_cmpstr (ak_course_get_version (course), ==, "1.3");

  text = diagnostics_text (library, bundled_grundlagen);
  expected = g_strdup_printf ("%s:4:9: warning: The course “grundlagen” is replaced by the copy in "
                              "“%s”; this file is not loaded\n",
                              bundled_grundlagen, user_grundlagen);
  g_assert_cmpstr (text, ==, expected);
  /* Nothing a learner would have to fix. */
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 0);

  /* The bundled course that builds on it now refers to the user's version. */
  g_assert_cmpuint (ak_course_library_get_diagnostics (library, bundled_vertiefung)->len, ==, 0);
}

static void
test_references_resolved (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *verweise = fixture ("verweise.xml");
  g_autofree char *bundled = fixture ("bundled");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  ak_course_library_add_file (library, verweise);
  ak_course_library_add_directory (library, bundled);
  ak_course_library_reload (library);

  /* "grundlagen:auswahl" resolves; a missing course and a missing thesis
   * are warnings at the question, and the course still loads. */
  text = diagnostics_text (library, verweise);
  expected = g_strdup_printf (
    "%s:21:35: warning: Question “fremder-kurs” tests “fehlt:irgendwas”, "
    "but there is no course “fehlt”\n"
    "%s:26:17: warning: Question “fremde-these” tests “grundlagen:gibt-es-nicht”, "
    "but course “grundlagen” has no thesis “gibt-es-nicht”\n",
    verweise, verweise);
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (ak_course_library_lookup (library, "verweise"));
  g_assert_cmpuint (ak_course_library_get_n_warnings (library), ==, 2);
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 0);
}

static void
test_references_unresolved (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *vertiefung = fixture ("bundled/vertiefung.xml");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  /* Without the course it builds on. */
  ak_course_library_add_file (library, vertiefung);
  ak_course_library_reload (library);

  text = diagnostics_text (library, vertiefung);
  expected = g_strdup_printf (
    "%s:24:30: warning: Question “zuordnung” tests “grundlagen:kommentare”, "
    "but there is no course “grundlagen”\n"
    "%s:31:32: warning: Question “begriff” tests “grundlagen:auswahl”, "
    "but there is no course “grundlagen”\n",
    vertiefung, vertiefung);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
}

static void
test_items_changed (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *grundlagen = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *shown = NULL;
  guint n_reloaded = 0;

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  ak_course_library_add_directory (library, dir);
  g_signal_connect (library, "items-changed", G_CALLBACK (count_items_changed_cb), log);
  g_signal_connect (library, "reloaded", G_CALLBACK (count_reloaded_cb), &n_reloaded);

  ak_course_library_reload (library);
  g_assert_cmpstr (log->str, ==, "0-0+1;");

  copy_fixture ("bundled/vertiefung.xml", dir, "vertiefung.xml");
  copy_fixture ("verweise.xml", dir, "verweise.xml");
  g_string_truncate (log, 0);
  ak_course_library_reload (library);
  /* The course that stays is neither removed nor added again. */
  g_assert_cmpstr (log->str, ==, "0-0+1;2-0+1;");

  g_assert_cmpint (g_remove (grundlagen), ==, 0);
  copy_fixture ("kaputt.xml", dir, "kaputt.xml");
  g_string_truncate (log, 0);
  ak_course_library_reload (library);
  g_assert_cmpstr (log->str, ==, "1-1+0;");

  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Algorithmen vertieft | Verweise auf andere Kurse");
  g_assert_cmpuint (n_reloaded, ==, 3);
}

static void
test_watch (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *grundlagen = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autofree char *shown = NULL;
  FILE *stream;

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  ak_course_library_add_directory (library, dir);
  ak_course_library_set_watch (library, TRUE);
  g_assert_true (ak_course_library_get_watch (library));
  ak_course_library_reload (library);

  /* The trainer renames the course in an editor that saves atomically. */
  retitle_grundlagen (grundlagen);
  wait_for_reload (library);
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Plattformen verstehen");
  g_clear_pointer (&shown, g_free);

  /* A new course file appears in the folder. */
  copy_fixture ("bundled/vertiefung.xml", dir, "vertiefung.xml");
  wait_for_reload (library);
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Algorithmen vertieft | Plattformen verstehen");
  g_clear_pointer (&shown, g_free);

  /* A save that breaks the file, written in place: the course goes away
   * and the file's diagnostics say why. */
  stream = fopen (grundlagen, "w");
  g_assert_nonnull (stream);
  fputs ("<?xml version=\"1.0\"?>\n<course>\n", stream);
  fclose (stream);
  wait_for_reload (library);
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Algorithmen vertieft");
  g_assert_true (ak_diagnostic_list_has_errors (ak_course_library_get_diagnostics (library,
                                                                                  grundlagen)));
}

/* A course file linked into the folder from elsewhere: editing it where
 * it really lives reloads the library too. */
static void
test_watch_link (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("kurse");
  g_autofree char *project = make_course_dir ("projekt");
  g_autofree char *target = g_build_filename (project, "grundlagen.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autofree char *shown = NULL;

  copy_fixture ("bundled/grundlagen.xml", project, "grundlagen.xml");
  g_assert_cmpint (symlink (target, link), ==, 0);
  ak_course_library_add_directory (library, dir);
  ak_course_library_set_watch (library, TRUE);
  ak_course_library_reload (library);
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Grundlagen der Plattformen");
  g_clear_pointer (&shown, g_free);

  retitle_grundlagen (target);
  wait_for_reload (library);
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Plattformen verstehen");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/broken-next-to-good", test_broken_next_to_good);
  g_test_add_func ("/library/sorted-by-title", test_sorted_by_title);
  g_test_add_func ("/library/duplicate-id", test_duplicate_id);
  g_test_add_func ("/library/empty-directory", test_empty_directory);
  g_test_add_func ("/library/missing-directory", test_missing_directory);
  g_test_add_func ("/library/missing-file", test_missing_file);
  g_test_add_func ("/library/user-before-bundled", test_user_before_bundled);
  g_test_add_func ("/library/references/resolved", test_references_resolved);
  g_test_add_func ("/library/references/unresolved", test_references_unresolved);
  g_test_add_func ("/library/items-changed", test_items_changed);
  g_test_add_func ("/library/watch", test_watch);
  g_test_add_func ("/library/watch-link", test_watch_link);

  return g_test_run ();
}
