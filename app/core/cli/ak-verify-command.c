/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ak-certificate-pdf.h"
#include "ak-certificate-verify.h"
#include "ak-course.h"
#include "ak-progress-store-private.h"
#include "ak-verify-command.h"

#define EXIT_NOT_MATCHING 1
#define EXIT_UNREADABLE 2

static void
print_line (GOutputStream *stream,
            const char    *text)
{
  g_output_stream_printf (stream, NULL, NULL, NULL, "%s\n", text);
}

/* The titles of the course and the quiz, where the library has them; the
 * ids otherwise. */
static void
find_titles (GListModel                *courses,
             const AkCertificateRecord *record,
             char                     **course_title,
             char                     **quiz_title)
{
  guint n = courses != NULL ? g_list_model_get_n_items (courses) : 0;

  *course_title = g_strdup (record->course_id);
  *quiz_title = g_strdup (record->quiz_id);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (courses, i);
      const AkQuiz *quiz;

      if (!g_str_equal (ak_course_get_id (course), record->course_id))
        continue;
      g_free (*course_title);
      *course_title = g_strdup (ak_course_get_title (course));
      quiz = ak_course_find_quiz (course, record->quiz_id);
      if (quiz != NULL)
        {
          g_free (*quiz_title);
          *quiz_title = g_strdup (ak_quiz_get_title (quiz));
        }
      return;
    }
}

/**
 * ak_verify_command_run:
 * @pdf_path: the certificate
 * @store: (nullable): the store; %NULL opens the one at the default place
 *   for reading only
 * @learner_names: (array zero-terminated=1) (nullable): other names of the
 *   learner, from the settings
 * @courses: (nullable) (element-type AkCourse): courses to take titles from
 *
 * Reads the record from a certificate and checks it against the store.
 * Nothing is written.
 *
 * Returns: the exit status: 0 when the certificate is valid, 1 when it
 *   does not match the store, 2 when it cannot be read
 */
int
ak_verify_command_run (const char        *pdf_path,
                       AkProgressStore   *store,
                       const char *const *learner_names,
                       GListModel        *courses,
                       GOutputStream     *out,
                       GOutputStream     *err)
{
  g_autoptr(AkProgressStore) opened = NULL;
  g_autoptr(AkCertificateRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *message = NULL;
  g_autofree char *date = NULL;
  g_autofree char *course_title = NULL;
  g_autofree char *quiz_title = NULL;
  AkCertificateCheck check;

  g_return_val_if_fail (store == NULL || AK_IS_PROGRESS_STORE (store), EXIT_UNREADABLE);
  g_return_val_if_fail (courses == NULL || G_IS_LIST_MODEL (courses), EXIT_UNREADABLE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), EXIT_UNREADABLE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (err), EXIT_UNREADABLE);

  if (pdf_path == NULL || *pdf_path == '\0')
    {
      print_line (err, _("No file given. Usage: akademie --verify-certificate FILE.pdf"));
      return EXIT_UNREADABLE;
    }

  record = ak_certificate_pdf_read (pdf_path, &hash, &error);
  if (record == NULL)
    {
      print_line (err, error->message);
      return EXIT_UNREADABLE;
    }

  if (store == NULL)
    {
      store = opened = ak_progress_store_open_read_only (NULL, &error);
      if (store == NULL)
        {
          print_line (err, error->message);
          print_line (err, _("The certificate cannot be confirmed without the learning "
                             "progress."));
          return EXIT_NOT_MATCHING;
        }
    }

  if (!ak_certificate_verify (store, record, hash, learner_names, &check, &error))
    {
      print_line (err, error->message);
      return EXIT_NOT_MATCHING;
    }

  find_titles (courses, record, &course_title, &quiz_title);
  date = ak_certificate_format_date (record->date);
  switch (check)
    {
    case AK_CERTIFICATE_VALID:
      /* Translators: "The certificate is valid: Anna Muster passed the quiz
       * “abschlusspruefung” of “Abschlusstest …” with 87 % on 02.12.2026." */
      message = g_strdup_printf (_("The certificate is valid: %s passed the quiz “%s” of “%s” "
                                   "with %u %% on %s."),
                                 record->learner_name, quiz_title, course_title, record->score,
                                 date);
      print_line (out, message);
      return EXIT_SUCCESS;

    case AK_CERTIFICATE_CHANGED:
      print_line (err, _("The certificate was changed: its verification hash does not fit "
                         "the name, course, score or date written in it."));
      return EXIT_NOT_MATCHING;

    case AK_CERTIFICATE_OTHER_LEARNER:
      /* Translators: %s is the name on the certificate */
      message = g_strdup_printf (_("The certificate is made out to “%s”, not to the learner "
                                   "of this progress."),
                                 record->learner_name);
      print_line (err, message);
      return EXIT_NOT_MATCHING;

    case AK_CERTIFICATE_NO_ATTEMPT:
    default:
      /* Translators: "No passed attempt at the quiz “…” of “…” has 87 % on 02.12.2026." */
      message = g_strdup_printf (_("No passed attempt at the quiz “%s” of “%s” (version %s) "
                                   "has %u %% on %s in the learning progress."),
                                 quiz_title, course_title, record->course_version, record->score,
                                 date);
      print_line (err, message);
      return EXIT_NOT_MATCHING;
    }
}
