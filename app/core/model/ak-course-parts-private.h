/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The parts' fields, for the core only: the loader fills them in, grading,
 * checks and the store read them directly. The GUI sees the parts as opaque
 * and reads them through the accessors in ak-course-parts.h, so that no view
 * can write to a course.
 */
#ifndef AK_CORE_COMPILATION
# error "ak-course-parts-private.h is for the core only: use the accessors in ak-course-parts.h"
#endif

#include "ak-course-parts.h"

G_BEGIN_DECLS

struct _AkSource
{
  char  *id;
  char **authors;       /* NULL-terminated, may be empty */
  char  *title;
  char  *publication;   /* nullable */
  int    year;          /* 0 when unknown */
  char  *url;           /* nullable */
};

struct _AkBlock
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
};

struct _AkSection
{
  char      *id;
  char      *title;
  GPtrArray *blocks;    /* AkBlock */
};

struct _AkLesson
{
  char      *id;
  char      *title;
  GPtrArray *sections;  /* AkSection */
};

/* A choice (single/multiple choice), an ordering item or a matching distractor. */
struct _AkChoice
{
  char    *id;
  char    *markup;
  char    *text;
  gboolean correct;
  char    *feedback;    /* markup shown when picked; nullable */
};

struct _AkGap
{
  char    *id;
  char   **accepted;    /* NULL-terminated */
  gboolean umlaut_spellings;
};

/* Gap text is a run of segments: either markup or a gap. */
struct _AkSegment
{
  char  *markup;        /* NULL for a gap */
  AkGap *gap;           /* NULL for text; points into AkQuestion.gaps */
};

struct _AkPair
{
  char *id;
  char *left_markup;
  char *right_markup;
};

struct _AkQuestion
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
  gboolean   keep_order;      /* single/multiple choice: shown in the file's order */
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
};

struct _AkQuiz
{
  char      *id;
  char      *title;
  char      *description;     /* markup, nullable */
  guint      pass_mark;       /* percent */
  gboolean   shuffle;
  gboolean   certifying;      /* resolved: the last quiz unless the file says */
  GPtrArray *questions;       /* AkQuestion */
  char      *hash;            /* hex SHA-256 over its questions' hashes */
};

G_END_DECLS
