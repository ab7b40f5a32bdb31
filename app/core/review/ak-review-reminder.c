/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-review-reminder.h"

/**
 * ak_review_reminder_take_due:
 * @queue: the questions due, with the daily limit set
 * @reminded_day: (inout): the review day of the last reminder, -1 for
 *   none; set to today when the learner is to be reminded
 *
 * Decides whether to remind the learner now.
 *
 * Returns: the number of questions to review today, or 0 when there is
 *   nothing to remind of (already reminded today, nothing due, or an
 *   error)
 */
guint
ak_review_reminder_take_due (AkReviewQueue  *queue,
                             gint64         *reminded_day,
                             GError        **error)
{
  gint64 today;
  guint n_items;

  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (queue), 0);
  g_return_val_if_fail (reminded_day != NULL, 0);

  if (!ak_review_queue_refresh (queue, error))
    return 0;

  today = ak_review_queue_get_today (queue);
  n_items = ak_review_queue_get_n_items (queue);
  if (n_items == 0 || *reminded_day == today)
    return 0;
  *reminded_day = today;
  return n_items;
}
