/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * For tests/test-cli.sh: records a passed attempt at a quiz in the progress
 * store under $XDG_DATA_HOME, as the app would, and saves its certificate.
 * With --forge-name, --forge-score or --forge-date, the certificate says
 * something else, with a hash that fits what it says — as someone who
 * knows the encoding would forge it.
 *
 * Usage: make-certificate COURSES_DIR COURSE_ID QUIZ_ID NAME OUT.pdf [--forge-…=VALUE]
 */
#include "config.h"

#include <locale.h>

#include "ak-certificate-render.h"
#include "ak-certificate-verify.h"

static char *forge_name;
static int forge_score = -1;
static char *forge_date;

static const GOptionEntry entries[] = {
  { "forge-name", 0, 0, G_OPTION_ARG_STRING, &forge_name, NULL, NULL },
  { "forge-score", 0, 0, G_OPTION_ARG_INT, &forge_score, NULL, NULL },
  { "forge-date", 0, 0, G_OPTION_ARG_STRING, &forge_date, NULL, NULL },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) options = g_option_context_new ("COURSES_DIR COURSE_ID QUIZ_ID NAME OUT.pdf");
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(AkCertificateRecord) record = NULL;
  g_autoptr(AkCertificateContent) content = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  AkCourse *course;
  const AkQuiz *quiz;
  gint64 id;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 6)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "wrong arguments");
      return 2;
    }

  ak_course_library_add_directory (library, argv[1]);
  ak_course_library_reload (library);
  course = ak_course_library_lookup (library, argv[2]);
  quiz = course != NULL ? ak_course_find_quiz (course, argv[3]) : NULL;
  if (quiz == NULL)
    {
      g_printerr ("no quiz %s in course %s\n", argv[3], argv[2]);
      return 1;
    }

  store = ak_progress_store_open (NULL, &error);
  if (store == NULL || !ak_progress_store_set_display_name (store, argv[4], &error))
    goto failed;
  id = ak_progress_store_start_attempt (store, argv[2], argv[3], ak_course_get_version (course),
                                       ak_quiz_get_hash (quiz), NULL, &error);
  if (id == 0 || !ak_progress_store_finish_attempt (store, id, 8.7, 10, TRUE, &error))
    goto failed;
  attempt = ak_certificate_find_attempt (store, course, argv[3], id, &error);
  if (attempt == NULL)
    goto failed;

  record = ak_certificate_record_new_for_attempt (attempt, argv[4]);
  if (forge_name != NULL)
    {
      g_free (record->learner_name);
      record->learner_name = g_strdup (forge_name);
    }
  if (forge_score >= 0)
    record->score = forge_score;
  if (forge_date != NULL)
    {
      g_free (record->date);
      record->date = g_strdup (forge_date);
    }
  content = ak_certificate_content_new (course, argv[3], record, library);
  out = g_file_new_for_commandline_arg (argv[5]);
  if (!ak_certificate_render_to_file (content, out, NULL, &error))
    goto failed;
  return 0;

failed:
  g_printerr ("%s\n", error != NULL ? error->message : "no attempt");
  return 1;
}
