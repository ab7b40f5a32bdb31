/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-grading.h"

#include <float.h>
#include <math.h>

#include "ak-text-match.h"

typedef double (*AkGradeFunc) (const AkQuestion *question,
                               const AkResponse *response);

/* Whether the learner picked @choice_id in a single- or multiple-choice question. */
static gboolean
choice_is_picked (const AkResponse *response,
                  const char       *choice_id)
{
  if (ak_response_get_question_type (response) == AK_QUESTION_SINGLE_CHOICE)
    return g_strcmp0 (ak_response_get_choice (response), choice_id) == 0;
  return ak_response_get_choice_selected (response, choice_id);
}

/* 1 if the correct choice is picked, else 0. */
static double
grade_single_choice (const AkQuestion *question,
                     const AkResponse *response)
{
  for (guint i = 0; i < question->choices->len; i++)
    {
      AkChoice *choice = g_ptr_array_index (question->choices, i);

      if (choice->correct && choice_is_picked (response, choice->id))
        return 1.0;
    }
  return 0.0;
}

/* With C correct and W wrong choices, r correct and w wrong picked:
 * max (0, r/C − w/W), the second term 0 when W = 0. Picking everything or
 * nothing scores 0, so guessing does not pay. */
static double
grade_multiple_choice (const AkQuestion *question,
                       const AkResponse *response)
{
  guint n_correct = 0;
  guint n_wrong = 0;
  guint picked_correct = 0;
  guint picked_wrong = 0;
  double score;

  for (guint i = 0; i < question->choices->len; i++)
    {
      AkChoice *choice = g_ptr_array_index (question->choices, i);
      gboolean picked = choice_is_picked (response, choice->id);

      if (choice->correct)
        {
          n_correct++;
          picked_correct += picked ? 1 : 0;
        }
      else
        {
          n_wrong++;
          picked_wrong += picked ? 1 : 0;
        }
    }

  if (n_correct == 0)
    return 0.0;
  score = (double)picked_correct / n_correct;
  if (n_wrong > 0)
    score -= (double)picked_wrong / n_wrong;
  return MAX (score, 0.0);
}

/* 1 if the learner's answer is the right one, else 0. */
static double
grade_true_false (const AkQuestion *question,
                  const AkResponse *response)
{
  gboolean value;

  if (!ak_response_get_boolean (response, &value))
    return 0.0;
  return !value == !question->answer ? 1.0 : 0.0;
}

/* The share of gaps filled with an accepted answer (lenient matching). */
static double
grade_gap_text (const AkQuestion *question,
                const AkResponse *response)
{
  guint right = 0;

  if (question->gaps->len == 0)
    return 0.0;

  for (guint i = 0; i < question->gaps->len; i++)
    {
      AkGap *gap = g_ptr_array_index (question->gaps, i);

      if (ak_text_matches (ak_response_get_gap (response, gap->id),
                           (const char *const *)gap->accepted, gap->umlaut_spellings))
        right++;
    }
  return (double)right / question->gaps->len;
}

/* Of the n − 1 neighbouring pairs of the correct order (item k followed by
 * item k + 1), the share that stand directly one after the other in the
 * learner's order. A reversed list scores 0. A response names each item
 * at most once (AkResponse sees to that), so no pair counts twice. */
static double
grade_ordering (const AkQuestion *question,
                const AkResponse *response)
{
  const char *const *order = ak_response_get_order (response);
  guint n = question->items->len;
  g_autoptr(GHashTable) positions = NULL;
  guint n_kept = 0;

  if (n < 2 || order == NULL)
    return 0.0;

  /* Item id → 1 + its index in the correct order; 0 means unknown. */
  positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      AkChoice *item = g_ptr_array_index (question->items, i);

      g_hash_table_insert (positions, item->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; order[i] != NULL && order[i + 1] != NULL; i++)
    {
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (positions, order[i]));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (positions, order[i + 1]));

      if (a != 0 && b == a + 1)
        n_kept++;
    }
  return (double)n_kept / (n - 1);
}

/* The share of left-hand items matched to their own right-hand item. */
static double
grade_matching (const AkQuestion *question,
                const AkResponse *response)
{
  guint right = 0;

  if (question->pairs->len == 0)
    return 0.0;

  for (guint i = 0; i < question->pairs->len; i++)
    {
      AkPair *pair = g_ptr_array_index (question->pairs, i);

      if (g_strcmp0 (ak_response_get_match (response, pair->id), pair->id) == 0)
        right++;
    }
  return (double)right / question->pairs->len;
}

/* 1 if the answer matches an accepted answer (lenient matching), else 0. */
static double
grade_short_answer (const AkQuestion *question,
                    const AkResponse *response)
{
  return ak_text_matches (ak_response_get_text (response),
                          (const char *const *)question->accepted,
                          question->umlaut_spellings) ? 1.0 : 0.0;
}

/* 1 if the number (see ak_parse_decimal()) lies within the tolerance of
 * the value, else 0; a different unit scores 0. */
static double
grade_numeric (const AkQuestion *question,
               const AkResponse *response)
{
  double value;
  double slack;
  guint n_decimals;

  if (!ak_parse_decimal (ak_response_get_text (response), question->unit, &value, &n_decimals))
    return 0.0;

  /* Decimals such as 0.1 have no exact binary form; a few units in the last
   * place keep an answer that lies exactly on the bound inside it. For a
   * large value those units grow, but never to half a step of the last
   * digit the learner wrote: 1000000000000001 stays off 10^15. */
  slack = 8 * DBL_EPSILON * MAX (fabs (value), fabs (question->value));
  slack = MIN (slack, 0.5 * pow (10, -(double)n_decimals));
  return fabs (value - question->value) <= question->tolerance + slack ? 1.0 : 0.0;
}

static const AkGradeFunc graders[AK_N_QUESTION_TYPES] = {
  [AK_QUESTION_SINGLE_CHOICE] = grade_single_choice,
  [AK_QUESTION_MULTIPLE_CHOICE] = grade_multiple_choice,
  [AK_QUESTION_TRUE_FALSE] = grade_true_false,
  [AK_QUESTION_GAP_TEXT] = grade_gap_text,
  [AK_QUESTION_ORDERING] = grade_ordering,
  [AK_QUESTION_MATCHING] = grade_matching,
  [AK_QUESTION_SHORT_ANSWER] = grade_short_answer,
  [AK_QUESTION_NUMERIC] = grade_numeric,
};

/* An answer stored for an older version of a question can have another
 * type; it is no answer to this one, and no programming error either. */
static gboolean
response_fits (const AkQuestion *question,
               const AkResponse *response)
{
  return response != NULL && ak_response_get_question_type (response) == question->type;
}

/**
 * ak_grade:
 * @question: the question
 * @response: (nullable): the learner's answer, %NULL when there is none
 *
 * Grades @response by the rule for the type of @question (the rules are
 * written out in courses/README.md and next to each grading function).
 * A missing answer, or one to a question of another type, scores 0.
 *
 * Returns: the score, from 0 to 1
 */
double
ak_grade (const AkQuestion *question,
          const AkResponse *response)
{
  double score;

  g_return_val_if_fail (question != NULL, 0.0);
  g_return_val_if_fail ((guint)question->type < AK_N_QUESTION_TYPES, 0.0);

  if (!response_fits (question, response))
    return 0.0;

  score = graders[question->type] (question, response);
  return CLAMP (score, 0.0, 1.0);
}

/**
 * ak_grade_feedback:
 * @question: the question
 * @response: (nullable): the learner's answer
 *
 * Collects the feedback the trainer wrote for what the learner picked: for
 * each picked choice of a single- or multiple-choice question in the order
 * of the choices, and for the value picked in a true-or-false question.
 * Other question types have no such feedback.
 *
 * Returns: (transfer full) (element-type utf8): the feedback markup
 */
GPtrArray *
ak_grade_feedback (const AkQuestion *question,
                   const AkResponse *response)
{
  g_autoptr(GPtrArray) feedback = NULL;
  gboolean value;

  g_return_val_if_fail (question != NULL, NULL);

  feedback = g_ptr_array_new_with_free_func (g_free);
  if (!response_fits (question, response))
    return g_steal_pointer (&feedback);

  switch (question->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
      for (guint i = 0; i < question->choices->len; i++)
        {
          AkChoice *choice = g_ptr_array_index (question->choices, i);

          if (choice->feedback != NULL && choice_is_picked (response, choice->id))
            g_ptr_array_add (feedback, g_strdup (choice->feedback));
        }
      break;

    case AK_QUESTION_TRUE_FALSE:
      if (ak_response_get_boolean (response, &value))
        {
          const char *markup = value ? question->feedback_true : question->feedback_false;

          if (markup != NULL)
            g_ptr_array_add (feedback, g_strdup (markup));
        }
      break;

    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_ORDERING:
    case AK_QUESTION_MATCHING:
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
    case AK_N_QUESTION_TYPES:
    default:
      break;
    }

  return g_steal_pointer (&feedback);
}

/**
 * ak_quiz_score:
 * @quiz: the quiz
 * @scores_by_question_id: (nullable) (element-type utf8 double*): the
 *   question id → a pointer to its score from ak_grade()
 * @max_points: (out) (optional): the sum of the points of all questions
 *
 * Adds up the quiz: each question brings its score times its points. A
 * question without a score counts 0.
 *
 * Returns: the points reached
 */
double
ak_quiz_score (const AkQuiz *quiz,
               GHashTable   *scores_by_question_id,
               double       *max_points)
{
  double points = 0.0;
  double max = 0.0;

  g_return_val_if_fail (quiz != NULL, 0.0);

  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);
      const double *score = NULL;

      if (scores_by_question_id != NULL)
        score = g_hash_table_lookup (scores_by_question_id, question->id);

      max += question->points;
      if (score != NULL && isfinite (*score))
        points += CLAMP (*score, 0.0, 1.0) * question->points;
    }

  if (max_points != NULL)
    *max_points = max;
  return points;
}

/**
 * ak_quiz_is_passed:
 * @quiz: the quiz
 * @points: the points reached, from ak_quiz_score()
 * @max_points: the points there are, from ak_quiz_score()
 *
 * A quiz is passed when @points / @max_points is at least the pass mark;
 * exactly the pass mark passes.
 *
 * Returns: whether the learner passed @quiz
 */
gboolean
ak_quiz_is_passed (const AkQuiz *quiz,
                   double        points,
                   double        max_points)
{
  g_return_val_if_fail (quiz != NULL, FALSE);

  if (!(max_points > 0.0))
    return quiz->pass_mark == 0;

  /* Fractional scores add up with rounding errors (0.7 + 0.1 + 0.1 falls
   * short of 0.9); a tiny slack keeps a learner on the mark from failing. */
  return points * 100.0 >= (quiz->pass_mark - 1e-9) * max_points;
}
