/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-course.h"
#include "ak-diagnostic.h"

G_BEGIN_DECLS

#define AK_TYPE_COURSE_LIBRARY (ak_course_library_get_type ())
G_DECLARE_FINAL_TYPE (AkCourseLibrary, ak_course_library, AK, COURSE_LIBRARY, GObject)

AkCourseLibrary *ak_course_library_new             (void);
void             ak_course_library_add_directory   (AkCourseLibrary *self,
                                                    const char      *path);
void             ak_course_library_add_file        (AkCourseLibrary *self,
                                                    const char      *path);
void             ak_course_library_reload          (AkCourseLibrary *self);
AkCourse        *ak_course_library_lookup          (AkCourseLibrary *self,
                                                    const char      *course_id);
GStrv            ak_course_library_list_files      (AkCourseLibrary *self);
GPtrArray       *ak_course_library_get_diagnostics (AkCourseLibrary *self,
                                                    const char      *path);
guint            ak_course_library_get_n_errors    (AkCourseLibrary *self);

G_END_DECLS
