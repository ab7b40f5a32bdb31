/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-course-library.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

#define AK_TYPE_LIBRARY_SIDEBAR (ak_library_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (AkLibrarySidebar, ak_library_sidebar, AK, LIBRARY_SIDEBAR, AdwBin)

void             ak_library_sidebar_set_library     (AkLibrarySidebar *self,
                                                     AkCourseLibrary  *library);
void             ak_library_sidebar_set_store       (AkLibrarySidebar *self,
                                                     AkProgressStore  *store);
gboolean         ak_library_sidebar_get_search_mode (AkLibrarySidebar *self);
void             ak_library_sidebar_set_search_mode (AkLibrarySidebar *self,
                                                     gboolean          search_mode);

void             ak_library_sidebar_set_open_course (AkLibrarySidebar *self,
                                                     const char       *course_id);

G_END_DECLS
