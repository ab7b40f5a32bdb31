/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-xml-document.h"

G_BEGIN_DECLS

gboolean ak_course_check_limits (AkXmlDocument *document);

G_END_DECLS
