/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-chart.h"

G_BEGIN_DECLS

/* One column: a value, or none (a week without reviews). */
typedef struct
{
  const char *label;     /* under the column; also the first cell of its table row */
  double      value;
  gboolean    has_value;
  const char *tooltip;
} AkColumn;

typedef enum
{
  AK_COLUMN_VALUE_COUNT,    /* whole numbers from 0 */
  AK_COLUMN_VALUE_PERCENT   /* shares from 0 to 1 */
} AkColumnValue;

#define AK_TYPE_COLUMN_CHART (ak_column_chart_get_type ())
G_DECLARE_FINAL_TYPE (AkColumnChart, ak_column_chart, AK, COLUMN_CHART, AkChart)

GtkWidget *ak_column_chart_new         (void);
void       ak_column_chart_set_columns (AkColumnChart  *self,
                                        AkColumnValue   kind,
                                        const AkColumn *columns,
                                        guint           n_columns);
void       ak_column_chart_set_target  (AkColumnChart  *self,
                                        double          target,
                                        const char     *label);
double     ak_column_chart_get_target  (AkColumnChart  *self);
void       ak_column_chart_set_forecast (AkColumnChart *self,
                                         const GDate   *first,
                                         const guint   *counts,
                                         guint          n_days);

G_END_DECLS
