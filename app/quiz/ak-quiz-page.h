/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-context.h"
#include "ak-course.h"
#include "ak-quiz-session.h"

G_BEGIN_DECLS

/*
 * A quiz from its intro to its results: the intro says what the quiz
 * asks and offers to start, or to resume or start over an unfinished
 * attempt; then one question per page, checked and explained; then the
 * results, with "Try Again" and "Practise Mistakes". No attempt is
 * started before the learner asks for it. Every answer is saved the
 * moment it is checked, so leaving the page needs no question.
 *
 * "open-lesson-section" (course_id, lesson_id, section_id) asks the
 * window to open the lesson section that teaches a question's thesis;
 * the course can be another one than the quiz's.
 */

#define AK_TYPE_QUIZ_PAGE (ak_quiz_page_get_type ())
G_DECLARE_FINAL_TYPE (AkQuizPage, ak_quiz_page, AK, QUIZ_PAGE, AdwBin)

AkQuizPage    *ak_quiz_page_new                    (AkContext  *context,
                                                    AkCourse   *course,
                                                    const char *quiz_id);
AkCourse      *ak_quiz_page_get_course             (AkQuizPage *self);
const char    *ak_quiz_page_get_quiz_id            (AkQuizPage *self);
AkQuizSession *ak_quiz_page_get_session            (AkQuizPage *self);
gboolean       ak_quiz_page_get_exam_mode          (AkQuizPage *self);
void           ak_quiz_page_set_exam_mode          (AkQuizPage *self,
                                                    gboolean    exam_mode);
gboolean       ak_quiz_page_get_final_test         (AkQuizPage *self);
gboolean       ak_quiz_page_get_leaving_open_exam  (AkQuizPage *self);

G_END_DECLS
