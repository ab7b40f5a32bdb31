/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-question-widget.h"

G_BEGIN_DECLS

/*
 * One question to answer, as the quiz page and the daily review show
 * it: "Question n of m" with a progress bar, the question, a line for
 * errors, the feedback once checked, and at the bottom "Check Answer",
 * then "Next", the window's default widget while the step is shown.
 * Enter checks, also while a choice has the focus, and then goes on.
 *
 * The step knows no session: "check" (response) asks the page to check
 * the answer, which then calls ak_question_step_show_feedback() or
 * ak_question_step_show_error(); "next" asks for the next question.
 * "open-lesson-section" passes on the feedback's link to the lesson.
 * A page adds its own widgets under the feedback with the "extra"
 * property.
 */

#define AK_TYPE_QUESTION_STEP (ak_question_step_get_type ())
G_DECLARE_FINAL_TYPE (AkQuestionStep, ak_question_step, AK, QUESTION_STEP, AdwBin)

AkQuestionStep   *ak_question_step_new                      (void);
void              ak_question_step_show_question            (AkQuestionStep   *self,
                                                             AkQuestionWidget *question,
                                                             guint             index,
                                                             guint             n_questions);
void              ak_question_step_clear                    (AkQuestionStep   *self);
void              ak_question_step_focus_question           (AkQuestionStep   *self);
void              ak_question_step_show_feedback            (AkQuestionStep   *self,
                                                             AkQuizFeedback   *feedback,
                                                             const char       *next_label);
void              ak_question_step_show_error               (AkQuestionStep   *self,
                                                             const char       *message);
AkQuestionWidget *ak_question_step_get_question             (AkQuestionStep   *self);
void              ak_question_step_set_caption              (AkQuestionStep   *self,
                                                             const char       *caption);
void              ak_question_step_set_mode_text            (AkQuestionStep   *self,
                                                             const char       *mode_text);
void              ak_question_step_set_check_label          (AkQuestionStep   *self,
                                                             const char       *label);
void              ak_question_step_set_progress_description (AkQuestionStep   *self,
                                                             const char       *description);
GtkWidget        *ak_question_step_get_extra                (AkQuestionStep   *self);
void              ak_question_step_set_extra                (AkQuestionStep   *self,
                                                             GtkWidget        *extra);

G_END_DECLS
