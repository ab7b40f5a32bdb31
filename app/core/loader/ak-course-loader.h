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
/* More problems of any kind than this in one file are not listed. */
#define AK_COURSE_MAX_PROBLEMS 100
/* Files with more elements than this are refused before parsing: the
 * largest bundled course has 300, a generated one of 4,000 questions
 * about 41,000. */
#define AK_COURSE_MAX_ELEMENTS 100000
/* Start tags with more attributes than this are refused before parsing;
 * no course element has more than seven. */
#define AK_COURSE_MAX_ATTRIBUTES 64
/* Text blocks with more em and strong elements than this are refused
 * before the schema check, whose time grows with their square. */
#define AK_COURSE_MAX_INLINE 1000

GBytes   *ak_course_loader_read_file (const char  *path,
                                      GError     **error);
AkCourse *ak_course_loader_load_file (const char *path,
                                      GPtrArray  *diagnostics);
AkCourse *ak_course_loader_load_data (const char *data,
                                      gsize       length,
                                      const char *path,
                                      GPtrArray  *diagnostics);

G_END_DECLS
