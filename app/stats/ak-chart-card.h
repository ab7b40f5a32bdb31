/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-chart.h"

G_BEGIN_DECLS

#define AK_TYPE_CHART_CARD (ak_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (AkChartCard, ak_chart_card, AK, CHART_CARD, AdwBin)

GtkWidget *ak_chart_card_new        (void);
AkChart   *ak_chart_card_get_chart  (AkChartCard *self);
void       ak_chart_card_set_chart  (AkChartCard *self,
                                     AkChart     *chart);
void       ak_chart_card_set_header (AkChartCard *self,
                                     GtkWidget   *header);
GtkGrid   *ak_chart_card_get_table  (AkChartCard *self);

G_END_DECLS
