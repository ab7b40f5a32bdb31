/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-context.h"
#include "ak-course.h"

G_BEGIN_DECLS

/*
 * The learner reading one lesson: where to open it, which section was
 * read last, the time spent (counted only while the page is active) and
 * whether it was read to the end, all kept in the progress store. Without
 * a store in the context nothing is kept, and nothing fails.
 */

#define AK_TYPE_LESSON_SESSION (ak_lesson_session_get_type ())
G_DECLARE_FINAL_TYPE (AkLessonSession, ak_lesson_session, AK, LESSON_SESSION, GObject)

AkLessonSession *ak_lesson_session_new             (AkContext        *context,
                                                    AkCourse         *course,
                                                    const char       *lesson_id,
                                                    GError          **error);
AkLesson        *ak_lesson_session_get_lesson      (AkLessonSession  *self);
const char      *ak_lesson_session_get_section_id  (AkLessonSession  *self);
gboolean         ak_lesson_session_get_completed   (AkLessonSession  *self);
gboolean         ak_lesson_session_open            (AkLessonSession  *self,
                                                    GError          **error);
gboolean         ak_lesson_session_read_section    (AkLessonSession  *self,
                                                    const char       *section_id,
                                                    GError          **error);
gboolean         ak_lesson_session_read_to_end     (AkLessonSession  *self,
                                                    GError          **error);
void             ak_lesson_session_set_active      (AkLessonSession  *self,
                                                    gboolean          active);
gboolean         ak_lesson_session_get_active      (AkLessonSession  *self);
double           ak_lesson_session_get_seconds     (AkLessonSession  *self);
gboolean         ak_lesson_session_save_time       (AkLessonSession  *self,
                                                    GError          **error);

G_END_DECLS
