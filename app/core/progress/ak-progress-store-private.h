/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "ak-progress-store.h"
#include "ak-fsrs.h"

G_BEGIN_DECLS

/* The schema version this build writes; see ak-progress-schema.c. */
#define AK_PROGRESS_SCHEMA_VERSION 4

/* How long a write waits for another process before giving up. */
#define AK_PROGRESS_BUSY_TIMEOUT_MS 5000

/* Columns read by ak_progress_attempt_new_from_row(),
 * ak_lesson_progress_new_from_row() and ak_progress_answer_new_from_row(),
 * in this order. */
#define AK_PROGRESS_ATTEMPT_COLUMNS \
  "attempt.id, attempt.course_id, attempt.quiz_id, attempt.course_version, " \
  "attempt.quiz_hash, attempt.state, attempt.started, attempt.finished, attempt.score, " \
  "attempt.max_score, attempt.passed, attempt.seconds, attempt.question_order, attempt.position"
#define AK_PROGRESS_N_ATTEMPT_COLUMNS 14
#define AK_PROGRESS_LESSON_COLUMNS \
  "lesson_id, first_opened, last_opened, completed, seconds, section_id"
#define AK_PROGRESS_ANSWER_COLUMNS \
  "answer.id, answer.question_id, answer.question_hash, answer.response, answer.score, " \
  "answer.answered, answer.seconds"

/* A statement from the store's cache. g_autoptr(AkStatement) resets it and
 * clears its bindings when it goes out of scope; it stays prepared. */
typedef sqlite3_stmt AkStatement;
void          ak_statement_release              (AkStatement     *statement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkStatement, ak_statement_release)

/* ak-progress-error.c */
void          ak_progress_set_sqlite_error      (GError         **error,
                                                 sqlite3         *db,
                                                 int              rc);
void          ak_progress_set_errno_error       (GError         **error,
                                                 int              saved_errno,
                                                 const char      *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
AkProgressError ak_progress_error_from_errno    (int              saved_errno,
                                                 AkProgressError  otherwise);

/* ak-progress-schema.c */
/* What opening found and did, for the learner to be told. */
typedef struct
{
  char     *damaged_path;     /* where a damaged file was moved, or NULL */
  gboolean  salvaged;         /* rows were copied from it */
  guint     n_answers_kept;
  guint     n_answers_total;
  gboolean  repaired;         /* stale indexes were rebuilt */
} AkProgressOpenReport;

sqlite3      *ak_progress_schema_open           (const char      *path,
                                                 AkProgressOpenReport *report,
                                                 GError         **error);
sqlite3      *ak_progress_schema_open_read_only (const char      *path,
                                                 GError         **error);
gboolean      ak_progress_schema_version_is_known (int            version);
char         *ak_progress_day_key               (gint64           time);
int           ak_progress_add_to_day            (sqlite3_stmt    *activity_day_upsert,
                                                 gint64           learner_id,
                                                 const char      *course_id,
                                                 gint64           time,
                                                 guint            n_answers,
                                                 double           score_sum,
                                                 double           seconds);
int           ak_progress_add_answer_to_stats   (sqlite3_stmt    *question_stat_upsert,
                                                 sqlite3_stmt    *activity_day_upsert,
                                                 gint64           learner_id,
                                                 const char      *course_id,
                                                 const char      *question_id,
                                                 const char      *question_hash,
                                                 double           score,
                                                 gint64           answered,
                                                 double           seconds);
extern const char ak_progress_question_stat_upsert_sql[];
extern const char ak_progress_activity_day_upsert_sql[];

/* ak-progress-salvage.c */
gboolean      ak_progress_salvage               (sqlite3         *db,
                                                 const char      *damaged_path,
                                                 guint           *n_answers_kept,
                                                 guint           *n_answers_total);

/* ak-progress-store.c */
AkProgressStore *ak_progress_store_open_read_only (const char    *path,
                                                   GError       **error);
sqlite3      *ak_progress_store_get_db          (AkProgressStore *self);
gint64        ak_progress_store_get_learner_id  (AkProgressStore *self);
AkStatement  *ak_progress_store_statement       (AkProgressStore *self,
                                                 const char      *sql,
                                                 GError         **error);
gboolean      ak_progress_store_check           (AkProgressStore *self,
                                                 int              rc,
                                                 GError         **error);
gint64        ak_progress_store_now             (AkProgressStore *self);
/* One write transaction: end() commits when @ok, rolls back otherwise,
 * and returns whether it committed. */
gboolean      ak_progress_store_begin           (AkProgressStore *self,
                                                 GError         **error);
gboolean      ak_progress_store_end             (AkProgressStore *self,
                                                 gboolean         ok,
                                                 GError         **error);
/* Tests and benchmarks: every "now" is @now from here on (0: the clock). */
void          ak_progress_store_set_now         (AkProgressStore *self,
                                                 gint64           now);

/* ak-progress-practice.c */
gboolean      ak_progress_practice_add_seconds  (AkProgressStore *self,
                                                 const char      *course_id,
                                                 double          *seconds,
                                                 GError         **error);

/* ak-progress-memory.c */
/* Where an answer was given, as the review log keeps it. */
#define AK_REVIEW_KIND_QUIZ "quiz"
#define AK_REVIEW_KIND_PRACTICE "practice"
#define AK_REVIEW_KIND_REVIEW "review"
gboolean      ak_progress_memory_backfill       (sqlite3         *db,
                                                 gboolean         from_answers,
                                                 GError         **error);
gboolean      ak_progress_store_has_memory      (AkProgressStore *self);
gboolean      ak_progress_memory_add_review     (AkProgressStore *self,
                                                 const char      *course_id,
                                                 const char      *question_id,
                                                 const char      *kind,
                                                 AkRating         rating,
                                                 gint64           time,
                                                 GError         **error);

/* ak-progress-results.c */
AkLessonProgress  *ak_lesson_progress_new           (const char   *lesson_id);
AkLessonProgress  *ak_lesson_progress_new_from_row  (sqlite3_stmt *statement,
                                                     GError      **error);
AkProgressAttempt *ak_progress_attempt_new_from_row (sqlite3_stmt *statement,
                                                     GError      **error);
AkProgressAnswer  *ak_progress_answer_new_from_row  (sqlite3_stmt *statement,
                                                     int           first_column,
                                                     GError      **error);
gboolean           ak_progress_row_check            (sqlite3_stmt *statement,
                                                     int           first_column,
                                                     const char   *types,
                                                     GError      **error);
void               ak_progress_set_damaged_error    (GError      **error);
const char        *ak_attempt_state_to_string       (AkAttemptState state);
AkQuestionVersion  ak_question_version_in_course    (AkCourse     *course,
                                                     const char   *quiz_id,
                                                     const char   *question_id,
                                                     const char   *question_hash);

/* ak-progress-export.c */
gboolean      ak_csv_starts_formula             (const char      *value);
void          ak_csv_append_text                (GString         *line,
                                                 const char      *value,
                                                 gsize            max_chars);
gboolean      ak_progress_export_write          (AkProgressStore *self,
                                                 GListModel      *courses,
                                                 const char      *path,
                                                 GOutputStream   *standard_output,
                                                 guint           *n_answers,
                                                 GError         **error);

G_END_DECLS
