/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The certificate as a PDF: one A4 page whose text (read with pdftotext,
 * as anyone could) says what it certifies, in the learner's language, and
 * whose keywords give back the record and its hash. Needs no display.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ak-certificate-pdf.h"
#include "ak-certificate-render.h"

static AkCourseLibrary *library;

static AkCertificateContent *
sample_content (void)
{
  g_autoptr(AkCertificateRecord) record =
    ak_certificate_record_new ("abschlusstest", "1.3", "abschlusspruefung", "Anna Müller", 87,
                               "2026-11-23");
  AkCourse *course = ak_course_library_lookup (library, "abschlusstest");

  g_assert_nonnull (course);
  return ak_certificate_content_new (course, "abschlusspruefung", record, library);
}

static char *
save_pdf (const AkCertificateContent *content,
          const char                 *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  char *path;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ak_certificate_render_to_file (content, file, NULL, &error));
  g_assert_no_error (error);
  /* Kept for a look when AK_SCREENSHOT_DIR is set. */
  if (g_getenv ("AK_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("AK_SCREENSHOT_DIR"), name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_mkdir_with_parents (g_getenv ("AK_SCREENSHOT_DIR"), 0755);
      g_assert_true (g_file_set_contents (copy, data, length, NULL));
    }
  return path;
}

/* The output of a poppler tool, or NULL (and the test skipped) without it. */
static char *
run_poppler (const char *tool,
             const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip_printf ("%s is missing (Debian: apt-get install poppler-utils)", tool);
      return NULL;
    }
  {
    const char *argv[] = { program, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                 NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Lines are joined: where the page wraps a sentence is not the point. */
static void
assert_contains (const char *text,
                 const char *part)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
  g_autofree char *joined_part = g_regex_replace_literal (space, part, -1, 0, " ", 0, NULL);

  if (strstr (joined, joined_part) == NULL)
    g_error ("“%s” is not in the certificate's text:\n%s", part, text);
}

static void
assert_one_page (const char *info)
{
  if (!g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0))
    g_error ("The certificate is not one page:\n%s", info);
}

static void
test_read_back (void)
{
  g_autoptr(AkCertificateContent) content = sample_content ();
  g_autofree char *path = save_pdf (content, "certificate.pdf");
  g_autoptr(AkCertificateRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  back = ak_certificate_pdf_read (path, &hash, &error);
  g_assert_no_error (error);
  g_assert_true (ak_certificate_record_equal (back, content->record));
  g_assert_cmpstr (hash, ==, content->hash);
}

static void
test_page (void)
{
  g_autoptr(AkCertificateContent) content = sample_content ();
  g_autofree char *path = save_pdf (content, "certificate.pdf");
  g_autofree char *info = run_poppler ("pdfinfo", path);
  g_autofree char *text = NULL;

  if (info == NULL)
    return;
  assert_one_page (info);
  assert_contains (info, "(A4)");
  assert_contains (info, "akademie-certificate-1 course=abschlusstest ");
  assert_contains (info, content->hash);

  text = run_poppler ("pdftotext", path);
  g_test_message ("%s", text);
  assert_contains (text, "Certificate of Participation");
  assert_contains (text, "Anna Müller");
  assert_contains (text, "Abschlusstest: Social Media in Wirtschaft und Alltag");
  assert_contains (text, "“Abschlussprüfung” with 87% of the points on 11/23/2026.");
  assert_contains (text, "Theses covered");
  assert_contains (text, "Signal aus der Agentur");
  assert_contains (text, content->hash);
}

/* In German, with German dates and numbers. */
static void
test_page_german (void)
{
  g_autoptr(AkCertificateContent) content = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *localedir = g_build_filename (g_getenv ("AK_BUILD_ROOT"), "po", NULL);
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The German locale de_DE.UTF-8 is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  content = sample_content ();
  path = save_pdf (content, "teilnahmebescheinigung.pdf");
  text = run_poppler ("pdftotext", path);

  g_setenv ("LANGUAGE", old_language != NULL ? old_language : "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  if (text == NULL)
    return;
  g_test_message ("%s", text);
  assert_contains (text, "Teilnahmebescheinigung");
  assert_contains (text, "Hiermit wird bescheinigt, dass");
  assert_contains (text, "am 23.11.2026 mit „Abschlussprüfung“ (87\u00a0% der Punkte)");
  assert_contains (text, "Behandelte Thesen");
}

/* A long name wraps instead of leaving the page, and many theses end in
 * a count rather than running into the verification hash. */
static void
test_overflow (void)
{
  g_autoptr(AkCertificateContent) content = sample_content ();
  g_autoptr(GPtrArray) theses = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  g_free (content->record->learner_name);
  content->record->learner_name = g_strnfill (200, 'W');
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (theses, g_strdup_printf ("These Nummer %u mit einem recht langen Namen, "
                                              "der nicht in eine Zeile passt", i));
  g_ptr_array_add (theses, NULL);
  g_strfreev (content->theses);
  content->theses = (GStrv)g_ptr_array_free (g_steal_pointer (&theses), FALSE);

  path = save_pdf (content, "overflow.pdf");
  info = run_poppler ("pdfinfo", path);
  if (info == NULL)
    return;
  assert_one_page (info);
  text = run_poppler ("pdftotext", path);
  assert_contains (text, "more theses");
  assert_contains (text, content->hash);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *courses = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  courses = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses", NULL);
  library = ak_course_library_new ();
  ak_course_library_add_directory (library, courses);
  ak_course_library_reload (library);

  g_test_add_func ("/certificate-render/read-back", test_read_back);
  g_test_add_func ("/certificate-render/page", test_page);
  g_test_add_func ("/certificate-render/page-german", test_page_german);
  g_test_add_func ("/certificate-render/overflow", test_overflow);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
