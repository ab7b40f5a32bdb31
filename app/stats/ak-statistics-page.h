/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-context.h"

G_BEGIN_DECLS

#define AK_TYPE_STATISTICS_PAGE (ak_statistics_page_get_type ())
G_DECLARE_FINAL_TYPE (AkStatisticsPage, ak_statistics_page, AK, STATISTICS_PAGE, AdwBin)

GtkWidget  *ak_statistics_page_new           (AkContext        *context);
void        ak_statistics_page_refresh       (AkStatisticsPage *self);
void        ak_statistics_page_select_course (AkStatisticsPage *self,
                                              const char       *course_id);
const char *ak_statistics_page_get_course_id (AkStatisticsPage *self);
void        ak_statistics_page_set_forecast  (AkStatisticsPage *self,
                                              const GDate      *first,
                                              const guint      *counts,
                                              guint             n_days);

G_END_DECLS
