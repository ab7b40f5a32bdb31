/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-xml-document.h"

G_BEGIN_DECLS

void ak_quiz_quality_check (AkXmlDocument *document);

G_END_DECLS
