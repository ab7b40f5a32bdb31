/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-course.h"
#include "ak-xml-document.h"

G_BEGIN_DECLS

AkCourse *ak_course_build (AkXmlDocument *document,
                           const char    *path,
                           const char    *course_dir);

G_END_DECLS
