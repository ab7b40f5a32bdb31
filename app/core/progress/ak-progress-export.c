/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-progress-export.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ak-progress-store-private.h"
#include "ak-review-queue.h"

/*
 * The learner's attempts and answers as CSV (RFC 4180: comma-separated,
 * CRLF line ends, fields quoted when they hold a comma, quote or line
 * break; UTF-8), one row per answer and one per attempt without answers.
 * The header names are fixed identifiers, not translated, so that
 * programs reading the file do not depend on the learner's language.
 */

static const char *const columns[] = {
  /* append_attempt_fields() */
  "learner",
  "course_id", "course_title", "course_version",
  "quiz_id", "quiz_title",
  "attempt_id", "attempt_state", "attempt_started", "attempt_finished",
  "attempt_score", "attempt_max_score", "attempt_passed",
  /* append_answer_fields() */
  "question_id", "question_title", "question_version", "question_hash",
  "response", "answer_score", "answered", "answer_seconds",
  /* append_memory_fields(): how often the learner has forgotten the
   * question (see ak-progress-memory.c), whether that makes it a
   * difficult one, and the lesson section to reread for it */
  "question_lapses", "question_difficult", "reread_lesson", "reread_section",
};
#define N_ANSWER_FIELDS 12

static const char *const question_versions[] = {
  [AK_QUESTION_VERSION_UNKNOWN] = "unknown",
  [AK_QUESTION_VERSION_CURRENT] = "current",
  [AK_QUESTION_VERSION_CHANGED] = "changed",
  [AK_QUESTION_VERSION_REMOVED] = "removed",
};

/* Text cells longer than this are cut (at a character, with "…"): a
 * course title is repeated on every row of its answers, and a title of
 * megabytes would make the file hundreds of times larger. */
#define MAX_CELL_CHARS 1000

/* Whether a spreadsheet could take a cell starting like @value for a
 * formula; see ak_csv_append_text(). */
gboolean
ak_csv_starts_formula (const char *value)
{
  return value != NULL && *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
}

/*
 * Appends the text cell @value (NULL for an empty one).
 *
 * A spreadsheet takes a cell that starts with "=", "+", "-" or "@" for a
 * formula, and one that starts with a tab or a carriage return may be
 * read as one once the white space is stripped. Such a cell gets a "'" in
 * front (shown as text, the way spreadsheets mark it) and is quoted, as
 * OWASP advises for CSV injection. Only text goes through here: numbers
 * Akademie writes itself (scores, times, ids) go through append_raw() and
 * stay numbers, a negative one included.
 *
 * Other cells are quoted when they hold a comma, quote or line break
 * (RFC 4180). At most @max_chars characters are written (0: all); a cell
 * that is cut ends in "…". Text that is not UTF-8 is made so.
 */
void
ak_csv_append_text (GString    *line,
                    const char *value,
                    gsize       max_chars)
{
  g_autofree char *valid = NULL;
  const char *end;
  gboolean cut = FALSE;
  gboolean formula;
  gboolean quote;

  if (value == NULL)
    return;
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  end = value + strlen (value);
  if (max_chars > 0 && g_utf8_strlen (value, 4 * max_chars + 4) > (glong)max_chars)
    {
      end = g_utf8_offset_to_pointer (value, max_chars - 1);
      cut = TRUE;
    }

  formula = ak_csv_starts_formula (value);
  quote = formula;
  for (const char *p = value; p < end && !quote; p++)
    quote = *p == ',' || *p == '"' || *p == '\r' || *p == '\n';

  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = value; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (cut)
    g_string_append (line, "…");
  if (quote)
    g_string_append_c (line, '"');
}

static void
append_value (GString    *line,
              const char *value)
{
  ak_csv_append_text (line, value, MAX_CELL_CHARS);
}

/* Appends a text field after the first one of a row. */
static void
append_field (GString    *line,
              const char *value)
{
  g_string_append_c (line, ',');
  append_value (line, value);
}

/* Appends a field Akademie formatted itself: a number, a time, an id it
 * printed. It needs neither quotes nor a guard against formulas. */
static void
append_raw (GString    *line,
            const char *value)
{
  g_string_append_c (line, ',');
  if (value != NULL)
    g_string_append (line, value);
}

/* The shortest text of up to 17 digits that reads back as the same
 * number: 2/3 is 0.6666666666666666, not 0.66666666666666663, and a
 * duration keeps its last digit instead of turning into 1.23457e+06. */
static void
append_number (GString *line,
               double   value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* "inf" and "nan" are no numbers to a spreadsheet; only a damaged
   * database holds them. */
  if (!isfinite (value))
    {
      append_raw (line, NULL);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  append_raw (line, buffer);
}

static void
append_time (GString *line,
             gint64   time)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;

  if (time != 0)
    date_time = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
  if (date_time != NULL)
    text = g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
  append_raw (line, text);
}

/* The columns every row of an attempt shares. */
static void
append_attempt_fields (GString           *line,
                       const char        *learner,
                       AkCourse          *course,
                       AkProgressAttempt *attempt)
{
  AkQuiz *quiz = course != NULL ? ak_course_find_quiz (course, attempt->quiz_id) : NULL;
  char id[32];

  g_string_truncate (line, 0);
  append_value (line, learner);
  append_field (line, attempt->course_id);
  append_field (line, course != NULL ? ak_course_get_title (course) : attempt->course_id);
  append_field (line, attempt->course_version);
  append_field (line, attempt->quiz_id);
  append_field (line, quiz != NULL ? quiz->title : attempt->quiz_id);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, attempt->id);
  append_raw (line, id);
  append_field (line, ak_attempt_state_to_string (attempt->state));
  append_time (line, attempt->started);
  append_time (line, attempt->finished);
  if (attempt->state == AK_ATTEMPT_FINISHED)
    {
      append_number (line, attempt->score);
      append_number (line, attempt->max_score);
      append_field (line, attempt->passed ? "true" : "false");
    }
  else
    {
      append_field (line, NULL);
      append_field (line, NULL);
      append_field (line, NULL);
    }
}

static void
append_answer_fields (GString           *line,
                      AkCourse          *course,
                      AkProgressAttempt *attempt,
                      AkProgressAnswer  *answer)
{
  AkQuiz *quiz = course != NULL ? ak_course_find_quiz (course, attempt->quiz_id) : NULL;
  AkQuestion *question = quiz != NULL ? ak_quiz_find_question (quiz, answer->question_id) : NULL;
  AkQuestionVersion version = ak_question_version_in_course (course, attempt->quiz_id,
                                                             answer->question_id,
                                                             answer->question_hash);

  append_field (line, answer->question_id);
  append_field (line, question != NULL ? question->prompt_text : answer->question_id);
  append_field (line, question_versions[version]);
  append_field (line, answer->question_hash);
  /* The answer itself is written whole: it is not repeated, so the
   * file grows no faster than the database. */
  g_string_append_c (line, ',');
  ak_csv_append_text (line, answer->response, 0);
  append_number (line, answer->score);
  append_time (line, answer->answered);
  append_number (line, answer->seconds);
}

/* What the export says of each question's memory: "course␟question" →
 * Memory. Empty for a database from before the review log. */
typedef struct
{
  guint                lapses;
  AkDifficultQuestion *difficult;   /* nullable */
} Memory;

static char *
memory_key (const char *course_id,
            const char *question_id)
{
  return g_strconcat (course_id, "\x1f", question_id, NULL);
}

static gboolean
index_memory_cb (const AkProgressMemory *memory,
                 gpointer                user_data)
{
  Memory *entry = g_new0 (Memory, 1);

  entry->lapses = memory->card.lapses;
  g_hash_table_replace (user_data, memory_key (memory->course_id, memory->question_id), entry);
  return TRUE;
}

static GHashTable *
index_memory (AkProgressStore  *self,
              GListModel       *courses,
              GPtrArray       **difficult,
              GError          **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListStore) none = NULL;

  *difficult = NULL;
  if (!ak_progress_store_has_memory (self))
    return g_steal_pointer (&index);
  if (!ak_progress_store_foreach_memory (self, G_MAXINT64, index_memory_cb, index, error))
    return NULL;
  if (courses == NULL)
    courses = G_LIST_MODEL (none = g_list_store_new (AK_TYPE_COURSE));
  *difficult = ak_review_list_difficult (self, courses, AK_REVIEW_DIFFICULT_LAPSES, error);
  if (*difficult == NULL)
    return NULL;
  for (guint i = 0; i < (*difficult)->len; i++)
    {
      AkDifficultQuestion *question = g_ptr_array_index (*difficult, i);
      g_autofree char *key = memory_key (question->course_id, question->question_id);
      Memory *entry = g_hash_table_lookup (index, key);

      if (entry != NULL)
        entry->difficult = question;
    }
  return g_steal_pointer (&index);
}

static void
append_memory_fields (GString    *line,
                      GHashTable *memory,
                      const char *course_id,
                      const char *question_id)
{
  g_autofree char *key = memory_key (course_id, question_id);
  Memory *entry = g_hash_table_lookup (memory, key);
  char number[16];

  if (entry == NULL)
    {
      for (guint i = 0; i < 4; i++)
        append_field (line, NULL);
      return;
    }
  g_snprintf (number, sizeof number, "%u", entry->lapses);
  append_raw (line, number);
  append_field (line, entry->lapses >= AK_REVIEW_DIFFICULT_LAPSES ? "true" : "false");
  /* Titles come from the course file: text, guarded against formulas. */
  append_field (line, entry->difficult != NULL ? entry->difficult->lesson_title : NULL);
  append_field (line, entry->difficult != NULL ? entry->difficult->section_title : NULL);
}

static GHashTable *
index_courses (GListModel *courses)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint n = courses != NULL ? g_list_model_get_n_items (courses) : 0;

  for (guint i = 0; i < n; i++)
    {
      AkCourse *course = g_list_model_get_item (courses, i);

      g_hash_table_replace (index, (gpointer)ak_course_get_id (course), course);
    }
  return index;
}

/* Where the rows go: a file (write errors as errno) or a stream. */
typedef struct
{
  FILE          *file;
  GOutputStream *stream;
  int            saved_errno;
  GError        *stream_error;
} Sink;

static gboolean
sink_write (Sink          *sink,
            const GString *text)
{
  if (sink->file != NULL)
    {
      if (fwrite (text->str, 1, text->len, sink->file) == text->len)
        return TRUE;
      sink->saved_errno = errno != 0 ? errno : EIO;
      return FALSE;
    }
  return g_output_stream_write_all (sink->stream, text->str, text->len, NULL, NULL,
                                    &sink->stream_error);
}

/* Writes every row to @sink; FALSE on a write error (in @sink) or a
 * database error (in @error). */
static gboolean
write_rows (AkProgressStore  *self,
            GListModel       *courses,
            Sink             *sink,
            guint            *n_answers,
            GError          **error)
{
  static const char sql[] =
    "SELECT " AK_PROGRESS_ATTEMPT_COLUMNS ", " AK_PROGRESS_ANSWER_COLUMNS
    "  FROM attempt LEFT JOIN answer ON answer.attempt_id = attempt.id"
    " WHERE attempt.learner_id = ?1"
    " ORDER BY attempt.id, answer.id";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(GHashTable) course_index = index_courses (courses);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) attempt_fields = g_string_new (NULL);
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GHashTable) memory = NULL;
  g_autoptr(GPtrArray) difficult = NULL;
  const char *learner = ak_progress_store_get_display_name (self);
  AkCourse *course = NULL;
  int rc;

  memory = index_memory (self, courses, &difficult, error);
  if (memory == NULL)
    return FALSE;

  append_value (line, columns[0]);
  for (guint i = 1; i < G_N_ELEMENTS (columns); i++)
    append_field (line, columns[i]);
  g_string_append (line, "\r\n");
  if (!sink_write (sink, line))
    return FALSE;

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autoptr(AkProgressAnswer) answer = NULL;

      /* Rows come by attempt: its columns are formatted once. */
      if (attempt == NULL || attempt->id != sqlite3_column_int64 (select, 0))
        {
          g_clear_pointer (&attempt, ak_progress_attempt_free);
          attempt = ak_progress_attempt_new_from_row (select, error);
          if (attempt == NULL)
            return FALSE;
          course = g_hash_table_lookup (course_index, attempt->course_id);
          append_attempt_fields (attempt_fields, learner, course, attempt);
        }

      g_string_assign (line, attempt_fields->str);
      if (sqlite3_column_type (select, AK_PROGRESS_N_ATTEMPT_COLUMNS) != SQLITE_NULL)
        {
          answer = ak_progress_answer_new_from_row (select, AK_PROGRESS_N_ATTEMPT_COLUMNS, error);
          if (answer == NULL)
            return FALSE;
          append_answer_fields (line, course, attempt, answer);
          append_memory_fields (line, memory, attempt->course_id, answer->question_id);
          (*n_answers)++;
        }
      else
        for (guint i = 0; i < N_ANSWER_FIELDS; i++)
          append_field (line, NULL);
      g_string_append (line, "\r\n");
      if (!sink_write (sink, line))
        return FALSE;
    }
  return ak_progress_store_check (self, rc, error);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  ak_progress_set_errno_error (error, saved_errno, _("Cannot write “%s”: %s"),
                               path, g_strerror (saved_errno));
}

/* Refuses what is not a regular file: a symbolic link would be replaced
 * by the file rather than lead to where it points, and a device, pipe or
 * folder is no place for an export. Sets @mode to the file's permissions,
 * or leaves it when there is no file yet. */
static gboolean
check_target (const char  *path,
              mode_t      *mode,
              gboolean    *exists,
              GError     **error)
{
  struct stat info;

  *exists = FALSE;
  if (lstat (path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      set_write_error (error, path, saved_errno);
      return FALSE;
    }
  if (S_ISLNK (info.st_mode))
    g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                 _("Cannot write “%s”: it is a symbolic link. Give the path of the file "
                   "itself or a new name."),
                 path);
  else if (S_ISDIR (info.st_mode))
    g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                 _("Cannot write “%s”: it is a folder. Give a file name."), path);
  else if (!S_ISREG (info.st_mode))
    g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                 _("Cannot write “%s”: it is not a regular file. Give a file name."), path);
  else
    {
      *mode = info.st_mode & 07777;
      *exists = TRUE;
      return TRUE;
    }
  return FALSE;
}

/*
 * The file is written under a hidden temporary name next to @path
 * (".NAME.XXXXXX") and renamed into place once complete, so that a failed
 * export leaves no half file and does not harm an earlier export of the
 * same name; the temporary file is removed on every error. A file that is
 * replaced keeps its permissions; a new one gets those the umask allows.
 */
static gboolean
write_file (AkProgressStore  *self,
            GListModel       *courses,
            const char       *path,
            guint            *n_answers,
            GError          **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *hidden = g_strconcat (".", name, ".XXXXXX", NULL);
  g_autofree char *temporary = g_build_filename (folder, hidden, NULL);
  g_autoptr(GError) local_error = NULL;
  Sink sink = { NULL, };
  gboolean exists = FALSE;
  gboolean written;
  mode_t mode = 0;
  int saved_errno = 0;
  int fd;

  if (!check_target (path, &mode, &exists, error))
    return FALSE;

  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  if (exists && fchmod (fd, mode) != 0)
    saved_errno = errno;
  if (saved_errno == 0 && (sink.file = fdopen (fd, "w")) == NULL)
    saved_errno = errno;
  if (sink.file == NULL)
    close (fd);
  else
    {
      written = write_rows (self, courses, &sink, n_answers, &local_error);
      saved_errno = sink.saved_errno;
      if (written && (fflush (sink.file) != 0 || fsync (fd) != 0))
        saved_errno = errno;
      if (fclose (sink.file) != 0 && saved_errno == 0 && local_error == NULL)
        saved_errno = errno;
    }
  if (saved_errno == 0 && local_error == NULL && g_rename (temporary, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0 || local_error != NULL)
    {
      g_unlink (temporary);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_write_error (error, path, saved_errno);
      return FALSE;
    }
  return TRUE;
}

/* The rows to @stream, which the caller closes. */
static gboolean
write_stream (AkProgressStore  *self,
              GListModel       *courses,
              GOutputStream    *stream,
              guint            *n_answers,
              GError          **error)
{
  g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_autoptr(GError) local_error = NULL;
  Sink sink = { .stream = buffered };

  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  if (write_rows (self, courses, &sink, n_answers, &local_error)
      && g_output_stream_flush (buffered, NULL, &sink.stream_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      AkProgressError code = AK_PROGRESS_ERROR_FAILED;

      if (g_error_matches (sink.stream_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        code = AK_PROGRESS_ERROR_DISK_FULL;
      g_set_error (error, AK_PROGRESS_ERROR, code,
                   /* Translators: %s says why, e.g. "Broken pipe" */
                   _("Cannot write to the standard output: %s"), sink.stream_error->message);
    }
  g_clear_error (&sink.stream_error);
  return FALSE;
}

/*
 * Writes the CSV to @path, or to @standard_output when @path is "-" and
 * one is given.
 */
gboolean
ak_progress_export_write (AkProgressStore  *self,
                          GListModel       *courses,
                          const char       *path,
                          GOutputStream    *standard_output,
                          guint            *n_answers,
                          GError          **error)
{
  *n_answers = 0;
  if (standard_output != NULL && g_str_equal (path, "-"))
    return write_stream (self, courses, standard_output, n_answers, error);
  return write_file (self, courses, path, n_answers, error);
}

/**
 * ak_progress_store_export_csv:
 * @courses: (nullable) (element-type AkCourse): courses to take titles
 *   from; where a course is missing, its ids stand in for the titles
 * @file: a local file; an existing regular file is replaced (keeping its
 *   permissions), anything else there is refused
 *
 * Exports the learner's attempts and answers as CSV (RFC 4180, UTF-8),
 * with course, quiz and question titles resolved and, per answer, whether
 * the question is still the version that was answered.
 */
gboolean
ak_progress_store_export_csv (AkProgressStore  *self,
                              GListModel       *courses,
                              GFile            *file,
                              GError          **error)
{
  g_autofree char *path = NULL;
  guint n_answers;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), FALSE);
  g_return_val_if_fail (courses == NULL || G_IS_LIST_MODEL (courses), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, AK_PROGRESS_ERROR, AK_PROGRESS_ERROR_FAILED,
                   _("Cannot write “%s”: progress can only be exported to a local file."), name);
      return FALSE;
    }
  return ak_progress_export_write (self, courses, path, NULL, &n_answers, error);
}

static void
print_line (GOutputStream *stream,
            const char    *text)
{
  /* A closed pipe must not change the exit status. */
  g_output_stream_printf (stream, NULL, NULL, NULL, "%s\n", text);
}

/**
 * ak_export_progress_command_run:
 * @csv_path: the file to write; "-" writes to @out
 * @store: (nullable): the store; %NULL opens the one at the default place
 *   for reading only
 * @courses: (nullable) (element-type AkCourse): courses to take titles from
 * @out: where the result goes (the CSV itself for "-")
 * @err: where problems go (and the result for "-")
 *
 * `akademie --export-progress FILE.csv`, without a window. It only reads
 * the progress database: a missing one is not created, an older one not
 * migrated and a damaged one not moved aside — that is for the app to do.
 *
 * Returns: the exit status: 0 when the file was written, 1 otherwise
 */
int
ak_export_progress_command_run (const char      *csv_path,
                                AkProgressStore *store,
                                GListModel      *courses,
                                GOutputStream   *out,
                                GOutputStream   *err)
{
  g_autoptr(AkProgressStore) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  guint n_answers = 0;

  g_return_val_if_fail (store == NULL || AK_IS_PROGRESS_STORE (store), 1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), 1);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (err), 1);

  if (csv_path == NULL || *csv_path == '\0')
    {
      print_line (err, _("No file given. Usage: akademie --export-progress FILE.csv"));
      return 1;
    }

  if (store == NULL)
    {
      store = opened = ak_progress_store_open_read_only (NULL, &error);
      if (store == NULL)
        {
          print_line (err, error->message);
          return 1;
        }
    }

  if (!ak_progress_export_write (store, courses, csv_path, out, &n_answers, &error))
    {
      print_line (err, error->message);
      return 1;
    }

  result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Exported %u answer to “%s”.",
                                         "Exported %u answers to “%s”.",
                                         n_answers),
                            n_answers, csv_path);
  print_line (g_str_equal (csv_path, "-") ? err : out, result);
  return 0;
}
