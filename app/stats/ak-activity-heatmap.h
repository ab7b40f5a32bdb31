/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-chart.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

#define AK_TYPE_ACTIVITY_HEATMAP (ak_activity_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (AkActivityHeatmap, ak_activity_heatmap, AK, ACTIVITY_HEATMAP, AkChart)

GtkWidget *ak_activity_heatmap_new          (void);
void       ak_activity_heatmap_set_days     (AkActivityHeatmap   *self,
                                             const AkActivityDay *days,
                                             guint                n_days);
int        ak_activity_heatmap_get_level    (AkActivityHeatmap   *self,
                                             guint                index);
GDateWeekday ak_activity_heatmap_get_first_weekday (void);

G_END_DECLS
