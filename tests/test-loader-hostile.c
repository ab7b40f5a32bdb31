/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>
#include <gio/gio.h>

#include "loader-fixtures.h"

/* ---------------------------------------------------------------------- */
/* Paths that are not plain course files                                  */

static char *
course_folder (void)
{
  char *folder = g_build_filename (g_get_user_cache_dir (), "courses", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static void
assert_file_refused (const char *path,
                     const char *message)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;

  /* A pipe that no one writes to would block a plain open() for ever. */
  alarm (20);
  course = ak_course_loader_load_file (path, diagnostics);
  alarm (0);
  assert_refused (course, diagnostics, 0, 0, message);
  g_assert_cmpstr (((AkDiagnostic *)g_ptr_array_index (diagnostics, 0))->file, ==, path);
}

static void
test_hostile_fifo (void)
{
  g_autofree char *folder = course_folder ();
  g_autofree char *fifo = g_build_filename (folder, "pipe.xml", NULL);
  g_autofree char *link = g_build_filename (folder, "link.xml", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  assert_file_refused (fifo, "This is not a regular file but a pipe, socket or device");
  assert_file_refused (link, "This is not a regular file but a pipe, socket or device");
  assert_file_refused ("/dev/null", "This is not a regular file but a pipe, socket or device");
}

static void
test_hostile_paths (void)
{
  g_autofree char *folder = course_folder ();
  g_autofree char *loop = g_build_filename (folder, "a.xml", NULL);
  g_autofree char *loop2 = g_build_filename (folder, "b.xml", NULL);
  g_autofree char *file = write_file ("kurs.xml", "<x/>", -1);
  g_autofree char *below_file = g_build_filename (file, "kurs.xml", NULL);

  g_assert_cmpint (symlink (loop2, loop), ==, 0);
  g_assert_cmpint (symlink (loop, loop2), ==, 0);
  assert_file_refused (loop, "The path leads through a loop of symbolic links");
  assert_file_refused (below_file, "A part of the path is a file, not a folder");
  assert_file_refused (folder, "This is a folder, not a course file");
}

static void
test_hostile_unreadable_folder (void)
{
  g_autofree char *folder = course_folder ();
  g_autofree char *closed = g_build_filename (folder, "zu", NULL);
  g_autofree char *path = g_build_filename (closed, "kurs.xml", NULL);

  g_assert_cmpint (g_mkdir_with_parents (closed, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "<x/>", -1, NULL));
  g_assert_cmpint (g_chmod (closed, 0), ==, 0);
  if (access (path, R_OK) == 0)
    {
      g_assert_cmpint (g_chmod (closed, 0700), ==, 0);
      g_test_skip ("Permissions do not apply to this user");
      return;
    }
  assert_file_refused (path, "You are not allowed to read the file, or to open a folder on its "
                             "path");
  g_assert_cmpint (g_chmod (closed, 0700), ==, 0);
}

/* A course named through a link is read from where the link points. */
static void
test_hostile_link_followed (void)
{
  g_autofree char *contents = g_strconcat (course_head, course_middle, course_tail, NULL);
  g_autofree char *target = write_file ("ziel.xml", contents, -1);
  g_autofree char *folder = course_folder ();
  g_autofree char *link = g_build_filename (folder, "verweis.xml", NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;

  g_assert_cmpint (symlink ("ziel.xml", link), ==, 0);
  course = ak_course_loader_load_file (link, diagnostics);
  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_hostile_read_file (void)
{
  g_autofree char *folder = course_folder ();
  g_autofree char *path = write_file ("kurs.xml", "<x/>", -1);
  g_autofree char *fifo = g_build_filename (folder, "pipe.xml", NULL);
  g_autofree char *large = NULL;
  g_autofree char *big = g_malloc0 (AK_COURSE_MAX_FILE_SIZE + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = ak_course_loader_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<x/>", 4);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (ak_course_loader_read_file (fifo, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_null (ak_course_loader_read_file (folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  large = write_file ("gross.xml", big, AK_COURSE_MAX_FILE_SIZE + 1);
  g_assert_null (ak_course_loader_read_file (large, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  g_assert_null (ak_course_loader_read_file ("/nicht/da.xml", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The file does not exist");
}

static void
check_figure (const char *src,
              const char *message)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *figure = g_strdup_printf ("      <figure src=\"%s\" alt=\"Bild\"/>\n", src);
  g_autoptr(AkCourse) course = load_variant (figure, "", &diagnostics);

  assert_refused (course, diagnostics, 12, 15, message);
}

static void
test_hostile_figure (void)
{
  g_autofree char *folder = course_folder ();
  g_autofree char *fifo = g_build_filename (folder, "pipe.png", NULL);
  g_autofree char *device = g_build_filename (folder, "null.png", NULL);
  g_autofree char *loop = g_build_filename (folder, "loop.png", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", device), ==, 0);
  g_assert_cmpint (symlink ("loop.png", loop), ==, 0);
  check_figure ("pipe.png", "The figure “pipe.png” is a pipe, socket or device, not an image file");
  check_figure ("null.png", "The figure “null.png” is a pipe, socket or device, not an image file");
  check_figure ("loop.png", "The figure file “loop.png” cannot be read: it or a folder on its "
                            "path is not readable, or symbolic links form a loop");
}

/* ---------------------------------------------------------------------- */
/* Files without a course element                                         */

static void
test_hostile_no_element (void)
{
  static const struct
  {
    const char *text;
    guint       line;
    guint       column;
    const char *message;
  } cases[] = {
    { " \n\t\r\n ", 1, 1, "The file contains only white space" },
    { "\xEF\xBB\xBF\n", 1, 1, "The file contains only white space" },
    { "\n  Ein Kurs\n", 2, 3,
      "The file contains text but no element; a course file starts with “<course”" },
    { "<?xml version=\"1.0\"?>\n<!-- Kurs -->\n", 3, 1,
      "The file contains no element, only an XML declaration, comments or processing "
      "instructions" },
    { "<!-- offen", 1, 1, "The comment is not closed with “-->”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(AkCourse) course = load_text (cases[i].text, -1, &diagnostics);

      assert_refused (course, diagnostics, cases[i].line, cases[i].column, cases[i].message);
    }
}

/* ---------------------------------------------------------------------- */
/* File content quoted in messages                                        */

/* Each diagnostic as `akademie --validate` prints it is one line, with
 * nothing in it that would reorder it. */
static void
assert_one_line_each (GPtrArray *diagnostics)
{
  g_assert_cmpuint (diagnostics->len, >, 0);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_assert_true (g_utf8_validate (line, -1, NULL));
      for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert_cmpuint (c, >=, 0x20);
          g_assert_false (c >= 0x7F && c <= 0x9F);
          g_assert_false (c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F);
          g_assert_false (c >= 0x202A && c <= 0x202E);
          g_assert_false (c >= 0x2066 && c <= 0x2069);
        }
    }
}

static void
test_hostile_escaped (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;

  /* A forged line of output, a right-to-left override, and line breaks
   * of every kind, in a value quoted by a message. */
  course = load_variant ("      <figure src=\"a.png&#10;kurs.xml: valid, 1 lesson, 1 question&#13;"
                         "\" alt=\"A\"/>\n"                                            /* 12 */
                         "      <figure src=\"\u202Egnp.exe\" alt=\"B\"/>\n"             /* 13 */
                         "      <figure src=\"a\xC2\x85" "b\u2028c\u2029d\u2066e\u200Ff\x7F\" "
                         "alt=\"C\"/>\n", "", &diagnostics);                             /* 14 */
  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 12, 15,
                     "The figure file “a.png\\nkurs.xml: valid, 1 lesson, 1 question\\r” does "
                     "not exist");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 13, 15,
                     "The figure file “\\u202Egnp.exe” does not exist");
  assert_diagnostic (diagnostics, 2, AK_SEVERITY_ERROR, 14, 15,
                     "The figure file “a\\u0085b\\u2028c\\u2029d\\u2066e\\u200Ff\\u007F” does "
                     "not exist");
  assert_one_line_each (diagnostics);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* Element content and a tab, quoted by a schema message. */
  course = load_text ("<course xmlns=\"" NS "\" id=\"a&#10;b\" version=\"1\" xml:lang=\"de\" "
                      "minutes=\"1\"><title>T</title><summary>S</summary>"
                      "<source id=\"q\"><title>Q</title><year>20\u202E24\t&#10;</year></source>"
                      "</course>", -1, &diagnostics);
  g_assert_null (course);
  assert_one_line_each (diagnostics);
}

static void
test_hostile_escaped_file_name (void)
{
  g_autoptr(AkDiagnostic) diagnostic = ak_diagnostic_new ("kurs.xml\nandere.xml: valid", 1, 2,
                                                          AK_SEVERITY_ERROR, "a\u202Eb");
  g_autofree char *line = ak_diagnostic_to_string (diagnostic);
  g_autofree char *twice = ak_diagnostic_escape (diagnostic->message);

  g_assert_cmpstr (line, ==, "kurs.xml\\nandere.xml: valid:1:2: error: a\\u202Eb");
  g_assert_cmpstr (twice, ==, diagnostic->message);
  /* The file name itself is kept, for opening the file. */
  g_assert_cmpstr (diagnostic->file, ==, "kurs.xml\nandere.xml: valid");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/hostile/fifo", test_hostile_fifo);
  g_test_add_func ("/loader/hostile/paths", test_hostile_paths);
  g_test_add_func ("/loader/hostile/unreadable-folder", test_hostile_unreadable_folder);
  g_test_add_func ("/loader/hostile/link-followed", test_hostile_link_followed);
  g_test_add_func ("/loader/hostile/read-file", test_hostile_read_file);
  g_test_add_func ("/loader/hostile/figure", test_hostile_figure);
  g_test_add_func ("/loader/hostile/no-element", test_hostile_no_element);

  g_test_add_func ("/loader/hostile/escaped", test_hostile_escaped);
  g_test_add_func ("/loader/hostile/escaped-file-name", test_hostile_escaped_file_name);

  return g_test_run ();
}
