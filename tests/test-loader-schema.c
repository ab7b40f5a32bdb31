/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "loader-fixtures.h"

/* ---------------------------------------------------------------------- */
/* Schema                                                                 */

static void
test_schema_unknown_element (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <absatz>Text</absatz>\n", "", &diagnostics);

  assert_refused (course, diagnostics, 12, 7, "Unknown element “absatz” in “section”");
}

static void
test_schema_missing_element (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                     /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\" correct=\"true\">A</choice>\n"
    "      <choice id=\"b\">B</choice>\n"
    "    </single-choice>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 5,
                  "The element “single-choice” needs an element “explanation”");
}

static void
test_schema_missing_first_element (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GString) contents = g_string_new (course_head);
  g_autoptr(AkCourse) course = NULL;

  /* The lesson on line 7 lacks its title; its section follows on line 8. */
  g_string_replace (contents, "    <title>Lektion</title>\n", "", 1);
  g_string_append (contents, course_middle);
  g_string_append (contents, course_tail);
  course = load_text (contents->str, -1, &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 7, 3,
                     "The element “lesson” needs an element “title”");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 8, 5,
                     "The element “section” is not allowed at this place in “lesson”");
}

static void
test_schema_misplaced_element (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("",
    "  <lesson id=\"zwei\">\n"                                            /* 21 */
    "    <section id=\"s2\">\n"
    "      <title>S</title>\n"
    "      <p>Text</p>\n"
    "    </section>\n"
    "  </lesson>\n", &diagnostics);

  /* Lessons come before quizzes; this one also lacks its title. */
  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 21, 3,
                     "The element “lesson” is not allowed at this place in “course”");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 21, 3,
                     "The element “lesson” needs an element “title”");
}

static void
test_schema_bad_attribute_value (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"viel\"",
    "    <true-false id=\"f2\" tests=\"these\" answer=\"ja\">\n"           /* 23 */
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 21, 20,
                     "The value “viel” of the attribute “pass-mark” is not valid; expected a "
                     "whole number");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 23, 39,
                     "The value “ja” of the attribute “answer” is not valid; expected “true” or "
                     "“false”");
}

static void
test_schema_compact (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"f2\" tests=\"these\" answer=\"ja\"><prompt>P</prompt>"
    "<explanation>E</explanation></true-false>\n", &diagnostics);

  /* Without white space after the start tag, libxml2 blames the prompt. */
  assert_refused (course, diagnostics, 23, 39,
                  "The value “ja” of the attribute “answer” is not valid; expected “true” or "
                  "“false”");
}

static void
test_schema_bad_id (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <thesis id=\"These 2\">Text.</thesis>\n", "",
                                             &diagnostics);

  assert_refused (course, diagnostics, 12, 15,
                  "The value “These 2” of the attribute “id” is not valid; expected an id of "
                  "letters, digits, “-” and “_” that starts with a letter");
}

static void
test_schema_attributes (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <quote page=\"3\" farbe=\"rot\">Z.</quote>\n",
                                             "", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 12, 7,
                     "The element “quote” needs the attribute “source”");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 12, 23,
                     "The element “quote” has no attribute “farbe”");
}

static void
test_schema_content (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("",
    "  <quiz id=\"quiz2\" pass-mark=\"50\">\n"                            /* 21 */
    "    <title></title>\n"                                               /* 22 */
    "    <short-answer id=\"kurz\" tests=\"these\">\n"                    /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <accept>Das</accept>\n"
    "      <explanation>So <b>fett</b>.</explanation>\n"                  /* 26 */
    "    </short-answer>\n"
    "  </quiz>\n", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 22, 5,
                     "The element “title” must not be empty");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 26, 23,
                     "Unknown element “b” in “explanation”");
}

static void
test_schema_namespace (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GString) contents = g_string_new (course_head);
  g_autoptr(AkCourse) course = NULL;

  g_string_replace (contents, NS, "https://example.org/kurs", 1);
  g_string_append (contents, course_middle);
  g_string_append (contents, course_tail);
  course = load_text (contents->str, -1, &diagnostics);

  assert_refused (course, diagnostics, 2, 1,
                  "The element “course” must be in the namespace “" NS "”");
}

/* Every schema problem of a file is reported, each once. */
static void
test_schema_all_reported (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant (
    "      <para>Falsch</para>\n"                                         /* 12 */
    "      <list style=\"punkte\"><item>A</item></list>\n",               /* 13 */
    "  <quiz id=\"quiz2\" pass-mark=\"50\">\n"                            /* 23 */
    "    <title>Zwei</title>\n"
    "    <true-false id=\"f2\" tests=\"these\" answer=\"true\">\n"        /* 25 */
    "      <prompt>P</prompt>\n"
    "    </true-false>\n"
    "    <numeric id=\"n\" tests=\"these\" value=\"drei\">\n"             /* 28 */
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </numeric>\n"
    "  </quiz>\n", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 4);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 12, 7,
                     "Unknown element “para” in “section”");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 13, 13,
                     "The value “punkte” of the attribute “style” is not valid; expected "
                     "“bullets” or “numbers”");
  assert_diagnostic (diagnostics, 2, AK_SEVERITY_ERROR, 25, 5,
                     "The element “true-false” needs an element “explanation”");
  assert_diagnostic (diagnostics, 3, AK_SEVERITY_ERROR, 28, 35,
                     "The value “drei” of the attribute “value” is not valid; expected a number "
                     "such as 2 or 1.5 (with a decimal point)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/schema/unknown-element", test_schema_unknown_element);
  g_test_add_func ("/loader/schema/missing-element", test_schema_missing_element);
  g_test_add_func ("/loader/schema/missing-first-element", test_schema_missing_first_element);
  g_test_add_func ("/loader/schema/misplaced-element", test_schema_misplaced_element);
  g_test_add_func ("/loader/schema/bad-attribute-value", test_schema_bad_attribute_value);
  g_test_add_func ("/loader/schema/compact", test_schema_compact);
  g_test_add_func ("/loader/schema/bad-id", test_schema_bad_id);
  g_test_add_func ("/loader/schema/attributes", test_schema_attributes);
  g_test_add_func ("/loader/schema/content", test_schema_content);
  g_test_add_func ("/loader/schema/namespace", test_schema_namespace);
  g_test_add_func ("/loader/schema/all-reported", test_schema_all_reported);

  return g_test_run ();
}
