/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-context.h"
#include "ak-course.h"
#include "ak-quiz-feedback.h"
#include "ak-response.h"

G_BEGIN_DECLS

/*
 * One attempt at a quiz, or one practice round, without any display: it
 * starts or resumes the attempt in the progress store, gives the questions
 * and their choices in the order this attempt shows them, grades and
 * records each answer, and says what feedback to show, the score and
 * whether the quiz is passed. The quiz page only shows what it says.
 * Exam mode is not kept with the attempt: set it again after resuming.
 */

/* A right-hand item of a matching question: a pair's right side (@id is
 * the pair's id) or a distractor. */
typedef struct
{
  const char *id;
  const char *markup;
  gboolean    distractor;
} AkMatchTarget;

/* How a question of the attempt differs from the quiz as it is now. */
typedef enum
{
  AK_QUIZ_CHANGE_ADDED,     /* new in the quiz: asked at the end */
  AK_QUIZ_CHANGE_CHANGED,   /* edited after it was answered: the answer stands */
  AK_QUIZ_CHANGE_REMOVED    /* gone from the quiz: no longer asked or counted */
} AkQuizChangeKind;

typedef struct
{
  const char       *question_id;
  AkQuizChangeKind  kind;
} AkQuizChange;

#define AK_TYPE_QUIZ_SESSION (ak_quiz_session_get_type ())
G_DECLARE_FINAL_TYPE (AkQuizSession, ak_quiz_session, AK, QUIZ_SESSION, GObject)

AkQuizSession  *ak_quiz_session_new              (AkContext         *context,
                                                  AkCourse          *course,
                                                  const char        *quiz_id,
                                                  GError           **error);
AkQuizSession  *ak_quiz_session_new_practice     (AkContext         *context,
                                                  AkCourse          *course,
                                                  const char        *quiz_id,
                                                  const char *const *question_ids,
                                                  GError           **error);
AkQuizSession  *ak_quiz_session_start_practice   (AkQuizSession     *self,
                                                  GError           **error);

AkContext      *ak_quiz_session_get_context      (AkQuizSession     *self);
AkCourse       *ak_quiz_session_get_course       (AkQuizSession     *self);
AkQuiz         *ak_quiz_session_get_quiz         (AkQuizSession     *self);
gint64          ak_quiz_session_get_attempt_id   (AkQuizSession     *self);
gboolean        ak_quiz_session_get_resumed      (AkQuizSession     *self);
gboolean        ak_quiz_session_get_practice     (AkQuizSession     *self);
gboolean        ak_quiz_session_get_exam_mode    (AkQuizSession     *self);
void            ak_quiz_session_set_exam_mode    (AkQuizSession     *self,
                                                  gboolean           exam_mode);
GPtrArray      *ak_quiz_session_get_changes      (AkQuizSession     *self);

/* The questions, in the order of this attempt */
guint           ak_quiz_session_get_n_questions  (AkQuizSession     *self);
AkQuestion     *ak_quiz_session_get_question     (AkQuizSession     *self,
                                                  guint              index);
guint           ak_quiz_session_get_position     (AkQuizSession     *self);
AkQuestion     *ak_quiz_session_get_current      (AkQuizSession     *self);
GPtrArray      *ak_quiz_session_get_choices      (AkQuizSession     *self,
                                                  const char        *question_id);
GPtrArray      *ak_quiz_session_get_targets      (AkQuizSession     *self,
                                                  const char        *question_id);
gboolean        ak_quiz_session_is_answered      (AkQuizSession     *self,
                                                  const char        *question_id);
AkResponse     *ak_quiz_session_get_response     (AkQuizSession     *self,
                                                  const char        *question_id);

/* Answering */
gboolean        ak_quiz_session_check            (AkQuizSession     *self,
                                                  AkResponse        *response,
                                                  AkQuizFeedback   **feedback,
                                                  GError           **error);
AkQuizFeedback *ak_quiz_session_get_feedback     (AkQuizSession     *self,
                                                  const char        *question_id);

/* The result */
double          ak_quiz_session_get_points       (AkQuizSession     *self);
double          ak_quiz_session_get_max_points   (AkQuizSession     *self);
double          ak_quiz_session_get_percent      (AkQuizSession     *self);
double          ak_quiz_session_get_seconds      (AkQuizSession     *self);
gboolean        ak_quiz_session_get_passed       (AkQuizSession     *self);
GStrv           ak_quiz_session_list_missed      (AkQuizSession     *self);
gboolean        ak_quiz_session_get_finished     (AkQuizSession     *self);
gboolean        ak_quiz_session_finish           (AkQuizSession     *self,
                                                  GError           **error);
gboolean        ak_quiz_session_abandon          (AkQuizSession     *self,
                                                  GError           **error);

G_END_DECLS
