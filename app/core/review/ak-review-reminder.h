/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-review-queue.h"

G_BEGIN_DECLS

/*
 * Whether to remind the learner of today's review: only once a review
 * day, and only when questions are due within the daily limit. The
 * application asks only when the learner wants reminders, keeps the day
 * of the last one in its settings and shows the reminder.
 */

guint ak_review_reminder_take_due (AkReviewQueue  *queue,
                                   gint64         *reminded_day,
                                   GError        **error);

G_END_DECLS
