/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ak-quiz-session.h"

G_BEGIN_DECLS

/*
 * What a checked answer earned: the verdict in words and with an icon,
 * the points, optionally the learner's answer beside the right one, the
 * explanation, and a button per tested thesis that opens the lesson
 * section teaching it ("open-lesson-section").
 */

#define AK_TYPE_FEEDBACK_VIEW (ak_feedback_view_get_type ())
G_DECLARE_FINAL_TYPE (AkFeedbackView, ak_feedback_view, AK, FEEDBACK_VIEW, GtkWidget)

GtkWidget  *ak_feedback_view_new           (void);
void        ak_feedback_view_set_feedback  (AkFeedbackView   *self,
                                            const AkQuestion *question,
                                            AkQuizFeedback   *feedback);
void        ak_feedback_view_set_answers   (AkFeedbackView   *self,
                                            const char       *response_text,
                                            const char       *right_text);
const char *ak_feedback_view_get_verdict   (AkFeedbackView   *self);
const char *ak_verdict_to_string           (AkVerdict         verdict);

G_END_DECLS
