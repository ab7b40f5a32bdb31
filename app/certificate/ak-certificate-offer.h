/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-context.h"

G_BEGIN_DECLS

gboolean ak_certificate_can_offer (AkContext  *context,
                                   AkCourse   *course,
                                   const char *quiz_id,
                                   gint64      attempt_id);
void     ak_certificate_offer     (GtkWindow  *parent,
                                   AkContext  *context,
                                   AkCourse   *course,
                                   const char *quiz_id,
                                   gint64      attempt_id);
char    *ak_certificate_suggest_file_name (AkCourse *course);

G_END_DECLS
