/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-xml-document.h"

G_BEGIN_DECLS

void     ak_course_schema_init     (void);
gboolean ak_course_schema_validate (AkXmlDocument *document);

G_END_DECLS
