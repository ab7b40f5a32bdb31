/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ak-course-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Markup the loader makes must be well-formed for Pango. */
static void
assert_markup (const char *markup)
{
  static const GMarkupParser parser = { NULL, };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *wrapped = NULL;

  if (markup == NULL)
    return;
  wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, NULL));
  g_assert_true (g_markup_parse_context_end_parse (context, NULL));
}

static void
check_course (AkCourse *course)
{
  GPtrArray *quizzes = ak_course_get_quizzes (course);

  assert_markup (ak_course_get_summary (course));
  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);

      g_assert_nonnull (quiz->hash);
      g_assert_cmpuint (quiz->pass_mark, <=, 100);
      for (guint j = 0; j < quiz->questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, j);

          g_assert_nonnull (question->hash);
          assert_markup (question->prompt);
          assert_markup (question->explanation);
          for (guint k = 0; k < question->choices->len; k++)
            assert_markup (((AkChoice *)g_ptr_array_index (question->choices, k))->markup);
          for (guint k = 0; k < question->segments->len; k++)
            assert_markup (((AkSegment *)g_ptr_array_index (question->segments, k))->markup);
        }
    }
}

/* Any input: no crash, no leak, every problem printable on one line, no
 * more problems than the limit and its last warning, and a course exactly
 * when no error was reported. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = ak_course_loader_load_data ((const char *)data, size,
                                                           "fuzz.xml", diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *text = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_null (strpbrk (text, "\n\r"));
    }
  g_assert_cmpuint (diagnostics->len, <=, AK_COURSE_MAX_PROBLEMS + 1);
  g_assert_true ((course != NULL) == !ak_diagnostic_list_has_errors (diagnostics));
  if (course != NULL)
    check_course (course);
  return 0;
}
