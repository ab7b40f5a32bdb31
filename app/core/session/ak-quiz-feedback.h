/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ak-course.h"
#include "ak-response.h"

G_BEGIN_DECLS

/* How an answer did as a whole. */
typedef enum
{
  AK_VERDICT_WRONG,          /* score 0 */
  AK_VERDICT_PARTLY_RIGHT,   /* score between 0 and 1 */
  AK_VERDICT_RIGHT           /* score 1 */
} AkVerdict;

/*
 * One part of an answer, for marking it right or wrong on the page:
 * - single and multiple choice: every choice, in the order of the file;
 *   @picked whether the learner picked it, @correct whether it is one
 *   of the right answers, @right whether the learner decided right
 *   about it (picked a right one or left a wrong one);
 * - true or false: two parts, @id "true" and "false", as for choices;
 * - gap text: every gap; @picked whether it was filled;
 * - ordering: every item in the learner's order; @right when it stands
 *   directly after the item that comes before it in the right order (the
 *   first item: when it stands first), the pairs the score counts;
 * - matching: every pair; @picked whether a right-hand item was chosen.
 * Short and numeric answers have no parts: the verdict says it all. Look
 * parts up by id; only ordering gives them in the order shown.
 */
typedef struct
{
  char     *id;
  gboolean  right;
  gboolean  picked;
  gboolean  correct;
} AkFeedbackPart;

/* Where a tested thesis is taught, for "read it again in the lesson".
 * @lesson_id and @section_id are %NULL when the thesis is not found, for
 * instance when it belongs to a course that is not in the library. */
typedef struct
{
  char *course_id;
  char *thesis_id;
  char *lesson_id;
  char *lesson_title;
  char *section_id;
  char *section_title;
} AkLessonLink;

/* What to show once an answer has been checked. */
typedef struct
{
  char      *question_id;
  double     score;            /* 0 to 1 */
  AkVerdict  verdict;
  GPtrArray *parts;            /* AkFeedbackPart */
  GPtrArray *choice_feedback;  /* markup: the trainer's feedback to what was picked */
  char      *explanation;      /* markup */
  GPtrArray *links;            /* AkLessonLink, one per tested thesis */
  gboolean   changed;          /* the question was edited after it was answered;
                                * @score is the one the answer got then */

  /*< private >*/
  gatomicrefcount ref_count;
} AkQuizFeedback;

#define AK_TYPE_QUIZ_FEEDBACK (ak_quiz_feedback_get_type ())

GType           ak_quiz_feedback_get_type (void) G_GNUC_CONST;
AkQuizFeedback *ak_quiz_feedback_ref      (AkQuizFeedback *self);
void            ak_quiz_feedback_unref    (AkQuizFeedback *self);
AkVerdict       ak_verdict_from_score     (double          score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkQuizFeedback, ak_quiz_feedback_unref)

G_END_DECLS
