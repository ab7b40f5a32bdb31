/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The parts of a course: sources, lessons with their sections and blocks,
 * quizzes with their questions, and what a question is made of. They are
 * plain data owned by their AkCourse: a pointer to a part stays valid as
 * long as the course does. A view keeps a reference on the course, and after
 * a reload (which makes a new AkCourse) finds its place again by ids with
 * ak_course_get_lesson_by_id(), ak_course_find_section() and
 * ak_course_find_question().
 *
 * Outside the core the parts are opaque and read through the accessors
 * below; an index out of range is a programming error and returns NULL.
 * Text that may carry emphasis comes twice: as Pango markup (<i>, <b>,
 * escaped) for display, and as plain text for search and export.
 */

typedef enum
{
  AK_QUESTION_SINGLE_CHOICE,
  AK_QUESTION_MULTIPLE_CHOICE,
  AK_QUESTION_TRUE_FALSE,
  AK_QUESTION_GAP_TEXT,
  AK_QUESTION_ORDERING,
  AK_QUESTION_MATCHING,
  AK_QUESTION_SHORT_ANSWER,
  AK_QUESTION_NUMERIC,
  AK_N_QUESTION_TYPES /*< skip >*/
} AkQuestionType;

typedef enum
{
  AK_BLOCK_PARAGRAPH,
  AK_BLOCK_LIST,
  AK_BLOCK_THESIS,
  AK_BLOCK_QUOTE,
  AK_BLOCK_FIGURE
} AkBlockType;

typedef struct _AkSource   AkSource;
typedef struct _AkLesson   AkLesson;
typedef struct _AkSection  AkSection;
typedef struct _AkBlock    AkBlock;
typedef struct _AkQuiz     AkQuiz;
typedef struct _AkQuestion AkQuestion;
typedef struct _AkChoice   AkChoice;
typedef struct _AkGap      AkGap;
typedef struct _AkSegment  AkSegment;
typedef struct _AkPair     AkPair;

/* Question types: the element name in a course file (also the enum's nick)
 * and the translated name for display. */
const char         *ak_question_type_to_string      (AkQuestionType    type);
const char         *ak_question_type_get_label      (AkQuestionType    type);

/* A source every thesis and quote is attributed to. */
const char         *ak_source_get_id                (const AkSource   *source);
const char *const  *ak_source_get_authors           (const AkSource   *source);
const char         *ak_source_get_title             (const AkSource   *source);
const char         *ak_source_get_publication       (const AkSource   *source);
int                 ak_source_get_year              (const AkSource   *source);
const char         *ak_source_get_url               (const AkSource   *source);

/* A lesson: ordered sections. */
const char         *ak_lesson_get_id                (const AkLesson   *lesson);
const char         *ak_lesson_get_title             (const AkLesson   *lesson);
guint               ak_lesson_get_n_sections        (const AkLesson   *lesson);
const AkSection    *ak_lesson_get_section           (const AkLesson   *lesson,
                                                     guint             index);

/* A section: ordered blocks. */
const char         *ak_section_get_id               (const AkSection  *section);
const char         *ak_section_get_title            (const AkSection  *section);
guint               ak_section_get_n_blocks         (const AkSection  *section);
const AkBlock      *ak_section_get_block            (const AkSection  *section,
                                                     guint             index);

/* A block: what it holds depends on its type (see each getter). */
AkBlockType         ak_block_get_block_type         (const AkBlock    *block);
const char         *ak_block_get_id                 (const AkBlock    *block);
const char         *ak_block_get_markup             (const AkBlock    *block);
const char         *ak_block_get_text               (const AkBlock    *block);
const char *const  *ak_block_get_items              (const AkBlock    *block);
gboolean            ak_block_get_numbered           (const AkBlock    *block);
const char         *ak_block_get_source_id          (const AkBlock    *block);
const char         *ak_block_get_page               (const AkBlock    *block);
const char         *ak_block_get_figure_path        (const AkBlock    *block);
const char         *ak_block_get_alt                (const AkBlock    *block);

/* A quiz: ordered questions and the mark to pass. */
const char         *ak_quiz_get_id                  (const AkQuiz     *quiz);
const char         *ak_quiz_get_title               (const AkQuiz     *quiz);
const char         *ak_quiz_get_description         (const AkQuiz     *quiz);
guint               ak_quiz_get_pass_mark           (const AkQuiz     *quiz);
gboolean            ak_quiz_get_shuffle             (const AkQuiz     *quiz);
gboolean            ak_quiz_get_certifying          (const AkQuiz     *quiz);
const char         *ak_quiz_get_hash                (const AkQuiz     *quiz);
guint               ak_quiz_get_n_questions         (const AkQuiz     *quiz);
const AkQuestion   *ak_quiz_get_question            (const AkQuiz     *quiz,
                                                     guint             index);
AkQuestion         *ak_quiz_find_question           (const AkQuiz     *quiz,
                                                     const char       *question_id);

/* A question: what every type has. */
AkQuestionType      ak_question_get_question_type   (const AkQuestion *question);
const char         *ak_question_get_id              (const AkQuestion *question);
const char         *ak_question_get_prompt          (const AkQuestion *question);
const char         *ak_question_get_prompt_text     (const AkQuestion *question);
const char *const  *ak_question_get_tests           (const AkQuestion *question);
guint               ak_question_get_points          (const AkQuestion *question);
const char         *ak_question_get_explanation     (const AkQuestion *question);
const char         *ak_question_get_hash            (const AkQuestion *question);

/* Single and multiple choice: the choices, and whether the file's order is kept. */
guint               ak_question_get_n_choices       (const AkQuestion *question);
const AkChoice     *ak_question_get_choice          (const AkQuestion *question,
                                                     guint             index);
gboolean            ak_question_get_keep_order      (const AkQuestion *question);
/* True or false: the answer and the feedback for each pick. */
gboolean            ak_question_get_answer          (const AkQuestion *question);
const char         *ak_question_get_feedback_true   (const AkQuestion *question);
const char         *ak_question_get_feedback_false  (const AkQuestion *question);
/* Gap text: segments in reading order, and its gaps on their own. */
guint               ak_question_get_n_segments      (const AkQuestion *question);
const AkSegment    *ak_question_get_segment         (const AkQuestion *question,
                                                     guint             index);
guint               ak_question_get_n_gaps          (const AkQuestion *question);
const AkGap        *ak_question_get_gap             (const AkQuestion *question,
                                                     guint             index);
/* Ordering: the items in the correct order. */
guint               ak_question_get_n_items         (const AkQuestion *question);
const AkChoice     *ak_question_get_item            (const AkQuestion *question,
                                                     guint             index);
/* Matching: the pairs and the extra right-hand items. */
guint               ak_question_get_n_pairs         (const AkQuestion *question);
const AkPair       *ak_question_get_pair            (const AkQuestion *question,
                                                     guint             index);
guint               ak_question_get_n_distractors   (const AkQuestion *question);
const AkChoice     *ak_question_get_distractor      (const AkQuestion *question,
                                                     guint             index);
/* Short answer: the accepted answers. */
const char *const  *ak_question_get_accepted        (const AkQuestion *question);
gboolean            ak_question_get_umlaut_spellings (const AkQuestion *question);
/* Numeric: the value, how far an answer may be off, the unit. */
double              ak_question_get_value           (const AkQuestion *question);
double              ak_question_get_tolerance       (const AkQuestion *question);
const char         *ak_question_get_unit            (const AkQuestion *question);
/* By id, as a response names them. */
const AkChoice     *ak_question_find_choice         (const AkQuestion *question,
                                                     const char       *choice_id);
const AkGap        *ak_question_find_gap            (const AkQuestion *question,
                                                     const char       *gap_id);
const AkPair       *ak_question_find_pair           (const AkQuestion *question,
                                                     const char       *pair_id);

/* A choice, an ordering item or a matching distractor. */
const char         *ak_choice_get_id                (const AkChoice   *choice);
const char         *ak_choice_get_markup            (const AkChoice   *choice);
const char         *ak_choice_get_text              (const AkChoice   *choice);
gboolean            ak_choice_get_correct           (const AkChoice   *choice);
const char         *ak_choice_get_feedback          (const AkChoice   *choice);

/* A gap in a gap text and the answers it accepts. */
const char         *ak_gap_get_id                   (const AkGap      *gap);
const char *const  *ak_gap_get_accepted             (const AkGap      *gap);
gboolean            ak_gap_get_umlaut_spellings     (const AkGap      *gap);

/* A run of a gap text: markup, or a gap. */
gboolean            ak_segment_is_gap               (const AkSegment  *segment);
const char         *ak_segment_get_markup           (const AkSegment  *segment);
const AkGap        *ak_segment_get_gap              (const AkSegment  *segment);

/* A matching pair. */
const char         *ak_pair_get_id                  (const AkPair     *pair);
const char         *ak_pair_get_left_markup         (const AkPair     *pair);
const char         *ak_pair_get_right_markup        (const AkPair     *pair);

G_END_DECLS

#include "ak-enum-types.h"
