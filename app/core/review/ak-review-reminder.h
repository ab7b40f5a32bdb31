/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-progress-store.h"

G_BEGIN_DECLS

/*
 * Whether to remind the learner of today's review: only when they asked
 * for reminders, only once a review day, and only when questions are due
 * within the daily limit. The application shows the reminder.
 */

guint ak_review_reminder_take_due (AkProgressStore  *store,
                                   GListModel       *courses,
                                   GSettings        *settings,
                                   GError          **error);

G_END_DECLS
