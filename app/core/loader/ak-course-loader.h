/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-course.h"
#include "ak-diagnostic.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing. */
#define AK_COURSE_MAX_FILE_SIZE (8 * 1024 * 1024)
/* Elements nested deeper than this are refused. */
#define AK_COURSE_MAX_DEPTH 64
/* More syntax errors than this in one file are not listed. */
#define AK_COURSE_MAX_SYNTAX_ERRORS 20

AkCourse *ak_course_loader_load_file (const char *path,
                                      GPtrArray  *diagnostics);
AkCourse *ak_course_loader_load_data (const char *data,
                                      gsize       length,
                                      const char *path,
                                      GPtrArray  *diagnostics);

G_END_DECLS
