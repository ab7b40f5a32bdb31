/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-course.h"

G_BEGIN_DECLS

#define AK_TYPE_COURSE_ROW (ak_course_row_get_type ())
G_DECLARE_FINAL_TYPE (AkCourseRow, ak_course_row, AK, COURSE_ROW, AdwActionRow)

AkCourseRow *ak_course_row_new        (AkCourse    *course);
AkCourse    *ak_course_row_get_course (AkCourseRow *self);

G_END_DECLS
