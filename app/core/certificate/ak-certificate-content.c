/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <string.h>

#include "ak-certificate-content.h"

/* A lead-in longer than this is a sentence, not a label. */
#define MAX_LEAD_IN 100

/**
 * ak_certificate_thesis_label:
 * @markup: a thesis' markup
 * @text: the same as plain text
 *
 * A thesis usually opens with a bold lead-in ("Kundenservice statt
 * Kampagne: …"), which names it best on a page that lists many; without
 * one, the whole text is the label.
 *
 * Returns: (transfer full): the label
 */
char *
ak_certificate_thesis_label (const char *markup,
                             const char *text)
{
  const char *colon;

  g_return_val_if_fail (markup != NULL && text != NULL, NULL);

  colon = strchr (text, ':');
  if (g_str_has_prefix (markup, "<b>") && colon != NULL && colon - text <= MAX_LEAD_IN &&
      colon > text)
    return g_strstrip (g_strndup (text, colon - text));
  return g_strstrip (g_strdup (text));
}

static void
add_thesis (GPtrArray       *labels,
            GHashTable      *seen,
            AkCourse        *course,
            AkCourseLibrary *library,
            const char      *reference)
{
  const char *colon = strchr (reference, ':');
  g_autofree char *course_id = NULL;
  const char *thesis_id = reference;
  const AkBlock *thesis;

  if (!g_hash_table_add (seen, g_strdup (reference)))
    return;
  if (colon != NULL)
    {
      course_id = g_strndup (reference, colon - reference);
      thesis_id = colon + 1;
      course = library != NULL ? ak_course_library_lookup (library, course_id) : NULL;
    }
  thesis = course != NULL ? ak_course_find_thesis (course, thesis_id, NULL, NULL) : NULL;
  if (thesis == NULL)
    return;
  g_ptr_array_add (labels, ak_certificate_thesis_label (ak_block_get_markup (thesis),
                                                        ak_block_get_text (thesis)));
}

/**
 * ak_certificate_content_new:
 * @course: the course of @record
 * @quiz_id: the quiz passed
 * @record: what is certified
 * @library: (nullable): to find theses of other courses the quiz tests
 *
 * Returns: (transfer full): what the page shows
 */
AkCertificateContent *
ak_certificate_content_new (AkCourse                  *course,
                            const char                *quiz_id,
                            const AkCertificateRecord *record,
                            AkCourseLibrary           *library)
{
  AkCertificateContent *content;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const AkQuiz *quiz;

  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  quiz = ak_course_find_quiz (course, quiz_id);
  for (guint i = 0; quiz != NULL && i < ak_quiz_get_n_questions (quiz); i++)
    {
      const char *const *tests = ak_question_get_tests (ak_quiz_get_question (quiz, i));

      for (guint j = 0; tests != NULL && tests[j] != NULL; j++)
        add_thesis (labels, seen, course, library, tests[j]);
    }
  g_ptr_array_add (labels, NULL);

  content = g_new0 (AkCertificateContent, 1);
  content->record = ak_certificate_record_copy (record);
  content->hash = ak_certificate_record_compute_hash (record);
  content->course_title = g_strdup (ak_course_get_title (course));
  content->quiz_title = g_strdup (quiz != NULL ? ak_quiz_get_title (quiz) : quiz_id);
  content->theses = (GStrv)g_ptr_array_free (g_steal_pointer (&labels), FALSE);
  return content;
}

void
ak_certificate_content_free (AkCertificateContent *content)
{
  if (content == NULL)
    return;
  ak_certificate_record_free (content->record);
  g_free (content->hash);
  g_free (content->course_title);
  g_free (content->quiz_title);
  g_strfreev (content->theses);
  g_free (content);
}
