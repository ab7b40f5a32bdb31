/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "loader-fixtures.h"

/* ---------------------------------------------------------------------- */
/* Semantic checks                                                        */

static void
test_semantic_duplicate_id (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <thesis id=\"these\">Noch einmal.</thesis>\n",
                                             "", &diagnostics);

  assert_refused (course, diagnostics, 12, 15, "The id “these” is already used (first on line 11)");
}

static void
test_semantic_duplicate_id_across_quizzes (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"frage\" tests=\"these\" answer=\"true\">\n"       /* 23 */
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  /* Questions are told apart course-wide: progress is keyed by their id. */
  assert_refused (course, diagnostics, 23, 17, "The id “frage” is already used (first on line 16)");
}

static void
test_semantic_same_id_different_kinds (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"abschnitt\" tests=\"these\" answer=\"true\">\n"
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  /* A question may share its id with a section. */
  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_semantic_duplicate_choice (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <matching id=\"paare\" tests=\"these\">\n"                       /* 23 */
    "      <prompt>P</prompt>\n"
    "      <pair id=\"x\"><left>A</left><right>1</right></pair>\n"
    "      <pair id=\"y\"><left>B</left><right>2</right></pair>\n"
    "      <distractor id=\"x\">3</distractor>\n"                         /* 27 */
    "      <explanation>E</explanation>\n"
    "    </matching>\n", &diagnostics);

  assert_refused (course, diagnostics, 27, 19, "The id “x” is already used (first on line 25)");
}

static void
test_semantic_unresolved_thesis (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"f2\" tests=\"these fehlt test:auch-nicht anderer:kurs\" "
    "answer=\"true\">\n"                                                  /* 23 */
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  /* "test" is this course; theses of other courses are the library's business. */
  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 23, 25,
                     "The question “f2” tests the thesis “fehlt”, which does not exist in this "
                     "course");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 23, 25,
                     "The question “f2” tests the thesis “test:auch-nicht”, which does not "
                     "exist in this course");
}

static void
test_semantic_unresolved_source (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("      <quote source=\"niemand\">Zitat.</quote>\n",
                                             "", &diagnostics);

  assert_refused (course, diagnostics, 12, 14,
                  "The source “niemand” is not declared in this course");
}

static void
test_semantic_unresolved_feedback (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                   /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\" correct=\"true\">A</choice>\n"
    "      <choice id=\"b\">B</choice>\n"
    "      <feedback choice=\"c\">Nein.</feedback>\n"                     /* 27 */
    "      <explanation>So.</explanation>\n"
    "    </single-choice>\n", &diagnostics);

  assert_refused (course, diagnostics, 27, 17,
                  "The feedback is for the choice “c”, which this question does not have");
}

static void
test_semantic_true_false_feedback (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"f2\" tests=\"these\" answer=\"true\">\n"         /* 23 */
    "      <prompt>P</prompt>\n"
    "      <feedback choice=\"ja\">Nein.</feedback>\n"                    /* 25 */
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  assert_refused (course, diagnostics, 25, 17,
                  "Feedback in a true-or-false question is for “true” or “false”, not “ja”");
}

static void
test_semantic_single_choice_none_correct (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                   /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\">A</choice>\n"
    "      <choice id=\"b\">B</choice>\n"
    "      <explanation>So.</explanation>\n"
    "    </single-choice>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 5,
                  "The single-choice question “wahl” has no correct choice; mark one with "
                  "correct=\"true\"");
}

static void
test_semantic_single_choice_two_correct (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                   /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\" correct=\"true\">A</choice>\n"
    "      <choice id=\"b\" correct=\"true\">B</choice>\n"                /* 26 */
    "      <explanation>So.</explanation>\n"
    "    </single-choice>\n", &diagnostics);

  /* Pointed at the second choice marked correct. */
  assert_refused (course, diagnostics, 26, 22,
                  "The single-choice question “wahl” has 2 correct choices; exactly one is "
                  "allowed");
}

static void
test_semantic_single_choice_one_choice (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                   /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\" correct=\"true\">A</choice>\n"
    "      <explanation>So.</explanation>\n"
    "    </single-choice>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 5, "The question “wahl” needs at least two choices");
}

static void
test_semantic_multiple_choice_none_correct (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <multiple-choice id=\"wahl\" tests=\"these\">\n"                 /* 23 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\">A</choice>\n"
    "      <choice id=\"b\" correct=\"false\">B</choice>\n"
    "      <explanation>So.</explanation>\n"
    "    </multiple-choice>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 5,
                  "The multiple-choice question “wahl” has no correct choice; mark at least one "
                  "with correct=\"true\"");
}

static void
test_semantic_ordering_one_item (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <ordering id=\"reihe\" tests=\"these\">\n"                       /* 23 */
    "      <prompt>P</prompt>\n"
    "      <item id=\"a\">A</item>\n"
    "      <explanation>E</explanation>\n"
    "    </ordering>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 5, "The question “reihe” needs at least two items");
}

static void
test_semantic_negative_tolerance (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <numeric id=\"zahl\" tests=\"these\" value=\"3\" tolerance=\"-0.5\">\n"  /* 23 */
    "      <prompt>Wie viel?</prompt>\n"
    "      <explanation>Drei.</explanation>\n"
    "    </numeric>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 48,
                  "The tolerance “-0.5” of the question “zahl” is negative");
}

static void
test_semantic_pass_mark (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"150\"",
    "    <true-false id=\"f2\" tests=\"these\" answer=\"true\">\n"
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  assert_refused (course, diagnostics, 21, 20,
                  "The pass mark 150 of the quiz “quiz2” is not between 0 and 100");
}

static void
test_semantic_empty_accept (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <short-answer id=\"kurz\" tests=\"these\">\n"
    "      <prompt>P</prompt>\n"
    "      <accept>   </accept>\n"                                        /* 25 */
    "      <explanation>E</explanation>\n"
    "    </short-answer>\n", &diagnostics);

  /* Only white space would accept an empty answer. */
  assert_refused (course, diagnostics, 25, 7, "An accepted answer must not be empty");
}

static void
test_semantic_blank_text (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autofree char *image = write_file ("bild.png", "PNG", -1);

  course = load_variant ("      <figure src=\"bild.png\" alt=\"  \"/>\n", "", &diagnostics);
  assert_refused (course, diagnostics, 12, 30, "The attribute “alt” must not be empty");
  g_ptr_array_unref (diagnostics);

  g_clear_object (&course);
  course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"f2\" tests=\"these\" answer=\"true\">\n"
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);
  g_assert_nonnull (course);
  g_ptr_array_unref (diagnostics);
  g_clear_object (&course);

  /* The schema takes white space for a title; on screen it is none. */
  course = load_variant ("", "  <quiz id=\"quiz2\" pass-mark=\"50\">\n"
                             "    <title>  \n    </title>\n"                /* 22 */
                             "    <true-false id=\"f2\" tests=\"these\" answer=\"true\">\n"
                             "      <prompt>P</prompt>\n"
                             "      <explanation>E</explanation>\n"
                             "    </true-false>\n"
                             "  </quiz>\n", &diagnostics);
  assert_refused (course, diagnostics, 22, 5, "The element “title” must not be empty");
}

/* Text a learner reads is checked wherever it stands, and white space of
 * any kind (a no-break space too) is no text. */
static void
test_semantic_blank_learner_text (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                   /* 23 */
    "      <prompt>&#160;</prompt>\n"                                     /* 24 */
    "      <choice id=\"a\" correct=\"true\">A</choice>\n"
    "      <choice id=\"b\"/>\n"                                          /* 26 */
    "      <feedback choice=\"a\">\u3000</feedback>\n"                   /* 27 */
    "      <explanation><em> </em></explanation>\n"                      /* 28 */
    "    </single-choice>\n", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 4);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 24, 7,
                     "The element “prompt” must not be empty");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_ERROR, 26, 7,
                     "The element “choice” must not be empty");
  assert_diagnostic (diagnostics, 2, AK_SEVERITY_ERROR, 27, 7,
                     "The element “feedback” must not be empty");
  assert_diagnostic (diagnostics, 3, AK_SEVERITY_ERROR, 28, 7,
                     "The element “explanation” must not be empty");
}

/* An answer of no-break spaces can never be typed; one that differs from
 * another only in case and spaces is accepted anyway. */
static void
test_semantic_accepted_answers (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <short-answer id=\"kurz\" tests=\"these\">\n"                    /* 23 */
    "      <prompt>P</prompt>\n"
    "      <accept>Haus</accept>\n"                                       /* 25 */
    "      <accept>&#160;&#x3000;</accept>\n"                              /* 26 */
    "      <accept>  haus </accept>\n"                                    /* 27 */
    "      <explanation>E</explanation>\n"
    "    </short-answer>\n", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 26, 7,
                     "An accepted answer must not be empty");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_WARNING, 27, 7,
                     "The answer “haus” is accepted already on line 25; case and spaces do "
                     "not count");
}

static void
test_semantic_thesis_twice (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"f2\" tests=\"these  these\" answer=\"true\">\n" /* 23 */
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  /* Only a warning: the question still tests the thesis. */
  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_WARNING, 23, 25,
                     "The question “f2” names the thesis “these” twice");
}

/* alt="" and alt=" " are the same mistake and read the same. */
static void
test_semantic_empty_alt (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = NULL;
  g_autofree char *image = write_file ("bild.png", "PNG", -1);

  course = load_variant ("      <figure src=\"bild.png\" alt=\"\"/>\n", "", &diagnostics);
  assert_refused (course, diagnostics, 12, 30, "The attribute “alt” must not be empty");
}

static void
test_semantic_too_large_number (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_question ("pass-mark=\"50\"",
    "    <true-false id=\"f2\" tests=\"these\" answer=\"true\" points=\"99999999999\">\n"
    "      <prompt>P</prompt>\n"
    "      <explanation>E</explanation>\n"
    "    </true-false>\n", &diagnostics);

  assert_refused (course, diagnostics, 23, 53, "The number “99999999999” is too large");
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
test_semantic_figure_absolute (void)
{
  check_figure ("/etc/passwd",
                "The figure “/etc/passwd” must be given relative to the course file, not as an "
                "absolute path");
}

static void
test_semantic_figure_parent (void)
{
  g_autofree char *outside = g_build_filename (g_get_user_cache_dir (), "bild.png", NULL);

  /* Refused although the file is there. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside, "PNG", -1, NULL));
  check_figure ("bilder/../../bild.png",
                "The figure “bilder/../../bild.png” must not leave the course folder with “..”");
}

static void
test_semantic_figure_url (void)
{
  check_figure ("https://example.org/bild.png",
                "The figure “https://example.org/bild.png” must be a file in the course folder, "
                "not an address");
  check_figure ("file:///etc/hostname",
                "The figure “file:///etc/hostname” must be a file in the course folder, not an "
                "address");
}

static void
test_semantic_figure_missing (void)
{
  check_figure ("bilder/fehlt.png", "The figure file “bilder/fehlt.png” does not exist");
}

static void
test_semantic_figure_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "courses", "bilder", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  check_figure ("bilder", "The figure “bilder” is a folder, not an image file");
}

static void
test_semantic_figure_link_outside (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "courses", NULL);
  g_autofree char *link = g_build_filename (folder, "link.png", NULL);
  g_autofree char *outside = g_build_filename (g_get_user_cache_dir (), "geheim.png", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside, "PNG", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  check_figure ("link.png", "The figure “link.png” lies outside the course folder");
}

static void
test_semantic_figure_found (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *image = write_file ("bild.png", "PNG", -1);
  g_autoptr(AkCourse) course = load_variant ("      <figure src=\"bild.png\" alt=\"Bild\"/>\n", "",
                                             &diagnostics);
  AkBlock *block;

  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  block = block_at (course, 0, 0, 1);
  g_assert_cmpstr (block->figure_path, ==, image);
}

static void
test_semantic_no_content (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_text (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<course xmlns=\"" NS "\" id=\"leer\" version=\"1\" xml:lang=\"de\" minutes=\"1\">\n"
    "  <title>Leer</title>\n"
    "  <summary>Nichts.</summary>\n"
    "  <source id=\"quelle\"><title>Quelle</title></source>\n"
    "</course>\n", -1, &diagnostics);

  assert_refused (course, diagnostics, 2, 1, "The course has neither a lesson nor a quiz");
}

static void
test_semantic_untested_thesis (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) theses = NULL;
  g_autoptr(AkCourse) course = NULL;

  course = load_variant ("      <thesis id=\"ungeprueft\">Niemand fragt.</thesis>\n", "",
                         &diagnostics);

  /* Only a warning: the course loads. */
  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_WARNING, 12, 7,
                     "No question tests the thesis “ungeprueft”");
  theses = ak_course_list_theses (course);
  g_assert_cmpuint (theses->len, ==, 2);
}

/* Every semantic problem of a file is reported, in file order. */
static void
test_semantic_all_reported (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant (
    "      <quote source=\"niemand\">Zitat.</quote>\n"                    /* 12 */
    "      <thesis id=\"offen\">Ungeprüft.</thesis>\n",                   /* 13 */
    "  <quiz id=\"quiz\" pass-mark=\"101\">\n"                            /* 23 */
    "    <title>Zwei</title>\n"
    "    <single-choice id=\"wahl\" tests=\"these\">\n"                   /* 25 */
    "      <prompt>Was?</prompt>\n"
    "      <choice id=\"a\">A</choice>\n"
    "      <choice id=\"b\">B</choice>\n"
    "      <explanation>So.</explanation>\n"
    "    </single-choice>\n"
    "  </quiz>\n", &diagnostics);

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 5);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, 12, 14,
                     "The source “niemand” is not declared in this course");
  assert_diagnostic (diagnostics, 1, AK_SEVERITY_WARNING, 13, 7,
                     "No question tests the thesis “offen”");
  assert_diagnostic (diagnostics, 2, AK_SEVERITY_ERROR, 23, 9,
                     "The id “quiz” is already used (first on line 16)");
  assert_diagnostic (diagnostics, 3, AK_SEVERITY_ERROR, 23, 19,
                     "The pass mark 101 of the quiz “quiz” is not between 0 and 100");
  assert_diagnostic (diagnostics, 4, AK_SEVERITY_ERROR, 25, 5,
                     "The single-choice question “wahl” has no correct choice; mark one with "
                     "correct=\"true\"");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/semantic/duplicate-id", test_semantic_duplicate_id);
  g_test_add_func ("/loader/semantic/duplicate-id-across-quizzes",
                   test_semantic_duplicate_id_across_quizzes);
  g_test_add_func ("/loader/semantic/same-id-different-kinds",
                   test_semantic_same_id_different_kinds);
  g_test_add_func ("/loader/semantic/duplicate-choice", test_semantic_duplicate_choice);
  g_test_add_func ("/loader/semantic/unresolved-thesis", test_semantic_unresolved_thesis);
  g_test_add_func ("/loader/semantic/unresolved-source", test_semantic_unresolved_source);
  g_test_add_func ("/loader/semantic/unresolved-feedback", test_semantic_unresolved_feedback);
  g_test_add_func ("/loader/semantic/true-false-feedback", test_semantic_true_false_feedback);
  g_test_add_func ("/loader/semantic/single-choice-none-correct",
                   test_semantic_single_choice_none_correct);
  g_test_add_func ("/loader/semantic/single-choice-two-correct",
                   test_semantic_single_choice_two_correct);
  g_test_add_func ("/loader/semantic/single-choice-one-choice",
                   test_semantic_single_choice_one_choice);
  g_test_add_func ("/loader/semantic/multiple-choice-none-correct",
                   test_semantic_multiple_choice_none_correct);
  g_test_add_func ("/loader/semantic/ordering-one-item", test_semantic_ordering_one_item);
  g_test_add_func ("/loader/semantic/negative-tolerance", test_semantic_negative_tolerance);
  g_test_add_func ("/loader/semantic/pass-mark", test_semantic_pass_mark);
  g_test_add_func ("/loader/semantic/empty-accept", test_semantic_empty_accept);
  g_test_add_func ("/loader/semantic/blank-text", test_semantic_blank_text);
  g_test_add_func ("/loader/semantic/blank-learner-text", test_semantic_blank_learner_text);
  g_test_add_func ("/loader/semantic/accepted-answers", test_semantic_accepted_answers);
  g_test_add_func ("/loader/semantic/thesis-twice", test_semantic_thesis_twice);
  g_test_add_func ("/loader/semantic/empty-alt", test_semantic_empty_alt);
  g_test_add_func ("/loader/semantic/too-large-number", test_semantic_too_large_number);
  g_test_add_func ("/loader/semantic/figure-absolute", test_semantic_figure_absolute);
  g_test_add_func ("/loader/semantic/figure-parent", test_semantic_figure_parent);
  g_test_add_func ("/loader/semantic/figure-url", test_semantic_figure_url);
  g_test_add_func ("/loader/semantic/figure-missing", test_semantic_figure_missing);
  g_test_add_func ("/loader/semantic/figure-folder", test_semantic_figure_folder);
  g_test_add_func ("/loader/semantic/figure-link-outside", test_semantic_figure_link_outside);
  g_test_add_func ("/loader/semantic/figure-found", test_semantic_figure_found);
  g_test_add_func ("/loader/semantic/no-content", test_semantic_no_content);
  g_test_add_func ("/loader/semantic/untested-thesis", test_semantic_untested_thesis);
  g_test_add_func ("/loader/semantic/all-reported", test_semantic_all_reported);

  return g_test_run ();
}
