/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-chart.h"

G_BEGIN_DECLS

/* One bar: a share from 0 to 1, or none yet. */
typedef struct
{
  const char *label;
  double      value;
  gboolean    has_value;
  const char *tooltip;
} AkBarItem;

#define AK_TYPE_BAR_CHART (ak_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (AkBarChart, ak_bar_chart, AK, BAR_CHART, AkChart)

GtkWidget *ak_bar_chart_new       (void);
void       ak_bar_chart_set_items (AkBarChart      *self,
                                   const AkBarItem *items,
                                   guint            n_items);

G_END_DECLS
