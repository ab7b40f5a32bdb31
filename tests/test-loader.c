/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "loader-fixtures.h"

static void
test_template_loads (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_variant ("", "", &diagnostics);

  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (ak_course_get_id (course), ==, "test");
}

/* ---------------------------------------------------------------------- */
/* A complete course: every element, attribute and question type          */

static void
assert_choice (GPtrArray  *choices,
               guint       index,
               const char *id,
               const char *markup,
               gboolean    correct,
               const char *feedback)
{
  AkChoice *choice = g_ptr_array_index (choices, index);

  g_assert_cmpstr (choice->id, ==, id);
  g_assert_cmpstr (choice->markup, ==, markup);
  g_assert_cmpint (choice->correct, ==, correct);
  g_assert_cmpstr (choice->feedback, ==, feedback);
}

static void
assert_hash (const char *hash)
{
  g_assert_nonnull (hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  for (const char *p = hash; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p));
}

static void
check_complete_course_head (AkCourse   *course,
                            const char *path)
{
  GPtrArray *sources = ak_course_get_sources (course);
  AkSource *source;
  const char *book_authors[] = { "Erika Muster", "Max Muster", NULL };

  g_assert_cmpstr (ak_course_get_id (course), ==, "complete");
  g_assert_cmpstr (ak_course_get_version (course), ==, "2.1");
  g_assert_cmpstr (ak_course_get_language (course), ==, "de");
  g_assert_cmpuint (ak_course_get_minutes (course), ==, 45);
  g_assert_cmpstr (ak_course_get_path (course), ==, path);
  g_assert_cmpstr (ak_course_get_title (course), ==, "Ein vollständiger Kurs");
  g_assert_cmpstr (ak_course_get_summary (course), ==,
                   "Alles <i>über</i> <b>Tests &amp; Kurse</b>.");
  g_assert_cmpstr (ak_course_get_summary_text (course), ==, "Alles über Tests & Kurse.");

  g_assert_cmpuint (sources->len, ==, 2);
  source = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (source->id, ==, "buch");
  g_assert_cmpstrv (source->authors, book_authors);
  g_assert_cmpstr (source->title, ==, "Das Buch");
  g_assert_cmpstr (source->publication, ==, "Verlag");
  g_assert_cmpint (source->year, ==, 2021);
  g_assert_cmpstr (source->url, ==, "https://example.org/buch");
  source = g_ptr_array_index (sources, 1);
  g_assert_cmpstr (source->id, ==, "blog");
  g_assert_nonnull (source->authors);
  g_assert_null (source->authors[0]);
  g_assert_cmpstr (source->title, ==, "Ein Blog");
  g_assert_null (source->publication);
  g_assert_cmpint (source->year, ==, 0);
  g_assert_null (source->url);
}

static void
check_complete_lesson (AkCourse *course)
{
  GPtrArray *lessons = ak_course_get_lessons (course);
  AkLesson *lesson = g_ptr_array_index (lessons, 0);
  AkSection *section;
  AkBlock *block;
  const char *bullets[] = { "Punkt <i>a</i>", "Punkt b", NULL };
  const char *numbers[] = { "Erstens", "Zweitens", NULL };
  g_autofree char *figure = g_test_build_filename (G_TEST_DIST, "data", "loader", "complete",
                                                   "figure.png", NULL);
  g_autofree char *figure_path = g_canonicalize_filename (figure, NULL);

  g_assert_cmpuint (lessons->len, ==, 1);
  g_assert_cmpstr (lesson->id, ==, "lektion");
  g_assert_cmpstr (lesson->title, ==, "Lektion eins");
  g_assert_cmpuint (lesson->sections->len, ==, 2);
  section = g_ptr_array_index (lesson->sections, 0);
  g_assert_cmpstr (section->id, ==, "abschnitt");
  g_assert_cmpstr (section->title, ==, "Abschnitt eins");
  g_assert_cmpuint (section->blocks->len, ==, 10);

  block = block_at (course, 0, 0, 0);
  g_assert_cmpint (block->type, ==, AK_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->markup, ==,
                   "Ein <i>kursiver</i> und <b>fetter</b> Absatz &lt;mit&gt; Zeichen.");
  g_assert_cmpstr (block->text, ==, "Ein kursiver und fetter Absatz <mit> Zeichen.");
  g_assert_null (block->id);

  /* CDATA is text, a comment is nothing. */
  block = block_at (course, 0, 0, 1);
  g_assert_cmpstr (block->markup, ==, "Mit &lt;roh&gt; und <i><b>beidem</b></i>.");
  g_assert_cmpstr (block->text, ==, "Mit <roh> und beidem.");

  block = block_at (course, 0, 0, 2);
  g_assert_cmpint (block->type, ==, AK_BLOCK_LIST);
  g_assert_false (block->numbered);
  g_assert_cmpstrv (block->items, bullets);
  g_assert_cmpstr (block->text, ==, "Punkt a\nPunkt b");
  block = block_at (course, 0, 0, 3);
  g_assert_true (block->numbered);
  g_assert_cmpstrv (block->items, numbers);

  block = block_at (course, 0, 0, 4);
  g_assert_cmpint (block->type, ==, AK_BLOCK_THESIS);
  g_assert_cmpstr (block->id, ==, "these-a");
  g_assert_cmpstr (block->source_id, ==, "buch");
  g_assert_cmpstr (block->markup, ==, "These <i>A</i>.");
  g_assert_cmpstr (block->text, ==, "These A.");
  block = block_at (course, 0, 0, 5);
  g_assert_cmpstr (block->id, ==, "these-b");
  g_assert_null (block->source_id);

  block = block_at (course, 0, 0, 6);
  g_assert_cmpint (block->type, ==, AK_BLOCK_QUOTE);
  g_assert_cmpstr (block->source_id, ==, "blog");
  g_assert_cmpstr (block->page, ==, "7");
  g_assert_cmpstr (block->markup, ==, "Ein Zitat.");
  block = block_at (course, 0, 0, 7);
  g_assert_cmpstr (block->source_id, ==, "buch");
  g_assert_null (block->page);

  block = block_at (course, 0, 0, 8);
  g_assert_cmpint (block->type, ==, AK_BLOCK_FIGURE);
  g_assert_cmpstr (block->figure_path, ==, figure_path);
  g_assert_true (g_path_is_absolute (block->figure_path));
  g_assert_cmpstr (block->alt, ==, "Ein Bild");
  g_assert_cmpstr (block->markup, ==, "Die <i>Bildunterschrift</i>.");
  g_assert_cmpstr (block->text, ==, "Die Bildunterschrift.");
  block = block_at (course, 0, 0, 9);
  g_assert_cmpstr (block->figure_path, ==, figure_path);
  g_assert_cmpstr (block->alt, ==, "Ohne Unterschrift");
  g_assert_null (block->markup);

  /* The schema ignores white space around ids; so does the model. */
  section = g_ptr_array_index (lesson->sections, 1);
  g_assert_cmpstr (section->id, ==, "zweiter");
  g_assert_cmpuint (section->blocks->len, ==, 1);
}

static void
check_complete_choices (AkCourse *course)
{
  AkQuiz *quiz = g_ptr_array_index (ak_course_get_quizzes (course), 0);
  AkQuestion *question;
  const char *tests_a[] = { "these-a", NULL };
  const char *tests_ab[] = { "these-a", "these-b", NULL };

  g_assert_cmpstr (quiz->id, ==, "quiz");
  g_assert_cmpstr (quiz->title, ==, "Das Quiz");
  g_assert_cmpstr (quiz->description, ==, "Eine <b>Beschreibung</b>.");
  g_assert_cmpuint (quiz->pass_mark, ==, 75);
  g_assert_true (quiz->shuffle);
  g_assert_cmpuint (quiz->questions->len, ==, 8);
  assert_hash (quiz->hash);

  question = question_at (course, 0, 0);
  g_assert_cmpint (question->type, ==, AK_QUESTION_SINGLE_CHOICE);
  g_assert_cmpstr (question->id, ==, "einfach");
  g_assert_cmpstrv (question->tests, tests_a);
  g_assert_cmpuint (question->points, ==, 1);
  g_assert_cmpstr (question->prompt, ==, "Welche <i>eine</i>?");
  g_assert_cmpstr (question->prompt_text, ==, "Welche eine?");
  g_assert_cmpstr (question->explanation, ==, "Weil.");
  g_assert_cmpuint (question->choices->len, ==, 2);
  assert_choice (question->choices, 0, "ja", "Ja", TRUE, NULL);
  assert_choice (question->choices, 1, "nein", "Nein", FALSE, "Leider <i>nicht</i>.");
  assert_hash (question->hash);

  question = question_at (course, 0, 1);
  g_assert_cmpint (question->type, ==, AK_QUESTION_MULTIPLE_CHOICE);
  g_assert_cmpstrv (question->tests, tests_ab);
  g_assert_cmpuint (question->points, ==, 3);
  g_assert_cmpuint (question->choices->len, ==, 3);
  assert_choice (question->choices, 0, "a", "A", TRUE, NULL);
  assert_choice (question->choices, 1, "b", "B", TRUE, NULL);
  assert_choice (question->choices, 2, "c", "C", FALSE, "Nicht C.");
  g_assert_cmpstr (((AkChoice *)g_ptr_array_index (question->choices, 2))->text, ==, "C");

  question = question_at (course, 0, 2);
  g_assert_cmpint (question->type, ==, AK_QUESTION_TRUE_FALSE);
  g_assert_false (question->answer);
  g_assert_cmpstr (question->feedback_true, ==, "Falsch gedacht.");
  g_assert_cmpstr (question->feedback_false, ==, "Richtig.");
  g_assert_cmpuint (question->choices->len, ==, 0);
}

static void
assert_gap (AkGap       *gap,
            const char  *id,
            const char **accepted,
            gboolean     umlaut_spellings)
{
  g_assert_cmpstr (gap->id, ==, id);
  g_assert_cmpstrv (gap->accepted, accepted);
  g_assert_cmpint (gap->umlaut_spellings, ==, umlaut_spellings);
}

static void
check_complete_gap_text (AkCourse *course)
{
  AkQuestion *question = question_at (course, 0, 3);
  const char *tests[] = { "complete:these-c", NULL };
  const char *bear[] = { "Bär", "Baer", NULL };
  const char *mouse[] = { "Maus", NULL };
  const char *texts[] = { "Der ", NULL, " ist <i>groß</i>, die ", NULL, "." };

  g_assert_cmpint (question->type, ==, AK_QUESTION_GAP_TEXT);
  g_assert_cmpstrv (question->tests, tests);
  g_assert_cmpstr (question->prompt, ==, "Füllen Sie die Lücken.");
  g_assert_cmpuint (question->gaps->len, ==, 2);
  assert_gap (g_ptr_array_index (question->gaps, 0), "g1", bear, TRUE);
  assert_gap (g_ptr_array_index (question->gaps, 1), "g2", mouse, FALSE);

  /* Text and gaps in reading order; the spaces around a gap stay. */
  g_assert_cmpuint (question->segments->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      AkSegment *segment = g_ptr_array_index (question->segments, i);

      g_assert_cmpstr (segment->markup, ==, texts[i]);
      if (texts[i] == NULL)
        g_assert_true (segment->gap == g_ptr_array_index (question->gaps, i / 2));
      else
        g_assert_null (segment->gap);
    }
}

static void
check_complete_other_types (AkCourse *course)
{
  AkQuestion *question;
  AkPair *pair;
  const char *accepted[] = { "Straße", "Gasse", NULL };
  const char *tests[] = { "these-c", "anderer-kurs:fremd", NULL };

  question = question_at (course, 0, 4);
  g_assert_cmpint (question->type, ==, AK_QUESTION_ORDERING);
  g_assert_cmpuint (question->items->len, ==, 3);
  assert_choice (question->items, 0, "eins", "Eins", FALSE, NULL);
  assert_choice (question->items, 1, "zwei", "Zwei", FALSE, NULL);
  assert_choice (question->items, 2, "drei", "Drei", FALSE, NULL);

  question = question_at (course, 0, 5);
  g_assert_cmpint (question->type, ==, AK_QUESTION_MATCHING);
  g_assert_cmpuint (question->pairs->len, ==, 2);
  pair = g_ptr_array_index (question->pairs, 0);
  g_assert_cmpstr (pair->id, ==, "p1");
  g_assert_cmpstr (pair->left_markup, ==, "Links 1");
  g_assert_cmpstr (pair->right_markup, ==, "Rechts <i>1</i>");
  pair = g_ptr_array_index (question->pairs, 1);
  g_assert_cmpstr (pair->id, ==, "p2");
  g_assert_cmpuint (question->distractors->len, ==, 1);
  assert_choice (question->distractors, 0, "d1", "Ablenkung", FALSE, NULL);

  question = question_at (course, 0, 6);
  g_assert_cmpint (question->type, ==, AK_QUESTION_SHORT_ANSWER);
  g_assert_cmpstrv (question->accepted, accepted);
  g_assert_true (question->umlaut_spellings);

  question = question_at (course, 0, 7);
  g_assert_cmpint (question->type, ==, AK_QUESTION_NUMERIC);
  g_assert_cmpstrv (question->tests, tests);
  g_assert_cmpfloat (question->value, ==, 3.5);
  g_assert_cmpfloat (question->tolerance, ==, 0.25);
  g_assert_cmpstr (question->unit, ==, "%");

  question = question_at (course, 1, 0);
  g_assert_cmpfloat (question->value, ==, -2);
  g_assert_cmpfloat (question->tolerance, ==, 0);
  g_assert_null (question->unit);
  g_assert_cmpuint (((AkQuiz *)g_ptr_array_index (ak_course_get_quizzes (course), 1))->pass_mark,
                    ==, 0);
  g_assert_false (((AkQuiz *)g_ptr_array_index (ak_course_get_quizzes (course), 1))->shuffle);
}

static void
test_complete (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "loader", "complete.xml",
                                                 NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = ak_course_loader_load_file (path, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (course);
  g_assert_cmpuint (ak_course_get_quizzes (course)->len, ==, 2);

  check_complete_course_head (course, path);
  check_complete_lesson (course);
  check_complete_choices (course);
  check_complete_gap_text (course);
  check_complete_other_types (course);
}

/* The elements a file holds, counted in its text with comments removed:
 * what the loader must find, independent of it. */
static guint
count_start_tags (const char *text,
                  const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("<%s[\\s>/]", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  return n;
}

static void
test_example_course (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                            "beispielkurs.kurs.xml", NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = ak_course_loader_load_file (path, diagnostics);
  g_autoptr(GRegex) comments = g_regex_new ("<!--.*?-->", G_REGEX_DOTALL, 0, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) theses = NULL;
  guint n_per_type[AK_N_QUESTION_TYPES] = { 0, };
  guint n_sections = 0;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (course);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_regex_replace_literal (comments, contents, -1, 0, "", 0, NULL);
  g_assert_cmpuint (ak_course_get_sources (course)->len, ==, count_start_tags (text, "source"));
  g_assert_cmpuint (ak_course_get_lessons (course)->len, ==, count_start_tags (text, "lesson"));
  g_assert_cmpuint (ak_course_get_quizzes (course)->len, ==, count_start_tags (text, "quiz"));
  theses = ak_course_list_theses (course);
  g_assert_cmpuint (theses->len, ==, count_start_tags (text, "thesis"));

  for (guint i = 0; i < ak_course_get_lessons (course)->len; i++)
    n_sections += ((AkLesson *)g_ptr_array_index (ak_course_get_lessons (course), i))
                    ->sections->len;
  g_assert_cmpuint (n_sections, ==, count_start_tags (text, "section"));

  for (guint i = 0; i < ak_course_get_quizzes (course)->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (ak_course_get_quizzes (course), i);

      for (guint j = 0; j < quiz->questions->len; j++)
        n_per_type[((AkQuestion *)g_ptr_array_index (quiz->questions, j))->type]++;
    }
  /* The example shows every question type. */
  for (guint type = 0; type < AK_N_QUESTION_TYPES; type++)
    {
      g_assert_cmpuint (n_per_type[type], >, 0);
      g_assert_cmpuint (n_per_type[type], ==,
                        count_start_tags (text, ak_question_type_to_string (type)));
    }
}

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "fehlt.xml", NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = ak_course_loader_load_file (path, diagnostics);
  AkDiagnostic *diagnostic;

  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  diagnostic = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpstr (diagnostic->file, ==, path);
  g_assert_cmpuint (diagnostic->line, ==, 0);
  g_assert_cmpint (diagnostic->severity, ==, AK_SEVERITY_ERROR);
  g_assert_cmpstr (diagnostic->message, ==, "The file does not exist");
}

static void
test_not_a_file (void)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  course = ak_course_loader_load_file (g_get_user_cache_dir (), diagnostics);
  assert_refused (course, diagnostics, 0, 0, "This is a folder, not a course file");
}

static void
test_empty_file (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(AkCourse) course = load_text ("", 0, &diagnostics);

  assert_refused (course, diagnostics, 1, 1, "The file is empty");
}

static void
test_load_data (void)
{
  g_autofree char *contents = g_strconcat (course_head, "      <p>a &amp; b</p>\n",
                                           course_middle, course_tail, NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;

  /* Diagnostics already in the list are kept and do not count. */
  ak_diagnostic_list_add (diagnostics, "andere.xml", 1, 1, AK_SEVERITY_ERROR, "%s", "alt");
  course = ak_course_loader_load_data (contents, strlen (contents), "kurse/test.xml",
                                       diagnostics);
  g_assert_nonnull (course);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (ak_course_get_path (course), ==, "kurse/test.xml");
  g_assert_cmpstr (block_at (course, 0, 0, 1)->markup, ==, "a &amp; b");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/loader/template", test_template_loads);
  g_test_add_func ("/loader/complete", test_complete);
  g_test_add_func ("/loader/example-course", test_example_course);
  g_test_add_func ("/loader/load-data", test_load_data);
  g_test_add_func ("/loader/file/missing", test_missing_file);
  g_test_add_func ("/loader/file/not-a-file", test_not_a_file);
  g_test_add_func ("/loader/file/empty", test_empty_file);

  return g_test_run ();
}
