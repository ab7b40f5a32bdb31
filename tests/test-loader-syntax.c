/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "loader-fixtures.h"

/* ---------------------------------------------------------------------- */
/* Malformed XML                                                          */

static void
test_syntax_tag_mismatch (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <p>Nicht geschlossen\n", "", &diagnostics);
  AkDiagnostic *diagnostic;

  /* Pointed at the "</section>" that found <p> still open. */
  assert_refused (course, diagnostics, 13, 5,
                  "The end tag “</section>” does not match the start tag “<p>” on line 12");
  diagnostic = g_ptr_array_index (diagnostics, 0);
  g_assert_true (g_str_has_suffix (diagnostic->file, "test.xml"));
}

static void
test_syntax_ampersand (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <p>Fragen & Antworten</p>\n", "",
                                             &diagnostics);

  assert_refused (course, diagnostics, 12, 17, "Write “&” as “&amp;” in course text");
}

static void
test_syntax_columns_count_characters (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <p>Größe & Maß</p>\n", "", &diagnostics);

  /* "ö" and "ß" take two bytes but one column each. */
  assert_refused (course, diagnostics, 12, 16, "Write “&” as “&amp;” in course text");
}

static void
test_syntax_unclosed (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *contents = g_strconcat (course_head, course_middle, NULL);
  g_autoptr(AkCourse) course = load_text (contents, -1, &diagnostics);

  assert_refused (course, diagnostics, 2, 1, "The element “<course>” is never closed");
}

/* Mistakes the parser can read past are all reported; what merely follows
 * from them (every end tag above a lost one mismatching) is not. */
static void
test_syntax_several (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <p>Fragen & Antworten</p>\n"
                                             "      <p>Mehr <em>Betonung</p>\n",
                                             "", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 12, 17,
                     "Write “&” as “&amp;” in course text");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 13, 27,
                     "The end tag “</p>” does not match the start tag “<em>” on line 13");
}

static void
test_syntax_error_limit (void)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;

  for (guint i = 0; i < AK_COURSE_MAX_SYNTAX_ERRORS + 10; i++)
    g_string_append (lines, "      <p>a & b</p>\n");
  course = load_variant (lines->str, "", &diagnostics);

  /* The note that the list is cut stands at the first error left out. */
  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, AK_COURSE_MAX_SYNTAX_ERRORS + 1);
  assert_diagnostic (diagnostics, AK_COURSE_MAX_SYNTAX_ERRORS - 1, AK_SEVERITY_ERROR,
                     12 + AK_COURSE_MAX_SYNTAX_ERRORS - 1, 12,
                     "Write “&” as “&amp;” in course text");
  assert_diagnostic (diagnostics, AK_COURSE_MAX_SYNTAX_ERRORS, AK_SEVERITY_WARNING,
                     12 + AK_COURSE_MAX_SYNTAX_ERRORS, 12,
                     "Only the first 20 syntax errors are shown; correct them and check the "
                     "file again");
}

/* Text cut off right after a "<", given without a terminating NUL as
 * the fuzzer gives it: nothing may be read past its end. */
static AkCourse *
load_unterminated (const char  *tail,
                   GPtrArray  **diagnostics)
{
  g_autofree char *text = g_strconcat (course_head, tail, NULL);
  gsize length = strlen (text);
  g_autofree char *exact = g_memdup2 (text, length);

  *diagnostics = ak_diagnostic_list_new ();
  return ak_course_loader_load_data (exact, length, "test.xml", *diagnostics);
}

static void
test_syntax_ends_in_markup (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;

  course = load_unterminated ("      <p id=\"a>\n  b <", &diagnostics);
  assert_refused (course, diagnostics, 13, 5, "Write “<” as “&lt;” in attribute values");
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  course = load_unterminated ("      <", &diagnostics);
  assert_refused (course, diagnostics, 12, 7,
                  "Write “<” as “&lt;” in course text, or follow it with an element name");
}

static void
test_syntax_error_limit_reached (void)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;

  /* Exactly as many errors as are shown: nothing is cut. */
  for (guint i = 0; i < AK_COURSE_MAX_SYNTAX_ERRORS; i++)
    g_string_append (lines, "      <p>a & b</p>\n");
  course = load_variant (lines->str, "", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, AK_COURSE_MAX_SYNTAX_ERRORS);
  for (guint i = 0; i < diagnostics->len; i++)
    assert_diagnostic (diagnostics, i, AK_SEVERITY_ERROR, 12 + i, 12,
                       "Write “&” as “&amp;” in course text");
}

/* libxml2 reports a bad reference after its ";"; the mistake is at "&". */
static void
test_syntax_reference_position (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <p>a &nbsp; x</p>\n", "", &diagnostics);

  assert_refused (course, diagnostics, 12, 12,
                  "Unknown entity “&nbsp;”; course files can only use &amp;, &lt;, &gt;, "
                  "&quot; and &apos;");
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  course = load_variant ("      <p>a &#x1; x</p>\n", "", &diagnostics);
  assert_refused (course, diagnostics, 12, 12,
                  "This character reference does not stand for a character allowed in XML");
}

/* libxml2 reports a repeated attribute at the end of the start tag. */
static void
test_syntax_repeated_attribute (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <p id=\"a\" id=\"b\">x</p>\n", "",
                                             &diagnostics);

  assert_refused (course, diagnostics, 12, 17, "The attribute “id” is given twice");
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  course = load_variant ("      <p id=\"a\"\n"
                         "         id=\"b\">x</p>\n", "", &diagnostics);      /* 13 */
  assert_refused (course, diagnostics, 13, 10, "The attribute “id” is given twice");
}

/* libxml2 notices these at the end of the file; the mistake is where they open. */
static void
test_syntax_unclosed_section (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <!-- gilt -->\n"
                                             "      <!-- offen\n", "", &diagnostics);

  assert_refused (course, diagnostics, 13, 7, "The comment is not closed with “-->”");
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  course = load_variant ("      <p><![CDATA[ <!-- ]]></p>\n"
                         "      <p><![CDATA[ offen </p>\n", "", &diagnostics);
  assert_refused (course, diagnostics, 13, 10, "The CDATA section is not closed with “]]>”");
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  course = load_variant ("      <?notiz offen\n", "", &diagnostics);
  assert_refused (course, diagnostics, 12, 7,
                  "The processing instruction is not closed with “?>”");
}

/* Common typos inside a start tag, each with its own message. */
static void
test_syntax_start_tag (void)
{
  static const struct
  {
    const char *line;
    guint       column;
    const char *message;
  } cases[] = {
    { "      <p/ >x</p>\n", 9, "“/” must be followed directly by “>”" },
    { "      <p id=\"a\" / >x</p>\n", 17, "“/” must be followed directly by “>”" },
    { "      <p =\"x\">x</p>\n", 10, "An attribute name is missing before “=”" },
    { "      <p \"a\">x</p>\n", 10, "An attribute name and “=” are missing before the value" },
    { "      <p id=\"a\"x=\"b\">x</p>\n", 16, "Attributes must be separated by a space" },
    { "      <p id=\"a\"\">x</p>\n", 16,
      "The start tag “<p>” is not closed correctly; check its attributes and the “>” or "
      "“/>” at its end" },
    { "      <p id=\"a\" <em>x</em></p>\n", 17, "The start tag “<p>” is not closed with “>”" },
    { "      <p id=a>x</p>\n", 13, "Attribute values must be written in quotes" },
    { "      <p id=„a“>x</p>\n", 13,
      "Attribute values must be written in straight quotes (\" or '), not in typographic "
      "ones" },
    { "      <p id\"a\">x</p>\n", 12, "An attribute needs “=” and a value in quotes" },
    { "      <p id=\"a>x</p>\n", 17, "Write “<” as “&lt;” in attribute values" },
    { "      <p>a < b</p>\n", 12,
      "Write “<” as “&lt;” in course text, or follow it with an element name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(AkCourse) course = load_variant (cases[i].line, "", &diagnostics);

      assert_refused (course, diagnostics, 12, cases[i].column, cases[i].message);
    }
}

/* A figure's path is a plain string: its spaces are its own. */
static void
test_syntax_string_attribute (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <figure src=\"img/a  b.png\" alt=\"Bild\"/>\n",
                                             "", &diagnostics);

  assert_refused (course, diagnostics, 12, 15, "The figure file “img/a  b.png” does not exist");
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  course = load_variant ("      <figure src=\"\" alt=\"Bild\"/>\n", "", &diagnostics);
  assert_refused (course, diagnostics, 12, 15, "The attribute “src” must not be empty");
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  course = load_variant ("      <figure src=\" \" alt=\"Bild\"/>\n", "", &diagnostics);
  assert_refused (course, diagnostics, 12, 15, "The attribute “src” must not be empty");
}

/* Old Mac files end lines with "\r" alone, Windows files with "\r\n". */
static void
test_syntax_line_ends (void)
{
  static const char * const line_ends[] = { "\r", "\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (line_ends); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GString) contents = g_string_new (NULL);
      g_autoptr(AkCourse) course = NULL;

      g_string_append (contents, course_head);
      g_string_append (contents, "      <p>Größe & Maß</p>\n"
                                 "      <p>Mehr <em>Betonung</p>\n");
      g_string_append (contents, course_middle);
      g_string_append (contents, course_tail);
      g_string_replace (contents, "\n", line_ends[i], 0);
      course = load_text (contents->str, -1, &diagnostics);

      g_assert_null (course);
      g_assert_cmpuint (diagnostics->len, ==, 2);
      assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 12, 16,
                         "Write “&” as “&amp;” in course text");
      assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 13, 27,
                         "The end tag “</p>” does not match the start tag “<em>” on line 13");
    }
}

static void
test_syntax_utf8_bom (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *contents = g_strconcat ("\xEF\xBB\xBF", course_head,
                                           "      <p>a & b</p>\n", course_middle, course_tail,
                                           NULL);
  g_autoptr(AkCourse) course = load_text (contents, -1, &diagnostics);
  g_autofree char *valid = g_strconcat ("\xEF\xBB\xBF", course_head, course_middle, course_tail,
                                        NULL);
  g_autoptr(AkCourse) loaded = NULL;

  /* A UTF-8 byte order mark is allowed and takes no column. */
  assert_refused (course, diagnostics, 12, 12, "Write “&” as “&amp;” in course text");
  g_ptr_array_unref (diagnostics);
  loaded = load_text (valid, -1, &diagnostics);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/syntax/tag-mismatch", test_syntax_tag_mismatch);
  g_test_add_func ("/loader/syntax/ampersand", test_syntax_ampersand);
  g_test_add_func ("/loader/syntax/columns-count-characters", test_syntax_columns_count_characters);
  g_test_add_func ("/loader/syntax/unclosed", test_syntax_unclosed);
  g_test_add_func ("/loader/syntax/several", test_syntax_several);
  g_test_add_func ("/loader/syntax/error-limit", test_syntax_error_limit);
  g_test_add_func ("/loader/syntax/ends-in-markup", test_syntax_ends_in_markup);
  g_test_add_func ("/loader/syntax/error-limit-reached", test_syntax_error_limit_reached);
  g_test_add_func ("/loader/syntax/reference-position", test_syntax_reference_position);
  g_test_add_func ("/loader/syntax/repeated-attribute", test_syntax_repeated_attribute);
  g_test_add_func ("/loader/syntax/unclosed-section", test_syntax_unclosed_section);
  g_test_add_func ("/loader/syntax/start-tag", test_syntax_start_tag);
  g_test_add_func ("/loader/syntax/string-attribute", test_syntax_string_attribute);
  g_test_add_func ("/loader/syntax/line-ends", test_syntax_line_ends);
  g_test_add_func ("/loader/syntax/utf8-bom", test_syntax_utf8_bom);

  return g_test_run ();
}
