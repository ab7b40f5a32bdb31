/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-course.h"
#include "ak-response.h"

G_BEGIN_DECLS

double      ak_grade          (const AkQuestion *question,
                               const AkResponse *response);
GPtrArray  *ak_grade_feedback (const AkQuestion *question,
                               const AkResponse *response);
double      ak_quiz_score     (const AkQuiz     *quiz,
                               GHashTable       *scores_by_question_id,
                               double           *max_points);
gboolean    ak_quiz_is_passed (const AkQuiz     *quiz,
                               double            points,
                               double            max_points);

G_END_DECLS
