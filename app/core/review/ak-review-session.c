/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-review-session.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ak-grading.h"
#include "ak-quiz-session-private.h"
#include "ak-review-queue.h"

/* One question of today's review; the course is held, so that a library
 * reload during the review leaves the question as it was shown. */
typedef struct
{
  AkCourse         *course;
  const AkQuiz     *quiz;
  const AkQuestion *question;
} Item;

struct _AkReviewSession
{
  GObject     parent_instance;

  AkContext  *context;
  GArray     *items;          /* Item, in the order to ask */
  guint       n_due;
  guint       forecast[AK_REVIEW_FORECAST_DAYS];
  guint       position;       /* the question shown */
  gboolean    answered;       /* the one at @position has been checked */
  char       *key;            /* seeds the order of choices */
  GPtrArray  *choices;
  GPtrArray  *targets;
  gint64      shown;          /* monotonic time the question was shown */
};

G_DEFINE_FINAL_TYPE (AkReviewSession, ak_review_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (Item *item)
{
  g_clear_object (&item->course);
}

static void
ak_review_session_finalize (GObject *object)
{
  AkReviewSession *self = (AkReviewSession *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->items, g_array_unref);
  g_free (self->key);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (ak_review_session_parent_class)->finalize (object);
}

static void
ak_review_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AkReviewSession *self = AK_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_review_session_class_init (AkReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ak_review_session_finalize;
  object_class->get_property = ak_review_session_get_property;

  /**
   * AkReviewSession:position:
   *
   * The index of the question shown; the number of questions once all
   * are answered.
   */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ak_review_session_init (AkReviewSession *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify)item_clear);
}

static gint64
now_monotonic (AkReviewSession *self)
{
  return ak_clock_get_monotonic_time (ak_context_get_clock (self->context));
}

static const Item *
current_item (AkReviewSession *self)
{
  if (self->position >= self->items->len)
    return NULL;
  return &g_array_index (self->items, Item, self->position);
}

/* Lays out the current question's choices and starts its clock. */
static void
show_current (AkReviewSession *self)
{
  const Item *item = current_item (self);

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  if (item != NULL)
    ak_quiz_shuffle_layout (item->question, self->key, &self->choices, &self->targets);
  self->answered = FALSE;
  self->shown = now_monotonic (self);
}

/**
 * ak_review_session_new:
 * @context: with a progress store
 * @courses: (nullable): a #GListModel of #AkCourse; %NULL for the
 *   context's library
 * @daily_limit: the most reviews a day, counting those done today already
 *
 * Starts today's review with the questions due in @courses.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with @error set
 */
AkReviewSession *
ak_review_session_new (AkContext   *context,
                       GListModel  *courses,
                       guint        daily_limit,
                       GError    **error)
{
  g_autoptr(AkReviewSession) self = NULL;
  g_autoptr(AkReviewQueue) queue = NULL;
  AkProgressStore *store;
  guint n;

  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (courses == NULL || G_IS_LIST_MODEL (courses), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = ak_context_get_store (context);
  if (courses == NULL && ak_context_get_library (context) != NULL)
    courses = G_LIST_MODEL (ak_context_get_library (context));
  if (store == NULL || courses == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Your progress is not available, so there is nothing to review."));
      return NULL;
    }

  self = g_object_new (AK_TYPE_REVIEW_SESSION, NULL);
  self->context = g_object_ref (context);
  queue = ak_review_queue_new (store, courses);
  ak_review_queue_set_daily_limit (queue, daily_limit);
  if (!ak_review_queue_refresh (queue, error))
    return NULL;

  n = ak_review_queue_get_n_items (queue);
  for (guint i = 0; i < n; i++)
    {
      const AkReviewItem *queued = ak_review_queue_get_item (queue, i);
      Item item = { g_object_ref (queued->course), queued->quiz, queued->question };

      g_array_append_val (self->items, item);
    }
  self->n_due = ak_review_queue_get_n_due (queue);
  memcpy (self->forecast, ak_review_queue_get_forecast (queue), sizeof self->forecast);
  /* Choices come in an order of the day's own. */
  self->key = g_strdup_printf ("review/%" G_GINT64_FORMAT, ak_review_queue_get_today (queue));
  show_current (self);
  return g_steal_pointer (&self);
}

/**
 * ak_review_session_get_n_questions:
 *
 * Returns: the questions of this review: those due, up to the limit
 */
guint
ak_review_session_get_n_questions (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), 0);
  return self->items->len;
}

/**
 * ak_review_session_get_n_due:
 *
 * Returns: the questions due today, whatever the limit
 */
guint
ak_review_session_get_n_due (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), 0);
  return self->n_due;
}

guint
ak_review_session_get_position (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), 0);
  return self->position;
}

/**
 * ak_review_session_get_forecast:
 *
 * Returns: (array fixed-size=7): the questions due on each of the next
 *   seven days, tomorrow first, as it was when the review started
 */
const guint *
ak_review_session_get_forecast (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), NULL);
  return self->forecast;
}

/**
 * ak_review_session_get_finished:
 *
 * Returns: whether every question has been answered (or there was none)
 */
gboolean
ak_review_session_get_finished (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), TRUE);
  return self->position >= self->items->len
         || (self->answered && self->position + 1 >= self->items->len);
}

/**
 * ak_review_session_get_course:
 *
 * Returns: (transfer none) (nullable): the course of the question shown
 */
AkCourse *
ak_review_session_get_course (AkReviewSession *self)
{
  const Item *item;

  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), NULL);
  item = current_item (self);
  return item != NULL ? item->course : NULL;
}

const AkQuiz *
ak_review_session_get_quiz (AkReviewSession *self)
{
  const Item *item;

  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), NULL);
  item = current_item (self);
  return item != NULL ? item->quiz : NULL;
}

/**
 * ak_review_session_get_current:
 *
 * Returns: (transfer none) (nullable): the question shown; it stays the
 *   one shown after it is checked, until ak_review_session_next()
 */
const AkQuestion *
ak_review_session_get_current (AkReviewSession *self)
{
  const Item *item;

  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), NULL);
  item = current_item (self);
  return item != NULL ? item->question : NULL;
}

/**
 * ak_review_session_get_choices:
 *
 * Returns: (transfer none) (element-type AkChoice) (nullable): the
 *   choices or ordering items of the question shown, in the order to
 *   show them; empty for other question types
 */
GPtrArray *
ak_review_session_get_choices (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), NULL);
  return self->choices;
}

/**
 * ak_review_session_get_targets:
 *
 * Returns: (transfer none) (element-type AkMatchTarget) (nullable): the
 *   right-hand items of a matching question, in the order to show them
 */
GPtrArray *
ak_review_session_get_targets (AkReviewSession *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), NULL);
  return self->targets;
}

/**
 * ak_review_session_check:
 * @response: the learner's answer to the question shown
 * @feedback: (out) (optional) (transfer full): what to show, as in a quiz
 * @rating: (out) (optional): the rating grading gave the answer
 *
 * Grades the answer and records it as a review answer, with the time
 * taken, in one transaction with the question's new memory state. The
 * question stays the one shown, for its feedback and an override.
 *
 * Returns: %TRUE when the answer was recorded; %FALSE with @error set
 *   when it could not be (nothing changes then) or was given already
 */
gboolean
ak_review_session_check (AkReviewSession  *self,
                         AkResponse       *response,
                         AkQuizFeedback  **feedback,
                         AkRating         *rating,
                         GError          **error)
{
  const Item *item;
  g_autofree char *json = NULL;
  double seconds;
  double score;

  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (feedback != NULL)
    *feedback = NULL;
  item = current_item (self);
  if (item == NULL || self->answered)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This question has already been answered."));
      return FALSE;
    }
  g_return_val_if_fail (ak_response_get_question_type (response) == item->question->type, FALSE);

  score = ak_grade (item->question, response);
  json = ak_response_to_json (response);
  seconds = MAX (now_monotonic (self) - self->shown, 0) / (double)G_USEC_PER_SEC;
  if (!ak_progress_store_record_review_answer (ak_context_get_store (self->context),
                                               ak_course_get_id (item->course), item->quiz->id,
                                               item->question->id, item->question->hash, json,
                                               score, seconds, error))
    return FALSE;

  self->answered = TRUE;
  if (rating != NULL)
    *rating = ak_fsrs_rating_from_score (score);
  if (feedback != NULL)
    *feedback = ak_quiz_feedback_new (self->context, item->course, item->question, response,
                                      score, FALSE);
  return TRUE;
}

/**
 * ak_review_session_override:
 * @override: "Das wusste ich sicher" or "Geraten"; %AK_RATING_OVERRIDE_NONE
 *   takes it back
 * @rating: (out) (optional): the rating the answer has now
 *
 * Rewrites the rating of the answer just checked and recomputes the
 * question's memory state (see ak_fsrs_rating_override()).
 */
gboolean
ak_review_session_override (AkReviewSession   *self,
                            AkRatingOverride   override,
                            AkRating          *rating,
                            GError           **error)
{
  const Item *item;

  g_return_val_if_fail (AK_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  item = current_item (self);
  if (item == NULL || !self->answered)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Answer the question before saying how sure you were."));
      return FALSE;
    }
  return ak_progress_store_override_rating (ak_context_get_store (self->context),
                                            ak_course_get_id (item->course), item->question->id,
                                            override, rating, error);
}

/**
 * ak_review_session_next:
 *
 * Moves on to the next question, answered or not: a question skipped
 * stays due and comes back in the next review.
 */
void
ak_review_session_next (AkReviewSession *self)
{
  g_return_if_fail (AK_IS_REVIEW_SESSION (self));

  if (self->position >= self->items->len)
    return;
  self->position++;
  show_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
