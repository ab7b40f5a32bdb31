/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays children out like words in a paragraph: left to right, wrapping
 * onto a new line where the next one does not fit, each line's children
 * centred on it. */
#define AK_TYPE_FLOW_LAYOUT (ak_flow_layout_get_type ())
G_DECLARE_FINAL_TYPE (AkFlowLayout, ak_flow_layout, AK, FLOW_LAYOUT, GtkLayoutManager)

GtkLayoutManager *ak_flow_layout_new (int column_spacing,
                                      int row_spacing);

G_END_DECLS

G_BEGIN_DECLS

/* A plain container with that layout, which takes its children with
 * gtk_widget_set_parent() and lets them go when it is disposed. */
#define AK_TYPE_FLOW_BOX (ak_flow_box_get_type ())
G_DECLARE_FINAL_TYPE (AkFlowBox, ak_flow_box, AK, FLOW_BOX, GtkWidget)

GtkWidget *ak_flow_box_new (int column_spacing,
                            int row_spacing);

G_END_DECLS
