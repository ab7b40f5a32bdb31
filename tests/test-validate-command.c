/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ak-course-loader.h"
#include "ak-validate-command.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static char *
steal_text (GOutputStream *stream)
{
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Runs `akademie --validate FILE…` from the test data folder, as a trainer
 * would from the folder holding their courses. */
static Result
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  Result result;
  va_list args;

  va_start (args, first);
  for (const char *file = first; file != NULL; file = va_arg (args, const char *))
    g_ptr_array_add (files, (gpointer)file);
  va_end (args);
  g_ptr_array_add (files, NULL);

  result.status = ak_validate_command_run ((const char *const *)files->pdata, NULL, out, err);
  result.out = steal_text (out);
  result.err = steal_text (err);
  return result;
}

/* `akademie --validate FILE…` with @input on standard input. */
static Result
run_with_input (GInputStream      *input,
                const char *const *files)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  Result result;

  result.status = ak_validate_command_run (files, input, out, err);
  result.out = steal_text (out);
  result.err = steal_text (err);
  return result;
}

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
test_valid (void)
{
  g_auto(Result) result = run ("bundled/grundlagen.xml", "bundled/vertiefung.xml", NULL);

  g_assert_cmpstr (result.out, ==,
                   "bundled/grundlagen.xml: valid, 2 lessons, 5 questions\n"
                   "bundled/vertiefung.xml: valid, 1 lesson, 3 questions\n"
                   "All 2 course files are valid.\n");
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_errors (void)
{
  g_auto(Result) result = run ("kaputt.xml", NULL);

  g_assert_cmpstr (result.out, ==,
                   "kaputt.xml:13:7: warning: No question tests the thesis “vergessen”\n"
                   "kaputt.xml:21:22: error: The single-choice question “zwei-richtig” has 2 "
                   "correct choices; exactly one is allowed\n"
                   "kaputt.xml:24:33: error: The question “tippfehler” tests the thesis "
                   "“thesee”, which does not exist in this course\n"
                   "kaputt.xml: 2 errors, 1 warning\n");
  g_assert_cmpint (result.status, ==, 1);
}

static void
test_missing_file (void)
{
  g_auto(Result) result = run ("fehlt.xml", "bundled", "bundled/grundlagen.xml", NULL);

  /* The good file is still checked and reported. */
  g_assert_cmpstr (result.out, ==,
                   "fehlt.xml: error: The file does not exist\n"
                   "fehlt.xml: 1 error\n"
                   "bundled: error: This is a folder, not a course file\n"
                   "bundled: 1 error\n"
                   "bundled/grundlagen.xml: valid, 2 lessons, 5 questions\n"
                   "2 of 3 course files have errors.\n");
  g_assert_cmpint (result.status, ==, 1);
}

static void
test_references_alone (void)
{
  g_auto(Result) result = run ("verweise.xml", NULL);

  /* References to other courses cannot be checked alone: warnings only. */
  g_assert_cmpstr (result.out, ==,
                   "verweise.xml:17:31: warning: Question “gefunden” tests "
                   "“grundlagen:auswahl”, but there is no course “grundlagen”\n"
                   "verweise.xml:21:35: warning: Question “fremder-kurs” tests "
                   "“fehlt:irgendwas”, but there is no course “fehlt”\n"
                   "verweise.xml:26:17: warning: Question “fremde-these” tests "
                   "“grundlagen:gibt-es-nicht”, but there is no course “grundlagen”\n"
                   "verweise.xml: valid with 3 warnings, 1 lesson, 3 questions\n");
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_references_together (void)
{
  g_auto(Result) result = run ("verweise.xml", "bundled/grundlagen.xml", NULL);

  g_assert_cmpstr (result.out, ==,
                   "verweise.xml:21:35: warning: Question “fremder-kurs” tests "
                   "“fehlt:irgendwas”, but there is no course “fehlt”\n"
                   "verweise.xml:26:17: warning: Question “fremde-these” tests "
                   "“grundlagen:gibt-es-nicht”, but course “grundlagen” has no thesis "
                   "“gibt-es-nicht”\n"
                   "verweise.xml: valid with 2 warnings, 1 lesson, 3 questions\n"
                   "bundled/grundlagen.xml: valid, 2 lessons, 5 questions\n"
                   "All 2 course files are valid.\n");
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_duplicate (void)
{
  g_auto(Result) result = run ("bundled/grundlagen.xml", "doppelt.xml", NULL);

  g_assert_cmpstr (result.out, ==,
                   "bundled/grundlagen.xml: valid, 2 lessons, 5 questions\n"
                   "doppelt.xml:4:9: error: The course id “grundlagen” is already used by "
                   "“bundled/grundlagen.xml”; this file is not loaded\n"
                   "doppelt.xml: 1 error\n"
                   "1 of 2 course files has errors.\n");
  g_assert_cmpint (result.status, ==, 1);
}

static void
test_no_files (void)
{
  g_auto(Result) result = run (NULL);

  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "No course files given. Usage: akademie --validate FILE…\n");
  g_assert_cmpint (result.status, ==, 1);
}

static GInputStream *
input_from_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_memory_input_stream_new_from_data (g_steal_pointer (&contents), length, g_free);
}

/* `akademie --validate - < kurs.xml`: the course comes from a pipe. */
static void
test_stdin (void)
{
  g_autoptr(GInputStream) input = input_from_file ("kaputt.xml");
  g_auto(Result) result = run_with_input (input, (const char *[]) { "-", NULL });

  g_assert_cmpstr (result.out, ==,
                   "<stdin>:13:7: warning: No question tests the thesis “vergessen”\n"
                   "<stdin>:21:22: error: The single-choice question “zwei-richtig” has 2 "
                   "correct choices; exactly one is allowed\n"
                   "<stdin>:24:33: error: The question “tippfehler” tests the thesis "
                   "“thesee”, which does not exist in this course\n"
                   "<stdin>: 2 errors, 1 warning\n");
  g_assert_cmpint (result.status, ==, 1);
}

/* Between files, standard input is reported where it was named. */
static void
test_stdin_between_files (void)
{
  g_autoptr(GInputStream) input = input_from_file ("bundled/vertiefung.xml");
  g_auto(Result) result = run_with_input (input, (const char *[]) {
                                            "bundled/grundlagen.xml", "-", "fehlt.xml", NULL });

  g_assert_cmpstr (result.out, ==,
                   "bundled/grundlagen.xml: valid, 2 lessons, 5 questions\n"
                   "<stdin>: valid, 1 lesson, 3 questions\n"
                   "fehlt.xml: error: The file does not exist\n"
                   "fehlt.xml: 1 error\n"
                   "1 of 3 course files has errors.\n");
  g_assert_cmpint (result.status, ==, 1);
}

/* An endless pipe is refused like a file over the limit, and read no
 * further than one byte past it. */
static void
test_stdin_too_large (void)
{
  gsize size = AK_COURSE_MAX_FILE_SIZE + 1024 * 1024;
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_malloc0 (size), size,
                                                                       g_free);
  g_auto(Result) result = run_with_input (input, (const char *[]) { "-", NULL });

  g_assert_cmpstr (result.out, ==,
                   "<stdin>: error: The file is larger than 8.0\u00a0MiB, "
                   "the limit for course files\n"
                   "<stdin>: 1 error\n");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpint (g_seekable_tell (G_SEEKABLE (input)), ==, AK_COURSE_MAX_FILE_SIZE + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  data = g_test_build_filename (G_TEST_DIST, "data", "library", NULL);
  g_assert_cmpint (g_chdir (data), ==, 0);

  g_test_add_func ("/validate/valid", test_valid);
  g_test_add_func ("/validate/errors", test_errors);
  g_test_add_func ("/validate/missing-file", test_missing_file);
  g_test_add_func ("/validate/references/alone", test_references_alone);
  g_test_add_func ("/validate/references/together", test_references_together);
  g_test_add_func ("/validate/duplicate", test_duplicate);
  g_test_add_func ("/validate/no-files", test_no_files);
  g_test_add_func ("/validate/stdin", test_stdin);
  g_test_add_func ("/validate/stdin/between-files", test_stdin_between_files);
  g_test_add_func ("/validate/stdin/too-large", test_stdin_too_large);

  return g_test_run ();
}
