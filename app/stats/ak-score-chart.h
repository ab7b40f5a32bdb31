/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-chart.h"

G_BEGIN_DECLS

/* One finished attempt at a quiz. */
typedef struct
{
  gint64   finished;    /* microseconds since the epoch, UTC */
  double   share;       /* score as a share of the maximum, 0 to 1 */
  gboolean passed;
} AkScorePoint;

#define AK_TYPE_SCORE_CHART (ak_score_chart_get_type ())
G_DECLARE_FINAL_TYPE (AkScoreChart, ak_score_chart, AK, SCORE_CHART, AkChart)

GtkWidget *ak_score_chart_new          (void);
void       ak_score_chart_set_attempts (AkScoreChart       *self,
                                        const char         *quiz_title,
                                        const AkScorePoint *points,
                                        guint               n_points,
                                        double              pass_mark);

G_END_DECLS
