/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-xml-document.h"

G_BEGIN_DECLS

typedef enum
{
  AK_FIGURE_OK,
  AK_FIGURE_ADDRESS,    /* has a scheme: http:, file:, data: … */
  AK_FIGURE_ABSOLUTE,
  AK_FIGURE_PARENT,     /* has a ".." segment */
  AK_FIGURE_OUTSIDE,    /* resolves (through links) outside the course folder */
  AK_FIGURE_MISSING,
  AK_FIGURE_NOT_FILE,   /* a folder */
  AK_FIGURE_SPECIAL,    /* a pipe, socket or device */
  AK_FIGURE_UNREADABLE  /* not permitted, or a loop of links */
} AkFigureProblem;

AkFigureProblem ak_course_resolve_figure (const char    *course_dir,
                                          const char    *src,
                                          char         **path);
gboolean        ak_course_check          (AkXmlDocument *document,
                                          const char    *course_dir);

G_END_DECLS
