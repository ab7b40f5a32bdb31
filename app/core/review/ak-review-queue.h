/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-course.h"
#include "ak-fsrs.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

/*
 * The daily review: the questions due today across all courses that are
 * loaded (a question removed from its course is not asked), most overdue
 * first, interleaved across courses, up to a daily limit that counts the
 * reviews already done today; the due counts of the next days; and the
 * questions the learner keeps forgetting.
 */

#define AK_REVIEW_DEFAULT_DAILY_LIMIT 50
#define AK_REVIEW_FORECAST_DAYS 7
/* Forgotten this often, a question is a difficult one. */
#define AK_REVIEW_DIFFICULT_LAPSES 4

typedef struct
{
  AkCourse         *course;      /* held by the queue */
  const AkQuiz     *quiz;
  const AkQuestion *question;
  AkFsrsCard        card;
  double            overdueness; /* days since the last review / days scheduled; ≥ 1 when due */

  /*< private >*/
  gint64            band;        /* overdueness in whole percent */
  guint             mix;         /* orders the questions of a band */
  gconstpointer     entry;
} AkReviewItem;

/* A question forgotten again and again, and where to reread it. The
 * lesson and section are %NULL when the thesis it tests is not found. */
typedef struct
{
  char  *course_id;
  char  *course_title;
  char  *quiz_id;
  char  *question_id;
  char  *prompt_text;
  guint  lapses;
  guint  reps;
  char  *lesson_id;
  char  *lesson_title;
  char  *section_id;
  char  *section_title;
} AkDifficultQuestion;

void ak_difficult_question_free (AkDifficultQuestion *question);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkDifficultQuestion, ak_difficult_question_free)

#define AK_TYPE_REVIEW_QUEUE (ak_review_queue_get_type ())
G_DECLARE_FINAL_TYPE (AkReviewQueue, ak_review_queue, AK, REVIEW_QUEUE, GObject)

AkReviewQueue      *ak_review_queue_new             (AkProgressStore *store,
                                                     GListModel      *courses);
void                ak_review_queue_set_daily_limit (AkReviewQueue   *self,
                                                     guint            limit);
guint               ak_review_queue_get_daily_limit (AkReviewQueue   *self);
gboolean            ak_review_queue_refresh         (AkReviewQueue   *self,
                                                     GError         **error);

gint64              ak_review_queue_get_today       (AkReviewQueue   *self);
guint               ak_review_queue_get_n_due       (AkReviewQueue   *self);
guint               ak_review_queue_get_n_done_today (AkReviewQueue  *self);
guint               ak_review_queue_get_n_items     (AkReviewQueue   *self);
const AkReviewItem *ak_review_queue_get_item        (AkReviewQueue   *self,
                                                     guint            index);
const guint        *ak_review_queue_get_forecast    (AkReviewQueue   *self);

GPtrArray          *ak_review_list_difficult        (AkProgressStore *store,
                                                     GListModel      *courses,
                                                     guint            min_lapses,
                                                     GError         **error);

G_END_DECLS
