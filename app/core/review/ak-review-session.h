/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-context.h"
#include "ak-fsrs.h"
#include "ak-quiz-feedback.h"
#include "ak-response.h"

G_BEGIN_DECLS

/*
 * Today's review, without any display: the due questions of all loaded
 * courses one by one (see AkReviewQueue), graded and recorded as review
 * answers, with the same feedback as in a quiz. After the feedback the
 * learner may say "Das wusste ich sicher" or "Geraten", which rewrites
 * the rating of that answer.
 */

#define AK_TYPE_REVIEW_SESSION (ak_review_session_get_type ())
G_DECLARE_FINAL_TYPE (AkReviewSession, ak_review_session, AK, REVIEW_SESSION, GObject)

AkReviewSession  *ak_review_session_new            (AkContext        *context,
                                                    GListModel       *courses,
                                                    guint             daily_limit,
                                                    GError          **error);

guint             ak_review_session_get_n_questions (AkReviewSession *self);
guint             ak_review_session_get_n_due      (AkReviewSession  *self);
guint             ak_review_session_get_position   (AkReviewSession  *self);
const guint      *ak_review_session_get_forecast   (AkReviewSession  *self);
gboolean          ak_review_session_get_finished   (AkReviewSession  *self);

/* The question to answer now; NULL once all are answered */
AkCourse         *ak_review_session_get_course     (AkReviewSession  *self);
const AkQuiz     *ak_review_session_get_quiz       (AkReviewSession  *self);
const AkQuestion *ak_review_session_get_current    (AkReviewSession  *self);
GPtrArray        *ak_review_session_get_choices    (AkReviewSession  *self);
GPtrArray        *ak_review_session_get_targets    (AkReviewSession  *self);

/* Answering */
gboolean          ak_review_session_check          (AkReviewSession  *self,
                                                    AkResponse       *response,
                                                    AkQuizFeedback  **feedback,
                                                    AkRating         *rating,
                                                    GError          **error);
gboolean          ak_review_session_override       (AkReviewSession  *self,
                                                    AkRatingOverride  override,
                                                    AkRating         *rating,
                                                    GError          **error);
void              ak_review_session_next           (AkReviewSession  *self);

G_END_DECLS
