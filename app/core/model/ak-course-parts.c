/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course.h"

/*
 * The accessors through which views read the parts of a course. Each one
 * only reads a field; an index past the end is a programming error.
 */

/* The part at @index of @array, or NULL with a critical when out of range. */
#define RETURN_INDEX(array, index) \
  G_STMT_START { \
    g_return_val_if_fail ((index) < (array)->len, NULL); \
    return g_ptr_array_index ((array), (index)); \
  } G_STMT_END

/* Sources */

const char *
ak_source_get_id (const AkSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->id;
}

const char *const *
ak_source_get_authors (const AkSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return (const char *const *)source->authors;
}

const char *
ak_source_get_title (const AkSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->title;
}

const char *
ak_source_get_publication (const AkSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->publication;
}

int
ak_source_get_year (const AkSource *source)
{
  g_return_val_if_fail (source != NULL, 0);
  return source->year;
}

const char *
ak_source_get_url (const AkSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->url;
}

/* Lessons */

const char *
ak_lesson_get_id (const AkLesson *lesson)
{
  g_return_val_if_fail (lesson != NULL, NULL);
  return lesson->id;
}

const char *
ak_lesson_get_title (const AkLesson *lesson)
{
  g_return_val_if_fail (lesson != NULL, NULL);
  return lesson->title;
}

guint
ak_lesson_get_n_sections (const AkLesson *lesson)
{
  g_return_val_if_fail (lesson != NULL, 0);
  return lesson->sections->len;
}

const AkSection *
ak_lesson_get_section (const AkLesson *lesson,
                       guint           index)
{
  g_return_val_if_fail (lesson != NULL, NULL);
  RETURN_INDEX (lesson->sections, index);
}

/* Sections */

const char *
ak_section_get_id (const AkSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);
  return section->id;
}

const char *
ak_section_get_title (const AkSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);
  return section->title;
}

guint
ak_section_get_n_blocks (const AkSection *section)
{
  g_return_val_if_fail (section != NULL, 0);
  return section->blocks->len;
}

const AkBlock *
ak_section_get_block (const AkSection *section,
                      guint            index)
{
  g_return_val_if_fail (section != NULL, NULL);
  RETURN_INDEX (section->blocks, index);
}

/* Blocks */

AkBlockType
ak_block_get_block_type (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, AK_BLOCK_PARAGRAPH);
  return block->type;
}

const char *
ak_block_get_id (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->id;
}

const char *
ak_block_get_markup (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->markup;
}

const char *
ak_block_get_text (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->text;
}

const char *const *
ak_block_get_items (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return (const char *const *)block->items;
}

gboolean
ak_block_get_numbered (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, FALSE);
  return block->numbered;
}

const char *
ak_block_get_source_id (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->source_id;
}

const char *
ak_block_get_page (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->page;
}

const char *
ak_block_get_figure_path (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->figure_path;
}

const char *
ak_block_get_alt (const AkBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);
  return block->alt;
}

/* Quizzes */

const char *
ak_quiz_get_id (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  return quiz->id;
}

const char *
ak_quiz_get_title (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  return quiz->title;
}

const char *
ak_quiz_get_description (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  return quiz->description;
}

guint
ak_quiz_get_pass_mark (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->pass_mark;
}

gboolean
ak_quiz_get_shuffle (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, FALSE);
  return quiz->shuffle;
}

/**
 * ak_quiz_get_certifying:
 *
 * Whether passing the quiz earns a certificate of participation: as the
 * file says with `certifying`, and otherwise for the course's last quiz,
 * its final exam.
 */
gboolean
ak_quiz_get_certifying (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, FALSE);
  return quiz->certifying;
}

const char *
ak_quiz_get_hash (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  return quiz->hash;
}

guint
ak_quiz_get_n_questions (const AkQuiz *quiz)
{
  g_return_val_if_fail (quiz != NULL, 0);
  return quiz->questions->len;
}

const AkQuestion *
ak_quiz_get_question (const AkQuiz *quiz,
                      guint         index)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  RETURN_INDEX (quiz->questions, index);
}

/**
 * ak_quiz_find_question:
 *
 * Returns: (nullable): the question with @question_id in @quiz only
 */
AkQuestion *
ak_quiz_find_question (const AkQuiz *quiz,
                       const char   *question_id)
{
  g_return_val_if_fail (quiz != NULL, NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);

      if (g_str_equal (question->id, question_id))
        return question;
    }
  return NULL;
}

/* Questions */

AkQuestionType
ak_question_get_question_type (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, AK_QUESTION_SINGLE_CHOICE);
  return question->type;
}

const char *
ak_question_get_id (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->id;
}

const char *
ak_question_get_prompt (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->prompt;
}

const char *
ak_question_get_prompt_text (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->prompt_text;
}

const char *const *
ak_question_get_tests (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return (const char *const *)question->tests;
}

guint
ak_question_get_points (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->points;
}

const char *
ak_question_get_explanation (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->explanation;
}

const char *
ak_question_get_hash (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->hash;
}

guint
ak_question_get_n_choices (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->choices->len;
}

const AkChoice *
ak_question_get_choice (const AkQuestion *question,
                        guint             index)
{
  g_return_val_if_fail (question != NULL, NULL);
  RETURN_INDEX (question->choices, index);
}

gboolean
ak_question_get_answer (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);
  return question->answer;
}

const char *
ak_question_get_feedback_true (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->feedback_true;
}

const char *
ak_question_get_feedback_false (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->feedback_false;
}

guint
ak_question_get_n_segments (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->segments->len;
}

const AkSegment *
ak_question_get_segment (const AkQuestion *question,
                         guint             index)
{
  g_return_val_if_fail (question != NULL, NULL);
  RETURN_INDEX (question->segments, index);
}

guint
ak_question_get_n_gaps (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->gaps->len;
}

const AkGap *
ak_question_get_gap (const AkQuestion *question,
                     guint             index)
{
  g_return_val_if_fail (question != NULL, NULL);
  RETURN_INDEX (question->gaps, index);
}

guint
ak_question_get_n_items (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->items->len;
}

const AkChoice *
ak_question_get_item (const AkQuestion *question,
                      guint             index)
{
  g_return_val_if_fail (question != NULL, NULL);
  RETURN_INDEX (question->items, index);
}

guint
ak_question_get_n_pairs (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->pairs->len;
}

const AkPair *
ak_question_get_pair (const AkQuestion *question,
                      guint             index)
{
  g_return_val_if_fail (question != NULL, NULL);
  RETURN_INDEX (question->pairs, index);
}

guint
ak_question_get_n_distractors (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0);
  return question->distractors->len;
}

const AkChoice *
ak_question_get_distractor (const AkQuestion *question,
                            guint             index)
{
  g_return_val_if_fail (question != NULL, NULL);
  RETURN_INDEX (question->distractors, index);
}

const char *const *
ak_question_get_accepted (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return (const char *const *)question->accepted;
}

gboolean
ak_question_get_keep_order (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);
  return question->keep_order;
}

gboolean
ak_question_get_umlaut_spellings (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);
  return question->umlaut_spellings;
}

double
ak_question_get_value (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0.0);
  return question->value;
}

double
ak_question_get_tolerance (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, 0.0);
  return question->tolerance;
}

const char *
ak_question_get_unit (const AkQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->unit;
}

/* The choice with @id in @choices, or NULL. */
static const AkChoice *
find_choice_in (GPtrArray  *choices,
                const char *id)
{
  for (guint i = 0; i < choices->len; i++)
    {
      const AkChoice *choice = g_ptr_array_index (choices, i);

      if (g_strcmp0 (choice->id, id) == 0)
        return choice;
    }
  return NULL;
}

/**
 * ak_question_find_choice:
 *
 * Returns: (nullable): the choice, ordering item or matching distractor
 *   with @choice_id
 */
const AkChoice *
ak_question_find_choice (const AkQuestion *question,
                         const char       *choice_id)
{
  const AkChoice *choice;

  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (choice_id != NULL, NULL);

  choice = find_choice_in (question->choices, choice_id);
  if (choice == NULL)
    choice = find_choice_in (question->items, choice_id);
  if (choice == NULL)
    choice = find_choice_in (question->distractors, choice_id);
  return choice;
}

const AkGap *
ak_question_find_gap (const AkQuestion *question,
                      const char       *gap_id)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (gap_id != NULL, NULL);

  for (guint i = 0; i < question->gaps->len; i++)
    {
      const AkGap *gap = g_ptr_array_index (question->gaps, i);

      if (g_strcmp0 (gap->id, gap_id) == 0)
        return gap;
    }
  return NULL;
}

const AkPair *
ak_question_find_pair (const AkQuestion *question,
                       const char       *pair_id)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (pair_id != NULL, NULL);

  for (guint i = 0; i < question->pairs->len; i++)
    {
      const AkPair *pair = g_ptr_array_index (question->pairs, i);

      if (g_strcmp0 (pair->id, pair_id) == 0)
        return pair;
    }
  return NULL;
}

/* Choices, ordering items and distractors */

const char *
ak_choice_get_id (const AkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return choice->id;
}

const char *
ak_choice_get_markup (const AkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return choice->markup;
}

const char *
ak_choice_get_text (const AkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return choice->text;
}

gboolean
ak_choice_get_correct (const AkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, FALSE);
  return choice->correct;
}

const char *
ak_choice_get_feedback (const AkChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);
  return choice->feedback;
}

/* Gaps */

const char *
ak_gap_get_id (const AkGap *gap)
{
  g_return_val_if_fail (gap != NULL, NULL);
  return gap->id;
}

const char *const *
ak_gap_get_accepted (const AkGap *gap)
{
  g_return_val_if_fail (gap != NULL, NULL);
  return (const char *const *)gap->accepted;
}

gboolean
ak_gap_get_umlaut_spellings (const AkGap *gap)
{
  g_return_val_if_fail (gap != NULL, FALSE);
  return gap->umlaut_spellings;
}

/* Segments of a gap text */

gboolean
ak_segment_is_gap (const AkSegment *segment)
{
  g_return_val_if_fail (segment != NULL, FALSE);
  return segment->gap != NULL;
}

const char *
ak_segment_get_markup (const AkSegment *segment)
{
  g_return_val_if_fail (segment != NULL, NULL);
  return segment->markup;
}

const AkGap *
ak_segment_get_gap (const AkSegment *segment)
{
  g_return_val_if_fail (segment != NULL, NULL);
  return segment->gap;
}

/* Matching pairs */

const char *
ak_pair_get_id (const AkPair *pair)
{
  g_return_val_if_fail (pair != NULL, NULL);
  return pair->id;
}

const char *
ak_pair_get_left_markup (const AkPair *pair)
{
  g_return_val_if_fail (pair != NULL, NULL);
  return pair->left_markup;
}

const char *
ak_pair_get_right_markup (const AkPair *pair)
{
  g_return_val_if_fail (pair != NULL, NULL);
  return pair->right_markup;
}
