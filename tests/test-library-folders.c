/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ak-course-library.h"
#include "library-fixtures.h"

/* A course folder as a trainer hands it out: the course file and its
 * figure in a sub-folder beside it. */
static char *
make_course_folder (const char *name,
                    gboolean    with_figure)
{
  char *dir = make_course_dir (name);
  g_autofree char *figures = g_build_filename (dir, "complete", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "loader", "complete.xml",
                                                   NULL);
  g_autofree char *figure = g_test_build_filename (G_TEST_DIST, "data", "loader", "complete",
                                                   "figure.png", NULL);
  g_autofree char *target = g_build_filename (dir, "complete.kurs.xml", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  if (with_figure)
    {
      g_autofree char *figure_target = g_build_filename (figures, "figure.png", NULL);

      g_clear_pointer (&contents, g_free);
      g_assert_cmpint (g_mkdir_with_parents (figures, 0700), ==, 0);
      g_file_get_contents (figure, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (figure_target, contents, length, &error);
      g_assert_no_error (error);
    }
  return dir;
}

/* A course file that came alone, as through the document portal, misses
 * its figures; its folder brings them along. */
static void
test_open_folder_brings_figures (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *alone = make_course_folder ("allein", FALSE);
  g_autofree char *alone_file = g_build_filename (alone, "complete.kurs.xml", NULL);
  g_autofree char *folder = make_course_folder ("ordner", TRUE);
  g_autofree char *folder_file = g_build_filename (folder, "complete.kurs.xml", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) opened = NULL;
  AkCourse *course;

  ak_course_library_open_file (library, alone_file);
  ak_course_library_reload (library);
  g_assert_null (ak_course_library_lookup (library, "complete"));
  text = diagnostics_text (library, alone_file);
  g_assert_nonnull (strstr (text, "The figure file “complete/figure.png” does not exist"));

  ak_course_library_open_file (library, folder);
  ak_course_library_reload (library);
  course = ak_course_library_lookup (library, "complete");
  g_assert_nonnull (course);
  g_assert_true (ak_course_library_lookup_file (library, folder_file) == course);

  opened = ak_course_library_dup_opened_files (library);
  g_assert_cmpstrv (opened, ((const char *[]) { alone_file, folder, NULL }));
}

/* An opened folder comes back at the next start, and every course file
 * put into it later is found too. */
static void
test_open_folder_restored (void)
{
  g_autoptr(AkCourseLibrary) first = ak_course_library_new ();
  g_autoptr(AkCourseLibrary) second = ak_course_library_new ();
  g_autofree char *folder = make_course_folder ("kursordner", TRUE);
  g_autofree char *shown = NULL;
  g_auto(GStrv) opened = NULL;

  ak_course_library_open_file (first, folder);
  opened = ak_course_library_dup_opened_files (first);
  g_clear_object (&first);

  copy_fixture ("bundled/grundlagen.xml", folder, "grundlagen.kurs.xml");
  ak_course_library_restore_opened_files (second, (const char *const *)opened);
  ak_course_library_reload (second);
  shown = titles (second);
  g_assert_cmpstr (shown, ==, "Ein vollständiger Kurs | Grundlagen der Plattformen");
  g_assert_cmpuint (ak_course_library_get_n_errors (second), ==, 0);
}

/* A plain "*.xml" file opened by hand is a course as much as a
 * "*.kurs.xml" one. */
static void
test_open_plain_xml (void)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autofree char *dir = make_course_dir ("einzeln");
  g_autofree char *path = g_build_filename (dir, "grundlagen.xml", NULL);
  g_autofree char *shown = NULL;

  copy_fixture ("bundled/grundlagen.xml", dir, "grundlagen.xml");
  ak_course_library_open_file (library, path);
  ak_course_library_reload (library);
  shown = titles (library);
  g_assert_cmpstr (shown, ==, "Grundlagen der Plattformen");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/open-folder/brings-figures", test_open_folder_brings_figures);
  g_test_add_func ("/library/open-folder/restored", test_open_folder_restored);
  g_test_add_func ("/library/open-plain-xml", test_open_plain_xml);

  return g_test_run ();
}
