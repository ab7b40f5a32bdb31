/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The course model. A course is a GObject so that it can live in a
 * GListModel; everything below it is plain data owned by the course and
 * read-only for everybody but the loader. Text that may carry emphasis is
 * kept twice: as Pango markup (<i>, <b>, escaped) for display, and as plain
 * text for search and export.
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
  AK_N_QUESTION_TYPES
} AkQuestionType;

typedef enum
{
  AK_BLOCK_PARAGRAPH,
  AK_BLOCK_LIST,
  AK_BLOCK_THESIS,
  AK_BLOCK_QUOTE,
  AK_BLOCK_FIGURE
} AkBlockType;

typedef struct
{
  char  *id;
  char **authors;       /* NULL-terminated, may be empty */
  char  *title;
  char  *publication;   /* nullable */
  int    year;          /* 0 when unknown */
  char  *url;           /* nullable */
} AkSource;

typedef struct
{
  AkBlockType type;
  char   *id;           /* thesis: its id; otherwise NULL */
  char   *markup;       /* paragraph, thesis, quote; figure caption (nullable) */
  char   *text;         /* markup without tags */
  char  **items;        /* list: item markup, NULL-terminated */
  gboolean numbered;    /* list */
  char   *source_id;    /* thesis (nullable), quote */
  char   *page;         /* quote, nullable */
  char   *figure_path;  /* figure: absolute path inside the course folder */
  char   *alt;          /* figure */
} AkBlock;

typedef struct
{
  char      *id;
  char      *title;
  GPtrArray *blocks;    /* AkBlock */
} AkSection;

typedef struct
{
  char      *id;
  char      *title;
  GPtrArray *sections;  /* AkSection */
} AkLesson;

/* A choice (single/multiple choice), an ordering item or a matching distractor. */
typedef struct
{
  char    *id;
  char    *markup;
  char    *text;
  gboolean correct;
  char    *feedback;    /* markup shown when picked; nullable */
} AkChoice;

typedef struct
{
  char    *id;
  char   **accepted;    /* NULL-terminated */
  gboolean umlaut_spellings;
} AkGap;

/* Gap text is a run of segments: either markup or a gap. */
typedef struct
{
  char  *markup;        /* NULL for a gap */
  AkGap *gap;           /* NULL for text; points into AkQuestion.gaps */
} AkSegment;

typedef struct
{
  char *id;
  char *left_markup;
  char *right_markup;
} AkPair;

typedef struct
{
  AkQuestionType type;
  char      *id;
  char      *prompt;          /* markup */
  char      *prompt_text;
  char     **tests;           /* thesis references: "id" or "course:id" */
  guint      points;
  char      *explanation;     /* markup */
  char      *hash;            /* hex SHA-256 of the graded content */

  GPtrArray *choices;         /* single/multiple choice: AkChoice */
  gboolean   answer;          /* true-false */
  char      *feedback_true;   /* true-false, nullable */
  char      *feedback_false;
  GPtrArray *segments;        /* gap text: AkSegment */
  GPtrArray *gaps;            /* gap text: AkGap, in reading order */
  GPtrArray *items;           /* ordering: AkChoice in the correct order */
  GPtrArray *pairs;           /* matching: AkPair */
  GPtrArray *distractors;     /* matching: AkChoice, extra right-hand items */
  char     **accepted;        /* short answer */
  gboolean   umlaut_spellings;/* short answer */
  double     value;           /* numeric */
  double     tolerance;
  char      *unit;            /* numeric, nullable */
} AkQuestion;

typedef struct
{
  char      *id;
  char      *title;
  char      *description;     /* markup, nullable */
  guint      pass_mark;       /* percent */
  gboolean   shuffle;
  GPtrArray *questions;       /* AkQuestion */
  char      *hash;            /* hex SHA-256 over its questions' hashes */
} AkQuiz;

#define AK_TYPE_COURSE (ak_course_get_type ())
G_DECLARE_FINAL_TYPE (AkCourse, ak_course, AK, COURSE, GObject)

const char  *ak_course_get_id            (AkCourse   *self);
const char  *ak_course_get_version       (AkCourse   *self);
const char  *ak_course_get_language      (AkCourse   *self);
const char  *ak_course_get_title         (AkCourse   *self);
const char  *ak_course_get_summary       (AkCourse   *self);
const char  *ak_course_get_summary_text  (AkCourse   *self);
guint        ak_course_get_minutes       (AkCourse   *self);
const char  *ak_course_get_path          (AkCourse   *self);
GPtrArray   *ak_course_get_sources       (AkCourse   *self);
GPtrArray   *ak_course_get_lessons       (AkCourse   *self);
GPtrArray   *ak_course_get_quizzes       (AkCourse   *self);
guint        ak_course_get_n_questions   (AkCourse   *self);
GPtrArray   *ak_course_list_theses       (AkCourse   *self);
AkSource    *ak_course_find_source       (AkCourse   *self,
                                          const char *source_id);
AkBlock     *ak_course_find_thesis       (AkCourse   *self,
                                          const char *thesis_id,
                                          AkLesson  **lesson,
                                          AkSection **section);
AkQuiz      *ak_course_find_quiz         (AkCourse   *self,
                                          const char *quiz_id);
AkQuestion  *ak_quiz_find_question       (AkQuiz     *quiz,
                                          const char *question_id);

const char  *ak_question_type_to_string  (AkQuestionType type);
const char  *ak_question_type_get_label  (AkQuestionType type);

G_END_DECLS
