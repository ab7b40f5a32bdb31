/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-course.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

#define AK_TYPE_COURSE_OVERVIEW (ak_course_overview_get_type ())
G_DECLARE_FINAL_TYPE (AkCourseOverview, ak_course_overview, AK, COURSE_OVERVIEW, AdwBin)

AkCourseOverview *ak_course_overview_new        (void);
void              ak_course_overview_set_course (AkCourseOverview *self,
                                                 AkCourse         *course);
AkCourse         *ak_course_overview_get_course (AkCourseOverview *self);
void              ak_course_overview_set_store  (AkCourseOverview *self,
                                                 AkProgressStore  *store);
void              ak_course_overview_refresh    (AkCourseOverview *self);

G_END_DECLS
