/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-course.h"
#include "ak-diagnostic.h"
#include "ak-library-problem.h"

G_BEGIN_DECLS

/*
 * The courses found on a search path of files and directories, as a
 * GListModel of AkCourse sorted by title. Files and directories are added
 * in order of precedence: when two files declare the same course id, the
 * one added earlier wins and the other is reported. Files the learner
 * opened come before every folder.
 *
 * Reloading reads only the files that changed since the last reload, in
 * a worker thread with ak_course_library_reload_async(); a course whose
 * file did not change keeps its AkCourse, and the model changes only
 * where a course changed.
 */

#define AK_TYPE_COURSE_LIBRARY (ak_course_library_get_type ())
G_DECLARE_FINAL_TYPE (AkCourseLibrary, ak_course_library, AK, COURSE_LIBRARY, GObject)

AkCourseLibrary *ak_course_library_new             (void);
void             ak_course_library_add_directory   (AkCourseLibrary *self,
                                                    const char      *path);
void             ak_course_library_add_file        (AkCourseLibrary *self,
                                                    const char      *path);
void             ak_course_library_open_file       (AkCourseLibrary *self,
                                                    const char      *path);
void             ak_course_library_restore_opened_files (AkCourseLibrary   *self,
                                                    const char *const *paths);
GStrv            ak_course_library_dup_opened_files (AkCourseLibrary *self);
void             ak_course_library_remember_opened_files (AkCourseLibrary *self,
                                                    GSettings       *settings,
                                                    const char      *key);
void             ak_course_library_reload          (AkCourseLibrary *self);
void             ak_course_library_reload_async    (AkCourseLibrary     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         ak_course_library_reload_finish   (AkCourseLibrary *self,
                                                    GAsyncResult    *result,
                                                    GError         **error);
gboolean         ak_course_library_get_loading     (AkCourseLibrary *self);
gboolean         ak_course_library_get_loaded      (AkCourseLibrary *self);
GListModel      *ak_course_library_get_problems    (AkCourseLibrary *self);
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
