/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-context.h"
#include "ak-course.h"

G_BEGIN_DECLS

#define AK_TYPE_LESSON_PAGE (ak_lesson_page_get_type ())
G_DECLARE_FINAL_TYPE (AkLessonPage, ak_lesson_page, AK, LESSON_PAGE, AdwBin)

GtkWidget  *ak_lesson_page_new            (AkContext    *context,
                                           AkCourse     *course,
                                           const char   *lesson_id,
                                           const char   *section_id);
AkCourse   *ak_lesson_page_get_course     (AkLessonPage *self);
const char *ak_lesson_page_get_lesson_id  (AkLessonPage *self);
gboolean    ak_lesson_page_get_loading    (AkLessonPage *self);
double      ak_lesson_page_get_text_scale (AkLessonPage *self);
void        ak_lesson_page_set_text_scale (AkLessonPage *self,
                                           double        scale);
gboolean    ak_lesson_page_scroll_to_section (AkLessonPage *self,
                                              const char   *section_id);

G_END_DECLS
