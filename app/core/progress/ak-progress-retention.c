/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <math.h>

#include "ak-progress-store-private.h"

/*
 * Retention from the answers alone, until the scheduler keeps its own
 * reviews: an answer is a review when the learner had answered the same
 * question on an earlier day, and it was remembered when it was not
 * answered wrong (what the scheduler rates Hard or better).
 */

void
ak_retention_week_free (AkRetentionWeek *week)
{
  g_free (week);
}

/* The Monday of @date's week. */
static void
week_start (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static gboolean
local_date (gint64  time,
            GDate  *date)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
  int year, month, day;

  if (date_time == NULL)
    return FALSE;
  g_date_time_get_ymd (date_time, &year, &month, &day);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * ak_progress_store_get_retention:
 * @course_id: (nullable): one course, or %NULL for all
 * @first: a day in the first week
 * @last: a day in the last week, not before @first
 *
 * The share of reviews the learner remembered, per week (Monday to
 * Sunday, local days). A review is an answer to a question the learner
 * had answered on an earlier day, in an attempt or while practising; it
 * counts as remembered when its score is above 0.
 *
 * Returns: (transfer full) (element-type AkRetentionWeek): one row for
 *   every week from the one holding @first to the one holding @last,
 *   weeks without reviews included; or %NULL with @error set
 */
GPtrArray *
ak_progress_store_get_retention (AkProgressStore  *self,
                                 const char       *course_id,
                                 const GDate      *first,
                                 const GDate      *last,
                                 GError          **error)
{
  static const char sql[] =
    "SELECT attempt.course_id, answer.question_id, answer.answered, answer.score"
    "  FROM answer JOIN attempt ON attempt.id = answer.attempt_id"
    " WHERE attempt.learner_id = ?1 AND (?2 IS NULL OR attempt.course_id = ?2)"
    " UNION ALL "
    "SELECT course_id, question_id, answered, score FROM practice_answer"
    " WHERE learner_id = ?1 AND (?2 IS NULL OR course_id = ?2)"
    " ORDER BY 3";
  g_autoptr(AkStatement) select = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GHashTable) last_days = NULL;
  GDate start, end, date;
  int rc;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  start = *first;
  week_start (&start);
  end = *last;
  week_start (&end);

  weeks = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_retention_week_free);
  for (date = start; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 7))
    {
      AkRetentionWeek *week = g_new0 (AkRetentionWeek, 1);

      week->first_day = date;
      g_ptr_array_add (weeks, week);
    }

  select = ak_progress_store_statement (self, sql, error);
  if (select == NULL)
    return NULL;
  sqlite3_bind_int64 (select, 1, ak_progress_store_get_learner_id (self));
  sqlite3_bind_text (select, 2, course_id, -1, SQLITE_STATIC);

  /* Every answer counts towards whether a later one is a review, also
   * those before @first. Keyed by course and question, valued by the
   * Julian day of the last answer. */
  last_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autofree char *key = NULL;
      gpointer previous = NULL;
      gboolean found;
      double score;
      guint julian;
      gint64 index;

      if (!ak_progress_row_check (select, 0, "ttir", error))
        return NULL;
      if (!local_date (sqlite3_column_int64 (select, 2), &date))
        continue;
      score = sqlite3_column_double (select, 3);
      julian = g_date_get_julian (&date);
      key = g_strconcat ((const char *)sqlite3_column_text (select, 0), "\n",
                         (const char *)sqlite3_column_text (select, 1), NULL);

      found = g_hash_table_lookup_extended (last_days, key, NULL, &previous);
      if (found && GPOINTER_TO_UINT (previous) >= julian)
        continue;
      g_hash_table_insert (last_days, g_steal_pointer (&key), GUINT_TO_POINTER (julian));
      if (!found)
        continue;

      index = ((gint64)julian - g_date_get_julian (&start)) / 7;
      if (julian < g_date_get_julian (&start) || index >= weeks->len)
        continue;
      ((AkRetentionWeek *)g_ptr_array_index (weeks, index))->n_reviews++;
      if (isfinite (score) && score > 0)
        ((AkRetentionWeek *)g_ptr_array_index (weeks, index))->n_remembered++;
    }
  if (!ak_progress_store_check (self, rc, error))
    return NULL;

  return g_steal_pointer (&weeks);
}
