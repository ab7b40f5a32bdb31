/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-checks.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ak-library-precedence.h"

/**
 * ak_library_check_references:
 * @file: a file whose course is loaded
 * @winners: course id → AkLibraryFile, from ak_library_precedence_resolve()
 * @found: where problems are added, see ak_library_report()
 */
void
ak_library_check_references (AkLibraryFile *file,
                             GHashTable    *winners,
                             GHashTable    *found)
{
  GPtrArray *quizzes = ak_course_get_quizzes (file->course);

  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);

      for (guint j = 0; j < quiz->questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (quiz->questions, j);

          for (guint k = 0; question->tests != NULL && question->tests[k] != NULL; k++)
            {
              const char *reference = question->tests[k];
              const char *colon = strchr (reference, ':');
              g_autofree char *course_id = NULL;
              AkLibraryFile *target;

              if (colon == NULL)
                continue;
              course_id = g_strndup (reference, colon - reference);
              target = g_hash_table_lookup (winners, course_id);
              if (target != NULL && ak_course_find_thesis (target->course, colon + 1, NULL, NULL))
                continue;

              if (target == NULL)
                ak_library_report (found, file, question, AK_SEVERITY_WARNING,
                                   /* Translators: placeholders are a question id, a thesis
                                    * reference "course:thesis" and a course id */
                                   _("Question “%s” tests “%s”, but there is no course “%s”"),
                                   question->id, reference, course_id);
              else
                ak_library_report (found, file, question, AK_SEVERITY_WARNING,
                                   /* Translators: placeholders are a question id, a thesis
                                    * reference "course:thesis", a course id and a thesis id */
                                   _("Question “%s” tests “%s”, but course “%s” has no "
                                     "thesis “%s”"),
                                   question->id, reference, course_id, colon + 1);
            }
        }
    }
}
