/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "loader-fixtures.h"

/* ---------------------------------------------------------------------- */
/* Hostile and broken files                                               */

static void
assert_not_in_diagnostics (GPtrArray  *diagnostics,
                           const char *secret)
{
  for (guint i = 0; i < diagnostics->len; i++)
    g_assert_null (strstr (((AkDiagnostic *)g_ptr_array_index (diagnostics, i))->message, secret));
}

#define DOCTYPE_REFUSED \
  "Document type declarations (<!DOCTYPE …>) and entities are not allowed in course files"

static void
test_security_external_entity (void)
{
  const char *secret = "GEHEIM-4711";
  g_autofree char *secret_path = write_file ("geheim.txt", secret, -1);
  g_autofree char *secret_uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autofree char *dtd_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autoptr(AkCourse) course_dtd = NULL;

  /* An entity in the internal subset, used in text and in an attribute. */
  contents = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<!DOCTYPE course [\n"
                              "  <!ENTITY geheim SYSTEM \"%s\">\n"
                              "]>\n"
                              "<course xmlns=\"" NS "\" id=\"test\" version=\"1\" "
                              "xml:lang=\"de\" minutes=\"1\">\n"
                              "  <title>&geheim;</title>\n"
                              "  <summary alt=\"&geheim;\">&geheim;</summary>\n"
                              "</course>\n", secret_uri);
  course = load_text (contents, -1, &diagnostics);
  assert_refused (course, diagnostics, 2, 1, DOCTYPE_REFUSED);
  assert_not_in_diagnostics (diagnostics, secret);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_free (contents);

  /* An external subset that would declare it. */
  contents = g_strdup_printf ("<!ENTITY geheim SYSTEM \"%s\">\n", secret_uri);
  dtd_path = write_file ("kurs.dtd", contents, -1);
  g_free (contents);
  contents = g_strdup ("<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE course SYSTEM \"kurs.dtd\">\n"
                       "<course xmlns=\"" NS "\"><title>&geheim;</title></course>\n");
  course_dtd = load_text (contents, -1, &diagnostics);
  assert_refused (course_dtd, diagnostics, 2, 1, DOCTYPE_REFUSED);
  assert_not_in_diagnostics (diagnostics, secret);
}

static void
test_security_entity_bomb (void)
{
  g_autoptr(GString) contents = g_string_new ("<?xml version=\"1.0\"?>\n"
                                              "<!DOCTYPE course [\n"
                                              "  <!ENTITY lol \"lol\">\n");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;

  /* Ten levels of ten: 10^10 "lol"s if anything expanded them. */
  for (guint level = 1; level <= 10; level++)
    {
      g_string_append_printf (contents, "  <!ENTITY lol%u \"", level);
      for (guint i = 0; i < 10; i++)
        g_string_append_printf (contents, level == 1 ? "&lol;" : "&lol%u;", level - 1);
      g_string_append (contents, "\">\n");
    }
  g_string_append (contents, "]>\n<course xmlns=\"" NS "\"><title>&lol10;</title></course>\n");

  course = load_text (contents->str, -1, &diagnostics);
  assert_refused (course, diagnostics, 2, 1, DOCTYPE_REFUSED);
}

static void
test_security_doctype (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *contents = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<!-- Kurs -->\n"
                                           "<!DOCTYPE course>\n",
                                           course_head + strlen ("<?xml version=\"1.0\" "
                                                                 "encoding=\"UTF-8\"?>\n"),
                                           course_middle, course_tail, NULL);
  g_autoptr(AkCourse) course = load_text (contents, -1, &diagnostics);

  assert_refused (course, diagnostics, 3, 1, DOCTYPE_REFUSED);
}

static void
test_security_deep_nesting (void)
{
  const char *root = "<course xmlns=\"" NS "\">";
  g_autoptr(GString) contents = g_string_new ("<?xml version=\"1.0\"?>\n");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autofree char *message = g_strdup_printf ("Elements are nested more than %u levels deep",
                                              AK_COURSE_MAX_DEPTH);

  g_string_append (contents, root);
  for (guint i = 0; i < 10000; i++)
    g_string_append (contents, "<em>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (contents, "</em>");
  g_string_append (contents, "</course>\n");

  /* The course element is level 1: the first one too deep is the 64th <em>. */
  course = load_text (contents->str, -1, &diagnostics);
  assert_refused (course, diagnostics, 2, strlen (root) + (AK_COURSE_MAX_DEPTH - 1) * 4 + 1,
                  message);
}

static void
test_security_too_large_file (void)
{
  g_autofree char *path = write_file ("gross.xml", "", 0);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;
  int fd;

  /* A sparse file: big on paper, nothing on disk. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, AK_COURSE_MAX_FILE_SIZE + 1024 * 1024), ==, 0);
  g_assert_true (g_close (fd, NULL));

  course = ak_course_loader_load_file (path, diagnostics);
  assert_refused (course, diagnostics, 0, 0,
                  "The file is larger than 8.0\u00a0MiB, the limit for course files");
}

static void
test_security_too_large_data (void)
{
  gsize length = AK_COURSE_MAX_FILE_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;

  memset (data, ' ', length);
  course = ak_course_loader_load_data (data, length, "gross.xml", diagnostics);
  assert_refused (course, diagnostics, 0, 0,
                  "The file is larger than 8.0\u00a0MiB, the limit for course files");
}

static void
test_security_invalid_utf8 (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  /* "Grüße" in Latin-1. */
  g_autoptr(AkCourse) course = load_variant ("      <p>Gr\xFC\xDF" "e</p>\n", "", &diagnostics);

  assert_refused (course, diagnostics, 12, 12,
                  "This is not valid UTF-8 text (byte 0xFC); save the file with the encoding "
                  "UTF-8");
}

static void
test_security_null_byte (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *contents = g_strconcat (course_head, "      <p>A", NULL);
  g_autoptr(GString) text = g_string_new (contents);
  g_autoptr(AkCourse) course = NULL;

  g_string_append_len (text, "\0B</p>\n", 7);
  g_string_append (text, course_middle);
  g_string_append (text, course_tail);
  course = load_text (text->str, text->len, &diagnostics);
  assert_refused (course, diagnostics, 12, 11, "Course files must not contain null characters");
}

static void
check_utf16 (const char *to_codeset,
             const char *bom,
             gsize       bom_length)
{
  g_autofree char *contents = g_strconcat (course_head, course_middle, course_tail, NULL);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *converted = g_convert (contents, -1, to_codeset, "UTF-8", NULL, &length,
                                          &error);
  g_autoptr(GString) text = g_string_new_len (bom, bom_length);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;

  g_assert_no_error (error);
  g_string_append_len (text, converted, length);
  course = load_text (text->str, text->len, &diagnostics);
  assert_refused (course, diagnostics, 1, 1,
                  "Course files must be encoded as UTF-8; this file is UTF-16");
}

static void
test_security_utf16 (void)
{
  check_utf16 ("UTF-16LE", "\xFF\xFE", 2);
  check_utf16 ("UTF-16BE", "\xFE\xFF", 2);
  check_utf16 ("UTF-16LE", "", 0);
}

static void
test_security_utf32 (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_text ("\xFF\xFE\0\0<\0\0\0", 8, &diagnostics);

  assert_refused (course, diagnostics, 1, 1,
                  "Course files must be encoded as UTF-8; this file is UTF-32");
}

static void
test_security_latin1_declaration (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GString) contents = g_string_new (course_head);
  g_autoptr(AkCourse) course = NULL;

  g_string_replace (contents, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"", 1);
  g_string_append (contents, course_middle);
  g_string_append (contents, course_tail);
  course = load_text (contents->str, -1, &diagnostics);

  assert_refused (course, diagnostics, 1, 31,
                  "Course files must be encoded as UTF-8; this file declares the encoding "
                  "“ISO-8859-1”");
}

/* ---------------------------------------------------------------------- */
/* Limits that keep the check of any file under the size limit short      */

static guint
count_elements (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (g_ascii_isalpha (p[1]))
      n++;
  return n;
}

/* One line of @n copies of @unit, added to the lesson on line 12. */
static AkCourse *
load_repeated (const char  *before,
               const char  *unit,
               guint        n,
               const char  *after,
               GPtrArray  **diagnostics)
{
  g_autoptr(GString) line = g_string_new (before);

  for (guint i = 0; i < n; i++)
    g_string_append (line, unit);
  g_string_append (line, after);
  return load_variant (line->str, "", diagnostics);
}

static void
test_limits_elements (void)
{
  g_autofree char *template = g_strconcat (course_head, course_middle, course_tail, NULL);
  guint n_template = count_elements (template);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autofree char *message = g_strdup_printf ("The file has more than %u elements; split the "
                                              "course into several files",
                                              AK_COURSE_MAX_ELEMENTS);
  guint n_allowed = AK_COURSE_MAX_ELEMENTS - n_template;

  /* Up to the limit a file loads. */
  course = load_repeated ("", "      <p>x</p>\n", n_allowed, "", &diagnostics);
  g_assert_nonnull (course);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_object (&course);

  /* The first element past it is shown. */
  course = load_repeated ("", "      <p>x</p>\n", n_allowed + 10, "", &diagnostics);
  assert_refused (course, diagnostics, 12 + AK_COURSE_MAX_ELEMENTS - count_elements (course_head),
                  7, message);
}

static void
test_limits_attributes (void)
{
  g_autoptr(GString) tag = g_string_new ("      <p");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autofree char *message = NULL;
  guint n_attributes = 0;
  guint first_over = 0;

  for (guint i = 0; i <= AK_COURSE_MAX_ATTRIBUTES; i++)
    g_string_append_printf (tag, " a%u=\"x\"", i);
  g_string_append (tag, ">x</p>\n");
  course = load_repeated ("      <p>x</p>\n", tag->str, 1, "", &diagnostics);
  message = g_strdup_printf ("An element has more than %u attributes", AK_COURSE_MAX_ATTRIBUTES);
  assert_refused (course, diagnostics, 13, 7, message);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_pointer (&message, g_free);

  /* Within the limit for each element, but not for the file; a "=" in a
   * value or a comment is no attribute. */
  course = load_repeated ("      <!-- a=b -->\n", "<p a=\"=\" b=\"=\" c=\"=\">x</p>",
                          AK_COURSE_MAX_ELEMENTS, "\n", &diagnostics);
  message = g_strdup_printf ("The file has more than %u attributes; split the course into "
                             "several files", 2 * AK_COURSE_MAX_ELEMENTS);
  /* Those of the template's first lines, past its XML declaration. */
  for (const char *p = strchr (course_head, '\n'); *p != '\0'; p++)
    if (*p == '=')
      n_attributes++;
  while (n_attributes + 3 * (first_over + 1) <= 2 * AK_COURSE_MAX_ELEMENTS)
    first_over++;
  assert_refused (course, diagnostics, 13, 1 + first_over * 26, message);
}

static void
test_limits_inline (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autofree char *message = g_strdup_printf ("A text block may hold at most %u emphases "
                                              "(“em” or “strong”)", AK_COURSE_MAX_INLINE);

  /* Nested ones count, and every block has its own count. */
  course = load_repeated ("      <p><strong><em>x</em></strong>", "<em>x</em>",
                          AK_COURSE_MAX_INLINE - 2, "</p>\n      <p><em>y</em></p>\n",
                          &diagnostics);
  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_object (&course);

  course = load_repeated ("      <p><strong><em>x</em></strong>", "<em>x</em>",
                          AK_COURSE_MAX_INLINE - 1, "</p>\n", &diagnostics);
  assert_refused (course, diagnostics, 12, 37 + (AK_COURSE_MAX_INLINE - 2) * 10,
                  message);
}

static void
test_limits_problems (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  AkDiagnostic *last;

  /* All on one line: each column counted right. */
  course = load_repeated ("      ", "<p/>", AK_COURSE_MAX_PROBLEMS + 50, "\n", &diagnostics);
  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, AK_COURSE_MAX_PROBLEMS + 1);
  for (guint i = 0; i < AK_COURSE_MAX_PROBLEMS; i++)
    assert_diagnostic (diagnostics, i, AK_SEVERITY_ERROR, 12, 7 + 4 * i,
                       "The element “p” must not be empty");
  last = g_ptr_array_index (diagnostics, AK_COURSE_MAX_PROBLEMS);
  g_assert_cmpint (last->severity, ==, AK_SEVERITY_WARNING);
  g_assert_cmpuint (last->line, ==, 0);
  g_assert_cmpstr (last->message, ==, "… 50 more problems are not shown; correct the ones "
                                      "above and check the file again");
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* Exactly as many as are shown: nothing is cut. */
  course = load_repeated ("      ", "<p/>", AK_COURSE_MAX_PROBLEMS, "\n", &diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, AK_COURSE_MAX_PROBLEMS);
  g_assert_cmpint (((AkDiagnostic *)g_ptr_array_index (diagnostics, AK_COURSE_MAX_PROBLEMS - 1))
                     ->severity, ==, AK_SEVERITY_ERROR);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/security/external-entity", test_security_external_entity);
  g_test_add_func ("/loader/security/entity-bomb", test_security_entity_bomb);
  g_test_add_func ("/loader/security/doctype", test_security_doctype);
  g_test_add_func ("/loader/security/deep-nesting", test_security_deep_nesting);
  g_test_add_func ("/loader/security/too-large-file", test_security_too_large_file);
  g_test_add_func ("/loader/security/too-large-data", test_security_too_large_data);
  g_test_add_func ("/loader/security/invalid-utf8", test_security_invalid_utf8);
  g_test_add_func ("/loader/security/null-byte", test_security_null_byte);
  g_test_add_func ("/loader/security/utf16", test_security_utf16);
  g_test_add_func ("/loader/security/utf32", test_security_utf32);
  g_test_add_func ("/loader/security/latin1-declaration", test_security_latin1_declaration);

  g_test_add_func ("/loader/limits/elements", test_limits_elements);
  g_test_add_func ("/loader/limits/attributes", test_limits_attributes);
  g_test_add_func ("/loader/limits/inline", test_limits_inline);
  g_test_add_func ("/loader/limits/problems", test_limits_problems);

  return g_test_run ();
}
