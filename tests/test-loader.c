/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ak-course-loader.h"

#define NS "https://smakademie.github.io/akademie/course/1"

/*
 * Most tests load a small valid course with something added to it. The
 * line numbers in the comments are the ones a trainer's editor shows;
 * what is added to the lesson starts on line 12, what is added after the
 * first quiz on line 21.
 */
static const char course_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         /* 1 */
  "<course xmlns=\"" NS "\"\n"                                             /* 2 */
  "        id=\"test\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"     /* 3 */
  "  <title>Test</title>\n"                                               /* 4 */
  "  <summary>Test.</summary>\n"                                          /* 5 */
  "  <source id=\"quelle\"><title>Quelle</title></source>\n"              /* 6 */
  "  <lesson id=\"lektion\">\n"                                           /* 7 */
  "    <title>Lektion</title>\n"                                          /* 8 */
  "    <section id=\"abschnitt\">\n"                                      /* 9 */
  "      <title>Abschnitt</title>\n"                                      /* 10 */
  "      <thesis id=\"these\">These.</thesis>\n";                         /* 11 */
static const char course_middle[] =
  "    </section>\n"                                                      /* 12 */
  "  </lesson>\n"                                                         /* 13 */
  "  <quiz id=\"quiz\" pass-mark=\"50\">\n"                               /* 14 */
  "    <title>Quiz</title>\n"                                             /* 15 */
  "    <true-false id=\"frage\" tests=\"these\" answer=\"true\">\n"       /* 16 */
  "      <prompt>Stimmt das?</prompt>\n"                                  /* 17 */
  "      <explanation>Ja.</explanation>\n"                                /* 18 */
  "    </true-false>\n"                                                   /* 19 */
  "  </quiz>\n";                                                          /* 20 */
static const char course_tail[] =
  "</course>\n";

/* A second quiz around @question, which then starts on line 23. */
static char *
quiz_with (const char *attributes,
           const char *question)
{
  return g_strdup_printf ("  <quiz id=\"quiz2\" %s>\n"                    /* 21 */
                          "    <title>Zwei</title>\n"                     /* 22 */
                          "%s"                                            /* 23 */
                          "  </quiz>\n",
                          attributes, question);
}

/* Files go to the test's own temporary folder, removed after each test. */
static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "courses", NULL);
  char *path = g_build_filename (folder, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static AkCourse *
load_text (const char  *contents,
           gssize       length,
           GPtrArray  **diagnostics)
{
  g_autofree char *path = write_file ("test.xml", contents, length);

  AkCourse *course;

  *diagnostics = ak_diagnostic_list_new ();
  course = ak_course_loader_load_file (path, *diagnostics);
  for (guint i = 0; i < (*diagnostics)->len; i++)
    {
      g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (*diagnostics, i));

      g_test_message ("%s", line);
    }
  return course;
}

static AkCourse *
load_variant (const char  *lesson_extra,
              const char  *after_quiz,
              GPtrArray  **diagnostics)
{
  g_autofree char *contents = g_strconcat (course_head, lesson_extra, course_middle, after_quiz,
                                           course_tail, NULL);

  return load_text (contents, -1, diagnostics);
}

static AkCourse *
load_question (const char  *quiz_attributes,
               const char  *question,
               GPtrArray  **diagnostics)
{
  g_autofree char *quiz = quiz_with (quiz_attributes, question);

  return load_variant ("", quiz, diagnostics);
}

static void
assert_diagnostic (GPtrArray  *diagnostics,
                   guint       index,
                   AkSeverity  severity,
                   guint       line,
                   guint       column,
                   const char *message)
{
  AkDiagnostic *diagnostic;

  g_assert_cmpuint (index, <, diagnostics->len);
  diagnostic = g_ptr_array_index (diagnostics, index);
  g_assert_cmpstr (diagnostic->message, ==, message);
  g_assert_cmpint (diagnostic->severity, ==, severity);
  g_assert_cmpuint (diagnostic->line, ==, line);
  g_assert_cmpuint (diagnostic->column, ==, column);
}

/* The file is refused with exactly this one error. */
static void
assert_refused (AkCourse   *course,
                GPtrArray  *diagnostics,
                guint       line,
                guint       column,
                const char *message)
{
  g_assert_null (course);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, 0, AK_SEVERITY_ERROR, line, column, message);
}

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

static AkQuestion *
question_at (AkCourse *course,
             guint     quiz,
             guint     index)
{
  AkQuiz *q = g_ptr_array_index (ak_course_get_quizzes (course), quiz);

  return g_ptr_array_index (q->questions, index);
}

static AkBlock *
block_at (AkCourse *course,
          guint     lesson,
          guint     section,
          guint     index)
{
  AkLesson *l = g_ptr_array_index (ak_course_get_lessons (course), lesson);
  AkSection *s = g_ptr_array_index (l->sections, section);

  return g_ptr_array_index (s->blocks, index);
}

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
                                            "beispielkurs.xml", NULL);
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
  g_assert_nonnull (strstr (diagnostic->message, g_strerror (ENOENT)));
}

static void
test_not_a_file (void)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  course = ak_course_loader_load_file (g_get_user_cache_dir (), diagnostics);
  assert_refused (course, diagnostics, 0, 0, "This is not a regular file");
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

  return g_test_run ();
}
