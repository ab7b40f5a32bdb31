/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-course.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

#define AK_TYPE_COURSE_ROW (ak_course_row_get_type ())
G_DECLARE_FINAL_TYPE (AkCourseRow, ak_course_row, AK, COURSE_ROW, AdwActionRow)

AkCourseRow *ak_course_row_new        (AkCourse    *course);
AkCourse    *ak_course_row_get_course (AkCourseRow *self);
void         ak_course_row_set_course (AkCourseRow *self,
                                       AkCourse    *course);
void         ak_course_row_set_progress (AkCourseRow            *self,
                                         const AkCourseProgress *progress);
void         ak_course_row_set_has_problems (AkCourseRow *self,
                                             gboolean     has_problems);
gboolean     ak_course_row_get_has_problems (AkCourseRow *self);
gboolean     ak_course_row_get_passed (AkCourseRow *self);

G_END_DECLS
