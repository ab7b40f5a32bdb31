/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-context.h"
#include "ak-review-session.h"

G_BEGIN_DECLS

/*
 * The daily review ("Wiederholen"): how many questions are due today,
 * after the daily limit, and the next seven days; then the due questions
 * one by one with the quiz's question widgets and feedback, and after the
 * feedback "Das wusste ich sicher" / "Geraten"; then a summary with the
 * questions the learner keeps forgetting. With nothing due, a status
 * page says when the next questions are.
 *
 * "open-lesson-section" (course_id, lesson_id, section_id) asks the
 * window to open the lesson section that teaches a question's thesis.
 */

#define AK_TYPE_REVIEW_PAGE (ak_review_page_get_type ())
G_DECLARE_FINAL_TYPE (AkReviewPage, ak_review_page, AK, REVIEW_PAGE, AdwBin)

AkReviewPage    *ak_review_page_new         (AkContext    *context);
void             ak_review_page_refresh     (AkReviewPage *self);
AkReviewSession *ak_review_page_get_session (AkReviewPage *self);

G_END_DECLS
