/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the loader's test programs: a small valid course to add to,
 * files in the test's own folder, and assertions on what a trainer reads.
 */

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
static inline char *
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
static inline char *
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

static inline AkCourse *
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

static inline AkCourse *
load_variant (const char  *lesson_extra,
              const char  *after_quiz,
              GPtrArray  **diagnostics)
{
  g_autofree char *contents = g_strconcat (course_head, lesson_extra, course_middle, after_quiz,
                                           course_tail, NULL);

  return load_text (contents, -1, diagnostics);
}

static inline AkCourse *
load_question (const char  *quiz_attributes,
               const char  *question,
               GPtrArray  **diagnostics)
{
  g_autofree char *quiz = quiz_with (quiz_attributes, question);

  return load_variant ("", quiz, diagnostics);
}

static inline void
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
static inline void
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

static inline AkQuestion *
question_at (AkCourse *course,
             guint     quiz,
             guint     index)
{
  AkQuiz *q = g_ptr_array_index (ak_course_get_quizzes (course), quiz);

  return g_ptr_array_index (q->questions, index);
}

static inline AkBlock *
block_at (AkCourse *course,
          guint     lesson,
          guint     section,
          guint     index)
{
  AkLesson *l = g_ptr_array_index (ak_course_get_lessons (course), lesson);
  AkSection *s = g_ptr_array_index (l->sections, section);

  return g_ptr_array_index (s->blocks, index);
}

