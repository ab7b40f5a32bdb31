/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-clock.h"
#include "ak-course.h"
#include "ak-fsrs.h"

G_BEGIN_DECLS

/*
 * The learner's progress, kept in one SQLite file. Progress is keyed by
 * course, lesson, quiz and question ids plus the content hash of what was
 * answered, so that an edited course keeps its learners' history. The
 * course model gives the structure (which lessons and questions exist,
 * which thesis a question tests); the store gives the history.
 *
 * Times are microseconds since the Unix epoch (UTC), as g_get_real_time()
 * returns them, read from the store's AkClock; 0 means "never". Days are the learner's local calendar days.
 * Queries return plain structs with a free function, or GPtrArrays that
 * free their elements. A store is used from one thread.
 */

#define AK_PROGRESS_ERROR (ak_progress_error_quark ())

/**
 * AkProgressError:
 * @AK_PROGRESS_ERROR_FAILED: any other problem; the message says what
 * @AK_PROGRESS_ERROR_DAMAGED: the database file is damaged. From
 *   ak_progress_store_get_recovery_error(): it was moved aside (the message
 *   names where) and a new one was started with what could still be read
 *   of it (the message says how many answers), or its indexes were rebuilt
 *   and nothing was lost.
 * @AK_PROGRESS_ERROR_TOO_NEW: the file was written by a newer Akademie and
 *   is left untouched
 * @AK_PROGRESS_ERROR_READ_ONLY: the file or its folder cannot be written
 * @AK_PROGRESS_ERROR_DISK_FULL: there is no space left to save progress
 * @AK_PROGRESS_ERROR_BUSY: another program held the database for too long
 * @AK_PROGRESS_ERROR_NOT_FOUND: there is no quiz attempt with that id
 * @AK_PROGRESS_ERROR_INVALID: the action does not fit the attempt: it has
 *   ended, or the question was answered in it already
 *
 * Every message is translated and can be shown to the learner as it is.
 * A failed action leaves nothing half-written behind.
 */
typedef enum
{
  AK_PROGRESS_ERROR_FAILED,
  AK_PROGRESS_ERROR_DAMAGED,
  AK_PROGRESS_ERROR_TOO_NEW,
  AK_PROGRESS_ERROR_READ_ONLY,
  AK_PROGRESS_ERROR_DISK_FULL,
  AK_PROGRESS_ERROR_BUSY,
  AK_PROGRESS_ERROR_NOT_FOUND,
  AK_PROGRESS_ERROR_INVALID
} AkProgressError;

typedef enum
{
  AK_ATTEMPT_IN_PROGRESS,
  AK_ATTEMPT_FINISHED,
  AK_ATTEMPT_ABANDONED
} AkAttemptState;

/* How a recorded answer relates to the course as it is now. */
typedef enum
{
  AK_QUESTION_VERSION_UNKNOWN,  /* the course was not given */
  AK_QUESTION_VERSION_CURRENT,  /* the question is unchanged */
  AK_QUESTION_VERSION_CHANGED,  /* the answer belongs to an older version */
  AK_QUESTION_VERSION_REMOVED   /* the question (or its quiz) is gone */
} AkQuestionVersion;

typedef struct
{
  gint64             id;
  char              *question_id;
  char              *question_hash;
  char              *response;      /* the JSON given to record_answer, verbatim */
  double             score;         /* 0 to 1 */
  gint64             answered;
  double             seconds;
  AkQuestionVersion  version;
} AkProgressAnswer;

typedef struct
{
  gint64          id;
  char           *course_id;
  char           *quiz_id;
  char           *course_version;
  char           *quiz_hash;
  AkAttemptState  state;
  gint64          started;
  gint64          finished;       /* finished or abandoned; 0 while in progress */
  double          score;          /* Σ score × points, once finished */
  double          max_score;      /* Σ points, once finished */
  gboolean        passed;
  double          seconds;        /* time spent answering */
  char          **question_order; /* question ids in the order shown; may be empty */
  guint           position;       /* index of the next question to show */
  GPtrArray      *answers;        /* AkProgressAnswer in the order answered;
                                   * filled by ak_progress_store_get_open_attempt() */
} AkProgressAttempt;

typedef struct
{
  char   *lesson_id;
  gint64  first_opened;
  gint64  last_opened;
  gint64  completed;        /* when first completed */
  double  seconds;
  char   *section_id;       /* last section read, nullable */
} AkLessonProgress;

typedef struct
{
  char    *quiz_id;
  guint    n_attempts;      /* finished attempts */
  double   best_score;      /* share of the maximum score, 0 to 1 */
  double   last_score;
  gboolean passed;          /* some finished attempt passed */
  gint64   open_attempt;    /* the attempt in progress, 0 if none */
} AkQuizProgress;

typedef enum
{
  AK_NEXT_STEP_DONE,        /* every lesson completed and every quiz passed */
  AK_NEXT_STEP_RESUME_QUIZ, /* quiz_id, attempt_id */
  AK_NEXT_STEP_READ_LESSON, /* lesson_id, section_id (NULL: from the start) */
  AK_NEXT_STEP_TAKE_QUIZ    /* quiz_id */
} AkNextStepKind;

typedef struct
{
  AkNextStepKind  kind;
  char           *lesson_id;
  char           *section_id;
  char           *quiz_id;
  gint64          attempt_id;
} AkNextStep;

typedef struct
{
  char       *course_id;
  guint       n_lessons;
  guint       n_lessons_completed;
  guint       n_quizzes;
  guint       n_quizzes_passed;
  double      seconds;        /* reading lessons and answering questions */
  GPtrArray  *lessons;        /* AkLessonProgress for every lesson, in course order */
  GPtrArray  *quizzes;        /* AkQuizProgress for every quiz, in course order */
  AkNextStep  next;
} AkCourseProgress;

typedef struct
{
  char   *course_id;          /* the course the thesis belongs to */
  char   *thesis_id;
  double  mastery;            /* 0 to 1; see ak_progress_store_get_mastery() */
  guint   n_questions;        /* questions that test the thesis */
  guint   n_answered;         /* of those, answered in their current version */
  guint   n_answers;          /* answers counted */
} AkThesisMastery;

typedef struct
{
  GDate  date;
  guint  n_answers;
  double correct_share;       /* mean score of the day's answers, 0 to 1 */
  double minutes;             /* reading lessons and answering questions */
} AkActivityDay;

/* A question's memory state for review scheduling (FSRS-6). Strings
 * and values are valid only during the call that gives them. */
typedef struct
{
  const char *course_id;
  const char *question_id;
  AkFsrsCard  card;
} AkProgressMemory;

/* Returns FALSE to stop. */
typedef gboolean (*AkProgressMemoryFunc) (const AkProgressMemory *memory,
                                          gpointer                user_data);

typedef struct
{
  GDate  first_day;           /* the week's Monday */
  guint  n_reviews;           /* answers to questions answered on an earlier day */
  guint  n_remembered;        /* of those, not answered wrong */
} AkRetentionWeek;

GQuark ak_progress_error_quark (void);

void ak_progress_answer_free   (AkProgressAnswer  *answer);
void ak_progress_attempt_free  (AkProgressAttempt *attempt);
void ak_lesson_progress_free   (AkLessonProgress  *lesson);
void ak_quiz_progress_free     (AkQuizProgress    *quiz);
void ak_course_progress_free   (AkCourseProgress  *progress);
void ak_thesis_mastery_free    (AkThesisMastery   *mastery);
void ak_retention_week_free    (AkRetentionWeek   *week);
gboolean ak_thesis_mastery_average (GPtrArray *theses,
                                    double    *average);

#define AK_TYPE_PROGRESS_STORE (ak_progress_store_get_type ())
G_DECLARE_FINAL_TYPE (AkProgressStore, ak_progress_store, AK, PROGRESS_STORE, GObject)

char               *ak_progress_store_get_default_path  (void);
AkProgressStore    *ak_progress_store_open              (const char       *path,
                                                         GError          **error);
const char         *ak_progress_store_get_path          (AkProgressStore  *self);
const GError       *ak_progress_store_get_recovery_error (AkProgressStore *self);
const char         *ak_progress_store_get_damaged_path  (AkProgressStore  *self);
void                ak_progress_store_set_clock         (AkProgressStore  *self,
                                                         AkClock          *clock);

/* The learner */
const char         *ak_progress_store_get_display_name  (AkProgressStore  *self);
gboolean            ak_progress_store_set_display_name  (AkProgressStore  *self,
                                                         const char       *display_name,
                                                         GError          **error);

/* Lessons */
gboolean            ak_progress_store_mark_lesson_opened (AkProgressStore *self,
                                                          const char      *course_id,
                                                          const char      *lesson_id,
                                                          const char      *section_id,
                                                          GError         **error);
gboolean            ak_progress_store_mark_section_read (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *lesson_id,
                                                         const char       *section_id,
                                                         GError          **error);
gboolean            ak_progress_store_add_lesson_seconds (AkProgressStore *self,
                                                          const char      *course_id,
                                                          const char      *lesson_id,
                                                          double           seconds,
                                                          GError         **error);
gboolean            ak_progress_store_mark_lesson_completed (AkProgressStore *self,
                                                             const char      *course_id,
                                                             const char      *lesson_id,
                                                             GError         **error);
AkLessonProgress   *ak_progress_store_get_lesson        (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *lesson_id,
                                                         GError          **error);

/* Quiz attempts */
gint64              ak_progress_store_start_attempt     (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *quiz_id,
                                                         const char       *course_version,
                                                         const char       *quiz_hash,
                                                         const char *const *question_order,
                                                         GError          **error);
AkProgressAttempt  *ak_progress_store_get_open_attempt  (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *quiz_id,
                                                         GError          **error);
gboolean            ak_progress_store_record_answer     (AkProgressStore  *self,
                                                         gint64            attempt_id,
                                                         const char       *question_id,
                                                         const char       *question_hash,
                                                         const char       *response_json,
                                                         double            score,
                                                         double            seconds,
                                                         guint             next_position,
                                                         GError          **error);
gboolean            ak_progress_store_finish_attempt    (AkProgressStore  *self,
                                                         gint64            attempt_id,
                                                         double            score,
                                                         double            max_score,
                                                         gboolean          passed,
                                                         GError          **error);
gboolean            ak_progress_store_abandon_attempt   (AkProgressStore  *self,
                                                         gint64            attempt_id,
                                                         GError          **error);

/* Practice outside attempts */
gboolean            ak_progress_store_record_practice_answer (AkProgressStore *self,
                                                              const char      *course_id,
                                                              const char      *quiz_id,
                                                              const char      *question_id,
                                                              const char      *question_hash,
                                                              const char      *response_json,
                                                              double           score,
                                                              double           seconds,
                                                              GError         **error);

/* Review (FSRS-6) */
gboolean            ak_progress_store_record_review_answer (AkProgressStore *self,
                                                            const char      *course_id,
                                                            const char      *quiz_id,
                                                            const char      *question_id,
                                                            const char      *question_hash,
                                                            const char      *response_json,
                                                            double           score,
                                                            double           seconds,
                                                            GError         **error);
gboolean            ak_progress_store_override_rating   (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *question_id,
                                                         AkRatingOverride  override,
                                                         AkRating         *rating,
                                                         GError          **error);
gboolean            ak_progress_store_get_memory        (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *question_id,
                                                         AkFsrsCard       *card,
                                                         GError          **error);
gboolean            ak_progress_store_foreach_memory    (AkProgressStore  *self,
                                                         gint64            max_due_day,
                                                         AkProgressMemoryFunc func,
                                                         gpointer          user_data,
                                                         GError          **error);
gboolean            ak_progress_store_count_reviews     (AkProgressStore  *self,
                                                         gint64            since,
                                                         guint            *n_reviews,
                                                         GError          **error);
gint64              ak_progress_store_get_today         (AkProgressStore  *self);

/* Queries */
AkCourseProgress   *ak_progress_store_get_course_progress (AkProgressStore *self,
                                                           AkCourse        *course,
                                                           GError         **error);
GPtrArray          *ak_progress_store_get_mastery       (AkProgressStore  *self,
                                                         AkCourse         *course,
                                                         GError          **error);
GPtrArray          *ak_progress_store_get_overall_mastery (AkProgressStore *self,
                                                           GListModel      *courses,
                                                           GError         **error);
GPtrArray          *ak_progress_store_get_activity      (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const GDate      *first,
                                                         const GDate      *last,
                                                         GError          **error);
GPtrArray          *ak_progress_store_get_retention     (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const GDate      *first,
                                                         const GDate      *last,
                                                         GError          **error);
GPtrArray          *ak_progress_store_get_quiz_history  (AkProgressStore  *self,
                                                         const char       *course_id,
                                                         const char       *quiz_id,
                                                         GError          **error);
GPtrArray          *ak_progress_store_get_last_mistakes (AkProgressStore  *self,
                                                         AkCourse         *course,
                                                         const char       *quiz_id,
                                                         GError          **error);

/* Export */
gboolean            ak_progress_store_export_csv        (AkProgressStore  *self,
                                                         GListModel       *courses,
                                                         GFile            *file,
                                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkProgressAnswer, ak_progress_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkProgressAttempt, ak_progress_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkLessonProgress, ak_lesson_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkQuizProgress, ak_quiz_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkCourseProgress, ak_course_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkThesisMastery, ak_thesis_mastery_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkRetentionWeek, ak_retention_week_free)

G_END_DECLS
