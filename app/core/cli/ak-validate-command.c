/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-validate-command.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ak-course-library.h"
#include "ak-course-loader.h"

#define READ_CHUNK_SIZE (64 * 1024)
/* What `-` stands for in the report, as compilers name it. */
#define STDIN_NAME "<stdin>"

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

/* At most one byte more than a course may have: the loader refuses such
 * input with its own message, and an endless pipe is not read to its end. */
static GBytes *
read_bounded (GInputStream  *in,
              GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  gsize limit = AK_COURSE_MAX_FILE_SIZE + 1;

  while (buffer->len < limit)
    {
      gsize before = buffer->len;
      gsize chunk = MIN (READ_CHUNK_SIZE, limit - before);
      gsize n_read = 0;

      g_byte_array_set_size (buffer, before + chunk);
      if (!g_input_stream_read_all (in, buffer->data + before, chunk, &n_read, NULL, error))
        return NULL;
      g_byte_array_set_size (buffer, before + n_read);
      if (n_read < chunk)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static void
report_file (const char *path,
             GPtrArray  *diagnostics,
             AkCourse   *course,
             PrintFunc   print,
             gpointer    out)
{
  g_autofree char *summary = NULL;

  for (guint j = 0; j < diagnostics->len; j++)
    {
      g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, j));

      print (out, line);
    }
  summary = format_summary (path, diagnostics, course);
  print (out, summary);
}

/* A course piped in is checked on its own: references to other courses
 * stay warnings, and figures are looked for in the current folder. */
static gboolean
validate_stdin (GInputStream *in,
                PrintFunc     print,
                gpointer      out)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = in != NULL ? read_bounded (in, &error) : NULL;
  if (bytes == NULL)
    ak_diagnostic_list_add (diagnostics, STDIN_NAME, 0, 0, AK_SEVERITY_ERROR, "%s",
                            error != NULL ? error->message
                                          : _("There is no standard input to read"));
  else
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      course = ak_course_loader_load_data (data != NULL ? data : "", length, STDIN_NAME,
                                           diagnostics);
    }

  report_file (STDIN_NAME, diagnostics, course, print, out);
  return course != NULL;
}

static int
validate (const char *const *files,
          GInputStream      *in,
          PrintFunc          print,
          gpointer           out,
          gpointer           err)
{
  g_autoptr(AkCourseLibrary) library = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *total = NULL;
  gboolean has_stdin = FALSE;
  guint stdin_position = 0;
  guint n_files;
  guint n_invalid = 0;

  if (files == NULL || files[0] == NULL)
    {
      print (err, _("No course files given. Usage: akademie --validate FILE…"));
      return 1;
    }

  library = ak_course_library_new ();
  for (guint i = 0; files[i] != NULL; i++)
    {
      if (!g_str_equal (files[i], "-"))
        ak_course_library_add_file (library, files[i]);
      else if (!has_stdin)
        {
          /* Reported where it was named, between the files. */
          has_stdin = TRUE;
          stdin_position = i;
        }
    }
  ak_course_library_reload (library);

  paths = ak_course_library_list_files (library);
  n_files = g_strv_length (paths);
  for (guint i = 0; i <= n_files; i++)
    {
      if (has_stdin && i == MIN (stdin_position, n_files) && !validate_stdin (in, print, out))
        n_invalid++;
      if (i == n_files)
        break;

      if (ak_course_library_lookup_file (library, paths[i]) == NULL)
        n_invalid++;
      report_file (paths[i], ak_course_library_get_diagnostics (library, paths[i]),
                   ak_course_library_lookup_file (library, paths[i]), print, out);
    }
  if (has_stdin)
    n_files++;

  if (n_files > 1)
    {
      total = format_total (n_files, n_invalid);
      print (out, total);
    }

  return n_invalid == 0 ? 0 : 1;
}

/**
 * ak_validate_command_run:
 * @files: (array zero-terminated=1): course files to check; `-` reads one
 *   course from @in
 * @in: (nullable): standard input
 * @out: where the diagnostics and summaries go
 * @err: where a usage problem goes
 *
 * Checks @files the way the app would load them together — each file on
 * its own, then ids and "course:thesis" references across them — and
 * prints every problem as `file:line:column: severity: message`, then a
 * summary line per file, then a total when there are several files. A
 * course read from @in is named `<stdin>` and checked on its own, with the
 * same size limit as a file.
 *
 * Returns: the exit status: 0 when every file is valid (warnings
 *   allowed), 1 otherwise
 */
int
ak_validate_command_run (const char *const *files,
                         GInputStream      *in,
                         GOutputStream     *out,
                         GOutputStream     *err)
{
  g_return_val_if_fail (in == NULL || G_IS_INPUT_STREAM (in), 1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), 1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (err), 1);

  return validate (files, in, print_to_stream, out, err);
}

/**
 * ak_validate_command_run_stdio:
 * @in: standard input
 *
 * ak_validate_command_run() for `akademie --validate`: the report goes to
 * standard output, a usage problem to standard error.
 */
int
ak_validate_command_run_stdio (const char *const *files,
                               GInputStream      *in)
{
  int status;

  g_return_val_if_fail (G_IS_INPUT_STREAM (in), 1);

  status = validate (files, in, print_to_file, stdout, stderr);
  fflush (stdout);
  return status;
}
