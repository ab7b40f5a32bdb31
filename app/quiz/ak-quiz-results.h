/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-quiz-session.h"

G_BEGIN_DECLS

/*
 * The end of an attempt or a practice round: the score in percent and in
 * points, passed or not against the pass mark, the time taken, and each
 * question with the learner's answer beside the right one and the
 * explanation. "Try Again" emits "retry", "Practise Mistakes" emits
 * "practice"; the buttons that open the lesson emit "open-lesson-section".
 */

#define AK_TYPE_QUIZ_RESULTS (ak_quiz_results_get_type ())
G_DECLARE_FINAL_TYPE (AkQuizResults, ak_quiz_results, AK, QUIZ_RESULTS, AdwBin)

GtkWidget *ak_quiz_results_new         (void);
void       ak_quiz_results_set_session (AkQuizResults *self,
                                        AkQuizSession *session);
void       ak_quiz_results_focus_first (AkQuizResults *self);

G_END_DECLS
