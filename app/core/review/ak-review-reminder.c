/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-review-reminder.h"
#include "ak-review-queue.h"

/**
 * ak_review_reminder_take_due:
 * @courses: the loaded courses
 * @settings: the application's settings, which say whether to remind and
 *   keep the day of the last reminder
 *
 * Decides whether to remind the learner now, and if so notes that today
 * is reminded, so that the next call on the same review day says no.
 *
 * Returns: the number of questions to review today, or 0 when there is
 *   nothing to remind of (reminders off, already reminded today, nothing
 *   due, or an error)
 */
guint
ak_review_reminder_take_due (AkProgressStore  *store,
                             GListModel       *courses,
                             GSettings        *settings,
                             GError          **error)
{
  g_autoptr(AkReviewQueue) queue = NULL;
  gint64 today;
  guint n_items;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (store), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (courses), 0);
  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);

  if (!g_settings_get_boolean (settings, "review-notifications"))
    return 0;

  queue = ak_review_queue_new (store, courses);
  ak_review_queue_set_daily_limit (queue, g_settings_get_uint (settings, "review-daily-limit"));
  if (!ak_review_queue_refresh (queue, error))
    return 0;

  today = ak_review_queue_get_today (queue);
  n_items = ak_review_queue_get_n_items (queue);
  if (n_items == 0 || g_settings_get_int64 (settings, "review-reminded-day") == today)
    return 0;
  g_settings_set_int64 (settings, "review-reminded-day", today);
  return n_items;
}
