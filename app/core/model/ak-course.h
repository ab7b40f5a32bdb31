/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-course-parts.h"

G_BEGIN_DECLS

/*
 * A course, as the loader made it from one file. It is a GObject so that it
 * can live in a GListModel and views can bind to its read-only properties:
 * id, version, language, title, summary (markup), summary-text, minutes,
 * path, n-sources, n-lessons, n-sections, n-quizzes, n-questions. A course
 * never changes once loaded (a reload makes a new one), so the properties
 * never notify. Its parts are in ak-course-parts.h.
 */

#define AK_TYPE_COURSE (ak_course_get_type ())
G_DECLARE_FINAL_TYPE (AkCourse, ak_course, AK, COURSE, GObject)

/* What the properties hold. */
const char       *ak_course_get_id            (AkCourse          *self);
const char       *ak_course_get_version       (AkCourse          *self);
const char       *ak_course_get_language      (AkCourse          *self);
const char       *ak_course_get_title         (AkCourse          *self);
const char       *ak_course_get_summary       (AkCourse          *self);
const char       *ak_course_get_summary_text  (AkCourse          *self);
guint             ak_course_get_minutes       (AkCourse          *self);
const char       *ak_course_get_path          (AkCourse          *self);
guint             ak_course_get_n_sources     (AkCourse          *self);
guint             ak_course_get_n_lessons     (AkCourse          *self);
guint             ak_course_get_n_sections    (AkCourse          *self);
guint             ak_course_get_n_quizzes     (AkCourse          *self);
guint             ak_course_get_n_questions   (AkCourse          *self);

/* The parts by position, in file order; ak_course_list_theses() gives a
 * new array of the theses in reading order. */
const AkSource   *ak_course_get_source        (AkCourse          *self,
                                               guint              index);
const AkLesson   *ak_course_get_lesson        (AkCourse          *self,
                                               guint              index);
const AkQuiz     *ak_course_get_quiz          (AkCourse          *self,
                                               guint              index);
GPtrArray        *ak_course_list_theses       (AkCourse          *self);

/* The parts by id: ids are unique course-wide for each kind of part. */
const AkLesson   *ak_course_get_lesson_by_id  (AkCourse          *self,
                                               const char        *lesson_id);
const AkSection  *ak_course_find_section      (AkCourse          *self,
                                               const char        *section_id,
                                               const AkLesson   **lesson);
const AkQuestion *ak_course_find_question     (AkCourse          *self,
                                               const char        *question_id,
                                               const AkQuiz     **quiz);
const AkSource   *ak_course_find_source       (AkCourse          *self,
                                               const char        *source_id);
const AkBlock    *ak_course_find_thesis       (AkCourse          *self,
                                               const char        *thesis_id,
                                               const AkLesson   **lesson,
                                               const AkSection  **section);
/* Not const for the core's sake (as ak_quiz_find_question()); views keep
 * the result in a const pointer. */
AkQuiz           *ak_course_find_quiz         (AkCourse          *self,
                                               const char        *quiz_id);

G_END_DECLS

#ifdef AK_CORE_COMPILATION
# include "ak-course-parts-private.h"

G_BEGIN_DECLS

/* The course's own arrays, for the core to walk; never to be changed. */
GPtrArray        *ak_course_get_sources       (AkCourse          *self);
GPtrArray        *ak_course_get_lessons       (AkCourse          *self);
GPtrArray        *ak_course_get_quizzes       (AkCourse          *self);

G_END_DECLS
#endif
