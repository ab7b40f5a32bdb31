/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-context.h"
#include "ak-quiz-feedback.h"

G_BEGIN_DECLS

/* ak-quiz-feedback.c */
AkQuizFeedback *ak_quiz_feedback_new        (AkContext        *context,
                                             AkCourse         *course,
                                             const AkQuestion *question,
                                             const AkResponse *response,
                                             double            score,
                                             gboolean          changed);

/* ak-quiz-shuffle.c */
GRand          *ak_quiz_shuffle_rand_new    (const char       *key,
                                             const char       *question_id);
void            ak_quiz_shuffle             (GPtrArray        *array,
                                             GRand            *rand);
void            ak_quiz_shuffle_ordering    (GPtrArray        *items,
                                             GRand            *rand);
void            ak_quiz_shuffle_layout      (const AkQuestion *question,
                                             const char       *key,
                                             GPtrArray       **choices,
                                             GPtrArray       **targets);

G_END_DECLS
