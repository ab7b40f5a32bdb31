/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-library-file.h"

G_BEGIN_DECLS

/*
 * Finding and reading the course files of a search path, in a worker
 * thread: the main thread describes the search path and what it knows
 * (AkLibraryScan), the worker lists the folders, compares every file with
 * what is known and reads only the files that changed, two at a time.
 */

typedef struct _AkLibraryScan AkLibraryScan;

AkLibraryScan *ak_library_scan_new              (void);
void           ak_library_scan_free             (AkLibraryScan *self);
void           ak_library_scan_add_directory    (AkLibraryScan *self,
                                                 const char    *path);
void           ak_library_scan_add_file         (AkLibraryScan *self,
                                                 const char    *path);
void           ak_library_scan_add_forgotten    (AkLibraryScan *self,
                                                 const char    *path);
void           ak_library_scan_add_known        (AkLibraryScan *self,
                                                 AkLibraryFile *file);
void           ak_library_scan_add_changed      (AkLibraryScan *self,
                                                 const char    *path);
GPtrArray     *ak_library_scan_run              (AkLibraryScan *self,
                                                 GCancellable  *cancellable);
gboolean       ak_library_is_course_file_name   (const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkLibraryScan, ak_library_scan_free)

G_END_DECLS
