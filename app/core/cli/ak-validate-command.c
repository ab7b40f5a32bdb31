/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-validate-command.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ak-course-library.h"

/* Where the report goes: a GOutputStream (tests, embedding) or stdio. */
typedef void (*PrintFunc) (gpointer    target,
                           const char *line);

static void
print_to_stream (gpointer    target,
                 const char *line)
{
  /* A closed pipe (`akademie --validate … | head`) must not change the verdict. */
  g_output_stream_write_all (target, line, strlen (line), NULL, NULL, NULL);
  g_output_stream_write_all (target, "\n", 1, NULL, NULL, NULL);
}

static void
print_to_file (gpointer    target,
               const char *line)
{
  fputs (line, target);
  fputc ('\n', target);
}

static char *
format_summary (const char *path,
                GPtrArray  *diagnostics,
                AkCourse   *course)
{
  g_autofree char *warnings = NULL;
  g_autofree char *lessons = NULL;
  g_autofree char *questions = NULL;
  guint n_errors;
  guint n_warnings;
  guint n_lessons;
  guint n_questions;

  ak_diagnostic_list_count (diagnostics, &n_errors, &n_warnings);

  if (course == NULL)
    {
      g_autofree char *counts = NULL;

      /* A file without a course but also without an error cannot happen;
       * count it as one so that the verdict stays "invalid". */
      counts = ak_diagnostic_format_counts (MAX (n_errors, 1), n_warnings);
      /* Translators: a file name and its problems: "kurs.xml: 2 errors, 1 warning" */
      return g_strdup_printf (_("%s: %s"), path, counts);
    }

  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           n_warnings),
                              n_warnings);
  n_lessons = ak_course_get_lessons (course)->len;
  lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lesson", "%u lessons", n_lessons),
                             n_lessons);
  n_questions = ak_course_get_n_questions (course);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                            n_questions),
                               n_questions);
  if (n_warnings == 0)
    /* Translators: a file name, a number of lessons and of questions:
     * "kurs.xml: valid, 3 lessons, 12 questions" */
    return g_strdup_printf (_("%s: valid, %s, %s"), path, lessons, questions);
  /* Translators: a file name, a number of warnings, of lessons and of questions:
   * "kurs.xml: valid with 1 warning, 3 lessons, 12 questions" */
  return g_strdup_printf (_("%s: valid with %s, %s, %s"), path, warnings, lessons, questions);
}

static char *
format_total (guint n_files,
              guint n_invalid)
{
  if (n_invalid == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the total after checking
                                          * several files */
                                         "%u course file is valid.",
                                         "All %u course files are valid.",
                                         n_files),
                            n_files);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the total after checking several
                                        * files: "2 of 5 course files have errors." */
                                       "%u of %u course files has errors.",
                                       "%u of %u course files have errors.",
                                       n_invalid),
                          n_invalid, n_files);
}

static int
validate (const char *const *files,
          PrintFunc          print,
          gpointer           out,
          gpointer           err)
{
  g_autoptr(AkCourseLibrary) library = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *total = NULL;
  guint n_files;
  guint n_invalid = 0;

  if (files == NULL || files[0] == NULL)
    {
      print (err, _("No course files given. Usage: akademie --validate FILE…"));
      return 1;
    }

  library = ak_course_library_new ();
  for (guint i = 0; files[i] != NULL; i++)
    ak_course_library_add_file (library, files[i]);
  ak_course_library_reload (library);

  paths = ak_course_library_list_files (library);
  n_files = g_strv_length (paths);
  for (guint i = 0; i < n_files; i++)
    {
      GPtrArray *diagnostics = ak_course_library_get_diagnostics (library, paths[i]);
      AkCourse *course = ak_course_library_lookup_file (library, paths[i]);
      g_autofree char *summary = NULL;

      for (guint j = 0; j < diagnostics->len; j++)
        {
          g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, j));

          print (out, line);
        }

      if (course == NULL)
        n_invalid++;
      summary = format_summary (paths[i], diagnostics, course);
      print (out, summary);
    }

  if (n_files > 1)
    {
      total = format_total (n_files, n_invalid);
      print (out, total);
    }

  return n_invalid == 0 ? 0 : 1;
}

/**
 * ak_validate_command_run:
 * @files: (array zero-terminated=1): course files to check
 * @out: where the diagnostics and summaries go
 * @err: where a usage problem goes
 *
 * Checks @files the way the app would load them together — each file on
 * its own, then ids and "course:thesis" references across them — and
 * prints every problem as `file:line:column: severity: message`, then a
 * summary line per file, then a total when there are several files.
 *
 * Returns: the exit status: 0 when every file is valid (warnings
 *   allowed), 1 otherwise
 */
int
ak_validate_command_run (const char *const *files,
                         GOutputStream     *out,
                         GOutputStream     *err)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), 1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (err), 1);

  return validate (files, print_to_stream, out, err);
}

/**
 * ak_validate_command_run_stdio:
 *
 * ak_validate_command_run() for `akademie --validate`: the report goes to
 * standard output, a usage problem to standard error.
 */
int
ak_validate_command_run_stdio (const char *const *files)
{
  int status = validate (files, print_to_file, stdout, stderr);

  fflush (stdout);
  return status;
}
