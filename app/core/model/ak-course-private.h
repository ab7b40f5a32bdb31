/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#ifndef AK_CORE_COMPILATION
# error "ak-course-private.h is for the core only"
#endif

#include "ak-course.h"

G_BEGIN_DECLS

/* The loader fills a course in directly; nobody else writes to it. */
struct _AkCourse
{
  GObject    parent_instance;

  char      *id;
  char      *version;
  char      *language;
  char      *title;
  char      *summary;
  char      *summary_text;
  guint      minutes;
  char      *path;
  GPtrArray *sources;   /* AkSource */
  GPtrArray *lessons;   /* AkLesson */
  GPtrArray *quizzes;   /* AkQuiz */
  GHashTable *positions; /* part → AkCoursePosition, see ak_course_set_position() */
};

typedef struct
{
  guint line;
  guint column;
} AkCoursePosition;

AkCourse   *ak_course_new           (void);
AkSource   *ak_source_new           (void);
AkLesson   *ak_lesson_new           (void);
AkSection  *ak_section_new          (void);
AkBlock    *ak_block_new            (AkBlockType type);
AkQuiz     *ak_quiz_new             (void);
AkQuestion *ak_question_new         (AkQuestionType type);
AkChoice   *ak_choice_new           (void);
AkGap      *ak_gap_new              (void);
AkSegment  *ak_segment_new          (void);
AkPair     *ak_pair_new             (void);

void        ak_course_set_position  (AkCourse   *self,
                                     gconstpointer part,
                                     guint       line,
                                     guint       column);
gboolean    ak_course_get_position  (AkCourse   *self,
                                     gconstpointer part,
                                     guint      *line,
                                     guint      *column);

/* Fills question->hash and quiz->hash from their content. */
void        ak_question_update_hash (AkQuestion *question);
void        ak_quiz_update_hash     (AkQuiz     *quiz);

G_END_DECLS
