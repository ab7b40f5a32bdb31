/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-quiz-session.h"

G_BEGIN_DECLS

/* Numbers, times and answers as the quiz page writes them for the
 * learner, in the learner's language. */

char *ak_quiz_format_number         (double            value);
char *ak_quiz_format_percent        (double            percent);
char *ak_quiz_format_duration       (double            seconds);
char *ak_quiz_describe_response     (AkQuizSession    *session,
                                     const AkQuestion *question,
                                     const AkResponse *response);
char *ak_quiz_describe_right_answer (const AkQuestion *question);

G_END_DECLS
