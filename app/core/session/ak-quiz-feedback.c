/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-quiz-feedback.h"

#include <string.h>

#include "ak-grading.h"
#include "ak-quiz-session-private.h"
#include "ak-text-match.h"

G_DEFINE_BOXED_TYPE (AkQuizFeedback, ak_quiz_feedback, ak_quiz_feedback_ref, ak_quiz_feedback_unref)

static void
feedback_part_free (AkFeedbackPart *part)
{
  g_free (part->id);
  g_free (part);
}

static void
lesson_link_free (AkLessonLink *link)
{
  g_free (link->course_id);
  g_free (link->thesis_id);
  g_free (link->lesson_id);
  g_free (link->lesson_title);
  g_free (link->section_id);
  g_free (link->section_title);
  g_free (link);
}

/**
 * ak_quiz_feedback_ref:
 *
 * Returns: (transfer full): @self, with one more reference
 */
AkQuizFeedback *
ak_quiz_feedback_ref (AkQuizFeedback *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ak_quiz_feedback_unref (AkQuizFeedback *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->question_id);
  g_ptr_array_unref (self->parts);
  g_ptr_array_unref (self->choice_feedback);
  g_free (self->explanation);
  g_ptr_array_unref (self->links);
  g_free (self);
}

/**
 * ak_verdict_from_score:
 * @score: a score from grading, 0 to 1
 *
 * Returns: right for a full score, wrong for none, partly right between
 */
AkVerdict
ak_verdict_from_score (double score)
{
  /* Partial scores add up with rounding errors: 1/3 + 1/3 + 1/3. */
  if (score >= 1.0 - 1e-9)
    return AK_VERDICT_RIGHT;
  if (score <= 1e-9)
    return AK_VERDICT_WRONG;
  return AK_VERDICT_PARTLY_RIGHT;
}

static void
add_part (GPtrArray  *parts,
          const char *id,
          gboolean    right,
          gboolean    picked,
          gboolean    correct)
{
  AkFeedbackPart *part = g_new0 (AkFeedbackPart, 1);

  part->id = g_strdup (id);
  part->right = right;
  part->picked = picked;
  part->correct = correct;
  g_ptr_array_add (parts, part);
}

static gboolean
choice_is_picked (const AkResponse *response,
                  const char       *choice_id)
{
  if (ak_response_get_question_type (response) == AK_QUESTION_SINGLE_CHOICE)
    return g_strcmp0 (ak_response_get_choice (response), choice_id) == 0;
  return ak_response_get_choice_selected (response, choice_id);
}

static void
add_ordering_parts (GPtrArray        *parts,
                    const AkQuestion *question,
                    const AkResponse *response)
{
  const char *const *order = ak_response_get_order (response);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);

  /* Item id → 1 + its index in the right order. */
  for (guint i = 0; i < question->items->len; i++)
    g_hash_table_insert (positions, ((AkChoice *)g_ptr_array_index (question->items, i))->id,
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, order[i]));
      guint before = i > 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (positions, order[i - 1])) : 0;
      gboolean right = position == 1 ? i == 0 : position != 0 && before + 1 == position;

      add_part (parts, order[i], right, TRUE, position != 0);
    }
}

/* The parts of @response to mark right or wrong; see AkFeedbackPart. */
static GPtrArray *
collect_parts (const AkQuestion *question,
               const AkResponse *response)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify)feedback_part_free);
  gboolean value;

  if (response == NULL || ak_response_get_question_type (response) != question->type)
    return parts;

  switch (question->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
      for (guint i = 0; i < question->choices->len; i++)
        {
          AkChoice *choice = g_ptr_array_index (question->choices, i);
          gboolean picked = choice_is_picked (response, choice->id);

          add_part (parts, choice->id, !picked == !choice->correct, picked, choice->correct);
        }
      break;

    case AK_QUESTION_TRUE_FALSE:
      /* Both, as the choices of a single choice: a wrong answer shows
       * which one was right. */
      if (ak_response_get_boolean (response, &value))
        for (int side = 1; side >= 0; side--)
          {
            gboolean picked = !value == !side;
            gboolean correct = !question->answer == !side;

            add_part (parts, side ? "true" : "false", picked == correct, picked, correct);
          }
      break;

    case AK_QUESTION_GAP_TEXT:
      for (guint i = 0; i < question->gaps->len; i++)
        {
          AkGap *gap = g_ptr_array_index (question->gaps, i);
          const char *text = ak_response_get_gap (response, gap->id);

          add_part (parts, gap->id,
                    ak_text_matches (text, (const char *const *)gap->accepted,
                                     gap->umlaut_spellings),
                    text != NULL, TRUE);
        }
      break;

    case AK_QUESTION_ORDERING:
      add_ordering_parts (parts, question, response);
      break;

    case AK_QUESTION_MATCHING:
      for (guint i = 0; i < question->pairs->len; i++)
        {
          AkPair *pair = g_ptr_array_index (question->pairs, i);
          const char *match = ak_response_get_match (response, pair->id);

          add_part (parts, pair->id, g_strcmp0 (match, pair->id) == 0, match != NULL, TRUE);
        }
      break;

    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
    case AK_N_QUESTION_TYPES:
    default:
      break;
    }
  return parts;
}

/* Finds the lesson and section of each thesis @question tests: in
 * @course, or in another course of the library for "course:thesis". */
static GPtrArray *
collect_links (AkContext        *context,
               AkCourse         *course,
               const AkQuestion *question)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify)lesson_link_free);

  for (guint i = 0; question->tests != NULL && question->tests[i] != NULL; i++)
    {
      const char *reference = question->tests[i];
      const char *colon = strchr (reference, ':');
      AkLessonLink *link = g_new0 (AkLessonLink, 1);
      AkCourse *home;
      const AkLesson *lesson = NULL;
      const AkSection *section = NULL;

      link->course_id = colon != NULL ? g_strndup (reference, colon - reference)
                                      : g_strdup (ak_course_get_id (course));
      link->thesis_id = g_strdup (colon != NULL ? colon + 1 : reference);
      home = g_str_equal (link->course_id, ak_course_get_id (course))
             ? course : ak_context_lookup_course (context, link->course_id);
      if (home != NULL && ak_course_find_thesis (home, link->thesis_id, &lesson, &section) != NULL)
        {
          link->lesson_id = g_strdup (lesson->id);
          link->lesson_title = g_strdup (lesson->title);
          link->section_id = g_strdup (section->id);
          link->section_title = g_strdup (section->title);
        }
      g_ptr_array_add (links, link);
    }
  return links;
}

/*
 * The feedback to @response, which scored @score. A question edited since
 * it was answered (@changed) keeps that score and its explanation is the
 * new one, but the parts, which would compare the old answer with the
 * new question, are left out.
 */
AkQuizFeedback *
ak_quiz_feedback_new (AkContext        *context,
                      AkCourse         *course,
                      const AkQuestion *question,
                      const AkResponse *response,
                      double            score,
                      gboolean          changed)
{
  AkQuizFeedback *self = g_new0 (AkQuizFeedback, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->question_id = g_strdup (question->id);
  self->score = CLAMP (score, 0.0, 1.0);
  self->verdict = ak_verdict_from_score (self->score);
  self->changed = changed;
  if (changed)
    {
      self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)feedback_part_free);
      self->choice_feedback = g_ptr_array_new_with_free_func (g_free);
    }
  else
    {
      self->parts = collect_parts (question, response);
      self->choice_feedback = ak_grade_feedback (question, response);
    }
  self->explanation = g_strdup (question->explanation);
  self->links = collect_links (context, course, question);
  return self;
}
