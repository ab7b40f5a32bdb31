/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-course.h"
#include "ak-diagnostic.h"

G_BEGIN_DECLS

/*
 * The courses found on a search path of files and directories, as a
 * GListModel of AkCourse sorted by title. Files and directories are added
 * in order of precedence: when two files declare the same course id, the
 * one added earlier wins and the other is reported as an error.
 */

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
AkCourse        *ak_course_library_lookup_file     (AkCourseLibrary *self,
                                                    const char      *path);
GStrv            ak_course_library_list_files      (AkCourseLibrary *self);
GPtrArray       *ak_course_library_get_diagnostics (AkCourseLibrary *self,
                                                    const char      *path);
guint            ak_course_library_get_n_errors    (AkCourseLibrary *self);
guint            ak_course_library_get_n_warnings  (AkCourseLibrary *self);
void             ak_course_library_set_watch       (AkCourseLibrary *self,
                                                    gboolean         watch);
gboolean         ak_course_library_get_watch       (AkCourseLibrary *self);

G_END_DECLS
